/* rolo-sandbox-api-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rolo-sandbox-store-private.h"

G_BEGIN_DECLS

/* Request bodies above this many bytes are refused with 413. */
#define ROLO_SANDBOX_MAX_BODY_SIZE (1024 * 1024)

/* The envelope every answer carries. Takes data; refs errors. */
JsonNode *rolo_sandbox_envelope_new (gboolean           success,
                                     const char        *message,
                                     JsonNode          *data,
                                     JsonObject        *errors);

/* Answers one authenticated request for path (no query) from the store.
 * query is the decoded query string (or NULL), body the request body (or
 * NULL). Returns the envelope and sets *status; for a 405, *allow names the
 * methods the path accepts. Never fails: every problem is an envelope. */
JsonNode *rolo_sandbox_api_handle   (RoloSandboxStore  *store,
                                     const char        *method,
                                     const char        *path,
                                     GHashTable        *query,
                                     GBytes            *body,
                                     guint             *status,
                                     const char       **allow);

G_END_DECLS
