/* rolo-test-list.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rolo-client.h"
#include "rolo-contact-list.h"
#include "rolo-test-utils.h"

G_BEGIN_DECLS

#define WAIT_MS 30000
#define PAGE    ROLO_CONTACT_LIST_PAGE_SIZE
#define TRUTH_PAGE 50

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

/* The fixture of the contact list tests: a sandbox seeded with
 * GPOINTER_TO_UINT (data) contacts, a client on it and the list under test,
 * with what the list asked and told along the way. */
typedef struct
{
  RoloSandbox     *sandbox;
  RoloClient      *client;
  RoloContactList *list;
  GArray          *pages_requested;  /* guint pageIndex of each list request */
  GArray          *changes;          /* Change */
  guint            n_seen;           /* n_items as the signals tell it */
  guint            max_in_flight;
  guint            n_failed;
  GHashTable      *live;             /* RoloContact handed out and still alive */
} Fixture;

RoloContactList *fixture_new_list (Fixture          *fixture,
                                   RoloContactQuery *query);

void fixture_set_up (Fixture       *fixture,
                     gconstpointer  data);

void fixture_tear_down (Fixture       *fixture,
                        gconstpointer  data);

gboolean list_is_loaded (gpointer user_data);

void wait_loaded (Fixture *fixture);

void settle (Fixture *fixture);

RoloContact *item_at (Fixture *fixture,
                      guint    position);

RoloContactState state_at (Fixture *fixture,
                           guint    position);

gboolean contact_is_ready (gpointer user_data);

gboolean contact_is_failed (gpointer user_data);

void touch_page (Fixture *fixture,
                 guint    index);

guint n_list_requests (Fixture *fixture);

void assert_pages_requested (Fixture     *fixture,
                             const guint *expected,
                             guint        n_expected);

void assert_changes (Fixture      *fixture,
                     const Change *expected,
                     guint         n_expected);

GArray *truth_ids (Fixture          *fixture,
                   RoloContactQuery *query);

void assert_rows_match_server (Fixture *fixture);

gint64 create_contact (Fixture    *fixture,
                       const char *name);

void delete_contact (Fixture *fixture,
                     gint64   id);

void rename_contact (Fixture     *fixture,
                     RoloContact *contact,
                     const char  *name);

/* A notify handler counting into the guint at user_data. */
void count_notify_cb (GObject    *object,
                      GParamSpec *pspec,
                      gpointer    user_data);

/* Pages sent together reach the server in any order: BATCH separates groups
 * compared as sets; the groups themselves must come in order. */
#define BATCH G_MAXUINT

/* Adds func as a test on a Fixture seeded with n_contacts. */
#define ADD_TEST(path, n_contacts, func) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n_contacts), \
              fixture_set_up, func, fixture_tear_down)

G_END_DECLS
