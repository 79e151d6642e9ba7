/* rolo-bulk-editor.c: the "Edit N Contacts" dialog
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-bulk-editor.h"
#include "rolo-business-picker.h"
#include "rolo-client-error.h"
#include "rolo-country-picker.h"
#include "rolo-error-text.h"
#include "rolo-toolbar.h"

/* The rows, in the order they show. */
typedef enum
{
  ROW_TYPE,
  ROW_PARENT,
  ROW_COUNTRY,
  ROW_EMAIL,
  ROW_SMS,
  ROW_WHATSAPP,
  ROW_TAGS,
  ROW_ADDRESS,
  ROW_NOTES,
  N_ROWS
} Row;

struct _RoloBulkEditor
{
  AdwWindow          parent_instance;

  GtkWidget         *apply_button;
  GtkWidget         *cancel_button;
  GtkStack          *stack;
  GtkLabel          *error_label;
  AdwPreferencesGroup *contact_group;
  AdwPreferencesGroup *notify_group;
  AdwPreferencesGroup *more_group;
  AdwStatusPage     *progress_page;
  GtkProgressBar    *progress_bar;
  GtkLabel          *report_title;
  GtkLabel          *report_description;
  GtkListBox        *counts_list;
  GtkWidget         *failed_heading;
  GtkListBox        *failed_list;
  GtkWidget         *retry_button;

  GtkCheckButton    *ticks[N_ROWS];
  GtkWidget         *values[N_ROWS];  /* what each row sets */
  GtkWidget         *tag_mode;        /* a GtkDropDown beside values[ROW_TAGS] */

  RoloClient        *client;
  RoloTagNames      *tag_names;
  GPtrArray         *contacts;
  RoloBulkEdit      *edit;            /* once applied */
  GCancellable      *cancellable;     /* of the run */
  gboolean           stopped;
  gboolean           done_emitted;
};

G_DEFINE_FINAL_TYPE (RoloBulkEditor, rolo_bulk_editor, ADW_TYPE_WINDOW)

