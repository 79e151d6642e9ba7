/* test-ui-import-export.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rolo-csv.h"
#include "rolo-export-dialog.h"
#include "rolo-import-dialog.h"
#include "rolo-import-field.h"
#include "rolo-test-ui.h"
#include "rolo-test-utils.h"

#define TIMEOUT_MS 60000

typedef struct
{
  RoloSandbox *sandbox;
  RoloClient  *client;
  char        *dir;
  GtkWindow   *dialog;     /* weak */
  GArray      *imported;
  GFile       *exported;
  guint        n_exported;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = rolo_test_sandbox_new (GPOINTER_TO_UINT (user_data));
  fixture->client = rolo_test_client_new_for (fixture->sandbox);
  fixture->dir = g_dir_make_tmp ("rolo-ui-io-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (fixture->dialog, fixture);
      gtk_window_destroy (fixture->dialog);
    }
  g_clear_weak_pointer (&fixture->dialog);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&fixture->imported, g_array_unref);
  g_clear_object (&fixture->exported);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->sandbox);
  rolo_test_remove_tmp_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
fixture_show (Fixture   *fixture,
              GtkWindow *dialog)
{
  g_set_weak_pointer (&fixture->dialog, dialog);
  gtk_window_present (dialog);
}

/* The titles of the rows under @widget, in order. */
static void
collect_row_titles (GtkWidget *widget,
                    GPtrArray *titles)
{
  if (ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (titles,
                     (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_row_titles (child, titles);
}

static gboolean
has_row_titled (GtkWidget  *widget,
                const char *title)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  collect_row_titles (widget, titles);
  for (guint i = 0; i < titles->len; i++)
    if (g_str_equal (g_ptr_array_index (titles, i), title))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 guint      skip)
{
  static guint seen;

  if (gtk_widget_get_parent (widget) == NULL)
    seen = 0;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && seen++ == skip)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, skip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  Fixture    *fixture;
  const char *page;
} PageWait;

static gboolean
page_is (gpointer user_data)
{
  PageWait *wait = user_data;

  return wait->fixture->dialog != NULL &&
         g_strcmp0 (rolo_import_dialog_get_page (ROLO_IMPORT_DIALOG (wait->fixture->dialog)),
                    wait->page) == 0;
}

static void
wait_for_page (Fixture    *fixture,
               const char *page)
{
  PageWait wait = { fixture, page };

  rolo_test_wait_until (page_is, &wait, TIMEOUT_MS);
}

static gboolean
dialog_gone (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->dialog == NULL;
}

static void
imported_cb (RoloImportDialog *dialog,
             GArray           *ids,
             Fixture          *fixture)
{
  fixture->imported = g_array_ref (ids);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static const char sheet[] =
  "Name,Type,Email,Mobile,Notes\n"
  "Ada Lovelace,Individual,ada@example.com,+44 7700 900123,Engines\n"
  "Broken,Individual,broken-at-example,,\n"
  "Acme Trading,Business,acme@example.com,,Wholesale\n";

static RoloImportDialog *
open_import (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RoloImportDialog *dialog = rolo_import_dialog_new (fixture->client, file, NULL);

  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), fixture);
  fixture_show (fixture, GTK_WINDOW (dialog));
  return dialog;
}

