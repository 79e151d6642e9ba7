/* rolo-contact-list.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include "rolo-contact-list.h"
#include "rolo-contact-list-private.h"
#include "rolo-hidden-rows.h"

/*
 * How it works
 *
 * Rows live in pages of ROLO_CONTACT_LIST_PAGE_SIZE. A page enters the cache
 * when one of its rows is asked for (or, for page 0, when a query starts): it
 * then holds one RoloContact per row, placeholders (LOADING) until its answer
 * fills them in place. Each touch of a page other than the last touched one
 * stamps it with a sequence number; that gives both the LRU order of the cache
 * and "nearness" (a page touched within the last NEAR_PAGES page changes is
 * still on or near the screen).
 *
 * A page that needs loading is pushed to the front of the wanted queue, which
 * keeps only the MAX_WANTED most recent wants. An idle dispatch starts the most
 * recently wanted pages first, MAX_IN_FLIGHT at a time, one request per page;
 * when the queue waits and every slot is taken by a page that is no longer
 * near, those requests are cancelled.
 *
 * Evicting a page drops its strong references; its contacts that something
 * else (a row widget) still holds go to a table of weak references keyed by
 * position, so that when the page comes back the same objects are reused and
 * filled in place. The table thus only holds objects alive elsewhere.
 *
 * Hidden rows (a delete waiting for its Undo) live in a RoloHiddenRows: the
 * model's positions count only the rows not hidden, and each page that
 * arrives is reconciled with the hidden ids (rolo-hidden-rows.c).
 *
 * Requests, their answers, errors, automatic retries and the start of a new
 * result set are in rolo-contact-list-fetch.c; being offline and the pages
 * kept on disk in rolo-contact-list-offline.c; the public side of hidden
 * rows in rolo-contact-list-hidden.c.
 */

#define MAX_CACHED_PAGES 24
#define NEAR_PAGES       MAX_WANTED

/* A contact of an evicted page that something else still holds. */
typedef struct
{
  RoloContactList *list;
  RoloContact     *contact;     /* weak */
  guint            position;
} Held;

static void rolo_contact_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RoloContactList, rolo_contact_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rolo_contact_list_model_init))

