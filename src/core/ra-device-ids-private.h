/* ra-device-ids-private.h — what the device-ID parser and its editing
 * functions share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-device-ids.h"

G_BEGIN_DECLS

/* A range of bytes to delete. */
typedef struct
{
  gsize start;
  gsize end;
} RaDeviceIdsCut;

/* What a parse collects besides the IDs, for ra_device_ids_remove_invalid()
 * and ra_device_ids_extract_column(). Offsets are in bytes from the start
 * of the text as given. */
typedef struct
{
  /* The ranges to delete so that no invalid entry is left, in order, not
   * overlapping (of RaDeviceIdsCut); NULL when not wanted. */
  GArray   *cuts;
  /* The cells of the ID column, one a line; NULL when not wanted. */
  GString  *column;
  /* Whether the text was read as a table under a header. */
  gboolean  is_table;
  /* For a one-column table: where the rows start (the column is them). */
  gssize    body;
} RaDeviceIdsEdit;

RaDeviceIds *_ra_device_ids_parse_edit        (const char      *text,
                                               GCancellable    *cancellable,
                                               gboolean         accept_names,
                                               RaDeviceIdsEdit *edit);
void         _ra_device_ids_edit_cut          (RaDeviceIdsEdit *edit,
                                               gsize            start,
                                               gsize            end);
/* An invalid entry of a list, from start to end in the line from line to
 * line_end; next_line is where the following line starts. */
void         _ra_device_ids_edit_cut_entry    (RaDeviceIdsEdit *edit,
                                               const char      *text,
                                               const char      *line,
                                               const char      *line_end,
                                               const char      *next_line,
                                               const char      *start,
                                               const char      *end);
void         _ra_device_ids_edit_add_cell     (RaDeviceIdsEdit *edit,
                                               const char      *cell,
                                               gsize            length);
/* body: where the rows of a one-column table start, or -1. */
void         _ra_device_ids_edit_set_table    (RaDeviceIdsEdit *edit,
                                               gssize           body);

G_END_DECLS
