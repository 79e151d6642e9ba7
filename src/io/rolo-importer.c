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
#include "rolo-contact-match.h"
#include "rolo-contact-validation.h"
#include "rolo-country.h"
#include "rolo-csv.h"
#include "rolo-importer.h"
#include "rolo-io-retry.h"
#include "rolo-vcard.h"

#define PREVIEW_ROWS  5
#define BATCH_ROWS    256
#define MAX_IN_FLIGHT 4
#define SNIFF_BYTES   4096
#define PROBLEM_COLUMN N_("Import problem")

/* One row of the file, as read and parsed. */
typedef struct
{
  guint        index;     /* among the rows, from 0 */
  guint        line;
  GStrv        fields;    /* CSV: the cells as read */
  RoloContact *contact;   /* NULL when it could not be read */
  GPtrArray   *problems;  /* RoloImportProblem */
} ImportRow;

/* The file, read from a worker thread one batch at a time. */
typedef struct
{
  GFile           *file;
  RoloFileFormat   format;
  GInputStream    *stream;
  RoloCsvReader   *csv;
  RoloVcardReader *vcard;
  GStrv            header;
  RoloImportField *mapping;   /* one a column, copied when a pass starts */
  gboolean         email_notify, sms_notify, whatsapp_notify;
  guint            next_index;
  guint            last_error_line;
  gboolean         done;
} ImportSource;

struct _RoloImporter
{
  RoloTransfer     parent_instance;

  RoloClient      *client;
  GFile           *file;
  RoloFileFormat   format;
  GStrv            columns;
  RoloImportField *mapping;
  GPtrArray       *preview;     /* GStrv */
  gboolean         email_notify, sms_notify, whatsapp_notify;

  GArray          *problems;    /* RoloImportProblem, sorted by line */
  GPtrArray       *report_rows; /* GStrv: the invalid rows, with their problem */
  GHashTable      *ready;       /* row index → the row is ready (a set) */
  GHashTable      *parents;     /* id → RoloContactType, or 0: not found */
  GHashTable      *email_keys;  /* key → first line */
  GHashTable      *name_keys;   /* key → first line */
  GArray          *created;     /* gint64, in file order once a pass ends */
  GArray          *created_at;  /* guint: the row of each, meanwhile */
  guint            n_rows, n_existing, n_invalid;
  gboolean         busy;
};

G_DEFINE_FINAL_TYPE (RoloImporter, rolo_importer, ROLO_TYPE_TRANSFER)

typedef enum { PASS_CHECK, PASS_IMPORT } PassKind;

/* One pass over the file: check or import. */
typedef struct
{
  PassKind      kind;
  ImportSource *source;
  GPtrArray    *batch;        /* ImportRow, NULL once taken */
  guint         next_row;     /* in batch */
  guint         in_flight;
  gboolean      reading;
  gboolean      pumping;      /* pass_pump() runs: a nested call asks it again */
  gboolean      pump_again;
  gboolean      finished;
  GCancellable *cancellable;  /* the task's */
  GError       *error;
} Pass;

/* ---- rows and problems ---- */

/* NULL too: the batch's slots are emptied as rows are taken. */
static void
import_row_free (ImportRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->fields);
  g_clear_object (&row->contact);
  g_ptr_array_unref (row->problems);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportRow, import_row_free)

