/* rolo-file-format.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  ROLO_FILE_FORMAT_UNKNOWN,
  ROLO_FILE_FORMAT_CSV,   /* .csv: a header of API field names, a contact a record */
  ROLO_FILE_FORMAT_VCARD, /* .vcf, .vcard: vCard 4.0, a contact a card */
} RoloFileFormat;

/* From the file name's extension, any case; UNKNOWN for others. */
RoloFileFormat  rolo_file_format_for_name      (const char     *name);
/* From the first bytes of a file: vCard when it begins like one, CSV
 * otherwise (any text can be a CSV file). */
RoloFileFormat  rolo_file_format_sniff         (const char     *data,
                                                gsize           length);
/* "csv" or "vcf". */
const char     *rolo_file_format_get_extension (RoloFileFormat  format);

G_END_DECLS
