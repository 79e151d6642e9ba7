/* test-ui-browse-delete.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Deleting from the window, with undo, and Import…/Export… from it. */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-test-browse.h"

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (window_contacts (fixture)));
}

static gboolean
has_row (Fixture *fixture,
         gint64   id)
{
  for (guint i = 0; i < n_first_rows (fixture); i++)
    if (rolo_contact_get_id (row (fixture, i)) == id)
      return TRUE;

  return FALSE;
}

static void
select_rows (Fixture *fixture,
             guint    position,
             guint    n)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (window_column_view (fixture));

  g_assert_true (gtk_selection_model_select_range (selection, position, n, TRUE));
}

/* Deletes the row at @position from the window; returns its id. */
static gint64
delete_row (Fixture *fixture,
            guint    position)
{
  gint64 id = rolo_contact_get_id (row (fixture, position));

  select_rows (fixture, position, 1);
  activate (fixture, "win.delete-selected");
  return id;
}

static void
connect_rows (Fixture *fixture,
              guint    n_contacts)
{
  fixture_connect (fixture, n_contacts, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);
}

static void
assert_toast_title (Fixture    *fixture,
                    const char *title)
{
  AdwToast *toast = rolo_window_get_delete_toast (fixture->window);

  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, title);
}

static void
assert_gone_from_server (Fixture *fixture,
                         gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) contact = NULL;

  contact = rolo_test_client_get (rolo_window_get_client (fixture->window), id, &error);
  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_NOT_FOUND);
  g_assert_null (contact);
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *title = NULL;
  guint n;
  gint64 id;

  connect_rows (fixture, 30);
  n = n_rows (fixture);

  title = g_markup_printf_escaped ("%s deleted", rolo_contact_get_name (row (fixture, 2)));
  id = delete_row (fixture, 2);

  /* Gone at once, and nothing sent. */
  g_assert_cmpuint (n_rows (fixture), ==, n - 1);
  g_assert_false (has_row (fixture, id));
  assert_toast_title (fixture, title);
  rolo_test_iterate_for (300);
  g_assert_cmpuint (fixture->n_deletes, ==, 0);

  activate (fixture, "win.undo-delete");
  g_assert_cmpuint (n_rows (fixture), ==, n);
  g_assert_cmpint (rolo_contact_get_id (row (fixture, 2)), ==, id);
  g_assert_null (rolo_window_get_delete_toast (fixture->window));
  rolo_test_iterate_for (300);
  g_assert_cmpuint (fixture->n_deletes, ==, 0);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 30);
}

/* The position of the row holding the keyboard focus, if a row does. */
static guint
focused_position (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *cell;

  if (focus == NULL)
    return GTK_INVALID_LIST_POSITION;
  cell = rolo_test_find_widget (focus, rolo_test_is_type_named, "RoloContactCell");
  return cell != NULL ? rolo_contact_cell_get_position (ROLO_CONTACT_CELL (cell))
                      : GTK_INVALID_LIST_POSITION;
}

/* Once the rows are in, the keyboard is on the list: the arrows, Enter and
 * Delete work without a click. */
static void
test_focus_at_start (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *focus;

  connect_rows (fixture, 30);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (window_column_view (fixture))));
}

/* Undo shows what came back: the row is selected, in view and focused, so
 * Delete or Enter act on it next. */
static void
test_delete_undo_reveals (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GtkSelectionModel *selection;
  g_autoptr(GtkBitset) selected = NULL;
  gint64 id;

  connect_rows (fixture, 30);
  selection = gtk_column_view_get_model (window_column_view (fixture));
  id = delete_row (fixture, 2);
  select_rows (fixture, 6, 1);

  activate (fixture, "win.undo-delete");
  g_assert_cmpint (rolo_contact_get_id (row (fixture, 2)), ==, id);
  selected = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  g_assert_true (gtk_selection_model_is_selected (selection, 2));
  rolo_test_iterate_for (300);
  g_assert_cmpuint (focused_position (fixture), ==, 2);
}

