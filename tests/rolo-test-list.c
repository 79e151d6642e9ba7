/* rolo-test-list.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-test-list.h"

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

RoloContactList *
fixture_new_list (Fixture          *fixture,
                  RoloContactQuery *query)
{
  g_assert_null (fixture->list);
  fixture->list = rolo_contact_list_new (fixture->client, query);
  g_signal_connect (fixture->list, "items-changed", G_CALLBACK (items_changed_cb), fixture);
  g_signal_connect (fixture->list, "failed", G_CALLBACK (failed_cb), fixture);
  return fixture->list;
}

void
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

void
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

gboolean
list_is_loaded (gpointer user_data)
{
  return rolo_contact_list_get_loaded (user_data);
}

void
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

void
settle (Fixture *fixture)
{
  rolo_test_wait_until (list_is_idle, fixture, WAIT_MS);
}

RoloContact *
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

RoloContactState
state_at (Fixture *fixture,
          guint    position)
{
  g_autoptr(RoloContact) contact = item_at (fixture, position);

  return rolo_contact_get_state (contact);
}

gboolean
contact_is_ready (gpointer user_data)
{
  return rolo_contact_get_state (user_data) == ROLO_CONTACT_STATE_READY;
}

gboolean
contact_is_failed (gpointer user_data)
{
  return rolo_contact_get_state (user_data) == ROLO_CONTACT_STATE_FAILED;
}

void
touch_page (Fixture *fixture,
            guint    index)
{
  g_object_unref (item_at (fixture, index * PAGE));
}

guint
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

void
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

void
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
GArray *
truth_ids (Fixture          *fixture,
           RoloContactQuery *query)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint index = 0;; index++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RoloContactPage) page = rolo_test_client_list (fixture->client, query, index,
                                                               TRUTH_PAGE, &error);
      GListModel *contacts;

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
void
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

gint64
create_contact (Fixture    *fixture,
                const char *name)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  rolo_contact_set_name (contact, name);
  id = rolo_test_client_create (fixture->client, contact, &error);
  g_assert_no_error (error);
  return id;
}

void
delete_contact (Fixture *fixture,
                gint64   id)
{
  g_autoptr(GError) error = NULL;

  rolo_test_client_delete (fixture->client, id, &error);
  g_assert_no_error (error);
}

void
rename_contact (Fixture     *fixture,
                RoloContact *contact,
                const char  *name)
{
  g_autoptr(RoloContact) edited = rolo_contact_copy (contact);
  g_autoptr(RoloContact) updated = NULL;
  g_autoptr(GError) error = NULL;

  rolo_contact_set_name (edited, name);
  updated = rolo_test_client_update (fixture->client, contact, edited, NULL, &error);
  g_assert_no_error (error);
}

void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}
