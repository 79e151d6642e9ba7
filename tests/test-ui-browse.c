/* test-ui-browse.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rolo-application.h"
#include "rolo-column-sorter.h"
#include "rolo-contact-cell.h"
#include "rolo-contact-editor.h"
#include "rolo-contact-list.h"
#include "rolo-contact-view.h"
#include "rolo-export-dialog.h"
#include "rolo-import-dialog.h"
#include "rolo-test-ui.h"
#include "rolo-test-utils.h"
#include "rolo-window.h"

#define TIMEOUT_MS 20000

/* The window drives the real widgets against an in-process sandbox and
 * watches what the sandbox is asked: every list request's path and query. */
typedef struct
{
  RoloApplication *app;
  RoloWindow      *window;
  RoloSandbox     *sandbox;
  GSettings       *settings;
  GPtrArray       *requests;
  SoupServer      *server;        /* answers every request with one failure */
  guint            server_status;
  guint            n_served;
  guint            n_deletes;     /* DELETE requests the sandbox saw */
} Fixture;

static const char * const remembered_keys[] = {
  "columns", "sort-column", "sort-descending", "type-filter",
};

static void
reset_settings (GSettings *settings)
{
  for (guint i = 0; i < G_N_ELEMENTS (remembered_keys); i++)
    g_settings_reset (settings, remembered_keys[i]);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->settings = g_settings_new (APPLICATION_ID);
  reset_settings (fixture->settings);
  fixture->requests = g_ptr_array_new_with_free_func (g_free);

  fixture->app = rolo_test_application_new ("Browse");
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (rolo_window_new (fixture->app));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->app);
  if (fixture->sandbox != NULL)
    g_signal_handlers_disconnect_by_data (fixture->sandbox, fixture);
  g_clear_object (&fixture->sandbox);
  if (fixture->server != NULL)
    soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->requests, g_ptr_array_unref);
  reset_settings (fixture->settings);
  g_clear_object (&fixture->settings);
}

static void
request_cb (RoloSandbox *sandbox,
            const char  *method,
            const char  *path_and_query,
            GBytes      *body,
            gpointer     user_data)
{
  Fixture *fixture = user_data;

  if (g_str_equal (method, "GET") && g_str_has_prefix (path_and_query, "/v1/contacts?"))
    g_ptr_array_add (fixture->requests, g_strdup (path_and_query));
  if (g_str_equal (method, "DELETE"))
    fixture->n_deletes++;
}

static void
fixture_connect_to (Fixture    *fixture,
                    const char *base_url,
                    const char *access_key,
                    const char *secret_key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloClient) client = rolo_client_new (base_url, access_key, secret_key, &error);

  g_assert_no_error (error);
  rolo_window_set_client (fixture->window, client);
}

static void
fixture_connect (Fixture    *fixture,
                 guint       n_contacts,
                 const char *access_key,
                 const char *secret_key)
{
  g_autofree char *base_url = NULL;

  fixture->sandbox = rolo_test_sandbox_new (n_contacts);
  g_signal_connect (fixture->sandbox, "request", G_CALLBACK (request_cb), fixture);
  base_url = rolo_sandbox_dup_base_url (fixture->sandbox);
  fixture_connect_to (fixture, base_url, access_key, secret_key);
}

/* Answers the sandbox cannot give (it has every add-on and never fails
 * this way): the status and envelope of a failure, for every request. */
static void
failing_server_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  Fixture *fixture = user_data;
  const char *body = fixture->server_status == SOUP_STATUS_FORBIDDEN
                     ? "{\"success\": false, \"message\": \"Contacts add-on is not active.\"}"
                     : "{\"success\": false, \"message\": \"Internal server error.\"}";

  fixture->n_served++;
  soup_server_message_set_status (msg, fixture->server_status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    body, strlen (body));
}

static void
fixture_connect_failing (Fixture *fixture,
                         guint    status)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *base_url = NULL;

  fixture->server_status = status;
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, failing_server_cb, fixture, NULL);
  /* On the thread-default main context, which the tests iterate. */
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fixture->server);
  base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  fixture_connect_to (fixture, base_url, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
}

/* --- finding the widgets a user would use --------------------------------- */

static gboolean
is_css_named (GtkWidget  *widget,
              const char *css_name)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_widget_get_css_name (widget), css_name);
}

static gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)),
                                              label) == 0;
}

