/* rolo-contact-editor-actions.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-alert.h"
#include "rolo-contact-editor-private.h"
#include "rolo-contact-match.h"
#include "rolo-error-text.h"

/* --- saving ---------------------------------------------------------------- */

static void
rolo_contact_editor_finish_saved (RoloContactEditor *self,
                                  RoloContact       *saved,
                                  gboolean           created)
{
  rolo_contact_editor_emit_saved (self, saved, created);
  self->force_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Whether a create that failed this way may have created the contact all
 * the same: its answer was lost, late or unreadable, not a refusal. */
static gboolean
outcome_unknown (const GError *error)
{
  return g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_TIMEOUT) ||
         g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_NETWORK) ||
         g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_MALFORMED);
}

static void
rolo_contact_editor_save_failed (RoloContactEditor *self,
                                 const GError      *error,
                                 gboolean           creating)
{
  GHashTable *field_errors = rolo_client_error_get_field_errors (error);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title_markup = NULL;
  g_autofree char *description_markup = NULL;
  g_autofree char *markup = NULL;

  rolo_contact_editor_set_state (self, EDITOR_EDITING);

  if (field_errors != NULL)
    {
      rolo_contact_editor_show_field_errors (self, field_errors, error);
      return;
    }

  title = rolo_error_text_title (error);
  description = rolo_error_text_description (error);
  title_markup = g_markup_escape_text (title, -1);
  description_markup = g_markup_escape_text (description, -1);
  markup = g_strdup_printf ("<b>%s</b>\n%s", title_markup, description_markup);
  rolo_contact_editor_show_message (self, markup, TRUE, FALSE);

  /* The server may have created it before the answer was lost. */
  if (creating && outcome_unknown (error))
    self->check_duplicate = TRUE;
}

static void
contact_created_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RoloContactEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) saved = NULL;
  gint64 id;

  id = rolo_client_create_contact_finish (ROLO_CLIENT (source), result, &error);
  if (is_cancelled (error))
    return;
  if (id == 0 || error != NULL)
    {
      rolo_contact_editor_save_failed (self, error, TRUE);
      return;
    }

  saved = rolo_contact_copy (self->contact);
  rolo_contact_set_id (saved, id);
  rolo_contact_editor_set_original (self, saved);
  self->id = id;
  rolo_contact_editor_set_state (self, EDITOR_EDITING);
  rolo_contact_editor_finish_saved (self, saved, TRUE);
}

static void
rolo_contact_editor_warn_unapplied (RoloContactEditor  *self,
                                    const char * const *unapplied)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *markup = NULL;

  for (guint i = 0; unapplied[i] != NULL; i++)
    {
      g_autofree char *name = rolo_field_dup_label (unapplied[i]);

      if (names->len > 0)
        g_string_append (names, C_("list separator", ", "));
      g_string_append (names, name);
    }

  escaped = g_markup_escape_text (names->str, -1);
  /* Translators: %s lists fields, like "Notes, SMS notifications" */
  markup = g_strdup_printf (_("<b>Some changes were not kept by the server</b>\n"
                              "The other changes were saved. These fields still hold what "
                              "you typed: %s."), escaped);
  rolo_contact_editor_show_message (self, markup, FALSE, FALSE);
}

static void
contact_updated_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RoloContactEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) saved = NULL;
  g_autoptr(RoloContact) edited = NULL;
  g_auto(GStrv) unapplied = NULL;

  saved = rolo_client_update_contact_finish (ROLO_CLIENT (source), result, &unapplied, &error);
  if (is_cancelled (error))
    return;
  if (saved == NULL)
    {
      rolo_contact_editor_save_failed (self, error, FALSE);
      return;
    }

  edited = g_object_ref (self->contact);
  rolo_contact_editor_set_original (self, saved);
  rolo_contact_editor_set_state (self, EDITOR_EDITING);

  if (unapplied == NULL || unapplied[0] == NULL)
    {
      rolo_contact_editor_finish_saved (self, saved, FALSE);
      return;
    }

  rolo_contact_editor_copy_unapplied (self->contact, edited, (const char * const *) unapplied);
  rolo_contact_editor_fill_fields (self);
  rolo_contact_editor_warn_unapplied (self, (const char * const *) unapplied);
  rolo_contact_editor_emit_saved (self, saved, FALSE);
}

void
rolo_contact_editor_save (RoloContactEditor *self)
{
  rolo_contact_editor_clear_server_errors (self);
  rolo_contact_editor_show_message (self, NULL, FALSE, FALSE);
  rolo_contact_editor_set_state (self, EDITOR_SAVING);

  if (self->id == 0)
    rolo_client_create_contact_async (self->client, self->contact, self->cancellable,
                                      contact_created_cb, g_object_ref (self));
  else
    rolo_client_update_contact_async (self->client, self->original, self->contact,
                                      self->cancellable, contact_updated_cb,
                                      g_object_ref (self));
}

static void
duplicate_found_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RoloContactEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) found = NULL;

  found = rolo_client_find_match_finish (ROLO_CLIENT (source), result, NULL, &error);
  if (is_cancelled (error))
    return;
  if (error != NULL)
    {
      /* Could not look: say why, and keep looking before the next try. */
      rolo_contact_editor_save_failed (self, error, TRUE);
      self->check_duplicate = TRUE;
      return;
    }

  self->check_duplicate = FALSE;
  if (found == NULL)
    {
      rolo_contact_editor_save (self);
      return;
    }

  self->existing_id = rolo_contact_get_id (found);
  rolo_contact_editor_set_state (self, EDITOR_EDITING);
  rolo_contact_editor_show_message (self,
    _("<b>This contact may already exist</b>\n"
      "Rolo could not tell whether the last save worked, and a contact with the same "
      "email, or the same name and mobile, is now on the server. Open it rather than "
      "create a duplicate?"),
    TRUE, TRUE);
}

