/* test-contact-list-errors.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* RoloContactList when requests fail: retries, offline, 401, 429. */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <libsoup/soup.h>

#include "rolo-test-list.h"

static void
test_first_page_fails_then_retry (Fixture       *fixture,
                                  gconstpointer  data)
{
  const Change expected[] = { { 0, 0, 1000 } };
  RoloContactList *list;
  guint n_error = 0;

  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  list = fixture_new_list (fixture, NULL);
  g_signal_connect (list, "notify::error", G_CALLBACK (count_notify_cb), &n_error);
  settle (fixture);

  g_assert_cmpuint (fixture->n_failed, ==, 1);
  g_assert_nonnull (rolo_contact_list_get_error (list));
  g_assert_false (rolo_contact_list_get_loaded (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  rolo_sandbox_set_fail_rate (fixture->sandbox, 0.0);
  rolo_contact_list_retry (list);
  wait_loaded (fixture);
  g_assert_null (rolo_contact_list_get_error (list));
  g_assert_cmpuint (n_error, ==, 2);
  g_assert_cmpuint (fixture->n_failed, ==, 1);
  assert_changes (fixture, expected, G_N_ELEMENTS (expected));
}

static gboolean
touch_row_6 (gpointer user_data)
{
  return state_at (user_data, 6 * PAGE + 5) == ROLO_CONTACT_STATE_READY;
}

static gboolean
wake_up_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* As a view would, when the row scrolls in again and again. */
static void
touch_row_6_until_ready (Fixture *fixture)
{
  guint wake_up = g_timeout_add (20, wake_up_cb, NULL);

  rolo_test_wait_until (touch_row_6, fixture, WAIT_MS);
  g_source_remove (wake_up);
}

static void
test_failed_pages_then_retry (Fixture       *fixture,
                              gconstpointer  data)
{
  RoloContactList *list = fixture_new_list (fixture, NULL);
  g_autoptr(RoloContact) row_3 = NULL;
  g_autoptr(RoloContact) row_4 = NULL;
  g_autoptr(RoloContact) row_6 = NULL;
  guint n_before;

  wait_loaded (fixture);
  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  row_3 = item_at (fixture, 3 * PAGE + 1);
  row_4 = item_at (fixture, 4 * PAGE + 1);
  rolo_test_wait_until (contact_is_failed, row_3, WAIT_MS);
  rolo_test_wait_until (contact_is_failed, row_4, WAIT_MS);
  settle (fixture);

  /* Two pages, two hundred rows: reported once. */
  g_assert_cmpuint (fixture->n_failed, ==, 1);
  g_assert_nonnull (rolo_contact_list_get_error (list));
  g_assert_cmpint (state_at (fixture, 3 * PAGE + 99), ==, ROLO_CONTACT_STATE_FAILED);
  g_assert_cmpint (state_at (fixture, 0), ==, ROLO_CONTACT_STATE_READY);
  settle (fixture);
  g_assert_cmpuint (fixture->n_failed, ==, 1);

  rolo_sandbox_set_fail_rate (fixture->sandbox, 0.0);
  n_before = n_list_requests (fixture);
  rolo_contact_list_retry (list);
  g_assert_cmpint (rolo_contact_get_state (row_3), ==, ROLO_CONTACT_STATE_FAILED);
  rolo_test_wait_until (contact_is_ready, row_3, WAIT_MS);
  rolo_test_wait_until (contact_is_ready, row_4, WAIT_MS);
  settle (fixture);
  g_assert_cmpuint (n_list_requests (fixture), ==, n_before + 2);
  g_assert_null (rolo_contact_list_get_error (list));
  g_assert_cmpint (rolo_contact_get_id (row_3), >, 0);

  /* A failed page comes back on its own when its rows are seen again. */
  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  row_6 = item_at (fixture, 6 * PAGE);
  rolo_test_wait_until (contact_is_failed, row_6, WAIT_MS);
  g_assert_cmpuint (fixture->n_failed, ==, 2);
  rolo_sandbox_set_fail_rate (fixture->sandbox, 0.0);
  touch_row_6_until_ready (fixture);
  g_assert_true (contact_is_ready (row_6));
  g_assert_cmpuint (fixture->n_failed, ==, 2);
  g_assert_null (rolo_contact_list_get_error (list));
}

/* Offline, then back: rows that failed fill in by themselves, without a
 * retry and without being scrolled to again; while the server keeps
 * failing they are asked for again only now and then, not in a storm. */
static void
test_failed_pages_come_back (Fixture       *fixture,
                             gconstpointer  data)
{
  RoloContactList *list = fixture_new_list (fixture, NULL);
  g_autoptr(RoloContact) row = NULL;
  guint n_before;

  wait_loaded (fixture);
  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  row = item_at (fixture, 3 * PAGE + 7);
  rolo_test_wait_until (contact_is_failed, row, WAIT_MS);
  settle (fixture);
  g_assert_cmpuint (fixture->n_failed, ==, 1);

  /* Still failing: some attempts, far fewer than the rows' repaints. */
  n_before = n_list_requests (fixture);
  rolo_test_iterate_for (5000);
  g_test_message ("%u requests in 5 s while failing", n_list_requests (fixture) - n_before);
  g_assert_cmpuint (n_list_requests (fixture) - n_before, >=, 1);
  g_assert_cmpuint (n_list_requests (fixture) - n_before, <=, 3);
  g_assert_true (contact_is_failed (row));
  /* Reported once, not once per attempt. */
  g_assert_cmpuint (fixture->n_failed, ==, 1);

  /* The server is back: nobody touches or retries anything. */
  rolo_sandbox_set_fail_rate (fixture->sandbox, 0.0);
  rolo_test_wait_until (contact_is_ready, row, WAIT_MS);
  settle (fixture);
  g_assert_null (rolo_contact_list_get_error (list));
  g_assert_cmpint (rolo_contact_get_id (row), >, 0);
}

static void
test_unauthorized_stops_requests (Fixture       *fixture,
                                  gconstpointer  data)
{
  RoloContactList *list = fixture_new_list (fixture, NULL);
  g_autoptr(RoloContact) row = NULL;
  guint n_before;

  wait_loaded (fixture);
  rolo_sandbox_set_keys (fixture->sandbox, "other-access", "other-secret");
  row = item_at (fixture, 3 * PAGE);
  rolo_test_wait_until (contact_is_failed, row, WAIT_MS);
  g_assert_error (rolo_contact_list_get_error (list), ROLO_CLIENT_ERROR,
                  ROLO_CLIENT_ERROR_UNAUTHORIZED);
  n_before = n_list_requests (fixture);

  /* Rows coming and going on screen ask nothing more of a server that said no. */
  for (guint round = 0; round < 5; round++)
    {
      for (guint index = 2; index <= 6; index++)
        touch_page (fixture, index);
      rolo_test_iterate_for (20);
    }
  settle (fixture);
  g_assert_cmpuint (n_list_requests (fixture), ==, n_before);
  g_assert_cmpuint (fixture->n_failed, ==, 1);

  rolo_sandbox_set_keys (fixture->sandbox, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  rolo_contact_list_retry (list);
  rolo_test_wait_until (contact_is_ready, row, WAIT_MS);
  settle (fixture);
  g_assert_cmpint (state_at (fixture, 6 * PAGE), ==, ROLO_CONTACT_STATE_READY);
  g_assert_null (rolo_contact_list_get_error (list));
}

/* A server of 300 rows that turns away the second list request with a 429
 * and Retry-After: 1 (the sandbox does not rate-limit). */
typedef struct
{
  guint  n_requests;
  gint64 refused_at;
  gint64 retried_at;
} RateLimitServer;

static char *
rate_limit_page_json (guint index)
{
  g_autoptr(GString) json = g_string_new ("{\"success\": true, \"data\": {\"data\": [");

  for (guint i = index * PAGE; i < MIN (300, (index + 1) * PAGE); i++)
    g_string_append_printf (json, "%s{\"cstid\": %u, \"cstname\": \"Row %u\"}",
                            i % PAGE == 0 ? "" : ", ", 1000 - i, i);
  g_string_append_printf (json, "], \"current_page\": %u, \"total_records\": 300, "
                          "\"total_pages\": 3}}", index + 1);
  return g_string_free (g_steal_pointer (&json), FALSE);
}

static void
rate_limit_handler (SoupServer        *server,
                    SoupServerMessage *msg,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  RateLimitServer *state = user_data;
  const char *index = query ? g_hash_table_lookup (query, "pageIndex") : NULL;
  char *body;

  state->n_requests++;
  if (state->n_requests == 2)
    {
      static const char refusal[] = "{\"success\": false, \"message\": \"Too many requests.\"}";

      state->refused_at = g_get_monotonic_time ();
      soup_message_headers_append (soup_server_message_get_response_headers (msg),
                                   "Retry-After", "1");
      soup_server_message_set_status (msg, 429, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        refusal, strlen (refusal));
      return;
    }
  if (state->n_requests == 3)
    state->retried_at = g_get_monotonic_time ();

  body = rate_limit_page_json (index ? (guint) g_ascii_strtoull (index, NULL, 10) : 0);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    body, strlen (body));
}

static void
test_rate_limited_waits (void)
{
  RateLimitServer state = { 0 };
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(RoloClient) client = NULL;
  g_autoptr(RoloContactList) list = NULL;
  g_autoptr(RoloContact) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  GSList *uris;

  soup_server_add_handler (server, "/v1/contacts", rate_limit_handler, &state, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  client = rolo_client_new (base, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY, &error);
  g_assert_no_error (error);

  list = rolo_contact_list_new (client, NULL);
  rolo_test_wait_until (list_is_loaded, list, WAIT_MS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 300);

  row = g_list_model_get_item (G_LIST_MODEL (list), 250);
  rolo_test_wait_until (contact_is_failed, row, WAIT_MS);
  g_assert_error (rolo_contact_list_get_error (list), ROLO_CLIENT_ERROR,
                  ROLO_CLIENT_ERROR_RATE_LIMITED);

  /* Even an explicit retry waits for what the server asked. */
  rolo_contact_list_retry (list);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (state.n_requests, ==, 2);
  rolo_test_wait_until (contact_is_ready, row, WAIT_MS);
  g_assert_cmpuint (state.n_requests, ==, 3);
  g_assert_cmpint (state.retried_at - state.refused_at, >=, G_USEC_PER_SEC);
  g_assert_cmpstr (rolo_contact_get_name (row), ==, "Row 250");

  g_clear_object (&list);
  g_clear_object (&client);
  soup_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/client/contact-list/errors/first-page-retry", 1000, test_first_page_fails_then_retry);
  ADD_TEST ("/client/contact-list/errors/failed-pages-retry", 1000, test_failed_pages_then_retry);
  ADD_TEST ("/client/contact-list/errors/failed-pages-come-back", 1000,
            test_failed_pages_come_back);
  ADD_TEST ("/client/contact-list/errors/unauthorized-stops", 1000,
            test_unauthorized_stops_requests);
  g_test_add_func ("/client/contact-list/errors/rate-limited-waits", test_rate_limited_waits);

  return g_test_run ();
}