static void
problem_free (gpointer data)
{
  RoloImportProblem *problem = data;

  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

static void
problem_clear (gpointer data)
{
  RoloImportProblem *problem = data;

  g_clear_pointer (&problem->field, g_free);
  g_clear_pointer (&problem->message, g_free);
}

static ImportRow *
import_row_new (guint index,
                guint line)
{
  ImportRow *row = g_new0 (ImportRow, 1);

  row->index = index;
  row->line = line;
  row->problems = g_ptr_array_new_with_free_func (problem_free);
  return row;
}

static void
import_row_add_problem (ImportRow             *row,
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
static const char *
import_source_label (ImportSource *source,
                     const char   *api_field)
{
  if (source->header == NULL)
    return api_field;
  for (guint i = 0; source->header[i] != NULL; i++)
    if (g_strcmp0 (rolo_import_field_get_api_name (source->mapping[i]), api_field) == 0)
      return source->header[i];
  return api_field;
}

static void
import_row_add_field_errors (ImportRow    *row,
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
        import_row_add_problem (row, ROLO_IMPORT_PROBLEM_INVALID,
                                import_source_label (source, key), g_strdup (messages[i]));
    }
}

/* Rules the client's validation leaves to the server. */
static void
import_row_check_country (ImportRow    *row,
                          ImportSource *source)
{
  int id = rolo_contact_get_mobile_country_id (row->contact);

  if (id != 0 && rolo_country_lookup_id (id) == NULL)
    import_row_add_problem (row, ROLO_IMPORT_PROBLEM_INVALID,
                            import_source_label (source, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID),
                            /* Translators: %d is a country id. */
                            g_strdup_printf (_("No country has the id %d."), id));
}

static void
import_row_validate (ImportRow    *row,
                     ImportSource *source)
{
  g_autoptr(GHashTable) errors = rolo_contact_validate (row->contact);

  if (errors != NULL)
    import_row_add_field_errors (row, source, errors);
  import_row_check_country (row, source);
}

/* ---- reading (worker thread) ---- */

static void
import_source_free (ImportSource *source)
{
  g_clear_object (&source->csv);
  g_clear_pointer (&source->vcard, rolo_vcard_reader_free);
  g_clear_object (&source->stream);
  g_clear_object (&source->file);
  g_strfreev (source->header);
  g_free (source->mapping);
  g_free (source);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportSource, import_source_free)

static ImportSource *
import_source_new (RoloImporter *self)
{
  ImportSource *source = g_new0 (ImportSource, 1);

  source->file = g_object_ref (self->file);
  source->email_notify = self->email_notify;
  source->sms_notify = self->sms_notify;
  source->whatsapp_notify = self->whatsapp_notify;
  return source;
}

static gboolean
import_source_open (ImportSource  *source,
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
import_source_read_header (ImportSource  *source,
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
import_row_apply_csv (ImportRow    *row,
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
            import_row_add_problem (row, ROLO_IMPORT_PROBLEM_INVALID, source->header[i],
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
import_source_parse_csv (ImportSource *source,
                         GStrv         fields)
{
  ImportRow *row = import_row_new (source->next_index++, rolo_csv_reader_get_line (source->csv));

  row->fields = fields;
  row->contact = rolo_contact_new ();
  rolo_contact_set_contact_type (row->contact, ROLO_CONTACT_TYPE_INDIVIDUAL);
  rolo_contact_set_email_notify (row->contact, source->email_notify);
  rolo_contact_set_sms_notify (row->contact, source->sms_notify);
  rolo_contact_set_whatsapp_notify (row->contact, source->whatsapp_notify);
  import_row_apply_csv (row, source);
  /* A name missing is said once, by validation, against the name column. */
  import_row_validate (row, source);
  return row;
}

/* A row that could not be read: the reader's error is its problem. */
static ImportRow *
import_source_unreadable (ImportSource *source,
                          guint         line,
                          GError       *error)
{
  ImportRow *row = import_row_new (source->next_index++, line);

  import_row_add_problem (row, ROLO_IMPORT_PROBLEM_INVALID, NULL, g_strdup (error->message));
  g_error_free (error);
  return row;
}

/* The next row; NULL at the end, or with @error when the file cannot be
 * read at all (I/O, cancelled). */
static ImportRow *
import_source_read_row (ImportSource  *source,
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
        return import_source_parse_csv (source, fields);
      source->done = TRUE;
      if (local_error == NULL)
        return NULL;
      if (local_error->domain != ROLO_CSV_ERROR)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      /* The rest of the file cannot be told apart: it ends here. */
      return import_source_unreadable (source, rolo_csv_reader_get_line (source->csv),
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
          return import_source_unreadable (source, line, local_error);
        }
      row = import_row_new (source->next_index++, line);
      row->contact = g_steal_pointer (&contact);
      /* A new contact here, whatever id it had where it came from. */
      rolo_contact_set_id (row->contact, 0);
      if (rolo_contact_get_contact_type (row->contact) == ROLO_CONTACT_TYPE_ANY)
        rolo_contact_set_contact_type (row->contact, ROLO_CONTACT_TYPE_INDIVIDUAL);
      import_row_validate (row, source);
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
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) import_row_free);
  GError *error = NULL;

  if (source->stream == NULL &&
      (!import_source_open (source, cancellable, &error) ||
       !import_source_read_header (source, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  while (batch->len < BATCH_ROWS)
    {
      ImportRow *row = import_source_read_row (source, cancellable, &error);

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
static void
import_source_read_batch_async (RoloImporter        *self,
                                ImportSource        *source,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, import_source_read_batch_async);
  g_task_set_task_data (task, source, NULL);
  g_task_run_in_thread (task, read_batch_thread);
}

static GPtrArray *
import_source_read_batch_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- open ---- */

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ImportSource *source = task_data;
  g_autoptr(GPtrArray) preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GError *error = NULL;

  if (!import_source_open (source, cancellable, &error) ||
      !import_source_read_header (source, cancellable, &error))
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

/* ---- progress ---- */

static void
rolo_importer_set_progress (RoloImporter *self,
                            guint         n_done,
                            guint         n_total)
{
  rolo_transfer_set_progress (ROLO_TRANSFER (self), n_done, n_total);
}

static void
rolo_importer_count_row (RoloImporter *self)
{
  RoloTransfer *transfer = ROLO_TRANSFER (self);

  rolo_importer_set_progress (self, rolo_transfer_get_n_done (transfer) + 1,
                              rolo_transfer_get_n_total (transfer));
}

/* ---- the passes ---- */

static void pass_pump (GTask *task);

static void
pass_free (Pass *pass)
{
  g_clear_pointer (&pass->source, import_source_free);
  g_clear_pointer (&pass->batch, g_ptr_array_unref);
  g_clear_error (&pass->error);
  g_free (pass);
}

static void
pass_fail (Pass   *pass,
           GError *error)
{
  if (pass->error == NULL)
    pass->error = error;
  else
    g_error_free (error);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const RoloImportProblem *pa = a, *pb = b;

  return pa->line < pb->line ? -1 : pa->line > pb->line;
}

/* "cstemail: Enter an email…; cstname: …": the report's last column. */
static char *
join_problems (ImportRow *row)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < row->problems->len; i++)
    {
      RoloImportProblem *problem = g_ptr_array_index (row->problems, i);

      if (text->len > 0)
        g_string_append (text, "; ");
      if (problem->field != NULL)
        g_string_append_printf (text, "%s: ", problem->field);
      g_string_append (text, problem->message);
    }
  return g_string_free (text, FALSE);
}

static GStrv
report_record (RoloImporter *self,
               ImportRow    *row)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  g_autofree char *problems = join_problems (row);
  guint n_columns = self->columns != NULL ? g_strv_length (self->columns) : 0;
  GStrv record;

  if (row->fields != NULL)
    for (guint i = 0; i < n_columns; i++)
      g_strv_builder_add (builder, i < g_strv_length (row->fields) ? row->fields[i] : "");
  else if (row->contact != NULL)
    {
      g_auto(GStrv) cells = rolo_contact_csv_record_new (row->contact);

      g_strv_builder_addv (builder, (const char **) cells);
    }
  else
    for (guint i = 0; rolo_contact_csv_header ()[i] != NULL; i++)
      g_strv_builder_add (builder, "");
  g_strv_builder_add (builder, problems);
  record = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return record;
}

/* The row is done with: its problems join the importer's. */
static void
rolo_importer_settle_row (RoloImporter *self,
                          ImportRow    *row)
{
  gboolean invalid = FALSE;

  for (guint i = 0; i < row->problems->len; i++)
    {
      RoloImportProblem *problem = g_ptr_array_index (row->problems, i);
      RoloImportProblem copy = *problem;

      invalid |= problem->kind == ROLO_IMPORT_PROBLEM_INVALID;
      copy.field = g_strdup (problem->field);
      copy.message = g_strdup (problem->message);
      g_array_append_val (self->problems, copy);
    }
  if (invalid)
    {
      self->n_invalid++;
      g_hash_table_remove (self->ready, GUINT_TO_POINTER (row->index));
      g_ptr_array_add (self->report_rows, report_record (self, row));
    }
  else if (row->problems->len > 0)
    self->n_existing++;
}

/* Rows of one file that are the same contact: the later one is skipped. */
static gboolean
rolo_importer_seen_in_file (RoloImporter *self,
                            ImportRow    *row)
{
  g_autofree char *email_key = rolo_contact_match_email_key (row->contact);
  g_autofree char *name_key = rolo_contact_match_name_mobile_key (row->contact);
  gpointer first;

  if (*email_key != '\0' && g_hash_table_lookup_extended (self->email_keys, email_key, NULL,
                                                          &first))
    {
      import_row_add_problem (row, ROLO_IMPORT_PROBLEM_EXISTS, ROLO_CONTACT_FIELD_EMAIL,
                              /* Translators: %u is a line of the file. */
                              g_strdup_printf (_("The same email as line %u: skipped."),
                                               GPOINTER_TO_UINT (first)));
      return TRUE;
    }
  if (g_hash_table_lookup_extended (self->name_keys, name_key, NULL, &first))
    {
      import_row_add_problem (row, ROLO_IMPORT_PROBLEM_EXISTS, ROLO_CONTACT_FIELD_NAME,
                              /* Translators: %u is a line of the file. */
                              g_strdup_printf (_("The same name and mobile as line %u: "
                                                 "skipped."), GPOINTER_TO_UINT (first)));
      return TRUE;
    }
  if (*email_key != '\0')
    g_hash_table_insert (self->email_keys, g_steal_pointer (&email_key),
                         GUINT_TO_POINTER (row->line));
  g_hash_table_insert (self->name_keys, g_steal_pointer (&name_key),
                       GUINT_TO_POINTER (row->line));
  return FALSE;
}

/* A row on its way through the server's questions (check) or creation. */
typedef struct _RowJob RowJob;
typedef void (*RowStep) (RowJob *job);

struct _RowJob
{
  GTask     *task;
  ImportRow *row;
  guint      attempt;  /* of the request waited for */
  RowStep    retry;    /* the step to take again after a wait */
};

static void
row_job_free (RowJob *job)
{
  g_clear_pointer (&job->row, import_row_free);
  g_clear_object (&job->task);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RowJob, row_job_free)

static void
row_job_done (RowJob *job)
{
  g_autoptr(GTask) task = g_object_ref (job->task);
  RoloImporter *self = g_task_get_source_object (task);
  Pass *pass = g_task_get_task_data (task);

  if (pass->kind == PASS_CHECK)
    {
      rolo_importer_settle_row (self, job->row);
      if (job->row->problems->len == 0)
        g_hash_table_add (self->ready, GUINT_TO_POINTER (job->row->index));
    }
  else
    rolo_importer_settle_row (self, job->row);
  rolo_importer_count_row (self);
  pass->in_flight--;
  row_job_free (job);
  pass_pump (task);
}

static void
retry_waited_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RowJob *job = user_data;
  Pass *pass = g_task_get_task_data (job->task);
  GError *error = NULL;

  if (!rolo_io_sleep_finish (result, &error))
    {
      pass_fail (pass, error);
      row_job_done (job);
      return;
    }
  job->retry (job);
}

/* TRUE when @error is the server asking to slow down: @step is taken
 * again after the wait it asked for. */
static gboolean
row_job_retry (RowJob  *job,
               GError  *error,
               RowStep  step)
{
  Pass *pass = g_task_get_task_data (job->task);
  guint delay_ms;

  if (!rolo_io_retry_delay (error, job->attempt, &delay_ms))
    return FALSE;
  job->attempt++;
  job->retry = step;
  g_error_free (error);
  rolo_io_sleep_async (delay_ms, pass->cancellable, retry_waited_cb, job);
  return TRUE;
}

static void row_job_find_match (RowJob *job);
static void row_job_read_parent (RowJob *job);

static void
matched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  RowJob *job = user_data;
  Pass *pass = g_task_get_task_data (job->task);
  g_autoptr(RoloContact) existing = NULL;
  RoloContactMatch match = ROLO_CONTACT_MATCH_NONE;
  GError *error = NULL;

  existing = rolo_client_find_match_finish (ROLO_CLIENT (source), result, &match, &error);
  if (error != NULL && row_job_retry (job, error, row_job_find_match))
    return;
  if (error != NULL)
    pass_fail (pass, error);
  else if (existing != NULL)
    import_row_add_problem (job->row, ROLO_IMPORT_PROBLEM_EXISTS,
                            match == ROLO_CONTACT_MATCH_EMAIL ? ROLO_CONTACT_FIELD_EMAIL
                                                              : ROLO_CONTACT_FIELD_NAME,
                            g_strdup_printf (match == ROLO_CONTACT_MATCH_EMAIL
                                               /* Translators: %s is a contact id. */
                                               ? _("Already exists as contact %" G_GINT64_FORMAT
                                                   " (the same email): skipped.")
                                               : _("Already exists as contact %" G_GINT64_FORMAT
                                                   " (the same name and mobile): skipped."),
                                             rolo_contact_get_id (existing)));
  row_job_done (job);
}

static void
row_job_find_match (RowJob *job)
{
  RoloImporter *self = g_task_get_source_object (job->task);
  Pass *pass = g_task_get_task_data (job->task);

  rolo_client_find_match_async (self->client, job->row->contact,
                                ROLO_CONTACT_MATCH_NAME_AND_MOBILE, pass->cancellable,
                                matched_cb, job);
}

static void
row_job_check_parent_type (RowJob          *job,
                           RoloContactType  type)
{
  Pass *pass = g_task_get_task_data (job->task);
  gint64 parent = rolo_contact_get_parent_id (job->row->contact);
  const char *label = import_source_label (pass->source, ROLO_CONTACT_FIELD_PARENT);

  if (type == ROLO_CONTACT_TYPE_ANY)
    import_row_add_problem (job->row, ROLO_IMPORT_PROBLEM_INVALID, label,
                            /* Translators: %s is a contact id. */
                            g_strdup_printf (_("No contact has the id %" G_GINT64_FORMAT "."),
                                             parent));
  else if (type != ROLO_CONTACT_TYPE_BUSINESS)
    import_row_add_problem (job->row, ROLO_IMPORT_PROBLEM_INVALID, label,
                            g_strdup_printf (_("Contact %" G_GINT64_FORMAT " is not a "
                                               "business: only a business can be linked to."),
                                             parent));
  if (job->row->problems->len > 0)
    row_job_done (job);
  else
    row_job_find_match (job);
}

static void
parent_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RowJob *job = user_data;
  RoloImporter *self = g_task_get_source_object (job->task);
  Pass *pass = g_task_get_task_data (job->task);
  g_autoptr(RoloContact) parent = NULL;
  gint64 parent_id = rolo_contact_get_parent_id (job->row->contact);
  RoloContactType type = ROLO_CONTACT_TYPE_ANY;
  GError *error = NULL;

  parent = rolo_client_get_contact_finish (ROLO_CLIENT (source), result, &error);
  if (parent == NULL && row_job_retry (job, error, row_job_read_parent))
    return;
  if (parent != NULL)
    type = rolo_contact_get_contact_type (parent);
  else if (!g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_NOT_FOUND))
    {
      pass_fail (pass, error);
      row_job_done (job);
      return;
    }
  g_clear_error (&error);
  g_hash_table_insert (self->parents, g_memdup2 (&parent_id, sizeof parent_id),
                       GINT_TO_POINTER (type));
  row_job_check_parent_type (job, type);
}

