/* test-import-export.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rolo-contact-csv.h"
#include "rolo-country.h"
#include "rolo-csv.h"
#include "rolo-exporter.h"
#include "rolo-importer.h"
#include "rolo-test-utils.h"

#define N_SEEDED 250
#define TIMEOUT_MS (ROLO_TEST_REQUEST_TIMEOUT_MS * 4)

typedef struct
{
  RoloSandbox *sandbox;
  RoloClient  *client;
  char        *dir;
} Fixture;

static RoloClient *
new_client (RoloSandbox *sandbox)
{
  g_autofree char *base = rolo_sandbox_dup_base_url (sandbox);
  g_autoptr(GError) error = NULL;
  RoloClient *client = rolo_client_new (base, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY,
                                        &error);

  g_assert_no_error (error);
  return client;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = rolo_test_sandbox_new (GPOINTER_TO_UINT (data));
  fixture->client = new_client (fixture->sandbox);
  fixture->dir = g_dir_make_tmp ("rolo-io-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  rolo_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
  rolo_test_remove_tmp_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static guint
count_dir_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

/* ---- export ---- */

static gboolean
export_to (Fixture           *fixture,
           RoloFileFormat     format,
           RoloContactQuery  *query,
           const gint64      *ids,
           gsize              n_ids,
           const char        *path,
           GCancellable      *cancellable,
           guint             *n_exported,
           GError           **error)
{
  g_autoptr(RoloExporter) exporter = rolo_exporter_new (fixture->client, format);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  if (query != NULL)
    rolo_exporter_set_query (exporter, query);
  if (ids != NULL)
    rolo_exporter_set_ids (exporter, ids, n_ids);
  rolo_exporter_export_async (exporter, file, cancellable, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, TIMEOUT_MS);
  return rolo_exporter_export_finish (exporter, result, n_exported, error);
}

/* Every record of a CSV file, the header first. */
static GPtrArray *
read_csv (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, NULL);
  g_autoptr(RoloCsvReader) reader = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  GStrv record;

  g_assert_nonnull (in);
  reader = rolo_csv_reader_new (G_INPUT_STREAM (in));
  while ((record = rolo_csv_reader_read_record (reader, NULL, &error)) != NULL)
    g_ptr_array_add (records, record);
  g_assert_no_error (error);
  return records;
}

static void
assert_record_is_contact (GStrv        record,
                          RoloContact *contact)
{
  g_auto(GStrv) expected = rolo_contact_csv_record_new (contact);

  g_assert_cmpstrv (record, expected);
}

static void
test_export_csv_all (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "all.csv");
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  guint n_exported = 0;

  g_assert_true (export_to (fixture, ROLO_FILE_FORMAT_CSV, NULL, NULL, 0, path, NULL,
                            &n_exported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, N_SEEDED);
  /* Only the file: the temporary one is gone. */
  g_assert_cmpuint (count_dir_entries (fixture->dir), ==, 1);

  g_assert_true (g_file_get_contents (path, &bytes, NULL, NULL));
  g_assert_true (g_str_has_prefix (bytes, "\xef\xbb\xbf" "cstid,cstname,contact_type,"));

  records = read_csv (path);
  g_assert_cmpuint (records->len, ==, N_SEEDED + 1);
  g_assert_cmpstrv (g_ptr_array_index (records, 0), rolo_contact_csv_header ());
  for (guint i = 1; i < records->len; i++)
    {
      GStrv record = g_ptr_array_index (records, i);

      g_assert_true (g_hash_table_add (ids, g_strdup (record[0])));
    }
  g_assert_cmpuint (g_hash_table_size (ids), ==, N_SEEDED);

  /* Whole records, not the list's few fields. */
  for (guint i = 1; i < records->len; i += 37)
    {
      GStrv record = g_ptr_array_index (records, i);
      g_autoptr(RoloContact) contact = rolo_test_client_get (fixture->client,
                                                             g_ascii_strtoll (record[0], NULL, 10),
                                                             &error);

      g_assert_no_error (error);
      assert_record_is_contact (record, contact);
    }
}

