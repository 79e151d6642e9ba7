/* test-sandbox-http.c — what RoloSandbox does at the HTTP level: keys, the
 * envelope on every answer, bad requests, size limit, latency, faults,
 * threads, and what a recorder sees.
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "rolo-test-utils.h"

/* --- requests ---------------------------------------------------------------- */

typedef RoloTestSandboxFixture Fixture;
typedef RoloTestReply Reply;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, rolo_test_reply_free)

#define envelope rolo_test_reply_get_object
/* An answer with the envelope: the status, JSON, success matching it. */
#define assert_envelope rolo_test_assert_envelope

static SoupMessage *
new_message (Fixture    *fixture,
             const char *method,
             const char *path,
             const char *access_key,
             const char *secret_key)
{
  return rolo_test_message_new (fixture->base_url, method, path, access_key, secret_key);
}

static Reply *
request_raw (Fixture    *fixture,
             const char *method,
             const char *path,
             GBytes     *body)
{
  return rolo_test_request_bytes (fixture->session, fixture->base_url, method, path, body);
}

static Reply *
request (Fixture    *fixture,
         const char *method,
         const char *path,
         const char *body)
{
  return rolo_test_request (fixture->session, fixture->base_url, method, path, body);
}

static void
assert_alive (Fixture *fixture)
{
  g_autoptr(Reply) reply = request (fixture, "GET", "/v1/contacts?pageSize=1", NULL);

  assert_envelope (reply, SOUP_STATUS_OK, NULL);
}

/* --- keys -------------------------------------------------------------------- */

static void
assert_unauthorized (Reply *reply)
{
  JsonObject *object = envelope (reply);

  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_UNAUTHORIZED);
  g_assert_cmpstr (reply->content_type, ==, "application/json");
  /* exactly {"success": false, "message": "Invalid API credentials."} */
  g_assert_cmpuint (json_object_get_size (object), ==, 2);
  g_assert_false (json_object_get_boolean_member (object, "success"));
  g_assert_cmpstr (json_object_get_string_member (object, "message"), ==,
                   "Invalid API credentials.");
}

static void
test_auth (Fixture       *fixture,
           gconstpointer  data)
{
  static const struct
  {
    const char *access;
    const char *secret;
  } cases[] = {
    { NULL, NULL },
    { NULL, ROLO_TEST_SECRET_KEY },
    { ROLO_TEST_ACCESS_KEY, NULL },
    { "wrong", ROLO_TEST_SECRET_KEY },
    { ROLO_TEST_ACCESS_KEY, "wrong" },
    { ROLO_TEST_SECRET_KEY, ROLO_TEST_ACCESS_KEY },
    { ROLO_TEST_ACCESS_KEY "x", ROLO_TEST_SECRET_KEY },
    { "test-access-ke", ROLO_TEST_SECRET_KEY },
    { "", "" },
    { "sandbox", "sandbox" },
  };
  static const struct
  {
    const char *method;
    const char *path;
  } routes[] = {
    { "GET", "/v1/contacts" }, { "GET", "/v1/contacts/1" }, { "POST", "/v1/contacts" },
    { "PUT", "/v1/contacts/1" }, { "DELETE", "/v1/contacts/1" }, { "GET", "/v1/nowhere" },
  };

  for (guint r = 0; r < G_N_ELEMENTS (routes); r++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(SoupMessage) msg = new_message (fixture, routes[r].method, routes[r].path,
                                                  cases[i].access, cases[i].secret);
        g_autoptr(GBytes) body = g_bytes_new_static ("{\"cstname\": \"X\"}", 16);
        g_autoptr(Reply) reply = NULL;

        if (!g_str_equal (routes[r].method, "GET"))
          soup_message_set_request_body_from_bytes (msg, "application/json", body);
        reply = rolo_test_send (fixture->session, msg);
        g_test_message ("%s %s, case %u", routes[r].method, routes[r].path, i);
        assert_unauthorized (reply);
      }

  /* nothing was written, nothing was deleted */
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 3);
}

