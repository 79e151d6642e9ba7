/* test-tag-names.c — the names given to tag numbers, per account
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include "rolo-tag-names.h"

static GSettings *
fresh_settings (void)
{
  GSettings *settings = g_settings_new (APPLICATION_ID);

  g_settings_reset (settings, "tag-names");
  return settings;
}

static void
count_cb (RoloTagNames *names,
          guint        *n)
{
  (*n)++;
}

static void
test_names (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(RoloTagNames) names = rolo_tag_names_new (settings, "https://api.ysuite.org");
  g_autofree char *shown = NULL;
  g_autofree char *unnamed = NULL;

  g_assert_null (rolo_tag_names_lookup (names, 12));
  g_assert_true (rolo_tag_names_set (names, 12, "  Newsletter "));
  g_assert_cmpstr (rolo_tag_names_lookup (names, 12), ==, "Newsletter");
  g_assert_cmpint (rolo_tag_names_find (names, "newsletter"), ==, 12);
  g_assert_cmpint (rolo_tag_names_find (names, " NEWSLETTER"), ==, 12);
  g_assert_cmpint (rolo_tag_names_find (names, "News"), ==, 0);

  shown = rolo_tag_names_format (names, 12);
  g_assert_cmpstr (shown, ==, "Newsletter");
  unnamed = rolo_tag_names_format (names, 7);
  g_assert_cmpstr (unnamed, ==, "#7");

  /* One name, one tag. */
  g_assert_false (rolo_tag_names_set (names, 3, "newsletter"));
  g_assert_null (rolo_tag_names_lookup (names, 3));
  /* Renaming keeps the number. */
  g_assert_true (rolo_tag_names_set (names, 12, "Monthly Newsletter"));
  g_assert_cmpint (rolo_tag_names_find (names, "Monthly newsletter"), ==, 12);
  /* No name: a number again. */
  g_assert_true (rolo_tag_names_set (names, 12, ""));
  g_assert_null (rolo_tag_names_lookup (names, 12));
}

static void
test_match (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(RoloTagNames) names = rolo_tag_names_new (settings, "sample-data");
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) some = NULL;
  g_autoptr(GArray) two = NULL;

  rolo_tag_names_set (names, 5, "VIP");
  rolo_tag_names_set (names, 2, "Trade Fair 2026");
  rolo_tag_names_set (names, 9, "عملاء دبي");
  rolo_tag_names_set (names, 4, "Fair Leads");

  all = rolo_tag_names_match (names, "", 10);
  g_assert_cmpuint (all->len, ==, 4);
  some = rolo_tag_names_match (names, "FAIR", 10);
  g_assert_cmpuint (some->len, ==, 2);
  /* By name: "Fair Leads" before "Trade Fair 2026". */
  g_assert_cmpint (g_array_index (some, gint64, 0), ==, 4);
  g_assert_cmpint (g_array_index (some, gint64, 1), ==, 2);
  two = rolo_tag_names_match (names, "", 2);
  g_assert_cmpuint (two->len, ==, 2);
}

/* Each workspace has its own names; they outlive the object, and another
 * window on the same account hears of a change. */
static void
test_per_account (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(RoloTagNames) real = rolo_tag_names_new (settings, "https://api.ysuite.org");
  g_autoptr(RoloTagNames) sample = rolo_tag_names_new (settings, "sample-data");
  g_autoptr(RoloTagNames) other_window = NULL;
  g_autoptr(RoloTagNames) again = NULL;
  guint n_changed = 0;

  rolo_tag_names_set (real, 12, "Newsletter");
  rolo_tag_names_set (sample, 12, "Sample Tag");
  g_assert_cmpstr (rolo_tag_names_lookup (real, 12), ==, "Newsletter");
  g_assert_cmpstr (rolo_tag_names_lookup (sample, 12), ==, "Sample Tag");

  other_window = rolo_tag_names_new (settings, "https://api.ysuite.org");
  g_signal_connect (other_window, "changed", G_CALLBACK (count_cb), &n_changed);
  g_assert_cmpstr (rolo_tag_names_lookup (other_window, 12), ==, "Newsletter");
  rolo_tag_names_set (real, 3, "VIP");
  g_assert_cmpuint (n_changed, >=, 1);
  g_assert_cmpstr (rolo_tag_names_lookup (other_window, 3), ==, "VIP");

  g_clear_object (&real);
  again = rolo_tag_names_new (settings, "https://api.ysuite.org");
  g_assert_cmpstr (rolo_tag_names_lookup (again, 3), ==, "VIP");
  g_assert_cmpstr (rolo_tag_names_lookup (sample, 12), ==, "Sample Tag");
}

/* Without a schema nothing is remembered, but names still work. */
static void
test_no_settings (void)
{
  g_autoptr(RoloTagNames) names = rolo_tag_names_new (NULL, "sample-data");
  guint n_changed = 0;

  g_signal_connect (names, "changed", G_CALLBACK (count_cb), &n_changed);
  g_assert_true (rolo_tag_names_set (names, 8, "Suppliers"));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpint (rolo_tag_names_find (names, "suppliers"), ==, 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ui/tag-names/names", test_names);
  g_test_add_func ("/ui/tag-names/match", test_match);
  g_test_add_func ("/ui/tag-names/per-account", test_per_account);
  g_test_add_func ("/ui/tag-names/no-settings", test_no_settings);

  return g_test_run ();
}
