/* rolo-client.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rolo-client-error.h"
#include "rolo-contact.h"
#include "rolo-contact-page.h"
#include "rolo-contact-query.h"

G_BEGIN_DECLS

#define ROLO_TYPE_CLIENT (rolo_client_get_type ())

G_DECLARE_FINAL_TYPE (RoloClient, rolo_client, ROLO, CLIENT, GObject)

/* Fails with ROLO_CLIENT_ERROR_INVALID_URL when base_url is unusable
 * (http:// is accepted for loopback hosts only). */
RoloClient      *rolo_client_new                     (const char           *base_url,
                                                      const char           *access_key,
                                                      const char           *secret_key,
                                                      GError              **error);
const char      *rolo_client_get_base_url            (RoloClient           *self);
/* Seconds a request may take before it fails with ROLO_CLIENT_ERROR_TIMEOUT
 * (default 30; 0 waits forever). */
void             rolo_client_set_timeout             (RoloClient           *self,
                                                      guint                 seconds);
guint            rolo_client_get_timeout             (RoloClient           *self);

void             rolo_client_list_contacts_async     (RoloClient           *self,
                                                      RoloContactQuery     *query,
                                                      guint                 page_index,
                                                      guint                 page_size,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
RoloContactPage *rolo_client_list_contacts_finish    (RoloClient           *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void             rolo_client_get_contact_async       (RoloClient           *self,
                                                      gint64                id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
RoloContact     *rolo_client_get_contact_finish      (RoloClient           *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* Validates first; returns the new contact's id. */
void             rolo_client_create_contact_async    (RoloClient           *self,
                                                      RoloContact          *contact,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gint64           rolo_client_create_contact_finish   (RoloClient           *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* Sends only the fields in which edited differs from original, then re-reads
 * the contact. The result is the contact as the server now has it;
 * unapplied_fields (optional) receives the API names of sent fields the
 * server did not take (NULL-terminated, possibly empty). */
void             rolo_client_update_contact_async    (RoloClient           *self,
                                                      RoloContact          *original,
                                                      RoloContact          *edited,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
RoloContact     *rolo_client_update_contact_finish   (RoloClient           *self,
                                                      GAsyncResult         *result,
                                                      char               ***unapplied_fields,
                                                      GError              **error);

void             rolo_client_delete_contact_async    (RoloClient           *self,
                                                      gint64                id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean         rolo_client_delete_contact_finish   (RoloClient           *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