static void
test_auth_set_keys (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SoupMessage) old_keys = NULL;
  g_autoptr(SoupMessage) new_keys = NULL;
  g_autoptr(Reply) refused = NULL;
  g_autoptr(Reply) accepted = NULL;

  rolo_sandbox_set_keys (fixture->sandbox, "new-access", "new-secret");
  old_keys = new_message (fixture, "GET", "/v1/contacts", ROLO_TEST_ACCESS_KEY,
                          ROLO_TEST_SECRET_KEY);
  new_keys = new_message (fixture, "GET", "/v1/contacts", "new-access", "new-secret");
  refused = rolo_test_send (fixture->session, old_keys);
  accepted = rolo_test_send (fixture->session, new_keys);

  assert_unauthorized (refused);
  assert_envelope (accepted, SOUP_STATUS_OK, NULL);
}

/* --- paths, methods, bodies ---------------------------------------------------- */

static void
test_unknown_paths (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const paths[] = {
    "/", "/v1", "/v1/", "/v1/unknown", "/v2/contacts", "/v1/contacts/1/extra",
    "/v1/contactsx", "/v1/Contacts", "/favicon.ico",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(Reply) reply = request (fixture, "GET", paths[i], NULL);

      g_test_message ("GET %s", paths[i]);
      assert_envelope (reply, SOUP_STATUS_NOT_FOUND, NULL);
    }
  assert_alive (fixture);
}

static void
test_methods (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct
  {
    const char *method;
    const char *path;
    const char *allow;
  } cases[] = {
    { "PATCH", "/v1/contacts", "GET, POST" },
    { "DELETE", "/v1/contacts", "GET, POST" },
    { "PUT", "/v1/contacts", "GET, POST" },
    { "POST", "/v1/contacts/1", "GET, PUT, DELETE" },
    { "PATCH", "/v1/contacts/1", "GET, PUT, DELETE" },
    { "OPTIONS", "/v1/contacts/1", "GET, PUT, DELETE" },
    { "BREW", "/v1/contacts", "GET, POST" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SoupMessage) msg = new_message (fixture, cases[i].method, cases[i].path,
                                                ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
      g_autoptr(Reply) reply = rolo_test_send (fixture->session, msg);
      SoupMessageHeaders *headers = soup_message_get_response_headers (msg);

      g_test_message ("%s %s", cases[i].method, cases[i].path);
      assert_envelope (reply, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      g_assert_cmpstr (soup_message_headers_get_one (headers, "Allow"), ==, cases[i].allow);
    }
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 2);
}

static char *
deep_nesting (guint depth)
{
  GString *text = g_string_new ("{\"cstname\": ");

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  return g_string_free (text, FALSE);
}

static void
test_bad_bodies (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const bodies[] = {
    "{", "}", "[1, 2]", "[]", "null", "\"text\"", "42", "true", "cstname=Sarah",
    "{\"cstname\": \"Sarah\",}", "{'cstname': 'Sarah'}", "{\"cstname\": \"Sarah\"} x",
    "{\"cstname\" \"Sarah\"}", "{cstname: \"Sarah\"}", "{\"tags\": [1,]}",
    "{\"n\": 01}", "{\"s\": \"\\x\"}", "{\"s\": \"tab\there\"}", "{\"n\": .5}",
    "{\"n\": NaN}", "{\"b\": True}", "{\"s\": \"\\u12\"}",
  };
  static const char invalid_utf8[] = "{\"cstname\": \"\xff\xfe\", \"contact_type\": 1}";
  static const char with_nul[] = "{\"cstname\": \"a\0b\", \"contact_type\": 1}";
  g_autofree char *deep = deep_nesting (200000);
  g_autoptr(GBytes) invalid = g_bytes_new_static (invalid_utf8, sizeof invalid_utf8 - 1);
  g_autoptr(GBytes) nul = g_bytes_new_static (with_nul, sizeof with_nul - 1);
  const char *methods[] = { "POST", "PUT" };

  for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
    {
      const char *path = g_str_equal (methods[m], "POST") ? "/v1/contacts" : "/v1/contacts/1";
      g_autoptr(Reply) empty = request (fixture, methods[m], path, NULL);
      g_autoptr(Reply) deep_reply = request (fixture, methods[m], path, deep);
      g_autoptr(Reply) invalid_reply = request_raw (fixture, methods[m], path, invalid);
      g_autoptr(Reply) nul_reply = request_raw (fixture, methods[m], path, nul);

      for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
        {
          g_autoptr(Reply) reply = request (fixture, methods[m], path, bodies[i]);

          g_test_message ("%s %s", methods[m], bodies[i]);
          assert_envelope (reply, SOUP_STATUS_BAD_REQUEST, NULL);
        }
      assert_envelope (empty, SOUP_STATUS_BAD_REQUEST, NULL);
      assert_envelope (deep_reply, SOUP_STATUS_BAD_REQUEST, NULL);
      assert_envelope (invalid_reply, SOUP_STATUS_BAD_REQUEST, NULL);
      assert_envelope (nul_reply, SOUP_STATUS_BAD_REQUEST, NULL);
    }

  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 1);
  assert_alive (fixture);
}

