/* rolo-csv.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-io"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rolo-csv.h"

#define BUFFER_SIZE (64 * 1024)
#define END_OF_INPUT (-1)

G_DEFINE_QUARK (rolo-csv-error-quark, rolo_csv_error)

struct _RoloCsvReader
{
  GObject       parent_instance;

  GInputStream *stream;
  guint8       *buffer;
  gsize         pos;
  gsize         len;
  gboolean      eof;
  gboolean      started;     /* the BOM and the separator are behind us */
  gboolean      failed;
  char          separator;
  guint         line;        /* of the next byte */
  guint         record_line; /* where the last record started */
};

G_DEFINE_FINAL_TYPE (RoloCsvReader, rolo_csv_reader, G_TYPE_OBJECT)

struct _RoloCsvWriter
{
  GObject        parent_instance;

  GOutputStream *stream;
  gboolean       byte_order_mark;  /* still to write */
  GString       *record;
};

G_DEFINE_FINAL_TYPE (RoloCsvWriter, rolo_csv_writer, G_TYPE_OBJECT)

/* --- reading --------------------------------------------------------------- */

/* Makes at least one byte available unless the input is over. */
static gboolean
reader_fill (RoloCsvReader  *self,
             GCancellable   *cancellable,
             GError        **error)
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

/* Fills the buffer as far as one read goes, keeping what is unread. */
static gboolean
reader_fill_more (RoloCsvReader  *self,
                  GCancellable   *cancellable,
                  GError        **error)
{
  gssize n;

  if (self->eof)
    return TRUE;
  if (self->pos > 0)
    {
      memmove (self->buffer, self->buffer + self->pos, self->len - self->pos);
      self->len -= self->pos;
      self->pos = 0;
    }
  if (self->len == BUFFER_SIZE)
    return TRUE;

  n = g_input_stream_read (self->stream, self->buffer + self->len, BUFFER_SIZE - self->len,
                           cancellable, error);
  if (n < 0)
    return FALSE;
  self->len += n;
  self->eof = n == 0;
  return TRUE;
}

/* The next byte, left in place, or END_OF_INPUT (also on error). */
static int
reader_peek (RoloCsvReader  *self,
             GCancellable   *cancellable,
             GError        **error,
             gboolean       *failed)
{
  if (!reader_fill (self, cancellable, error))
    {
      *failed = TRUE;
      return END_OF_INPUT;
    }
  if (self->pos == self->len)
    return END_OF_INPUT;
  return self->buffer[self->pos];
}

static int
reader_next (RoloCsvReader  *self,
             GCancellable   *cancellable,
             GError        **error,
             gboolean       *failed)
{
  int c = reader_peek (self, cancellable, error, failed);

  if (c != END_OF_INPUT)
    self->pos++;
  return c;
}

/* Skips a byte order mark and tells the separator from the first line (as
 * much of it as the first buffer holds), counting outside quotes. */
static gboolean
reader_start (RoloCsvReader  *self,
              GCancellable   *cancellable,
              GError        **error)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  self->started = TRUE;
  while (self->len < 3 && !self->eof)
    if (!reader_fill_more (self, cancellable, error))
      return FALSE;
  if (self->len >= 3 && memcmp (self->buffer, "\xef\xbb\xbf", 3) == 0)
    self->pos = 3;
  if (!reader_fill_more (self, cancellable, error))
    return FALSE;

  for (gsize i = self->pos; i < self->len; i++)
    {
      guint8 c = self->buffer[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        {
          /* The first line with something on it. */
          if (commas + semicolons + tabs > 0 || (i > self->pos && self->buffer[i - 1] != '\n' &&
                                                 self->buffer[i - 1] != '\r'))
            break;
        }
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;
    }

  if (tabs > commas && tabs > semicolons)
    self->separator = '\t';
  else if (semicolons > commas)
    self->separator = ';';
  return TRUE;
}

