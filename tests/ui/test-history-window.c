/* test-history-window.c — the run history window: the list, search,
 * filters, the detail, and its empty and error states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-history-window"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ra-history-detail.h"
#include "ra-history-window.h"
#include "ra-session-private.h"
#include "ra-test-utils.h"
#include "ra-window.h"

#define DEVICE_A "6513270e-269e-4d37-b2a7-4de452e6b438"
#define DEVICE_B "d23f0824-128b-4f33-8c5c-7fd0a6a3a450"

typedef struct
{
  char            *dir;
  char            *path;
  RaHistory       *history;
  RaSession       *session;
  RaHistoryWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ra-history-window-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "history.sqlite3", NULL);
  f->history = ra_history_new (f->path);
  f->session = ra_test_session_new (NULL, NULL, FALSE);
  ra_session_set_history (f->session, f->history);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  if (f->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (f->window));
      f->window = NULL;
    }
  ra_test_assert_finalize (g_steal_pointer (&f->session));
  ra_test_assert_finalize (g_steal_pointer (&f->history));

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
add_record (Fixture      *f,
            RaHistoryRun *run)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ra_history_add_async (f->history, run, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  g_assert_true (ra_history_add_finish (f->history, result, &error));
  g_assert_no_error (error);
}

static void
add_run (Fixture            *f,
         const char         *action_name,
         const char         *account_id,
         RaExecutionOutcome  outcome,
         const char         *request_id,
         gint64              time)
{
  g_autoptr(RaHistoryRun) run = ra_history_run_new ();
  const char *devices[] = { DEVICE_A, DEVICE_B, NULL };

  ra_history_run_set_time (run, time);
  ra_history_run_set_account (run, account_id, account_id ? "Acme" : "Demo Instance",
                              account_id ? "acme" : NULL, account_id ? "eu" : NULL);
  ra_history_run_set_action (run, "#action", action_name);
  ra_history_run_set_parameter (run, "Mode", "<b>quick</b>");
  ra_history_run_set_devices (run, devices);
  ra_history_run_set_expires_in_minutes (run, 60);
  ra_history_run_set_external_reference (run, "INC0012345");
  ra_history_run_set_outcome (run, outcome, request_id);
  add_record (f, run);
}

static void
open_window (Fixture *f)
{
  f->window = ra_history_window_present_for (NULL, f->session);
  RA_TEST_WAIT_UNTIL (ra_history_window_get_state (f->window) != RA_HISTORY_WINDOW_STATE_LOADING);
}

static guint
n_runs (Fixture *f)
{
  return g_list_model_get_n_items (ra_history_window_get_runs (f->window));
}

static gboolean
settled_with (Fixture              *f,
              RaHistoryWindowState  state,
              guint                 n)
{
  return ra_history_window_get_state (f->window) == state && n_runs (f) == n;
}

static void
test_list_search_filter (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RaHistoryRun) first = NULL;

  add_run (f, "Clear print queue", "acme-id", RA_EXECUTION_OUTCOME_STARTED, "req-1", 1764000000);
  add_run (f, "Restart spooler", "acme-id", RA_EXECUTION_OUTCOME_NOT_SENT, NULL, 1764000100);
  add_run (f, "Collect logs", NULL, RA_EXECUTION_OUTCOME_UNKNOWN, NULL, 1764000200);

  open_window (f);
  g_assert_cmpint (ra_history_window_get_state (f->window), ==, RA_HISTORY_WINDOW_STATE_LIST);
  g_assert_cmpuint (n_runs (f), ==, 3);
  /* Newest first. */
  first = g_list_model_get_item (ra_history_window_get_runs (f->window), 0);
  g_assert_cmpstr (ra_history_run_get_action_name (first), ==, "Collect logs");

  gtk_editable_set_text (GTK_EDITABLE (ra_history_window_get_search_entry (f->window)), "spooler");
  RA_TEST_WAIT_UNTIL (settled_with (f, RA_HISTORY_WINDOW_STATE_LIST, 1));
  gtk_editable_set_text (GTK_EDITABLE (ra_history_window_get_search_entry (f->window)), "req-1");
  RA_TEST_WAIT_UNTIL (settled_with (f, RA_HISTORY_WINDOW_STATE_LIST, 1));
  gtk_editable_set_text (GTK_EDITABLE (ra_history_window_get_search_entry (f->window)), "nothing like it");
  RA_TEST_WAIT_UNTIL (settled_with (f, RA_HISTORY_WINDOW_STATE_NO_MATCH, 0));
  gtk_editable_set_text (GTK_EDITABLE (ra_history_window_get_search_entry (f->window)), "");
  RA_TEST_WAIT_UNTIL (settled_with (f, RA_HISTORY_WINDOW_STATE_LIST, 3));

  ra_history_window_set_outcome_filter (f->window, RA_EXECUTION_OUTCOME_NOT_SENT);
  RA_TEST_WAIT_UNTIL (settled_with (f, RA_HISTORY_WINDOW_STATE_LIST, 1));
  ra_history_window_set_outcome_filter (f->window, -1);
  RA_TEST_WAIT_UNTIL (settled_with (f, RA_HISTORY_WINDOW_STATE_LIST, 3));

  ra_history_window_set_account_filter (f->window, "");
  RA_TEST_WAIT_UNTIL (settled_with (f, RA_HISTORY_WINDOW_STATE_LIST, 1));
  ra_history_window_set_account_filter (f->window, NULL);
  RA_TEST_WAIT_UNTIL (settled_with (f, RA_HISTORY_WINDOW_STATE_LIST, 3));

  /* A run made meanwhile shows up by itself. */
  add_run (f, "Another", "acme-id", RA_EXECUTION_OUTCOME_STARTED, "req-4", 1764000300);
  RA_TEST_WAIT_UNTIL (settled_with (f, RA_HISTORY_WINDOW_STATE_LIST, 4));

  /* A second call brings the same window. */
  g_assert_true (ra_history_window_present_for (NULL, f->session) == f->window);
}

