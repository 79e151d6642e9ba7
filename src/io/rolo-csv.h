/* rolo-csv.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ROLO_CSV_ERROR (rolo_csv_error_quark ())

typedef enum
{
  ROLO_CSV_ERROR_ENCODING,       /* not UTF-8 text (or a NUL byte) */
  ROLO_CSV_ERROR_TOO_LONG,       /* a field or a record beyond the limits below */
  ROLO_CSV_ERROR_UNCLOSED_QUOTE, /* the file ends inside a quoted field */
} RoloCsvError;

/* Far above any contact field; a file past them is not a contact list. */
#define ROLO_CSV_MAX_FIELD_BYTES (1024 * 1024)
#define ROLO_CSV_MAX_FIELDS      1000

GQuark rolo_csv_error_quark (void);

#define ROLO_TYPE_CSV_READER (rolo_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (RoloCsvReader, rolo_csv_reader, ROLO, CSV_READER, GObject)

/*
 * Reads RFC 4180 CSV from a stream, one record at a time (never the whole
 * file): quoted fields with separators, doubled quotes and line breaks in
 * them; CRLF, LF or CR line ends; a UTF-8 byte order mark skipped. The
 * separator is told from the first line: ',' unless ';' (as spreadsheets
 * write where the decimal mark is a comma) or a tab is more frequent there.
 *
 * Lenient where spreadsheets are: a quote inside an unquoted field, or text
 * after a closing quote, is kept as it stands. Lines with nothing on them
 * are skipped. Strict where data would be lost: text that is not UTF-8, a
 * quote left open at the end, or a field past ROLO_CSV_MAX_FIELD_BYTES is an
 * error naming the line.
 *
 * Line numbers are those of the file, the first line being 1 (as a
 * spreadsheet numbers its rows when the file has no line breaks inside
 * fields).
 */
RoloCsvReader *rolo_csv_reader_new           (GInputStream   *stream);
/* The next record, NULL-terminated; NULL at the end (@error unset) or on
 * error. Once it has failed, it stays at the end. */
GStrv          rolo_csv_reader_read_record   (RoloCsvReader  *self,
                                              GCancellable   *cancellable,
                                              GError        **error);
/* The line the record last read (or failed) started on. */
guint          rolo_csv_reader_get_line      (RoloCsvReader  *self);
/* ',' ';' or '\t'; ',' until the first record is read. */
char           rolo_csv_reader_get_separator (RoloCsvReader  *self);

#define ROLO_TYPE_CSV_WRITER (rolo_csv_writer_get_type ())

G_DECLARE_FINAL_TYPE (RoloCsvWriter, rolo_csv_writer, ROLO, CSV_WRITER, GObject)

/*
 * Writes RFC 4180 CSV: ',' between fields, CRLF after each record, a field
 * quoted when it holds a comma, a quote, a line break or spaces at either
 * end. With @byte_order_mark the file starts with one, so that spreadsheet
 * programs read it as UTF-8 (Arabic names stay Arabic).
 */
RoloCsvWriter *rolo_csv_writer_new           (GOutputStream  *stream,
                                              gboolean        byte_order_mark);
gboolean       rolo_csv_writer_write_record  (RoloCsvWriter      *self,
                                              const char * const *fields,
                                              GCancellable       *cancellable,
                                              GError            **error);
/* Appends the CSV text of one record (CRLF included) to @out. */
void           rolo_csv_append_record        (GString            *out,
                                              const char * const *fields,
                                              char                separator);

G_END_DECLS
