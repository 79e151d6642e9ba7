/* test-sandbox-contacts.c — creating, reading, updating and deleting
 * contacts through the routes of API.md against RoloSandbox, over loopback
 * with a plain SoupSession.
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

/* GET /v1/contacts/ID; returns the data object (owned by the reply). */
static Reply *
get_contact (Fixture *fixture,
             gint64   cstid)
{
  g_autofree char *path = g_strdup_printf ("/v1/contacts/%" G_GINT64_FORMAT, cstid);
  Reply *reply = request (fixture, "GET", path, NULL);

  assert_reply (reply, SOUP_STATUS_OK, NULL);
  return reply;
}

static Reply *
put_contact (Fixture    *fixture,
             gint64      cstid,
             const char *json)
{
  g_autofree char *path = g_strdup_printf ("/v1/contacts/%" G_GINT64_FORMAT, cstid);

  return request (fixture, "PUT", path, json);
}

/* --- create ------------------------------------------------------------------ */

static void
test_create_minimal (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(Reply) reply = request (fixture, "POST", "/v1/contacts",
                                    "{\"cstname\": \"Sarah Johnson\", \"contact_type\": 1,"
                                    " \"cstemail\": \"sarah@acmecorp.com\","
                                    " \"cstmobile\": \"501234567\","
                                    " \"cstmobile_country_id\": 101}");
  g_autoptr(Reply) got = NULL;
  JsonObject *created = data_of (reply);
  JsonObject *contact;

  assert_reply (reply, SOUP_STATUS_OK, "New contact has been created successfully.");
  g_assert_cmpuint (json_object_get_size (created), ==, 2);
  g_assert_cmpint (json_object_get_int_member (created, "cstid"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (created, "cstname"), ==, "Sarah Johnson");

  got = get_contact (fixture, json_object_get_int_member (created, "cstid"));
  contact = data_of (got);
  g_assert_cmpstr (json_object_get_string_member (contact, "cstname"), ==, "Sarah Johnson");
  g_assert_cmpstr (json_object_get_string_member (contact, "cstemail"), ==,
                   "sarah@acmecorp.com");
  g_assert_cmpstr (json_object_get_string_member (contact, "cstmobile"), ==, "501234567");
  g_assert_cmpint (json_object_get_int_member (contact, "cstmobile_country_id"), ==, 101);
  g_assert_cmpint (json_object_get_int_member (contact, "contact_type"), ==, 1);
  /* defaults */
  g_assert_true (json_object_get_boolean_member (contact, "cstemailnotify"));
  g_assert_true (json_object_get_boolean_member (contact, "cstsmsnotify"));
  g_assert_true (json_object_get_boolean_member (contact, "cst_whatsapp_notify"));
  g_assert_true (json_object_get_null_member (contact, "contact_parent"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (contact, "cst_tag_id")),
                    ==, 0);
  g_assert_cmpstr (json_object_get_string_member (contact, "cstnotes"), ==, "");
}

static void
test_create_all_fields (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const keys[] = {
    "cstid", "cstname", "cstemail", "cstmobile", "cstmobile_country_id", "cstaddress",
    "ct_taxnumber", "cstnotes", "cstemailnotify", "cstsmsnotify", "cst_whatsapp_notify",
    "contact_type", "contact_parent", "cst_tag_id", "cstcreated_on",
  };
  gint64 business = create_named (fixture, "Acme Corp", "info@acme.com", 2);
  g_autofree char *json = g_strdup_printf (
    "{\"cstname\": \"نور الهدى\", \"contact_type\": 1, \"cstemail\": \"noor@acme.com\","
    " \"cstmobile\": \"+971 50 123 4567\", \"cstmobile_country_id\": 229,"
    " \"cstaddress\": \"12 Sheikh Zayed Road, Dubai\", \"ct_taxnumber\": \"TRN-100\","
    " \"cstnotes\": \"Line one\\nLine two\", \"cstemailnotify\": false, \"cstsmsnotify\": true,"
    " \"cst_whatsapp_notify\": false, \"contact_parent\": %" G_GINT64_FORMAT ","
    " \"cst_tag_id\": [4, 2]}", business);
  gint64 cstid = create (fixture, json);
  g_autoptr(Reply) got = get_contact (fixture, cstid);
  JsonObject *contact = data_of (got);
  JsonArray *tags = json_object_get_array_member (contact, "cst_tag_id");
  g_autoptr(GRegex) iso = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", 0, 0, NULL);

  g_assert_cmpuint (json_object_get_size (contact), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (contact, keys[i]));

  g_assert_cmpint (json_object_get_int_member (contact, "cstid"), ==, cstid);
  g_assert_cmpstr (json_object_get_string_member (contact, "cstname"), ==, "نور الهدى");
  g_assert_cmpstr (json_object_get_string_member (contact, "cstmobile"), ==, "+971 50 123 4567");
  g_assert_cmpint (json_object_get_int_member (contact, "cstmobile_country_id"), ==, 229);
  g_assert_cmpstr (json_object_get_string_member (contact, "cstaddress"), ==,
                   "12 Sheikh Zayed Road, Dubai");
  g_assert_cmpstr (json_object_get_string_member (contact, "ct_taxnumber"), ==, "TRN-100");
  g_assert_cmpstr (json_object_get_string_member (contact, "cstnotes"), ==, "Line one\nLine two");
  g_assert_false (json_object_get_boolean_member (contact, "cstemailnotify"));
  g_assert_true (json_object_get_boolean_member (contact, "cstsmsnotify"));
  g_assert_false (json_object_get_boolean_member (contact, "cst_whatsapp_notify"));
  g_assert_cmpint (json_object_get_int_member (contact, "contact_parent"), ==, business);
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  g_assert_cmpint (json_array_get_int_element (tags, 0), ==, 2);
  g_assert_cmpint (json_array_get_int_element (tags, 1), ==, 4);
  g_assert_true (g_regex_match (iso, json_object_get_string_member (contact, "cstcreated_on"),
                                0, NULL));
}

static void
test_create_required (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct
  {
    const char *body;
    const char *field;
  } cases[] = {
    { "{\"contact_type\": 1}", "cstname" },
    { "{\"cstname\": \"\", \"contact_type\": 1}", "cstname" },
    { "{\"cstname\": \" \\t\\n \", \"contact_type\": 1}", "cstname" },
    { "{\"cstname\": \"\\u00a0\\u3000\", \"contact_type\": 1}", "cstname" },
    { "{\"cstname\": null, \"contact_type\": 1}", "cstname" },
    { "{\"cstname\": \"Sarah\"}", "contact_type" },
    { "{\"cstname\": \"Sarah\", \"contact_type\": null}", "contact_type" },
    { "{\"cstname\": \"Sarah\", \"contact_type\": 3}", "contact_type" },
    { "{\"cstname\": \"Sarah\", \"contact_type\": 0}", "contact_type" },
    { "{}", "cstname" },
  };
  g_autoptr(Reply) both = request (fixture, "POST", "/v1/contacts", "{}");
  JsonObject *errors;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Reply) reply = request (fixture, "POST", "/v1/contacts", cases[i].body);

      g_test_message ("POST %s", cases[i].body);
      assert_invalid (reply, cases[i].field);
    }

  assert_invalid (both, "contact_type");
  errors = json_object_get_object_member (envelope (both), "errors");
  g_assert_cmpuint (json_object_get_size (errors), ==, 2);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 0);
}