static void
test_export_query (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "businesses.csv");
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autoptr(RoloContactPage) page = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  guint n_exported = 0;

  rolo_contact_query_set_contact_type (query, ROLO_CONTACT_TYPE_BUSINESS);
  rolo_contact_query_set_sort_by (query, ROLO_CONTACT_SORT_NAME);
  page = rolo_test_client_list (fixture->client, query, 0, 100, &error);
  g_assert_no_error (error);

  g_assert_true (export_to (fixture, ROLO_FILE_FORMAT_CSV, query, NULL, 0, path, NULL,
                            &n_exported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, rolo_contact_page_get_total_records (page));
  g_assert_cmpuint (n_exported, <, N_SEEDED);

  /* In the view's order: the first page's names come first. */
  records = read_csv (path);
  for (guint i = 0; i < g_list_model_get_n_items (rolo_contact_page_get_contacts (page)); i++)
    {
      g_autoptr(RoloContact) contact = g_list_model_get_item (rolo_contact_page_get_contacts (page),
                                                              i);
      GStrv record = g_ptr_array_index (records, i + 1);

      g_assert_cmpstr (record[1], ==, rolo_contact_get_name (contact));
      g_assert_cmpstr (record[2], ==, "2");
    }
}

static void
test_export_ids (Fixture       *fixture,
                 gconstpointer  data)
{
  static const gint64 ids[] = { 17, 3, 17, 120 };
  g_autofree char *path = fixture_path (fixture, "selected.csv");
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  guint n_exported = 0;

  g_assert_true (export_to (fixture, ROLO_FILE_FORMAT_CSV, NULL, ids, G_N_ELEMENTS (ids), path,
                            NULL, &n_exported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, 3);
  records = read_csv (path);
  g_assert_cmpuint (records->len, ==, 4);
  g_assert_cmpstr (((GStrv) g_ptr_array_index (records, 1))[0], ==, "17");
  g_assert_cmpstr (((GStrv) g_ptr_array_index (records, 2))[0], ==, "3");
  g_assert_cmpstr (((GStrv) g_ptr_array_index (records, 3))[0], ==, "120");
}

static void
test_export_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "cancelled.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RoloExporter) exporter = rolo_exporter_new (fixture->client, ROLO_FILE_FORMAT_CSV);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "an earlier export", -1, NULL));
  rolo_exporter_export_async (exporter, file, cancellable, rolo_test_store_result, &result);
  /* Midway: some contacts read, not all. */
  while (rolo_transfer_get_n_done (ROLO_TRANSFER (exporter)) < 20 && result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  rolo_test_wait_for_result (&result, TIMEOUT_MS);

  g_assert_false (rolo_exporter_export_finish (exporter, result, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* The earlier file as it was, and nothing beside it. */
  g_assert_cmpuint (count_dir_entries (fixture->dir), ==, 1);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "an earlier export");
  }
}

static void
test_export_server_gone (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "gone.vcf");
  g_autoptr(GError) error = NULL;

  rolo_sandbox_stop (fixture->sandbox);
  g_assert_false (export_to (fixture, ROLO_FILE_FORMAT_VCARD, NULL, NULL, 0, path, NULL, NULL,
                             &error));
  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_NETWORK);
  g_assert_cmpuint (count_dir_entries (fixture->dir), ==, 0);
}

/* A busy server: some answers are 429 with Retry-After; all arrive. */
static void
test_export_rate_limited (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "busy.csv");
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  guint n_before = rolo_sandbox_get_n_requests (fixture->sandbox);
  guint n_exported = 0;

  rolo_sandbox_set_rate_limit (fixture->sandbox, 0.1, 1);
  g_assert_true (export_to (fixture, ROLO_FILE_FORMAT_CSV, NULL, NULL, 0, path, NULL,
                            &n_exported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, 30);
  records = read_csv (path);
  g_assert_cmpuint (records->len, ==, 31);
  /* A page and 30 contacts, and the refused ones again. */
  g_assert_cmpuint (rolo_sandbox_get_n_requests (fixture->sandbox) - n_before, >, 31);
}

