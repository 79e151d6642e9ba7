/* rolo-contact-editor.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rolo-client.h"
#include "rolo-contact-details.h"
#include "rolo-tag-completion.h"
#include "rolo-tag-names.h"

G_BEGIN_DECLS

#define ROLO_TYPE_CONTACT_EDITOR (rolo_contact_editor_get_type ())

G_DECLARE_FINAL_TYPE (RoloContactEditor, rolo_contact_editor, ROLO, CONTACT_EDITOR, AdwWindow)

/*
 * A modal dialog that creates a contact (id 0) or shows an existing one,
 * which it fetches first, to read (all its fields, selectable; Close and
 * Edit) until the user edits it: Edit, Ctrl+E or Enter. Editing starts with
 * the cursor after the name, nothing selected. Nothing typed is lost when
 * saving fails: the dialog stays open with every value and says why.
 *
 * "state": "loading" (fetching the contact), "viewing" (reading it),
 * "editing", "saving" or "error" (the contact could not be fetched; Retry
 * asks again). With a list row given (show_known()), loading and error show
 * that row rather than a status page.
 *
 * Signal "saved" (RoloContact *saved, gboolean created): the server took the
 * contact; the dialog closes right after, unless some sent fields did not
 * take (then it stays open and says which).
 *
 * Signal "delete" (RoloContact *contact): editor.delete (the Delete Contact
 * button of an existing contact); the dialog closes right after and a
 * handler deletes the contact.
 *
 * While a new contact is typed, a hint names an existing contact with the
 * same email or the exact same name; editor.open-duplicate edits that one
 * instead. It never stops Save.
 *
 * Actions: editor.edit (Ctrl+E, Enter), editor.save (Ctrl+S), editor.cancel
 * (Esc), editor.retry, editor.reload, editor.open-existing,
 * editor.open-duplicate, editor.delete, editor.clear-parent,
 * editor.remove-tag (x).
 */
RoloContactEditor *rolo_contact_editor_new             (RoloClient        *client,
                                                        gint64             id);
gint64             rolo_contact_editor_get_id          (RoloContactEditor *self);
const char        *rolo_contact_editor_get_state       (RoloContactEditor *self);
/* The contact as the fields hold it (transfer none). */
RoloContact       *rolo_contact_editor_get_contact     (RoloContactEditor *self);
/* Whether the fields differ from what was loaded (or from a blank contact). */
gboolean           rolo_contact_editor_get_dirty       (RoloContactEditor *self);
/* The message shown under the field of @api_field (ROLO_CONTACT_FIELD_*),
 * or NULL when none shows. */
const char        *rolo_contact_editor_get_field_error (RoloContactEditor *self,
                                                        const char        *api_field);
/* The widget the user edits @api_field with (for tests), or NULL. */
GtkWidget         *rolo_contact_editor_get_field_widget (RoloContactEditor *self,
                                                         const char        *api_field);
/* Why Save is disabled ("" when it is enabled). */
const char        *rolo_contact_editor_get_save_hint   (RoloContactEditor *self);
/* The message at the top of the form ("" when hidden). */
const char        *rolo_contact_editor_get_message     (RoloContactEditor *self);
/* Id of the contact the duplicate check found after a create that may have
 * worked (timed out, answer lost or unreadable), or 0. */
gint64             rolo_contact_editor_get_existing_id (RoloContactEditor *self);
/* Id of the existing contact the duplicate hint names, or 0 when hidden. */
gint64             rolo_contact_editor_get_duplicate_id (RoloContactEditor *self);
gboolean           rolo_contact_editor_close_then      (RoloContactEditor *self,
                                                        const char        *action_name);

/* Offline, Save is disabled (the save hint says why) and what was typed
 * stays; back online, Save is enabled again. */
void        rolo_contact_editor_set_offline     (RoloContactEditor *self,
                                                 gboolean           offline);
void        rolo_contact_editor_set_tag_names   (RoloContactEditor *self,
                                                 RoloTagNames      *names);
void        rolo_contact_editor_show_known      (RoloContactEditor *self,
                                                 RoloContact       *known);
/* The read-only page (for tests). */
RoloContactDetails *rolo_contact_editor_get_details (RoloContactEditor *self);
/* For tests: what the tag entry offers. */
RoloTagCompletion *rolo_contact_editor_get_tag_completion (RoloContactEditor *self);

G_END_DECLS
