/* test-ui-messy.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window over a sandbox that answers as a sloppy PHP back-end does
 * (rolo_sandbox_set_messy()): the rows, and a contact opened, edited and
 * saved, as over a clean one. */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include "rolo-test-browse.h"

#define N_SEEDED 30

/* Connects the window to a messy sandbox: no answer can come before the
 * main context runs, so the very first one is already messy. */
static void
connect_messy (Fixture *fixture)
{
  fixture_connect (fixture, N_SEEDED, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  rolo_sandbox_set_messy (fixture->sandbox, TRUE);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);
}

/* The window's first page, as a clean answer has it. */
static RoloContactPage *
list_clean (Fixture *fixture)
{
  g_autoptr(RoloClient) client = rolo_test_client_new_for (fixture->sandbox);
  g_autoptr(GError) error = NULL;
  RoloContactPage *page;

  rolo_sandbox_set_messy (fixture->sandbox, FALSE);
  page = rolo_test_client_list (client, shown_query (fixture), 0, ROLO_CONTACT_LIST_PAGE_SIZE,
                                &error);
  rolo_sandbox_set_messy (fixture->sandbox, TRUE);
  g_assert_no_error (error);
  return page;
}

static RoloContact *
get_clean (Fixture *fixture,
           gint64   id)
{
  g_autoptr(RoloClient) client = rolo_test_client_new_for (fixture->sandbox);
  g_autoptr(GError) error = NULL;
  RoloContact *contact;

  rolo_sandbox_set_messy (fixture->sandbox, FALSE);
  contact = rolo_test_client_get (client, id, &error);
  rolo_sandbox_set_messy (fixture->sandbox, TRUE);
  g_assert_no_error (error);
  return contact;
}

static void
test_rows (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(RoloContactPage) clean = NULL;
  GListModel *clean_rows;

  connect_messy (fixture);

  /* "total_records": "30" is a count like 30. */
  g_assert_cmpstr (rolo_window_get_state (fixture->window), ==, "browse");
  g_assert_cmpstr (rolo_window_get_count_text (fixture->window), ==, "30 contacts");
  g_assert_cmpuint (n_first_rows (fixture), ==, N_SEEDED);

  clean = list_clean (fixture);
  clean_rows = rolo_contact_page_get_contacts (clean);
  g_assert_cmpuint (g_list_model_get_n_items (clean_rows), ==, N_SEEDED);
  for (guint i = 0; i < N_SEEDED; i++)
    {
      g_autoptr(RoloContact) expected = g_list_model_get_item (clean_rows, i);

      g_assert_cmpint (rolo_contact_get_state (row (fixture, i)), ==, ROLO_CONTACT_STATE_READY);
      g_assert_true (rolo_contact_equal (row (fixture, i), expected));
    }

  /* The first name is on screen, not only in the model. */
  g_assert_nonnull (rolo_test_find_widget (GTK_WIDGET (fixture->window), is_label_starting,
                                           rolo_contact_get_name (row (fixture, 0))));
}

static gboolean
editor_closed (gpointer user_data)
{
  return window_editor (user_data) == NULL;
}

typedef struct
{
  Fixture    *fixture;
  gint64      id;
  const char *name;
} RowWait;

/* The window's row of the contact id shows name. */
static gboolean
row_renamed (gpointer user_data)
{
  RowWait *wait = user_data;
  GListModel *contacts = rolo_window_get_contacts (wait->fixture->window);

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(RoloContact) contact = g_list_model_get_item (contacts, i);

      if (rolo_contact_get_id (contact) == wait->id)
        return g_strcmp0 (rolo_contact_get_name (contact), wait->name) == 0;
    }
  return FALSE;
}

/* A row with fields that came as null, so a spurious "" → null change
 * would show in what is sent. */
static guint
row_with_nulls (Fixture *fixture)
{
  for (guint i = 0; i < N_SEEDED; i++)
    {
      g_autoptr(RoloContact) contact = get_clean (fixture, rolo_contact_get_id (row (fixture, i)));

      if (rolo_contact_get_notes (contact)[0] == '\0' &&
          rolo_contact_get_tax_number (contact)[0] == '\0')
        return i;
    }

  g_assert_not_reached ();
}

static void
test_edit_and_save (Fixture       *fixture,
                    gconstpointer  user_data)
{
  /* The PUT bodies the sandbox received. */
  g_autoptr(GPtrArray) puts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RoloContact) stored = NULL;
  g_autofree char *new_name = NULL;
  RoloContactEditor *editor;
  RowWait wait;
  guint position;
  gint64 id;

  connect_messy (fixture);
  rolo_test_sandbox_keep_put_bodies (fixture->sandbox, puts);
  position = row_with_nulls (fixture);
  id = rolo_contact_get_id (row (fixture, position));
  new_name = g_strconcat (rolo_contact_get_name (row (fixture, position)), " Jr", NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-contact",
                                             "x", id));
  rolo_test_wait_until (editor_viewing, fixture, TIMEOUT_MS);
  editor = window_editor (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rolo_contact_editor_get_field_widget (
                     editor, ROLO_CONTACT_FIELD_EMAIL))), ==,
                   rolo_contact_get_email (row (fixture, position)));
  /* Read whole, the nulls and strings of the answer change nothing. */
  g_assert_false (rolo_contact_editor_get_dirty (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.edit", NULL));
  gtk_editable_set_text (GTK_EDITABLE (rolo_contact_editor_get_field_widget (
                           editor, ROLO_CONTACT_FIELD_NAME)), new_name);
  g_assert_true (rolo_contact_editor_get_dirty (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));

  /* Every sent field took, as the messy re-read shows: the dialog closes. */
  rolo_test_wait_until (editor_closed, fixture, TIMEOUT_MS);
  g_assert_cmpuint (puts->len, ==, 1);
  body = rolo_test_parse_object (g_ptr_array_index (puts, 0));
  g_assert_cmpuint (json_object_get_size (body), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (body, "cstname"), ==, new_name);

  wait = (RowWait) { fixture, id, new_name };
  rolo_test_wait_until (row_renamed, &wait, TIMEOUT_MS);
  stored = get_clean (fixture, id);
  g_assert_cmpstr (rolo_contact_get_name (stored), ==, new_name);

  g_signal_handlers_disconnect_by_data (fixture->sandbox, puts);
}

int
main (int   argc,
      char *argv[])
{
  rolo_test_browse_init (&argc, &argv);

  ADD ("/ui/messy/rows", test_rows);
  ADD ("/ui/messy/edit-and-save", test_edit_and_save);

  return g_test_run ();
}