static void
test_create_trim (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(Reply) reply = request (fixture, "POST", "/v1/contacts",
                                    "{\"cstname\": \"  Sarah Johnson \\t\", \"contact_type\": 1,"
                                    " \"cstemail\": \" sarah@acmecorp.com \"}");
  g_autoptr(Reply) got = NULL;

  assert_reply (reply, SOUP_STATUS_OK, NULL);
  g_assert_cmpstr (json_object_get_string_member (data_of (reply), "cstname"), ==,
                   "Sarah Johnson");
  got = get_contact (fixture, json_object_get_int_member (data_of (reply), "cstid"));
  g_assert_cmpstr (json_object_get_string_member (data_of (got), "cstname"), ==, "Sarah Johnson");
  g_assert_cmpstr (json_object_get_string_member (data_of (got), "cstemail"), ==,
                   "sarah@acmecorp.com");
}

static char *
repeat (const char *unit,
        guint       times)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (text, unit);
  return g_string_free (text, FALSE);
}

/* POSTs a contact whose field holds unit repeated times; TRUE if created. */
static gboolean
try_length (Fixture    *fixture,
            const char *field,
            const char *unit,
            guint       times)
{
  g_autofree char *value = repeat (unit, times);
  g_autofree char *body = NULL;
  g_autoptr(Reply) reply = NULL;

  if (g_str_equal (field, "cstname"))
    body = g_strdup_printf ("{\"cstname\": \"%s\", \"contact_type\": 2}", value);
  else
    body = g_strdup_printf ("{\"cstname\": \"X\", \"contact_type\": 2, \"%s\": \"%s\"}",
                            field, value);

  reply = request (fixture, "POST", "/v1/contacts", body);
  if (reply->status == SOUP_STATUS_OK)
    return TRUE;

  assert_invalid (reply, field);
  return FALSE;
}

