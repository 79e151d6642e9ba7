/* rolo-preferences.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rolo-account-store.h"
#include "rolo-client.h"
#include "rolo-tag-names.h"

G_BEGIN_DECLS

#define ROLO_TYPE_PREFERENCES (rolo_preferences_get_type ())

G_DECLARE_FINAL_TYPE (RoloPreferences, rolo_preferences, ROLO, PREFERENCES, AdwPreferencesWindow)

/*
 * Connecting a YSUITE workspace: server, key pair, Test Connection (one
 * GET /v1/contacts?pageSize=1), Save (after a successful test, or "Save
 * Anyway" after a failed one) and Disconnect.
 *
 * Signal "account-saved" (RoloClient *client): the keys are in the keyring
 * and @client connects with them.
 * Signal "disconnected": the keys were removed from the keyring.
 *
 * Properties "result-title" and "result-description" read what the test
 * result row says (NULL before any test).
 */
RoloPreferences *rolo_preferences_new                    (GtkWindow             *parent,
                                                          const char            *server);
/* Fills in a stored pair (NULL leaves the keys empty). */
void             rolo_preferences_set_keys               (RoloPreferences       *self,
                                                          const RoloAccountKeys *keys);
/* The tag names of the workspace in use, for the Contacts page (NULL: none). */
void             rolo_preferences_set_tag_names          (RoloPreferences       *self,
                                                          RoloTagNames          *names);
/* The server whose keys are stored (NULL: none): names it, offers Disconnect. */
void             rolo_preferences_set_connected          (RoloPreferences       *self,
                                                          const char            *server);
/* Whether YSUITE_* environment settings override the stored account. */
void             rolo_preferences_set_environment_in_use (RoloPreferences       *self,
                                                          gboolean               in_use);
const char      *rolo_preferences_get_result_title       (RoloPreferences       *self);
const char      *rolo_preferences_get_result_description (RoloPreferences       *self);

G_END_DECLS
