/* test-bulk-edit.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-bulk-edit.h"
#include "rolo-client-error.h"
#include "rolo-contact-validation.h"
#include "rolo-operation-queue.h"
#include "rolo-test-utils.h"

typedef struct
{
  RoloSandbox *sandbox;
  RoloClient  *client;
  GPtrArray   *contacts;   /* RoloContact as the server has them, in creation order */
  gint64       business_id;
} Fixture;

/* A few individuals, one of them in a business, and the business. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  guint n_individuals = GPOINTER_TO_UINT (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) business = rolo_contact_new ();

  fixture->sandbox = rolo_test_sandbox_new (0);
  fixture->client = rolo_test_client_new_for (fixture->sandbox);
  fixture->contacts = g_ptr_array_new_with_free_func (g_object_unref);

  rolo_contact_set_name (business, "Smith Trading");
  rolo_contact_set_contact_type (business, ROLO_CONTACT_TYPE_BUSINESS);
  fixture->business_id = rolo_test_client_create (fixture->client, business, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_individuals; i++)
    {
      g_autoptr(RoloContact) contact = rolo_contact_new ();
      g_autofree char *name = g_strdup_printf ("Person %02u", i);
      g_autofree char *email = g_strdup_printf ("person%u@example.com", i);
      const gint64 tags[] = { 1, 2 + i % 2 };
      gint64 id;

      rolo_contact_set_name (contact, name);
      rolo_contact_set_email (contact, email);
      rolo_contact_set_contact_type (contact, ROLO_CONTACT_TYPE_INDIVIDUAL);
      rolo_contact_set_address (contact, "1 Main Street");
      rolo_contact_set_sms_notify (contact, i % 2 == 0);
      rolo_contact_set_tag_ids (contact, tags, G_N_ELEMENTS (tags));
      if (i == 0)
        rolo_contact_set_parent_id (contact, fixture->business_id);
      id = rolo_test_client_create (fixture->client, contact, &error);
      g_assert_no_error (error);
      g_ptr_array_add (fixture->contacts, rolo_test_client_get (fixture->client, id, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->contacts, g_ptr_array_unref);
  g_assert_finalize_object (fixture->client);
  g_assert_finalize_object (fixture->sandbox);
}

static RoloContact *
read_back (Fixture     *fixture,
           RoloContact *contact)
{
  g_autoptr(GError) error = NULL;
  RoloContact *now = rolo_test_client_get (fixture->client, rolo_contact_get_id (contact),
                                           &error);

  g_assert_no_error (error);
  return now;
}

/* The API fields in which @a and @b differ, sorted and joined by spaces. */
static char *
differences (RoloContact *a,
             RoloContact *b)
{
  g_autoptr(JsonObject) diff = rolo_contact_diff_to_update_json (a, b);
  g_autoptr(GList) members = json_object_get_members (diff);
  g_autoptr(GString) joined = g_string_new (NULL);

  members = g_list_sort (members, (GCompareFunc) g_strcmp0);
  for (GList *l = members; l != NULL; l = l->next)
    g_string_append_printf (joined, "%s%s", joined->len > 0 ? " " : "", (char *) l->data);

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static gboolean
apply (RoloBulkEdit  *edit,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rolo_bulk_edit_apply_async (edit, cancellable, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, ROLO_TEST_REQUEST_TIMEOUT_MS);
  return rolo_bulk_edit_apply_finish (edit, result, error);
}

static gboolean
undo (RoloBulkEdit  *edit,
      GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rolo_bulk_edit_undo_async (edit, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, ROLO_TEST_REQUEST_TIMEOUT_MS);
  return rolo_bulk_edit_undo_finish (edit, result, error);
}

/* The first @n contacts of the fixture. */
static GPtrArray *
first (Fixture *fixture,
       guint    n)
{
  GPtrArray *some = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (some, g_object_ref (g_ptr_array_index (fixture->contacts, i)));

  return some;
}

/* Only the ticked field changes, on only the contacts given. */
static void
test_only_ticked (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(RoloContactChange) change = rolo_contact_change_new ();
  g_autoptr(GPtrArray) some = first (fixture, 4);
  g_autoptr(RoloBulkEdit) edit = NULL;
  g_autoptr(RoloTestRecorder) recorder = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *requests;

  rolo_contact_change_set_sms_notify (change, FALSE);
  edit = rolo_bulk_edit_new (fixture->client, change, some);
  recorder = rolo_test_recorder_new_for_sandbox (fixture->sandbox);
  g_assert_cmpuint (rolo_bulk_edit_get_n_contacts (edit), ==, 4);
  g_assert_cmpuint (rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_NOT_DONE), ==, 4);

  g_assert_true (apply (edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (rolo_bulk_edit_get_running (edit));
  g_assert_cmpuint (rolo_bulk_edit_get_n_done (edit), ==, 4);
  /* Persons 0 and 2 had SMS on; 1 and 3 had it off already. */
  g_assert_cmpuint (rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_CHANGED), ==, 2);
  g_assert_cmpuint (rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_UNCHANGED), ==, 2);
  g_assert_cmpuint (rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_FAILED), ==, 0);

  /* On the wire: one PUT for each contact that needed it, holding the
   * ticked field alone. */
  requests = rolo_test_recorder_get_requests (recorder);
  g_assert_cmpuint (rolo_test_recorder_get_n (recorder, "PUT", NULL), ==, 2);
  for (guint i = 0; i < requests->len; i++)
    {
      RoloTestRequest *request = g_ptr_array_index (requests, i);
      JsonObject *body;

      if (!g_str_equal (request->method, "PUT"))
        continue;
      body = rolo_test_request_get_object (request);
      g_assert_cmpuint (json_object_get_size (body), ==, 1);
      g_assert_true (json_object_has_member (body, ROLO_CONTACT_FIELD_SMS_NOTIFY));
      g_assert_false (json_object_get_boolean_member (body, ROLO_CONTACT_FIELD_SMS_NOTIFY));
    }

  for (guint i = 0; i < fixture->contacts->len; i++)
    {
      RoloContact *before = g_ptr_array_index (fixture->contacts, i);
      g_autoptr(RoloContact) now = read_back (fixture, before);
      g_autofree char *changed = differences (before, now);

      g_assert_cmpstr (changed, ==, i < 4 && i % 2 == 0 ? ROLO_CONTACT_FIELD_SMS_NOTIFY : "");
    }
}

