/* test-ui-bulk-edit.c: the Edit N Contacts dialog against the sandbox
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <adwaita.h>

#include "rolo-application.h"
#include "rolo-bulk-editor.h"
#include "rolo-business-picker.h"
#include "rolo-test-ui.h"
#include "rolo-test-utils.h"
#include "rolo-window.h"

#define TIMEOUT_MS 20000

typedef struct
{
  RoloApplication *app;
  RoloWindow      *window;
  RoloSandbox     *sandbox;
  RoloClient      *client;   /* the test's own, to read the sandbox back */
  GPtrArray       *before;   /* RoloContact: the selected ones, as first read */
} Fixture;

static gboolean
window_settled (gpointer user_data)
{
  const char *state = rolo_window_get_state (user_data);

  return g_str_equal (state, "browse");
}

static GtkSelectionModel *
window_selection (Fixture *fixture)
{
  GtkWidget *view = rolo_test_find_widget (GTK_WIDGET (fixture->window),
                                           rolo_test_is_type_named, "GtkColumnView");

  g_assert_nonnull (view);
  return gtk_column_view_get_model (GTK_COLUMN_VIEW (view));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloClient) client = NULL;

  fixture->app = rolo_test_application_new ("BulkEdit");
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  fixture->window = g_object_ref_sink (rolo_window_new (fixture->app));
  gtk_window_present (GTK_WINDOW (fixture->window));

  fixture->sandbox = rolo_test_sandbox_new (40);
  fixture->client = rolo_test_client_new_for (fixture->sandbox);
  client = rolo_test_client_new_for (fixture->sandbox);
  rolo_window_set_client (fixture->window, client);
  rolo_test_wait_until (window_settled, fixture->window, TIMEOUT_MS);
  fixture->before = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->app);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->sandbox);
  g_clear_pointer (&fixture->before, g_ptr_array_unref);
}

static RoloContact *
read_back (Fixture *fixture,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  RoloContact *contact = rolo_test_client_get (fixture->client, id, &error);

  g_assert_no_error (error);
  return contact;
}

/* Selects the first @n rows and keeps their records as the sandbox has them. */
static void
select_rows (Fixture *fixture,
             guint    n)
{
  GtkSelectionModel *selection = window_selection (fixture);

  gtk_selection_model_select_range (selection, 0, n, TRUE);
  g_ptr_array_set_size (fixture->before, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RoloContact) row = g_list_model_get_item (G_LIST_MODEL (selection), i);

      g_ptr_array_add (fixture->before, read_back (fixture, rolo_contact_get_id (row)));
    }
}

static RoloBulkEditor *
find_editor (void)
{
  return (RoloBulkEditor *) rolo_test_find_toplevel (ROLO_TYPE_BULK_EDITOR);
}

static gboolean
editor_gone (gpointer user_data)
{
  return find_editor () == NULL;
}

static RoloBulkEditor *
open_editor (Fixture *fixture)
{
  RoloBulkEditor *editor;

  g_assert_true (rolo_test_press_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_e,
                                           GDK_CONTROL_MASK));
  editor = find_editor ();
  g_assert_nonnull (editor);
  return editor;
}

/* A control, not a row's title that says the same. */
static gboolean
is_named_control (GtkWidget  *widget,
                  const char *name)
{
  return !GTK_IS_LABEL (widget) && rolo_test_is_named (widget, name);
}

static GtkWidget *
find_named (RoloBulkEditor *editor,
            const char     *name)
{
  GtkWidget *widget = rolo_test_find_widget (GTK_WIDGET (editor), is_named_control, name);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_row_titled (GtkWidget  *widget,
               const char *title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_count (GtkWidget  *widget,
          const char *unused)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric");
}

static gboolean
is_error_shown (GtkWidget  *widget,
                const char *unused)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         gtk_widget_has_css_class (widget, "error") &&
         *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
}

static gboolean
report_shown (gpointer user_data)
{
  GtkWidget *close = rolo_test_find_widget (user_data, is_button_labelled, "C_lose");

  return close != NULL && gtk_widget_get_mapped (close);
}

static gboolean
toast_shown (gpointer user_data)
{
  Fixture *fixture = user_data;
  const char *text = g_object_get_data (G_OBJECT (fixture->window), "wanted-toast");

  return rolo_test_find_widget (GTK_WIDGET (fixture->window), rolo_test_is_shown_label,
                                text) != NULL;
}

static void
wait_for_toast (Fixture    *fixture,
                const char *text)
{
  g_object_set_data_full (G_OBJECT (fixture->window), "wanted-toast", g_strdup (text), g_free);
  rolo_test_wait_until (toast_shown, fixture, TIMEOUT_MS);
}

