/* rolo-command-line.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "rolo-account-store.h"
#include "rolo-application.h"
#include "rolo-command-line.h"
#include "rolo-error-text.h"
#include "rolo-exporter.h"
#include "rolo-importer.h"
#include "rolo-sample-server.h"
#include "rolo-transfer-progress.h"

/* One command-line run: the loop it turns and what it reached. */
typedef struct
{
  const RoloCommandLine *options;
  GMainLoop             *loop;
  GCancellable          *cancellable;
  gboolean               progress;  /* stderr is a terminal */
  RoloSandbox           *sandbox;
  RoloClient            *client;
  GError                *error;
  int                    status;
  guint                  sigint_id;
  guint                  sigterm_id;
} Run;

static void
run_clear (Run *run)
{
  g_clear_handle_id (&run->sigint_id, g_source_remove);
  g_clear_handle_id (&run->sigterm_id, g_source_remove);
  /* The client talks to the sample server: it goes first. */
  g_clear_object (&run->client);
  g_clear_object (&run->sandbox);
  g_clear_object (&run->cancellable);
  g_clear_pointer (&run->loop, g_main_loop_unref);
  g_clear_error (&run->error);
}

static void
print_error (const char   *context,
             const GError *error)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (error->domain != ROLO_CLIENT_ERROR)
    {
      g_printerr ("%s: %s\n", context, error->message);
      return;
    }
  /* The window's words for it (never a key: the texts hold none). */
  title = rolo_error_text_title (error);
  description = rolo_error_text_description (error);
  g_printerr ("%s: %s. %s\n", context, title, description);
}

static gboolean
interrupted_cb (gpointer user_data)
{
  Run *run = user_data;

  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_CONTINUE;
}

/* A line a hundred: enough to see it move. */
static void
progress_cb (RoloTransfer *transfer,
             GParamSpec   *pspec,
             Run          *run)
{
  guint n_done = rolo_transfer_get_n_done (transfer);
  g_autofree char *text = NULL;

  if (n_done % 100 != 0 && n_done != rolo_transfer_get_n_total (transfer))
    return;
  text = rolo_transfer_progress_text (transfer);
  g_printerr ("\r%s", text);
}

/* ---- the account ---- */

static void
keys_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(RoloAccountKeys) keys = NULL;
  g_autofree char *server = g_settings_get_string (run->options->settings, "server-url");

  keys = rolo_account_store_load_finish (result, &run->error);
  if (keys != NULL)
    run->client = rolo_client_new (server, keys->access_key, keys->secret_key, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
has_stored_account (const RoloCommandLine *options)
{
  return options->settings != NULL &&
         g_settings_get_boolean (options->settings, "account-configured");
}

/* The window's account: the environment's, the sample server's or the
 * stored one. FALSE with the message printed when there is none. */
static gboolean
run_connect (Run *run)
{
  g_auto(GStrv) envp = NULL;

  if (run->options->use_sandbox)
    {
      g_autofree char *access_key = g_uuid_string_random ();
      g_autofree char *secret_key = g_uuid_string_random ();
      g_autofree char *base_url = NULL;

      run->sandbox = rolo_sample_server_start (run->options->sandbox_seed, access_key,
                                               secret_key, &run->error);
      if (run->sandbox != NULL)
        {
          base_url = rolo_sandbox_dup_base_url (run->sandbox);
          run->client = rolo_client_new (base_url, access_key, secret_key, &run->error);
        }
    }
  else
    {
      envp = g_get_environ ();
      run->client = rolo_application_client_from_environ ((const char * const *) envp,
                                                          &run->error);
      if (run->client == NULL && run->error == NULL && has_stored_account (run->options))
        {
          g_autofree char *server = g_settings_get_string (run->options->settings,
                                                           "server-url");

          rolo_account_store_load_async (server, run->cancellable, keys_loaded_cb, run);
          g_main_loop_run (run->loop);
        }
    }

  if (run->client != NULL)
    return TRUE;
  if (run->error != NULL)
    print_error (_("Could not connect"), run->error);
  else
    g_printerr ("%s\n", _("No account: connect one in Rolo's window (Connect Account), set "
                          "YSUITE_ACCESS_KEY and YSUITE_SECRET_KEY, or use --sandbox for "
                          "the sample server."));
  return FALSE;
}

/* ---- export ---- */

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;
  guint n_exported = 0;

  if (run->progress)
    g_printerr ("\n");
  if (!rolo_exporter_export_finish (ROLO_EXPORTER (source), result, &n_exported, &run->error))
    {
      print_error (_("Export failed"), run->error);
      run->status = ROLO_EXIT_PARTIAL;
    }
  else
    {
      /* Translators: the last line of rolo --export; %s is the file name. */
      g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u contact to %s\n",
                            "Exported %u contacts to %s\n", n_exported),
               n_exported, run->options->export_path);
      run->status = ROLO_EXIT_OK;
    }
  g_main_loop_quit (run->loop);
}

