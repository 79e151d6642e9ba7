/* rolo-contact-editor.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-application.h"
#include "rolo-business-picker.h"
#include "rolo-contact-details.h"
#include "rolo-contact-editor.h"
#include "rolo-contact-list.h"
#include "rolo-contact-match.h"
#include "rolo-contact-validation.h"
#include "rolo-country-picker.h"
#include "rolo-error-text.h"
#include "rolo-switch-row.h"
#include "rolo-tag-completion.h"

/* The fields in form order: the order errors are looked at and focused. */
typedef enum
{
  FIELD_TYPE,
  FIELD_NAME,
  FIELD_EMAIL,
  FIELD_MOBILE,
  FIELD_ADDRESS,
  FIELD_TAX_NUMBER,
  FIELD_NOTES,
  FIELD_EMAIL_NOTIFY,
  FIELD_SMS_NOTIFY,
  FIELD_WHATSAPP_NOTIFY,
  FIELD_PARENT,
  FIELD_TAGS,
  N_FIELDS
} Field;

static const char * const field_api_names[N_FIELDS] = {
  ROLO_CONTACT_FIELD_CONTACT_TYPE,
  ROLO_CONTACT_FIELD_NAME,
  ROLO_CONTACT_FIELD_EMAIL,
  ROLO_CONTACT_FIELD_MOBILE,
  ROLO_CONTACT_FIELD_ADDRESS,
  ROLO_CONTACT_FIELD_TAX_NUMBER,
  ROLO_CONTACT_FIELD_NOTES,
  ROLO_CONTACT_FIELD_EMAIL_NOTIFY,
  ROLO_CONTACT_FIELD_SMS_NOTIFY,
  ROLO_CONTACT_FIELD_WHATSAPP_NOTIFY,
  ROLO_CONTACT_FIELD_PARENT,
  ROLO_CONTACT_FIELD_TAGS_CREATE,
};

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
  const char         *state;
  RoloContact        *original;       /* as loaded, or a blank contact */
  RoloContact        *contact;        /* as the fields hold it */
  FieldState          fields[N_FIELDS];
  char               *tag_error;      /* the tag entry names no tag */
  RoloTagNames       *tag_names;      /* of the workspace, or NULL */
  RoloTagCompletion  *tag_completion;
  gint64              parent_before_business;
  char               *save_hint;
  char               *message;
  gint64              existing_id;
  gboolean            check_duplicate; /* a create timed out: look before retrying */
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
  Field               duplicate_field; /* what matched: FIELD_EMAIL or FIELD_NAME */
};

G_DEFINE_FINAL_TYPE (RoloContactEditor, rolo_contact_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rolo_contact_editor_save          (RoloContactEditor *self);
static void rolo_contact_editor_refresh       (RoloContactEditor *self);
static void rolo_contact_editor_start_loading (RoloContactEditor *self);
static void rolo_contact_editor_hide_duplicate (RoloContactEditor *self);

/* --- helpers --------------------------------------------------------------- */

static int
field_for_api_name (const char *api_field)
{
  if (g_strcmp0 (api_field, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID) == 0)
    return FIELD_MOBILE;
  if (g_strcmp0 (api_field, ROLO_CONTACT_FIELD_TAGS_UPDATE) == 0)
    return FIELD_TAGS;

  for (int i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (api_field, field_api_names[i]) == 0)
      return i;

  return -1;
}

/* g_set_str() comes with GLib 2.76. */
static void
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

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_CANCELLED);
}

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_counter (GtkLabel   *counter,
             const char *text,
             guint       max_chars)
{
  glong n_chars = g_utf8_strlen (text, -1);
  g_autofree char *label = g_strdup_printf ("%ld/%u", n_chars, max_chars);

  gtk_label_set_label (counter, label);
  if (n_chars > max_chars)
    gtk_widget_add_css_class (GTK_WIDGET (counter), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (counter), "error");
}

static void rolo_contact_editor_update_title (RoloContactEditor *self);

/* A closed revealer takes no room: hidden, so that the box's spacing around
 * it goes too. */
static void
revealer_child_revealed_cb (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

static void
reveal (GtkRevealer *revealer,
        gboolean     shown)
{
  if (shown)
    gtk_widget_set_visible (GTK_WIDGET (revealer), TRUE);
  gtk_revealer_set_reveal_child (revealer, shown);
  revealer_child_revealed_cb (revealer);
}

/* Text views filled while the form was hidden wrapped for no width, and
 * GTK 4.8 keeps the form sized for that after they get their real width:
 * once they have it (a frame after the form shows), the form measures
 * again. */
static gboolean
remeasure_text_cb (GtkWidget     *widget,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  RoloContactEditor *self = user_data;

  if (gtk_widget_get_width (widget) == 0)
    return G_SOURCE_CONTINUE;
  gtk_widget_queue_resize (GTK_WIDGET (self->address_view));
  gtk_widget_queue_resize (GTK_WIDGET (self->notes_view));
  return G_SOURCE_REMOVE;
}

/* The page for the state: a contact is read (details, with Edit) until the
 * user edits it; a row the list had shows while the rest loads, and stays
 * when loading fails. */
static void
rolo_contact_editor_show_page (RoloContactEditor *self)
{
  const char *state = self->state;
  gboolean loading = g_str_equal (state, "loading");
  gboolean failed = g_str_equal (state, "error");
  gboolean reading;
  const char *page;

  if (g_str_equal (state, "viewing") || ((loading || failed) && self->partial))
    page = "view";
  else if (loading || failed)
    page = state;
  else
    page = "form";
  gtk_stack_set_visible_child_name (self->stack, page);
  if (g_str_equal (page, "form"))
    gtk_widget_add_tick_callback (GTK_WIDGET (self->address_view), remeasure_text_cb, self, NULL);

  /* An existing contact opened to read: Close and Edit, no Cancel or Save. */
  reading = self->id != 0 && !g_str_equal (page, "form") && !self->edit_after_load;
  gtk_widget_set_visible (self->cancel_button, !reading);
  gtk_widget_set_visible (self->save_button, !reading);
  gtk_widget_set_visible (self->edit_button, reading);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, reading);
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 g_str_equal (state, "viewing") ? self->edit_button : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.edit",
                                 g_str_equal (state, "viewing"));

  gtk_spinner_set_spinning (self->loading_spinner, loading && !self->partial);
  gtk_widget_set_visible (GTK_WIDGET (self->view_spinner), loading && self->partial);
  gtk_spinner_set_spinning (self->view_spinner, loading && self->partial);
  reveal (self->view_message_revealer, failed && self->partial);
  rolo_contact_editor_update_title (self);
}

