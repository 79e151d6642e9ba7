/* rolo-contact-query.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include "rolo-contact-query.h"

struct _RoloContactQuery
{
  GObject               parent_instance;

  char                 *search;
  RoloContactType       contact_type;
  RoloContactSortField  sort_by;
  gboolean              sort_descending;
};

G_DEFINE_FINAL_TYPE (RoloContactQuery, rolo_contact_query, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RoloContactSortField, rolo_contact_sort_field,
                    G_DEFINE_ENUM_VALUE (ROLO_CONTACT_SORT_ID, "id"),
                    G_DEFINE_ENUM_VALUE (ROLO_CONTACT_SORT_NAME, "name"),
                    G_DEFINE_ENUM_VALUE (ROLO_CONTACT_SORT_EMAIL, "email"),
                    G_DEFINE_ENUM_VALUE (ROLO_CONTACT_SORT_MOBILE, "mobile"),
                    G_DEFINE_ENUM_VALUE (ROLO_CONTACT_SORT_TYPE, "type"),
                    G_DEFINE_ENUM_VALUE (ROLO_CONTACT_SORT_CREATED, "created"))

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_CONTACT_TYPE,
  PROP_SORT_BY,
  PROP_SORT_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rolo_contact_query_finalize (GObject *object)
{
  RoloContactQuery *self = (RoloContactQuery *)object;

  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (rolo_contact_query_parent_class)->finalize (object);
}

static void
rolo_contact_query_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RoloContactQuery *self = ROLO_CONTACT_QUERY (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_CONTACT_TYPE:
      g_value_set_enum (value, self->contact_type);
      break;
    case PROP_SORT_BY:
      g_value_set_enum (value, self->sort_by);
      break;
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->sort_descending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_contact_query_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RoloContactQuery *self = ROLO_CONTACT_QUERY (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      rolo_contact_query_set_search (self, g_value_get_string (value));
      break;
    case PROP_CONTACT_TYPE:
      rolo_contact_query_set_contact_type (self, g_value_get_enum (value));
      break;
    case PROP_SORT_BY:
      rolo_contact_query_set_sort_by (self, g_value_get_enum (value));
      break;
    case PROP_SORT_DESCENDING:
      rolo_contact_query_set_sort_descending (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_contact_query_class_init (RoloContactQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rolo_contact_query_finalize;
  object_class->get_property = rolo_contact_query_get_property;
  object_class->set_property = rolo_contact_query_set_property;

  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, "", flags);
  properties[PROP_CONTACT_TYPE] =
    g_param_spec_enum ("contact-type", NULL, NULL, ROLO_TYPE_CONTACT_TYPE,
                       ROLO_CONTACT_TYPE_ANY, flags);
  properties[PROP_SORT_BY] =
    g_param_spec_enum ("sort-by", NULL, NULL, ROLO_TYPE_CONTACT_SORT_FIELD,
                       ROLO_CONTACT_SORT_ID, flags);
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL, TRUE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rolo_contact_query_init (RoloContactQuery *self)
{
  self->search = g_strdup ("");
  self->contact_type = ROLO_CONTACT_TYPE_ANY;
  self->sort_by = ROLO_CONTACT_SORT_ID;
  self->sort_descending = TRUE;
}

const char *
rolo_contact_sort_field_to_api_name (RoloContactSortField field)
{
  switch (field)
    {
    case ROLO_CONTACT_SORT_NAME:
      return "cstname";
    case ROLO_CONTACT_SORT_EMAIL:
      return "cstemail";
    case ROLO_CONTACT_SORT_MOBILE:
      return "cstmobile";
    case ROLO_CONTACT_SORT_TYPE:
      return "contact_type";
    case ROLO_CONTACT_SORT_CREATED:
      return "cstcreated_on";
    case ROLO_CONTACT_SORT_ID:
    default:
      return "cstid";
    }
}

RoloContactQuery *
rolo_contact_query_new (void)
{
  return g_object_new (ROLO_TYPE_CONTACT_QUERY, NULL);
}

RoloContactQuery *
rolo_contact_query_copy (RoloContactQuery *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_QUERY (self), NULL);

  return g_object_new (ROLO_TYPE_CONTACT_QUERY,
                       "search", self->search,
                       "contact-type", self->contact_type,
                       "sort-by", self->sort_by,
                       "sort-descending", self->sort_descending,
                       NULL);
}

gboolean
rolo_contact_query_equal (RoloContactQuery *a,
                          RoloContactQuery *b)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_QUERY (a), FALSE);
  g_return_val_if_fail (ROLO_IS_CONTACT_QUERY (b), FALSE);

  return g_str_equal (a->search, b->search) &&
         a->contact_type == b->contact_type &&
         a->sort_by == b->sort_by &&
         a->sort_descending == b->sort_descending;
}

const char *
rolo_contact_query_get_search (RoloContactQuery *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_QUERY (self), NULL);

  return self->search;
}

void
rolo_contact_query_set_search (RoloContactQuery *self,
                               const char       *search)
{
  g_return_if_fail (ROLO_IS_CONTACT_QUERY (self));

  if (search == NULL)
    search = "";
  if (g_str_equal (self->search, search))
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

RoloContactType
rolo_contact_query_get_contact_type (RoloContactQuery *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_QUERY (self), ROLO_CONTACT_TYPE_ANY);

  return self->contact_type;
}

void
rolo_contact_query_set_contact_type (RoloContactQuery *self,
                                     RoloContactType   contact_type)
{
  g_return_if_fail (ROLO_IS_CONTACT_QUERY (self));
  g_return_if_fail (contact_type <= ROLO_CONTACT_TYPE_BUSINESS);

  if (self->contact_type == contact_type)
    return;

  self->contact_type = contact_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_TYPE]);
}

RoloContactSortField
rolo_contact_query_get_sort_by (RoloContactQuery *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_QUERY (self), ROLO_CONTACT_SORT_ID);

  return self->sort_by;
}

void
rolo_contact_query_set_sort_by (RoloContactQuery     *self,
                                RoloContactSortField  sort_by)
{
  g_return_if_fail (ROLO_IS_CONTACT_QUERY (self));
  g_return_if_fail (sort_by <= ROLO_CONTACT_SORT_CREATED);

  if (self->sort_by == sort_by)
    return;

  self->sort_by = sort_by;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_BY]);
}

gboolean
rolo_contact_query_get_sort_descending (RoloContactQuery *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_QUERY (self), FALSE);

  return self->sort_descending;
}

void
rolo_contact_query_set_sort_descending (RoloContactQuery *self,
                                        gboolean          descending)
{
  g_return_if_fail (ROLO_IS_CONTACT_QUERY (self));

  descending = !!descending;
  if (self->sort_descending == descending)
    return;

  self->sort_descending = descending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
}