/* The report's count for @title ("Changed", "Failed"…). */
static guint
report_count (RoloBulkEditor *editor,
              const char     *title)
{
  GtkWidget *row = rolo_test_find_widget (GTK_WIDGET (editor), is_row_titled, title);
  GtkWidget *count;

  g_assert_nonnull (row);
  count = rolo_test_find_widget (row, is_count, NULL);
  g_assert_nonnull (count);
  return (guint) g_ascii_strtoull (gtk_label_get_text (GTK_LABEL (count)), NULL, 10);
}

static void
tick_sms_off (RoloBulkEditor *editor)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (editor, "Change SMS")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (find_named (editor, "SMS")), FALSE);
}

static void
apply (RoloBulkEditor *editor)
{
  g_assert_true (rolo_test_press_shortcut (GTK_WIDGET (editor), GDK_KEY_Return,
                                           GDK_CONTROL_MASK));
}

static void
assert_same_but_sms (RoloContact *before,
                     RoloContact *after)
{
  g_assert_cmpstr (rolo_contact_get_name (after), ==, rolo_contact_get_name (before));
  g_assert_cmpstr (rolo_contact_get_email (after), ==, rolo_contact_get_email (before));
  g_assert_cmpstr (rolo_contact_get_address (after), ==, rolo_contact_get_address (before));
  g_assert_cmpstr (rolo_contact_get_notes (after), ==, rolo_contact_get_notes (before));
  g_assert_cmpint (rolo_contact_get_email_notify (after), ==,
                   rolo_contact_get_email_notify (before));
  g_assert_cmpint (rolo_contact_get_whatsapp_notify (after), ==,
                   rolo_contact_get_whatsapp_notify (before));
  g_assert_cmpint (rolo_contact_get_contact_type (after), ==,
                   rolo_contact_get_contact_type (before));
  g_assert_cmpint (rolo_contact_get_parent_id (after), ==, rolo_contact_get_parent_id (before));
  g_assert_cmpint (rolo_contact_get_mobile_country_id (after), ==,
                   rolo_contact_get_mobile_country_id (before));
}

static void
test_shortcut (Fixture       *fixture,
               gconstpointer  user_data)
{
  RoloBulkEditor *editor;

  /* None, then one: nothing to edit in bulk. */
  rolo_test_press_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_e, GDK_CONTROL_MASK);
  g_assert_null (find_editor ());
  gtk_selection_model_select_item (window_selection (fixture), 0, TRUE);
  rolo_test_press_shortcut (GTK_WIDGET (fixture->window), GDK_KEY_e, GDK_CONTROL_MASK);
  g_assert_null (find_editor ());

  select_rows (fixture, 3);
  editor = open_editor (fixture);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit 3 Contacts");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) ==
                 GTK_WINDOW (fixture->window));
  g_assert_nonnull (rolo_test_find_widget (GTK_WIDGET (editor), is_button_labelled,
                                           "_Change 3 Contacts"));

  /* Escape closes it, sending nothing. */
  tick_sms_off (editor);
  g_assert_true (rolo_test_press_shortcut (GTK_WIDGET (editor), GDK_KEY_Escape, 0));
  rolo_test_wait_until (editor_gone, NULL, TIMEOUT_MS);
  for (guint i = 0; i < fixture->before->len; i++)
    {
      RoloContact *before = g_ptr_array_index (fixture->before, i);
      g_autoptr(RoloContact) after = read_back (fixture, rolo_contact_get_id (before));

      g_assert_cmpint (rolo_contact_get_sms_notify (after), ==,
                       rolo_contact_get_sms_notify (before));
    }
}

static void
test_only_ticked (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GtkSelectionModel *selection = window_selection (fixture);
  g_autoptr(RoloContact) row = g_list_model_get_item (G_LIST_MODEL (selection), 5);
  g_autoptr(RoloContact) other = read_back (fixture, rolo_contact_get_id (row));
  g_autoptr(RoloContact) other_after = NULL;
  RoloBulkEditor *editor;

  select_rows (fixture, 4);
  editor = open_editor (fixture);
  /* Changed but not ticked: the address field is not used, then ticked. */
  tick_sms_off (editor);
  apply (editor);
  rolo_test_wait_until (editor_gone, NULL, TIMEOUT_MS);

  for (guint i = 0; i < fixture->before->len; i++)
    {
      RoloContact *before = g_ptr_array_index (fixture->before, i);
      g_autoptr(RoloContact) after = read_back (fixture, rolo_contact_get_id (before));

      g_assert_false (rolo_contact_get_sms_notify (after));
      assert_same_but_sms (before, after);
    }
  other_after = read_back (fixture, rolo_contact_get_id (other));
  g_assert_cmpint (rolo_contact_get_sms_notify (other_after), ==,
                   rolo_contact_get_sms_notify (other));
}

