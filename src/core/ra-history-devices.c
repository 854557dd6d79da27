/* ra-history-devices.c — the last known status of each device of a run
 *
 * What the execution results query said of each device when it was last
 * read, kept beside the device in run_devices (schema version 3), so a
 * run's detail shows it before the query is asked again, or when it
 * cannot be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-history"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-device-results-csv.h"
#include "ra-history.h"
#include "ra-history-private.h"

typedef struct
{
  gint64      run_id;
  char       *request_id; /* or NULL: the run is run_id */
  RaNqlResult *result;    /* read into statuses and names in the job */
  GHashTable *statuses;   /* collector ID → status, or NULL */
  GHashTable *names;      /* collector ID → device name, or NULL */
} DevicesCall;

static void
devices_call_free (DevicesCall *call)
{
  g_clear_pointer (&call->statuses, g_hash_table_unref);
  g_clear_pointer (&call->names, g_hash_table_unref);
  g_free (call->request_id);
  g_clear_object (&call->result);
  g_free (call);
}

static gpointer
get_statuses_job (RaHistory  *self,
                  gpointer    data,
                  GError    **error)
{
  DevicesCall *call = data;
  sqlite3 *db = ra_history_get_db (self);
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT device_id, status FROM run_devices"
                          " WHERE run_id = ? AND status IS NOT NULL",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      ra_history_set_error (error, db, RA_HISTORY_READING);
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, call->run_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_replace (statuses,
                          g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                          g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      ra_history_set_error (error, db, RA_HISTORY_READING);
      return NULL;
    }

  return g_steal_pointer (&statuses);
}

void
ra_history_get_device_statuses_async (RaHistory           *self,
                                      gint64               run_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  DevicesCall *call;

  g_return_if_fail (RA_IS_HISTORY (self));

  call = g_new0 (DevicesCall, 1);
  call->run_id = run_id;
  ra_history_start_call (self, ra_history_get_device_statuses_async, get_statuses_job, call,
                         (GDestroyNotify) devices_call_free, (GDestroyNotify) g_hash_table_unref,
                         cancellable, callback, user_data);
}

GHashTable *
ra_history_get_device_statuses_finish (RaHistory     *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return ra_history_finish_call (self, result, ra_history_get_device_statuses_async, error);
}

/* Keeps the statuses and names of call in run_id's devices; inside a
 * transaction of the caller's. */
