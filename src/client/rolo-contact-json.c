/* rolo-contact-json.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rolo-client-error.h"
#include "rolo-contact-private.h"
#include "rolo-json-private.h"

static void
read_strings_from_json (RoloContact *self,
                        JsonObject  *object)
{
  g_free (self->name);
  self->name = rolo_json_dup_string (object, ROLO_CONTACT_FIELD_NAME);
  if (self->name == NULL)
    self->name = g_strdup ("");

  for (guint i = 0; i < G_N_ELEMENTS (string_fields); i++)
    {
      char **field = STRING_AT (self, string_fields[i].offset);
      char *value = rolo_json_dup_string (object, string_fields[i].field);

      if (value != NULL)
        {
          g_free (*field);
          *field = value;
        }
    }
}

static void
read_numbers_from_json (RoloContact *self,
                        JsonObject  *object)
{
  gint64 number;

  if (rolo_json_get_int64 (object, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID, &number) &&
      number > 0 && number <= G_MAXINT)
    self->mobile_country_id = (int) number;

  if (rolo_json_get_int64 (object, ROLO_CONTACT_FIELD_PARENT, &number) && number > 0)
    self->parent_id = number;

  self->contact_type = ROLO_CONTACT_TYPE_ANY;
  if (rolo_json_get_int64 (object, ROLO_CONTACT_FIELD_CONTACT_TYPE, &number) &&
      (number == ROLO_CONTACT_TYPE_INDIVIDUAL || number == ROLO_CONTACT_TYPE_BUSINESS))
    self->contact_type = (RoloContactType) number;

  for (guint i = 0; i < G_N_ELEMENTS (boolean_fields); i++)
    rolo_json_get_boolean (object, boolean_fields[i].field,
                           &BOOLEAN_AT (self, boolean_fields[i].offset));
}

static void
read_tags_from_json (RoloContact *self,
                     JsonObject  *object)
{
  g_autoptr(GArray) tags = rolo_json_dup_int64_array (object, ROLO_CONTACT_FIELD_TAGS_CREATE);

  if (tags == NULL)
    tags = rolo_json_dup_int64_array (object, ROLO_CONTACT_FIELD_TAGS_UPDATE);
  if (tags == NULL)
    return;

  g_array_unref (self->tag_ids);
  self->tag_ids = rolo_contact_normalize_tag_ids ((const gint64 *) (gconstpointer) tags->data, tags->len);
}

/**
 * rolo_contact_new_from_json:
 * @object: a contact record from a list or GET answer
 *
 * Reads what is there and tolerates the rest (API.md): numbers as strings,
 * booleans as 0/1 or strings, null or absent fields, unknown fields. A record
 * without a contact type reads as %ROLO_CONTACT_TYPE_ANY.
 *
 * Returns: (transfer full): the contact, or %NULL with
 *   %ROLO_CLIENT_ERROR_MALFORMED when there is no positive cstid
 */
RoloContact *
rolo_contact_new_from_json (JsonObject  *object,
                            GError     **error)
{
  g_autoptr(RoloContact) self = NULL;
  gint64 id;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rolo_json_get_int64 (object, ROLO_CONTACT_FIELD_ID, &id) || id <= 0)
    {
      g_set_error_literal (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_MALFORMED,
                           _("The server sent a contact without a valid id."));
      return NULL;
    }

  self = rolo_contact_new ();
  self->id = id;
  read_strings_from_json (self, object);
  read_numbers_from_json (self, object);
  read_tags_from_json (self, object);
  self->created = rolo_json_dup_date_time (object, ROLO_CONTACT_FIELD_CREATED);

  return g_steal_pointer (&self);
}

/**
 * rolo_contact_to_create_json:
 *
 * Returns: (transfer full): the body of POST /v1/contacts
 */
JsonObject *
rolo_contact_to_create_json (RoloContact *self)
{
  JsonObject *object;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ROLO_IS_CONTACT (self), NULL);

  object = json_object_new ();
  name = rolo_contact_dup_trimmed (self->name);
  json_object_set_string_member (object, ROLO_CONTACT_FIELD_NAME, name);
  json_object_set_int_member (object, ROLO_CONTACT_FIELD_CONTACT_TYPE, self->contact_type);

  for (guint i = 0; i < G_N_ELEMENTS (string_fields); i++)
    {
      const char *value = *(char **) STRING_AT (self, string_fields[i].offset);

      if (*value != '\0')
        json_object_set_string_member (object, string_fields[i].field, value);
    }
  if (self->mobile_country_id > 0)
    json_object_set_int_member (object, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID,
                                self->mobile_country_id);
  for (guint i = 0; i < G_N_ELEMENTS (boolean_fields); i++)
    json_object_set_boolean_member (object, boolean_fields[i].field,
                                    BOOLEAN_AT (self, boolean_fields[i].offset));
  if (self->parent_id > 0)
    json_object_set_int_member (object, ROLO_CONTACT_FIELD_PARENT, self->parent_id);
  if (self->tag_ids->len > 0)
    json_object_set_member (object, ROLO_CONTACT_FIELD_TAGS_CREATE,
                            rolo_contact_tag_ids_to_node (self->tag_ids));

  return object;
}

