/* ra-nql-result.h — what POST /api/v2/nql/execute answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "ra-types.h"

G_BEGIN_DECLS

/* NQL execute answers at most this many rows; larger results need the
 * export API (RaNqlFetch). */
#define RA_NQL_EXECUTE_MAX_ROWS 1000

#define RA_TYPE_NQL_RESULT (ra_nql_result_get_type ())
G_DECLARE_FINAL_TYPE (RaNqlResult, ra_nql_result, RA, NQL_RESULT, GObject)

RaNqlResult        *ra_nql_result_new_from_json         (JsonNode     *node,
                                                         GError      **error);
const char         *ra_nql_result_get_query_id          (RaNqlResult  *self);
const char         *ra_nql_result_get_executed_query    (RaNqlResult  *self);
const char         *ra_nql_result_get_execution_date_time (RaNqlResult *self);
/* Column names in first-seen order over all rows. NULL-terminated. */
const char * const *ra_nql_result_get_columns           (RaNqlResult  *self);
guint               ra_nql_result_get_n_rows            (RaNqlResult  *self);
/* TRUE when the server may have left rows out: it answered as many as
 * the execute API's limit, or said it has more than it sent; for an
 * export, when its status said the results were cut (HTTP 206). */
gboolean            ra_nql_result_get_may_be_incomplete (RaNqlResult  *self);
/* TRUE when the rows come from an export's results file, not from an
 * execute answer. */
gboolean            ra_nql_result_get_exported          (RaNqlResult  *self);
/* A cell as display text (numbers, booleans and null rendered; nested
 * values as compact JSON); NULL when the row has no such column. */
const char         *ra_nql_result_get_value             (RaNqlResult  *self,
                                                         guint         row,
                                                         const char   *column);
/* A cell that holds a date and time ("2026-12-02T15:30:05", with or
 * without a fraction and an offset), in UTC; NULL for any other cell.
 * Times without an offset are UTC: the client asks for UTC times. */
GDateTime          *ra_nql_result_dup_time              (RaNqlResult  *self,
                                                         guint         row,
                                                         const char   *column);
/* The same for any text. */
GDateTime          *ra_nql_parse_time                   (const char   *text);

G_END_DECLS
