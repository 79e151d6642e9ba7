/* rolo-bulk-edit.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rolo-client.h"
#include "rolo-contact-change.h"

G_BEGIN_DECLS

/* Contacts read or written at the same time at most. */
#define ROLO_BULK_EDIT_MAX_IN_FLIGHT 4

/* Where one contact of a bulk edit stands. */
typedef enum
{
  ROLO_BULK_EDIT_NOT_DONE,   /* not sent yet, or the run was stopped first */
  ROLO_BULK_EDIT_CHANGED,    /* the server has the change */
  ROLO_BULK_EDIT_UNCHANGED,  /* it already had the values: nothing sent */
  ROLO_BULK_EDIT_FAILED,     /* refused, or not reachable: see get_error() */
  ROLO_BULK_EDIT_UNDONE,     /* changed, then restored */
} RoloBulkEditState;

#define ROLO_TYPE_BULK_EDIT (rolo_bulk_edit_get_type ())

G_DECLARE_FINAL_TYPE (RoloBulkEdit, rolo_bulk_edit, ROLO, BULK_EDIT, GObject)

/*
 * RoloBulkEdit makes one RoloContactChange to many contacts: for each, it
 * reads the full record (kept, for undo), makes the change and sends only
 * the fields that then differ (rolo_client_update_contact_async()). Undo
 * puts the touched fields of exactly the contacts that changed back as they
 * were. A run goes through a RoloOperationQueue: a few in flight, 429s
 * waited out, stopping leaves every contact in a known state.
 *
 * Properties:
 *  - "n-to-do" (uint, read-only): contacts the current or last run is for
 *  - "n-done" (uint, read-only): of those, the ones finished (well or not)
 *  - "running" (boolean, read-only)
 */

/* @contacts: RoloContact as the list has them (an id, a name, a type);
 * the change is validated with rolo_contact_change_validate() first. */
RoloBulkEdit      *rolo_bulk_edit_new          (RoloClient          *client,
                                                RoloContactChange   *change,
                                                GPtrArray           *contacts);
RoloContactChange *rolo_bulk_edit_get_change   (RoloBulkEdit        *self);
guint              rolo_bulk_edit_get_n_contacts (RoloBulkEdit      *self);
guint              rolo_bulk_edit_get_n_to_do  (RoloBulkEdit        *self);
guint              rolo_bulk_edit_get_n_done   (RoloBulkEdit        *self);
gboolean           rolo_bulk_edit_get_running  (RoloBulkEdit        *self);

/* Contacts in @state (RoloContact as given, transfer container). */
GPtrArray         *rolo_bulk_edit_list         (RoloBulkEdit        *self,
                                                RoloBulkEditState    state);
guint              rolo_bulk_edit_count        (RoloBulkEdit        *self,
                                                RoloBulkEditState    state);
/* Why @contact failed; NULL unless it is FAILED. */
const GError      *rolo_bulk_edit_get_error    (RoloBulkEdit        *self,
                                                RoloContact         *contact);
/* Whether the last run was an undo (its failures are undo's). */
gboolean           rolo_bulk_edit_get_undoing  (RoloBulkEdit        *self);

/* The first time, makes the change to every contact; afterwards, to the
 * failed and not done ones again (Retry). Fails at once with
 * %ROLO_CLIENT_ERROR_INVALID_INPUT when the change is not valid, sending
 * nothing; with G_IO_ERROR_CANCELLED when stopped. Failed contacts do not
 * fail the run: see list(). */
void               rolo_bulk_edit_apply_async  (RoloBulkEdit        *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean           rolo_bulk_edit_apply_finish (RoloBulkEdit        *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* Restores the CHANGED contacts (they become UNDONE, or FAILED with undo's
 * error; calling it again retries those). */
void               rolo_bulk_edit_undo_async   (RoloBulkEdit        *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean           rolo_bulk_edit_undo_finish  (RoloBulkEdit        *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
