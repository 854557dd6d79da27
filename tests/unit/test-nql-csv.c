/* test-nql-csv.c — an NQL export's results file, read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-nql-csv"

#include "config.h"

#include <string.h>

#include "ra-error.h"
#include "ra-nql-result-private.h"

static RaNqlResult *
read_csv (const char *text)
{
  g_autoptr(GError) error = NULL;
  RaNqlResult *result;

  result = _ra_nql_result_new_from_csv ("#q", text, strlen (text), FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (ra_nql_result_get_exported (result));
  g_assert_cmpstr (ra_nql_result_get_query_id (result), ==, "#q");

  return result;
}

static void
assert_columns (RaNqlResult *result,
                const char  *expected)
{
  g_autofree char *joined = g_strjoinv ("|", (char **) ra_nql_result_get_columns (result));

  g_assert_cmpstr (joined, ==, expected);
}

static void
test_rfc4180 (void)
{
  /* A byte order mark, quoted names, a doubled quote, a comma and line
   * breaks (CRLF and LF) inside quotes, an empty value, CRLF line ends. */
  g_autoptr(RaNqlResult) result =
    read_csv ("\xEF\xBB\xBF\"device.name\",status,details\r\n"
              "PC-1,success,\"He said \"\"done\"\", twice\"\r\n"
              "PC-2,failure,\"line one\r\nline two\nline three\"\r\n"
              "PC-3,,\r\n");

  assert_columns (result, "device.name|status|details");
  g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, 3);
  g_assert_cmpstr (ra_nql_result_get_value (result, 0, "device.name"), ==, "PC-1");
  g_assert_cmpstr (ra_nql_result_get_value (result, 0, "details"), ==, "He said \"done\", twice");
  g_assert_cmpstr (ra_nql_result_get_value (result, 1, "details"), ==,
                   "line one\r\nline two\nline three");
  g_assert_cmpstr (ra_nql_result_get_value (result, 2, "status"), ==, "");
  g_assert_cmpstr (ra_nql_result_get_value (result, 2, "details"), ==, "");
  g_assert_false (ra_nql_result_get_may_be_incomplete (result));
}

static void
test_line_ends (void)
{
  /* LF, a lone CR, no line end at the very end. */
  g_autoptr(RaNqlResult) result = read_csv ("a,b\nx,1\ry,2\r\nz,3");

  g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, 3);
  g_assert_cmpstr (ra_nql_result_get_value (result, 1, "a"), ==, "y");
  g_assert_cmpstr (ra_nql_result_get_value (result, 2, "b"), ==, "3");
}

static void
test_lenient (void)
{
  /* Blank lines are skipped, a short row lacks its last cells, a long
   * one loses its extra fields, a quote inside an unquoted value and text
   * after a closing quote are kept, invalid UTF-8 is replaced. */
  g_autoptr(RaNqlResult) result =
    read_csv ("\r\n\r\na,b,c\r\n"
              "1\r\n"
              "\r\n"
              "1,2,3,4,5\r\n"
              "say \"hi\",\"x\"y,\xFF\xFE\r\n");

  assert_columns (result, "a|b|c");
  g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, 3);
  g_assert_cmpstr (ra_nql_result_get_value (result, 0, "a"), ==, "1");
  g_assert_null (ra_nql_result_get_value (result, 0, "b"));
  g_assert_cmpstr (ra_nql_result_get_value (result, 1, "c"), ==, "3");
  g_assert_cmpstr (ra_nql_result_get_value (result, 2, "a"), ==, "say \"hi\"");
  g_assert_cmpstr (ra_nql_result_get_value (result, 2, "b"), ==, "xy");
  g_assert_true (g_utf8_validate (ra_nql_result_get_value (result, 2, "c"), -1, NULL));
}

static void
test_single_column (void)
{
  /* With one column, an empty line is a row whose value is empty. */
  g_autoptr(RaNqlResult) result = read_csv ("device.collector.uid\r\nabc\r\n\r\ndef\r\n");

  g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, 3);
  g_assert_cmpstr (ra_nql_result_get_value (result, 1, "device.collector.uid"), ==, "");
}

static void
test_empty (void)
{
  g_autoptr(RaNqlResult) nothing = read_csv ("");
  g_autoptr(RaNqlResult) header = read_csv ("a,b\r\n");

  g_assert_cmpuint (ra_nql_result_get_n_rows (nothing), ==, 0);
  g_assert_null (ra_nql_result_get_columns (nothing)[0]);
  g_assert_cmpuint (ra_nql_result_get_n_rows (header), ==, 0);
  assert_columns (header, "a|b");
}

static void
test_cut_off (void)
{
  g_autoptr(GError) error = NULL;
  const char *text = "a,b\r\n1,\"never\r\nends";
  RaNqlResult *result = _ra_nql_result_new_from_csv ("#q", text, strlen (text), FALSE, &error);

  g_assert_null (result);
  g_assert_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE);
  /* Says where the value began. */
  g_assert_nonnull (strstr (error->message, "2"));
}

static void
test_too_many_columns (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  RaNqlResult *result;

  for (guint i = 0; i <= RA_NQL_CSV_MAX_COLUMNS; i++)
    g_string_append_printf (text, "%sc%u", i > 0 ? "," : "", i);

  result = _ra_nql_result_new_from_csv ("#q", text->str, text->len, FALSE, &error);
  g_assert_null (result);
  g_assert_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE);
}

static void
test_long_row (void)
{
  /* A million commas on a row cost their bytes, not a million cells. */
  g_autoptr(GString) text = g_string_new ("a,b\r\n1,2");
  g_autoptr(RaNqlResult) result = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (text, ',');
  g_string_append (text, "\r\n3,4\r\n");

  result = read_csv (text->str);
  g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, 2);
  g_assert_cmpstr (ra_nql_result_get_value (result, 1, "b"), ==, "4");
}

static void
test_completeness (void)
{
  g_autoptr(GString) text = g_string_new ("device.collector.uid\r\n");
  g_autoptr(RaNqlResult) whole = NULL;
  g_autoptr(RaNqlResult) cut = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "device-%u\r\n", i);

  /* Past execute's limit, an export's rows are all there is… */
  whole = read_csv (text->str);
  g_assert_cmpuint (ra_nql_result_get_n_rows (whole), ==, 5000);
  g_assert_cmpuint (ra_nql_result_get_n_rows (whole), >, RA_NQL_EXECUTE_MAX_ROWS);
  g_assert_false (ra_nql_result_get_may_be_incomplete (whole));
  g_assert_cmpstr (ra_nql_result_get_value (whole, 4999, "device.collector.uid"), ==, "device-4999");

  /* …unless the server said it cut them. */
  cut = _ra_nql_result_new_from_csv ("#q", text->str, text->len, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (ra_nql_result_get_may_be_incomplete (cut));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nql-csv/rfc4180", test_rfc4180);
  g_test_add_func ("/nql-csv/line-ends", test_line_ends);
  g_test_add_func ("/nql-csv/lenient", test_lenient);
  g_test_add_func ("/nql-csv/single-column", test_single_column);
  g_test_add_func ("/nql-csv/empty", test_empty);
  g_test_add_func ("/nql-csv/cut-off", test_cut_off);
  g_test_add_func ("/nql-csv/too-many-columns", test_too_many_columns);
  g_test_add_func ("/nql-csv/long-row", test_long_row);
  g_test_add_func ("/nql-csv/completeness", test_completeness);

  return g_test_run ();
}
