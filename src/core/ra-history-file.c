/* ra-history-file.c — the history's database file: its schema, the
 * migrations from older ones, and what happens to a damaged file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-history"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ra-history.h"
#include "ra-history-private.h"

/* How long a write waits for another connection's before it fails. */
#define BUSY_TIMEOUT_MS 10000

/* Each version's step from the one before; index 0 makes version 1. The
 * steps never change once released: a new version adds a step. */
static const char * const migrations[] = {
  /* 1: runs and their devices */
  "CREATE TABLE runs ("
  "  id INTEGER PRIMARY KEY,"
  "  time INTEGER NOT NULL,"
  "  account_id TEXT NOT NULL,"
  "  account_name TEXT,"
  "  instance TEXT,"
  "  region TEXT,"
  "  action_id TEXT NOT NULL,"
  "  action_name TEXT,"
  "  parameters TEXT NOT NULL,"
  "  expires_in_minutes INTEGER NOT NULL,"
  "  reason TEXT,"
  "  external_reference TEXT,"
  "  outcome TEXT NOT NULL,"
  "  request_id TEXT);"
  "CREATE TABLE run_devices ("
  "  run_id INTEGER NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  device_id TEXT NOT NULL,"
  "  PRIMARY KEY (run_id, position)) WITHOUT ROWID;",

  /* 2: the device count and the status counts kept with the run, so that
   * a list of runs never counts devices; the list's order as an index */
  "ALTER TABLE runs ADD COLUMN n_devices INTEGER NOT NULL DEFAULT 0;"
  "UPDATE runs SET n_devices = (SELECT count(*) FROM run_devices WHERE run_id = runs.id);"
  "ALTER TABLE runs ADD COLUMN status_counts TEXT;"
  "CREATE INDEX runs_by_time ON runs (time DESC, id DESC);",

  /* 3: the last known status of each device, from the execution results
   * query, so that a run's detail shows it before the query is asked
   * again, or when it cannot be */
  "ALTER TABLE run_devices ADD COLUMN status TEXT;",

  /* 4: the name a device was given when it was run on by name, so that
   * the history finds a run by the device's name as well as its ID */
  "ALTER TABLE run_devices ADD COLUMN name TEXT;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RA_HISTORY_SCHEMA_VERSION);

gboolean
ra_history_set_error (GError         **error,
                      sqlite3         *db,
                      RaHistoryDoing   doing)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : "out of memory";

  switch (doing)
    {
    case RA_HISTORY_OPENING:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not open the run history: %s"), message);
      break;
    case RA_HISTORY_READING:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not read the run history: %s"), message);
      break;
    case RA_HISTORY_WRITING:
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the run history: %s"), message);
      break;
    }

  return FALSE;
}

gboolean
ra_history_exec (sqlite3     *db,
                 const char  *sql,
                 GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write the run history: %s"), message ? message : "");
  sqlite3_free (message);
  return FALSE;
}

/* Opening */

static gboolean
is_damage (int code)
{
  code &= 0xff;
  return code == SQLITE_NOTADB || code == SQLITE_CORRUPT;
}

/* The user_version of an open database, or -1 with the SQLite code in
 * *code_out. */
static int
read_version (sqlite3 *db,
              int     *code_out)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          version = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  *code_out = rc;

  return version;
}

static gboolean
migrate (sqlite3  *db,
         int       version,
         GError  **error)
{
  g_autofree char *set_version = NULL;

  if (version >= RA_HISTORY_SCHEMA_VERSION)
    return TRUE;

  /* IMMEDIATE: two processes opening a new file at once migrate it one
   * after the other, and the second finds it done. */
  if (!ra_history_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  {
    int rc;

    version = read_version (db, &rc);
    if (rc != SQLITE_OK)
      {
        ra_history_exec (db, "ROLLBACK", NULL);
        return ra_history_set_error (error, db, RA_HISTORY_READING);
      }
  }

  for (int step = version; step < RA_HISTORY_SCHEMA_VERSION; step++)
    if (!ra_history_exec (db, migrations[step], error))
      {
        ra_history_exec (db, "ROLLBACK", NULL);
        return FALSE;
      }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", RA_HISTORY_SCHEMA_VERSION);
  if (!ra_history_exec (db, set_version, error) || !ra_history_exec (db, "COMMIT", error))
    {
      ra_history_exec (db, "ROLLBACK", NULL);
      return FALSE;
    }

  return TRUE;
}

/* Opens the file; *damaged says when it is not a database or is broken. */
static sqlite3 *
open_file (const char  *path,
           gboolean    *damaged,
           GError     **error)
{
  sqlite3 *db = NULL;
  int version, rc;

  *damaged = FALSE;

  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      ra_history_set_error (error, db, RA_HISTORY_OPENING);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (db, TRUE);

  version = read_version (db, &rc);
  if (rc == SQLITE_OK)
    {
      sqlite3_stmt *stmt = NULL;

      /* A header that reads but pages that do not; checked before
       * anything is written to the file, which is kept as it is. */
      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
      if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        rc = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0 ? SQLITE_OK
                                                                                 : SQLITE_CORRUPT;
      sqlite3_finalize (stmt);
    }
  if (rc == SQLITE_OK)
    {
      char *message = NULL;

      rc = sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, &message);
      sqlite3_free (message);
    }

  if (is_damage (rc))
    {
      *damaged = TRUE;
      sqlite3_close (db);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The run history is damaged"));
      return NULL;
    }
  if (rc != SQLITE_OK)
    {
      ra_history_set_error (error, db, RA_HISTORY_OPENING);
      sqlite3_close (db);
      return NULL;
    }

  if (version > RA_HISTORY_SCHEMA_VERSION)
    {
      sqlite3_close (db);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The run history was written by a newer version of Remote Actions"));
      return NULL;
    }

  if (!migrate (db, version, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/* Renames the file (and what SQLite keeps beside it) out of the way. */
static char *
move_aside (const char  *path,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.damaged-%s", path, stamp);
  const char *suffixes[] = { "-wal", "-shm" };

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not move the damaged run history aside: %s"),
                   g_strerror (saved_errno));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *side_target = g_strconcat (target, suffixes[i], NULL);

      if (g_file_test (side, G_FILE_TEST_EXISTS))
        g_rename (side, side_target);
    }

  return g_steal_pointer (&target);
}

sqlite3 *
ra_history_open_file (const char  *path,
                      char       **moved_aside,
                      GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) local_error = NULL;
  gboolean damaged = FALSE;
  sqlite3 *db;

  *moved_aside = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder of the run history: %s"),
                   g_strerror (saved_errno));
      return NULL;
    }

  db = open_file (path, &damaged, &local_error);
  if (db == NULL && damaged)
    {
      g_clear_error (&local_error);
      *moved_aside = move_aside (path, &local_error);
      if (*moved_aside != NULL)
        {
          g_message ("The run history was damaged; it was moved to %s", *moved_aside);
          db = open_file (path, &damaged, &local_error);
        }
    }

  if (db == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return db;
}
