/* rolo-alert.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include "rolo-alert.h"

/* The one place that knows which of the two it is. */
#if ROLO_ALERT_HAS_ADW_DIALOG
# define ALERT(w)       ADW_ALERT_DIALOG (w)
# define IS_ALERT(w)    ADW_IS_ALERT_DIALOG (w)
# define ALERT_CALL(f)  adw_alert_dialog_##f
#else
# define ALERT(w)       ADW_MESSAGE_DIALOG (w)
# define IS_ALERT(w)    ADW_IS_MESSAGE_DIALOG (w)
# define ALERT_CALL(f)  adw_message_dialog_##f
#endif

/* Those presented and not yet gone, the newest last. */
static GPtrArray *presented;

GtkWidget *
rolo_alert_new (const char *heading,
                const char *body)
{
#if ROLO_ALERT_HAS_ADW_DIALOG
  return GTK_WIDGET (adw_alert_dialog_new (heading, body));
#else
  return adw_message_dialog_new (NULL, heading, body);
#endif
}

gboolean
rolo_alert_is_alert (GtkWidget *widget)
{
  return widget != NULL && IS_ALERT (widget);
}

const char *
rolo_alert_get_heading (GtkWidget *alert)
{
  g_return_val_if_fail (IS_ALERT (alert), NULL);

  return ALERT_CALL (get_heading) (ALERT (alert));
}

void
rolo_alert_set_heading (GtkWidget  *alert,
                        const char *heading)
{
  g_return_if_fail (IS_ALERT (alert));

  ALERT_CALL (set_heading) (ALERT (alert), heading);
}

const char *
rolo_alert_get_body (GtkWidget *alert)
{
  g_return_val_if_fail (IS_ALERT (alert), NULL);

  return ALERT_CALL (get_body) (ALERT (alert));
}

void
rolo_alert_set_body (GtkWidget  *alert,
                     const char *body)
{
  g_return_if_fail (IS_ALERT (alert));

  ALERT_CALL (set_body) (ALERT (alert), body);
}

void
rolo_alert_add_response (GtkWidget             *alert,
                         const char            *id,
                         const char            *label,
                         AdwResponseAppearance  appearance)
{
  g_return_if_fail (IS_ALERT (alert));

  ALERT_CALL (add_response) (ALERT (alert), id, label);
  ALERT_CALL (set_response_appearance) (ALERT (alert), id, appearance);
}

void
rolo_alert_add_choice (GtkWidget             *alert,
                       const char            *keep_id,
                       const char            *keep_label,
                       const char            *act_id,
                       const char            *act_label,
                       AdwResponseAppearance  appearance)
{
  g_return_if_fail (IS_ALERT (alert));

  rolo_alert_add_response (alert, keep_id, keep_label, ADW_RESPONSE_DEFAULT);
  rolo_alert_add_response (alert, act_id, act_label, appearance);
  rolo_alert_set_default_response (alert, keep_id);
  rolo_alert_set_close_response (alert, keep_id);
}

const char *
rolo_alert_get_response_label (GtkWidget  *alert,
                               const char *id)
{
  g_return_val_if_fail (IS_ALERT (alert), NULL);

  return ALERT_CALL (get_response_label) (ALERT (alert), id);
}

AdwResponseAppearance
rolo_alert_get_response_appearance (GtkWidget  *alert,
                                    const char *id)
{
  g_return_val_if_fail (IS_ALERT (alert), ADW_RESPONSE_DEFAULT);

  return ALERT_CALL (get_response_appearance) (ALERT (alert), id);
}

gboolean
rolo_alert_get_response_enabled (GtkWidget  *alert,
                                 const char *id)
{
  g_return_val_if_fail (IS_ALERT (alert), FALSE);

  return ALERT_CALL (get_response_enabled) (ALERT (alert), id);
}

void
rolo_alert_set_response_enabled (GtkWidget  *alert,
                                 const char *id,
                                 gboolean    enabled)
{
  g_return_if_fail (IS_ALERT (alert));

  ALERT_CALL (set_response_enabled) (ALERT (alert), id, enabled);
}

const char *
rolo_alert_get_default_response (GtkWidget *alert)
{
  g_return_val_if_fail (IS_ALERT (alert), NULL);

  return ALERT_CALL (get_default_response) (ALERT (alert));
}

void
rolo_alert_set_default_response (GtkWidget  *alert,
                                 const char *id)
{
  g_return_if_fail (IS_ALERT (alert));

  ALERT_CALL (set_default_response) (ALERT (alert), id);
}

void
rolo_alert_set_close_response (GtkWidget  *alert,
                               const char *id)
{
  g_return_if_fail (IS_ALERT (alert));

  ALERT_CALL (set_close_response) (ALERT (alert), id);
}

GtkWidget *
rolo_alert_get_extra_child (GtkWidget *alert)
{
  g_return_val_if_fail (IS_ALERT (alert), NULL);

  return ALERT_CALL (get_extra_child) (ALERT (alert));
}

void
rolo_alert_set_extra_child (GtkWidget *alert,
                            GtkWidget *child)
{
  g_return_if_fail (IS_ALERT (alert));

  ALERT_CALL (set_extra_child) (ALERT (alert), child);
}

static void
alert_gone_cb (gpointer  data,
               GObject  *where_the_object_was)
{
  g_ptr_array_remove (presented, where_the_object_was);
}

/* Over @parent's window, modal; what @alert answers is its "response". */
void
rolo_alert_present (GtkWidget *alert,
                    GtkWidget *parent)
{
  g_return_if_fail (IS_ALERT (alert));
  g_return_if_fail (GTK_IS_WIDGET (parent));

  if (presented == NULL)
    presented = g_ptr_array_new ();
  g_ptr_array_add (presented, alert);
  g_object_weak_ref (G_OBJECT (alert), alert_gone_cb, NULL);

#if ROLO_ALERT_HAS_ADW_DIALOG
  adw_dialog_present (ADW_DIALOG (alert), parent);
#else
  gtk_window_set_transient_for (GTK_WINDOW (alert), GTK_WINDOW (gtk_widget_get_root (parent)));
  gtk_window_set_modal (GTK_WINDOW (alert), TRUE);
  gtk_window_present (GTK_WINDOW (alert));
#endif
}

/* (nullable): the window the alert is over, once presented. */
GtkWindow *
rolo_alert_get_window (GtkWidget *alert)
{
  g_return_val_if_fail (IS_ALERT (alert), NULL);

#if ROLO_ALERT_HAS_ADW_DIALOG
  return GTK_WINDOW (gtk_widget_get_root (alert));
#else
  return gtk_window_get_transient_for (GTK_WINDOW (alert));
#endif
}

/* (nullable): the alert on screen, the newest when several are. */
GtkWidget *
rolo_alert_get_shown (void)
{
  for (guint i = presented != NULL ? presented->len : 0; i > 0; i--)
    {
      GtkWidget *alert = g_ptr_array_index (presented, i - 1);

#if ROLO_ALERT_HAS_ADW_DIALOG
      if (gtk_widget_get_mapped (alert))
#else
      if (gtk_widget_get_visible (alert))
#endif
        return alert;
    }

  return NULL;
}
