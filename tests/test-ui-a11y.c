/* test-ui-a11y.c — every control named for screen readers, and reachable
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Walks the widgets of the main window, the contact editor (reading and
 * editing), the import and export dialogs and every page of the
 * preferences, as a screen reader meets them, and fails on any button,
 * toggle, check, switch, menu button, drop-down or entry without an
 * accessible name, and on any button that shows only an icon without a
 * tooltip. It also checks that Tab reaches the search, the type filter, the
 * list and the header bar's buttons, and that the shortcuts window lists
 * every shortcut the application has.
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rolo-application.h"
#include "rolo-contact-editor.h"
#include "rolo-export-dialog.h"
#include "rolo-import-dialog.h"
#include "rolo-preferences.h"
#include "rolo-test-ui.h"
#include "rolo-test-utils.h"
#include "rolo-window.h"

#define TIMEOUT_MS 10000

typedef struct
{
  RoloApplication *app;
  RoloSandbox     *sandbox;
  RoloClient      *client;
  RoloWindow      *window;
  char            *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;

  fixture->app = rolo_test_application_new ("A11y");
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  fixture->sandbox = rolo_test_sandbox_new (6);
  base_url = rolo_sandbox_dup_base_url (fixture->sandbox);
  fixture->client = rolo_client_new (base_url, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY,
                                     &error);
  g_assert_no_error (error);
  fixture->dir = g_dir_make_tmp ("rolo-a11y-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->sandbox);
  g_clear_object (&fixture->app);
  rolo_test_remove_tmp_dir (fixture->dir);
  g_free (fixture->dir);
}

/* The walk */

/* Where a problem is: the widget's type and the names of its ancestors'
 * types, innermost last. */
static char *
describe (GtkWidget *widget)
{
  GString *path = g_string_new (G_OBJECT_TYPE_NAME (widget));

  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    g_string_prepend (g_string_prepend (path, " > "), G_OBJECT_TYPE_NAME (up));
  return g_string_free (path, FALSE);
}

/* The text of the first label inside @widget, or NULL; a menu button's
 * popover is not the button's face. */
static const char *
label_text_inside (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (GTK_IS_POPOVER (widget))
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = label_text_inside (child);

      if (text != NULL && *text != '\0')
        return text;
    }
  return NULL;
}

/* A name as GTK 4.8 gives one to assistive technologies: the label
 * property, a labelled-by relation, or (for buttons and checks) the text
 * of their label. */
static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    return label_text_inside (widget) != NULL;
  return FALSE;
}

/* A button that shows an icon and no words. */
static gboolean
is_icon_only (GtkWidget *widget)
{
  if (!GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget))
    return FALSE;
  return label_text_inside (widget) == NULL;
}

/* The controls the issue names; a GtkText counts where it is the control
 * itself (an AdwEntryRow's), not inside an entry that is named. */
static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_MENU_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_PASSWORD_ENTRY (widget) || GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_TEXT_VIEW (widget) || GTK_IS_TEXT (widget);
}

/* A control whose insides are its own business: its parts are not what a
 * screen reader reads (GTK names them from the control). */
static gboolean
is_compound (GtkWidget *widget)
{
  return GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_ENTRY (widget) ||
         GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_PASSWORD_ENTRY (widget) ||
         GTK_IS_SPIN_BUTTON (widget) ||
         /* The window's own close, minimise and maximise: GTK names them. */
         GTK_IS_WINDOW_CONTROLS (widget);
}

