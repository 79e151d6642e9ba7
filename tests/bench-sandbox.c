/* bench-sandbox.c — how fast RoloSandbox seeds and answers at 100,000
 * contacts. Prints figures; asserts nothing about time.
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-bench"

#include "config.h"

#include <stdlib.h>

#include <libsoup/soup.h>

#include "rolo-test-utils.h"

#define N_CONTACTS 100000
#define N_RUNS 15

typedef struct
{
  const char *method;
  const char *path;
  const char *body;
} Query;

static const Query queries[] = {
  { "GET", "/v1/contacts", NULL },
  { "GET", "/v1/contacts?pageSize=100&pageIndex=500", NULL },
  { "GET", "/v1/contacts?pageSize=100&sortBy=cstname", NULL },
  { "GET", "/v1/contacts?pageSize=100&sortBy=cstname&pageIndex=900", NULL },
  { "GET", "/v1/contacts?pageSize=100&sortBy=cstemail&sortOrder=desc&pageIndex=900", NULL },
  { "GET", "/v1/contacts?pageSize=100&sortBy=cstmobile&pageIndex=300", NULL },
  { "GET", "/v1/contacts?pageSize=100&sortBy=contact_type&sortOrder=desc&pageIndex=700", NULL },
  { "GET", "/v1/contacts?pageSize=100&sortBy=cstcreated_on&pageIndex=999", NULL },
  { "GET", "/v1/contacts?type=2", NULL },
  { "GET", "/v1/contacts?type=1&sortBy=cstname&pageSize=100&pageIndex=500", NULL },
  { "GET", "/v1/contacts?search=s", NULL },
  { "GET", "/v1/contacts?search=ah", NULL },
  { "GET", "/v1/contacts?search=sarah", NULL },
  { "GET", "/v1/contacts?search=SARAH&type=1&sortBy=cstcreated_on&sortOrder=desc", NULL },
  { "GET", "/v1/contacts?search=%D8%A3%D8%AD%D9%85%D8%AF", NULL },
  { "GET", "/v1/contacts?search=gmail.com&sortBy=cstemail&pageSize=100&pageIndex=50", NULL },
  { "GET", "/v1/contacts?search=zzzz", NULL },
  { "GET", "/v1/contacts/50000", NULL },
  { "POST", "/v1/contacts", "{\"cstname\": \"Bench Mark\", \"contact_type\": 1,"
                            " \"cstemail\": \"bench@example.com\", \"cst_tag_id\": [1, 2]}" },
  { "PUT", "/v1/contacts/40000", "{\"cstname\": \"Renamed\", \"tag_ids\": [3]}" },
};

static double
time_request (SoupSession *session,
              const char  *base_url,
              const Query *query)
{
  g_autofree char *url = g_strconcat (base_url, query->path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (query->method, url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started;

  soup_message_headers_append (headers, "x-ysuite-access-key", ROLO_TEST_ACCESS_KEY);
  soup_message_headers_append (headers, "x-ysuite-secret-key", ROLO_TEST_SECRET_KEY);
  if (query->body != NULL)
    {
      g_autoptr(GBytes) request_body = g_bytes_new_static (query->body, strlen (query->body));

      soup_message_set_request_body_from_bytes (msg, "application/json", request_body);
    }

  started = g_get_monotonic_time ();
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL,
                                    rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, 60000);
  body = soup_session_send_and_read_finish (session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);

  return (g_get_monotonic_time () - started) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
bench_query (SoupSession *session,
             const char  *base_url,
             const Query *query)
{
  double times[N_RUNS];

  for (guint i = 0; i < N_RUNS; i++)
    times[i] = time_request (session, base_url, query);
  qsort (times, N_RUNS, sizeof (double), compare_doubles);

  g_print ("%8.2f ms median %8.2f ms max   %s %s\n",
           times[N_RUNS / 2], times[N_RUNS - 1], query->method, query->path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RoloSandbox) sandbox = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autofree char *base_url = NULL;
  gint64 started;

  started = g_get_monotonic_time ();
  sandbox = rolo_test_sandbox_new (N_CONTACTS);
  g_print ("Seeded %u contacts (in memory) in %.0f ms\n", rolo_sandbox_count_contacts (sandbox),
           (g_get_monotonic_time () - started) / 1000.0);

  session = soup_session_new ();
  base_url = rolo_sandbox_dup_base_url (sandbox);
  /* one warm-up request opens the connection */
  time_request (session, base_url, &queries[0]);

  g_print ("Over loopback HTTP, %d runs each:\n", N_RUNS);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    bench_query (session, base_url, &queries[i]);

  return EXIT_SUCCESS;
}
