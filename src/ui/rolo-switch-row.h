/* rolo-switch-row.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ROLO_TYPE_SWITCH_ROW (rolo_switch_row_get_type ())

G_DECLARE_FINAL_TYPE (RoloSwitchRow, rolo_switch_row, ROLO, SWITCH_ROW, AdwActionRow)

/*
 * A row with a switch that is one keyboard stop, not two: the row takes the
 * focus and Space or Enter flips it, the switch only shows the state (and
 * follows the pointer). Screen readers hear the row as a switch, named by
 * its title, with its state. libadwaita 1.4 has AdwSwitchRow; this is the
 * same for 1.2.
 */
GtkWidget *rolo_switch_row_new        (void);
gboolean   rolo_switch_row_get_active (RoloSwitchRow *self);
void       rolo_switch_row_set_active (RoloSwitchRow *self,
                                       gboolean       active);

G_END_DECLS
