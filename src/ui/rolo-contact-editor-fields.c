/* rolo-contact-editor-fields.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-business-picker.h"
#include "rolo-contact-details.h"
#include "rolo-contact-editor-private.h"
#include "rolo-contact-validation.h"
#include "rolo-country-picker.h"
#include "rolo-switch-row.h"

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_counter (GtkLabel              *counter,
             RoloContact           *contact,
             const RoloFieldInfo *info)
{
  glong n_chars = g_utf8_strlen (info->get_text (contact), -1);
  g_autofree char *label = g_strdup_printf ("%ld/%u", n_chars, info->max_chars);

  gtk_label_set_label (counter, label);
  if (n_chars > info->max_chars)
    gtk_widget_add_css_class (GTK_WIDGET (counter), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (counter), "error");
}

/* --- validation ------------------------------------------------------------ */

/* The tag entry's own error is not the contact's: it is about text not yet
 * a tag. */
static char *
rolo_contact_editor_check_field (RoloContactEditor *self,
                                 RoloField          field)
{
  const RoloFieldInfo *info = rolo_field_get_info (field);

  if (field == ROLO_FIELD_TAGS)
    return g_strdup (self->tag_error);

  return info->check != NULL ? info->check (self->contact) : NULL;
}

/* Too long is wrong however far the user has got: it shows at once. Other
 * rules wait until the field is left, so half-typed text is not an error. */
static gboolean
rolo_contact_editor_over_limit (RoloContactEditor *self,
                                RoloField          field)
{
  const RoloFieldInfo *info = rolo_field_get_info (field);

  if (field == ROLO_FIELD_TAGS)
    return self->tag_error != NULL;

  return info->max_chars != 0 &&
         g_utf8_strlen (info->get_text (self->contact), -1) > info->max_chars;
}

const char *
rolo_contact_editor_shown_error (RoloContactEditor *self,
                                 RoloField          field)
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
                                      RoloField          field)
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
char *
rolo_contact_editor_compute_save_hint (RoloContactEditor *self)
{
  if (self->state == EDITOR_SAVING)
    return g_strdup (_("Saving…"));
  if (self->state != EDITOR_EDITING)
    return g_strdup ("");

  for (int i = 0; i < ROLO_N_FIELDS; i++)
    if (self->fields[i].local_error != NULL)
      return g_strdup (self->fields[i].local_error);

  if (!rolo_contact_editor_get_dirty (self))
    return g_strdup (_("Nothing changed"));

  if (self->offline)
    return g_strdup (_("Offline — Save works again once the server answers"));

  return NULL;
}

/* Brings every error, counter, the hint and editor.save up to date with the
 * contact the fields hold. */
void
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

  for (int i = 0; i < ROLO_N_FIELDS; i++)
    {
      g_free (self->fields[i].local_error);
      self->fields[i].local_error = rolo_contact_editor_check_field (self, i);
      rolo_contact_editor_show_field_error (self, i);
    }

  set_counter (self->name_counter, self->contact, rolo_field_get_info (ROLO_FIELD_NAME));
  set_counter (self->notes_counter, self->contact, rolo_field_get_info (ROLO_FIELD_NOTES));

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
                                 self->id != 0 && self->state == EDITOR_EDITING &&
                                 !self->offline);
}

/* The user changed a field: its last server message no longer applies. */
void
rolo_contact_editor_field_changed (RoloContactEditor *self,
                                   RoloField          field)
{
  g_clear_pointer (&self->fields[field].server_error, g_free);
  rolo_contact_editor_refresh (self);
}

void
rolo_contact_editor_clear_server_errors (RoloContactEditor *self)
{
  for (int i = 0; i < ROLO_N_FIELDS; i++)
    g_clear_pointer (&self->fields[i].server_error, g_free);
}

static void
rolo_contact_editor_focus_first_error (RoloContactEditor *self)
{
  for (int i = 0; i < ROLO_N_FIELDS; i++)
    if (rolo_contact_editor_shown_error (self, i) != NULL)
      {
        gtk_widget_grab_focus (self->fields[i].input);
        return;
      }
}

void
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
      int field = rolo_field_for_api (key);
      g_autofree char *joined = g_strjoinv ("\n", (char **) value);

      if (field >= 0 && (field != ROLO_FIELD_PARENT || gtk_widget_get_visible (self->parent_group)))
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

/* --- filling the fields ---------------------------------------------------- */

void
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

void
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

/* Keeps in @contact what the user typed for the fields the server did not
 * take, so saving again can send them again. */
