/* rolo-contact-fields.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rolo-contact.h"

G_BEGIN_DECLS

/* The fields of a contact a person edits, in the editor's form order: the
 * order errors are looked at and focused. */
typedef enum
{
  ROLO_FIELD_TYPE,
  ROLO_FIELD_NAME,
  ROLO_FIELD_EMAIL,
  ROLO_FIELD_MOBILE,
  ROLO_FIELD_ADDRESS,
  ROLO_FIELD_TAX_NUMBER,
  ROLO_FIELD_NOTES,
  ROLO_FIELD_EMAIL_NOTIFY,
  ROLO_FIELD_SMS_NOTIFY,
  ROLO_FIELD_WHATSAPP_NOTIFY,
  ROLO_FIELD_PARENT,
  ROLO_FIELD_TAGS,
  ROLO_N_FIELDS
} RoloField;

/* What a field is, apart from any widget: the contact editor and bulk edit
 * share it. Values are read and written through the RoloContact property,
 * so a copy edited that way gives the update body by
 * rolo_contact_diff_to_update_json(). */
typedef struct
{
  const char  *api_name;        /* ROLO_CONTACT_FIELD_*: keys of field errors */
  const char  *property;        /* of RoloContact */
  const char  *label;           /* untranslated: pass it to _() */
  const char  *alias_api_name;  /* a second API name the field answers to, or NULL */
  const char  *alias_label;     /* untranslated, for alias_api_name */
  const char *(*get_text) (RoloContact *contact); /* text fields, else NULL */
  guint        max_chars;       /* 0: no limit */
  char       *(*check) (RoloContact *contact);    /* NULL: any value goes */
} RoloFieldInfo;

const RoloFieldInfo *rolo_field_get_info   (RoloField    field);
/* The field an API name (or its alias) names, or -1. */
int                  rolo_field_for_api    (const char  *api_field);
/* What the user calls the field an API name names (translated); the name
 * itself when no field has it. */
char                *rolo_field_dup_label  (const char  *api_field);
/* Gives @to the value @field has in @from. */
void                 rolo_field_copy_value (RoloField    field,
                                            RoloContact *to,
                                            RoloContact *from);

G_END_DECLS
