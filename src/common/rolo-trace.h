/* rolo-trace.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean rolo_trace_enabled      (void);
void     rolo_trace_mark         (const char *format,
                                  ...) G_GNUC_PRINTF (1, 2);
void     rolo_trace_watch_stalls (void);

G_END_DECLS