static gboolean
parse_type (const char      *text,
            RoloContactType *type)
{
  if (text == NULL)
    *type = ROLO_CONTACT_TYPE_ANY;
  else if (g_ascii_strcasecmp (text, "individual") == 0)
    *type = ROLO_CONTACT_TYPE_INDIVIDUAL;
  else if (g_ascii_strcasecmp (text, "business") == 0)
    *type = ROLO_CONTACT_TYPE_BUSINESS;
  else
    return FALSE;
  return TRUE;
}

static int
run_export (Run *run)
{
  const RoloCommandLine *options = run->options;
  RoloFileFormat format = rolo_file_format_for_name (options->export_path);
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autoptr(RoloExporter) exporter = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->export_path);
  RoloContactType type;

  if (!parse_type (options->type, &type))
    {
      g_printerr ("%s\n", _("--type takes individual or business."));
      return ROLO_EXIT_USAGE;
    }
  if (format == ROLO_FILE_FORMAT_UNKNOWN)
    {
      g_printerr (_("Cannot tell the format of %s: name it .csv or .vcf."),
                  options->export_path);
      g_printerr ("\n");
      return ROLO_EXIT_USAGE;
    }
  if (!run_connect (run))
    return ROLO_EXIT_USAGE;

  if (options->search != NULL)
    rolo_contact_query_set_search (query, options->search);
  rolo_contact_query_set_contact_type (query, type);
  /* A stable order a script can compare: by id. */
  rolo_contact_query_set_sort_by (query, ROLO_CONTACT_SORT_ID);
  rolo_contact_query_set_sort_descending (query, FALSE);

  exporter = rolo_exporter_new (run->client, format);
  rolo_exporter_set_query (exporter, query);
  if (run->progress)
    g_signal_connect (exporter, "notify::n-done", G_CALLBACK (progress_cb), run);
  rolo_exporter_export_async (exporter, file, run->cancellable, exported_cb, run);
  g_main_loop_run (run->loop);
  return run->status;
}

/* ---- import ---- */

static void
importer_step_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Run *run = user_data;
  GTask *task = G_TASK (result);
  gpointer tag = g_task_get_source_tag (task);
  RoloImporter *importer = ROLO_IMPORTER (source);

  if (tag == rolo_importer_open_async)
    rolo_importer_open_finish (importer, result, &run->error);
  else if (tag == rolo_importer_check_async)
    rolo_importer_check_finish (importer, result, &run->error);
  else
    rolo_importer_import_finish (importer, result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
print_problems (RoloImporter *importer)
{
  for (guint i = 0; i < rolo_importer_get_n_problems (importer); i++)
    {
      const RoloImportProblem *problem = rolo_importer_get_problem (importer, i);

      g_print ("%u: %s: %s\n", problem->line,
               problem->field != NULL ? problem->field : _("row"), problem->message);
    }
}

static void
print_check_summary (RoloImporter *importer)
{
  guint n_rows = rolo_importer_get_n_rows (importer);
  guint n_ready = rolo_importer_get_n_ready (importer);
  guint n_existing = rolo_importer_get_n_existing (importer);
  guint n_invalid = rolo_importer_get_n_invalid (importer);
  g_autofree char *rows = NULL;
  g_autofree char *ready = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *invalid = NULL;

  /* Each count with its own plural; the sentence puts them together:
   * "Checked 12 rows: 9 ready, 2 already there, 1 with problems." */
  rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Checked %u row", "Checked %u rows",
                                       n_rows), n_rows);
  ready = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u ready", "%u ready", n_ready),
                           n_ready);
  existing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u already there",
                                           "%u already there", n_existing), n_existing);
  invalid = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u with problems",
                                          "%u with problems", n_invalid), n_invalid);
  /* Translators: "Checked 12 rows: 9 ready, 2 already there, 1 with
   * problems."; the first %s is "Checked N rows", the others the counts. */
  g_printerr (_("%s: %s, %s, %s.\n"), rows, ready, existing, invalid);
}

