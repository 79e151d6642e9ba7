/* rolo-window-deletes.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Deleting from the window: rows go at once, a toast offers Undo, the
 * queue sends them when it goes, and closing waits for what is pending. */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-alert.h"
#include "rolo-error-text.h"
#include "rolo-window-private.h"

static void
delete_toast_dismissed_cb (RoloWindow *self,
                           AdwToast   *toast)
{
  if (toast != self->delete_toast)
    return;

  g_clear_weak_pointer (&self->delete_toast);
  /* Timed out or closed: the user meant it. After Undo nothing is pending. */
  if (self->delete_queue != NULL)
    rolo_delete_queue_commit (self->delete_queue);
}

static void
rolo_window_update_delete_toast (RoloWindow *self)
{
  guint n_pending = rolo_delete_queue_get_n_pending (self->delete_queue);
  g_autofree char *title = NULL;

  if (n_pending == 0)
    return;

  if (n_pending == 1)
    /* Translators: %s is the name of a contact. */
    title = g_markup_printf_escaped (_("%s deleted"), self->delete_name);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%'u contact deleted", "%'u contacts deleted",
                                          n_pending),
                             n_pending);

  if (self->delete_toast != NULL)
    {
      adw_toast_set_title (self->delete_toast, title);
      return;
    }

  g_set_weak_pointer (&self->delete_toast, adw_toast_new (title));
  adw_toast_set_button_label (self->delete_toast, _("_Undo"));
  adw_toast_set_action_name (self->delete_toast, "win.undo-delete");
  adw_toast_set_priority (self->delete_toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (self->delete_toast, 10);
  g_signal_connect_object (self->delete_toast, "dismissed",
                           G_CALLBACK (delete_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  rolo_window_add_toast (self, self->delete_toast);
}

void
rolo_window_delete_contacts (RoloWindow *self,
                             GPtrArray  *contacts)
{
  g_assert (ROLO_IS_WINDOW (self));

  if (self->delete_queue == NULL || self->flushing)
    return;

  for (guint i = 0; i < contacts->len; i++)
    {
      RoloContact *contact = g_ptr_array_index (contacts, i);

      if (rolo_contact_get_state (contact) != ROLO_CONTACT_STATE_READY ||
          rolo_contact_get_id (contact) <= 0)
        continue;
      /* The toast names a lone contact: the first of a new batch. */
      if (rolo_delete_queue_get_n_pending (self->delete_queue) == 0)
        {
          g_free (self->delete_name);
          self->delete_name = g_strdup (rolo_contact_get_name (contact));
        }
      rolo_delete_queue_add (self->delete_queue, contact);
    }

  rolo_window_update_delete_toast (self);
}

static void
undo_items_changed_cb (GListModel *model,
                       guint       position,
                       guint       removed,
                       guint       added,
                       guint      *first)
{
  if (added > 0)
    *first = MIN (*first, position);
}

void
rolo_window_undo_delete (RoloWindow *self)
{
  guint first = G_MAXUINT;
  gulong handler = 0;

  g_assert (ROLO_IS_WINDOW (self));

  if (self->contacts != NULL)
    handler = g_signal_connect (self->contacts, "items-changed",
                                G_CALLBACK (undo_items_changed_cb), &first);
  if (self->delete_queue != NULL)
    rolo_delete_queue_undo (self->delete_queue);
  if (handler != 0)
    g_signal_handler_disconnect (self->contacts, handler);
  rolo_window_dismiss_toast (self, &self->delete_toast);

  /* The rows are back where they were: show the first of them. */
  if (first != G_MAXUINT)
    rolo_contact_view_reveal_row (self->contact_view, first);
}

/* The row is back; several refusals in a row share one toast. */
static void
delete_failed_cb (RoloWindow      *self,
                  RoloContact     *contact,
                  const GError    *error,
                  RoloDeleteQueue *queue)
{
  g_autofree char *reason = rolo_error_text_title (error);
  g_autofree char *title = NULL;

  if (self->delete_error_toast == NULL)
    self->n_delete_errors = 0;
  self->n_delete_errors++;

  if (self->n_delete_errors == 1)
    /* Translators: the first %s is a contact's name, the second says why,
     * e.g. "Cannot Reach the Server". */
    title = g_markup_printf_escaped (_("%s was not deleted: %s"),
                                     rolo_contact_get_name (contact), reason);
  else
    title = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE,
                                                  /* Translators: %s says why,
                                                   * e.g. "Cannot Reach the
                                                   * Server". */
                                                  "%'u contact was not deleted: %s",
                                                  "%'u contacts were not deleted: %s",
                                                  self->n_delete_errors),
                                     self->n_delete_errors, reason);

  if (self->delete_error_toast != NULL)
    {
      adw_toast_set_title (self->delete_error_toast, title);
      return;
    }

  g_set_weak_pointer (&self->delete_error_toast, adw_toast_new (title));
  adw_toast_set_timeout (self->delete_error_toast, 10);
  rolo_window_add_toast (self, self->delete_error_toast);
}

