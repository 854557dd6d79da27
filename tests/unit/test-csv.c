/* test-csv.c — the CSV writer: RFC 4180 quoting, CRLF, UTF-8 and the
 * guard against spreadsheet formulas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ra-csv.h"
#include "ra-device-results-csv.h"

static char *
bytes_to_text (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static void
test_plain_fields_and_crlf (void)
{
  g_autoptr(RaCsvWriter) writer = ra_csv_writer_new ();
  const char *header[] = { "time", "action", "devices", NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  ra_csv_writer_add_row (writer, header);
  ra_csv_writer_add_field (writer, "2026-12-02T16:30:05+01:00");
  ra_csv_writer_add_field (writer, NULL);
  ra_csv_writer_add_uint (writer, 3);
  ra_csv_writer_end_row (writer);

  bytes = ra_csv_writer_free_to_bytes (g_steal_pointer (&writer));
  text = bytes_to_text (bytes);
  g_assert_cmpstr (text, ==,
                   "time,action,devices\r\n"
                   "2026-12-02T16:30:05+01:00,,3\r\n");
}

static void
test_quoting (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "\"", "\"\"\"\"" },
    { "line\nbreak", "\"line\nbreak\"" },
    { "carriage\rreturn", "\"carriage\rreturn\"" },
    { "crlf\r\n", "\"crlf\r\n\"" },
    { "no quotes needed", "no quotes needed" },
    { "semi;colon", "semi;colon" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *field = ra_csv_escape_field (cases[i].in);

      g_assert_cmpstr (field, ==, cases[i].out);
    }
}

static void
test_formula_guard (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "=1+1", "'=1+1" },
    { "+49 30 1234", "'+49 30 1234" },
    { "-2", "'-2" },
    { "@SUM(A1:A2)", "'@SUM(A1:A2)" },
    { "\tx", "'\tx" },
    { "\rx", "\"'\rx\"" },
    /* Guarded and quoted: the apostrophe goes inside the quotes. */
    { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
    /* Only the first character counts. */
    { "a=b", "a=b" },
    { "x-1", "x-1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *field = ra_csv_escape_field (cases[i].in);

      g_assert_cmpstr (field, ==, cases[i].out);
    }
}

static void
test_numbers_are_not_guarded (void)
{
  g_autoptr(RaCsvWriter) writer = ra_csv_writer_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  ra_csv_writer_add_uint (writer, 0);
  ra_csv_writer_add_uint (writer, G_MAXUINT64);
  bytes = ra_csv_writer_free_to_bytes (g_steal_pointer (&writer));
  text = bytes_to_text (bytes);

  /* A row not ended is ended. */
  g_assert_cmpstr (text, ==, "0,18446744073709551615\r\n");
}

static void
test_utf8 (void)
{
  g_autoptr(RaCsvWriter) writer = ra_csv_writer_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *field = NULL;
  gsize size;
  const guint8 *data;

  ra_csv_writer_add_field (writer, "Gerät «Büro», 東京");
  ra_csv_writer_add_field (writer, "bad \xff byte");
  ra_csv_writer_end_row (writer);
  bytes = ra_csv_writer_free_to_bytes (g_steal_pointer (&writer));
  data = g_bytes_get_data (bytes, &size);

  /* No byte order mark, and valid UTF-8 throughout. */
  g_assert_cmpuint (size, >, 3);
  g_assert_false (data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf);
  g_assert_true (g_utf8_validate ((const char *) data, size, NULL));

  text = bytes_to_text (bytes);
  g_assert_cmpstr (text, ==, "\"Gerät «Büro», 東京\",bad \xef\xbf\xbd byte\r\n");

  field = ra_csv_escape_field ("\xc3");
  g_assert_true (g_utf8_validate (field, -1, NULL));
}

static void
test_empty (void)
{
  g_autoptr(GBytes) bytes = ra_csv_writer_free_to_bytes (ra_csv_writer_new ());

  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 0);
}

static RaNqlResult *
parse_result (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);
  RaNqlResult *result;

  g_assert_no_error (error);
  result = ra_nql_result_new_from_json (node, &error);
  g_assert_no_error (error);

  return result;
}

#define UID_A "6513270e-269e-4d37-b2a7-4de452e6b438"
#define UID_B "d23f0824-128b-4f33-8c5c-7fd0a6a3a450"
#define UID_C "9531985d-5d9d-49f8-9818-e811892f902b"
#define UID_D "36f675cc-81e7-4ef5-a8e2-5d940ed90475"
#define UID_E "6b0d549b-6f03-475a-9600-a35a099950d8"

