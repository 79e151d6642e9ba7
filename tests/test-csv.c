/* test-csv.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-contact-csv.h"
#include "rolo-csv.h"

static RoloCsvReader *
reader_for (const char *text,
            gssize      len)
{
  g_autoptr(GInputStream) stream = NULL;

  if (len < 0)
    len = strlen (text);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (text, len), len, g_free);
  return rolo_csv_reader_new (stream);
}

/* Every record of @text, as "a|b|c" lines joined by "\n". */
static char *
read_all (const char  *text,
          GError     **error)
{
  g_autoptr(RoloCsvReader) reader = reader_for (text, -1);
  g_autoptr(GString) out = g_string_new (NULL);
  GStrv record;

  while ((record = rolo_csv_reader_read_record (reader, NULL, error)) != NULL)
    {
      g_autofree char *joined = g_strjoinv ("|", record);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, joined);
      g_strfreev (record);
    }
  return error != NULL && *error != NULL ? NULL : g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_reads (const char *text,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = read_all (text, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_plain (void)
{
  assert_reads ("cstname,cstemail\r\nSarah Johnson,sarah@example.com\r\n",
                "cstname|cstemail\nSarah Johnson|sarah@example.com");
  /* LF only, CR only, no line end at the end, empty fields. */
  assert_reads ("a,b\nc,d", "a|b\nc|d");
  assert_reads ("a,b\rc,d\r", "a|b\nc|d");
  assert_reads ("a,,c,\n,,\n", "a||c|\n||");
  assert_reads ("", "");
}

static void
test_quoted (void)
{
  /* Separators, doubled quotes and line breaks inside quotes. */
  assert_reads ("\"Khalil, Omar\",\"He said \"\"call me\"\"\",\"12 Nile St\r\nCairo\"\r\n",
                "Khalil, Omar|He said \"call me\"|12 Nile St\r\nCairo");
  assert_reads ("\"\",\"\"\"\"\n", "|\"");
}

/* As spreadsheets write and read them. */
static void
test_lenient (void)
{
  assert_reads ("5\" screen,x\n", "5\" screen|x");
  assert_reads ("\"quoted\" then text,y\n", "quoted then text|y");
  /* Blank lines are no records. */
  assert_reads ("a\n\n\r\nb\n\n", "a\nb");
}

static void
test_byte_order_mark (void)
{
  assert_reads ("\xef\xbb\xbf" "cstname\nليلى حداد\n", "cstname\nليلى حداد");
  /* Only at the start. */
  assert_reads ("x\n\xef\xbb\xbfy\n", "x\n\xef\xbb\xbfy");
}

static void
test_separator (void)
{
  g_autoptr(RoloCsvReader) semicolons = reader_for ("Name;Notes\n\"Rossi; Anna\";\"1,5 kg\"\n",
                                                    -1);
  g_autoptr(RoloCsvReader) tabs = reader_for ("Name\tEmail\nAnna\ta@example.com\n", -1);
  g_autoptr(RoloCsvReader) commas = reader_for ("\"a;b;c\",d\n", -1);
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) second = NULL;
  g_auto(GStrv) tab_record = NULL;
  g_auto(GStrv) comma_record = NULL;

  first = rolo_csv_reader_read_record (semicolons, NULL, NULL);
  second = rolo_csv_reader_read_record (semicolons, NULL, NULL);
  g_assert_cmpint (rolo_csv_reader_get_separator (semicolons), ==, ';');
  g_assert_cmpuint (g_strv_length (second), ==, 2);
  g_assert_cmpstr (second[0], ==, "Rossi; Anna");
  g_assert_cmpstr (second[1], ==, "1,5 kg");

  tab_record = rolo_csv_reader_read_record (tabs, NULL, NULL);
  g_assert_cmpint (rolo_csv_reader_get_separator (tabs), ==, '\t');
  g_assert_cmpstr (tab_record[1], ==, "Email");

  /* Told from the first line with something on it. */
  assert_reads ("\r\n\nName;Notes\nA;b\n", "Name|Notes\nA|b");

  /* Separators inside quotes do not count. */
  comma_record = rolo_csv_reader_read_record (commas, NULL, NULL);
  g_assert_cmpint (rolo_csv_reader_get_separator (commas), ==, ',');
  g_assert_cmpstr (comma_record[0], ==, "a;b;c");
}

/* A record's line is where it starts in the file, counting the line
 * breaks inside quoted fields before it. */
static void
test_line_numbers (void)
{
  g_autoptr(RoloCsvReader) reader =
    reader_for ("name,address\nA,\"1 Road\nLeeds\"\n\nB,x\r\nC,\"y\r\nz\"\r\n", -1);
  const guint expected[] = { 1, 2, 5, 6 };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) record = rolo_csv_reader_read_record (reader, NULL, NULL);

      g_assert_nonnull (record);
      g_assert_cmpuint (rolo_csv_reader_get_line (reader), ==, expected[i]);
    }
  g_assert_null (rolo_csv_reader_read_record (reader, NULL, NULL));
}

