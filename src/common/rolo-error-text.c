/* rolo-error-text.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-common"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-client-error.h"
#include "rolo-error-text.h"
#include "rolo-sandbox.h"

static const char *
client_error_title (RoloClientError code)
{
  switch (code)
    {
    case ROLO_CLIENT_ERROR_INVALID_URL:
      return _("Invalid Server Address");
    case ROLO_CLIENT_ERROR_UNAUTHORIZED:
      return _("API Keys Rejected");
    case ROLO_CLIENT_ERROR_FORBIDDEN:
      /* API.md: a 403 always means a subscription add-on is not active. */
      return _("Subscription Add-On Missing");
    case ROLO_CLIENT_ERROR_NOT_FOUND:
      return _("Not Found");
    case ROLO_CLIENT_ERROR_INVALID_INPUT:
    case ROLO_CLIENT_ERROR_VALIDATION:
      return _("Invalid Contact Details");
    case ROLO_CLIENT_ERROR_TOO_LARGE:
      return _("Too Much Data");
    case ROLO_CLIENT_ERROR_RATE_LIMITED:
      return _("Too Many Requests");
    case ROLO_CLIENT_ERROR_SERVER:
      return _("Server Error");
    case ROLO_CLIENT_ERROR_NETWORK:
      return _("Cannot Reach the Server");
    case ROLO_CLIENT_ERROR_TLS:
      return _("Certificate Problem");
    case ROLO_CLIENT_ERROR_TIMEOUT:
      return _("Server Not Responding");
    case ROLO_CLIENT_ERROR_MALFORMED:
      return _("Unexpected Answer");
    case ROLO_CLIENT_ERROR_CANCELLED:
      return _("Cancelled");
    case ROLO_CLIENT_ERROR_BAD_REQUEST:
    default:
      return _("Request Refused");
    }
}

/* A 2xx answer that is a web page: a network's sign-in page, a proxy, or the
 * address of YSUITE's web app given for its API. */
static gboolean
is_web_page (const GError *error)
{
  return g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_MALFORMED) &&
         rolo_client_error_get_web_page (error);
}

/* What to do about it; NULL when the error's own message says enough. */
static char *
client_error_advice (const GError *error)
{
  guint retry_after;

  if (is_web_page (error))
    return g_strdup (_("The server sent a web page where Rolo expected data. Check that the "
                       "server address is that of the YSUITE API, not of its web app; a "
                       "network sign-in page or a proxy may also be in the way."));

  switch ((RoloClientError) error->code)
    {
    case ROLO_CLIENT_ERROR_UNAUTHORIZED:
      return g_strdup (_("The server rejected the access key and secret key. Check that the "
                         "key pair is current and complete; a new pair can be created in the "
                         "YSUITE web app under Settings → API Keys."));
    case ROLO_CLIENT_ERROR_FORBIDDEN:
      return g_strdup (_("This needs a YSUITE subscription add-on that is not active for this "
                         "workspace. A workspace administrator can activate it; then try again."));
    case ROLO_CLIENT_ERROR_RATE_LIMITED:
      retry_after = rolo_client_error_get_retry_after (error);
      if (retry_after == 0)
        return g_strdup (_("The server asked Rolo to slow down. Try again in a moment."));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %u is a number of seconds. */
                                           "The server asked Rolo to slow down. Try again in "
                                           "%u second.",
                                           "The server asked Rolo to slow down. Try again in "
                                           "%u seconds.",
                                           retry_after),
                              retry_after);
    case ROLO_CLIENT_ERROR_SERVER:
      return g_strdup (_("The problem is on the server's side. Try again later."));
    case ROLO_CLIENT_ERROR_TIMEOUT:
      /* Silence or a trickle: a busy server or a slow network alike. */
      return g_strdup (_("The server took too long to answer: it may be busy, or the network "
                         "slow. Try again later."));
    case ROLO_CLIENT_ERROR_NETWORK:
      return g_strdup (_("Check your network connection, then try again."));
    case ROLO_CLIENT_ERROR_MALFORMED:
      return g_strdup (_("The server's answer could not be understood. A proxy or an outage "
                         "may be in the way; try again later."));
    default:
      return NULL;
    }
}

