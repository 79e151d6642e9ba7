/* rolo-transfer-progress.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rolo-transfer.h"

G_BEGIN_DECLS

/* "N of M" (or "N" while M is not known, pulsing) for an import or an
 * export: in @bar, and as text (free with g_free()). */
char *rolo_transfer_progress_text (RoloTransfer   *transfer);
void  rolo_transfer_progress_show (RoloTransfer   *transfer,
                                   GtkProgressBar *bar);

G_END_DECLS
