/* ra-nql-result-private.h — building results from other sources than
 * execute's JSON, and reading an export's results file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-nql-result.h"

G_BEGIN_DECLS

/* A result read from an export's results file: no row limit applies;
 * truncated when the server said it cut the results. */
RaNqlResult *_ra_nql_result_new_exported (const char   *query_id,
                                          gboolean      truncated);
/* The column's name as the result owns it, added if new; known maps the
 * names added so far to themselves. */
const char  *_ra_nql_result_add_column   (RaNqlResult  *self,
                                          GHashTable   *known,
                                          const char   *name);
/* cells: column name (as _add_column () returned it) → cell text, owned;
 * the result takes it. */
void         _ra_nql_result_add_row      (RaNqlResult  *self,
                                          GHashTable   *cells);

/* ra-nql-csv.c: an export's results file, CSV as RFC 4180 writes it (a
 * header line of column names; quoted fields with doubled quotes and line
 * breaks in them; CRLF, LF or CR line ends; a UTF-8 byte order mark),
 * read leniently: short rows lack the missing cells, extra fields are
 * dropped, invalid UTF-8 is replaced. Fails with
 * RA_ERROR_MALFORMED_RESPONSE on a file without a header, with a quoted
 * field that never ends (a cut file), or with more than
 * RA_NQL_CSV_MAX_COLUMNS columns. */
#define RA_NQL_CSV_MAX_COLUMNS 4096

RaNqlResult *_ra_nql_result_new_from_csv (const char   *query_id,
                                          const char   *data,
                                          gsize         size,
                                          gboolean      truncated,
                                          GError      **error);

G_END_DECLS
