/* test-ui-editor.c
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
#include "rolo-business-picker.h"
#include "rolo-contact-editor.h"
#include "rolo-contact-list.h"
#include "rolo-switch-row.h"
#include "rolo-test-ui.h"
#include "rolo-test-utils.h"
#include "rolo-window.h"

#define TIMEOUT_MS 20000

typedef struct
{
  char *method;
  char *path;
  char *body;
} Request;

/* The editor drives the real widgets against an in-process sandbox and
 * watches what the sandbox is asked. */
typedef struct
{
  RoloSandbox       *sandbox;
  RoloClient        *client;
  RoloContactEditor *editor;
  GPtrArray         *requests;
  RoloContact       *saved;
  gboolean           created;
  guint              n_saved;
} Fixture;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->method);
  g_free (request->path);
  g_free (request->body);
  g_free (request);
}

static void
request_cb (RoloSandbox *sandbox,
            const char  *method,
            const char  *path_and_query,
            GBytes      *body,
            gpointer     user_data)
{
  Fixture *fixture = user_data;
  Request *request = g_new0 (Request, 1);

  request->method = g_strdup (method);
  request->path = g_strdup (path_and_query);
  if (body != NULL)
    request->body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_ptr_array_add (fixture->requests, request);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->requests = g_ptr_array_new_with_free_func (request_free);
  fixture->sandbox = rolo_test_sandbox_new (GPOINTER_TO_UINT (user_data));
  g_signal_connect (fixture->sandbox, "request", G_CALLBACK (request_cb), fixture);
  fixture->client = rolo_test_client_new_for (fixture->sandbox);
}

/* Closing destroys the editor already; destroying it twice is an error. */
static void
close_editor (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (fixture->editor == NULL)
    return;

  g_signal_handlers_disconnect_by_data (fixture->editor, fixture);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (window == G_OBJECT (fixture->editor))
        {
          gtk_window_destroy (GTK_WINDOW (fixture->editor));
          break;
        }
    }
  g_clear_object (&fixture->editor);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  close_editor (fixture);
  g_clear_object (&fixture->saved);
  g_clear_object (&fixture->client);
  g_signal_handlers_disconnect_by_data (fixture->sandbox, fixture);
  g_clear_object (&fixture->sandbox);
  g_clear_pointer (&fixture->requests, g_ptr_array_unref);
}

static void
saved_cb (RoloContactEditor *editor,
          RoloContact       *saved,
          gboolean           created,
          gpointer           user_data)
{
  Fixture *fixture = user_data;

  g_set_object (&fixture->saved, saved);
  fixture->created = created;
  fixture->n_saved++;
}

/* --- waiting --------------------------------------------------------------- */

static gboolean
editor_settled (gpointer user_data)
{
  Fixture *fixture = user_data;
  const char *state = rolo_contact_editor_get_state (fixture->editor);

  return g_str_equal (state, "viewing") || g_str_equal (state, "editing") ||
         g_str_equal (state, "error");
}

static void
wait_settled (Fixture *fixture)
{
  rolo_test_wait_until (editor_settled, fixture, TIMEOUT_MS);
}

static gboolean
saved_once (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->n_saved > 0;
}


static gboolean
editor_mapped (gpointer user_data)
{
  Fixture *fixture = user_data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->editor));

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->editor)) && surface != NULL &&
         gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface) != NULL;
}

/* Opens contact @id to read it (or a new contact), as the window does,
 * showing @known (a list row) while it loads. */
static void
open_viewer_known (Fixture     *fixture,
                   gint64       id,
                   RoloContact *known)
{
  fixture->editor = g_object_ref_sink (rolo_contact_editor_new (fixture->client, id));
  if (known != NULL)
    rolo_contact_editor_show_known (fixture->editor, known);
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (saved_cb), fixture);
  /* Whole on the 1280x800 virtual screen. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->editor), 600, 720);
  gtk_window_present (GTK_WINDOW (fixture->editor));
  /* Popovers need the window on a monitor. */
  rolo_test_wait_until (editor_mapped, fixture, TIMEOUT_MS);
  wait_settled (fixture);
}

static void
open_viewer (Fixture *fixture,
             gint64   id)
{
  open_viewer_known (fixture, id, NULL);
}

/* Opens contact @id and presses Edit (or a new contact). */
static void
open_editor (Fixture *fixture,
             gint64   id)
{
  open_viewer (fixture, id);
  if (g_str_equal (rolo_contact_editor_get_state (fixture->editor), "viewing"))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.edit",
                                               NULL));
}

/* --- finding the widgets a user would use --------------------------------- */

