/* test-account.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The account, end to end: the keyring (a real gnome-keyring-daemon), the
 * Preferences window, the welcome page, sample mode and the 401 Reconnect
 * flow, through the real widgets, against the sandbox. Run by
 * tests/keyring-session.sh in a throwaway HOME (see DEVELOPERS.md); it
 * refuses to run against a real user's keyring. */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "rolo-account-store.h"
#include "rolo-application.h"
#include "rolo-preferences.h"
#include "rolo-test-ui.h"
#include "rolo-test-utils.h"
#include "rolo-window.h"

#define TIMEOUT_MS 15000
/* Longer than the contact list waits before asking again by itself. */
#define QUIET_MS 1500

/* Stands out in a search of everything the session wrote. */
#define LEAK_ACCESS_KEY "AK-leakcheck-7f3e2a91c4"
#define LEAK_SECRET_KEY "SK-leakcheck-b81d06e5fa42c9"
#define CANARY "CANARY-d41d8cd98f00b204"

/* A self-signed certificate for 127.0.0.1 that no one trusts. */
static const char test_certificate_pem[] =
#include "test-client-cert.inc"
  ;

/* --- helpers ---------------------------------------------------------------- */

static RoloApplication *
test_application_new (void)
{
  RoloApplication *app = rolo_test_application_new ("AccountTest");
  g_autoptr(GError) error = NULL;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

static gboolean
is_entry_row_titled (GtkWidget  *widget,
                     const char *title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_row_titled (GtkWidget  *widget,
               const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_shown_button_for (GtkWidget  *widget,
                     const char *action_name)
{
  return rolo_test_is_button_for (widget, action_name) && gtk_widget_is_drawable (widget);
}

/* The one on screen, if several do the same. */
static GtkWidget *
button_for (gpointer    widget,
            const char *action_name)
{
  GtkWidget *button = rolo_test_find_widget (GTK_WIDGET (widget), is_shown_button_for, action_name);

  if (button == NULL)
    button = rolo_test_find_widget (GTK_WIDGET (widget), rolo_test_is_button_for, action_name);

  g_assert_nonnull (button);
  return button;
}

/* What a user sees and can press. */
static gboolean
button_usable (gpointer    widget,
               const char *action_name)
{
  GtkWidget *button = button_for (widget, action_name);

  return gtk_widget_is_drawable (button) && gtk_widget_is_sensitive (button);
}

static void
clicked_cb (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

/* As from the keyboard: GtkButton shows itself pressed for a moment and
 * only then emits "clicked". */
static void
press (gpointer    widget,
       const char *action_name)
{
  GtkWidget *button = button_for (widget, action_name);
  gboolean clicked = FALSE;
  gulong handler;

  g_assert_true (button_usable (widget, action_name));
  handler = g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), &clicked);
  gtk_widget_activate (button);
  rolo_test_wait_for_flag (&clicked, TIMEOUT_MS);
  g_signal_handler_disconnect (button, handler);
}

static GtkEditable *
entry_row (RoloPreferences *preferences,
           const char      *title)
{
  GtkWidget *row = rolo_test_find_widget (GTK_WIDGET (preferences), is_entry_row_titled, title);

  g_assert_nonnull (row);
  return GTK_EDITABLE (row);
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
widget_mapped (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data);
}

static gboolean
preferences_open (gpointer user_data)
{
  return find_toplevel (ROLO_TYPE_PREFERENCES) != NULL;
}

static RoloPreferences *
wait_for_preferences (void)
{
  GtkWindow *preferences;

  rolo_test_wait_until (preferences_open, NULL, TIMEOUT_MS);
  preferences = find_toplevel (ROLO_TYPE_PREFERENCES);
  rolo_test_wait_until (widget_mapped, preferences, TIMEOUT_MS);
  return ROLO_PREFERENCES (preferences);
}

static gboolean
preferences_closed (gpointer user_data)
{
  return find_toplevel (ROLO_TYPE_PREFERENCES) == NULL;
}

/* The confirmation dialog the last action put up, answered. */
static void
respond (const char *response)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
test_settled (gpointer user_data)
{
  const char *title = rolo_preferences_get_result_title (user_data);

  return title != NULL && !g_str_equal (title, "Testing the connection…");
}

static void
fill_in (RoloPreferences *preferences,
         const char      *server,
         const char      *access_key,
         const char      *secret_key)
{
  gtk_editable_set_text (entry_row (preferences, "Server Address"), server);
  gtk_editable_set_text (entry_row (preferences, "Access Key"), access_key);
  gtk_editable_set_text (entry_row (preferences, "Secret Key"), secret_key);
}

/* Test Connection, as pressed; returns the result row's title. */
static const char *
test_connection (RoloPreferences *preferences)
{
  press (preferences, "prefs.test");
  rolo_test_wait_until (test_settled, preferences, TIMEOUT_MS);
  return rolo_preferences_get_result_title (preferences);
}

static gboolean
window_settled (gpointer user_data)
{
  const char *state = rolo_window_get_state (user_data);

  return !g_str_equal (state, "welcome") && !g_str_equal (state, "loading");
}

static gboolean
window_shows_error (gpointer user_data)
{
  return g_str_equal (rolo_window_get_state (user_data), "error");
}

static gboolean
window_welcomes (gpointer user_data)
{
  return g_str_equal (rolo_window_get_state (user_data), "welcome");
}

static RoloWindow *
activate (RoloApplication *app)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_windows (GTK_APPLICATION (app))->data;
  g_assert_true (ROLO_IS_WINDOW (window));
  rolo_test_wait_until (widget_mapped, window, TIMEOUT_MS);
  return ROLO_WINDOW (window);
}

static void
destroy_toplevels (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  /* Dialogs before the windows they belong to. */
  g_list_foreach (toplevels, (GFunc) g_object_ref, NULL);
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (!ROLO_IS_WINDOW (l->data))
      gtk_window_destroy (l->data);
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (toplevels, g_object_unref);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static RoloAccountKeys *
load_keys (const char *server)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RoloAccountKeys *keys;

  rolo_account_store_load_async (server, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, TIMEOUT_MS);
  keys = rolo_account_store_load_finish (result, &error);
  g_assert_no_error (error);
  return keys;
}

static void
save_keys (const char *server,
           const char *access_key,
           const char *secret_key)
{
  g_autoptr(RoloAccountKeys) keys = rolo_account_keys_new (access_key, secret_key);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rolo_account_store_save_async (server, keys, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_true (rolo_account_store_save_finish (result, &error));
  g_assert_no_error (error);
}

static guint
count_items (void)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GList *items = secret_password_searchv_sync (rolo_account_store_get_schema (), attributes,
                                               SECRET_SEARCH_ALL, NULL, &error);
  guint n = g_list_length (items);

  g_assert_no_error (error);
  g_list_free_full (items, g_object_unref);
  return n;
}

/* Every test starts with no account: an empty keyring, default settings. */
static void
reset_account (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;

  secret_password_clear_sync (rolo_account_store_get_schema (), NULL, &error, NULL);
  g_assert_no_error (error);
  g_settings_reset (settings, "server-url");
  g_settings_reset (settings, "account-configured");
  g_settings_sync ();
  g_assert_cmpuint (count_items (), ==, 0);
}

static char *
sandbox_url (RoloSandbox *sandbox)
{
  return rolo_sandbox_dup_base_url (sandbox);
}

/* The address as Rolo keeps it once a client has parsed it. */
static char *
stored_form (const char *url)
{
  return g_strconcat (url, "/", NULL);
}

/* --- the keyring ------------------------------------------------------------ */

static void
test_store_round_trip (void)
{
  g_autoptr(RoloAccountKeys) keys = NULL;
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GList *items;
  g_autoptr(GHashTable) item_attributes = NULL;
  g_autofree char *label = NULL;

  reset_account ();
  g_assert_null (load_keys ("https://api.ysuite.org"));

  /* Quotes and backslashes survive the trip. */
  save_keys ("https://api.ysuite.org", "access \"one\"", "sec\\ret");
  keys = load_keys ("https://api.ysuite.org");
  g_assert_nonnull (keys);
  g_assert_cmpstr (keys->access_key, ==, "access \"one\"");
  g_assert_cmpstr (keys->secret_key, ==, "sec\\ret");
  g_clear_pointer (&keys, rolo_account_keys_free);
  g_assert_null (load_keys ("https://proxy.example.org"));

  /* One item, named for a person browsing Passwords and Keys, found by the
   * app id's schema and the server. */
  items = secret_password_searchv_sync (rolo_account_store_get_schema (), attributes,
                                        SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  label = secret_retrievable_get_label (items->data);
  item_attributes = secret_retrievable_get_attributes (items->data);
  g_assert_cmpstr (label, ==, "YSUITE API keys for api.ysuite.org");
  g_assert_cmpstr (g_hash_table_lookup (item_attributes, "server"), ==, "https://api.ysuite.org");
  g_assert_cmpstr (g_hash_table_lookup (item_attributes, "xdg:schema"), ==, APPLICATION_ID);
  g_list_free_full (items, g_object_unref);

  /* Rolo keeps one account: another server replaces it. */
  save_keys ("https://proxy.example.org", "a2", "s2");
  g_assert_null (load_keys ("https://api.ysuite.org"));
  keys = load_keys ("https://proxy.example.org");
  g_assert_cmpstr (keys->secret_key, ==, "s2");
  g_assert_cmpuint (count_items (), ==, 1);

  reset_account ();
}

/* --- first run and sample mode ------------------------------------------------ */

static void
test_first_run (void)
{
  g_autoptr(RoloApplication) app = NULL;
  RoloWindow *window;

  reset_account ();
  app = test_application_new ();
  window = activate (app);

  g_assert_cmpstr (rolo_window_get_state (window), ==, "welcome");
  g_assert_cmpstr (rolo_window_get_status_title (window), ==, "Welcome to Rolo");
  g_assert_nonnull (strstr (rolo_window_get_status_description (window), "API key pair"));
  g_assert_true (button_usable (window, "app.preferences"));
  g_assert_true (button_usable (window, "app.sample-data"));
  g_assert_false (rolo_window_get_sample_mode (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app),
                                                     "reset-sample-data"));

  /* Connect Account… opens Preferences on the default server, keys empty. */
  press (window, "app.preferences");
  {
    RoloPreferences *preferences = wait_for_preferences ();
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (preferences));

    g_assert_cmpstr (gtk_editable_get_text (entry_row (preferences, "Server Address")), ==,
                     "https://api.ysuite.org");
    g_assert_cmpstr (gtk_editable_get_text (entry_row (preferences, "Secret Key")), ==, "");

    /* Pasting the first key lands in its field, not over the server. */
    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (entry_row (preferences,
                                                                          "Access Key"))));
    /* Nothing to test or save yet. */
    g_assert_false (button_usable (preferences, "prefs.test"));
    g_assert_false (button_usable (preferences, "prefs.save"));
  }
  destroy_toplevels ();
}