/* ---- import ---- */

static RoloImporter *
open_importer (Fixture    *fixture,
               const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  RoloImporter *importer = rolo_importer_new (fixture->client, file);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rolo_importer_open_async (importer, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_true (rolo_importer_open_finish (importer, result, &error));
  g_assert_no_error (error);
  return importer;
}

static void
check (RoloImporter *importer)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rolo_importer_check_async (importer, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_true (rolo_importer_check_finish (importer, result, &error));
  g_assert_no_error (error);
}

static gboolean
import (RoloImporter  *importer,
        GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rolo_importer_import_async (importer, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, TIMEOUT_MS);
  return rolo_importer_import_finish (importer, result, error);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  char *path = fixture_path (fixture, name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static const RoloImportProblem *
find_problem (RoloImporter *importer,
              guint         line,
              const char   *field)
{
  for (guint i = 0; i < rolo_importer_get_n_problems (importer); i++)
    {
      const RoloImportProblem *problem = rolo_importer_get_problem (importer, i);

      if (problem->line == line && g_strcmp0 (problem->field, field) == 0)
        return problem;
    }
  return NULL;
}

/* A spreadsheet's export: its own headers, words for types, a quoted
 * address over two lines (so line numbers are the file's, not the rows'). */
static const char spreadsheet_csv[] =
  "Name,Type,Email,Mobile,Country,Address,Notes,Tags\r\n"
  "Ada Lovelace,Individual,ada@example.com,+44 7700 900123,GB,"
  "\"12 Analytical St\r\nLondon\",\"Likes \"\"engines\"\", and tea\",3 5\r\n"
  "Bad Email,Individual,not-an-email,,,,,\r\n"
  ",Business,nameless@example.com,,,,,\r\n"
  "Acme Trading,Company,acme@example.com,,AE,,,\r\n"
  "Odd Type,Robot,robot@example.com,,,,,\r\n"
  "Nowhere,Individual,nowhere@example.com,,+999,,,\r\n"
  "Ada Lovelace,Individual,ada@example.com,,,,,\r\n";

static void
test_import_dry_run (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "sheet.csv", spreadsheet_csv);
  g_autoptr(RoloImporter) importer = open_importer (fixture, path);
  guint before = rolo_sandbox_count_contacts (fixture->sandbox);
  const RoloImportProblem *problem;

  g_assert_cmpint (rolo_importer_get_format (importer), ==, ROLO_FILE_FORMAT_CSV);
  g_assert_cmpint (rolo_importer_get_mapping (importer, 0), ==, ROLO_IMPORT_FIELD_NAME);
  g_assert_cmpint (rolo_importer_get_mapping (importer, 1), ==, ROLO_IMPORT_FIELD_CONTACT_TYPE);
  g_assert_cmpint (rolo_importer_get_mapping (importer, 4), ==, ROLO_IMPORT_FIELD_MOBILE_COUNTRY);
  g_assert_cmpint (rolo_importer_get_mapping (importer, 7), ==, ROLO_IMPORT_FIELD_TAGS);
  g_assert_cmpuint (rolo_importer_get_preview (importer)->len, ==, 5);

  check (importer);
  g_assert_cmpuint (rolo_importer_get_n_rows (importer), ==, 7);
  /* Ada and Acme. */
  g_assert_cmpuint (rolo_importer_get_n_ready (importer), ==, 2);
  /* Ada again, the same email as line 2. */
  g_assert_cmpuint (rolo_importer_get_n_existing (importer), ==, 1);
  g_assert_cmpuint (rolo_importer_get_n_invalid (importer), ==, 4);

  /* Line 2 holds two lines: the next row is line 4. */
  g_assert_nonnull (find_problem (importer, 4, "Email"));
  g_assert_nonnull (find_problem (importer, 5, "Name"));
  g_assert_nonnull (find_problem (importer, 7, "Type"));
  problem = find_problem (importer, 8, "Country");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "+999"));
  problem = find_problem (importer, 9, ROLO_CONTACT_FIELD_EMAIL);
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->kind, ==, ROLO_IMPORT_PROBLEM_EXISTS);

  /* Nothing sent but questions. */
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, before);
}

