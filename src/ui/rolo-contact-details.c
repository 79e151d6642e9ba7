/* rolo-contact-details.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-contact-details.h"
#include "rolo-bidi.h"
#include "rolo-country.h"

typedef enum
{
  ROW_EMAIL,
  ROW_MOBILE,
  ROW_ADDRESS,
  ROW_TAX_NUMBER,
  ROW_NOTES,
  ROW_NOTIFICATIONS,
  ROW_PARENT,
  ROW_TAGS,
  ROW_CREATED,
  N_ROWS
} RowKind;

typedef struct
{
  GtkWidget *row;
  GtkLabel  *title;
  GtkLabel  *value;
  GtkLabel  *extra;      /* a dim line under the value, or hidden */
} Row;

struct _RoloContactDetails
{
  AdwBin        parent_instance;

  AdwAvatar    *avatar;
  GtkLabel     *name_label;
  GtkImage     *type_icon;
  GtkLabel     *type_label;
  GtkWidget    *group0;
  GtkWidget    *group1;
  GtkWidget    *group2;
  Row           rows[N_ROWS];

  RoloContact  *contact;
  gboolean      complete;   /* all fields, not a list row */
  RoloTagNames *tag_names;
  char         *parent_name;
  char         *parent_detail;
};

G_DEFINE_FINAL_TYPE (RoloContactDetails, rolo_contact_details, ADW_TYPE_BIN)

/* Which group each row is in, as in the .ui. */
static const guint row_group[N_ROWS] = { 0, 0, 0, 0, 1, 2, 2, 2, 2 };
#define N_GROUPS 3

static void
row_show (RoloContactDetails *self,
          RowKind             kind,
          const char         *value,
          const char         *extra)
{
  Row *row = &self->rows[kind];
  gboolean shown = value != NULL && *value != '\0';

  gtk_label_set_text (row->value, shown ? value : "");
  gtk_label_set_text (row->extra, extra != NULL ? extra : "");
  gtk_widget_set_visible (GTK_WIDGET (row->extra), shown && extra != NULL && *extra != '\0');
  gtk_widget_set_visible (row->row, shown);
}

static char *
dup_mobile (RoloContact  *contact,
            const char  **country_name)
{
  const char *mobile = rolo_contact_get_mobile (contact);
  RoloCountry *country = rolo_country_lookup_id (rolo_contact_get_mobile_country_id (contact));
  g_autofree char *number = NULL;

  *country_name = NULL;
  if (mobile == NULL || *mobile == '\0')
    return NULL;
  if (country == NULL)
    return rolo_bidi_isolate_ltr (mobile);

  *country_name = rolo_country_get_name (country);
  number = g_strdup_printf ("%s %s", rolo_country_get_dialing_prefix (country), mobile);
  /* Left to right in every language, as dialled. */
  return rolo_bidi_isolate_ltr (number);
}

static char *
dup_notifications (RoloContact *contact)
{
  g_autoptr(GPtrArray) on = g_ptr_array_new ();

  if (rolo_contact_get_email_notify (contact))
    g_ptr_array_add (on, (char *) C_("notification", "Email"));
  if (rolo_contact_get_sms_notify (contact))
    g_ptr_array_add (on, (char *) C_("notification", "SMS"));
  if (rolo_contact_get_whatsapp_notify (contact))
    g_ptr_array_add (on, (char *) C_("notification", "WhatsApp"));
  if (on->len == 0)
    return g_strdup (C_("notifications", "None"));

  g_ptr_array_add (on, NULL);
  /* Translators: between the notifications a contact gets, "Email, SMS" */
  return g_strjoinv (C_("list separator", ", "), (char **) on->pdata);
}

