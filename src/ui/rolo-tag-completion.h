/* rolo-tag-completion.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rolo-tag-names.h"

G_BEGIN_DECLS

#define ROLO_TYPE_TAG_COMPLETION (rolo_tag_completion_get_type ())

G_DECLARE_FINAL_TYPE (RoloTagCompletion, rolo_tag_completion, ROLO, TAG_COMPLETION, GObject)

/*
 * Offers the named tags that match what is typed in @entry (an editable,
 * such as an AdwEntryRow), in a list under it: Down goes into the list,
 * Enter or a click picks, Escape closes. With nothing typed, Down offers
 * every named tag. Signal "picked" (gint64 id).
 */
RoloTagCompletion *rolo_tag_completion_new          (GtkWidget         *entry);
void               rolo_tag_completion_set_names    (RoloTagCompletion *self,
                                                     RoloTagNames      *names);
/* Tags not to offer (the contact has them already). */
void               rolo_tag_completion_set_excluded (RoloTagCompletion *self,
                                                     const gint64      *ids,
                                                     gsize              n_ids);
/* The list shows (for tests). */
gboolean           rolo_tag_completion_is_shown     (RoloTagCompletion *self);
/* The tags the list offers, in order (for tests). (transfer full) */
GArray            *rolo_tag_completion_dup_offered  (RoloTagCompletion *self);

G_END_DECLS
