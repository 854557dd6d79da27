/* ra-device-words.h — what the devices editor says about a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-device-ids.h"

G_BEGIN_DECLS

/* "3 valid devices · 1 duplicate will be sent once", or "No devices yet":
 * n_devices, the IDs of ids and those its names were resolved to. */
char *ra_device_words_summary       (RaDeviceIds *ids,
                                     guint        n_devices);
/* Why the devices cannot be used as they are ("Add at least one
 * device"), or NULL when they can; n_devices as above. */
char *ra_device_words_problem       (RaDeviceIds *ids,
                                     guint        n_devices);
/* "Line 4: “abc” is not a collector ID" for up to max_listed invalid
 * entries, then "and 3 more invalid entries" when there are more. */
GStrv ra_device_words_invalid_lines (RaDeviceIds *ids,
                                     guint        max_listed);

G_END_DECLS
