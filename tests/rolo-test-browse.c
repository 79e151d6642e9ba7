/* rolo-test-browse.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-test-browse.h"

static const char * const remembered_keys[] = {
  "columns", "sort-column", "sort-descending", "type-filter",
};

static void
reset_settings (GSettings *settings)
{
  for (guint i = 0; i < G_N_ELEMENTS (remembered_keys); i++)
    g_settings_reset (settings, remembered_keys[i]);
}

void
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

static gboolean
pointer_is_null (gpointer user_data)
{
  return *(gpointer *) user_data == NULL;
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);

  /* Nothing keeps a destroyed window alive once its idles have run. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  rolo_test_wait_until (pointer_is_null, &window, TIMEOUT_MS);
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

void
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

void
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

void
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

/* A label, or a table cell's text (a GtkInscription), shown and starting
 * with @prefix. */
gboolean
is_label_starting (GtkWidget  *widget,
                   const char *prefix)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_INSCRIPTION (widget))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  return text != NULL && gtk_widget_is_drawable (widget) && g_str_has_prefix (text, prefix);
}

/* A name cell on screen: mapped and laid out. */
gboolean
is_name_cell (GtkWidget  *widget,
              const char *unused)
{
  return ROLO_IS_CONTACT_CELL (widget) && gtk_widget_is_drawable (widget) &&
         gtk_widget_get_width (widget) > 0 &&
         rolo_contact_cell_get_field (ROLO_CONTACT_CELL (widget)) == ROLO_CONTACT_SORT_NAME;
}

GtkWidget *
window_widget (Fixture    *fixture,
               const char *type_name)
{
  GtkWidget *widget = rolo_test_find_widget (GTK_WIDGET (fixture->window), rolo_test_is_type_named,
                                             type_name);

  g_assert_nonnull (widget);
  return widget;
}

GtkColumnView *
window_column_view (Fixture *fixture)
{
  return GTK_COLUMN_VIEW (window_widget (fixture, "GtkColumnView"));
}

GtkColumnViewColumn *
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

GtkWidget *
window_button (Fixture    *fixture,
               const char *action_name)
{
  /* The one on screen, when another does the same out of sight (the
   * empty page's New Contact under the header bar's). */
  GtkWidget *button = rolo_test_find_widget (GTK_WIDGET (fixture->window),
                                             rolo_test_is_shown_button_for, action_name);

  if (button == NULL)
    button = rolo_test_find_widget (GTK_WIDGET (fixture->window), rolo_test_is_button_for,
                                    action_name);
  g_assert_nonnull (button);
  return button;
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

void
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
void
wait_request (Fixture            *fixture,
              const char * const *fragments)
{
  RequestMatch match = { fixture, fragments };

  rolo_test_wait_until (has_request, &match, TIMEOUT_MS);
}

gboolean
rows_shown (gpointer user_data)
{
  Fixture *fixture = user_data;
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(RoloContact) first = NULL;
  GListModel *contacts = rolo_window_get_contacts (fixture->window);
  GListModel *table = G_LIST_MODEL (gtk_column_view_get_model (window_column_view (fixture)));

  /* The table is given a new result set a screenful first and the rest in
   * steps (rolo-row-stager.c): shown is all of it, to scroll through. */
  GtkWidget *scrolled = rolo_test_find_widget (window_widget (fixture, "RoloContactView"),
                                               rolo_test_is_type_named, "GtkScrolledWindow");
  guint n_items = g_list_model_get_n_items (contacts);

  /* Laid out too: the scroll bar covers them all (a row is taller than 10). */
  if (n_items == 0 || g_list_model_get_n_items (table) != n_items || scrolled == NULL ||
      gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (
        GTK_SCROLLED_WINDOW (scrolled))) < n_items * 10.0)
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


/* --- reading the rows ------------------------------------------------------ */

RoloContactList *
window_contacts (Fixture *fixture)
{
  GListModel *contacts = rolo_window_get_contacts (fixture->window);

  g_assert_true (ROLO_IS_CONTACT_LIST (contacts));
  return ROLO_CONTACT_LIST (contacts);
}

RoloContact *
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

RoloContactEditor *
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

gboolean
editor_viewing (gpointer user_data)
{
  RoloContactEditor *editor = window_editor (user_data);

  return editor != NULL && g_str_equal (rolo_contact_editor_get_state (editor), "viewing");
}

/* The rows of the first page, which the first answer filled. */
guint
n_first_rows (Fixture *fixture)
{
  return MIN (g_list_model_get_n_items (G_LIST_MODEL (window_contacts (fixture))),
              ROLO_CONTACT_LIST_PAGE_SIZE);
}

RoloContactQuery *
shown_query (Fixture *fixture)
{
  return rolo_contact_list_get_query (window_contacts (fixture));
}

/* Rows in the server's order for a NOCASE collation, ties by id. */
void
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

gboolean
sort_answered (gpointer user_data)
{
  SortWait *wait = user_data;
  RoloContactQuery *query = shown_query (wait->fixture);

  return rolo_contact_query_get_sort_by (query) == wait->field &&
         rolo_contact_query_get_sort_descending (query) == wait->descending &&
         rolo_contact_list_get_loaded (window_contacts (wait->fixture));
}

void
activate (Fixture    *fixture,
          const char *action_name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action_name, NULL));
}

void
rolo_test_browse_init (int    *argc,
                       char ***argv)
{
  rolo_test_gtk_init (argc, argv);
}
