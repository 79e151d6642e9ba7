/* rolo-client-envelope.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "rolo-client-envelope-private.h"
#include "rolo-client-error-private.h"
#include "rolo-json-private.h"

#define NOT_FOUND_MESSAGE "Contact not found"
#define MAX_SERVER_MESSAGE_CHARS 500
/* Far deeper than any answer's shape, shallow enough for any stack. */
#define MAX_JSON_DEPTH 64
/* Not named by libsoup 3.0. */
#define STATUS_TOO_MANY_REQUESTS 429

/* TRUE when p starts one of JSON's escapes, after its backslash. json-glib
 * 1.6 leaks when a broken unicode escape comes before another one. */
static gboolean
is_escape (const char *p,
           const char *end)
{
  if (*p != 'u')
    return strchr ("\"\\/bfnrt", *p) != NULL && *p != '\0';
  if (end - p < 5)
    return FALSE;
  for (guint i = 1; i <= 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return FALSE;
    }
  return TRUE;
}

/* The code point of the unicode escape whose 'u' is at p, checked by is_escape. */
static gunichar
escape_value (const char *p)
{
  return (gunichar) (g_ascii_xdigit_value (p[1]) << 12 | g_ascii_xdigit_value (p[2]) << 8 |
                     g_ascii_xdigit_value (p[3]) << 4 | g_ascii_xdigit_value (p[4]));
}

/* p is at the 'u' of a unicode escape: returns its last character, or the
 * last of a surrogate pair's two escapes. A surrogate without its other half
 * is JSON, but json-glib 1.6 leaks on it and reads it as bytes that are not
 * UTF-8: its offset (of the backslash) goes into *lone, to be replaced. */
static const char *
skip_unicode_escape (const char  *data,
                     const char  *p,
                     const char  *end,
                     GArray     **lone)
{
  gunichar value = escape_value (p);
  gsize offset;

  if (value >= 0xd800 && value <= 0xdbff && end - p >= 11 && p[5] == '\\' && p[6] == 'u' &&
      is_escape (p + 6, end) && escape_value (p + 6) >= 0xdc00 && escape_value (p + 6) <= 0xdfff)
    return p + 10;
  if (value < 0xd800 || value > 0xdfff)
    return p + 4;

  offset = (gsize) (p - 1 - data);
  if (*lone == NULL)
    *lone = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (*lone, offset);
  return p + 4;
}

/* Why a body is not an answer to read. */
typedef enum
{
  BODY_OK,
  BODY_EMPTY,
  BODY_WEB_PAGE,
  BODY_CUT_SHORT,
  BODY_TOO_DEEP,
  BODY_NOT_JSON,
} BodyProblem;

/* BODY_OK when data is one object nested at most MAX_JSON_DEPTH deep, with
 * nothing but white space around it, as far as the brackets outside strings
 * tell. json-glib 1.6 takes more: a second object after the first replaces
 * it as the root and the first is leaked (json-glib#74, fixed in 1.10), and
 * it recurses once per level, so a deep body overflows the stack. Broken
 * escapes, quotes other than '"' and comments are refused so that json-glib
 * and this agree on where strings are. */
static BodyProblem
check_one_object (const char  *data,
                  gsize        size,
                  GArray     **lone_surrogates)
{
  const char *end = data + size;
  const char *p = data;
  guint depth = 0;

  /* A byte order mark, as json-glib allows and some PHP back-ends send. */
  if (size >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p == end)
    return BODY_EMPTY;
  /* A sign-in page of the network, a proxy's page, another site. */
  if (*p == '<')
    return BODY_WEB_PAGE;
  if (*p != '{')
    return BODY_NOT_JSON;

  for (; p < end; p++)
    {
      if (*p == '"')
        {
          for (p++; p < end && *p != '"'; p++)
            {
              if (*p != '\\')
                continue;
              if (++p == end)
                return BODY_CUT_SHORT;
              if (!is_escape (p, end))
                return BODY_NOT_JSON;
              if (*p == 'u')
                p = skip_unicode_escape (data, p, end, lone_surrogates);
            }
          if (p >= end)
            return BODY_CUT_SHORT;
        }
      else if (*p == '{' || *p == '[')
        {
          if (++depth > MAX_JSON_DEPTH)
            return BODY_TOO_DEEP;
        }
      else if (*p == '}' || *p == ']')
        {
          if (--depth == 0)
            break;
        }
      else if (*p == '\'' || *p == '/')
        return BODY_NOT_JSON;
    }
  if (p == end)
    return BODY_CUT_SHORT;

  for (p++; p < end; p++)
    {
      if (!g_ascii_isspace (*p))
        return BODY_NOT_JSON;
    }
  return BODY_OK;
}

