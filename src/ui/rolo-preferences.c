/* rolo-preferences.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-alert.h"
#include "rolo-error-text.h"
#include "rolo-contacts-page.h"
#include "rolo-preferences.h"

/* How long Test Connection waits for an answer. */
#define TEST_TIMEOUT_SECONDS 15

typedef enum
{
  TEST_NONE,
  TEST_RUNNING,
  TEST_PASSED,
  TEST_FAILED,
} TestState;

struct _RoloPreferences
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesGroup  *environment_group;
  AdwEntryRow          *server_row;
  AdwEntryRow          *access_key_row;
  AdwEntryRow          *secret_key_row;
  AdwPreferencesGroup  *result_group;
  AdwActionRow         *result_row;
  GtkImage             *result_icon;
  GtkSpinner           *result_spinner;
  GtkWidget            *save_anyway_button;
  AdwPreferencesGroup  *account_group;
  AdwActionRow         *account_row;
  RoloContactsPage     *contacts_page;

  TestState             test_state;
  RoloClient           *test_client;   /* made from the fields as tested */
  GCancellable         *cancellable;   /* of the test or the keyring call */
  gboolean              busy;          /* saving or disconnecting */
  gboolean              disposed;      /* a keyring call outlived the window */
  gboolean              connected;
  gboolean              untrusted;     /* the last test met a certificate problem */
};

G_DEFINE_FINAL_TYPE (RoloPreferences, rolo_preferences, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_RESULT_TITLE,
  PROP_RESULT_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACCOUNT_SAVED,
  DISCONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
field_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
field_is_empty (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (field_text (row)));

  return *text == '\0';
}

/* The pair as typed, less the white space pasting brings along. */
static RoloAccountKeys *
rolo_preferences_dup_keys (RoloPreferences *self)
{
  RoloAccountKeys *keys = rolo_account_keys_new (field_text (self->access_key_row),
                                                 field_text (self->secret_key_row));

  g_strstrip (keys->access_key);
  g_strstrip (keys->secret_key);
  return keys;
}

static char *
rolo_preferences_dup_server (RoloPreferences *self)
{
  return g_strstrip (g_strdup (field_text (self->server_row)));
}

static void
rolo_preferences_update_actions (RoloPreferences *self)
{
  gboolean complete = !field_is_empty (self->server_row) &&
                      !field_is_empty (self->access_key_row) &&
                      !field_is_empty (self->secret_key_row);
  gboolean idle = !self->busy && self->test_state != TEST_RUNNING;
  /* Never after a certificate problem: saving would look like accepting it. */
  gboolean can_save_anyway = self->test_state == TEST_FAILED && self->test_client != NULL &&
                             !self->untrusted;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.test", complete && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.save",
                                 idle && self->test_state == TEST_PASSED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.save-anyway",
                                 idle && can_save_anyway);
  gtk_widget_set_visible (self->save_anyway_button, can_save_anyway);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.disconnect",
                                 idle && self->connected);
}

/* "host" or "host:port" of a server address, as a person would name it. */
static char *
rolo_preferences_dup_server_name (const char *server)
{
  g_autoptr(GUri) uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host == NULL || *host == '\0')
    return g_strdup (server);
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf (strchr (host, ':') != NULL ? "[%s]:%d" : "%s:%d",
                            host, g_uri_get_port (uri));
  return g_strdup (host);
}

/* One row says how the test went; NULL title hides it. */
static void
rolo_preferences_show_result (RoloPreferences *self,
                              const char      *icon_name,
                              const char      *title,
                              const char      *description)
{
  g_autofree char *title_markup = title != NULL ? g_markup_escape_text (title, -1) : NULL;
  g_autofree char *description_markup = NULL;

  if (description != NULL)
    description_markup = g_markup_escape_text (description, -1);

  gtk_widget_set_visible (GTK_WIDGET (self->result_group), title != NULL);
  gtk_image_set_from_icon_name (self->result_icon, icon_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->result_row),
                                 title_markup != NULL ? title_markup : "");
  adw_action_row_set_subtitle (self->result_row,
                               description_markup != NULL ? description_markup : "");
  gtk_widget_set_visible (GTK_WIDGET (self->result_spinner), self->test_state == TEST_RUNNING);
  gtk_spinner_set_spinning (self->result_spinner, self->test_state == TEST_RUNNING);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT_DESCRIPTION]);
}

/* Callbacks hold the window weakly: a strong reference would keep it past
 * the window it is transient for, which GTK does not reference. */
static GWeakRef *
weak_self_new (RoloPreferences *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  return ref;
}

