/* test-client.c — RoloClient's contact calls against a test server: what
 * each sends and what it makes of the answer.
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include "rolo-client.h"
#include "rolo-test-client-fixture.h"

#define JSON "application/json"
#define NOT_FOUND "{\"success\": false, \"message\": \"Contact not found\"}"

typedef RoloTestClientFixture Fixture;

static RoloTestRequest *
last_request (Fixture *fixture)
{
  return rolo_test_recorder_get_last (fixture->recorder, NULL, NULL);
}

#define CONTACT_JSON \
  "{\"cstid\": 7, \"cstname\": \"Sarah Johnson\", \"cstemail\": \"sarah@example.com\"," \
  " \"cstmobile\": \"0500\", \"cstmobile_country_id\": 101, \"cstaddress\": \"\"," \
  " \"ct_taxnumber\": \"\", \"cstnotes\": \"old\", \"cstemailnotify\": 1," \
  " \"cstsmsnotify\": 1, \"cst_whatsapp_notify\": 1, \"contact_type\": 1," \
  " \"contact_parent\": null, \"cst_tag_id\": [], \"cstcreated_on\": \"2026-05-15T08:30:00Z\"}"

/* Answers one GET of contact 7 with body, which must give a contact. */
static RoloContact *
get_answered (Fixture    *fixture,
              const char *body)
{
  g_autoptr(GError) error = NULL;
  RoloContact *contact;

  rolo_test_push_answer (fixture, 200, JSON, body);
  contact = rolo_test_client_get (fixture->client, 7, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contact);
  return contact;
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContactPage) page = NULL;
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  RoloTestRequest *request;

  rolo_test_push_answer (fixture, 200, JSON,
                         "{\"success\": true, \"data\": {\"data\": [" CONTACT_JSON "],"
                         " \"current_page\": 1, \"total_records\": \"1\", \"total_pages\": 1}}");
  rolo_contact_query_set_search (query, "a+b &c");
  page = rolo_test_client_list (fixture->client, query, 0, 100, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rolo_contact_page_get_total_records (page), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (rolo_contact_page_get_contacts (page)), ==, 1);
  request = last_request (fixture);
  g_assert_cmpstr (request->method, ==, "GET");
  g_assert_cmpstr (request->path, ==, "/v1/contacts");
  g_assert_cmpstr (request->query, ==,
                   "pageSize=100&pageIndex=0&search=a%2Bb%20%26c&sortBy=cstid&sortOrder=desc");
}

static void
test_list_wrong_shape (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContactPage) page = NULL;

  rolo_test_push_answer (fixture, 200, JSON,
                         "{\"success\": true, \"data\": {\"data\": \"nothing\"}}");
  page = rolo_test_client_list (fixture->client, NULL, 0, 100, &error);

  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_MALFORMED);
  g_assert_null (page);
}

static void
test_path_prefix (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *base = g_strconcat (fixture->base_url, "/ysuite/", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) contact = NULL;

  g_clear_object (&fixture->client);
  fixture->client = rolo_client_new (base, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY, &error);
  g_assert_no_error (error);

  contact = get_answered (fixture, "{\"success\": true, \"data\": " CONTACT_JSON "}");
  g_assert_cmpstr (last_request (fixture)->path, ==, "/ysuite/v1/contacts/7");
}

static void
test_get (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(RoloContact) contact =
    get_answered (fixture, "{\"success\": true, \"data\": " CONTACT_JSON "}");

  g_assert_cmpint (rolo_contact_get_id (contact), ==, 7);
  g_assert_cmpstr (rolo_contact_get_name (contact), ==, "Sarah Johnson");
  g_assert_cmpstr (last_request (fixture)->method, ==, "GET");
  g_assert_cmpstr (last_request (fixture)->path, ==, "/v1/contacts/7");
}

/* "success" left out: the status is taken at its word. */
static void
test_get_without_success (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RoloContact) contact = get_answered (fixture, "{\"data\": " CONTACT_JSON "}");

  g_assert_cmpint (rolo_contact_get_id (contact), ==, 7);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  JsonObject *body;
  RoloTestRequest *request;
  gint64 id;

  rolo_test_push_answer (fixture, 200, JSON,
                         "{\"success\": true,"
                         " \"message\": \"New contact has been created successfully.\","
                         " \"data\": {\"cstid\": \"10\", \"cstname\": \"سارة\"}}");
  rolo_contact_set_name (contact, "سارة");
  id = rolo_test_client_create (fixture->client, contact, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 10);
  request = last_request (fixture);
  g_assert_cmpstr (request->method, ==, "POST");
  g_assert_cmpstr (request->path, ==, "/v1/contacts");
  body = rolo_test_request_get_object (request);
  g_assert_cmpstr (json_object_get_string_member (body, "cstname"), ==, "سارة");
  g_assert_cmpint (json_object_get_int_member (body, "contact_type"), ==, 1);
}

