/* rolo-window.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "rolo-error-text.h"
#include "rolo-window.h"

struct _RoloWindow
{
  AdwApplicationWindow  parent_instance;

  GtkStack             *stack;
  AdwStatusPage        *welcome_page;
  AdwStatusPage        *loading_page;
  AdwStatusPage        *connected_page;
  AdwStatusPage        *error_page;
  GtkWidget            *retry_button;

  GSettings            *settings;
  RoloClient           *client;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (RoloWindow, rolo_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STATE,
  PROP_STATUS_TITLE,
  PROP_STATUS_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Window state is a convenience: without an installed schema (running from
 * the build tree) the window simply does not remember its size. */
static GSettings *
rolo_window_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed; the window size is not remembered",
               APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
rolo_window_restore_size (RoloWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
rolo_window_save_size (RoloWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static AdwStatusPage *
rolo_window_get_visible_page (RoloWindow *self)
{
  return ADW_STATUS_PAGE (gtk_stack_get_visible_child (self->stack));
}

static void
rolo_window_update_actions (RoloWindow *self)
{
  gboolean loading = g_strcmp0 (rolo_window_get_state (self), "loading") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry",
                                 self->client != NULL && !loading);
}

static void
rolo_window_set_state (RoloWindow *self,
                       const char *state)
{
  gboolean changed = g_strcmp0 (rolo_window_get_state (self), state) != 0;

  gtk_stack_set_visible_child_name (self->stack, state);
  rolo_window_update_actions (self);

  /* The status texts change with the state, but also without it. */
  g_object_freeze_notify (G_OBJECT (self));
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_DESCRIPTION]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* "host" or "host:port", as the user would recognise it. */
static char *
rolo_window_dup_server_name (RoloWindow *self)
{
  const char *base_url = rolo_client_get_base_url (self->client);
  g_autoptr(GUri) uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  const char *host;

  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return g_strdup (base_url);
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf (strchr (host, ':') ? "[%s]:%d" : "%s:%d",
                            host, g_uri_get_port (uri));
  return g_strdup (host);
}

static void
rolo_window_show_connected (RoloWindow *self,
                            guint       n_contacts)
{
  g_autofree char *server = rolo_window_dup_server_name (self);
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", server);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: the window's status once the server
                                         * answered; %'u is the number of contacts in the
                                         * workspace, with thousands separators. */
                                        "Connected — %'u contact",
                                        "Connected — %'u contacts",
                                        n_contacts),
                           n_contacts);
  /* Translators: %s is the server's host name, in bold. */
  description = g_strdup_printf (_("Rolo is connected to the workspace at %s. "
                                   "Browsing and editing contacts come in the next "
                                   "version."),
                                 markup);

  adw_status_page_set_title (self->connected_page, title);
  adw_status_page_set_description (self->connected_page, description);
  rolo_window_set_state (self, "connected");
}

static gboolean
error_is_cancellation (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_CANCELLED);
}

static void
list_contacts_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RoloWindow) self = user_data;
  g_autoptr(RoloContactPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = rolo_client_list_contacts_finish (ROLO_CLIENT (source), result, &error);

  /* An answer for a client we no longer show, or for a window going away. */
  if (self->client != ROLO_CLIENT (source) || error_is_cancellation (error))
    return;

  if (page == NULL)
    rolo_window_show_error (self, error);
  else
    rolo_window_show_connected (self, rolo_contact_page_get_total_records (page));
}

static void
rolo_window_load (RoloWindow *self)
{
  g_autoptr(RoloContactQuery) query = rolo_contact_query_new ();
  g_autofree char *server = rolo_window_dup_server_name (self);
  g_autofree char *description = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Translators: %s is the server's host name. */
  description = g_strdup_printf (_("Connecting to %s…"), server);
  rolo_window_show_loading (self, description);

  /* One record is enough: the answer carries the total. */
  rolo_client_list_contacts_async (self->client, query, 0, 1, self->cancellable,
                                   list_contacts_cb, g_object_ref (self));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RoloWindow *self = ROLO_WINDOW (widget);

  if (self->client != NULL)
    rolo_window_load (self);
}

static gboolean
rolo_window_close_request (GtkWindow *window)
{
  rolo_window_save_size (ROLO_WINDOW (window));

  return GTK_WINDOW_CLASS (rolo_window_parent_class)->close_request (window);
}

