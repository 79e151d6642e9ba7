/* rolo-vcard-card.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-io"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rolo-vcard-private.h"

/* One card's properties that map to a contact, ranked when a card has
 * several (a cell TEL over others, PREF over none), and the contact made
 * from them once the card ends. */

static const struct
{
  const char *name;
  Slot        slot;
} slot_names[] = {
  { "VERSION", SLOT_VERSION },
  { "FN", SLOT_FN },
  { "N", SLOT_N },
  { "ORG", SLOT_ORG },
  { "KIND", SLOT_KIND },
  { "X-ABSHOWAS", SLOT_SHOW_AS },
  { "EMAIL", SLOT_EMAIL },
  { "TEL", SLOT_TEL },
  { "ADR", SLOT_ADR },
  { "LABEL", SLOT_LABEL },
  { "NOTE", SLOT_NOTE },
  { "UID", SLOT_UID },
  { "X-YSUITE-ID", SLOT_ID },
  { "X-YSUITE-CONTACT-TYPE", SLOT_CONTACT_TYPE },
  { "X-YSUITE-MOBILE-COUNTRY-ID", SLOT_COUNTRY },
  { "X-YSUITE-TAX-NUMBER", SLOT_TAX_NUMBER },
  { "X-YSUITE-EMAIL-NOTIFY", SLOT_EMAIL_NOTIFY },
  { "X-YSUITE-SMS-NOTIFY", SLOT_SMS_NOTIFY },
  { "X-YSUITE-WHATSAPP-NOTIFY", SLOT_WHATSAPP_NOTIFY },
  { "X-YSUITE-PARENT", SLOT_PARENT },
  { "X-YSUITE-CREATED", SLOT_CREATED },
  { "CATEGORIES", SLOT_CATEGORIES },
};

void
rolo_vcard_card_init (Card *card)
{
  memset (card, 0, sizeof *card);
  card->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

void
rolo_vcard_card_clear (Card *card)
{
  for (guint i = 0; i < N_SLOTS; i++)
    g_free (card->values[i]);
  g_free (card->adr_label);
  g_array_unref (card->tag_ids);
}

int
rolo_vcard_slot_for_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (slot_names); i++)
    if (strcmp (slot_names[i].name, name) == 0)
      return slot_names[i].slot;
  return -1;
}

/* Among several properties of a slot, the highest rank wins, then the first. */
static guint
slot_rank (Slot        slot,
           const Head *head)
{
  if (slot == SLOT_TEL && rolo_vcard_head_has_type (head, "cell"))
    return 2;
  if (slot == SLOT_TEL || slot == SLOT_EMAIL || slot == SLOT_ADR)
    return head->pref ? 1 : 0;
  return 0;
}

static gint64
parse_number (const char *text,
              gint64      max)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gint64 value;

  if (!g_ascii_string_to_signed (trimmed, 10, 1, max, &value, NULL))
    return 0;
  return value;
}

void
rolo_vcard_card_add_categories (Card       *card,
                                const char *value)
{
  g_auto(GStrv) categories = rolo_vcard_split_escaped (value, ',');

  for (guint i = 0; categories[i] != NULL; i++)
    {
      gint64 id = parse_number (categories[i], G_MAXINT64);

      if (id > 0)
        g_array_append_val (card->tag_ids, id);
    }
}

/* Takes @value for @slot unless a property before it ranks as high. */
void
rolo_vcard_card_store (Card       *card,
                       Slot        slot,
                       char       *value,
                       const Head *head)
{
  guint rank = slot_rank (slot, head);

  if (card->values[slot] != NULL && rank <= card->ranks[slot])
    {
      g_free (value);
      return;
    }
  g_free (card->values[slot]);
  card->values[slot] = value;
  card->ranks[slot] = rank;
  if (slot == SLOT_TEL)
    card->tel_is_text = g_strcmp0 (head->value_type, "text") == 0;
  if (slot == SLOT_ADR)
    {
      g_free (card->adr_label);
      card->adr_label = g_strdup (head->label);
    }
}

static gboolean
card_is_v21 (Card *card)
{
  const char *version = card->values[SLOT_VERSION];

  return version != NULL && rolo_vcard_equal_trimmed (version, strlen (version), "2.1");
}

/* The raw value of @slot, "" when the card has none. */
static const char *
card_raw (Card *card,
          Slot  slot)
{
  return card->values[slot] != NULL ? card->values[slot] : "";
}

