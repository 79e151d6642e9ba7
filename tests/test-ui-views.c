/* test-ui-views.c
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
#include "rolo-contact-list.h"
#include "rolo-contact-view.h"
#include "rolo-test-ui.h"
#include "rolo-test-utils.h"
#include "rolo-window.h"

#define TIMEOUT_MS 20000

/* Saved views: the real window against an in-process sandbox, with the
 * memory GSettings backend (which outlives a window and its application,
 * as the disk does a restart). */
typedef struct
{
  RoloApplication *app;
  RoloWindow      *window;
  RoloSandbox     *sandbox;
  GSettings       *settings;
} Fixture;

static const char * const remembered_keys[] = {
  "saved-views", "columns", "sort-column", "sort-descending", "type-filter",
};

static void
reset_settings (GSettings *settings)
{
  for (guint i = 0; i < G_N_ELEMENTS (remembered_keys); i++)
    g_settings_reset (settings, remembered_keys[i]);
}

static gboolean
window_settled (gpointer user_data)
{
  const char *state = rolo_window_get_state (user_data);

  return !g_str_equal (state, "welcome") && !g_str_equal (state, "loading");
}

/* A window (and its application) showing the sandbox's contacts. */
static void
fixture_open_window (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloClient) client = NULL;

  fixture->app = rolo_test_application_new ("Views");
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (rolo_window_new (fixture->app));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  client = rolo_test_client_new_for (fixture->sandbox);
  rolo_window_set_client (fixture->window, client);
  rolo_test_wait_until (window_settled, fixture->window, TIMEOUT_MS);
}

static void
fixture_close_window (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->app);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->settings = g_settings_new (APPLICATION_ID);
  reset_settings (fixture->settings);
  fixture->sandbox = rolo_test_sandbox_new (30);
  fixture_open_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  fixture_close_window (fixture);
  g_clear_object (&fixture->sandbox);
  reset_settings (fixture->settings);
  g_clear_object (&fixture->settings);
}

/* --- what the user sees and does ------------------------------------------ */

static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *target)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), action,
                                                     target));
}

static GtkEditable *
search_entry (Fixture *fixture)
{
  GtkWidget *entry = rolo_test_find_widget (GTK_WIDGET (fixture->window),
                                            rolo_test_is_type_named, "GtkSearchEntry");

  g_assert_nonnull (entry);
  return GTK_EDITABLE (entry);
}

static RoloContactView *
contact_view (Fixture *fixture)
{
  GtkWidget *view = rolo_test_find_widget (GTK_WIDGET (fixture->window),
                                           rolo_test_is_type_named, "RoloContactView");

  g_assert_nonnull (view);
  return ROLO_CONTACT_VIEW (view);
}

static GtkMenuButton *
views_button (Fixture *fixture)
{
  GtkWidget *button = rolo_test_find_widget (GTK_WIDGET (fixture->window), rolo_test_is_named,
                                             "Saved Views");

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  return GTK_MENU_BUTTON (button);
}

static GtkWidget *
find_message_dialog (void)
{
  return rolo_test_alert_shown (NULL);
}

/* Types @name into the dialog @action opens and answers @response. */
static void
answer_name (Fixture    *fixture,
             const char *action,
             GVariant   *target,
             const char *name)
{
  GtkWidget *dialog;

  activate (fixture, action, target);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (rolo_alert_get_extra_child (dialog)), name);
  g_assert_true (rolo_alert_get_response_enabled (dialog, "save"));
  rolo_test_alert_respond (dialog, "save");
}

static GVariant *
stored_views (Fixture *fixture)
{
  return g_settings_get_value (fixture->settings, "saved-views");
}

static char *
stored_string (Fixture    *fixture,
               guint       position,
               const char *key)
{
  g_autoptr(GVariant) views = stored_views (fixture);
  g_autoptr(GVariant) view = NULL;
  char *value = NULL;

  g_assert_cmpuint (position, <, g_variant_n_children (views));
  view = g_variant_get_child_value (views, position);
  g_assert_true (g_variant_lookup (view, key, "s", &value));
  return value;
}

static void
assert_stored_names (Fixture    *fixture,
                     const char *names)
{
  g_autoptr(GVariant) views = stored_views (fixture);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < g_variant_n_children (views); i++)
    {
      g_autofree char *name = stored_string (fixture, i, "name");

      g_string_append_printf (joined, "%s%s", i > 0 ? "," : "", name);
    }
  g_assert_cmpstr (joined->str, ==, names);
}

/* A view as another version might have stored it. */
static void
store_view (Fixture    *fixture,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) views = g_variant_parse (G_VARIANT_TYPE ("aa{sv}"), text, NULL, NULL,
                                               &error);

  g_assert_no_error (error);
  g_settings_set_value (fixture->settings, "saved-views", views);
}

