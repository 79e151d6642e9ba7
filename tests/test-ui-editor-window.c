/* test-ui-editor-window.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The editor as the main window opens it: Discard, closing and quitting with
 * unsaved changes, what frees the editor, the list after a save, shortcuts. */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include "rolo-test-editor.h"
#include "rolo-window.h"

static void
test_discard (Fixture       *fixture,
              gconstpointer  user_data)
{
  GtkWidget *dialog;

  open_editor (fixture, 0);
  /* Nothing typed: closes at once. */
  gtk_window_close (GTK_WINDOW (fixture->editor));
  g_assert_null (discard_dialog (fixture));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  close_editor (fixture);

  open_editor (fixture, 0);
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Half a na");
  activate (fixture, "editor.cancel");
  dialog = discard_dialog (fixture);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (rolo_alert_get_heading (dialog), ==,
                   "Discard changes?");
  g_assert_cmpint (rolo_alert_get_response_appearance (dialog, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);

  rolo_test_alert_respond (dialog, "keep");
  rolo_test_iterate_for (50);
  g_assert_null (discard_dialog (fixture));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, "Half a na");

  /* The window's own close button asks too. */
  gtk_window_close (GTK_WINDOW (fixture->editor));
  dialog = discard_dialog (fixture);
  g_assert_nonnull (dialog);
  rolo_test_alert_respond (dialog, "discard");
  rolo_test_iterate_for (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  g_assert_cmpuint (count_requests (fixture, "POST"), ==, 0);
}

/* --- the main window opens the editor -------------------------------------- */

static gboolean
window_settled (gpointer user_data)
{
  RoloWindow *window = user_data;
  const char *state = rolo_window_get_state (window);

  return !g_str_equal (state, "welcome") && !g_str_equal (state, "loading");
}

/* The editor the window opened, transient for it. */
static RoloContactEditor *
window_editor (RoloWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ROLO_IS_CONTACT_EDITOR (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return ROLO_CONTACT_EDITOR (toplevel);
    }

  return NULL;
}

static gboolean
is_label_starting (GtkWidget  *widget,
                   const char *prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

typedef struct
{
  RoloWindow *window;
  guint       n_items;
  const char *toast;    /* shown as well, unless NULL */
} RowsWait;

static gboolean
window_has_rows (gpointer user_data)
{
  RowsWait *wait = user_data;
  GListModel *contacts = rolo_window_get_contacts (wait->window);

  return contacts != NULL && g_list_model_get_n_items (contacts) == wait->n_items &&
         (wait->toast == NULL ||
          rolo_test_find_widget (GTK_WIDGET (wait->window), is_label_starting, wait->toast));
}

static GtkColumnView *
window_column_view (RoloWindow *window)
{
  GtkWidget *view = rolo_test_find_widget (GTK_WIDGET (window), rolo_test_is_type_named,
                                           "GtkColumnView");

  g_assert_nonnull (view);
  return GTK_COLUMN_VIEW (view);
}

typedef struct
{
  RoloWindow *window;
  gint64      id;
} Selected;

/* The one selected row is the contact's. */
static gboolean
contact_selected (gpointer user_data)
{
  Selected *selected = user_data;
  GtkSelectionModel *selection = gtk_column_view_get_model (window_column_view (selected->window));
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (selection);
  g_autoptr(RoloContact) contact = NULL;

  if (gtk_bitset_get_size (set) != 1)
    return FALSE;

  contact = g_list_model_get_item (G_LIST_MODEL (selection), gtk_bitset_get_nth (set, 0));
  return contact != NULL && rolo_contact_get_id (contact) == selected->id;
}

static void
test_window (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(RoloApplication) app = rolo_test_application_new ("Editor");
  g_autoptr(RoloWindow) window = NULL;
  g_autoptr(GError) error = NULL;
  RoloContact *known;
  Selected selected;
  RowsWait wait;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  window = g_object_ref_sink (rolo_window_new (app));
  rolo_window_set_client (window, fixture->client);
  gtk_window_present (GTK_WINDOW (window));
  rolo_test_wait_until (window_settled, window, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_state (window), ==, "empty");

  /* New Contact: the editor opens over the window; saving shows in the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-contact", NULL));
  fixture->editor = g_object_ref (window_editor (window));
  g_assert_nonnull (fixture->editor);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->editor)));
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (saved_cb), fixture);
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");
  activate (fixture, "editor.save");
  rolo_test_wait_until (saved_once, fixture, TIMEOUT_MS);
  wait = (RowsWait) { window, 1, "Sarah Johnson created" };
  rolo_test_wait_until (window_has_rows, &wait, TIMEOUT_MS);
  g_assert_null (window_editor (window));
  close_editor (fixture);
  /* The saved contact is on screen: selected. */
  selected = (Selected) { window, rolo_contact_get_id (fixture->saved) };
  rolo_test_wait_until (contact_selected, &selected, TIMEOUT_MS);

  /* Opening a row's contact shows it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-contact", "x",
                                             rolo_contact_get_id (fixture->saved)));
  fixture->editor = g_object_ref (window_editor (window));
  g_assert_nonnull (fixture->editor);
  /* What the list has shows at once, while the rest loads. */
  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "loading");
  known = rolo_contact_details_get_contact (rolo_contact_editor_get_details (fixture->editor));
  g_assert_nonnull (known);
  g_assert_cmpstr (rolo_contact_get_name (known), ==, "Sarah Johnson");
  wait_settled (fixture);
  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "viewing");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");

  close_editor (fixture);
  gtk_window_destroy (GTK_WINDOW (window));
  clear_and_wait_finalized (&window);
}