static gboolean
is_label_text (GtkWidget  *widget,
               const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_label_containing (GtkWidget  *widget,
                     const char *text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_drawable_button_for (GtkWidget  *widget,
                        const char *action_name)
{
  return rolo_test_is_button_for (widget, action_name) && gtk_widget_is_drawable (widget);
}

static GtkWidget *
editor_button (Fixture    *fixture,
               const char *action_name)
{
  GtkWidget *button = rolo_test_find_widget (GTK_WIDGET (fixture->editor), rolo_test_is_button_for,
                                             action_name);

  g_assert_nonnull (button);
  return button;
}

static gboolean
can_save (Fixture *fixture)
{
  return gtk_widget_get_sensitive (editor_button (fixture, "editor.save"));
}

static GtkWidget *
field (Fixture    *fixture,
       const char *api_field)
{
  GtkWidget *widget = rolo_contact_editor_get_field_widget (fixture->editor, api_field);

  g_assert_nonnull (widget);
  return widget;
}

static void
type_text (Fixture    *fixture,
           const char *api_field,
           const char *text)
{
  GtkWidget *widget = field (fixture, api_field);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static char *
field_text (Fixture    *fixture,
            const char *api_field)
{
  GtkWidget *widget = field (fixture, api_field);
  GtkTextIter start, end;

  if (!GTK_IS_TEXT_VIEW (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), &start, &end);
  return gtk_text_iter_get_text (&start, &end);
}

static void
assert_field_text (Fixture    *fixture,
                   const char *api_field,
                   const char *expected)
{
  g_autofree char *text = field_text (fixture, api_field);

  g_assert_cmpstr (text, ==, expected);
}

/* Focus leaving a field, as when the user tabs on. */
static void
leave_field (Fixture    *fixture,
             const char *api_field)
{
  GtkWidget *widget = field (fixture, api_field);
  GList *controllers = NULL;
  GListModel *list = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (list, i);

      if (GTK_IS_EVENT_CONTROLLER_FOCUS (controller))
        controllers = g_list_prepend (controllers, g_object_ref (controller));
    }
  g_object_unref (list);

  g_assert_nonnull (controllers);
  for (GList *l = controllers; l != NULL; l = l->next)
    g_signal_emit_by_name (l->data, "leave");
  g_list_free_full (controllers, g_object_unref);
  /* What follows the leaving in the main loop, as for a user. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

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
activate (Fixture    *fixture,
          const char *action_name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), action_name, NULL));
}

static RoloSwitchRow *
notify_switch (Fixture    *fixture,
               const char *api_field)
{
  return ROLO_SWITCH_ROW (field (fixture, api_field));
}

static void
add_tag (Fixture    *fixture,
         const char *text)
{
  GtkWidget *row = field (fixture, ROLO_CONTACT_FIELD_TAGS_CREATE);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

/* The button a picker shows. */
static GtkMenuButton *
picker_button (Fixture    *fixture,
               const char *api_field)
{
  GtkWidget *button = rolo_test_find_widget (field (fixture, api_field), rolo_test_is_type_named,
                                             "GtkMenuButton");

  g_assert_nonnull (button);
  return GTK_MENU_BUTTON (button);
}

static void
choose_country (Fixture    *fixture,
                const char *search)
{
  GtkMenuButton *button = picker_button (fixture, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  GtkWidget *entry = rolo_test_find_widget (popover, rolo_test_is_type_named, "GtkSearchEntry");

  gtk_menu_button_popup (button);
  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  /* Enter picks the first match; the filter is applied at once. */
  g_signal_emit_by_name (entry, "search-changed");
  g_signal_emit_by_name (entry, "activate");
}

/* --- the parent picker ----------------------------------------------------- */

static GtkWidget *
parent_popover (Fixture *fixture)
{
  GtkMenuButton *button = picker_button (fixture, ROLO_CONTACT_FIELD_PARENT);

  return GTK_WIDGET (gtk_menu_button_get_popover (button));
}

static GListModel *
parent_choices (Fixture *fixture)
{
  GtkWidget *view = rolo_test_find_widget (parent_popover (fixture), rolo_test_is_type_named,
                                           "GtkListView");

  g_assert_nonnull (view);
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
}

static gboolean
parent_choices_loaded (gpointer user_data)
{
  Fixture *fixture = user_data;
  GListModel *choices = parent_choices (fixture);
  guint n_items = choices != NULL ? g_list_model_get_n_items (choices) : 0;

  if (n_items == 0)
    return FALSE;

  for (guint i = 0; i < MIN (n_items, ROLO_CONTACT_LIST_PAGE_SIZE); i++)
    {
      g_autoptr(RoloContact) contact = g_list_model_get_item (choices, i);

      if (rolo_contact_get_state (contact) != ROLO_CONTACT_STATE_READY)
        return FALSE;
    }

  return TRUE;
}

static gboolean
parent_button_on_screen (gpointer user_data)
{
  Fixture *fixture = user_data;
  graphene_rect_t bounds;

  GtkWidget *button = GTK_WIDGET (picker_button (fixture, ROLO_CONTACT_FIELD_PARENT));
  GtkWidget *editor = GTK_WIDGET (fixture->editor);

  if (!gtk_widget_compute_bounds (button, editor, &bounds))
    return FALSE;

  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (editor);
}

/* As a user would: scrolled to the button first (a popover needs its
 * anchor on a monitor). */
static void
open_parent_picker (Fixture *fixture)
{
  gtk_widget_grab_focus (field (fixture, ROLO_CONTACT_FIELD_PARENT));
  rolo_test_wait_until (parent_button_on_screen, fixture, TIMEOUT_MS);
  gtk_menu_button_popup (picker_button (fixture, ROLO_CONTACT_FIELD_PARENT));
  rolo_test_wait_until (parent_choices_loaded, fixture, TIMEOUT_MS);
}

static void
choose_parent (Fixture *fixture,
               gint64   parent_id)
{
  GListModel *choices = parent_choices (fixture);
  GtkWidget *view = rolo_test_find_widget (parent_popover (fixture), rolo_test_is_type_named,
                                           "GtkListView");

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(RoloContact) contact = g_list_model_get_item (choices, i);

      if (rolo_contact_get_id (contact) == parent_id)
        {
          g_signal_emit_by_name (view, "activate", i);
          return;
        }
    }

  g_assert_not_reached ();
}

/* --- the server side ------------------------------------------------------- */

static gint64
create_on_server (Fixture         *fixture,
                  const char      *name,
                  RoloContactType  type)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  rolo_contact_set_name (contact, name);
  rolo_contact_set_contact_type (contact, type);
  id = rolo_test_client_create (fixture->client, contact, &error);
  g_assert_no_error (error);
  return id;
}

static Request *
last_request (Fixture    *fixture,
              const char *method)
{
  for (guint i = fixture->requests->len; i > 0; i--)
    {
      Request *request = g_ptr_array_index (fixture->requests, i - 1);

      if (g_str_equal (request->method, method))
        return request;
    }

  return NULL;
}

static guint
count_requests (Fixture    *fixture,
                const char *method)
{
  guint n = 0;

  for (guint i = 0; i < fixture->requests->len; i++)
    if (g_str_equal (((Request *) g_ptr_array_index (fixture->requests, i))->method, method))
      n++;

  return n;
}

/* --- screenshots (ROLO_SCREENSHOT_DIR=dir to write them) ------------------- */

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  const char *dir = g_getenv ("ROLO_SCREENSHOT_DIR");
  GtkWidget *widget = GTK_WIDGET (fixture->editor);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  rolo_test_iterate_for (500);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/editor-%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* --- tests ----------------------------------------------------------------- */

static void
test_create (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(RoloContact) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const gint64 *tags;
  gsize n_tags = 0;
  Request *post;

  open_editor (fixture, 0);
  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "editing");
  g_assert_false (rolo_contact_editor_get_dirty (fixture->editor));
  g_assert_false (can_save (fixture));
  g_assert_cmpstr (rolo_contact_editor_get_save_hint (fixture->editor), ==,
                   "A name is required.");
  /* Not shown on the field before the user has been there. */
  g_assert_null (rolo_contact_editor_get_field_error (fixture->editor, ROLO_CONTACT_FIELD_NAME));
  screenshot (fixture, "new");

  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");
  type_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "sarah@example.com");
  type_text (fixture, ROLO_CONTACT_FIELD_MOBILE, "9876543210");
  choose_country (fixture, "+91");
  type_text (fixture, ROLO_CONTACT_FIELD_ADDRESS, "12 Park Street\nKolkata");
  type_text (fixture, ROLO_CONTACT_FIELD_TAX_NUMBER, "GST-123");
  type_text (fixture, ROLO_CONTACT_FIELD_NOTES, "Prefers email.");
  /* Email only, as Preferences say by default: texting needs consent. */
  g_assert_true (rolo_switch_row_get_active (notify_switch (fixture,
                                                            ROLO_CONTACT_FIELD_EMAIL_NOTIFY)));
  g_assert_false (rolo_switch_row_get_active (notify_switch (fixture,
                                                             ROLO_CONTACT_FIELD_SMS_NOTIFY)));
  g_assert_false (rolo_switch_row_get_active (notify_switch (fixture,
                                                             ROLO_CONTACT_FIELD_WHATSAPP_NOTIFY)));
  rolo_switch_row_set_active (notify_switch (fixture, ROLO_CONTACT_FIELD_WHATSAPP_NOTIFY), TRUE);
  add_tag (fixture, "12");
  add_tag (fixture, "3");
  g_assert_true (rolo_contact_editor_get_dirty (fixture->editor));
  g_assert_true (can_save (fixture));
  g_assert_cmpstr (rolo_contact_editor_get_save_hint (fixture->editor), ==, "");

  activate (fixture, "editor.save");
  rolo_test_wait_until (saved_once, fixture, TIMEOUT_MS);
  g_assert_true (fixture->created);
  g_assert_cmpint (rolo_contact_get_id (fixture->saved), >, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));

  /* The POST used the documented names. */
  post = last_request (fixture, "POST");
  g_assert_nonnull (post);
  bytes = g_bytes_new (post->body, strlen (post->body));
  body = rolo_test_parse_object (bytes);
  g_assert_cmpstr (json_object_get_string_member (body, "cstname"), ==, "Sarah Johnson");
  g_assert_true (json_object_has_member (body, "cst_tag_id"));
  /* Said, not left to the server's default (all on). */
  g_assert_true (json_object_get_boolean_member (body, "cstemailnotify"));
  g_assert_false (json_object_get_boolean_member (body, "cstsmsnotify"));
  g_assert_true (json_object_get_boolean_member (body, "cst_whatsapp_notify"));

  back = rolo_test_client_get (fixture->client, rolo_contact_get_id (fixture->saved), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rolo_contact_get_name (back), ==, "Sarah Johnson");
  g_assert_cmpstr (rolo_contact_get_email (back), ==, "sarah@example.com");
  g_assert_cmpstr (rolo_contact_get_mobile (back), ==, "9876543210");
  g_assert_cmpint (rolo_contact_get_mobile_country_id (back), ==, 101);
  g_assert_cmpstr (rolo_contact_get_address (back), ==, "12 Park Street\nKolkata");
  g_assert_cmpstr (rolo_contact_get_tax_number (back), ==, "GST-123");
  g_assert_cmpstr (rolo_contact_get_notes (back), ==, "Prefers email.");
  g_assert_true (rolo_contact_get_email_notify (back));
  g_assert_false (rolo_contact_get_sms_notify (back));
  g_assert_true (rolo_contact_get_whatsapp_notify (back));
  g_assert_cmpint (rolo_contact_get_contact_type (back), ==, ROLO_CONTACT_TYPE_INDIVIDUAL);
  tags = rolo_contact_get_tag_ids (back, &n_tags);
  g_assert_cmpuint (n_tags, ==, 2);
  g_assert_cmpint (tags[0], ==, 3);
  g_assert_cmpint (tags[1], ==, 12);
}

/* The defaults are a preference: what it says is what a new contact shows
 * and what is sent, and an existing contact is never touched by it. */
static void
test_notify_defaults (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GBytes) bytes = NULL;
  Request *post;

  g_settings_set_boolean (settings, "new-contact-email-notify", FALSE);
  g_settings_set_boolean (settings, "new-contact-sms-notify", TRUE);
  g_settings_set_boolean (settings, "new-contact-whatsapp-notify", FALSE);

  open_editor (fixture, 0);
  g_assert_false (rolo_switch_row_get_active (notify_switch (fixture,
                                                             ROLO_CONTACT_FIELD_EMAIL_NOTIFY)));
  g_assert_true (rolo_switch_row_get_active (notify_switch (fixture,
                                                            ROLO_CONTACT_FIELD_SMS_NOTIFY)));
  g_assert_false (rolo_switch_row_get_active (notify_switch (fixture,
                                                             ROLO_CONTACT_FIELD_WHATSAPP_NOTIFY)));
  /* The defaults are not a change the user made. */
  g_assert_false (rolo_contact_editor_get_dirty (fixture->editor));

  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Omar Khalid");
  activate (fixture, "editor.save");
  rolo_test_wait_until (saved_once, fixture, TIMEOUT_MS);
  post = last_request (fixture, "POST");
  bytes = g_bytes_new (post->body, strlen (post->body));
  body = rolo_test_parse_object (bytes);
  g_assert_false (json_object_get_boolean_member (body, "cstemailnotify"));
  g_assert_true (json_object_get_boolean_member (body, "cstsmsnotify"));
  g_assert_false (json_object_get_boolean_member (body, "cst_whatsapp_notify"));
  close_editor (fixture);

  /* An existing contact shows its own. */
  open_editor (fixture, rolo_contact_get_id (fixture->saved));
  g_assert_false (rolo_switch_row_get_active (notify_switch (fixture,
                                                             ROLO_CONTACT_FIELD_EMAIL_NOTIFY)));
  g_settings_set_boolean (settings, "new-contact-email-notify", TRUE);
  g_assert_false (rolo_switch_row_get_active (notify_switch (fixture,
                                                             ROLO_CONTACT_FIELD_EMAIL_NOTIFY)));

  g_settings_reset (settings, "new-contact-email-notify");
  g_settings_reset (settings, "new-contact-sms-notify");
  g_settings_reset (settings, "new-contact-whatsapp-notify");
}

