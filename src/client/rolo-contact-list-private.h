/* rolo-contact-list-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Shared by rolo-contact-list.c (the page cache, the model) and
 * rolo-contact-list-fetch.c (the requests and their answers). */

#pragma once

#include "rolo-contact-list.h"
#include "rolo-hidden-rows.h"
#include "rolo-page-cache.h"

G_BEGIN_DECLS

#define MAX_WANTED  8
#define NO_POSITION ROLO_HIDDEN_ROWS_NO_POSITION

typedef enum
{
  PAGE_EMPTY,  /* no answer yet: rows are placeholders */
  PAGE_READY,
  PAGE_FAILED,
} PageState;

typedef struct
{
  guint         index;
  PageState     state;
  gboolean      stale;          /* READY, but to reload when touched */
  GPtrArray    *rows;           /* RoloContact, strong */
  guint64       last_touch;
  guint64       request_id;     /* 0 when no request is in flight */
  GCancellable *cancellable;
  gint64        retry_not_before;
} Page;

struct _RoloContactList
{
  GObject           parent_instance;

  RoloClient       *client;
  RoloContactQuery *query;
  GMainContext     *context;
  gboolean          constructed;

  guint             n_items;
  gboolean          loaded;
  GError           *error;

  GHashTable       *pages;      /* page index -> Page */
  GHashTable       *held;       /* position -> Held */
  GQueue            wanted;     /* page indexes, most recent first */
  guint64           page_seq;
  guint             last_touched;

  guint             n_in_flight;
  guint64           last_request_id;
  guint             generation;
  gboolean          auth_failed;   /* no automatic requests until retry/refresh */
  gint64            not_before;    /* rate limited: no request before this */
  GSource          *dispatch_source;
  GSource          *dispatch_deadline; /* in case drawing starves the idle */
  GSource          *auto_retry_source; /* asks for the failed pages again */
  guint             n_failures;    /* in a row, without a success between */
  GNetworkMonitor  *network_monitor;

  RoloHiddenRows   *hidden;

  /* rolo-contact-list-offline.c */
  RoloPageCache    *page_cache;    /* NULL: nothing kept on disk */
  char             *cache_account; /* the page cache's key of the client's account */
  GCancellable     *cache_cancellable; /* loads of the current result set */
  gboolean          offline;
  GDateTime        *offline_since;
  GDateTime        *cached_since;  /* the oldest page shown from the disk cache */
  GSource          *probe_source;  /* asks the server again while offline */
  guint             n_probes;
  guint             probe_first_ms;
  guint             probe_max_ms;
};

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_QUERY,
  PROP_LOADING,
  PROP_LOADED,
  PROP_ERROR,
  PROP_N_ITEMS,
  PROP_PAGE_CACHE,
  PROP_OFFLINE,
  PROP_OFFLINE_SINCE,
  PROP_CACHED_SINCE,
  N_PROPS
};

/* rolo-contact-list.c */

guint _rolo_contact_list_page_n_rows (RoloContactList *self,
                                      guint            index);
Page *_rolo_contact_list_page_new (RoloContactList *self,
                                  guint            index);
void _rolo_contact_list_page_fit_rows (RoloContactList *self,
                                       Page            *page);
void _rolo_contact_list_page_set_rows_state (Page             *page,
                                             RoloContactState  from,
                                             RoloContactState  to);
void _rolo_contact_list_update_loading (RoloContactList *self,
                                        guint            n_before);
void _rolo_contact_list_page_cancel_request (RoloContactList *self,
                                             Page            *page);
void _rolo_contact_list_page_evict (RoloContactList *self,
                                    Page            *page,
                                    gboolean         keep_held);
void _rolo_contact_list_page_touch (RoloContactList *self,
                                    Page            *page);
gboolean _rolo_contact_list_page_is_near (RoloContactList *self,
                                          Page            *page);
gboolean _rolo_contact_list_page_needs_load (RoloContactList *self,
                                             Page            *page);
guint _rolo_contact_list_view_n_items (RoloContactList *self);
void _rolo_contact_list_emit_n_items_changed (RoloContactList *self,
                                              guint            old_n,
                                              guint            changed);
void _rolo_contact_list_notify (RoloContactList *self,
                                guint            prop_id);
void _rolo_contact_list_emit_failed (RoloContactList *self,
                                     const GError    *error);

/* rolo-contact-list-fetch.c */

void _rolo_contact_list_cancel_auto_retry (RoloContactList *self);
void _rolo_contact_list_network_changed_cb (GNetworkMonitor *monitor,
                                            gboolean         available,
                                            RoloContactList *self);
void _rolo_contact_list_clear_dispatch (RoloContactList *self);
void _rolo_contact_list_schedule_dispatch (RoloContactList *self,
                                           guint            delay_ms);
void _rolo_contact_list_want_page (RoloContactList *self,
                                   guint            index);
void _rolo_contact_list_want_near_pages (RoloContactList *self);
void _rolo_contact_list_start_first_page (RoloContactList *self);
void _rolo_contact_list_reset (RoloContactList *self);

/* rolo-contact-list-hidden.c */

guint _rolo_contact_list_find_loaded_position (gint64   id,
                                               gpointer user_data);

/* rolo-contact-list-offline.c */

void _rolo_contact_list_offline_init (RoloContactList *self);
void _rolo_contact_list_offline_dispose (RoloContactList *self);
void _rolo_contact_list_offline_finalize (RoloContactList *self);
/* TRUE when @error says the server cannot be reached: the list is offline
 * and has dealt with @page (no automatic retry of its own). */
gboolean _rolo_contact_list_offline_page_failed (RoloContactList *self,
                                                 Page            *page,
                                                 const GError    *error);
/* Keeps the answer on disk; back online, when it was not, and refreshes. */
void _rolo_contact_list_offline_answered (RoloContactList *self,
                                          guint            index,
                                          RoloContactPage *answer);
void _rolo_contact_list_offline_network_changed (RoloContactList *self,
                                                 gboolean         available);
/* A new result set: loads from disk of the old one no longer apply. */
void _rolo_contact_list_offline_reset (RoloContactList *self);

G_END_DECLS
