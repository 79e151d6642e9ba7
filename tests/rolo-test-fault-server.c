/* rolo-test-fault-server.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-test-fault-server.h"

#define DRIP_INTERVAL_MS 100
#define HUGE_BYTES       (10 * 1000 * 1000)
#define HUGE_CHUNK_BYTES (64 * 1024)
#define DEEP_LEVELS      100000

static const char server_error_body[] =
  "{\"success\": false, \"message\": \"Internal server error.\"}";
static const char rate_limited_body[] =
  "{\"success\": false, \"message\": \"Too many requests.\"}";
static const char bad_gateway_body[] =
  "<html><head><title>502 Bad Gateway</title></head>\n"
  "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n";
static const char web_page_body[] =
  "<!DOCTYPE html>\n<html><head><title>Sign in</title></head>\n"
  "<body><form method=\"post\"><input name=\"user\"><input name=\"password\" "
  "type=\"password\"></form></body></html>\n";
/* A comma missing between two members. */
static const char malformed_body[] =
  "{\"success\": true, \"data\": {\"cstid\": 1 \"cstname\": \"Ann\"}}";

struct _RoloTestFaultServer
{
  SoupServer    *server;
  SoupSession   *session;
  char          *sandbox_url;
  GCancellable  *cancellable;

  char          *method;
  char          *path_prefix;
  RoloTestFault  fault;

  guint          n_faults;
  guint          n_passed;
  guint          n_exchanges;   /* requests of the sandbox on their way */
  GPtrArray     *hung;          /* SoupServerMessage, never answered */
  GPtrArray     *drips;         /* Drip */
};

/* One request passed on to the sandbox. */
typedef struct
{
  RoloTestFaultServer *self;
  SoupServerMessage   *msg;
  RoloTestFault        fault;
  guint                n_changes;  /* row changes still on their way */
} Exchange;

typedef struct
{
  RoloTestFaultServer *self;
  SoupServerMessage   *msg;
  GBytes              *body;
  gsize                offset;
  GSource             *source;
} Drip;

static void
drip_free (gpointer data)
{
  Drip *drip = data;

  if (drip->source != NULL)
    g_source_destroy (drip->source);
  g_clear_pointer (&drip->source, g_source_unref);
  g_signal_handlers_disconnect_by_data (drip->msg, drip);
  g_clear_object (&drip->msg);
  g_clear_pointer (&drip->body, g_bytes_unref);
  g_free (drip);
}

static void
exchange_free (Exchange *exchange)
{
  exchange->self->n_exchanges--;
  g_object_unref (exchange->msg);
  g_free (exchange);
}

static gboolean
is_row_change (RoloTestFault fault)
{
  return fault == ROLO_TEST_FAULT_ROWS_ADDED || fault == ROLO_TEST_FAULT_ROWS_REMOVED;
}

/* The fault armed for msg, if any. */
static RoloTestFault
fault_for (RoloTestFaultServer *self,
           SoupServerMessage   *msg,
           const char          *path,
           GHashTable          *query)
{
  const char *page = query != NULL ? g_hash_table_lookup (query, "pageIndex") : NULL;

  if (self->fault == ROLO_TEST_FAULT_NONE)
    return ROLO_TEST_FAULT_NONE;
  if (self->method != NULL && g_strcmp0 (soup_server_message_get_method (msg), self->method) != 0)
    return ROLO_TEST_FAULT_NONE;
  if (self->path_prefix != NULL && !g_str_has_prefix (path, self->path_prefix))
    return ROLO_TEST_FAULT_NONE;
  /* Rows change while the user scrolls: from the second page on. */
  if (is_row_change (self->fault) && (page == NULL || g_str_equal (page, "0")))
    return ROLO_TEST_FAULT_NONE;

  return self->fault;
}

/* --- answers made up here --------------------------------------------------- */

static void
answer (SoupServerMessage *msg,
        guint              status,
        const char        *content_type,
        const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
answer_huge (SoupServerMessage *msg,
             gboolean           sized)
{
  static const char head[] = "{\"success\": true, \"data\": {\"padding\": \"";
  static const char tail[] = "\"}}";
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autofree char *chunk = g_malloc (HUGE_CHUNK_BYTES);
  gsize left = HUGE_BYTES - strlen (head) - strlen (tail);

  memset (chunk, 'x', HUGE_CHUNK_BYTES);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  /* Chunked, nothing tells the client the size in advance. */
  if (sized)
    soup_message_headers_set_content_length (soup_server_message_get_response_headers (msg),
                                             HUGE_BYTES);
  else
    soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                       SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         "application/json", NULL);
  soup_message_body_append (body, SOUP_MEMORY_STATIC, head, strlen (head));
  while (left > 0)
    {
      gsize n = MIN (left, HUGE_CHUNK_BYTES);

      soup_message_body_append (body, SOUP_MEMORY_COPY, chunk, n);
      left -= n;
    }
  soup_message_body_append (body, SOUP_MEMORY_STATIC, tail, strlen (tail));
  soup_message_body_complete (body);
}