static void
rolo_contact_editor_set_state (RoloContactEditor *self,
                               const char        *state)
{
  gboolean saving = g_str_equal (state, "saving");

  if (g_strcmp0 (self->state, state) == 0)
    return;

  self->state = g_intern_string (state);
  rolo_contact_editor_show_page (self);
  gtk_widget_set_visible (GTK_WIDGET (self->saving_spinner), saving);
  gtk_spinner_set_spinning (self->saving_spinner, saving);

  /* Nothing changes while the server has it; focus leaves the fields
   * properly first (a text losing it to insensitivity keeps blinking), and
   * comes back after. */
  if (saving)
    {
      g_set_weak_pointer (&self->focus_before_saving, gtk_window_get_focus (GTK_WINDOW (self)));
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
    }
  gtk_widget_set_sensitive (self->form_box, !saving);
  if (!saving && self->focus_before_saving != NULL)
    {
      gtk_widget_grab_focus (self->focus_before_saving);
      g_clear_weak_pointer (&self->focus_before_saving);
    }

  rolo_contact_editor_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* The message at the top of the form: a failure with Retry, a 422 message
 * for no field we show, a warning about changes the server did not take. */
static void
rolo_contact_editor_show_message (RoloContactEditor *self,
                                  const char        *markup,
                                  gboolean           offer_retry,
                                  gboolean           offer_existing)
{
  g_autofree char *plain = NULL;

  g_free (self->message);
  self->message = g_strdup (markup != NULL ? markup : "");
  if (markup != NULL)
    {
      pango_parse_markup (markup, -1, 0, NULL, &plain, NULL, NULL);
      gtk_label_set_markup (self->message_label, markup);
      if (plain != NULL)
        set_str (&self->message, plain);
    }

  gtk_widget_set_visible (self->retry_button, offer_retry);
  gtk_widget_set_visible (self->open_existing_button, offer_existing);
  reveal (self->message_revealer, markup != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.retry", offer_retry);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.open-existing", offer_existing);

  if (markup != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                                GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (
                                  GTK_WIDGET (self->message_revealer),
                                  GTK_TYPE_SCROLLED_WINDOW))), 0);
}

/* --- validation ------------------------------------------------------------ */

static char *
rolo_contact_editor_check_field (RoloContactEditor *self,
                                 Field              field)
{
  RoloContact *c = self->contact;

  switch (field)
    {
    case FIELD_TYPE:
      return rolo_contact_check_contact_type (rolo_contact_get_contact_type (c));
    case FIELD_NAME:
      return rolo_contact_check_name (rolo_contact_get_name (c));
    case FIELD_EMAIL:
      return rolo_contact_check_email (rolo_contact_get_email (c));
    case FIELD_ADDRESS:
      return rolo_contact_check_address (rolo_contact_get_address (c));
    case FIELD_TAX_NUMBER:
      return rolo_contact_check_tax_number (rolo_contact_get_tax_number (c));
    case FIELD_NOTES:
      return rolo_contact_check_notes (rolo_contact_get_notes (c));
    case FIELD_PARENT:
      return rolo_contact_check_parent (rolo_contact_get_contact_type (c),
                                        rolo_contact_get_id (c),
                                        rolo_contact_get_parent_id (c));
    case FIELD_TAGS:
      return g_strdup (self->tag_error);
    case FIELD_MOBILE:
    case FIELD_EMAIL_NOTIFY:
    case FIELD_SMS_NOTIFY:
    case FIELD_WHATSAPP_NOTIFY:
    case N_FIELDS:
    default:
      return NULL;
    }
}

/* Too long is wrong however far the user has got: it shows at once. Other
 * rules wait until the field is left, so half-typed text is not an error. */
static gboolean
rolo_contact_editor_over_limit (RoloContactEditor *self,
                                Field              field)
{
  RoloContact *c = self->contact;

  switch (field)
    {
    case FIELD_NAME:
      return g_utf8_strlen (rolo_contact_get_name (c), -1) > ROLO_CONTACT_NAME_MAX_CHARS;
    case FIELD_ADDRESS:
      return g_utf8_strlen (rolo_contact_get_address (c), -1) > ROLO_CONTACT_ADDRESS_MAX_CHARS;
    case FIELD_TAX_NUMBER:
      return g_utf8_strlen (rolo_contact_get_tax_number (c), -1) >
             ROLO_CONTACT_TAX_NUMBER_MAX_CHARS;
    case FIELD_NOTES:
      return g_utf8_strlen (rolo_contact_get_notes (c), -1) > ROLO_CONTACT_NOTES_MAX_CHARS;
    case FIELD_TAGS:
      return self->tag_error != NULL;
    case FIELD_TYPE:
    case FIELD_EMAIL:
    case FIELD_MOBILE:
    case FIELD_EMAIL_NOTIFY:
    case FIELD_SMS_NOTIFY:
    case FIELD_WHATSAPP_NOTIFY:
    case FIELD_PARENT:
    case N_FIELDS:
    default:
      return FALSE;
    }
}

static const char *
rolo_contact_editor_shown_error (RoloContactEditor *self,
                                 Field              field)
{
  FieldState *state = &self->fields[field];

  if (state->server_error != NULL)
    return state->server_error;
  if (state->local_error != NULL && (state->left || rolo_contact_editor_over_limit (self, field)))
    return state->local_error;

  return NULL;
}