static RoloPreferences *
weak_self_take (gpointer user_data)
{
  GWeakRef *ref = user_data;
  RoloPreferences *self = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  return self;
}

/* What went wrong, in the words of someone who just pasted a key pair. */
static void
describe_failure (const GError  *error,
                  char         **title,
                  char         **description)
{
  g_autofree char *advice = rolo_error_text_description (error);

  *title = rolo_error_text_title (error);
  if (error->domain != ROLO_CLIENT_ERROR)
    {
      *description = g_steal_pointer (&advice);
      return;
    }

  switch ((RoloClientError) error->code)
    {
    case ROLO_CLIENT_ERROR_INVALID_URL:
      /* What is wrong with the address, then a sentence of its own. */
      *description = g_strdup_printf ("%s %s", error->message, _("Nothing was sent."));
      break;
    case ROLO_CLIENT_ERROR_BAD_REQUEST:
      if (rolo_client_error_get_http_status (error) == 400)
        {
          /* e.g. "No organisation assigned to user": the server's words. */
          g_free (*title);
          *title = g_strdup (_("Workspace Not Available"));
          /* Translators: %s is the server's own message. */
          *description = g_strdup_printf (_("The server says: “%s”. A YSUITE administrator "
                                            "can assign your user to an organisation."),
                                          error->message);
          break;
        }
      /* Another refusal, a 404 say: /v1/contacts is not there at all. */
      G_GNUC_FALLTHROUGH;
    case ROLO_CLIENT_ERROR_NOT_FOUND:
      g_free (*title);
      *title = g_strdup (_("No YSUITE Server at This Address"));
      *description = g_strdup (_("Check the server address: without a proxy of your "
                                 "organisation it is https://api.ysuite.org."));
      break;
    default:
      *description = g_steal_pointer (&advice);
      break;
    }
}

static void
test_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RoloPreferences) self = weak_self_take (user_data);
  g_autoptr(RoloContactPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  guint n_contacts;

  page = rolo_client_list_contacts_finish (ROLO_CLIENT (source), result, &error);
  if (self == NULL ||
      g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_CANCELLED) ||
      ROLO_CLIENT (source) != self->test_client)
    return;

  if (page == NULL)
    {
      g_debug ("Test connection failed: %s", error->message);
      self->test_state = TEST_FAILED;
      self->untrusted = g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_TLS);
      describe_failure (error, &title, &description);
      rolo_preferences_show_result (self, "dialog-error-symbolic", title, description);
      rolo_preferences_update_actions (self);
      return;
    }

  n_contacts = rolo_contact_page_get_total_records (page);
  self->test_state = TEST_PASSED;
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: %'u is a number of contacts, with
                                         * thousands separators. */
                                        "Connected — %'u contact", "Connected — %'u contacts",
                                        n_contacts),
                           n_contacts);
  rolo_preferences_show_result (self, "emblem-ok-symbolic", title,
                                _("The keys work. Save them to connect."));
  rolo_preferences_update_actions (self);
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RoloPreferences *self = ROLO_PREFERENCES (widget);
  g_autoptr(RoloAccountKeys) keys = rolo_preferences_dup_keys (self);
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autofree char *server = rolo_preferences_dup_server (self);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  g_clear_object (&self->test_client);
  self->untrusted = FALSE;

  /* An address Rolo would not use (plain http:// to another computer) fails
   * here, before any request. */
  self->test_client = rolo_client_new (server, keys->access_key, keys->secret_key, &error);
  if (self->test_client == NULL)
    {
      self->test_state = TEST_FAILED;
      describe_failure (error, &title, &description);
      rolo_preferences_show_result (self, "dialog-error-symbolic", title, description);
      rolo_preferences_update_actions (self);
      return;
    }

  self->test_state = TEST_RUNNING;
  rolo_client_set_timeout (self->test_client, TEST_TIMEOUT_SECONDS);
  rolo_preferences_show_result (self, NULL, _("Testing the connection…"), NULL);
  rolo_preferences_update_actions (self);
  rolo_client_list_contacts_async (self->test_client, query, 0, 1, self->cancellable, test_cb,
                                   weak_self_new (self));
}

/* A keyring call failed. If the user closed the window meanwhile, it comes
 * back to say so: they asked for the change and it did not happen. */
