/* ra-device-name.h — a device name and what looking it up found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_DEVICE_NAME (ra_device_name_get_type ())
G_DECLARE_FINAL_TYPE (RaDeviceName, ra_device_name, RA, DEVICE_NAME, GObject)

/* A name as typed, not looked up yet (RA_DEVICE_NAME_PENDING). */
RaDeviceName       *ra_device_name_new              (const char   *name);
const char         *ra_device_name_get_name         (RaDeviceName *self);
RaDeviceNameStatus  ra_device_name_get_status       (RaDeviceName *self);
/* The collector ID (lower-case) when RESOLVED, else NULL. */
const char         *ra_device_name_get_uid          (RaDeviceName *self);
/* Why the lookup failed when ERROR, else NULL: a sentence. */
const char         *ra_device_name_get_error        (RaDeviceName *self);
/* The devices the name matched, when it matched several: the user
 * picks one of them. 0 otherwise. */
guint               ra_device_name_get_n_candidates (RaDeviceName *self);
/* The i-th candidate's collector ID; its name as the instance writes
 * it in *name, if not NULL. */
const char         *ra_device_name_get_candidate    (RaDeviceName *self,
                                                     guint         i,
                                                     const char  **name);
/* Takes the candidate with this collector ID as the device the name
 * stands for: RESOLVED, and the candidates stay so that another can be
 * picked. FALSE, and nothing changes, when uid is not a candidate. */
gboolean            ra_device_name_pick             (RaDeviceName *self,
                                                     const char   *uid);
/* Whether the device was picked among several. */
gboolean            ra_device_name_get_picked       (RaDeviceName *self);

G_END_DECLS
