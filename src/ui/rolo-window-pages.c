/* rolo-window-pages.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window's status pages: which one shows (the "state"), and their words. */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "rolo-error-text.h"
#include "rolo-window-private.h"

/* The stack's child names, which are also the "state" property's values. */
static const char * const page_names[] = {
  [ROLO_WINDOW_PAGE_WELCOME] = "welcome",
  [ROLO_WINDOW_PAGE_LOADING] = "loading",
  [ROLO_WINDOW_PAGE_BROWSE] = "browse",
  [ROLO_WINDOW_PAGE_EMPTY] = "empty",
  [ROLO_WINDOW_PAGE_NO_RESULTS] = "no-results",
  [ROLO_WINDOW_PAGE_ERROR] = "error",
};

static AdwStatusPage *
rolo_window_get_visible_page (RoloWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  return ADW_IS_STATUS_PAGE (page) ? ADW_STATUS_PAGE (page) : NULL;
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
rolo_window_fill_no_results_page (RoloWindow *self)
{
  RoloContactQuery *query = rolo_contact_list_get_query (self->contacts);
  const char *search = rolo_contact_query_get_search (query);
  RoloContactType type = rolo_contact_query_get_contact_type (query);
  g_autofree char *description = NULL;

  if (*search == '\0')
    description = g_strdup (type == ROLO_CONTACT_TYPE_BUSINESS
                            ? _("This workspace has no businesses.")
                            : _("This workspace has no individuals."));
  else if (type == ROLO_CONTACT_TYPE_BUSINESS)
    /* Translators: %s is what the user searched for. */
    description = g_markup_printf_escaped (_("No business matches “%s”."), search);
  else if (type == ROLO_CONTACT_TYPE_INDIVIDUAL)
    /* Translators: %s is what the user searched for. */
    description = g_markup_printf_escaped (_("No individual matches “%s”."), search);
  else
    /* Translators: %s is what the user searched for. */
    description = g_markup_printf_escaped (_("No contact matches “%s”. Try part of a name "
                                             "or an email address."), search);

  adw_status_page_set_description (self->no_results_page, description);
  gtk_widget_set_visible (self->clear_search_button, *search != '\0');
  gtk_widget_set_visible (self->show_all_button, type != ROLO_CONTACT_TYPE_ANY);
}

static void
rolo_window_fill_error_page (RoloWindow   *self,
                             const GError *error)
{
  g_autofree char *title = rolo_error_text_title (error);
  g_autofree char *description = rolo_error_text_description (error);
  g_autofree char *markup = g_markup_escape_text (description, -1);
  gboolean rejected = g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_UNAUTHORIZED);

  adw_status_page_set_icon_name (self->error_page, rolo_error_text_icon_name (error));
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, markup);
  gtk_widget_set_visible (self->retry_button, self->client != NULL);
  /* Keys refused, or none to use (the keyring could not give them). */
  gtk_widget_set_visible (self->reconnect_button, rejected || self->client == NULL);
  if (rejected)
    gtk_widget_remove_css_class (self->retry_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->retry_button, "suggested-action");
}

/* What the window shows follows the list: a table once the first answer has
 * rows, the reason when it has none. */
static RoloWindowPage
rolo_window_compute_page (RoloWindow *self)
{
  RoloContactQuery *query = rolo_contact_list_get_query (self->contacts);
  gboolean loading = rolo_contact_list_get_loading (self->contacts);

  /* Rejected keys or a missing add-on stop the whole workspace, not a page
   * of it: the rows on screen give way to what to do about it. */
  if (rolo_window_account_refused (self) && !loading && !self->retrying)
    return ROLO_WINDOW_PAGE_ERROR;

  if (rolo_contact_list_get_loaded (self->contacts))
    {
      self->retrying = FALSE;
      if (g_list_model_get_n_items (G_LIST_MODEL (self->contacts)) > 0)
        return ROLO_WINDOW_PAGE_BROWSE;
      if (*rolo_contact_query_get_search (query) != '\0' ||
          rolo_contact_query_get_contact_type (query) != ROLO_CONTACT_TYPE_ANY)
        return ROLO_WINDOW_PAGE_NO_RESULTS;
      return ROLO_WINDOW_PAGE_EMPTY;
    }

  /* The error stays on the list until the retry's answer. */
  if (rolo_contact_list_get_error (self->contacts) != NULL && !loading && !self->retrying)
    return ROLO_WINDOW_PAGE_ERROR;
  /* A new query keeps the page of the last one until its answer. */
  if (self->page == ROLO_WINDOW_PAGE_BROWSE || self->page == ROLO_WINDOW_PAGE_EMPTY ||
      self->page == ROLO_WINDOW_PAGE_NO_RESULTS)
    return self->page;
  return ROLO_WINDOW_PAGE_LOADING;
}

/* The list failed for a reason only the account can fix (401, 403). */
gboolean
rolo_window_account_refused (RoloWindow *self)
{
  const GError *error = self->contacts != NULL ? rolo_contact_list_get_error (self->contacts)
                                               : NULL;

  return g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_UNAUTHORIZED) ||
         g_error_matches (error, ROLO_CLIENT_ERROR, ROLO_CLIENT_ERROR_FORBIDDEN);
}

gboolean
rolo_window_shows_list (RoloWindow *self)
{
  /* "no-results" too: the search and filter that emptied it stay at hand. */
  return self->page == ROLO_WINDOW_PAGE_BROWSE || self->page == ROLO_WINDOW_PAGE_NO_RESULTS;
}

