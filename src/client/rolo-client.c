/* rolo-client.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "rolo-client.h"
#include "rolo-client-envelope-private.h"
#include "rolo-client-error-private.h"
#include "rolo-client-url-private.h"
#include "rolo-contact-validation.h"
#include "rolo-json-private.h"

#define DEFAULT_TIMEOUT_SECONDS 30
#define IDLE_TIMEOUT_SECONDS    60
#define MAX_CONNS               8
#define MAX_CONNS_PER_HOST      4
#define ACCESS_KEY_HEADER       "x-ysuite-access-key"
#define SECRET_KEY_HEADER       "x-ysuite-secret-key"

struct _RoloClient
{
  GObject      parent_instance;

  char        *base_url;
  char        *access_key;
  char        *secret_key;
  SoupSession *session;
};

G_DEFINE_FINAL_TYPE (RoloClient, rolo_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  RoloContact *edited;
  JsonObject  *sent;
  GStrv        unapplied;
} UpdateData;

static void
update_data_free (UpdateData *data)
{
  g_clear_object (&data->edited);
  g_clear_pointer (&data->sent, json_object_unref);
  g_clear_pointer (&data->unapplied, g_strfreev);
  g_free (data);
}

static GTask *
new_task (RoloClient          *self,
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

/* Keys shorter than this are not looked for: a one-letter test key would
 * otherwise turn every "a" of a message into an ellipsis. Real YSUITE keys are
 * far longer. */
#define MIN_SCRUBBED_KEY_LENGTH 6

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

/* A key as its header will carry it: the white space that pasting brings
 * along is dropped. NULL when what is left cannot go into a header (libsoup
 * would refuse it and send the request without that header). */
static char *
dup_header_key (const char *key)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (key));

  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if (g_ascii_iscntrl (*p))
        return NULL;
    }

  return g_steal_pointer (&trimmed);
}

/* Why a certificate was refused, in words; NULL when GTK's own will do. */
static const char *
describe_certificate_errors (GTlsCertificateFlags errors)
{
  /* The most telling first: a self-signed certificate is usually also
   * issued for another name. */
  if (errors & G_TLS_CERTIFICATE_UNKNOWN_CA)
    return _("its certificate is not signed by an authority this computer trusts.");
  if (errors & G_TLS_CERTIFICATE_BAD_IDENTITY)
    return _("its certificate was issued for a different name.");
  if (errors & G_TLS_CERTIFICATE_EXPIRED)
    return _("its certificate has expired.");
  if (errors & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    return _("its certificate is not valid yet; check this computer's date and time.");
  if (errors & G_TLS_CERTIFICATE_REVOKED)
    return _("its certificate has been revoked.");
  if (errors & G_TLS_CERTIFICATE_INSECURE)
    return _("its certificate uses an insecure algorithm.");

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
      const char *reason = describe_certificate_errors (errors);

      /* Translators: the first %s is a host name, the second the reason. */
      return g_error_new (ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_TLS,
                          _("The identity of %s could not be verified: %s"),
                          g_uri_get_host (uri), reason != NULL ? reason : error->message);
    }
  if (g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING) ||
      g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_ENCODING))
    return g_error_new (ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_MALFORMED,
                        _("The server's answer was not understood: %s"), error->message);

  return g_error_new (ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_NETWORK,
                      _("Could not reach the server: %s"), error->message);
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

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RoloClient *self = g_task_get_source_object (task);
  SoupMessage *message = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  JsonObject *root;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      GError *mapped = map_transport_error (error, message);

      scrub_keys (self, mapped);
      g_debug ("%s failed: %s", soup_message_get_method (message), mapped->message);
      g_task_return_error (task, mapped);
      return;
    }

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

/* Sends one request; the result is the envelope's root object. */
static void
rolo_client_send_async (RoloClient          *self,
                        const char          *method,
                        const char          *url,
                        JsonObject          *body,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = new_task (self, cancellable, callback, user_data,
                                    rolo_client_send_async);
  SoupMessage *message = new_message (self, method, url, body);

  /* The URL carries no secret; the headers are never logged. */
  g_debug ("%s %s", method, url);
  g_task_set_task_data (task, message, g_object_unref);
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT, cancellable,
                                    send_cb, g_steal_pointer (&task));
}

/* Sends method to the URL of contact id on behalf of task, a public call's
 * task, which callback receives as user_data. (transfer full) task */
static void
send_for_contact (RoloClient          *self,
                  const char          *method,
                  gint64               id,
                  JsonObject          *body,
                  GTask               *task,
                  GAsyncReadyCallback  callback)
{
  g_autofree char *url = rolo_client_url_for_contact (self->base_url, id);

  rolo_client_send_async (self, method, url, body, g_task_get_cancellable (task), callback, task);
}