static void
rolo_preferences_busy_failed (RoloPreferences *self,
                              const char      *title,
                              const GError    *error)
{
  self->busy = FALSE;
  rolo_preferences_show_result (self, "dialog-error-symbolic", title, error->message);
  rolo_preferences_update_actions (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    return;
  if (gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL)
    gtk_window_present (GTK_WINDOW (self));
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RoloPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloClient) client = NULL;
  gboolean saved = rolo_account_store_save_finish (result, &error);

  if (self->disposed)
    return;
  if (!saved)
    {
      rolo_preferences_busy_failed (self, _("Keys Not Saved"), error);
      return;
    }

  self->busy = FALSE;
  client = g_steal_pointer (&self->test_client);
  rolo_preferences_set_connected (self, rolo_client_get_base_url (client));
  g_signal_emit (self, signals[ACCOUNT_SAVED], 0, client);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RoloPreferences *self = ROLO_PREFERENCES (widget);
  g_autoptr(RoloAccountKeys) keys = rolo_preferences_dup_keys (self);

  if (self->test_client == NULL || self->busy)
    return;

  self->busy = TRUE;
  rolo_preferences_update_actions (self);
  /* The client keeps the address as it parsed it: stored, it is the same
   * attribute the next start looks up. Not cancellable, and the window is
   * kept until it ends: the user asked for it (see close_request). */
  rolo_account_store_save_async (rolo_client_get_base_url (self->test_client), keys,
                                 NULL, save_cb, g_object_ref (self));
}

