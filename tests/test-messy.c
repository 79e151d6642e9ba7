/* test-messy.c — RoloClient and src/io's exporter against a sandbox that
 * answers as a sloppy PHP back-end does (rolo_sandbox_set_messy()): ids and
 * numbers as strings, switches as "0"/"1", nulls, extra fields. Each answer
 * must read as the same answer written cleanly.
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <glib/gstdio.h>

#include "rolo-exporter.h"
#include "rolo-test-client-fixture.h"

#define N_SEEDED 45
#define PAGE_SIZE 10
#define EXPORT_TIMEOUT_MS (ROLO_TEST_REQUEST_TIMEOUT_MS * 4)

typedef struct
{
  RoloSandbox *sandbox;
  RoloClient  *client;
  GPtrArray   *put_bodies;   /* GBytes, as the sandbox received them */
  char        *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = rolo_test_sandbox_new (N_SEEDED);
  rolo_sandbox_set_messy (fixture->sandbox, TRUE);
  fixture->client = rolo_test_client_new_for (fixture->sandbox);
  fixture->put_bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  rolo_test_sandbox_keep_put_bodies (fixture->sandbox, fixture->put_bodies);
  fixture->dir = g_dir_make_tmp ("rolo-messy-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->client));
  g_signal_handlers_disconnect_by_data (fixture->sandbox, fixture->put_bodies);
  rolo_sandbox_stop (fixture->sandbox);
  g_assert_finalize_object (g_steal_pointer (&fixture->sandbox));
  g_clear_pointer (&fixture->put_bodies, g_ptr_array_unref);
  rolo_test_remove_tmp_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static RoloContactPage *
list (Fixture          *fixture,
      gboolean          messy,
      RoloContactQuery *query,
      guint             page_index,
      guint             page_size)
{
  g_autoptr(GError) error = NULL;
  RoloContactPage *page;

  rolo_sandbox_set_messy (fixture->sandbox, messy);
  page = rolo_test_client_list (fixture->client, query, page_index, page_size, &error);
  g_assert_no_error (error);
  return page;
}

static RoloContact *
get (Fixture  *fixture,
     gboolean  messy,
     gint64    id)
{
  g_autoptr(GError) error = NULL;
  RoloContact *contact;

  rolo_sandbox_set_messy (fixture->sandbox, messy);
  contact = rolo_test_client_get (fixture->client, id, &error);
  g_assert_no_error (error);
  return contact;
}

static void
assert_same_contact (RoloContact *clean,
                     RoloContact *messy)
{
  g_assert_cmpint (rolo_contact_get_id (messy), ==, rolo_contact_get_id (clean));
  g_assert_cmpstr (rolo_contact_get_name (messy), ==, rolo_contact_get_name (clean));
  g_assert_true (rolo_contact_equal (clean, messy));
}

/* A page read messily holds what the same page read cleanly holds. */
static void
assert_same_page (Fixture          *fixture,
                  RoloContactQuery *query,
                  guint             page_index,
                  guint             page_size)
{
  g_autoptr(RoloContactPage) clean = list (fixture, FALSE, query, page_index, page_size);
  g_autoptr(RoloContactPage) messy = list (fixture, TRUE, query, page_index, page_size);

  g_assert_cmpuint (rolo_contact_page_get_current_page (messy), ==,
                    rolo_contact_page_get_current_page (clean));
  g_assert_cmpuint (rolo_contact_page_get_total_records (messy), ==,
                    rolo_contact_page_get_total_records (clean));
  g_assert_cmpuint (rolo_contact_page_get_total_pages (messy), ==,
                    rolo_contact_page_get_total_pages (clean));
  g_assert_cmpuint (rolo_test_page_n_items (messy), ==, rolo_test_page_n_items (clean));
  for (guint i = 0; i < rolo_test_page_n_items (clean); i++)
    assert_same_contact (rolo_test_page_at (clean, i), rolo_test_page_at (messy, i));
}

/* ---- the sandbox's answers ---- */

/* Nowhere a JSON boolean, an integer other than a 0/1 switch, an empty
 * string or an empty array. */
static void
assert_sloppy (JsonNode *node)
{
  JsonObjectIter iter;
  JsonNode *member;
  JsonArray *array;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        assert_sloppy (member);
      break;
    case JSON_NODE_ARRAY:
      array = json_node_get_array (node);
      g_assert_cmpuint (json_array_get_length (array), >, 0);
      for (guint i = 0; i < json_array_get_length (array); i++)
        assert_sloppy (json_array_get_element (array, i));
      break;
    case JSON_NODE_VALUE:
      g_assert_cmpint (json_node_get_value_type (node), !=, G_TYPE_BOOLEAN);
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        g_assert_cmpint (json_node_get_int (node) | 1, ==, 1);
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        g_assert_cmpstr (json_node_get_string (node), !=, "");
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

static RoloTestReply *
request (Fixture    *fixture,
         SoupSession *session,
         const char  *path)
{
  g_autofree char *base = rolo_sandbox_dup_base_url (fixture->sandbox);
  RoloTestReply *reply = rolo_test_request (session, base, "GET", path, NULL);

  g_assert_no_error (reply->error);
  g_assert_nonnull (reply->root);
  assert_sloppy (reply->root);
  return reply;
}

/* cstsmsnotify written as the text on or off, or as a number when those
 * are NULL. */
static void
assert_switch (JsonObject *contact,
               const char *on,
               const char *off)
{
  JsonNode *node = json_object_get_member (contact, "cstsmsnotify");

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  if (on == NULL)
    {
      g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
      return;
    }
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
  g_assert_true (g_str_equal (json_node_get_string (node), on) ||
                 g_str_equal (json_node_get_string (node), off));
}

static void
test_sandbox_shapes (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(RoloTestReply) page = request (fixture, session, "/v1/contacts?pageSize=10");
  g_autoptr(RoloTestReply) one = request (fixture, session, "/v1/contacts/2");
  g_autoptr(RoloTestReply) three = request (fixture, session, "/v1/contacts/3");
  g_autoptr(RoloTestReply) four = request (fixture, session, "/v1/contacts/4");
  g_autoptr(RoloTestReply) none = request (fixture, session, "/v1/contacts?search=zzzzzzzz");
  g_autoptr(RoloTestReply) missing = request (fixture, session, "/v1/contacts/999999");
  JsonObject *root = rolo_test_reply_get_object (page);
  JsonObject *data_object = rolo_test_reply_get_data (page);
  JsonObject *first = json_array_get_object_element (
    json_object_get_array_member (data_object, "data"), 0);
  JsonObject *contact = rolo_test_reply_get_data (one);

  g_assert_cmpuint (page->status, ==, SOUP_STATUS_OK);
  g_assert_cmpstr (json_object_get_string_member (root, "success"), ==, "1");
  g_assert_true (json_object_get_null_member (root, "message"));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "meta")));
  g_assert_cmpstr (json_object_get_string_member (data_object, "total_records"), ==, "45");
  g_assert_cmpstr (json_object_get_string_member (data_object, "current_page"), ==, "1");
  g_assert_cmpstr (json_object_get_string_member (first, "cstid"), ==, "45");
  g_assert_true (json_object_has_member (first, "created_by"));
  g_assert_true (json_object_has_member (first, "_links"));
  /* MySQL's DATETIME, not ISO 8601. */
  g_assert_cmpuint (strlen (json_object_get_string_member (first, "cstcreated_on")), ==, 19);

  /* The id picks how switches are written: contact 2's as words, 3's as
   * "0"/"1", 4's as numbers. */
  g_assert_cmpstr (json_object_get_string_member (contact, "cstid"), ==, "2");
  assert_switch (contact, "true", "false");
  assert_switch (rolo_test_reply_get_data (three), "1", "0");
  assert_switch (rolo_test_reply_get_data (four), NULL, NULL);

  g_assert_true (json_object_get_null_member (rolo_test_reply_get_data (none), "data"));
  g_assert_cmpuint (missing->status, ==, SOUP_STATUS_BAD_REQUEST);
  g_assert_cmpstr (json_object_get_string_member (rolo_test_reply_get_object (missing),
                                                  "success"), ==, "0");
}