static char *
dup_tags (RoloContactDetails *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gsize n_tags = 0;
  const gint64 *tags = rolo_contact_get_tag_ids (self->contact, &n_tags);

  if (n_tags == 0)
    return NULL;
  for (gsize i = 0; i < n_tags; i++)
    {
      g_autofree char *name = rolo_tag_names_format (self->tag_names, tags[i]);

      /* "#12" stays "#12", and a name keeps its own direction, whichever
       * way the list runs. */
      g_ptr_array_add (names, rolo_bidi_isolate (name));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (C_("list separator", ", "), (char **) names->pdata);
}

static char *
dup_created (RoloContact *contact)
{
  GDateTime *created = rolo_contact_get_created (contact);
  g_autoptr(GDateTime) local = NULL;

  if (created == NULL)
    return NULL;
  local = g_date_time_to_local (created);
  /* Translators: the day a contact was added, "22 June 2025"; see the
   * GDateTime documentation for the format. */
  /* xgettext:no-c-format */
  return g_date_time_format (local, _("%-d %B %Y"));
}

static void
rolo_contact_details_update_parent (RoloContactDetails *self)
{
  gint64 parent_id = self->contact != NULL ? rolo_contact_get_parent_id (self->contact) : 0;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  if (parent_id == 0)
    {
      row_show (self, ROW_PARENT, NULL, NULL);
      return;
    }
  if (self->parent_name != NULL)
    {
      row_show (self, ROW_PARENT, self->parent_name, self->parent_detail);
      return;
    }
  number = g_strdup_printf ("%" G_GINT64_FORMAT, parent_id);
  /* Translators: a business whose name is not known yet; %s is its number */
  text = g_strdup_printf (_("Business No. %s"), number);
  row_show (self, ROW_PARENT, text, NULL);
}

static void
rolo_contact_details_update_tags (RoloContactDetails *self)
{
  g_autofree char *tags = self->contact != NULL ? dup_tags (self) : NULL;

  row_show (self, ROW_TAGS, tags, NULL);
}

static void
rolo_contact_details_update_groups (RoloContactDetails *self)
{
  GtkWidget *groups[N_GROUPS] = { self->group0, self->group1, self->group2 };
  gboolean any[N_GROUPS] = { FALSE };

  for (guint i = 0; i < N_ROWS; i++)
    any[row_group[i]] |= gtk_widget_get_visible (self->rows[i].row);
  for (guint i = 0; i < N_GROUPS; i++)
    gtk_widget_set_visible (groups[i], any[i]);
}

static void
rolo_contact_details_update (RoloContactDetails *self)
{
  RoloContact *c = self->contact;
  gboolean business;
  g_autofree char *mobile = NULL;
  g_autofree char *notifications = NULL;
  g_autofree char *created = NULL;
  const char *country = NULL;

  if (c == NULL)
    {
      for (guint i = 0; i < N_ROWS; i++)
        row_show (self, i, NULL, NULL);
      gtk_label_set_text (self->name_label, "");
      gtk_label_set_text (self->type_label, "");
      adw_avatar_set_text (self->avatar, NULL);
      rolo_contact_details_update_groups (self);
      return;
    }

  business = rolo_contact_get_contact_type (c) == ROLO_CONTACT_TYPE_BUSINESS;
  adw_avatar_set_text (self->avatar, rolo_contact_get_name (c));
  adw_avatar_set_icon_name (self->avatar,
                            business ? "rolo-business-symbolic" : "avatar-default-symbolic");
  gtk_label_set_text (self->name_label, rolo_contact_get_name (c));
  gtk_image_set_from_icon_name (self->type_icon,
                                business ? "rolo-business-symbolic" : "avatar-default-symbolic");
  gtk_label_set_text (self->type_label, business ? C_("contact type", "Business")
                                                 : C_("contact type", "Individual"));

  mobile = dup_mobile (c, &country);
  notifications = dup_notifications (c);
  created = dup_created (c);
  row_show (self, ROW_EMAIL, rolo_contact_get_email (c), NULL);
  row_show (self, ROW_MOBILE, mobile, country);
  row_show (self, ROW_ADDRESS, rolo_contact_get_address (c), NULL);
  row_show (self, ROW_TAX_NUMBER, rolo_contact_get_tax_number (c), NULL);
  row_show (self, ROW_NOTES, rolo_contact_get_notes (c), NULL);
  /* A list row does not carry them: only a whole contact says. */
  row_show (self, ROW_NOTIFICATIONS, self->complete ? notifications : NULL, NULL);
  row_show (self, ROW_CREATED, created, NULL);
  rolo_contact_details_update_parent (self);
  rolo_contact_details_update_tags (self);
  rolo_contact_details_update_groups (self);
}

static void
rolo_contact_details_dispose (GObject *object)
{
  RoloContactDetails *self = ROLO_CONTACT_DETAILS (object);

  rolo_contact_details_set_tag_names (self, NULL);
  g_clear_object (&self->contact);
  gtk_widget_dispose_template (GTK_WIDGET (self), ROLO_TYPE_CONTACT_DETAILS);

  G_OBJECT_CLASS (rolo_contact_details_parent_class)->dispose (object);
}

static void
rolo_contact_details_finalize (GObject *object)
{
  RoloContactDetails *self = ROLO_CONTACT_DETAILS (object);

  g_free (self->parent_name);
  g_free (self->parent_detail);

  G_OBJECT_CLASS (rolo_contact_details_parent_class)->finalize (object);
}

static void
rolo_contact_details_class_init (RoloContactDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rolo_contact_details_dispose;
  object_class->finalize = rolo_contact_details_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/rolo-contact-details.ui");
  gtk_widget_class_bind_template_child (widget_class, RoloContactDetails, avatar);
  gtk_widget_class_bind_template_child (widget_class, RoloContactDetails, name_label);
  gtk_widget_class_bind_template_child (widget_class, RoloContactDetails, type_icon);
  gtk_widget_class_bind_template_child (widget_class, RoloContactDetails, type_label);
  gtk_widget_class_bind_template_child (widget_class, RoloContactDetails, group0);
  gtk_widget_class_bind_template_child (widget_class, RoloContactDetails, group1);
  gtk_widget_class_bind_template_child (widget_class, RoloContactDetails, group2);
#define BIND_ROW(kind, name) \
  gtk_widget_class_bind_template_child_full (widget_class, #name "_row", FALSE, \
    G_STRUCT_OFFSET (RoloContactDetails, rows[kind].row)); \
  gtk_widget_class_bind_template_child_full (widget_class, #name "_title", FALSE, \
    G_STRUCT_OFFSET (RoloContactDetails, rows[kind].title)); \
  gtk_widget_class_bind_template_child_full (widget_class, #name "_value", FALSE, \
    G_STRUCT_OFFSET (RoloContactDetails, rows[kind].value)); \
  gtk_widget_class_bind_template_child_full (widget_class, #name "_extra", FALSE, \
    G_STRUCT_OFFSET (RoloContactDetails, rows[kind].extra))
  BIND_ROW (ROW_EMAIL, email);
  BIND_ROW (ROW_MOBILE, mobile);
  BIND_ROW (ROW_ADDRESS, address);
  BIND_ROW (ROW_TAX_NUMBER, tax_number);
  BIND_ROW (ROW_NOTES, notes);
  BIND_ROW (ROW_NOTIFICATIONS, notifications);
  BIND_ROW (ROW_PARENT, parent);
  BIND_ROW (ROW_TAGS, tags);
  BIND_ROW (ROW_CREATED, created);
#undef BIND_ROW
}

static void
rolo_contact_details_init (RoloContactDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rolo_contact_details_update (self);
}

GtkWidget *
rolo_contact_details_new (void)
{
  return g_object_new (ROLO_TYPE_CONTACT_DETAILS, NULL);
}

/**
 * rolo_contact_details_set_contact:
 * @contact: (nullable): the contact to show
 * @complete: whether @contact has every field (fetched by itself), or only
 *   what a list page carries
 *
 * Shows @contact as it is now; call again after it changes.
 */
void
rolo_contact_details_set_contact (RoloContactDetails *self,
                                  RoloContact        *contact,
                                  gboolean            complete)
{
  g_return_if_fail (ROLO_IS_CONTACT_DETAILS (self));
  g_return_if_fail (contact == NULL || ROLO_IS_CONTACT (contact));

  if (self->contact != contact ||
      (contact != NULL && rolo_contact_get_parent_id (contact) == 0))
    {
      g_clear_pointer (&self->parent_name, g_free);
      g_clear_pointer (&self->parent_detail, g_free);
    }
  g_set_object (&self->contact, contact);
  self->complete = complete;
  rolo_contact_details_update (self);
}

RoloContact *
rolo_contact_details_get_contact (RoloContactDetails *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_DETAILS (self), NULL);

  return self->contact;
}