static void
rolo_contact_editor_show_field_error (RoloContactEditor *self,
                                      Field              field)
{
  FieldState *state = &self->fields[field];
  const char *error = rolo_contact_editor_shown_error (self, field);
  GtkAccessible *input = GTK_ACCESSIBLE (state->input);

  gtk_label_set_label (state->error_label, error != NULL ? error : "");
  gtk_widget_set_visible (state->error_row, error != NULL);

  if (error != NULL)
    {
      gtk_widget_add_css_class (state->row, "error");
      gtk_accessible_update_state (input, GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_relation (input, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      state->error_label, NULL, -1);
    }
  else
    {
      gtk_widget_remove_css_class (state->row, "error");
      gtk_accessible_reset_state (input, GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (input, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
}

/* Why Save is disabled, or NULL when it is not. */
static char *
rolo_contact_editor_compute_save_hint (RoloContactEditor *self)
{
  if (g_str_equal (self->state, "saving"))
    return g_strdup (_("Saving…"));
  if (!g_str_equal (self->state, "editing"))
    return g_strdup ("");

  for (int i = 0; i < N_FIELDS; i++)
    if (self->fields[i].local_error != NULL)
      return g_strdup (self->fields[i].local_error);

  if (!rolo_contact_editor_get_dirty (self))
    return g_strdup (_("Nothing changed"));

  return NULL;
}

/* Brings every error, counter, the hint and editor.save up to date with the
 * contact the fields hold. */
static void
rolo_contact_editor_refresh (RoloContactEditor *self)
{
  g_autofree char *hint = NULL;
  gboolean is_individual;

  if (self->disposing)
    return;

  if (self->contact == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->save_hint_label), FALSE);
      return;
    }

  for (int i = 0; i < N_FIELDS; i++)
    {
      g_free (self->fields[i].local_error);
      self->fields[i].local_error = rolo_contact_editor_check_field (self, i);
      rolo_contact_editor_show_field_error (self, i);
    }

  set_counter (self->name_counter, rolo_contact_get_name (self->contact),
               ROLO_CONTACT_NAME_MAX_CHARS);
  set_counter (self->notes_counter, rolo_contact_get_notes (self->contact),
               ROLO_CONTACT_NOTES_MAX_CHARS);

  is_individual = rolo_contact_get_contact_type (self->contact) != ROLO_CONTACT_TYPE_BUSINESS;
  gtk_widget_set_visible (self->parent_group,
                          is_individual || rolo_contact_get_parent_id (self->contact) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.clear-parent",
                                 rolo_contact_get_parent_id (self->contact) != 0);

  hint = rolo_contact_editor_compute_save_hint (self);
  set_str (&self->save_hint, hint != NULL ? hint : "");
  gtk_label_set_label (self->save_hint_label, self->save_hint);
  gtk_widget_set_visible (GTK_WIDGET (self->save_hint_label), self->save_hint[0] != '\0');
  gtk_widget_set_tooltip_text (self->save_button, hint != NULL && hint[0] != '\0' ? hint : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", hint == NULL);

  gtk_widget_set_visible (self->delete_button, self->id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete",
                                 self->id != 0 && g_str_equal (self->state, "editing"));
}

/* The user changed a field: its last server message no longer applies. */
static void
rolo_contact_editor_field_changed (RoloContactEditor *self,
                                   Field              field)
{
  g_clear_pointer (&self->fields[field].server_error, g_free);
  rolo_contact_editor_refresh (self);
}

static void
rolo_contact_editor_clear_server_errors (RoloContactEditor *self)
{
  for (int i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&self->fields[i].server_error, g_free);
}

/* --- filling the fields ---------------------------------------------------- */

static void
rolo_contact_editor_update_parent_row (RoloContactEditor *self)
{
  gint64 parent_id = rolo_contact_get_parent_id (self->contact);
  g_autofree char *subtitle = NULL;

  if (parent_id == 0)
    subtitle = g_strdup (_("None"));
  else if (rolo_business_picker_get_business_id (self->parent_picker) == parent_id &&
           rolo_business_picker_get_business_name (self->parent_picker)[0] != '\0')
    {
      const char *detail = rolo_business_picker_get_business_detail (self->parent_picker);

      /* A second line tells it from others of the same name. */
      if (*detail != '\0')
        subtitle = g_markup_printf_escaped ("%s\n%s",
                                            rolo_business_picker_get_business_name (
                                              self->parent_picker),
                                            detail);
      else
        subtitle = g_markup_escape_text (rolo_business_picker_get_business_name (
                                           self->parent_picker), -1);
    }
  else
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, parent_id);

      /* Translators: a business known only by its number */
      subtitle = g_strdup_printf (_("Business %s"), number);
    }

  adw_action_row_set_subtitle (self->parent_row, subtitle);

  /* The details show the contact as saved. */
  if (self->original != NULL && parent_id != 0 &&
      parent_id == rolo_contact_get_parent_id (self->original) &&
      rolo_business_picker_get_business_id (self->parent_picker) == parent_id)
    rolo_contact_details_set_parent (self->details,
                                     rolo_business_picker_get_business_name (self->parent_picker),
                                     rolo_business_picker_get_business_detail (self->parent_picker));
}

/* A tag as a chip: its name where the user gave it one, else its number. */
static GtkWidget *
tag_chip_new (RoloContactEditor *self,
              gint64             tag_id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, tag_id);
  g_autofree char *text = rolo_tag_names_format (self->tag_names, tag_id);
  /* Translators: %s is a tag's name, or its number ("#12") */
  g_autofree char *remove_label = g_strdup_printf (_("Remove Tag %s"), text);
  /* Translators: %s is a tag's number */
  g_autofree char *tooltip = g_strdup_printf (_("Tag %s"), number);
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_add_css_class (chip, "card");
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (chip, tooltip);
  gtk_widget_set_margin_start (label, 10);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.remove-tag");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", tag_id);
  gtk_box_append (GTK_BOX (chip), label);
  gtk_box_append (GTK_BOX (chip), button);

  return chip;
}

static void
rolo_contact_editor_update_tags (RoloContactEditor *self)
{
  gsize n_tags = 0;
  const gint64 *tags;
  GtkWidget *child;

  if (self->contact == NULL)
    return;

  tags = rolo_contact_get_tag_ids (self->contact, &n_tags);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);

  for (gsize i = 0; i < n_tags; i++)
    gtk_flow_box_append (self->tags_box, tag_chip_new (self, tags[i]));

  gtk_widget_set_visible (self->tags_row, n_tags > 0);
  rolo_tag_completion_set_excluded (self->tag_completion, tags, n_tags);
}

static void
text_view_set_text (GtkTextView *view,
                    const char  *text)
{
  g_autofree char *current = text_view_get_text (view);

  if (g_strcmp0 (current, text) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
editable_set_text (GtkWidget  *widget,
                   const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
rolo_contact_editor_fill_fields (RoloContactEditor *self)
{
  RoloContact *c = self->contact;
  gboolean business = rolo_contact_get_contact_type (c) == ROLO_CONTACT_TYPE_BUSINESS;

  self->syncing = TRUE;
  gtk_toggle_button_set_active (business ? self->business_button : self->individual_button, TRUE);
  editable_set_text (self->name_row, rolo_contact_get_name (c));
  editable_set_text (self->email_row, rolo_contact_get_email (c));
  editable_set_text (self->mobile_row, rolo_contact_get_mobile (c));
  text_view_set_text (self->address_view, rolo_contact_get_address (c));
  editable_set_text (self->tax_number_row, rolo_contact_get_tax_number (c));
  text_view_set_text (self->notes_view, rolo_contact_get_notes (c));
  rolo_switch_row_set_active (self->email_notify_row, rolo_contact_get_email_notify (c));
  rolo_switch_row_set_active (self->sms_notify_row, rolo_contact_get_sms_notify (c));
  rolo_switch_row_set_active (self->whatsapp_notify_row, rolo_contact_get_whatsapp_notify (c));
  rolo_country_picker_set_country_id (self->country_picker, rolo_contact_get_mobile_country_id (c));
  if (rolo_business_picker_get_business_id (self->parent_picker) != rolo_contact_get_parent_id (c))
    rolo_business_picker_set_business (self->parent_picker, rolo_contact_get_parent_id (c), NULL);
  self->syncing = FALSE;

  rolo_contact_editor_update_parent_row (self);
  rolo_contact_editor_update_tags (self);
  rolo_contact_editor_refresh (self);
}

static void
rolo_contact_editor_update_title (RoloContactEditor *self)
{
  if (self->id == 0)
    {
      adw_window_title_set_title (self->window_title, _("New Contact"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("New Contact"));
    }
  else if (g_str_equal (self->state, "editing") || g_str_equal (self->state, "saving") ||
           self->edit_after_load)
    {
      const char *name = self->original != NULL ? rolo_contact_get_name (self->original) : "";

      adw_window_title_set_title (self->window_title, _("Edit Contact"));
      adw_window_title_set_subtitle (self->window_title, name);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Contact"));
    }
  else
    {
      RoloContact *shown = rolo_contact_details_get_contact (self->details);
      const char *name = shown != NULL ? rolo_contact_get_name (shown) : "";

      /* Reading: the name is the page's heading already. */
      adw_window_title_set_title (self->window_title, "");
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), *name != '\0' ? name : _("Contact"));
    }
}

/* Takes @contact as what the server has, and shows it. */
static void
rolo_contact_editor_set_original (RoloContactEditor *self,
                                  RoloContact       *contact)
{
  g_set_object (&self->original, contact);
  g_clear_object (&self->contact);
  self->contact = rolo_contact_copy (contact);
  rolo_contact_editor_update_title (self);
}

/* --- loading --------------------------------------------------------------- */

static void
parent_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RoloContactEditor) self = user_data;
  g_autoptr(RoloContact) parent = NULL;

  parent = rolo_client_get_contact_finish (ROLO_CLIENT (source), result, NULL);
  if (parent == NULL || self->contact == NULL ||
      rolo_contact_get_parent_id (self->contact) != rolo_contact_get_id (parent))
    return;

  self->syncing = TRUE;
  rolo_business_picker_set_business_from (self->parent_picker, parent);
  self->syncing = FALSE;
  rolo_contact_editor_update_parent_row (self);
}

