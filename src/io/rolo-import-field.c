/* rolo-import-field.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-io"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rolo-country.h"
#include "rolo-import-field.h"

typedef struct
{
  const char *title;     /* N_() */
  const char *api_name;
  const char *headers;   /* other headers for it, '|'-separated, folded (see fold_header) */
} FieldInfo;

static const FieldInfo fields[ROLO_IMPORT_N_FIELDS] = {
  [ROLO_IMPORT_FIELD_SKIP] = { N_("Do not import"), NULL,
                               "cstid|id|cstcreatedon|created|createdon|importproblem" },
  [ROLO_IMPORT_FIELD_NAME] = { N_("Name"), ROLO_CONTACT_FIELD_NAME,
                               "fullname|displayname|contactname|contact" },
  [ROLO_IMPORT_FIELD_GIVEN_NAME] = { N_("First name"), NULL, "givenname|firstname|forename" },
  [ROLO_IMPORT_FIELD_FAMILY_NAME] = { N_("Last name"), NULL, "familyname|lastname|surname" },
  [ROLO_IMPORT_FIELD_CONTACT_TYPE] = { N_("Type"), ROLO_CONTACT_FIELD_CONTACT_TYPE,
                                       "contacttype|kind" },
  [ROLO_IMPORT_FIELD_EMAIL] = { N_("Email"), ROLO_CONTACT_FIELD_EMAIL,
                                "e-mail|emailaddress|e-mailaddress|primaryemail|"
                                "e-mail1-value|email1-value|e-mail1" },
  [ROLO_IMPORT_FIELD_MOBILE] = { N_("Mobile"), ROLO_CONTACT_FIELD_MOBILE,
                                 "mobilenumber|mobilephone|cell|cellphone|phone|phonenumber|"
                                 "telephone|tel|phone1-value" },
  [ROLO_IMPORT_FIELD_MOBILE_COUNTRY] = { N_("Mobile country"),
                                         ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID,
                                         "country|countrycode|mobilecountryid|phonecountry" },
  [ROLO_IMPORT_FIELD_ADDRESS] = { N_("Address"), ROLO_CONTACT_FIELD_ADDRESS,
                                  "homeaddress|workaddress|address1-formatted|street|"
                                  "postaladdress" },
  [ROLO_IMPORT_FIELD_TAX_NUMBER] = { N_("Tax number"), ROLO_CONTACT_FIELD_TAX_NUMBER,
                                     "taxnumber|taxid|vat|vatnumber|trn|ctaxnumber" },
  [ROLO_IMPORT_FIELD_NOTES] = { N_("Notes"), ROLO_CONTACT_FIELD_NOTES, "note|comments|comment" },
  [ROLO_IMPORT_FIELD_EMAIL_NOTIFY] = { N_("Email notifications"),
                                       ROLO_CONTACT_FIELD_EMAIL_NOTIFY, "emailnotify" },
  [ROLO_IMPORT_FIELD_SMS_NOTIFY] = { N_("SMS notifications"), ROLO_CONTACT_FIELD_SMS_NOTIFY,
                                     "smsnotify" },
  [ROLO_IMPORT_FIELD_WHATSAPP_NOTIFY] = { N_("WhatsApp notifications"),
                                          ROLO_CONTACT_FIELD_WHATSAPP_NOTIFY,
                                          "whatsappnotify" },
  [ROLO_IMPORT_FIELD_PARENT] = { N_("Business (id)"), ROLO_CONTACT_FIELD_PARENT,
                                 "parent|parentid|business|businessid|companyid" },
  [ROLO_IMPORT_FIELD_TAGS] = { N_("Tags (ids)"), ROLO_CONTACT_FIELD_TAGS_CREATE,
                               "tags|tagids|tagid" },
};

const char *
rolo_import_field_get_title (RoloImportField field)
{
  g_return_val_if_fail (field < ROLO_IMPORT_N_FIELDS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, fields[field].title);
}

const char *
rolo_import_field_get_api_name (RoloImportField field)
{
  g_return_val_if_fail (field < ROLO_IMPORT_N_FIELDS, NULL);

  if (field == ROLO_IMPORT_FIELD_GIVEN_NAME || field == ROLO_IMPORT_FIELD_FAMILY_NAME)
    return ROLO_CONTACT_FIELD_NAME;
  return fields[field].api_name;
}

