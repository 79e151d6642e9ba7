/* test-ui-fault.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Faults the window survives: the first page of the list meets a broken
 * network, server or proxy (tests/rolo-test-fault-server.c). Each says what
 * happened in words, and Retry loads the list once the fault is gone. Then
 * rows added and removed on the server while the user scrolls. */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-test-browse.h"
#include "rolo-test-fault-server.h"

typedef struct
{
  Fixture              browse;
  RoloTestFaultServer *faults;
  RoloClient          *direct;   /* to the sandbox, past the faults */
  guint                n_rows;   /* what the model said in items-changed */
  guint                n_changes;
} FaultFixture;

static void
fault_fixture_set_up (FaultFixture  *fixture,
                      gconstpointer  user_data)
{
  fixture_set_up (&fixture->browse, user_data);
  /* Pages enough for the rows to move under a user who scrolls. */
  fixture->browse.sandbox = rolo_test_sandbox_new (6 * ROLO_CONTACT_LIST_PAGE_SIZE);
  fixture->faults = rolo_test_fault_server_new (fixture->browse.sandbox);
  fixture->direct = rolo_test_client_new_for (fixture->browse.sandbox);
}

static void
fault_fixture_tear_down (FaultFixture  *fixture,
                         gconstpointer  user_data)
{
  g_clear_object (&fixture->direct);
  g_clear_pointer (&fixture->faults, rolo_test_fault_server_free);
  fixture_tear_down (&fixture->browse, user_data);
}

/* The window's client goes through the fault server. */
static void
connect_through_faults (FaultFixture *fixture,
                        guint         timeout_s)
{
  g_autofree char *base_url = rolo_test_fault_server_dup_base_url (fixture->faults);
  g_autoptr(RoloClient) client = rolo_test_client_new (base_url);

  if (timeout_s > 0)
    rolo_client_set_timeout (client, timeout_s);
  rolo_window_set_client (fixture->browse.window, client);
}

static gboolean
button_shown (Fixture    *fixture,
              const char *action_name)
{
  return gtk_widget_is_drawable (window_button (fixture, action_name));
}

static void
assert_browsing (Fixture *fixture)
{
  g_autofree char *count = g_strdup_printf ("%u contacts",
                                            rolo_sandbox_count_contacts (fixture->sandbox));

  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "browse");
  g_assert_cmpstr (rolo_window_get_count_text (fixture->window), ==, count);
}

static gboolean
showing_error (gpointer user_data)
{
  FaultFixture *fixture = user_data;

  return g_str_equal (rolo_window_get_state (fixture->browse.window), "error");
}

static void
test_first_page (FaultFixture  *fixture,
                 gconstpointer  user_data)
{
  const RoloTestFaultCase *fault = user_data;
  Fixture *browse = &fixture->browse;
  const char *description;

  rolo_test_fault_server_inject (fixture->faults, "GET", "/v1/contacts", fault->fault);
  connect_through_faults (fixture, fault->timeout_s);
  rolo_test_wait_until (showing_error, fixture, TIMEOUT_MS);

  g_assert_cmpuint (rolo_test_fault_server_get_n_faults (fixture->faults), >=, 1);
  g_assert_cmpstr (rolo_window_get_status_title (browse->window), ==, fault->title);
  description = rolo_window_get_status_description (browse->window);
  g_test_message ("%s: %s", fault->title, description);
  g_assert_nonnull (strstr (description, fault->description));
  g_assert_true (button_shown (browse, "win.retry"));
  g_assert_true (gtk_widget_is_sensitive (window_button (browse, "win.retry")));

  /* The fault is gone: Retry (a press, as a user would) loads the list. */
  rolo_test_fault_server_clear (fixture->faults);
  gtk_widget_activate (window_button (browse, "win.retry"));
  assert_browsing (browse);
}

/* A JSON answer labelled as something else, as PHP's default text/html is,
 * still reads: the body says what it is. */
static void
test_mislabelled (FaultFixture  *fixture,
                  gconstpointer  user_data)
{
  rolo_test_fault_server_inject (fixture->faults, "GET", "/v1/contacts",
                                 GPOINTER_TO_INT (user_data));
  connect_through_faults (fixture, 0);
  wait_settled (&fixture->browse);

  assert_browsing (&fixture->browse);
  g_assert_cmpuint (rolo_test_fault_server_get_n_faults (fixture->faults), >=, 1);
}

/* --- rows that change while the user scrolls -------------------------------- */

