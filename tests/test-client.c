/* test-client.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <libsoup/soup.h>

#include "rolo-client.h"
#include "rolo-client-envelope-private.h"
#include "rolo-test-utils.h"


#define JSON "application/json"
#define HTML "text/html"
#define HTML_PAGE "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"

/* What the test server answers next. */
typedef struct
{
  guint     status;
  char     *content_type;
  char     *body;
  char     *retry_after;
  char     *location;
  gboolean  hang;   /* never answer */
  gboolean  drop;   /* close the connection without answering */
} Answer;

/* What the test server received. */
typedef struct
{
  char   *method;
  char   *path;
  char   *query;
  char   *access_key;
  char   *secret_key;
  char   *content_type;
  char   *user_agent;
  GBytes *body;
} Request;

typedef struct
{
  SoupServer *server;
  char       *base_url;
  RoloClient *client;
  GQueue      answers;
  GPtrArray  *requests;
  GPtrArray  *hanging;
} Fixture;

static void
answer_free (Answer *answer)
{
  g_free (answer->content_type);
  g_free (answer->body);
  g_free (answer->retry_after);
  g_free (answer->location);
  g_free (answer);
}

static void
request_free (Request *request)
{
  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_free (request->access_key);
  g_free (request->secret_key);
  g_free (request->content_type);
  g_free (request->user_agent);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request);
}

static Answer *
push_answer (Fixture    *fixture,
             guint       status,
             const char *content_type,
             const char *body)
{
  Answer *answer = g_new0 (Answer, 1);

  answer->status = status;
  answer->content_type = g_strdup (content_type);
  answer->body = g_strdup (body);
  g_queue_push_tail (&fixture->answers, answer);

  return answer;
}

static Request *
record_request (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  Request *request = g_new0 (Request, 1);

  request->method = g_strdup (soup_server_message_get_method (msg));
  request->path = g_strdup (g_uri_get_path (uri));
  request->query = g_strdup (g_uri_get_query (uri));
  request->access_key = g_strdup (soup_message_headers_get_one (headers, "x-ysuite-access-key"));
  request->secret_key = g_strdup (soup_message_headers_get_one (headers, "x-ysuite-secret-key"));
  request->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  request->user_agent = g_strdup (soup_message_headers_get_one (headers, "User-Agent"));
  request->body = soup_message_body_flatten (soup_server_message_get_request_body (msg));

  return request;
}

static void
send_answer (SoupServerMessage *msg,
             Answer            *answer)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, answer->status, NULL);
  if (answer->retry_after != NULL)
    soup_message_headers_append (headers, "Retry-After", answer->retry_after);
  if (answer->location != NULL)
    soup_message_headers_append (headers, "Location", answer->location);
  if (answer->body != NULL)
    soup_server_message_set_response (msg, answer->content_type, SOUP_MEMORY_COPY,
                                      answer->body, strlen (answer->body));
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  Answer *answer = g_queue_pop_head (&fixture->answers);

  g_ptr_array_add (fixture->requests, record_request (msg));
  if (answer == NULL)
    {
      soup_server_message_set_status (msg, 418, NULL);
      return;
    }

  if (answer->hang)
    {
      soup_server_pause_message (server, msg);
      g_ptr_array_add (fixture->hanging, g_object_ref (msg));
    }
  else if (answer->drop)
    {
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

      g_io_stream_close (stream, NULL, NULL);
    }
  else
    {
      send_answer (msg, answer);
    }

  answer_free (answer);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fixture->server);
  fixture->base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  fixture->client = rolo_client_new (fixture->base_url, ROLO_TEST_ACCESS_KEY,
                                     ROLO_TEST_SECRET_KEY, &error);
  g_assert_no_error (error);

  g_queue_init (&fixture->answers);
  fixture->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) request_free);
  fixture->hanging = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Every request carried both keys, whatever the test was about. */