static gboolean
window_browses (gpointer user_data)
{
  return g_str_equal (rolo_window_get_state (user_data), "browse");
}

static gboolean
is_strip_label (GtkWidget  *widget,
                const char *text)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text);
}

static gboolean
strip_shown (gpointer user_data)
{
  GtkWidget *label = rolo_test_find_widget (user_data, is_strip_label,
                                            "Sample data — not your YSUITE workspace");

  g_assert_nonnull (label);
  return gtk_widget_is_drawable (label) && button_usable (user_data, "app.preferences");
}

static void
test_sample_strip (void)
{
  g_autoptr(RoloApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (g_get_user_data_dir (), "rolo", "sandbox.db",
                                               NULL);
  g_autofree char *db_dir = g_path_get_dirname (db_path);
  RoloWindow *window;

  reset_account ();
  /* A store someone already changed: 5 contacts instead of the seeded 1000. */
  g_mkdir_with_parents (db_dir, 0700);
  g_remove (db_path);
  {
    g_autoptr(RoloSandbox) store = rolo_sandbox_new (db_path, &error);

    g_assert_no_error (error);
    g_assert_true (rolo_sandbox_seed (store, 5, &error));
  }

  app = test_application_new ();
  window = activate (app);
  press (window, "app.sample-data");
  rolo_test_wait_until (window_browses, window, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_count_text (window), ==, "5 contacts");

  /* The strip says whose contacts these are, and offers the way out. */
  g_assert_true (rolo_window_get_sample_mode (window));
  rolo_test_wait_until (strip_shown, window, TIMEOUT_MS);
  g_assert_true (button_usable (window, "app.preferences"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app),
                                                    "reset-sample-data"));

  /* Reset asks first; Cancel keeps the store. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "reset-sample-data", NULL);
  respond ("cancel");
  g_assert_cmpstr (rolo_window_get_count_text (window), ==, "5 contacts");

  g_action_group_activate_action (G_ACTION_GROUP (app), "reset-sample-data", NULL);
  respond ("reset");
  g_assert_cmpstr (rolo_window_get_state (window), ==, "loading");
  rolo_test_wait_until (window_browses, window, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_count_text (window), ==, "1000 contacts");
  g_assert_true (rolo_window_get_sample_mode (window));

  destroy_toplevels ();
}

/* --- Test Connection ------------------------------------------------------------ */

static RoloPreferences *
open_preferences (RoloApplication *app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  return wait_for_preferences ();
}

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
  guint       n_requests;
} Canned;

