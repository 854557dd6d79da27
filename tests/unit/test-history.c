/* test-history.c — the run history's database: round trip, migration,
 * damage, several writers, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-history"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ra-history.h"
#include "ra-nql-result-private.h"
#include "ra-test-common.h"

#define DEVICE_A "6513270e-269e-4d37-b2a7-4de452e6b438"
#define DEVICE_B "d23f0824-128b-4f33-8c5c-7fd0a6a3a450"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ra-history-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet: the history makes it. */
  f->path = g_build_filename (f->dir, "data", "history.sqlite3", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Synchronous wrappers, each waiting (bounded) for its answer. */

static gboolean
history_open (RaHistory  *history,
              GError    **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  ra_history_open_async (history, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  return ra_history_open_finish (history, result, error);
}

static void
history_add (RaHistory    *history,
             RaHistoryRun *run)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ra_history_add_async (history, run, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  g_assert_true (ra_history_add_finish (history, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ra_history_run_get_id (run), >, 0);
}

static void
history_update (RaHistory    *history,
                RaHistoryRun *run)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ra_history_update_async (history, run, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  g_assert_true (ra_history_update_finish (history, result, &error));
  g_assert_no_error (error);
}

static GPtrArray *
history_list (RaHistory  *history,
              const char *search,
              const char *account_id,
              int         outcome)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *runs;

  ra_history_list_async (history, search, account_id, outcome, 0, NULL,
                         ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  runs = ra_history_list_finish (history, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (runs);

  return runs;
}

static GStrv
history_devices (RaHistory *history,
                 gint64     id)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GStrv devices;

  ra_history_get_devices_async (history, id, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  devices = ra_history_get_devices_finish (history, result, &error);
  g_assert_no_error (error);

  return devices;
}

static GHashTable *
history_statuses (RaHistory *history,
                  gint64     id)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *statuses;

  ra_history_get_device_statuses_async (history, id, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  statuses = ra_history_get_device_statuses_finish (history, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (statuses);

  return statuses;
}

static void
history_set_statuses_and_names (RaHistory  *history,
                                gint64      id,
                                GHashTable *statuses,
                                GHashTable *names)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ra_history_set_device_statuses_async (history, id, statuses, names, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  g_assert_true (ra_history_set_device_statuses_finish (history, result, &error));
  g_assert_no_error (error);
}

static void
history_set_statuses (RaHistory  *history,
                      gint64      id,
                      GHashTable *statuses)
{
  history_set_statuses_and_names (history, id, statuses, NULL);
}

static RaHistoryRun *
make_run (const char *action_id,
          gint64      time)
{
  g_autoptr(RaExecutionRequest) request = ra_execution_request_new (action_id);
  const char *devices[] = { DEVICE_A, DEVICE_B, NULL };
  RaHistoryRun *run;

  ra_execution_request_set_param (request, "Mode", "quick");
  ra_execution_request_set_param (request, "Note", "“quotes”, commas and\nlines");
  ra_execution_request_set_devices (request, devices);
  ra_execution_request_set_expires_in_minutes (request, 60);
  ra_execution_request_set_reason (request, "Printer queue stuck");
  ra_execution_request_set_external_reference (request, "INC0012345");

  run = ra_history_run_new_for_request (request, time);
  ra_history_run_set_account (run, "acme-id", "Acme", "acme", "eu");
  ra_history_run_set_action (run, action_id, "Clear print queue");

  return run;
}

static guint
count (RaHistoryRun *run,
       const char   *status)
{
  GHashTable *counts = ra_history_run_get_status_counts (run);

  g_assert_nonnull (counts);
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, status));
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RaHistory) history = ra_history_new (f->path);
  g_autoptr(RaHistoryRun) run = make_run ("#clear_queue", 1764000000);
  g_autoptr(GPtrArray) runs = NULL;
  g_auto(GStrv) devices = NULL;
  g_autoptr(GError) error = NULL;
  RaHistoryRun *back;

  g_assert_true (history_open (history, &error));
  g_assert_no_error (error);
  g_assert_null (ra_history_get_moved_aside (history));

  /* Written before it is sent: the outcome is not known yet. */
  history_add (history, run);
  runs = history_list (history, NULL, NULL, -1);
  g_assert_cmpuint (runs->len, ==, 1);
  back = g_ptr_array_index (runs, 0);
  g_assert_cmpint (ra_history_run_get_outcome (back), ==, RA_EXECUTION_OUTCOME_UNKNOWN);
  g_assert_null (ra_history_run_get_request_id (back));
  g_assert_null (ra_history_run_get_status_counts (back));
  g_clear_pointer (&runs, g_ptr_array_unref);

  /* The answer, then what the results said. */
  ra_history_run_set_outcome (run, RA_EXECUTION_OUTCOME_STARTED, "req-0001");
  ra_history_run_set_status_count (run, "success", 1);
  ra_history_run_set_status_count (run, "pending", 1);
  history_update (history, run);

  runs = history_list (history, NULL, NULL, -1);
  g_assert_cmpuint (runs->len, ==, 1);
  back = g_ptr_array_index (runs, 0);
  g_assert_cmpint (ra_history_run_get_id (back), ==, ra_history_run_get_id (run));
  g_assert_cmpint (ra_history_run_get_time (back), ==, 1764000000);
  g_assert_cmpstr (ra_history_run_get_account_id (back), ==, "acme-id");
  g_assert_cmpstr (ra_history_run_get_account_name (back), ==, "Acme");
  g_assert_cmpstr (ra_history_run_get_instance (back), ==, "acme");
  g_assert_cmpstr (ra_history_run_get_region (back), ==, "eu");
  g_assert_cmpstr (ra_history_run_get_action_id (back), ==, "#clear_queue");
  g_assert_cmpstr (ra_history_run_get_action_name (back), ==, "Clear print queue");
  g_assert_cmpuint (g_hash_table_size (ra_history_run_get_parameters (back)), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (ra_history_run_get_parameters (back), "Mode"), ==, "quick");
  g_assert_cmpstr (g_hash_table_lookup (ra_history_run_get_parameters (back), "Note"), ==,
                   "“quotes”, commas and\nlines");
  g_assert_cmpuint (ra_history_run_get_expires_in_minutes (back), ==, 60);
  g_assert_cmpstr (ra_history_run_get_reason (back), ==, "Printer queue stuck");
  g_assert_cmpstr (ra_history_run_get_external_reference (back), ==, "INC0012345");
  g_assert_cmpint (ra_history_run_get_outcome (back), ==, RA_EXECUTION_OUTCOME_STARTED);
  g_assert_cmpstr (ra_history_run_get_request_id (back), ==, "req-0001");
  g_assert_cmpuint (count (back, "success"), ==, 1);
  g_assert_cmpuint (count (back, "pending"), ==, 1);

  /* The list says how many devices; the run's detail reads them. */
  g_assert_null (ra_history_run_get_devices (back));
  g_assert_cmpuint (ra_history_run_get_n_devices (back), ==, 2);
  devices = history_devices (history, ra_history_run_get_id (back));
  g_assert_cmpuint (g_strv_length (devices), ==, 2);
  g_assert_cmpstr (devices[0], ==, DEVICE_A);
  g_assert_cmpstr (devices[1], ==, DEVICE_B);

  /* And all of it survives a new connection. */
  g_clear_object (&history);
  history = ra_history_new (f->path);
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = history_list (history, NULL, NULL, -1);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpstr (ra_history_run_get_request_id (g_ptr_array_index (runs, 0)), ==, "req-0001");
}

static void
assert_finds (RaHistory  *history,
              const char *search,
              const char *account_id,
              int         outcome,
              guint       n)
{
  g_autoptr(GPtrArray) runs = history_list (history, search, account_id, outcome);

  g_assert_cmpuint (runs->len, ==, n);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RaHistory) history = ra_history_new (f->path);
  g_autoptr(GPtrArray) runs = NULL;
  const char *other_devices[] = { "0a0b0c0d-0000-4000-8000-000000000001", NULL };

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(RaHistoryRun) run = make_run ("#clear_queue", 1764000000 + i);

      if (i == 1)
        ra_history_run_set_action (run, "#restart_spooler", "Restart 100%_spooler");
      if (i == 2)
        ra_history_run_set_account (run, NULL, NULL, "demo", "eu");
      if (i == 3)
        {
          g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

          /* Typed by name, looked up: the name is kept with the ID. */
          g_hash_table_insert (names, (gpointer) other_devices[0], (gpointer) "LAPTOP-TRAINING");
          ra_history_run_set_devices (run, other_devices);
          ra_history_run_set_device_names (run, names);
        }
      if (i == 4)
        ra_history_run_set_external_reference (run, "CHG777");
      if (i % 2 == 0)
        ra_history_run_set_outcome (run, RA_EXECUTION_OUTCOME_STARTED, i == 0 ? "abc-REQ-9" : NULL);
      else
        ra_history_run_set_outcome (run, RA_EXECUTION_OUTCOME_NOT_SENT, NULL);
      history_add (history, run);
    }

  /* Newest first. */
  runs = history_list (history, "", NULL, -1);
  g_assert_cmpuint (runs->len, ==, 5);
  for (guint i = 1; i < runs->len; i++)
    g_assert_cmpint (ra_history_run_get_time (g_ptr_array_index (runs, i - 1)), >,
                     ra_history_run_get_time (g_ptr_array_index (runs, i)));
  g_clear_pointer (&runs, g_ptr_array_unref);


  assert_finds (history, "spooler", NULL, -1, 1);              /* the action's name */
  assert_finds (history, "RESTART_SPOOLER", NULL, -1, 1);      /* its NQL ID, any case */
  assert_finds (history, "100%_", NULL, -1, 1);                /* LIKE's characters as text */
  assert_finds (history, "1000", NULL, -1, 0);
  assert_finds (history, "req-9", NULL, -1, 1);                /* the request ID */
  assert_finds (history, "chg777", NULL, -1, 1);               /* the ticket reference */
  assert_finds (history, "000000000001", NULL, -1, 1);         /* a device */
  assert_finds (history, "laptop-train", NULL, -1, 1);         /* a device's name */
  assert_finds (history, "LAPTOP-SPARE", NULL, -1, 0);
  assert_finds (history, "6513270e", NULL, -1, 4);
  assert_finds (history, NULL, "acme-id", -1, 4);
  assert_finds (history, NULL, "", -1, 1);                     /* the demo instance */
  assert_finds (history, NULL, NULL, RA_EXECUTION_OUTCOME_NOT_SENT, 2);
  assert_finds (history, NULL, NULL, RA_EXECUTION_OUTCOME_STARTED, 3);
  assert_finds (history, NULL, NULL, RA_EXECUTION_OUTCOME_UNKNOWN, 0);
  assert_finds (history, "clear", "acme-id", RA_EXECUTION_OUTCOME_STARTED, 2);
}

