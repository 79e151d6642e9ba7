/* rolo-error-text.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Words for a failure, for status pages and toasts: a short title, a plain
 * text explanation of what happened and what to do, and a symbolic icon. */
char       *rolo_error_text_title       (const GError *error);
char       *rolo_error_text_description (const GError *error);
const char *rolo_error_text_icon_name   (const GError *error);

G_END_DECLS