static void
disconnect_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RoloPreferences) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean cleared = rolo_account_store_clear_finish (result, &error);

  if (self->disposed)
    return;
  if (!cleared)
    {
      rolo_preferences_busy_failed (self, _("Keys Not Removed"), error);
      return;
    }

  self->busy = FALSE;
  rolo_preferences_set_connected (self, NULL);
  g_signal_emit (self, signals[DISCONNECTED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
disconnect_response_cb (RoloPreferences *self,
                        const char      *response)
{
  if (!g_str_equal (response, "disconnect") || self->busy)
    return;

  self->busy = TRUE;
  rolo_preferences_update_actions (self);
  rolo_account_store_clear_async (NULL, disconnect_cb, g_object_ref (self));
}

static void
disconnect_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RoloPreferences *self = ROLO_PREFERENCES (widget);
  GtkWidget *dialog;

  dialog = rolo_alert_new (_("Disconnect Workspace?"),
                           _("The API keys are removed from your keyring. To connect again "
                             "you need a key pair; YSUITE shows a secret key only once, when "
                             "it is created."));
  rolo_alert_add_choice (dialog, "cancel", _("_Cancel"), "disconnect", _("_Disconnect"),
                         ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (disconnect_response_cb), self,
                           G_CONNECT_SWAPPED);
  rolo_alert_present (dialog, GTK_WIDGET (self));
}

/* Any change makes the last test's answer stale. */
static void
field_changed_cb (RoloPreferences *self)
{
  if (self->busy)
    return;

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  g_clear_object (&self->test_client);
  self->test_state = TEST_NONE;
  rolo_preferences_show_result (self, NULL, NULL, NULL);
  rolo_preferences_update_actions (self);
}

/* Closing while the keys are being saved or removed hides the window; it
 * goes when the keyring has answered and the application has been told. */
static gboolean
rolo_preferences_close_request (GtkWindow *window)
{
  RoloPreferences *self = ROLO_PREFERENCES (window);

  if (self->busy)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (rolo_preferences_parent_class)->close_request (window);
}

/* What destroy-with-parent would do, except during a keyring call. */
static void
parent_destroyed_cb (RoloPreferences *self)
{
  if (self->busy)
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
rolo_preferences_dispose (GObject *object)
{
  RoloPreferences *self = ROLO_PREFERENCES (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->test_client);

  gtk_widget_dispose_template (GTK_WIDGET (self), ROLO_TYPE_PREFERENCES);

  G_OBJECT_CLASS (rolo_preferences_parent_class)->dispose (object);
}

static void
rolo_preferences_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RoloPreferences *self = ROLO_PREFERENCES (object);

  switch (prop_id)
    {
    case PROP_RESULT_TITLE:
      g_value_set_string (value, rolo_preferences_get_result_title (self));
      break;
    case PROP_RESULT_DESCRIPTION:
      g_value_set_string (value, rolo_preferences_get_result_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_preferences_class_init (RoloPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rolo_preferences_dispose;
  window_class->close_request = rolo_preferences_close_request;
  object_class->get_property = rolo_preferences_get_property;

  properties[PROP_RESULT_TITLE] =
    g_param_spec_string ("result-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESULT_DESCRIPTION] =
    g_param_spec_string ("result-description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACCOUNT_SAVED] =
    g_signal_new ("account-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ROLO_TYPE_CLIENT);
  signals[DISCONNECTED] =
    g_signal_new ("disconnected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ROLO_TYPE_CONTACTS_PAGE);
  /* A dialog over the window, for screen readers too (not a bare window). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/rolo-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, RoloPreferences, environment_group);
  gtk_widget_class_bind_template_child (widget_class, RoloPreferences, server_row);
  gtk_widget_class_bind_template_child (widget_class, RoloPreferences, access_key_row);
  gtk_widget_class_bind_template_child (widget_class, RoloPreferences, secret_key_row);
  gtk_widget_class_bind_template_child (widget_class, RoloPreferences, result_group);
  gtk_widget_class_bind_template_child (widget_class, RoloPreferences, result_row);
  gtk_widget_class_bind_template_child (widget_class, RoloPreferences, result_icon);
  gtk_widget_class_bind_template_child (widget_class, RoloPreferences, result_spinner);
  gtk_widget_class_bind_template_child (widget_class, RoloPreferences, save_anyway_button);
  gtk_widget_class_bind_template_child (widget_class, RoloPreferences, account_group);
  gtk_widget_class_bind_template_child (widget_class, RoloPreferences, account_row);
  gtk_widget_class_bind_template_child (widget_class, RoloPreferences, contacts_page);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "prefs.test", NULL, test_action);
  gtk_widget_class_install_action (widget_class, "prefs.save", NULL, save_action);
  /* After a failed test: the user knows better (a server that is down for now). */
  gtk_widget_class_install_action (widget_class, "prefs.save-anyway", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "prefs.disconnect", NULL, disconnect_action);
}

static void
rolo_preferences_init (RoloPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  rolo_preferences_update_actions (self);
}

/**
 * rolo_preferences_new:
 * @parent: (nullable): the window it belongs to
 * @server: (nullable): the server address to show; %NULL for api.ysuite.org
 *
 * Returns: (transfer floating): a new preferences window, keys empty
 */
RoloPreferences *
rolo_preferences_new (GtkWindow  *parent,
                      const char *server)
{
  RoloPreferences *self = g_object_new (ROLO_TYPE_PREFERENCES,
                                        "transient-for", parent,
                                        /* Also when no AT context says so. */
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                        NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->server_row),
                         server != NULL && *server != '\0' ? server : "https://api.ysuite.org");
  /* Not the server, which few change: a paste there would replace it. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->access_key_row));
  if (parent != NULL)
    {
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
      g_signal_connect_object (parent, "destroy", G_CALLBACK (parent_destroyed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  return self;
}

void
rolo_preferences_set_keys (RoloPreferences       *self,
                           const RoloAccountKeys *keys)
{
  g_return_if_fail (ROLO_IS_PREFERENCES (self));

  gtk_editable_set_text (GTK_EDITABLE (self->access_key_row),
                         keys != NULL ? keys->access_key : "");
  gtk_editable_set_text (GTK_EDITABLE (self->secret_key_row),
                         keys != NULL ? keys->secret_key : "");
}

void
rolo_preferences_set_connected (RoloPreferences *self,
                                const char      *server)
{
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (ROLO_IS_PREFERENCES (self));

  self->connected = server != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->account_group), self->connected);
  if (server != NULL)
    {
      name = rolo_preferences_dup_server_name (server);
      /* Translators: under "Keys Stored in Your Keyring"; %s is the server's host name,
       * e.g. api.ysuite.org. */
      subtitle = g_markup_printf_escaped (_("For %s"), name);
    }
  adw_action_row_set_subtitle (self->account_row, subtitle != NULL ? subtitle : "");
  rolo_preferences_update_actions (self);
}

void
rolo_preferences_set_tag_names (RoloPreferences *self,
                                RoloTagNames    *names)
{
  g_return_if_fail (ROLO_IS_PREFERENCES (self));

  rolo_contacts_page_set_tag_names (self->contacts_page, names);
}

void
rolo_preferences_set_environment_in_use (RoloPreferences *self,
                                         gboolean         in_use)
{
  g_return_if_fail (ROLO_IS_PREFERENCES (self));

  gtk_widget_set_visible (GTK_WIDGET (self->environment_group), in_use);
}

const char *
rolo_preferences_get_result_title (RoloPreferences *self)
{
  g_return_val_if_fail (ROLO_IS_PREFERENCES (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->result_group)))
    return NULL;
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->result_row));
}

/* In Pango markup, as shown. */
const char *
rolo_preferences_get_result_description (RoloPreferences *self)
{
  g_return_val_if_fail (ROLO_IS_PREFERENCES (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->result_group)))
    return NULL;
  return adw_action_row_get_subtitle (self->result_row);
}
