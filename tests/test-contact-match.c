/* test-contact-match.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-contact-match.h"
#include "rolo-test-utils.h"

/* Seeded contacts around the ones each test creates: searches see others. */
#define N_SEEDED 40

static RoloContact *
new_contact (const char *name,
             const char *email,
             const char *mobile)
{
  RoloContact *contact = rolo_contact_new ();

  rolo_contact_set_name (contact, name);
  rolo_contact_set_email (contact, email);
  rolo_contact_set_mobile (contact, mobile);
  rolo_contact_set_contact_type (contact, ROLO_CONTACT_TYPE_INDIVIDUAL);
  return contact;
}

/* The match both ways round: the rule is symmetric. */
static RoloContactMatch
match_pair (const char *name_a,
            const char *email_a,
            const char *mobile_a,
            const char *name_b,
            const char *email_b,
            const char *mobile_b)
{
  g_autoptr(RoloContact) a = new_contact (name_a, email_a, mobile_a);
  g_autoptr(RoloContact) b = new_contact (name_b, email_b, mobile_b);
  RoloContactMatch match = rolo_contact_match (a, b);

  g_assert_cmpint (rolo_contact_match (b, a), ==, match);
  return match;
}

/* --- rolo_contact_match --------------------------------------------------- */

static void
test_match_name_folded (void)
{
  /* Case, spaces inside and around, NFKC (the ligature, full-width
   * letters). Both mobiles empty: the same mobile. */
  g_assert_cmpint (match_pair ("  Fiona   Smith ", "", "", "FIONA SMITH", "", ""), ==,
                   ROLO_CONTACT_MATCH_NAME_AND_MOBILE);
  g_assert_cmpint (match_pair ("\xef\xac\x81ona \xef\xbc\xb3mith", "", "",
                               "Fiona\tsmith", "", ""), ==,
                   ROLO_CONTACT_MATCH_NAME_AND_MOBILE);
  /* An ideographic space is a space. */
  g_assert_cmpint (match_pair ("Fiona\xe3\x80\x80Smith", "", "", "Fiona Smith", "", ""), ==,
                   ROLO_CONTACT_MATCH_NAME_AND_MOBILE);
  g_assert_cmpint (match_pair ("نورة القحطاني", "", "", " نورة  القحطاني ", "", ""), ==,
                   ROLO_CONTACT_MATCH_NAME_AND_MOBILE);
  g_assert_cmpint (match_pair ("Fiona Smith", "", "", "Fiona Smyth", "", ""), ==,
                   ROLO_CONTACT_MATCH_NONE);
  g_assert_cmpint (match_pair ("Fiona", "", "", "Fiona Smith", "", ""), ==,
                   ROLO_CONTACT_MATCH_NONE);
}

static void
test_match_mobile_digits (void)
{
  g_assert_cmpint (match_pair ("Omar Khalil", "", "+44 7700 900-123",
                               "omar khalil", "", "447700900123"), ==,
                   ROLO_CONTACT_MATCH_NAME_AND_MOBILE);
  g_assert_cmpint (match_pair ("Omar Khalil", "", "(0770) 090.0123",
                               "Omar Khalil", "", "07700900123"), ==,
                   ROLO_CONTACT_MATCH_NAME_AND_MOBILE);
  /* Arabic-Indic digits are digits. */
  g_assert_cmpint (match_pair ("Omar Khalil", "", "٠٧٧٠٠ ٩٠٠١٢٣",
                               "Omar Khalil", "", "07700900123"), ==,
                   ROLO_CONTACT_MATCH_NAME_AND_MOBILE);
}

static void
test_match_name_only (void)
{
  /* A different mobile, or one missing. */
  g_assert_cmpint (match_pair ("Omar Khalil", "", "447700900123",
                               "Omar Khalil", "", "447700900124"), ==,
                   ROLO_CONTACT_MATCH_NAME);
  g_assert_cmpint (match_pair ("Omar Khalil", "", "447700900123",
                               "Omar Khalil", "", ""), ==,
                   ROLO_CONTACT_MATCH_NAME);
  /* The same name and mobile, but two different emails: two people. */
  g_assert_cmpint (match_pair ("Omar Khalil", "omar@example.com", "447700900123",
                               "Omar Khalil", "omar@example.org", "447700900123"), ==,
                   ROLO_CONTACT_MATCH_NAME);
  /* One email only does not tell them apart. */
  g_assert_cmpint (match_pair ("Omar Khalil", "omar@example.com", "447700900123",
                               "Omar Khalil", "", "+44 7700 900123"), ==,
                   ROLO_CONTACT_MATCH_NAME_AND_MOBILE);
}

