/* test-client.c — RaClient against the simulator: calls, tokens, retries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-client"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "ra-http-private.h"
#include "ra-token-provider-private.h"

#include "ra-client-test.h"

/* Endpoints */

static void
test_list (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;
  RaSimRequest *request;

  actions = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (G_IS_LIST_MODEL (actions));
  g_assert_cmpuint (g_list_model_get_n_items (actions), >=, 25);
  g_assert_true (g_list_model_get_item_type (actions) == RA_TYPE_REMOTE_ACTION);

  request = last_request (fixture, LIST_PATH);
  g_assert_cmpstr (request->method, ==, "GET");
  g_assert_true (request->query == NULL || *request->query == '\0');
  g_assert_cmpstr (g_hash_table_lookup (request->headers, "accept"), ==, "application/json");
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (request->headers, "user-agent"),
                                   "RemoteActions/"));
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (request->headers, "authorization"),
                                   "Bearer "));
  g_assert_cmpuint (request->status, ==, 200);
  /* One token for the call, one list request. */
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", TOKEN_PATH), ==, 1);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", LIST_PATH), ==, 1);
}

static void
test_list_filters (Fixture       *fixture,
                   gconstpointer  user_data)
{
  struct {
    RaFilter    windows;
    RaFilter    macos;
    const char *query;
  } cases[] = {
    { RA_FILTER_YES, RA_FILTER_NO, "hasScriptWindows=true&hasScriptMacOs=false" },
    { RA_FILTER_NO, RA_FILTER_YES, "hasScriptWindows=false&hasScriptMacOs=true" },
    { RA_FILTER_YES, RA_FILTER_ANY, "hasScriptWindows=true" },
    { RA_FILTER_ANY, RA_FILTER_YES, "hasScriptMacOs=true" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GListModel) actions = NULL;
      g_autoptr(GError) error = NULL;
      RaSimRequest *request;

      actions = list_actions (fixture->client, cases[i].windows, cases[i].macos, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (actions), >, 0);

      request = last_request (fixture, LIST_PATH);
      g_assert_cmpstr (request->query, ==, cases[i].query);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(RaRemoteAction) action = g_list_model_get_item (actions, j);

          if (cases[i].windows != RA_FILTER_ANY)
            g_assert_cmpint (ra_remote_action_get_has_script_windows (action), ==,
                             cases[i].windows == RA_FILTER_YES);
          if (cases[i].macos != RA_FILTER_ANY)
            g_assert_cmpint (ra_remote_action_get_has_script_macos (action), ==,
                             cases[i].macos == RA_FILTER_YES);
        }
    }
}

static void
test_details (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *id = find_action_id (fixture, TRUE);
  g_autoptr(RaRemoteAction) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_query = NULL;
  g_autofree char *escaped = NULL;
  RaSimRequest *request;

  g_assert_true (id[0] == '#');

  action = get_action (fixture->client, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ra_remote_action_get_id (action), ==, id);

  escaped = g_uri_escape_string (id, NULL, FALSE);
  expected_query = g_strconcat ("nql-id=", escaped, NULL);
  request = last_request (fixture, DETAILS_PATH);
  g_assert_cmpstr (request->method, ==, "GET");
  g_assert_cmpstr (request->query, ==, expected_query);
  g_assert_true (g_str_has_prefix (request->query, "nql-id=%23"));
}

static void
test_details_not_found (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(RaRemoteAction) action = NULL;
  g_autoptr(GError) error = NULL;
  RaSimRequest *request;

  action = get_action (fixture->client, "#ExampleRA", &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_NOT_FOUND);
  g_assert_null (action);

  request = last_request (fixture, DETAILS_PATH);
  g_assert_cmpstr (request->query, ==, "nql-id=%23ExampleRA");
  g_assert_cmpuint (request->status, ==, 404);
  /* 404 is an answer, not a hiccup: not retried. */
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", DETAILS_PATH), ==, 1);
}

static void
test_details_escaping (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(RaRemoteAction) action = NULL;
  g_autoptr(GError) error = NULL;
  RaSimRequest *request;

  action = get_action (fixture->client, "#a b&c=d?e/f", &error);
  g_assert_error (error, RA_ERROR, RA_ERROR_NOT_FOUND);

  request = last_request (fixture, DETAILS_PATH);
  g_assert_cmpstr (request->query, ==, "nql-id=%23a%20b%26c%3Dd%3Fe%2Ff");
}

