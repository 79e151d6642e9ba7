/* rolo-contacts-page.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-application.h"
#include "rolo-contacts-page.h"
#include "rolo-switch-row.h"

struct _RoloContactsPage
{
  AdwPreferencesPage   parent_instance;

  RoloSwitchRow       *email_notify_row;
  RoloSwitchRow       *sms_notify_row;
  RoloSwitchRow       *whatsapp_notify_row;
  AdwPreferencesGroup *tags_group;
  GtkListBox          *tags_list;
  GtkWidget           *add_box;
  GtkSpinButton       *add_number;
  GtkEntry            *add_name;
  GtkWidget           *add_button;
  GtkLabel            *add_error;
  GtkWidget           *placeholder;

  GSettings           *settings;
  RoloTagNames        *tag_names;
};

G_DEFINE_FINAL_TYPE (RoloContactsPage, rolo_contacts_page, ADW_TYPE_PREFERENCES_PAGE)

#define ROW_TAG_ID "rolo-tag-id"

static gint64
row_tag_id (GtkWidget *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), ROW_TAG_ID);

  return id != NULL ? *id : 0;
}

static void
show_error (RoloContactsPage *self,
            const char       *message)
{
  gtk_label_set_text (self->add_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->add_error), message != NULL);
}

static void
show_name_taken (RoloContactsPage *self,
                 const char       *name)
{
  gint64 other = rolo_tag_names_find (self->tag_names, name);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, other);
  g_autofree char *message = NULL;

  /* Translators: the first %s is a tag's number, the second its name */
  message = g_strdup_printf (_("Tag %s is named “%s” already. Give this one another name."),
                             number, rolo_tag_names_lookup (self->tag_names, other));
  show_error (self, message);
}

static void
row_apply_cb (AdwEntryRow      *row,
              RoloContactsPage *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (row));
  gint64 id = row_tag_id (GTK_WIDGET (row));

  if (self->tag_names == NULL || id == 0)
    return;

  if (rolo_tag_names_set (self->tag_names, id, name))
    show_error (self, NULL);
  else
    {
      /* The typing stays in the row, marked, until it is changed. */
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      show_name_taken (self, name);
    }
}

static void
row_changed_cb (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
}

static void
remove_clicked_cb (GtkWidget        *button,
                   RoloContactsPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ENTRY_ROW);

  if (self->tag_names != NULL && row != NULL)
    rolo_tag_names_set (self->tag_names, row_tag_id (row), NULL);
  show_error (self, NULL);
  /* The focus would go with the row. */
  gtk_widget_grab_focus (GTK_WIDGET (self->add_name));
}

static GtkWidget *
tag_row_new (RoloContactsPage *self,
             gint64            id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  /* Translators: %s is a tag's number; the row holds its name */
  g_autofree char *title = g_strdup_printf (_("Tag %s"), number);
  /* Translators: %s is a tag's number */
  g_autofree char *remove_label = g_strdup_printf (_("Remove the Name of Tag %s"), number);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_object_set_data_full (G_OBJECT (row), ROW_TAG_ID, g_memdup2 (&id, sizeof id), g_free);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), rolo_tag_names_lookup (self->tag_names, id));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_signal_connect (row, "apply", G_CALLBACK (row_apply_cb), self);
  g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), NULL);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  return row;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Rows for the named tags, by number; what is typed in a row and not yet
 * applied stays. */
static void
rolo_contacts_page_update_tags (RoloContactsPage *self)
{
  g_autoptr(GHashTable) typing = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, g_free);
  g_autoptr(GArray) ids = NULL;
  GtkWidget *focused_row = NULL;
  gint64 focused_id = 0;
  GtkWidget *child;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL && gtk_root_get_focus (root) != NULL)
    {
      focused_row = gtk_widget_get_ancestor (gtk_root_get_focus (root), ADW_TYPE_ENTRY_ROW);
      if (focused_row != NULL && gtk_widget_is_ancestor (focused_row, GTK_WIDGET (self->tags_list)))
        focused_id = row_tag_id (focused_row);
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_list))) != NULL)
    {
      gint64 id = row_tag_id (child);
      const char *text;

      if (id != 0)
        {
          text = gtk_editable_get_text (GTK_EDITABLE (child));
          if (self->tag_names == NULL ||
              g_strcmp0 (text, rolo_tag_names_lookup (self->tag_names, id)) != 0)
            g_hash_table_insert (typing, g_memdup2 (&id, sizeof id), g_strdup (text));
        }
      if (child == self->placeholder)
        {
          gtk_list_box_set_placeholder (self->tags_list, NULL);
          continue;
        }
      gtk_list_box_remove (self->tags_list, child);
    }
  gtk_list_box_set_placeholder (self->tags_list, self->placeholder);

  gtk_widget_set_sensitive (GTK_WIDGET (self->tags_group), self->tag_names != NULL);
  if (self->tag_names == NULL)
    return;

  ids = rolo_tag_names_match (self->tag_names, "", G_MAXUINT);
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      GtkWidget *row = tag_row_new (self, id);
      const char *text = g_hash_table_lookup (typing, &id);

      gtk_list_box_append (self->tags_list, row);
      if (text != NULL)
        gtk_editable_set_text (GTK_EDITABLE (row), text);
      if (id == focused_id)
        gtk_widget_grab_focus (row);
    }
}

