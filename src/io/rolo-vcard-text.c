/* rolo-vcard-text.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-io"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rolo-vcard-private.h"

/* Text inside a vCard line: trimming, quoting, RFC 6868 caret encoding,
 * escaped lists and quoted-printable. */

gboolean
rolo_vcard_is_space (char c)
{
  return c == ' ' || c == '\t';
}

/* @text[0..@len) without spaces and tabs at either end equals @word, in
 * any case. */
gboolean
rolo_vcard_equal_trimmed (const char *text,
                          gsize       len,
                          const char *word)
{
  gsize word_len = strlen (word);

  while (len > 0 && rolo_vcard_is_space (text[0]))
    text++, len--;
  while (len > 0 && rolo_vcard_is_space (text[len - 1]))
    len--;
  return len == word_len && g_ascii_strncasecmp (text, word, len) == 0;
}

gboolean
rolo_vcard_is_blank (const GString *text)
{
  for (gsize i = 0; i < text->len; i++)
    if (!rolo_vcard_is_space (text->str[i]))
      return FALSE;
  return TRUE;
}

gboolean
rolo_vcard_is_card_begin (const GString *text)
{
  return rolo_vcard_equal_trimmed (text->str, text->len, "BEGIN:VCARD");
}

/* What a 2.1 writer puts on the lines of a base64 value it does not fold. */
gboolean
rolo_vcard_is_base64_text (const GString *text)
{
  for (gsize i = 0; i < text->len; i++)
    {
      char c = text->str[i];

      if (!g_ascii_isalnum (c) && c != '+' && c != '/' && c != '=' && !rolo_vcard_is_space (c))
        return FALSE;
    }
  return TRUE;
}

/* Trimmed, without the quotes around it. */
char *
rolo_vcard_unquote (const char *text,
                    gsize       len)
{
  while (len > 0 && rolo_vcard_is_space (text[0]))
    text++, len--;
  while (len > 0 && rolo_vcard_is_space (text[len - 1]))
    len--;
  if (len > 0 && text[0] == '"')
    text++, len--;
  if (len > 0 && text[len - 1] == '"')
    len--;
  return g_strndup (text, len);
}

/* RFC 6868: ^n a line break, ^' a double quote, ^^ a caret. */
char *
rolo_vcard_decode_caret (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '^' && (p[1] == 'n' || p[1] == 'N'))
        g_string_append_c (out, '\n');
      else if (p[0] == '^' && p[1] == '\'')
        g_string_append_c (out, '"');
      else if (p[0] == '^' && p[1] == '^')
        g_string_append_c (out, '^');
      else
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
    }
  return g_string_free (out, FALSE);
}

/* Splits at each @separator that no backslash escapes, escapes kept. */
GStrv
rolo_vcard_split_escaped (const char *text,
                          char        separator)
{
  GPtrArray *parts = g_ptr_array_new ();
  const char *start = text;

  for (const char *p = text;; p++)
    {
      if (p[0] == '\\' && p[1] != '\0')
        p++;
      else if (*p == separator || *p == '\0')
        {
          g_ptr_array_add (parts, g_strndup (start, p - start));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  g_ptr_array_add (parts, NULL);
  return (GStrv) g_ptr_array_free (parts, FALSE);
}

/* RFC 6350 3.4 (and 2426): \\ \, \; \n \N; also \r, which Rolo writes for
 * a carriage return. Others stay as they are. vCard 2.1 escapes only ';'. */
char *
rolo_vcard_unescape_text (const char *text,
                          gboolean    v21)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      char next = p[0] == '\\' ? p[1] : '\0';

      if (next == '\0' || (v21 ? next != ';' : strchr ("\\,;nNr", next) == NULL))
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (next == 'n' || next == 'N')
        g_string_append_c (out, '\n');
      else if (next == 'r')
        g_string_append_c (out, '\r');
      else
        g_string_append_c (out, next);
      p++;
    }
  return g_string_free (out, FALSE);
}

/* =XX bytes; a '=' ending the value is a soft line break left over. */
char *
rolo_vcard_decode_quoted_printable (const char *text,
                                    gsize       len,
                                    gsize      *out_len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      int high = i + 2 < len ? g_ascii_xdigit_value (text[i + 1]) : -1;
      int low = i + 2 < len ? g_ascii_xdigit_value (text[i + 2]) : -1;

      if (text[i] == '=' && high >= 0 && low >= 0)
        {
          g_string_append_c (out, (char) (high << 4 | low));
          i += 2;
        }
      else if (text[i] != '=' || i + 1 < len)
        g_string_append_c (out, text[i]);
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}
