/* test-delete-queue.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include "rolo-client.h"
#include "rolo-contact-list.h"
#include "rolo-delete-queue.h"
#include "rolo-test-utils.h"

#define WAIT_MS    30000
#define TRUTH_PAGE 50

typedef struct
{
  RoloSandbox     *sandbox;
  RoloClient      *client;
  RoloContactList *list;
  RoloDeleteQueue *queue;
  GPtrArray       *deletes;      /* paths of the DELETE requests */
  GArray          *failed;       /* gint64 ids of "failed" */
  GArray          *committed;    /* guint n of "committed" */
} Fixture;

static void
request_cb (RoloSandbox *sandbox,
            const char  *method,
            const char  *path_and_query,
            GBytes      *body,
            gpointer     user_data)
{
  Fixture *fixture = user_data;

  if (g_str_equal (method, "DELETE"))
    g_ptr_array_add (fixture->deletes, g_strdup (path_and_query));
}

static void
failed_cb (RoloDeleteQueue *queue,
           RoloContact     *contact,
           const GError    *error,
           gpointer         user_data)
{
  Fixture *fixture = user_data;
  gint64 id = rolo_contact_get_id (contact);

  g_assert_nonnull (error);
  g_array_append_val (fixture->failed, id);
}

static void
committed_cb (RoloDeleteQueue *queue,
              guint            n_deleted,
              gpointer         user_data)
{
  Fixture *fixture = user_data;

  g_array_append_val (fixture->committed, n_deleted);
}

static gboolean
list_is_loaded (gpointer user_data)
{
  return rolo_contact_list_get_loaded (user_data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *base = NULL;
  g_autoptr(GError) error = NULL;

  fixture->sandbox = rolo_test_sandbox_new (GPOINTER_TO_UINT (data));
  base = rolo_sandbox_dup_base_url (fixture->sandbox);
  fixture->client = rolo_client_new (base, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY, &error);
  g_assert_no_error (error);
  fixture->deletes = g_ptr_array_new_with_free_func (g_free);
  fixture->failed = g_array_new (FALSE, FALSE, sizeof (gint64));
  fixture->committed = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (fixture->sandbox, "request", G_CALLBACK (request_cb), fixture);

  fixture->list = rolo_contact_list_new (fixture->client, NULL);
  fixture->queue = rolo_delete_queue_new (fixture->list);
  g_signal_connect (fixture->queue, "failed", G_CALLBACK (failed_cb), fixture);
  g_signal_connect (fixture->queue, "committed", G_CALLBACK (committed_cb), fixture);
  rolo_test_wait_until (list_is_loaded, fixture->list, WAIT_MS);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->queue);
  g_clear_object (&fixture->list);
  g_clear_object (&fixture->client);
  g_signal_handlers_disconnect_by_data (fixture->sandbox, fixture);
  rolo_sandbox_stop (fixture->sandbox);
  g_assert_finalize_object (g_steal_pointer (&fixture->sandbox));
  g_clear_pointer (&fixture->deletes, g_ptr_array_unref);
  g_clear_pointer (&fixture->failed, g_array_unref);
  g_clear_pointer (&fixture->committed, g_array_unref);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Helpers */

static gboolean
contact_is_ready (gpointer user_data)
{
  return rolo_contact_get_state (user_data) == ROLO_CONTACT_STATE_READY;
}

static RoloContact *
contact_at (Fixture *fixture,
            guint    position)
{
  RoloContact *contact = g_list_model_get_item (G_LIST_MODEL (fixture->list), position);

  g_assert_nonnull (contact);
  rolo_test_wait_until (contact_is_ready, contact, WAIT_MS);
  return contact;
}

static gint64
add_at (Fixture *fixture,
        guint    position)
{
  g_autoptr(RoloContact) contact = contact_at (fixture, position);

  rolo_delete_queue_add (fixture->queue, contact);
  return rolo_contact_get_id (contact);
}

static guint
n_items (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fixture->list));
}

static gboolean
list_is_idle (gpointer user_data)
{
  Fixture *fixture = user_data;

  while (g_main_context_iteration (NULL, FALSE))
    ;
  return rolo_contact_list_get_n_in_flight (fixture->list) == 0 &&
         !rolo_delete_queue_get_committing (fixture->queue);
}

static void
settle (Fixture *fixture)
{
  rolo_test_wait_until (list_is_idle, fixture, WAIT_MS);
}

