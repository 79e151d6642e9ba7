/* rolo-contact-editor-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rolo-business-picker.h"
#include "rolo-contact-editor.h"
#include "rolo-contact-fields.h"
#include "rolo-contact-match.h"
#include "rolo-country-picker.h"
#include "rolo-switch-row.h"

G_BEGIN_DECLS

/* What the dialog is doing; rolo_contact_editor_get_state() names it. */
typedef enum
{
  EDITOR_LOADING,  /* fetching the contact */
  EDITOR_VIEWING,  /* reading it */
  EDITOR_EDITING,
  EDITOR_SAVING,
  EDITOR_ERROR,    /* it could not be fetched; Retry asks again */
} EditorState;

typedef struct
{
  GtkWidget *row;           /* in its boxed list; the error row follows it */
  GtkWidget *input;         /* takes focus and carries the invalid state */
  GtkWidget *error_row;
  GtkLabel  *error_label;
  char      *local_error;   /* the client's rules, NULL when fine */
  char      *server_error;  /* the last 422, until the field changes */
  gboolean   left;          /* focus left it once: its errors show */
} FieldState;

struct _RoloContactEditor
{
  AdwWindow           parent_instance;

  AdwHeaderBar       *header_bar;
  AdwWindowTitle     *window_title;
  GtkWidget          *cancel_button;
  GtkWidget          *edit_button;
  GtkWidget          *save_button;
  GtkSpinner         *saving_spinner;
  GtkStack           *stack;
  GtkSpinner         *loading_spinner;
  AdwStatusPage      *error_page;
  GtkRevealer        *view_message_revealer;
  GtkLabel           *view_message_label;
  GtkSpinner         *view_spinner;
  GtkWidget          *view_retry_button;
  RoloContactDetails *details;
  GtkWidget          *form_box;
  GtkRevealer        *message_revealer;
  GtkLabel           *message_label;
  GtkWidget          *open_existing_button;
  GtkWidget          *retry_button;
  GtkWidget          *type_row;
  GtkToggleButton    *individual_button;
  GtkToggleButton    *business_button;
  GtkWidget          *name_row;
  GtkLabel           *name_counter;
  GtkWidget          *email_row;
  GtkWidget          *mobile_row;
  RoloCountryPicker  *country_picker;
  GtkWidget          *address_row;
  GtkTextView        *address_view;
  GtkWidget          *tax_number_row;
  GtkWidget          *notes_row;
  GtkTextView        *notes_view;
  GtkLabel           *notes_counter;
  AdwPreferencesGroup *notify_group;
  RoloSwitchRow      *email_notify_row;
  RoloSwitchRow      *sms_notify_row;
  RoloSwitchRow      *whatsapp_notify_row;
  GtkWidget          *parent_group;
  AdwActionRow       *parent_row;
  RoloBusinessPicker *parent_picker;
  GtkWidget          *tags_row;
  GtkFlowBox         *tags_box;
  GtkWidget          *tag_entry_row;
  GtkLabel           *save_hint_label;
  GtkRevealer        *duplicate_revealer;
  GtkLabel           *duplicate_label;
  GtkWidget          *delete_button;

  RoloClient         *client;
  GCancellable       *cancellable;
  gint64              id;
  EditorState         state;
  RoloContact        *original;       /* as loaded, or a blank contact */
  RoloContact        *contact;        /* as the fields hold it */
  FieldState          fields[ROLO_N_FIELDS];
  char               *tag_error;      /* the tag entry names no tag */
  RoloTagNames       *tag_names;      /* of the workspace, or NULL */
  RoloTagCompletion  *tag_completion;
  gint64              parent_before_business;
  char               *save_hint;
  gboolean            offline;      /* Save waits for the server */
  char               *message;
  gint64              existing_id;
  gboolean            check_duplicate; /* a create may have worked: look before retrying */
  gboolean            partial;         /* details show a list row until it loads */
  gboolean            edit_after_load; /* opened to edit, not to read */
  gboolean            syncing;         /* the fields are being filled from contact */
  gboolean            force_close;
  gboolean            disposing;       /* focus moves as the widgets go */
  GtkWidget          *focus_before_saving;
  char               *then_action;     /* activated on the parent once discarded */
  guint               left_idle_id;    /* shows the errors of a field just left */

