/* rolo-contact-cell.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rolo-contact.h"
#include "rolo-contact-query.h"

G_BEGIN_DECLS

#define ROLO_TYPE_CONTACT_CELL (rolo_contact_cell_get_type ())

G_DECLARE_FINAL_TYPE (RoloContactCell, rolo_contact_cell, ROLO, CONTACT_CELL, GtkWidget)

/*
 * One cell of the contacts table: one field ("field", named like the column
 * that sorts by it: name, type, email, mobile or created) of one contact
 * ("contact"). It follows the contact as it changes, so a placeholder row
 * fills in place when its page arrives; until then it looks like loading,
 * and like failed when its page failed. "position" is the row's position in
 * the list.
 */
GtkWidget            *rolo_contact_cell_new           (RoloContactSortField  field);
RoloContact          *rolo_contact_cell_get_contact   (RoloContactCell      *self);
void                  rolo_contact_cell_set_contact   (RoloContactCell      *self,
                                                       RoloContact          *contact);
RoloContactSortField  rolo_contact_cell_get_field     (RoloContactCell      *self);
guint                 rolo_contact_cell_get_position  (RoloContactCell      *self);
void                  rolo_contact_cell_set_position  (RoloContactCell      *self,
                                                       guint                 position);
/* The text shown, "" when none (for tests and accessibility). */
const char           *rolo_contact_cell_get_text      (RoloContactCell      *self);

/* Makes the cells of the column of @field, and binds them to its rows. */
GtkListItemFactory   *rolo_contact_cell_factory_new   (RoloContactSortField  field);

G_END_DECLS
