/* test-page-cache.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* RoloPageCache: the list pages kept on disk for reading offline. */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "rolo-page-cache.h"
#include "rolo-test-utils.h"

#define URL_A "http://127.0.0.1:8001"
#define URL_B "http://127.0.0.1:8002"

typedef struct
{
  char          *dir;
  char          *path;
  RoloPageCache *cache;
  char          *account;
  char          *query_key;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();

  fixture->dir = g_dir_make_tmp ("rolo-page-cache-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "rolo", "pages.sqlite", NULL);
  fixture->cache = rolo_page_cache_new (fixture->path);
  fixture->account = rolo_page_cache_account_key (URL_A, ROLO_TEST_ACCESS_KEY);
  fixture->query_key = rolo_page_cache_query_key (query, 100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->cache));
  rolo_test_remove_tmp_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->account, g_free);
  g_clear_pointer (&fixture->query_key, g_free);
}

static RoloContact *
make_contact (gint64      id,
              const char *name)
{
  RoloContact *contact = rolo_contact_new ();
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 3, 14, 9, 26, 53);
  g_autofree char *email = g_strdup_printf ("c%" G_GINT64_FORMAT "@example.org", id);

  rolo_contact_set_id (contact, id);
  rolo_contact_set_name (contact, name);
  rolo_contact_set_email (contact, email);
  rolo_contact_set_mobile (contact, "5551234");
  rolo_contact_set_contact_type (contact, id % 2 ? ROLO_CONTACT_TYPE_INDIVIDUAL
                                                 : ROLO_CONTACT_TYPE_BUSINESS);
  rolo_contact_set_created (contact, created);
  return contact;
}

/* A page of @n contacts whose ids start at @first_id. */
static RoloContactPage *
make_page (guint  index,
           gint64 first_id,
           guint  n,
           guint  total)
{
  g_autoptr(GListStore) store = g_list_store_new (ROLO_TYPE_CONTACT);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Contact %u", (guint) (first_id + i));
      g_autoptr(RoloContact) contact = make_contact (first_id + i, name);

      g_list_store_append (store, contact);
    }
  return rolo_contact_page_new (index + 1, total, (total + 99) / 100, G_LIST_MODEL (store));
}

static gint64
first_id (RoloContactPage *page)
{
  GListModel *contacts = rolo_contact_page_get_contacts (page);
  g_autoptr(RoloContact) contact = g_list_model_get_item (contacts, 0);

  return contact != NULL ? rolo_contact_get_id (contact) : -1;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RoloContactPage) page = make_page (2, 201, 3, 250);
  g_autoptr(RoloContactPage) loaded = NULL;
  g_autoptr(GDateTime) fetched_at = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GDateTime) after = NULL;
  GListModel *contacts;

  g_assert_null (rolo_page_cache_load (fixture->cache, fixture->account, fixture->query_key,
                                       2, NULL));
  rolo_page_cache_store (fixture->cache, fixture->account, fixture->query_key, 2, page);
  after = g_date_time_new_now_local ();

  loaded = rolo_page_cache_load (fixture->cache, fixture->account, fixture->query_key, 2,
                                 &fetched_at);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (rolo_contact_page_get_total_records (loaded), ==, 250);
  g_assert_cmpuint (rolo_contact_page_get_total_pages (loaded), ==, 3);
  g_assert_cmpuint (rolo_contact_page_get_current_page (loaded), ==, 3);
  g_assert_nonnull (fetched_at);
  g_assert_cmpint (g_date_time_compare (before, fetched_at), <=, 0);
  g_assert_cmpint (g_date_time_compare (fetched_at, after), <=, 0);

  contacts = rolo_contact_page_get_contacts (loaded);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RoloContact) stored = g_list_model_get_item (rolo_contact_page_get_contacts (page),
                                                             i);
      g_autoptr(RoloContact) read = g_list_model_get_item (contacts, i);

      g_assert_cmpint (rolo_contact_get_id (read), ==, rolo_contact_get_id (stored));
      g_assert_cmpstr (rolo_contact_get_name (read), ==, rolo_contact_get_name (stored));
      g_assert_cmpstr (rolo_contact_get_email (read), ==, rolo_contact_get_email (stored));
      g_assert_cmpstr (rolo_contact_get_mobile (read), ==, rolo_contact_get_mobile (stored));
      g_assert_cmpint (rolo_contact_get_contact_type (read), ==,
                       rolo_contact_get_contact_type (stored));
      g_assert_true (g_date_time_equal (rolo_contact_get_created (read),
                                        rolo_contact_get_created (stored)));
    }

  /* A newer answer for the same page replaces it. */
  g_clear_object (&page);
  page = make_page (2, 900, 1, 201);
  rolo_page_cache_store (fixture->cache, fixture->account, fixture->query_key, 2, page);
  g_clear_object (&loaded);
  loaded = rolo_page_cache_load (fixture->cache, fixture->account, fixture->query_key, 2, NULL);
  g_assert_cmpint (first_id (loaded), ==, 900);
  g_assert_cmpuint (rolo_contact_page_get_total_records (loaded), ==, 201);
  g_assert_cmpuint (rolo_page_cache_get_n_pages (fixture->cache), ==, 1);
}

