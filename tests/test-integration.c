/* test-integration.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include "rolo-client.h"
#include "rolo-test-utils.h"

#define N_SEEDED 250
#define ARABIC_NAME "نورة القحطاني"

typedef struct
{
  RoloSandbox *sandbox;
  RoloClient  *client;
  GPtrArray   *bodies;   /* GBytes of PUT requests, as the sandbox saw them */
} Fixture;

static RoloClient *
new_client (RoloSandbox *sandbox,
            const char  *access_key,
            const char  *secret_key)
{
  g_autofree char *base = rolo_sandbox_dup_base_url (sandbox);
  g_autoptr(GError) error = NULL;
  RoloClient *client = rolo_client_new (base, access_key, secret_key, &error);

  g_assert_no_error (error);
  return client;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->sandbox = rolo_test_sandbox_new (GPOINTER_TO_UINT (data));
  fixture->client = new_client (fixture->sandbox, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  fixture->bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  rolo_test_sandbox_keep_put_bodies (fixture->sandbox, fixture->bodies);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->client));
  g_signal_handlers_disconnect_by_data (fixture->sandbox, fixture->bodies);
  rolo_sandbox_stop (fixture->sandbox);
  g_assert_finalize_object (g_steal_pointer (&fixture->sandbox));
  g_clear_pointer (&fixture->bodies, g_ptr_array_unref);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Creates a contact, checked, and returns it as the server has it. */
static RoloContact *
create_and_get (Fixture     *fixture,
                RoloContact *contact)
{
  g_autoptr(GError) error = NULL;
  gint64 id = rolo_test_client_create (fixture->client, contact, &error);
  RoloContact *created;

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  created = rolo_test_client_get (fixture->client, id, &error);
  g_assert_no_error (error);
  return created;
}

static RoloContact *
new_contact (const char      *name,
             RoloContactType  type)
{
  RoloContact *contact = rolo_contact_new ();

  rolo_contact_set_name (contact, name);
  rolo_contact_set_contact_type (contact, type);
  return contact;
}

static void
test_list_paging (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;

  for (guint index = 0; index < 3; index++)
    {
      g_autoptr(RoloContactPage) page = rolo_test_client_list (fixture->client, NULL, index, 100,
                                                               &error);

      g_assert_no_error (error);
      g_assert_cmpuint (rolo_contact_page_get_total_records (page), ==, N_SEEDED);
      g_assert_cmpuint (rolo_contact_page_get_total_pages (page), ==, 3);
      g_assert_cmpuint (rolo_contact_page_get_current_page (page), ==, index + 1);
      g_assert_cmpuint (rolo_test_page_n_items (page), ==, index < 2 ? 100 : 50);

      for (guint i = 0; i < rolo_test_page_n_items (page); i++)
        {
          gint64 id = rolo_contact_get_id (rolo_test_page_at (page, i));

          /* Pages never overlap. */
          g_assert_false (g_hash_table_contains (seen, &id));
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
          g_assert_cmpstr (rolo_contact_get_name (rolo_test_page_at (page, i)), !=, "");
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, N_SEEDED);
}

static void
test_list_past_end (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContactPage) page = rolo_test_client_list (fixture->client, NULL, 9, 100, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rolo_test_page_n_items (page), ==, 0);
  g_assert_cmpuint (rolo_contact_page_get_total_records (page), ==, N_SEEDED);
}

static void
test_list_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContactPage) page = rolo_test_client_list (fixture->client, NULL, 0, 100, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rolo_test_page_n_items (page), ==, 0);
  g_assert_cmpuint (rolo_contact_page_get_total_records (page), ==, 0);
  g_assert_cmpuint (rolo_contact_page_get_total_pages (page), ==, 0);
}