/* Only the id comes with the contact: its name is worth one more request. */
static void
rolo_contact_editor_load_parent_name (RoloContactEditor *self)
{
  gint64 parent_id = rolo_contact_get_parent_id (self->contact);

  if (parent_id != 0)
    rolo_client_get_contact_async (self->client, parent_id, self->cancellable,
                                   parent_loaded_cb, g_object_ref (self));
}

/* The cursor after the name, nothing selected: a key typed adds to it. */
static void
rolo_contact_editor_focus_name (RoloContactEditor *self)
{
  gtk_widget_grab_focus (self->name_row);
  gtk_editable_set_position (GTK_EDITABLE (self->name_row), -1);
}

static void
contact_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RoloContactEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloContact) contact = NULL;

  contact = rolo_client_get_contact_finish (ROLO_CLIENT (source), result, &error);
  if (is_cancelled (error))
    return;

  if (contact == NULL)
    {
      g_autofree char *title = rolo_error_text_title (error);
      g_autofree char *description = rolo_error_text_description (error);
      g_autofree char *markup = g_markup_escape_text (description, -1);

      g_autofree char *view_markup = NULL;

      adw_status_page_set_title (self->error_page, title);
      adw_status_page_set_description (self->error_page, markup);
      adw_status_page_set_icon_name (self->error_page, rolo_error_text_icon_name (error));
      /* With a list row on show: what failed, over what is known. */
      view_markup = g_markup_printf_escaped ("<b>%s</b>\n%s\n%s", title, description,
                                             _("Shown here is what the list has. The other "
                                               "fields, and Edit, come once the whole "
                                               "contact loads."));
      gtk_label_set_markup (self->view_message_label, view_markup);
      rolo_contact_editor_set_state (self, "error");
      if (self->partial)
        {
          gtk_widget_grab_focus (self->view_retry_button);
          rolo_contact_details_unselect (self->details);
        }
      return;
    }

  self->partial = FALSE;
  rolo_contact_details_set_contact (self->details, contact, TRUE);
  rolo_contact_editor_set_original (self, contact);
  rolo_contact_editor_fill_fields (self);
  rolo_contact_editor_load_parent_name (self);
  if (self->edit_after_load)
    {
      self->edit_after_load = FALSE;
      rolo_contact_editor_set_state (self, "editing");
      rolo_contact_editor_focus_name (self);
    }
  else
    {
      rolo_contact_editor_set_state (self, "viewing");
      gtk_widget_grab_focus (self->edit_button);
      rolo_contact_details_unselect (self->details);
    }
}

static void
rolo_contact_editor_start_loading (RoloContactEditor *self)
{
  rolo_contact_editor_set_state (self, "loading");
  rolo_client_get_contact_async (self->client, self->id, self->cancellable,
                                 contact_loaded_cb, g_object_ref (self));
}

/* --- saving ---------------------------------------------------------------- */

static char *
field_display_name (const char *api_field)
{
  static const struct { const char *field; const char *name; } names[] = {
    { ROLO_CONTACT_FIELD_NAME, N_("Name") },
    { ROLO_CONTACT_FIELD_EMAIL, N_("Email") },
    { ROLO_CONTACT_FIELD_MOBILE, N_("Mobile") },
    { ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID, N_("Country of the number") },
    { ROLO_CONTACT_FIELD_ADDRESS, N_("Address") },
    { ROLO_CONTACT_FIELD_TAX_NUMBER, N_("Tax number") },
    { ROLO_CONTACT_FIELD_NOTES, N_("Notes") },
    { ROLO_CONTACT_FIELD_EMAIL_NOTIFY, N_("Email notifications") },
    { ROLO_CONTACT_FIELD_SMS_NOTIFY, N_("SMS notifications") },
    { ROLO_CONTACT_FIELD_WHATSAPP_NOTIFY, N_("WhatsApp notifications") },
    { ROLO_CONTACT_FIELD_CONTACT_TYPE, N_("Type") },
    { ROLO_CONTACT_FIELD_PARENT, N_("Parent business") },
    { ROLO_CONTACT_FIELD_TAGS_CREATE, N_("Tags") },
    { ROLO_CONTACT_FIELD_TAGS_UPDATE, N_("Tags") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].field, api_field))
      return g_strdup (_(names[i].name));

  return g_strdup (api_field);
}

static void
rolo_contact_editor_finish_saved (RoloContactEditor *self,
                                  RoloContact       *saved,
                                  gboolean           created)
{
  g_signal_emit (self, signals[SAVED], 0, saved, created);
  self->force_close = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
rolo_contact_editor_focus_first_error (RoloContactEditor *self)
{
  for (int i = 0; i < N_FIELDS; i++)
    if (rolo_contact_editor_shown_error (self, i) != NULL)
      {
        gtk_widget_grab_focus (self->fields[i].input);
        return;
      }
}

static void
rolo_contact_editor_show_field_errors (RoloContactEditor *self,
                                       GHashTable        *field_errors,
                                       const GError      *error)
{
  g_autoptr(GString) unknown = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, field_errors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int field = field_for_api_name (key);
      g_autofree char *joined = g_strjoinv ("\n", (char **) value);

      if (field >= 0 && (field != FIELD_PARENT || gtk_widget_get_visible (self->parent_group)))
        {
          g_free (self->fields[field].server_error);
          self->fields[field].server_error = g_steal_pointer (&joined);
        }
      else
        {
          g_autofree char *escaped = g_markup_escape_text (joined, -1);

          g_string_append_printf (unknown, "%s%s", unknown->len > 0 ? "\n" : "", escaped);
        }
    }

  if (g_hash_table_size (field_errors) == 0)
    g_string_append (unknown, error->message);

  rolo_contact_editor_show_message (self, unknown->len > 0 ? unknown->str : NULL, FALSE, FALSE);
  rolo_contact_editor_refresh (self);
  rolo_contact_editor_focus_first_error (self);
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

  rolo_contact_editor_set_state (self, "editing");

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
  if (creating && g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_TIMEOUT))
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
  rolo_contact_editor_set_state (self, "editing");
  rolo_contact_editor_finish_saved (self, saved, TRUE);
}

/* Keeps in @contact what the user typed for the fields the server did not
 * take, so saving again can send them again. */
static void
copy_unapplied_fields (RoloContact        *contact,
                       RoloContact        *edited,
                       const char * const *unapplied)
{
  for (guint i = 0; unapplied[i] != NULL; i++)
    {
      const char *property = rolo_contact_property_for_field (unapplied[i]);
      GParamSpec *pspec;
      g_auto(GValue) value = G_VALUE_INIT;

      if (property == NULL)
        continue;
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (edited), property);
      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (G_OBJECT (edited), property, &value);
      g_object_set_property (G_OBJECT (contact), property, &value);
    }
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
      g_autofree char *name = field_display_name (unapplied[i]);

      if (names->len > 0)
        g_string_append (names, _(", "));
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
  rolo_contact_editor_set_state (self, "editing");

  if (unapplied == NULL || unapplied[0] == NULL)
    {
      rolo_contact_editor_finish_saved (self, saved, FALSE);
      return;
    }

  copy_unapplied_fields (self->contact, edited, (const char * const *) unapplied);
  rolo_contact_editor_fill_fields (self);
  rolo_contact_editor_warn_unapplied (self, (const char * const *) unapplied);
  g_signal_emit (self, signals[SAVED], 0, saved, FALSE);
}

