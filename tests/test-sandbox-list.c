/* test-sandbox-list.c — GET /v1/contacts of API.md against RoloSandbox:
 * paging, order, search, type and refused parameters, over loopback with a
 * plain SoupSession.
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "rolo-test-sandbox-routes.h"

static JsonArray *
records_of (Reply *reply)
{
  return json_object_get_array_member (data_of (reply), "data");
}

/* Every page of a query (pageSize 100), as one array of record objects. */
static GPtrArray *
list_all (Fixture    *fixture,
          const char *query)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  gint64 total_pages = 1;

  for (gint64 page = 0; page < total_pages; page++)
    {
      g_autofree char *q = g_strdup_printf ("%s%spageSize=100&pageIndex=%" G_GINT64_FORMAT,
                                            query ? query : "", query ? "&" : "", page);
      g_autoptr(Reply) reply = list (fixture, q);
      JsonArray *records = records_of (reply);

      total_pages = json_object_get_int_member (data_of (reply), "total_pages");
      for (guint i = 0; i < json_array_get_length (records); i++)
        g_ptr_array_add (all, json_object_ref (json_array_get_object_element (records, i)));
    }
  return all;
}

static char *
escape (const char *text)
{
  return g_uri_escape_string (text, NULL, FALSE);
}

/* --- list ------------------------------------------------------------------ */

static void
assert_list_record (JsonObject *record)
{
  static const char * const keys[] = {
    "cstid", "cstname", "cstemail", "cstmobile", "contact_type", "cstcreated_on"
  };
  g_autoptr(GRegex) iso = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", 0, 0, NULL);
  const char *created;

  g_assert_cmpuint (json_object_get_size (record), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (record, keys[i]));

  g_assert_cmpint (json_node_get_value_type (json_object_get_member (record, "cstid")), ==,
                   G_TYPE_INT64);
  g_assert_nonnull (json_object_get_string_member (record, "cstname"));
  g_assert_nonnull (json_object_get_string_member (record, "cstemail"));
  g_assert_nonnull (json_object_get_string_member (record, "cstmobile"));
  g_assert_cmpint (json_object_get_int_member (record, "contact_type"), >=, 1);
  g_assert_cmpint (json_object_get_int_member (record, "contact_type"), <=, 2);
  created = json_object_get_string_member (record, "cstcreated_on");
  g_assert_true (g_regex_match (iso, created, 0, NULL));
}

static void
test_list_shape (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(Reply) reply = list (fixture, NULL);
  JsonObject *page = data_of (reply);
  JsonArray *records = records_of (reply);

  g_assert_false (json_object_has_member (envelope (reply), "errors"));
  g_assert_cmpuint (json_object_get_size (page), ==, 4);
  g_assert_cmpint (json_object_get_int_member (page, "current_page"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (page, "total_records"), ==, 25);
  g_assert_cmpint (json_object_get_int_member (page, "total_pages"), ==, 3);
  g_assert_cmpuint (json_array_get_length (records), ==, 10);

  for (guint i = 0; i < json_array_get_length (records); i++)
    assert_list_record (json_array_get_object_element (records, i));
}

static void
test_list_default_order (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) all = list_all (fixture, NULL);

  g_assert_cmpuint (all->len, ==, 25);
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpint (json_object_get_int_member (all->pdata[i - 1], "cstid"), >,
                     json_object_get_int_member (all->pdata[i], "cstid"));
}

