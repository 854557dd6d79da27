/* test-client-realistic.c — what a real instance answers that a tidy
 * simulator did not: regional times, row limits, missing permissions,
 * and an execute that checks the action's inputs and the devices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-client-realistic"

#include "config.h"

#include <string.h>

#include "ra-execution-status.h"

#include "ra-client-test.h"

#define EXECUTIONS_QUERY "#remote_action_executions"

static JsonNode *
rows_of (guint n)
{
  g_autoptr(GString) text = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s{\"device.name\": \"PC-%u\"}", i > 0 ? "," : "", i);
  g_string_append_c (text, ']');

  return json_from_string (text->str, NULL);
}

static void
assert_utc (GDateTime *time,
            int        year,
            int        month,
            int        day,
            int        hour,
            int        minute,
            int        second)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) expected = g_date_time_new (utc, year, month, day, hour, minute, second);

  g_assert_nonnull (time);
  if (!g_date_time_equal (time, expected))
    {
      g_autofree char *got = g_date_time_format_iso8601 (time);

      g_error ("expected %04d-%02d-%02dT%02d:%02d:%02dZ, got %s",
               year, month, day, hour, minute, second, got);
    }
}

static void
test_parse_time (void)
{
  const char * const not_times[] = {
    NULL, "", "hello", "2026-12-02", "2026-W49-3T15:30:05", "2026-336T15:30:05", "12345",
    "2026-12-02T25:30:05", "2026-13-02T15:30:05", "2026-12-02T15:30:05 and more", "PC-2026",
  };

  /* Without an offset, UTC: the client asks for UTC times. */
  {
    g_autoptr(GDateTime) t = ra_nql_parse_time ("2026-12-02T15:30:05");
    assert_utc (t, 2026, 12, 2, 15, 30, 5);
  }
  {
    g_autoptr(GDateTime) t = ra_nql_parse_time ("2026-12-02 15:30:05");
    assert_utc (t, 2026, 12, 2, 15, 30, 5);
  }
  {
    g_autoptr(GDateTime) t = ra_nql_parse_time ("2026-12-02T15:30:05.250");
    g_assert_cmpint (g_date_time_get_microsecond (t), ==, 250000);
  }
  /* An offset, when there is one, wins. */
  {
    g_autoptr(GDateTime) t = ra_nql_parse_time ("2026-12-02T15:30:05Z");
    assert_utc (t, 2026, 12, 2, 15, 30, 5);
  }
  {
    g_autoptr(GDateTime) t = ra_nql_parse_time ("2026-12-02T16:30:05+01:00");
    assert_utc (t, 2026, 12, 2, 15, 30, 5);
  }

  for (guint i = 0; i < G_N_ELEMENTS (not_times); i++)
    {
      g_autoptr(GDateTime) t = ra_nql_parse_time (not_times[i]);

      if (t != NULL)
        g_error ("“%s” was read as a time", not_times[i]);
    }
}

static void
test_nql_utc_times (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(JsonNode) data = json_from_string ("[{\"device.name\": \"PC-1\", "
                                               "\"remote_action.execution.time\": \"2026-12-02T15:30:05\"}]",
                                               NULL);
  g_autoptr(RaNqlResult) result = NULL;
  g_autoptr(RaNqlResult) devices = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) last_seen = NULL;
  g_autoptr(GError) error = NULL;
  RaSimRequest *logged;
  gint64 skew;

  ra_simulator_add_nql_query (fixture->sim, "#with_times", data);
  result = nql_execute (fixture->client, "#with_times", NULL, &error);
  g_assert_no_error (error);

  logged = last_request (fixture, NQL_PATH);
  g_assert_cmpstr (g_hash_table_lookup (logged->headers, "x-utc-times"), ==, "true");

  time = ra_nql_result_dup_time (result, 0, "remote_action.execution.time");
  assert_utc (time, 2026, 12, 2, 15, 30, 5);
  g_assert_null (ra_nql_result_dup_time (result, 0, "device.name"));
  g_assert_null (ra_nql_result_dup_time (result, 0, "no.such.column"));

  /* The simulator writes regional times, without an offset, to anyone
   * who does not ask for UTC: the first device was seen just now, which
   * would read as an hour or more off otherwise. */
  devices = nql_execute (fixture->client, "#demo_devices", NULL, &error);
  g_assert_no_error (error);
  last_seen = ra_nql_result_dup_time (devices, 0, "device.last_seen");
  g_assert_nonnull (last_seen);
  g_assert_null (strchr (ra_nql_result_get_value (devices, 0, "device.last_seen"), 'Z'));
  skew = g_date_time_to_unix (last_seen) - g_get_real_time () / G_USEC_PER_SEC;
  g_assert_cmpint (ABS (skew), <, 60);
}

