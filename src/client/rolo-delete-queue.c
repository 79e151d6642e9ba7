/* rolo-delete-queue.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include "rolo-delete-queue.h"
#include "rolo-operation-queue.h"

/*
 * A delete goes through three stages: pending (added, row hidden, nothing
 * sent; undo() ends it here), queued (committed, waiting for one of the
 * MAX_IN_FLIGHT slots) and in flight. Its answer ends it: deleted (the list
 * forgets the hidden row, and refreshes once the round is over) or refused
 * (the row comes back, "failed" says why). A round is everything committed
 * until nothing is queued or in flight any more.
 *
 * Each request holds a reference on the queue, so the answers always find
 * it; a flush that waited too long cancels what is left.
 */

typedef struct
{
  GTask   *task;
  GSource *cancel_source;
} Flush;

struct _RoloDeleteQueue
{
  GObject          parent_instance;

  RoloContactList *list;
  guint            timeout;

  GPtrArray       *pending;      /* RoloContact (copies), not committed */
  RoloOperationQueue *round;     /* sends the committed ones; NULL between rounds */
  GCancellable    *stop;         /* of the round: a timed-out flush gives up */
  GPtrArray       *next;         /* RoloContact, committed while a round gave up */
  GHashTable      *ids;          /* ids of every contact above or in the round */
  gboolean         committing;
  guint            n_deleted;    /* in this round */
  GCancellable    *cancellable;  /* of the requests in flight */

  GPtrArray       *flushes;      /* Flush */
  GSource         *flush_timeout;
  guint            n_flush_failed;
  GError          *flush_error;  /* the first refusal since the flushes began */
};

G_DEFINE_FINAL_TYPE (RoloDeleteQueue, rolo_delete_queue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIST,
  PROP_N_PENDING,
  PROP_COMMITTING,
  PROP_TIMEOUT,
  N_PROPS
};

enum {
  FAILED,
  COMMITTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_round (RoloDeleteQueue *self,
                         GPtrArray       *contacts);

/* Helpers */

static void
set_committing (RoloDeleteQueue *self,
                gboolean         committing)
{
  if (self->committing == committing)
    return;

  self->committing = committing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMITTING]);
}

static void
forget_id (RoloDeleteQueue *self,
           gint64           id)
{
  g_hash_table_remove (self->ids, &id);
}

static void
flush_free (Flush *flush)
{
  if (flush->cancel_source != NULL)
    g_source_destroy (flush->cancel_source);
  g_clear_pointer (&flush->cancel_source, g_source_unref);
  g_clear_object (&flush->task);
  g_free (flush);
}

static GError *
flush_result_error (RoloDeleteQueue *self,
                    gboolean         timed_out)
{
  guint n_unanswered = timed_out && self->round != NULL
                       ? rolo_operation_queue_get_n_items (self->round) -
                         rolo_operation_queue_get_n_done (self->round)
                       : 0;
  guint n_failed = self->n_flush_failed + n_unanswered;

  if (n_failed == 0)
    return NULL;
  if (n_unanswered > 0)
    return g_error_new (ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_TIMEOUT,
                        "%u deletes could not be sent: no answer in time", n_failed);

  return g_error_new (self->flush_error->domain, self->flush_error->code,
                      "%u deletes could not be sent: %s", n_failed,
                      self->flush_error->message);
}

/* Completes every flush waiting, with the outcome since they began. */
static void
complete_flushes (RoloDeleteQueue *self,
                  gboolean         timed_out)
{
  g_autoptr(GPtrArray) flushes = g_steal_pointer (&self->flushes);
  g_autoptr(GError) error = flush_result_error (self, timed_out);

  self->flushes = g_ptr_array_new_with_free_func ((GDestroyNotify) flush_free);
  if (self->flush_timeout != NULL)
    g_source_destroy (self->flush_timeout);
  g_clear_pointer (&self->flush_timeout, g_source_unref);
  self->n_flush_failed = 0;
  g_clear_error (&self->flush_error);

  for (guint i = 0; i < flushes->len; i++)
    {
      Flush *flush = g_ptr_array_index (flushes, i);

      if (error != NULL)
        g_task_return_error (flush->task, g_error_copy (error));
      else
        g_task_return_boolean (flush->task, TRUE);
    }
}

/* The round gives up: nothing more is sent, the deletes in flight are
 * cancelled. Their rows come back as their answers (cancelled) arrive, the
 * others' when the round ends. */
