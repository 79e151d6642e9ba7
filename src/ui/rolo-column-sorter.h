/* rolo-column-sorter.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rolo-contact-query.h"

G_BEGIN_DECLS

#define ROLO_TYPE_COLUMN_SORTER (rolo_column_sorter_get_type ())

G_DECLARE_FINAL_TYPE (RoloColumnSorter, rolo_column_sorter, ROLO, COLUMN_SORTER, GtkSorter)

/*
 * The sorter of one GtkColumnViewColumn whose rows the server sorts. It makes
 * the column's header clickable and says which field the column sorts by; it
 * never orders rows itself (every pair compares equal), since the rows arrive
 * in the server's order.
 */
RoloColumnSorter     *rolo_column_sorter_new          (RoloContactSortField  field);
RoloContactSortField  rolo_column_sorter_get_field    (RoloColumnSorter     *self);

/* The sorter of @view's primary sort column, the one whose header shows the
 * arrow, and its direction; NULL when the view is not sorted. */
RoloColumnSorter     *rolo_column_sorter_get_primary  (GtkColumnView        *view,
                                                       gboolean             *descending);

G_END_DECLS
