/* rolo-contact-fields.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rolo-contact-fields.h"
#include "rolo-contact-validation.h"

static char *
check_type (RoloContact *c)
{
  return rolo_contact_check_contact_type (rolo_contact_get_contact_type (c));
}

static char *
check_name (RoloContact *c)
{
  return rolo_contact_check_name (rolo_contact_get_name (c));
}

static char *
check_email (RoloContact *c)
{
  return rolo_contact_check_email (rolo_contact_get_email (c));
}

static char *
check_address (RoloContact *c)
{
  return rolo_contact_check_address (rolo_contact_get_address (c));
}

static char *
check_tax_number (RoloContact *c)
{
  return rolo_contact_check_tax_number (rolo_contact_get_tax_number (c));
}

static char *
check_notes (RoloContact *c)
{
  return rolo_contact_check_notes (rolo_contact_get_notes (c));
}

static char *
check_parent (RoloContact *c)
{
  return rolo_contact_check_parent (rolo_contact_get_contact_type (c), rolo_contact_get_id (c),
                                    rolo_contact_get_parent_id (c));
}

/* Every field of a contact a person edits, in the editor's form order. */
static const RoloFieldInfo field_infos[ROLO_N_FIELDS] = {
  [ROLO_FIELD_TYPE] = { ROLO_CONTACT_FIELD_CONTACT_TYPE, "contact-type", N_("Type"),
                   NULL, NULL, NULL, 0, check_type },
  [ROLO_FIELD_NAME] = { ROLO_CONTACT_FIELD_NAME, "name", N_("Name"),
                   NULL, NULL, rolo_contact_get_name, ROLO_CONTACT_NAME_MAX_CHARS, check_name },
  [ROLO_FIELD_EMAIL] = { ROLO_CONTACT_FIELD_EMAIL, "email", N_("Email"),
                    NULL, NULL, rolo_contact_get_email, 0, check_email },
  [ROLO_FIELD_MOBILE] = { ROLO_CONTACT_FIELD_MOBILE, "mobile", N_("Mobile"),
                     ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID, N_("Country of the number"),
                     rolo_contact_get_mobile, 0, NULL },
  [ROLO_FIELD_ADDRESS] = { ROLO_CONTACT_FIELD_ADDRESS, "address", N_("Address"),
                      NULL, NULL, rolo_contact_get_address, ROLO_CONTACT_ADDRESS_MAX_CHARS,
                      check_address },
  [ROLO_FIELD_TAX_NUMBER] = { ROLO_CONTACT_FIELD_TAX_NUMBER, "tax-number", N_("Tax number"),
                         NULL, NULL, rolo_contact_get_tax_number,
                         ROLO_CONTACT_TAX_NUMBER_MAX_CHARS, check_tax_number },
  [ROLO_FIELD_NOTES] = { ROLO_CONTACT_FIELD_NOTES, "notes", N_("Notes"),
                    NULL, NULL, rolo_contact_get_notes, ROLO_CONTACT_NOTES_MAX_CHARS,
                    check_notes },
  [ROLO_FIELD_EMAIL_NOTIFY] = { ROLO_CONTACT_FIELD_EMAIL_NOTIFY, "email-notify",
                           N_("Email notifications"), NULL, NULL, NULL, 0, NULL },
  [ROLO_FIELD_SMS_NOTIFY] = { ROLO_CONTACT_FIELD_SMS_NOTIFY, "sms-notify",
                         N_("SMS notifications"), NULL, NULL, NULL, 0, NULL },
  [ROLO_FIELD_WHATSAPP_NOTIFY] = { ROLO_CONTACT_FIELD_WHATSAPP_NOTIFY, "whatsapp-notify",
                              N_("WhatsApp notifications"), NULL, NULL, NULL, 0, NULL },
  [ROLO_FIELD_PARENT] = { ROLO_CONTACT_FIELD_PARENT, "parent-id", N_("Parent business"),
                     NULL, NULL, NULL, 0, check_parent },
  [ROLO_FIELD_TAGS] = { ROLO_CONTACT_FIELD_TAGS_CREATE, "tag-ids", N_("Tags"),
                   ROLO_CONTACT_FIELD_TAGS_UPDATE, N_("Tags"), NULL, 0, NULL },
};

const RoloFieldInfo *
rolo_field_get_info (RoloField field)
{
  g_return_val_if_fail (field < ROLO_N_FIELDS, NULL);

  return &field_infos[field];
}

int
rolo_field_for_api (const char *api_field)
{
  for (int i = 0; i < ROLO_N_FIELDS; i++)
    if (g_strcmp0 (api_field, field_infos[i].api_name) == 0 ||
        g_strcmp0 (api_field, field_infos[i].alias_api_name) == 0)
      return i;

  return -1;
}

char *
rolo_field_dup_label (const char *api_field)
{
  int field = rolo_field_for_api (api_field);

  if (field < 0)
    return g_strdup (api_field);
  if (g_strcmp0 (api_field, field_infos[field].alias_api_name) == 0)
    return g_strdup (_(field_infos[field].alias_label));

  return g_strdup (_(field_infos[field].label));
}

void
rolo_field_copy_value (RoloField    field,
                       RoloContact *to,
                       RoloContact *from)
{
  GValue value = G_VALUE_INIT;

  g_return_if_fail (field < ROLO_N_FIELDS);
  g_return_if_fail (ROLO_IS_CONTACT (to) && ROLO_IS_CONTACT (from));

  g_object_get_property (G_OBJECT (from), field_infos[field].property, &value);
  g_object_set_property (G_OBJECT (to), field_infos[field].property, &value);
  g_value_unset (&value);
}
