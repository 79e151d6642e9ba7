/* driver.c — runs a fuzz target over files, so that reproducers and the
 * seed corpus also build and run with gcc, without libFuzzer (after GLib's
 * fuzzing/driver.c).
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz.h"

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize size = 0;

      if (!g_file_get_contents (argv[i], &contents, &size, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      LLVMFuzzerTestOneInput ((const unsigned char *) contents, size);
      g_print ("%s: ok\n", argv[i]);
    }
  return 0;
}
