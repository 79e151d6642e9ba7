/* rolo-exporter.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-io"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rolo-contact-csv.h"
#include "rolo-csv.h"
#include "rolo-exporter.h"
#include "rolo-retry.h"
#include "rolo-vcard.h"

#define PAGE_SIZE    100 /* the API's largest */
#define MAX_IN_FLIGHT 4
#define WRITE_CHUNK  (64 * 1024)

struct _RoloExporter
{
  RoloTransfer      parent_instance;

  RoloClient       *client;
  RoloFileFormat    format;
  RoloContactQuery *query;
  GArray           *ids;     /* gint64, or NULL: the query's contacts */
};

G_DEFINE_FINAL_TYPE (RoloExporter, rolo_exporter, ROLO_TYPE_TRANSFER)

/* One export in progress: the task's data. */
typedef struct
{
  GFile        *target;
  GFile        *temp;
  GOutputStream *out;
  GCancellable *cancellable;   /* ours: cancelled by the caller's, or on failure */
  gulong        cancelled_id;
  GCancellable *caller_cancellable;
  GError       *error;         /* the first failure */

  GHashTable   *seen;          /* ids already taken: pages may shift under us */
  GArray       *batch_ids;     /* gint64: the contacts being read */
  GPtrArray    *batch_text;    /* their text, NULL until read, "" when gone */
  guint         next_request;
  guint         next_write;
  guint         in_flight;     /* reads and retry waits */

  GArray       *next_ids;      /* the next page's ids, once listed */
  guint         next_page;     /* the list page to ask for next */
  guint         next_id_index; /* with a list of ids: where the next batch starts */
  gboolean      listing;
  gboolean      pages_done;

  GString      *pending;       /* text for the file not yet written */
  GBytes       *writing;       /* the text being written, if any */
  gboolean      closing;
} ExportRun;

typedef struct
{
  GTask *task;
  guint  index;
  gint64 id;
  guint  attempt;
} ReadRequest;

static void export_run_pump (GTask *task);
static void export_run_read (ReadRequest *request);

static void
export_run_free (ExportRun *run)
{
  g_cancellable_disconnect (run->caller_cancellable, run->cancelled_id);
  g_clear_object (&run->caller_cancellable);
  g_clear_object (&run->target);
  g_clear_object (&run->temp);
  g_clear_object (&run->out);
  g_clear_object (&run->cancellable);
  g_clear_error (&run->error);
  g_clear_pointer (&run->seen, g_hash_table_unref);
  g_clear_pointer (&run->batch_ids, g_array_unref);
  g_clear_pointer (&run->batch_text, g_ptr_array_unref);
  g_clear_pointer (&run->next_ids, g_array_unref);
  if (run->pending != NULL)
    g_string_free (run->pending, TRUE);
  g_clear_pointer (&run->writing, g_bytes_unref);
  g_free (run);
}

static void
read_request_free (ReadRequest *request)
{
  g_clear_object (&request->task);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadRequest, read_request_free)

static guint
rolo_exporter_get_n_done (RoloExporter *self)
{
  return rolo_transfer_get_n_done (ROLO_TRANSFER (self));
}

static guint
rolo_exporter_get_n_total (RoloExporter *self)
{
  return rolo_transfer_get_n_total (ROLO_TRANSFER (self));
}

static void
rolo_exporter_set_progress (RoloExporter *self,
                            guint         n_done,
                            guint         n_total)
{
  rolo_transfer_set_progress (ROLO_TRANSFER (self), n_done, n_total);
}

/* The cancelled error the caller expects, whatever layer noticed first. */
static void
export_run_fail (ExportRun *run,
                 GError    *error)
{
  if (run->error == NULL)
    {
      if (g_cancellable_is_cancelled (run->caller_cancellable))
        {
          g_clear_error (&error);
          error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                       _("The export was cancelled."));
        }
      run->error = error;
      g_cancellable_cancel (run->cancellable);
    }
  else
    g_clear_error (&error);
}

static char *
format_contact (RoloExporter *self,
                RoloContact  *contact)
{
  GString *text = g_string_new (NULL);

  if (self->format == ROLO_FILE_FORMAT_VCARD)
    rolo_vcard_append_contact (text, contact);
  else
    {
      g_auto(GStrv) record = rolo_contact_csv_record_new (contact);

      rolo_csv_append_record (text, (const char * const *) record, ',');
    }
  return g_string_free (text, FALSE);
}

static GArray *
new_id_array (void)
{
  return g_array_sized_new (FALSE, FALSE, sizeof (gint64), PAGE_SIZE);
}

