/* rolo-import-field.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rolo-contact.h"

G_BEGIN_DECLS

/* What a column of an imported CSV file holds. */
typedef enum
{
  ROLO_IMPORT_FIELD_SKIP,            /* not imported (ids, dates, unknown columns) */
  ROLO_IMPORT_FIELD_NAME,
  ROLO_IMPORT_FIELD_GIVEN_NAME,      /* joined with the family name when there is no name */
  ROLO_IMPORT_FIELD_FAMILY_NAME,
  ROLO_IMPORT_FIELD_CONTACT_TYPE,
  ROLO_IMPORT_FIELD_EMAIL,
  ROLO_IMPORT_FIELD_MOBILE,
  ROLO_IMPORT_FIELD_MOBILE_COUNTRY,
  ROLO_IMPORT_FIELD_ADDRESS,
  ROLO_IMPORT_FIELD_TAX_NUMBER,
  ROLO_IMPORT_FIELD_NOTES,
  ROLO_IMPORT_FIELD_EMAIL_NOTIFY,
  ROLO_IMPORT_FIELD_SMS_NOTIFY,
  ROLO_IMPORT_FIELD_WHATSAPP_NOTIFY,
  ROLO_IMPORT_FIELD_PARENT,
  ROLO_IMPORT_FIELD_TAGS,
  ROLO_IMPORT_N_FIELDS
} RoloImportField;

/* "Email", "Mobile country"…: translated, for the mapping page. */
const char      *rolo_import_field_get_title     (RoloImportField  field);
/* The API field it fills ("cstemail"), or NULL for SKIP. Given and family
 * names fill cstname. */
const char      *rolo_import_field_get_api_name  (RoloImportField  field);

/* The field a column header names: the API's names (so a file Rolo
 * exported maps by itself), the titles above, and the usual headers of
 * spreadsheets, Google Contacts and Thunderbird ("E-mail 1 - Value",
 * "Primary Email", "First Name"…); any case, spaces or underscores. SKIP
 * when unknown. */
RoloImportField  rolo_import_field_guess         (const char      *header);

/* Reads @text (trimmed) as @field's value into @contact. FALSE with
 * *message (translated) when it cannot be read: a type that is neither
 * individual nor business, a country that does not exist, a boolean or an
 * id that is not one. Empty text leaves the contact's value as it is.
 * Names are set by the caller (they may come from two columns). */
gboolean         rolo_import_field_apply         (RoloImportField  field,
                                                  const char      *text,
                                                  RoloContact     *contact,
                                                  char           **message);

G_END_DECLS