static gboolean
field_take (RoloCsvReader  *self,
            GPtrArray      *fields,
            GString        *field,
            GError        **error)
{
  if (!g_utf8_validate_len (field->str, field->len, NULL))
    {
      g_set_error (error, ROLO_CSV_ERROR, ROLO_CSV_ERROR_ENCODING,
                   /* Translators: %u is a line number of the file */
                   _("Line %u is not UTF-8 text. Save the file as “CSV UTF-8” and open it "
                     "again."),
                   self->record_line);
      return FALSE;
    }
  if (fields->len >= ROLO_CSV_MAX_FIELDS)
    {
      g_set_error (error, ROLO_CSV_ERROR, ROLO_CSV_ERROR_TOO_LONG,
                   /* Translators: %u is a line number, %d a count */
                   _("Line %u has more than %d columns."), self->record_line,
                   ROLO_CSV_MAX_FIELDS);
      return FALSE;
    }
  g_ptr_array_add (fields, g_strndup (field->str, field->len));
  g_string_truncate (field, 0);
  return TRUE;
}

typedef enum
{
  FIELD_START,
  UNQUOTED,
  QUOTED,
  QUOTE_IN_QUOTED,
} ParseState;

static GStrv
reader_parse_record (RoloCsvReader  *self,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  ParseState state = FIELD_START;
  gboolean failed = FALSE;

  self->record_line = self->line;
  for (;;)
    {
      int c = reader_next (self, cancellable, error, &failed);

      if (failed)
        return NULL;

      if (c == END_OF_INPUT)
        {
          if (state == QUOTED)
            {
              g_set_error (error, ROLO_CSV_ERROR, ROLO_CSV_ERROR_UNCLOSED_QUOTE,
                           /* Translators: %u is a line number of the file */
                           _("The quoted field that starts on line %u is never closed: "
                             "the file may be cut short."),
                           self->record_line);
              return NULL;
            }
          /* The end, after the last line end. */
          if (state == FIELD_START && fields->len == 0)
            return NULL;
          break;
        }

      if (state == QUOTED)
        {
          if (c == '"')
            state = QUOTE_IN_QUOTED;
          else
            {
              if (c == '\n')
                self->line++;
              g_string_append_c (field, c);
            }
        }
      else if (c == '"' && state == QUOTE_IN_QUOTED)
        {
          g_string_append_c (field, '"');
          state = QUOTED;
        }
      else if (c == '"' && state == FIELD_START)
        state = QUOTED;
      else if (c == self->separator)
        {
          if (!field_take (self, fields, field, error))
            return NULL;
          state = FIELD_START;
        }
      else if (c == '\n' || c == '\r')
        {
          self->line++;
          if (c == '\r' && reader_peek (self, cancellable, error, &failed) == '\n')
            self->pos++;
          if (failed)
            return NULL;
          /* A line with nothing on it is no record. */
          if (state == FIELD_START && fields->len == 0)
            {
              self->record_line = self->line;
              continue;
            }
          break;
        }
      else
        {
          /* Lenient: a stray quote, or text after a closing one, stays. */
          g_string_append_c (field, c);
          state = UNQUOTED;
        }

      if (field->len > ROLO_CSV_MAX_FIELD_BYTES)
        {
          g_set_error (error, ROLO_CSV_ERROR, ROLO_CSV_ERROR_TOO_LONG,
                       /* Translators: %u is a line number of the file */
                       _("Line %u has a field longer than 1 MB: this is not a list of "
                         "contacts."),
                       self->record_line);
          return NULL;
        }
    }

  if (!field_take (self, fields, field, error))
    return NULL;
  g_ptr_array_add (fields, NULL);
  return (GStrv) g_ptr_array_steal (fields, NULL);
}

static void
rolo_csv_reader_finalize (GObject *object)
{
  RoloCsvReader *self = ROLO_CSV_READER (object);

  g_clear_object (&self->stream);
  g_free (self->buffer);

  G_OBJECT_CLASS (rolo_csv_reader_parent_class)->finalize (object);
}

static void
rolo_csv_reader_class_init (RoloCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rolo_csv_reader_finalize;
}

static void
rolo_csv_reader_init (RoloCsvReader *self)
{
  self->buffer = g_malloc (BUFFER_SIZE);
  self->separator = ',';
  self->line = 1;
  self->record_line = 1;
}

