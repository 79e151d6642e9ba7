/* rolo-sandbox.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-sandbox"

#include "config.h"

#include <math.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "rolo-sandbox.h"
#include "rolo-sandbox-api-private.h"
#include "rolo-sandbox-json-private.h"
#include "rolo-sandbox-seed-private.h"
#include "rolo-sandbox-store-private.h"

/* The HTTP side: keys, the request signal, bodies too large, latency and
 * faults. What a route answers is rolo-sandbox-api.c's business. */
struct _RoloSandbox
{
  GObject            parent_instance;

  RoloSandboxStore  *store;

  GMutex             lock;          /* guards the settings, they may change while serving */
  char              *access_key;
  char              *secret_key;
  guint              latency_ms;
  double             fail_rate;
  guint64            n_answers;     /* answers counted since the fail rate was set */
  guint              n_faults;
  double             limit_rate;    /* of answers that are 429 Too Many Requests */
  guint              retry_after;   /* what those ask to wait, in seconds */
  guint64            n_limited;     /* answers counted since the rate was set */
  gboolean           messy;         /* answers written as a sloppy PHP back-end would */

  int                n_requests;    /* atomic */

  /* Touched only where the server runs (its thread, or the caller's). */
  SoupServer        *server;
  GMainContext      *context;
  GPtrArray         *delayed;       /* Delayed, answers held back */
  guint16            port;

  GThread           *thread;
  GMainLoop         *loop;
};

G_DEFINE_FINAL_TYPE (RoloSandbox, rolo_sandbox, G_TYPE_OBJECT)

G_DEFINE_QUARK (rolo-sandbox-error-quark, rolo_sandbox_error)

enum {
  REQUEST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  FAULT_NONE,
  FAULT_SERVER_ERROR,
  FAULT_BAD_GATEWAY,
  FAULT_DROP,
  FAULT_RATE_LIMITED,
} Fault;

/* An answer held back by the latency setting, or a connection to drop. */
typedef struct
{
  RoloSandbox       *self;
  SoupServer        *server;
  SoupServerMessage *msg;
  GSource           *source;
  gboolean           drop;
} Delayed;

/* While a thread starts serving, the caller waits for this. */
typedef struct
{
  RoloSandbox *self;
  guint16      port;
  GMutex       lock;
  GCond        cond;
  gboolean     done;
  gboolean     ok;
  GError      *error;
} StartData;

#define TOO_LARGE_KEY "rolo-sandbox-too-large"

static const char bad_gateway_html[] =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
  "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
  "</body>\r\n</html>\r\n";

static void
respond_json (SoupServerMessage *msg,
              guint              status,
              JsonNode          *envelope)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *text;

  json_generator_set_root (generator, envelope);
  text = json_generator_to_data (generator, &length);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, length);
}

static void
respond_error (SoupServerMessage *msg,
               guint              status,
               const char        *message)
{
  g_autoptr(JsonNode) envelope = rolo_sandbox_envelope_new (FALSE, message, NULL, NULL);

  respond_json (msg, status, envelope);
}

static void
respond_too_large (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                 "The request body is larger than 1 MiB.");
  soup_message_headers_replace (headers, "Connection", "close");
}

/* Compares digests, so the time taken says nothing about where the texts
 * differ or how long the expected one is. */
static gboolean
key_matches (const char *given,
             const char *expected)
{
  g_autofree char *given_digest = NULL;
  g_autofree char *expected_digest = NULL;
  guint difference = 0;

  given_digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, given ? given : "", -1);
  expected_digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, expected, -1);

  for (gsize i = 0; given_digest[i] != '\0' && expected_digest[i] != '\0'; i++)
    difference |= (guchar) given_digest[i] ^ (guchar) expected_digest[i];

  return given != NULL && difference == 0;
}

static gboolean
is_authorized (RoloSandbox       *self,
               SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  gboolean access_ok, secret_ok;

  /* Both checked, always: no early exit on the first mismatch. */
  access_ok = key_matches (soup_message_headers_get_one (headers, "x-ysuite-access-key"),
                           self->access_key);
  secret_ok = key_matches (soup_message_headers_get_one (headers, "x-ysuite-secret-key"),
                           self->secret_key);
  return access_ok && secret_ok;
}

/* Deterministic: with rate P, answer n fails when floor((n+1)P) > floor(nP),
 * and failures take turns: a 500, an HTML 502, a dropped connection. */