static void
canned_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Canned *canned = user_data;

  canned->n_requests++;
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
                         "\"message\": \"No organisation assigned to user\"}", 0 };
  g_autofree char *url = NULL;
  g_autoptr(SoupServer) server = canned_server_new (&canned, NULL, &url);
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
  g_assert_cmpuint (canned.n_requests, ==, 1);
  g_assert_false (button_usable (preferences, "prefs.save"));
  g_assert_true (button_usable (preferences, "prefs.save-anyway"));

  destroy_toplevels ();
  soup_server_disconnect (server);
}

static void
test_connection_add_on (void)
{
  Canned canned = { 403, "{\"success\": false, "
                         "\"message\": \"Subscription add-on required\"}", 0 };
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
  Canned canned = { 404, "<html>Not Found</html>", 0 };
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
                         "\"total_records\": 0, \"total_pages\": 0}}", 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_pem (test_certificate_pem,
                                                                          -1, &error);
  g_autofree char *url = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(RoloApplication) app = NULL;
  RoloPreferences *preferences;
  const char *description;

  g_assert_no_error (error);
  server = canned_server_new (&canned, certificate, &url);
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
  g_assert_cmpuint (canned.n_requests, ==, 0);
  g_assert_false (button_usable (preferences, "prefs.save"));
  /* Saving anyway would look like accepting the certificate. */
  g_assert_false (button_usable (preferences, "prefs.save-anyway"));

  destroy_toplevels ();
  soup_server_disconnect (server);
}

