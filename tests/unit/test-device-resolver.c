/* test-device-resolver.c — device names to collector IDs, against the
 * simulator over loopback HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-device-resolver"

#include "config.h"

#include <string.h>

#include "ra-client-test.h"
#include "ra-device-resolver-private.h"

#define LOOKUP_QUERY "#device_lookup"
#define PC_042       "1b2c6d0e-8f3a-4c5b-9d7e-2a4f6b8c0d12"
#define TRAINING_1   "07c43442-6f02-4e48-9cbe-ca6f4016fe09"
#define TRAINING_2   "aafb85db-f64b-4e37-a2b9-866d7e44521a"

/* Resolves names and waits for the end; the error, if any, in *error. */
static gboolean
resolve (RaDeviceResolver    *resolver,
         const char * const  *names,
         GError             **error)
{
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  ra_device_resolver_resolve_async (resolver, names, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS * 3);

  return ra_device_resolver_resolve_finish (resolver, result, error);
}

static RaDeviceName *
item (RaDeviceResolver *resolver,
      guint             i)
{
  RaDeviceName *name = g_list_model_get_item (ra_device_resolver_get_names (resolver), i);

  /* The model holds it. */
  g_object_unref (name);
  return name;
}

static guint
n_items (RaDeviceResolver *resolver)
{
  return g_list_model_get_n_items (ra_device_resolver_get_names (resolver));
}

static void
test_results (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RaDeviceResolver) resolver = ra_device_resolver_new (fixture->client, LOOKUP_QUERY);
  const char *names[] = { "PC-042", " pc-042 ", "PC-999", "laptop-training", "DESKTOP-*", "",
                          "MBP-CEO", NULL };
  g_autoptr(GError) error = NULL;
  RaDeviceName *several;
  const char *candidate_name = NULL;

  g_assert_true (resolve (resolver, names, &error));
  g_assert_no_error (error);

  /* One item per name, whatever its case; blanks left out. */
  g_assert_cmpuint (n_items (resolver), ==, 5);
  g_assert_cmpuint (ra_device_resolver_get_n_done (resolver), ==, 5);
  g_assert_false (ra_device_resolver_get_busy (resolver));

  g_assert_cmpstr (ra_device_name_get_name (item (resolver, 0)), ==, "PC-042");
  g_assert_cmpint (ra_device_name_get_status (item (resolver, 0)), ==, RA_DEVICE_NAME_RESOLVED);
  g_assert_cmpstr (ra_device_name_get_uid (item (resolver, 0)), ==, PC_042);

  g_assert_cmpstr (ra_device_name_get_name (item (resolver, 1)), ==, "PC-999");
  g_assert_cmpint (ra_device_name_get_status (item (resolver, 1)), ==, RA_DEVICE_NAME_NO_MATCH);
  g_assert_null (ra_device_name_get_uid (item (resolver, 1)));

  /* Never a guess: both devices, and no ID until one is picked. */
  several = item (resolver, 2);
  g_assert_cmpint (ra_device_name_get_status (several), ==, RA_DEVICE_NAME_SEVERAL);
  g_assert_null (ra_device_name_get_uid (several));
  g_assert_cmpuint (ra_device_name_get_n_candidates (several), ==, 2);
  g_assert_cmpstr (ra_device_name_get_candidate (several, 0, &candidate_name), ==, TRAINING_1);
  g_assert_cmpstr (candidate_name, ==, "LAPTOP-TRAINING");
  g_assert_cmpstr (ra_device_name_get_candidate (several, 1, NULL), ==, TRAINING_2);
  g_assert_false (ra_device_name_pick (several, PC_042));
  g_assert_cmpint (ra_device_name_get_status (several), ==, RA_DEVICE_NAME_SEVERAL);
  g_assert_true (ra_device_name_pick (several, TRAINING_2));
  g_assert_cmpint (ra_device_name_get_status (several), ==, RA_DEVICE_NAME_RESOLVED);
  g_assert_cmpstr (ra_device_name_get_uid (several), ==, TRAINING_2);
  g_assert_true (ra_device_name_get_picked (several));
  g_assert_cmpuint (ra_device_name_get_n_candidates (several), ==, 2);

  /* A wildcard would match other devices: not looked up at all. */
  g_assert_cmpint (ra_device_name_get_status (item (resolver, 3)), ==, RA_DEVICE_NAME_ERROR);
  g_assert_nonnull (strstr (ra_device_name_get_error (item (resolver, 3)), "*"));

  g_assert_cmpint (ra_device_name_get_status (item (resolver, 4)), ==, RA_DEVICE_NAME_RESOLVED);

  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", NQL_PATH), ==, 4);
  {
    /* Lookups run side by side: the log has them in the order they
     * arrived, which need not be the names'. */
    g_autoptr(GPtrArray) requests = ra_simulator_get_requests (fixture->sim);
    const RaSimRequest *request = NULL;

    for (guint i = 0; i < requests->len && request == NULL; i++)
      {
        const RaSimRequest *candidate = g_ptr_array_index (requests, i);

        if (g_str_equal (candidate->path, NQL_PATH) &&
            strstr (candidate->body, "\"device_name\":\"MBP-CEO\"") != NULL)
          request = candidate;
      }

    g_assert_nonnull (request);
    g_assert_nonnull (strstr (request->body, "\"queryId\":\"#device_lookup\""));
  }
}

