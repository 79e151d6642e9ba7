/* test-contact.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include "rolo-client.h"
#include "rolo-test-utils.h"

#define ARABIC_NAME "سارة جونسون"

static RoloContact *
parse_contact (const char *json)
{
  g_autoptr(JsonObject) object = rolo_test_parse_object_text (json);
  g_autoptr(GError) error = NULL;
  RoloContact *contact = rolo_contact_new_from_json (object, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contact);
  return contact;
}

static void
assert_tags (RoloContact  *contact,
             const gint64 *expected,
             gsize         n_expected)
{
  gsize n = 0;
  const gint64 *tags = rolo_contact_get_tag_ids (contact, &n);

  g_assert_cmpuint (n, ==, n_expected);
  for (gsize i = 0; i < n; i++)
    g_assert_cmpint (tags[i], ==, expected[i]);
}

static char *
object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

/* The documented shape of GET /v1/contacts/{id}. */
static void
test_parse_full (void)
{
  g_autoptr(RoloContact) contact = parse_contact (
    "{\"cstid\": 10, \"cstname\": \"Sarah Johnson\", \"cstemail\": \"sarah@example.com\","
    " \"cstmobile\": \"+1 555 0100\", \"cstmobile_country_id\": 101,"
    " \"cstaddress\": \"1 Main St\", \"ct_taxnumber\": \"TX-9\", \"cstnotes\": \"VIP\","
    " \"cstemailnotify\": true, \"cstsmsnotify\": false, \"cst_whatsapp_notify\": true,"
    " \"contact_type\": 1, \"contact_parent\": 7, \"cst_tag_id\": [3, 5],"
    " \"cstcreated_on\": \"2026-05-15T08:30:00Z\"}");
  const gint64 tags[] = { 3, 5 };
  GDateTime *created;

  g_assert_cmpint (rolo_contact_get_id (contact), ==, 10);
  g_assert_cmpstr (rolo_contact_get_name (contact), ==, "Sarah Johnson");
  g_assert_cmpstr (rolo_contact_get_email (contact), ==, "sarah@example.com");
  g_assert_cmpstr (rolo_contact_get_mobile (contact), ==, "+1 555 0100");
  g_assert_cmpint (rolo_contact_get_mobile_country_id (contact), ==, 101);
  g_assert_cmpstr (rolo_contact_get_address (contact), ==, "1 Main St");
  g_assert_cmpstr (rolo_contact_get_tax_number (contact), ==, "TX-9");
  g_assert_cmpstr (rolo_contact_get_notes (contact), ==, "VIP");
  g_assert_true (rolo_contact_get_email_notify (contact));
  g_assert_false (rolo_contact_get_sms_notify (contact));
  g_assert_true (rolo_contact_get_whatsapp_notify (contact));
  g_assert_cmpint (rolo_contact_get_contact_type (contact), ==, ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_assert_cmpint (rolo_contact_get_parent_id (contact), ==, 7);
  assert_tags (contact, tags, G_N_ELEMENTS (tags));

  created = rolo_contact_get_created (contact);
  g_assert_nonnull (created);
  g_assert_cmpint (g_date_time_to_unix (created), ==, 1778833800);
}

/* A list record carries six fields only; the rest keeps its defaults. */
static void
test_parse_list_record (void)
{
  g_autoptr(RoloContact) contact = parse_contact (
    "{\"cstid\": 4, \"cstname\": \"" ARABIC_NAME "\", \"cstemail\": \"s@example.com\","
    " \"cstmobile\": \"0500\", \"contact_type\": 2,"
    " \"cstcreated_on\": \"2026-05-15T08:30:00Z\"}");

  g_assert_cmpstr (rolo_contact_get_name (contact), ==, ARABIC_NAME);
  g_assert_cmpint (rolo_contact_get_contact_type (contact), ==, ROLO_CONTACT_TYPE_BUSINESS);
  g_assert_cmpstr (rolo_contact_get_address (contact), ==, "");
  g_assert_cmpint (rolo_contact_get_parent_id (contact), ==, 0);
  g_assert_true (rolo_contact_get_email_notify (contact));
  g_assert_true (rolo_contact_get_sms_notify (contact));
  g_assert_true (rolo_contact_get_whatsapp_notify (contact));
}

static void
test_parse_numbers_as_strings (void)
{
  g_autoptr(RoloContact) contact = parse_contact (
    "{\"cstid\": \"10\", \"cstname\": \"A\", \"contact_type\": \"2\","
    " \"cstmobile_country_id\": \"101\", \"contact_parent\": \" 7 \"}");

  g_assert_cmpint (rolo_contact_get_id (contact), ==, 10);
  g_assert_cmpint (rolo_contact_get_contact_type (contact), ==, ROLO_CONTACT_TYPE_BUSINESS);
  g_assert_cmpint (rolo_contact_get_mobile_country_id (contact), ==, 101);
  g_assert_cmpint (rolo_contact_get_parent_id (contact), ==, 7);
}

static void
test_parse_numbers_as_floats (void)
{
  g_autoptr(RoloContact) contact = parse_contact (
    "{\"cstid\": 10.0, \"cstname\": \"A\", \"contact_type\": 1.0, \"contact_parent\": 2.5}");

  g_assert_cmpint (rolo_contact_get_id (contact), ==, 10);
  g_assert_cmpint (rolo_contact_get_contact_type (contact), ==, ROLO_CONTACT_TYPE_INDIVIDUAL);
  /* Not a whole number: not an id. */
  g_assert_cmpint (rolo_contact_get_parent_id (contact), ==, 0);
}

/* A phone or tax number a backend stored as a number. */
static void
test_parse_strings_as_numbers (void)
{
  g_autoptr(RoloContact) contact = parse_contact (
    "{\"cstid\": 1, \"cstname\": 2026, \"cstmobile\": 966500000000, \"ct_taxnumber\": 42,"
    " \"cstemail\": true}");

  g_assert_cmpstr (rolo_contact_get_name (contact), ==, "2026");
  g_assert_cmpstr (rolo_contact_get_mobile (contact), ==, "966500000000");
  g_assert_cmpstr (rolo_contact_get_tax_number (contact), ==, "42");
  g_assert_cmpstr (rolo_contact_get_email (contact), ==, "");
}

static void
assert_switches (const char *json,
                 gboolean    email,
                 gboolean    sms,
                 gboolean    whatsapp)
{
  g_autoptr(RoloContact) contact = parse_contact (json);

  g_assert_cmpint (rolo_contact_get_email_notify (contact), ==, email);
  g_assert_cmpint (rolo_contact_get_sms_notify (contact), ==, sms);
  g_assert_cmpint (rolo_contact_get_whatsapp_notify (contact), ==, whatsapp);
}

static void
test_parse_booleans_as_numbers (void)
{
  assert_switches ("{\"cstid\": 1, \"cstemailnotify\": 0, \"cstsmsnotify\": 1,"
                   " \"cst_whatsapp_notify\": 0}", FALSE, TRUE, FALSE);
  assert_switches ("{\"cstid\": 1, \"cstemailnotify\": 1, \"cstsmsnotify\": 0,"
                   " \"cst_whatsapp_notify\": 1}", TRUE, FALSE, TRUE);
}

static void
test_parse_booleans_as_strings (void)
{
  assert_switches ("{\"cstid\": 1, \"cstemailnotify\": \"0\", \"cstsmsnotify\": \"1\","
                   " \"cst_whatsapp_notify\": \"0\"}", FALSE, TRUE, FALSE);
  assert_switches ("{\"cstid\": 1, \"cstemailnotify\": \"false\", \"cstsmsnotify\": \"true\","
                   " \"cst_whatsapp_notify\": \"FALSE\"}", FALSE, TRUE, FALSE);
  assert_switches ("{\"cstid\": 1, \"cstemailnotify\": \"true\", \"cstsmsnotify\": \"false\","
                   " \"cst_whatsapp_notify\": \"True\"}", TRUE, FALSE, TRUE);
}

static void
test_parse_booleans_unreadable (void)
{
  /* Unreadable switches keep the API default, on. */
  assert_switches ("{\"cstid\": 1, \"cstemailnotify\": \"maybe\", \"cstsmsnotify\": [],"
                   " \"cst_whatsapp_notify\": {}}", TRUE, TRUE, TRUE);
}

static void
test_parse_nulls (void)
{
  g_autoptr(RoloContact) contact = parse_contact (
    "{\"cstid\": 3, \"cstname\": null, \"cstemail\": null, \"cstmobile\": null,"
    " \"cstmobile_country_id\": null, \"cstaddress\": null, \"ct_taxnumber\": null,"
    " \"cstnotes\": null, \"cstemailnotify\": null, \"cstsmsnotify\": null,"
    " \"cst_whatsapp_notify\": null, \"contact_type\": null, \"contact_parent\": null,"
    " \"cst_tag_id\": null, \"cstcreated_on\": null}");

  g_assert_cmpint (rolo_contact_get_id (contact), ==, 3);
  g_assert_cmpstr (rolo_contact_get_name (contact), ==, "");
  g_assert_cmpstr (rolo_contact_get_email (contact), ==, "");
  g_assert_cmpstr (rolo_contact_get_mobile (contact), ==, "");
  g_assert_cmpstr (rolo_contact_get_address (contact), ==, "");
  g_assert_cmpstr (rolo_contact_get_tax_number (contact), ==, "");
  g_assert_cmpstr (rolo_contact_get_notes (contact), ==, "");
  g_assert_cmpint (rolo_contact_get_mobile_country_id (contact), ==, 0);
  g_assert_true (rolo_contact_get_email_notify (contact));
  g_assert_cmpint (rolo_contact_get_contact_type (contact), ==, ROLO_CONTACT_TYPE_ANY);
  g_assert_cmpint (rolo_contact_get_parent_id (contact), ==, 0);
  assert_tags (contact, NULL, 0);
  g_assert_null (rolo_contact_get_created (contact));
}

static void
test_parse_absent (void)
{
  g_autoptr(RoloContact) contact = parse_contact ("{\"cstid\": 3}");

  g_assert_cmpstr (rolo_contact_get_name (contact), ==, "");
  g_assert_cmpstr (rolo_contact_get_notes (contact), ==, "");
  g_assert_true (rolo_contact_get_sms_notify (contact));
  g_assert_cmpint (rolo_contact_get_contact_type (contact), ==, ROLO_CONTACT_TYPE_ANY);
  assert_tags (contact, NULL, 0);
  g_assert_null (rolo_contact_get_created (contact));
}

static void
test_parse_empty_strings (void)
{
  g_autoptr(RoloContact) contact = parse_contact (
    "{\"cstid\": 3, \"cstname\": \"B\", \"cstemail\": \"\", \"cstmobile_country_id\": \"\","
    " \"contact_parent\": \"\", \"contact_type\": \"\", \"cstemailnotify\": \"\","
    " \"cst_tag_id\": \"\", \"cstcreated_on\": \"\"}");

  g_assert_cmpstr (rolo_contact_get_email (contact), ==, "");
  g_assert_cmpint (rolo_contact_get_mobile_country_id (contact), ==, 0);
  g_assert_cmpint (rolo_contact_get_parent_id (contact), ==, 0);
  g_assert_cmpint (rolo_contact_get_contact_type (contact), ==, ROLO_CONTACT_TYPE_ANY);
  g_assert_true (rolo_contact_get_email_notify (contact));
  assert_tags (contact, NULL, 0);
  g_assert_null (rolo_contact_get_created (contact));
}

/* "0" for "no parent", as PHP backends like to send. */
static void
test_parse_zero_means_none (void)
{
  g_autoptr(RoloContact) contact = parse_contact (
    "{\"cstid\": 3, \"contact_parent\": 0, \"cstmobile_country_id\": \"0\"}");

  g_assert_cmpint (rolo_contact_get_parent_id (contact), ==, 0);
  g_assert_cmpint (rolo_contact_get_mobile_country_id (contact), ==, 0);
}

static void
test_parse_unknown_fields (void)
{
  g_autoptr(RoloContact) contact = parse_contact (
    "{\"cstid\": 3, \"cstname\": \"C\", \"organisation_id\": 9, \"deleted_at\": null,"
    " \"meta\": {\"a\": [1, 2, {\"b\": true}]}, \"cstname_ar\": \"x\", \"flags\": [1]}");

  g_assert_cmpint (rolo_contact_get_id (contact), ==, 3);
  g_assert_cmpstr (rolo_contact_get_name (contact), ==, "C");
}

static void
test_parse_unknown_contact_type (void)
{
  g_autoptr(RoloContact) contact = parse_contact ("{\"cstid\": 3, \"contact_type\": 3}");

  g_assert_cmpint (rolo_contact_get_contact_type (contact), ==, ROLO_CONTACT_TYPE_ANY);
}

static void
test_parse_tags (void)
{
  const gint64 expected[] = { 3, 5, 8 };
  g_autoptr(RoloContact) numbers = parse_contact ("{\"cstid\": 1, \"cst_tag_id\": [5, 3, 8]}");
  g_autoptr(RoloContact) strings =
    parse_contact ("{\"cstid\": 1, \"cst_tag_id\": [\"5\", \"3\", \"8\"]}");
  g_autoptr(RoloContact) mixed =
    parse_contact ("{\"cstid\": 1, \"cst_tag_id\": [\"8\", 3, 5, 5, \"x\", null, {}, -1]}");
  g_autoptr(RoloContact) joined = parse_contact ("{\"cstid\": 1, \"cst_tag_id\": \"5,3, 8\"}");
  g_autoptr(RoloContact) update_name =
    parse_contact ("{\"cstid\": 1, \"tag_ids\": [8, 5, 3]}");

  assert_tags (numbers, expected, G_N_ELEMENTS (expected));
  assert_tags (strings, expected, G_N_ELEMENTS (expected));
  assert_tags (mixed, expected, G_N_ELEMENTS (expected));
  assert_tags (joined, expected, G_N_ELEMENTS (expected));
  assert_tags (update_name, expected, G_N_ELEMENTS (expected));
}

static gint64
parse_created (const char *text)
{
  g_autofree char *json = g_strdup_printf ("{\"cstid\": 1, \"cstcreated_on\": \"%s\"}", text);
  g_autoptr(RoloContact) contact = parse_contact (json);
  GDateTime *created = rolo_contact_get_created (contact);

  return created ? g_date_time_to_unix (created) : -1;
}

static void
test_parse_dates (void)
{
  const gint64 expected = 1778833800; /* 2026-05-15 08:30:00 UTC */

  g_assert_cmpint (parse_created ("2026-05-15T08:30:00Z"), ==, expected);
  g_assert_cmpint (parse_created ("2026-05-15T08:30:00.250Z"), ==, expected);
  g_assert_cmpint (parse_created ("2026-05-15T11:30:00+03:00"), ==, expected);
  /* Without a zone the API's times are UTC. */
  g_assert_cmpint (parse_created ("2026-05-15T08:30:00"), ==, expected);
  g_assert_cmpint (parse_created ("2026-05-15 08:30:00"), ==, expected);
  g_assert_cmpint (parse_created ("2026-05-15"), ==, expected - (8 * 3600 + 30 * 60));
  g_assert_cmpint (parse_created ("yesterday"), ==, -1);
  g_assert_cmpint (parse_created ("0000-00-00 00:00:00"), ==, -1);
}

static void
assert_parse_fails (const char *json)
{
  g_autoptr(JsonObject) object = rolo_test_parse_object_text (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) contact = rolo_contact_new_from_json (object, &error);

  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_MALFORMED);
  g_assert_null (contact);
}