/* Deletes in a row share one toast, and one undo brings them all back. */
static void
test_delete_batch (Fixture       *fixture,
                   gconstpointer  user_data)
{
  AdwToast *toast;
  gint64 first, second;

  connect_rows (fixture, 30);
  first = delete_row (fixture, 2);
  toast = rolo_window_get_delete_toast (fixture->window);
  second = delete_row (fixture, 5);

  g_assert_true (rolo_window_get_delete_toast (fixture->window) == toast);
  assert_toast_title (fixture, "2 contacts deleted");
  g_assert_cmpuint (n_rows (fixture), ==, 28);

  activate (fixture, "win.undo-delete");
  g_assert_cmpuint (n_rows (fixture), ==, 30);
  g_assert_true (has_row (fixture, first));
  g_assert_true (has_row (fixture, second));
  g_assert_cmpuint (fixture->n_deletes, ==, 0);
}

/* Delete and Ctrl+Z in one breath: the toast goes while still sliding in,
 * which libadwaita 1.2 does not survive unless the window lets it settle. */
static void
test_delete_quick_undo (Fixture       *fixture,
                        gconstpointer  user_data)
{
  gint64 id;

  connect_rows (fixture, 30);
  id = delete_row (fixture, 2);
  activate (fixture, "win.undo-delete");
  g_assert_null (rolo_window_get_delete_toast (fixture->window));
  g_assert_true (has_row (fixture, id));

  id = delete_row (fixture, 3);
  activate (fixture, "win.undo-delete");
  rolo_test_iterate_for (1000);

  g_assert_true (has_row (fixture, id));
  g_assert_cmpuint (n_rows (fixture), ==, 30);
  g_assert_cmpuint (fixture->n_deletes, ==, 0);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 30);
}

static gboolean
deleted_on_server (gpointer user_data)
{
  Fixture *fixture = user_data;
  GListModel *contacts = rolo_window_get_contacts (fixture->window);

  return fixture->n_deletes == 1 && rolo_sandbox_count_contacts (fixture->sandbox) == 29 &&
         !rolo_contact_list_get_loading (ROLO_CONTACT_LIST (contacts));
}

static void
test_delete_commit (Fixture       *fixture,
                    gconstpointer  user_data)
{
  gint64 id;

  connect_rows (fixture, 30);
  id = delete_row (fixture, 2);
  g_assert_cmpuint (fixture->n_deletes, ==, 0);

  /* The user closes the toast once it is up (it slides in for 300 ms). */
  rolo_test_iterate_for (600);
  adw_toast_dismiss (rolo_window_get_delete_toast (fixture->window));
  rolo_test_wait_until (deleted_on_server, fixture, TIMEOUT_MS);
  rolo_test_iterate_for (300);

  g_assert_cmpuint (fixture->n_deletes, ==, 1);
  g_assert_cmpuint (n_rows (fixture), ==, 29);
  g_assert_false (has_row (fixture, id));
  assert_gone_from_server (fixture, id);
}

/* Left alone, the toast times out (10 s) and the delete goes to the server. */
static void
test_delete_timeout (Fixture       *fixture,
                     gconstpointer  user_data)
{
  gint64 id;

  connect_rows (fixture, 30);
  id = delete_row (fixture, 2);
  rolo_test_iterate_for (5000);
  /* Still undoable half-way. */
  g_assert_nonnull (rolo_window_get_delete_toast (fixture->window));
  g_assert_cmpuint (fixture->n_deletes, ==, 0);

  rolo_test_wait_until (deleted_on_server, fixture, TIMEOUT_MS);
  g_assert_null (rolo_window_get_delete_toast (fixture->window));
  g_assert_false (has_row (fixture, id));
  assert_gone_from_server (fixture, id);
}

typedef struct
{
  Fixture  *fixture;
  gboolean  destroyed;
  guint     n_deletes;   /* when the window went */
  guint     n_contacts;
} Closed;

static gboolean
is_toplevel (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == window)
        return TRUE;
    }

  return FALSE;
}

/* The fixture holds a reference: a destroyed window is no toplevel any more. */
static void
toplevels_changed_cb (Closed *closed)
{
  if (closed->destroyed || is_toplevel (GTK_WINDOW (closed->fixture->window)))
    return;

  closed->destroyed = TRUE;
  closed->n_deletes = closed->fixture->n_deletes;
  closed->n_contacts = rolo_sandbox_count_contacts (closed->fixture->sandbox);
}