/* The window with @n_contacts, its client the fixture's. */
static RoloWindow *
window_new (Fixture         *fixture,
            RoloApplication *app,
            guint            n_rows)
{
  g_autoptr(GError) error = NULL;
  RoloWindow *window;
  RowsWait wait;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  window = g_object_ref_sink (rolo_window_new (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  rolo_window_set_client (window, fixture->client);
  gtk_window_present (GTK_WINDOW (window));
  rolo_test_wait_until (window_settled, window, TIMEOUT_MS);
  wait = (RowsWait) { window, n_rows, NULL };
  rolo_test_wait_until (window_has_rows, &wait, TIMEOUT_MS);

  return window;
}

static gboolean
address_sized (gpointer user_data)
{
  Fixture *fixture = user_data;
  GtkWidget *view = field (fixture, ROLO_CONTACT_FIELD_ADDRESS);
  int natural = 0;

  if (gtk_widget_get_width (view) == 0)
    return FALSE;
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), NULL,
                      &natural, NULL, NULL);
  return gtk_widget_get_height (view) == natural;
}

/* Editing a contact of the list: saved, it is selected where it shows. */
static void
test_window_edit_selects (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(RoloApplication) app = rolo_test_application_new ("Editor");
  g_autoptr(RoloWindow) window = NULL;
  GListModel *contacts;
  g_autoptr(RoloContact) third = NULL;
  Selected selected;

  window = window_new (fixture, app, 12);
  contacts = rolo_window_get_contacts (window);
  third = g_list_model_get_item (contacts, 3);
  /* Slow enough for the editor to show the list's row first. */
  rolo_sandbox_set_latency (fixture->sandbox, 300);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-contact", "x",
                                             rolo_contact_get_id (third)));
  fixture->editor = g_object_ref (window_editor (window));
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (saved_cb), fixture);
  wait_settled (fixture);
  /* Enter, as a user does. */
  press_shortcut (fixture, GDK_KEY_Return, 0);
  rolo_test_wait_until (editing, fixture, TIMEOUT_MS);
  /* The address, filled while the form was hidden, takes its own height
   * once the form shows, not the height of a text wrapped for no width. */
  g_assert_cmpstr (rolo_contact_get_address (rolo_contact_editor_get_contact (fixture->editor)),
                   !=, "");
  rolo_test_wait_until (address_sized, fixture, TIMEOUT_MS);
  rolo_test_iterate_for (300);
  g_assert_true (address_sized (fixture));
  type_text (fixture, ROLO_CONTACT_FIELD_TAX_NUMBER, "TX-77");
  activate (fixture, "editor.save");
  rolo_test_wait_until (saved_once, fixture, TIMEOUT_MS);

  selected = (Selected) { window, rolo_contact_get_id (third) };
  rolo_test_wait_until (contact_selected, &selected, TIMEOUT_MS);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (
                   gtk_column_view_get_model (window_column_view (window))), 3));
  close_editor (fixture);
  gtk_window_destroy (GTK_WINDOW (window));
  clear_and_wait_finalized (&window);
}

typedef struct
{
  RoloWindow *window;
  gboolean    destroyed;
} Quit;

static void
toplevels_changed_cb (Quit *quit)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == G_OBJECT (quit->window))
        return;
    }
  quit->destroyed = TRUE;
}

/* The window with a new contact's editor open, and @quit watching for the
 * window to go. */
static RoloWindow *
window_new_watched (Fixture         *fixture,
                    RoloApplication *app,
                    Quit            *quit)
{
  RoloWindow *window = window_new (fixture, app, 0);

  quit->window = window;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-contact", NULL));
  fixture->editor = g_object_ref (window_editor (window));
  g_signal_connect_swapped (gtk_window_get_toplevels (), "items-changed",
                            G_CALLBACK (toplevels_changed_cb), quit);

  return window;
}

