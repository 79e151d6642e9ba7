/* rolo-window-views.c: saved views of the main window
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A view is the search, the type filter, the sort and the columns, under a
 * name. The header bar's Saved Views menu opens one, saves the one shown and
 * edits the list; Ctrl+1…Ctrl+9 open the first nine. A view is applied and
 * read back through the window's own controls, as if the user had set them. */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-alert.h"
#include "rolo-window-private.h"

#define N_VIEW_SHORTCUTS 9

/* What the window shows now, as a view named @name. */
static RoloSavedView *
rolo_window_capture_view (RoloWindow *self,
                          const char *name)
{
  g_autofree char *search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_autoptr(GVariant) columns = rolo_contact_view_dup_columns (self->contact_view);

  return rolo_saved_view_new (name, g_strstrip (search), self->type_filter,
                              rolo_contact_view_get_sort_field (self->contact_view),
                              rolo_contact_view_get_sort_descending (self->contact_view),
                              columns);
}

static const RoloSavedView *
rolo_window_get_active_view (RoloWindow *self)
{
  if (self->saved_views == NULL || self->active_view < 0)
    return NULL;
  return rolo_saved_views_get (self->saved_views, self->active_view);
}

/* Changed since it was opened or saved. */
static gboolean
rolo_window_view_modified (RoloWindow *self)
{
  g_autoptr(RoloSavedView) now = NULL;

  if (rolo_window_get_active_view (self) == NULL || self->view_shown == NULL)
    return FALSE;

  now = rolo_window_capture_view (self, "");
  return !rolo_saved_view_same_state (now, self->view_shown);
}

static GMenuItem *
view_menu_item (const char *label,
                const char *action,
                guint       position)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, action, "i", (gint32) position);
  return item;
}

/* Rename, move and delete: a submenu for each view. */
static GMenu *
rolo_window_build_edit_menu (RoloWindow *self)
{
  GMenu *edit = g_menu_new ();
  guint n = rolo_saved_views_get_n (self->saved_views);

  for (guint i = 0; i < n; i++)
    {
      const RoloSavedView *view = rolo_saved_views_get (self->saved_views, i);
      g_autoptr(GMenu) submenu = g_menu_new ();
      g_autoptr(GMenuItem) rename = view_menu_item (_("_Rename…"), "win.rename-view", i);
      g_autoptr(GMenuItem) up = view_menu_item (_("Move _Up"), "win.move-view-up", i);
      g_autoptr(GMenuItem) down = view_menu_item (_("Move _Down"), "win.move-view-down", i);
      g_autoptr(GMenuItem) delete = view_menu_item (_("_Delete"), "win.delete-view", i);

      g_menu_append_item (submenu, rename);
      if (i > 0)
        g_menu_append_item (submenu, up);
      if (i + 1 < n)
        g_menu_append_item (submenu, down);
      g_menu_append_item (submenu, delete);
      g_menu_append_submenu (edit, view->name, G_MENU_MODEL (submenu));
    }
  return edit;
}

static void
rolo_window_build_views_menu (RoloWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) views = g_menu_new ();
  g_autoptr(GMenu) save = g_menu_new ();
  const RoloSavedView *active = rolo_window_get_active_view (self);
  guint n = rolo_saved_views_get_n (self->saved_views);

  for (guint i = 0; i < n; i++)
    {
      const RoloSavedView *view = rolo_saved_views_get (self->saved_views, i);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      /* Translators: a saved view in the menu; %s is its name. */
      label = view == active ? g_strdup_printf (C_("saved view", "%s (Shown)"), view->name)
                             : g_strdup (view->name);
      item = view_menu_item (label, "win.open-view", i);
      if (i < N_VIEW_SHORTCUTS)
        {
          g_autofree char *accel = g_strdup_printf ("<Control>%u", i + 1);

          g_menu_item_set_attribute (item, "accel", "s", accel);
        }
      g_menu_append_item (views, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (views));

  if (rolo_window_view_modified (self))
    {
      g_autofree char *label = NULL;

      /* Translators: %s is the name of the saved view shown. */
      label = g_strdup_printf (_("_Save Changes to “%s”"), active->name);
      g_menu_append (save, label, "win.save-view");
      g_menu_append (save, _("Save as _New View…"), "win.save-view-as");
    }
  else
    g_menu_append (save, _("Save _View…"), "win.save-view-as");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (save));

  if (n > 0)
    {
      g_autoptr(GMenu) edit = rolo_window_build_edit_menu (self);
      g_autoptr(GMenu) section = g_menu_new ();

      g_menu_append_submenu (section, _("_Edit Views"), G_MENU_MODEL (edit));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }

  gtk_menu_button_set_menu_model (self->views_button, G_MENU_MODEL (menu));

  /* The main menu's submenu stays the same item, its contents change: a
   * popover menu adds a page each time a submenu item is added. */
  g_menu_remove_all (self->views_submenu);
  g_menu_append_section (self->views_submenu, NULL, G_MENU_MODEL (views));
  g_menu_append_section (self->views_submenu, NULL, G_MENU_MODEL (save));
}