/* Devices run on by ID get the names their results reported, so that
 * the run is found by them; a name typed for the run stays. */
static void
test_names_from_results (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RaHistory) history = ra_history_new (f->path);
  g_autoptr(RaHistoryRun) by_id = make_run ("#clear_queue", 1764000000);
  g_autoptr(RaHistoryRun) by_name = make_run ("#clear_queue", 1764000100);
  g_autoptr(GHashTable) typed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) empty = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) read = NULL;
  g_autofree char *upper_a = g_ascii_strup (DEVICE_A, -1);

  g_hash_table_insert (typed, (gpointer) DEVICE_A, (gpointer) "PC-TYPED");
  ra_history_run_set_device_names (by_name, typed);
  history_add (history, by_id);
  history_add (history, by_name);
  assert_finds (history, "LAPTOP-JDOE", NULL, -1, 0);

  /* A name without a status keeps the status there is. */
  g_hash_table_insert (statuses, (gpointer) DEVICE_B, (gpointer) "success");
  history_set_statuses (history, ra_history_run_get_id (by_id), statuses);
  g_hash_table_insert (names, upper_a, (gpointer) "LAPTOP-JDOE-01");
  g_hash_table_insert (names, (gpointer) DEVICE_B, (gpointer) "");
  history_set_statuses_and_names (history, ra_history_run_get_id (by_id), empty, names);
  assert_finds (history, "laptop-jdoe", NULL, -1, 1);
  read = history_statuses (history, ra_history_run_get_id (by_id));
  g_assert_cmpstr (g_hash_table_lookup (read, DEVICE_B), ==, "success");
  g_assert_null (g_hash_table_lookup (read, DEVICE_A));

  /* The typed name stays; the reported one is not added to it. */
  history_set_statuses_and_names (history, ra_history_run_get_id (by_name), empty, names);
  assert_finds (history, "PC-TYPED", NULL, -1, 1);
  assert_finds (history, "laptop-jdoe", NULL, -1, 1);
}

