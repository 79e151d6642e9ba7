/* rolo-transfer-progress.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-transfer-progress.h"

char *
rolo_transfer_progress_text (RoloTransfer *transfer)
{
  guint n_done = rolo_transfer_get_n_done (transfer);
  guint n_total = rolo_transfer_get_n_total (transfer);

  if (n_total == 0)
    return g_strdup_printf ("%u", n_done);
  /* Translators: progress of an import or an export, "120 of 1500". */
  return g_strdup_printf (_("%'u of %'u"), n_done, n_total);
}

void
rolo_transfer_progress_show (RoloTransfer   *transfer,
                             GtkProgressBar *bar)
{
  guint n_done = rolo_transfer_get_n_done (transfer);
  guint n_total = rolo_transfer_get_n_total (transfer);
  g_autofree char *text = rolo_transfer_progress_text (transfer);

  gtk_progress_bar_set_text (bar, text);
  if (n_total > 0)
    gtk_progress_bar_set_fraction (bar, MIN (1.0, (double) n_done / n_total));
  else
    gtk_progress_bar_pulse (bar);
}