static const char results_json[] =
  "{\"queryId\": \"#remote_action_executions\", \"rows\": 4, \"data\": ["
  " {\"remote_action.name\": \"Restart\", \"device.name\": \"LAPTOP-A\", \"device.collector.uid\": \"" UID_A "\","
  "  \"remote_action.execution.status\": \"success\","
  "  \"remote_action.execution.status_details\": \"\","
  "  \"remote_action.execution.time\": \"2026-12-02T15:30:05\","
  "  \"remote_action.execution.outputs.Status\": \"Running\","
  "  \"remote_action.execution.outputs.Uptime\": 86400000},"
  " {\"device.name\": \"=cmd|' /C calc'!A0\", \"device.collector.uid\": \"" UID_B "\","
  "  \"remote_action.execution.status\": \"failure\","
  "  \"remote_action.execution.status_details\": \"The script exited with code 1: Access is denied.\","
  "  \"remote_action.execution.time\": \"2026-12-02T15:30:07\"},"
  " {\"device.name\": \"LAPTOP-C\", \"device.collector.uid\": \"" UID_C "\","
  "  \"remote_action.execution.status\": \"in_progress\"},"
  " {\"device.name\": \"LAPTOP-D\", \"device.collector.uid\": \"" UID_D "\","
  "  \"remote_action.execution.status\": \"expired\"}"
  "]}";

static void
test_device_results (void)
{
  g_autoptr(RaNqlResult) result = parse_result (results_json);
  g_autoptr(GBytes) bytes = ra_device_results_to_csv (result);
  g_autofree char *text = bytes_to_text (bytes);

  g_assert_cmpstr (text, ==,
                   "device,uid,status,details,time,Status,Uptime\r\n"
                   "LAPTOP-A," UID_A ",success,,2026-12-02T15:30:05,Running,86400000\r\n"
                   "'=cmd|' /C calc'!A0," UID_B ",failure,"
                   "The script exited with code 1: Access is denied.,2026-12-02T15:30:07,,\r\n"
                   "LAPTOP-C," UID_C ",in_progress,,,,\r\n"
                   "LAPTOP-D," UID_D ",expired,,,,\r\n");
}

static void
test_failed_devices (void)
{
  g_autoptr(RaNqlResult) result = parse_result (results_json);
  /* As sent: E never reported; case does not matter. */
  const char *devices[] = { UID_A, UID_B, UID_C, "36F675CC-81E7-4EF5-A8E2-5D940ED90475", UID_E, NULL };
  g_auto(GStrv) failed = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pending = 0;

  g_assert_true (ra_device_results_find_failed (result, devices, FALSE, &failed, &n_pending, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (failed), ==, 3);
  g_assert_cmpstr (failed[0], ==, UID_B);
  g_assert_cmpstr (failed[1], ==, "36F675CC-81E7-4EF5-A8E2-5D940ED90475");
  g_assert_cmpstr (failed[2], ==, UID_E);
  g_assert_cmpuint (n_pending, ==, 1);
  g_clear_pointer (&failed, g_strfreev);

  /* After the expiry, a device still pending never reported. */
  g_assert_true (ra_device_results_find_failed (result, devices, TRUE, &failed, &n_pending, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (failed), ==, 4);
  g_assert_cmpstr (failed[1], ==, UID_C);
  g_assert_cmpuint (n_pending, ==, 0);
}

static void
test_failed_devices_cannot_tell (void)
{
  g_autoptr(RaNqlResult) no_uid = parse_result ("{\"data\": [{\"device.name\": \"A\", \"status\": \"failure\"}]}");
  g_autoptr(GString) many = g_string_new ("{\"rows\": 1000, \"data\": [");
  g_autoptr(RaNqlResult) cut = NULL;
  const char *devices[] = { UID_A, NULL };
  g_auto(GStrv) failed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (ra_device_results_find_failed (no_uid, devices, FALSE, &failed, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_null (failed);
  g_clear_error (&error);

  /* At the row limit, a device not listed may be one past it. */
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (many, "%s{\"device.collector.uid\": \"x%u\", \"status\": \"success\"}",
                            i > 0 ? "," : "", i);
  g_string_append (many, "]}");
  cut = parse_result (many->str);
  g_assert_false (ra_device_results_find_failed (cut, devices, FALSE, &failed, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/plain", test_plain_fields_and_crlf);
  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/formula-guard", test_formula_guard);
  g_test_add_func ("/csv/numbers", test_numbers_are_not_guarded);
  g_test_add_func ("/csv/utf8", test_utf8);
  g_test_add_func ("/csv/empty", test_empty);
  g_test_add_func ("/csv/device-results", test_device_results);
  g_test_add_func ("/csv/failed-devices", test_failed_devices);
  g_test_add_func ("/csv/failed-devices-cannot-tell", test_failed_devices_cannot_tell);

  return g_test_run ();
}
