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
#include "rolo-contact-editor-private.h"
#include "rolo-country-picker.h"
#include "rolo-error-text.h"
#include "rolo-switch-row.h"
#include "rolo-toolbar.h"

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

/* What rolo_contact_editor_get_state() and "state" say, by EditorState. */
static const char * const state_names[] = {
  [EDITOR_LOADING] = "loading",
  [EDITOR_VIEWING] = "viewing",
  [EDITOR_EDITING] = "editing",
  [EDITOR_SAVING]  = "saving",
  [EDITOR_ERROR]   = "error",
};

/* The pages of the stack, by the names the template gives them. */
typedef enum
{
  PAGE_LOADING,
  PAGE_ERROR,
  PAGE_VIEW,
  PAGE_FORM,
} Page;

static const char * const page_names[] = {
  [PAGE_LOADING] = "loading",
  [PAGE_ERROR]   = "error",
  [PAGE_VIEW]    = "view",
  [PAGE_FORM]    = "form",
};

/* A closed revealer takes no room: hidden, so that the box's spacing around
 * it goes too. */
static void
revealer_child_revealed_cb (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

void
rolo_contact_editor_reveal (GtkRevealer *revealer,
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

static void
rolo_contact_editor_update_title (RoloContactEditor *self)
{
  if (self->id == 0)
    {
      adw_window_title_set_title (self->window_title, _("New Contact"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("New Contact"));
    }
  else if (self->state == EDITOR_EDITING || self->state == EDITOR_SAVING ||
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

/* The page for the state: a contact is read (details, with Edit) until the
 * user edits it; a row the list had shows while the rest loads, and stays
 * when loading fails. */
static void
rolo_contact_editor_show_page (RoloContactEditor *self)
{
  EditorState state = self->state;
  gboolean loading = state == EDITOR_LOADING;
  gboolean failed = state == EDITOR_ERROR;
  gboolean viewing = state == EDITOR_VIEWING;
  gboolean reading;
  Page page;

  if (viewing || ((loading || failed) && self->partial))
    page = PAGE_VIEW;
  else if (loading)
    page = PAGE_LOADING;
  else if (failed)
    page = PAGE_ERROR;
  else
    page = PAGE_FORM;
  gtk_stack_set_visible_child_name (self->stack, page_names[page]);
  if (page == PAGE_FORM)
    gtk_widget_add_tick_callback (GTK_WIDGET (self->address_view), remeasure_text_cb, self, NULL);

  /* An existing contact opened to read: Close and Edit, no Cancel or Save. */
  reading = self->id != 0 && page != PAGE_FORM && !self->edit_after_load;
  gtk_widget_set_visible (self->cancel_button, !reading);
  gtk_widget_set_visible (self->save_button, !reading);
  gtk_widget_set_visible (self->edit_button, reading);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, reading);
  gtk_window_set_default_widget (GTK_WINDOW (self), viewing ? self->edit_button : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.edit", viewing);

  gtk_spinner_set_spinning (self->loading_spinner, loading && !self->partial);
  gtk_widget_set_visible (GTK_WIDGET (self->view_spinner), loading && self->partial);
  gtk_spinner_set_spinning (self->view_spinner, loading && self->partial);
  rolo_contact_editor_reveal (self->view_message_revealer, failed && self->partial);
  rolo_contact_editor_update_title (self);
}

void
rolo_contact_editor_set_state (RoloContactEditor *self,
                               EditorState        state)
{
  gboolean saving = state == EDITOR_SAVING;

  if (self->state == state)
    return;

  self->state = state;
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
void
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
  rolo_contact_editor_reveal (self->message_revealer, markup != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.retry", offer_retry);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.open-existing", offer_existing);

  if (markup != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                                GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (
                                  GTK_WIDGET (self->message_revealer),
                                  GTK_TYPE_SCROLLED_WINDOW))), 0);
}

/* Takes @contact as what the server has, and shows it. */
void
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
void
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
      rolo_contact_editor_set_state (self, EDITOR_ERROR);
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
      rolo_contact_editor_set_state (self, EDITOR_EDITING);
      rolo_contact_editor_focus_name (self);
    }
  else
    {
      rolo_contact_editor_set_state (self, EDITOR_VIEWING);
      gtk_widget_grab_focus (self->edit_button);
      rolo_contact_details_unselect (self->details);
    }
}

void
rolo_contact_editor_start_loading (RoloContactEditor *self)
{
  rolo_contact_editor_set_state (self, EDITOR_LOADING);
  rolo_client_get_contact_async (self->client, self->id, self->cancellable,
                                 contact_loaded_cb, g_object_ref (self));
}

void
rolo_contact_editor_emit_saved (RoloContactEditor *self,
                                RoloContact       *saved,
                                gboolean           created)
{
  g_signal_emit (self, signals[SAVED], 0, saved, created);
}

void
rolo_contact_editor_emit_delete (RoloContactEditor *self,
                                 RoloContact       *contact)
{
  g_signal_emit (self, signals[DELETE], 0, contact);
}

/* --- construction ---------------------------------------------------------- */

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
      g_value_set_string (value, state_names[self->state]);
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

  for (int i = 0; i < ROLO_N_FIELDS; i++)
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

  object_class->get_property = rolo_contact_editor_get_property;
  object_class->dispose = rolo_contact_editor_dispose;
  object_class->finalize = rolo_contact_editor_finalize;

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
  gtk_widget_class_bind_template_callback (widget_class, revealer_child_revealed_cb);

  rolo_contact_editor_class_add_fields (widget_class);
  rolo_contact_editor_class_add_tags (widget_class);
  rolo_contact_editor_class_add_actions (widget_class);
  rolo_contact_editor_class_add_duplicate (widget_class);
}

static void
rolo_contact_editor_init (RoloContactEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rolo_toolbar_adopt (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->state = EDITOR_EDITING;
  rolo_contact_editor_show_page (self);

  rolo_contact_editor_init_fields (self);
  rolo_contact_editor_init_tags (self);

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

  return state_names[self->state];
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

  field = rolo_field_for_api (api_field);
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

  field = rolo_field_for_api (api_field);
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

void
rolo_contact_editor_set_offline (RoloContactEditor *self,
                                 gboolean           offline)
{
  g_return_if_fail (ROLO_IS_CONTACT_EDITOR (self));

  if (self->offline == !!offline)
    return;

  self->offline = !!offline;
  rolo_contact_editor_refresh (self);
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
      !(self->state == EDITOR_LOADING || self->state == EDITOR_ERROR))
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
