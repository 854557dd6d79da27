/* ra-refresh-schedule.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-refresh-schedule"

#include "config.h"

#include "ra-refresh-schedule.h"

/* What the results say after the expiry takes the server a moment to
 * know: the refresh after it comes this much later. */
#define EXPIRY_GRACE_SECONDS 5

struct _RaRefreshSchedule
{
  GObject         parent_instance;

  RaClock        *clock;
  gint64          expires_wall_usec;
  RaRefreshState  state;
  guint           n_waits;          /* waits timed so far: the back-off's step */
  guint           wait_seconds;
  gint64          due_usec;         /* monotonic */
  GSource        *timeout;
};

enum {
  SIGNAL_DUE,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RaRefreshSchedule, ra_refresh_schedule, G_TYPE_OBJECT)

static void
clear_timeout (RaRefreshSchedule *self)
{
  if (self->timeout != NULL)
    {
      g_source_destroy (self->timeout);
      g_clear_pointer (&self->timeout, g_source_unref);
    }
}

static void
set_state (RaRefreshSchedule *self,
           RaRefreshState     state)
{
  if (state != RA_REFRESH_STATE_WAITING)
    {
      clear_timeout (self);
      self->wait_seconds = 0;
    }
  self->state = state;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static gboolean
timeout_cb (gpointer user_data)
{
  RaRefreshSchedule *self = user_data;

  g_clear_pointer (&self->timeout, g_source_unref);
  g_object_ref (self);
  set_state (self, RA_REFRESH_STATE_IDLE);
  g_signal_emit (self, signals[SIGNAL_DUE], 0);
  g_object_unref (self);

  return G_SOURCE_REMOVE;
}

static guint
backoff_seconds (guint n_waits)
{
  guint seconds = RA_REFRESH_MIN_SECONDS;

  for (guint i = 0; i < n_waits && seconds < RA_REFRESH_MAX_SECONDS; i++)
    seconds *= 2;

  return MIN (seconds, RA_REFRESH_MAX_SECONDS);
}

static gboolean
is_final (RaRefreshSchedule *self)
{
  return self->state == RA_REFRESH_STATE_SETTLED ||
         self->state == RA_REFRESH_STATE_EXPIRED ||
         self->state == RA_REFRESH_STATE_STOPPED;
}

static void
wait (RaRefreshSchedule *self,
      guint              retry_after_seconds)
{
  guint seconds = backoff_seconds (self->n_waits++);

  /* Once more after the expiry, to read the states it leaves, but not a
   * back-off's worth later. */
  if (self->expires_wall_usec > 0)
    {
      gint64 until = self->expires_wall_usec - ra_clock_get_wall_usec (self->clock);
      gint64 left = until / G_USEC_PER_SEC + EXPIRY_GRACE_SECONDS;

      if (left < seconds)
        seconds = MAX (left, RA_REFRESH_MIN_SECONDS);
    }
  /* The server said when: never sooner. */
  seconds = MAX (seconds, retry_after_seconds);

  clear_timeout (self);
  self->wait_seconds = seconds;
  self->due_usec = ra_clock_get_monotonic_usec (self->clock) + (gint64) seconds * G_USEC_PER_SEC;
  self->timeout = ra_clock_timeout_source_new (self->clock, seconds * 1000);
  g_source_set_callback (self->timeout, timeout_cb, self, NULL);
  g_source_set_name (self->timeout, "[ra] device results refresh");
  g_source_attach (self->timeout, NULL);
  set_state (self, RA_REFRESH_STATE_WAITING);
}

static void
ra_refresh_schedule_dispose (GObject *object)
{
  RaRefreshSchedule *self = RA_REFRESH_SCHEDULE (object);

  clear_timeout (self);

  G_OBJECT_CLASS (ra_refresh_schedule_parent_class)->dispose (object);
}

static void
ra_refresh_schedule_finalize (GObject *object)
{
  RaRefreshSchedule *self = RA_REFRESH_SCHEDULE (object);

  g_clear_object (&self->clock);

  G_OBJECT_CLASS (ra_refresh_schedule_parent_class)->finalize (object);
}

static void
ra_refresh_schedule_class_init (RaRefreshScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ra_refresh_schedule_dispose;
  object_class->finalize = ra_refresh_schedule_finalize;

  signals[SIGNAL_DUE] = g_signal_new ("due", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ra_refresh_schedule_init (RaRefreshSchedule *self)
{
  self->state = RA_REFRESH_STATE_IDLE;
}

RaRefreshSchedule *
ra_refresh_schedule_new (RaClock *clock)
{
  RaRefreshSchedule *self;

  g_return_val_if_fail (clock == NULL || RA_IS_CLOCK (clock), NULL);

  self = g_object_new (RA_TYPE_REFRESH_SCHEDULE, NULL);
  self->clock = clock != NULL ? g_object_ref (clock) : ra_clock_new_system ();

  return self;
}

RaClock *
ra_refresh_schedule_get_clock (RaRefreshSchedule *self)
{
  g_return_val_if_fail (RA_IS_REFRESH_SCHEDULE (self), NULL);

  return self->clock;
}

void
ra_refresh_schedule_set_expiry (RaRefreshSchedule *self,
                                gint64             expires_wall_usec)
{
  g_return_if_fail (RA_IS_REFRESH_SCHEDULE (self));

  self->expires_wall_usec = MAX (expires_wall_usec, 0);
}

gint64
ra_refresh_schedule_get_expiry (RaRefreshSchedule *self)
{
  g_return_val_if_fail (RA_IS_REFRESH_SCHEDULE (self), 0);

  return self->expires_wall_usec;
}

gboolean
ra_refresh_schedule_is_expired (RaRefreshSchedule *self)
{
  g_return_val_if_fail (RA_IS_REFRESH_SCHEDULE (self), FALSE);

  return self->expires_wall_usec > 0 &&
         ra_clock_get_wall_usec (self->clock) >= self->expires_wall_usec;
}

void
ra_refresh_schedule_answered (RaRefreshSchedule *self,
                              gboolean           settled)
{
  g_return_if_fail (RA_IS_REFRESH_SCHEDULE (self));

  if (self->state == RA_REFRESH_STATE_STOPPED)
    return;

  /* A later answer may still say otherwise: a manual refresh after the
   * run settled reads again, and what it reads decides. Past the expiry
   * nothing changes any more, whatever the devices said. */
  if (ra_refresh_schedule_is_expired (self))
    set_state (self, RA_REFRESH_STATE_EXPIRED);
  else if (settled)
    set_state (self, RA_REFRESH_STATE_SETTLED);
  else
    wait (self, 0);
}

void
ra_refresh_schedule_failed (RaRefreshSchedule *self,
                            guint              retry_after_seconds)
{
  g_return_if_fail (RA_IS_REFRESH_SCHEDULE (self));

  if (is_final (self))
    return;

  wait (self, retry_after_seconds);
}

void
ra_refresh_schedule_hold (RaRefreshSchedule *self)
{
  g_return_if_fail (RA_IS_REFRESH_SCHEDULE (self));

  if (self->state == RA_REFRESH_STATE_WAITING)
    set_state (self, RA_REFRESH_STATE_IDLE);
}

void
ra_refresh_schedule_stop (RaRefreshSchedule *self)
{
  g_return_if_fail (RA_IS_REFRESH_SCHEDULE (self));

  if (!is_final (self))
    set_state (self, RA_REFRESH_STATE_STOPPED);
}

RaRefreshState
ra_refresh_schedule_get_state (RaRefreshSchedule *self)
{
  g_return_val_if_fail (RA_IS_REFRESH_SCHEDULE (self), RA_REFRESH_STATE_STOPPED);

  return self->state;
}

guint
ra_refresh_schedule_get_wait_seconds (RaRefreshSchedule *self)
{
  g_return_val_if_fail (RA_IS_REFRESH_SCHEDULE (self), 0);

  return self->wait_seconds;
}

gint64
ra_refresh_schedule_get_seconds_left (RaRefreshSchedule *self)
{
  gint64 left;

  g_return_val_if_fail (RA_IS_REFRESH_SCHEDULE (self), -1);

  if (self->state != RA_REFRESH_STATE_WAITING)
    return -1;

  left = self->due_usec - ra_clock_get_monotonic_usec (self->clock);

  return MAX ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC, 0);
}