/* The unescaped text of @slot, or NULL. */
static char *
card_text (Card *card,
           Slot  slot)
{
  const char *raw = card->values[slot];

  return raw != NULL ? rolo_vcard_unescape_text (raw, card_is_v21 (card)) : NULL;
}

/* Component @n of a structured value, unescaped; "" when missing. */
static char *
card_component (Card  *card,
                GStrv  components,
                guint  n)
{
  if (n >= g_strv_length (components))
    return g_strdup ("");
  return rolo_vcard_unescape_text (components[n], card_is_v21 (card));
}

static char *
card_org (Card *card)
{
  g_auto(GStrv) components = NULL;

  if (card->values[SLOT_ORG] == NULL)
    return g_strdup ("");
  components = rolo_vcard_split_escaped (card->values[SLOT_ORG], ';');
  return card_component (card, components, 0);
}

/* "given additional family", each maybe a list ("Anne,Marie"). */
static char *
card_name_from_n (Card *card)
{
  static const guint order[] = { 1, 2, 0 };
  g_auto(GStrv) components = rolo_vcard_split_escaped (card->values[SLOT_N], ';');
  GString *name = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order) && order[i] < g_strv_length (components); i++)
    {
      g_auto(GStrv) names = rolo_vcard_split_escaped (components[order[i]], ',');

      for (guint j = 0; names[j] != NULL; j++)
        {
          gboolean v21 = card_is_v21 (card);
          g_autofree char *part = g_strstrip (rolo_vcard_unescape_text (names[j], v21));

          if (*part != '\0')
            g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", part);
        }
    }
  return g_string_free (name, FALSE);
}

static char *
card_name (Card *card)
{
  g_autofree char *fn = card_text (card, SLOT_FN);
  g_autofree char *from_n = NULL;

  if (fn != NULL && *fn != '\0')
    return g_steal_pointer (&fn);
  if (card->values[SLOT_N] != NULL)
    {
      from_n = card_name_from_n (card);
      if (*from_n != '\0')
        return g_steal_pointer (&from_n);
    }
  return card_org (card);
}

static RoloContactType
card_contact_type (Card *card)
{
  g_autofree char *kind = card_text (card, SLOT_KIND);
  g_autofree char *show_as = card_text (card, SLOT_SHOW_AS);
  g_autofree char *fn = card_text (card, SLOT_FN);
  g_autofree char *org = card_org (card);

  switch (parse_number (card_raw (card, SLOT_CONTACT_TYPE), 2))
    {
    case ROLO_CONTACT_TYPE_INDIVIDUAL:
      return ROLO_CONTACT_TYPE_INDIVIDUAL;
    case ROLO_CONTACT_TYPE_BUSINESS:
      return ROLO_CONTACT_TYPE_BUSINESS;
    default:
      break;
    }
  if (kind != NULL && rolo_vcard_equal_trimmed (kind, strlen (kind), "org"))
    return ROLO_CONTACT_TYPE_BUSINESS;
  if (kind != NULL && rolo_vcard_equal_trimmed (kind, strlen (kind), "individual"))
    return ROLO_CONTACT_TYPE_INDIVIDUAL;
  if (show_as != NULL && rolo_vcard_equal_trimmed (show_as, strlen (show_as), "COMPANY"))
    return ROLO_CONTACT_TYPE_BUSINESS;
  g_strstrip (org);
  if (*org != '\0' && (fn == NULL || *fn == '\0' || strcmp (g_strstrip (fn), org) == 0))
    return ROLO_CONTACT_TYPE_BUSINESS;
  return ROLO_CONTACT_TYPE_INDIVIDUAL;
}

/* Components as lines: "pobox, ext, street", "locality, region, code",
 * "country". */
static char *
card_address_from_components (Card  *card,
                              GStrv  components)
{
  static const guint line_ends[] = { 3, 6, 7 };
  g_autoptr(GString) address = g_string_new (NULL);
  guint first = 0;

  for (guint i = 0; i < G_N_ELEMENTS (line_ends); i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint n = first; n < line_ends[i]; n++)
        {
          g_autofree char *part = g_strstrip (card_component (card, components, n));

          if (*part != '\0')
            g_string_append_printf (line, "%s%s", line->len > 0 ? ", " : "", part);
        }
      first = line_ends[i];
      if (line->len > 0)
        g_string_append_printf (address, "%s%s", address->len > 0 ? "\n" : "", line->str);
    }
  return g_string_free (g_steal_pointer (&address), FALSE);
}

static gboolean
only_street (GStrv components)
{
  for (guint i = 0; components[i] != NULL && i < 7; i++)
    if ((i == 2) != (*components[i] != '\0'))
      return FALSE;
  return g_strv_length (components) > 2;
}

