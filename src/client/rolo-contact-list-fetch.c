/* rolo-contact-list-fetch.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include "rolo-contact-list-private.h"

/* The fetching side of RoloContactList: the requests for pages and their
 * dispatch, the answers, the errors and the automatic retries, and the start
 * of a new result set (see "How it works" in rolo-contact-list.c). */

#define MAX_IN_FLIGHT ROLO_CONTACT_LIST_MAX_IN_FLIGHT
/* A failed page comes back by itself (when touched) no sooner than this. */
#define RETRY_DELAY_US (1 * G_USEC_PER_SEC)
/* Failed pages near the screen are asked for again by themselves, waiting
 * twice as long after each failure in a row, from the first to the last. */
#define AUTO_RETRY_FIRST_S 2
#define AUTO_RETRY_MAX_S   30

/* The longest a wanted page waits for the view to settle. */
#define DISPATCH_DEADLINE_MS 3000

typedef struct
{
  GWeakRef list;
  guint    page_index;
  guint64  id;
  guint    generation;
} Request;

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
  _rolo_contact_list_notify (self, PROP_ERROR);
}

static void
report_error (RoloContactList *self,
              const GError    *error)
{
  gboolean first = self->error == NULL;

  g_clear_error (&self->error);
  self->error = g_error_copy (error);
  _rolo_contact_list_notify (self, PROP_ERROR);
  if (first)
    _rolo_contact_list_emit_failed (self, self->error);
}

/* Wants the failed pages near the screen again, now. */
static void
retry_near_failed (RoloContactList *self)
{
  GHashTableIter iter;
  Page *page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    if (page->state == PAGE_FAILED && _rolo_contact_list_page_is_near (self, page))
      page->retry_not_before = MAX (self->not_before, 0);
  _rolo_contact_list_want_near_pages (self);
}

void
_rolo_contact_list_cancel_auto_retry (RoloContactList *self)
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
      _rolo_contact_list_cancel_auto_retry (self);
      retry_near_failed (self);
    }
}

void
_rolo_contact_list_network_changed_cb (GNetworkMonitor *monitor,
                                       gboolean         available,
                                       RoloContactList *self)
{
  _rolo_contact_list_offline_network_changed (self, available);
  if (available && self->n_failures > 0 && !self->auth_failed)
    {
      g_debug ("The network is back: asking again for the pages that failed");
      _rolo_contact_list_cancel_auto_retry (self);
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
  if (_rolo_contact_list_offline_page_failed (self, page, error))
    return;
  page->state = PAGE_FAILED;
  page->retry_not_before = now + RETRY_DELAY_US;
  _rolo_contact_list_page_set_rows_state (page, ROLO_CONTACT_STATE_LOADING,
                                          ROLO_CONTACT_STATE_FAILED);

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

  g_debug ("total_records changed from %u to %u", self->n_items, total);
  self->n_items = total;
  rolo_hidden_rows_unplace_from (self->hidden, total);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    {
      if (_rolo_contact_list_page_n_rows (self, page->index) == 0 && page->index != answered_page)
        g_ptr_array_add (gone, page);
      else if (page->index != answered_page)
        {
          _rolo_contact_list_page_fit_rows (self, page);
          page->stale = page->state == PAGE_READY;
        }
    }
  for (guint i = 0; i < gone->len; i++)
    _rolo_contact_list_page_evict (self, g_ptr_array_index (gone, i), FALSE);

  g_hash_table_iter_init (&iter, self->held);
  while (g_hash_table_iter_next (&iter, &key, NULL))
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

  _rolo_contact_list_page_fit_rows (self, page);
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

static void
page_answered (RoloContactList *self,
               guint            index,
               RoloContactPage *answer)
{
  guint old_n = _rolo_contact_list_view_n_items (self);
  guint old_total = self->n_items;
  guint total = rolo_contact_page_get_total_records (answer);
  guint changed = NO_POSITION;
  gboolean was_loaded = self->loaded;
  Page *page;

  if (total != self->n_items)
    apply_total (self, total, index);

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  if (_rolo_contact_list_page_n_rows (self, index) == 0 && index != 0)
    _rolo_contact_list_page_evict (self, page, FALSE);
  else
    changed = page_fill (self, page, rolo_contact_page_get_contacts (answer));

  self->loaded = TRUE;
  clear_error (self);
  _rolo_contact_list_emit_n_items_changed (self, old_n, changed);
  connection_back (self);
  if (!was_loaded)
    _rolo_contact_list_notify (self, PROP_LOADED);
  if (old_total != self->n_items && was_loaded)
    _rolo_contact_list_want_near_pages (self);
  _rolo_contact_list_offline_answered (self, index, answer);
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
  _rolo_contact_list_update_loading (self, n_before);

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
    _rolo_contact_list_page_set_rows_state (page, ROLO_CONTACT_STATE_FAILED,
                                            ROLO_CONTACT_STATE_LOADING);
  else
    {
      page_failed (self, page, error);
      report_error (self, error);
    }

  _rolo_contact_list_schedule_dispatch (self, 0);
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
  _rolo_contact_list_page_set_rows_state (page, ROLO_CONTACT_STATE_FAILED,
                                          ROLO_CONTACT_STATE_LOADING);
  self->n_in_flight++;
  _rolo_contact_list_update_loading (self, n_before);

  rolo_client_list_contacts_async (self->client, self->query, page->index,
                                   ROLO_CONTACT_LIST_PAGE_SIZE, page->cancellable,
                                   list_contacts_cb, request);
}

/* Dispatch */

void
_rolo_contact_list_want_page (RoloContactList *self,
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
  _rolo_contact_list_schedule_dispatch (self, 0);
}

/* Wants the pages near the screen that need it, the most recent first. */
void
_rolo_contact_list_want_near_pages (RoloContactList *self)
{
  g_autoptr(GPtrArray) near = g_ptr_array_new ();
  GHashTableIter iter;
  Page *page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    {
      if (_rolo_contact_list_page_is_near (self, page) &&
          _rolo_contact_list_page_needs_load (self, page))
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
      _rolo_contact_list_want_page (self, ((Page *) near->pdata[oldest])->index);
      g_ptr_array_remove_index_fast (near, oldest);
    }
}

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
      if (page->request_id != 0 && !_rolo_contact_list_page_is_near (self, page))
        _rolo_contact_list_page_cancel_request (self, page);
    }
}