static void
test_list_search_arabic (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RoloContact) arabic = new_contact (ARABIC_NAME, ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_autoptr(RoloContact) created = NULL;
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autoptr(RoloContactPage) page = NULL;
  g_autoptr(GError) error = NULL;

  rolo_contact_set_email (arabic, "noura+test@example.com");
  created = create_and_get (fixture, arabic);

  rolo_contact_query_set_search (query, "القحطاني");
  page = rolo_test_client_list (fixture->client, query, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rolo_test_page_n_items (page), >=, 1);
  for (guint i = 0; i < rolo_test_page_n_items (page); i++)
    g_assert_nonnull (strstr (rolo_contact_get_name (rolo_test_page_at (page, i)), "القحطاني"));
  g_clear_object (&page);

  /* '+' must reach the server as a plus, not as a space. */
  rolo_contact_query_set_search (query, "noura+test");
  page = rolo_test_client_list (fixture->client, query, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rolo_test_page_n_items (page), ==, 1);
  g_assert_cmpint (rolo_contact_get_id (rolo_test_page_at (page, 0)), ==,
                   rolo_contact_get_id (created));
}

static void
test_list_type_filter (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autoptr(GError) error = NULL;
  guint total = 0;

  for (RoloContactType type = ROLO_CONTACT_TYPE_INDIVIDUAL;
       type <= ROLO_CONTACT_TYPE_BUSINESS; type++)
    {
      g_autoptr(RoloContactPage) page = NULL;

      rolo_contact_query_set_contact_type (query, type);
      page = rolo_test_client_list (fixture->client, query, 0, 100, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rolo_test_page_n_items (page), >, 0);
      for (guint i = 0; i < rolo_test_page_n_items (page); i++)
        g_assert_cmpint (rolo_contact_get_contact_type (rolo_test_page_at (page, i)), ==, type);
      total += rolo_contact_page_get_total_records (page);
    }

  g_assert_cmpuint (total, ==, N_SEEDED);
}

static void
test_list_sort (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autoptr(RoloContactPage) by_id = NULL;
  g_autoptr(RoloContactPage) by_created = NULL;
  g_autoptr(RoloContactPage) newest = NULL;
  g_autoptr(GError) error = NULL;

  rolo_contact_query_set_sort_by (query, ROLO_CONTACT_SORT_ID);
  rolo_contact_query_set_sort_descending (query, FALSE);
  by_id = rolo_test_client_list (fixture->client, query, 0, 100, &error);
  g_assert_no_error (error);
  for (guint i = 1; i < rolo_test_page_n_items (by_id); i++)
    g_assert_cmpint (rolo_contact_get_id (rolo_test_page_at (by_id, i - 1)), <,
                     rolo_contact_get_id (rolo_test_page_at (by_id, i)));

  rolo_contact_query_set_sort_by (query, ROLO_CONTACT_SORT_CREATED);
  rolo_contact_query_set_sort_descending (query, TRUE);
  by_created = rolo_test_client_list (fixture->client, query, 0, 100, &error);
  g_assert_no_error (error);
  for (guint i = 1; i < rolo_test_page_n_items (by_created); i++)
    {
      GDateTime *before = rolo_contact_get_created (rolo_test_page_at (by_created, i - 1));
      GDateTime *after = rolo_contact_get_created (rolo_test_page_at (by_created, i));

      g_assert_nonnull (before);
      g_assert_nonnull (after);
      g_assert_cmpint (g_date_time_compare (before, after), >=, 0);
    }

  /* The default query is newest first. */
  newest = rolo_test_client_list (fixture->client, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rolo_contact_get_id (rolo_test_page_at (newest, 0)), >,
                   rolo_contact_get_id (rolo_test_page_at (newest, 1)));

  for (RoloContactSortField field = ROLO_CONTACT_SORT_ID; field <= ROLO_CONTACT_SORT_CREATED;
       field++)
    {
      g_autoptr(RoloContactPage) page = NULL;

      rolo_contact_query_set_sort_by (query, field);
      page = rolo_test_client_list (fixture->client, query, 1, 100, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rolo_test_page_n_items (page), ==, 100);
    }
}

static RoloContact *
new_business (Fixture *fixture)
{
  g_autoptr(RoloContact) business = new_contact ("Acme Trading", ROLO_CONTACT_TYPE_BUSINESS);

  return create_and_get (fixture, business);
}

