/* rolo-offline-banner.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-offline-banner.h"

/* libadwaita 1.3 has the banner itself; before, the template's strip (a
 * revealer with the same words and button) stands in for it. */
#define HAS_ADW_BANNER ADW_CHECK_VERSION (1, 3, 0)

struct _RoloOfflineBanner
{
  AdwBin           parent_instance;

#if HAS_ADW_BANNER
  AdwBanner       *banner;
#else
  GtkRevealer     *revealer;
  GtkLabel        *label;
#endif

  RoloContactList *contacts;
  char            *text;       /* NULL while hidden */
};

G_DEFINE_FINAL_TYPE (RoloOfflineBanner, rolo_offline_banner, ADW_TYPE_BIN)

/* The time alone today, else the date too, as the locale writes them. */
static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  int year, month, day, now_year, now_month, now_day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_time_get_ymd (now, &now_year, &now_month, &now_day);
  if (year == now_year && month == now_month && day == now_day)
    return g_date_time_format (local, "%R");
  return g_date_time_format (local, "%x %R");
}

static char *
dup_text (RoloContactList *contacts)
{
  GDateTime *since = rolo_contact_list_get_offline_since (contacts);
  GDateTime *cached = rolo_contact_list_get_cached_since (contacts);
  g_autofree char *since_text = format_time (since);

  if (cached != NULL)
    {
      g_autofree char *cached_text = format_time (cached);

      /* Translators: the first %s is when Rolo lost the server (e.g. "10:42"),
       * the second when the rows shown were fetched (a time, or a date and
       * a time). */
      return g_strdup_printf (_("Offline since %s — showing contacts saved at %s. Changes "
                                "wait until the server answers again."),
                              since_text, cached_text);
    }

  /* Translators: %s is when Rolo lost the server, e.g. "10:42". */
  return g_strdup_printf (_("Offline since %s — showing the contacts loaded before. Changes "
                            "wait until the server answers again."), since_text);
}

static void
rolo_offline_banner_update (RoloOfflineBanner *self)
{
  gboolean shown = self->contacts != NULL && rolo_contact_list_get_offline (self->contacts) &&
                   rolo_contact_list_get_loaded (self->contacts) &&
                   rolo_contact_list_get_offline_since (self->contacts) != NULL;

  g_clear_pointer (&self->text, g_free);
  if (shown)
    self->text = dup_text (self->contacts);

#if HAS_ADW_BANNER
  if (shown)
    {
      /* The banner's title is markup. */
      g_autofree char *escaped = g_markup_escape_text (self->text, -1);

      adw_banner_set_title (self->banner, escaped);
    }
  adw_banner_set_revealed (self->banner, shown);
#else
  if (shown)
    gtk_label_set_label (self->label, self->text);
  gtk_revealer_set_reveal_child (self->revealer, shown);
#endif
}

static void
rolo_offline_banner_dispose (GObject *object)
{
  RoloOfflineBanner *self = ROLO_OFFLINE_BANNER (object);

  /* AdwBin lets go of the child: the banner, or the template's revealer. */
  rolo_offline_banner_set_contacts (self, NULL);

  G_OBJECT_CLASS (rolo_offline_banner_parent_class)->dispose (object);
}

static void
rolo_offline_banner_finalize (GObject *object)
{
  RoloOfflineBanner *self = ROLO_OFFLINE_BANNER (object);

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (rolo_offline_banner_parent_class)->finalize (object);
}

static void
rolo_offline_banner_class_init (RoloOfflineBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rolo_offline_banner_dispose;
  object_class->finalize = rolo_offline_banner_finalize;

#if !HAS_ADW_BANNER
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rolo_app/Rolo/rolo-offline-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, RoloOfflineBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, RoloOfflineBanner, label);
#endif
  gtk_widget_class_set_css_name (widget_class, "offlinebanner");
}

static void
rolo_offline_banner_init (RoloOfflineBanner *self)
{
#if HAS_ADW_BANNER
  self->banner = ADW_BANNER (adw_banner_new (""));
  adw_banner_set_button_label (self->banner, _("Retry _Now"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->banner), "win.retry-now");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->banner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Offline"), -1);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->banner));
#else
  gtk_widget_init_template (GTK_WIDGET (self));
#endif
}

void
rolo_offline_banner_set_contacts (RoloOfflineBanner *self,
                                  RoloContactList   *contacts)
{
  static const char * const signals[] = {
    "notify::offline", "notify::offline-since", "notify::cached-since", "notify::loaded",
  };

  g_return_if_fail (ROLO_IS_OFFLINE_BANNER (self));
  g_return_if_fail (contacts == NULL || ROLO_IS_CONTACT_LIST (contacts));

  if (self->contacts == contacts)
    return;

  if (self->contacts != NULL)
    g_signal_handlers_disconnect_by_data (self->contacts, self);
  g_set_object (&self->contacts, contacts);
  for (guint i = 0; contacts != NULL && i < G_N_ELEMENTS (signals); i++)
    g_signal_connect_object (contacts, signals[i], G_CALLBACK (rolo_offline_banner_update),
                             self, G_CONNECT_SWAPPED);
  rolo_offline_banner_update (self);
}

const char *
rolo_offline_banner_get_text (RoloOfflineBanner *self)
{
  g_return_val_if_fail (ROLO_IS_OFFLINE_BANNER (self), NULL);

  return self->text;
}
