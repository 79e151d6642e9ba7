/* rolo-contact-change.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rolo-contact.h"

G_BEGIN_DECLS

/* The fields a bulk edit can change: those the user ticked. */
typedef enum /*< flags >*/
{
  ROLO_CHANGE_NONE            = 0,
  ROLO_CHANGE_CONTACT_TYPE    = 1 << 0,
  ROLO_CHANGE_PARENT          = 1 << 1,
  ROLO_CHANGE_MOBILE_COUNTRY  = 1 << 2,
  ROLO_CHANGE_EMAIL_NOTIFY    = 1 << 3,
  ROLO_CHANGE_SMS_NOTIFY      = 1 << 4,
  ROLO_CHANGE_WHATSAPP_NOTIFY = 1 << 5,
  ROLO_CHANGE_TAGS            = 1 << 6,
  ROLO_CHANGE_ADDRESS         = 1 << 7,
  ROLO_CHANGE_NOTES           = 1 << 8,
} RoloChangeFields;

/* What a tags change does with its tags. */
typedef enum
{
  ROLO_TAG_CHANGE_ADD,      /* adds them to each contact's tags */
  ROLO_TAG_CHANGE_REMOVE,   /* takes them out of each contact's tags */
  ROLO_TAG_CHANGE_REPLACE,  /* each contact has exactly these tags */
} RoloTagChange;

#define ROLO_TYPE_CONTACT_CHANGE (rolo_contact_change_get_type ())

G_DECLARE_FINAL_TYPE (RoloContactChange, rolo_contact_change, ROLO, CONTACT_CHANGE, GObject)

/*
 * RoloContactChange is one edit made to many contacts: the fields it sets
 * and their new values. Fields it does not set are never touched, so never
 * sent. Setting the type to Business clears the parent in the same change
 * (a business has no parent business, and the API refuses the type alone).
 */

RoloContactChange *rolo_contact_change_new             (void);
RoloChangeFields   rolo_contact_change_get_fields      (RoloContactChange *self);
/* The fields a contact can end up different in: get_fields(), and the
 * parent when the type becomes Business. */
RoloChangeFields   rolo_contact_change_get_touched     (RoloContactChange *self);

void               rolo_contact_change_set_contact_type (RoloContactChange *self,
                                                         RoloContactType    contact_type);
/* 0 takes the contacts out of their business. */
void               rolo_contact_change_set_parent_id   (RoloContactChange *self,
                                                        gint64             parent_id);
/* 0 clears the country of the number. */
void               rolo_contact_change_set_mobile_country_id (RoloContactChange *self,
                                                              int                country_id);
void               rolo_contact_change_set_email_notify (RoloContactChange *self,
                                                         gboolean           notify);
void               rolo_contact_change_set_sms_notify  (RoloContactChange *self,
                                                        gboolean           notify);
void               rolo_contact_change_set_whatsapp_notify (RoloContactChange *self,
                                                            gboolean           notify);
void               rolo_contact_change_set_address     (RoloContactChange *self,
                                                        const char        *address);
void               rolo_contact_change_set_notes       (RoloContactChange *self,
                                                        const char        *notes);
void               rolo_contact_change_set_tags        (RoloContactChange *self,
                                                        RoloTagChange      mode,
                                                        const gint64      *tag_ids,
                                                        gsize              n_tag_ids);
/* Stops changing @fields (their values are forgotten). */
void               rolo_contact_change_unset           (RoloContactChange *self,
                                                        RoloChangeFields   fields);

/* Checks the change before anything is sent, against the contacts it is
 * for (RoloContact, as the list has them: their id, name and type). FALSE
 * with %ROLO_CLIENT_ERROR_INVALID_INPUT and a message for the user when it
 * changes nothing, when a value breaks a field rule, or when it would give a
 * business a parent (or a contact itself as its parent). */
gboolean           rolo_contact_change_validate        (RoloContactChange *self,
                                                        GPtrArray         *contacts,
                                                        GError           **error);

/* @before with the change made: a new contact (transfer full). */
RoloContact       *rolo_contact_change_apply           (RoloContactChange *self,
                                                        RoloContact       *before);
/* @current with every touched field back as in @before: what undoing the
 * change sends (transfer full). Fields the change did not touch keep what
 * @current has, so edits made meanwhile elsewhere survive. */
RoloContact       *rolo_contact_change_revert          (RoloContactChange *self,
                                                        RoloContact       *before,
                                                        RoloContact       *current);

G_END_DECLS