static gboolean
update_devices (sqlite3      *db,
                gint64        run_id,
                DevicesCall  *call,
                GError      **error)
{
  g_autoptr(GHashTable) devices = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer device;
  gboolean ok = TRUE;

  /* Collector IDs are compared without regard to case, as Nexthink does.
   * A name the device was run on by stays: it is what the user typed. */
  if (sqlite3_prepare_v2 (db,
                          "UPDATE run_devices SET status = coalesce(?1, status),"
                          " name = coalesce(nullif(name, ''), ?4)"
                          " WHERE run_id = ?2 AND lower(device_id) = lower(?3)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return ra_history_set_error (error, db, RA_HISTORY_WRITING);

  g_hash_table_iter_init (&iter, call->statuses);
  while (g_hash_table_iter_next (&iter, &device, NULL))
    g_hash_table_add (devices, device);
  g_hash_table_iter_init (&iter, call->names);
  while (g_hash_table_iter_next (&iter, &device, NULL))
    g_hash_table_add (devices, device);

  g_hash_table_iter_init (&iter, devices);
  while (ok && g_hash_table_iter_next (&iter, &device, NULL))
    {
      sqlite3_bind_text (stmt, 1, g_hash_table_lookup (call->statuses, device), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, run_id);
      sqlite3_bind_text (stmt, 3, device, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, g_hash_table_lookup (call->names, device), -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        ok = ra_history_set_error (error, db, RA_HISTORY_WRITING);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);

  return ok;
}

static gpointer
set_statuses_job (RaHistory  *self,
                  gpointer    data,
                  GError    **error)
{
  DevicesCall *call = data;
  sqlite3 *db = ra_history_get_db (self);

  if (!ra_history_exec (db, "BEGIN IMMEDIATE", error))
    return NULL;

  if (!update_devices (db, call->run_id, call, error) || !ra_history_exec (db, "COMMIT", error))
    {
      ra_history_exec (db, "ROLLBACK", NULL);
      return NULL;
    }

  return GINT_TO_POINTER (TRUE);
}

/* The runs with call's request ID (one, unless a server gave an ID
 * twice): their devices' statuses and names, and their counts. */
static gpointer
keep_results_job (RaHistory  *self,
                  gpointer    data,
                  GError    **error)
{
  DevicesCall *call = data;
  sqlite3 *db = ra_history_get_db (self);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *counts_json = NULL;
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer status;
  gboolean ok = TRUE;
  int rc;

  /* Ten thousand devices take a few milliseconds: here, not on the main
   * thread. */
  ra_nql_result_index_devices (call->result, call->statuses, call->names);
  g_hash_table_iter_init (&iter, call->statuses);
  while (g_hash_table_iter_next (&iter, NULL, &status))
    g_hash_table_insert (counts, status,
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, status)) + 1));
  counts_json = ra_history_counts_to_json (counts);

  if (!ra_history_exec (db, "BEGIN IMMEDIATE", error))
    return NULL;

  if (sqlite3_prepare_v2 (db, "SELECT id FROM runs WHERE request_id = ?", -1, &stmt, NULL) != SQLITE_OK)
    ok = ra_history_set_error (error, db, RA_HISTORY_READING);
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, call->request_id, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
      if (rc != SQLITE_DONE)
        ok = ra_history_set_error (error, db, RA_HISTORY_READING);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (ok && sqlite3_prepare_v2 (db, "UPDATE runs SET status_counts = ? WHERE id = ?", -1, &stmt,
                                NULL) != SQLITE_OK)
    ok = ra_history_set_error (error, db, RA_HISTORY_WRITING);
  for (guint i = 0; ok && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      ok = update_devices (db, id, call, error);
      if (!ok)
        break;
      sqlite3_bind_text (stmt, 1, counts_json, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        ok = ra_history_set_error (error, db, RA_HISTORY_WRITING);
      sqlite3_reset (stmt);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!ok || !ra_history_exec (db, "COMMIT", error))
    {
      ra_history_exec (db, "ROLLBACK", NULL);
      return NULL;
    }

  if (ids->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("No run in the history has this request ID"));
      return NULL;
    }

  return GINT_TO_POINTER (TRUE);
}

/* A copy: the worker thread reads it while the caller goes on. Empty
 * values are left out when skip_empty. */
static GHashTable *
copy_strings (GHashTable *table,
              gboolean    skip_empty)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  if (table == NULL)
    return copy;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (value != NULL && (!skip_empty || ((const char *) value)[0] != '\0'))
        g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
    }

  return copy;
}

void
ra_history_set_device_statuses_async (RaHistory           *self,
                                      gint64               run_id,
                                      GHashTable          *statuses,
                                      GHashTable          *names,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  DevicesCall *call;

  g_return_if_fail (RA_IS_HISTORY (self));
  g_return_if_fail (statuses != NULL);

  call = g_new0 (DevicesCall, 1);
  call->run_id = run_id;
  call->statuses = copy_strings (statuses, FALSE);
  call->names = copy_strings (names, TRUE);
  ra_history_start_call (self, ra_history_set_device_statuses_async, set_statuses_job, call,
                         (GDestroyNotify) devices_call_free, NULL, cancellable, callback, user_data);
}

gboolean
ra_history_set_device_statuses_finish (RaHistory     *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return ra_history_finish_call (self, result, ra_history_set_device_statuses_async, error) != NULL;
}

void
ra_history_keep_results_async (RaHistory           *self,
                               const char          *request_id,
                               RaNqlResult         *result,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  DevicesCall *call;

  g_return_if_fail (RA_IS_HISTORY (self));
  g_return_if_fail (request_id != NULL && request_id[0] != '\0');
  g_return_if_fail (RA_IS_NQL_RESULT (result));

  call = g_new0 (DevicesCall, 1);
  call->request_id = g_strdup (request_id);
  call->result = g_object_ref (result);
  call->statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  call->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ra_history_start_call (self, ra_history_keep_results_async, keep_results_job, call,
                         (GDestroyNotify) devices_call_free, NULL, cancellable, callback, user_data);
}

gboolean
ra_history_keep_results_finish (RaHistory     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return ra_history_finish_call (self, result, ra_history_keep_results_async, error) != NULL;
}