/* A valid create whose notes field pads the body to size bytes. */
static GBytes *
body_of_size (gsize size)
{
  static const char head[] = "{\"cstname\": \"Big\", \"contact_type\": 1, \"padding\": \"";
  GString *text = g_string_new (head);

  while (text->len < size - 2)
    g_string_append_c (text, 'x');
  g_string_append (text, "\"}");
  g_assert_cmpuint (text->len, ==, size);

  return g_string_free_to_bytes (text);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) at_limit = body_of_size (1024 * 1024);
  g_autoptr(GBytes) over = body_of_size (1024 * 1024 + 1);
  g_autoptr(GBytes) far_over = body_of_size (8 * 1024 * 1024);
  g_autoptr(Reply) ok = request_raw (fixture, "POST", "/v1/contacts", at_limit);
  g_autoptr(Reply) refused = request_raw (fixture, "POST", "/v1/contacts", over);
  g_autoptr(Reply) refused_put = request_raw (fixture, "PUT", "/v1/contacts/1", far_over);

  assert_envelope (ok, SOUP_STATUS_OK, NULL);
  assert_envelope (refused, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL);
  assert_envelope (refused_put, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 1);
  assert_alive (fixture);
}

/* Without Content-Length (chunked), the size is found while reading. */
static void
test_too_large_chunked (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GBytes) over = body_of_size (2 * 1024 * 1024);
  g_autoptr(GBytes) small = body_of_size (1000);
  g_autoptr(SoupMessage) big_msg = new_message (fixture, "POST", "/v1/contacts",
                                                ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  g_autoptr(SoupMessage) small_msg = new_message (fixture, "POST", "/v1/contacts",
                                                  ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  g_autoptr(GInputStream) big_stream = g_memory_input_stream_new_from_bytes (over);
  g_autoptr(GInputStream) small_stream = g_memory_input_stream_new_from_bytes (small);
  g_autoptr(Reply) refused = NULL;
  g_autoptr(Reply) accepted = NULL;

  soup_message_set_request_body (big_msg, "application/json", big_stream, -1);
  soup_message_set_request_body (small_msg, "application/json", small_stream, -1);
  refused = rolo_test_send (fixture->session, big_msg);
  accepted = rolo_test_send (fixture->session, small_msg);

  assert_envelope (refused, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL);
  assert_envelope (accepted, SOUP_STATUS_OK, NULL);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 1);
}

/* Every kind of answer carries the envelope. */
static void
test_envelope_everywhere (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(Reply) list = request (fixture, "GET", "/v1/contacts", NULL);
  g_autoptr(Reply) one = request (fixture, "GET", "/v1/contacts/1", NULL);
  g_autoptr(Reply) created = request (fixture, "POST", "/v1/contacts",
                                      "{\"cstname\": \"E\", \"contact_type\": 2}");
  g_autoptr(Reply) invalid = request (fixture, "POST", "/v1/contacts", "{}");
  g_autoptr(Reply) missing = request (fixture, "GET", "/v1/contacts/424242", NULL);
  g_autoptr(Reply) bad_query = request (fixture, "GET", "/v1/contacts?type=9", NULL);

  assert_envelope (list, SOUP_STATUS_OK, NULL);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (envelope (list), "data")));
  assert_envelope (one, SOUP_STATUS_OK, NULL);
  assert_envelope (created, SOUP_STATUS_OK, "New contact has been created successfully.");
  assert_envelope (invalid, SOUP_STATUS_UNPROCESSABLE_ENTITY, NULL);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (envelope (invalid), "errors")));
  assert_envelope (missing, SOUP_STATUS_BAD_REQUEST, "Contact not found");
  g_assert_false (json_object_has_member (envelope (missing), "errors"));
  assert_envelope (bad_query, SOUP_STATUS_UNPROCESSABLE_ENTITY, NULL);
}

/* --- the request signal --------------------------------------------------------- */

