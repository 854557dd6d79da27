/* ra-device-result-item.h — one device's line in the device results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-execution-status.h"

G_BEGIN_DECLS

/* What became of a device, as the results tell it apart. */
typedef enum
{
  RA_DEVICE_RESULT_KIND_SUCCEEDED,
  RA_DEVICE_RESULT_KIND_FAILED,
  /* In progress, or waiting for the device to come online. */
  RA_DEVICE_RESULT_KIND_PENDING,
  /* Never reported by the run's expiry, or not known to the instance. */
  RA_DEVICE_RESULT_KIND_NO_REPORT,
  /* A status none of the others is. */
  RA_DEVICE_RESULT_KIND_OTHER,
  RA_DEVICE_RESULT_KIND_N_VALUES,
} RaDeviceResultKind;

#define RA_TYPE_DEVICE_RESULT_ITEM (ra_device_result_item_get_type ())
G_DECLARE_FINAL_TYPE (RaDeviceResultItem, ra_device_result_item, RA, DEVICE_RESULT_ITEM, GObject)

/* What the results window shows of one device, ready to be drawn: the
 * device, the other columns that tell devices apart ("Time: 2 Dec 2026,
 * 10:30:05", a line each; may be NULL), the status in words (NULL when
 * the answer has no status column), and what it comes to. */
RaDeviceResultItem *ra_device_result_item_new         (const char        *device,
                                                       const char        *details,
                                                       const char        *status_text,
                                                       RaDeviceResultKind kind);

const char         *ra_device_result_item_get_device      (RaDeviceResultItem *self);
const char         *ra_device_result_item_get_details     (RaDeviceResultItem *self);
const char         *ra_device_result_item_get_status_text (RaDeviceResultItem *self);
RaDeviceResultKind  ra_device_result_item_get_kind        (RaDeviceResultItem *self);

G_END_DECLS
