/* test-contact-list.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* RoloContactList: its first rows, paging, the cache, the total, refresh. */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include "rolo-test-list.h"


typedef struct
{
  RoloContact *contact;
  const char  *name;
} NameWait;

static gboolean
contact_has_name (gpointer user_data)
{
  NameWait *wait = user_data;

  return g_strcmp0 (rolo_contact_get_name (wait->contact), wait->name) == 0;
}

/* RoloContact state and update_from */

static void
test_contact_state (void)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(RoloContact) copy = NULL;
  g_autofree char *nick = NULL;
  guint n_notify = 0;

  g_assert_cmpint (rolo_contact_get_state (contact), ==, ROLO_CONTACT_STATE_READY);
  g_signal_connect (contact, "notify::state", G_CALLBACK (count_notify_cb), &n_notify);
  rolo_contact_set_state (contact, ROLO_CONTACT_STATE_LOADING);
  rolo_contact_set_state (contact, ROLO_CONTACT_STATE_LOADING);
  g_assert_cmpuint (n_notify, ==, 1);
  g_object_set (contact, "state", ROLO_CONTACT_STATE_FAILED, NULL);
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_cmpint (rolo_contact_get_state (contact), ==, ROLO_CONTACT_STATE_FAILED);

  copy = rolo_contact_copy (contact);
  g_assert_cmpint (rolo_contact_get_state (copy), ==, ROLO_CONTACT_STATE_READY);
  g_assert_true (rolo_contact_equal (contact, copy));
  nick = g_enum_to_string (ROLO_TYPE_CONTACT_STATE, ROLO_CONTACT_STATE_LOADING);
  g_assert_cmpstr (nick, ==, "ROLO_CONTACT_STATE_LOADING");
}

static void
test_contact_update_from (void)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(RoloContact) other = rolo_contact_new ();
  g_autoptr(GDateTime) created = g_date_time_new_utc (2024, 5, 1, 10, 0, 0);
  const gint64 tags[] = { 3, 1 };
  guint n_name = 0, n_email = 0, n_id = 0, n_any = 0, n_state = 0;

  rolo_contact_set_state (contact, ROLO_CONTACT_STATE_LOADING);
  rolo_contact_set_email (contact, "same@example.com");
  rolo_contact_set_id (other, 42);
  rolo_contact_set_name (other, "Layla");
  rolo_contact_set_email (other, "same@example.com");
  rolo_contact_set_mobile (other, "0501234567");
  rolo_contact_set_mobile_country_id (other, 966);
  rolo_contact_set_address (other, "Riyadh");
  rolo_contact_set_tax_number (other, "300");
  rolo_contact_set_notes (other, "n");
  rolo_contact_set_sms_notify (other, FALSE);
  rolo_contact_set_contact_type (other, ROLO_CONTACT_TYPE_BUSINESS);
  rolo_contact_set_parent_id (other, 7);
  rolo_contact_set_tag_ids (other, tags, G_N_ELEMENTS (tags));
  rolo_contact_set_created (other, created);

  g_signal_connect (contact, "notify::name", G_CALLBACK (count_notify_cb), &n_name);
  g_signal_connect (contact, "notify::email", G_CALLBACK (count_notify_cb), &n_email);
  g_signal_connect (contact, "notify::id", G_CALLBACK (count_notify_cb), &n_id);
  g_signal_connect (contact, "notify::state", G_CALLBACK (count_notify_cb), &n_state);
  g_signal_connect (contact, "notify", G_CALLBACK (count_notify_cb), &n_any);

  rolo_contact_update_from (contact, other);
  g_assert_true (rolo_contact_equal (contact, other));
  g_assert_cmpuint (n_name, ==, 1);
  g_assert_cmpuint (n_id, ==, 1);
  g_assert_cmpuint (n_email, ==, 0);
  g_assert_cmpuint (n_state, ==, 0);
  /* The twelve fields set on other; not email, the two notify switches left
   * on, nor the state. */
  g_assert_cmpuint (n_any, ==, 12);
  g_assert_cmpint (rolo_contact_get_state (contact), ==, ROLO_CONTACT_STATE_LOADING);

  n_any = 0;
  rolo_contact_update_from (contact, other);
  g_assert_cmpuint (n_any, ==, 0);
}

