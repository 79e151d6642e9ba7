/* test-contact-list.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <libsoup/soup.h>

#include "rolo-client.h"
#include "rolo-contact-list.h"
#include "rolo-test-utils.h"

#define WAIT_MS 30000
#define PAGE    ROLO_CONTACT_LIST_PAGE_SIZE
#define TRUTH_PAGE 50

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  RoloSandbox     *sandbox;
  RoloClient      *client;
  RoloContactList *list;
  GArray          *pages_requested;  /* guint pageIndex of each list request */
  GArray          *changes;          /* Change */
  guint            n_seen;           /* n_items as the signals tell it */
  guint            max_in_flight;
  guint            n_failed;
  GHashTable      *live;             /* RoloContact handed out and still alive */
} Fixture;

/* Helpers */

static void
note_in_flight (Fixture *fixture)
{
  if (fixture->list != NULL)
    fixture->max_in_flight = MAX (fixture->max_in_flight,
                                  rolo_contact_list_get_n_in_flight (fixture->list));
}

static void
request_cb (RoloSandbox *sandbox,
            const char  *method,
            const char  *path_and_query,
            GBytes      *body,
            gpointer     user_data)
{
  Fixture *fixture = user_data;
  const char *query = strchr (path_and_query, '?');
  g_autoptr(GHashTable) params = NULL;
  const char *index;
  guint value;

  if (!g_str_equal (method, "GET") || !g_str_has_prefix (path_and_query, "/v1/contacts?"))
    return;

  params = g_uri_parse_params (query + 1, -1, "&", G_URI_PARAMS_NONE, NULL);
  g_assert_nonnull (params);
  /* The tests' own listings (truth_ids()) use another page size. */
  if (g_strcmp0 (g_hash_table_lookup (params, "pageSize"), G_STRINGIFY (PAGE)) != 0)
    return;
  index = g_hash_table_lookup (params, "pageIndex");
  g_assert_nonnull (index);
  value = (guint) g_ascii_strtoull (index, NULL, 10);
  g_array_append_val (fixture->pages_requested, value);
  note_in_flight (fixture);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  Fixture *fixture = user_data;
  Change change = { position, removed, added };

  g_assert_cmpuint (position + removed, <=, fixture->n_seen);
  fixture->n_seen = fixture->n_seen - removed + added;
  g_assert_cmpuint (fixture->n_seen, ==, g_list_model_get_n_items (model));
  g_array_append_val (fixture->changes, change);
}

static void
failed_cb (RoloContactList *list,
           const GError    *error,
           gpointer         user_data)
{
  Fixture *fixture = user_data;

  g_assert_nonnull (error);
  g_assert_true (error == rolo_contact_list_get_error (list));
  fixture->n_failed++;
}

static RoloContactList *
fixture_new_list (Fixture          *fixture,
                  RoloContactQuery *query)
{
  g_assert_null (fixture->list);
  fixture->list = rolo_contact_list_new (fixture->client, query);
  g_signal_connect (fixture->list, "items-changed", G_CALLBACK (items_changed_cb), fixture);
  g_signal_connect (fixture->list, "failed", G_CALLBACK (failed_cb), fixture);
  return fixture->list;
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
  fixture->pages_requested = g_array_new (FALSE, FALSE, sizeof (guint));
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  fixture->live = g_hash_table_new (NULL, NULL);
  g_signal_connect (fixture->sandbox, "request", G_CALLBACK (request_cb), fixture);
}

static void
live_gone_cb (gpointer  data,
              GObject  *where_the_object_was)
{
  Fixture *fixture = data;

  g_assert_true (g_hash_table_remove (fixture->live, where_the_object_was));
}

static void
forget_live (gpointer key,
             gpointer value,
             gpointer user_data)
{
  g_object_weak_unref (key, live_gone_cb, user_data);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->list);
  g_hash_table_foreach (fixture->live, forget_live, fixture);
  g_clear_pointer (&fixture->live, g_hash_table_unref);
  g_clear_object (&fixture->client);
  g_signal_handlers_disconnect_by_data (fixture->sandbox, fixture);
  rolo_sandbox_stop (fixture->sandbox);
  g_assert_finalize_object (g_steal_pointer (&fixture->sandbox));
  g_clear_pointer (&fixture->pages_requested, g_array_unref);
  g_clear_pointer (&fixture->changes, g_array_unref);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
