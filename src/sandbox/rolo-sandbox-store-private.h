/* rolo-sandbox-store-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rolo-sandbox-contact-private.h"

G_BEGIN_DECLS

typedef enum
{
  ROLO_SANDBOX_SORT_CSTID,
  ROLO_SANDBOX_SORT_CSTNAME,
  ROLO_SANDBOX_SORT_CSTEMAIL,
  ROLO_SANDBOX_SORT_CSTMOBILE,
  ROLO_SANDBOX_SORT_CONTACT_TYPE,
  ROLO_SANDBOX_SORT_CSTCREATED_ON,
} RoloSandboxSort;

/* One list request, already checked. */
typedef struct
{
  const char      *search;        /* folded text; NULL or "" matches all */
  gint64           contact_type;  /* 0 for both types */
  RoloSandboxSort  sort;
  gboolean         descending;
  gint64           limit;
  gint64           offset;
} RoloSandboxQuery;

/* Hands out the next contact to insert, NULL when there are no more. The
 * source keeps ownership; the store sets its cstid, which the source may read
 * on the next call (to link later contacts to it). */
typedef RoloSandboxContact *(*RoloSandboxContactSource) (gpointer user_data);

#define ROLO_TYPE_SANDBOX_STORE (rolo_sandbox_store_get_type ())

G_DECLARE_FINAL_TYPE (RoloSandboxStore, rolo_sandbox_store, ROLO, SANDBOX_STORE, GObject)

gboolean            rolo_sandbox_sort_from_string         (const char               *name,
                                                           RoloSandboxSort          *sort);

/* Every function below may be called from any thread; calls are serialised. */
RoloSandboxStore   *rolo_sandbox_store_new                (const char               *path,
                                                           GError                  **error);
/* Replaces this store's contents with a copy of source's: a fresh start from
 * the same sample data without seeding again. */
gboolean            rolo_sandbox_store_copy_from          (RoloSandboxStore         *self,
                                                           RoloSandboxStore         *source,
                                                           GError                  **error);
gint64              rolo_sandbox_store_count              (RoloSandboxStore         *self,
                                                           GError                  **error);
/* Returns the page (RoloSandboxContact with the list fields only) and the
 * number of records matching the query in *total. */
GPtrArray          *rolo_sandbox_store_list               (RoloSandboxStore         *self,
                                                           const RoloSandboxQuery   *query,
                                                           gint64                   *total,
                                                           GError                  **error);
/* Returns NULL without setting error when there is no such contact. */
RoloSandboxContact *rolo_sandbox_store_lookup             (RoloSandboxStore         *self,
                                                           gint64                    cstid,
                                                           GError                  **error);
gint64              rolo_sandbox_store_count_children     (RoloSandboxStore         *self,
                                                           gint64                    cstid,
                                                           GError                  **error);
/* Sets contact->cstid. */
gboolean            rolo_sandbox_store_insert             (RoloSandboxStore         *self,
                                                           RoloSandboxContact       *contact,
                                                           GError                  **error);
/* In one transaction, only when the store is empty (else nothing happens). */
gboolean            rolo_sandbox_store_fill               (RoloSandboxStore         *self,
                                                           RoloSandboxContactSource  source,
                                                           gpointer                  user_data,
                                                           GError                  **error);
gboolean            rolo_sandbox_store_update             (RoloSandboxStore         *self,
                                                           const RoloSandboxContact *contact,
                                                           GError                  **error);
/* Also clears contact_parent on the Individuals linked to it. *found tells
 * whether there was such a contact. */
gboolean            rolo_sandbox_store_delete             (RoloSandboxStore         *self,
                                                           gint64                    cstid,
                                                           gboolean                 *found,
                                                           GError                  **error);

G_END_DECLS
