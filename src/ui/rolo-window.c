/* rolo-window.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-error-text.h"
#include "rolo-toolbar.h"
#include "rolo-trace.h"
#include "rolo-window-private.h"

G_DEFINE_FINAL_TYPE (RoloWindow, rolo_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STATE,
  PROP_STATUS_TITLE,
  PROP_STATUS_DESCRIPTION,
  PROP_TYPE_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_CONTACT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rolo_window_restore_settings (RoloWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  rolo_contact_view_bind_settings (self->contact_view, self->settings);
  g_settings_bind (self->settings, "type-filter", self, "type-filter", G_SETTINGS_BIND_DEFAULT);
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

void
rolo_window_update_actions (RoloWindow *self)
{
  gboolean has_contacts = self->contacts != NULL;
  gboolean loading = self->page == ROLO_WINDOW_PAGE_LOADING;
  GtkSelectionModel *selection = rolo_contact_view_get_selection (self->contact_view);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  gboolean pending = self->delete_queue != NULL &&
                     rolo_delete_queue_get_n_pending (self->delete_queue) > 0;
  /* Offline, what would change the workspace waits: the banner says why. */
  gboolean offline = has_contacts && rolo_contact_list_get_offline (self->contacts);
  gboolean may_change = has_contacts && !offline;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry", has_contacts && !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", has_contacts && !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry-now", offline);
  /* Ctrl+F would focus a hidden entry. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search",
                                 has_contacts && rolo_window_shows_list (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.type-filter", has_contacts);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-contact", !offline);
  gtk_widget_set_tooltip_text (self->new_contact_button,
                               offline ? _("New Contact — unavailable while offline")
                                       : _("New Contact"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-selected",
                                 may_change && !self->flushing &&
                                 !gtk_bitset_is_empty (selected));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-delete",
                                 pending && !self->flushing);
  /* Export reads every record from the server. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", may_change);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", may_change && !self->flushing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-file",
                                 may_change && !self->flushing);
  rolo_window_update_bulk_edit_actions (self);
  if (offline)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-selected", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-bulk-edit", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-import", FALSE);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), has_contacts);
}

/* For rolo-window-pages.c, which changes what they read. */
void
rolo_window_notify_status (RoloWindow *self,
                           gboolean    state_changed)
{
  /* The status texts change with the state, but also without it. */
  g_object_freeze_notify (G_OBJECT (self));
  if (state_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_DESCRIPTION]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* The type filter's values, as the "type-filter" property, its action and
 * the setting of the same name say them. */
static const char * const type_filter_nicks[] = {
  [ROLO_CONTACT_TYPE_ANY] = "any",
  [ROLO_CONTACT_TYPE_INDIVIDUAL] = "individual",
  [ROLO_CONTACT_TYPE_BUSINESS] = "business",
};

/* Anything but a filter's nick is "any". */
static RoloContactType
type_filter_from_nick (const char *nick)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_filter_nicks); i++)
    if (g_strcmp0 (nick, type_filter_nicks[i]) == 0)
      return (RoloContactType) i;
  return ROLO_CONTACT_TYPE_ANY;
}

static RoloContactQuery *
rolo_window_build_query (RoloWindow *self)
{
  RoloContactQuery *query = rolo_contact_query_new ();
  g_autofree char *search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  RoloContactView *view = self->contact_view;

  rolo_contact_query_set_search (query, g_strstrip (search));
  rolo_contact_query_set_contact_type (query, self->type_filter);
  rolo_contact_query_set_sort_by (query, rolo_contact_view_get_sort_field (view));
  rolo_contact_query_set_sort_descending (query, rolo_contact_view_get_sort_descending (view));
  return query;
}

/* A new search, filter or sort is a new result set, asked of the server;
 * the list drops the answers still due for the old one. */
void
rolo_window_update_query (RoloWindow *self)
{
  g_autoptr(RoloContactQuery) query = NULL;

  if (self->contacts == NULL || self->applying_view)
    return;

  query = rolo_window_build_query (self);
  rolo_contact_list_set_query (self->contacts, query);
}

/* libadwaita 1.2 crashes a moment after a toast is dismissed while it is
 * still sliding in (its show animation, at most 500 ms, outlives the toast's
 * bookkeeping). A user who deletes a row and presses Ctrl+Z at once would hit
 * it, so the overlay's toasts change only through these two helpers: a
 * dismissal that comes too soon after the overlay last changed waits out the
 * animation. The caller's pointer is cleared at once, so to the window the
 * toast is gone immediately. */
