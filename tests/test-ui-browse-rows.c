/* test-ui-browse-rows.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's rows: search, sort, the type filter, placeholders and the status pages. */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-test-browse.h"

static gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)),
                                              label) == 0;
}

static gboolean
button_shown (Fixture    *fixture,
              const char *action_name)
{
  return gtk_widget_is_drawable (window_button (fixture, action_name));
}

static void
type_search (Fixture    *fixture,
             const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (window_widget (fixture, "GtkSearchEntry")), text);
}

static gboolean
toast_shown (gpointer user_data)
{
  Fixture *fixture = user_data;

  return rolo_test_find_widget (GTK_WIDGET (fixture->window), is_label_starting,
                                "Some contacts could not be loaded") != NULL;
}

static void
test_rows (Fixture       *fixture,
           gconstpointer  user_data)
{
  const char * const default_sort[] = { "pageIndex=0", "sortBy=cstname", "sortOrder=asc", NULL };
  GtkWidget *type_cell;

  fixture_connect (fixture, 1000, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);

  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "browse");
  /* gtk_test_init() runs in en_US.UTF-8 (build-aux/dev deps makes it): the
   * count grouped as there. */
  g_assert_cmpstr (rolo_window_get_count_text (fixture->window), ==, "1,000 contacts");
  /* Name ascending unless the user chose otherwise. */
  wait_request (fixture, default_sort);
  assert_rows_ordered (fixture, rolo_contact_get_name, FALSE);

  /* The rows reach the screen, and only the pages on screen were asked for. */
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);
  /* (GTK 4.8 lays out rows up to about 300 before it knows their height;
   * on a slow machine the pages for those go out too: three of ten.) */
  for (guint i = 0; i < fixture->requests->len; i++)
    g_test_message ("asked: %s", (char *) g_ptr_array_index (fixture->requests, i));
  g_assert_cmpuint (fixture->requests->len, <=, 3);
  type_cell = rolo_test_find_widget (GTK_WIDGET (fixture->window), is_label_starting, "Individual");
  if (type_cell == NULL)
    type_cell = rolo_test_find_widget (GTK_WIDGET (fixture->window), is_label_starting, "Business");
  g_assert_nonnull (type_cell);
}

static void
test_select_all (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GtkSelectionModel *selection;
  g_autoptr(GtkBitset) selected = NULL;
  GtkWidget *list;

  fixture_connect (fixture, 120, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);

  /* Ctrl+A is the list's own select-all: every contact, the rows the table
   * has not made yet included (rolo-row-stager.c). */
  selection = gtk_column_view_get_model (window_column_view (fixture));
  g_assert_true (GTK_IS_SELECTION_MODEL (selection));
  list = rolo_test_find_widget (GTK_WIDGET (window_column_view (fixture)), rolo_test_is_type_named,
                                "GtkListView");
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_activate_action (list, "list.select-all", NULL));
  selected = gtk_selection_model_get_selection_in_range (selection, 0, G_MAXUINT);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 120);
}

