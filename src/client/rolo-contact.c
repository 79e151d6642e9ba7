/* rolo-contact.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rolo-contact-private.h"

G_DEFINE_FINAL_TYPE (RoloContact, rolo_contact, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (RoloContactType, rolo_contact_type,
                    G_DEFINE_ENUM_VALUE (ROLO_CONTACT_TYPE_ANY, "any"),
                    G_DEFINE_ENUM_VALUE (ROLO_CONTACT_TYPE_INDIVIDUAL, "individual"),
                    G_DEFINE_ENUM_VALUE (ROLO_CONTACT_TYPE_BUSINESS, "business"))

G_DEFINE_ENUM_TYPE (RoloContactState, rolo_contact_state,
                    G_DEFINE_ENUM_VALUE (ROLO_CONTACT_STATE_READY, "ready"),
                    G_DEFINE_ENUM_VALUE (ROLO_CONTACT_STATE_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (ROLO_CONTACT_STATE_FAILED, "failed"))

static GParamSpec *properties[N_PROPS];

static void
set_string (RoloContact *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_boolean (RoloContact *self,
             gboolean    *field,
             gboolean     value,
             guint        prop_id)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Sorted, without duplicates or non-positive ids. */
GArray *
rolo_contact_normalize_tag_ids (const gint64 *tag_ids,
                                gsize         n_tag_ids)
{
  GArray *result = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_tag_ids);
  g_autofree gint64 *sorted = NULL;

  if (n_tag_ids == 0)
    return result;

  sorted = g_memdup2 (tag_ids, n_tag_ids * sizeof (gint64));
  qsort (sorted, n_tag_ids, sizeof (gint64), compare_int64);
  for (gsize i = 0; i < n_tag_ids; i++)
    {
      if (sorted[i] <= 0 || (i > 0 && sorted[i] == sorted[i - 1]))
        continue;
      g_array_append_val (result, sorted[i]);
    }

  return result;
}

gboolean
rolo_contact_tag_ids_equal (GArray *a,
                            GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  return a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0;
}

static gboolean
date_times_equal (GDateTime *a,
                  GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

char *
rolo_contact_dup_trimmed (const char *text)
{
  return g_strstrip (g_strdup (text));
}

JsonNode *
rolo_contact_tag_ids_to_node (GArray *tag_ids)
{
  JsonArray *array = json_array_sized_new (tag_ids->len);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < tag_ids->len; i++)
    json_array_add_int_element (array, g_array_index (tag_ids, gint64, i));
  json_node_take_array (node, array);

  return node;
}

static GVariant *
tag_ids_to_variant (GArray *tag_ids)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, tag_ids->data, tag_ids->len,
                                    sizeof (gint64));
}

static void
set_tag_ids_from_variant (RoloContact *self,
                          GVariant    *variant)
{
  const gint64 *ids = NULL;
  gsize n = 0;

  if (variant != NULL)
    ids = g_variant_get_fixed_array (variant, &n, sizeof (gint64));
  rolo_contact_set_tag_ids (self, ids, n);
}

static void
rolo_contact_finalize (GObject *object)
{
  RoloContact *self = (RoloContact *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->mobile, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->tax_number, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->tag_ids, g_array_unref);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (rolo_contact_parent_class)->finalize (object);
}