static gboolean
finds_label (GtkWidget  *root,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (finds_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static void
test_detail (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *detail;
  RaHistoryRun *shown;

  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  add_run (f, "Clear print queue", "acme-id", RA_EXECUTION_OUTCOME_STARTED, "req-1", 1764000000);
  /* What the results said when they were last read. */
  g_hash_table_insert (statuses, (gpointer) DEVICE_A, (gpointer) "failure");
  ra_history_set_device_statuses_async (f->history, 1, statuses, NULL, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  g_assert_true (ra_history_set_device_statuses_finish (f->history, result, NULL));

  open_window (f);
  g_assert_null (ra_history_window_get_shown_run (f->window));

  ra_history_window_show_run (f->window, 0);
  shown = ra_history_window_get_shown_run (f->window);
  g_assert_nonnull (shown);
  g_assert_cmpstr (ra_history_run_get_request_id (shown), ==, "req-1");

  detail = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), RA_TYPE_HISTORY_WINDOW,
                                                      "detail"));
  RA_TEST_WAIT_UNTIL (ra_history_detail_get_devices (RA_HISTORY_DETAIL (detail)) != NULL);
  g_assert_cmpuint (g_strv_length ((char **) ra_history_detail_get_devices (RA_HISTORY_DETAIL (detail))), ==, 2);
  ra_test_settle ();
  g_assert_true (finds_label (detail, DEVICE_A));
  g_assert_true (finds_label (detail, "req-1"));
  g_assert_true (finds_label (detail, "Acme (acme, eu)"));
  /* Values from the file are text, never markup. */
  g_assert_true (finds_label (detail, "<b>quick</b>"));
  g_assert_true (finds_label (detail, "INC0012345"));

  /* Without a connection the results cannot be read: the last known
   * statuses are shown as such, and Run Again on failed devices says
   * why it cannot tell which failed. */
  g_assert_true (finds_label (detail, "Failure"));
  g_assert_true (finds_label (detail, "The last known status of each device, from when the results "
                                      "were last read"));
  g_assert_cmpstr (ra_history_detail_get_failed_note (RA_HISTORY_DETAIL (detail)), ==,
                   "Connect to the account of this run to read its results");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "history.back", NULL);
  g_assert_null (ra_history_window_get_shown_run (f->window));
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  open_window (f);
  g_assert_cmpint (ra_history_window_get_state (f->window), ==, RA_HISTORY_WINDOW_STATE_EMPTY);
  g_assert_cmpuint (n_runs (f), ==, 0);
}