/* The model says every change and its items match what it said. */
static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  FaultFixture *fixture)
{
  g_assert_cmpuint (position + removed, <=, fixture->n_rows);
  fixture->n_rows = fixture->n_rows - removed + added;
  fixture->n_changes++;
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, fixture->n_rows);
}

static void
scroll_to (Fixture *fixture,
           double   fraction)
{
  GtkWidget *view = window_widget (fixture, "RoloContactView");
  GtkWidget *scrolled = rolo_test_find_widget (view, rolo_test_is_type_named,
                                               "GtkScrolledWindow");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * fraction);
}

typedef struct
{
  Fixture *fixture;
  double   fraction;
} ScrollWait;

/* The row at the fraction of the list has come, as of the last refresh, and
 * nothing is on its way. */
static gboolean
rows_came (gpointer user_data)
{
  ScrollWait *wait = user_data;
  RoloContactList *contacts = window_contacts (wait->fixture);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (contacts));
  g_autoptr(RoloContact) contact = NULL;
  guint position;

  if (n == 0)
    return FALSE;
  position = MIN (n - 1, wait->fraction * n);
  contact = g_list_model_get_item (G_LIST_MODEL (contacts), position);
  return rolo_contact_get_state (contact) == ROLO_CONTACT_STATE_READY &&
         !rolo_contact_list_is_stale (contacts, position) &&
         !rolo_contact_list_get_loading (contacts);
}

/* Scrolls to @fraction of the list and waits until its rows have come. */
static void
scroll_and_wait (Fixture *fixture,
                 double   fraction)
{
  ScrollWait wait = { fixture, fraction };

  scroll_to (fixture, fraction);
  rolo_test_wait_until (rows_came, &wait, TIMEOUT_MS);
}

/* The rows of the page at @position as the server has them now. */
static RoloContactPage *
server_page (FaultFixture *fixture,
             guint         position)
{
  g_autoptr(GError) error = NULL;
  RoloContactPage *page = rolo_test_client_list (fixture->direct, shown_query (&fixture->browse),
                                                 position / ROLO_CONTACT_LIST_PAGE_SIZE,
                                                 ROLO_CONTACT_LIST_PAGE_SIZE, &error);

  g_assert_no_error (error);
  return page;
}

/* The loaded rows from @start on are the server's, in its order: none
 * twice, none missing. */
static void
assert_rows_match_server (FaultFixture *fixture,
                          guint         start)
{
  GListModel *model = G_LIST_MODEL (window_contacts (&fixture->browse));
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(RoloContactPage) page = NULL;
  guint n_ready = 0;

  for (guint i = start; i < n; i++)
    {
      g_autoptr(RoloContact) contact = g_list_model_get_item (model, i);
      g_autoptr(RoloContact) expected = NULL;
      GListModel *rows;
      gint64 id;

      g_assert_nonnull (contact);
      if (rolo_contact_get_state (contact) != ROLO_CONTACT_STATE_READY)
        continue;
      if (page == NULL || i % ROLO_CONTACT_LIST_PAGE_SIZE == 0)
        {
          g_clear_object (&page);
          page = server_page (fixture, i);
        }
      rows = rolo_contact_page_get_contacts (page);
      expected = g_list_model_get_item (rows, i % ROLO_CONTACT_LIST_PAGE_SIZE);
      g_assert_nonnull (expected);
      id = rolo_contact_get_id (contact);
      g_assert_cmpint (id, ==, rolo_contact_get_id (expected));
      g_assert_true (g_hash_table_add (seen, g_memdup2 (&id, sizeof id)));
      n_ready++;
    }

  g_test_message ("%u rows from %u match the server's", n_ready, start);
  g_assert_cmpuint (n_ready, >, 0);
}