static void
walk (GtkWidget *widget,
      GPtrArray *problems,
      guint     *n_controls)
{
  /* What is on screen: a stack's other pages are not. */
  if (!gtk_widget_get_mapped (widget))
    return;

  if (is_control (widget))
    {
      GtkWidget *named = widget;
      g_autofree char *where = describe (widget);

      (*n_controls)++;
      if (g_test_verbose ())
        g_test_message ("control %s “%s”", G_OBJECT_TYPE_NAME (widget),
                        label_text_inside (widget) ? label_text_inside (widget) : "");
      /* An AdwEntryRow's text is named by its row, whose title it shows. */
      if (GTK_IS_TEXT (widget))
        {
          GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW);

          if (row != NULL && *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) != '\0')
            named = NULL;
        }
      if (rolo_test_is_adw_row_button (widget))
        named = NULL;
      if (named != NULL && !has_name (named))
        g_ptr_array_add (problems, g_strdup_printf ("no accessible name: %s", where));
      if (is_icon_only (widget) && gtk_widget_get_tooltip_text (widget) == NULL &&
          gtk_widget_get_tooltip_markup (widget) == NULL)
        g_ptr_array_add (problems, g_strdup_printf ("icon only, no tooltip: %s", where));
    }
  if (is_compound (widget))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child, problems, n_controls);
}

/* Fails with every problem found in @root, which must hold controls. */
static void
assert_all_named (GtkWidget  *root,
                  const char *what)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  guint n_controls = 0;

  walk (root, problems, &n_controls);
  g_test_message ("%s: %u controls", what, n_controls);
  g_assert_cmpuint (n_controls, >, 0);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s: %s", what, (char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    {
      g_autofree char *first = g_strdup (g_ptr_array_index (problems, 0));

      g_error ("%s: %u controls a screen reader cannot name, first: %s", what, problems->len,
               first);
    }
}

/* The windows */

static gboolean
window_settled (gpointer user_data)
{
  const char *state = rolo_window_get_state (user_data);

  return g_str_equal (state, "browse");
}

static void
show_main_window (Fixture *fixture)
{
  fixture->window = g_object_ref_sink (rolo_window_new (fixture->app));
  gtk_window_present (GTK_WINDOW (fixture->window));
  rolo_window_set_client (fixture->window, fixture->client);
  rolo_test_wait_until (window_settled, fixture->window, TIMEOUT_MS);
  rolo_test_iterate_for (100);
}

