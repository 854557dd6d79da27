/* test-run-outcome.c — what is known of an execute once it is over
 *
 * Not sent (safe to run again), started (with its request ID), or outcome
 * unknown (check before running again), for each way a request can end;
 * and whatever the ending, the simulator saw exactly one execute.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-run-outcome"

#include "config.h"

#include "ra-client-test.h"

typedef struct
{
  RaExecutionResult *result;
  RaExecutionOutcome outcome;
  GError            *error;
} Ending;

static void
ending_clear (Ending *ending)
{
  g_clear_object (&ending->result);
  g_clear_error (&ending->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Ending, ending_clear)

/* The ID of an action to run; the list it comes from also brings the
 * token, so that the faults set up next land on the execute. From here
 * on, the client and the simulator read a manual clock. */
static char *
prepare (Fixture *fixture)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);

  return find_action_id (fixture, TRUE);
}

static void
run (Fixture    *fixture,
     const char *id,
     Ending     *ending)
{
  g_autoptr(RaExecutionRequest) request = new_request (id, 2);
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  ra_simulator_clear_requests (fixture->sim);
  ra_client_execute_async (fixture->client, request, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  ending->result = ra_client_execute_finish (fixture->client, result, &ending->error);
  ending->outcome = ra_client_execute_get_outcome (fixture->client, result);

  /* The outcome reads the same before and after _finish(). */
  g_assert_cmpint (ra_client_execute_get_outcome (fixture->client, result), ==, ending->outcome);
  g_assert_true ((ending->result != NULL) == (ending->outcome == RA_EXECUTION_OUTCOME_STARTED));
  g_assert_true ((ending->error != NULL) == (ending->result == NULL));
}

static void
assert_one_execute (Fixture *fixture)
{
  /* Not even once a wrongly scheduled resend would have come due. */
  assert_no_more_requests (fixture, "POST", EXECUTE_PATH, 1);
}

static void
test_started (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *id = prepare (fixture);
  g_auto(Ending) ending = { 0, };

  run (fixture, id, &ending);
  g_assert_no_error (ending.error);
  g_assert_cmpint (ending.outcome, ==, RA_EXECUTION_OUTCOME_STARTED);
  g_assert_nonnull (ra_execution_result_get_request_id (ending.result));
  assert_one_execute (fixture);
}

/* Answers the server gave after the request may have run. */
static void
test_unknown_statuses (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *id = prepare (fixture);
  static const guint statuses[] = { 500, 502, 503, 504 };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_auto(Ending) ending = { 0, };

      ra_simulator_fail_next (fixture->sim, 1, statuses[i], 1);
      run (fixture, id, &ending);
      g_test_message ("%u → %s", statuses[i], ending.error->message);
      assert_error (fixture, ending.error, RA_ERROR, RA_ERROR_SERVER);
      g_assert_cmpint (ending.outcome, ==, RA_EXECUTION_OUTCOME_UNKNOWN);
      /* Facts only: what to do next depends on the outcome, and is the
       * caller's to say. */
      g_assert_null (strstr (ending.error->message, "Try again"));
      assert_one_execute (fixture);
    }
}

static void
test_unknown_dropped (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *id = prepare (fixture);
  g_auto(Ending) ending = { 0, };

  ra_simulator_drop_next (fixture->sim, 1);
  run (fixture, id, &ending);
  assert_error (fixture, ending.error, RA_ERROR, RA_ERROR_NETWORK);
  g_assert_cmpint (ending.outcome, ==, RA_EXECUTION_OUTCOME_UNKNOWN);
  g_assert_nonnull (strstr (ending.error->message, "after the request was sent"));
  g_assert_null (strstr (ending.error->message, "no data was sent"));
  assert_one_execute (fixture);
}

/* Refusals: the server answered before anything ran. */
static void
test_not_sent_refused (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *id = prepare (fixture);
  static const struct {
    guint status;
    int   code;
  } cases[] = {
    { 400, RA_ERROR_INVALID_REQUEST },
    { 403, RA_ERROR_FORBIDDEN },
    { 404, RA_ERROR_NOT_FOUND },
    { 429, RA_ERROR_RATE_LIMITED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Ending) ending = { 0, };

      ra_simulator_fail_next (fixture->sim, 1, cases[i].status, 1);
      run (fixture, id, &ending);
      g_test_message ("%u → %s", cases[i].status, ending.error->message);
      assert_error (fixture, ending.error, RA_ERROR, cases[i].code);
      g_assert_cmpint (ending.outcome, ==, RA_EXECUTION_OUTCOME_NOT_SENT);
      assert_one_execute (fixture);
    }
}

/* A 2xx whose body has no request ID to read: accepted, maybe started. */
static void
test_unknown_malformed_answers (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autofree char *id = prepare (fixture);
  static const RaSimBodyFault faults[] = {
    RA_SIM_BODY_MALFORMED, RA_SIM_BODY_TRUNCATED, RA_SIM_BODY_WRONG_TYPE,
  };
  static const char * const bodies[] = {
    "{}",
    "[]",
    "null",
    "{\"requestId\": \"\"}",
    "{\"requestId\": null, \"expiresInMinutes\": 60}",
    "{\"requestId\": [\"a\"]}",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_auto(Ending) ending = { 0, };

      ra_simulator_set_body_fault (fixture->sim, faults[i], 1);
      run (fixture, id, &ending);
      g_test_message ("fault %d → %s", faults[i], ending.error->message);
      g_assert_cmpint (ending.outcome, ==, RA_EXECUTION_OUTCOME_UNKNOWN);
      assert_one_execute (fixture);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_auto(Ending) ending = { 0, };

      ra_simulator_set_next_answer (fixture->sim, i % 2 == 0 ? 200 : 202, bodies[i]);
      run (fixture, id, &ending);
      g_test_message ("“%s” → %s", bodies[i], ending.error->message);
      assert_error (fixture, ending.error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE);
      g_assert_cmpint (ending.outcome, ==, RA_EXECUTION_OUTCOME_UNKNOWN);
      assert_one_execute (fixture);
    }
}