static void
test_match_email (void)
{
  g_assert_cmpint (match_pair ("Sarah Johnson", "sarah@example.com", "1",
                               "S. Johnson", " Sarah@Example.COM ", "2"), ==,
                   ROLO_CONTACT_MATCH_EMAIL);
  g_assert_cmpint (match_pair ("Sarah Johnson", "sarah@example.com", "",
                               "Sarah Johnson", "sarah@example.com", ""), ==,
                   ROLO_CONTACT_MATCH_EMAIL);
  g_assert_cmpint (match_pair ("Sarah Johnson", "sarah@example.com", "",
                               "Mark Johnson", "mark@example.com", ""), ==,
                   ROLO_CONTACT_MATCH_NONE);
}

static void
test_match_empty (void)
{
  /* Empty emails are no email. */
  g_assert_cmpint (match_pair ("Sarah Johnson", "", "", "Mark Johnson", "", ""), ==,
                   ROLO_CONTACT_MATCH_NONE);
  g_assert_cmpint (match_pair ("Sarah Johnson", "  ", "", "Mark Johnson", "", ""), ==,
                   ROLO_CONTACT_MATCH_NONE);
  /* Neither is an empty name (nor one of spaces), even with the same mobile. */
  g_assert_cmpint (match_pair ("", "", "447700900123", "", "", "447700900123"), ==,
                   ROLO_CONTACT_MATCH_NONE);
  g_assert_cmpint (match_pair (" ", "", "", "", "", ""), ==, ROLO_CONTACT_MATCH_NONE);
}

/* rolo_contact_match() looks at the data only: ids are find_match's business. */
static void
test_match_ignores_ids (void)
{
  g_autoptr(RoloContact) a = new_contact ("Omar Khalil", "", "1");
  g_autoptr(RoloContact) b = new_contact ("Lena Park", "", "2");

  rolo_contact_set_id (a, 7);
  rolo_contact_set_id (b, 7);
  g_assert_cmpint (rolo_contact_match (a, b), ==, ROLO_CONTACT_MATCH_NONE);
  g_assert_cmpint (rolo_contact_match (a, a), ==, ROLO_CONTACT_MATCH_NAME_AND_MOBILE);
}

/* --- keys ------------------------------------------------------------------ */

static void
assert_keys (RoloContact *contact,
             const char  *email_key,
             const char  *name_mobile_key)
{
  g_autofree char *email = rolo_contact_match_email_key (contact);
  g_autofree char *name_mobile = rolo_contact_match_name_mobile_key (contact);

  g_assert_cmpstr (email, ==, email_key);
  g_assert_cmpstr (name_mobile, ==, name_mobile_key);
}

static void
test_keys (void)
{
  g_autoptr(RoloContact) a = new_contact (" Omar   KHALIL ", " Omar@Example.COM ",
                                          "+44 7700 900-123");
  g_autoptr(RoloContact) b = new_contact ("omar khalil", "omar@example.com", "447700900123");
  g_autoptr(RoloContact) empty = new_contact ("", "", "");

  assert_keys (a, "omar@example.com", "omar khalil\x1f" "447700900123");
  assert_keys (b, "omar@example.com", "omar khalil\x1f" "447700900123");
  assert_keys (empty, "", "\x1f");
}