/* Add, remove and replace keep every other tag as it was. */
static void
test_tags (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(RoloContactChange) change = rolo_contact_change_new ();
  const gint64 had[] = { 3, 5, 7 };
  const gint64 some[] = { 5, 9 };
  const gint64 *tags;
  gsize n_tags;

  rolo_contact_set_tag_ids (contact, had, G_N_ELEMENTS (had));

  for (RoloTagChange mode = ROLO_TAG_CHANGE_ADD; mode <= ROLO_TAG_CHANGE_REPLACE; mode++)
    {
      const gint64 expected[][4] = { { 3, 5, 7, 9 }, { 3, 7 }, { 5, 9 } };
      const gsize n_expected[] = { 4, 2, 2 };
      g_autoptr(RoloContact) after = NULL;
      g_autoptr(RoloContact) undone = NULL;

      rolo_contact_change_set_tags (change, mode, some, G_N_ELEMENTS (some));
      g_assert_cmpuint (rolo_contact_change_get_fields (change), ==, ROLO_CHANGE_TAGS);
      after = rolo_contact_change_apply (change, contact);
      tags = rolo_contact_get_tag_ids (after, &n_tags);
      g_assert_cmpmem (tags, n_tags * sizeof *tags,
                       expected[mode], n_expected[mode] * sizeof *tags);

      /* Undo puts back exactly what was there. */
      undone = rolo_contact_change_revert (change, contact, after);
      tags = rolo_contact_get_tag_ids (undone, &n_tags);
      g_assert_cmpmem (tags, n_tags * sizeof *tags, had, sizeof had);
    }
}