static gboolean
is_label_starting (GtkWidget  *widget,
                   const char *prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* A name cell on screen: mapped and laid out. */
static gboolean
is_name_cell (GtkWidget  *widget,
              const char *unused)
{
  return ROLO_IS_CONTACT_CELL (widget) && gtk_widget_is_drawable (widget) &&
         gtk_widget_get_width (widget) > 0 &&
         rolo_contact_cell_get_field (ROLO_CONTACT_CELL (widget)) == ROLO_CONTACT_SORT_NAME;
}

static GtkWidget *
window_widget (Fixture    *fixture,
               const char *type_name)
{
  GtkWidget *widget = rolo_test_find_widget (GTK_WIDGET (fixture->window), rolo_test_is_type_named,
                                             type_name);

  g_assert_nonnull (widget);
  return widget;
}

static GtkColumnView *
window_column_view (Fixture *fixture)
{
  return GTK_COLUMN_VIEW (window_widget (fixture, "GtkColumnView"));
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_assert_not_reached ();
}

static GtkWidget *
window_button (Fixture    *fixture,
               const char *action_name)
{
  GtkWidget *button = rolo_test_find_widget (GTK_WIDGET (fixture->window), rolo_test_is_button_for,
                                             action_name);

  g_assert_nonnull (button);
  return button;
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

/* --- waiting --------------------------------------------------------------- */

static gboolean
window_settled (gpointer user_data)
{
  Fixture *fixture = user_data;
  const char *state = rolo_window_get_state (fixture->window);
  GListModel *contacts = rolo_window_get_contacts (fixture->window);

  if (g_str_equal (state, "welcome") || g_str_equal (state, "loading"))
    return FALSE;
  /* A new query keeps the last page up until it is answered. */
  return contacts == NULL || !rolo_contact_list_get_loading (ROLO_CONTACT_LIST (contacts));
}

static void
wait_settled (Fixture *fixture)
{
  rolo_test_wait_until (window_settled, fixture, TIMEOUT_MS);
}

typedef struct
{
  Fixture            *fixture;
  const char * const *fragments;
} RequestMatch;

static gboolean
request_matches (const char         *request,
                 const char * const *fragments)
{
  for (guint i = 0; fragments[i] != NULL; i++)
    if (strstr (request, fragments[i]) == NULL)
      return FALSE;

  return TRUE;
}

static gboolean
has_request (gpointer user_data)
{
  RequestMatch *match = user_data;

  for (guint i = 0; i < match->fixture->requests->len; i++)
    if (request_matches (g_ptr_array_index (match->fixture->requests, i), match->fragments))
      return TRUE;

  return FALSE;
}

/* Waits for a list request with every fragment in its query. */
static void
wait_request (Fixture            *fixture,
              const char * const *fragments)
{
  RequestMatch match = { fixture, fragments };

  rolo_test_wait_until (has_request, &match, TIMEOUT_MS);
}

static gboolean
rows_shown (gpointer user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(RoloContact) first = NULL;
  GListModel *contacts = rolo_window_get_contacts (fixture->window);

  if (g_list_model_get_n_items (contacts) == 0)
    return FALSE;
  first = g_list_model_get_item (contacts, 0);
  rolo_test_collect_widgets (GTK_WIDGET (fixture->window), is_name_cell, NULL, cells);

  for (guint i = 0; i < cells->len; i++)
    if (g_strcmp0 (rolo_contact_cell_get_text (g_ptr_array_index (cells, i)),
                   rolo_contact_get_name (first)) == 0 &&
        rolo_contact_get_state (first) == ROLO_CONTACT_STATE_READY)
      return TRUE;

  return FALSE;
}

static gboolean
toast_shown (gpointer user_data)
{
  Fixture *fixture = user_data;

  return rolo_test_find_widget (GTK_WIDGET (fixture->window), is_label_starting,
                                "Some contacts could not be loaded") != NULL;
}


/* --- reading the rows ------------------------------------------------------ */

static RoloContactList *
window_contacts (Fixture *fixture)
{
  GListModel *contacts = rolo_window_get_contacts (fixture->window);

  g_assert_true (ROLO_IS_CONTACT_LIST (contacts));
  return ROLO_CONTACT_LIST (contacts);
}

static RoloContact *
row (Fixture *fixture,
     guint    position)
{
  GListModel *contacts = G_LIST_MODEL (window_contacts (fixture));
  RoloContact *contact = g_list_model_get_item (contacts, position);

  g_assert_nonnull (contact);
  /* Borrowed: the list holds its rows while the page is cached. */
  g_object_unref (contact);
  return contact;
}

/* The rows of the first page, which the first answer filled. */
static guint
n_first_rows (Fixture *fixture)
{
  return MIN (g_list_model_get_n_items (G_LIST_MODEL (window_contacts (fixture))),
              ROLO_CONTACT_LIST_PAGE_SIZE);
}

static RoloContactQuery *
shown_query (Fixture *fixture)
{
  return rolo_contact_list_get_query (window_contacts (fixture));
}

typedef const char * (*ContactText) (RoloContact *contact);

/* Rows in the server's order for a NOCASE collation, ties by id. */
static void
assert_rows_ordered (Fixture     *fixture,
                     ContactText  text,
                     gboolean     descending)
{
  for (guint i = 1; i < n_first_rows (fixture); i++)
    {
      int cmp = g_ascii_strcasecmp (text (row (fixture, i - 1)), text (row (fixture, i)));

      g_assert_cmpint (rolo_contact_get_state (row (fixture, i)), ==,
                       ROLO_CONTACT_STATE_READY);
      if (descending)
        g_assert_cmpint (cmp, >=, 0);
      else
        g_assert_cmpint (cmp, <=, 0);
    }
}

/* --- tests ----------------------------------------------------------------- */

static void
test_rows (Fixture       *fixture,
           gconstpointer  user_data)
{
  const char * const default_sort[] = { "pageIndex=0", "sortBy=cstname", "sortOrder=asc", NULL };
  GtkWidget *type_cell;

  fixture_connect (fixture, 1000, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);

  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "browse");
  g_assert_cmpstr (rolo_window_get_count_text (fixture->window), ==, "1000 contacts");
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

  /* Ctrl+A is the list's own select-all. */
  selection = gtk_column_view_get_model (window_column_view (fixture));
  g_assert_true (GTK_IS_MULTI_SELECTION (selection));
  list = rolo_test_find_widget (GTK_WIDGET (window_column_view (fixture)), rolo_test_is_type_named,
                                "GtkListView");
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_activate_action (list, "list.select-all", NULL));
  selected = gtk_selection_model_get_selection (selection);
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

typedef struct
{
  Fixture              *fixture;
  RoloContactSortField  field;
  gboolean              descending;
} SortWait;

static gboolean
sort_answered (gpointer user_data)
{
  SortWait *wait = user_data;
  RoloContactQuery *query = shown_query (wait->fixture);

  return rolo_contact_query_get_sort_by (query) == wait->field &&
         rolo_contact_query_get_sort_descending (query) == wait->descending &&
         rolo_contact_list_get_loaded (window_contacts (wait->fixture));
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

static gboolean
record_open (RoloWindow *window,
             gint64      id,
             gpointer    user_data)
{
  *(gint64 *) user_data = id;
  return TRUE;
}

static void
test_open_contact (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gint64 opened = 0;

  fixture_connect (fixture, 30, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  g_signal_connect (fixture->window, "open-contact", G_CALLBACK (record_open), &opened);

  /* Double-click or Enter on a row. */
  g_signal_emit_by_name (window_column_view (fixture), "activate", 4);
  g_assert_cmpint (opened, ==, rolo_contact_get_id (row (fixture, 4)));

  g_signal_handlers_disconnect_by_data (fixture->window, &opened);
}

static gboolean
context_menu_shown (gpointer user_data)
{
  Fixture *fixture = user_data;
  GtkWidget *menu = rolo_test_find_widget (window_widget (fixture, "RoloContactView"),
                                           rolo_test_is_type_named,
                                           "GtkPopoverMenu");

  return menu != NULL && gtk_widget_get_visible (menu);
}

static void
test_context_menu (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GListModel) controllers = NULL;
  RoloContactCell *cell = NULL;
  GtkWidget *view = window_widget (fixture, "RoloContactView");
  GtkPopoverMenu *menu;
  GMenuModel *model;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GMenuModel) section = NULL;
  graphene_point_t point;

  fixture_connect (fixture, 30, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);

  rolo_test_collect_widgets (view, is_name_cell, NULL, cells);
  for (guint i = 0; i < cells->len && cell == NULL; i++)
    if (rolo_contact_cell_get_position (g_ptr_array_index (cells, i)) == 2)
      cell = g_ptr_array_index (cells, i);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (cell), view,
                                           &GRAPHENE_POINT_INIT (4, 4), &point));

  /* A right click on the third row. */
  controllers = gtk_widget_observe_controllers (view);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == 3)
        g_signal_emit_by_name (controller, "pressed", 1, (double) point.x, (double) point.y);
    }
  rolo_test_wait_until (context_menu_shown, fixture, TIMEOUT_MS);

  /* It selects the row and opens it by id. */
  g_assert_true (gtk_selection_model_is_selected (
                   gtk_column_view_get_model (window_column_view (fixture)), 2));
  menu = GTK_POPOVER_MENU (rolo_test_find_widget (view, rolo_test_is_type_named, "GtkPopoverMenu"));
  model = gtk_popover_menu_get_menu_model (menu);
  section = g_menu_model_get_item_link (model, 0, G_MENU_LINK_SECTION);
  target = g_menu_model_get_item_attribute_value (section, 0, G_MENU_ATTRIBUTE_TARGET,
                                                  G_VARIANT_TYPE_INT64);
  g_assert_nonnull (target);
  g_assert_cmpint (g_variant_get_int64 (target), ==, rolo_contact_get_id (row (fixture, 2)));

  /* Its Delete deletes the selection, which holds the row. */
  {
    g_autoptr(GMenuModel) edit = g_menu_model_get_item_link (model, 2, G_MENU_LINK_SECTION);
    g_autofree char *action = NULL;

    g_assert_true (g_menu_model_get_item_attribute (edit, 0, G_MENU_ATTRIBUTE_ACTION, "s",
                                                    &action));
    g_assert_cmpstr (action, ==, "win.delete-selected");
  }
  /* The key it shows is the Delete key, not the keypad's ("KP Delete"). */
  {
    g_autoptr(GPtrArray) accels = g_ptr_array_new ();
    gboolean shows_delete = FALSE;

    rolo_test_collect_widgets (GTK_WIDGET (menu), is_css_named, "accelerator", accels);
    for (guint i = 0; i < accels->len; i++)
      {
        const char *text = gtk_label_get_label (g_ptr_array_index (accels, i));

        g_test_message ("menu shows key %s", text);
        g_assert_null (strstr (text, "KP"));
        shows_delete |= g_str_equal (text, "Delete");
      }
    g_assert_true (shows_delete);
  }
  gtk_popover_popdown (GTK_POPOVER (menu));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.delete-selected", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window_contacts (fixture))), ==, 29);
}

