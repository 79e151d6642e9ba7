/* test-ui-fault-save.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Faults a save survives: the PUT or POST meets a broken network, server or
 * proxy (tests/rolo-test-fault-server.c) while every other request is
 * answered. The editor says what happened in words above the fields, keeps
 * exactly what the user typed, and Retry saves it once the fault is gone. */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-test-editor.h"
#include "rolo-test-fault-server.h"

#define NAME    "Omar Khalil"
#define EMAIL   "omar@example.org"
#define ADDRESS "12 Park Street"
#define NOTES   "Call after 5.\nNot on Fridays."

typedef struct
{
  Fixture              editor;
  RoloTestFaultServer *faults;
  RoloClient          *direct;   /* to the sandbox, past the faults */
} FaultFixture;

static void
fault_fixture_set_up (FaultFixture  *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *base_url = NULL;

  fixture_set_up (&fixture->editor, GUINT_TO_POINTER (0));
  fixture->faults = rolo_test_fault_server_new (fixture->editor.sandbox);
  /* The editor's client goes through the faults; the test's own does not. */
  fixture->direct = g_steal_pointer (&fixture->editor.client);
  base_url = rolo_test_fault_server_dup_base_url (fixture->faults);
  fixture->editor.client = rolo_test_client_new (base_url);
}

static void
fault_fixture_tear_down (FaultFixture  *fixture,
                         gconstpointer  user_data)
{
  close_editor (&fixture->editor);
  g_clear_pointer (&fixture->faults, rolo_test_fault_server_free);
  g_clear_object (&fixture->direct);
  fixture_tear_down (&fixture->editor, user_data);
}

/* The fields as the user left them, whatever came back. */
static void
assert_typed_kept (Fixture *fixture)
{
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, NAME);
  assert_field_text (fixture, ROLO_CONTACT_FIELD_EMAIL, EMAIL);
  assert_field_text (fixture, ROLO_CONTACT_FIELD_ADDRESS, ADDRESS);
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NOTES, NOTES);
  g_assert_true (rolo_contact_editor_get_dirty (fixture->editor));
  g_assert_true (can_save (fixture));
}

static void
assert_saved (FaultFixture *fixture,
              gint64        id)
{
  g_autoptr(RoloContact) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (fixture->editor.n_saved, ==, 1);
  g_assert_cmpstr (rolo_contact_get_email (fixture->editor.saved), ==, EMAIL);
  g_assert_cmpstr (rolo_contact_get_notes (fixture->editor.saved), ==, NOTES);
  back = rolo_test_client_get (fixture->direct, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rolo_contact_get_name (back), ==, NAME);
  g_assert_cmpstr (rolo_contact_get_email (back), ==, EMAIL);
  g_assert_cmpstr (rolo_contact_get_address (back), ==, ADDRESS);
  g_assert_cmpstr (rolo_contact_get_notes (back), ==, NOTES);
}

static void
type_changes (Fixture *fixture)
{
  type_text (fixture, ROLO_CONTACT_FIELD_EMAIL, EMAIL);
  type_text (fixture, ROLO_CONTACT_FIELD_ADDRESS, ADDRESS);
  type_text (fixture, ROLO_CONTACT_FIELD_NOTES, NOTES);
}

/* Saves, meets the fault, reads about it, keeps what was typed. */
static void
save_into_fault (FaultFixture            *fixture,
                 const RoloTestFaultCase *fault,
                 const char              *method,
                 const char              *path)
{
  Fixture *editor = &fixture->editor;
  g_autofree char *title = g_strdup_printf ("%s\n", fault->title);
  const char *message;

  type_changes (editor);

  rolo_test_fault_server_inject (fixture->faults, method, path, fault->fault);
  if (fault->timeout_s > 0)
    rolo_client_set_timeout (editor->client, fault->timeout_s);
  activate (editor, "editor.save");
  g_assert_cmpstr (rolo_contact_editor_get_state (editor->editor), ==, "saving");
  rolo_test_wait_until (editing, editor, TIMEOUT_MS);

  g_assert_cmpuint (rolo_test_fault_server_get_n_faults (fixture->faults), >=, 1);
  g_assert_cmpuint (editor->n_saved, ==, 0);
  message = rolo_contact_editor_get_message (editor->editor);
  g_test_message ("%s", message);
  g_assert_true (g_str_has_prefix (message, title));
  g_assert_nonnull (strstr (message, fault->description));
  g_assert_true (gtk_widget_get_visible (editor_button (editor, "editor.retry")));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->editor)));
  assert_typed_kept (editor);

  /* Nothing more happens by itself: a failed save waits for the user. */
  rolo_test_iterate_for (300);
  g_assert_cmpuint (editor->n_saved, ==, 0);
  assert_typed_kept (editor);

  rolo_test_fault_server_clear (fixture->faults);
  rolo_client_set_timeout (editor->client, 30);
}

