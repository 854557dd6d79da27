/* fuzz-nql-csv.c — an NQL export's results file
 *
 * Any bytes, read as a results file: either a result whose every column
 * name and value is valid UTF-8, with no more columns than the limit and
 * no more rows than the input has bytes, or RA_ERROR_MALFORMED_RESPONSE
 * with a readable message.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-nql-csv"

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ra-error.h"
#include "ra-nql-result-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaNqlResult) result = NULL;
  const char * const *columns;
  guint n_columns;

  result = _ra_nql_result_new_from_csv ("#fuzz", (const char *) data, size, FALSE, &error);
  if (result == NULL)
    {
      g_assert_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (strlen (error->message), >, 0);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_true (ra_nql_result_get_exported (result));
  g_assert_false (ra_nql_result_get_may_be_incomplete (result));

  columns = ra_nql_result_get_columns (result);
  n_columns = g_strv_length ((char **) columns);
  g_assert_cmpuint (n_columns, <=, RA_NQL_CSV_MAX_COLUMNS);
  g_assert_cmpuint (ra_nql_result_get_n_rows (result), <=, size);
  for (guint c = 0; c < n_columns; c++)
    g_assert_true (g_utf8_validate (columns[c], -1, NULL));

  for (guint r = 0; r < ra_nql_result_get_n_rows (result); r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const char *value = ra_nql_result_get_value (result, r, columns[c]);

        if (value != NULL)
          g_assert_true (g_utf8_validate (value, -1, NULL));
      }

  return 0;
}
