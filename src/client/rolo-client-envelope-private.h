/* rolo-client-envelope-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Turns one HTTP answer into the envelope's root object, or a GError in
 * ROLO_CLIENT_ERROR. The status decides first (a 502 HTML page is SERVER);
 * a 2xx must be a JSON object whose success is not false. */
JsonObject *rolo_client_envelope_parse       (guint         status,
                                              const char   *retry_after,
                                              GBytes       *body,
                                              GError      **error);
/* The envelope's "data" object, or MALFORMED. (transfer none) */
JsonObject *rolo_client_envelope_get_data    (JsonObject   *root,
                                              GError      **error);

/* Retry-After as delta-seconds or an HTTP-date (relative to now). FALSE when
 * value is NULL or unreadable. A date in the past gives 0. */
gboolean    rolo_client_parse_retry_after    (const char   *value,
                                              GDateTime    *now,
                                              guint        *seconds);

G_END_DECLS
