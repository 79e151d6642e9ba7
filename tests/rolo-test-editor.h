/* rolo-test-editor.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rolo-contact-editor.h"
#include "rolo-test-ui.h"
#include "rolo-test-utils.h"

G_BEGIN_DECLS

/* The fixture and the words of the editor's tests (tests/test-ui-editor-*.c):
 * the real editor against an in-process sandbox, driven as a user would. */

#define TIMEOUT_MS 20000

/* One request the sandbox was asked. */
typedef struct
{
  char *method;
  char *path;
  char *body;
} Request;

/* The editor drives the real widgets against an in-process sandbox and
 * watches what the sandbox is asked. */
typedef struct
{
  RoloSandbox       *sandbox;
  RoloClient        *client;
  RoloContactEditor *editor;
  GPtrArray         *requests;
  RoloContact       *saved;
  gboolean           created;
  guint              n_saved;
} Fixture;

/* A sandbox seeded with GPOINTER_TO_UINT (user_data) contacts, recording
 * requests, and a client for it. */
void fixture_set_up    (Fixture       *fixture,
                        gconstpointer  user_data);
void fixture_tear_down (Fixture       *fixture,
                        gconstpointer  user_data);

/* Adds func as a test on a Fixture seeded with n_contacts. */
#define ROLO_TEST_ADD_EDITOR(path, n_contacts, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n_contacts), fixture_set_up, func, \
              fixture_tear_down)

/* What main() does first: GTK in test mode, accessibility through the test
 * backend, libadwaita. */
void rolo_test_editor_init (int    *argc,
                            char ***argv);

/* --- the editor window ----------------------------------------------------- */

void     open_viewer_known        (Fixture           *fixture,
                                   gint64             id,
                                   RoloContact       *known);
void     open_viewer              (Fixture           *fixture,
                                   gint64             id);
void     open_editor              (Fixture           *fixture,
                                   gint64             id);
void     close_editor             (Fixture           *fixture);
void     wait_settled             (Fixture           *fixture);
void     saved_cb                 (RoloContactEditor *editor,
                                   RoloContact       *saved,
                                   gboolean           created,
                                   gpointer           user_data);
/* Conditions for rolo_test_wait_until() on a Fixture. */
gboolean saved_once               (gpointer           user_data);
gboolean editing                  (gpointer           user_data);
/* *(gpointer *) user_data is NULL: for a weak pointer. */
gboolean pointer_cleared          (gpointer           user_data);
/* Drops the reference *@object_ptr holds, the last one, and waits until the
 * object is finalized: what still holds it fails the test. */
void     clear_and_wait_finalized (gpointer           object_ptr);

/* --- finding the widgets a user would use ---------------------------------- */

gboolean       is_label_text     (GtkWidget       *widget,
                                  const char      *text);
GtkWidget     *editor_button     (Fixture         *fixture,
                                  const char      *action_name);
gboolean       can_save          (Fixture         *fixture);
GtkWidget     *field             (Fixture         *fixture,
                                  const char      *api_field);
void           type_text         (Fixture         *fixture,
                                  const char      *api_field,
                                  const char      *text);
void           assert_field_text (Fixture         *fixture,
                                  const char      *api_field,
                                  const char      *expected);
void           leave_field       (Fixture         *fixture,
                                  const char      *api_field);
void           activate          (Fixture         *fixture,
                                  const char      *action_name);
gboolean       press_shortcut    (Fixture         *fixture,
                                  guint            keyval,
                                  GdkModifierType  modifiers);
void           add_tag           (Fixture         *fixture,
                                  const char      *text);
GtkMenuButton *picker_button     (Fixture         *fixture,
                                  const char      *api_field);

/* --- the parent picker ----------------------------------------------------- */

GtkWidget  *parent_popover        (Fixture  *fixture);
GListModel *parent_choices        (Fixture  *fixture);
gboolean    parent_choices_loaded (gpointer  user_data);
void        open_parent_picker    (Fixture  *fixture);
void        choose_parent         (Fixture  *fixture,
                                   gint64    parent_id);

/* --- the dialogs the editor asks with -------------------------------------- */

GtkWidget *discard_dialog       (Fixture    *fixture);
gboolean   message_dialog_shown (gpointer    user_data);

/* --- the server side ------------------------------------------------------- */

gint64   create_on_server (Fixture         *fixture,
                           const char      *name,
                           RoloContactType  type);
Request *last_request     (Fixture         *fixture,
                           const char      *method);
guint    count_requests   (Fixture         *fixture,
                           const char      *method);

/* --- screenshots (ROLO_SCREENSHOT_DIR=dir to write them) ------------------- */

void screenshot (Fixture    *fixture,
                 const char *name);

G_END_DECLS