static RoloContactQuery *
list_query (Fixture *fixture)
{
  GListModel *contacts = rolo_window_get_contacts (fixture->window);

  return rolo_contact_list_get_query (ROLO_CONTACT_LIST (contacts));
}

static char *
shown_columns (Fixture *fixture)
{
  g_autoptr(GVariant) columns = rolo_contact_view_dup_columns (contact_view (fixture));
  GString *shown = g_string_new (NULL);
  GVariantIter iter;
  const char *id;
  gboolean visible;

  g_variant_iter_init (&iter, columns);
  while (g_variant_iter_next (&iter, "(&sbi)", &id, &visible, NULL))
    if (visible)
      g_string_append_printf (shown, "%s%s", shown->len > 0 ? "," : "", id);
  return g_string_free (shown, FALSE);
}

/* What the button says. */
static const char *
views_label (Fixture *fixture)
{
  GtkWidget *label = gtk_menu_button_get_child (views_button (fixture));

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
assert_modified (Fixture  *fixture,
                 gboolean  modified)
{
  const char *label = views_label (fixture);

  g_assert_cmpint (g_str_has_suffix (label, "•"), ==, modified);
}

/* The menu's first section: the views, by name. (transfer full) */
static GMenuModel *
menu_views (Fixture *fixture)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (views_button (fixture));

  g_assert_nonnull (menu);
  return g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
}

/* --- tests ------------------------------------------------------------------ */

/* Save View… names what is shown; the title and the button say it. */
static void
test_save (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autofree char *search = NULL;
  g_autofree char *type = NULL;

  gtk_editable_set_text (search_entry (fixture), "ann");
  rolo_window_set_type_filter (fixture->window, "business");
  answer_name (fixture, "win.save-view-as", NULL, "  Clients ");

  assert_stored_names (fixture, "Clients");
  search = stored_string (fixture, 0, "search");
  type = stored_string (fixture, 0, "type");
  g_assert_cmpstr (search, ==, "ann");
  g_assert_cmpstr (type, ==, "business");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Clients – Rolo");
  g_assert_cmpstr (views_label (fixture), ==, "Clients");
}

/* A blank name saves nothing. */
static void
test_save_blank (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GtkWidget *dialog;

  activate (fixture, "win.save-view-as", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (rolo_alert_get_extra_child (dialog)), "   ");
  g_assert_false (rolo_alert_get_response_enabled (dialog, "save"));
  rolo_test_alert_respond (dialog, "cancel");
  assert_stored_names (fixture, "");
}

/* The views outlive the window and its application. */
static void
test_restore_after_restart (Fixture       *fixture,
                            gconstpointer  user_data)
{
  gtk_editable_set_text (search_entry (fixture), "bob");
  answer_name (fixture, "win.save-view-as", NULL, "Bobs");
  gtk_editable_set_text (search_entry (fixture), "");
  fixture_close_window (fixture);

  fixture_open_window (fixture);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Rolo");
  activate (fixture, "win.open-view", g_variant_new_int32 (0));
  g_assert_cmpstr (gtk_editable_get_text (search_entry (fixture)), ==, "bob");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Bobs – Rolo");
}

/* Ctrl+1 opens the first view: each of its parts, and one new query. */
static void
test_shortcut_opens (Fixture       *fixture,
                     gconstpointer  user_data)
{
  RoloContactQuery *query;
  g_autofree char *columns = NULL;

  store_view (fixture, "[{'name': <'People by email'>, 'search': <'a'>, "
                       "'type': <'individual'>, 'sort-column': <'email'>, "
                       "'sort-descending': <true>, 'columns': <[('email', true, -1), "
                       "('name', true, -1), ('type', false, -1), ('mobile', true, 140), "
                       "('created', false, -1)]>}]");
  g_assert_true (rolo_test_press_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_1,
                                           GDK_CONTROL_MASK));

  g_assert_cmpstr (gtk_editable_get_text (search_entry (fixture)), ==, "a");
  g_assert_cmpstr (rolo_window_get_type_filter (fixture->window), ==, "individual");
  g_assert_cmpint (rolo_contact_view_get_sort_field (contact_view (fixture)), ==,
                   ROLO_CONTACT_SORT_EMAIL);
  g_assert_true (rolo_contact_view_get_sort_descending (contact_view (fixture)));
  columns = shown_columns (fixture);
  g_assert_cmpstr (columns, ==, "email,name,mobile");

  query = list_query (fixture);
  g_assert_cmpstr (rolo_contact_query_get_search (query), ==, "a");
  g_assert_cmpint (rolo_contact_query_get_contact_type (query), ==,
                   ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_assert_cmpint (rolo_contact_query_get_sort_by (query), ==, ROLO_CONTACT_SORT_EMAIL);
  g_assert_true (rolo_contact_query_get_sort_descending (query));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   "People by email – Rolo");
}

