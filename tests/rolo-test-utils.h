/* rolo-test-utils.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "rolo-client.h"
#include "rolo-sandbox.h"

G_BEGIN_DECLS

/* Keys the test sandboxes accept. */
#define ROLO_TEST_ACCESS_KEY "test-access-key"
#define ROLO_TEST_SECRET_KEY "test-secret-key"

/* How long one request may take before the test fails. */
#define ROLO_TEST_REQUEST_TIMEOUT_MS 30000

typedef gboolean (*RoloTestCondition) (gpointer user_data);

/* Iterates the thread-default main context until condition returns TRUE;
 * fails the test if timeout_ms passes first. */
void         rolo_test_wait_until        (RoloTestCondition  condition,
                                          gpointer           user_data,
                                          guint              timeout_ms);
/* Iterates until *flag becomes TRUE (convenience for async callbacks). */
void         rolo_test_wait_for_flag     (const gboolean    *flag,
                                          guint              timeout_ms);
/* Lets the main context run for ms milliseconds (to draw, or to show that
 * something does not happen), never to wait for an answer. */
void         rolo_test_iterate_for       (guint              ms);
/* Iterates until *result is set (GAsyncResult from a callback storing it). */
void         rolo_test_wait_for_result   (GAsyncResult     **result,
                                          guint              timeout_ms);
/* A GAsyncReadyCallback that stores a ref to res in *(GAsyncResult **) user_data. */
void         rolo_test_store_result      (GObject           *source,
                                          GAsyncResult      *res,
                                          gpointer           user_data);
/* An in-memory sandbox with n_contacts seeded, test keys, listening on a free
 * loopback port on the thread-default main context. */
RoloSandbox *rolo_test_sandbox_new       (guint              n_contacts);

/* Appends the body of each PUT @sandbox receives to @bodies (GBytes), until
 * its handlers with @bodies as data are disconnected. */
void         rolo_test_sandbox_keep_put_bodies (RoloSandbox *sandbox,
                                                GPtrArray   *bodies);

/* Parses bytes that must hold a JSON object. (transfer full) */
JsonObject  *rolo_test_parse_object      (GBytes            *bytes);
/* The same for text. (transfer full) */
JsonObject  *rolo_test_parse_object_text (const char        *json);
/* A list page from the text of its "data" object. (transfer full) */
RoloContactPage *rolo_test_parse_page    (const char        *json,
                                          GError           **error);
/* Removes a directory made by g_dir_make_tmp() and the files in it. */
void         rolo_test_remove_tmp_dir    (const char        *dir);
/* Whether the file at @path, which must be readable, holds @needle anywhere,
 * NUL bytes and all. */
gboolean     rolo_test_file_contains     (const char        *path,
                                          const char        *needle);

/* A page's contact at @position. (transfer none: the page keeps it alive) */
RoloContact *rolo_test_page_at           (RoloContactPage   *page,
                                          guint              position);
guint        rolo_test_page_n_items      (RoloContactPage   *page);

/* --- RoloClient calls, run to completion ------------------------------------ */

/* A client with the test keys, for @base_url or for @sandbox. */
RoloClient  *rolo_test_client_new        (const char        *base_url);
RoloClient  *rolo_test_client_new_for    (RoloSandbox       *sandbox);

RoloContactPage *rolo_test_client_list   (RoloClient        *client,
                                          RoloContactQuery  *query,
                                          guint              page_index,
                                          guint              page_size,
                                          GError           **error);
RoloContact *rolo_test_client_get        (RoloClient        *client,
                                          gint64             id,
                                          GError           **error);
gint64       rolo_test_client_create     (RoloClient        *client,
                                          RoloContact       *contact,
                                          GError           **error);
RoloContact *rolo_test_client_update     (RoloClient        *client,
                                          RoloContact       *original,
                                          RoloContact       *edited,
                                          char            ***unapplied,
                                          GError           **error);
gboolean     rolo_test_client_delete     (RoloClient        *client,
                                          gint64             id,
                                          GError           **error);

/* --- raw HTTP, for the sandbox's contract tests ------------------------------
 * Plain SoupSession requests, never RoloClient: the sandbox and the client
 * are two independent readings of API.md and test each other. */

/* One answer as it came over the wire. */
typedef struct
{
  guint     status;
  GBytes   *body;
  char     *content_type;
  JsonNode *root;           /* NULL when the body is not JSON */
  GError   *error;          /* set when no answer came */
} RoloTestReply;

void           rolo_test_reply_free       (RoloTestReply     *reply);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoloTestReply, rolo_test_reply_free)

/* base_url + path, with each key that is not NULL in its header. */
SoupMessage   *rolo_test_message_new      (const char        *base_url,
                                           const char        *method,
                                           const char        *path,
                                           const char        *access_key,
                                           const char        *secret_key);
/* Sends msg and iterates until it is answered; a failed exchange is a reply
 * with error set. */
RoloTestReply *rolo_test_send             (SoupSession       *session,
                                           SoupMessage       *msg);
/* A request with the test keys and body (may be NULL) as application/json. */
RoloTestReply *rolo_test_request_bytes    (SoupSession       *session,
                                           const char        *base_url,
                                           const char        *method,
                                           const char        *path,
                                           GBytes            *body);
