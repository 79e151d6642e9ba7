/* bench-io.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line modes at office scale, as a script runs them: rolo
 * --sandbox --export of 100,000 contacts to CSV, and --import of 10,000
 * rows. Prints wall time and the peak RSS of the rolo process (targets for
 * the export: 5 s, 50 MB). Figures, never assertions.
 *
 *   meson test -C _build --benchmark io
 */

#define G_LOG_DOMAIN "rolo-test"

#include "config.h"

#include <sys/resource.h>
#include <sys/wait.h>

#include <gio/gio.h>

#define N_EXPORTED 100000
#define N_IMPORTED 10000

typedef struct
{
  double seconds;
  double peak_mb;
  int    status;
} Run;

/* Runs rolo to its end; its peak RSS from wait4(). */
static Run
run_rolo (const char *rolo,
          const char *data_home,
          const char *arg1,
          const char *arg2)
{
  const char *argv[] = { rolo, "--sandbox", arg1, arg2, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  struct rusage usage = { 0 };
  Run run = { 0 };
  gint64 started;
  GPid pid;
  int status = 0;

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  started = g_get_monotonic_time ();
  g_spawn_async (NULL, (char **) argv, envp,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid,
                 &error);
  g_assert_no_error (error);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  run.seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  run.peak_mb = usage.ru_maxrss / 1024.0;
  run.status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return run;
}

static char *
write_rows (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "rows.csv", NULL);
  GString *csv = g_string_new ("cstname,contact_type,cstemail,cstmobile,cstaddress,cstnotes\r\n");

  for (guint i = 0; i < N_IMPORTED; i++)
    g_string_append_printf (csv, "Imported Person %u,Individual,imported%u@example.org,"
                                 "+971 50 %07u,\"%u Bench Street\r\nDubai\",Row %u\r\n",
                            i, i, i, i, i);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  g_string_free (csv, TRUE);
  return g_steal_pointer (&path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *seed_arg = g_strdup_printf ("--seed=%d", N_EXPORTED);
  g_autofree char *export_arg = NULL;
  g_autofree char *import_arg = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *scratch_arg = NULL;
  g_autofree char *data_export = NULL;
  g_autofree char *data_import = NULL;
  g_autoptr(GError) error = NULL;
  Run run;

  if (argc != 2)
    {
      g_printerr ("Usage: %s PATH-TO-ROLO\n", argv[0]);
      return 2;
    }
  dir = g_dir_make_tmp ("rolo-bench-io-XXXXXX", &error);
  g_assert_no_error (error);
  data_export = g_build_filename (dir, "export-data", NULL);
  data_import = g_build_filename (dir, "import-data", NULL);
  export_arg = g_strdup_printf ("--export=%s/contacts.csv", dir);
  scratch_arg = g_strdup_printf ("--export=%s/scratch.csv", dir);

  /* Seeding is not what is measured: a first run makes the store. */
  run = run_rolo (argv[1], data_export, seed_arg, scratch_arg);
  run = run_rolo (argv[1], data_export, export_arg, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_print ("export: %d contacts to CSV in %.2f s (%.0f contacts/s), peak RSS %.1f MB "
           "(targets: 5 s, 50 MB)\n",
           N_EXPORTED, run.seconds, N_EXPORTED / run.seconds, run.peak_mb);

  rows = write_rows (dir);
  import_arg = g_strdup_printf ("--import=%s", rows);
  run = run_rolo (argv[1], data_import, "--seed=0", scratch_arg);
  run = run_rolo (argv[1], data_import, import_arg, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_print ("import: %d rows checked and created in %.2f s (%.0f rows/s), peak RSS %.1f MB\n",
           N_IMPORTED, run.seconds, N_IMPORTED / run.seconds, run.peak_mb);

  run = run_rolo (argv[1], data_import, import_arg, "--dry-run");
  g_print ("re-run check: %d rows found already there in %.2f s (%.0f rows/s), "
           "peak RSS %.1f MB\n", N_IMPORTED, run.seconds, N_IMPORTED / run.seconds,
           run.peak_mb);

  {
    const char *rm[] = { "rm", "-rf", dir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
  return 0;
}
