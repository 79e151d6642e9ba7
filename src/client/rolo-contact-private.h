/* rolo-contact-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rolo-contact.h"

G_BEGIN_DECLS

/* Inside RoloContact: the object and its properties (rolo-contact.c), and
 * the contact as the API's JSON — read, written for a create, diffed for an
 * update (rolo-contact-json.c). */

struct _RoloContact
{
  GObject          parent_instance;

  gint64           id;
  char            *name;
  char            *email;
  char            *mobile;
  char            *address;
  char            *tax_number;
  char            *notes;
  int              mobile_country_id;
  gboolean         email_notify;
  gboolean         sms_notify;
  gboolean         whatsapp_notify;
  RoloContactType  contact_type;
  gint64           parent_id;
  GArray          *tag_ids;
  GDateTime       *created;
  RoloContactState state;
};

typedef enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_MOBILE,
  PROP_MOBILE_COUNTRY_ID,
  PROP_ADDRESS,
  PROP_TAX_NUMBER,
  PROP_NOTES,
  PROP_EMAIL_NOTIFY,
  PROP_SMS_NOTIFY,
  PROP_WHATSAPP_NOTIFY,
  PROP_CONTACT_TYPE,
  PROP_PARENT_ID,
  PROP_TAG_IDS,
  PROP_CREATED,
  PROP_STATE,
  N_PROPS
} RoloContactProp;

/* The plain string fields, all handled alike (the name is trimmed apart). */
typedef struct
{
  const char *field;
  guint       prop_id;
  gsize       offset;
} StringField;

static const StringField string_fields[] = {
  { ROLO_CONTACT_FIELD_EMAIL, PROP_EMAIL, G_STRUCT_OFFSET (RoloContact, email) },
  { ROLO_CONTACT_FIELD_MOBILE, PROP_MOBILE, G_STRUCT_OFFSET (RoloContact, mobile) },
  { ROLO_CONTACT_FIELD_ADDRESS, PROP_ADDRESS, G_STRUCT_OFFSET (RoloContact, address) },
  { ROLO_CONTACT_FIELD_TAX_NUMBER, PROP_TAX_NUMBER, G_STRUCT_OFFSET (RoloContact, tax_number) },
  { ROLO_CONTACT_FIELD_NOTES, PROP_NOTES, G_STRUCT_OFFSET (RoloContact, notes) },
};

typedef struct
{
  const char *field;
  guint       prop_id;
  gsize       offset;
} BooleanField;

static const BooleanField boolean_fields[] = {
  { ROLO_CONTACT_FIELD_EMAIL_NOTIFY, PROP_EMAIL_NOTIFY,
    G_STRUCT_OFFSET (RoloContact, email_notify) },
  { ROLO_CONTACT_FIELD_SMS_NOTIFY, PROP_SMS_NOTIFY,
    G_STRUCT_OFFSET (RoloContact, sms_notify) },
  { ROLO_CONTACT_FIELD_WHATSAPP_NOTIFY, PROP_WHATSAPP_NOTIFY,
    G_STRUCT_OFFSET (RoloContact, whatsapp_notify) },
};

#define STRING_AT(self, offset) (G_STRUCT_MEMBER_P ((self), (offset)))
#define BOOLEAN_AT(self, offset) (G_STRUCT_MEMBER (gboolean, (self), (offset)))

GArray   *rolo_contact_normalize_tag_ids (const gint64 *tag_ids,
                                          gsize         n_tag_ids);
gboolean  rolo_contact_tag_ids_equal     (GArray       *a,
                                          GArray       *b);
char     *rolo_contact_dup_trimmed       (const char   *text);
JsonNode *rolo_contact_tag_ids_to_node   (GArray       *tag_ids);

G_END_DECLS
