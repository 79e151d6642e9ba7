/* rolo-country.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ROLO_TYPE_COUNTRY (rolo_country_get_type ())

G_DECLARE_FINAL_TYPE (RoloCountry, rolo_country, ROLO, COUNTRY, GObject)

/* One country of the YSUITE mobile country list. Every property is
 * read-only: "id" is the API's cstmobile_country_id, "code" the ISO 3166-1
 * alpha-2 code ("IN"), "name" the name in the user's language from
 * iso-codes (the code when iso-codes does not know it), "dialing-prefix"
 * the international prefix ("+91"). */
int          rolo_country_get_id             (RoloCountry *self);
const char  *rolo_country_get_code           (RoloCountry *self);
const char  *rolo_country_get_name           (RoloCountry *self);
const char  *rolo_country_get_dialing_prefix (RoloCountry *self);

/* Whether @text, as typed in a search entry, picks out @self: a part of the
 * name (case- and accent-insensitive), the start of the code, or the start
 * of the dialing prefix with or without its "+". Empty text matches all. */
gboolean     rolo_country_matches            (RoloCountry *self,
                                              const char  *text);

/* Every country, sorted by name in the user's language. Loaded on first
 * use and kept for the life of the process; the model and its items belong
 * to the library and must not be changed. Transfer none. */
GListModel  *rolo_country_list_get_default   (void);

/* The country with API id @id, or NULL. Transfer none. */
RoloCountry *rolo_country_lookup_id          (int          id);

/* The country with ISO 3166-1 alpha-2 code @alpha2 (any case), or NULL.
 * Transfer none. */
RoloCountry *rolo_country_lookup_code        (const char  *alpha2);

G_END_DECLS
