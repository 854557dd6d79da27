/* ra-device-resolver-private.h — hooks for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-clock.h"
#include "ra-device-resolver.h"

G_BEGIN_DECLS

/* How long no lookup starts after the client gave up on a 429, the
 * first time; each time after, twice as long; longer when the server's
 * Retry-After asks for more. */
#define RA_DEVICE_RESOLVER_PAUSE_SECONDS 30

/* Replaces the system clock that times the pauses after a 429. */
void  ra_device_resolver_set_clock       (RaDeviceResolver *self,
                                          RaClock          *clock);
/* The most lookups the last resolution had in flight at once. */
guint ra_device_resolver_get_max_in_flight (RaDeviceResolver *self);

G_END_DECLS
