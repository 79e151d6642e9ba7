/* rolo-window-private.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rolo-bulk-edit.h"
#include "rolo-contact-editor.h"
#include "rolo-contact-list.h"
#include "rolo-contact-view.h"
#include "rolo-delete-queue.h"
#include "rolo-offline-banner.h"
#include "rolo-saved-views.h"
#include "rolo-window.h"

G_BEGIN_DECLS

/* What the window shows: the table or a status page. Each is a child of the
 * template's stack, named as rolo_window_get_state() says it. */
typedef enum
{
  ROLO_WINDOW_PAGE_WELCOME,
  ROLO_WINDOW_PAGE_LOADING,
  ROLO_WINDOW_PAGE_BROWSE,
  ROLO_WINDOW_PAGE_EMPTY,
  ROLO_WINDOW_PAGE_NO_RESULTS,
  ROLO_WINDOW_PAGE_ERROR,
} RoloWindowPage;

struct _RoloWindow
{
  AdwApplicationWindow  parent_instance;

  GtkSearchEntry       *search_entry;
  GtkStack             *title_stack;   /* the search, or the title without a list */
  GtkWidget            *type_filter_box;
  GtkMenuButton        *type_filter_menu_button; /* in its place when narrow */
  GtkWidget            *new_contact_button;
  GtkWidget            *refresh_button;
  GtkLabel             *count_label;
  GtkSpinner           *spinner;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *loading_page;
  AdwStatusPage        *no_results_page;
  AdwStatusPage        *error_page;
  GtkWidget            *clear_search_button;
  GtkWidget            *show_all_button;
  GtkWidget            *retry_button;
  GtkWidget            *reconnect_button;
  GtkRevealer          *sample_strip;
  RoloOfflineBanner    *offline_banner;
  RoloContactView      *contact_view;

  GSettings            *settings;
  RoloClient           *client;
  RoloContactList      *contacts;
  RoloWindowPage        page;          /* the stack's visible child */
  RoloContactType       type_filter;
  AdwToast             *toast;         /* the one shown, if any */
  gint64                toasts_changed_at; /* see rolo_window_dismiss_toast() */
  gboolean              list_shown_once;   /* the list had the focus once */
  gboolean              retrying;      /* asked again from the error page */

  RoloDeleteQueue      *delete_queue;  /* of the contacts shown */
  AdwToast             *delete_toast;  /* offers to undo the pending deletes */
  char                 *delete_name;   /* of the first pending delete */
  AdwToast             *delete_error_toast;
  guint                 n_delete_errors; /* said by delete_error_toast */
  GCancellable         *cancellable;
  gboolean              flushing;      /* closing once the deletes are sent */
  gboolean              may_close;     /* the deletes are sent or given up */
  gint64                select_id;     /* saved in the editor: selected once shown */
  RoloTagNames         *tag_names;     /* of the workspace shown, made when asked */
  gboolean              compact;       /* narrow: the header bar keeps the search usable */
  gboolean              narrow;        /* narrower: the table drops its lesser columns */
  gboolean              narrowest;     /* narrowest: the name and one detail */
  guint                 compact_id;
  GFile                *exported;      /* the last export, for Show in Files */
  GArray               *imported;      /* gint64: the last import's, for Undo */

  /* rolo-window-views.c */
  GtkMenuButton        *views_button;
  GMenu                *views_section; /* of the main menu */
  GMenu                *views_submenu; /* in it: the views, and saving one */
  RoloSavedViews       *saved_views;   /* NULL without settings */
  int                   active_view;   /* the position of the view shown, or -1 */
  RoloSavedView        *view_shown;    /* its state as opened or saved: changed since? */
  gboolean              applying_view; /* its parts ask for one query, not four */
  RoloSavedView        *deleted_view;  /* for Undo */
  guint                 deleted_position;

  /* rolo-window-bulk-edit.c */
  RoloBulkEdit         *bulk_edit;     /* the last bulk edit, for Undo */
};

