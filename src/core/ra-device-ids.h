/* ra-device-ids.h — collector IDs from pasted text, CSV or a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_DEVICE_IDS (ra_device_ids_get_type ())
G_DECLARE_FINAL_TYPE (RaDeviceIds, ra_device_ids, RA, DEVICE_IDS, GObject)

/* How many invalid entries are kept to be shown; the rest are counted. */
#define RA_DEVICE_IDS_MAX_KEPT_INVALID 100

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
/* The same, for a worker thread: returns NULL as soon as it notices that
 * cancellable was cancelled. Time and memory grow with the length of
 * text, and no more than that. */
RaDeviceIds        *ra_device_ids_parse_full           (const char   *text,
                                                        GCancellable *cancellable);
/* The contents of an imported file as text for ra_device_ids_parse():
 * UTF-8 (a byte-order mark is dropped), or UTF-16 with a byte-order mark,
 * as spreadsheet programs save "Unicode text". Anything else, including a
 * NUL byte, is RA_ERROR_INVALID_INPUT. */
char               *ra_device_ids_decode_file          (const char   *data,
                                                        gsize         length,
                                                        GError      **error);
/* Reads file in a worker thread and decodes it with
 * ra_device_ids_decode_file (); of a table, only the ID column is kept
 * (ra_device_ids_extract_column ()). Only a regular file of at most max_bytes
 * is read: the size is checked before reading, and reading stops at the
 * limit should the file grow. Every failure is RA_ERROR_INVALID_INPUT
 * with a message naming the file, except cancellation. */
void                ra_device_ids_read_file_async      (GFile               *file,
                                                        gsize                max_bytes,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
/* The decoded text. */
char               *ra_device_ids_read_file_finish     (GAsyncResult        *result,
                                                        GError             **error);
/* The longest device name (Nexthink keeps 255 characters). */
#define RA_DEVICE_IDS_MAX_NAME_BYTES 255

/* The same, but an entry that is not a UUID and could be a device name
 * (text with a letter or digit, without control characters, up to
 * RA_DEVICE_IDS_MAX_NAME_BYTES) is a name, not an invalid entry: for a
 * list whose names are then looked up (RaDeviceResolver). */
RaDeviceIds        *ra_device_ids_parse_with_names     (const char   *text,
                                                        GCancellable *cancellable);
/* NULL-terminated, lower-case. */
const char * const *ra_device_ids_get_ids              (RaDeviceIds  *self);
/* The device names, when they were accepted: each as first written, once
 * whatever its case (a repeat counts as a duplicate), NULL-terminated. */
const char * const *ra_device_ids_get_names            (RaDeviceIds  *self);
guint               ra_device_ids_get_n_names          (RaDeviceIds  *self);
guint               ra_device_ids_get_n_ids            (RaDeviceIds  *self);
guint               ra_device_ids_get_n_duplicates     (RaDeviceIds  *self);
/* All invalid entries, also those past RA_DEVICE_IDS_MAX_KEPT_INVALID. */
guint               ra_device_ids_get_n_invalid        (RaDeviceIds  *self);
/* The i-th invalid entry as written (made valid UTF-8, and cut with "…"
 * past 200 bytes), and its 1-based line number; NULL (line 0) for i at or
 * past RA_DEVICE_IDS_MAX_KEPT_INVALID, as only the first are kept. */
const char         *ra_device_ids_get_invalid_entry    (RaDeviceIds  *self,
                                                        guint         i,
                                                        guint        *line);
/* Where the i-th invalid entry is written in its line: from start to end,
 * in bytes from the start of the line (quotes included, blanks around it
 * not). FALSE for i at or past RA_DEVICE_IDS_MAX_KEPT_INVALID. */
gboolean            ra_device_ids_get_invalid_span     (RaDeviceIds  *self,
                                                        guint         i,
                                                        guint        *start,
                                                        guint        *end);
/* text without its invalid entries, all of them, and nothing else
 * changed: an entry of a list goes with the separators that held it
 * apart from the next one, a row of a table with a wrong ID as a whole,
 * and a line left empty by that with its line end. */
char               *ra_device_ids_remove_invalid       (const char   *text);
/* The same; keep_names: device names are not invalid entries (see
 * ra_device_ids_parse_with_names ()). */
char               *ra_device_ids_remove_invalid_full  (const char   *text,
                                                        gboolean      keep_names);
/* When text is a table under a header (see ra_device_ids_parse()), its
 * ID column as a list, one cell a line (rows without the column as
 * written), so that it can join other devices; NULL when it is not a
 * table. */
char               *ra_device_ids_extract_column       (const char   *text);

G_END_DECLS
