/* rolo-application.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rolo-application.h"
#include "rolo-sandbox.h"
#include "rolo-window.h"

#define SANDBOX_DEFAULT_SEED 1000

struct _RoloApplication
{
  AdwApplication  parent_instance;

  gboolean        use_sandbox;
  int             sandbox_seed;   /* -1: keep the store as it is */
  RoloSandbox    *sandbox;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (RoloApplication, rolo_application, ADW_TYPE_APPLICATION)

typedef struct
{
  char *db_path;
  int   seed;
  char *access_key;
  char *secret_key;
} SandboxSetup;

static const GOptionEntry option_entries[] = {
  { "sandbox", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start the built-in sample server and connect to it"), NULL },
  /* A string: GApplication drops an integer option set to 0 ("--seed 0"). */
  { "seed", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --sandbox: start over with a fresh store of N sample contacts"), N_("N") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static void
sandbox_setup_free (SandboxSetup *setup)
{
  g_free (setup->db_path);
  g_free (setup->access_key);
  g_free (setup->secret_key);
  g_free (setup);
}

/* Starting over: the store and SQLite's companion files, if any. */
static gboolean
remove_store (const char  *db_path,
              GError     **error)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);
      int saved_errno;

      if (g_unlink (path) == 0)
        continue;
      saved_errno = errno;
      if (saved_errno == ENOENT)
        continue;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not remove the old sample store %s: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static RoloSandbox *
sandbox_setup_run (SandboxSetup  *setup,
                   GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (setup->db_path);
  g_autoptr(RoloSandbox) sandbox = NULL;
  guint n_contacts = setup->seed >= 0 ? (guint) setup->seed : SANDBOX_DEFAULT_SEED;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }
  if (setup->seed >= 0 && !remove_store (setup->db_path, error))
    return NULL;

  sandbox = rolo_sandbox_new (setup->db_path, error);
  if (sandbox == NULL)
    return NULL;
  rolo_sandbox_set_keys (sandbox, setup->access_key, setup->secret_key);
  /* Seeding leaves a store that already holds contacts as it is. */
  if (!rolo_sandbox_seed (sandbox, n_contacts, error) ||
      !rolo_sandbox_start_thread (sandbox, 0, error))
    return NULL;

  return g_steal_pointer (&sandbox);
}

/* Seeding a large store takes a while: keep it off the main thread. */
static void
sandbox_setup_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  RoloSandbox *sandbox = sandbox_setup_run (task_data, &error);

  if (sandbox == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sandbox, g_object_unref);
}

