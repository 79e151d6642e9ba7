/* rolo-window.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rolo-application.h"
#include "rolo-client.h"

G_BEGIN_DECLS

#define ROLO_TYPE_WINDOW (rolo_window_get_type ())

G_DECLARE_FINAL_TYPE (RoloWindow, rolo_window, ROLO, WINDOW, AdwApplicationWindow)

RoloWindow *rolo_window_new                    (RoloApplication *application);
RoloClient *rolo_window_get_client             (RoloWindow      *self);
void        rolo_window_set_client             (RoloWindow      *self,
                                                RoloClient      *client);
void        rolo_window_show_loading           (RoloWindow      *self,
                                                const char      *description);
void        rolo_window_show_error             (RoloWindow      *self,
                                                const GError    *error);
const char *rolo_window_get_state              (RoloWindow      *self);
const char *rolo_window_get_status_title       (RoloWindow      *self);
const char *rolo_window_get_status_description (RoloWindow      *self);

G_END_DECLS