typedef struct
{
  guint    count;
  char    *method;
  char    *path_and_query;
  GBytes  *body;
  GThread *thread;
} Seen;

static void
seen_clear (Seen *seen)
{
  g_clear_pointer (&seen->method, g_free);
  g_clear_pointer (&seen->path_and_query, g_free);
  g_clear_pointer (&seen->body, g_bytes_unref);
}

static void
request_cb (RoloSandbox *sandbox,
            const char  *method,
            const char  *path_and_query,
            GBytes      *body,
            gpointer     user_data)
{
  Seen *seen = user_data;

  seen_clear (seen);
  seen->method = g_strdup (method);
  seen->path_and_query = g_strdup (path_and_query);
  seen->body = body ? g_bytes_ref (body) : NULL;
  seen->thread = g_thread_self ();
  g_atomic_int_inc (&seen->count);
}

static void
test_request_signal (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char body[] = "{\"cstname\": \"Signal\", \"contact_type\": 1}";
  Seen seen = { 0 };
  g_autoptr(GBytes) expected = g_bytes_new_static (body, strlen (body));
  guint before = rolo_sandbox_get_n_requests (fixture->sandbox);
  gulong id = g_signal_connect (fixture->sandbox, "request", G_CALLBACK (request_cb), &seen);
  g_autoptr(Reply) created = request (fixture, "POST", "/v1/contacts?source=test", body);
  g_autoptr(Reply) listed = NULL;
  g_autoptr(Reply) unauthorized = NULL;
  g_autoptr(SoupMessage) no_keys = NULL;

  assert_envelope (created, SOUP_STATUS_OK, NULL);
  g_assert_cmpuint (seen.count, ==, 1);
  g_assert_cmpstr (seen.method, ==, "POST");
  g_assert_cmpstr (seen.path_and_query, ==, "/v1/contacts?source=test");
  g_assert_nonnull (seen.body);
  g_assert_true (g_bytes_equal (seen.body, expected));
  g_assert_true (seen.thread == g_thread_self ());

  listed = request (fixture, "GET", "/v1/contacts", NULL);
  g_assert_cmpuint (seen.count, ==, 2);
  g_assert_cmpstr (seen.method, ==, "GET");
  g_assert_cmpstr (seen.path_and_query, ==, "/v1/contacts");
  g_assert_null (seen.body);

  /* refused requests count too */
  no_keys = new_message (fixture, "DELETE", "/v1/contacts/1", NULL, NULL);
  unauthorized = rolo_test_send (fixture->session, no_keys);
  assert_unauthorized (unauthorized);
  g_assert_cmpuint (seen.count, ==, 3);
  g_assert_cmpuint (rolo_sandbox_get_n_requests (fixture->sandbox), ==, before + 3);

  g_signal_handler_disconnect (fixture->sandbox, id);
  seen_clear (&seen);
}

/* --- what a test's recorder sees ------------------------------------------------ */

/* A sandbox on this thread shows its server to a recorder, which keeps each
 * request as sent: a partial PUT's members and no others, the query, the
 * headers. */
static void
test_recorder (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RoloTestRecorder) recorder = rolo_test_recorder_new_for_sandbox (fixture->sandbox);
  g_autoptr(Reply) put = request (fixture, "PUT", "/v1/contacts/2",
                                  "{\"cstemail\": \"new@example.com\", \"cstnotes\": \"\"}");
  g_autoptr(Reply) listed = request (fixture, "GET", "/v1/contacts?pageSize=5&search=a%20b",
                                     NULL);
  RoloTestRequest *recorded;
  JsonObject *sent;

  assert_envelope (put, SOUP_STATUS_OK, "Contact updated successfully!");
  assert_envelope (listed, SOUP_STATUS_OK, NULL);
  g_assert_cmpuint (rolo_test_recorder_get_n (recorder, NULL, NULL), ==, 2);
  g_assert_cmpuint (rolo_test_recorder_get_n (recorder, "PUT", "/v1/contacts/"), ==, 1);
  g_assert_cmpuint (rolo_test_recorder_get_n (recorder, "GET", "/v1/contacts/"), ==, 0);
  g_assert_cmpuint (rolo_test_recorder_get_n (recorder, "GET", "/v1/contacts"), ==, 1);

  recorded = rolo_test_recorder_get_last (recorder, "PUT", "/v1/contacts/");
  g_assert_cmpstr (recorded->path, ==, "/v1/contacts/2");
  g_assert_null (recorded->query);
  g_assert_cmpuint (g_hash_table_size (recorded->params), ==, 0);
  g_assert_cmpstr (soup_message_headers_get_one (recorded->headers, "x-ysuite-access-key"), ==,
                   ROLO_TEST_ACCESS_KEY);
  sent = rolo_test_request_get_object (recorded);
  g_assert_cmpuint (json_object_get_size (sent), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (sent, "cstemail"), ==, "new@example.com");
  g_assert_cmpstr (json_object_get_string_member (sent, "cstnotes"), ==, "");

  recorded = rolo_test_recorder_get_last (recorder, NULL, NULL);
  g_assert_cmpstr (recorded->method, ==, "GET");
  g_assert_cmpstr (recorded->query, ==, "pageSize=5&search=a%20b");
  g_assert_cmpstr (g_hash_table_lookup (recorded->params, "search"), ==, "a b");
  g_assert_cmpuint (g_bytes_get_size (recorded->body), ==, 0);
  g_assert_null (recorded->json);
}