static void
test_create_get_all_fields (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(RoloContact) business = new_business (fixture);
  g_autoptr(RoloContact) contact = new_contact (" " ARABIC_NAME " ",
                                                ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_autoptr(RoloContact) created = NULL;

  rolo_contact_set_email (contact, "noura@example.sa");
  rolo_contact_set_mobile (contact, "+966 50 123 4567");
  rolo_contact_set_mobile_country_id (contact, 101);
  rolo_contact_set_address (contact, "طريق الملك فهد، الرياض");
  rolo_contact_set_tax_number (contact, "300-123");
  rolo_contact_set_notes (contact, "Prefers WhatsApp.\nSecond line.");
  rolo_contact_set_email_notify (contact, FALSE);
  rolo_contact_set_sms_notify (contact, FALSE);
  rolo_contact_set_parent_id (contact, rolo_contact_get_id (business));
  created = create_and_get (fixture, contact);

  g_assert_cmpstr (rolo_contact_get_name (created), ==, ARABIC_NAME);
  g_assert_cmpstr (rolo_contact_get_email (created), ==, "noura@example.sa");
  g_assert_cmpstr (rolo_contact_get_mobile (created), ==, "+966 50 123 4567");
  g_assert_cmpint (rolo_contact_get_mobile_country_id (created), ==, 101);
  g_assert_cmpstr (rolo_contact_get_address (created), ==, "طريق الملك فهد، الرياض");
  g_assert_cmpstr (rolo_contact_get_tax_number (created), ==, "300-123");
  g_assert_cmpstr (rolo_contact_get_notes (created), ==, "Prefers WhatsApp.\nSecond line.");
  g_assert_false (rolo_contact_get_email_notify (created));
  g_assert_false (rolo_contact_get_sms_notify (created));
  g_assert_true (rolo_contact_get_whatsapp_notify (created));
  g_assert_cmpint (rolo_contact_get_contact_type (created), ==, ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_assert_cmpint (rolo_contact_get_parent_id (created), ==, rolo_contact_get_id (business));
  g_assert_nonnull (rolo_contact_get_created (created));
}

static void
test_get_seeded (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContactPage) page = rolo_test_client_list (fixture->client, NULL, 0, 5, &error);
  g_autoptr(RoloContact) contact = NULL;
  RoloContact *listed;

  g_assert_no_error (error);
  listed = rolo_test_page_at (page, 0);
  contact = rolo_test_client_get (fixture->client, rolo_contact_get_id (listed), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rolo_contact_get_name (contact), ==, rolo_contact_get_name (listed));
  g_assert_cmpstr (rolo_contact_get_email (contact), ==, rolo_contact_get_email (listed));
  g_assert_cmpint (rolo_contact_get_contact_type (contact), ==,
                   rolo_contact_get_contact_type (listed));
}

static void
test_get_unknown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) contact = rolo_test_client_get (fixture->client, 987654, &error);

  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_NOT_FOUND);
  g_assert_null (contact);
}

/* Rules only the server can check: the parent must exist and be a Business. */
static void
test_create_server_validation (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(RoloContact) individual = new_contact ("Solo", ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_autoptr(RoloContact) created = create_and_get (fixture, individual);
  g_autoptr(RoloContact) orphan = new_contact ("Orphan", ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_autoptr(RoloContact) wrong_parent = new_contact ("Child", ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_autoptr(GError) error = NULL;
  GHashTable *fields;

  rolo_contact_set_parent_id (orphan, 987654);
  g_assert_cmpint (rolo_test_client_create (fixture->client, orphan, &error), ==, 0);
  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_VALIDATION);
  g_assert_cmpuint (rolo_client_error_get_http_status (error), ==, 422);
  fields = rolo_client_error_get_field_errors (error);
  g_assert_nonnull (fields);
  g_assert_true (g_hash_table_contains (fields, "contact_parent"));
  g_clear_error (&error);

  rolo_contact_set_parent_id (wrong_parent, rolo_contact_get_id (created));
  g_assert_cmpint (rolo_test_client_create (fixture->client, wrong_parent, &error), ==, 0);
  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_VALIDATION);
  g_assert_true (g_hash_table_contains (rolo_client_error_get_field_errors (error),
                                        "contact_parent"));
}

static JsonObject *
last_put_body (Fixture *fixture)
{
  g_assert_cmpuint (fixture->bodies->len, >, 0);
  return rolo_test_parse_object (g_ptr_array_index (fixture->bodies, fixture->bodies->len - 1));
}

static void
test_update_only_changed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RoloContact) contact = new_contact ("Before", ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_autoptr(RoloContact) original = NULL;
  g_autoptr(RoloContact) edited = NULL;
  g_autoptr(RoloContact) updated = NULL;
  g_autoptr(RoloContact) reread = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) unapplied = NULL;

  rolo_contact_set_email (contact, "before@example.com");
  original = create_and_get (fixture, contact);
  edited = rolo_contact_copy (original);
  rolo_contact_set_name (edited, "بعد");
  updated = rolo_test_client_update (fixture->client, original, edited, &unapplied, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rolo_contact_get_name (updated), ==, "بعد");
  g_assert_cmpstr (rolo_contact_get_email (updated), ==, "before@example.com");
  g_assert_nonnull (unapplied);
  g_assert_null (unapplied[0]);
  body = last_put_body (fixture);
  g_assert_cmpuint (json_object_get_size (body), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (body, "cstname"), ==, "بعد");

  reread = rolo_test_client_get (fixture->client, rolo_contact_get_id (original), &error);
  g_assert_no_error (error);
  g_assert_true (rolo_contact_equal (reread, updated));
}

