/* rolo-test-account.h — helpers of the account tests, which drive the real
 * widgets against a real keyring (tests/keyring-session.sh).
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rolo-account-store.h"
#include "rolo-application.h"
#include "rolo-preferences.h"
#include "rolo-test-utils.h"
#include "rolo-window.h"

G_BEGIN_DECLS

#define TIMEOUT_MS 15000

/* Initialises GTK and Adwaita for the tests; FALSE (the test is skipped)
 * outside tests/keyring-session.sh's throwaway HOME and keyring. */
gboolean account_test_init (int    *argc,
                            char ***argv);

RoloApplication *test_application_new        (void);
gboolean         is_row_titled               (GtkWidget  *widget,
                                              const char *title);
gboolean         button_usable               (gpointer    widget,
                                              const char *action_name);
void             press                       (gpointer    widget,
                                              const char *action_name);
GtkEditable     *entry_row                   (RoloPreferences *preferences,
                                              const char      *title);
RoloPreferences *wait_for_preferences        (void);
gboolean         preferences_closed          (gpointer user_data);
void             respond                     (const char *response);
void             fill_in                     (RoloPreferences *preferences,
                                              const char      *server,
                                              const char      *access_key,
                                              const char      *secret_key);
const char      *test_connection             (RoloPreferences *preferences);
gboolean         window_settled              (gpointer user_data);
gboolean         window_shows_error          (gpointer user_data);
gboolean         window_welcomes             (gpointer user_data);
RoloWindow      *activate                    (RoloApplication *app);
void             destroy_toplevels           (void);
RoloAccountKeys *load_keys                   (const char *server);
void             save_keys                   (const char *server,
                                              const char *access_key,
                                              const char *secret_key);
guint            count_items                 (void);
void             reset_account               (void);
char            *sandbox_url                 (RoloSandbox *sandbox);
char            *stored_form                 (const char *url);
gboolean         window_browses              (gpointer user_data);
RoloPreferences *open_preferences            (RoloApplication *app);
RoloWindow      *connect_through_preferences (RoloApplication *app,
                                              const char      *url,
                                              const char      *access_key,
                                              const char      *secret_key);

G_END_DECLS
