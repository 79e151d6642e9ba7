/* rolo-json.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include <math.h>
#include <string.h>

#include "rolo-json-private.h"

static JsonNode *
get_value_node (JsonObject *object,
                const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  return node;
}

gboolean
rolo_json_node_is_blank (JsonNode *node)
{
  const char *text;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;

  for (text = json_node_get_string (node); *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }
  return TRUE;
}

gboolean
rolo_json_parse_int64 (const char *text,
                       gint64     *out)
{
  g_autofree char *copy = NULL;
  gint64 value;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0' || !g_ascii_string_to_signed (copy, 10, G_MININT64, G_MAXINT64,
                                                   &value, NULL))
    return FALSE;

  *out = value;
  return TRUE;
}

gboolean
rolo_json_node_get_int64 (JsonNode *node,
                          gint64   *out)
{
  double d;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *out = json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      d = json_node_get_double (node);
      if (!isfinite (d) || d != floor (d) || fabs (d) > 9007199254740992.0)
        return FALSE;
      *out = (gint64) d;
      return TRUE;
    case G_TYPE_STRING:
      return rolo_json_parse_int64 (json_node_get_string (node), out);
    default:
      return FALSE;
    }
}

gboolean
rolo_json_get_int64 (JsonObject *object,
                     const char *member,
                     gint64     *out)
{
  return rolo_json_node_get_int64 (get_value_node (object, member), out);
}

static gboolean
parse_boolean_text (const char *text,
                    gboolean   *out)
{
  static const char * const truthy[] = { "1", "true", "yes", "on", NULL };
  static const char * const falsy[] = { "0", "false", "no", "off", NULL };
  g_autofree char *copy = g_ascii_strdown (text, -1);

  g_strstrip (copy);
  if (g_strv_contains (truthy, copy))
    *out = TRUE;
  else if (g_strv_contains (falsy, copy))
    *out = FALSE;
  else
    return FALSE;

  return TRUE;
}

gboolean
rolo_json_get_boolean (JsonObject *object,
                       const char *member,
                       gboolean   *out)
{
  JsonNode *node = get_value_node (object, member);
  gint64 number;

  if (node == NULL)
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      *out = json_node_get_boolean (node);
      return TRUE;
    case G_TYPE_STRING:
      return parse_boolean_text (json_node_get_string (node), out);
    default:
      if (!rolo_json_node_get_int64 (node, &number))
        return FALSE;
      *out = number != 0;
      return TRUE;
    }
}

char *
rolo_json_dup_string (JsonObject *object,
                      const char *member)
{
  JsonNode *node = get_value_node (object, member);
  gint64 number;

  if (node == NULL)
    return NULL;

  /* json-glib 1.6 turns a lone "\udc00" into bytes that are not UTF-8. */
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_utf8_make_valid (json_node_get_string (node), -1);
  /* A phone number or tax number sent as a JSON number. */
  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN &&
      rolo_json_node_get_int64 (node, &number))
    return g_strdup_printf ("%" G_GINT64_FORMAT, number);

  return NULL;
}

GDateTime *
rolo_json_dup_date_time (JsonObject *object,
                         const char *member)
{
  g_autofree char *text = rolo_json_dup_string (object, member);
  g_autoptr(GTimeZone) utc = NULL;
  char *space;

  if (text == NULL)
    return NULL;

  g_strstrip (text);
  if (strlen (text) == 10)
    {
      g_autofree char *midnight = g_strconcat (text, "T00:00:00", NULL);

      g_free (text);
      text = g_steal_pointer (&midnight);
    }

  space = strchr (text, ' ');
  if (space != NULL && space - text == 10)
    *space = 'T';

  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (text, utc);
}

/* "3,5" or "" from a backend that joins its tag ids. */
static GArray *
parse_int64_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  GArray *result = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 value;

      if (rolo_json_parse_int64 (parts[i], &value))
        g_array_append_val (result, value);
    }

  return result;
}

GArray *
rolo_json_dup_int64_array (JsonObject *object,
                           const char *member)
{
  JsonNode *node;
  JsonArray *array;
  GArray *result;
  guint n;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return parse_int64_list (json_node_get_string (node));
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  result = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < n; i++)
    {
      gint64 value;

      if (rolo_json_node_get_int64 (json_array_get_element (array, i), &value))
        g_array_append_val (result, value);
    }

  return result;
}
