/* bench-startup.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window as a user meets it, at 100,000 and 1,000,000 contacts: rolo
 * started against a rolo-sandbox process on loopback, read through its
 * ROLO_TRACE marks (src/common/rolo-trace.c) and driven with xdotool as a
 * keyboard would. Prints, per size:
 *
 *   - launch -> first rows on screen (each launch, and the median),
 *   - peak and current RSS after the first rows, after scrolling (PageDown
 *     held, then Ctrl+End) and after searching,
 *   - the longest main-loop stall while loading, while scrolling and while
 *     searching,
 *   - search keystroke -> filtered rows on screen, p50 and p95.
 *
 * Figures, never assertions. Run under a display (meson runs it in
 * xvfb-run):
 *
 *   meson test -C _build --benchmark startup
 *
 * ROLO_BENCH_SIZES (say "100000") picks the store sizes; ROLO_BENCH_LAUNCHES
 * the number of launches per size (default 3); ROLO_BENCH_LOG names a file
 * that gets everything rolo printed on stderr, its marks included.
 */

#define G_LOG_DOMAIN "rolo-bench"

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <gio/gio.h>

#include "rolo-test-utils.h"

#define WAIT_MS        60000
#define SETTLE_MS      1500
#define KEY_DELAY_MS   "40"
#define TYPE_DELAY_MS  "70"

static const char *const queries[] = {
  "sarah", "patel", "ahmed", "walker", "priya", "rossi", "omar", "gupta",
  "laura", "khalid", "smith", "elena", "nair", "daniel", "yousef", "clarke",
  "mia", "reddy", "zainab", "dubois",
};

typedef struct
{
  gint64  at;    /* CLOCK_MONOTONIC, µs, as g_get_monotonic_time() */
  char   *what;
} Mark;

/* One rolo process and what its trace has said so far; a thread reads. */
typedef struct
{
  GPid       pid;
  gint64     launched_at;
  GMutex     lock;
  GCond      cond;
  GPtrArray *marks;  /* Mark */
  gboolean   ended;
  GThread   *reader;
  int        err_fd;
} Rolo;

static void
mark_free (gpointer data)
{
  Mark *mark = data;

  g_free (mark->what);
  g_free (mark);
}

static gpointer
read_trace (gpointer data)
{
  Rolo *rolo = data;
  FILE *stream = fdopen (rolo->err_fd, "r");
  const char *log_path = g_getenv ("ROLO_BENCH_LOG");
  FILE *log = log_path != NULL && *log_path != '\0' ? fopen (log_path, "a") : NULL;
  char line[1024];

  while (fgets (line, sizeof line, stream) != NULL)
    {
      gint64 at = 0;
      int consumed = 0;

      if (log != NULL)
        fputs (line, log);
      g_strchomp (line);
      /* rolo-trace: AT +MS cpu:MS WHAT */
      if (sscanf (line, "rolo-trace: %" G_GINT64_FORMAT " %*s %*s %n", &at, &consumed) < 1 ||
          consumed == 0)
        continue;
      g_mutex_lock (&rolo->lock);
      g_ptr_array_add (rolo->marks, g_memdup2 (&(Mark) { at, g_strdup (line + consumed) },
                                               sizeof (Mark)));
      g_cond_broadcast (&rolo->cond);
      g_mutex_unlock (&rolo->lock);
    }
  fclose (stream);
  if (log != NULL)
    fclose (log);
  g_mutex_lock (&rolo->lock);
  rolo->ended = TRUE;
  g_cond_broadcast (&rolo->cond);
  g_mutex_unlock (&rolo->lock);
  return NULL;
}

static guint
n_marks (Rolo *rolo)
{
  guint n;

  g_mutex_lock (&rolo->lock);
  n = rolo->marks->len;
  g_mutex_unlock (&rolo->lock);
  return n;
}

/* The time of the first mark from @from on that is @what exactly, or 0
 * after WAIT_MS or once rolo has ended. */
