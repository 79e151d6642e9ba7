/* test-contact-list-hide.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* RoloContactList's hidden rows (those being deleted). */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include "rolo-test-list.h"

static gint64
id_at (Fixture *fixture,
       guint    position)
{
  g_autoptr(RoloContact) contact = item_at (fixture, position);

  rolo_test_wait_until (contact_is_ready, contact, WAIT_MS);
  return rolo_contact_get_id (contact);
}

/* The server's ids in order, without those given. */
static GArray *
truth_ids_without (Fixture      *fixture,
                   const gint64 *hidden,
                   guint         n_hidden)
{
  GArray *ids = truth_ids (fixture, NULL);

  for (guint i = ids->len; i > 0; i--)
    {
      for (guint h = 0; h < n_hidden; h++)
        {
          if (g_array_index (ids, gint64, i - 1) == hidden[h])
            {
              g_array_remove_index (ids, i - 1);
              break;
            }
        }
    }
  return ids;
}

/* Loads every row, then checks the list holds exactly these ids, in order. */
static void
assert_rows_are (Fixture *fixture,
                 GArray  *expected)
{
  /* Rows found hidden as their pages arrive leave while this walks. */
  for (guint position = 0;
       position < g_list_model_get_n_items (G_LIST_MODEL (fixture->list));
       position++)
    g_assert_cmpint (id_at (fixture, position), !=, 0);
  settle (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->list)), ==, expected->len);
  for (guint position = 0; position < expected->len; position++)
    {
      g_autoptr(RoloContact) contact = item_at (fixture, position);

      g_assert_cmpint (rolo_contact_get_state (contact), ==, ROLO_CONTACT_STATE_READY);
      g_assert_cmpint (rolo_contact_get_id (contact), ==,
                       g_array_index (expected, gint64, position));
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fixture->list), expected->len));
}

static void
assert_rows_without (Fixture      *fixture,
                     const gint64 *hidden,
                     guint         n_hidden)
{
  g_autoptr(GArray) expected = truth_ids_without (fixture, hidden, n_hidden);

  assert_rows_are (fixture, expected);
}

static void
test_hide_runs (Fixture       *fixture,
                gconstpointer  data)
{
  const Change expected[] = {
    { 0, 0, 250 }, { 5, 1, 0 }, { 9, 3, 0 },   /* hide */
    { 5, 0, 1 }, { 10, 0, 1 },                 /* unhide two */
    { 10, 0, 1 }, { 12, 0, 1 },                /* unhide the others */
  };
  RoloContactList *list = fixture_new_list (fixture, NULL);
  gint64 ids[4];
  gint64 some[2];
  gint64 remaining[2];
  gint64 others[3];
  guint n_notify = 0;

  wait_loaded (fixture);
  /* Not in order, on purpose. */
  ids[0] = id_at (fixture, 12);
  ids[1] = id_at (fixture, 5);
  ids[2] = id_at (fixture, 10);
  ids[3] = id_at (fixture, 11);
  g_signal_connect (list, "notify::n-items", G_CALLBACK (count_notify_cb), &n_notify);

  rolo_contact_list_hide (list, ids, G_N_ELEMENTS (ids));
  assert_changes (fixture, expected, 3);
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 246);
  g_assert_true (rolo_contact_list_is_hidden (list, ids[0]));
  assert_rows_without (fixture, ids, G_N_ELEMENTS (ids));

  /* Hiding again changes nothing. */
  rolo_contact_list_hide (list, ids, 2);
  assert_changes (fixture, expected, 3);

  some[0] = ids[3];
  some[1] = ids[1];
  rolo_contact_list_unhide (list, some, G_N_ELEMENTS (some));
  assert_changes (fixture, expected, 5);
  g_assert_false (rolo_contact_list_is_hidden (list, ids[1]));
  remaining[0] = ids[0];
  remaining[1] = ids[2];
  assert_rows_without (fixture, remaining, G_N_ELEMENTS (remaining));

  others[0] = ids[2];
  others[1] = ids[0];
  others[2] = 987654321;     /* not hidden: ignored */
  rolo_contact_list_unhide (list, others, G_N_ELEMENTS (others));
  assert_changes (fixture, expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (n_notify, ==, 3);
  assert_rows_match_server (fixture);
  assert_changes (fixture, expected, G_N_ELEMENTS (expected));
}

static void
test_hide_survives_refresh (Fixture       *fixture,
                            gconstpointer  data)
{
  const Change expected[] = {
    { 0, 0, 250 }, { 5, 1, 0 }, { 149, 1, 0 }, { 218, 1, 0 },
    { 5, 0, 1 }, { 150, 0, 1 }, { 220, 0, 1 },
  };
  RoloContactList *list = fixture_new_list (fixture, NULL);
  gint64 ids[3];
  guint n_before;

  wait_loaded (fixture);
  ids[0] = id_at (fixture, 5);
  ids[1] = id_at (fixture, 150);
  ids[2] = id_at (fixture, 220);
  settle (fixture);
  rolo_contact_list_hide (list, ids, G_N_ELEMENTS (ids));
  assert_changes (fixture, expected, 4);

  n_before = n_list_requests (fixture);
  rolo_contact_list_refresh (list);
  settle (fixture);
  g_assert_cmpuint (n_list_requests (fixture), ==, n_before + 3);
  assert_changes (fixture, expected, 4);
  assert_rows_without (fixture, ids, G_N_ELEMENTS (ids));

  rolo_contact_list_unhide (list, ids, G_N_ELEMENTS (ids));
  assert_changes (fixture, expected, G_N_ELEMENTS (expected));
  assert_rows_match_server (fixture);
}

