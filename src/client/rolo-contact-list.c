/* rolo-contact-list.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include "rolo-contact-list.h"
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
 */

#define MAX_CACHED_PAGES 24
#define MAX_IN_FLIGHT    ROLO_CONTACT_LIST_MAX_IN_FLIGHT
#define MAX_WANTED       8
#define NEAR_PAGES       MAX_WANTED
/* A failed page comes back by itself (when touched) no sooner than this. */
#define RETRY_DELAY_US   (1 * G_USEC_PER_SEC)
/* Failed pages near the screen are asked for again by themselves, waiting
 * twice as long after each failure in a row, from the first to the last. */
#define AUTO_RETRY_FIRST_S 2
#define AUTO_RETRY_MAX_S   30

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

typedef struct
{
  GWeakRef list;
  guint    page_index;
  guint64  id;
  guint    generation;
} Request;

#define NO_POSITION ROLO_HIDDEN_ROWS_NO_POSITION

/* A contact of an evicted page that something else still holds. */
typedef struct
{
  RoloContactList *list;
  RoloContact     *contact;     /* weak */
  guint            position;
} Held;

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
};

static void rolo_contact_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RoloContactList, rolo_contact_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rolo_contact_list_model_init))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_QUERY,
  PROP_LOADING,
  PROP_LOADED,
  PROP_ERROR,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The longest a wanted page waits for the view to settle. */
#define DISPATCH_DEADLINE_MS 3000

static void schedule_dispatch (RoloContactList *self,
                               guint            delay_ms);

/* Pages and rows */

