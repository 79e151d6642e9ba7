/* rolo-hidden-rows.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A source position that is none. */
#define ROLO_HIDDEN_ROWS_NO_POSITION G_MAXUINT

/*
 * RoloHiddenRows: the rows of RoloContactList hidden while their delete waits
 * for its Undo, and the mapping between the list's positions (the rows not
 * hidden) and source positions (the server's result set). Used by
 * RoloContactList only.
 */
typedef struct _RoloHiddenRows RoloHiddenRows;

/* The source position of a loaded contact, or ROLO_HIDDEN_ROWS_NO_POSITION. */
typedef guint (*RoloHiddenRowsFindFunc) (gint64   id,
                                         gpointer user_data);

RoloHiddenRows *rolo_hidden_rows_new            (void);
void            rolo_hidden_rows_free           (RoloHiddenRows         *self);
guint           rolo_hidden_rows_get_n_placed   (RoloHiddenRows         *self);
guint           rolo_hidden_rows_view_to_source (RoloHiddenRows         *self,
                                                 guint                   view);
guint           rolo_hidden_rows_source_to_view (RoloHiddenRows         *self,
                                                 guint                   source);
void            rolo_hidden_rows_unplace_from   (RoloHiddenRows         *self,
                                                 guint                   position);
guint           rolo_hidden_rows_reconcile      (RoloHiddenRows         *self,
                                                 guint                   first,
                                                 GPtrArray              *rows,
                                                 guint                   n_filled);
void            rolo_hidden_rows_hide           (RoloHiddenRows         *self,
                                                 const gint64           *ids,
                                                 guint                   n_ids,
                                                 RoloHiddenRowsFindFunc  find,
                                                 gpointer                find_data,
                                                 GListModel             *model);
void            rolo_hidden_rows_unhide         (RoloHiddenRows         *self,
                                                 const gint64           *ids,
                                                 guint                   n_ids,
                                                 GListModel             *model);
void            rolo_hidden_rows_forget         (RoloHiddenRows         *self,
                                                 const gint64           *ids,
                                                 guint                   n_ids);
gboolean        rolo_hidden_rows_contains       (RoloHiddenRows         *self,
                                                 gint64                  id);

G_END_DECLS