static void
rolo_application_set_action_enabled (RoloApplication *self,
                                     const char      *name,
                                     gboolean         enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
sandbox_setup_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RoloApplication *self = ROLO_APPLICATION (source);
  SandboxSetup *setup = g_task_get_task_data (G_TASK (result));
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(RoloSandbox) sandbox = NULL;
  g_autoptr(RoloClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;

  sandbox = g_task_propagate_pointer (G_TASK (result), &error);
  if (sandbox != NULL)
    {
      g_set_object (&self->sandbox, sandbox);
      base_url = rolo_sandbox_dup_base_url (sandbox);
      client = rolo_client_new (base_url, setup->access_key, setup->secret_key, &error);
    }
  if (client == NULL)
    rolo_application_set_action_enabled (self, "sample-data", TRUE);

  if (window == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (client == NULL)
    rolo_window_show_error (ROLO_WINDOW (window), error);
  else
    rolo_window_set_client (ROLO_WINDOW (window), client);
}

/* Keys are made up for this run and never leave the process. */
static void
rolo_application_start_sandbox (RoloApplication *self,
                                RoloWindow      *window)
{
  g_autoptr(GTask) task = NULL;
  SandboxSetup *setup = g_new0 (SandboxSetup, 1);

  setup->db_path = g_build_filename (g_get_user_data_dir (), "rolo", "sandbox.db", NULL);
  setup->seed = self->sandbox_seed;
  setup->access_key = g_uuid_string_random ();
  setup->secret_key = g_uuid_string_random ();
  /* A second start in the same run reuses the store. */
  self->sandbox_seed = -1;

  rolo_application_set_action_enabled (self, "sample-data", FALSE);
  rolo_window_show_loading (window, _("Preparing sample data…"));

  task = g_task_new (self, self->cancellable, sandbox_setup_cb, NULL);
  g_task_set_source_tag (task, rolo_application_start_sandbox);
  g_task_set_task_data (task, setup, (GDestroyNotify) sandbox_setup_free);
  g_task_run_in_thread (task, sandbox_setup_thread);
}

static void
rolo_application_connect (RoloApplication *self,
                          RoloWindow      *window)
{
  g_auto(GStrv) envp = NULL;
  g_autoptr(RoloClient) client = NULL;
  g_autoptr(GError) error = NULL;

  if (self->use_sandbox)
    {
      rolo_application_start_sandbox (self, window);
      return;
    }

  envp = g_get_environ ();
  client = rolo_application_client_from_environ ((const char * const *) envp, &error);
  if (error != NULL)
    rolo_window_show_error (window, error);
  else
    rolo_window_set_client (window, client);
}

static void
sample_data_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RoloApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL && self->sandbox == NULL)
    rolo_application_start_sandbox (self, ROLO_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RoloApplication *self = user_data;
  static const char *developers[] = { "The Rolo authors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Rolo"),
                        "developer-name", _("The Rolo authors"),
                        "version", PACKAGE_VERSION,
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_WEBSITE "/issues",
                        "copyright", "© 2026 The Rolo authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

/* A placeholder until Rolo keeps an account of its own (the account issue):
 * it says how to connect today. */
static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RoloApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Connect a Workspace"), NULL));
  adw_message_dialog_format_body_markup (dialog, "%s",
                                         _("Rolo connects with the API key pair of a YSUITE "
                                           "workspace, created in the YSUITE web app under "
                                           "Settings → API Keys.\n\n"
                                           "Set <tt>YSUITE_ACCESS_KEY</tt> and "
                                           "<tt>YSUITE_SECRET_KEY</tt> in the environment (and "
                                           "<tt>YSUITE_BASE_URL</tt> for a server other than "
                                           "api.ysuite.org), then start Rolo again. Entering the "
                                           "keys here, kept in your keyring, comes in the next "
                                           "version."));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Through the windows: each sends its pending deletes before it goes, and
 * the application ends with the last one. */
static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));
  g_autoptr(GPtrArray) closing = g_ptr_array_new_with_free_func (g_object_unref);

  /* Closing changes the list. */
  for (GList *l = windows; l != NULL; l = l->next)
    g_ptr_array_add (closing, g_object_ref (l->data));
  for (guint i = 0; i < closing->len; i++)
    gtk_window_close (g_ptr_array_index (closing, i));
}

static const GActionEntry action_entries[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
  { "sample-data", sample_data_action },
};

static int
rolo_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  RoloApplication *self = ROLO_APPLICATION (application);
  const char *seed_text = NULL;
  guint64 seed = 0;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  self->use_sandbox = g_variant_dict_contains (options, "sandbox");
  self->sandbox_seed = -1;
  if (g_variant_dict_lookup (options, "seed", "&s", &seed_text))
    {
      if (!self->use_sandbox ||
          !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXINT, &seed, NULL))
        {
          g_printerr ("%s\n", _("--seed takes a number of contacts, 0 or more, and needs "
                                "--sandbox"));
          return EXIT_FAILURE;
        }
      self->sandbox_seed = (int) seed;
    }

  /* A sample session is self-contained (its own server, keys made up for
   * this run): it never hands over to, or takes over, a running Rolo. */
  if (self->use_sandbox)
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  return G_APPLICATION_CLASS (rolo_application_parent_class)->handle_local_options (application,
                                                                                    options);
}