enum {
  APPLIED,
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What each row is called and which property of its value says a change.
 * The words have a context of their own: "Business" is the business a
 * person works for, "Email" whether they get emails. */
#define ROW_CONTEXT "bulk edit field"

static const struct
{
  const char       *title;
  const char       *tick_label;
  const char       *property;
  RoloChangeFields  field;
} rows[N_ROWS] = {
  [ROW_TYPE] = { NC_("bulk edit field", "Type"), NC_("bulk edit field", "Change Type"),
                 "selected", ROLO_CHANGE_CONTACT_TYPE },
  /* Translators: the business the selected people work for. */
  [ROW_PARENT] = { NC_("bulk edit field", "Business"), NC_("bulk edit field", "Change Business"),
                   "business-id", ROLO_CHANGE_PARENT },
  [ROW_COUNTRY] = { NC_("bulk edit field", "Mobile Country"),
                    NC_("bulk edit field", "Change Mobile Country"), "country-id",
                    ROLO_CHANGE_MOBILE_COUNTRY },
  /* Translators: whether the selected contacts get notifications by email. */
  [ROW_EMAIL] = { NC_("bulk edit field", "Email"), NC_("bulk edit field", "Change Email"),
                  "active", ROLO_CHANGE_EMAIL_NOTIFY },
  [ROW_SMS] = { NC_("bulk edit field", "SMS"), NC_("bulk edit field", "Change SMS"), "active",
                ROLO_CHANGE_SMS_NOTIFY },
  [ROW_WHATSAPP] = { NC_("bulk edit field", "WhatsApp"), NC_("bulk edit field", "Change WhatsApp"),
                     "active", ROLO_CHANGE_WHATSAPP_NOTIFY },
  [ROW_TAGS] = { NC_("bulk edit field", "Tags"), NC_("bulk edit field", "Change Tags"), "text",
                 ROLO_CHANGE_TAGS },
  [ROW_ADDRESS] = { NC_("bulk edit field", "Address"), NC_("bulk edit field", "Change Address"),
                    "text", ROLO_CHANGE_ADDRESS },
  [ROW_NOTES] = { NC_("bulk edit field", "Notes"), NC_("bulk edit field", "Change Notes"),
                  "text", ROLO_CHANGE_NOTES },
};

static void
tick_cb (GtkCheckButton *tick)
{
  gtk_check_button_set_active (tick, TRUE);
}

static void
rolo_bulk_editor_hide_error (RoloBulkEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static GtkWidget *
value_new (RoloBulkEditor *self,
           Row             row)
{
  const char * const types[] = { C_("contact type", "Individual"), C_("contact type", "Business"),
                                 NULL };
  GtkWidget *value;

  switch (row)
    {
    case ROW_TYPE:
      return gtk_drop_down_new_from_strings (types);
    case ROW_PARENT:
      value = rolo_business_picker_new ();
      rolo_business_picker_set_client (ROLO_BUSINESS_PICKER (value), self->client);
      return value;
    case ROW_COUNTRY:
      return rolo_country_picker_new ();
    case ROW_EMAIL:
    case ROW_SMS:
    case ROW_WHATSAPP:
      value = gtk_switch_new ();
      gtk_switch_set_active (GTK_SWITCH (value), TRUE);
      return value;
    case ROW_TAGS:
    case ROW_ADDRESS:
    case ROW_NOTES:
      value = gtk_entry_new ();
      gtk_entry_set_activates_default (GTK_ENTRY (value), TRUE);
      gtk_widget_set_hexpand (value, TRUE);
      if (row == ROW_TAGS)
        gtk_entry_set_placeholder_text (GTK_ENTRY (value), _("Names or numbers, with commas"));
      return value;
    case N_ROWS:
    default:
      g_assert_not_reached ();
    }
}

/* A tick, the field's name and its value; the value is usable only ticked,
 * and changing it ticks the row. */
static void
rolo_bulk_editor_add_row (RoloBulkEditor      *self,
                          AdwPreferencesGroup *group,
                          Row                  row)
{
  GtkWidget *action_row = adw_action_row_new ();
  GtkWidget *tick = gtk_check_button_new ();
  GtkWidget *value = value_new (self, row);
  GtkWidget *suffix = value;
  g_autofree char *signal = g_strconcat ("notify::", rows[row].property, NULL);

  const char *title = g_dpgettext2 (GETTEXT_PACKAGE, ROW_CONTEXT, rows[row].title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (tick), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_dpgettext2 (GETTEXT_PACKAGE, ROW_CONTEXT,
                                                rows[row].tick_label), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  gtk_widget_set_valign (tick, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (value, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (action_row), tick);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (action_row), tick);

  if (row == ROW_TAGS)
    {
      const char * const modes[] = { _("Add These"), _("Remove These"), _("Replace With"),
                                     NULL };

      self->tag_mode = gtk_drop_down_new_from_strings (modes);
      gtk_widget_set_valign (self->tag_mode, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->tag_mode),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag Change"), -1);
      suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (suffix), self->tag_mode);
      gtk_box_append (GTK_BOX (suffix), value);
      g_object_bind_property (tick, "active", self->tag_mode, "sensitive",
                              G_BINDING_SYNC_CREATE);
      g_signal_connect_object (self->tag_mode, "notify::selected", G_CALLBACK (tick_cb), tick,
                               G_CONNECT_SWAPPED);
    }
  if (row == ROW_TAGS || row == ROW_ADDRESS || row == ROW_NOTES)
    gtk_widget_set_size_request (value, 200, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), suffix);

  g_object_bind_property (tick, "active", value, "sensitive", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (value, signal, G_CALLBACK (tick_cb), tick, G_CONNECT_SWAPPED);
  g_signal_connect_object (tick, "notify::active", G_CALLBACK (rolo_bulk_editor_hide_error),
                           self, G_CONNECT_SWAPPED);

  self->ticks[row] = GTK_CHECK_BUTTON (tick);
  self->values[row] = value;
  adw_preferences_group_add (group, action_row);
}

static gboolean
is_ticked (RoloBulkEditor *self,
           Row             row)
{
  return gtk_check_button_get_active (self->ticks[row]);
}

static const char *
entry_text (RoloBulkEditor *self,
            Row             row)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->values[row]));
}

