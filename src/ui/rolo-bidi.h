/* rolo-bidi.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Text that keeps its own direction inside a label of the other one. A
 * phone number ("+44 7700 900123") or a tag's number ("#12") has no letter
 * to say which way it runs, so in a right-to-left window it is laid out
 * right to left: "7700 900123 44+", "12#". Isolating it (Unicode's bidi
 * isolates, which draw nothing) keeps it whole.
 */

/* Always left to right: phone numbers, dialling prefixes. */
static inline char *
rolo_bidi_isolate_ltr (const char *text)
{
  return g_strconcat ("\u2066", text, "\u2069", NULL);
}

/* The way its first letter runs, left to right without one: names the user
 * gave, which may be Arabic or Latin, and numbers. */
static inline char *
rolo_bidi_isolate (const char *text)
{
  return g_strconcat ("\u2068", text, "\u2069", NULL);
}

G_END_DECLS
