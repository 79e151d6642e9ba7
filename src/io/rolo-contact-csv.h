/* rolo-contact-csv.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rolo-contact.h"

G_BEGIN_DECLS

/*
 * A contact as a CSV record. The header names the API's fields, so that a
 * file Rolo exports is also a map of the API:
 *
 *   cstid, cstname, contact_type, cstemail, cstmobile, cstmobile_country_id,
 *   cstaddress, ct_taxnumber, cstnotes, cstemailnotify, cstsmsnotify,
 *   cst_whatsapp_notify, contact_parent, cst_tag_id, cstcreated_on
 *
 * Values as the API has them: contact_type 1 or 2, the switches true or
 * false, ids as numbers ("" for none), tag ids separated by spaces,
 * cstcreated_on in ISO 8601 UTC; text as it is, line breaks included.
 */
const char * const *rolo_contact_csv_header      (void);
/* The record for @contact, in the header's order. */
GStrv               rolo_contact_csv_record_new  (RoloContact *contact);

G_END_DECLS
