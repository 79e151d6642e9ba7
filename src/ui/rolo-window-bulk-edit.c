/* rolo-window-bulk-edit.c: Edit Selected Contacts from the main window
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-bulk-editor.h"
#include "rolo-error-text.h"
#include "rolo-window-private.h"

/* Whether two loaded rows are selected, without copying them all. */
static gboolean
has_several_selected (RoloWindow *self)
{
  GtkSelectionModel *selection = rolo_contact_view_get_selection (self->contact_view);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  GtkBitsetIter iter;
  guint position;
  guint n_loaded = 0;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more && n_loaded < 2;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(RoloContact) contact = g_list_model_get_item (G_LIST_MODEL (selection),
                                                              position);

      if (contact != NULL && rolo_contact_get_state (contact) == ROLO_CONTACT_STATE_READY &&
          rolo_contact_get_id (contact) > 0)
        n_loaded++;
    }
  return n_loaded >= 2;
}

void
rolo_window_update_bulk_edit_actions (RoloWindow *self)
{
  RoloBulkEdit *edit = self->bulk_edit;
  /* After an undo, its failures can be tried again. */
  gboolean undoable = edit != NULL && !rolo_bulk_edit_get_running (edit) &&
                      (rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_CHANGED) > 0 ||
                       (rolo_bulk_edit_get_undoing (edit) &&
                        rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_FAILED) > 0));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-selected",
                                 self->contacts != NULL && self->client != NULL &&
                                 !self->flushing && has_several_selected (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-bulk-edit", undoable);
}

static void
applied_cb (RoloWindow *self)
{
  rolo_window_reload (self);
}

/* Offers to undo what changed; says so when nothing needed to. */
static void
done_cb (RoloWindow   *self,
         RoloBulkEdit *edit)
{
  guint n_changed = rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_CHANGED);
  guint n_unchanged = rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_UNCHANGED);
  g_autofree char *title = NULL;

  g_set_object (&self->bulk_edit, edit);
  rolo_window_update_bulk_edit_actions (self);
  if (n_changed > 0)
    {
      /* Translators: a toast after a bulk edit */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Changed %'u contact",
                                            "Changed %'u contacts", n_changed), n_changed);
      rolo_window_show_toast (self, title, _("_Undo"), "win.undo-bulk-edit");
    }
  else if (n_unchanged == rolo_bulk_edit_get_n_contacts (edit))
    rolo_window_show_toast (self, _("No contacts needed changing"), NULL, NULL);
  else
    rolo_window_show_toast (self, _("No contacts were changed"), NULL, NULL);
}

static void
edit_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RoloWindow *self = ROLO_WINDOW (widget);
  g_autoptr(GPtrArray) contacts = NULL;
  RoloBulkEditor *editor;

  if (self->client == NULL || self->contacts == NULL)
    return;
  contacts = rolo_window_dup_selected (self);
  if (contacts->len < 2)
    return;

  editor = rolo_bulk_editor_new (self->client, rolo_window_get_tag_names (self), contacts);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  g_signal_connect_object (editor, "applied", G_CALLBACK (applied_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "done", G_CALLBACK (done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
undone_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RoloWindow) self = user_data;
  RoloBulkEdit *edit = ROLO_BULK_EDIT (source);
  g_autoptr(GPtrArray) failed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n_undone;

  if (!rolo_bulk_edit_undo_finish (edit, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  rolo_window_reload (self);
  rolo_window_update_bulk_edit_actions (self);
  failed = rolo_bulk_edit_list (edit, ROLO_BULK_EDIT_FAILED);
  n_undone = rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_UNDONE);
  if (failed->len > 0)
    {
      const GError *why = rolo_bulk_edit_get_error (edit, g_ptr_array_index (failed, 0));
      g_autofree char *reason = why != NULL ? rolo_error_text_title (why) : NULL;

      /* Translators: a toast; %u contacts could not be restored, %s says why */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Could not restore %'u contact: %s",
                                            "Could not restore %'u contacts: %s", failed->len),
                               failed->len, reason != NULL ? reason : "");
      rolo_window_show_toast (self, title, _("_Retry"), "win.undo-bulk-edit");
      return;
    }
  /* Translators: a toast after undoing a bulk edit */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Restored %'u contact",
                                        "Restored %'u contacts", n_undone), n_undone);
  rolo_window_show_toast (self, title, NULL, NULL);
}

/* Restores the contacts the last bulk edit changed (or retries those whose
 * restore failed). */
static void
undo_bulk_edit_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RoloWindow *self = ROLO_WINDOW (widget);

  if (self->bulk_edit == NULL || rolo_bulk_edit_get_running (self->bulk_edit))
    return;
  gtk_widget_action_set_enabled (widget, "win.undo-bulk-edit", FALSE);
  rolo_bulk_edit_undo_async (self->bulk_edit, self->cancellable, undone_cb,
                             g_object_ref (self));
}

void
rolo_window_class_add_bulk_edit_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.edit-selected", NULL,
                                   edit_selected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.edit-selected", NULL);
  gtk_widget_class_install_action (widget_class, "win.undo-bulk-edit", NULL,
                                   undo_bulk_edit_action);
}