/* Keeps the ids not met before. */
static void
add_unseen (ExportRun    *run,
            GArray       *ids,
            const gint64 *candidates,
            gsize         n_candidates)
{
  for (gsize i = 0; i < n_candidates; i++)
    {
      gint64 id = candidates[i];

      if (id <= 0 || g_hash_table_contains (run->seen, &id))
        continue;
      g_hash_table_add (run->seen, g_memdup2 (&id, sizeof id));
      g_array_append_val (ids, id);
    }
}

static void
export_run_install_batch (ExportRun *run,
                          GArray    *ids)
{
  g_clear_pointer (&run->batch_ids, g_array_unref);
  g_clear_pointer (&run->batch_text, g_ptr_array_unref);
  run->batch_ids = ids;
  run->batch_text = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_set_size (run->batch_text, ids->len);
  run->next_request = 0;
  run->next_write = 0;
}

static gboolean
export_run_batch_written (ExportRun *run)
{
  return run->batch_ids == NULL || run->next_write == run->batch_ids->len;
}

static void
temp_removed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportRun *run = g_task_get_task_data (task);

  /* Best effort: the export failed already, and that is what to tell. */
  g_file_delete_finish (G_FILE (source), result, NULL);
  g_task_return_error (task, g_steal_pointer (&run->error));
}

/* Fails with run->error, leaving no half file behind. */
static void
export_run_remove_temp (GTask *task)
{
  ExportRun *run = g_task_get_task_data (task);

  g_file_delete_async (run->temp, G_PRIORITY_DEFAULT, NULL, temp_removed_cb,
                       g_object_ref (task));
}

static void
closed_for_removal_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  g_output_stream_close_finish (G_OUTPUT_STREAM (source), result, NULL);
  export_run_remove_temp (task);
}

static void
moved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RoloExporter *self = g_task_get_source_object (task);
  ExportRun *run = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_file_move_finish (G_FILE (source), result, &error))
    {
      export_run_fail (run, error);
      export_run_remove_temp (task);
      return;
    }
  g_task_return_int (task, rolo_exporter_get_n_done (self));
}

static void
closed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportRun *run = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_output_stream_close_finish (G_OUTPUT_STREAM (source), result, &error))
    {
      export_run_fail (run, error);
      export_run_remove_temp (task);
      return;
    }
  g_file_move_async (run->temp, run->target, G_FILE_COPY_OVERWRITE, G_PRIORITY_DEFAULT,
                     run->cancellable, NULL, NULL, moved_cb, g_steal_pointer (&task));
}

static void
wrote_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportRun *run = g_task_get_task_data (task);
  GError *error = NULL;

  g_clear_pointer (&run->writing, g_bytes_unref);
  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, &error))
    export_run_fail (run, error);
  export_run_pump (task);
}

static void
export_run_write (GTask    *task,
                  gboolean  all)
{
  ExportRun *run = g_task_get_task_data (task);
  gsize size;
  gconstpointer data;

  if (run->writing != NULL || run->pending->len == 0 ||
      (!all && run->pending->len < WRITE_CHUNK))
    return;

  run->writing = g_string_free_to_bytes (run->pending);
  run->pending = g_string_sized_new (WRITE_CHUNK * 2);
  data = g_bytes_get_data (run->writing, &size);
  g_output_stream_write_all_async (run->out, data, size, G_PRIORITY_DEFAULT, run->cancellable,
                                   wrote_cb, g_object_ref (task));
}

/* Appends what has been read, in order. */
static void
export_run_take_ready (GTask *task)
{
  RoloExporter *self = g_task_get_source_object (task);
  ExportRun *run = g_task_get_task_data (task);
  guint n_done = rolo_exporter_get_n_done (self);

  while (!export_run_batch_written (run))
    {
      const char *text = g_ptr_array_index (run->batch_text, run->next_write);

      if (text == NULL)
        break;
      if (*text != '\0')
        {
          g_string_append (run->pending, text);
          n_done++;
        }
      g_clear_pointer (&g_ptr_array_index (run->batch_text, run->next_write), g_free);
      run->next_write++;
    }
  rolo_exporter_set_progress (self, n_done, MAX (rolo_exporter_get_n_total (self), n_done));
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RoloExporter *self = g_task_get_source_object (task);
  ExportRun *run = g_task_get_task_data (task);
  g_autoptr(RoloContactPage) page = NULL;
  GError *error = NULL;
  GListModel *contacts;
  guint n_items;
  GArray *ids;

  run->listing = FALSE;
  page = rolo_client_list_contacts_finish (ROLO_CLIENT (source), result, &error);
  if (page == NULL)
    {
      export_run_fail (run, error);
      export_run_pump (task);
      return;
    }

  contacts = rolo_contact_page_get_contacts (page);
  n_items = g_list_model_get_n_items (contacts);
  ids = new_id_array ();
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RoloContact) contact = g_list_model_get_item (contacts, i);
      gint64 id = rolo_contact_get_id (contact);

      add_unseen (run, ids, &id, 1);
    }
  run->next_page++;
  run->pages_done = n_items == 0 || run->next_page >= rolo_contact_page_get_total_pages (page);
  if (run->next_page == 1)
    rolo_exporter_set_progress (self, rolo_exporter_get_n_done (self),
                                rolo_contact_page_get_total_records (page));
  run->next_ids = ids;
  export_run_pump (task);
}

