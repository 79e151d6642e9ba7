/* rolo-window-actions.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-window-private.h"

static void
refresh_action (GtkWidget  *widget,
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

  if (g_str_equal (rolo_window_get_state (self), "error"))
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

/* The account settings come with their own issue; until then, the way to
 * connect is the environment, and the dialog says how. */
static void
reconnect_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "app.preferences", NULL);
}

static void
new_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  rolo_window_show_toast (ROLO_WINDOW (widget),
                          _("Adding contacts comes in the next version."), NULL, NULL);
}

static void
delete_selection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  rolo_window_show_toast (ROLO_WINDOW (widget),
                          _("Deleting contacts comes in the next version."), NULL, NULL);
}

void
rolo_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.clear-search", NULL, clear_search_action);
  gtk_widget_class_install_property_action (widget_class, "win.type-filter", "type-filter");
  gtk_widget_class_install_action (widget_class, "win.open-contact", "x", open_contact_action);
  gtk_widget_class_install_action (widget_class, "win.reconnect", NULL, reconnect_action);
  gtk_widget_class_install_action (widget_class, "win.new-contact", NULL, new_contact_action);
  gtk_widget_class_install_action (widget_class, "win.delete-selection", NULL,
                                   delete_selection_action);
}