/* --- saving, starting again, disconnecting -------------------------------------- */

static RoloWindow *
connect_through_preferences (RoloApplication *app,
                             const char      *url,
                             const char      *access_key,
                             const char      *secret_key)
{
  RoloWindow *window = activate (app);
  RoloPreferences *preferences = open_preferences (app);

  fill_in (preferences, url, access_key, secret_key);
  g_assert_true (g_str_has_prefix (test_connection (preferences), "Connected"));
  press (preferences, "prefs.save");
  rolo_test_wait_until (preferences_closed, NULL, TIMEOUT_MS);
  rolo_test_wait_until (window_settled, window, TIMEOUT_MS);
  return window;
}

static gboolean
keys_filled_in (gpointer user_data)
{
  return *gtk_editable_get_text (entry_row (user_data, "Secret Key")) != '\0';
}

static void
test_save_and_disconnect (void)
{
  g_autoptr(RoloSandbox) sandbox = rolo_test_sandbox_new (12);
  g_autofree char *url = sandbox_url (sandbox);
  g_autoptr(RoloApplication) app = NULL;
  g_autoptr(RoloApplication) again = NULL;
  g_autoptr(RoloAccountKeys) keys = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *stored_url = NULL;
  g_autofree char *stored = stored_form (url);
  RoloPreferences *preferences;
  RoloWindow *window;

  reset_account ();
  app = test_application_new ();
  window = connect_through_preferences (app, url, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  g_assert_cmpstr (rolo_window_get_state (window), ==, "browse");
  g_assert_cmpstr (rolo_window_get_count_text (window), ==, "12 contacts");

  /* The keys in the keyring, the server (only) in GSettings. */
  keys = load_keys (stored);
  g_assert_nonnull (keys);
  g_assert_cmpstr (keys->access_key, ==, ROLO_TEST_ACCESS_KEY);
  g_assert_cmpstr (keys->secret_key, ==, ROLO_TEST_SECRET_KEY);
  stored_url = g_settings_get_string (settings, "server-url");
  g_assert_cmpstr (stored_url, ==, stored);
  g_assert_true (g_settings_get_boolean (settings, "account-configured"));
  destroy_toplevels ();
  g_clear_object (&app);

  /* The next start finds the account by itself. */
  again = test_application_new ();
  window = activate (again);
  rolo_test_wait_until (window_settled, window, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_count_text (window), ==, "12 contacts");

  /* Preferences shows the stored pair and offers Disconnect. */
  preferences = open_preferences (again);
  rolo_test_wait_until (keys_filled_in, preferences, TIMEOUT_MS);
  g_assert_cmpstr (gtk_editable_get_text (entry_row (preferences, "Secret Key")), ==,
                   ROLO_TEST_SECRET_KEY);
  g_assert_cmpstr (gtk_editable_get_text (entry_row (preferences, "Server Address")), ==, stored);
  g_assert_true (button_usable (preferences, "prefs.disconnect"));
  /* It says which server the keys are for. */
  {
    GtkWidget *row = rolo_test_find_widget (GTK_WIDGET (preferences), is_row_titled,
                                            "Keys Stored in Your Keyring");
    g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
    g_autofree char *expected = g_strdup_printf ("For 127.0.0.1:%d", g_uri_get_port (uri));

    g_assert_nonnull (row);
    g_assert_true (gtk_widget_is_drawable (row));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);
  }

  press (preferences, "prefs.disconnect");
  respond ("disconnect");
  rolo_test_wait_until (preferences_closed, NULL, TIMEOUT_MS);
  rolo_test_wait_until (window_welcomes, window, TIMEOUT_MS);
  g_assert_null (rolo_window_get_client (window));
  g_assert_cmpuint (count_items (), ==, 0);
  g_assert_null (load_keys (stored));
  g_assert_false (g_settings_get_boolean (settings, "account-configured"));

  destroy_toplevels ();
}