#define TOAST_SETTLE_USEC (600 * G_TIME_SPAN_MILLISECOND)

static void
toast_changed_cb (RoloWindow *self)
{
  self->toasts_changed_at = g_get_monotonic_time ();
}

void
rolo_window_add_toast (RoloWindow *self,
                       AdwToast   *toast)
{
  self->toasts_changed_at = g_get_monotonic_time ();
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
dismiss_later_cb (gpointer user_data)
{
  adw_toast_dismiss (ADW_TOAST (user_data));
  return G_SOURCE_REMOVE;
}

void
rolo_window_dismiss_toast (RoloWindow  *self,
                           AdwToast   **toast_ptr)
{
  g_autoptr(AdwToast) toast = NULL;
  gint64 settled_at = self->toasts_changed_at + TOAST_SETTLE_USEC;
  gint64 now = g_get_monotonic_time ();

  if (*toast_ptr == NULL)
    return;

  toast = g_object_ref (*toast_ptr);
  g_clear_weak_pointer (toast_ptr);
  /* What this window meant by the toast is settled by the caller. */
  g_signal_handlers_disconnect_by_data (toast, self);

  if (now >= settled_at)
    {
      self->toasts_changed_at = now;
      adw_toast_dismiss (toast);
      return;
    }

  self->toasts_changed_at = settled_at;
  g_timeout_add_full (G_PRIORITY_DEFAULT,
                      (guint) ((settled_at - now) / G_TIME_SPAN_MILLISECOND) + 1,
                      dismiss_later_cb, g_steal_pointer (&toast), g_object_unref);
}

void
rolo_window_show_toast (RoloWindow *self,
                        const char *title,
                        const char *button_label,
                        const char *action_name)
{
  AdwToast *toast = adw_toast_new (title);

  /* One at a time: a new failure replaces the last word on the old one. */
  rolo_window_dismiss_toast (self, &self->toast);

  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
    }
  adw_toast_set_timeout (toast, 10);
  g_set_weak_pointer (&self->toast, toast);
  rolo_window_add_toast (self, toast);
}

void
rolo_window_update_count (RoloWindow *self)
{
  guint n_items;
  g_autofree char *text = NULL;
  gboolean loading = self->contacts != NULL && rolo_contact_list_get_loading (self->contacts);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->spinner, loading);

  /* While a new query loads, the last count stays: no flicker per keystroke. */
  if (self->contacts == NULL || !rolo_contact_list_get_loaded (self->contacts))
    {
      if (self->contacts == NULL)
        gtk_label_set_text (self->count_label, "");
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->contacts));
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the number of contacts shown, in the
                                        * header bar; %'u adds thousands separators. */
                                       "%'u contact", "%'u contacts", n_items),
                          n_items);
  gtk_label_set_text (self->count_label, text);
}

/* A failure after a retry is its answer, even the same failure again, which
 * the list reports without "failed": the error page comes back. */
static void
contacts_error_cb (RoloWindow      *self,
                   GParamSpec      *pspec,
                   RoloContactList *contacts)
{
  if (rolo_contact_list_get_error (contacts) != NULL)
    self->retrying = FALSE;
  rolo_window_sync (self);
}

/* Failures while rows are on screen are a toast: the rows stay usable. */
static void
contacts_failed_cb (RoloWindow      *self,
                    const GError    *error,
                    RoloContactList *contacts)
{
  g_autofree char *reason = NULL;
  g_autofree char *title = NULL;

  /* The error page says those (rolo_window_account_refused()), the
   * offline banner the rest. */
  if (rolo_contact_list_get_offline (contacts) || !rolo_contact_list_get_loaded (contacts) ||
      g_list_model_get_n_items (G_LIST_MODEL (contacts)) == 0 ||
      rolo_window_account_refused (self))
    return;

  reason = rolo_error_text_title (error);
  /* Translators: %s says why, e.g. "Cannot Reach the Server". */
  title = g_strdup_printf (_("Some contacts could not be loaded: %s"), reason);
  rolo_window_show_toast (self, title, _("_Retry"), "win.retry");
}