static void
row_job_read_parent (RowJob *job)
{
  RoloImporter *self = g_task_get_source_object (job->task);
  Pass *pass = g_task_get_task_data (job->task);

  rolo_client_get_contact_async (self->client, rolo_contact_get_parent_id (job->row->contact),
                                 pass->cancellable, parent_read_cb, job);
}

static void
row_job_check (RowJob *job)
{
  RoloImporter *self = g_task_get_source_object (job->task);
  gpointer type;
  gint64 parent;

  if (job->row->problems->len > 0 || rolo_importer_seen_in_file (self, job->row))
    {
      row_job_done (job);
      return;
    }
  parent = rolo_contact_get_parent_id (job->row->contact);
  if (parent <= 0)
    row_job_find_match (job);
  else if (g_hash_table_lookup_extended (self->parents, &parent, NULL, &type))
    row_job_check_parent_type (job, GPOINTER_TO_INT (type));
  else
    row_job_read_parent (job);
}

static void row_job_create (RowJob *job);

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  RowJob *job = user_data;
  RoloImporter *self = g_task_get_source_object (job->task);
  Pass *pass = g_task_get_task_data (job->task);
  GError *error = NULL;
  gint64 id;

  id = rolo_client_create_contact_finish (ROLO_CLIENT (source), result, &error);
  if (id <= 0 && row_job_retry (job, error, row_job_create))
    return;
  if (id > 0)
    {
      g_array_append_val (self->created, id);
      g_array_append_val (self->created_at, job->row->index);
    }
  else if (g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_VALIDATION) ||
           g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_INVALID_INPUT))
    {
      GHashTable *errors = rolo_client_error_get_field_errors (error);

      if (errors != NULL && g_hash_table_size (errors) > 0)
        import_row_add_field_errors (job->row, pass->source, errors);
      else
        import_row_add_problem (job->row, ROLO_IMPORT_PROBLEM_INVALID, NULL,
                                g_strdup (error->message));
      g_clear_error (&error);
    }
  else
    pass_fail (pass, error);
  row_job_done (job);
}