/* Equal keys say what rolo_contact_match() says. */
static void
test_keys_agree (void)
{
  const char *contacts[][3] = {
    { "Omar Khalil", "omar@example.com", "+44 7700 900-123" },
    { "OMAR  khalil", "", "447700900123" },
    { "Omar Khalil", "omar@example.org", "447700900123" },
    { "Omar Khalil", "", "" },
    { "Lena Park", "OMAR@example.com", "" },
    { "lena park", "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
    for (guint j = 0; j < G_N_ELEMENTS (contacts); j++)
      {
        g_autoptr(RoloContact) a = new_contact (contacts[i][0], contacts[i][1], contacts[i][2]);
        g_autoptr(RoloContact) b = new_contact (contacts[j][0], contacts[j][1], contacts[j][2]);
        g_autofree char *email_a = rolo_contact_match_email_key (a);
        g_autofree char *email_b = rolo_contact_match_email_key (b);
        g_autofree char *name_a = rolo_contact_match_name_mobile_key (a);
        g_autofree char *name_b = rolo_contact_match_name_mobile_key (b);
        RoloContactMatch match = rolo_contact_match (a, b);
        gboolean by_email = *email_a != '\0' && g_str_equal (email_a, email_b);
        gboolean emails_differ = *email_a != '\0' && *email_b != '\0' &&
                                 !g_str_equal (email_a, email_b);

        if (by_email)
          g_assert_cmpint (match, ==, ROLO_CONTACT_MATCH_EMAIL);
        else if (g_str_equal (name_a, name_b) && !emails_differ)
          g_assert_cmpint (match, ==, ROLO_CONTACT_MATCH_NAME_AND_MOBILE);
        else
          g_assert_cmpint (match, <, ROLO_CONTACT_MATCH_NAME_AND_MOBILE);
      }
}

/* --- rolo_client_find_match_async against a sandbox ------------------------ */

typedef struct
{
  RoloSandbox *sandbox;
  RoloClient  *client;
  guint        n_searches;  /* list requests with a search, as the sandbox saw them */
} Fixture;

/* Emitted on the thread that serves: this one (the sandbox listens here). */
static void
request_cb (RoloSandbox *sandbox,
            const char  *method,
            const char  *path_and_query,
            GBytes      *body,
            gpointer     user_data)
{
  Fixture *fixture = user_data;

  if (g_str_equal (method, "GET") && strstr (path_and_query, "search=") != NULL)
    fixture->n_searches++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->sandbox = rolo_test_sandbox_new (GPOINTER_TO_UINT (data));
  fixture->client = rolo_test_client_new_for (fixture->sandbox);
  g_signal_connect (fixture->sandbox, "request", G_CALLBACK (request_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->client));
  g_signal_handlers_disconnect_by_data (fixture->sandbox, fixture);
  rolo_sandbox_stop (fixture->sandbox);
  g_assert_finalize_object (g_steal_pointer (&fixture->sandbox));

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64
create (Fixture    *fixture,
        const char *name,
        const char *email,
        const char *mobile)
{
  g_autoptr(RoloContact) contact = new_contact (name, email, mobile);
  g_autoptr(GError) error = NULL;
  gint64 id = rolo_test_client_create (fixture->client, contact, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Runs a find to completion; returns the found contact's id, or 0. */
static gint64
find_match (Fixture          *fixture,
            RoloContact      *candidate,
            RoloContactMatch  weakest,
            RoloContactMatch *match,
            GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RoloContact) found = NULL;

  rolo_client_find_match_async (fixture->client, candidate, weakest, NULL,
                                rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, ROLO_TEST_REQUEST_TIMEOUT_MS);
  *match = (RoloContactMatch) -1; /* so that NONE is seen to be set */
  found = rolo_client_find_match_finish (fixture->client, result, match, error);
  g_assert_true ((found == NULL) == (*match == ROLO_CONTACT_MATCH_NONE));
  return found != NULL ? rolo_contact_get_id (found) : 0;
}

/* Like find_match(), for finds that must not fail. */
static gint64
find_ok (Fixture          *fixture,
         RoloContact      *candidate,
         RoloContactMatch  weakest,
         RoloContactMatch *match)
{
  g_autoptr(GError) error = NULL;
  gint64 id = find_match (fixture, candidate, weakest, match, &error);

  g_assert_no_error (error);
  return id;
}

static void
test_find_by_email (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 id = create (fixture, "Hana Sato", "hana.sato@example.org", "819012345678");
  g_autoptr(RoloContact) candidate = new_contact ("H. Sato", " HANA.SATO@example.org", "");
  RoloContactMatch match;

  create (fixture, "Hana Sato", "", "819012345678");
  g_assert_cmpint (find_ok (fixture, candidate, ROLO_CONTACT_MATCH_NAME, &match), ==, id);
  g_assert_cmpint (match, ==, ROLO_CONTACT_MATCH_EMAIL);
  /* The email decided: the name was not asked for. */
  g_assert_cmpuint (fixture->n_searches, ==, 1);

  fixture->n_searches = 0;
  g_assert_cmpint (find_ok (fixture, candidate, ROLO_CONTACT_MATCH_EMAIL, &match), ==, id);
  g_assert_cmpint (match, ==, ROLO_CONTACT_MATCH_EMAIL);
  g_assert_cmpuint (fixture->n_searches, ==, 1);
}

static void
test_find_by_name_and_mobile (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 id = create (fixture, "Hana Sato", "", "819012345678");
  g_autoptr(RoloContact) candidate = new_contact ("hana  SATO ", "", "+81 90-1234-5678");
  RoloContactMatch match;

  create (fixture, "Hana Sato", "", "819000000000");
  create (fixture, "Hana Satomi", "", "819012345678");
  g_assert_cmpint (find_ok (fixture, candidate, ROLO_CONTACT_MATCH_NAME_AND_MOBILE, &match),
                   ==, id);
  g_assert_cmpint (match, ==, ROLO_CONTACT_MATCH_NAME_AND_MOBILE);

  /* An email of its own that no one has: still found by the name. */
  rolo_contact_set_email (candidate, "hana@example.net");
  g_assert_cmpint (find_ok (fixture, candidate, ROLO_CONTACT_MATCH_NAME_AND_MOBILE, &match),
                   ==, id);
  g_assert_cmpint (match, ==, ROLO_CONTACT_MATCH_NAME_AND_MOBILE);

  /* Only the email would do: no name search. */
  fixture->n_searches = 0;
  g_assert_cmpint (find_ok (fixture, candidate, ROLO_CONTACT_MATCH_EMAIL, &match), ==, 0);
  g_assert_cmpuint (fixture->n_searches, ==, 1);
}

/* The email search finds a namesake with another email; the name search a
 * better one. */
static void
test_find_strongest (Fixture       *fixture,
                     gconstpointer  data)
{
  gint64 id;
  g_autoptr(RoloContact) candidate = new_contact ("Lena Park", "lena@example.com", "5550100");
  RoloContactMatch match;

  create (fixture, "Lena Park", "lena@example.com.au", "5550100");
  id = create (fixture, "Lena Park", "", "555 0100");
  create (fixture, "Lena Park", "", "5550199");
  g_assert_cmpint (find_ok (fixture, candidate, ROLO_CONTACT_MATCH_NAME, &match), ==, id);
  g_assert_cmpint (match, ==, ROLO_CONTACT_MATCH_NAME_AND_MOBILE);
  g_assert_cmpuint (fixture->n_searches, ==, 2);
}

static void
test_find_new_person (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RoloContact) candidate = new_contact ("Zeynep Quixote", "zq@example.com",
                                                  "905551112233");
  RoloContactMatch match;

  create (fixture, "Zeynep Quix", "zq@example.co", "905551112233");
  g_assert_cmpint (find_ok (fixture, candidate, ROLO_CONTACT_MATCH_NAME, &match), ==, 0);
  g_assert_cmpint (match, ==, ROLO_CONTACT_MATCH_NONE);

  /* Nothing to search for: no request, no match. */
  fixture->n_searches = 0;
  g_clear_object (&candidate);
  candidate = new_contact ("  ", "", "905551112233");
  g_assert_cmpint (find_ok (fixture, candidate, ROLO_CONTACT_MATCH_NAME, &match), ==, 0);
  g_assert_cmpuint (fixture->n_searches, ==, 0);
}

static void
test_find_weakest (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 id = create (fixture, "Omar Khalil", "", "447700900123");
  g_autoptr(RoloContact) candidate = new_contact ("OMAR KHALIL", "", "447700900999");
  RoloContactMatch match;

  g_assert_cmpint (find_ok (fixture, candidate, ROLO_CONTACT_MATCH_NAME, &match), ==, id);
  g_assert_cmpint (match, ==, ROLO_CONTACT_MATCH_NAME);
  g_assert_cmpint (find_ok (fixture, candidate, ROLO_CONTACT_MATCH_NAME_AND_MOBILE, &match),
                   ==, 0);
  g_assert_cmpint (match, ==, ROLO_CONTACT_MATCH_NONE);
}

/* Editing a contact: the one being edited is not a duplicate of itself. */
static void
test_find_not_itself (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 id = create (fixture, "Omar Khalil", "omar@example.com", "447700900123");
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) candidate = rolo_test_client_get (fixture->client, id, &error);
  RoloContactMatch match;
  gint64 other;

  g_assert_no_error (error);
  g_assert_cmpint (find_ok (fixture, candidate, ROLO_CONTACT_MATCH_NAME, &match), ==, 0);

  /* Another one of the same name is found. */
  other = create (fixture, "Omar Khalil", "", "");
  g_assert_cmpint (find_ok (fixture, candidate, ROLO_CONTACT_MATCH_NAME, &match), ==, other);
  g_assert_cmpint (match, ==, ROLO_CONTACT_MATCH_NAME);
}

/* Many contacts contain the name; the one that matches is on a later page. */
static void
test_find_later_page (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 id = create (fixture, "Test Person", "", "12345");
  g_autoptr(RoloContact) candidate = new_contact ("Test Person", "", "1-2-3-4-5");
  RoloContactMatch match;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *name = g_strdup_printf ("Test Person %u", i);

      create (fixture, name, "", "12345");
    }
  g_assert_cmpint (find_ok (fixture, candidate, ROLO_CONTACT_MATCH_NAME_AND_MOBILE, &match),
                   ==, id);
  g_assert_cmpint (match, ==, ROLO_CONTACT_MATCH_NAME_AND_MOBILE);
  g_assert_cmpuint (fixture->n_searches, ==, 2);
}

static void
test_find_cancelled (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RoloContact) candidate = new_contact ("Omar Khalil", "omar@example.com", "");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) at_once = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result_at_once = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) found = NULL;
  RoloContactMatch match = ROLO_CONTACT_MATCH_EMAIL;

  create (fixture, "Omar Khalil", "omar@example.com", "");

  /* Cancelled while the server is thinking. */
  rolo_sandbox_set_latency (fixture->sandbox, 500);
  rolo_client_find_match_async (fixture->client, candidate, ROLO_CONTACT_MATCH_NAME,
                                cancellable, rolo_test_store_result, &result);
  rolo_test_iterate_for (50);
  g_cancellable_cancel (cancellable);
  rolo_test_wait_for_result (&result, ROLO_TEST_REQUEST_TIMEOUT_MS);
  found = rolo_client_find_match_finish (fixture->client, result, &match, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (found);
  g_assert_cmpint (match, ==, ROLO_CONTACT_MATCH_NONE);
  g_clear_error (&error);

  /* Cancelled before it began. */
  g_cancellable_cancel (at_once);
  rolo_client_find_match_async (fixture->client, candidate, ROLO_CONTACT_MATCH_NAME,
                                at_once, rolo_test_store_result, &result_at_once);
  rolo_test_wait_for_result (&result_at_once, ROLO_TEST_REQUEST_TIMEOUT_MS);
  found = rolo_client_find_match_finish (fixture->client, result_at_once, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (found);
}

static void
test_find_error (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RoloContact) candidate = new_contact ("Omar Khalil", "", "");
  g_autoptr(GError) error = NULL;
  RoloContactMatch match;

  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  g_assert_cmpint (find_match (fixture, candidate, ROLO_CONTACT_MATCH_NAME, &match, &error),
                   ==, 0);
  g_assert_nonnull (error);
  g_assert_true (error->domain == ROLO_CLIENT_ERROR);
  g_assert_cmpint (match, ==, ROLO_CONTACT_MATCH_NONE);
}