/* Waits for the resolution like wait_for_result_advancing (), moving the
 * clock to the end of each wait the client or the resolver starts. */
static gboolean
resolve_advancing (Fixture             *fixture,
                   RaDeviceResolver    *resolver,
                   const char * const  *names,
                   GError             **error)
{
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  ra_device_resolver_resolve_async (resolver, names, NULL, ra_test_store_result_cb, &slot);
  result = wait_for_result_advancing (fixture, &slot);

  return ra_device_resolver_resolve_finish (resolver, result, error);
}

static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(RaDeviceResolver) resolver = ra_device_resolver_new (fixture->client, LOOKUP_QUERY);
  const char *names[] = { "PC-042", NULL };
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = ra_clock_get_monotonic_usec (clock);
  guint seen = 0;

  ra_device_resolver_set_clock (resolver, clock);
  ra_simulator_fail_next (fixture->sim, 1, 429, 3);

  g_assert_true (resolve_advancing (fixture, resolver, names, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ra_device_name_get_status (item (resolver, 0)), ==, RA_DEVICE_NAME_RESOLVED);

  /* Sent again, after the wait the server asked for. */
  g_assert_cmpint (ra_clock_get_monotonic_usec (clock) - before, >=, 3 * G_USEC_PER_SEC);
  log = ra_simulator_get_requests (fixture->sim);
  for (guint i = 0; i < log->len; i++)
    {
      RaSimRequest *request = g_ptr_array_index (log, i);

      if (g_strcmp0 (request->path, NQL_PATH) != 0)
        continue;
      g_assert_cmpuint (request->status, ==, seen == 0 ? 429 : 200);
      seen++;
    }
  g_assert_cmpuint (seen, ==, 2);
}

/* When the client gives up on a 429, no lookup starts for a while. */
static void
test_rate_limited_pause (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(RaDeviceResolver) resolver = ra_device_resolver_new (fixture->client, LOOKUP_QUERY);
  const char *names[] = { "PC-042", "MBP-CEO", "PC-999", "MBP-QA-06", "LAPTOP-ENG-117", NULL };
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint sent;

  ra_client_set_retry_policy (fixture->client, 0, 5);
  ra_device_resolver_set_clock (resolver, clock);
  ra_device_resolver_set_concurrency (resolver, 1);
  ra_simulator_fail_next (fixture->sim, 1, 429, 1);

  ra_device_resolver_resolve_async (resolver, names, NULL, ra_test_store_result_cb, &slot);
  g_assert_cmpint (wait_for_client_wait (clock), ==,
                   (gint64) RA_DEVICE_RESOLVER_PAUSE_SECONDS * G_USEC_PER_SEC);
  sent = ra_simulator_count_requests (fixture->sim, "POST", NQL_PATH);
  g_assert_cmpuint (sent, ==, 1);

  /* Nothing goes out during the pause. */
  ra_clock_advance (fixture->clock, RA_DEVICE_RESOLVER_PAUSE_SECONDS - 1);
  ra_test_spin (100);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", NQL_PATH), ==, sent);
  g_assert_null (slot);

  result = wait_for_result_advancing (fixture, &slot);
  g_assert_true (ra_device_resolver_resolve_finish (resolver, result, &error));
  g_assert_no_error (error);
  /* The throttled name was tried again, and every name resolved. */
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", NQL_PATH), ==, 6);
  g_assert_cmpint (ra_device_name_get_status (item (resolver, 0)), ==, RA_DEVICE_NAME_RESOLVED);
  g_assert_cmpint (ra_device_name_get_status (item (resolver, 2)), ==, RA_DEVICE_NAME_NO_MATCH);
}

/* A Retry-After longer than the client waits by itself is honoured all
 * the same: nothing goes out before it has passed. */
