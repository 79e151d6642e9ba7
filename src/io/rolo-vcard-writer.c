/* rolo-vcard-writer.c
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

/* A contact as an RFC 6350 (4.0) card: folded at 75 octets, escaped, the
 * YSUITE fields vCard has no name for as X-YSUITE- properties. */

#define FOLD_OCTETS 75

/* RFC 6350 3.2: at most 75 octets a line, a space starting each one that
 * continues, never inside a UTF-8 sequence. */
static void
append_folded (GString    *out,
               const char *line,
               gsize       len)
{
  gsize width = FOLD_OCTETS;

  while (len > width)
    {
      gsize cut = width;

      while (cut > 0 && ((guchar) line[cut] & 0xc0) == 0x80)
        cut--;
      if (cut == 0)
        cut = width;
      g_string_append_len (out, line, cut);
      g_string_append (out, "\r\n ");
      line += cut;
      len -= cut;
      width = FOLD_OCTETS - 1;
    }
  g_string_append_len (out, line, len);
  g_string_append (out, "\r\n");
}

static void
escape_text (GString    *line,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (line, "\\n");
      else if (*p == '\r')
        g_string_append (line, "\\r");
      else
        {
          if (*p == '\\' || *p == ',' || *p == ';')
            g_string_append_c (line, '\\');
          g_string_append_c (line, *p);
        }
    }
}

/* RFC 6868, for a quoted parameter value; other control characters have
 * no place there and are left out. */
static void
escape_parameter (GString    *line,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (line, "^n");
      else if (*p == '"')
        g_string_append (line, "^'");
      else if (*p == '^')
        g_string_append (line, "^^");
      else if (*p == '\t' || ((guchar) *p >= 0x20 && *p != 0x7f))
        g_string_append_c (line, *p);
    }
}

static void
append_line (GString *out,
             GString *line)
{
  append_folded (out, line->str, line->len);
}

static void
append_text (GString    *out,
             const char *head,
             const char *text)
{
  g_autoptr(GString) line = g_string_new (head);

  g_string_append_c (line, ':');
  escape_text (line, text);
  append_line (out, line);
}

static void
append_text_if_set (GString    *out,
                    const char *head,
                    const char *text)
{
  if (*text != '\0')
    append_text (out, head, text);
}

static void
append_number (GString    *out,
               const char *name,
               gint64      value)
{
  if (value > 0)
    g_string_append_printf (out, "%s:%" G_GINT64_FORMAT "\r\n", name, value);
}

/* N: split at the last space, family name last ("Ahmed Al-Sayed"). */
static void
append_n (GString    *out,
          const char *name)
{
  g_autoptr(GString) line = g_string_new ("N:");
  const char *space = strrchr (name, ' ');
  g_autofree char *given = g_strndup (name, space != NULL ? (gsize) (space - name)
                                                          : strlen (name));

  escape_text (line, space != NULL ? space + 1 : "");
  g_string_append_c (line, ';');
  escape_text (line, given);
  g_string_append (line, ";;;");
  append_line (out, line);
}

static void
append_address (GString    *out,
                const char *address)
{
  g_autoptr(GString) line = g_string_new ("ADR;LABEL=\"");

  if (*address == '\0')
    return;
  escape_parameter (line, address);
  g_string_append (line, "\":;;");
  escape_text (line, address);
  g_string_append (line, ";;;;");
  append_line (out, line);
}

static void
append_categories (GString     *out,
                   RoloContact *contact)
{
  gsize n_tags = 0;
  const gint64 *tags = rolo_contact_get_tag_ids (contact, &n_tags);
  g_autoptr(GString) line = g_string_new ("CATEGORIES:");

  if (n_tags == 0)
    return;
  for (gsize i = 0; i < n_tags; i++)
    g_string_append_printf (line, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", tags[i]);
  append_line (out, line);
}

static void
append_switch (GString    *out,
               const char *name,
               gboolean    value)
{
  g_string_append_printf (out, "%s:%s\r\n", name, value ? "true" : "false");
}

static void
append_ysuite (GString     *out,
               RoloContact *contact,
               gboolean     business)
{
  GDateTime *created = rolo_contact_get_created (contact);
  g_autofree char *iso = created != NULL ? g_date_time_format_iso8601 (created) : NULL;

  append_number (out, "X-YSUITE-ID", rolo_contact_get_id (contact));
  append_number (out, "X-YSUITE-CONTACT-TYPE", business ? 2 : 1);
  append_number (out, "X-YSUITE-MOBILE-COUNTRY-ID", rolo_contact_get_mobile_country_id (contact));
  append_text_if_set (out, "X-YSUITE-TAX-NUMBER", rolo_contact_get_tax_number (contact));
  append_switch (out, "X-YSUITE-EMAIL-NOTIFY", rolo_contact_get_email_notify (contact));
  append_switch (out, "X-YSUITE-SMS-NOTIFY", rolo_contact_get_sms_notify (contact));
  append_switch (out, "X-YSUITE-WHATSAPP-NOTIFY", rolo_contact_get_whatsapp_notify (contact));
  append_number (out, "X-YSUITE-PARENT", rolo_contact_get_parent_id (contact));
  if (iso != NULL)
    g_string_append_printf (out, "X-YSUITE-CREATED:%s\r\n", iso);
}

void
rolo_vcard_append_contact (GString     *out,
                           RoloContact *contact)
{
  gboolean business;
  const char *name;

  g_return_if_fail (out != NULL);
  g_return_if_fail (ROLO_IS_CONTACT (contact));

  business = rolo_contact_get_contact_type (contact) == ROLO_CONTACT_TYPE_BUSINESS;
  name = rolo_contact_get_name (contact);
  g_string_append (out, "BEGIN:VCARD\r\nVERSION:4.0\r\n");
  g_string_append (out, business ? "KIND:org\r\n" : "KIND:individual\r\n");
  append_text (out, "FN", name);
  if (business)
    append_text (out, "ORG", name);
  else
    append_n (out, name);
  if (rolo_contact_get_id (contact) > 0)
    g_string_append_printf (out, "UID:" UID_PREFIX "%" G_GINT64_FORMAT "\r\n",
                            rolo_contact_get_id (contact));
  append_text_if_set (out, "EMAIL", rolo_contact_get_email (contact));
  append_text_if_set (out, "TEL;VALUE=text;TYPE=cell", rolo_contact_get_mobile (contact));
  append_address (out, rolo_contact_get_address (contact));
  append_text_if_set (out, "NOTE", rolo_contact_get_notes (contact));
  append_categories (out, contact);
  append_ysuite (out, contact, business);
  g_string_append (out, "END:VCARD\r\n");
}

