/* rolo-importer-source.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-io"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rolo-contact-validation.h"
#include "rolo-country.h"
#include "rolo-file-format.h"
#include "rolo-importer-private.h"

#define PREVIEW_ROWS  5
#define BATCH_ROWS    256
#define SNIFF_BYTES   4096

/* ---- rows and problems ---- */

/* NULL too: the batch's slots are emptied as rows are taken. */
void
rolo_import_row_free (ImportRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->fields);
  g_clear_object (&row->contact);
  g_ptr_array_unref (row->problems);
  g_free (row);
}

static void
problem_free (gpointer data)
{
  RoloImportProblem *problem = data;

  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

void
rolo_import_problem_clear (gpointer data)
{
  RoloImportProblem *problem = data;

  g_clear_pointer (&problem->field, g_free);
  g_clear_pointer (&problem->message, g_free);
}

static ImportRow *
rolo_import_row_new (guint index,
                     guint line)
{
  ImportRow *row = g_new0 (ImportRow, 1);

  row->index = index;
  row->line = line;
  row->problems = g_ptr_array_new_with_free_func (problem_free);
  return row;
}

void
rolo_import_row_add_problem (ImportRow             *row,
                             RoloImportProblemKind  kind,
                             const char            *field,
                             char                  *message)
{
  RoloImportProblem *problem = g_new0 (RoloImportProblem, 1);

  problem->kind = kind;
  problem->line = row->line;
  problem->field = g_strdup (field);
  problem->message = message;
  g_ptr_array_add (row->problems, problem);
}

/* The column a field came from, to name it as the user's file does. */
const char *
rolo_import_source_label (ImportSource *source,
                          const char   *api_field)
{
  if (source->header == NULL)
    return api_field;
  for (guint i = 0; source->header[i] != NULL; i++)
    if (g_strcmp0 (rolo_import_field_get_api_name (source->mapping[i]), api_field) == 0)
      return source->header[i];
  return api_field;
}

void
rolo_import_row_add_field_errors (ImportRow    *row,
                                  ImportSource *source,
                                  GHashTable   *errors)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, errors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char * const *messages = value;

      for (guint i = 0; messages != NULL && messages[i] != NULL; i++)
        rolo_import_row_add_problem (row, ROLO_IMPORT_PROBLEM_INVALID,
                                     rolo_import_source_label (source, key),
                                     g_strdup (messages[i]));
    }
}

/* Rules the client's validation leaves to the server. */
static void
rolo_import_row_check_country (ImportRow    *row,
                               ImportSource *source)
{
  int id = rolo_contact_get_mobile_country_id (row->contact);

  if (id != 0 && rolo_country_lookup_id (id) == NULL)
    rolo_import_row_add_problem (row, ROLO_IMPORT_PROBLEM_INVALID,
                                 rolo_import_source_label (source,
                                                           ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID),
                                 /* Translators: %d is a country id. */
                                 g_strdup_printf (_("No country has the id %d."), id));
}

static void
rolo_import_row_validate (ImportRow    *row,
                          ImportSource *source)
{
  g_autoptr(GHashTable) errors = rolo_contact_validate (row->contact);

  if (errors != NULL)
    rolo_import_row_add_field_errors (row, source, errors);
  rolo_import_row_check_country (row, source);
}

/* ---- reading (worker thread) ---- */

void
rolo_import_source_free (ImportSource *source)
{
  g_clear_object (&source->csv);
  g_clear_pointer (&source->vcard, rolo_vcard_reader_free);
  g_clear_object (&source->stream);
  g_clear_object (&source->file);
  g_strfreev (source->header);
  g_free (source->mapping);
  g_free (source);
}

ImportSource *
rolo_import_source_new (RoloImporter *self)
{
  ImportSource *source = g_new0 (ImportSource, 1);

  source->file = g_object_ref (self->file);
  source->email_notify = self->email_notify;
  source->sms_notify = self->sms_notify;
  source->whatsapp_notify = self->whatsapp_notify;
  return source;
}

