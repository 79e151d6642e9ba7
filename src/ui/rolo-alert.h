/* rolo-alert.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A question with a few answers, over a window: an AdwAlertDialog where
 * libadwaita has it (1.5), an AdwMessageDialog before. Either way a widget
 * with a "response" signal (the answer's id); it shows once, and goes when
 * answered. */

#define ROLO_ALERT_HAS_ADW_DIALOG ADW_CHECK_VERSION (1, 5, 0)

GtkWidget  *rolo_alert_new                     (const char            *heading,
                                                const char            *body);
gboolean    rolo_alert_is_alert                (GtkWidget             *widget);
const char *rolo_alert_get_heading             (GtkWidget             *alert);
void        rolo_alert_set_heading             (GtkWidget             *alert,
                                                const char            *heading);
const char *rolo_alert_get_body                (GtkWidget             *alert);
void        rolo_alert_set_body                (GtkWidget             *alert,
                                                const char            *body);
void        rolo_alert_add_response            (GtkWidget             *alert,
                                                const char            *id,
                                                const char            *label,
                                                AdwResponseAppearance  appearance);
/* A question's two answers: the safe one (@keep), which Enter and Escape
 * give, and the one that acts, as @appearance shows it. */
void        rolo_alert_add_choice              (GtkWidget             *alert,
                                                const char            *keep_id,
                                                const char            *keep_label,
                                                const char            *act_id,
                                                const char            *act_label,
                                                AdwResponseAppearance  appearance);
const char *rolo_alert_get_response_label      (GtkWidget             *alert,
                                                const char            *id);
AdwResponseAppearance
            rolo_alert_get_response_appearance (GtkWidget             *alert,
                                                const char            *id);
gboolean    rolo_alert_get_response_enabled    (GtkWidget             *alert,
                                                const char            *id);
void        rolo_alert_set_response_enabled    (GtkWidget             *alert,
                                                const char            *id,
                                                gboolean               enabled);
const char *rolo_alert_get_default_response    (GtkWidget             *alert);
void        rolo_alert_set_default_response    (GtkWidget             *alert,
                                                const char            *id);
void        rolo_alert_set_close_response      (GtkWidget             *alert,
                                                const char            *id);
GtkWidget  *rolo_alert_get_extra_child         (GtkWidget             *alert);
void        rolo_alert_set_extra_child         (GtkWidget             *alert,
                                                GtkWidget             *child);
void        rolo_alert_present                 (GtkWidget             *alert,
                                                GtkWidget             *parent);
GtkWindow  *rolo_alert_get_window              (GtkWidget             *alert);
GtkWidget  *rolo_alert_get_shown               (void);

G_END_DECLS
