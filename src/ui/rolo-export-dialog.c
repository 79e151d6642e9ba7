/* rolo-export-dialog.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-error-text.h"
#include "rolo-export-dialog.h"
#include "rolo-exporter.h"
#include "rolo-file-pick.h"
#include "rolo-toolbar.h"
#include "rolo-transfer-progress.h"

struct _RoloExportDialog
{
  AdwWindow             parent_instance;

  GtkStack             *stack;
  AdwActionRow         *scope_row;
  GtkCheckButton       *csv_check;
  GtkLabel             *error_label;
  GtkProgressBar       *progress_bar;

  RoloClient           *client;
  RoloContactQuery     *query;
  GArray               *ids;      /* gint64, or NULL: the query's contacts */
  RoloExporter         *exporter; /* while exporting */
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (RoloExportDialog, rolo_export_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static RoloFileFormat
rolo_export_dialog_get_format (RoloExportDialog *self)
{
  return gtk_check_button_get_active (self->csv_check) ? ROLO_FILE_FORMAT_CSV
                                                       : ROLO_FILE_FORMAT_VCARD;
}

static void
progress_cb (RoloExportDialog *self)
{
  rolo_transfer_progress_show (ROLO_TRANSFER (self->exporter), self->progress_bar);
}

static void
rolo_export_dialog_set_busy (RoloExportDialog *self,
                             gboolean          busy)
{
  gtk_stack_set_visible_child_name (self->stack, busy ? "progress" : "options");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export-to", !busy);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RoloExportDialog) self = user_data;
  g_autoptr(RoloExporter) exporter = g_steal_pointer (&self->exporter);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_object_steal_data (G_OBJECT (exporter), "rolo-file");
  guint n_exported = 0;

  g_clear_object (&self->cancellable);
  if (rolo_exporter_export_finish (exporter, result, &n_exported, &error))
    {
      g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, file, n_exported);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  rolo_export_dialog_set_busy (self, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  {
    g_autofree char *title = rolo_error_text_title (error);
    g_autofree char *description = rolo_error_text_description (error);
    /* Two sentences of their own, each whole in its language: a heading
     * and what to do. */
    g_autofree char *text = g_strdup_printf ("%s\n%s", title, description);

    gtk_label_set_text (self->error_label, text);
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  }
}

static void
rolo_export_dialog_export_to (RoloExportDialog *self,
                              GFile            *file)
{
  self->exporter = rolo_exporter_new (self->client, rolo_export_dialog_get_format (self));
  if (self->ids != NULL)
    rolo_exporter_set_ids (self->exporter, (const gint64 *) (gconstpointer) self->ids->data, self->ids->len);
  else
    rolo_exporter_set_query (self->exporter, self->query);
  g_object_set_data_full (G_OBJECT (self->exporter), "rolo-file", g_object_ref (file),
                          g_object_unref);
  g_signal_connect_object (self->exporter, "notify::n-done", G_CALLBACK (progress_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->exporter, "notify::n-total", G_CALLBACK (progress_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  rolo_export_dialog_set_busy (self, TRUE);
  progress_cb (self);
  self->cancellable = g_cancellable_new ();
  rolo_exporter_export_async (self->exporter, file, self->cancellable, exported_cb,
                              g_object_ref (self));
}

static void
file_picked_cb (GtkWidget *owner,
                GFile     *file)
{
  if (file != NULL)
    rolo_export_dialog_export_to (ROLO_EXPORT_DIALOG (owner), file);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RoloExportDialog *self = ROLO_EXPORT_DIALOG (widget);
  RoloFileFormat format = rolo_export_dialog_get_format (self);
  /* Translators: the file name an export suggests; the extension follows. */
  g_autofree char *name = g_strdup_printf ("%s.%s", C_("file name", "Contacts"),
                                           rolo_file_format_get_extension (format));

  rolo_file_pick (widget, ROLO_FILE_PICK_SAVE, _("Export Contacts"), _("_Export"), name, NULL,
                  file_picked_cb);
}

static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  rolo_export_dialog_export_to (ROLO_EXPORT_DIALOG (widget), file);
}

/* Stops an export (which then closes the dialog), or closes. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RoloExportDialog *self = ROLO_EXPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
rolo_export_dialog_close_request (GtkWindow *window)
{
  RoloExportDialog *self = ROLO_EXPORT_DIALOG (window);

  /* Closing while exporting cancels; the half file goes. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (rolo_export_dialog_parent_class)->close_request (window);
}

static void
rolo_export_dialog_dispose (GObject *object)
{
  RoloExportDialog *self = ROLO_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (rolo_export_dialog_parent_class)->dispose (object);
}

static void
rolo_export_dialog_finalize (GObject *object)
{
  RoloExportDialog *self = ROLO_EXPORT_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->query);
  g_clear_object (&self->exporter);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (rolo_export_dialog_parent_class)->finalize (object);
}

static void
rolo_export_dialog_class_init (RoloExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rolo_export_dialog_dispose;
  object_class->finalize = rolo_export_dialog_finalize;
  window_class->close_request = rolo_export_dialog_close_request;

  /**
   * RoloExportDialog::exported:
   * @file: the file written
   * @n_exported: how many contacts it holds
   */
  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/rolo-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RoloExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RoloExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, RoloExportDialog, csv_check);
  gtk_widget_class_bind_template_child (widget_class, RoloExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RoloExportDialog, progress_bar);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "export.export-to", "s", export_to_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
}

static void
rolo_export_dialog_init (RoloExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rolo_toolbar_adopt (GTK_WIDGET (self));
}

static void
rolo_export_dialog_describe_scope (RoloExportDialog *self,
                                   guint             n_in_view)
{
  g_autofree char *title = NULL;
  const char *search = rolo_contact_query_get_search (self->query);

  if (self->ids != NULL)
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The %'u selected contact",
                                            "The %'u selected contacts", self->ids->len),
                               self->ids->len);
      adw_action_row_set_subtitle (self->scope_row, NULL);
    }
  else
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The %'u contact of this view",
                                            "All %'u contacts of this view", n_in_view),
                               n_in_view);
      if (*search != '\0')
        {
          /* Translators: %s is the search text. */
          g_autofree char *subtitle = g_strdup_printf (_("Those found by “%s”, in the order "
                                                         "shown"), search);

          adw_action_row_set_subtitle (self->scope_row, subtitle);
        }
      else
        adw_action_row_set_subtitle (self->scope_row, _("Every page, in the order shown, not "
                                                        "only the rows loaded"));
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scope_row), title);
}

RoloExportDialog *
rolo_export_dialog_new (RoloClient       *client,
                        RoloContactQuery *query,
                        guint             n_in_view,
                        const gint64     *ids,
                        gsize             n_ids)
{
  RoloExportDialog *self;

  g_return_val_if_fail (ROLO_IS_CLIENT (client), NULL);
  g_return_val_if_fail (ROLO_IS_CONTACT_QUERY (query), NULL);

  self = g_object_new (ROLO_TYPE_EXPORT_DIALOG, NULL);
  self->client = g_object_ref (client);
  self->query = rolo_contact_query_copy (query);
  if (ids != NULL)
    {
      self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
      g_array_append_vals (self->ids, ids, n_ids);
    }
  rolo_export_dialog_describe_scope (self, n_in_view);
  return self;
}
