/* bench-bulk-edit.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bulk edit of 1,000 contacts against a sandbox served from its own thread,
 * as `rolo --sandbox` runs it: the change, then its undo, in seconds and
 * requests per second.
 */

#define G_LOG_DOMAIN "rolo-bench"

#include "config.h"

#include <stdio.h>

#include "rolo-bulk-edit.h"
#include "rolo-test-utils.h"

#define N_SEEDED   5000
#define N_EDITED   1000
#define PAGE_SIZE  100
#define WAIT_MS    600000

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* The first N_EDITED contacts, as the list has them. */
static GPtrArray *
list_contacts (RoloClient *client)
{
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint index = 0; contacts->len < N_EDITED; index++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RoloContactPage) page = rolo_test_client_list (client, NULL, index, PAGE_SIZE,
                                                               &error);
      GListModel *model;

      g_assert_no_error (error);
      model = rolo_contact_page_get_contacts (page);
      g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
      for (guint i = 0; i < g_list_model_get_n_items (model) && contacts->len < N_EDITED; i++)
        g_ptr_array_add (contacts, g_list_model_get_item (model, i));
    }

  return contacts;
}

static void
report (const char   *what,
        RoloBulkEdit *edit,
        RoloSandbox  *sandbox,
        guint         n_requests_before,
        gint64        start)
{
  double seconds = seconds_since (start);
  guint n_requests = rolo_sandbox_get_n_requests (sandbox) - n_requests_before;

  printf ("%-6s %u contacts: %6.2f s, %5u requests, %7.1f requests/s, %7.1f contacts/s\n",
          what, rolo_bulk_edit_get_n_to_do (edit), seconds, n_requests, n_requests / seconds,
          rolo_bulk_edit_get_n_to_do (edit) / seconds);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RoloSandbox) sandbox = NULL;
  g_autoptr(RoloClient) client = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(RoloContactChange) change = rolo_contact_change_new ();
  g_autoptr(RoloBulkEdit) edit = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_requests;
  gint64 start;

  sandbox = rolo_sandbox_new (NULL, &error);
  g_assert_no_error (error);
  rolo_sandbox_set_keys (sandbox, ROLO_TEST_ACCESS_KEY, ROLO_TEST_SECRET_KEY);
  rolo_sandbox_seed (sandbox, N_SEEDED, &error);
  g_assert_no_error (error);
  rolo_sandbox_start_thread (sandbox, 0, &error);
  g_assert_no_error (error);
  client = rolo_test_client_new_for (sandbox);
  contacts = list_contacts (client);

  /* Every contact changes: a note none of the sample contacts has. */
  rolo_contact_change_set_notes (change, "Spring campaign 2026");
  edit = rolo_bulk_edit_new (client, change, contacts);

  n_requests = rolo_sandbox_get_n_requests (sandbox);
  start = g_get_monotonic_time ();
  rolo_bulk_edit_apply_async (edit, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, WAIT_MS);
  g_assert_true (rolo_bulk_edit_apply_finish (edit, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_CHANGED), ==, N_EDITED);
  report ("change", edit, sandbox, n_requests, start);
  g_clear_object (&result);

  n_requests = rolo_sandbox_get_n_requests (sandbox);
  start = g_get_monotonic_time ();
  rolo_bulk_edit_undo_async (edit, NULL, rolo_test_store_result, &result);
  rolo_test_wait_for_result (&result, WAIT_MS);
  g_assert_true (rolo_bulk_edit_undo_finish (edit, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rolo_bulk_edit_count (edit, ROLO_BULK_EDIT_UNDONE), ==, N_EDITED);
  report ("undo", edit, sandbox, n_requests, start);

  rolo_sandbox_stop (sandbox);
  return 0;
}
