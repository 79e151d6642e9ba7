/* test-error-text.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-client-error.h"
#include "rolo-client-error-private.h"
#include "rolo-error-text.h"
#include "rolo-sandbox.h"

static void
test_every_client_code (void)
{
  for (int code = ROLO_CLIENT_ERROR_INVALID_URL; code <= ROLO_CLIENT_ERROR_CANCELLED; code++)
    {
      g_autoptr(GError) error = g_error_new_literal (ROLO_CLIENT_ERROR, code, "Details.");
      g_autofree char *title = rolo_error_text_title (error);
      g_autofree char *description = rolo_error_text_description (error);

      g_test_message ("code %d: %s — %s", code, title, description);
      g_assert_cmpuint (strlen (title), >, 0);
      g_assert_cmpuint (strlen (description), >, 0);
      g_assert_true (g_str_has_suffix (rolo_error_text_icon_name (error), "-symbolic"));
    }
}

static void
test_unauthorized (void)
{
  g_autoptr(GError) error = g_error_new_literal (ROLO_CLIENT_ERROR,
                                                 ROLO_CLIENT_ERROR_UNAUTHORIZED,
                                                 "Invalid API credentials.");
  g_autofree char *title = rolo_error_text_title (error);
  g_autofree char *description = rolo_error_text_description (error);

  g_assert_cmpstr (title, ==, "API Keys Rejected");
  g_assert_nonnull (strstr (description, "rejected"));
  g_assert_nonnull (strstr (description, "Settings → API Keys"));
  /* The advice says it all; the server's words would repeat it. */
  g_assert_null (strstr (description, "Invalid API credentials."));
  g_assert_cmpstr (rolo_error_text_icon_name (error), ==, "dialog-password-symbolic");
}

/* An error as the client makes it: a lead-in, and the reason alone as its
 * detail. */
static GError *
client_error_new (RoloClientError  code,
                  const char      *message,
                  const char      *detail)
{
  GError *error = g_error_new_literal (ROLO_CLIENT_ERROR, code, message);

  rolo_client_error_set_detail (error, detail);
  return error;
}

static void
test_network_details (void)
{
  g_autoptr(GError) error = client_error_new (ROLO_CLIENT_ERROR_NETWORK,
                                              "Could not reach the server: Could not "
                                              "connect to 127.0.0.1: Connection refused",
                                              "Could not connect to 127.0.0.1: Connection "
                                              "refused");
  g_autofree char *title = rolo_error_text_title (error);
  g_autofree char *description = rolo_error_text_description (error);

  g_assert_cmpstr (title, ==, "Cannot Reach the Server");
  /* The advice, then the underlying reason once: the client's lead-in says
   * what the title and the advice already say. */
  g_assert_cmpstr (description, ==,
                   "Check your network connection, then try again. "
                   "(Could not connect to 127.0.0.1: Connection refused)");
  g_assert_cmpstr (rolo_error_text_icon_name (error), ==, "network-offline-symbolic");
}

static void
test_network_bare_reason (void)
{
  g_autoptr(GError) error = g_error_new_literal (ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_NETWORK,
                                                 "Connection refused");
  g_autofree char *description = rolo_error_text_description (error);

  g_assert_cmpstr (description, ==,
                   "Check your network connection, then try again. (Connection refused)");
}

static void
test_forbidden (void)
{
  g_autoptr(GError) error = g_error_new_literal (ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_FORBIDDEN,
                                                 "This needs a YSUITE subscription add-on "
                                                 "that is not active for this workspace.");
  g_autofree char *title = rolo_error_text_title (error);
  g_autofree char *description = rolo_error_text_description (error);

  g_assert_cmpstr (title, ==, "Subscription Add-On Missing");
  /* Said once, with what to do about it. */
  g_assert_cmpstr (description, ==,
                   "This needs a YSUITE subscription add-on that is not active for this "
                   "workspace. A workspace administrator can activate it; then try again.");
}

/* The server's own words name the add-on: said, then what to do. */
static void
test_forbidden_server_words (void)
{
  g_autoptr(GError) error = client_error_new (ROLO_CLIENT_ERROR_FORBIDDEN,
                                              "The CRM add-on is not active.",
                                              "The CRM add-on is not active.");
  g_autofree char *description = rolo_error_text_description (error);

  g_assert_nonnull (strstr (description, "The CRM add-on is not active."));
  g_assert_nonnull (strstr (description, "A workspace administrator can activate it"));
}

/* A web page where data was due is known by what the client found, not by
 * the words of its message, which a translation changes. */
static void
test_web_page (void)
{
  g_autoptr(GError) error = client_error_new (ROLO_CLIENT_ERROR_MALFORMED,
                                              "La respuesta del servidor no se entendió: "
                                              "es una página web, no datos.",
                                              "es una página web, no datos.");
  g_autoptr(GError) not_web = client_error_new (ROLO_CLIENT_ERROR_MALFORMED,
                                                "The server's answer was not understood: "
                                                "It is empty.", "It is empty.");
  g_autofree char *description = NULL;
  g_autofree char *other = NULL;

  rolo_client_error_set_web_page (error, TRUE);
  description = rolo_error_text_description (error);
  g_assert_nonnull (strstr (description, "not of its web app"));
  /* The advice says it all: no reason repeated after it. */
  g_assert_null (strstr (description, "página web"));

  other = rolo_error_text_description (not_web);
  g_assert_null (strstr (other, "web app"));
  g_assert_nonnull (strstr (other, "(It is empty.)"));
}

static void
test_malformed_details (void)
{
  g_autoptr(GError) error = client_error_new (ROLO_CLIENT_ERROR_MALFORMED,
                                              "The server's answer was not understood: "
                                              "Could not parse HTTP response",
                                              "Could not parse HTTP response");
  g_autofree char *description = rolo_error_text_description (error);

  g_assert_cmpstr (description, ==,
                   "The server's answer could not be understood. A proxy or an outage may be "
                   "in the way; try again later. (Could not parse HTTP response)");
}

static void
test_other_domains (void)
{
  g_autoptr(GError) sandbox_error = g_error_new_literal (ROLO_SANDBOX_ERROR,
                                                         ROLO_SANDBOX_ERROR_STORE,
                                                         "disk full");
  g_autoptr(GError) io_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                                    "Set both keys.");
  g_autofree char *sandbox_title = rolo_error_text_title (sandbox_error);
  g_autofree char *sandbox_description = rolo_error_text_description (sandbox_error);
  g_autofree char *io_title = rolo_error_text_title (io_error);
  g_autofree char *io_description = rolo_error_text_description (io_error);

  g_assert_cmpstr (sandbox_title, ==, "Sample Server Failed");
  g_assert_cmpstr (sandbox_description, ==, "disk full");
  g_assert_cmpstr (io_title, ==, "Could Not Connect");
  g_assert_cmpstr (io_description, ==, "Set both keys.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/error-text/every-client-code", test_every_client_code);
  g_test_add_func ("/common/error-text/unauthorized", test_unauthorized);
  g_test_add_func ("/common/error-text/network-details", test_network_details);
  g_test_add_func ("/common/error-text/network-bare-reason", test_network_bare_reason);
  g_test_add_func ("/common/error-text/forbidden", test_forbidden);
  g_test_add_func ("/common/error-text/forbidden/server-words", test_forbidden_server_words);
  g_test_add_func ("/common/error-text/web-page", test_web_page);
  g_test_add_func ("/common/error-text/malformed-details", test_malformed_details);
  g_test_add_func ("/common/error-text/other-domains", test_other_domains);

  return g_test_run ();
}
