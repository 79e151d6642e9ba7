/* rolo-test-utils.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rolo-sandbox.h"

G_BEGIN_DECLS

/* Keys the test sandboxes accept. */
#define ROLO_TEST_ACCESS_KEY "test-access-key"
#define ROLO_TEST_SECRET_KEY "test-secret-key"

typedef gboolean (*RoloTestCondition) (gpointer user_data);

/* Iterates the thread-default main context until condition returns TRUE;
 * fails the test if timeout_ms passes first. */
void         rolo_test_wait_until        (RoloTestCondition  condition,
                                          gpointer           user_data,
                                          guint              timeout_ms);
/* Iterates until *flag becomes TRUE (convenience for async callbacks). */
void         rolo_test_wait_for_flag     (const gboolean    *flag,
                                          guint              timeout_ms);
/* Iterates until *result is set (GAsyncResult from a callback storing it). */
void         rolo_test_wait_for_result   (GAsyncResult     **result,
                                          guint              timeout_ms);
/* A GAsyncReadyCallback that stores a ref to res in *(GAsyncResult **) user_data. */
void         rolo_test_store_result      (GObject           *source,
                                          GAsyncResult      *res,
                                          gpointer           user_data);
/* An in-memory sandbox with n_contacts seeded, test keys, listening on a free
 * loopback port on the thread-default main context. */
RoloSandbox *rolo_test_sandbox_new       (guint              n_contacts);

G_END_DECLS
