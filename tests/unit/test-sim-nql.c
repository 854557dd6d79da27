/* test-sim-nql.c — the simulator: the NQL API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-simulator"

#include "config.h"

#include <string.h>

#include "ra-sim-test.h"

static void
test_nql (Fixture       *f,
          gconstpointer  data)
{
  g_auto(Reply) executed = { 0, };
  g_auto(Reply) csv = { 0, };
  g_auto(Reply) html = { 0, };
  g_autoptr(JsonNode) request_node = NULL;
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) one = NULL;
  g_autoptr(JsonNode) devices = NULL;
  g_autoptr(JsonNode) custom = NULL;
  g_autoptr(JsonNode) rows = NULL;
  g_autofree char *filter = NULL;
  g_autofree char *csv_text = NULL;
  JsonObject *object;
  JsonArray *data_rows;
  const char *request_id;

  api (f, "POST", "/api/v1/act/execute",
       "{\"remoteActionId\":\"#get_disk_usage\",\"devices\":[\"" DEVICE_A "\",\"" DEVICE_B "\"]}",
       &executed);
  g_assert_cmpuint (executed.status, ==, 200);
  request_node = parse (&executed);
  request_id = json_object_get_string_member (json_node_get_object (request_node), "requestId");

  all = nql (f, "{\"queryId\":\"#remote_action_executions\"}", 200);
  object = json_node_get_object (all);
  g_assert_cmpstr (json_object_get_string_member (object, "queryId"), ==, "#remote_action_executions");
  g_assert_cmpstr (json_object_get_string_member (object, "executedQuery"), !=, "");
  g_assert_cmpint (json_object_get_int_member (object, "rows"), ==, 2);
  {
    /* Realistic answers write times without an offset, as real ones do. */
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr(GDateTime) when =
      g_date_time_new_from_iso8601 (json_object_get_string_member (object, "executionDateTime"), utc);

    g_assert_nonnull (when);
  }
  data_rows = json_object_get_array_member (object, "data");
  g_assert_cmpuint (json_array_get_length (data_rows), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *row = json_array_get_object_element (data_rows, i);

      g_assert_cmpstr (json_object_get_string_member (row, "remote_action.execution.request_id"), ==, request_id);
      g_assert_cmpstr (json_object_get_string_member (row, "remote_action.nql_id"), ==, "#get_disk_usage");
      g_assert_nonnull (json_object_get_string_member (row, "remote_action.execution.status"));
      g_assert_nonnull (json_object_get_string_member (row, "device.name"));
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (data_rows, 0), "device.name"),
                   ==, "LAPTOP-JDOE-01");

  /* Without run time, every device has its final status, and those that
   * succeeded report the action's outputs. */
  ra_simulator_set_execution_seconds (f->sim, 0);
  {
    g_auto(Reply) everywhere = { 0, };
    g_autoptr(JsonNode) answer = NULL;
    g_autoptr(JsonNode) settled = NULL;
    g_autofree char *body = NULL;
    GString *devices_json = g_string_new (NULL);
    g_autoptr(JsonNode) device_list = nql (f, "{\"queryId\":\"#demo_devices\"}", 200);
    JsonArray *device_rows = json_object_get_array_member (json_node_get_object (device_list), "data");
    JsonArray *settled_rows;
    guint successes = 0;

    for (guint i = 0; i < json_array_get_length (device_rows); i++)
      g_string_append_printf (devices_json, "%s\"%s\"", i ? "," : "",
                              json_object_get_string_member (json_array_get_object_element (device_rows, i),
                                                             "device.collector.uid"));
    body = g_strdup_printf ("{\"remoteActionId\":\"#get_disk_usage\",\"devices\":[%s]}", devices_json->str);
    g_string_free (devices_json, TRUE);
    api (f, "POST", "/api/v1/act/execute", body, &everywhere);
    g_assert_cmpuint (everywhere.status, ==, 200);
    answer = parse (&everywhere);

    g_free (g_steal_pointer (&body));
    body = g_strdup_printf ("{\"queryId\":\"#remote_action_executions\",\"parameters\":{\"request_id\":\"%s\"}}",
                            json_object_get_string_member (json_node_get_object (answer), "requestId"));
    settled = nql (f, body, 200);
    settled_rows = json_object_get_array_member (json_node_get_object (settled), "data");
    g_assert_cmpuint (json_array_get_length (settled_rows), ==, json_array_get_length (device_rows));
    for (guint i = 0; i < json_array_get_length (settled_rows); i++)
      {
        JsonObject *row = json_array_get_object_element (settled_rows, i);
        const char *status = json_object_get_string_member (row, "remote_action.execution.status");

        g_assert_true (g_str_equal (status, "success") || g_str_equal (status, "failure") ||
                       g_str_equal (status, "waiting"));
        if (g_str_equal (status, "success"))
          {
            successes++;
            g_assert_true (json_object_has_member (row, "remote_action.execution.outputs.FreeSpace"));
            g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (row, "remote_action.execution.outputs.LargestFolders")));
          }
      }
    g_assert_cmpuint (successes, >, 0);
  }

  filter = g_strdup_printf ("{\"queryId\":\"#remote_action_executions\",\"parameters\":{\"request_id\":\"%s\"}}",
                            "00000000-0000-4000-8000-000000000000");
  one = nql (f, filter, 200);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (one), "rows"), ==, 0);
  g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (one), "executedQuery"),
                            "00000000-0000-4000-8000-000000000000"));

  devices = nql (f, "{\"queryId\":\"#demo_devices\"}", 200);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (devices), "rows"), >=, 10);

  rows = json_from_string ("[{\"device.name\":\"PC-1\",\"score\":7.5},{\"device.name\":\"PC-2\",\"score\":null}]", NULL);
  ra_simulator_add_nql_query (f->sim, "#custom_query", rows);
  custom = nql (f, "{\"queryId\":\"#custom_query\",\"parameters\":{\"x\":\"y\"}}", 200);
  g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (custom), "data"), rows));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (custom), "rows"), ==, 2);

  send_full (f, "POST", "/api/v2/nql/execute", NULL, NULL, NULL, NULL, &html);
  g_assert_cmpuint (html.status, ==, 401);
  reply_clear (&html);
  {
    g_autofree char *auth = bearer (f);

    send_full (f, "POST", "/api/v2/nql/execute", auth, "application/json",
               "{\"queryId\":\"#custom_query\"}", "text/csv", &csv);
    g_assert_cmpuint (csv.status, ==, 200);
    csv_text = g_strndup (g_bytes_get_data (csv.body, NULL), g_bytes_get_size (csv.body));
    g_assert_cmpstr (csv_text, ==, "device.name,score\r\nPC-1,7.5\r\nPC-2,\r\n");

    send_full (f, "POST", "/api/v2/nql/execute", auth, "application/json",
               "{\"queryId\":\"#custom_query\"}", "text/html", &html);
    g_assert_cmpuint (html.status, ==, 406);
  }

  g_assert_null (nql (f, "{\"queryId\":\"#no_such_query\"}", 404));
  g_assert_null (nql (f, "{\"queryId\":\"no_hash\"}", 400));
  g_assert_null (nql (f, "{\"queryId\":\"#UPPER\"}", 400));
  g_assert_null (nql (f, "{}", 400));
  g_assert_null (nql (f, "{\"queryId\":\"#custom_query\",\"parameters\":{\"x\":1}}", 400));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  RA_TEST_ADD ("/simulator/nql", test_nql);

  return g_test_run ();
}
