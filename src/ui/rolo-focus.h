/* rolo-focus.h — keyboard focus where GTK 4.8 leaves it wrong
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* When @popover closes with the focus inside it (a pick from its list, or
 * Escape), the focus goes back to @button, which opened it; GTK 4.8 drops
 * it on the next widget in the window instead. */
void rolo_focus_return_from_popover (GtkPopover *popover,
                                     GtkWidget  *button);

/* Tab and Shift+Tab leave @list (a list or column view) for the widget
 * before or after it, as they leave any other control; the arrows still
 * move from row to row. GTK 4.8 walks Tab through every row of the list
 * (4.12 added GtkListTabBehavior for it). */
void rolo_focus_tab_leaves_list    (GtkWidget  *list);

/* The focus lands on the button inside @button, which GTK 4.18 leaves
 * without a name: it is named by @button, whose name a screen reader then
 * reads. */
void rolo_focus_name_menu_button   (GtkMenuButton *button);

G_END_DECLS
