/* rolo-vcard.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-io"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rolo-vcard.h"

#define BUFFER_SIZE (64 * 1024)
/* One byte over the limit, kept to tell a line at the limit from one past it. */
#define LINE_CAPACITY (ROLO_VCARD_MAX_LINE_BYTES + 1)
#define FOLD_OCTETS 75
#define UTF8_BOM "\xef\xbb\xbf"
#define UID_PREFIX "urn:ysuite:contact:"

G_DEFINE_QUARK (rolo-vcard-error-quark, rolo_vcard_error)

typedef enum
{
  READ_OK,
  READ_END,
  READ_FAILED,
} ReadResult;

typedef enum
{
  STATE_START,   /* before the first card: only blank lines may come */
  STATE_BETWEEN, /* after a card */
  STATE_RESYNC,  /* after a bad card: skipping to the next BEGIN:VCARD */
  STATE_DONE,
} ReaderState;

typedef enum
{
  ENCODING_NONE,
  ENCODING_QUOTED_PRINTABLE,
  ENCODING_BASE64,
} Encoding;

/* A physical line, without its line end. */
typedef struct
{
  GString  *text;
  guint     number;
  gboolean  too_long;
} Line;

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

/* How far the search for the ':' ending the head of a logical line got. */
typedef struct
{
  gsize    scanned;
  gssize   colon;        /* -1 until found */
  gboolean quoted;
} HeadScan;

struct _RoloVcardReader
{
  GInputStream *stream;
  guint8       *buffer;
  gsize         pos;
  gsize         len;
  gboolean      eof;
  guint         next_number;   /* of the next line from the stream */
  Line          line;          /* the physical line last taken */
  Line          peeked;
  gboolean      has_peeked;
  GString      *logical;       /* the unfolded line last read */
  guint         logical_number;
  gboolean      logical_too_long;
  HeadScan      scan;
  Head          head;
  ReaderState   state;
  guint         pending_begin; /* a BEGIN:VCARD met inside a card, or 0 */
  RoloContact  *defaults;      /* what a card leaves out: its notification switches */
};

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

/* --- small text helpers ---------------------------------------------------- */

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t';
}

/* @text[0..@len) without spaces and tabs at either end equals @word, in
 * any case. */
static gboolean
equal_trimmed (const char *text,
               gsize       len,
               const char *word)
{
  gsize word_len = strlen (word);

  while (len > 0 && is_space (text[0]))
    text++, len--;
  while (len > 0 && is_space (text[len - 1]))
    len--;
  return len == word_len && g_ascii_strncasecmp (text, word, len) == 0;
}

