/* rolo-window-files.c: Import… and Export… of the main window
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-export-dialog.h"
#include "rolo-file-pick.h"
#include "rolo-import-dialog.h"
#include "rolo-window-private.h"

static void
exported_cb (RoloWindow *self,
             GFile      *file,
             guint       n_exported)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;

  g_set_object (&self->exported, file);
  /* Translators: a toast; %s is the file name. */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %'u contact to %s",
                                        "Exported %'u contacts to %s", n_exported),
                           n_exported, name);
  rolo_window_show_toast (self, title, _("Show in Files"), "win.show-exported");
}

/* The view, or the selection when it is more than one row. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RoloWindow *self = ROLO_WINDOW (widget);
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RoloExportDialog *dialog;

  if (self->client == NULL || self->contacts == NULL)
    return;

  selected = rolo_window_dup_selected (self);
  for (guint i = 0; selected->len > 1 && i < selected->len; i++)
    {
      gint64 id = rolo_contact_get_id (g_ptr_array_index (selected, i));

      g_array_append_val (ids, id);
    }
  dialog = rolo_export_dialog_new (self->client, rolo_contact_list_get_query (self->contacts),
                                   g_list_model_get_n_items (G_LIST_MODEL (self->contacts)),
                                   ids->len > 0 ? (const gint64 *) (gconstpointer) ids->data : NULL,
                                   ids->len);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
shown_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      /* No file manager to point at it: its folder, then. */
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *uri = g_file_get_uri (folder);

      g_debug ("FileManager1 unavailable (%s): opening the folder", error->message);
      g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
    }
}

/* Files opens the folder with the file selected. */
static void
show_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RoloWindow *self = ROLO_WINDOW (widget);
  GDBusConnection *bus;
  g_autofree char *uri = NULL;
  const char *uris[2] = { NULL, NULL };

  if (self->exported == NULL)
    return;
  uri = g_file_get_uri (self->exported);
  uris[0] = uri;
  bus = g_application_get_dbus_connection (g_application_get_default ());
  if (bus == NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->exported);
      g_autofree char *folder_uri = g_file_get_uri (folder);

      g_app_info_launch_default_for_uri_async (folder_uri, NULL, NULL, NULL, NULL);
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, shown_cb,
                          g_object_ref (self->exported));
}

static void
imported_cb (RoloWindow *self,
             GArray     *ids)
{
  g_autofree char *title = NULL;

  g_clear_pointer (&self->imported, g_array_unref);
  self->imported = g_array_ref (ids);
  /* Translators: a toast after an import. */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %'u contact",
                                        "Imported %'u contacts", ids->len), ids->len);
  rolo_window_show_toast (self, title, _("_Undo"), "win.undo-import");
  rolo_window_reload (self);
}

static void
rolo_window_open_import (RoloWindow *self,
                         GFile      *file)
{
  RoloImportDialog *dialog = rolo_import_dialog_new (self->client, file, self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_picked_cb (GtkWidget *owner,
                  GFile     *file)
{
  RoloWindow *self = ROLO_WINDOW (owner);

  if (file != NULL && self->client != NULL)
    rolo_window_open_import (self, file);
}

static void
add_filter (GListStore *filters,
            const char *name,
            const char *mime_type,
            const char *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  g_list_store_append (filters, filter);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RoloWindow *self = ROLO_WINDOW (widget);
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->client == NULL)
    return;

  gtk_file_filter_set_name (all, _("Contacts (CSV or vCard)"));
  gtk_file_filter_add_mime_type (all, "text/csv");
  gtk_file_filter_add_mime_type (all, "text/vcard");
  gtk_file_filter_add_mime_type (all, "text/x-vcard");
  gtk_file_filter_add_pattern (all, "*.csv");
  gtk_file_filter_add_pattern (all, "*.vcf");
  g_list_store_append (filters, all);
  add_filter (filters, _("CSV (spreadsheets)"), "text/csv", "*.csv");
  add_filter (filters, _("vCard (address books)"), "text/vcard", "*.vcf");
  rolo_file_pick (widget, ROLO_FILE_PICK_OPEN, _("Import Contacts"), _("_Open"), NULL,
                  G_LIST_MODEL (filters), import_picked_cb);
}

static void
import_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RoloWindow *self = ROLO_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  if (self->client != NULL)
    rolo_window_open_import (self, file);
}

/* Deletes what the last import created, through the delete queue (and so
 * with its own Undo). */
static void
undo_import_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RoloWindow *self = ROLO_WINDOW (widget);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_steal_pointer (&self->imported);

  if (ids == NULL)
    return;
  for (guint i = 0; i < ids->len; i++)
    {
      RoloContact *contact = rolo_contact_new ();

      rolo_contact_set_id (contact, g_array_index (ids, gint64, i));
      /* Translators: names a contact an undone import deletes. */
      rolo_contact_set_name (contact, _("the imported contact"));
      g_ptr_array_add (contacts, contact);
    }
  rolo_window_delete_contacts (self, contacts);
}

void
rolo_window_class_add_file_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export", NULL);
  gtk_widget_class_install_action (widget_class, "win.show-exported", NULL,
                                   show_exported_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.import-file", "s", import_file_action);
  gtk_widget_class_install_action (widget_class, "win.undo-import", NULL, undo_import_action);
}
