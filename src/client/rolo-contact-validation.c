/* rolo-contact-validation.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rolo-client-error-private.h"
#include "rolo-contact-validation.h"

/* TRUE when text is valid UTF-8 of at most max_chars characters; otherwise
 * *message may receive the reason when it is not about the length. */
static gboolean
fits (const char  *text,
      glong        max_chars,
      char       **message)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      *message = g_strdup (_("Contains characters that are not valid text."));
      return FALSE;
    }

  return g_utf8_strlen (text, -1) <= max_chars;
}

char *
rolo_contact_check_name (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  char *message = NULL;

  if (*trimmed == '\0')
    return g_strdup (_("A name is required."));
  if (fits (trimmed, ROLO_CONTACT_NAME_MAX_CHARS, &message))
    return NULL;
  if (message != NULL)
    return message;

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The name can be at most %'d character long.",
                                       "The name can be at most %'d characters long.",
                                       ROLO_CONTACT_NAME_MAX_CHARS),
                          ROLO_CONTACT_NAME_MAX_CHARS);
}

static gboolean
has_space (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isspace (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

gboolean
rolo_contact_email_is_valid (const char *email)
{
  const char *at;
  const char *domain;
  const char *dot;
  gsize domain_len;

  if (email == NULL || *email == '\0')
    return TRUE;
  if (!g_utf8_validate (email, -1, NULL) || has_space (email))
    return FALSE;

  at = strchr (email, '@');
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;

  domain = at + 1;
  domain_len = strlen (domain);
  dot = strchr (domain, '.');

  return dot != NULL && domain[0] != '.' && domain[domain_len - 1] != '.';
}

char *
rolo_contact_check_email (const char *email)
{
  if (rolo_contact_email_is_valid (email))
    return NULL;

  return g_strdup (_("Enter an email address like name@example.com, or leave it empty."));
}

char *
rolo_contact_check_address (const char *address)
{
  char *message = NULL;

  if (fits (address, ROLO_CONTACT_ADDRESS_MAX_CHARS, &message))
    return NULL;
  if (message != NULL)
    return message;

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The address can be at most %'d character long.",
                                       "The address can be at most %'d characters long.",
                                       ROLO_CONTACT_ADDRESS_MAX_CHARS),
                          ROLO_CONTACT_ADDRESS_MAX_CHARS);
}

char *
rolo_contact_check_tax_number (const char *tax_number)
{
  char *message = NULL;

  if (fits (tax_number, ROLO_CONTACT_TAX_NUMBER_MAX_CHARS, &message))
    return NULL;
  if (message != NULL)
    return message;

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The tax number can be at most %'d character long.",
                                       "The tax number can be at most %'d characters long.",
                                       ROLO_CONTACT_TAX_NUMBER_MAX_CHARS),
                          ROLO_CONTACT_TAX_NUMBER_MAX_CHARS);
}

char *
rolo_contact_check_notes (const char *notes)
{
  char *message = NULL;

  if (fits (notes, ROLO_CONTACT_NOTES_MAX_CHARS, &message))
    return NULL;
  if (message != NULL)
    return message;

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The notes can be at most %'d character long.",
                                       "The notes can be at most %'d characters long.",
                                       ROLO_CONTACT_NOTES_MAX_CHARS),
                          ROLO_CONTACT_NOTES_MAX_CHARS);
}

char *
rolo_contact_check_contact_type (RoloContactType contact_type)
{
  if (contact_type == ROLO_CONTACT_TYPE_INDIVIDUAL ||
      contact_type == ROLO_CONTACT_TYPE_BUSINESS)
    return NULL;

  return g_strdup (_("Choose whether the contact is an individual or a business."));
}

char *
rolo_contact_check_parent (RoloContactType contact_type,
                           gint64          id,
                           gint64          parent_id)
{
  if (parent_id == 0)
    return NULL;
  if (parent_id < 0)
    return g_strdup (_("The linked business is not valid."));
  if (contact_type != ROLO_CONTACT_TYPE_INDIVIDUAL)
    return g_strdup (_("Only an individual can be linked to a business."));
  if (id != 0 && parent_id == id)
    return g_strdup (_("A contact cannot be linked to itself."));

  return NULL;
}

static void
add_if_set (GHashTable *errors,
            const char *field,
            char       *message)
{
  g_autofree char *owned = message;

  if (owned != NULL)
    rolo_client_field_errors_add (errors, field, owned);
}

/**
 * rolo_contact_validate:
 *
 * Returns: (transfer full) (nullable): field errors, or %NULL when the
 *   contact may be sent
 */
GHashTable *
rolo_contact_validate (RoloContact *contact)
{
  g_autoptr(GHashTable) errors = NULL;
  RoloContactType type;

  g_return_val_if_fail (ROLO_IS_CONTACT (contact), NULL);

  errors = rolo_client_field_errors_new ();
  type = rolo_contact_get_contact_type (contact);
  add_if_set (errors, ROLO_CONTACT_FIELD_NAME,
              rolo_contact_check_name (rolo_contact_get_name (contact)));
  add_if_set (errors, ROLO_CONTACT_FIELD_CONTACT_TYPE, rolo_contact_check_contact_type (type));
  add_if_set (errors, ROLO_CONTACT_FIELD_EMAIL,
              rolo_contact_check_email (rolo_contact_get_email (contact)));
  add_if_set (errors, ROLO_CONTACT_FIELD_ADDRESS,
              rolo_contact_check_address (rolo_contact_get_address (contact)));
  add_if_set (errors, ROLO_CONTACT_FIELD_TAX_NUMBER,
              rolo_contact_check_tax_number (rolo_contact_get_tax_number (contact)));
  add_if_set (errors, ROLO_CONTACT_FIELD_NOTES,
              rolo_contact_check_notes (rolo_contact_get_notes (contact)));
  add_if_set (errors, ROLO_CONTACT_FIELD_PARENT,
              rolo_contact_check_parent (type, rolo_contact_get_id (contact),
                                         rolo_contact_get_parent_id (contact)));

  if (g_hash_table_size (errors) == 0)
    return NULL;

  return g_steal_pointer (&errors);
}