char *
rolo_error_text_title (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == ROLO_CLIENT_ERROR)
    return g_strdup (client_error_title (error->code));
  if (error->domain == ROLO_SANDBOX_ERROR)
    return g_strdup (_("Sample Server Failed"));
  return g_strdup (_("Could Not Connect"));
}

/* The underlying reason without the sentence the client puts before it,
 * which the title and the advice already say. */
static char *
dup_detail (const GError *error)
{
  const char *detail = rolo_client_error_get_detail (error);

  return g_strdup (detail != NULL ? detail : error->message);
}

/* What the error's own words add to the advice (which network failure, which
 * status), said once; NULL when they would only repeat it. */
static char *
client_error_details (const GError *error)
{
  guint status;

  switch ((RoloClientError) error->code)
    {
    case ROLO_CLIENT_ERROR_SERVER:
      status = rolo_client_error_get_http_status (error);
      if (status == 0)
        return g_strdup (error->message);
      /* Translators: an HTTP status code, shown after an explanation. */
      return g_strdup_printf (_("HTTP %u"), status);
    case ROLO_CLIENT_ERROR_NETWORK:
      return dup_detail (error);
    case ROLO_CLIENT_ERROR_MALFORMED:
      if (is_web_page (error))
        return NULL;
      return dup_detail (error);
    case ROLO_CLIENT_ERROR_FORBIDDEN:
      /* The server's own words (they name the add-on); none when it sent
       * none and the message is the client's stand-in. */
      return g_strdup (rolo_client_error_get_detail (error));
    default:
      return NULL;
    }
}

/* The client's reason names the host and what is wrong with its
 * certificate; it may end with a full stop (Rolo's) or not
 * (glib-networking's). */
static char *
tls_error_description (const GError *error)
{
  g_autofree char *reason = g_strdup (error->message);
  gsize length = strlen (g_strchomp (reason));

  if (length > 0 && reason[length - 1] == '.')
    reason[length - 1] = '\0';
  /* Translators: %s names the host and why its certificate failed. */
  return g_strdup_printf (_("%s. Rolo never connects to a server it cannot verify, so "
                            "nothing was sent."),
                          reason);
}

char *
rolo_error_text_description (const GError *error)
{
  g_autofree char *advice = NULL;
  g_autofree char *details = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_TLS))
    return tls_error_description (error);
  if (error->domain == ROLO_CLIENT_ERROR)
    {
      advice = client_error_advice (error);
      details = client_error_details (error);
    }
  if (advice == NULL)
    return g_strdup (error->message);
  if (details == NULL || *details == '\0')
    return g_steal_pointer (&advice);
  if (g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_FORBIDDEN))
    /* Translators: an explanation, then the server's own words, quoted. */
    return g_strdup_printf (_("%s The server says: “%s”"), advice, details);

  /* Translators: an explanation, then the underlying reason in parentheses. */
  return g_strdup_printf (_("%s (%s)"), advice, details);
}

const char *
rolo_error_text_icon_name (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != ROLO_CLIENT_ERROR)
    return "dialog-error-symbolic";

  switch ((RoloClientError) error->code)
    {
    case ROLO_CLIENT_ERROR_UNAUTHORIZED:
    case ROLO_CLIENT_ERROR_FORBIDDEN:
      return "dialog-password-symbolic";
    case ROLO_CLIENT_ERROR_NETWORK:
    case ROLO_CLIENT_ERROR_TIMEOUT:
      return "network-offline-symbolic";
    case ROLO_CLIENT_ERROR_TLS:
      return "channel-insecure-symbolic";
    default:
      return "dialog-error-symbolic";
    }
}