enum {
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Pages and rows */

guint
_rolo_contact_list_page_n_rows (RoloContactList *self,
                                guint            index)
{
  guint first = index * ROLO_CONTACT_LIST_PAGE_SIZE;

  if (first >= self->n_items)
    return 0;
  return MIN (ROLO_CONTACT_LIST_PAGE_SIZE, self->n_items - first);
}

static void
held_gone_cb (gpointer  data,
              GObject  *where_the_object_was)
{
  Held *held = data;

  held->contact = NULL;
  g_hash_table_remove (held->list->held, GUINT_TO_POINTER (held->position));
}

static void
held_free (gpointer data)
{
  Held *held = data;

  if (held->contact != NULL)
    g_object_weak_unref (G_OBJECT (held->contact), held_gone_cb, held);
  g_free (held);
}

static void
hold_weakly (RoloContactList *self,
             RoloContact     *contact,
             guint            position)
{
  Held *held = g_new0 (Held, 1);

  held->list = self;
  held->contact = contact;
  held->position = position;
  g_object_weak_ref (G_OBJECT (contact), held_gone_cb, held);
  g_hash_table_replace (self->held, GUINT_TO_POINTER (position), held);
}

/* The object for a row entering the cache: the one a widget may still show,
 * or a new placeholder. */
static RoloContact *
take_row_object (RoloContactList *self,
                 guint            position)
{
  Held *held = g_hash_table_lookup (self->held, GUINT_TO_POINTER (position));
  RoloContact *contact;

  if (held != NULL)
    {
      contact = g_object_ref (held->contact);
      g_hash_table_remove (self->held, GUINT_TO_POINTER (position));
      return contact;
    }

  contact = rolo_contact_new ();
  rolo_contact_set_state (contact, ROLO_CONTACT_STATE_LOADING);
  return contact;
}

/* Fits the rows of a page to n_items: drops rows past the end, adds
 * placeholders for rows the page did not have yet. */
void
_rolo_contact_list_page_fit_rows (RoloContactList *self,
                                  Page            *page)
{
  guint n_rows = _rolo_contact_list_page_n_rows (self, page->index);
  guint first = page->index * ROLO_CONTACT_LIST_PAGE_SIZE;

  if (page->rows->len > n_rows)
    g_ptr_array_set_size (page->rows, n_rows);
  while (page->rows->len < n_rows)
    g_ptr_array_add (page->rows, take_row_object (self, first + page->rows->len));
}

void
_rolo_contact_list_page_set_rows_state (Page             *page,
                                        RoloContactState  from,
                                        RoloContactState  to)
{
  for (guint i = 0; i < page->rows->len; i++)
    {
      RoloContact *contact = g_ptr_array_index (page->rows, i);

      if (rolo_contact_get_state (contact) == from)
        rolo_contact_set_state (contact, to);
    }
}

void
_rolo_contact_list_update_loading (RoloContactList *self,
                                   guint            n_before)
{
  if ((n_before > 0) != (self->n_in_flight > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
_rolo_contact_list_page_cancel_request (RoloContactList *self,
                                        Page            *page)
{
  guint n_before = self->n_in_flight;

  if (page->request_id == 0)
    return;

  g_debug ("Cancelling the request of page %u", page->index);
  page->request_id = 0;
  g_cancellable_cancel (page->cancellable);
  g_clear_object (&page->cancellable);
  self->n_in_flight--;
  _rolo_contact_list_update_loading (self, n_before);
}

Page *
_rolo_contact_list_page_new (RoloContactList *self,
                             guint            index)
{
  Page *page = g_new0 (Page, 1);

  page->index = index;
  page->rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  _rolo_contact_list_page_fit_rows (self, page);

  return page;
}

/* Removes a page from the cache; its rows still held elsewhere stay known, so
 * that they are filled in place when the page comes back. */
void
_rolo_contact_list_page_evict (RoloContactList *self,
                               Page            *page,
                               gboolean         keep_held)
{
  guint first = page->index * ROLO_CONTACT_LIST_PAGE_SIZE;

  _rolo_contact_list_page_cancel_request (self, page);
  g_queue_remove (&self->wanted, GUINT_TO_POINTER (page->index));
  if (keep_held)
    {
      for (guint i = 0; i < page->rows->len; i++)
        hold_weakly (self, g_ptr_array_index (page->rows, i), first + i);
    }
  g_hash_table_remove (self->pages, GUINT_TO_POINTER (page->index));
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_assert (page->request_id == 0);
  g_clear_pointer (&page->rows, g_ptr_array_unref);
  g_free (page);
}

static Page *
find_lru_page (RoloContactList *self)
{
  GHashTableIter iter;
  Page *page, *lru = NULL;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    {
      if (lru == NULL || page->last_touch < lru->last_touch)
        lru = page;
    }

  return lru;
}

static void
evict_to_bound (RoloContactList *self)
{
  while (g_hash_table_size (self->pages) > MAX_CACHED_PAGES)
    _rolo_contact_list_page_evict (self, find_lru_page (self), TRUE);
}

void
_rolo_contact_list_page_touch (RoloContactList *self,
                               Page            *page)
{
  if (self->page_seq != 0 && page->last_touch == self->page_seq)
    return;

  page->last_touch = ++self->page_seq;
  self->last_touched = page->index;
}

gboolean
_rolo_contact_list_page_is_near (RoloContactList *self,
                                 Page            *page)
{
  return self->page_seq - page->last_touch < NEAR_PAGES;
}

/* Whether a request for the page is due. After an authorization failure
 * nothing is, until retry() or refresh(); a failed page waits a little before
 * it is retried by itself, so rows coming and going cause no request storm. */
gboolean
_rolo_contact_list_page_needs_load (RoloContactList *self,
                                    Page            *page)
{
  if (page->request_id != 0 || self->auth_failed)
    return FALSE;

  switch (page->state)
    {
    case PAGE_EMPTY:
      return TRUE;
    case PAGE_READY:
      return page->stale;
    case PAGE_FAILED:
      return g_get_monotonic_time () >= page->retry_not_before;
    default:
      g_assert_not_reached ();
    }
}

/* Hidden rows */

/* Every placed entry lies below n_items (apply_total() sees to it). */
guint
_rolo_contact_list_view_n_items (RoloContactList *self)
{
  return self->n_items - rolo_hidden_rows_get_n_placed (self->hidden);
}

/* Tells the view what changed since it had old_n items: the end of the list
 * moved, and from changed (a source position, or NO_POSITION) on, the rows
 * hidden changed. */
void
_rolo_contact_list_emit_n_items_changed (RoloContactList *self,
                                         guint            old_n,
                                         guint            changed)
{
  guint new_n = _rolo_contact_list_view_n_items (self);
  guint common = MIN (old_n, new_n);

  if (changed != NO_POSITION)
    common = MIN (common, rolo_hidden_rows_source_to_view (self->hidden, changed));
  if (common == old_n && common == new_n)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), common, old_n - common, new_n - common);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* For rolo-contact-list-fetch.c */

void
_rolo_contact_list_notify (RoloContactList *self,
                           guint            prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
_rolo_contact_list_emit_failed (RoloContactList *self,
                                const GError    *error)
{
  g_signal_emit (self, signals[FAILED], 0, error);
}

/* GListModel */

static GType
rolo_contact_list_get_item_type (GListModel *model)
{
  return ROLO_TYPE_CONTACT;
}

static guint
rolo_contact_list_get_n_items (GListModel *model)
{
  return _rolo_contact_list_view_n_items (ROLO_CONTACT_LIST (model));
}

static gpointer
rolo_contact_list_get_item (GListModel *model,
                            guint       position)
{
  RoloContactList *self = ROLO_CONTACT_LIST (model);
  guint index;
  Page *page;

  if (position >= _rolo_contact_list_view_n_items (self))
    return NULL;

  position = rolo_hidden_rows_view_to_source (self->hidden, position);
  index = position / ROLO_CONTACT_LIST_PAGE_SIZE;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page == NULL)
    page = _rolo_contact_list_page_new (self, index);
  else
    _rolo_contact_list_page_fit_rows (self, page);
  _rolo_contact_list_page_touch (self, page);
  evict_to_bound (self);

  if (_rolo_contact_list_page_needs_load (self, page))
    _rolo_contact_list_want_page (self, index);

  return g_object_ref (g_ptr_array_index (page->rows, position % ROLO_CONTACT_LIST_PAGE_SIZE));
}

static void
rolo_contact_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rolo_contact_list_get_item_type;
  iface->get_n_items = rolo_contact_list_get_n_items;
  iface->get_item = rolo_contact_list_get_item;
}

/* GObject */

static void
rolo_contact_list_constructed (GObject *object)
{
  RoloContactList *self = ROLO_CONTACT_LIST (object);

  G_OBJECT_CLASS (rolo_contact_list_parent_class)->constructed (object);

  g_assert (self->client != NULL);
  self->constructed = TRUE;
  self->network_monitor = g_object_ref (g_network_monitor_get_default ());
  g_signal_connect_object (self->network_monitor, "network-changed",
                           G_CALLBACK (_rolo_contact_list_network_changed_cb), self, 0);
  if (self->query == NULL)
    self->query = rolo_contact_query_new ();
  _rolo_contact_list_offline_init (self);
  _rolo_contact_list_start_first_page (self);
}

static void
rolo_contact_list_dispose (GObject *object)
{
  RoloContactList *self = ROLO_CONTACT_LIST (object);
  GHashTableIter iter;
  Page *page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    _rolo_contact_list_page_cancel_request (self, page);
  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->held);
  g_queue_clear (&self->wanted);
  _rolo_contact_list_clear_dispatch (self);
  _rolo_contact_list_cancel_auto_retry (self);
  _rolo_contact_list_offline_dispose (self);
  if (self->network_monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->network_monitor, self);
  g_clear_object (&self->network_monitor);
  g_clear_object (&self->client);
  g_clear_object (&self->query);

  G_OBJECT_CLASS (rolo_contact_list_parent_class)->dispose (object);
}

static void
rolo_contact_list_finalize (GObject *object)
{
  RoloContactList *self = ROLO_CONTACT_LIST (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->held, g_hash_table_unref);
  g_clear_pointer (&self->hidden, rolo_hidden_rows_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_error (&self->error);
  _rolo_contact_list_offline_finalize (self);

  G_OBJECT_CLASS (rolo_contact_list_parent_class)->finalize (object);
}

static void
rolo_contact_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RoloContactList *self = ROLO_CONTACT_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->n_in_flight > 0);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, _rolo_contact_list_view_n_items (self));
      break;
    case PROP_PAGE_CACHE:
      g_value_set_object (value, self->page_cache);
      break;
    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;
    case PROP_OFFLINE_SINCE:
      g_value_set_boxed (value, self->offline_since);
      break;
    case PROP_CACHED_SINCE:
      g_value_set_boxed (value, self->cached_since);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_contact_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RoloContactList *self = ROLO_CONTACT_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_QUERY:
      if (!self->constructed)
        {
          RoloContactQuery *query = g_value_get_object (value);

          /* The first page starts in constructed(). */
          self->query = query ? rolo_contact_query_copy (query) : NULL;
        }
      else
        rolo_contact_list_set_query (self, g_value_get_object (value));
      break;
    case PROP_PAGE_CACHE:
      self->page_cache = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_contact_list_class_init (RoloContactListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = rolo_contact_list_constructed;
  object_class->dispose = rolo_contact_list_dispose;
  object_class->finalize = rolo_contact_list_finalize;
  object_class->get_property = rolo_contact_list_get_property;
  object_class->set_property = rolo_contact_list_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, ROLO_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * RoloContactList:query:
   *
   * The query of the result set. The list keeps a copy: change it by setting
   * a new query, not by changing the object this property returns.
   */
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL, ROLO_TYPE_CONTACT_QUERY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, ro);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PAGE_CACHE] =
    g_param_spec_object ("page-cache", NULL, NULL, ROLO_TYPE_PAGE_CACHE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFLINE] = g_param_spec_boolean ("offline", NULL, NULL, FALSE, ro);
  properties[PROP_OFFLINE_SINCE] =
    g_param_spec_boxed ("offline-since", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_CACHED_SINCE] =
    g_param_spec_boxed ("cached-since", NULL, NULL, G_TYPE_DATE_TIME, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RoloContactList::failed:
   * @error: the failure
   *
   * A request of the current query failed while "error" was unset: once per
   * run of failures, not once per row or page.
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
rolo_contact_list_init (RoloContactList *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  self->held = g_hash_table_new_full (NULL, NULL, NULL, held_free);
  self->hidden = rolo_hidden_rows_new ();
  g_queue_init (&self->wanted);
}

/* Public API */

/**
 * rolo_contact_list_new:
 * @client: the client to ask
 * @query: (nullable): the result set; %NULL for every contact, newest first
 *
 * Starts loading the first page at once.
 *
 * Returns: (transfer full): a new list
 */
RoloContactList *
rolo_contact_list_new (RoloClient       *client,
                       RoloContactQuery *query)
{
  g_return_val_if_fail (ROLO_IS_CLIENT (client), NULL);
  g_return_val_if_fail (query == NULL || ROLO_IS_CONTACT_QUERY (query), NULL);

  return g_object_new (ROLO_TYPE_CONTACT_LIST, "client", client, "query", query, NULL);
}

/**
 * rolo_contact_list_new_with_cache:
 * @page_cache: (nullable): where the pages seen are kept, for offline reading
 *
 * As rolo_contact_list_new(), with pages kept in and read from @page_cache.
 */
RoloContactList *
rolo_contact_list_new_with_cache (RoloClient       *client,
                                  RoloContactQuery *query,
                                  RoloPageCache    *page_cache)
{
  g_return_val_if_fail (ROLO_IS_CLIENT (client), NULL);
  g_return_val_if_fail (query == NULL || ROLO_IS_CONTACT_QUERY (query), NULL);
  g_return_val_if_fail (page_cache == NULL || ROLO_IS_PAGE_CACHE (page_cache), NULL);

  return g_object_new (ROLO_TYPE_CONTACT_LIST, "client", client, "query", query,
                       "page-cache", page_cache, NULL);
}

RoloClient *
rolo_contact_list_get_client (RoloContactList *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_LIST (self), NULL);

  return self->client;
}