static void
test_create_lengths (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct
  {
    const char *field;
    guint       max;
  } limits[] = {
    { "cstname", 100 }, { "cstaddress", 255 }, { "ct_taxnumber", 50 }, { "cstnotes", 2000 },
  };

  /* Counted in characters: an Arabic letter is two bytes, an emoji four. */
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_test_message ("%s", limits[i].field);
      g_assert_true (try_length (fixture, limits[i].field, "ع", limits[i].max));
      g_assert_false (try_length (fixture, limits[i].field, "ع", limits[i].max + 1));
      g_assert_true (try_length (fixture, limits[i].field, "a", limits[i].max));
      g_assert_false (try_length (fixture, limits[i].field, "a", limits[i].max + 1));
      g_assert_true (try_length (fixture, limits[i].field, "😀", limits[i].max));
    }
}

static void
test_create_email (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const good[] = {
    "", "a@b.co", "sarah.j+tag@mail.example.com", "أحمد@مثال.السعودية",
  };
  static const char * const bad[] = {
    "sarah", "a@b", "a@@b.com", "a@b@c.com", "@b.com", "a b@c.com", "a@.com", "a@b.com.",
    "sarah@", "a@b .com",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"cstname\": \"E\", \"contact_type\": 1,"
                                               " \"cstemail\": \"%s\"}", good[i]);
      g_autoptr(Reply) reply = request (fixture, "POST", "/v1/contacts", body);

      g_test_message ("good: %s", good[i]);
      assert_reply (reply, SOUP_STATUS_OK, NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"cstname\": \"E\", \"contact_type\": 1,"
                                               " \"cstemail\": \"%s\"}", bad[i]);
      g_autoptr(Reply) reply = request (fixture, "POST", "/v1/contacts", body);

      g_test_message ("bad: %s", bad[i]);
      assert_invalid (reply, "cstemail");
    }
}

static void
test_create_wrong_types (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct
  {
    const char *member;
    const char *field;
  } cases[] = {
    { "\"cstname\": 5", "cstname" },
    { "\"cstname\": [\"a\"]", "cstname" },
    { "\"contact_type\": \"1\"", "contact_type" },
    { "\"contact_type\": 1.5", "contact_type" },
    { "\"contact_type\": true", "contact_type" },
    { "\"cstemail\": {}", "cstemail" },
    { "\"cstmobile\": 501234567", "cstmobile" },
    { "\"cstmobile_country_id\": \"101\"", "cstmobile_country_id" },
    { "\"cstaddress\": false", "cstaddress" },
    { "\"ct_taxnumber\": 12", "ct_taxnumber" },
    { "\"cstnotes\": []", "cstnotes" },
    { "\"cstemailnotify\": \"yes\"", "cstemailnotify" },
    { "\"cstsmsnotify\": 1", "cstsmsnotify" },
    { "\"cst_whatsapp_notify\": \"true\"", "cst_whatsapp_notify" },
    { "\"contact_parent\": \"3\"", "contact_parent" },
    { "\"cst_tag_id\": \"1\"", "cst_tag_id" },
    { "\"cst_tag_id\": [1, \"2\"]", "cst_tag_id" },
    { "\"cst_tag_id\": [1, null]", "cst_tag_id" },
    { "\"cst_tag_id\": [0]", "cst_tag_id" },
    { "\"cst_tag_id\": {\"a\": 1}", "cst_tag_id" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = NULL;
      g_autoptr(Reply) reply = NULL;

      if (g_str_has_prefix (cases[i].member, "\"cstname\""))
        body = g_strdup_printf ("{\"contact_type\": 1, %s}", cases[i].member);
      else if (g_str_has_prefix (cases[i].member, "\"contact_type\""))
        body = g_strdup_printf ("{\"cstname\": \"T\", %s}", cases[i].member);
      else
        body = g_strdup_printf ("{\"cstname\": \"T\", \"contact_type\": 1, %s}",
                                cases[i].member);

      reply = request (fixture, "POST", "/v1/contacts", body);
      g_test_message ("POST %s", body);
      assert_invalid (reply, cases[i].field);
    }
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 0);
}

