/* rolo-client-url.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "rolo-client-error.h"
#include "rolo-client-url-private.h"

#define MAX_PAGE_SIZE 100

gboolean
rolo_client_url_host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
fail (GError    **error,
      const char *message)
{
  g_set_error_literal (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_INVALID_URL, message);
  return FALSE;
}

static gboolean
check_uri (GUri    *uri,
           GError **error)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);

  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    return fail (error, _("The server address must start with https://."));
  if (host == NULL || *host == '\0')
    return fail (error, _("The server address has no host name."));
  if (g_uri_get_userinfo (uri) != NULL)
    return fail (error, _("The server address must not contain a user name or password."));
  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    return fail (error, _("The server address must not contain a query (?) or fragment (#)."));
  if (g_ascii_strcasecmp (scheme, "http") == 0 && !rolo_client_url_host_is_loopback (host))
    return fail (error, _("The server address must use https://; plain http:// is only "
                          "allowed for this computer (localhost)."));

  return TRUE;
}

/* "/ysuite//" -> "/ysuite/", "/v1/" -> "/", "" -> "/". */
static char *
normalize_path (const char *path)
{
  g_autoptr(GString) normalized = g_string_new (path);

  while (normalized->len > 0 && normalized->str[normalized->len - 1] == '/')
    g_string_truncate (normalized, normalized->len - 1);
  if (g_str_has_suffix (normalized->str, "/v1"))
    g_string_truncate (normalized, normalized->len - 3);
  g_string_append_c (normalized, '/');

  return g_string_free (g_steal_pointer (&normalized), FALSE);
}

char *
rolo_client_url_normalize_base (const char  *base_url,
                                GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) normalized = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trimmed = g_strstrip (g_strdup (base_url ? base_url : ""));
  if (*trimmed == '\0')
    {
      fail (error, _("No server address was given."));
      return NULL;
    }

  uri = g_uri_parse (trimmed, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    {
      fail (error, _("The server address is not a valid URL."));
      return NULL;
    }
  if (!check_uri (uri, error))
    return NULL;

  path = normalize_path (g_uri_get_path (uri));
  normalized = g_uri_build (G_URI_FLAGS_ENCODED, g_uri_get_scheme (uri), NULL,
                            g_uri_get_host (uri), g_uri_get_port (uri), path, NULL, NULL);

  return g_uri_to_string (normalized);
}

char *
rolo_client_url_for_contacts (const char *base)
{
  g_return_val_if_fail (base != NULL, NULL);

  return g_strconcat (base, "v1/contacts", NULL);
}

char *
rolo_client_url_for_contact (const char *base,
                             gint64      id)
{
  g_return_val_if_fail (base != NULL, NULL);

  return g_strdup_printf ("%sv1/contacts/%" G_GINT64_FORMAT, base, id);
}

static void
append_search (GString          *url,
               RoloContactQuery *query)
{
  g_autofree char *search = g_strstrip (g_strdup (rolo_contact_query_get_search (query)));
  g_autofree char *escaped = NULL;

  if (*search == '\0')
    return;

  /* No reserved characters allowed: '&', '+', '%', '=' and spaces all get
   * percent-encoded, and so do non-ASCII letters (as UTF-8). */
  escaped = g_uri_escape_string (search, NULL, FALSE);
  g_string_append_printf (url, "&search=%s", escaped);
}

char *
rolo_client_url_for_list (const char       *base,
                          RoloContactQuery *query,
                          guint             page_index,
                          guint             page_size)
{
  GString *url;
  RoloContactType type;

  g_return_val_if_fail (base != NULL, NULL);
  g_return_val_if_fail (ROLO_IS_CONTACT_QUERY (query), NULL);

  url = g_string_new (base);
  g_string_append_printf (url, "v1/contacts?pageSize=%u&pageIndex=%u",
                          CLAMP (page_size, 1, MAX_PAGE_SIZE), page_index);
  append_search (url, query);

  type = rolo_contact_query_get_contact_type (query);
  if (type != ROLO_CONTACT_TYPE_ANY)
    g_string_append_printf (url, "&type=%d", (int) type);

  g_string_append_printf (url, "&sortBy=%s&sortOrder=%s",
                          rolo_contact_sort_field_to_api_name (
                            rolo_contact_query_get_sort_by (query)),
                          rolo_contact_query_get_sort_descending (query) ? "desc" : "asc");

  return g_string_free (url, FALSE);
}
