/* ra-device-result-item.h — one device's line in the device results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-execution-status.h"

G_BEGIN_DECLS

#define RA_TYPE_DEVICE_RESULT_ITEM (ra_device_result_item_get_type ())
G_DECLARE_FINAL_TYPE (RaDeviceResultItem, ra_device_result_item, RA, DEVICE_RESULT_ITEM, GObject)

/* What the results window shows of one row of the query's answer, ready
 * to be drawn: the device, the other columns that tell devices apart
 * ("Time: 2 Dec 2026, 10:30:05", a line each; may be NULL), and the
 * status in words (NULL when the answer has no status column). */
RaDeviceResultItem *ra_device_result_item_new         (const char        *device,
                                                       const char        *details,
                                                       const char        *status_text,
                                                       RaExecutionStatus  status);

const char         *ra_device_result_item_get_device      (RaDeviceResultItem *self);
const char         *ra_device_result_item_get_details     (RaDeviceResultItem *self);
const char         *ra_device_result_item_get_status_text (RaDeviceResultItem *self);
RaExecutionStatus   ra_device_result_item_get_status      (RaDeviceResultItem *self);

G_END_DECLS
