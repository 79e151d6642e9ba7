/* test-json.c — the lenient readers every answer goes through, and the list
 * page's counters, in the shapes PHP back-ends send (API.md, "tolerate").
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include "rolo-client.h"
#include "rolo-json-private.h"
#include "rolo-test-utils.h"

/* {"v": value} */
static JsonObject *
parse_value (const char *value)
{
  g_autofree char *json = g_strdup_printf ("{\"v\": %s}", value);

  return rolo_test_parse_object_text (json);
}

static void
assert_int64 (const char *value,
              gint64      expected)
{
  g_autoptr(JsonObject) object = parse_value (value);
  gint64 out = -12345;

  g_assert_true (rolo_json_get_int64 (object, "v", &out));
  g_assert_cmpint (out, ==, expected);
}

static void
assert_no_int64 (const char *value)
{
  g_autoptr(JsonObject) object = parse_value (value);
  gint64 out = -12345;

  g_assert_false (rolo_json_get_int64 (object, "v", &out));
  /* Left as it was, so a caller's default stands. */
  g_assert_cmpint (out, ==, -12345);
}

static void
test_int64 (void)
{
  g_autoptr(JsonObject) empty = rolo_test_parse_object_text ("{}");
  gint64 out = 7;

  assert_int64 ("42", 42);
  assert_int64 ("\"42\"", 42);
  assert_int64 ("\" 42 \"", 42);
  assert_int64 ("\"-3\"", -3);
  assert_int64 ("42.0", 42);
  assert_int64 ("\"9223372036854775807\"", G_MAXINT64);
  assert_int64 ("0", 0);

  assert_no_int64 ("null");
  assert_no_int64 ("\"\"");
  assert_no_int64 ("\"abc\"");
  assert_no_int64 ("\"42abc\"");
  assert_no_int64 ("\"4 2\"");
  assert_no_int64 ("\"42.5\"");
  assert_no_int64 ("42.5");
  assert_no_int64 ("1e300");
  assert_no_int64 ("\"9223372036854775808\"");
  assert_no_int64 ("true");
  assert_no_int64 ("[42]");
  assert_no_int64 ("{\"v\": 42}");

  g_assert_false (rolo_json_get_int64 (empty, "v", &out));
  g_assert_false (rolo_json_get_int64 (NULL, "v", &out));
  g_assert_cmpint (out, ==, 7);
}

static void
assert_boolean (const char *value,
                gboolean    expected)
{
  g_autoptr(JsonObject) object = parse_value (value);
  gboolean out = !expected;

  g_assert_true (rolo_json_get_boolean (object, "v", &out));
  g_assert_cmpint (out, ==, expected);
}

static void
assert_no_boolean (const char *value)
{
  g_autoptr(JsonObject) object = parse_value (value);
  gboolean out = 2;

  g_assert_false (rolo_json_get_boolean (object, "v", &out));
  g_assert_cmpint (out, ==, 2);
}

static void
test_boolean (void)
{
  assert_boolean ("true", TRUE);
  assert_boolean ("false", FALSE);
  assert_boolean ("1", TRUE);
  assert_boolean ("0", FALSE);
  assert_boolean ("\"1\"", TRUE);
  assert_boolean ("\"0\"", FALSE);
  assert_boolean ("\"true\"", TRUE);
  assert_boolean ("\"false\"", FALSE);
  assert_boolean ("\"TRUE\"", TRUE);
  assert_boolean ("\" false \"", FALSE);
  assert_boolean ("1.0", TRUE);

  assert_no_boolean ("null");
  assert_no_boolean ("\"\"");
  assert_no_boolean ("\"maybe\"");
  assert_no_boolean ("\"2x\"");
  assert_no_boolean ("0.5");
  assert_no_boolean ("[]");
  assert_no_boolean ("{}");
}

static void
assert_string (const char *value,
               const char *expected)
{
  g_autoptr(JsonObject) object = parse_value (value);
  g_autofree char *out = rolo_json_dup_string (object, "v");

  g_assert_cmpstr (out, ==, expected);
}

static void
test_string (void)
{
  assert_string ("\"Sarah\"", "Sarah");
  assert_string ("\"\"", "");
  /* A phone or tax number sent as a number. */
  assert_string ("501234567", "501234567");
  assert_string ("42.0", "42");

  /* Nothing to read: the caller keeps its "" (see test-contact.c, nulls). */
  assert_string ("null", NULL);
  assert_string ("true", NULL);
  assert_string ("4.5", NULL);
  assert_string ("[\"a\"]", NULL);
  assert_string ("{\"a\": \"b\"}", NULL);
}

static void
test_blank (void)
{
  g_autoptr(JsonObject) object = rolo_test_parse_object_text (
    "{\"null\": null, \"empty\": \"\", \"spaces\": \" \\t\", \"zero\": 0,"
    " \"text\": \" x \", \"false\": false, \"array\": [], \"object\": {}}");

  g_assert_true (rolo_json_node_is_blank (NULL));
  g_assert_true (rolo_json_node_is_blank (json_object_get_member (object, "null")));
  g_assert_true (rolo_json_node_is_blank (json_object_get_member (object, "empty")));
  g_assert_true (rolo_json_node_is_blank (json_object_get_member (object, "spaces")));
  g_assert_false (rolo_json_node_is_blank (json_object_get_member (object, "zero")));
  g_assert_false (rolo_json_node_is_blank (json_object_get_member (object, "text")));
  g_assert_false (rolo_json_node_is_blank (json_object_get_member (object, "false")));
  g_assert_false (rolo_json_node_is_blank (json_object_get_member (object, "array")));
  g_assert_false (rolo_json_node_is_blank (json_object_get_member (object, "object")));
}