static void
test_rows_change (FaultFixture  *fixture,
                  gconstpointer  user_data)
{
  Fixture *browse = &fixture->browse;
  RoloTestFault fault = GPOINTER_TO_INT (user_data);
  g_autofree char *count = NULL;
  GListModel *model;
  guint n;

  connect_through_faults (fixture, 0);
  assert_browsing (browse);
  model = G_LIST_MODEL (window_contacts (browse));
  fixture->n_rows = g_list_model_get_n_items (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), fixture);

  /* Each later page the user scrolls to finds the rows moved. */
  rolo_test_fault_server_inject (fixture->faults, "GET", "/v1/contacts", fault);
  scroll_and_wait (browse, 0.3);
  scroll_and_wait (browse, 0.6);
  scroll_and_wait (browse, 1.0);
  g_test_message ("%u pages found the rows moved, %u changes of the model",
                  rolo_test_fault_server_get_n_faults (fixture->faults), fixture->n_changes);
  g_assert_cmpuint (rolo_test_fault_server_get_n_faults (fixture->faults), >=, 1);
  g_assert_cmpuint (fixture->n_changes, >=, 1);
  g_assert_cmpstr (rolo_window_get_state (browse->window), ==, "browse");

  /* Once the rows stop moving, scrolling on brings the count in line with
   * the server, and so does Refresh with the rows on screen. */
  rolo_test_fault_server_clear (fixture->faults);
  scroll_and_wait (browse, 0.5);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, rolo_sandbox_count_contacts (browse->sandbox));
  g_assert_cmpuint (n, ==, fixture->n_rows);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (browse->window), "win.refresh", NULL));
  scroll_and_wait (browse, 1.0);
  g_assert_cmpstr (rolo_window_get_state (browse->window), ==, "browse");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_cmpuint (fixture->n_rows, ==, n);
  count = g_strdup_printf ("%u contacts", n);
  g_assert_cmpstr (rolo_window_get_count_text (browse->window), ==, count);
  assert_rows_match_server (fixture, n - MIN (n, ROLO_CONTACT_LIST_PAGE_SIZE));
  g_signal_handlers_disconnect_by_data (model, fixture);
}

static const RoloTestFaultCase first_page_faults[] = {
  { ROLO_TEST_FAULT_RESET, 0, "Cannot Reach the Server", "Check your network connection" },
  { ROLO_TEST_FAULT_HANG, ROLO_TEST_FAULT_SHORT_TIMEOUT_S, "Server Not Responding",
    "Try again later" },
  { ROLO_TEST_FAULT_SERVER_ERROR, 0, "Server Error", "HTTP 500" },
  { ROLO_TEST_FAULT_BAD_GATEWAY, 0, "Server Error", "HTTP 502" },
  { ROLO_TEST_FAULT_RATE_LIMITED, 0, "Too Many Requests", "Try again in 1 second" },
  { ROLO_TEST_FAULT_TRUNCATED, 0, "Unexpected Answer", "It ends before it is complete." },
  { ROLO_TEST_FAULT_MALFORMED, 0, "Unexpected Answer", "It is not valid JSON." },
  { ROLO_TEST_FAULT_DRIP, ROLO_TEST_FAULT_SHORT_TIMEOUT_S, "Server Not Responding",
    "Try again later" },
  { ROLO_TEST_FAULT_HUGE, 0, "Unexpected Answer", "It is larger than" },
  { ROLO_TEST_FAULT_HUGE_SIZED, 0, "Unexpected Answer", "It is larger than" },
  { ROLO_TEST_FAULT_DEEP, 0, "Unexpected Answer", "It is nested too deeply." },
  { ROLO_TEST_FAULT_WEB_PAGE, 0, "Unexpected Answer", "not of its web app" },
  { ROLO_TEST_FAULT_PLAIN_TEXT, 0, "Unexpected Answer", "It is not valid JSON." },
};

static const char * const first_page_names[] = {
  "reset", "hang", "500", "502", "429", "truncated", "malformed", "drip", "huge", "huge-sized",
  "deep", "web-page", "plain-text",
};

G_STATIC_ASSERT (G_N_ELEMENTS (first_page_faults) == G_N_ELEMENTS (first_page_names));

#define ADD_FAULT(path, data, func) \
  g_test_add (path, FaultFixture, data, fault_fixture_set_up, func, fault_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  rolo_test_browse_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (first_page_faults); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/fault/list/%s", first_page_names[i]);

      ADD_FAULT (path, &first_page_faults[i], test_first_page);
    }
  ADD_FAULT ("/ui/fault/list/text-plain", GINT_TO_POINTER (ROLO_TEST_FAULT_TEXT_PLAIN),
             test_mislabelled);
  ADD_FAULT ("/ui/fault/list/json-as-html", GINT_TO_POINTER (ROLO_TEST_FAULT_JSON_AS_HTML),
             test_mislabelled);
  ADD_FAULT ("/ui/fault/list/rows-added", GINT_TO_POINTER (ROLO_TEST_FAULT_ROWS_ADDED),
             test_rows_change);
  ADD_FAULT ("/ui/fault/list/rows-removed", GINT_TO_POINTER (ROLO_TEST_FAULT_ROWS_REMOVED),
             test_rows_change);

  return g_test_run ();
}
