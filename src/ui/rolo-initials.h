/* rolo-initials.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ROLO_TYPE_INITIALS (rolo_initials_get_type ())

G_DECLARE_FINAL_TYPE (RoloInitials, rolo_initials, ROLO, INITIALS, GtkWidget)

/*
 * A name's initials on a coloured disc, as AdwAvatar draws them (the same
 * "avatar" node and colour classes, so the same look in every style), but a
 * single widget drawing its text: a table keeps 200 rows of them, made and
 * dropped with each result set. A business is a rounded square.
 */
GtkWidget  *rolo_initials_new          (int           size);
void        rolo_initials_set_text     (RoloInitials *self,
                                        const char   *text);
const char *rolo_initials_get_initials (RoloInitials *self);
void        rolo_initials_set_business (RoloInitials *self,
                                        gboolean      business);

char       *rolo_initials_extract      (const char   *text);
guint       rolo_initials_color        (const char   *text);

G_END_DECLS
