/* test-sim-faults.c — the simulator: the faults tests switch on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-simulator"

#include "config.h"

#include <string.h>

#include "ra-sim-test.h"

static void
test_fault_fail_next (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *fresh = NULL;

  ra_simulator_fail_next (f->sim, 2, 503, 7);

  /* Token requests are not affected by default. */
  fresh = fetch_token (f);

  for (guint i = 0; i < 2; i++)
    {
      g_auto(Reply) reply = { 0, };

      api (f, "GET", "/api/v1/act/remote-action", NULL, &reply);
      assert_error_body (&reply, 503, NULL);
      g_assert_cmpstr (soup_message_headers_get_one (reply.headers, "Retry-After"), ==, "7");
    }

  {
    g_auto(Reply) reply = { 0, };

    api (f, "GET", "/api/v1/act/remote-action", NULL, &reply);
    g_assert_cmpuint (reply.status, ==, 200);
    g_assert_null (soup_message_headers_get_one (reply.headers, "Retry-After"));
  }

  ra_simulator_fail_next (f->sim, 1, 429, 3);
  {
    g_auto(Reply) reply = { 0, };

    api (f, "GET", "/api/v1/act/remote-action/details?nql-id=%23clear_dns_cache", NULL, &reply);
    g_assert_cmpuint (reply.status, ==, 429);
    g_assert_cmpstr (soup_message_headers_get_one (reply.headers, "Retry-After"), ==, "3");
  }

  /* Failing a POST never acts on it. */
  ra_simulator_fail_next (f->sim, 1, 500, 0);
  {
    g_auto(Reply) reply = { 0, };
    g_autoptr(JsonNode) rows = NULL;

    api (f, "POST", "/api/v1/act/execute",
         "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"]}", &reply);
    assert_error_body (&reply, 500, NULL);
    rows = nql (f, "{\"queryId\":\"#remote_action_executions\"}", 200);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (rows), "rows"), ==, 0);
  }

  ra_simulator_set_faults_include_token (f->sim, TRUE);
  ra_simulator_fail_next (f->sim, 1, 401, 0);
  {
    g_auto(Reply) reply = { 0, };

    send_full (f, "POST", OAUTH_PATH, BASIC_GOOD, FORM_TYPE, OAUTH_FORM, NULL, &reply);
    g_assert_cmpuint (reply.status, ==, 401);
    g_assert_true (body_is_empty (&reply));
  }
}

static void
test_fault_latency (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Reply) reply = { 0, };
  gint64 start;

  ra_simulator_set_latency (f->sim, 300);
  start = g_get_monotonic_time ();
  api (f, "GET", "/api/v1/act/remote-action", NULL, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 300 * 1000);
  g_test_message ("delayed list answered after %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
}