static void
assert_refused (RoloContactChange *change,
                GPtrArray         *contacts,
                const char        *message_part)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rolo_contact_change_validate (change, contacts, &error));
  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, message_part));
}

/* What the API would refuse is refused before the first request. */
static void
test_validate (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GPtrArray) some = first (fixture, 3);
  g_autoptr(GPtrArray) with_business = first (fixture, 2);
  g_autoptr(RoloContactChange) change = rolo_contact_change_new ();
  g_autoptr(RoloBulkEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  guint n_requests;

  assert_refused (change, some, "Tick");

  /* A business cannot get a parent. */
  rolo_contact_change_set_contact_type (change, ROLO_CONTACT_TYPE_BUSINESS);
  rolo_contact_change_set_parent_id (change, fixture->business_id);
  assert_refused (change, some, "business");
  rolo_contact_change_unset (change, ROLO_CHANGE_CONTACT_TYPE);
  g_assert_cmpuint (rolo_contact_change_get_fields (change), ==, ROLO_CHANGE_PARENT);
  g_assert_true (rolo_contact_change_validate (change, some, NULL));

  /* Nor may the selection hold one, or the parent itself. */
  g_ptr_array_add (with_business, read_back (fixture, g_ptr_array_index (fixture->contacts, 0)));
  {
    g_autoptr(RoloContact) business = rolo_contact_new ();

    rolo_contact_set_id (business, fixture->business_id);
    rolo_contact_set_name (business, "Smith Trading");
    rolo_contact_set_contact_type (business, ROLO_CONTACT_TYPE_BUSINESS);
    g_ptr_array_add (with_business, g_steal_pointer (&business));
  }
  assert_refused (change, with_business, "Smith Trading");
  rolo_contact_change_set_parent_id (change, rolo_contact_get_id (g_ptr_array_index (some, 1)));
  assert_refused (change, some, "Person 01");

  /* Field rules too; and nothing was sent for any of it. */
  rolo_contact_change_unset (change, ROLO_CHANGE_PARENT);
  {
    g_autofree char *long_notes = g_strnfill (ROLO_CONTACT_NOTES_MAX_CHARS + 1, 'x');

    rolo_contact_change_set_notes (change, long_notes);
  }
  n_requests = rolo_sandbox_get_n_requests (fixture->sandbox);
  edit = rolo_bulk_edit_new (fixture->client, change, some);
  g_assert_false (apply (edit, NULL, &error));
  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "characters"));
  g_assert_cmpuint (rolo_sandbox_get_n_requests (fixture->sandbox), ==, n_requests);
  g_assert_cmpuint (rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_NOT_DONE), ==, 3);
}

/* Becoming a business leaves the business the contact was in, in the same
 * request (the API refuses the type alone). */
static void
test_business_clears_parent (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GPtrArray) some = first (fixture, 2);
  g_autoptr(RoloContactChange) change = rolo_contact_change_new ();
  g_autoptr(RoloBulkEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (rolo_contact_get_parent_id (g_ptr_array_index (some, 0)), ==,
                   fixture->business_id);
  rolo_contact_change_set_contact_type (change, ROLO_CONTACT_TYPE_BUSINESS);
  g_assert_cmpuint (rolo_contact_change_get_touched (change), ==,
                    ROLO_CHANGE_CONTACT_TYPE | ROLO_CHANGE_PARENT);
  edit = rolo_bulk_edit_new (fixture->client, change, some);
  g_assert_true (apply (edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_CHANGED), ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RoloContact) now = read_back (fixture, g_ptr_array_index (some, i));

      g_assert_cmpint (rolo_contact_get_contact_type (now), ==, ROLO_CONTACT_TYPE_BUSINESS);
      g_assert_cmpint (rolo_contact_get_parent_id (now), ==, 0);
    }
}

