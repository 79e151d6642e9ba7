/* rolo-sandbox-json.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-sandbox"

#include "config.h"

#include <string.h>

#include "rolo-sandbox-json-private.h"

/* A recursive-descent recogniser; the depth limit bounds the recursion. */
typedef struct
{
  const char *p;
  const char *end;
  guint       depth;
  guint       max_depth;
} Scanner;

static gboolean scan_value (Scanner *scanner);

static gboolean
at (Scanner *scanner,
    char     c)
{
  return scanner->p < scanner->end && *scanner->p == c;
}

static void
skip_space (Scanner *scanner)
{
  while (scanner->p < scanner->end && strchr (" \t\n\r", *scanner->p) != NULL &&
         *scanner->p != '\0')
    scanner->p++;
}

static gboolean
accept (Scanner *scanner,
        char     c)
{
  skip_space (scanner);
  if (!at (scanner, c))
    return FALSE;
  scanner->p++;
  skip_space (scanner);
  return TRUE;
}

static gboolean
scan_digits (Scanner *scanner)
{
  const char *start = scanner->p;

  while (scanner->p < scanner->end && g_ascii_isdigit (*scanner->p))
    scanner->p++;
  return scanner->p > start;
}

static gboolean
scan_number (Scanner *scanner)
{
  if (at (scanner, '-'))
    scanner->p++;
  if (at (scanner, '0'))
    scanner->p++;
  else if (!scan_digits (scanner))
    return FALSE;

  if (at (scanner, '.'))
    {
      scanner->p++;
      if (!scan_digits (scanner))
        return FALSE;
    }
  if (at (scanner, 'e') || at (scanner, 'E'))
    {
      scanner->p++;
      if (at (scanner, '+') || at (scanner, '-'))
        scanner->p++;
      if (!scan_digits (scanner))
        return FALSE;
    }
  return TRUE;
}

static gboolean
scan_hex4 (Scanner *scanner,
           guint   *unit)
{
  *unit = 0;
  for (guint i = 0; i < 4; i++, scanner->p++)
    {
      if (scanner->p >= scanner->end || !g_ascii_isxdigit (*scanner->p))
        return FALSE;
      *unit = *unit * 16 + g_ascii_xdigit_value (*scanner->p);
    }
  return TRUE;
}

/* RFC 8259 lets a lone surrogate through; json-glib 1.6 makes bytes that
 * are not UTF-8 of it, which would be stored and sent back. Only pairs. */
static gboolean
scan_unicode_escape (Scanner *scanner)
{
  guint unit;
  guint low;

  if (!scan_hex4 (scanner, &unit) || (unit >= 0xDC00 && unit <= 0xDFFF))
    return FALSE;
  if (unit < 0xD800 || unit > 0xDBFF)
    return TRUE;

  if (scanner->end - scanner->p < 2 || scanner->p[0] != '\\' || scanner->p[1] != 'u')
    return FALSE;
  scanner->p += 2;
  return scan_hex4 (scanner, &low) && low >= 0xDC00 && low <= 0xDFFF;
}

static gboolean
scan_escape (Scanner *scanner)
{
  char c;

  if (scanner->p >= scanner->end)
    return FALSE;

  c = *scanner->p++;
  if (c == 'u')
    return scan_unicode_escape (scanner);
  return c != '\0' && strchr ("\"\\/bfnrt", c) != NULL;
}

static gboolean
scan_string (Scanner *scanner)
{
  if (!at (scanner, '"'))
    return FALSE;
  scanner->p++;

  while (scanner->p < scanner->end)
    {
      guchar c = *scanner->p++;

      if (c == '"')
        return TRUE;
      if (c < 0x20 || (c == '\\' && !scan_escape (scanner)))
        return FALSE;
    }
  return FALSE;
}

static gboolean
scan_literal (Scanner    *scanner,
              const char *word)
{
  gsize length = strlen (word);

  if ((gsize) (scanner->end - scanner->p) < length || memcmp (scanner->p, word, length) != 0)
    return FALSE;
  scanner->p += length;
  return TRUE;
}

static gboolean
scan_member (Scanner *scanner)
{
  return scan_string (scanner) && accept (scanner, ':') && scan_value (scanner);
}

/* Elements (or members) separated by commas, up to the closing bracket. */
static gboolean
scan_container (Scanner *scanner,
                char     close,
                gboolean (*scan_item) (Scanner *))
{
  gboolean ok;

  if (++scanner->depth > scanner->max_depth)
    return FALSE;

  scanner->p++;
  if (accept (scanner, close))
    ok = TRUE;
  else
    {
      do
        {
          skip_space (scanner);
          ok = scan_item (scanner);
        }
      while (ok && accept (scanner, ','));
      ok = ok && accept (scanner, close);
    }

  scanner->depth--;
  return ok;
}

static gboolean
scan_value (Scanner *scanner)
{
  skip_space (scanner);
  if (scanner->p >= scanner->end)
    return FALSE;

  switch (*scanner->p)
    {
    case '{':
      return scan_container (scanner, '}', scan_member);
    case '[':
      return scan_container (scanner, ']', scan_value);
    case '"':
      return scan_string (scanner);
    case 't':
      return scan_literal (scanner, "true");
    case 'f':
      return scan_literal (scanner, "false");
    case 'n':
      return scan_literal (scanner, "null");
    default:
      return scan_number (scanner);
    }
}

gboolean
rolo_sandbox_json_is_strict (const char *data,
                             gsize       length,
                             guint       max_depth)
{
  Scanner scanner = { data, data + length, 0, max_depth };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (!scan_value (&scanner))
    return FALSE;
  skip_space (&scanner);
  return scanner.p == scanner.end;
}