/* The delete the user meant is sent before the window goes. */
static void
test_delete_on_close (Fixture       *fixture,
                      gconstpointer  user_data)
{
  Closed closed = { fixture, FALSE, 0, 0 };
  GListModel *toplevels = gtk_window_get_toplevels ();

  connect_rows (fixture, 30);
  delete_row (fixture, 2);
  g_signal_connect_swapped (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb),
                            &closed);

  gtk_window_close (GTK_WINDOW (fixture->window));
  rolo_test_wait_for_flag (&closed.destroyed, TIMEOUT_MS);
  g_signal_handlers_disconnect_by_data (toplevels, &closed);

  g_assert_cmpuint (closed.n_deletes, ==, 1);
  g_assert_cmpuint (closed.n_contacts, ==, 29);
  rolo_test_iterate_for (300);
  g_assert_cmpuint (fixture->n_deletes, ==, 1);
}

typedef struct
{
  Fixture    *fixture;
  const char *said;
} Refusal;

static gboolean
refusal_said (gpointer user_data)
{
  Refusal *refusal = user_data;

  return rolo_test_find_widget (GTK_WIDGET (refusal->fixture->window), is_label_starting,
                                refusal->said) != NULL &&
         n_rows (refusal->fixture) == 30;
}

/* A refused delete brings its row back, and says so. */
static void
test_delete_refused (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *name = NULL;
  g_autofree char *said = NULL;
  Refusal refusal = { fixture, NULL };
  gint64 id;

  connect_rows (fixture, 30);
  name = g_strdup (rolo_contact_get_name (row (fixture, 2)));
  refusal.said = said = g_strdup_printf ("%s was not deleted: ", name);
  id = delete_row (fixture, 2);
  g_assert_cmpuint (n_rows (fixture), ==, 29);

  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  adw_toast_dismiss (rolo_window_get_delete_toast (fixture->window));
  rolo_test_wait_until (refusal_said, &refusal, TIMEOUT_MS);

  g_assert_cmpuint (fixture->n_deletes, ==, 1);
  g_assert_cmpint (rolo_contact_get_id (row (fixture, 2)), ==, id);
  g_assert_cmpstr (rolo_contact_get_name (row (fixture, 2)), ==, name);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 30);
}

static GtkWidget *
find_message_dialog (void)
{
  return rolo_test_alert_shown (NULL);
}

/* More than 20 at once asks first; Cancel keeps every row. */
static void
test_delete_confirm (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *dialog;

  connect_rows (fixture, 30);
  select_rows (fixture, 0, 20);
  activate (fixture, "win.delete-selected");
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (n_rows (fixture), ==, 10);
  activate (fixture, "win.undo-delete");
  g_assert_cmpuint (n_rows (fixture), ==, 30);

  select_rows (fixture, 0, 25);
  activate (fixture, "win.delete-selected");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (rolo_alert_get_default_response (dialog), ==, "cancel");
  g_assert_cmpuint (n_rows (fixture), ==, 30);
  rolo_test_alert_respond (dialog, "cancel");
  g_assert_cmpuint (n_rows (fixture), ==, 30);
  g_assert_null (rolo_window_get_delete_toast (fixture->window));

  activate (fixture, "win.delete-selected");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  rolo_test_alert_respond (dialog, "delete");
  g_assert_cmpuint (n_rows (fixture), ==, 5);
  assert_toast_title (fixture, "25 contacts deleted");

  activate (fixture, "win.undo-delete");
  g_assert_cmpuint (n_rows (fixture), ==, 30);
  g_assert_cmpuint (fixture->n_deletes, ==, 0);
}

/* Quitting goes through the windows, which send their deletes first. */
static void
test_delete_on_quit (Fixture       *fixture,
                     gconstpointer  user_data)
{
  Closed closed = { fixture, FALSE, 0, 0 };
  GListModel *toplevels = gtk_window_get_toplevels ();

  connect_rows (fixture, 30);
  delete_row (fixture, 2);
  delete_row (fixture, 4);
  g_signal_connect_swapped (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb),
                            &closed);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  rolo_test_wait_for_flag (&closed.destroyed, TIMEOUT_MS);
  g_signal_handlers_disconnect_by_data (toplevels, &closed);

  g_assert_cmpuint (closed.n_deletes, ==, 2);
  g_assert_cmpuint (closed.n_contacts, ==, 28);
}

