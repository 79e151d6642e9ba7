/* rolo-contact-view.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rolo-contact-query.h"

G_BEGIN_DECLS

#define ROLO_TYPE_CONTACT_VIEW (rolo_contact_view_get_type ())

G_DECLARE_FINAL_TYPE (RoloContactView, rolo_contact_view, ROLO, CONTACT_VIEW, GtkWidget)

/*
 * The contacts table: a GtkColumnView with Name, Type, Email, Mobile and
 * Created columns over a model of RoloContact (in the server's order), with
 * multiple selection and a context menu on rows.
 *
 * Clicking a column header changes "sort-field" and "sort-descending"; the
 * rows are never reordered locally: whoever owns the model asks the server
 * for the new order. Activating a row activates "win.open-contact" with the
 * contact's id; the Delete key and the row menu's Delete activate
 * "win.delete-selected" (the menu first selects its row, if outside the
 * selection). The column actions ("type", "email", "mobile", "created":
 * boolean, whether the column shows) make a column chooser.
 */
GtkWidget            *rolo_contact_view_new                (void);
GListModel           *rolo_contact_view_get_model          (RoloContactView      *self);
void                  rolo_contact_view_set_model          (RoloContactView      *self,
                                                            GListModel           *model);
GtkSelectionModel    *rolo_contact_view_get_selection      (RoloContactView      *self);
GtkColumnView        *rolo_contact_view_get_column_view    (RoloContactView      *self);
gboolean              rolo_contact_view_focus_row          (RoloContactView      *self,
                                                            guint                 position);
void                  rolo_contact_view_reveal_row         (RoloContactView      *self,
                                                            guint                 position);
RoloContactSortField  rolo_contact_view_get_sort_field     (RoloContactView      *self);
void                  rolo_contact_view_set_sort_field     (RoloContactView      *self,
                                                            RoloContactSortField  field);
gboolean              rolo_contact_view_get_sort_descending (RoloContactView     *self);
void                  rolo_contact_view_set_sort_descending (RoloContactView     *self,
                                                             gboolean             descending);
GActionGroup         *rolo_contact_view_get_column_actions (RoloContactView      *self);
/* Restores the columns (order, visibility, widths) and the sort from
 * @settings, and keeps them there from now on. */
void                  rolo_contact_view_bind_settings      (RoloContactView      *self,
                                                            GSettings            *settings);

/* The columns as the "columns" setting holds them ("a(sbi)"). */
GVariant             *rolo_contact_view_dup_columns        (RoloContactView      *self);
void                  rolo_contact_view_set_columns        (RoloContactView      *self,
                                                            GVariant             *columns);

/* How much of the table the window has room for. */
typedef enum
{
  ROLO_CONTACT_VIEW_WIDE,
  ROLO_CONTACT_VIEW_NARROW,    /* without the lesser columns, Type and Created */
  ROLO_CONTACT_VIEW_NARROWEST, /* the name and one detail */
} RoloContactViewWidth;

void                 rolo_contact_view_set_width           (RoloContactView      *self,
                                                            RoloContactViewWidth  width);

G_END_DECLS