/* Whether answer n of those counted at @rate is one that fails. */
static gboolean
counts_as_fault (double  rate,
                 guint64 n)
{
  return rate > 0.0 && floor ((double) (n + 1) * rate) > floor ((double) n * rate);
}

static Fault
next_fault (RoloSandbox *self)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  guint64 n = self->n_answers++;

  if (counts_as_fault (self->limit_rate, self->n_limited++))
    return FAULT_RATE_LIMITED;

  if (!counts_as_fault (self->fail_rate, n))
    return FAULT_NONE;

  return FAULT_SERVER_ERROR + (self->n_faults++ % 3);
}

static guint
get_latency (RoloSandbox *self)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  return self->latency_ms;
}

static void
announce (RoloSandbox       *self,
          SoupServerMessage *msg,
          GBytes            *body)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *query = g_uri_get_query (uri);
  g_autofree char *path_and_query = NULL;

  path_and_query = g_strconcat (g_uri_get_path (uri), query ? "?" : NULL, query, NULL);
  g_atomic_int_inc (&self->n_requests);
  g_debug ("%s %s", soup_server_message_get_method (msg), path_and_query);

  g_signal_emit (self, signals[REQUEST], 0,
                 soup_server_message_get_method (msg), path_and_query, body);
}

static void
delayed_free (gpointer data)
{
  Delayed *delayed = data;

  g_clear_object (&delayed->msg);
  g_clear_object (&delayed->server);
  g_clear_pointer (&delayed->source, g_source_unref);
  g_free (delayed);
}

static void
drop_connection (SoupServerMessage *msg)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
}

static gboolean
delayed_fire_cb (gpointer data)
{
  Delayed *delayed = data;
  g_autoptr(SoupServerMessage) msg = g_object_ref (delayed->msg);

  g_ptr_array_remove_fast (delayed->self->delayed, delayed);
  if (delayed->drop)
    drop_connection (msg);
  else
    soup_server_unpause_message (delayed->server, msg);

  return G_SOURCE_REMOVE;
}

/* Holds the answer back for the latency, then sends it or drops the
 * connection. Never blocks: the message is paused and a timeout resumes it. */
static void
finish_later (RoloSandbox       *self,
              SoupServer        *server,
              SoupServerMessage *msg,
              gboolean           drop)
{
  guint latency = get_latency (self);
  Delayed *delayed;

  if (latency == 0 && !drop)
    return;

  soup_server_pause_message (server, msg);

  delayed = g_new0 (Delayed, 1);
  delayed->self = self;
  delayed->server = g_object_ref (server);
  delayed->msg = g_object_ref (msg);
  delayed->drop = drop;
  delayed->source = latency > 0 ? g_timeout_source_new (latency) : g_idle_source_new ();
  g_source_set_callback (delayed->source, delayed_fire_cb, delayed, delayed_free);
  g_source_set_static_name (delayed->source, "[rolo-sandbox] delayed answer");

  g_ptr_array_add (self->delayed, delayed);
  g_source_attach (delayed->source, self->context);
}

static void
cancel_delayed (RoloSandbox *self)
{
  while (self->delayed->len > 0)
    {
      Delayed *delayed = g_ptr_array_steal_index_fast (self->delayed, self->delayed->len - 1);

      g_source_destroy (delayed->source);
    }
}

static void
inject_fault (RoloSandbox       *self,
              SoupServerMessage *msg,
              Fault              fault)
{
  if (fault == FAULT_RATE_LIMITED)
    {
      g_autofree char *seconds = NULL;

      /* libsoup 3.2 has no name for 429. */
      respond_error (msg, 429, "Too many requests.");
      g_mutex_lock (&self->lock);
      seconds = g_strdup_printf ("%u", self->retry_after);
      g_mutex_unlock (&self->lock);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", seconds);
    }
  else if (fault == FAULT_SERVER_ERROR)
    respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "Internal server error.");
  else if (fault == FAULT_BAD_GATEWAY)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_GATEWAY, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        bad_gateway_html, strlen (bad_gateway_html));
    }
}

static gboolean
is_messy (RoloSandbox *self)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  return self->messy;
}

