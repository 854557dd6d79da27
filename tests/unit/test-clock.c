/* test-clock.c — the clock core code and the simulator read the time from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ra-clock.h"
#include "ra-test-common.h"

static void
test_system_clock_follows_glib (void)
{
  g_autoptr(RaClock) clock = ra_clock_new_system ();
  gint64 before = g_get_real_time ();
  gint64 wall = ra_clock_get_wall_usec (clock);
  gint64 monotonic_before = g_get_monotonic_time ();
  gint64 monotonic = ra_clock_get_monotonic_usec (clock);

  g_assert_cmpint (wall, >=, before);
  g_assert_cmpint (wall - before, <, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (monotonic, >=, monotonic_before);

  g_assert_finalize_object (g_steal_pointer (&clock));
}

static void
test_manual_clock_moves_only_when_told (void)
{
  g_autoptr(RaClock) clock = ra_clock_new_manual (G_GINT64_CONSTANT (1700000000) * G_USEC_PER_SEC);

  g_assert_cmpint (ra_clock_get_wall_usec (clock), ==, G_GINT64_CONSTANT (1700000000) * G_USEC_PER_SEC);
  g_assert_cmpint (ra_clock_get_monotonic_usec (clock), ==, 0);

  /* Real time passes; the manual clock stays where it was. */
  ra_test_spin (2);
  g_assert_cmpint (ra_clock_get_wall_usec (clock), ==, G_GINT64_CONSTANT (1700000000) * G_USEC_PER_SEC);

  ra_clock_advance (clock, 60);
  g_assert_cmpint (ra_clock_get_wall_usec (clock), ==, G_GINT64_CONSTANT (1700000060) * G_USEC_PER_SEC);
  g_assert_cmpint (ra_clock_get_monotonic_usec (clock), ==, G_GINT64_CONSTANT (60) * G_USEC_PER_SEC);

  g_assert_finalize_object (g_steal_pointer (&clock));
}

static void
test_suspend_moves_only_the_wall_clock (void)
{
  g_autoptr(RaClock) clock = ra_clock_new_manual (0);
  gint64 wall = ra_clock_get_wall_usec (clock);

  ra_clock_suspend (clock, 3600);

  g_assert_cmpint (ra_clock_get_wall_usec (clock), ==, wall + G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC);
  g_assert_cmpint (ra_clock_get_monotonic_usec (clock), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&clock));
}

static gboolean
count_cb (gpointer user_data)
{
  guint *fired = user_data;

  (*fired)++;
  return G_SOURCE_REMOVE;
}

/* A timeout on a manual clock comes due as the clock moves, not as real
 * time passes, and whoever waits in the main loop hears of it. */
static void
test_manual_timeout (void)
{
  g_autoptr(RaClock) clock = ra_clock_new_manual (0);
  g_autoptr(GSource) source = ra_clock_timeout_source_new (clock, 1500);
  guint fired = 0;

  g_assert_cmpint (ra_clock_get_next_due_usec (clock), ==, -1);
  g_source_set_callback (source, count_cb, &fired, NULL);
  g_source_attach (source, NULL);
  g_assert_cmpint (ra_clock_get_next_due_usec (clock), ==, 1500 * 1000);

  ra_test_spin (20);
  g_assert_cmpuint (fired, ==, 0);

  ra_clock_advance (clock, 1);
  ra_test_settle ();
  g_assert_cmpuint (fired, ==, 0);
  g_assert_cmpint (ra_clock_get_next_due_usec (clock), ==, 1500 * 1000);

  ra_clock_suspend (clock, 60);
  ra_test_settle ();
  g_assert_cmpuint (fired, ==, 0);

  ra_clock_advance (clock, 1);
  RA_TEST_WAIT_UNTIL_FOR (fired > 0, 10);
  g_assert_cmpuint (fired, ==, 1);
  g_assert_cmpint (ra_clock_get_next_due_usec (clock), ==, -1);

  g_clear_pointer (&source, g_source_unref);
  g_assert_finalize_object (g_steal_pointer (&clock));
}

static gpointer
advance_later_thread (gpointer user_data)
{
  RaClock *clock = user_data;

  /* Long enough for the main loop to be asleep in poll () by then. */
  g_usleep (50 * 1000);
  ra_clock_advance (clock, 1);
  return NULL;
}

/* Advancing from another thread wakes a main loop asleep in poll (). */
static void
test_manual_timeout_wakes (void)
{
  g_autoptr(RaClock) clock = ra_clock_new_manual (0);
  g_autoptr(GSource) source = ra_clock_timeout_source_new (clock, 1000);
  GThread *thread;
  guint fired = 0;
  guint gave_up = 0;
  guint guard;

  g_source_set_callback (source, count_cb, &fired, NULL);
  g_source_attach (source, NULL);
  /* The only other source: it wakes the loop only if the clock did not. */
  guard = g_timeout_add_seconds (10, count_cb, &gave_up);
  thread = g_thread_new ("advance", advance_later_thread, clock);
  while (fired == 0 && gave_up == 0)
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);
  g_assert_cmpuint (gave_up, ==, 0);
  g_assert_cmpuint (fired, ==, 1);
  g_source_remove (guard);

  g_clear_pointer (&source, g_source_unref);
  g_assert_finalize_object (g_steal_pointer (&clock));
}

/* On the system clock it is a plain GLib timeout. */
static void
test_system_timeout (void)
{
  g_autoptr(RaClock) clock = ra_clock_new_system ();
  g_autoptr(GSource) source = ra_clock_timeout_source_new (clock, 10);
  guint fired = 0;

  g_source_set_callback (source, count_cb, &fired, NULL);
  g_source_attach (source, NULL);
  RA_TEST_WAIT_UNTIL_FOR (fired > 0, 10);
  g_assert_cmpuint (fired, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/system", test_system_clock_follows_glib);
  g_test_add_func ("/clock/manual", test_manual_clock_moves_only_when_told);
  g_test_add_func ("/clock/suspend", test_suspend_moves_only_the_wall_clock);
  g_test_add_func ("/clock/manual-timeout", test_manual_timeout);
  g_test_add_func ("/clock/manual-timeout-wakes", test_manual_timeout_wakes);
  g_test_add_func ("/clock/system-timeout", test_system_timeout);

  return g_test_run ();
}