static void
test_fault_body (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) normal_root = NULL;
  g_autoptr(GError) error = NULL;
  gsize normal_size;

  {
    g_auto(Reply) reply = { 0, };

    api (f, "GET", "/api/v1/act/remote-action", NULL, &reply);
    normal_size = g_bytes_get_size (reply.body);
  }

  ra_simulator_set_body_fault (f->sim, RA_SIM_BODY_MALFORMED, 1);
  {
    g_auto(Reply) reply = { 0, };
    g_autoptr(JsonNode) node = NULL;

    api (f, "GET", "/api/v1/act/remote-action", NULL, &reply);
    g_assert_cmpuint (reply.status, ==, 200);
    node = json_from_string (g_bytes_get_data (reply.body, NULL), &error);
    g_assert_null (node);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  ra_simulator_set_body_fault (f->sim, RA_SIM_BODY_TRUNCATED, 1);
  {
    g_auto(Reply) reply = { 0, };
    g_autofree char *text = NULL;
    g_autoptr(JsonNode) node = NULL;

    api (f, "GET", "/api/v1/act/remote-action", NULL, &reply);
    g_assert_cmpuint (reply.status, ==, 200);
    g_assert_cmpuint (g_bytes_get_size (reply.body), <, normal_size);
    text = g_strndup (g_bytes_get_data (reply.body, NULL), g_bytes_get_size (reply.body));
    node = json_from_string (text, &error);
    g_assert_null (node);
    g_clear_error (&error);
  }

  ra_simulator_set_body_fault (f->sim, RA_SIM_BODY_WRONG_TYPE, 2);
  {
    g_auto(Reply) reply = { 0, };
    g_auto(Reply) execute = { 0, };
    g_autoptr(JsonNode) node = NULL;
    g_autoptr(JsonNode) answer = NULL;
    JsonNode *name;

    api (f, "GET", "/api/v1/act/remote-action", NULL, &reply);
    node = parse (&reply);
    name = json_object_get_member (json_array_get_object_element (json_node_get_array (node), 0), "name");
    g_assert_cmpint (json_node_get_value_type (name), ==, G_TYPE_INT64);

    api (f, "POST", "/api/v1/act/execute",
         "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"]}", &execute);
    answer = parse (&execute);
    g_assert_cmpint (json_node_get_value_type (json_object_get_member (json_node_get_object (answer), "requestId")),
                     ==, G_TYPE_INT64);
  }

  ra_simulator_set_oversized_bytes (f->sim, 1024 * 1024);
  ra_simulator_set_body_fault (f->sim, RA_SIM_BODY_OVERSIZED, 1);
  {
    g_auto(Reply) reply = { 0, };

    api (f, "GET", "/api/v1/act/remote-action/details?nql-id=%23clear_dns_cache", NULL, &reply);
    g_assert_cmpuint (reply.status, ==, 200);
    g_assert_cmpuint (g_bytes_get_size (reply.body), >=, 1024 * 1024 - 64);
  }

  /* Errors keep their bodies, and faults are used up. */
  ra_simulator_set_body_fault (f->sim, RA_SIM_BODY_MALFORMED, 1);
  {
    g_auto(Reply) missing = { 0, };
    g_auto(Reply) after = { 0, };
    JsonArray *actions;

    api (f, "GET", "/api/v1/act/remote-action/details?nql-id=%23nope", NULL, &missing);
    assert_error_body (&missing, 404, NULL);
    api (f, "GET", "/api/v1/act/remote-action", NULL, &after);
    g_assert_null (json_from_string (g_bytes_get_data (after.body, NULL), NULL));
    actions = list (f, "/api/v1/act/remote-action", &normal_root);
    g_assert_cmpuint (json_array_get_length (actions), >=, 25);
  }
}

static void
test_fault_drop (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Reply) reply = { 0, };
  g_autoptr(GPtrArray) requests = NULL;
  RaSimRequest *last;

  ra_simulator_clear_requests (f->sim);
  ra_simulator_drop_next (f->sim, 1);
  api (f, "POST", "/api/v1/act/execute",
       "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"]}", &reply);
  g_assert_nonnull (reply.error);
  g_test_message ("dropped execute: %s", reply.error->message);

  /* Whatever the client library did, the log tells how often the server
   * saw the POST, and the execution was acted on. */
  requests = ra_simulator_get_requests (f->sim);
  g_assert_cmpuint (requests->len, >=, 1);
  last = g_ptr_array_index (requests, 0);
  g_assert_cmpuint (last->status, ==, 0);
  g_test_message ("the server saw the dropped POST %u time(s)",
                  ra_simulator_count_requests (f->sim, "POST", "/api/v1/act/execute"));

  {
    g_autoptr(JsonNode) rows = nql (f, "{\"queryId\":\"#remote_action_executions\"}", 200);

    g_assert_cmpint (json_object_get_int_member (json_node_get_object (rows), "rows"), >=, 1);
  }

  {
    g_auto(Reply) after = { 0, };

    api (f, "GET", "/api/v1/act/remote-action", NULL, &after);
    g_assert_cmpuint (after.status, ==, 200);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  RA_TEST_ADD ("/simulator/fault/fail-next", test_fault_fail_next);
  RA_TEST_ADD ("/simulator/fault/latency", test_fault_latency);
  RA_TEST_ADD ("/simulator/fault/body", test_fault_body);
  RA_TEST_ADD ("/simulator/fault/drop", test_fault_drop);

  return g_test_run ();
}
