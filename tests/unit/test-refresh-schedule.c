/* test-refresh-schedule.c — when device results refresh by themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ra-refresh-schedule.h"
#include "ra-test-common.h"

#define START_USEC (G_GINT64_CONSTANT (1700000000) * G_USEC_PER_SEC)

typedef struct
{
  RaClock           *clock;
  RaRefreshSchedule *schedule;
  guint              n_due;
} Fixture;

static void
due_cb (RaRefreshSchedule *schedule,
        Fixture           *fixture)
{
  fixture->n_due++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->clock = ra_clock_new_manual (START_USEC);
  fixture->schedule = ra_refresh_schedule_new (fixture->clock);
  g_signal_connect (fixture->schedule, "due", G_CALLBACK (due_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->schedule));
  g_assert_finalize_object (g_steal_pointer (&fixture->clock));
}

/* Moves the clock by seconds and lets what came due run. */
static void
advance (Fixture *fixture,
         gint64   seconds)
{
  ra_clock_advance (fixture->clock, seconds);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The schedule's next wait: it does not come a second early, and comes
 * when its time is there. */
static void
assert_next_wait (Fixture *fixture,
                  guint    seconds)
{
  guint n_due = fixture->n_due;

  g_assert_cmpint (ra_refresh_schedule_get_state (fixture->schedule), ==, RA_REFRESH_STATE_WAITING);
  g_assert_cmpuint (ra_refresh_schedule_get_wait_seconds (fixture->schedule), ==, seconds);
  g_assert_cmpint (ra_refresh_schedule_get_seconds_left (fixture->schedule), ==, seconds);

  advance (fixture, seconds - 1);
  g_assert_cmpuint (fixture->n_due, ==, n_due);
  g_assert_cmpint (ra_refresh_schedule_get_seconds_left (fixture->schedule), ==, 1);

  advance (fixture, 1);
  g_assert_cmpuint (fixture->n_due, ==, n_due + 1);
  g_assert_cmpint (ra_refresh_schedule_get_state (fixture->schedule), ==, RA_REFRESH_STATE_IDLE);
  g_assert_cmpint (ra_refresh_schedule_get_seconds_left (fixture->schedule), ==, -1);
}

static void
test_backs_off_to_the_cap (Fixture       *fixture,
                           gconstpointer  data)
{
  static const guint waits[] = { 10, 20, 40, 80, 160, 300, 300, 300 };

  g_assert_cmpint (ra_refresh_schedule_get_state (fixture->schedule), ==, RA_REFRESH_STATE_IDLE);
  /* Nothing is timed before the first answer. */
  advance (fixture, 3600);
  g_assert_cmpuint (fixture->n_due, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (waits); i++)
    {
      ra_refresh_schedule_answered (fixture->schedule, FALSE);
      assert_next_wait (fixture, waits[i]);
    }
}

static void
test_stops_when_settled (Fixture       *fixture,
                         gconstpointer  data)
{
  ra_refresh_schedule_answered (fixture->schedule, FALSE);
  assert_next_wait (fixture, 10);

  ra_refresh_schedule_answered (fixture->schedule, TRUE);
  g_assert_cmpint (ra_refresh_schedule_get_state (fixture->schedule), ==, RA_REFRESH_STATE_SETTLED);
  g_assert_cmpint (ra_refresh_schedule_get_seconds_left (fixture->schedule), ==, -1);
  advance (fixture, 24 * 3600);
  g_assert_cmpuint (fixture->n_due, ==, 1);

  /* A failure after that changes nothing. */
  ra_refresh_schedule_failed (fixture->schedule, 0);
  g_assert_cmpint (ra_refresh_schedule_get_state (fixture->schedule), ==, RA_REFRESH_STATE_SETTLED);
}

static void
test_stops_at_expiry (Fixture       *fixture,
                      gconstpointer  data)
{
  /* Expires in 60 s: waits of 10, 20, then the 40 s one is cut to the
   * expiry and a moment, so the states after it are read once. */
  ra_refresh_schedule_set_expiry (fixture->schedule, START_USEC + 60 * G_USEC_PER_SEC);
  g_assert_false (ra_refresh_schedule_is_expired (fixture->schedule));

  ra_refresh_schedule_answered (fixture->schedule, FALSE);
  assert_next_wait (fixture, 10);
  ra_refresh_schedule_answered (fixture->schedule, FALSE);
  assert_next_wait (fixture, 20);
  ra_refresh_schedule_answered (fixture->schedule, FALSE);
  assert_next_wait (fixture, 60 - 30 + 5);
  g_assert_true (ra_refresh_schedule_is_expired (fixture->schedule));

  /* Devices still pending now never report: no more refreshing. */
  ra_refresh_schedule_answered (fixture->schedule, FALSE);
  g_assert_cmpint (ra_refresh_schedule_get_state (fixture->schedule), ==, RA_REFRESH_STATE_EXPIRED);
  advance (fixture, 3600);
  g_assert_cmpuint (fixture->n_due, ==, 3);
}

static void
test_expired_wins_over_settled (Fixture       *fixture,
                                gconstpointer  data)
{
  /* Past the expiry every device is final, but not because it finished:
   * the state says the run expired. */
  ra_refresh_schedule_set_expiry (fixture->schedule, START_USEC + 5 * G_USEC_PER_SEC);
  advance (fixture, 5);
  ra_refresh_schedule_answered (fixture->schedule, TRUE);
  g_assert_cmpint (ra_refresh_schedule_get_state (fixture->schedule), ==, RA_REFRESH_STATE_EXPIRED);
}

static void
test_expiry_never_hurries (Fixture       *fixture,
                           gconstpointer  data)
{
  /* Two seconds before the expiry the wait is still the shortest one. */
  ra_refresh_schedule_set_expiry (fixture->schedule, START_USEC + 2 * G_USEC_PER_SEC);
  g_assert_false (ra_refresh_schedule_is_expired (fixture->schedule));
  ra_refresh_schedule_failed (fixture->schedule, 0);
  assert_next_wait (fixture, RA_REFRESH_MIN_SECONDS);
}

static void
test_expired_run_reads_once (Fixture       *fixture,
                             gconstpointer  data)
{
  /* A run opened after it expired: its one answer is the last. */
  ra_refresh_schedule_set_expiry (fixture->schedule, START_USEC - G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC);
  ra_refresh_schedule_answered (fixture->schedule, FALSE);
  g_assert_cmpint (ra_refresh_schedule_get_state (fixture->schedule), ==, RA_REFRESH_STATE_EXPIRED);
  advance (fixture, 3600);
  g_assert_cmpuint (fixture->n_due, ==, 0);
}

static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  ra_refresh_schedule_answered (fixture->schedule, FALSE);
  assert_next_wait (fixture, 10);

  /* 429 with Retry-After: 90 — the next try comes no sooner. */
  ra_refresh_schedule_failed (fixture->schedule, 90);
  assert_next_wait (fixture, 90);

  /* A Retry-After shorter than the back-off does not hurry it. */
  ra_refresh_schedule_failed (fixture->schedule, 3);
  assert_next_wait (fixture, 40);

  /* Another failure backs off as an answer does. */
  ra_refresh_schedule_failed (fixture->schedule, 0);
  assert_next_wait (fixture, 80);

  /* The Retry-After also wins over the expiry's shortening. */
  ra_refresh_schedule_set_expiry (fixture->schedule,
                                  ra_clock_get_wall_usec (fixture->clock) + 20 * G_USEC_PER_SEC);
  ra_refresh_schedule_failed (fixture->schedule, 600);
  assert_next_wait (fixture, 600);
}

