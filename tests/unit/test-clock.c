/* test-clock.c — the clock core code and the simulator read the time from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ra-clock.h"

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

  g_usleep (2000);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/system", test_system_clock_follows_glib);
  g_test_add_func ("/clock/manual", test_manual_clock_moves_only_when_told);
  g_test_add_func ("/clock/suspend", test_suspend_moves_only_the_wall_clock);

  return g_test_run ();
}
