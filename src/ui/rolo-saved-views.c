/* rolo-saved-views.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include "rolo-saved-views.h"

#define SAVED_VIEWS_KEY "saved-views"

struct _RoloSavedViews
{
  GObject    parent_instance;

  GSettings *settings;
  GPtrArray *views;    /* RoloSavedView */
  GVariant  *written;  /* what this list wrote last, not to read it back */
};

G_DEFINE_FINAL_TYPE (RoloSavedViews, rolo_saved_views, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

RoloSavedView *
rolo_saved_view_new (const char           *name,
                     const char           *search,
                     RoloContactType       contact_type,
                     RoloContactSortField  sort_field,
                     gboolean              sort_descending,
                     GVariant             *columns)
{
  RoloSavedView *view = g_new0 (RoloSavedView, 1);

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (columns == NULL ||
                        g_variant_is_of_type (columns, G_VARIANT_TYPE ("a(sbi)")), NULL);

  view->name = g_strdup (name);
  view->search = g_strdup (search != NULL ? search : "");
  view->contact_type = contact_type;
  view->sort_field = sort_field;
  view->sort_descending = !!sort_descending;
  view->columns = g_variant_ref_sink (columns != NULL ? columns
                                                      : g_variant_new ("a(sbi)", NULL));
  return view;
}

RoloSavedView *
rolo_saved_view_copy (const RoloSavedView *view)
{
  g_return_val_if_fail (view != NULL, NULL);

  return rolo_saved_view_new (view->name, view->search, view->contact_type, view->sort_field,
                              view->sort_descending, view->columns);
}

void
rolo_saved_view_free (RoloSavedView *view)
{
  if (view == NULL)
    return;

  g_free (view->name);
  g_free (view->search);
  g_variant_unref (view->columns);
  g_free (view);
}

/* The shown columns' ids, in order: what a view's columns look like. */
static char *
columns_shown (GVariant *columns)
{
  GString *shown = g_string_new (NULL);
  GVariantIter iter;
  const char *id;
  gboolean visible;

  g_variant_iter_init (&iter, columns);
  while (g_variant_iter_next (&iter, "(&sbi)", &id, &visible, NULL))
    if (visible)
      g_string_append_printf (shown, "%s\n", id);
  return g_string_free (shown, FALSE);
}

gboolean
rolo_saved_view_same_state (const RoloSavedView *a,
                            const RoloSavedView *b)
{
  g_autofree char *a_columns = NULL;
  g_autofree char *b_columns = NULL;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!g_str_equal (a->search, b->search) || a->contact_type != b->contact_type ||
      a->sort_field != b->sort_field || a->sort_descending != b->sort_descending)
    return FALSE;

  a_columns = columns_shown (a->columns);
  b_columns = columns_shown (b->columns);
  return g_str_equal (a_columns, b_columns);
}

/* The value of @nick in @enum_type, or @fallback when it has none. */
static int
enum_from_nick (GType       enum_type,
                const char *nick,
                int         fallback)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *value = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  return value != NULL ? value->value : fallback;
}

static const char *
enum_to_nick (GType enum_type,
              int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  /* Static: the GEnumClass of a static type lives as long as the process. */
  return enum_value != NULL ? enum_value->value_nick : "";
}

/* NULL for a dictionary with no name: nothing to show it by. */
static RoloSavedView *
view_from_variant (GVariant *dict)
{
  const char *name = NULL;
  const char *search = NULL;
  const char *type = NULL;
  const char *sort = NULL;
  gboolean descending = FALSE;
  g_autoptr(GVariant) columns = NULL;

  if (!g_variant_lookup (dict, "name", "&s", &name) || *name == '\0')
    return NULL;
  g_variant_lookup (dict, "search", "&s", &search);
  g_variant_lookup (dict, "type", "&s", &type);
  g_variant_lookup (dict, "sort-column", "&s", &sort);
  g_variant_lookup (dict, "sort-descending", "b", &descending);
  columns = g_variant_lookup_value (dict, "columns", G_VARIANT_TYPE ("a(sbi)"));

  return rolo_saved_view_new (name, search,
                              enum_from_nick (ROLO_TYPE_CONTACT_TYPE, type,
                                              ROLO_CONTACT_TYPE_ANY),
                              enum_from_nick (ROLO_TYPE_CONTACT_SORT_FIELD, sort,
                                              ROLO_CONTACT_SORT_NAME),
                              descending, columns);
}

static GVariant *
view_to_variant (const RoloSavedView *view)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "name", "s", view->name);
  g_variant_dict_insert (&dict, "search", "s", view->search);
  g_variant_dict_insert (&dict, "type", "s",
                         enum_to_nick (ROLO_TYPE_CONTACT_TYPE, view->contact_type));
  g_variant_dict_insert (&dict, "sort-column", "s",
                         enum_to_nick (ROLO_TYPE_CONTACT_SORT_FIELD, view->sort_field));
  g_variant_dict_insert (&dict, "sort-descending", "b", view->sort_descending);
  g_variant_dict_insert_value (&dict, "columns", view->columns);
  return g_variant_dict_end (&dict);
}