/* Discard in the dialog that asks: the editor goes, then the window, and
 * nothing was sent. */
static void
discard_then_window_goes (Fixture *fixture,
                          Quit    *quit)
{
  rolo_test_alert_respond (discard_dialog (fixture), "discard");
  rolo_test_wait_for_flag (&quit->destroyed, TIMEOUT_MS);
  g_signal_handlers_disconnect_by_data (gtk_window_get_toplevels (), quit);
  g_assert_null (window_editor (quit->window));
  g_assert_cmpuint (count_requests (fixture, "POST"), ==, 0);
}

/* Ctrl+Q with unsaved changes asks before anything goes; Keep Editing
 * keeps the app, the window and what was typed. */
static void
test_quit_dirty (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(RoloApplication) app = rolo_test_application_new ("Editor");
  g_autoptr(RoloWindow) window = NULL;
  Quit quit = { NULL, FALSE };
  g_auto(GStrv) accels = NULL;
  GtkWidget *dialog;

  window = window_new_watched (fixture, app, &quit);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpstr (accels[0], ==, "<Control>q");

  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");
  type_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "sarah@example.com");

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  rolo_test_wait_until (message_dialog_shown, fixture, TIMEOUT_MS);
  dialog = discard_dialog (fixture);
  g_assert_cmpstr (rolo_alert_get_heading (dialog), ==,
                   "Discard changes?");
  g_assert_cmpint (rolo_alert_get_response_appearance (dialog, "discard"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  /* Nothing went while it asks. */
  g_assert_false (quit.destroyed);

  rolo_test_alert_respond (dialog, "keep");
  rolo_test_iterate_for (100);
  g_assert_false (quit.destroyed);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (window_editor (window) == fixture->editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "sarah@example.com");

  /* Discard: the editor goes, then the app quits. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  rolo_test_wait_until (message_dialog_shown, fixture, TIMEOUT_MS);
  discard_then_window_goes (fixture, &quit);
  close_editor (fixture);
  clear_and_wait_finalized (&window);
}

/* The main window's close button with unsaved changes asks too; after
 * Discard the editor and then the window go. */
static void
test_close_window_dirty (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(RoloApplication) app = rolo_test_application_new ("Editor");
  g_autoptr(RoloWindow) window = NULL;
  Quit quit = { NULL, FALSE };

  window = window_new_watched (fixture, app, &quit);
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");

  gtk_window_close (GTK_WINDOW (window));
  rolo_test_wait_until (message_dialog_shown, fixture, TIMEOUT_MS);
  g_assert_false (quit.destroyed);
  rolo_test_alert_respond (discard_dialog (fixture), "keep");
  rolo_test_iterate_for (100);
  g_assert_false (quit.destroyed);
  g_assert_true (window_editor (window) == fixture->editor);
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");

  gtk_window_close (GTK_WINDOW (window));
  rolo_test_wait_until (message_dialog_shown, fixture, TIMEOUT_MS);
  discard_then_window_goes (fixture, &quit);
  close_editor (fixture);
  clear_and_wait_finalized (&window);
}

/* As the app holds it: nothing but GTK keeps the editor, so Discard frees
 * it while its dialog goes. It must go cleanly (it used to leave the dialog
 * disconnecting from a freed window: CRITICALs, a latent crash). */
static void
test_discard_frees_editor (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(RoloApplication) app = rolo_test_application_new ("Editor");
  g_autoptr(RoloWindow) window = NULL;
  RoloContactEditor *editor = NULL;

  window = window_new (fixture, app, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-contact", NULL));
  g_set_weak_pointer (&editor, window_editor (window));
  g_assert_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (rolo_contact_editor_get_field_widget (
                           editor, ROLO_CONTACT_FIELD_NAME)), "Half a na");

  fixture->editor = editor;
  gtk_window_close (GTK_WINDOW (editor));
  rolo_test_wait_until (message_dialog_shown, fixture, TIMEOUT_MS);
  rolo_test_alert_respond (discard_dialog (fixture), "discard");
  fixture->editor = NULL;

  rolo_test_wait_until (pointer_cleared, &editor, TIMEOUT_MS);
  g_assert_null (window_editor (window));
  /* The dialog went too, and the window stays. */
  rolo_test_iterate_for (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (count_requests (fixture, "POST"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  clear_and_wait_finalized (&window);
}

/* Quitting with nothing typed does not ask. */
static void
test_quit_clean (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(RoloApplication) app = rolo_test_application_new ("Editor");
  g_autoptr(RoloWindow) window = NULL;
  Quit quit = { NULL, FALSE };

  window = window_new_watched (fixture, app, &quit);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  rolo_test_wait_for_flag (&quit.destroyed, TIMEOUT_MS);
  g_signal_handlers_disconnect_by_data (gtk_window_get_toplevels (), &quit);
  g_assert_null (discard_dialog (fixture));
  close_editor (fixture);
  clear_and_wait_finalized (&window);
}

/* The accelerator a widget's class binds to @action_name, or NULL. */
static char *
class_accel (GtkWidget  *widget,
             const char *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                           action_name))
            return gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
        }
    }

  return NULL;
}

/* The accelerator the Keyboard Shortcuts window shows for @title. */
static char *
listed_accel (GtkBuilder *builder,
              const char *title)
{
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *listed_title = NULL;
      g_autofree char *accel = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "title", &listed_title, "accelerator", &accel, NULL);
      if (g_strcmp0 (listed_title, title) == 0)
        return g_steal_pointer (&accel);
    }

  return NULL;
}

