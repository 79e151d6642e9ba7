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

/* --- the sloppy writer ---------------------------------------------------- */

/* How a contact's switches are written; the contact's id picks one, so a page
 * holds every kind and the same contact always reads the same. */
typedef enum
{
  SWITCH_AS_DIGIT_TEXT,  /* "0" / "1" */
  SWITCH_AS_NUMBER,      /* 0 / 1 */
  SWITCH_AS_WORD,        /* "false" / "true" */
  N_SWITCH_STYLES
} SwitchStyle;

static JsonNode *messy_copy (JsonNode    *node,
                             SwitchStyle  style);

static JsonNode *
new_string_node (const char *text)
{
  return json_node_init_string (json_node_alloc (), text);
}

static JsonNode *
messy_switch (gboolean    value,
              SwitchStyle style)
{
  switch (style)
    {
    case SWITCH_AS_NUMBER:
      return json_node_init_int (json_node_alloc (), value ? 1 : 0);
    case SWITCH_AS_WORD:
      return new_string_node (value ? "true" : "false");
    case SWITCH_AS_DIGIT_TEXT:
    case N_SWITCH_STYLES:
    default:
      return new_string_node (value ? "1" : "0");
    }
}

/* "2026-05-15T08:30:00Z" as MySQL writes a DATETIME: "2026-05-15 08:30:00". */
static JsonNode *
messy_string (const char *text)
{
  gsize length = strlen (text);

  if (length == 0)
    return json_node_init_null (json_node_alloc ());
  if (length == 20 && text[10] == 'T' && text[19] == 'Z' && g_ascii_isdigit (text[0]))
    {
      g_autofree char *datetime = g_strndup (text, 19);

      datetime[10] = ' ';
      return new_string_node (datetime);
    }
  return new_string_node (text);
}

static JsonNode *
messy_value (JsonNode    *node,
             SwitchStyle  style)
{
  g_autofree char *text = NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      return new_string_node (text);
    case G_TYPE_BOOLEAN:
      return messy_switch (json_node_get_boolean (node), style);
    case G_TYPE_STRING:
      return messy_string (json_node_get_string (node));
    default:
      return json_node_copy (node);
    }
}

/* An empty array is null, as PHP leaves a column that has no rows. */
static JsonNode *
messy_array (JsonArray   *array,
             SwitchStyle  style)
{
  guint n = json_array_get_length (array);
  g_autoptr(JsonArray) copy = NULL;

  if (n == 0)
    return json_node_init_null (json_node_alloc ());

  copy = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    json_array_add_element (copy, messy_copy (json_array_get_element (array, i), style));
  return json_node_init_array (json_node_alloc (), copy);
}

/* What a contact record gains: who made it and a link to itself. */
static void
add_contact_extras (JsonObject *copy,
                    gint64      cstid)
{
  g_autofree char *href = g_strdup_printf ("/v1/contacts/%" G_GINT64_FORMAT, cstid);
  JsonObject *self_link = json_object_new ();
  JsonObject *links = json_object_new ();

  json_object_set_string_member (copy, "created_by", "1");
  json_object_set_string_member (self_link, "href", href);
  json_object_set_object_member (links, "self", self_link);
  json_object_set_object_member (copy, "_links", links);
}

static JsonNode *
messy_object (JsonObject  *object,
              SwitchStyle  style)
{
  JsonNode *id = json_object_get_member (object, "cstid");
  g_autoptr(JsonObject) copy = json_object_new ();
  g_autoptr(GList) names = json_object_get_members (object);
  gint64 cstid = 0;

  if (id != NULL && JSON_NODE_HOLDS_VALUE (id) &&
      json_node_get_value_type (id) == G_TYPE_INT64)
    {
      cstid = json_node_get_int (id);
      style = (SwitchStyle) ((guint64) cstid % N_SWITCH_STYLES);
    }

  /* In the order they were written, so the same answer reads the same. */
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (copy, l->data,
                            messy_copy (json_object_get_member (object, l->data), style));
  if (id != NULL)
    add_contact_extras (copy, cstid);

  return json_node_init_object (json_node_alloc (), copy);
}

static JsonNode *
messy_copy (JsonNode    *node,
            SwitchStyle  style)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return messy_object (json_node_get_object (node), style);
    case JSON_NODE_ARRAY:
      return messy_array (json_node_get_array (node), style);
    case JSON_NODE_VALUE:
      return messy_value (node, style);
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

static void
set_null_if_absent (JsonObject *object,
                    const char *member)
{
  if (!json_object_has_member (object, member))
    json_object_set_null_member (object, member);
}

JsonNode *
rolo_sandbox_json_new_messy (JsonNode *envelope)
{
  JsonNode *copy;
  JsonObject *root;
  JsonObject *meta;

  g_return_val_if_fail (envelope != NULL && JSON_NODE_HOLDS_OBJECT (envelope), NULL);

  copy = messy_copy (envelope, SWITCH_AS_DIGIT_TEXT);
  root = json_node_get_object (copy);
  set_null_if_absent (root, "message");
  set_null_if_absent (root, "data");
  set_null_if_absent (root, "errors");

  meta = json_object_new ();
  json_object_set_string_member (meta, "api_version", "1.0");
  json_object_set_string_member (meta, "deprecated", "0");
  json_object_set_object_member (root, "meta", meta);

  return copy;
}
