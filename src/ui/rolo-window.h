/* rolo-window.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rolo-application.h"
#include "rolo-tag-names.h"
#include "rolo-client.h"

G_BEGIN_DECLS

#define ROLO_TYPE_WINDOW (rolo_window_get_type ())

G_DECLARE_FINAL_TYPE (RoloWindow, rolo_window, ROLO, WINDOW, AdwApplicationWindow)

/*
 * The main window: the contacts of the client's workspace in a table, with
 * search, a type filter and server-side sorting in the header bar, or a status
 * page when there is nothing to show ("state": "welcome", "loading", "browse",
 * "empty", "no-results" or "error").
 *
 * Signal "open-contact" (gint64 id) -> gboolean: win.open-contact was
 * activated, by activating a row or from its context menu; a handler returns
 * TRUE when it opened the contact.
 *
 * win.delete-selected hides the selected contacts at once and shows a toast
 * to undo it (win.undo-delete); the deletes are sent when the toast goes, or
 * before the window closes.
 */
RoloWindow *rolo_window_new                    (RoloApplication *application);
RoloClient *rolo_window_get_client             (RoloWindow      *self);
void        rolo_window_set_client             (RoloWindow      *self,
                                                RoloClient      *client);
void        rolo_window_show_loading           (RoloWindow      *self,
                                                const char      *description);
void        rolo_window_show_error             (RoloWindow      *self,
                                                const GError    *error);
const char *rolo_window_get_state              (RoloWindow      *self);
const char *rolo_window_get_status_title       (RoloWindow      *self);
const char *rolo_window_get_status_description (RoloWindow      *self);
/* The RoloContactList shown, or NULL without a client. */
GListModel *rolo_window_get_contacts           (RoloWindow      *self);
/* "1,234 contacts" as the header bar shows it; "" until known. */
const char *rolo_window_get_count_text         (RoloWindow      *self);
const char *rolo_window_get_type_filter        (RoloWindow      *self);
void        rolo_window_set_type_filter        (RoloWindow      *self,
                                                const char      *type_filter);
/* Sample mode shows a strip above the contacts: they are not the user's. */
void        rolo_window_set_sample_mode        (RoloWindow      *self,
                                                gboolean         sample_mode);
gboolean    rolo_window_get_sample_mode        (RoloWindow      *self);
/* The tag names of the workspace shown ("sample-data" or the server's), or
 * NULL when none is. (transfer none) */
RoloTagNames *rolo_window_get_tag_names        (RoloWindow      *self);
/* The offline banner's words while it shows, else NULL (for tests). */
const char *rolo_window_get_offline_text       (RoloWindow      *self);
/* The toast offering to undo the pending deletes, or NULL (for tests). */
AdwToast   *rolo_window_get_delete_toast       (RoloWindow      *self);
/* Before quitting: a contact editor with unsaved changes asks "Discard
 * changes?" first. Returns TRUE when it asks; Discard activates app.quit
 * again, Keep Editing cancels the quit. */
gboolean    rolo_window_ask_before_quit        (RoloWindow      *self);

G_END_DECLS
