/* test-ui-browse-view.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The contact view: opening, the context menu, the keyboard and the columns. */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>

#include "rolo-test-browse.h"

static gboolean
is_css_named (GtkWidget  *widget,
              const char *css_name)
{
  return GTK_IS_LABEL (widget) && g_str_equal (gtk_widget_get_css_name (widget), css_name);
}

static gboolean
record_open (RoloWindow *window,
             gint64      id,
             gpointer    user_data)
{
  *(gint64 *) user_data = id;
  return TRUE;
}

static void
test_open_contact (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gint64 opened = 0;

  fixture_connect (fixture, 30, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  g_signal_connect (fixture->window, "open-contact", G_CALLBACK (record_open), &opened);

  /* Double-click or Enter on a row. */
  g_signal_emit_by_name (window_column_view (fixture), "activate", 4);
  g_assert_cmpint (opened, ==, rolo_contact_get_id (row (fixture, 4)));

  g_signal_handlers_disconnect_by_data (fixture->window, &opened);
}

static gboolean
context_menu_shown (gpointer user_data)
{
  Fixture *fixture = user_data;
  GtkWidget *menu = rolo_test_find_widget (window_widget (fixture, "RoloContactView"),
                                           rolo_test_is_type_named,
                                           "GtkPopoverMenu");

  return menu != NULL && gtk_widget_get_visible (menu);
}

static void
test_context_menu (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GListModel) controllers = NULL;
  RoloContactCell *cell = NULL;
  GtkWidget *view = window_widget (fixture, "RoloContactView");
  GtkPopoverMenu *menu;
  GMenuModel *model;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GMenuModel) section = NULL;
  graphene_point_t point;

  fixture_connect (fixture, 30, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);

  rolo_test_collect_widgets (view, is_name_cell, NULL, cells);
  for (guint i = 0; i < cells->len && cell == NULL; i++)
    if (rolo_contact_cell_get_position (g_ptr_array_index (cells, i)) == 2)
      cell = g_ptr_array_index (cells, i);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (cell), view,
                                           &GRAPHENE_POINT_INIT (4, 4), &point));

  /* A right click on the third row. */
  controllers = gtk_widget_observe_controllers (view);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == 3)
        g_signal_emit_by_name (controller, "pressed", 1, (double) point.x, (double) point.y);
    }
  rolo_test_wait_until (context_menu_shown, fixture, TIMEOUT_MS);

  /* It selects the row and opens it by id. */
  g_assert_true (gtk_selection_model_is_selected (
                   gtk_column_view_get_model (window_column_view (fixture)), 2));
  menu = GTK_POPOVER_MENU (rolo_test_find_widget (view, rolo_test_is_type_named, "GtkPopoverMenu"));
  model = gtk_popover_menu_get_menu_model (menu);
  section = g_menu_model_get_item_link (model, 0, G_MENU_LINK_SECTION);
  target = g_menu_model_get_item_attribute_value (section, 0, G_MENU_ATTRIBUTE_TARGET,
                                                  G_VARIANT_TYPE_INT64);
  g_assert_nonnull (target);
  g_assert_cmpint (g_variant_get_int64 (target), ==, rolo_contact_get_id (row (fixture, 2)));

  /* Its Delete deletes the selection, which holds the row. */
  {
    g_autoptr(GMenuModel) edit = g_menu_model_get_item_link (model, 2, G_MENU_LINK_SECTION);
    g_autofree char *action = NULL;

    g_assert_true (g_menu_model_get_item_attribute (edit, 0, G_MENU_ATTRIBUTE_ACTION, "s",
                                                    &action));
    g_assert_cmpstr (action, ==, "win.delete-selected");
  }
  /* The key it shows is the Delete key, not the keypad's ("KP Delete"). */
  {
    g_autoptr(GPtrArray) accels = g_ptr_array_new ();
    gboolean shows_delete = FALSE;

    rolo_test_collect_widgets (GTK_WIDGET (menu), is_css_named, "accelerator", accels);
    for (guint i = 0; i < accels->len; i++)
      {
        const char *text = gtk_label_get_label (g_ptr_array_index (accels, i));

        g_test_message ("menu shows key %s", text);
        g_assert_null (strstr (text, "KP"));
        shows_delete |= g_str_equal (text, "Delete");
      }
    g_assert_true (shows_delete);
  }
  gtk_popover_popdown (GTK_POPOVER (menu));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.delete-selected", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window_contacts (fixture))), ==, 29);
}

/* One of our buttons that shows an icon and no words, where it shows (the
 * window controls are GTK's). */