static void
test_rate_limited_long_wait (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(RaDeviceResolver) resolver = ra_device_resolver_new (fixture->client, LOOKUP_QUERY);
  const char *names[] = { "PC-042", "MBP-CEO", NULL };
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ra_device_resolver_set_clock (resolver, clock);
  ra_device_resolver_set_concurrency (resolver, 1);
  ra_simulator_fail_next (fixture->sim, 1, 429, 75);

  ra_device_resolver_resolve_async (resolver, names, NULL, ra_test_store_result_cb, &slot);
  /* The fixture's client waits 5 s at most by itself. */
  g_assert_cmpint (wait_for_client_wait (clock), ==, (gint64) 75 * G_USEC_PER_SEC);
  ra_clock_advance (fixture->clock, 74);
  ra_test_spin (100);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", NQL_PATH), ==, 1);

  result = wait_for_result_advancing (fixture, &slot);
  g_assert_true (ra_device_resolver_resolve_finish (resolver, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ra_device_name_get_status (item (resolver, 0)), ==, RA_DEVICE_NAME_RESOLVED);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", NQL_PATH), ==, 3);
}

/* A 429 that does not pass ends as an error for that name alone. */
static void
test_rate_limited_gives_up (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(RaDeviceResolver) resolver = ra_device_resolver_new (fixture->client, LOOKUP_QUERY);
  const char *names[] = { "PC-042", "MBP-CEO", NULL };
  g_autoptr(GError) error = NULL;

  ra_client_set_retry_policy (fixture->client, 0, 5);
  ra_device_resolver_set_clock (resolver, clock);
  ra_device_resolver_set_concurrency (resolver, 1);
  ra_simulator_fail_next (fixture->sim, 3, 429, 1);

  g_assert_true (resolve_advancing (fixture, resolver, names, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ra_device_name_get_status (item (resolver, 0)), ==, RA_DEVICE_NAME_ERROR);
  {
    /* The client's words, which say how long to wait. */
    GError given = { RA_ERROR, RA_ERROR_RATE_LIMITED,
                     (char *) ra_device_name_get_error (item (resolver, 0)) };

    assert_error (fixture, &given, RA_ERROR, RA_ERROR_RATE_LIMITED);
  }
  g_assert_cmpint (ra_device_name_get_status (item (resolver, 1)), ==, RA_DEVICE_NAME_RESOLVED);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", NQL_PATH), ==, 4);
}

static char **
numbered_names (guint n)
{
  char **names = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    names[i] = g_strdup_printf ("PC-%04u", i);

  return names;
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RaDeviceResolver) resolver = ra_device_resolver_new (fixture->client, LOOKUP_QUERY);
  g_auto(GStrv) names = numbered_names (40);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint done;
  guint sent;

  ra_simulator_set_latency (fixture->sim, 100);
  ra_device_resolver_resolve_async (resolver, (const char * const *) names, cancellable,
                                    ra_test_store_result_cb, &slot);
  RA_TEST_WAIT_UNTIL (ra_device_resolver_get_n_done (resolver) >= 4);
  done = ra_device_resolver_get_n_done (resolver);
  g_cancellable_cancel (cancellable);

  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  g_assert_false (ra_device_resolver_resolve_finish (resolver, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (ra_device_resolver_get_busy (resolver));

  /* What was on its way still reaches the simulator, which logs it once
   * its latency has passed (later still on a loaded machine); nothing
   * more goes out. Had the resolver gone on, this wait would see dozens
   * more lookups of the forty. What had not been looked up says so. */
  ra_test_spin (1500);
  sent = ra_simulator_count_requests (fixture->sim, "POST", NQL_PATH);
  g_assert_cmpuint (sent, <=, done + RA_DEVICE_RESOLVER_DEFAULT_CONCURRENCY);
  g_assert_cmpint (ra_device_name_get_status (item (resolver, 39)), ==, RA_DEVICE_NAME_PENDING);

  /* The resolver can go at once: nothing of it is left behind. */
  g_clear_object (&result);
  ra_test_assert_finalize (g_steal_pointer (&resolver));
}

static void
test_maximum (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RaDeviceResolver) resolver = ra_device_resolver_new (fixture->client, LOOKUP_QUERY);
  g_auto(GStrv) too_many = numbered_names (RA_DEVICE_RESOLVER_MAX_NAMES + 1);
  g_auto(GStrv) most = numbered_names (RA_DEVICE_RESOLVER_MAX_NAMES);
  g_autoptr(GStrvBuilder) repeated = g_strv_builder_new ();
  g_auto(GStrv) with_repeats = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (resolve (resolver, (const char * const *) too_many, &error));
  assert_error (fixture, error, RA_ERROR, RA_ERROR_INVALID_INPUT);
  /* It says what to do instead. */
  g_assert_nonnull (strstr (error->message, "500"));
  g_assert_nonnull (strstr (error->message, "CSV"));
  g_assert_nonnull (strstr (error->message, "import"));
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, NULL, NQL_PATH), ==, 0);
  g_assert_cmpuint (n_items (resolver), ==, 0);
  g_clear_error (&error);

  /* Repeats do not count. */
  g_strv_builder_addv (repeated, (const char **) most);
  g_strv_builder_add (repeated, "pc-0000");
  g_strv_builder_add (repeated, "PC-0499 ");
  with_repeats = g_strv_builder_end (repeated);
  g_assert_true (resolve (resolver, (const char * const *) with_repeats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (resolver), ==, RA_DEVICE_RESOLVER_MAX_NAMES);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, NULL, NQL_PATH), ==,
                    RA_DEVICE_RESOLVER_MAX_NAMES);
}

