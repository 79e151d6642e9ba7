/* rolo-tag-completion.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-tag-completion.h"

/* Enough to choose from without scrolling far. */
#define MAX_OFFERED 50

struct _RoloTagCompletion
{
  GObject       parent_instance;

  GtkWidget    *entry;      /* weak: the popover lives on it */
  GtkPopover   *popover;
  GtkListBox   *list;
  RoloTagNames *names;
  GArray       *excluded;   /* gint64 */
  GArray       *offered;    /* gint64, as the list's rows */
  gboolean      picking;    /* the entry is cleared by the pick */
};

G_DEFINE_FINAL_TYPE (RoloTagCompletion, rolo_tag_completion, G_TYPE_OBJECT)

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_excluded (RoloTagCompletion *self,
             gint64             id)
{
  for (guint i = 0; i < self->excluded->len; i++)
    if (g_array_index (self->excluded, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static GtkWidget *
offer_row_new (RoloTagCompletion *self,
               gint64             id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  /* Translators: %s is a tag's number, shown beside its name */
  g_autofree char *tag = g_strdup_printf (_("Tag %s"), number);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (rolo_tag_names_lookup (self->names, id));
  GtkWidget *id_label = gtk_label_new (tag);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (id_label, "dim-label");
  gtk_widget_add_css_class (id_label, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), id_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rolo_tag_names_lookup (self->names, id), -1);
  return row;
}

/* Offers what matches @text; @all offers every named tag for "". */
static void
rolo_tag_completion_update (RoloTagCompletion *self,
                            gboolean           all)
{
  g_autoptr(GArray) matches = NULL;
  const char *text;
  GtkWidget *child;

  g_array_set_size (self->offered, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->entry == NULL || self->names == NULL)
    {
      gtk_popover_popdown (self->popover);
      return;
    }

  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  /* A number is a tag of its own; nothing to complete. */
  if ((*text == '\0' && !all) || g_ascii_isdigit (*text))
    {
      gtk_popover_popdown (self->popover);
      return;
    }

  matches = rolo_tag_names_match (self->names, text, MAX_OFFERED);
  for (guint i = 0; i < matches->len; i++)
    {
      gint64 id = g_array_index (matches, gint64, i);

      if (is_excluded (self, id))
        continue;
      g_array_append_val (self->offered, id);
      gtk_list_box_append (self->list, offer_row_new (self, id));
    }

  if (self->offered->len == 0)
    gtk_popover_popdown (self->popover);
  else if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popup (self->popover);
}

static void
entry_changed_cb (RoloTagCompletion *self)
{
  if (!self->picking)
    rolo_tag_completion_update (self, FALSE);
}

static void
row_activated_cb (RoloTagCompletion *self,
                  GtkListBoxRow     *row)
{
  int index = gtk_list_box_row_get_index (row);
  gint64 id;

  if (index < 0 || (guint) index >= self->offered->len)
    return;

  id = g_array_index (self->offered, gint64, index);
  self->picking = TRUE;
  gtk_popover_popdown (self->popover);
  if (self->entry != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
      gtk_widget_grab_focus (self->entry);
    }
  self->picking = FALSE;
  g_signal_emit (self, signals[PICKED], 0, id);
}

/* Down goes into the list (offering every tag when nothing is typed). */
static gboolean
entry_key_pressed_cb (RoloTagCompletion     *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    rolo_tag_completion_update (self, TRUE);
  first = gtk_list_box_get_row_at_index (self->list, 0);
  if (first == NULL)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (GTK_WIDGET (first));
  return GDK_EVENT_STOP;
}

/* The list goes with the focus, unless the focus went into it. */
static gboolean
close_if_left_cb (gpointer user_data)
{
  RoloTagCompletion *self = user_data;
  GtkRoot *root = self->entry != NULL ? gtk_widget_get_root (self->entry) : NULL;
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || (focus != self->entry && !gtk_widget_is_ancestor (focus, self->entry)))
    gtk_popover_popdown (self->popover);
  return G_SOURCE_REMOVE;
}

static void
focus_left_cb (RoloTagCompletion *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, close_if_left_cb, g_object_ref (self), g_object_unref);
}