static void
rolo_contact_editor_save (RoloContactEditor *self)
{
  rolo_contact_editor_clear_server_errors (self);
  rolo_contact_editor_show_message (self, NULL, FALSE, FALSE);
  rolo_contact_editor_set_state (self, "saving");

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
  rolo_contact_editor_set_state (self, "editing");
  rolo_contact_editor_show_message (self,
    _("<b>This contact may already exist</b>\n"
      "The last save timed out, and a contact with the same email, or the same name "
      "and mobile, is now on the server. Open it rather than create a duplicate?"),
    TRUE, TRUE);
}

/* After a create timed out: look for what it may have created first. A
 * name alone is not enough: the user may mean a namesake. */
static void
rolo_contact_editor_check_duplicate (RoloContactEditor *self)
{
  rolo_contact_editor_show_message (self, NULL, FALSE, FALSE);
  rolo_contact_editor_set_state (self, "saving");
  rolo_client_find_match_async (self->client, self->contact, ROLO_CONTACT_MATCH_NAME_AND_MOBILE,
                                self->cancellable, duplicate_found_cb, g_object_ref (self));
}

/* --- a contact that may already exist ------------------------------------- */

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
  reveal (self->duplicate_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.open-duplicate", FALSE);
}

static void
rolo_contact_editor_show_duplicate (RoloContactEditor *self,
                                    RoloContact       *found,
                                    RoloContactMatch   match)
{
  g_autofree char *markup = NULL;

  self->duplicate_id = rolo_contact_get_id (found);
  self->duplicate_field = match == ROLO_CONTACT_MATCH_EMAIL ? FIELD_EMAIL : FIELD_NAME;
  if (match == ROLO_CONTACT_MATCH_EMAIL)
    /* Translators: %s is the name of a contact that has the email typed */
    markup = g_markup_printf_escaped (_("<b>%s</b> already has this email address."),
                                      rolo_contact_get_name (found));
  else
    markup = g_markup_printf_escaped (_("A contact named <b>%s</b> already exists."),
                                      rolo_contact_get_name (found));
  gtk_label_set_markup (self->duplicate_label, markup);
  reveal (self->duplicate_revealer, TRUE);
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
  if (self->id != 0 || self->contact == NULL || !g_str_equal (self->state, "editing"))
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
static void
rolo_contact_editor_duplicate_changed (RoloContactEditor *self,
                                       Field              field)
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

/* --- closing --------------------------------------------------------------- */

/* Closes, then activates @then_action (if any) on the window it was over. */
static void
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
                     AdwMessageDialog  *dialog)
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