static gboolean
message_dialog_shown (gpointer user_data)
{
  return find_message_dialog () != NULL;
}

/* Deletes that cannot be sent keep the window open until the user says. */
static void
test_delete_on_close_refused (Fixture       *fixture,
                              gconstpointer  user_data)
{
  Closed closed = { fixture, FALSE, 0, 0 };
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *dialog;

  connect_rows (fixture, 30);
  delete_row (fixture, 2);
  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  g_signal_connect_swapped (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb),
                            &closed);

  gtk_window_close (GTK_WINDOW (fixture->window));
  rolo_test_wait_until (message_dialog_shown, NULL, TIMEOUT_MS);
  dialog = find_message_dialog ();
  g_assert_cmpstr (rolo_alert_get_heading (dialog), ==, "1 Delete Could Not Be Sent");
  g_assert_cmpstr (rolo_alert_get_default_response (dialog), ==, "keep");

  /* Kept open: the row is back. */
  rolo_test_alert_respond (dialog, "keep");
  rolo_test_iterate_for (100);
  g_assert_false (closed.destroyed);
  g_assert_cmpuint (n_rows (fixture), ==, 30);
  g_assert_cmpuint (fixture->n_deletes, ==, 1);

  /* Nothing is pending any more: the window closes at once. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  g_assert_true (closed.destroyed);
  g_signal_handlers_disconnect_by_data (toplevels, &closed);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 30);
}

/* The editor's Delete button deletes as the Delete key does: the row goes
 * at once, the toast offers Undo, and Undo sends nothing. */
static void
test_delete_from_editor (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *title = NULL;
  RoloContactEditor *editor;
  GtkWidget *button;
  gint64 id;

  connect_rows (fixture, 30);
  id = rolo_contact_get_id (row (fixture, 2));
  title = g_markup_printf_escaped ("%s deleted", rolo_contact_get_name (row (fixture, 2)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-contact",
                                             "x", id));
  rolo_test_wait_until (editor_viewing, fixture, TIMEOUT_MS);
  editor = window_editor (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.edit", NULL));
  /* Unsaved changes do not stop it. */
  gtk_editable_set_text (GTK_EDITABLE (rolo_contact_editor_get_field_widget (
                           editor, ROLO_CONTACT_FIELD_NAME)),
                         "Renamed, then deleted");
  g_assert_true (rolo_contact_editor_get_dirty (editor));

  button = rolo_test_find_widget (GTK_WIDGET (editor), rolo_test_is_button_for, "editor.delete");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  g_signal_emit_by_name (button, "clicked");

  g_assert_null (window_editor (fixture));
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (n_rows (fixture), ==, 29);
  g_assert_false (has_row (fixture, id));
  assert_toast_title (fixture, title);
  rolo_test_iterate_for (600);
  g_assert_cmpuint (fixture->n_deletes, ==, 0);

  activate (fixture, "win.undo-delete");
  g_assert_cmpuint (n_rows (fixture), ==, 30);
  g_assert_cmpint (rolo_contact_get_id (row (fixture, 2)), ==, id);
  rolo_test_iterate_for (300);
  g_assert_cmpuint (fixture->n_deletes, ==, 0);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 30);
}

static gboolean
export_dialog_gone (gpointer user_data)
{
  return rolo_test_find_toplevel (ROLO_TYPE_EXPORT_DIALOG) == NULL;
}

/* Export… takes the selection when it is more than one row, else the view
 * (its search, filter and sort, every page). */
