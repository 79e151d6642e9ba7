/* test-command-line.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * rolo --export and --import as office scripts run them: no display, the
 * sample server, exit statuses, the lines they print.
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <gio/gio.h>

static const char *rolo_path;

typedef struct
{
  char *dir;
  char *data_home;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("rolo-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->data_home = g_build_filename (fixture->dir, "data", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *rm[] = { "rm", "-rf", fixture->dir, NULL };

  g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                NULL);
  g_free (fixture->dir);
  g_free (fixture->data_home);
}

/* rolo with @args, without a display, on the fixture's sample store. */
static Run
run_rolo (Fixture            *fixture,
          const char * const *args)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_auto(GStrv) args_v = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  Run run = { 0 };
  int wait_status = 0;

  g_strv_builder_add (argv, rolo_path);
  g_strv_builder_addv (argv, (const char **) args);
  args_v = g_strv_builder_end (argv);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", fixture->data_home, TRUE);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "GDK_BACKEND", "wayland", TRUE);
  g_spawn_sync (NULL, args_v, envp, G_SPAWN_DEFAULT, NULL, NULL, &run.out, &run.err,
                &wait_status, &error);
  g_assert_no_error (error);
  run.status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return run;
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *csv = fixture_path (fixture, "all.csv");
  g_autofree char *vcf = fixture_path (fixture, "firms.vcf");
  g_autofree char *export_csv = g_strconcat ("--export=", csv, NULL);
  g_autofree char *export_vcf = g_strconcat ("--export=", vcf, NULL);
  g_autofree char *expected = g_strdup_printf ("Exported 30 contacts to %s\n", csv);
  g_autofree char *contents = NULL;
  const char *first[] = { "--sandbox", "--seed=30", export_csv, NULL };
  const char *businesses[] = { "--sandbox", export_vcf, "--type=business", NULL };
  Run run;

  run = run_rolo (fixture, first);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  /* No display, and no complaint about it. */
  g_assert_null (strstr (run.err, "Gtk"));
  run_clear (&run);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  /* The header, then a record a contact (the sample data has no line breaks). */
  g_assert_cmpuint (count_lines (contents), ==, 31);
  g_clear_pointer (&contents, g_free);

  run = run_rolo (fixture, businesses);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Exported "));
  run_clear (&run);
  g_assert_true (g_file_get_contents (vcf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  g_assert_null (strstr (contents, "KIND:individual"));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  const char *bad_format[] = { "--sandbox", "--export=contacts.txt", NULL };
  const char *bad_type[] = { "--sandbox", "--export=x.csv", "--type=robot", NULL };
  const char *search_alone[] = { "--search=ada", NULL };
  const char *dry_run_alone[] = { "--dry-run", NULL };
  const char *both[] = { "--export=a.csv", "--import=b.csv", NULL };
  const char *no_account[] = { "--export=a.csv", NULL };
  const char *missing[] = { "--sandbox", "--import=/nonexistent/contacts.csv", NULL };
  const char * const *cases[] = { bad_format, bad_type, search_alone, dry_run_alone, both,
                                  no_account, missing };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Run run = run_rolo (fixture, cases[i]);

      g_test_message ("case %u: %s", i, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.err, !=, "");
      run_clear (&run);
    }
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *csv = fixture_path (fixture, "new.csv");
  g_autofree char *import = g_strconcat ("--import=", csv, NULL);
  g_autofree char *export_path = fixture_path (fixture, "after.csv");
  g_autofree char *export_arg = g_strconcat ("--export=", export_path, NULL);
  const char *dry_run[] = { "--sandbox", "--seed=5", import, "--dry-run", NULL };
  const char *real[] = { "--sandbox", import, NULL };
  const char *again[] = { "--sandbox", import, NULL };
  const char *count[] = { "--sandbox", export_arg, NULL };
  g_autofree char *five = g_strdup_printf ("Exported 5 contacts to %s\n", export_path);
  Run run;

  g_assert_true (g_file_set_contents (csv,
                                      "cstname,cstemail,contact_type\n"
                                      "Ada Lovelace,ada@example.com,1\n"
                                      "No Email,not-an-email,1\n"
                                      "Acme Trading,acme@example.com,Business\n", -1, NULL));

  /* Checked, reported by line, nothing created. */
  run = run_rolo (fixture, dry_run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, "3: cstemail: "));
  run_clear (&run);
  run = run_rolo (fixture, count);
  g_assert_cmpstr (run.out, ==, five);
  run_clear (&run);

  /* The valid rows are created; the invalid one is reported. */
  run = run_rolo (fixture, real);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "3: cstemail: "));
  g_assert_nonnull (strstr (run.out, "Imported 2 contacts from "));
  run_clear (&run);

  /* Once the bad row is gone, a second run creates nothing and succeeds. */
  g_assert_true (g_file_set_contents (csv,
                                      "cstname,cstemail,contact_type\n"
                                      "Ada Lovelace,ada@example.com,1\n"
                                      "Acme Trading,acme@example.com,Business\n", -1, NULL));
  run = run_rolo (fixture, again);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Imported 0 contacts from "));
  g_assert_nonnull (strstr (run.out, "2: cstemail: Already exists as contact"));
  run_clear (&run);
  run = run_rolo (fixture, count);
  g_assert_nonnull (strstr (run.out, "Exported 7 contacts"));
  run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("Usage: %s PATH-TO-ROLO\n", argv[0]);
      return 2;
    }
  rolo_path = argv[1];

  g_test_add ("/ui/command-line/export", Fixture, NULL, fixture_set_up, test_export,
              fixture_tear_down);
  g_test_add ("/ui/command-line/usage", Fixture, NULL, fixture_set_up, test_usage,
              fixture_tear_down);
  g_test_add ("/ui/command-line/import", Fixture, NULL, fixture_set_up, test_import,
              fixture_tear_down);

  return g_test_run ();
}
