/* test-client-url.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include "rolo-client.h"
#include "rolo-client-url-private.h"

static void
assert_base (const char *input,
             const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = rolo_client_url_normalize_base (input, &error);

  g_test_message ("base: '%s'", input);
  g_assert_no_error (error);
  g_assert_cmpstr (base, ==, expected);
}

static void
assert_refused (const char *input)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = rolo_client_url_normalize_base (input, &error);
  g_autoptr(RoloClient) client = NULL;

  g_test_message ("refused: '%s'", input ? input : "(null)");
  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_INVALID_URL);
  g_assert_null (base);
  g_clear_error (&error);

  client = rolo_client_new (input, "a", "s", &error);
  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_INVALID_URL);
  g_assert_null (client);
}

static void
test_base_https (void)
{
  assert_base ("https://api.ysuite.org", "https://api.ysuite.org/");
  assert_base ("  https://api.ysuite.org/  ", "https://api.ysuite.org/");
  assert_base ("HTTPS://api.ysuite.org", "https://api.ysuite.org/");
  assert_base ("https://api.ysuite.org:8443", "https://api.ysuite.org:8443/");
}

static void
test_base_trailing_slashes (void)
{
  assert_base ("https://api.ysuite.org//", "https://api.ysuite.org/");
  assert_base ("https://proxy.example/ysuite", "https://proxy.example/ysuite/");
  assert_base ("https://proxy.example/ysuite/", "https://proxy.example/ysuite/");
  assert_base ("https://proxy.example/ysuite///", "https://proxy.example/ysuite/");
}

/* A pasted endpoint ("…/v1") does not become "…/v1/v1/contacts". */
static void
test_base_v1_suffix (void)
{
  assert_base ("https://api.ysuite.org/v1", "https://api.ysuite.org/");
  assert_base ("https://api.ysuite.org/v1/", "https://api.ysuite.org/");
  assert_base ("https://proxy.example/ysuite/v1", "https://proxy.example/ysuite/");
}

static void
test_base_loopback_http (void)
{
  assert_base ("http://127.0.0.1:8080", "http://127.0.0.1:8080/");
  assert_base ("http://127.1.2.3", "http://127.1.2.3/");
  assert_base ("http://localhost:3000/", "http://localhost:3000/");
  assert_base ("http://LOCALHOST", "http://LOCALHOST/");
  assert_base ("http://[::1]:8080", "http://[::1]:8080/");
}

static void
test_base_refused (void)
{
  assert_refused (NULL);
  assert_refused ("");
  assert_refused ("   ");
  assert_refused ("api.ysuite.org");
  assert_refused ("http://api.ysuite.org");
  assert_refused ("http://192.168.1.10:8080");
  assert_refused ("http://128.0.0.1");
  assert_refused ("http://localhost.example.com");
  assert_refused ("ftp://api.ysuite.org");
  assert_refused ("file:///etc/passwd");
  assert_refused ("https://");
  assert_refused ("https:///path");
  assert_refused ("https://user:pass@api.ysuite.org");
  assert_refused ("https://user@api.ysuite.org");
  assert_refused ("https://api.ysuite.org/?x=1");
  assert_refused ("https://api.ysuite.org/?");
  assert_refused ("https://api.ysuite.org/#top");
  assert_refused ("not a url at all");
}

static void
test_paths (void)
{
  g_autofree char *list = rolo_client_url_for_contacts ("https://proxy.example/ysuite/");
  g_autofree char *one = rolo_client_url_for_contact ("https://api.ysuite.org/", 42);

  g_assert_cmpstr (list, ==, "https://proxy.example/ysuite/v1/contacts");
  g_assert_cmpstr (one, ==, "https://api.ysuite.org/v1/contacts/42");
}

