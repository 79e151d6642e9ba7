/* rolo-row-stager.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ROLO_TYPE_ROW_STAGER (rolo_row_stager_get_type ())

G_DECLARE_FINAL_TYPE (RoloRowStager, rolo_row_stager, ROLO, ROW_STAGER, GObject)

/*
 * A selection model for a list view that shows the items of "model", but those of a new result
 * set a screenful first and then a few more rows per main-loop turn, until
 * a list view has all the row widgets it keeps (200 in GTK 4.8); from then on
 * it shows them all. A list view makes the widgets of every row it is given
 * at once: 200 rows of cells were a 180 ms stall before the first rows
 * could be drawn. Selecting goes to rolo_row_stager_get_selection(), a
 * GtkMultiSelection of every item.
 */
RoloRowStager *rolo_row_stager_new       (void);
GListModel    *rolo_row_stager_get_model (RoloRowStager *self);
void           rolo_row_stager_set_model (RoloRowStager *self,
                                          GListModel    *model);
GtkSelectionModel *rolo_row_stager_get_selection (RoloRowStager *self);
/* Shows every item now, e.g. before selecting them all. */
void           rolo_row_stager_finish    (RoloRowStager *self);

G_END_DECLS