static gboolean
is_blank (const GString *text)
{
  for (gsize i = 0; i < text->len; i++)
    if (!is_space (text->str[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_card_begin (const GString *text)
{
  return equal_trimmed (text->str, text->len, "BEGIN:VCARD");
}

/* What a 2.1 writer puts on the lines of a base64 value it does not fold. */
static gboolean
is_base64_text (const GString *text)
{
  for (gsize i = 0; i < text->len; i++)
    {
      char c = text->str[i];

      if (!g_ascii_isalnum (c) && c != '+' && c != '/' && c != '=' && !is_space (c))
        return FALSE;
    }
  return TRUE;
}

/* Trimmed, without the quotes around it. */
static char *
unquote (const char *text,
         gsize       len)
{
  while (len > 0 && is_space (text[0]))
    text++, len--;
  while (len > 0 && is_space (text[len - 1]))
    len--;
  if (len > 0 && text[0] == '"')
    text++, len--;
  if (len > 0 && text[len - 1] == '"')
    len--;
  return g_strndup (text, len);
}

/* RFC 6868: ^n a line break, ^' a double quote, ^^ a caret. */
static char *
decode_caret (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '^' && (p[1] == 'n' || p[1] == 'N'))
        g_string_append_c (out, '\n');
      else if (p[0] == '^' && p[1] == '\'')
        g_string_append_c (out, '"');
      else if (p[0] == '^' && p[1] == '^')
        g_string_append_c (out, '^');
      else
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
    }
  return g_string_free (out, FALSE);
}

/* Splits at each @separator that no backslash escapes, escapes kept. */
static GStrv
split_escaped (const char *text,
               char        separator)
{
  GPtrArray *parts = g_ptr_array_new ();
  const char *start = text;

  for (const char *p = text;; p++)
    {
      if (p[0] == '\\' && p[1] != '\0')
        p++;
      else if (*p == separator || *p == '\0')
        {
          g_ptr_array_add (parts, g_strndup (start, p - start));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  g_ptr_array_add (parts, NULL);
  return (GStrv) g_ptr_array_free (parts, FALSE);
}

/* RFC 6350 3.4 (and 2426): \\ \, \; \n \N; also \r, which Rolo writes for
 * a carriage return. Others stay as they are. vCard 2.1 escapes only ';'. */
static char *
unescape_text (const char *text,
               gboolean    v21)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      char next = p[0] == '\\' ? p[1] : '\0';

      if (next == '\0' || (v21 ? next != ';' : strchr ("\\,;nNr", next) == NULL))
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (next == 'n' || next == 'N')
        g_string_append_c (out, '\n');
      else if (next == 'r')
        g_string_append_c (out, '\r');
      else
        g_string_append_c (out, next);
      p++;
    }
  return g_string_free (out, FALSE);
}

/* =XX bytes; a '=' ending the value is a soft line break left over. */
static char *
decode_quoted_printable (const char *text,
                         gsize       len,
                         gsize      *out_len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      int high = i + 2 < len ? g_ascii_xdigit_value (text[i + 1]) : -1;
      int low = i + 2 < len ? g_ascii_xdigit_value (text[i + 2]) : -1;

      if (text[i] == '=' && high >= 0 && low >= 0)
        {
          g_string_append_c (out, (char) (high << 4 | low));
          i += 2;
        }
      else if (text[i] != '=' || i + 1 < len)
        g_string_append_c (out, text[i]);
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* --- physical lines -------------------------------------------------------- */

static gboolean
reader_fill (RoloVcardReader  *self,
             GCancellable     *cancellable,
             GError          **error)
{
  gssize n;

  if (self->pos < self->len || self->eof)
    return TRUE;

  n = g_input_stream_read (self->stream, self->buffer, BUFFER_SIZE, cancellable, error);
  if (n < 0)
    return FALSE;
  self->pos = 0;
  self->len = n;
  self->eof = n == 0;
  return TRUE;
}

/* Keeps no more than LINE_CAPACITY bytes, so that a huge line costs no more
 * memory than a long one. FALSE when bytes were dropped. */
static gboolean
line_append (Line         *line,
             const guint8 *data,
             gsize         len)
{
  gsize room = LINE_CAPACITY - MIN (line->text->len, LINE_CAPACITY);

  g_string_append_len (line->text, (const char *) data, MIN (len, room));
  return len <= room;
}

static void
line_finish (RoloVcardReader *self,
             Line            *line,
             gboolean         dropped)
{
  GString *text = line->text;

  if (text->len > 0 && text->str[text->len - 1] == '\r')
    g_string_truncate (text, text->len - 1);
  line->number = self->next_number++;
  if (line->number == 1 && g_str_has_prefix (text->str, UTF8_BOM))
    g_string_erase (text, 0, 3);
  line->too_long = dropped || text->len > ROLO_VCARD_MAX_LINE_BYTES;
}

static ReadResult
reader_read_line (RoloVcardReader  *self,
                  Line             *line,
                  GCancellable     *cancellable,
                  GError          **error)
{
  gboolean any = FALSE;
  gboolean dropped = FALSE;

  g_string_truncate (line->text, 0);
  for (;;)
    {
      const guint8 *start;
      const guint8 *end;
      gsize n;

      if (!reader_fill (self, cancellable, error))
        return READ_FAILED;
      if (self->pos == self->len)
        {
          if (!any)
            return READ_END;
          break;
        }
      any = TRUE;
      start = self->buffer + self->pos;
      end = memchr (start, '\n', self->len - self->pos);
      n = end != NULL ? (gsize) (end - start) : self->len - self->pos;
      dropped |= !line_append (line, start, n);
      self->pos += n + (end != NULL);
      if (end != NULL)
        break;
    }
  line_finish (self, line, dropped);
  return READ_OK;
}

/* The next physical line into self->line. */
static ReadResult
reader_take (RoloVcardReader  *self,
             GCancellable     *cancellable,
             GError          **error)
{
  if (self->has_peeked)
    {
      Line taken = self->peeked;

      self->peeked = self->line;
      self->line = taken;
      self->has_peeked = FALSE;
      return READ_OK;
    }
  return reader_read_line (self, &self->line, cancellable, error);
}

static ReadResult
reader_peek (RoloVcardReader  *self,
             GCancellable     *cancellable,
             GError          **error)
{
  ReadResult result;

  if (self->has_peeked)
    return READ_OK;
  result = reader_read_line (self, &self->peeked, cancellable, error);
  self->has_peeked = result == READ_OK;
  return result;
}

/* --- heads ----------------------------------------------------------------- */

static void
head_clear (Head *head)
{
  g_clear_pointer (&head->name, g_free);
  g_clear_pointer (&head->types, g_ptr_array_unref);
  g_clear_pointer (&head->charset, g_free);
  g_clear_pointer (&head->value_type, g_free);
  g_clear_pointer (&head->label, g_free);
  head->encoding = ENCODING_NONE;
  head->pref = FALSE;
}

static gboolean
head_has_type (const Head *head,
               const char *type)
{
  for (guint i = 0; i < head->types->len; i++)
    if (strcmp (g_ptr_array_index (head->types, i), type) == 0)
      return TRUE;
  return FALSE;
}

/* A quote opens only at the start of a parameter value (RFC 6350 3.3), so
 * that a stray one in a 2.1 file does not hide the ':'. */
static gboolean
head_quote_step (gboolean    quoted,
                 const char *text,
                 gsize       i)
{
  if (quoted)
    return text[i] != '"';
  return text[i] == '"' && i > 0 && (text[i - 1] == '=' || text[i - 1] == ',');
}

static gboolean
encoding_for_name (const char *name,
                   Encoding   *encoding)
{
  if (g_ascii_strcasecmp (name, "QUOTED-PRINTABLE") == 0)
    *encoding = ENCODING_QUOTED_PRINTABLE;
  else if (g_ascii_strcasecmp (name, "BASE64") == 0 || g_ascii_strcasecmp (name, "B") == 0)
    *encoding = ENCODING_BASE64;
  else if (g_ascii_strcasecmp (name, "8BIT") == 0 || g_ascii_strcasecmp (name, "7BIT") == 0)
    *encoding = ENCODING_NONE;
  else
    return FALSE;
  return TRUE;
}

static void
head_add_types (Head       *head,
                const char *value)
{
  g_auto(GStrv) types = g_strsplit (value, ",", -1);

  for (guint i = 0; types[i] != NULL; i++)
    {
      char *type = unquote (types[i], strlen (types[i]));

      g_ptr_array_add (head->types, g_ascii_strdown (type, -1));
      g_free (type);
    }
}

static void
head_add_parameter (Head       *head,
                    const char *text,
                    gsize       len)
{
  const char *equals = memchr (text, '=', len);
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;

  if (equals == NULL)
    {
      /* 2.1: "TEL;CELL;VOICE:", "NOTE;QUOTED-PRINTABLE:" */
      value = unquote (text, len);
      if (!encoding_for_name (value, &head->encoding))
        g_ptr_array_add (head->types, g_ascii_strdown (value, -1));
      return;
    }

  key = unquote (text, equals - text);
  value = unquote (equals + 1, text + len - equals - 1);
  if (g_ascii_strcasecmp (key, "TYPE") == 0)
    head_add_types (head, value);
  else if (g_ascii_strcasecmp (key, "ENCODING") == 0)
    encoding_for_name (value, &head->encoding);
  else if (g_ascii_strcasecmp (key, "CHARSET") == 0)
    {
      g_free (head->charset);
      head->charset = g_steal_pointer (&value);
    }
  else if (g_ascii_strcasecmp (key, "VALUE") == 0)
    {
      g_free (head->value_type);
      head->value_type = g_ascii_strdown (value, -1);
    }
  else if (g_ascii_strcasecmp (key, "LABEL") == 0)
    {
      g_free (head->label);
      head->label = decode_caret (value);
    }
  else if (g_ascii_strcasecmp (key, "PREF") == 0)
    head->pref = TRUE;
}

/* Parses "group.NAME;PARAM=VALUE;…", @text[0..@len). */
static void
head_parse (Head       *head,
            const char *text,
            gsize       len)
{
  gboolean quoted = FALSE;
  gsize start = 0;

  head_clear (head);
  head->types = g_ptr_array_new_with_free_func (g_free);
  for (gsize i = 0; i <= len; i++)
    {
      g_autofree char *name = NULL;
      const char *dot;

      if (i < len && ((quoted = head_quote_step (quoted, text, i)) || text[i] != ';'))
        continue;
      if (head->name != NULL)
        {
          head_add_parameter (head, text + start, i - start);
          start = i + 1;
          continue;
        }
      name = unquote (text, i);
      dot = strrchr (name, '.');
      head->name = g_ascii_strup (dot != NULL ? dot + 1 : name, -1);
      start = i + 1;
    }
  head->pref = head->pref || head_has_type (head, "pref");
}

/* --- logical lines --------------------------------------------------------- */

static void
logical_scan (RoloVcardReader *self)
{
  HeadScan *scan = &self->scan;
  const GString *text = self->logical;

  for (; scan->colon < 0 && scan->scanned < text->len; scan->scanned++)
    {
      scan->quoted = head_quote_step (scan->quoted, text->str, scan->scanned);
      if (!scan->quoted && text->str[scan->scanned] == ':')
        {
          scan->colon = scan->scanned;
          head_parse (&self->head, text->str, scan->colon);
        }
    }
}

typedef enum
{
  CONTINUE_NO,
  CONTINUE_FOLD,
  CONTINUE_SOFT_BREAK,
} Continuation;

/* Whether the peeked line continues the logical one, and how. */
static Continuation
logical_continuation (RoloVcardReader *self)
{
  const GString *logical = self->logical;
  const GString *next = self->peeked.text;

  /* Quoted-printable: "=" at the end of a line, but never across the end of
   * the card (some writers end a value with a stray '='). */
  if (self->scan.colon >= 0 && self->head.encoding == ENCODING_QUOTED_PRINTABLE &&
      logical->len > (gsize) self->scan.colon + 1 && logical->str[logical->len - 1] == '=' &&
      !equal_trimmed (next->str, next->len, "END:VCARD"))
    return CONTINUE_SOFT_BREAK;
  if (next->len > 0 && is_space (next->str[0]))
    return CONTINUE_FOLD;
  return CONTINUE_NO;
}

static void
logical_append (RoloVcardReader *self,
                Continuation     how)
{
  const GString *next = self->line.text;
  const char *data = next->str;
  gsize len = next->len;

  if (how == CONTINUE_SOFT_BREAK)
    g_string_truncate (self->logical, self->logical->len - 1);
  else
    data++, len--;
  self->logical_too_long |= self->line.too_long;
  /* A photo's lines are skipped, not kept. */
  if (self->scan.colon >= 0 && self->head.encoding == ENCODING_BASE64)
    return;
  if (self->logical->len + len > ROLO_VCARD_MAX_LINE_BYTES)
    {
      self->logical_too_long = TRUE;
      return;
    }
  g_string_append_len (self->logical, data, len);
  logical_scan (self);
}

static void
logical_start (RoloVcardReader *self)
{
  g_string_truncate (self->logical, 0);
  g_string_append_len (self->logical, self->line.text->str, self->line.text->len);
  self->logical_number = self->line.number;
  self->logical_too_long = self->line.too_long;
  self->scan = (HeadScan) { 0, -1, FALSE };
  head_clear (&self->head);
  logical_scan (self);
}

/* The next unfolded line into self->logical, and its head into self->head
 * when it has a ':'. Stops early at the length limit (logical_too_long). */
static ReadResult
reader_read_logical (RoloVcardReader  *self,
                     GCancellable     *cancellable,
                     GError          **error)
{
  ReadResult result = reader_take (self, cancellable, error);

  if (result != READ_OK)
    return result;
  logical_start (self);
  while (!self->logical_too_long)
    {
      Continuation how;

      result = reader_peek (self, cancellable, error);
      if (result == READ_FAILED)
        return READ_FAILED;
      if (result == READ_END || (how = logical_continuation (self)) == CONTINUE_NO)
        break;
      reader_take (self, cancellable, error);
      logical_append (self, how);
    }

  /* A quote left open: the first ':' then. */
  if (self->scan.colon < 0)
    {
      const char *colon = memchr (self->logical->str, ':', self->logical->len);

      if (colon != NULL)
        {
          self->scan.colon = colon - self->logical->str;
          head_parse (&self->head, self->logical->str, self->scan.colon);
        }
    }
  return READ_OK;
}

static const char *
logical_value (RoloVcardReader *self,
               gsize           *len)
{
  g_assert (self->scan.colon >= 0);

  *len = self->logical->len - self->scan.colon - 1;
  return self->logical->str + self->scan.colon + 1;
}

static gboolean
logical_is (RoloVcardReader *self,
            const char      *name,
            const char      *value)
{
  const char *text;
  gsize len;

  if (strcmp (self->head.name, name) != 0)
    return FALSE;
  text = logical_value (self, &len);
  return equal_trimmed (text, len, value);
}

/* --- cards ----------------------------------------------------------------- */

static void
card_init (Card *card)
{
  memset (card, 0, sizeof *card);
  card->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
card_clear (Card *card)
{
  for (guint i = 0; i < N_SLOTS; i++)
    g_free (card->values[i]);
  g_free (card->adr_label);
  g_array_unref (card->tag_ids);
}

static int
slot_for_name (const char *name)
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
  if (slot == SLOT_TEL && head_has_type (head, "cell"))
    return 2;
  if (slot == SLOT_TEL || slot == SLOT_EMAIL || slot == SLOT_ADR)
    return head->pref ? 1 : 0;
  return 0;
}

static gboolean
is_utf8_name (const char *charset)
{
  return g_ascii_strcasecmp (charset, "UTF-8") == 0 || g_ascii_strcasecmp (charset, "UTF8") == 0;
}

static void
set_encoding_error (GError **error,
                    guint    card_line,
                    guint    line)
{
  g_set_error (error, ROLO_VCARD_ERROR, ROLO_VCARD_ERROR_ENCODING,
               /* Translators: %u are line numbers of the file */
               _("The card on line %u has text that is not UTF-8 (line %u)."), card_line, line);
}

/* The value of the logical line, quoted-printable decoded and converted to
 * UTF-8; NULL with @error when it is not text. */
static char *
reader_decode_value (RoloVcardReader  *self,
                     guint             card_line,
                     GError          **error)
{
  g_autofree char *decoded = NULL;
  g_autofree char *converted = NULL;
  const char *charset = self->head.charset;
  gsize len;
  const char *value = logical_value (self, &len);

  if (self->head.encoding == ENCODING_QUOTED_PRINTABLE)
    value = decoded = decode_quoted_printable (value, len, &len);
  if (charset != NULL && !is_utf8_name (charset))
    {
      converted = g_convert (value, len, "UTF-8", charset, NULL, &len, NULL);
      if (converted == NULL)
        {
          g_set_error (error, ROLO_VCARD_ERROR, ROLO_VCARD_ERROR_ENCODING,
                       /* Translators: %u are line numbers of the file */
                       _("The card on line %u has text in a character set that cannot be "
                         "read (line %u)."),
                       card_line, self->logical_number);
          return NULL;
        }
      value = converted;
    }
  if (!g_utf8_validate_len (value, len, NULL))
    {
      set_encoding_error (error, card_line, self->logical_number);
      return NULL;
    }
  return g_strndup (value, len);
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

static void
card_add_categories (Card       *card,
                     const char *value)
{
  g_auto(GStrv) categories = split_escaped (value, ',');

  for (guint i = 0; categories[i] != NULL; i++)
    {
      gint64 id = parse_number (categories[i], G_MAXINT64);

      if (id > 0)
        g_array_append_val (card->tag_ids, id);
    }
}

/* Takes @value for @slot unless a property before it ranks as high. */
static void
card_store (Card       *card,
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

/* Keeps the logical line's value when it maps to a contact field. */
static gboolean
reader_add_property (RoloVcardReader  *self,
                     Card             *card,
                     guint             card_line,
                     GError          **error)
{
  int slot = slot_for_name (self->head.name);
  char *value;

  if (slot < 0)
    return TRUE;
  /* A NUL would have cut the name short; LABEL is kept as it is. */
  if (!g_utf8_validate_len (self->logical->str, self->scan.colon, NULL))
    {
      set_encoding_error (error, card_line, self->logical_number);
      return FALSE;
    }
  value = reader_decode_value (self, card_line, error);
  if (value == NULL)
    return FALSE;
  if (slot == SLOT_CATEGORIES)
    {
      card_add_categories (card, value);
      g_free (value);
    }
  else
    card_store (card, slot, value, &self->head);
  return TRUE;
}

/* --- from a card to a contact ---------------------------------------------- */

static gboolean
card_is_v21 (Card *card)
{
  const char *version = card->values[SLOT_VERSION];

  return version != NULL && equal_trimmed (version, strlen (version), "2.1");
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

  return raw != NULL ? unescape_text (raw, card_is_v21 (card)) : NULL;
}

/* Component @n of a structured value, unescaped; "" when missing. */
static char *
card_component (Card  *card,
                GStrv  components,
                guint  n)
{
  if (n >= g_strv_length (components))
    return g_strdup ("");
  return unescape_text (components[n], card_is_v21 (card));
}

static char *
card_org (Card *card)
{
  g_auto(GStrv) components = NULL;

  if (card->values[SLOT_ORG] == NULL)
    return g_strdup ("");
  components = split_escaped (card->values[SLOT_ORG], ';');
  return card_component (card, components, 0);
}

/* "given additional family", each maybe a list ("Anne,Marie"). */
static char *
card_name_from_n (Card *card)
{
  static const guint order[] = { 1, 2, 0 };
  g_auto(GStrv) components = split_escaped (card->values[SLOT_N], ';');
  GString *name = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order) && order[i] < g_strv_length (components); i++)
    {
      g_auto(GStrv) names = split_escaped (components[order[i]], ',');

      for (guint j = 0; names[j] != NULL; j++)
        {
          g_autofree char *part = g_strstrip (unescape_text (names[j], card_is_v21 (card)));

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
  if (kind != NULL && equal_trimmed (kind, strlen (kind), "org"))
    return ROLO_CONTACT_TYPE_BUSINESS;
  if (kind != NULL && equal_trimmed (kind, strlen (kind), "individual"))
    return ROLO_CONTACT_TYPE_INDIVIDUAL;
  if (show_as != NULL && equal_trimmed (show_as, strlen (show_as), "COMPANY"))
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
    return unescape_text (card_raw (card, SLOT_LABEL), card_is_v21 (card));

  components = split_escaped (card->values[SLOT_ADR], ';');
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
  if (equal_trimmed (value, strlen (value), "true") || equal_trimmed (value, strlen (value), "1"))
    set (contact, TRUE);
  else if (equal_trimmed (value, strlen (value), "false") ||
           equal_trimmed (value, strlen (value), "0"))
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

static RoloContact *
card_to_contact (Card        *card,
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
  rolo_contact_set_tag_ids (contact, (const gint64 *) card->tag_ids->data, card->tag_ids->len);
  card_set_created (card, contact);
  return contact;
}

/* --- reading --------------------------------------------------------------- */

/* Ends reading, or goes on at the next BEGIN:VCARD, after an error. */
static gboolean
reader_fail (RoloVcardReader *self,
             ReaderState      state)
{
  self->state = state;
  return FALSE;
}

/* Skips to the next BEGIN:VCARD; FALSE at the end, or with @error (and
 * @line) when something else is in the way. */
static gboolean
reader_find_begin (RoloVcardReader  *self,
                   guint            *line,
                   GCancellable     *cancellable,
                   GError          **error)
{
  if (self->pending_begin > 0)
    {
      *line = self->pending_begin;
      self->pending_begin = 0;
      return TRUE;
    }

  for (;;)
    {
      ReadResult result = reader_take (self, cancellable, error);

      if (result != READ_OK)
        return reader_fail (self, STATE_DONE);
      *line = self->line.number;
      if (is_card_begin (self->line.text))
        return TRUE;
      if (is_blank (self->line.text) || self->state == STATE_RESYNC)
        continue;
      if (self->state == STATE_START)
        {
          g_set_error (error, ROLO_VCARD_ERROR, ROLO_VCARD_ERROR_SYNTAX,
                       /* Translators: %u is a line number of the file */
                       _("This is not a vCard file: line %u does not begin a card."), *line);
          return reader_fail (self, STATE_DONE);
        }
      g_set_error (error, ROLO_VCARD_ERROR, ROLO_VCARD_ERROR_SYNTAX,
                   /* Translators: %u is a line number of the file */
                   _("Line %u is outside any card."), *line);
      return reader_fail (self, STATE_RESYNC);
    }
}

typedef enum
{
  LOGICAL_PROPERTY,
  LOGICAL_SKIP,
  LOGICAL_BAD,
} LogicalKind;

/* Whether the logical line just read is a property, one to pass over
 * (blank, or the rest of a 2.1 photo), or bad (@error set). */
static LogicalKind
reader_classify (RoloVcardReader  *self,
                 guint             begin,
                 gboolean          after_base64,
                 GError          **error)
{
  if (self->logical_too_long)
    {
      g_set_error (error, ROLO_VCARD_ERROR, ROLO_VCARD_ERROR_TOO_LONG,
                   /* Translators: %u are line numbers of the file */
                   _("The card on line %u has a line longer than 1 MB (line %u)."),
                   begin, self->logical_number);
      return LOGICAL_BAD;
    }
  if (is_blank (self->logical))
    return LOGICAL_SKIP;
  if (self->scan.colon >= 0)
    return LOGICAL_PROPERTY;
  if (after_base64 && is_base64_text (self->logical))
    return LOGICAL_SKIP;
  g_set_error (error, ROLO_VCARD_ERROR, ROLO_VCARD_ERROR_SYNTAX,
               /* Translators: %u are line numbers of the file */
               _("The card on line %u has a line that is not a property (line %u)."),
               begin, self->logical_number);
  return LOGICAL_BAD;
}

static gboolean
reader_fail_cut_short (RoloVcardReader  *self,
                       guint             begin,
                       GError          **error)
{
  g_set_error (error, ROLO_VCARD_ERROR, ROLO_VCARD_ERROR_SYNTAX,
               /* Translators: %u is a line number of the file */
               _("The card on line %u has no END:VCARD: the file may be cut short."), begin);
  return reader_fail (self, STATE_DONE);
}

/* The next card starts here: the next call reads it. */
static gboolean
reader_fail_next_card (RoloVcardReader  *self,
                       guint             begin,
                       GError          **error)
{
  g_set_error (error, ROLO_VCARD_ERROR, ROLO_VCARD_ERROR_SYNTAX,
               /* Translators: %u are line numbers of the file */
               _("The card on line %u has no END:VCARD before the next card (line %u)."),
               begin, self->logical_number);
  self->pending_begin = self->logical_number;
  return reader_fail (self, STATE_BETWEEN);
}

/* The lines after BEGIN:VCARD, up to END:VCARD, into @card. */
static gboolean
reader_read_card (RoloVcardReader  *self,
                  guint             begin,
                  Card             *card,
                  GCancellable     *cancellable,
                  GError          **error)
{
  gboolean after_base64 = FALSE;

  for (;;)
    {
      ReadResult result = reader_read_logical (self, cancellable, error);
      LogicalKind kind;

      if (result == READ_FAILED)
        return reader_fail (self, STATE_DONE);
      if (result == READ_END)
        return reader_fail_cut_short (self, begin, error);
      kind = reader_classify (self, begin, after_base64, error);
      if (kind == LOGICAL_BAD)
        return reader_fail (self, STATE_RESYNC);
      if (kind == LOGICAL_SKIP)
        continue;

      after_base64 = self->head.encoding == ENCODING_BASE64;
      if (logical_is (self, "END", "VCARD"))
        return TRUE;
      if (logical_is (self, "BEGIN", "VCARD"))
        return reader_fail_next_card (self, begin, error);
      if (!after_base64 && !reader_add_property (self, card, begin, error))
        return reader_fail (self, STATE_RESYNC);
    }
}

static void
line_init (Line *line)
{
  line->text = g_string_new (NULL);
}

RoloVcardReader *
rolo_vcard_reader_new (GInputStream *stream)
{
  RoloVcardReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_new0 (RoloVcardReader, 1);
  self->stream = g_object_ref (stream);
  self->buffer = g_malloc (BUFFER_SIZE);
  self->next_number = 1;
  line_init (&self->line);
  line_init (&self->peeked);
  self->logical = g_string_new (NULL);
  self->scan.colon = -1;
  self->state = STATE_START;
  self->defaults = rolo_contact_new ();
  return self;
}

void
rolo_vcard_reader_free (RoloVcardReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_free (self->buffer);
  g_string_free (self->line.text, TRUE);
  g_string_free (self->peeked.text, TRUE);
  g_string_free (self->logical, TRUE);
  head_clear (&self->head);
  g_clear_object (&self->defaults);
  g_free (self);
}

void
rolo_vcard_reader_set_notify_defaults (RoloVcardReader *self,
                                       gboolean         email,
                                       gboolean         sms,
                                       gboolean         whatsapp)
{
  g_return_if_fail (self != NULL);

  rolo_contact_set_email_notify (self->defaults, email);
  rolo_contact_set_sms_notify (self->defaults, sms);
  rolo_contact_set_whatsapp_notify (self->defaults, whatsapp);
}

gboolean
rolo_vcard_reader_read_contact (RoloVcardReader  *self,
                                RoloContact     **contact,
                                guint            *line,
                                GCancellable     *cancellable,
                                GError          **error)
{
  Card card;
  guint begin = 0;
  gboolean read;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (contact != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *contact = NULL;
  if (line != NULL)
    *line = 0;
  if (self->state == STATE_DONE)
    return FALSE;

  read = reader_find_begin (self, &begin, cancellable, error);
  if (line != NULL)
    *line = begin;
  if (!read)
    return FALSE;

  card_init (&card);
  read = reader_read_card (self, begin, &card, cancellable, error);
  if (read)
    {
      *contact = card_to_contact (&card, self->defaults);
      self->state = STATE_BETWEEN;
    }
  card_clear (&card);
  return read;
}

gboolean
rolo_vcard_sniff (const char *data,
                  gsize       length)
{
  const char *p = data;
  const char *end = data + length;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    p += 3;
  while (p < end && (is_space (*p) || *p == '\r' || *p == '\n'))
    p++;
  if (end - p < 11 || g_ascii_strncasecmp (p, "BEGIN:VCARD", 11) != 0)
    return FALSE;
  for (p += 11; p < end && is_space (*p); p++)
    ;
  return p == end || *p == '\r' || *p == '\n';
}

/* --- writing --------------------------------------------------------------- */

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
