/* test-ui-editor-save.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Saving: only what changed, what the server did not apply, validation here
 * and there, failures and Retry, and the duplicate hint. */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-test-editor.h"

/* --- finding the widgets a user would use --------------------------------- */

/* The field or a part of it (the button inside a menu button, the text
 * inside an entry row) has the focus. */
static gboolean
has_focus (Fixture    *fixture,
           const char *api_field)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (fixture->editor));
  GtkWidget *widget = field (fixture, api_field);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_edit_email (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RoloContact) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = create_on_server (fixture, "Omar Khalil", ROLO_CONTACT_TYPE_INDIVIDUAL);
  Request *put;

  open_editor (fixture, id);
  type_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "omar@example.org");
  g_assert_true (can_save (fixture));
  activate (fixture, "editor.save");
  rolo_test_wait_until (saved_once, fixture, TIMEOUT_MS);
  g_assert_false (fixture->created);

  g_assert_cmpuint (count_requests (fixture, "PUT"), ==, 1);
  put = last_request (fixture, "PUT");
  bytes = g_bytes_new (put->body, strlen (put->body));
  body = rolo_test_parse_object (bytes);
  g_assert_cmpuint (json_object_get_size (body), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (body, "cstemail"), ==, "omar@example.org");

  back = rolo_test_client_get (fixture->client, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rolo_contact_get_email (back), ==, "omar@example.org");
  g_assert_cmpstr (rolo_contact_get_email (fixture->saved), ==, "omar@example.org");
}

static void
test_server_validation (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(RoloContact) original = NULL;
  g_autoptr(RoloContact) changed = NULL;
  g_autoptr(RoloContact) updated = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = create_on_server (fixture, "Nadia Farouk", ROLO_CONTACT_TYPE_INDIVIDUAL);
  gint64 business_id = create_on_server (fixture, "Aardvark Holdings",
                                         ROLO_CONTACT_TYPE_BUSINESS);
  const char *message;

  open_editor (fixture, id);
  type_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "nadia@example.com");
  open_parent_picker (fixture);
  choose_parent (fixture, business_id);
  g_assert_cmpint (rolo_contact_get_parent_id (rolo_contact_editor_get_contact (fixture->editor)),
                   ==, business_id);

  /* Meanwhile someone makes the business an individual: the client's rules
   * cannot know, the server's do. */
  original = rolo_test_client_get (fixture->client, business_id, &error);
  g_assert_no_error (error);
  changed = rolo_contact_copy (original);
  rolo_contact_set_contact_type (changed, ROLO_CONTACT_TYPE_INDIVIDUAL);
  updated = rolo_test_client_update (fixture->client, original, changed, NULL, &error);
  g_assert_no_error (error);

  activate (fixture, "editor.save");
  wait_settled (fixture);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  message = rolo_contact_editor_get_field_error (fixture->editor, ROLO_CONTACT_FIELD_PARENT);
  g_assert_nonnull (message);
  g_assert_cmpstr (message, !=, "");
  g_assert_null (rolo_contact_editor_get_field_error (fixture->editor, ROLO_CONTACT_FIELD_EMAIL));
  g_assert_true (has_focus (fixture, ROLO_CONTACT_FIELD_PARENT));
  /* Everything typed is still there. */
  assert_field_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "nadia@example.com");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, "Nadia Farouk");
  g_assert_true (rolo_contact_editor_get_dirty (fixture->editor));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  screenshot (fixture, "server-error");

  /* Clearing the parent clears its message, and the rest saves. */
  activate (fixture, "editor.clear-parent");
  g_assert_null (rolo_contact_editor_get_field_error (fixture->editor, ROLO_CONTACT_FIELD_PARENT));
  activate (fixture, "editor.save");
  rolo_test_wait_until (saved_once, fixture, TIMEOUT_MS);
  g_assert_cmpstr (rolo_contact_get_email (fixture->saved), ==, "nadia@example.com");
}

static void
test_failure_retry (Fixture       *fixture,
                    gconstpointer  user_data)
{
  guint n_contacts = rolo_sandbox_count_contacts (fixture->sandbox);

  open_editor (fixture, 0);
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");
  type_text (fixture, ROLO_CONTACT_FIELD_NOTES, "Call after 5.");

  rolo_sandbox_set_fail_rate (fixture->sandbox, 1.0);
  activate (fixture, "editor.save");
  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "saving");
  wait_settled (fixture);

  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_cmpstr (rolo_contact_editor_get_message (fixture->editor), !=, "");
  g_assert_true (gtk_widget_get_visible (editor_button (fixture, "editor.retry")));
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NOTES, "Call after 5.");
  g_assert_true (can_save (fixture));
  screenshot (fixture, "failure");

  rolo_sandbox_set_fail_rate (fixture->sandbox, 0.0);
  activate (fixture, "editor.retry");
  rolo_test_wait_until (saved_once, fixture, TIMEOUT_MS);
  g_assert_true (fixture->created);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, n_contacts + 1);
}