/* An editor open keeps what was typed; only its Save waits. */
static void
contacts_offline_cb (RoloWindow      *self,
                     GParamSpec      *pspec,
                     RoloContactList *contacts)
{
  RoloContactEditor *editor = rolo_window_find_editor (self);

  if (editor != NULL)
    rolo_contact_editor_set_offline (editor, rolo_contact_list_get_offline (contacts));
  rolo_window_update_actions (self);
}

static void
rolo_window_set_contacts (RoloWindow      *self,
                          RoloContactList *contacts)
{
  if (self->contacts != NULL)
    g_signal_handlers_disconnect_by_data (self->contacts, self);
  g_set_object (&self->contacts, contacts);
  self->retrying = FALSE;
  rolo_contact_view_set_model (self->contact_view, G_LIST_MODEL (contacts));
  rolo_offline_banner_set_contacts (self->offline_banner, contacts);

  if (contacts == NULL)
    {
      rolo_window_set_delete_queue (self, NULL);
      return;
    }

  {
    g_autoptr(RoloDeleteQueue) queue = rolo_delete_queue_new (contacts);

    rolo_window_set_delete_queue (self, queue);
  }

  g_signal_connect_object (contacts, "notify::loaded", G_CALLBACK (rolo_window_sync), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (contacts, "notify::loading", G_CALLBACK (rolo_window_sync), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (contacts, "notify::error", G_CALLBACK (contacts_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (contacts, "notify::n-items", G_CALLBACK (rolo_window_sync), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (contacts, "failed", G_CALLBACK (contacts_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (contacts, "notify::offline", G_CALLBACK (contacts_offline_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
search_changed_cb (RoloWindow *self)
{
  rolo_window_update_query (self);
}

/* Typing with the focus elsewhere starts a search (the entry captures the
 * window's keys), but GTK 4.8 leaves the focus where it was: the next space,
 * which the capture lets through, would then select a row or sort a column
 * instead of going into the search. The typing moves into the entry,
 * without selecting what it already holds. */
static void
search_started_cb (RoloWindow *self)
{
  GtkWidget *entry = GTK_WIDGET (self->search_entry);
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (entry));
  GtkRoot *root = gtk_widget_get_root (entry);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry)))
    return;
  if (GTK_IS_TEXT (text))
    gtk_text_grab_focus_without_selecting (GTK_TEXT (text));
  else
    gtk_widget_grab_focus (entry);
}

static void
stop_search_cb (RoloWindow *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (rolo_contact_view_get_column_view (self->contact_view)));
}

/* Enter in the search moves to the results, as in Files. */
static void
search_activate_cb (RoloWindow *self)
{
  if (self->page == ROLO_WINDOW_PAGE_BROWSE)
    gtk_widget_grab_focus (GTK_WIDGET (rolo_contact_view_get_column_view (self->contact_view)));
}

static void
sort_changed_cb (RoloWindow *self)
{
  rolo_window_update_query (self);
}

/* Column headers cannot take the keyboard focus in GTK 4.8, so the main
 * menu offers the same sort ("sort.field", a column's nick, and
 * "sort.descending"). */
static void
rolo_window_add_sort_actions (RoloWindow *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GPropertyAction) field = g_property_action_new ("field", self->contact_view,
                                                             "sort-field");
  g_autoptr(GPropertyAction) descending = g_property_action_new ("descending",
                                                                  self->contact_view,
                                                                  "sort-descending");

  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (field));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (descending));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "sort", G_ACTION_GROUP (group));
}

/* Below this width the three type buttons become one menu and the count
 * goes, so that the search keeps room to type in; at the second the table
 * leaves out its lesser columns, at the third it keeps the name and one
 * detail. */
#define COMPACT_WIDTH   840
#define NARROW_WIDTH    500
#define NARROWEST_WIDTH 400

/* AdwBreakpoint (libadwaita 1.4) tells when the window crosses them; before,
 * its own allocation does. */
#define HAS_ADW_BREAKPOINT ADW_CHECK_VERSION (1, 4, 0)

static gboolean
compact_changed_cb (gpointer user_data)
{
  RoloWindow *self = user_data;

  self->compact_id = 0;
  rolo_window_update_list_tools (self);
  rolo_window_update_views (self);
  rolo_contact_view_set_width (self->contact_view,
                               self->narrowest ? ROLO_CONTACT_VIEW_NARROWEST
                               : self->narrow  ? ROLO_CONTACT_VIEW_NARROW
                                               : ROLO_CONTACT_VIEW_WIDE);
  return G_SOURCE_REMOVE;
}

/* @level: 0 wide, 1 compact, 2 narrow, 3 narrowest. @now: a breakpoint
 * changed, which libadwaita lets change what the window asks for before it
 * allocates; otherwise the window is allocating, and it waits. */
static void
rolo_window_set_width_level (RoloWindow *self,
                             guint       level,
                             gboolean    now)
{
  if ((level >= 1) == self->compact && (level >= 2) == self->narrow &&
      (level >= 3) == self->narrowest)
    return;

  self->compact = level >= 1;
  self->narrow = level >= 2;
  self->narrowest = level >= 3;
  if (now)
    {
      g_clear_handle_id (&self->compact_id, g_source_remove);
      compact_changed_cb (self);
    }
  else if (self->compact_id == 0)
    self->compact_id = g_idle_add (compact_changed_cb, self);
}

#if HAS_ADW_BREAKPOINT

static void
breakpoint_changed_cb (RoloWindow *self)
{
  AdwBreakpoint *current =
    adw_application_window_get_current_breakpoint (ADW_APPLICATION_WINDOW (self));

  rolo_window_set_width_level (self, current != NULL
                                       ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (current),
                                                                              "rolo-level"))
                                       : 0,
                               TRUE);
}

