/* rolo-toolbar.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The windows' templates give their content as a vertical box: the bars
 * (header bar, strips, banners), the part that grows, then any bars under
 * it. Where libadwaita has AdwToolbarView (1.4), this puts those in one, in
 * the box's place, so the header bar is drawn as GNOME draws it now (flat,
 * raised once the content scrolls under it); before, the box stays. */

#define ROLO_TOOLBAR_HAS_VIEW ADW_CHECK_VERSION (1, 4, 0)

/* @window: an AdwWindow or AdwApplicationWindow */
void rolo_toolbar_adopt (GtkWidget *window);

G_END_DECLS