static void
rolo_contact_editor_ask_discard (RoloContactEditor *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard changes?"),
                                              _("The changes you made will be lost."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Closing now would lose something: changes, or a save on its way. */
static gboolean
rolo_contact_editor_needs_asking (RoloContactEditor *self)
{
  return rolo_contact_editor_get_dirty (self) || g_str_equal (self->state, "saving");
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
  g_cancellable_cancel (self->duplicate_cancellable);
  g_clear_handle_id (&self->duplicate_timeout_id, g_source_remove);
  return GTK_WINDOW_CLASS (rolo_contact_editor_parent_class)->close_request (window);
}

/* --- callbacks ------------------------------------------------------------- */

static void
entry_changed_cb (RoloContactEditor *self,
                  GtkEditable       *editable)
{
  GtkWidget *widget = GTK_WIDGET (editable);
  const char *text = gtk_editable_get_text (editable);
  Field field;

  if (self->syncing || self->contact == NULL)
    return;

  if (widget == self->name_row)
    {
      rolo_contact_set_name (self->contact, text);
      field = FIELD_NAME;
    }
  else if (widget == self->email_row)
    {
      rolo_contact_set_email (self->contact, text);
      field = FIELD_EMAIL;
    }
  else if (widget == self->mobile_row)
    {
      rolo_contact_set_mobile (self->contact, text);
      field = FIELD_MOBILE;
    }
  else
    {
      rolo_contact_set_tax_number (self->contact, text);
      field = FIELD_TAX_NUMBER;
    }

  rolo_contact_editor_field_changed (self, field);
  if (field == FIELD_NAME || field == FIELD_EMAIL || field == FIELD_MOBILE)
    rolo_contact_editor_duplicate_changed (self, field);
}

static void
address_changed_cb (RoloContactEditor *self,
                    GtkTextBuffer     *buffer)
{
  g_autofree char *text = NULL;

  if (self->syncing || self->contact == NULL)
    return;

  text = text_view_get_text (self->address_view);
  rolo_contact_set_address (self->contact, text);
  rolo_contact_editor_field_changed (self, FIELD_ADDRESS);
}

static void
notes_changed_cb (RoloContactEditor *self,
                  GtkTextBuffer     *buffer)
{
  g_autofree char *text = NULL;

  if (self->syncing || self->contact == NULL)
    return;

  text = text_view_get_text (self->notes_view);
  rolo_contact_set_notes (self->contact, text);
  rolo_contact_editor_field_changed (self, FIELD_NOTES);
}

static void
type_toggled_cb (RoloContactEditor *self,
                 GtkToggleButton   *button)
{
  gboolean business = gtk_toggle_button_get_active (self->business_button);
  RoloContactType type = business ? ROLO_CONTACT_TYPE_BUSINESS : ROLO_CONTACT_TYPE_INDIVIDUAL;

  if (self->syncing || self->contact == NULL || !gtk_toggle_button_get_active (button) ||
      rolo_contact_get_contact_type (self->contact) == type)
    return;

  rolo_contact_set_contact_type (self->contact, type);
  /* A Business has no parent; switching back brings the choice back. */
  if (business)
    {
      self->parent_before_business = rolo_contact_get_parent_id (self->contact);
      rolo_contact_set_parent_id (self->contact, 0);
    }
  else if (self->parent_before_business != 0)
    {
      rolo_contact_set_parent_id (self->contact, self->parent_before_business);
      self->parent_before_business = 0;
    }

  rolo_contact_editor_update_parent_row (self);
  g_clear_pointer (&self->fields[FIELD_PARENT].server_error, g_free);
  rolo_contact_editor_field_changed (self, FIELD_TYPE);
}

static void
switch_changed_cb (RoloContactEditor *self,
                   GParamSpec        *pspec,
                   RoloSwitchRow     *widget)
{
  gboolean active = rolo_switch_row_get_active (widget);

  if (self->syncing || self->contact == NULL)
    return;

  if (widget == self->email_notify_row)
    {
      rolo_contact_set_email_notify (self->contact, active);
      rolo_contact_editor_field_changed (self, FIELD_EMAIL_NOTIFY);
    }
  else if (widget == self->sms_notify_row)
    {
      rolo_contact_set_sms_notify (self->contact, active);
      rolo_contact_editor_field_changed (self, FIELD_SMS_NOTIFY);
    }
  else
    {
      rolo_contact_set_whatsapp_notify (self->contact, active);
      rolo_contact_editor_field_changed (self, FIELD_WHATSAPP_NOTIFY);
    }
}

static void
rolo_contact_editor_add_tag (RoloContactEditor *self,
                             gint64             tag_id)
{
  g_autoptr(GArray) tags = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *current;
  gsize n_current = 0;

  current = rolo_contact_get_tag_ids (self->contact, &n_current);
  for (gsize i = 0; i < n_current; i++)
    if (current[i] == tag_id)
      return;

  g_array_append_vals (tags, current, n_current);
  g_array_append_val (tags, tag_id);
  rolo_contact_set_tag_ids (self->contact, (const gint64 *) tags->data, tags->len);
  rolo_contact_editor_update_tags (self);
  rolo_contact_editor_field_changed (self, FIELD_TAGS);
}

/* A tag by its number, or by a name given in Preferences. */
static void
tag_apply_cb (RoloContactEditor *self,
              AdwEntryRow       *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  gint64 tag_id = 0;

  if (self->contact == NULL || text[0] == '\0')
    return;

  g_clear_pointer (&self->tag_error, g_free);
  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &tag_id, NULL))
    tag_id = self->tag_names != NULL ? rolo_tag_names_find (self->tag_names, text) : 0;
  if (tag_id == 0)
    {
      if (g_ascii_isdigit (text[0]))
        self->tag_error = g_strdup (_("Enter a tag number, like 12, or a tag’s name."));
      else
        /* Translators: %s is what the user typed */
        self->tag_error = g_strdup_printf (_("No tag is named “%s”. Enter its number, or "
                                             "give it a name in Preferences."), text);
      rolo_contact_editor_field_changed (self, FIELD_TAGS);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  rolo_contact_editor_add_tag (self, tag_id);
}

static void
tag_picked_cb (RoloContactEditor *self,
               gint64             tag_id)
{
  if (self->contact != NULL)
    rolo_contact_editor_add_tag (self, tag_id);
}

static void
tag_entry_changed_cb (RoloContactEditor *self,
                      GtkEditable       *editable)
{
  if (self->tag_error == NULL)
    return;

  g_clear_pointer (&self->tag_error, g_free);
  rolo_contact_editor_refresh (self);
}

static gboolean
field_left_idle_cb (gpointer user_data)
{
  RoloContactEditor *self = user_data;

  self->left_idle_id = 0;
  rolo_contact_editor_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
field_focus_leave_cb (GtkEventControllerFocus *controller,
                      RoloContactEditor       *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  /* Focus moves as the widgets go. */
  if (self->disposing)
    return;

  for (int i = 0; i < N_FIELDS; i++)
    if (self->fields[i].input == widget && !self->fields[i].left)
      {
        self->fields[i].left = TRUE;
        /* Not while focus moves: an error row showing up in the middle of
         * it makes the list box skip the next rows. */
        if (self->left_idle_id == 0)
          self->left_idle_id = g_idle_add (field_left_idle_cb, self);
      }

  /* Left: no need to wait for a pause, but for the focus to settle. */
  if ((widget == self->name_row || widget == self->email_row || widget == self->mobile_row) &&
      self->id == 0)
    {
      g_clear_handle_id (&self->duplicate_timeout_id, g_source_remove);
      self->duplicate_timeout_id = g_idle_add (duplicate_timeout_cb, self);
    }
}

static void
country_changed_cb (RoloContactEditor *self,
                    GParamSpec        *pspec,
                    RoloCountryPicker *picker)
{
  if (self->syncing || self->contact == NULL)
    return;

  rolo_contact_set_mobile_country_id (self->contact, rolo_country_picker_get_country_id (picker));
  rolo_contact_editor_field_changed (self, FIELD_MOBILE);
}

static void
parent_named_cb (RoloContactEditor  *self,
                 GParamSpec         *pspec,
                 RoloBusinessPicker *picker)
{
  if (self->contact != NULL)
    rolo_contact_editor_update_parent_row (self);
}

static void
parent_changed_cb (RoloContactEditor  *self,
                   GParamSpec         *pspec,
                   RoloBusinessPicker *picker)
{
  if (self->syncing || self->contact == NULL)
    return;

  rolo_contact_set_parent_id (self->contact, rolo_business_picker_get_business_id (picker));
  self->parent_before_business = 0;
  rolo_contact_editor_update_parent_row (self);
  rolo_contact_editor_field_changed (self, FIELD_PARENT);
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

  if (!g_str_equal (self->state, "editing"))
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

  if (!g_str_equal (self->state, "viewing"))
    return;

  rolo_contact_editor_set_state (self, "editing");
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
  g_signal_emit (self, signals[SAVED], 0, existing, TRUE);
  rolo_contact_editor_start_loading (self);
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
                            AdwMessageDialog  *dialog)
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

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Open the Existing Contact?"),
                                   _("What you typed for the new contact will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "open", _("_Open Contact"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_duplicate_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
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

  if (self->id == 0 || self->original == NULL || !g_str_equal (self->state, "editing"))
    return;

  contact = rolo_contact_copy (self->original);
  rolo_contact_set_id (contact, self->id);
  g_signal_emit (self, signals[DELETE], 0, contact);
  rolo_contact_editor_close_now (self, NULL);
}

static void
clear_parent_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RoloContactEditor *self = ROLO_CONTACT_EDITOR (widget);

  self->parent_before_business = 0;
  rolo_business_picker_set_business (self->parent_picker, 0, NULL);
}

static void
remove_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RoloContactEditor *self = ROLO_CONTACT_EDITOR (widget);
  gint64 tag_id = g_variant_get_int64 (parameter);
  g_autoptr(GArray) tags = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *current;
  gsize n_current = 0;

  current = rolo_contact_get_tag_ids (self->contact, &n_current);
  for (gsize i = 0; i < n_current; i++)
    if (current[i] != tag_id)
      g_array_append_val (tags, current[i]);

  rolo_contact_set_tag_ids (self->contact, (const gint64 *) tags->data, tags->len);
  rolo_contact_editor_update_tags (self);
  rolo_contact_editor_field_changed (self, FIELD_TAGS);
  gtk_widget_grab_focus (self->tag_entry_row);
}

/* --- construction ---------------------------------------------------------- */

/* Each field gets a row for its message right below it, and a focus
 * controller that marks it left. */
