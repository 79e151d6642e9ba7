/* test-sandbox-seed.c — the sample data RoloSandbox seeds, its file store,
 * and the rolo-sandbox binary.
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <signal.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "rolo-country.h"
#include "rolo-test-utils.h"

/* --- requests ---------------------------------------------------------------- */

typedef RoloTestReply Reply;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, rolo_test_reply_free)


/* A GET that must be answered with JSON. */
static Reply *
request_with_keys (SoupSession *session,
                   const char  *base_url,
                   const char  *path,
                   const char  *access_key,
                   const char  *secret_key)
{
  g_autoptr(SoupMessage) msg = rolo_test_message_new (base_url, "GET", path, access_key,
                                                      secret_key);
  Reply *reply = rolo_test_send (session, msg);

  g_assert_no_error (reply->error);
  g_assert_nonnull (reply->root);
  return reply;
}

static Reply *
request (RoloSandbox *sandbox,
         SoupSession *session,
         const char  *path)
{
  g_autofree char *base_url = rolo_sandbox_dup_base_url (sandbox);

  return request_with_keys (session, base_url, path, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
}

static JsonObject *
data_of (Reply *reply)
{
  g_assert_cmpuint (reply->status, ==, SOUP_STATUS_OK);
  return rolo_test_reply_get_data (reply);
}

/* Every record of the list (sorted by cstid), as one JSON array. */
static JsonArray *
list_all (RoloSandbox *sandbox,
          SoupSession *session,
          const char  *filter)
{
  JsonArray *all = json_array_new ();
  gint64 total_pages = 1;

  for (gint64 page = 0; page < total_pages; page++)
    {
      g_autofree char *path = g_strdup_printf ("/v1/contacts?sortBy=cstid&pageSize=100"
                                               "&pageIndex=%" G_GINT64_FORMAT "%s",
                                               page, filter ? filter : "");
      g_autoptr(Reply) reply = request (sandbox, session, path);
      JsonArray *records = json_object_get_array_member (data_of (reply), "data");

      total_pages = json_object_get_int_member (data_of (reply), "total_pages");
      for (guint i = 0; i < json_array_get_length (records); i++)
        json_array_add_element (all, json_node_copy (json_array_get_element (records, i)));
    }
  return all;
}

static Reply *
get_contact (RoloSandbox *sandbox,
             SoupSession *session,
             gint64       cstid)
{
  g_autofree char *path = g_strdup_printf ("/v1/contacts/%" G_GINT64_FORMAT, cstid);

  return request (sandbox, session, path);
}

/* --- seed ------------------------------------------------------------------------ */

static void
test_seed_deterministic (void)
{
  g_autoptr(RoloSandbox) first = rolo_test_sandbox_new (300);
  g_autoptr(RoloSandbox) second = rolo_test_sandbox_new (300);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(JsonArray) first_list = list_all (first, session, NULL);
  g_autoptr(JsonArray) second_list = list_all (second, session, NULL);
  g_autoptr(JsonNode) first_node = json_node_init_array (json_node_alloc (), first_list);
  g_autoptr(JsonNode) second_node = json_node_init_array (json_node_alloc (), second_list);

  g_assert_cmpuint (json_array_get_length (first_list), ==, 300);
  g_assert_true (json_node_equal (first_node, second_node));

  for (gint64 cstid = 1; cstid <= 300; cstid += 37)
    {
      g_autoptr(Reply) a = get_contact (first, session, cstid);
      g_autoptr(Reply) b = get_contact (second, session, cstid);

      g_assert_true (json_node_equal (a->root, b->root));
    }
}

static gboolean
has_arabic (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_ARABIC)
        return TRUE;
    }
  return FALSE;
}

static gboolean
email_looks_valid (const char *email)
{
  const char *at = strchr (email, '@');

  return at != NULL && at != email && strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL && strchr (email, ' ') == NULL;
}

typedef struct
{
  guint businesses;
  guint arabic;
  guint with_email;
  guint with_mobile;
  guint linked;
  guint with_tags;
  guint with_notes;
  guint with_address;
  guint business_tax;
} Census;

