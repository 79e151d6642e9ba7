/* test-contact-list-offline.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* RoloContactList when the server goes away: offline with the rows kept,
 * asking again by itself, back by itself, and the pages kept on disk. */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include "rolo-contact-list.h"
#include "rolo-test-utils.h"

#define WAIT_MS    30000
#define N_CONTACTS 250
#define PAGE       ROLO_CONTACT_LIST_PAGE_SIZE

typedef struct
{
  char             *dir;
  char             *cache_path;
  RoloPageCache    *cache;
  RoloSandbox      *sandbox;
  guint16           port;
  RoloClient       *client;
  RoloContactList  *list;
  GSocketService   *refuser;   /* on the port while the server is away */
  guint             n_refused;
  guint             n_requests;
  GSource          *wake_up;   /* the disk cache answers from a thread */
} Fixture;

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static gboolean
wake_up_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
request_cb (RoloSandbox *sandbox,
            const char  *method,
            const char  *path,
            GBytes      *body,
            gpointer     user_data)
{
  Fixture *fixture = user_data;

  fixture->n_requests++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;

  fixture->dir = g_dir_make_tmp ("rolo-offline-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->cache_path = g_build_filename (fixture->dir, "pages.sqlite", NULL);
  fixture->cache = rolo_page_cache_new (fixture->cache_path);

  fixture->sandbox = rolo_test_sandbox_new (N_CONTACTS);
  fixture->port = rolo_sandbox_get_port (fixture->sandbox);
  g_signal_connect (fixture->sandbox, "request", G_CALLBACK (request_cb), fixture);
  base = rolo_sandbox_dup_base_url (fixture->sandbox);
  fixture->client = rolo_client_new (base, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY, &error);
  g_assert_no_error (error);

  fixture->wake_up = g_timeout_source_new (10);
  g_source_set_callback (fixture->wake_up, wake_up_cb, NULL, NULL);
  g_source_attach (fixture->wake_up, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->list);
  if (fixture->refuser != NULL)
    g_socket_service_stop (fixture->refuser);
  g_clear_object (&fixture->refuser);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->sandbox);
  g_source_destroy (fixture->wake_up);
  g_clear_pointer (&fixture->wake_up, g_source_unref);
  /* Stores still on their way hold the cache a little longer. */
  g_clear_object (&fixture->cache);
  rolo_test_remove_tmp_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->cache_path, g_free);
}

static RoloContactList *
new_list (Fixture *fixture)
{
  g_clear_object (&fixture->list);
  fixture->list = rolo_contact_list_new_with_cache (fixture->client, NULL, fixture->cache);
  rolo_contact_list_set_offline_backoff (fixture->list, 20, 200);
  return fixture->list;
}

/* The server goes: connections are taken and closed at once, and counted,
 * so that the list's attempts show. */
