/* rolo-offline-banner.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rolo-contact-list.h"

G_BEGIN_DECLS

#define ROLO_TYPE_OFFLINE_BANNER (rolo_offline_banner_get_type ())

G_DECLARE_FINAL_TYPE (RoloOfflineBanner, rolo_offline_banner, ROLO, OFFLINE_BANNER, AdwBin)

/*
 * The strip at the top of the contacts while their list is offline with rows
 * to show: since when, where the rows come from, that changes wait, and
 * Retry Now (win.retry-now). It slides in and out as AdwBanner does (libadwaita
 * 1.3; this is the same for 1.2). Hidden while the list has nothing to show:
 * the error page says it then.
 */
void        rolo_offline_banner_set_contacts (RoloOfflineBanner *self,
                                              RoloContactList   *contacts);
/* The words shown, or NULL while hidden. */
const char *rolo_offline_banner_get_text     (RoloOfflineBanner *self);

G_END_DECLS