/* A search changed after opening marks the view; Save keeps the change,
 * Save as New View… makes another. */
static void
test_modified (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autofree char *saved = NULL;

  gtk_editable_set_text (search_entry (fixture), "ann");
  answer_name (fixture, "win.save-view-as", NULL, "Anns");
  assert_modified (fixture, FALSE);

  gtk_editable_set_text (search_entry (fixture), "anna");
  assert_modified (fixture, TRUE);
  /* Back as it was: nothing to save. */
  gtk_editable_set_text (search_entry (fixture), "ann");
  assert_modified (fixture, FALSE);

  gtk_editable_set_text (search_entry (fixture), "anna");
  activate (fixture, "win.save-view", NULL);
  assert_modified (fixture, FALSE);
  saved = stored_string (fixture, 0, "search");
  g_assert_cmpstr (saved, ==, "anna");

  rolo_window_set_type_filter (fixture->window, "business");
  assert_modified (fixture, TRUE);
  answer_name (fixture, "win.save-view-as", NULL, "Anna's companies");
  assert_stored_names (fixture, "Anns,Anna's companies");
  assert_modified (fixture, FALSE);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==,
                   "Anna's companies – Rolo");
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *search = NULL;

  gtk_editable_set_text (search_entry (fixture), "ann");
  answer_name (fixture, "win.save-view-as", NULL, "Anns");
  answer_name (fixture, "win.rename-view", g_variant_new_int32 (0), "Annes");

  assert_stored_names (fixture, "Annes");
  search = stored_string (fixture, 0, "search");
  g_assert_cmpstr (search, ==, "ann");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Annes – Rolo");
}

static void
test_reorder (Fixture       *fixture,
              gconstpointer  user_data)
{
  store_view (fixture, "[{'name': <'One'>}, {'name': <'Two'>, 'search': <'two'>}, "
                       "{'name': <'Three'>}]");
  activate (fixture, "win.move-view-down", g_variant_new_int32 (0));
  assert_stored_names (fixture, "Two,One,Three");
  activate (fixture, "win.move-view-up", g_variant_new_int32 (2));
  assert_stored_names (fixture, "Two,Three,One");
  /* Past either end: nothing moves. */
  activate (fixture, "win.move-view-up", g_variant_new_int32 (0));
  activate (fixture, "win.move-view-down", g_variant_new_int32 (2));
  assert_stored_names (fixture, "Two,Three,One");

  /* Ctrl+1 follows the order. */
  g_assert_true (rolo_test_press_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_1,
                                           GDK_CONTROL_MASK));
  g_assert_cmpstr (gtk_editable_get_text (search_entry (fixture)), ==, "two");
}

/* Deleting a view offers Undo, which puts it back where it was. */
static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  user_data)
{
  store_view (fixture, "[{'name': <'One'>}, {'name': <'Two'>, 'search': <'two'>}, "
                       "{'name': <'Three'>}]");
  activate (fixture, "win.open-view", g_variant_new_int32 (1));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Two – Rolo");

  activate (fixture, "win.delete-view", g_variant_new_int32 (1));
  assert_stored_names (fixture, "One,Three");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Rolo");

  rolo_test_iterate_for (600);
  activate (fixture, "win.undo-delete-view", NULL);
  assert_stored_names (fixture, "One,Two,Three");
  /* Once only. */
  activate (fixture, "win.undo-delete-view", NULL);
  assert_stored_names (fixture, "One,Two,Three");
}

/* A view with a column, a type and a sort this version does not know
 * still opens, with what it knows. */
