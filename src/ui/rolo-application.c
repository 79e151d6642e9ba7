/* rolo-application.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "rolo-account-store.h"
#include "rolo-alert.h"
#include "rolo-application.h"
#include "rolo-command-line.h"
#include "rolo-preferences.h"
#include "rolo-sample-server.h"
#include "rolo-trace.h"
#include "rolo-window.h"

struct _RoloApplication
{
  AdwApplication  parent_instance;

  gboolean        use_sandbox;
  int             sandbox_seed;   /* -1: keep the store as it is */
  RoloSandbox    *sandbox;
  GCancellable   *cancellable;

  GSettings      *settings;       /* NULL when the schema is not installed */
  GtkWindow      *preferences;    /* the one open, if any */
  gboolean        environment_in_use; /* YSUITE_* override the stored account */
};

G_DEFINE_FINAL_TYPE (RoloApplication, rolo_application, ADW_TYPE_APPLICATION)

typedef struct
{
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
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the contacts to FILE (.csv or .vcf) and exit, without a window"), N_("FILE") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check the contacts of FILE (.csv or .vcf), create those that are new, and exit, "
       "without a window"), N_("FILE") },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import: check every row, change nothing"), NULL },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: only the contacts whose name or email contains TEXT"), N_("TEXT") },
  { "type", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export: only individuals or only businesses"), N_("individual|business") },
  { NULL }
};

static void
sandbox_setup_free (SandboxSetup *setup)
{
  g_free (setup->access_key);
  g_free (setup->secret_key);
  g_free (setup);
}

/* Seeding a large store takes a while: keep it off the main thread. */
static void
sandbox_setup_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  SandboxSetup *setup = task_data;
  RoloSandbox *sandbox = rolo_sample_server_start (setup->seed, setup->access_key,
                                                   setup->secret_key, &error);

  if (sandbox == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sandbox, g_object_unref);
}

