/* rolo-application.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rolo-client.h"

G_BEGIN_DECLS

#define ROLO_TYPE_APPLICATION (rolo_application_get_type ())

G_DECLARE_FINAL_TYPE (RoloApplication, rolo_application, ROLO, APPLICATION, AdwApplication)

#define ROLO_DEFAULT_BASE_URL "https://api.ysuite.org"

RoloApplication *rolo_application_new                 (void);
void             rolo_skip_gl_for_cairo               (void);
RoloClient      *rolo_application_client_from_environ (const char * const  *envp,
                                                       GError             **error);
GSettings       *rolo_application_new_settings        (void);

G_END_DECLS
