/* rolo-exporter.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rolo-client.h"
#include "rolo-file-format.h"
#include "rolo-transfer.h"

G_BEGIN_DECLS

#define ROLO_TYPE_EXPORTER (rolo_exporter_get_type ())

G_DECLARE_FINAL_TYPE (RoloExporter, rolo_exporter, ROLO, EXPORTER, RoloTransfer)

/*
 * Writes contacts to a file: every contact a query finds (all its pages, in
 * its order), or the contacts of a list of ids. List pages carry only some
 * fields, so each contact is read whole (a few requests in flight; a server
 * that asks to slow down is waited for) and written in order as it comes:
 * neither the file nor the list is ever held whole.
 *
 * The file appears only when it is complete: the contacts go to a hidden
 * file beside it, renamed over it at the end; a cancelled or failed export
 * removes that and leaves any earlier file as it was.
 *
 * Its RoloTransfer progress counts contacts: "n-total" is the server's
 * count, and may change while pages are read.
 */
RoloExporter *rolo_exporter_new           (RoloClient        *client,
                                           RoloFileFormat     format);
/* The contacts to write: those of @query (the default: every contact)... */
void          rolo_exporter_set_query     (RoloExporter      *self,
                                           RoloContactQuery  *query);
/* ...or these, in this order (duplicates written once). */
void          rolo_exporter_set_ids       (RoloExporter      *self,
                                           const gint64      *ids,
                                           gsize              n_ids);

void          rolo_exporter_export_async  (RoloExporter      *self,
                                           GFile             *file,
                                           GCancellable      *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer           user_data);
/* The number of contacts written. */
gboolean      rolo_exporter_export_finish (RoloExporter      *self,
                                           GAsyncResult      *result,
                                           guint             *n_exported,
                                           GError           **error);

G_END_DECLS
