/* rolo-contact-view-menu.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The contacts table's row menu: Open, Copy Email or Mobile, Delete; from a
 * right click on a row or, on the focused row, Shift+F10 or the Menu key. */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-contact-cell.h"
#include "rolo-contact-view-private.h"

static RoloContactCell *
find_cell_below (GtkWidget *widget)
{
  if (ROLO_IS_CONTACT_CELL (widget))
    return ROLO_CONTACT_CELL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RoloContactCell *cell = find_cell_below (child);

      if (cell != NULL)
        return cell;
    }

  return NULL;
}

/* The cell of the row under a point, or of the focused row. */
static RoloContactCell *
find_cell (RoloContactView *self,
           GtkWidget       *widget)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (widget, ROLO_TYPE_CONTACT_CELL);

  if (ancestor != NULL)
    return ROLO_CONTACT_CELL (ancestor);
  if (widget == GTK_WIDGET (self->column_view) ||
      !gtk_widget_is_ancestor (widget, GTK_WIDGET (self->column_view)))
    return NULL;

  return find_cell_below (widget);
}

/* Copying a field that has no value would put nothing on the clipboard. */
static void
append_copy_item (GMenu      *section,
                  const char *label,
                  const char *text)
{
  g_autoptr(GMenuItem) item = NULL;

  if (*text == '\0')
    return;

  item = g_menu_item_new (label, NULL);
  g_menu_item_set_action_and_target_value (item, "view.copy", g_variant_new_string (text));
  g_menu_append_item (section, item);
}

static GMenuModel *
context_menu_model_new (RoloContact *contact,
                        guint        n_selected)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  g_autoptr(GMenu) copy = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("_Open"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.open-contact",
                                           g_variant_new_int64 (rolo_contact_get_id (contact)));
  g_menu_append_item (open, item);

  append_copy_item (copy, _("Copy _Email"), rolo_contact_get_email (contact));
  append_copy_item (copy, _("Copy _Mobile"), rolo_contact_get_mobile (contact));

  /* Named here: left to GTK, the menu shows the last of the keys bound to
   * the action, the keypad's ("KP Delete"). */
  g_clear_object (&item);
  item = g_menu_item_new (_("_Delete"), "win.delete-selected");
  g_menu_item_set_attribute (item, "accel", "s", "Delete");
  g_menu_append_item (edit, item);
  if (n_selected > 1)
    {
      g_autofree char *label = NULL;

      /* Translators: the row menu with several rows selected */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Edit %'u Contact…",
                                            "_Edit %'u Contacts…", n_selected), n_selected);
      g_clear_object (&item);
      item = g_menu_item_new (label, "win.edit-selected");
      g_menu_append_item (edit, item);
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (copy));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static gboolean
rolo_contact_view_popup_menu (RoloContactView       *self,
                              RoloContactCell       *cell,
                              const GdkRectangle    *where)
{
  RoloContact *contact = rolo_contact_cell_get_contact (cell);
  guint position = rolo_contact_cell_get_position (cell);
  g_autoptr(GMenuModel) model = NULL;
  g_autoptr(GtkBitset) selected = NULL;

  if (contact == NULL || position == GTK_INVALID_LIST_POSITION ||
      rolo_contact_get_state (contact) != ROLO_CONTACT_STATE_READY)
    return FALSE;

  /* The menu acts on what it points at: a row outside the selection
   * becomes the selection, as in Files. */
  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  model = context_menu_model_new (contact, (guint) gtk_bitset_get_size (selected));
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), model);
  gtk_popover_set_pointing_to (self->context_menu, where);
  gtk_popover_popup (self->context_menu);
  return TRUE;
}

static void
context_click_pressed_cb (RoloContactView *self,
                          int              n_press,
                          double           x,
                          double           y,
                          GtkGestureClick *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  RoloContactCell *cell = picked != NULL ? find_cell (self, picked) : NULL;
  GdkRectangle where = { (int) x, (int) y, 1, 1 };

  if (cell != NULL && rolo_contact_view_popup_menu (self, cell, &where))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
popup_menu_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RoloContactView *self = ROLO_CONTACT_VIEW (widget);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  RoloContactCell *cell = focus != NULL ? find_cell (self, focus) : NULL;
  graphene_rect_t bounds;
  GdkRectangle where;

  if (cell == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (cell), widget, &bounds))
    return;

  where = (GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                           (int) bounds.size.width, (int) bounds.size.height };
  rolo_contact_view_popup_menu (self, cell, &where);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          g_variant_get_string (parameter, NULL));
}

void
rolo_contact_view_class_add_menu (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, context_click_pressed_cb);

  gtk_widget_class_install_action (widget_class, "view.copy", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "view.popup-menu", NULL, popup_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "view.popup-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0,
                                       "view.popup-menu", NULL);
}

void
rolo_contact_view_init_menu (RoloContactView *self)
{
  self->context_menu = GTK_POPOVER (gtk_popover_menu_new_from_model (NULL));
  gtk_popover_set_has_arrow (self->context_menu, FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self->context_menu), GTK_ALIGN_START);
  gtk_widget_set_parent (GTK_WIDGET (self->context_menu), GTK_WIDGET (self));
}