/* The tags typed, by number or by a name given in Preferences. */
static GArray *
parse_tags (RoloBulkEditor  *self,
            GError         **error)
{
  g_auto(GStrv) parts = g_strsplit (entry_text (self, ROW_TAGS), ",", -1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *text = g_strstrip (parts[i]);
      gint64 id = 0;

      if (*text == '\0')
        continue;
      if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
        id = self->tag_names != NULL ? rolo_tag_names_find (self->tag_names, text) : 0;
      if (id == 0)
        {
          /* Translators: %s is what the user typed */
          g_set_error (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_INVALID_INPUT,
                       _("No tag is named “%s”. Enter its number, or give it a name in "
                         "Preferences."), text);
          return NULL;
        }
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static gboolean
switch_value (RoloBulkEditor *self,
              Row             row)
{
  return gtk_switch_get_active (GTK_SWITCH (self->values[row]));
}

/* The change of the ticked rows only: the others are never sent. */
static RoloContactChange *
rolo_bulk_editor_build_change (RoloBulkEditor  *self,
                               GError         **error)
{
  g_autoptr(RoloContactChange) change = rolo_contact_change_new ();

  if (is_ticked (self, ROW_TYPE))
    {
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->values[ROW_TYPE]));

      rolo_contact_change_set_contact_type (change, selected == 1
                                                      ? ROLO_CONTACT_TYPE_BUSINESS
                                                      : ROLO_CONTACT_TYPE_INDIVIDUAL);
    }
  if (is_ticked (self, ROW_PARENT))
    {
      RoloBusinessPicker *picker = ROLO_BUSINESS_PICKER (self->values[ROW_PARENT]);

      rolo_contact_change_set_parent_id (change, rolo_business_picker_get_business_id (picker));
    }
  if (is_ticked (self, ROW_COUNTRY))
    {
      RoloCountryPicker *picker = ROLO_COUNTRY_PICKER (self->values[ROW_COUNTRY]);

      rolo_contact_change_set_mobile_country_id (change,
                                                 rolo_country_picker_get_country_id (picker));
    }
  if (is_ticked (self, ROW_EMAIL))
    rolo_contact_change_set_email_notify (change, switch_value (self, ROW_EMAIL));
  if (is_ticked (self, ROW_SMS))
    rolo_contact_change_set_sms_notify (change, switch_value (self, ROW_SMS));
  if (is_ticked (self, ROW_WHATSAPP))
    rolo_contact_change_set_whatsapp_notify (change, switch_value (self, ROW_WHATSAPP));
  if (is_ticked (self, ROW_TAGS))
    {
      g_autoptr(GArray) ids = parse_tags (self, error);

      if (ids == NULL)
        return NULL;
      rolo_contact_change_set_tags (change,
                                    gtk_drop_down_get_selected (GTK_DROP_DOWN (self->tag_mode)),
                                    (const gint64 *) (gconstpointer) ids->data, ids->len);
    }
  if (is_ticked (self, ROW_ADDRESS))
    rolo_contact_change_set_address (change, entry_text (self, ROW_ADDRESS));
  if (is_ticked (self, ROW_NOTES))
    rolo_contact_change_set_notes (change, entry_text (self, ROW_NOTES));

  if (!rolo_contact_change_validate (change, self->contacts, error))
    return NULL;
  return g_steal_pointer (&change);
}

static void
rolo_bulk_editor_show_error (RoloBulkEditor *self,
                             const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
update_progress (RoloBulkEditor *self)
{
  guint n_done = rolo_bulk_edit_get_n_done (self->edit);
  guint n_to_do = rolo_bulk_edit_get_n_to_do (self->edit);
  g_autofree char *text = NULL;

  /* Translators: the progress of a bulk edit, e.g. "3 of 40" */
  text = g_strdup_printf (_("%'u of %'u"), n_done, n_to_do);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 n_to_do > 0 ? (double) n_done / n_to_do : 0.0);
}

/* A 422 says what the server refused; other failures get the shared words. */
static char *
failure_text (const GError *error)
{
  GHashTable *fields = rolo_client_error_get_field_errors (error);
  g_autoptr(GString) text = NULL;
  GHashTableIter iter;
  gpointer messages;

  if (error->domain != ROLO_CLIENT_ERROR)
    return g_strdup (error->message);
  if (fields == NULL || g_hash_table_size (fields) == 0)
    return error->code == ROLO_CLIENT_ERROR_VALIDATION
             ? g_strdup (error->message) : rolo_error_text_description (error);

  text = g_string_new (NULL);
  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, NULL, &messages))
    for (const char * const *m = messages; *m != NULL; m++)
      g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", *m);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_count_row (RoloBulkEditor *self,
               const char     *title,
               guint           count)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *number = g_strdup_printf ("%u", count);
  GtkWidget *label = gtk_label_new (number);

  gtk_widget_add_css_class (label, "numeric");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_list_box_append (self->counts_list, row);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