/* ---- reading ---- */

static void
test_list_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RoloContactPage) last = NULL;

  for (guint index = 0; index * PAGE_SIZE < N_SEEDED; index++)
    assert_same_page (fixture, NULL, index, PAGE_SIZE);

  last = list (fixture, TRUE, NULL, 4, PAGE_SIZE);
  g_assert_cmpuint (rolo_contact_page_get_total_records (last), ==, N_SEEDED);
  g_assert_cmpuint (rolo_contact_page_get_total_pages (last), ==, 5);
  g_assert_cmpuint (rolo_contact_page_get_current_page (last), ==, 5);
  g_assert_cmpuint (rolo_test_page_n_items (last), ==, 5);
}

static void
test_list_queries (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autoptr(RoloContactPage) found = NULL;
  g_autoptr(RoloContactPage) nothing = NULL;
  g_autoptr(RoloContact) first = get (fixture, TRUE, 1);
  g_autofree char *surname = g_strdup (strrchr (rolo_contact_get_name (first), ' ') + 1);

  rolo_contact_query_set_search (query, surname);
  assert_same_page (fixture, query, 0, PAGE_SIZE);
  found = list (fixture, TRUE, query, 0, PAGE_SIZE);
  g_assert_cmpuint (rolo_test_page_n_items (found), >, 0);

  rolo_contact_query_set_search (query, "zzzzzzzz");
  nothing = list (fixture, TRUE, query, 0, PAGE_SIZE);
  g_assert_cmpuint (rolo_test_page_n_items (nothing), ==, 0);
  g_assert_cmpuint (rolo_contact_page_get_total_records (nothing), ==, 0);

  rolo_contact_query_set_search (query, NULL);
  for (RoloContactType type = ROLO_CONTACT_TYPE_INDIVIDUAL;
       type <= ROLO_CONTACT_TYPE_BUSINESS; type++)
    {
      g_autoptr(RoloContactPage) page = NULL;

      rolo_contact_query_set_contact_type (query, type);
      assert_same_page (fixture, query, 0, PAGE_SIZE);
      page = list (fixture, TRUE, query, 0, PAGE_SIZE);
      g_assert_cmpuint (rolo_test_page_n_items (page), >, 0);
      for (guint i = 0; i < rolo_test_page_n_items (page); i++)
        g_assert_cmpint (rolo_contact_get_contact_type (rolo_test_page_at (page, i)), ==, type);
    }

  rolo_contact_query_set_contact_type (query, ROLO_CONTACT_TYPE_ANY);
  for (RoloContactSortField field = ROLO_CONTACT_SORT_ID; field <= ROLO_CONTACT_SORT_CREATED;
       field++)
    {
      rolo_contact_query_set_sort_by (query, field);
      rolo_contact_query_set_sort_descending (query, field % 2 == 0);
      assert_same_page (fixture, query, 1, PAGE_SIZE);
    }
}