static guint
page_n_rows (RoloContactList *self,
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
static void
page_fit_rows (RoloContactList *self,
               Page            *page)
{
  guint n_rows = page_n_rows (self, page->index);
  guint first = page->index * ROLO_CONTACT_LIST_PAGE_SIZE;

  if (page->rows->len > n_rows)
    g_ptr_array_set_size (page->rows, n_rows);
  while (page->rows->len < n_rows)
    g_ptr_array_add (page->rows, take_row_object (self, first + page->rows->len));
}

static void
page_set_rows_state (Page             *page,
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

static void
update_loading (RoloContactList *self,
                guint            n_before)
{
  if ((n_before > 0) != (self->n_in_flight > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
page_cancel_request (RoloContactList *self,
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
  update_loading (self, n_before);
}

static Page *
page_new (RoloContactList *self,
          guint            index)
{
  Page *page = g_new0 (Page, 1);

  page->index = index;
  page->rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  page_fit_rows (self, page);

  return page;
}

/* Removes a page from the cache; its rows still held elsewhere stay known, so
 * that they are filled in place when the page comes back. */
static void
page_evict (RoloContactList *self,
            Page            *page,
            gboolean         keep_held)
{
  guint first = page->index * ROLO_CONTACT_LIST_PAGE_SIZE;

  page_cancel_request (self, page);
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
    page_evict (self, find_lru_page (self), TRUE);
}

static void
page_touch (RoloContactList *self,
            Page            *page)
{
  if (self->page_seq != 0 && page->last_touch == self->page_seq)
    return;

  page->last_touch = ++self->page_seq;
  self->last_touched = page->index;
}

static gboolean
page_is_near (RoloContactList *self,
              Page            *page)
{
  return self->page_seq - page->last_touch < NEAR_PAGES;
}

/* Whether a request for the page is due. After an authorization failure
 * nothing is, until retry() or refresh(); a failed page waits a little before
 * it is retried by itself, so rows coming and going cause no request storm. */
static gboolean
page_needs_load (RoloContactList *self,
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

static void
want_page (RoloContactList *self,
           guint            index)
{
  gpointer key = GUINT_TO_POINTER (index);

  if (self->wanted.head == NULL || self->wanted.head->data != key)
    {
      g_queue_remove (&self->wanted, key);
      g_queue_push_head (&self->wanted, key);
      while (self->wanted.length > MAX_WANTED)
        g_queue_pop_tail (&self->wanted);
    }
  schedule_dispatch (self, 0);
}

/* Wants the pages near the screen that need it, the most recent first. */
static void
want_near_pages (RoloContactList *self)
{
  g_autoptr(GPtrArray) near = g_ptr_array_new ();
  GHashTableIter iter;
  Page *page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    {
      if (page_is_near (self, page) && page_needs_load (self, page))
        g_ptr_array_add (near, page);
    }

  /* Oldest first, so that the most recent ends at the head of the queue. */
  for (guint n = near->len; n > 0; n--)
    {
      guint oldest = 0;

      for (guint i = 1; i < near->len; i++)
        {
          if (((Page *) near->pdata[i])->last_touch < ((Page *) near->pdata[oldest])->last_touch)
            oldest = i;
        }
      want_page (self, ((Page *) near->pdata[oldest])->index);
      g_ptr_array_remove_index_fast (near, oldest);
    }
}

/* Hidden rows */

/* Every placed entry lies below n_items (apply_total() sees to it). */
static guint
view_n_items (RoloContactList *self)
{
  return self->n_items - rolo_hidden_rows_get_n_placed (self->hidden);
}

/* The source position of a loaded contact, or NO_POSITION. */
static guint
find_loaded (gint64   id,
             gpointer user_data)
{
  RoloContactList *self = user_data;
  GHashTableIter iter;
  Page *page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    {
      if (page->state != PAGE_READY)
        continue;
      for (guint i = 0; i < page->rows->len; i++)
        {
          RoloContact *row = g_ptr_array_index (page->rows, i);

          if (rolo_contact_get_state (row) == ROLO_CONTACT_STATE_READY &&
              rolo_contact_get_id (row) == id)
            return page->index * ROLO_CONTACT_LIST_PAGE_SIZE + i;
        }
    }
  return NO_POSITION;
}

/* Errors */

static gboolean
error_is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_CANCELLED);
}

static void
clear_error (RoloContactList *self)
{
  if (self->error == NULL)
    return;

  g_clear_error (&self->error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
report_error (RoloContactList *self,
              const GError    *error)
{
  gboolean first = self->error == NULL;

  g_clear_error (&self->error);
  self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  if (first)
    g_signal_emit (self, signals[FAILED], 0, self->error);
}

/* Wants the failed pages near the screen again, now. */
static void
retry_near_failed (RoloContactList *self)
{
  GHashTableIter iter;
  Page *page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    if (page->state == PAGE_FAILED && page_is_near (self, page))
      page->retry_not_before = MAX (self->not_before, 0);
  want_near_pages (self);
}

static void
cancel_auto_retry (RoloContactList *self)
{
  if (self->auto_retry_source != NULL)
    g_source_destroy (self->auto_retry_source);
  g_clear_pointer (&self->auto_retry_source, g_source_unref);
}

static gboolean
auto_retry_cb (gpointer user_data)
{
  RoloContactList *self = user_data;

  g_clear_pointer (&self->auto_retry_source, g_source_unref);
  g_debug ("Asking again for the pages that failed (%u failures in a row)", self->n_failures);
  retry_near_failed (self);
  return G_SOURCE_REMOVE;
}

/* After a failure the rows that failed are asked for again by themselves,
 * a little later each time: when the connection or the server comes back
 * they fill in, with no Retry and no scrolling. Not after a refusal of the
 * keys, which asking again cannot mend. */
static void
schedule_auto_retry (RoloContactList *self,
                     guint            at_least_s)
{
  guint delay_s;

  if (self->auto_retry_source != NULL || self->auth_failed)
    return;

  self->n_failures++;
  delay_s = AUTO_RETRY_FIRST_S << MIN (self->n_failures - 1, 5);
  delay_s = MAX (MIN (delay_s, AUTO_RETRY_MAX_S), at_least_s);
  g_debug ("Asking again in %u s", delay_s);

  self->auto_retry_source = g_timeout_source_new_seconds (delay_s);
  g_source_set_callback (self->auto_retry_source, auto_retry_cb, self, NULL);
  g_source_set_static_name (self->auto_retry_source, "[rolo] contact list retry");
  g_source_attach (self->auto_retry_source, self->context);
}

/* An answer came: whatever kept the failed pages away is gone. */
static void
connection_back (RoloContactList *self)
{
  gboolean was_failing = self->n_failures > 0;

  self->n_failures = 0;
  if (was_failing)
    {
      cancel_auto_retry (self);
      retry_near_failed (self);
    }
}

static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    RoloContactList *self)
{
  if (available && self->n_failures > 0 && !self->auth_failed)
    {
      g_debug ("The network is back: asking again for the pages that failed");
      cancel_auto_retry (self);
      retry_near_failed (self);
    }
}

static void
page_failed (RoloContactList *self,
             Page            *page,
             const GError    *error)
{
  gint64 now = g_get_monotonic_time ();

  g_debug ("Page %u failed: %s", page->index, error->message);
  page->state = PAGE_FAILED;
  page->retry_not_before = now + RETRY_DELAY_US;
  page_set_rows_state (page, ROLO_CONTACT_STATE_LOADING, ROLO_CONTACT_STATE_FAILED);

  if (g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_UNAUTHORIZED) ||
      g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_FORBIDDEN))
    self->auth_failed = TRUE;
  else if (g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_RATE_LIMITED))
    {
      guint seconds = MAX (rolo_client_error_get_retry_after (error), 1);

      self->not_before = now + seconds * G_USEC_PER_SEC;
      page->retry_not_before = MAX (page->retry_not_before, self->not_before);
      schedule_auto_retry (self, seconds);
      return;
    }

  schedule_auto_retry (self, 0);
}

/* Answers */

/* A changed total moves the end of the list: rows past it go, pages that
 * remain may hold rows that moved, so they reload when seen again. */
static void
apply_total (RoloContactList *self,
             guint            total,
             guint            answered_page)
{
  g_autoptr(GPtrArray) gone = g_ptr_array_new ();
  GHashTableIter iter;
  Page *page;
  gpointer key;
  Held *held;

  g_debug ("total_records changed from %u to %u", self->n_items, total);
  self->n_items = total;
  rolo_hidden_rows_unplace_from (self->hidden, total);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    {
      if (page_n_rows (self, page->index) == 0 && page->index != answered_page)
        g_ptr_array_add (gone, page);
      else if (page->index != answered_page)
        {
          page_fit_rows (self, page);
          page->stale = page->state == PAGE_READY;
        }
    }
  for (guint i = 0; i < gone->len; i++)
    page_evict (self, g_ptr_array_index (gone, i), FALSE);

  g_hash_table_iter_init (&iter, self->held);
  while (g_hash_table_iter_next (&iter, &key, (gpointer *) &held))
    {
      if (GPOINTER_TO_UINT (key) >= total)
        g_hash_table_iter_remove (&iter);
    }
}

/* Returns what rolo_hidden_rows_reconcile() does. */
static guint
page_fill (RoloContactList *self,
           Page            *page,
           GListModel      *contacts)
{
  guint n = g_list_model_get_n_items (contacts);

  page_fit_rows (self, page);
  for (guint i = 0; i < page->rows->len && i < n; i++)
    {
      g_autoptr(RoloContact) contact = g_list_model_get_item (contacts, i);
      RoloContact *row = g_ptr_array_index (page->rows, i);

      rolo_contact_update_from (row, contact);
      rolo_contact_set_state (row, ROLO_CONTACT_STATE_READY);
    }

  page->state = PAGE_READY;
  /* A short answer (the data moved under us) leaves rows to load again. */
  page->stale = n < page->rows->len;

  return rolo_hidden_rows_reconcile (self->hidden, page->index * ROLO_CONTACT_LIST_PAGE_SIZE,
                                     page->rows, MIN (n, page->rows->len));
}

/* Tells the view what changed since it had old_n items: the end of the list
 * moved, and from changed (a source position, or NO_POSITION) on, the rows
 * hidden changed. */
static void
emit_n_items_changed (RoloContactList *self,
                      guint            old_n,
                      guint            changed)
{
  guint new_n = view_n_items (self);
  guint common = MIN (old_n, new_n);

  if (changed != NO_POSITION)
    common = MIN (common, rolo_hidden_rows_source_to_view (self->hidden, changed));
  if (common == old_n && common == new_n)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), common, old_n - common, new_n - common);
  if (old_n != new_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
page_answered (RoloContactList *self,
               guint            index,
               RoloContactPage *answer)
{
  guint old_n = view_n_items (self);
  guint old_total = self->n_items;
  guint total = rolo_contact_page_get_total_records (answer);
  guint changed = NO_POSITION;
  gboolean was_loaded = self->loaded;
  Page *page;

  if (total != self->n_items)
    apply_total (self, total, index);

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page_n_rows (self, index) == 0 && index != 0)
    page_evict (self, page, FALSE);
  else
    changed = page_fill (self, page, rolo_contact_page_get_contacts (answer));

  self->loaded = TRUE;
  clear_error (self);
  emit_n_items_changed (self, old_n, changed);
  connection_back (self);
  if (!was_loaded)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  if (old_total != self->n_items && was_loaded)
    want_near_pages (self);
}

static void
request_free (Request *request)
{
  g_weak_ref_clear (&request->list);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

/* The page a request was for, if the answer is still wanted. */
static Page *
request_take_page (RoloContactList *self,
                   Request         *request)
{
  Page *page;
  guint n_before = self->n_in_flight;

  if (request->generation != self->generation)
    return NULL;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (request->page_index));
  if (page == NULL || page->request_id != request->id)
    return NULL;

  page->request_id = 0;
  g_clear_object (&page->cancellable);
  self->n_in_flight--;
  update_loading (self, n_before);

  return page;
}

static void
list_contacts_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(RoloContactList) self = g_weak_ref_get (&request->list);
  g_autoptr(RoloContactPage) answer = NULL;
  g_autoptr(GError) error = NULL;
  Page *page;

  answer = rolo_client_list_contacts_finish (ROLO_CLIENT (source), result, &error);
  if (self == NULL || (page = request_take_page (self, request)) == NULL)
    return;

  if (answer != NULL)
    page_answered (self, request->page_index, answer);
  else if (error_is_cancelled (error))
    page_set_rows_state (page, ROLO_CONTACT_STATE_FAILED, ROLO_CONTACT_STATE_LOADING);
  else
    {
      page_failed (self, page, error);
      report_error (self, error);
    }

  schedule_dispatch (self, 0);
}

