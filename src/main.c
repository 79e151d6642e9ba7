/* main.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "rolo-application.h"
#include "rolo-trace.h"

/* With the cairo renderer asked for, nothing draws with OpenGL; yet GDK
 * (4.8 on X11) still sets OpenGL up to pick its visual, which loads the whole
 * driver: under Xvfb, Mesa's llvmpipe and LLVM, 55 MB of the 135 MB resident
 * after scrolling. Tell GDK to leave OpenGL alone then, before it starts,
 * keeping whatever the environment already asks of it. */
static void
skip_gl_for_cairo (void)
{
  gboolean gdk_disable = gtk_get_major_version () > 4 || gtk_get_minor_version () >= 16;
  const char *variable = gdk_disable ? "GDK_DISABLE" : "GDK_DEBUG";
  const char *flag = gdk_disable ? "gl" : "gl-disable";
  const char *renderer = g_getenv ("GSK_RENDERER");
  const char *value = g_getenv (variable);
  g_autofree char *joined = NULL;

  if (g_strcmp0 (renderer, "cairo") != 0)
    return;
  if (value == NULL || *value == '\0')
    joined = g_strdup (flag);
  else if (strstr (value, flag) == NULL)
    joined = g_strconcat (value, ",", flag, NULL);
  if (joined != NULL)
    g_setenv (variable, joined, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RoloApplication) app = NULL;

  rolo_trace_mark ("main");
  skip_gl_for_cairo ();
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = rolo_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