static void
test_update_notes_and_switches (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(RoloContact) contact = new_contact ("Switches", ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_autoptr(RoloContact) original = NULL;
  g_autoptr(RoloContact) edited = NULL;
  g_autoptr(RoloContact) updated = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_auto(GStrv) unapplied = NULL;
  const gint64 tags[] = { 4, 2 };

  original = create_and_get (fixture, contact);
  edited = rolo_contact_copy (original);
  rolo_contact_set_notes (edited, "ملاحظة جديدة");
  rolo_contact_set_email_notify (edited, FALSE);
  rolo_contact_set_whatsapp_notify (edited, FALSE);
  rolo_contact_set_tag_ids (edited, tags, G_N_ELEMENTS (tags));
  updated = rolo_test_client_update (fixture->client, original, edited, &unapplied, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rolo_contact_get_notes (updated), ==, "ملاحظة جديدة");
  g_assert_false (rolo_contact_get_email_notify (updated));
  g_assert_true (rolo_contact_get_sms_notify (updated));
  g_assert_false (rolo_contact_get_whatsapp_notify (updated));
  g_assert_cmpuint (g_strv_length (unapplied), ==, 0);
  body = last_put_body (fixture);
  g_assert_true (json_object_has_member (body, "tag_ids"));
}

/* An Individual with a parent becomes a Business in one request. */
static void
test_update_type_clears_parent (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(RoloContact) business = new_business (fixture);
  g_autoptr(RoloContact) contact = new_contact ("Employee", ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_autoptr(RoloContact) original = NULL;
  g_autoptr(RoloContact) edited = NULL;
  g_autoptr(RoloContact) updated = NULL;
  g_autoptr(GError) error = NULL;

  rolo_contact_set_parent_id (contact, rolo_contact_get_id (business));
  original = create_and_get (fixture, contact);
  edited = rolo_contact_copy (original);
  rolo_contact_set_contact_type (edited, ROLO_CONTACT_TYPE_BUSINESS);
  rolo_contact_set_parent_id (edited, 0);
  updated = rolo_test_client_update (fixture->client, original, edited, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (rolo_contact_get_contact_type (updated), ==, ROLO_CONTACT_TYPE_BUSINESS);
  g_assert_cmpint (rolo_contact_get_parent_id (updated), ==, 0);
}

static void
test_update_unchanged (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RoloContact) contact = new_contact ("Same", ROLO_CONTACT_TYPE_BUSINESS);
  g_autoptr(RoloContact) original = create_and_get (fixture, contact);
  g_autoptr(RoloContact) updated = NULL;
  g_autoptr(GError) error = NULL;
  guint before = rolo_sandbox_get_n_requests (fixture->sandbox);

  updated = rolo_test_client_update (fixture->client, original, original, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rolo_sandbox_get_n_requests (fixture->sandbox), ==, before);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RoloContact) contact = new_contact ("Short-lived", ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_autoptr(RoloContact) created = create_and_get (fixture, contact);
  g_autoptr(RoloContact) gone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = rolo_contact_get_id (created);

  g_assert_true (rolo_test_client_delete (fixture->client, id, &error));
  g_assert_no_error (error);

  gone = rolo_test_client_get (fixture->client, id, &error);
  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);

  g_assert_false (rolo_test_client_delete (fixture->client, id, &error));
  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_NOT_FOUND);
}