static void
page_request (RoloContactList *self,
              Page            *page)
{
  Request *request = g_new0 (Request, 1);
  guint n_before = self->n_in_flight;

  g_assert (page->request_id == 0);

  g_debug ("Requesting page %u", page->index);
  g_weak_ref_init (&request->list, self);
  request->page_index = page->index;
  request->id = ++self->last_request_id;
  request->generation = self->generation;

  page->request_id = request->id;
  page->cancellable = g_cancellable_new ();
  if (page->state == PAGE_FAILED)
    page->state = PAGE_EMPTY;
  page_set_rows_state (page, ROLO_CONTACT_STATE_FAILED, ROLO_CONTACT_STATE_LOADING);
  self->n_in_flight++;
  update_loading (self, n_before);

  rolo_client_list_contacts_async (self->client, self->query, page->index,
                                   ROLO_CONTACT_LIST_PAGE_SIZE, page->cancellable,
                                   list_contacts_cb, request);
}

/* Dispatch */

/* When pages wait and every slot is taken by a page the user has scrolled
 * away from, those requests make way. */
static void
cancel_far_requests (RoloContactList *self)
{
  GHashTableIter iter;
  Page *page;

  if (self->wanted.length == 0 || self->n_in_flight < MAX_IN_FLIGHT)
    return;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    {
      if (page->request_id != 0 && !page_is_near (self, page))
        page_cancel_request (self, page);
    }
}

