/* rolo-tag-names.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ROLO_TYPE_TAG_NAMES (rolo_tag_names_get_type ())

G_DECLARE_FINAL_TYPE (RoloTagNames, rolo_tag_names, ROLO, TAG_NAMES, GObject)

/*
 * The names a user gave the tag numbers of one workspace. The API knows tags
 * only by number; the names are Rolo's, kept in the "tag-names" setting
 * under the account ("sample-data", or the server's address). Without
 * settings (no schema installed) they last as long as the object.
 *
 * Signal "changed": the names changed, here or in another window.
 */
RoloTagNames *rolo_tag_names_new      (GSettings    *settings,
                                       const char   *account);
const char   *rolo_tag_names_get_account (RoloTagNames *self);
/* The name of tag @id, or NULL when it has none. */
const char   *rolo_tag_names_lookup   (RoloTagNames *self,
                                       gint64        id);
/* The tag named @name (any case, spaces around ignored), or 0. */
gint64        rolo_tag_names_find     (RoloTagNames *self,
                                       const char   *name);
/* Names tag @id; NULL or "" takes its name away. FALSE, with nothing
 * changed, when another tag has that name already. */
gboolean      rolo_tag_names_set      (RoloTagNames *self,
                                       gint64        id,
                                       const char   *name);
/* The named tags whose name holds @text (any case; "" for all), sorted by
 * name, at most @max_ids of them. */
GArray       *rolo_tag_names_match    (RoloTagNames *self,
                                       const char   *text,
                                       guint         max_ids);
/* Points *@slot (a strong reference) at @names, so that @changed is called
 * on @owner (its only argument) when the names change; drops the old one's
 * connection. FALSE when *@slot was @names already. */
gboolean      rolo_tag_names_watch    (RoloTagNames **slot,
                                       RoloTagNames  *names,
                                       gpointer       owner,
                                       GCallback      changed);
/* How a tag shows: its name, or "#12" when it has none. */
char         *rolo_tag_names_format   (RoloTagNames *self,
                                       gint64        id);

G_END_DECLS
