/* rolo-command-line.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit statuses of the command-line modes. */
#define ROLO_EXIT_OK        0 /* everything done (or, for a dry run, all valid) */
#define ROLO_EXIT_PARTIAL   1 /* some rows not imported or invalid; the export failed */
#define ROLO_EXIT_USAGE     2 /* bad usage, an unreadable file, no account */

/* What the command line asked for. Strings are borrowed. */
typedef struct
{
  const char *export_path;
  const char *import_path;
  const char *search;      /* --search, for --export */
  const char *type;        /* --type: "individual" or "business" */
  gboolean    dry_run;
  gboolean    use_sandbox;
  int         sandbox_seed; /* -1: keep the sample store */
  GSettings  *settings;     /* the stored account's; NULL without the schema */
} RoloCommandLine;

/* Whether the options ask for a command-line mode (no window at all). */
gboolean rolo_command_line_is_wanted (const RoloCommandLine *options);

/*
 * Runs --export or --import to the end, in a main loop of its own, with no
 * display: the account is the window's (YSUITE_* in the environment first,
 * then the stored one), or the sample server with --sandbox. Progress goes
 * to stderr when it is a terminal; Ctrl+C stops cleanly (an export leaves no
 * half file). Returns the exit status.
 */
int      rolo_command_line_run       (const RoloCommandLine *options);

G_END_DECLS