static void
test_execute (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *id = find_action_id (fixture, TRUE);
  g_autoptr(RaExecutionRequest) request = new_request (id, 3);
  g_autoptr(RaExecutionResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *object;
  RaSimRequest *logged;

  ra_execution_request_set_expires_in_minutes (request, 120);
  result = execute (fixture->client, request, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpstr (ra_execution_result_get_request_id (result), !=, "");

  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", EXECUTE_PATH), ==, 1);
  logged = last_request (fixture, EXECUTE_PATH);
  g_assert_cmpuint (logged->status, ==, 200);
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (logged->headers, "content-type"),
                                   "application/json"));
  body = json_from_string (logged->body, &error);
  g_assert_no_error (error);
  object = json_node_get_object (body);
  g_assert_cmpstr (json_object_get_string_member (object, "remoteActionId"), ==, id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "devices")),
                    ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "expiresInMinutes"), ==, 120);
}

static void
test_execute_validation (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(RaExecutionRequest) no_devices = new_request ("#some_action", 0);
  g_autoptr(RaExecutionRequest) too_short = new_request ("#some_action", 1);
  g_autoptr(RaExecutionResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = execute (fixture->client, no_devices, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_INVALID_INPUT);
  g_assert_null (result);
  g_clear_error (&error);

  ra_execution_request_set_expires_in_minutes (too_short, 5);
  result = execute (fixture->client, too_short, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_INVALID_INPUT);

  /* Refused locally: not even a token was asked for. */
  ra_test_spin (50);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", EXECUTE_PATH), ==, 0);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", TOKEN_PATH), ==, 0);
}

static void
test_execute_forbidden (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *id = find_action_id (fixture, FALSE);
  g_autoptr(RaExecutionRequest) request = new_request (id, 1);
  g_autoptr(RaExecutionResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = execute (fixture->client, request, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_FORBIDDEN);
  g_assert_null (result);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", EXECUTE_PATH), ==, 1);
}

static void
test_nql (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(RaNqlResult) result = NULL;
  g_autoptr(GHashTable) parameters = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *object;
  RaSimRequest *logged;

  data = json_from_string ("[{\"device.name\": \"alpha\", \"count\": 3},"
                           " {\"device.name\": \"beta\", \"count\": 5}]", &error);
  g_assert_no_error (error);
  ra_simulator_add_nql_query (fixture->sim, "#executions_by_request", data);

  parameters = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (parameters, (char *) "request_id", (char *) "abc \"quoted\"");

  result = nql_execute (fixture->client, "#executions_by_request", parameters, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, 2);
  g_assert_cmpstr (ra_nql_result_get_value (result, 1, "device.name"), ==, "beta");

  logged = last_request (fixture, NQL_PATH);
  g_assert_cmpstr (logged->method, ==, "POST");
  body = json_from_string (logged->body, &error);
  g_assert_no_error (error);
  object = json_node_get_object (body);
  g_assert_cmpstr (json_object_get_string_member (object, "queryId"), ==,
                   "#executions_by_request");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object,
                                                                                "parameters"),
                                                  "request_id"), ==, "abc \"quoted\"");
}

static void
test_nql_invalid_query_id (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(RaNqlResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = nql_execute (fixture->client, "no hash", NULL, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_INVALID_INPUT);
  g_assert_null (result);
  ra_test_spin (50);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", NQL_PATH), ==, 0);
}

static void
test_large_catalogue (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  ra_simulator_set_generated_actions (fixture->sim, 10000);

  start = g_get_monotonic_time ();
  actions = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 10000);
  g_test_message ("10,000 actions fetched and parsed in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
}

/* Tokens across calls */

static void
test_token_refresh (Fixture       *fixture,
                    gconstpointer  user_data)
{
  RaTokenProvider *provider = ra_client_get_token_provider (fixture->client);
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(GListModel) first = NULL;
  g_autoptr(GListModel) second = NULL;
  g_autoptr(GError) error = NULL;

  ra_simulator_set_token_lifetime (fixture->sim, 2);

  first = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ra_token_provider_has_fresh_token (provider));

  /* A 2 s token counts as fresh for half of it. */
  ra_clock_advance (clock, 1);
  g_assert_false (ra_token_provider_has_fresh_token (provider));

  /* Refreshed ahead of time: no 401 round trip. */
  second = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", TOKEN_PATH), ==, 2);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", LIST_PATH), ==, 2);
}

static void
test_sign_out (Fixture       *fixture,
               gconstpointer  user_data)
{
  RaTokenProvider *provider = ra_client_get_token_provider (fixture->client);
  g_autoptr(GListModel) first = NULL;
  g_autoptr(GListModel) second = NULL;
  g_autoptr(GError) error = NULL;

  first = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ra_token_provider_has_fresh_token (provider));

  /* Signing out forgets the token at once, long before it would expire. */
  ra_client_sign_out (fixture->client);
  g_assert_false (ra_token_provider_has_fresh_token (provider));

  second = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", TOKEN_PATH), ==, 2);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", LIST_PATH), ==, 2);
}