static void
rolo_contact_editor_add_field (RoloContactEditor *self,
                               Field              field,
                               GtkWidget         *row,
                               GtkWidget         *input)
{
  FieldState *state = &self->fields[field];
  GtkWidget *list_box = gtk_widget_get_parent (row);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  state->row = row;
  state->input = input;
  state->error_label = g_object_new (GTK_TYPE_LABEL,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                                     "xalign", 0.0f,
                                     "wrap", TRUE,
                                     "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                     "margin-start", 12,
                                     "margin-end", 12,
                                     "margin-top", 6,
                                     "margin-bottom", 6,
                                     NULL);
  gtk_widget_add_css_class (GTK_WIDGET (state->error_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (state->error_label), "caption");
  /* Focusable: a GtkListBox (4.8) gives up on Tab at a row that takes no
   * focus, and the rows after it would be skipped; and the message is read
   * out on the way. */
  state->error_row = g_object_new (GTK_TYPE_LIST_BOX_ROW,
                                   "activatable", FALSE,
                                   "selectable", FALSE,
                                   "focusable", TRUE,
                                   "visible", FALSE,
                                   "child", state->error_label,
                                   NULL);
  gtk_list_box_insert (GTK_LIST_BOX (list_box), state->error_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);

  g_signal_connect_object (focus, "leave", G_CALLBACK (field_focus_leave_cb), self, 0);
  gtk_widget_add_controller (input, focus);
}

/* The row is the one stop; its title alone ("SMS") says too little. */
static void
add_switch_field (RoloContactEditor *self,
                  Field              field,
                  RoloSwitchRow     *row,
                  const char        *label)
{
  rolo_contact_editor_add_field (self, field, GTK_WIDGET (row), GTK_WIDGET (row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
rolo_contact_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RoloContactEditor *self = ROLO_CONTACT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_contact_editor_dispose (GObject *object)
{
  RoloContactEditor *self = ROLO_CONTACT_EDITOR (object);

  self->disposing = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->focus_before_saving);
  g_clear_handle_id (&self->duplicate_timeout_id, g_source_remove);
  g_clear_handle_id (&self->left_idle_id, g_source_remove);
  g_cancellable_cancel (self->duplicate_cancellable);
  g_clear_object (&self->tag_completion);
  rolo_tag_names_watch (&self->tag_names, NULL, self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROLO_TYPE_CONTACT_EDITOR);
  g_clear_object (&self->client);
  g_clear_object (&self->original);
  g_clear_object (&self->contact);

  G_OBJECT_CLASS (rolo_contact_editor_parent_class)->dispose (object);
}

static void
rolo_contact_editor_finalize (GObject *object)
{
  RoloContactEditor *self = ROLO_CONTACT_EDITOR (object);

  for (int i = 0; i < N_FIELDS; i++)
    {
      g_free (self->fields[i].local_error);
      g_free (self->fields[i].server_error);
    }
  g_clear_object (&self->cancellable);
  g_clear_object (&self->duplicate_cancellable);
  g_free (self->duplicate_key);
  g_free (self->then_action);
  g_free (self->tag_error);
  g_free (self->save_hint);
  g_free (self->message);

  G_OBJECT_CLASS (rolo_contact_editor_parent_class)->finalize (object);
}

static void
rolo_contact_editor_class_init (RoloContactEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = rolo_contact_editor_get_property;
  object_class->dispose = rolo_contact_editor_dispose;
  object_class->finalize = rolo_contact_editor_finalize;
  window_class->close_request = rolo_contact_editor_close_request;

  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, "editing",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ROLO_TYPE_CONTACT, G_TYPE_BOOLEAN);
  signals[DELETE] =
    g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ROLO_TYPE_CONTACT);

  g_type_ensure (ROLO_TYPE_BUSINESS_PICKER);
  g_type_ensure (ROLO_TYPE_CONTACT_DETAILS);
  g_type_ensure (ROLO_TYPE_COUNTRY_PICKER);
  g_type_ensure (ROLO_TYPE_SWITCH_ROW);
  /* A dialog over the window, for screen readers too (not a bare window). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/rolo-contact-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, RoloContactEditor, name)
  BIND (window_title);
  BIND (save_button);
  BIND (saving_spinner);
  BIND (header_bar);
  BIND (cancel_button);
  BIND (edit_button);
  BIND (view_message_revealer);
  BIND (view_message_label);
  BIND (view_spinner);
  BIND (view_retry_button);
  BIND (details);
  BIND (stack);
  BIND (loading_spinner);
  BIND (error_page);
  BIND (form_box);
  BIND (message_revealer);
  BIND (message_label);
  BIND (open_existing_button);
  BIND (retry_button);
  BIND (type_row);
  BIND (individual_button);
  BIND (business_button);
  BIND (name_row);
  BIND (name_counter);
  BIND (email_row);
  BIND (mobile_row);
  BIND (country_picker);
  BIND (address_row);
  BIND (address_view);
  BIND (tax_number_row);
  BIND (notes_row);
  BIND (notes_view);
  BIND (notes_counter);
  BIND (notify_group);
  BIND (email_notify_row);
  BIND (sms_notify_row);
  BIND (whatsapp_notify_row);
  BIND (parent_group);
  BIND (parent_row);
  BIND (parent_picker);
  BIND (tags_row);
  BIND (tags_box);
  BIND (tag_entry_row);
  BIND (save_hint_label);
  BIND (duplicate_revealer);
  BIND (duplicate_label);
  BIND (delete_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, revealer_child_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, parent_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, parent_named_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "editor.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "editor.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "editor.open-existing", NULL,
                                   open_existing_action);
  gtk_widget_class_install_action (widget_class, "editor.clear-parent", NULL,
                                   clear_parent_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-tag", "x", remove_tag_action);
  gtk_widget_class_install_action (widget_class, "editor.open-duplicate", NULL,
                                   open_duplicate_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  /* Enter edits too, while reading: Edit is the default button then. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "editor.edit", NULL);
}

static void
rolo_contact_editor_init (RoloContactEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->state = g_intern_static_string ("editing");
  rolo_contact_editor_show_page (self);

  rolo_contact_editor_add_field (self, FIELD_TYPE, self->type_row,
                                 GTK_WIDGET (self->individual_button));
  rolo_contact_editor_add_field (self, FIELD_NAME, self->name_row, self->name_row);
  rolo_contact_editor_add_field (self, FIELD_EMAIL, self->email_row, self->email_row);
  rolo_contact_editor_add_field (self, FIELD_MOBILE, self->mobile_row, self->mobile_row);
  rolo_contact_editor_add_field (self, FIELD_ADDRESS, self->address_row,
                                 GTK_WIDGET (self->address_view));
  rolo_contact_editor_add_field (self, FIELD_TAX_NUMBER, self->tax_number_row,
                                 self->tax_number_row);
  rolo_contact_editor_add_field (self, FIELD_NOTES, self->notes_row,
                                 GTK_WIDGET (self->notes_view));
  add_switch_field (self, FIELD_EMAIL_NOTIFY, self->email_notify_row, _("Email notifications"));
  add_switch_field (self, FIELD_SMS_NOTIFY, self->sms_notify_row, _("SMS notifications"));
  add_switch_field (self, FIELD_WHATSAPP_NOTIFY, self->whatsapp_notify_row,
                    _("WhatsApp notifications"));
  rolo_contact_editor_add_field (self, FIELD_PARENT, GTK_WIDGET (self->parent_row),
                                 GTK_WIDGET (self->parent_picker));
  rolo_contact_editor_add_field (self, FIELD_TAGS, self->tag_entry_row, self->tag_entry_row);

  g_signal_connect_object (gtk_text_view_get_buffer (self->address_view), "changed",
                           G_CALLBACK (address_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tag_entry_row, "changed",
                           G_CALLBACK (tag_entry_changed_cb), self, G_CONNECT_SWAPPED);
  self->tag_completion = rolo_tag_completion_new (self->tag_entry_row);
  g_signal_connect_object (self->tag_completion, "picked", G_CALLBACK (tag_picked_cb), self,
                           G_CONNECT_SWAPPED);

  rolo_contact_editor_show_message (self, NULL, FALSE, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.open-duplicate", FALSE);
  rolo_contact_editor_refresh (self);
}

/* --- public API ------------------------------------------------------------ */

/* A new contact's notifications start as Preferences say: by default email
 * only, since texting someone needs their consent. */
static void
rolo_contact_editor_apply_defaults (RoloContactEditor *self,
                                    RoloContact       *blank)
{
  g_autoptr(GSettings) settings = rolo_application_new_settings ();

  rolo_contact_set_email_notify (blank, settings == NULL ||
                                 g_settings_get_boolean (settings, "new-contact-email-notify"));
  rolo_contact_set_sms_notify (blank, settings != NULL &&
                               g_settings_get_boolean (settings, "new-contact-sms-notify"));
  rolo_contact_set_whatsapp_notify (blank, settings != NULL &&
                                    g_settings_get_boolean (settings,
                                                            "new-contact-whatsapp-notify"));
  adw_preferences_group_set_description (self->notify_group,
                                         _("New contacts start as set in Preferences"));
}

/**
 * rolo_contact_editor_new:
 * @client: the client to load and save with
 * @id: the contact to edit, or 0 for a new contact
 *
 * Returns: (transfer none): a new editor, which GTK holds as a toplevel
 *   until it is closed; present it transient for the main window.
 */
RoloContactEditor *
rolo_contact_editor_new (RoloClient *client,
                         gint64      id)
{
  RoloContactEditor *self;

  g_return_val_if_fail (ROLO_IS_CLIENT (client), NULL);
  g_return_val_if_fail (id >= 0, NULL);

  self = g_object_new (ROLO_TYPE_CONTACT_EDITOR,
                       /* Also when no AT context says so. */
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       NULL);
  self->client = g_object_ref (client);
  self->id = id;
  rolo_business_picker_set_client (self->parent_picker, client);

  if (id == 0)
    {
      g_autoptr(RoloContact) blank = rolo_contact_new ();

      rolo_contact_editor_apply_defaults (self, blank);
      rolo_contact_editor_set_original (self, blank);
      rolo_contact_editor_fill_fields (self);
      gtk_window_set_focus (GTK_WINDOW (self), self->name_row);
    }
  else
    {
      rolo_contact_editor_update_title (self);
      rolo_contact_editor_start_loading (self);
    }

  return self;
}

gint64
rolo_contact_editor_get_id (RoloContactEditor *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_EDITOR (self), 0);

  return self->id;
}

const char *
rolo_contact_editor_get_state (RoloContactEditor *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_EDITOR (self), NULL);

  return self->state;
}

