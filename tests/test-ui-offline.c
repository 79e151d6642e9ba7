/* test-ui-offline.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window while the server is away: the banner, the rows kept, changes
 * held back (and an editor's input kept), and back by itself; a start with
 * the server away shows the pages kept on disk. */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-page-cache.h"
#include "rolo-test-browse.h"

#define N_CONTACTS 250
#define TYPED_NAME "Olga Offline"

static void
speed_up_retries (Fixture *fixture)
{
  rolo_contact_list_set_offline_backoff (window_contacts (fixture), 50, 400);
}

static gboolean
banner_shown (gpointer user_data)
{
  return rolo_window_get_offline_text (((Fixture *) user_data)->window) != NULL;
}

static gboolean
banner_gone (gpointer user_data)
{
  return !banner_shown (user_data);
}

/* Its words where the user sees them, once the strip has slid in. */
static gboolean
banner_on_screen (gpointer user_data)
{
  Fixture *fixture = user_data;

  return rolo_test_find_widget (GTK_WIDGET (fixture->window), is_label_starting,
                                "Offline since ") != NULL;
}

static gboolean
wake_up_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* The pages go to disk from a worker thread. */
static gboolean
page_kept (gpointer user_data)
{
  return rolo_page_cache_get_n_pages (rolo_page_cache_get_default ()) > 0;
}

static void
wait_page_kept (void)
{
  guint id = g_timeout_add (10, wake_up_cb, NULL);

  rolo_test_wait_until (page_kept, NULL, TIMEOUT_MS);
  g_source_remove (id);
}

static char *
dup_row_name (Fixture *fixture,
              guint    position)
{
  RoloContact *contact = row (fixture, position);

  g_assert_cmpint (rolo_contact_get_state (contact), ==, ROLO_CONTACT_STATE_READY);
  return g_strdup (rolo_contact_get_name (contact));
}

static RoloContactEditor *
find_editor (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ROLO_IS_CONTACT_EDITOR (window))
        return ROLO_CONTACT_EDITOR (window);
    }
  return NULL;
}

static GtkWidget *
editor_save_button (RoloContactEditor *editor)
{
  GtkWidget *button = rolo_test_find_widget (GTK_WIDGET (editor), rolo_test_is_button_for,
                                             "editor.save");

  g_assert_nonnull (button);
  return button;
}

static gboolean
save_enabled (gpointer user_data)
{
  return gtk_widget_is_sensitive (editor_save_button (user_data));
}

static const char *
editor_name (RoloContactEditor *editor)
{
  return gtk_editable_get_text (GTK_EDITABLE (rolo_contact_editor_get_field_widget (
                                                editor, ROLO_CONTACT_FIELD_NAME)));
}

static void
assert_changes_blocked (Fixture  *fixture,
                        gboolean  blocked)
{
  g_assert_true (gtk_widget_is_sensitive (window_button (fixture, "win.new-contact")) == !blocked);
  /* The header bar says why, to the pointer and to screen readers. */
  if (blocked)
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (window_button (fixture,
                                                                          "win.new-contact")),
                              "offline"));
}

/* Delete and New Contact, tried anyway (by their shortcuts, say), do
 * nothing: no row goes, no second editor opens. */
static void
try_changes (Fixture *fixture)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (window_column_view (fixture));
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_windows = g_list_model_get_n_items (toplevels);

  g_assert_true (gtk_selection_model_select_item (selection, 0, TRUE));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-selected", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-contact", NULL);
  rolo_test_iterate_for (100);

  g_assert_null (rolo_window_get_delete_toast (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window_contacts (fixture))), ==,
                    N_CONTACTS);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_windows);
}

/* The sandbox goes mid-session: the banner says since when, the rows stay,
 * changes wait, an editor keeps what was typed; it comes back by itself. */