/* The keys were removed outside Rolo (in Passwords and Keys, say): the next
 * start does not hang on "Getting the API keys", it welcomes, and forgets
 * the account. */
static void
test_keys_removed (void)
{
  g_autoptr(RoloSandbox) sandbox = rolo_test_sandbox_new (3);
  g_autofree char *url = sandbox_url (sandbox);
  g_autoptr(RoloApplication) app = NULL;
  g_autoptr(RoloApplication) again = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  RoloWindow *window;
  guint n_requests;

  reset_account ();
  app = test_application_new ();
  connect_through_preferences (app, url, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  destroy_toplevels ();
  g_clear_object (&app);
  n_requests = rolo_sandbox_get_n_requests (sandbox);

  secret_password_clear_sync (rolo_account_store_get_schema (), NULL, &error, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (count_items (), ==, 0);
  g_assert_true (g_settings_get_boolean (settings, "account-configured"));

  again = test_application_new ();
  window = activate (again);
  rolo_test_wait_until (window_welcomes, window, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_status_title (window), ==, "Welcome to Rolo");
  g_assert_null (rolo_window_get_client (window));
  g_assert_false (g_settings_get_boolean (settings, "account-configured"));
  /* Nothing was asked of the server without keys. */
  g_assert_cmpuint (rolo_sandbox_get_n_requests (sandbox), ==, n_requests);

  destroy_toplevels ();
}

/* The keyring holds something Rolo cannot read (written by another version,
 * say): the window says so, without quoting it, and Reconnect… is the way on. */
static void
test_keys_unreadable (void)
{
  g_autoptr(RoloSandbox) sandbox = rolo_test_sandbox_new (3);
  g_autofree char *url = sandbox_url (sandbox);
  g_autofree char *stored = stored_form (url);
  g_autoptr(RoloApplication) app = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  RoloPreferences *preferences;
  RoloWindow *window;

  reset_account ();
  secret_password_store_sync (rolo_account_store_get_schema (), SECRET_COLLECTION_DEFAULT,
                              "YSUITE API keys", "garbled " ROLO_TEST_SECRET_KEY, NULL, &error,
                              "server", stored, NULL);
  g_assert_no_error (error);
  g_settings_set_string (settings, "server-url", stored);
  g_settings_set_boolean (settings, "account-configured", TRUE);
  g_settings_sync ();

  app = test_application_new ();
  window = activate (app);
  rolo_test_wait_until (window_shows_error, window, TIMEOUT_MS);
  g_assert_nonnull (strstr (rolo_window_get_status_description (window),
                            "could not be read"));
  g_assert_null (strstr (rolo_window_get_status_description (window), ROLO_TEST_SECRET_KEY));
  g_assert_cmpuint (rolo_sandbox_get_n_requests (sandbox), ==, 0);

  press (window, "win.reconnect");
  preferences = wait_for_preferences ();
  g_assert_cmpstr (gtk_editable_get_text (entry_row (preferences, "Server Address")), ==, stored);
  fill_in (preferences, url, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  g_assert_cmpstr (test_connection (preferences), ==, "Connected — 3 contacts");
  press (preferences, "prefs.save");
  rolo_test_wait_until (preferences_closed, NULL, TIMEOUT_MS);
  rolo_test_wait_until (window_browses, window, TIMEOUT_MS);

  destroy_toplevels ();
}

/* The user closes Preferences while the keyring is still saving: the save
 * they asked for goes through, and the window connects at once. */
static void
test_save_then_close (void)
{
  g_autoptr(RoloSandbox) sandbox = rolo_test_sandbox_new (6);
  g_autofree char *url = sandbox_url (sandbox);
  g_autofree char *stored = stored_form (url);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(RoloApplication) app = NULL;
  g_autoptr(RoloAccountKeys) keys = NULL;
  RoloPreferences *preferences;
  RoloWindow *window;

  reset_account ();
  app = test_application_new ();
  window = activate (app);
  preferences = open_preferences (app);
  fill_in (preferences, url, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  g_assert_cmpstr (test_connection (preferences), ==, "Connected — 6 contacts");
  press (preferences, "prefs.save");
  /* Still saving: nothing else can be started. */
  g_assert_false (button_usable (preferences, "prefs.test"));
  g_assert_false (g_settings_get_boolean (settings, "account-configured"));

  gtk_window_close (GTK_WINDOW (preferences));
  /* Gone from the screen at once, as the user asked. */
  g_assert_true (preferences_closed (NULL));

  rolo_test_wait_until (window_browses, window, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_count_text (window), ==, "6 contacts");
  g_assert_true (g_settings_get_boolean (settings, "account-configured"));
  keys = load_keys (stored);
  g_assert_nonnull (keys);
  g_assert_cmpstr (keys->secret_key, ==, ROLO_TEST_SECRET_KEY);
  /* The window it kept until then is gone too. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  destroy_toplevels ();
}

/* --- 401 while working ------------------------------------------------------------ */

static void
test_reconnect (void)
{
  g_autoptr(RoloSandbox) sandbox = rolo_test_sandbox_new (8);
  g_autofree char *url = sandbox_url (sandbox);
  g_autofree char *stored = stored_form (url);
  g_autoptr(RoloApplication) app = NULL;
  RoloPreferences *preferences;
  RoloWindow *window;
  guint n_requests;

  reset_account ();
  app = test_application_new ();
  window = connect_through_preferences (app, url, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  g_assert_cmpstr (rolo_window_get_state (window), ==, "browse");

  /* The pair is revoked in the web app while Rolo is open. */
  rolo_sandbox_set_keys (sandbox, "new-access-key", "new-secret-key");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  /* The rows on screen give way to the reason. */
  rolo_test_wait_until (window_shows_error, window, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_status_title (window), ==, "API Keys Rejected");

  /* It does not keep knocking. */
  n_requests = rolo_sandbox_get_n_requests (sandbox);
  g_usleep (QUIET_MS * G_TIME_SPAN_MILLISECOND);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (rolo_sandbox_get_n_requests (sandbox), ==, n_requests);

  /* Reconnect: the server as it was, the keys empty. */
  press (window, "win.reconnect");
  preferences = wait_for_preferences ();
  g_assert_cmpstr (gtk_editable_get_text (entry_row (preferences, "Server Address")), ==, stored);
  g_assert_cmpstr (gtk_editable_get_text (entry_row (preferences, "Access Key")), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (entry_row (preferences, "Secret Key")), ==, "");

  /* The new pair, tested and saved, brings the contacts back. */
  fill_in (preferences, url, "new-access-key", "new-secret-key");
  g_assert_cmpstr (test_connection (preferences), ==, "Connected — 8 contacts");
  press (preferences, "prefs.save");
  rolo_test_wait_until (preferences_closed, NULL, TIMEOUT_MS);
  rolo_test_wait_until (window_browses, window, TIMEOUT_MS);
  {
    g_autoptr(RoloAccountKeys) keys = load_keys (stored);

    g_assert_cmpstr (keys->secret_key, ==, "new-secret-key");
  }

  destroy_toplevels ();
}

static void
test_environment (void)
{
  g_autoptr(RoloSandbox) sandbox = rolo_test_sandbox_new (4);
  g_autofree char *url = sandbox_url (sandbox);
  g_autoptr(RoloApplication) app = NULL;
  RoloPreferences *preferences;
  RoloWindow *window;
  GtkWidget *notice;

  reset_account ();
  save_keys ("https://api.ysuite.org", "stored-access", "stored-secret");
  g_setenv ("YSUITE_BASE_URL", url, TRUE);
  g_setenv ("YSUITE_ACCESS_KEY", ROLO_TEST_ACCESS_KEY, TRUE);
  g_setenv ("YSUITE_SECRET_KEY", ROLO_TEST_SECRET_KEY, TRUE);

  app = test_application_new ();
  window = activate (app);
  rolo_test_wait_until (window_settled, window, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_count_text (window), ==, "4 contacts");

  preferences = open_preferences (app);
  /* It says the environment wins over what is stored. */
  notice = rolo_test_find_widget (GTK_WIDGET (preferences), is_row_titled,
                                  "Settings From the Environment Are in Use");
  g_assert_nonnull (notice);
  g_assert_true (gtk_widget_is_drawable (notice));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (notice)),
                            "overridden"));

  g_unsetenv ("YSUITE_BASE_URL");
  g_unsetenv ("YSUITE_ACCESS_KEY");
  g_unsetenv ("YSUITE_SECRET_KEY");
  destroy_toplevels ();
  reset_account ();
}

/* --- no key anywhere ---------------------------------------------------------------- */

/* A whole session: keys pasted and saved, contacts browsed, then a 401. */
static void
leak_session (void)
{
  g_autoptr(RoloSandbox) sandbox = rolo_test_sandbox_new (30);
  g_autofree char *url = sandbox_url (sandbox);
  g_autoptr(RoloApplication) app = NULL;
  RoloWindow *window;

  g_log_set_debug_enabled (TRUE);
  /* The search must find this: it proves the output is searched. */
  g_debug ("%s", CANARY);

  rolo_sandbox_set_keys (sandbox, LEAK_ACCESS_KEY, LEAK_SECRET_KEY);
  app = test_application_new ();
  window = connect_through_preferences (app, url, LEAK_ACCESS_KEY, LEAK_SECRET_KEY);
  g_assert_cmpstr (rolo_window_get_count_text (window), ==, "30 contacts");
  gtk_widget_activate_action (GTK_WIDGET (window), "sort.field", "s", "email");
  rolo_test_wait_until (window_settled, window, TIMEOUT_MS);

  rolo_sandbox_set_keys (sandbox, "revoked", "revoked");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  rolo_test_wait_until (window_shows_error, window, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_status_title (window), ==, "API Keys Rejected");
  press (window, "win.reconnect");
  wait_for_preferences ();

  destroy_toplevels ();
  g_settings_sync ();
}

static guint
count_in_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize needle_length = strlen (needle);
  guint n = 0;

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (data + i, needle, needle_length) == 0)
      n++;
  return n;
}

/* Occurrences of @needle in every file under @path. */
static guint
count_in_tree (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length;
  guint n = 0;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return 0;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          n += count_in_tree (child, needle);
        }
      return n;
    }
  /* Sockets and the like cannot be read; files can. */
  if (g_file_get_contents (path, &contents, &length, NULL))
    n = count_in_bytes (contents, length, needle);
  return n;
}