static void
test_get_every_contact (Fixture       *fixture,
                        gconstpointer  data)
{
  guint n_with_parent = 0, n_with_tags = 0, n_switched_off = 0;

  /* Every switch style, nulls and tags among them. */
  for (gint64 id = 1; id <= N_SEEDED; id++)
    {
      g_autoptr(RoloContact) clean = get (fixture, FALSE, id);
      g_autoptr(RoloContact) messy = get (fixture, TRUE, id);
      gsize n_tags = 0;

      assert_same_contact (clean, messy);
      g_assert_nonnull (rolo_contact_get_created (messy));
      g_assert_true (g_date_time_equal (rolo_contact_get_created (clean),
                                        rolo_contact_get_created (messy)));
      rolo_contact_get_tag_ids (messy, &n_tags);
      n_with_tags += n_tags > 0;
      n_with_parent += rolo_contact_get_parent_id (messy) > 0;
      n_switched_off += !rolo_contact_get_email_notify (messy) ||
                        !rolo_contact_get_sms_notify (messy) ||
                        !rolo_contact_get_whatsapp_notify (messy);
    }

  /* The seed has all of these, so the comparison above saw them. */
  g_assert_cmpuint (n_with_tags, >, 0);
  g_assert_cmpuint (n_with_parent, >, 0);
  g_assert_cmpuint (n_switched_off, >, 0);
}

