/* bench-probe.h — the longest stall of the main loop, and how long the
 * main thread itself ran in it
 *
 * A timeout every few milliseconds notes the longest gap between two of
 * its runs. Beside it, the main thread's own processor time in that gap:
 * on a busy machine the rest of the gap is time the thread waited for a
 * processor, not work it did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <time.h>

static gint64 probe_last;
static gint64 probe_max_gap;
static gint64 probe_last_cpu;
/* How long the main thread ran during the longest gap. */
static gint64 probe_max_gap_cpu;

/* Microseconds of processor time the calling thread has used. */
static inline gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static inline gboolean
probe_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  if (now - probe_last > probe_max_gap)
    {
      probe_max_gap = now - probe_last;
      probe_max_gap_cpu = cpu - probe_last_cpu;
    }
  probe_last = now;
  probe_last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static inline void
probe_reset (void)
{
  probe_last = g_get_monotonic_time ();
  probe_last_cpu = thread_cpu_time ();
  probe_max_gap = 0;
  probe_max_gap_cpu = 0;
}