static void
test_concurrency (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RaDeviceResolver) resolver = ra_device_resolver_new (fixture->client, LOOKUP_QUERY);
  g_auto(GStrv) names = numbered_names (12);
  g_autoptr(GError) error = NULL;
  guint bounds[] = { RA_DEVICE_RESOLVER_DEFAULT_CONCURRENCY, 1 };

  g_assert_cmpuint (ra_device_resolver_get_concurrency (resolver), ==, 4);

  /* Held back, every request is still in flight when the next goes out,
   * as far as the bound lets it, even on a busy machine. */
  ra_simulator_set_latency (fixture->sim, 300);

  for (guint b = 0; b < G_N_ELEMENTS (bounds); b++)
    {
      ra_simulator_clear_requests (fixture->sim);
      ra_device_resolver_set_concurrency (resolver, bounds[b]);

      g_assert_true (resolve (resolver, (const char * const *) names, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", NQL_PATH), ==, 12);
      g_assert_cmpuint (ra_simulator_get_max_in_flight (fixture->sim), ==, bounds[b]);
      g_assert_cmpuint (ra_device_resolver_get_max_in_flight (resolver), ==, bounds[b]);
    }
}

static void
test_query_problems (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RaDeviceResolver) missing = ra_device_resolver_new (fixture->client, "#no_such_query");
  g_autoptr(RaDeviceResolver) no_ids = ra_device_resolver_new (fixture->client, "#names_only");
  g_autoptr(RaDeviceResolver) flaky = ra_device_resolver_new (fixture->client, LOOKUP_QUERY);
  g_autoptr(JsonNode) rows = json_from_string ("[{\"device.name\":\"PC-042\"}]", NULL);
  g_auto(GStrv) names = numbered_names (12);
  const char *two[] = { "PC-042", "MBP-CEO", NULL };
  g_autoptr(GError) error = NULL;

  /* A query that cannot work stops the whole resolution, at once. */
  ra_device_resolver_set_concurrency (missing, 1);
  g_assert_false (resolve (missing, (const char * const *) names, &error));
  assert_error (fixture, error, RA_ERROR, RA_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "#no_such_query"));
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, NULL, NQL_PATH), ==, 1);
  g_clear_error (&error);

  ra_simulator_add_nql_query (fixture->sim, "#names_only", rows);
  g_assert_false (resolve (no_ids, two, &error));
  assert_error (fixture, error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE);
  g_assert_nonnull (strstr (error->message, "device.collector.uid"));
  g_clear_error (&error);

  /* A server error is one name's. */
  ra_device_resolver_set_concurrency (flaky, 1);
  ra_simulator_fail_next (fixture->sim, 1, 500, 0);
  g_assert_true (resolve (flaky, two, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ra_device_name_get_status (item (flaky, 0)), ==, RA_DEVICE_NAME_ERROR);
  g_assert_nonnull (ra_device_name_get_error (item (flaky, 0)));
  g_assert_cmpint (ra_device_name_get_status (item (flaky, 1)), ==, RA_DEVICE_NAME_RESOLVED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  RA_TEST_ADD ("/device-resolver/results", test_results);
  RA_TEST_ADD ("/device-resolver/rate-limited", test_rate_limited);
  RA_TEST_ADD ("/device-resolver/rate-limited/pause", test_rate_limited_pause);
  RA_TEST_ADD ("/device-resolver/rate-limited/gives-up", test_rate_limited_gives_up);
  RA_TEST_ADD ("/device-resolver/rate-limited/long-wait", test_rate_limited_long_wait);
  RA_TEST_ADD ("/device-resolver/cancel", test_cancel);
  RA_TEST_ADD ("/device-resolver/maximum", test_maximum);
  RA_TEST_ADD ("/device-resolver/concurrency", test_concurrency);
  RA_TEST_ADD ("/device-resolver/query-problems", test_query_problems);

  return g_test_run ();
}
