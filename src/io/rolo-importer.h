/* rolo-importer.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rolo-client.h"
#include "rolo-file-format.h"
#include "rolo-import-field.h"
#include "rolo-transfer.h"

G_BEGIN_DECLS

/* One thing wrong with a row of the file, or why it is skipped. */
typedef enum
{
  ROLO_IMPORT_PROBLEM_INVALID,  /* the row cannot be imported as it is */
  ROLO_IMPORT_PROBLEM_EXISTS,   /* the contact is there already: skipped */
} RoloImportProblemKind;

typedef struct
{
  RoloImportProblemKind  kind;
  guint                  line;    /* of the file, the first being 1 (the CSV header) */
  char                  *field;   /* the column's header, or the API field; NULL: the row */
  char                  *message; /* translated */
} RoloImportProblem;

#define ROLO_TYPE_IMPORTER (rolo_importer_get_type ())

G_DECLARE_FINAL_TYPE (RoloImporter, rolo_importer, ROLO, IMPORTER, RoloTransfer)

/*
 * Brings the contacts of a CSV or vCard file into the workspace, in three
 * steps, each a pass over the file (never held whole):
 *
 * 1. open: tells CSV from vCard, reads a CSV file's header and a preview of
 *    its first rows, and guesses what each column holds (see
 *    rolo_import_field_guess(); the mapping can then be changed).
 * 2. check: reads every row and checks it as the editor and the server
 *    would (the client's validation, countries that exist, a parent that is
 *    a Business), and whether it is a contact the workspace (or an earlier
 *    row) has already, by the one duplicate rule of rolo-contact-match.h.
 *    Nothing is sent but questions. Rows that pass are "ready".
 * 3. import: creates the ready rows, a few at a time; a server that asks to
 *    slow down is waited for; what the server refuses (422) joins the
 *    problems against its row.
 *
 * Because every row is looked for before it is created, running an import
 * again — after it was interrupted, or twice — creates nothing twice.
 *
 * Its RoloTransfer progress counts rows ("n-total" 0 while checking: the
 * number of rows is known at the end).
 *
 * Line numbers are the file's, as a text editor counts them: the CSV header
 * is line 1, and a row is named by the line it starts on. A spreadsheet
 * shows the same numbers unless a cell holds line breaks.
 */
RoloImporter            *rolo_importer_new                 (RoloClient         *client,
                                                            GFile              *file);
/* The notification switches of rows that do not say (the editor's defaults). */
void                     rolo_importer_set_notify_defaults (RoloImporter       *self,
                                                            gboolean            email,
                                                            gboolean            sms,
                                                            gboolean            whatsapp);

void                     rolo_importer_open_async          (RoloImporter       *self,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
gboolean                 rolo_importer_open_finish         (RoloImporter       *self,
                                                            GAsyncResult       *result,
                                                            GError            **error);

RoloFileFormat           rolo_importer_get_format          (RoloImporter       *self);
/* CSV: the header's cells; NULL for vCard (whose properties map themselves). */
const char * const      *rolo_importer_get_columns         (RoloImporter       *self);
RoloImportField          rolo_importer_get_mapping         (RoloImporter       *self,
                                                            guint               column);
void                     rolo_importer_set_mapping         (RoloImporter       *self,
                                                            guint               column,
                                                            RoloImportField     field);
/* Up to 5 rows after the header, as read (GStrv each). Transfer none. */
GPtrArray               *rolo_importer_get_preview         (RoloImporter       *self);

void                     rolo_importer_check_async         (RoloImporter       *self,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
gboolean                 rolo_importer_check_finish        (RoloImporter       *self,
                                                            GAsyncResult       *result,
                                                            GError            **error);

/* After check: the rows read, those ready, and those already there. */
guint                    rolo_importer_get_n_rows          (RoloImporter       *self);
guint                    rolo_importer_get_n_ready         (RoloImporter       *self);
guint                    rolo_importer_get_n_existing      (RoloImporter       *self);
/* Rows that cannot be imported (after import, those the server refused too). */
guint                    rolo_importer_get_n_invalid       (RoloImporter       *self);
/* Every problem, by line. Transfer none. */
guint                    rolo_importer_get_n_problems      (RoloImporter       *self);
const RoloImportProblem *rolo_importer_get_problem         (RoloImporter       *self,
                                                            guint               index);

void                     rolo_importer_import_async        (RoloImporter       *self,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
/* FALSE when the import stopped before the end (cancelled, server gone):
 * what was created stays created, and is counted. */
gboolean                 rolo_importer_import_finish       (RoloImporter       *self,
                                                            GAsyncResult       *result,
                                                            GError            **error);
/* The ids created by import, in file order. */
const gint64            *rolo_importer_get_created_ids     (RoloImporter       *self,
                                                            gsize              *n_ids);

/* Writes the rows that could not be imported as CSV: a CSV file's own
 * header and cells (a vCard file's rows in Rolo's columns), and a last
 * column "Import problem" with what is wrong, so that the file can be fixed
 * and imported again. */
void                     rolo_importer_save_report_async   (RoloImporter       *self,
                                                            GFile              *file,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
gboolean                 rolo_importer_save_report_finish  (RoloImporter       *self,
                                                            GAsyncResult       *result,
                                                            GError            **error);

G_END_DECLS
