/* rolo-importer-pass.c
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
#include "rolo-importer-private.h"
#include "rolo-retry.h"

#define MAX_IN_FLIGHT 4

/* ---- the passes ---- */

static void pass_pump (GTask *task);

static void
pass_free (Pass *pass)
{
  g_clear_pointer (&pass->source, rolo_import_source_free);
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
      rolo_import_row_add_problem (row, ROLO_IMPORT_PROBLEM_EXISTS, ROLO_CONTACT_FIELD_EMAIL,
                                   /* Translators: %u is a line of the file. */
                                   g_strdup_printf (_("The same email as line %u: skipped."),
                                                    GPOINTER_TO_UINT (first)));
      return TRUE;
    }
  if (g_hash_table_lookup_extended (self->name_keys, name_key, NULL, &first))
    {
      rolo_import_row_add_problem (row, ROLO_IMPORT_PROBLEM_EXISTS, ROLO_CONTACT_FIELD_NAME,
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
  g_clear_pointer (&job->row, rolo_import_row_free);
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
row_job_step_again (gpointer  user_data,
                    GError   *error)
{
  RowJob *job = user_data;
  Pass *pass = g_task_get_task_data (job->task);

  if (error != NULL)
    {
      pass_fail (pass, error);
      row_job_done (job);
      return;
    }
  job->retry (job);
}

/* TRUE when @error is the server asking to slow down: @error is freed and
 * @step is taken again after the wait it asked for. */
static gboolean
row_job_retry (RowJob  *job,
               GError  *error,
               RowStep  step)
{
  Pass *pass = g_task_get_task_data (job->task);

  if (!rolo_retry_later (&error, &job->attempt, pass->cancellable, row_job_step_again, job))
    return FALSE;
  job->retry = step;
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
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, rolo_contact_get_id (existing));

      rolo_import_row_add_problem (job->row, ROLO_IMPORT_PROBLEM_EXISTS,
                                   match == ROLO_CONTACT_MATCH_EMAIL ? ROLO_CONTACT_FIELD_EMAIL
                                                                     : ROLO_CONTACT_FIELD_NAME,
                                   g_strdup_printf (match == ROLO_CONTACT_MATCH_EMAIL
                                                      /* Translators: %s is a contact id. */
                                                      ? _("Already exists as contact %s (the "
                                                          "same email): skipped.")
                                                      /* Translators: %s is a contact id. */
                                                      : _("Already exists as contact %s (the "
                                                          "same name and mobile): skipped."),
                                                    id));
    }
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
  const char *label = rolo_import_source_label (pass->source, ROLO_CONTACT_FIELD_PARENT);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, parent);

  if (type == ROLO_CONTACT_TYPE_ANY)
    rolo_import_row_add_problem (job->row, ROLO_IMPORT_PROBLEM_INVALID, label,
                                 /* Translators: %s is a contact id. */
                                 g_strdup_printf (_("No contact has the id %s."), id));
  else if (type != ROLO_CONTACT_TYPE_BUSINESS)
    rolo_import_row_add_problem (job->row, ROLO_IMPORT_PROBLEM_INVALID, label,
                                 /* Translators: %s is a contact id. */
                                 g_strdup_printf (_("Contact %s is not a business: only a "
                                                    "business can be linked to."), id));
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
        rolo_import_row_add_field_errors (job->row, pass->source, errors);
      else
        rolo_import_row_add_problem (job->row, ROLO_IMPORT_PROBLEM_INVALID, NULL,
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
  batch = rolo_import_source_read_batch_finish (result, &error);
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
          rolo_import_row_free (row);
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
      rolo_import_source_read_batch_async (self, pass->source, pass->cancellable, batch_read_cb,
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

void
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
  pass->source = rolo_import_source_new (self);
  pass->source->mapping = g_memdup2 (self->mapping, MAX (n_columns, 1) * sizeof *self->mapping);
  self->busy = TRUE;
  pass_pump (task);
}
