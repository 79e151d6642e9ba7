/* test-country.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "rolo-country.h"

#define ISO_3166_JSON "/usr/share/iso-codes/json/iso_3166-1.json"

/* Ids checked one by one against csv/countries.csv of
 * dr5hn/countries-states-cities-database, the source of data/countries.tsv. */
static const struct {
  int         id;
  const char *code;
  const char *prefix;
} samples[] = {
  { 1, "AF", "+93" },
  { 65, "EG", "+20" },
  { 75, "FR", "+33" },
  { 82, "DE", "+49" },
  { 101, "IN", "+91" },
  { 167, "PK", "+92" },
  { 194, "SA", "+966" },
  { 231, "AE", "+971" },
  { 232, "GB", "+44" },
  { 233, "US", "+1" },
};

/* Kosovo: a user-assigned code that ISO 3166-1, and so iso-codes, lacks. */
#define CODE_MISSING_FROM_ISO_CODES "XK"

static RoloCountry *
country (const char *code)
{
  RoloCountry *found = rolo_country_lookup_code (code);

  g_assert_nonnull (found);

  return found;
}

/* alpha-2 → English name, the way the library picks it (common name first). */
static GHashTable *
load_iso_codes (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonArray *entries;

  json_parser_load_from_file (parser, ISO_3166_JSON, &error);
  g_assert_no_error (error);
  entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "3166-1");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *name = json_object_get_string_member_with_default (entry, "common_name",
                                                                      NULL);

      if (name == NULL)
        name = json_object_get_string_member (entry, "name");
      g_hash_table_insert (names, g_strdup (json_object_get_string_member (entry, "alpha_2")),
                           g_strdup (name));
    }

  return names;
}

static void
test_ids_sample (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      RoloCountry *found = rolo_country_lookup_id (samples[i].id);

      g_test_message ("id %d", samples[i].id);
      g_assert_nonnull (found);
      g_assert_cmpint (rolo_country_get_id (found), ==, samples[i].id);
      g_assert_cmpstr (rolo_country_get_code (found), ==, samples[i].code);
      g_assert_cmpstr (rolo_country_get_dialing_prefix (found), ==, samples[i].prefix);
      g_assert_true (rolo_country_lookup_code (samples[i].code) == found);
    }
}

static void
test_ids_unknown (void)
{
  g_assert_null (rolo_country_lookup_id (0));
  g_assert_null (rolo_country_lookup_id (-1));
  g_assert_null (rolo_country_lookup_id (251));
  g_assert_null (rolo_country_lookup_id (G_MAXINT));
  g_assert_null (rolo_country_lookup_code (""));
  g_assert_null (rolo_country_lookup_code ("ZZ"));
  g_assert_null (rolo_country_lookup_code ("IND"));
  g_assert_true (rolo_country_lookup_code ("in") == rolo_country_lookup_id (101));
}

static void
test_properties (void)
{
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  g_autofree char *prefix = NULL;
  int id;

  g_object_get (country ("IN"), "id", &id, "code", &code, "name", &name,
                "dialing-prefix", &prefix, NULL);
  g_assert_cmpint (id, ==, 101);
  g_assert_cmpstr (code, ==, "IN");
  g_assert_cmpstr (name, ==, "India");
  g_assert_cmpstr (prefix, ==, "+91");
}

/* Every id and code once, every prefix "+digits", 250 rows as shipped. */
static void
test_list_unique (void)
{
  GListModel *list = rolo_country_list_get_default ();
  g_autoptr(GHashTable) ids = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_true (list == rolo_country_list_get_default ());
  g_assert_true (g_list_model_get_item_type (list) == ROLO_TYPE_COUNTRY);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 250);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RoloCountry) item = g_list_model_get_item (list, i);
      const char *prefix = rolo_country_get_dialing_prefix (item);

      g_assert_true (g_hash_table_add (ids, GINT_TO_POINTER (rolo_country_get_id (item))));
      g_assert_true (g_hash_table_add (codes, (gpointer) rolo_country_get_code (item)));
      g_assert_true (rolo_country_lookup_id (rolo_country_get_id (item)) == item);
      g_assert_cmpint (prefix[0], ==, '+');
      g_assert_cmpuint (strspn (prefix + 1, "0123456789"), ==, strlen (prefix + 1));
      g_assert_cmpuint (strlen (prefix), >=, 2);
    }
}