static gboolean
switch_row_on (gpointer user_data)
{
  return rolo_switch_row_get_active (user_data);
}

static gboolean
popover_gone (gpointer user_data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (user_data));
}

static gboolean
popover_shown (gpointer user_data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (user_data));
}

/* @widget whole inside the editor, the form scrolled to it as focus
 * would; waits for it (a slow build lays out late). */
static gboolean
on_screen (gpointer user_data)
{
  GtkWidget *widget = user_data;
  GtkWidget *editor = GTK_WIDGET (gtk_widget_get_root (widget));
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, editor, &bounds))
    return FALSE;
  if (bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (editor))
    return TRUE;
  if (gtk_widget_compute_bounds (widget, content, &bounds))
    gtk_adjustment_set_value (adjustment, bounds.origin.y - 24);
  return FALSE;
}

/* After a pick, or Escape, the keyboard is back on the picker's button,
 * not nowhere: Tab goes on from there. */
static void
test_picker_focus (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const char * const pickers[] = {
    ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID, ROLO_CONTACT_FIELD_PARENT,
  };

  open_editor (fixture, 0);
  for (guint i = 0; i < G_N_ELEMENTS (pickers); i++)
    {
      GtkMenuButton *button = picker_button (fixture, pickers[i]);
      GtkPopover *popover = gtk_menu_button_get_popover (button);
      GtkWidget *focus;

      /* As Tab gets there: the form scrolls to it. */
      gtk_widget_grab_focus (GTK_WIDGET (button));
      rolo_test_wait_until (on_screen, button, TIMEOUT_MS);
      rolo_test_iterate_for (100);
      gtk_menu_button_popup (button);
      rolo_test_wait_until (popover_shown, popover, TIMEOUT_MS);
      /* Escape, as the popover's own key handling does. */
      gtk_popover_popdown (popover);
      rolo_test_wait_until (popover_gone, popover, TIMEOUT_MS);
      rolo_test_iterate_for (50);
      focus = gtk_window_get_focus (GTK_WINDOW (fixture->editor));
      g_assert_nonnull (focus);
      g_assert_true (focus == GTK_WIDGET (button) ||
                     gtk_widget_is_ancestor (focus, GTK_WIDGET (button)));
    }

  /* Picking with the keyboard from inside the list (Down, then Enter). */
  {
    GtkMenuButton *button = picker_button (fixture, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID);
    GtkPopover *popover = gtk_menu_button_get_popover (button);
    GtkWidget *list = rolo_test_find_widget (GTK_WIDGET (popover), rolo_test_is_type_named,
                                             "GtkListView");
    GtkWidget *focus;

    gtk_widget_grab_focus (GTK_WIDGET (button));
    rolo_test_wait_until (on_screen, button, TIMEOUT_MS);
    gtk_menu_button_popup (button);
    rolo_test_wait_until (popover_shown, popover, TIMEOUT_MS);
    g_assert_true (gtk_widget_child_focus (list, GTK_DIR_DOWN) || gtk_widget_grab_focus (list));
    rolo_test_iterate_for (50);
    g_signal_emit_by_name (list, "activate", 2);
    rolo_test_wait_until (popover_gone, popover, TIMEOUT_MS);
    rolo_test_iterate_for (50);
    focus = gtk_window_get_focus (GTK_WINDOW (fixture->editor));
    g_assert_nonnull (focus);
    g_assert_true (focus == GTK_WIDGET (button) ||
                   gtk_widget_is_ancestor (focus, GTK_WIDGET (button)));
  }

  /* Picking from the search. */
  gtk_widget_grab_focus (field (fixture, ROLO_CONTACT_FIELD_NAME));
  rolo_test_wait_until (on_screen, picker_button (fixture, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID),
                        TIMEOUT_MS);
  choose_country (fixture, "+44");
  rolo_test_wait_until (popover_gone,
                        gtk_menu_button_get_popover (picker_button (
                          fixture, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID)),
                        TIMEOUT_MS);
  rolo_test_iterate_for (50);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture->editor)) ==
                 GTK_WIDGET (picker_button (fixture, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID)) ||
                 gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->editor)),
                                         GTK_WIDGET (picker_button (
                                           fixture, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID))));

}

/* A switch row is one keyboard stop: the row, named, with its state. */
static void
test_switch_rows (Fixture       *fixture,
                  gconstpointer  user_data)
{
  RoloSwitchRow *sms;

  open_editor (fixture, 0);
  sms = notify_switch (fixture, ROLO_CONTACT_FIELD_SMS_NOTIFY);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (sms)));
  for (GtkWidget *child = rolo_test_find_widget (GTK_WIDGET (sms), rolo_test_is_type_named,
                                                 "GtkSwitch");
       child != NULL; child = NULL)
    g_assert_false (gtk_widget_get_can_focus (child));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (sms)), ==,
                   GTK_ACCESSIBLE_ROLE_SWITCH);
  gtk_test_accessible_assert_property (sms, GTK_ACCESSIBLE_PROPERTY_LABEL, "SMS notifications");
  gtk_test_accessible_assert_state (sms, GTK_ACCESSIBLE_STATE_CHECKED, FALSE);

  /* Space or Enter on the focused row flips it. */
  gtk_widget_grab_focus (GTK_WIDGET (sms));
  g_signal_emit_by_name (sms, "activate");
  /* The switch slides over first. */
  rolo_test_wait_until (switch_row_on, sms, TIMEOUT_MS);
  gtk_test_accessible_assert_state (sms, GTK_ACCESSIBLE_STATE_CHECKED, TRUE);
  g_assert_true (rolo_contact_get_sms_notify (rolo_contact_editor_get_contact (fixture->editor)));
}

/* A binding of the editor's, as the key would trigger it. */
static gboolean
press_shortcut (Fixture         *fixture,
                guint            keyval,
                GdkModifierType  modifiers)
{
  return rolo_test_press_shortcut (GTK_WIDGET (fixture->editor), keyval, modifiers);
}

static gboolean
parent_named_in_details (gpointer user_data)
{
  return g_strcmp0 (rolo_contact_details_get_value (user_data, "Parent Business"),
                    "Acme Trading") == 0;
}

/* Opening a contact shows it to read, with Edit; editing starts with the
 * cursor after the name. */
static void
test_open (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 business_id = create_on_server (fixture, "Acme Trading", ROLO_CONTACT_TYPE_BUSINESS);
  const gint64 tags[] = { 7 };
  RoloContactDetails *details;
  GtkWidget *name;
  gint64 id;

  rolo_contact_set_name (contact, "ليلى حداد");
  rolo_contact_set_email (contact, "layla@example.com");
  rolo_contact_set_mobile (contact, "501234567");
  rolo_contact_set_mobile_country_id (contact, 101);
  rolo_contact_set_notes (contact, "Met at the fair.");
  rolo_contact_set_address (contact, "69 Station Road, Leeds");
  rolo_contact_set_whatsapp_notify (contact, FALSE);
  rolo_contact_set_parent_id (contact, business_id);
  rolo_contact_set_tag_ids (contact, tags, G_N_ELEMENTS (tags));
  id = rolo_test_client_create (fixture->client, contact, &error);
  g_assert_no_error (error);

  open_viewer (fixture, id);
  /* First to read: every field under its name, nothing to type into. */
  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "viewing");
  details = rolo_contact_editor_get_details (fixture->editor);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (details)));
  g_assert_false (gtk_widget_is_drawable (field (fixture, ROLO_CONTACT_FIELD_NAME)));
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Email"), ==, "layla@example.com");
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Mobile"), ==, "+91 501234567");
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Notes"), ==, "Met at the fair.");
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Notifications"), ==, "Email, SMS");
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Tags"), ==, "#7");
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Tax Number"), ==, "");
  rolo_test_wait_until (parent_named_in_details, details, TIMEOUT_MS);
  g_assert_true (rolo_test_find_widget (GTK_WIDGET (details), is_label_text, "ليلى حداد") != NULL);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture->editor)) ==
                 rolo_test_find_widget (GTK_WIDGET (fixture->editor), rolo_test_is_button_for,
                                        "editor.edit"));
  g_assert_null (rolo_test_find_widget (GTK_WIDGET (fixture->editor), is_drawable_button_for,
                                        "editor.save"));
  g_assert_false (rolo_contact_editor_get_dirty (fixture->editor));
  screenshot (fixture, "view");

  /* Ctrl+E edits; Enter too, but only while reading. */
  g_assert_true (press_shortcut (fixture, GDK_KEY_e, GDK_CONTROL_MASK));
  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "editing");
  /* (Once editing, GTK passes the keys on: the action is off.) */
  press_shortcut (fixture, GDK_KEY_Return, 0);
  press_shortcut (fixture, GDK_KEY_e, GDK_CONTROL_MASK);

  /* The cursor after the name, nothing selected: a key typed adds to it
   * rather than replacing the whole name. */
  name = field (fixture, ROLO_CONTACT_FIELD_NAME);
  g_assert_true (gtk_widget_has_focus (gtk_window_get_focus (GTK_WINDOW (fixture->editor))));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->editor)),
                                         name));
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (name), NULL, NULL));
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (name)), ==,
                   g_utf8_strlen ("ليلى حداد", -1));
  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "editing");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, "ليلى حداد");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "layla@example.com");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_MOBILE, "501234567");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NOTES, "Met at the fair.");
  g_assert_cmpstr (gtk_menu_button_get_label (picker_button (fixture,
                                                            ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID)),
                   ==, "IN +91");
  g_assert_true (rolo_switch_row_get_active (notify_switch (fixture, ROLO_CONTACT_FIELD_EMAIL_NOTIFY)));
  g_assert_false (rolo_switch_row_get_active (notify_switch (fixture,
                                                       ROLO_CONTACT_FIELD_WHATSAPP_NOTIFY)));
  g_assert_cmpint (rolo_contact_get_parent_id (rolo_contact_editor_get_contact (fixture->editor)),
                   ==, business_id);
  g_assert_false (rolo_contact_editor_get_dirty (fixture->editor));
  g_assert_false (can_save (fixture));
  g_assert_cmpstr (rolo_contact_editor_get_save_hint (fixture->editor), ==, "Nothing changed");
  screenshot (fixture, "existing");
  if (g_getenv ("ROLO_SCREENSHOT_DIR") != NULL)
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (field (fixture, ROLO_CONTACT_FIELD_NAME),
                                                     GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      screenshot (fixture, "existing-bottom");
    }
}