/* The narrower last: of those that apply, the last added wins. */
static void
rolo_window_add_breakpoints (RoloWindow *self)
{
  const double max_widths[] = { COMPACT_WIDTH - 1, NARROW_WIDTH, NARROWEST_WIDTH };

  for (guint i = 0; i < G_N_ELEMENTS (max_widths); i++)
    {
      AdwBreakpoint *breakpoint =
        adw_breakpoint_new (adw_breakpoint_condition_new_length (
                              ADW_BREAKPOINT_CONDITION_MAX_WIDTH, max_widths[i],
                              ADW_LENGTH_UNIT_PX));

      g_object_set_data (G_OBJECT (breakpoint), "rolo-level", GUINT_TO_POINTER (i + 1));
      adw_application_window_add_breakpoint (ADW_APPLICATION_WINDOW (self), breakpoint);
    }
  g_signal_connect (self, "notify::current-breakpoint", G_CALLBACK (breakpoint_changed_cb),
                    NULL);
}

#else

static void
rolo_window_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  RoloWindow *self = ROLO_WINDOW (widget);

  GTK_WIDGET_CLASS (rolo_window_parent_class)->size_allocate (widget, width, height, baseline);
  rolo_window_set_width_level (self,
                               width <= NARROWEST_WIDTH ? 3
                               : width <= NARROW_WIDTH  ? 2
                               : width < COMPACT_WIDTH  ? 1
                                                        : 0,
                               FALSE);
}

#endif

static void
rolo_window_update_type_filter_label (RoloWindow *self)
{
  const char *label;

  switch (self->type_filter)
    {
    case ROLO_CONTACT_TYPE_INDIVIDUAL:
      label = C_("contact type filter", "Individuals");
      break;
    case ROLO_CONTACT_TYPE_BUSINESS:
      label = C_("contact type filter", "Businesses");
      break;
    case ROLO_CONTACT_TYPE_ANY:
    default:
      label = C_("contact type filter", "All");
      break;
    }
  gtk_menu_button_set_label (self->type_filter_menu_button, label);
}

static gboolean
rolo_window_real_open_contact (RoloWindow *self,
                               gint64      id)
{
  rolo_window_open_editor (self, id);
  return TRUE;
}

static gboolean
rolo_window_close_request (GtkWindow *window)
{
  RoloWindow *self = ROLO_WINDOW (window);
  RoloContactEditor *editor = rolo_window_find_editor (self);

  /* What the user typed in an open editor is asked about first; after
   * Discard the editor closes the window again. */
  if (editor != NULL && rolo_contact_editor_close_then (editor, "window.close"))
    return TRUE;

  /* The deletes the user meant go before the window does. */
  if (!self->may_close && rolo_window_has_unsent_deletes (self))
    {
      rolo_window_flush_and_close (self);
      return TRUE;
    }

  rolo_window_save_size (self);

  return GTK_WINDOW_CLASS (rolo_window_parent_class)->close_request (window);
}