static gint64
wait_mark (Rolo       *rolo,
           guint       from,
           const char *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * G_TIME_SPAN_MILLISECOND;
  gint64 at = 0;
  guint i = from;

  g_mutex_lock (&rolo->lock);
  while (at == 0)
    {
      for (; i < rolo->marks->len && at == 0; i++)
        {
          Mark *mark = g_ptr_array_index (rolo->marks, i);

          if (g_str_equal (mark->what, what))
            at = mark->at;
        }
      if (at != 0 || rolo->ended || !g_cond_wait_until (&rolo->cond, &rolo->lock, deadline))
        break;
    }
  g_mutex_unlock (&rolo->lock);
  if (at == 0)
    g_printerr ("rolo never marked “%s”\n", what);
  return at;
}

/* The index of the first mark from @from on that is @what; the number of
 * marks if none. */
static guint
mark_index (Rolo       *rolo,
            guint       from,
            const char *what)
{
  guint i;

  g_mutex_lock (&rolo->lock);
  for (i = from; i < rolo->marks->len; i++)
    if (g_str_equal (((Mark *) g_ptr_array_index (rolo->marks, i))->what, what))
      break;
  g_mutex_unlock (&rolo->lock);
  return i;
}

static gboolean
mark_is_stall (Rolo  *rolo,
               guint  index)
{
  gboolean stall;

  g_mutex_lock (&rolo->lock);
  stall = g_str_has_prefix (((Mark *) g_ptr_array_index (rolo->marks, index))->what, "stall ");
  g_mutex_unlock (&rolo->lock);
  return stall;
}

/* The last mark from @from on that is @what; 0 if none. */
static gint64
last_mark (Rolo       *rolo,
           guint       from,
           const char *what)
{
  gint64 at = 0;

  g_mutex_lock (&rolo->lock);
  for (guint i = from; i < rolo->marks->len; i++)
    {
      Mark *mark = g_ptr_array_index (rolo->marks, i);

      if (g_str_equal (mark->what, what))
        at = mark->at;
    }
  g_mutex_unlock (&rolo->lock);
  return at;
}

/* The stalls marked between marks @from and @to. A stall right after a
 * slow frame's mark is that frame's (its update, layout and paint, timed by
 * rolo-window-trace.c); any other is work outside drawing: answers parsed,
 * rows made or dropped, events handled. */
typedef struct
{
  double longest;
  guint  n_over_frame;   /* over 16 ms */
  double longest_frame;
  double frame_layout;   /* of the longest frame */
  double frame_paint;
  double longest_other;
} Stalls;

static Stalls
count_stalls (Rolo  *rolo,
              guint  from,
              guint  to)
{
  Stalls stalls = { 0, };
  gboolean after_frame = FALSE;

  g_mutex_lock (&rolo->lock);
  for (guint i = from; i < MIN (to, rolo->marks->len); i++)
    {
      Mark *mark = g_ptr_array_index (rolo->marks, i);
      double ms, update, layout, paint;

      if (sscanf (mark->what, "frame %lf update %lf layout %lf paint %lf",
                  &ms, &update, &layout, &paint) == 4)
        {
          if (ms > stalls.longest_frame)
            {
              stalls.longest_frame = ms;
              stalls.frame_layout = update + layout;
              stalls.frame_paint = paint;
            }
          after_frame = TRUE;
          continue;
        }
      /* Other marks (first-rows…) come between a frame and its stall. */
      if (sscanf (mark->what, "stall %lf", &ms) != 1)
        continue;
      stalls.longest = MAX (stalls.longest, ms);
      if (ms > 16.0)
        stalls.n_over_frame++;
      if (!after_frame)
        stalls.longest_other = MAX (stalls.longest_other, ms);
      after_frame = FALSE;
    }
  g_mutex_unlock (&rolo->lock);
  return stalls;
}