static void
test_create_nulls_and_extras (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 cstid = create (fixture,
                         "{\"cstname\": \"N\", \"contact_type\": 1, \"cstemail\": null,"
                         " \"cstmobile\": null, \"cstmobile_country_id\": null,"
                         " \"cstaddress\": null, \"ct_taxnumber\": null, \"cstnotes\": null,"
                         " \"cstemailnotify\": null, \"contact_parent\": null,"
                         " \"cst_tag_id\": null, \"unknown_field\": {\"x\": [1]},"
                         " \"cstid\": 999, \"cstcreated_on\": \"1999-01-01T00:00:00Z\"}");
  g_autoptr(Reply) got = get_contact (fixture, cstid);
  JsonObject *contact = data_of (got);

  g_assert_cmpint (cstid, !=, 999);
  g_assert_cmpstr (json_object_get_string_member (contact, "cstemail"), ==, "");
  g_assert_true (json_object_get_null_member (contact, "cstmobile_country_id"));
  g_assert_true (json_object_get_boolean_member (contact, "cstemailnotify"));
  g_assert_false (json_object_has_member (contact, "unknown_field"));
  g_assert_cmpstr (json_object_get_string_member (contact, "cstcreated_on"), !=,
                   "1999-01-01T00:00:00Z");
}

static Reply *
create_with_parent (Fixture *fixture,
                    int      type,
                    gint64   parent)
{
  g_autofree char *body = g_strdup_printf ("{\"cstname\": \"Linked\", \"contact_type\": %d,"
                                           " \"contact_parent\": %" G_GINT64_FORMAT "}",
                                           type, parent);

  return request (fixture, "POST", "/v1/contacts", body);
}

static void
test_create_parent (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 business = create_named (fixture, "Acme", "", 2);
  gint64 person = create_named (fixture, "Pat", "", 1);
  g_autoptr(Reply) linked = create_with_parent (fixture, 1, business);
  g_autoptr(Reply) got = NULL;
  gint64 bad_parents[] = { person, 999999, -4 };

  assert_reply (linked, SOUP_STATUS_OK, NULL);
  got = get_contact (fixture, json_object_get_int_member (data_of (linked), "cstid"));
  g_assert_cmpint (json_object_get_int_member (data_of (got), "contact_parent"), ==, business);

  /* an Individual under an Individual, a missing contact, a negative id */
  for (guint i = 0; i < G_N_ELEMENTS (bad_parents); i++)
    {
      g_autoptr(Reply) reply = create_with_parent (fixture, 1, bad_parents[i]);

      assert_invalid (reply, "contact_parent");
    }

  /* a Business under a Business */
  {
    g_autoptr(Reply) reply = create_with_parent (fixture, 2, business);

    assert_invalid (reply, "contact_parent");
  }
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 3);
}

static void
test_create_tags (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 cstid = create (fixture, "{\"cstname\": \"T\", \"contact_type\": 1,"
                                  " \"cst_tag_id\": [3, 1, 3, 12]}");
  g_autoptr(Reply) got = get_contact (fixture, cstid);
  JsonArray *tags = json_object_get_array_member (data_of (got), "cst_tag_id");

  g_assert_cmpuint (json_array_get_length (tags), ==, 3);
  g_assert_cmpint (json_array_get_int_element (tags, 0), ==, 1);
  g_assert_cmpint (json_array_get_int_element (tags, 1), ==, 3);
  g_assert_cmpint (json_array_get_int_element (tags, 2), ==, 12);
}

/* --- get --------------------------------------------------------------------- */

