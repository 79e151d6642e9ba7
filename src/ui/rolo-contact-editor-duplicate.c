/* rolo-contact-editor-duplicate.c
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
#include "rolo-contact-validation.h"

/* Typing pauses this long before the server is asked. */
#define DUPLICATE_DELAY_MS 600

typedef struct
{
  RoloContactEditor *self;
  GCancellable      *cancellable; /* the lookup's: stale when replaced */
} DuplicateLookup;

static void
duplicate_lookup_free (DuplicateLookup *lookup)
{
  g_object_unref (lookup->self);
  g_object_unref (lookup->cancellable);
  g_free (lookup);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DuplicateLookup, duplicate_lookup_free)

static void
rolo_contact_editor_hide_duplicate (RoloContactEditor *self)
{
  if (self->duplicate_id == 0 && !gtk_revealer_get_reveal_child (self->duplicate_revealer))
    return;

  self->duplicate_id = 0;
  rolo_contact_editor_reveal (self->duplicate_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.open-duplicate", FALSE);
}

static void
rolo_contact_editor_show_duplicate (RoloContactEditor *self,
                                    RoloContact       *found,
                                    RoloContactMatch   match)
{
  g_autofree char *markup = NULL;

  self->duplicate_id = rolo_contact_get_id (found);
  self->duplicate_field = match == ROLO_CONTACT_MATCH_EMAIL ? ROLO_FIELD_EMAIL : ROLO_FIELD_NAME;
  if (match == ROLO_CONTACT_MATCH_EMAIL)
    /* Translators: %s is the name of a contact that has the email typed */
    markup = g_markup_printf_escaped (_("<b>%s</b> already has this email address."),
                                      rolo_contact_get_name (found));
  else
    markup = g_markup_printf_escaped (_("A contact named <b>%s</b> already exists."),
                                      rolo_contact_get_name (found));
  gtk_label_set_markup (self->duplicate_label, markup);
  rolo_contact_editor_reveal (self->duplicate_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.open-duplicate", TRUE);
}

static void
duplicate_matched_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DuplicateLookup) lookup = user_data;
  RoloContactEditor *self = lookup->self;
  g_autoptr(RoloContact) found = NULL;
  g_autoptr(GError) error = NULL;
  RoloContactMatch match;

  found = rolo_client_find_match_finish (ROLO_CLIENT (source), result, &match, &error);
  /* A hint only: a failure to look says nothing. */
  if (error != NULL || self->disposing || lookup->cancellable != self->duplicate_cancellable ||
      self->id != 0)
    return;

  if (found != NULL)
    rolo_contact_editor_show_duplicate (self, found, match);
  else
    rolo_contact_editor_hide_duplicate (self);
}

/* The new contact as typed, to look for: its email only when it is one. */
static RoloContact *
rolo_contact_editor_dup_candidate (RoloContactEditor *self)
{
  RoloContact *candidate = rolo_contact_copy (self->contact);
  g_autofree char *email = g_strstrip (g_strdup (rolo_contact_get_email (candidate)));
  g_autofree char *email_error = rolo_contact_check_email (email);

  if (email_error != NULL)
    rolo_contact_set_email (candidate, "");
  return candidate;
}

/* What a lookup for candidate would compare: equal keys, equal answers. */
static char *
duplicate_key (RoloContact *candidate)
{
  g_autofree char *email_key = rolo_contact_match_email_key (candidate);
  g_autofree char *name_mobile_key = rolo_contact_match_name_mobile_key (candidate);

  return g_strconcat (email_key, "\n", name_mobile_key, NULL);
}

static gboolean
has_name_or_email (RoloContact *candidate)
{
  g_autofree char *name = g_strstrip (g_strdup (rolo_contact_get_name (candidate)));
  g_autofree char *email = g_strstrip (g_strdup (rolo_contact_get_email (candidate)));

  return name[0] != '\0' || email[0] != '\0';
}

/* Asks the server for a contact that the one typed matches (the same email,
 * or else the same name); nothing when it was asked for this already. */