static void
test_list_paging (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(Reply) page4 = list (fixture, "pageSize=7&pageIndex=3");
  g_autoptr(Reply) just_over = list (fixture, "pageSize=101");
  g_autoptr(Reply) big = list (fixture, "pageSize=1000");
  g_autoptr(Reply) huge = list (fixture, "pageSize=99999999999999999999999");
  g_autoptr(Reply) last = list (fixture, "pageSize=100&pageIndex=1");
  g_autoptr(Reply) past = list (fixture, "pageSize=100&pageIndex=7");
  g_autoptr(Reply) empty_params = list (fixture, "pageSize=&pageIndex=&type=&search=&sortBy=");
  g_autoptr(Reply) zeros = list (fixture, "pageSize=0005&pageIndex=0001");

  g_assert_cmpint (json_object_get_int_member (data_of (page4), "current_page"), ==, 4);
  g_assert_cmpuint (json_array_get_length (records_of (page4)), ==, 7);
  g_assert_cmpint (json_object_get_int_member (data_of (page4), "total_pages"), ==, 22);

  /* above 100 is served as 100 */
  g_assert_cmpuint (json_array_get_length (records_of (just_over)), ==, 100);
  g_assert_cmpint (json_object_get_int_member (data_of (just_over), "total_pages"), ==, 2);
  g_assert_cmpuint (json_array_get_length (records_of (big)), ==, 100);
  g_assert_cmpint (json_object_get_int_member (data_of (big), "total_pages"), ==, 2);
  g_assert_cmpuint (json_array_get_length (records_of (huge)), ==, 100);

  g_assert_cmpuint (json_array_get_length (records_of (last)), ==, 50);
  g_assert_cmpint (json_object_get_int_member (data_of (last), "current_page"), ==, 2);

  g_assert_cmpuint (json_array_get_length (records_of (past)), ==, 0);
  g_assert_cmpint (json_object_get_int_member (data_of (past), "current_page"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (data_of (past), "total_records"), ==, 150);

  g_assert_cmpuint (json_array_get_length (records_of (empty_params)), ==, 10);

  /* leading zeros are still the number */
  g_assert_cmpuint (json_array_get_length (records_of (zeros)), ==, 5);
  g_assert_cmpint (json_object_get_int_member (data_of (zeros), "current_page"), ==, 2);
}

static void
test_list_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(Reply) reply = list (fixture, NULL);

  g_assert_cmpuint (json_array_get_length (records_of (reply)), ==, 0);
  g_assert_cmpint (json_object_get_int_member (data_of (reply), "total_records"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (data_of (reply), "total_pages"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (data_of (reply), "current_page"), ==, 1);
}

/* The order the sandbox documents: name and email compare ignoring ASCII
 * case, then by bytes; ties by cstid in the same direction. */
static int
compare_records (JsonObject *a,
                 JsonObject *b,
                 const char *field)
{
  int result;

  if (g_str_equal (field, "cstid") || g_str_equal (field, "contact_type"))
    {
      gint64 x = json_object_get_int_member (a, field);
      gint64 y = json_object_get_int_member (b, field);

      result = (x > y) - (x < y);
    }
  else if (g_str_equal (field, "cstname") || g_str_equal (field, "cstemail"))
    result = g_ascii_strcasecmp (json_object_get_string_member (a, field),
                                 json_object_get_string_member (b, field));
  else
    result = strcmp (json_object_get_string_member (a, field),
                     json_object_get_string_member (b, field));

  if (result == 0)
    {
      gint64 x = json_object_get_int_member (a, "cstid");
      gint64 y = json_object_get_int_member (b, "cstid");

      result = (x > y) - (x < y);
    }
  return result;
}

static void
assert_sorted_pages (Fixture    *fixture,
                     const char *field,
                     const char *order,
                     guint       n_expected)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  gboolean descending = g_str_equal (order, "desc");

  for (guint page = 0; page * 23 < n_expected + 23; page++)
    {
      g_autofree char *q = g_strdup_printf ("pageSize=23&pageIndex=%u&sortBy=%s&sortOrder=%s",
                                            page, field, order);
      g_autoptr(Reply) reply = list (fixture, q);
      JsonArray *records = records_of (reply);

      for (guint i = 0; i < json_array_get_length (records); i++)
        {
          JsonObject *record = json_array_get_object_element (records, i);
          gint64 *cstid = g_new (gint64, 1);

          *cstid = json_object_get_int_member (record, "cstid");
          g_assert_false (g_hash_table_contains (seen, cstid));
          g_hash_table_add (seen, cstid);
          g_ptr_array_add (all, json_object_ref (record));
        }
    }

  g_assert_cmpuint (all->len, ==, n_expected);
  for (guint i = 1; i < all->len; i++)
    {
      int cmp = compare_records (all->pdata[i - 1], all->pdata[i], field);

      g_assert_cmpint (descending ? -cmp : cmp, <, 0);
    }
}

static void
test_list_sort_stable (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const fields[] = {
    "cstid", "cstname", "cstemail", "cstmobile", "contact_type", "cstcreated_on"
  };

  /* Same-name, same-email contacts: ties the cstid must break. */
  for (guint i = 0; i < 6; i++)
    create_named (fixture, "Tie Break", "tie@example.com", 1 + i % 2);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      assert_sorted_pages (fixture, fields[i], "asc", 236);
      assert_sorted_pages (fixture, fields[i], "desc", 236);
    }
}