static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *same = rolo_page_cache_account_key (URL_A, ROLO_TEST_ACCESS_KEY);
  g_autofree char *other_key = rolo_page_cache_account_key (URL_A, "another-access-key");
  g_autofree char *other_url = rolo_page_cache_account_key (URL_B, ROLO_TEST_ACCESS_KEY);
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autofree char *search_key = NULL;
  g_autofree char *type_key = NULL;
  g_autofree char *size_key = NULL;
  const char *accounts[] = { fixture->account, other_key, other_url };
  const char *queries[3];

  g_assert_cmpstr (same, ==, fixture->account);
  g_assert_cmpuint (strlen (fixture->account), ==, 64);
  g_assert_null (strstr (fixture->account, ROLO_TEST_ACCESS_KEY));
  g_assert_cmpstr (other_key, !=, fixture->account);
  g_assert_cmpstr (other_url, !=, fixture->account);

  rolo_contact_query_set_search (query, "ann");
  search_key = rolo_page_cache_query_key (query, 100);
  size_key = rolo_page_cache_query_key (query, 50);
  rolo_contact_query_set_search (query, "");
  rolo_contact_query_set_contact_type (query, ROLO_CONTACT_TYPE_BUSINESS);
  type_key = rolo_page_cache_query_key (query, 100);
  g_assert_cmpstr (search_key, !=, fixture->query_key);
  g_assert_cmpstr (search_key, !=, size_key);
  g_assert_cmpstr (type_key, !=, fixture->query_key);
  queries[0] = fixture->query_key;
  queries[1] = search_key;
  queries[2] = type_key;

  /* Each account and query keeps its own page 0. */
  for (guint a = 0; a < 3; a++)
    for (guint q = 0; q < 3; q++)
      {
        g_autoptr(RoloContactPage) page = make_page (0, 1 + 10 * a + q, 1, 1);

        rolo_page_cache_store (fixture->cache, accounts[a], queries[q], 0, page);
      }
  for (guint a = 0; a < 3; a++)
    for (guint q = 0; q < 3; q++)
      {
        g_autoptr(RoloContactPage) page = rolo_page_cache_load (fixture->cache, accounts[a],
                                                                queries[q], 0, NULL);

        g_assert_nonnull (page);
        g_assert_cmpint (first_id (page), ==, 1 + 10 * a + q);
      }

  /* Forgetting one account leaves the others. */
  rolo_page_cache_forget_account (fixture->cache, other_key);
  g_assert_cmpuint (rolo_page_cache_get_n_pages (fixture->cache), ==, 6);
  for (guint q = 0; q < 3; q++)
    {
      g_autoptr(RoloContactPage) gone = rolo_page_cache_load (fixture->cache, other_key,
                                                              queries[q], 0, NULL);
      g_autoptr(RoloContactPage) kept = rolo_page_cache_load (fixture->cache, other_url,
                                                              queries[q], 0, NULL);

      g_assert_null (gone);
      g_assert_nonnull (kept);
    }
}

/* Neither key reaches the file: not the secret, not even the access key. */
static void
test_no_keys_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RoloContactPage) page = make_page (0, 1, 20, 20);
  g_autoptr(RoloContactPage) loaded = NULL;
  GStatBuf buf;

  rolo_page_cache_store (fixture->cache, fixture->account, fixture->query_key, 0, page);
  loaded = rolo_page_cache_load (fixture->cache, fixture->account, fixture->query_key, 0, NULL);
  g_assert_nonnull (loaded);

  g_assert_true (rolo_test_file_contains (fixture->path, "c1@example.org"));
  g_assert_false (rolo_test_file_contains (fixture->path, ROLO_TEST_ACCESS_KEY));
  g_assert_false (rolo_test_file_contains (fixture->path, ROLO_TEST_SECRET_KEY));
  /* It holds contacts: its owner's alone. */
  g_assert_cmpint (g_stat (fixture->path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0077, ==, 0);
}

