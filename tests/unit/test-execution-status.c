/* test-execution-status.c — reading statuses out of execution results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-execution-status"

#include "config.h"

#include "ra-execution-status.h"

static RaNqlResult *
result_from (const char *data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RaNqlResult *result;

  text = g_strdup_printf ("{\"queryId\": \"#q\", \"executedQuery\": \"q\", \"rows\": 0,"
                          " \"executionDateTime\": \"2024-05-02T10:11:12\", \"data\": %s}",
                          data);
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  result = ra_nql_result_new_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);

  return result;
}

static void
test_query_id (void)
{
  /* 255 characters in all, the '#' included (the schema's maxLength). */
  g_autofree char *longest = g_strnfill (254, 'a');
  g_autofree char *too_long = g_strnfill (255, 'a');
  g_autofree char *longest_id = g_strconcat ("#", longest, NULL);
  g_autofree char *too_long_id = g_strconcat ("#", too_long, NULL);

  g_assert_true (ra_nql_query_id_is_valid ("#remote_action_executions"));
  g_assert_true (ra_nql_query_id_is_valid ("#a1"));
  g_assert_true (ra_nql_query_id_is_valid (longest_id));
  g_assert_false (ra_nql_query_id_is_valid (too_long_id));
  g_assert_false (ra_nql_query_id_is_valid (NULL));
  g_assert_false (ra_nql_query_id_is_valid (""));
  g_assert_false (ra_nql_query_id_is_valid ("#a"));
  g_assert_false (ra_nql_query_id_is_valid ("remote_action_executions"));
  g_assert_false (ra_nql_query_id_is_valid ("#Remote"));
  g_assert_false (ra_nql_query_id_is_valid ("#with space"));
  g_assert_false (ra_nql_query_id_is_valid ("#with-dash"));
  g_assert_false (ra_nql_query_id_is_valid ("##ab"));
}

static void
test_from_string (void)
{
  g_assert_cmpint (ra_execution_status_from_string ("success"), ==, RA_EXECUTION_STATUS_SUCCEEDED);
  g_assert_cmpint (ra_execution_status_from_string ("Succeeded"), ==, RA_EXECUTION_STATUS_SUCCEEDED);
  g_assert_cmpint (ra_execution_status_from_string (" COMPLETED "), ==, RA_EXECUTION_STATUS_SUCCEEDED);
  g_assert_cmpint (ra_execution_status_from_string ("failure"), ==, RA_EXECUTION_STATUS_FAILED);
  g_assert_cmpint (ra_execution_status_from_string ("expired"), ==, RA_EXECUTION_STATUS_FAILED);
  g_assert_cmpint (ra_execution_status_from_string ("Timed out"), ==, RA_EXECUTION_STATUS_FAILED);
  g_assert_cmpint (ra_execution_status_from_string ("in_progress"), ==, RA_EXECUTION_STATUS_PENDING);
  g_assert_cmpint (ra_execution_status_from_string ("In Progress"), ==, RA_EXECUTION_STATUS_PENDING);
  g_assert_cmpint (ra_execution_status_from_string ("in-progress"), ==, RA_EXECUTION_STATUS_PENDING);
  g_assert_cmpint (ra_execution_status_from_string ("waiting"), ==, RA_EXECUTION_STATUS_PENDING);
  g_assert_cmpint (ra_execution_status_from_string ("mostly fine"), ==, RA_EXECUTION_STATUS_OTHER);
  g_assert_cmpint (ra_execution_status_from_string (""), ==, RA_EXECUTION_STATUS_OTHER);
  g_assert_cmpint (ra_execution_status_from_string (NULL), ==, RA_EXECUTION_STATUS_OTHER);
}

static void
test_columns (void)
{
  g_autoptr(RaNqlResult) executions = NULL;
  g_autoptr(RaNqlResult) plain = NULL;
  g_autoptr(RaNqlResult) named = NULL;
  g_autoptr(RaNqlResult) bare = NULL;
  g_autoptr(RaNqlResult) empty = NULL;

  executions = result_from ("[{\"remote_action.name\": \"Restart\","
                            "  \"remote_action.execution.status_details\": \"\","
                            "  \"device.collector.uid\": \"u1\","
                            "  \"device.name\": \"PC-1\","
                            "  \"remote_action.execution.status\": \"success\"}]");
  g_assert_cmpstr (ra_nql_result_find_status_column (executions), ==, "remote_action.execution.status");
  g_assert_cmpstr (ra_nql_result_find_device_column (executions), ==, "device.name");

  plain = result_from ("[{\"uid\": \"u1\", \"device_uid\": \"u1\", \"execution_status\": \"ok\","
                       "  \"status_details\": \"\"}]");
  g_assert_cmpstr (ra_nql_result_find_status_column (plain), ==, "execution_status");
  g_assert_cmpstr (ra_nql_result_find_device_column (plain), ==, "device_uid");

  named = result_from ("[{\"count\": 1, \"host.name\": \"h\", \"state\": \"done\"}]");
  g_assert_null (ra_nql_result_find_status_column (named));
  g_assert_cmpstr (ra_nql_result_find_device_column (named), ==, "host.name");

  bare = result_from ("[{\"a\": 1, \"b\": 2}]");
  g_assert_cmpstr (ra_nql_result_find_device_column (bare), ==, "a");

  empty = result_from ("[]");
  g_assert_null (ra_nql_result_find_device_column (empty));
  g_assert_null (ra_nql_result_find_status_column (empty));
}