static void
set_int_or_null (JsonObject *object,
                 const char *member,
                 gint64      value)
{
  if (value > 0)
    json_object_set_int_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

static void
diff_strings (JsonObject  *object,
              RoloContact *original,
              RoloContact *edited)
{
  g_autofree char *original_name = rolo_contact_dup_trimmed (original->name);
  g_autofree char *edited_name = rolo_contact_dup_trimmed (edited->name);

  if (g_strcmp0 (original_name, edited_name) != 0)
    json_object_set_string_member (object, ROLO_CONTACT_FIELD_NAME, edited_name);

  for (guint i = 0; i < G_N_ELEMENTS (string_fields); i++)
    {
      const char *before = *(char **) STRING_AT (original, string_fields[i].offset);
      const char *after = *(char **) STRING_AT (edited, string_fields[i].offset);

      if (g_strcmp0 (before, after) != 0)
        json_object_set_string_member (object, string_fields[i].field, after);
    }
}

static void
diff_others (JsonObject  *object,
             RoloContact *original,
             RoloContact *edited)
{
  if (original->contact_type != edited->contact_type)
    json_object_set_int_member (object, ROLO_CONTACT_FIELD_CONTACT_TYPE, edited->contact_type);
  if (original->mobile_country_id != edited->mobile_country_id)
    set_int_or_null (object, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID, edited->mobile_country_id);
  if (original->parent_id != edited->parent_id)
    set_int_or_null (object, ROLO_CONTACT_FIELD_PARENT, edited->parent_id);

  for (guint i = 0; i < G_N_ELEMENTS (boolean_fields); i++)
    {
      gboolean before = BOOLEAN_AT (original, boolean_fields[i].offset);
      gboolean after = BOOLEAN_AT (edited, boolean_fields[i].offset);

      if (before != after)
        json_object_set_boolean_member (object, boolean_fields[i].field, after);
    }

  if (!rolo_contact_tag_ids_equal (original->tag_ids, edited->tag_ids))
    json_object_set_member (object, ROLO_CONTACT_FIELD_TAGS_UPDATE,
                            rolo_contact_tag_ids_to_node (edited->tag_ids));
}

/**
 * rolo_contact_diff_to_update_json:
 * @original: the contact as the server sent it
 * @edited: the contact as the user left it
 *
 * Returns: (transfer full): the body of PUT /v1/contacts/{id}, possibly empty
 */
JsonObject *
rolo_contact_diff_to_update_json (RoloContact *original,
                                  RoloContact *edited)
{
  JsonObject *object;

  g_return_val_if_fail (ROLO_IS_CONTACT (original), NULL);
  g_return_val_if_fail (ROLO_IS_CONTACT (edited), NULL);

  object = json_object_new ();
  diff_strings (object, original, edited);
  diff_others (object, original, edited);

  return object;
}

const char *
rolo_contact_property_for_field (const char *api_field)
{
  static const char * const map[][2] = {
    { ROLO_CONTACT_FIELD_ID, "id" },
    { ROLO_CONTACT_FIELD_NAME, "name" },
    { ROLO_CONTACT_FIELD_EMAIL, "email" },
    { ROLO_CONTACT_FIELD_MOBILE, "mobile" },
    { ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID, "mobile-country-id" },
    { ROLO_CONTACT_FIELD_ADDRESS, "address" },
    { ROLO_CONTACT_FIELD_TAX_NUMBER, "tax-number" },
    { ROLO_CONTACT_FIELD_NOTES, "notes" },
    { ROLO_CONTACT_FIELD_EMAIL_NOTIFY, "email-notify" },
    { ROLO_CONTACT_FIELD_SMS_NOTIFY, "sms-notify" },
    { ROLO_CONTACT_FIELD_WHATSAPP_NOTIFY, "whatsapp-notify" },
    { ROLO_CONTACT_FIELD_CONTACT_TYPE, "contact-type" },
    { ROLO_CONTACT_FIELD_PARENT, "parent-id" },
    { ROLO_CONTACT_FIELD_TAGS_CREATE, "tag-ids" },
    { ROLO_CONTACT_FIELD_TAGS_UPDATE, "tag-ids" },
    { ROLO_CONTACT_FIELD_CREATED, "created" },
  };

  g_return_val_if_fail (api_field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    {
      if (g_str_equal (map[i][0], api_field))
        return map[i][1];
    }

  return NULL;
}