static void
count_contact (RoloSandbox *sandbox,
               SoupSession *session,
               JsonObject  *contact,
               Census      *census)
{
  gboolean business = json_object_get_int_member (contact, "contact_type") == 2;
  JsonNode *parent = json_object_get_member (contact, "contact_parent");
  const char *mobile = json_object_get_string_member (contact, "cstmobile");

  census->with_tags += json_array_get_length (json_object_get_array_member (contact,
                                                                            "cst_tag_id")) > 0;
  census->with_notes += json_object_get_string_member (contact, "cstnotes")[0] != '\0';
  census->with_address += json_object_get_string_member (contact, "cstaddress")[0] != '\0';
  census->business_tax += business &&
                          json_object_get_string_member (contact, "ct_taxnumber")[0] != '\0';

  /* a mobile comes with its country */
  if (mobile[0] != '\0')
    g_assert_cmpint (json_object_get_int_member (contact, "cstmobile_country_id"), >, 0);

  if (!JSON_NODE_HOLDS_NULL (parent))
    {
      g_autoptr(Reply) parent_reply = get_contact (sandbox, session, json_node_get_int (parent));

      g_assert_false (business);
      g_assert_cmpint (json_object_get_int_member (data_of (parent_reply), "contact_type"), ==, 2);
      census->linked++;
    }
}

/* Where each sample city is, as any atlas says (not the seeder's table). */
static const struct { const char *city; const char *code; const char *prefix; } cities[] = {
  { "Mumbai", "IN", "+91" }, { "Bengaluru", "IN", "+91" }, { "Chennai", "IN", "+91" },
  { "Austin", "US", "+1" }, { "Boston", "US", "+1" }, { "Denver", "US", "+1" },
  { "London", "GB", "+44" }, { "Leeds", "GB", "+44" }, { "Bristol", "GB", "+44" },
  { "Dubai", "AE", "+971" }, { "Abu Dhabi", "AE", "+971" }, { "Sharjah", "AE", "+971" },
  { "Riyadh", "SA", "+966" }, { "Jeddah", "SA", "+966" }, { "Dammam", "SA", "+966" },
  { "Cairo", "EG", "+20" }, { "Alexandria", "EG", "+20" }, { "Giza", "EG", "+20" },
  { "Amman", "JO", "+962" }, { "Irbid", "JO", "+962" }, { "Zarqa", "JO", "+962" },
  { "Kuwait City", "KW", "+965" }, { "Hawalli", "KW", "+965" }, { "Salmiya", "KW", "+965" },
};

/* A sample contact's number and address are of one country: the country
 * the app shows for the number (through the same table, data/countries.tsv)
 * is the one its city is in. Ids typed into the seeder by hand were off by
 * two: UK numbers showed Ukraine. */
