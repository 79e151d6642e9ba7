/* rolo-sandbox-store.c
 *
 * Copyright 2026 The Rolo authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rolo-sandbox"

#include "config.h"

#include <sqlite3.h>

#include "rolo-sandbox.h"
#include "rolo-sandbox-store-private.h"

/* SQLite behind one lock. Every value reaches SQL through a bound parameter;
 * the only text ever pasted into a statement comes from the constant tables
 * below. Statements are prepared once and kept. */
struct _RoloSandboxStore
{
  GObject     parent_instance;

  GMutex      lock;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  gboolean    has_fts;
};

G_DEFINE_FINAL_TYPE (RoloSandboxStore, rolo_sandbox_store, G_TYPE_OBJECT)

static const char schema_sql[] =
  "CREATE TABLE IF NOT EXISTS contacts ("
  "  cstid INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  cstname TEXT NOT NULL,"
  "  cstemail TEXT NOT NULL DEFAULT '',"
  "  cstmobile TEXT NOT NULL DEFAULT '',"
  "  cstmobile_country_id INTEGER,"
  "  cstaddress TEXT NOT NULL DEFAULT '',"
  "  ct_taxnumber TEXT NOT NULL DEFAULT '',"
  "  cstnotes TEXT NOT NULL DEFAULT '',"
  "  cstemailnotify INTEGER NOT NULL DEFAULT 1,"
  "  cstsmsnotify INTEGER NOT NULL DEFAULT 1,"
  "  cst_whatsapp_notify INTEGER NOT NULL DEFAULT 1,"
  "  contact_type INTEGER NOT NULL,"
  "  contact_parent INTEGER,"
  "  cstcreated_on INTEGER NOT NULL,"
  "  search_text TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS contact_tags ("
  "  cstid INTEGER NOT NULL,"
  "  tag_id INTEGER NOT NULL,"
  "  PRIMARY KEY (cstid, tag_id)) WITHOUT ROWID;"
  /* One index per sort order, alone and under the type filter; cstid last
   * so that ties come out in a stable order straight from the index. */
  "CREATE INDEX IF NOT EXISTS contacts_name ON contacts (cstname COLLATE NOCASE, cstid);"
  "CREATE INDEX IF NOT EXISTS contacts_email ON contacts (cstemail COLLATE NOCASE, cstid);"
  "CREATE INDEX IF NOT EXISTS contacts_mobile ON contacts (cstmobile, cstid);"
  "CREATE INDEX IF NOT EXISTS contacts_created ON contacts (cstcreated_on, cstid);"
  "CREATE INDEX IF NOT EXISTS contacts_type ON contacts (contact_type, cstid);"
  "CREATE INDEX IF NOT EXISTS contacts_type_name"
  "  ON contacts (contact_type, cstname COLLATE NOCASE, cstid);"
  "CREATE INDEX IF NOT EXISTS contacts_type_email"
  "  ON contacts (contact_type, cstemail COLLATE NOCASE, cstid);"
  "CREATE INDEX IF NOT EXISTS contacts_type_mobile ON contacts (contact_type, cstmobile, cstid);"
  "CREATE INDEX IF NOT EXISTS contacts_type_created"
  "  ON contacts (contact_type, cstcreated_on, cstid);"
  "CREATE INDEX IF NOT EXISTS contacts_parent ON contacts (contact_parent)"
  "  WHERE contact_parent IS NOT NULL;";

/* Substring search of three characters or more goes through a trigram index
 * over the folded name and email; shorter text is scanned with instr(). */
static const char fts_sql[] =
  "CREATE VIRTUAL TABLE IF NOT EXISTS contacts_fts USING fts5 ("
  "  search_text, content='contacts', content_rowid='cstid', tokenize='trigram');"
  "CREATE TRIGGER IF NOT EXISTS contacts_fts_insert AFTER INSERT ON contacts BEGIN"
  "  INSERT INTO contacts_fts (rowid, search_text) VALUES (new.cstid, new.search_text);"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS contacts_fts_delete AFTER DELETE ON contacts BEGIN"
  "  INSERT INTO contacts_fts (contacts_fts, rowid, search_text)"
  "    VALUES ('delete', old.cstid, old.search_text);"
  "END;"
  "CREATE TRIGGER IF NOT EXISTS contacts_fts_update AFTER UPDATE OF search_text ON contacts"
  "  WHEN old.search_text IS NOT new.search_text BEGIN"
  "  INSERT INTO contacts_fts (contacts_fts, rowid, search_text)"
  "    VALUES ('delete', old.cstid, old.search_text);"
  "  INSERT INTO contacts_fts (rowid, search_text) VALUES (new.cstid, new.search_text);"
  "END;";

