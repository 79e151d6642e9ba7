/* rolo-test-utils.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rolo-test-utils.h"

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* A slower build (sanitizers) waits longer, as meson's
 * --timeout-multiplier does for whole tests. */
static guint
scaled_timeout (guint timeout_ms)
{
  const char *multiplier = g_getenv ("ROLO_TEST_TIMEOUT_MULTIPLIER");
  guint64 factor = multiplier != NULL ? g_ascii_strtoull (multiplier, NULL, 10) : 1;

  return timeout_ms * CLAMP (factor, 1, 10);
}

void
rolo_test_wait_until (RoloTestCondition condition,
                      gpointer          user_data,
                      guint             timeout_ms)
{
  GMainContext *context = g_main_context_get_thread_default ();
  gboolean timed_out = FALSE;
  g_autoptr(GSource) source = NULL;

  timeout_ms = scaled_timeout (timeout_ms);
  source = g_timeout_source_new (timeout_ms);

  g_source_set_callback (source, timeout_cb, &timed_out, NULL);
  g_source_attach (source, context);

  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (context, TRUE);

  g_source_destroy (source);

  if (timed_out && !condition (user_data))
    g_error ("Condition not reached within %u ms", timeout_ms);
}

static gboolean
flag_is_set (gpointer user_data)
{
  const gboolean *flag = user_data;

  return *flag;
}

void
rolo_test_wait_for_flag (const gboolean *flag,
                         guint           timeout_ms)
{
  rolo_test_wait_until (flag_is_set, (gpointer) flag, timeout_ms);
}

static gboolean
set_flag (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
rolo_test_iterate_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag, &done);
  /* The flag is set by a timer: the wait can only run out if the context
   * stalls, which the generous bound reports. */
  rolo_test_wait_for_flag (&done, ms + 20000);
}

static gboolean
result_is_set (gpointer user_data)
{
  GAsyncResult **result = user_data;

  return *result != NULL;
}

void
rolo_test_wait_for_result (GAsyncResult **result,
                           guint          timeout_ms)
{
  rolo_test_wait_until (result_is_set, result, timeout_ms);
}

void
rolo_test_store_result (GObject      *source,
                        GAsyncResult *res,
                        gpointer      user_data)
{
  GAsyncResult **result = user_data;

  g_assert_null (*result);
  *result = g_object_ref (res);
}

RoloSandbox *
rolo_test_sandbox_new (guint n_contacts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloSandbox) sandbox = rolo_sandbox_new (NULL, &error);

  g_assert_no_error (error);
  rolo_sandbox_set_keys (sandbox, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  if (n_contacts > 0)
    {
      rolo_sandbox_seed (sandbox, n_contacts, &error);
      g_assert_no_error (error);
    }
  rolo_sandbox_listen (sandbox, 0, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&sandbox);
}

static void
put_request_cb (RoloSandbox *sandbox,
                const char  *method,
                const char  *path_and_query,
                GBytes      *body,
                gpointer     user_data)
{
  GPtrArray *bodies = user_data;

  if (g_str_equal (method, "PUT") && body != NULL)
    g_ptr_array_add (bodies, g_bytes_ref (body));
}

void
rolo_test_sandbox_keep_put_bodies (RoloSandbox *sandbox,
                                   GPtrArray   *bodies)
{
  g_signal_connect (sandbox, "request", G_CALLBACK (put_request_cb), bodies);
}

JsonObject *
rolo_test_parse_object (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;
  JsonNode *root;

  g_assert_nonnull (data);
  json_parser_load_from_data (parser, data, size, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

JsonObject *
rolo_test_parse_object_text (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));

  return rolo_test_parse_object (bytes);
}

RoloContactPage *
rolo_test_parse_page (const char  *json,
                      GError     **error)
{
  g_autoptr(JsonObject) object = rolo_test_parse_object_text (json);

  return rolo_contact_page_new_from_json (object, error);
}

void
rolo_test_remove_tmp_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      if (g_file_test (file, G_FILE_TEST_IS_DIR) && !g_file_test (file, G_FILE_TEST_IS_SYMLINK))
        rolo_test_remove_tmp_dir (file);
      else
        g_unlink (file);
    }
  g_rmdir (dir);
}

