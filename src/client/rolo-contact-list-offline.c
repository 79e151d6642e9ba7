/* rolo-contact-list-offline.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include "rolo-client-private.h"
#include "rolo-contact-list-private.h"

/* RoloContactList without its server: the "offline" state, asking again with
 * a growing wait until an answer comes, and the pages kept on disk (a
 * RoloPageCache) that stand in for the pages not loaded meanwhile.
 *
 * While offline, failed pages are not retried one by one: one probe, the
 * page last touched, asks for all of them, and its answer refreshes them all.
 * A probe is scheduled as the previous one starts, so that a cancelled or
 * lost request never leaves the list offline for good. */

#define PROBE_FIRST_MS 2000
#define PROBE_MAX_MS   60000

typedef struct
{
  GWeakRef list;
  guint    page_index;
  guint    generation;
} CacheLoad;

static gboolean
error_is_offline (const GError *error)
{
  return g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_NETWORK) ||
         g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_TIMEOUT);
}

static char *
dup_query_key (RoloContactList *self)
{
  return rolo_page_cache_query_key (self->query, ROLO_CONTACT_LIST_PAGE_SIZE);
}

static void
set_cached_since (RoloContactList *self,
                  GDateTime       *fetched_at)
{
  if (fetched_at != NULL && self->cached_since != NULL &&
      g_date_time_compare (fetched_at, self->cached_since) >= 0)
    return;
  if (fetched_at == NULL && self->cached_since == NULL)
    return;

  g_clear_pointer (&self->cached_since, g_date_time_unref);
  if (fetched_at != NULL)
    self->cached_since = g_date_time_ref (fetched_at);
  _rolo_contact_list_notify (self, PROP_CACHED_SINCE);
}

/* The probe */

static void
cancel_probe (RoloContactList *self)
{
  if (self->probe_source != NULL)
    g_source_destroy (self->probe_source);
  g_clear_pointer (&self->probe_source, g_source_unref);
}

static gboolean probe_cb (gpointer user_data);

static void
schedule_probe (RoloContactList *self)
{
  guint delay_ms;

  if (self->probe_source != NULL)
    return;

  delay_ms = MIN ((guint64) self->probe_first_ms << MIN (self->n_probes, 16u),
                  self->probe_max_ms);
  self->n_probes++;
  g_debug ("Offline: asking the server again in %u ms", delay_ms);

  self->probe_source = g_timeout_source_new (delay_ms);
  g_source_set_callback (self->probe_source, probe_cb, self, NULL);
  g_source_set_static_name (self->probe_source, "[rolo] contact list offline probe");
  g_source_attach (self->probe_source, self->context);
}

/* Asks for the page last touched (the first one while nothing loaded). */
static void
probe (RoloContactList *self)
{
  guint index = self->loaded ? self->last_touched : 0;
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));

  if (page == NULL)
    page = _rolo_contact_list_page_new (self, index);
  if (page->request_id != 0)
    return;

  if (page->state == PAGE_READY)
    page->stale = TRUE;
  else
    page->retry_not_before = 0;
  _rolo_contact_list_want_page (self, index);
}

static gboolean
probe_cb (gpointer user_data)
{
  RoloContactList *self = user_data;

  g_clear_pointer (&self->probe_source, g_source_unref);
  schedule_probe (self);
  probe (self);
  return G_SOURCE_REMOVE;
}

static void
go_offline (RoloContactList *self)
{
  if (!self->offline)
    {
      g_debug ("The server cannot be reached: offline");
      self->offline = TRUE;
      self->offline_since = g_date_time_new_now_local ();
      self->n_probes = 0;
      g_object_freeze_notify (G_OBJECT (self));
      _rolo_contact_list_notify (self, PROP_OFFLINE);
      _rolo_contact_list_notify (self, PROP_OFFLINE_SINCE);
      g_object_thaw_notify (G_OBJECT (self));
    }
  schedule_probe (self);
}

static void
go_online (RoloContactList *self)
{
  g_debug ("The server answers again: online");
  self->offline = FALSE;
  g_clear_pointer (&self->offline_since, g_date_time_unref);
  self->n_probes = 0;
  cancel_probe (self);
  g_object_freeze_notify (G_OBJECT (self));
  _rolo_contact_list_notify (self, PROP_OFFLINE);
  _rolo_contact_list_notify (self, PROP_OFFLINE_SINCE);
  set_cached_since (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Pages from disk */

static void
cache_load_free (CacheLoad *load)
{
  g_weak_ref_clear (&load->list);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CacheLoad, cache_load_free)

/* Fills @page with what the disk had, as an answer would, but without
 * leaving the offline state. Before the first answer, page 0 also gives the
 * number of rows; later pages keep the one the list has. */
static void
apply_cached (RoloContactList *self,
              Page            *page,
              RoloContactPage *cached,
              GDateTime       *fetched_at)
{
  GListModel *contacts = rolo_contact_page_get_contacts (cached);
  guint old_n = _rolo_contact_list_view_n_items (self);
  gboolean was_loaded = self->loaded;
  guint changed, n;

  if (!was_loaded)
    self->n_items = rolo_contact_page_get_total_records (cached);
  _rolo_contact_list_page_fit_rows (self, page);

  n = MIN (g_list_model_get_n_items (contacts), page->rows->len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RoloContact) contact = g_list_model_get_item (contacts, i);
      RoloContact *row = g_ptr_array_index (page->rows, i);

      rolo_contact_update_from (row, contact);
      rolo_contact_set_state (row, ROLO_CONTACT_STATE_READY);
    }
  /* Read as it is until the server answers: the refresh then reloads it. */
  page->state = PAGE_READY;
  page->stale = FALSE;
  changed = rolo_hidden_rows_reconcile (self->hidden, page->index * ROLO_CONTACT_LIST_PAGE_SIZE,
                                        page->rows, n);

  self->loaded = TRUE;
  _rolo_contact_list_emit_n_items_changed (self, old_n, changed);
  if (!was_loaded)
    _rolo_contact_list_notify (self, PROP_LOADED);
  set_cached_since (self, fetched_at);
}

static void
cache_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CacheLoad) load = user_data;
  g_autoptr(RoloContactList) self = g_weak_ref_get (&load->list);
  g_autoptr(RoloContactPage) cached = NULL;
  g_autoptr(GDateTime) fetched_at = NULL;
  g_autoptr(GError) error = NULL;
  Page *page;

  cached = rolo_page_cache_load_finish (ROLO_PAGE_CACHE (source), result, &fetched_at, &error);
  if (cached == NULL || self == NULL || load->generation != self->generation || !self->offline)
    return;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (load->page_index));
  /* An answer came meanwhile, or a request is on its way; page 0 alone can
   * say how many rows there are. */
  if (page == NULL || page->state == PAGE_READY || page->request_id != 0 ||
      (!self->loaded && page->index != 0))
    return;

  g_debug ("Offline: page %u from the disk cache", page->index);
  apply_cached (self, page, cached, fetched_at);
}