/* Model tests */

static void
test_first_page (Fixture       *fixture,
                 gconstpointer  data)
{
  const Change expected[] = { { 0, 0, 250 } };
  const guint pages[] = { 0 };
  g_autoptr(GArray) ids = NULL;
  RoloContactList *list = fixture_new_list (fixture, NULL);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == ROLO_TYPE_CONTACT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_false (rolo_contact_list_get_loaded (list));
  g_assert_true (rolo_contact_list_get_loading (list));
  g_assert_nonnull (rolo_contact_list_get_query (list));
  g_assert_true (rolo_contact_list_get_client (list) == fixture->client);

  wait_loaded (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 250);
  assert_changes (fixture, expected, G_N_ELEMENTS (expected));
  g_assert_false (rolo_contact_list_get_loading (list));
  g_assert_null (rolo_contact_list_get_error (list));

  /* The first page is there as soon as n_items is known. */
  ids = truth_ids (fixture, NULL);
  for (guint position = 0; position < PAGE; position++)
    {
      g_autoptr(RoloContact) contact = item_at (fixture, position);

      g_assert_cmpint (rolo_contact_get_state (contact), ==, ROLO_CONTACT_STATE_READY);
      g_assert_cmpint (rolo_contact_get_id (contact), ==, g_array_index (ids, gint64, position));
      g_assert_cmpstr (rolo_contact_get_name (contact), !=, "");
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 250));
  settle (fixture);
  assert_pages_requested (fixture, pages, G_N_ELEMENTS (pages));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  RoloContactList *list = fixture_new_list (fixture, NULL);

  wait_loaded (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));
}

static void
test_placeholder_filled_in_place (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(RoloContact) placeholder = NULL;
  g_autoptr(RoloContact) again = NULL;
  g_autoptr(GArray) ids = NULL;
  const guint pages[] = { 0, 5 };
  guint n_name = 0, n_state = 0;

  fixture_new_list (fixture, NULL);
  wait_loaded (fixture);
  rolo_sandbox_set_latency (fixture->sandbox, 50);

  placeholder = item_at (fixture, 550);
  g_assert_cmpint (rolo_contact_get_state (placeholder), ==, ROLO_CONTACT_STATE_LOADING);
  g_assert_cmpint (rolo_contact_get_id (placeholder), ==, 0);
  g_signal_connect (placeholder, "notify::name", G_CALLBACK (count_notify_cb), &n_name);
  g_signal_connect (placeholder, "notify::state", G_CALLBACK (count_notify_cb), &n_state);

  rolo_test_wait_until (contact_is_ready, placeholder, WAIT_MS);
  g_assert_cmpuint (n_name, ==, 1);
  g_assert_cmpuint (n_state, ==, 1);
  again = item_at (fixture, 550);
  g_assert_true (again == placeholder);

  ids = truth_ids (fixture, NULL);
  g_assert_cmpint (rolo_contact_get_id (placeholder), ==, g_array_index (ids, gint64, 550));
  settle (fixture);
  assert_pages_requested (fixture, pages, G_N_ELEMENTS (pages));
}

static void
test_page_costs_one_request (Fixture       *fixture,
                             gconstpointer  data)
{
  const guint pages[] = { 0, 7, BATCH, 3, 2, 1 };

  fixture_new_list (fixture, NULL);
  wait_loaded (fixture);
  rolo_sandbox_set_latency (fixture->sandbox, 20);

  /* Every row of page 7 while it loads, then again once loaded. */
  for (guint round = 0; round < 2; round++)
    {
      for (guint position = 7 * PAGE; position < 8 * PAGE; position++)
        g_assert_cmpint (state_at (fixture, position), ==,
                         round == 0 ? ROLO_CONTACT_STATE_LOADING : ROLO_CONTACT_STATE_READY);
      settle (fixture);
    }
  /* Rows of a loaded page cost nothing; a new page costs one. */
  for (guint position = 0; position < 4 * PAGE; position += 7)
    g_object_unref (item_at (fixture, position));
  settle (fixture);
  assert_pages_requested (fixture, pages, G_N_ELEMENTS (pages));
  g_assert_cmpint (state_at (fixture, 3 * PAGE + 42), ==, ROLO_CONTACT_STATE_READY);
}

