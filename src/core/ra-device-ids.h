/* ra-device-ids.h — collector IDs from pasted text, CSV or a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_DEVICE_IDS (ra_device_ids_get_type ())
G_DECLARE_FINAL_TYPE (RaDeviceIds, ra_device_ids, RA, DEVICE_IDS, GObject)

/* Accepts one ID per line, or IDs separated by commas, semicolons, tabs or
 * spaces; CSV with a header row and quoted cells (the column holding IDs is
 * found by its header, e.g. "device.collector.id", or by its content).
 * IDs are UUIDs, case-insensitive, returned lower-case, in first-seen order,
 * without duplicates. */
RaDeviceIds        *ra_device_ids_parse                (const char   *text);
/* NULL-terminated, lower-case. */
const char * const *ra_device_ids_get_ids              (RaDeviceIds  *self);
guint               ra_device_ids_get_n_ids            (RaDeviceIds  *self);
guint               ra_device_ids_get_n_duplicates     (RaDeviceIds  *self);
guint               ra_device_ids_get_n_invalid        (RaDeviceIds  *self);
/* The i-th invalid entry as written, and its 1-based line number. */
const char         *ra_device_ids_get_invalid_entry    (RaDeviceIds  *self,
                                                        guint         i,
                                                        guint        *line);

G_END_DECLS
