/* ra-client-private.h — hooks for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-client.h"
#include "ra-clock.h"

G_BEGIN_DECLS

/* Replaces the system clock that times the waits between retries and
 * each exchange's deadline, and reads Retry-After dates; the token
 * provider judges freshness by it too. */
void ra_client_set_clock (RaClient *self,
                          RaClock  *clock);

G_END_DECLS
