/* rolo-operation-queue.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include "rolo-operation-queue.h"
#include "rolo-retry.h"

typedef struct
{
  RoloOperationQueue *queue;
  GObject            *item;
  guint               attempt;  /* retries so far */
} Job;

struct _RoloOperationQueue
{
  GObject              parent_instance;

  guint                max_in_flight;
  RoloOperationStart   start;
  RoloOperationFinish  finish;
  gpointer             user_data;

  GPtrArray           *items;
  GQueue               waiting;     /* Job, not started (or to start again) */
  guint                n_in_flight; /* started, or waiting out a 429 */
  gboolean             holding;     /* a 429's wait: nothing starts */
  guint                n_done;
  guint                n_failed;

  GTask               *task;        /* of the run */
  GCancellable        *stop;        /* the run's: stops starting */
  GCancellable        *waits;       /* the retry waits' */
  gulong               stop_id;
  gboolean             stopped;
};

G_DEFINE_FINAL_TYPE (RoloOperationQueue, rolo_operation_queue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_N_DONE,
  PROP_N_FAILED,
  N_PROPS
};

enum {
  ITEM_DONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_next (RoloOperationQueue *self);

static void
job_free (Job *job)
{
  g_clear_object (&job->item);
  g_free (job);
}

static void
rolo_operation_queue_dispose (GObject *object)
{
  RoloOperationQueue *self = ROLO_OPERATION_QUEUE (object);

  /* A run holds the queue, so none is going on. */
  g_queue_clear_full (&self->waiting, (GDestroyNotify) job_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->waits);

  G_OBJECT_CLASS (rolo_operation_queue_parent_class)->dispose (object);
}

static void
rolo_operation_queue_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RoloOperationQueue *self = ROLO_OPERATION_QUEUE (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, rolo_operation_queue_get_n_items (self));
      break;

    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;

    case PROP_N_FAILED:
      g_value_set_uint (value, self->n_failed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_operation_queue_class_init (RoloOperationQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rolo_operation_queue_dispose;
  object_class->get_property = rolo_operation_queue_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_FAILED] =
    g_param_spec_uint ("n-failed", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ITEM_DONE] =
    g_signal_new ("item-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_ERROR);
}

static void
rolo_operation_queue_init (RoloOperationQueue *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->waits = g_cancellable_new ();
  g_queue_init (&self->waiting);
}

/**
 * rolo_operation_queue_new:
 * @max_in_flight: operations running at the same time at most (> 0)
 * @start: starts one item's operation
 * @finish: reads its result
 *
 * Returns: (transfer full): a queue with no items
 */
RoloOperationQueue *
rolo_operation_queue_new (guint                max_in_flight,
                          RoloOperationStart   start,
                          RoloOperationFinish  finish,
                          gpointer             user_data)
{
  RoloOperationQueue *self;

  g_return_val_if_fail (max_in_flight > 0, NULL);
  g_return_val_if_fail (start != NULL && finish != NULL, NULL);

  self = g_object_new (ROLO_TYPE_OPERATION_QUEUE, NULL);
  self->max_in_flight = max_in_flight;
  self->start = start;
  self->finish = finish;
  self->user_data = user_data;

  return self;
}

void
rolo_operation_queue_add (RoloOperationQueue *self,
                          GObject            *item)
{
  Job *job;

  g_return_if_fail (ROLO_IS_OPERATION_QUEUE (self));
  g_return_if_fail (G_IS_OBJECT (item));
  g_return_if_fail (!self->stopped);

  job = g_new0 (Job, 1);
  job->queue = self;
  job->item = g_object_ref (item);
  g_queue_push_tail (&self->waiting, job);
  g_ptr_array_add (self->items, g_object_ref (item));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (self->task != NULL)
    start_next (self);
}

guint
rolo_operation_queue_get_n_items (RoloOperationQueue *self)
{
  g_return_val_if_fail (ROLO_IS_OPERATION_QUEUE (self), 0);

  return self->items->len;
}

guint
rolo_operation_queue_get_n_done (RoloOperationQueue *self)
{
  g_return_val_if_fail (ROLO_IS_OPERATION_QUEUE (self), 0);

  return self->n_done;
}

guint
rolo_operation_queue_get_n_failed (RoloOperationQueue *self)
{
  g_return_val_if_fail (ROLO_IS_OPERATION_QUEUE (self), 0);

  return self->n_failed;
}

/**
 * rolo_operation_queue_dup_waiting:
 *
 * Returns: (transfer container) (element-type GObject): the items not
 *   started, in the order they would start
 */
GPtrArray *
rolo_operation_queue_dup_waiting (RoloOperationQueue *self)
{
  GPtrArray *waiting;

  g_return_val_if_fail (ROLO_IS_OPERATION_QUEUE (self), NULL);

  waiting = g_ptr_array_new_with_free_func (g_object_unref);
  for (GList *l = self->waiting.head; l != NULL; l = l->next)
    g_ptr_array_add (waiting, g_object_ref (((Job *) l->data)->item));

  return waiting;
}

/* The stop is acted on in an idle, but nothing new starts from the moment it
 * is asked for: a busy main loop (answers coming in) may hold the idle back
 * until every operation has run. */
static gboolean
is_stopping (RoloOperationQueue *self)
{
  return self->stopped || (self->stop != NULL && g_cancellable_is_cancelled (self->stop));
}

/* Completes the run when nothing runs and nothing more will start. */
static void
maybe_complete (RoloOperationQueue *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->task == NULL || self->n_in_flight > 0 ||
      (!self->stopped && !g_queue_is_empty (&self->waiting)))
    return;

  task = g_steal_pointer (&self->task);
  if (self->stop_id != 0)
    g_cancellable_disconnect (self->stop, self->stop_id);
  self->stop_id = 0;
  g_clear_object (&self->stop);

  if (self->stopped)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Stopped");
  else
    g_task_return_boolean (task, TRUE);
  /* The run's reference on the queue goes with the task. */
}

static void
job_done (Job          *job,
          const GError *error)
{
  RoloOperationQueue *self = job->queue;

  self->n_done++;
  if (error != NULL)
    self->n_failed++;
  g_signal_emit (self, signals[ITEM_DONE], 0, job->item, error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  if (error != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_FAILED]);
  job_free (job);
}

static void
waited_cb (gpointer  user_data,
           GError   *error)
{
  Job *job = user_data;
  RoloOperationQueue *self = job->queue;

  /* Cut short only when the run stops: then the job goes back as not
   * started, like the others waiting. */
  g_clear_error (&error);
  self->holding = FALSE;
  self->n_in_flight--;
  g_queue_push_head (&self->waiting, job);
  start_next (self);
  maybe_complete (self);
  g_object_unref (self);
}

static void
operation_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Job *job = user_data;
  RoloOperationQueue *self = job->queue;
  g_autoptr(GError) error = NULL;