static void
test_hide_survives_eviction (Fixture       *fixture,
                             gconstpointer  data)
{
  const Change expected[] = { { 0, 0, 5000 }, { 5, 1, 0 }, { 249, 1, 0 } };
  RoloContactList *list = fixture_new_list (fixture, NULL);
  guint max_pages = rolo_contact_list_get_max_cached_pages (list);
  g_autoptr(GArray) rows = NULL;
  guint n_page_0 = 0;
  gint64 ids[2];

  wait_loaded (fixture);
  ids[0] = id_at (fixture, 5);
  ids[1] = id_at (fixture, 250);
  rolo_contact_list_hide (list, ids, G_N_ELEMENTS (ids));
  assert_changes (fixture, expected, G_N_ELEMENTS (expected));

  /* Far enough for pages 0 and 2 to leave the cache, then back. */
  for (guint index = 4; index < 4 + max_pages + 2; index++)
    g_assert_cmpint (id_at (fixture, index * PAGE), !=, 0);
  settle (fixture);
  g_assert_cmpuint (rolo_contact_list_get_n_cached_pages (list), <=, max_pages);

  rows = truth_ids_without (fixture, ids, G_N_ELEMENTS (ids));
  for (guint position = 0; position < 3 * PAGE; position++)
    g_assert_cmpint (id_at (fixture, position), ==, g_array_index (rows, gint64, position));
  settle (fixture);
  for (guint i = 0; i < n_list_requests (fixture); i++)
    n_page_0 += g_array_index (fixture->pages_requested, guint, i) == 0;
  g_assert_cmpuint (n_page_0, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4998);
  assert_changes (fixture, expected, G_N_ELEMENTS (expected));
}

/* Others create and delete contacts while one is hidden: it stays hidden
 * where it moved; once deleted, the list ends up as the server. */
static void
test_hide_follows_moves (Fixture       *fixture,
                         gconstpointer  data)
{
  RoloContactList *list = fixture_new_list (fixture, NULL);
  g_autoptr(GArray) before = NULL;
  gint64 hidden;

  wait_loaded (fixture);
  assert_rows_match_server (fixture);
  hidden = id_at (fixture, 150);
  rolo_contact_list_hide (list, &hidden, 1);

  before = truth_ids (fixture, NULL);
  delete_contact (fixture, g_array_index (before, gint64, 10));
  for (guint i = 0; i < 3; i++)
    create_contact (fixture, "Newcomer");
  rolo_contact_list_refresh (list);
  settle (fixture);
  g_assert_true (rolo_contact_list_is_hidden (list, hidden));
  assert_rows_without (fixture, &hidden, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 251);

  /* The server deletes it. */
  delete_contact (fixture, hidden);
  rolo_contact_list_forget_hidden (list, &hidden, 1);
  g_assert_false (rolo_contact_list_is_hidden (list, hidden));
  rolo_contact_list_refresh (list);
  settle (fixture);
  assert_rows_match_server (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 251);
}

static void
test_hide_forget_converges (Fixture       *fixture,
                            gconstpointer  data)
{
  RoloContactList *list = fixture_new_list (fixture, NULL);
  gint64 ids[2];

  wait_loaded (fixture);
  ids[0] = id_at (fixture, 40);
  ids[1] = id_at (fixture, 150);
  rolo_contact_list_hide (list, ids, G_N_ELEMENTS (ids));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 248);

  delete_contact (fixture, ids[0]);
  delete_contact (fixture, ids[1]);
  rolo_contact_list_forget_hidden (list, ids, G_N_ELEMENTS (ids));
  /* Hidden until the pages come back without them: no flicker. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 248);
  rolo_contact_list_refresh (list);
  settle (fixture);
  assert_rows_match_server (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 248);
}

/* A hidden id stays hidden in a new result set, wherever it shows up. */
static void
test_hide_across_queries (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  RoloContactList *list = fixture_new_list (fixture, NULL);
  g_autoptr(GArray) ids = NULL;
  gint64 hidden;

  wait_loaded (fixture);
  hidden = id_at (fixture, 3);
  rolo_contact_list_hide (list, &hidden, 1);

  rolo_contact_query_set_sort_by (query, ROLO_CONTACT_SORT_NAME);
  rolo_contact_list_set_query (list, query);
  wait_loaded (fixture);
  ids = truth_ids (fixture, query);
  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == hidden)
        g_array_remove_index (ids, i--);
    }
  assert_rows_are (fixture, ids);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/client/contact-list/hide/runs", 250, test_hide_runs);
  ADD_TEST ("/client/contact-list/hide/survives-refresh", 250, test_hide_survives_refresh);
  ADD_TEST ("/client/contact-list/hide/survives-eviction", 5000, test_hide_survives_eviction);
  ADD_TEST ("/client/contact-list/hide/follows-moves", 250, test_hide_follows_moves);
  ADD_TEST ("/client/contact-list/hide/forget-converges", 250, test_hide_forget_converges);
  ADD_TEST ("/client/contact-list/hide/across-queries", 250, test_hide_across_queries);

  return g_test_run ();
}
