/* test-application.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "rolo-application.h"
#include "rolo-page-cache.h"
#include "rolo-preferences.h"
#include "rolo-switch-row.h"
#include "rolo-test-ui.h"
#include "rolo-test-utils.h"
#include "rolo-window.h"

#define TIMEOUT_MS 30000

static RoloClient *
client_from (GError     **error,
             const char  *first_name,
             ...)
{
  g_auto(GStrv) envp = g_new0 (char *, 1);
  const char *name = first_name;
  va_list args;

  va_start (args, first_name);
  while (name != NULL)
    {
      envp = g_environ_setenv (envp, name, va_arg (args, const char *), TRUE);
      name = va_arg (args, const char *);
    }
  va_end (args);

  return rolo_application_client_from_environ ((const char * const *) envp, error);
}

static void
test_environ_none (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloClient) client = client_from (&error, "HOME", "/home/someone", NULL);

  g_assert_no_error (error);
  g_assert_null (client);
}

static void
test_environ_empty_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloClient) client = client_from (&error,
                                              "YSUITE_BASE_URL", "",
                                              "YSUITE_ACCESS_KEY", "",
                                              "YSUITE_SECRET_KEY", "",
                                              NULL);

  g_assert_no_error (error);
  g_assert_null (client);
}

static void
test_environ_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloClient) client = client_from (&error,
                                              "YSUITE_ACCESS_KEY", "ak",
                                              "YSUITE_SECRET_KEY", "sk",
                                              NULL);

  g_assert_no_error (error);
  g_assert_nonnull (client);
  /* The client normalises the address it is given. */
  g_assert_cmpstr (rolo_client_get_base_url (client), ==, ROLO_DEFAULT_BASE_URL "/");
}

static void
test_environ_base_url (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloClient) client = client_from (&error,
                                              "YSUITE_BASE_URL", "http://127.0.0.1:8080",
                                              "YSUITE_ACCESS_KEY", "ak",
                                              "YSUITE_SECRET_KEY", "sk",
                                              NULL);

  g_assert_no_error (error);
  g_assert_nonnull (client);
  g_assert_cmpstr (rolo_client_get_base_url (client), ==, "http://127.0.0.1:8080/");
}

static void
test_environ_missing_secret (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloClient) client = client_from (&error,
                                              "YSUITE_ACCESS_KEY", "my-access-key",
                                              NULL);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (client);
  g_assert_nonnull (strstr (error->message, "YSUITE_SECRET_KEY"));
  /* Names the setting, never its value. */
  g_assert_null (strstr (error->message, "my-access-key"));
}

static void
test_environ_only_base_url (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloClient) client = client_from (&error,
                                              "YSUITE_BASE_URL", "https://ysuite.example.com",
                                              NULL);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (client);
}

static void
test_environ_insecure_url (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloClient) client = client_from (&error,
                                              "YSUITE_BASE_URL", "http://ysuite.example.com",
                                              "YSUITE_ACCESS_KEY", "ak",
                                              "YSUITE_SECRET_KEY", "sk",
                                              NULL);

  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_INVALID_URL);
  g_assert_null (client);
}

static RoloApplication *
registered_application (void)
{
  g_autoptr(GError) error = NULL;
  RoloApplication *app = rolo_test_application_new ("Test");

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

static void
test_actions (void)
{
  g_autoptr(RoloApplication) app = registered_application ();
  g_auto(GStrv) accels = NULL;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "sample-data"));

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>q"));
  g_clear_pointer (&accels, g_strfreev);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.refresh");
  g_assert_true (g_strv_contains ((const char * const *) accels, "F5"));
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>r"));
  g_clear_pointer (&accels, g_strfreev);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.search");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>f"));
}

static void
test_preferences (void)
{
  g_autoptr(RoloApplication) app = registered_application ();
  g_autoptr(GList) toplevels = NULL;
  GtkWindow *window, *dialog = NULL;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ROLO_IS_PREFERENCES (l->data))
      dialog = l->data;

  /* The account settings, over the window (tests/test-account.c drives them). */
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (dialog)), ==,
                   GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_window_destroy (dialog);
  gtk_window_destroy (window);
}

static GtkWidget *
find_typed (GtkWidget  *widget,
            const char *type_name)
{
  return rolo_test_find_widget (widget, rolo_test_is_type_named, type_name);
}

/* Preferences' Contacts page holds how new contacts start: email only by
 * default, and each switch is the setting the editor reads. */