static gboolean
is_icon_button (GtkWidget  *widget,
                const char *unused)
{
  if (gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) != NULL)
    return FALSE;

  return (GTK_IS_MENU_BUTTON (widget) ||
          (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL &&
           !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))) &&
         gtk_widget_is_drawable (widget);
}

/* What Tab reaches: a button's words, "search", "menu", "row" or the type. */
static const char *
focus_name (GtkWidget *focus)
{
  if (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL)
    return "search";
  if (gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON) != NULL)
    return "menu";
  if (gtk_widget_get_ancestor (focus, GTK_TYPE_COLUMN_VIEW) != NULL)
    return gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW) != NULL ? "row" : "header";
  if (GTK_IS_BUTTON (focus) && gtk_button_get_label (GTK_BUTTON (focus)) != NULL)
    return gtk_button_get_label (GTK_BUTTON (focus));
  return G_OBJECT_TYPE_NAME (focus);
}

static gboolean
menu_has_submenu (GMenuModel *menu,
                  const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *item_label = NULL;

      if (section != NULL && menu_has_submenu (section, label))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_str_equal (item_label, label))
        return TRUE;
    }

  return FALSE;
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  const char * const by_email[] = { "sortBy=cstemail", "sortOrder=desc", NULL };
  SortWait email_desc = { fixture, ROLO_CONTACT_SORT_EMAIL, TRUE };
  g_autoptr(GPtrArray) icon_buttons = g_ptr_array_new ();
  g_autoptr(GString) reached = g_string_new ("|");
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *menu_button;
  GtkWidget *row = NULL;

  fixture_connect (fixture, 30, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);

  /* A button without words says what it does. */
  rolo_test_collect_widgets (window, is_icon_button, NULL, icon_buttons);
  g_assert_cmpuint (icon_buttons->len, >=, 2);
  for (guint i = 0; i < icon_buttons->len; i++)
    g_assert_nonnull (gtk_widget_get_tooltip_text (g_ptr_array_index (icon_buttons, i)));

  /* Tab reaches every control of the header bar, then the rows (once the
   * loading page has faded out). */
  rolo_test_iterate_for (400);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  for (guint i = 0; i < 24 && row == NULL; i++)
    {
      GtkWidget *focus;

      g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      g_string_append_printf (reached, "%s|", focus_name (focus));

      if (row == NULL && g_str_equal (focus_name (focus), "row"))
        row = focus;
    }
  g_test_message ("Tab: %s", reached->str);
  for (guint i = 0; i < 6; i++)
    {
      const char *stop = (const char *[]) { "|All|", "|Individuals|", "|Businesses|",
                                            "|search|", "|menu|", "|header|" }[i];

      g_assert_nonnull (strstr (reached->str, stop));
    }
  g_assert_nonnull (row);
  /* No stop that does nothing on the way. */
  g_assert_null (strstr (reached->str, "ScrolledWindow"));

  /* Shift+F10 (or Menu) on the focused row opens its menu. */
  g_assert_true (gtk_widget_activate_action (row, "view.popup-menu", NULL));
  rolo_test_wait_until (context_menu_shown, fixture, TIMEOUT_MS);
  gtk_popover_popdown (GTK_POPOVER (rolo_test_find_widget (window_widget (fixture,
                                                                          "RoloContactView"),
                                                           rolo_test_is_type_named,
                                                           "GtkPopoverMenu")));

  /* The main menu (F10) sorts too. */
  menu_button = rolo_test_find_widget (GTK_WIDGET (fixture->window), rolo_test_is_primary_menu,
                                       NULL);
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (menu_button)));
  g_assert_true (menu_has_submenu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                                   "_Sort By"));
  g_assert_true (gtk_widget_activate_action (window, "sort.field", "s", "email"));
  g_assert_true (gtk_widget_activate_action (window, "sort.descending", NULL));
  wait_request (fixture, by_email);
  rolo_test_wait_until (sort_answered, &email_desc, TIMEOUT_MS);
  assert_rows_ordered (fixture, rolo_contact_get_email, TRUE);
}

/* The capture-phase key controller Rolo puts on the list. */
static gboolean
press_key_on (GtkWidget *widget,
              guint      keyval,
              GdkModifierType state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      if (handled)
        break;
    }
  return handled;
}

/* Tab and Shift+Tab leave a 1,000-row list at once, from any row; the
 * arrows stay for moving from row to row. */