static gboolean
editing (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_str_equal (rolo_contact_editor_get_state (fixture->editor), "editing");
}

static gboolean
retry_shown (gpointer user_data)
{
  Fixture *fixture = user_data;

  return rolo_test_find_widget (GTK_WIDGET (fixture->editor), is_drawable_button_for,
                                "editor.reload") != NULL;
}

static gboolean
offline_notice_gone (gpointer user_data)
{
  Fixture *fixture = user_data;
  GtkWidget *label = rolo_test_find_widget (GTK_WIDGET (fixture->editor), is_label_containing,
                                            "what the list has");

  return !gtk_widget_is_drawable (label);
}

/* Offline, a contact the list has loaded opens on what the list knows, says
 * what failed and offers Retry; Edit waits for the whole contact. */
static void
test_open_known_offline (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(RoloContact) known = rolo_contact_new ();
  g_autoptr(GError) error = NULL;
  RoloContactDetails *details;
  GtkWidget *status;
  guint16 port;
  gint64 id;

  rolo_contact_set_name (contact, "Omar Khalil");
  rolo_contact_set_email (contact, "omar@example.com");
  rolo_contact_set_notes (contact, "Prefers mornings.");
  id = rolo_test_client_create (fixture->client, contact, &error);
  g_assert_no_error (error);
  /* A list row: these fields only. */
  rolo_contact_set_id (known, id);
  rolo_contact_set_name (known, "Omar Khalil");
  rolo_contact_set_email (known, "omar@example.com");

  port = rolo_sandbox_get_port (fixture->sandbox);
  rolo_sandbox_stop (fixture->sandbox);
  open_viewer_known (fixture, id, known);

  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "error");
  details = rolo_contact_editor_get_details (fixture->editor);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (details)));
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Email"), ==, "omar@example.com");
  g_assert_true (rolo_test_find_widget (GTK_WIDGET (details), is_label_text,
                                        "Omar Khalil") != NULL);
  /* Not the full-window error page. */
  status = rolo_test_find_widget (GTK_WIDGET (fixture->editor), rolo_test_is_type_named,
                                  "AdwStatusPage");
  for (; status != NULL; status = gtk_widget_get_next_sibling (status))
    g_assert_false (ADW_IS_STATUS_PAGE (status) && gtk_widget_is_drawable (status));
  rolo_test_wait_until (retry_shown, fixture, TIMEOUT_MS);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture->editor)) ==
                 rolo_test_find_widget (GTK_WIDGET (fixture->editor), is_drawable_button_for,
                                        "editor.reload"));
  /* A list row does not say which notifications are on: none shown. */
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Notifications"), ==, "");
  g_assert_true (rolo_test_find_widget (GTK_WIDGET (fixture->editor), is_label_containing,
                                        "what the list has") != NULL);
  /* Nothing to edit from yet. */
  g_assert_false (gtk_widget_is_sensitive (rolo_test_find_widget (GTK_WIDGET (fixture->editor),
                                                                  rolo_test_is_button_for,
                                                                  "editor.edit")));
  screenshot (fixture, "view-offline");

  /* Back online: Retry brings the rest, and Enter edits. */
  rolo_sandbox_listen (fixture->sandbox, port, &error);
  g_assert_no_error (error);
  activate (fixture, "editor.reload");
  wait_settled (fixture);
  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "viewing");
  g_assert_cmpstr (rolo_contact_details_get_value (details, "Notes"), ==, "Prefers mornings.");
  rolo_test_wait_until (offline_notice_gone, fixture, TIMEOUT_MS);
  /* (A button that Enter activates clicks a moment later.) */
  press_shortcut (fixture, GDK_KEY_Return, 0);
  rolo_test_wait_until (editing, fixture, TIMEOUT_MS);
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NOTES, "Prefers mornings.");
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

static GtkWindow *
discard_dialog (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->editor))
        return window;
    }

  return NULL;
}

static gboolean
message_dialog_shown (gpointer user_data)
{
  return discard_dialog (user_data) != NULL;
}

static gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)),
                                              label) == 0;
}