static void
answer_deep (SoupServerMessage *msg)
{
  static const char head[] = "{\"success\": true, \"data\": ";
  g_autoptr(GString) text = g_string_sized_new (2 * DEEP_LEVELS + 64);

  g_string_append (text, head);
  for (guint i = 0; i < DEEP_LEVELS; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < DEEP_LEVELS; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  answer (msg, SOUP_STATUS_OK, "application/json", text->str);
}

static void
reset (SoupServerMessage *msg)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

  g_io_stream_close (stream, NULL, NULL);
}

/* Answers msg with the fault alone; FALSE for a fault that needs the real
 * answer first. */
static gboolean
answer_fault (RoloTestFaultServer *self,
              SoupServerMessage   *msg,
              RoloTestFault        fault)
{
  switch (fault)
    {
    case ROLO_TEST_FAULT_RESET:
      reset (msg);
      return TRUE;
    case ROLO_TEST_FAULT_HANG:
      soup_server_pause_message (self->server, msg);
      g_ptr_array_add (self->hung, g_object_ref (msg));
      return TRUE;
    case ROLO_TEST_FAULT_SERVER_ERROR:
      answer (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "application/json", server_error_body);
      return TRUE;
    case ROLO_TEST_FAULT_BAD_GATEWAY:
      answer (msg, SOUP_STATUS_BAD_GATEWAY, "text/html", bad_gateway_body);
      return TRUE;
    case ROLO_TEST_FAULT_RATE_LIMITED:
      answer (msg, 429, "application/json", rate_limited_body);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", "1");
      return TRUE;
    case ROLO_TEST_FAULT_MALFORMED:
      answer (msg, SOUP_STATUS_OK, "application/json", malformed_body);
      return TRUE;
    case ROLO_TEST_FAULT_HUGE:
    case ROLO_TEST_FAULT_HUGE_SIZED:
      answer_huge (msg, fault == ROLO_TEST_FAULT_HUGE_SIZED);
      return TRUE;
    case ROLO_TEST_FAULT_DEEP:
      answer_deep (msg);
      return TRUE;
    case ROLO_TEST_FAULT_WEB_PAGE:
      answer (msg, SOUP_STATUS_OK, "text/html; charset=UTF-8", web_page_body);
      return TRUE;
    case ROLO_TEST_FAULT_PLAIN_TEXT:
      answer (msg, SOUP_STATUS_OK, "text/plain", "Service temporarily unavailable\n");
      return TRUE;
    case ROLO_TEST_FAULT_NONE:
    case ROLO_TEST_FAULT_TRUNCATED:
    case ROLO_TEST_FAULT_DRIP:
    case ROLO_TEST_FAULT_TEXT_PLAIN:
    case ROLO_TEST_FAULT_JSON_AS_HTML:
    case ROLO_TEST_FAULT_ROWS_ADDED:
    case ROLO_TEST_FAULT_ROWS_REMOVED:
    default:
      return FALSE;
    }
}

/* --- the real answer, with a fault ------------------------------------------ */

static void
drip_finished_cb (SoupServerMessage *msg,
                  Drip              *drip)
{
  g_ptr_array_remove (drip->self->drips, drip);
}

static gboolean
drip_cb (gpointer user_data)
{
  Drip *drip = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (drip->msg);
  const char *data = g_bytes_get_data (drip->body, NULL);

  if (drip->offset < g_bytes_get_size (drip->body))
    soup_message_body_append (body, SOUP_MEMORY_COPY, data + drip->offset++, 1);
  if (drip->offset == g_bytes_get_size (drip->body))
    {
      soup_message_body_complete (body);
      g_clear_pointer (&drip->source, g_source_unref);
      soup_server_unpause_message (drip->self->server, drip->msg);
      return G_SOURCE_REMOVE;
    }

  soup_server_unpause_message (drip->self->server, drip->msg);
  return G_SOURCE_CONTINUE;
}

