/* test-account-connection.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Test Connection in Preferences, through the real widgets: what each kind
 * of server, answer or failure comes out as, and what may then be saved.
 * Run by tests/keyring-session.sh, as test-account.c is. */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-test-account.h"

/* A self-signed certificate for 127.0.0.1 that no one trusts. */
static const char test_certificate_pem[] =
#include "test-client-cert.inc"
  ;

/* --- Test Connection ------------------------------------------------------------ */

static void
test_connection_good (void)
{
  g_autoptr(RoloSandbox) sandbox = rolo_test_sandbox_new (25);
  g_autofree char *url = sandbox_url (sandbox);
  g_autoptr(RoloApplication) app = NULL;
  RoloPreferences *preferences;

  reset_account ();
  app = test_application_new ();
  activate (app);
  preferences = open_preferences (app);
  fill_in (preferences, url, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  g_assert_false (button_usable (preferences, "prefs.save"));

  g_assert_cmpstr (test_connection (preferences), ==, "Connected — 25 contacts");
  /* One request, for one contact. */
  g_assert_cmpuint (rolo_sandbox_get_n_requests (sandbox), ==, 1);
  g_assert_true (button_usable (preferences, "prefs.save"));

  /* Editing a key makes the answer stale: test again before saving. */
  gtk_editable_set_text (entry_row (preferences, "Secret Key"), "changed");
  g_assert_null (rolo_preferences_get_result_title (preferences));
  g_assert_false (button_usable (preferences, "prefs.save"));

  destroy_toplevels ();
}

static void
test_connection_rejected (void)
{
  g_autoptr(RoloSandbox) sandbox = rolo_test_sandbox_new (3);
  g_autofree char *url = sandbox_url (sandbox);
  g_autoptr(RoloApplication) app = NULL;
  RoloPreferences *preferences;

  reset_account ();
  app = test_application_new ();
  activate (app);
  preferences = open_preferences (app);
  fill_in (preferences, url, ROLO_TEST_ACCESS_KEY, "wrong-secret-key");

  g_assert_cmpstr (test_connection (preferences), ==, "API Keys Rejected");
  g_assert_nonnull (strstr (rolo_preferences_get_result_description (preferences),
                            "Settings → API Keys"));
  g_assert_null (strstr (rolo_preferences_get_result_description (preferences),
                         "wrong-secret-key"));
  /* Not saved without the user saying so. */
  g_assert_false (button_usable (preferences, "prefs.save"));
  g_assert_true (button_usable (preferences, "prefs.save-anyway"));
  g_assert_cmpuint (count_items (), ==, 0);

  destroy_toplevels ();
}

static void
test_connection_unreachable (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloApplication) app = NULL;
  g_autofree char *url = NULL;
  RoloPreferences *preferences;
  guint16 port;

  /* A port that was free a moment ago and has nobody listening now. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);

  reset_account ();
  app = test_application_new ();
  activate (app);
  preferences = open_preferences (app);
  fill_in (preferences, url, "a", "b");

  g_assert_cmpstr (test_connection (preferences), ==, "Cannot Reach the Server");
  g_assert_nonnull (strstr (rolo_preferences_get_result_description (preferences),
                            "network"));

  destroy_toplevels ();
}

static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  guint *n_connections = user_data;

  (*n_connections)++;
  /* Not handled: the service closes it, and the request fails. */
  return FALSE;
}

static gboolean
connected_once (gpointer user_data)
{
  return *(guint *) user_data > 0;
}

