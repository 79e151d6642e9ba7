/* test-vcard.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-vcard.h"

static RoloVcardReader *
reader_for (const char *text,
            gssize      len)
{
  g_autoptr(GInputStream) stream = NULL;

  if (len < 0)
    len = strlen (text);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (text, len), len, g_free);
  return rolo_vcard_reader_new (stream);
}

/* The next card, which must read. */
static RoloContact *
read_next (RoloVcardReader *reader,
           guint            expected_line)
{
  g_autoptr(GError) error = NULL;
  RoloContact *contact = NULL;
  guint line = 0;

  g_assert_true (rolo_vcard_reader_read_contact (reader, &contact, &line, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (contact);
  g_assert_cmpuint (line, ==, expected_line);
  return contact;
}

/* The next card, which must fail with @code on @expected_line, naming it. */
static void
read_fails (RoloVcardReader *reader,
            RoloVcardError   code,
            guint            expected_line,
            const char      *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line_words = g_strdup_printf ("line %u", expected_line);
  g_autofree char *message = NULL;
  RoloContact *contact = NULL;
  guint line = 0;

  g_assert_false (rolo_vcard_reader_read_contact (reader, &contact, &line, NULL, &error));
  g_assert_error (error, ROLO_VCARD_ERROR, code);
  g_assert_null (contact);
  g_assert_cmpuint (line, ==, expected_line);
  message = g_ascii_strdown (error->message, -1);
  g_assert_nonnull (strstr (message, line_words));
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
}

static void
read_ends (RoloVcardReader *reader)
{
  g_autoptr(GError) error = NULL;
  RoloContact *contact = NULL;

  g_assert_false (rolo_vcard_reader_read_contact (reader, &contact, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (contact);
}

/* The only card of @text. */
static RoloContact *
read_only (const char *text)
{
  g_autoptr(RoloVcardReader) reader = reader_for (text, -1);
  RoloContact *contact = read_next (reader, 1);

  read_ends (reader);
  return contact;
}

static void
assert_tags (RoloContact  *contact,
             const gint64 *expected,
             gsize         n_expected)
{
  gsize n_tags = 0;
  const gint64 *tags = rolo_contact_get_tag_ids (contact, &n_tags);

  g_assert_cmpmem (tags, n_tags * sizeof (gint64), expected, n_expected * sizeof (gint64));
}

/* --- writing and round trips ----------------------------------------------- */

static RoloContact *
new_contact (guint which)
{
  static const gint64 tags[] = { 40, 12, 3 };
  RoloContact *contact = rolo_contact_new ();
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 5, 15, 8, 30, 0);
  g_autoptr(GString) long_note = g_string_new (NULL);

  switch (which)
    {
    case 0: /* every field */
      rolo_contact_set_id (contact, 41);
      rolo_contact_set_name (contact, "Ahmed Al-Sayed");
      rolo_contact_set_email (contact, "ahmed@example.com");
      rolo_contact_set_mobile (contact, "+44 7700 900123");
      rolo_contact_set_mobile_country_id (contact, 229);
      rolo_contact_set_address (contact, "221B Baker St\nLondon NW1 6XE");
      rolo_contact_set_tax_number (contact, "GB 123; 456");
      rolo_contact_set_notes (contact, "Said \"call me\", then left; back\\slash");
      rolo_contact_set_sms_notify (contact, FALSE);
      rolo_contact_set_parent_id (contact, 9);
      rolo_contact_set_tag_ids (contact, tags, G_N_ELEMENTS (tags));
      rolo_contact_set_created (contact, created);
      break;
    case 1: /* Arabic, folded over three lines and more, multi-byte at every fold */
      for (guint i = 0; i < 12; i++)
        g_string_append (long_note, "ملاحظة: عميلة مهمة، تفضّل الاتصال صباحًا. ");
      rolo_contact_set_id (contact, 7);
      rolo_contact_set_name (contact, "نورة القحطاني");
      rolo_contact_set_email (contact, "noura@example.sa");
      rolo_contact_set_mobile (contact, "+966 50 123 4567");
      rolo_contact_set_address (contact, "شارع الملك فهد\nالرياض 12271\nالسعودية");
      rolo_contact_set_notes (contact, long_note->str);
      rolo_contact_set_email_notify (contact, FALSE);
      rolo_contact_set_whatsapp_notify (contact, FALSE);
      rolo_contact_set_tag_ids (contact, tags, 1);
      break;
    case 2: /* a business, with every character that needs escaping */
      rolo_contact_set_id (contact, 1234567890123);
      rolo_contact_set_name (contact, "O'Brien, Walsh & Partners; Ltd");
      rolo_contact_set_contact_type (contact, ROLO_CONTACT_TYPE_BUSINESS);
      rolo_contact_set_address (contact, "Unit 4, \"The Docks\"\r\nDublin 2\r\n^Ireland^ \\n");
      rolo_contact_set_notes (contact, "Quotes \"here\", commas, semicolons; back\\slash\\\n"
                                       "\ttab, trailing space \n\n and a second line, with a "
                                       "long tail to fold over seventy-five octets of vCard "
                                       "line length… \\n is not a line break");
      rolo_contact_set_tax_number (contact, "IE 1234567T");
      break;
    default: /* nothing but the defaults */
      break;
    }
  return contact;
}

/* Every line ends in CRLF and has at most 75 octets, each one valid UTF-8
 * (no fold inside a character); returns the most lines one property took. */
static guint
check_lines (const char *text)
{
  g_auto(GStrv) lines = NULL;
  guint longest = 0;
  guint run = 0;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i + 1] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      run = lines[i][0] == ' ' ? run + 1 : 1;
      longest = MAX (longest, run);
    }
  return longest;
}

static void
test_write (void)
{
  g_autoptr(RoloContact) contact = new_contact (0);
  g_autoptr(RoloContact) business = rolo_contact_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  const char *expected =
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "KIND:individual\r\n"
    "FN:Ahmed Al-Sayed\r\n"
    "N:Al-Sayed;Ahmed;;;\r\n"
    "UID:urn:ysuite:contact:41\r\n"
    "EMAIL:ahmed@example.com\r\n"
    "TEL;VALUE=text;TYPE=cell:+44 7700 900123\r\n"
    "ADR;LABEL=\"221B Baker St^nLondon NW1 6XE\":;;221B Baker St\\nLondon NW1 6XE;;\r\n"
    " ;;\r\n"
    "NOTE:Said \"call me\"\\, then left\\; back\\\\slash\r\n"
    "CATEGORIES:3,12,40\r\n"
    "X-YSUITE-ID:41\r\n"
    "X-YSUITE-CONTACT-TYPE:1\r\n"
    "X-YSUITE-MOBILE-COUNTRY-ID:229\r\n"
    "X-YSUITE-TAX-NUMBER:GB 123\\; 456\r\n"
    "X-YSUITE-EMAIL-NOTIFY:true\r\n"
    "X-YSUITE-SMS-NOTIFY:false\r\n"
    "X-YSUITE-WHATSAPP-NOTIFY:true\r\n"
    "X-YSUITE-PARENT:9\r\n"
    "X-YSUITE-CREATED:2026-05-15T08:30:00Z\r\n"
    "END:VCARD\r\n";

  rolo_vcard_append_contact (out, contact);
  g_assert_cmpstr (out->str, ==, expected);

  /* A business: ORG, no N; empty fields left out. */
  g_string_truncate (out, 0);
  rolo_contact_set_name (business, "Nile Trading");
  rolo_contact_set_contact_type (business, ROLO_CONTACT_TYPE_BUSINESS);
  rolo_vcard_append_contact (out, business);
  g_assert_cmpstr (out->str, ==,
                   "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Nile Trading\r\n"
                   "ORG:Nile Trading\r\nX-YSUITE-CONTACT-TYPE:2\r\n"
                   "X-YSUITE-EMAIL-NOTIFY:true\r\nX-YSUITE-SMS-NOTIFY:true\r\n"
                   "X-YSUITE-WHATSAPP-NOTIFY:true\r\nEND:VCARD\r\n");
}

static void
test_round_trip (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(RoloVcardReader) reader = NULL;
  guint line = 1;
  guint lines[4];

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(RoloContact) contact = new_contact (i);
      gsize start = out->len;

      rolo_vcard_append_contact (out, contact);
      lines[i] = line;
      for (const char *p = out->str + start; (p = strchr (p, '\n')) != NULL; p++)
        line++;
    }
  g_assert_cmpuint (check_lines (out->str), >=, 3);

  reader = reader_for (out->str, out->len);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(RoloContact) expected = new_contact (i);
      g_autoptr(RoloContact) contact = read_next (reader, lines[i]);

      g_assert_cmpstr (rolo_contact_get_name (contact), ==, rolo_contact_get_name (expected));
      g_assert_cmpstr (rolo_contact_get_address (contact), ==,
                       rolo_contact_get_address (expected));
      g_assert_cmpstr (rolo_contact_get_notes (contact), ==, rolo_contact_get_notes (expected));
      g_assert_true (rolo_contact_equal (contact, expected));
    }
  read_ends (reader);
}

