/* test-ui-locale.c — numbers and dates in the form of the user's locale
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window in German (de_DE.UTF-8, LANGUAGE=de, the build's
 * catalogue) and in American English: a thousand contacts read
 * "1.000 Kontakte" and "1,000 contacts", and a creation date takes the
 * order the translation gives ("4.6.2024" in German). The locales come from
 * build-aux/dev deps.
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rolo-application.h"
#include "rolo-contact-cell.h"
#include "rolo-test-ui.h"
#include "rolo-test-utils.h"
#include "rolo-window.h"

#define TIMEOUT_MS 20000

static gboolean
window_browses (gpointer user_data)
{
  return g_str_equal (rolo_window_get_state (user_data), "browse");
}

static gboolean
is_created_cell (GtkWidget  *widget,
                 const char *unused)
{
  return ROLO_IS_CONTACT_CELL (widget) && gtk_widget_get_mapped (widget) &&
         rolo_contact_cell_get_field (ROLO_CONTACT_CELL (widget)) == ROLO_CONTACT_SORT_CREATED &&
         *rolo_contact_cell_get_text (ROLO_CONTACT_CELL (widget)) != '\0';
}

/* The count and a creation date of a window on 1,000 sample contacts. */
static void
show_window (char **count,
             char **created)
{
  g_autoptr(RoloApplication) app = rolo_test_application_new ("Locale");
  g_autoptr(RoloSandbox) sandbox = rolo_test_sandbox_new (1000);
  g_autofree char *base_url = rolo_sandbox_dup_base_url (sandbox);
  g_autoptr(GError) error = NULL;
  g_autoptr(RoloClient) client = NULL;
  RoloWindow *window;
  GtkWidget *cell;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  client = rolo_client_new (base_url, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY, &error);
  g_assert_no_error (error);
  window = g_object_ref_sink (rolo_window_new (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 640);
  gtk_window_present (GTK_WINDOW (window));
  rolo_window_set_client (window, client);
  rolo_test_wait_until (window_browses, window, TIMEOUT_MS);
  rolo_test_iterate_for (300);

  *count = g_strdup (rolo_window_get_count_text (window));
  cell = rolo_test_find_widget (GTK_WIDGET (window), is_created_cell, NULL);
  g_assert_nonnull (cell);
  *created = g_strdup (rolo_contact_cell_get_text (ROLO_CONTACT_CELL (cell)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* Day, month and year as numbers, in this order, each in range. */
static void
assert_numeric_date (const char *text,
                     char        separator)
{
  g_auto(GStrv) parts = NULL;
  char separators[2] = { separator, '\0' };

  parts = g_strsplit (text, separators, -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  g_assert_cmpint (atoi (parts[0]), >=, 1);
  g_assert_cmpint (atoi (parts[0]), <=, 31);
  g_assert_cmpint (atoi (parts[1]), >=, 1);
  g_assert_cmpint (atoi (parts[1]), <=, 12);
  g_assert_cmpint (atoi (parts[2]), >=, 2000);
}

static void
test_german (void)
{
  g_autofree char *count = NULL;
  g_autofree char *created = NULL;

  /* As a German desktop starts Rolo. */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));
  show_window (&count, &created);
  g_assert_cmpstr (count, ==, "1.000 Kontakte");
  /* The German translation's order: day.month.year. */
  assert_numeric_date (created, '.');
}

static void
test_english (void)
{
  g_autofree char *count = NULL;
  g_autofree char *created = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "en_US.UTF-8"));
  show_window (&count, &created);
  g_assert_cmpstr (count, ==, "1,000 contacts");
  /* "4 Jun 2024": the day, the month's name, the year. */
  g_assert_true (g_regex_match_simple ("^[0-9]{1,2} [A-Z][a-z]{2} 20[0-9]{2}$", created, 0, 0));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("ROLO_TEST_LOCALEDIR");

  g_assert_nonnull (localedir);
  g_setenv ("GTK_A11Y", "test", TRUE);
  rolo_skip_gl_for_cairo ();
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* Not gtk_test_init(), which sets an English locale of its own. */
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  /* After GTK's first translation: GLib decides once, then, whether to
   * translate at all, and would not in C.UTF-8 with Rolo's domain the
   * default one. The tests change the locale afterwards. */
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/ui/locale/german", test_german);
  g_test_add_func ("/ui/locale/english", test_english);

  return g_test_run ();
}