static const char *
ascii_word_of (RoloContact *contact)
{
  static char word[64];
  const char *name = rolo_contact_get_name (contact);
  const char *last = strrchr (name, ' ');

  last = last != NULL ? last + 1 : name;
  if (strlen (last) < 4 || strlen (last) >= sizeof word)
    return NULL;
  for (const char *p = last; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      return NULL;

  g_strlcpy (word, last, sizeof word);
  return word;
}

static void
assert_rows_match (Fixture    *fixture,
                   const char *search)
{
  g_autofree char *needle = g_ascii_strdown (search, -1);

  for (guint i = 0; i < n_first_rows (fixture); i++)
    {
      g_autofree char *name = g_ascii_strdown (rolo_contact_get_name (row (fixture, i)), -1);
      g_autofree char *email = g_ascii_strdown (rolo_contact_get_email (row (fixture, i)), -1);

      g_assert_true (strstr (name, needle) != NULL || strstr (email, needle) != NULL);
    }
}

static gboolean
query_answered (Fixture    *fixture,
                const char *search)
{
  return g_str_equal (rolo_contact_query_get_search (shown_query (fixture)), search) &&
         rolo_contact_list_get_loaded (window_contacts (fixture));
}

typedef struct
{
  Fixture    *fixture;
  const char *search;
} SearchWait;

static gboolean
search_answered (gpointer user_data)
{
  SearchWait *wait = user_data;

  return query_answered (wait->fixture, wait->search);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *word = NULL;
  g_autofree char *fragment = NULL;
  const char *fragments[2] = { NULL, NULL };
  SearchWait wait = { fixture, NULL };
  guint n_matches;

  fixture_connect (fixture, 300, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  for (guint i = 0; word == NULL && i < n_first_rows (fixture); i++)
    word = g_strdup (ascii_word_of (row (fixture, i)));
  g_assert_nonnull (word);
  /* Part of a surname, as typed: lower case, three letters. */
  fragment = g_ascii_strdown (word + 1, 3);

  g_ptr_array_set_size (fixture->requests, 0);
  type_search (fixture, fragment);
  /* Debounced: nothing is asked while the user may still be typing. */
  g_assert_cmpuint (fixture->requests->len, ==, 0);

  fragments[0] = g_strdup_printf ("search=%s", fragment);
  wait_request (fixture, fragments);
  g_free ((char *) fragments[0]);
  wait.search = fragment;
  rolo_test_wait_until (search_answered, &wait, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "browse");

  n_matches = g_list_model_get_n_items (G_LIST_MODEL (window_contacts (fixture)));
  g_assert_cmpuint (n_matches, >, 0);
  g_assert_cmpuint (n_matches, <, 300);
  assert_rows_match (fixture, fragment);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);
}

static void
test_search_stale (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const char * const slow[] = { "search=an", NULL };
  SearchWait wait = { fixture, "zzzq" };
  g_autofree char *count = NULL;

  fixture_connect (fixture, 300, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);

  /* The first search is asked and still on its way when the user types on. */
  rolo_sandbox_set_latency (fixture->sandbox, 400);
  type_search (fixture, "an");
  wait_request (fixture, slow);
  type_search (fixture, "zzzq");
  rolo_test_wait_until (search_answered, &wait, TIMEOUT_MS);

  /* Long after the old answer was due, the window still shows the new one. */
  count = g_strdup (rolo_window_get_count_text (fixture->window));
  rolo_test_iterate_for (800);
  g_assert_cmpstr (rolo_contact_query_get_search (shown_query (fixture)), ==, "zzzq");
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "no-results");
  g_assert_cmpstr (rolo_window_get_count_text (fixture->window), ==, count);
}

