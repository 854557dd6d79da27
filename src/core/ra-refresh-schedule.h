/* ra-refresh-schedule.h — when a run's device results are asked for
 * again by themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ra-clock.h"

G_BEGIN_DECLS

/* The first wait, and the shortest wait there ever is between two
 * answers: Nexthink publishes no figure for the NQL execute API's rate,
 * only that it throttles with 429, so a view refreshes at most six times
 * a minute. */
#define RA_REFRESH_MIN_SECONDS 10
/* The waits double up to this. */
#define RA_REFRESH_MAX_SECONDS 300

typedef enum
{
  /* Asked, or about to be: no refresh is timed. */
  RA_REFRESH_STATE_IDLE,
  /* The next refresh is timed: ::due comes then. */
  RA_REFRESH_STATE_WAITING,
  /* Stopped: every device reached a final state. */
  RA_REFRESH_STATE_SETTLED,
  /* Stopped: the run expired, nothing changes any more. */
  RA_REFRESH_STATE_EXPIRED,
  /* Stopped by its owner (an answer that no wait will mend). */
  RA_REFRESH_STATE_STOPPED,
} RaRefreshState;

#define RA_TYPE_REFRESH_SCHEDULE (ra_refresh_schedule_get_type ())
G_DECLARE_FINAL_TYPE (RaRefreshSchedule, ra_refresh_schedule, RA, REFRESH_SCHEDULE, GObject)

/* Starts IDLE: its owner asks for the first answer, then tells the
 * schedule how it went. ::due (no arguments) says that it is time to ask
 * again; ::changed that the state or the next time changed. clock NULL:
 * the system's. */
RaRefreshSchedule *ra_refresh_schedule_new              (RaClock           *clock);
RaClock           *ra_refresh_schedule_get_clock        (RaRefreshSchedule *self);
/* When the run expires, in µs since the Unix epoch; 0: not known (the
 * schedule then stops only when the run settles). */
void               ra_refresh_schedule_set_expiry       (RaRefreshSchedule *self,
                                                         gint64             expires_wall_usec);
gint64             ra_refresh_schedule_get_expiry       (RaRefreshSchedule *self);
/* Whether the clock has passed the expiry. */
gboolean           ra_refresh_schedule_is_expired       (RaRefreshSchedule *self);

/* An answer came. settled: every device reached a final state. Stops
 * when settled or expired; otherwise times the next refresh, each wait
 * twice the one before, up to RA_REFRESH_MAX_SECONDS, and not much past
 * the expiry, so that the states after it are read once. */
void               ra_refresh_schedule_answered         (RaRefreshSchedule *self,
                                                         gboolean           settled);
/* No answer came. retry_after_seconds: what a 429 asked for (0 when it
 * was another failure); the next refresh comes no sooner, and otherwise
 * backs off as after an answer. */
void               ra_refresh_schedule_failed           (RaRefreshSchedule *self,
                                                         guint              retry_after_seconds);
/* A refresh is under way (asked for by hand, or after ::due): nothing is
 * timed until the next answered() or failed(). */
void               ra_refresh_schedule_hold             (RaRefreshSchedule *self);
/* Stops for good (STOPPED), unless already settled or expired. */
void               ra_refresh_schedule_stop             (RaRefreshSchedule *self);

RaRefreshState     ra_refresh_schedule_get_state        (RaRefreshSchedule *self);
/* The wait the next refresh was timed with, in seconds; 0 unless WAITING. */
guint              ra_refresh_schedule_get_wait_seconds (RaRefreshSchedule *self);
/* Seconds until ::due, rounded up; -1 unless WAITING. */
gint64             ra_refresh_schedule_get_seconds_left (RaRefreshSchedule *self);

G_END_DECLS