static void
test_parse_without_id (void)
{
  assert_parse_fails ("{\"cstname\": \"No Id\"}");
  assert_parse_fails ("{\"cstid\": null}");
  assert_parse_fails ("{\"cstid\": \"\"}");
  assert_parse_fails ("{\"cstid\": \"ten\"}");
  assert_parse_fails ("{\"cstid\": 0}");
  assert_parse_fails ("{\"cstid\": -4}");
  assert_parse_fails ("{\"cstid\": [10]}");
}

static RoloContact *
new_full_contact (void)
{
  RoloContact *contact = rolo_contact_new ();
  const gint64 tags[] = { 5, 3 };

  rolo_contact_set_id (contact, 10);
  rolo_contact_set_name (contact, "  " ARABIC_NAME " ");
  rolo_contact_set_email (contact, "sarah@example.com");
  rolo_contact_set_mobile (contact, "+966 50 000 0000");
  rolo_contact_set_mobile_country_id (contact, 101);
  rolo_contact_set_address (contact, "Riyadh");
  rolo_contact_set_tax_number (contact, "TX-1");
  rolo_contact_set_notes (contact, "Met at the fair");
  rolo_contact_set_sms_notify (contact, FALSE);
  rolo_contact_set_parent_id (contact, 7);
  rolo_contact_set_tag_ids (contact, tags, G_N_ELEMENTS (tags));

  return contact;
}

