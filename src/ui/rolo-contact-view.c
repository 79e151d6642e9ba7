/* rolo-contact-view.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include "rolo-column-sorter.h"
#include "rolo-contact-cell.h"
#include "rolo-contact-view-private.h"
#include "rolo-focus.h"

/* Column ids as the "columns" setting and the column actions name them. */
static const char * const column_ids[N_COLUMNS] = {
  "name", "type", "email", "mobile", "created",
};

G_DEFINE_FINAL_TYPE (RoloContactView, rolo_contact_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SORT_FIELD,
  PROP_SORT_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rolo_contact_view_update_headers (RoloContactView *self);
static void rolo_contact_view_save_columns   (RoloContactView *self);

static GtkColumnViewColumn *
rolo_contact_view_column_for_id (RoloContactView *self,
                                 const char      *id)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_str_equal (column_ids[i], id))
      return self->columns[i];

  return NULL;
}

static const char *
rolo_contact_view_column_id (RoloContactView     *self,
                            GtkColumnViewColumn *column)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (self->columns[i] == column)
      return column_ids[i];

  return NULL;
}

static GtkColumnViewColumn *
rolo_contact_view_column_for_field (RoloContactView      *self,
                                    RoloContactSortField  field)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkSorter *sorter = gtk_column_view_column_get_sorter (self->columns[i]);

      if (rolo_column_sorter_get_field (ROLO_COLUMN_SORTER (sorter)) == field)
        return self->columns[i];
    }

  return NULL;
}

static void
rolo_contact_view_apply_sort (RoloContactView *self)
{
  GtkColumnViewColumn *column = rolo_contact_view_column_for_field (self, self->sort_field);
  RoloColumnSorter *primary;
  gboolean descending = FALSE;

  /* GTK 4.8 replaces the sort without telling the column that had it, whose
   * header keeps its arrow: two arrows after a restored sort. Clearing first
   * tells it. */
  primary = rolo_column_sorter_get_primary (self->column_view, &descending);
  if (primary != NULL &&
      (column == NULL || gtk_column_view_column_get_sorter (column) != GTK_SORTER (primary)))
    {
      self->applying_sort = TRUE;
      gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
      self->applying_sort = FALSE;
    }

  gtk_column_view_sort_by_column (self->column_view, column,
                                  self->sort_descending ? GTK_SORT_DESCENDING
                                                        : GTK_SORT_ASCENDING);
}

static void
rolo_contact_view_update_sort (RoloContactView      *self,
                               RoloContactSortField  field,
                               gboolean              descending)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->sort_field != field)
    {
      self->sort_field = field;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_FIELD]);
    }
  if (self->sort_descending != descending)
    {
      self->sort_descending = descending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  rolo_contact_view_update_headers (self);
}

static gboolean
resort_cb (gpointer user_data)
{
  RoloContactView *self = user_data;

  self->resort_id = 0;
  rolo_contact_view_apply_sort (self);
  return G_SOURCE_REMOVE;
}

/* The user clicked a header (or the sort was restored). */
static void
sorter_changed_cb (RoloContactView *self)
{
  RoloColumnSorter *primary;
  gboolean descending = FALSE;

  /* Only the first half of a sort being put in place. */
  if (self->applying_sort)
    return;

  primary = rolo_column_sorter_get_primary (self->column_view, &descending);
  if (primary != NULL)
    {
      rolo_contact_view_update_sort (self, rolo_column_sorter_get_field (primary), descending);
      return;
    }

  /* Moving a column can drop it from the sort; the rows are still in the
   * server's order, so put the arrow back rather than ask for another. */
  if (rolo_contact_view_column_for_field (self, self->sort_field) != NULL &&
      self->resort_id == 0)
    self->resort_id = g_idle_add (resort_cb, self);
}

static guint
column_index (RoloContactView     *self,
              GtkColumnViewColumn *column)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (self->columns[i] == column)
      return i;

  g_assert_not_reached ();
}

/* The width the user gave a column, hidden or not. */
static int
rolo_contact_view_column_width (RoloContactView     *self,
                                GtkColumnViewColumn *column)
{
  guint i = column_index (self, column);

  if (gtk_column_view_column_get_visible (column))
    return gtk_column_view_column_get_fixed_width (column);
  return self->widths[i];
}

