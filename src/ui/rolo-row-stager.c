/* rolo-row-stager.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include "rolo-row-stager.h"

/* A tall window's screenful, then steps of at most STEP_BUDGET_MS of row
 * making each (a row of six cells takes about 1.4 ms on this machine), a row
 * at a time; past the rows a list view keeps, nothing more to make. */
#define FIRST_ROWS     24
#define KEPT_ROWS      200
#define STEP_MS        8
#define STEP_BUDGET_MS 6

struct _RoloRowStager
{
  GObject            parent_instance;

  GtkSelectionModel *selection;  /* of every item */
  GtkSliceListModel *slice;      /* of it: the items shown */
  guint              step_id;
};

static void rolo_row_stager_model_init     (GListModelInterface        *iface);
static void rolo_row_stager_selection_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RoloRowStager, rolo_row_stager, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rolo_row_stager_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      rolo_row_stager_selection_init))

static GType
rolo_row_stager_get_item_type (GListModel *list)
{
  return G_TYPE_OBJECT;
}

static guint
rolo_row_stager_get_n_items (GListModel *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (ROLO_ROW_STAGER (list)->slice));
}

static gpointer
rolo_row_stager_get_item (GListModel *list,
                          guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (ROLO_ROW_STAGER (list)->slice), position);
}

static void
rolo_row_stager_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rolo_row_stager_get_item_type;
  iface->get_n_items = rolo_row_stager_get_n_items;
  iface->get_item = rolo_row_stager_get_item;
}

/* Selecting goes to the selection of every item: Select All selects the
 * rows still to be shown too. */
static gboolean
rolo_row_stager_is_selected (GtkSelectionModel *model,
                             guint              position)
{
  return gtk_selection_model_is_selected (ROLO_ROW_STAGER (model)->selection, position);
}

static GtkBitset *
rolo_row_stager_get_selection_in_range (GtkSelectionModel *model,
                                        guint              position,
                                        guint              n_items)
{
  return gtk_selection_model_get_selection_in_range (ROLO_ROW_STAGER (model)->selection,
                                                     position, n_items);
}

static gboolean
rolo_row_stager_set_selection (GtkSelectionModel *model,
                               GtkBitset         *selected,
                               GtkBitset         *mask)
{
  return gtk_selection_model_set_selection (ROLO_ROW_STAGER (model)->selection, selected, mask);
}

static gboolean
rolo_row_stager_select_all (GtkSelectionModel *model)
{
  return gtk_selection_model_select_all (ROLO_ROW_STAGER (model)->selection);
}

static gboolean
rolo_row_stager_unselect_all (GtkSelectionModel *model)
{
  return gtk_selection_model_unselect_all (ROLO_ROW_STAGER (model)->selection);
}

static void
rolo_row_stager_selection_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = rolo_row_stager_is_selected;
  iface->get_selection_in_range = rolo_row_stager_get_selection_in_range;
  iface->set_selection = rolo_row_stager_set_selection;
  iface->select_all = rolo_row_stager_select_all;
  iface->unselect_all = rolo_row_stager_unselect_all;
}

static void
selection_changed_cb (RoloRowStager *self,
                      guint          position,
                      guint          n_items)
{
  guint n_shown = rolo_row_stager_get_n_items (G_LIST_MODEL (self));

  if (position < n_shown)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position,
                                           MIN (n_items, n_shown - position));
}

static gboolean
step_cb (gpointer user_data)
{
  RoloRowStager *self = user_data;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  gint64 until = g_get_monotonic_time () + STEP_BUDGET_MS * G_TIME_SPAN_MILLISECOND;
  guint size = gtk_slice_list_model_get_size (self->slice);

  while (size + 1 < KEPT_ROWS && size + 1 < n_items)
    {
      gtk_slice_list_model_set_size (self->slice, ++size);
      if (g_get_monotonic_time () >= until)
        return G_SOURCE_CONTINUE;
    }

  self->step_id = 0;
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
  return G_SOURCE_REMOVE;
}

/* A result set that starts (the list emptied) is staged again; one that
 * arrives beyond the first screenful goes on in steps. */
static void
model_items_changed_cb (RoloRowStager *self,
                        guint          position,
                        guint          removed,
                        guint          added,
                        GListModel    *model)
{
  guint n_items = g_list_model_get_n_items (model);

  if (n_items == 0)
    {
      g_clear_handle_id (&self->step_id, g_source_remove);
      gtk_slice_list_model_set_size (self->slice, FIRST_ROWS);
    }
  else if (gtk_slice_list_model_get_size (self->slice) < n_items && self->step_id == 0 &&
           gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    self->step_id = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, STEP_MS, step_cb, self, NULL);
}

static void
slice_items_changed_cb (RoloRowStager *self,
                        guint          position,
                        guint          removed,
                        guint          added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
rolo_row_stager_dispose (GObject *object)
{
  RoloRowStager *self = ROLO_ROW_STAGER (object);

  g_clear_handle_id (&self->step_id, g_source_remove);
  if (self->slice != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->slice, self);
      g_signal_handlers_disconnect_by_data (self->selection, self);
    }
  g_clear_object (&self->slice);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (rolo_row_stager_parent_class)->dispose (object);
}

static void
rolo_row_stager_class_init (RoloRowStagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rolo_row_stager_dispose;
}

static void
rolo_row_stager_init (RoloRowStager *self)
{
  self->selection = GTK_SELECTION_MODEL (gtk_multi_selection_new (NULL));
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->selection)), 0,
                                          FIRST_ROWS);
  g_signal_connect_swapped (self->slice, "items-changed", G_CALLBACK (slice_items_changed_cb),
                            self);
  /* After the slice: the stepping starts once it showed the first rows. */
  g_signal_connect_swapped (self->selection, "items-changed",
                            G_CALLBACK (model_items_changed_cb), self);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (selection_changed_cb), self);
}

RoloRowStager *
rolo_row_stager_new (void)
{
  return g_object_new (ROLO_TYPE_ROW_STAGER, NULL);
}

GListModel *
rolo_row_stager_get_model (RoloRowStager *self)
{
  g_return_val_if_fail (ROLO_IS_ROW_STAGER (self), NULL);

  return gtk_multi_selection_get_model (GTK_MULTI_SELECTION (self->selection));
}

void
rolo_row_stager_set_model (RoloRowStager *self,
                           GListModel    *model)
{
  g_return_if_fail (ROLO_IS_ROW_STAGER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (rolo_row_stager_get_model (self) == model)
    return;

  /* Before the model comes: its first rows come a screenful first. */
  g_clear_handle_id (&self->step_id, g_source_remove);
  gtk_slice_list_model_set_size (self->slice, FIRST_ROWS);
  gtk_multi_selection_set_model (GTK_MULTI_SELECTION (self->selection), model);
}

/* The selection of every item, shown or not yet. */
GtkSelectionModel *
rolo_row_stager_get_selection (RoloRowStager *self)
{
  g_return_val_if_fail (ROLO_IS_ROW_STAGER (self), NULL);

  return self->selection;
}

void
rolo_row_stager_finish (RoloRowStager *self)
{
  g_return_if_fail (ROLO_IS_ROW_STAGER (self));

  g_clear_handle_id (&self->step_id, g_source_remove);
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}