static void
assert_fails (const char   *text,
              gssize        len,
              RoloCsvError  code,
              guint         line,
              const char   *words)
{
  g_autoptr(RoloCsvReader) reader = reader_for (text, len);
  g_autoptr(GError) error = NULL;
  GStrv record;
  guint n_records = 0;

  while ((record = rolo_csv_reader_read_record (reader, NULL, &error)) != NULL)
    {
      n_records++;
      g_strfreev (record);
    }
  g_assert_error (error, ROLO_CSV_ERROR, code);
  g_assert_cmpuint (rolo_csv_reader_get_line (reader), ==, line);
  g_assert_nonnull (strstr (error->message, words));
  /* And it stays at the end. */
  g_clear_error (&error);
  g_assert_null (rolo_csv_reader_read_record (reader, NULL, &error));
  g_assert_no_error (error);
}

static void
test_malformed (void)
{
  g_autofree char *huge = NULL;
  g_autofree char *many = NULL;
  g_autoptr(GString) columns = g_string_new ("x");

  assert_fails ("a,b\nc,\"never closed\nd\n", -1, ROLO_CSV_ERROR_UNCLOSED_QUOTE, 2,
                "line 2 is never closed");
  /* Latin-1, as an old spreadsheet saves it. */
  assert_fails ("name\nJos\xe9\n", -1, ROLO_CSV_ERROR_ENCODING, 2, "Line 2 is not UTF-8");
  assert_fails ("ok\nbin\0ary\n", 11, ROLO_CSV_ERROR_ENCODING, 2, "UTF-8");

  /* A 2 MB line stops at the limit, not at the end of memory. */
  huge = g_strnfill (2 * ROLO_CSV_MAX_FIELD_BYTES, 'x');
  assert_fails (huge, -1, ROLO_CSV_ERROR_TOO_LONG, 1, "longer than 1 MB");
  for (guint i = 0; i < ROLO_CSV_MAX_FIELDS + 1; i++)
    g_string_append (columns, ",x");
  many = g_strconcat ("a\n", columns->str, "\n", NULL);
  assert_fails (many, -1, ROLO_CSV_ERROR_TOO_LONG, 2, "columns");
}

/* Records across the reader's buffer: over 64 KB in records of all sizes. */
static void
test_across_buffers (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(RoloCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GStrv record;
  guint n = 0;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "%u,\"note %u, with \"\"quotes\"\"\r\nand a break\",%s\r\n", i,
                            i, i % 7 == 0 ? "تاجر" : "x");
  reader = reader_for (text->str, text->len);
  while ((record = rolo_csv_reader_read_record (reader, NULL, &error)) != NULL)
    {
      g_autofree char *note = g_strdup_printf ("note %u, with \"quotes\"\r\nand a break", n);

      g_assert_cmpuint (g_strv_length (record), ==, 3);
      g_assert_cmpuint (g_ascii_strtoull (record[0], NULL, 10), ==, n);
      g_assert_cmpstr (record[1], ==, note);
      g_assert_cmpstr (record[2], ==, n % 7 == 0 ? "تاجر" : "x");
      g_assert_cmpuint (rolo_csv_reader_get_line (reader), ==, 2 * n + 1);
      g_strfreev (record);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3000);
}

static void
test_write (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(RoloCsvWriter) writer = rolo_csv_writer_new (stream, TRUE);
  g_autoptr(GError) error = NULL;
  const char * const header[] = { "cstid", "cstname", "cstnotes", NULL };
  const char * const row[] = { "7", "Khalil, Omar", "Said \"hi\"\nthen left", NULL };
  const char * const spaces[] = { " lead", "trail ", "", "a;b", NULL };
  const char *expected = "\xef\xbb\xbf" "cstid,cstname,cstnotes\r\n"
                         "7,\"Khalil, Omar\",\"Said \"\"hi\"\"\nthen left\"\r\n"
                         "\" lead\",\"trail \",,\"a;b\"\r\n";

  g_assert_true (rolo_csv_writer_write_record (writer, header, NULL, &error));
  g_assert_true (rolo_csv_writer_write_record (writer, row, NULL, &error));
  g_assert_true (rolo_csv_writer_write_record (writer, spaces, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)),
                   expected, strlen (expected));
}

