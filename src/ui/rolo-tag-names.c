/* rolo-tag-names.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rolo-tag-names.h"

#define SETTINGS_KEY "tag-names"
/* A name is shown on a chip: kept short. */
#define MAX_NAME_CHARS 60

struct _RoloTagNames
{
  GObject     parent_instance;

  GSettings  *settings;    /* NULL: names in memory only */
  char       *account;
  GHashTable *names;       /* gint64 * -> char * */
};

G_DEFINE_FINAL_TYPE (RoloTagNames, rolo_tag_names, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GHashTable *
names_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static char *
dup_clean_name (const char *name)
{
  g_autofree char *stripped = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;
  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    return NULL;
  if (g_utf8_strlen (stripped, -1) > MAX_NAME_CHARS)
    *g_utf8_offset_to_pointer (stripped, MAX_NAME_CHARS) = '\0';
  return g_steal_pointer (&stripped);
}

static void
rolo_tag_names_load (RoloTagNames *self)
{
  g_autoptr(GVariant) all = NULL;
  g_autoptr(GVariant) mine = NULL;
  GVariantIter iter;
  gint64 id;
  const char *name;

  g_hash_table_remove_all (self->names);
  if (self->settings == NULL)
    return;

  all = g_settings_get_value (self->settings, SETTINGS_KEY);
  mine = g_variant_lookup_value (all, self->account, G_VARIANT_TYPE ("a{xs}"));
  if (mine == NULL)
    return;

  g_variant_iter_init (&iter, mine);
  while (g_variant_iter_next (&iter, "{x&s}", &id, &name))
    {
      char *clean = dup_clean_name (name);

      if (id > 0 && clean != NULL)
        g_hash_table_insert (self->names, g_memdup2 (&id, sizeof id), clean);
      else
        g_free (clean);
    }
}

/* Writes this account's names back, leaving the other accounts' alone. */
static void
rolo_tag_names_save (RoloTagNames *self)
{
  g_autoptr(GVariant) all = NULL;
  GVariantBuilder accounts, names;
  GVariantIter iter;
  GHashTableIter names_iter;
  const char *account;
  GVariant *value;
  gpointer key, name;

  if (self->settings == NULL)
    return;

  g_variant_builder_init (&names, G_VARIANT_TYPE ("a{xs}"));
  g_hash_table_iter_init (&names_iter, self->names);
  while (g_hash_table_iter_next (&names_iter, &key, &name))
    g_variant_builder_add (&names, "{xs}", *(gint64 *) key, name);

  g_variant_builder_init (&accounts, G_VARIANT_TYPE ("a{sa{xs}}"));
  all = g_settings_get_value (self->settings, SETTINGS_KEY);
  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s@a{xs}}", &account, &value))
    {
      if (!g_str_equal (account, self->account))
        g_variant_builder_add (&accounts, "{s@a{xs}}", account, value);
      g_variant_unref (value);
    }
  if (g_hash_table_size (self->names) > 0)
    g_variant_builder_add (&accounts, "{sa{xs}}", self->account, &names);
  else
    g_variant_builder_clear (&names);

  g_settings_set_value (self->settings, SETTINGS_KEY, g_variant_builder_end (&accounts));
}