static void
test_count (void)
{
  g_autoptr(RaNqlResult) result = NULL;
  guint counts[RA_EXECUTION_STATUS_N_VALUES];

  result = result_from ("[{\"d\": \"1\", \"status\": \"success\"},"
                        " {\"d\": \"2\", \"status\": \"failure\"},"
                        " {\"d\": \"3\", \"status\": \"in_progress\"},"
                        " {\"d\": \"4\", \"status\": \"waiting\"},"
                        " {\"d\": \"5\", \"status\": \"success\"},"
                        " {\"d\": \"6\", \"status\": \"weird\"},"
                        " {\"d\": \"7\"}]");
  ra_nql_result_count_statuses (result, "status", counts);
  g_assert_cmpuint (counts[RA_EXECUTION_STATUS_SUCCEEDED], ==, 2);
  g_assert_cmpuint (counts[RA_EXECUTION_STATUS_FAILED], ==, 1);
  g_assert_cmpuint (counts[RA_EXECUTION_STATUS_PENDING], ==, 2);
  g_assert_cmpuint (counts[RA_EXECUTION_STATUS_OTHER], ==, 2);

  /* No status column: every row is OTHER. */
  ra_nql_result_count_statuses (result, NULL, counts);
  g_assert_cmpuint (counts[RA_EXECUTION_STATUS_OTHER], ==, 7);
  g_assert_cmpuint (counts[RA_EXECUTION_STATUS_SUCCEEDED], ==, 0);
}

static void
test_labels (void)
{
  g_autofree char *details = ra_nql_column_label ("remote_action.execution.status_details");
  g_autofree char *plain = ra_nql_column_label ("count");
  g_autofree char *uid = ra_nql_column_label ("device.collector.uid");
  g_autofree char *id = ra_nql_column_label ("id");
  g_autofree char *progress = ra_execution_status_label ("in_progress");
  g_autofree char *empty = ra_execution_status_label ("");

  g_assert_cmpstr (details, ==, "Status details");
  g_assert_cmpstr (plain, ==, "Count");
  g_assert_cmpstr (uid, ==, "Collector UID");
  g_assert_cmpstr (id, ==, "ID");
  g_assert_cmpstr (progress, ==, "In progress");
  g_assert_cmpstr (empty, ==, "");
}

/* The columns and statuses the app knows have labels of their own, to
 * be translated; the others are made readable as they are. */
static void
test_known_labels (void)
{
  static const struct
  {
    const char *column;
    const char *label;
  } columns[] = {
    { "remote_action.execution.request_id", "Request ID" },
    { "remote_action.nql_id", "NQL ID" },
    { "remote_action.execution.time", "Time" },
    { "status", "Status" },
    { "device.collector.uid", "Collector UID" },
    { "device.operating_system.name", "Name" },
    { "remote_action.execution.external_reference", "External reference" },
    { "device.entity.uid", "Entity UID" },
  };
  static const struct
  {
    const char *status;
    const char *label;
  } statuses[] = {
    { "success", "Success" },
    { "FAILURE", "Failure" },
    { "In Progress", "In progress" },
    { "in-progress", "In progress" },
    { "waiting", "Waiting" },
    { "expired", "Expired" },
    { "canceled", "Cancelled" },
    { "timed_out", "Timed out" },
    { "on_hold", "On hold" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *label = ra_nql_column_label (columns[i].column);

      g_assert_cmpstr (label, ==, columns[i].label);
    }
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *label = ra_execution_status_label (statuses[i].status);

      g_assert_cmpstr (label, ==, statuses[i].label);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/execution-status/query-id", test_query_id);
  g_test_add_func ("/execution-status/from-string", test_from_string);
  g_test_add_func ("/execution-status/columns", test_columns);
  g_test_add_func ("/execution-status/count", test_count);
  g_test_add_func ("/execution-status/labels", test_labels);
  g_test_add_func ("/execution-status/known-labels", test_known_labels);

  return g_test_run ();
}
