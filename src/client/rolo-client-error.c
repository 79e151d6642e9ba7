/* rolo-client-error.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include "rolo-client-error-private.h"

typedef struct
{
  GHashTable *field_errors;
  guint       retry_after;
  guint       http_status;
  char       *detail;
  gboolean    web_page;
} RoloClientErrorPrivate;

static void
rolo_client_error_private_init (RoloClientErrorPrivate *priv)
{
  priv->field_errors = NULL;
  priv->retry_after = 0;
  priv->http_status = 0;
  priv->detail = NULL;
  priv->web_page = FALSE;
}

static void
rolo_client_error_private_copy (const RoloClientErrorPrivate *src,
                                RoloClientErrorPrivate       *dest)
{
  dest->field_errors = src->field_errors ? g_hash_table_ref (src->field_errors) : NULL;
  dest->retry_after = src->retry_after;
  dest->http_status = src->http_status;
  dest->detail = g_strdup (src->detail);
  dest->web_page = src->web_page;
}

static void
rolo_client_error_private_clear (RoloClientErrorPrivate *priv)
{
  g_clear_pointer (&priv->field_errors, g_hash_table_unref);
  g_clear_pointer (&priv->detail, g_free);
}

/* GLib's macro steps back from the GError to its private part through a
 * byte pointer, which clang's -Wcast-align flags. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-align"
G_DEFINE_EXTENDED_ERROR (RoloClientError, rolo_client_error)
#pragma GCC diagnostic pop

static RoloClientErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != ROLO_CLIENT_ERROR)
    return NULL;
  return rolo_client_error_get_private (error);
}

/**
 * rolo_client_error_get_field_errors:
 *
 * Returns: (transfer none) (nullable): field name -> NULL-terminated messages
 */
GHashTable *
rolo_client_error_get_field_errors (const GError *error)
{
  RoloClientErrorPrivate *priv = get_private (error);

  return priv ? priv->field_errors : NULL;
}

guint
rolo_client_error_get_retry_after (const GError *error)
{
  RoloClientErrorPrivate *priv = get_private (error);

  return priv ? priv->retry_after : 0;
}

guint
rolo_client_error_get_http_status (const GError *error)
{
  RoloClientErrorPrivate *priv = get_private (error);

  return priv ? priv->http_status : 0;
}

void
rolo_client_error_set_http_status (GError *error,
                                   guint   http_status)
{
  RoloClientErrorPrivate *priv = get_private (error);

  g_return_if_fail (priv != NULL);
  priv->http_status = http_status;
}

/* (nullable): what went wrong, without the lead-in the message starts with
 * ("Could not reach the server: …"), for a sentence of its own. */
const char *
rolo_client_error_get_detail (const GError *error)
{
  RoloClientErrorPrivate *priv = get_private (error);

  return priv ? priv->detail : NULL;
}

void
rolo_client_error_set_detail (GError     *error,
                              const char *detail)
{
  RoloClientErrorPrivate *priv = get_private (error);

  g_return_if_fail (priv != NULL);
  g_free (priv->detail);
  priv->detail = g_strdup (detail);
}

/* A web page came where data was due: the web app's address given for the
 * API's, or a sign-in page of the network. */
gboolean
rolo_client_error_get_web_page (const GError *error)
{
  RoloClientErrorPrivate *priv = get_private (error);

  return priv ? priv->web_page : FALSE;
}

void
rolo_client_error_set_web_page (GError   *error,
                                gboolean  web_page)
{
  RoloClientErrorPrivate *priv = get_private (error);

  g_return_if_fail (priv != NULL);
  priv->web_page = !!web_page;
}

void
rolo_client_error_set_retry_after (GError *error,
                                   guint   seconds)
{
  RoloClientErrorPrivate *priv = get_private (error);

  g_return_if_fail (priv != NULL);
  priv->retry_after = seconds;
}

void
rolo_client_error_take_field_errors (GError     *error,
                                     GHashTable *field_errors)
{
  RoloClientErrorPrivate *priv = get_private (error);

  g_return_if_fail (priv != NULL);
  g_clear_pointer (&priv->field_errors, g_hash_table_unref);
  priv->field_errors = field_errors;
}

GHashTable *
rolo_client_field_errors_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
}

void
rolo_client_field_errors_add (GHashTable *field_errors,
                              const char *field,
                              const char *message)
{
  GStrv old = g_hash_table_lookup (field_errors, field);
  guint n = old ? g_strv_length (old) : 0;
  GStrv messages = g_new0 (char *, n + 2);

  for (guint i = 0; i < n; i++)
    messages[i] = g_strdup (old[i]);
  messages[n] = g_strdup (message);

  g_hash_table_insert (field_errors, g_strdup (field), messages);
}

static int
compare_fields (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char *
rolo_client_field_errors_join (GHashTable *field_errors)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree gpointer *fields = NULL;
  guint n_fields = 0;

  fields = g_hash_table_get_keys_as_array (field_errors, &n_fields);
  g_qsort_with_data (fields, n_fields, sizeof (gpointer), compare_fields, NULL);
  for (guint i = 0; i < n_fields; i++)
    {
      const char * const *messages = g_hash_table_lookup (field_errors, fields[i]);

      for (guint j = 0; messages[j] != NULL; j++)
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, messages[j]);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