static void
test_tab_leaves_list (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *view = GTK_WIDGET (window_column_view (fixture));
  GtkWidget *focus;

  fixture_connect (fixture, 1000, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);

  /* On the third row, down the list. */
  g_assert_true (rolo_contact_view_focus_row (ROLO_CONTACT_VIEW (window_widget (fixture,
                                                                   "RoloContactView")), 2));
  g_assert_cmpstr (focus_name (gtk_root_get_focus (GTK_ROOT (window))), ==, "row");
  g_assert_true (press_key_on (view, GDK_KEY_Tab, 0));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, view));

  /* Back: Shift+Tab from a row goes to the headers, not the row above. */
  g_assert_true (rolo_contact_view_focus_row (ROLO_CONTACT_VIEW (window_widget (fixture,
                                                                   "RoloContactView")), 2));
  g_assert_true (press_key_on (view, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_cmpstr (focus_name (focus), ==, "header");

  /* Arrows are the list's own. */
  g_assert_true (rolo_contact_view_focus_row (ROLO_CONTACT_VIEW (window_widget (fixture,
                                                                   "RoloContactView")), 2));
  g_assert_false (press_key_on (view, GDK_KEY_Down, 0));
}

static GtkWidget *
column_header (Fixture    *fixture,
               const char *title)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *view = GTK_WIDGET (window_column_view (fixture));

  rolo_test_collect_widgets (view, rolo_test_is_type_named, "GtkLabel", labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (g_str_equal (gtk_label_get_label (GTK_LABEL (label)), title) &&
          gtk_widget_get_ancestor (label, GTK_TYPE_LIST_VIEW) == NULL)
        return gtk_widget_get_parent (gtk_widget_get_parent (label));
    }
  return NULL;
}

/* What Enter does on a focused widget: its shortcut for Return. */
static void
press_return (GtkWidget *widget)
{
  g_assert_true (rolo_test_press_shortcut (widget, GDK_KEY_Return, 0));
}

/* Column headers are stops of their own, named, saying how the list is
 * sorted, and Enter sorts as a click does. */
static void
test_column_headers (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const char * const email_asc[] = { "sortBy=cstemail", "sortOrder=asc", NULL };
  const char * const email_desc[] = { "sortBy=cstemail", "sortOrder=desc", NULL };
  SortWait by_email_asc = { fixture, ROLO_CONTACT_SORT_EMAIL, FALSE };
  SortWait by_email_desc = { fixture, ROLO_CONTACT_SORT_EMAIL, TRUE };
  GtkWidget *name, *email;

  fixture_connect (fixture, 60, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);

  name = column_header (fixture, "Name");
  email = column_header (fixture, "Email");
  g_assert_nonnull (name);
  g_assert_nonnull (email);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (email)), ==,
                   GTK_ACCESSIBLE_ROLE_COLUMN_HEADER);
  g_assert_true (gtk_widget_get_focusable (email));
  gtk_test_accessible_assert_property (email, GTK_ACCESSIBLE_PROPERTY_LABEL, "Email");
  gtk_test_accessible_assert_property (name, GTK_ACCESSIBLE_PROPERTY_SORT,
                                       GTK_ACCESSIBLE_SORT_ASCENDING);
  gtk_test_accessible_assert_property (email, GTK_ACCESSIBLE_PROPERTY_SORT,
                                       GTK_ACCESSIBLE_SORT_NONE);

  g_assert_true (gtk_widget_grab_focus (email));
  press_return (email);
  wait_request (fixture, email_asc);
  rolo_test_wait_until (sort_answered, &by_email_asc, TIMEOUT_MS);
  assert_rows_ordered (fixture, rolo_contact_get_email, FALSE);
  gtk_test_accessible_assert_property (email, GTK_ACCESSIBLE_PROPERTY_SORT,
                                       GTK_ACCESSIBLE_SORT_ASCENDING);
  gtk_test_accessible_assert_property (name, GTK_ACCESSIBLE_PROPERTY_SORT,
                                       GTK_ACCESSIBLE_SORT_NONE);

  /* Again: the other way round. */
  press_return (email);
  wait_request (fixture, email_desc);
  rolo_test_wait_until (sort_answered, &by_email_desc, TIMEOUT_MS);
  assert_rows_ordered (fixture, rolo_contact_get_email, TRUE);
  gtk_test_accessible_assert_property (email, GTK_ACCESSIBLE_PROPERTY_SORT,
                                       GTK_ACCESSIBLE_SORT_DESCENDING);
}