static void
abandon (RoloDeleteQueue *self)
{
  if (self->stop != NULL)
    g_cancellable_cancel (self->stop);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
unhide (RoloDeleteQueue *self,
        RoloContact     *contact)
{
  gint64 id = rolo_contact_get_id (contact);

  rolo_contact_list_unhide (self->list, &id, 1);
  forget_id (self, id);
}

static void
finish_round (RoloDeleteQueue *self)
{
  guint n_deleted = self->n_deleted;

  g_debug ("Deletes answered, %u done", n_deleted);
  self->n_deleted = 0;
  set_committing (self, FALSE);
  if (n_deleted > 0)
    {
      rolo_contact_list_refresh (self->list);
      g_signal_emit (self, signals[COMMITTED], 0, n_deleted);
    }
  if (self->flushes->len > 0)
    complete_flushes (self, FALSE);
}

static gboolean
error_is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_CANCELLED);
}

static void
delete_refused (RoloDeleteQueue *self,
                RoloContact     *contact,
                const GError    *error)
{
  g_debug ("Delete of %" G_GINT64_FORMAT " failed: %s", rolo_contact_get_id (contact),
           error->message);
  unhide (self, contact);
  if (error_is_cancelled (error))
    return;

  if (self->flushes->len > 0)
    {
      self->n_flush_failed++;
      if (self->flush_error == NULL)
        self->flush_error = g_error_copy (error);
    }
  g_signal_emit (self, signals[FAILED], 0, contact, error);
}

/* The round's operation on a contact */

static void
delete_start (GObject             *item,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             callback_data,
              gpointer             user_data)
{
  RoloDeleteQueue *self = user_data;
  gint64 id = rolo_contact_get_id (ROLO_CONTACT (item));

  g_debug ("Deleting %" G_GINT64_FORMAT, id);
  rolo_client_delete_contact_async (rolo_contact_list_get_client (self->list), id,
                                    self->cancellable, callback, callback_data);
}

static gboolean
delete_finish (GObject       *item,
               GAsyncResult  *result,
               GError       **error,
               gpointer       user_data)
{
  RoloDeleteQueue *self = user_data;
  g_autoptr(GError) local_error = NULL;

  /* A contact the server does not have any more is as good as deleted. */
  if (rolo_client_delete_contact_finish (rolo_contact_list_get_client (self->list), result,
                                         &local_error) ||
      g_error_matches (local_error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
deleted_cb (RoloDeleteQueue *self,
            RoloContact     *contact,
            const GError    *error)
{
  gint64 id = rolo_contact_get_id (contact);

  if (error != NULL)
    {
      delete_refused (self, contact, error);
      return;
    }

  forget_id (self, id);
  rolo_contact_list_forget_hidden (self->list, &id, 1);
  self->n_deleted++;
}

static void
round_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RoloDeleteQueue) self = user_data;
  g_autoptr(RoloOperationQueue) round = g_steal_pointer (&self->round);
  g_autoptr(GPtrArray) never_sent = rolo_operation_queue_dup_waiting (round);
  g_autoptr(GPtrArray) next = g_steal_pointer (&self->next);

  rolo_operation_queue_run_finish (round, result, NULL);
  g_clear_object (&self->stop);
  /* Given up: their rows come back. */
  for (guint i = 0; i < never_sent->len; i++)
    unhide (self, g_ptr_array_index (never_sent, i));

  if (next != NULL && next->len > 0 && self->list != NULL)
    start_round (self, next);
  else
    finish_round (self);
}

/* Sends @contacts, ROLO_DELETE_QUEUE_MAX_IN_FLIGHT at a time, with the
 * deletes of a round going on, or in a new one. */
static void
start_round (RoloDeleteQueue *self,
             GPtrArray       *contacts)
{
  if (self->round != NULL && g_cancellable_is_cancelled (self->stop))
    {
      /* The round gave up: these wait for it to end. */
      if (self->next == NULL)
        self->next = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < contacts->len; i++)
        g_ptr_array_add (self->next, g_object_ref (g_ptr_array_index (contacts, i)));
      return;
    }

  if (self->round == NULL)
    {
      self->round = rolo_operation_queue_new (ROLO_DELETE_QUEUE_MAX_IN_FLIGHT, delete_start,
                                              delete_finish, self);
      self->stop = g_cancellable_new ();
      g_signal_connect_object (self->round, "item-done", G_CALLBACK (deleted_cb), self,
                               G_CONNECT_SWAPPED);
      for (guint i = 0; i < contacts->len; i++)
        rolo_operation_queue_add (self->round, g_ptr_array_index (contacts, i));
      set_committing (self, TRUE);
      rolo_operation_queue_run_async (self->round, self->stop, round_done_cb,
                                      g_object_ref (self));
      return;
    }

  for (guint i = 0; i < contacts->len; i++)
    rolo_operation_queue_add (self->round, g_ptr_array_index (contacts, i));
}