static void
rolo_contact_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RoloContact *self = ROLO_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_MOBILE:
      g_value_set_string (value, self->mobile);
      break;
    case PROP_MOBILE_COUNTRY_ID:
      g_value_set_int (value, self->mobile_country_id);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_TAX_NUMBER:
      g_value_set_string (value, self->tax_number);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_EMAIL_NOTIFY:
      g_value_set_boolean (value, self->email_notify);
      break;
    case PROP_SMS_NOTIFY:
      g_value_set_boolean (value, self->sms_notify);
      break;
    case PROP_WHATSAPP_NOTIFY:
      g_value_set_boolean (value, self->whatsapp_notify);
      break;
    case PROP_CONTACT_TYPE:
      g_value_set_enum (value, self->contact_type);
      break;
    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;
    case PROP_TAG_IDS:
      g_value_set_variant (value, tag_ids_to_variant (self->tag_ids));
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_contact_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RoloContact *self = ROLO_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      rolo_contact_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      rolo_contact_set_name (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      rolo_contact_set_email (self, g_value_get_string (value));
      break;
    case PROP_MOBILE:
      rolo_contact_set_mobile (self, g_value_get_string (value));
      break;
    case PROP_MOBILE_COUNTRY_ID:
      rolo_contact_set_mobile_country_id (self, g_value_get_int (value));
      break;
    case PROP_ADDRESS:
      rolo_contact_set_address (self, g_value_get_string (value));
      break;
    case PROP_TAX_NUMBER:
      rolo_contact_set_tax_number (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      rolo_contact_set_notes (self, g_value_get_string (value));
      break;
    case PROP_EMAIL_NOTIFY:
      rolo_contact_set_email_notify (self, g_value_get_boolean (value));
      break;
    case PROP_SMS_NOTIFY:
      rolo_contact_set_sms_notify (self, g_value_get_boolean (value));
      break;
    case PROP_WHATSAPP_NOTIFY:
      rolo_contact_set_whatsapp_notify (self, g_value_get_boolean (value));
      break;
    case PROP_CONTACT_TYPE:
      rolo_contact_set_contact_type (self, g_value_get_enum (value));
      break;
    case PROP_PARENT_ID:
      rolo_contact_set_parent_id (self, g_value_get_int64 (value));
      break;
    case PROP_TAG_IDS:
      set_tag_ids_from_variant (self, g_value_get_variant (value));
      break;
    case PROP_CREATED:
      rolo_contact_set_created (self, g_value_get_boxed (value));
      break;
    case PROP_STATE:
      rolo_contact_set_state (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                              G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
boolean_pspec (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, TRUE,
                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                               G_PARAM_STATIC_STRINGS);
}

static void
rolo_contact_class_init (RoloContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rolo_contact_finalize;
  object_class->get_property = rolo_contact_get_property;
  object_class->set_property = rolo_contact_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = string_pspec ("name");
  properties[PROP_EMAIL] = string_pspec ("email");
  properties[PROP_MOBILE] = string_pspec ("mobile");
  properties[PROP_MOBILE_COUNTRY_ID] =
    g_param_spec_int ("mobile-country-id", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_ADDRESS] = string_pspec ("address");
  properties[PROP_TAX_NUMBER] = string_pspec ("tax-number");
  properties[PROP_NOTES] = string_pspec ("notes");
  properties[PROP_EMAIL_NOTIFY] = boolean_pspec ("email-notify");
  properties[PROP_SMS_NOTIFY] = boolean_pspec ("sms-notify");
  properties[PROP_WHATSAPP_NOTIFY] = boolean_pspec ("whatsapp-notify");
  properties[PROP_CONTACT_TYPE] =
    g_param_spec_enum ("contact-type", NULL, NULL, ROLO_TYPE_CONTACT_TYPE,
                       ROLO_CONTACT_TYPE_INDIVIDUAL, flags);
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /**
   * RoloContact:tag-ids:
   *
   * The tag ids as a GVariant of type "ax", sorted, without duplicates.
   */
  properties[PROP_TAG_IDS] =
    g_param_spec_variant ("tag-ids", NULL, NULL, G_VARIANT_TYPE ("ax"), NULL, flags);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, flags);
  /**
   * RoloContact:state:
   *
   * Whether the contact holds data (READY) or is a RoloContactList placeholder
   * still loading or whose page failed. Not part of copy() or equal().
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, ROLO_TYPE_CONTACT_STATE,
                       ROLO_CONTACT_STATE_READY, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rolo_contact_init (RoloContact *self)
{
  self->name = g_strdup ("");
  self->email = g_strdup ("");
  self->mobile = g_strdup ("");
  self->address = g_strdup ("");
  self->tax_number = g_strdup ("");
  self->notes = g_strdup ("");
  self->email_notify = TRUE;
  self->sms_notify = TRUE;
  self->whatsapp_notify = TRUE;
  self->contact_type = ROLO_CONTACT_TYPE_INDIVIDUAL;
  self->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * rolo_contact_new:
 *
 * Returns: (transfer full): a new Individual with no values and every
 *   notification switch on, as the API defaults them.
 */
RoloContact *
rolo_contact_new (void)
{
  return g_object_new (ROLO_TYPE_CONTACT, NULL);
}

RoloContact *
rolo_contact_copy (RoloContact *self)
{
  RoloContact *copy;

  g_return_val_if_fail (ROLO_IS_CONTACT (self), NULL);

  copy = rolo_contact_new ();
  copy->id = self->id;
  g_free (copy->name);
  copy->name = g_strdup (self->name);
  for (guint i = 0; i < G_N_ELEMENTS (string_fields); i++)
    {
      char **to = STRING_AT (copy, string_fields[i].offset);
      char **from = STRING_AT (self, string_fields[i].offset);

      g_free (*to);
      *to = g_strdup (*from);
    }
  copy->mobile_country_id = self->mobile_country_id;
  copy->email_notify = self->email_notify;
  copy->sms_notify = self->sms_notify;
  copy->whatsapp_notify = self->whatsapp_notify;
  copy->contact_type = self->contact_type;
  copy->parent_id = self->parent_id;
  g_array_append_vals (copy->tag_ids, self->tag_ids->data, self->tag_ids->len);
  copy->created = self->created ? g_date_time_ref (self->created) : NULL;

  return copy;
}

gboolean
rolo_contact_equal (RoloContact *a,
                    RoloContact *b)
{
  g_autoptr(JsonObject) diff = NULL;

  g_return_val_if_fail (ROLO_IS_CONTACT (a), FALSE);
  g_return_val_if_fail (ROLO_IS_CONTACT (b), FALSE);

  if (a->id != b->id || g_strcmp0 (a->name, b->name) != 0 ||
      !date_times_equal (a->created, b->created))
    return FALSE;

  diff = rolo_contact_diff_to_update_json (a, b);
  return json_object_get_size (diff) == 0;
}

/**
 * rolo_contact_update_from:
 * @self: the contact to fill in place
 * @other: the contact to take the values from
 *
 * Gives @self every data field of @other (id included), so that a widget bound
 * to @self shows @other. Notifications are held until every field is set and
 * are emitted only for fields that changed. The state is left alone.
 */
void
rolo_contact_update_from (RoloContact *self,
                          RoloContact *other)
{
  g_return_if_fail (ROLO_IS_CONTACT (self));
  g_return_if_fail (ROLO_IS_CONTACT (other));

  if (self == other)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  rolo_contact_set_id (self, other->id);
  rolo_contact_set_name (self, other->name);
  for (guint i = 0; i < G_N_ELEMENTS (string_fields); i++)
    set_string (self, STRING_AT (self, string_fields[i].offset),
                *(char **) STRING_AT (other, string_fields[i].offset),
                string_fields[i].prop_id);
  rolo_contact_set_mobile_country_id (self, other->mobile_country_id);
  for (guint i = 0; i < G_N_ELEMENTS (boolean_fields); i++)
    set_boolean (self, &BOOLEAN_AT (self, boolean_fields[i].offset),
                 BOOLEAN_AT (other, boolean_fields[i].offset), boolean_fields[i].prop_id);
  rolo_contact_set_contact_type (self, other->contact_type);
  rolo_contact_set_parent_id (self, other->parent_id);
  rolo_contact_set_tag_ids (self, (const gint64 *) (gconstpointer) other->tag_ids->data, other->tag_ids->len);
  rolo_contact_set_created (self, other->created);
  g_object_thaw_notify (G_OBJECT (self));
}

RoloContactState
rolo_contact_get_state (RoloContact *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT (self), ROLO_CONTACT_STATE_READY);

  return self->state;
}

void
rolo_contact_set_state (RoloContact      *self,
                        RoloContactState  state)
{
  g_return_if_fail (ROLO_IS_CONTACT (self));
  g_return_if_fail (state <= ROLO_CONTACT_STATE_FAILED);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

gint64
rolo_contact_get_id (RoloContact *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT (self), 0);

  return self->id;
}

void
rolo_contact_set_id (RoloContact *self,
                     gint64       id)
{
  g_return_if_fail (ROLO_IS_CONTACT (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rolo_contact_get_name (RoloContact *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT (self), NULL);

  return self->name;
}

void
rolo_contact_set_name (RoloContact *self,
                       const char  *name)
{
  g_return_if_fail (ROLO_IS_CONTACT (self));

  set_string (self, &self->name, name, PROP_NAME);
}

const char *
rolo_contact_get_email (RoloContact *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT (self), NULL);

  return self->email;
}

void
rolo_contact_set_email (RoloContact *self,
                        const char  *email)
{
  g_return_if_fail (ROLO_IS_CONTACT (self));

  set_string (self, &self->email, email, PROP_EMAIL);
}

const char *
rolo_contact_get_mobile (RoloContact *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT (self), NULL);

  return self->mobile;
}

void
rolo_contact_set_mobile (RoloContact *self,
                         const char  *mobile)
{
  g_return_if_fail (ROLO_IS_CONTACT (self));

  set_string (self, &self->mobile, mobile, PROP_MOBILE);
}

int
rolo_contact_get_mobile_country_id (RoloContact *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT (self), 0);

  return self->mobile_country_id;
}