/* width G_MININT: any. */
static void
assert_column_setting (GVariant   *columns,
                       const char *id,
                       gboolean    visible,
                       int         width)
{
  GVariantIter iter;
  const char *column_id;
  gboolean column_visible;
  int column_width;

  g_variant_iter_init (&iter, columns);
  while (g_variant_iter_next (&iter, "(&sbi)", &column_id, &column_visible, &column_width))
    if (g_str_equal (column_id, id))
      {
        g_assert_cmpint (column_visible, ==, visible);
        if (width != G_MININT)
          g_assert_cmpint (column_width, ==, width);
        return;
      }

  g_assert_not_reached ();
}

static void
test_columns_remembered (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(RoloWindow) window = NULL;
  g_autoptr(GVariant) columns = NULL;
  GtkColumnView *view = window_column_view (fixture);
  GtkColumnView *other_view;

  /* The column chooser in the main menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "columns.email",
                                             NULL));
  g_assert_false (gtk_column_view_column_get_visible (column_titled (view, "Email")));
  gtk_column_view_column_set_fixed_width (column_titled (view, "Mobile"), 222);

  columns = g_settings_get_value (fixture->settings, "columns");
  assert_column_setting (columns, "email", FALSE, G_MININT);
  assert_column_setting (columns, "mobile", TRUE, 222);

  window = g_object_ref_sink (rolo_window_new (fixture->app));
  other_view = GTK_COLUMN_VIEW (rolo_test_find_widget (GTK_WIDGET (window), rolo_test_is_type_named,
                                                       "GtkColumnView"));
  g_assert_false (gtk_column_view_column_get_visible (column_titled (other_view, "Email")));
  g_assert_true (gtk_column_view_column_get_visible (column_titled (other_view, "Type")));
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_titled (other_view, "Mobile")),
                   ==, 222);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Where the last shown header ends, in the column view's coordinates. */
static double
headers_end (Fixture *fixture)
{
  GtkWidget *view = GTK_WIDGET (window_column_view (fixture));
  double end = 0;

  for (guint i = 0; i < 5; i++)
    {
      const char *title = (const char *[]) { "Name", "Type", "Email", "Mobile", "Created" }[i];
      GtkWidget *header = column_header (fixture, title);
      graphene_rect_t bounds;

      if (header != NULL && gtk_widget_get_mapped (header) &&
          gtk_widget_compute_bounds (header, view, &bounds))
        end = MAX (end, bounds.origin.x + bounds.size.width);
    }
  return end;
}

static int
header_width (Fixture    *fixture,
              const char *title)
{
  GtkWidget *header = column_header (fixture, title);

  return header != NULL && gtk_widget_get_mapped (header) ? gtk_widget_get_width (header) : 0;
}

/* A hidden column leaves no gap: the row is filled to the right edge, the
 * expanding columns (Name, Email) take what is over. GTK 4.8 counted the
 * hidden column's width and left a strip as wide as it. */
static void
test_columns_fill (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GVariant) columns = NULL;
  GtkWidget *view;

  g_settings_set_value (fixture->settings, "columns",
                        g_variant_new_parsed ("[('name', true, 220), ('type', false, 120), "
                                              "('email', true, 300), ('mobile', true, 130), "
                                              "('created', true, 110)]"));
  /* A window that reads the setting as it starts, as after a restart. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  fixture->window = g_object_ref_sink (rolo_window_new (fixture->app));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture_connect (fixture, 30, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);
  rolo_test_iterate_for (200);

  view = GTK_WIDGET (window_column_view (fixture));
  g_test_message ("view %d wide, headers end at %.0f, Email %d", gtk_widget_get_width (view),
                  headers_end (fixture), header_width (fixture, "Email"));
  g_assert_cmpint (header_width (fixture, "Type"), ==, 0);
  g_assert_cmpfloat (headers_end (fixture), >=, gtk_widget_get_width (view) - 20);
  g_assert_cmpint (header_width (fixture, "Email"), >, 300);

  /* Shown again, it comes back as wide as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "columns.type", NULL));
  rolo_test_iterate_for (200);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_titled (
                     window_column_view (fixture), "Type")), ==, 120);
  columns = g_settings_get_value (fixture->settings, "columns");
  assert_column_setting (columns, "type", TRUE, 120);
}

/* A narrow window drops Type and Created (the avatar shows the type), the
 * narrowest keeps the name and the email, both keep the user's choice of
 * columns and bring them back when it widens. */
typedef struct
{
  Fixture *fixture;
  int      width;
} WidthWait;

static gboolean
window_at_most (gpointer user_data)
{
  WidthWait *wait = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (wait->fixture->window));

  return width > 0 && width <= wait->width;
}