static gboolean
refuse_cb (GSocketService    *service,
           GSocketConnection *connection,
           GObject           *source,
           gpointer           user_data)
{
  Fixture *fixture = user_data;

  fixture->n_refused++;
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
stop_server (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  rolo_sandbox_stop (fixture->sandbox);
  fixture->refuser = g_socket_service_new ();
  g_socket_listener_add_inet_port (G_SOCKET_LISTENER (fixture->refuser), fixture->port, NULL,
                                   &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->refuser, "incoming", G_CALLBACK (refuse_cb), fixture);
  g_socket_service_start (fixture->refuser);
}

static void
restart_server (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_socket_service_stop (fixture->refuser);
  g_socket_listener_close (G_SOCKET_LISTENER (fixture->refuser));
  g_clear_object (&fixture->refuser);
  fixture->n_requests = 0;
  rolo_sandbox_listen (fixture->sandbox, fixture->port, &error);
  g_assert_no_error (error);
}

static gboolean
list_is_loaded (gpointer user_data)
{
  Fixture *fixture = user_data;

  return rolo_contact_list_get_loaded (fixture->list);
}

static gboolean
list_is_offline (gpointer user_data)
{
  Fixture *fixture = user_data;

  return rolo_contact_list_get_offline (fixture->list);
}

static gboolean
list_is_online (gpointer user_data)
{
  return !list_is_offline (user_data);
}

static gboolean
three_refused (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->n_refused >= 3;
}

typedef struct
{
  Fixture *fixture;
  guint    n_pages;
} CacheWait;

static gboolean
cache_has_pages (gpointer user_data)
{
  CacheWait *wait = user_data;

  return rolo_page_cache_get_n_pages (wait->fixture->cache) >= wait->n_pages;
}

static void
wait_cached (Fixture *fixture,
             guint    n_pages)
{
  CacheWait wait = { fixture, n_pages };

  rolo_test_wait_until (cache_has_pages, &wait, WAIT_MS);
}

typedef struct
{
  Fixture *fixture;
  guint    position;
  RoloContactState state;
} RowWait;

static gboolean
row_is (gpointer user_data)
{
  RowWait *wait = user_data;
  g_autoptr(RoloContact) contact = g_list_model_get_item (G_LIST_MODEL (wait->fixture->list),
                                                          wait->position);

  return contact != NULL && rolo_contact_get_state (contact) == wait->state;
}

/* The row's name once it is @state (touching it, as a view would). */
static char *
wait_row (Fixture          *fixture,
          guint             position,
          RoloContactState  state)
{
  RowWait wait = { fixture, position, state };
  g_autoptr(RoloContact) contact = NULL;

  rolo_test_wait_until (row_is, &wait, WAIT_MS);
  contact = g_list_model_get_item (G_LIST_MODEL (fixture->list), position);
  return g_strdup (rolo_contact_get_name (contact));
}

static void
test_offline_and_back (Fixture       *fixture,
                       gconstpointer  data)
{
  RoloContactList *list = new_list (fixture);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *still_first = NULL;
  g_autofree char *still_last = NULL;
  guint n_offline = 0;

  g_signal_connect (list, "notify::offline", G_CALLBACK (count_cb), &n_offline);
  rolo_test_wait_until (list_is_loaded, fixture, WAIT_MS);
  first = wait_row (fixture, 0, ROLO_CONTACT_STATE_READY);
  last = wait_row (fixture, PAGE - 1, ROLO_CONTACT_STATE_READY);
  g_assert_false (rolo_contact_list_get_offline (list));
  g_assert_null (rolo_contact_list_get_offline_since (list));
  wait_cached (fixture, 1);

  /* The server goes; the next request finds it gone. */
  stop_server (fixture);
  rolo_contact_list_refresh (list);
  rolo_test_wait_until (list_is_offline, fixture, WAIT_MS);
  g_assert_cmpuint (n_offline, ==, 1);
  g_assert_nonnull (rolo_contact_list_get_offline_since (list));
  g_assert_null (rolo_contact_list_get_cached_since (list));

  /* The rows loaded stay readable, all of them. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_CONTACTS);
  still_first = wait_row (fixture, 0, ROLO_CONTACT_STATE_READY);
  still_last = wait_row (fixture, PAGE - 1, ROLO_CONTACT_STATE_READY);
  g_assert_cmpstr (still_first, ==, first);
  g_assert_cmpstr (still_last, ==, last);

  /* It asks again by itself, more than once. */
  rolo_test_wait_until (three_refused, fixture, WAIT_MS);
  g_assert_true (rolo_contact_list_get_offline (list));
  g_assert_cmpuint (n_offline, ==, 1);

  /* Back by itself, and the list asks for its rows anew. */
  restart_server (fixture);
  rolo_test_wait_until (list_is_online, fixture, WAIT_MS);
  g_assert_cmpuint (n_offline, ==, 2);
  g_assert_null (rolo_contact_list_get_offline_since (list));
  g_assert_null (rolo_contact_list_get_error (list));
  g_assert_cmpuint (fixture->n_requests, >=, 1);
  g_clear_pointer (&still_first, g_free);
  still_first = wait_row (fixture, 0, ROLO_CONTACT_STATE_READY);
  g_assert_cmpstr (still_first, ==, first);
}

/* Neither key reaches the disk, even from a list whose client holds both. */
static void
test_no_keys_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  new_list (fixture);
  rolo_test_wait_until (list_is_loaded, fixture, WAIT_MS);
  g_free (wait_row (fixture, PAGE + 3, ROLO_CONTACT_STATE_READY));
  wait_cached (fixture, 2);

  g_assert_false (rolo_test_file_contains (fixture->cache_path, ROLO_TEST_SECRET_KEY));
  g_assert_false (rolo_test_file_contains (fixture->cache_path, ROLO_TEST_ACCESS_KEY));
}