static void
rolo_saved_views_load (RoloSavedViews *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, SAVED_VIEWS_KEY);
  GVariantIter iter;
  GVariant *dict;

  g_ptr_array_set_size (self->views, 0);
  g_variant_iter_init (&iter, value);
  while ((dict = g_variant_iter_next_value (&iter)) != NULL)
    {
      RoloSavedView *view = view_from_variant (dict);

      if (view != NULL)
        g_ptr_array_add (self->views, view);
      g_variant_unref (dict);
    }
}

static void
rolo_saved_views_save (RoloSavedViews *self)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < self->views->len; i++)
    g_variant_builder_add_value (&builder, view_to_variant (g_ptr_array_index (self->views, i)));

  g_clear_pointer (&self->written, g_variant_unref);
  self->written = g_variant_ref_sink (g_variant_builder_end (&builder));
  g_settings_set_value (self->settings, SAVED_VIEWS_KEY, self->written);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
settings_changed_cb (RoloSavedViews *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, SAVED_VIEWS_KEY);

  if (self->written != NULL && g_variant_equal (value, self->written))
    return;

  rolo_saved_views_load (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
rolo_saved_views_dispose (GObject *object)
{
  RoloSavedViews *self = ROLO_SAVED_VIEWS (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rolo_saved_views_parent_class)->dispose (object);
}

static void
rolo_saved_views_finalize (GObject *object)
{
  RoloSavedViews *self = ROLO_SAVED_VIEWS (object);

  g_ptr_array_unref (self->views);
  g_clear_pointer (&self->written, g_variant_unref);

  G_OBJECT_CLASS (rolo_saved_views_parent_class)->finalize (object);
}

static void
rolo_saved_views_class_init (RoloSavedViewsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rolo_saved_views_dispose;
  object_class->finalize = rolo_saved_views_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rolo_saved_views_init (RoloSavedViews *self)
{
  self->views = g_ptr_array_new_with_free_func ((GDestroyNotify) rolo_saved_view_free);
}

RoloSavedViews *
rolo_saved_views_new (GSettings *settings)
{
  RoloSavedViews *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ROLO_TYPE_SAVED_VIEWS, NULL);
  self->settings = g_object_ref (settings);
  rolo_saved_views_load (self);
  g_signal_connect_object (settings, "changed::" SAVED_VIEWS_KEY,
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

guint
rolo_saved_views_get_n (RoloSavedViews *self)
{
  g_return_val_if_fail (ROLO_IS_SAVED_VIEWS (self), 0);

  return self->views->len;
}

const RoloSavedView *
rolo_saved_views_get (RoloSavedViews *self,
                      guint           position)
{
  g_return_val_if_fail (ROLO_IS_SAVED_VIEWS (self), NULL);

  return position < self->views->len ? g_ptr_array_index (self->views, position) : NULL;
}

void
rolo_saved_views_insert (RoloSavedViews *self,
                         guint           position,
                         RoloSavedView  *view)
{
  g_return_if_fail (ROLO_IS_SAVED_VIEWS (self));
  g_return_if_fail (view != NULL);

  g_ptr_array_insert (self->views, MIN (position, self->views->len), view);
  rolo_saved_views_save (self);
}

RoloSavedView *
rolo_saved_views_remove (RoloSavedViews *self,
                         guint           position)
{
  RoloSavedView *view;

  g_return_val_if_fail (ROLO_IS_SAVED_VIEWS (self), NULL);
  g_return_val_if_fail (position < self->views->len, NULL);

  view = g_ptr_array_steal_index (self->views, position);
  rolo_saved_views_save (self);
  return view;
}

void
rolo_saved_views_move (RoloSavedViews *self,
                       guint           from,
                       guint           to)
{
  gpointer view;

  g_return_if_fail (ROLO_IS_SAVED_VIEWS (self));
  g_return_if_fail (from < self->views->len && to < self->views->len);

  if (from == to)
    return;

  view = g_ptr_array_steal_index (self->views, from);
  g_ptr_array_insert (self->views, to, view);
  rolo_saved_views_save (self);
}

void
rolo_saved_views_replace (RoloSavedViews *self,
                          guint           position,
                          RoloSavedView  *view)
{
  g_return_if_fail (ROLO_IS_SAVED_VIEWS (self));
  g_return_if_fail (position < self->views->len);
  g_return_if_fail (view != NULL);

  rolo_saved_view_free (g_ptr_array_index (self->views, position));
  g_ptr_array_index (self->views, position) = view;
  rolo_saved_views_save (self);
}
