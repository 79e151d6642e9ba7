/* rolo-import-dialog.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-error-text.h"
#include "rolo-file-pick.h"
#include "rolo-import-dialog.h"
#include "rolo-importer.h"
#include "rolo-toolbar.h"
#include "rolo-transfer-progress.h"

/* A report lists this many problems; the saved report has them all. */
#define MAX_PROBLEM_ROWS 200
#define N_EXAMPLES       3

struct _RoloImportDialog
{
  AdwWindow             parent_instance;

  GtkStack             *stack;
  AdwStatusPage        *failed_page;
  AdwPreferencesGroup  *columns_group;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  AdwActionRow         *ready_row;
  AdwActionRow         *existing_row;
  AdwActionRow         *invalid_row;
  GtkListBox           *problems_list;
  GtkWidget            *back_button;
  GtkButton            *next_button;

  RoloImporter         *importer;
  GPtrArray            *column_rows;  /* AdwComboRow, one a column */
  GtkWidget            *problem_rows[MAX_PROBLEM_ROWS + 1];
  guint                 n_problem_rows;
  GCancellable         *cancellable;  /* of the step running, if any */
  gboolean              imported;
};

G_DEFINE_FINAL_TYPE (RoloImportDialog, rolo_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rolo_import_dialog_show_page (RoloImportDialog *self,
                              const char       *page)
{
  gboolean report = g_str_equal (page, "report");
  gboolean mapping = g_str_equal (page, "mapping");
  guint n_ready = rolo_importer_get_n_ready (self->importer);
  g_autofree char *label = NULL;

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (self->back_button,
                          report && rolo_importer_get_columns (self->importer) != NULL &&
                          !self->imported);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.check", mapping);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.back", report && !self->imported);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import",
                                 report && n_ready > 0 && !self->imported);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-report",
                                 report && rolo_importer_get_n_invalid (self->importer) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-report-to", report);

  gtk_widget_set_visible (GTK_WIDGET (self->next_button), mapping || report);
  if (mapping)
    {
      gtk_button_set_label (self->next_button, _("_Check Rows"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button), "import.check");
    }
  else if (report)
    {
      /* Translators: the button that starts creating the contacts. */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %'u Contact",
                                            "_Import %'u Contacts", n_ready), n_ready);
      gtk_button_set_label (self->next_button, label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button), "import.import");
    }
}

static void
rolo_import_dialog_fail (RoloImportDialog *self,
                         const char       *title,
                         const GError     *error)
{
  g_autofree char *description = error->domain == ROLO_CLIENT_ERROR
                                   ? rolo_error_text_description (error)
                                   : g_strdup (error->message);

  adw_status_page_set_title (self->failed_page, title);
  adw_status_page_set_description (self->failed_page, description);
  rolo_import_dialog_show_page (self, "failed");
}

/* ---- the mapping page ---- */

static char *
column_examples (RoloImportDialog *self,
                 guint             column)
{
  GPtrArray *preview = rolo_importer_get_preview (self->importer);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) examples = NULL;
  guint n = 0;

  for (guint i = 0; i < preview->len && n < N_EXAMPLES; i++)
    {
      GStrv record = g_ptr_array_index (preview, i);

      if (column < g_strv_length (record) && *g_strstrip (record[column]) != '\0')
        {
          g_strv_builder_add (builder, record[column]);
          n++;
        }
    }
  examples = g_strv_builder_end (builder);
  if (n == 0)
    return g_strdup (_("Empty in the first rows"));
  /* Examples of a column's values, separated as in any list. */
  return g_strjoinv (C_("list separator", ", "), examples);
}

static void
column_selected_cb (AdwComboRow      *row,
                    GParamSpec       *pspec,
                    RoloImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "rolo-column"));

  rolo_importer_set_mapping (self->importer, column, adw_combo_row_get_selected (row));
}

static GListModel *
new_field_model (void)
{
  GtkStringList *titles = gtk_string_list_new (NULL);

  for (guint i = 0; i < ROLO_IMPORT_N_FIELDS; i++)
    gtk_string_list_append (titles, rolo_import_field_get_title (i));
  return G_LIST_MODEL (titles);
}