static void
test_body_create_names (void)
{
  g_autoptr(RoloContact) contact = new_full_contact ();
  g_autoptr(JsonObject) body = rolo_contact_to_create_json (contact);
  JsonArray *tags;

  g_assert_cmpuint (json_object_get_size (body), ==, 13);
  g_assert_cmpstr (json_object_get_string_member (body, "cstname"), ==, ARABIC_NAME);
  g_assert_cmpint (json_object_get_int_member (body, "contact_type"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (body, "cstemail"), ==, "sarah@example.com");
  g_assert_cmpstr (json_object_get_string_member (body, "cstmobile"), ==, "+966 50 000 0000");
  g_assert_cmpint (json_object_get_int_member (body, "cstmobile_country_id"), ==, 101);
  g_assert_cmpstr (json_object_get_string_member (body, "cstaddress"), ==, "Riyadh");
  g_assert_cmpstr (json_object_get_string_member (body, "ct_taxnumber"), ==, "TX-1");
  g_assert_cmpstr (json_object_get_string_member (body, "cstnotes"), ==, "Met at the fair");
  g_assert_true (json_object_get_boolean_member (body, "cstemailnotify"));
  g_assert_false (json_object_get_boolean_member (body, "cstsmsnotify"));
  g_assert_true (json_object_get_boolean_member (body, "cst_whatsapp_notify"));
  g_assert_cmpint (json_object_get_int_member (body, "contact_parent"), ==, 7);
  g_assert_false (json_object_has_member (body, "tag_ids"));
  g_assert_false (json_object_has_member (body, "cstid"));
  tags = json_object_get_array_member (body, "cst_tag_id");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  g_assert_cmpint (json_array_get_int_element (tags, 0), ==, 3);
  g_assert_cmpint (json_array_get_int_element (tags, 1), ==, 5);
}

/* Strict output: real JSON types, never strings for numbers or booleans. */
static void
test_body_create_types (void)
{
  g_autoptr(RoloContact) contact = new_full_contact ();
  g_autoptr(JsonObject) body = rolo_contact_to_create_json (contact);
  g_autofree char *text = object_to_string (body);

  g_assert_cmpint (json_node_get_value_type (json_object_get_member (body, "contact_type")),
                   ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (body, "cstsmsnotify")),
                   ==, G_TYPE_BOOLEAN);
  /* UTF-8 as it is, not \u escapes. */
  g_assert_nonnull (strstr (text, ARABIC_NAME));
}