static GArray *
truth_ids (Fixture *fixture)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint index = 0;; index++)
    {
      g_autoptr(RoloContactPage) page = NULL;
      g_autoptr(GError) error = NULL;
      GListModel *contacts;

      page = rolo_test_client_list (fixture->client, NULL, index, TRUTH_PAGE, &error);
      g_assert_no_error (error);
      contacts = rolo_contact_page_get_contacts (page);
      if (g_list_model_get_n_items (contacts) == 0)
        break;
      for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
        {
          g_autoptr(RoloContact) contact = g_list_model_get_item (contacts, i);
          gint64 id = rolo_contact_get_id (contact);

          g_array_append_val (ids, id);
        }
    }

  return ids;
}

/* Loads every row and compares it with a fresh listing of the server. */
static void
assert_rows_match_server (Fixture *fixture)
{
  g_autoptr(GArray) ids = NULL;

  settle (fixture);
  for (guint position = 0; position < n_items (fixture); position++)
    g_object_unref (contact_at (fixture, position));
  settle (fixture);

  ids = truth_ids (fixture);
  g_assert_cmpuint (n_items (fixture), ==, ids->len);
  for (guint position = 0; position < ids->len; position++)
    {
      g_autoptr(RoloContact) contact = contact_at (fixture, position);

      g_assert_cmpint (rolo_contact_get_id (contact), ==, g_array_index (ids, gint64, position));
    }
}

static void
assert_deletes_sent (Fixture      *fixture,
                     const gint64 *ids,
                     guint         n_ids)
{
  g_assert_cmpuint (fixture->deletes->len, ==, n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autofree char *path = g_strdup_printf ("/v1/contacts/%" G_GINT64_FORMAT, ids[i]);

      g_assert_true (g_ptr_array_find_with_equal_func (fixture->deletes, path, g_str_equal,
                                                       NULL));
    }
}

static gboolean
not_committing (gpointer user_data)
{
  return !rolo_delete_queue_get_committing (user_data);
}

static void
wait_answered (Fixture *fixture)
{
  rolo_test_wait_until (not_committing, fixture->queue, WAIT_MS);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* Tests */

static void
test_undo_sends_nothing (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GArray) before = truth_ids (fixture);
  guint n_pending_notify = 0;
  gint64 first, second;

  g_signal_connect (fixture->queue, "notify::n-pending", G_CALLBACK (count_notify_cb),
                    &n_pending_notify);
  first = add_at (fixture, 3);
  second = add_at (fixture, 7);
  g_assert_cmpuint (rolo_delete_queue_get_n_pending (fixture->queue), ==, 2);
  g_assert_cmpuint (n_items (fixture), ==, 248);
  g_assert_true (rolo_contact_list_is_hidden (fixture->list, first));
  g_assert_true (rolo_contact_list_is_hidden (fixture->list, second));

  rolo_delete_queue_undo (fixture->queue);
  g_assert_cmpuint (rolo_delete_queue_get_n_pending (fixture->queue), ==, 0);
  g_assert_cmpuint (n_pending_notify, ==, 3);
  g_assert_cmpuint (n_items (fixture), ==, 250);
  g_assert_false (rolo_contact_list_is_hidden (fixture->list, first));

  /* Nothing left to commit. */
  rolo_delete_queue_commit (fixture->queue);
  g_assert_false (rolo_delete_queue_get_committing (fixture->queue));
  rolo_test_iterate_for (100);
  g_assert_cmpuint (fixture->deletes->len, ==, 0);
  g_assert_cmpuint (fixture->committed->len, ==, 0);
  assert_rows_match_server (fixture);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, before->len);
}

static void
test_commit (Fixture       *fixture,
             gconstpointer  data)
{
  const guint positions[] = { 0, 1, 2, 120, 200, 249 };
  gint64 ids[G_N_ELEMENTS (positions)];
  guint n_committing_notify = 0;

  /* From the end, so that each position is still the one meant. */
  for (guint i = G_N_ELEMENTS (positions); i > 0; i--)
    ids[i - 1] = add_at (fixture, positions[i - 1]);
  /* Twice changes nothing. */
  g_object_unref (contact_at (fixture, 0));
  g_assert_cmpuint (n_items (fixture), ==, 244);
  g_assert_cmpuint (rolo_delete_queue_get_n_pending (fixture->queue), ==, 6);

  g_signal_connect (fixture->queue, "notify::committing", G_CALLBACK (count_notify_cb),
                    &n_committing_notify);
  rolo_delete_queue_commit (fixture->queue);
  g_assert_true (rolo_delete_queue_get_committing (fixture->queue));
  g_assert_cmpuint (rolo_delete_queue_get_n_pending (fixture->queue), ==, 0);
  wait_answered (fixture);

  g_assert_cmpuint (n_committing_notify, ==, 2);
  assert_deletes_sent (fixture, ids, G_N_ELEMENTS (ids));
  g_assert_cmpuint (fixture->failed->len, ==, 0);
  g_assert_cmpuint (fixture->committed->len, ==, 1);
  g_assert_cmpuint (g_array_index (fixture->committed, guint, 0), ==, 6);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 244);
  assert_rows_match_server (fixture);
  g_assert_cmpuint (n_items (fixture), ==, 244);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_false (rolo_contact_list_is_hidden (fixture->list, ids[i]));
}