static gint64
find_by_email (Fixture    *fixture,
               const char *email,
               guint      *n_found)
{
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autoptr(RoloContactPage) page = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *contacts;
  gint64 id = 0;

  rolo_contact_query_set_search (query, email);
  page = rolo_test_client_list (fixture->client, query, 0, 100, &error);
  g_assert_no_error (error);
  contacts = rolo_contact_page_get_contacts (page);
  *n_found = 0;
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(RoloContact) contact = g_list_model_get_item (contacts, i);

      if (g_str_equal (rolo_contact_get_email (contact), email))
        {
          (*n_found)++;
          id = rolo_contact_get_id (contact);
        }
    }
  return id;
}

static void
test_import_creates_once (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "sheet.csv", spreadsheet_csv);
  g_autoptr(RoloImporter) importer = open_importer (fixture, path);
  g_autoptr(RoloImporter) again = NULL;
  g_autoptr(RoloContact) ada = NULL;
  g_autoptr(GError) error = NULL;
  guint before = rolo_sandbox_count_contacts (fixture->sandbox);
  const gint64 *created;
  gsize n_created = 0;
  const gint64 *tags;
  gsize n_tags = 0;
  guint n_found = 0;
  gint64 id;

  check (importer);
  g_assert_true (import (importer, &error));
  g_assert_no_error (error);
  created = rolo_importer_get_created_ids (importer, &n_created);
  g_assert_cmpuint (n_created, ==, 2);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, before + 2);

  /* Intact, every field. */
  id = find_by_email (fixture, "ada@example.com", &n_found);
  g_assert_cmpuint (n_found, ==, 1);
  g_assert_true (id == created[0] || id == created[1]);
  ada = rolo_test_client_get (fixture->client, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rolo_contact_get_name (ada), ==, "Ada Lovelace");
  g_assert_cmpint (rolo_contact_get_contact_type (ada), ==, ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_assert_cmpstr (rolo_contact_get_mobile (ada), ==, "+44 7700 900123");
  g_assert_cmpstr (rolo_contact_get_address (ada), ==, "12 Analytical St\r\nLondon");
  g_assert_cmpstr (rolo_contact_get_notes (ada), ==, "Likes \"engines\", and tea");
  g_assert_cmpint (rolo_contact_get_mobile_country_id (ada), !=, 0);
  tags = rolo_contact_get_tag_ids (ada, &n_tags);
  g_assert_cmpuint (n_tags, ==, 2);
  g_assert_cmpint (tags[0], ==, 3);
  g_assert_cmpint (tags[1], ==, 5);
  find_by_email (fixture, "acme@example.com", &n_found);
  g_assert_cmpuint (n_found, ==, 1);

  /* A second run finds them there and creates nothing. */
  again = open_importer (fixture, path);
  check (again);
  g_assert_cmpuint (rolo_importer_get_n_ready (again), ==, 0);
  g_assert_cmpuint (rolo_importer_get_n_existing (again), ==, 3);
  g_assert_true (import (again, &error));
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, before + 2);
}

