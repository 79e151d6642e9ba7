/* rolo-test-account.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include "rolo-application.h"
#include "rolo-test-account.h"
#include "rolo-test-ui.h"

gboolean
account_test_init (int    *argc,
                   char ***argv)
{
  const char *home = g_getenv ("HOME");
  const char *session = g_getenv ("ROLO_KEYRING_SESSION");

  g_setenv ("GTK_A11Y", "none", TRUE);
  rolo_skip_gl_for_cairo ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* Never a real user's keyring or settings. */
  if (session == NULL || home == NULL || !g_str_has_prefix (home, session))
    {
      g_test_skip ("Run by tests/keyring-session.sh (a throwaway HOME and keyring)");
      g_printerr ("%s needs tests/keyring-session.sh; see DEVELOPERS.md\n", g_get_prgname ());
      return FALSE;
    }
  return TRUE;
}

RoloApplication *
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

gboolean
is_row_titled (GtkWidget  *widget,
               const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The one on screen, if several do the same. */
static GtkWidget *
button_for (gpointer    widget,
            const char *action_name)
{
  GtkWidget *button = rolo_test_find_widget (GTK_WIDGET (widget), rolo_test_is_shown_button_for,
                                             action_name);

  if (button == NULL)
    button = rolo_test_find_widget (GTK_WIDGET (widget), rolo_test_is_button_for, action_name);

  g_assert_nonnull (button);
  return button;
}

/* What a user sees and can press. */
gboolean
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
void
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

GtkEditable *
entry_row (RoloPreferences *preferences,
           const char      *title)
{
  GtkWidget *row = rolo_test_find_widget (GTK_WIDGET (preferences), is_entry_row_titled, title);

  g_assert_nonnull (row);
  return GTK_EDITABLE (row);
}

static gboolean
widget_mapped (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data);
}

static gboolean
preferences_open (gpointer user_data)
{
  return rolo_test_find_toplevel (ROLO_TYPE_PREFERENCES) != NULL;
}

RoloPreferences *
wait_for_preferences (void)
{
  GtkWindow *preferences;

  rolo_test_wait_until (preferences_open, NULL, TIMEOUT_MS);
  preferences = rolo_test_find_toplevel (ROLO_TYPE_PREFERENCES);
  rolo_test_wait_until (widget_mapped, preferences, TIMEOUT_MS);
  return ROLO_PREFERENCES (preferences);
}

gboolean
preferences_closed (gpointer user_data)
{
  return rolo_test_find_toplevel (ROLO_TYPE_PREFERENCES) == NULL;
}

/* The confirmation dialog the last action put up, answered. */
void
respond (const char *response)
{
  GtkWidget *dialog = rolo_test_alert_shown (NULL);

  g_assert_nonnull (dialog);
  rolo_test_alert_respond (dialog, response);
}

static gboolean
test_settled (gpointer user_data)
{
  const char *title = rolo_preferences_get_result_title (user_data);

  return title != NULL && !g_str_equal (title, "Testing the connection…");
}

void
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
const char *
test_connection (RoloPreferences *preferences)
{
  press (preferences, "prefs.test");
  rolo_test_wait_until (test_settled, preferences, TIMEOUT_MS);
  return rolo_preferences_get_result_title (preferences);
}

gboolean
window_settled (gpointer user_data)
{
  const char *state = rolo_window_get_state (user_data);

  return !g_str_equal (state, "welcome") && !g_str_equal (state, "loading");
}

gboolean
window_shows_error (gpointer user_data)
{
  return g_str_equal (rolo_window_get_state (user_data), "error");
}

gboolean
window_welcomes (gpointer user_data)
{
  return g_str_equal (rolo_window_get_state (user_data), "welcome");
}

RoloWindow *
activate (RoloApplication *app)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_windows (GTK_APPLICATION (app))->data;
  g_assert_true (ROLO_IS_WINDOW (window));
  rolo_test_wait_until (widget_mapped, window, TIMEOUT_MS);
  return ROLO_WINDOW (window);
}

void
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

RoloAccountKeys *
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

void
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

guint
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
void
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

char *
sandbox_url (RoloSandbox *sandbox)
{
  return rolo_sandbox_dup_base_url (sandbox);
}

/* The address as Rolo keeps it once a client has parsed it. */
char *
stored_form (const char *url)
{
  return g_strconcat (url, "/", NULL);
}

gboolean
window_browses (gpointer user_data)
{
  return g_str_equal (rolo_window_get_state (user_data), "browse");
}

RoloPreferences *
open_preferences (RoloApplication *app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  return wait_for_preferences ();
}

RoloWindow *
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
