/* rolo-test-browse.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rolo-application.h"
#include "rolo-column-sorter.h"
#include "rolo-contact-cell.h"
#include "rolo-contact-editor.h"
#include "rolo-contact-list.h"
#include "rolo-contact-view.h"
#include "rolo-export-dialog.h"
#include "rolo-import-dialog.h"
#include "rolo-test-ui.h"
#include "rolo-test-utils.h"
#include "rolo-window.h"

G_BEGIN_DECLS

#define TIMEOUT_MS 20000

/* The window drives the real widgets against an in-process sandbox and
 * watches what the sandbox is asked: every list request's path and query. */
typedef struct
{
  RoloApplication *app;
  RoloWindow      *window;
  RoloSandbox     *sandbox;
  GSettings       *settings;
  GPtrArray       *requests;
  SoupServer      *server;        /* answers every request with one failure */
  guint            server_status;
  guint            n_served;
  guint            n_deletes;     /* DELETE requests the sandbox saw */
} Fixture;

typedef const char * (*ContactText) (RoloContact *contact);

/* For sort_answered(): the sort the shown rows must have. */
typedef struct
{
  Fixture              *fixture;
  RoloContactSortField  field;
  gboolean              descending;
} SortWait;

void fixture_set_up (Fixture       *fixture,
                     gconstpointer  user_data);

void fixture_tear_down (Fixture       *fixture,
                        gconstpointer  user_data);

void fixture_connect_to (Fixture    *fixture,
                         const char *base_url,
                         const char *access_key,
                         const char *secret_key);

void fixture_connect (Fixture    *fixture,
                      guint       n_contacts,
                      const char *access_key,
                      const char *secret_key);

void fixture_connect_failing (Fixture *fixture,
                              guint    status);

gboolean is_label_starting (GtkWidget  *widget,
                            const char *prefix);

/* A name cell on screen: mapped and laid out. */
gboolean is_name_cell (GtkWidget  *widget,
                       const char *unused);

GtkWidget *window_widget (Fixture    *fixture,
                          const char *type_name);

GtkColumnView *window_column_view (Fixture *fixture);

GtkColumnViewColumn *column_titled (GtkColumnView *view,
                                    const char    *title);

GtkWidget *window_button (Fixture    *fixture,
                          const char *action_name);

void wait_settled (Fixture *fixture);

/* Waits for a list request with every fragment in its query. */
void wait_request (Fixture            *fixture,
                   const char * const *fragments);

gboolean rows_shown (gpointer user_data);

RoloContactList *window_contacts (Fixture *fixture);

RoloContact *row (Fixture *fixture,
                  guint    position);

/* The editor shown over the window, if any. */
RoloContactEditor *window_editor (Fixture *fixture);

/* For rolo_test_wait_until() on a Fixture: that editor shows a contact. */
gboolean editor_viewing (gpointer user_data);

/* The rows of the first page, which the first answer filled. */
guint n_first_rows (Fixture *fixture);

RoloContactQuery *shown_query (Fixture *fixture);

/* Rows in the server's order for a NOCASE collation, ties by id. */
void assert_rows_ordered (Fixture     *fixture,
                          ContactText  text,
                          gboolean     descending);

gboolean sort_answered (gpointer user_data);

void activate (Fixture    *fixture,
               const char *action_name);

/* What each browse test's main() does first: the test accessibility backend,
 * GTK's test setup and libadwaita's. */
void rolo_test_browse_init (int    *argc,
                            char ***argv);

/* Adds func as a test on a Fixture. */
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

G_END_DECLS