static JsonNode *
parse_object (GBytes      *body,
              BodyProblem *problem)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GArray) lone_surrogates = NULL;
  g_autofree char *repaired = NULL;
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;
  JsonNode *root;

  *problem = BODY_EMPTY;
  if (data == NULL || size == 0)
    return NULL;
  *problem = BODY_NOT_JSON;
  if (!g_utf8_validate (data, size, NULL))
    return NULL;
  *problem = check_one_object (data, size, &lone_surrogates);
  if (*problem != BODY_OK)
    return NULL;
  if (lone_surrogates != NULL)
    {
      /* The replacement character, in as many bytes. */
      repaired = g_memdup2 (data, size);
      for (guint i = 0; i < lone_surrogates->len; i++)
        memcpy (repaired + g_array_index (lone_surrogates, gsize, i), "\\ufffd", 6);
      data = repaired;
    }
  *problem = BODY_NOT_JSON;
  if (!json_parser_load_from_data (parser, data, size, NULL))
    return NULL;
  /* json-glib takes a body of only white space as a document without a root. */
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  *problem = BODY_OK;
  return json_parser_steal_root (parser);
}

/* The server's own words, if it sent any; cut short so a stray page of text
 * does not end up in a dialog. */
static char *
dup_server_message (JsonObject *root)
{
  g_autofree char *message = rolo_json_dup_string (root, "message");

  if (message == NULL || !g_utf8_validate (message, -1, NULL))
    return NULL;

  g_strstrip (message);
  if (*message == '\0')
    return NULL;
  if (g_utf8_strlen (message, -1) > MAX_SERVER_MESSAGE_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (message, MAX_SERVER_MESSAGE_CHARS);

      *end = '\0';
    }

  return g_steal_pointer (&message);
}

static gboolean
is_not_found (const char *message)
{
  return message != NULL && g_ascii_strcasecmp (message, NOT_FOUND_MESSAGE) == 0;
}

/* Adds node when it is a string. json-glib 1.6 turns a lone "\udc00" into
 * bytes that are not UTF-8, in a member's name too. */
static void
add_field_error (GHashTable *field_errors,
                 const char *field,
                 JsonNode   *node)
{
  g_autofree char *valid_field = NULL;
  g_autofree char *message = NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return;

  valid_field = g_utf8_make_valid (field, -1);
  message = g_utf8_make_valid (json_node_get_string (node), -1);
  rolo_client_field_errors_add (field_errors, valid_field, message);
}

static GHashTable *
parse_field_errors (JsonObject *root)
{
  GHashTable *field_errors = rolo_client_field_errors_new ();
  JsonNode *node = root ? json_object_get_member (root, "errors") : NULL;
  JsonObjectIter iter;
  const char *field;
  JsonNode *messages;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return field_errors;

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &field, &messages))
    {
      add_field_error (field_errors, field, messages);
      if (!JSON_NODE_HOLDS_ARRAY (messages))
        continue;
      array = json_node_get_array (messages);
      for (guint i = 0; i < json_array_get_length (array); i++)
        add_field_error (field_errors, field, json_array_get_element (array, i));
    }

  return field_errors;
}

static GError *
new_error (RoloClientError code,
           guint           status,
           const char     *message)
{
  GError *error = g_error_new_literal (ROLO_CLIENT_ERROR, code, message);

  rolo_client_error_set_http_status (error, status);
  return error;
}

/* A 2xx whose body is no answer. */
static GError *
unreadable_error (guint       status,
                  BodyProblem problem)
{
  const char *reason;
  g_autofree char *message = NULL;
  GError *error;

  switch (problem)
    {
    case BODY_EMPTY:
      reason = _("It is empty.");
      break;
    case BODY_WEB_PAGE:
      reason = _("It is a web page, not data.");
      break;
    case BODY_CUT_SHORT:
      reason = _("It ends before it is complete.");
      break;
    case BODY_TOO_DEEP:
      reason = _("It is nested too deeply.");
      break;
    case BODY_OK:
    case BODY_NOT_JSON:
    default:
      reason = _("It is not valid JSON.");
      break;
    }

  /* The same words as map_transport_error() in rolo-client-request.c. */
  message = g_strdup_printf (_("The server's answer was not understood: %s"), reason);
  error = new_error (ROLO_CLIENT_ERROR_MALFORMED, status, message);
  rolo_client_error_set_detail (error, reason);
  rolo_client_error_set_web_page (error, problem == BODY_WEB_PAGE);
  return error;
}

static GError *
validation_error (guint       status,
                  JsonObject *root)
{
  g_autoptr(GHashTable) field_errors = parse_field_errors (root);
  g_autofree char *message = dup_server_message (root);
  GError *error;

  if (message == NULL && g_hash_table_size (field_errors) > 0)
    message = rolo_client_field_errors_join (field_errors);

  error = new_error (ROLO_CLIENT_ERROR_VALIDATION, status,
                     message ? message : _("The server did not accept some of the fields."));
  rolo_client_error_take_field_errors (error, g_steal_pointer (&field_errors));
  return error;
}

/* A refusal the status alone does not explain: a 400, another 4xx, or a 2xx
 * whose success is false. */
