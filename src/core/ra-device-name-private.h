/* ra-device-name-private.h — how the resolver fills in a device name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-device-name.h"

G_BEGIN_DECLS

/* Back to PENDING, without candidates or an error. */
void _ra_device_name_reset         (RaDeviceName *self);
/* uids and names: the n devices the lookup found, without repeats
 * (0: no match, 1: resolved, more: several). */
void _ra_device_name_set_matches   (RaDeviceName       *self,
                                    const char * const *uids,
                                    const char * const *names,
                                    guint               n);
void _ra_device_name_set_error     (RaDeviceName *self,
                                    const char   *message);

G_END_DECLS