/* `gsettings list-recursively` of Rolo's schema, in a process of its own
 * (this one's settings may not have seen the session's writes yet), and the
 * keyfile it reads. */
static char *
dump_settings (void)
{
  g_autoptr(GSubprocess) gsettings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *keyfile = NULL;
  g_autofree char *keyfile_path = g_build_filename (g_get_user_config_dir (), "glib-2.0",
                                                    "settings", "keyfile", NULL);

  gsettings = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                "gsettings", "list-recursively", APPLICATION_ID, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (gsettings, NULL, NULL, &listing, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (gsettings));
  g_file_get_contents (keyfile_path, &keyfile, NULL, &error);
  g_assert_no_error (error);

  return g_strconcat (listing, keyfile, NULL);
}

static void
test_no_key_leaks (void)
{
  const char *home = g_get_home_dir ();
  g_autofree char *canary_path = NULL;
  g_autofree char *dump = NULL;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      leak_session ();
      return;
    }

  reset_account ();
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  /* stdout and stderr, debug messages included. */
  g_test_trap_assert_stdout_unmatched ("*" LEAK_SECRET_KEY "*");
  g_test_trap_assert_stderr_unmatched ("*" LEAK_SECRET_KEY "*");
  g_test_trap_assert_stdout_unmatched ("*" LEAK_ACCESS_KEY "*");
  g_test_trap_assert_stderr_unmatched ("*" LEAK_ACCESS_KEY "*");
  /* The session's debug output is there to search: its canary is. */
  g_test_trap_assert_stdout ("*" CANARY "*");

  /* The GSettings dump: the session's server is there, its keys are not. */
  dump = dump_settings ();
  g_assert_nonnull (strstr (dump, "account-configured true"));
  g_assert_nonnull (strstr (dump, "http://127.0.0.1:"));
  g_assert_cmpuint (count_in_bytes (dump, strlen (dump), LEAK_SECRET_KEY), ==, 0);
  g_assert_cmpuint (count_in_bytes (dump, strlen (dump), LEAK_ACCESS_KEY), ==, 0);

  /* HOME: settings, keyring files, caches. A planted canary proves the
   * search reads them. */
  g_assert_true (g_str_has_prefix (g_get_user_config_dir (), home));
  canary_path = g_build_filename (home, ".local", "share", "canary.txt", NULL);
  g_assert_true (g_file_set_contents (canary_path, "x " CANARY " x", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_in_tree (home, CANARY), ==, 1);
  g_assert_cmpuint (count_in_tree (home, "account-configured"), >=, 1);
  g_assert_cmpuint (count_in_tree (home, LEAK_SECRET_KEY), ==, 0);
  g_assert_cmpuint (count_in_tree (home, LEAK_ACCESS_KEY), ==, 0);
  g_remove (canary_path);

  reset_account ();
}