void
rolo_window_set_delete_queue (RoloWindow      *self,
                              RoloDeleteQueue *queue)
{
  if (self->delete_queue != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->delete_queue, self);
      /* Another workspace: the deletes meant for the old one still go. */
      rolo_delete_queue_commit (self->delete_queue);
    }
  rolo_window_dismiss_toast (self, &self->delete_toast);
  g_set_object (&self->delete_queue, queue);

  if (queue == NULL)
    return;

  g_signal_connect_object (queue, "failed", G_CALLBACK (delete_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (queue, "notify::n-pending",
                           G_CALLBACK (rolo_window_update_actions), self, G_CONNECT_SWAPPED);
}

gboolean
rolo_window_has_unsent_deletes (RoloWindow *self)
{
  return self->delete_queue != NULL &&
         (rolo_delete_queue_get_n_pending (self->delete_queue) > 0 ||
          rolo_delete_queue_get_committing (self->delete_queue));
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
unsent_response_cb (RoloWindow       *self,
                    const char       *response,
                    GtkWidget        *dialog)
{
  if (!g_str_equal (response, "quit"))
    return;

  /* Once the dialog, which is transient for the window, is gone. */
  self->may_close = TRUE;
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

/* The rows of the deletes not sent are back: the user can keep the window
 * open and try again, or go. */
static void
rolo_window_ask_unsent (RoloWindow   *self,
                        const GError *error)
{
  g_autofree char *reason = rolo_error_text_description (error);
  guint64 n_unsent = g_ascii_strtoull (error->message, NULL, 10);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (n_unsent == 0 || n_unsent > G_MAXUINT)
    n_unsent = 1;
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%'u Delete Could Not Be Sent",
                                          "%'u Deletes Could Not Be Sent",
                                          (guint) n_unsent),
                             (guint) n_unsent);
  dialog = rolo_alert_new (heading, reason);
  rolo_alert_add_choice (dialog, "keep", _("_Keep Open"), "quit", _("_Quit Anyway"),
                         ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsent_response_cb), self,
                           G_CONNECT_SWAPPED);
  rolo_alert_present (dialog, GTK_WIDGET (self));
}

static void
flush_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RoloWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rolo_delete_queue_flush_finish (ROLO_DELETE_QUEUE (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_debug ("Deletes sent before closing: %s", error != NULL ? error->message : "all");
  self->flushing = FALSE;
  rolo_window_update_actions (self);
  if (error != NULL)
    {
      rolo_window_ask_unsent (self, error);
      return;
    }

  self->may_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Sends what is pending, waiting a bounded time; closes when it is done. */
void
rolo_window_flush_and_close (RoloWindow *self)
{
  if (self->flushing)
    return;

  g_debug ("Sending the pending deletes before closing");
  self->flushing = TRUE;
  rolo_window_update_actions (self);
  rolo_delete_queue_flush_async (self->delete_queue, self->cancellable, flush_cb,
                                 g_object_ref (self));
  /* After the flush took them: dismissing the toast commits nothing more. */
  rolo_window_dismiss_toast (self, &self->delete_toast);
  /* Closing waits for the server, at most the queue's timeout: say why. */
  rolo_window_show_toast (self, _("Sending deletes…"), NULL, NULL);
}