/* The columns follow the width on the next layout, which a slow machine
 * (or a sanitizer build) can take a while to reach. */
static gboolean
narrow_columns_hidden (gpointer user_data)
{
  Fixture *fixture = user_data;
  GtkColumnView *view = window_column_view (fixture);

  return !gtk_column_view_column_get_visible (column_titled (view, "Type")) &&
         !gtk_column_view_column_get_visible (column_titled (view, "Created"));
}

static gboolean
narrow_columns_shown (gpointer user_data)
{
  Fixture *fixture = user_data;
  GtkColumnView *view = window_column_view (fixture);

  return gtk_column_view_column_get_visible (column_titled (view, "Type")) &&
         gtk_column_view_column_get_visible (column_titled (view, "Created"));
}

static gboolean
narrowest_columns (gpointer user_data)
{
  Fixture *fixture = user_data;
  GtkColumnView *view = window_column_view (fixture);

  return narrow_columns_hidden (fixture) &&
         !gtk_column_view_column_get_visible (column_titled (view, "Mobile")) &&
         gtk_column_view_column_get_visible (column_titled (view, "Email")) &&
         gtk_column_view_column_get_visible (column_titled (view, "Name"));
}

static void
test_columns_narrow (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GVariant) before = NULL;
  g_autoptr(GVariant) after = NULL;
  GtkWidget *search;
  WidthWait width;

  fixture_connect (fixture, 30, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  wait_settled (fixture);
  rolo_test_wait_until (rows_shown, fixture, TIMEOUT_MS);
  before = g_settings_get_value (fixture->settings, "columns");

  /* As the user drags it narrower: first past the width where the header
   * bar folds up, then on down. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 700, 600);
  rolo_test_iterate_for (300);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 480, 600);
  width = (WidthWait) { fixture, 500 };
  rolo_test_wait_until (window_at_most, &width, TIMEOUT_MS);
  rolo_test_wait_until (narrow_columns_hidden, fixture, TIMEOUT_MS);
  rolo_test_iterate_for (100);
  {
    int min = 0;

    gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1, &min,
                        NULL, NULL, NULL);
    g_test_message ("window %d wide, at least %d",
                    gtk_widget_get_width (GTK_WIDGET (fixture->window)), min);
  }
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 500);
  g_assert_true (narrow_columns_hidden (fixture));
  g_assert_true (gtk_column_view_column_get_visible (column_titled (window_column_view (fixture),
                                                                   "Email")));
  /* Still what the user chose. */
  after = g_settings_get_value (fixture->settings, "columns");
  g_assert_true (g_variant_equal (before, after));
  /* And the search is wide enough to type in. */
  search = window_widget (fixture, "GtkSearchEntry");
  g_test_message ("search %d wide", gtk_widget_get_width (search));
  g_assert_cmpint (gtk_widget_get_width (search), >=, 150);
  g_assert_true (gtk_column_view_column_get_visible (column_titled (window_column_view (fixture),
                                                                   "Mobile")));

  /* Narrower still: the name and one detail. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 380, 600);
  width = (WidthWait) { fixture, 400 };
  rolo_test_wait_until (window_at_most, &width, TIMEOUT_MS);
  rolo_test_wait_until (narrowest_columns, fixture, TIMEOUT_MS);
  g_clear_pointer (&after, g_variant_unref);
  after = g_settings_get_value (fixture->settings, "columns");
  g_assert_true (g_variant_equal (before, after));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  rolo_test_wait_until (narrow_columns_shown, fixture, TIMEOUT_MS);
  g_assert_true (narrow_columns_shown (fixture));
  g_assert_true (gtk_column_view_column_get_visible (column_titled (window_column_view (fixture),
                                                                   "Mobile")));
}

int
main (int   argc,
      char *argv[])
{
  rolo_test_browse_init (&argc, &argv);

  ADD ("/ui/browse/columns/remembered", test_columns_remembered);
  ADD ("/ui/browse/columns/fill", test_columns_fill);
  ADD ("/ui/browse/columns/narrow", test_columns_narrow);
  ADD ("/ui/browse/open-contact", test_open_contact);
  ADD ("/ui/browse/context-menu", test_context_menu);
  ADD ("/ui/browse/keyboard", test_keyboard);
  ADD ("/ui/browse/keyboard/tab-leaves-list", test_tab_leaves_list);
  ADD ("/ui/browse/keyboard/column-headers", test_column_headers);

  return g_test_run ();
}
