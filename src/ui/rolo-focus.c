/* rolo-focus.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include "rolo-focus.h"

typedef struct
{
  GtkWidget *button;   /* weak */
  gboolean   had_focus;
} PopoverFocus;

static void
popover_focus_free (gpointer  data,
                    GClosure *closure)
{
  PopoverFocus *state = data;

  g_clear_weak_pointer (&state->button);
  g_free (state);
}

static gboolean
focus_inside (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Still mapped: where the focus is now tells whether it will be lost. */
static void
popover_hide_cb (GtkPopover   *popover,
                 PopoverFocus *state)
{
  state->had_focus = focus_inside (GTK_WIDGET (popover));
}

static void
popover_closed_cb (GtkPopover   *popover,
                   PopoverFocus *state)
{
  GtkRoot *root;
  GtkWidget *focus;

  if (state->button == NULL || !gtk_widget_get_mapped (state->button))
    return;

  root = gtk_widget_get_root (state->button);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  /* Only when it went with the popover: a click elsewhere that closed it
   * put the focus where the user wanted. */
  if (state->had_focus || focus == NULL || focus_inside (GTK_WIDGET (popover)))
    gtk_widget_grab_focus (state->button);
  state->had_focus = FALSE;
}

void
rolo_focus_return_from_popover (GtkPopover *popover,
                                GtkWidget  *button)
{
  PopoverFocus *state;

  g_return_if_fail (GTK_IS_POPOVER (popover));
  g_return_if_fail (GTK_IS_WIDGET (button));

  state = g_new0 (PopoverFocus, 1);
  g_set_weak_pointer (&state->button, button);
  g_signal_connect_data (popover, "hide", G_CALLBACK (popover_hide_cb), state, NULL, 0);
  g_signal_connect_data (popover, "closed", G_CALLBACK (popover_closed_cb), state,
                         popover_focus_free, 0);
}

/* The widget whose descendants are the rows: the list view of a column
 * view, or the list itself. */
static GtkWidget *
rows_of (GtkWidget *list)
{
  if (GTK_IS_COLUMN_VIEW (list))
    for (GtkWidget *child = gtk_widget_get_first_child (list);
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_LIST_VIEW (child))
        return child;

  return list;
}

static gboolean
tab_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkWidget             *list)
{
  GtkDirectionType direction;
  GtkWidget *rows = rows_of (list);
  GtkRoot *root = gtk_widget_get_root (list);
  gboolean moved;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return GDK_EVENT_PROPAGATE;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || root == NULL ||
      !focus_inside (rows))
    return GDK_EVENT_PROPAGATE;

  /* With the rows out of the chain for a moment, the window moves the
   * focus as it would past any one control; at the end it wraps around. */
  gtk_widget_set_can_focus (rows, FALSE);
  moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
  if (!moved)
    {
      gtk_root_set_focus (root, NULL);
      moved = gtk_widget_child_focus (GTK_WIDGET (root), direction);
    }
  gtk_widget_set_can_focus (rows, TRUE);

  return moved ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

void
rolo_focus_tab_leaves_list (GtkWidget *list)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (list));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (tab_pressed_cb), list, 0);
  gtk_widget_add_controller (list, controller);
}

void
rolo_focus_name_menu_button (GtkMenuButton *button)
{
  GtkWidget *inner;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  inner = gtk_widget_get_first_child (GTK_WIDGET (button));
  if (inner != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (inner),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, button, NULL,
                                    -1);
}