static void
test_body_create_minimal (void)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(JsonObject) body = NULL;

  rolo_contact_set_name (contact, "Acme");
  rolo_contact_set_contact_type (contact, ROLO_CONTACT_TYPE_BUSINESS);
  body = rolo_contact_to_create_json (contact);

  g_assert_cmpuint (json_object_get_size (body), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (body, "cstname"), ==, "Acme");
  g_assert_cmpint (json_object_get_int_member (body, "contact_type"), ==, 2);
  g_assert_true (json_object_has_member (body, "cstemailnotify"));
  g_assert_true (json_object_has_member (body, "cstsmsnotify"));
  g_assert_true (json_object_has_member (body, "cst_whatsapp_notify"));
}

static void
test_body_update_unchanged (void)
{
  g_autoptr(RoloContact) original = new_full_contact ();
  g_autoptr(RoloContact) edited = rolo_contact_copy (original);
  g_autoptr(JsonObject) body = NULL;

  /* Only surrounding spaces of the name: nothing to send. */
  rolo_contact_set_name (edited, ARABIC_NAME);
  body = rolo_contact_diff_to_update_json (original, edited);

  g_assert_cmpuint (json_object_get_size (body), ==, 0);
}

static void
test_body_update_only_changed (void)
{
  g_autoptr(RoloContact) original = new_full_contact ();
  g_autoptr(RoloContact) edited = rolo_contact_copy (original);
  g_autoptr(JsonObject) body = NULL;

  rolo_contact_set_email (edited, "new@example.com");
  rolo_contact_set_notes (edited, "Changed");
  rolo_contact_set_sms_notify (edited, TRUE);
  body = rolo_contact_diff_to_update_json (original, edited);

  g_assert_cmpuint (json_object_get_size (body), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (body, "cstemail"), ==, "new@example.com");
  g_assert_cmpstr (json_object_get_string_member (body, "cstnotes"), ==, "Changed");
  g_assert_true (json_object_get_boolean_member (body, "cstsmsnotify"));
}