static gboolean
is_lesser_column (guint index)
{
  return index == COLUMN_TYPE || index == COLUMN_CREATED;
}

/* Whether a column the user wants fits the width: narrow, not the lesser
 * ones; narrowest, only the first detail wanted (Email, else Mobile). */
static gboolean
fits_width (RoloContactView *self,
            guint            index)
{
  switch (self->width)
    {
    case ROLO_CONTACT_VIEW_NARROWEST:
      return index == COLUMN_EMAIL || (index == COLUMN_MOBILE && !self->wanted[COLUMN_EMAIL]);
    case ROLO_CONTACT_VIEW_NARROW:
      return !is_lesser_column (index);
    case ROLO_CONTACT_VIEW_WIDE:
    default:
      return TRUE;
    }
}

/* Shows the columns wanted that fit the width. A hidden
 * column keeps no width: GTK 4.8 counts a hidden column's fixed width when
 * it shares out the row (gtk_column_view_measure_across()), which left a
 * strip as wide as it at the right and the expanding columns short. */
static void
rolo_contact_view_apply_columns (RoloContactView *self)
{
  self->applying_columns = TRUE;
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkColumnViewColumn *column = self->columns[i];
      gboolean visible = i == COLUMN_NAME || (self->wanted[i] && fits_width (self, i));

      if (visible == gtk_column_view_column_get_visible (column))
        continue;

      if (!visible)
        {
          self->widths[i] = gtk_column_view_column_get_fixed_width (column);
          gtk_column_view_column_set_visible (column, FALSE);
          gtk_column_view_column_set_fixed_width (column, 0);
        }
      else
        {
          gtk_column_view_column_set_fixed_width (column, self->widths[i]);
          gtk_column_view_column_set_visible (column, TRUE);
        }
    }
  self->applying_columns = FALSE;
}

static void
column_action_change_state (GSimpleAction *action,
                            GVariant      *state,
                            gpointer       user_data)
{
  RoloContactView *self = ROLO_CONTACT_VIEW (user_data);
  const char *id = g_action_get_name (G_ACTION (action));

  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_str_equal (column_ids[i], id))
      self->wanted[i] = g_variant_get_boolean (state);

  g_simple_action_set_state (action, state);
  rolo_contact_view_apply_columns (self);
  rolo_contact_view_save_columns (self);
}

static void
rolo_contact_view_sync_column_actions (RoloContactView *self)
{
  for (guint i = COLUMN_NAME + 1; i < N_COLUMNS; i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->column_actions),
                                                    column_ids[i]);

      g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                 g_variant_new_boolean (self->wanted[i]));
    }
}

static void
rolo_contact_view_save_columns (RoloContactView *self)
{
  g_autoptr(GVariant) value = NULL;

  if (self->settings == NULL || self->restoring || self->applying_columns)
    return;

  value = rolo_contact_view_dup_columns (self);
  g_settings_set_value (self->settings, "columns", value);
}

static void
rolo_contact_view_load_columns (RoloContactView *self,
                                GVariant        *value)
{
  GVariantIter iter;
  const char *id;
  gboolean visible;
  int width;
  guint position = 0;

  self->restoring = TRUE;
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&sbi)", &id, &visible, &width))
    {
      GtkColumnViewColumn *column = rolo_contact_view_column_for_id (self, id);

      /* Unknown or repeated ids (a setting from another version) are skipped. */
      if (column == NULL || g_object_get_data (G_OBJECT (column), "rolo-restored"))
        continue;
      g_object_set_data (G_OBJECT (column), "rolo-restored", GINT_TO_POINTER (TRUE));

      gtk_column_view_insert_column (self->column_view, position++, column);
      self->wanted[column_index (self, column)] = visible ||
                                                  column == self->columns[COLUMN_NAME];
      /* -1 keeps the width the column comes with. */
      if (width > 0 && gtk_column_view_column_get_visible (column))
        gtk_column_view_column_set_fixed_width (column, width);
      else if (width > 0)
        self->widths[column_index (self, column)] = width;
    }
  for (guint i = 0; i < N_COLUMNS; i++)
    g_object_set_data (G_OBJECT (self->columns[i]), "rolo-restored", NULL);
  rolo_contact_view_apply_columns (self);
  rolo_contact_view_sync_column_actions (self);
  self->restoring = FALSE;
}

