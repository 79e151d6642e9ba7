/* rolo-delete-queue.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rolo-client.h"
#include "rolo-contact-list.h"

G_BEGIN_DECLS

/* Deletes sent at the same time at most. */
#define ROLO_DELETE_QUEUE_MAX_IN_FLIGHT 4
/* Seconds rolo_delete_queue_flush_async() waits for answers by default. */
#define ROLO_DELETE_QUEUE_DEFAULT_TIMEOUT 10

#define ROLO_TYPE_DELETE_QUEUE (rolo_delete_queue_get_type ())

G_DECLARE_FINAL_TYPE (RoloDeleteQueue, rolo_delete_queue, ROLO, DELETE_QUEUE, GObject)

/*
 * RoloDeleteQueue holds the deletes the user asked for until they are sent:
 * their rows are hidden in the list at once, undo() brings them back and
 * sends nothing, commit() sends them (through the list's client).
 *
 * Properties:
 *  - "list" (RoloContactList, construct-only)
 *  - "n-pending" (uint, read-only): deletes added and not yet committed
 *  - "committing" (boolean, read-only): committed deletes wait for answers
 *  - "timeout" (uint seconds, read/write, default 10): how long
 *     rolo_delete_queue_flush_async() waits for the answers
 *
 * Signals:
 *  - "failed" (RoloContact *, const GError *): the server refused one
 *     delete (or it could not be sent); its row is back. Once per contact.
 *     A contact the server no longer has counts as deleted.
 *  - "committed" (guint n_deleted): the answers to everything committed
 *     arrived and n_deleted (> 0) contacts are gone; the list refreshes.
 */

RoloDeleteQueue *rolo_delete_queue_new            (RoloContactList  *list);
guint            rolo_delete_queue_get_n_pending  (RoloDeleteQueue  *self);
gboolean         rolo_delete_queue_get_committing (RoloDeleteQueue  *self);
void             rolo_delete_queue_set_timeout    (RoloDeleteQueue  *self,
                                                   guint             seconds);

/* A loaded (READY) contact with an id; adding it twice changes nothing. */
void             rolo_delete_queue_add            (RoloDeleteQueue  *self,
                                                   RoloContact      *contact);
void             rolo_delete_queue_undo           (RoloDeleteQueue  *self);
void             rolo_delete_queue_commit         (RoloDeleteQueue  *self);

/* Commits, then completes once every answer arrived or "timeout" seconds
 * passed. Fails with ROLO_CLIENT_ERROR_TIMEOUT when deletes were still
 * unanswered, or with the error of a refusal, the message saying how many
 * deletes did not happen. */
void             rolo_delete_queue_flush_async    (RoloDeleteQueue  *self,
                                                   GCancellable     *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer          user_data);
gboolean         rolo_delete_queue_flush_finish   (RoloDeleteQueue  *self,
                                                   GAsyncResult     *result,
                                                   GError          **error);

G_END_DECLS