static void
test_nql_row_limit (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const struct {
    guint    n_matched;
    guint    n_answered;
    gboolean may_be_incomplete;
  } cases[] = {
    { 3, 3, FALSE },
    { RA_NQL_EXECUTE_MAX_ROWS - 1, RA_NQL_EXECUTE_MAX_ROWS - 1, FALSE },
    /* Exactly at the limit: nobody can tell whether more were cut. */
    { RA_NQL_EXECUTE_MAX_ROWS, RA_NQL_EXECUTE_MAX_ROWS, TRUE },
    { RA_NQL_EXECUTE_MAX_ROWS + 1, RA_NQL_EXECUTE_MAX_ROWS, TRUE },
    { 5000, RA_NQL_EXECUTE_MAX_ROWS, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) data = rows_of (cases[i].n_matched);
      g_autoptr(RaNqlResult) result = NULL;
      g_autoptr(GError) error = NULL;
      gboolean flag;

      ra_simulator_add_nql_query (fixture->sim, "#many_rows", data);
      result = nql_execute (fixture->client, "#many_rows", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, cases[i].n_answered);
      g_assert_cmpint (ra_nql_result_get_may_be_incomplete (result), ==, cases[i].may_be_incomplete);
      g_object_get (result, "may-be-incomplete", &flag, NULL);
      g_assert_cmpint (flag, ==, cases[i].may_be_incomplete);
    }
}

static void
test_nql_rows_member (void)
{
  const struct {
    const char *json;
    gboolean    may_be_incomplete;
  } cases[] = {
    { "{\"data\": [{\"a\": 1}, {\"a\": 2}]}", FALSE },
    { "{\"rows\": 2, \"data\": [{\"a\": 1}, {\"a\": 2}]}", FALSE },
    { "{\"rows\": null, \"data\": [{\"a\": 1}]}", FALSE },
    /* The server says it has more than it sent. */
    { "{\"rows\": 5, \"data\": [{\"a\": 1}, {\"a\": 2}]}", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);
      g_autoptr(RaNqlResult) result = NULL;
      g_autoptr(GError) error = NULL;

      result = ra_nql_result_new_from_json (node, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ra_nql_result_get_may_be_incomplete (result), ==, cases[i].may_be_incomplete);
    }
}