/* A contact the server refuses is listed with its reason, the others are
 * changed; Retry sends the failed ones again. */
static void
test_failures (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GPtrArray) some = first (fixture, 4);
  g_autoptr(RoloContactChange) change = rolo_contact_change_new ();
  g_autoptr(RoloBulkEdit) edit = NULL;
  g_autoptr(GPtrArray) failed = NULL;
  g_autoptr(GError) error = NULL;
  RoloContact *gone = g_ptr_array_index (some, 2);

  rolo_test_client_delete (fixture->client, rolo_contact_get_id (gone), &error);
  g_assert_no_error (error);

  rolo_contact_change_set_address (change, "2 Market Square");
  edit = rolo_bulk_edit_new (fixture->client, change, some);
  g_assert_true (apply (edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_CHANGED), ==, 3);
  failed = rolo_bulk_edit_list (edit, ROLO_BULK_EDIT_FAILED);
  g_assert_cmpuint (failed->len, ==, 1);
  g_assert_true (g_ptr_array_index (failed, 0) == gone);
  g_assert_error (rolo_bulk_edit_get_error (edit, gone), ROLO_CLIENT_ERROR,
                  ROLO_CLIENT_ERROR_NOT_FOUND);
  g_assert_null (rolo_bulk_edit_get_error (edit, g_ptr_array_index (some, 0)));
  g_clear_pointer (&failed, g_ptr_array_unref);

  /* A server failing every answer: all fail, nothing is lost; once it is
   * well again, Retry changes them. */
  g_clear_object (&edit);
  g_ptr_array_remove_index (some, 2);
  rolo_contact_change_set_notes (change, "Moved in March");
  edit = rolo_bulk_edit_new (fixture->client, change, some);
  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  g_assert_true (apply (edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_FAILED), ==, 3);
  rolo_sandbox_set_fail_rate (fixture->sandbox, 0.0);
  g_assert_true (apply (edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rolo_bulk_edit_get_n_to_do (edit), ==, 3);
  g_assert_cmpuint (rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_CHANGED), ==, 3);

  for (guint i = 0; i < some->len; i++)
    {
      g_autoptr(RoloContact) now = read_back (fixture, g_ptr_array_index (some, i));

      g_assert_cmpstr (rolo_contact_get_notes (now), ==, "Moved in March");
      g_assert_cmpstr (rolo_contact_get_address (now), ==, "2 Market Square");
    }
}

/* A busy server's 429s are waited out: every contact is changed. */
static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) some = first (fixture, 4);
  g_autoptr(RoloContactChange) change = rolo_contact_change_new ();
  g_autoptr(RoloBulkEdit) edit = NULL;
  g_autoptr(GError) error = NULL;

  rolo_contact_change_set_notes (change, "Prefers calls");
  edit = rolo_bulk_edit_new (fixture->client, change, some);
  rolo_sandbox_set_rate_limit (fixture->sandbox, 0.25, 1);
  g_assert_true (apply (edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_CHANGED), ==, 4);
  rolo_sandbox_set_rate_limit (fixture->sandbox, 0.0, 0);

  for (guint i = 0; i < some->len; i++)
    {
      g_autoptr(RoloContact) now = read_back (fixture, g_ptr_array_index (some, i));

      g_assert_cmpstr (rolo_contact_get_notes (now), ==, "Prefers calls");
    }
}

/* Undo restores the touched fields of exactly the contacts that changed,
 * and keeps what was edited elsewhere meanwhile. */
