/* rolo-bulk-editor.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rolo-bulk-edit.h"
#include "rolo-client.h"
#include "rolo-tag-names.h"

G_BEGIN_DECLS

#define ROLO_TYPE_BULK_EDITOR (rolo_bulk_editor_get_type ())

G_DECLARE_FINAL_TYPE (RoloBulkEditor, rolo_bulk_editor, ROLO, BULK_EDITOR, AdwWindow)

/*
 * RoloBulkEditor is the "Edit N Contacts" dialog: a tick for each field it
 * can change, then the run's progress, then (after failures or Stop) a
 * report with Retry Failed.
 *
 * Signals:
 *  - "applied" (): a run ended; the contacts shown may have new values.
 *  - "done" (RoloBulkEdit *edit): the dialog closes after a run, which the
 *     window can offer to undo.
 */

/* @contacts: RoloContact as the list has them. */
RoloBulkEditor *rolo_bulk_editor_new (RoloClient   *client,
                                      RoloTagNames *tag_names,
                                      GPtrArray    *contacts);

G_END_DECLS
