/* rolo-client-url-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rolo-contact-query.h"

G_BEGIN_DECLS

/* Checks a base URL as the user typed it and returns it normalized: scheme,
 * host, port and path prefix, always ending in '/' (the "/v1" of a pasted
 * endpoint is dropped). https:// is required unless the host is loopback.
 * Fails with ROLO_CLIENT_ERROR_INVALID_URL. */
char *rolo_client_url_normalize_base  (const char        *base_url,
                                       GError           **error);
gboolean rolo_client_url_host_is_loopback (const char    *host);

/* All take a base from rolo_client_url_normalize_base(). */
char *rolo_client_url_for_contacts    (const char        *base);
char *rolo_client_url_for_contact     (const char        *base,
                                       gint64             id);
char *rolo_client_url_for_list        (const char        *base,
                                       RoloContactQuery  *query,
                                       guint              page_index,
                                       guint              page_size);

G_END_DECLS