/* --- latency and faults ------------------------------------------------------------ */

static void
count_cb (RoloSandbox *sandbox,
          const char  *method,
          const char  *path_and_query,
          GBytes      *body,
          gpointer     user_data)
{
  g_atomic_int_inc ((int *) user_data);
}

/* The answer is held back: received (signal seen), yet still pending while
 * the loop keeps running, then delivered. No wall-clock assertion. */
static void
test_latency (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SoupMessage) msg = new_message (fixture, "GET", "/v1/contacts",
                                            ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  int received = 0;

  rolo_sandbox_set_latency (fixture->sandbox, 1500);
  g_signal_connect (fixture->sandbox, "request", G_CALLBACK (count_cb), &received);
  soup_session_send_and_read_async (fixture->session, msg, G_PRIORITY_DEFAULT, NULL,
                                    rolo_test_store_result, &result);

  rolo_test_wait_for_flag (&received, 10000);
  rolo_test_iterate_for (100);
  g_assert_null (result);

  rolo_test_wait_for_result (&result, 30000);
  body = soup_session_send_and_read_finish (fixture->session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);
  g_signal_handlers_disconnect_by_func (fixture->sandbox, count_cb, &received);

  /* back to no delay */
  rolo_sandbox_set_latency (fixture->sandbox, 0);
  assert_alive (fixture);
}

typedef enum
{
  OUTCOME_OK,
  OUTCOME_SERVER_ERROR,
  OUTCOME_BAD_GATEWAY,
  OUTCOME_DROPPED,
} Outcome;

/* One request on a fresh session, so no connection is reused (libsoup
 * would resend on a reused connection that closes). */
