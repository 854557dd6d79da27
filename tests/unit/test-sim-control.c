/* test-sim-control.c — the simulator: its own clock control
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-simulator"

#include "config.h"

#include "ra-sim-test.h"

/* The statuses of the devices of the last run, one per device. */
static GStrv
statuses (Fixture *f)
{
  g_autoptr(JsonNode) answer = nql (f, "{\"queryId\":\"#remote_action_executions\"}", 200);
  JsonArray *rows = json_object_get_array_member (json_node_get_object (answer), "data");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (rows); i++)
    g_strv_builder_add (builder, json_object_get_string_member (json_array_get_object_element (rows, i),
                                                                "remote_action.execution.status"));

  return g_strv_builder_end (builder);
}

static void
test_clock (Fixture       *f,
            gconstpointer  data)
{
  g_auto(Reply) executed = { 0, };
  g_auto(Reply) moved = { 0, };
  g_autoptr(JsonNode) answer = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = NULL;
  gint64 wall = g_get_real_time () / G_USEC_PER_SEC;

  /* A run that takes an hour for each device. */
  ra_simulator_set_execution_seconds (f->sim, 3600);
  api (f, "POST", "/api/v1/act/execute",
       "{\"remoteActionId\":\"#get_disk_usage\",\"devices\":[\"" DEVICE_A "\",\"" DEVICE_B "\"],"
       "\"expiresInMinutes\":60}",
       &executed);
  g_assert_cmpuint (executed.status, ==, 200);
  before = statuses (f);
  g_assert_cmpuint (g_strv_length (before), ==, 2);
  for (guint i = 0; before[i] != NULL; i++)
    g_assert_true (g_str_equal (before[i], "in_progress") || g_str_equal (before[i], "waiting"));

  /* A day later, as the instance sees it, every device has its final
   * status: done, or expired for one that never came online. */
  send_json (f, "POST", "/_sim/clock", NULL, "{\"advanceSeconds\":86400}", &moved);
  g_assert_cmpuint (moved.status, ==, 200);
  answer = parse (&moved);
  now = g_date_time_new_from_iso8601 (json_object_get_string_member (json_node_get_object (answer), "now"),
                                      utc);
  g_assert_nonnull (now);
  g_assert_cmpint (g_date_time_to_unix (now) - wall, >=, 86400);
  g_assert_cmpint (g_date_time_to_unix (now) - wall, <, 86400 + 60);

  /* The token issued before has expired meanwhile, as it would have. */
  g_assert_null (nql (f, "{\"queryId\":\"#remote_action_executions\"}", 401));
  g_free (f->token);
  f->token = fetch_token (f);
  after = statuses (f);
  g_assert_cmpuint (g_strv_length (after), ==, 2);
  for (guint i = 0; after[i] != NULL; i++)
    g_assert_true (g_str_equal (after[i], "success") || g_str_equal (after[i], "failure") ||
                   g_str_equal (after[i], "expired"));

  /* The same from the program's side. */
  ra_simulator_advance_clock (f->sim, 60);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  static const char * const bodies[] = {
    "", "[]", "{}", "{\"advanceSeconds\":-5}", "{\"advanceSeconds\":\"10\"}",
    "{\"advanceSeconds\":1.5}", "{\"advanceSeconds\":100000000}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_auto(Reply) reply = { 0, };

      send_json (f, "POST", "/_sim/clock", NULL, bodies[i], &reply);
      g_assert_cmpuint (reply.status, ==, 400);
    }

  {
    g_auto(Reply) reply = { 0, };

    send_json (f, "GET", "/_sim/clock", NULL, NULL, &reply);
    g_assert_cmpuint (reply.status, ==, 405);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  RA_TEST_ADD ("/simulator/control/clock", test_clock);
  RA_TEST_ADD ("/simulator/control/refused", test_refused);

  return g_test_run ();
}