/* The popover is the entry's child: it goes before the entry does, even
 * when something (a pending idle) still holds the completion. */
static void
drop_entry (RoloTagCompletion *self)
{
  if (self->entry == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->entry, self);
  gtk_widget_unparent (GTK_WIDGET (self->popover));
  g_clear_weak_pointer (&self->entry);
}

static void
rolo_tag_completion_dispose (GObject *object)
{
  RoloTagCompletion *self = ROLO_TAG_COMPLETION (object);

  drop_entry (self);
  g_clear_object (&self->popover);
  g_clear_object (&self->names);

  G_OBJECT_CLASS (rolo_tag_completion_parent_class)->dispose (object);
}

static void
rolo_tag_completion_finalize (GObject *object)
{
  RoloTagCompletion *self = ROLO_TAG_COMPLETION (object);

  g_array_unref (self->excluded);
  g_array_unref (self->offered);

  G_OBJECT_CLASS (rolo_tag_completion_parent_class)->finalize (object);
}

static void
rolo_tag_completion_class_init (RoloTagCompletionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rolo_tag_completion_dispose;
  object_class->finalize = rolo_tag_completion_finalize;

  signals[PICKED] =
    g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
rolo_tag_completion_init (RoloTagCompletion *self)
{
  self->excluded = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->offered = g_array_new (FALSE, FALSE, sizeof (gint64));
}

RoloTagCompletion *
rolo_tag_completion_new (GtkWidget *entry)
{
  RoloTagCompletion *self;
  GtkWidget *scrolled;
  GtkEventController *keys, *focus;

  g_return_val_if_fail (GTK_IS_EDITABLE (entry), NULL);

  self = g_object_new (ROLO_TYPE_TAG_COMPLETION, NULL);
  g_set_weak_pointer (&self->entry, entry);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Named tags"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));

  /* Typing goes on in the entry while the list shows. */
  self->popover = g_object_ref_sink (GTK_POPOVER (gtk_popover_new ()));
  gtk_popover_set_autohide (self->popover, FALSE);
  gtk_popover_set_has_arrow (self->popover, FALSE);
  gtk_popover_set_position (self->popover, GTK_POS_BOTTOM);
  gtk_widget_set_halign (GTK_WIDGET (self->popover), GTK_ALIGN_START);
  gtk_popover_set_child (self->popover, scrolled);
  gtk_widget_set_parent (GTK_WIDGET (self->popover), entry);

  g_signal_connect_object (entry, "changed", G_CALLBACK (entry_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "destroy", G_CALLBACK (drop_entry), self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  /* Before the text inside, which keeps Down for itself. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (entry, keys);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (entry, focus);

  return self;
}

void
rolo_tag_completion_set_names (RoloTagCompletion *self,
                               RoloTagNames      *names)
{
  g_return_if_fail (ROLO_IS_TAG_COMPLETION (self));
  g_return_if_fail (names == NULL || ROLO_IS_TAG_NAMES (names));

  g_set_object (&self->names, names);
}

void
rolo_tag_completion_set_excluded (RoloTagCompletion *self,
                                  const gint64      *ids,
                                  gsize              n_ids)
{
  g_return_if_fail (ROLO_IS_TAG_COMPLETION (self));

  g_array_set_size (self->excluded, 0);
  g_array_append_vals (self->excluded, ids, n_ids);
}

gboolean
rolo_tag_completion_is_shown (RoloTagCompletion *self)
{
  g_return_val_if_fail (ROLO_IS_TAG_COMPLETION (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->popover));
}

GArray *
rolo_tag_completion_dup_offered (RoloTagCompletion *self)
{
  GArray *copy;

  g_return_val_if_fail (ROLO_IS_TAG_COMPLETION (self), NULL);

  copy = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (copy, self->offered->data, self->offered->len);
  return copy;
}