static void
test_timeout_duplicate (Fixture       *fixture,
                        gconstpointer  user_data)
{
  guint n_contacts = rolo_sandbox_count_contacts (fixture->sandbox);

  rolo_client_set_timeout (fixture->client, 1);
  open_editor (fixture, 0);
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");
  type_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "sarah.j@example.com");

  /* The server creates it, but the answer comes too late. */
  rolo_sandbox_set_latency (fixture->sandbox, 3000);
  activate (fixture, "editor.save");
  wait_settled (fixture);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, n_contacts + 1);

  rolo_sandbox_set_latency (fixture->sandbox, 0);
  activate (fixture, "editor.retry");
  wait_settled (fixture);
  g_assert_cmpint (rolo_contact_editor_get_existing_id (fixture->editor), >, 0);
  g_assert_true (gtk_widget_get_visible (editor_button (fixture, "editor.open-existing")));
  /* Looking created nothing. */
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, n_contacts + 1);

  activate (fixture, "editor.open-existing");
  wait_settled (fixture);
  g_assert_cmpint (rolo_contact_editor_get_id (fixture->editor), ==,
                   rolo_contact_editor_get_existing_id (fixture->editor));
  assert_field_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "sarah.j@example.com");
  g_assert_false (rolo_contact_editor_get_dirty (fixture->editor));
  g_assert_cmpuint (rolo_sandbox_count_contacts (fixture->sandbox), ==, n_contacts + 1);
}

static void
test_name_too_long (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GString) name = g_string_new (NULL);
  const char *message;

  for (guint i = 0; i < 101; i++)
    g_string_append (name, "ع");

  open_editor (fixture, 0);
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, name->str);
  message = rolo_contact_editor_get_field_error (fixture->editor, ROLO_CONTACT_FIELD_NAME);
  g_assert_nonnull (message);
  g_assert_false (can_save (fixture));
  g_assert_cmpstr (rolo_contact_editor_get_save_hint (fixture->editor), ==, message);
  screenshot (fixture, "field-error");

  /* One character less is fine. */
  g_string_truncate (name, strlen (name->str) - strlen ("ع"));
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, name->str);
  g_assert_null (rolo_contact_editor_get_field_error (fixture->editor, ROLO_CONTACT_FIELD_NAME));
  g_assert_true (can_save (fixture));
}

static void
test_errors_after_leaving (Fixture       *fixture,
                           gconstpointer  user_data)
{
  open_editor (fixture, 0);
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah");
  type_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "sarah@");
  /* Half typed is not wrong yet. */
  g_assert_null (rolo_contact_editor_get_field_error (fixture->editor, ROLO_CONTACT_FIELD_EMAIL));
  g_assert_false (can_save (fixture));

  leave_field (fixture, ROLO_CONTACT_FIELD_EMAIL);
  g_assert_nonnull (rolo_contact_editor_get_field_error (fixture->editor,
                                                         ROLO_CONTACT_FIELD_EMAIL));
  g_assert_true (gtk_widget_has_css_class (field (fixture, ROLO_CONTACT_FIELD_EMAIL), "error"));

  /* From then on it follows the typing. */
  type_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "sarah@example.com");
  g_assert_null (rolo_contact_editor_get_field_error (fixture->editor, ROLO_CONTACT_FIELD_EMAIL));
  g_assert_true (can_save (fixture));
}

/* A server of the test's own on loopback, answering with @callback; the
 * fixture's client talks to it instead of the sandbox. (transfer full) */
static SoupServer *
own_server_new (Fixture            *fixture,
                SoupServerCallback  callback,
                gpointer            user_data)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *base_url = NULL;

  soup_server_add_handler (server, NULL, callback, user_data, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_clear_object (&fixture->client);
  fixture->client = rolo_test_client_new (base_url);

  return server;
}

/* A server that answers every PUT with success and changes nothing, as a
 * real one may do with the fields its documentation leaves out. */