static void
dispatch (RoloContactList *self)
{
  gint64 now = g_get_monotonic_time ();

  if (now < self->not_before)
    {
      schedule_dispatch (self, (self->not_before - now + 999) / 1000);
      return;
    }

  cancel_far_requests (self);
  while (self->n_in_flight < MAX_IN_FLIGHT && self->wanted.length > 0)
    {
      guint index = GPOINTER_TO_UINT (g_queue_pop_head (&self->wanted));
      Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));

      if (page != NULL && page_needs_load (self, page))
        page_request (self, page);
    }
}

static void
clear_dispatch (RoloContactList *self)
{
  if (self->dispatch_source != NULL)
    g_source_destroy (self->dispatch_source);
  g_clear_pointer (&self->dispatch_source, g_source_unref);
  if (self->dispatch_deadline != NULL)
    g_source_destroy (self->dispatch_deadline);
  g_clear_pointer (&self->dispatch_deadline, g_source_unref);
}

static gboolean
dispatch_cb (gpointer user_data)
{
  RoloContactList *self = user_data;

  clear_dispatch (self);
  dispatch (self);

  return G_SOURCE_REMOVE;
}

static GSource *
dispatch_source_new (RoloContactList *self,
                     GSource         *source)
{
  g_source_set_callback (source, dispatch_cb, self, NULL);
  g_source_set_static_name (source, "[rolo] contact list dispatch");
  g_source_attach (source, self->context);
  return source;
}

