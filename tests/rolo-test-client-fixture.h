/* rolo-test-client-fixture.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rolo-test-utils.h"

G_BEGIN_DECLS

/* A RoloClient against a loopback SoupServer that gives the answers a test
 * queued, in order (418 once they run out), and records what it received. */

/* What the test server answers next. */
typedef struct
{
  guint     status;
  char     *content_type;
  char     *body;
  char     *retry_after;
  char     *location;
  gboolean  hang;   /* never answer */
  gboolean  drop;   /* close the connection without answering */
} RoloTestAnswer;

typedef struct
{
  SoupServer       *server;
  char             *base_url;
  RoloClient       *client;     /* with the test keys */
  GQueue            answers;
  RoloTestRecorder *recorder;
  GPtrArray        *hanging;
} RoloTestClientFixture;

void            rolo_test_client_fixture_set_up    (RoloTestClientFixture *fixture,
                                                    gconstpointer          data);
/* Also asserts that every request carried both keys and Rolo's User-Agent. */
void            rolo_test_client_fixture_tear_down (RoloTestClientFixture *fixture,
                                                    gconstpointer          data);

/* Queues an answer; the test may set its other fields. (transfer none) */
RoloTestAnswer *rolo_test_push_answer              (RoloTestClientFixture *fixture,
                                                    guint                  status,
                                                    const char            *content_type,
                                                    const char            *body);

/* Asserts the code, some words, and no key anywhere the UI may show: the
 * message or a field's messages. */
void            rolo_test_assert_client_error      (const GError          *error,
                                                    RoloClientError        code);

/* Adds func as a test on a RoloTestClientFixture. */
#define ROLO_TEST_ADD_CLIENT(path, data, func) \
  g_test_add (path, RoloTestClientFixture, data, rolo_test_client_fixture_set_up, func, \
              rolo_test_client_fixture_tear_down)

G_END_DECLS