list_is_loaded (gpointer user_data)
{
  return rolo_contact_list_get_loaded (user_data);
}

static void
wait_loaded (Fixture *fixture)
{
  rolo_test_wait_until (list_is_loaded, fixture->list, WAIT_MS);
}

/* Runs what is ready, then tells whether nothing is left in flight. */
static gboolean
list_is_idle (gpointer user_data)
{
  Fixture *fixture = user_data;

  while (g_main_context_iteration (NULL, FALSE))
    note_in_flight (fixture);
  note_in_flight (fixture);
  return rolo_contact_list_get_n_in_flight (fixture->list) == 0;
}

static void
settle (Fixture *fixture)
{
  rolo_test_wait_until (list_is_idle, fixture, WAIT_MS);
}

static RoloContact *
item_at (Fixture *fixture,
         guint    position)
{
  RoloContact *contact = g_list_model_get_item (G_LIST_MODEL (fixture->list), position);

  g_assert_nonnull (contact);
  if (!g_hash_table_contains (fixture->live, contact))
    {
      g_hash_table_add (fixture->live, contact);
      g_object_weak_ref (G_OBJECT (contact), live_gone_cb, fixture);
    }
  return contact;
}

static RoloContactState
state_at (Fixture *fixture,
          guint    position)
{
  g_autoptr(RoloContact) contact = item_at (fixture, position);

  return rolo_contact_get_state (contact);
}

static gboolean
contact_is_ready (gpointer user_data)
{
  return rolo_contact_get_state (user_data) == ROLO_CONTACT_STATE_READY;
}

static gboolean
contact_is_failed (gpointer user_data)
{
  return rolo_contact_get_state (user_data) == ROLO_CONTACT_STATE_FAILED;
}

static void
touch_page (Fixture *fixture,
            guint    index)
{
  g_autoptr(RoloContact) contact = item_at (fixture, index * PAGE);
}

static guint
n_list_requests (Fixture *fixture)
{
  return fixture->pages_requested->len;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* Pages sent together reach the server in any order: BATCH separates groups
 * compared as sets; the groups themselves must come in order. */
#define BATCH G_MAXUINT

static void
assert_pages_requested (Fixture     *fixture,
                        const guint *expected,
                        guint        n_expected)
{
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autoptr(GArray) want = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) got = g_array_new (FALSE, FALSE, sizeof (guint));
  guint done = 0;

  for (guint i = 0; i < fixture->pages_requested->len; i++)
    g_string_append_printf (seen, " %u", g_array_index (fixture->pages_requested, guint, i));
  g_test_message ("Pages requested:%s", seen->str);

  for (guint i = 0; i <= n_expected; i++)
    {
      if (i < n_expected && expected[i] != BATCH)
        {
          g_array_append_val (want, expected[i]);
          continue;
        }
      g_assert_cmpuint (done + want->len, <=, fixture->pages_requested->len);
      g_array_set_size (got, 0);
      g_array_append_vals (got, &g_array_index (fixture->pages_requested, guint, done),
                           want->len);
      g_array_sort (want, compare_uint);
      g_array_sort (got, compare_uint);
      g_assert_cmpmem (got->data, got->len * sizeof (guint),
                       want->data, want->len * sizeof (guint));
      done += want->len;
      g_array_set_size (want, 0);
    }
  g_assert_cmpuint (done, ==, fixture->pages_requested->len);
}

static void
assert_changes (Fixture      *fixture,
                const Change *expected,
                guint         n_expected)
{
  g_assert_cmpuint (fixture->changes->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      Change *change = &g_array_index (fixture->changes, Change, i);

      g_assert_cmpuint (change->position, ==, expected[i].position);
      g_assert_cmpuint (change->removed, ==, expected[i].removed);
      g_assert_cmpuint (change->added, ==, expected[i].added);
    }
}

/* The server's own answer, as ids in order (in pages of another size than the
 * list's, so that request_cb() tells them apart). */