static void
schedule_dispatch (RoloContactList *self,
                   guint            delay_ms)
{
  if (self->dispatch_source != NULL)
    return;

  if (delay_ms > 0)
    {
      self->dispatch_source = dispatch_source_new (self, g_timeout_source_new (delay_ms));
      return;
    }

  /* Once the view is laid out (an idle runs after GTK's layout), so that
   * only the pages it settles on are asked for; but no later than the
   * deadline, as a window that draws without pause (a spinner on a slow
   * machine) would hold back an idle for ever. */
  self->dispatch_source = dispatch_source_new (self, g_idle_source_new ());
  self->dispatch_deadline = dispatch_source_new (self,
                                                 g_timeout_source_new (DISPATCH_DEADLINE_MS));
}

/* Result sets */

static void
start_first_page (RoloContactList *self)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (0));

  if (page == NULL)
    page = page_new (self, 0);
  page_touch (self, page);
  if (page->request_id == 0)
    page_request (self, page);
}

/* Forgets everything of the current result set, telling the view. */
static void
reset (RoloContactList *self)
{
  guint old_n = view_n_items (self);
  GHashTableIter iter;
  Page *page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    page_cancel_request (self, page);
  /* Hidden ids stay hidden in the new result set, wherever they show up. */
  rolo_hidden_rows_unplace_from (self->hidden, 0);
  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->held);
  g_queue_clear (&self->wanted);
  self->generation++;
  self->page_seq = 0;
  self->auth_failed = FALSE;
  self->n_failures = 0;
  cancel_auto_retry (self);
  self->n_items = 0;

  clear_error (self);
  if (self->loaded)
    {
      self->loaded = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  emit_n_items_changed (self, old_n, NO_POSITION);
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
  return view_n_items (ROLO_CONTACT_LIST (model));
}

static gpointer
rolo_contact_list_get_item (GListModel *model,
                            guint       position)
{
  RoloContactList *self = ROLO_CONTACT_LIST (model);
  guint index;
  Page *page;

  if (position >= view_n_items (self))
    return NULL;

  position = rolo_hidden_rows_view_to_source (self->hidden, position);
  index = position / ROLO_CONTACT_LIST_PAGE_SIZE;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (page == NULL)
    page = page_new (self, index);
  else
    page_fit_rows (self, page);
  page_touch (self, page);
  evict_to_bound (self);

  if (page_needs_load (self, page))
    want_page (self, index);

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
                           G_CALLBACK (network_changed_cb), self, 0);
  if (self->query == NULL)
    self->query = rolo_contact_query_new ();
  start_first_page (self);
}