static void
test_body_update_names (void)
{
  g_autoptr(RoloContact) original = rolo_contact_new ();
  g_autoptr(RoloContact) edited = new_full_contact ();
  g_autoptr(JsonObject) body = NULL;
  JsonArray *tags;

  rolo_contact_set_email_notify (original, FALSE);
  rolo_contact_set_whatsapp_notify (original, FALSE);
  rolo_contact_set_contact_type (original, ROLO_CONTACT_TYPE_BUSINESS);
  body = rolo_contact_diff_to_update_json (original, edited);

  g_assert_cmpuint (json_object_get_size (body), ==, 13);
  g_assert_cmpstr (json_object_get_string_member (body, "cstname"), ==, ARABIC_NAME);
  g_assert_cmpint (json_object_get_int_member (body, "contact_type"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (body, "contact_parent"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (body, "cstmobile_country_id"), ==, 101);
  g_assert_true (json_object_has_member (body, "cstemail"));
  g_assert_true (json_object_has_member (body, "cstmobile"));
  g_assert_true (json_object_has_member (body, "cstaddress"));
  g_assert_true (json_object_has_member (body, "ct_taxnumber"));
  g_assert_true (json_object_has_member (body, "cstnotes"));
  g_assert_true (json_object_get_boolean_member (body, "cstemailnotify"));
  g_assert_false (json_object_get_boolean_member (body, "cstsmsnotify"));
  g_assert_true (json_object_get_boolean_member (body, "cst_whatsapp_notify"));
  g_assert_false (json_object_has_member (body, "cst_tag_id"));
  tags = json_object_get_array_member (body, "tag_ids");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  g_assert_cmpint (json_array_get_int_element (tags, 0), ==, 3);
}

static void
test_body_update_clear (void)
{
  g_autoptr(RoloContact) original = new_full_contact ();
  g_autoptr(RoloContact) edited = rolo_contact_copy (original);
  g_autoptr(JsonObject) body = NULL;

  rolo_contact_set_parent_id (edited, 0);
  rolo_contact_set_mobile_country_id (edited, 0);
  rolo_contact_set_address (edited, NULL);
  rolo_contact_set_tag_ids (edited, NULL, 0);
  body = rolo_contact_diff_to_update_json (original, edited);

  g_assert_cmpuint (json_object_get_size (body), ==, 4);
  g_assert_true (json_object_get_null_member (body, "contact_parent"));
  g_assert_true (json_object_get_null_member (body, "cstmobile_country_id"));
  g_assert_cmpstr (json_object_get_string_member (body, "cstaddress"), ==, "");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (body, "tag_ids")),
                    ==, 0);
}