static gboolean
history_keep_results (RaHistory   *history,
                      const char  *request_id,
                      const char  *csv,
                      GError     **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RaNqlResult) answer = NULL;

  answer = _ra_nql_result_new_from_csv ("#results", csv, strlen (csv), FALSE, error);
  g_assert_nonnull (answer);
  ra_history_keep_results_async (history, request_id, answer, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  return ra_history_keep_results_finish (history, result, error);
}

/* What a device results window read of a run, found by its request ID:
 * statuses and names of its devices, and its counts. */
static void
test_keep_results (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RaHistory) history = ra_history_new (f->path);
  g_autoptr(RaHistoryRun) run = make_run ("#clear_queue", 1764000000);
  g_autoptr(RaHistoryRun) other = make_run ("#clear_queue", 1764000100);
  g_autoptr(GHashTable) read = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *upper_a = g_ascii_strup (DEVICE_A, -1);
  g_autofree char *csv = NULL;
  RaHistoryRun *kept = NULL;

  ra_history_run_set_outcome (run, RA_EXECUTION_OUTCOME_STARTED, "req-keep");
  ra_history_run_set_outcome (other, RA_EXECUTION_OUTCOME_STARTED, "req-other");
  history_add (history, run);
  history_add (history, other);

  csv = g_strdup_printf ("device.name,device.collector.uid,remote_action.execution.status\r\n"
                         "LAPTOP-JDOE-01,%s,success\r\n"
                         "LAPTOP-ASMITH,%s,failure\r\n",
                         upper_a, DEVICE_B);
  g_assert_true (history_keep_results (history, "req-keep", csv, &error));
  g_assert_no_error (error);

  read = history_statuses (history, ra_history_run_get_id (run));
  g_assert_cmpuint (g_hash_table_size (read), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (read, DEVICE_A), ==, "success");
  g_assert_cmpstr (g_hash_table_lookup (read, DEVICE_B), ==, "failure");
  g_clear_pointer (&read, g_hash_table_unref);
  read = history_statuses (history, ra_history_run_get_id (other));
  g_assert_cmpuint (g_hash_table_size (read), ==, 0);

  runs = history_list (history, "laptop-asmith", NULL, -1);
  g_assert_cmpuint (runs->len, ==, 1);
  kept = g_ptr_array_index (runs, 0);
  g_assert_cmpstr (ra_history_run_get_request_id (kept), ==, "req-keep");
  g_assert_cmpuint (count (kept, "success"), ==, 1);
  g_assert_cmpuint (count (kept, "failure"), ==, 1);

  /* A request ID no run has: nothing is written, and the caller is told. */
  g_assert_false (history_keep_results (history, "req-unknown", csv, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* The first schema, as an early build of the app wrote it. */
static const char schema_1[] =
  "CREATE TABLE runs ("
  "  id INTEGER PRIMARY KEY, time INTEGER NOT NULL, account_id TEXT NOT NULL,"
  "  account_name TEXT, instance TEXT, region TEXT, action_id TEXT NOT NULL,"
  "  action_name TEXT, parameters TEXT NOT NULL, expires_in_minutes INTEGER NOT NULL,"
  "  reason TEXT, external_reference TEXT, outcome TEXT NOT NULL, request_id TEXT);"
  "CREATE TABLE run_devices (run_id INTEGER NOT NULL, position INTEGER NOT NULL,"
  "  device_id TEXT NOT NULL, PRIMARY KEY (run_id, position)) WITHOUT ROWID;"
  "INSERT INTO runs VALUES (7, 1700000000, 'acme-id', 'Acme', 'acme', 'eu', '#old',"
  "  'Old action', '{\"Mode\":\"slow\"}', 30, 'why', 'INC1', 'started', 'req-old');"
  "INSERT INTO run_devices VALUES (7, 0, '" DEVICE_A "'), (7, 1, '" DEVICE_B "'),"
  "  (7, 2, 'x');"
  "PRAGMA user_version = 1;";

static void
write_sql (const char *path,
           const char *sql)
{
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static int
read_user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return version;
}

static void
test_migration (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RaHistory) history = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(RaHistoryRun) run = make_run ("#new", 1800000000);
  g_autoptr(GError) error = NULL;
  GHashTable *statuses;
  RaHistoryRun *old;

  write_sql (f->path, schema_1);
  g_assert_cmpint (read_user_version (f->path), ==, 1);

  history = ra_history_new (f->path);
  g_assert_true (history_open (history, &error));
  g_assert_no_error (error);
  g_assert_null (ra_history_get_moved_aside (history));
  g_assert_cmpint (read_user_version (f->path), ==, RA_HISTORY_SCHEMA_VERSION);

  /* The old run, with what version 2 adds worked out for it. */
  runs = history_list (history, "old", NULL, -1);
  g_assert_cmpuint (runs->len, ==, 1);
  old = g_ptr_array_index (runs, 0);
  g_assert_cmpint (ra_history_run_get_id (old), ==, 7);
  g_assert_cmpstr (ra_history_run_get_request_id (old), ==, "req-old");
  g_assert_cmpstr (g_hash_table_lookup (ra_history_run_get_parameters (old), "Mode"), ==, "slow");
  g_assert_cmpuint (ra_history_run_get_n_devices (old), ==, 3);
  g_assert_null (ra_history_run_get_status_counts (old));
  /* Version 3: no status is known of its devices yet, and one can be kept. */
  statuses = history_statuses (history, 7);
  g_assert_cmpuint (g_hash_table_size (statuses), ==, 0);
  g_hash_table_unref (statuses);
  statuses = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (statuses, (gpointer) "x", (gpointer) "failure");
  history_set_statuses (history, 7, statuses);
  g_hash_table_unref (statuses);
  statuses = history_statuses (history, 7);
  g_assert_cmpstr (g_hash_table_lookup (statuses, "x"), ==, "failure");
  g_hash_table_unref (statuses);

  /* And new runs go in beside it. */
  history_add (history, run);
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = history_list (history, NULL, NULL, -1);
  g_assert_cmpuint (runs->len, ==, 2);
  g_assert_cmpstr (ra_history_run_get_action_id (g_ptr_array_index (runs, 0)), ==, "#new");
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(RaHistory) history = NULL;
  g_autoptr(GError) error = NULL;

  /* A later version of the app's file is not damage: left as it is. */
  write_sql (f->path, "CREATE TABLE future (x); PRAGMA user_version = 99;");
  history = ra_history_new (f->path);
  g_assert_false (history_open (history, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_null (ra_history_get_moved_aside (history));
  g_assert_cmpint (read_user_version (f->path), ==, 99);
}

static void
assert_moved_aside (Fixture    *f,
                    RaHistory  *history,
                    const char *old_contents,
                    gsize       old_length)
{
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(RaHistoryRun) run = make_run ("#after", 1764000000);
  g_autofree char *kept = NULL;
  gsize kept_length;
  const char *moved;

  moved = ra_history_get_moved_aside (history);
  g_assert_nonnull (moved);
  g_assert_true (g_str_has_prefix (moved, f->path));
  /* The damaged file is kept, byte for byte, for whoever wants to look. */
  g_assert_true (g_file_get_contents (moved, &kept, &kept_length, NULL));
  g_assert_cmpmem (kept, kept_length, old_contents, old_length);

  /* A new history works. */
  history_add (history, run);
  runs = history_list (history, NULL, NULL, -1);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpint (read_user_version (f->path), ==, RA_HISTORY_SCHEMA_VERSION);
}

static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(RaHistory) history = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autoptr(GError) error = NULL;
  static const char garbage[] = "this is not an SQLite database, but it is long enough to look at";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->path, garbage, sizeof garbage, NULL));

  history = ra_history_new (f->path);
  g_assert_true (history_open (history, &error));
  g_assert_no_error (error);
  assert_moved_aside (f, history, garbage, sizeof garbage);
}

