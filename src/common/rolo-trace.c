/* rolo-trace.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Timings for the benchmarks, printed only when ROLO_TRACE is set: each mark
 * is a line on stderr,
 *
 *   rolo-trace: MONOTONIC-µs +MS-SINCE-MAIN cpu:MS WHAT
 *
 * so that a benchmark that started the process can take its figures from
 * the same clock (g_get_monotonic_time()); cpu is the processor time the
 * process used so far, which a busy machine changes less than the wall
 * time. A stall is a main-loop iteration
 * that kept a high-priority 4 ms timeout waiting longer than 8 ms: the time
 * the window could not answer input nor draw.
 */

#define G_LOG_DOMAIN "rolo-common"

#include "config.h"

#include <stdio.h>
#include <time.h>

#include "rolo-trace.h"

#define PROBE_INTERVAL_MS 4
#define STALL_MS          8

static gint64 started_at;
static gint64 probed_at;

gboolean
rolo_trace_enabled (void)
{
  static int enabled = -1;

  if (enabled < 0)
    {
      const char *value = g_getenv ("ROLO_TRACE");

      enabled = value != NULL && *value != '\0';
      started_at = g_get_monotonic_time ();
    }
  return enabled;
}

void
rolo_trace_mark (const char *format,
                 ...)
{
  g_autofree char *what = NULL;
  gint64 now = g_get_monotonic_time ();
  struct timespec cpu = { 0, };
  va_list args;

  if (!rolo_trace_enabled ())
    return;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu);
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "rolo-trace: %" G_GINT64_FORMAT " +%.1f cpu:%.0f %s\n", now,
           (now - started_at) / 1000.0, cpu.tv_sec * 1000.0 + cpu.tv_nsec / 1e6, what);
  fflush (stderr);
}

static gboolean
probe_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  double late_ms = (now - probed_at) / 1000.0 - PROBE_INTERVAL_MS;

  if (late_ms > STALL_MS)
    rolo_trace_mark ("stall %.1f", late_ms);
  probed_at = now;
  return G_SOURCE_CONTINUE;
}

/* From here on, each stall of the thread-default main context is a mark. */
void
rolo_trace_watch_stalls (void)
{
  if (!rolo_trace_enabled ())
    return;

  probed_at = g_get_monotonic_time ();
  g_timeout_add_full (G_PRIORITY_HIGH, PROBE_INTERVAL_MS, probe_cb, NULL, NULL);
}
