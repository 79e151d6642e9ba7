/* rolo-page-cache.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-client"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "rolo-page-cache.h"

/* One lock around one connection, opened on first use. Every value reaches
 * SQL through a bound parameter. The rows are the API's JSON for the list
 * fields, so they read back through rolo_contact_new_from_json(). */
struct _RoloPageCache
{
  GObject  parent_instance;

  GMutex   lock;
  char    *path;
  sqlite3 *db;
  gboolean broken;      /* could not be opened even afresh: holds nothing */
  guint    max_pages;
};

G_DEFINE_FINAL_TYPE (RoloPageCache, rolo_page_cache, G_TYPE_OBJECT)

#define SCHEMA_VERSION 1

static const char schema_sql[] =
  "CREATE TABLE IF NOT EXISTS pages ("
  "  account TEXT NOT NULL,"
  "  query TEXT NOT NULL,"
  "  page INTEGER NOT NULL,"
  "  total_records INTEGER NOT NULL,"
  "  total_pages INTEGER NOT NULL,"
  "  fetched_at INTEGER NOT NULL,"
  "  rows TEXT NOT NULL,"
  "  PRIMARY KEY (account, query, page));"
  "CREATE INDEX IF NOT EXISTS pages_by_age ON pages (fetched_at);";

static const char upsert_sql[] =
  "INSERT INTO pages (account, query, page, total_records, total_pages, fetched_at, rows)"
  " VALUES (?, ?, ?, ?, ?, ?, ?)"
  " ON CONFLICT (account, query, page) DO UPDATE SET"
  "  total_records = excluded.total_records, total_pages = excluded.total_pages,"
  "  fetched_at = excluded.fetched_at, rows = excluded.rows"
  " WHERE excluded.fetched_at >= pages.fetched_at";

static const char evict_sql[] =
  "DELETE FROM pages WHERE rowid NOT IN"
  " (SELECT rowid FROM pages ORDER BY fetched_at DESC, rowid DESC LIMIT ?)";

static const char load_sql[] =
  "SELECT total_records, total_pages, fetched_at, rows FROM pages"
  " WHERE account = ? AND query = ? AND page = ?";

/* The connection */

static gboolean
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;

  g_debug ("Page cache: %s", message != NULL ? message : sqlite3_errmsg (db));
  sqlite3_free (message);
  return FALSE;
}

static int
read_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* Opens the file and checks that it reads as a cache of this version. */
static sqlite3 *
try_open (const char *path)
{
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int version;

  if (sqlite3_open_v2 (path, &db, flags, NULL) != SQLITE_OK)
    {
      g_debug ("Page cache: cannot open %s: %s", path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 2000);
  /* What is deleted (an account's pages) is overwritten, not left in free pages. */
  exec_sql (db, "PRAGMA secure_delete = ON");

  version = read_user_version (db);
  if (version != 0 && version != SCHEMA_VERSION)
    {
      g_debug ("Page cache: version %d, not %d: starting afresh", version, SCHEMA_VERSION);
      sqlite3_close (db);
      return NULL;
    }
  if (!exec_sql (db, schema_sql) || !exec_sql (db, "PRAGMA user_version = 1") ||
      !exec_sql (db, "SELECT count(*) FROM pages"))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static void
remove_files (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (name) != 0 && errno != ENOENT)
        g_debug ("Page cache: cannot remove %s: %s", name, g_strerror (errno));
    }
}

/* The file holds contacts: readable by its owner only. */
static void
create_private_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_debug ("Page cache: cannot create %s: %s", dir, g_strerror (errno));
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd >= 0)
    g_close (fd, NULL);
}

/* Called with the lock held. */
static sqlite3 *
get_db (RoloPageCache *self)
{
  if (self->db != NULL || self->broken)
    return self->db;

  create_private_file (self->path);
  self->db = try_open (self->path);
  if (self->db == NULL)
    {
      g_debug ("Page cache: %s is unreadable: replacing it", self->path);
      remove_files (self->path);
      create_private_file (self->path);
      self->db = try_open (self->path);
    }
  self->broken = self->db == NULL;
  return self->db;
}

/* A file that went bad under us is dropped: the next call starts afresh. */
static void
check_failure (RoloPageCache *self,
               int            rc)
{
  int primary = rc & 0xff;

  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return;

  g_debug ("Page cache: %s", sqlite3_errstr (rc));
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    {
      g_clear_pointer (&self->db, sqlite3_close);
      remove_files (self->path);
    }
}