static void
assert_int64_array (const char   *value,
                    const gint64 *expected,
                    guint         n_expected)
{
  g_autoptr(JsonObject) object = parse_value (value);
  g_autoptr(GArray) out = rolo_json_dup_int64_array (object, "v");

  g_assert_nonnull (out);
  g_assert_cmpmem (out->data, out->len * sizeof (gint64), expected,
                   n_expected * sizeof (gint64));
}

static void
test_int64_array (void)
{
  const gint64 three[] = { 3, 5, 8 };
  g_autoptr(JsonObject) null_tags = parse_value ("null");
  g_autoptr(JsonObject) object_tags = parse_value ("{\"0\": 3}");
  g_autoptr(GArray) from_null = rolo_json_dup_int64_array (null_tags, "v");
  g_autoptr(GArray) from_object = rolo_json_dup_int64_array (object_tags, "v");

  assert_int64_array ("[3, 5, 8]", three, G_N_ELEMENTS (three));
  assert_int64_array ("[\"3\", \"5\", \"8\"]", three, G_N_ELEMENTS (three));
  assert_int64_array ("[\"3\", 5, 8.0, \"x\", null, [], true]", three, G_N_ELEMENTS (three));
  assert_int64_array ("\"3,5, 8\"", three, G_N_ELEMENTS (three));
  assert_int64_array ("[]", NULL, 0);
  assert_int64_array ("\"\"", NULL, 0);

  /* "tags": null is no list at all: the contact keeps its own (none). */
  g_assert_null (from_null);
  g_assert_null (from_object);
}

/* ---- the list page's counters ---- */

static void
assert_counters (const char *counters,
                 guint       current_page,
                 guint       total_records,
                 guint       total_pages)
{
  g_autofree char *json =
    g_strdup_printf ("{\"data\": [{\"cstid\": \"1\"}, {\"cstid\": \"2\"}], %s}", counters);
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContactPage) page = rolo_test_parse_page (json, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rolo_contact_page_get_current_page (page), ==, current_page);
  g_assert_cmpuint (rolo_contact_page_get_total_records (page), ==, total_records);
  g_assert_cmpuint (rolo_contact_page_get_total_pages (page), ==, total_pages);
}

static void
test_page_counters_as_strings (void)
{
  assert_counters ("\"current_page\": \"2\", \"total_records\": \"120\", \"total_pages\": \"12\"",
                   2, 120, 12);
  assert_counters ("\"current_page\": 2.0, \"total_records\": \" 120 \", \"total_pages\": 12",
                   2, 120, 12);
}

static void
test_page_counters_blank (void)
{
  /* Filled in from the page: its two rows, one page. */
  assert_counters ("\"current_page\": null, \"total_records\": \"\", \"total_pages\": null",
                   1, 2, 1);
  assert_counters ("\"extra\": {\"next\": null}", 1, 2, 1);
}

static void
assert_counters_malformed (const char *counters)
{
  g_autofree char *json = g_strdup_printf ("{\"data\": [{\"cstid\": \"1\"}], %s}", counters);
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContactPage) page = rolo_test_parse_page (json, &error);

  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_null (page);
}

static void
test_page_counters_unreadable (void)
{
  assert_counters_malformed ("\"total_records\": \"abc\"");
  assert_counters_malformed ("\"total_records\": \"12 rows\"");
  assert_counters_malformed ("\"total_records\": 12.5");
  assert_counters_malformed ("\"total_records\": true");
  assert_counters_malformed ("\"current_page\": \"two\"");
  assert_counters_malformed ("\"total_pages\": [3]");
  assert_counters_malformed ("\"total_pages\": {\"n\": 3}");
}

static void
test_page_unreadable_id (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContactPage) page = rolo_test_parse_page (
    "{\"data\": [{\"cstid\": \"1\"}, {\"cstid\": \"abc\"}], \"total_records\": \"2\"}", &error);

  /* Not a contact 0 that could never be opened or saved. */
  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_MALFORMED);
  g_assert_null (page);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/json/int64", test_int64);
  g_test_add_func ("/client/json/boolean", test_boolean);
  g_test_add_func ("/client/json/string", test_string);
  g_test_add_func ("/client/json/blank", test_blank);
  g_test_add_func ("/client/json/int64-array", test_int64_array);
  g_test_add_func ("/client/json/page/counters-as-strings", test_page_counters_as_strings);
  g_test_add_func ("/client/json/page/counters-blank", test_page_counters_blank);
  g_test_add_func ("/client/json/page/counters-unreadable", test_page_counters_unreadable);
  g_test_add_func ("/client/json/page/unreadable-id", test_page_unreadable_id);

  return g_test_run ();
}