/* "E-mail 1 - Value" → "e-mail1-value": case folded, spaces and
 * underscores dropped (the API's "cst_whatsapp_notify" is "cstwhatsappnotify"). */
static char *
fold_header (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    if (*p != ' ' && *p != '_' && *p != '\t')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static gboolean
header_is (const char *folded,
           const char *candidate)
{
  g_autofree char *folded_candidate = candidate != NULL ? fold_header (candidate) : NULL;

  return folded_candidate != NULL && g_str_equal (folded, folded_candidate);
}

static gboolean
header_in_list (const char *folded,
                const char *list)
{
  g_auto(GStrv) names = g_strsplit (list, "|", -1);

  return g_strv_contains ((const char * const *) names, folded);
}

RoloImportField
rolo_import_field_guess (const char *header)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (header != NULL, ROLO_IMPORT_FIELD_SKIP);

  stripped = g_strstrip (g_strdup (header));
  folded = fold_header (stripped);
  for (guint i = ROLO_IMPORT_FIELD_NAME; i < ROLO_IMPORT_N_FIELDS; i++)
    if (header_is (folded, fields[i].api_name) || header_is (folded, fields[i].title) ||
        header_is (folded, g_dgettext (GETTEXT_PACKAGE, fields[i].title)) ||
        header_in_list (folded, fields[i].headers))
      return i;
  /* The update body's name for tags. */
  if (header_is (folded, ROLO_CONTACT_FIELD_TAGS_UPDATE))
    return ROLO_IMPORT_FIELD_TAGS;
  return ROLO_IMPORT_FIELD_SKIP;
}

static gboolean
word_in (const char *folded,
         const char *list)
{
  return header_in_list (folded, list);
}