static void
export_run_list_next (GTask *task)
{
  RoloExporter *self = g_task_get_source_object (task);
  ExportRun *run = g_task_get_task_data (task);

  if (self->ids != NULL)
    {
      guint end = MIN (run->next_id_index + PAGE_SIZE, self->ids->len);
      GArray *ids = new_id_array ();

      add_unseen (run, ids, &g_array_index (self->ids, gint64, run->next_id_index),
                  end - run->next_id_index);
      run->next_id_index = end;
      run->pages_done = end == self->ids->len;
      run->next_ids = ids;
      return;
    }

  run->listing = TRUE;
  rolo_client_list_contacts_async (self->client, self->query, run->next_page, PAGE_SIZE,
                                   run->cancellable, listed_cb, g_object_ref (task));
}

static void
read_again (gpointer  user_data,
            GError   *error)
{
  ReadRequest *request = user_data;
  ExportRun *run = g_task_get_task_data (request->task);

  if (error != NULL)
    export_run_fail (run, error);
  export_run_read (request);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ReadRequest) request = user_data;
  g_autoptr(GTask) task = g_object_ref (request->task);
  RoloExporter *self = g_task_get_source_object (task);
  ExportRun *run = g_task_get_task_data (task);
  g_autoptr(RoloContact) contact = NULL;
  GError *error = NULL;

  contact = rolo_client_get_contact_finish (ROLO_CLIENT (source), result, &error);
  if (contact == NULL && run->error == NULL &&
      rolo_retry_later (&error, &request->attempt, run->cancellable, read_again, request))
    {
      /* The wait holds it now. */
      request = NULL;
      return;
    }

  run->in_flight--;
  if (contact != NULL)
    g_ptr_array_index (run->batch_text, request->index) = format_contact (self, contact);
  else if (g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_NOT_FOUND))
    {
      /* Deleted since it was listed: nothing to write. */
      g_ptr_array_index (run->batch_text, request->index) = g_strdup ("");
      rolo_exporter_set_progress (self, rolo_exporter_get_n_done (self),
                                  MAX (rolo_exporter_get_n_total (self), 1) - 1);
      g_clear_error (&error);
    }
  else
    export_run_fail (run, error);

  export_run_pump (task);
}

static void
export_run_read (ReadRequest *request)
{
  RoloExporter *self = g_task_get_source_object (request->task);
  ExportRun *run = g_task_get_task_data (request->task);

  if (run->error != NULL)
    {
      /* Failed while this one waited to retry. */
      GTask *task = g_object_ref (request->task);

      run->in_flight--;
      read_request_free (request);
      export_run_pump (task);
      g_object_unref (task);
      return;
    }
  rolo_client_get_contact_async (self->client, request->id, run->cancellable, read_cb, request);
}

static void
export_run_finish (GTask *task)
{
  ExportRun *run = g_task_get_task_data (task);

  run->closing = TRUE;
  if (run->error != NULL)
    {
      if (run->out == NULL)
        g_task_return_error (task, g_steal_pointer (&run->error));
      else
        g_output_stream_close_async (run->out, G_PRIORITY_DEFAULT, NULL,
                                     closed_for_removal_cb, g_object_ref (task));
      return;
    }
  g_output_stream_close_async (run->out, G_PRIORITY_DEFAULT, run->cancellable, closed_cb,
                               g_object_ref (task));
}

/* The one place that moves an export on: after every answer. */
static void
export_run_pump (GTask *task)
{
  ExportRun *run = g_task_get_task_data (task);

  if (run->closing)
    return;
  if (run->error != NULL)
    {
      if (run->in_flight == 0 && !run->listing && run->writing == NULL)
        export_run_finish (task);
      return;
    }

  export_run_take_ready (task);
  if (export_run_batch_written (run) && run->next_ids != NULL)
    export_run_install_batch (run, g_steal_pointer (&run->next_ids));

  while (run->batch_ids != NULL && run->in_flight < MAX_IN_FLIGHT &&
         run->next_request < run->batch_ids->len)
    {
      ReadRequest *request = g_new0 (ReadRequest, 1);

      request->task = g_object_ref (task);
      request->index = run->next_request++;
      request->id = g_array_index (run->batch_ids, gint64, request->index);
      run->in_flight++;
      export_run_read (request);
    }

  /* The next page is asked for while this one is read. */
  if (!run->pages_done && !run->listing && run->next_ids == NULL)
    {
      export_run_list_next (task);
      if (run->next_ids != NULL)
        {
          export_run_pump (task);
          return;
        }
    }

  if (run->pages_done && run->next_ids == NULL && export_run_batch_written (run))
    {
      export_run_write (task, TRUE);
      if (run->writing == NULL)
        export_run_finish (task);
      return;
    }
  export_run_write (task, FALSE);
}