static void
test_import_pages (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "sheet.csv", sheet, -1);
  g_autofree char *report = g_build_filename (fixture->dir, "report.csv", NULL);
  RoloImportDialog *dialog = open_import (fixture, path);
  guint before = rolo_sandbox_count_contacts (fixture->sandbox);
  g_autoptr(GError) error = NULL;
  AdwComboRow *notes;

  wait_for_page (fixture, "mapping");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     rolo_import_dialog_get_column_row (dialog, 2))), ==, "Email");
  g_assert_cmpuint (adw_combo_row_get_selected (rolo_import_dialog_get_column_row (dialog, 2)),
                    ==, ROLO_IMPORT_FIELD_EMAIL);
  /* The examples come from the first rows. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                              rolo_import_dialog_get_column_row (dialog, 0))), "Ada Lovelace"));
  /* The notes stay out of this import. */
  notes = rolo_import_dialog_get_column_row (dialog, 4);
  adw_combo_row_set_selected (notes, ROLO_IMPORT_FIELD_SKIP);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.check", NULL);
  wait_for_page (fixture, "report");
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, before);
  g_assert_true (has_row_titled (GTK_WIDGET (dialog), "2 rows ready to import"));
  g_assert_true (has_row_titled (GTK_WIDGET (dialog), "1 row with problems: not imported"));
  g_assert_true (has_row_titled (GTK_WIDGET (dialog), "Line 3: Email"));

  /* The report, saved: the row and why. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.save-report-to", "s", report);
  while (!g_file_test (report, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  rolo_test_iterate_for (200);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (report, &contents, NULL, &error));
    g_assert_nonnull (strstr (contents, "Broken,Individual,broken-at-example,,,\"Email: "));
  }

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.import", NULL);
  rolo_test_wait_until (dialog_gone, fixture, TIMEOUT_MS);
  g_assert_nonnull (fixture->imported);
  g_assert_cmpuint (fixture->imported->len, ==, 2);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, before + 2);
  {
    g_autoptr(RoloContact) ada = rolo_test_client_get (fixture->client,
                                                       g_array_index (fixture->imported, gint64, 0),
                                                       &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rolo_contact_get_name (ada), ==, "Ada Lovelace");
    g_assert_cmpstr (rolo_contact_get_notes (ada), ==, "");
  }
}

static void
test_import_back_and_again (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "sheet.csv", sheet, -1);
  RoloImportDialog *dialog = open_import (fixture, path);

  wait_for_page (fixture, "mapping");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.check", NULL);
  wait_for_page (fixture, "report");
  /* Back to the columns: the email column is not imported; every row is ready. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.back", NULL);
  wait_for_page (fixture, "mapping");
  adw_combo_row_set_selected (rolo_import_dialog_get_column_row (dialog, 2),
                              ROLO_IMPORT_FIELD_SKIP);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.check", NULL);
  wait_for_page (fixture, "report");
  g_assert_true (has_row_titled (GTK_WIDGET (dialog), "3 rows ready to import"));
  g_assert_false (has_row_titled (GTK_WIDGET (dialog), "Line 3: Email"));
}

static void
test_import_unreadable (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *path = write_file (fixture, "empty.csv", "", 0);

  open_import (fixture, path);
  wait_for_page (fixture, "failed");
}

static void
exported_cb (RoloExportDialog *dialog,
             GFile            *file,
             guint             n_exported,
             Fixture          *fixture)
{
  g_set_object (&fixture->exported, file);
  fixture->n_exported = n_exported;
}

static RoloExportDialog *
open_export (Fixture          *fixture,
             RoloContactQuery *query,
             const gint64     *ids,
             gsize             n_ids)
{
  RoloExportDialog *dialog = rolo_export_dialog_new (fixture->client, query, 0, ids, n_ids);

  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), fixture);
  fixture_show (fixture, GTK_WINDOW (dialog));
  return dialog;
}

static void
test_export_vcard (Fixture       *fixture,
                   gconstpointer  user_data)
{
  static const gint64 ids[] = { 4, 9, 2 };
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "three.vcf", NULL);
  g_autofree char *contents = NULL;
  RoloExportDialog *dialog = open_export (fixture, query, ids, G_N_ELEMENTS (ids));
  GtkWidget *vcard_check;
  guint n_cards = 0;

  g_assert_true (has_row_titled (GTK_WIDGET (dialog), "The 3 selected contacts"));
  /* The second choice of format. */
  vcard_check = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, 1);
  g_assert_nonnull (vcard_check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (vcard_check), TRUE);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.export-to", "s", path);
  rolo_test_wait_until (dialog_gone, fixture, TIMEOUT_MS);
  g_assert_cmpuint (fixture->n_exported, ==, 3);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (const char *p = contents; (p = strstr (p, "BEGIN:VCARD")) != NULL; p++)
    n_cards++;
  g_assert_cmpuint (n_cards, ==, 3);
}

static void
test_export_cancel (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "all.csv", NULL);
  RoloExportDialog *dialog = open_export (fixture, query, NULL, 0);

  /* Slow enough to be midway when Cancel comes. */
  rolo_sandbox_set_latency (fixture->sandbox, 20);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.export-to", "s", path);
  rolo_test_iterate_for (300);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL);
  rolo_test_wait_until (dialog_gone, fixture, TIMEOUT_MS);
  rolo_test_iterate_for (200);
  g_assert_null (fixture->exported);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* No half file beside it either. */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);

    g_assert_null (g_dir_read_name (dir));
  }
}

int
main (int   argc,
      char *argv[])
{
  rolo_test_gtk_init (&argc, &argv);

#define ADD(path, n, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/import/pages", 0, test_import_pages);
  ADD ("/ui/import/back-and-again", 0, test_import_back_and_again);
  ADD ("/ui/import/unreadable", 0, test_import_unreadable);
  ADD ("/ui/export/vcard", 20, test_export_vcard);
  ADD ("/ui/export/cancel", 1000, test_export_cancel);

  return g_test_run ();
}