static void
test_import_interrupted (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("cstname,cstemail,cstmobile\r\n");
  g_autofree char *path = NULL;
  g_autoptr(RoloImporter) first = NULL;
  g_autoptr(RoloImporter) second = NULL;
  g_autoptr(GError) error = NULL;
  gsize n_first = 0, n_second = 0;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (csv, "Person %u,person%u@example.org,+1 555 01%02u\r\n", i, i, i);
  path = write_file (fixture, "people.csv", csv->str);

  first = open_importer (fixture, path);
  check (first);
  g_assert_cmpuint (rolo_importer_get_n_ready (first), ==, 60);
  /* The server starts failing: the import stops partway. */
  rolo_sandbox_set_fail_rate (fixture->sandbox, 0.2);
  g_assert_false (import (first, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  rolo_importer_get_created_ids (first, &n_first);
  g_assert_cmpuint (n_first, <, 60);

  /* Run again, on a busy server: each person exactly once. */
  rolo_sandbox_set_fail_rate (fixture->sandbox, 0.0);
  rolo_sandbox_set_rate_limit (fixture->sandbox, 0.05, 1);
  second = open_importer (fixture, path);
  check (second);
  g_assert_true (import (second, &error));
  g_assert_no_error (error);
  rolo_importer_get_created_ids (second, &n_second);
  g_assert_cmpuint (n_second, <=, 60 - n_first);
  rolo_sandbox_set_rate_limit (fixture->sandbox, 0.0, 0);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *email = g_strdup_printf ("person%u@example.org", i);
      guint n_found = 0;

      find_by_email (fixture, email, &n_found);
      g_assert_cmpuint (n_found, ==, 1);
    }
}

static void
test_import_parent (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RoloContact) business = rolo_contact_new ();
  g_autoptr(RoloContact) person = rolo_contact_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloImporter) importer = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  gint64 business_id, person_id;

  rolo_contact_set_name (business, "Parent Co");
  rolo_contact_set_contact_type (business, ROLO_CONTACT_TYPE_BUSINESS);
  business_id = rolo_test_client_create (fixture->client, business, &error);
  g_assert_no_error (error);
  rolo_contact_set_name (person, "Not A Parent");
  rolo_contact_set_contact_type (person, ROLO_CONTACT_TYPE_INDIVIDUAL);
  person_id = rolo_test_client_create (fixture->client, person, &error);
  g_assert_no_error (error);

  csv = g_strdup_printf ("cstname,contact_parent\n"
                         "Employee One,%" G_GINT64_FORMAT "\n"
                         "Employee Two,%" G_GINT64_FORMAT "\n"
                         "Employee Three,999999\n"
                         "Employee Four,%" G_GINT64_FORMAT "\n",
                         business_id, person_id, business_id);
  path = write_file (fixture, "staff.csv", csv);
  importer = open_importer (fixture, path);
  check (importer);
  g_assert_cmpuint (rolo_importer_get_n_ready (importer), ==, 2);
  g_assert_nonnull (find_problem (importer, 3, "contact_parent"));
  g_assert_nonnull (find_problem (importer, 4, "contact_parent"));
}

