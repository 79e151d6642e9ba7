/* test-account.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The account, end to end: the keyring (a real gnome-keyring-daemon), the
 * Preferences window, the welcome page, sample mode, saving and the 401
 * Reconnect flow, through the real widgets, against the sandbox (what Test
 * Connection says of each server: test-account-connection.c). Run by
 * tests/keyring-session.sh in a throwaway HOME (see DEVELOPERS.md); it
 * refuses to run against a real user's keyring. */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "rolo-test-account.h"
#include "rolo-test-ui.h"

/* Longer than the contact list waits before asking again by itself. */
#define QUIET_MS 1500

/* Stands out in a search of everything the session wrote. */
#define LEAK_ACCESS_KEY "AK-leakcheck-7f3e2a91c4"
#define LEAK_SECRET_KEY "SK-leakcheck-b81d06e5fa42c9"
#define CANARY "CANARY-d41d8cd98f00b204"

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
  /* In gtk_test_init()'s en_US.UTF-8 (build-aux/dev deps makes it). */
  g_assert_cmpstr (rolo_window_get_count_text (window), ==, "1,000 contacts");
  g_assert_true (rolo_window_get_sample_mode (window));

  destroy_toplevels ();
}

/* --- saving, starting again, disconnecting -------------------------------------- */

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
  if (!account_test_init (&argc, &argv))
    return 77;

  g_test_add_func ("/ui/account/keyring/round-trip", test_store_round_trip);
  g_test_add_func ("/ui/account/first-run", test_first_run);
  g_test_add_func ("/ui/account/sample-strip", test_sample_strip);
  g_test_add_func ("/ui/account/save-and-disconnect", test_save_and_disconnect);
  g_test_add_func ("/ui/account/save-then-close", test_save_then_close);
  g_test_add_func ("/ui/account/keys-removed", test_keys_removed);
  g_test_add_func ("/ui/account/keys-unreadable", test_keys_unreadable);
  g_test_add_func ("/ui/account/reconnect", test_reconnect);
  g_test_add_func ("/ui/account/environment", test_environment);
  g_test_add_func ("/ui/account/no-key-leaks", test_no_key_leaks);

  return g_test_run ();
}
