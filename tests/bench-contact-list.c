/* bench-contact-list.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RoloContactList against a sandbox of 100,000 contacts served from its own
 * thread, as `rolo --sandbox --seed 100000` runs it: time to the first rows,
 * time to show a far row, and memory while walking to the end.
 */

#define G_LOG_DOMAIN "rolo-bench"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "rolo-client.h"
#include "rolo-contact-list.h"
#include "rolo-test-utils.h"

#define N_CONTACTS 100000
#define N_FAR      20
#define WAIT_MS    60000

static guint n_live;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
rss_mib (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return 0.0;
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static void
contact_gone_cb (gpointer  data,
                 GObject  *where_the_object_was)
{
  g_hash_table_remove (data, where_the_object_was);
  n_live--;
}

/* Counts the contacts the list has handed out that are still alive. */
static RoloContact *
get_counted (RoloContactList *list,
             GHashTable      *live,
             guint            position)
{
  RoloContact *contact = g_list_model_get_item (G_LIST_MODEL (list), position);

  if (g_hash_table_add (live, contact))
    {
      g_object_weak_ref (G_OBJECT (contact), contact_gone_cb, live);
      n_live++;
    }
  return contact;
}

static gboolean
is_loaded (gpointer user_data)
{
  return rolo_contact_list_get_loaded (user_data);
}

static gboolean
is_ready (gpointer user_data)
{
  return rolo_contact_get_state (user_data) == ROLO_CONTACT_STATE_READY;
}

static RoloSandbox *
start_sandbox (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloSandbox) sandbox = rolo_sandbox_new (NULL, &error);
  gint64 start;

  g_assert_no_error (error);
  rolo_sandbox_set_keys (sandbox, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  start = g_get_monotonic_time ();
  rolo_sandbox_seed (sandbox, N_CONTACTS, &error);
  g_assert_no_error (error);
  printf ("seed %d contacts (sandbox, not the list):  %8.1f ms\n", N_CONTACTS, ms_since (start));
  rolo_sandbox_start_thread (sandbox, 0, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&sandbox);
}

static void
bench_far_pages (RoloContactList *list,
                 GHashTable      *live)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  double total = 0.0, worst = 0.0;

  for (guint i = 0; i < N_FAR; i++)
    {
      guint position = g_rand_int_range (rand, 0, N_CONTACTS);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(RoloContact) contact = get_counted (list, live, position);
      double ms;

      rolo_test_wait_until (is_ready, contact, WAIT_MS);
      ms = ms_since (start);
      total += ms;
      worst = MAX (worst, ms);
    }
  printf ("show a random far row (%d rows):          %8.1f ms mean, %.1f ms worst\n",
          N_FAR, total / N_FAR, worst);
}

static void
bench_walk (RoloContactList *list,
            GHashTable      *live,
            RoloSandbox     *sandbox)
{
  guint n_requests = rolo_sandbox_get_n_requests (sandbox);
  double rss_start = rss_mib (), rss_max = rss_start;
  guint live_max = 0, pages_max = 0;
  gint64 start = g_get_monotonic_time ();

  for (guint position = 0; position < N_CONTACTS; position++)
    {
      g_autoptr(RoloContact) contact = get_counted (list, live, position);

      /* A view binds the rows of a page only once it arrives. */
      if (position % ROLO_CONTACT_LIST_PAGE_SIZE == 0)
        rolo_test_wait_until (is_ready, contact, WAIT_MS);
      live_max = MAX (live_max, n_live);
      pages_max = MAX (pages_max, rolo_contact_list_get_n_cached_pages (list));
      if (position % 10000 == 0)
        {
          double rss = rss_mib ();

          rss_max = MAX (rss_max, rss);
          printf ("  walk at row %6u: RSS %6.1f MiB, live contacts %5u, cached pages %u\n",
                  position, rss, n_live, rolo_contact_list_get_n_cached_pages (list));
        }
    }

  printf ("walk all %d rows:                        %8.1f ms, %u page requests\n",
          N_CONTACTS, ms_since (start), rolo_sandbox_get_n_requests (sandbox) - n_requests);
  printf ("  RSS start %.1f MiB, max %.1f MiB, end %.1f MiB\n", rss_start, rss_max, rss_mib ());
  printf ("  live contacts max %u (bound %u), cached pages max %u (bound %u)\n",
          live_max, rolo_contact_list_get_max_cached_pages (list) * ROLO_CONTACT_LIST_PAGE_SIZE,
          pages_max, rolo_contact_list_get_max_cached_pages (list));
  g_assert_cmpuint (pages_max, <=, rolo_contact_list_get_max_cached_pages (list));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RoloSandbox) sandbox = start_sandbox ();
  g_autofree char *base = rolo_sandbox_dup_base_url (sandbox);
  g_autoptr(GHashTable) live = g_hash_table_new (NULL, NULL);
  g_autoptr(RoloClient) client = NULL;
  g_autoptr(RoloContactList) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  client = rolo_client_new (base, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  list = rolo_contact_list_new (client, NULL);
  rolo_test_wait_until (is_loaded, list, WAIT_MS);
  printf ("first page (n_items %u known, rows ready): %8.1f ms\n",
          g_list_model_get_n_items (G_LIST_MODEL (list)), ms_since (start));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_CONTACTS);

  bench_far_pages (list, live);
  bench_walk (list, live, sandbox);

  g_clear_object (&list);
  g_assert_cmpuint (n_live, ==, 0);
  rolo_sandbox_stop (sandbox);

  return 0;
}
