/* test-run-history.c — every run made from the page is in the run
 * history: written before it is sent, updated with the answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-run-history"

#include "config.h"

#include "page-fixture.h"
#include "ra-history.h"

static GPtrArray *
list_runs (Fixture *fixture)
{
  RaHistory *history = ra_session_get_history (fixture->session);
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *runs;

  ra_history_list_async (history, NULL, NULL, -1, 0, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  runs = ra_history_list_finish (history, result, &error);
  g_assert_no_error (error);

  return runs;
}

static GStrv
list_devices (Fixture *fixture,
              gint64   id)
{
  RaHistory *history = ra_session_get_history (fixture->session);
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

/* The newest run, written by this test: other tests of the suite share
 * the file. */
static RaHistoryRun *
newest_run (Fixture *fixture,
            gint64   after_id)
{
  g_autoptr(GPtrArray) runs = list_runs (fixture);
  RaHistoryRun *run;

  g_assert_cmpuint (runs->len, >, 0);
  run = g_ptr_array_index (runs, 0);
  g_assert_cmpint (ra_history_run_get_id (run), >, after_id);

  return g_object_ref (run);
}

static RaExecutionOutcome
newest_outcome (Fixture *fixture,
                gint64   after_id)
{
  g_autoptr(RaHistoryRun) run = newest_run (fixture, after_id);

  return ra_history_run_get_outcome (run);
}

static gint64
last_id (Fixture *fixture)
{
  g_autoptr(GPtrArray) runs = list_runs (fixture);

  return runs->len > 0 ? ra_history_run_get_id (g_ptr_array_index (runs, 0)) : 0;
}

static void
test_recorded (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) devices = NULL;
  g_autoptr(RaHistoryRun) run = NULL;
  gint64 before = last_id (fixture);
  RaRunOutcome *outcome;

  select_action (fixture, fixture->form_action);
  fill_form (fixture, 3, &ids);
  confirm_and_wait (fixture);
  outcome = ra_run_form_get_outcome (get_form (fixture));
  g_assert_nonnull (ra_run_outcome_get_request_id (outcome));

  /* The update follows the answer; wait for it to be on disk. */
  RA_TEST_WAIT_UNTIL (newest_outcome (fixture, before) == RA_EXECUTION_OUTCOME_STARTED);

  run = newest_run (fixture, before);
  g_assert_cmpstr (ra_history_run_get_request_id (run), ==, ra_run_outcome_get_request_id (outcome));
  g_assert_cmpstr (ra_history_run_get_action_id (run), ==, ra_remote_action_get_id (fixture->form_action));
  g_assert_cmpstr (ra_history_run_get_action_name (run), ==, ra_remote_action_get_name (fixture->form_action));
  g_assert_cmpstr (g_hash_table_lookup (ra_history_run_get_parameters (run), "ServiceName"), ==,
                   "Print Spooler");
  g_assert_cmpuint (ra_history_run_get_expires_in_minutes (run), ==, 120);
  g_assert_cmpstr (ra_history_run_get_reason (run), ==, "User cannot print");
  g_assert_cmpstr (ra_history_run_get_external_reference (run), ==, "INC0012345");
  g_assert_cmpuint (ra_history_run_get_n_devices (run), ==, 3);

  devices = list_devices (fixture, ra_history_run_get_id (run));
  g_assert_cmpstrv (devices, ids);
}

static void
test_recorded_before_sent (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 before = last_id (fixture);

  select_action (fixture, fixture->form_action);
  fill_form (fixture, 2, NULL);

  /* While the server holds the answer, the run is already in the
   * history, as not known yet. */
  ra_simulator_set_latency (fixture->sim, 2000);
  respond (open_confirmation (fixture), RA_CONFIRM_RESPONSE_RUN);
  RA_TEST_WAIT_UNTIL (count_executes (fixture) == 1);
  g_assert_true (ra_run_form_get_running (get_form (fixture)));
  g_assert_cmpint (newest_outcome (fixture, before), ==, RA_EXECUTION_OUTCOME_UNKNOWN);

  RA_TEST_WAIT_UNTIL (!ra_run_form_get_running (get_form (fixture)));
  RA_TEST_WAIT_UNTIL (newest_outcome (fixture, before) == RA_EXECUTION_OUTCOME_STARTED);
}

static void
test_answer_lost (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RaHistoryRun) run = NULL;
  gint64 before = last_id (fixture);

  select_action (fixture, fixture->form_action);
  fill_form (fixture, 2, NULL);

  /* The simulator reads the request, then closes the connection: the run
   * may have started, and nobody will ever know its request ID. */
  ra_simulator_drop_next (fixture->sim, 1);
  confirm_and_wait (fixture);
  g_assert_cmpuint (count_executes (fixture), ==, 1);

  /* The record that was written before sending says so. */
  run = newest_run (fixture, before);
  g_assert_cmpint (ra_history_run_get_outcome (run), ==, RA_EXECUTION_OUTCOME_UNKNOWN);
  g_assert_null (ra_history_run_get_request_id (run));
  g_assert_cmpuint (ra_history_run_get_n_devices (run), ==, 2);
}

static void
add_tests (void)
{
  RA_TEST_ADD ("/run-history/recorded", test_recorded);
  RA_TEST_ADD ("/run-history/recorded-before-sent", test_recorded_before_sent);
  RA_TEST_ADD ("/run-history/answer-lost", test_answer_lost);
}

int
main (int   argc,
      char *argv[])
{
  return page_fixture_main (argc, argv, add_tests);
}