static void
test_connection_insecure (void)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloApplication) app = NULL;
  g_autofree char *url = NULL;
  g_autofree char *loopback_url = NULL;
  RoloPreferences *preferences;
  guint n_connections = 0;
  guint16 port;

  /* A listener on every address of this computer counts the connections a
   * request would open. */
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (incoming_cb), &n_connections);
  g_socket_service_start (service);
  /* This computer's own name, which resolves here but is not loopback by
   * name: plain http:// to it is refused. */
  url = g_strdup_printf ("http://%s:%u", g_get_host_name (), port);

  reset_account ();
  app = test_application_new ();
  activate (app);
  preferences = open_preferences (app);
  fill_in (preferences, url, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);

  /* Refused at once, before anything was sent or even looked up. */
  press (preferences, "prefs.test");
  g_assert_cmpstr (rolo_preferences_get_result_title (preferences), ==,
                   "Invalid Server Address");
  g_assert_nonnull (strstr (rolo_preferences_get_result_description (preferences),
                            "https://"));
  g_assert_nonnull (strstr (rolo_preferences_get_result_description (preferences),
                            "Nothing was sent"));
  /* An address Rolo would not use cannot be saved anyway. */
  g_assert_false (button_usable (preferences, "prefs.save-anyway"));
  g_usleep (200 * G_TIME_SPAN_MILLISECOND);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_connections, ==, 0);

  /* The control: the same listener does see a request Rolo makes. */
  loopback_url = g_strdup_printf ("http://127.0.0.1:%u", port);
  gtk_editable_set_text (entry_row (preferences, "Server Address"), loopback_url);
  press (preferences, "prefs.test");
  rolo_test_wait_until (connected_once, &n_connections, TIMEOUT_MS);

  destroy_toplevels ();
  g_signal_handlers_disconnect_by_data (service, &n_connections);
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
}

/* One answer, as a YSUITE server would give it, for every request. */
typedef struct
{
  guint       status;
  const char *body;
} Canned;

static void
canned_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Canned *canned = user_data;

  soup_server_message_set_status (message, canned->status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                    canned->body, strlen (canned->body));
}