static void
test_changing_ticks (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const char * const fields[] = { "Email", "WhatsApp", "Address", "Notes", "Tags" };
  RoloBulkEditor *editor;

  select_rows (fixture, 2);
  editor = open_editor (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *tick_name = g_strconcat ("Change ", fields[i], NULL);
      GtkWidget *tick = find_named (editor, tick_name);
      GtkWidget *value = find_named (editor, fields[i]);

      g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (tick)));
      g_assert_false (gtk_widget_is_sensitive (value));
      if (GTK_IS_SWITCH (value))
        gtk_switch_set_active (GTK_SWITCH (value), FALSE);
      else
        gtk_editable_set_text (GTK_EDITABLE (value), "x");
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (tick)));
      g_assert_true (gtk_widget_is_sensitive (value));
    }
  gtk_window_close (GTK_WINDOW (editor));
}

static void
test_invalid (Fixture       *fixture,
              gconstpointer  user_data)
{
  GtkSelectionModel *selection = window_selection (fixture);
  g_autoptr(RoloContact) business = g_list_model_get_item (G_LIST_MODEL (selection), 10);
  RoloBulkEditor *editor;
  GtkWidget *type;
  GtkWidget *error_label;

  select_rows (fixture, 3);
  editor = open_editor (fixture);
  type = find_named (editor, "Type");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (type), 1);
  rolo_business_picker_set_business (ROLO_BUSINESS_PICKER (find_named (editor, "Business")),
                                     rolo_contact_get_id (business),
                                     rolo_contact_get_name (business));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_named (editor,
                                                                            "Change Business"))));
  apply (editor);
  rolo_test_iterate_for (300);

  /* Still open, with what was entered, and the reason shown. */
  g_assert_true (find_editor () == editor);
  error_label = rolo_test_find_widget (GTK_WIDGET (editor), is_error_shown, NULL);
  g_assert_nonnull (error_label);
  g_test_message ("said: %s", gtk_label_get_text (GTK_LABEL (error_label)));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (type)), ==, 1);
  for (guint i = 0; i < fixture->before->len; i++)
    {
      RoloContact *before = g_ptr_array_index (fixture->before, i);
      g_autoptr(RoloContact) after = read_back (fixture, rolo_contact_get_id (before));

      g_assert_cmpint (rolo_contact_get_contact_type (after), ==,
                       rolo_contact_get_contact_type (before));
      g_assert_cmpint (rolo_contact_get_parent_id (after), ==,
                       rolo_contact_get_parent_id (before));
    }
  gtk_window_close (GTK_WINDOW (editor));
}

static void
test_failures (Fixture       *fixture,
               gconstpointer  user_data)
{
  RoloBulkEditor *editor;

  select_rows (fixture, 3);
  editor = open_editor (fixture);
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "Notes")), "Retried");
  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  apply (editor);
  rolo_test_wait_until (report_shown, editor, TIMEOUT_MS);

  /* Each failed contact by name, with a reason. */
  g_assert_cmpuint (report_count (editor, "Failed"), ==, 3);
  g_assert_cmpuint (report_count (editor, "Changed"), ==, 0);
  for (guint i = 0; i < fixture->before->len; i++)
    {
      RoloContact *before = g_ptr_array_index (fixture->before, i);
      GtkWidget *row = rolo_test_find_widget (GTK_WIDGET (editor), is_row_titled,
                                              rolo_contact_get_name (before));

      g_assert_nonnull (row);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), !=, "");
    }

  /* Healthy again: Retry Failed changes them and the dialog goes. */
  rolo_sandbox_set_fail_rate (fixture->sandbox, 0.0);
  gtk_widget_activate (rolo_test_find_widget (GTK_WIDGET (editor), is_button_labelled,
                                              "_Retry Failed"));
  rolo_test_wait_until (editor_gone, NULL, TIMEOUT_MS);
  wait_for_toast (fixture, "Changed 3 contacts");
  for (guint i = 0; i < fixture->before->len; i++)
    {
      RoloContact *before = g_ptr_array_index (fixture->before, i);
      g_autoptr(RoloContact) after = read_back (fixture, rolo_contact_get_id (before));

      g_assert_cmpstr (rolo_contact_get_notes (after), ==, "Retried");
    }
}