/* (transfer none): the list's own copy of the query; never NULL. */
RoloContactQuery *
rolo_contact_list_get_query (RoloContactList *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_LIST (self), NULL);

  return self->query;
}

/**
 * rolo_contact_list_set_query:
 * @query: (nullable): the new result set; %NULL for every contact
 *
 * A query equal to the current one changes nothing. Otherwise every request
 * of the old one is cancelled (late answers are ignored), the items are
 * removed, and the first page of the new one is requested at once.
 */
void
rolo_contact_list_set_query (RoloContactList  *self,
                             RoloContactQuery *query)
{
  g_autoptr(RoloContactQuery) copy = NULL;

  g_return_if_fail (ROLO_IS_CONTACT_LIST (self));
  g_return_if_fail (query == NULL || ROLO_IS_CONTACT_QUERY (query));

  copy = query ? rolo_contact_query_copy (query) : rolo_contact_query_new ();
  if (rolo_contact_query_equal (self->query, copy))
    return;

  g_set_object (&self->query, copy);
  _rolo_contact_list_reset (self);
  _rolo_contact_list_start_first_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

gboolean
rolo_contact_list_get_loading (RoloContactList *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_LIST (self), FALSE);

  return self->n_in_flight > 0;
}

gboolean
rolo_contact_list_get_loaded (RoloContactList *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_LIST (self), FALSE);

  return self->loaded;
}