gboolean
rolo_test_file_contains (const char *path,
                         const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize n = strlen (needle);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

RoloContact *
rolo_test_page_at (RoloContactPage *page,
                   guint            position)
{
  RoloContact *contact = g_list_model_get_item (rolo_contact_page_get_contacts (page), position);

  g_object_unref (contact); /* the page keeps it alive */
  return contact;
}

guint
rolo_test_page_n_items (RoloContactPage *page)
{
  return g_list_model_get_n_items (rolo_contact_page_get_contacts (page));
}

/* --- RoloClient calls, run to completion ------------------------------------ */

RoloClient *
rolo_test_client_new (const char *base_url)
{
  g_autoptr(GError) error = NULL;
  RoloClient *client = rolo_client_new (base_url, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY,
                                        &error);

  g_assert_no_error (error);
  return client;
}

RoloClient *
rolo_test_client_new_for (RoloSandbox *sandbox)
{
  g_autofree char *base_url = rolo_sandbox_dup_base_url (sandbox);

  return rolo_test_client_new (base_url);
}

RoloContactPage *
rolo_test_client_list (RoloClient        *client,
                       RoloContactQuery  *query,
                       guint              page_index,
                       guint              page_size,
                       GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rolo_client_list_contacts_async (client, query, page_index, page_size, NULL,
                                   rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, ROLO_TEST_REQUEST_TIMEOUT_MS);
  return rolo_client_list_contacts_finish (client, result, error);
}

RoloContact *
rolo_test_client_get (RoloClient  *client,
                      gint64       id,
                      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rolo_client_get_contact_async (client, id, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, ROLO_TEST_REQUEST_TIMEOUT_MS);
  return rolo_client_get_contact_finish (client, result, error);
}

gint64
rolo_test_client_create (RoloClient   *client,
                         RoloContact  *contact,
                         GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rolo_client_create_contact_async (client, contact, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, ROLO_TEST_REQUEST_TIMEOUT_MS);
  return rolo_client_create_contact_finish (client, result, error);
}

RoloContact *
rolo_test_client_update (RoloClient    *client,
                         RoloContact   *original,
                         RoloContact   *edited,
                         char        ***unapplied,
                         GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rolo_client_update_contact_async (client, original, edited, NULL,
                                    rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, ROLO_TEST_REQUEST_TIMEOUT_MS);
  return rolo_client_update_contact_finish (client, result, unapplied, error);
}

gboolean
rolo_test_client_delete (RoloClient  *client,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rolo_client_delete_contact_async (client, id, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, ROLO_TEST_REQUEST_TIMEOUT_MS);
  return rolo_client_delete_contact_finish (client, result, error);
}

/* --- raw HTTP, for the sandbox's contract tests ------------------------------ */

void
rolo_test_reply_free (RoloTestReply *reply)
{
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->content_type, g_free);
  g_clear_pointer (&reply->root, json_node_unref);
  g_clear_error (&reply->error);
  g_free (reply);
}

SoupMessage *
rolo_test_message_new (const char *base_url,
                       const char *method,
                       const char *path,
                       const char *access_key,
                       const char *secret_key)
{
  g_autofree char *url = g_strconcat (base_url, path, NULL);
  SoupMessage *msg = soup_message_new (method, url);
  SoupMessageHeaders *headers;

  g_assert_nonnull (msg);
  headers = soup_message_get_request_headers (msg);
  if (access_key != NULL)
    soup_message_headers_append (headers, "x-ysuite-access-key", access_key);
  if (secret_key != NULL)
    soup_message_headers_append (headers, "x-ysuite-secret-key", secret_key);
  return msg;
}

/* The root of bytes when they hold JSON, else NULL. (transfer full) */
static JsonNode *
parse_json (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (g_bytes_get_size (bytes) == 0 ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), NULL))
    return NULL;
  return json_node_ref (json_parser_get_root (parser));
}

RoloTestReply *
rolo_test_send (SoupSession *session,
                SoupMessage *msg)
{
  g_autoptr(GAsyncResult) result = NULL;
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  RoloTestReply *reply = g_new0 (RoloTestReply, 1);

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL,
                                    rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, ROLO_TEST_REQUEST_TIMEOUT_MS);
  reply->body = soup_session_send_and_read_finish (session, result, &reply->error);
  if (reply->body == NULL)
    return reply;

  reply->status = soup_message_get_status (msg);
  reply->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  reply->root = parse_json (reply->body);
  return reply;
}

RoloTestReply *
rolo_test_request_bytes (SoupSession *session,
                         const char  *base_url,
                         const char  *method,
                         const char  *path,
                         GBytes      *body)
{
  g_autoptr(SoupMessage) msg = rolo_test_message_new (base_url, method, path,
                                                      ROLO_TEST_ACCESS_KEY,
                                                      ROLO_TEST_SECRET_KEY);

  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", body);
  return rolo_test_send (session, msg);
}

