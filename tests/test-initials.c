/* test-initials.c — the initials on a contact row's disc
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <adwaita.h>

#include "rolo-initials.h"

static void
assert_initials (const char *name,
                 const char *expected)
{
  g_autofree char *initials = rolo_initials_extract (name);

  g_assert_cmpstr (initials, ==, expected);
}

static void
test_extract (void)
{
  assert_initials ("Ananya Anderson", "AA");
  assert_initials ("  priya   nair ", "PN");
  /* First and last word, as AdwAvatar. */
  assert_initials ("Mary Ann de la Cruz", "MC");
  assert_initials ("Acme", "A");
  assert_initials ("élodie dubois", "ÉD");
  /* Decomposed é (e + U+0301) composes into one letter. */
  assert_initials ("e\xcc\x81mile zola", "ÉZ");
  assert_initials ("يوسف الحداد", "يا");
  assert_initials ("", NULL);
  assert_initials ("   ", NULL);
  assert_initials (NULL, NULL);
}

static gboolean
has_color_class (GtkWidget *widget,
                 guint      color)
{
  g_autofree char *name = g_strdup_printf ("color%u", color);

  return gtk_widget_has_css_class (widget, name);
}

/* The node AdwAvatar draws its disc on: itself, or a child of it
 * (libadwaita 1.2 draws on an inner gizmo). */
static GtkWidget *
avatar_disc (GtkWidget *widget)
{
  if (g_strcmp0 (gtk_widget_get_css_name (widget), "avatar") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *disc = avatar_disc (child);

      if (disc != NULL)
        return disc;
    }
  return NULL;
}

/* The disc of a name has the colour AdwAvatar gives that name, so a
 * contact looks the same in the table and in its details. */
static void
test_color_matches_avatar (void)
{
  const char *names[] = { "Ananya Anderson", "Gupta Medical Supplies", "يوسف الحداد",
                          "x", "Dubois & Fils" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *avatar = g_object_ref_sink (adw_avatar_new (28, names[i], TRUE));
      GtkWidget *initials = g_object_ref_sink (rolo_initials_new (28));
      guint color = rolo_initials_color (names[i]);
      guint n_classes = 0;

      rolo_initials_set_text (ROLO_INITIALS (initials), names[i]);
      g_assert_cmpuint (color, >=, 1);
      g_assert_cmpuint (color, <=, 14);
      g_assert_nonnull (avatar_disc (avatar));
      g_assert_true (has_color_class (avatar_disc (avatar), color));
      g_assert_true (has_color_class (initials, color));
      for (guint c = 1; c <= 14; c++)
        n_classes += has_color_class (initials, c);
      g_assert_cmpuint (n_classes, ==, 1);

      g_object_unref (initials);
      g_object_unref (avatar);
    }
}

/* A row that goes back to loading shows an empty disc, no colour; the
 * next name gets its own. A business's disc is a rounded square. */
static void
test_states (void)
{
  GtkWidget *widget = g_object_ref_sink (rolo_initials_new (28));
  RoloInitials *initials = ROLO_INITIALS (widget);
  int minimum = 0, natural = 0;

  rolo_initials_set_text (initials, "Laura Rossi");
  g_assert_cmpstr (rolo_initials_get_initials (initials), ==, "LR");
  g_assert_true (has_color_class (widget, rolo_initials_color ("Laura Rossi")));

  rolo_initials_set_text (initials, NULL);
  g_assert_null (rolo_initials_get_initials (initials));
  for (guint c = 1; c <= 14; c++)
    g_assert_false (has_color_class (widget, c));

  rolo_initials_set_text (initials, "Omar Khalid");
  g_assert_cmpstr (rolo_initials_get_initials (initials), ==, "OK");
  g_assert_true (has_color_class (widget, rolo_initials_color ("Omar Khalid")));

  g_assert_cmpstr (gtk_widget_get_css_name (widget), ==, "avatar");
  rolo_initials_set_business (initials, TRUE);
  g_assert_true (gtk_widget_has_css_class (widget, "business"));
  rolo_initials_set_business (initials, FALSE);
  g_assert_false (gtk_widget_has_css_class (widget, "business"));

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 28);
  g_assert_cmpint (natural, ==, 28);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)), ==,
                   GTK_ACCESSIBLE_ROLE_PRESENTATION);

  g_object_unref (widget);
}

int
main (int   argc,
      char *argv[])
{
  /* No accessibility bus to talk to: the test backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/initials/extract", test_extract);
  g_test_add_func ("/ui/initials/color-matches-avatar", test_color_matches_avatar);
  g_test_add_func ("/ui/initials/states", test_states);

  return g_test_run ();
}
