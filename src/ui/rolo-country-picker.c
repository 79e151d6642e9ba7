/* rolo-country-picker.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-country.h"
#include "rolo-country-picker.h"
#include "rolo-bidi.h"
#include "rolo-focus.h"

struct _RoloCountryPicker
{
  GtkWidget           parent_instance;

  GtkMenuButton      *button;
  GtkPopover         *popover;
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;

  GtkFilterListModel *countries;
  GtkCustomFilter    *filter;
  char               *search;
  int                 country_id;
};

G_DEFINE_FINAL_TYPE (RoloCountryPicker, rolo_country_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COUNTRY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  RoloCountryPicker *self = user_data;

  return rolo_country_matches (ROLO_COUNTRY (item), self->search);
}

static void
update_button (RoloCountryPicker *self)
{
  RoloCountry *country = rolo_country_lookup_id (self->country_id);
  g_autofree char *label = NULL;

  if (country != NULL)
    {
      label = g_strdup_printf ("%s %s", rolo_country_get_code (country),
                               rolo_country_get_dialing_prefix (country));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), rolo_country_get_name (country));
    }
  else
    {
      label = g_strdup (_("Country"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Country of the Number"));
    }
  gtk_menu_button_set_label (self->button, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.clear", self->country_id != 0);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *prefix = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (prefix, "dim-label");
  gtk_widget_add_css_class (prefix, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), prefix);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  RoloCountry *country = gtk_list_item_get_item (item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *prefix = gtk_widget_get_next_sibling (name);
  g_autofree char *dialled = rolo_bidi_isolate_ltr (rolo_country_get_dialing_prefix (country));

  gtk_label_set_label (GTK_LABEL (name), rolo_country_get_name (country));
  gtk_label_set_label (GTK_LABEL (prefix), dialled);
}

static void
list_activate_cb (RoloCountryPicker *self,
                  guint              position,
                  GtkListView       *view)
{
  g_autoptr(RoloCountry) country = g_list_model_get_item (G_LIST_MODEL (self->countries),
                                                          position);

  if (country == NULL)
    return;

  rolo_country_picker_set_country_id (self, rolo_country_get_id (country));
  gtk_popover_popdown (self->popover);
}

/* Enter takes the first match. */
static void
search_activate_cb (RoloCountryPicker *self,
                    GtkSearchEntry    *entry)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->countries)) > 0)
    list_activate_cb (self, 0, self->list_view);
}

static void
search_changed_cb (RoloCountryPicker *self,
                   GtkSearchEntry    *entry)
{
  g_free (self->search);
  self->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
popover_show_cb (RoloCountryPicker *self,
                 GtkPopover        *popover)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RoloCountryPicker *self = ROLO_COUNTRY_PICKER (widget);

  rolo_country_picker_set_country_id (self, 0);
  gtk_popover_popdown (self->popover);
}

static void
rolo_country_picker_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RoloCountryPicker *self = ROLO_COUNTRY_PICKER (object);

  switch (prop_id)
    {
    case PROP_COUNTRY_ID:
      g_value_set_int (value, self->country_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_country_picker_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RoloCountryPicker *self = ROLO_COUNTRY_PICKER (object);

  switch (prop_id)
    {
    case PROP_COUNTRY_ID:
      rolo_country_picker_set_country_id (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The button inside takes the focus. */
static gboolean
rolo_country_picker_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (ROLO_COUNTRY_PICKER (widget)->button));
}

static void
rolo_country_picker_dispose (GObject *object)
{
  RoloCountryPicker *self = ROLO_COUNTRY_PICKER (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROLO_TYPE_COUNTRY_PICKER);
  g_clear_object (&self->countries);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (rolo_country_picker_parent_class)->dispose (object);
}

static void
rolo_country_picker_finalize (GObject *object)
{
  RoloCountryPicker *self = ROLO_COUNTRY_PICKER (object);

  g_free (self->search);

  G_OBJECT_CLASS (rolo_country_picker_parent_class)->finalize (object);
}

static void
rolo_country_picker_class_init (RoloCountryPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rolo_country_picker_get_property;
  object_class->set_property = rolo_country_picker_set_property;
  object_class->dispose = rolo_country_picker_dispose;
  object_class->finalize = rolo_country_picker_finalize;

  properties[PROP_COUNTRY_ID] =
    g_param_spec_int ("country-id", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/rolo-country-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, RoloCountryPicker, button);
  gtk_widget_class_bind_template_child (widget_class, RoloCountryPicker, popover);
  gtk_widget_class_bind_template_child (widget_class, RoloCountryPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RoloCountryPicker, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);

  gtk_widget_class_install_action (widget_class, "picker.clear", NULL, clear_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  widget_class->grab_focus = rolo_country_picker_grab_focus;
}

static void
rolo_country_picker_init (RoloCountryPicker *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  rolo_focus_name_menu_button (self->button);
  rolo_focus_return_from_popover (self->popover, GTK_WIDGET (self->button));

  self->search = g_strdup ("");
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->countries = gtk_filter_list_model_new (g_object_ref (rolo_country_list_get_default ()),
                                               g_object_ref (GTK_FILTER (self->filter)));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->countries)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_button (self);
}

GtkWidget *
rolo_country_picker_new (void)
{
  return g_object_new (ROLO_TYPE_COUNTRY_PICKER, NULL);
}

int
rolo_country_picker_get_country_id (RoloCountryPicker *self)
{
  g_return_val_if_fail (ROLO_IS_COUNTRY_PICKER (self), 0);

  return self->country_id;
}

void
rolo_country_picker_set_country_id (RoloCountryPicker *self,
                                    int                country_id)
{
  g_return_if_fail (ROLO_IS_COUNTRY_PICKER (self));
  g_return_if_fail (country_id >= 0);

  if (self->country_id == country_id)
    return;

  self->country_id = country_id;
  update_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY_ID]);
}