/* Runs one step of the importer to its end; FALSE with the message printed. */
static gboolean
run_import_step (Run          *run,
                 RoloImporter *importer,
                 void (*step) (RoloImporter *, GCancellable *, GAsyncReadyCallback, gpointer),
                 const char   *failure)
{
  step (importer, run->cancellable, importer_step_cb, run);
  g_main_loop_run (run->loop);
  if (run->progress)
    g_printerr ("\n");
  if (run->error == NULL)
    return TRUE;
  print_error (failure, run->error);
  return FALSE;
}

static int
run_import (Run *run)
{
  const RoloCommandLine *options = run->options;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->import_path);
  g_autoptr(RoloImporter) importer = NULL;
  gsize n_created = 0;

  if (!run_connect (run))
    return ROLO_EXIT_USAGE;

  importer = rolo_importer_new (run->client, file);
  if (options->settings != NULL)
    rolo_importer_set_notify_defaults (importer,
                                       g_settings_get_boolean (options->settings,
                                                               "new-contact-email-notify"),
                                       g_settings_get_boolean (options->settings,
                                                               "new-contact-sms-notify"),
                                       g_settings_get_boolean (options->settings,
                                                               "new-contact-whatsapp-notify"));
  if (run->progress)
    g_signal_connect (importer, "notify::n-done", G_CALLBACK (progress_cb), run);

  /* Translators: the file could not be opened or read. */
  if (!run_import_step (run, importer, rolo_importer_open_async, _("Cannot import")))
    return ROLO_EXIT_USAGE;
  if (!run_import_step (run, importer, rolo_importer_check_async, _("The check failed")))
    return ROLO_EXIT_PARTIAL;
  print_check_summary (importer);

  if (options->dry_run)
    {
      print_problems (importer);
      return rolo_importer_get_n_invalid (importer) == 0 ? ROLO_EXIT_OK : ROLO_EXIT_PARTIAL;
    }

  if (rolo_importer_get_n_ready (importer) > 0 &&
      !run_import_step (run, importer, rolo_importer_import_async, _("The import stopped")))
    run->status = ROLO_EXIT_PARTIAL;
  else
    run->status = ROLO_EXIT_OK;
  print_problems (importer);
  rolo_importer_get_created_ids (importer, &n_created);
  /* Translators: the last line of rolo --import; %s is the file name. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u contact from %s\n",
                        "Imported %u contacts from %s\n", n_created),
           (guint) n_created, options->import_path);
  if (rolo_importer_get_n_invalid (importer) > 0)
    return ROLO_EXIT_PARTIAL;
  return run->status;
}

/* ---- entry points ---- */

gboolean
rolo_command_line_is_wanted (const RoloCommandLine *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  return options->export_path != NULL || options->import_path != NULL;
}

static gboolean
check_usage (const RoloCommandLine *options)
{
  const char *problem = NULL;

  if (options->export_path != NULL && options->import_path != NULL)
    problem = _("--export and --import cannot be used together.");
  else if ((options->search != NULL || options->type != NULL) && options->export_path == NULL)
    problem = _("--search and --type need --export.");
  else if (options->dry_run && options->import_path == NULL)
    problem = _("--dry-run needs --import.");
  if (problem == NULL)
    return TRUE;
  g_printerr ("%s\n", problem);
  return FALSE;
}

int
rolo_command_line_run (const RoloCommandLine *options)
{
  Run run = { 0, };
  int status;

  g_return_val_if_fail (options != NULL, ROLO_EXIT_USAGE);

  if (!check_usage (options))
    return ROLO_EXIT_USAGE;
  g_return_val_if_fail (rolo_command_line_is_wanted (options), ROLO_EXIT_USAGE);

  run.options = options;
  run.loop = g_main_loop_new (NULL, FALSE);
  run.cancellable = g_cancellable_new ();
  run.progress = isatty (STDERR_FILENO);
  run.status = ROLO_EXIT_USAGE;
  run.sigint_id = g_unix_signal_add (SIGINT, interrupted_cb, &run);
  run.sigterm_id = g_unix_signal_add (SIGTERM, interrupted_cb, &run);

  if (options->export_path != NULL)
    status = run_export (&run);
  else
    status = run_import (&run);

  run_clear (&run);
  return status;
}
