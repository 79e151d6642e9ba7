/* rolo-sandbox-main.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-sandbox"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib-unix.h>

#include "rolo-sandbox.h"

#define EXIT_USAGE 2

typedef struct
{
  int       port;
  char     *db_path;
  gint64    seed;
  char     *access_key;
  char     *secret_key;
  int       latency_ms;
  double    fail_rate;
  gboolean  messy;
} Options;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->db_path, g_free);
  g_clear_pointer (&options->access_key, g_free);
  g_clear_pointer (&options->secret_key, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
check_options (const Options  *options,
               GError        **error)
{
  const char *problem = NULL;

  if (options->port < 0 || options->port > G_MAXUINT16)
    problem = "--port must be between 0 and 65535";
  else if (options->seed < 0 || options->seed > G_MAXINT32)
    problem = "--seed must be between 0 and 2147483647";
  else if (options->latency_ms < 0)
    problem = "--latency must not be negative";
  else if (!(options->fail_rate >= 0.0 && options->fail_rate <= 1.0))
    problem = "--fail-rate must be between 0 and 1";

  if (problem != NULL)
    g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, problem);
  return problem == NULL;
}

static gboolean
parse_options (Options   *options,
               int       *argc,
               char    ***argv,
               GError   **error)
{
  const GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_INT, &options->port,
      "Port on 127.0.0.1 (0, the default, picks a free one)", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &options->db_path,
      "SQLite file to keep the contacts in (default: memory)", "PATH" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &options->seed,
      "Fill an empty store with N sample contacts", "N" },
    { "access-key", 0, 0, G_OPTION_ARG_STRING, &options->access_key,
      "Access key to accept (else $YSUITE_ACCESS_KEY, else \"sandbox\")", "KEY" },
    { "secret-key", 0, 0, G_OPTION_ARG_STRING, &options->secret_key,
      "Secret key to accept (else $YSUITE_SECRET_KEY, else \"sandbox\")", "KEY" },
    { "latency", 0, 0, G_OPTION_ARG_INT, &options->latency_ms,
      "Delay every answer by MS milliseconds", "MS" },
    { "fail-rate", 0, 0, G_OPTION_ARG_DOUBLE, &options->fail_rate,
      "Make this fraction of the answers fail (0 to 1)", "P" },
    { "messy", 0, 0, G_OPTION_ARG_NONE, &options->messy,
      "Answer as a sloppy PHP back-end would: ids, numbers and switches as strings, "
      "null for empty values, extra fields", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);

  g_option_context_set_summary (context,
                                "A local stand-in for the YSUITE contacts API, on loopback.");
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;
  if (*argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   "Unexpected argument “%s”", (*argv)[1]);
      return FALSE;
    }
  return check_options (options, error);
}

/* Option, else environment, else "sandbox". Only a key that fell back to
 * the well-known default is ever printed. */
static const char *
resolve_key (const char *option,
             const char *env_name,
             const char *label)
{
  const char *env = g_getenv (env_name);

  if (option != NULL && option[0] != '\0')
    return option;
  if (env != NULL && env[0] != '\0')
    return env;

  g_print ("%s: sandbox\n", label);
  return "sandbox";
}

static gboolean
seed_store (RoloSandbox  *sandbox,
            guint         n_contacts,
            GError      **error)
{
  guint before = rolo_sandbox_count_contacts (sandbox);
  gint64 started = g_get_monotonic_time ();

  if (n_contacts == 0)
    return TRUE;
  if (before > 0)
    {
      g_print ("The store already holds %u contacts; not seeding.\n", before);
      return TRUE;
    }
  if (!rolo_sandbox_seed (sandbox, n_contacts, error))
    return FALSE;

  g_print ("Seeded %u contacts in %.2f s.\n", n_contacts,
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  return TRUE;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_CONTINUE;
}

/* The sandbox the options describe, seeded and listening; NULL with error. */
static RoloSandbox *
start_sandbox (const Options  *options,
               GError        **error)
{
  g_autoptr(RoloSandbox) sandbox = rolo_sandbox_new (options->db_path, error);
  const char *access_key, *secret_key;

  if (sandbox == NULL || !seed_store (sandbox, options->seed, error))
    return NULL;

  access_key = resolve_key (options->access_key, "YSUITE_ACCESS_KEY", "Access key");
  secret_key = resolve_key (options->secret_key, "YSUITE_SECRET_KEY", "Secret key");
  rolo_sandbox_set_keys (sandbox, access_key, secret_key);
  rolo_sandbox_set_latency (sandbox, options->latency_ms);
  rolo_sandbox_set_fail_rate (sandbox, options->fail_rate);
  rolo_sandbox_set_messy (sandbox, options->messy);

  if (!rolo_sandbox_listen (sandbox, options->port, error))
    return NULL;
  return g_steal_pointer (&sandbox);
}

static int
serve (const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloSandbox) sandbox = start_sandbox (options, &error);
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *url = NULL;
  guint sigint_id, sigterm_id;

  if (sandbox == NULL)
    {
      g_printerr ("rolo-sandbox: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* Handlers first: whoever reads the URL may signal us at once. */
  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, loop);

  url = rolo_sandbox_dup_base_url (sandbox);
  g_print ("Rolo sandbox listening on %s (Ctrl+C to stop)\n", url);
  fflush (stdout);

  g_main_loop_run (loop);

  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);
  rolo_sandbox_stop (sandbox);

  return EXIT_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Options) options = { 0 };
  g_autoptr(GError) error = NULL;

  if (!parse_options (&options, &argc, &argv, &error))
    {
      g_printerr ("rolo-sandbox: %s\nTry \"rolo-sandbox --help\".\n", error->message);
      return EXIT_USAGE;
    }

  return serve (&options);
}