/* ---- writing ---- */

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(RoloContact) created = NULL;
  g_autoptr(RoloContact) clean = NULL;
  g_autoptr(RoloContactPage) page = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 tags[] = { 2, 5 };
  gint64 id;

  rolo_contact_set_name (contact, "Layla Haddad");
  rolo_contact_set_contact_type (contact, ROLO_CONTACT_TYPE_INDIVIDUAL);
  rolo_contact_set_email (contact, "layla@example.com");
  rolo_contact_set_sms_notify (contact, FALSE);
  rolo_contact_set_tag_ids (contact, tags, G_N_ELEMENTS (tags));
  id = rolo_test_client_create (fixture->client, contact, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, N_SEEDED + 1);

  created = get (fixture, TRUE, id);
  g_assert_cmpstr (rolo_contact_get_name (created), ==, "Layla Haddad");
  g_assert_cmpstr (rolo_contact_get_email (created), ==, "layla@example.com");
  g_assert_cmpstr (rolo_contact_get_notes (created), ==, "");
  g_assert_false (rolo_contact_get_sms_notify (created));
  g_assert_true (rolo_contact_get_email_notify (created));
  clean = get (fixture, FALSE, id);
  assert_same_contact (clean, created);

  page = list (fixture, TRUE, NULL, 0, PAGE_SIZE);
  g_assert_cmpuint (rolo_contact_page_get_total_records (page), ==, N_SEEDED + 1);
  g_assert_cmpint (rolo_contact_get_id (rolo_test_page_at (page, 0)), ==, id);
}

/* A contact read messily, one with fields that came as null. */
static RoloContact *
get_with_nulls (Fixture *fixture)
{
  for (gint64 id = 1; id <= N_SEEDED; id++)
    {
      g_autoptr(RoloContact) contact = get (fixture, TRUE, id);

      if (rolo_contact_get_tax_number (contact)[0] == '\0' &&
          rolo_contact_get_notes (contact)[0] == '\0' &&
          rolo_contact_get_parent_id (contact) == 0)
        return g_steal_pointer (&contact);
    }

  g_assert_not_reached ();
}

static JsonObject *
last_put_body (Fixture *fixture)
{
  g_assert_cmpuint (fixture->put_bodies->len, >, 0);
  return rolo_test_parse_object (g_ptr_array_index (fixture->put_bodies,
                                                    fixture->put_bodies->len - 1));
}

static void
test_update_sends_only_the_edit (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(RoloContact) original = get_with_nulls (fixture);
  g_autoptr(RoloContact) edited = rolo_contact_copy (original);
  g_autoptr(RoloContact) saved = NULL;
  g_autoptr(RoloContact) clean = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_auto(GStrv) unapplied = NULL;
  g_autoptr(GError) error = NULL;

  rolo_contact_set_address (edited, "12 Corniche Road, Abu Dhabi");
  saved = rolo_test_client_update (fixture->client, original, edited, &unapplied, &error);
  g_assert_no_error (error);

  /* The nulls read as "" and stay as they were: not sent as changes. */
  body = last_put_body (fixture);
  g_assert_cmpuint (json_object_get_size (body), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (body, "cstaddress"), ==,
                   "12 Corniche Road, Abu Dhabi");
  /* The re-read, messy too, shows the edit took and nothing else moved. */
  g_assert_cmpstrv (unapplied, ((const char *[]) { NULL }));
  g_assert_true (rolo_contact_equal (saved, edited));
  clean = get (fixture, FALSE, rolo_contact_get_id (original));
  assert_same_contact (clean, saved);
}