static void
assert_keys_sent (Fixture *fixture)
{
  for (guint i = 0; i < fixture->requests->len; i++)
    {
      Request *request = g_ptr_array_index (fixture->requests, i);

      g_assert_cmpstr (request->access_key, ==, ROLO_TEST_ACCESS_KEY);
      g_assert_cmpstr (request->secret_key, ==, ROLO_TEST_SECRET_KEY);
      g_assert_cmpstr (request->user_agent, ==, "Rolo/" PACKAGE_VERSION);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  assert_keys_sent (fixture);

  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->hanging, g_ptr_array_unref);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_queue_clear_full (&fixture->answers, (GDestroyNotify) answer_free);
  g_clear_pointer (&fixture->requests, g_ptr_array_unref);
  g_clear_pointer (&fixture->base_url, g_free);

  /* Let the closed connections' sources run before the next test. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static Request *
last_request (Fixture *fixture)
{
  g_assert_cmpuint (fixture->requests->len, >, 0);
  return g_ptr_array_index (fixture->requests, fixture->requests->len - 1);
}

static JsonObject *
request_json (Request *request)
{
  g_assert_cmpstr (request->content_type, ==, "application/json");
  return rolo_test_parse_object (request->body);
}

static void
assert_no_keys (const char *text)
{
  g_assert_null (strstr (text, ROLO_TEST_ACCESS_KEY));
  g_assert_null (strstr (text, ROLO_TEST_SECRET_KEY));
}

/* The code, some words, and no key anywhere the UI may show: the message or
 * a field's messages. */
static void
assert_client_error (const GError    *error,
                     RoloClientError  code)
{
  GHashTable *fields = rolo_client_error_get_field_errors (error);
  GHashTableIter iter;
  gpointer messages;

  g_assert_error (error, ROLO_CLIENT_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  assert_no_keys (error->message);

  if (fields == NULL)
    return;
  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, NULL, &messages))
    {
      for (const char * const *m = messages; *m != NULL; m++)
        assert_no_keys (*m);
    }
}

/* Asks for contact 1 against the queued answer; returns the error it became. */
static GError *
get_error (Fixture *fixture)
{
  g_autoptr(RoloContact) contact = NULL;
  GError *error = NULL;

  contact = rolo_test_client_get (fixture->client, 1, &error);
  g_assert_null (contact);
  g_assert_nonnull (error);
  g_assert_cmpuint (fixture->requests->len, ==, 1);

  return error;
}

