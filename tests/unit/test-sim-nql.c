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

#define LOOKUP_BODY(name) "{\"queryId\":\"#device_lookup\",\"parameters\":{\"device_name\":\"" name "\"}}"

/* The rows of a lookup, as "name uid" lines, for short comparisons. */
static char *
lookup (Fixture    *f,
        const char *body)
{
  g_autoptr(JsonNode) answer = nql (f, body, 200);
  JsonObject *object = json_node_get_object (answer);
  JsonArray *rows = json_object_get_array_member (object, "data");
  GString *text = g_string_new (NULL);

  g_assert_cmpint (json_object_get_int_member (object, "rows"), ==, json_array_get_length (rows));
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      g_string_append_printf (text, "%s%s %s", i > 0 ? "\n" : "",
                              json_object_get_string_member (row, "device.name"),
                              json_object_get_string_member (row, "device.collector.uid"));
    }

  return g_string_free (text, FALSE);
}

static void
test_device_lookup (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *one = lookup (f, LOOKUP_BODY ("PC-042"));
  g_autofree char *lower = lookup (f, LOOKUP_BODY ("pc-042"));
  g_autofree char *two = lookup (f, LOOKUP_BODY ("laptop-training"));
  g_autofree char *none = lookup (f, LOOKUP_BODY ("PC-999"));
  g_autofree char *wildcard = lookup (f, LOOKUP_BODY ("DESKTOP-CALLCTR-3?"));
  g_autoptr(JsonNode) answer = nql (f, LOOKUP_BODY ("PC-042"), 200);
  g_auto(Reply) limited = { 0, };

  g_assert_cmpstr (one, ==, "PC-042 1b2c6d0e-8f3a-4c5b-9d7e-2a4f6b8c0d12");
  /* NQL compares text case-insensitively. */
  g_assert_cmpstr (lower, ==, one);
  /* One name, two devices: both rows. */
  g_assert_cmpstr (two, ==,
                   "LAPTOP-TRAINING 07c43442-6f02-4e48-9cbe-ca6f4016fe09\n"
                   "LAPTOP-TRAINING aafb85db-f64b-4e37-a2b9-866d7e44521a");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (wildcard, ==,
                   "DESKTOP-CALLCTR-31 7f150524-34b9-45df-9e77-69b10f4205b4\n"
                   "DESKTOP-CALLCTR-32 c6f87718-6d76-407e-881e-d162ae2eb154");
  g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (answer), "executedQuery"),
                            "device.name == \"PC-042\""));

  /* The query cannot run without its parameter. */
  g_assert_null (nql (f, "{\"queryId\":\"#device_lookup\"}", 400));
  g_assert_null (nql (f, "{\"queryId\":\"#device_lookup\",\"parameters\":{\"name\":\"PC-042\"}}", 400));

  /* Throttled like any other API call, with the wait to honour. */
  ra_simulator_fail_next (f->sim, 1, 429, 2);
  api (f, "POST", "/api/v2/nql/execute", LOOKUP_BODY ("PC-042"), &limited);
  g_assert_cmpuint (limited.status, ==, 429);
  g_assert_cmpstr (soup_message_headers_get_one (limited.headers, "Retry-After"), ==, "2");
  g_clear_pointer (&one, g_free);
  one = lookup (f, LOOKUP_BODY ("PC-042"));
  g_assert_cmpstr (one, ==, "PC-042 1b2c6d0e-8f3a-4c5b-9d7e-2a4f6b8c0d12");
}

static gint64 offline_clock_usec;

static gint64
offline_clock (gpointer user_data)
{
  return offline_clock_usec;
}

static const char *
status_of (JsonArray  *rows,
           const char *uid)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_str_equal (json_object_get_string_member (row, "device.collector.uid"), uid))
        return json_object_get_string_member (row, "remote_action.execution.status");
    }

  return NULL;
}

/* How many devices reached a final status other than expired. */
static guint
count_settled (JsonArray *rows)
{
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      const char *status = json_object_get_string_member (json_array_get_object_element (rows, i),
                                                          "remote_action.execution.status");

      n += g_str_equal (status, "success") || g_str_equal (status, "failure");
    }

  return n;
}

#define OFFLINE_DEVICE "120b3ac1-21ae-4555-ab5f-ae7a2f4a460e"

