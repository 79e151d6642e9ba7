/* fuzz-vcard.c — the vCard reader on any bytes: no crash, no leak, no
 * endless loop past a bad card; and each contact it reads, written as a
 * card and read again, is the same.
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz.h"
#include "rolo-vcard.h"

/* Every contact, going on after bad cards as an importer does. */
static GPtrArray *
read_contacts (const char *data,
               gsize       size,
               guint      *n_errors)
{
  g_autoptr(GInputStream) input = g_memory_input_stream_new_from_data (data, size, NULL);
  g_autoptr(RoloVcardReader) reader = rolo_vcard_reader_new (input);
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);

  *n_errors = 0;
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      RoloContact *contact = NULL;
      guint line = 0;

      if (rolo_vcard_reader_read_contact (reader, &contact, &line, NULL, &error))
        g_ptr_array_add (contacts, contact);
      else if (error != NULL)
        {
          g_assert (error->domain == ROLO_VCARD_ERROR);
          g_assert (line > 0);
          (*n_errors)++;
        }
      else
        break;
    }
  return contacts;
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GString) written = g_string_new (NULL);
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) again = NULL;
  guint n_errors;

  fuzz_init ();
  contacts = read_contacts ((const char *) data, size, &n_errors);
  rolo_vcard_sniff ((const char *) data, size);
  for (guint i = 0; i < contacts->len; i++)
    rolo_vcard_append_contact (written, g_ptr_array_index (contacts, i));
  /* An escaped value can outgrow the line limit that its unescaped form was
   * under. */
  if (written->len > ROLO_VCARD_MAX_LINE_BYTES)
    return 0;

  again = read_contacts (written->str, written->len, &n_errors);
  g_assert (n_errors == 0);
  g_assert (again->len == contacts->len);
  for (guint i = 0; i < contacts->len; i++)
    g_assert (rolo_contact_equal (g_ptr_array_index (contacts, i),
                                  g_ptr_array_index (again, i)));
  return 0;
}