static void
rolo_contact_editor_look_for_duplicate (RoloContactEditor *self)
{
  g_autoptr(RoloContact) candidate = NULL;
  g_autofree char *key = NULL;
  DuplicateLookup *lookup;

  g_clear_handle_id (&self->duplicate_timeout_id, g_source_remove);
  if (self->id != 0 || self->contact == NULL || self->state != EDITOR_EDITING)
    return;

  candidate = rolo_contact_editor_dup_candidate (self);
  key = duplicate_key (candidate);
  if (g_strcmp0 (key, self->duplicate_key) == 0)
    return;
  set_str (&self->duplicate_key, key);

  g_cancellable_cancel (self->duplicate_cancellable);
  g_clear_object (&self->duplicate_cancellable);
  if (!has_name_or_email (candidate))
    {
      rolo_contact_editor_hide_duplicate (self);
      return;
    }

  self->duplicate_cancellable = g_cancellable_new ();
  lookup = g_new0 (DuplicateLookup, 1);
  lookup->self = g_object_ref (self);
  lookup->cancellable = g_object_ref (self->duplicate_cancellable);
  rolo_client_find_match_async (self->client, candidate, ROLO_CONTACT_MATCH_NAME,
                                lookup->cancellable, duplicate_matched_cb, lookup);
}

static gboolean
duplicate_timeout_cb (gpointer user_data)
{
  RoloContactEditor *self = user_data;

  self->duplicate_timeout_id = 0;
  rolo_contact_editor_look_for_duplicate (self);
  return G_SOURCE_REMOVE;
}

/* The name, email or mobile of a new contact changed: what was found may no
 * longer match, and what is on its way is for older text. (A mobile only
 * picks among namesakes: the hint stays until the answer.) */
void
rolo_contact_editor_duplicate_changed (RoloContactEditor *self,
                                       RoloField          field)
{
  if (self->id != 0)
    return;

  g_cancellable_cancel (self->duplicate_cancellable);
  g_clear_pointer (&self->duplicate_key, g_free);
  if (self->duplicate_id != 0 && self->duplicate_field == field)
    rolo_contact_editor_hide_duplicate (self);

  g_clear_handle_id (&self->duplicate_timeout_id, g_source_remove);
  self->duplicate_timeout_id = g_timeout_add (DUPLICATE_DELAY_MS, duplicate_timeout_cb, self);
}

/* The name, email or mobile of a new contact was left: no need to wait for
 * a pause, but for the focus to settle. */
void
rolo_contact_editor_duplicate_left (RoloContactEditor *self)
{
  if (self->id != 0)
    return;

  g_clear_handle_id (&self->duplicate_timeout_id, g_source_remove);
  self->duplicate_timeout_id = g_idle_add (duplicate_timeout_cb, self);
}

/* Nothing more is looked for: the dialog closes. */
void
rolo_contact_editor_stop_duplicate (RoloContactEditor *self)
{
  g_cancellable_cancel (self->duplicate_cancellable);
  g_clear_handle_id (&self->duplicate_timeout_id, g_source_remove);
}

/* The contact the hint names: edit that one instead. */
static void
rolo_contact_editor_open_duplicate (RoloContactEditor *self)
{
  if (self->duplicate_id == 0 || self->id != 0)
    return;

  self->id = self->duplicate_id;
  self->check_duplicate = FALSE;
  self->edit_after_load = TRUE;
  g_clear_handle_id (&self->duplicate_timeout_id, g_source_remove);
  g_cancellable_cancel (self->duplicate_cancellable);
  rolo_contact_editor_hide_duplicate (self);
  rolo_contact_editor_show_message (self, NULL, FALSE, FALSE);
  rolo_contact_editor_start_loading (self);
}

static void
open_duplicate_response_cb (RoloContactEditor *self,
                            const char        *response,
                            GtkWidget         *dialog)
{
  if (g_strcmp0 (response, "open") == 0)
    rolo_contact_editor_open_duplicate (self);
}

/* What was typed for the new contact goes only when the user says so. */
static void
open_duplicate_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RoloContactEditor *self = ROLO_CONTACT_EDITOR (widget);
  GtkWidget *dialog;

  if (self->duplicate_id == 0 || self->id != 0)
    return;

  if (!rolo_contact_editor_get_dirty (self))
    {
      rolo_contact_editor_open_duplicate (self);
      return;
    }

  dialog = rolo_alert_new (_("Open the Existing Contact?"),
                           _("What you typed for the new contact will be lost."));
  rolo_alert_add_choice (dialog, "keep", _("_Keep Editing"), "open", _("_Open Contact"),
                         ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_duplicate_response_cb), self,
                           G_CONNECT_SWAPPED);
  rolo_alert_present (dialog, GTK_WIDGET (self));
}

void
rolo_contact_editor_class_add_duplicate (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.open-duplicate", NULL,
                                   open_duplicate_action);
}