static void
test_seed_mobile_country (void)
{
  g_autoptr(RoloSandbox) sandbox = rolo_test_sandbox_new (400);
  g_autoptr(SoupSession) session = soup_session_new ();
  GHashTable *seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_checked = 0;

  for (gint64 cstid = 1; cstid <= 400; cstid++)
    {
      g_autoptr(Reply) reply = get_contact (sandbox, session, cstid);
      JsonObject *contact = data_of (reply);
      const char *mobile = json_object_get_string_member (contact, "cstmobile");
      const char *address = json_object_get_string_member (contact, "cstaddress");
      const char *city = g_strrstr (address, ", ");
      RoloCountry *country;
      guint i;

      if (mobile[0] == '\0' || city == NULL)
        continue;
      city += 2;
      for (i = 0; i < G_N_ELEMENTS (cities); i++)
        if (g_str_equal (cities[i].city, city))
          break;
      g_assert_cmpuint (i, <, G_N_ELEMENTS (cities));

      country = rolo_country_lookup_id (json_object_get_int_member (contact,
                                                                    "cstmobile_country_id"));
      g_assert_nonnull (country);
      g_assert_cmpstr (rolo_country_get_code (country), ==, cities[i].code);
      g_assert_cmpstr (rolo_country_get_dialing_prefix (country), ==, cities[i].prefix);
      g_hash_table_add (seen, (gpointer) cities[i].code);
      n_checked++;
    }

  /* Every sample country was looked at, over most of the contacts. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, 8);
  g_assert_cmpuint (n_checked, >, 200);
  g_hash_table_unref (seen);
}

static void
test_seed_realistic (void)
{
  g_autoptr(RoloSandbox) sandbox = rolo_test_sandbox_new (1000);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(JsonArray) all = list_all (sandbox, session, NULL);
  g_autoptr(GDateTime) end = g_date_time_new_utc (2026, 5, 15, 8, 30, 0);
  g_autoptr(GDateTime) start = g_date_time_add_years (end, -2);
  g_autofree char *end_text = g_date_time_format (end, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *start_text = g_date_time_format (start, "%Y-%m-%dT%H:%M:%SZ");
  Census census = { 0 };
  guint n = json_array_get_length (all);

  g_assert_cmpuint (n, ==, 1000);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *record = json_array_get_object_element (all, i);
      const char *email = json_object_get_string_member (record, "cstemail");
      const char *created = json_object_get_string_member (record, "cstcreated_on");

      census.businesses += json_object_get_int_member (record, "contact_type") == 2;
      census.arabic += has_arabic (json_object_get_string_member (record, "cstname"));
      census.with_email += email[0] != '\0';
      census.with_mobile += json_object_get_string_member (record, "cstmobile")[0] != '\0';
      if (email[0] != '\0')
        g_assert_true (email_looks_valid (email));
      g_assert_cmpstr (created, >=, start_text);
      g_assert_cmpstr (created, <=, end_text);

      /* every fifth in full, to look at every field */
      if (i % 5 == 0)
        {
          g_autoptr(Reply) full = get_contact (sandbox, session,
                                               json_object_get_int_member (record, "cstid"));

          count_contact (sandbox, session, data_of (full), &census);
        }
    }

  /* about one in five a Business; Arabic names a real share, not all */
  g_assert_cmpuint (census.businesses, >=, 150);
  g_assert_cmpuint (census.businesses, <=, 250);
  g_assert_cmpuint (census.arabic, >=, 150);
  g_assert_cmpuint (census.arabic, <=, 400);
  g_assert_cmpuint (census.with_email, >=, 800);
  g_assert_cmpuint (census.with_mobile, >=, 850);
  /* of the 200 looked at in full */
  g_assert_cmpuint (census.linked, >=, 40);
  g_assert_cmpuint (census.with_tags, >=, 20);
  g_assert_cmpuint (census.with_notes, >=, 10);
  g_assert_cmpuint (census.with_address, >=, 80);
  g_assert_cmpuint (census.business_tax, >=, 10);
}

static void
test_seed_leaves_store_alone (void)
{
  g_autoptr(RoloSandbox) sandbox = rolo_test_sandbox_new (10);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (rolo_sandbox_count_contacts (sandbox), ==, 10);
  g_assert_true (rolo_sandbox_seed (sandbox, 500, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rolo_sandbox_count_contacts (sandbox), ==, 10);
}

static void
test_seed_file_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rolo-sandbox-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(JsonArray) before = NULL;
  g_autoptr(JsonArray) after = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "sandbox.db", NULL);

  {
    g_autoptr(RoloSandbox) sandbox = rolo_sandbox_new (path, &error);

    g_assert_no_error (error);
    rolo_sandbox_set_keys (sandbox, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
    g_assert_true (rolo_sandbox_seed (sandbox, 50, &error));
    rolo_sandbox_listen (sandbox, 0, &error);
    g_assert_no_error (error);
    before = list_all (sandbox, session, NULL);
  }

  {
    g_autoptr(RoloSandbox) sandbox = rolo_sandbox_new (path, &error);

    g_assert_no_error (error);
    rolo_sandbox_set_keys (sandbox, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
    g_assert_true (rolo_sandbox_seed (sandbox, 999, &error));
    g_assert_cmpuint (rolo_sandbox_count_contacts (sandbox), ==, 50);
    rolo_sandbox_listen (sandbox, 0, &error);
    g_assert_no_error (error);
    after = list_all (sandbox, session, "&search=a");
    g_assert_cmpuint (json_array_get_length (after), >, 0);
    g_clear_pointer (&after, json_array_unref);
    after = list_all (sandbox, session, NULL);
  }

  {
    g_autoptr(JsonNode) a = json_node_init_array (json_node_alloc (), before);
    g_autoptr(JsonNode) b = json_node_init_array (json_node_alloc (), after);

    g_assert_true (json_node_equal (a, b));
  }

  rolo_test_remove_tmp_dir (dir);
}

static void
test_seed_bad_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloSandbox) sandbox = rolo_sandbox_new ("/nonexistent-dir/for/sure/x.db", &error);

  g_assert_null (sandbox);
  g_assert_error (error, ROLO_SANDBOX_ERROR, ROLO_SANDBOX_ERROR_STORE);
}