static void
test_undo (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GPtrArray) some = first (fixture, 4);
  g_autoptr(RoloContactChange) change = rolo_contact_change_new ();
  g_autoptr(RoloBulkEdit) edit = NULL;
  g_autoptr(RoloContact) current = NULL;
  g_autoptr(RoloContact) edited = NULL;
  g_autoptr(RoloContact) meanwhile = NULL;
  g_autoptr(RoloTestRecorder) recorder = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 campaign[] = { 3 };
  guint n_requests;

  rolo_contact_change_set_contact_type (change, ROLO_CONTACT_TYPE_BUSINESS);
  rolo_contact_change_set_tags (change, ROLO_TAG_CHANGE_ADD, campaign, 1);
  rolo_contact_change_set_sms_notify (change, FALSE);
  edit = rolo_bulk_edit_new (fixture->client, change, some);
  g_assert_true (apply (edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_CHANGED), ==, 4);

  /* Someone edits one contact's email between the change and its undo. */
  current = read_back (fixture, g_ptr_array_index (some, 1));
  edited = rolo_contact_copy (current);
  rolo_contact_set_email (edited, "new@example.com");
  meanwhile = rolo_test_client_update (fixture->client, current, edited, NULL, &error);
  g_assert_no_error (error);

  recorder = rolo_test_recorder_new_for_sandbox (fixture->sandbox);
  g_assert_true (undo (edit, &error));
  g_assert_no_error (error);
  g_assert_true (rolo_bulk_edit_get_undoing (edit));
  /* Undo sends the touched fields back, never the email edited meanwhile. */
  g_assert_cmpuint (rolo_test_recorder_get_n (recorder, "PUT", NULL), ==, 4);
  for (guint i = 0; i < rolo_test_recorder_get_requests (recorder)->len; i++)
    {
      RoloTestRequest *request = g_ptr_array_index (rolo_test_recorder_get_requests (recorder), i);

      if (g_str_equal (request->method, "PUT"))
        g_assert_false (json_object_has_member (rolo_test_request_get_object (request),
                                                ROLO_CONTACT_FIELD_EMAIL));
    }
  g_assert_cmpuint (rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_UNDONE), ==, 4);

  for (guint i = 0; i < fixture->contacts->len; i++)
    {
      RoloContact *before = g_ptr_array_index (fixture->contacts, i);
      g_autoptr(RoloContact) now = read_back (fixture, before);
      g_autofree char *changed = differences (before, now);

      g_assert_cmpstr (changed, ==, i == 1 ? ROLO_CONTACT_FIELD_EMAIL : "");
    }

  /* Undoing again has nothing left to do. */
  n_requests = rolo_sandbox_get_n_requests (fixture->sandbox);
  g_assert_true (undo (edit, &error));
  g_assert_cmpuint (rolo_bulk_edit_get_n_to_do (edit), ==, 0);
  g_assert_cmpuint (rolo_sandbox_get_n_requests (fixture->sandbox), ==, n_requests);
}

static void
stop_after_some_cb (RoloBulkEdit *edit,
                    GParamSpec   *pspec,
                    GCancellable *cancellable)
{
  if (rolo_bulk_edit_get_n_done (edit) >= 3)
    g_cancellable_cancel (cancellable);
}

/* Stopping mid-way: what was in flight finishes, nothing more starts, and
 * every contact's state says what the server has. */
