/* rolo-contact-page.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rolo-client-error.h"
#include "rolo-contact-page.h"
#include "rolo-json-private.h"

struct _RoloContactPage
{
  GObject     parent_instance;

  guint       current_page;
  guint       total_records;
  guint       total_pages;
  GListModel *contacts;
};

G_DEFINE_FINAL_TYPE (RoloContactPage, rolo_contact_page, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CURRENT_PAGE,
  PROP_TOTAL_RECORDS,
  PROP_TOTAL_PAGES,
  PROP_CONTACTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
clamp_to_uint (gint64 value)
{
  return (guint) CLAMP (value, 0, G_MAXUINT);
}

static guint
read_count (JsonObject *data,
            const char *member,
            guint       fallback)
{
  gint64 value;

  if (!rolo_json_get_int64 (data, member, &value))
    return fallback;
  return clamp_to_uint (value);
}

static GListStore *
parse_records (JsonObject  *data,
               GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (ROLO_TYPE_CONTACT);
  JsonNode *node = json_object_get_member (data, "data");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_steal_pointer (&store);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto malformed;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(RoloContact) contact = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        goto malformed;
      contact = rolo_contact_new_from_json (json_node_get_object (element), error);
      if (contact == NULL)
        return NULL;
      g_list_store_append (store, contact);
    }

  return g_steal_pointer (&store);

malformed:
  g_set_error_literal (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_MALFORMED,
                       _("The server sent a contact list in an unexpected form."));
  return NULL;
}

static void
rolo_contact_page_dispose (GObject *object)
{
  RoloContactPage *self = (RoloContactPage *)object;

  g_clear_object (&self->contacts);

  G_OBJECT_CLASS (rolo_contact_page_parent_class)->dispose (object);
}

static void
rolo_contact_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RoloContactPage *self = ROLO_CONTACT_PAGE (object);

  switch (prop_id)
    {
    case PROP_CURRENT_PAGE:
      g_value_set_uint (value, self->current_page);
      break;
    case PROP_TOTAL_RECORDS:
      g_value_set_uint (value, self->total_records);
      break;
    case PROP_TOTAL_PAGES:
      g_value_set_uint (value, self->total_pages);
      break;
    case PROP_CONTACTS:
      g_value_set_object (value, self->contacts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_contact_page_class_init (RoloContactPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = rolo_contact_page_dispose;
  object_class->get_property = rolo_contact_page_get_property;

  properties[PROP_CURRENT_PAGE] =
    g_param_spec_uint ("current-page", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TOTAL_RECORDS] =
    g_param_spec_uint ("total-records", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TOTAL_PAGES] =
    g_param_spec_uint ("total-pages", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CONTACTS] =
    g_param_spec_object ("contacts", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rolo_contact_page_init (RoloContactPage *self)
{
}

/**
 * rolo_contact_page_new:
 * @contacts: (nullable): RoloContact items; %NULL for none
 */
RoloContactPage *
rolo_contact_page_new (guint       current_page,
                       guint       total_records,
                       guint       total_pages,
                       GListModel *contacts)
{
  RoloContactPage *self;

  g_return_val_if_fail (contacts == NULL || G_IS_LIST_MODEL (contacts), NULL);

  self = g_object_new (ROLO_TYPE_CONTACT_PAGE, NULL);
  self->current_page = current_page;
  self->total_records = total_records;
  self->total_pages = total_pages;
  if (contacts != NULL)
    self->contacts = g_object_ref (contacts);
  else
    self->contacts = G_LIST_MODEL (g_list_store_new (ROLO_TYPE_CONTACT));

  return self;
}

/**
 * rolo_contact_page_new_from_json:
 * @data: the "data" member of the envelope
 *
 * Missing counters are filled in from what the page holds.
 *
 * Returns: (transfer full): the page, or %NULL with
 *   %ROLO_CLIENT_ERROR_MALFORMED
 */
RoloContactPage *
rolo_contact_page_new_from_json (JsonObject  *data,
                                 GError     **error)
{
  g_autoptr(GListStore) store = NULL;
  guint n_items;
  guint total_records;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = parse_records (data, error);
  if (store == NULL)
    return NULL;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  total_records = read_count (data, "total_records", n_items);

  return rolo_contact_page_new (read_count (data, "current_page", 1),
                                total_records,
                                read_count (data, "total_pages", total_records > 0),
                                G_LIST_MODEL (store));
}

guint
rolo_contact_page_get_current_page (RoloContactPage *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_PAGE (self), 0);

  return self->current_page;
}

guint
rolo_contact_page_get_total_records (RoloContactPage *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_PAGE (self), 0);

  return self->total_records;
}

guint
rolo_contact_page_get_total_pages (RoloContactPage *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_PAGE (self), 0);

  return self->total_pages;
}

GListModel *
rolo_contact_page_get_contacts (RoloContactPage *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_PAGE (self), NULL);

  return self->contacts;
}