RoloTestReply *rolo_test_request          (SoupSession       *session,
                                           const char        *base_url,
                                           const char        *method,
                                           const char        *path,
                                           const char        *json);
/* Asserts that an answer came and is a JSON object; returns it. (transfer none) */
JsonObject    *rolo_test_reply_get_object (RoloTestReply     *reply);
/* The envelope's "data" object. (transfer none) */
JsonObject    *rolo_test_reply_get_data   (RoloTestReply     *reply);
/* Asserts the envelope: status, JSON content type, success matching the
 * status, a message on failure, and message when it is not NULL. */
void           rolo_test_assert_envelope  (RoloTestReply     *reply,
                                           guint              status,
                                           const char        *message);

/* --- what a server received ---------------------------------------------------
 * A recorder keeps each request a SoupServer has read, in order: a test's own
 * server with canned answers, or a sandbox listening on the test's context. */

typedef struct
{
  char               *method;
  char               *path;
  char               *query;     /* as sent, NULL without one */
  GHashTable         *params;    /* the query decoded, name → value; never NULL */
  SoupMessageHeaders *headers;   /* every request header */
  char               *content_type;
  GBytes             *body;      /* never NULL; empty when nothing was sent */
  JsonNode           *json;      /* the body's root when it is JSON, else NULL */
} RoloTestRequest;

typedef struct _RoloTestRecorder RoloTestRecorder;

/* Records the requests @server reads from now on; it must run on the
 * caller's thread. */
RoloTestRecorder *rolo_test_recorder_new             (SoupServer       *server);
/* The same for a sandbox listening by rolo_sandbox_listen(), until it stops. */
RoloTestRecorder *rolo_test_recorder_new_for_sandbox (RoloSandbox      *sandbox);
void              rolo_test_recorder_free            (RoloTestRecorder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RoloTestRecorder, rolo_test_recorder_free)

/* Every request so far, oldest first. (element-type RoloTestRequest)
 * (transfer none) */
GPtrArray        *rolo_test_recorder_get_requests    (RoloTestRecorder *self);
/* How many requests so far have @method and a path starting with
 * @path_prefix; NULL matches any. */
guint             rolo_test_recorder_get_n           (RoloTestRecorder *self,
                                                      const char       *method,
                                                      const char       *path_prefix);
/* The latest of those; fails the test when there is none. (transfer none) */
RoloTestRequest  *rolo_test_recorder_get_last        (RoloTestRecorder *self,
                                                      const char       *method,
                                                      const char       *path_prefix);
/* Iterates until rolo_test_recorder_get_n() reaches n; fails the test if
 * timeout_ms passes first. */
void              rolo_test_recorder_wait_for        (RoloTestRecorder *self,
                                                      const char       *method,
                                                      const char       *path_prefix,
                                                      guint             n,
                                                      guint             timeout_ms);

/* Asserts that @request sent a JSON object as application/json; returns it.
 * (transfer none) */
JsonObject       *rolo_test_request_get_object       (RoloTestRequest  *request);

/* For g_test_add(): a sandbox seeded with GPOINTER_TO_UINT (data) contacts,
 * a session and the sandbox's base URL. */
typedef struct
{
  RoloSandbox *sandbox;
  SoupSession *session;
  char        *base_url;
} RoloTestSandboxFixture;

void rolo_test_sandbox_fixture_set_up    (RoloTestSandboxFixture *fixture,
                                          gconstpointer           data);
void rolo_test_sandbox_fixture_tear_down (RoloTestSandboxFixture *fixture,
                                          gconstpointer           data);

/* The contacts routes on a fixture's sandbox, for its contract tests. */

/* A request with the test keys that must get an answer. */
RoloTestReply *rolo_test_sandbox_fixture_request      (RoloTestSandboxFixture *fixture,
                                                       const char             *method,
                                                       const char             *path,
                                                       const char             *json);
/* GET /v1/contacts, with "?" and query when it is not NULL; asserts a 200. */
RoloTestReply *rolo_test_sandbox_fixture_list         (RoloTestSandboxFixture *fixture,
                                                       const char             *query);
/* POSTs json, asserts that it created a contact and returns its cstid. */
gint64         rolo_test_sandbox_fixture_create       (RoloTestSandboxFixture *fixture,
                                                       const char             *json);
gint64         rolo_test_sandbox_fixture_create_named (RoloTestSandboxFixture *fixture,
                                                       const char             *name,
                                                       const char             *email,
                                                       int                     type);
/* Asserts a 422 whose errors name field, with a message for it. */
void           rolo_test_assert_invalid               (RoloTestReply          *reply,
                                                       const char             *field);

/* Adds func as a test on a RoloTestSandboxFixture seeded with n_contacts. */
#define ROLO_TEST_ADD_SANDBOX(path, n_contacts, func) \
  g_test_add (path, RoloTestSandboxFixture, GUINT_TO_POINTER (n_contacts), \
              rolo_test_sandbox_fixture_set_up, func, rolo_test_sandbox_fixture_tear_down)

G_END_DECLS
