/* rolo-country.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rolo-client-resources.h"
#include "rolo-country.h"

/* ISO_CODES_PREFIX comes from iso-codes' pkg-config file (src/client/meson.build). */
#define ISO_3166_DOMAIN    "iso_3166-1"
#define ISO_3166_JSON      ISO_CODES_PREFIX "/share/iso-codes/json/iso_3166-1.json"
#define ISO_CODES_LOCALEDIR ISO_CODES_PREFIX "/share/locale"
#define COUNTRIES_RESOURCE "/io/github/rolo_app/Rolo/client/countries.tsv"

struct _RoloCountry
{
  GObject  parent_instance;

  int      id;
  char    *code;
  char    *name;
  char    *dialing_prefix;
  char    *name_key;     /* normalized, case-folded name, for searching */
  char    *collate_key;  /* for sorting by name */
};

G_DEFINE_FINAL_TYPE (RoloCountry, rolo_country, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_DIALING_PREFIX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The loaded list; never freed, like the data it is made from. */
typedef struct
{
  GListStore *countries;
  GHashTable *by_id;    /* GINT_TO_POINTER (id) → RoloCountry, borrowed */
  GHashTable *by_code;  /* alpha-2 code → RoloCountry, borrowed */
} CountryTable;

static char *
search_key (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : text, -1);
}

static RoloCountry *
rolo_country_new (int         id,
                  const char *code,
                  const char *name,
                  const char *dialing_prefix)
{
  RoloCountry *self = g_object_new (ROLO_TYPE_COUNTRY, NULL);

  self->id = id;
  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->dialing_prefix = g_strdup (dialing_prefix);
  self->name_key = search_key (name);
  self->collate_key = g_utf8_collate_key (name, -1);

  return self;
}

/* alpha-2 code → English name (the common name where iso-codes has one),
 * or NULL when iso-codes is missing or unreadable. */
static GHashTable *
load_english_names (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) names = NULL;
  JsonNode *root;
  JsonNode *entries;

  if (!json_parser_load_from_file (parser, ISO_3166_JSON, &error))
    {
      g_debug ("No country names from iso-codes: %s", error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  entries = JSON_NODE_HOLDS_OBJECT (root)
            ? json_object_get_member (json_node_get_object (root), "3166-1") : NULL;
  if (entries == NULL || !JSON_NODE_HOLDS_ARRAY (entries))
    {
      g_debug ("No country list in %s", ISO_3166_JSON);
      return NULL;
    }

  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (entries)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (entries), i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *code;
      const char *name;

      if (entry == NULL)
        continue;
      code = json_object_get_string_member_with_default (entry, "alpha_2", NULL);
      name = json_object_get_string_member_with_default (entry, "common_name", NULL);
      if (name == NULL)
        name = json_object_get_string_member_with_default (entry, "name", NULL);
      if (code != NULL && name != NULL)
        g_hash_table_insert (names, g_strdup (code), g_strdup (name));
    }

  return g_steal_pointer (&names);
}

static char *
translated_name (GHashTable *english_names,
                 const char *code)
{
  const char *english = NULL;

  if (english_names != NULL)
    english = g_hash_table_lookup (english_names, code);
  if (english == NULL)
    return g_strdup (code);

  return g_strdup (g_dgettext (ISO_3166_DOMAIN, english));
}

static gboolean
is_valid_code (const char *code)
{
  return strlen (code) == 2 && g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]);
}

static gboolean
is_digits (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

/* One "id<TAB>code<TAB>+prefix" line of countries.tsv; NULL when malformed. */
static RoloCountry *
parse_line (const char *line,
            GHashTable *english_names)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);
  g_autofree char *name = NULL;
  gint64 id;

  if (g_strv_length (fields) != 3
      || !g_ascii_string_to_signed (fields[0], 10, 1, G_MAXINT, &id, NULL)
      || !is_valid_code (fields[1])
      || fields[2][0] != '+' || !is_digits (fields[2] + 1))
    return NULL;

  name = translated_name (english_names, fields[1]);

  return rolo_country_new ((int) id, fields[1], name, fields[2]);
}

static gboolean
country_table_add (CountryTable *table,
                   RoloCountry  *country)
{
  gpointer id = GINT_TO_POINTER (country->id);

  if (g_hash_table_contains (table->by_id, id)
      || g_hash_table_contains (table->by_code, country->code))
    return FALSE;

  g_hash_table_insert (table->by_id, id, country);
  g_hash_table_insert (table->by_code, country->code, country);

  return TRUE;
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  RoloCountry *country_a = *(RoloCountry **) a;
  RoloCountry *country_b = *(RoloCountry **) b;
  int result = strcmp (country_a->collate_key, country_b->collate_key);

  return result != 0 ? result : strcmp (country_a->code, country_b->code);
}