/* A start with the server away shows what the disk kept, page by page. */
static void
test_start_from_cache (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autofree char *first = NULL;
  g_autofree char *far = NULL;
  g_autofree char *name = NULL;
  RoloContactList *list = new_list (fixture);

  rolo_test_wait_until (list_is_loaded, fixture, WAIT_MS);
  first = wait_row (fixture, 0, ROLO_CONTACT_STATE_READY);
  far = wait_row (fixture, 2 * PAGE + 10, ROLO_CONTACT_STATE_READY);
  wait_cached (fixture, 2);

  stop_server (fixture);
  list = new_list (fixture);
  rolo_test_wait_until (list_is_loaded, fixture, WAIT_MS);
  g_assert_true (rolo_contact_list_get_offline (list));
  g_assert_nonnull (rolo_contact_list_get_cached_since (list));
  g_assert_nonnull (rolo_contact_list_get_error (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_CONTACTS);
  name = wait_row (fixture, 0, ROLO_CONTACT_STATE_READY);
  g_assert_cmpstr (name, ==, first);
  g_clear_pointer (&name, g_free);
  name = wait_row (fixture, 2 * PAGE + 10, ROLO_CONTACT_STATE_READY);
  g_assert_cmpstr (name, ==, far);
  /* Never seen, so not kept. */
  g_free (wait_row (fixture, PAGE + 1, ROLO_CONTACT_STATE_FAILED));

  /* Another query has nothing kept: nothing to show, still offline. */
  rolo_contact_query_set_search (query, "zzz");
  rolo_contact_list_set_query (list, query);
  g_assert_null (rolo_contact_list_get_cached_since (list));
  rolo_test_iterate_for (100);
  g_assert_false (rolo_contact_list_get_loaded (list));
  g_assert_true (rolo_contact_list_get_offline (list));

  /* The first query again, and the server back: fresh rows. */
  rolo_contact_list_set_query (list, NULL);
  rolo_test_wait_until (list_is_loaded, fixture, WAIT_MS);
  restart_server (fixture);
  rolo_test_wait_until (list_is_online, fixture, WAIT_MS);
  g_assert_null (rolo_contact_list_get_cached_since (list));
  g_clear_pointer (&name, g_free);
  name = wait_row (fixture, PAGE + 1, ROLO_CONTACT_STATE_READY);
  g_assert_nonnull (name);
}

/* A server that answers, even with an error, is not "offline". */
static void
test_server_error_is_not_offline (Fixture       *fixture,
                                  gconstpointer  data)
{
  RoloContactList *list = new_list (fixture);

  rolo_test_wait_until (list_is_loaded, fixture, WAIT_MS);
  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  fixture->n_requests = 0;
  rolo_contact_list_refresh (list);
  while (fixture->n_requests == 0 || rolo_contact_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (rolo_contact_list_get_error (list));
  g_assert_false (rolo_contact_list_get_offline (list));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/client/contact-list/offline/and-back", test_offline_and_back);
  ADD ("/client/contact-list/offline/no-keys-on-disk", test_no_keys_on_disk);
  ADD ("/client/contact-list/offline/start-from-cache", test_start_from_cache);
  ADD ("/client/contact-list/offline/server-error", test_server_error_is_not_offline);

  return g_test_run ();
}