void
rolo_contact_details_set_tag_names (RoloContactDetails *self,
                                    RoloTagNames       *names)
{
  g_return_if_fail (ROLO_IS_CONTACT_DETAILS (self));
  g_return_if_fail (names == NULL || ROLO_IS_TAG_NAMES (names));

  if (rolo_tag_names_watch (&self->tag_names, names, self,
                            G_CALLBACK (rolo_contact_details_update_tags)) &&
      !gtk_widget_in_destruction (GTK_WIDGET (self)))
    rolo_contact_details_update_tags (self);
}

void
rolo_contact_details_set_parent (RoloContactDetails *self,
                                 const char         *name,
                                 const char         *detail)
{
  g_return_if_fail (ROLO_IS_CONTACT_DETAILS (self));

  g_free (self->parent_name);
  g_free (self->parent_detail);
  self->parent_name = name != NULL && *name != '\0' ? g_strdup (name) : NULL;
  self->parent_detail = g_strdup (detail);
  rolo_contact_details_update_parent (self);
  rolo_contact_details_update_groups (self);
}

/* Clears the selection a label got with the window's first focus. */
void
rolo_contact_details_unselect (RoloContactDetails *self)
{
  g_return_if_fail (ROLO_IS_CONTACT_DETAILS (self));

  for (guint i = 0; i < N_ROWS; i++)
    gtk_label_select_region (self->rows[i].value, 0, 0);
}

const char *
rolo_contact_details_get_value (RoloContactDetails *self,
                                const char         *title)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_DETAILS (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  for (guint i = 0; i < N_ROWS; i++)
    if (g_str_equal (gtk_label_get_text (self->rows[i].title), title))
      return gtk_widget_get_visible (self->rows[i].row)
             ? gtk_label_get_text (self->rows[i].value) : "";
  return NULL;
}