static void
test_get_not_found (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const paths[] = {
    "/v1/contacts/999999", "/v1/contacts/abc", "/v1/contacts/0", "/v1/contacts/-1",
    "/v1/contacts/1.5", "/v1/contacts/99999999999999999999999999", "/v1/contacts/%201",
  };
  static const char * const methods[] = { "GET", "PUT", "DELETE" };

  for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autoptr(Reply) reply = request (fixture, methods[m], paths[i],
                                          g_str_equal (methods[m], "PUT")
                                          ? "{\"cstname\": \"X\"}" : NULL);

        g_test_message ("%s %s", methods[m], paths[i]);
        assert_reply (reply, SOUP_STATUS_BAD_REQUEST, "Contact not found");
      }
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 3);
}

/* --- update ------------------------------------------------------------------ */

static gint64
create_full (Fixture *fixture)
{
  return create (fixture, "{\"cstname\": \"Sarah Johnson\", \"contact_type\": 1,"
                          " \"cstemail\": \"sarah@acmecorp.com\", \"cstmobile\": \"501234567\","
                          " \"cstmobile_country_id\": 101, \"cstaddress\": \"1 Main Street\","
                          " \"ct_taxnumber\": \"T-1\", \"cstnotes\": \"Note\","
                          " \"cst_tag_id\": [1, 2]}");
}

static void
test_update_partial (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 cstid = create_full (fixture);
  g_autoptr(Reply) before = get_contact (fixture, cstid);
  g_autoptr(Reply) reply = put_contact (fixture, cstid, "{\"cstmobile\": \"555000111\"}");
  g_autoptr(Reply) after = get_contact (fixture, cstid);
  JsonObject *old = data_of (before);
  JsonObject *new = data_of (after);
  g_autoptr(GList) members = json_object_get_members (old);

  assert_reply (reply, SOUP_STATUS_OK, "Contact updated successfully!");
  g_assert_cmpstr (json_object_get_string_member (new, "cstmobile"), ==, "555000111");
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (g_str_equal (l->data, "cstmobile"))
        continue;
      g_assert_true (json_node_equal (json_object_get_member (old, l->data),
                                      json_object_get_member (new, l->data)));
    }
}