/* Individual with a parent becomes a Business: both go in one request. */
static void
test_body_update_type_and_parent (void)
{
  g_autoptr(RoloContact) original = new_full_contact ();
  g_autoptr(RoloContact) edited = rolo_contact_copy (original);
  g_autoptr(JsonObject) body = NULL;

  rolo_contact_set_contact_type (edited, ROLO_CONTACT_TYPE_BUSINESS);
  rolo_contact_set_parent_id (edited, 0);
  body = rolo_contact_diff_to_update_json (original, edited);

  g_assert_cmpuint (json_object_get_size (body), ==, 2);
  g_assert_cmpint (json_object_get_int_member (body, "contact_type"), ==, 2);
  g_assert_true (json_object_get_null_member (body, "contact_parent"));
}

/* Tags are a set: another order is no change. */
static void
test_body_update_tag_order (void)
{
  g_autoptr(RoloContact) original = new_full_contact ();
  g_autoptr(RoloContact) edited = rolo_contact_copy (original);
  g_autoptr(JsonObject) body = NULL;
  const gint64 same[] = { 3, 5, 3 };

  rolo_contact_set_tag_ids (edited, same, G_N_ELEMENTS (same));
  body = rolo_contact_diff_to_update_json (original, edited);

  g_assert_cmpuint (json_object_get_size (body), ==, 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_properties_notify (void)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  const gint64 tags[] = { 2, 1 };
  const gint64 same_tags[] = { 1, 2 };
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (1778833800);
  g_autoptr(GDateTime) same_when = g_date_time_new_from_unix_utc (1778833800);
  guint count = 0;

  g_signal_connect (contact, "notify", G_CALLBACK (count_notify), &count);

  rolo_contact_set_name (contact, "A");
  rolo_contact_set_name (contact, "A");
  g_assert_cmpuint (count, ==, 1);
  rolo_contact_set_email (contact, NULL);
  rolo_contact_set_email (contact, "");
  rolo_contact_set_email_notify (contact, TRUE);
  rolo_contact_set_contact_type (contact, ROLO_CONTACT_TYPE_INDIVIDUAL);
  rolo_contact_set_parent_id (contact, 0);
  g_assert_cmpuint (count, ==, 1);
  rolo_contact_set_tag_ids (contact, tags, 2);
  rolo_contact_set_tag_ids (contact, same_tags, 2);
  g_assert_cmpuint (count, ==, 2);
  rolo_contact_set_created (contact, when);
  rolo_contact_set_created (contact, same_when);
  g_assert_cmpuint (count, ==, 3);
  g_object_set (contact, "sms-notify", FALSE, "sms-notify", FALSE, NULL);
  g_assert_cmpuint (count, ==, 4);
}

static void
test_properties_tag_ids_variant (void)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(GVariant) in = g_variant_ref_sink (g_variant_new_parsed ("[@x 9, 4, 9]"));
  g_autoptr(GVariant) out = NULL;
  const gint64 expected[] = { 4, 9 };

  g_object_set (contact, "tag-ids", in, NULL);
  assert_tags (contact, expected, G_N_ELEMENTS (expected));

  g_object_get (contact, "tag-ids", &out, NULL);
  g_assert_true (g_variant_is_of_type (out, G_VARIANT_TYPE ("ax")));
  g_assert_cmpuint (g_variant_n_children (out), ==, 2);
}

