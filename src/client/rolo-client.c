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

#include "rolo-client-private.h"
#include "rolo-client-error-private.h"
#include "rolo-client-url-private.h"
#include "rolo-contact-validation.h"
#include "rolo-json-private.h"

#define DEFAULT_TIMEOUT_SECONDS 30
#define IDLE_TIMEOUT_SECONDS    60
#define MAX_CONNS               8
#define MAX_CONNS_PER_HOST      4

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

  _rolo_client_send_async (self, method, url, body, g_task_get_cancellable (task), callback, task);
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

  _rolo_client_return_parsed_data (task, source, result,
                                   (RoloClientParseFunc) rolo_contact_page_new_from_json);
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

  task = _rolo_client_new_task (self, cancellable, callback, user_data,
                                rolo_client_list_contacts_async);
  if (query == NULL)
    query = default_query = rolo_contact_query_new ();

  url = rolo_client_url_for_list (self->base_url, query, page_index, page_size);
  _rolo_client_send_async (self, "GET", url, NULL, cancellable, list_cb,
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

  _rolo_client_return_parsed_data (task, source, result,
                                   (RoloClientParseFunc) rolo_contact_new_from_json);
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

  task = _rolo_client_new_task (self, cancellable, callback, user_data,
                                rolo_client_get_contact_async);
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

  data = _rolo_client_finish_data (source, result, &root, &error);
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

  task = _rolo_client_new_task (self, cancellable, callback, user_data,
                                rolo_client_create_contact_async);
  field_errors = rolo_contact_validate (contact);
  if (field_errors != NULL)
    {
      return_invalid_input (task, field_errors);
      return;
    }

  body = rolo_contact_to_create_json (contact);
  url = rolo_client_url_for_contacts (self->base_url);
  _rolo_client_send_async (self, "POST", url, body, cancellable, create_cb,
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

  root = _rolo_client_send_finish (self, result, &error);
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

  task = _rolo_client_new_task (self, cancellable, callback, user_data,
                                rolo_client_update_contact_async);
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

  root = _rolo_client_send_finish (ROLO_CLIENT (source), result, &error);
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

  task = _rolo_client_new_task (self, cancellable, callback, user_data,
                                rolo_client_delete_contact_async);
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