static void
test_client_base_url (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloClient) client =
    rolo_client_new ("https://proxy.example/ysuite", "a", "s", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rolo_client_get_base_url (client), ==, "https://proxy.example/ysuite/");
  g_assert_cmpuint (rolo_client_get_timeout (client), ==, 30);
  rolo_client_set_timeout (client, 5);
  g_assert_cmpuint (rolo_client_get_timeout (client), ==, 5);
}

static char *
list_url (RoloContactQuery *query,
          guint             page_index,
          guint             page_size)
{
  return rolo_client_url_for_list ("https://api.ysuite.org/", query, page_index, page_size);
}

static void
test_list_default (void)
{
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autofree char *url = list_url (query, 0, 100);

  g_assert_cmpstr (url, ==, "https://api.ysuite.org/v1/contacts?pageSize=100&pageIndex=0"
                            "&sortBy=cstid&sortOrder=desc");
}

static void
test_list_query (void)
{
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autofree char *url = NULL;

  rolo_contact_query_set_search (query, "sarah");
  rolo_contact_query_set_contact_type (query, ROLO_CONTACT_TYPE_BUSINESS);
  rolo_contact_query_set_sort_by (query, ROLO_CONTACT_SORT_NAME);
  rolo_contact_query_set_sort_descending (query, FALSE);
  url = list_url (query, 3, 25);

  g_assert_cmpstr (url, ==, "https://api.ysuite.org/v1/contacts?pageSize=25&pageIndex=3"
                            "&search=sarah&type=2&sortBy=cstname&sortOrder=asc");
}

static void
test_list_page_size_clamped (void)
{
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autofree char *big = list_url (query, 0, 1000);
  g_autofree char *zero = list_url (query, 0, 0);

  g_assert_nonnull (strstr (big, "pageSize=100&"));
  g_assert_nonnull (strstr (zero, "pageSize=1&"));
}

static void
assert_search_encoded (const char *search,
                       const char *expected)
{
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autofree char *url = NULL;
  g_autofree char *param = g_strdup_printf ("&search=%s&", expected);
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (search));

  rolo_contact_query_set_search (query, search);
  url = list_url (query, 0, 10);
  g_test_message ("%s", url);
  g_assert_nonnull (strstr (url, param));

  /* And it decodes back to what was typed. */
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED_QUERY, NULL);
  params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  g_assert_cmpstr (g_hash_table_lookup (params, "search"), ==, trimmed);
}

static void
test_list_search_encoding (void)
{
  assert_search_encoded ("a b", "a%20b");
  assert_search_encoded ("a+b", "a%2Bb");
  assert_search_encoded ("R&D", "R%26D");
  assert_search_encoded ("100%", "100%25");
  assert_search_encoded ("x=y#z?", "x%3Dy%23z%3F");
  assert_search_encoded ("سارة", "%D8%B3%D8%A7%D8%B1%D8%A9");
  assert_search_encoded ("  padded  ", "padded");
}

static void
test_list_blank_search (void)
{
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autofree char *url = NULL;

  rolo_contact_query_set_search (query, "   ");
  url = list_url (query, 0, 10);
  g_assert_null (strstr (url, "search="));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/url/base/https", test_base_https);
  g_test_add_func ("/client/url/base/trailing-slashes", test_base_trailing_slashes);
  g_test_add_func ("/client/url/base/v1-suffix", test_base_v1_suffix);
  g_test_add_func ("/client/url/base/loopback-http", test_base_loopback_http);
  g_test_add_func ("/client/url/base/refused", test_base_refused);
  g_test_add_func ("/client/url/paths", test_paths);
  g_test_add_func ("/client/url/client-base-url", test_client_base_url);
  g_test_add_func ("/client/url/list/default", test_list_default);
  g_test_add_func ("/client/url/list/query", test_list_query);
  g_test_add_func ("/client/url/list/page-size-clamped", test_list_page_size_clamped);
  g_test_add_func ("/client/url/list/search-encoding", test_list_search_encoding);
  g_test_add_func ("/client/url/list/blank-search", test_list_blank_search);

  return g_test_run ();
}
