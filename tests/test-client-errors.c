/* test-client-errors.c — how RoloClient turns answers, failures and
 * cancellations into GErrors, and what those errors carry.
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include "rolo-client.h"
#include "rolo-client-envelope-private.h"
#include "rolo-test-client-fixture.h"

#define JSON "application/json"
#define HTML "text/html"
#define HTML_PAGE "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"

typedef RoloTestClientFixture Fixture;

/* Asks for contact 1 against the queued answer; returns the error it became. */
static GError *
get_error (Fixture *fixture)
{
  g_autoptr(RoloContact) contact = NULL;
  GError *error = NULL;

  contact = rolo_test_client_get (fixture->client, 1, &error);
  g_assert_null (contact);
  g_assert_nonnull (error);
  g_assert_cmpuint (rolo_test_recorder_get_n (fixture->recorder, NULL, NULL), ==, 1);

  return error;
}

static GError *
get_error_for (Fixture    *fixture,
               guint       status,
               const char *content_type,
               const char *body)
{
  rolo_test_push_answer (fixture, status, content_type, body);
  return get_error (fixture);
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
  RoloTestAnswer *answer = rolo_test_push_answer (fixture, error_case->status,
                                                  error_case->content_type, error_case->body);
  g_autoptr(GError) error = NULL;

  answer->retry_after = g_strdup (error_case->retry_after);
  answer->location = g_strdup (error_case->location);
  answer->drop = error_case->drop;
  error = get_error (fixture);

  rolo_test_assert_client_error (error, error_case->code);
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

  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_VALIDATION);
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

  rolo_test_assert_client_error (copy, ROLO_CLIENT_ERROR_VALIDATION);
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
  RoloTestAnswer *answer = rolo_test_push_answer (fixture, 429, JSON, SLOW_DOWN);
  guint retry_after;

  answer->retry_after = g_strdup (date);
  error = get_error (fixture);
  retry_after = rolo_client_error_get_retry_after (error);

  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_RATE_LIMITED);
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

  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_NETWORK);
  g_assert_null (contact);
}

static void
test_error_timeout (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RoloContact) contact = NULL;
  g_autoptr(GError) error = NULL;
  RoloTestAnswer *answer = rolo_test_push_answer (fixture, 200, NULL, NULL);

  answer->hang = TRUE;
  rolo_client_set_timeout (fixture->client, 1);
  contact = rolo_test_client_get (fixture->client, 1, &error);

  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_TIMEOUT);
  g_assert_null (contact);
}

static void
test_error_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RoloContactPage) page = NULL;
  g_autoptr(GError) error = NULL;
  RoloTestAnswer *answer = rolo_test_push_answer (fixture, 200, NULL, NULL);

  answer->hang = TRUE;
  rolo_client_list_contacts_async (fixture->client, NULL, 0, 10, cancellable,
                                   rolo_test_store_result, &result);
  rolo_test_recorder_wait_for (fixture->recorder, NULL, NULL, 1, ROLO_TEST_REQUEST_TIMEOUT_MS);
  g_assert_null (result);
  g_cancellable_cancel (cancellable);
  rolo_test_wait_for_result (&result, ROLO_TEST_REQUEST_TIMEOUT_MS);
  page = rolo_client_list_contacts_finish (fixture->client, result, &error);

  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_CANCELLED);
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
  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_CANCELLED);
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

  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_BAD_REQUEST);
  g_assert_cmpint (g_utf8_strlen (error->message, -1), ==, 500);
}

static JsonObject *
parse_text (const char  *text,
            GError     **error)
{
  g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));

  return rolo_client_envelope_parse (200, NULL, body, error);
}

/* An escape JSON does not have makes the answer unreadable; a surrogate
 * without its other half is read as the replacement character, a pair as
 * the character it stands for. */
static void
test_envelope_escapes (void)
{
  const char *broken[] = {
    "{\"a\": \"\\x\"}",
    "{\"a\": \"\\udc\"}",
    "{\"a\": \"\\udct\\udc00\"}",
    "{\"a\": \"\\u12\"}",
  };
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(JsonObject) refused = parse_text (broken[i], &error);

      g_assert_null (refused);
      rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_MALFORMED);
      g_clear_error (&error);
    }

  root = parse_text ("{\"lone\": \"a\\udc00\\udc00b\", \"high\": \"\\ud800\\u0041\", "
                     "\"pair\": \"\\ud83d\\ude00\", \"\\udfff\": 1}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (root, "lone"), ==, "a\uFFFD\uFFFDb");
  g_assert_cmpstr (json_object_get_string_member (root, "high"), ==, "\uFFFDA");
  g_assert_cmpstr (json_object_get_string_member (root, "pair"), ==, "\U0001F600");
  g_assert_true (json_object_has_member (root, "\uFFFD"));
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

#define ADD(path, func) ROLO_TEST_ADD_CLIENT ("/client/" path, NULL, func)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("errors/validation", test_error_validation);
  ADD ("errors/copy", test_error_copy);
  ADD ("errors/rate-limited-date", test_error_rate_limited_date);
  ADD ("errors/timeout", test_error_timeout);
  ADD ("errors/cancelled", test_error_cancelled);
  ADD ("errors/cancelled-before", test_error_cancelled_before);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/client/errors/", error_cases[i].path, NULL);

      ROLO_TEST_ADD_CLIENT (path, &error_cases[i], test_error_case);
    }
  g_test_add_func ("/client/errors/connection-refused", test_error_connection_refused);
  g_test_add_func ("/client/errors/accessors-on-other-errors",
                   test_error_accessors_on_other_errors);
  g_test_add_func ("/client/envelope/retry-after", test_retry_after_parse);
  g_test_add_func ("/client/envelope/no-content", test_envelope_no_content);
  g_test_add_func ("/client/envelope/long-message", test_envelope_long_message);
  g_test_add_func ("/client/envelope/escapes", test_envelope_escapes);

  return g_test_run ();
}
