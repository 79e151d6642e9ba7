/* fuzz-sandbox-request.c — the sandbox's answer to any request: the path,
 * the query string and the JSON body of a create or an update, handled by
 * rolo_sandbox_api_handle() as the server hands them over, against the same
 * few sample contacts each time: a store seeded once is copied into the one
 * each input changes (seeding afresh would cost a hundred times more).
 *
 * The input is a request: a first line "METHOD PATH[?QUERY]" and then the
 * body.
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "fuzz.h"
#include "rolo-sandbox-api-private.h"
#include "rolo-sandbox-seed-private.h"

/* Enough for a business with people under it, so that every rule about
 * parents and children can be reached. */
#define N_SAMPLE_CONTACTS 12

typedef struct
{
  char       *method;
  char       *path;
  GHashTable *query;
  GBytes     *body;
} Request;

static void
request_clear (Request *request)
{
  g_clear_pointer (&request->method, g_free);
  g_clear_pointer (&request->path, g_free);
  g_clear_pointer (&request->query, g_hash_table_unref);
  g_clear_pointer (&request->body, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Request, request_clear)

/* FALSE for a first line that is not "METHOD PATH". */
static gboolean
read_request (const char *data,
              gsize       size,
              Request    *request)
{
  const char *newline = memchr (data, '\n', size);
  gsize line_length = newline ? (gsize) (newline - data) : size;
  g_autofree char *line = g_strndup (data, line_length);
  char *target = strchr (line, ' ');
  char *query;

  /* What SoupServer would not hand over: no method, or no path. */
  if (target == NULL || target == line || strlen (line) != line_length)
    return FALSE;
  *target++ = '\0';
  if (*target != '/')
    return FALSE;

  query = strchr (target, '?');
  if (query != NULL)
    {
      *query++ = '\0';
      /* SoupServer's own decoding of the query string. */
      request->query = soup_form_decode (query);
    }
  request->method = g_strdup (line);
  request->path = g_strdup (target);
  if (newline != NULL && newline + 1 < data + size)
    request->body = g_bytes_new (newline + 1, size - (newline + 1 - data));
  return TRUE;
}

/* The answer, as the server writes it, is an envelope the client can read. */
static void
check_answer (JsonNode *envelope,
              guint     status)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  JsonObject *root;

  g_assert (status >= 200 && status < 600);
  g_assert (JSON_NODE_HOLDS_OBJECT (envelope));
  root = json_node_get_object (envelope);
  g_assert (json_object_has_member (root, "success"));
  g_assert (json_object_get_boolean_member (root, "success") == (status < 300));

  json_generator_set_root (generator, envelope);
  text = json_generator_to_data (generator, NULL);
  g_assert (g_utf8_validate (text, -1, NULL));
}

/* The working store, holding a fresh copy of the seeded one. */
static RoloSandboxStore *
fresh_store (void)
{
  static RoloSandboxStore *seeded;
  static RoloSandboxStore *store;

  if (seeded == NULL)
    {
      seeded = rolo_sandbox_store_new (NULL, NULL);
      g_assert (seeded != NULL);
      g_assert (rolo_sandbox_seed_fill (seeded, N_SAMPLE_CONTACTS, NULL));
      store = rolo_sandbox_store_new (NULL, NULL);
      g_assert (store != NULL);
    }

  g_assert (rolo_sandbox_store_copy_from (store, seeded, NULL));
  return store;
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_auto(Request) request = { 0 };
  RoloSandboxStore *store;
  g_autoptr(JsonNode) envelope = NULL;
  const char *allow = NULL;
  guint status = 0;

  fuzz_init ();
  if (!read_request ((const char *) data, size, &request))
    return 0;

  store = fresh_store ();
  envelope = rolo_sandbox_api_handle (store, request.method, request.path, request.query,
                                      request.body, &status, &allow);
  check_answer (envelope, status);
  g_assert ((status == SOUP_STATUS_METHOD_NOT_ALLOWED) == (allow != NULL));
  return 0;
}