static void
test_no_results (Fixture       *fixture,
                 gconstpointer  user_data)
{
  SearchWait wait = { fixture, "zzqx-nothing" };
  SearchWait cleared = { fixture, "" };

  fixture_connect (fixture, 50, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);

  type_search (fixture, "zzqx-nothing");
  rolo_test_wait_until (search_answered, &wait, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "no-results");
  g_assert_cmpstr (rolo_window_get_status_title (fixture->window), ==, "No Results");
  /* It shows what was searched for, and the way back. */
  g_assert_nonnull (strstr (rolo_window_get_status_description (fixture->window),
                            "zzqx-nothing"));
  g_assert_true (button_shown (fixture, "win.clear-search"));
  g_assert_cmpstr (rolo_window_get_count_text (fixture->window), ==, "0 contacts");

  gtk_widget_activate (window_button (fixture, "win.clear-search"));
  rolo_test_wait_until (search_answered, &cleared, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "browse");
  g_assert_cmpstr (rolo_window_get_count_text (fixture->window), ==, "50 contacts");
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  user_data)
{
  const char * const by_email[] = { "sortBy=cstemail", "sortOrder=desc", NULL };
  const char * const by_created[] = { "sortBy=cstcreated_on", "sortOrder=asc", NULL };
  SortWait email_desc = { fixture, ROLO_CONTACT_SORT_EMAIL, TRUE };
  SortWait created_asc = { fixture, ROLO_CONTACT_SORT_CREATED, FALSE };
  GtkColumnView *view;
  gint64 first_by_name;
  g_autofree char *sort_column = NULL;

  fixture_connect (fixture, 200, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  first_by_name = rolo_contact_get_id (row (fixture, 0));
  view = window_column_view (fixture);

  gtk_column_view_sort_by_column (view, column_titled (view, "Email"), GTK_SORT_DESCENDING);
  wait_request (fixture, by_email);
  rolo_test_wait_until (sort_answered, &email_desc, TIMEOUT_MS);
  assert_rows_ordered (fixture, rolo_contact_get_email, TRUE);
  g_assert_cmpint (rolo_contact_get_id (row (fixture, 0)), !=, first_by_name);

  gtk_column_view_sort_by_column (view, column_titled (view, "Created"), GTK_SORT_ASCENDING);
  wait_request (fixture, by_created);
  rolo_test_wait_until (sort_answered, &created_asc, TIMEOUT_MS);
  for (guint i = 1; i < n_first_rows (fixture); i++)
    g_assert_cmpint (g_date_time_compare (rolo_contact_get_created (row (fixture, i - 1)),
                                          rolo_contact_get_created (row (fixture, i))), <=, 0);

  /* Remembered. */
  sort_column = g_settings_get_string (fixture->settings, "sort-column");
  g_assert_cmpstr (sort_column, ==, "created");
  g_assert_false (g_settings_get_boolean (fixture->settings, "sort-descending"));
}

static void
test_sort_direction (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const char * const mobile_asc[] = { "sortBy=cstmobile", "sortOrder=asc", NULL };
  const char * const mobile_desc[] = { "sortBy=cstmobile", "sortOrder=desc", NULL };
  SortWait asc = { fixture, ROLO_CONTACT_SORT_MOBILE, FALSE };
  SortWait desc = { fixture, ROLO_CONTACT_SORT_MOBILE, TRUE };
  gboolean descending = FALSE;
  RoloColumnSorter *primary;

  GtkColumnView *view;

  fixture_connect (fixture, 150, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  view = window_column_view (fixture);

  /* Ascending, then the same column the other way, as two header clicks do. */
  gtk_column_view_sort_by_column (view, column_titled (view, "Mobile"), GTK_SORT_ASCENDING);
  wait_request (fixture, mobile_asc);
  rolo_test_wait_until (sort_answered, &asc, TIMEOUT_MS);
  assert_rows_ordered (fixture, rolo_contact_get_mobile, FALSE);

  gtk_column_view_sort_by_column (view, column_titled (view, "Mobile"), GTK_SORT_DESCENDING);
  wait_request (fixture, mobile_desc);
  rolo_test_wait_until (sort_answered, &desc, TIMEOUT_MS);
  assert_rows_ordered (fixture, rolo_contact_get_mobile, TRUE);

  primary = rolo_column_sorter_get_primary (view, &descending);
  g_assert_nonnull (primary);
  g_assert_cmpint (rolo_column_sorter_get_field (primary), ==, ROLO_CONTACT_SORT_MOBILE);
  g_assert_true (descending);
}

/* The arrows the column headers draw: GTK's own sort indicators. */
static guint
count_sort_arrows (GtkWidget *widget)
{
  guint n = 0;

  if (g_strcmp0 (gtk_widget_get_css_name (widget), "sort-indicator") == 0 &&
      gtk_widget_get_visible (widget) &&
      (gtk_widget_has_css_class (widget, "ascending") ||
       gtk_widget_has_css_class (widget, "descending")))
    n++;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_sort_arrows (child);

  return n;
}

static void
test_sort_restored (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(RoloWindow) window = NULL;
  GtkColumnView *view;
  RoloColumnSorter *primary;
  gboolean descending = FALSE;

  g_settings_set_string (fixture->settings, "sort-column", "email");
  g_settings_set_boolean (fixture->settings, "sort-descending", TRUE);

  window = g_object_ref_sink (rolo_window_new (fixture->app));
  view = GTK_COLUMN_VIEW (rolo_test_find_widget (GTK_WIDGET (window), rolo_test_is_type_named,
                                                 "GtkColumnView"));
  primary = rolo_column_sorter_get_primary (view, &descending);
  /* The header shows the arrow where the user left it. */
  g_assert_nonnull (primary);
  g_assert_cmpint (rolo_column_sorter_get_field (primary), ==, ROLO_CONTACT_SORT_EMAIL);
  g_assert_true (descending);
  /* One arrow: the default Name sort does not linger beside it. */
  g_assert_cmpuint (count_sort_arrows (GTK_WIDGET (view)), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  Fixture         *fixture;
  RoloContactType  type;
} TypeWait;

static gboolean
type_answered (gpointer user_data)
{
  TypeWait *wait = user_data;

  return rolo_contact_query_get_contact_type (shown_query (wait->fixture)) == wait->type &&
         rolo_contact_list_get_loaded (window_contacts (wait->fixture));
}

static void
click_filter (Fixture         *fixture,
              const char      *label,
              RoloContactType  type)
{
  GtkWidget *button = rolo_test_find_widget (GTK_WIDGET (fixture->window), is_button_labelled,
                                             label);
  TypeWait wait = { fixture, type };

  g_assert_nonnull (button);
  gtk_widget_activate (button);
  rolo_test_wait_until (type_answered, &wait, TIMEOUT_MS);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
}

static void
assert_rows_of_type (Fixture         *fixture,
                     RoloContactType  type)
{
  for (guint i = 0; i < n_first_rows (fixture); i++)
    g_assert_cmpint (rolo_contact_get_contact_type (row (fixture, i)), ==, type);
}

static void
test_type_filter (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const char * const businesses[] = { "type=2", NULL };
  const char * const individuals[] = { "type=1", NULL };
  g_autofree char *saved = NULL;
  guint n_all, n_businesses, n_individuals;

  fixture_connect (fixture, 200, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  n_all = g_list_model_get_n_items (G_LIST_MODEL (window_contacts (fixture)));

  click_filter (fixture, "Businesses", ROLO_CONTACT_TYPE_BUSINESS);
  wait_request (fixture, businesses);
  n_businesses = g_list_model_get_n_items (G_LIST_MODEL (window_contacts (fixture)));
  g_assert_cmpuint (n_businesses, >, 0);
  assert_rows_of_type (fixture, ROLO_CONTACT_TYPE_BUSINESS);
  saved = g_settings_get_string (fixture->settings, "type-filter");
  g_assert_cmpstr (saved, ==, "business");

  click_filter (fixture, "Individuals", ROLO_CONTACT_TYPE_INDIVIDUAL);
  wait_request (fixture, individuals);
  n_individuals = g_list_model_get_n_items (G_LIST_MODEL (window_contacts (fixture)));
  assert_rows_of_type (fixture, ROLO_CONTACT_TYPE_INDIVIDUAL);
  g_assert_cmpuint (n_businesses + n_individuals, ==, n_all);

  click_filter (fixture, "All", ROLO_CONTACT_TYPE_ANY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window_contacts (fixture))), ==,
                    n_all);
  g_assert_null (strstr (g_ptr_array_index (fixture->requests, fixture->requests->len - 1),
                         "type="));
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  fixture_connect (fixture, 0, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);

  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "empty");
  g_assert_cmpstr (rolo_window_get_status_title (fixture->window), ==, "No Contacts Yet");
  g_assert_true (button_shown (fixture, "win.new-contact"));
  g_assert_true (gtk_widget_is_sensitive (window_button (fixture, "win.new-contact")));
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(RoloSandbox) gone = rolo_test_sandbox_new (0);
  g_autofree char *base_url = rolo_sandbox_dup_base_url (gone);

  /* A port nothing listens on any more. */
  rolo_sandbox_stop (gone);
  fixture_connect_to (fixture, base_url, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);

  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "error");
  g_assert_cmpstr (rolo_window_get_status_title (fixture->window), ==,
                   "Cannot Reach the Server");
  g_assert_true (button_shown (fixture, "win.retry"));
  g_assert_true (gtk_widget_is_sensitive (window_button (fixture, "win.retry")));
  g_assert_false (button_shown (fixture, "win.reconnect"));
}