/* The contacts window: the active one may be Preferences or a dialog. */
static GtkWindow *
rolo_application_get_main_window (RoloApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (ROLO_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/**
 * rolo_application_new_settings:
 *
 * Rolo's settings, or %NULL without an installed schema (running from the
 * build tree): then nothing is remembered between runs — no window state,
 * and no account, since the keys alone are no use without their server.
 *
 * Returns: (transfer full) (nullable): the settings
 */
GSettings *
rolo_application_new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed; nothing is remembered", APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
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
  GtkWindow *window = rolo_application_get_main_window (self);
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

  rolo_application_set_action_enabled (self, "reset-sample-data", client != NULL);

  if (window == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* First: the sample server's pages are not kept on disk. */
  rolo_window_set_sample_mode (ROLO_WINDOW (window), client != NULL);
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

static gboolean
rolo_application_has_account (RoloApplication *self)
{
  return self->settings != NULL && g_settings_get_boolean (self->settings, "account-configured");
}

static char *
rolo_application_dup_server (RoloApplication *self)
{
  if (self->settings == NULL)
    return g_strdup (ROLO_DEFAULT_BASE_URL);
  return g_settings_get_string (self->settings, "server-url");
}

static void
stored_keys_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RoloApplication) self = user_data;
  g_autoptr(RoloAccountKeys) keys = NULL;
  g_autoptr(RoloClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server = rolo_application_dup_server (self);
  GtkWindow *window = rolo_application_get_main_window (self);

  keys = rolo_account_store_load_finish (result, &error);
  rolo_trace_mark ("keyring-answered");
  if (window == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (keys != NULL)
    client = rolo_client_new (server, keys->access_key, keys->secret_key, &error);
  else if (error == NULL && self->settings != NULL)
    /* The keys are gone (removed in Passwords and Keys, say): so is the account. */
    g_settings_set_boolean (self->settings, "account-configured", FALSE);
  if (error != NULL)
    rolo_window_show_error (ROLO_WINDOW (window), error);
  else
    /* No keys (removed in Passwords and Keys, say): the welcome page. */
    rolo_window_set_client (ROLO_WINDOW (window), client);
}

/* The account connected in Preferences, its keys from the keyring. */
static void
rolo_application_connect_stored (RoloApplication *self,
                                 RoloWindow      *window)
{
  g_autofree char *server = NULL;

  if (!rolo_application_has_account (self))
    return;

  server = rolo_application_dup_server (self);
  /* The keyring may ask to be unlocked first. */
  rolo_window_show_loading (window, _("Getting the API keys from your keyring…"));
  rolo_account_store_load_async (server, self->cancellable, stored_keys_cb, g_object_ref (self));
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
  self->environment_in_use = client != NULL || error != NULL;
  if (error != NULL)
    rolo_window_show_error (window, error);
  else if (client != NULL)
    rolo_window_set_client (window, client);
  else
    rolo_application_connect_stored (self, window);
}

static void
sample_data_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RoloApplication *self = user_data;
  GtkWindow *window = rolo_application_get_main_window (self);

  if (window != NULL && self->sandbox == NULL)
    rolo_application_start_sandbox (self, ROLO_WINDOW (window));
}

/* The release notes repeat the newest <release> of the metainfo, item by
 * item, so the translations of one serve the other (a data test checks that
 * they agree): adw_about_window_new_from_appdata() needs libadwaita 1.4. */
static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RoloApplication *self = user_data;
  static const char *developers[] = { "The Rolo authors", NULL };
  static const char *release_intro = N_("The first release:");
  static const char *release_items[] = {
    N_("Browse the contacts of a YSUITE workspace in a table that loads only the rows on "
       "screen, so it opens at once even on 100,000 contacts"),
    N_("Search by name or email as you type, filter Individuals or Businesses, and sort by "
       "any column on the server"),
    N_("Create and edit people and companies, with every field checked before it is sent "
       "and nothing you typed lost when the network fails"),
    N_("Delete contacts with Undo"),
    N_("Clear pages for every problem: no connection, rejected keys, a missing "
       "subscription, a server error"),
    N_("Try Rolo without an account on a built-in sample server with realistic contacts"),
  };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *debug_info = NULL;
  /* Translators: who made Rolo, as the About window and the copyright say. */
  const char *developer = _("The Rolo authors");
  g_autofree char *copyright = g_strdup_printf ("© 2026 %s", developer);
  AdwAboutWindow *about;

  g_string_append_printf (notes, "<p>%s</p><ul>", _(release_intro));
  for (guint i = 0; i < G_N_ELEMENTS (release_items); i++)
    {
      g_autofree char *item = g_markup_escape_text (_(release_items[i]), -1);

      g_string_append_printf (notes, "<li>%s</li>", item);
    }
  g_string_append (notes, "</ul>");

  debug_info = g_strdup_printf ("%s %s\nGTK %u.%u.%u\nlibadwaita %u.%u.%u\n",
                                PACKAGE_NAME, PACKAGE_VERSION,
                                gtk_get_major_version (), gtk_get_minor_version (),
                                gtk_get_micro_version (),
                                adw_get_major_version (), adw_get_minor_version (),
                                adw_get_micro_version ());

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Rolo"),
                        "developer-name", developer,
                        "version", PACKAGE_VERSION,
                        "release-notes-version", PACKAGE_VERSION,
                        "release-notes", notes->str,
                        "comments", _("Manage the contacts of a YSUITE workspace"),
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_WEBSITE "/issues",
                        "copyright", copyright,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        "debug-info", debug_info,
                        NULL);
  adw_about_window_add_legal_section (about, _("Country Data"),
                                      "© dr5hn, countries-states-cities-database",
                                      GTK_LICENSE_CUSTOM,
                                      _("The country ids, ISO codes and dialing prefixes come "
                                        "from the <a href=\"https://github.com/dr5hn/"
                                        "countries-states-cities-database\">"
                                        "countries-states-cities-database</a>, available under "
                                        "the <a href=\"https://opendatacommons.org/licenses/"
                                        "odbl/1-0/\">Open Database License (ODbL) 1.0</a>."));
  gtk_window_present (GTK_WINDOW (about));
}

/* Leaving the sample server for a real account (or none). */
static void
rolo_application_leave_sample_mode (RoloApplication *self,
                                    RoloWindow      *window)
{
  if (window != NULL)
    rolo_window_set_sample_mode (window, FALSE);
  rolo_application_set_action_enabled (self, "reset-sample-data", FALSE);
  rolo_application_set_action_enabled (self, "sample-data", TRUE);
  /* After the window's client, which talked to it, was replaced. */
  g_clear_object (&self->sandbox);
}

