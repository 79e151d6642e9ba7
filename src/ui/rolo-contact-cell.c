/* rolo-contact-cell.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-contact-cell.h"
#include "rolo-initials.h"

struct _RoloContactCell
{
  GtkWidget             parent_instance;

  RoloInitials         *avatar;
  GtkImage             *icon;   /* the type's; the name's once a page failed */
  GtkInscription       *label;  /* sized without its text: cheap in lists */

  RoloContact          *contact;
  RoloContactSortField  field;
  guint                 position;
};

G_DEFINE_FINAL_TYPE (RoloContactCell, rolo_contact_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTACT,
  PROP_FIELD,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The contact property each field shows. */
static const char *
field_property (RoloContactSortField field)
{
  switch (field)
    {
    case ROLO_CONTACT_SORT_NAME:
      return "name";
    case ROLO_CONTACT_SORT_TYPE:
      return "contact-type";
    case ROLO_CONTACT_SORT_EMAIL:
      return "email";
    case ROLO_CONTACT_SORT_MOBILE:
      return "mobile";
    case ROLO_CONTACT_SORT_CREATED:
      return "created";
    case ROLO_CONTACT_SORT_ID:
    default:
      return "id";
    }
}

static char *
format_created (GDateTime *created)
{
  g_autoptr(GDateTime) local = NULL;

  if (created == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (created);
  /* Translators: the date a contact was created, as in the table's Created
   * column; see the GDateTime documentation for the format. */
  /* xgettext:no-c-format */
  return g_date_time_format (local, _("%-d %b %Y"));
}

static void
rolo_contact_cell_show_type (RoloContactCell *self)
{
  gboolean business = rolo_contact_get_contact_type (self->contact) == ROLO_CONTACT_TYPE_BUSINESS;

  gtk_image_set_from_icon_name (self->icon,
                                business ? "rolo-business-symbolic" : "avatar-default-symbolic");
  gtk_inscription_set_text (self->label,
                            business ? C_("contact type", "Business")
                                     : C_("contact type", "Individual"));
}

static void
rolo_contact_cell_show_ready (RoloContactCell *self)
{
  g_autofree char *created = NULL;

  switch (self->field)
    {
    case ROLO_CONTACT_SORT_NAME:
      rolo_initials_set_text (self->avatar, rolo_contact_get_name (self->contact));
      rolo_initials_set_business (self->avatar, rolo_contact_get_contact_type (self->contact) ==
                                                ROLO_CONTACT_TYPE_BUSINESS);
      gtk_inscription_set_text (self->label, rolo_contact_get_name (self->contact));
      break;
    case ROLO_CONTACT_SORT_TYPE:
      rolo_contact_cell_show_type (self);
      break;
    case ROLO_CONTACT_SORT_EMAIL:
      gtk_inscription_set_text (self->label, rolo_contact_get_email (self->contact));
      break;
    case ROLO_CONTACT_SORT_MOBILE:
      gtk_inscription_set_text (self->label, rolo_contact_get_mobile (self->contact));
      break;
    case ROLO_CONTACT_SORT_CREATED:
      created = format_created (rolo_contact_get_created (self->contact));
      gtk_inscription_set_text (self->label, created);
      break;
    case ROLO_CONTACT_SORT_ID:
    default:
      created = g_strdup_printf ("%" G_GINT64_FORMAT, rolo_contact_get_id (self->contact));
      gtk_inscription_set_text (self->label, created);
      break;
    }
}

/* While loading, the label is a bar of one of a few lengths, so a screenful
 * of them reads as rows of text still to come rather than as a grid. */
static void
rolo_contact_cell_show_loading (RoloContactCell *self,
                                gboolean         loading)
{
  static const int widths[] = { 96, 128, 72, 112, 144, 84, 120 };
  GtkWidget *label = GTK_WIDGET (self->label);
  guint row = self->position == GTK_INVALID_LIST_POSITION ? 0 : self->position;
  int width = widths[(row + self->field) % G_N_ELEMENTS (widths)];

  /* Within the narrow columns' default widths, so nothing moves as rows load. */
  if (self->field != ROLO_CONTACT_SORT_NAME && self->field != ROLO_CONTACT_SORT_EMAIL)
    width = width * 2 / 3;
  gtk_widget_set_size_request (label, loading ? width : -1, -1);
  gtk_widget_set_halign (label, loading ? GTK_ALIGN_START : GTK_ALIGN_FILL);
  if (loading)
    {
      gtk_widget_add_css_class (label, "placeholder-bar");
      gtk_widget_add_css_class (GTK_WIDGET (self), "loading");
    }
  else
    {
      gtk_widget_remove_css_class (label, "placeholder-bar");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "loading");
    }
}

/* The name column's warning sign, made the first time a page fails. */
static void
rolo_contact_cell_show_failed (RoloContactCell *self,
                               gboolean         failed)
{
  if (failed && self->icon == NULL && self->field == ROLO_CONTACT_SORT_NAME)
    {
      self->icon = g_object_new (GTK_TYPE_IMAGE,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                 NULL);
      gtk_widget_insert_before (GTK_WIDGET (self->icon), GTK_WIDGET (self),
                                GTK_WIDGET (self->label));
    }
  if (self->icon != NULL && self->field == ROLO_CONTACT_SORT_NAME)
    gtk_widget_set_visible (GTK_WIDGET (self->icon), failed);
  if (self->avatar != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->avatar), !failed);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self), "failed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "failed");
}