static void
test_damaged_pages (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RaHistory) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* A real database whose table pages are overwritten: the header still
   * reads, the data does not. */
  write_sql (f->path, schema_1);
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, 3 * 4096);
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));

  history = ra_history_new (f->path);
  g_assert_true (history_open (history, &error));
  g_assert_no_error (error);
  assert_moved_aside (f, history, contents, length);
}

/* Two connections on one file, as two windows or two processes have,
 * each writing runs as fast as it can, interleaved. */
#define N_CONCURRENT 60

typedef struct
{
  RaHistory *history;
  guint      done;
  guint      failed;
} Writer;

static void
concurrent_added_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Writer *writer = user_data;
  g_autoptr(GError) error = NULL;

  if (!ra_history_add_finish (RA_HISTORY (object), result, &error))
    {
      g_test_message ("a write failed: %s", error->message);
      writer->failed++;
    }
  writer->done++;
}

static gboolean
writers_done (Writer *writers)
{
  return writers[0].done == N_CONCURRENT && writers[1].done == N_CONCURRENT;
}

static void
test_concurrent_writes (Fixture       *f,
                        gconstpointer  data)
{
  Writer writers[2] = { { 0 } };
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);

  writers[0].history = ra_history_new (f->path);
  writers[1].history = ra_history_new (f->path);

  for (guint i = 0; i < N_CONCURRENT; i++)
    for (guint w = 0; w < 2; w++)
      {
        g_autoptr(RaHistoryRun) run = make_run (w == 0 ? "#first" : "#second", 1764000000 + i);

        ra_history_add_async (writers[w].history, run, NULL, concurrent_added_cb, &writers[w]);
      }

  RA_TEST_WAIT_UNTIL (writers_done (writers));
  g_assert_cmpuint (writers[0].failed, ==, 0);
  g_assert_cmpuint (writers[1].failed, ==, 0);

  /* Every run is there once, with its own ID and both devices. */
  runs = history_list (writers[1].history, NULL, NULL, -1);
  g_assert_cmpuint (runs->len, ==, 2 * N_CONCURRENT);
  for (guint i = 0; i < runs->len; i++)
    {
      RaHistoryRun *run = g_ptr_array_index (runs, i);
      gint64 *id = g_new (gint64, 1);

      *id = ra_history_run_get_id (run);
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, id);
      g_assert_cmpuint (ra_history_run_get_n_devices (run), ==, 2);
    }
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = history_list (writers[0].history, "#second", NULL, -1);
  g_assert_cmpuint (runs->len, ==, N_CONCURRENT);

  g_hash_table_foreach (ids, (GHFunc) g_free, NULL);
  g_clear_object (&writers[0].history);
  g_clear_object (&writers[1].history);
}