/* One of our buttons that shows an icon and no words, where it shows (the
 * window controls are GTK's). */
static gboolean
is_icon_button (GtkWidget  *widget,
                const char *unused)
{
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) != NULL)
    return FALSE;

  return (GTK_IS_MENU_BUTTON (widget) ||
          (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL &&
           !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))) &&
         gtk_widget_is_drawable (widget);
}

/* What Tab reaches: a button's words, "search", "menu", "row" or the type. */
static const char *
focus_name (GtkWidget *focus)
{
  if (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL)
    return "search";
  if (gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON) != NULL)
    return "menu";
  if (gtk_widget_get_ancestor (focus, GTK_TYPE_COLUMN_VIEW) != NULL)
    return gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW) != NULL ? "row" : "header";
  if (GTK_IS_BUTTON (focus) && gtk_button_get_label (GTK_BUTTON (focus)) != NULL)
    return gtk_button_get_label (GTK_BUTTON (focus));
  return G_OBJECT_TYPE_NAME (focus);
}

static gboolean
is_primary_menu (GtkWidget  *widget,
                 const char *data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static gboolean
menu_has_submenu (GMenuModel *menu,
                  const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *item_label = NULL;

      if (section != NULL && menu_has_submenu (section, label))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_str_equal (item_label, label))
        return TRUE;
    }

  return FALSE;
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  const char * const by_email[] = { "sortBy=cstemail", "sortOrder=desc", NULL };
  SortWait email_desc = { fixture, ROLO_CONTACT_SORT_EMAIL, TRUE };
  g_autoptr(GPtrArray) icon_buttons = g_ptr_array_new ();
  g_autoptr(GString) reached = g_string_new ("|");
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *menu_button;
  GtkWidget *row = NULL;

  fixture_connect (fixture, 30, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);

  /* A button without words says what it does. */
  rolo_test_collect_widgets (window, is_icon_button, NULL, icon_buttons);
  g_assert_cmpuint (icon_buttons->len, >=, 2);
  for (guint i = 0; i < icon_buttons->len; i++)
    g_assert_nonnull (gtk_widget_get_tooltip_text (g_ptr_array_index (icon_buttons, i)));

  /* Tab reaches every control of the header bar, then the rows (once the
   * loading page has faded out). */
  rolo_test_iterate_for (400);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  for (guint i = 0; i < 14 && row == NULL; i++)
    {
      GtkWidget *focus;

      g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      g_string_append_printf (reached, "%s|", focus_name (focus));

      if (row == NULL && g_str_equal (focus_name (focus), "row"))
        row = focus;
    }
  g_test_message ("Tab: %s", reached->str);
  for (guint i = 0; i < 6; i++)
    {
      const char *stop = (const char *[]) { "|All|", "|Individuals|", "|Businesses|",
                                            "|search|", "|menu|", "|header|" }[i];

      g_assert_nonnull (strstr (reached->str, stop));
    }
  g_assert_nonnull (row);
  /* No stop that does nothing on the way. */
  g_assert_null (strstr (reached->str, "ScrolledWindow"));

  /* Shift+F10 (or Menu) on the focused row opens its menu. */
  g_assert_true (gtk_widget_activate_action (row, "view.popup-menu", NULL));
  rolo_test_wait_until (context_menu_shown, fixture, TIMEOUT_MS);
  gtk_popover_popdown (GTK_POPOVER (rolo_test_find_widget (window_widget (fixture,
                                                                          "RoloContactView"),
                                                           rolo_test_is_type_named,
                                                           "GtkPopoverMenu")));

  /* The main menu (F10) sorts too. */
  menu_button = rolo_test_find_widget (GTK_WIDGET (fixture->window), is_primary_menu, NULL);
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (menu_button)));
  g_assert_true (menu_has_submenu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                                   "_Sort By"));
  g_assert_true (gtk_widget_activate_action (window, "sort.field", "s", "email"));
  g_assert_true (gtk_widget_activate_action (window, "sort.descending", NULL));
  wait_request (fixture, by_email);
  rolo_test_wait_until (sort_answered, &email_desc, TIMEOUT_MS);
  assert_rows_ordered (fixture, rolo_contact_get_email, TRUE);
}

/* The capture-phase key controller Rolo puts on the list. */
static gboolean
press_key_on (GtkWidget *widget,
              guint      keyval,
              GdkModifierType state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      if (handled)
        break;
    }
  return handled;
}

/* Tab and Shift+Tab leave a 1,000-row list at once, from any row; the
 * arrows stay for moving from row to row. */