static void
test_eviction (Fixture       *fixture,
               gconstpointer  data)
{
  rolo_page_cache_set_max_pages (fixture->cache, 3);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(RoloContactPage) page = make_page (i, 1 + 100 * i, 2, 500);

      rolo_page_cache_store (fixture->cache, fixture->account, fixture->query_key, i, page);
      g_assert_cmpuint (rolo_page_cache_get_n_pages (fixture->cache), <=, 3);
    }

  g_assert_cmpuint (rolo_page_cache_get_n_pages (fixture->cache), ==, 3);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(RoloContactPage) page = rolo_page_cache_load (fixture->cache, fixture->account,
                                                              fixture->query_key, i, NULL);

      /* The oldest went. */
      if (i < 2)
        g_assert_null (page);
      else
        g_assert_cmpint (first_id (page), ==, 1 + 100 * i);
    }
}

static void
use_garbage_file (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  char garbage[4096];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char) (i * 7 + 3);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (fixture->path, garbage, sizeof garbage, &error);
  g_assert_no_error (error);
}

static void
test_corrupt_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RoloContactPage) page = make_page (0, 7, 2, 2);
  g_autoptr(RoloContactPage) loaded = NULL;

  g_assert_finalize_object (g_steal_pointer (&fixture->cache));
  use_garbage_file (fixture);
  fixture->cache = rolo_page_cache_new (fixture->path);

  /* Nothing to read, then a fresh file that works. */
  g_assert_null (rolo_page_cache_load (fixture->cache, fixture->account, fixture->query_key, 0,
                                       NULL));
  rolo_page_cache_store (fixture->cache, fixture->account, fixture->query_key, 0, page);
  loaded = rolo_page_cache_load (fixture->cache, fixture->account, fixture->query_key, 0, NULL);
  g_assert_cmpint (first_id (loaded), ==, 7);
}

/* A place that cannot hold a file: nothing kept, nothing fails. */
static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (fixture->dir, "not-a-dir", NULL);
  g_autofree char *path = g_build_filename (blocker, "pages.sqlite", NULL);
  g_autoptr(RoloPageCache) cache = NULL;
  g_autoptr(RoloContactPage) page = make_page (0, 7, 2, 2);

  g_file_set_contents (blocker, "", 0, &error);
  g_assert_no_error (error);
  cache = rolo_page_cache_new (path);
  rolo_page_cache_store (cache, fixture->account, fixture->query_key, 0, page);
  g_assert_null (rolo_page_cache_load (cache, fixture->account, fixture->query_key, 0, NULL));
  g_assert_cmpuint (rolo_page_cache_get_n_pages (cache), ==, 0);
}

static void
test_clear (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RoloContactPage) page = make_page (0, 7, 2, 2);
  g_autoptr(RoloContactPage) loaded = NULL;
  GAsyncResult *result = NULL;

  rolo_page_cache_store (fixture->cache, fixture->account, fixture->query_key, 0, page);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  rolo_page_cache_clear (fixture->cache);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  /* And the asynchronous way in. */
  rolo_page_cache_store (fixture->cache, fixture->account, fixture->query_key, 0, page);
  rolo_page_cache_load_async (fixture->cache, fixture->account, fixture->query_key, 0, NULL,
                              rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, 10000);
  loaded = rolo_page_cache_load_finish (fixture->cache, result, NULL, NULL);
  g_assert_cmpint (first_id (loaded), ==, 7);

  /* The worker thread lets go of the task (and the cache) a little later. */
  g_object_add_weak_pointer (G_OBJECT (result), (gpointer *) &result);
  g_object_unref (result);
  while (g_atomic_pointer_get (&result) != NULL)
    g_usleep (1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/client/page-cache/round-trip", test_round_trip);
  ADD ("/client/page-cache/keys", test_keys);
  ADD ("/client/page-cache/no-keys-on-disk", test_no_keys_on_disk);
  ADD ("/client/page-cache/eviction", test_eviction);
  ADD ("/client/page-cache/corrupt-file", test_corrupt_file);
  ADD ("/client/page-cache/unwritable", test_unwritable);
  ADD ("/client/page-cache/clear", test_clear);

  return g_test_run ();
}
