/* rolo-contact-editor-tags.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "rolo-contact-editor-private.h"
#include "rolo-tag-completion.h"
#include "rolo-bidi.h"

/* A tag as a chip: its name where the user gave it one, else its number. */
static GtkWidget *
tag_chip_new (RoloContactEditor *self,
              gint64             tag_id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, tag_id);
  g_autofree char *text = rolo_tag_names_format (self->tag_names, tag_id);
  /* Translators: %s is a tag's name, or its number ("#12") */
  g_autofree char *remove_label = g_strdup_printf (_("Remove Tag %s"), text);
  /* Translators: %s is a tag's number */
  g_autofree char *tooltip = g_strdup_printf (_("Tag %s"), number);
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  g_autofree char *shown = rolo_bidi_isolate (text);
  GtkWidget *label = gtk_label_new (shown);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_add_css_class (chip, "card");
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (chip, tooltip);
  gtk_widget_set_margin_start (label, 10);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.remove-tag");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", tag_id);
  gtk_box_append (GTK_BOX (chip), label);
  gtk_box_append (GTK_BOX (chip), button);

  return chip;
}

void
rolo_contact_editor_update_tags (RoloContactEditor *self)
{
  gsize n_tags = 0;
  const gint64 *tags;
  GtkWidget *child;

  if (self->contact == NULL)
    return;

  tags = rolo_contact_get_tag_ids (self->contact, &n_tags);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);

  for (gsize i = 0; i < n_tags; i++)
    gtk_flow_box_append (self->tags_box, tag_chip_new (self, tags[i]));

  gtk_widget_set_visible (self->tags_row, n_tags > 0);
  rolo_tag_completion_set_excluded (self->tag_completion, tags, n_tags);
}

static void
rolo_contact_editor_add_tag (RoloContactEditor *self,
                             gint64             tag_id)
{
  g_autoptr(GArray) tags = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *current;
  gsize n_current = 0;

  current = rolo_contact_get_tag_ids (self->contact, &n_current);
  for (gsize i = 0; i < n_current; i++)
    if (current[i] == tag_id)
      return;

  g_array_append_vals (tags, current, n_current);
  g_array_append_val (tags, tag_id);
  rolo_contact_set_tag_ids (self->contact, (const gint64 *) (gconstpointer) tags->data, tags->len);
  rolo_contact_editor_update_tags (self);
  rolo_contact_editor_field_changed (self, ROLO_FIELD_TAGS);
}

/* A tag by its number, or by a name given in Preferences. */
static void
tag_apply_cb (RoloContactEditor *self,
              AdwEntryRow       *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  gint64 tag_id = 0;

  if (self->contact == NULL || text[0] == '\0')
    return;

  g_clear_pointer (&self->tag_error, g_free);
  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &tag_id, NULL))
    tag_id = self->tag_names != NULL ? rolo_tag_names_find (self->tag_names, text) : 0;
  if (tag_id == 0)
    {
      if (g_ascii_isdigit (text[0]))
        self->tag_error = g_strdup (_("Enter a tag number, like 12, or a tag’s name."));
      else
        /* Translators: %s is what the user typed */
        self->tag_error = g_strdup_printf (_("No tag is named “%s”. Enter its number, or "
                                             "give it a name in Preferences."), text);
      rolo_contact_editor_field_changed (self, ROLO_FIELD_TAGS);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  rolo_contact_editor_add_tag (self, tag_id);
}

static void
tag_picked_cb (RoloContactEditor *self,
               gint64             tag_id)
{
  if (self->contact != NULL)
    rolo_contact_editor_add_tag (self, tag_id);
}

static void
tag_entry_changed_cb (RoloContactEditor *self,
                      GtkEditable       *editable)
{
  if (self->tag_error == NULL)
    return;

  g_clear_pointer (&self->tag_error, g_free);
  rolo_contact_editor_refresh (self);
}

static void
remove_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RoloContactEditor *self = ROLO_CONTACT_EDITOR (widget);
  gint64 tag_id = g_variant_get_int64 (parameter);
  g_autoptr(GArray) tags = g_array_new (FALSE, FALSE, sizeof (gint64));
  const gint64 *current;
  gsize n_current = 0;

  current = rolo_contact_get_tag_ids (self->contact, &n_current);
  for (gsize i = 0; i < n_current; i++)
    if (current[i] != tag_id)
      g_array_append_val (tags, current[i]);

  rolo_contact_set_tag_ids (self->contact, (const gint64 *) (gconstpointer) tags->data, tags->len);
  rolo_contact_editor_update_tags (self);
  rolo_contact_editor_field_changed (self, ROLO_FIELD_TAGS);
  gtk_widget_grab_focus (self->tag_entry_row);
}

void
rolo_contact_editor_init_tags (RoloContactEditor *self)
{
  g_signal_connect_object (self->tag_entry_row, "changed",
                           G_CALLBACK (tag_entry_changed_cb), self, G_CONNECT_SWAPPED);
  self->tag_completion = rolo_tag_completion_new (self->tag_entry_row);
  g_signal_connect_object (self->tag_completion, "picked", G_CALLBACK (tag_picked_cb), self,
                           G_CONNECT_SWAPPED);
}

void
rolo_contact_editor_class_add_tags (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, tag_apply_cb);
  gtk_widget_class_install_action (widget_class, "editor.remove-tag", "x", remove_tag_action);
}