static void
test_tab_leaves_list (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *view = GTK_WIDGET (window_column_view (fixture));
  GtkWidget *focus;

  fixture_connect (fixture, 1000, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);

  /* On the third row, down the list. */
  g_assert_true (rolo_contact_view_focus_row (ROLO_CONTACT_VIEW (window_widget (fixture,
                                                                   "RoloContactView")), 2));
  g_assert_cmpstr (focus_name (gtk_root_get_focus (GTK_ROOT (window))), ==, "row");
  g_assert_true (press_key_on (view, GDK_KEY_Tab, 0));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, view));

  /* Back: Shift+Tab from a row goes to the headers, not the row above. */
  g_assert_true (rolo_contact_view_focus_row (ROLO_CONTACT_VIEW (window_widget (fixture,
                                                                   "RoloContactView")), 2));
  g_assert_true (press_key_on (view, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_cmpstr (focus_name (focus), ==, "header");

  /* Arrows are the list's own. */
  g_assert_true (rolo_contact_view_focus_row (ROLO_CONTACT_VIEW (window_widget (fixture,
                                                                   "RoloContactView")), 2));
  g_assert_false (press_key_on (view, GDK_KEY_Down, 0));
}

static GtkWidget *
column_header (Fixture    *fixture,
               const char *title)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *view = GTK_WIDGET (window_column_view (fixture));

  rolo_test_collect_widgets (view, rolo_test_is_type_named, "GtkLabel", labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (g_str_equal (gtk_label_get_label (GTK_LABEL (label)), title) &&
          gtk_widget_get_ancestor (label, GTK_TYPE_LIST_VIEW) == NULL)
        return gtk_widget_get_parent (gtk_widget_get_parent (label));
    }
  return NULL;
}

/* What Enter does on a focused widget: its shortcut for Return. */
static void
press_return (GtkWidget *widget)
{
  g_assert_true (rolo_test_press_shortcut (widget, GDK_KEY_Return, 0));
}

/* Column headers are stops of their own, named, saying how the list is
 * sorted, and Enter sorts as a click does. */
static void
test_column_headers (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const char * const email_asc[] = { "sortBy=cstemail", "sortOrder=asc", NULL };
  const char * const email_desc[] = { "sortBy=cstemail", "sortOrder=desc", NULL };
  SortWait by_email_asc = { fixture, ROLO_CONTACT_SORT_EMAIL, FALSE };
  SortWait by_email_desc = { fixture, ROLO_CONTACT_SORT_EMAIL, TRUE };
  GtkWidget *name, *email;

  fixture_connect (fixture, 60, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);

  name = column_header (fixture, "Name");
  email = column_header (fixture, "Email");
  g_assert_nonnull (name);
  g_assert_nonnull (email);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (email)), ==,
                   GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
  g_assert_true (gtk_widget_get_focusable (email));
  gtk_test_accessible_assert_property (email, GTK_ACCESSIBLE_PROPERTY_LABEL, "Email");
  gtk_test_accessible_assert_property (name, GTK_ACCESSIBLE_PROPERTY_SORT,
                                       GTK_ACCESSIBLE_SORT_ASCENDING);
  gtk_test_accessible_assert_property (email, GTK_ACCESSIBLE_PROPERTY_SORT,
                                       GTK_ACCESSIBLE_SORT_NONE);

  g_assert_true (gtk_widget_grab_focus (email));
  press_return (email);
  wait_request (fixture, email_asc);
  rolo_test_wait_until (sort_answered, &by_email_asc, TIMEOUT_MS);
  assert_rows_ordered (fixture, rolo_contact_get_email, FALSE);
  gtk_test_accessible_assert_property (email, GTK_ACCESSIBLE_PROPERTY_SORT,
                                       GTK_ACCESSIBLE_SORT_ASCENDING);
  gtk_test_accessible_assert_property (name, GTK_ACCESSIBLE_PROPERTY_SORT,
                                       GTK_ACCESSIBLE_SORT_NONE);

  /* Again: the other way round. */
  press_return (email);
  wait_request (fixture, email_desc);
  rolo_test_wait_until (sort_answered, &by_email_desc, TIMEOUT_MS);
  assert_rows_ordered (fixture, rolo_contact_get_email, TRUE);
  gtk_test_accessible_assert_property (email, GTK_ACCESSIBLE_PROPERTY_SORT,
                                       GTK_ACCESSIBLE_SORT_DESCENDING);
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

/* width G_MININT: any. */
static void
assert_column_setting (GVariant   *columns,
                       const char *id,
                       gboolean    visible,
                       int         width)
{
  GVariantIter iter;
  const char *column_id;
  gboolean column_visible;
  int column_width;

  g_variant_iter_init (&iter, columns);
  while (g_variant_iter_next (&iter, "(&sbi)", &column_id, &column_visible, &column_width))
    if (g_str_equal (column_id, id))
      {
        g_assert_cmpint (column_visible, ==, visible);
        if (width != G_MININT)
          g_assert_cmpint (column_width, ==, width);
        return;
      }

  g_assert_not_reached ();
}

static void
test_columns_remembered (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(RoloWindow) window = NULL;
  g_autoptr(GVariant) columns = NULL;
  GtkColumnView *view = window_column_view (fixture);
  GtkColumnView *other_view;

  /* The column chooser in the main menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "columns.email",
                                             NULL));
  g_assert_false (gtk_column_view_column_get_visible (column_titled (view, "Email")));
  gtk_column_view_column_set_fixed_width (column_titled (view, "Mobile"), 222);

  columns = g_settings_get_value (fixture->settings, "columns");
  assert_column_setting (columns, "email", FALSE, G_MININT);
  assert_column_setting (columns, "mobile", TRUE, 222);

  window = g_object_ref_sink (rolo_window_new (fixture->app));
  other_view = GTK_COLUMN_VIEW (rolo_test_find_widget (GTK_WIDGET (window), rolo_test_is_type_named,
                                                       "GtkColumnView"));
  g_assert_false (gtk_column_view_column_get_visible (column_titled (other_view, "Email")));
  g_assert_true (gtk_column_view_column_get_visible (column_titled (other_view, "Type")));
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_titled (other_view, "Mobile")),
                   ==, 222);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Where the last shown header ends, in the column view's coordinates. */
static double
headers_end (Fixture *fixture)
{
  GtkWidget *view = GTK_WIDGET (window_column_view (fixture));
  double end = 0;

  for (guint i = 0; i < 5; i++)
    {
      const char *title = (const char *[]) { "Name", "Type", "Email", "Mobile", "Created" }[i];
      GtkWidget *header = column_header (fixture, title);
      graphene_rect_t bounds;

      if (header != NULL && gtk_widget_get_mapped (header) &&
          gtk_widget_compute_bounds (header, view, &bounds))
        end = MAX (end, bounds.origin.x + bounds.size.width);
    }
  return end;
}

static int
header_width (Fixture    *fixture,
              const char *title)
{
  GtkWidget *header = column_header (fixture, title);

  return header != NULL && gtk_widget_get_mapped (header) ? gtk_widget_get_width (header) : 0;
}

/* A hidden column leaves no gap: the row is filled to the right edge, the
 * expanding columns (Name, Email) take what is over. GTK 4.8 counted the
 * hidden column's width and left a strip as wide as it. */
static void
test_columns_fill (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GVariant) columns = NULL;
  GtkWidget *view;

  g_settings_set_value (fixture->settings, "columns",
                        g_variant_new_parsed ("[('name', true, 220), ('type', false, 120), "
                                              "('email', true, 300), ('mobile', true, 130), "
                                              "('created', true, 110)]"));
  /* A window that reads the setting as it starts, as after a restart. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  fixture->window = g_object_ref_sink (rolo_window_new (fixture->app));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture_connect (fixture, 30, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);
  rolo_test_iterate_for (200);

  view = GTK_WIDGET (window_column_view (fixture));
  g_test_message ("view %d wide, headers end at %.0f, Email %d", gtk_widget_get_width (view),
                  headers_end (fixture), header_width (fixture, "Email"));
  g_assert_cmpint (header_width (fixture, "Type"), ==, 0);
  g_assert_cmpfloat (headers_end (fixture), >=, gtk_widget_get_width (view) - 20);
  g_assert_cmpint (header_width (fixture, "Email"), >, 300);

  /* Shown again, it comes back as wide as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "columns.type", NULL));
  rolo_test_iterate_for (200);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_titled (
                     window_column_view (fixture), "Type")), ==, 120);
  columns = g_settings_get_value (fixture->settings, "columns");
  assert_column_setting (columns, "type", TRUE, 120);
}

/* A narrow window drops Type and Created (the avatar shows the type), keeps
 * the user's choice of columns, and brings them back when it widens. */
typedef struct
{
  Fixture *fixture;
  int      width;
} WidthWait;

static gboolean
window_at_most (gpointer user_data)
{
  WidthWait *wait = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (wait->fixture->window));

  return width > 0 && width <= wait->width;
}