static void
test_in_flight_bound_and_drop (Fixture       *fixture,
                               gconstpointer  data)
{
  const guint pages[] = { 0, BATCH, 20, 19, 18, BATCH, 17, 16, 15, 14, 13 };
  g_autoptr(RoloContact) dropped = NULL;

  fixture_new_list (fixture, NULL);
  wait_loaded (fixture);
  rolo_sandbox_set_latency (fixture->sandbox, 100);

  /* A fast scroll: twenty pages asked for before the loop runs. */
  for (guint index = 1; index <= 20; index++)
    {
      if (index == 5)
        dropped = item_at (fixture, 5 * PAGE);
      else
        touch_page (fixture, index);
    }
  g_assert_cmpuint (rolo_contact_list_get_n_in_flight (fixture->list), ==, 0);
  settle (fixture);

  /* The most recent first, the older ones dropped, never more than three at once. */
  assert_pages_requested (fixture, pages, G_N_ELEMENTS (pages));
  g_assert_cmpuint (fixture->max_in_flight, >=, 1);
  g_assert_cmpuint (fixture->max_in_flight, <=, ROLO_CONTACT_LIST_MAX_IN_FLIGHT);
  g_assert_cmpint (rolo_contact_get_state (dropped), ==, ROLO_CONTACT_STATE_LOADING);
  g_assert_cmpint (state_at (fixture, 13 * PAGE), ==, ROLO_CONTACT_STATE_READY);
  g_assert_cmpuint (rolo_contact_list_get_n_cached_pages (fixture->list), <=,
                    rolo_contact_list_get_max_cached_pages (fixture->list));

  /* Scrolling back to a dropped page asks for it then. */
  touch_page (fixture, 5);
  rolo_test_wait_until (contact_is_ready, dropped, WAIT_MS);
  g_assert_cmpuint (n_list_requests (fixture), ==, 1 + 8 + 1);
}

static gboolean
n_in_flight_is_3 (gpointer user_data)
{
  Fixture *fixture = user_data;

  return rolo_contact_list_get_n_in_flight (fixture->list) == 3 &&
         n_list_requests (fixture) == 4;
}

static void
test_far_requests_cancelled (Fixture       *fixture,
                             gconstpointer  data)
{
  const guint pages[] = {
    0, BATCH, 3, 2, 1, BATCH, 40, 39, 38, BATCH, 37, 36, 35, 34, 33
  };
  g_autoptr(RoloContact) far = NULL;

  fixture_new_list (fixture, NULL);
  wait_loaded (fixture);
  rolo_sandbox_set_latency (fixture->sandbox, 300);

  far = item_at (fixture, PAGE + 1);
  touch_page (fixture, 2);
  touch_page (fixture, 3);
  rolo_test_wait_until (n_in_flight_is_3, fixture, WAIT_MS);

  for (guint index = 30; index <= 40; index++)
    touch_page (fixture, index);
  settle (fixture);
  rolo_test_iterate_for (600);

  assert_pages_requested (fixture, pages, G_N_ELEMENTS (pages));
  g_assert_cmpuint (fixture->max_in_flight, <=, ROLO_CONTACT_LIST_MAX_IN_FLIGHT);
  /* Its answer was not waited for. */
  g_assert_cmpint (rolo_contact_get_state (far), ==, ROLO_CONTACT_STATE_LOADING);
  g_assert_cmpint (state_at (fixture, 40 * PAGE), ==, ROLO_CONTACT_STATE_READY);
}

