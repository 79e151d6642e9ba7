/* rolo-test-fault-server.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rolo-test-utils.h"

G_BEGIN_DECLS

/* A SoupServer in the test process that passes every request on to a
 * sandbox and, on demand, answers some of them with one fault instead, as a
 * broken network, server or proxy would. */

typedef enum
{
  ROLO_TEST_FAULT_NONE,
  ROLO_TEST_FAULT_RESET,          /* the connection is closed, no answer */
  ROLO_TEST_FAULT_HANG,           /* never answers */
  ROLO_TEST_FAULT_SERVER_ERROR,   /* 500 with the API's error envelope */
  ROLO_TEST_FAULT_BAD_GATEWAY,    /* 502 with a proxy's HTML page */
  ROLO_TEST_FAULT_RATE_LIMITED,   /* 429 with Retry-After: 1 */
  ROLO_TEST_FAULT_TRUNCATED,      /* the real answer, cut in the middle */
  ROLO_TEST_FAULT_MALFORMED,      /* 200 with JSON that does not parse */
  ROLO_TEST_FAULT_DRIP,           /* the real answer, 1 byte per 100 ms */
  ROLO_TEST_FAULT_HUGE,           /* 200 with a 10 MB body, chunked */
  ROLO_TEST_FAULT_HUGE_SIZED,     /* the same with its Content-Length */
  ROLO_TEST_FAULT_DEEP,           /* 200 with JSON nested 100,000 deep */
  ROLO_TEST_FAULT_WEB_PAGE,       /* 200 text/html: a sign-in page */
  ROLO_TEST_FAULT_PLAIN_TEXT,     /* 200 text/plain: a line of text, not JSON */
  ROLO_TEST_FAULT_TEXT_PLAIN,     /* the real answer, as text/plain */
  ROLO_TEST_FAULT_JSON_AS_HTML,   /* the real answer, as text/html (PHP's default) */
  ROLO_TEST_FAULT_ROWS_ADDED,     /* rows added before each later list page */
  ROLO_TEST_FAULT_ROWS_REMOVED,   /* rows removed before each later list page */
} RoloTestFault;

/* How many rows ROLO_TEST_FAULT_ROWS_ADDED and _REMOVED add or remove
 * before each list page after the first. */
#define ROLO_TEST_FAULT_ROWS_CHANGED 7

/* One fault a UI test meets, and what the user reads about it. */
typedef struct
{
  RoloTestFault  fault;
  guint          timeout_s;      /* 0: the client's default */
  const char    *title;
  const char    *description;    /* a part of it */
} RoloTestFaultCase;

/* What the client waits for an answer, when the fault is that none comes. */
#define ROLO_TEST_FAULT_SHORT_TIMEOUT_S 1

typedef struct _RoloTestFaultServer RoloTestFaultServer;

/* Listens on a free loopback port of the thread-default main context and
 * passes requests on to @sandbox (which must listen on the same context). */
RoloTestFaultServer *rolo_test_fault_server_new          (RoloSandbox         *sandbox);
void                 rolo_test_fault_server_free         (RoloTestFaultServer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoloTestFaultServer, rolo_test_fault_server_free)

/* "http://127.0.0.1:PORT", for a RoloClient. (transfer full) */
char                *rolo_test_fault_server_dup_base_url (RoloTestFaultServer *self);
/* From now on, requests with @method (NULL: any) whose path starts with
 * @path_prefix (NULL: any) get @fault; replaces the fault armed before. */
void                 rolo_test_fault_server_inject       (RoloTestFaultServer *self,
                                                          const char          *method,
                                                          const char          *path_prefix,
                                                          RoloTestFault        fault);
/* The fault is gone: every request is passed on again. */
void                 rolo_test_fault_server_clear        (RoloTestFaultServer *self);
/* Requests that got the fault so far. */
guint                rolo_test_fault_server_get_n_faults (RoloTestFaultServer *self);
/* Requests passed on to the sandbox so far, faults that wrap a real answer
 * included. */
guint                rolo_test_fault_server_get_n_passed (RoloTestFaultServer *self);

G_END_DECLS
