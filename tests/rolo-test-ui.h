/* rolo-test-ui.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rolo-alert.h"
#include "rolo-application.h"

G_BEGIN_DECLS

/* Helpers for the tests that drive real widgets. */

/* A non-unique application with an id of its own, APPLICATION_ID.<name><n>:
 * apps in one test process export objects at the id's path on the same
 * session bus connection. (transfer full) */
RoloApplication *rolo_test_application_new (const char *name);

/* Starts GTK and libadwaita for a test of real widgets: the test
 * accessibility backend (names where tests can read them, no bus), and no
 * GL (Mesa's software driver, loaded and dropped while GDK probes for it,
 * leaks in a way LeakSanitizer cannot attribute; the cairo renderer draws
 * these widgets just as well). In gtk_test_init()'s en_US.UTF-8. */
void rolo_test_gtk_init (int    *argc,
                         char ***argv);

typedef gboolean (*RoloTestWidgetMatch) (GtkWidget  *widget,
                                         const char *data);

/* The first widget of @root's tree, @root included, that @match takes, in
 * depth-first order; NULL when none does. (transfer none) */
GtkWidget *rolo_test_find_widget      (GtkWidget           *root,
                                       RoloTestWidgetMatch  match,
                                       const char          *data);
/* Appends every widget of @root's tree that @match takes to @found. */
void       rolo_test_collect_widgets  (GtkWidget           *root,
                                       RoloTestWidgetMatch  match,
                                       const char          *data,
                                       GPtrArray           *found);

/* Matches for rolo_test_find_widget(). */
gboolean   rolo_test_is_type_named    (GtkWidget           *widget,
                                       const char          *type_name);
gboolean   rolo_test_is_button_for    (GtkWidget           *widget,
                                       const char          *action_name);
/* The same, on screen: the one the user sees when several do the same. */
gboolean   rolo_test_is_shown_button_for (GtkWidget        *widget,
                                          const char       *action_name);
/* A label on screen that reads @text (a menu's hidden copy does not). */
gboolean   rolo_test_is_shown_label   (GtkWidget           *widget,
                                       const char          *text);
/* The window's main menu button (the one marked primary); @unused. */
gboolean   rolo_test_is_primary_menu  (GtkWidget           *widget,
                                       const char          *unused);
/* A widget a screen reader calls @name: its accessible label is @name.
 * Needs the test accessibility backend (GTK_A11Y=test). */
gboolean   rolo_test_is_named         (GtkWidget           *widget,
                                       const char          *name);

/* An entry row's own Apply or Show Password button: libadwaita's, named by
 * its tooltip only in libadwaita 1.7 (not ours to name). */
gboolean   rolo_test_is_adw_row_button (GtkWidget          *widget);

/* The toplevel window of @type (or implementing it) on screen; NULL when
 * none is. (transfer none) */
GtkWindow *rolo_test_find_toplevel    (GType                type);

/* The alert (rolo-alert.h) on screen over @window, any window when NULL;
 * NULL when none is. (transfer none) */
GtkWidget *rolo_test_alert_shown      (GtkWindow           *window);
/* Clicks the button of @response in @alert, as the user would; fails the
 * test when it has none or it cannot be clicked. */
void       rolo_test_alert_respond    (GtkWidget           *alert,
                                       const char          *response);

/* Whether @model, or a section or submenu of it, has an item for @action. */
gboolean   rolo_test_menu_has_action  (GMenuModel          *model,
                                       const char          *action);

/* What pressing @keyval with @modifiers does through @widget's own key
 * bindings (its class shortcuts and shortcut controllers): the binding's
 * action is activated, as GTK would; fails the test when none binds it. */
gboolean rolo_test_press_shortcut (GtkWidget       *widget,
                                   guint            keyval,
                                   GdkModifierType  modifiers);

G_END_DECLS