static void
test_stop (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(RoloContactChange) change = rolo_contact_change_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RoloBulkEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed, n_not_done;

  rolo_contact_change_set_address (change, "3 Harbour Road");
  edit = rolo_bulk_edit_new (fixture->client, change, fixture->contacts);
  g_signal_connect (edit, "notify::n-done", G_CALLBACK (stop_after_some_cb), cancellable);
  rolo_sandbox_set_latency (fixture->sandbox, 20);
  g_assert_false (apply (edit, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (rolo_bulk_edit_get_running (edit));

  n_changed = rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_CHANGED);
  n_not_done = rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_NOT_DONE);
  g_assert_cmpuint (n_changed, >=, 3);
  g_assert_cmpuint (n_not_done, >, 0);
  g_assert_cmpuint (n_changed + n_not_done, ==, fixture->contacts->len);
  g_assert_cmpuint (rolo_bulk_edit_get_n_done (edit), ==, n_changed);

  for (guint i = 0; i < fixture->contacts->len; i++)
    {
      RoloContact *contact = g_ptr_array_index (fixture->contacts, i);
      g_autoptr(RoloContact) now = read_back (fixture, contact);
      g_autoptr(GPtrArray) changed = rolo_bulk_edit_list (edit, ROLO_BULK_EDIT_CHANGED);

      g_assert_cmpstr (rolo_contact_get_address (now), ==,
                       g_ptr_array_find (changed, contact, NULL) ? "3 Harbour Road"
                                                                 : "1 Main Street");
    }

  /* Retry finishes the rest. */
  g_assert_true (apply (edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rolo_bulk_edit_get_n_to_do (edit), ==, n_not_done);
  g_assert_cmpuint (rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_CHANGED), ==,
                    fixture->contacts->len);
}

/* The queue: a few at a time, in order, each item once. */

typedef struct
{
  guint      in_flight;
  guint      most_in_flight;
  GPtrArray *order;
} Counting;

static gboolean
op_done_cb (gpointer user_data)
{
  GTask *task = user_data;
  Counting *counting = g_task_get_task_data (task);

  counting->in_flight--;
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static void
op_start (GObject             *item,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             callback_data,
          gpointer             user_data)
{
  Counting *counting = user_data;
  GTask *task = g_task_new (item, cancellable, callback, callback_data);

  g_task_set_task_data (task, counting, NULL);
  counting->in_flight++;
  counting->most_in_flight = MAX (counting->most_in_flight, counting->in_flight);
  g_ptr_array_add (counting->order, item);
  g_timeout_add (5, op_done_cb, task);
}

static gboolean
op_finish (GObject       *item,
           GAsyncResult  *result,
           GError       **error,
           gpointer       user_data)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
test_queue_bounded (void)
{
  Counting counting = { 0, 0, g_ptr_array_new () };
  g_autoptr(RoloOperationQueue) queue = rolo_operation_queue_new (4, op_start, op_finish,
                                                                  &counting);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 25; i++)
    {
      g_ptr_array_add (items, rolo_contact_new ());
      rolo_operation_queue_add (queue, g_ptr_array_index (items, i));
    }
  g_assert_cmpuint (rolo_operation_queue_get_n_items (queue), ==, 25);

  rolo_operation_queue_run_async (queue, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, ROLO_TEST_REQUEST_TIMEOUT_MS);
  g_assert_true (rolo_operation_queue_run_finish (queue, result, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (counting.most_in_flight, ==, 4);
  g_assert_cmpuint (rolo_operation_queue_get_n_done (queue), ==, 25);
  g_assert_cmpuint (rolo_operation_queue_get_n_failed (queue), ==, 0);
  g_assert_cmpuint (counting.order->len, ==, 25);
  for (guint i = 0; i < 25; i++)
    g_assert_true (g_ptr_array_index (counting.order, i) == g_ptr_array_index (items, i));
  g_ptr_array_unref (counting.order);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, n, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_set_up, func, fixture_tear_down)

  ADD ("/client/bulk-edit/only-ticked", 6, test_only_ticked);
  ADD ("/client/bulk-edit/tags", 0, test_tags);
  ADD ("/client/bulk-edit/validate", 3, test_validate);
  ADD ("/client/bulk-edit/business-clears-parent", 2, test_business_clears_parent);
  ADD ("/client/bulk-edit/failures", 4, test_failures);
  ADD ("/client/bulk-edit/rate-limited", 4, test_rate_limited);
  ADD ("/client/bulk-edit/undo", 5, test_undo);
  ADD ("/client/bulk-edit/stop", 30, test_stop);
  g_test_add_func ("/client/operation-queue/bounded", test_queue_bounded);

  return g_test_run ();
}
