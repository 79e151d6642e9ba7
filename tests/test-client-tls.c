/* test-client-tls.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "rolo-client.h"
#include "rolo-test-utils.h"

/* A self-signed certificate for 127.0.0.1 that no one trusts. */
static const char test_certificate_pem[] =
#include "test-client-cert.inc"
  ;

static void
test_error_tls (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(RoloClient) client = NULL;
  g_autoptr(RoloContact) contact = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *base = NULL;

  /* glib-networking is a dependency: without it Rolo cannot reach YSUITE. */
  g_assert_true (g_tls_backend_supports_tls (g_tls_backend_get_default ()));

  certificate = g_tls_certificate_new_from_pem (test_certificate_pem, -1, &error);
  g_assert_no_error (error);
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS,
                            &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);

  base = g_strdup_printf ("https://127.0.0.1:%d", g_uri_get_port (uris->data));
  client = rolo_client_new (base, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY, &error);
  g_assert_no_error (error);
  contact = rolo_test_client_get (client, 1, &error);

  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  /* Why, in words: the test certificate is self-signed. */
  g_assert_nonnull (strstr (error->message, "not signed by an authority this computer trusts"));
  g_assert_null (strstr (error->message, ROLO_TEST_SECRET_KEY));
  g_assert_null (contact);
  soup_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/errors/tls", test_error_tls);

  return g_test_run ();
}
