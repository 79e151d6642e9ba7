/* rolo-contact-change.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rolo-client-error.h"
#include "rolo-contact-change.h"
#include "rolo-contact-fields.h"
#include "rolo-contact-validation.h"

struct _RoloContactChange
{
  GObject          parent_instance;

  RoloChangeFields fields;
  RoloContact     *values;    /* the new values of the fields set */
  RoloTagChange    tag_mode;
  GArray          *tag_ids;   /* gint64, sorted, no repeats */
};

G_DEFINE_FINAL_TYPE (RoloContactChange, rolo_contact_change, G_TYPE_OBJECT)

static void
rolo_contact_change_finalize (GObject *object)
{
  RoloContactChange *self = ROLO_CONTACT_CHANGE (object);

  g_clear_object (&self->values);
  g_clear_pointer (&self->tag_ids, g_array_unref);

  G_OBJECT_CLASS (rolo_contact_change_parent_class)->finalize (object);
}

static void
rolo_contact_change_class_init (RoloContactChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rolo_contact_change_finalize;
}

static void
rolo_contact_change_init (RoloContactChange *self)
{
  self->values = rolo_contact_new ();
  self->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

RoloContactChange *
rolo_contact_change_new (void)
{
  return g_object_new (ROLO_TYPE_CONTACT_CHANGE, NULL);
}

RoloChangeFields
rolo_contact_change_get_fields (RoloContactChange *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_CHANGE (self), ROLO_CHANGE_NONE);

  return self->fields;
}

static gboolean
makes_business (RoloContactChange *self)
{
  return (self->fields & ROLO_CHANGE_CONTACT_TYPE) != 0 &&
         rolo_contact_get_contact_type (self->values) == ROLO_CONTACT_TYPE_BUSINESS;
}

RoloChangeFields
rolo_contact_change_get_touched (RoloContactChange *self)
{
  g_return_val_if_fail (ROLO_IS_CONTACT_CHANGE (self), ROLO_CHANGE_NONE);

  return self->fields | (makes_business (self) ? ROLO_CHANGE_PARENT : 0);
}

void
rolo_contact_change_set_contact_type (RoloContactChange *self,
                                      RoloContactType    contact_type)
{
  g_return_if_fail (ROLO_IS_CONTACT_CHANGE (self));

  rolo_contact_set_contact_type (self->values, contact_type);
  self->fields |= ROLO_CHANGE_CONTACT_TYPE;
}

void
rolo_contact_change_set_parent_id (RoloContactChange *self,
                                   gint64             parent_id)
{
  g_return_if_fail (ROLO_IS_CONTACT_CHANGE (self));

  rolo_contact_set_parent_id (self->values, parent_id);
  self->fields |= ROLO_CHANGE_PARENT;
}

void
rolo_contact_change_set_mobile_country_id (RoloContactChange *self,
                                           int                country_id)
{
  g_return_if_fail (ROLO_IS_CONTACT_CHANGE (self));

  rolo_contact_set_mobile_country_id (self->values, country_id);
  self->fields |= ROLO_CHANGE_MOBILE_COUNTRY;
}

void
rolo_contact_change_set_email_notify (RoloContactChange *self,
                                      gboolean           notify)
{
  g_return_if_fail (ROLO_IS_CONTACT_CHANGE (self));

  rolo_contact_set_email_notify (self->values, notify);
  self->fields |= ROLO_CHANGE_EMAIL_NOTIFY;
}

void
rolo_contact_change_set_sms_notify (RoloContactChange *self,
                                    gboolean           notify)
{
  g_return_if_fail (ROLO_IS_CONTACT_CHANGE (self));

  rolo_contact_set_sms_notify (self->values, notify);
  self->fields |= ROLO_CHANGE_SMS_NOTIFY;
}

void
rolo_contact_change_set_whatsapp_notify (RoloContactChange *self,
                                         gboolean           notify)
{
  g_return_if_fail (ROLO_IS_CONTACT_CHANGE (self));

  rolo_contact_set_whatsapp_notify (self->values, notify);
  self->fields |= ROLO_CHANGE_WHATSAPP_NOTIFY;
}

void
rolo_contact_change_set_address (RoloContactChange *self,
                                 const char        *address)
{
  g_return_if_fail (ROLO_IS_CONTACT_CHANGE (self));

  rolo_contact_set_address (self->values, address);
  self->fields |= ROLO_CHANGE_ADDRESS;
}