static void
test_query_change (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autoptr(RoloContact) old_3 = NULL;
  g_autoptr(RoloContact) old_4 = NULL;
  g_autoptr(GArray) ids = NULL;
  RoloContactList *list = fixture_new_list (fixture, NULL);
  guint n_query = 0, n_loaded = 0, total;

  wait_loaded (fixture);
  rolo_sandbox_set_latency (fixture->sandbox, 200);
  old_3 = item_at (fixture, 3 * PAGE);
  old_4 = item_at (fixture, 4 * PAGE);
  touch_page (fixture, 5);
  rolo_test_wait_until (n_in_flight_is_3, fixture, WAIT_MS);

  g_signal_connect (list, "notify::query", G_CALLBACK (count_notify_cb), &n_query);
  g_signal_connect (list, "notify::loaded", G_CALLBACK (count_notify_cb), &n_loaded);
  rolo_contact_query_set_contact_type (query, ROLO_CONTACT_TYPE_BUSINESS);
  rolo_contact_list_set_query (list, query);

  /* The old result set is gone at once, its requests cancelled. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_false (rolo_contact_list_get_loaded (list));
  g_assert_cmpuint (rolo_contact_list_get_n_in_flight (list), ==, 1);
  g_assert_cmpuint (n_query, ==, 1);
  g_assert_true (rolo_contact_query_equal (rolo_contact_list_get_query (list), query));

  /* Setting an equal query changes nothing. */
  rolo_contact_list_set_query (list, query);
  g_assert_cmpuint (n_query, ==, 1);

  wait_loaded (fixture);
  g_assert_cmpuint (n_list_requests (fixture), ==, 5);
  ids = truth_ids (fixture, query);
  total = ids->len;
  g_assert_cmpuint (total, >, 0);
  g_assert_cmpuint (total, <, 1000);
  {
    const Change expected[] = { { 0, 0, 1000 }, { 0, 1000, 0 }, { 0, 0, total } };

    /* Late answers of the old query change nothing. */
    rolo_test_iterate_for (600);
    settle (fixture);
    assert_changes (fixture, expected, G_N_ELEMENTS (expected));
  }
  g_assert_cmpuint (n_loaded, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, total);
  g_assert_cmpint (rolo_contact_get_state (old_3), ==, ROLO_CONTACT_STATE_LOADING);
  g_assert_cmpint (rolo_contact_get_state (old_4), ==, ROLO_CONTACT_STATE_LOADING);
  for (guint position = 0; position < MIN (total, PAGE); position++)
    {
      g_autoptr(RoloContact) contact = item_at (fixture, position);

      g_assert_cmpint (rolo_contact_get_contact_type (contact), ==, ROLO_CONTACT_TYPE_BUSINESS);
      g_assert_cmpint (rolo_contact_get_id (contact), ==, g_array_index (ids, gint64, position));
    }
  assert_rows_match_server (fixture);
}

static void
test_walk_keeps_cache_bounded (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  RoloContactList *list = fixture_new_list (fixture, NULL);
  guint max_pages = rolo_contact_list_get_max_cached_pages (list);
  guint n;

  wait_loaded (fixture);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 20000);
  g_assert_cmpuint (max_pages, >=, 2);

  for (guint position = 0; position < n; position++)
    {
      g_autoptr(RoloContact) contact = item_at (fixture, position);

      if (position % PAGE == 0)
        rolo_test_wait_until (contact_is_ready, contact, WAIT_MS);
      g_assert_cmpuint (rolo_contact_list_get_n_cached_pages (list), <=, max_pages);
      /* Memory stays flat: the contacts alive are those of the cached pages. */
      g_assert_cmpuint (g_hash_table_size (fixture->live), <=, max_pages * PAGE);
      g_hash_table_add (ids, g_memdup2 (&(gint64) { rolo_contact_get_id (contact) },
                                        sizeof (gint64)));
    }
  settle (fixture);

  /* Each page once, every row seen once. */
  g_assert_cmpuint (n_list_requests (fixture), ==, n / PAGE);
  g_assert_cmpuint (g_hash_table_size (ids), ==, n);
  g_assert_cmpuint (fixture->max_in_flight, <=, ROLO_CONTACT_LIST_MAX_IN_FLIGHT);
}