/* Tests run in the C locale, so names are iso-codes' English ones. */
static void
test_list_iso_codes (void)
{
  GListModel *list = rolo_country_list_get_default ();
  g_autoptr(GHashTable) iso_names = load_iso_codes ();

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RoloCountry) item = g_list_model_get_item (list, i);
      const char *code = rolo_country_get_code (item);
      const char *expected = g_hash_table_lookup (iso_names, code);

      g_test_message ("code %s", code);
      if (g_str_equal (code, CODE_MISSING_FROM_ISO_CODES))
        {
          g_assert_null (expected);
          expected = code;
        }
      g_assert_nonnull (expected);
      g_assert_cmpstr (rolo_country_get_name (item), ==, expected);
    }

  /* And the other way round: the dataset covers every ISO 3166-1 country. */
  g_assert_cmpuint (g_hash_table_size (iso_names), ==, g_list_model_get_n_items (list) - 1);
}

static void
test_list_sorted (void)
{
  GListModel *list = rolo_country_list_get_default ();
  g_autofree char *previous = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RoloCountry) item = g_list_model_get_item (list, i);
      g_autofree char *key = g_utf8_collate_key (rolo_country_get_name (item), -1);

      if (previous != NULL)
        g_assert_cmpstr (previous, <=, key);
      g_free (previous);
      previous = g_steal_pointer (&key);
    }
}

static void
assert_matches (const char *text,
                const char *code)
{
  g_test_message ("%s ~ %s", text, code);
  g_assert_true (rolo_country_matches (country (code), text));
}

static void
assert_not_matches (const char *text,
                    const char *code)
{
  g_test_message ("%s !~ %s", text, code);
  g_assert_false (rolo_country_matches (country (code), text));
}

static void
test_search (void)
{
  assert_matches ("ind", "IN");
  assert_matches ("IND", "IN");
  assert_matches (" ind ", "IN");
  assert_matches ("ind", "ID");  /* Indonesia */
  assert_matches ("ind", "IO");  /* British Indian Ocean Territory */
  assert_not_matches ("ind", "DE");

  assert_matches ("+91", "IN");
  assert_matches ("91", "IN");
  assert_matches ("9", "IN");
  assert_not_matches ("+91", "BO"); /* +591 */
  assert_not_matches ("91", "BO");
  assert_not_matches ("+9", "DE");
  assert_not_matches ("+911", "IN");

  assert_matches ("in", "IN");
  assert_matches ("In", "IN");
  assert_matches ("in", "AR");   /* Argentina */
  assert_not_matches ("in", "DE");

  assert_matches ("+1", "US");
  assert_matches ("+1", "CA");
  assert_matches ("cote", "CI"); /* Côte d'Ivoire */
  assert_matches ("", "DE");
  assert_matches ("  ", "DE");
  assert_not_matches ("xyz", "IN");
}

static void
test_search_counts (void)
{
  GListModel *list = rolo_country_list_get_default ();
  guint n_plus_91 = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RoloCountry) item = g_list_model_get_item (list, i);

      if (rolo_country_matches (item, "+91"))
        n_plus_91++;
    }

  g_assert_cmpuint (n_plus_91, ==, 1);
}

/* The singleton loads once, so the translated run needs its own process. */
static void
test_translated (void)
{
  if (g_test_subprocess ())
    {
      /* A German locale (build-aux/dev deps makes it): newer glibc ignores
       * LANGUAGE in the C locale. */
      g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));
      g_setenv ("LANGUAGE", "de", TRUE);
      g_assert_cmpstr (rolo_country_get_name (country ("DE")), ==, "Deutschland");
      g_assert_cmpstr (rolo_country_get_name (country ("IN")), ==, "Indien");
      g_assert_true (rolo_country_matches (country ("DE"), "deutsch"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/country/ids/sample", test_ids_sample);
  g_test_add_func ("/client/country/ids/unknown", test_ids_unknown);
  g_test_add_func ("/client/country/properties", test_properties);
  g_test_add_func ("/client/country/list/unique", test_list_unique);
  g_test_add_func ("/client/country/list/iso-codes", test_list_iso_codes);
  g_test_add_func ("/client/country/list/sorted", test_list_sorted);
  g_test_add_func ("/client/country/search", test_search);
  g_test_add_func ("/client/country/search/counts", test_search_counts);
  g_test_add_func ("/client/country/translated", test_translated);

  return g_test_run ();
}