static gboolean
rolo_import_source_open (ImportSource  *source,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFileInputStream) in = g_file_read (source->file, cancellable, error);
  GBufferedInputStream *buffered;
  const char *data;
  gsize size;

  if (in == NULL)
    return FALSE;
  source->stream = g_buffered_input_stream_new_sized (G_INPUT_STREAM (in), 64 * 1024);
  buffered = G_BUFFERED_INPUT_STREAM (source->stream);
  if (g_buffered_input_stream_fill (buffered, SNIFF_BYTES, cancellable, error) < 0)
    return FALSE;
  data = g_buffered_input_stream_peek_buffer (buffered, &size);
  source->format = rolo_file_format_sniff (data, size);
  if (source->format == ROLO_FILE_FORMAT_VCARD)
    {
      source->vcard = rolo_vcard_reader_new (source->stream);
      rolo_vcard_reader_set_notify_defaults (source->vcard, source->email_notify,
                                             source->sms_notify, source->whatsapp_notify);
    }
  else
    source->csv = rolo_csv_reader_new (source->stream);
  return TRUE;
}

/* A CSV file's first record. */
static gboolean
rolo_import_source_read_header (ImportSource  *source,
                                GCancellable  *cancellable,
                                GError       **error)
{
  if (source->csv == NULL)
    return TRUE;
  source->header = rolo_csv_reader_read_record (source->csv, cancellable, error);
  if (source->header != NULL)
    return TRUE;
  if (error == NULL || *error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("The file is empty: there is no header row, and no contact."));
  else
    g_prefix_error (error, _("Line %u: "), rolo_csv_reader_get_line (source->csv));
  return FALSE;
}

static gboolean
text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
rolo_import_row_apply_csv (ImportRow    *row,
                           ImportSource *source)
{
  const char *name = NULL, *given = NULL, *family = NULL;
  guint n_fields = g_strv_length (row->fields);
  g_autofree char *joined = NULL;

  for (guint i = 0; source->header[i] != NULL && i < n_fields; i++)
    {
      char *message = NULL;

      switch (source->mapping[i])
        {
        case ROLO_IMPORT_FIELD_NAME:
          name = !text_is_blank (name) ? name : row->fields[i];
          break;
        case ROLO_IMPORT_FIELD_GIVEN_NAME:
          given = row->fields[i];
          break;
        case ROLO_IMPORT_FIELD_FAMILY_NAME:
          family = row->fields[i];
          break;
        default:
          if (!rolo_import_field_apply (source->mapping[i], row->fields[i], row->contact,
                                        &message))
            rolo_import_row_add_problem (row, ROLO_IMPORT_PROBLEM_INVALID, source->header[i],
                                         message);
        }
    }

  if (text_is_blank (name))
    {
      joined = g_strstrip (g_strjoin (" ", given != NULL ? given : "",
                                      family != NULL ? family : "", NULL));
      name = joined;
    }
  rolo_contact_set_name (row->contact, name != NULL ? name : "");
}

static ImportRow *
rolo_import_source_parse_csv (ImportSource *source,
                              GStrv         fields)
{
  guint line = rolo_csv_reader_get_line (source->csv);
  ImportRow *row = rolo_import_row_new (source->next_index++, line);

  row->fields = fields;
  row->contact = rolo_contact_new ();
  rolo_contact_set_contact_type (row->contact, ROLO_CONTACT_TYPE_INDIVIDUAL);
  rolo_contact_set_email_notify (row->contact, source->email_notify);
  rolo_contact_set_sms_notify (row->contact, source->sms_notify);
  rolo_contact_set_whatsapp_notify (row->contact, source->whatsapp_notify);
  rolo_import_row_apply_csv (row, source);
  /* A name missing is said once, by validation, against the name column. */
  rolo_import_row_validate (row, source);
  return row;
}

/* A row that could not be read: the reader's error is its problem. */
static ImportRow *
rolo_import_source_unreadable (ImportSource *source,
                               guint         line,
                               GError       *error)
{
  ImportRow *row = rolo_import_row_new (source->next_index++, line);

  rolo_import_row_add_problem (row, ROLO_IMPORT_PROBLEM_INVALID, NULL, g_strdup (error->message));
  g_error_free (error);
  return row;
}

