/* rolo-client-error-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rolo-client-error.h"

G_BEGIN_DECLS

/* Attaches details to an error in the ROLO_CLIENT_ERROR domain. */
void     rolo_client_error_set_http_status   (GError      *error,
                                              guint        http_status);
void     rolo_client_error_set_retry_after   (GError      *error,
                                              guint        seconds);
void     rolo_client_error_set_detail        (GError      *error,
                                              const char  *detail);
void     rolo_client_error_set_web_page      (GError      *error,
                                              gboolean     web_page);
/* Takes field_errors: char * -> GStrv, as made by rolo_client_field_errors_new(). */
void     rolo_client_error_take_field_errors (GError      *error,
                                              GHashTable  *field_errors);

GHashTable *rolo_client_field_errors_new     (void);
/* Appends message to the messages of field. */
void     rolo_client_field_errors_add        (GHashTable  *field_errors,
                                              const char  *field,
                                              const char  *message);
/* Every message, fields in alphabetical order, one per line. */
char    *rolo_client_field_errors_join       (GHashTable  *field_errors);

G_END_DECLS