static void
row_job_create (RowJob *job)
{
  RoloImporter *self = g_task_get_source_object (job->task);
  Pass *pass = g_task_get_task_data (job->task);

  rolo_client_create_contact_async (self->client, job->row->contact, pass->cancellable,
                                    created_cb, job);
}

static gboolean
pass_wants_row (RoloImporter *self,
                Pass         *pass,
                ImportRow    *row)
{
  if (pass->kind == PASS_CHECK)
    return TRUE;
  return g_hash_table_contains (self->ready, GUINT_TO_POINTER (row->index));
}

static void
batch_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Pass *pass = g_task_get_task_data (task);
  GError *error = NULL;
  GPtrArray *batch;

  pass->reading = FALSE;
  batch = import_source_read_batch_finish (result, &error);
  if (batch == NULL)
    pass_fail (pass, error);
  else if (batch->len == 0)
    {
      g_ptr_array_unref (batch);
      pass->source->done = TRUE;
    }
  else
    {
      g_clear_pointer (&pass->batch, g_ptr_array_unref);
      pass->batch = batch;
      pass->next_row = 0;
    }
  pass_pump (task);
}

static gboolean
pass_batch_taken (Pass *pass)
{
  return pass->batch == NULL || pass->next_row == pass->batch->len;
}

typedef struct
{
  guint  index;
  gint64 id;
} Created;