RoloTestReply *
rolo_test_request (SoupSession *session,
                   const char  *base_url,
                   const char  *method,
                   const char  *path,
                   const char  *json)
{
  g_autoptr(GBytes) bytes = json ? g_bytes_new (json, strlen (json)) : NULL;

  return rolo_test_request_bytes (session, base_url, method, path, bytes);
}

JsonObject *
rolo_test_reply_get_object (RoloTestReply *reply)
{
  g_assert_no_error (reply->error);
  g_assert_nonnull (reply->root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->root));
  return json_node_get_object (reply->root);
}

JsonObject *
rolo_test_reply_get_data (RoloTestReply *reply)
{
  return json_object_get_object_member (rolo_test_reply_get_object (reply), "data");
}

void
rolo_test_assert_envelope (RoloTestReply *reply,
                           guint          status,
                           const char    *message)
{
  JsonObject *object = rolo_test_reply_get_object (reply);

  g_assert_cmpuint (reply->status, ==, status);
  g_assert_cmpstr (reply->content_type, ==, "application/json");
  g_assert_true (json_object_has_member (object, "success"));
  g_assert_cmpint (json_object_get_boolean_member (object, "success"), ==,
                   status == SOUP_STATUS_OK);
  if (status != SOUP_STATUS_OK)
    g_assert_nonnull (json_object_get_string_member (object, "message"));
  if (message != NULL)
    g_assert_cmpstr (json_object_get_string_member (object, "message"), ==, message);
}

/* --- what a server received -------------------------------------------------- */

struct _RoloTestRecorder
{
  SoupServer *server;
  gulong      handler;
  GPtrArray  *requests;
};

static void
request_free (RoloTestRequest *request)
{
  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_clear_pointer (&request->params, g_hash_table_unref);
  g_clear_pointer (&request->headers, soup_message_headers_unref);
  g_free (request->content_type);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_clear_pointer (&request->json, json_node_unref);
  g_free (request);
}

static void
copy_header (const char *name,
             const char *value,
             gpointer    user_data)
{
  soup_message_headers_append (user_data, name, value);
}

static void
request_read_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  RoloTestRecorder *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query = g_uri_get_query (uri);
  RoloTestRequest *request = g_new0 (RoloTestRequest, 1);

  request->method = g_strdup (soup_server_message_get_method (msg));
  request->path = g_strdup (g_uri_get_path (uri));
  request->query = g_strdup (query);
  request->params = query != NULL ? soup_form_decode (query)
                                  : g_hash_table_new (g_str_hash, g_str_equal);
  request->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_foreach (headers, copy_header, request->headers);
  request->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  request->body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  request->json = parse_json (request->body);

  g_ptr_array_add (self->requests, request);
}

RoloTestRecorder *
rolo_test_recorder_new (SoupServer *server)
{
  RoloTestRecorder *self = g_new0 (RoloTestRecorder, 1);

  g_assert_true (SOUP_IS_SERVER (server));
  self->server = g_object_ref (server);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) request_free);
  /* Before any handler answers: a request left hanging is recorded too. */
  self->handler = g_signal_connect (server, "request-read", G_CALLBACK (request_read_cb), self);
  return self;
}

RoloTestRecorder *
rolo_test_recorder_new_for_sandbox (RoloSandbox *sandbox)
{
  SoupServer *server = rolo_sandbox_get_server (sandbox);

  g_assert_nonnull (server);
  return rolo_test_recorder_new (server);
}

void
rolo_test_recorder_free (RoloTestRecorder *self)
{
  g_clear_signal_handler (&self->handler, self->server);
  g_clear_object (&self->server);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_free (self);
}

GPtrArray *
rolo_test_recorder_get_requests (RoloTestRecorder *self)
{
  return self->requests;
}

static gboolean
request_matches (RoloTestRequest *request,
                 const char      *method,
                 const char      *path_prefix)
{
  return (method == NULL || g_str_equal (request->method, method)) &&
         (path_prefix == NULL || g_str_has_prefix (request->path, path_prefix));
}

guint
rolo_test_recorder_get_n (RoloTestRecorder *self,
                          const char       *method,
                          const char       *path_prefix)
{
  guint n = 0;

  for (guint i = 0; i < self->requests->len; i++)
    n += request_matches (self->requests->pdata[i], method, path_prefix);
  return n;
}

