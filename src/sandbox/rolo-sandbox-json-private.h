/* rolo-sandbox-json-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when data is one JSON text as RFC 8259 defines it, nested at most
 * max_depth deep, with no lone surrogate escape. json-glib alone is more lenient (single quotes, trailing
 * commas) and parses recursively, so bodies go through this first. */
gboolean rolo_sandbox_json_is_strict (const char *data,
                                      gsize       length,
                                      guint       max_depth);

G_END_DECLS
