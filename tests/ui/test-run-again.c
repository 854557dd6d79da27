/* test-run-again.c — Run Again from the history fills the main window's
 * form in (all the devices, or those that failed or never reported), and
 * nothing runs before the confirmation is accepted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-run-again"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "page-fixture.h"
#include "ra-account.h"
#include "ra-device-results-window.h"
#include "ra-execution-result.h"
#include "ra-history-detail.h"
#include "ra-history-window.h"
#include "ra-test-utils.h"
#include "ra-window.h"

typedef struct
{
  char            *dir;
  char            *path;
  RaHistory       *history;
  RaWindow        *window;
  RaHistoryWindow *history_window;
} RunAgain;

static void
run_again_set_up (Fixture  *fixture,
                  RunAgain *r)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  ra_test_reset_settings (settings);
  r->dir = g_dir_make_tmp ("ra-run-again-XXXXXX", &error);
  g_assert_no_error (error);
  r->path = g_build_filename (r->dir, "history.sqlite3", NULL);
  r->history = ra_history_new (r->path);
  ra_session_set_history (fixture->session, r->history);
  /* As the demo instance: the runs below were made there, and its
   * results query needs no setting. */
  ra_session_set_connection (fixture->session, NULL, fixture->client, TRUE);
  ra_simulator_set_execution_seconds (fixture->sim, 0);

  r->window = ra_window_new (NULL, fixture->session);
  gtk_window_present (GTK_WINDOW (r->window));
  RA_TEST_WAIT_UNTIL_FOR (ra_action_list_get_state (ra_window_get_action_list (r->window)) ==
                            RA_ACTION_LIST_STATE_LOADED,
                          WAIT_SECONDS);
}