static void
test_unauthorized (Fixture       *fixture,
                   gconstpointer  user_data)
{
  fixture_connect (fixture, 10, ROLO_TEST_ACCESS_KEY, "not-the-secret");
  wait_settled (fixture);

  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "error");
  g_assert_cmpstr (rolo_window_get_status_title (fixture->window), ==, "API Keys Rejected");
  g_assert_true (button_shown (fixture, "win.reconnect"));
  g_assert_true (gtk_widget_has_css_class (window_button (fixture, "win.reconnect"),
                                           "suggested-action"));
  g_assert_null (strstr (rolo_window_get_status_description (fixture->window),
                         "not-the-secret"));
}

/* Longer than the list waits before it asks again by itself for a page that
 * failed (a second), so that a retry loop would show in the request count. */
#define QUIET_MS 1200

static void
test_forbidden (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *description;

  fixture_connect_failing (fixture, SOUP_STATUS_FORBIDDEN);
  wait_settled (fixture);

  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "error");
  g_assert_cmpstr (rolo_window_get_status_title (fixture->window), ==,
                   "Subscription Add-On Missing");
  description = rolo_window_get_status_description (fixture->window);
  g_test_message ("403: %s", description);
  g_assert_nonnull (strstr (description, "subscription add-on"));
  g_assert_nonnull (strstr (description, "not active for this workspace"));
  g_assert_nonnull (strstr (description, "administrator"));
  /* And the server's own words, which name the add-on. */
  g_assert_nonnull (strstr (description, "“Contacts add-on is not active.”"));
  /* The keys are fine: nothing to reconnect; Retry for once it is active. */
  g_assert_false (button_shown (fixture, "win.reconnect"));
  g_assert_true (button_shown (fixture, "win.retry"));

  /* Asked once, and not again by itself. */
  g_assert_cmpuint (fixture->n_served, ==, 1);
  rolo_test_iterate_for (QUIET_MS);
  g_assert_cmpuint (fixture->n_served, ==, 1);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "error");
}