static void
test_list_sort_default_direction (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(Reply) asc = list (fixture, "sortBy=cstid&pageSize=2");
  g_autoptr(Reply) desc = list (fixture, "sortOrder=desc&pageSize=2");
  g_autoptr(Reply) asc_only = list (fixture, "sortOrder=asc&pageSize=2");
  JsonObject *first_asc = json_array_get_object_element (records_of (asc), 0);
  JsonObject *first_desc = json_array_get_object_element (records_of (desc), 0);
  JsonObject *first_asc_only = json_array_get_object_element (records_of (asc_only), 0);

  /* sortBy without sortOrder is ascending; sortOrder alone orders by cstid */
  g_assert_cmpint (json_object_get_int_member (first_asc, "cstid"), <,
                   json_object_get_int_member (first_desc, "cstid"));
  g_assert_cmpint (json_object_get_int_member (first_asc, "cstid"), ==,
                   json_object_get_int_member (first_asc_only, "cstid"));
}

static GHashTable *
ids_of_search (Fixture    *fixture,
               const char *search)
{
  g_autofree char *escaped = escape (search);
  g_autofree char *q = g_strdup_printf ("search=%s", escaped);
  g_autoptr(GPtrArray) all = list_all (fixture, q);
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < all->len; i++)
    {
      gint64 *cstid = g_new (gint64, 1);

      *cstid = json_object_get_int_member (all->pdata[i], "cstid");
      g_hash_table_add (ids, cstid);
    }
  return ids;
}

static void
assert_search (Fixture    *fixture,
               const char *search,
               guint       n_expected,
               ...)
{
  g_autoptr(GHashTable) ids = ids_of_search (fixture, search);
  va_list args;
  gint64 cstid;

  g_assert_cmpuint (g_hash_table_size (ids), ==, n_expected);
  va_start (args, n_expected);
  while ((cstid = va_arg (args, gint64)) != 0)
    g_assert_true (g_hash_table_contains (ids, &cstid));
  va_end (args);
}

static void
test_list_search (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 sarah = create_named (fixture, "Sarah Johnson", "sarah@acmecorp.com", 1);
  gint64 connor = create_named (fixture, "SARAH Connor", "sconnor@example.org", 1);
  gint64 jonah = create_named (fixture, "Jonah Hill", "jonah@hills.io", 1);
  gint64 ahmed = create_named (fixture, "أحمد الحسن", "ahmed@example.sa", 1);
  gint64 bakery = create_named (fixture, "Bakery Co", "info@sarahs-bakery.com", 2);
  gint64 omar = create_named (fixture, "عمر المنصور", "", 1);
  g_autoptr(Reply) typed = list (fixture, "search=sarah&type=2");
  g_autoptr(Reply) none = list (fixture, "search=zzzz");

  assert_search (fixture, "sarah", 3, sarah, connor, bakery, (gint64) 0);
  assert_search (fixture, "SaRaH", 3, sarah, connor, bakery, (gint64) 0);
  assert_search (fixture, "acmecorp", 1, sarah, (gint64) 0);
  assert_search (fixture, "ACMECORP.COM", 1, sarah, (gint64) 0);
  assert_search (fixture, "أحمد", 1, ahmed, (gint64) 0);
  assert_search (fixture, "ال", 2, ahmed, omar, (gint64) 0);
  assert_search (fixture, "ah", 5, sarah, connor, jonah, ahmed, bakery, (gint64) 0);
  assert_search (fixture, "j", 2, sarah, jonah, (gint64) 0);
  assert_search (fixture, "  hill  ", 1, jonah, (gint64) 0);
  assert_search (fixture, "h co", 1, connor, (gint64) 0);
  assert_search (fixture, "y co", 1, bakery, (gint64) 0);

  g_assert_cmpint (json_object_get_int_member (data_of (typed), "total_records"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (data_of (none), "total_records"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (data_of (none), "total_pages"), ==, 0);
}

static gboolean
matches (JsonObject *record,
         const char *folded_search)
{
  g_autofree char *name = g_utf8_casefold (json_object_get_string_member (record, "cstname"), -1);
  g_autofree char *email = g_utf8_casefold (json_object_get_string_member (record, "cstemail"),
                                            -1);

  return strstr (name, folded_search) != NULL || strstr (email, folded_search) != NULL;
}

/* On seeded data, every search finds exactly what a scan of all records
 * finds, for short (1–2 characters) and longer text alike. */
static void
test_list_search_matches_scan (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char * const searches[] = {
    "a", "ah", "sarah", "ال", "محمد", "@gmail", "SON", "trading co", "é", "Ü", "1", "zz",
    "MÜLLER", "o'con", "r\"s", "\"sarah\"", "sarah OR john", "a*", "NEAR(a b)", "%", "_",
  };
  g_autoptr(GPtrArray) all = list_all (fixture, NULL);

  g_assert_cmpuint (all->len, ==, 400);
  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      g_autofree char *folded = g_utf8_casefold (searches[s], -1);
      g_autoptr(GHashTable) ids = ids_of_search (fixture, searches[s]);
      guint expected = 0;

      for (guint i = 0; i < all->len; i++)
        {
          gint64 cstid = json_object_get_int_member (all->pdata[i], "cstid");
          gboolean found = g_hash_table_contains (ids, &cstid);

          g_assert_cmpint (found, ==, matches (all->pdata[i], folded));
          expected += found;
        }
      g_assert_cmpuint (g_hash_table_size (ids), ==, expected);
    }
}

static void
test_list_type (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) individuals = list_all (fixture, "type=1");
  g_autoptr(GPtrArray) businesses = list_all (fixture, "type=2&sortBy=cstname");

  g_assert_cmpuint (individuals->len + businesses->len, ==, 120);
  g_assert_cmpuint (individuals->len, >, 0);
  g_assert_cmpuint (businesses->len, >, 0);
  for (guint i = 0; i < individuals->len; i++)
    g_assert_cmpint (json_object_get_int_member (individuals->pdata[i], "contact_type"), ==, 1);
  for (guint i = 0; i < businesses->len; i++)
    g_assert_cmpint (json_object_get_int_member (businesses->pdata[i], "contact_type"), ==, 2);
}