static void
test_main_window (Fixture       *fixture,
                  gconstpointer  user_data)
{
  show_main_window (fixture);
  assert_all_named (GTK_WIDGET (fixture->window), "main window");

  /* Narrow, the type filter becomes a menu button. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 420, 600);
  rolo_test_iterate_for (300);
  assert_all_named (GTK_WIDGET (fixture->window), "narrow main window");
}

typedef struct
{
  RoloContactEditor *editor;
  const char        *state;
} EditorWait;

static gboolean
editor_in_state (gpointer user_data)
{
  EditorWait *wait = user_data;

  return g_str_equal (rolo_contact_editor_get_state (wait->editor), wait->state);
}

static RoloContactEditor *
open_editor (Fixture    *fixture,
             gint64      id,
             const char *state)
{
  RoloContactEditor *editor = g_object_ref_sink (rolo_contact_editor_new (fixture->client, id));
  EditorWait wait = { editor, state };

  gtk_window_set_default_size (GTK_WINDOW (editor), 600, 720);
  gtk_window_present (GTK_WINDOW (editor));
  rolo_test_wait_until (editor_in_state, &wait, TIMEOUT_MS);
  rolo_test_iterate_for (100);
  return editor;
}

static void
close_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static void
test_editor (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(GError) error = NULL;
  RoloContactEditor *editor;
  EditorWait wait;
  gint64 id;

  rolo_contact_set_contact_type (contact, ROLO_CONTACT_TYPE_INDIVIDUAL);
  rolo_contact_set_name (contact, "Layla Haddad");
  rolo_contact_set_email (contact, "layla@example.com");
  rolo_contact_set_mobile (contact, "501234567");
  rolo_contact_set_mobile_country_id (contact, 229);
  id = rolo_test_client_create (fixture->client, contact, &error);
  g_assert_no_error (error);

  editor = open_editor (fixture, id, "viewing");
  assert_all_named (GTK_WIDGET (editor), "editor, reading");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.edit", NULL);
  wait = (EditorWait) { editor, "editing" };
  rolo_test_wait_until (editor_in_state, &wait, TIMEOUT_MS);
  rolo_test_iterate_for (100);
  assert_all_named (GTK_WIDGET (editor), "editor, editing");
  close_window (editor);

  editor = open_editor (fixture, 0, "editing");
  assert_all_named (GTK_WIDGET (editor), "editor, new contact");
  close_window (editor);
}

static gboolean
import_mapping (gpointer user_data)
{
  return g_str_equal (rolo_import_dialog_get_page (user_data), "mapping");
}

static void
test_import_export (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *sheet = "Name,Type,Email,Mobile,Notes\n"
                      "Ada Lovelace,Individual,ada@example.com,+44 7700 900123,Maths\n";
  g_autofree char *path = g_build_filename (fixture->dir, "sheet.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autoptr(GError) error = NULL;
  RoloImportDialog *import;
  RoloExportDialog *export;

  g_file_set_contents (path, sheet, -1, &error);
  g_assert_no_error (error);
  import = g_object_ref_sink (rolo_import_dialog_new (fixture->client, file, NULL));
  gtk_window_present (GTK_WINDOW (import));
  rolo_test_wait_until (import_mapping, import, TIMEOUT_MS);
  rolo_test_iterate_for (100);
  assert_all_named (GTK_WIDGET (import), "import dialog");
  close_window (import);

  export = g_object_ref_sink (rolo_export_dialog_new (fixture->client, query, 6, NULL, 0));
  gtk_window_present (GTK_WINDOW (export));
  rolo_test_iterate_for (200);
  assert_all_named (GTK_WIDGET (export), "export dialog");
  close_window (export);
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  user_data)
{
  RoloPreferences *preferences;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  show_main_window (fixture);
  preferences = g_object_ref_sink (rolo_preferences_new (GTK_WINDOW (fixture->window),
                                                         "https://api.ysuite.org"));
  gtk_window_present (GTK_WINDOW (preferences));
  rolo_test_iterate_for (200);

  /* libadwaita 1.2 has no list of the pages: they are in its stack. */
  rolo_test_collect_widgets (GTK_WIDGET (preferences), rolo_test_is_type_named,
                             "AdwPreferencesPage", pages);
  g_assert_cmpuint (pages->len, >, 0);
  for (guint i = 0; i < pages->len; i++)
    {
      AdwPreferencesPage *page = g_ptr_array_index (pages, i);
      g_autofree char *what = NULL;

      /* The window's own pages, not its search results. */
      if (!ADW_IS_VIEW_STACK (gtk_widget_get_parent (GTK_WIDGET (page))))
        continue;
      what = g_strdup_printf ("preferences, page “%s”", adw_preferences_page_get_title (page));

      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), page);
      rolo_test_iterate_for (100);
      assert_all_named (GTK_WIDGET (preferences), what);
    }
  close_window (preferences);
}

/* Keyboard */

static gboolean
is_inside (GtkWidget *widget,
           GtkWidget *container)
{
  return widget != NULL && (widget == container || gtk_widget_is_ancestor (widget, container));
}

/* Tab, from nothing focused, goes round the window and passes the search,
 * a type filter button, the list and each of the header bar's buttons. */