void
rolo_contact_set_mobile_country_id (RoloContact *self,
                                    int          country_id)
{
  g_return_if_fail (ROLO_IS_CONTACT (self));
  g_return_if_fail (country_id >= 0);

  if (self->mobile_country_id == country_id)
    return;

  self->mobile_country_id = country_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOBILE_COUNTRY_ID]);
}

const char *
rolo_contact_get_address (RoloContact *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT (self), NULL);

  return self->address;
}

void
rolo_contact_set_address (RoloContact *self,
                          const char  *address)
{
  g_return_if_fail (ROLO_IS_CONTACT (self));

  set_string (self, &self->address, address, PROP_ADDRESS);
}

const char *
rolo_contact_get_tax_number (RoloContact *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT (self), NULL);

  return self->tax_number;
}

void
rolo_contact_set_tax_number (RoloContact *self,
                             const char  *tax_number)
{
  g_return_if_fail (ROLO_IS_CONTACT (self));

  set_string (self, &self->tax_number, tax_number, PROP_TAX_NUMBER);
}

const char *
rolo_contact_get_notes (RoloContact *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT (self), NULL);

  return self->notes;
}

void
rolo_contact_set_notes (RoloContact *self,
                        const char  *notes)
{
  g_return_if_fail (ROLO_IS_CONTACT (self));

  set_string (self, &self->notes, notes, PROP_NOTES);
}