void
rolo_contact_change_set_notes (RoloContactChange *self,
                               const char        *notes)
{
  g_return_if_fail (ROLO_IS_CONTACT_CHANGE (self));

  rolo_contact_set_notes (self->values, notes);
  self->fields |= ROLO_CHANGE_NOTES;
}

void
rolo_contact_change_set_tags (RoloContactChange *self,
                              RoloTagChange      mode,
                              const gint64      *tag_ids,
                              gsize              n_tag_ids)
{
  g_return_if_fail (ROLO_IS_CONTACT_CHANGE (self));
  g_return_if_fail (tag_ids != NULL || n_tag_ids == 0);

  /* The contact keeps them sorted and once each. */
  rolo_contact_set_tag_ids (self->values, tag_ids, n_tag_ids);
  tag_ids = rolo_contact_get_tag_ids (self->values, &n_tag_ids);
  g_array_set_size (self->tag_ids, 0);
  g_array_append_vals (self->tag_ids, tag_ids, n_tag_ids);
  self->tag_mode = mode;
  self->fields |= ROLO_CHANGE_TAGS;
}

void
rolo_contact_change_unset (RoloContactChange *self,
                           RoloChangeFields   fields)
{
  g_autoptr(RoloContact) blank = rolo_contact_new ();
  g_autoptr(RoloContact) values = NULL;

  g_return_if_fail (ROLO_IS_CONTACT_CHANGE (self));

  self->fields &= ~fields;
  if (fields & ROLO_CHANGE_TAGS)
    g_array_set_size (self->tag_ids, 0);
  /* What stays set keeps its value; the rest is as on a new contact. */
  values = rolo_contact_change_apply (self, blank);
  g_set_object (&self->values, values);
}

static gboolean
has_tag (const gint64 *tag_ids,
         gsize         n_tag_ids,
         gint64        tag_id)
{
  for (gsize i = 0; i < n_tag_ids; i++)
    if (tag_ids[i] == tag_id)
      return TRUE;

  return FALSE;
}

static void
apply_tags (RoloContactChange *self,
            RoloContact       *contact)
{
  g_autoptr(GArray) tags = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *old_tags;
  gsize n_old_tags;

  if (self->tag_mode == ROLO_TAG_CHANGE_REPLACE)
    {
      rolo_contact_set_tag_ids (contact, (gint64 *) (void *) self->tag_ids->data,
                                self->tag_ids->len);
      return;
    }

  old_tags = rolo_contact_get_tag_ids (contact, &n_old_tags);
  for (gsize i = 0; i < n_old_tags; i++)
    if (self->tag_mode == ROLO_TAG_CHANGE_ADD ||
        !has_tag ((gint64 *) (void *) self->tag_ids->data, self->tag_ids->len, old_tags[i]))
      g_array_append_val (tags, old_tags[i]);
  if (self->tag_mode == ROLO_TAG_CHANGE_ADD)
    g_array_append_vals (tags, self->tag_ids->data, self->tag_ids->len);
  rolo_contact_set_tag_ids (contact, (gint64 *) (void *) tags->data, tags->len);
}

/* Which field of the contact each change sets. The country of the mobile
 * number has none of its own in the table (it goes with the number). */
static const struct
{
  RoloChangeFields change;
  RoloField        field;
} change_fields[] = {
  { ROLO_CHANGE_CONTACT_TYPE, ROLO_FIELD_TYPE },
  { ROLO_CHANGE_PARENT, ROLO_FIELD_PARENT },
  { ROLO_CHANGE_EMAIL_NOTIFY, ROLO_FIELD_EMAIL_NOTIFY },
  { ROLO_CHANGE_SMS_NOTIFY, ROLO_FIELD_SMS_NOTIFY },
  { ROLO_CHANGE_WHATSAPP_NOTIFY, ROLO_FIELD_WHATSAPP_NOTIFY },
  { ROLO_CHANGE_TAGS, ROLO_FIELD_TAGS },
  { ROLO_CHANGE_ADDRESS, ROLO_FIELD_ADDRESS },
  { ROLO_CHANGE_NOTES, ROLO_FIELD_NOTES },
};

/* Copies the @fields of @from onto @to. */
static void
copy_fields (RoloContact      *to,
             RoloContact      *from,
             RoloChangeFields  fields)
{
  for (guint i = 0; i < G_N_ELEMENTS (change_fields); i++)
    if (fields & change_fields[i].change)
      rolo_field_copy_value (change_fields[i].field, to, from);
  if (fields & ROLO_CHANGE_MOBILE_COUNTRY)
    rolo_contact_set_mobile_country_id (to, rolo_contact_get_mobile_country_id (from));
}