static JsonObject *
rolo_client_send_finish (RoloClient    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_assert (g_task_is_valid (result, self));

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The envelope's "data" object, with root holding it alive; or NULL and error. */
static JsonObject *
finish_data (GObject       *source,
             GAsyncResult  *result,
             JsonObject   **root,
             GError       **error)
{
  *root = rolo_client_send_finish (ROLO_CLIENT (source), result, error);
  if (*root == NULL)
    return NULL;

  return rolo_client_envelope_get_data (*root, error);
}

/* Makes an object of the envelope's "data" object. */
typedef GObject *(*ParseDataFunc) (JsonObject  *data,
                                   GError     **error);

/* Returns to task the object parse makes of the answer's data, or the error. */
static void
return_parsed_data (GTask         *task,
                    GObject       *source,
                    GAsyncResult  *result,
                    ParseDataFunc  parse)
{
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;
  GObject *object = NULL;
  JsonObject *data;

  data = finish_data (source, result, &root, &error);
  if (data != NULL)
    object = parse (data, &error);

  if (object == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, object, g_object_unref);
}

/* What every _finish() checks: a task of self, started by source_tag. */
static gboolean
result_is_valid (RoloClient   *self,
                 GAsyncResult *result,
                 gpointer      source_tag)
{
  return g_task_is_valid (result, self) && g_task_get_source_tag (G_TASK (result)) == source_tag;
}

static void
return_invalid_input (GTask      *task,
                      GHashTable *field_errors)
{
  g_autofree char *message = rolo_client_field_errors_join (field_errors);
  GError *error = g_error_new_literal (ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_INVALID_INPUT,
                                       message);

  rolo_client_error_take_field_errors (error, field_errors);
  g_task_return_error (task, error);
}

static void
rolo_client_finalize (GObject *object)
{
  RoloClient *self = (RoloClient *)object;

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->access_key, g_free);
  g_clear_pointer (&self->secret_key, g_free);

  G_OBJECT_CLASS (rolo_client_parent_class)->finalize (object);
}

