/* fuzz-csv.c — the CSV reader on any bytes: no crash, no leak, and what it
 * reads, written and read again, is the same.
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz.h"
#include "rolo-csv.h"

static GPtrArray *
read_records (GInputStream *stream)
{
  g_autoptr(RoloCsvReader) reader = rolo_csv_reader_new (stream);
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GStrv record;

  while ((record = rolo_csv_reader_read_record (reader, NULL, NULL)) != NULL)
    g_ptr_array_add (records, record);
  return records;
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GString) written = g_string_new (NULL);
  g_autoptr(GInputStream) again_input = NULL;
  g_autoptr(GPtrArray) again = NULL;

  fuzz_init ();
  input = g_memory_input_stream_new_from_data (data, size, NULL);
  records = read_records (input);
  for (guint i = 0; i < records->len; i++)
    rolo_csv_append_record (written, g_ptr_array_index (records, i), ',');
  again_input = g_memory_input_stream_new_from_data (written->str, written->len, NULL);
  again = read_records (again_input);

  g_assert (again->len == records->len);
  for (guint i = 0; i < records->len; i++)
    g_assert (g_strv_equal (g_ptr_array_index (records, i), g_ptr_array_index (again, i)));
  return 0;
}
