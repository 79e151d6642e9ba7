/* rolo-error-text.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

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
      return _("Access Denied");
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
      return _("Insecure Connection");
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

/* What to do about it; NULL when the error's own message says enough. */
static char *
client_error_advice (const GError *error)
{
  guint retry_after;

  switch ((RoloClientError) error->code)
    {
    case ROLO_CLIENT_ERROR_UNAUTHORIZED:
      return g_strdup (_("The server rejected the access key and secret key. Check that the "
                         "key pair is current and complete; a new pair can be created in the "
                         "YSUITE web app under Settings → API Keys."));
    case ROLO_CLIENT_ERROR_FORBIDDEN:
      return g_strdup (_("The workspace does not allow this. A required YSUITE subscription "
                         "add-on may not be active."));
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
    case ROLO_CLIENT_ERROR_TIMEOUT:
      return g_strdup (_("The problem is on the server's side. Try again later."));
    case ROLO_CLIENT_ERROR_NETWORK:
      return g_strdup (_("Check your network connection, then try again."));
    case ROLO_CLIENT_ERROR_TLS:
      return g_strdup (_("The server's certificate could not be verified, so Rolo did not "
                         "connect. Nothing was sent."));
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

/* Whether the error's own words add to the advice (which add-on, which
 * network failure) rather than repeat it. */
static gboolean
client_error_has_details (RoloClientError code)
{
  switch (code)
    {
    case ROLO_CLIENT_ERROR_FORBIDDEN:
    case ROLO_CLIENT_ERROR_SERVER:
    case ROLO_CLIENT_ERROR_NETWORK:
    case ROLO_CLIENT_ERROR_TLS:
    case ROLO_CLIENT_ERROR_MALFORMED:
      return TRUE;
    default:
      return FALSE;
    }
}

char *
rolo_error_text_description (const GError *error)
{
  g_autofree char *advice = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == ROLO_CLIENT_ERROR)
    advice = client_error_advice (error);
  if (advice == NULL)
    return g_strdup (error->message);
  if (error->message == NULL || *error->message == '\0' ||
      !client_error_has_details (error->code))
    return g_steal_pointer (&advice);

  /* Translators: an explanation, then the error's own words in parentheses. */
  return g_strdup_printf (_("%s (%s)"), advice, error->message);
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