static void
test_nql_forbidden (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(RaNqlResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ra_simulator_set_nql_permission (fixture->sim, FALSE);
  result = nql_execute (fixture->client, EXECUTIONS_QUERY, NULL, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_FORBIDDEN);
  g_assert_null (result);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“NQL API” permission"));
  g_assert_nonnull (strstr (error->message, "Administration → API credentials"));
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", NQL_PATH), ==, 1);
  g_clear_error (&error);

  /* Granted, the same credentials read results. */
  ra_simulator_set_nql_permission (fixture->sim, TRUE);
  result = nql_execute (fixture->client, EXECUTIONS_QUERY, NULL, &error);
  g_assert_no_error (error);
}

static void
test_query_id_length (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *tail = g_strnfill (254, 'a');
  g_autofree char *longest = g_strconcat ("#", tail, NULL);
  g_autofree char *too_long = g_strconcat (longest, "a", NULL);
  g_autoptr(RaNqlResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (strlen (longest), ==, RA_NQL_QUERY_ID_MAX_LENGTH);

  result = nql_execute (fixture->client, too_long, NULL, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "255"));
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", NQL_PATH), ==, 0);
  g_clear_error (&error);

  /* The longest the spec allows is sent; this instance has no such query. */
  result = nql_execute (fixture->client, longest, NULL, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_NOT_FOUND);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", NQL_PATH), ==, 1);
}

static RaExecutionRequest *
known_devices_request (const char *action_id,
                       guint       n_known,
                       guint       n_unknown)
{
  RaExecutionRequest *request = ra_execution_request_new (action_id);
  g_auto(GStrv) known = ra_simulator_dup_known_devices ();
  g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (g_strv_length (known), >=, n_known);
  for (guint i = 0; i < n_known; i++)
    g_ptr_array_add (devices, g_strdup (known[i]));
  for (guint i = 0; i < n_unknown; i++)
    g_ptr_array_add (devices, g_uuid_string_random ());
  g_ptr_array_add (devices, NULL);

  ra_execution_request_set_devices (request, (const char * const *) devices->pdata);
  return request;
}

static void
test_execute_checks_options (Fixture       *fixture,
                             gconstpointer  user_data)
{
  const struct {
    const char *name;
    const char *value;
    gboolean    accepted;
    const char *server_code;
  } cases[] = {
    { "StartType", "Manual", TRUE, NULL },
    /* Not among the options, and no custom value allowed. */
    { "StartType", "Sometimes", FALSE, "INVALID_PARAM_VALUE" },
    { "StartType", "manual", FALSE, "INVALID_PARAM_VALUE" },
    /* This input allows values of the user's own. */
    { "ServiceName", "MyOwnService", TRUE, NULL },
    /* No such input. */
    { "Service", "Spooler", FALSE, "INVALID_PARAMS" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RaExecutionRequest) request = known_devices_request ("#restart_windows_service", 1, 0);
      g_autoptr(RaExecutionResult) result = NULL;
      g_autoptr(GError) error = NULL;

      ra_execution_request_set_param (request, cases[i].name, cases[i].value);
      result = execute (fixture->client, request, &error);
      if (cases[i].accepted)
        {
          g_assert_no_error (error);
          g_assert_nonnull (result);
          continue;
        }

      assert_error (fixture, error, RA_ERROR, RA_ERROR_INVALID_REQUEST);
      g_test_message ("params.%s = %s → %s", cases[i].name, cases[i].value, error->message);
      /* The documented {code, message} reached the message. */
      g_assert_nonnull (strstr (error->message, cases[i].server_code));
      g_assert_nonnull (strstr (error->message, cases[i].name));
    }
}

static void
test_unknown_devices_never_report (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(RaExecutionRequest) request = known_devices_request ("#get_disk_usage", 2, 3);
  g_autoptr(RaExecutionResult) execution = NULL;
  g_autoptr(RaNqlResult) rows = NULL;
  g_autoptr(GHashTable) parameters = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  const char * const *devices = ra_execution_request_get_devices (request);

  ra_simulator_set_execution_seconds (fixture->sim, 0);

  /* All five are accepted… */
  execution = execute (fixture->client, request, &error);
  g_assert_no_error (error);

  /* …but only the two the instance knows ever report. */
  g_hash_table_insert (parameters, (char *) "request_id",
                       (char *) ra_execution_result_get_request_id (execution));
  rows = nql_execute (fixture->client, EXECUTIONS_QUERY, parameters, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ra_nql_result_get_n_rows (rows), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const char *uid = ra_nql_result_get_value (rows, i, "device.collector.uid");

      g_assert_true (g_ascii_strcasecmp (uid, devices[0]) == 0 ||
                     g_ascii_strcasecmp (uid, devices[1]) == 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/realistic/parse-time", test_parse_time);
  g_test_add_func ("/realistic/nql-rows-member", test_nql_rows_member);
  RA_TEST_ADD ("/realistic/nql-utc-times", test_nql_utc_times);
  RA_TEST_ADD ("/realistic/nql-row-limit", test_nql_row_limit);
  RA_TEST_ADD ("/realistic/nql-forbidden", test_nql_forbidden);
  RA_TEST_ADD ("/realistic/query-id-length", test_query_id_length);
  RA_TEST_ADD ("/realistic/execute-checks-options", test_execute_checks_options);
  RA_TEST_ADD ("/realistic/unknown-devices-never-report", test_unknown_devices_never_report);

  return g_test_run ();
}