/* Rows */

static JsonNode *
contact_to_json (RoloContact *contact)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GDateTime *created = rolo_contact_get_created (contact);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, ROLO_CONTACT_FIELD_ID);
  json_builder_add_int_value (builder, rolo_contact_get_id (contact));
  json_builder_set_member_name (builder, ROLO_CONTACT_FIELD_NAME);
  json_builder_add_string_value (builder, rolo_contact_get_name (contact));
  json_builder_set_member_name (builder, ROLO_CONTACT_FIELD_EMAIL);
  json_builder_add_string_value (builder, rolo_contact_get_email (contact));
  json_builder_set_member_name (builder, ROLO_CONTACT_FIELD_MOBILE);
  json_builder_add_string_value (builder, rolo_contact_get_mobile (contact));
  if (rolo_contact_get_mobile_country_id (contact) > 0)
    {
      json_builder_set_member_name (builder, ROLO_CONTACT_FIELD_MOBILE_COUNTRY_ID);
      json_builder_add_int_value (builder, rolo_contact_get_mobile_country_id (contact));
    }
  json_builder_set_member_name (builder, ROLO_CONTACT_FIELD_CONTACT_TYPE);
  json_builder_add_int_value (builder, rolo_contact_get_contact_type (contact));
  if (created != NULL)
    {
      g_autofree char *text = g_date_time_format_iso8601 (created);

      json_builder_set_member_name (builder, ROLO_CONTACT_FIELD_CREATED);
      json_builder_add_string_value (builder, text);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
rows_to_json (GListModel *contacts)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();

  json_node_take_array (root, array);
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(RoloContact) contact = g_list_model_get_item (contacts, i);

      json_array_add_element (array, contact_to_json (contact));
    }
  return json_to_string (root, FALSE);
}

/* NULL when the text is not an array of contacts. */
static GListStore *
rows_from_json (const char *text)
{
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  g_autoptr(GListStore) store = NULL;
  JsonArray *array;

  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;

  array = json_node_get_array (root);
  store = g_list_store_new (ROLO_TYPE_CONTACT);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(RoloContact) contact = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        contact = rolo_contact_new_from_json (json_node_get_object (node), NULL);
      if (contact == NULL)
        return NULL;
      g_list_store_append (store, contact);
    }
  return g_steal_pointer (&store);
}

/* GObject */

static void
rolo_page_cache_finalize (GObject *object)
{
  RoloPageCache *self = ROLO_PAGE_CACHE (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (rolo_page_cache_parent_class)->finalize (object);
}

static void
rolo_page_cache_class_init (RoloPageCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rolo_page_cache_finalize;
}

static void
rolo_page_cache_init (RoloPageCache *self)
{
  g_mutex_init (&self->lock);
  self->max_pages = ROLO_PAGE_CACHE_DEFAULT_MAX_PAGES;
}

/* Public API */

RoloPageCache *
rolo_page_cache_new (const char *path)
{
  RoloPageCache *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (ROLO_TYPE_PAGE_CACHE, NULL);
  self->path = g_strdup (path);
  return self;
}

RoloPageCache *
rolo_page_cache_get_default (void)
{
  static RoloPageCache *cache;

  if (g_once_init_enter (&cache))
    {
      g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "rolo",
                                                "pages.sqlite", NULL);

      g_once_init_leave (&cache, rolo_page_cache_new (path));
    }
  return cache;
}

void
rolo_page_cache_set_max_pages (RoloPageCache *self,
                               guint          max_pages)
{
  g_return_if_fail (ROLO_IS_PAGE_CACHE (self));
  g_return_if_fail (max_pages > 0);

  g_mutex_lock (&self->lock);
  self->max_pages = max_pages;
  g_mutex_unlock (&self->lock);
}

/* Hex SHA-256 of both: one account, whatever it is called, and no key in
 * clear. The secret key is not needed to tell accounts apart. */
char *
rolo_page_cache_account_key (const char *base_url,
                             const char *access_key)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (access_key != NULL, NULL);

  g_checksum_update (checksum, (const guchar *) base_url, -1);
  /* A separator no URL holds, so "a" + "bc" is not "ab" + "c". */
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) access_key, -1);
  return g_strdup (g_checksum_get_string (checksum));
}