static gboolean
flush_timeout_cb (gpointer user_data)
{
  RoloDeleteQueue *self = user_data;

  g_debug ("Flush timed out with deletes unanswered");
  g_clear_pointer (&self->flush_timeout, g_source_unref);
  complete_flushes (self, TRUE);
  abandon (self);

  return G_SOURCE_REMOVE;
}

static gboolean
flush_cancelled_cb (GCancellable *cancellable,
                    gpointer      user_data)
{
  RoloDeleteQueue *self = user_data;

  for (guint i = 0; i < self->flushes->len; i++)
    {
      Flush *flush = g_ptr_array_index (self->flushes, i);
      g_autoptr(GTask) task = NULL;

      if (g_task_get_cancellable (flush->task) != cancellable)
        continue;
      task = g_object_ref (flush->task);
      g_ptr_array_remove_index (self->flushes, i);
      g_task_return_error_if_cancelled (task);
      break;
    }

  /* No one waits any more: the deletes go on, without a deadline. */
  if (self->flushes->len == 0)
    complete_flushes (self, FALSE);

  return G_SOURCE_REMOVE;
}

/* GObject */

static void
rolo_delete_queue_dispose (GObject *object)
{
  RoloDeleteQueue *self = ROLO_DELETE_QUEUE (object);

  /* Deletes never committed are given up: their rows come back. */
  if (self->list != NULL)
    rolo_delete_queue_undo (self);
  if (self->flush_timeout != NULL)
    g_source_destroy (self->flush_timeout);
  g_clear_pointer (&self->flush_timeout, g_source_unref);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (rolo_delete_queue_parent_class)->dispose (object);
}

static void
rolo_delete_queue_finalize (GObject *object)
{
  RoloDeleteQueue *self = ROLO_DELETE_QUEUE (object);

  g_assert (self->round == NULL);
  g_assert (self->flushes->len == 0);

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->next, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->flushes, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->flush_error);

  G_OBJECT_CLASS (rolo_delete_queue_parent_class)->finalize (object);
}

static void
rolo_delete_queue_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RoloDeleteQueue *self = ROLO_DELETE_QUEUE (object);

  switch (prop_id)
    {
    case PROP_LIST:
      g_value_set_object (value, self->list);
      break;
    case PROP_N_PENDING:
      g_value_set_uint (value, self->pending->len);
      break;
    case PROP_COMMITTING:
      g_value_set_boolean (value, self->committing);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_delete_queue_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RoloDeleteQueue *self = ROLO_DELETE_QUEUE (object);

  switch (prop_id)
    {
    case PROP_LIST:
      self->list = g_value_dup_object (value);
      break;
    case PROP_TIMEOUT:
      rolo_delete_queue_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_delete_queue_class_init (RoloDeleteQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rolo_delete_queue_dispose;
  object_class->finalize = rolo_delete_queue_finalize;
  object_class->get_property = rolo_delete_queue_get_property;
  object_class->set_property = rolo_delete_queue_set_property;

  properties[PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL, ROLO_TYPE_CONTACT_LIST,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PENDING] = g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_COMMITTING] = g_param_spec_boolean ("committing", NULL, NULL, FALSE, ro);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, G_MAXUINT / 1000,
                       ROLO_DELETE_QUEUE_DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RoloDeleteQueue::failed:
   * @contact: (a copy of) the contact that was not deleted
   * @error: why
   *
   * Once per refused delete; the contact's row is back in the list. Not
   * emitted for deletes a timed-out flush gave up (its error tells).
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, ROLO_TYPE_CONTACT,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
  /**
   * RoloDeleteQueue::committed:
   * @n_deleted: contacts deleted in this round (> 0)
   *
   * Every committed delete has its answer; the list is refreshing.
   */
  signals[COMMITTED] =
    g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
rolo_delete_queue_init (RoloDeleteQueue *self)
{
  self->timeout = ROLO_DELETE_QUEUE_DEFAULT_TIMEOUT;
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  self->flushes = g_ptr_array_new_with_free_func ((GDestroyNotify) flush_free);
}

/* Public API */

RoloDeleteQueue *
rolo_delete_queue_new (RoloContactList *list)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_LIST (list), NULL);

  return g_object_new (ROLO_TYPE_DELETE_QUEUE, "list", list, NULL);
}