static void
test_stop (Fixture       *fixture,
           gconstpointer  user_data)
{
  RoloBulkEditor *editor;
  guint n_changed, n_unchanged, n_failed, n_not_done;

  select_rows (fixture, 20);
  editor = open_editor (fixture);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_named (editor, "Change Notes")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "Notes")), "Stopped midway");
  rolo_sandbox_set_latency (fixture->sandbox, 150);
  apply (editor);
  rolo_test_iterate_for (400);
  gtk_widget_activate (rolo_test_find_widget (GTK_WIDGET (editor), is_button_labelled,
                                              "_Stop"));
  rolo_test_wait_until (report_shown, editor, TIMEOUT_MS);
  rolo_sandbox_set_latency (fixture->sandbox, 0);

  n_changed = report_count (editor, "Changed");
  n_unchanged = report_count (editor, "Already as Asked");
  n_failed = report_count (editor, "Failed");
  n_not_done = report_count (editor, "Not Done");
  g_test_message ("changed %u, unchanged %u, failed %u, not done %u",
                  n_changed, n_unchanged, n_failed, n_not_done);
  g_assert_cmpuint (n_changed + n_unchanged + n_failed + n_not_done, ==, 20);
  g_assert_cmpuint (n_not_done, >, 0);
  g_assert_nonnull (rolo_test_find_widget (GTK_WIDGET (editor), is_button_labelled,
                                           "_Continue"));

  /* The report matches the sandbox: as many have the new notes as changed. */
  {
    guint n_with_notes = 0;

    for (guint i = 0; i < fixture->before->len; i++)
      {
        RoloContact *before = g_ptr_array_index (fixture->before, i);
        g_autoptr(RoloContact) after = read_back (fixture, rolo_contact_get_id (before));

        n_with_notes += g_strcmp0 (rolo_contact_get_notes (after), "Stopped midway") == 0;
      }
    g_assert_cmpuint (n_with_notes, ==, n_changed);
  }
  gtk_window_close (GTK_WINDOW (editor));
  rolo_test_wait_until (editor_gone, NULL, TIMEOUT_MS);
}

static void
test_undo (Fixture       *fixture,
           gconstpointer  user_data)
{
  RoloBulkEditor *editor;

  select_rows (fixture, 3);
  editor = open_editor (fixture);
  gtk_editable_set_text (GTK_EDITABLE (find_named (editor, "Notes")), "Campaign 2026");
  gtk_switch_set_active (GTK_SWITCH (find_named (editor, "Email")), FALSE);
  apply (editor);
  rolo_test_wait_until (editor_gone, NULL, TIMEOUT_MS);
  wait_for_toast (fixture, "Changed 3 contacts");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-bulk-edit", NULL);
  wait_for_toast (fixture, "Restored 3 contacts");
  for (guint i = 0; i < fixture->before->len; i++)
    {
      RoloContact *before = g_ptr_array_index (fixture->before, i);
      g_autoptr(RoloContact) after = read_back (fixture, rolo_contact_get_id (before));

      g_assert_cmpint (rolo_contact_get_sms_notify (after), ==,
                       rolo_contact_get_sms_notify (before));
      assert_same_but_sms (before, after);
    }
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  const char * const fields[] = { "Type", "Business", "Mobile Country", "Email", "SMS",
                                  "WhatsApp", "Tags", "Address", "Notes" };
  RoloBulkEditor *editor;
  GtkWidget *apply_button;

  select_rows (fixture, 2);
  editor = open_editor (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *tick_name = g_strconcat ("Change ", fields[i], NULL);
      GtkWidget *tick = find_named (editor, tick_name);

      g_assert_true (gtk_widget_get_focusable (tick));
      g_assert_true (gtk_widget_grab_focus (tick));
      g_assert_nonnull (find_named (editor, fields[i]));
    }
  g_assert_nonnull (find_named (editor, "Tag Change"));
  apply_button = rolo_test_find_widget (GTK_WIDGET (editor), is_button_labelled,
                                        "_Change 2 Contacts");
  g_assert_nonnull (apply_button);
  /* Enter in a field applies. */
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (editor)) == apply_button);
  g_assert_true (gtk_entry_get_activates_default (GTK_ENTRY (find_named (editor, "Notes"))));
  gtk_window_close (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  rolo_test_gtk_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/bulk-edit/shortcut", test_shortcut);
  ADD ("/ui/bulk-edit/only-ticked-sent", test_only_ticked);
  ADD ("/ui/bulk-edit/changing-ticks", test_changing_ticks);
  ADD ("/ui/bulk-edit/invalid", test_invalid);
  ADD ("/ui/bulk-edit/failures", test_failures);
  ADD ("/ui/bulk-edit/stop", test_stop);
  ADD ("/ui/bulk-edit/undo", test_undo);
  ADD ("/ui/bulk-edit/keyboard", test_keyboard);

  return g_test_run ();
}