static void
load_from_disk (RoloContactList *self,
                guint            index)
{
  g_autofree char *query_key = NULL;
  CacheLoad *load;

  if (self->page_cache == NULL || self->cache_account == NULL)
    return;

  load = g_new0 (CacheLoad, 1);
  g_weak_ref_init (&load->list, self);
  load->page_index = index;
  load->generation = self->generation;
  query_key = dup_query_key (self);
  rolo_page_cache_load_async (self->page_cache, self->cache_account, query_key, index,
                              self->cache_cancellable, cache_loaded_cb, load);
}

/* For rolo-contact-list.c and rolo-contact-list-fetch.c */

void
_rolo_contact_list_offline_init (RoloContactList *self)
{
  self->probe_first_ms = PROBE_FIRST_MS;
  self->probe_max_ms = PROBE_MAX_MS;
  self->cache_cancellable = g_cancellable_new ();
  /* The account as the cache knows it: a digest, never a key. */
  if (self->page_cache != NULL)
    self->cache_account = rolo_page_cache_account_key (self->client->base_url,
                                                       self->client->access_key);
}

void
_rolo_contact_list_offline_dispose (RoloContactList *self)
{
  cancel_probe (self);
  if (self->cache_cancellable != NULL)
    g_cancellable_cancel (self->cache_cancellable);
  g_clear_object (&self->cache_cancellable);
  g_clear_object (&self->page_cache);
}

void
_rolo_contact_list_offline_finalize (RoloContactList *self)
{
  g_clear_pointer (&self->cache_account, g_free);
  g_clear_pointer (&self->offline_since, g_date_time_unref);
  g_clear_pointer (&self->cached_since, g_date_time_unref);
}

gboolean
_rolo_contact_list_offline_page_failed (RoloContactList *self,
                                        Page            *page,
                                        const GError    *error)
{
  if (!error_is_offline (error))
    return FALSE;

  go_offline (self);
  if (page->state == PAGE_READY)
    {
      /* Its rows stay readable as they were. */
      page->stale = FALSE;
      return TRUE;
    }

  page->state = PAGE_FAILED;
  /* The probe asks for it again. */
  page->retry_not_before = G_MAXINT64;
  _rolo_contact_list_page_set_rows_state (page, ROLO_CONTACT_STATE_LOADING,
                                          ROLO_CONTACT_STATE_FAILED);
  load_from_disk (self, page->index);
  return TRUE;
}

void
_rolo_contact_list_offline_answered (RoloContactList *self,
                                     guint            index,
                                     RoloContactPage *answer)
{
  if (self->page_cache != NULL && self->cache_account != NULL)
    {
      g_autofree char *query_key = dup_query_key (self);

      rolo_page_cache_store_async (self->page_cache, self->cache_account, query_key, index,
                                   answer);
    }

  if (!self->offline)
    return;

  go_online (self);
  rolo_contact_list_refresh (self);
}

void
_rolo_contact_list_offline_network_changed (RoloContactList *self,
                                            gboolean         available)
{
  if (!available || !self->offline)
    return;

  g_debug ("The network is back: asking the server now");
  cancel_probe (self);
  schedule_probe (self);
  probe (self);
}

void
_rolo_contact_list_offline_reset (RoloContactList *self)
{
  g_cancellable_cancel (self->cache_cancellable);
  g_clear_object (&self->cache_cancellable);
  self->cache_cancellable = g_cancellable_new ();
  set_cached_since (self, NULL);
}

/* Public API */

gboolean
rolo_contact_list_get_offline (RoloContactList *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_LIST (self), FALSE);

  return self->offline;
}

GDateTime *
rolo_contact_list_get_offline_since (RoloContactList *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_LIST (self), NULL);

  return self->offline_since;
}

GDateTime *
rolo_contact_list_get_cached_since (RoloContactList *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_LIST (self), NULL);

  return self->cached_since;
}

/* A probe already waiting is put off to the new first wait. */
void
rolo_contact_list_set_offline_backoff (RoloContactList *self,
                                       guint            first_ms,
                                       guint            max_ms)
{
  g_return_if_fail (ROLO_IS_CONTACT_LIST (self));
  g_return_if_fail (first_ms > 0 && first_ms <= max_ms);

  self->probe_first_ms = first_ms;
  self->probe_max_ms = max_ms;
  if (self->probe_source != NULL)
    {
      cancel_probe (self);
      self->n_probes = 0;
      schedule_probe (self);
    }
}
