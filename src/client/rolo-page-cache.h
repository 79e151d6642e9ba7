/* rolo-page-cache.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rolo-contact-page.h"
#include "rolo-contact-query.h"

G_BEGIN_DECLS

/* Pages the cache keeps unless told otherwise, over every account. */
#define ROLO_PAGE_CACHE_DEFAULT_MAX_PAGES 200

#define ROLO_TYPE_PAGE_CACHE (rolo_page_cache_get_type ())

G_DECLARE_FINAL_TYPE (RoloPageCache, rolo_page_cache, ROLO, PAGE_CACHE, GObject)

/*
 * RoloPageCache keeps the last list pages seen in a SQLite file, for reading
 * them while the server cannot be reached. A page is keyed by account (a
 * SHA-256 of the server URL and the access key: the keys themselves are never
 * stored, the secret key never even reaches the cache) and query (search,
 * type, sort, page size) and page number; it holds the rows' list fields and
 * when they were fetched. The oldest pages go past the bound.
 *
 * The file opens on first use. An unreadable or corrupt file is replaced by
 * an empty one; a cache that cannot be written to is a cache that has
 * nothing: no call fails. Calls may come from any thread; the _async ones run
 * on a worker thread.
 */

RoloPageCache   *rolo_page_cache_new                (const char       *path);
/* The cache of $XDG_CACHE_HOME/rolo/pages.sqlite (transfer none). */
RoloPageCache   *rolo_page_cache_get_default        (void);
void             rolo_page_cache_set_max_pages      (RoloPageCache    *self,
                                                     guint             max_pages);

char            *rolo_page_cache_account_key        (const char       *base_url,
                                                     const char       *access_key);
char            *rolo_page_cache_query_key          (RoloContactQuery *query,
                                                     guint             page_size);

void             rolo_page_cache_store              (RoloPageCache    *self,
                                                     const char       *account,
                                                     const char       *query_key,
                                                     guint             page_index,
                                                     RoloContactPage  *page);
/* NULL when the cache has no such page; @fetched_at (optional) says when
 * the server gave it. */
RoloContactPage *rolo_page_cache_load               (RoloPageCache    *self,
                                                     const char       *account,
                                                     const char       *query_key,
                                                     guint             page_index,
                                                     GDateTime       **fetched_at);
void             rolo_page_cache_forget_account     (RoloPageCache    *self,
                                                     const char       *account);
void             rolo_page_cache_clear              (RoloPageCache    *self);
guint            rolo_page_cache_get_n_pages        (RoloPageCache    *self);

/* rolo_page_cache_store() on a worker thread; nothing to wait for. */
void             rolo_page_cache_store_async        (RoloPageCache    *self,
                                                     const char       *account,
                                                     const char       *query_key,
                                                     guint             page_index,
                                                     RoloContactPage  *page);
void             rolo_page_cache_load_async         (RoloPageCache    *self,
                                                     const char       *account,
                                                     const char       *query_key,
                                                     guint             page_index,
                                                     GCancellable     *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer          user_data);
/* NULL, without an error, when there is no such page. */
RoloContactPage *rolo_page_cache_load_finish        (RoloPageCache    *self,
                                                     GAsyncResult     *result,
                                                     GDateTime       **fetched_at,
                                                     GError          **error);
/* rolo_page_cache_clear() on a worker thread. */
void             rolo_page_cache_clear_async        (RoloPageCache    *self);

G_END_DECLS
