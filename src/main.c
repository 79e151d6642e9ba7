/* main.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "rolo-application.h"
#include "rolo-trace.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RoloApplication) app = NULL;

  rolo_trace_mark ("main");
  rolo_skip_gl_for_cairo ();
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = rolo_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