static char *
card_address (Card *card)
{
  g_auto(GStrv) components = NULL;

  if (card->values[SLOT_ADR] == NULL)
    return rolo_vcard_unescape_text (card_raw (card, SLOT_LABEL), card_is_v21 (card));

  components = rolo_vcard_split_escaped (card->values[SLOT_ADR], ';');
  /* As Rolo writes it: the text as it is, line ends included. */
  if (only_street (components))
    return card_component (card, components, 2);
  if (card->adr_label != NULL && *card->adr_label != '\0')
    return g_strdup (card->adr_label);
  return card_address_from_components (card, components);
}

static char *
card_mobile (Card *card)
{
  char *tel = card_text (card, SLOT_TEL);

  if (tel == NULL)
    return g_strdup ("");
  /* A 4.0 TEL is a tel: URI unless it says VALUE=text (as Rolo writes). */
  if (!card->tel_is_text && g_ascii_strncasecmp (tel, "tel:", 4) == 0)
    memmove (tel, tel + 4, strlen (tel + 4) + 1);
  return tel;
}

static void
card_set_switch (Card        *card,
                 Slot         slot,
                 RoloContact *contact,
                 void       (*set) (RoloContact *, gboolean))
{
  const char *value = card->values[slot];

  if (value == NULL)
    return;
  if (rolo_vcard_equal_trimmed (value, strlen (value), "true") ||
      rolo_vcard_equal_trimmed (value, strlen (value), "1"))
    set (contact, TRUE);
  else if (rolo_vcard_equal_trimmed (value, strlen (value), "false") ||
           rolo_vcard_equal_trimmed (value, strlen (value), "0"))
    set (contact, FALSE);
}

static gint64
card_id (Card *card)
{
  const char *uid = card->values[SLOT_UID];
  gint64 id = parse_number (card_raw (card, SLOT_ID), G_MAXINT64);

  if (id == 0 && uid != NULL && g_ascii_strncasecmp (uid, UID_PREFIX, strlen (UID_PREFIX)) == 0)
    id = parse_number (uid + strlen (UID_PREFIX), G_MAXINT64);
  return id;
}

static void
card_set_created (Card        *card,
                  RoloContact *contact)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *text = NULL;

  if (card->values[SLOT_CREATED] == NULL)
    return;
  text = g_strstrip (g_strdup (card->values[SLOT_CREATED]));
  created = g_date_time_new_from_iso8601 (text, utc);
  if (created != NULL)
    rolo_contact_set_created (contact, created);
}

static void
card_set_text (Card        *card,
               Slot         slot,
               RoloContact *contact,
               void       (*set) (RoloContact *, const char *))
{
  g_autofree char *text = card_text (card, slot);

  if (text != NULL)
    set (contact, text);
}

RoloContact *
rolo_vcard_card_to_contact (Card        *card,
                            RoloContact *defaults)
{
  RoloContact *contact = rolo_contact_copy (defaults);
  g_autofree char *name = card_name (card);
  g_autofree char *mobile = card_mobile (card);
  g_autofree char *address = card_address (card);

  rolo_contact_set_id (contact, card_id (card));
  rolo_contact_set_name (contact, name);
  rolo_contact_set_contact_type (contact, card_contact_type (card));
  card_set_text (card, SLOT_EMAIL, contact, rolo_contact_set_email);
  rolo_contact_set_mobile (contact, mobile);
  rolo_contact_set_mobile_country_id (contact,
                                      parse_number (card_raw (card, SLOT_COUNTRY), G_MAXINT));
  rolo_contact_set_address (contact, address);
  card_set_text (card, SLOT_TAX_NUMBER, contact, rolo_contact_set_tax_number);
  card_set_text (card, SLOT_NOTE, contact, rolo_contact_set_notes);
  card_set_switch (card, SLOT_EMAIL_NOTIFY, contact, rolo_contact_set_email_notify);
  card_set_switch (card, SLOT_SMS_NOTIFY, contact, rolo_contact_set_sms_notify);
  card_set_switch (card, SLOT_WHATSAPP_NOTIFY, contact, rolo_contact_set_whatsapp_notify);
  rolo_contact_set_parent_id (contact, parse_number (card_raw (card, SLOT_PARENT), G_MAXINT64));
  rolo_contact_set_tag_ids (contact, (const gint64 *) (gconstpointer) card->tag_ids->data,
                            card->tag_ids->len);
  card_set_created (card, contact);
  return contact;
}