static void
rolo_window_dispose (GObject *object)
{
  RoloWindow *self = ROLO_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->compact_id, g_source_remove);
  g_clear_weak_pointer (&self->toast);
  if (self->delete_toast != NULL)
    g_signal_handlers_disconnect_by_data (self->delete_toast, self);
  g_clear_weak_pointer (&self->delete_toast);
  g_clear_weak_pointer (&self->delete_error_toast);
  if (self->delete_queue != NULL)
    g_signal_handlers_disconnect_by_data (self->delete_queue, self);
  g_clear_object (&self->delete_queue);
  if (self->contacts != NULL)
    g_signal_handlers_disconnect_by_data (self->contacts, self);
  g_clear_object (&self->contacts);
  g_clear_object (&self->client);
  g_clear_object (&self->tag_names);
  g_clear_object (&self->settings);
  g_clear_object (&self->exported);
  g_clear_pointer (&self->imported, g_array_unref);
  rolo_window_dispose_views (self);
  g_clear_object (&self->bulk_edit);

  gtk_widget_dispose_template (GTK_WIDGET (self), ROLO_TYPE_WINDOW);

  G_OBJECT_CLASS (rolo_window_parent_class)->dispose (object);
}

static void
rolo_window_finalize (GObject *object)
{
  RoloWindow *self = ROLO_WINDOW (object);

  g_free (self->delete_name);

  G_OBJECT_CLASS (rolo_window_parent_class)->finalize (object);
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
    case PROP_TYPE_FILTER:
      g_value_set_string (value, rolo_window_get_type_filter (self));
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
    case PROP_TYPE_FILTER:
      rolo_window_set_type_filter (self, g_value_get_string (value));
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
  object_class->finalize = rolo_window_finalize;
  object_class->get_property = rolo_window_get_property;
  object_class->set_property = rolo_window_set_property;
  window_class->close_request = rolo_window_close_request;
#if !HAS_ADW_BREAKPOINT
  widget_class->size_allocate = rolo_window_size_allocate;
#endif

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         ROLO_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "welcome", "loading", "browse", "empty", "no-results" or "error". */
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_TITLE] =
    g_param_spec_string ("status-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_DESCRIPTION] =
    g_param_spec_string ("status-description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The nick of a RoloContactType: "any", "individual" or "business". */
  properties[PROP_TYPE_FILTER] =
    g_param_spec_string ("type-filter", NULL, NULL, type_filter_nicks[ROLO_CONTACT_TYPE_ANY],
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_CONTACT] =
    g_signal_new_class_handler ("open-contact",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (rolo_window_real_open_contact),
                                g_signal_accumulator_true_handled, NULL,
                                NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_INT64);

  g_type_ensure (ROLO_TYPE_CONTACT_VIEW);
  g_type_ensure (ROLO_TYPE_OFFLINE_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/rolo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, type_filter_box);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, type_filter_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, new_contact_button);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, clear_search_button);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, reconnect_button);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, sample_strip);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, offline_banner);
  gtk_widget_class_bind_template_child (widget_class, RoloWindow, contact_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_started_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);

  rolo_window_class_add_actions (widget_class);
  rolo_window_class_add_file_actions (widget_class);
  rolo_window_class_add_view_actions (widget_class);
  rolo_window_class_add_bulk_edit_actions (widget_class);
}

