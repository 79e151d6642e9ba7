/* rolo-importer.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-io"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rolo-contact-csv.h"
#include "rolo-country.h"
#include "rolo-importer-private.h"

#define PROBLEM_COLUMN N_("Import problem")

G_DEFINE_FINAL_TYPE (RoloImporter, rolo_importer, ROLO_TYPE_TRANSFER)

/* ---- progress ---- */

static void
rolo_importer_set_progress (RoloImporter *self,
                            guint         n_done,
                            guint         n_total)
{
  rolo_transfer_set_progress (ROLO_TRANSFER (self), n_done, n_total);
}

void
rolo_importer_count_row (RoloImporter *self)
{
  RoloTransfer *transfer = ROLO_TRANSFER (self);

  rolo_importer_set_progress (self, rolo_transfer_get_n_done (transfer) + 1,
                              rolo_transfer_get_n_total (transfer));
}

/* ---- object ---- */

static void
rolo_importer_finalize (GObject *object)
{
  RoloImporter *self = ROLO_IMPORTER (object);

  g_clear_object (&self->client);
  g_clear_object (&self->file);
  g_strfreev (self->columns);
  g_free (self->mapping);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_array_unref);
  g_clear_pointer (&self->report_rows, g_ptr_array_unref);
  g_clear_pointer (&self->ready, g_hash_table_unref);
  g_clear_pointer (&self->parents, g_hash_table_unref);
  g_clear_pointer (&self->email_keys, g_hash_table_unref);
  g_clear_pointer (&self->name_keys, g_hash_table_unref);
  g_clear_pointer (&self->created, g_array_unref);
  g_clear_pointer (&self->created_at, g_array_unref);

  G_OBJECT_CLASS (rolo_importer_parent_class)->finalize (object);
}

static void
rolo_importer_class_init (RoloImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rolo_importer_finalize;
}

static void
rolo_importer_reset (RoloImporter *self)
{
  g_clear_pointer (&self->problems, g_array_unref);
  g_clear_pointer (&self->report_rows, g_ptr_array_unref);
  g_clear_pointer (&self->ready, g_hash_table_unref);
  g_clear_pointer (&self->email_keys, g_hash_table_unref);
  g_clear_pointer (&self->name_keys, g_hash_table_unref);
  self->problems = g_array_new (FALSE, FALSE, sizeof (RoloImportProblem));
  g_array_set_clear_func (self->problems, rolo_import_problem_clear);
  self->report_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->ready = g_hash_table_new (NULL, NULL);
  self->email_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->name_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->n_rows = self->n_existing = self->n_invalid = 0;
}

static void
rolo_importer_init (RoloImporter *self)
{
  self->email_notify = TRUE;
  self->parents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->created = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->created_at = g_array_new (FALSE, FALSE, sizeof (guint));
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  rolo_importer_reset (self);
}