static void
test_import_report (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "sheet.csv", spreadsheet_csv);
  g_autofree char *report_path = fixture_path (fixture, "problems.csv");
  g_autoptr(RoloImporter) importer = open_importer (fixture, path);
  g_autoptr(GFile) report = g_file_new_for_path (report_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  GStrv header, row;

  check (importer);
  rolo_importer_save_report_async (importer, report, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_true (rolo_importer_save_report_finish (importer, result, &error));
  g_assert_no_error (error);

  records = read_csv (report_path);
  /* The header, and the four rows that cannot be imported as they are. */
  g_assert_cmpuint (records->len, ==, 5);
  header = g_ptr_array_index (records, 0);
  g_assert_cmpuint (g_strv_length (header), ==, 9);
  g_assert_cmpstr (header[0], ==, "Name");
  g_assert_cmpstr (header[8], ==, "Import problem");
  row = g_ptr_array_index (records, 1);
  g_assert_cmpstr (row[0], ==, "Bad Email");
  g_assert_cmpstr (row[2], ==, "not-an-email");
  g_assert_true (g_str_has_prefix (row[8], "Email: "));

  /* The report maps itself: its problem column is not imported. */
  {
    g_autoptr(RoloImporter) again = open_importer (fixture, report_path);

    g_assert_cmpint (rolo_importer_get_mapping (again, 8), ==, ROLO_IMPORT_FIELD_SKIP);
    g_assert_cmpint (rolo_importer_get_mapping (again, 2), ==, ROLO_IMPORT_FIELD_EMAIL);
  }
}

static void
test_import_google_headers (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "google.csv",
                                      "First Name,Middle Name,Last Name,E-mail 1 - Value,"
                                      "E-mail 2 - Value,Phone 1 - Value,Notes\n"
                                      "Grace,,Hopper,grace@navy.example,g@h.example,"
                                      "+1 202 555 0100,Compilers\n");
  g_autoptr(RoloImporter) importer = open_importer (fixture, path);
  g_autoptr(RoloContact) grace = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 *created;
  gsize n_created;

  g_assert_cmpint (rolo_importer_get_mapping (importer, 0), ==, ROLO_IMPORT_FIELD_GIVEN_NAME);
  g_assert_cmpint (rolo_importer_get_mapping (importer, 1), ==, ROLO_IMPORT_FIELD_SKIP);
  g_assert_cmpint (rolo_importer_get_mapping (importer, 2), ==, ROLO_IMPORT_FIELD_FAMILY_NAME);
  g_assert_cmpint (rolo_importer_get_mapping (importer, 3), ==, ROLO_IMPORT_FIELD_EMAIL);
  /* Only the first email column. */
  g_assert_cmpint (rolo_importer_get_mapping (importer, 4), ==, ROLO_IMPORT_FIELD_SKIP);
  g_assert_cmpint (rolo_importer_get_mapping (importer, 5), ==, ROLO_IMPORT_FIELD_MOBILE);
  g_assert_cmpint (rolo_importer_get_mapping (importer, 6), ==, ROLO_IMPORT_FIELD_NOTES);
  /* The user's choice wins. */
  rolo_importer_set_mapping (importer, 6, ROLO_IMPORT_FIELD_SKIP);

  check (importer);
  g_assert_true (import (importer, &error));
  created = rolo_importer_get_created_ids (importer, &n_created);
  g_assert_cmpuint (n_created, ==, 1);
  grace = rolo_test_client_get (fixture->client, created[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rolo_contact_get_name (grace), ==, "Grace Hopper");
  g_assert_cmpstr (rolo_contact_get_email (grace), ==, "grace@navy.example");
  g_assert_cmpstr (rolo_contact_get_notes (grace), ==, "");
}

/* A phone's cards say nothing of notifications: the editor's defaults
 * apply (consent for SMS and WhatsApp is not assumed). */
static void
test_import_vcard_defaults (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "phone.vcf",
                                      "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Hopper;Grace;;;\r\n"
                                      "FN:Grace Hopper\r\nTEL;TYPE=CELL:+1 202 555 0100\r\n"
                                      "END:VCARD\r\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RoloImporter) importer = rolo_importer_new (fixture->client, file);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RoloContact) grace = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 *created;
  gsize n_created = 0;

  rolo_importer_set_notify_defaults (importer, TRUE, FALSE, FALSE);
  rolo_importer_open_async (importer, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_true (rolo_importer_open_finish (importer, result, &error));
  g_assert_cmpint (rolo_importer_get_format (importer), ==, ROLO_FILE_FORMAT_VCARD);
  check (importer);
  g_assert_true (import (importer, &error));
  created = rolo_importer_get_created_ids (importer, &n_created);
  g_assert_cmpuint (n_created, ==, 1);
  grace = rolo_test_client_get (fixture->client, created[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rolo_contact_get_name (grace), ==, "Grace Hopper");
  g_assert_true (rolo_contact_get_email_notify (grace));
  g_assert_false (rolo_contact_get_sms_notify (grace));
  g_assert_false (rolo_contact_get_whatsapp_notify (grace));
}

/* ---- round trips ---- */

static RoloContact *
new_tricky_contact (guint which)
{
  static const gint64 tags[] = { 4, 12 };
  RoloContact *contact = rolo_contact_new ();

  switch (which)
    {
    case 0:
      rolo_contact_set_name (contact, "نورة القحطاني");
      rolo_contact_set_email (contact, "noura@example.sa");
      rolo_contact_set_mobile (contact, "+966 50 123 4567");
      rolo_contact_set_mobile_country_id (contact,
                                          rolo_country_get_id (rolo_country_lookup_code ("SA")));
      rolo_contact_set_address (contact, "شارع الملك فهد\nالرياض 12271");
      rolo_contact_set_notes (contact, "ملاحظة: عميلة مهمة، تفضّل الاتصال صباحًا");
      rolo_contact_set_tag_ids (contact, tags, G_N_ELEMENTS (tags));
      rolo_contact_set_sms_notify (contact, FALSE);
      break;
    case 1:
      rolo_contact_set_name (contact, "O'Brien, Walsh & Partners; Ltd");
      rolo_contact_set_contact_type (contact, ROLO_CONTACT_TYPE_BUSINESS);
      rolo_contact_set_email (contact, "office@obrien.example");
      rolo_contact_set_tax_number (contact, "IE 1234567T");
      rolo_contact_set_address (contact, "Unit 4, \"The Docks\"\r\nDublin 2\r\nIreland");
      rolo_contact_set_notes (contact, "Quotes \"here\", commas, semicolons; back\\slash\n"
                                       "and a second line, with a long tail to fold over "
                                       "seventy-five octets of vCard line length…");
      rolo_contact_set_whatsapp_notify (contact, FALSE);
      break;
    default:
      rolo_contact_set_name (contact, "Plain Person");
      rolo_contact_set_email_notify (contact, FALSE);
      break;
    }
  if (which != 1)
    rolo_contact_set_contact_type (contact, ROLO_CONTACT_TYPE_INDIVIDUAL);
  return contact;
}

/* Exports from one workspace and imports into another, empty one: every
 * field arrives (but the ids and the dates, which are the new server's). */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  RoloFileFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (fixture->client),
                                                              "format"));
  g_autofree char *path = NULL;
  g_autoptr(RoloSandbox) other = rolo_test_sandbox_new (0);
  g_autoptr(RoloClient) other_client = new_client (other);
  g_autoptr(RoloImporter) importer = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 *created;
  gsize n_created = 0;
  gint64 ids[3];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(RoloContact) contact = new_tricky_contact (i);

      ids[i] = rolo_test_client_create (fixture->client, contact, &error);
      g_assert_no_error (error);
    }
  path = fixture_path (fixture, format == ROLO_FILE_FORMAT_VCARD ? "trip.vcf" : "trip.csv");
  g_assert_true (export_to (fixture, format, NULL, ids, G_N_ELEMENTS (ids), path, NULL, NULL,
                            &error));
  g_assert_no_error (error);

  file = g_file_new_for_path (path);
  importer = rolo_importer_new (other_client, file);
  rolo_importer_open_async (importer, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_true (rolo_importer_open_finish (importer, result, &error));
  g_assert_cmpint (rolo_importer_get_format (importer), ==, format);
  g_clear_object (&result);
  check (importer);
  g_assert_cmpuint (rolo_importer_get_n_problems (importer), ==, 0);
  g_assert_true (import (importer, &error));
  g_assert_no_error (error);
  created = rolo_importer_get_created_ids (importer, &n_created);
  g_assert_cmpuint (n_created, ==, 3);

  for (guint i = 0; i < n_created; i++)
    {
      g_autoptr(RoloContact) original = rolo_test_client_get (fixture->client, ids[i], &error);
      g_autoptr(RoloContact) copy = rolo_test_client_get (other_client, created[i], &error);

      g_assert_no_error (error);
      rolo_contact_set_id (copy, rolo_contact_get_id (original));
      rolo_contact_set_created (copy, rolo_contact_get_created (original));
      g_assert_cmpstr (rolo_contact_get_name (copy), ==, rolo_contact_get_name (original));
      g_assert_cmpstr (rolo_contact_get_address (copy), ==, rolo_contact_get_address (original));
      g_assert_cmpstr (rolo_contact_get_notes (copy), ==, rolo_contact_get_notes (original));
      g_assert_true (rolo_contact_equal (copy, original));
    }

  g_clear_object (&other_client);
  rolo_sandbox_stop (other);
}

