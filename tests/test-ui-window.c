/* test-ui-window.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rolo-application.h"
#include "rolo-contact-editor.h"
#include "rolo-contact-view.h"
#include "rolo-test-ui.h"
#include "rolo-test-utils.h"
#include "rolo-window.h"

#define TIMEOUT_MS 10000

typedef struct
{
  RoloApplication *app;
  RoloWindow      *window;
  RoloSandbox     *sandbox;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->app = rolo_test_application_new ("Test");
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (rolo_window_new (fixture->app));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->app);
  g_clear_object (&fixture->sandbox);
}

static RoloClient *
client_for_sandbox (RoloSandbox *sandbox,
                    const char  *access_key,
                    const char  *secret_key)
{
  g_autofree char *base_url = rolo_sandbox_dup_base_url (sandbox);
  g_autoptr(GError) error = NULL;
  RoloClient *client = rolo_client_new (base_url, access_key, secret_key, &error);

  g_assert_no_error (error);
  return client;
}

static void
fixture_connect (Fixture     *fixture,
                 guint        n_contacts,
                 const char  *access_key,
                 const char  *secret_key)
{
  g_autoptr(RoloClient) client = NULL;

  fixture->sandbox = rolo_test_sandbox_new (n_contacts);
  client = client_for_sandbox (fixture->sandbox, access_key, secret_key);
  rolo_window_set_client (fixture->window, client);
  g_assert_true (rolo_window_get_client (fixture->window) == client);
}

/* The widget a user would press to trigger action_name. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action_name)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = find_button (child, action_name);

      if (button != NULL)
        return button;
    }

  return NULL;
}

static gboolean
can_retry (Fixture *fixture)
{
  GtkWidget *button = find_button (GTK_WIDGET (fixture->window), "win.retry");

  g_assert_nonnull (button);
  return gtk_widget_is_visible (button) && gtk_widget_is_sensitive (button);
}

static gboolean
window_settled (gpointer user_data)
{
  const char *state = rolo_window_get_state (user_data);

  return !g_str_equal (state, "welcome") && !g_str_equal (state, "loading");
}

static void
wait_until_settled (Fixture *fixture)
{
  rolo_test_wait_until (window_settled, fixture->window, TIMEOUT_MS);
}

static GtkWidget *
find_of_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
header_bar (Fixture *fixture)
{
  GtkWidget *header = find_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_HEADER_BAR);

  g_assert_nonnull (header);
  return header;
}

/* The header bar's search, type filter, New Contact and Refresh: on screen,
 * or not. */
static void
assert_list_tools (Fixture  *fixture,
                   gboolean  search_shown,
                   gboolean  refresh_shown)
{
  GtkWidget *header = header_bar (fixture);
  GtkWidget *search = find_of_type (header, GTK_TYPE_SEARCH_ENTRY);
  /* The three buttons, or in a narrow window the menu in their place. */
  GtkWidget *type_buttons = find_button (header, "win.type-filter");
  GtkWidget *type_menu = find_of_type (header, GTK_TYPE_MENU_BUTTON);
  GtkWidget *refresh = find_button (header, "win.refresh");
  /* Found as a screen reader finds it: by its name. */
  GtkWidget *new_contact = rolo_test_find_widget (header, rolo_test_is_named, "New Contact");
  GtkWidget *capture = gtk_search_entry_get_key_capture_widget (GTK_SEARCH_ENTRY (search));
  GtkWidget *focus;

  /* Mapped or unmapped at once: no main loop here, which could let the
   * state change under the caller's feet. */
  g_assert_true (gtk_widget_get_mapped (header));
  g_assert_cmpint (gtk_widget_is_drawable (search), ==, search_shown);
  g_assert_cmpint (gtk_widget_is_drawable (type_buttons) || gtk_widget_is_drawable (type_menu),
                   ==, search_shown);
  g_assert_false (gtk_widget_is_drawable (type_buttons) && gtk_widget_is_drawable (type_menu));
  g_assert_cmpint (gtk_widget_is_drawable (refresh), ==, refresh_shown);
  /* New Contact goes with Refresh: wherever a list or an empty one shows. */
  g_assert_true (rolo_test_is_button_for (new_contact, "win.new-contact"));
  g_assert_cmpint (gtk_widget_is_drawable (new_contact), ==, refresh_shown);
  /* Typing in the window starts a search only where one can be seen. */
  g_assert_true (capture == (search_shown ? GTK_WIDGET (fixture->window) : NULL));

  /* Ctrl+F does not pop up a hidden search. */
  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_cmpint (focus != NULL && (focus == search || gtk_widget_is_ancestor (focus, search)),
                   ==, search_shown);
}

