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
  AdwPreferencesPage  parent_instance;

  RoloSwitchRow      *email_notify_row;
  RoloSwitchRow      *sms_notify_row;
  RoloSwitchRow      *whatsapp_notify_row;

  GSettings          *settings;
};

G_DEFINE_FINAL_TYPE (RoloContactsPage, rolo_contacts_page, ADW_TYPE_PREFERENCES_PAGE)

static void
rolo_contacts_page_dispose (GObject *object)
{
  RoloContactsPage *self = ROLO_CONTACTS_PAGE (object);

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
}

static void
rolo_contacts_page_init (RoloContactsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

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