/* After a create whose outcome is unknown: look for what it may have
 * created first. A name alone is not enough: the user may mean a namesake. */
static void
rolo_contact_editor_check_duplicate (RoloContactEditor *self)
{
  rolo_contact_editor_show_message (self, NULL, FALSE, FALSE);
  rolo_contact_editor_set_state (self, EDITOR_SAVING);
  rolo_client_find_match_async (self->client, self->contact, ROLO_CONTACT_MATCH_NAME_AND_MOBILE,
                                self->cancellable, duplicate_found_cb, g_object_ref (self));
}

/* --- closing --------------------------------------------------------------- */

/* Closes, then activates @then_action (if any) on the window it was over. */
void
rolo_contact_editor_close_now (RoloContactEditor *self,
                               const char        *then_action)
{
  g_autoptr(GtkWidget) parent = NULL;

  if (gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL)
    parent = g_object_ref (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))));

  self->force_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  if (then_action != NULL && parent != NULL)
    gtk_widget_activate_action (parent, then_action, NULL);
}

static gboolean
close_after_discard_cb (gpointer user_data)
{
  RoloContactEditor *self = user_data;
  g_autofree char *then_action = g_steal_pointer (&self->then_action);

  rolo_contact_editor_close_now (self, then_action);
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (RoloContactEditor *self,
                     const char        *response,
                     GtkWidget         *dialog)
{
  if (g_strcmp0 (response, "discard") != 0)
    {
      g_clear_pointer (&self->then_action, g_free);
      return;
    }

  /* Not from inside the dialog's answer: the dialog is transient for the
   * editor, and an editor gone before its dialog leaves the dialog
   * disconnecting from a freed window. Nothing is asked any more. */
  self->force_close = TRUE;
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, close_after_discard_cb, g_object_ref (self),
                   g_object_unref);
}

void
rolo_contact_editor_ask_discard (RoloContactEditor *self)
{
  GtkWidget *dialog = rolo_alert_new (_("Discard changes?"),
                                      _("The changes you made will be lost."));

  rolo_alert_add_choice (dialog, "keep", _("_Keep Editing"), "discard", _("_Discard"),
                         ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  rolo_alert_present (dialog, GTK_WIDGET (self));
}

/* Closing now would lose something: changes, or a save on its way. */
gboolean
rolo_contact_editor_needs_asking (RoloContactEditor *self)
{
  return rolo_contact_editor_get_dirty (self) || self->state == EDITOR_SAVING;
}

static gboolean
rolo_contact_editor_close_request (GtkWindow *window)
{
  RoloContactEditor *self = ROLO_CONTACT_EDITOR (window);

  if (!self->force_close && rolo_contact_editor_needs_asking (self))
    {
      rolo_contact_editor_ask_discard (self);
      return TRUE;
    }

  g_cancellable_cancel (self->cancellable);
  rolo_contact_editor_stop_duplicate (self);
  return GTK_WINDOW_CLASS (g_type_class_peek (ADW_TYPE_WINDOW))->close_request (window);
}

/* --- actions --------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RoloContactEditor *self = ROLO_CONTACT_EDITOR (widget);
  g_autofree char *hint = rolo_contact_editor_compute_save_hint (self);

  /* A binding can fire while the action is disabled in between refreshes. */
  if (hint != NULL)
    return;

  self->check_duplicate = FALSE;
  rolo_contact_editor_save (self);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RoloContactEditor *self = ROLO_CONTACT_EDITOR (widget);

  if (self->state != EDITOR_EDITING)
    return;

  if (self->check_duplicate)
    rolo_contact_editor_check_duplicate (self);
  else
    rolo_contact_editor_save (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RoloContactEditor *self = ROLO_CONTACT_EDITOR (widget);

  if (self->state != EDITOR_VIEWING)
    return;

  rolo_contact_editor_set_state (self, EDITOR_EDITING);
  rolo_contact_editor_focus_name (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RoloContactEditor *self = ROLO_CONTACT_EDITOR (widget);

  if (self->id != 0)
    rolo_contact_editor_start_loading (self);
}

/* The contact a timed-out create made: show that one, as saved. */
static void
open_existing_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RoloContactEditor *self = ROLO_CONTACT_EDITOR (widget);
  g_autoptr(RoloContact) existing = NULL;

  if (self->existing_id == 0)
    return;

  existing = rolo_contact_copy (self->contact);
  rolo_contact_set_id (existing, self->existing_id);
  self->id = self->existing_id;
  self->check_duplicate = FALSE;
  rolo_contact_editor_show_message (self, NULL, FALSE, FALSE);
  rolo_contact_editor_emit_saved (self, existing, TRUE);
  rolo_contact_editor_start_loading (self);
}

/* The window deletes it, with undo; what was typed does not matter any
 * more: the user asked for the contact to go. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RoloContactEditor *self = ROLO_CONTACT_EDITOR (widget);
  g_autoptr(RoloContact) contact = NULL;

  if (self->id == 0 || self->original == NULL || self->state != EDITOR_EDITING)
    return;

  contact = rolo_contact_copy (self->original);
  rolo_contact_set_id (contact, self->id);
  rolo_contact_editor_emit_delete (self, contact);
  rolo_contact_editor_close_now (self, NULL);
}

void
rolo_contact_editor_class_add_actions (GtkWidgetClass *widget_class)
{
  GTK_WINDOW_CLASS (widget_class)->close_request = rolo_contact_editor_close_request;

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "editor.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "editor.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "editor.open-existing", NULL,
                                   open_existing_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  /* Enter edits too, while reading: Edit is the default button then. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "editor.edit", NULL);
}