static void
test_held_contact_refilled_in_place (Fixture       *fixture,
                                     gconstpointer  data)
{
  RoloContactList *list = fixture_new_list (fixture, NULL);
  guint max_pages = rolo_contact_list_get_max_cached_pages (list);
  g_autoptr(RoloContact) held = NULL;
  g_autoptr(RoloContact) again = NULL;
  NameWait wait;
  guint n_state = 0, n_before;

  wait_loaded (fixture);
  held = item_at (fixture, 5);
  g_assert_cmpint (rolo_contact_get_state (held), ==, ROLO_CONTACT_STATE_READY);
  rename_contact (fixture, held, "Held Elsewhere");
  g_assert_cmpstr (rolo_contact_get_name (held), !=, "Held Elsewhere");
  g_signal_connect (held, "notify::state", G_CALLBACK (count_notify_cb), &n_state);

  /* Scroll far enough for page 0 to leave the cache, as a row widget keeps
   * showing the contact. */
  for (guint index = 1; index <= max_pages + 5; index++)
    {
      g_autoptr(RoloContact) contact = item_at (fixture, index * PAGE);

      rolo_test_wait_until (contact_is_ready, contact, WAIT_MS);
    }
  settle (fixture);
  g_assert_cmpuint (rolo_contact_list_get_n_cached_pages (list), <=, max_pages);
  g_assert_cmpuint (g_hash_table_size (fixture->live), <=, max_pages * PAGE + 1);

  n_before = n_list_requests (fixture);
  again = item_at (fixture, 5);
  g_assert_true (again == held);
  wait.contact = held;
  wait.name = "Held Elsewhere";
  rolo_test_wait_until (contact_has_name, &wait, WAIT_MS);
  settle (fixture);
  g_assert_cmpuint (n_list_requests (fixture), ==, n_before + 1);
  g_assert_cmpuint (g_array_index (fixture->pages_requested, guint, n_before), ==, 0);
  /* It kept showing its data while its page reloaded. */
  g_assert_cmpuint (n_state, ==, 0);
  g_assert_cmpint (rolo_contact_get_state (held), ==, ROLO_CONTACT_STATE_READY);
}

static void
test_total_grows (Fixture       *fixture,
                  gconstpointer  data)
{
  const Change expected[] = { { 0, 0, 250 }, { 250, 0, 30 } };
  RoloContactList *list = fixture_new_list (fixture, NULL);
  g_autoptr(RoloContact) tail = NULL;
  guint n_notify = 0;

  wait_loaded (fixture);
  g_signal_connect (list, "notify::n-items", G_CALLBACK (count_notify_cb), &n_notify);

  /* Someone adds contacts before the view asks for page 2. */
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Added %u", i);

      create_contact (fixture, name);
    }
  tail = item_at (fixture, 249);
  rolo_test_wait_until (contact_is_ready, tail, WAIT_MS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 280);
  g_assert_cmpuint (n_notify, ==, 1);
  settle (fixture);
  assert_changes (fixture, expected, G_N_ELEMENTS (expected));

  /* Rows the view already has moved; a refresh puts every row right. */
  rolo_contact_list_refresh (list);
  assert_rows_match_server (fixture);
  assert_changes (fixture, expected, G_N_ELEMENTS (expected));
}

static void
test_total_shrinks (Fixture       *fixture,
                    gconstpointer  data)
{
  const Change expected[] = { { 0, 0, 250 }, { 190, 60, 0 } };
  RoloContactList *list = fixture_new_list (fixture, NULL);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(RoloContact) gone = NULL;

  wait_loaded (fixture);
  ids = truth_ids (fixture, NULL);

  /* Someone deletes contacts before the view asks for page 2, which they
   * empty. */
  for (guint i = 0; i < 60; i++)
    delete_contact (fixture, g_array_index (ids, gint64, 10 + i));
  gone = item_at (fixture, 220);
  g_assert_cmpint (rolo_contact_get_state (gone), ==, ROLO_CONTACT_STATE_LOADING);
  settle (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 190);
  assert_changes (fixture, expected, G_N_ELEMENTS (expected));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 190));
  g_assert_cmpuint (rolo_contact_list_get_n_cached_pages (list), ==, 1);
  g_assert_cmpint (rolo_contact_get_state (gone), ==, ROLO_CONTACT_STATE_LOADING);

  /* Page 0 holds rows that moved: a refresh puts every row right. */
  rolo_contact_list_refresh (list);
  assert_rows_match_server (fixture);
  assert_changes (fixture, expected, G_N_ELEMENTS (expected));
}

