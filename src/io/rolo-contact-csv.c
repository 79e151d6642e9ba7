/* rolo-contact-csv.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-io"

#include "config.h"

#include "rolo-contact-csv.h"

static const char * const header[] = {
  ROLO_CONTACT_FIELD_ID,
  ROLO_CONTACT_FIELD_NAME,
  ROLO_CONTACT_FIELD_CONTACT_TYPE,
  ROLO_CONTACT_FIELD_EMAIL,
  ROLO_CONTACT_FIELD_MOBILE,
  ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID,
  ROLO_CONTACT_FIELD_ADDRESS,
  ROLO_CONTACT_FIELD_TAX_NUMBER,
  ROLO_CONTACT_FIELD_NOTES,
  ROLO_CONTACT_FIELD_EMAIL_NOTIFY,
  ROLO_CONTACT_FIELD_SMS_NOTIFY,
  ROLO_CONTACT_FIELD_WHATSAPP_NOTIFY,
  ROLO_CONTACT_FIELD_PARENT,
  ROLO_CONTACT_FIELD_TAGS_CREATE,
  ROLO_CONTACT_FIELD_CREATED,
  NULL
};

const char * const *
rolo_contact_csv_header (void)
{
  return header;
}

static char *
dup_id (gint64 id)
{
  return id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("");
}

static char *
dup_text (const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

static char *
dup_bool (gboolean value)
{
  return g_strdup (value ? "true" : "false");
}

static char *
dup_tags (RoloContact *contact)
{
  gsize n_tags = 0;
  const gint64 *tags = rolo_contact_get_tag_ids (contact, &n_tags);
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < n_tags; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "", tags[i]);
  return g_string_free (out, FALSE);
}

GStrv
rolo_contact_csv_record_new (RoloContact *contact)
{
  GDateTime *created;
  GPtrArray *builder;

  g_return_val_if_fail (ROLO_IS_CONTACT (contact), NULL);

  created = rolo_contact_get_created (contact);
  builder = g_ptr_array_new ();
  g_ptr_array_add (builder, dup_id (rolo_contact_get_id (contact)));
  g_ptr_array_add (builder, dup_text (rolo_contact_get_name (contact)));
  g_ptr_array_add (builder, g_strdup (rolo_contact_get_contact_type (contact) ==
                                          ROLO_CONTACT_TYPE_BUSINESS ? "2" : "1"));
  g_ptr_array_add (builder, dup_text (rolo_contact_get_email (contact)));
  g_ptr_array_add (builder, dup_text (rolo_contact_get_mobile (contact)));
  g_ptr_array_add (builder, dup_id (rolo_contact_get_mobile_country_id (contact)));
  g_ptr_array_add (builder, dup_text (rolo_contact_get_address (contact)));
  g_ptr_array_add (builder, dup_text (rolo_contact_get_tax_number (contact)));
  g_ptr_array_add (builder, dup_text (rolo_contact_get_notes (contact)));
  g_ptr_array_add (builder, dup_bool (rolo_contact_get_email_notify (contact)));
  g_ptr_array_add (builder, dup_bool (rolo_contact_get_sms_notify (contact)));
  g_ptr_array_add (builder, dup_bool (rolo_contact_get_whatsapp_notify (contact)));
  g_ptr_array_add (builder, dup_id (rolo_contact_get_parent_id (contact)));
  g_ptr_array_add (builder, dup_tags (contact));
  g_ptr_array_add (builder, created != NULL ? g_date_time_format_iso8601 (created)
                                                : g_strdup (""));
  g_assert (builder->len == G_N_ELEMENTS (header) - 1);
  g_ptr_array_add (builder, NULL);
  return (GStrv) g_ptr_array_free (builder, FALSE);
}
