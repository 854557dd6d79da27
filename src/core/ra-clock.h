/* ra-clock.h — where core code reads the time
 *
 * Everything in core that judges time (token freshness, retry waits,
 * run expiry) asks an RaClock, so tests can move time forward, or let the
 * wall clock run on while the monotonic clock stands still as it does
 * across a suspend, without sleeping.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RA_TYPE_CLOCK (ra_clock_get_type ())
G_DECLARE_FINAL_TYPE (RaClock, ra_clock, RA, CLOCK, GObject)

/* The system's clocks; a new reference each call. */
RaClock *ra_clock_new_system        (void);
/* A clock that moves only when told to, starting at wall_usec (µs since
 * the Unix epoch; 0 → now) and a monotonic reading of 0. */
RaClock *ra_clock_new_manual        (gint64   wall_usec);

/* Like g_get_monotonic_time (): stands still while the machine sleeps. */
gint64   ra_clock_get_monotonic_usec (RaClock *self);
/* Like g_get_real_time (): µs since the Unix epoch. */
gint64   ra_clock_get_wall_usec      (RaClock *self);
/* The wall clock's time in the local time zone, to the second. */
GDateTime *ra_clock_dup_now_local   (RaClock *self);

/* A source that dispatches once ms have passed on this clock's monotonic
 * time, as g_timeout_source_new () does: on the system clock it is one;
 * on a manual clock it fires only when ra_clock_advance () has moved the
 * clock far enough, so that waits (a Retry-After) take no real time. */
GSource *ra_clock_timeout_source_new (RaClock *self,
                                      guint    ms);

/* The same, but it also fires, early, when cancellable is cancelled, so
 * that nobody waits for nothing: its callback checks which it was. */
GSource *ra_clock_wait_source_new    (RaClock      *self,
                                      guint         ms,
                                      GCancellable *cancellable);

/* Manual clocks only: the monotonic time at which the earliest timeout
 * source of this clock that is still attached comes due, or -1 if none
 * is, so a test can tell that a wait has started, and how long it is. */
gint64   ra_clock_get_next_due_usec  (RaClock *self);

/* Manual clocks only. Both clocks move forward by seconds. */
void     ra_clock_advance            (RaClock *self,
                                      gint64   seconds);
/* Only the wall clock moves: what a machine sees after sleeping. */
void     ra_clock_suspend            (RaClock *self,
                                      gint64   seconds);

G_END_DECLS