/* rolo-window.c */
void     rolo_window_show_toast        (RoloWindow     *self,
                                        const char     *title,
                                        const char     *button_label,
                                        const char     *action_name);
void     rolo_window_update_query      (RoloWindow     *self);
void     rolo_window_update_actions    (RoloWindow     *self);
void     rolo_window_update_count      (RoloWindow     *self);
void     rolo_window_notify_status     (RoloWindow     *self,
                                        gboolean        state_changed);
/* The overlay's toasts change only through these two (libadwaita 1.2: see
 * rolo-window.c); the dismissal clears *@toast_ptr at once. */
void     rolo_window_add_toast         (RoloWindow     *self,
                                        AdwToast       *toast);
void     rolo_window_dismiss_toast     (RoloWindow     *self,
                                        AdwToast      **toast_ptr);

/* rolo-window-deletes.c: deleting with Undo, and closing once they are sent */
/* Hides @contacts (RoloContact) at once and offers to undo; nothing is
 * sent before the toast goes. */
void     rolo_window_delete_contacts   (RoloWindow     *self,
                                        GPtrArray      *contacts);
void     rolo_window_undo_delete       (RoloWindow     *self);
/* The queue of the contacts shown (NULL: none); the old one's deletes go. */
void     rolo_window_set_delete_queue  (RoloWindow     *self,
                                        RoloDeleteQueue *queue);
gboolean rolo_window_has_unsent_deletes (RoloWindow    *self);
/* Sends what is pending, waiting a bounded time; closes when it is done. */
void     rolo_window_flush_and_close   (RoloWindow     *self);

/* rolo-window-pages.c: the status pages and which one shows */
gboolean rolo_window_account_refused   (RoloWindow     *self);
/* Shows the search, type filter and Refresh where there is a list, and in
 * their narrow form in a narrow window. */
void     rolo_window_update_list_tools (RoloWindow     *self);
/* Whether a list shows, with its search, type filter and Refresh. */
gboolean rolo_window_shows_list        (RoloWindow     *self);
void     rolo_window_set_page          (RoloWindow     *self,
                                        RoloWindowPage  page);
/* Shows what the list's progress calls for. */
void     rolo_window_sync              (RoloWindow     *self);
void     rolo_window_show_connecting   (RoloWindow     *self);
void     rolo_window_reload            (RoloWindow     *self);

/* rolo-window-files.c: Import… and Export… */
void     rolo_window_class_add_file_actions (GtkWidgetClass *widget_class);
/* The contacts selected and loaded, as copies. */
GPtrArray *rolo_window_dup_selected     (RoloWindow     *self);

/* rolo-window-views.c: saved views (search, type filter, sort, columns) */
void     rolo_window_class_add_view_actions (GtkWidgetClass *widget_class);
void     rolo_window_init_views        (RoloWindow     *self);
void     rolo_window_dispose_views     (RoloWindow     *self);
/* The title and the Saved Views button follow the view shown, and the
 * window's width. */
void     rolo_window_update_views      (RoloWindow     *self);

/* rolo-window-bulk-edit.c: Edit Selected Contacts and its Undo */
void     rolo_window_class_add_bulk_edit_actions (GtkWidgetClass *widget_class);
void     rolo_window_update_bulk_edit_actions    (RoloWindow     *self);

/* rolo-window-trace.c: marks for the benchmarks, with ROLO_TRACE set */
void     rolo_window_trace_attach      (RoloWindow     *self);
void     rolo_window_trace_sync        (RoloWindow     *self);

/* rolo-window-actions.c */
/* Opens the contact editor over the window (id 0: a new contact). */
void     rolo_window_open_editor       (RoloWindow     *self,
                                        gint64          id);
void     rolo_window_class_add_actions (GtkWidgetClass *widget_class);
RoloContactEditor *rolo_window_find_editor (RoloWindow *self);

G_END_DECLS