static void
test_update_fields (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 cstid = create_full (fixture);
  g_autoptr(Reply) reply = put_contact (fixture, cstid,
                                        "{\"cstname\": \"  Sara J  \", \"cstemail\": \"\","
                                        " \"cstmobile_country_id\": 231,"
                                        " \"cstaddress\": \"2 High Street\","
                                        " \"ct_taxnumber\": null, \"cstnotes\": \"Changed\","
                                        " \"cstemailnotify\": false, \"cstsmsnotify\": false,"
                                        " \"cst_whatsapp_notify\": false}");
  g_autoptr(Reply) after = get_contact (fixture, cstid);
  JsonObject *contact = data_of (after);

  assert_reply (reply, SOUP_STATUS_OK, "Contact updated successfully!");
  g_assert_cmpstr (json_object_get_string_member (contact, "cstname"), ==, "Sara J");
  g_assert_cmpstr (json_object_get_string_member (contact, "cstemail"), ==, "");
  g_assert_cmpint (json_object_get_int_member (contact, "cstmobile_country_id"), ==, 231);
  g_assert_cmpstr (json_object_get_string_member (contact, "cstaddress"), ==, "2 High Street");
  g_assert_cmpstr (json_object_get_string_member (contact, "ct_taxnumber"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (contact, "cstnotes"), ==, "Changed");
  g_assert_false (json_object_get_boolean_member (contact, "cstemailnotify"));
  g_assert_false (json_object_get_boolean_member (contact, "cstsmsnotify"));
  g_assert_false (json_object_get_boolean_member (contact, "cst_whatsapp_notify"));
}

static void
assert_tags (Fixture *fixture,
             gint64   cstid,
             guint    n_tags,
             ...)
{
  g_autoptr(Reply) got = get_contact (fixture, cstid);
  JsonArray *tags = json_object_get_array_member (data_of (got), "cst_tag_id");
  va_list args;

  g_assert_cmpuint (json_array_get_length (tags), ==, n_tags);
  va_start (args, n_tags);
  for (guint i = 0; i < n_tags; i++)
    g_assert_cmpint (json_array_get_int_element (tags, i), ==, va_arg (args, int));
  va_end (args);
}

static void
test_update_tags (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 cstid = create_full (fixture);
  g_autoptr(Reply) replace = put_contact (fixture, cstid, "{\"tag_ids\": [8, 7]}");
  g_autoptr(Reply) create_name = NULL;
  g_autoptr(Reply) clear = NULL;
  g_autoptr(Reply) wrong = NULL;

  assert_reply (replace, SOUP_STATUS_OK, NULL);
  assert_tags (fixture, cstid, 2, 7, 8);

  /* update takes tag_ids, as documented; cst_tag_id is not an update field */
  create_name = put_contact (fixture, cstid, "{\"cst_tag_id\": [1]}");
  assert_reply (create_name, SOUP_STATUS_OK, NULL);
  assert_tags (fixture, cstid, 2, 7, 8);

  wrong = put_contact (fixture, cstid, "{\"tag_ids\": [\"x\"]}");
  assert_invalid (wrong, "tag_ids");
  assert_tags (fixture, cstid, 2, 7, 8);

  clear = put_contact (fixture, cstid, "{\"tag_ids\": []}");
  assert_reply (clear, SOUP_STATUS_OK, NULL);
  assert_tags (fixture, cstid, 0);
}

static void
test_update_parent (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 business = create_named (fixture, "Acme", "", 2);
  gint64 other = create_named (fixture, "Other", "", 2);
  gint64 person = create_named (fixture, "Pat", "", 1);
  g_autofree char *link = g_strdup_printf ("{\"contact_parent\": %" G_GINT64_FORMAT "}", business);
  g_autofree char *to_self = g_strdup_printf ("{\"contact_parent\": %" G_GINT64_FORMAT "}",
                                              person);
  g_autofree char *to_other = g_strdup_printf ("{\"contact_parent\": %" G_GINT64_FORMAT "}",
                                               other);
  g_autoptr(Reply) linked = put_contact (fixture, person, link);
  g_autoptr(Reply) self_parent = put_contact (fixture, person, to_self);
  g_autoptr(Reply) business_parent = put_contact (fixture, other, link);
  g_autoptr(Reply) moved = NULL;
  g_autoptr(Reply) cleared = NULL;
  g_autoptr(Reply) got = NULL;

  assert_reply (linked, SOUP_STATUS_OK, NULL);
  assert_invalid (self_parent, "contact_parent");
  assert_invalid (business_parent, "contact_parent");

  moved = put_contact (fixture, person, to_other);
  assert_reply (moved, SOUP_STATUS_OK, NULL);
  got = get_contact (fixture, person);
  g_assert_cmpint (json_object_get_int_member (data_of (got), "contact_parent"), ==, other);
  g_clear_pointer (&got, rolo_test_reply_free);

  cleared = put_contact (fixture, person, "{\"contact_parent\": null}");
  assert_reply (cleared, SOUP_STATUS_OK, NULL);
  got = get_contact (fixture, person);
  g_assert_true (json_object_get_null_member (data_of (got), "contact_parent"));
}

static void
test_update_type_change (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 business = create_named (fixture, "Acme", "", 2);
  g_autofree char *body = g_strdup_printf ("{\"cstname\": \"Pat\", \"contact_type\": 1,"
                                           " \"contact_parent\": %" G_GINT64_FORMAT "}", business);
  gint64 person = create (fixture, body);
  g_autoptr(Reply) refused = put_contact (fixture, person, "{\"contact_type\": 2}");
  g_autoptr(Reply) parent_kept = get_contact (fixture, person);
  g_autoptr(Reply) becomes_individual = put_contact (fixture, business, "{\"contact_type\": 1}");
  g_autoptr(Reply) accepted = NULL;
  g_autoptr(Reply) got = NULL;
  g_autoptr(Reply) now_free = NULL;

  assert_invalid (refused, "contact_type");
  g_assert_cmpint (json_object_get_int_member (data_of (parent_kept), "contact_type"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (data_of (parent_kept), "contact_parent"), ==,
                   business);

  /* a Business with linked Individuals stays a Business */
  assert_invalid (becomes_individual, "contact_type");

  accepted = put_contact (fixture, person, "{\"contact_type\": 2, \"contact_parent\": null}");
  assert_reply (accepted, SOUP_STATUS_OK, "Contact updated successfully!");
  got = get_contact (fixture, person);
  g_assert_cmpint (json_object_get_int_member (data_of (got), "contact_type"), ==, 2);
  g_assert_true (json_object_get_null_member (data_of (got), "contact_parent"));

  /* with no linked Individuals left, it may become one */
  now_free = put_contact (fixture, business, "{\"contact_type\": 1}");
  assert_reply (now_free, SOUP_STATUS_OK, NULL);
}

static void
test_update_validation (Fixture       *fixture,
                        gconstpointer  data)
{
  static const struct
  {
    const char *body;
    const char *field;
  } cases[] = {
    { "{\"cstname\": \"\"}", "cstname" },
    { "{\"cstname\": \"   \"}", "cstname" },
    { "{\"cstname\": null}", "cstname" },
    { "{\"cstname\": 7}", "cstname" },
    { "{\"cstemail\": \"not-an-address\"}", "cstemail" },
    { "{\"contact_type\": 5}", "contact_type" },
    { "{\"contact_type\": null}", "contact_type" },
    { "{\"cstemailnotify\": \"no\"}", "cstemailnotify" },
    { "{\"ct_taxnumber\": \"123456789012345678901234567890123456789012345678901\"}",
      "ct_taxnumber" },
  };
  gint64 cstid = create_full (fixture);
  g_autoptr(Reply) before = get_contact (fixture, cstid);
  g_autofree char *long_name = repeat ("ش", 101);
  g_autofree char *long_body = g_strdup_printf ("{\"cstname\": \"%s\"}", long_name);
  g_autoptr(Reply) too_long = put_contact (fixture, cstid, long_body);
  g_autoptr(Reply) after = NULL;

  assert_invalid (too_long, "cstname");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Reply) reply = put_contact (fixture, cstid, cases[i].body);

      g_test_message ("PUT %s", cases[i].body);
      assert_invalid (reply, cases[i].field);
    }

  after = get_contact (fixture, cstid);
  g_assert_true (json_node_equal (before->root, after->root));
}