/* A route's answer, or a refusal of the keys; written sloppily when asked. */
static void
respond_envelope (RoloSandbox       *self,
                  SoupServerMessage *msg,
                  guint              status,
                  JsonNode          *envelope)
{
  g_autoptr(JsonNode) messy = NULL;

  if (is_messy (self))
    messy = rolo_sandbox_json_new_messy (envelope);
  respond_json (msg, status, messy != NULL ? messy : envelope);
}

static void
answer (RoloSandbox       *self,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        GBytes            *body)
{
  g_autoptr(JsonNode) envelope = NULL;
  const char *allow = NULL;
  guint status = 0;

  if (!is_authorized (self, msg))
    {
      envelope = rolo_sandbox_envelope_new (FALSE, "Invalid API credentials.", NULL, NULL);
      respond_envelope (self, msg, SOUP_STATUS_UNAUTHORIZED, envelope);
      return;
    }

  envelope = rolo_sandbox_api_handle (self->store, soup_server_message_get_method (msg), path,
                                      query, body, &status, &allow);
  respond_envelope (self, msg, status, envelope);
  if (allow != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow);
}

static GBytes *
dup_request_body (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (body == NULL || body->length == 0)
    return NULL;
  return soup_message_body_flatten (body);
}

static void
handle_request_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  RoloSandbox *self = user_data;
  SoupMessageBody *request_body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) body = NULL;
  Fault fault;

  if (g_object_get_data (G_OBJECT (msg), TOO_LARGE_KEY) != NULL ||
      request_body->length > ROLO_SANDBOX_MAX_BODY_SIZE)
    {
      announce (self, msg, NULL);
      respond_too_large (msg);
      return;
    }

  body = dup_request_body (msg);
  announce (self, msg, body);

  fault = next_fault (self);
  if (fault == FAULT_NONE)
    answer (self, msg, path, query, body);
  else
    inject_fault (self, msg, fault);

  finish_later (self, server, msg, fault == FAULT_DROP);
}

/* A body sent without Content-Length is counted as it arrives and stops
 * being kept once it is too large. */
static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (body->length <= ROLO_SANDBOX_MAX_BODY_SIZE)
    return;

  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_truncate (body);
  g_object_set_data (G_OBJECT (msg), TOO_LARGE_KEY, GINT_TO_POINTER (TRUE));
}

/* Runs once the headers are in: a declared size over the limit is refused
 * before the body is read into memory. */
static void
early_request_cb (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  RoloSandbox *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > ROLO_SANDBOX_MAX_BODY_SIZE)
    {
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
      announce (self, msg, NULL);
      respond_too_large (msg);
      return;
    }

  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), NULL);
}

static gboolean
start_serving (RoloSandbox  *self,
               guint16       port,
               GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoslist(GUri) uris = NULL;

  self->server = soup_server_new ("server-header", "rolo-sandbox/" PACKAGE_VERSION " ", NULL);
  soup_server_add_early_handler (self->server, NULL, early_request_cb, self, NULL);
  soup_server_add_handler (self->server, NULL, handle_request_cb, self, NULL);

  /* Loopback only: the sandbox is never reachable from the network. */
  if (!soup_server_listen_local (self->server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, &local_error))
    {
      g_set_error (error, ROLO_SANDBOX_ERROR, ROLO_SANDBOX_ERROR_LISTEN,
                   "Cannot listen on 127.0.0.1:%u: %s", port, local_error->message);
      g_clear_object (&self->server);
      return FALSE;
    }

  uris = soup_server_get_uris (self->server);
  self->port = g_uri_get_port (uris->data);
  g_debug ("Listening on http://127.0.0.1:%u", self->port);

  return TRUE;
}

static void
stop_serving (RoloSandbox *self)
{
  cancel_delayed (self);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  self->port = 0;
}