static gboolean
parse_contact_type (const char      *text,
                    RoloContactType *type)
{
  g_autofree char *folded = fold_header (text);

  if (word_in (folded, "1|individual|person|people|private"))
    *type = ROLO_CONTACT_TYPE_INDIVIDUAL;
  else if (word_in (folded, "2|business|company|organisation|organization|org|firm"))
    *type = ROLO_CONTACT_TYPE_BUSINESS;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_boolean (const char *text,
               gboolean   *value)
{
  g_autofree char *folded = fold_header (text);

  if (word_in (folded, "true|yes|y|1|on|x"))
    *value = TRUE;
  else if (word_in (folded, "false|no|n|0|off"))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

/* By id, by ISO code ("GB"), by name or by a dialing prefix ("+44") that
 * only one country has. */
static RoloCountry *
find_country (const char  *text,
              char       **message)
{
  GListModel *countries = rolo_country_list_get_default ();
  g_autofree char *prefix = NULL;
  RoloCountry *found = NULL;
  guint n_found = 0;
  gint64 id;

  if (parse_id (text, &id) && id <= G_MAXINT && rolo_country_lookup_id ((int) id) != NULL)
    return rolo_country_lookup_id ((int) id);
  if (strlen (text) == 2 && rolo_country_lookup_code (text) != NULL)
    return rolo_country_lookup_code (text);

  prefix = g_strdup (text[0] == '+' ? text + 1 : text);
  for (guint i = 0; i < g_list_model_get_n_items (countries); i++)
    {
      g_autoptr(RoloCountry) country = g_list_model_get_item (countries, i);
      const char *dialing = rolo_country_get_dialing_prefix (country);

      if (g_utf8_collate (rolo_country_get_name (country), text) == 0 ||
          g_ascii_strcasecmp (rolo_country_get_name (country), text) == 0)
        return country;
      if (dialing[0] == '+' && g_str_equal (dialing + 1, prefix) && n_found++ == 0)
        found = country;
    }
  if (n_found == 1)
    return found;

  if (n_found > 1)
    /* Translators: %s is a dialing prefix such as +1. */
    *message = g_strdup_printf (_("Several countries dial %s: give the country's two-letter "
                                  "code instead, like US or CA."), text);
  else
    /* Translators: %s is what the file has for a mobile's country. */
    *message = g_strdup_printf (_("No country is known as “%s”: give its id, its two-letter "
                                  "code (GB) or its dialing prefix (+44)."), text);
  return NULL;
}

static gboolean
parse_tags (const char *text,
            GArray     *tags)
{
  g_auto(GStrv) parts = g_strsplit_set (text, " ,;|", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id;

      if (parts[i][0] == '\0')
        continue;
      if (!parse_id (parts[i], &id))
        return FALSE;
      g_array_append_val (tags, id);
    }
  return TRUE;
}

static gboolean
apply_switch (RoloImportField  field,
              const char      *text,
              RoloContact     *contact,
              char           **message)
{
  gboolean value;

  if (!parse_boolean (text, &value))
    {
      /* Translators: %s is the file's text. */
      *message = g_strdup_printf (_("“%s” is neither yes nor no: use true or false."), text);
      return FALSE;
    }
  if (field == ROLO_IMPORT_FIELD_EMAIL_NOTIFY)
    rolo_contact_set_email_notify (contact, value);
  else if (field == ROLO_IMPORT_FIELD_SMS_NOTIFY)
    rolo_contact_set_sms_notify (contact, value);
  else
    rolo_contact_set_whatsapp_notify (contact, value);
  return TRUE;
}

static gboolean
apply_number (RoloImportField  field,
              const char      *text,
              RoloContact     *contact,
              char           **message)
{
  g_autoptr(GArray) tags = NULL;
  RoloContactType type;
  RoloCountry *country;
  gint64 id;

  switch (field)
    {
    case ROLO_IMPORT_FIELD_CONTACT_TYPE:
      if (!parse_contact_type (text, &type))
        {
          *message = g_strdup_printf (_("“%s” is not a contact type: use Individual or "
                                        "Business (or 1 or 2)."), text);
          return FALSE;
        }
      rolo_contact_set_contact_type (contact, type);
      return TRUE;
    case ROLO_IMPORT_FIELD_MOBILE_COUNTRY:
      country = find_country (text, message);
      if (country != NULL)
        rolo_contact_set_mobile_country_id (contact, rolo_country_get_id (country));
      return country != NULL;
    case ROLO_IMPORT_FIELD_PARENT:
      if (!parse_id (text, &id))
        {
          *message = g_strdup_printf (_("“%s” is not a contact id: give the number of a "
                                        "business."), text);
          return FALSE;
        }
      rolo_contact_set_parent_id (contact, id);
      return TRUE;
    case ROLO_IMPORT_FIELD_TAGS:
      tags = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (!parse_tags (text, tags))
        {
          *message = g_strdup_printf (_("“%s” are not tag ids: give numbers, separated by "
                                        "spaces."), text);
          return FALSE;
        }
      rolo_contact_set_tag_ids (contact, (const gint64 *) (gconstpointer) tags->data, tags->len);
      return TRUE;
    default:
      return apply_switch (field, text, contact, message);
    }
}

gboolean
rolo_import_field_apply (RoloImportField   field,
                         const char       *text,
                         RoloContact      *contact,
                         char            **message)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (field < ROLO_IMPORT_N_FIELDS, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (message != NULL && *message == NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return TRUE;

  switch (field)
    {
    case ROLO_IMPORT_FIELD_SKIP:
    case ROLO_IMPORT_FIELD_NAME:
    case ROLO_IMPORT_FIELD_GIVEN_NAME:
    case ROLO_IMPORT_FIELD_FAMILY_NAME:
    case ROLO_IMPORT_N_FIELDS:
      return TRUE;
    case ROLO_IMPORT_FIELD_EMAIL:
      rolo_contact_set_email (contact, trimmed);
      return TRUE;
    case ROLO_IMPORT_FIELD_MOBILE:
      rolo_contact_set_mobile (contact, trimmed);
      return TRUE;
    /* Free text as it is, line breaks and all: a round trip keeps it. */
    case ROLO_IMPORT_FIELD_ADDRESS:
      rolo_contact_set_address (contact, text);
      return TRUE;
    case ROLO_IMPORT_FIELD_TAX_NUMBER:
      rolo_contact_set_tax_number (contact, trimmed);
      return TRUE;
    case ROLO_IMPORT_FIELD_NOTES:
      rolo_contact_set_notes (contact, text);
      return TRUE;
    default:
      return apply_number (field, trimmed, contact, message);
    }
}