static void
sleep_ms (guint ms)
{
  g_usleep (ms * G_TIME_SPAN_MILLISECOND);
}

/* Runs xdotool with @args; its first line of output. */
static char *
xdotool (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *arg = first;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  va_start (args, first);
  for (; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                     NULL, &status, &error))
    g_error ("xdotool: %s", error->message);
  if (out == NULL || *out == '\0')
    return NULL;
  out[strcspn (out, "\n")] = '\0';
  return g_steal_pointer (&out);
}

/* VmHWM and VmRSS of @pid, in MB. */
static void
read_rss (GPid    pid,
          double *peak_mb,
          double *now_mb)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *status = NULL;
  const char *hwm, *rss;

  *peak_mb = *now_mb = 0;
  if (!g_file_get_contents (path, &status, NULL, NULL))
    return;
  hwm = strstr (status, "VmHWM:");
  rss = strstr (status, "VmRSS:");
  if (hwm != NULL)
    *peak_mb = g_ascii_strtod (hwm + strlen ("VmHWM:"), NULL) / 1024.0;
  if (rss != NULL)
    *now_mb = g_ascii_strtod (rss + strlen ("VmRSS:"), NULL) / 1024.0;
}

static void
print_rss (const char *when,
           GPid        pid)
{
  double peak, now;

  read_rss (pid, &peak, &now);
  g_print ("  RSS %-22s %6.1f MB (peak %.1f MB)\n", when, now, peak);
}

/* A sandbox process serving @db (seeded with @n contacts when new); its
 * base URL in @url. */
static GPid
start_sandbox (const char  *sandbox,
               const char  *db,
               guint        n,
               char       **url)
{
  g_autofree char *db_arg = g_strdup_printf ("--db=%s", db);
  g_autofree char *seed_arg = g_strdup_printf ("--seed=%u", n);
  const char *argv[] = { sandbox, db_arg, seed_arg, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  char line[512];
  FILE *out;
  GPid pid;
  int out_fd;

  /* The keys go through the environment, never a command line. */
  envp = g_environ_setenv (envp, "YSUITE_ACCESS_KEY", "bench-access", TRUE);
  envp = g_environ_setenv (envp, "YSUITE_SECRET_KEY", "bench-secret", TRUE);
  g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);
  out = fdopen (out_fd, "r");
  *url = NULL;
  while (*url == NULL && fgets (line, sizeof line, out) != NULL)
    {
      const char *at = strstr (line, "listening on ");

      g_strchomp (line);
      if (at != NULL)
        *url = g_strdup (strtok ((char *) at + strlen ("listening on "), " "));
      else
        g_print ("  sandbox: %s\n", line);
    }
  fclose (out);
  if (*url == NULL)
    g_error ("rolo-sandbox did not start");
  return pid;
}

static void
stop (GPid pid)
{
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
}