static void
test_tab_reaches (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GtkWidget *window;
  GtkWidget *search, *column_view, *new_contact, *refresh, *menu, *filter;
  gboolean seen_search = FALSE, seen_list = FALSE, seen_new = FALSE, seen_refresh = FALSE;
  gboolean seen_menu = FALSE, seen_filter = FALSE;

  show_main_window (fixture);
  window = GTK_WIDGET (fixture->window);
  search = rolo_test_find_widget (window, rolo_test_is_type_named, "GtkSearchEntry");
  column_view = rolo_test_find_widget (window, rolo_test_is_type_named, "GtkColumnView");
  new_contact = rolo_test_find_widget (window, rolo_test_is_shown_button_for,
                                       "win.new-contact");
  refresh = rolo_test_find_widget (window, rolo_test_is_shown_button_for, "win.refresh");
  filter = rolo_test_find_widget (window, rolo_test_is_shown_button_for, "win.type-filter");
  menu = rolo_test_find_widget (window, rolo_test_is_primary_menu, NULL);
  g_assert_nonnull (search);
  g_assert_nonnull (column_view);
  g_assert_nonnull (new_contact);
  g_assert_nonnull (refresh);
  g_assert_nonnull (filter);
  g_assert_nonnull (menu);

  gtk_root_set_focus (GTK_ROOT (window), NULL);
  /* Each row of the list is a stop in GTK 4.8; six rows and the controls
   * fit well within this many presses. */
  for (guint i = 0; i < 80; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
        {
          /* At the end, the chain starts over, as GtkWindow does. */
          gtk_root_set_focus (GTK_ROOT (window), NULL);
          continue;
        }
      focus = gtk_root_get_focus (GTK_ROOT (window));
      seen_search |= is_inside (focus, search);
      seen_list |= is_inside (focus, column_view);
      seen_new |= is_inside (focus, new_contact);
      seen_refresh |= is_inside (focus, refresh);
      seen_menu |= is_inside (focus, menu);
      seen_filter |= focus != NULL && GTK_IS_TOGGLE_BUTTON (focus) &&
                     g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)),
                                "win.type-filter") == 0;
    }
  g_assert_true (seen_search);
  g_assert_true (seen_filter);
  g_assert_true (seen_list);
  g_assert_true (seen_new);
  g_assert_true (seen_refresh);
  g_assert_true (seen_menu);
}

/* Every shortcut the application sets is in its shortcuts window. */
static void
test_shortcuts_documented (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/rolo_app/Rolo/gtk/help-overlay.ui");
  g_auto(GStrv) actions = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) shown_actions = g_ptr_array_new_with_free_func (g_free);
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  guint n_accels = 0;

  g_assert_nonnull (overlay);
  /* The accelerators the window lists, each as GTK would parse it. */
  for (GSList *l = gtk_builder_get_objects (builder); l != NULL; l = g_slist_delete_link (l, l))
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;
        g_autofree char *action = NULL;
        g_auto(GStrv) each = NULL;

        /* An entry of an action shows the action's own accelerators. */
        g_object_get (l->data, "accelerator", &accelerator, "action-name", &action, NULL);
        if (action != NULL)
          g_ptr_array_add (shown_actions, g_steal_pointer (&action));
        if (accelerator == NULL)
          continue;
        each = g_strsplit (accelerator, " ", -1);
        for (guint i = 0; each[i] != NULL; i++)
          g_ptr_array_add (shown, g_strdup (each[i]));
      }

  show_main_window (fixture);
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (fixture->app));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app),
                                                                  actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint key = 0;
          GdkModifierType mods = 0;
          gboolean found = g_ptr_array_find_with_equal_func (shown_actions, actions[i],
                                                             g_str_equal, NULL);

          gtk_accelerator_parse (accels[j], &key, &mods);
          for (guint k = 0; k < shown->len && !found; k++)
            {
              guint shown_key = 0;
              GdkModifierType shown_mods = 0;

              gtk_accelerator_parse (g_ptr_array_index (shown, k), &shown_key, &shown_mods);
              found = shown_key == key && shown_mods == mods;
            }
          n_accels++;
          if (!found)
            g_error ("%s (%s) is not in the shortcuts window", accels[j], actions[i]);
        }
    }
  g_assert_cmpuint (n_accels, >, 5);
}

int
main (int   argc,
      char *argv[])
{
  rolo_test_gtk_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/a11y/main-window", test_main_window);
  ADD ("/ui/a11y/editor", test_editor);
  ADD ("/ui/a11y/import-export", test_import_export);
  ADD ("/ui/a11y/preferences", test_preferences);
  ADD ("/ui/a11y/tab-reaches", test_tab_reaches);
  ADD ("/ui/a11y/shortcuts-documented", test_shortcuts_documented);

#undef ADD

  return g_test_run ();
}