void
rolo_contact_editor_copy_unapplied (RoloContact        *contact,
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

/* --- callbacks ------------------------------------------------------------- */

static void
entry_changed_cb (RoloContactEditor *self,
                  GtkEditable       *editable)
{
  GtkWidget *widget = GTK_WIDGET (editable);
  const char *text = gtk_editable_get_text (editable);
  RoloField field;

  if (self->syncing || self->contact == NULL)
    return;

  if (widget == self->name_row)
    {
      rolo_contact_set_name (self->contact, text);
      field = ROLO_FIELD_NAME;
    }
  else if (widget == self->email_row)
    {
      rolo_contact_set_email (self->contact, text);
      field = ROLO_FIELD_EMAIL;
    }
  else if (widget == self->mobile_row)
    {
      rolo_contact_set_mobile (self->contact, text);
      field = ROLO_FIELD_MOBILE;
    }
  else
    {
      rolo_contact_set_tax_number (self->contact, text);
      field = ROLO_FIELD_TAX_NUMBER;
    }

  rolo_contact_editor_field_changed (self, field);
  if (field == ROLO_FIELD_NAME || field == ROLO_FIELD_EMAIL || field == ROLO_FIELD_MOBILE)
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
  rolo_contact_editor_field_changed (self, ROLO_FIELD_ADDRESS);
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
  rolo_contact_editor_field_changed (self, ROLO_FIELD_NOTES);
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
  g_clear_pointer (&self->fields[ROLO_FIELD_PARENT].server_error, g_free);
  rolo_contact_editor_field_changed (self, ROLO_FIELD_TYPE);
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
      rolo_contact_editor_field_changed (self, ROLO_FIELD_EMAIL_NOTIFY);
    }
  else if (widget == self->sms_notify_row)
    {
      rolo_contact_set_sms_notify (self->contact, active);
      rolo_contact_editor_field_changed (self, ROLO_FIELD_SMS_NOTIFY);
    }
  else
    {
      rolo_contact_set_whatsapp_notify (self->contact, active);
      rolo_contact_editor_field_changed (self, ROLO_FIELD_WHATSAPP_NOTIFY);
    }
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

  for (int i = 0; i < ROLO_N_FIELDS; i++)
    if (self->fields[i].input == widget && !self->fields[i].left)
      {
        self->fields[i].left = TRUE;
        /* Not while focus moves: an error row showing up in the middle of
         * it makes the list box skip the next rows. */
        if (self->left_idle_id == 0)
          self->left_idle_id = g_idle_add (field_left_idle_cb, self);
      }

  if (widget == self->name_row || widget == self->email_row || widget == self->mobile_row)
    rolo_contact_editor_duplicate_left (self);
}

static void
country_changed_cb (RoloContactEditor *self,
                    GParamSpec        *pspec,
                    RoloCountryPicker *picker)
{
  if (self->syncing || self->contact == NULL)
    return;

  rolo_contact_set_mobile_country_id (self->contact, rolo_country_picker_get_country_id (picker));
  rolo_contact_editor_field_changed (self, ROLO_FIELD_MOBILE);
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
  rolo_contact_editor_field_changed (self, ROLO_FIELD_PARENT);
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

/* --- construction ---------------------------------------------------------- */

/* Each field gets a row for its message right below it, and a focus
 * controller that marks it left. */
static void
rolo_contact_editor_add_field (RoloContactEditor *self,
                               RoloField          field,
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
                  RoloField          field,
                  RoloSwitchRow     *row)
{
  rolo_contact_editor_add_field (self, field, GTK_WIDGET (row), GTK_WIDGET (row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(rolo_field_get_info (field)->label), -1);
}

void
rolo_contact_editor_init_fields (RoloContactEditor *self)
{
  rolo_contact_editor_add_field (self, ROLO_FIELD_TYPE, self->type_row,
                                 GTK_WIDGET (self->individual_button));
  rolo_contact_editor_add_field (self, ROLO_FIELD_NAME, self->name_row, self->name_row);
  rolo_contact_editor_add_field (self, ROLO_FIELD_EMAIL, self->email_row, self->email_row);
  rolo_contact_editor_add_field (self, ROLO_FIELD_MOBILE, self->mobile_row, self->mobile_row);
  rolo_contact_editor_add_field (self, ROLO_FIELD_ADDRESS, self->address_row,
                                 GTK_WIDGET (self->address_view));
  rolo_contact_editor_add_field (self, ROLO_FIELD_TAX_NUMBER, self->tax_number_row,
                                 self->tax_number_row);
  rolo_contact_editor_add_field (self, ROLO_FIELD_NOTES, self->notes_row,
                                 GTK_WIDGET (self->notes_view));
  add_switch_field (self, ROLO_FIELD_EMAIL_NOTIFY, self->email_notify_row);
  add_switch_field (self, ROLO_FIELD_SMS_NOTIFY, self->sms_notify_row);
  add_switch_field (self, ROLO_FIELD_WHATSAPP_NOTIFY, self->whatsapp_notify_row);
  rolo_contact_editor_add_field (self, ROLO_FIELD_PARENT, GTK_WIDGET (self->parent_row),
                                 GTK_WIDGET (self->parent_picker));
  rolo_contact_editor_add_field (self, ROLO_FIELD_TAGS, self->tag_entry_row, self->tag_entry_row);

  g_signal_connect_object (gtk_text_view_get_buffer (self->address_view), "changed",
                           G_CALLBACK (address_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);
}

void
rolo_contact_editor_class_add_fields (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, country_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, parent_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, parent_named_cb);

  gtk_widget_class_install_action (widget_class, "editor.clear-parent", NULL,
                                   clear_parent_action);
}