static void
test_hold_and_stop (Fixture       *fixture,
                    gconstpointer  data)
{
  ra_refresh_schedule_answered (fixture->schedule, FALSE);
  advance (fixture, 4);

  /* Refreshed by hand meanwhile: the timed refresh does not come too. */
  ra_refresh_schedule_hold (fixture->schedule);
  g_assert_cmpint (ra_refresh_schedule_get_state (fixture->schedule), ==, RA_REFRESH_STATE_IDLE);
  advance (fixture, 60);
  g_assert_cmpuint (fixture->n_due, ==, 0);

  /* Its answer times the next one, further out. */
  ra_refresh_schedule_answered (fixture->schedule, FALSE);
  g_assert_cmpuint (ra_refresh_schedule_get_wait_seconds (fixture->schedule), ==, 20);

  ra_refresh_schedule_stop (fixture->schedule);
  g_assert_cmpint (ra_refresh_schedule_get_state (fixture->schedule), ==, RA_REFRESH_STATE_STOPPED);
  advance (fixture, 3600);
  g_assert_cmpuint (fixture->n_due, ==, 0);

  /* Stopped stays stopped. */
  ra_refresh_schedule_answered (fixture->schedule, FALSE);
  ra_refresh_schedule_failed (fixture->schedule, 0);
  g_assert_cmpint (ra_refresh_schedule_get_state (fixture->schedule), ==, RA_REFRESH_STATE_STOPPED);
}

static void
test_dispose_while_waiting (void)
{
  g_autoptr(RaClock) clock = ra_clock_new_manual (START_USEC);
  RaRefreshSchedule *schedule = ra_refresh_schedule_new (clock);

  /* Its timeout goes with it: the clock keeps no source of it. */
  ra_refresh_schedule_answered (schedule, FALSE);
  g_assert_cmpint (ra_clock_get_next_due_usec (clock), ==, 10 * G_USEC_PER_SEC);
  g_assert_finalize_object (schedule);
  g_assert_cmpint (ra_clock_get_next_due_usec (clock), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  RA_TEST_ADD ("/refresh-schedule/backs-off-to-the-cap", test_backs_off_to_the_cap);
  RA_TEST_ADD ("/refresh-schedule/stops-when-settled", test_stops_when_settled);
  RA_TEST_ADD ("/refresh-schedule/stops-at-expiry", test_stops_at_expiry);
  RA_TEST_ADD ("/refresh-schedule/expired-wins-over-settled", test_expired_wins_over_settled);
  RA_TEST_ADD ("/refresh-schedule/expiry-never-hurries", test_expiry_never_hurries);
  RA_TEST_ADD ("/refresh-schedule/expired-run-reads-once", test_expired_run_reads_once);
  RA_TEST_ADD ("/refresh-schedule/rate-limited", test_rate_limited);
  RA_TEST_ADD ("/refresh-schedule/hold-and-stop", test_hold_and_stop);
  g_test_add_func ("/refresh-schedule/dispose-while-waiting", test_dispose_while_waiting);

  return g_test_run ();
}
