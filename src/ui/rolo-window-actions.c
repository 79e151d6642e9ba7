/* rolo-window-actions.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-alert.h"
#include "rolo-contact-editor.h"
#include "rolo-window-private.h"

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  rolo_window_reload (ROLO_WINDOW (widget));
}

/* From the offline banner: the server now, rather than after the wait. */
static void
retry_now_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  rolo_window_reload (ROLO_WINDOW (widget));
}

/* From the error page: ask again. From a toast: the rows that failed. */
static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RoloWindow *self = ROLO_WINDOW (widget);

  if (self->contacts == NULL)
    return;

  if (self->page == ROLO_WINDOW_PAGE_ERROR)
    rolo_window_reload (self);
  else
    rolo_contact_list_retry (self->contacts);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RoloWindow *self = ROLO_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
clear_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RoloWindow *self = ROLO_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
open_contact_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (widget, "open-contact", g_variant_get_int64 (parameter), &handled);
}

/* Preferences with the server filled in and the keys empty. */
static void
reconnect_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "app.reconnect", NULL);
}

/* Selects the row of self->select_id if it is on screen (give or take a
 * row: the list view knows its rows' height only roughly). */
static gboolean
rolo_window_select_if_shown (RoloWindow *self)
{
  GtkSelectionModel *selection = rolo_contact_view_get_selection (self->contact_view);
  GtkScrollable *view = GTK_SCROLLABLE (rolo_contact_view_get_column_view (self->contact_view));
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (view);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (selection));
  double upper = adjustment != NULL ? gtk_adjustment_get_upper (adjustment) : 0;
  guint first = 0, last = n_items;

  if (upper > 0)
    {
      double value = gtk_adjustment_get_value (adjustment);
      double page_size = gtk_adjustment_get_page_size (adjustment);

      first = (guint) MAX (0, value / upper * n_items - 2);
      last = (guint) MIN (n_items, (value + page_size) / upper * n_items + 2);
    }

  g_debug ("Looking for the saved contact in rows %u to %u of %u", first, last, n_items);
  for (guint position = first; position < last; position++)
    {
      g_autoptr(RoloContact) contact = g_list_model_get_item (G_LIST_MODEL (selection),
                                                              position);

      if (contact != NULL && rolo_contact_get_state (contact) == ROLO_CONTACT_STATE_READY &&
          rolo_contact_get_id (contact) == self->select_id)
        {
          gtk_selection_model_select_item (selection, position, TRUE);
          /* Back from the editor, the keys act on this row. */
          rolo_contact_view_focus_row (self->contact_view, position);
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
select_saved_cb (gpointer user_data)
{
  RoloWindow *self = user_data;

  if (self->select_id != 0 && self->contacts != NULL)
    rolo_window_select_if_shown (self);
  self->select_id = 0;

  return G_SOURCE_REMOVE;
}

/* Once the refresh after a save has answered, and the rows it brings are
 * in (the list counts them right after it stops loading), the saved
 * contact is selected if it shows, and forgotten either way. */
static void
saved_refreshed_cb (RoloWindow *self)
{
  if (self->contacts == NULL || rolo_contact_list_get_loading (self->contacts))
    return;

  g_signal_handlers_disconnect_by_func (self->contacts, saved_refreshed_cb, self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, select_saved_cb, g_object_ref (self),
                   g_object_unref);
}

/* The list shows the change; the toast says so. */
static void
editor_saved_cb (RoloWindow  *self,
                 RoloContact *saved,
                 gboolean     created)
{
  g_autofree char *name = g_markup_escape_text (rolo_contact_get_name (saved), -1);
  g_autofree char *title = NULL;

  if (self->contacts != NULL)
    {
      self->select_id = rolo_contact_get_id (saved);
      g_signal_handlers_disconnect_by_func (self->contacts, saved_refreshed_cb, self);
      g_signal_connect_object (self->contacts, "notify::loading",
                               G_CALLBACK (saved_refreshed_cb), self, G_CONNECT_SWAPPED);
      rolo_contact_list_refresh (self->contacts);
    }

  if (created)
    /* Translators: %s is the new contact's name */
    title = g_strdup_printf (_("%s created"), name);
  else
    title = g_strdup (_("Contact saved"));
  rolo_window_show_toast (self, title, NULL, NULL);
}

/* From the editor's Delete button: as the Delete key does, with undo. */
static void
editor_delete_cb (RoloWindow  *self,
                  RoloContact *contact)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->contacts == NULL)
    return;

  g_ptr_array_add (contacts, rolo_contact_copy (contact));
  rolo_window_delete_contacts (self, contacts);
}