/* A long name is cut short: the search keeps its room. */
static void
rolo_window_set_views_label (RoloWindow *self,
                             const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  /* Ellipsized, a label would give way down to "…"; any wider and the
   * header bar could not fold up (tests/test-ui-views.c, /ui/views/narrow). */
  gtk_label_set_width_chars (GTK_LABEL (label), MIN ((int) g_utf8_strlen (text, -1), 6));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_menu_button_set_child (self->views_button, label);
}

/* The title, the button and the actions follow the view shown. */
void
rolo_window_update_views (RoloWindow *self)
{
  const RoloSavedView *active = rolo_window_get_active_view (self);
  gboolean modified = rolo_window_view_modified (self);
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-view", modified);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete-view",
                                 self->deleted_view != NULL);
  if (self->saved_views == NULL)
    return;

  if (active != NULL)
    {
      /* Translators: the window title; %s is the name of the saved view shown. */
      title = g_strdup_printf (C_("window title", "%s – Rolo"), active->name);
      /* Translators: the Saved Views button when the view shown was changed. */
      label = modified ? g_strdup_printf (C_("saved view", "%s •"), active->name)
                       : g_strdup (active->name);
      /* Translators: how a screen reader describes the Saved Views button. */
      description = g_strdup_printf (modified ? _("Showing “%s”, changed")
                                              : _("Showing “%s”"), active->name);
    }

  /* Folded up, the header bar has room for the icon only; the tooltip
   * and the description still name the view. */
  if (label != NULL && !self->compact)
    rolo_window_set_views_label (self, label);
  else
    gtk_menu_button_set_icon_name (self->views_button, "folder-saved-search-symbolic");

  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("Rolo"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->views_button),
                               description != NULL ? description : _("Saved Views"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->views_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
  rolo_window_build_views_menu (self);
}

static void
state_changed_cb (RoloWindow *self)
{
  if (!self->applying_view)
    rolo_window_update_views (self);
}

static void
views_changed_cb (RoloWindow *self)
{
  const RoloSavedView *active = rolo_window_get_active_view (self);

  /* Another window rewrote the list: the position may be another view's. */
  if (active == NULL || self->view_shown == NULL ||
      !g_str_equal (active->name, self->view_shown->name))
    self->active_view = -1;
  rolo_window_update_views (self);
}

static void
rolo_window_apply_view (RoloWindow          *self,
                        const RoloSavedView *view)
{
  g_autoptr(GEnumClass) types = g_type_class_ref (ROLO_TYPE_CONTACT_TYPE);
  GEnumValue *type = g_enum_get_value (types, view->contact_type);

  /* One query for the whole view, not one for each of its parts. */
  self->applying_view = TRUE;
  rolo_contact_view_set_columns (self->contact_view, view->columns);
  rolo_contact_view_set_sort_field (self->contact_view, view->sort_field);
  rolo_contact_view_set_sort_descending (self->contact_view, view->sort_descending);
  rolo_window_set_type_filter (self, type != NULL ? type->value_nick : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), view->search);
  self->applying_view = FALSE;

  g_clear_pointer (&self->view_shown, rolo_saved_view_free);
  self->view_shown = rolo_window_capture_view (self, view->name);
  rolo_window_update_query (self);
  rolo_window_update_views (self);
}