static void
ignoring_server_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  static const char contact[] =
    "{\"success\": true, \"data\": {\"cstid\": 1, \"cstname\": \"Omar Khalil\", "
    "\"contact_type\": 1, \"cstnotes\": \"\", \"cstemail\": \"omar@example.com\"}}";
  static const char updated[] =
    "{\"success\": true, \"message\": \"Contact updated successfully!\"}";
  const char *body = g_str_equal (soup_server_message_get_method (msg), "PUT") ? updated : contact;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    body, strlen (body));
}

static void
test_unapplied (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(SoupServer) server = own_server_new (fixture, ignoring_server_cb, NULL);

  open_editor (fixture, 1);
  type_text (fixture, ROLO_CONTACT_FIELD_NOTES, "Call after 5.");
  activate (fixture, "editor.save");
  rolo_test_wait_until (saved_once, fixture, TIMEOUT_MS);
  wait_settled (fixture);

  /* Saved as far as it went; the dialog stays and says what did not take,
   * with the typing still in its field. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  g_assert_nonnull (strstr (rolo_contact_editor_get_message (fixture->editor), "Notes"));
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NOTES, "Call after 5.");
  g_assert_true (rolo_contact_editor_get_dirty (fixture->editor));
  close_editor (fixture);
  soup_server_disconnect (server);
}

/* --- the duplicate hint --------------------------------------------------- */

static gboolean
duplicate_shown (gpointer user_data)
{
  Fixture *fixture = user_data;

  return rolo_contact_editor_get_duplicate_id (fixture->editor) != 0;
}

static gboolean
is_drawable_label_containing (GtkWidget  *widget,
                              const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
duplicate_drawn (gpointer user_data)
{
  Fixture *fixture = user_data;

  return duplicate_shown (fixture) &&
         gtk_widget_is_drawable (editor_button (fixture, "editor.open-duplicate"));
}

static guint
count_searches (Fixture *fixture)
{
  guint n = 0;

  for (guint i = 0; i < fixture->requests->len; i++)
    if (strstr (((Request *) g_ptr_array_index (fixture->requests, i))->path, "search=") != NULL)
      n++;

  return n;
}

/* The email of an existing contact: a hint names it, Save still works, and
 * its button opens that contact instead. */
static void
test_duplicate_email (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  rolo_contact_set_name (contact, "Sarah Johnson");
  rolo_contact_set_email (contact, "sarah@example.com");
  rolo_contact_set_mobile (contact, "9876543210");
  id = rolo_test_client_create (fixture->client, contact, &error);
  g_assert_no_error (error);

  open_editor (fixture, 0);
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "S. Johnson");
  type_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "Sarah@Example.com");
  leave_field (fixture, ROLO_CONTACT_FIELD_EMAIL);
  rolo_test_wait_until (duplicate_drawn, fixture, TIMEOUT_MS);
  g_assert_cmpint (rolo_contact_editor_get_duplicate_id (fixture->editor), ==, id);
  g_assert_nonnull (rolo_test_find_widget (GTK_WIDGET (fixture->editor),
                                           is_drawable_label_containing,
                                           "Sarah Johnson"));
  /* A hint, not a stop. */
  g_assert_true (can_save (fixture));
  screenshot (fixture, "duplicate");

  /* What was typed goes only when the user says so. */
  g_signal_emit_by_name (editor_button (fixture, "editor.open-duplicate"), "clicked");
  rolo_test_wait_until (message_dialog_shown, fixture, TIMEOUT_MS);
  g_assert_cmpstr (rolo_alert_get_heading (discard_dialog (fixture)),
                   ==, "Open the Existing Contact?");
  rolo_test_alert_respond (discard_dialog (fixture), "keep");
  rolo_test_iterate_for (100);
  g_assert_cmpint (rolo_contact_editor_get_id (fixture->editor), ==, 0);
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, "S. Johnson");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "Sarah@Example.com");

  g_signal_emit_by_name (editor_button (fixture, "editor.open-duplicate"), "clicked");
  rolo_test_wait_until (message_dialog_shown, fixture, TIMEOUT_MS);
  rolo_test_alert_respond (discard_dialog (fixture), "open");
  wait_settled (fixture);
  g_assert_cmpint (rolo_contact_editor_get_id (fixture->editor), ==, id);
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_MOBILE, "9876543210");
  g_assert_false (rolo_contact_editor_get_dirty (fixture->editor));
  g_assert_cmpint (rolo_contact_editor_get_duplicate_id (fixture->editor), ==, 0);
  g_assert_cmpuint (count_requests (fixture, "POST"), ==, 1);
}

