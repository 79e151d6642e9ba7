/* rolo-sandbox-json-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* TRUE when data is one JSON text as RFC 8259 defines it, nested at most
 * max_depth deep, with no lone surrogate escape. json-glib alone is more lenient (single quotes, trailing
 * commas) and parses recursively, so bodies go through this first. */
gboolean rolo_sandbox_json_is_strict (const char *data,
                                      gsize       length,
                                      guint       max_depth);

/* A copy of an answer as a sloppy PHP back-end writes it, still valid as
 * API.md's "tolerate" has it: every number as a string, switches as "0"/"1",
 * 0/1 or "false"/"true" (by contact id), "" and [] as null, dates as
 * "YYYY-MM-DD HH:MM:SS", and fields the client does not know ("created_by",
 * "_links" in a contact; "meta", null "message", "data", "errors" in the
 * envelope). Deterministic. (transfer full) */
JsonNode *rolo_sandbox_json_new_messy (JsonNode   *envelope);

G_END_DECLS