static void
test_properties_copy_equal (void)
{
  g_autoptr(RoloContact) contact = new_full_contact ();
  g_autoptr(RoloContact) copy = rolo_contact_copy (contact);
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (1);

  g_assert_true (rolo_contact_equal (contact, copy));
  g_assert_cmpstr (rolo_contact_get_name (copy), ==, rolo_contact_get_name (contact));
  rolo_contact_set_whatsapp_notify (copy, FALSE);
  g_assert_false (rolo_contact_equal (contact, copy));
  rolo_contact_set_whatsapp_notify (copy, TRUE);
  rolo_contact_set_created (copy, when);
  g_assert_false (rolo_contact_equal (contact, copy));
}

static void
test_properties_field_names (void)
{
  g_assert_cmpstr (rolo_contact_property_for_field ("cstname"), ==, "name");
  g_assert_cmpstr (rolo_contact_property_for_field ("ct_taxnumber"), ==, "tax-number");
  g_assert_cmpstr (rolo_contact_property_for_field ("contact_parent"), ==, "parent-id");
  g_assert_cmpstr (rolo_contact_property_for_field ("tag_ids"), ==, "tag-ids");
  g_assert_cmpstr (rolo_contact_property_for_field ("cst_tag_id"), ==, "tag-ids");
  g_assert_null (rolo_contact_property_for_field ("unknown"));
}

static void
test_query_defaults (void)
{
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autoptr(RoloContactQuery) copy = NULL;
  guint count = 0;

  g_assert_cmpstr (rolo_contact_query_get_search (query), ==, "");
  g_assert_cmpint (rolo_contact_query_get_contact_type (query), ==, ROLO_CONTACT_TYPE_ANY);
  g_assert_cmpint (rolo_contact_query_get_sort_by (query), ==, ROLO_CONTACT_SORT_ID);
  g_assert_true (rolo_contact_query_get_sort_descending (query));

  g_signal_connect (query, "notify", G_CALLBACK (count_notify), &count);
  rolo_contact_query_set_search (query, NULL);
  rolo_contact_query_set_sort_descending (query, TRUE);
  g_assert_cmpuint (count, ==, 0);

  rolo_contact_query_set_search (query, ARABIC_NAME);
  rolo_contact_query_set_contact_type (query, ROLO_CONTACT_TYPE_BUSINESS);
  rolo_contact_query_set_sort_by (query, ROLO_CONTACT_SORT_CREATED);
  rolo_contact_query_set_sort_descending (query, FALSE);
  g_assert_cmpuint (count, ==, 4);

  copy = rolo_contact_query_copy (query);
  g_assert_true (rolo_contact_query_equal (query, copy));
  rolo_contact_query_set_sort_descending (copy, TRUE);
  g_assert_false (rolo_contact_query_equal (query, copy));
}

static void
test_query_sort_names (void)
{
  g_assert_cmpstr (rolo_contact_sort_field_to_api_name (ROLO_CONTACT_SORT_ID), ==, "cstid");
  g_assert_cmpstr (rolo_contact_sort_field_to_api_name (ROLO_CONTACT_SORT_NAME), ==, "cstname");
  g_assert_cmpstr (rolo_contact_sort_field_to_api_name (ROLO_CONTACT_SORT_EMAIL), ==,
                   "cstemail");
  g_assert_cmpstr (rolo_contact_sort_field_to_api_name (ROLO_CONTACT_SORT_MOBILE), ==,
                   "cstmobile");
  g_assert_cmpstr (rolo_contact_sort_field_to_api_name (ROLO_CONTACT_SORT_TYPE), ==,
                   "contact_type");
  g_assert_cmpstr (rolo_contact_sort_field_to_api_name (ROLO_CONTACT_SORT_CREATED), ==,
                   "cstcreated_on");
}

static void
test_page_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContactPage) page = rolo_test_parse_page (
    "{\"data\": [{\"cstid\": 2, \"cstname\": \"B\"}, {\"cstid\": \"1\", \"cstname\": \"A\"}],"
    " \"current_page\": \"3\", \"total_records\": \"22\", \"total_pages\": 3}", &error);
  GListModel *contacts;
  g_autoptr(RoloContact) first = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (rolo_contact_page_get_current_page (page), ==, 3);
  g_assert_cmpuint (rolo_contact_page_get_total_records (page), ==, 22);
  g_assert_cmpuint (rolo_contact_page_get_total_pages (page), ==, 3);
  contacts = rolo_contact_page_get_contacts (page);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 2);
  g_assert_true (g_list_model_get_item_type (contacts) == ROLO_TYPE_CONTACT);
  first = g_list_model_get_item (contacts, 0);
  g_assert_cmpint (rolo_contact_get_id (first), ==, 2);
}