static void
start_drip (RoloTestFaultServer *self,
            SoupServerMessage   *msg,
            GBytes              *body)
{
  Drip *drip = g_new0 (Drip, 1);

  drip->self = self;
  drip->msg = g_object_ref (msg);
  drip->body = g_bytes_ref (body);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  g_signal_connect (msg, "finished", G_CALLBACK (drip_finished_cb), drip);
  g_signal_connect (msg, "disconnected", G_CALLBACK (drip_finished_cb), drip);
  drip->source = g_timeout_source_new (DRIP_INTERVAL_MS);
  g_source_set_callback (drip->source, drip_cb, drip, NULL);
  g_source_set_static_name (drip->source, "[rolo-test] drip");
  g_source_attach (drip->source, NULL);
  g_ptr_array_add (self->drips, drip);
}

/* Answers exchange->msg with what the sandbox answered, through its fault. */
static void
relay (Exchange    *exchange,
       SoupMessage *reply,
       GBytes      *body)
{
  SoupServerMessage *msg = exchange->msg;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *content_type =
    soup_message_headers_get_one (soup_message_get_response_headers (reply), "Content-Type");
  const char *retry_after =
    soup_message_headers_get_one (soup_message_get_response_headers (reply), "Retry-After");
  gsize size = g_bytes_get_size (body);

  soup_server_message_set_status (msg, soup_message_get_status (reply), NULL);
  if (retry_after != NULL)
    soup_message_headers_replace (headers, "Retry-After", retry_after);

  switch (exchange->fault)
    {
    case ROLO_TEST_FAULT_TRUNCATED:
      size /= 2;
      break;
    case ROLO_TEST_FAULT_TEXT_PLAIN:
      content_type = "text/plain; charset=UTF-8";
      break;
    case ROLO_TEST_FAULT_JSON_AS_HTML:
      content_type = "text/html; charset=UTF-8";
      break;
    case ROLO_TEST_FAULT_DRIP:
      if (content_type != NULL)
        soup_message_headers_replace (headers, "Content-Type", content_type);
      start_drip (exchange->self, msg, body);
      return;
    default:
      break;
    }

  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), size);
  soup_server_unpause_message (exchange->self->server, msg);
}

static void
pass_on_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Exchange *exchange = user_data;
  SoupMessage *reply = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      /* Only when the fault server goes away. */
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      exchange_free (exchange);
      return;
    }

  relay (exchange, reply, body);
  exchange_free (exchange);
}

static SoupMessage *
sandbox_message_new (RoloTestFaultServer *self,
                     const char          *method,
                     const char          *path_and_query,
                     const char          *json)
{
  SoupMessage *message = rolo_test_message_new (self->sandbox_url, method, path_and_query,
                                                ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);

  if (json != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  return message;
}

static void
pass_on (Exchange *exchange)
{
  RoloTestFaultServer *self = exchange->self;
  SoupServerMessage *msg = exchange->msg;
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SoupMessage) message = NULL;
  SoupMessageHeaders *out;
  const char *headers[] = { "x-ysuite-access-key", "x-ysuite-secret-key", "Accept" };

  path = g_strconcat (g_uri_get_path (uri), g_uri_get_query (uri) != NULL ? "?" : "",
                      g_uri_get_query (uri), NULL);
  message = sandbox_message_new (self, soup_server_message_get_method (msg), path, NULL);
  out = soup_message_get_request_headers (message);
  /* The keys as the client sent them: the sandbox checks them. */
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      const char *value = soup_message_headers_get_one (in, headers[i]);

      soup_message_headers_remove (out, headers[i]);
      if (value != NULL)
        soup_message_headers_replace (out, headers[i], value);
    }
  bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (g_bytes_get_size (bytes) > 0)
    soup_message_set_request_body_from_bytes (message,
                                              soup_message_headers_get_content_type (in, NULL),
                                              bytes);

  self->n_passed++;
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT,
                                    self->cancellable, pass_on_cb, exchange);
}

/* --- rows that change while the user scrolls -------------------------------- */

static void
change_done (Exchange *exchange)
{
  if (--exchange->n_changes == 0)
    pass_on (exchange);
}

static void
change_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Exchange *exchange = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      if (--exchange->n_changes == 0)
        exchange_free (exchange);
      return;
    }
  change_done (exchange);
}

static void
send_change (Exchange   *exchange,
             const char *method,
             const char *path,
             const char *json)
{
  g_autoptr(SoupMessage) message = sandbox_message_new (exchange->self, method, path, json);

  exchange->n_changes++;
  soup_session_send_and_read_async (exchange->self->session, message, G_PRIORITY_DEFAULT,
                                    exchange->self->cancellable, change_cb, exchange);
}