static void
rolo_import_dialog_fill_columns (RoloImportDialog *self)
{
  const char * const *columns = rolo_importer_get_columns (self->importer);

  if (columns == NULL)
    {
      adw_preferences_group_set_description (self->columns_group,
                                             _("A vCard file says what each value is: names, "
                                               "emails, phones, addresses, notes and "
                                               "categories are read as they are."));
      return;
    }

  adw_preferences_group_set_description (self->columns_group,
                                         _("Choose what each column of the file holds. The "
                                           "examples come from its first rows."));
  for (guint i = 0; columns[i] != NULL; i++)
    {
      g_autoptr(GListModel) model = new_field_model ();
      g_autofree char *examples = column_examples (self, i);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     *columns[i] != '\0' ? columns[i] : _("(no name)"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), examples);
      adw_combo_row_set_model (row, model);
      adw_combo_row_set_selected (row, rolo_importer_get_mapping (self->importer, i));
      g_object_set_data (G_OBJECT (row), "rolo-column", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (column_selected_cb), self,
                               0);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RoloImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  if (!rolo_importer_open_finish (self->importer, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rolo_import_dialog_fail (self, _("Cannot Read This File"), error);
      return;
    }
  rolo_import_dialog_fill_columns (self);
  rolo_import_dialog_show_page (self, "mapping");
}

/* ---- progress and the report ---- */

static void
progress_cb (RoloImportDialog *self)
{
  rolo_transfer_progress_show (ROLO_TRANSFER (self->importer), self->progress_bar);
}

/* Rows for nothing stay hidden, but the first. */
static void
set_count_row (AdwActionRow *row,
               guint         n,
               gboolean      always,
               char         *title)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_visible (GTK_WIDGET (row), n > 0 || always);
  g_free (title);
}

static GtkWidget *
new_problem_row (const RoloImportProblem *problem)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;

  if (problem->field != NULL)
    /* Translators: "Line 12: cstemail", where a problem is. */
    title = g_strdup_printf (_("Line %u: %s"), problem->line, problem->field);
  else
    title = g_strdup_printf (_("Line %u"), problem->line);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->message);
  return row;
}

static void
rolo_import_dialog_fill_report (RoloImportDialog *self)
{
  guint n_problems = rolo_importer_get_n_problems (self->importer);

  guint n_ready = rolo_importer_get_n_ready (self->importer);
  guint n_existing = rolo_importer_get_n_existing (self->importer);
  guint n_invalid = rolo_importer_get_n_invalid (self->importer);
  gsize n_created = 0;

  rolo_importer_get_created_ids (self->importer, &n_created);
  if (self->imported)
    set_count_row (self->ready_row, n_created, TRUE,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u contact imported",
                                                 "%'u contacts imported", n_created),
                                    (guint) n_created));
  else
    set_count_row (self->ready_row, n_ready, TRUE,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u row ready to import",
                                                 "%'u rows ready to import", n_ready), n_ready));
  set_count_row (self->existing_row, n_existing, FALSE,
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%'u row already there: skipped",
                                               "%'u rows already there: skipped", n_existing),
                                  n_existing));
  set_count_row (self->invalid_row, n_invalid, FALSE,
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%'u row with problems: not imported",
                                               "%'u rows with problems: not imported",
                                               n_invalid), n_invalid));

  for (guint i = 0; i < self->n_problem_rows; i++)
    gtk_list_box_remove (self->problems_list, self->problem_rows[i]);
  self->n_problem_rows = 0;
  for (guint i = 0; i < n_problems && i < MAX_PROBLEM_ROWS; i++)
    {
      GtkWidget *row = new_problem_row (rolo_importer_get_problem (self->importer, i));

      self->problem_rows[self->n_problem_rows++] = row;
      gtk_list_box_append (self->problems_list, row);
    }
  if (n_problems > MAX_PROBLEM_ROWS)
    {
      GtkWidget *more = adw_action_row_new ();
      guint n_more = n_problems - MAX_PROBLEM_ROWS;
      g_autofree char *title =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "And %'u more: save the report to see them all",
                                      "And %'u more: save the report to see them all", n_more),
                         n_more);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
      self->problem_rows[self->n_problem_rows++] = more;
      gtk_list_box_append (self->problems_list, more);
    }
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->problems_list)),
                          n_problems > 0);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RoloImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  if (!rolo_importer_check_finish (self->importer, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rolo_import_dialog_show_page (self, "mapping");
      else
        rolo_import_dialog_fail (self, _("Could Not Check the Rows"), error);
      return;
    }
  rolo_import_dialog_fill_report (self);
  rolo_import_dialog_show_page (self, "report");
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RoloImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_invalid_before = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "rolo-invalid"));
  const gint64 *created;
  gsize n_created = 0;
  gboolean finished;

  g_clear_object (&self->cancellable);
  finished = rolo_importer_import_finish (self->importer, result, &error);
  created = rolo_importer_get_created_ids (self->importer, &n_created);
  g_array_append_vals (ids, created, n_created);
  self->imported = TRUE;
  if (n_created > 0)
    g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, ids);

  if (finished && rolo_importer_get_n_invalid (self->importer) == n_invalid_before)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (!finished && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      rolo_import_dialog_fail (self, _("The Import Stopped"), error);
      return;
    }
  /* The server refused some: they join the report. */
  rolo_import_dialog_fill_report (self);
  rolo_import_dialog_show_page (self, "report");
}

