/* ra-clock.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-clock"

#include "config.h"

#include "ra-clock.h"

struct _RaClock
{
  GObject  parent_instance;

  gboolean manual;
  /* Manual clocks are read from any thread (the simulator's serving
   * thread asks the same clock as the test), so the mutex guards them. */
  GMutex   mutex;
  gint64   monotonic_usec;
  gint64   wall_usec;
};

G_DEFINE_FINAL_TYPE (RaClock, ra_clock, G_TYPE_OBJECT)

static void
ra_clock_finalize (GObject *object)
{
  RaClock *self = RA_CLOCK (object);

  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (ra_clock_parent_class)->finalize (object);
}

static void
ra_clock_class_init (RaClockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ra_clock_finalize;
}

static void
ra_clock_init (RaClock *self)
{
  g_mutex_init (&self->mutex);
}

RaClock *
ra_clock_new_system (void)
{
  return g_object_new (RA_TYPE_CLOCK, NULL);
}

RaClock *
ra_clock_new_manual (gint64 wall_usec)
{
  RaClock *self = g_object_new (RA_TYPE_CLOCK, NULL);

  self->manual = TRUE;
  self->wall_usec = wall_usec != 0 ? wall_usec : g_get_real_time ();
  self->monotonic_usec = 0;

  return self;
}

static gint64
read_locked (RaClock      *self,
             const gint64 *field)
{
  gint64 value;

  g_mutex_lock (&self->mutex);
  value = *field;
  g_mutex_unlock (&self->mutex);

  return value;
}

gint64
ra_clock_get_monotonic_usec (RaClock *self)
{
  g_return_val_if_fail (RA_IS_CLOCK (self), 0);

  if (!self->manual)
    return g_get_monotonic_time ();

  return read_locked (self, &self->monotonic_usec);
}

gint64
ra_clock_get_wall_usec (RaClock *self)
{
  g_return_val_if_fail (RA_IS_CLOCK (self), 0);

  if (!self->manual)
    return g_get_real_time ();

  return read_locked (self, &self->wall_usec);
}

void
ra_clock_advance (RaClock *self,
                  gint64   seconds)
{
  g_return_if_fail (RA_IS_CLOCK (self));
  g_return_if_fail (self->manual);
  g_return_if_fail (seconds >= 0);

  g_mutex_lock (&self->mutex);
  self->monotonic_usec += seconds * G_USEC_PER_SEC;
  self->wall_usec += seconds * G_USEC_PER_SEC;
  g_mutex_unlock (&self->mutex);
}

void
ra_clock_suspend (RaClock *self,
                  gint64   seconds)
{
  g_return_if_fail (RA_IS_CLOCK (self));
  g_return_if_fail (self->manual);
  g_return_if_fail (seconds >= 0);

  g_mutex_lock (&self->mutex);
  self->wall_usec += seconds * G_USEC_PER_SEC;
  g_mutex_unlock (&self->mutex);
}