RoloContact *
rolo_contact_change_apply (RoloContactChange *self,
                           RoloContact       *before)
{
  RoloContact *after;

  g_return_val_if_fail (ROLO_IS_CONTACT_CHANGE (self), NULL);
  g_return_val_if_fail (ROLO_IS_CONTACT (before), NULL);

  after = rolo_contact_copy (before);
  copy_fields (after, self->values, self->fields & ~ROLO_CHANGE_TAGS);
  if (makes_business (self))
    rolo_contact_set_parent_id (after, 0);
  if (self->fields & ROLO_CHANGE_TAGS)
    apply_tags (self, after);

  return after;
}

RoloContact *
rolo_contact_change_revert (RoloContactChange *self,
                            RoloContact       *before,
                            RoloContact       *current)
{
  RoloContact *reverted;

  g_return_val_if_fail (ROLO_IS_CONTACT_CHANGE (self), NULL);
  g_return_val_if_fail (ROLO_IS_CONTACT (before), NULL);
  g_return_val_if_fail (ROLO_IS_CONTACT (current), NULL);

  reverted = rolo_contact_copy (current);
  copy_fields (reverted, before, rolo_contact_change_get_touched (self));

  return reverted;
}

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_INVALID_INPUT, message);
  return FALSE;
}

static gboolean
fail_with (GError **error,
           char    *message)
{
  g_autofree char *owned = message;

  return fail (error, owned);
}

/* A parent given to contacts: none of them may be a business, or itself. */
static gboolean
validate_parent (RoloContactChange  *self,
                 GPtrArray          *contacts,
                 GError            **error)
{
  gint64 parent_id = rolo_contact_get_parent_id (self->values);
  guint n_businesses = 0;

  if (parent_id == 0)
    return TRUE;
  if (makes_business (self))
    return fail (error, _("A business cannot be linked to a business. "
                          "Change the type to Individual, or leave the business alone."));

  for (guint i = 0; i < contacts->len; i++)
    {
      RoloContact *contact = g_ptr_array_index (contacts, i);
      RoloContactType type = (self->fields & ROLO_CHANGE_CONTACT_TYPE)
                             ? rolo_contact_get_contact_type (self->values)
                             : rolo_contact_get_contact_type (contact);

      if (rolo_contact_get_id (contact) == parent_id)
        return fail_with (error, g_strdup_printf (_("“%s” cannot be linked to itself. "
                                                    "Choose another business."),
                                                  rolo_contact_get_name (contact)));
      if (type != ROLO_CONTACT_TYPE_INDIVIDUAL)
        n_businesses++;
    }

  if (n_businesses > 0)
    return fail_with (error,
                      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%'u of the contacts is a business, which "
                                                    "cannot be linked to a business.",
                                                    "%'u of the contacts are businesses, which "
                                                    "cannot be linked to a business.",
                                                    n_businesses),
                                       n_businesses));
  return TRUE;
}

gboolean
rolo_contact_change_validate (RoloContactChange  *self,
                              GPtrArray          *contacts,
                              GError            **error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (ROLO_IS_CONTACT_CHANGE (self), FALSE);
  g_return_val_if_fail (contacts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (contacts->len == 0)
    return fail (error, _("No contacts are selected."));
  if (self->fields == ROLO_CHANGE_NONE)
    return fail (error, _("Tick the fields to change."));
  if ((self->fields & ROLO_CHANGE_TAGS) && self->tag_mode != ROLO_TAG_CHANGE_REPLACE &&
      self->tag_ids->len == 0)
    return fail (error, _("Enter the tags to add or remove."));

  if (self->fields & ROLO_CHANGE_CONTACT_TYPE)
    message = rolo_contact_check_contact_type (rolo_contact_get_contact_type (self->values));
  if (message == NULL && (self->fields & ROLO_CHANGE_ADDRESS))
    message = rolo_contact_check_address (rolo_contact_get_address (self->values));
  if (message == NULL && (self->fields & ROLO_CHANGE_NOTES))
    message = rolo_contact_check_notes (rolo_contact_get_notes (self->values));
  if (message != NULL)
    return fail (error, message);

  if (self->fields & ROLO_CHANGE_PARENT)
    return validate_parent (self, contacts, error);

  return TRUE;
}
