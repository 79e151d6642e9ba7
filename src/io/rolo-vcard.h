/* rolo-vcard.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rolo-contact.h"

G_BEGIN_DECLS

#define ROLO_VCARD_ERROR (rolo_vcard_error_quark ())

typedef enum
{
  ROLO_VCARD_ERROR_ENCODING, /* not UTF-8 after charset conversion, or NUL byte */
  ROLO_VCARD_ERROR_TOO_LONG, /* an unfolded line beyond ROLO_VCARD_MAX_LINE_BYTES */
  ROLO_VCARD_ERROR_SYNTAX,   /* not a vCard: no BEGIN:VCARD, a card without END, a line
                              * without ':' inside a card */
} RoloVcardError;

/* Far above any contact field; a line past it is not a contact's. */
#define ROLO_VCARD_MAX_LINE_BYTES (1024 * 1024)

GQuark rolo_vcard_error_quark (void);

/*
 * Reads vCard 2.1, 3.0 and 4.0 from a stream, one card at a time (never the
 * whole file), into RoloContacts:
 *
 *   FN                 name; else N (given, additional, family); else ORG
 *   X-YSUITE-CONTACT-TYPE (1, 2), else KIND (individual, org), else
 *   X-ABShowAs:COMPANY, else ORG with no FN or FN the same: Business;
 *                      Individual otherwise
 *   EMAIL              the first, or the first marked pref
 *   TEL                the first cell, else the first marked pref, else the
 *                      first; "tel:" dropped unless VALUE=text
 *   ADR                the street component when it is the only one (as Rolo
 *                      writes it), else the LABEL parameter, else the
 *                      components on lines: "pobox, ext, street",
 *                      "locality, region, code", "country"; without ADR, the
 *                      2.1/3.0 LABEL property
 *   NOTE               notes (the first)
 *   CATEGORIES         tag ids: the values that are whole numbers above 0
 *   UID                the id, when it is urn:ysuite:contact:ID and there is
 *                      no X-YSUITE-ID
 *   X-YSUITE-ID, -MOBILE-COUNTRY-ID, -TAX-NUMBER, -PARENT, -CREATED (ISO
 *   8601), -EMAIL-NOTIFY, -SMS-NOTIFY, -WHATSAPP-NOTIFY (true, false): as
 *   named; a switch left out keeps rolo_contact_new()'s default (on)
 *
 * Other properties, and base64 values (photos), are skipped. Property and
 * parameter names are read in any case, groups ("item1.EMAIL") ignored.
 * Lines end in CRLF or LF; a line that starts with a space or a tab
 * continues the one before, and so does the line after a quoted-printable
 * one that ends in '='. Values are unescaped as RFC 6350 says (also "\N",
 * and "\r" for a carriage return, as Rolo writes it); 2.1 values are taken
 * as they stand but for "\;". CHARSET values are converted to UTF-8.
 *
 * Line numbers are those of the file, the first line being 1.
 */
typedef struct _RoloVcardReader RoloVcardReader;

RoloVcardReader *rolo_vcard_reader_new          (GInputStream     *stream);
void             rolo_vcard_reader_free         (RoloVcardReader  *self);
/* The notification switches of cards that have no X-YSUITE-*-NOTIFY (all
 * but Rolo's own): on, as for rolo_contact_new(), unless set here. */
void             rolo_vcard_reader_set_notify_defaults (RoloVcardReader *self,
                                                        gboolean         email,
                                                        gboolean         sms,
                                                        gboolean         whatsapp);

/*
 * Reads the next card: TRUE with @contact set (transfer full) and @line the
 * line of its BEGIN:VCARD; FALSE at the end (@error unset); FALSE with
 * @error for a bad card, @line the line it began on. After a bad card (text
 * that is not UTF-8, a line too long, a line that is no property, text
 * outside a card) the next call goes on at the next BEGIN:VCARD. An I/O
 * error, a file that does not start like a vCard, or a card cut short by the
 * end of the file ends reading.
 */
gboolean         rolo_vcard_reader_read_contact (RoloVcardReader  *self,
                                                 RoloContact     **contact,
                                                 guint            *line,
                                                 GCancellable     *cancellable,
                                                 GError          **error);

/*
 * Appends one card: vCard 4.0, CRLF line ends, lines folded at 75 octets
 * (never inside a UTF-8 sequence). Every field is written (the API's as
 * X-YSUITE-* properties), so that reading the card back gives an equal
 * contact. The address is ADR's street component, and its LABEL parameter
 * for other programs. A carriage return in text is written "\r" (which
 * RFC 6350 leaves open, and Evolution reads as one).
 */
void             rolo_vcard_append_contact      (GString          *out,
                                                 RoloContact      *contact);

/* TRUE when @data (the first bytes of a file) looks like vCard: an optional
 * UTF-8 byte order mark, blank lines, then BEGIN:VCARD in any case. */
gboolean         rolo_vcard_sniff               (const char       *data,
                                                 gsize             length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoloVcardReader, rolo_vcard_reader_free)

G_END_DECLS