RoloCsvReader *
rolo_csv_reader_new (GInputStream *stream)
{
  RoloCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (ROLO_TYPE_CSV_READER, NULL);
  self->stream = g_object_ref (stream);
  return self;
}

GStrv
rolo_csv_reader_read_record (RoloCsvReader  *self,
                             GCancellable   *cancellable,
                             GError        **error)
{
  GStrv record;
  GError *local_error = NULL;

  g_return_val_if_fail (ROLO_IS_CSV_READER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->failed)
    return NULL;
  if (!self->started && !reader_start (self, cancellable, &local_error))
    {
      self->failed = TRUE;
      g_propagate_error (error, local_error);
      return NULL;
    }

  record = reader_parse_record (self, cancellable, &local_error);
  if (local_error != NULL)
    {
      self->failed = TRUE;
      g_propagate_error (error, local_error);
    }
  return record;
}

guint
rolo_csv_reader_get_line (RoloCsvReader *self)
{
  g_return_val_if_fail (ROLO_IS_CSV_READER (self), 0);

  return self->record_line;
}

char
rolo_csv_reader_get_separator (RoloCsvReader *self)
{
  g_return_val_if_fail (ROLO_IS_CSV_READER (self), ',');

  return self->separator;
}

/* --- writing --------------------------------------------------------------- */

static gboolean
needs_quotes (const char *field,
              char        separator)
{
  gsize len = strlen (field);

  if (len == 0)
    return FALSE;
  /* Spaces would be trimmed by some readers; a leading U+FEFF first in a
   * file would be read as a byte order mark. */
  if (field[0] == ' ' || field[len - 1] == ' ' || g_str_has_prefix (field, "\xef\xbb\xbf"))
    return TRUE;
  /* The other separators too, so that a reader telling the separator from
   * the first line cannot take one of them for it. */
  for (const char *p = field; *p != '\0'; p++)
    if (*p == separator || *p == ',' || *p == ';' || *p == '\t' || *p == '"' || *p == '\n' ||
        *p == '\r')
      return TRUE;
  return FALSE;
}

void
rolo_csv_append_record (GString            *out,
                        const char * const *fields,
                        char                separator)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL);

  /* A lone empty field written bare would be a blank line, which reads as
   * no record at all. */
  if (fields[0] != NULL && fields[0][0] == '\0' && fields[1] == NULL)
    {
      g_string_append (out, "\"\"\r\n");
      return;
    }

  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *field = fields[i];

      if (i > 0)
        g_string_append_c (out, separator);
      if (!needs_quotes (field, separator))
        {
          g_string_append (out, field);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}

static void
rolo_csv_writer_finalize (GObject *object)
{
  RoloCsvWriter *self = ROLO_CSV_WRITER (object);

  g_clear_object (&self->stream);
  g_string_free (self->record, TRUE);

  G_OBJECT_CLASS (rolo_csv_writer_parent_class)->finalize (object);
}

static void
rolo_csv_writer_class_init (RoloCsvWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rolo_csv_writer_finalize;
}

static void
rolo_csv_writer_init (RoloCsvWriter *self)
{
  self->record = g_string_new (NULL);
}

RoloCsvWriter *
rolo_csv_writer_new (GOutputStream *stream,
                     gboolean       byte_order_mark)
{
  RoloCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_object_new (ROLO_TYPE_CSV_WRITER, NULL);
  self->stream = g_object_ref (stream);
  self->byte_order_mark = byte_order_mark;
  return self;
}

gboolean
rolo_csv_writer_write_record (RoloCsvWriter       *self,
                              const char * const  *fields,
                              GCancellable        *cancellable,
                              GError             **error)
{
  g_return_val_if_fail (ROLO_IS_CSV_WRITER (self), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  g_string_truncate (self->record, 0);
  if (self->byte_order_mark)
    {
      g_string_append (self->record, "\xef\xbb\xbf");
      self->byte_order_mark = FALSE;
    }
  rolo_csv_append_record (self->record, fields, ',');
  return g_output_stream_write_all (self->stream, self->record->str, self->record->len, NULL,
                                    cancellable, error);
}