#define CONTACT_COLUMNS \
  "cstname, cstemail, cstmobile, cstmobile_country_id, cstaddress, ct_taxnumber, cstnotes," \
  " cstemailnotify, cstsmsnotify, cst_whatsapp_notify, contact_type, contact_parent," \
  " cstcreated_on, search_text"

static const struct
{
  const char *name;
  const char *order_by;
} sort_columns[] = {
  [ROLO_SANDBOX_SORT_CSTID] = { "cstid", NULL },
  [ROLO_SANDBOX_SORT_CSTNAME] = { "cstname", "cstname COLLATE NOCASE" },
  [ROLO_SANDBOX_SORT_CSTEMAIL] = { "cstemail", "cstemail COLLATE NOCASE" },
  [ROLO_SANDBOX_SORT_CSTMOBILE] = { "cstmobile", "cstmobile" },
  [ROLO_SANDBOX_SORT_CONTACT_TYPE] = { "contact_type", "contact_type" },
  [ROLO_SANDBOX_SORT_CSTCREATED_ON] = { "cstcreated_on", "cstcreated_on" },
};

/* A cached statement on loan: reset and unbound when the loan ends. */
typedef sqlite3_stmt StmtLoan;

static void
stmt_loan_end (StmtLoan *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StmtLoan, stmt_loan_end)

