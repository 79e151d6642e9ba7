/* rolo-transfer.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ROLO_TYPE_TRANSFER (rolo_transfer_get_type ())

G_DECLARE_DERIVABLE_TYPE (RoloTransfer, rolo_transfer, ROLO, TRANSFER, GObject)

/* What an import or an export shares: how far it is. "n-done" and
 * "n-total" (read-only) notify on the thread the work runs on. */
struct _RoloTransferClass
{
  GObjectClass parent_class;
};

guint rolo_transfer_get_n_done    (RoloTransfer *self);
/* 0 while not known yet. */
guint rolo_transfer_get_n_total   (RoloTransfer *self);

/* For the subclasses. */
void  rolo_transfer_set_progress  (RoloTransfer *self,
                                   guint         n_done,
                                   guint         n_total);

G_END_DECLS