static void
test_wrong_keys (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RoloClient) client = new_client (fixture->sandbox, ROLO_TEST_ACCESS_KEY,
                                             "wrong-secret-key");
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContactPage) page = rolo_test_client_list (client, NULL, 0, 10, &error);

  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_null (strstr (error->message, "wrong-secret-key"));
  g_assert_null (strstr (error->message, ROLO_TEST_ACCESS_KEY));
  g_assert_null (page);
}

static void
test_faults (Fixture       *fixture,
             gconstpointer  data)
{
  guint n_server = 0;
  guint n_ok = 0;

  rolo_sandbox_set_fail_rate (fixture->sandbox, 0.5);
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RoloContactPage) page = rolo_test_client_list (fixture->client, NULL, i % 3, 100,
                                                               &error);

      if (page != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (rolo_contact_page_get_total_records (page), ==, N_SEEDED);
          n_ok++;
          continue;
        }

      g_test_message ("fault %u: %s", i, error->message);
      g_assert_true (error->domain == ROLO_CLIENT_ERROR);
      g_assert_true (error->code == ROLO_CLIENT_ERROR_SERVER ||
                     error->code == ROLO_CLIENT_ERROR_NETWORK);
      if (error->code == ROLO_CLIENT_ERROR_SERVER)
        n_server++;
    }

  g_assert_cmpuint (n_ok, >, 0);
  g_assert_cmpuint (n_server, >, 0);
}

static void
test_faults_every_answer (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(RoloContact) contact = new_contact ("Never stored", ROLO_CONTACT_TYPE_INDIVIDUAL);

  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RoloContact) got = NULL;

      if (i % 2 == 0)
        got = rolo_test_client_get (fixture->client, 1, &error);
      else
        g_assert_cmpint (rolo_test_client_create (fixture->client, contact, &error), ==, 0);

      g_assert_null (got);
      g_assert_true (error->domain == ROLO_CLIENT_ERROR);
      g_assert_true (error->code == ROLO_CLIENT_ERROR_SERVER ||
                     error->code == ROLO_CLIENT_ERROR_NETWORK);
    }
}

#define ADD(path, n_seeded, func) \
  g_test_add ("/client/integration/" path, Fixture, GUINT_TO_POINTER (n_seeded), \
              fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("contacts/list/paging", N_SEEDED, test_list_paging);
  ADD ("contacts/list/past-end", N_SEEDED, test_list_past_end);
  ADD ("contacts/list/empty", 0, test_list_empty);
  ADD ("contacts/list/search-arabic", N_SEEDED, test_list_search_arabic);
  ADD ("contacts/list/type-filter", N_SEEDED, test_list_type_filter);
  ADD ("contacts/list/sort", N_SEEDED, test_list_sort);
  ADD ("contacts/get/seeded", N_SEEDED, test_get_seeded);
  ADD ("contacts/get/unknown", 10, test_get_unknown);
  ADD ("contacts/create/all-fields", 0, test_create_get_all_fields);
  ADD ("contacts/create/server-validation", 0, test_create_server_validation);
  ADD ("contacts/update/only-changed", 0, test_update_only_changed);
  ADD ("contacts/update/notes-and-switches", 0, test_update_notes_and_switches);
  ADD ("contacts/update/type-clears-parent", 0, test_update_type_clears_parent);
  ADD ("contacts/update/unchanged", 0, test_update_unchanged);
  ADD ("contacts/delete", 0, test_delete);
  ADD ("errors/wrong-keys", 10, test_wrong_keys);
  ADD ("errors/faults", N_SEEDED, test_faults);
  ADD ("errors/faults-every-answer", 10, test_faults_every_answer);

  return g_test_run ();
}