/* The columns follow the width on the next layout, which a slow machine
 * (or a sanitizer build) can take a while to reach. */
static gboolean
narrow_columns_hidden (gpointer user_data)
{
  Fixture *fixture = user_data;
  GtkColumnView *view = window_column_view (fixture);

  return !gtk_column_view_column_get_visible (column_titled (view, "Type")) &&
         !gtk_column_view_column_get_visible (column_titled (view, "Created"));
}

static gboolean
narrow_columns_shown (gpointer user_data)
{
  Fixture *fixture = user_data;
  GtkColumnView *view = window_column_view (fixture);

  return gtk_column_view_column_get_visible (column_titled (view, "Type")) &&
         gtk_column_view_column_get_visible (column_titled (view, "Created"));
}

static void
test_columns_narrow (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GVariant) before = NULL;
  g_autoptr(GVariant) after = NULL;
  GtkWidget *search;
  WidthWait width;

  fixture_connect (fixture, 30, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);
  before = g_settings_get_value (fixture->settings, "columns");

  /* As the user drags it narrower: first past the width where the header
   * bar folds up, then on down. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 700, 600);
  rolo_test_iterate_for (300);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 480, 600);
  width = (WidthWait) { fixture, 500 };
  rolo_test_wait_until (window_at_most, &width, TIMEOUT_MS);
  rolo_test_wait_until (narrow_columns_hidden, fixture, TIMEOUT_MS);
  rolo_test_iterate_for (100);
  {
    int min = 0;

    gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1, &min,
                        NULL, NULL, NULL);
    g_test_message ("window %d wide, at least %d", gtk_widget_get_width (GTK_WIDGET (fixture->window)), min);
  }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 500);
  g_assert_true (narrow_columns_hidden (fixture));
  g_assert_true (gtk_column_view_column_get_visible (column_titled (window_column_view (fixture),
                                                                   "Email")));
  /* Still what the user chose. */
  after = g_settings_get_value (fixture->settings, "columns");
  g_assert_true (g_variant_equal (before, after));
  /* And the search is wide enough to type in. */
  search = window_widget (fixture, "GtkSearchEntry");
  g_test_message ("search %d wide", gtk_widget_get_width (search));
  g_assert_cmpint (gtk_widget_get_width (search), >=, 150);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  rolo_test_wait_until (narrow_columns_shown, fixture, TIMEOUT_MS);
  g_assert_true (narrow_columns_shown (fixture));
}

/* --- deleting -------------------------------------------------------------- */

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (window_contacts (fixture)));
}

static gboolean
has_row (Fixture *fixture,
         gint64   id)
{
  for (guint i = 0; i < n_first_rows (fixture); i++)
    if (rolo_contact_get_id (row (fixture, i)) == id)
      return TRUE;

  return FALSE;
}

static void
select_rows (Fixture *fixture,
             guint    position,
             guint    n)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (window_column_view (fixture));

  g_assert_true (gtk_selection_model_select_range (selection, position, n, TRUE));
}

static void
activate (Fixture    *fixture,
          const char *action_name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action_name, NULL));
}

/* Deletes the row at @position from the window; returns its id. */
static gint64
delete_row (Fixture *fixture,
            guint    position)
{
  gint64 id = rolo_contact_get_id (row (fixture, position));

  select_rows (fixture, position, 1);
  activate (fixture, "win.delete-selected");
  return id;
}

static void
connect_rows (Fixture *fixture,
              guint    n_contacts)
{
  fixture_connect (fixture, n_contacts, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);
}

static void
assert_toast_title (Fixture    *fixture,
                    const char *title)
{
  AdwToast *toast = rolo_window_get_delete_toast (fixture->window);

  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, title);
}

static void
assert_gone_from_server (Fixture *fixture,
                         gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) contact = NULL;

  contact = rolo_test_client_get (rolo_window_get_client (fixture->window), id, &error);
  g_assert_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_NOT_FOUND);
  g_assert_null (contact);
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *title = NULL;
  guint n;
  gint64 id;

  connect_rows (fixture, 30);
  n = n_rows (fixture);

  title = g_markup_printf_escaped ("%s deleted", rolo_contact_get_name (row (fixture, 2)));
  id = delete_row (fixture, 2);

  /* Gone at once, and nothing sent. */
  g_assert_cmpuint (n_rows (fixture), ==, n - 1);
  g_assert_false (has_row (fixture, id));
  assert_toast_title (fixture, title);
  rolo_test_iterate_for (300);
  g_assert_cmpuint (fixture->n_deletes, ==, 0);

  activate (fixture, "win.undo-delete");
  g_assert_cmpuint (n_rows (fixture), ==, n);
  g_assert_cmpint (rolo_contact_get_id (row (fixture, 2)), ==, id);
  g_assert_null (rolo_window_get_delete_toast (fixture->window));
  rolo_test_iterate_for (300);
  g_assert_cmpuint (fixture->n_deletes, ==, 0);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 30);
}