static void
test_update_empty_body (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 cstid = create_full (fixture);
  g_autoptr(Reply) before = get_contact (fixture, cstid);
  g_autoptr(Reply) reply = put_contact (fixture, cstid, "{}");
  g_autoptr(Reply) after = get_contact (fixture, cstid);

  assert_reply (reply, SOUP_STATUS_OK, "Contact updated successfully!");
  g_assert_true (json_node_equal (before->root, after->root));
}

/* --- delete ------------------------------------------------------------------ */

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 cstid = create_full (fixture);
  g_autofree char *path = g_strdup_printf ("/v1/contacts/%" G_GINT64_FORMAT, cstid);
  g_autoptr(Reply) deleted = request (fixture, "DELETE", path, NULL);
  g_autoptr(Reply) gone = request (fixture, "GET", path, NULL);
  g_autoptr(Reply) again = request (fixture, "DELETE", path, NULL);
  g_autoptr(Reply) listed = list (fixture, NULL);

  assert_reply (deleted, SOUP_STATUS_OK, "Contact deleted successfully!");
  assert_reply (gone, SOUP_STATUS_BAD_REQUEST, "Contact not found");
  assert_reply (again, SOUP_STATUS_BAD_REQUEST, "Contact not found");
  g_assert_cmpint (json_object_get_int_member (data_of (listed), "total_records"), ==, 0);

  /* ids are not handed out again */
  g_assert_cmpint (create_full (fixture), >, cstid);
}