static void
test_welcome (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_assert_null (rolo_window_get_client (fixture->window));
  g_assert_null (rolo_window_get_contacts (fixture->window));
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "welcome");
  /* Nothing to search or refresh yet; sample data and an account to connect. */
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (fixture->window),
                                                        "win.refresh")));
  g_assert_nonnull (find_button (GTK_WIDGET (fixture->window), "app.sample-data"));
  g_assert_nonnull (find_button (GTK_WIDGET (fixture->window), "app.preferences"));
  g_assert_cmpstr (rolo_window_get_status_title (fixture->window), ==, "Welcome to Rolo");
  /* What Rolo does and what connecting takes, in the window's own words. */
  g_assert_nonnull (strstr (rolo_window_get_status_description (fixture->window),
                            "YSUITE workspace"));
  g_assert_nonnull (strstr (rolo_window_get_status_description (fixture->window),
                            "Settings → API Keys"));
  g_assert_false (rolo_window_get_sample_mode (fixture->window));
  /* No list: no search, filter or Refresh on show, not even insensitive. */
  assert_list_tools (fixture, FALSE, FALSE);
}

static void
test_browse (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture_connect (fixture, 25, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "loading");
  g_assert_nonnull (strstr (rolo_window_get_status_description (fixture->window),
                            "127.0.0.1"));
  g_assert_cmpstr (rolo_window_get_count_text (fixture->window), ==, "");

  wait_until_settled (fixture);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "browse");
  g_assert_null (rolo_window_get_status_title (fixture->window));
  g_assert_cmpstr (rolo_window_get_count_text (fixture->window), ==, "25 contacts");
  g_assert_cmpuint (g_list_model_get_n_items (rolo_window_get_contacts (fixture->window)),
                    ==, 25);
}

static gboolean
shows_no_results (gpointer user_data)
{
  return g_str_equal (rolo_window_get_state (user_data), "no-results");
}

/* The header bar's tools come and go with the list. */
static void
test_list_tools (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GtkWidget *search;

  assert_list_tools (fixture, FALSE, FALSE);

  fixture_connect (fixture, 4, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "loading");
  assert_list_tools (fixture, FALSE, FALSE);
  wait_until_settled (fixture);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "browse");
  assert_list_tools (fixture, TRUE, TRUE);

  /* A search that finds nothing keeps the search at hand, to change it. */
  search = find_of_type (header_bar (fixture), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "no such contact anywhere");
  rolo_test_wait_until (shows_no_results, fixture->window, TIMEOUT_MS);
  assert_list_tools (fixture, TRUE, TRUE);

  /* Back to no account: gone again. */
  rolo_window_set_client (fixture->window, NULL);
  assert_list_tools (fixture, FALSE, FALSE);
}

/* Typing with the focus on the rows starts a search (GTK's key capture puts
 * the letter in the entry and says "search-started") and moves the typing
 * into the entry, so that the space of "Gupta Medical" is a space in the
 * search and not a row selected; what was typed stays, unselected, so the
 * next letter adds to it. */
static void
test_type_to_search (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *search;
  GtkWidget *rows;
  GtkWidget *focus;
  int start = -1, end = -1;

  fixture_connect (fixture, 4, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_until_settled (fixture);
  search = find_of_type (header_bar (fixture), GTK_TYPE_SEARCH_ENTRY);
  rows = GTK_WIDGET (rolo_contact_view_get_column_view (
    ROLO_CONTACT_VIEW (find_of_type (GTK_WIDGET (fixture->window), ROLO_TYPE_CONTACT_VIEW))));
  gtk_widget_grab_focus (rows);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus == rows || gtk_widget_is_ancestor (focus, rows));

  /* As the capture leaves it: the letter in, the focus still on the rows. */
  gtk_editable_set_text (GTK_EDITABLE (search), "g");
  gtk_editable_set_position (GTK_EDITABLE (search), -1);
  g_signal_emit_by_name (search, "search-started");

  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, search));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "g");
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (search), &start, &end));
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (search)), ==, 1);
}

static void
test_browse_one (Fixture       *fixture,
                    gconstpointer  user_data)
{
  fixture_connect (fixture, 1, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);

  wait_until_settled (fixture);
  g_assert_cmpstr (rolo_window_get_count_text (fixture->window), ==, "1 contact");
}

