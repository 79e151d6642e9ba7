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

#include "rolo-vcard-private.h"

#define BUFFER_SIZE (64 * 1024)
/* One byte over the limit, kept to tell a line at the limit from one past it. */
#define LINE_CAPACITY (ROLO_VCARD_MAX_LINE_BYTES + 1)
#define UTF8_BOM "\xef\xbb\xbf"

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

/* A physical line, without its line end. */
typedef struct
{
  GString  *text;
  guint     number;
  gboolean  too_long;
} Line;

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

gboolean
rolo_vcard_head_has_type (const Head *head,
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
      char *type = rolo_vcard_unquote (types[i], strlen (types[i]));

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
      value = rolo_vcard_unquote (text, len);
      if (!encoding_for_name (value, &head->encoding))
        g_ptr_array_add (head->types, g_ascii_strdown (value, -1));
      return;
    }

  key = rolo_vcard_unquote (text, equals - text);
  value = rolo_vcard_unquote (equals + 1, text + len - equals - 1);
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
      head->label = rolo_vcard_decode_caret (value);
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
      name = rolo_vcard_unquote (text, i);
      dot = strrchr (name, '.');
      head->name = g_ascii_strup (dot != NULL ? dot + 1 : name, -1);
      start = i + 1;
    }
  head->pref = head->pref || rolo_vcard_head_has_type (head, "pref");
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
      !rolo_vcard_equal_trimmed (next->str, next->len, "END:VCARD"))
    return CONTINUE_SOFT_BREAK;
  if (next->len > 0 && rolo_vcard_is_space (next->str[0]))
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
  return rolo_vcard_equal_trimmed (text, len, value);
}

/* --- a card's properties --------------------------------------------------- */

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
    value = decoded = rolo_vcard_decode_quoted_printable (value, len, &len);
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

/* Keeps the logical line's value when it maps to a contact field. */
static gboolean
reader_add_property (RoloVcardReader  *self,
                     Card             *card,
                     guint             card_line,
                     GError          **error)
{
  int slot = rolo_vcard_slot_for_name (self->head.name);
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
      rolo_vcard_card_add_categories (card, value);
      g_free (value);
    }
  else
    rolo_vcard_card_store (card, slot, value, &self->head);
  return TRUE;
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
      if (rolo_vcard_is_card_begin (self->line.text))
        return TRUE;
      if (rolo_vcard_is_blank (self->line.text) || self->state == STATE_RESYNC)
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
  if (rolo_vcard_is_blank (self->logical))
    return LOGICAL_SKIP;
  if (self->scan.colon >= 0)
    return LOGICAL_PROPERTY;
  if (after_base64 && rolo_vcard_is_base64_text (self->logical))
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

  rolo_vcard_card_init (&card);
  read = reader_read_card (self, begin, &card, cancellable, error);
  if (read)
    {
      *contact = rolo_vcard_card_to_contact (&card, self->defaults);
      self->state = STATE_BETWEEN;
    }
  rolo_vcard_card_clear (&card);
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
  while (p < end && (rolo_vcard_is_space (*p) || *p == '\r' || *p == '\n'))
    p++;
  if (end - p < 11 || g_ascii_strncasecmp (p, "BEGIN:VCARD", 11) != 0)
    return FALSE;
  for (p += 11; p < end && rolo_vcard_is_space (*p); p++)
    ;
  return p == end || *p == '\r' || *p == '\n';
}