static void
test_export_scope (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *dir = g_dir_make_tmp ("rolo-browse-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "three.csv", NULL);
  g_autofree char *contents = NULL;
  GtkWindow *dialog;
  guint n_lines = 0;

  connect_rows (fixture, 30);
  select_rows (fixture, 4, 3);
  activate (fixture, "win.export");
  dialog = rolo_test_find_toplevel (ROLO_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.export-to", "s", path);
  rolo_test_wait_until (export_dialog_gone, NULL, TIMEOUT_MS);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (const char *p = contents; *p != '\0'; p++)
    n_lines += *p == '\n';
  g_assert_cmpuint (n_lines, ==, 4);
  g_assert_nonnull (strstr (contents, rolo_contact_get_name (row (fixture, 4))));
  g_assert_nonnull (strstr (contents, rolo_contact_get_name (row (fixture, 6))));
  g_clear_pointer (&contents, g_free);

  /* One row selected: the whole view. */
  select_rows (fixture, 1, 1);
  activate (fixture, "win.export");
  dialog = rolo_test_find_toplevel (ROLO_TYPE_EXPORT_DIALOG);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.export-to", "s", path);
  rolo_test_wait_until (export_dialog_gone, NULL, TIMEOUT_MS);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  n_lines = 0;
  for (const char *p = contents; *p != '\0'; p++)
    n_lines += *p == '\n';
  g_assert_cmpuint (n_lines, ==, 31);
  rolo_test_remove_tmp_dir (dir);
}

/* The import dialog the window opened, if one is up. */
static RoloImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ROLO_IS_IMPORT_DIALOG (window))
        return ROLO_IMPORT_DIALOG (window);
    }
  return NULL;
}

static gboolean
import_dialog_on (gpointer user_data)
{
  RoloImportDialog *dialog = find_import_dialog ();

  return dialog != NULL && g_strcmp0 (rolo_import_dialog_get_page (dialog), user_data) == 0;
}

static gboolean
import_dialog_gone (gpointer user_data)
{
  return find_import_dialog () == NULL;
}

static gboolean
import_undone (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->n_deletes == 3 && rolo_sandbox_count_contacts (fixture->sandbox) == 5;
}

/* Import… from the window, then the toast's Undo: exactly those go. */
static void
test_import_undo (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *dir = g_dir_make_tmp ("rolo-browse-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "new.csv", NULL);
  AdwToast *toast;

  connect_rows (fixture, 5);
  g_assert_true (g_file_set_contents (path,
                                      "cstname,cstemail\n"
                                      "Imported One,one@example.org\n"
                                      "Imported Two,two@example.org\n"
                                      "Imported Three,three@example.org\n", -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import-file", "s",
                                             path));
  rolo_test_wait_until (import_dialog_on, (gpointer) "mapping", TIMEOUT_MS);
  gtk_widget_activate_action (GTK_WIDGET (find_import_dialog ()), "import.check", NULL);
  rolo_test_wait_until (import_dialog_on, (gpointer) "report", TIMEOUT_MS);
  gtk_widget_activate_action (GTK_WIDGET (find_import_dialog ()), "import.import", NULL);
  rolo_test_wait_until (import_dialog_gone, NULL, TIMEOUT_MS);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 8);

  activate (fixture, "win.undo-import");
  toast = rolo_window_get_delete_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "3 contacts deleted");
  rolo_test_iterate_for (600);
  adw_toast_dismiss (rolo_window_get_delete_toast (fixture->window));
  rolo_test_wait_until (import_undone, fixture, TIMEOUT_MS);
  /* The five that were there before stay. */
  g_assert_cmpuint (fixture->n_deletes, ==, 3);
  rolo_test_remove_tmp_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  rolo_test_browse_init (&argc, &argv);

  ADD ("/ui/browse/keyboard/focus-at-start", test_focus_at_start);
  ADD ("/ui/browse/delete/undo", test_delete_undo);
  ADD ("/ui/browse/import/undo", test_import_undo);
  ADD ("/ui/browse/export/scope", test_export_scope);
  ADD ("/ui/browse/delete/batch", test_delete_batch);
  ADD ("/ui/browse/delete/quick-undo", test_delete_quick_undo);
  ADD ("/ui/browse/delete/undo-reveals", test_delete_undo_reveals);
  ADD ("/ui/browse/delete/commit", test_delete_commit);
  ADD ("/ui/browse/delete/timeout", test_delete_timeout);
  ADD ("/ui/browse/delete/close", test_delete_on_close);
  ADD ("/ui/browse/delete/close-refused", test_delete_on_close_refused);
  ADD ("/ui/browse/delete/quit", test_delete_on_quit);
  ADD ("/ui/browse/delete/refused", test_delete_refused);
  ADD ("/ui/browse/delete/confirm", test_delete_confirm);
  ADD ("/ui/browse/delete/from-editor", test_delete_from_editor);

  return g_test_run ();
}