static void
rolo_contact_list_dispose (GObject *object)
{
  RoloContactList *self = ROLO_CONTACT_LIST (object);
  GHashTableIter iter;
  Page *page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    page_cancel_request (self, page);
  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->held);
  g_queue_clear (&self->wanted);
  clear_dispatch (self);
  cancel_auto_retry (self);
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
      g_value_set_uint (value, view_n_items (self));
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
  reset (self);
  start_first_page (self);
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
    page = page_new (self, 0);
  page_touch (self, page);
}

void
rolo_contact_list_refresh (RoloContactList *self)
{
  GHashTableIter iter;
  Page *page;

  g_return_if_fail (ROLO_IS_CONTACT_LIST (self));

  g_debug ("Refreshing");
  lift_holds (self);
  cancel_auto_retry (self);
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    {
      /* An answer on its way may predate what the user wants to see. */
      page_cancel_request (self, page);
      page->stale = page->state == PAGE_READY;
      page->retry_not_before = 0;
    }
  want_near_pages (self);
}

void
rolo_contact_list_retry (RoloContactList *self)
{
  GHashTableIter iter;
  Page *page;

  g_return_if_fail (ROLO_IS_CONTACT_LIST (self));

  lift_holds (self);
  /* Asked now: the next wait, if this fails too, starts from here. */
  cancel_auto_retry (self);
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    page->retry_not_before = 0;
  want_near_pages (self);
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

/**
 * rolo_contact_list_hide:
 * @ids: (array length=n_ids): contact ids
 *
 * Removes the rows of these contacts from the model at once (items-changed
 * for each run of neighbouring rows), and keeps them out however the pages
 * reload, until rolo_contact_list_unhide() or, once the server deleted them,
 * rolo_contact_list_forget_hidden(). An id whose row is not loaded is
 * hidden as soon as it shows up. Hiding a hidden id changes nothing.
 */
void
rolo_contact_list_hide (RoloContactList *self,
                        const gint64    *ids,
                        guint            n_ids)
{
  guint old_n;

  g_return_if_fail (ROLO_IS_CONTACT_LIST (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  old_n = view_n_items (self);
  rolo_hidden_rows_hide (self->hidden, ids, n_ids, find_loaded, self, G_LIST_MODEL (self));
  if (view_n_items (self) != old_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * rolo_contact_list_unhide:
 * @ids: (array length=n_ids): contact ids
 *
 * Puts the rows of hidden contacts back where the server has them
 * (items-changed for each run of neighbouring rows). Ids not hidden are
 * ignored.
 */
void
rolo_contact_list_unhide (RoloContactList *self,
                          const gint64    *ids,
                          guint            n_ids)
{
  guint old_n;

  g_return_if_fail (ROLO_IS_CONTACT_LIST (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  old_n = view_n_items (self);
  rolo_hidden_rows_unhide (self->hidden, ids, n_ids, G_LIST_MODEL (self));
  if (view_n_items (self) != old_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * rolo_contact_list_forget_hidden:
 * @ids: (array length=n_ids): contact ids
 *
 * Tells the list the server deleted these hidden contacts: their rows stay
 * hidden until a page that no longer holds them arrives (as after
 * rolo_contact_list_refresh()), and are then forgotten, so the list
 * converges to the server's result set.
 */
void
rolo_contact_list_forget_hidden (RoloContactList *self,
                                 const gint64    *ids,
                                 guint            n_ids)
{
  g_return_if_fail (ROLO_IS_CONTACT_LIST (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  rolo_hidden_rows_forget (self->hidden, ids, n_ids);
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

/* Whether a contact is hidden (and not yet forgotten). */
gboolean
rolo_contact_list_is_hidden (RoloContactList *self,
                             gint64           id)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_LIST (self), FALSE);

  return rolo_hidden_rows_contains (self->hidden, id);
}