static void
round_trip_set_up (Fixture       *fixture,
                   gconstpointer  data)
{
  fixture_set_up (fixture, GUINT_TO_POINTER (0));
  g_object_set_data (G_OBJECT (fixture->client), "format", (gpointer) data);
}

/* ---- bad files ---- */

static void
check_bad_file (Fixture    *fixture,
                const char *name,
                const char *contents,
                gsize       length,
                guint       line,
                const char *message_part)
{
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr(RoloImporter) importer = NULL;
  const RoloImportProblem *problem = NULL;

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  importer = open_importer (fixture, path);
  check (importer);
  g_assert_cmpuint (rolo_importer_get_n_ready (importer), ==, 0);
  for (guint i = 0; i < rolo_importer_get_n_problems (importer) && problem == NULL; i++)
    if (rolo_importer_get_problem (importer, i)->line == line)
      problem = rolo_importer_get_problem (importer, i);
  g_assert_nonnull (problem);
  g_assert_cmpint (problem->kind, ==, ROLO_IMPORT_PROBLEM_INVALID);
  if (message_part != NULL)
    g_assert_nonnull (strstr (problem->message, message_part));
}

static void
test_import_bad_files (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char junk[] = "cstname\n\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe";
  g_autofree char *long_line = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RoloImporter) importer = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  check_bad_file (fixture, "junk.csv", junk, sizeof junk - 1, 2, NULL);
  check_bad_file (fixture, "truncated.csv", "cstname,cstnotes\nAda,\"never closed\nstill\n", -1,
                  2, NULL);
  check_bad_file (fixture, "latin1.csv", "cstname\nJos\xe9 Garc\xed" "a\n", -1, 2, NULL);

  long_line = g_malloc (10 * 1024 * 1024 + 1);
  memset (long_line, 'a', 10 * 1024 * 1024);
  long_line[10 * 1024 * 1024] = '\0';
  memcpy (long_line, "cstname\n", 8);
  check_bad_file (fixture, "long.csv", long_line, -1, 2, NULL);

  /* An empty file cannot even be opened as a list of contacts. */
  path = write_file (fixture, "empty.csv", "");
  file = g_file_new_for_path (path);
  importer = rolo_importer_new (fixture->client, file);
  rolo_importer_open_async (importer, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_false (rolo_importer_open_finish (importer, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, n, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_set_up, func, fixture_tear_down)

  ADD ("/io/export/csv-all", N_SEEDED, test_export_csv_all);
  ADD ("/io/export/query", N_SEEDED, test_export_query);
  ADD ("/io/export/ids", N_SEEDED, test_export_ids);
  ADD ("/io/export/cancel", N_SEEDED, test_export_cancel);
  ADD ("/io/export/server-gone", 10, test_export_server_gone);
  ADD ("/io/export/rate-limited", 30, test_export_rate_limited);
  ADD ("/io/import/dry-run", 20, test_import_dry_run);
  ADD ("/io/import/creates-once", 20, test_import_creates_once);
  ADD ("/io/import/interrupted", 0, test_import_interrupted);
  ADD ("/io/import/parent", 0, test_import_parent);
  ADD ("/io/import/report", 0, test_import_report);
  ADD ("/io/import/google-headers", 0, test_import_google_headers);
  ADD ("/io/import/bad-files", 0, test_import_bad_files);
  ADD ("/io/import/vcard-defaults", 0, test_import_vcard_defaults);
  g_test_add ("/io/round-trip/csv", Fixture, GINT_TO_POINTER (ROLO_FILE_FORMAT_CSV),
              round_trip_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/io/round-trip/vcard", Fixture, GINT_TO_POINTER (ROLO_FILE_FORMAT_VCARD),
              round_trip_set_up, test_round_trip, fixture_tear_down);

  return g_test_run ();
}