static void
rolo_contact_view_restore_columns (RoloContactView *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "columns");

  rolo_contact_view_load_columns (self, value);
}

/* --- column headers from the keyboard -------------------------------------- */

/* GTK 4.8's column headers (GtkColumnViewTitle, private) take no focus and
 * answer only the pointer: here each one takes the focus, says its column
 * and sort to screen readers, and sorts on Enter or Space as a click does. */

static GtkColumnViewColumn *
rolo_contact_view_column_of_header (RoloContactView *self,
                                    GtkWidget       *header)
{
  GtkWidget *label = header;

  while (label != NULL && !GTK_IS_LABEL (label))
    label = gtk_widget_get_first_child (label);
  if (label == NULL)
    return NULL;

  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (gtk_column_view_column_get_title (self->columns[i]),
                   gtk_label_get_label (GTK_LABEL (label))) == 0)
      return self->columns[i];

  return NULL;
}

/* The headers' row: the column view's child that is not the list. */
static GtkWidget *
rolo_contact_view_get_header_row (RoloContactView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_LIST_VIEW (child) && !GTK_IS_SCROLLBAR (child))
      return child;

  return NULL;
}

static gboolean
header_sort_cb (GtkWidget *header,
                GVariant  *args,
                gpointer   user_data)
{
  RoloContactView *self = ROLO_CONTACT_VIEW (user_data);
  GtkColumnViewColumn *column = rolo_contact_view_column_of_header (self, header);
  RoloColumnSorter *sorter;
  gboolean descending = FALSE;

  if (column == NULL)
    return FALSE;

  /* As a click: the sorted column turns around, another sorts ascending. */
  sorter = ROLO_COLUMN_SORTER (gtk_column_view_column_get_sorter (column));
  if (rolo_column_sorter_get_field (sorter) == self->sort_field)
    descending = !self->sort_descending;
  gtk_column_view_sort_by_column (self->column_view, column,
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  return TRUE;
}

static void
rolo_contact_view_update_headers (RoloContactView *self)
{
  GtkWidget *row = rolo_contact_view_get_header_row (self);

  if (row == NULL)
    return;

  /* GTK keeps the focus out of the whole row of headers. */
  gtk_widget_set_can_focus (row, TRUE);
  gtk_widget_set_focusable (row, FALSE);
  for (GtkWidget *header = gtk_widget_get_first_child (row);
       header != NULL;
       header = gtk_widget_get_next_sibling (header))
    {
      GtkColumnViewColumn *column = rolo_contact_view_column_of_header (self, header);
      RoloColumnSorter *sorter;
      GtkAccessibleSort sort = GTK_ACCESSIBLE_SORT_NONE;

      if (column == NULL)
        continue;

      if (g_object_get_data (G_OBJECT (header), "rolo-keyboard") == NULL)
        {
          GtkEventController *shortcuts = gtk_shortcut_controller_new ();
          const guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter,
                                 GDK_KEY_space, GDK_KEY_KP_Space };

          for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
            gtk_shortcut_controller_add_shortcut (
              GTK_SHORTCUT_CONTROLLER (shortcuts),
              gtk_shortcut_new (gtk_keyval_trigger_new (keys[i], 0),
                                gtk_callback_action_new (header_sort_cb, self, NULL)));
          gtk_widget_add_controller (header, shortcuts);
          gtk_widget_set_focusable (header, TRUE);
          g_object_set_data (G_OBJECT (header), "rolo-keyboard", GINT_TO_POINTER (TRUE));
        }

      sorter = ROLO_COLUMN_SORTER (gtk_column_view_column_get_sorter (column));
      if (rolo_column_sorter_get_field (sorter) == self->sort_field)
        sort = self->sort_descending ? GTK_ACCESSIBLE_SORT_DESCENDING
                                     : GTK_ACCESSIBLE_SORT_ASCENDING;
      gtk_accessible_update_property (GTK_ACCESSIBLE (header),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_column_view_column_get_title (column),
                                      GTK_ACCESSIBLE_PROPERTY_SORT, sort,
                                      -1);
    }
}

static void
column_view_activate_cb (RoloContactView *self,
                         guint            position,
                         GtkColumnView   *column_view)
{
  g_autoptr(RoloContact) contact = NULL;

  contact = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (contact == NULL || rolo_contact_get_state (contact) != ROLO_CONTACT_STATE_READY)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-contact", "x",
                              rolo_contact_get_id (contact));
}