static void
test_browse_empty (Fixture       *fixture,
                      gconstpointer  user_data)
{
  fixture_connect (fixture, 0, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);

  wait_until_settled (fixture);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "empty");
  g_assert_cmpstr (rolo_window_get_status_title (fixture->window), ==, "No Contacts Yet");
  g_assert_cmpstr (rolo_window_get_count_text (fixture->window), ==, "0 contacts");
  /* Nothing to search; Refresh for contacts added in the web app. */
  assert_list_tools (fixture, FALSE, TRUE);
}

/* The primary action is a button at the start of the header bar, named for
 * screen readers, which opens a new contact's editor like Ctrl+N. */
static void
test_new_contact_button (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GtkWidget *header;
  GtkWidget *button;
  GtkWidget *first;
  GListModel *toplevels = gtk_window_get_toplevels ();
  RoloContactEditor *editor = NULL;

  fixture_connect (fixture, 3, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_until_settled (fixture);

  header = header_bar (fixture);
  button = rolo_test_find_widget (header, rolo_test_is_named, "New Contact");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "New Contact");
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "list-add-symbolic");
  g_assert_true (gtk_widget_get_focusable (button) || gtk_widget_get_focus_on_click (button));

  /* First of the start side, after the window's own controls. */
  first = gtk_widget_get_first_child (gtk_widget_get_parent (button));
  while (first != NULL && (!gtk_widget_is_drawable (first) || GTK_IS_WINDOW_CONTROLS (first)))
    first = gtk_widget_get_next_sibling (first);
  g_assert_true (first == button);

  g_signal_emit_by_name (button, "clicked");
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ROLO_IS_CONTACT_EDITOR (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (fixture->window))
        editor = ROLO_CONTACT_EDITOR (toplevel);
    }
  g_assert_nonnull (editor);
  g_assert_cmpint (rolo_contact_editor_get_id (editor), ==, 0);
  gtk_window_destroy (GTK_WINDOW (editor));
}

static gboolean
window_allocated (gpointer user_data)
{
  Fixture *fixture = user_data;

  return gtk_widget_get_width (GTK_WIDGET (fixture->window)) > 0;
}

static gboolean
header_folded (gpointer user_data)
{
  Fixture *fixture = user_data;

  return gtk_widget_is_drawable (find_of_type (header_bar (fixture), GTK_TYPE_MENU_BUTTON));
}

static gboolean
search_roomy (gpointer user_data)
{
  Fixture *fixture = user_data;

  return gtk_widget_get_width (GTK_WIDGET (fixture->window)) <= 500 &&
         gtk_widget_get_width (find_of_type (header_bar (fixture), GTK_TYPE_SEARCH_ENTRY)) >= 150;
}

/* Narrow, the header bar keeps New Contact and the search usable: Refresh
 * goes to the main menu. */
static void
test_narrow_header (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GtkWidget *header;
  GtkWidget *menu_button;
  GMenuModel *menu;

  fixture_connect (fixture, 3, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_until_settled (fixture);
  header = header_bar (fixture);
  g_assert_true (gtk_widget_is_drawable (find_button (header, "win.refresh")));

  /* As the user drags it narrower, past the header bar's full width (the
   * browse tests check the narrowest). */
  /* Once the window has its remembered size, which would override. */
  rolo_test_wait_until (window_allocated, fixture, TIMEOUT_MS);
  rolo_test_iterate_for (100);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 700, 600);
  rolo_test_wait_until (header_folded, fixture, TIMEOUT_MS);
  /* Folded, the header bar lets the window go narrower still. */
  rolo_test_iterate_for (100);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 480, 600);
  rolo_test_wait_until (search_roomy, fixture, TIMEOUT_MS);
  g_assert_true (gtk_widget_is_drawable (rolo_test_find_widget (header, rolo_test_is_named,
                                                                "New Contact")));
  g_assert_false (gtk_widget_is_drawable (find_button (header, "win.refresh")));

  menu_button = rolo_test_find_widget (header, rolo_test_is_named, "Main Menu");
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  g_assert_true (rolo_test_menu_has_action (menu, "win.refresh"));
}

