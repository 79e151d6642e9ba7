/* rolo-account-store.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The key pair in the user's keyring (through the Secret portal under
 * Flatpak). One item per server holds both keys, as a small JSON object
 * ({"access_key": …, "secret_key": …}): the two halves are useless apart, so
 * they are saved, replaced and removed together, in one keyring call that
 * cannot leave half a pair behind. Nothing here logs a key. */

#define G_LOG_DOMAIN "rolo-common"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rolo-account-store.h"
#include "rolo-page-cache.h"

#define ATTRIBUTE_SERVER "server"

void
rolo_account_wipe_string (char *text)
{
  if (text == NULL)
    return;

  /* volatile: the compiler may not drop a write to memory freed next. */
  for (volatile char *p = text; *p != '\0'; p++)
    *p = '\0';
  g_free (text);
}

RoloAccountKeys *
rolo_account_keys_new (const char *access_key,
                       const char *secret_key)
{
  RoloAccountKeys *keys = g_new0 (RoloAccountKeys, 1);

  g_return_val_if_fail (access_key != NULL, NULL);
  g_return_val_if_fail (secret_key != NULL, NULL);

  keys->access_key = g_strdup (access_key);
  keys->secret_key = g_strdup (secret_key);
  return keys;
}

void
rolo_account_keys_free (RoloAccountKeys *keys)
{
  if (keys == NULL)
    return;

  rolo_account_wipe_string (keys->access_key);
  rolo_account_wipe_string (keys->secret_key);
  g_free (keys);
}

const SecretSchema *
rolo_account_store_get_schema (void)
{
  static const SecretSchema schema = {
    APPLICATION_ID, SECRET_SCHEMA_NONE,
    {
      { ATTRIBUTE_SERVER, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

char *
rolo_account_store_dup_label (const char *server)
{
  g_autoptr(GUri) uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  /* Translators: the name of the keyring item, as Passwords and Keys (Seahorse)
   * lists it; %s is the server's host name, e.g. api.ysuite.org. */
  return g_strdup_printf (_("YSUITE API keys for %s"), host != NULL ? host : server);
}

/* JSON string escaping into a buffer we wipe ourselves (json-glib's
 * generator would leave copies of the keys in memory it frees). */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
keys_to_secret (const RoloAccountKeys *keys)
{
  /* Big enough for real keys: no reallocation leaves a stray copy behind. */
  GString *out = g_string_sized_new (256 + 2 * (strlen (keys->access_key) +
                                                strlen (keys->secret_key)));

  g_string_append (out, "{\"access_key\":");
  append_json_string (out, keys->access_key);
  g_string_append (out, ",\"secret_key\":");
  append_json_string (out, keys->secret_key);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static RoloAccountKeys *
keys_from_secret (const char  *secret,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;
  JsonObject *object;
  const char *access_key, *secret_key;

  if (!json_parser_load_from_data (parser, secret, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto unreadable;

  object = json_node_get_object (root);
  access_key = json_object_get_string_member_with_default (object, "access_key", NULL);
  secret_key = json_object_get_string_member_with_default (object, "secret_key", NULL);
  if (access_key == NULL || secret_key == NULL)
    goto unreadable;

  return rolo_account_keys_new (access_key, secret_key);

unreadable:
  /* The parser's message could quote the secret: not passed on. */
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The API keys in the keyring could not be read. Connect the "
                         "account again."));
  return NULL;
}

/* libsecret's own messages (no key in them) are kept, under a sentence that
 * says which store failed. */
static GError *
keyring_error (GError     *error,
               const char *what)
{
  GError *wrapped = g_error_new (error->domain, error->code, "%s (%s)", what, error->message);

  g_error_free (error);
  return wrapped;
}

typedef struct
{
  char *server;
  char *secret;   /* the JSON object, wiped when the task goes */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->server);
  rolo_account_wipe_string (data->secret);
  g_free (data);
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, keyring_error (error, _("The keyring did not keep the API keys.")));
}

/* The old pair is gone (or there was none): keep the new one. */
static void
save_clear_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  SaveData *data = g_task_get_task_data (task);
  g_autofree char *label = NULL;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task,
                           keyring_error (error, _("The keyring did not keep the API keys.")));
      g_object_unref (task);
      return;
    }

  label = rolo_account_store_dup_label (data->server);
  secret_password_store (rolo_account_store_get_schema (), SECRET_COLLECTION_DEFAULT, label,
                         data->secret, g_task_get_cancellable (task), store_cb, task,
                         ATTRIBUTE_SERVER, data->server,
                         NULL);
}

/* Rolo keeps one account: a pair stored for another server goes first. */
void
rolo_account_store_save_async (const char            *server,
                               const RoloAccountKeys *keys,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  GTask *task;
  SaveData *data;

  g_return_if_fail (server != NULL);
  g_return_if_fail (keys != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rolo_account_store_save_async);
  data = g_new0 (SaveData, 1);
  data->server = g_strdup (server);
  data->secret = keys_to_secret (keys);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  g_debug ("Saving the API keys for %s in the keyring", server);
  secret_password_clear (rolo_account_store_get_schema (), cancellable, save_clear_cb, task,
                         NULL);
}

gboolean
rolo_account_store_save_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);
  RoloAccountKeys *keys;

  if (error != NULL)
    {
      g_task_return_error (task, keyring_error (error,
                                                _("The keyring did not give the API keys.")));
      return;
    }
  if (secret == NULL)
    {
      g_debug ("No API keys in the keyring");
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  keys = keys_from_secret (secret, &error);
  secret_password_free (secret);
  if (keys == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, keys, (GDestroyNotify) rolo_account_keys_free);
}

void
rolo_account_store_load_async (const char          *server,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (server != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rolo_account_store_load_async);

  g_debug ("Looking up the API keys for %s", server);
  secret_password_lookup (rolo_account_store_get_schema (), cancellable, lookup_cb, task,
                          ATTRIBUTE_SERVER, server,
                          NULL);
}

RoloAccountKeys *
rolo_account_store_load_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error: there was nothing to remove. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, keyring_error (error,
                                              _("The keyring did not remove the API keys.")));
  else
    {
      /* The pages kept for reading offline go with the keys, of every
       * account as the keys are. */
      rolo_page_cache_clear_async (rolo_page_cache_get_default ());
      g_task_return_boolean (task, TRUE);
    }
}

void
rolo_account_store_clear_async (GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, rolo_account_store_clear_async);
  g_debug ("Removing the API keys from the keyring");
  /* No attribute: every item of Rolo's schema, whichever server it names. */
  secret_password_clear (rolo_account_store_get_schema (), cancellable, clear_cb, task, NULL);
}

gboolean
rolo_account_store_clear_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