static void
rolo_import_dialog_start (RoloImportDialog *self,
                          const char       *label)
{
  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  rolo_import_dialog_show_page (self, "progress");
  self->cancellable = g_cancellable_new ();
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RoloImportDialog *self = ROLO_IMPORT_DIALOG (widget);

  rolo_import_dialog_start (self, _("Checking every row…"));
  rolo_importer_check_async (self->importer, self->cancellable, checked_cb,
                             g_object_ref (self));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rolo_import_dialog_show_page (ROLO_IMPORT_DIALOG (widget), "mapping");
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RoloImportDialog *self = ROLO_IMPORT_DIALOG (widget);

  g_object_set_data (G_OBJECT (self), "rolo-invalid",
                     GUINT_TO_POINTER (rolo_importer_get_n_invalid (self->importer)));
  rolo_import_dialog_start (self, _("Importing…"));
  rolo_importer_import_async (self->importer, self->cancellable, imported_cb,
                              g_object_ref (self));
}

static void
report_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RoloImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rolo_importer_save_report_finish (self->importer, result, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not save the report: %s"),
                                               error->message);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (
                                               GTK_WIDGET (self->problems_list),
                                               ADW_TYPE_PREFERENCES_GROUP)), text);
    }
}

static void
rolo_import_dialog_save_report (RoloImportDialog *self,
                                GFile            *file)
{
  rolo_importer_save_report_async (self->importer, file, NULL, report_saved_cb,
                                   g_object_ref (self));
}

static void
report_picked_cb (GtkWidget *owner,
                  GFile     *file)
{
  if (file != NULL)
    rolo_import_dialog_save_report (ROLO_IMPORT_DIALOG (owner), file);
}

static void
save_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  rolo_file_pick (widget, ROLO_FILE_PICK_SAVE, _("Save Report"), _("_Save"),
                  /* Translators: the suggested file name of an import's report. */
                  _("Rows not imported.csv"), NULL, report_picked_cb);
}

static void
save_report_to_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  rolo_import_dialog_save_report (ROLO_IMPORT_DIALOG (widget), file);
}

/* Stops the step running (checking goes back to the columns; an import
 * keeps what it created), or closes. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RoloImportDialog *self = ROLO_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
rolo_import_dialog_dispose (GObject *object)
{
  RoloImportDialog *self = ROLO_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (rolo_import_dialog_parent_class)->dispose (object);
}

static void
rolo_import_dialog_finalize (GObject *object)
{
  RoloImportDialog *self = ROLO_IMPORT_DIALOG (object);

  g_clear_object (&self->importer);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rolo_import_dialog_parent_class)->finalize (object);
}

static void
rolo_import_dialog_class_init (RoloImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rolo_import_dialog_dispose;
  object_class->finalize = rolo_import_dialog_finalize;

  /**
   * RoloImportDialog::imported:
   * @ids: (element-type gint64): the contacts created
   */
  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_ARRAY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/rolo-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RoloImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RoloImportDialog, failed_page);
  gtk_widget_class_bind_template_child (widget_class, RoloImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, RoloImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RoloImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RoloImportDialog, ready_row);
  gtk_widget_class_bind_template_child (widget_class, RoloImportDialog, existing_row);
  gtk_widget_class_bind_template_child (widget_class, RoloImportDialog, invalid_row);
  gtk_widget_class_bind_template_child (widget_class, RoloImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, RoloImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, RoloImportDialog, next_button);

  gtk_widget_class_install_action (widget_class, "import.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "import.save-report", NULL, save_report_action);
  gtk_widget_class_install_action (widget_class, "import.save-report-to", "s",
                                   save_report_to_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
}

static void
rolo_import_dialog_init (RoloImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rolo_toolbar_adopt (GTK_WIDGET (self));
  self->column_rows = g_ptr_array_new ();
}

RoloImportDialog *
rolo_import_dialog_new (RoloClient *client,
                        GFile      *file,
                        GSettings  *settings)
{
  RoloImportDialog *self;

  g_return_val_if_fail (ROLO_IS_CLIENT (client), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ROLO_TYPE_IMPORT_DIALOG, NULL);
  self->importer = rolo_importer_new (client, file);
  if (settings != NULL)
    rolo_importer_set_notify_defaults (self->importer,
                                       g_settings_get_boolean (settings,
                                                               "new-contact-email-notify"),
                                       g_settings_get_boolean (settings,
                                                               "new-contact-sms-notify"),
                                       g_settings_get_boolean (settings,
                                                               "new-contact-whatsapp-notify"));
  g_signal_connect_object (self->importer, "notify::n-done", G_CALLBACK (progress_cb), self,
                           G_CONNECT_SWAPPED);

  rolo_import_dialog_show_page (self, "loading");
  self->cancellable = g_cancellable_new ();
  rolo_importer_open_async (self->importer, self->cancellable, opened_cb, g_object_ref (self));
  return self;
}

AdwComboRow *
rolo_import_dialog_get_column_row (RoloImportDialog *self,
                                   guint             column)
{
  g_return_val_if_fail (ROLO_IS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (column < self->column_rows->len, NULL);

  return g_ptr_array_index (self->column_rows, column);
}

const char *
rolo_import_dialog_get_page (RoloImportDialog *self)
{
  g_return_val_if_fail (ROLO_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