static void
dispatch (RoloContactList *self)
{
  gint64 now = g_get_monotonic_time ();

  if (now < self->not_before)
    {
      _rolo_contact_list_schedule_dispatch (self, (self->not_before - now + 999) / 1000);
      return;
    }

  cancel_far_requests (self);
  while (self->n_in_flight < MAX_IN_FLIGHT && self->wanted.length > 0)
    {
      guint index = GPOINTER_TO_UINT (g_queue_pop_head (&self->wanted));
      Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));

      if (page != NULL && _rolo_contact_list_page_needs_load (self, page))
        page_request (self, page);
    }
}

void
_rolo_contact_list_clear_dispatch (RoloContactList *self)
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

  _rolo_contact_list_clear_dispatch (self);
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

void
_rolo_contact_list_schedule_dispatch (RoloContactList *self,
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

void
_rolo_contact_list_start_first_page (RoloContactList *self)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (0));

  if (page == NULL)
    page = _rolo_contact_list_page_new (self, 0);
  _rolo_contact_list_page_touch (self, page);
  if (page->request_id == 0)
    page_request (self, page);
}

/* Forgets everything of the current result set, telling the view. */
void
_rolo_contact_list_reset (RoloContactList *self)
{
  guint old_n = _rolo_contact_list_view_n_items (self);
  GHashTableIter iter;
  Page *page;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
    _rolo_contact_list_page_cancel_request (self, page);
  /* Hidden ids stay hidden in the new result set, wherever they show up. */
  rolo_hidden_rows_unplace_from (self->hidden, 0);
  g_hash_table_remove_all (self->pages);
  g_hash_table_remove_all (self->held);
  g_queue_clear (&self->wanted);
  self->generation++;
  self->page_seq = 0;
  self->auth_failed = FALSE;
  self->n_failures = 0;
  _rolo_contact_list_cancel_auto_retry (self);
  _rolo_contact_list_offline_reset (self);
  self->n_items = 0;

  clear_error (self);
  if (self->loaded)
    {
      self->loaded = FALSE;
      _rolo_contact_list_notify (self, PROP_LOADED);
    }
  _rolo_contact_list_emit_n_items_changed (self, old_n, NO_POSITION);
}