/* The position of the row holding the keyboard focus, if a row does. */
static guint
focused_position (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *cell;

  if (focus == NULL)
    return GTK_INVALID_LIST_POSITION;
  cell = rolo_test_find_widget (focus, rolo_test_is_type_named, "RoloContactCell");
  return cell != NULL ? rolo_contact_cell_get_position (ROLO_CONTACT_CELL (cell))
                      : GTK_INVALID_LIST_POSITION;
}

/* Once the rows are in, the keyboard is on the list: the arrows, Enter and
 * Delete work without a click. */
static void
test_focus_at_start (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *focus;

  connect_rows (fixture, 30);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (window_column_view (fixture))));
}

/* Undo shows what came back: the row is selected, in view and focused, so
 * Delete or Enter act on it next. */
static void
test_delete_undo_reveals (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GtkSelectionModel *selection;
  g_autoptr(GtkBitset) selected = NULL;
  gint64 id;

  connect_rows (fixture, 30);
  selection = gtk_column_view_get_model (window_column_view (fixture));
  id = delete_row (fixture, 2);
  select_rows (fixture, 6, 1);

  activate (fixture, "win.undo-delete");
  g_assert_cmpint (rolo_contact_get_id (row (fixture, 2)), ==, id);
  selected = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  g_assert_true (gtk_selection_model_is_selected (selection, 2));
  rolo_test_iterate_for (300);
  g_assert_cmpuint (focused_position (fixture), ==, 2);
}

/* Deletes in a row share one toast, and one undo brings them all back. */
static void
test_delete_batch (Fixture       *fixture,
                   gconstpointer  user_data)
{
  AdwToast *toast;
  gint64 first, second;

  connect_rows (fixture, 30);
  first = delete_row (fixture, 2);
  toast = rolo_window_get_delete_toast (fixture->window);
  second = delete_row (fixture, 5);

  g_assert_true (rolo_window_get_delete_toast (fixture->window) == toast);
  assert_toast_title (fixture, "2 contacts deleted");
  g_assert_cmpuint (n_rows (fixture), ==, 28);

  activate (fixture, "win.undo-delete");
  g_assert_cmpuint (n_rows (fixture), ==, 30);
  g_assert_true (has_row (fixture, first));
  g_assert_true (has_row (fixture, second));
  g_assert_cmpuint (fixture->n_deletes, ==, 0);
}

/* Delete and Ctrl+Z in one breath: the toast goes while still sliding in,
 * which libadwaita 1.2 does not survive unless the window lets it settle. */
static void
test_delete_quick_undo (Fixture       *fixture,
                        gconstpointer  user_data)
{
  gint64 id;

  connect_rows (fixture, 30);
  id = delete_row (fixture, 2);
  activate (fixture, "win.undo-delete");
  g_assert_null (rolo_window_get_delete_toast (fixture->window));
  g_assert_true (has_row (fixture, id));

  id = delete_row (fixture, 3);
  activate (fixture, "win.undo-delete");
  rolo_test_iterate_for (1000);

  g_assert_true (has_row (fixture, id));
  g_assert_cmpuint (n_rows (fixture), ==, 30);
  g_assert_cmpuint (fixture->n_deletes, ==, 0);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 30);
}

static gboolean
deleted_on_server (gpointer user_data)
{
  Fixture *fixture = user_data;
  GListModel *contacts = rolo_window_get_contacts (fixture->window);

  return fixture->n_deletes == 1 && rolo_sandbox_count_contacts (fixture->sandbox) == 29 &&
         !rolo_contact_list_get_loading (ROLO_CONTACT_LIST (contacts));
}

static void
test_delete_commit (Fixture       *fixture,
                    gconstpointer  user_data)
{
  gint64 id;

  connect_rows (fixture, 30);
  id = delete_row (fixture, 2);
  g_assert_cmpuint (fixture->n_deletes, ==, 0);

  /* The user closes the toast once it is up (it slides in for 300 ms). */
  rolo_test_iterate_for (600);
  adw_toast_dismiss (rolo_window_get_delete_toast (fixture->window));
  rolo_test_wait_until (deleted_on_server, fixture, TIMEOUT_MS);
  rolo_test_iterate_for (300);

  g_assert_cmpuint (fixture->n_deletes, ==, 1);
  g_assert_cmpuint (n_rows (fixture), ==, 29);
  g_assert_false (has_row (fixture, id));
  assert_gone_from_server (fixture, id);
}

/* Left alone, the toast times out (10 s) and the delete goes to the server. */
static void
test_delete_timeout (Fixture       *fixture,
                     gconstpointer  user_data)
{
  gint64 id;

  connect_rows (fixture, 30);
  id = delete_row (fixture, 2);
  rolo_test_iterate_for (5000);
  /* Still undoable half-way. */
  g_assert_nonnull (rolo_window_get_delete_toast (fixture->window));
  g_assert_cmpuint (fixture->n_deletes, ==, 0);

  rolo_test_wait_until (deleted_on_server, fixture, TIMEOUT_MS);
  g_assert_null (rolo_window_get_delete_toast (fixture->window));
  g_assert_false (has_row (fixture, id));
  assert_gone_from_server (fixture, id);
}

typedef struct
{
  Fixture  *fixture;
  gboolean  destroyed;
  guint     n_deletes;   /* when the window went */
  guint     n_contacts;
} Closed;

static gboolean
is_toplevel (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == window)
        return TRUE;
    }

  return FALSE;
}

/* The fixture holds a reference: a destroyed window is no toplevel any more. */
static void
toplevels_changed_cb (Closed *closed)
{
  if (closed->destroyed || is_toplevel (GTK_WINDOW (closed->fixture->window)))
    return;

  closed->destroyed = TRUE;
  closed->n_deletes = closed->fixture->n_deletes;
  closed->n_contacts = rolo_sandbox_count_contacts (closed->fixture->sandbox);
}

/* The delete the user meant is sent before the window goes. */
static void
test_delete_on_close (Fixture       *fixture,
                      gconstpointer  user_data)
{
  Closed closed = { fixture, FALSE, 0, 0 };
  GListModel *toplevels = gtk_window_get_toplevels ();

  connect_rows (fixture, 30);
  delete_row (fixture, 2);
  g_signal_connect_swapped (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb),
                            &closed);

  gtk_window_close (GTK_WINDOW (fixture->window));
  rolo_test_wait_for_flag (&closed.destroyed, TIMEOUT_MS);
  g_signal_handlers_disconnect_by_data (toplevels, &closed);

  g_assert_cmpuint (closed.n_deletes, ==, 1);
  g_assert_cmpuint (closed.n_contacts, ==, 29);
  rolo_test_iterate_for (300);
  g_assert_cmpuint (fixture->n_deletes, ==, 1);
}