gboolean
rolo_sandbox_sort_from_string (const char      *name,
                               RoloSandboxSort *sort)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_columns); i++)
    {
      if (g_strcmp0 (name, sort_columns[i].name) == 0)
        {
          *sort = i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
set_error (RoloSandboxStore  *self,
           GError           **error,
           const char        *what)
{
  g_set_error (error, ROLO_SANDBOX_ERROR, ROLO_SANDBOX_ERROR_STORE,
               "%s: %s", what, sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec_sql (RoloSandboxStore  *self,
          const char        *sql,
          GError           **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_error (self, error, "Cannot run statement");
  return TRUE;
}

static StmtLoan *
borrow_stmt (RoloSandboxStore  *self,
             const char        *sql,
             GError           **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    return stmt;

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      set_error (self, error, "Cannot prepare statement");
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static void
bind_int (sqlite3_stmt *stmt,
          const char   *name,
          gint64        value)
{
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, name), value);
}

static void
bind_text (sqlite3_stmt *stmt,
           const char   *name,
           const char   *value)
{
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, name), value, -1,
                     SQLITE_TRANSIENT);
}

/* 0 binds NULL: the optional ids store "none" as NULL. */
static void
bind_optional_id (sqlite3_stmt *stmt,
                  const char   *name,
                  gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (value > 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? (const char *) text : "");
}

/* Steps a "SELECT count(*)" statement: the count, or -1 with error. */
static gint64
step_count (RoloSandboxStore  *self,
            sqlite3_stmt      *stmt,
            const char        *what,
            GError           **error)
{
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_error (self, error, what);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
open_db (RoloSandboxStore  *self,
         const char        *path,
         GError           **error)
{
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;

  if (sqlite3_open_v2 (path != NULL ? path : ":memory:", &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, ROLO_SANDBOX_ERROR, ROLO_SANDBOX_ERROR_STORE,
                   "Cannot open the sandbox store: %s",
                   self->db != NULL ? sqlite3_errmsg (self->db) : "out of memory");
      return FALSE;
    }

  sqlite3_busy_timeout (self->db, 5000);
  if (path != NULL && !exec_sql (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;",
                                 error))
    return FALSE;

  if (!exec_sql (self, "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32000;", error) ||
      !exec_sql (self, schema_sql, error))
    return FALSE;

  self->has_fts = sqlite3_exec (self->db, fts_sql, NULL, NULL, NULL) == SQLITE_OK;
  if (!self->has_fts)
    g_debug ("No trigram full-text index (%s); searching by scanning", sqlite3_errmsg (self->db));

  return TRUE;
}

static void
rolo_sandbox_store_finalize (GObject *object)
{
  RoloSandboxStore *self = (RoloSandboxStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (rolo_sandbox_store_parent_class)->finalize (object);
}

static void
rolo_sandbox_store_class_init (RoloSandboxStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rolo_sandbox_store_finalize;
}

static void
rolo_sandbox_store_init (RoloSandboxStore *self)
{
  g_mutex_init (&self->lock);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
}

RoloSandboxStore *
rolo_sandbox_store_new (const char  *path,
                        GError     **error)
{
  g_autoptr(RoloSandboxStore) self = g_object_new (ROLO_TYPE_SANDBOX_STORE, NULL);

  if (!open_db (self, path, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
rolo_sandbox_store_copy_from (RoloSandboxStore  *self,
                              RoloSandboxStore  *source,
                              GError           **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GMutexLocker) source_locker = NULL;
  sqlite3_backup *backup;
  int result;

  g_return_val_if_fail (ROLO_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (ROLO_IS_SANDBOX_STORE (source), FALSE);
  g_return_val_if_fail (self != source, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  source_locker = g_mutex_locker_new (&source->lock);

  /* SQLite's online backup copies every page, the full-text index too. */
  backup = sqlite3_backup_init (self->db, "main", source->db, "main");
  if (backup == NULL)
    return set_error (self, error, "Cannot copy the sandbox store");
  result = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (result != SQLITE_DONE)
    {
      g_set_error (error, ROLO_SANDBOX_ERROR, ROLO_SANDBOX_ERROR_STORE,
                   "Cannot copy the sandbox store: %s", sqlite3_errstr (result));
      return FALSE;
    }

  self->has_fts = source->has_fts;
  return TRUE;
}

static gint64
count_locked (RoloSandboxStore  *self,
              GError           **error)
{
  g_autoptr(StmtLoan) stmt = borrow_stmt (self, "SELECT count(*) FROM contacts", error);

  if (stmt == NULL)
    return -1;
  return step_count (self, stmt, "Cannot count contacts", error);
}

gint64
rolo_sandbox_store_count (RoloSandboxStore  *self,
                          GError           **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (ROLO_IS_SANDBOX_STORE (self), -1);

  locker = g_mutex_locker_new (&self->lock);

  return count_locked (self, error);
}

/* Only constant fragments go into the text, so the number of distinct
 * statements (and cache entries) stays small. */
static gboolean
has_search (const RoloSandboxQuery *query)
{
  return query->search != NULL && query->search[0] != '\0';
}

/* The trigram index cannot find text shorter than three characters. */
static gboolean
search_uses_fts (RoloSandboxStore       *self,
                 const RoloSandboxQuery *query)
{
  return has_search (query) && self->has_fts && g_utf8_strlen (query->search, -1) >= 3;
}

static char *
build_where (RoloSandboxStore       *self,
             const RoloSandboxQuery *query)
{
  const char *search = NULL;

  if (search_uses_fts (self, query))
    search = "cstid IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH :search)";
  else if (has_search (query))
    search = "instr (search_text, :search) > 0";

  if (search != NULL && query->contact_type != 0)
    return g_strdup_printf (" WHERE %s AND contact_type = :type", search);
  if (search != NULL)
    return g_strdup_printf (" WHERE %s", search);
  if (query->contact_type != 0)
    return g_strdup (" WHERE contact_type = :type");
  return g_strdup ("");
}

static char *
build_list_sql (RoloSandboxStore       *self,
                const RoloSandboxQuery *query)
{
  g_autofree char *where = build_where (self, query);
  const char *order_by = sort_columns[query->sort].order_by;
  const char *direction = query->descending ? "DESC" : "ASC";
  g_autofree char *order = NULL;

  if (order_by != NULL)
    order = g_strdup_printf ("%s %s, cstid %s", order_by, direction, direction);
  else
    order = g_strdup_printf ("cstid %s", direction);

  return g_strdup_printf ("SELECT cstid, cstname, cstemail, cstmobile, contact_type, cstcreated_on"
                          " FROM contacts%s ORDER BY %s LIMIT :limit OFFSET :offset",
                          where, order);
}

/* The search text as FTS5 wants it: one quoted phrase, so nothing in it is
 * read as query syntax. */
static char *
quote_phrase (const char *text)
{
  g_autoptr(GString) phrase = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');

  return g_string_free (g_steal_pointer (&phrase), FALSE);
}

static void
bind_query (RoloSandboxStore       *self,
            sqlite3_stmt           *stmt,
            const RoloSandboxQuery *query)
{
  int search_index = sqlite3_bind_parameter_index (stmt, ":search");

  if (search_index > 0 && search_uses_fts (self, query))
    sqlite3_bind_text (stmt, search_index, quote_phrase (query->search), -1, g_free);
  else if (search_index > 0)
    sqlite3_bind_text (stmt, search_index, query->search, -1, SQLITE_TRANSIENT);

  if (sqlite3_bind_parameter_index (stmt, ":type") > 0)
    bind_int (stmt, ":type", query->contact_type);
  if (sqlite3_bind_parameter_index (stmt, ":limit") > 0)
    bind_int (stmt, ":limit", query->limit);
  if (sqlite3_bind_parameter_index (stmt, ":offset") > 0)
    bind_int (stmt, ":offset", query->offset);
}

static gint64
count_matches (RoloSandboxStore        *self,
               const RoloSandboxQuery  *query,
               GError                 **error)
{
  g_autofree char *where = build_where (self, query);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM contacts%s", where);
  g_autoptr(StmtLoan) stmt = borrow_stmt (self, sql, error);

  if (stmt == NULL)
    return -1;

  bind_query (self, stmt, query);
  return step_count (self, stmt, "Cannot count contacts", error);
}

static RoloSandboxContact *
read_short_row (sqlite3_stmt *stmt)
{
  RoloSandboxContact *contact = rolo_sandbox_contact_new ();

  contact->cstid = sqlite3_column_int64 (stmt, 0);
  g_free (contact->cstname);
  contact->cstname = column_dup (stmt, 1);
  g_free (contact->cstemail);
  contact->cstemail = column_dup (stmt, 2);
  g_free (contact->cstmobile);
  contact->cstmobile = column_dup (stmt, 3);
  contact->contact_type = sqlite3_column_int64 (stmt, 4);
  contact->cstcreated_on = sqlite3_column_int64 (stmt, 5);

  return contact;
}

static GPtrArray *
list_page (RoloSandboxStore        *self,
           const RoloSandboxQuery  *query,
           GError                 **error)
{
  g_autofree char *sql = build_list_sql (self, query);
  g_autoptr(StmtLoan) stmt = borrow_stmt (self, sql, error);
  g_autoptr(GPtrArray) page = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  bind_query (self, stmt, query);
  page = g_ptr_array_new_with_free_func ((GDestroyNotify) rolo_sandbox_contact_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (page, read_short_row (stmt));

  if (rc != SQLITE_DONE)
    {
      set_error (self, error, "Cannot list contacts");
      return NULL;
    }
  return g_steal_pointer (&page);
}

GPtrArray *
rolo_sandbox_store_list (RoloSandboxStore        *self,
                         const RoloSandboxQuery  *query,
                         gint64                  *total,
                         GError                 **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (ROLO_IS_SANDBOX_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (total != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);

  *total = count_matches (self, query, error);
  if (*total < 0)
    return NULL;

  return list_page (self, query, error);
}

static gboolean
read_tags (RoloSandboxStore    *self,
           RoloSandboxContact  *contact,
           GError             **error)
{
  g_autoptr(StmtLoan) stmt = NULL;
  g_autoptr(GArray) tags = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = borrow_stmt (self, "SELECT tag_id FROM contact_tags WHERE cstid = :id ORDER BY tag_id",
                      error);
  if (stmt == NULL)
    return FALSE;

  bind_int (stmt, ":id", contact->cstid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 tag = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (tags, tag);
    }
  if (rc != SQLITE_DONE)
    return set_error (self, error, "Cannot read tags");

  rolo_sandbox_contact_set_tags (contact, (const gint64 *) (gpointer) tags->data, tags->len);
  return TRUE;
}

static RoloSandboxContact *
read_full_row (sqlite3_stmt *stmt,
               gint64        cstid)
{
  g_autoptr(RoloSandboxContact) contact = rolo_sandbox_contact_new ();

  contact->cstid = cstid;
  g_free (contact->cstname);
  contact->cstname = column_dup (stmt, 0);
  g_free (contact->cstemail);
  contact->cstemail = column_dup (stmt, 1);
  g_free (contact->cstmobile);
  contact->cstmobile = column_dup (stmt, 2);
  contact->cstmobile_country_id = sqlite3_column_int64 (stmt, 3);
  g_free (contact->cstaddress);
  contact->cstaddress = column_dup (stmt, 4);
  g_free (contact->ct_taxnumber);
  contact->ct_taxnumber = column_dup (stmt, 5);
  g_free (contact->cstnotes);
  contact->cstnotes = column_dup (stmt, 6);
  contact->cstemailnotify = sqlite3_column_int (stmt, 7) != 0;
  contact->cstsmsnotify = sqlite3_column_int (stmt, 8) != 0;
  contact->cst_whatsapp_notify = sqlite3_column_int (stmt, 9) != 0;
  contact->contact_type = sqlite3_column_int64 (stmt, 10);
  contact->contact_parent = sqlite3_column_int64 (stmt, 11);
  contact->cstcreated_on = sqlite3_column_int64 (stmt, 12);

  return g_steal_pointer (&contact);
}

RoloSandboxContact *
rolo_sandbox_store_lookup (RoloSandboxStore  *self,
                           gint64             cstid,
                           GError           **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(StmtLoan) stmt = NULL;
  g_autoptr(RoloSandboxContact) contact = NULL;
  int rc;

  g_return_val_if_fail (ROLO_IS_SANDBOX_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->lock);

  stmt = borrow_stmt (self, "SELECT " CONTACT_COLUMNS " FROM contacts WHERE cstid = :id", error);
  if (stmt == NULL)
    return NULL;

  bind_int (stmt, ":id", cstid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      set_error (self, error, "Cannot read contact");
      return NULL;
    }

  contact = read_full_row (stmt, cstid);
  if (!read_tags (self, contact, error))
    return NULL;

  return g_steal_pointer (&contact);
}

gint64
rolo_sandbox_store_count_children (RoloSandboxStore  *self,
                                   gint64             cstid,
                                   GError           **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(StmtLoan) stmt = NULL;

  g_return_val_if_fail (ROLO_IS_SANDBOX_STORE (self), -1);

  locker = g_mutex_locker_new (&self->lock);

  stmt = borrow_stmt (self, "SELECT count(*) FROM contacts WHERE contact_parent = :id", error);
  if (stmt == NULL)
    return -1;

  bind_int (stmt, ":id", cstid);
  return step_count (self, stmt, "Cannot count linked contacts", error);
}

static void
bind_contact (sqlite3_stmt             *stmt,
              const RoloSandboxContact *contact)
{
  g_autofree char *search_text = rolo_sandbox_contact_dup_search_text (contact);

  bind_text (stmt, ":name", contact->cstname);
  bind_text (stmt, ":email", contact->cstemail);
  bind_text (stmt, ":mobile", contact->cstmobile);
  bind_optional_id (stmt, ":country", contact->cstmobile_country_id);
  bind_text (stmt, ":address", contact->cstaddress);
  bind_text (stmt, ":tax", contact->ct_taxnumber);
  bind_text (stmt, ":notes", contact->cstnotes);
  bind_int (stmt, ":emailnotify", contact->cstemailnotify ? 1 : 0);
  bind_int (stmt, ":smsnotify", contact->cstsmsnotify ? 1 : 0);
  bind_int (stmt, ":whatsappnotify", contact->cst_whatsapp_notify ? 1 : 0);
  bind_int (stmt, ":type", contact->contact_type);
  bind_optional_id (stmt, ":parent", contact->contact_parent);
  bind_int (stmt, ":created", contact->cstcreated_on);
  bind_text (stmt, ":search", search_text);
}

static gboolean
write_tags (RoloSandboxStore          *self,
            const RoloSandboxContact  *contact,
            GError                   **error)
{
  g_autoptr(StmtLoan) clear = NULL;
  g_autoptr(StmtLoan) insert = NULL;

  clear = borrow_stmt (self, "DELETE FROM contact_tags WHERE cstid = :id", error);
  insert = clear ? borrow_stmt (self, "INSERT INTO contact_tags (cstid, tag_id)"
                                      " VALUES (:id, :tag)", error) : NULL;
  if (insert == NULL)
    return FALSE;

  bind_int (clear, ":id", contact->cstid);
  if (sqlite3_step (clear) != SQLITE_DONE)
    return set_error (self, error, "Cannot write tags");

  for (guint i = 0; i < contact->tags->len; i++)
    {
      bind_int (insert, ":id", contact->cstid);
      bind_int (insert, ":tag", g_array_index (contact->tags, gint64, i));
      if (sqlite3_step (insert) != SQLITE_DONE)
        return set_error (self, error, "Cannot write tags");
      sqlite3_reset (insert);
    }
  return TRUE;
}

static gboolean
insert_locked (RoloSandboxStore    *self,
               RoloSandboxContact  *contact,
               GError             **error)
{
  g_autoptr(StmtLoan) stmt = NULL;

  stmt = borrow_stmt (self,
                      "INSERT INTO contacts (" CONTACT_COLUMNS ") VALUES (:name, :email, :mobile,"
                      " :country, :address, :tax, :notes, :emailnotify, :smsnotify,"
                      " :whatsappnotify, :type, :parent, :created, :search)", error);
  if (stmt == NULL)
    return FALSE;

  bind_contact (stmt, contact);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_error (self, error, "Cannot insert contact");

  contact->cstid = sqlite3_last_insert_rowid (self->db);
  return contact->tags->len == 0 || write_tags (self, contact, error);
}

static gboolean
finish_transaction (RoloSandboxStore  *self,
                    gboolean           ok,
                    GError           **error)
{
  if (ok)
    return exec_sql (self, "COMMIT", error);

  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* A write done under the lock, inside a transaction. */
typedef gboolean (*WriteFunc) (RoloSandboxStore  *self,
                               gpointer           data,
                               GError           **error);

/* Runs write in one transaction: committed if it succeeds, else rolled back. */
static gboolean
write_in_transaction (RoloSandboxStore  *self,
                      WriteFunc          write,
                      gpointer           data,
                      GError           **error)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  return finish_transaction (self, write (self, data, error), error);
}

gboolean
rolo_sandbox_store_insert (RoloSandboxStore    *self,
                           RoloSandboxContact  *contact,
                           GError             **error)
{
  g_return_val_if_fail (ROLO_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (contact != NULL, FALSE);

  return write_in_transaction (self, (WriteFunc) insert_locked, contact, error);
}

static const char drop_indexes_sql[] =
  "DROP INDEX IF EXISTS contacts_name; DROP INDEX IF EXISTS contacts_email;"
  "DROP INDEX IF EXISTS contacts_mobile; DROP INDEX IF EXISTS contacts_created;"
  "DROP INDEX IF EXISTS contacts_type; DROP INDEX IF EXISTS contacts_type_name;"
  "DROP INDEX IF EXISTS contacts_type_email; DROP INDEX IF EXISTS contacts_type_mobile;"
  "DROP INDEX IF EXISTS contacts_type_created; DROP INDEX IF EXISTS contacts_parent;"
  "DROP TRIGGER IF EXISTS contacts_fts_insert;";

/* Building the indexes once at the end is several times faster than
 * keeping them up to date row by row. */
static gboolean
fill_locked (RoloSandboxStore          *self,
             RoloSandboxContactSource   source,
             gpointer                   user_data,
             GError                   **error)
{
  RoloSandboxContact *contact;

  if (!exec_sql (self, drop_indexes_sql, error))
    return FALSE;

  while ((contact = source (user_data)) != NULL)
    {
      if (!insert_locked (self, contact, error))
        return FALSE;
    }

  if (!exec_sql (self, schema_sql, error))
    return FALSE;
  return !self->has_fts ||
         (exec_sql (self, fts_sql, error) &&
          exec_sql (self, "INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild')", error));
}

typedef struct
{
  RoloSandboxContactSource source;
  gpointer                 user_data;
} Fill;

static gboolean
fill_if_empty_locked (RoloSandboxStore  *self,
                      Fill              *fill,
                      GError           **error)
{
  gint64 count = count_locked (self, error);

  if (count != 0)
    return count > 0;
  return fill_locked (self, fill->source, fill->user_data, error);
}

gboolean
rolo_sandbox_store_fill (RoloSandboxStore          *self,
                         RoloSandboxContactSource   source,
                         gpointer                   user_data,
                         GError                   **error)
{
  Fill fill = { source, user_data };

  g_return_val_if_fail (ROLO_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  return write_in_transaction (self, (WriteFunc) fill_if_empty_locked, &fill, error);
}

static gboolean
update_locked (RoloSandboxStore          *self,
               const RoloSandboxContact  *contact,
               GError                   **error)
{
  g_autoptr(StmtLoan) stmt = NULL;

  stmt = borrow_stmt (self,
                      "UPDATE contacts SET cstname = :name, cstemail = :email,"
                      " cstmobile = :mobile, cstmobile_country_id = :country,"
                      " cstaddress = :address, ct_taxnumber = :tax, cstnotes = :notes,"
                      " cstemailnotify = :emailnotify, cstsmsnotify = :smsnotify,"
                      " cst_whatsapp_notify = :whatsappnotify, contact_type = :type,"
                      " contact_parent = :parent, cstcreated_on = :created,"
                      " search_text = :search WHERE cstid = :id", error);
  if (stmt == NULL)
    return FALSE;

  bind_contact (stmt, contact);
  bind_int (stmt, ":id", contact->cstid);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_error (self, error, "Cannot update contact");

  return write_tags (self, contact, error);
}

gboolean
rolo_sandbox_store_update (RoloSandboxStore          *self,
                           const RoloSandboxContact  *contact,
                           GError                   **error)
{
  g_return_val_if_fail (ROLO_IS_SANDBOX_STORE (self), FALSE);
  g_return_val_if_fail (contact != NULL, FALSE);

  return write_in_transaction (self, (WriteFunc) update_locked, (gpointer) contact, error);
}

static gboolean
step_with_id (RoloSandboxStore  *self,
              const char        *sql,
              gint64             cstid,
              GError           **error)
{
  g_autoptr(StmtLoan) stmt = borrow_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  bind_int (stmt, ":id", cstid);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_error (self, error, "Cannot delete contact");
  return TRUE;
}

typedef struct
{
  gint64   cstid;
  gboolean found;
} Deletion;

static gboolean
delete_locked (RoloSandboxStore  *self,
               Deletion          *deletion,
               GError           **error)
{
  gint64 cstid = deletion->cstid;

  if (!step_with_id (self, "DELETE FROM contacts WHERE cstid = :id", cstid, error))
    return FALSE;

  deletion->found = sqlite3_changes (self->db) > 0;
  if (!deletion->found)
    return TRUE;

  return step_with_id (self, "DELETE FROM contact_tags WHERE cstid = :id", cstid, error) &&
         step_with_id (self, "UPDATE contacts SET contact_parent = NULL"
                             " WHERE contact_parent = :id", cstid, error);
}

gboolean
rolo_sandbox_store_delete (RoloSandboxStore  *self,
                           gint64             cstid,
                           gboolean          *found,
                           GError           **error)
{
  Deletion deletion = { cstid, FALSE };
  gboolean ok;

  g_return_val_if_fail (ROLO_IS_SANDBOX_STORE (self), FALSE);

  ok = write_in_transaction (self, (WriteFunc) delete_locked, &deletion, error);
  if (found != NULL)
    *found = deletion.found;
  return ok;
}
