/* rolo-sample-server.h
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rolo-sandbox.h"

G_BEGIN_DECLS

#define ROLO_SAMPLE_SERVER_DEFAULT_SEED 1000

/*
 * The sample server of --sandbox and of "Try Sample Data": the bundled
 * RoloSandbox on its store in the user data folder (rolo/sandbox.db),
 * serving from a thread of its own on a loopback port, with keys made up for
 * this run. @seed >= 0 starts over with that many sample contacts; -1 keeps
 * the store as it is (seeding the default number into an empty one).
 *
 * Blocks while seeding: call it from a worker thread in the window.
 */
RoloSandbox *rolo_sample_server_start (int          seed,
                                       const char  *access_key,
                                       const char  *secret_key,
                                       GError     **error);

G_END_DECLS