static GPtrArray *
parse_countries (GBytes       *data,
                 CountryTable *table)
{
  g_autoptr(GHashTable) english_names = load_english_names ();
  g_autoptr(GPtrArray) countries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = g_strndup (g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(RoloCountry) country = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      country = parse_line (lines[i], english_names);
      /* The file ships with the library: a bad line is a packaging bug. */
      if (country == NULL || !country_table_add (table, country))
        {
          g_warning ("Bad or duplicate line %u in %s", i + 1, COUNTRIES_RESOURCE);
          continue;
        }
      g_ptr_array_add (countries, g_steal_pointer (&country));
    }

  return g_steal_pointer (&countries);
}

static CountryTable *
country_table_load (void)
{
  CountryTable *table = g_new0 (CountryTable, 1);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GError) error = NULL;

  bindtextdomain (ISO_3166_DOMAIN, ISO_CODES_LOCALEDIR);
  bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");

  table->countries = g_list_store_new (ROLO_TYPE_COUNTRY);
  table->by_id = g_hash_table_new (NULL, NULL);
  table->by_code = g_hash_table_new (g_str_hash, g_str_equal);

  data = g_resource_lookup_data (rolo_client_resources_get_resource (), COUNTRIES_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (data == NULL)
    {
      g_warning ("Could not load %s: %s", COUNTRIES_RESOURCE, error->message);
      return table;
    }

  countries = parse_countries (data, table);
  g_ptr_array_sort (countries, compare_by_name);
  g_list_store_splice (table->countries, 0, 0, countries->pdata, countries->len);

  return table;
}

static CountryTable *
country_table (void)
{
  static CountryTable *table = NULL;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, country_table_load ());

  return table;
}

/* "+91", "91" and "9" all pick out +91; "+" alone picks out every country. */
static gboolean
matches_dialing_prefix (RoloCountry *self,
                        const char  *text)
{
  const char *digits = text[0] == '+' ? text + 1 : text;

  if (digits[0] == '\0')
    return text[0] == '+';

  return is_digits (digits) && g_str_has_prefix (self->dialing_prefix + 1, digits);
}

static void
rolo_country_finalize (GObject *object)
{
  RoloCountry *self = ROLO_COUNTRY (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->dialing_prefix, g_free);
  g_clear_pointer (&self->name_key, g_free);
  g_clear_pointer (&self->collate_key, g_free);

  G_OBJECT_CLASS (rolo_country_parent_class)->finalize (object);
}

static void
rolo_country_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RoloCountry *self = ROLO_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int (value, self->id);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DIALING_PREFIX:
      g_value_set_string (value, self->dialing_prefix);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_country_class_init (RoloCountryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rolo_country_finalize;
  object_class->get_property = rolo_country_get_property;

  properties[PROP_ID] =
    g_param_spec_int ("id", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIALING_PREFIX] =
    g_param_spec_string ("dialing-prefix", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rolo_country_init (RoloCountry *self)
{
}

int
rolo_country_get_id (RoloCountry *self)
{
  g_return_val_if_fail (ROLO_IS_COUNTRY (self), 0);

  return self->id;
}

const char *
rolo_country_get_code (RoloCountry *self)
{
  g_return_val_if_fail (ROLO_IS_COUNTRY (self), NULL);

  return self->code;
}

const char *
rolo_country_get_name (RoloCountry *self)
{
  g_return_val_if_fail (ROLO_IS_COUNTRY (self), NULL);

  return self->name;
}

const char *
rolo_country_get_dialing_prefix (RoloCountry *self)
{
  g_return_val_if_fail (ROLO_IS_COUNTRY (self), NULL);

  return self->dialing_prefix;
}

gboolean
rolo_country_matches (RoloCountry *self,
                      const char  *text)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (ROLO_IS_COUNTRY (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0' || matches_dialing_prefix (self, trimmed))
    return TRUE;
  if (strlen (trimmed) <= 2 && g_ascii_strncasecmp (self->code, trimmed, strlen (trimmed)) == 0)
    return TRUE;

  key = search_key (trimmed);
  if (strstr (self->name_key, key) != NULL)
    return TRUE;

  /* Lets "cote" find "Côte d'Ivoire". */
  return g_str_match_string (trimmed, self->name, TRUE);
}

GListModel *
rolo_country_list_get_default (void)
{
  return G_LIST_MODEL (country_table ()->countries);
}

RoloCountry *
rolo_country_lookup_id (int id)
{
  return g_hash_table_lookup (country_table ()->by_id, GINT_TO_POINTER (id));
}

RoloCountry *
rolo_country_lookup_code (const char *alpha2)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (alpha2 != NULL, NULL);

  code = g_ascii_strup (alpha2, -1);

  return g_hash_table_lookup (country_table ()->by_code, code);
}