static void
add_rows (Exchange *exchange)
{
  static guint n_added;

  exchange->n_changes++;
  for (guint i = 0; i < ROLO_TEST_FAULT_ROWS_CHANGED; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"cstname\": \"Added while scrolling %u\", "
                                               "\"contact_type\": 1}", ++n_added);

      send_change (exchange, "POST", "/v1/contacts", json);
    }
  change_done (exchange);
}

/* Deletes the first rows of the sandbox's default order. */
static void
first_rows_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Exchange *exchange = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) root = NULL;
  JsonArray *rows;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      exchange_free (exchange);
      return;
    }

  root = rolo_test_parse_object (body);
  rows = json_object_get_array_member (json_object_get_object_member (root, "data"), "data");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autofree char *path =
        g_strdup_printf ("/v1/contacts/%" G_GINT64_FORMAT,
                         json_object_get_int_member (row, "cstid"));

      send_change (exchange, "DELETE", path, NULL);
    }
  change_done (exchange);
}

static void
remove_rows (Exchange *exchange)
{
  g_autofree char *path = g_strdup_printf ("/v1/contacts?pageSize=%u&pageIndex=0",
                                           ROLO_TEST_FAULT_ROWS_CHANGED);
  g_autoptr(SoupMessage) message = sandbox_message_new (exchange->self, "GET", path, NULL);

  exchange->n_changes++;
  soup_session_send_and_read_async (exchange->self->session, message, G_PRIORITY_DEFAULT,
                                    exchange->self->cancellable, first_rows_cb, exchange);
}

/* --- the server ---------------------------------------------------------------- */

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  RoloTestFaultServer *self = user_data;
  RoloTestFault fault = fault_for (self, msg, path, query);
  Exchange *exchange;

  if (fault != ROLO_TEST_FAULT_NONE)
    self->n_faults++;
  if (answer_fault (self, msg, fault))
    return;

  soup_server_pause_message (server, msg);
  exchange = g_new0 (Exchange, 1);
  exchange->self = self;
  exchange->msg = g_object_ref (msg);
  exchange->fault = fault;
  self->n_exchanges++;

  if (fault == ROLO_TEST_FAULT_ROWS_ADDED)
    add_rows (exchange);
  else if (fault == ROLO_TEST_FAULT_ROWS_REMOVED)
    remove_rows (exchange);
  else
    pass_on (exchange);
}

RoloTestFaultServer *
rolo_test_fault_server_new (RoloSandbox *sandbox)
{
  RoloTestFaultServer *self = g_new0 (RoloTestFaultServer, 1);
  g_autoptr(GError) error = NULL;

  self->sandbox_url = rolo_sandbox_dup_base_url (sandbox);
  self->session = soup_session_new ();
  self->cancellable = g_cancellable_new ();
  self->hung = g_ptr_array_new_with_free_func (g_object_unref);
  self->drips = g_ptr_array_new_with_free_func (drip_free);
  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, server_cb, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  return self;
}

void
rolo_test_fault_server_free (RoloTestFaultServer *self)
{
  /* What the sandbox was asked comes back, cancelled, before self goes. */
  g_cancellable_cancel (self->cancellable);
  while (self->n_exchanges > 0)
    g_main_context_iteration (NULL, TRUE);

  g_clear_pointer (&self->drips, g_ptr_array_unref);
  g_clear_pointer (&self->hung, g_ptr_array_unref);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->sandbox_url, g_free);
  g_clear_pointer (&self->method, g_free);
  g_clear_pointer (&self->path_prefix, g_free);
  g_free (self);
}

char *
rolo_test_fault_server_dup_base_url (RoloTestFaultServer *self)
{
  g_autoslist(GUri) uris = soup_server_get_uris (self->server);

  return g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
}

void
rolo_test_fault_server_inject (RoloTestFaultServer *self,
                               const char          *method,
                               const char          *path_prefix,
                               RoloTestFault        fault)
{
  g_free (self->method);
  self->method = g_strdup (method);
  g_free (self->path_prefix);
  self->path_prefix = g_strdup (path_prefix);
  self->fault = fault;
}

void
rolo_test_fault_server_clear (RoloTestFaultServer *self)
{
  rolo_test_fault_server_inject (self, NULL, NULL, ROLO_TEST_FAULT_NONE);
}

guint
rolo_test_fault_server_get_n_faults (RoloTestFaultServer *self)
{
  return self->n_faults;
}

guint
rolo_test_fault_server_get_n_passed (RoloTestFaultServer *self)
{
  return self->n_passed;
}
