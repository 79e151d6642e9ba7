/* rolo-contact.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  ROLO_CONTACT_TYPE_ANY        = 0, /* a query filter: both; on a contact: unknown */
  ROLO_CONTACT_TYPE_INDIVIDUAL = 1,
  ROLO_CONTACT_TYPE_BUSINESS   = 2,
} RoloContactType;

#define ROLO_TYPE_CONTACT_TYPE (rolo_contact_type_get_type ())
GType rolo_contact_type_get_type (void);

/* Where a contact handed out by RoloContactList stands: READY holds data;
 * LOADING is a placeholder whose page has not arrived yet; FAILED is a
 * placeholder whose page failed (it turns LOADING again on a retry). Contacts
 * made any other way stay READY. */
typedef enum
{
  ROLO_CONTACT_STATE_READY,
  ROLO_CONTACT_STATE_LOADING,
  ROLO_CONTACT_STATE_FAILED,
} RoloContactState;

#define ROLO_TYPE_CONTACT_STATE (rolo_contact_state_get_type ())
GType rolo_contact_state_get_type (void);

/* API field names, as used in request bodies and as the keys of field errors
 * (rolo_client_error_get_field_errors(), rolo_contact_validate()). */
#define ROLO_CONTACT_FIELD_ID                "cstid"
#define ROLO_CONTACT_FIELD_NAME              "cstname"
#define ROLO_CONTACT_FIELD_EMAIL             "cstemail"
#define ROLO_CONTACT_FIELD_MOBILE            "cstmobile"
#define ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID "cstmobile_country_id"
#define ROLO_CONTACT_FIELD_ADDRESS           "cstaddress"
#define ROLO_CONTACT_FIELD_TAX_NUMBER        "ct_taxnumber"
#define ROLO_CONTACT_FIELD_NOTES             "cstnotes"
#define ROLO_CONTACT_FIELD_EMAIL_NOTIFY      "cstemailnotify"
#define ROLO_CONTACT_FIELD_SMS_NOTIFY        "cstsmsnotify"
#define ROLO_CONTACT_FIELD_WHATSAPP_NOTIFY   "cst_whatsapp_notify"
#define ROLO_CONTACT_FIELD_CONTACT_TYPE      "contact_type"
#define ROLO_CONTACT_FIELD_PARENT            "contact_parent"
#define ROLO_CONTACT_FIELD_TAGS_CREATE       "cst_tag_id" /* create body and GET answers */
#define ROLO_CONTACT_FIELD_TAGS_UPDATE       "tag_ids"    /* update body */
#define ROLO_CONTACT_FIELD_CREATED           "cstcreated_on"

#define ROLO_TYPE_CONTACT (rolo_contact_get_type ())

G_DECLARE_FINAL_TYPE (RoloContact, rolo_contact, ROLO, CONTACT, GObject)

/* Strings are never NULL: "" means "no value". Numbers use 0 for "none"
 * (id of a contact not yet created, no parent, no country). Tag ids are kept
 * as a set: sorted, without duplicates. */
RoloContact     *rolo_contact_new                      (void);
/* copy and equal deal in data only: a copy is READY whatever the state of
 * @self, and equal ignores the state. */
RoloContact     *rolo_contact_copy                     (RoloContact       *self);
gboolean         rolo_contact_equal                    (RoloContact       *a,
                                                        RoloContact       *b);
/* Sets every data field of @self (not its state) to those of @other,
 * notifying only the properties that change, all at once at the end. */
void             rolo_contact_update_from              (RoloContact       *self,
                                                        RoloContact       *other);
/* "state" property, READY by default. */
RoloContactState rolo_contact_get_state                (RoloContact       *self);
void             rolo_contact_set_state                (RoloContact       *self,
                                                        RoloContactState   state);

gint64           rolo_contact_get_id                   (RoloContact       *self);
void             rolo_contact_set_id                   (RoloContact       *self,
                                                        gint64             id);
const char      *rolo_contact_get_name                 (RoloContact       *self);
void             rolo_contact_set_name                 (RoloContact       *self,
                                                        const char        *name);
const char      *rolo_contact_get_email                (RoloContact       *self);
void             rolo_contact_set_email                (RoloContact       *self,
                                                        const char        *email);
const char      *rolo_contact_get_mobile               (RoloContact       *self);
void             rolo_contact_set_mobile               (RoloContact       *self,
                                                        const char        *mobile);
int              rolo_contact_get_mobile_country_id    (RoloContact       *self);
void             rolo_contact_set_mobile_country_id    (RoloContact       *self,
                                                        int                country_id);
const char      *rolo_contact_get_address              (RoloContact       *self);
void             rolo_contact_set_address              (RoloContact       *self,
                                                        const char        *address);
const char      *rolo_contact_get_tax_number           (RoloContact       *self);
void             rolo_contact_set_tax_number           (RoloContact       *self,
                                                        const char        *tax_number);
const char      *rolo_contact_get_notes                (RoloContact       *self);
void             rolo_contact_set_notes                (RoloContact       *self,
                                                        const char        *notes);
gboolean         rolo_contact_get_email_notify         (RoloContact       *self);
void             rolo_contact_set_email_notify         (RoloContact       *self,
                                                        gboolean           notify);
gboolean         rolo_contact_get_sms_notify           (RoloContact       *self);
void             rolo_contact_set_sms_notify           (RoloContact       *self,
                                                        gboolean           notify);
gboolean         rolo_contact_get_whatsapp_notify      (RoloContact       *self);
void             rolo_contact_set_whatsapp_notify      (RoloContact       *self,
                                                        gboolean           notify);
RoloContactType  rolo_contact_get_contact_type         (RoloContact       *self);
void             rolo_contact_set_contact_type         (RoloContact       *self,
                                                        RoloContactType    contact_type);
gint64           rolo_contact_get_parent_id            (RoloContact       *self);
void             rolo_contact_set_parent_id            (RoloContact       *self,
                                                        gint64             parent_id);
const gint64    *rolo_contact_get_tag_ids              (RoloContact       *self,
                                                        gsize             *n_tag_ids);
void             rolo_contact_set_tag_ids              (RoloContact       *self,
                                                        const gint64      *tag_ids,
                                                        gsize              n_tag_ids);
GDateTime       *rolo_contact_get_created              (RoloContact       *self);
void             rolo_contact_set_created              (RoloContact       *self,
                                                        GDateTime         *created);

/* Lenient (API.md, "tolerate"): fails only when the object has no usable cstid. */
RoloContact     *rolo_contact_new_from_json            (JsonObject        *object,
                                                        GError           **error);
/* The POST body: every field with a value, name trimmed, tags as cst_tag_id. */
JsonObject      *rolo_contact_to_create_json           (RoloContact       *self);
/* The PUT body: only the fields in which edited differs from original, tags as
 * tag_ids (the whole set). A cleared string is sent as "", a cleared parent or
 * country as null. An empty object means nothing changed. */
JsonObject      *rolo_contact_diff_to_update_json      (RoloContact       *original,
                                                        RoloContact       *edited);
/* The GObject property name ("name") for an API field name ("cstname"), or
 * NULL for a field no property carries. */
const char      *rolo_contact_property_for_field       (const char        *api_field);

G_END_DECLS