rolo_bulk_editor_show_report (RoloBulkEditor *self)
{
  g_autoptr(GPtrArray) failed = rolo_bulk_edit_list (self->edit, ROLO_BULK_EDIT_FAILED);
  guint n_not_done = rolo_bulk_edit_count (self->edit, ROLO_BULK_EDIT_NOT_DONE);

  gtk_label_set_text (self->report_title, self->stopped && n_not_done > 0
                                            ? _("Stopped")
                                            : _("Some Contacts Could Not Be Changed"));
  gtk_label_set_text (self->report_description,
                      failed->len > 0
                        ? _("Retry them, or close and change them one by one.")
                        : _("Contacts already on their way were finished; the others were "
                            "left as they were."));
  clear_list (self->counts_list);
  add_count_row (self, _("Changed"), rolo_bulk_edit_count (self->edit, ROLO_BULK_EDIT_CHANGED));
  add_count_row (self, _("Already as Asked"),
                 rolo_bulk_edit_count (self->edit, ROLO_BULK_EDIT_UNCHANGED));
  add_count_row (self, _("Failed"), failed->len);
  add_count_row (self, _("Not Done"), n_not_done);

  clear_list (self->failed_list);
  for (guint i = 0; i < failed->len; i++)
    {
      RoloContact *contact = g_ptr_array_index (failed, i);
      g_autofree char *reason = failure_text (rolo_bulk_edit_get_error (self->edit, contact));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rolo_contact_get_name (contact));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
      gtk_list_box_append (self->failed_list, row);
    }
  gtk_widget_set_visible (self->failed_heading, failed->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->failed_list), failed->len > 0);
  /* Nothing failed, only stopped: going on is not retrying. */
  gtk_button_set_label (GTK_BUTTON (self->retry_button),
                        failed->len > 0 ? _("_Retry Failed") : _("_Continue"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bulk.retry", failed->len + n_not_done > 0);
  gtk_stack_set_visible_child_name (self->stack, "report");
  gtk_widget_grab_focus (failed->len + n_not_done > 0 ? self->retry_button
                                                      : GTK_WIDGET (self->report_title));
}

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RoloBulkEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  gboolean ok = rolo_bulk_edit_apply_finish (ROLO_BULK_EDIT (source), result, &error);

  /* Destroyed meanwhile (with its main window): nothing left to show. */
  if (self->edit == NULL)
    return;
  if (!ok && g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_INVALID_INPUT))
    {
      gtk_stack_set_visible_child_name (self->stack, "form");
      rolo_bulk_editor_show_error (self, error->message);
      return;
    }
  g_clear_object (&self->cancellable);
  g_signal_emit (self, signals[APPLIED], 0);

  if (!self->stopped && rolo_bulk_edit_count (self->edit, ROLO_BULK_EDIT_FAILED) == 0 &&
      rolo_bulk_edit_count (self->edit, ROLO_BULK_EDIT_NOT_DONE) == 0)
    gtk_window_close (GTK_WINDOW (self));
  else
    rolo_bulk_editor_show_report (self);
}

static void
rolo_bulk_editor_run (RoloBulkEditor *self)
{
  self->stopped = FALSE;
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (self->apply_button, FALSE);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  update_progress (self);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bulk.stop", TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->progress_bar));
  rolo_bulk_edit_apply_async (self->edit, self->cancellable, applied_cb, g_object_ref (self));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RoloBulkEditor *self = ROLO_BULK_EDITOR (widget);
  g_autoptr(RoloContactChange) change = NULL;
  g_autoptr(GError) error = NULL;

  if (self->edit != NULL)
    return;
  change = rolo_bulk_editor_build_change (self, &error);
  if (change == NULL)
    {
      rolo_bulk_editor_show_error (self, error->message);
      return;
    }
  self->edit = rolo_bulk_edit_new (self->client, change, self->contacts);
  g_signal_connect_object (self->edit, "notify::n-done", G_CALLBACK (update_progress), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit, "notify::n-to-do", G_CALLBACK (update_progress), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (widget, "bulk.apply", FALSE);
  rolo_bulk_editor_run (self);
}

/* The contacts in flight finish; the report then says where each stands. */
static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RoloBulkEditor *self = ROLO_BULK_EDITOR (widget);

  if (self->cancellable == NULL)
    return;
  self->stopped = TRUE;
  gtk_widget_action_set_enabled (widget, "bulk.stop", FALSE);
  g_cancellable_cancel (self->cancellable);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RoloBulkEditor *self = ROLO_BULK_EDITOR (widget);

  if (self->edit != NULL && self->cancellable == NULL)
    rolo_bulk_editor_run (self);
}

/* While it runs, closing stops it (and the report shows); afterwards the
 * window offers Undo. */
