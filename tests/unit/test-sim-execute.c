/* test-sim-execute.c — the simulator: triggering remote actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-simulator"

#include "config.h"

#include <string.h>

#include "ra-sim-test.h"

static void
test_execute_ok (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Reply) plain = { 0, };
  g_auto(Reply) full = { 0, };
  g_autoptr(JsonNode) plain_node = NULL;
  g_autoptr(JsonNode) full_node = NULL;
  g_autofree char *reason = g_strnfill (500, 'r');
  g_autofree char *body = NULL;
  JsonObject *object;

  api (f, "POST", "/api/v1/act/execute",
       "{\"remoteActionId\":\"#clear_dns_cache\",\"params\":{},\"devices\":[\"" DEVICE_A "\"]}",
       &plain);
  g_assert_cmpuint (plain.status, ==, 200);
  g_assert_true (is_json (&plain));
  plain_node = parse (&plain);
  object = json_node_get_object (plain_node);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (object, "requestId")));
  g_assert_cmpint (json_object_get_int_member (object, "expiresInMinutes"), ==, 10080);

  body = g_strdup_printf ("{\"remoteActionId\":\"#restart_windows_service\","
                          "\"params\":{\"ServiceName\":\"Spooler\",\"StartType\":\"Automatic\"},"
                          "\"devices\":[\"" DEVICE_A "\",\"" DEVICE_B "\"],"
                          "\"expiresInMinutes\":60,"
                          "\"triggerInfo\":{\"externalSource\":\"Remote Actions\","
                          "\"reason\":\"%s\",\"externalReference\":\"INC0012345\"}}", reason);
  api (f, "POST", "/api/v1/act/execute", body, &full);
  g_assert_cmpuint (full.status, ==, 200);
  full_node = parse (&full);
  object = json_node_get_object (full_node);
  g_assert_cmpint (json_object_get_int_member (object, "expiresInMinutes"), ==, 60);
  g_assert_cmpstr (json_object_get_string_member (object, "requestId"), !=,
                   json_object_get_string_member (json_node_get_object (plain_node), "requestId"));
}

static char *
many_devices (guint n)
{
  GString *s = g_string_new ("{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s\"%08x-0000-4000-8000-000000000000\"", i ? "," : "", i);
  g_string_append (s, "]}");

  return g_string_free (s, FALSE);
}

static void
test_execute_invalid (Fixture       *f,
                      gconstpointer  data)
{
  static const struct { const char *body, *code; } cases[] = {
    { "not json", "INVALID_JSON" },
    { "", "INVALID_JSON" },
    { "[]", "INVALID_REQUEST" },
    { "{\"devices\":[\"" DEVICE_A "\"]}", "MISSING_REMOTE_ACTION_ID" },
    { "{\"remoteActionId\":\"\",\"devices\":[\"" DEVICE_A "\"]}", "INVALID_REMOTE_ACTION_ID" },
    { "{\"remoteActionId\":7,\"devices\":[\"" DEVICE_A "\"]}", "INVALID_REMOTE_ACTION_ID" },
    { "{\"remoteActionId\":null,\"devices\":[\"" DEVICE_A "\"]}", "INVALID_REMOTE_ACTION_ID" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"params\":[],\"devices\":[\"" DEVICE_A "\"]}", "INVALID_PARAMS" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"params\":{\"a\":1},\"devices\":[\"" DEVICE_A "\"]}", "INVALID_PARAMS" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"params\":{\"a\":null},\"devices\":[\"" DEVICE_A "\"]}", "INVALID_PARAMS" },
    { "{\"remoteActionId\":\"#clear_dns_cache\"}", "MISSING_DEVICES" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[]}", "INVALID_DEVICES" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":\"" DEVICE_A "\"}", "INVALID_DEVICES" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[42]}", "INVALID_DEVICES" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"],\"expiresInMinutes\":59}", "INVALID_EXPIRES_IN_MINUTES" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"],\"expiresInMinutes\":10081}", "INVALID_EXPIRES_IN_MINUTES" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"],\"expiresInMinutes\":90.5}", "INVALID_EXPIRES_IN_MINUTES" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"],\"expiresInMinutes\":\"90\"}", "INVALID_EXPIRES_IN_MINUTES" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"],\"triggerInfo\":\"x\"}", "INVALID_TRIGGER_INFO" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"],\"triggerInfo\":{\"reason\":5}}", "INVALID_TRIGGER_INFO" },
    { "{\"remoteActionId\":\"#no_such_action\",\"devices\":[\"" DEVICE_A "\"]}", "REMOTE_ACTION_NOT_FOUND" },
  };
  g_autofree char *too_many = many_devices (10001);
  g_autofree char *just_enough = many_devices (10000);
  g_autofree char *long_reason = NULL;
  g_autofree char *reason = g_strnfill (501, 'r');
  g_auto(Reply) many = { 0, };
  g_auto(Reply) enough = { 0, };
  g_auto(Reply) reason_reply = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Reply) reply = { 0, };

      g_test_message ("body: %s", cases[i].body);
      api (f, "POST", "/api/v1/act/execute", cases[i].body, &reply);
      assert_error_body (&reply, 400, cases[i].code);
    }

  api (f, "POST", "/api/v1/act/execute", too_many, &many);
  assert_error_body (&many, 400, "TOO_MANY_DEVICES");

  api (f, "POST", "/api/v1/act/execute", just_enough, &enough);
  g_assert_cmpuint (enough.status, ==, 200);

  /* Characters, not bytes: 500 two-byte characters are fine, 501 are not. */
  long_reason = g_strdup_printf ("{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"],"
                                 "\"triggerInfo\":{\"reason\":\"%s\"}}", reason);
  api (f, "POST", "/api/v1/act/execute", long_reason, &reason_reply);
  assert_error_body (&reason_reply, 400, "REASON_TOO_LONG");

  {
    g_auto(Reply) accented = { 0, };
    GString *s = g_string_new ("{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"],"
                               "\"triggerInfo\":{\"reason\":\"");
    g_autofree char *body = NULL;

    for (guint i = 0; i < 500; i++)
      g_string_append (s, "é");
    g_string_append (s, "\"}}");
    body = g_string_free (s, FALSE);
    api (f, "POST", "/api/v1/act/execute", body, &accented);
    g_assert_cmpuint (accented.status, ==, 200);
  }
}

static void
test_execute_forbidden (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(Reply) reply = { 0, };
  g_auto(Reply) get = { 0, };

  api (f, "POST", "/api/v1/act/execute",
       "{\"remoteActionId\":\"#set_power_plan\",\"params\":{\"PowerPlan\":\"Balanced\"},"
       "\"devices\":[\"" DEVICE_A "\"]}", &reply);
  assert_error_body (&reply, 403, "REMOTE_ACTION_NOT_API_ENABLED");

  api (f, "GET", "/api/v1/act/execute", NULL, &get);
  g_assert_cmpuint (get.status, ==, 405);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  RA_TEST_ADD ("/simulator/execute/ok", test_execute_ok);
  RA_TEST_ADD ("/simulator/execute/invalid", test_execute_invalid);
  RA_TEST_ADD ("/simulator/execute/forbidden", test_execute_forbidden);

  return g_test_run ();
}
