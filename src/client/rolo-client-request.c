/* rolo-client-request.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rolo-client-private.h"
#include "rolo-client-envelope-private.h"
#include "rolo-client-error-private.h"

#define ACCESS_KEY_HEADER       "x-ysuite-access-key"
#define SECRET_KEY_HEADER       "x-ysuite-secret-key"

/* Keys shorter than this are not looked for: a one-letter test key would
 * otherwise turn every "a" of a message into an ellipsis. Real YSUITE keys are
 * far longer. */
#define MIN_SCRUBBED_KEY_LENGTH 6

/* Far more than any answer of the API holds (a page of 100 contacts with
 * every field at its limit is about 1.5 MB), and little enough to hold in
 * memory: a body beyond it is refused, not buffered. */
#define MAX_BODY_BYTES   (4 * 1024 * 1024)
#define READ_CHUNK_BYTES (64 * 1024)

/* text with every key in it replaced by an ellipsis. */
static char *
dup_without_keys (RoloClient *self,
                  const char *text)
{
  g_autoptr(GString) scrubbed = g_string_new (text);
  const char *keys[] = { self->access_key, self->secret_key };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (keys[i] != NULL && strlen (keys[i]) >= MIN_SCRUBBED_KEY_LENGTH)
        g_string_replace (scrubbed, keys[i], "…", 0);
    }

  return g_string_free (g_steal_pointer (&scrubbed), FALSE);
}

/* A server that echoes what it was sent must not put a key on the screen:
 * neither in the message nor in a field's messages, which the editor shows. */
static void
scrub_keys (RoloClient *self,
            GError     *error)
{
  GHashTable *field_errors = rolo_client_error_get_field_errors (error);
  char *message = dup_without_keys (self, error->message);
  GHashTableIter iter;
  gpointer messages;

  g_free (error->message);
  error->message = message;

  if (field_errors == NULL)
    return;

  g_hash_table_iter_init (&iter, field_errors);
  while (g_hash_table_iter_next (&iter, NULL, &messages))
    {
      for (char **m = messages; *m != NULL; m++)
        {
          char *scrubbed = dup_without_keys (self, *m);

          g_free (*m);
          *m = scrubbed;
        }
    }
}

/* Why a certificate of @host was refused, in words; NULL when GLib's own
 * will do. The most telling first: a self-signed certificate is usually
 * also issued for another name. Whole sentences, for translators to word as
 * their language needs; %s is the server's host name in each. */
static char *
describe_certificate_errors (GTlsCertificateFlags  errors,
                             const char           *host)
{
  if (errors & G_TLS_CERTIFICATE_UNKNOWN_CA)
    return g_strdup_printf (_("The identity of %s could not be verified: its certificate is "
                              "not signed by an authority this computer trusts."), host);
  if (errors & G_TLS_CERTIFICATE_BAD_IDENTITY)
    return g_strdup_printf (_("The identity of %s could not be verified: its certificate was "
                              "issued for a different name."), host);
  if (errors & G_TLS_CERTIFICATE_EXPIRED)
    return g_strdup_printf (_("The identity of %s could not be verified: its certificate has "
                              "expired."), host);
  if (errors & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    return g_strdup_printf (_("The identity of %s could not be verified: its certificate is "
                              "not valid yet; check this computer's date and time."), host);
  if (errors & G_TLS_CERTIFICATE_REVOKED)
    return g_strdup_printf (_("The identity of %s could not be verified: its certificate has "
                              "been revoked."), host);
  if (errors & G_TLS_CERTIFICATE_INSECURE)
    return g_strdup_printf (_("The identity of %s could not be verified: its certificate uses "
                              "an insecure algorithm."), host);

  return NULL;
}

#define CERTIFICATE_ERRORS_KEY "rolo-certificate-errors"

/* Never accepts: only remembers why, for the error the user sees. */
static gboolean
accept_certificate_cb (SoupMessage          *message,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors)
{
  g_object_set_data (G_OBJECT (message), CERTIFICATE_ERRORS_KEY, GUINT_TO_POINTER (errors));
  return FALSE;
}

static GError *
map_transport_error (const GError *error,
                     SoupMessage  *message)
{
  GUri *uri = soup_message_get_uri (message);
  GError *mapped;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_new_literal (ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_CANCELLED,
                                _("The request was cancelled."));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new_literal (ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_TIMEOUT,
                                _("The server did not answer in time."));
  if (error->domain == G_TLS_ERROR)
    {
      GTlsCertificateFlags errors =
        GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (message), CERTIFICATE_ERRORS_KEY));
      g_autofree char *described = describe_certificate_errors (errors, g_uri_get_host (uri));

      if (described != NULL)
        return g_error_new_literal (ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_TLS, described);
      return g_error_new (ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_TLS,
                          /* Translators: the first %s is a host name, the
                           * second GLib's reason, a sentence of its own. */
                          _("The identity of %s could not be verified: %s"),
                          g_uri_get_host (uri), error->message);
    }
  if (g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING) ||
      g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_ENCODING))
    mapped = g_error_new (ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_MALFORMED,
                          _("The server's answer was not understood: %s"), error->message);
  else
    mapped = g_error_new (ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_NETWORK,
                          _("Could not reach the server: %s"), error->message);
  rolo_client_error_set_detail (mapped, error->message);
  return mapped;
}