/* The exact name, once typing pauses; part of a name is no duplicate, and
 * an answer for text since changed is dropped. */
static void
test_duplicate_name (Fixture       *fixture,
                     gconstpointer  user_data)
{
  guint n_searches;
  gint64 id = create_on_server (fixture, "Omar Khalil", ROLO_CONTACT_TYPE_INDIVIDUAL);

  open_editor (fixture, 0);
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Omar");
  rolo_test_iterate_for (1200);
  g_assert_cmpuint (count_searches (fixture), ==, 1);
  g_assert_cmpint (rolo_contact_editor_get_duplicate_id (fixture->editor), ==, 0);

  /* Typing on: asked once, after the pause. */
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Omar K");
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Omar Kha");
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "omar khalil");
  rolo_test_wait_until (duplicate_shown, fixture, TIMEOUT_MS);
  g_assert_cmpint (rolo_contact_editor_get_duplicate_id (fixture->editor), ==, id);
  g_assert_cmpuint (count_searches (fixture), ==, 2);

  /* Changed: the hint goes at once. */
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Omar Khalil Jr");
  g_assert_cmpint (rolo_contact_editor_get_duplicate_id (fixture->editor), ==, 0);

  /* A slow answer for the matching name comes after the name changed. */
  rolo_sandbox_set_latency (fixture->sandbox, 700);
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Omar Khalil");
  leave_field (fixture, ROLO_CONTACT_FIELD_NAME);
  n_searches = count_searches (fixture);
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Omar Khalid");
  rolo_test_iterate_for (2500);
  g_assert_cmpuint (count_searches (fixture), >, n_searches);
  g_assert_cmpint (rolo_contact_editor_get_duplicate_id (fixture->editor), ==, 0);
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, "Omar Khalid");
}

static gint64
create_with_mobile (Fixture    *fixture,
                    const char *name,
                    const char *mobile)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  rolo_contact_set_name (contact, name);
  rolo_contact_set_mobile (contact, mobile);
  id = rolo_test_client_create (fixture->client, contact, &error);
  g_assert_no_error (error);
  return id;
}

typedef struct
{
  Fixture *fixture;
  gint64   id;
} DuplicateWait;

/* The hint names a contact other than wait->id. */
static gboolean
duplicate_moved (gpointer user_data)
{
  DuplicateWait *wait = user_data;
  gint64 shown = rolo_contact_editor_get_duplicate_id (wait->fixture->editor);

  return shown != 0 && shown != wait->id;
}

/* The same name and mobile, typed otherwise: the hint names that contact,
 * not a newer namesake with another mobile. */
static void
test_duplicate_name_and_mobile (Fixture       *fixture,
                                gconstpointer  user_data)
{
  gint64 id = create_with_mobile (fixture, "Amira Haddad", "0501234567");
  gint64 other = create_with_mobile (fixture, "Amira Haddad", "0559999999");
  DuplicateWait wait;

  open_editor (fixture, 0);
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "AMIRA  haddad");
  type_text (fixture, ROLO_CONTACT_FIELD_MOBILE, "050 123 4567");
  rolo_test_wait_until (duplicate_drawn, fixture, TIMEOUT_MS);
  g_assert_cmpint (rolo_contact_editor_get_duplicate_id (fixture->editor), ==, id);
  g_assert_nonnull (rolo_test_find_widget (GTK_WIDGET (fixture->editor),
                                           is_drawable_label_containing,
                                           "Amira Haddad"));
  g_assert_true (can_save (fixture));

  /* The other one's mobile: still a namesake, so the hint stays until the
   * answer names the other one. */
  wait.fixture = fixture;
  wait.id = id;
  type_text (fixture, ROLO_CONTACT_FIELD_MOBILE, "0559999999");
  g_assert_cmpint (rolo_contact_editor_get_duplicate_id (fixture->editor), ==, id);
  leave_field (fixture, ROLO_CONTACT_FIELD_MOBILE);
  rolo_test_wait_until (duplicate_moved, &wait, TIMEOUT_MS);
  g_assert_cmpint (rolo_contact_editor_get_duplicate_id (fixture->editor), ==, other);
}

