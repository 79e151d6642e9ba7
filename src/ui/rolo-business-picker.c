/* rolo-business-picker.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-business-picker.h"
#include "rolo-contact-list.h"
#include "rolo-error-text.h"
#include "rolo-focus.h"

struct _RoloBusinessPicker
{
  GtkWidget        parent_instance;

  GtkMenuButton   *button;
  GtkPopover      *popover;
  GtkSearchEntry  *search_entry;
  GtkStack        *stack;
  GtkListView     *list_view;
  GtkLabel        *status_label;

  RoloClient      *client;
  RoloContactList *businesses;   /* made when first opened */
  gint64           business_id;
  char            *business_name;
  char            *business_detail;
};

G_DEFINE_FINAL_TYPE (RoloBusinessPicker, rolo_business_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSINESS_ID,
  PROP_BUSINESS_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
name_or_ellipsis (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  const char *name = g_value_get_string (from);

  g_value_set_string (to, name != NULL && name[0] != '\0' ? name : "…");
  return TRUE;
}

/* The second line of a row: what tells businesses of one name apart. */
static gboolean
describe_source (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_autoptr(GObject) source = g_binding_dup_source (binding);
  RoloContact *business = ROLO_CONTACT (source);

  if (business == NULL || rolo_contact_get_state (business) != ROLO_CONTACT_STATE_READY)
    g_value_set_string (to, "");
  else
    g_value_take_string (to, rolo_business_picker_describe (business));
  return TRUE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

/* Rows can be placeholders that fill in place: bind, not copy. */
static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  GObject *business = gtk_list_item_get_item (item);
  GBinding *name_binding, *detail_binding;

  name_binding = g_object_bind_property_full (business, "name", name, "label",
                                              G_BINDING_SYNC_CREATE, name_or_ellipsis,
                                              NULL, NULL, NULL);
  /* The state changes last when a placeholder fills in. */
  detail_binding = g_object_bind_property_full (business, "state", detail, "label",
                                                G_BINDING_SYNC_CREATE, describe_source,
                                                NULL, NULL, NULL);
  g_object_set_data (G_OBJECT (item), "rolo-binding", name_binding);
  g_object_set_data (G_OBJECT (item), "rolo-detail-binding", detail_binding);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  const char * const keys[] = { "rolo-binding", "rolo-detail-binding" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GBinding *binding = g_object_steal_data (G_OBJECT (item), keys[i]);

      if (binding != NULL)
        g_binding_unbind (binding);
    }
}

static void
sync_status (RoloBusinessPicker *self)
{
  const GError *error = rolo_contact_list_get_error (self->businesses);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->businesses));

  if (error != NULL && n_items == 0)
    {
      g_autofree char *title = rolo_error_text_title (error);

      gtk_label_set_label (self->status_label, title);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else if (rolo_contact_list_get_loaded (self->businesses) && n_items == 0)
    {
      gtk_label_set_label (self->status_label, _("No businesses found"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static RoloContactQuery *
business_query (RoloBusinessPicker *self)
{
  RoloContactQuery *query = rolo_contact_query_new ();

  rolo_contact_query_set_contact_type (query, ROLO_CONTACT_TYPE_BUSINESS);
  rolo_contact_query_set_sort_by (query, ROLO_CONTACT_SORT_NAME);
  rolo_contact_query_set_sort_descending (query, FALSE);
  rolo_contact_query_set_search (query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  return query;
}

static void
popover_show_cb (RoloBusinessPicker *self,
                 GtkPopover         *popover)
{
  g_autoptr(RoloContactQuery) query = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  if (self->client == NULL)
    return;
  if (self->businesses != NULL)
    {
      rolo_contact_list_refresh (self->businesses);
      return;
    }

  query = business_query (self);
  self->businesses = rolo_contact_list_new (self->client, query);
  g_signal_connect_object (self->businesses, "items-changed", G_CALLBACK (sync_status), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->businesses, "notify::loaded", G_CALLBACK (sync_status), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->businesses, "notify::error", G_CALLBACK (sync_status), self,
                           G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->businesses)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  sync_status (self);
}

static void
search_changed_cb (RoloBusinessPicker *self,
                   GtkSearchEntry     *entry)
{
  g_autoptr(RoloContactQuery) query = NULL;

  if (self->businesses == NULL)
    return;

  query = business_query (self);
  rolo_contact_list_set_query (self->businesses, query);
}

static void
list_activate_cb (RoloBusinessPicker *self,
                  guint               position,
                  GtkListView        *view)
{
  g_autoptr(RoloContact) business = g_list_model_get_item (G_LIST_MODEL (self->businesses),
                                                           position);

  if (business == NULL || rolo_contact_get_state (business) != ROLO_CONTACT_STATE_READY)
    return;

  rolo_business_picker_set_business_from (self, business);
  gtk_popover_popdown (self->popover);
}

static void
rolo_business_picker_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RoloBusinessPicker *self = ROLO_BUSINESS_PICKER (object);

  switch (prop_id)
    {
    case PROP_BUSINESS_ID:
      g_value_set_int64 (value, self->business_id);
      break;
    case PROP_BUSINESS_NAME:
      g_value_set_string (value, rolo_business_picker_get_business_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The button inside takes the focus. */
static gboolean
rolo_business_picker_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (ROLO_BUSINESS_PICKER (widget)->button));
}

static void
rolo_business_picker_dispose (GObject *object)
{
  RoloBusinessPicker *self = ROLO_BUSINESS_PICKER (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROLO_TYPE_BUSINESS_PICKER);
  g_clear_object (&self->businesses);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (rolo_business_picker_parent_class)->dispose (object);
}

static void
rolo_business_picker_finalize (GObject *object)
{
  RoloBusinessPicker *self = ROLO_BUSINESS_PICKER (object);

  g_free (self->business_name);
  g_free (self->business_detail);

  G_OBJECT_CLASS (rolo_business_picker_parent_class)->finalize (object);
}

static void
rolo_business_picker_class_init (RoloBusinessPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = rolo_business_picker_get_property;
  object_class->dispose = rolo_business_picker_dispose;
  object_class->finalize = rolo_business_picker_finalize;

  properties[PROP_BUSINESS_ID] =
    g_param_spec_int64 ("business-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSINESS_NAME] =
    g_param_spec_string ("business-name", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/rolo-business-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, RoloBusinessPicker, button);
  gtk_widget_class_bind_template_child (widget_class, RoloBusinessPicker, popover);
  gtk_widget_class_bind_template_child (widget_class, RoloBusinessPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RoloBusinessPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, RoloBusinessPicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, RoloBusinessPicker, status_label);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  widget_class->grab_focus = rolo_business_picker_grab_focus;
}

static void
rolo_business_picker_init (RoloBusinessPicker *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  rolo_focus_name_menu_button (self->button);
  rolo_focus_return_from_popover (self->popover, GTK_WIDGET (self->button));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}

GtkWidget *
rolo_business_picker_new (void)
{
  return g_object_new (ROLO_TYPE_BUSINESS_PICKER, NULL);
}

void
rolo_business_picker_set_client (RoloBusinessPicker *self,
                                 RoloClient         *client)
{
  g_return_if_fail (ROLO_IS_BUSINESS_PICKER (self));
  g_return_if_fail (client == NULL || ROLO_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  /* A list of another workspace is of no use. */
  if (self->businesses != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->businesses);
}

gint64
rolo_business_picker_get_business_id (RoloBusinessPicker *self)
{
  g_return_val_if_fail (ROLO_IS_BUSINESS_PICKER (self), 0);

  return self->business_id;
}

const char *
rolo_business_picker_get_business_name (RoloBusinessPicker *self)
{
  g_return_val_if_fail (ROLO_IS_BUSINESS_PICKER (self), NULL);

  return self->business_name != NULL ? self->business_name : "";
}

void
rolo_business_picker_set_business (RoloBusinessPicker *self,
                                   gint64              id,
                                   const char         *name)
{
  gboolean id_changed;

  g_return_if_fail (ROLO_IS_BUSINESS_PICKER (self));
  g_return_if_fail (id >= 0);

  if (name == NULL || id == 0)
    name = "";

  id_changed = self->business_id != id;
  self->business_id = id;
  g_clear_pointer (&self->business_detail, g_free);
  if (g_strcmp0 (self->business_name, name) != 0)
    {
      g_free (self->business_name);
      self->business_name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSINESS_NAME]);
    }
  if (id_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSINESS_ID]);
}

void
rolo_business_picker_set_business_from (RoloBusinessPicker *self,
                                        RoloContact        *business)
{
  g_return_if_fail (ROLO_IS_BUSINESS_PICKER (self));
  g_return_if_fail (ROLO_IS_CONTACT (business));

  rolo_business_picker_set_business (self, rolo_contact_get_id (business),
                                     rolo_contact_get_name (business));
  g_free (self->business_detail);
  self->business_detail = rolo_business_picker_describe (business);
  /* The name and its detail are shown together. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSINESS_NAME]);
}

const char *
rolo_business_picker_get_business_detail (RoloBusinessPicker *self)
{
  g_return_val_if_fail (ROLO_IS_BUSINESS_PICKER (self), NULL);

  return self->business_detail != NULL ? self->business_detail : "";
}

/* The city of a free-text address: its last line's last part
 * ("12 High Street, Leeds" gives "Leeds"); NULL when there is none. */
static char *
address_city (const char *address)
{
  g_auto(GStrv) lines = g_strsplit (address, "\n", -1);
  const char *last = NULL;
  const char *comma;

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      last = lines[i];
  if (last == NULL)
    return NULL;

  comma = g_utf8_strrchr (last, -1, ',');
  return g_strstrip (g_strdup (comma != NULL ? comma + 1 : last));
}

char *
rolo_business_picker_describe (RoloContact *business)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *number = NULL;
  g_autofree char *city = NULL;
  const char *email, *mobile;

  g_return_val_if_fail (ROLO_IS_CONTACT (business), NULL);

  email = rolo_contact_get_email (business);
  mobile = rolo_contact_get_mobile (business);
  if (*email != '\0')
    g_ptr_array_add (parts, g_strdup (email));
  else if (*mobile != '\0')
    g_ptr_array_add (parts, g_strdup (mobile));
  city = address_city (rolo_contact_get_address (business));
  if (city != NULL && *city != '\0')
    g_ptr_array_add (parts, g_steal_pointer (&city));
  number = g_strdup_printf ("%" G_GINT64_FORMAT, rolo_contact_get_id (business));
  /* Translators: %s is a contact's number in the workspace, which tells
   * apart businesses of the same name. */
  g_ptr_array_add (parts, g_strdup_printf (_("No. %s"), number));
  g_ptr_array_add (parts, NULL);

  /* Translators: what separates the parts of a line like
   * "info@example.com · Leeds · No. 482". */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}