/* --- the rolo-sandbox binary ---------------------------------------------------- */

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *out;
  GString          *output;
  char             *url;
} Server;

static void
server_free (Server *server)
{
  g_clear_object (&server->out);
  g_clear_object (&server->process);
  g_string_free (server->output, TRUE);
  g_free (server->url);
  g_free (server);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Server, server_free)

static char *
binary_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "sandbox", "rolo-sandbox", NULL);
}

static GSubprocessLauncher *
new_launcher (GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  g_subprocess_launcher_unsetenv (launcher, "YSUITE_ACCESS_KEY");
  g_subprocess_launcher_unsetenv (launcher, "YSUITE_SECRET_KEY");
  return launcher;
}

/* Reads one line of the server's output; NULL at the end. */
static char *
read_line (Server *server)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *line;

  g_data_input_stream_read_line_async (server->out, G_PRIORITY_DEFAULT, NULL,
                                       rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, 60000);
  line = g_data_input_stream_read_line_finish_utf8 (server->out, result, NULL, &error);
  g_assert_no_error (error);

  if (line != NULL)
    g_string_append_printf (server->output, "%s\n", line);
  return line;
}

/* Starts the binary and reads its output up to the line with the URL. */
static Server *
server_start (GSubprocessLauncher *launcher,
              const char * const  *args)
{
  g_autofree char *binary = binary_path ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) url_regex = g_regex_new ("http://127\\.0\\.0\\.1:[0-9]+", 0, 0, NULL);
  Server *server = g_new0 (Server, 1);

  g_ptr_array_add (argv, binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  server->output = g_string_new (NULL);
  server->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                                  &error);
  g_assert_no_error (error);
  server->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));

  while (server->url == NULL)
    {
      g_autofree char *line = read_line (server);
      g_autoptr(GMatchInfo) match = NULL;

      g_assert_nonnull (line);
      if (g_regex_match (url_regex, line, 0, &match))
        server->url = g_match_info_fetch (match, 0);
    }
  return server;
}

/* Sends the signal; asserts a clean exit 0 and reads the rest of the output. */
static void
server_stop (Server *server,
             int     signum)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *line;

  g_subprocess_send_signal (server->process, signum);
  g_subprocess_wait_async (server->process, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, 30000);
  g_subprocess_wait_finish (server->process, result, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (server->process));
  g_assert_cmpint (g_subprocess_get_exit_status (server->process), ==, 0);

  while ((line = read_line (server)) != NULL)
    g_free (line);
}

static void
test_binary_serve_and_stop (void)
{
  static const char * const args[] = { "--port", "0", "--seed", "20", NULL };
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(Server) server = server_start (launcher, args);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(Reply) reply = request_with_keys (session, server->url, "/v1/contacts",
                                              "sandbox", "sandbox");
  g_autoptr(Reply) refused = request_with_keys (session, server->url, "/v1/contacts",
                                                ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);

  g_assert_cmpint (json_object_get_int_member (data_of (reply), "total_records"), ==, 20);
  g_assert_cmpuint (refused->status, ==, SOUP_STATUS_UNAUTHORIZED);
  /* the default keys are said, since nobody chose them */
  g_assert_nonnull (strstr (server->output->str, "Access key: sandbox"));
  g_assert_nonnull (strstr (server->output->str, "Secret key: sandbox"));

  server_stop (server, SIGTERM);
}

static void
test_binary_sigint (void)
{
  static const char * const args[] = { "--latency", "10", NULL };
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(Server) server = server_start (launcher, args);

  server_stop (server, SIGINT);
}

