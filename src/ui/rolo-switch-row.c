/* rolo-switch-row.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include "rolo-switch-row.h"

struct _RoloSwitchRow
{
  AdwActionRow  parent_instance;

  GtkSwitch    *slider;
};

G_DEFINE_FINAL_TYPE (RoloSwitchRow, rolo_switch_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
slider_active_cb (RoloSwitchRow *self)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_CHECKED,
                               gtk_switch_get_active (self->slider), -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/* libadwaita 1.2 names only the activatable widget after the title; here
 * the row is what takes the focus. */
static void
title_changed_cb (RoloSwitchRow *self)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)),
                                  -1);
  if (subtitle != NULL && *subtitle != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
rolo_switch_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RoloSwitchRow *self = ROLO_SWITCH_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, rolo_switch_row_get_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_switch_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RoloSwitchRow *self = ROLO_SWITCH_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      rolo_switch_row_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_switch_row_class_init (RoloSwitchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rolo_switch_row_get_property;
  object_class->set_property = rolo_switch_row_set_property;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SWITCH);
}

static void
rolo_switch_row_init (RoloSwitchRow *self)
{
  self->slider = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->slider), GTK_ALIGN_CENTER);
  gtk_widget_set_can_focus (GTK_WIDGET (self->slider), FALSE);
  /* The row speaks for it: one switch for screen readers, not two. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->slider), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->slider));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->slider));
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_CHECKED, FALSE, -1);

  g_signal_connect_object (self->slider, "notify::active", G_CALLBACK (slider_active_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  g_signal_connect (self, "notify::subtitle", G_CALLBACK (title_changed_cb), NULL);
}

GtkWidget *
rolo_switch_row_new (void)
{
  return g_object_new (ROLO_TYPE_SWITCH_ROW, NULL);
}

gboolean
rolo_switch_row_get_active (RoloSwitchRow *self)
{
  g_return_val_if_fail (ROLO_IS_SWITCH_ROW (self), FALSE);

  return gtk_switch_get_active (self->slider);
}

void
rolo_switch_row_set_active (RoloSwitchRow *self,
                            gboolean       active)
{
  g_return_if_fail (ROLO_IS_SWITCH_ROW (self));

  gtk_switch_set_active (self->slider, !!active);
}
