/* rolo-account-store.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

/* One YSUITE key pair. Free with rolo_account_keys_free(), which wipes it. */
typedef struct
{
  char *access_key;
  char *secret_key;
} RoloAccountKeys;

RoloAccountKeys   *rolo_account_keys_new              (const char           *access_key,
                                                       const char           *secret_key);
void               rolo_account_keys_free             (RoloAccountKeys      *keys);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoloAccountKeys, rolo_account_keys_free)

/* Overwrites a string that held a key, then frees it. */
void               rolo_account_wipe_string           (char                 *text);

/* The libsecret schema: named after the application id, one attribute
 * "server" (the base URL the keys belong to). */
const SecretSchema *rolo_account_store_get_schema     (void);
/* "YSUITE API keys for api.ysuite.org", as Seahorse lists the item. */
char               *rolo_account_store_dup_label      (const char           *server);

/* Keeps the pair for @server in the default keyring, replacing any pair
 * stored for it. */
void               rolo_account_store_save_async      (const char           *server,
                                                       const RoloAccountKeys *keys,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean           rolo_account_store_save_finish     (GAsyncResult         *result,
                                                       GError              **error);

/* The pair kept for @server; NULL without an error when there is none. */
void               rolo_account_store_load_async      (const char           *server,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
RoloAccountKeys   *rolo_account_store_load_finish     (GAsyncResult         *result,
                                                       GError              **error);

/* Removes every pair Rolo keeps, whatever its server, and with them the
 * pages kept for reading offline (rolo_page_cache_get_default()). */
void               rolo_account_store_clear_async     (GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean           rolo_account_store_clear_finish    (GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