static void
test_delete_business_clears_children (Fixture       *fixture,
                                      gconstpointer  data)
{
  gint64 business = create_named (fixture, "Acme", "", 2);
  gint64 other = create_named (fixture, "Other", "", 2);
  g_autofree char *child_body = g_strdup_printf ("{\"cstname\": \"Kid\", \"contact_type\": 1,"
                                                 " \"contact_parent\": %" G_GINT64_FORMAT "}",
                                                 business);
  g_autofree char *other_body = g_strdup_printf ("{\"cstname\": \"Kid2\", \"contact_type\": 1,"
                                                 " \"contact_parent\": %" G_GINT64_FORMAT "}",
                                                 other);
  gint64 child1 = create (fixture, child_body);
  gint64 child2 = create (fixture, child_body);
  gint64 unrelated = create (fixture, other_body);
  g_autofree char *path = g_strdup_printf ("/v1/contacts/%" G_GINT64_FORMAT, business);
  g_autoptr(Reply) deleted = request (fixture, "DELETE", path, NULL);
  g_autoptr(Reply) got1 = get_contact (fixture, child1);
  g_autoptr(Reply) got2 = get_contact (fixture, child2);
  g_autoptr(Reply) got3 = get_contact (fixture, unrelated);

  assert_reply (deleted, SOUP_STATUS_OK, "Contact deleted successfully!");
  g_assert_true (json_object_get_null_member (data_of (got1), "contact_parent"));
  g_assert_true (json_object_get_null_member (data_of (got2), "contact_parent"));
  g_assert_cmpint (json_object_get_int_member (data_of (got3), "contact_parent"), ==, other);
}

/* After writes, list and search see the new state. */
static void
test_writes_visible_in_list (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 cstid = create_named (fixture, "Zebedee Quux", "zq@example.com", 1);
  g_autoptr(Reply) found = list (fixture, "search=zebedee");
  g_autoptr(Reply) renamed = put_contact (fixture, cstid, "{\"cstname\": \"Yolanda Quux\"}");
  g_autoptr(Reply) old_name = list (fixture, "search=zebedee");
  g_autoptr(Reply) new_name = list (fixture, "search=yolanda");
  g_autofree char *path = g_strdup_printf ("/v1/contacts/%" G_GINT64_FORMAT, cstid);
  g_autoptr(Reply) deleted = request (fixture, "DELETE", path, NULL);
  g_autoptr(Reply) after_delete = list (fixture, "search=yolanda");

  g_assert_cmpint (json_object_get_int_member (data_of (found), "total_records"), ==, 1);
  assert_reply (renamed, SOUP_STATUS_OK, NULL);
  g_assert_cmpint (json_object_get_int_member (data_of (old_name), "total_records"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (data_of (new_name), "total_records"), ==, 1);
  assert_reply (deleted, SOUP_STATUS_OK, NULL);
  g_assert_cmpint (json_object_get_int_member (data_of (after_delete), "total_records"), ==, 0);
}

#define ADD ROLO_TEST_ADD_SANDBOX

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/sandbox/contacts/create/minimal", 0, test_create_minimal);
  ADD ("/sandbox/contacts/create/all-fields", 0, test_create_all_fields);
  ADD ("/sandbox/contacts/create/required", 0, test_create_required);
  ADD ("/sandbox/contacts/create/trim", 0, test_create_trim);
  ADD ("/sandbox/contacts/create/lengths", 0, test_create_lengths);
  ADD ("/sandbox/contacts/create/email", 0, test_create_email);
  ADD ("/sandbox/contacts/create/wrong-types", 0, test_create_wrong_types);
  ADD ("/sandbox/contacts/create/nulls-and-extras", 0, test_create_nulls_and_extras);
  ADD ("/sandbox/contacts/create/parent", 0, test_create_parent);
  ADD ("/sandbox/contacts/create/tags", 0, test_create_tags);
  ADD ("/sandbox/contacts/get/not-found", 3, test_get_not_found);
  ADD ("/sandbox/contacts/update/partial", 0, test_update_partial);
  ADD ("/sandbox/contacts/update/fields", 0, test_update_fields);
  ADD ("/sandbox/contacts/update/tags", 0, test_update_tags);
  ADD ("/sandbox/contacts/update/parent", 0, test_update_parent);
  ADD ("/sandbox/contacts/update/type-change", 0, test_update_type_change);
  ADD ("/sandbox/contacts/update/validation", 0, test_update_validation);
  ADD ("/sandbox/contacts/update/empty-body", 0, test_update_empty_body);
  ADD ("/sandbox/contacts/delete/basic", 0, test_delete);
  ADD ("/sandbox/contacts/delete/business-clears-children", 0,
       test_delete_business_clears_children);
  ADD ("/sandbox/contacts/writes-visible-in-list", 0, test_writes_visible_in_list);

  return g_test_run ();
}