static gboolean
rolo_bulk_editor_close_request (GtkWindow *window)
{
  RoloBulkEditor *self = ROLO_BULK_EDITOR (window);

  if (self->cancellable != NULL)
    {
      stop_action (GTK_WIDGET (self), NULL, NULL);
      return TRUE;
    }
  if (self->edit != NULL && !self->done_emitted)
    {
      self->done_emitted = TRUE;
      g_signal_emit (self, signals[DONE], 0, self->edit);
    }
  return GTK_WINDOW_CLASS (rolo_bulk_editor_parent_class)->close_request (window);
}

static void
rolo_bulk_editor_dispose (GObject *object)
{
  RoloBulkEditor *self = ROLO_BULK_EDITOR (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->edit);
  g_clear_object (&self->client);
  g_clear_object (&self->tag_names);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  G_OBJECT_CLASS (rolo_bulk_editor_parent_class)->dispose (object);
}

static void
rolo_bulk_editor_class_init (RoloBulkEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rolo_bulk_editor_dispose;
  window_class->close_request = rolo_bulk_editor_close_request;

  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, ROLO_TYPE_BULK_EDIT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rolo_app/Rolo/rolo-bulk-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RoloBulkEditor, apply_button);
  gtk_widget_class_bind_template_child (widget_class, RoloBulkEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RoloBulkEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, RoloBulkEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, RoloBulkEditor, contact_group);
  gtk_widget_class_bind_template_child (widget_class, RoloBulkEditor, notify_group);
  gtk_widget_class_bind_template_child (widget_class, RoloBulkEditor, more_group);
  gtk_widget_class_bind_template_child (widget_class, RoloBulkEditor, progress_page);
  gtk_widget_class_bind_template_child (widget_class, RoloBulkEditor, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RoloBulkEditor, report_title);
  gtk_widget_class_bind_template_child (widget_class, RoloBulkEditor, report_description);
  gtk_widget_class_bind_template_child (widget_class, RoloBulkEditor, counts_list);
  gtk_widget_class_bind_template_child (widget_class, RoloBulkEditor, failed_heading);
  gtk_widget_class_bind_template_child (widget_class, RoloBulkEditor, failed_list);
  gtk_widget_class_bind_template_child (widget_class, RoloBulkEditor, retry_button);

  gtk_widget_class_install_action (widget_class, "bulk.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "bulk.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "bulk.retry", NULL, retry_action);
}

static void
rolo_bulk_editor_init (RoloBulkEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rolo_toolbar_adopt (GTK_WIDGET (self));
}

RoloBulkEditor *
rolo_bulk_editor_new (RoloClient   *client,
                      RoloTagNames *tag_names,
                      GPtrArray    *contacts)
{
  RoloBulkEditor *self;
  g_autofree char *title = NULL;
  g_autofree char *apply = NULL;
  g_autofree char *changing = NULL;

  g_return_val_if_fail (ROLO_IS_CLIENT (client), NULL);
  g_return_val_if_fail (contacts != NULL, NULL);

  self = g_object_new (ROLO_TYPE_BULK_EDITOR, NULL);
  self->client = g_object_ref (client);
  g_set_object (&self->tag_names, tag_names);
  self->contacts = g_ptr_array_ref (contacts);

  for (Row row = ROW_TYPE; row <= ROW_COUNTRY; row++)
    rolo_bulk_editor_add_row (self, self->contact_group, row);
  for (Row row = ROW_EMAIL; row <= ROW_WHATSAPP; row++)
    rolo_bulk_editor_add_row (self, self->notify_group, row);
  for (Row row = ROW_TAGS; row < N_ROWS; row++)
    rolo_bulk_editor_add_row (self, self->more_group, row);

  /* Translators: the bulk edit dialog's title */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Edit %'u Contact", "Edit %'u Contacts",
                                        contacts->len), contacts->len);
  gtk_window_set_title (GTK_WINDOW (self), title);
  /* Translators: the bulk edit dialog's Apply button */
  apply = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Change %'u Contact",
                                        "_Change %'u Contacts", contacts->len), contacts->len);
  gtk_button_set_label (GTK_BUTTON (self->apply_button), apply);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->apply_button);
  /* Translators: shown while a bulk edit runs */
  changing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Changing %'u Contact…",
                                           "Changing %'u Contacts…", contacts->len),
                              contacts->len);
  adw_status_page_set_title (self->progress_page, changing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bulk.stop", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bulk.retry", FALSE);
  return self;
}