static void
add_name_changed_cb (RoloContactsPage *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->add_name));
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  gtk_widget_set_sensitive (self->add_button, self->tag_names != NULL && *stripped != '\0');
  gtk_widget_remove_css_class (GTK_WIDGET (self->add_name), "error");
  show_error (self, NULL);
}

static void
add_clicked_cb (RoloContactsPage *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->add_name));
  gint64 id;

  if (self->tag_names == NULL || !gtk_widget_get_sensitive (self->add_button))
    return;

  gtk_spin_button_update (self->add_number);
  id = gtk_spin_button_get_value_as_int (self->add_number);
  if (!rolo_tag_names_set (self->tag_names, id, name))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->add_name), "error");
      show_name_taken (self, name);
      return;
    }

  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->add_name), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->add_number));
}

static void
add_name_activate_cb (RoloContactsPage *self)
{
  add_clicked_cb (self);
}

static void
rolo_contacts_page_dispose (GObject *object)
{
  RoloContactsPage *self = ROLO_CONTACTS_PAGE (object);

  rolo_contacts_page_set_tag_names (self, NULL);
  g_clear_object (&self->placeholder);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROLO_TYPE_CONTACTS_PAGE);

  G_OBJECT_CLASS (rolo_contacts_page_parent_class)->dispose (object);
}

static void
rolo_contacts_page_class_init (RoloContactsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rolo_contacts_page_dispose;

  g_type_ensure (ROLO_TYPE_SWITCH_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/rolo-contacts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RoloContactsPage, email_notify_row);
  gtk_widget_class_bind_template_child (widget_class, RoloContactsPage, sms_notify_row);
  gtk_widget_class_bind_template_child (widget_class, RoloContactsPage, whatsapp_notify_row);
  gtk_widget_class_bind_template_child (widget_class, RoloContactsPage, tags_group);
  gtk_widget_class_bind_template_child (widget_class, RoloContactsPage, tags_list);
  gtk_widget_class_bind_template_child (widget_class, RoloContactsPage, add_box);
  gtk_widget_class_bind_template_child (widget_class, RoloContactsPage, add_number);
  gtk_widget_class_bind_template_child (widget_class, RoloContactsPage, add_name);
  gtk_widget_class_bind_template_child (widget_class, RoloContactsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, RoloContactsPage, add_error);
  gtk_widget_class_bind_template_callback (widget_class, add_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_name_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
rolo_contacts_page_init (RoloContactsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->placeholder = g_object_ref_sink (gtk_label_new (_("No tag has a name yet.")));
  gtk_widget_add_css_class (self->placeholder, "dim-label");
  gtk_widget_set_margin_top (self->placeholder, 12);
  gtk_widget_set_margin_bottom (self->placeholder, 12);
  rolo_contacts_page_update_tags (self);

  self->settings = rolo_application_new_settings ();
  if (self->settings == NULL)
    {
      /* Nothing would be remembered: say so rather than pretend. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->email_notify_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->sms_notify_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->whatsapp_notify_row), FALSE);
      return;
    }

  g_settings_bind (self->settings, "new-contact-email-notify", self->email_notify_row, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "new-contact-sms-notify", self->sms_notify_row, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "new-contact-whatsapp-notify", self->whatsapp_notify_row,
                   "active", G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
rolo_contacts_page_new (void)
{
  return g_object_new (ROLO_TYPE_CONTACTS_PAGE, NULL);
}

/**
 * rolo_contacts_page_set_tag_names:
 * @names: (nullable): the tag names of the workspace in use; %NULL when no
 *   workspace is (the group is then insensitive)
 */
void
rolo_contacts_page_set_tag_names (RoloContactsPage *self,
                                  RoloTagNames     *names)
{
  g_return_if_fail (ROLO_IS_CONTACTS_PAGE (self));
  g_return_if_fail (names == NULL || ROLO_IS_TAG_NAMES (names));

  if (rolo_tag_names_watch (&self->tag_names, names, self,
                            G_CALLBACK (rolo_contacts_page_update_tags)) &&
      !gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      rolo_contacts_page_update_tags (self);
      add_name_changed_cb (self);
    }
}