/* Clicks a response of the dialog, as the user would. */
static void
respond (GtkWindow  *dialog,
         const char *label)
{
  GtkWidget *button = rolo_test_find_widget (GTK_WIDGET (dialog), is_button_labelled, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static void
test_discard (Fixture       *fixture,
              gconstpointer  user_data)
{
  GtkWindow *dialog;

  open_editor (fixture, 0);
  /* Nothing typed: closes at once. */
  gtk_window_close (GTK_WINDOW (fixture->editor));
  g_assert_null (discard_dialog (fixture));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  close_editor (fixture);

  open_editor (fixture, 0);
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Half a na");
  activate (fixture, "editor.cancel");
  dialog = discard_dialog (fixture);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Discard changes?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                                               "discard"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);

  respond (dialog, "_Keep Editing");
  rolo_test_iterate_for (50);
  g_assert_null (discard_dialog (fixture));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, "Half a na");

  /* The window's own close button asks too. */
  gtk_window_close (GTK_WINDOW (fixture->editor));
  dialog = discard_dialog (fixture);
  g_assert_nonnull (dialog);
  respond (dialog, "_Discard");
  rolo_test_iterate_for (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  g_assert_cmpuint (count_requests (fixture, "POST"), ==, 0);
}

static gboolean
has_business_search (gpointer user_data)
{
  Fixture *fixture = user_data;

  for (guint i = 0; i < fixture->requests->len; i++)
    {
      Request *request = g_ptr_array_index (fixture->requests, i);

      if (strstr (request->path, "search=Aard") != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_parent_picker (Fixture       *fixture,
                    gconstpointer  user_data)
{
  GListModel *choices;
  GtkWidget *search;
  RoloContact *edited;
  guint n_lists = 0;

  create_on_server (fixture, "Aardvark Holdings", ROLO_CONTACT_TYPE_BUSINESS);
  open_editor (fixture, 0);
  open_parent_picker (fixture);

  /* Only businesses are offered, and only businesses are asked for. */
  choices = parent_choices (fixture);
  for (guint i = 0; i < MIN (g_list_model_get_n_items (choices), ROLO_CONTACT_LIST_PAGE_SIZE); i++)
    {
      g_autoptr(RoloContact) contact = g_list_model_get_item (choices, i);

      g_assert_cmpint (rolo_contact_get_contact_type (contact), ==, ROLO_CONTACT_TYPE_BUSINESS);
    }

  search = rolo_test_find_widget (parent_popover (fixture), rolo_test_is_type_named,
                                  "GtkSearchEntry");
  /* Typed with the popover closed: on the virtual display, re-laying out an
   * open popover full of rows trips over a missing monitor (GTK 4.8, X11
   * without a window manager). */
  gtk_popover_popdown (GTK_POPOVER (parent_popover (fixture)));
  gtk_editable_set_text (GTK_EDITABLE (search), "Aard");
  rolo_test_wait_until (has_business_search, fixture, TIMEOUT_MS);
  rolo_test_wait_until (parent_choices_loaded, fixture, TIMEOUT_MS);
  g_assert_cmpuint (g_list_model_get_n_items (parent_choices (fixture)), >=, 1);

  for (guint i = 0; i < fixture->requests->len; i++)
    {
      Request *request = g_ptr_array_index (fixture->requests, i);

      if (!g_str_equal (request->method, "GET") ||
          !g_str_has_prefix (request->path, "/v1/contacts?"))
        continue;
      g_assert_nonnull (strstr (request->path, "type=2"));
      n_lists++;
    }
  g_assert_cmpuint (n_lists, >=, 2);

  /* A business has no parent: the picker goes away. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (field (fixture,
                                                          ROLO_CONTACT_FIELD_CONTACT_TYPE)),
                                TRUE);
  edited = rolo_contact_editor_get_contact (fixture->editor);
  g_assert_cmpint (rolo_contact_get_contact_type (edited), ==, ROLO_CONTACT_TYPE_BUSINESS);
  g_assert_false (gtk_widget_is_visible (field (fixture, ROLO_CONTACT_FIELD_PARENT)));
}

static gint64
create_business (Fixture    *fixture,
                 const char *name,
                 const char *email,
                 const char *address)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  rolo_contact_set_name (contact, name);
  rolo_contact_set_contact_type (contact, ROLO_CONTACT_TYPE_BUSINESS);
  rolo_contact_set_email (contact, email);
  rolo_contact_set_address (contact, address);
  id = rolo_test_client_create (fixture->client, contact, &error);
  g_assert_no_error (error);
  return id;
}

static const char *
parent_row_subtitle (Fixture *fixture)
{
  GtkWidget *row = gtk_widget_get_ancestor (field (fixture, ROLO_CONTACT_FIELD_PARENT),
                                            ADW_TYPE_ACTION_ROW);

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static gboolean
parent_row_named (gpointer user_data)
{
  return strstr (parent_row_subtitle (user_data), "Williams") != NULL;
}

/* Three businesses of one name are told apart: in the picker's rows and in
 * the chosen value, by email, city and number. */
static void
test_parent_picker_same_names (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(RoloContact) individual = rolo_contact_new ();
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  gint64 ids[3], person;
  GListModel *choices;
  GtkWidget *search;

  ids[0] = create_business (fixture, "Williams Design Studio", "hello@wds-leeds.example",
                            "4 Mill Lane, Leeds");
  ids[1] = create_business (fixture, "Williams Design Studio", "info@wds.example", "");
  ids[2] = create_business (fixture, "Williams Design Studio", "", "9 Quay St\nBristol");

  open_editor (fixture, 0);
  open_parent_picker (fixture);
  search = rolo_test_find_widget (parent_popover (fixture), rolo_test_is_type_named,
                                  "GtkSearchEntry");
  gtk_popover_popdown (GTK_POPOVER (parent_popover (fixture)));
  gtk_editable_set_text (GTK_EDITABLE (search), "Williams Design");
  rolo_test_wait_until (parent_choices_loaded, fixture, TIMEOUT_MS);
  choices = parent_choices (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RoloContact) business = g_list_model_get_item (choices, i);
      char *line = rolo_business_picker_describe (business);

      g_test_message ("row %u: %s", i, line);
      g_assert_nonnull (strstr (line, "No. "));
      g_hash_table_add (lines, line);
    }
  /* Each row reads differently. */
  g_assert_cmpuint (g_hash_table_size (lines), ==, 3);

  /* Chosen: the value says which one. */
  choose_parent (fixture, ids[1]);
  g_test_message ("chosen: %s", parent_row_subtitle (fixture));
  g_assert_nonnull (strstr (parent_row_subtitle (fixture), "Williams Design Studio"));
  g_assert_nonnull (strstr (parent_row_subtitle (fixture), "info@wds.example"));
  close_editor (fixture);

  /* A contact of one of them, opened: its full record gives the city. */
  rolo_contact_set_name (individual, "Priya Nair");
  rolo_contact_set_parent_id (individual, ids[0]);
  person = rolo_test_client_create (fixture->client, individual, &error);
  g_assert_no_error (error);
  open_editor (fixture, person);
  rolo_test_wait_until (parent_row_named, fixture, TIMEOUT_MS);
  g_test_message ("opened: %s", parent_row_subtitle (fixture));
  g_assert_nonnull (strstr (parent_row_subtitle (fixture), "Leeds"));
  g_assert_nonnull (strstr (parent_row_subtitle (fixture), "hello@wds-leeds.example"));
  number = g_strdup_printf ("No. %" G_GINT64_FORMAT, ids[0]);
  g_assert_nonnull (strstr (parent_row_subtitle (fixture), number));
}

static gboolean
chip_shown (Fixture    *fixture,
            const char *text)
{
  GtkWidget *group = gtk_widget_get_ancestor (field (fixture, ROLO_CONTACT_FIELD_TAGS_CREATE),
                                              ADW_TYPE_PREFERENCES_GROUP);

  return rolo_test_find_widget (group, is_label_text, text) != NULL;
}

static gboolean
tag_entry_on_screen (gpointer user_data)
{
  Fixture *fixture = user_data;
  GtkWidget *entry = field (fixture, ROLO_CONTACT_FIELD_TAGS_CREATE);
  GtkWidget *editor = GTK_WIDGET (fixture->editor);
  GtkWidget *scrolled = gtk_widget_get_ancestor (entry, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_rect_t bounds;

  /* Scrolled down once the form has its size. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));

  if (!gtk_widget_compute_bounds (entry, editor, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (editor);
}

static gboolean
completion_shown (gpointer user_data)
{
  Fixture *fixture = user_data;

  return rolo_tag_completion_is_shown (rolo_contact_editor_get_tag_completion (fixture->editor));
}

/* Tags go by the names the user gave them: offered as one types, added by
 * name or number, shown by name, and still sent as numbers. */
static void
test_tag_names (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(RoloTagNames) names = NULL;
  g_autoptr(GArray) offered = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GtkWidget *entry, *list;
  JsonArray *sent;
  Request *post;

  g_settings_reset (settings, "tag-names");
  names = rolo_tag_names_new (settings, "test-workspace");
  rolo_tag_names_set (names, 12, "Newsletter");
  rolo_tag_names_set (names, 3, "VIP");
  rolo_tag_names_set (names, 7, "News Desk");

  open_editor (fixture, 0);
  rolo_contact_editor_set_tag_names (fixture->editor, names);
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");
  entry = field (fixture, ROLO_CONTACT_FIELD_TAGS_CREATE);
  /* As a user gets there: the form scrolls to it (a popover needs its
   * anchor on a monitor). */
  gtk_widget_grab_focus (entry);
  rolo_test_wait_until (tag_entry_on_screen, fixture, TIMEOUT_MS);


  /* Typing offers the names that match, by name. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "news");
  rolo_test_wait_until (completion_shown, fixture, TIMEOUT_MS);
  offered = rolo_tag_completion_dup_offered (rolo_contact_editor_get_tag_completion (
                                               fixture->editor));
  g_assert_cmpuint (offered->len, ==, 2);
  g_assert_cmpint (g_array_index (offered, gint64, 0), ==, 7);
  g_assert_cmpint (g_array_index (offered, gint64, 1), ==, 12);

  /* Picking one from the list adds it by name. */
  list = rolo_test_find_widget (entry, rolo_test_is_type_named, "GtkListBox");
  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "row-activated",
                         gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  rolo_test_iterate_for (100);
  g_assert_false (completion_shown (fixture));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (chip_shown (fixture, "Newsletter"));

  /* A name typed whole, any case, or a number. */
  add_tag (fixture, "vip");
  g_assert_true (chip_shown (fixture, "VIP"));
  add_tag (fixture, "42");
  g_assert_true (chip_shown (fixture, "#42"));
  /* A name nobody gave says so, and keeps what was typed. */
  add_tag (fixture, "Partners");
  g_assert_nonnull (strstr (rolo_contact_editor_get_field_error (fixture->editor,
                                                                 ROLO_CONTACT_FIELD_TAGS_CREATE),
                            "No tag is named “Partners”"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Partners");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");

  /* Tags already there are not offered again. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "new");
  rolo_test_wait_until (completion_shown, fixture, TIMEOUT_MS);
  g_clear_pointer (&offered, g_array_unref);
  offered = rolo_tag_completion_dup_offered (rolo_contact_editor_get_tag_completion (
                                               fixture->editor));
  g_assert_cmpuint (offered->len, ==, 1);
  g_assert_cmpint (g_array_index (offered, gint64, 0), ==, 7);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");

  /* A name given elsewhere (Preferences) shows at once. */
  rolo_tag_names_set (names, 42, "Trade Fair");
  g_assert_true (chip_shown (fixture, "Trade Fair"));

  activate (fixture, "editor.save");
  rolo_test_wait_until (saved_once, fixture, TIMEOUT_MS);
  post = last_request (fixture, "POST");
  bytes = g_bytes_new (post->body, strlen (post->body));
  body = rolo_test_parse_object (bytes);
  sent = json_object_get_array_member (body, "cst_tag_id");
  g_assert_cmpuint (json_array_get_length (sent), ==, 3);
  /* (A contact keeps its tags in order of number.) */
  g_assert_cmpint (json_array_get_int_element (sent, 0), ==, 3);
  g_assert_cmpint (json_array_get_int_element (sent, 1), ==, 12);
  g_assert_cmpint (json_array_get_int_element (sent, 2), ==, 42);
  g_settings_reset (settings, "tag-names");
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
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *base_url = NULL;

  soup_server_add_handler (server, NULL, ignoring_server_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_clear_object (&fixture->client);
  fixture->client = rolo_test_client_new (base_url);

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
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (discard_dialog (fixture))),
                   ==, "Open the Existing Contact?");
  respond (discard_dialog (fixture), "_Keep Editing");
  rolo_test_iterate_for (100);
  g_assert_cmpint (rolo_contact_editor_get_id (fixture->editor), ==, 0);
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, "S. Johnson");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "Sarah@Example.com");

  g_signal_emit_by_name (editor_button (fixture, "editor.open-duplicate"), "clicked");
  rolo_test_wait_until (message_dialog_shown, fixture, TIMEOUT_MS);
  respond (discard_dialog (fixture), "_Open Contact");
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
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *base_url = NULL;
  DroppingServer dropping = { TRUE, 0 };

  soup_server_add_handler (server, NULL, dropping_server_cb, &dropping, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_clear_object (&fixture->client);
  fixture->client = rolo_test_client_new (base_url);

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

/* Every field says what it is to a screen reader. */
static void
test_accessible_labels (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const char * const fields[] = {
    ROLO_CONTACT_FIELD_CONTACT_TYPE, ROLO_CONTACT_FIELD_NAME, ROLO_CONTACT_FIELD_EMAIL,
    ROLO_CONTACT_FIELD_MOBILE, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID, ROLO_CONTACT_FIELD_ADDRESS,
    ROLO_CONTACT_FIELD_TAX_NUMBER, ROLO_CONTACT_FIELD_NOTES, ROLO_CONTACT_FIELD_EMAIL_NOTIFY,
    ROLO_CONTACT_FIELD_SMS_NOTIFY, ROLO_CONTACT_FIELD_WHATSAPP_NOTIFY,
    ROLO_CONTACT_FIELD_PARENT, ROLO_CONTACT_FIELD_TAGS_CREATE,
  };

  open_editor (fixture, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *widget = field (fixture, fields[i]);
      GtkAccessible *accessible;
      gboolean named;

      /* A picker is used through its button. */
      if (rolo_test_find_widget (widget, rolo_test_is_type_named, "GtkMenuButton") != NULL)
        widget = GTK_WIDGET (picker_button (fixture, fields[i]));
      accessible = GTK_ACCESSIBLE (widget);

      /* Buttons are named by their words; the rest by a label or a
       * relation to one. */
      named = (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL) ||
              gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
              gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      if (!named)
        g_test_message ("%s (%s) has no accessible name", fields[i],
                        G_OBJECT_TYPE_NAME (widget));
      g_assert_true (named);
    }

  /* Tab follows the form, top to bottom. */
  {
    g_autoptr(GString) reached = g_string_new (" ");
    int last = -1;

    /* With an error showing under the name. */
    leave_field (fixture, ROLO_CONTACT_FIELD_NAME);
    g_assert_nonnull (rolo_contact_editor_get_field_error (fixture->editor,
                                                           ROLO_CONTACT_FIELD_NAME));
    gtk_window_set_focus (GTK_WINDOW (fixture->editor), NULL);
    for (guint tab = 0; tab < 60; tab++)
      {
        GtkWidget *focus;
        int deepest = -1;

        if (!gtk_widget_child_focus (GTK_WIDGET (fixture->editor), GTK_DIR_TAB_FORWARD))
          break;
        focus = gtk_window_get_focus (GTK_WINDOW (fixture->editor));
        /* As the user goes: what leaving a field shows, shows. */
        while (g_main_context_iteration (NULL, FALSE))
          ;
        for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
          {
            GtkWidget *widget = field (fixture, fields[i]);

            if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)) &&
                (deepest < 0 || gtk_widget_is_ancestor (widget, field (fixture, fields[deepest]))))
              deepest = i;
          }
        /* Wrapped around to the header bar: done. */
        if (deepest < 0 && last >= 0 && g_str_equal (fields[last], ROLO_CONTACT_FIELD_TAGS_CREATE))
          break;
        if (deepest < 0 || deepest == last)
          continue;
        g_string_append_printf (reached, "%s ", fields[deepest]);
        g_assert_cmpint (deepest, >, last);
        last = deepest;
      }
    g_test_message ("Tab: %s", reached->str);
    g_assert_cmpstr (fields[last], ==, ROLO_CONTACT_FIELD_TAGS_CREATE);
    for (guint i = 1; i < G_N_ELEMENTS (fields); i++)
      {
        g_autofree char *word = g_strdup_printf (" %s ", fields[i]);

        g_assert_nonnull (strstr (reached->str, word));
      }
  }

  /* An error is tied to its field and said out loud. */
  type_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "sarah@");
  leave_field (fixture, ROLO_CONTACT_FIELD_EMAIL);
  g_assert_nonnull (rolo_contact_editor_get_field_error (fixture->editor,
                                                         ROLO_CONTACT_FIELD_EMAIL));
  g_assert_true (gtk_test_accessible_has_state (GTK_ACCESSIBLE (field (fixture,
                                                                       ROLO_CONTACT_FIELD_EMAIL)),
                                                GTK_ACCESSIBLE_STATE_INVALID));
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (field (fixture,
                                                                          ROLO_CONTACT_FIELD_EMAIL)),
                                                   GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
}

/* What a screen reader says for a focused widget: its label, the label it
 * is labelled by, or a button's words; NULL for nothing. */
static char *
accessible_name (GtkWidget *widget)
{
  GtkWidget *row;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return g_strdup ("(label)");
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return g_strdup ("(labelled-by)");
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return g_strdup (gtk_button_get_label (GTK_BUTTON (widget)));
  /* The text inside an entry row is named by the row. */
  row = gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW);
  if (GTK_IS_TEXT (widget) && row != NULL)
    return accessible_name (row);
  return NULL;
}

/* Each Tab stop of the form is one thing with a name: no stop that says
 * nothing (a row around a text view), none counted twice (a row and the
 * switch in it). */
static void
test_tab_stops (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GPtrArray) stops = g_ptr_array_new ();

  open_editor (fixture, 0);
  gtk_window_set_focus (GTK_WINDOW (fixture->editor), NULL);
  for (guint tab = 0; tab < 80; tab++)
    {
      GtkWidget *focus;
      g_autofree char *name = NULL;

      if (!gtk_widget_child_focus (GTK_WIDGET (fixture->editor), GTK_DIR_TAB_FORWARD))
        break;
      while (g_main_context_iteration (NULL, FALSE))
        ;
      focus = gtk_window_get_focus (GTK_WINDOW (fixture->editor));
      if (focus == NULL || g_ptr_array_find (stops, focus, NULL))
        break;
      name = accessible_name (focus);
      g_test_message ("stop %u: %s %s", tab, G_OBJECT_TYPE_NAME (focus), name ? name : "(none)");
      /* The message rows under fields are read out on the way (and GTK 4.8
       * needs them focusable); hidden ones are never reached. */
      if (name == NULL && GTK_IS_LIST_BOX_ROW (focus) &&
          GTK_IS_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (focus))))
        name = g_strdup (gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (
                                                GTK_LIST_BOX_ROW (focus)))));
      g_assert_nonnull (name);
      g_ptr_array_add (stops, focus);
    }

  for (guint i = 1; i < stops->len; i++)
    {
      GtkWidget *before = g_ptr_array_index (stops, i - 1);
      GtkWidget *now = g_ptr_array_index (stops, i);

      g_assert_false (gtk_widget_is_ancestor (now, before));
    }
  g_assert_cmpuint (stops->len, >, 10);
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, buttons);
}