static void
test_device_statuses (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RaHistory) history = ra_history_new (f->path);
  g_autoptr(RaHistoryRun) run = make_run ("#action", 1800000000);
  g_autoptr(RaHistoryRun) other = make_run ("#action", 1800000001);
  g_autoptr(GHashTable) first = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) second = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) read = NULL;
  g_autoptr(GHashTable) read_other = NULL;
  g_autofree char *upper = g_ascii_strup (DEVICE_B, -1);

  history_add (history, run);
  history_add (history, other);

  /* Nothing known before the results are read. */
  read = history_statuses (history, ra_history_run_get_id (run));
  g_assert_cmpuint (g_hash_table_size (read), ==, 0);
  g_clear_pointer (&read, g_hash_table_unref);

  /* Devices are matched whatever the case; one not sent is left out. */
  g_hash_table_insert (first, (gpointer) DEVICE_A, (gpointer) "in_progress");
  g_hash_table_insert (first, (gpointer) upper, (gpointer) "failure");
  g_hash_table_insert (first, (gpointer) "not-a-device-of-the-run", (gpointer) "success");
  history_set_statuses (history, ra_history_run_get_id (run), first);

  /* A later read replaces what it has, and keeps the rest. */
  g_hash_table_insert (second, (gpointer) DEVICE_A, (gpointer) "success");
  history_set_statuses (history, ra_history_run_get_id (run), second);

  read = history_statuses (history, ra_history_run_get_id (run));
  g_assert_cmpuint (g_hash_table_size (read), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (read, DEVICE_A), ==, "success");
  g_assert_cmpstr (g_hash_table_lookup (read, DEVICE_B), ==, "failure");

  /* Another run of the same devices is another run. */
  read_other = history_statuses (history, ra_history_run_get_id (other));
  g_assert_cmpuint (g_hash_table_size (read_other), ==, 0);
}

static void
test_update_unknown_run (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RaHistory) history = ra_history_new (f->path);
  g_autoptr(RaHistoryRun) run = make_run ("#clear_queue", 1764000000);
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ra_history_run_set_id (run, 4242);
  ra_history_update_async (history, run, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  g_assert_false (ra_history_update_finish (history, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  RA_TEST_ADD ("/history/round-trip", test_round_trip);
  RA_TEST_ADD ("/history/search", test_search);
  RA_TEST_ADD ("/history/names-from-results", test_names_from_results);
  RA_TEST_ADD ("/history/keep-results", test_keep_results);
  RA_TEST_ADD ("/history/migration", test_migration);
  RA_TEST_ADD ("/history/device-statuses", test_device_statuses);
  RA_TEST_ADD ("/history/newer-schema", test_newer_schema);
  RA_TEST_ADD ("/history/not-a-database", test_not_a_database);
  RA_TEST_ADD ("/history/damaged-pages", test_damaged_pages);
  RA_TEST_ADD ("/history/concurrent-writes", test_concurrent_writes);
  RA_TEST_ADD ("/history/update-unknown-run", test_update_unknown_run);

  int status = g_test_run ();

  ra_test_end_pool_workers ();
  return status;
}
