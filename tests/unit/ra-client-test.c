/* ra-client-test.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-client"

#include "config.h"

#include <string.h>

#include "ra-client-test.h"
#include "ra-http-private.h"
#include "ra-token-provider-private.h"

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->sim = ra_simulator_new ();
  g_assert_true (ra_simulator_start (fixture->sim, 0, &error));
  g_assert_no_error (error);

  fixture->endpoint = ra_endpoint_new_full ("demo", "eu", ra_simulator_get_base_url (fixture->sim),
                                            ra_simulator_get_login_base_url (fixture->sim),
                                            &error);
  g_assert_no_error (error);

  fixture->client = ra_client_new (fixture->endpoint, RA_SIM_DEFAULT_CLIENT_ID,
                                   RA_SIM_DEFAULT_CLIENT_SECRET, RA_TOKEN_ENDPOINT_AUTO);
  /* Keep retry tests short; the policy itself is under test elsewhere. */
  ra_client_set_retry_policy (fixture->client, 3, 5);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  ra_test_assert_finalize_soon (fixture->client, 1000);
  g_clear_object (&fixture->clock);
  g_clear_pointer (&fixture->snapshot, g_ptr_array_unref);
  g_object_unref (fixture->endpoint);
  ra_simulator_stop (fixture->sim);
  g_object_unref (fixture->sim);
}

void
assert_error (Fixture      *fixture,
              const GError *error,
              GQuark        domain,
              int           code)
{
  g_auto(GStrv) issued = ra_simulator_dup_issued_tokens (fixture->sim);
  g_autofree char *pair = g_strconcat (RA_SIM_DEFAULT_CLIENT_ID, ":",
                                       RA_SIM_DEFAULT_CLIENT_SECRET, NULL);
  g_autofree char *basic = g_base64_encode ((const guchar *) pair, strlen (pair));

  g_assert_error (error, domain, code);
  if (domain != RA_ERROR)
    return;

  g_assert_cmpuint (strlen (error->message), >, 10);
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_null (strstr (error->message, RA_SIM_DEFAULT_CLIENT_SECRET));
  g_assert_null (strstr (error->message, basic));
  g_assert_null (strstr (error->message, "Bearer"));
  for (guint i = 0; issued[i] != NULL; i++)
    g_assert_null (strstr (error->message, issued[i]));
}

GListModel *
list_actions (RaClient      *client,
              RaFilter       windows,
              RaFilter       macos,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  ra_client_list_actions_async (client, windows, macos, cancellable,
                                ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  return ra_client_list_actions_finish (client, result, error);
}

RaRemoteAction *
get_action (RaClient    *client,
            const char  *nql_id,
            GError     **error)
{
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  ra_client_get_action_async (client, nql_id, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  return ra_client_get_action_finish (client, result, error);
}

RaExecutionResult *
execute (RaClient            *client,
         RaExecutionRequest  *request,
         GError             **error)
{
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  ra_client_execute_async (client, request, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  return ra_client_execute_finish (client, result, error);
}

RaNqlResult *
nql_execute (RaClient    *client,
             const char  *query_id,
             GHashTable  *parameters,
             GError     **error)
{
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  ra_client_nql_execute_async (client, query_id, parameters, NULL,
                               ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  return ra_client_nql_execute_finish (client, result, error);
}

RaSimRequest *
last_request (Fixture    *fixture,
              const char *path)
{
  g_clear_pointer (&fixture->snapshot, g_ptr_array_unref);
  fixture->snapshot = ra_simulator_get_requests (fixture->sim);

  for (guint i = fixture->snapshot->len; i > 0; i--)
    {
      RaSimRequest *request = g_ptr_array_index (fixture->snapshot, i - 1);

      if (g_strcmp0 (request->path, path) == 0)
        return request;
    }

  g_assert_not_reached ();
}

char *
find_action_id (Fixture  *fixture,
                gboolean  api_enabled)
{
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;

  actions = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RaRemoteAction) action = g_list_model_get_item (actions, i);

      if (ra_remote_action_get_api_enabled (action) == api_enabled)
        return g_strdup (ra_remote_action_get_id (action));
    }

  g_assert_not_reached ();
}

RaExecutionRequest *
new_request (const char *action_id,
             guint       n_devices)
{
  RaExecutionRequest *request = ra_execution_request_new (action_id);
  g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_devices; i++)
    g_ptr_array_add (devices, g_uuid_string_random ());
  g_ptr_array_add (devices, NULL);

  ra_execution_request_set_devices (request, (const char * const *) devices->pdata);
  ra_execution_request_set_reason (request, "Unit test");
  return request;
}

static gint64
clock_wall_cb (gpointer user_data)
{
  return ra_clock_get_wall_usec (user_data);
}

RaClock *
fixture_use_manual_clock (Fixture *fixture)
{
  g_assert_null (fixture->clock);
  fixture->clock = ra_clock_new_manual (0);
  ra_client_set_clock (fixture->client, fixture->clock);
  ra_simulator_set_clock_func (fixture->sim, clock_wall_cb, g_object_ref (fixture->clock),
                               g_object_unref);

  return g_object_ref (fixture->clock);
}

/* How long until the earliest wait on clock that is not an exchange's
 * deadline comes due, or -1. */
static gint64
client_wait (RaClock *clock)
{
  gint64 due = ra_clock_get_next_due_usec (clock);
  gint64 in = due - ra_clock_get_monotonic_usec (clock);

  if (due < 0 || in >= (gint64) RA_HTTP_DEFAULT_DEADLINE_MS * 1000)
    return -1;

  return in;
}

static gboolean
client_waits (gpointer user_data)
{
  return client_wait (user_data) >= 0;
}

gint64
wait_for_client_wait (RaClock *clock)
{
  if (!ra_test_wait_until (client_waits, clock, RA_TEST_TIMEOUT_MS))
    g_error ("The client started no wait within %u ms", RA_TEST_TIMEOUT_MS);

  return client_wait (clock);
}

typedef struct
{
  RaClock       *clock;
  GAsyncResult **slot;
} Advancing;

static gboolean
result_or_wait (gpointer user_data)
{
  Advancing *advancing = user_data;

  return *advancing->slot != NULL || client_wait (advancing->clock) >= 0;
}

GAsyncResult *
wait_for_result_advancing (Fixture       *fixture,
                           GAsyncResult **slot)
{
  Advancing advancing = { fixture->clock, slot };

  g_assert_nonnull (fixture->clock);

  for (;;)
    {
      gint64 due;

      if (!ra_test_wait_until (result_or_wait, &advancing, RA_TEST_TIMEOUT_MS))
        g_error ("Neither a result nor a wait within %u ms", RA_TEST_TIMEOUT_MS);
      if (*slot != NULL)
        return g_steal_pointer (slot);

      due = client_wait (fixture->clock);
      if (due > 0)
        ra_clock_advance (fixture->clock, (due + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
      /* Due now: let it fire. */
      g_main_context_iteration (NULL, FALSE);
    }
}

void
assert_no_more_requests (Fixture    *fixture,
                         const char *method,
                         const char *path,
                         guint       n)
{
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (fixture->clock);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, method, path), ==, n);
  g_assert_cmpint (client_wait (fixture->clock), ==, -1);

  ra_clock_advance (fixture->clock, 3600);
  ra_test_settle ();
  /* Whatever the client had sent before reaches the simulator before a
   * request it sends now comes back. */
  actions = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, method, path), ==, n);
}
