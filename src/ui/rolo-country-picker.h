/* rolo-country-picker.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ROLO_TYPE_COUNTRY_PICKER (rolo_country_picker_get_type ())

G_DECLARE_FINAL_TYPE (RoloCountryPicker, rolo_country_picker, ROLO, COUNTRY_PICKER, GtkWidget)

/*
 * A button showing the chosen country's code and dialing prefix ("IN +91"),
 * which opens a searchable list of every country (rolo_country_list_get_default())
 * and a No Country button. "country-id" is the API's country id, 0 for none.
 */
GtkWidget *rolo_country_picker_new            (void);
int        rolo_country_picker_get_country_id (RoloCountryPicker *self);
void       rolo_country_picker_set_country_id (RoloCountryPicker *self,
                                               int                country_id);

G_END_DECLS