  if (!self->finish (job->item, result, &error, self->user_data) && !is_stopping (self) &&
      rolo_retry_later (&error, &job->attempt, self->waits, waited_cb, job))
    {
      /* Nothing else starts meanwhile. */
      self->holding = TRUE;
      return;
    }

  self->n_in_flight--;
  job_done (job, error);
  start_next (self);
  maybe_complete (self);
  g_object_unref (self);
}

static void
start_next (RoloOperationQueue *self)
{
  while (!is_stopping (self) && !self->holding && self->n_in_flight < self->max_in_flight &&
         !g_queue_is_empty (&self->waiting))
    {
      Job *job = g_queue_pop_head (&self->waiting);

      self->n_in_flight++;
      /* Each operation holds the queue until it is done. Its own requests
       * are not cancelled by a stop: what is sent gets its answer. */
      self->start (job->item, NULL, operation_cb, job, self->user_data);
      g_object_ref (self);
    }
}

static void
stop_cb (GCancellable       *cancellable,
         RoloOperationQueue *self)
{
  self->stopped = TRUE;
  g_cancellable_cancel (self->waits);
}

/* The stop comes from any thread: acted on here, in the run's context. */
static gboolean
stop_idle_cb (gpointer user_data)
{
  RoloOperationQueue *self = user_data;

  if (self->task != NULL && !self->stopped)
    {
      stop_cb (NULL, self);
      maybe_complete (self);
    }
  return G_SOURCE_REMOVE;
}

static void
stop_requested_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  RoloOperationQueue *self = user_data;
  GSource *idle = g_idle_source_new ();

  g_source_set_callback (idle, stop_idle_cb, g_object_ref (self), g_object_unref);
  g_source_attach (idle, g_task_get_context (self->task));
  g_source_unref (idle);
}

void
rolo_operation_queue_run_async (RoloOperationQueue  *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (ROLO_IS_OPERATION_QUEUE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->task == NULL && self->n_done == 0);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, rolo_operation_queue_run_async);
  /* Stopping completes the task only once the operations in flight end. */
  g_task_set_check_cancellable (self->task, FALSE);
  g_task_set_return_on_cancel (self->task, FALSE);

  if (cancellable != NULL)
    {
      self->stop = g_object_ref (cancellable);
      if (g_cancellable_is_cancelled (cancellable))
        stop_cb (cancellable, self);
      else
        self->stop_id = g_cancellable_connect (cancellable, G_CALLBACK (stop_requested_cb),
                                               self, NULL);
    }

  start_next (self);
  maybe_complete (self);
}

gboolean
rolo_operation_queue_run_finish (RoloOperationQueue  *self,
                                 GAsyncResult        *result,
                                 GError             **error)
{
  g_return_val_if_fail (ROLO_IS_OPERATION_QUEUE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        rolo_operation_queue_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