/* The editor open over the window, if any. */
RoloContactEditor *
rolo_window_find_editor (RoloWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ROLO_IS_CONTACT_EDITOR (window) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        return ROLO_CONTACT_EDITOR (window);
    }

  return NULL;
}

gboolean
rolo_window_ask_before_quit (RoloWindow *self)
{
  RoloContactEditor *editor;

  g_return_val_if_fail (ROLO_IS_WINDOW (self), FALSE);

  editor = rolo_window_find_editor (self);
  if (editor == NULL)
    return FALSE;

  return rolo_contact_editor_close_then (editor, "app.quit");
}

void
rolo_window_open_editor (RoloWindow *self,
                         gint64      id)
{
  RoloContactEditor *editor;

  if (self->client == NULL)
    return;

  editor = rolo_contact_editor_new (self->client, id);
  rolo_contact_editor_set_tag_names (editor, rolo_window_get_tag_names (self));
  /* What the list has shows at once, and stays should loading the rest fail. */
  if (id != 0 && self->contacts != NULL)
    {
      g_autoptr(RoloContact) known = rolo_contact_list_find_loaded (self->contacts, id);

      if (known != NULL)
        rolo_contact_editor_show_known (editor, known);
    }
  if (self->contacts != NULL)
    rolo_contact_editor_set_offline (editor, rolo_contact_list_get_offline (self->contacts));
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "delete", G_CALLBACK (editor_delete_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  rolo_window_open_editor (ROLO_WINDOW (widget), 0);
}

/* Deleting this many at once asks first. */
#define DELETE_CONFIRM_ABOVE 20

static void
delete_confirmed_cb (RoloWindow       *self,
                     const char       *response,
                     GtkWidget        *dialog)
{
  GPtrArray *contacts = g_object_get_data (G_OBJECT (dialog), "rolo-contacts");

  if (g_str_equal (response, "delete"))
    rolo_window_delete_contacts (self, contacts);
}

static void
rolo_window_confirm_delete (RoloWindow *self,
                            GPtrArray  *contacts)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Delete %'u Contact?", "Delete %'u Contacts?",
                                          contacts->len),
                             contacts->len);
  dialog = rolo_alert_new (heading, _("They are deleted from the workspace for everyone who "
                                      "uses it. You can still undo it right after."));
  rolo_alert_add_choice (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"),
                         ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "rolo-contacts", g_ptr_array_ref (contacts),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_confirmed_cb), self,
                           G_CONNECT_SWAPPED);
  rolo_alert_present (dialog, GTK_WIDGET (self));
}

/* The selected rows that are loaded, as copies: rows can be refilled while
 * the confirmation is up. */
GPtrArray *
rolo_window_dup_selected (RoloWindow *self)
{
  GtkSelectionModel *selection = rolo_contact_view_get_selection (self->contact_view);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(RoloContact) contact = g_list_model_get_item (G_LIST_MODEL (selection),
                                                              position);

      if (contact != NULL && rolo_contact_get_state (contact) == ROLO_CONTACT_STATE_READY &&
          rolo_contact_get_id (contact) > 0)
        g_ptr_array_add (contacts, rolo_contact_copy (contact));
    }

  return contacts;
}

/* From the Delete key or the row menu, which selects the row it is for. */
static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RoloWindow *self = ROLO_WINDOW (widget);
  g_autoptr(GPtrArray) contacts = NULL;

  if (self->contacts == NULL)
    return;

  contacts = rolo_window_dup_selected (self);
  if (contacts->len > DELETE_CONFIRM_ABOVE)
    rolo_window_confirm_delete (self, contacts);
  else if (contacts->len > 0)
    rolo_window_delete_contacts (self, contacts);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  rolo_window_undo_delete (ROLO_WINDOW (widget));
}

void
rolo_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "win.retry-now", NULL, retry_now_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.clear-search", NULL, clear_search_action);
  gtk_widget_class_install_property_action (widget_class, "win.type-filter", "type-filter");
  gtk_widget_class_install_action (widget_class, "win.open-contact", "x", open_contact_action);
  gtk_widget_class_install_action (widget_class, "win.reconnect", NULL, reconnect_action);
  gtk_widget_class_install_action (widget_class, "win.new-contact", NULL, new_contact_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-contact", NULL);
  gtk_widget_class_install_action (widget_class, "win.delete-selected", NULL,
                                   delete_selected_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", NULL, undo_delete_action);
  /* Ctrl+Z in the search entry is the entry's own undo. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo-delete", NULL);
}
