/* rolo-vcard-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rolo-vcard.h"

G_BEGIN_DECLS

/* Inside the vCard reader and writer: the reader (rolo-vcard.c) unfolds
 * lines and parses property heads, a card (rolo-vcard-card.c) keeps the
 * properties that map to a contact and makes the contact, the text helpers
 * (rolo-vcard-text.c) unescape and decode, the writer (rolo-vcard-writer.c)
 * writes RFC 6350 4.0. */

#define UID_PREFIX "urn:ysuite:contact:"

typedef enum
{
  ENCODING_NONE,
  ENCODING_QUOTED_PRINTABLE,
  ENCODING_BASE64,
} Encoding;

/* The name and parameters of a property. */
typedef struct
{
  char      *name;       /* upper case, without its group */
  GPtrArray *types;      /* TYPE values and 2.1 bare parameters, lower case */
  char      *charset;
  char      *value_type; /* VALUE, lower case */
  char      *label;      /* LABEL, RFC 6868 decoded */
  Encoding   encoding;
  gboolean   pref;
} Head;

typedef enum
{
  SLOT_VERSION,
  SLOT_FN,
  SLOT_N,
  SLOT_ORG,
  SLOT_KIND,
  SLOT_SHOW_AS,
  SLOT_EMAIL,
  SLOT_TEL,
  SLOT_ADR,
  SLOT_LABEL,
  SLOT_NOTE,
  SLOT_UID,
  SLOT_ID,
  SLOT_CONTACT_TYPE,
  SLOT_COUNTRY,
  SLOT_TAX_NUMBER,
  SLOT_EMAIL_NOTIFY,
  SLOT_SMS_NOTIFY,
  SLOT_WHATSAPP_NOTIFY,
  SLOT_PARENT,
  SLOT_CREATED,
  SLOT_CATEGORIES, /* not kept as text: read into tag_ids at once */
  N_SLOTS
} Slot;

/* The properties of one card that map to a contact: values decoded to
 * UTF-8 but still escaped (how depends on VERSION, which may come late). */
typedef struct
{
  char    *values[N_SLOTS];
  guint    ranks[N_SLOTS];
  char    *adr_label;
  gboolean tel_is_text; /* TEL;VALUE=text, not a tel: URI */
  GArray  *tag_ids;
} Card;

/* rolo-vcard-text.c */
gboolean    rolo_vcard_is_space                (char           c);
gboolean    rolo_vcard_equal_trimmed           (const char    *text,
                                                gsize          len,
                                                const char    *value);
gboolean    rolo_vcard_is_blank                (const GString *text);
gboolean    rolo_vcard_is_card_begin           (const GString *text);
gboolean    rolo_vcard_is_base64_text          (const GString *text);
char       *rolo_vcard_unquote                 (const char    *text,
                                                gsize          len);
char       *rolo_vcard_decode_caret            (const char    *text);
GStrv       rolo_vcard_split_escaped           (const char    *text,
                                                char           separator);
char       *rolo_vcard_unescape_text           (const char    *text,
                                                gboolean       v21);
char       *rolo_vcard_decode_quoted_printable (const char    *text,
                                                gsize          len,
                                                gsize         *out_len);

/* rolo-vcard.c */
gboolean    rolo_vcard_head_has_type           (const Head    *head,
                                                const char    *type);

/* rolo-vcard-card.c */
void         rolo_vcard_card_init           (Card        *card);
void         rolo_vcard_card_clear          (Card        *card);
int          rolo_vcard_slot_for_name       (const char  *name);
void         rolo_vcard_card_add_categories (Card        *card,
                                             const char  *value);
void         rolo_vcard_card_store          (Card        *card,
                                             Slot         slot,
                                             char        *value,
                                             const Head  *head);
RoloContact *rolo_vcard_card_to_contact     (Card        *card,
                                             RoloContact *defaults);

G_END_DECLS
