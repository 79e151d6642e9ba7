/* test-file-pick.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The file chooser Import…, Export… and Save Report ask with: GtkFileDialog
 * on GTK 4.10 and later, GtkFileChooserNative before. Without a portal
 * (here) both show GTK's own chooser window, which the tests answer. */

#include "config.h"

#include <gtk/gtk.h>

#include "rolo-application.h"
#include "rolo-file-pick.h"
#include "rolo-test-ui.h"
#include "rolo-test-utils.h"

#define TIMEOUT_MS 10000

typedef struct
{
  GtkWidget *window;
  GFile     *picked;
  guint      n_answers;
} Fixture;

static Fixture *current;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  user_data)
{
  fixture->window = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (fixture->window));
  current = fixture;
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  user_data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->picked);
  current = NULL;
}

static void
picked_cb (GtkWidget *owner,
           GFile     *file)
{
  g_assert_true (owner == current->window);
  current->n_answers++;
  g_set_object (&current->picked, file);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

/* GTK's own chooser window, on screen. */
static GtkFileChooser *
find_chooser (void)
{
  return (GtkFileChooser *) rolo_test_find_toplevel (GTK_TYPE_FILE_CHOOSER);
}

static gboolean
chooser_shown (gpointer user_data)
{
  return find_chooser () != NULL;
}

static gboolean
chooser_gone (gpointer user_data)
{
  return find_chooser () == NULL;
}

static gboolean
answered (gpointer user_data)
{
  return current->n_answers > 0;
}

/* Save: the title and the name offered; the name the user settles on
 * comes back. */
static void
test_save (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autofree char *name = NULL;
  GtkFileChooser *chooser;

  rolo_file_pick (fixture->window, ROLO_FILE_PICK_SAVE, "Export Contacts", "_Export",
                  "Contacts.csv", NULL, picked_cb);
  rolo_test_wait_until (chooser_shown, NULL, TIMEOUT_MS);
  chooser = find_chooser ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Export Contacts");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (chooser)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (chooser)) ==
                 GTK_WINDOW (fixture->window));
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "Contacts.csv");
  g_clear_pointer (&name, g_free);
  gtk_file_chooser_set_current_name (chooser, "Office.csv");
  /* The chooser looks the name up in its folder before it answers. */
  rolo_test_iterate_for (300);
  gtk_widget_activate (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser),
                                                           GTK_RESPONSE_ACCEPT));

  rolo_test_wait_until (answered, NULL, TIMEOUT_MS);
  g_assert_cmpuint (fixture->n_answers, ==, 1);
  g_assert_nonnull (fixture->picked);
  name = g_file_get_basename (fixture->picked);
  g_assert_cmpstr (name, ==, "Office.csv");
  rolo_test_wait_until (chooser_gone, NULL, TIMEOUT_MS);
}

/* Open: the filters are offered, Cancel answers with no file. */
static void
test_open_cancelled (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) vcard = gtk_file_filter_new ();
  g_autoptr(GListModel) offered = NULL;
  GtkFileChooser *chooser;

  gtk_file_filter_set_name (csv, "CSV");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_set_name (vcard, "vCard");
  gtk_file_filter_add_pattern (vcard, "*.vcf");
  g_list_store_append (filters, csv);
  g_list_store_append (filters, vcard);
  rolo_file_pick (fixture->window, ROLO_FILE_PICK_OPEN, "Import Contacts", "_Open", NULL,
                  G_LIST_MODEL (filters), picked_cb);
  rolo_test_wait_until (chooser_shown, NULL, TIMEOUT_MS);
  chooser = find_chooser ();
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  offered = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 2);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);

  rolo_test_wait_until (answered, NULL, TIMEOUT_MS);
  g_assert_cmpuint (fixture->n_answers, ==, 1);
  g_assert_null (fixture->picked);
}

G_GNUC_END_IGNORE_DEPRECATIONS

/* The window that asked goes: so does the chooser, and nobody is called
 * back on a window that is gone. */
static void
test_owner_gone (Fixture       *fixture,
                 gconstpointer  user_data)
{
  rolo_file_pick (fixture->window, ROLO_FILE_PICK_SAVE, "Save Report", "_Save",
                  "Rows not imported.csv", NULL, picked_cb);
  rolo_test_wait_until (chooser_shown, NULL, TIMEOUT_MS);
  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&fixture->window)));
  rolo_test_wait_until (chooser_gone, NULL, TIMEOUT_MS);
  rolo_test_iterate_for (200);
  g_assert_cmpuint (fixture->n_answers, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  rolo_test_gtk_init (&argc, &argv);

  g_test_add ("/ui/file-pick/save", Fixture, NULL, fixture_setup, test_save, fixture_teardown);
  g_test_add ("/ui/file-pick/open-cancelled", Fixture, NULL, fixture_setup,
              test_open_cancelled, fixture_teardown);
  g_test_add ("/ui/file-pick/owner-gone", Fixture, NULL, fixture_setup, test_owner_gone,
              fixture_teardown);

  return g_test_run ();
}