/* Editing a contact is no place for the hint; its Delete button is. */
static void
test_delete_button (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(RoloContact) deleted = NULL;
  gint64 id = create_on_server (fixture, "Omar Khalil", ROLO_CONTACT_TYPE_INDIVIDUAL);

  open_editor (fixture, 0);
  g_assert_false (gtk_widget_get_visible (editor_button (fixture, "editor.delete")));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.delete",
                                              NULL) &&
                  !gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  close_editor (fixture);

  open_editor (fixture, id);
  g_assert_true (gtk_widget_get_visible (editor_button (fixture, "editor.delete")));
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Omar Khalil");
  leave_field (fixture, ROLO_CONTACT_FIELD_NAME);
  rolo_test_iterate_for (800);
  g_assert_cmpint (rolo_contact_editor_get_duplicate_id (fixture->editor), ==, 0);

  /* Unsaved changes do not stop it: the user asked for the contact to go. */
  type_text (fixture, ROLO_CONTACT_FIELD_NOTES, "Typed, then deleted.");
  g_signal_connect_swapped (fixture->editor, "delete", G_CALLBACK (g_set_object), &deleted);
  g_signal_emit_by_name (editor_button (fixture, "editor.delete"), "clicked");
  g_assert_nonnull (deleted);
  g_assert_cmpint (rolo_contact_get_id (deleted), ==, id);
  g_assert_cmpstr (rolo_contact_get_name (deleted), ==, "Omar Khalil");
  g_assert_null (discard_dialog (fixture));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  /* The window deletes, with undo; the editor itself sends nothing. */
  g_assert_cmpuint (count_requests (fixture, "DELETE"), ==, 0);
}

/* A save whose connection drops keeps everything; Retry goes through. */
typedef struct
{
  gboolean drop;
  guint    n_posts;
} DroppingServer;

static void
dropping_server_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  static const char created[] =
    "{\"success\": true, \"message\": \"New contact has been created successfully.\", "
    "\"data\": {\"cstid\": 10, \"cstname\": \"Sarah Johnson\"}}";
  static const char empty[] =
    "{\"success\": true, \"data\": {\"data\": [], \"current_page\": 1, "
    "\"total_records\": 0, \"total_pages\": 0}}";
  DroppingServer *dropping = user_data;
  gboolean post = g_str_equal (soup_server_message_get_method (msg), "POST");

  if (post)
    dropping->n_posts++;
  if (post && dropping->drop)
    {
      GIOStream *stream = soup_server_message_steal_connection (msg);

      g_io_stream_close (stream, NULL, NULL);
      g_object_unref (stream);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    post ? created : empty, strlen (post ? created : empty));
}

static void
test_dropped_connection (Fixture       *fixture,
                         gconstpointer  user_data)
{
  DroppingServer dropping = { TRUE, 0 };
  g_autoptr(SoupServer) server = own_server_new (fixture, dropping_server_cb, &dropping);

  open_editor (fixture, 0);
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");
  type_text (fixture, ROLO_CONTACT_FIELD_ADDRESS, "12 Park Street");
  activate (fixture, "editor.save");
  wait_settled (fixture);

  g_assert_cmpuint (dropping.n_posts, >=, 1);
  g_assert_cmpuint (fixture->n_saved, ==, 0);
  g_assert_cmpstr (rolo_contact_editor_get_message (fixture->editor), !=, "");
  g_assert_true (gtk_widget_get_visible (editor_button (fixture, "editor.retry")));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_ADDRESS, "12 Park Street");

  dropping.drop = FALSE;
  activate (fixture, "editor.retry");
  rolo_test_wait_until (saved_once, fixture, TIMEOUT_MS);
  g_assert_true (fixture->created);
  g_assert_cmpint (rolo_contact_get_id (fixture->saved), ==, 10);
  g_assert_cmpstr (rolo_contact_get_address (fixture->saved), ==, "12 Park Street");
  close_editor (fixture);
  soup_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  rolo_test_editor_init (&argc, &argv);

  ROLO_TEST_ADD_EDITOR ("/ui/editor/edit/only-changed", 5, test_edit_email);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/edit/unapplied", 0, test_unapplied);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/validation/server", 5, test_server_validation);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/validation/too-long", 0, test_name_too_long);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/validation/after-leaving", 0, test_errors_after_leaving);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/failure/retry", 0, test_failure_retry);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/failure/timeout-duplicate", 0, test_timeout_duplicate);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/duplicate/email", 0, test_duplicate_email);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/duplicate/name", 0, test_duplicate_name);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/duplicate/name-and-mobile", 0, test_duplicate_name_and_mobile);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/delete-button", 0, test_delete_button);
  ROLO_TEST_ADD_EDITOR ("/ui/editor/failure/dropped-connection", 0, test_dropped_connection);

  return g_test_run ();
}