static void
rolo_window_init (RoloWindow *self)
{
  /* Before the template: its filter buttons read the action's state. */
  self->type_filter = ROLO_CONTACT_TYPE_ANY;
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  rolo_toolbar_adopt (GTK_WIDGET (self));
#if HAS_ADW_BREAKPOINT
  rolo_window_add_breakpoints (self);
#endif

  rolo_window_update_type_filter_label (self);
  self->settings = rolo_application_new_settings ();
  rolo_window_restore_settings (self);
  rolo_window_init_views (self);

  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns",
                                  rolo_contact_view_get_column_actions (self->contact_view));
  rolo_window_add_sort_actions (self);
  g_signal_connect_object (self->contact_view, "notify::sort-field",
                           G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contact_view, "notify::sort-descending",
                           G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (rolo_contact_view_get_selection (self->contact_view),
                           "selection-changed", G_CALLBACK (rolo_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (rolo_contact_view_get_selection (self->contact_view),
                           "items-changed", G_CALLBACK (rolo_window_update_actions), self,
                           G_CONNECT_SWAPPED);
  rolo_window_set_page (self, ROLO_WINDOW_PAGE_WELCOME);
  rolo_window_trace_attach (self);
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
 * Shows @client's workspace: the window loads the first rows and shows them,
 * or why it could not. Without a client the window welcomes the user and
 * explains how to connect.
 */
void
rolo_window_set_client (RoloWindow *self,
                        RoloClient *client)
{
  g_autoptr(RoloContactList) contacts = NULL;
  g_autoptr(RoloContactQuery) query = NULL;

  g_return_if_fail (ROLO_IS_WINDOW (self));
  g_return_if_fail (client == NULL || ROLO_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    {
      /* Still no account, after looking for one: the welcome page. */
      if (client == NULL)
        rolo_window_set_page (self, ROLO_WINDOW_PAGE_WELCOME);
      return;
    }

  if (client != NULL)
    {
      rolo_trace_mark ("client-ready");
      query = rolo_window_build_query (self);
      /* The pages seen stay readable should the server go away; the sample
       * server, in this process and on a new port each time, never does. */
      contacts = rolo_contact_list_new_with_cache (client, query,
                                                   rolo_window_get_sample_mode (self)
                                                   ? NULL : rolo_page_cache_get_default ());
    }
  rolo_window_set_contacts (self, contacts);
  gtk_label_set_text (self->count_label, "");

  if (client != NULL)
    {
      rolo_window_show_connecting (self);
      rolo_window_sync (self);
    }
  else
    {
      rolo_window_update_count (self);
      rolo_window_set_page (self, ROLO_WINDOW_PAGE_WELCOME);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

GListModel *
rolo_window_get_contacts (RoloWindow *self)
{
  g_return_val_if_fail (ROLO_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->contacts);
}

const char *
rolo_window_get_count_text (RoloWindow *self)
{
  g_return_val_if_fail (ROLO_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->count_label);
}

const char *
rolo_window_get_type_filter (RoloWindow *self)
{
  g_return_val_if_fail (ROLO_IS_WINDOW (self), NULL);

  return type_filter_nicks[self->type_filter];
}

/* @type_filter: "any", "individual" or "business"; anything else is "any". */
void
rolo_window_set_type_filter (RoloWindow *self,
                             const char *type_filter)
{
  RoloContactType type;

  g_return_if_fail (ROLO_IS_WINDOW (self));

  type = type_filter_from_nick (type_filter);
  if (type == self->type_filter)
    return;

  self->type_filter = type;
  rolo_window_update_type_filter_label (self);
  rolo_window_update_query (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE_FILTER]);
}

const char *
rolo_window_get_offline_text (RoloWindow *self)
{
  g_return_val_if_fail (ROLO_IS_WINDOW (self), NULL);

  return rolo_offline_banner_get_text (self->offline_banner);
}

AdwToast *
rolo_window_get_delete_toast (RoloWindow *self)
{
  g_return_val_if_fail (ROLO_IS_WINDOW (self), NULL);

  return self->delete_toast;
}

void
rolo_window_set_sample_mode (RoloWindow *self,
                             gboolean    sample_mode)
{
  g_return_if_fail (ROLO_IS_WINDOW (self));

  gtk_revealer_set_reveal_child (self->sample_strip, sample_mode);
}

gboolean
rolo_window_get_sample_mode (RoloWindow *self)
{
  g_return_val_if_fail (ROLO_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->sample_strip);
}

RoloTagNames *
rolo_window_get_tag_names (RoloWindow *self)
{
  const char *account;

  g_return_val_if_fail (ROLO_IS_WINDOW (self), NULL);

  if (self->client == NULL)
    return NULL;

  /* The sample server moves from port to port: one account all the same. */
  account = rolo_window_get_sample_mode (self) ? "sample-data"
                                               : rolo_client_get_base_url (self->client);
  if (self->tag_names == NULL ||
      g_strcmp0 (rolo_tag_names_get_account (self->tag_names), account) != 0)
    {
      g_clear_object (&self->tag_names);
      self->tag_names = rolo_tag_names_new (self->settings, account);
    }
  return self->tag_names;
}