static gboolean
served_again (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->n_served >= 2;
}

static void
test_server_error (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const char *description;

  fixture_connect_failing (fixture, SOUP_STATUS_INTERNAL_SERVER_ERROR);
  wait_settled (fixture);

  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "error");
  g_assert_cmpstr (rolo_window_get_status_title (fixture->window), ==, "Server Error");
  description = rolo_window_get_status_description (fixture->window);
  g_test_message ("500: %s", description);
  /* Markup: the apostrophe comes escaped. */
  g_assert_nonnull (strstr (description, "The problem is on the server"));
  g_assert_nonnull (strstr (description, "HTTP 500"));
  g_assert_true (button_shown (fixture, "win.retry"));
  g_assert_true (gtk_widget_is_sensitive (window_button (fixture, "win.retry")));
  g_assert_false (button_shown (fixture, "win.reconnect"));
  rolo_test_iterate_for (QUIET_MS);
  g_assert_cmpuint (fixture->n_served, ==, 1);

  /* Retry (a button press, which clicks once it has shown) asks once more;
   * the same answer brings the page back. */
  gtk_widget_activate (window_button (fixture, "win.retry"));
  rolo_test_wait_until (served_again, fixture, TIMEOUT_MS);
  wait_settled (fixture);
  g_assert_cmpuint (fixture->n_served, ==, 2);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "error");
  g_assert_cmpstr (rolo_window_get_status_title (fixture->window), ==, "Server Error");
  rolo_test_iterate_for (QUIET_MS);
  g_assert_cmpuint (fixture->n_served, ==, 2);
}

