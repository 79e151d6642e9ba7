/* rolo-toolbar.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include "rolo-toolbar.h"

#if ROLO_TOOLBAR_HAS_VIEW

static GtkWidget *
get_content (GtkWidget *window)
{
  if (ADW_IS_APPLICATION_WINDOW (window))
    return adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  return adw_window_get_content (ADW_WINDOW (window));
}

static void
set_content (GtkWidget *window,
             GtkWidget *content)
{
  if (ADW_IS_APPLICATION_WINDOW (window))
    adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), content);
  else
    adw_window_set_content (ADW_WINDOW (window), content);
}

void
rolo_toolbar_adopt (GtkWidget *window)
{
  GtkWidget *box, *child, *content = NULL;
  AdwToolbarView *view;

  g_return_if_fail (ADW_IS_WINDOW (window) || ADW_IS_APPLICATION_WINDOW (window));

  box = get_content (window);
  g_return_if_fail (GTK_IS_BOX (box));
  for (child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_vexpand (child))
      {
        content = child;
        break;
      }
  g_return_if_fail (content != NULL);

  view = ADW_TOOLBAR_VIEW (adw_toolbar_view_new ());
  g_object_ref (box);
  set_content (window, GTK_WIDGET (view));
  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      g_object_ref (child);
      gtk_box_remove (GTK_BOX (box), child);
      if (child == content)
        adw_toolbar_view_set_content (view, child);
      else if (adw_toolbar_view_get_content (view) == NULL)
        adw_toolbar_view_add_top_bar (view, child);
      else
        adw_toolbar_view_add_bottom_bar (view, child);
      g_object_unref (child);
    }
  g_object_unref (box);
}

#else

void
rolo_toolbar_adopt (GtkWidget *window)
{
  g_return_if_fail (ADW_IS_WINDOW (window) || ADW_IS_APPLICATION_WINDOW (window));
}

#endif