/* A busy server's 429s are waited out: every delete happens, none fails,
 * and a commit made while a round goes on joins it. */
static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 ids[5];

  for (guint i = 0; i < 4; i++)
    ids[i] = add_at (fixture, 0);
  rolo_sandbox_set_rate_limit (fixture->sandbox, 0.3, 1);
  rolo_delete_queue_commit (fixture->queue);
  ids[4] = add_at (fixture, 0);
  rolo_delete_queue_commit (fixture->queue);
  wait_answered (fixture);
  rolo_sandbox_set_rate_limit (fixture->sandbox, 0.0, 0);

  g_assert_cmpuint (fixture->failed->len, ==, 0);
  g_assert_cmpuint (fixture->committed->len, ==, 1);
  g_assert_cmpuint (g_array_index (fixture->committed, guint, 0), ==, 5);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 245);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_false (rolo_contact_list_is_hidden (fixture->list, ids[i]));
}

static void
test_add_twice (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RoloContact) contact = contact_at (fixture, 10);
  gint64 id = rolo_contact_get_id (contact);

  rolo_delete_queue_add (fixture->queue, contact);
  rolo_delete_queue_add (fixture->queue, contact);
  g_assert_cmpuint (rolo_delete_queue_get_n_pending (fixture->queue), ==, 1);
  g_assert_cmpuint (n_items (fixture), ==, 249);
  rolo_delete_queue_commit (fixture->queue);
  /* Being sent: not pending, still one. */
  rolo_delete_queue_add (fixture->queue, contact);
  g_assert_cmpuint (rolo_delete_queue_get_n_pending (fixture->queue), ==, 0);
  wait_answered (fixture);
  assert_deletes_sent (fixture, &id, 1);
  assert_rows_match_server (fixture);
}

static void
test_refused_comes_back (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 ids[2];

  ids[0] = add_at (fixture, 20);
  ids[1] = add_at (fixture, 150);
  g_assert_cmpuint (n_items (fixture), ==, 248);

  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  rolo_delete_queue_commit (fixture->queue);
  wait_answered (fixture);
  rolo_sandbox_set_fail_rate (fixture->sandbox, 0.0);

  /* Once per contact. */
  g_assert_cmpuint (fixture->failed->len, ==, 2);
  g_assert_true (g_array_index (fixture->failed, gint64, 0) == ids[0] ||
                 g_array_index (fixture->failed, gint64, 1) == ids[0]);
  g_assert_true (g_array_index (fixture->failed, gint64, 0) == ids[1] ||
                 g_array_index (fixture->failed, gint64, 1) == ids[1]);
  g_assert_cmpuint (fixture->committed->len, ==, 0);
  g_assert_cmpuint (n_items (fixture), ==, 250);
  g_assert_false (rolo_contact_list_is_hidden (fixture->list, ids[0]));
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 250);
  assert_rows_match_server (fixture);
}

/* A contact someone else deleted already is as good as deleted. */
static void
test_already_gone (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = add_at (fixture, 5);

  rolo_test_client_delete (fixture->client, id, &error);
  g_assert_no_error (error);
  g_ptr_array_set_size (fixture->deletes, 0);

  rolo_delete_queue_commit (fixture->queue);
  wait_answered (fixture);
  assert_deletes_sent (fixture, &id, 1);
  g_assert_cmpuint (fixture->failed->len, ==, 0);
  g_assert_cmpuint (fixture->committed->len, ==, 1);
  assert_rows_match_server (fixture);
  g_assert_cmpuint (n_items (fixture), ==, 249);
}

static void
test_flush (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) empty = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[3];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = add_at (fixture, 50 + i * 10);

  rolo_delete_queue_flush_async (fixture->queue, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, WAIT_MS);
  g_assert_true (rolo_delete_queue_flush_finish (fixture->queue, result, &error));
  g_assert_no_error (error);
  assert_deletes_sent (fixture, ids, G_N_ELEMENTS (ids));
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 247);

  /* Nothing pending: done at once. */
  rolo_delete_queue_flush_async (fixture->queue, NULL, rolo_test_store_result, &empty);
  rolo_test_wait_for_result (&empty, WAIT_MS);
  g_assert_true (rolo_delete_queue_flush_finish (fixture->queue, empty, &error));
  g_assert_no_error (error);
  assert_deletes_sent (fixture, ids, G_N_ELEMENTS (ids));
  assert_rows_match_server (fixture);
}