static int
compare_created (gconstpointer a,
                 gconstpointer b)
{
  const Created *ca = a, *cb = b;

  return ca->index < cb->index ? -1 : ca->index > cb->index;
}

/* Answers come in any order; the ids go in the file's. */
static void
rolo_importer_sort_created (RoloImporter *self)
{
  g_autoptr(GArray) pairs = g_array_sized_new (FALSE, FALSE, sizeof (Created),
                                               self->created->len);

  for (guint i = 0; i < self->created->len; i++)
    {
      Created pair = { g_array_index (self->created_at, guint, i),
                       g_array_index (self->created, gint64, i) };

      g_array_append_val (pairs, pair);
    }
  g_array_sort (pairs, compare_created);
  for (guint i = 0; i < pairs->len; i++)
    {
      g_array_index (self->created, gint64, i) = g_array_index (pairs, Created, i).id;
      g_array_index (self->created_at, guint, i) = g_array_index (pairs, Created, i).index;
    }
}

static void
pass_finish (GTask *task)
{
  RoloImporter *self = g_task_get_source_object (task);
  Pass *pass = g_task_get_task_data (task);

  self->busy = FALSE;
  rolo_importer_sort_created (self);
  g_array_sort (self->problems, compare_problems);
  if (pass->kind == PASS_CHECK && pass->error == NULL)
    self->n_rows = pass->source->next_index;
  if (g_cancellable_is_cancelled (pass->cancellable))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             pass->kind == PASS_CHECK ? _("The check was cancelled.")
                                                      : _("The import was cancelled."));
  else if (pass->error != NULL)
    g_task_return_error (task, g_steal_pointer (&pass->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
pass_pump_once (GTask *task)
{
  RoloImporter *self = g_task_get_source_object (task);
  Pass *pass = g_task_get_task_data (task);

  if (pass->error == NULL && g_cancellable_is_cancelled (pass->cancellable))
    pass_fail (pass, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled"));

  while (pass->error == NULL && pass->in_flight < MAX_IN_FLIGHT && !pass_batch_taken (pass))
    {
      ImportRow *row = g_steal_pointer (&g_ptr_array_index (pass->batch, pass->next_row));
      RowJob *job;

      pass->next_row++;
      if (!pass_wants_row (self, pass, row))
        {
          import_row_free (row);
          continue;
        }
      job = g_new0 (RowJob, 1);
      job->task = g_object_ref (task);
      job->row = row;
      pass->in_flight++;
      if (pass->kind == PASS_CHECK)
        row_job_check (job);
      else
        row_job_create (job);
    }

  if (pass->error == NULL && pass_batch_taken (pass) && !pass->reading && !pass->source->done)
    {
      pass->reading = TRUE;
      g_clear_pointer (&pass->batch, g_ptr_array_unref);
      import_source_read_batch_async (self, pass->source, pass->cancellable, batch_read_cb,
                                      g_object_ref (task));
      return;
    }

  if (pass->in_flight == 0 && !pass->reading &&
      (pass->error != NULL || (pass_batch_taken (pass) && pass->source->done)))
    {
      pass->finished = TRUE;
      pass_finish (task);
    }
}

/* Moves a pass on: after every answer. A row settled at once (one with
 * problems) calls back in here, which only asks the running call to go
 * round again. */
static void
pass_pump (GTask *task)
{
  Pass *pass = g_task_get_task_data (task);

  if (pass->finished)
    return;
  if (pass->pumping)
    {
      pass->pump_again = TRUE;
      return;
    }
  g_object_ref (task);
  pass->pumping = TRUE;
  do
    {
      pass->pump_again = FALSE;
      pass_pump_once (task);
    }
  while (pass->pump_again && !pass->finished);
  pass->pumping = FALSE;
  g_object_unref (task);
}

static void
rolo_importer_start_pass (RoloImporter        *self,
                          PassKind             kind,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data,
                          gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Pass *pass = g_new0 (Pass, 1);
  guint n_columns = self->columns != NULL ? g_strv_length (self->columns) : 0;

  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, pass, (GDestroyNotify) pass_free);
  pass->kind = kind;
  pass->cancellable = cancellable;
  pass->source = import_source_new (self);
  pass->source->mapping = g_memdup2 (self->mapping, MAX (n_columns, 1) * sizeof *self->mapping);
  self->busy = TRUE;
  pass_pump (task);
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
  g_array_set_clear_func (self->problems, problem_clear);
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
  g_task_set_task_data (inner, import_source_new (self), (GDestroyNotify) import_source_free);
  g_task_run_in_thread (inner, open_thread);
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
  return (const gint64 *) self->created->data;
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