static GError *
get_error_for (Fixture    *fixture,
               guint       status,
               const char *content_type,
               const char *body)
{
  push_answer (fixture, status, content_type, body);
  return get_error (fixture);
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

  push_answer (fixture, 200, JSON, body);
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
  Request *request;

  push_answer (fixture, 200, JSON,
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

  push_answer (fixture, 200, JSON, "{\"success\": true, \"data\": {\"data\": \"nothing\"}}");
  page = rolo_test_client_list (fixture->client, NULL, 0, 100, &error);

  assert_client_error (error, ROLO_CLIENT_ERROR_MALFORMED);
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
  g_autoptr(JsonObject) body = NULL;
  Request *request;
  gint64 id;

  push_answer (fixture, 200, JSON,
               "{\"success\": true, \"message\": \"New contact has been created successfully.\","
               " \"data\": {\"cstid\": \"10\", \"cstname\": \"سارة\"}}");
  rolo_contact_set_name (contact, "سارة");
  id = rolo_test_client_create (fixture->client, contact, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 10);
  request = last_request (fixture);
  g_assert_cmpstr (request->method, ==, "POST");
  g_assert_cmpstr (request->path, ==, "/v1/contacts");
  body = request_json (request);
  g_assert_cmpstr (json_object_get_string_member (body, "cstname"), ==, "سارة");
  g_assert_cmpint (json_object_get_int_member (body, "contact_type"), ==, 1);
}

static void
test_create_without_id (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) contact = rolo_contact_new ();

  push_answer (fixture, 200, JSON, "{\"success\": true, \"data\": {\"cstname\": \"A\"}}");
  rolo_contact_set_name (contact, "A");
  g_assert_cmpint (rolo_test_client_create (fixture->client, contact, &error), ==, 0);
  assert_client_error (error, ROLO_CLIENT_ERROR_MALFORMED);
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
  g_assert_cmpuint (fixture->requests->len, ==, 1);
  /* the tear-down checks both headers */

  broken = rolo_client_new (fixture->base_url, ROLO_TEST_ACCESS_KEY,
                            "test-secret\r\nX-Injected: 1", &error);
  g_assert_null (broken);
  assert_client_error (error, ROLO_CLIENT_ERROR_UNAUTHORIZED);
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

  assert_client_error (error, ROLO_CLIENT_ERROR_INVALID_INPUT);
  fields = rolo_client_error_get_field_errors (error);
  g_assert_nonnull (fields);
  g_assert_true (g_hash_table_contains (fields, "cstname"));
  g_assert_true (g_hash_table_contains (fields, "cstemail"));
  g_assert_cmpuint (fixture->requests->len, ==, 0);
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
  g_autoptr(JsonObject) body = NULL;
  g_auto(GStrv) unapplied = NULL;
  Request *put;

  rolo_contact_set_email (edited, "new@example.com");
  rolo_contact_set_notes (edited, "new");
  rolo_contact_set_sms_notify (edited, FALSE);

  /* The server takes the email and the switch but ignores the notes. */
  push_answer (fixture, 200, JSON,
               "{\"success\": true, \"message\": \"Contact updated successfully!\"}");
  push_answer (fixture, 200, JSON,
               "{\"success\": true, \"data\": {\"cstid\": 7, \"cstname\": \"Sarah Johnson\","
               " \"cstemail\": \"new@example.com\", \"cstnotes\": \"old\","
               " \"cstsmsnotify\": \"0\", \"contact_type\": 1}}");
  result = rolo_test_client_update (fixture->client, original, edited, &unapplied, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (fixture->requests->len, ==, 2);
  put = g_ptr_array_index (fixture->requests, 0);
  g_assert_cmpstr (put->method, ==, "PUT");
  g_assert_cmpstr (put->path, ==, "/v1/contacts/7");
  body = request_json (put);
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
  g_assert_cmpuint (fixture->requests->len, ==, 0);
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

  assert_client_error (error, ROLO_CLIENT_ERROR_INVALID_INPUT);
  g_assert_true (g_hash_table_contains (rolo_client_error_get_field_errors (error),
                                        "contact_parent"));
  g_assert_null (result);
  g_assert_null (unapplied);
  g_assert_cmpuint (fixture->requests->len, ==, 0);
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
  push_answer (fixture, 400, JSON, "{\"success\": false, \"message\": \"Contact not found\"}");
  result = rolo_test_client_update (fixture->client, original, edited, NULL, &error);

  assert_client_error (error, ROLO_CLIENT_ERROR_NOT_FOUND);
  g_assert_null (result);
  /* No re-read after a failed PUT. */
  g_assert_cmpuint (fixture->requests->len, ==, 1);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  push_answer (fixture, 200, JSON,
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

  push_answer (fixture, 400, JSON, "{\"success\": false, \"message\": \"Contact not found\"}");
  g_assert_false (rolo_test_client_delete (fixture->client, 7, &error));
  assert_client_error (error, ROLO_CLIENT_ERROR_NOT_FOUND);
}

/* One answer and the error it must become. */
typedef struct
{
  const char      *path;
  guint            status;
  const char      *content_type;
  const char      *body;
  const char      *retry_after;    /* the header, or NULL */
  const char      *location;       /* the header, or NULL */
  gboolean         drop;           /* close the connection instead of answering */
  RoloClientError  code;
  guint            http_status;    /* 0: not checked */
  guint            retry_seconds;  /* what rolo_client_error_get_retry_after() says */
  const char      *message;        /* the whole message; NULL: not checked */
  const char      *message_part;   /* part of the message; NULL: not checked */
} ErrorCase;

#define SLOW_DOWN "{\"success\": false, \"message\": \"Slow down\"}"

static const ErrorCase error_cases[] = {
  { .path = "unauthorized", .status = 401, .content_type = JSON,
    .body = "{\"success\": false, \"message\": \"Invalid API credentials.\"}",
    .code = ROLO_CLIENT_ERROR_UNAUTHORIZED, .http_status = 401 },
  /* The server's words name the add-on: they are the message. */
  { .path = "forbidden", .status = 403, .content_type = JSON,
    .body = "{\"success\": false, \"message\": \"Contacts add-on is not active.\"}",
    .code = ROLO_CLIENT_ERROR_FORBIDDEN, .message = "Contacts add-on is not active." },
  { .path = "forbidden-silent", .status = 403, .content_type = JSON,
    .body = "{\"success\": false}",
    .code = ROLO_CLIENT_ERROR_FORBIDDEN, .message_part = "add-on" },
  { .path = "not-found", .status = 400, .content_type = JSON,
    .body = "{\"success\": false, \"message\": \"Contact not found\"}",
    .code = ROLO_CLIENT_ERROR_NOT_FOUND, .http_status = 400 },
  { .path = "bad-request", .status = 400, .content_type = JSON,
    .body = "{\"success\": false, \"message\": \"No organisation assigned to user\"}",
    .code = ROLO_CLIENT_ERROR_BAD_REQUEST, .message = "No organisation assigned to user" },
  { .path = "other-4xx", .status = 404, .content_type = HTML, .body = "<html>Not Found</html>",
    .code = ROLO_CLIENT_ERROR_BAD_REQUEST, .http_status = 404 },
  { .path = "too-large", .status = 413, .content_type = JSON,
    .body = "{\"success\": false, \"message\": \"Too large\"}",
    .code = ROLO_CLIENT_ERROR_TOO_LARGE },
  { .path = "rate-limited", .status = 429, .content_type = JSON, .body = SLOW_DOWN,
    .retry_after = "120",
    .code = ROLO_CLIENT_ERROR_RATE_LIMITED, .http_status = 429, .retry_seconds = 120 },
  { .path = "rate-limited-no-header", .status = 429, .content_type = JSON, .body = SLOW_DOWN,
    .code = ROLO_CLIENT_ERROR_RATE_LIMITED, .retry_seconds = 0 },
  { .path = "unavailable-retry-after", .status = 503, .content_type = JSON, .body = SLOW_DOWN,
    .retry_after = "30",
    .code = ROLO_CLIENT_ERROR_RATE_LIMITED, .http_status = 503, .retry_seconds = 30 },
  { .path = "unavailable", .status = 503, .content_type = JSON, .body = SLOW_DOWN,
    .code = ROLO_CLIENT_ERROR_SERVER, .http_status = 503 },
  { .path = "server", .status = 500, .content_type = JSON,
    .body = "{\"success\": false, \"message\": \"Oops\"}",
    .code = ROLO_CLIENT_ERROR_SERVER, .http_status = 500 },
  /* The status wins over the body's shape. */
  { .path = "html-502", .status = 502, .content_type = HTML, .body = HTML_PAGE,
    .code = ROLO_CLIENT_ERROR_SERVER, .http_status = 502 },
  { .path = "html-200", .status = 200, .content_type = HTML, .body = HTML_PAGE,
    .code = ROLO_CLIENT_ERROR_MALFORMED },
  { .path = "truncated-json", .status = 200, .content_type = JSON,
    .body = "{\"success\": true, \"data\": {\"cstid\": 1, \"cstna",
    .code = ROLO_CLIENT_ERROR_MALFORMED },
  { .path = "not-json", .status = 200, .content_type = "text/plain", .body = "OK",
    .code = ROLO_CLIENT_ERROR_MALFORMED },
  { .path = "empty-body", .status = 200, .content_type = JSON, .body = "",
    .code = ROLO_CLIENT_ERROR_MALFORMED },
  { .path = "wrong-shape/array", .status = 200, .content_type = JSON,
    .body = "[{\"cstid\": 1}]",
    .code = ROLO_CLIENT_ERROR_MALFORMED },
  { .path = "wrong-shape/no-data", .status = 200, .content_type = JSON,
    .body = "{\"success\": true}",
    .code = ROLO_CLIENT_ERROR_MALFORMED },
  { .path = "wrong-shape/data-array", .status = 200, .content_type = JSON,
    .body = "{\"success\": true, \"data\": [1]}",
    .code = ROLO_CLIENT_ERROR_MALFORMED },
  { .path = "success-false/bad-request", .status = 200, .content_type = JSON,
    .body = "{\"success\": false, \"message\": \"Something off\"}",
    .code = ROLO_CLIENT_ERROR_BAD_REQUEST, .http_status = 200, .message = "Something off" },
  { .path = "success-false/not-found", .status = 200, .content_type = JSON,
    .body = "{\"success\": \"0\", \"message\": \"Contact not found\"}",
    .code = ROLO_CLIENT_ERROR_NOT_FOUND },
  /* Redirects are not followed: they could carry the keys elsewhere. */
  { .path = "redirect", .status = 302, .location = "http://127.0.0.2:1/elsewhere",
    .code = ROLO_CLIENT_ERROR_MALFORMED },
  /* A server that echoes a key in its message does not get it on screen. */
  { .path = "scrubs-keys", .status = 400, .content_type = JSON,
    .body = "{\"success\": false, \"message\": \"Key " ROLO_TEST_SECRET_KEY
            " is not valid for " ROLO_TEST_ACCESS_KEY "\"}",
    .code = ROLO_CLIENT_ERROR_BAD_REQUEST, .message_part = "is not valid for" },
  /* Nor in a field's messages, which the editor shows beside the field. */
  { .path = "scrubs-keys-in-fields", .status = 422, .content_type = JSON,
    .body = "{\"success\": false, \"errors\": {\"cstname\": [\"Sent "
            ROLO_TEST_ACCESS_KEY "\"], \"cstemail\": \"Not for " ROLO_TEST_SECRET_KEY "\"}}",
    .code = ROLO_CLIENT_ERROR_VALIDATION, .http_status = 422, .message_part = "Sent" },
  { .path = "connection-dropped", .status = 200, .drop = TRUE,
    .code = ROLO_CLIENT_ERROR_NETWORK },
};

static void
test_error_case (Fixture       *fixture,
                 gconstpointer  data)
{
  const ErrorCase *error_case = data;
  Answer *answer = push_answer (fixture, error_case->status, error_case->content_type,
                                error_case->body);
  g_autoptr(GError) error = NULL;

  answer->retry_after = g_strdup (error_case->retry_after);
  answer->location = g_strdup (error_case->location);
  answer->drop = error_case->drop;
  error = get_error (fixture);

  assert_client_error (error, error_case->code);
  g_assert_cmpuint (rolo_client_error_get_retry_after (error), ==, error_case->retry_seconds);
  if (error_case->http_status != 0)
    g_assert_cmpuint (rolo_client_error_get_http_status (error), ==, error_case->http_status);
  if (error_case->message != NULL)
    g_assert_cmpstr (error->message, ==, error_case->message);
  if (error_case->message_part != NULL)
    g_assert_nonnull (strstr (error->message, error_case->message_part));
}

static void
test_error_validation (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error =
    get_error_for (fixture, 422, JSON,
                   "{\"success\": false, \"message\": \"The cstname field is required.\","
                   " \"errors\": {\"cstname\": [\"Lead name is required.\"],"
                   " \"cstemail\": [\"Bad email.\", \"Too long.\"], \"cstnotes\": \"Single.\"}}");
  GHashTable *fields = rolo_client_error_get_field_errors (error);
  const char * const *messages;

  assert_client_error (error, ROLO_CLIENT_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==, "The cstname field is required.");
  g_assert_nonnull (fields);
  g_assert_cmpuint (g_hash_table_size (fields), ==, 3);
  messages = g_hash_table_lookup (fields, "cstname");
  g_assert_cmpstr (messages[0], ==, "Lead name is required.");
  g_assert_null (messages[1]);
  messages = g_hash_table_lookup (fields, "cstemail");
  g_assert_cmpuint (g_strv_length ((GStrv) messages), ==, 2);
  messages = g_hash_table_lookup (fields, "cstnotes");
  g_assert_cmpstr (messages[0], ==, "Single.");
}

/* The details survive g_error_copy(), as the UI may keep a copy. */
static void
test_error_copy (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error =
    get_error_for (fixture, 422, JSON,
                   "{\"success\": false, \"errors\": {\"cstname\": [\"Required.\"]}}");
  g_autoptr(GError) copy = g_error_copy (error);

  assert_client_error (copy, ROLO_CLIENT_ERROR_VALIDATION);
  g_assert_cmpstr (copy->message, ==, "Required.");
  g_assert_cmpuint (rolo_client_error_get_http_status (copy), ==, 422);
  g_assert_true (g_hash_table_contains (rolo_client_error_get_field_errors (copy), "cstname"));
}

static void
test_error_rate_limited_date (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 1);
  g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  g_autoptr(GError) error = NULL;
  Answer *answer = push_answer (fixture, 429, JSON, SLOW_DOWN);
  guint retry_after;

  answer->retry_after = g_strdup (date);
  error = get_error (fixture);
  retry_after = rolo_client_error_get_retry_after (error);

  assert_client_error (error, ROLO_CLIENT_ERROR_RATE_LIMITED);
  g_assert_cmpuint (retry_after, >, 3000);
  g_assert_cmpuint (retry_after, <=, 3600);
}

static void
test_error_connection_refused (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloClient) client = NULL;
  g_autoptr(RoloContact) contact = NULL;
  g_autofree char *base = NULL;
  guint16 port;

  /* A port that was free a moment ago and has nobody listening now. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  base = g_strdup_printf ("http://127.0.0.1:%u", port);
  client = rolo_client_new (base, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY, &error);
  g_assert_no_error (error);

  contact = rolo_test_client_get (client, 1, &error);

  assert_client_error (error, ROLO_CLIENT_ERROR_NETWORK);
  g_assert_null (contact);
}

static void
test_error_timeout (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RoloContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  Answer *answer = push_answer (fixture, 200, NULL, NULL);

  answer->hang = TRUE;
  rolo_client_set_timeout (fixture->client, 1);
  contact = rolo_test_client_get (fixture->client, 1, &error);

  assert_client_error (error, ROLO_CLIENT_ERROR_TIMEOUT);
  g_assert_null (contact);
}

static gboolean
has_requests (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->requests->len > 0;
}

static void
test_error_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RoloContactPage) page = NULL;
  g_autoptr(GError) error = NULL;
  Answer *answer = push_answer (fixture, 200, NULL, NULL);

  answer->hang = TRUE;
  rolo_client_list_contacts_async (fixture->client, NULL, 0, 10, cancellable,
                                   rolo_test_store_result, &result);
  rolo_test_wait_until (has_requests, fixture, ROLO_TEST_REQUEST_TIMEOUT_MS);
  g_assert_null (result);
  g_cancellable_cancel (cancellable);
  rolo_test_wait_for_result (&result, ROLO_TEST_REQUEST_TIMEOUT_MS);
  page = rolo_client_list_contacts_finish (fixture->client, result, &error);

  assert_client_error (error, ROLO_CLIENT_ERROR_CANCELLED);
  g_assert_null (page);
}

static void
test_error_cancelled_before (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  rolo_client_delete_contact_async (fixture->client, 3, cancellable,
                                    rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, ROLO_TEST_REQUEST_TIMEOUT_MS);

  g_assert_false (rolo_client_delete_contact_finish (fixture->client, result, &error));
  assert_client_error (error, ROLO_CLIENT_ERROR_CANCELLED);
}

static void
test_retry_after_parse (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 5, 15, 8, 30, 0);
  guint seconds = 99;

  g_assert_false (rolo_client_parse_retry_after (NULL, now, &seconds));
  g_assert_false (rolo_client_parse_retry_after ("soon", now, &seconds));
  g_assert_false (rolo_client_parse_retry_after ("-5", now, &seconds));
  g_assert_cmpuint (seconds, ==, 99);

  g_assert_true (rolo_client_parse_retry_after ("120", now, &seconds));
  g_assert_cmpuint (seconds, ==, 120);
  g_assert_true (rolo_client_parse_retry_after (" 7 ", now, &seconds));
  g_assert_cmpuint (seconds, ==, 7);
  g_assert_true (rolo_client_parse_retry_after ("0", now, &seconds));
  g_assert_cmpuint (seconds, ==, 0);
  g_assert_true (rolo_client_parse_retry_after ("Fri, 15 May 2026 08:32:00 GMT", now,
                                                &seconds));
  g_assert_cmpuint (seconds, ==, 120);
  g_assert_true (rolo_client_parse_retry_after ("Fri, 15 May 2026 08:00:00 GMT", now,
                                                &seconds));
  g_assert_cmpuint (seconds, ==, 0);
}

static void
test_envelope_no_content (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) root = rolo_client_envelope_parse (204, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
}

static void
test_envelope_long_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = g_string_new ("{\"success\": false, \"message\": \"");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) root = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append (json, "س");
  g_string_append (json, "\"}");
  body = g_bytes_new (json->str, json->len);
  root = rolo_client_envelope_parse (400, NULL, body, &error);

  assert_client_error (error, ROLO_CLIENT_ERROR_BAD_REQUEST);
  g_assert_cmpint (g_utf8_strlen (error->message, -1), ==, 500);
}

static void
test_error_accessors_on_other_errors (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");

  g_assert_null (rolo_client_error_get_field_errors (error));
  g_assert_cmpuint (rolo_client_error_get_retry_after (error), ==, 0);
  g_assert_cmpuint (rolo_client_error_get_http_status (error), ==, 0);
  g_assert_null (rolo_client_error_get_field_errors (NULL));
}

#define ADD(path, func) \
  g_test_add ("/client/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

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
  ADD ("errors/validation", test_error_validation);
  ADD ("errors/copy", test_error_copy);
  ADD ("errors/rate-limited-date", test_error_rate_limited_date);
  ADD ("errors/timeout", test_error_timeout);
  ADD ("errors/cancelled", test_error_cancelled);
  ADD ("errors/cancelled-before", test_error_cancelled_before);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/client/errors/", error_cases[i].path, NULL);

      g_test_add (path, Fixture, &error_cases[i], fixture_set_up, test_error_case,
                  fixture_tear_down);
    }
  g_test_add_func ("/client/errors/connection-refused", test_error_connection_refused);
  g_test_add_func ("/client/errors/accessors-on-other-errors",
                   test_error_accessors_on_other_errors);
  g_test_add_func ("/client/envelope/retry-after", test_retry_after_parse);
  g_test_add_func ("/client/envelope/no-content", test_envelope_no_content);
  g_test_add_func ("/client/envelope/long-message", test_envelope_long_message);

  return g_test_run ();
}