static void
test_total_changes_on_refresh (Fixture       *fixture,
                               gconstpointer  data)
{
  const Change expected[] = { { 0, 0, 250 }, { 250, 0, 5 }, { 240, 15, 0 } };
  RoloContactList *list = fixture_new_list (fixture, NULL);
  g_autoptr(GArray) ids = NULL;

  wait_loaded (fixture);
  assert_rows_match_server (fixture);
  for (guint i = 0; i < 5; i++)
    create_contact (fixture, "Fresh");
  rolo_contact_list_refresh (list);
  settle (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 255);
  assert_rows_match_server (fixture);

  ids = truth_ids (fixture, NULL);
  for (guint i = 0; i < 15; i++)
    delete_contact (fixture, g_array_index (ids, gint64, 100 + i));
  rolo_contact_list_refresh (list);
  settle (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 240);
  assert_rows_match_server (fixture);
  assert_changes (fixture, expected, G_N_ELEMENTS (expected));
}

static void
test_refresh_keeps_rows (Fixture       *fixture,
                         gconstpointer  data)
{
  const Change expected[] = { { 0, 0, 250 } };
  RoloContactList *list = fixture_new_list (fixture, NULL);
  g_autoptr(RoloContact) first = NULL;
  g_autoptr(RoloContact) again = NULL;
  NameWait wait;
  guint n_state = 0;

  wait_loaded (fixture);
  first = item_at (fixture, 0);
  rename_contact (fixture, first, "Renamed");
  g_signal_connect (first, "notify::state", G_CALLBACK (count_notify_cb), &n_state);

  rolo_contact_list_refresh (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 250);
  wait.contact = first;
  wait.name = "Renamed";
  rolo_test_wait_until (contact_has_name, &wait, WAIT_MS);
  settle (fixture);

  again = item_at (fixture, 0);
  g_assert_true (again == first);
  g_assert_cmpuint (n_state, ==, 0);
  assert_changes (fixture, expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (n_list_requests (fixture), ==, 2);
}

static gboolean
three_requests (gpointer user_data)
{
  return n_list_requests (user_data) == 3;
}

static void
test_dispose_while_loading (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(RoloContact) row = NULL;

  fixture_new_list (fixture, NULL);
  wait_loaded (fixture);
  rolo_sandbox_set_latency (fixture->sandbox, 100);
  row = item_at (fixture, 3 * PAGE);
  touch_page (fixture, 4);
  rolo_test_wait_until (three_requests, fixture, WAIT_MS);
  g_assert_cmpuint (rolo_contact_list_get_n_in_flight (fixture->list), ==, 2);
  g_clear_object (&fixture->list);
  rolo_test_iterate_for (300);

  /* Nothing fills a contact once its list is gone. */
  g_assert_cmpint (rolo_contact_get_state (row), ==, ROLO_CONTACT_STATE_LOADING);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/contact-list/contact/state", test_contact_state);
  g_test_add_func ("/client/contact-list/contact/update-from", test_contact_update_from);
  ADD_TEST ("/client/contact-list/first-page", 250, test_first_page);
  ADD_TEST ("/client/contact-list/empty", 0, test_empty);
  ADD_TEST ("/client/contact-list/placeholder/filled-in-place", 1000,
            test_placeholder_filled_in_place);
  ADD_TEST ("/client/contact-list/paging/one-request-per-page", 1000, test_page_costs_one_request);
  ADD_TEST ("/client/contact-list/paging/in-flight-bound-and-drop", 5000,
            test_in_flight_bound_and_drop);
  ADD_TEST ("/client/contact-list/paging/far-requests-cancelled", 5000,
            test_far_requests_cancelled);
  ADD_TEST ("/client/contact-list/query/change-cancels", 1000, test_query_change);
  ADD_TEST ("/client/contact-list/cache/walk-20000", 20000, test_walk_keeps_cache_bounded);
  ADD_TEST ("/client/contact-list/cache/held-refilled-in-place", 5000,
            test_held_contact_refilled_in_place);
  ADD_TEST ("/client/contact-list/total/grows", 250, test_total_grows);
  ADD_TEST ("/client/contact-list/total/shrinks", 250, test_total_shrinks);
  ADD_TEST ("/client/contact-list/total/changes-on-refresh", 250, test_total_changes_on_refresh);
  ADD_TEST ("/client/contact-list/refresh/keeps-rows", 250, test_refresh_keeps_rows);
  ADD_TEST ("/client/contact-list/dispose-while-loading", 1000, test_dispose_while_loading);

  return g_test_run ();
}