gboolean
rolo_contact_get_email_notify (RoloContact *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT (self), FALSE);

  return self->email_notify;
}

void
rolo_contact_set_email_notify (RoloContact *self,
                               gboolean     notify)
{
  g_return_if_fail (ROLO_IS_CONTACT (self));

  set_boolean (self, &self->email_notify, notify, PROP_EMAIL_NOTIFY);
}

gboolean
rolo_contact_get_sms_notify (RoloContact *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT (self), FALSE);

  return self->sms_notify;
}

void
rolo_contact_set_sms_notify (RoloContact *self,
                             gboolean     notify)
{
  g_return_if_fail (ROLO_IS_CONTACT (self));

  set_boolean (self, &self->sms_notify, notify, PROP_SMS_NOTIFY);
}

gboolean
rolo_contact_get_whatsapp_notify (RoloContact *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT (self), FALSE);

  return self->whatsapp_notify;
}

void
rolo_contact_set_whatsapp_notify (RoloContact *self,
                                  gboolean     notify)
{
  g_return_if_fail (ROLO_IS_CONTACT (self));

  set_boolean (self, &self->whatsapp_notify, notify, PROP_WHATSAPP_NOTIFY);
}

RoloContactType
rolo_contact_get_contact_type (RoloContact *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT (self), ROLO_CONTACT_TYPE_ANY);

  return self->contact_type;
}

void
rolo_contact_set_contact_type (RoloContact     *self,
                               RoloContactType  contact_type)
{
  g_return_if_fail (ROLO_IS_CONTACT (self));
  g_return_if_fail (contact_type <= ROLO_CONTACT_TYPE_BUSINESS);

  if (self->contact_type == contact_type)
    return;

  self->contact_type = contact_type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_TYPE]);
}

gint64
rolo_contact_get_parent_id (RoloContact *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT (self), 0);

  return self->parent_id;
}

void
rolo_contact_set_parent_id (RoloContact *self,
                            gint64       parent_id)
{
  g_return_if_fail (ROLO_IS_CONTACT (self));
  g_return_if_fail (parent_id >= 0);

  if (self->parent_id == parent_id)
    return;

  self->parent_id = parent_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}

/**
 * rolo_contact_get_tag_ids:
 * @n_tag_ids: (out): the number of ids
 *
 * Returns: (transfer none) (array length=n_tag_ids): the tag ids, sorted
 */
const gint64 *
rolo_contact_get_tag_ids (RoloContact *self,
                          gsize       *n_tag_ids)
{
  g_return_val_if_fail (ROLO_IS_CONTACT (self), NULL);
  g_return_val_if_fail (n_tag_ids != NULL, NULL);

  *n_tag_ids = self->tag_ids->len;
  return (const gint64 *) (gconstpointer) self->tag_ids->data;
}

/**
 * rolo_contact_set_tag_ids:
 * @tag_ids: (array length=n_tag_ids) (nullable): tag ids in any order
 *
 * Replaces the tag set; duplicates and ids below 1 are dropped.
 */
void
rolo_contact_set_tag_ids (RoloContact  *self,
                          const gint64 *tag_ids,
                          gsize         n_tag_ids)
{
  g_autoptr(GArray) normalized = NULL;

  g_return_if_fail (ROLO_IS_CONTACT (self));
  g_return_if_fail (tag_ids != NULL || n_tag_ids == 0);

  normalized = rolo_contact_normalize_tag_ids (tag_ids, n_tag_ids);
  if (rolo_contact_tag_ids_equal (normalized, self->tag_ids))
    return;

  g_array_unref (self->tag_ids);
  self->tag_ids = g_steal_pointer (&normalized);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG_IDS]);
}

/* (transfer none) (nullable): when the server created the contact, in UTC. */
GDateTime *
rolo_contact_get_created (RoloContact *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT (self), NULL);

  return self->created;
}

void
rolo_contact_set_created (RoloContact *self,
                          GDateTime   *created)
{
  g_return_if_fail (ROLO_IS_CONTACT (self));

  if (date_times_equal (self->created, created))
    return;

  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = created ? g_date_time_ref (created) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}