/* (transfer none) (nullable): the last failure, NULL after a success. */
const GError *
rolo_contact_list_get_error (RoloContactList *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_LIST (self), NULL);

  return self->error;
}

/* An explicit request from the user lifts the holds on automatic requests
 * (but not a server's Retry-After); the caller then wants the near pages,
 * which include the first one while nothing has loaded. */
static void
lift_holds (RoloContactList *self)
{
  Page *page;

  self->auth_failed = FALSE;
  if (self->loaded)
    return;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (0));
  if (page == NULL)
    page = _rolo_contact_list_page_new (self, 0);
  _rolo_contact_list_page_touch (self, page);
}

void
rolo_contact_list_refresh (RoloContactList *self)
{
  GHashTableIter iter;
  Page *page;

  g_return_if_fail (ROLO_IS_CONTACT_LIST (self));

  g_debug ("Refreshing");
  lift_holds (self);
  _rolo_contact_list_cancel_auto_retry (self);
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    {
      /* An answer on its way may predate what the user wants to see. */
      _rolo_contact_list_page_cancel_request (self, page);
      page->stale = page->state == PAGE_READY;
      page->retry_not_before = 0;
    }
  _rolo_contact_list_want_near_pages (self);
}

void
rolo_contact_list_retry (RoloContactList *self)
{
  GHashTableIter iter;
  Page *page;

  g_return_if_fail (ROLO_IS_CONTACT_LIST (self));

  lift_holds (self);
  /* Asked now: the next wait, if this fails too, starts from here. */
  _rolo_contact_list_cancel_auto_retry (self);
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    page->retry_not_before = 0;
  _rolo_contact_list_want_near_pages (self);
}

