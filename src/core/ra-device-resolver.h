/* ra-device-resolver.h — device names to collector IDs, through NQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-device-name.h"
#include "ra-types.h"

G_BEGIN_DECLS

/* The most names one resolution looks up: each is one NQL request.
 * Beyond it, a device export from Nexthink (CSV with collector IDs) is
 * the way, and the devices editor reads it. */
#define RA_DEVICE_RESOLVER_MAX_NAMES 500
/* Lookups in flight at once, by default and at most. */
#define RA_DEVICE_RESOLVER_DEFAULT_CONCURRENCY 4
#define RA_DEVICE_RESOLVER_MAX_CONCURRENCY 4
/* The columns the lookup query lists; the parameter it takes is
 * RA_NQL_LOOKUP_PARAMETER (ra-nql-queries.h). */
#define RA_DEVICE_RESOLVER_NAME_COLUMN "device.name"
#define RA_DEVICE_RESOLVER_UID_COLUMN  "device.collector.uid"

#define RA_TYPE_DEVICE_RESOLVER (ra_device_resolver_get_type ())
G_DECLARE_FINAL_TYPE (RaDeviceResolver, ra_device_resolver, RA, DEVICE_RESOLVER, GObject)

/* query_id: a device-lookup query defined in Nexthink, such as
 *   devices during past 7d
 *   | where device.name == $device_name
 *   | list device.name, device.collector.uid */
RaDeviceResolver *ra_device_resolver_new                (RaClient            *client,
                                                         const char          *query_id);
RaClient         *ra_device_resolver_get_client         (RaDeviceResolver    *self);
const char       *ra_device_resolver_get_query_id       (RaDeviceResolver    *self);
/* How many lookups may be in flight at once: 1 to
 * RA_DEVICE_RESOLVER_MAX_CONCURRENCY (default 4). Set it before
 * resolving. */
void              ra_device_resolver_set_concurrency    (RaDeviceResolver    *self,
                                                         guint                concurrency);
guint             ra_device_resolver_get_concurrency    (RaDeviceResolver    *self);

/* Looks up each of names (spaces around them dropped, empty ones and
 * repeats — regardless of case, as NQL compares — left out), at most
 * the concurrency at a time. One resolution at a time per resolver.
 *
 * More than RA_DEVICE_RESOLVER_MAX_NAMES distinct names: nothing is
 * looked up, RA_ERROR_INVALID_INPUT says what to do instead.
 *
 * Each name ends RESOLVED, NO_MATCH, SEVERAL or ERROR (a name with the
 * wildcards * or ?, which NQL would expand, or a lookup that failed:
 * the network, the server, a 429 that did not pass). A 429 is honoured
 * by the client (Retry-After); when the client gives up, no new lookup
 * starts for a while (at least what Retry-After asked), and the name is
 * tried again, twice at most.
 *
 * Fails as a whole (the names left as they are) when cancelled, and
 * when the query cannot work for any name: it does not exist (404), the
 * credentials may not run it (403, 401), or it lists no collector IDs. */
void              ra_device_resolver_resolve_async      (RaDeviceResolver    *self,
                                                         const char * const  *names,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean          ra_device_resolver_resolve_finish     (RaDeviceResolver    *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);
/* The names of the last resolution, as RaDeviceName, in the order given;
 * filled in as their lookups end. */
GListModel       *ra_device_resolver_get_names          (RaDeviceResolver    *self);
/* How many of them are no longer pending (notify::n-done). */
guint             ra_device_resolver_get_n_done         (RaDeviceResolver    *self);
/* Whether a resolution is under way (notify::busy). */
gboolean          ra_device_resolver_get_busy           (RaDeviceResolver    *self);

G_END_DECLS
