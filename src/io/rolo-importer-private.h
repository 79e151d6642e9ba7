/* rolo-importer-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rolo-csv.h"
#include "rolo-importer.h"
#include "rolo-vcard.h"

G_BEGIN_DECLS

/* Inside the importer: the file read into rows, each row checked on its own
 * (rolo-importer-source.c, on a worker thread), the passes over the file
 * with a few rows in flight against the server (rolo-importer-pass.c), and
 * the object with its API and the saved report (rolo-importer.c). */

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

/* rolo-importer-source.c */
ImportSource *rolo_import_source_new               (RoloImporter          *self);
void          rolo_import_source_free              (ImportSource          *source);
void          rolo_import_source_open_thread       (GTask                 *task,
                                                    gpointer               source_object,
                                                    gpointer               task_data,
                                                    GCancellable          *cancellable);
void          rolo_import_source_read_batch_async  (RoloImporter          *self,
                                                    ImportSource          *source,
                                                    GCancellable          *cancellable,
                                                    GAsyncReadyCallback    callback,
                                                    gpointer               user_data);
GPtrArray    *rolo_import_source_read_batch_finish (GAsyncResult          *result,
                                                    GError               **error);
const char   *rolo_import_source_label             (ImportSource          *source,
                                                    const char            *api_field);
void          rolo_import_row_free                 (ImportRow             *row);
void          rolo_import_row_add_problem          (ImportRow             *row,
                                                    RoloImportProblemKind  kind,
                                                    const char            *field,
                                                    char                  *message);
void          rolo_import_row_add_field_errors     (ImportRow             *row,
                                                    ImportSource          *source,
                                                    GHashTable            *errors);
void          rolo_import_problem_clear            (gpointer               data);

/* rolo-importer-pass.c */
void          rolo_importer_start_pass             (RoloImporter          *self,
                                                    PassKind               kind,
                                                    GCancellable          *cancellable,
                                                    GAsyncReadyCallback    callback,
                                                    gpointer               user_data,
                                                    gpointer               source_tag);

/* rolo-importer.c */
void          rolo_importer_count_row              (RoloImporter          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportRow, rolo_import_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportSource, rolo_import_source_free)

G_END_DECLS
