/* rolo-operation-queue.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Starts the operation on @item; @callback gets the result for the finish
 * function. */
typedef void     (*RoloOperationStart)  (GObject             *item,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             callback_data,
                                         gpointer             user_data);
typedef gboolean (*RoloOperationFinish) (GObject             *item,
                                         GAsyncResult        *result,
                                         GError             **error,
                                         gpointer             user_data);

#define ROLO_TYPE_OPERATION_QUEUE (rolo_operation_queue_get_type ())

G_DECLARE_FINAL_TYPE (RoloOperationQueue, rolo_operation_queue, ROLO, OPERATION_QUEUE, GObject)

/*
 * RoloOperationQueue runs one asynchronous operation on each of its items,
 * a few at a time, in the order added. An operation the server refused for
 * now (429, or 503 with Retry-After) runs again after the wait the server
 * asked for, and nothing else starts meanwhile. Stopping (cancelling the
 * run) starts nothing more but lets the operations in flight finish, so
 * every item is known to be done, failed or not started.
 *
 * Properties:
 *  - "n-items" (uint, read-only): items added
 *  - "n-done" (uint, read-only): items whose operation finished, well or not
 *  - "n-failed" (uint, read-only): of those, the failed ones
 *
 * Signals:
 *  - "item-done" (GObject *item, const GError *error): an operation
 *     finished; @error is NULL when it succeeded. Once per item.
 */

RoloOperationQueue *rolo_operation_queue_new        (guint                max_in_flight,
                                                     RoloOperationStart   start,
                                                     RoloOperationFinish  finish,
                                                     gpointer             user_data);
/* Before the run, or during it until it is stopped: the item starts in
 * turn after those added before. */
void                rolo_operation_queue_add        (RoloOperationQueue  *self,
                                                     GObject             *item);
guint               rolo_operation_queue_get_n_items (RoloOperationQueue *self);
guint               rolo_operation_queue_get_n_done (RoloOperationQueue  *self);
guint               rolo_operation_queue_get_n_failed (RoloOperationQueue *self);
/* The items not started (transfer container): after a stop, those that
 * never will be. */
GPtrArray          *rolo_operation_queue_dup_waiting (RoloOperationQueue *self);

/* Runs every item once; completes when all are done, or when the run was
 * stopped and the operations in flight finished (then with
 * G_IO_ERROR_CANCELLED). Failed items do not fail the run. Once per queue. */
void                rolo_operation_queue_run_async  (RoloOperationQueue  *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean            rolo_operation_queue_run_finish (RoloOperationQueue  *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