static void
test_update (FaultFixture  *fixture,
             gconstpointer  user_data)
{
  Fixture *editor = &fixture->editor;
  gint64 id = create_on_server (editor, NAME, ROLO_CONTACT_TYPE_INDIVIDUAL);

  open_editor (editor, id);
  save_into_fault (fixture, user_data, "PUT", "/v1/contacts/");

  /* Once the fault is gone, Retry saves what was typed. */
  activate (editor, "editor.retry");
  rolo_test_wait_until (saved_once, editor, TIMEOUT_MS);
  g_assert_false (editor->created);
  assert_saved (fixture, id);
}

/* A server that answers a byte at a time, well within the timeout, is slow,
 * not broken: the save waits for it and succeeds. */
static void
test_slow_answer (FaultFixture  *fixture,
                  gconstpointer  user_data)
{
  Fixture *editor = &fixture->editor;
  gint64 id = create_on_server (editor, NAME, ROLO_CONTACT_TYPE_INDIVIDUAL);

  open_editor (editor, id);
  type_changes (editor);
  rolo_test_fault_server_inject (fixture->faults, "PUT", "/v1/contacts/", ROLO_TEST_FAULT_DRIP);
  activate (editor, "editor.save");

  rolo_test_iterate_for (1000);
  g_assert_cmpstr (rolo_contact_editor_get_state (editor->editor), ==, "saving");
  g_assert_cmpuint (editor->n_saved, ==, 0);
  g_assert_cmpstr (rolo_contact_editor_get_message (editor->editor), ==, "");

  rolo_test_wait_until (saved_once, editor, TIMEOUT_MS);
  g_assert_cmpuint (rolo_test_fault_server_get_n_faults (fixture->faults), ==, 1);
  assert_saved (fixture, id);
}

static gboolean
saved_or_found (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->n_saved > 0 || rolo_contact_editor_get_existing_id (fixture->editor) > 0;
}

/* A create whose answer was lost, late or unreadable may have created the
 * contact all the same: Retry looks for it first, and offers it. */
static void
test_create (FaultFixture  *fixture,
             gconstpointer  user_data)
{
  Fixture *editor = &fixture->editor;
  guint n_before = rolo_sandbox_count_contacts (editor->sandbox);
  gboolean created_anyway;

  open_editor (editor, 0);
  type_text (editor, ROLO_CONTACT_FIELD_NAME, NAME);
  save_into_fault (fixture, user_data, "POST", "/v1/contacts");
  created_anyway = rolo_sandbox_count_contacts (editor->sandbox) == n_before + 1;
  g_test_message ("The server %s the contact", created_anyway ? "created" : "did not create");

  activate (editor, "editor.retry");
  rolo_test_wait_until (saved_or_found, editor, TIMEOUT_MS);
  if (created_anyway)
    {
      g_assert_cmpuint (editor->n_saved, ==, 0);
      g_assert_nonnull (strstr (rolo_contact_editor_get_message (editor->editor),
                                "Open it rather than create a duplicate?"));
      assert_typed_kept (editor);
      activate (editor, "editor.open-existing");
      rolo_test_wait_until (saved_once, editor, TIMEOUT_MS);
      g_assert_cmpint (rolo_contact_get_id (editor->saved), ==,
                       rolo_contact_editor_get_existing_id (editor->editor));
    }
  g_assert_true (editor->created);
  /* One contact, not one per try. */
  g_assert_cmpuint (rolo_sandbox_count_contacts (editor->sandbox), ==, n_before + 1);
  assert_saved (fixture, rolo_contact_get_id (editor->saved));
}

static const RoloTestFaultCase save_faults[] = {
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
  { ROLO_TEST_FAULT_DEEP, 0, "Unexpected Answer", "It is nested too deeply." },
  { ROLO_TEST_FAULT_WEB_PAGE, 0, "Unexpected Answer", "not of its web app" },
};

static const char * const save_names[] = {
  "reset", "hang", "500", "502", "429", "truncated", "malformed", "drip", "huge", "deep",
  "web-page",
};

G_STATIC_ASSERT (G_N_ELEMENTS (save_faults) == G_N_ELEMENTS (save_names));

#define ADD_FAULT(path, data, func) \
  g_test_add (path, FaultFixture, data, fault_fixture_set_up, func, fault_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  rolo_test_editor_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (save_faults); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/fault/save/%s", save_names[i]);

      ADD_FAULT (path, &save_faults[i], test_update);
    }
  ADD_FAULT ("/ui/fault/save/slow-answer", NULL, test_slow_answer);
  for (guint i = 0; i < G_N_ELEMENTS (save_faults); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/fault/create/%s", save_names[i]);

      ADD_FAULT (path, &save_faults[i], test_create);
    }

  return g_test_run ();
}