/* The next row; NULL at the end, or with @error when the file cannot be
 * read at all (I/O, cancelled). */
static ImportRow *
rolo_import_source_read_row (ImportSource  *source,
                             GCancellable  *cancellable,
                             GError       **error)
{
  GError *local_error = NULL;

  if (source->done)
    return NULL;

  if (source->csv != NULL)
    {
      GStrv fields = rolo_csv_reader_read_record (source->csv, cancellable, &local_error);

      if (fields != NULL)
        return rolo_import_source_parse_csv (source, fields);
      source->done = TRUE;
      if (local_error == NULL)
        return NULL;
      if (local_error->domain != ROLO_CSV_ERROR)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      /* The rest of the file cannot be told apart: it ends here. */
      return rolo_import_source_unreadable (source, rolo_csv_reader_get_line (source->csv),
                                            local_error);
    }
  else
    {
      g_autoptr(RoloContact) contact = NULL;
      guint line = 0;
      ImportRow *row;

      if (!rolo_vcard_reader_read_contact (source->vcard, &contact, &line, cancellable,
                                           &local_error))
        {
          if (local_error == NULL || local_error->domain != ROLO_VCARD_ERROR ||
              line == source->last_error_line)
            {
              source->done = TRUE;
              if (local_error != NULL && local_error->domain != ROLO_VCARD_ERROR)
                g_propagate_error (error, local_error);
              else
                g_clear_error (&local_error);
              return NULL;
            }
          source->last_error_line = line;
          return rolo_import_source_unreadable (source, line, local_error);
        }
      row = rolo_import_row_new (source->next_index++, line);
      row->contact = g_steal_pointer (&contact);
      /* A new contact here, whatever id it had where it came from. */
      rolo_contact_set_id (row->contact, 0);
      if (rolo_contact_get_contact_type (row->contact) == ROLO_CONTACT_TYPE_ANY)
        rolo_contact_set_contact_type (row->contact, ROLO_CONTACT_TYPE_INDIVIDUAL);
      rolo_import_row_validate (row, source);
      return row;
    }
}

static void
read_batch_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ImportSource *source = task_data;
  g_autoptr(GPtrArray) batch = NULL;
  GError *error = NULL;

  if (source->stream == NULL &&
      (!rolo_import_source_open (source, cancellable, &error) ||
       !rolo_import_source_read_header (source, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  batch = g_ptr_array_new_with_free_func ((GDestroyNotify) rolo_import_row_free);
  while (batch->len < BATCH_ROWS)
    {
      ImportRow *row = rolo_import_source_read_row (source, cancellable, &error);

      if (row == NULL)
        break;
      g_ptr_array_add (batch, row);
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&batch), (GDestroyNotify) g_ptr_array_unref);
}

/* The source belongs to the thread until the callback. */
void
rolo_import_source_read_batch_async (RoloImporter        *self,
                                     ImportSource        *source,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, rolo_import_source_read_batch_async);
  g_task_set_task_data (task, source, NULL);
  g_task_run_in_thread (task, read_batch_thread);
}

GPtrArray *
rolo_import_source_read_batch_finish (GAsyncResult  *result,
                                      GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- open ---- */

void
rolo_import_source_open_thread (GTask        *task,
                                gpointer      source_object,
                                gpointer      task_data,
                                GCancellable *cancellable)
{
  ImportSource *source = task_data;
  g_autoptr(GPtrArray) preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GError *error = NULL;

  if (!rolo_import_source_open (source, cancellable, &error) ||
      !rolo_import_source_read_header (source, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  while (source->csv != NULL && preview->len < PREVIEW_ROWS)
    {
      GStrv record = rolo_csv_reader_read_record (source->csv, cancellable, NULL);

      if (record == NULL)
        break;
      g_ptr_array_add (preview, record);
    }
  g_task_return_pointer (task, g_steal_pointer (&preview), (GDestroyNotify) g_ptr_array_unref);
}