static void
test_binary_keys_from_env (void)
{
  static const char * const args[] = { NULL };
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                          G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(Server) server = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(Reply) accepted = NULL;
  g_autoptr(Reply) refused = NULL;

  g_subprocess_launcher_setenv (launcher, "YSUITE_ACCESS_KEY", "env-access-7f3a", TRUE);
  g_subprocess_launcher_setenv (launcher, "YSUITE_SECRET_KEY", "env-secret-91bc", TRUE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  server = server_start (launcher, args);
  accepted = request_with_keys (session, server->url, "/v1/contacts", "env-access-7f3a",
                                "env-secret-91bc");
  refused = request_with_keys (session, server->url, "/v1/contacts", "sandbox", "sandbox");

  g_assert_cmpuint (accepted->status, ==, SOUP_STATUS_OK);
  g_assert_cmpuint (refused->status, ==, SOUP_STATUS_UNAUTHORIZED);
  server_stop (server, SIGTERM);

  /* never printed, not even with debug output on */
  g_assert_null (strstr (server->output->str, "env-access-7f3a"));
  g_assert_null (strstr (server->output->str, "env-secret-91bc"));
  g_assert_null (strstr (server->output->str, "key: sandbox"));
}

static void
test_binary_keys_from_options (void)
{
  static const char * const args[] = {
    "--access-key", "opt-access-55e1", "--secret-key", "opt-secret-0d2c", "--fail-rate", "0",
    NULL
  };
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                          G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(Server) server = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(Reply) accepted = NULL;

  /* options win over the environment */
  g_subprocess_launcher_setenv (launcher, "YSUITE_ACCESS_KEY", "env-access", TRUE);
  server = server_start (launcher, args);
  accepted = request_with_keys (session, server->url, "/v1/contacts", "opt-access-55e1",
                                "opt-secret-0d2c");

  g_assert_cmpuint (accepted->status, ==, SOUP_STATUS_OK);
  server_stop (server, SIGTERM);
  g_assert_null (strstr (server->output->str, "opt-access-55e1"));
  g_assert_null (strstr (server->output->str, "opt-secret-0d2c"));
}

static void
test_binary_db_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rolo-sandbox-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "store.db", NULL);
  const char * const args[] = { "--db", path, "--seed", "15", NULL };
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(SoupSession) session = soup_session_new ();

  for (guint run = 0; run < 2; run++)
    {
      g_autoptr(Server) server = server_start (launcher, args);
      g_autoptr(Reply) reply = request_with_keys (session, server->url, "/v1/contacts",
                                                  "sandbox", "sandbox");

      g_assert_cmpint (json_object_get_int_member (data_of (reply), "total_records"), ==, 15);
      server_stop (server, SIGTERM);
    }

  rolo_test_remove_tmp_dir (dir);
}

static void
test_binary_bad_options (void)
{
  static const char * const cases[][3] = {
    { "--port", "70000", NULL }, { "--port", "-1", NULL }, { "--port", "http", NULL },
    { "--seed", "-5", NULL }, { "--seed", "many", NULL }, { "--latency", "-1", NULL },
    { "--fail-rate", "1.5", NULL }, { "--fail-rate", "-0.1", NULL },
    { "--fail-rate", "nan", NULL }, { "--bogus", NULL, NULL }, { "extra", NULL, NULL },
  };
  g_autofree char *binary = binary_path ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GSubprocessLauncher) launcher =
        new_launcher (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
      const char *argv[] = { binary, cases[i][0], cases[i][1], cases[i][2], NULL };
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_test_message ("%s %s", cases[i][0], cases[i][1] ? cases[i][1] : "");
      process = g_subprocess_launcher_spawnv (launcher, argv, &error);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
      g_assert_no_error (error);

      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
      g_assert_cmpstr (err, !=, "");
      g_assert_null (strstr (out, "http://"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox/seed/deterministic", test_seed_deterministic);
  g_test_add_func ("/sandbox/seed/realistic", test_seed_realistic);
  g_test_add_func ("/sandbox/seed/mobile-country", test_seed_mobile_country);
  g_test_add_func ("/sandbox/seed/leaves-store-alone", test_seed_leaves_store_alone);
  g_test_add_func ("/sandbox/seed/file-store", test_seed_file_store);
  g_test_add_func ("/sandbox/seed/bad-path", test_seed_bad_path);
  g_test_add_func ("/sandbox/binary/serve-and-stop", test_binary_serve_and_stop);
  g_test_add_func ("/sandbox/binary/sigint", test_binary_sigint);
  g_test_add_func ("/sandbox/binary/keys-from-env", test_binary_keys_from_env);
  g_test_add_func ("/sandbox/binary/keys-from-options", test_binary_keys_from_options);
  g_test_add_func ("/sandbox/binary/db-file", test_binary_db_file);
  g_test_add_func ("/sandbox/binary/bad-options", test_binary_bad_options);

  return g_test_run ();
}