static void
open_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RoloWindow *self = ROLO_WINDOW (widget);
  int position = g_variant_get_int32 (parameter);
  const RoloSavedView *view;

  view = position >= 0 ? rolo_saved_views_get (self->saved_views, position) : NULL;
  if (view == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  self->active_view = position;
  rolo_window_apply_view (self, view);
}

static void
save_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RoloWindow *self = ROLO_WINDOW (widget);
  const RoloSavedView *active = rolo_window_get_active_view (self);

  if (active == NULL)
    return;

  g_clear_pointer (&self->view_shown, rolo_saved_view_free);
  self->view_shown = rolo_window_capture_view (self, active->name);
  rolo_saved_views_replace (self->saved_views, self->active_view,
                            rolo_saved_view_copy (self->view_shown));
}

static void
name_changed_cb (GtkWidget   *dialog,
                 GtkEditable *entry)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (entry));

  rolo_alert_set_response_enabled (dialog, "save", *g_strstrip (name) != '\0');
}

static void
name_response_cb (RoloWindow       *self,
                  const char       *response,
                  GtkWidget        *dialog)
{
  GtkEditable *entry = GTK_EDITABLE (rolo_alert_get_extra_child (dialog));
  int position = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "rolo-view"));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const RoloSavedView *view;

  if (!g_str_equal (response, "save") || *name == '\0' || self->saved_views == NULL)
    return;

  /* A new view shows at once, as the one shown. */
  if (position < 0)
    {
      g_clear_pointer (&self->view_shown, rolo_saved_view_free);
      self->view_shown = rolo_window_capture_view (self, name);
      self->active_view = rolo_saved_views_get_n (self->saved_views);
      rolo_saved_views_insert (self->saved_views, self->active_view,
                               rolo_saved_view_copy (self->view_shown));
      return;
    }

  view = rolo_saved_views_get (self->saved_views, position);
  if (view != NULL)
    {
      RoloSavedView *renamed = rolo_saved_view_copy (view);

      g_free (renamed->name);
      renamed->name = g_steal_pointer (&name);
      if (position == self->active_view && self->view_shown != NULL)
        {
          g_free (self->view_shown->name);
          self->view_shown->name = g_strdup (renamed->name);
        }
      rolo_saved_views_replace (self->saved_views, position, renamed);
    }
}

/* Asks for a name: of a new view (@position -1) or for the one there. */
static void
rolo_window_ask_view_name (RoloWindow *self,
                           int         position)
{
  const RoloSavedView *view = position >= 0 ? rolo_saved_views_get (self->saved_views, position)
                                            : NULL;
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = rolo_alert_new (view != NULL ? _("Rename View") : _("Save View"),
                           view != NULL
                           ? _("The view keeps its search, filter, sort and columns.")
                           : _("The search, filter, sort and columns shown are saved "
                               "under this name."));
  rolo_alert_add_response (dialog, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  rolo_alert_add_response (dialog, "save", view != NULL ? _("_Rename") : _("_Save"),
                           ADW_RESPONSE_SUGGESTED);
  rolo_alert_set_default_response (dialog, "save");
  rolo_alert_set_close_response (dialog, "cancel");

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (entry), 80);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("View Name"), -1);
  gtk_editable_set_text (GTK_EDITABLE (entry),
                         view != NULL ? view->name
                                      : gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  rolo_alert_set_extra_child (dialog, entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (name_changed_cb), dialog,
                           G_CONNECT_SWAPPED);
  name_changed_cb (dialog, GTK_EDITABLE (entry));

  g_object_set_data (G_OBJECT (dialog), "rolo-view", GINT_TO_POINTER (position));
  g_signal_connect_object (dialog, "response", G_CALLBACK (name_response_cb), self,
                           G_CONNECT_SWAPPED);
  rolo_alert_present (dialog, GTK_WIDGET (self));
  gtk_widget_grab_focus (entry);
}

static void
save_view_as_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  rolo_window_ask_view_name (ROLO_WINDOW (widget), -1);
}

static void
rename_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RoloWindow *self = ROLO_WINDOW (widget);
  int position = g_variant_get_int32 (parameter);

  if (position >= 0 && rolo_saved_views_get (self->saved_views, position) != NULL)
    rolo_window_ask_view_name (self, position);
}

