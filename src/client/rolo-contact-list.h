/* rolo-contact-list.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rolo-client.h"
#include "rolo-page-cache.h"

G_BEGIN_DECLS

/* Rows a page holds; the list asks the server for pages of this size. */
#define ROLO_CONTACT_LIST_PAGE_SIZE 100
/* Requests the list has in flight at most. */
#define ROLO_CONTACT_LIST_MAX_IN_FLIGHT 3

#define ROLO_TYPE_CONTACT_LIST (rolo_contact_list_get_type ())

G_DECLARE_FINAL_TYPE (RoloContactList, rolo_contact_list, ROLO, CONTACT_LIST, GObject)

/*
 * RoloContactList is a GListModel of RoloContact over the remote, paged result
 * set of one RoloContactQuery. n_items is the server's total_records once the
 * first page has answered (0 before). get_item() never blocks: it returns the
 * loaded contact, or a placeholder (rolo_contact_get_state() ==
 * ROLO_CONTACT_STATE_LOADING) that fills in place, with property
 * notifications, when its page arrives, or turns ROLO_CONTACT_STATE_FAILED when
 * the page fails.
 *
 * Properties:
 *  - "client" (RoloClient, construct-only)
 *  - "query" (RoloContactQuery, read/write; setting a query that is not
 *     rolo_contact_query_equal() to the current one starts a new result set:
 *     everything of the old one is cancelled, n_items drops to 0 and comes back
 *     with the first page of the new one)
 *  - "loading" (boolean, read-only): a request is in flight
 *  - "loaded" (boolean, read-only): the current query's first answer arrived,
 *     so n_items == 0 means "no results" rather than "not known yet"
 *  - "error" (GError boxed, read-only): the last failure of the current query,
 *     NULL after a success
 *  - "n-items" (uint, read-only)
 *
 * Signal "failed" (const GError *): emitted once per failure of the current
 * query (not once per row); a later success clears "error".
 *
 * Failed pages near the screen are asked for again by themselves, 2 s after
 * the first failure and twice as long after each one more (at most 30 s, and
 * never before a Retry-After), at once when another answer arrives or the
 * network comes back: rows that failed while offline fill in when the
 * connection returns. Not after a 401 or 403, until retry() or refresh().
 *
 * Offline: when a request fails because the server cannot be reached
 * (ROLO_CLIENT_ERROR_NETWORK or _TIMEOUT), "offline" turns TRUE with
 * "offline-since" the time it did. The rows loaded stay as they are; pages
 * not loaded come from the "page-cache" (construct-only, nullable) when it
 * has them, "cached-since" then saying when the oldest of those was fetched.
 * The server is asked again by itself after 2 s, then twice as long each
 * time up to 60 s (rolo_contact_list_set_offline_backoff()), and at once
 * when the network comes back; the first answer ends "offline" and
 * refreshes the list. Every page that answers goes to the page cache.
 */

RoloContactList  *rolo_contact_list_new           (RoloClient       *client,
                                                   RoloContactQuery *query);
RoloContactList  *rolo_contact_list_new_with_cache (RoloClient       *client,
                                                   RoloContactQuery *query,
                                                   RoloPageCache    *page_cache);
RoloClient       *rolo_contact_list_get_client    (RoloContactList  *self);
RoloContactQuery *rolo_contact_list_get_query     (RoloContactList  *self);
void              rolo_contact_list_set_query     (RoloContactList  *self,
                                                   RoloContactQuery *query);
gboolean          rolo_contact_list_get_loading   (RoloContactList  *self);
gboolean          rolo_contact_list_get_loaded    (RoloContactList  *self);
const GError     *rolo_contact_list_get_error     (RoloContactList  *self);
gboolean          rolo_contact_list_get_offline   (RoloContactList  *self);
/* (transfer none) (nullable): when the list went offline; NULL online. */
GDateTime        *rolo_contact_list_get_offline_since (RoloContactList *self);
/* (transfer none) (nullable): when the oldest page shown from the page
 * cache was fetched; NULL when none shows. */
GDateTime        *rolo_contact_list_get_cached_since (RoloContactList *self);
/* The first wait before asking again while offline, and the longest
 * (milliseconds; tests make them short). */
void              rolo_contact_list_set_offline_backoff (RoloContactList *self,
                                                         guint            first_ms,
                                                         guint            max_ms);
/* Reloads the current query, keeping the rows (and so the scroll position
 * and selection) in place while the new answers arrive; failed pages are
 * retried. */
void              rolo_contact_list_refresh       (RoloContactList  *self);
/* Retries failed pages (as when their rows come back on screen). */
void              rolo_contact_list_retry         (RoloContactList  *self);
/* The row of contact @id as a loaded page has it (list fields only: name,
 * email, mobile, type, created), or NULL; asks the server nothing. */
RoloContact      *rolo_contact_list_find_loaded   (RoloContactList  *self,
                                                   gint64            id);
/* Number of pages currently held in the cache (for tests and benchmarks). */
guint             rolo_contact_list_get_n_cached_pages (RoloContactList *self);
/* Upper bound of rolo_contact_list_get_n_cached_pages(). */
guint             rolo_contact_list_get_max_cached_pages (RoloContactList *self);
/* Requests sent and not answered yet; never above
 * ROLO_CONTACT_LIST_MAX_IN_FLIGHT (for tests and benchmarks). */
guint             rolo_contact_list_get_n_in_flight (RoloContactList *self);
/* Whether the row at @position still shows what the server said before the
 * last refresh, and is to be reloaded once it is on screen again (for tests);
 * asks the server nothing. */
gboolean          rolo_contact_list_is_stale     (RoloContactList  *self,
                                                  guint             position);

/* Rows of contacts being deleted: hidden at once, back on undo (see the
 * functions' documentation). n_items and every position count only the rows
 * that are not hidden. */
void              rolo_contact_list_hide          (RoloContactList  *self,
                                                   const gint64     *ids,
                                                   guint             n_ids);
void              rolo_contact_list_unhide        (RoloContactList  *self,
                                                   const gint64     *ids,
                                                   guint             n_ids);
void              rolo_contact_list_forget_hidden (RoloContactList  *self,
                                                   const gint64     *ids,
                                                   guint             n_ids);
gboolean          rolo_contact_list_is_hidden     (RoloContactList  *self,
                                                   gint64            id);

G_END_DECLS