static void
test_list_invalid (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct
  {
    const char *query;
    const char *field;
  } cases[] = {
    { "pageSize=abc", "pageSize" }, { "pageSize=-1", "pageSize" }, { "pageSize=0", "pageSize" },
    { "pageSize=1.5", "pageSize" }, { "pageIndex=-1", "pageIndex" },
    { "pageIndex=x", "pageIndex" }, { "pageIndex=99999999999", "pageIndex" },
    { "type=3", "type" }, { "type=0", "type" }, { "type=abc", "type" },
    { "sortBy=cstnotes", "sortBy" }, { "sortBy=secret", "sortBy" },
    { "sortBy=cstid%3B%20DROP%20TABLE%20contacts", "sortBy" },
    { "sortOrder=up", "sortOrder" }, { "sortOrder=ASC%20", "sortOrder" },
    { "search=%FF%FE", "search" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/v1/contacts?", cases[i].query, NULL);
      g_autoptr(Reply) reply = request (fixture, "GET", path, NULL);

      g_test_message ("GET %s", path);
      assert_invalid (reply, cases[i].field);
    }

  /* and the store is still there */
  {
    g_autoptr(Reply) reply = list (fixture, NULL);

    g_assert_cmpint (json_object_get_int_member (data_of (reply), "total_records"), ==, 5);
  }
}

#define ADD ROLO_TEST_ADD_SANDBOX

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/sandbox/contacts/list/shape", 25, test_list_shape);
  ADD ("/sandbox/contacts/list/default-order", 25, test_list_default_order);
  ADD ("/sandbox/contacts/list/paging", 150, test_list_paging);
  ADD ("/sandbox/contacts/list/empty", 0, test_list_empty);
  ADD ("/sandbox/contacts/list/sort-stable", 230, test_list_sort_stable);
  ADD ("/sandbox/contacts/list/sort-default-direction", 30, test_list_sort_default_direction);
  ADD ("/sandbox/contacts/list/search", 0, test_list_search);
  ADD ("/sandbox/contacts/list/search-matches-scan", 400, test_list_search_matches_scan);
  ADD ("/sandbox/contacts/list/type", 120, test_list_type);
  ADD ("/sandbox/contacts/list/invalid", 5, test_list_invalid);

  return g_test_run ();
}