/* The request ID is what matters; a broken optional member must not lose
 * it. */
static void
test_started_bad_expiry (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *id = prepare (fixture);
  static const char * const expiries[] = {
    "\"soon\"", "0", "-5", "1.5", "99999999999999", "true", "{}", "[60]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expiries); i++)
    {
      g_auto(Ending) ending = { 0, };
      g_autofree char *body = g_strdup_printf ("{\"requestId\": \"req-%u\", \"expiresInMinutes\": %s}",
                                               i, expiries[i]);
      g_autofree char *expected = g_strdup_printf ("req-%u", i);

      ra_simulator_set_next_answer (fixture->sim, 200, body);
      run (fixture, id, &ending);
      g_assert_no_error (ending.error);
      g_assert_cmpint (ending.outcome, ==, RA_EXECUTION_OUTCOME_STARTED);
      g_assert_cmpstr (ra_execution_result_get_request_id (ending.result), ==, expected);
      /* Not stated, rather than made up. */
      g_assert_cmpuint (ra_execution_result_get_expires_in_minutes (ending.result), ==, 0);
      assert_one_execute (fixture);
    }
}

/* Refused locally: nothing leaves. */
static void
test_not_sent_validation (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *id = find_action_id (fixture, TRUE);
  g_autoptr(RaExecutionRequest) request = new_request (id, 0);
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RaExecutionResult) execution = NULL;
  g_autoptr(GError) error = NULL;

  ra_simulator_clear_requests (fixture->sim);
  ra_client_execute_async (fixture->client, request, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  execution = ra_client_execute_finish (fixture->client, result, &error);
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT);
  g_assert_cmpint (ra_client_execute_get_outcome (fixture->client, result), ==,
                   RA_EXECUTION_OUTCOME_NOT_SENT);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", EXECUTE_PATH), ==, 0);
}

/* Nobody listens any more: the connection is refused before a byte of
 * the request leaves. */
static void
test_not_sent_refused_connection (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autofree char *id = prepare (fixture);
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Ending) ending = { 0, };

  /* A token first, so that the execute itself is what cannot connect. */
  actions = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  g_assert_no_error (error);

  ra_simulator_stop (fixture->sim);
  run (fixture, id, &ending);
  g_test_message ("refused → %s", ending.error->message);
  assert_error (fixture, ending.error, RA_ERROR, RA_ERROR_NETWORK);
  g_assert_cmpint (ending.outcome, ==, RA_EXECUTION_OUTCOME_NOT_SENT);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", EXECUTE_PATH), ==, 0);
}

/* No token, no request. */
static void
test_not_sent_no_token (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *id = prepare (fixture);
  g_auto(Ending) ending = { 0, };

  ra_simulator_set_credentials (fixture->sim, "someone-else", "another-secret");
  ra_client_sign_out (fixture->client);
  run (fixture, id, &ending);
  assert_error (fixture, ending.error, RA_ERROR, RA_ERROR_UNAUTHORIZED);
  g_assert_cmpint (ending.outcome, ==, RA_EXECUTION_OUTCOME_NOT_SENT);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", EXECUTE_PATH), ==, 0);
}

/* Cancelled while the server works on it: the request went out. */
static void
test_unknown_cancelled_after_sending (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autofree char *id = prepare (fixture);
  g_autoptr(RaExecutionRequest) request = new_request (id, 2);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RaExecutionResult) execution = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) actions = NULL;

  actions = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  g_assert_no_error (error);

  ra_simulator_clear_requests (fixture->sim);
  /* The simulator holds the request that long before it acts and answers;
   * written long before. */
  ra_simulator_set_latency (fixture->sim, 1000);
  ra_client_execute_async (fixture->client, request, cancellable, ra_test_store_result_cb, &slot);
  ra_test_spin (300);
  g_cancellable_cancel (cancellable);

  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  execution = ra_client_execute_finish (fixture->client, result, &error);
  g_assert_null (execution);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (ra_client_execute_get_outcome (fixture->client, result), ==,
                   RA_EXECUTION_OUTCOME_UNKNOWN);
  ra_simulator_set_latency (fixture->sim, 0);
  /* The simulator acts on it once its latency has passed. */
  RA_TEST_WAIT_UNTIL_FOR (ra_simulator_count_requests (fixture->sim, "POST", EXECUTE_PATH) > 0,
                          RA_TEST_TIMEOUT_MS / 1000);
  assert_one_execute (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  RA_TEST_ADD ("/run-outcome/started", test_started);
  RA_TEST_ADD ("/run-outcome/started-bad-expiry", test_started_bad_expiry);
  RA_TEST_ADD ("/run-outcome/unknown-statuses", test_unknown_statuses);
  RA_TEST_ADD ("/run-outcome/unknown-dropped", test_unknown_dropped);
  RA_TEST_ADD ("/run-outcome/unknown-malformed-answers", test_unknown_malformed_answers);
  RA_TEST_ADD ("/run-outcome/unknown-cancelled-after-sending", test_unknown_cancelled_after_sending);
  RA_TEST_ADD ("/run-outcome/not-sent-refused", test_not_sent_refused);
  RA_TEST_ADD ("/run-outcome/not-sent-validation", test_not_sent_validation);
  RA_TEST_ADD ("/run-outcome/not-sent-refused-connection", test_not_sent_refused_connection);
  RA_TEST_ADD ("/run-outcome/not-sent-no-token", test_not_sent_no_token);

  return g_test_run ();
}