guint
rolo_delete_queue_get_n_pending (RoloDeleteQueue *self)
{
  g_return_val_if_fail (ROLO_IS_DELETE_QUEUE (self), 0);

  return self->pending->len;
}

gboolean
rolo_delete_queue_get_committing (RoloDeleteQueue *self)
{
  g_return_val_if_fail (ROLO_IS_DELETE_QUEUE (self), FALSE);

  return self->committing;
}


void
rolo_delete_queue_set_timeout (RoloDeleteQueue *self,
                               guint            seconds)
{
  g_return_if_fail (ROLO_IS_DELETE_QUEUE (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/**
 * rolo_delete_queue_add:
 * @contact: a loaded contact of the queue's list
 *
 * Hides the contact's row in the list; nothing is sent before
 * rolo_delete_queue_commit(). The queue keeps a copy of the contact (for
 * "failed"), as the list's row object may be refilled.
 */
void
rolo_delete_queue_add (RoloDeleteQueue *self,
                       RoloContact     *contact)
{
  gint64 id;

  g_return_if_fail (ROLO_IS_DELETE_QUEUE (self));
  g_return_if_fail (ROLO_IS_CONTACT (contact));
  g_return_if_fail (rolo_contact_get_state (contact) == ROLO_CONTACT_STATE_READY);
  g_return_if_fail (rolo_contact_get_id (contact) > 0);

  id = rolo_contact_get_id (contact);
  if (!g_hash_table_add (self->ids, g_memdup2 (&id, sizeof id)))
    return;

  g_ptr_array_add (self->pending, rolo_contact_copy (contact));
  rolo_contact_list_hide (self->list, &id, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
}

/* Brings back the rows of every pending delete; sends nothing. Deletes
 * already committed are not pending any more. */
void
rolo_delete_queue_undo (RoloDeleteQueue *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_if_fail (ROLO_IS_DELETE_QUEUE (self));

  if (self->pending->len == 0)
    return;

  for (guint i = 0; i < self->pending->len; i++)
    {
      gint64 id = rolo_contact_get_id (g_ptr_array_index (self->pending, i));

      g_array_append_val (ids, id);
      forget_id (self, id);
    }
  g_ptr_array_set_size (self->pending, 0);
  rolo_contact_list_unhide (self->list, (const gint64 *) (gconstpointer) ids->data, ids->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
}

/* Sends every pending delete, ROLO_DELETE_QUEUE_MAX_IN_FLIGHT at a time. */
void
rolo_delete_queue_commit (RoloDeleteQueue *self)
{
  g_autoptr(GPtrArray) committed = NULL;

  g_return_if_fail (ROLO_IS_DELETE_QUEUE (self));

  if (self->pending->len == 0)
    return;

  committed = g_steal_pointer (&self->pending);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
  start_round (self, committed);
}

static void
flush_add (RoloDeleteQueue *self,
           GTask           *task)
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  Flush *flush = g_new0 (Flush, 1);

  flush->task = g_object_ref (task);
  if (cancellable != NULL)
    {
      flush->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (flush->cancel_source, G_SOURCE_FUNC (flush_cancelled_cb),
                             self, NULL);
      g_source_set_static_name (flush->cancel_source, "[rolo] delete queue flush cancelled");
      g_source_attach (flush->cancel_source, g_task_get_context (task));
    }
  if (self->flushes->len == 0)
    {
      self->flush_timeout = g_timeout_source_new_seconds (self->timeout);
      g_source_set_callback (self->flush_timeout, flush_timeout_cb, self, NULL);
      g_source_set_static_name (self->flush_timeout, "[rolo] delete queue flush timeout");
      g_source_attach (self->flush_timeout, g_task_get_context (task));
    }
  g_ptr_array_add (self->flushes, flush);
}

/**
 * rolo_delete_queue_flush_async:
 * @cancellable: (nullable): stops waiting (the deletes go on)
 *
 * For quitting or closing: commits what is pending and waits for the
 * answers, no longer than "timeout" seconds; then gives up what is left
 * (those rows come back).
 */
void
rolo_delete_queue_flush_async (RoloDeleteQueue     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ROLO_IS_DELETE_QUEUE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rolo_delete_queue_flush_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  rolo_delete_queue_commit (self);
  if (!self->committing)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  flush_add (self, task);
}

gboolean
rolo_delete_queue_flush_finish (RoloDeleteQueue  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (ROLO_IS_DELETE_QUEUE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        rolo_delete_queue_flush_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