typedef struct
{
  Fixture    *fixture;
  const char *said;
} Refusal;

static gboolean
refusal_said (gpointer user_data)
{
  Refusal *refusal = user_data;

  return rolo_test_find_widget (GTK_WIDGET (refusal->fixture->window), is_label_starting,
                                refusal->said) != NULL &&
         n_rows (refusal->fixture) == 30;
}

/* A refused delete brings its row back, and says so. */
static void
test_delete_refused (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *name = NULL;
  g_autofree char *said = NULL;
  Refusal refusal = { fixture, NULL };
  gint64 id;

  connect_rows (fixture, 30);
  name = g_strdup (rolo_contact_get_name (row (fixture, 2)));
  refusal.said = said = g_strdup_printf ("%s was not deleted: ", name);
  id = delete_row (fixture, 2);
  g_assert_cmpuint (n_rows (fixture), ==, 29);

  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  adw_toast_dismiss (rolo_window_get_delete_toast (fixture->window));
  rolo_test_wait_until (refusal_said, &refusal, TIMEOUT_MS);

  g_assert_cmpuint (fixture->n_deletes, ==, 1);
  g_assert_cmpint (rolo_contact_get_id (row (fixture, 2)), ==, id);
  g_assert_cmpstr (rolo_contact_get_name (row (fixture, 2)), ==, name);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 30);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* More than 20 at once asks first; Cancel keeps every row. */
static void
test_delete_confirm (Fixture       *fixture,
                     gconstpointer  user_data)
{
  AdwMessageDialog *dialog;

  connect_rows (fixture, 30);
  select_rows (fixture, 0, 20);
  activate (fixture, "win.delete-selected");
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (n_rows (fixture), ==, 10);
  activate (fixture, "win.undo-delete");
  g_assert_cmpuint (n_rows (fixture), ==, 30);

  select_rows (fixture, 0, 25);
  activate (fixture, "win.delete-selected");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpuint (n_rows (fixture), ==, 30);
  adw_message_dialog_response (dialog, "cancel");
  g_assert_cmpuint (n_rows (fixture), ==, 30);
  g_assert_null (rolo_window_get_delete_toast (fixture->window));

  activate (fixture, "win.delete-selected");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  g_assert_cmpuint (n_rows (fixture), ==, 5);
  assert_toast_title (fixture, "25 contacts deleted");

  activate (fixture, "win.undo-delete");
  g_assert_cmpuint (n_rows (fixture), ==, 30);
  g_assert_cmpuint (fixture->n_deletes, ==, 0);
}

/* Quitting goes through the windows, which send their deletes first. */
static void
test_delete_on_quit (Fixture       *fixture,
                     gconstpointer  user_data)
{
  Closed closed = { fixture, FALSE, 0, 0 };
  GListModel *toplevels = gtk_window_get_toplevels ();

  connect_rows (fixture, 30);
  delete_row (fixture, 2);
  delete_row (fixture, 4);
  g_signal_connect_swapped (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb),
                            &closed);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  rolo_test_wait_for_flag (&closed.destroyed, TIMEOUT_MS);
  g_signal_handlers_disconnect_by_data (toplevels, &closed);

  g_assert_cmpuint (closed.n_deletes, ==, 2);
  g_assert_cmpuint (closed.n_contacts, ==, 28);
}

static gboolean
message_dialog_shown (gpointer user_data)
{
  return find_message_dialog () != NULL;
}

/* Deletes that cannot be sent keep the window open until the user says. */
static void
test_delete_on_close_refused (Fixture       *fixture,
                              gconstpointer  user_data)
{
  Closed closed = { fixture, FALSE, 0, 0 };
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog;

  connect_rows (fixture, 30);
  delete_row (fixture, 2);
  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  g_signal_connect_swapped (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb),
                            &closed);

  gtk_window_close (GTK_WINDOW (fixture->window));
  rolo_test_wait_until (message_dialog_shown, NULL, TIMEOUT_MS);
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "1 Delete Could Not Be Sent");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");

  /* Kept open: the row is back. */
  adw_message_dialog_response (dialog, "keep");
  rolo_test_iterate_for (100);
  g_assert_false (closed.destroyed);
  g_assert_cmpuint (n_rows (fixture), ==, 30);
  g_assert_cmpuint (fixture->n_deletes, ==, 1);

  /* Nothing is pending any more: the window closes at once. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  g_assert_true (closed.destroyed);
  g_signal_handlers_disconnect_by_data (toplevels, &closed);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 30);
}

/* The editor opened over the window, if any. */
static RoloContactEditor *
window_editor (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ROLO_IS_CONTACT_EDITOR (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (fixture->window))
        return ROLO_CONTACT_EDITOR (toplevel);
    }

  return NULL;
}

static gboolean
editor_loaded (gpointer user_data)
{
  RoloContactEditor *editor = window_editor (user_data);

  return editor != NULL && g_str_equal (rolo_contact_editor_get_state (editor), "viewing");
}

/* The editor's Delete button deletes as the Delete key does: the row goes
 * at once, the toast offers Undo, and Undo sends nothing. */