/* No button is read as "button" alone: an icon needs words (the Clear
 * Parent Business button was read as "GtkImage"). The editor is a dialog. */
static void
test_button_names (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  open_editor (fixture, 0);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->editor)), ==,
                   GTK_ACCESSIBLE_ROLE_DIALOG);
  collect_buttons (GTK_WIDGET (fixture->editor), buttons);
  g_assert_cmpuint (buttons->len, >, 5);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      g_autofree char *name = accessible_name (button);

      /* A menu button's inner toggle is named by the menu button. */
      if (name == NULL && GTK_IS_MENU_BUTTON (gtk_widget_get_parent (button)))
        continue;
      if (name == NULL)
        g_test_message ("unnamed %s (action %s)", G_OBJECT_TYPE_NAME (button),
                        GTK_IS_ACTIONABLE (button)
                          ? gtk_actionable_get_action_name (GTK_ACTIONABLE (button)) : "none");
      g_assert_nonnull (name);
    }
}

static void
test_load_error (Fixture       *fixture,
                 gconstpointer  user_data)
{
  open_editor (fixture, 987654);
  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "error");
  g_assert_true (gtk_widget_is_visible (editor_button (fixture, "editor.reload")));
  g_assert_false (can_save (fixture));
}

/* --- the main window opens the editor -------------------------------------- */

static gboolean
window_settled (gpointer user_data)
{
  RoloWindow *window = user_data;
  const char *state = rolo_window_get_state (window);

  return !g_str_equal (state, "welcome") && !g_str_equal (state, "loading");
}

/* The editor the window opened, transient for it. */
static RoloContactEditor *
window_editor (RoloWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ROLO_IS_CONTACT_EDITOR (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return ROLO_CONTACT_EDITOR (toplevel);
    }

  return NULL;
}

