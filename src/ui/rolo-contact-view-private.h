/* rolo-contact-view-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rolo-contact-view.h"
#include "rolo-row-stager.h"

G_BEGIN_DECLS

typedef enum
{
  COLUMN_NAME,
  COLUMN_TYPE,
  COLUMN_EMAIL,
  COLUMN_MOBILE,
  COLUMN_CREATED,
  N_COLUMNS
} Column;

struct _RoloContactView
{
  GtkWidget             parent_instance;

  GtkColumnView        *column_view;
  GtkColumnViewColumn  *columns[N_COLUMNS];
  GtkPopover           *context_menu;

  GtkMultiSelection    *selection;
  RoloRowStager        *stager;    /* between the model and the selection */
  GSimpleActionGroup   *column_actions;
  GSettings            *settings;

  /* What the user asked for (the Columns menu, the setting); narrow views
   * show less of it (rolo_contact_view_apply_columns()). */
  gboolean              wanted[N_COLUMNS];
  int                   widths[N_COLUMNS];   /* of hidden columns, to show them again */
  RoloContactViewWidth  width;
  gboolean              applying_columns;

  RoloContactSortField  sort_field;
  gboolean              sort_descending;
  gboolean              applying_sort;
  gboolean              restoring;
  guint                 resort_id;
};

/* rolo-contact-view-menu.c: the row menu (right click, Shift+F10, Menu) */
void rolo_contact_view_class_add_menu (GtkWidgetClass  *widget_class);
void rolo_contact_view_init_menu      (RoloContactView *self);

G_END_DECLS
