/* rolo-file-format.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-io"

#include "config.h"

#include <string.h>

#include "rolo-file-format.h"
#include "rolo-vcard.h"

RoloFileFormat
rolo_file_format_for_name (const char *name)
{
  const char *dot;

  g_return_val_if_fail (name != NULL, ROLO_FILE_FORMAT_UNKNOWN);

  dot = strrchr (name, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return ROLO_FILE_FORMAT_UNKNOWN;
  if (g_ascii_strcasecmp (dot, ".csv") == 0)
    return ROLO_FILE_FORMAT_CSV;
  if (g_ascii_strcasecmp (dot, ".vcf") == 0 || g_ascii_strcasecmp (dot, ".vcard") == 0)
    return ROLO_FILE_FORMAT_VCARD;
  return ROLO_FILE_FORMAT_UNKNOWN;
}

RoloFileFormat
rolo_file_format_sniff (const char *data,
                        gsize       length)
{
  g_return_val_if_fail (data != NULL || length == 0, ROLO_FILE_FORMAT_UNKNOWN);

  return rolo_vcard_sniff (data, length) ? ROLO_FILE_FORMAT_VCARD : ROLO_FILE_FORMAT_CSV;
}

const char *
rolo_file_format_get_extension (RoloFileFormat format)
{
  return format == ROLO_FILE_FORMAT_VCARD ? "vcf" : "csv";
}
