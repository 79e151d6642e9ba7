/* rolo-initials.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <string.h>

#include "rolo-initials.h"

/* libadwaita's stylesheet has avatar.color1 … avatar.color14. */
#define N_COLORS 14

struct _RoloInitials
{
  GtkWidget    parent_instance;

  int          size;
  char        *initials;  /* NULL: an empty disc, for a row still loading */
  guint        color;     /* 1 … N_COLORS, 0 for none */
  PangoLayout *layout;    /* made on the first draw, dropped when the font changes */
};

G_DEFINE_FINAL_TYPE (RoloInitials, rolo_initials, GTK_TYPE_WIDGET)

/**
 * rolo_initials_extract:
 * @text: (nullable): a name
 *
 * The first letter of the first word and of the last, upper-cased, as
 * AdwAvatar takes them.
 *
 * Returns: (transfer full) (nullable): the initials, %NULL for a name without
 * any letter.
 */
char *
rolo_initials_extract (const char *text)
{
  g_autofree char *upper = NULL;
  g_autofree char *normalized = NULL;
  GString *initials;
  const char *last;

  if (text == NULL)
    return NULL;
  upper = g_utf8_strup (text, -1);
  normalized = g_utf8_normalize (g_strstrip (upper), -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (normalized == NULL || *normalized == '\0')
    return NULL;

  initials = g_string_new (NULL);
  g_string_append_unichar (initials, g_utf8_get_char (normalized));
  last = strrchr (normalized, ' ');
  if (last != NULL && last[1] != '\0')
    g_string_append_unichar (initials, g_utf8_get_char (last + 1));
  return g_string_free (initials, FALSE);
}

/* The colour class a name gets; AdwAvatar's choice for the same name. */
guint
rolo_initials_color (const char *text)
{
  if (text == NULL || *text == '\0')
    return 0;
  return g_str_hash (text) % N_COLORS + 1;
}

static void
rolo_initials_set_color (RoloInitials *self,
                         guint         color)
{
  char name[16];

  if (self->color == color)
    return;
  if (self->color != 0)
    {
      g_snprintf (name, sizeof name, "color%u", self->color);
      gtk_widget_remove_css_class (GTK_WIDGET (self), name);
    }
  self->color = color;
  if (color != 0)
    {
      g_snprintf (name, sizeof name, "color%u", color);
      gtk_widget_add_css_class (GTK_WIDGET (self), name);
    }
}

static void
rolo_initials_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = ROLO_INITIALS (widget)->size;
}

static void
rolo_initials_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  RoloInitials *self = ROLO_INITIALS (widget);
  PangoRectangle ink;
  GdkRGBA color;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->initials == NULL)
    return;

  if (self->layout == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      self->layout = gtk_widget_create_pango_layout (widget, self->initials);
      /* AdwAvatar's proportion of text to disc. */
      pango_attr_list_insert (attrs, pango_attr_size_new_absolute (self->size * 0.4 * PANGO_SCALE));
      pango_layout_set_attributes (self->layout, attrs);
      pango_attr_list_unref (attrs);
    }

  /* Centred on the letters' ink, not their line box, as AdwAvatar does. */
  pango_layout_get_pixel_extents (self->layout, &ink, NULL);

  /* The 4.8 call: the build allows no newer API (GDK_VERSION_MAX_ALLOWED);
   * gtk_widget_get_color() replaces it from 4.10. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT ((width - ink.width) / 2.0f - ink.x,
                                                (height - ink.height) / 2.0f - ink.y));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
rolo_initials_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  RoloInitials *self = ROLO_INITIALS (widget);

  GTK_WIDGET_CLASS (rolo_initials_parent_class)->css_changed (widget, change);
  /* The font may have changed; a colour change only needs the redraw. */
  g_clear_object (&self->layout);
}

static void
rolo_initials_finalize (GObject *object)
{
  RoloInitials *self = ROLO_INITIALS (object);

  g_clear_object (&self->layout);
  g_free (self->initials);

  G_OBJECT_CLASS (rolo_initials_parent_class)->finalize (object);
}

static void
rolo_initials_class_init (RoloInitialsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = rolo_initials_finalize;
  widget_class->measure = rolo_initials_measure;
  widget_class->snapshot = rolo_initials_snapshot;
  widget_class->css_changed = rolo_initials_css_changed;

  /* libadwaita's avatar style: the disc, its colours, bold letters. */
  gtk_widget_class_set_css_name (widget_class, "avatar");
  /* The name is beside it; the disc says nothing more. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
rolo_initials_init (RoloInitials *self)
{
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
rolo_initials_new (int size)
{
  RoloInitials *self = g_object_new (ROLO_TYPE_INITIALS, NULL);

  self->size = size;
  return GTK_WIDGET (self);
}

/**
 * rolo_initials_set_text:
 * @text: (nullable): the name whose initials to show; %NULL or "" for an
 *   empty, colourless disc
 */
void
rolo_initials_set_text (RoloInitials *self,
                        const char   *text)
{
  g_autofree char *initials = NULL;

  g_return_if_fail (ROLO_IS_INITIALS (self));

  initials = rolo_initials_extract (text);
  rolo_initials_set_color (self, rolo_initials_color (text));
  if (g_strcmp0 (initials, self->initials) == 0)
    return;
  g_free (self->initials);
  self->initials = g_steal_pointer (&initials);
  if (self->layout != NULL && self->initials != NULL)
    pango_layout_set_text (self->layout, self->initials, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* (nullable): what the disc shows. */
const char *
rolo_initials_get_initials (RoloInitials *self)
{
  g_return_val_if_fail (ROLO_IS_INITIALS (self), NULL);

  return self->initials;
}

void
rolo_initials_set_business (RoloInitials *self,
                            gboolean      business)
{
  g_return_if_fail (ROLO_IS_INITIALS (self));

  if (business)
    gtk_widget_add_css_class (GTK_WIDGET (self), "business");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "business");
}
