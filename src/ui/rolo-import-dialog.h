/* rolo-import-dialog.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rolo-client.h"

G_BEGIN_DECLS

#define ROLO_TYPE_IMPORT_DIALOG (rolo_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RoloImportDialog, rolo_import_dialog, ROLO, IMPORT_DIALOG, AdwWindow)

/*
 * Import…: opens @file, shows what each column holds (guessed; a drop-down
 * each, with examples from the first rows), checks every row before
 * anything is sent and reports them (ready, already there, problems by
 * line), then creates the ready ones under a progress bar. Emits
 * "imported" with the ids created (a GArray of gint64) and closes, unless
 * the server refused rows, which then join the report.
 *
 * Actions: import.check, import.back, import.import, import.save-report,
 * import.save-report-to (s: a path), import.cancel.
 */
RoloImportDialog *rolo_import_dialog_new          (RoloClient       *client,
                                                   GFile            *file,
                                                   GSettings        *settings);
/* The page shown: loading, failed, mapping, progress or report. */
const char       *rolo_import_dialog_get_page     (RoloImportDialog *self);
/* The drop-down of a column (for tests and accessibility checks). */
AdwComboRow      *rolo_import_dialog_get_column_row (RoloImportDialog *self,
                                                   guint             column);

G_END_DECLS