static GArray *
truth_ids (Fixture          *fixture,
           RoloContactQuery *query)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint index = 0;; index++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(RoloContactPage) page = NULL;
      g_autoptr(GError) error = NULL;
      GListModel *contacts;

      rolo_client_list_contacts_async (fixture->client, query, index, TRUTH_PAGE, NULL,
                                       rolo_test_store_result, &result);
      rolo_test_wait_for_result (&result, WAIT_MS);
      page = rolo_client_list_contacts_finish (fixture->client, result, &error);
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

/* Loads every row of the list and checks it against the server, row by row:
 * nothing duplicated, nothing lost. */
static void
assert_rows_match_server (Fixture *fixture)
{
  g_autoptr(GArray) ids = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->list));

  for (guint position = 0; position < n; position++)
    {
      g_autoptr(RoloContact) contact = item_at (fixture, position);

      if (position % PAGE == 0)
        rolo_test_wait_until (contact_is_ready, contact, WAIT_MS);
    }
  settle (fixture);

  ids = truth_ids (fixture, rolo_contact_list_get_query (fixture->list));
  g_assert_cmpuint (ids->len, ==, n);
  for (guint position = 0; position < n; position++)
    {
      g_autoptr(RoloContact) contact = item_at (fixture, position);

      g_assert_cmpint (rolo_contact_get_state (contact), ==, ROLO_CONTACT_STATE_READY);
      g_assert_cmpint (rolo_contact_get_id (contact), ==, g_array_index (ids, gint64, position));
    }
}

static gint64
create_contact (Fixture    *fixture,
                const char *name)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  rolo_contact_set_name (contact, name);
  rolo_client_create_contact_async (fixture->client, contact, NULL,
                                    rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, WAIT_MS);
  id = rolo_client_create_contact_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  return id;
}

static void
delete_contact (Fixture *fixture,
                gint64   id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rolo_client_delete_contact_async (fixture->client, id, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, WAIT_MS);
  rolo_client_delete_contact_finish (fixture->client, result, &error);
  g_assert_no_error (error);
}

static void
rename_contact (Fixture     *fixture,
                RoloContact *contact,
                const char  *name)
{
  g_autoptr(RoloContact) edited = rolo_contact_copy (contact);
  g_autoptr(RoloContact) updated = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rolo_contact_set_name (edited, name);
  rolo_client_update_contact_async (fixture->client, contact, edited, NULL,
                                    rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, WAIT_MS);
  updated = rolo_client_update_contact_finish (fixture->client, result, NULL, &error);
  g_assert_no_error (error);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

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


/* Hidden rows */

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

/* Hidden rows */

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

#define ADD_TEST(path, n_contacts, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n_contacts), \
              fixture_set_up, func, fixture_tear_down)

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
  ADD_TEST ("/client/contact-list/errors/first-page-retry", 1000, test_first_page_fails_then_retry);
  ADD_TEST ("/client/contact-list/errors/failed-pages-retry", 1000, test_failed_pages_then_retry);
  ADD_TEST ("/client/contact-list/errors/failed-pages-come-back", 1000,
            test_failed_pages_come_back);
  ADD_TEST ("/client/contact-list/errors/unauthorized-stops", 1000,
            test_unauthorized_stops_requests);
  g_test_add_func ("/client/contact-list/errors/rate-limited-waits", test_rate_limited_waits);
  ADD_TEST ("/client/contact-list/dispose-while-loading", 1000, test_dispose_while_loading);
  ADD_TEST ("/client/contact-list/hide/runs", 250, test_hide_runs);
  ADD_TEST ("/client/contact-list/hide/survives-refresh", 250, test_hide_survives_refresh);
  ADD_TEST ("/client/contact-list/hide/survives-eviction", 5000, test_hide_survives_eviction);
  ADD_TEST ("/client/contact-list/hide/follows-moves", 250, test_hide_follows_moves);
  ADD_TEST ("/client/contact-list/hide/forget-converges", 250, test_hide_forget_converges);
  ADD_TEST ("/client/contact-list/hide/across-queries", 250, test_hide_across_queries);

  return g_test_run ();
}