/* --- reading what others write --------------------------------------------- */

/* As an iPhone or an Android phone exports a contact. */
static void
test_read_phone (void)
{
  static const char phone[] =
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "PRODID:-//Apple Inc.//iPhone OS 17.4//EN\r\n"
    "N:Haddad;Layla;;;\r\n"
    "FN:Layla Haddad\r\n"
    "ORG:Nile Trading;\r\n"
    "item1.EMAIL;type=INTERNET:other@example.com\r\n"
    "item2.EMAIL;type=INTERNET;type=pref:layla@example.com\r\n"
    "TEL;type=WORK;type=VOICE:+20 2 1234 5678\r\n"
    "TEL;type=CELL;type=VOICE;type=pref:+20 100 123 4567\r\n"
    "item3.ADR;type=HOME;type=pref:;;12 Nile St;Cairo;;11511;Egypt\r\n"
    "item3.X-ABADR:eg\r\n"
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDB\r\n"
    " QNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJ\r\n"
    " CQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMj\r\n"
    "NOTE:Met at the trade fair in Alexandria\\, 2025. Prefers calls after 5 pm\\;\r\n"
    "  speaks Arabic and French.\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:Al-Sayed;Ahmed;;;\r\n"
    "FN:Ahmed Al-Sayed\r\n"
    "TEL;TYPE=CELL:+44 7700 900123\r\n"
    "EMAIL;TYPE=HOME:ahmed@example.com\r\n"
    "ADR;TYPE=HOME:;;221B Baker St;London;;NW1 6XE;United Kingdom\r\n"
    "PHOTO;ENCODING=B;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\r\n"
    " /2wBDAAgGBgcGBQgHBwcJCQgKDB\r\n"
    "END:VCARD\r\n";
  g_autoptr(RoloVcardReader) reader = reader_for (phone, -1);
  g_autoptr(RoloContact) layla = read_next (reader, 1);
  g_autoptr(RoloContact) ahmed = read_next (reader, 19);

  read_ends (reader);
  g_assert_cmpstr (rolo_contact_get_name (layla), ==, "Layla Haddad");
  g_assert_cmpint (rolo_contact_get_contact_type (layla), ==, ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_assert_cmpstr (rolo_contact_get_email (layla), ==, "layla@example.com");
  g_assert_cmpstr (rolo_contact_get_mobile (layla), ==, "+20 100 123 4567");
  g_assert_cmpstr (rolo_contact_get_address (layla), ==, "12 Nile St\nCairo, 11511\nEgypt");
  g_assert_cmpstr (rolo_contact_get_notes (layla), ==,
                   "Met at the trade fair in Alexandria, 2025. Prefers calls after 5 pm; "
                   "speaks Arabic and French.");
  g_assert_cmpint (rolo_contact_get_id (layla), ==, 0);
  /* Switches the file does not name keep rolo_contact_new()'s defaults. */
  g_assert_true (rolo_contact_get_email_notify (layla));
  g_assert_true (rolo_contact_get_sms_notify (layla));
  g_assert_true (rolo_contact_get_whatsapp_notify (layla));

  g_assert_cmpstr (rolo_contact_get_name (ahmed), ==, "Ahmed Al-Sayed");
  g_assert_cmpstr (rolo_contact_get_mobile (ahmed), ==, "+44 7700 900123");
  g_assert_cmpstr (rolo_contact_get_address (ahmed), ==,
                   "221B Baker St\nLondon, NW1 6XE\nUnited Kingdom");
  g_assert_cmpstr (rolo_contact_get_notes (ahmed), ==, "");
}

/* Old phones: 2.1 with quoted-printable (soft line breaks, a line end
 * encoded), UTF-8 and ISO-8859-1, bare parameters, 2.1 photos ended by a
 * blank line, and LABEL as the address. */
static void
test_read_21 (void)
{
  static const char old[] =
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
    "=D8=AD=D8=AF=D8=A7=D8=AF;=D9=84=D9=8A=D9=84=D9=89;;;\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D9=84=D9=8A=D9=84=D9=89 =D8=AD=D8=AF=D8=A7=\r\n"
    "=D8=AF\r\n"
    "TEL;WORK;VOICE:022 123 4567\r\n"
    "TEL;CELL:050 123 4567\r\n"
    "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
    "=D9=85=D9=84=D8=A7=D8=AD=D8=B8=D8=A9 one=0D=0A=\r\n"
    "two; and C:\\path\\n stays\r\n"
    "PHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n"
    "    /9j/4AAQSkZJRgABAQAAAQABAAD\r\n"
    "    AAAQABAAD/2wBDAAgGBgcGBQgH\r\n"
    "\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Garc=EDa;Jos=E9;;;\r\n"
    "LABEL;HOME;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:"
    "Calle Mayor 1=0D=0ASevilla, Espa=F1a\r\n"
    "EMAIL;PREF;INTERNET:jose@example.es\r\n"
    "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD\r\n"
    "AAAQABAAD/2wBDAAgGBgcGBQgH\r\n"
    "\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "FN;CHARSET=ISO-8859-1:Jos\xe9 Garc\xed" "a\r\n"
    "ORG:Caf\\;\xe9\r\n"
    "END:VCARD\r\n";
  g_autoptr(RoloVcardReader) reader = reader_for (old, -1);
  g_autoptr(RoloContact) layla = read_next (reader, 1);
  g_autoptr(RoloContact) jose = read_next (reader, 15);

  g_assert_cmpstr (rolo_contact_get_name (layla), ==, "ليلى حداد");
  g_assert_cmpstr (rolo_contact_get_mobile (layla), ==, "050 123 4567");
  g_assert_cmpstr (rolo_contact_get_notes (layla), ==,
                   "ملاحظة one\r\ntwo; and C:\\path\\n stays");

  g_assert_cmpstr (rolo_contact_get_name (jose), ==, "José García");
  g_assert_cmpstr (rolo_contact_get_address (jose), ==, "Calle Mayor 1\r\nSevilla, España");
  g_assert_cmpstr (rolo_contact_get_email (jose), ==, "jose@example.es");

  /* ORG is not in the charset it names: the card is left out. */
  read_fails (reader, ROLO_VCARD_ERROR_ENCODING, 24, "line 27");
  read_ends (reader);
}

static void
test_read_google (void)
{
  static const char google[] =
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "FN:Grace Hopper\n"
    "N:Hopper;Grace;Brewster Murray;Rear Admiral;\n"
    "EMAIL;TYPE=INTERNET;TYPE=HOME:grace@navy.example\n"
    "EMAIL;TYPE=INTERNET;TYPE=WORK:ghopper@work.example\n"
    "TEL;TYPE=HOME:+1 202-555-0100\n"
    "TEL;TYPE=CELL:+1 202-555-0143\n"
    "ADR;TYPE=HOME:;;1 Navy Yard\\, Building 2;Washington;DC;20374;United States\n"
    "ORG:US Navy\n"
    "TITLE:Rear Admiral\n"
    "BDAY:1906-12-09\n"
    "item1.URL:https\\://www.example.com\n"
    "item1.X-ABLabel:PROFILE\n"
    "NOTE:Wrote the first compiler\\nand found the first bug.\n"
    "CATEGORIES:myContacts,Starred in Android,12\n"
    "END:VCARD\n"
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "FN:Acme Corp\n"
    "ORG:Acme Corp\n"
    "TEL;TYPE=WORK:tel:+1-555-0100\n"
    "END:VCARD\n";
  static const gint64 twelve[] = { 12 };
  g_autoptr(RoloVcardReader) reader = reader_for (google, -1);
  g_autoptr(RoloContact) grace = read_next (reader, 1);
  g_autoptr(RoloContact) acme = read_next (reader, 18);

  read_ends (reader);
  g_assert_cmpstr (rolo_contact_get_name (grace), ==, "Grace Hopper");
  g_assert_cmpint (rolo_contact_get_contact_type (grace), ==, ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_assert_cmpstr (rolo_contact_get_email (grace), ==, "grace@navy.example");
  g_assert_cmpstr (rolo_contact_get_mobile (grace), ==, "+1 202-555-0143");
  g_assert_cmpstr (rolo_contact_get_address (grace), ==,
                   "1 Navy Yard, Building 2\nWashington, DC, 20374\nUnited States");
  g_assert_cmpstr (rolo_contact_get_notes (grace), ==,
                   "Wrote the first compiler\nand found the first bug.");
  /* Only numbers are tag ids. */
  assert_tags (grace, twelve, 1);

  g_assert_cmpint (rolo_contact_get_contact_type (acme), ==, ROLO_CONTACT_TYPE_BUSINESS);
  g_assert_cmpstr (rolo_contact_get_mobile (acme), ==, "+1-555-0100");
}

/* Names and kinds when FN or the X-YSUITE properties are missing. */
static void
test_read_names_and_kinds (void)
{
  g_autoptr(RoloContact) from_n =
    read_only ("BEGIN:VCARD\nN:Al-Sayed;Ahmed;Omar,Ali;Dr.;\nEND:VCARD\n");
  g_autoptr(RoloContact) from_org =
    read_only ("BEGIN:VCARD\nVERSION:4.0\nORG:Nile Trading\\; Sons;Sales\nEND:VCARD\n");
  g_autoptr(RoloContact) kind =
    read_only ("BEGIN:VCARD\nVERSION:4.0\nKIND:Org\nFN:Someone\nORG:Other\nEND:VCARD\n");
  g_autoptr(RoloContact) apple =
    read_only ("BEGIN:VCARD\nFN:Apple Inc.\nORG:Apple Inc.;\nX-ABShowAs:COMPANY\nEND:VCARD\n");
  g_autoptr(RoloContact) wins =
    read_only ("begin:vcard\nkind:org\nx-ysuite-contact-type:1\nfn:X\nuid:urn:ysuite:contact:55"
               "\nx-ysuite-email-notify:false\nEND:VCARD\n");
  g_autoptr(RoloContact) empty = read_only ("BEGIN:VCARD\nEND:VCARD\n");

  g_assert_cmpstr (rolo_contact_get_name (from_n), ==, "Ahmed Omar Ali Al-Sayed");
  g_assert_cmpint (rolo_contact_get_contact_type (from_n), ==, ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_assert_cmpstr (rolo_contact_get_name (from_org), ==, "Nile Trading; Sons");
  g_assert_cmpint (rolo_contact_get_contact_type (from_org), ==, ROLO_CONTACT_TYPE_BUSINESS);
  g_assert_cmpint (rolo_contact_get_contact_type (kind), ==, ROLO_CONTACT_TYPE_BUSINESS);
  g_assert_cmpint (rolo_contact_get_contact_type (apple), ==, ROLO_CONTACT_TYPE_BUSINESS);
  g_assert_cmpint (rolo_contact_get_contact_type (wins), ==, ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_assert_cmpint (rolo_contact_get_id (wins), ==, 55);
  g_assert_false (rolo_contact_get_email_notify (wins));
  g_assert_true (rolo_contact_get_sms_notify (wins));
  g_assert_cmpstr (rolo_contact_get_name (empty), ==, "");
  g_assert_cmpint (rolo_contact_get_contact_type (empty), ==, ROLO_CONTACT_TYPE_INDIVIDUAL);
}

/* CRLF or LF, a byte order mark, blank lines and tabs folding. */
static void
test_read_line_ends (void)
{
  static const char crlf[] = "\xef\xbb\xbf\r\nBEGIN:VCARD\r\nFN:A\r\n\tB\r\nEND:VCARD\r\n\r\n";
  static const char lf[] = "\xef\xbb\xbf" "BEGIN:VCARD\nFN:A\n\tB\nEND:VCARD";
  g_autoptr(RoloVcardReader) first = reader_for (crlf, -1);
  g_autoptr(RoloVcardReader) second = reader_for (lf, -1);
  g_autoptr(RoloContact) a = read_next (first, 2);
  g_autoptr(RoloContact) b = read_next (second, 1);

  read_ends (first);
  read_ends (second);
  g_assert_cmpstr (rolo_contact_get_name (a), ==, "AB");
  g_assert_cmpstr (rolo_contact_get_name (b), ==, "AB");

  /* A byte order mark only at the start of the file. */
  {
    g_autoptr(RoloVcardReader) reader =
      reader_for ("BEGIN:VCARD\nEND:VCARD\n\xef\xbb\xbf" "BEGIN:VCARD\nEND:VCARD\n", -1);

    g_object_unref (read_next (reader, 1));
    read_fails (reader, ROLO_VCARD_ERROR_SYNTAX, 3, "outside");
    read_ends (reader);
  }
}

/* --- bad files ------------------------------------------------------------- */

/* One bad card does not lose the others. */
static void
test_read_bad_card (void)
{
  static const char text[] =
    "BEGIN:VCARD\nVERSION:3.0\nFN:First\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Jos\xe9\nEND:VCARD\n"
    "\n"
    "BEGIN:VCARD\nFN:Third\nEND:VCARD\n"
    "BEGIN:VCARD\nFN:Fourth\nnot a property\nEND:VCARD\n"
    "BEGIN:VCARD\nFN:No end\n"
    "BEGIN:VCARD\nFN:Sixth\nNOTE;ENCODING=QUOTED-PRINTABLE:nul =00 byte\nEND:VCARD\n"
    "BEGIN:VCARD\nFN:Seventh\nEND:VCARD\n";
  g_autoptr(RoloVcardReader) reader = reader_for (text, -1);
  g_autoptr(RoloContact) first = read_next (reader, 1);
  g_autoptr(RoloContact) third = NULL;
  g_autoptr(RoloContact) seventh = NULL;

  g_assert_cmpstr (rolo_contact_get_name (first), ==, "First");
  read_fails (reader, ROLO_VCARD_ERROR_ENCODING, 5, "line 7");
  third = read_next (reader, 10);
  g_assert_cmpstr (rolo_contact_get_name (third), ==, "Third");
  read_fails (reader, ROLO_VCARD_ERROR_SYNTAX, 13, "line 15");
  read_fails (reader, ROLO_VCARD_ERROR_SYNTAX, 17, "line 19");
  read_fails (reader, ROLO_VCARD_ERROR_ENCODING, 19, "line 21");
  seventh = read_next (reader, 23);
  g_assert_cmpstr (rolo_contact_get_name (seventh), ==, "Seventh");
  read_ends (reader);
}

static void
test_read_junk (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe";
  g_autoptr(RoloVcardReader) reader = reader_for (png, sizeof png - 1);
  g_autoptr(RoloVcardReader) csv = reader_for ("cstname,cstemail\nAda,ada@example.com\n", -1);
  static const char inside_card[] = "BEGIN:VCARD\n\x89PNG\r\n\x1a\n\0\0";
  g_autoptr(RoloVcardReader) inside = reader_for (inside_card, sizeof inside_card - 1);
  static const char nul_name[] = "BEGIN:VCARD\nFN\0:x\nEND:VCARD\n";
  g_autoptr(RoloVcardReader) nul = reader_for (nul_name, sizeof nul_name - 1);
  g_autoptr(RoloVcardReader) empty = reader_for ("", 0);

  read_fails (reader, ROLO_VCARD_ERROR_SYNTAX, 1, "not a vCard");
  read_ends (reader);
  read_fails (csv, ROLO_VCARD_ERROR_SYNTAX, 1, "not a vCard");
  read_ends (csv);
  read_fails (inside, ROLO_VCARD_ERROR_SYNTAX, 1, "line 2");
  read_ends (inside);
  read_fails (nul, ROLO_VCARD_ERROR_ENCODING, 1, "line 2");
  read_ends (nul);
  read_ends (empty);
}

static void
test_read_truncated (void)
{
  g_autoptr(RoloVcardReader) reader =
    reader_for ("BEGIN:VCARD\nFN:A\nEND:VCARD\n\nBEGIN:VCARD\nFN:Cut\nNOTE:sho", -1);

  g_object_unref (read_next (reader, 1));
  read_fails (reader, ROLO_VCARD_ERROR_SYNTAX, 5, "END:VCARD");
  read_ends (reader);
}

/* 10 MB on one line, and folded: stopped at the limit, and the next card
 * reads. */
static void
test_read_too_long (void)
{
  const gsize size = 10 * 1024 * 1024;
  g_autoptr(GString) text = g_string_sized_new (size + 200);
  g_autoptr(RoloVcardReader) reader = NULL;
  g_autoptr(RoloContact) b = NULL;
  g_autoptr(RoloContact) c = NULL;

  g_string_append (text, "BEGIN:VCARD\r\nFN:A\r\nNOTE:");
  for (gsize i = 0; i < size; i++)
    g_string_append_c (text, 'a' + i % 26);
  g_string_append (text, "\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n");
  g_string_append (text, "BEGIN:VCARD\r\nNOTE:");
  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "\r\n 0123456789012345678901234567890123456789012345678901234567");
  g_string_append (text, "\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:C\r\nEND:VCARD\r\n");

  reader = reader_for (text->str, text->len);
  read_fails (reader, ROLO_VCARD_ERROR_TOO_LONG, 1, "line 3");
  b = read_next (reader, 5);
  g_assert_cmpstr (rolo_contact_get_name (b), ==, "B");
  read_fails (reader, ROLO_VCARD_ERROR_TOO_LONG, 8, "1 MB");
  c = read_next (reader, 20011);
  g_assert_cmpstr (rolo_contact_get_name (c), ==, "C");
  read_ends (reader);
}

/* Cards across the reader's buffer: over 64 KB of them. */
static void
test_read_across_buffers (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(RoloVcardReader) reader = NULL;
  guint lines_per_card = 0;

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(RoloContact) contact = rolo_contact_new ();
      g_autofree char *name = g_strdup_printf ("تاجر %u", i);

      rolo_contact_set_id (contact, i + 1);
      rolo_contact_set_name (contact, name);
      rolo_contact_set_notes (contact, "a note long enough to be folded once over the "
                                       "seventy-five octets of a line");
      rolo_vcard_append_contact (text, contact);
      if (i == 0)
        for (const char *p = text->str; (p = strchr (p, '\n')) != NULL; p++)
          lines_per_card++;
    }
  g_assert_cmpuint (text->len, >, 4 * 64 * 1024);

  reader = reader_for (text->str, text->len);
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(RoloContact) contact = read_next (reader, lines_per_card * i + 1);
      g_autofree char *name = g_strdup_printf ("تاجر %u", i);

      g_assert_cmpint (rolo_contact_get_id (contact), ==, i + 1);
      g_assert_cmpstr (rolo_contact_get_name (contact), ==, name);
    }
  read_ends (reader);
}

static void
test_sniff (void)
{
  static const char * const vcards[] = {
    "BEGIN:VCARD\r\nVERSION:4.0\r\n",
    "\xef\xbb\xbf\r\n\nbegin:vcard\n",
    "  \n\tBEGIN:VCARD  \r\n",
    "BEGIN:VCARD",
  };
  static const char * const others[] = {
    "",
    "\xef\xbb\xbf",
    "cstname,cstemail\nBEGIN:VCARD\n",
    "BEGIN:VCALENDAR\n",
    "BEGIN:VCARDS\n",
    "BEGIN:VCARD x\n",
    "BEGIN:VCAR",
    "\x89PNG\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (vcards); i++)
    g_assert_true (rolo_vcard_sniff (vcards[i], strlen (vcards[i])));
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_false (rolo_vcard_sniff (others[i], strlen (others[i])));
  /* The first bytes only: a card cut short is still a vCard. */
  g_assert_true (rolo_vcard_sniff ("BEGIN:VCARD\r\nFN:Ah", 18));
  g_assert_false (rolo_vcard_sniff (NULL, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/vcard/write", test_write);
  g_test_add_func ("/io/vcard/round-trip", test_round_trip);
  g_test_add_func ("/io/vcard/read/phone", test_read_phone);
  g_test_add_func ("/io/vcard/read/2.1", test_read_21);
  g_test_add_func ("/io/vcard/read/google", test_read_google);
  g_test_add_func ("/io/vcard/read/names-and-kinds", test_read_names_and_kinds);
  g_test_add_func ("/io/vcard/read/line-ends", test_read_line_ends);
  g_test_add_func ("/io/vcard/read/bad-card", test_read_bad_card);
  g_test_add_func ("/io/vcard/read/junk", test_read_junk);
  g_test_add_func ("/io/vcard/read/truncated", test_read_truncated);
  g_test_add_func ("/io/vcard/read/too-long", test_read_too_long);
  g_test_add_func ("/io/vcard/read/across-buffers", test_read_across_buffers);
  g_test_add_func ("/io/vcard/sniff", test_sniff);

  return g_test_run ();
}