static void
rolo_contact_cell_update (RoloContactCell *self)
{
  RoloContactState state = ROLO_CONTACT_STATE_LOADING;

  if (self->label == NULL)
    return;
  if (self->contact != NULL)
    state = rolo_contact_get_state (self->contact);

  rolo_contact_cell_show_loading (self, state == ROLO_CONTACT_STATE_LOADING);
  rolo_contact_cell_show_failed (self, state == ROLO_CONTACT_STATE_FAILED);
  if (self->field == ROLO_CONTACT_SORT_TYPE)
    gtk_widget_set_visible (GTK_WIDGET (self->icon), state == ROLO_CONTACT_STATE_READY);

  switch (state)
    {
    case ROLO_CONTACT_STATE_READY:
      rolo_contact_cell_show_ready (self);
      break;
    case ROLO_CONTACT_STATE_FAILED:
      if (self->icon != NULL)
        gtk_image_set_from_icon_name (self->icon, "dialog-warning-symbolic");
      gtk_inscription_set_text (self->label,
                                self->field == ROLO_CONTACT_SORT_NAME ? _("Could not load")
                                                                      : "");
      break;
    case ROLO_CONTACT_STATE_LOADING:
    default:
      if (self->avatar != NULL)
        rolo_initials_set_text (self->avatar, NULL);
      gtk_inscription_set_text (self->label, "");
      break;
    }
}

static void
contact_notify_cb (RoloContactCell *self,
                   GParamSpec      *pspec,
                   RoloContact     *contact)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "state") || g_str_equal (name, field_property (self->field)))
    rolo_contact_cell_update (self);
}

/* Lets go of the contact without showing anything else: the cell is being
 * unbound, and either goes away or shows the next contact bound to it. */
static void
rolo_contact_cell_drop_contact (RoloContactCell *self)
{
  if (self->contact == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->contact, contact_notify_cb, self);
  g_clear_object (&self->contact);
}

static void
rolo_contact_cell_dispose (GObject *object)
{
  RoloContactCell *self = ROLO_CONTACT_CELL (object);
  GtkWidget *child;

  rolo_contact_cell_drop_contact (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rolo_contact_cell_parent_class)->dispose (object);
}

/* Only the widgets its column shows: a table keeps about 200 rows of cells
 * (GTK 4.8's list views), so each one counts at start and while scrolling. */
static void
rolo_contact_cell_constructed (GObject *object)
{
  RoloContactCell *self = ROLO_CONTACT_CELL (object);
  GtkWidget *widget = GTK_WIDGET (self);

  G_OBJECT_CLASS (rolo_contact_cell_parent_class)->constructed (object);

  if (self->field == ROLO_CONTACT_SORT_NAME)
    {
      self->avatar = ROLO_INITIALS (rolo_initials_new (28));
      gtk_widget_set_parent (GTK_WIDGET (self->avatar), widget);
    }
  if (self->field == ROLO_CONTACT_SORT_TYPE)
    {
      self->icon = g_object_new (GTK_TYPE_IMAGE,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                 NULL);
      gtk_widget_set_parent (GTK_WIDGET (self->icon), widget);
    }

  self->label = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  gtk_inscription_set_xalign (self->label, 0);
  gtk_inscription_set_text_overflow (self->label, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  /* Its own height, one line: an ellipsized text would sit higher otherwise. */
  gtk_widget_set_valign (GTK_WIDGET (self->label), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->label), widget);

  rolo_contact_cell_update (self);
}

