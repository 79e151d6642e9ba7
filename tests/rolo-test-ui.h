/* rolo-test-ui.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Helpers for the tests that drive real widgets. */

/* What pressing @keyval with @modifiers does through @widget's own key
 * bindings (its class shortcuts and shortcut controllers): the binding's
 * action is activated, as GTK would; fails the test when none binds it. */
gboolean rolo_test_press_shortcut (GtkWidget       *widget,
                                   guint            keyval,
                                   GdkModifierType  modifiers);

G_END_DECLS
