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
  GList   *timeouts;       /* of ClockTimeout, not owned */
};

/* A timeout on a manual clock's time. */
typedef struct
{
  GSource  source;
  RaClock *clock;
  gint64   interval_usec;
  gint64   due_usec;       /* under the clock's mutex */
} ClockTimeout;

G_DEFINE_FINAL_TYPE (RaClock, ra_clock, G_TYPE_OBJECT)

static void
ra_clock_finalize (GObject *object)
{
  RaClock *self = RA_CLOCK (object);

  /* Every timeout holds a reference to its clock. */
  g_assert (self->timeouts == NULL);
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

GDateTime *
ra_clock_dup_now_local (RaClock *self)
{
  g_return_val_if_fail (RA_IS_CLOCK (self), NULL);

  return g_date_time_new_from_unix_local (ra_clock_get_wall_usec (self) / G_USEC_PER_SEC);
}

static gboolean
clock_timeout_is_due (ClockTimeout *timeout)
{
  RaClock *clock = timeout->clock;
  gboolean due;

  g_mutex_lock (&clock->mutex);
  due = clock->monotonic_usec >= timeout->due_usec;
  g_mutex_unlock (&clock->mutex);

  return due;
}

static gboolean
clock_timeout_prepare (GSource *source,
                       int     *timeout_ms)
{
  /* Nothing but ra_clock_advance () moves the time, and it wakes us. */
  *timeout_ms = -1;
  return clock_timeout_is_due ((ClockTimeout *) source);
}

static gboolean
clock_timeout_check (GSource *source)
{
  return clock_timeout_is_due ((ClockTimeout *) source);
}

static gboolean
clock_timeout_dispatch (GSource     *source,
                        GSourceFunc  callback,
                        gpointer     user_data)
{
  ClockTimeout *timeout = (ClockTimeout *) source;
  RaClock *clock = timeout->clock;
  gboolean again;

  if (callback == NULL)
    return G_SOURCE_REMOVE;

  again = callback (user_data);
  if (again)
    {
      g_mutex_lock (&clock->mutex);
      timeout->due_usec = clock->monotonic_usec + timeout->interval_usec;
      g_mutex_unlock (&clock->mutex);
    }

  return again;
}

static void
clock_timeout_finalize (GSource *source)
{
  ClockTimeout *timeout = (ClockTimeout *) source;
  RaClock *clock = timeout->clock;

  g_mutex_lock (&clock->mutex);
  clock->timeouts = g_list_remove (clock->timeouts, timeout);
  g_mutex_unlock (&clock->mutex);
  g_object_unref (clock);
}

static GSourceFuncs clock_timeout_funcs = {
  clock_timeout_prepare,
  clock_timeout_check,
  clock_timeout_dispatch,
  clock_timeout_finalize,
  NULL,
  NULL,
};

GSource *
ra_clock_timeout_source_new (RaClock *self,
                             guint    ms)
{
  ClockTimeout *timeout;

  g_return_val_if_fail (RA_IS_CLOCK (self), NULL);

  if (!self->manual)
    return g_timeout_source_new (ms);

  timeout = (ClockTimeout *) g_source_new (&clock_timeout_funcs, sizeof (ClockTimeout));
  timeout->clock = g_object_ref (self);
  timeout->interval_usec = (gint64) ms * 1000;
  g_source_set_static_name ((GSource *) timeout, "[ra] clock timeout");

  g_mutex_lock (&self->mutex);
  timeout->due_usec = self->monotonic_usec + timeout->interval_usec;
  self->timeouts = g_list_prepend (self->timeouts, timeout);
  g_mutex_unlock (&self->mutex);

  return (GSource *) timeout;
}

static gboolean
cancelled_source_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  /* The parent timeout source dispatches too and sees the cancellation. */
  return G_SOURCE_CONTINUE;
}

GSource *
ra_clock_wait_source_new (RaClock      *self,
                          guint         ms,
                          GCancellable *cancellable)
{
  GSource *source;

  g_return_val_if_fail (RA_IS_CLOCK (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  source = ra_clock_timeout_source_new (self, ms);
  if (cancellable != NULL)
    {
      g_autoptr(GSource) cancel_source = g_cancellable_source_new (cancellable);

      g_source_set_callback (cancel_source, G_SOURCE_FUNC (cancelled_source_cb), NULL, NULL);
      g_source_add_child_source (source, cancel_source);
    }

  return source;
}

gint64
ra_clock_get_next_due_usec (RaClock *self)
{
  gint64 next = -1;

  g_return_val_if_fail (RA_IS_CLOCK (self), -1);
  g_return_val_if_fail (self->manual, -1);

  g_mutex_lock (&self->mutex);
  for (GList *l = self->timeouts; l != NULL; l = l->next)
    {
      ClockTimeout *timeout = l->data;
      GSource *source = l->data;

      if (g_source_is_destroyed (source) || g_source_get_context (source) == NULL)
        continue;
      if (next < 0 || timeout->due_usec < next)
        next = timeout->due_usec;
    }
  g_mutex_unlock (&self->mutex);

  return next;
}

void
ra_clock_advance (RaClock *self,
                  gint64   seconds)
{
  g_autoptr(GPtrArray) contexts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_main_context_unref);

  g_return_if_fail (RA_IS_CLOCK (self));
  g_return_if_fail (self->manual);
  g_return_if_fail (seconds >= 0);

  g_mutex_lock (&self->mutex);
  self->monotonic_usec += seconds * G_USEC_PER_SEC;
  self->wall_usec += seconds * G_USEC_PER_SEC;
  for (GList *l = self->timeouts; l != NULL; l = l->next)
    {
      GSource *source = l->data;
      GMainContext *context = g_source_is_destroyed (source) ? NULL : g_source_get_context (source);

      if (context != NULL)
        g_ptr_array_add (contexts, g_main_context_ref (context));
    }
  g_mutex_unlock (&self->mutex);

  /* A context that sleeps in poll () must look at its timeouts again. */
  for (guint i = 0; i < contexts->len; i++)
    g_main_context_wakeup (contexts->pdata[i]);
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
