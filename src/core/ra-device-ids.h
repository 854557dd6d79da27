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
 * without duplicates.
 *
 * Details: a UTF-8 byte-order mark is skipped; lines end in LF, CRLF or CR;
 * blank lines and blank cells are ignored; quoted cells do not span lines.
 * A first line without any UUID is a header when it names an ID column or
 * when exactly one column below it holds UUIDs; otherwise it is data and
 * reported like any other entry. With a header, other columns are ignored.
 * text may be NULL (no IDs). Never fails: anything that is not a UUID is an
 * invalid entry. */
RaDeviceIds        *ra_device_ids_parse                (const char   *text);
/* The contents of an imported file as text for ra_device_ids_parse():
 * UTF-8 (a byte-order mark is dropped), or UTF-16 with a byte-order mark,
 * as spreadsheet programs save "Unicode text". Anything else, including a
 * NUL byte, is RA_ERROR_INVALID_INPUT. */
char               *ra_device_ids_decode_file          (const char   *data,
                                                        gsize         length,
                                                        GError      **error);
/* NULL-terminated, lower-case. */
const char * const *ra_device_ids_get_ids              (RaDeviceIds  *self);
guint               ra_device_ids_get_n_ids            (RaDeviceIds  *self);
guint               ra_device_ids_get_n_duplicates     (RaDeviceIds  *self);
guint               ra_device_ids_get_n_invalid        (RaDeviceIds  *self);
/* The i-th invalid entry as written (made valid UTF-8, and cut with "…"
 * past 200 bytes), and its 1-based line number. */
const char         *ra_device_ids_get_invalid_entry    (RaDeviceIds  *self,
                                                        guint         i,
                                                        guint        *line);

G_END_DECLS