static Outcome
fetch_outcome (Fixture *fixture)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = new_message (fixture, "GET", "/v1/contacts?pageSize=1",
                                            ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  g_autoptr(Reply) reply = rolo_test_send (session, msg);

  if (reply->error != NULL)
    return OUTCOME_DROPPED;

  if (reply->status == SOUP_STATUS_BAD_GATEWAY)
    {
      g_assert_cmpstr (reply->content_type, ==, "text/html");
      g_assert_null (reply->root);
      return OUTCOME_BAD_GATEWAY;
    }
  if (reply->status == SOUP_STATUS_INTERNAL_SERVER_ERROR)
    {
      assert_envelope (reply, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      return OUTCOME_SERVER_ERROR;
    }

  assert_envelope (reply, SOUP_STATUS_OK, NULL);
  return OUTCOME_OK;
}

static void
assert_outcomes (Fixture       *fixture,
                 const Outcome *expected,
                 guint          n)
{
  for (guint i = 0; i < n; i++)
    {
      g_test_message ("request %u", i);
      g_assert_cmpint (fetch_outcome (fixture), ==, expected[i]);
    }
}

static void
test_fail_rate (Fixture       *fixture,
                gconstpointer  data)
{
  static const Outcome half[] = {
    OUTCOME_OK, OUTCOME_SERVER_ERROR, OUTCOME_OK, OUTCOME_BAD_GATEWAY, OUTCOME_OK,
    OUTCOME_DROPPED, OUTCOME_OK, OUTCOME_SERVER_ERROR,
  };
  static const Outcome all[] = {
    OUTCOME_SERVER_ERROR, OUTCOME_BAD_GATEWAY, OUTCOME_DROPPED, OUTCOME_SERVER_ERROR,
  };
  static const Outcome quarter[] = {
    OUTCOME_OK, OUTCOME_OK, OUTCOME_OK, OUTCOME_SERVER_ERROR,
    OUTCOME_OK, OUTCOME_OK, OUTCOME_OK, OUTCOME_BAD_GATEWAY,
  };
  static const Outcome none[] = { OUTCOME_OK, OUTCOME_OK, OUTCOME_OK, OUTCOME_OK };
  guint before;

  rolo_sandbox_set_fail_rate (fixture->sandbox, 0.5);
  before = rolo_sandbox_get_n_requests (fixture->sandbox);
  assert_outcomes (fixture, half, G_N_ELEMENTS (half));
  g_assert_cmpuint (rolo_sandbox_get_n_requests (fixture->sandbox) - before, ==,
                    G_N_ELEMENTS (half));

  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  assert_outcomes (fixture, all, G_N_ELEMENTS (all));

  rolo_sandbox_set_fail_rate (fixture->sandbox, 0.25);
  assert_outcomes (fixture, quarter, G_N_ELEMENTS (quarter));

  rolo_sandbox_set_fail_rate (fixture->sandbox, 0.0);
  assert_outcomes (fixture, none, G_N_ELEMENTS (none));
}

/* A failed answer did nothing: a create that got a fault created nothing. */
static void
test_fail_rate_writes_nothing (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(Reply) failed = NULL;

  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  failed = request (fixture, "POST", "/v1/contacts", "{\"cstname\": \"F\", \"contact_type\": 1}");
  g_assert_cmpuint (failed->status, ==, SOUP_STATUS_INTERNAL_SERVER_ERROR);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 0);
}

static void
test_latency_with_drop (Fixture       *fixture,
                        gconstpointer  data)
{
  static const Outcome expected[] = {
    OUTCOME_SERVER_ERROR, OUTCOME_BAD_GATEWAY, OUTCOME_DROPPED,
  };

  rolo_sandbox_set_latency (fixture->sandbox, 50);
  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  assert_outcomes (fixture, expected, G_N_ELEMENTS (expected));
}

/* --- serving ------------------------------------------------------------------- */

static void
test_loopback_url (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("http://127.0.0.1:%u",
                                               rolo_sandbox_get_port (fixture->sandbox));

  g_assert_cmpuint (rolo_sandbox_get_port (fixture->sandbox), >, 0);
  g_assert_cmpstr (fixture->base_url, ==, expected);
}

static void
test_stop_and_listen_again (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Reply) refused = NULL;
  g_autoptr(Reply) served = NULL;

  /* a request held back by latency is abandoned cleanly on stop */
  rolo_sandbox_set_latency (fixture->sandbox, 60000);
  {
    g_autoptr(SoupMessage) msg = new_message (fixture, "GET", "/v1/contacts",
                                              ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
    int received = 0;

    g_signal_connect (fixture->sandbox, "request", G_CALLBACK (count_cb), &received);
    soup_session_send_async (fixture->session, msg, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
    rolo_test_wait_for_flag (&received, 10000);
    g_signal_handlers_disconnect_by_func (fixture->sandbox, count_cb, &received);
  }
  rolo_sandbox_stop (fixture->sandbox);
  rolo_sandbox_set_latency (fixture->sandbox, 0);
  g_assert_cmpuint (rolo_sandbox_get_port (fixture->sandbox), ==, 0);

  refused = request (fixture, "GET", "/v1/contacts", NULL);
  g_assert_nonnull (refused->error);

  rolo_sandbox_listen (fixture->sandbox, 0, &error);
  g_assert_no_error (error);
  g_free (fixture->base_url);
  fixture->base_url = rolo_sandbox_dup_base_url (fixture->sandbox);
  served = request (fixture, "GET", "/v1/contacts", NULL);
  assert_envelope (served, SOUP_STATUS_OK, NULL);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (envelope (served),
                                                                              "data"),
                                               "total_records"), ==, 4);
}

