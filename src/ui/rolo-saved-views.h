/* rolo-saved-views.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rolo-contact-query.h"

G_BEGIN_DECLS

/* One saved view: what the window shows, under a name. @columns is an
 * "a(sbi)" as the "columns" setting holds it. */
typedef struct
{
  char                 *name;
  char                 *search;
  RoloContactType       contact_type;
  RoloContactSortField  sort_field;
  gboolean              sort_descending;
  GVariant             *columns;
} RoloSavedView;

RoloSavedView *rolo_saved_view_new        (const char           *name,
                                           const char           *search,
                                           RoloContactType       contact_type,
                                           RoloContactSortField  sort_field,
                                           gboolean              sort_descending,
                                           GVariant             *columns);
RoloSavedView *rolo_saved_view_copy       (const RoloSavedView  *view);
void           rolo_saved_view_free       (RoloSavedView        *view);
/* Whether @a and @b show the same: names and column widths aside. */
gboolean       rolo_saved_view_same_state (const RoloSavedView  *a,
                                           const RoloSavedView  *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoloSavedView, rolo_saved_view_free)

#define ROLO_TYPE_SAVED_VIEWS (rolo_saved_views_get_type ())

G_DECLARE_FINAL_TYPE (RoloSavedViews, rolo_saved_views, ROLO, SAVED_VIEWS, GObject)

/*
 * The saved views, in the user's order, kept in the "saved-views" setting
 * of @settings: every change is written at once, and a change written by
 * another window is read back. Signal "changed": the list changed.
 *
 * A stored view keeps what can be read of it: values this version does not
 * know (a sort or type from elsewhere) fall back to the defaults, and its
 * columns are the table's to sort out, so such a view still opens.
 */
RoloSavedViews      *rolo_saved_views_new      (GSettings            *settings);
guint                rolo_saved_views_get_n    (RoloSavedViews       *self);
/* (transfer none) */
const RoloSavedView *rolo_saved_views_get      (RoloSavedViews       *self,
                                                guint                 position);
/* Takes @view; a position past the end appends it. */
void                 rolo_saved_views_insert   (RoloSavedViews       *self,
                                                guint                 position,
                                                RoloSavedView        *view);
/* Returns the view taken out. (transfer full) */
RoloSavedView       *rolo_saved_views_remove   (RoloSavedViews       *self,
                                                guint                 position);
void                 rolo_saved_views_move     (RoloSavedViews       *self,
                                                guint                 from,
                                                guint                 to);
/* Replaces the view at @position by @view (taken). */
void                 rolo_saved_views_replace  (RoloSavedViews       *self,
                                                guint                 position,
                                                RoloSavedView        *view);

G_END_DECLS
