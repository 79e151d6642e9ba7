/* rolo-json-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Lenient readers for what PHP-style backends send (API.md, "tolerate"):
 * 42 or "42", true, 1, "1" or "true", null for "no value". Each returns
 * FALSE (or NULL) when the member is absent or null or cannot be read as the
 * wanted type ("" is no number and no switch); *out is then untouched. */
gboolean    rolo_json_get_int64        (JsonObject  *object,
                                        const char  *member,
                                        gint64      *out);
gboolean    rolo_json_get_boolean      (JsonObject  *object,
                                        const char  *member,
                                        gboolean    *out);
/* A string member (numbers are turned into their decimal text). */
char       *rolo_json_dup_string       (JsonObject  *object,
                                        const char  *member);
/* ISO 8601, also with a space instead of the 'T'; UTC when no zone is given. */
GDateTime  *rolo_json_dup_date_time    (JsonObject  *object,
                                        const char  *member);
/* An array of numbers or numeric strings; unreadable items are skipped. */
GArray     *rolo_json_dup_int64_array  (JsonObject  *object,
                                        const char  *member);

/* TRUE for no node, null, and a string of nothing but white space: what a
 * back-end sends for "no value". */
gboolean    rolo_json_node_is_blank    (JsonNode    *node);
gboolean    rolo_json_parse_int64      (const char  *text,
                                        gint64      *out);
gboolean    rolo_json_node_get_int64   (JsonNode    *node,
                                        gint64      *out);

G_END_DECLS