static void
rolo_window_dispose (GObject *object)
{
  RoloWindow *self = ROLO_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), ROLO_TYPE_WINDOW);

  G_OBJECT_CLASS (rolo_window_parent_class)->dispose (object);
}

static void
rolo_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RoloWindow *self = ROLO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_STATE:
      g_value_set_string (value, rolo_window_get_state (self));
      break;
    case PROP_STATUS_TITLE:
      g_value_set_string (value, rolo_window_get_status_title (self));
      break;
    case PROP_STATUS_DESCRIPTION:
      g_value_set_string (value, rolo_window_get_status_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RoloWindow *self = ROLO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      rolo_window_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rolo_window_class_init (RoloWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rolo_window_dispose;
  object_class->get_property = rolo_window_get_property;
  object_class->set_property = rolo_window_set_property;
  window_class->close_request = rolo_window_close_request;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ROLO_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "welcome", "loading", "connected" or "error": what the window shows. */
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_TITLE] =
    g_param_spec_string ("status-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_DESCRIPTION] =
    g_param_spec_string ("status-description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rolo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, connected_page);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, retry_button);

  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
}

static void
rolo_window_init (RoloWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = rolo_window_settings_new ();
  rolo_window_restore_size (self);
  rolo_window_set_state (self, "welcome");
}

RoloWindow *
rolo_window_new (RoloApplication *application)
{
  g_return_val_if_fail (ROLO_IS_APPLICATION (application), NULL);

  return g_object_new (ROLO_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

RoloClient *
rolo_window_get_client (RoloWindow *self)
{
  g_return_val_if_fail (ROLO_IS_WINDOW (self), NULL);

  return self->client;
}

/**
 * rolo_window_set_client:
 * @self: a #RoloWindow
 * @client: (nullable): the connection to show, or %NULL for none
 *
 * Shows @client's workspace: the window loads and then tells how many
 * contacts it holds, or why it could not. Without a client the window
 * welcomes the user and explains how to connect.
 */
void
rolo_window_set_client (RoloWindow *self,
                        RoloClient *client)
{
  g_return_if_fail (ROLO_IS_WINDOW (self));
  g_return_if_fail (client == NULL || ROLO_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  g_cancellable_cancel (self->cancellable);

  if (client != NULL)
    rolo_window_load (self);
  else
    rolo_window_set_state (self, "welcome");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

/**
 * rolo_window_show_loading:
 * @self: a #RoloWindow
 * @description: (nullable): what is being waited for
 *
 * Shows a spinner, e.g. while the application prepares a connection.
 */
void
rolo_window_show_loading (RoloWindow *self,
                          const char *description)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (ROLO_IS_WINDOW (self));

  if (description != NULL)
    markup = g_markup_escape_text (description, -1);
  adw_status_page_set_description (self->loading_page, markup);
  rolo_window_set_state (self, "loading");
}

/**
 * rolo_window_show_error:
 * @self: a #RoloWindow
 * @error: what went wrong
 *
 * Explains @error. When the window has a client, the user can retry.
 */
void
rolo_window_show_error (RoloWindow   *self,
                        const GError *error)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *markup = NULL;

  g_return_if_fail (ROLO_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  title = rolo_error_text_title (error);
  description = rolo_error_text_description (error);
  markup = g_markup_escape_text (description, -1);

  adw_status_page_set_icon_name (self->error_page, rolo_error_text_icon_name (error));
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, markup);
  gtk_widget_set_visible (self->retry_button, self->client != NULL);
  rolo_window_set_state (self, "error");
}

const char *
rolo_window_get_state (RoloWindow *self)
{
  g_return_val_if_fail (ROLO_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
rolo_window_get_status_title (RoloWindow *self)
{
  g_return_val_if_fail (ROLO_IS_WINDOW (self), NULL);

  return adw_status_page_get_title (rolo_window_get_visible_page (self));
}

/* The description as shown, in Pango markup. */
const char *
rolo_window_get_status_description (RoloWindow *self)
{
  g_return_val_if_fail (ROLO_IS_WINDOW (self), NULL);

  return adw_status_page_get_description (rolo_window_get_visible_page (self));
}