/* A loopback server answering @canned; over https with @certificate. */
static SoupServer *
canned_server_new (Canned           *canned,
                   GTlsCertificate  *certificate,
                   char            **url)
{
  SoupServer *server = soup_server_new ("tls-certificate", certificate, NULL);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  soup_server_add_handler (server, NULL, canned_cb, canned, NULL);
  soup_server_listen_local (server, 0,
                            SOUP_SERVER_LISTEN_IPV4_ONLY |
                            (certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0),
                            &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *url = g_strdup_printf ("%s://127.0.0.1:%d", certificate != NULL ? "https" : "http",
                          g_uri_get_port (uris->data));
  return server;
}

static RoloPreferences *
test_connection_against (RoloApplication *app,
                         const char      *url)
{
  RoloPreferences *preferences;

  activate (app);
  preferences = open_preferences (app);
  fill_in (preferences, url, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  test_connection (preferences);
  return preferences;
}

static void
test_connection_no_organisation (void)
{
  Canned canned = { 400, "{\"success\": false, "
                         "\"message\": \"No organisation assigned to user\"}" };
  g_autofree char *url = NULL;
  g_autoptr(SoupServer) server = canned_server_new (&canned, NULL, &url);
  g_autoptr(RoloTestRecorder) recorder = rolo_test_recorder_new (server);
  g_autoptr(RoloApplication) app = NULL;
  RoloPreferences *preferences;
  const char *description;

  reset_account ();
  app = test_application_new ();
  preferences = test_connection_against (app, url);

  g_assert_cmpstr (rolo_preferences_get_result_title (preferences), ==,
                   "Workspace Not Available");
  description = rolo_preferences_get_result_description (preferences);
  /* The server's own words, and what to do about them. */
  g_assert_nonnull (strstr (description, "“No organisation assigned to user”"));
  g_assert_nonnull (strstr (description, "administrator"));
  g_assert_null (strstr (description, ROLO_TEST_SECRET_KEY));
  g_assert_cmpuint (rolo_test_recorder_get_n (recorder, NULL, NULL), ==, 1);
  g_assert_false (button_usable (preferences, "prefs.save"));
  g_assert_true (button_usable (preferences, "prefs.save-anyway"));

  destroy_toplevels ();
  soup_server_disconnect (server);
}

static void
test_connection_add_on (void)
{
  Canned canned = { 403, "{\"success\": false, "
                         "\"message\": \"Subscription add-on required\"}" };
  g_autofree char *url = NULL;
  g_autoptr(SoupServer) server = canned_server_new (&canned, NULL, &url);
  g_autoptr(RoloApplication) app = NULL;
  RoloPreferences *preferences;

  reset_account ();
  app = test_application_new ();
  preferences = test_connection_against (app, url);

  g_assert_cmpstr (rolo_preferences_get_result_title (preferences), ==,
                   "Subscription Add-On Missing");
  g_assert_nonnull (strstr (rolo_preferences_get_result_description (preferences),
                            "administrator can activate it"));
  g_assert_false (button_usable (preferences, "prefs.save"));

  destroy_toplevels ();
  soup_server_disconnect (server);
}

static void
test_connection_not_ysuite (void)
{
  Canned canned = { 404, "<html>Not Found</html>" };
  g_autofree char *url = NULL;
  g_autoptr(SoupServer) server = canned_server_new (&canned, NULL, &url);
  g_autoptr(RoloApplication) app = NULL;
  RoloPreferences *preferences;

  reset_account ();
  app = test_application_new ();
  preferences = test_connection_against (app, url);

  /* Not mistaken for a workspace without an organisation. */
  g_assert_cmpstr (rolo_preferences_get_result_title (preferences), ==,
                   "No YSUITE Server at This Address");
  g_assert_nonnull (strstr (rolo_preferences_get_result_description (preferences),
                            "https://api.ysuite.org"));
  g_assert_null (strstr (rolo_preferences_get_result_description (preferences),
                         "organisation."));

  destroy_toplevels ();
  soup_server_disconnect (server);
}

static void
test_connection_certificate (void)
{
  Canned canned = { 200, "{\"success\": true, \"data\": {\"data\": [], \"current_page\": 1, "
                         "\"total_records\": 0, \"total_pages\": 0}}" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_pem (test_certificate_pem,
                                                                          -1, &error);
  g_autofree char *url = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(RoloTestRecorder) recorder = NULL;
  g_autoptr(RoloApplication) app = NULL;
  RoloPreferences *preferences;
  const char *description;

  g_assert_no_error (error);
  server = canned_server_new (&canned, certificate, &url);
  recorder = rolo_test_recorder_new (server);
  reset_account ();
  app = test_application_new ();
  preferences = test_connection_against (app, url);

  g_assert_cmpstr (rolo_preferences_get_result_title (preferences), ==, "Certificate Problem");
  description = rolo_preferences_get_result_description (preferences);
  /* The host, the reason, one sentence each, and no way round it. */
  g_assert_nonnull (strstr (description, "The identity of 127.0.0.1 could not be verified: "
                                         "its certificate is not signed by an authority"));
  g_assert_nonnull (strstr (description, ". Rolo never connects to a server it cannot verify"));
  g_assert_null (strstr (description, ".. "));
  g_assert_cmpuint (rolo_test_recorder_get_n (recorder, NULL, NULL), ==, 0);
  g_assert_false (button_usable (preferences, "prefs.save"));
  /* Saving anyway would look like accepting the certificate. */
  g_assert_false (button_usable (preferences, "prefs.save-anyway"));

  destroy_toplevels ();
  soup_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  if (!account_test_init (&argc, &argv))
    return 77;

  /* First, not last: glib-networking's handshake threads are still winding
   * down right after it, and LeakSanitizer's tracer, stopping every thread
   * at exit, can crash on one of them (see the client-tls test). */
  g_test_add_func ("/ui/account/test-connection/certificate", test_connection_certificate);
  g_test_add_func ("/ui/account/test-connection/good", test_connection_good);
  g_test_add_func ("/ui/account/test-connection/rejected", test_connection_rejected);
  g_test_add_func ("/ui/account/test-connection/unreachable", test_connection_unreachable);
  g_test_add_func ("/ui/account/test-connection/insecure", test_connection_insecure);
  g_test_add_func ("/ui/account/test-connection/no-organisation",
                   test_connection_no_organisation);
  g_test_add_func ("/ui/account/test-connection/add-on", test_connection_add_on);
  g_test_add_func ("/ui/account/test-connection/not-ysuite", test_connection_not_ysuite);

  return g_test_run ();
}