static gboolean
all_rows_back (gpointer user_data)
{
  Fixture *fixture = user_data;

  return n_items (fixture) == 250 && rolo_delete_queue_get_n_pending (fixture->queue) == 0;
}

/* The server holds its answers far longer than the queue may wait. */
static void
test_flush_times_out (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[2];

  ids[0] = add_at (fixture, 1);
  ids[1] = add_at (fixture, 2);
  rolo_sandbox_set_latency (fixture->sandbox, 60000);
  rolo_delete_queue_set_timeout (fixture->queue, 1);

  rolo_delete_queue_flush_async (fixture->queue, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, WAIT_MS);
  g_assert_false (rolo_delete_queue_flush_finish (fixture->queue, result, &error));
  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_TIMEOUT);
  g_assert_true (g_str_has_prefix (error->message, "2 "));
  g_assert_cmpuint (fixture->deletes->len, ==, 2);

  /* What was given up comes back. */
  rolo_test_wait_until (all_rows_back, fixture, WAIT_MS);
  wait_answered (fixture);
  g_assert_false (rolo_contact_list_is_hidden (fixture->list, ids[0]));
  g_assert_cmpuint (fixture->committed->len, ==, 0);
}

/* A server that is not there any more: every delete fails at once. */
static void
test_flush_unreachable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  add_at (fixture, 1);
  add_at (fixture, 100);
  add_at (fixture, 200);
  g_signal_handlers_disconnect_by_data (fixture->sandbox, fixture);
  rolo_sandbox_stop (fixture->sandbox);

  rolo_delete_queue_flush_async (fixture->queue, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, WAIT_MS);
  g_assert_false (rolo_delete_queue_flush_finish (fixture->queue, result, &error));
  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_NETWORK);
  g_assert_true (g_str_has_prefix (error->message, "3 "));
  g_assert_cmpuint (fixture->failed->len, ==, 3);
  g_assert_cmpuint (n_items (fixture), ==, 250);
}

static void
test_flush_cancelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  add_at (fixture, 1);
  /* Longer than the flush would wait: the deadline goes with the flush. */
  rolo_sandbox_set_latency (fixture->sandbox, 1500);
  rolo_delete_queue_set_timeout (fixture->queue, 1);
  rolo_delete_queue_flush_async (fixture->queue, cancellable, rolo_test_store_result, &result);
  g_cancellable_cancel (cancellable);
  rolo_test_wait_for_result (&result, WAIT_MS);
  g_assert_false (rolo_delete_queue_flush_finish (fixture->queue, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (rolo_delete_queue_get_committing (fixture->queue));

  /* The delete itself goes on. */
  wait_answered (fixture);
  g_assert_cmpuint (fixture->failed->len, ==, 0);
  g_assert_cmpuint (fixture->committed->len, ==, 1);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 249);
}

/* Pending deletes of a queue that goes away are given up. */
static void
test_dispose_undoes (Fixture       *fixture,
                     gconstpointer  data)
{
  add_at (fixture, 1);
  g_assert_cmpuint (n_items (fixture), ==, 249);
  g_clear_object (&fixture->queue);
  g_assert_cmpuint (n_items (fixture), ==, 250);
  rolo_test_iterate_for (50);
  g_assert_cmpuint (fixture->deletes->len, ==, 0);
}

#define ADD_TEST(path, n_contacts, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n_contacts), \
              fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/client/delete-queue/undo-sends-nothing", 250, test_undo_sends_nothing);
  ADD_TEST ("/client/delete-queue/commit", 250, test_commit);
  ADD_TEST ("/client/delete-queue/add-twice", 250, test_add_twice);
  ADD_TEST ("/client/delete-queue/rate-limited", 250, test_rate_limited);
  ADD_TEST ("/client/delete-queue/refused-comes-back", 250, test_refused_comes_back);
  ADD_TEST ("/client/delete-queue/already-gone", 250, test_already_gone);
  ADD_TEST ("/client/delete-queue/flush", 250, test_flush);
  ADD_TEST ("/client/delete-queue/flush-times-out", 250, test_flush_times_out);
  ADD_TEST ("/client/delete-queue/flush-unreachable", 250, test_flush_unreachable);
  ADD_TEST ("/client/delete-queue/flush-cancelled", 250, test_flush_cancelled);
  ADD_TEST ("/client/delete-queue/dispose-undoes", 250, test_dispose_undoes);

  return g_test_run ();
}
