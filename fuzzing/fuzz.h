/* fuzz.h — what every fuzz target shares (after GLib's and libsoup's
 * fuzzing/fuzz.h): the entry point's prototype and fuzz_init(), which each
 * target calls first.
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdlib.h>

#include <gio/gio.h>

int LLVMFuzzerTestOneInput (const unsigned char *data,
                            size_t               size);

/* Tracing is noise at a million inputs a minute and slows the run: debug,
 * info and message are dropped. A warning or a critical is a programmer
 * error (STYLE.md), so on any input it is a finding: it prints and aborts,
 * which libFuzzer reports as a crash with the input saved (GLib's own
 * fatal path would raise SIGTRAP, which it does not catch). */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if ((log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0)
    return G_LOG_WRITER_HANDLED;

  g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  abort ();
}

static inline void
fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;

  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
}