static void
account_saved_cb (RoloApplication *self,
                  RoloClient      *client)
{
  GtkWindow *window = rolo_application_get_main_window (self);

  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "server-url", rolo_client_get_base_url (client));
      g_settings_set_boolean (self->settings, "account-configured", TRUE);
    }

  /* The environment keeps the upper hand until Rolo starts without it. */
  if (self->environment_in_use || window == NULL)
    return;

  /* A real account's pages are kept on disk for offline reading. */
  rolo_window_set_sample_mode (ROLO_WINDOW (window), FALSE);
  rolo_window_set_client (ROLO_WINDOW (window), client);
  rolo_application_leave_sample_mode (self, ROLO_WINDOW (window));
  /* The names go with the workspace now in use. */
  if (self->preferences != NULL)
    rolo_preferences_set_tag_names (ROLO_PREFERENCES (self->preferences),
                                    rolo_window_get_tag_names (ROLO_WINDOW (window)));
}

static void
disconnected_cb (RoloApplication *self)
{
  GtkWindow *window = rolo_application_get_main_window (self);

  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "account-configured", FALSE);

  if (self->environment_in_use || window == NULL || self->sandbox != NULL)
    return;

  rolo_window_set_client (ROLO_WINDOW (window), NULL);
  if (self->preferences != NULL)
    rolo_preferences_set_tag_names (ROLO_PREFERENCES (self->preferences), NULL);
}

static void
preferences_keys_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RoloApplication) self = user_data;
  g_autoptr(RoloAccountKeys) keys = rolo_account_store_load_finish (result, NULL);

  /* Without them the fields stay empty: the user pastes a pair. */
  if (keys != NULL && self->preferences != NULL)
    rolo_preferences_set_keys (ROLO_PREFERENCES (self->preferences), keys);
}

/* With @server NULL: the stored account, keys included; else @server and
 * empty keys (to reconnect after the keys were rejected). */