/* What the writer writes, the reader reads back the same. */
static void
test_round_trip (void)
{
  const char * const records[][4] = {
    { "cstname", "cstaddress", "cstnotes", NULL },
    { "ليلى حداد", "شارع النيل 12\r\nالقاهرة", "VIP, \"gold\"", NULL },
    { " Anna ", "Via Roma 1;\nMilano", "", NULL },
    { "\"", ",", "\r", NULL },
  };
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(RoloCsvWriter) writer = rolo_csv_writer_new (stream, TRUE);
  g_autoptr(RoloCsvReader) reader = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    g_assert_true (rolo_csv_writer_write_record (writer, records[i], NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  input = g_memory_input_stream_new_from_bytes (bytes);
  reader = rolo_csv_reader_new (input);

  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      g_auto(GStrv) record = rolo_csv_reader_read_record (reader, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (record);
      g_assert_true (g_strv_equal ((const char * const *) record, records[i]));
    }
  g_assert_null (rolo_csv_reader_read_record (reader, NULL, &error));
  g_assert_no_error (error);
}

/* A contact exported: every field under its API name, values as the API
 * has them, and the CSV text reads back to the same record. */
static void
test_contact_record (void)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 5, 15, 8, 30, 0);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(RoloCsvReader) reader = NULL;
  g_auto(GStrv) record = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) back = NULL;
  const gint64 tags[] = { 12, 3 };
  const char * const expected[] = {
    "41", "حداد, ليلى", "2", "layla@example.com", "501234567", "101",
    "12 Nile St\nCairo", "TX-7", "Said \"call after 5\"", "true", "false", "false",
    "9", "3 12", "2026-05-15T08:30:00Z", NULL
  };

  rolo_contact_set_id (contact, 41);
  rolo_contact_set_name (contact, "حداد, ليلى");
  rolo_contact_set_contact_type (contact, ROLO_CONTACT_TYPE_BUSINESS);
  rolo_contact_set_email (contact, "layla@example.com");
  rolo_contact_set_mobile (contact, "501234567");
  rolo_contact_set_mobile_country_id (contact, 101);
  rolo_contact_set_address (contact, "12 Nile St\nCairo");
  rolo_contact_set_tax_number (contact, "TX-7");
  rolo_contact_set_notes (contact, "Said \"call after 5\"");
  rolo_contact_set_email_notify (contact, TRUE);
  rolo_contact_set_sms_notify (contact, FALSE);
  rolo_contact_set_whatsapp_notify (contact, FALSE);
  rolo_contact_set_parent_id (contact, 9);
  rolo_contact_set_tag_ids (contact, tags, G_N_ELEMENTS (tags));
  rolo_contact_set_created (contact, created);

  record = rolo_contact_csv_record_new (contact);
  g_assert_cmpuint (g_strv_length (record), ==,
                    g_strv_length ((GStrv) rolo_contact_csv_header ()));
  g_assert_cmpstrv (record, expected);
  g_assert_cmpstr (rolo_contact_csv_header ()[0], ==, "cstid");
  g_assert_cmpstr (rolo_contact_csv_header ()[13], ==, "cst_tag_id");

  rolo_csv_append_record (text, rolo_contact_csv_header (), ',');
  rolo_csv_append_record (text, (const char * const *) record, ',');
  reader = reader_for (text->str, text->len);
  header = rolo_csv_reader_read_record (reader, NULL, NULL);
  back = rolo_csv_reader_read_record (reader, NULL, NULL);
  g_assert_cmpstrv (header, rolo_contact_csv_header ());
  g_assert_cmpstrv (back, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/csv/read/plain", test_plain);
  g_test_add_func ("/io/csv/read/quoted", test_quoted);
  g_test_add_func ("/io/csv/read/lenient", test_lenient);
  g_test_add_func ("/io/csv/read/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/io/csv/read/separator", test_separator);
  g_test_add_func ("/io/csv/read/line-numbers", test_line_numbers);
  g_test_add_func ("/io/csv/read/malformed", test_malformed);
  g_test_add_func ("/io/csv/read/across-buffers", test_across_buffers);
  g_test_add_func ("/io/csv/write", test_write);
  g_test_add_func ("/io/csv/round-trip", test_round_trip);
  g_test_add_func ("/io/csv/contact-record", test_contact_record);

  return g_test_run ();
}