int
main (int   argc,
      char *argv[])
{
  const char *home = g_getenv ("HOME");
  const char *session = g_getenv ("ROLO_KEYRING_SESSION");

  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Never a real user's keyring or settings. */
  if (session == NULL || home == NULL || !g_str_has_prefix (home, session))
    {
      g_test_skip ("Run by tests/keyring-session.sh (a throwaway HOME and keyring)");
      g_printerr ("test-account needs tests/keyring-session.sh; see DEVELOPERS.md\n");
      return 77;
    }

  g_test_add_func ("/ui/account/keyring/round-trip", test_store_round_trip);
  g_test_add_func ("/ui/account/first-run", test_first_run);
  g_test_add_func ("/ui/account/sample-strip", test_sample_strip);
  g_test_add_func ("/ui/account/test-connection/good", test_connection_good);
  g_test_add_func ("/ui/account/test-connection/rejected", test_connection_rejected);
  g_test_add_func ("/ui/account/test-connection/unreachable", test_connection_unreachable);
  g_test_add_func ("/ui/account/test-connection/insecure", test_connection_insecure);
  g_test_add_func ("/ui/account/test-connection/no-organisation",
                   test_connection_no_organisation);
  g_test_add_func ("/ui/account/test-connection/add-on", test_connection_add_on);
  g_test_add_func ("/ui/account/test-connection/not-ysuite", test_connection_not_ysuite);
  g_test_add_func ("/ui/account/test-connection/certificate", test_connection_certificate);
  g_test_add_func ("/ui/account/save-and-disconnect", test_save_and_disconnect);
  g_test_add_func ("/ui/account/save-then-close", test_save_then_close);
  g_test_add_func ("/ui/account/keys-removed", test_keys_removed);
  g_test_add_func ("/ui/account/keys-unreadable", test_keys_unreadable);
  g_test_add_func ("/ui/account/reconnect", test_reconnect);
  g_test_add_func ("/ui/account/environment", test_environment);
  g_test_add_func ("/ui/account/no-key-leaks", test_no_key_leaks);

  return g_test_run ();
}