static gboolean
is_label_starting (GtkWidget  *widget,
                   const char *prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

typedef struct
{
  RoloWindow *window;
  guint       n_items;
  const char *toast;    /* shown as well, unless NULL */
} RowsWait;

static gboolean
window_has_rows (gpointer user_data)
{
  RowsWait *wait = user_data;
  GListModel *contacts = rolo_window_get_contacts (wait->window);

  return contacts != NULL && g_list_model_get_n_items (contacts) == wait->n_items &&
         (wait->toast == NULL ||
          rolo_test_find_widget (GTK_WIDGET (wait->window), is_label_starting, wait->toast));
}

static GtkColumnView *
window_column_view (RoloWindow *window)
{
  GtkWidget *view = rolo_test_find_widget (GTK_WIDGET (window), rolo_test_is_type_named,
                                           "GtkColumnView");

  g_assert_nonnull (view);
  return GTK_COLUMN_VIEW (view);
}

typedef struct
{
  RoloWindow *window;
  gint64      id;
} Selected;

/* The one selected row is the contact's. */
static gboolean
contact_selected (gpointer user_data)
{
  Selected *selected = user_data;
  GtkSelectionModel *selection = gtk_column_view_get_model (window_column_view (selected->window));
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (selection);
  g_autoptr(RoloContact) contact = NULL;

  if (gtk_bitset_get_size (set) != 1)
    return FALSE;

  contact = g_list_model_get_item (G_LIST_MODEL (selection), gtk_bitset_get_nth (set, 0));
  return contact != NULL && rolo_contact_get_id (contact) == selected->id;
}

static void
test_window (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(RoloApplication) app = rolo_test_application_new ("Editor");
  g_autoptr(RoloWindow) window = NULL;
  g_autoptr(GError) error = NULL;
  RoloContact *known;
  Selected selected;
  RowsWait wait;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  window = g_object_ref_sink (rolo_window_new (app));
  rolo_window_set_client (window, fixture->client);
  gtk_window_present (GTK_WINDOW (window));
  rolo_test_wait_until (window_settled, window, TIMEOUT_MS);
  g_assert_cmpstr (rolo_window_get_state (window), ==, "empty");

  /* New Contact: the editor opens over the window; saving shows in the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-contact", NULL));
  fixture->editor = g_object_ref (window_editor (window));
  g_assert_nonnull (fixture->editor);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (fixture->editor)));
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (saved_cb), fixture);
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");
  activate (fixture, "editor.save");
  rolo_test_wait_until (saved_once, fixture, TIMEOUT_MS);
  wait = (RowsWait) { window, 1, "Sarah Johnson created" };
  rolo_test_wait_until (window_has_rows, &wait, TIMEOUT_MS);
  g_assert_null (window_editor (window));
  close_editor (fixture);
  /* The saved contact is on screen: selected. */
  selected = (Selected) { window, rolo_contact_get_id (fixture->saved) };
  rolo_test_wait_until (contact_selected, &selected, TIMEOUT_MS);

  /* Opening a row's contact shows it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-contact", "x",
                                             rolo_contact_get_id (fixture->saved)));
  fixture->editor = g_object_ref (window_editor (window));
  g_assert_nonnull (fixture->editor);
  /* What the list has shows at once, while the rest loads. */
  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "loading");
  known = rolo_contact_details_get_contact (rolo_contact_editor_get_details (fixture->editor));
  g_assert_nonnull (known);
  g_assert_cmpstr (rolo_contact_get_name (known), ==, "Sarah Johnson");
  wait_settled (fixture);
  g_assert_cmpstr (rolo_contact_editor_get_state (fixture->editor), ==, "viewing");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");

  close_editor (fixture);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window with @n_contacts, its client the fixture's. */
static RoloWindow *
window_new (Fixture         *fixture,
            RoloApplication *app,
            guint            n_rows)
{
  g_autoptr(GError) error = NULL;
  RoloWindow *window;
  RowsWait wait;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  window = g_object_ref_sink (rolo_window_new (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  rolo_window_set_client (window, fixture->client);
  gtk_window_present (GTK_WINDOW (window));
  rolo_test_wait_until (window_settled, window, TIMEOUT_MS);
  wait = (RowsWait) { window, n_rows, NULL };
  rolo_test_wait_until (window_has_rows, &wait, TIMEOUT_MS);

  return window;
}

static gboolean
address_sized (gpointer user_data)
{
  Fixture *fixture = user_data;
  GtkWidget *view = field (fixture, ROLO_CONTACT_FIELD_ADDRESS);
  int natural = 0;

  if (gtk_widget_get_width (view) == 0)
    return FALSE;
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), NULL,
                      &natural, NULL, NULL);
  return gtk_widget_get_height (view) == natural;
}

/* Editing a contact of the list: saved, it is selected where it shows. */
static void
test_window_edit_selects (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(RoloApplication) app = rolo_test_application_new ("Editor");
  g_autoptr(RoloWindow) window = NULL;
  GListModel *contacts;
  g_autoptr(RoloContact) third = NULL;
  Selected selected;

  window = window_new (fixture, app, 12);
  contacts = rolo_window_get_contacts (window);
  third = g_list_model_get_item (contacts, 3);
  /* Slow enough for the editor to show the list's row first. */
  rolo_sandbox_set_latency (fixture->sandbox, 300);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-contact", "x",
                                             rolo_contact_get_id (third)));
  fixture->editor = g_object_ref (window_editor (window));
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (saved_cb), fixture);
  wait_settled (fixture);
  /* Enter, as a user does. */
  press_shortcut (fixture, GDK_KEY_Return, 0);
  rolo_test_wait_until (editing, fixture, TIMEOUT_MS);
  /* The address, filled while the form was hidden, takes its own height
   * once the form shows, not the height of a text wrapped for no width. */
  g_assert_cmpstr (rolo_contact_get_address (rolo_contact_editor_get_contact (fixture->editor)),
                   !=, "");
  rolo_test_wait_until (address_sized, fixture, TIMEOUT_MS);
  rolo_test_iterate_for (300);
  g_assert_true (address_sized (fixture));
  type_text (fixture, ROLO_CONTACT_FIELD_TAX_NUMBER, "TX-77");
  activate (fixture, "editor.save");
  rolo_test_wait_until (saved_once, fixture, TIMEOUT_MS);

  selected = (Selected) { window, rolo_contact_get_id (third) };
  rolo_test_wait_until (contact_selected, &selected, TIMEOUT_MS);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (
                   gtk_column_view_get_model (window_column_view (window))), 3));
  close_editor (fixture);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  RoloWindow *window;
  gboolean    destroyed;
} Quit;

static void
toplevels_changed_cb (Quit *quit)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == G_OBJECT (quit->window))
        return;
    }
  quit->destroyed = TRUE;
}

static gboolean
quit_dialog_shown (gpointer user_data)
{
  return discard_dialog (user_data) != NULL;
}

/* Ctrl+Q with unsaved changes asks before anything goes; Keep Editing
 * keeps the app, the window and what was typed. */
static void
test_quit_dirty (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(RoloApplication) app = rolo_test_application_new ("Editor");
  g_autoptr(RoloWindow) window = NULL;
  Quit quit = { NULL, FALSE };
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_auto(GStrv) accels = NULL;
  GtkWindow *dialog;

  window = window_new (fixture, app, 0);
  quit.window = window;
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpstr (accels[0], ==, "<Control>q");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-contact", NULL));
  fixture->editor = g_object_ref (window_editor (window));
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");
  type_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "sarah@example.com");
  g_signal_connect_swapped (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), &quit);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  rolo_test_wait_until (quit_dialog_shown, fixture, TIMEOUT_MS);
  dialog = discard_dialog (fixture);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Discard changes?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                                               "discard"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);
  /* Nothing went while it asks. */
  g_assert_false (quit.destroyed);

  respond (dialog, "_Keep Editing");
  rolo_test_iterate_for (100);
  g_assert_false (quit.destroyed);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (window_editor (window) == fixture->editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->editor)));
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");
  assert_field_text (fixture, ROLO_CONTACT_FIELD_EMAIL, "sarah@example.com");

  /* Discard: the editor goes, then the app quits. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  rolo_test_wait_until (quit_dialog_shown, fixture, TIMEOUT_MS);
  respond (discard_dialog (fixture), "_Discard");
  rolo_test_wait_for_flag (&quit.destroyed, TIMEOUT_MS);
  g_signal_handlers_disconnect_by_data (toplevels, &quit);
  g_assert_null (window_editor (window));
  g_assert_cmpuint (count_requests (fixture, "POST"), ==, 0);
  close_editor (fixture);
}

/* The main window's close button with unsaved changes asks too; after
 * Discard the editor and then the window go. */
