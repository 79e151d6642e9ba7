/* rolo-file-pick.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-file-pick.h"

/* One question, until it is answered or its owner goes (which closes the
 * chooser without an answer). */
typedef struct
{
  GWeakRef            owner;
  gulong              destroy_id;
  RoloFilePickedFunc  picked;
  RoloFilePickMode    mode;
#if ROLO_FILE_PICK_HAS_FILE_DIALOG
  GCancellable       *cancellable;
#else
  GtkFileChooserNative *chooser;
#endif
} Pick;

static void
pick_free (Pick *pick)
{
  g_autoptr(GtkWidget) owner = g_weak_ref_get (&pick->owner);

  if (owner != NULL)
    g_clear_signal_handler (&pick->destroy_id, owner);
  g_weak_ref_clear (&pick->owner);
#if ROLO_FILE_PICK_HAS_FILE_DIALOG
  g_clear_object (&pick->cancellable);
#else
  if (pick->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (pick->chooser));
  g_clear_object (&pick->chooser);
#endif
  g_free (pick);
}

static void
pick_answer (Pick  *pick,
             GFile *file)
{
  g_autoptr(GtkWidget) owner = g_weak_ref_get (&pick->owner);

  if (owner != NULL && pick->destroy_id != 0)
    pick->picked (owner, file);
  pick_free (pick);
}

#if ROLO_FILE_PICK_HAS_FILE_DIALOG

static void
owner_destroyed_cb (GtkWidget *owner,
                    Pick      *pick)
{
  g_clear_signal_handler (&pick->destroy_id, owner);
  g_cancellable_cancel (pick->cancellable);
}

static void
picked_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  Pick *pick = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (pick->mode == ROLO_FILE_PICK_SAVE)
    file = gtk_file_dialog_save_finish (dialog, result, &error);
  else
    file = gtk_file_dialog_open_finish (dialog, result, &error);
  if (error != NULL && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    g_warning ("The file chooser failed: %s", error->message);
  pick_answer (pick, file);
}

#else

static void
owner_destroyed_cb (GtkWidget *owner,
                    Pick      *pick)
{
  g_clear_signal_handler (&pick->destroy_id, owner);
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (pick->chooser));
  pick_answer (pick, NULL);
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             Pick            *pick)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  pick_answer (pick, file);
}

#endif

/**
 * rolo_file_pick:
 * @owner: what asks; the chooser is modal to its window, and closes when it goes
 * @filters: (nullable): of GtkFileFilter, the first one shown first
 * @picked: called once, unless @owner went first
 */
void
rolo_file_pick (GtkWidget          *owner,
                RoloFilePickMode    mode,
                const char         *title,
                const char         *accept_label,
                const char         *initial_name,
                GListModel         *filters,
                RoloFilePickedFunc  picked)
{
  GtkWindow *parent;
  Pick *pick;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (picked != NULL);

  parent = GTK_WINDOW (gtk_widget_get_root (owner));
  pick = g_new0 (Pick, 1);
  g_weak_ref_init (&pick->owner, owner);
  pick->picked = picked;
  pick->mode = mode;
  pick->destroy_id = g_signal_connect (owner, "destroy", G_CALLBACK (owner_destroyed_cb), pick);

#if ROLO_FILE_PICK_HAS_FILE_DIALOG
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    pick->cancellable = g_cancellable_new ();
    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_modal (dialog, TRUE);
    gtk_file_dialog_set_accept_label (dialog, accept_label);
    if (initial_name != NULL)
      gtk_file_dialog_set_initial_name (dialog, initial_name);
    if (filters != NULL)
      gtk_file_dialog_set_filters (dialog, filters);
    if (mode == ROLO_FILE_PICK_SAVE)
      gtk_file_dialog_save (dialog, parent, pick->cancellable, picked_cb, pick);
    else
      gtk_file_dialog_open (dialog, parent, pick->cancellable, picked_cb, pick);
  }
#else
  pick->chooser = gtk_file_chooser_native_new (title, parent,
                                               mode == ROLO_FILE_PICK_SAVE
                                                 ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                 : GTK_FILE_CHOOSER_ACTION_OPEN,
                                               accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (pick->chooser), TRUE);
  if (initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (pick->chooser), initial_name);
  for (guint i = 0; filters != NULL && i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (pick->chooser), filter);
    }
  g_signal_connect (pick->chooser, "response", G_CALLBACK (response_cb), pick);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (pick->chooser));
#endif
}