static void
rolo_contact_view_dispose (GObject *object)
{
  RoloContactView *self = ROLO_CONTACT_VIEW (object);
  GtkWidget *child;

  /* Tearing the column view down changes its sort and columns: nothing to
   * tell anyone any more. */
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_columns (self->column_view), self);
      for (guint i = 0; i < N_COLUMNS; i++)
        g_signal_handlers_disconnect_by_data (self->columns[i], self);
    }
  g_clear_handle_id (&self->resort_id, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->column_actions);
  g_clear_pointer ((GtkWidget **) &self->context_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROLO_TYPE_CONTACT_VIEW);
  /* A plain GtkWidget parent: its template children go by hand. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->stager);

  G_OBJECT_CLASS (rolo_contact_view_parent_class)->dispose (object);
}

static void
rolo_contact_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RoloContactView *self = ROLO_CONTACT_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, rolo_contact_view_get_model (self));
      break;
    case PROP_SORT_FIELD:
      g_value_set_enum (value, self->sort_field);
      break;
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->sort_descending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_contact_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RoloContactView *self = ROLO_CONTACT_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      rolo_contact_view_set_model (self, g_value_get_object (value));
      break;
    case PROP_SORT_FIELD:
      rolo_contact_view_set_sort_field (self, g_value_get_enum (value));
      break;
    case PROP_SORT_DESCENDING:
      rolo_contact_view_set_sort_descending (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_contact_view_class_init (RoloContactViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rolo_contact_view_dispose;
  object_class->get_property = rolo_contact_view_get_property;
  object_class->set_property = rolo_contact_view_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_FIELD] =
    g_param_spec_enum ("sort-field", NULL, NULL,
                       ROLO_TYPE_CONTACT_SORT_FIELD, ROLO_CONTACT_SORT_NAME,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ROLO_TYPE_COLUMN_SORTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/rolo-contact-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RoloContactView, column_view);
  gtk_widget_class_bind_template_child_full (widget_class, "name_column", FALSE,
                                             G_STRUCT_OFFSET (RoloContactView,
                                                              columns[COLUMN_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "type_column", FALSE,
                                             G_STRUCT_OFFSET (RoloContactView,
                                                              columns[COLUMN_TYPE]));
  gtk_widget_class_bind_template_child_full (widget_class, "email_column", FALSE,
                                             G_STRUCT_OFFSET (RoloContactView,
                                                              columns[COLUMN_EMAIL]));
  gtk_widget_class_bind_template_child_full (widget_class, "mobile_column", FALSE,
                                             G_STRUCT_OFFSET (RoloContactView,
                                                              columns[COLUMN_MOBILE]));
  gtk_widget_class_bind_template_child_full (widget_class, "created_column", FALSE,
                                             G_STRUCT_OFFSET (RoloContactView,
                                                              columns[COLUMN_CREATED]));
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  rolo_contact_view_class_add_menu (widget_class);
  /* The window deletes what is selected (its action, as the row menu's). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "win.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "win.delete-selected", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rolo_contact_view_init_column_actions (RoloContactView *self)
{
  self->column_actions = g_simple_action_group_new ();

  /* The Name column always shows: a row needs something to recognise it by. */
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      self->wanted[i] = gtk_column_view_column_get_visible (self->columns[i]);
      self->widths[i] = gtk_column_view_column_get_fixed_width (self->columns[i]);
    }
  for (guint i = COLUMN_NAME + 1; i < N_COLUMNS; i++)
    {
      g_autoptr(GSimpleAction) action =
        g_simple_action_new_stateful (column_ids[i], NULL, g_variant_new_boolean (TRUE));

      g_signal_connect_object (action, "change-state", G_CALLBACK (column_action_change_state),
                               self, 0);
      g_action_map_add_action (G_ACTION_MAP (self->column_actions), G_ACTION (action));
    }
  rolo_contact_view_sync_column_actions (self);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_signal_connect_object (self->columns[i], "notify::fixed-width",
                             G_CALLBACK (rolo_contact_view_save_columns), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_columns (self->column_view), "items-changed",
                           G_CALLBACK (rolo_contact_view_save_columns), self,
                           G_CONNECT_SWAPPED);
}