static void
test_create_without_id (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) contact = rolo_contact_new ();

  rolo_test_push_answer (fixture, 200, JSON,
                         "{\"success\": true, \"data\": {\"cstname\": \"A\"}}");
  rolo_contact_set_name (contact, "A");
  g_assert_cmpint (rolo_test_client_create (fixture->client, contact, &error), ==, 0);
  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_MALFORMED);
}

/* Keys pasted with white space around them still go out, as they are meant;
 * a key with a line break inside cannot be sent at all and is refused. */
static void
test_keys_trimmed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) contact = NULL;
  g_autoptr(RoloClient) broken = NULL;

  g_clear_object (&fixture->client);
  fixture->client = rolo_client_new (fixture->base_url, " " ROLO_TEST_ACCESS_KEY "\t\n",
                                     ROLO_TEST_SECRET_KEY "\r\n", &error);
  g_assert_no_error (error);

  contact = get_answered (fixture, "{\"success\": true, \"data\": " CONTACT_JSON "}");
  g_assert_cmpuint (rolo_test_recorder_get_n (fixture->recorder, NULL, NULL), ==, 1);
  /* the tear-down checks both headers */

  broken = rolo_client_new (fixture->base_url, ROLO_TEST_ACCESS_KEY,
                            "test-secret\r\nX-Injected: 1", &error);
  g_assert_null (broken);
  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_null (strstr (error->message, "test-secret"));
}

/* Refused before anything is sent. */
static void
test_create_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  GHashTable *fields;

  rolo_contact_set_email (contact, "not-an-address");
  g_assert_cmpint (rolo_test_client_create (fixture->client, contact, &error), ==, 0);

  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_INVALID_INPUT);
  fields = rolo_client_error_get_field_errors (error);
  g_assert_nonnull (fields);
  g_assert_true (g_hash_table_contains (fields, "cstname"));
  g_assert_true (g_hash_table_contains (fields, "cstemail"));
  g_assert_cmpuint (rolo_test_recorder_get_n (fixture->recorder, NULL, NULL), ==, 0);
}

static RoloContact *
parse_contact_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  RoloContact *contact;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  contact = rolo_contact_new_from_json (json_node_get_object (json_parser_get_root (parser)),
                                        &error);
  g_assert_no_error (error);
  return contact;
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) original = parse_contact_json (CONTACT_JSON);
  g_autoptr(RoloContact) edited = rolo_contact_copy (original);
  g_autoptr(RoloContact) result = NULL;
  JsonObject *body;
  g_auto(GStrv) unapplied = NULL;
  RoloTestRequest *put;

  rolo_contact_set_email (edited, "new@example.com");
  rolo_contact_set_notes (edited, "new");
  rolo_contact_set_sms_notify (edited, FALSE);

  /* The server takes the email and the switch but ignores the notes. */
  rolo_test_push_answer (fixture, 200, JSON,
                         "{\"success\": true, \"message\": \"Contact updated successfully!\"}");
  rolo_test_push_answer (fixture, 200, JSON,
                         "{\"success\": true, \"data\": {\"cstid\": 7,"
                         " \"cstname\": \"Sarah Johnson\", \"cstemail\": \"new@example.com\","
                         " \"cstnotes\": \"old\","
                         " \"cstsmsnotify\": \"0\", \"contact_type\": 1}}");
  result = rolo_test_client_update (fixture->client, original, edited, &unapplied, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rolo_test_recorder_get_n (fixture->recorder, NULL, NULL), ==, 2);
  put = g_ptr_array_index (rolo_test_recorder_get_requests (fixture->recorder), 0);
  g_assert_cmpstr (put->method, ==, "PUT");
  g_assert_cmpstr (put->path, ==, "/v1/contacts/7");
  body = rolo_test_request_get_object (put);
  g_assert_cmpuint (json_object_get_size (body), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (body, "cstemail"), ==, "new@example.com");
  g_assert_cmpstr (json_object_get_string_member (body, "cstnotes"), ==, "new");
  g_assert_false (json_object_get_boolean_member (body, "cstsmsnotify"));
  g_assert_cmpstr (last_request (fixture)->method, ==, "GET");
  g_assert_cmpstr (last_request (fixture)->path, ==, "/v1/contacts/7");

  g_assert_cmpstr (rolo_contact_get_email (result), ==, "new@example.com");
  g_assert_nonnull (unapplied);
  g_assert_cmpuint (g_strv_length (unapplied), ==, 1);
  g_assert_cmpstr (unapplied[0], ==, "cstnotes");
}

