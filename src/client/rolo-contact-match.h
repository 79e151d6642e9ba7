/* rolo-contact-match.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rolo-client.h"
#include "rolo-contact.h"

G_BEGIN_DECLS

/*
 * When two contacts are the same person or company: the one rule the
 * editor's "may already exist" hint and the import's "already exists" use.
 *
 * Names and emails compare NFKC-normalised, case-folded, trimmed and with
 * inner runs of white space as one space; mobiles compare by their digits
 * only, in any script ("+44 7700 900-123" is "447700900123"). The mobile's
 * country id is not compared.
 */
typedef enum
{
  ROLO_CONTACT_MATCH_NONE,
  /* Same name only: a hint for the editor, not a duplicate. */
  ROLO_CONTACT_MATCH_NAME,
  /* Same name and same mobile (both may be empty), and no two different
   * emails. */
  ROLO_CONTACT_MATCH_NAME_AND_MOBILE,
  /* Same email, not empty. */
  ROLO_CONTACT_MATCH_EMAIL,
} RoloContactMatch;

/* How well existing matches candidate: the strongest rule that holds. */
RoloContactMatch  rolo_contact_match                  (RoloContact       *candidate,
                                                       RoloContact       *existing);

/* Keys under which a contact can be found again, for matching many
 * contacts among themselves (an import file against itself): the email
 * key (the normalised email, "" when it is empty) and the name-and-mobile
 * key (the normalised name, "\x1f", the mobile's ASCII digits). Two
 * contacts with equal non-empty email keys match by EMAIL; with equal
 * name-and-mobile keys they match by NAME_AND_MOBILE unless both emails
 * are set and differ (an empty name never matches, but its key is still
 * "\x1f" and digits: skip contacts without a name). Free with g_free(). */
char             *rolo_contact_match_email_key        (RoloContact       *contact);
char             *rolo_contact_match_name_mobile_key  (RoloContact       *contact);

/* Asks the server for a contact that matches candidate at least as well as
 * weakest (ROLO_CONTACT_MATCH_NAME, _NAME_AND_MOBILE or _EMAIL), the
 * strongest match first: a search by the email, then (unless the email
 * matched, or weakest is EMAIL) by the name (the API searches names and
 * emails only), comparing the list rows with rolo_contact_match(). Each
 * search reads at most a few pages of 100, so among very many contacts
 * with similar names a match can be missed. A candidate with an id never
 * matches the contact with that id. */
void              rolo_client_find_match_async        (RoloClient        *client,
                                                       RoloContact       *candidate,
                                                       RoloContactMatch   weakest,
                                                       GCancellable      *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer           user_data);
/* The existing contact (transfer full), or NULL with no error when none
 * matches; *match (optional) receives how it matched (NONE when NULL is
 * returned). Once cancellable is cancelled this fails with
 * G_IO_ERROR_CANCELLED; request errors come as RoloClientError. */
RoloContact      *rolo_client_find_match_finish       (RoloClient        *client,
                                                       GAsyncResult      *result,
                                                       RoloContactMatch  *match,
                                                       GError           **error);

G_END_DECLS