static void
rolo_client_dispose (GObject *object)
{
  RoloClient *self = (RoloClient *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (rolo_client_parent_class)->dispose (object);
}

static void
rolo_client_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RoloClient *self = ROLO_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, rolo_client_get_timeout (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_client_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RoloClient *self = ROLO_CLIENT (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      rolo_client_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_client_class_init (RoloClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rolo_client_dispose;
  object_class->finalize = rolo_client_finalize;
  object_class->get_property = rolo_client_get_property;
  object_class->set_property = rolo_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, DEFAULT_TIMEOUT_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* The one place the session is configured. TLS certificates are checked by
 * GIO's defaults, and nothing here ever overrides a failed check. */
static void
rolo_client_init (RoloClient *self)
{
  self->session = soup_session_new_with_options ("timeout", DEFAULT_TIMEOUT_SECONDS,
                                                 "idle-timeout", IDLE_TIMEOUT_SECONDS,
                                                 "user-agent", "Rolo/" PACKAGE_VERSION,
                                                 "max-conns", MAX_CONNS,
                                                 "max-conns-per-host", MAX_CONNS_PER_HOST,
                                                 NULL);
}

/**
 * rolo_client_new:
 * @base_url: e.g. "https://api.ysuite.org" (a path prefix is kept)
 * @access_key: the x-ysuite-access-key
 * @secret_key: the x-ysuite-secret-key
 *
 * White space around a key (as pasting brings it) is dropped.
 *
 * Returns: (transfer full): a client, or %NULL with
 *   %ROLO_CLIENT_ERROR_INVALID_URL, or %ROLO_CLIENT_ERROR_UNAUTHORIZED when a
 *   key holds a line break or another control character
 */
RoloClient *
rolo_client_new (const char  *base_url,
                 const char  *access_key,
                 const char  *secret_key,
                 GError     **error)
{
  g_autofree char *normalized = NULL;
  g_autofree char *access = NULL;
  g_autofree char *secret = NULL;
  RoloClient *self;

  g_return_val_if_fail (access_key != NULL, NULL);
  g_return_val_if_fail (secret_key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  normalized = rolo_client_url_normalize_base (base_url, error);
  if (normalized == NULL)
    return NULL;

  access = dup_header_key (access_key);
  secret = dup_header_key (secret_key);
  if (access == NULL || secret == NULL)
    {
      g_set_error_literal (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_UNAUTHORIZED,
                           _("The API keys contain a line break or another character "
                             "that cannot be sent. Copy them again from YSUITE."));
      return NULL;
    }

  self = g_object_new (ROLO_TYPE_CLIENT, NULL);
  self->base_url = g_steal_pointer (&normalized);
  self->access_key = g_steal_pointer (&access);
  self->secret_key = g_steal_pointer (&secret);

  return self;
}

/* Normalized: always ends in '/'. */
const char *
rolo_client_get_base_url (RoloClient *self)
{
  g_return_val_if_fail (ROLO_IS_CLIENT (self), NULL);

  return self->base_url;
}

void
rolo_client_set_timeout (RoloClient *self,
                         guint       seconds)
{
  g_return_if_fail (ROLO_IS_CLIENT (self));

  if (soup_session_get_timeout (self->session) == seconds)
    return;

  soup_session_set_timeout (self->session, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint
rolo_client_get_timeout (RoloClient *self)
{
  g_return_val_if_fail (ROLO_IS_CLIENT (self), 0);

  return soup_session_get_timeout (self->session);
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  return_parsed_data (task, source, result, (ParseDataFunc) rolo_contact_page_new_from_json);
}

/**
 * rolo_client_list_contacts_async:
 * @query: (nullable): what to list; %NULL for everything, newest first
 * @page_index: zero-based
 * @page_size: 1 to 100 (larger sizes are served as 100)
 */
void
rolo_client_list_contacts_async (RoloClient          *self,
                                 RoloContactQuery    *query,
                                 guint                page_index,
                                 guint                page_size,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(RoloContactQuery) default_query = NULL;
  g_autofree char *url = NULL;

  g_return_if_fail (ROLO_IS_CLIENT (self));
  g_return_if_fail (query == NULL || ROLO_IS_CONTACT_QUERY (query));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, cancellable, callback, user_data, rolo_client_list_contacts_async);
  if (query == NULL)
    query = default_query = rolo_contact_query_new ();

  url = rolo_client_url_for_list (self->base_url, query, page_index, page_size);
  rolo_client_send_async (self, "GET", url, NULL, cancellable, list_cb,
                          g_steal_pointer (&task));
}

/**
 * rolo_client_list_contacts_finish:
 *
 * Returns: (transfer full): the page, or %NULL with an error in
 *   %ROLO_CLIENT_ERROR
 */
RoloContactPage *
rolo_client_list_contacts_finish (RoloClient    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (ROLO_IS_CLIENT (self), NULL);
  g_return_val_if_fail (result_is_valid (self, result, rolo_client_list_contacts_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
get_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  return_parsed_data (task, source, result, (ParseDataFunc) rolo_contact_new_from_json);
}

void
rolo_client_get_contact_async (RoloClient          *self,
                               gint64               id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ROLO_IS_CLIENT (self));
  g_return_if_fail (id > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, cancellable, callback, user_data, rolo_client_get_contact_async);
  send_for_contact (self, "GET", id, NULL, task, get_cb);
}

/**
 * rolo_client_get_contact_finish:
 *
 * Returns: (transfer full): the contact with every field, or %NULL with an
 *   error (%ROLO_CLIENT_ERROR_NOT_FOUND for an unknown id)
 */
RoloContact *
rolo_client_get_contact_finish (RoloClient    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (ROLO_IS_CLIENT (self), NULL);
  g_return_val_if_fail (result_is_valid (self, result, rolo_client_get_contact_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
create_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *data;
  gint64 id = 0;

  data = finish_data (source, result, &root, &error);
  if (data == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!rolo_json_get_int64 (data, ROLO_CONTACT_FIELD_ID, &id) || id <= 0)
    {
      g_task_return_new_error (task, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_MALFORMED,
                               _("The server did not say which id the new contact got."));
      return;
    }

  g_task_return_pointer (task, g_memdup2 (&id, sizeof id), g_free);
}

void
rolo_client_create_contact_async (RoloClient          *self,
                                  RoloContact         *contact,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *url = NULL;
  GHashTable *field_errors;

  g_return_if_fail (ROLO_IS_CLIENT (self));
  g_return_if_fail (ROLO_IS_CONTACT (contact));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, cancellable, callback, user_data, rolo_client_create_contact_async);
  field_errors = rolo_contact_validate (contact);
  if (field_errors != NULL)
    {
      return_invalid_input (task, field_errors);
      return;
    }

  body = rolo_contact_to_create_json (contact);
  url = rolo_client_url_for_contacts (self->base_url);
  rolo_client_send_async (self, "POST", url, body, cancellable, create_cb,
                          g_steal_pointer (&task));
}

/**
 * rolo_client_create_contact_finish:
 *
 * Returns: the new contact's id, or 0 with an error
 *   (%ROLO_CLIENT_ERROR_INVALID_INPUT when the client's own rules refused it)
 */
gint64
rolo_client_create_contact_finish (RoloClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_autofree gint64 *id = NULL;

  g_return_val_if_fail (ROLO_IS_CLIENT (self), 0);
  g_return_val_if_fail (result_is_valid (self, result, rolo_client_create_contact_async), 0);

  id = g_task_propagate_pointer (G_TASK (result), error);
  return id ? *id : 0;
}

/* The API names of the sent fields whose value the server does not hold. */
static GStrv
find_unapplied (JsonObject  *sent,
                RoloContact *reread,
                RoloContact *edited)
{
  g_autoptr(JsonObject) remaining = rolo_contact_diff_to_update_json (reread, edited);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonObjectIter iter;
  const char *field;

  json_object_iter_init (&iter, sent);
  while (json_object_iter_next (&iter, &field, NULL))
    {
      if (json_object_has_member (remaining, field))
        g_strv_builder_add (builder, field);
    }

  return g_strv_builder_end (builder);
}

static void
update_reread_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UpdateData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  RoloContact *reread;

  reread = rolo_client_get_contact_finish (ROLO_CLIENT (source), result, &error);
  if (reread == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->unapplied = find_unapplied (data->sent, reread, data->edited);
  if (data->unapplied[0] != NULL)
    g_debug ("The server did not take %u updated fields", g_strv_length (data->unapplied));

  g_task_return_pointer (task, reread, g_object_unref);
}

static void
update_put_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UpdateData *data = g_task_get_task_data (task);
  RoloClient *self = ROLO_CLIENT (source);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;

  root = rolo_client_send_finish (self, result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Re-read: a server may answer "updated" and still ignore some fields. */
  rolo_client_get_contact_async (self, rolo_contact_get_id (data->edited), cancellable,
                                 update_reread_cb, g_steal_pointer (&task));
}

/**
 * rolo_client_update_contact_async:
 * @original: the contact as last read from the server (its id is used)
 * @edited: the contact as the user left it
 *
 * The client's rules are checked on @edited first
 * (%ROLO_CLIENT_ERROR_INVALID_INPUT). When nothing differs, no request is
 * made and the result is a copy of @original with no unapplied fields. If the
 * PUT succeeds but the re-read fails, the re-read's error is reported.
 */
void
rolo_client_update_contact_async (RoloClient          *self,
                                  RoloContact         *original,
                                  RoloContact         *edited,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  UpdateData *data;
  GHashTable *field_errors;

  g_return_if_fail (ROLO_IS_CLIENT (self));
  g_return_if_fail (ROLO_IS_CONTACT (original));
  g_return_if_fail (ROLO_IS_CONTACT (edited));
  g_return_if_fail (rolo_contact_get_id (original) > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, cancellable, callback, user_data, rolo_client_update_contact_async);
  data = g_new0 (UpdateData, 1);
  data->edited = rolo_contact_copy (edited);
  rolo_contact_set_id (data->edited, rolo_contact_get_id (original));
  data->sent = rolo_contact_diff_to_update_json (original, data->edited);
  g_task_set_task_data (task, data, (GDestroyNotify) update_data_free);

  field_errors = rolo_contact_validate (data->edited);
  if (field_errors != NULL)
    {
      return_invalid_input (task, field_errors);
      return;
    }

  if (json_object_get_size (data->sent) == 0)
    {
      data->unapplied = g_new0 (char *, 1);
      g_task_return_pointer (task, rolo_contact_copy (original), g_object_unref);
      return;
    }

  send_for_contact (self, "PUT", rolo_contact_get_id (original), data->sent,
                    g_steal_pointer (&task), update_put_cb);
}

/**
 * rolo_client_update_contact_finish:
 * @unapplied_fields: (out) (optional) (transfer full): sent fields that did
 *   not take
 *
 * Returns: (transfer full): the contact as the server now has it, or %NULL
 */
RoloContact *
rolo_client_update_contact_finish (RoloClient    *self,
                                   GAsyncResult  *result,
                                   char        ***unapplied_fields,
                                   GError       **error)
{
  UpdateData *data;
  RoloContact *contact;

  g_return_val_if_fail (ROLO_IS_CLIENT (self), NULL);
  g_return_val_if_fail (result_is_valid (self, result, rolo_client_update_contact_async), NULL);

  data = g_task_get_task_data (G_TASK (result));
  contact = g_task_propagate_pointer (G_TASK (result), error);
  if (unapplied_fields != NULL)
    *unapplied_fields = contact ? g_strdupv (data->unapplied) : NULL;

  return contact;
}

static void
delete_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;

  root = rolo_client_send_finish (ROLO_CLIENT (source), result, &error);
  if (root == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
rolo_client_delete_contact_async (RoloClient          *self,
                                  gint64               id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ROLO_IS_CLIENT (self));
  g_return_if_fail (id > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = new_task (self, cancellable, callback, user_data, rolo_client_delete_contact_async);
  send_for_contact (self, "DELETE", id, NULL, task, delete_cb);
}

gboolean
rolo_client_delete_contact_finish (RoloClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (ROLO_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (result_is_valid (self, result, rolo_client_delete_contact_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