static GBytes *
body_to_bytes (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *text;

  json_node_set_object (node, object);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

/* The request on its way: the message, then its answer's body as it comes. */
typedef struct
{
  SoupMessage  *message;
  GInputStream *stream;
  GByteArray   *body;
  /* Cancelled by the caller's cancellable or by the deadline. */
  GCancellable *cancellable;
  GCancellable *caller_cancellable;
  gulong        caller_handler;
  GSource      *deadline;
  gboolean      timed_out;
} Exchange;

static void
exchange_free (Exchange *exchange)
{
  if (exchange->deadline != NULL)
    g_source_destroy (exchange->deadline);
  g_clear_pointer (&exchange->deadline, g_source_unref);
  if (exchange->caller_handler != 0)
    g_cancellable_disconnect (exchange->caller_cancellable, exchange->caller_handler);
  g_clear_object (&exchange->caller_cancellable);
  g_clear_object (&exchange->cancellable);
  g_clear_object (&exchange->stream);
  g_clear_pointer (&exchange->body, g_byte_array_unref);
  g_clear_object (&exchange->message);
  g_free (exchange);
}

static void
fail (GTask        *task,
      const GError *error)
{
  RoloClient *self = g_task_get_source_object (task);
  Exchange *exchange = g_task_get_task_data (task);
  GError *mapped;

  if (exchange->timed_out && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    mapped = g_error_new_literal (ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_TIMEOUT,
                                  _("The server did not answer in time."));
  else
    mapped = map_transport_error (error, exchange->message);

  scrub_keys (self, mapped);
  g_debug ("%s failed: %s", soup_message_get_method (exchange->message), mapped->message);
  g_task_return_error (task, mapped);
}

static void
fail_too_large (GTask *task)
{
  Exchange *exchange = g_task_get_task_data (task);
  g_autofree char *size = g_format_size (MAX_BODY_BYTES);
  /* Translators: %s is a size, like "4.2 MB". */
  g_autofree char *reason = g_strdup_printf (_("It is larger than %s."), size);
  GError *error;

  /* The same words as unreadable_error() in rolo-client-envelope.c. */
  error = g_error_new (ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_MALFORMED,
                       _("The server's answer was not understood: %s"), reason);
  rolo_client_error_set_detail (error, reason);
  rolo_client_error_set_http_status (error, soup_message_get_status (exchange->message));
  g_debug ("%s answered more than %u bytes", soup_message_get_method (exchange->message),
           MAX_BODY_BYTES);
  g_task_return_error (task, error);
}

static void
answered (GTask *task)
{
  RoloClient *self = g_task_get_source_object (task);
  Exchange *exchange = g_task_get_task_data (task);
  SoupMessage *message = exchange->message;
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&exchange->body));
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  g_debug ("%s answered %u", soup_message_get_method (message),
           soup_message_get_status (message));
  root = rolo_client_envelope_parse (soup_message_get_status (message),
                                     soup_message_headers_get_one (
                                       soup_message_get_response_headers (message),
                                       "Retry-After"),
                                     body, &error);
  if (root == NULL)
    {
      scrub_keys (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, root, (GDestroyNotify) json_object_unref);
}

static void read_more (GTask *task);

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Exchange *exchange = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    fail (task, error);
  else if (g_bytes_get_size (chunk) == 0)
    answered (task);
  else if (exchange->body->len + g_bytes_get_size (chunk) > MAX_BODY_BYTES)
    fail_too_large (task);
  else
    {
      g_byte_array_append (exchange->body, g_bytes_get_data (chunk, NULL),
                           g_bytes_get_size (chunk));
      read_more (g_steal_pointer (&task));
    }
}