static void
temp_created_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RoloExporter *self = g_task_get_source_object (task);
  ExportRun *run = g_task_get_task_data (task);
  GFileOutputStream *out;
  GError *error = NULL;

  out = g_file_create_finish (G_FILE (source), result, &error);
  if (out == NULL)
    {
      export_run_fail (run, error);
      export_run_finish (task);
      return;
    }
  run->out = G_OUTPUT_STREAM (out);

  if (self->format == ROLO_FILE_FORMAT_CSV)
    {
      /* The byte order mark tells spreadsheet programs the file is UTF-8. */
      g_string_append (run->pending, "\xef\xbb\xbf");
      rolo_csv_append_record (run->pending, rolo_contact_csv_header (), ',');
    }
  export_run_pump (task);
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

/* ".name.csv.XXXXXX": hidden, beside the target (where a rename is atomic). */
static GFile *
new_temp_file (GFile *target)
{
  g_autoptr(GFile) parent = g_file_get_parent (target);
  g_autofree char *base = g_file_get_basename (target);
  g_autofree char *name = g_strdup_printf (".%s.%08x", base, g_random_int ());

  return g_file_get_child (parent, name);
}

static void
rolo_exporter_finalize (GObject *object)
{
  RoloExporter *self = ROLO_EXPORTER (object);

  g_clear_object (&self->client);
  g_clear_object (&self->query);
  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (rolo_exporter_parent_class)->finalize (object);
}

static void
rolo_exporter_class_init (RoloExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rolo_exporter_finalize;
}

static void
rolo_exporter_init (RoloExporter *self)
{
  self->query = rolo_contact_query_new ();
}

RoloExporter *
rolo_exporter_new (RoloClient     *client,
                   RoloFileFormat  format)
{
  RoloExporter *self;

  g_return_val_if_fail (ROLO_IS_CLIENT (client), NULL);
  g_return_val_if_fail (format == ROLO_FILE_FORMAT_CSV || format == ROLO_FILE_FORMAT_VCARD,
                        NULL);

  self = g_object_new (ROLO_TYPE_EXPORTER, NULL);
  self->client = g_object_ref (client);
  self->format = format;
  return self;
}

void
rolo_exporter_set_query (RoloExporter     *self,
                         RoloContactQuery *query)
{
  g_return_if_fail (ROLO_IS_EXPORTER (self));
  g_return_if_fail (ROLO_IS_CONTACT_QUERY (query));

  g_clear_object (&self->query);
  self->query = rolo_contact_query_copy (query);
  g_clear_pointer (&self->ids, g_array_unref);
}

void
rolo_exporter_set_ids (RoloExporter *self,
                       const gint64 *ids,
                       gsize         n_ids)
{
  g_return_if_fail (ROLO_IS_EXPORTER (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  g_clear_pointer (&self->ids, g_array_unref);
  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (self->ids, ids, n_ids);
}

void
rolo_exporter_export_async (RoloExporter        *self,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportRun *run;

  g_return_if_fail (ROLO_IS_EXPORTER (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rolo_exporter_export_async);
  /* Cancelling reaches the file and the requests; what is returned is decided by us. */
  g_task_set_check_cancellable (task, FALSE);

  run = g_new0 (ExportRun, 1);
  run->target = g_object_ref (file);
  run->temp = new_temp_file (file);
  run->cancellable = g_cancellable_new ();
  run->seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  run->pending = g_string_sized_new (WRITE_CHUNK * 2);
  if (cancellable != NULL)
    {
      run->caller_cancellable = g_object_ref (cancellable);
      run->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                 g_object_ref (run->cancellable),
                                                 g_object_unref);
    }
  g_task_set_task_data (task, run, (GDestroyNotify) export_run_free);

  rolo_exporter_set_progress (self, 0, self->ids != NULL ? self->ids->len : 0);
  g_file_create_async (run->temp, G_FILE_CREATE_NONE, G_PRIORITY_DEFAULT, run->cancellable,
                       temp_created_cb, g_steal_pointer (&task));
}

gboolean
rolo_exporter_export_finish (RoloExporter  *self,
                             GAsyncResult  *result,
                             guint         *n_exported,
                             GError       **error)
{
  gssize n;

  g_return_val_if_fail (ROLO_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_exported != NULL)
    *n_exported = (guint) n;
  return TRUE;
}