static void
rolo_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *refresh_accels[] = { "F5", "<Control>r", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };

  G_APPLICATION_CLASS (rolo_application_parent_class)->startup (application);

  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit",
                                         quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close",
                                         close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.refresh",
                                         refresh_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.search",
                                         search_accels);
}

static void
rolo_application_activate (GApplication *application)
{
  RoloApplication *self = ROLO_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (rolo_window_new (self));
      rolo_application_connect (self, ROLO_WINDOW (window));
    }

  gtk_window_present (window);
}

static void
rolo_application_shutdown (GApplication *application)
{
  RoloApplication *self = ROLO_APPLICATION (application);

  g_cancellable_cancel (self->cancellable);

  G_APPLICATION_CLASS (rolo_application_parent_class)->shutdown (application);

  /* After the windows, whose clients talk to it, are gone. */
  g_clear_object (&self->sandbox);
}

static void
rolo_application_dispose (GObject *object)
{
  RoloApplication *self = ROLO_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->sandbox);

  G_OBJECT_CLASS (rolo_application_parent_class)->dispose (object);
}

static void
rolo_application_class_init (RoloApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rolo_application_dispose;
  app_class->handle_local_options = rolo_application_handle_local_options;
  app_class->startup = rolo_application_startup;
  app_class->activate = rolo_application_activate;
  app_class->shutdown = rolo_application_shutdown;
}

static void
rolo_application_init (RoloApplication *self)
{
  self->sandbox_seed = -1;
  self->cancellable = g_cancellable_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Manage the contacts of a YSUITE workspace."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("To connect a workspace, set "
                                                  "YSUITE_ACCESS_KEY and YSUITE_SECRET_KEY "
                                                  "(and YSUITE_BASE_URL for a server other than "
                                                  "api.ysuite.org) in the environment."));
}

RoloApplication *
rolo_application_new (void)
{
  return g_object_new (ROLO_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_PREFIX,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

static const char *
environ_lookup (const char * const *envp,
                const char         *name)
{
  const char *value = g_environ_getenv ((char **) envp, name);

  return value != NULL && *value != '\0' ? value : NULL;
}

/**
 * rolo_application_client_from_environ:
 * @envp: (array zero-terminated=1): an environment, as from g_get_environ()
 * @error: return location for a #GError
 *
 * Reads YSUITE_BASE_URL, YSUITE_ACCESS_KEY and YSUITE_SECRET_KEY. Both keys
 * are needed; the base URL defaults to %ROLO_DEFAULT_BASE_URL.
 *
 * Returns: (transfer full) (nullable): a client, or %NULL: with @error set when
 *   the settings are incomplete or unusable, without when none is set.
 */
RoloClient *
rolo_application_client_from_environ (const char * const  *envp,
                                      GError             **error)
{
  const char *base_url = environ_lookup (envp, "YSUITE_BASE_URL");
  const char *access_key = environ_lookup (envp, "YSUITE_ACCESS_KEY");
  const char *secret_key = environ_lookup (envp, "YSUITE_SECRET_KEY");

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (access_key == NULL && secret_key == NULL && base_url == NULL)
    return NULL;

  if (access_key == NULL && secret_key == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("YSUITE_BASE_URL is set, but the key pair is not: set "
                             "YSUITE_ACCESS_KEY and YSUITE_SECRET_KEY too."));
      return NULL;
    }
  if (access_key == NULL || secret_key == NULL)
    {
      /* Translators: %s is the name of an environment variable. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("To connect, set both YSUITE_ACCESS_KEY and YSUITE_SECRET_KEY; %s is "
                     "missing."),
                   access_key == NULL ? "YSUITE_ACCESS_KEY" : "YSUITE_SECRET_KEY");
      return NULL;
    }

  return rolo_client_new (base_url != NULL ? base_url : ROLO_DEFAULT_BASE_URL,
                          access_key, secret_key, error);
}