static void
read_more (GTask *task)
{
  Exchange *exchange = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (exchange->stream, READ_CHUNK_BYTES, G_PRIORITY_DEFAULT,
                                   exchange->cancellable, read_cb, task);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Exchange *exchange = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (exchange->message);
  g_autoptr(GError) error = NULL;

  exchange->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (exchange->stream == NULL)
    {
      fail (task, error);
      return;
    }

  /* Said in advance: not even the first byte is read. */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > MAX_BODY_BYTES)
    {
      fail_too_large (task);
      return;
    }

  exchange->body = g_byte_array_new ();
  read_more (g_steal_pointer (&task));
}

/* The timeout counts for the whole answer: a server that sends a byte now
 * and then is as good as one that does not answer. */
static gboolean
deadline_cb (gpointer user_data)
{
  Exchange *exchange = user_data;

  g_clear_pointer (&exchange->deadline, g_source_unref);
  exchange->timed_out = TRUE;
  g_cancellable_cancel (exchange->cancellable);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static Exchange *
exchange_new (RoloClient   *self,
              SoupMessage  *message,
              GCancellable *caller_cancellable)
{
  Exchange *exchange = g_new0 (Exchange, 1);
  guint timeout = rolo_client_get_timeout (self);

  exchange->message = message;
  exchange->cancellable = g_cancellable_new ();
  if (caller_cancellable != NULL)
    {
      exchange->caller_cancellable = g_object_ref (caller_cancellable);
      exchange->caller_handler = g_cancellable_connect (caller_cancellable,
                                                        G_CALLBACK (caller_cancelled_cb),
                                                        g_object_ref (exchange->cancellable),
                                                        g_object_unref);
    }
  if (timeout > 0)
    {
      exchange->deadline = g_timeout_source_new_seconds (timeout);
      g_source_set_callback (exchange->deadline, deadline_cb, exchange, NULL);
      g_source_set_static_name (exchange->deadline, "[rolo] request deadline");
      g_source_attach (exchange->deadline, g_main_context_get_thread_default ());
    }

  return exchange;
}

static SoupMessage *
new_message (RoloClient *self,
             const char *method,
             const char *url,
             JsonObject *body)
{
  SoupMessage *message = soup_message_new (method, url);
  SoupMessageHeaders *headers;

  g_assert (message != NULL);

  /* A redirect could carry the keys to another host. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  g_signal_connect (message, "accept-certificate", G_CALLBACK (accept_certificate_cb), NULL);
  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, ACCESS_KEY_HEADER, self->access_key);
  soup_message_headers_replace (headers, SECRET_KEY_HEADER, self->secret_key);
  soup_message_headers_replace (headers, "Accept", "application/json");

  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = body_to_bytes (body);

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }

  return message;
}

GTask *
_rolo_client_new_task (RoloClient          *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data,
                       gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  /* Cancellation is reported as ROLO_CLIENT_ERROR_CANCELLED, not as the
   * G_IO_ERROR that GTask would substitute. */
  g_task_set_check_cancellable (task, FALSE);
  return task;
}

void
_rolo_client_send_async (RoloClient          *self,
                         const char          *method,
                         const char          *url,
                         JsonObject          *body,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = _rolo_client_new_task (self, cancellable, callback, user_data,
                                                 _rolo_client_send_async);
  Exchange *exchange = exchange_new (self, new_message (self, method, url, body), cancellable);

  /* The URL carries no secret; the headers are never logged. */
  g_debug ("%s %s", method, url);
  g_task_set_task_data (task, exchange, (GDestroyNotify) exchange_free);
  soup_session_send_async (self->session, exchange->message, G_PRIORITY_DEFAULT,
                           exchange->cancellable, sent_cb, g_steal_pointer (&task));
}

JsonObject *
_rolo_client_send_finish (RoloClient    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_assert (g_task_is_valid (result, self));

  return g_task_propagate_pointer (G_TASK (result), error);
}

JsonObject *
_rolo_client_finish_data (GObject       *source,
                          GAsyncResult  *result,
                          JsonObject   **root,
                          GError       **error)
{
  *root = _rolo_client_send_finish (ROLO_CLIENT (source), result, error);
  if (*root == NULL)
    return NULL;

  return rolo_client_envelope_get_data (*root, error);
}

void
_rolo_client_return_parsed_data (GTask               *task,
                                 GObject             *source,
                                 GAsyncResult        *result,
                                 RoloClientParseFunc  parse)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;
  GObject *object = NULL;
  JsonObject *data;

  data = _rolo_client_finish_data (source, result, &root, &error);
  if (data != NULL)
    object = parse (data, &error);

  if (object == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, object, g_object_unref);
}