static gpointer
serve_thread (gpointer data)
{
  StartData *start = data;
  RoloSandbox *self = start->self;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_main_context_push_thread_default (self->context);
  ok = start_serving (self, start->port, &error);

  g_mutex_lock (&start->lock);
  start->ok = ok;
  start->error = g_steal_pointer (&error);
  start->done = TRUE;
  g_cond_signal (&start->cond);
  g_mutex_unlock (&start->lock);
  /* start is gone from here on */

  if (ok)
    g_main_loop_run (self->loop);

  stop_serving (self);
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

static gboolean
quit_loop_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
rolo_sandbox_dispose (GObject *object)
{
  RoloSandbox *self = (RoloSandbox *) object;

  rolo_sandbox_stop (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rolo_sandbox_parent_class)->dispose (object);
}

static void
rolo_sandbox_finalize (GObject *object)
{
  RoloSandbox *self = (RoloSandbox *) object;

  g_clear_pointer (&self->access_key, g_free);
  g_clear_pointer (&self->secret_key, g_free);
  g_clear_pointer (&self->delayed, g_ptr_array_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (rolo_sandbox_parent_class)->finalize (object);
}

static void
rolo_sandbox_class_init (RoloSandboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rolo_sandbox_dispose;
  object_class->finalize = rolo_sandbox_finalize;

  /**
   * RoloSandbox::request:
   * @self: the sandbox
   * @method: the HTTP method
   * @path_and_query: the path, and "?" and the query string if there is one,
   *   as sent
   * @body: (nullable): the request body, NULL when empty or too large
   *
   * Emitted for every request, faults included, before it is answered, on
   * the thread that serves it.
   */
  signals[REQUEST] =
    g_signal_new ("request",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_BYTES);
}

static void
rolo_sandbox_init (RoloSandbox *self)
{
  g_mutex_init (&self->lock);
  self->access_key = g_strdup ("sandbox");
  self->secret_key = g_strdup ("sandbox");
  self->delayed = g_ptr_array_new ();
}

/**
 * rolo_sandbox_new:
 * @db_path: (nullable): a SQLite file, created if missing, or NULL to keep
 *   the contacts in memory
 * @error: return location for a #GError
 *
 * Creates a sandbox that accepts the key pair "sandbox" / "sandbox" until
 * rolo_sandbox_set_keys() says otherwise. It does not listen yet.
 *
 * Returns: (transfer full): a new sandbox, or NULL with @error set
 */
RoloSandbox *
rolo_sandbox_new (const char  *db_path,
                  GError     **error)
{
  g_autoptr(RoloSandboxStore) store = rolo_sandbox_store_new (db_path, error);
  RoloSandbox *self;

  if (store == NULL)
    return NULL;

  self = g_object_new (ROLO_TYPE_SANDBOX, NULL);
  self->store = g_steal_pointer (&store);

  return self;
}

void
rolo_sandbox_set_keys (RoloSandbox *self,
                       const char  *access_key,
                       const char  *secret_key)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (ROLO_IS_SANDBOX (self));
  g_return_if_fail (access_key != NULL);
  g_return_if_fail (secret_key != NULL);

  locker = g_mutex_locker_new (&self->lock);
  g_free (self->access_key);
  self->access_key = g_strdup (access_key);
  g_free (self->secret_key);
  self->secret_key = g_strdup (secret_key);
}

void
rolo_sandbox_set_latency (RoloSandbox *self,
                          guint        latency_ms)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (ROLO_IS_SANDBOX (self));

  locker = g_mutex_locker_new (&self->lock);
  self->latency_ms = latency_ms;
}

/**
 * rolo_sandbox_set_fail_rate:
 * @self: a sandbox
 * @fail_rate: 0.0 (never) .. 1.0 (every answer fails)
 *
 * Makes that fraction of the answers from now on fail. Which ones is
 * decided by counting, not by chance: with 0.5 every second answer fails.
 * The failures take turns: a 500 with the envelope, a 502 with an HTML
 * page, a connection closed without an answer. Setting the rate starts
 * the count afresh.
 */
void
rolo_sandbox_set_fail_rate (RoloSandbox *self,
                            double       fail_rate)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (ROLO_IS_SANDBOX (self));
  g_return_if_fail (fail_rate >= 0.0 && fail_rate <= 1.0);

  locker = g_mutex_locker_new (&self->lock);
  self->fail_rate = fail_rate;
  self->n_answers = 0;
  self->n_faults = 0;
}

/**
 * rolo_sandbox_set_rate_limit:
 * @self: a sandbox
 * @rate: 0.0 (never) .. 1.0 (every answer)
 * @retry_after: the seconds the answers ask to wait
 *
 * Makes that fraction of the answers from now on (counted as for
 * rolo_sandbox_set_fail_rate()) a 429 Too Many Requests with the envelope
 * and Retry-After, as a busy server sends them.
 */
void
rolo_sandbox_set_rate_limit (RoloSandbox *self,
                             double       rate,
                             guint        retry_after)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (ROLO_IS_SANDBOX (self));
  g_return_if_fail (rate >= 0.0 && rate <= 1.0);

  locker = g_mutex_locker_new (&self->lock);
  self->limit_rate = rate;
  self->retry_after = retry_after;
  self->n_limited = 0;
}