static void
test_page_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContactPage) page = rolo_test_parse_page (
    "{\"data\": [], \"current_page\": 1, \"total_records\": 0, \"total_pages\": 0}", &error);
  g_autoptr(RoloContactPage) null_data = rolo_test_parse_page ("{\"data\": null}", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rolo_contact_page_get_total_records (page), ==, 0);
  g_assert_cmpuint (rolo_contact_page_get_total_pages (page), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rolo_contact_page_get_contacts (page)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rolo_contact_page_get_contacts (null_data)), ==, 0);
}

static void
test_page_missing_counters (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContactPage) page =
    rolo_test_parse_page ("{\"data\": [{\"cstid\": 2}], \"total_records\": null}", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rolo_contact_page_get_current_page (page), ==, 1);
  g_assert_cmpuint (rolo_contact_page_get_total_records (page), ==, 1);
  g_assert_cmpuint (rolo_contact_page_get_total_pages (page), ==, 1);
}

static void
assert_page_malformed (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContactPage) page = rolo_test_parse_page (json, &error);

  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_MALFORMED);
  g_assert_null (page);
}

static void
test_page_wrong_shape (void)
{
  assert_page_malformed ("{\"data\": {\"cstid\": 1}}");
  assert_page_malformed ("{\"data\": \"none\"}");
  assert_page_malformed ("{\"data\": [1, 2]}");
  assert_page_malformed ("{\"data\": [{\"cstname\": \"no id\"}]}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/contact/parse/full", test_parse_full);
  g_test_add_func ("/client/contact/parse/list-record", test_parse_list_record);
  g_test_add_func ("/client/contact/parse/numbers-as-strings", test_parse_numbers_as_strings);
  g_test_add_func ("/client/contact/parse/numbers-as-floats", test_parse_numbers_as_floats);
  g_test_add_func ("/client/contact/parse/strings-as-numbers", test_parse_strings_as_numbers);
  g_test_add_func ("/client/contact/parse/booleans-as-numbers", test_parse_booleans_as_numbers);
  g_test_add_func ("/client/contact/parse/booleans-as-strings", test_parse_booleans_as_strings);
  g_test_add_func ("/client/contact/parse/booleans-unreadable", test_parse_booleans_unreadable);
  g_test_add_func ("/client/contact/parse/nulls", test_parse_nulls);
  g_test_add_func ("/client/contact/parse/absent", test_parse_absent);
  g_test_add_func ("/client/contact/parse/empty-strings", test_parse_empty_strings);
  g_test_add_func ("/client/contact/parse/zero-means-none", test_parse_zero_means_none);
  g_test_add_func ("/client/contact/parse/unknown-fields", test_parse_unknown_fields);
  g_test_add_func ("/client/contact/parse/unknown-contact-type", test_parse_unknown_contact_type);
  g_test_add_func ("/client/contact/parse/tags", test_parse_tags);
  g_test_add_func ("/client/contact/parse/dates", test_parse_dates);
  g_test_add_func ("/client/contact/parse/without-id", test_parse_without_id);
  g_test_add_func ("/client/contact/body/create-names", test_body_create_names);
  g_test_add_func ("/client/contact/body/create-types", test_body_create_types);
  g_test_add_func ("/client/contact/body/create-minimal", test_body_create_minimal);
  g_test_add_func ("/client/contact/body/update-unchanged", test_body_update_unchanged);
  g_test_add_func ("/client/contact/body/update-only-changed", test_body_update_only_changed);
  g_test_add_func ("/client/contact/body/update-names", test_body_update_names);
  g_test_add_func ("/client/contact/body/update-clear", test_body_update_clear);
  g_test_add_func ("/client/contact/body/update-type-and-parent",
                   test_body_update_type_and_parent);
  g_test_add_func ("/client/contact/body/update-tag-order", test_body_update_tag_order);
  g_test_add_func ("/client/contact/properties/notify", test_properties_notify);
  g_test_add_func ("/client/contact/properties/tag-ids-variant", test_properties_tag_ids_variant);
  g_test_add_func ("/client/contact/properties/copy-equal", test_properties_copy_equal);
  g_test_add_func ("/client/contact/properties/field-names", test_properties_field_names);
  g_test_add_func ("/client/contact/query/defaults", test_query_defaults);
  g_test_add_func ("/client/contact/query/sort-names", test_query_sort_names);
  g_test_add_func ("/client/contact/page/parse", test_page_parse);
  g_test_add_func ("/client/contact/page/empty", test_page_empty);
  g_test_add_func ("/client/contact/page/missing-counters", test_page_missing_counters);
  g_test_add_func ("/client/contact/page/wrong-shape", test_page_wrong_shape);

  return g_test_run ();
}