static void
test_unknown_column (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *columns = NULL;
  g_autoptr(GMenuModel) views = NULL;

  store_view (fixture, "[{'name': <'Old'>, 'search': <'x'>, 'type': <'robot'>, "
                       "'sort-column': <'shoe-size'>, 'colour': <'red'>, "
                       "'columns': <[('fax', true, 100), ('mobile', true, -1), "
                       "('name', true, -1), ('email', false, -1)]>}, "
                       "{'search': <'nameless'>}]");
  views = menu_views (fixture);
  g_assert_cmpint (g_menu_model_get_n_items (views), ==, 1);
  activate (fixture, "win.open-view", g_variant_new_int32 (0));

  g_assert_cmpstr (gtk_editable_get_text (search_entry (fixture)), ==, "x");
  g_assert_cmpstr (rolo_window_get_type_filter (fixture->window), ==, "any");
  g_assert_cmpint (rolo_contact_view_get_sort_field (contact_view (fixture)), ==,
                   ROLO_CONTACT_SORT_NAME);
  columns = shown_columns (fixture);
  g_assert_true (g_str_has_prefix (columns, "mobile,name,"));
  g_assert_null (strstr (columns, "email"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Old – Rolo");
  /* Opened as it is shown: not changed. */
  assert_modified (fixture, FALSE);
  /* The nameless one is left out, so Ctrl+2 has nothing to open. */
  g_assert_true (rolo_test_press_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_2,
                                           GDK_CONTROL_MASK));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Old – Rolo");
}

static gboolean
window_folded (gpointer user_data)
{
  Fixture *fixture = user_data;

  return gtk_widget_get_width (GTK_WIDGET (fixture->window)) <= 500 &&
         !gtk_widget_get_visible (GTK_WIDGET (views_button (fixture)));
}

static gboolean
window_allocated (gpointer user_data)
{
  Fixture *fixture = user_data;

  return gtk_widget_get_width (GTK_WIDGET (fixture->window)) > 0;
}

static gboolean
button_iconic (gpointer user_data)
{
  Fixture *fixture = user_data;

  return gtk_widget_get_width (GTK_WIDGET (fixture->window)) < 840 &&
         gtk_widget_is_drawable (GTK_WIDGET (views_button (fixture))) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (views_button (fixture)),
                    "folder-saved-search-symbolic") == 0;
}

/* A long name on the button still lets the window fold up when it is
 * made narrow: folded, the button keeps its icon and names the view in its
 * tooltip; narrower, it leaves the search its room. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  user_data)
{
  const char *tooltip;
  GtkWidget *menu_button;
  GMenuModel *menu;

  store_view (fixture, "[{'name': <'Businesses in the north, by email'>}]");
  activate (fixture, "win.open-view", g_variant_new_int32 (0));
  gtk_editable_set_text (search_entry (fixture), "a");
  rolo_test_iterate_for (300);
  g_assert_cmpint (g_str_has_suffix (views_label (fixture), "•"), ==, TRUE);

  /* As the user drags it narrower: past the width where it folds, then on
   * (once the window has its remembered size, which would override). */
  rolo_test_wait_until (window_allocated, fixture, TIMEOUT_MS);
  rolo_test_iterate_for (100);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 700, 600);
  rolo_test_wait_until (button_iconic, fixture, TIMEOUT_MS);
  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (views_button (fixture)));
  g_assert_nonnull (strstr (tooltip, "Businesses in the north, by email"));
  g_assert_nonnull (strstr (tooltip, "changed"));

  rolo_test_iterate_for (100);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 480, 600);
  rolo_test_wait_until (window_folded, fixture, TIMEOUT_MS);
  /* Without the button, the main menu still has the views and saving. */
  menu_button = rolo_test_find_widget (GTK_WIDGET (fixture->window), rolo_test_is_named,
                                       "Main Menu");
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button));
  g_assert_true (rolo_test_menu_has_action (menu, "win.open-view"));
  g_assert_true (rolo_test_menu_has_action (menu, "win.save-view"));
  g_assert_true (rolo_test_menu_has_action (menu, "win.save-view-as"));
}

/* A screen reader finds the button by its name; its menu lists the views. */
static void
test_button (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GMenuModel) views = NULL;
  g_autofree char *label = NULL;

  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (views_button (fixture))));
  store_view (fixture, "[{'name': <'One'>}, {'name': <'Two'>}]");
  views = menu_views (fixture);
  g_assert_cmpint (g_menu_model_get_n_items (views), ==, 2);
  g_assert_true (g_menu_model_get_item_attribute (views, 1, G_MENU_ATTRIBUTE_LABEL, "s",
                                                  &label));
  g_assert_cmpstr (label, ==, "Two");
}

int
main (int   argc,
      char *argv[])
{
  rolo_test_gtk_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/views/save", test_save);
  ADD ("/ui/views/save/blank-name", test_save_blank);
  ADD ("/ui/views/restore-after-restart", test_restore_after_restart);
  ADD ("/ui/views/shortcut-opens", test_shortcut_opens);
  ADD ("/ui/views/modified", test_modified);
  ADD ("/ui/views/rename", test_rename);
  ADD ("/ui/views/reorder", test_reorder);
  ADD ("/ui/views/delete-undo", test_delete_undo);
  ADD ("/ui/views/unknown-column", test_unknown_column);
  ADD ("/ui/views/button", test_button);
  ADD ("/ui/views/narrow", test_narrow);

#undef ADD

  return g_test_run ();
}