static void
test_rejected_keys (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *description;

  fixture_connect (fixture, 5, "wrong-access-key", "wrong-secret-key");

  wait_until_settled (fixture);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "error");
  g_assert_cmpstr (rolo_window_get_status_title (fixture->window), ==, "API Keys Rejected");
  g_assert_true (gtk_widget_is_visible (find_button (GTK_WIDGET (fixture->window),
                                                     "win.reconnect")));
  description = rolo_window_get_status_description (fixture->window);
  g_assert_nonnull (strstr (description, "rejected"));
  /* What the user typed is not echoed back. */
  g_assert_null (strstr (description, "wrong-secret-key"));
  assert_list_tools (fixture, FALSE, FALSE);
}

static void
test_retry (Fixture       *fixture,
            gconstpointer  user_data)
{
  fixture_connect (fixture, 7, ROLO_TEST_ACCESS_KEY, "wrong-secret-key");
  wait_until_settled (fixture);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "error");
  g_assert_true (can_retry (fixture));

  /* The keys are fixed on the server side; Retry asks again. */
  rolo_sandbox_set_keys (fixture->sandbox, ROLO_TEST_ACCESS_KEY, "wrong-secret-key");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.retry", NULL));
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "loading");
  g_assert_false (can_retry (fixture));

  wait_until_settled (fixture);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "browse");
  g_assert_cmpstr (rolo_window_get_count_text (fixture->window), ==, "7 contacts");
}

static void
test_server_down (Fixture       *fixture,
                  gconstpointer  user_data)
{
  fixture_connect (fixture, 3, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  rolo_sandbox_stop (fixture->sandbox);

  wait_until_settled (fixture);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "error");
  g_assert_cmpstr (rolo_window_get_status_title (fixture->window), ==,
                   "Cannot Reach the Server");
  g_assert_true (can_retry (fixture));
  g_assert_false (gtk_widget_is_visible (find_button (GTK_WIDGET (fixture->window),
                                                      "win.reconnect")));
}

static void
test_back_to_welcome (Fixture       *fixture,
                      gconstpointer  user_data)
{
  fixture_connect (fixture, 3, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);

  /* Dropping the client while it loads cancels the request. */
  rolo_window_set_client (fixture->window, NULL);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "welcome");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "welcome");
}

static void
test_setup_error (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                                 "Set both keys <now>");

  rolo_window_show_error (fixture->window, error);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "error");
  g_assert_cmpstr (rolo_window_get_status_title (fixture->window), ==, "Could Not Connect");
  /* Shown as text, not as markup. */
  g_assert_cmpstr (rolo_window_get_status_description (fixture->window), ==,
                   "Set both keys &lt;now&gt;");
  /* Without a client there is nothing to retry. */
  g_assert_false (can_retry (fixture));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *n_notifies = user_data;

  (*n_notifies)++;
}

static void
test_state_notifies (Fixture       *fixture,
                     gconstpointer  user_data)
{
  guint n_notifies = 0;

  g_signal_connect (fixture->window, "notify::state", G_CALLBACK (count_notify), &n_notifies);

  fixture_connect (fixture, 2, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  g_assert_cmpuint (n_notifies, ==, 1);
  wait_until_settled (fixture);
  g_assert_cmpuint (n_notifies, ==, 2);

  g_signal_handlers_disconnect_by_data (fixture->window, &n_notifies);
}

static void
test_size_remembered (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(RoloWindow) window = NULL;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 640, 480);
  gtk_window_close (GTK_WINDOW (fixture->window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = g_object_ref_sink (rolo_window_new (fixture->app));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 480);
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

int
main (int   argc,
      char *argv[])
{
  rolo_test_gtk_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/window/welcome", test_welcome);
  ADD ("/ui/window/browse", test_browse);
  ADD ("/ui/window/browse/one", test_browse_one);
  ADD ("/ui/window/browse/empty", test_browse_empty);
  ADD ("/ui/window/list-tools", test_list_tools);
  ADD ("/ui/window/type-to-search", test_type_to_search);
  ADD ("/ui/window/new-contact-button", test_new_contact_button);
  ADD ("/ui/window/narrow-header", test_narrow_header);
  ADD ("/ui/window/error/rejected-keys", test_rejected_keys);
  ADD ("/ui/window/error/server-down", test_server_down);
  ADD ("/ui/window/error/setup", test_setup_error);
  ADD ("/ui/window/retry", test_retry);
  ADD ("/ui/window/back-to-welcome", test_back_to_welcome);
  ADD ("/ui/window/state-notifies", test_state_notifies);
  ADD ("/ui/window/size-remembered", test_size_remembered);

#undef ADD

  return g_test_run ();
}