static void
test_offline_device (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Reply) executed = { 0, };
  g_autoptr(JsonNode) soon = NULL;
  g_autoptr(JsonNode) later = NULL;
  g_autoptr(JsonNode) expired = NULL;
  JsonArray *rows;

  offline_clock_usec = g_get_real_time ();
  ra_simulator_set_clock_func (f->sim, offline_clock, NULL, NULL);

  /* A few other devices besides: some of them are offline by chance. */
  api (f, "POST", "/api/v1/act/execute",
       "{\"remoteActionId\":\"#get_disk_usage\",\"expiresInMinutes\":60,"
       "\"devices\":[\"" DEVICE_A "\",\"" DEVICE_B "\",\"" OFFLINE_DEVICE "\","
       "\"9531985d-5d9d-49f8-9818-e811892f902b\",\"36f675cc-81e7-4ef5-a8e2-5d940ed90475\","
       "\"6b0d549b-6f03-475a-9600-a35a099950d8\",\"8d116ece-1738-47d9-bd9c-172411e20b8f\"]}",
       &executed);
  g_assert_cmpuint (executed.status, ==, 200);

  soon = nql (f, "{\"queryId\":\"#remote_action_executions\"}", 200);
  rows = json_object_get_array_member (json_node_get_object (soon), "data");
  g_assert_cmpstr (status_of (rows, OFFLINE_DEVICE), ==, "waiting");

  /* Long after every other device settled, it still has not come online. */
  offline_clock_usec += (gint64) 59 * 60 * G_USEC_PER_SEC;
  /* Tokens last a quarter of an hour on this clock too. */
  g_free (f->token);
  f->token = fetch_token (f);
  later = nql (f, "{\"queryId\":\"#remote_action_executions\"}", 200);
  rows = json_object_get_array_member (json_node_get_object (later), "data");
  g_assert_cmpstr (status_of (rows, OFFLINE_DEVICE), ==, "waiting");
  g_assert_cmpuint (count_settled (rows), >, 0);

  offline_clock_usec += (gint64) 2 * 60 * G_USEC_PER_SEC;
  g_free (f->token);
  f->token = fetch_token (f);
  expired = nql (f, "{\"queryId\":\"#remote_action_executions\"}", 200);
  rows = json_object_get_array_member (json_node_get_object (expired), "data");
  g_assert_cmpstr (status_of (rows, OFFLINE_DEVICE), ==, "expired");
}

typedef struct
{
  guint pending;
  guint ok;
} Concurrent;

static void
concurrent_sent_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Concurrent *concurrent = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);

  if (body != NULL && soup_message_get_status (msg) == 200)
    concurrent->ok++;
  concurrent->pending--;
}

/* Sends n lookups at once and waits for their answers. */
static void
send_concurrently (Fixture *f,
                   guint    n)
{
  g_autofree char *auth = bearer (f);
  g_autofree char *url = g_strconcat (ra_simulator_get_base_url (f->sim), "/api/v2/nql/execute", NULL);
  /* libsoup opens two connections to a host unless told otherwise. */
  g_autoptr(SoupSession) session = soup_session_new_with_options ("max-conns-per-host", n, NULL);
  Concurrent concurrent = { n, 0 };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
      g_autoptr(GBytes) body = g_bytes_new_static (LOOKUP_BODY ("PC-042"), strlen (LOOKUP_BODY ("PC-042")));

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
      soup_message_set_request_body_from_bytes (msg, "application/json", body);
      soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL,
                                        concurrent_sent_cb, &concurrent);
    }

  RA_TEST_WAIT_UNTIL (concurrent.pending == 0);
  g_assert_cmpuint (concurrent.ok, ==, n);
}

static void
test_in_flight (Fixture       *f,
                gconstpointer  data)
{
  ra_simulator_clear_requests (f->sim);
  g_assert_cmpuint (ra_simulator_get_max_in_flight (f->sim), ==, 0);

  /* Answered at once, one request is all there is at a time. */
  send_concurrently (f, 1);
  g_assert_cmpuint (ra_simulator_get_max_in_flight (f->sim), ==, 1);

  /* Held back, requests sent together are in flight together. */
  ra_simulator_set_latency (f->sim, 300);
  send_concurrently (f, 3);
  g_assert_cmpuint (ra_simulator_get_max_in_flight (f->sim), ==, 3);

  ra_simulator_clear_requests (f->sim);
  g_assert_cmpuint (ra_simulator_get_max_in_flight (f->sim), ==, 0);
  send_concurrently (f, 2);
  g_assert_cmpuint (ra_simulator_get_max_in_flight (f->sim), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  RA_TEST_ADD ("/simulator/nql", test_nql);
  RA_TEST_ADD ("/simulator/nql/device-lookup", test_device_lookup);
  RA_TEST_ADD ("/simulator/nql/offline-device", test_offline_device);
  RA_TEST_ADD ("/simulator/nql/in-flight", test_in_flight);

  return g_test_run ();
}