static GError *
refusal_error (guint       status,
               JsonObject *root)
{
  g_autofree char *message = dup_server_message (root);
  g_autofree char *fallback = NULL;
  JsonNode *errors = root ? json_object_get_member (root, "errors") : NULL;

  if (is_not_found (message))
    return new_error (ROLO_CLIENT_ERROR_NOT_FOUND, status,
                      _("The contact no longer exists on the server."));
  if (errors != NULL && JSON_NODE_HOLDS_OBJECT (errors))
    return validation_error (status, root);
  if (message != NULL)
    return new_error (ROLO_CLIENT_ERROR_BAD_REQUEST, status, message);

  fallback = g_strdup_printf (_("The server refused the request (HTTP %u)."), status);
  return new_error (ROLO_CLIENT_ERROR_BAD_REQUEST, status, fallback);
}

static GError *
rate_limited_error (guint status,
                    guint retry_after)
{
  GError *error = new_error (ROLO_CLIENT_ERROR_RATE_LIMITED, status,
                             _("The server is receiving too many requests."));

  rolo_client_error_set_retry_after (error, retry_after);
  return error;
}

static GError *
server_error (guint status)
{
  g_autofree char *message = g_strdup_printf (_("The server had a problem (HTTP %u)."), status);

  return new_error (ROLO_CLIENT_ERROR_SERVER, status, message);
}

static GError *
status_error (guint       status,
              const char *retry_after_header,
              JsonObject *root)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *message = NULL;
  GError *error;
  guint retry_after = 0;
  gboolean has_retry_after =
    rolo_client_parse_retry_after (retry_after_header, now, &retry_after);

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      return new_error (ROLO_CLIENT_ERROR_UNAUTHORIZED, status,
                        _("The server did not accept the API keys."));
    case SOUP_STATUS_FORBIDDEN:
      /* The server names the add-on that is missing: its words, when it
       * sent any, are the message, and the detail. */
      message = dup_server_message (root);
      error = new_error (ROLO_CLIENT_ERROR_FORBIDDEN, status,
                         message != NULL ? message
                                         : _("This needs a YSUITE subscription add-on that is "
                                             "not active for this workspace."));
      rolo_client_error_set_detail (error, message);
      return error;
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      return new_error (ROLO_CLIENT_ERROR_TOO_LARGE, status,
                        _("The contact is too large for the server to accept."));
    case SOUP_STATUS_UNPROCESSABLE_ENTITY:
      return validation_error (status, root);
    case STATUS_TOO_MANY_REQUESTS:
      return rate_limited_error (status, retry_after);
    case SOUP_STATUS_SERVICE_UNAVAILABLE:
      if (has_retry_after)
        return rate_limited_error (status, retry_after);
      return server_error (status);
    default:
      break;
    }

  if (status >= 500 && status < 600)
    return server_error (status);
  if (status >= 400 && status < 500)
    return refusal_error (status, root);

  message = g_strdup_printf (_("The server gave an unexpected answer (HTTP %u)."), status);
  return new_error (ROLO_CLIENT_ERROR_MALFORMED, status, message);
}

static gboolean
envelope_says_failure (JsonObject *root)
{
  gboolean success = TRUE;

  /* An envelope without "success" is taken at its HTTP status's word. */
  rolo_json_get_boolean (root, "success", &success);
  return !success;
}

JsonObject *
rolo_client_envelope_parse (guint        status,
                            const char  *retry_after,
                            GBytes      *body,
                            GError     **error)
{
  BodyProblem problem;
  g_autoptr(JsonNode) node = parse_object (body, &problem);
  JsonObject *root = node ? json_node_get_object (node) : NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (status < 200 || status >= 300)
    {
      g_propagate_error (error, status_error (status, retry_after, root));
      return NULL;
    }
  if (status == SOUP_STATUS_NO_CONTENT)
    return json_object_new ();
  if (root == NULL)
    {
      g_propagate_error (error, unreadable_error (status, problem));
      return NULL;
    }
  if (envelope_says_failure (root))
    {
      g_propagate_error (error, refusal_error (status, root));
      return NULL;
    }

  return json_object_ref (root);
}

JsonObject *
rolo_client_envelope_get_data (JsonObject  *root,
                               GError     **error)
{
  JsonNode *data = json_object_get_member (root, "data");

  if (data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    {
      g_set_error_literal (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_MALFORMED,
                           _("The server's answer did not contain the expected data."));
      return NULL;
    }

  return json_node_get_object (data);
}

gboolean
rolo_client_parse_retry_after (const char *value,
                               GDateTime  *now,
                               guint      *seconds)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;
  guint64 delta;
  GTimeSpan span;

  if (value == NULL)
    return FALSE;

  text = g_strstrip (g_strdup (value));
  if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &delta, NULL))
    {
      *seconds = (guint) MIN (delta, G_MAXUINT);
      return TRUE;
    }

  date = soup_date_time_new_from_http_string (text);
  if (date == NULL)
    return FALSE;

  span = g_date_time_difference (date, now);
  *seconds = span <= 0 ? 0 : (guint) MIN ((span + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND,
                                          G_MAXUINT);
  return TRUE;
}