RoloImporter *
rolo_importer_new (RoloClient *client,
                   GFile      *file)
{
  RoloImporter *self;

  g_return_val_if_fail (ROLO_IS_CLIENT (client), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* The country table loads once, here, before threads read it. */
  rolo_country_list_get_default ();

  self = g_object_new (ROLO_TYPE_IMPORTER, NULL);
  self->client = g_object_ref (client);
  self->file = g_object_ref (file);
  return self;
}

void
rolo_importer_set_notify_defaults (RoloImporter *self,
                                   gboolean      email,
                                   gboolean      sms,
                                   gboolean      whatsapp)
{
  g_return_if_fail (ROLO_IS_IMPORTER (self));

  self->email_notify = !!email;
  self->sms_notify = !!sms;
  self->whatsapp_notify = !!whatsapp;
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RoloImporter *self = g_task_get_source_object (task);
  GTask *inner = G_TASK (result);
  ImportSource *opened = g_task_get_task_data (inner);
  GError *error = NULL;
  GPtrArray *preview = g_task_propagate_pointer (inner, &error);
  guint n_columns;

  if (preview == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  self->preview = preview;
  self->format = opened->format;
  g_strfreev (self->columns);
  self->columns = g_steal_pointer (&opened->header);
  n_columns = self->columns != NULL ? g_strv_length (self->columns) : 0;
  g_free (self->mapping);
  self->mapping = g_new0 (RoloImportField, MAX (n_columns, 1));
  for (guint i = 0; i < n_columns; i++)
    {
      RoloImportField field = rolo_import_field_guess (self->columns[i]);

      /* A field from its first column only ("E-mail 2 - Value" stays out). */
      for (guint j = 0; j < i && field != ROLO_IMPORT_FIELD_SKIP; j++)
        if (self->mapping[j] == field)
          field = ROLO_IMPORT_FIELD_SKIP;
      self->mapping[i] = field;
    }
  g_task_return_boolean (task, TRUE);
}

void
rolo_importer_open_async (RoloImporter        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;

  g_return_if_fail (ROLO_IS_IMPORTER (self));
  g_return_if_fail (!self->busy);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rolo_importer_open_async);
  inner = g_task_new (self, cancellable, opened_cb, g_steal_pointer (&task));
  g_task_set_task_data (inner, rolo_import_source_new (self),
                        (GDestroyNotify) rolo_import_source_free);
  g_task_run_in_thread (inner, rolo_import_source_open_thread);
}

gboolean
rolo_importer_open_finish (RoloImporter  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

RoloFileFormat
rolo_importer_get_format (RoloImporter *self)
{
  g_return_val_if_fail (ROLO_IS_IMPORTER (self), ROLO_FILE_FORMAT_UNKNOWN);

  return self->format;
}

const char * const *
rolo_importer_get_columns (RoloImporter *self)
{
  g_return_val_if_fail (ROLO_IS_IMPORTER (self), NULL);

  return (const char * const *) self->columns;
}

RoloImportField
rolo_importer_get_mapping (RoloImporter *self,
                           guint         column)
{
  g_return_val_if_fail (ROLO_IS_IMPORTER (self), ROLO_IMPORT_FIELD_SKIP);
  g_return_val_if_fail (self->columns != NULL && column < g_strv_length (self->columns),
                        ROLO_IMPORT_FIELD_SKIP);

  return self->mapping[column];
}

void
rolo_importer_set_mapping (RoloImporter    *self,
                           guint            column,
                           RoloImportField  field)
{
  g_return_if_fail (ROLO_IS_IMPORTER (self));
  g_return_if_fail (self->columns != NULL && column < g_strv_length (self->columns));
  g_return_if_fail (field < ROLO_IMPORT_N_FIELDS);
  g_return_if_fail (!self->busy);

  self->mapping[column] = field;
}

GPtrArray *
rolo_importer_get_preview (RoloImporter *self)
{
  g_return_val_if_fail (ROLO_IS_IMPORTER (self), NULL);

  return self->preview;
}

void
rolo_importer_check_async (RoloImporter        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (ROLO_IS_IMPORTER (self));
  g_return_if_fail (self->format != ROLO_FILE_FORMAT_UNKNOWN);
  g_return_if_fail (!self->busy);

  rolo_importer_reset (self);
  rolo_importer_set_progress (self, 0, 0);
  rolo_importer_start_pass (self, PASS_CHECK, cancellable, callback, user_data,
                            rolo_importer_check_async);
}

gboolean
rolo_importer_check_finish (RoloImporter  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
rolo_importer_get_n_rows (RoloImporter *self)
{
  g_return_val_if_fail (ROLO_IS_IMPORTER (self), 0);

  return self->n_rows;
}

guint
rolo_importer_get_n_ready (RoloImporter *self)
{
  g_return_val_if_fail (ROLO_IS_IMPORTER (self), 0);

  return g_hash_table_size (self->ready);
}

guint
rolo_importer_get_n_existing (RoloImporter *self)
{
  g_return_val_if_fail (ROLO_IS_IMPORTER (self), 0);

  return self->n_existing;
}

guint
rolo_importer_get_n_invalid (RoloImporter *self)
{
  g_return_val_if_fail (ROLO_IS_IMPORTER (self), 0);

  return self->n_invalid;
}

guint
rolo_importer_get_n_problems (RoloImporter *self)
{
  g_return_val_if_fail (ROLO_IS_IMPORTER (self), 0);

  return self->problems->len;
}

const RoloImportProblem *
rolo_importer_get_problem (RoloImporter *self,
                           guint         index)
{
  g_return_val_if_fail (ROLO_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);

  return &g_array_index (self->problems, RoloImportProblem, index);
}

void
rolo_importer_import_async (RoloImporter        *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (ROLO_IS_IMPORTER (self));
  g_return_if_fail (!self->busy);

  g_array_set_size (self->created, 0);
  g_array_set_size (self->created_at, 0);
  rolo_importer_set_progress (self, 0, g_hash_table_size (self->ready));
  rolo_importer_start_pass (self, PASS_IMPORT, cancellable, callback, user_data,
                            rolo_importer_import_async);
}

gboolean
rolo_importer_import_finish (RoloImporter  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

const gint64 *
rolo_importer_get_created_ids (RoloImporter *self,
                               gsize        *n_ids)
{
  g_return_val_if_fail (ROLO_IS_IMPORTER (self), NULL);

  if (n_ids != NULL)
    *n_ids = self->created->len;
  return (const gint64 *) (gconstpointer) self->created->data;
}

typedef struct
{
  GFile     *file;
  GStrv      header;
  GPtrArray *rows;
} Report;

static void
report_free (Report *report)
{
  g_clear_object (&report->file);
  g_strfreev (report->header);
  g_ptr_array_unref (report->rows);
  g_free (report);
}

static void
save_report_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Report *report = task_data;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(RoloCsvWriter) writer = NULL;
  GError *error = NULL;

  out = g_file_replace (report->file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &error);
  if (out == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  writer = rolo_csv_writer_new (G_OUTPUT_STREAM (out), TRUE);
  if (!rolo_csv_writer_write_record (writer, (const char * const *) report->header, cancellable,
                                     &error))
    goto out;
  for (guint i = 0; i < report->rows->len; i++)
    if (!rolo_csv_writer_write_record (writer, g_ptr_array_index (report->rows, i), cancellable,
                                       &error))
      goto out;
  g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error);

out:
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
rolo_importer_save_report_async (RoloImporter        *self,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
  Report *report;

  g_return_if_fail (ROLO_IS_IMPORTER (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->columns != NULL)
    g_strv_builder_addv (header, (const char **) self->columns);
  else
    g_strv_builder_addv (header, (const char **) rolo_contact_csv_header ());
  g_strv_builder_add (header, g_dgettext (GETTEXT_PACKAGE, PROBLEM_COLUMN));

  report = g_new0 (Report, 1);
  report->file = g_object_ref (file);
  report->header = g_strv_builder_end (header);
  /* The rows as they are now: the thread writes a copy. */
  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < self->report_rows->len; i++)
    g_ptr_array_add (report->rows, g_strdupv (g_ptr_array_index (self->report_rows, i)));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rolo_importer_save_report_async);
  g_task_set_task_data (task, report, (GDestroyNotify) report_free);
  g_task_run_in_thread (task, save_report_thread);
}

gboolean
rolo_importer_save_report_finish (RoloImporter  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