static void
test_transient_failure (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GPtrArray) toasts = g_ptr_array_new ();

  fixture_connect (fixture, 300, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);

  /* Rows on screen: a failure is a toast, and the rows stay. */
  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.refresh", NULL));
  rolo_test_wait_until (toast_shown, fixture, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "browse");
  g_assert_cmpstr (rolo_window_get_count_text (fixture->window), ==, "300 contacts");

  /* Another failure replaces it: one toast at a time. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.refresh", NULL));
  rolo_test_iterate_for (600);
  rolo_test_collect_widgets (GTK_WIDGET (fixture->window), is_label_starting,
                             "Some contacts could not be loaded", toasts);
  g_assert_cmpuint (toasts->len, ==, 1);
}

static gboolean
has_cell_with_class (Fixture    *fixture,
                     const char *css_class)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  rolo_test_collect_widgets (GTK_WIDGET (fixture->window), is_name_cell, NULL, cells);
  for (guint i = 0; i < cells->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (cells, i), css_class))
      return TRUE;

  return FALSE;
}

static gboolean
loading_rows_shown (gpointer user_data)
{
  return has_cell_with_class (user_data, "loading");
}

static gboolean
failed_rows_shown (gpointer user_data)
{
  return has_cell_with_class (user_data, "failed");
}

static gboolean
no_loading_rows (gpointer user_data)
{
  return !has_cell_with_class (user_data, "loading");
}

static void
scroll_to (Fixture *fixture,
           double   fraction)
{
  GtkWidget *view = window_widget (fixture, "RoloContactView");
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (rolo_test_find_widget (view,
                                                                            rolo_test_is_type_named,
                                                                            "GtkScrolledWindow"));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * fraction);
}

static void
test_placeholders (Fixture       *fixture,
                   gconstpointer  user_data)
{
  fixture_connect (fixture, 2000, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);

  /* Rows whose page is on its way look like loading, then fill in place. */
  rolo_sandbox_set_latency (fixture->sandbox, 500);
  scroll_to (fixture, 0.5);
  rolo_test_wait_until (loading_rows_shown, fixture, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "browse");
  rolo_test_wait_until (no_loading_rows, fixture, TIMEOUT_MS);

  /* Rows whose page failed look failed. */
  rolo_sandbox_set_latency (fixture->sandbox, 0);
  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  scroll_to (fixture, 0.9);
  rolo_test_wait_until (failed_rows_shown, fixture, TIMEOUT_MS);
  g_assert_nonnull (rolo_test_find_widget (GTK_WIDGET (fixture->window), is_label_starting,
                                           "Could not load"));
}

static gboolean
no_failed_rows (gpointer user_data)
{
  return !has_cell_with_class (user_data, "failed") && !has_cell_with_class (user_data, "loading");
}

/* Offline while scrolling, then back: the rows that failed to load fill in
 * on their own, without Retry and without scrolling away and back. */
static void
test_failed_rows_come_back (Fixture       *fixture,
                            gconstpointer  user_data)
{
  fixture_connect (fixture, 2000, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);

  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  scroll_to (fixture, 0.6);
  rolo_test_wait_until (failed_rows_shown, fixture, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "browse");

  rolo_sandbox_set_fail_rate (fixture->sandbox, 0.0);
  rolo_test_wait_until (no_failed_rows, fixture, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "browse");
}

int
main (int   argc,
      char *argv[])
{
  rolo_test_browse_init (&argc, &argv);

  ADD ("/ui/browse/rows", test_rows);
  ADD ("/ui/browse/select-all", test_select_all);
  ADD ("/ui/browse/search", test_search);
  ADD ("/ui/browse/search/stale", test_search_stale);
  ADD ("/ui/browse/search/no-results", test_no_results);
  ADD ("/ui/browse/sort", test_sort);
  ADD ("/ui/browse/sort/direction", test_sort_direction);
  ADD ("/ui/browse/sort/restored", test_sort_restored);
  ADD ("/ui/browse/type-filter", test_type_filter);
  ADD ("/ui/browse/placeholders", test_placeholders);
  ADD ("/ui/browse/offline/rows-come-back", test_failed_rows_come_back);
  ADD ("/ui/browse/status/empty", test_empty);
  ADD ("/ui/browse/status/unreachable", test_unreachable);
  ADD ("/ui/browse/status/unauthorized", test_unauthorized);
  ADD ("/ui/browse/status/forbidden", test_forbidden);
  ADD ("/ui/browse/status/server-error", test_server_error);
  ADD ("/ui/browse/toast/transient-failure", test_transient_failure);

  return g_test_run ();
}
