/* rolo-retry.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Retrying what the server refused for now (429, or 503 with Retry-After):
 * TRUE with the milliseconds to wait when @error is such a refusal and
 * @attempt (0 for the first retry) is below the limit. The wait is what the
 * server asked for, else one second doubling up to half a minute. */
gboolean rolo_retry_delay        (const GError        *error,
                                  guint                attempt,
                                  guint               *delay_ms);

/* Completes after @delay_ms, or at once with G_IO_ERROR_CANCELLED when
 * @cancellable is cancelled meanwhile. */
void     rolo_retry_sleep_async  (guint                delay_ms,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gboolean rolo_retry_sleep_finish (GAsyncResult        *result,
                                  GError             **error);

G_END_DECLS