static void
test_unauthorized_mid_session (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *id = find_action_id (fixture, TRUE);
  g_autoptr(RaExecutionRequest) request = new_request (id, 1);
  g_autoptr(RaExecutionResult) result = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;

  /* A GET: one refresh, one resend. */
  ra_simulator_expire_tokens (fixture->sim);
  ra_simulator_clear_requests (fixture->sim);
  actions = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", LIST_PATH), ==, 2);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", TOKEN_PATH), ==, 1);

  /* Execute too: a 401 means it did not run, so it may be sent again. */
  ra_simulator_expire_tokens (fixture->sim);
  ra_simulator_clear_requests (fixture->sim);
  result = execute (fixture->client, request, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  requests = ra_simulator_get_requests (fixture->sim);
  g_assert_cmpuint (requests->len, ==, 3);
  g_assert_cmpstr (((RaSimRequest *) requests->pdata[0])->path, ==, EXECUTE_PATH);
  g_assert_cmpuint (((RaSimRequest *) requests->pdata[0])->status, ==, 401);
  g_assert_cmpstr (((RaSimRequest *) requests->pdata[1])->path, ==, TOKEN_PATH);
  g_assert_cmpstr (((RaSimRequest *) requests->pdata[2])->path, ==, EXECUTE_PATH);
  g_assert_cmpuint (((RaSimRequest *) requests->pdata[2])->status, ==, 200);
}

static void
test_unauthorized_twice (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *id = find_action_id (fixture, TRUE);
  g_autoptr(RaExecutionRequest) request = new_request (id, 1);
  g_autoptr(RaExecutionResult) result = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;

  ra_simulator_clear_requests (fixture->sim);
  ra_simulator_fail_next (fixture->sim, 5, 401, 0);
  actions = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", LIST_PATH), ==, 2);
  g_clear_error (&error);

  result = execute (fixture->client, request, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", EXECUTE_PATH), ==, 2);
}


/* Retries */

static void
test_get_retry_after (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const guint statuses[] = { 429, 503 };
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GListModel) actions = NULL;
      g_autoptr(GAsyncResult) slot = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      ra_simulator_clear_requests (fixture->sim);
      ra_simulator_fail_next (fixture->sim, 1, statuses[i], 1);
      ra_client_list_actions_async (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL,
                                    ra_test_store_result_cb, &slot);

      /* Retry-After is honoured: the client waits one second of its
       * clock, and sends nothing until that has passed. */
      g_assert_cmpint (wait_for_client_wait (clock), ==, G_USEC_PER_SEC);
      ra_test_settle ();
      g_assert_null (slot);
      g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", LIST_PATH), ==, 1);

      ra_clock_advance (clock, 1);
      result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
      actions = ra_client_list_actions_finish (fixture->client, result, &error);
      g_assert_no_error (error);
      g_assert_nonnull (actions);
      g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", LIST_PATH), ==, 2);
    }
}

static void
test_get_retry_bounded (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  ra_client_set_retry_policy (fixture->client, 2, 5);
  ra_simulator_fail_next (fixture->sim, 10, 503, 1);
  ra_client_list_actions_async (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL,
                                ra_test_store_result_cb, &slot);
  result = wait_for_result_advancing (fixture, &slot);
  actions = ra_client_list_actions_finish (fixture->client, result, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_SERVER);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", LIST_PATH), ==, 3);
  g_clear_error (&error);
  g_clear_object (&actions);

  /* Asked to wait longer than we would: give up at once and say how long. */
  ra_simulator_clear_requests (fixture->sim);
  ra_simulator_fail_next (fixture->sim, 1, 429, 120);
  start = g_get_monotonic_time ();
  actions = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "120"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", LIST_PATH), ==, 1);
}

static void
test_nql_retry (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(JsonNode) data = json_from_string ("[]", NULL);
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(RaNqlResult) result = NULL;
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(GError) error = NULL;

  ra_simulator_add_nql_query (fixture->sim, "#empty_query", data);
  ra_simulator_fail_next (fixture->sim, 1, 429, 1);
  ra_client_nql_execute_async (fixture->client, "#empty_query", NULL, NULL,
                               ra_test_store_result_cb, &slot);
  done = wait_for_result_advancing (fixture, &slot);
  result = ra_client_nql_execute_finish (fixture->client, done, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, 0);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", NQL_PATH), ==, 2);
}

/* Execute is never sent twice once it may have reached the server. */

