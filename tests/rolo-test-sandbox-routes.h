/* rolo-test-sandbox-routes.h — the short names the contract tests of the
 * sandbox's contacts routes read with.
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rolo-test-utils.h"

G_BEGIN_DECLS

typedef RoloTestSandboxFixture Fixture;
typedef RoloTestReply Reply;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, rolo_test_reply_free)

#define envelope rolo_test_reply_get_object
#define data_of rolo_test_reply_get_data
/* Asserts status, success and (when given) message of an answer. */
#define assert_reply rolo_test_assert_envelope
/* Every request here must get an answer. */
#define request rolo_test_sandbox_fixture_request
/* A 422 naming field in errors. */
#define assert_invalid rolo_test_assert_invalid
#define create rolo_test_sandbox_fixture_create
#define create_named rolo_test_sandbox_fixture_create_named
#define list rolo_test_sandbox_fixture_list

G_END_DECLS