static void
test_update_switch_and_clear (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(RoloContact) original = get (fixture, TRUE, 3);
  g_autoptr(RoloContact) edited = rolo_contact_copy (original);
  g_autoptr(RoloContact) saved = NULL;
  g_autoptr(RoloContact) unchanged = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_auto(GStrv) unapplied = NULL;
  g_autoptr(GError) error = NULL;
  guint n_puts;

  rolo_contact_set_whatsapp_notify (edited, !rolo_contact_get_whatsapp_notify (original));
  rolo_contact_set_email (edited, "");
  saved = rolo_test_client_update (fixture->client, original, edited, &unapplied, &error);
  g_assert_no_error (error);
  body = last_put_body (fixture);
  g_assert_cmpuint (json_object_get_size (body), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (body, "cstemail"), ==, "");
  g_assert_cmpint (json_object_get_boolean_member (body, "cst_whatsapp_notify"), ==,
                   rolo_contact_get_whatsapp_notify (edited));
  /* The cleared email comes back as null and reads as "" again. */
  g_assert_cmpstrv (unapplied, ((const char *[]) { NULL }));
  g_assert_true (rolo_contact_equal (saved, edited));

  /* Saving what was just read sends nothing. */
  g_clear_pointer (&unapplied, g_strfreev);
  n_puts = fixture->put_bodies->len;
  unchanged = rolo_test_client_update (fixture->client, saved, saved, &unapplied, &error);
  g_assert_no_error (error);
  g_assert_true (rolo_contact_equal (unchanged, saved));
  g_assert_cmpuint (fixture->put_bodies->len, ==, n_puts);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RoloContactPage) page = NULL;
  g_autoptr(RoloContact) gone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (rolo_test_client_delete (fixture->client, 44, &error));
  g_assert_no_error (error);

  gone = rolo_test_client_get (fixture->client, 44, &error);
  g_assert_null (gone);
  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (rolo_test_client_delete (fixture->client, 44, &error));
  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_NOT_FOUND);

  page = list (fixture, TRUE, NULL, 0, PAGE_SIZE);
  g_assert_cmpuint (rolo_contact_page_get_total_records (page), ==, N_SEEDED - 1);
  g_assert_cmpint (rolo_contact_get_id (rolo_test_page_at (page, 1)), ==, 43);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(RoloContact) individual = get_with_nulls (fixture);
  g_autoptr(RoloClient) wrong_keys = NULL;
  g_autoptr(RoloContactPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = rolo_sandbox_dup_base_url (fixture->sandbox);
  GHashTable *fields;

  /* A 422 whose errors come with "success": "0" and "data": null. */
  rolo_contact_set_name (contact, "Child of an Individual");
  rolo_contact_set_contact_type (contact, ROLO_CONTACT_TYPE_INDIVIDUAL);
  rolo_contact_set_parent_id (contact, rolo_contact_get_id (individual));
  g_assert_cmpint (rolo_test_client_create (fixture->client, contact, &error), ==, 0);
  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_VALIDATION);
  fields = rolo_client_error_get_field_errors (error);
  g_assert_nonnull (fields);
  g_assert_true (g_hash_table_contains (fields, "contact_parent"));
  g_clear_error (&error);

  wrong_keys = rolo_client_new (base, ROLO_TEST_ACCESS_KEY, "not-the-secret", &error);
  g_assert_no_error (error);
  page = rolo_test_client_list (wrong_keys, NULL, 0, PAGE_SIZE, &error);
  g_assert_null (page);
  rolo_test_assert_client_error (error, ROLO_CLIENT_ERROR_UNAUTHORIZED);
}

/* ---- export ---- */

static char *
export (Fixture        *fixture,
        gboolean        messy,
        RoloFileFormat  format,
        const char     *name)
{
  g_autoptr(RoloExporter) exporter = rolo_exporter_new (fixture->client, format);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  guint n_exported = 0;

  rolo_sandbox_set_messy (fixture->sandbox, messy);
  rolo_exporter_export_async (exporter, file, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, EXPORT_TIMEOUT_MS);
  g_assert_true (rolo_exporter_export_finish (exporter, result, &n_exported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, N_SEEDED);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  RoloFileFormat format = GPOINTER_TO_INT (data);
  const char *extension = format == ROLO_FILE_FORMAT_CSV ? "csv" : "vcf";
  g_autofree char *clean_name = g_strconcat ("clean.", extension, NULL);
  g_autofree char *messy_name = g_strconcat ("messy.", extension, NULL);
  g_autofree char *clean = export (fixture, FALSE, format, clean_name);
  g_autofree char *messy = export (fixture, TRUE, format, messy_name);

  g_assert_cmpuint (strlen (clean), >, N_SEEDED * 20);
  g_assert_cmpstr (messy, ==, clean);
}

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/sandbox/messy/shapes", NULL, test_sandbox_shapes);
  ADD ("/client/messy/list/pages", NULL, test_list_pages);
  ADD ("/client/messy/list/queries", NULL, test_list_queries);
  ADD ("/client/messy/get/every-contact", NULL, test_get_every_contact);
  ADD ("/client/messy/create", NULL, test_create);
  ADD ("/client/messy/update/only-the-edit", NULL, test_update_sends_only_the_edit);
  ADD ("/client/messy/update/switch-and-clear", NULL, test_update_switch_and_clear);
  ADD ("/client/messy/delete", NULL, test_delete);
  ADD ("/client/messy/refusals", NULL, test_refusals);
  ADD ("/io/messy/export/csv", GINT_TO_POINTER (ROLO_FILE_FORMAT_CSV), test_export);
  ADD ("/io/messy/export/vcard", GINT_TO_POINTER (ROLO_FILE_FORMAT_VCARD), test_export);

  return g_test_run ();
}
