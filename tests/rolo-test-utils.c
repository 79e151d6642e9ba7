/* rolo-test-utils.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include "rolo-test-utils.h"

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
rolo_test_wait_until (RoloTestCondition condition,
                      gpointer          user_data,
                      guint             timeout_ms)
{
  GMainContext *context = g_main_context_get_thread_default ();
  gboolean timed_out = FALSE;
  g_autoptr(GSource) source = g_timeout_source_new (timeout_ms);

  g_source_set_callback (source, timeout_cb, &timed_out, NULL);
  g_source_attach (source, context);

  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (context, TRUE);

  g_source_destroy (source);

  if (timed_out && !condition (user_data))
    g_error ("Condition not reached within %u ms", timeout_ms);
}

static gboolean
flag_is_set (gpointer user_data)
{
  const gboolean *flag = user_data;

  return *flag;
}

void
rolo_test_wait_for_flag (const gboolean *flag,
                         guint           timeout_ms)
{
  rolo_test_wait_until (flag_is_set, (gpointer) flag, timeout_ms);
}

static gboolean
result_is_set (gpointer user_data)
{
  GAsyncResult **result = user_data;

  return *result != NULL;
}

void
rolo_test_wait_for_result (GAsyncResult **result,
                           guint          timeout_ms)
{
  rolo_test_wait_until (result_is_set, result, timeout_ms);
}

void
rolo_test_store_result (GObject      *source,
                        GAsyncResult *res,
                        gpointer      user_data)
{
  GAsyncResult **result = user_data;

  g_assert_null (*result);
  *result = g_object_ref (res);
}

RoloSandbox *
rolo_test_sandbox_new (guint n_contacts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloSandbox) sandbox = rolo_sandbox_new (NULL, &error);

  g_assert_no_error (error);
  rolo_sandbox_set_keys (sandbox, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  if (n_contacts > 0)
    {
      rolo_sandbox_seed (sandbox, n_contacts, &error);
      g_assert_no_error (error);
    }
  rolo_sandbox_listen (sandbox, 0, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&sandbox);
}