guint
rolo_contact_list_get_n_cached_pages (RoloContactList *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_LIST (self), 0);

  return g_hash_table_size (self->pages);
}

guint
rolo_contact_list_get_max_cached_pages (RoloContactList *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_LIST (self), 0);

  return MAX_CACHED_PAGES;
}

/* Requests sent and not answered yet (for tests and benchmarks). */
guint
rolo_contact_list_get_n_in_flight (RoloContactList *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_LIST (self), 0);

  return self->n_in_flight;
}

gboolean
rolo_contact_list_is_stale (RoloContactList *self,
                            guint            position)
{
  Page *page;

  g_return_val_if_fail (ROLO_IS_CONTACT_LIST (self), FALSE);

  if (position >= _rolo_contact_list_view_n_items (self))
    return FALSE;

  position = rolo_hidden_rows_view_to_source (self->hidden, position);
  page = g_hash_table_lookup (self->pages,
                              GUINT_TO_POINTER (position / ROLO_CONTACT_LIST_PAGE_SIZE));
  return page != NULL && page->state == PAGE_READY && page->stale;
}

RoloContact *
rolo_contact_list_find_loaded (RoloContactList *self,
                               gint64           id)
{
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (ROLO_IS_CONTACT_LIST (self), NULL);

  if (id <= 0)
    return NULL;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Page *page = value;

      if (page->state != PAGE_READY || page->rows == NULL)
        continue;
      for (guint i = 0; i < page->rows->len; i++)
        {
          RoloContact *contact = g_ptr_array_index (page->rows, i);

          if (rolo_contact_get_id (contact) == id &&
              rolo_contact_get_state (contact) == ROLO_CONTACT_STATE_READY)
            return g_object_ref (contact);
        }
    }

  /* Still on screen though its page was let go. */
  g_hash_table_iter_init (&iter, self->held);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Held *held = value;

      if (held->contact != NULL && rolo_contact_get_id (held->contact) == id &&
          rolo_contact_get_state (held->contact) == ROLO_CONTACT_STATE_READY)
        return g_object_ref (held->contact);
    }

  return NULL;
}
