/* test-run-outcomes.c — each run ends worded for what is known of it
 *
 * Not sent or refused (safe to run again), started (with its request ID),
 * or outcome unknown (check before running again): in the outcome area,
 * the toast and the runs of the session. And a run in flight outlives
 * its window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-run-outcomes"

#include "config.h"

#include "ra-client-private.h"
#include "ra-endpoint.h"
#include "ra-http-private.h"
#include "ra-run-outcome.h"
#include "ra-session-run.h"

#include "page-fixture.h"
#include "ra-test-utils.h"

static gboolean
has_text (GtkWidget  *widget,
          const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text (child, text))
      return TRUE;

  return FALSE;
}

/* Whether a toast on show says text. Toasts take turns, and each test
 * starts without one. */
static gboolean
toast_says (Fixture    *fixture,
            const char *text)
{
  GtkWidget *overlay = ra_test_find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_TOAST_OVERLAY,
                                            NULL, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (overlay);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget") && has_text (child, text))
      return TRUE;

  return FALSE;
}

static RaRunOutcome *
get_outcome (Fixture *fixture)
{
  return ra_run_form_get_outcome (get_form (fixture));
}

static void
run (Fixture *fixture)
{
  select_action (fixture, fixture->form_action);
  fill_form (fixture, 3, NULL);
  confirm_and_wait (fixture);
}

static void
assert_safe_to_run_again (Fixture    *fixture,
                          const char *title)
{
  const char *message = ra_run_outcome_get_error_message (get_outcome (fixture));

  g_assert_cmpstr (ra_run_outcome_get_title (get_outcome (fixture)), ==, title);
  g_assert_null (ra_run_outcome_get_request_id (get_outcome (fixture)));
  g_assert_nonnull (strstr (message, "safe to run the action again"));
  g_assert_null (strstr (message, "may have"));
  RA_TEST_WAIT_UNTIL_FOR (toast_says (fixture, "did not start"), WAIT_SECONDS);
  /* It did not run: nothing to remember or to check. */
  g_assert_cmpuint (g_list_model_get_n_items (ra_action_page_get_runs (fixture->page)), ==, 0);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  select_action (fixture, fixture->form_action);
  ra_simulator_fail_next (fixture->sim, 1, 400, 0);
  run (fixture);

  assert_safe_to_run_again (fixture, "Refused by Nexthink");
  g_assert_cmpuint (count_executes (fixture), ==, 1);
}

static void
test_not_sent (Fixture       *fixture,
               gconstpointer  data)
{
  /* The details bring a token; then nobody listens any more. */
  select_action (fixture, fixture->form_action);
  ra_simulator_stop (fixture->sim);
  run (fixture);

  assert_safe_to_run_again (fixture, "Not Sent");
  g_assert_nonnull (strstr (ra_run_outcome_get_error_message (get_outcome (fixture)),
                            "refused the connection"));
  g_assert_cmpuint (count_executes (fixture), ==, 0);
}

/* The client's waits and deadlines run on a clock the test moves. */
static RaClock *
use_manual_clock (Fixture *fixture)
{
  RaClock *clock = ra_clock_new_manual (0);

  ra_client_set_clock (fixture->client, clock);
  return clock;
}

static gboolean
client_waits (RaClock *clock)
{
  gint64 due = ra_clock_get_next_due_usec (clock);

  /* Anything sooner than an exchange's deadline is a wait to send again. */
  return due >= 0 && due - ra_clock_get_monotonic_usec (clock) < RA_HTTP_DEFAULT_DEADLINE_MS * 1000;
}