static void
rolo_contact_cell_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RoloContactCell *self = ROLO_CONTACT_CELL (object);

  switch (prop_id)
    {
    case PROP_CONTACT:
      g_value_set_object (value, self->contact);
      break;
    case PROP_FIELD:
      g_value_set_enum (value, self->field);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_contact_cell_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RoloContactCell *self = ROLO_CONTACT_CELL (object);

  switch (prop_id)
    {
    case PROP_CONTACT:
      rolo_contact_cell_set_contact (self, g_value_get_object (value));
      break;
    case PROP_FIELD:
      self->field = g_value_get_enum (value);
      break;
    case PROP_POSITION:
      rolo_contact_cell_set_position (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Tab into a cell stops on its row: the row is what is selected, opened and
 * deleted. GTK 4.12 and later ask the cell of the column whose header had
 * the focus last, and without this skip the rows altogether. */
static gboolean
rolo_contact_cell_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  GtkWidget *row;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return FALSE;

  for (row = gtk_widget_get_parent (widget); row != NULL; row = gtk_widget_get_parent (row))
    if (gtk_widget_get_focusable (row) && g_strcmp0 (gtk_widget_get_css_name (row), "row") == 0)
      break;
  if (row == NULL || gtk_widget_is_focus (row))
    return FALSE;

  return gtk_widget_grab_focus (row);
}

static void
rolo_contact_cell_class_init (RoloContactCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rolo_contact_cell_constructed;
  object_class->dispose = rolo_contact_cell_dispose;
  object_class->get_property = rolo_contact_cell_get_property;
  object_class->set_property = rolo_contact_cell_set_property;

  properties[PROP_CONTACT] =
    g_param_spec_object ("contact", NULL, NULL,
                         ROLO_TYPE_CONTACT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD] =
    g_param_spec_enum ("field", NULL, NULL,
                       ROLO_TYPE_CONTACT_SORT_FIELD, ROLO_CONTACT_SORT_NAME,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->focus = rolo_contact_cell_focus;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "contactcell");
}

static void
rolo_contact_cell_init (RoloContactCell *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 10);
  self->field = ROLO_CONTACT_SORT_NAME;
  self->position = GTK_INVALID_LIST_POSITION;
}

GtkWidget *
rolo_contact_cell_new (RoloContactSortField field)
{
  return g_object_new (ROLO_TYPE_CONTACT_CELL, "field", field, NULL);
}

RoloContact *
rolo_contact_cell_get_contact (RoloContactCell *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_CELL (self), NULL);

  return self->contact;
}

void
rolo_contact_cell_set_contact (RoloContactCell *self,
                               RoloContact     *contact)
{
  g_return_if_fail (ROLO_IS_CONTACT_CELL (self));
  g_return_if_fail (contact == NULL || ROLO_IS_CONTACT (contact));

  if (self->contact == contact)
    return;

  if (self->contact != NULL)
    g_signal_handlers_disconnect_by_func (self->contact, contact_notify_cb, self);
  g_set_object (&self->contact, contact);
  if (contact != NULL)
    g_signal_connect_object (contact, "notify", G_CALLBACK (contact_notify_cb), self,
                             G_CONNECT_SWAPPED);

  rolo_contact_cell_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

RoloContactSortField
rolo_contact_cell_get_field (RoloContactCell *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_CELL (self), ROLO_CONTACT_SORT_NAME);

  return self->field;
}

guint
rolo_contact_cell_get_position (RoloContactCell *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_CELL (self), GTK_INVALID_LIST_POSITION);

  return self->position;
}

void
rolo_contact_cell_set_position (RoloContactCell *self,
                                guint            position)
{
  g_return_if_fail (ROLO_IS_CONTACT_CELL (self));

  if (self->position == position)
    return;

  self->position = position;
  if (self->label != NULL && gtk_widget_has_css_class (GTK_WIDGET (self->label),
                                                      "placeholder-bar"))
    rolo_contact_cell_show_loading (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
rolo_contact_cell_get_text (RoloContactCell *self)
{
  const char *text;

  g_return_val_if_fail (ROLO_IS_CONTACT_CELL (self), NULL);

  text = gtk_inscription_get_text (self->label);
  return text != NULL ? text : "";
}

static void
item_position_cb (GtkListItem     *item,
                  GParamSpec      *pspec,
                  RoloContactCell *cell)
{
  rolo_contact_cell_set_position (cell, gtk_list_item_get_position (item));
}

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *cell = rolo_contact_cell_new (GPOINTER_TO_INT (user_data));

  gtk_list_item_set_child (item, cell);
  g_signal_connect_object (item, "notify::position", G_CALLBACK (item_position_cb), cell, 0);
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  RoloContactCell *cell = ROLO_CONTACT_CELL (gtk_list_item_get_child (item));

  rolo_contact_cell_set_position (cell, gtk_list_item_get_position (item));
  rolo_contact_cell_set_contact (cell, gtk_list_item_get_item (item));
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  RoloContactCell *cell = ROLO_CONTACT_CELL (gtk_list_item_get_child (item));

  /* Nothing redrawn for a cell on its way out: a new result set unbinds
   * every row at once. */
  rolo_contact_cell_drop_contact (cell);
  cell->position = GTK_INVALID_LIST_POSITION;
}

/* Signals rather than a GtkBuilderListItemFactory: no builder run and no
 * expression watches per cell. */
GtkListItemFactory *
rolo_contact_cell_factory_new (RoloContactSortField field)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), GINT_TO_POINTER (field));
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), NULL);
  return factory;
}