static void
test_update_unchanged (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) original = parse_contact_json (CONTACT_JSON);
  g_autoptr(RoloContact) edited = rolo_contact_copy (original);
  g_autoptr(RoloContact) result = NULL;
  g_auto(GStrv) unapplied = NULL;

  result = rolo_test_client_update (fixture->client, original, edited, &unapplied, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rolo_test_recorder_get_n (fixture->recorder, NULL, NULL), ==, 0);
  g_assert_true (rolo_contact_equal (result, original));
  g_assert_nonnull (unapplied);
  g_assert_null (unapplied[0]);
}

static void
test_update_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) original = parse_contact_json (CONTACT_JSON);
  g_autoptr(RoloContact) edited = rolo_contact_copy (original);
  g_autoptr(RoloContact) result = NULL;
  g_auto(GStrv) unapplied = NULL;

  rolo_contact_set_contact_type (edited, ROLO_CONTACT_TYPE_BUSINESS);
  rolo_contact_set_parent_id (edited, 3);
  result = rolo_test_client_update (fixture->client, original, edited, &unapplied, &error);

  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_INVALID_INPUT);
  g_assert_true (g_hash_table_contains (rolo_client_error_get_field_errors (error),
                                        "contact_parent"));
  g_assert_null (result);
  g_assert_null (unapplied);
  g_assert_cmpuint (rolo_test_recorder_get_n (fixture->recorder, NULL, NULL), ==, 0);
}

static void
test_update_put_fails (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) original = parse_contact_json (CONTACT_JSON);
  g_autoptr(RoloContact) edited = rolo_contact_copy (original);
  g_autoptr(RoloContact) result = NULL;

  rolo_contact_set_name (edited, "Other");
  rolo_test_push_answer (fixture, 400, JSON, NOT_FOUND);
  result = rolo_test_client_update (fixture->client, original, edited, NULL, &error);

  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_NOT_FOUND);
  g_assert_null (result);
  /* No re-read after a failed PUT. */
  g_assert_cmpuint (rolo_test_recorder_get_n (fixture->recorder, NULL, NULL), ==, 1);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rolo_test_push_answer (fixture, 200, JSON,
                         "{\"success\": true, \"message\": \"Contact deleted successfully!\"}");
  g_assert_true (rolo_test_client_delete (fixture->client, 7, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (last_request (fixture)->method, ==, "DELETE");
  g_assert_cmpstr (last_request (fixture)->path, ==, "/v1/contacts/7");
}

static void
test_delete_not_found (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  rolo_test_push_answer (fixture, 400, JSON, NOT_FOUND);
  g_assert_false (rolo_test_client_delete (fixture->client, 7, &error));
  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_NOT_FOUND);
}

#define ADD(path, func) ROLO_TEST_ADD_CLIENT ("/client/" path, NULL, func)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("contacts/list", test_list);
  ADD ("contacts/list/wrong-shape", test_list_wrong_shape);
  ADD ("contacts/path-prefix", test_path_prefix);
  ADD ("contacts/get", test_get);
  ADD ("contacts/get/without-success", test_get_without_success);
  ADD ("contacts/create", test_create);
  ADD ("contacts/create/without-id", test_create_without_id);
  ADD ("contacts/create/invalid", test_create_invalid);
  ADD ("contacts/update", test_update);
  ADD ("contacts/update/unchanged", test_update_unchanged);
  ADD ("contacts/update/invalid", test_update_invalid);
  ADD ("contacts/update/put-fails", test_update_put_fails);
  ADD ("contacts/delete", test_delete);
  ADD ("contacts/delete/not-found", test_delete_not_found);
  ADD ("contacts/keys-trimmed", test_keys_trimmed);

  return g_test_run ();
}
