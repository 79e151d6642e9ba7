/* rolo-export-dialog.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rolo-client.h"

G_BEGIN_DECLS

#define ROLO_TYPE_EXPORT_DIALOG (rolo_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RoloExportDialog, rolo_export_dialog, ROLO, EXPORT_DIALOG, AdwWindow)

/*
 * Export…: the format, then a file (the file chooser, through the portal
 * where there is one), then a progress bar with "N of M" that Cancel stops.
 * Writes every contact of @query (@n_in_view of them, as the window counts
 * them) or, when @ids is not NULL, those contacts. Emits "exported" (the
 * GFile, the number written) and closes when done.
 *
 * Actions: export.choose-file, export.export-to (s: a path), export.cancel.
 */
RoloExportDialog *rolo_export_dialog_new (RoloClient       *client,
                                          RoloContactQuery *query,
                                          guint             n_in_view,
                                          const gint64     *ids,
                                          gsize             n_ids);

G_END_DECLS