static void
rolo_application_open_preferences (RoloApplication *self,
                                   const char      *server)
{
  GtkWindow *parent = rolo_application_get_main_window (self);
  g_autofree char *stored_server = rolo_application_dup_server (self);
  RoloPreferences *preferences;

  /* Closed while the keyring still works on its keys: it is still there. */
  if (self->preferences != NULL && !gtk_widget_get_visible (GTK_WIDGET (self->preferences)))
    {
      gtk_window_present (self->preferences);
      return;
    }
  if (self->preferences != NULL)
    gtk_window_destroy (self->preferences);

  preferences = rolo_preferences_new (parent, server != NULL ? server : stored_server);
  rolo_preferences_set_connected (preferences,
                                  rolo_application_has_account (self) ? stored_server : NULL);
  rolo_preferences_set_environment_in_use (preferences, self->environment_in_use);
  if (parent != NULL)
    rolo_preferences_set_tag_names (preferences, rolo_window_get_tag_names (ROLO_WINDOW (parent)));
  g_signal_connect_object (preferences, "account-saved", G_CALLBACK (account_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (preferences, "disconnected", G_CALLBACK (disconnected_cb), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->preferences, GTK_WINDOW (preferences));

  if (server == NULL && rolo_application_has_account (self))
    rolo_account_store_load_async (stored_server, self->cancellable, preferences_keys_cb,
                                   g_object_ref (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  rolo_application_open_preferences (user_data, NULL);
}

/* The keys were rejected: the same server, a new pair. */
static void
reconnect_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  RoloApplication *self = user_data;
  GtkWindow *window = rolo_application_get_main_window (self);
  RoloClient *client = window != NULL ? rolo_window_get_client (ROLO_WINDOW (window)) : NULL;
  g_autofree char *server = NULL;

  if (client != NULL && self->sandbox == NULL)
    server = g_strdup (rolo_client_get_base_url (client));
  else
    server = rolo_application_dup_server (self);
  rolo_application_open_preferences (self, server);
}

static void
reset_response_cb (RoloApplication *self,
                   const char      *response)
{
  GtkWindow *window = rolo_application_get_main_window (self);

  if (!g_str_equal (response, "reset") || window == NULL || self->sandbox == NULL)
    return;

  /* The window lets go of the old server before it stops. */
  rolo_window_set_client (ROLO_WINDOW (window), NULL);
  g_clear_object (&self->sandbox);
  self->sandbox_seed = ROLO_SAMPLE_SERVER_DEFAULT_SEED;
  rolo_application_set_action_enabled (self, "reset-sample-data", FALSE);
  rolo_application_start_sandbox (self, ROLO_WINDOW (window));
}

static void
reset_sample_data_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  RoloApplication *self = user_data;
  GtkWindow *parent = rolo_application_get_main_window (self);
  GtkWidget *dialog;

  /* Asked from the window's menu: no window, nothing to ask over. */
  if (parent == NULL)
    return;

  dialog = rolo_alert_new (_("Reset Sample Data?"),
                           _("The sample contacts go back to how they were at the start: "
                             "every change made to them is lost. Your YSUITE workspace is "
                             "not touched."));
  rolo_alert_add_choice (dialog, "cancel", _("_Cancel"), "reset", _("_Reset"),
                         ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response_cb), self,
                           G_CONNECT_SWAPPED);
  rolo_alert_present (dialog, GTK_WIDGET (parent));
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

  /* Unsaved changes in an editor ask first; discarding them quits again. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (ROLO_IS_WINDOW (l->data) && rolo_window_ask_before_quit (l->data))
      return;

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
  { "reconnect", reconnect_action },
  { "reset-sample-data", reset_sample_data_action },
  { "sample-data", sample_data_action },
};

static int
rolo_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  RoloApplication *self = ROLO_APPLICATION (application);
  RoloCommandLine command_line = { 0, };
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

  command_line.use_sandbox = self->use_sandbox;
  command_line.sandbox_seed = self->sandbox_seed;
  command_line.settings = self->settings;
  g_variant_dict_lookup (options, "export", "^&ay", &command_line.export_path);
  g_variant_dict_lookup (options, "import", "^&ay", &command_line.import_path);
  command_line.dry_run = g_variant_dict_contains (options, "dry-run");
  g_variant_dict_lookup (options, "search", "&s", &command_line.search);
  g_variant_dict_lookup (options, "type", "&s", &command_line.type);
  if (rolo_command_line_is_wanted (&command_line) || command_line.search != NULL ||
      command_line.type != NULL || command_line.dry_run)
    return rolo_command_line_run (&command_line);

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
  rolo_trace_mark ("startup");

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
  GtkWindow *window = rolo_application_get_main_window (self);

  if (window == NULL)
    {
      window = GTK_WINDOW (rolo_window_new (self));
      rolo_trace_mark ("window-built");
      rolo_application_connect (self, ROLO_WINDOW (window));
      rolo_trace_watch_stalls ();
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
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->preferences);

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
  rolo_application_set_action_enabled (self, "reset-sample-data", FALSE);
  self->settings = rolo_application_new_settings ();
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Manage the contacts of a YSUITE workspace."));
  g_application_set_option_context_description (G_APPLICATION (self),
                                                _("To connect a workspace, use Connect "
                                                  "Account in the window. For scripts, "
                                                  "YSUITE_ACCESS_KEY and YSUITE_SECRET_KEY (and "
                                                  "YSUITE_BASE_URL for a server other than "
                                                  "api.ysuite.org) in the environment override "
                                                  "the stored account."));
}

/* With the cairo renderer asked for, nothing draws with OpenGL; yet GDK
 * (4.8 on X11) still sets OpenGL up to pick its visual, which loads the whole
 * driver: under Xvfb, Mesa's llvmpipe and LLVM, 55 MB of the 135 MB resident
 * after scrolling. Tells GDK to leave OpenGL alone then, before it starts,
 * keeping whatever the environment already asks of it. */
void
rolo_skip_gl_for_cairo (void)
{
  gboolean gdk_disable = gtk_get_major_version () > 4 || gtk_get_minor_version () >= 16;
  const char *variable = gdk_disable ? "GDK_DISABLE" : "GDK_DEBUG";
  const char *flag = gdk_disable ? "gl" : "gl-disable";
  const char *renderer = g_getenv ("GSK_RENDERER");
  const char *value = g_getenv (variable);
  g_autofree char *joined = NULL;

  if (g_strcmp0 (renderer, "cairo") != 0)
    return;
  if (value == NULL || *value == '\0')
    joined = g_strdup (flag);
  else if (strstr (value, flag) == NULL)
    joined = g_strconcat (value, ",", flag, NULL);
  if (joined != NULL)
    g_setenv (variable, joined, TRUE);
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
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is the name of an environment variable. */
                   _("To connect, set both YSUITE_ACCESS_KEY and YSUITE_SECRET_KEY; %s is "
                     "missing."),
                   access_key == NULL ? "YSUITE_ACCESS_KEY" : "YSUITE_SECRET_KEY");
      return NULL;
    }

  return rolo_client_new (base_url != NULL ? base_url : ROLO_DEFAULT_BASE_URL,
                          access_key, secret_key, error);
}