/**
 * rolo_sandbox_set_messy:
 * @self: a sandbox
 * @messy: whether to answer as a sloppy PHP back-end does
 *
 * From now on, writes every answer with the same meaning but in the shapes
 * API.md asks the client to tolerate: ids and numbers as strings, switches
 * as "0"/"1", 0/1 or "false"/"true", null for "" and for an empty list,
 * dates as "YYYY-MM-DD HH:MM:SS", and fields the client does not know. The
 * same contact is always written the same way. Requests are read as before.
 */
void
rolo_sandbox_set_messy (RoloSandbox *self,
                        gboolean     messy)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (ROLO_IS_SANDBOX (self));

  locker = g_mutex_locker_new (&self->lock);
  self->messy = !!messy;
}

gboolean
rolo_sandbox_seed (RoloSandbox  *self,
                   guint         n_contacts,
                   GError      **error)
{
  g_return_val_if_fail (ROLO_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return rolo_sandbox_seed_fill (self->store, n_contacts, error);
}

guint
rolo_sandbox_count_contacts (RoloSandbox *self)
{
  g_autoptr(GError) error = NULL;
  gint64 count;

  g_return_val_if_fail (ROLO_IS_SANDBOX (self), 0);

  count = rolo_sandbox_store_count (self->store, &error);
  if (count < 0)
    {
      g_message ("Cannot count sandbox contacts: %s", error->message);
      return 0;
    }
  return (guint) MIN (count, G_MAXUINT);
}

gboolean
rolo_sandbox_listen (RoloSandbox  *self,
                     guint16       port,
                     GError      **error)
{
  g_return_val_if_fail (ROLO_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (self->server == NULL && self->thread == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->context = g_main_context_ref_thread_default ();
  if (!start_serving (self, port, error))
    {
      g_clear_pointer (&self->context, g_main_context_unref);
      return FALSE;
    }
  return TRUE;
}

static void
wait_started (StartData *start)
{
  g_mutex_lock (&start->lock);
  while (!start->done)
    g_cond_wait (&start->cond, &start->lock);
  g_mutex_unlock (&start->lock);
}

gboolean
rolo_sandbox_start_thread (RoloSandbox  *self,
                           guint16       port,
                           GError      **error)
{
  StartData start = { self, port };

  g_return_val_if_fail (ROLO_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (self->server == NULL && self->thread == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_mutex_init (&start.lock);
  g_cond_init (&start.cond);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("rolo-sandbox", serve_thread, &start);

  wait_started (&start);
  g_mutex_clear (&start.lock);
  g_cond_clear (&start.cond);

  if (!start.ok)
    {
      g_propagate_error (error, start.error);
      rolo_sandbox_stop (self);
      return FALSE;
    }
  return TRUE;
}

void
rolo_sandbox_stop (RoloSandbox *self)
{
  g_return_if_fail (ROLO_IS_SANDBOX (self));

  if (self->thread != NULL)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      /* Through the loop's own context: a quit sent before the thread
       * entered g_main_loop_run() would be lost. */
      g_source_set_callback (source, quit_loop_cb, self->loop, NULL);
      g_source_attach (source, self->context);
      g_clear_pointer (&self->thread, g_thread_join);
    }
  else
    stop_serving (self);

  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
}

guint16
rolo_sandbox_get_port (RoloSandbox *self)
{
  g_return_val_if_fail (ROLO_IS_SANDBOX (self), 0);

  return self->port;
}

char *
rolo_sandbox_dup_base_url (RoloSandbox *self)
{
  g_return_val_if_fail (ROLO_IS_SANDBOX (self), NULL);

  return g_strdup_printf ("http://127.0.0.1:%u", self->port);
}

guint
rolo_sandbox_get_n_requests (RoloSandbox *self)
{
  g_return_val_if_fail (ROLO_IS_SANDBOX (self), 0);

  return (guint) g_atomic_int_get (&self->n_requests);
}

SoupServer *
rolo_sandbox_get_server (RoloSandbox *self)
{
  g_return_val_if_fail (ROLO_IS_SANDBOX (self), NULL);

  /* A thread's server emits its signals on that thread, never the caller's. */
  if (self->thread != NULL)
    return NULL;
  return self->server;
}