static void
test_preferences_new_contacts (void)
{
  g_autoptr(RoloApplication) app = registered_application ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GList) toplevels = NULL;
  GtkWindow *window, *dialog = NULL;
  GtkWidget *page, *row;
  GtkWidget *rows[3] = { NULL };
  guint n_rows = 0;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ROLO_IS_PREFERENCES (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);

  page = find_typed (GTK_WIDGET (dialog), "RoloContactsPage");
  g_assert_nonnull (page);
  for (row = find_typed (page, "RoloSwitchRow"); row != NULL && n_rows < 3;
       row = gtk_widget_get_next_sibling (row))
    rows[n_rows++] = row;
  g_assert_cmpuint (n_rows, ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[1])), ==,
                   "SMS Notifications");
  g_assert_true (rolo_switch_row_get_active (ROLO_SWITCH_ROW (rows[0])));
  g_assert_false (rolo_switch_row_get_active (ROLO_SWITCH_ROW (rows[1])));
  g_assert_false (rolo_switch_row_get_active (ROLO_SWITCH_ROW (rows[2])));

  rolo_switch_row_set_active (ROLO_SWITCH_ROW (rows[1]), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "new-contact-sms-notify"));
  g_settings_set_boolean (settings, "new-contact-email-notify", FALSE);
  g_assert_false (rolo_switch_row_get_active (ROLO_SWITCH_ROW (rows[0])));

  g_settings_reset (settings, "new-contact-email-notify");
  g_settings_reset (settings, "new-contact-sms-notify");
  gtk_window_destroy (dialog);
  gtk_window_destroy (window);
}

static GtkWindow *
open_preferences (RoloApplication *app)
{
  g_autoptr(GList) toplevels = NULL;
  GtkWindow *dialog = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ROLO_IS_PREFERENCES (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  return dialog;
}

static gboolean
is_entry_row_titled (GtkWidget  *widget,
                     const char *title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
has_tooltip (GtkWidget  *widget,
             const char *tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkWidget *
tag_row (GtkWidget *page,
         gint64     id)
{
  g_autofree char *title = g_strdup_printf ("Tag %" G_GINT64_FORMAT, id);

  return rolo_test_find_widget (page, is_entry_row_titled, title);
}

static void
name_tag (GtkWidget  *page,
          gint64      id,
          const char *name)
{
  GtkWidget *number = find_typed (page, "GtkSpinButton");
  GtkWidget *entry = gtk_widget_get_next_sibling (number);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (number), id);
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  g_signal_emit_by_name (entry, "activate");
}

/* Preferences names the tags of the workspace in use: added by number,
 * renamed, removed, never two of one name, kept in the settings under the
 * account, and at once what the window shows. */
static void
test_preferences_tag_names (void)
{
  g_autoptr(RoloApplication) app = registered_application ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(RoloClient) client = NULL;
  g_autoptr(GVariant) stored = NULL;
  g_autoptr(GVariant) mine = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window, *dialog;
  GtkWidget *page, *entry, *row, *error_label, *button;
  RoloTagNames *names;

  g_settings_reset (settings, "tag-names");
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* No workspace, nothing to name. */
  rolo_window_set_client (ROLO_WINDOW (window), NULL);
  dialog = open_preferences (app);
  page = find_typed (GTK_WIDGET (dialog), "RoloContactsPage");
  g_assert_false (gtk_widget_is_sensitive (find_typed (page, "GtkSpinButton")));
  gtk_window_destroy (dialog);

  client = rolo_client_new ("http://127.0.0.1:9", ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY, &error);
  g_assert_no_error (error);
  rolo_window_set_client (ROLO_WINDOW (window), client);
  dialog = open_preferences (app);
  page = find_typed (GTK_WIDGET (dialog), "RoloContactsPage");
  g_assert_true (gtk_widget_is_sensitive (find_typed (page, "GtkSpinButton")));
  entry = gtk_widget_get_next_sibling (find_typed (page, "GtkSpinButton"));
  error_label = gtk_widget_get_next_sibling (gtk_widget_get_parent (entry));

  name_tag (page, 12, "Newsletter");
  name_tag (page, 3, "VIP");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  row = tag_row (page, 12);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Newsletter");
  /* In order of number. */
  g_assert_true (gtk_widget_get_next_sibling (tag_row (page, 3)) == row);

  stored = g_settings_get_value (settings, "tag-names");
  mine = g_variant_lookup_value (stored, rolo_client_get_base_url (client),
                                 G_VARIANT_TYPE ("a{xs}"));
  g_assert_nonnull (mine);
  g_assert_cmpuint (g_variant_n_children (mine), ==, 2);
  names = rolo_window_get_tag_names (ROLO_WINDOW (window));
  g_assert_cmpstr (rolo_tag_names_lookup (names, 12), ==, "Newsletter");

  /* A name taken: said, and the typing stays. */
  name_tag (page, 7, "vip");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "Tag 3"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "vip");
  g_assert_null (rolo_tag_names_lookup (names, 7));
  g_assert_null (tag_row (page, 7));

  /* Renamed in its row. */
  gtk_editable_set_text (GTK_EDITABLE (tag_row (page, 12)), "Monthly Letter");
  g_signal_emit_by_name (tag_row (page, 12), "apply");
  g_assert_cmpstr (rolo_tag_names_lookup (names, 12), ==, "Monthly Letter");
  g_assert_false (gtk_widget_get_visible (error_label));

  /* Removed. */
  row = tag_row (page, 3);
  button = rolo_test_find_widget (row, has_tooltip, "Remove Name");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_null (tag_row (page, 3));
  g_assert_null (rolo_tag_names_lookup (names, 3));

  /* Another workspace has names of its own. */
  g_clear_object (&client);
  client = rolo_client_new ("http://127.0.0.1:10", ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY, &error);
  g_assert_no_error (error);
  rolo_window_set_client (ROLO_WINDOW (window), client);
  g_assert_null (rolo_tag_names_lookup (rolo_window_get_tag_names (ROLO_WINDOW (window)), 12));

  g_settings_reset (settings, "tag-names");
  gtk_window_destroy (dialog);
  gtk_window_destroy (window);
}

static void
test_about (void)
{
  g_autoptr(RoloApplication) app = registered_application ();
  g_autoptr(GList) toplevels = NULL;
  GtkWindow *window, *about = NULL;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      about = l->data;

  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == window);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (ADW_ABOUT_WINDOW (about)), ==,
                   PACKAGE_WEBSITE);
  g_assert_cmpstr (adw_about_window_get_issue_url (ADW_ABOUT_WINDOW (about)), ==,
                   PACKAGE_WEBSITE "/issues");
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==,
                   APPLICATION_ID);
  /* What's New: the metainfo's newest release (check-metainfo compares the text). */
  g_assert_cmpstr (adw_about_window_get_release_notes_version (ADW_ABOUT_WINDOW (about)), ==,
                   PACKAGE_VERSION);
  g_assert_nonnull (strstr (adw_about_window_get_release_notes (ADW_ABOUT_WINDOW (about)),
                            "<li>Delete contacts with Undo</li>"));
  gtk_window_destroy (about);
  gtk_window_destroy (window);
}

