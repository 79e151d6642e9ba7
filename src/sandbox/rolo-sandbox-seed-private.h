/* rolo-sandbox-seed-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rolo-sandbox-store-private.h"

G_BEGIN_DECLS

/* Fills an empty store with n_contacts realistic contacts, the same ones on
 * every run: about one in five a Business, Latin and Arabic names, many
 * Individuals linked to a Business, created over the two years before
 * 2026-05-15T08:30:00Z. A store that holds contacts is left alone. */
gboolean rolo_sandbox_seed_fill (RoloSandboxStore  *store,
                                 guint              n_contacts,
                                 GError           **error);

G_END_DECLS
