/* ra-csv.h — writing tables as CSV files (RFC 4180, UTF-8)
 *
 * Rows end in CRLF; a field that holds a comma, a double quote, a CR or
 * an LF is put in double quotes, with its double quotes doubled. Text
 * that is not valid UTF-8 has its bad bytes replaced (U+FFFD), so the
 * file always is. No byte order mark is written: RFC 4180 has none, and
 * many programs that read CSV take it for part of the first field.
 *
 * Spreadsheets run a cell that starts with =, +, - or @ as a formula
 * ("CSV injection"), and text in these files comes from outside (device
 * IDs, input values, query answers). Such a text field, and one that
 * starts with a tab or a CR, gets a leading apostrophe, as OWASP
 * advises: a spreadsheet shows it as text, and a person reading the file
 * sees what was there. Numbers written with ra_csv_writer_add_uint ()
 * are left as they are, so that they stay numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RaCsvWriter RaCsvWriter;

RaCsvWriter *ra_csv_writer_new           (void);
void         ra_csv_writer_free          (RaCsvWriter        *self);

/* A text field (NULL: empty) at the end of the current row. */
void         ra_csv_writer_add_field     (RaCsvWriter        *self,
                                          const char         *text);
/* A number field, never guarded. */
void         ra_csv_writer_add_uint      (RaCsvWriter        *self,
                                          guint64             value);
/* Ends the current row (an empty row is a row with one empty field). */
void         ra_csv_writer_end_row       (RaCsvWriter        *self);
/* One row of text fields at once; fields is NULL-terminated. */
void         ra_csv_writer_add_row       (RaCsvWriter        *self,
                                          const char * const *fields);

/* The rows so far; a row not ended is ended first. Frees self. */
GBytes      *ra_csv_writer_free_to_bytes (RaCsvWriter        *self);

/* One field as it is written, for a text: quoted, guarded and made
 * valid UTF-8 as above. */
char        *ra_csv_escape_field         (const char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RaCsvWriter, ra_csv_writer_free)

G_END_DECLS