static void
test_activate_welcome (void)
{
  g_autoptr(RoloApplication) app = registered_application ();
  GtkWindow *window;

  /* The test environment holds no YSUITE_* settings. */
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (ROLO_IS_WINDOW (window));
  g_assert_cmpstr (rolo_window_get_state (ROLO_WINDOW (window)), ==, "welcome");

  /* A second activation presents the same window. */
  g_application_activate (G_APPLICATION (app));
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == window);

  gtk_window_destroy (window);
}

static gboolean
window_browsing (gpointer user_data)
{
  return g_str_equal (rolo_window_get_state (user_data), "browse");
}

static void
test_sample_data (void)
{
  g_autoptr(RoloApplication) app = registered_application ();
  g_autoptr(RoloPageCache) page_cache = NULL;
  RoloWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = ROLO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_cmpstr (rolo_window_get_state (window), ==, "welcome");

  /* The welcome page's "Try With Sample Data". */
  g_action_group_activate_action (G_ACTION_GROUP (app), "sample-data", NULL);
  g_assert_cmpstr (rolo_window_get_state (window), ==, "loading");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "sample-data"));

  rolo_test_wait_until (window_browsing, window, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_count_text (window), ==, "1000 contacts");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "sample-data"));

  /* Sample pages would only push a real account's out of the disk cache. */
  g_object_get (rolo_window_get_contacts (window), "page-cache", &page_cache, NULL);
  g_assert_null (page_cache);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkApplication *app;
  char           *summary;
  gboolean        timed_out;
  guint           poll_id;
  guint           timeout_id;
} RunResult;

