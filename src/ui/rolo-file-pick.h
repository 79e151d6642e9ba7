/* rolo-file-pick.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The file chooser, through the file chooser portal where there is one:
 * GtkFileDialog where GTK has it (4.10), GtkFileChooserNative before. */

#define ROLO_FILE_PICK_HAS_FILE_DIALOG GTK_CHECK_VERSION (4, 10, 0)

typedef enum
{
  ROLO_FILE_PICK_OPEN,
  ROLO_FILE_PICK_SAVE,
} RoloFilePickMode;

/* What the user picked; @file is NULL when they cancelled. */
typedef void (*RoloFilePickedFunc) (GtkWidget *owner,
                                    GFile     *file);

void rolo_file_pick (GtkWidget          *owner,
                     RoloFilePickMode    mode,
                     const char         *title,
                     const char         *accept_label,
                     const char         *initial_name,
                     GListModel         *filters,
                     RoloFilePickedFunc  picked);

G_END_DECLS