static void
assert_accel (char       *listed,
              const char *bound)
{
  guint listed_key, bound_key;
  GdkModifierType listed_mods, bound_mods;

  g_assert_nonnull (listed);
  g_assert_nonnull (bound);
  g_assert_true (gtk_accelerator_parse (listed, &listed_key, &listed_mods));
  g_assert_true (gtk_accelerator_parse (bound, &bound_key, &bound_mods));
  g_assert_cmpuint (listed_key, ==, bound_key);
  g_assert_cmpuint (listed_mods, ==, bound_mods);
  g_free (listed);
}

static gboolean
help_overlay_mapped (gpointer user_data)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (user_data);

  return overlay != NULL && gtk_widget_get_mapped (GTK_WIDGET (overlay));
}

/* What the Keyboard Shortcuts window lists is what the keys are bound to. */
static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(RoloApplication) app = rolo_test_application_new ("Editor");
  g_autoptr(RoloWindow) window = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autofree char *new_contact = NULL;
  g_autofree char *undo = NULL;
  g_autofree char *save = NULL;
  g_autofree char *cancel = NULL;
  g_autofree char *delete = NULL;
  GtkWidget *view, *overlay, *switcher;

  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  window = window_new (fixture, app, 0);
  view = rolo_test_find_widget (GTK_WIDGET (window), rolo_test_is_type_named, "RoloContactView");
  g_assert_nonnull (view);

  new_contact = class_accel (GTK_WIDGET (window), "win.new-contact");
  assert_accel (listed_accel (builder, "New Contact"), new_contact);
  undo = class_accel (GTK_WIDGET (window), "win.undo-delete");
  assert_accel (listed_accel (builder, "Undo Delete"), undo);
  delete = class_accel (view, "win.delete-selected");
  assert_accel (listed_accel (builder, "Delete Selected Contacts"), delete);
  /* Enter activates a row, which opens its contact. */
  assert_accel (listed_accel (builder, "Open Contact"), "Return");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-contact", NULL));
  fixture->editor = g_object_ref (window_editor (window));
  save = class_accel (GTK_WIDGET (fixture->editor), "editor.save");
  assert_accel (listed_accel (builder, "Save"), save);
  cancel = class_accel (GTK_WIDGET (fixture->editor), "editor.cancel");
  assert_accel (listed_accel (builder, "Cancel"), cancel);

  close_editor (fixture);

  /* The window itself, as Ctrl+? shows it: every shortcut on one page.
   * More than one page brings a page switcher whose labels GTK 4.8 measures
   * below zero (a warning, fatal here). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay",
                                             NULL));
  rolo_test_wait_until (help_overlay_mapped, window, TIMEOUT_MS);
  rolo_test_iterate_for (200);
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (
                          GTK_APPLICATION_WINDOW (window)));
  switcher = rolo_test_find_widget (overlay, rolo_test_is_type_named, "GtkStackSwitcher");
  g_assert_true (switcher == NULL || !gtk_widget_get_visible (switcher));
  gtk_window_close (GTK_WINDOW (overlay));

  gtk_window_destroy (GTK_WINDOW (window));
  clear_and_wait_finalized (&window);
}

int
main (int   argc,
      char *argv[])
{
  rolo_test_editor_init (&argc, &argv);

  ROLO_TEST_ADD_EDITOR ("/ui/editor/discard", 0, test_discard);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/discard/frees-editor", 0, test_discard_frees_editor);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/window", 0, test_window);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/window/edit-selects", 12, test_window_edit_selects);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/window/quit-dirty", 0, test_quit_dirty);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/window/quit-clean", 0, test_quit_clean);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/window/close-dirty", 0, test_close_window_dirty);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/window/shortcuts", 0, test_shortcuts);

  return g_test_run ();
}