char *
rolo_page_cache_query_key (RoloContactQuery *query,
                           guint             page_size)
{
  g_autofree char *search = NULL;

  g_return_val_if_fail (ROLO_IS_CONTACT_QUERY (query), NULL);

  search = g_uri_escape_string (rolo_contact_query_get_search (query), NULL, TRUE);
  return g_strdup_printf ("type=%d&sort=%s&desc=%d&size=%u&search=%s",
                          rolo_contact_query_get_contact_type (query),
                          rolo_contact_sort_field_to_api_name (
                            rolo_contact_query_get_sort_by (query)),
                          rolo_contact_query_get_sort_descending (query) ? 1 : 0,
                          page_size, search);
}

/* Prepares sql with the page's key bound to its first three parameters. */
static int
prepare_for_page (sqlite3       *db,
                  const char    *sql,
                  const char    *account,
                  const char    *query_key,
                  guint          page_index,
                  sqlite3_stmt **stmt)
{
  int rc = sqlite3_prepare_v2 (db, sql, -1, stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (*stmt, 1, account, -1, SQLITE_STATIC);
      sqlite3_bind_text (*stmt, 2, query_key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (*stmt, 3, page_index);
    }
  return rc;
}

void
rolo_page_cache_store (RoloPageCache   *self,
                       const char      *account,
                       const char      *query_key,
                       guint            page_index,
                       RoloContactPage *page)
{
  g_autofree char *rows = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_if_fail (ROLO_IS_PAGE_CACHE (self));
  g_return_if_fail (account != NULL && query_key != NULL);
  g_return_if_fail (ROLO_IS_CONTACT_PAGE (page));

  rows = rows_to_json (rolo_contact_page_get_contacts (page));

  g_mutex_lock (&self->lock);
  if ((db = get_db (self)) == NULL)
    goto out;

  rc = prepare_for_page (db, upsert_sql, account, query_key, page_index, &stmt);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 4, rolo_contact_page_get_total_records (page));
      sqlite3_bind_int64 (stmt, 5, rolo_contact_page_get_total_pages (page));
      sqlite3_bind_int64 (stmt, 6, g_get_real_time ());
      sqlite3_bind_text (stmt, 7, rows, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (rc == SQLITE_DONE)
    {
      rc = sqlite3_prepare_v2 (db, evict_sql, -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_int64 (stmt, 1, self->max_pages);
          rc = sqlite3_step (stmt);
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  check_failure (self, rc);

out:
  g_mutex_unlock (&self->lock);
}

static RoloContactPage *
page_from_row (sqlite3_stmt  *stmt,
               guint          page_index,
               GDateTime    **fetched_at)
{
  const char *text = (const char *) sqlite3_column_text (stmt, 3);
  g_autoptr(GListStore) rows = text != NULL ? rows_from_json (text) : NULL;
  gint64 total = sqlite3_column_int64 (stmt, 0);
  gint64 pages = sqlite3_column_int64 (stmt, 1);

  if (rows == NULL || total < 0 || total > G_MAXUINT || pages < 0 || pages > G_MAXUINT)
    {
      g_debug ("Page cache: page %u does not read as contacts: ignored", page_index);
      return NULL;
    }
  if (fetched_at != NULL)
    {
      gint64 usec = sqlite3_column_int64 (stmt, 2);
      g_autoptr(GDateTime) second = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);

      *fetched_at = second != NULL ? g_date_time_add (second, usec % G_USEC_PER_SEC) : NULL;
    }
  return rolo_contact_page_new (page_index + 1, total, pages, G_LIST_MODEL (rows));
}

RoloContactPage *
rolo_page_cache_load (RoloPageCache  *self,
                      const char     *account,
                      const char     *query_key,
                      guint           page_index,
                      GDateTime     **fetched_at)
{
  RoloContactPage *page = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (ROLO_IS_PAGE_CACHE (self), NULL);
  g_return_val_if_fail (account != NULL && query_key != NULL, NULL);

  g_mutex_lock (&self->lock);
  if ((db = get_db (self)) == NULL)
    goto out;

  rc = prepare_for_page (db, load_sql, account, query_key, page_index, &stmt);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        page = page_from_row (stmt, page_index, fetched_at);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  check_failure (self, rc);

out:
  g_mutex_unlock (&self->lock);
  return page;
}

void
rolo_page_cache_forget_account (RoloPageCache *self,
                                const char    *account)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc;

  g_return_if_fail (ROLO_IS_PAGE_CACHE (self));
  g_return_if_fail (account != NULL);

  g_mutex_lock (&self->lock);
  if ((db = get_db (self)) != NULL)
    {
      rc = sqlite3_prepare_v2 (db, "DELETE FROM pages WHERE account = ?", -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, account, -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
      check_failure (self, rc);
    }
  g_mutex_unlock (&self->lock);
}

/* Removes the file itself: nothing of it stays on the disk. */
void
rolo_page_cache_clear (RoloPageCache *self)
{
  g_return_if_fail (ROLO_IS_PAGE_CACHE (self));

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->db, sqlite3_close);
  remove_files (self->path);
  self->broken = FALSE;
  g_mutex_unlock (&self->lock);
}

guint
rolo_page_cache_get_n_pages (RoloPageCache *self)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  guint n = 0;

  g_return_val_if_fail (ROLO_IS_PAGE_CACHE (self), 0);

  g_mutex_lock (&self->lock);
  if ((db = get_db (self)) != NULL &&
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM pages", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_mutex_unlock (&self->lock);
  return n;
}

/* Asynchronous */

typedef struct
{
  char            *account;
  char            *query_key;
  guint            page_index;
  RoloContactPage *page;
  GDateTime       *fetched_at;
} Job;

static void
job_free (Job *job)
{
  g_free (job->account);
  g_free (job->query_key);
  g_clear_object (&job->page);
  g_clear_pointer (&job->fetched_at, g_date_time_unref);
  g_free (job);
}

static GTask *
job_task_new (RoloPageCache       *self,
              const char          *account,
              const char          *query_key,
              guint                page_index,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->account = g_strdup (account);
  job->query_key = g_strdup (query_key);
  job->page_index = page_index;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  return task;
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;

  rolo_page_cache_store (source_object, job->account, job->query_key, job->page_index,
                         job->page);
  g_task_return_boolean (task, TRUE);
}

/* The page's contacts are its own (the list copies them into its rows), so
 * the worker thread reads them alone. */
void
rolo_page_cache_store_async (RoloPageCache   *self,
                             const char      *account,
                             const char      *query_key,
                             guint            page_index,
                             RoloContactPage *page)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ROLO_IS_PAGE_CACHE (self));
  g_return_if_fail (account != NULL && query_key != NULL);
  g_return_if_fail (ROLO_IS_CONTACT_PAGE (page));

  task = job_task_new (self, account, query_key, page_index, NULL, NULL, NULL);
  g_task_set_source_tag (task, rolo_page_cache_store_async);
  ((Job *) g_task_get_task_data (task))->page = g_object_ref (page);
  g_task_run_in_thread (task, store_thread);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;

  job->page = rolo_page_cache_load (source_object, job->account, job->query_key,
                                    job->page_index, &job->fetched_at);
  g_task_return_boolean (task, TRUE);
}

void
rolo_page_cache_load_async (RoloPageCache       *self,
                            const char          *account,
                            const char          *query_key,
                            guint                page_index,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ROLO_IS_PAGE_CACHE (self));
  g_return_if_fail (account != NULL && query_key != NULL);

  task = job_task_new (self, account, query_key, page_index, cancellable, callback, user_data);
  g_task_set_source_tag (task, rolo_page_cache_load_async);
  g_task_run_in_thread (task, load_thread);
}

RoloContactPage *
rolo_page_cache_load_finish (RoloPageCache  *self,
                             GAsyncResult   *result,
                             GDateTime     **fetched_at,
                             GError        **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  job = g_task_get_task_data (G_TASK (result));
  if (fetched_at != NULL)
    *fetched_at = job->fetched_at != NULL ? g_date_time_ref (job->fetched_at) : NULL;
  return job->page != NULL ? g_object_ref (job->page) : NULL;
}

static void
clear_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  rolo_page_cache_clear (source_object);
  g_task_return_boolean (task, TRUE);
}

void
rolo_page_cache_clear_async (RoloPageCache *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ROLO_IS_PAGE_CACHE (self));

  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_source_tag (task, rolo_page_cache_clear_async);
  g_task_run_in_thread (task, clear_thread);
}