#define ADD(path, n_seeded, func) \
  g_test_add ("/client/match/find/" path, Fixture, GUINT_TO_POINTER (n_seeded), \
              fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/match/name-folded", test_match_name_folded);
  g_test_add_func ("/client/match/mobile-digits", test_match_mobile_digits);
  g_test_add_func ("/client/match/name-only", test_match_name_only);
  g_test_add_func ("/client/match/email", test_match_email);
  g_test_add_func ("/client/match/empty", test_match_empty);
  g_test_add_func ("/client/match/ignores-ids", test_match_ignores_ids);
  g_test_add_func ("/client/match/keys", test_keys);
  g_test_add_func ("/client/match/keys-agree", test_keys_agree);

  ADD ("email", N_SEEDED, test_find_by_email);
  ADD ("name-and-mobile", N_SEEDED, test_find_by_name_and_mobile);
  ADD ("strongest", N_SEEDED, test_find_strongest);
  ADD ("new-person", N_SEEDED, test_find_new_person);
  ADD ("weakest", N_SEEDED, test_find_weakest);
  ADD ("not-itself", N_SEEDED, test_find_not_itself);
  ADD ("later-page", 0, test_find_later_page);
  ADD ("cancelled", N_SEEDED, test_find_cancelled);
  ADD ("error", 0, test_find_error);

  return g_test_run ();
}