static void
rolo_contact_view_init (RoloContactView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      RoloColumnSorter *sorter =
        ROLO_COLUMN_SORTER (gtk_column_view_column_get_sorter (self->columns[i]));
      g_autoptr(GtkListItemFactory) factory =
        rolo_contact_cell_factory_new (rolo_column_sorter_get_field (sorter));

      gtk_column_view_column_set_factory (self->columns[i], factory);
    }
  self->stager = rolo_row_stager_new ();
  self->selection =
    g_object_ref (GTK_MULTI_SELECTION (rolo_row_stager_get_selection (self->stager)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->stager));

  rolo_contact_view_init_menu (self);

  rolo_contact_view_init_column_actions (self);

  self->sort_field = ROLO_CONTACT_SORT_NAME;
  self->sort_descending = FALSE;
  rolo_contact_view_apply_sort (self);
  rolo_contact_view_update_headers (self);
  g_signal_connect_object (gtk_column_view_get_columns (self->column_view), "items-changed",
                           G_CALLBACK (rolo_contact_view_update_headers), self,
                           G_CONNECT_SWAPPED);
  rolo_focus_tab_leaves_list (GTK_WIDGET (self->column_view));
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
rolo_contact_view_new (void)
{
  return g_object_new (ROLO_TYPE_CONTACT_VIEW, NULL);
}

GListModel *
rolo_contact_view_get_model (RoloContactView *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_VIEW (self), NULL);

  return rolo_row_stager_get_model (self->stager);
}

