/* rolo-business-picker.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rolo-client.h"

G_BEGIN_DECLS

#define ROLO_TYPE_BUSINESS_PICKER (rolo_business_picker_get_type ())

G_DECLARE_FINAL_TYPE (RoloBusinessPicker, rolo_business_picker, ROLO, BUSINESS_PICKER, GtkWidget)

/*
 * A "Choose…" button that opens a search over the Businesses of the
 * workspace, asked of the server (type=2) as the user types, in pages.
 * Choosing one sets "business-id" (0 for none) and "business-name".
 */
GtkWidget  *rolo_business_picker_new               (void);
void        rolo_business_picker_set_client        (RoloBusinessPicker *self,
                                                    RoloClient         *client);
gint64      rolo_business_picker_get_business_id   (RoloBusinessPicker *self);
/* "" when unknown (only the id came with a contact). */
const char *rolo_business_picker_get_business_name (RoloBusinessPicker *self);
void        rolo_business_picker_set_business      (RoloBusinessPicker *self,
                                                    gint64              id,
                                                    const char         *name);
/* Sets the business from its record, with the words that tell it from
 * others of the same name (rolo_business_picker_describe()). */
void        rolo_business_picker_set_business_from (RoloBusinessPicker *self,
                                                    RoloContact        *business);
/* Those words for the business chosen, or "" when only its id is known. */
const char *rolo_business_picker_get_business_detail (RoloBusinessPicker *self);

/* What tells @business from others of the same name, on one line: its
 * email (or mobile), its city when the record has an address, and its
 * number ("info@williams.example · Leeds · No. 482"). */
char       *rolo_business_picker_describe          (RoloContact        *business);

G_END_DECLS