static void
assert_unknown (Fixture *fixture,
                RaClock *clock)
{
  g_autoptr(RaSessionRun) listed = NULL;
  const char *message = ra_run_outcome_get_error_message (get_outcome (fixture));

  g_assert_cmpstr (ra_run_outcome_get_title (get_outcome (fixture)), ==, "Outcome Unknown");
  g_assert_null (ra_run_outcome_get_request_id (get_outcome (fixture)));
  g_assert_nonnull (strstr (message, "may have reached Nexthink"));
  g_assert_nonnull (strstr (message, "before running it again"));
  g_assert_null (strstr (message, "safe to run"));
  g_assert_null (strstr (message, "no data was sent"));
  g_assert_null (strstr (message, "Try again"));
  RA_TEST_WAIT_UNTIL_FOR (toast_says (fixture, "may have started"), WAIT_SECONDS);

  /* Listed with the runs of the session, to be checked. */
  g_assert_cmpuint (g_list_model_get_n_items (ra_action_page_get_runs (fixture->page)), ==, 1);
  listed = g_list_model_get_item (ra_action_page_get_runs (fixture->page), 0);
  g_assert_cmpint (ra_session_run_get_outcome (listed), ==, RA_EXECUTION_OUTCOME_UNKNOWN);
  g_assert_null (ra_session_run_get_request_id (listed));
  g_assert_true (has_text (GTK_WIDGET (fixture->page), "Outcome unknown: check its executions"));

  /* Never sent again by itself: the client waits for nothing, not even
   * once its clock has moved on an hour, and whatever it had sent before
   * has arrived by the time a later request comes back. */
  g_assert_false (client_waits (clock));
  ra_clock_advance (clock, 3600);
  ra_test_settle ();
  {
    g_autoptr(GAsyncResult) slot = NULL;
    g_autoptr(GListModel) actions = NULL;

    ra_client_list_actions_async (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL,
                                  ra_test_store_result_cb, &slot);
    RA_TEST_WAIT_UNTIL_FOR (slot != NULL, WAIT_SECONDS);
    actions = ra_client_list_actions_finish (fixture->client, slot, NULL);
    g_assert_nonnull (actions);
  }
  g_assert_cmpuint (count_executes (fixture), ==, 1);
}

static void
test_unknown_server_error (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(RaClock) clock = use_manual_clock (fixture);

  select_action (fixture, fixture->form_action);
  ra_simulator_fail_next (fixture->sim, 1, 502, 0);
  run (fixture);
  assert_unknown (fixture, clock);
}

static void
test_unknown_dropped (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(RaClock) clock = use_manual_clock (fixture);

  select_action (fixture, fixture->form_action);
  ra_simulator_drop_next (fixture->sim, 1);
  run (fixture);
  assert_unknown (fixture, clock);
}

static void
test_unknown_no_request_id (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(RaClock) clock = use_manual_clock (fixture);

  select_action (fixture, fixture->form_action);
  ra_simulator_set_next_answer (fixture->sim, 200, "{\"expiresInMinutes\": 60}");
  run (fixture);
  assert_unknown (fixture, clock);
}

/* A bad optional member does not lose the request ID. */
static void
test_started_bad_expiry (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RaSessionRun) listed = NULL;

  select_action (fixture, fixture->form_action);
  ra_simulator_set_next_answer (fixture->sim, 200,
                                "{\"requestId\": \"req-bad-expiry\", \"expiresInMinutes\": \"soon\"}");
  run (fixture);

  g_assert_cmpstr (ra_run_outcome_get_title (get_outcome (fixture)), ==, "Started");
  g_assert_cmpstr (ra_run_outcome_get_request_id (get_outcome (fixture)), ==, "req-bad-expiry");
  g_assert_null (ra_run_outcome_get_error_message (get_outcome (fixture)));
  g_assert_cmpstr (ra_run_outcome_get_expiry_text (get_outcome (fixture)), ==,
                   "Not stated by the server");
  RA_TEST_WAIT_UNTIL_FOR (toast_says (fixture, "started on 3 devices"), WAIT_SECONDS);

  listed = g_list_model_get_item (ra_action_page_get_runs (fixture->page), 0);
  g_assert_cmpint (ra_session_run_get_outcome (listed), ==, RA_EXECUTION_OUTCOME_STARTED);
  g_assert_cmpstr (ra_session_run_get_request_id (listed), ==, "req-bad-expiry");
  g_assert_cmpuint (count_executes (fixture), ==, 1);
}

