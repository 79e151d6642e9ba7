/* rolo-sandbox.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define ROLO_SANDBOX_ERROR (rolo_sandbox_error_quark ())

typedef enum
{
  ROLO_SANDBOX_ERROR_STORE,
  ROLO_SANDBOX_ERROR_LISTEN,
} RoloSandboxError;

GQuark rolo_sandbox_error_quark (void);

#define ROLO_TYPE_SANDBOX (rolo_sandbox_get_type ())

G_DECLARE_FINAL_TYPE (RoloSandbox, rolo_sandbox, ROLO, SANDBOX, GObject)

/* db_path: a SQLite file, or NULL for an in-memory store. */
RoloSandbox *rolo_sandbox_new             (const char    *db_path,
                                           GError       **error);
void         rolo_sandbox_set_keys        (RoloSandbox   *self,
                                           const char    *access_key,
                                           const char    *secret_key);
void         rolo_sandbox_set_latency     (RoloSandbox   *self,
                                           guint          latency_ms);
/* fail_rate: 0.0 (never) .. 1.0 (every answer fails). Deterministic. */
void         rolo_sandbox_set_fail_rate   (RoloSandbox   *self,
                                           double         fail_rate);
/* rate: the fraction of answers that are 429 with Retry-After: retry_after. */
void         rolo_sandbox_set_rate_limit  (RoloSandbox   *self,
                                           double         rate,
                                           guint          retry_after);
/* Answers in the sloppy but valid shapes of a PHP back-end (API.md,
 * "tolerate"): numbers as strings, switches as "0"/"1", nulls, extra fields. */
void         rolo_sandbox_set_messy       (RoloSandbox   *self,
                                           gboolean       messy);
/* Fills an empty store with n deterministic contacts; a store that already
 * holds contacts is left as it is. */
gboolean     rolo_sandbox_seed            (RoloSandbox   *self,
                                           guint          n_contacts,
                                           GError       **error);
guint        rolo_sandbox_count_contacts  (RoloSandbox   *self);
/* Listens on 127.0.0.1 (port 0 picks a free one), serving on the
 * thread-default main context of the caller. */
gboolean     rolo_sandbox_listen          (RoloSandbox   *self,
                                           guint16        port,
                                           GError       **error);
/* Same, but serves from a thread of its own with its own main context, so a
 * slow query never stalls the caller's main loop. Returns once listening. */
gboolean     rolo_sandbox_start_thread    (RoloSandbox   *self,
                                           guint16        port,
                                           GError       **error);
/* Stops listening (and joins the thread, if any). Also done by dispose. */
void         rolo_sandbox_stop            (RoloSandbox   *self);
guint16      rolo_sandbox_get_port        (RoloSandbox   *self);
/* "http://127.0.0.1:PORT", no trailing slash. */
char        *rolo_sandbox_dup_base_url    (RoloSandbox   *self);
/* Requests received so far (every method and path, faults included). */
guint        rolo_sandbox_get_n_requests  (RoloSandbox   *self);
/* The server while the sandbox listens on the caller's context
 * (rolo_sandbox_listen), for a test to watch its signals; NULL when it is not
 * listening or serves from its own thread. (transfer none) */
SoupServer  *rolo_sandbox_get_server      (RoloSandbox   *self);

/* Signal "request" (method: const char *, path_and_query: const char *,
 * body: GBytes * or NULL) is emitted for every request received, before it is
 * answered, on the thread that serves it. */

G_END_DECLS