static void
test_delete_from_editor (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *title = NULL;
  RoloContactEditor *editor;
  GtkWidget *button;
  gint64 id;

  connect_rows (fixture, 30);
  id = rolo_contact_get_id (row (fixture, 2));
  title = g_markup_printf_escaped ("%s deleted", rolo_contact_get_name (row (fixture, 2)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-contact",
                                             "x", id));
  rolo_test_wait_until (editor_loaded, fixture, TIMEOUT_MS);
  editor = window_editor (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.edit", NULL));
  /* Unsaved changes do not stop it. */
  gtk_editable_set_text (GTK_EDITABLE (rolo_contact_editor_get_field_widget (
                           editor, ROLO_CONTACT_FIELD_NAME)),
                         "Renamed, then deleted");
  g_assert_true (rolo_contact_editor_get_dirty (editor));

  button = rolo_test_find_widget (GTK_WIDGET (editor), rolo_test_is_button_for, "editor.delete");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  g_signal_emit_by_name (button, "clicked");

  g_assert_null (window_editor (fixture));
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (n_rows (fixture), ==, 29);
  g_assert_false (has_row (fixture, id));
  assert_toast_title (fixture, title);
  rolo_test_iterate_for (600);
  g_assert_cmpuint (fixture->n_deletes, ==, 0);

  activate (fixture, "win.undo-delete");
  g_assert_cmpuint (n_rows (fixture), ==, 30);
  g_assert_cmpint (rolo_contact_get_id (row (fixture, 2)), ==, id);
  rolo_test_iterate_for (300);
  g_assert_cmpuint (fixture->n_deletes, ==, 0);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 30);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static gboolean
export_dialog_gone (gpointer user_data)
{
  return find_toplevel (ROLO_TYPE_EXPORT_DIALOG) == NULL;
}

/* Export… takes the selection when it is more than one row, else the view
 * (its search, filter and sort, every page). */
static void
test_export_scope (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *dir = g_dir_make_tmp ("rolo-browse-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "three.csv", NULL);
  g_autofree char *contents = NULL;
  GtkWindow *dialog;
  guint n_lines = 0;

  connect_rows (fixture, 30);
  select_rows (fixture, 4, 3);
  activate (fixture, "win.export");
  dialog = find_toplevel (ROLO_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.export-to", "s", path);
  rolo_test_wait_until (export_dialog_gone, NULL, TIMEOUT_MS);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  for (const char *p = contents; *p != '\0'; p++)
    n_lines += *p == '\n';
  g_assert_cmpuint (n_lines, ==, 4);
  g_assert_nonnull (strstr (contents, rolo_contact_get_name (row (fixture, 4))));
  g_assert_nonnull (strstr (contents, rolo_contact_get_name (row (fixture, 6))));
  g_clear_pointer (&contents, g_free);

  /* One row selected: the whole view. */
  select_rows (fixture, 1, 1);
  activate (fixture, "win.export");
  dialog = find_toplevel (ROLO_TYPE_EXPORT_DIALOG);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.export-to", "s", path);
  rolo_test_wait_until (export_dialog_gone, NULL, TIMEOUT_MS);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  n_lines = 0;
  for (const char *p = contents; *p != '\0'; p++)
    n_lines += *p == '\n';
  g_assert_cmpuint (n_lines, ==, 31);
  rolo_test_remove_tmp_dir (dir);
}

/* The import dialog the window opened, if one is up. */
static RoloImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ROLO_IS_IMPORT_DIALOG (window))
        return ROLO_IMPORT_DIALOG (window);
    }
  return NULL;
}

static gboolean
import_dialog_on (gpointer user_data)
{
  RoloImportDialog *dialog = find_import_dialog ();

  return dialog != NULL && g_strcmp0 (rolo_import_dialog_get_page (dialog), user_data) == 0;
}

static gboolean
import_dialog_gone (gpointer user_data)
{
  return find_import_dialog () == NULL;
}

static gboolean
import_undone (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->n_deletes == 3 && rolo_sandbox_count_contacts (fixture->sandbox) == 5;
}

/* Import… from the window, then the toast's Undo: exactly those go. */
static void
test_import_undo (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *dir = g_dir_make_tmp ("rolo-browse-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "new.csv", NULL);
  AdwToast *toast;

  connect_rows (fixture, 5);
  g_assert_true (g_file_set_contents (path,
                                      "cstname,cstemail\n"
                                      "Imported One,one@example.org\n"
                                      "Imported Two,two@example.org\n"
                                      "Imported Three,three@example.org\n", -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import-file", "s",
                                             path));
  rolo_test_wait_until (import_dialog_on, (gpointer) "mapping", TIMEOUT_MS);
  gtk_widget_activate_action (GTK_WIDGET (find_import_dialog ()), "import.check", NULL);
  rolo_test_wait_until (import_dialog_on, (gpointer) "report", TIMEOUT_MS);
  gtk_widget_activate_action (GTK_WIDGET (find_import_dialog ()), "import.import", NULL);
  rolo_test_wait_until (import_dialog_gone, NULL, TIMEOUT_MS);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, 8);

  activate (fixture, "win.undo-import");
  toast = rolo_window_get_delete_toast (fixture->window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "3 contacts deleted");
  rolo_test_iterate_for (600);
  adw_toast_dismiss (rolo_window_get_delete_toast (fixture->window));
  rolo_test_wait_until (import_undone, fixture, TIMEOUT_MS);
  /* The five that were there before stay. */
  g_assert_cmpuint (fixture->n_deletes, ==, 3);
  rolo_test_remove_tmp_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* The test backend keeps accessible names and states where tests can
   * read them, and talks to no bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/browse/rows", test_rows);
  ADD ("/ui/browse/select-all", test_select_all);
  ADD ("/ui/browse/search", test_search);
  ADD ("/ui/browse/search/stale", test_search_stale);
  ADD ("/ui/browse/search/no-results", test_no_results);
  ADD ("/ui/browse/sort", test_sort);
  ADD ("/ui/browse/sort/direction", test_sort_direction);
  ADD ("/ui/browse/sort/restored", test_sort_restored);
  ADD ("/ui/browse/type-filter", test_type_filter);
  ADD ("/ui/browse/columns/remembered", test_columns_remembered);
  ADD ("/ui/browse/columns/fill", test_columns_fill);
  ADD ("/ui/browse/columns/narrow", test_columns_narrow);
  ADD ("/ui/browse/open-contact", test_open_contact);
  ADD ("/ui/browse/context-menu", test_context_menu);
  ADD ("/ui/browse/keyboard", test_keyboard);
  ADD ("/ui/browse/keyboard/focus-at-start", test_focus_at_start);
  ADD ("/ui/browse/keyboard/tab-leaves-list", test_tab_leaves_list);
  ADD ("/ui/browse/keyboard/column-headers", test_column_headers);
  ADD ("/ui/browse/placeholders", test_placeholders);
  ADD ("/ui/browse/offline/rows-come-back", test_failed_rows_come_back);
  ADD ("/ui/browse/status/empty", test_empty);
  ADD ("/ui/browse/status/unreachable", test_unreachable);
  ADD ("/ui/browse/status/unauthorized", test_unauthorized);
  ADD ("/ui/browse/status/forbidden", test_forbidden);
  ADD ("/ui/browse/status/server-error", test_server_error);
  ADD ("/ui/browse/toast/transient-failure", test_transient_failure);
  ADD ("/ui/browse/delete/undo", test_delete_undo);
  ADD ("/ui/browse/import/undo", test_import_undo);
  ADD ("/ui/browse/export/scope", test_export_scope);
  ADD ("/ui/browse/delete/batch", test_delete_batch);
  ADD ("/ui/browse/delete/quick-undo", test_delete_quick_undo);
  ADD ("/ui/browse/delete/undo-reveals", test_delete_undo_reveals);
  ADD ("/ui/browse/delete/commit", test_delete_commit);
  ADD ("/ui/browse/delete/timeout", test_delete_timeout);
  ADD ("/ui/browse/delete/close", test_delete_on_close);
  ADD ("/ui/browse/delete/close-refused", test_delete_on_close_refused);
  ADD ("/ui/browse/delete/quit", test_delete_on_quit);
  ADD ("/ui/browse/delete/refused", test_delete_refused);
  ADD ("/ui/browse/delete/confirm", test_delete_confirm);
  ADD ("/ui/browse/delete/from-editor", test_delete_from_editor);

#undef ADD

  return g_test_run ();
}