RoloContact *
rolo_contact_editor_get_contact (RoloContactEditor *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_EDITOR (self), NULL);

  return self->contact;
}

gboolean
rolo_contact_editor_get_dirty (RoloContactEditor *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_EDITOR (self), FALSE);

  if (self->original == NULL || self->contact == NULL)
    return FALSE;

  return !rolo_contact_equal (self->original, self->contact);
}

const char *
rolo_contact_editor_get_field_error (RoloContactEditor *self,
                                     const char        *api_field)
{
  int field;

  g_return_val_if_fail (ROLO_IS_CONTACT_EDITOR (self), NULL);
  g_return_val_if_fail (api_field != NULL, NULL);

  field = field_for_api_name (api_field);
  if (field < 0 || !gtk_widget_get_visible (self->fields[field].error_row))
    return NULL;

  return gtk_label_get_label (self->fields[field].error_label);
}

GtkWidget *
rolo_contact_editor_get_field_widget (RoloContactEditor *self,
                                      const char        *api_field)
{
  int field;

  g_return_val_if_fail (ROLO_IS_CONTACT_EDITOR (self), NULL);
  g_return_val_if_fail (api_field != NULL, NULL);

  if (g_str_equal (api_field, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID))
    return GTK_WIDGET (self->country_picker);
  if (g_str_equal (api_field, ROLO_CONTACT_FIELD_CONTACT_TYPE))
    return GTK_WIDGET (self->business_button);

  field = field_for_api_name (api_field);
  return field >= 0 ? self->fields[field].input : NULL;
}

const char *
rolo_contact_editor_get_save_hint (RoloContactEditor *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_EDITOR (self), NULL);

  return self->save_hint != NULL ? self->save_hint : "";
}

const char *
rolo_contact_editor_get_message (RoloContactEditor *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_EDITOR (self), NULL);

  return self->message != NULL ? self->message : "";
}

gint64
rolo_contact_editor_get_existing_id (RoloContactEditor *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_EDITOR (self), 0);

  return self->existing_id;
}

gint64
rolo_contact_editor_get_duplicate_id (RoloContactEditor *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_EDITOR (self), 0);

  return self->duplicate_id;
}

/**
 * rolo_contact_editor_close_then:
 * @self: an editor
 * @action_name: (nullable): an action of the window the editor is over
 *
 * Closes the editor as its close button does. When that asks "Discard
 * changes?" and the user discards, @action_name (e.g. "app.quit") is
 * activated on the parent window once the editor is gone; Keep Editing
 * forgets it.
 *
 * Returns: %TRUE when the editor asks first, %FALSE when it closed at once
 */
gboolean
rolo_contact_editor_close_then (RoloContactEditor *self,
                                const char        *action_name)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_EDITOR (self), FALSE);

  if (!rolo_contact_editor_needs_asking (self))
    {
      rolo_contact_editor_close_now (self, NULL);
      return FALSE;
    }

  set_str (&self->then_action, action_name);
  gtk_window_present (GTK_WINDOW (self));
  rolo_contact_editor_ask_discard (self);
  return TRUE;
}

/**
 * rolo_contact_editor_set_tag_names:
 * @self: an editor
 * @names: (nullable): the names of the workspace's tags
 *
 * Tags then show by name where they have one, and can be added by name,
 * with the names offered as the user types.
 */
void
rolo_contact_editor_set_tag_names (RoloContactEditor *self,
                                   RoloTagNames      *names)
{
  g_return_if_fail (ROLO_IS_CONTACT_EDITOR (self));
  g_return_if_fail (names == NULL || ROLO_IS_TAG_NAMES (names));

  rolo_tag_names_watch (&self->tag_names, names, self,
                        G_CALLBACK (rolo_contact_editor_update_tags));
  rolo_tag_completion_set_names (self->tag_completion, names);
  rolo_contact_details_set_tag_names (self->details, names);
  rolo_contact_editor_update_tags (self);
}

/**
 * rolo_contact_editor_show_known:
 * @self: an editor of an existing contact, still loading it
 * @known: the contact as a list page has it
 *
 * Shows @known while the whole contact loads, and keeps showing it with
 * what went wrong and Retry if loading fails (offline, say), instead of an
 * error page. Edit waits for the whole contact.
 */
void
rolo_contact_editor_show_known (RoloContactEditor *self,
                                RoloContact       *known)
{
  g_return_if_fail (ROLO_IS_CONTACT_EDITOR (self));
  g_return_if_fail (ROLO_IS_CONTACT (known));

  if (self->id == 0 || rolo_contact_get_id (known) != self->id ||
      !(g_str_equal (self->state, "loading") || g_str_equal (self->state, "error")))
    return;

  self->partial = TRUE;
  rolo_contact_details_set_contact (self->details, known, FALSE);
  rolo_contact_editor_show_page (self);
}

RoloContactDetails *
rolo_contact_editor_get_details (RoloContactEditor *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_EDITOR (self), NULL);

  return self->details;
}

RoloTagCompletion *
rolo_contact_editor_get_tag_completion (RoloContactEditor *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_EDITOR (self), NULL);

  return self->tag_completion;
}
