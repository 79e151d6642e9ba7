/* rolo-sample-server.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-ui"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rolo-sample-server.h"

/* Starting over: the store and SQLite's companion files, if any. */
static gboolean
remove_store (const char  *db_path,
              GError     **error)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);
      int saved_errno;

      if (g_unlink (path) == 0)
        continue;
      saved_errno = errno;
      if (saved_errno == ENOENT)
        continue;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not remove the old sample store %s: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

RoloSandbox *
rolo_sample_server_start (int          seed,
                          const char  *access_key,
                          const char  *secret_key,
                          GError     **error)
{
  g_autofree char *db_path = g_build_filename (g_get_user_data_dir (), "rolo", "sandbox.db",
                                               NULL);
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autoptr(RoloSandbox) sandbox = NULL;
  guint n_contacts = seed >= 0 ? (guint) seed : ROLO_SAMPLE_SERVER_DEFAULT_SEED;

  g_return_val_if_fail (access_key != NULL && secret_key != NULL, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }
  if (seed >= 0 && !remove_store (db_path, error))
    return NULL;

  sandbox = rolo_sandbox_new (db_path, error);
  if (sandbox == NULL)
    return NULL;
  rolo_sandbox_set_keys (sandbox, access_key, secret_key);
  /* Seeding leaves a store that already holds contacts as it is. */
  if (!rolo_sandbox_seed (sandbox, n_contacts, error) ||
      !rolo_sandbox_start_thread (sandbox, 0, error))
    return NULL;

  return g_steal_pointer (&sandbox);
}