/* The view shown follows its view. */
static void
rolo_window_move_view (RoloWindow *self,
                       int         from,
                       int         to)
{
  int n = (int) rolo_saved_views_get_n (self->saved_views);

  if (from < 0 || from >= n || to < 0 || to >= n)
    return;

  if (self->active_view == from)
    self->active_view = to;
  else if (self->active_view == to)
    self->active_view = from;
  rolo_saved_views_move (self->saved_views, from, to);
}

static void
move_view_up_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  int position = g_variant_get_int32 (parameter);

  rolo_window_move_view (ROLO_WINDOW (widget), position, position - 1);
}

static void
move_view_down_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  int position = g_variant_get_int32 (parameter);

  rolo_window_move_view (ROLO_WINDOW (widget), position, position + 1);
}

static void
delete_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RoloWindow *self = ROLO_WINDOW (widget);
  int position = g_variant_get_int32 (parameter);
  g_autofree char *title = NULL;

  if (position < 0 || position >= (int) rolo_saved_views_get_n (self->saved_views))
    return;

  if (self->active_view == position)
    self->active_view = -1;
  else if (self->active_view > position)
    self->active_view--;
  g_clear_pointer (&self->deleted_view, rolo_saved_view_free);
  self->deleted_position = position;
  self->deleted_view = rolo_saved_views_remove (self->saved_views, position);

  /* Translators: a toast; %s is the name of a saved view. */
  title = g_strdup_printf (_("View “%s” deleted"), self->deleted_view->name);
  rolo_window_show_toast (self, title, _("_Undo"), "win.undo-delete-view");
  rolo_window_update_views (self);
}

static void
undo_delete_view_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RoloWindow *self = ROLO_WINDOW (widget);
  RoloSavedView *view = g_steal_pointer (&self->deleted_view);

  if (view == NULL)
    return;

  rolo_window_dismiss_toast (self, &self->toast);
  if (self->active_view >= (int) self->deleted_position)
    self->active_view++;
  rolo_saved_views_insert (self->saved_views, self->deleted_position, view);
}

void
rolo_window_class_add_view_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, views_button);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, views_section);

  gtk_widget_class_install_action (widget_class, "win.open-view", "i", open_view_action);
  for (guint i = 0; i < N_VIEW_SHORTCUTS; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.open-view", "i", (gint32) i);
  gtk_widget_class_install_action (widget_class, "win.save-view", NULL, save_view_action);
  gtk_widget_class_install_action (widget_class, "win.save-view-as", NULL, save_view_as_action);
  gtk_widget_class_install_action (widget_class, "win.rename-view", "i", rename_view_action);
  gtk_widget_class_install_action (widget_class, "win.move-view-up", "i", move_view_up_action);
  gtk_widget_class_install_action (widget_class, "win.move-view-down", "i",
                                   move_view_down_action);
  gtk_widget_class_install_action (widget_class, "win.delete-view", "i", delete_view_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-view", NULL,
                                   undo_delete_view_action);
}

/* Without settings (no installed schema) nothing is saved: no views. */
void
rolo_window_init_views (RoloWindow *self)
{
  static const char * const actions[] = {
    "win.open-view", "win.save-view-as", "win.rename-view", "win.move-view-up",
    "win.move-view-down", "win.delete-view",
  };

  self->active_view = -1;
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], self->settings != NULL);
  rolo_window_update_views (self);
  if (self->settings == NULL)
    return;

  self->saved_views = rolo_saved_views_new (self->settings);
  self->views_submenu = g_menu_new ();
  g_menu_append_submenu (self->views_section, _("Saved _Views"),
                         G_MENU_MODEL (self->views_submenu));
  g_signal_connect_object (self->saved_views, "changed", G_CALLBACK (views_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "changed", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::type-filter", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contact_view, "notify::sort-field",
                           G_CALLBACK (state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contact_view, "notify::sort-descending",
                           G_CALLBACK (state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::columns", G_CALLBACK (state_changed_cb),
                           self, G_CONNECT_SWAPPED);
  rolo_window_update_views (self);
}

void
rolo_window_dispose_views (RoloWindow *self)
{
  g_clear_object (&self->saved_views);
  g_clear_object (&self->views_submenu);
  g_clear_pointer (&self->view_shown, rolo_saved_view_free);
  g_clear_pointer (&self->deleted_view, rolo_saved_view_free);
}