/* Closing the window while the server works on the request: the
 * application stays until the answer, and the run is recorded. */

#define LATENCY_MS 1500

typedef struct
{
  Fixture     fixture;
  GListModel *runs;
  gint64      closed_at;
  gint64      recorded_at;
} CloseData;

static void
runs_changed_cb (GListModel *runs,
                 guint       position,
                 guint       removed,
                 guint       added,
                 CloseData  *close)
{
  if (added > 0 && close->recorded_at == 0)
    close->recorded_at = g_get_monotonic_time ();
}

static void
activate_cb (GApplication *application,
             CloseData    *close)
{
  Fixture *fixture = &close->fixture;

  gtk_window_set_application (GTK_WINDOW (fixture->window), GTK_APPLICATION (application));

  select_action (fixture, fixture->form_action);
  fill_form (fixture, 2, NULL);
  ra_simulator_set_latency (fixture->sim, LATENCY_MS);
  respond (open_confirmation (fixture), RA_CONFIRM_RESPONSE_RUN);
  g_assert_true (ra_run_form_get_running (get_form (fixture)));

  close->runs = g_object_ref (ra_action_page_get_runs (fixture->page));
  g_signal_connect (close->runs, "items-changed", G_CALLBACK (runs_changed_cb), close);

  /* The window was the application's last: unheld, it would end now. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  close->closed_at = g_get_monotonic_time ();
}

static void
test_close_window_mid_execute (void)
{
  g_autoptr(GtkApplication) application = NULL;
  g_autoptr(RaSessionRun) listed = NULL;
  CloseData close = { { 0, }, };
  Fixture *fixture = &close.fixture;
  gint64 ended_at;

  fixture_set_up (fixture, NULL);

  application = gtk_application_new ("io.github.nxra.RemoteActions.TestOutcomes",
                                     G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), &close);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), 0, NULL), ==, 0);
  ended_at = g_get_monotonic_time ();

  g_assert_cmpint (close.closed_at, >, 0);
  /* Still there when the answer came, and not a moment longer than
   * needed: the answer ended it. */
  g_assert_cmpint (close.recorded_at, >, 0);
  g_assert_cmpint (close.recorded_at - close.closed_at, >=, (LATENCY_MS - 500) * 1000);
  g_assert_cmpint (ended_at, >=, close.recorded_at);
  g_assert_cmpint (ended_at - close.recorded_at, <, 5 * G_USEC_PER_SEC);

  /* Sent once, not cancelled, and what it became is recorded. */
  g_assert_cmpuint (count_executes (fixture), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (close.runs), ==, 1);
  listed = g_list_model_get_item (close.runs, 0);
  g_assert_cmpint (ra_session_run_get_outcome (listed), ==, RA_EXECUTION_OUTCOME_STARTED);
  g_assert_nonnull (ra_session_run_get_request_id (listed));

  g_signal_handlers_disconnect_by_data (close.runs, &close);
  g_clear_object (&close.runs);
  ra_test_assert_finalize (g_steal_pointer (&fixture->page));
  g_clear_object (&fixture->form_action);
  g_clear_object (&fixture->collect_action);
  g_clear_object (&fixture->locked_action);
  g_clear_object (&fixture->client);
  ra_simulator_stop (fixture->sim);
  g_clear_object (&fixture->sim);
}

static void
add_tests (void)
{
  RA_TEST_ADD ("/outcome/refused", test_refused);
  RA_TEST_ADD ("/outcome/not-sent", test_not_sent);
  RA_TEST_ADD ("/outcome/unknown-server-error", test_unknown_server_error);
  RA_TEST_ADD ("/outcome/unknown-dropped", test_unknown_dropped);
  RA_TEST_ADD ("/outcome/unknown-no-request-id", test_unknown_no_request_id);
  RA_TEST_ADD ("/outcome/started-bad-expiry", test_started_bad_expiry);
  g_test_add_func ("/outcome/close-window-mid-execute", test_close_window_mid_execute);
}

int
main (int   argc,
      char *argv[])
{
  return page_fixture_main (argc, argv, add_tests);
}