RoloTestRequest *
rolo_test_recorder_get_last (RoloTestRecorder *self,
                             const char       *method,
                             const char       *path_prefix)
{
  for (guint i = self->requests->len; i > 0; i--)
    if (request_matches (self->requests->pdata[i - 1], method, path_prefix))
      return self->requests->pdata[i - 1];

  g_error ("No %s request for %s recorded", method ? method : "such",
           path_prefix ? path_prefix : "any path");
}

typedef struct
{
  RoloTestRecorder *recorder;
  const char       *method;
  const char       *path_prefix;
  guint             n;
} Awaited;

static gboolean
recorded_enough (gpointer user_data)
{
  Awaited *awaited = user_data;

  return rolo_test_recorder_get_n (awaited->recorder, awaited->method,
                                   awaited->path_prefix) >= awaited->n;
}

void
rolo_test_recorder_wait_for (RoloTestRecorder *self,
                             const char       *method,
                             const char       *path_prefix,
                             guint             n,
                             guint             timeout_ms)
{
  Awaited awaited = { self, method, path_prefix, n };

  rolo_test_wait_until (recorded_enough, &awaited, timeout_ms);
}

JsonObject *
rolo_test_request_get_object (RoloTestRequest *request)
{
  g_assert_cmpstr (request->content_type, ==, "application/json");
  g_assert_nonnull (request->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (request->json));
  return json_node_get_object (request->json);
}

void
rolo_test_sandbox_fixture_set_up (RoloTestSandboxFixture *fixture,
                                  gconstpointer           data)
{
  fixture->sandbox = rolo_test_sandbox_new (GPOINTER_TO_UINT (data));
  fixture->session = soup_session_new ();
  fixture->base_url = rolo_sandbox_dup_base_url (fixture->sandbox);
}

void
rolo_test_sandbox_fixture_tear_down (RoloTestSandboxFixture *fixture,
                                     gconstpointer           data)
{
  g_clear_object (&fixture->session);
  g_assert_finalize_object (g_steal_pointer (&fixture->sandbox));
  g_clear_pointer (&fixture->base_url, g_free);
}

RoloTestReply *
rolo_test_sandbox_fixture_request (RoloTestSandboxFixture *fixture,
                                   const char             *method,
                                   const char             *path,
                                   const char             *json)
{
  RoloTestReply *reply = rolo_test_request (fixture->session, fixture->base_url, method, path,
                                            json);

  g_assert_no_error (reply->error);
  return reply;
}

void
rolo_test_assert_invalid (RoloTestReply *reply,
                          const char    *field)
{
  JsonObject *object;
  JsonObject *errors;
  JsonArray *messages;

  rolo_test_assert_envelope (reply, SOUP_STATUS_UNPROCESSABLE_ENTITY, NULL);
  object = rolo_test_reply_get_object (reply);
  g_assert_nonnull (json_object_get_string_member (object, "message"));
  errors = json_object_get_object_member (object, "errors");
  g_assert_nonnull (errors);
  g_assert_true (json_object_has_member (errors, field));
  messages = json_object_get_array_member (errors, field);
  g_assert_cmpuint (json_array_get_length (messages), >, 0);
  g_assert_nonnull (json_array_get_string_element (messages, 0));
}

gint64
rolo_test_sandbox_fixture_create (RoloTestSandboxFixture *fixture,
                                  const char             *json)
{
  g_autoptr(RoloTestReply) reply = rolo_test_sandbox_fixture_request (fixture, "POST",
                                                                      "/v1/contacts", json);

  rolo_test_assert_envelope (reply, SOUP_STATUS_OK, "New contact has been created successfully.");
  return json_object_get_int_member (rolo_test_reply_get_data (reply), "cstid");
}

gint64
rolo_test_sandbox_fixture_create_named (RoloTestSandboxFixture *fixture,
                                        const char             *name,
                                        const char             *email,
                                        int                     type)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cstname");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "cstemail");
  json_builder_add_string_value (builder, email);
  json_builder_set_member_name (builder, "contact_type");
  json_builder_add_int_value (builder, type);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  return rolo_test_sandbox_fixture_create (fixture, json);
}

RoloTestReply *
rolo_test_sandbox_fixture_list (RoloTestSandboxFixture *fixture,
                                const char             *query)
{
  g_autofree char *path = g_strconcat ("/v1/contacts", query ? "?" : "", query, NULL);
  RoloTestReply *reply = rolo_test_sandbox_fixture_request (fixture, "GET", path, NULL);

  rolo_test_assert_envelope (reply, SOUP_STATUS_OK, NULL);
  return reply;
}