static void
test_error (Fixture       *f,
            gconstpointer  data)
{
  sqlite3 *db = NULL;

  /* A file from a newer version of the app cannot be read. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  open_window (f);
  g_assert_cmpint (ra_history_window_get_state (f->window), ==, RA_HISTORY_WINDOW_STATE_ERROR);
  g_assert_true (finds_label (GTK_WIDGET (f->window),
                              "The run history was written by a newer version of Remote Actions"));
}

static void
test_from_main_window (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *main_window = GTK_WIDGET (ra_window_new (NULL, f->session));
  GtkWindow *found = NULL;
  g_autoptr(GListModel) toplevels = NULL;

  gtk_window_present (GTK_WINDOW (main_window));
  g_assert_true (gtk_widget_activate_action (main_window, "win.history", NULL));

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (RA_IS_HISTORY_WINDOW (item))
        found = GTK_WINDOW (item);
    }
  g_assert_nonnull (found);
  g_assert_true (gtk_window_get_transient_for (found) == GTK_WINDOW (main_window));

  f->window = RA_HISTORY_WINDOW (found);
  RA_TEST_WAIT_UNTIL (ra_history_window_get_state (f->window) == RA_HISTORY_WINDOW_STATE_EMPTY);
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  gtk_window_destroy (GTK_WINDOW (main_window));
}

static char *
export_runs (Fixture *f,
             GFile   *file)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  ra_history_window_export_runs_async (f->window, file, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  g_assert_true (ra_history_window_export_runs_finish (f->window, result, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&contents);
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RaHistoryRun) run = ra_history_run_new ();
  const char *devices[] = { DEVICE_A, NULL };
  g_autofree char *path = g_build_filename (f->dir, "runs.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *all = NULL;
  g_autofree char *started = NULL;
  g_autofree char *broken = g_build_filename (f->dir, "no-such-folder", "runs.csv", NULL);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  add_run (f, "Clear print queue", "acme-id", RA_EXECUTION_OUTCOME_NOT_SENT, NULL, 1764000000);

  /* Text from outside, with what CSV and spreadsheets make something of. */
  ra_history_run_set_time (run, 1764000100);
  ra_history_run_set_account (run, "acme-id", "Acme, Inc.", "acme", "eu");
  ra_history_run_set_action (run, "#restart_spooler", "Restart \"spooler\"");
  ra_history_run_set_devices (run, devices);
  ra_history_run_set_n_devices (run, 1);
  ra_history_run_set_reason (run, "=HYPERLINK(\"http://evil\")");
  ra_history_run_set_external_reference (run, "Ticket\nINC-7 für Müller");
  ra_history_run_set_outcome (run, RA_EXECUTION_OUTCOME_STARTED, "req-2");
  ra_history_run_set_status_count (run, "success", 1);
  ra_history_run_set_status_count (run, "failure", 0);
  add_record (f, run);

  open_window (f);
  RA_TEST_WAIT_UNTIL (settled_with (f, RA_HISTORY_WINDOW_STATE_LIST, 2));

  all = export_runs (f, file);
  g_assert_cmpstr (all, ==,
                   "time,account,instance,region,action,action_nql_id,request_id,outcome,devices,"
                   "status:failure,status:success,reason,ticket_reference\r\n"
                   "2025-11-24T17:01:40+01:00,\"Acme, Inc.\",acme,eu,\"Restart \"\"spooler\"\"\","
                   "#restart_spooler,req-2,started,1,0,1,"
                   "\"'=HYPERLINK(\"\"http://evil\"\")\",\"Ticket\nINC-7 für Müller\"\r\n"
                   "2025-11-24T17:00:00+01:00,Acme,acme,eu,Clear print queue,#action,,not-sent,2,"
                   ",,,INC0012345\r\n");

  /* Only what the filters let through is exported. */
  ra_history_window_set_outcome_filter (f->window, RA_EXECUTION_OUTCOME_STARTED);
  RA_TEST_WAIT_UNTIL (settled_with (f, RA_HISTORY_WINDOW_STATE_LIST, 1));
  started = export_runs (f, file);
  g_assert_nonnull (strstr (started, "req-2"));
  g_assert_null (strstr (started, "Clear print queue"));

  /* A file that cannot be written is an error, not a toast. */
  ra_history_window_export_runs_async (f->window, broken_file, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  g_assert_false (ra_history_window_export_runs_finish (f->window, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_remove (path);
}

/* A long history comes into the list a screenful at a time; an export
 * made before it is all in has every run all the same. */
static void
test_long_list (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "runs.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *exported = NULL;
  g_auto(GStrv) lines = NULL;
  const guint n = 300;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Run %03u", i);

      add_run (f, name, "acme-id", RA_EXECUTION_OUTCOME_STARTED, NULL, 1764000000 + i);
    }

  f->window = ra_history_window_present_for (NULL, f->session);
  RA_TEST_WAIT_UNTIL (ra_history_window_get_state (f->window) == RA_HISTORY_WINDOW_STATE_LIST);
  g_assert_cmpuint (n_runs (f), <, n);

  exported = export_runs (f, file);
  g_assert_cmpuint (n_runs (f), ==, n);
  lines = g_strsplit (exported, "\r\n", -1);
  /* The header, a line a run, and nothing after the last line end. */
  g_assert_cmpuint (g_strv_length (lines), ==, n + 2);
  g_assert_nonnull (strstr (lines[1], "Run 299"));
  g_assert_nonnull (strstr (lines[n], "Run 000"));

  /* A search narrows it, and clearing it brings them all back, newest
   * first. */
  gtk_editable_set_text (GTK_EDITABLE (ra_history_window_get_search_entry (f->window)), "Run 12");
  RA_TEST_WAIT_UNTIL (settled_with (f, RA_HISTORY_WINDOW_STATE_LIST, 10));
  gtk_editable_set_text (GTK_EDITABLE (ra_history_window_get_search_entry (f->window)), "");
  RA_TEST_WAIT_UNTIL (settled_with (f, RA_HISTORY_WINDOW_STATE_LIST, n));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaHistoryRun) run = g_list_model_get_item (ra_history_window_get_runs (f->window), i);
      g_autofree char *name = g_strdup_printf ("Run %03u", n - 1 - i);

      g_assert_cmpstr (ra_history_run_get_action_name (run), ==, name);
    }
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  /* Times are exported with their offset from UTC. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  RA_TEST_ADD ("/history-window/list-search-filter", test_list_search_filter);
  RA_TEST_ADD ("/history-window/detail", test_detail);
  RA_TEST_ADD ("/history-window/empty", test_empty);
  RA_TEST_ADD ("/history-window/error", test_error);
  RA_TEST_ADD ("/history-window/from-main-window", test_from_main_window);
  RA_TEST_ADD ("/history-window/export-csv", test_export_csv);
  RA_TEST_ADD ("/history-window/long-list", test_long_list);

  return g_test_run ();
}