static void
test_port_in_use (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloSandbox) other = rolo_sandbox_new (NULL, &error);

  g_assert_no_error (error);
  g_assert_false (rolo_sandbox_listen (other, rolo_sandbox_get_port (fixture->sandbox), &error));
  g_assert_error (error, ROLO_SANDBOX_ERROR, ROLO_SANDBOX_ERROR_LISTEN);
  g_clear_error (&error);

  g_assert_false (rolo_sandbox_start_thread (other, rolo_sandbox_get_port (fixture->sandbox),
                                             &error));
  g_assert_error (error, ROLO_SANDBOX_ERROR, ROLO_SANDBOX_ERROR_LISTEN);
}

/* In its own thread, the sandbox answers while this thread's loop runs,
 * emits the signal there, and a slow answer never blocks this side. */
static void
test_thread (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloSandbox) sandbox = rolo_sandbox_new (NULL, &error);
  g_autoptr(SoupSession) session = soup_session_new ();
  Fixture fixture = { 0 };
  Seen seen = { 0 };
  g_autoptr(Reply) listed = NULL;
  g_autoptr(Reply) after_stop = NULL;

  g_assert_no_error (error);
  rolo_sandbox_set_keys (sandbox, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  rolo_sandbox_seed (sandbox, 42, &error);
  g_assert_no_error (error);
  rolo_sandbox_start_thread (sandbox, 0, &error);
  g_assert_no_error (error);
  /* Its server belongs to that thread: no recorder here. */
  g_assert_null (rolo_sandbox_get_server (sandbox));
  g_signal_connect (sandbox, "request", G_CALLBACK (request_cb), &seen);

  fixture.sandbox = sandbox;
  fixture.session = session;
  fixture.base_url = rolo_sandbox_dup_base_url (sandbox);

  rolo_sandbox_set_latency (sandbox, 200);
  listed = request (&fixture, "GET", "/v1/contacts", NULL);
  assert_envelope (listed, SOUP_STATUS_OK, NULL);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (envelope (listed),
                                                                              "data"),
                                               "total_records"), ==, 42);
  g_assert_cmpuint (g_atomic_int_get (&seen.count), ==, 1);
  g_assert_true (seen.thread != g_thread_self ());

  /* seeding and counting from this thread while it serves */
  g_assert_cmpuint (rolo_sandbox_count_contacts (sandbox), ==, 42);

  rolo_sandbox_stop (sandbox);
  after_stop = request (&fixture, "GET", "/v1/contacts", NULL);
  g_assert_nonnull (after_stop->error);

  g_free (fixture.base_url);
  seen_clear (&seen);
}

/* Dispose stops a serving thread by itself. */
static void
test_thread_dispose (void)
{
  g_autoptr(GError) error = NULL;
  RoloSandbox *sandbox = rolo_sandbox_new (NULL, &error);

  g_assert_no_error (error);
  rolo_sandbox_start_thread (sandbox, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rolo_sandbox_get_port (sandbox), >, 0);
  g_object_unref (sandbox);
}

#define ADD ROLO_TEST_ADD_SANDBOX

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/sandbox/http/auth/refused", 3, test_auth);
  ADD ("/sandbox/http/auth/set-keys", 0, test_auth_set_keys);
  ADD ("/sandbox/http/envelope", 3, test_envelope_everywhere);
  ADD ("/sandbox/http/unknown-paths", 0, test_unknown_paths);
  ADD ("/sandbox/http/methods", 2, test_methods);
  ADD ("/sandbox/http/bad-bodies", 1, test_bad_bodies);
  ADD ("/sandbox/http/too-large", 0, test_too_large);
  ADD ("/sandbox/http/too-large-chunked", 0, test_too_large_chunked);
  ADD ("/sandbox/http/request-signal", 0, test_request_signal);
  ADD ("/sandbox/http/recorder", 3, test_recorder);
  ADD ("/sandbox/http/latency", 3, test_latency);
  ADD ("/sandbox/http/fail-rate", 3, test_fail_rate);
  ADD ("/sandbox/http/fail-rate-writes-nothing", 0, test_fail_rate_writes_nothing);
  ADD ("/sandbox/http/latency-with-faults", 3, test_latency_with_drop);
  ADD ("/sandbox/http/loopback-url", 0, test_loopback_url);
  ADD ("/sandbox/http/stop-and-listen-again", 4, test_stop_and_listen_again);
  ADD ("/sandbox/http/port-in-use", 0, test_port_in_use);
  g_test_add_func ("/sandbox/http/thread", test_thread);
  g_test_add_func ("/sandbox/http/thread-dispose", test_thread_dispose);

  return g_test_run ();
}
