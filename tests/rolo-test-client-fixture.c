/* rolo-test-client-fixture.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-test-client-fixture.h"

static void
answer_free (RoloTestAnswer *answer)
{
  g_free (answer->content_type);
  g_free (answer->body);
  g_free (answer->retry_after);
  g_free (answer->location);
  g_free (answer);
}

RoloTestAnswer *
rolo_test_push_answer (RoloTestClientFixture *fixture,
                       guint                  status,
                       const char            *content_type,
                       const char            *body)
{
  RoloTestAnswer *answer = g_new0 (RoloTestAnswer, 1);

  answer->status = status;
  answer->content_type = g_strdup (content_type);
  answer->body = g_strdup (body);
  g_queue_push_tail (&fixture->answers, answer);

  return answer;
}

static void
send_answer (SoupServerMessage *msg,
             RoloTestAnswer    *answer)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_server_message_set_status (msg, answer->status, NULL);
  if (answer->retry_after != NULL)
    soup_message_headers_append (headers, "Retry-After", answer->retry_after);
  if (answer->location != NULL)
    soup_message_headers_append (headers, "Location", answer->location);
  if (answer->body != NULL)
    soup_server_message_set_response (msg, answer->content_type, SOUP_MEMORY_COPY,
                                      answer->body, strlen (answer->body));
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  RoloTestClientFixture *fixture = user_data;
  RoloTestAnswer *answer = g_queue_pop_head (&fixture->answers);

  if (answer == NULL)
    {
      soup_server_message_set_status (msg, 418, NULL);
      return;
    }

  if (answer->hang)
    {
      soup_server_pause_message (server, msg);
      g_ptr_array_add (fixture->hanging, g_object_ref (msg));
    }
  else if (answer->drop)
    {
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

      g_io_stream_close (stream, NULL, NULL);
    }
  else
    {
      send_answer (msg, answer);
    }

  answer_free (answer);
}

void
rolo_test_client_fixture_set_up (RoloTestClientFixture *fixture,
                                 gconstpointer          data)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fixture->server);
  fixture->base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  fixture->client = rolo_client_new (fixture->base_url, ROLO_TEST_ACCESS_KEY,
                                     ROLO_TEST_SECRET_KEY, &error);
  g_assert_no_error (error);

  g_queue_init (&fixture->answers);
  fixture->recorder = rolo_test_recorder_new (fixture->server);
  fixture->hanging = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Every request carried both keys, whatever the test was about. */
static void
assert_keys_sent (RoloTestClientFixture *fixture)
{
  GPtrArray *requests = rolo_test_recorder_get_requests (fixture->recorder);

  for (guint i = 0; i < requests->len; i++)
    {
      RoloTestRequest *request = g_ptr_array_index (requests, i);
      SoupMessageHeaders *headers = request->headers;

      g_assert_cmpstr (soup_message_headers_get_one (headers, "x-ysuite-access-key"), ==,
                       ROLO_TEST_ACCESS_KEY);
      g_assert_cmpstr (soup_message_headers_get_one (headers, "x-ysuite-secret-key"), ==,
                       ROLO_TEST_SECRET_KEY);
      g_assert_cmpstr (soup_message_headers_get_one (headers, "User-Agent"), ==,
                       "Rolo/" PACKAGE_VERSION);
    }
}

void
rolo_test_client_fixture_tear_down (RoloTestClientFixture *fixture,
                                    gconstpointer          data)
{
  assert_keys_sent (fixture);

  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->hanging, g_ptr_array_unref);
  g_clear_pointer (&fixture->recorder, rolo_test_recorder_free);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_queue_clear_full (&fixture->answers, (GDestroyNotify) answer_free);
  g_clear_pointer (&fixture->base_url, g_free);

  /* Let the closed connections' sources run before the next test. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
assert_no_keys (const char *text)
{
  g_assert_null (strstr (text, ROLO_TEST_ACCESS_KEY));
  g_assert_null (strstr (text, ROLO_TEST_SECRET_KEY));
}

void
rolo_test_assert_client_error (const GError    *error,
                               RoloClientError  code)
{
  GHashTable *fields = rolo_client_error_get_field_errors (error);
  GHashTableIter iter;
  gpointer messages;

  g_assert_error (error, ROLO_CLIENT_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  assert_no_keys (error->message);

  if (fields == NULL)
    return;
  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, NULL, &messages))
    {
      for (const char * const *m = messages; *m != NULL; m++)
        assert_no_keys (*m);
    }
}
