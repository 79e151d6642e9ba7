/* rolo-retry.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include "rolo-client-error.h"
#include "rolo-retry.h"

#define MAX_RETRIES      8
#define MAX_RETRY_WAIT_S 30

/* TRUE with the milliseconds to wait when @error is a refusal for now and
 * @attempt (0 for the first retry) is below the limit. The wait is what the
 * server asked for, else one second doubling up to half a minute. */
static gboolean
rolo_retry_delay (const GError *error,
                  guint         attempt,
                  guint        *delay_ms)
{
  guint seconds;

  g_return_val_if_fail (delay_ms != NULL, FALSE);

  if (!g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_RATE_LIMITED) ||
      attempt >= MAX_RETRIES)
    return FALSE;

  seconds = rolo_client_error_get_retry_after (error);
  if (seconds == 0)
    seconds = MIN (1u << MIN (attempt, 5u), MAX_RETRY_WAIT_S);
  *delay_ms = MIN (seconds, (guint) MAX_RETRY_WAIT_S * 4) * 1000;
  return TRUE;
}

typedef struct
{
  GSource      *timeout;
  GCancellable *cancellable;
  gulong        cancelled_id;
  gboolean      done;
} Sleep;

static void
sleep_free (Sleep *sleep)
{
  if (sleep->cancelled_id != 0)
    g_cancellable_disconnect (sleep->cancellable, sleep->cancelled_id);
  g_clear_object (&sleep->cancellable);
  g_source_destroy (sleep->timeout);
  g_source_unref (sleep->timeout);
  g_free (sleep);
}

/* Whichever comes first, the time or the cancellation. */
static gboolean
sleep_over_cb (gpointer user_data)
{
  GTask *task = user_data;
  Sleep *sleep = g_task_get_task_data (task);

  if (!sleep->done)
    {
      sleep->done = TRUE;
      if (!g_task_return_error_if_cancelled (task))
        g_task_return_boolean (task, TRUE);
      /* The reference taken for the wait: may be the last. */
      g_object_unref (task);
    }
  return G_SOURCE_REMOVE;
}

/* May run in any thread, even inside g_cancellable_connect(): finishes
 * from the task's context. */
static void
sleep_cancelled_cb (GCancellable *cancellable,
                    GTask        *task)
{
  GSource *idle = g_idle_source_new ();

  g_source_set_callback (idle, sleep_over_cb, g_object_ref (task), g_object_unref);
  g_source_attach (idle, g_task_get_context (task));
  g_source_unref (idle);
}

/* Completes after @delay_ms, or at once with G_IO_ERROR_CANCELLED when
 * @cancellable is cancelled meanwhile. */
static void
rolo_retry_sleep_async (guint                delay_ms,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Sleep *sleep = g_new0 (Sleep, 1);

  g_task_set_source_tag (task, rolo_retry_sleep_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, sleep, (GDestroyNotify) sleep_free);

  /* The task holds the timeout, which does not hold the task. */
  sleep->timeout = g_timeout_source_new (delay_ms);
  g_source_set_callback (sleep->timeout, sleep_over_cb, task, NULL);
  g_source_attach (sleep->timeout, g_task_get_context (task));
  if (cancellable != NULL)
    {
      sleep->cancellable = g_object_ref (cancellable);
      sleep->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (sleep_cancelled_cb),
                                                   task, NULL);
    }
  /* Until it is over. */
  g_object_ref (task);
}

static gboolean
rolo_retry_sleep_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  RoloRetryFunc  retry;
  gpointer       user_data;
} Retry;

static void
retry_waited_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Retry *retry = user_data;
  GError *error = NULL;

  rolo_retry_sleep_finish (result, &error);
  retry->retry (retry->user_data, error);
  g_free (retry);
}

gboolean
rolo_retry_later (GError        **error,
                  guint          *attempt,
                  GCancellable   *cancellable,
                  RoloRetryFunc   retry,
                  gpointer        user_data)
{
  Retry *waiting;
  guint delay_ms;

  g_return_val_if_fail (error != NULL, FALSE);
  g_return_val_if_fail (attempt != NULL, FALSE);
  g_return_val_if_fail (retry != NULL, FALSE);

  if (!rolo_retry_delay (*error, *attempt, &delay_ms))
    return FALSE;

  g_clear_error (error);
  (*attempt)++;
  waiting = g_new (Retry, 1);
  waiting->retry = retry;
  waiting->user_data = user_data;
  rolo_retry_sleep_async (delay_ms, cancellable, retry_waited_cb, waiting);
  return TRUE;
}