static void
test_execute_no_resend (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autofree char *id = find_action_id (fixture, TRUE);
  struct {
    const char *what;
    guint       status;   /* 0: drop the connection */
    int         code;
  } cases[] = {
    { "dropped", 0, RA_ERROR_NETWORK },
    { "500", 500, RA_ERROR_SERVER },
    { "502", 502, RA_ERROR_SERVER },
    { "503", 503, RA_ERROR_SERVER },
    { "429", 429, RA_ERROR_RATE_LIMITED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RaExecutionRequest) request = new_request (id, 2);
      g_autoptr(RaExecutionResult) result = NULL;
      g_autoptr(GError) error = NULL;

      ra_simulator_clear_requests (fixture->sim);
      if (cases[i].status == 0)
        ra_simulator_drop_next (fixture->sim, 1);
      else
        ra_simulator_fail_next (fixture->sim, 1, cases[i].status, 1);

      result = execute (fixture->client, request, &error);
      assert_error (fixture, error, RA_ERROR, cases[i].code);
      g_assert_null (result);
      g_test_message ("execute %s → %s", cases[i].what, error->message);

      /* Not even once the Retry-After has long passed. */
      assert_no_more_requests (fixture, "POST", EXECUTE_PATH, 1);
    }
}

/* Cancellation */

static void
test_cancel_in_flight (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;

  /* Get the token first so the cancel hits the list request. */
  actions = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&actions);

  ra_simulator_set_latency (fixture->sim, 3000);
  ra_client_list_actions_async (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, cancellable,
                                ra_test_store_result_cb, &slot);
  ra_test_spin (100);
  g_cancellable_cancel (cancellable);

  result = ra_test_wait_for_result (&slot, 1000);
  actions = ra_client_list_actions_finish (fixture->client, result, &error);
  assert_error (fixture, error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (actions);
  ra_simulator_set_latency (fixture->sim, 0);
}

static gboolean
list_requested (gpointer user_data)
{
  Fixture *fixture = user_data;

  return ra_simulator_count_requests (fixture->sim, "GET", LIST_PATH) > 0;
}

static void
test_cancel_during_retry_wait (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;

  ra_client_set_retry_policy (fixture->client, 3, 30);
  ra_simulator_fail_next (fixture->sim, 1, 429, 20);
  ra_client_list_actions_async (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, cancellable,
                                ra_test_store_result_cb, &slot);
  g_assert_true (ra_test_wait_until (list_requested, fixture, RA_TEST_TIMEOUT_MS));
  /* Waiting out the Retry-After on its clock. */
  g_assert_cmpint (wait_for_client_wait (clock), ==, 20 * G_USEC_PER_SEC);
  g_assert_null (slot);
  g_cancellable_cancel (cancellable);

  result = ra_test_wait_for_result (&slot, 1000);
  actions = ra_client_list_actions_finish (fixture->client, result, &error);
  assert_error (fixture, error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", LIST_PATH), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  RA_TEST_ADD ("/client/list", test_list);
  RA_TEST_ADD ("/client/list-filters", test_list_filters);
  RA_TEST_ADD ("/client/details", test_details);
  RA_TEST_ADD ("/client/details-not-found", test_details_not_found);
  RA_TEST_ADD ("/client/details-escaping", test_details_escaping);
  RA_TEST_ADD ("/client/execute", test_execute);
  RA_TEST_ADD ("/client/execute-validation", test_execute_validation);
  RA_TEST_ADD ("/client/execute-forbidden", test_execute_forbidden);
  RA_TEST_ADD ("/client/nql", test_nql);
  RA_TEST_ADD ("/client/nql-invalid-query-id", test_nql_invalid_query_id);
  RA_TEST_ADD ("/client/large-catalogue", test_large_catalogue);
  RA_TEST_ADD ("/client/token-refresh", test_token_refresh);
  RA_TEST_ADD ("/client/sign-out", test_sign_out);
  RA_TEST_ADD ("/client/unauthorized-mid-session", test_unauthorized_mid_session);
  RA_TEST_ADD ("/client/unauthorized-twice", test_unauthorized_twice);
  RA_TEST_ADD ("/client/get-retry-after", test_get_retry_after);
  RA_TEST_ADD ("/client/get-retry-bounded", test_get_retry_bounded);
  RA_TEST_ADD ("/client/nql-retry", test_nql_retry);
  RA_TEST_ADD ("/client/execute-no-resend", test_execute_no_resend);
  RA_TEST_ADD ("/client/cancel-in-flight", test_cancel_in_flight);
  RA_TEST_ADD ("/client/cancel-during-retry-wait", test_cancel_during_retry_wait);

  return g_test_run ();
}
