/* rolo-test-editor.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-contact-list.h"
#include "rolo-test-editor.h"

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

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->requests = g_ptr_array_new_with_free_func (request_free);
  fixture->sandbox = rolo_test_sandbox_new (GPOINTER_TO_UINT (user_data));
  g_signal_connect (fixture->sandbox, "request", G_CALLBACK (request_cb), fixture);
  fixture->client = rolo_test_client_new_for (fixture->sandbox);
}

/* Closing destroys the editor already; destroying it twice is an error.
 * Either way the editor must be freed: a leak fails the test. */
void
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
  clear_and_wait_finalized (&fixture->editor);
}

void
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

void
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

void
rolo_test_editor_init (int    *argc,
                       char ***argv)
{
  rolo_test_gtk_init (argc, argv);
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

void
wait_settled (Fixture *fixture)
{
  rolo_test_wait_until (editor_settled, fixture, TIMEOUT_MS);
}

gboolean
saved_once (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->n_saved > 0;
}

gboolean
editing (gpointer user_data)
{
  Fixture *fixture = user_data;

  return g_str_equal (rolo_contact_editor_get_state (fixture->editor), "editing");
}

gboolean
pointer_cleared (gpointer user_data)
{
  return *(gpointer *) user_data == NULL;
}

void
clear_and_wait_finalized (gpointer object_ptr)
{
  GObject **object = object_ptr;
  GObject *weak = *object;

  g_object_add_weak_pointer (weak, (gpointer *) &weak);
  g_clear_object (object);
  rolo_test_wait_until (pointer_cleared, &weak, TIMEOUT_MS);
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
void
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

void
open_viewer (Fixture *fixture,
             gint64   id)
{
  open_viewer_known (fixture, id, NULL);
}

/* Opens contact @id and presses Edit (or a new contact). */
void
open_editor (Fixture *fixture,
             gint64   id)
{
  open_viewer (fixture, id);
  if (g_str_equal (rolo_contact_editor_get_state (fixture->editor), "viewing"))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.edit",
                                               NULL));
}

/* --- finding the widgets a user would use ---------------------------------- */

gboolean
is_label_text (GtkWidget  *widget,
               const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

GtkWidget *
editor_button (Fixture    *fixture,
               const char *action_name)
{
  GtkWidget *button = rolo_test_find_widget (GTK_WIDGET (fixture->editor), rolo_test_is_button_for,
                                             action_name);

  g_assert_nonnull (button);
  return button;
}

gboolean
can_save (Fixture *fixture)
{
  return gtk_widget_get_sensitive (editor_button (fixture, "editor.save"));
}

GtkWidget *
field (Fixture    *fixture,
       const char *api_field)
{
  GtkWidget *widget = rolo_contact_editor_get_field_widget (fixture->editor, api_field);

  g_assert_nonnull (widget);
  return widget;
}

void
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

void
assert_field_text (Fixture    *fixture,
                   const char *api_field,
                   const char *expected)
{
  g_autofree char *text = field_text (fixture, api_field);

  g_assert_cmpstr (text, ==, expected);
}

/* Focus leaving a field, as when the user tabs on. */
void
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

void
activate (Fixture    *fixture,
          const char *action_name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), action_name, NULL));
}

/* A binding of the editor's, as the key would trigger it. */
gboolean
press_shortcut (Fixture         *fixture,
                guint            keyval,
                GdkModifierType  modifiers)
{
  return rolo_test_press_shortcut (GTK_WIDGET (fixture->editor), keyval, modifiers);
}

void
add_tag (Fixture    *fixture,
         const char *text)
{
  GtkWidget *row = field (fixture, ROLO_CONTACT_FIELD_TAGS_CREATE);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

/* The button a picker shows. */
GtkMenuButton *
picker_button (Fixture    *fixture,
               const char *api_field)
{
  GtkWidget *button = rolo_test_find_widget (field (fixture, api_field), rolo_test_is_type_named,
                                             "GtkMenuButton");

  g_assert_nonnull (button);
  return GTK_MENU_BUTTON (button);
}

/* --- the parent picker ----------------------------------------------------- */

GtkWidget *
parent_popover (Fixture *fixture)
{
  GtkMenuButton *button = picker_button (fixture, ROLO_CONTACT_FIELD_PARENT);

  return GTK_WIDGET (gtk_menu_button_get_popover (button));
}

GListModel *
parent_choices (Fixture *fixture)
{
  GtkWidget *view = rolo_test_find_widget (parent_popover (fixture), rolo_test_is_type_named,
                                           "GtkListView");

  g_assert_nonnull (view);
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
}

gboolean
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
void
open_parent_picker (Fixture *fixture)
{
  gtk_widget_grab_focus (field (fixture, ROLO_CONTACT_FIELD_PARENT));
  rolo_test_wait_until (parent_button_on_screen, fixture, TIMEOUT_MS);
  gtk_menu_button_popup (picker_button (fixture, ROLO_CONTACT_FIELD_PARENT));
  rolo_test_wait_until (parent_choices_loaded, fixture, TIMEOUT_MS);
}

void
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

gint64
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

Request *
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

guint
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

void
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

/* --- the dialogs the editor asks with -------------------------------------- */

GtkWidget *
discard_dialog (Fixture *fixture)
{
  return rolo_test_alert_shown (GTK_WINDOW (fixture->editor));
}

gboolean
message_dialog_shown (gpointer user_data)
{
  return discard_dialog (user_data) != NULL;
}