static void
test_banner_and_back (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const char * const first_page[] = { "pageIndex=0", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *still = NULL;
  RoloContactEditor *editor;
  const char *text;
  guint16 port;

  fixture_connect (fixture, N_CONTACTS, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);
  speed_up_retries (fixture);
  first = dup_row_name (fixture, 0);
  g_assert_null (rolo_window_get_offline_text (fixture->window));
  assert_changes_blocked (fixture, FALSE);

  /* A new contact half typed. */
  activate (fixture, "win.new-contact");
  editor = find_editor (fixture);
  g_assert_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (rolo_contact_editor_get_field_widget (
                           editor, ROLO_CONTACT_FIELD_NAME)), TYPED_NAME);
  rolo_test_wait_until (save_enabled, editor, TIMEOUT_MS);

  /* The server goes; Refresh finds it gone. */
  port = rolo_sandbox_get_port (fixture->sandbox);
  rolo_sandbox_stop (fixture->sandbox);
  activate (fixture, "win.refresh");
  rolo_test_wait_until (banner_shown, fixture, TIMEOUT_MS);

  text = rolo_window_get_offline_text (fixture->window);
  g_assert_true (g_str_has_prefix (text, "Offline since "));
  g_assert_nonnull (strstr (text, "showing the contacts loaded before"));
  rolo_test_wait_until (banner_on_screen, fixture, TIMEOUT_MS);
  g_assert_true (gtk_widget_is_sensitive (window_button (fixture, "win.retry-now")));

  /* The rows stay, readable. */
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "browse");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window_contacts (fixture))), ==,
                    N_CONTACTS);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);
  still = dup_row_name (fixture, 0);
  g_assert_cmpstr (still, ==, first);

  /* Changes wait, and say why; what was typed stays. */
  assert_changes_blocked (fixture, TRUE);
  try_changes (fixture);
  g_assert_false (gtk_widget_is_sensitive (editor_save_button (editor)));
  g_assert_nonnull (strstr (rolo_contact_editor_get_save_hint (editor), "Offline"));
  g_assert_cmpstr (editor_name (editor), ==, TYPED_NAME);

  /* Back by itself, with a fresh first page. */
  g_ptr_array_set_size (fixture->requests, 0);
  rolo_sandbox_listen (fixture->sandbox, port, &error);
  g_assert_no_error (error);
  rolo_test_wait_until (banner_gone, fixture, TIMEOUT_MS);
  wait_request (fixture, first_page);
  wait_settled (fixture);
  assert_changes_blocked (fixture, FALSE);
  rolo_test_wait_until (save_enabled, editor, TIMEOUT_MS);
  g_assert_cmpstr (rolo_contact_editor_get_save_hint (editor), ==, "");
  g_assert_cmpstr (editor_name (editor), ==, TYPED_NAME);
  g_clear_pointer (&still, g_free);
  still = dup_row_name (fixture, 0);
  g_assert_cmpstr (still, ==, first);

  gtk_window_destroy (GTK_WINDOW (editor));
}

/* A start with the server away: the pages kept from before, with the
 * banner saying when they were fetched. */
static void
test_start_from_cache (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *first = NULL;
  g_autofree char *shown = NULL;
  const char *text;
  guint16 port;

  fixture_connect (fixture, N_CONTACTS, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);
  first = dup_row_name (fixture, 0);
  wait_page_kept ();

  /* As the next start would: the same account, the server away. */
  port = rolo_sandbox_get_port (fixture->sandbox);
  base_url = rolo_sandbox_dup_base_url (fixture->sandbox);
  rolo_sandbox_stop (fixture->sandbox);
  fixture_connect_to (fixture, base_url, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  speed_up_retries (fixture);
  rolo_test_wait_until (banner_shown, fixture, TIMEOUT_MS);

  text = rolo_window_get_offline_text (fixture->window);
  g_assert_true (g_str_has_prefix (text, "Offline since "));
  g_assert_nonnull (strstr (text, "showing contacts saved at "));
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "browse");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window_contacts (fixture))), ==,
                    N_CONTACTS);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);
  shown = dup_row_name (fixture, 0);
  g_assert_cmpstr (shown, ==, first);
  assert_changes_blocked (fixture, TRUE);

  /* The server back: the banner goes, the rows are the server's. */
  rolo_sandbox_listen (fixture->sandbox, port, &error);
  g_assert_no_error (error);
  rolo_test_wait_until (banner_gone, fixture, TIMEOUT_MS);
  wait_settled (fixture);
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "browse");
  assert_changes_blocked (fixture, FALSE);
  g_clear_pointer (&shown, g_free);
  shown = dup_row_name (fixture, 0);
  g_assert_cmpstr (shown, ==, first);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_home = NULL;
  g_autofree char *cache_dir = NULL;
  int status;

  /* A cache of our own, whatever runs the test. */
  cache_home = g_dir_make_tmp ("rolo-test-cache-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  rolo_test_browse_init (&argc, &argv);

  ADD ("/ui/offline/banner-and-back", test_banner_and_back);
  ADD ("/ui/offline/start-from-cache", test_start_from_cache);

  status = g_test_run ();
  rolo_page_cache_clear (rolo_page_cache_get_default ());
  cache_dir = g_build_filename (cache_home, "rolo", NULL);
  rolo_test_remove_tmp_dir (cache_dir);
  rolo_test_remove_tmp_dir (cache_home);
  return status;
}