void
rolo_contact_view_set_model (RoloContactView *self,
                             GListModel      *model)
{
  g_return_if_fail (ROLO_IS_CONTACT_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (rolo_contact_view_get_model (self) == model)
    return;

  rolo_row_stager_set_model (self->stager, model);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GtkSelectionModel *
rolo_contact_view_get_selection (RoloContactView *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

static GtkWidget *
find_row (GtkWidget *widget,
          guint      position)
{
  if (ROLO_IS_CONTACT_CELL (widget))
    {
      if (rolo_contact_cell_get_position (ROLO_CONTACT_CELL (widget)) != position ||
          !gtk_widget_get_mapped (widget))
        return NULL;

      /* The row is the focusable ancestor the list view draws. */
      for (GtkWidget *row = gtk_widget_get_parent (widget);
           row != NULL;
           row = gtk_widget_get_parent (row))
        if (gtk_widget_get_focusable (row) &&
            g_strcmp0 (gtk_widget_get_css_name (row), "row") == 0)
          return row;
      return NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_row (child, position);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/**
 * rolo_contact_view_focus_row:
 * @self: a #RoloContactView
 * @position: a row on screen
 *
 * Moves the keyboard focus to the row at @position, so that the keys that
 * act on the list (Delete, Enter, the arrows) start from there. GTK 4.8 has
 * no call for it (gtk_column_view_scroll_to() is 4.12): the row is found
 * through the cells it shows.
 *
 * Returns: %TRUE if the row was on screen and took the focus
 */
gboolean
rolo_contact_view_focus_row (RoloContactView *self,
                             guint            position)
{
  GtkWidget *row;

  g_return_val_if_fail (ROLO_IS_CONTACT_VIEW (self), FALSE);

  row = find_row (GTK_WIDGET (self->column_view), position);
  return row != NULL && gtk_widget_grab_focus (row);
}

typedef struct
{
  guint position;
  guint frames_left;
} FocusLater;

/* The row exists once the list view has laid it out: a frame or two. */
static gboolean
focus_row_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  FocusLater *later = user_data;

  if (rolo_contact_view_focus_row (ROLO_CONTACT_VIEW (widget), later->position) ||
      --later->frames_left == 0)
    return G_SOURCE_REMOVE;

  return G_SOURCE_CONTINUE;
}

/**
 * rolo_contact_view_reveal_row:
 * @self: a #RoloContactView
 * @position: a row
 *
 * Scrolls the row at @position into view, selects it alone and, once it is
 * laid out, gives it the keyboard focus: after Undo, the rows that came back
 * are where the user looks.
 */
void
rolo_contact_view_reveal_row (RoloContactView *self,
                              guint            position)
{
  FocusLater *later;

  g_return_if_fail (ROLO_IS_CONTACT_VIEW (self));

  rolo_row_stager_finish (self->stager);
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    return;

  /* The column view's rows live in a list view of its own, which has the
   * scrolling action GTK 4.8 offers no call for. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  later = g_new (FocusLater, 1);
  later->position = position;
  later->frames_left = 10;
  gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_row_tick_cb, later, g_free);
}

GtkColumnView *
rolo_contact_view_get_column_view (RoloContactView *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_VIEW (self), NULL);

  return self->column_view;
}

RoloContactSortField
rolo_contact_view_get_sort_field (RoloContactView *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_VIEW (self), ROLO_CONTACT_SORT_NAME);

  return self->sort_field;
}

/* A field without a column (the id: the server's own order) leaves every
 * header without an arrow. */
void
rolo_contact_view_set_sort_field (RoloContactView      *self,
                                  RoloContactSortField  field)
{
  g_return_if_fail (ROLO_IS_CONTACT_VIEW (self));

  if (rolo_contact_view_column_for_field (self, field) == NULL)
    {
      rolo_contact_view_update_sort (self, field, self->sort_descending);
      gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
      return;
    }

  self->sort_field = field;
  rolo_contact_view_apply_sort (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_FIELD]);
}

gboolean
rolo_contact_view_get_sort_descending (RoloContactView *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_VIEW (self), FALSE);

  return self->sort_descending;
}

void
rolo_contact_view_set_sort_descending (RoloContactView *self,
                                       gboolean         descending)
{
  g_return_if_fail (ROLO_IS_CONTACT_VIEW (self));

  descending = !!descending;
  if (self->sort_descending == descending)
    return;

  self->sort_descending = descending;
  rolo_contact_view_apply_sort (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
}

GActionGroup *
rolo_contact_view_get_column_actions (RoloContactView *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_VIEW (self), NULL);

  return G_ACTION_GROUP (self->column_actions);
}

void
rolo_contact_view_bind_settings (RoloContactView *self,
                                 GSettings       *settings)
{
  g_return_if_fail (ROLO_IS_CONTACT_VIEW (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  rolo_contact_view_restore_columns (self);
  g_settings_bind (settings, "sort-column", self, "sort-field", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sort-descending", self, "sort-descending",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * rolo_contact_view_set_width:
 * @self: a #RoloContactView
 * @width: how much room the view has (the window decides)
 *
 * A narrow view leaves out the columns a row is recognised without: Type
 * (the avatar shows it) and Created; the narrowest keeps the name and one
 * detail. What the user chose to show stays as it was, in the Columns menu
 * and the setting, for when it widens again.
 */
void
rolo_contact_view_set_width (RoloContactView      *self,
                             RoloContactViewWidth  width)
{
  g_return_if_fail (ROLO_IS_CONTACT_VIEW (self));

  if (self->width == width)
    return;

  self->width = width;
  rolo_contact_view_apply_columns (self);
}

/* The columns in the order shown, as the "columns" setting holds them:
 * "a(sbi)" of id, shown (as the user wants it, narrow or not) and width.
 * (transfer full) */
GVariant *
rolo_contact_view_dup_columns (RoloContactView *self)
{
  GListModel *columns;
  GVariantBuilder builder;

  g_return_val_if_fail (ROLO_IS_CONTACT_VIEW (self), NULL);

  columns = gtk_column_view_get_columns (self->column_view);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sbi)"));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *id = rolo_contact_view_column_id (self, column);

      if (id != NULL)
        g_variant_builder_add (&builder, "(sbi)", id, self->wanted[column_index (self, column)],
                               rolo_contact_view_column_width (self, column));
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/**
 * rolo_contact_view_set_columns:
 * @self: a #RoloContactView
 * @columns: an "a(sbi)" as rolo_contact_view_dup_columns() gives
 *
 * Shows the columns of @columns in its order, as a saved view or the
 * setting has them; ids the table does not know are skipped, columns
 * @columns does not name keep their place after the others. Kept in the
 * setting as any other change of columns.
 */
void
rolo_contact_view_set_columns (RoloContactView *self,
                               GVariant        *columns)
{
  g_return_if_fail (ROLO_IS_CONTACT_VIEW (self));
  g_return_if_fail (g_variant_is_of_type (columns, G_VARIANT_TYPE ("a(sbi)")));

  rolo_contact_view_load_columns (self, columns);
  rolo_contact_view_save_columns (self);
}