static void
test_close_window_dirty (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(RoloApplication) app = rolo_test_application_new ("Editor");
  g_autoptr(RoloWindow) window = NULL;
  Quit quit = { NULL, FALSE };
  GListModel *toplevels = gtk_window_get_toplevels ();

  window = window_new (fixture, app, 0);
  quit.window = window;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-contact", NULL));
  fixture->editor = g_object_ref (window_editor (window));
  type_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");
  g_signal_connect_swapped (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), &quit);

  gtk_window_close (GTK_WINDOW (window));
  rolo_test_wait_until (quit_dialog_shown, fixture, TIMEOUT_MS);
  g_assert_false (quit.destroyed);
  respond (discard_dialog (fixture), "_Keep Editing");
  rolo_test_iterate_for (100);
  g_assert_false (quit.destroyed);
  g_assert_true (window_editor (window) == fixture->editor);
  assert_field_text (fixture, ROLO_CONTACT_FIELD_NAME, "Sarah Johnson");

  gtk_window_close (GTK_WINDOW (window));
  rolo_test_wait_until (quit_dialog_shown, fixture, TIMEOUT_MS);
  respond (discard_dialog (fixture), "_Discard");
  rolo_test_wait_for_flag (&quit.destroyed, TIMEOUT_MS);
  g_signal_handlers_disconnect_by_data (toplevels, &quit);
  g_assert_null (window_editor (window));
  g_assert_cmpuint (count_requests (fixture, "POST"), ==, 0);
  close_editor (fixture);
}

static gboolean
pointer_cleared (gpointer user_data)
{
  return *(gpointer *) user_data == NULL;
}

/* As the app holds it: nothing but GTK keeps the editor, so Discard frees
 * it while its dialog goes. It must go cleanly (it used to leave the dialog
 * disconnecting from a freed window: CRITICALs, a latent crash). */
static void
test_discard_frees_editor (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(RoloApplication) app = rolo_test_application_new ("Editor");
  g_autoptr(RoloWindow) window = NULL;
  RoloContactEditor *editor = NULL;

  window = window_new (fixture, app, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-contact", NULL));
  g_set_weak_pointer (&editor, window_editor (window));
  g_assert_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (rolo_contact_editor_get_field_widget (
                           editor, ROLO_CONTACT_FIELD_NAME)), "Half a na");

  fixture->editor = editor;
  gtk_window_close (GTK_WINDOW (editor));
  rolo_test_wait_until (quit_dialog_shown, fixture, TIMEOUT_MS);
  respond (discard_dialog (fixture), "_Discard");
  fixture->editor = NULL;

  rolo_test_wait_until (pointer_cleared, &editor, TIMEOUT_MS);
  g_assert_null (window_editor (window));
  /* The dialog went too, and the window stays. */
  rolo_test_iterate_for (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (count_requests (fixture, "POST"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Quitting with nothing typed does not ask. */
static void
test_quit_clean (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(RoloApplication) app = rolo_test_application_new ("Editor");
  g_autoptr(RoloWindow) window = NULL;
  Quit quit = { NULL, FALSE };
  GListModel *toplevels = gtk_window_get_toplevels ();

  window = window_new (fixture, app, 0);
  quit.window = window;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-contact", NULL));
  fixture->editor = g_object_ref (window_editor (window));
  g_signal_connect_swapped (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), &quit);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  rolo_test_wait_for_flag (&quit.destroyed, TIMEOUT_MS);
  g_signal_handlers_disconnect_by_data (toplevels, &quit);
  g_assert_null (discard_dialog (fixture));
  close_editor (fixture);
}

/* The accelerator a widget's class binds to @action_name, or NULL. */
static char *
class_accel (GtkWidget  *widget,
             const char *action_name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                           action_name))
            return gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
        }
    }

  return NULL;
}

/* The accelerator the Keyboard Shortcuts window shows for @title. */
static char *
listed_accel (GtkBuilder *builder,
              const char *title)
{
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *listed_title = NULL;
      g_autofree char *accel = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "title", &listed_title, "accelerator", &accel, NULL);
      if (g_strcmp0 (listed_title, title) == 0)
        return g_steal_pointer (&accel);
    }

  return NULL;
}

static void
assert_accel (char       *listed,
              const char *bound)
{
  g_autofree char *owned = listed;

  guint listed_key, bound_key;
  GdkModifierType listed_mods, bound_mods;

  g_assert_nonnull (listed);
  g_assert_nonnull (bound);
  g_assert_true (gtk_accelerator_parse (listed, &listed_key, &listed_mods));
  g_assert_true (gtk_accelerator_parse (bound, &bound_key, &bound_mods));
  g_assert_cmpuint (listed_key, ==, bound_key);
  g_assert_cmpuint (listed_mods, ==, bound_mods);
}

static gboolean
help_overlay_mapped (gpointer user_data)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (user_data);

  return overlay != NULL && gtk_widget_get_mapped (GTK_WIDGET (overlay));
}

/* What the Keyboard Shortcuts window lists is what the keys are bound to. */
static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(RoloApplication) app = rolo_test_application_new ("Editor");
  g_autoptr(RoloWindow) window = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autofree char *new_contact = NULL;
  g_autofree char *undo = NULL;
  g_autofree char *save = NULL;
  g_autofree char *cancel = NULL;
  g_autofree char *delete = NULL;
  GtkWidget *view, *overlay, *switcher;

  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  window = window_new (fixture, app, 0);
  view = rolo_test_find_widget (GTK_WIDGET (window), rolo_test_is_type_named, "RoloContactView");
  g_assert_nonnull (view);

  new_contact = class_accel (GTK_WIDGET (window), "win.new-contact");
  assert_accel (listed_accel (builder, "New Contact"), new_contact);
  undo = class_accel (GTK_WIDGET (window), "win.undo-delete");
  assert_accel (listed_accel (builder, "Undo Delete"), undo);
  delete = class_accel (view, "win.delete-selected");
  assert_accel (listed_accel (builder, "Delete Selected Contacts"), delete);
  /* Enter activates a row, which opens its contact. */
  assert_accel (listed_accel (builder, "Open Contact"), "Return");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-contact", NULL));
  fixture->editor = g_object_ref (window_editor (window));
  save = class_accel (GTK_WIDGET (fixture->editor), "editor.save");
  assert_accel (listed_accel (builder, "Save"), save);
  cancel = class_accel (GTK_WIDGET (fixture->editor), "editor.cancel");
  assert_accel (listed_accel (builder, "Cancel"), cancel);

  close_editor (fixture);

  /* The window itself, as Ctrl+? shows it: every shortcut on one page.
   * More than one page brings a page switcher whose labels GTK 4.8 measures
   * below zero (a warning, fatal here). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay",
                                             NULL));
  rolo_test_wait_until (help_overlay_mapped, window, TIMEOUT_MS);
  rolo_test_iterate_for (200);
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (
                          GTK_APPLICATION_WINDOW (window)));
  switcher = rolo_test_find_widget (overlay, rolo_test_is_type_named, "GtkStackSwitcher");
  g_assert_true (switcher == NULL || !gtk_widget_get_visible (switcher));
  gtk_window_close (GTK_WINDOW (overlay));

  gtk_window_destroy (GTK_WINDOW (window));
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

#define ADD(path, n, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/editor/create", 0, test_create);
  ADD ("/ui/editor/create/notify-defaults", 0, test_notify_defaults);
  ADD ("/ui/editor/switch-rows", 0, test_switch_rows);
  ADD ("/ui/editor/tags/names", 0, test_tag_names);
  ADD ("/ui/editor/keyboard/picker-focus", 0, test_picker_focus);
  ADD ("/ui/editor/open", 0, test_open);
  ADD ("/ui/editor/open/known-offline", 0, test_open_known_offline);
  ADD ("/ui/editor/edit/only-changed", 5, test_edit_email);
  ADD ("/ui/editor/edit/unapplied", 0, test_unapplied);
  ADD ("/ui/editor/validation/server", 5, test_server_validation);
  ADD ("/ui/editor/validation/too-long", 0, test_name_too_long);
  ADD ("/ui/editor/validation/after-leaving", 0, test_errors_after_leaving);
  ADD ("/ui/editor/failure/retry", 0, test_failure_retry);
  ADD ("/ui/editor/failure/timeout-duplicate", 0, test_timeout_duplicate);
  ADD ("/ui/editor/discard", 0, test_discard);
  ADD ("/ui/editor/discard/frees-editor", 0, test_discard_frees_editor);
  ADD ("/ui/editor/parent-picker", 30, test_parent_picker);
  ADD ("/ui/editor/parent-picker/same-names", 0, test_parent_picker_same_names);
  ADD ("/ui/editor/load-error", 0, test_load_error);
  ADD ("/ui/editor/window", 0, test_window);
  ADD ("/ui/editor/window/edit-selects", 12, test_window_edit_selects);
  ADD ("/ui/editor/window/quit-dirty", 0, test_quit_dirty);
  ADD ("/ui/editor/window/quit-clean", 0, test_quit_clean);
  ADD ("/ui/editor/window/close-dirty", 0, test_close_window_dirty);
  ADD ("/ui/editor/window/shortcuts", 0, test_shortcuts);
  ADD ("/ui/editor/duplicate/email", 0, test_duplicate_email);
  ADD ("/ui/editor/duplicate/name", 0, test_duplicate_name);
  ADD ("/ui/editor/duplicate/name-and-mobile", 0, test_duplicate_name_and_mobile);
  ADD ("/ui/editor/delete-button", 0, test_delete_button);
  ADD ("/ui/editor/failure/dropped-connection", 0, test_dropped_connection);
  ADD ("/ui/editor/accessibility", 0, test_accessible_labels);
  ADD ("/ui/editor/keyboard/tab-stops", 0, test_tab_stops);
  ADD ("/ui/editor/accessibility/buttons", 0, test_button_names);

#undef ADD

  return g_test_run ();
}