/* Without a list, nothing to search, filter or refresh: the header bar says
 * "Rolo", and typing does not start a search nobody can see. New Contact and
 * Refresh stay beside an empty workspace, for the first contact and for
 * contacts added elsewhere. */
void
rolo_window_update_list_tools (RoloWindow *self)
{
  gboolean shows_list = rolo_window_shows_list (self);
  GtkWidget *capture = shows_list ? GTK_WIDGET (self) : NULL;

  gtk_stack_set_visible_child_name (self->title_stack, shows_list ? "search" : "title");
  gtk_widget_set_visible (self->type_filter_box, shows_list && !self->compact);
  gtk_widget_set_visible (GTK_WIDGET (self->type_filter_menu_button),
                          shows_list && self->compact);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), !self->compact);
  /* Folded up, the button shows its icon only; narrower still, the search
   * needs its room: Ctrl+1…Ctrl+9 still open the views. */
  gtk_widget_set_visible (GTK_WIDGET (self->views_button),
                          shows_list && !self->narrow && self->saved_views != NULL);
  gtk_widget_set_visible (self->new_contact_button,
                          shows_list || self->page == ROLO_WINDOW_PAGE_EMPTY);
  /* Narrow, the search needs the room more: Refresh is in the main menu. */
  gtk_widget_set_visible (self->refresh_button,
                          (shows_list || self->page == ROLO_WINDOW_PAGE_EMPTY) && !self->compact);
  if (gtk_search_entry_get_key_capture_widget (self->search_entry) != capture)
    gtk_search_entry_set_key_capture_widget (self->search_entry, capture);
}

void
rolo_window_set_page (RoloWindow     *self,
                      RoloWindowPage  page)
{
  gboolean changed = page != self->page;
  GtkWidget *focus;

  self->page = page;
  /* Rows come at once, not faded in: on the cairo renderer a crossfade
   * paints both pages into offscreen surfaces, frame after frame. */
  gtk_stack_set_visible_child_full (self->stack, page_names[page],
                                    page == ROLO_WINDOW_PAGE_BROWSE
                                      ? GTK_STACK_TRANSITION_TYPE_NONE
                                      : GTK_STACK_TRANSITION_TYPE_CROSSFADE);

  /* Rows on screen: the list takes the focus, so the arrows, Enter and
   * Delete work at once — the first time unless the user is typing (GTK
   * gave the first button it found the focus while the page loaded), later
   * when the focus was nowhere or on a page that just went. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (changed && page == ROLO_WINDOW_PAGE_BROWSE &&
      (focus == NULL || !gtk_widget_is_drawable (focus) ||
       (!self->list_shown_once && !GTK_IS_EDITABLE (focus))))
    gtk_widget_grab_focus (GTK_WIDGET (rolo_contact_view_get_column_view (self->contact_view)));
  if (page == ROLO_WINDOW_PAGE_BROWSE)
    self->list_shown_once = TRUE;
  rolo_window_update_list_tools (self);
  rolo_window_update_actions (self);
  rolo_window_notify_status (self, changed);
}

void
rolo_window_sync (RoloWindow *self)
{
  RoloWindowPage page;

  rolo_window_update_count (self);
  page = rolo_window_compute_page (self);

  if (page == ROLO_WINDOW_PAGE_NO_RESULTS)
    rolo_window_fill_no_results_page (self);
  else if (page == ROLO_WINDOW_PAGE_ERROR)
    rolo_window_fill_error_page (self, rolo_contact_list_get_error (self->contacts));

  rolo_window_set_page (self, page);
  rolo_window_trace_sync (self);
}

void
rolo_window_show_connecting (RoloWindow *self)
{
  g_autofree char *server = rolo_window_dup_server_name (self);
  g_autofree char *description = NULL;

  /* Translators: %s is the server's host name. */
  description = g_strdup_printf (_("Connecting to %s…"), server);
  rolo_window_show_loading (self, description);
}

/* Asks again: the whole result set when nothing could be shown, else the
 * rows on screen, which stay while the answers come. */
void
rolo_window_reload (RoloWindow *self)
{
  if (self->contacts == NULL)
    return;

  if (self->page == ROLO_WINDOW_PAGE_ERROR)
    {
      self->retrying = TRUE;
      rolo_window_show_connecting (self);
    }
  rolo_contact_list_refresh (self->contacts);
  rolo_window_sync (self);
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
  rolo_window_set_page (self, ROLO_WINDOW_PAGE_LOADING);
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
  g_return_if_fail (ROLO_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  rolo_window_fill_error_page (self, error);
  rolo_window_set_page (self, ROLO_WINDOW_PAGE_ERROR);
}

const char *
rolo_window_get_state (RoloWindow *self)
{
  g_return_val_if_fail (ROLO_IS_WINDOW (self), NULL);

  return page_names[self->page];
}

/* NULL while the table shows. */
const char *
rolo_window_get_status_title (RoloWindow *self)
{
  AdwStatusPage *page;

  g_return_val_if_fail (ROLO_IS_WINDOW (self), NULL);

  page = rolo_window_get_visible_page (self);
  return page != NULL ? adw_status_page_get_title (page) : NULL;
}

/* The description as shown, in Pango markup; NULL while the table shows. */
const char *
rolo_window_get_status_description (RoloWindow *self)
{
  AdwStatusPage *page;

  g_return_val_if_fail (ROLO_IS_WINDOW (self), NULL);

  page = rolo_window_get_visible_page (self);
  return page != NULL ? adw_status_page_get_description (page) : NULL;
}
