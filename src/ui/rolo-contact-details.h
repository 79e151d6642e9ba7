/* rolo-contact-details.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rolo-contact.h"
#include "rolo-tag-names.h"

G_BEGIN_DECLS

#define ROLO_TYPE_CONTACT_DETAILS (rolo_contact_details_get_type ())

G_DECLARE_FINAL_TYPE (RoloContactDetails, rolo_contact_details, ROLO, CONTACT_DETAILS, AdwBin)

/*
 * A contact to read, not to edit: its name, type and every field that has
 * a value, each under its name, selectable to copy. Empty fields are left
 * out. A contact as the list has it (name, email, mobile, type, created;
 * @complete FALSE) shows just that.
 */
GtkWidget   *rolo_contact_details_new           (void);
void         rolo_contact_details_set_contact   (RoloContactDetails *self,
                                                 RoloContact        *contact,
                                                 gboolean            complete);
RoloContact *rolo_contact_details_get_contact   (RoloContactDetails *self);
/* Tags show by these names where they have one. */
void         rolo_contact_details_set_tag_names (RoloContactDetails *self,
                                                 RoloTagNames       *names);
/* The parent business as named (and told apart by @detail); NULL @name
 * shows its number until the name is known. */
void         rolo_contact_details_set_parent    (RoloContactDetails *self,
                                                 const char         *name,
                                                 const char         *detail);
void         rolo_contact_details_unselect      (RoloContactDetails *self);
/* What the row titled @title shows ("" when hidden): for tests. */
const char  *rolo_contact_details_get_value     (RoloContactDetails *self,
                                                 const char         *title);

G_END_DECLS
