/* rolo-retry.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Called after a wait: @error is NULL, or what ended the wait early
 * (G_IO_ERROR_CANCELLED), owned by the callee. */
typedef void (*RoloRetryFunc) (gpointer  user_data,
                               GError   *error);

/* Retrying what the server refused for now (429, or 503 with Retry-After),
 * a bounded number of times: when *@error is such a refusal, frees it,
 * counts *@attempt up, waits what the server asked for (else one second
 * doubling up to half a minute), then calls @retry with @user_data, and
 * returns TRUE. FALSE, with nothing changed, otherwise. */
gboolean rolo_retry_later        (GError             **error,
                                  guint               *attempt,
                                  GCancellable        *cancellable,
                                  RoloRetryFunc        retry,
                                  gpointer             user_data);

G_END_DECLS