static gboolean
poll_window (gpointer user_data)
{
  RunResult *result = user_data;
  GtkWindow *window = gtk_application_get_active_window (result->app);
  const char *state;

  if (window == NULL)
    return G_SOURCE_CONTINUE;
  state = rolo_window_get_state (ROLO_WINDOW (window));
  if (g_str_equal (state, "welcome") || g_str_equal (state, "loading"))
    return G_SOURCE_CONTINUE;

  result->summary = g_strdup_printf ("%s: %s", state,
                                     g_str_equal (state, "browse")
                                     ? rolo_window_get_count_text (ROLO_WINDOW (window))
                                     : rolo_window_get_status_title (ROLO_WINDOW (window)));
  gtk_window_destroy (window);
  result->poll_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
run_timeout (gpointer user_data)
{
  RunResult *result = user_data;

  result->timed_out = TRUE;
  result->timeout_id = 0;
  g_application_quit (G_APPLICATION (result->app));
  return G_SOURCE_REMOVE;
}

/* Runs the application as `rolo ARGS…` until its window settles; returns
 * "STATE: WHAT IT SHOWED" (the count while browsing, else the status title). */
static char *
run_application (const char * const *args,
                 int                *exit_status)
{
  g_autoptr(RoloApplication) app = rolo_test_application_new ("Test");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  RunResult result = { GTK_APPLICATION (app), NULL, FALSE, 0, 0 };

  g_ptr_array_add (argv, (gpointer) "rolo");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  result.poll_id = g_timeout_add (20, poll_window, &result);
  result.timeout_id = g_timeout_add (TIMEOUT_MS, run_timeout, &result);
  *exit_status = g_application_run (G_APPLICATION (app), argv->len - 1,
                                    (char **) argv->pdata);
  g_clear_handle_id (&result.poll_id, g_source_remove);
  g_clear_handle_id (&result.timeout_id, g_source_remove);

  g_assert_false (result.timed_out);
  return result.summary;
}

static void
test_sandbox (void)
{
  const char * const fresh[] = { "--sandbox", "--seed", "30", NULL };
  const char * const again[] = { "--sandbox", NULL };
  const char * const empty[] = { "--sandbox", "--seed", "0", NULL };
  g_autofree char *db_path = g_build_filename (g_get_user_data_dir (), "rolo", "sandbox.db",
                                               NULL);
  g_autofree char *title = NULL;
  int status;

  title = run_application (fresh, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (title, ==, "browse: 30 contacts");
  g_assert_true (g_file_test (db_path, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&title, g_free);

  /* Without --seed the store is kept as it is. */
  title = run_application (again, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (title, ==, "browse: 30 contacts");
  g_clear_pointer (&title, g_free);

  /* --seed 0 starts over with nothing. */
  title = run_application (empty, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (title, ==, "empty: No Contacts Yet");
}

static void
test_seed_needs_sandbox (void)
{
  if (g_test_subprocess ())
    {
      const char * const args[] = { "--seed", "10", NULL };
      int status;

      g_free (run_application (args, &status));
      exit (status);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*--sandbox*");
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* No accessibility bus, and no GL: Mesa's software driver, loaded and
   * dropped while GDK probes for GL, leaks in a way LeakSanitizer cannot
   * attribute. The cairo renderer draws these widgets just as well. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  rolo_skip_gl_for_cairo ();
  g_test_init (&argc, &argv, NULL);

  /* The sample store goes to a data directory of our own, never the user's.
   * (Not G_TEST_OPTION_ISOLATE_DIRS: it also hides the system's MIME data,
   * which image loading needs.) Subprocesses inherit the parent's. */
  if (!g_test_subprocess ())
    {
      data_home = g_dir_make_tmp ("rolo-test-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("XDG_DATA_HOME", data_home, TRUE);
    }

  /* The C locale: numbers without thousands separators. */
  gtk_disable_setlocale ();
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/application/environ/none", test_environ_none);
  g_test_add_func ("/ui/application/environ/empty-values", test_environ_empty_values);
  g_test_add_func ("/ui/application/environ/keys", test_environ_keys);
  g_test_add_func ("/ui/application/environ/base-url", test_environ_base_url);
  g_test_add_func ("/ui/application/environ/missing-secret", test_environ_missing_secret);
  g_test_add_func ("/ui/application/environ/only-base-url", test_environ_only_base_url);
  g_test_add_func ("/ui/application/environ/insecure-url", test_environ_insecure_url);
  g_test_add_func ("/ui/application/actions", test_actions);
  g_test_add_func ("/ui/application/about", test_about);
  g_test_add_func ("/ui/application/preferences", test_preferences);
  g_test_add_func ("/ui/application/preferences/new-contacts", test_preferences_new_contacts);
  g_test_add_func ("/ui/application/preferences/tag-names", test_preferences_tag_names);
  g_test_add_func ("/ui/application/activate/welcome", test_activate_welcome);
  g_test_add_func ("/ui/application/sample-data", test_sample_data);
  g_test_add_func ("/ui/application/sandbox", test_sandbox);
  g_test_add_func ("/ui/application/seed-needs-sandbox", test_seed_needs_sandbox);

  status = g_test_run ();
  if (data_home != NULL)
    remove_tree (data_home);

  return status;
}
