/* rolo-contact-validation.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rolo-contact.h"

G_BEGIN_DECLS

/* The client's rules (API.md), in one place. Lengths count Unicode
 * characters, not bytes. */
#define ROLO_CONTACT_NAME_MAX_CHARS       100
#define ROLO_CONTACT_ADDRESS_MAX_CHARS    255
#define ROLO_CONTACT_TAX_NUMBER_MAX_CHARS 50
#define ROLO_CONTACT_NOTES_MAX_CHARS      2000

/* Each check returns NULL when the value is acceptable, otherwise a
 * translated message for the field (free with g_free()). The editor can call
 * them as the user types. */
char       *rolo_contact_check_name          (const char       *name);
char       *rolo_contact_check_email         (const char       *email);
char       *rolo_contact_check_address       (const char       *address);
char       *rolo_contact_check_tax_number    (const char       *tax_number);
char       *rolo_contact_check_notes         (const char       *notes);
char       *rolo_contact_check_contact_type  (RoloContactType   contact_type);
/* id is the contact's own id (0 for a new contact). */
char       *rolo_contact_check_parent        (RoloContactType   contact_type,
                                              gint64            id,
                                              gint64            parent_id);

/* Empty, or one '@' with a non-empty local part and a dot inside the domain,
 * no spaces. */
gboolean    rolo_contact_email_is_valid      (const char       *email);

/* All rules at once: NULL when the contact is valid, else a table of API
 * field name (ROLO_CONTACT_FIELD_*) -> NULL-terminated array of messages,
 * the same shape as rolo_client_error_get_field_errors(). */
GHashTable *rolo_contact_validate            (RoloContact      *contact);

G_END_DECLS
