/* test-ui-rtl.c — Rolo in Arabic: translated, and mirrored
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real window with LANGUAGE=ar and the build's Arabic catalogue,
 * and checks what a right-to-left reader sees: the window runs right to
 * left, the header bar and the columns mirror, the words are Arabic, the
 * count takes its Arabic plural, and a phone number stays "+256 …" rather
 * than being laid out right to left.
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rolo-application.h"
#include "rolo-contact-details.h"
#include "rolo-test-ui.h"
#include "rolo-test-utils.h"
#include "rolo-window.h"

#define TIMEOUT_MS 10000

static gboolean
window_browses (gpointer user_data)
{
  return g_str_equal (rolo_window_get_state (user_data), "browse");
}

/* Where @widget starts, from the left of @window. */
static double
left_of (GtkWidget *widget,
         GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  return bounds.origin.x;
}

static void
test_window (void)
{
  g_autoptr(RoloApplication) app = rolo_test_application_new ("Rtl");
  g_autoptr(RoloSandbox) sandbox = rolo_test_sandbox_new (6);
  g_autofree char *base_url = rolo_sandbox_dup_base_url (sandbox);
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloClient) client = NULL;
  g_autofree char *count = NULL;
  RoloWindow *window;
  GtkWidget *root, *search, *new_contact, *menu, *name_title, *email_title;
  const char *placeholder = _("Search by name or email");

  /* The catalogue is the build's, and it is Arabic. */
  g_assert_cmpstr (placeholder, !=, "Search by name or email");
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  client = rolo_client_new (base_url, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY, &error);
  g_assert_no_error (error);
  window = g_object_ref_sink (rolo_window_new (app));
  root = GTK_WIDGET (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  gtk_window_present (GTK_WINDOW (window));
  rolo_window_set_client (window, client);
  rolo_test_wait_until (window_browses, window, TIMEOUT_MS);
  rolo_test_iterate_for (200);

  g_assert_cmpint (gtk_widget_get_direction (root), ==, GTK_TEXT_DIR_RTL);
  search = rolo_test_find_widget (root, rolo_test_is_type_named, "GtkSearchEntry");
  g_assert_nonnull (search);
  {
    g_autofree char *shown = NULL;

    /* GTK 4.8 has no getter for it: the property. */
    g_object_get (search, "placeholder-text", &shown, NULL);
    g_assert_cmpstr (shown, ==, placeholder);
  }

  /* The count in the Arabic plural for six, with the locale's digits. */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u contact", "%'u contacts", 6), 6);
  g_assert_cmpstr (rolo_window_get_count_text (window), ==, count);
  g_assert_cmpstr (count, !=, "6 contacts");

  /* The header bar's start is on the right: New Contact there, the main
   * menu on the left. */
  new_contact = rolo_test_find_widget (root, rolo_test_is_shown_button_for, "win.new-contact");
  menu = rolo_test_find_widget (root, rolo_test_is_primary_menu, NULL);
  g_assert_nonnull (new_contact);
  g_assert_nonnull (menu);
  g_assert_cmpfloat (left_of (new_contact, root), >, gtk_widget_get_width (root) / 2.0);
  g_assert_cmpfloat (left_of (menu, root), <, gtk_widget_get_width (root) / 2.0);

  /* The first column, Name, is the rightmost; Email to its left. The
   * headers on screen: the Columns menu has the same words. */
  name_title = rolo_test_find_widget (root, rolo_test_is_shown_label,
                                      g_dpgettext2 (GETTEXT_PACKAGE, "column", "Name"));
  email_title = rolo_test_find_widget (root, rolo_test_is_shown_label,
                                       g_dpgettext2 (GETTEXT_PACKAGE, "column", "Email"));
  g_assert_nonnull (name_title);
  g_assert_nonnull (email_title);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name_title)), !=, "Name");
  g_assert_cmpfloat (left_of (name_title, root), >, left_of (email_title, root));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* The x of the character at byte @index of @label's text, as drawn. */
static int
x_of_index (GtkLabel *label,
            int       index)
{
  PangoRectangle pos;

  pango_layout_index_to_pos (gtk_label_get_layout (label), index, &pos);
  return MIN (pos.x, pos.x + pos.width);
}

static gboolean
is_value_label (GtkWidget  *widget,
                const char *digits)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), digits) != NULL;
}

/* A mobile number reads as dialled, "+256 501234567", prefix first on the
 * left, in a right-to-left window. */
static void
test_phone_number (void)
{
  g_autoptr(RoloContact) contact = rolo_contact_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *details = rolo_contact_details_new ();
  GtkLabel *label;
  const char *text;
  const char *plus, *digits;

  rolo_contact_set_contact_type (contact, ROLO_CONTACT_TYPE_INDIVIDUAL);
  rolo_contact_set_name (contact, "ليلى حداد");
  rolo_contact_set_mobile (contact, "501234567");
  /* Uganda: +256. */
  rolo_contact_set_mobile_country_id (contact, 229);
  rolo_contact_details_set_contact (ROLO_CONTACT_DETAILS (details), contact, TRUE);
  gtk_window_set_child (GTK_WINDOW (window), details);
  /* Wide enough for the number on one line. */
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 700);
  gtk_window_present (GTK_WINDOW (window));
  rolo_test_iterate_for (200);

  label = GTK_LABEL (rolo_test_find_widget (details, is_value_label, "501234567"));
  g_assert_nonnull (label);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (label)), ==, GTK_TEXT_DIR_RTL);
  text = gtk_label_get_text (label);
  plus = strchr (text, '+');
  digits = strstr (text, "501234567");
  g_assert_nonnull (plus);
  /* "+" left of "256", "256" left of "501234567": left to right. */
  g_assert_cmpint (x_of_index (label, plus - text), <, x_of_index (label, plus + 1 - text));
  g_assert_cmpint (x_of_index (label, plus + 1 - text), <, x_of_index (label, digits - text));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("ROLO_TEST_LOCALEDIR");

  /* An Arabic desktop's locale (build-aux/dev deps makes it): newer GTK
   * takes the direction from the locale, not from LANGUAGE alone. */
  g_setenv ("LANGUAGE", "ar", TRUE);
  g_setenv ("LC_ALL", "ar_EG.UTF-8", TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);
  rolo_skip_gl_for_cairo ();
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* Not gtk_test_init(): it sets an English locale, and GTK takes the
   * direction from the locale as it starts. Started as Rolo starts. */
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/rtl/window", test_window);
  g_test_add_func ("/ui/rtl/phone-number", test_phone_number);

  return g_test_run ();
}