static void
run_again_tear_down (RunAgain *r)
{
  const char *suffixes[] = { "", "-wal", "-shm" };
  GtkWindow *dialog;

  while ((dialog = ra_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  if (r->history_window != NULL)
    gtk_window_destroy (GTK_WINDOW (r->history_window));
  gtk_window_destroy (GTK_WINDOW (r->window));
  ra_test_settle ();
  g_clear_object (&r->history);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (r->path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (r->dir);
  g_free (r->path);
  g_free (r->dir);
}

/* A run of the form action as the history keeps it. */
static void
record_run (RunAgain           *r,
            const char         *request_id,
            const char * const *devices)
{
  g_autoptr(RaHistoryRun) run = ra_history_run_new ();
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ra_history_run_set_time (run, g_get_real_time () / G_USEC_PER_SEC);
  ra_history_run_set_account (run, NULL, "Demo Instance", NULL, NULL);
  ra_history_run_set_action (run, "#ra_test_restart_service", "Restart a service and set how it starts");
  ra_history_run_set_parameter (run, "StartType", "Manual");
  ra_history_run_set_parameter (run, "ServiceName", "BITS");
  ra_history_run_set_devices (run, devices);
  ra_history_run_set_n_devices (run, g_strv_length ((char **) devices));
  ra_history_run_set_expires_in_minutes (run, 120);
  ra_history_run_set_reason (run, "User cannot print");
  ra_history_run_set_external_reference (run, "INC0012345");
  ra_history_run_set_outcome (run, RA_EXECUTION_OUTCOME_STARTED, request_id);

  ra_history_add_async (r->history, run, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  g_assert_true (ra_history_add_finish (r->history, result, &error));
  g_assert_no_error (error);
}

/* Opens the history from the main window and the newest run's detail,
 * once its devices and results are read. */
static RaHistoryDetail *
open_detail (RunAgain *r)
{
  RaHistoryDetail *detail;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (r->window), "win.history", NULL));
  r->history_window = RA_HISTORY_WINDOW (ra_test_find_toplevel (RA_TYPE_HISTORY_WINDOW));
  g_assert_nonnull (r->history_window);
  RA_TEST_WAIT_UNTIL (ra_history_window_get_state (r->history_window) == RA_HISTORY_WINDOW_STATE_LIST);

  ra_history_window_show_run (r->history_window, 0);
  detail = RA_HISTORY_DETAIL (gtk_widget_get_template_child (GTK_WIDGET (r->history_window),
                                                             RA_TYPE_HISTORY_WINDOW, "detail"));
  RA_TEST_WAIT_UNTIL_FOR (ra_history_detail_get_devices (detail) != NULL &&
                            ra_history_detail_get_results (detail) != NULL &&
                            ra_run_results_get_state (ra_history_detail_get_results (detail)) !=
                              RA_RUN_RESULTS_STATE_LOADING,
                          WAIT_SECONDS);

  return detail;
}

static RaRunForm *
window_form (RunAgain *r)
{
  RaActionPage *page = ra_window_get_action_page (r->window);

  return page != NULL ? ra_action_page_get_form (page) : NULL;
}

static gboolean
form_filled (RunAgain *r,
             guint     n_devices)
{
  RaActionPage *page = ra_window_get_action_page (r->window);

  return page != NULL && ra_action_page_get_state (page) == RA_ACTION_PAGE_STATE_ACTION &&
         ra_device_editor_get_n_devices (ra_run_form_get_device_editor (window_form (r))) == n_devices;
}

static char *
input_value (RunAgain   *r,
             const char *id)
{
  return ra_input_row_dup_value (RA_INPUT_ROW (ra_run_form_get_input_row (window_form (r), id)));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The devices the form holds, sorted. */
static GStrv
form_devices (RunAgain *r)
{
  RaDeviceIds *ids = ra_device_editor_get_device_ids (ra_run_form_get_device_editor (window_form (r)));
  GStrv devices = g_strdupv ((char **) ra_device_ids_get_ids (ids));

  qsort (devices, g_strv_length (devices), sizeof (char *), compare_strings);
  return devices;
}

static void
test_run_again (Fixture       *fixture,
                gconstpointer  data)
{
  RunAgain r = { 0, };
  g_auto(GStrv) known = ra_simulator_dup_known_devices ();
  const char *devices[] = { known[0], known[1], NULL };
  g_autofree char *start_type = NULL;
  g_autofree char *service = NULL;
  g_autofree char *note = NULL;
  g_autoptr(JsonNode) node = NULL;
  RaHistoryDetail *detail;
  RaConfirmDialog *dialog;
  JsonObject *body, *params;
  JsonArray *sent;

  run_again_set_up (fixture, &r);
  /* A value typed before stays only where the run had none: it goes. */
  record_run (&r, "req-not-known-here", devices);
  detail = open_detail (&r);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.run-again", NULL));
  RA_TEST_WAIT_UNTIL_FOR (form_filled (&r, 2), WAIT_SECONDS);

  g_assert_cmpstr (ra_remote_action_get_id (ra_window_get_shown_action (r.window)), ==,
                   "#ra_test_restart_service");
  start_type = input_value (&r, "StartType");
  service = input_value (&r, "ServiceName");
  note = input_value (&r, "Note");
  g_assert_cmpstr (start_type, ==, "Manual");
  g_assert_cmpstr (service, ==, "BITS");
  g_assert_cmpstr (note, ==, "");
  g_assert_true (gtk_window_is_active (GTK_WINDOW (r.window)) ||
                 gtk_widget_get_mapped (GTK_WIDGET (r.window)));

  /* Filled in, never run: not even the confirmation is open. */
  ra_test_settle ();
  g_assert_null (ra_action_page_get_confirm_dialog (ra_window_get_action_page (r.window)));
  g_assert_cmpuint (count_executes (fixture), ==, 0);
  g_assert_null (ra_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* The user's Run asks first; only the answer runs it. */
  ra_action_page_activate_run (ra_window_get_action_page (r.window));
  dialog = ra_action_page_get_confirm_dialog (ra_window_get_action_page (r.window));
  g_assert_nonnull (dialog);
  ra_test_settle ();
  g_assert_cmpuint (count_executes (fixture), ==, 0);
  respond (dialog, RA_CONFIRM_RESPONSE_RUN);
  RA_TEST_WAIT_UNTIL_FOR (count_executes (fixture) == 1, WAIT_SECONDS);

  body = get_execute_body (fixture, &node);
  g_assert_cmpstr (json_object_get_string_member (body, "remoteActionId"), ==, "#ra_test_restart_service");
  params = json_object_get_object_member (body, "params");
  g_assert_cmpstr (json_object_get_string_member (params, "StartType"), ==, "Manual");
  g_assert_cmpstr (json_object_get_string_member (params, "ServiceName"), ==, "BITS");
  g_assert_false (json_object_has_member (params, "Note"));
  sent = json_object_get_array_member (body, "devices");
  g_assert_cmpuint (json_array_get_length (sent), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (sent, 0), ==, known[0]);
  g_assert_cmpstr (json_array_get_string_element (sent, 1), ==, known[1]);
  g_assert_cmpint (json_object_get_int_member (body, "expiresInMinutes"), ==, 120);

  RA_TEST_WAIT_UNTIL_FOR (!ra_run_form_get_running (window_form (&r)), WAIT_SECONDS);
  run_again_tear_down (&r);
}

/* Runs the form action on devices through the client, as another run
 * would have, and gives its request ID. */
static char *
execute (Fixture            *fixture,
         const char * const *devices)
{
  g_autoptr(RaExecutionRequest) request = ra_execution_request_new ("#ra_test_restart_service");
  g_autoptr(RaExecutionResult) answer = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ra_execution_request_set_param (request, "StartType", "Manual");
  ra_execution_request_set_param (request, "ServiceName", "BITS");
  ra_execution_request_set_devices (request, devices);
  ra_client_execute_async (fixture->client, request, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  answer = ra_client_execute_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  return g_strdup (ra_execution_result_get_request_id (answer));
}

/* What the instance says of each device, read here without the app:
 * the devices that failed, and those it has no row for. */
static GStrv
expected_failed (Fixture            *fixture,
                 const char         *request_id,
                 const char * const *devices,
                 guint              *n_failures)
{
  g_autoptr(GHashTable) parameters = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) status = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(RaNqlResult) answer = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GStrv failed;

  g_hash_table_insert (parameters, (gpointer) "request_id", (gpointer) request_id);
  ra_client_nql_execute_async (fixture->client, "#remote_action_executions", parameters, NULL,
                               ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  answer = ra_client_nql_execute_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  for (guint row = 0; row < ra_nql_result_get_n_rows (answer); row++)
    g_hash_table_insert (status,
                         (gpointer) ra_nql_result_get_value (answer, row, "device.collector.uid"),
                         (gpointer) ra_nql_result_get_value (answer, row, "remote_action.execution.status"));

  for (guint i = 0; devices[i] != NULL; i++)
    {
      const char *value = g_hash_table_lookup (status, devices[i]);

      /* A device still waiting (offline) has not failed yet. */
      g_test_message ("%s: %s", devices[i], value != NULL ? value : "no row");
      if (value == NULL || g_str_equal (value, "failure") || g_str_equal (value, "expired"))
        g_strv_builder_add (builder, devices[i]);
      if (value != NULL && g_str_equal (value, "failure"))
        (*n_failures)++;
    }

  failed = g_strv_builder_end (builder);
  qsort (failed, g_strv_length (failed), sizeof (char *), compare_strings);
  return failed;
}

/* How many runs of the history a search finds. */
static guint
n_found (RunAgain   *r,
         const char *search)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) runs = NULL;

  ra_history_list_async (r->history, search, NULL, -1, 0, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  runs = ra_history_list_finish (r->history, result, NULL);
  g_assert_nonnull (runs);

  return runs->len;
}

/* How many devices of the run have a status kept in the history. */
static guint
n_kept (RunAgain *r,
        gint64    run_id)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GHashTable) statuses = NULL;

  ra_history_get_device_statuses_async (r->history, run_id, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  statuses = ra_history_get_device_statuses_finish (r->history, result, NULL);
  g_assert_nonnull (statuses);

  return g_hash_table_size (statuses);
}

/* The device results as CSV: a header, then a row per device that
 * reported (n_rows). */
static void
export_results (RunAgain        *r,
                RaHistoryDetail *detail,
                guint            n_rows)
{
  g_autofree char *path = g_build_filename (r->dir, "results.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  ra_history_detail_export_results_async (detail, file, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  g_assert_true (ra_history_detail_export_results_finish (detail, result, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_remove (path);
  g_assert_true (g_str_has_prefix (contents, "device,uid,status,details,time"));
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  lines = g_strsplit (contents, "\r\n", -1);
  /* The last "line" is what follows the last CRLF: nothing. */
  g_assert_cmpuint (g_strv_length (lines), ==, n_rows + 2);
}

static void
test_run_again_failed (Fixture       *fixture,
                       gconstpointer  data)
{
  RunAgain r = { 0, };
  g_auto(GStrv) known = ra_simulator_dup_known_devices ();
  /* Known devices settle on success or failure; an unknown one never
   * reports. */
  g_autofree char *unknown = g_uuid_string_random ();
  const char *devices[] = { known[0], known[1], known[2], known[3], known[4], known[5], unknown, NULL };
  g_autofree char *request_id = NULL;
  g_auto(GStrv) expected = NULL;
  g_auto(GStrv) filled = NULL;
  RaHistoryDetail *detail;
  RaDeviceResultsWindow *results_window;
  guint n_expected, n_failures = 0, n_executes = 0;

  run_again_set_up (fixture, &r);
  /* Which devices fail is the simulator's draw for each run: run until
   * one that reported a failure (one in five does), besides the unknown
   * device that never reports. */
  while (n_failures == 0 && n_executes < 20)
    {
      g_clear_pointer (&request_id, g_free);
      g_clear_pointer (&expected, g_strfreev);
      request_id = execute (fixture, devices);
      n_executes++;
      expected = expected_failed (fixture, request_id, devices, &n_failures);
    }
  g_assert_cmpuint (n_failures, >, 0);
  g_assert_cmpuint (count_executes (fixture), ==, n_executes);
  record_run (&r, request_id, devices);
  n_expected = g_strv_length (expected);
  /* Some devices succeeded: the test tells the two apart. */
  g_assert_cmpuint (n_expected, >=, 1);
  g_assert_cmpuint (n_expected, <, G_N_ELEMENTS (devices) - 1);
  g_assert_true (g_strv_contains ((const char * const *) expected, unknown));

  detail = open_detail (&r);
  g_assert_cmpint (ra_run_results_get_state (ra_history_detail_get_results (detail)), ==,
                   RA_RUN_RESULTS_STATE_LOADED);
  export_results (&r, detail, G_N_ELEMENTS (devices) - 2);
  /* The device results window learns the run's devices from the
   * history: the one that never reported is listed too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.device-results", NULL));
  results_window = RA_DEVICE_RESULTS_WINDOW (ra_test_find_toplevel (RA_TYPE_DEVICE_RESULTS_WINDOW));
  g_assert_nonnull (results_window);
  RA_TEST_WAIT_UNTIL_FOR (g_list_model_get_n_items (ra_device_results_window_get_devices (results_window)) ==
                            G_N_ELEMENTS (devices) - 1,
                          WAIT_SECONDS);
  gtk_window_destroy (GTK_WINDOW (results_window));

  /* What was read is kept as the run's last known state. */
  RA_TEST_WAIT_UNTIL (n_kept (&r, ra_history_run_get_id (ra_history_detail_get_run (detail))) ==
                      G_N_ELEMENTS (devices) - 2);
  /* So are the devices' names: the run, made by IDs, is found by one. */
  {
    GHashTable *names = ra_run_results_get_names (ra_history_detail_get_results (detail));
    g_autofree char *key = g_ascii_strdown (devices[0], -1);
    const char *name = g_hash_table_lookup (names, key);

    g_assert_nonnull (name);
    RA_TEST_WAIT_UNTIL (n_found (&r, name) == 1);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.run-again-failed", NULL));
  RA_TEST_WAIT_UNTIL_FOR (form_filled (&r, n_expected), WAIT_SECONDS);

  filled = form_devices (&r);
  g_assert_cmpstrv (filled, expected);
  ra_test_settle ();
  g_assert_cmpuint (count_executes (fixture), ==, n_executes);
  g_assert_null (ra_action_page_get_confirm_dialog (ra_window_get_action_page (r.window)));

  run_again_tear_down (&r);
}

static void
test_run_again_failed_needs_results (Fixture       *fixture,
                                     gconstpointer  data)
{
  RunAgain r = { 0, };
  g_auto(GStrv) known = ra_simulator_dup_known_devices ();
  const char *devices[] = { known[0], NULL };
  RaHistoryDetail *detail;

  run_again_set_up (fixture, &r);
  /* No request ID: Nexthink has no results to tell failures by. */
  record_run (&r, NULL, devices);
  detail = open_detail (&r);

  g_assert_cmpint (ra_run_results_get_state (ra_history_detail_get_results (detail)), ==,
                   RA_RUN_RESULTS_STATE_UNAVAILABLE);
  g_assert_cmpstr (ra_history_detail_get_failed_note (detail), ==,
                   "Nexthink has no results for this run: it has no request ID");
  gtk_widget_activate_action (GTK_WIDGET (detail), "detail.run-again-failed", NULL);
  ra_test_settle ();
  g_assert_null (ra_window_get_action_page (r.window));

  run_again_tear_down (&r);
}

static void
test_action_gone (Fixture       *fixture,
                  gconstpointer  data)
{
  RunAgain r = { 0, };
  g_autoptr(RaHistoryRun) run = ra_history_run_new ();
  const char *devices[] = { "6513270e-269e-4d37-b2a7-4de452e6b438", NULL };
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  RaHistoryDetail *detail;

  run_again_set_up (fixture, &r);
  ra_history_run_set_time (run, 1764000000);
  ra_history_run_set_account (run, NULL, "Demo Instance", NULL, NULL);
  ra_history_run_set_action (run, "#ra_test_removed", "Removed since");
  ra_history_run_set_devices (run, devices);
  ra_history_run_set_outcome (run, RA_EXECUTION_OUTCOME_NOT_SENT, NULL);
  ra_history_add_async (r.history, run, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  g_assert_true (ra_history_add_finish (r.history, result, NULL));

  detail = open_detail (&r);
  gtk_widget_activate_action (GTK_WIDGET (detail), "detail.run-again", NULL);
  RA_TEST_WAIT_UNTIL_FOR (ra_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL, WAIT_SECONDS);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (ra_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))),
                   ==,
                   "“Removed since” (#ra_test_removed) is no longer among the remote actions of this "
                   "instance: it was removed in Nexthink, or its NQL ID changed.");
  g_assert_null (ra_window_get_shown_action (r.window));
  g_assert_cmpuint (count_executes (fixture), ==, 0);

  run_again_tear_down (&r);
}

/* On an account, the account's own results query tells which devices
 * failed: here one that names them in upper case, with every kind of
 * status. */
static void
test_run_again_failed_account_query (Fixture       *fixture,
                                     gconstpointer  data)
{
  RunAgain r = { 0, };
  g_autoptr(RaAccount) account = ra_account_new_with_id ("acme-id");
  g_auto(GStrv) known = ra_simulator_dup_known_devices ();
  g_autofree char *upper = g_ascii_strup (known[1], -1);
  g_autofree char *rows = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(RaHistoryRun) run = ra_history_run_new ();
  const char *devices[] = { known[0], known[1], known[2], known[3], known[4], NULL };
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_auto(GStrv) filled = NULL;
  RaHistoryDetail *detail;

  rows = g_strdup_printf ("["
                          "{\"device.collector.uid\": \"%s\", \"status\": \"success\"},"
                          "{\"device.collector.uid\": \"%s\", \"status\": \"failure\"},"
                          "{\"device.collector.uid\": \"%s\", \"status\": \"in_progress\"},"
                          "{\"device.collector.uid\": \"%s\", \"status\": \"expired\"}"
                          "]",
                          known[0], upper, known[2], known[3]);
  node = parse_json (rows);
  ra_simulator_add_nql_query (fixture->sim, "#acme_results", node);
  ra_account_set_display_name (account, "Acme");
  ra_account_set_results_query_id (account, "#acme_results");

  run_again_set_up (fixture, &r);
  ra_session_set_connection (fixture->session, account, fixture->client, FALSE);
  RA_TEST_WAIT_UNTIL_FOR (ra_action_list_get_state (ra_window_get_action_list (r.window)) ==
                            RA_ACTION_LIST_STATE_LOADED,
                          WAIT_SECONDS);

  ra_history_run_set_time (run, 1764000000);
  ra_history_run_set_account (run, "acme-id", "Acme", "acme", "eu");
  ra_history_run_set_action (run, "#ra_test_restart_service", "Restart a service and set how it starts");
  ra_history_run_set_devices (run, devices);
  ra_history_run_set_n_devices (run, 5);
  ra_history_run_set_outcome (run, RA_EXECUTION_OUTCOME_STARTED, "req-acme");
  ra_history_add_async (r.history, run, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  g_assert_true (ra_history_add_finish (r.history, result, NULL));

  detail = open_detail (&r);
  g_assert_cmpint (ra_run_results_get_state (ra_history_detail_get_results (detail)), ==,
                   RA_RUN_RESULTS_STATE_LOADED);
  g_assert_cmpstr (ra_history_detail_get_failed_note (detail), ==,
                   "3 devices failed or never reported; 1 still running is left out");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.run-again-failed", NULL));
  RA_TEST_WAIT_UNTIL_FOR (form_filled (&r, 3), WAIT_SECONDS);

  /* The failure, the expired one and the one never reported, as sent. */
  filled = form_devices (&r);
  g_assert_cmpuint (g_strv_length (filled), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *) filled, known[1]));
  g_assert_true (g_strv_contains ((const char * const *) filled, known[3]));
  g_assert_true (g_strv_contains ((const char * const *) filled, known[4]));
  g_assert_cmpuint (count_executes (fixture), ==, 0);

  run_again_tear_down (&r);
}

/* A run that may have started is not run again without a word. */
static void
test_run_again_outcome_unknown (Fixture       *fixture,
                                gconstpointer  data)
{
  RunAgain r = { 0, };
  g_auto(GStrv) known = ra_simulator_dup_known_devices ();
  const char *devices[] = { known[0], NULL };
  RaHistoryDetail *detail;
  GtkWindow *dialog;

  run_again_set_up (fixture, &r);
  record_run (&r, NULL, devices);
  detail = open_detail (&r);
  /* record_run () made it started; a lost answer leaves it unknown. */
  ra_history_run_set_outcome (ra_history_detail_get_run (detail), RA_EXECUTION_OUTCOME_UNKNOWN, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "detail.run-again", NULL));
  RA_TEST_WAIT_UNTIL_FOR (form_filled (&r, 1), WAIT_SECONDS);
  RA_TEST_WAIT_UNTIL ((dialog = ra_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "Whether the first run started is not known"));
  g_assert_cmpuint (count_executes (fixture), ==, 0);

  run_again_tear_down (&r);
}

static void
add_tests (void)
{
  RA_TEST_ADD ("/run-again/all", test_run_again);
  RA_TEST_ADD ("/run-again/failed", test_run_again_failed);
  RA_TEST_ADD ("/run-again/failed-needs-results", test_run_again_failed_needs_results);
  RA_TEST_ADD ("/run-again/failed-account-query", test_run_again_failed_account_query);
  RA_TEST_ADD ("/run-again/action-gone", test_action_gone);
  RA_TEST_ADD ("/run-again/outcome-unknown", test_run_again_outcome_unknown);
}

int
main (int   argc,
      char *argv[])
{
  return page_fixture_main (argc, argv, add_tests);
}
