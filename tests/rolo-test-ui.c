/* rolo-test-ui.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include "rolo-alert.h"
#include "rolo-page-cache.h"
#include "rolo-test-ui.h"

RoloApplication *
rolo_test_application_new (const char *name)
{
  static guint n_apps;
  g_autofree char *id = g_strdup_printf ("%s.%s%u", APPLICATION_ID, name, n_apps++);
  RoloApplication *app = rolo_application_new ();

  g_application_set_application_id (G_APPLICATION (app), id);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  /* Each test starts with no pages kept from another (tests/meson.build
   * points XDG_CACHE_HOME into the build tree). */
  rolo_page_cache_clear (rolo_page_cache_get_default ());

  return app;
}

GtkWidget *
rolo_test_find_widget (GtkWidget           *root,
                       RoloTestWidgetMatch  match,
                       const char          *data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rolo_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
rolo_test_collect_widgets (GtkWidget           *root,
                           RoloTestWidgetMatch  match,
                           const char          *data,
                           GPtrArray           *found)
{
  if (match (root, data))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rolo_test_collect_widgets (child, match, data, found);
}

gboolean
rolo_test_is_type_named (GtkWidget  *widget,
                         const char *type_name)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), g_type_from_name (type_name));
}

gboolean
rolo_test_is_shown_label (GtkWidget  *widget,
                          const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

gboolean
rolo_test_is_primary_menu (GtkWidget  *widget,
                           const char *unused)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

gboolean
rolo_test_is_adw_row_button (GtkWidget *widget)
{
  const char * const icons[] = { "adw-entry-apply-symbolic", "view-reveal-symbolic",
                                 "view-conceal-symbolic", NULL };

  return GTK_IS_BUTTON (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW) != NULL &&
         g_strv_contains (icons, gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL
                                   ? gtk_button_get_icon_name (GTK_BUTTON (widget)) : "");
}

void
rolo_test_gtk_init (int    *argc,
                    char ***argv)
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  rolo_skip_gl_for_cairo ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

GtkWindow *
rolo_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

GtkWidget *
rolo_test_alert_shown (GtkWindow *window)
{
  GtkWidget *alert = rolo_alert_get_shown ();

  if (alert == NULL || (window != NULL && rolo_alert_get_window (alert) != window))
    return NULL;
  return alert;
}

static gboolean
is_button_labelled (GtkWidget  *widget,
                    const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)),
                                              label) == 0;
}

void
rolo_test_alert_respond (GtkWidget  *alert,
                         const char *response)
{
  const char *label = rolo_alert_get_response_label (alert, response);
  GtkWidget *button;

  g_assert_nonnull (label);
  button = rolo_test_find_widget (alert, is_button_labelled, label);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

gboolean
rolo_test_is_button_for (GtkWidget  *widget,
                         const char *action_name)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

gboolean
rolo_test_is_shown_button_for (GtkWidget  *widget,
                               const char *action_name)
{
  return rolo_test_is_button_for (widget, action_name) && gtk_widget_is_drawable (widget);
}

gboolean
rolo_test_is_named (GtkWidget  *widget,
                    const char *name)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  g_autofree char *mismatch = NULL;

  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  mismatch = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  return mismatch == NULL;
}

gboolean
rolo_test_menu_has_action (GMenuModel *model,
                           const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);

          if (rolo_test_menu_has_action (linked, action))
            return TRUE;
        }
    }

  return FALSE;
}

gboolean
rolo_test_press_shortcut (GtkWidget       *widget,
                          guint            keyval,
                          GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_assert_not_reached ();
}