static Rolo *
launch (const char *rolo_exe,
        const char *home,
        const char *url)
{
  const char *argv[] = { rolo_exe, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autoptr(GError) error = NULL;
  Rolo *rolo = g_new0 (Rolo, 1);

  envp = g_environ_setenv (envp, "HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data, TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", cache, TRUE);
  envp = g_environ_setenv (envp, "YSUITE_BASE_URL", url, TRUE);
  envp = g_environ_setenv (envp, "YSUITE_ACCESS_KEY", "bench-access", TRUE);
  envp = g_environ_setenv (envp, "YSUITE_SECRET_KEY", "bench-secret", TRUE);
  envp = g_environ_setenv (envp, "ROLO_TRACE", "1", TRUE);
  /* Measured as shipped: no debugging allocator, no gc-friendly frees. */
  envp = g_environ_unsetenv (envp, "MALLOC_CHECK_");
  envp = g_environ_unsetenv (envp, "G_DEBUG");
  /* Nor the tests' own GDK settings: Rolo decides what OpenGL it loads. */
  envp = g_environ_unsetenv (envp, "GDK_DEBUG");

  g_mutex_init (&rolo->lock);
  g_cond_init (&rolo->cond);
  rolo->marks = g_ptr_array_new_with_free_func (mark_free);
  rolo->launched_at = g_get_monotonic_time ();
  g_spawn_async_with_pipes (NULL, (char **) argv, envp,
                            G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                            &rolo->pid, NULL, NULL, &rolo->err_fd, &error);
  g_assert_no_error (error);
  rolo->reader = g_thread_new ("trace", read_trace, rolo);
  return rolo;
}

static void
quit (Rolo *rolo)
{
  stop (rolo->pid);
  g_thread_join (rolo->reader);
  g_ptr_array_unref (rolo->marks);
  g_mutex_clear (&rolo->lock);
  g_cond_clear (&rolo->cond);
  g_free (rolo);
}

static double
ms_between (gint64 from,
            gint64 to)
{
  return (to - from) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The @p-th percentile of @values (sorted here), nearest rank. */
static double
percentile (GArray *values,
            double  p)
{
  guint rank;

  if (values->len == 0)
    return 0;
  g_array_sort (values, compare_doubles);
  rank = (guint) (p / 100.0 * values->len + 0.999999);
  return g_array_index (values, double, CLAMP (rank, 1, values->len) - 1);
}

static void
print_stall (const char *while_what,
             Rolo       *rolo,
             guint       from,
             guint       to)
{
  Stalls stalls = count_stalls (rolo, from, to);

  g_print ("  longest stall %-22s %6.1f ms (%u over 16 ms)\n", while_what, stalls.longest,
           stalls.n_over_frame);
  g_print ("    longest frame %6.1f ms (layout %.1f, paint %.1f); "
           "longest stall outside frames %.1f ms\n",
           stalls.longest_frame, stalls.frame_layout, stalls.frame_paint, stalls.longest_other);
}

/* Scrolls as a user in a hurry does: a row clicked, PageDown held, then
 * Ctrl+End, and the rows there waited for. */
static void
scroll (Rolo       *rolo,
        const char *window)
{
  guint from = n_marks (rolo);

  xdotool ("mousemove", "--window", window, "400", "300", "click", "1", NULL);
  sleep_ms (300);
  xdotool ("key", "--delay", KEY_DELAY_MS, "--repeat", "40", "Next", NULL);
  sleep_ms (500);
  xdotool ("key", "ctrl+End", NULL);
  sleep_ms (SETTLE_MS);
  xdotool ("key", "--delay", KEY_DELAY_MS, "--repeat", "20", "Prior", NULL);
  sleep_ms (SETTLE_MS);
  print_stall ("while scrolling", rolo, from, G_MAXUINT);
  print_rss ("after scrolling", rolo->pid);
}

/* Types each query over the last; keystroke → its rows on screen. */
static void
search (Rolo       *rolo,
        const char *window)
{
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  guint from = n_marks (rolo);

  /* To the window with the focus (scroll() clicked it): GTK ignores keys
   * sent to a window with XSendEvent, which --window does. */
  xdotool ("key", "ctrl+f", NULL);
  sleep_ms (300);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *typed = g_strdup_printf ("search-typed %s", queries[i]);
      g_autofree char *shown = g_strdup_printf ("search-rows %s", queries[i]);
      guint before = n_marks (rolo);
      gint64 typed_at, shown_at;

      xdotool ("key", "ctrl+a", NULL);
      xdotool ("type", "--delay", TYPE_DELAY_MS, queries[i], NULL);
      shown_at = wait_mark (rolo, before, shown);
      typed_at = last_mark (rolo, before, typed);
      if (shown_at != 0 && typed_at != 0)
        {
          double ms = ms_between (typed_at, shown_at);

          g_array_append_val (latencies, ms);
        }
      sleep_ms (300);
    }
  print_stall ("while searching", rolo, from, G_MAXUINT);
  print_rss ("after searching", rolo->pid);
  g_print ("  search keystroke -> rows  p50 %6.1f ms, p95 %6.1f ms (%u searches)\n",
           percentile (latencies, 50), percentile (latencies, 95), latencies->len);
}

static void
bench_size (const char *rolo_exe,
            const char *sandbox_exe,
            guint       n,
            guint       n_launches)
{
  g_autofree char *dir = g_dir_make_tmp ("rolo-bench-startup-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "contacts.db", NULL);
  g_autoptr(GArray) firsts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *url = NULL;
  GPid sandbox;

  g_print ("%'u contacts\n", n);
  sandbox = start_sandbox (sandbox_exe, db, n, &url);

  for (guint launch_i = 1; launch_i <= n_launches; launch_i++)
    {
      g_autofree char *home = g_strdup_printf ("%s/home-%u", dir, launch_i);
      g_autofree char *window = NULL;
      gboolean last = launch_i == n_launches;
      Rolo *rolo = launch (rolo_exe, home, url);
      gint64 first_rows = wait_mark (rolo, 0, "first-rows");
      gint64 first_frame = last_mark (rolo, 0, "first-frame");
      g_autofree char *pid = g_strdup_printf ("%d", rolo->pid);
      guint loaded;
      double ms;

      if (first_rows == 0)
        {
          quit (rolo);
          continue;
        }
      ms = ms_between (rolo->launched_at, first_rows);
      g_array_append_val (firsts, ms);
      g_print ("  launch %u: first frame %6.1f ms, first rows %6.1f ms\n", launch_i,
               first_frame != 0 ? ms_between (rolo->launched_at, first_frame) : 0.0, ms);

      sleep_ms (SETTLE_MS);
      loaded = n_marks (rolo);
      if (last)
        {
          /* Before its first frame the window is not on screen: that time
           * is in "first frame" above, and no input waits on it. */
          guint shown = mark_index (rolo, 0, "first-frame") + 1;

          /* The first frame's own stall is marked right after it. */
          if (shown < n_marks (rolo) && mark_is_stall (rolo, shown))
            shown++;

          print_stall ("before the first frame", rolo, 0, shown);
          print_stall ("while loading", rolo, shown, loaded);
          print_rss ("after the first rows", rolo->pid);
          window = xdotool ("search", "--sync", "--onlyvisible", "--pid",
                            pid, NULL);
          if (window == NULL)
            g_printerr ("no window of rolo found\n");
          else
            {
              scroll (rolo, window);
              search (rolo, window);
            }
        }
      quit (rolo);
    }

  g_print ("  first rows: median %.1f ms over %u launches\n", percentile (firsts, 50),
           firsts->len);
  stop (sandbox);
  rolo_test_remove_tmp_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *sizes = g_getenv ("ROLO_BENCH_SIZES");
  const char *launches = g_getenv ("ROLO_BENCH_LAUNCHES");
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");
  g_auto(GStrv) each = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: %s ROLO ROLO-SANDBOX\n", argv[0]);
      return EXIT_FAILURE;
    }
  if (g_getenv ("DISPLAY") == NULL)
    {
      g_printerr ("bench-startup needs a display (meson runs it in xvfb-run)\n");
      return EXIT_FAILURE;
    }
  if (xdotool_path == NULL)
    {
      g_printerr ("bench-startup needs xdotool (build-aux/dev deps installs it)\n");
      return EXIT_FAILURE;
    }
  setlocale (LC_NUMERIC, "");
  each = g_strsplit (sizes != NULL ? sizes : "100000,1000000", ",", -1);
  for (guint i = 0; each[i] != NULL; i++)
    bench_size (argv[1], argv[2], (guint) g_ascii_strtoull (each[i], NULL, 10),
                launches != NULL ? (guint) g_ascii_strtoull (launches, NULL, 10) : 3);
  return EXIT_SUCCESS;
}
