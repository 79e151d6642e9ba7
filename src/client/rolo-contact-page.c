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

static void
set_malformed (GError **error)
{
  g_set_error_literal (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_MALFORMED,
                       _("The server sent a contact list in an unexpected form."));
}

/* A counter that is absent, null or "" is filled in from fallback; one that
 * is there but not a whole number makes the answer malformed: a guess would
 * page the list wrongly. */
static gboolean
read_count (JsonObject *data,
            const char *member,
            guint       fallback,
            guint      *out)
{
  JsonNode *node = json_object_get_member (data, member);
  gint64 value;

  *out = fallback;
  if (rolo_json_node_is_blank (node))
    return TRUE;
  if (!rolo_json_node_get_int64 (node, &value))
    return FALSE;

  *out = clamp_to_uint (value);
  return TRUE;
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
  set_malformed (error);
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
 * Counters may be numbers or numeric strings; missing or null ones are
 * filled in from what the page holds, unreadable ones make it malformed.
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
  guint total_records, current_page, total_pages;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = parse_records (data, error);
  if (store == NULL)
    return NULL;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  if (!read_count (data, "total_records", n_items, &total_records) ||
      !read_count (data, "current_page", 1, &current_page) ||
      !read_count (data, "total_pages", total_records > 0, &total_pages))
    {
      set_malformed (error);
      return NULL;
    }

  return rolo_contact_page_new (current_page, total_records, total_pages, G_LIST_MODEL (store));
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
