/* rolo-client-error.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ROLO_CLIENT_ERROR (rolo_client_error_quark ())

typedef enum
{
  ROLO_CLIENT_ERROR_INVALID_URL,     /* base URL unusable: not https for a remote host, no host... */
  ROLO_CLIENT_ERROR_INVALID_INPUT,   /* refused before sending: the client's own validation */
  ROLO_CLIENT_ERROR_UNAUTHORIZED,    /* 401, or a key that cannot be sent (control characters) */
  ROLO_CLIENT_ERROR_FORBIDDEN,       /* 403 */
  ROLO_CLIENT_ERROR_NOT_FOUND,       /* 400 "Contact not found" */
  ROLO_CLIENT_ERROR_BAD_REQUEST,     /* other 400s, other 4xx */
  ROLO_CLIENT_ERROR_VALIDATION,      /* 422, field messages attached */
  ROLO_CLIENT_ERROR_TOO_LARGE,       /* 413 */
  ROLO_CLIENT_ERROR_RATE_LIMITED,    /* 429 (and 503 with Retry-After), retry-after attached */
  ROLO_CLIENT_ERROR_SERVER,          /* 5xx */
  ROLO_CLIENT_ERROR_NETWORK,         /* cannot resolve, connect, connection dropped */
  ROLO_CLIENT_ERROR_TLS,             /* certificate problem (never accepted) */
  ROLO_CLIENT_ERROR_TIMEOUT,
  ROLO_CLIENT_ERROR_MALFORMED,       /* HTML page, truncated or non-JSON body, wrong shape */
  ROLO_CLIENT_ERROR_CANCELLED,
} RoloClientError;

GQuark rolo_client_error_quark (void);

/* Field name -> (const char * const *) messages, for ROLO_CLIENT_ERROR_VALIDATION
 * (and ROLO_CLIENT_ERROR_INVALID_INPUT); NULL for other errors. Owned by the error. */
GHashTable *rolo_client_error_get_field_errors (const GError *error);
/* Seconds the server asked us to wait (Retry-After), or 0 when it did not say. */
guint       rolo_client_error_get_retry_after  (const GError *error);
/* HTTP status of the answer that caused the error, or 0. */
guint       rolo_client_error_get_http_status  (const GError *error);
/* The reason alone, without the message's lead-in; NULL when the message has
 * none. */
const char *rolo_client_error_get_detail       (const GError *error);
/* Whether a web page came where data was due (ROLO_CLIENT_ERROR_MALFORMED). */
gboolean    rolo_client_error_get_web_page     (const GError *error);

G_END_DECLS