  /* A new contact that may already exist: looked for when the name, email
   * or mobile is left or typing pauses; answers to older text are dropped. */
  guint               duplicate_timeout_id;
  GCancellable       *duplicate_cancellable;
  char               *duplicate_key;   /* the match keys last looked for */
  gint64              duplicate_id;    /* the hint shows it, or 0 */
  RoloField           duplicate_field; /* what matched: ROLO_FIELD_EMAIL or ROLO_FIELD_NAME */
};

/* g_set_str() comes with GLib 2.76. */
static inline void
set_str (char       **str,
         const char  *value)
{
  char *copy;

  if (g_strcmp0 (*str, value) == 0)
    return;

  copy = g_strdup (value);
  g_free (*str);
  *str = copy;
}

static inline gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_CANCELLED);
}

/* rolo-contact-editor.c */
void     rolo_contact_editor_reveal          (GtkRevealer       *revealer,
                                                  gboolean           shown);
void     rolo_contact_editor_set_state           (RoloContactEditor *self,
                                                  EditorState        state);
void     rolo_contact_editor_show_message        (RoloContactEditor *self,
                                                  const char        *markup,
                                                  gboolean           offer_retry,
                                                  gboolean           offer_existing);
void     rolo_contact_editor_set_original        (RoloContactEditor *self,
                                                  RoloContact       *contact);
void     rolo_contact_editor_focus_name          (RoloContactEditor *self);
void     rolo_contact_editor_start_loading       (RoloContactEditor *self);
void     rolo_contact_editor_emit_saved          (RoloContactEditor *self,
                                                  RoloContact       *saved,
                                                  gboolean           created);
void     rolo_contact_editor_emit_delete         (RoloContactEditor *self,
                                                  RoloContact       *contact);

/* rolo-contact-editor-fields.c */
const char *rolo_contact_editor_shown_error      (RoloContactEditor *self,
                                                  RoloField          field);
char    *rolo_contact_editor_compute_save_hint   (RoloContactEditor *self);
void     rolo_contact_editor_refresh             (RoloContactEditor *self);
void     rolo_contact_editor_field_changed       (RoloContactEditor *self,
                                                  RoloField          field);
void     rolo_contact_editor_clear_server_errors (RoloContactEditor *self);
void     rolo_contact_editor_show_field_errors   (RoloContactEditor *self,
                                                  GHashTable        *field_errors,
                                                  const GError      *error);
void     rolo_contact_editor_update_parent_row   (RoloContactEditor *self);
void     rolo_contact_editor_fill_fields         (RoloContactEditor *self);
void     rolo_contact_editor_copy_unapplied      (RoloContact        *contact,
                                                  RoloContact        *edited,
                                                  const char * const *unapplied);
void     rolo_contact_editor_init_fields         (RoloContactEditor *self);
void     rolo_contact_editor_class_add_fields    (GtkWidgetClass    *widget_class);

/* rolo-contact-editor-tags.c */
void     rolo_contact_editor_update_tags         (RoloContactEditor *self);
void     rolo_contact_editor_init_tags           (RoloContactEditor *self);
void     rolo_contact_editor_class_add_tags      (GtkWidgetClass    *widget_class);

/* rolo-contact-editor-actions.c */
void     rolo_contact_editor_save                (RoloContactEditor *self);
void     rolo_contact_editor_close_now           (RoloContactEditor *self,
                                                  const char        *then_action);
void     rolo_contact_editor_ask_discard         (RoloContactEditor *self);
gboolean rolo_contact_editor_needs_asking        (RoloContactEditor *self);
void     rolo_contact_editor_class_add_actions   (GtkWidgetClass    *widget_class);

/* rolo-contact-editor-duplicate.c */
void     rolo_contact_editor_duplicate_changed   (RoloContactEditor *self,
                                                  RoloField          field);
void     rolo_contact_editor_duplicate_left      (RoloContactEditor *self);
void     rolo_contact_editor_stop_duplicate      (RoloContactEditor *self);
void     rolo_contact_editor_class_add_duplicate (GtkWidgetClass    *widget_class);

G_END_DECLS
