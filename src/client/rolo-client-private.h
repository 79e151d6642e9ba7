/* rolo-client-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by rolo-client.c (the object and its public calls) and
 * rolo-client-request.c (one request: the signed message, sending it, the
 * answer's envelope and how failures map to ROLO_CLIENT_ERROR). */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "rolo-client.h"

G_BEGIN_DECLS

struct _RoloClient
{
  GObject      parent_instance;

  char        *base_url;
  char        *access_key;
  char        *secret_key;
  SoupSession *session;
};

/* Makes an object of the envelope's "data" object. */
typedef GObject *(*RoloClientParseFunc) (JsonObject  *data,
                                         GError     **error);

/* rolo-client-request.c */

/* A task for a call of self, started by source_tag. */
GTask      *_rolo_client_new_task           (RoloClient           *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data,
                                             gpointer              source_tag);
/* Sends one request; the result is the envelope's root object. */
void        _rolo_client_send_async         (RoloClient           *self,
                                             const char           *method,
                                             const char           *url,
                                             JsonObject           *body,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
JsonObject *_rolo_client_send_finish        (RoloClient           *self,
                                             GAsyncResult         *result,
                                             GError              **error);
/* The envelope's "data" object, with root holding it alive; or NULL and error. */
JsonObject *_rolo_client_finish_data        (GObject              *source,
                                             GAsyncResult         *result,
                                             JsonObject          **root,
                                             GError              **error);
/* Returns to task the object parse makes of the answer's data, or the error. */
void        _rolo_client_return_parsed_data (GTask                *task,
                                             GObject              *source,
                                             GAsyncResult         *result,
                                             RoloClientParseFunc   parse);

G_END_DECLS