static void
settings_changed_cb (RoloTagNames *self)
{
  rolo_tag_names_load (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
rolo_tag_names_dispose (GObject *object)
{
  RoloTagNames *self = ROLO_TAG_NAMES (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rolo_tag_names_parent_class)->dispose (object);
}

static void
rolo_tag_names_finalize (GObject *object)
{
  RoloTagNames *self = ROLO_TAG_NAMES (object);

  g_clear_pointer (&self->names, g_hash_table_unref);
  g_free (self->account);

  G_OBJECT_CLASS (rolo_tag_names_parent_class)->finalize (object);
}

static void
rolo_tag_names_class_init (RoloTagNamesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rolo_tag_names_dispose;
  object_class->finalize = rolo_tag_names_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rolo_tag_names_init (RoloTagNames *self)
{
  self->names = names_table_new ();
}

RoloTagNames *
rolo_tag_names_new (GSettings  *settings,
                    const char *account)
{
  RoloTagNames *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (account != NULL, NULL);

  self = g_object_new (ROLO_TYPE_TAG_NAMES, NULL);
  self->account = g_strdup (account);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect_object (settings, "changed::" SETTINGS_KEY,
                               G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
    }
  rolo_tag_names_load (self);
  return self;
}

const char *
rolo_tag_names_get_account (RoloTagNames *self)
{
  g_return_val_if_fail (ROLO_IS_TAG_NAMES (self), NULL);

  return self->account;
}

const char *
rolo_tag_names_lookup (RoloTagNames *self,
                       gint64        id)
{
  g_return_val_if_fail (ROLO_IS_TAG_NAMES (self), NULL);

  return g_hash_table_lookup (self->names, &id);
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *a_folded = g_utf8_casefold (a, -1);
  g_autofree char *b_folded = g_utf8_casefold (b, -1);

  return g_str_equal (a_folded, b_folded);
}

gint64
rolo_tag_names_find (RoloTagNames *self,
                     const char   *name)
{
  g_autofree char *clean = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ROLO_IS_TAG_NAMES (self), 0);

  clean = dup_clean_name (name);
  if (clean == NULL)
    return 0;

  g_hash_table_iter_init (&iter, self->names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (same_name (value, clean))
      return *(gint64 *) key;

  return 0;
}

gboolean
rolo_tag_names_set (RoloTagNames *self,
                    gint64        id,
                    const char   *name)
{
  g_autofree char *clean = NULL;
  gint64 other;

  g_return_val_if_fail (ROLO_IS_TAG_NAMES (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  clean = dup_clean_name (name);
  if (clean != NULL && (other = rolo_tag_names_find (self, clean)) != 0 && other != id)
    return FALSE;

  if (clean == NULL)
    {
      if (!g_hash_table_remove (self->names, &id))
        return TRUE;
    }
  else if (g_strcmp0 (rolo_tag_names_lookup (self, id), clean) == 0)
    return TRUE;
  else
    g_hash_table_insert (self->names, g_memdup2 (&id, sizeof id), g_steal_pointer (&clean));

  if (self->settings != NULL)
    rolo_tag_names_save (self);   /* "changed" comes back through the setting */
  else
    g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  RoloTagNames *self = user_data;
  g_autofree char *a_key = g_utf8_collate_key (rolo_tag_names_lookup (self, *(gint64 *) a), -1);
  g_autofree char *b_key = g_utf8_collate_key (rolo_tag_names_lookup (self, *(gint64 *) b), -1);
  int order = strcmp (a_key, b_key);

  if (order != 0)
    return order;
  return *(gint64 *) a < *(gint64 *) b ? -1 : 1;
}

GArray *
rolo_tag_names_match (RoloTagNames *self,
                      const char   *text,
                      guint         max_ids)
{
  g_autofree char *wanted = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ROLO_IS_TAG_NAMES (self), ids);

  wanted = g_utf8_casefold (text != NULL ? text : "", -1);
  g_strstrip (wanted);
  g_hash_table_iter_init (&iter, self->names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *folded = g_utf8_casefold (value, -1);

      if (strstr (folded, wanted) != NULL)
        g_array_append_val (ids, *(gint64 *) key);
    }
  g_array_sort_with_data (ids, compare_by_name, self);
  if (ids->len > max_ids)
    g_array_set_size (ids, max_ids);
  return ids;
}

gboolean
rolo_tag_names_watch (RoloTagNames **slot,
                      RoloTagNames  *names,
                      gpointer       owner,
                      GCallback      changed)
{
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (names == NULL || ROLO_IS_TAG_NAMES (names), FALSE);

  if (*slot == names)
    return FALSE;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, owner);
  g_set_object (slot, names);
  if (names != NULL)
    g_signal_connect_object (names, "changed", changed, owner, G_CONNECT_SWAPPED);
  return TRUE;
}

char *
rolo_tag_names_format (RoloTagNames *self,
                       gint64        id)
{
  const char *name = self != NULL ? rolo_tag_names_lookup (self, id) : NULL;
  g_autofree char *number = NULL;

  if (name != NULL)
    return g_strdup (name);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  /* Translators: %s is the number of a tag that has no name */
  return g_strdup_printf (_("#%s"), number);
}
