/* test-nql-fetch.c — a query's whole result, through the export API when
 * execute cannot hold it, against the simulator over loopback HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-nql-fetch"

#include "config.h"

#include <string.h>

#include "ra-client-test.h"
#include "ra-http-private.h"
#include "ra-nql-fetch.h"

#define QUERY_ID      "#device_results"
#define EXPORT_PATH   "/api/v1/nql/export"
#define STATUS_PREFIX "/api/v1/nql/status/"
#define FILES_PREFIX  "/exports/"

static void
add_query (Fixture *fixture,
           guint    n_rows)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) rows = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *uid = g_strdup_printf ("00000000-0000-4000-8000-%012u", i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "device.collector.uid");
      json_builder_add_string_value (builder, uid);
      json_builder_set_member_name (builder, "remote_action.execution.status");
      json_builder_add_string_value (builder, i % 10 == 0 ? "failure" : "success");
      json_builder_set_member_name (builder, "remote_action.execution.status_details");
      json_builder_add_string_value (builder, i % 10 == 0 ? "Access is denied, \"twice\"\nthen gave up" : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  rows = json_builder_get_root (builder);
  ra_simulator_add_nql_query (fixture->sim, QUERY_ID, rows);
}

static RaNqlFetch *
new_fetch (Fixture *fixture)
{
  g_autoptr(GHashTable) parameters = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (parameters, (gpointer) "request_id", (gpointer) "r-1");
  return ra_nql_fetch_new (fixture->client, QUERY_ID, parameters);
}

/* How long until the client's earliest wait on clock (a poll's interval
 * or a Retry-After, not an exchange's deadline) comes due, or -1. */
static gint64
pending_wait (RaClock *clock)
{
  gint64 due = ra_clock_get_next_due_usec (clock);
  gint64 in = due - ra_clock_get_monotonic_usec (clock);

  if (due < 0 || in >= (gint64) RA_HTTP_DEFAULT_DEADLINE_MS * 1000)
    return -1;

  return in;
}

/* Runs fetch to its end, moving the manual clock over each wait of the
 * client's, and returns those waits (in whole seconds) in waits if given. */
static RaNqlResult *
run_fetch (Fixture       *fixture,
           RaNqlFetch    *fetch,
           GCancellable  *cancellable,
           GArray        *waits,
           GError       **error)
{
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  ra_nql_fetch_run_async (fetch, cancellable, ra_test_store_result_cb, &slot);
  for (;;)
    {
      gint64 seconds;

      RA_TEST_WAIT_UNTIL (slot != NULL || pending_wait (fixture->clock) >= 0);
      if (slot != NULL)
        break;

      seconds = (pending_wait (fixture->clock) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
      if (waits != NULL)
        g_array_append_val (waits, seconds);
      ra_clock_advance (fixture->clock, seconds);
      /* Due now: let it fire. */
      g_main_context_iteration (NULL, FALSE);
    }

  result = g_steal_pointer (&slot);
  return ra_nql_fetch_run_finish (fetch, result, error);
}

static guint
count_prefixed (Fixture    *fixture,
                const char *prefix,
                guint       status)
{
  g_autoptr(GPtrArray) requests = ra_simulator_get_requests (fixture->sim);
  guint n = 0;

  for (guint i = 0; i < requests->len; i++)
    {
      RaSimRequest *request = g_ptr_array_index (requests, i);

      if (g_str_has_prefix (request->path, prefix) && (status == 0 || request->status == status))
        n++;
    }

  return n;
}

static void
record_stage_cb (RaNqlFetch *fetch,
                 GParamSpec *pspec,
                 GString    *stages)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (RA_TYPE_NQL_FETCH_STAGE);

  g_string_append_printf (stages, "%s%s", stages->len > 0 ? " " : "",
                          g_enum_get_value (klass, ra_nql_fetch_get_stage (fetch))->value_nick);
}

static void
test_small (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(RaNqlFetch) fetch = NULL;
  g_autoptr(RaNqlResult) result = NULL;
  g_autoptr(GError) error = NULL;

  add_query (fixture, 999);
  fetch = new_fetch (fixture);
  result = run_fetch (fixture, fetch, NULL, NULL, &error);
  g_assert_no_error (error);

  /* What execute answered is the whole result: no export. */
  g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, 999);
  g_assert_false (ra_nql_result_get_exported (result));
  g_assert_false (ra_nql_result_get_may_be_incomplete (result));
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", NQL_PATH), ==, 1);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", EXPORT_PATH), ==, 0);
  g_assert_cmpint (ra_nql_fetch_get_stage (fetch), ==, RA_NQL_FETCH_STAGE_DONE);

  ra_test_assert_finalize (g_steal_pointer (&fetch));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(RaNqlFetch) fetch = NULL;
  g_autoptr(RaNqlResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) stages = g_string_new (NULL);
  g_autoptr(GPtrArray) requests = NULL;
  g_autofree char *files_host = NULL;
  RaSimRequest *export_request = NULL;
  guint n_files = 0;

  /* More devices than one execute answer holds. */
  add_query (fixture, 2500);
  fetch = new_fetch (fixture);
  g_signal_connect (fetch, "notify::stage", G_CALLBACK (record_stage_cb), stages);
  result = run_fetch (fixture, fetch, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Every row, the hard ones too, and nothing said to be missing. */
  g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, 2500);
  g_assert_true (ra_nql_result_get_exported (result));
  g_assert_false (ra_nql_result_get_may_be_incomplete (result));
  g_assert_cmpstr (ra_nql_result_get_value (result, 2499, "device.collector.uid"), ==,
                   "00000000-0000-4000-8000-000000002499");
  g_assert_cmpstr (ra_nql_result_get_value (result, 10, "remote_action.execution.status_details"),
                   ==, "Access is denied, \"twice\"\nthen gave up");
  g_assert_cmpstr (ra_nql_result_get_value (result, 11, "remote_action.execution.status"), ==,
                   "success");

  g_assert_cmpstr (stages->str, ==, "querying exporting downloading reading done");
  g_assert_cmpuint (ra_nql_fetch_get_bytes_received (fetch), >, 2500 * 40);
  g_assert_cmpuint (ra_nql_fetch_get_bytes_total (fetch), ==,
                    ra_nql_fetch_get_bytes_received (fetch));

  /* The export got the same query and parameters as execute; its status
   * was polled until it completed (the simulator's takes 3 s). */
  export_request = last_request (fixture, EXPORT_PATH);
  g_assert_cmpstr (export_request->method, ==, "POST");
  g_assert_cmpstr (export_request->body, ==,
                   "{\"queryId\":\"" QUERY_ID "\",\"parameters\":{\"request_id\":\"r-1\"}}");
  g_assert_cmpuint (count_prefixed (fixture, STATUS_PREFIX, 200), >=, 2);

  /* The results file came from the other host, and without the token. */
  files_host = g_strdup (ra_simulator_get_files_base_url (fixture->sim) + strlen ("http://"));
  requests = ra_simulator_get_requests (fixture->sim);
  for (guint i = 0; i < requests->len; i++)
    {
      RaSimRequest *request = g_ptr_array_index (requests, i);
      const char *host = g_hash_table_lookup (request->headers, "host");

      if (g_strcmp0 (host, files_host) != 0)
        {
          g_assert_false (g_str_has_prefix (request->path, FILES_PREFIX));
          continue;
        }

      n_files++;
      g_assert_true (g_str_has_prefix (request->path, FILES_PREFIX));
      g_assert_cmpuint (request->status, ==, 200);
      g_assert_null (g_hash_table_lookup (request->headers, "authorization"));
      g_assert_null (g_hash_table_lookup (request->headers, "cookie"));
    }
  g_assert_cmpuint (n_files, ==, 1);

  ra_test_assert_finalize (g_steal_pointer (&fetch));
}

static void
test_polling (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(RaNqlFetch) fetch = NULL;
  g_autoptr(RaNqlResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) waits = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 total = 0;

  add_query (fixture, 1500);
  /* A slow export: SUBMITTED, then IN_PROGRESS for a minute. */
  ra_simulator_set_export_seconds (fixture->sim, 60);
  fetch = new_fetch (fixture);
  result = run_fetch (fixture, fetch, NULL, waits, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, 1500);

  /* It waited a second first, then longer and longer, and no longer than
   * a quarter of a minute. */
  g_assert_cmpuint (waits->len, >=, 5);
  g_assert_cmpint (g_array_index (waits, gint64, 0), ==, 1);
  for (guint i = 0; i < waits->len; i++)
    {
      total += g_array_index (waits, gint64, i);
      if (i > 0)
        g_assert_cmpint (g_array_index (waits, gint64, i), >=, g_array_index (waits, gint64, i - 1));
      g_assert_cmpint (g_array_index (waits, gint64, i), <=, 15);
    }
  g_assert_cmpint (g_array_index (waits, gint64, waits->len - 1), >, 1);
  /* Not long past the minute. */
  g_assert_cmpint (total, >=, 60);
  g_assert_cmpint (total, <, 60 + 15);
  g_assert_cmpuint (count_prefixed (fixture, STATUS_PREFIX, 200), ==, waits->len);
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(RaNqlFetch) fetch = NULL;
  g_autoptr(RaNqlResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* The licence allows fewer rows than the query matches: the status
   * answers 206, and the result says it may be incomplete. */
  add_query (fixture, 2500);
  ra_simulator_set_export_row_limit (fixture->sim, 2000);
  fetch = new_fetch (fixture);
  result = run_fetch (fixture, fetch, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, 2000);
  g_assert_true (ra_nql_result_get_exported (result));
  g_assert_true (ra_nql_result_get_may_be_incomplete (result));
  g_assert_cmpuint (count_prefixed (fixture, STATUS_PREFIX, 206), ==, 1);
}

static void
test_error (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(RaNqlFetch) fetch = NULL;
  g_autoptr(RaNqlResult) result = NULL;
  g_autoptr(GError) error = NULL;

  add_query (fixture, 1000);
  ra_simulator_set_export_error (fixture->sim, "The query timed out.");
  fetch = new_fetch (fixture);
  result = run_fetch (fixture, fetch, NULL, NULL, &error);

  g_assert_null (result);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "The query timed out"));
  g_assert_cmpuint (count_prefixed (fixture, FILES_PREFIX, 0), ==, 0);
  g_assert_cmpint (ra_nql_fetch_get_stage (fetch), ==, RA_NQL_FETCH_STAGE_DONE);
}

static void
test_http_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(RaNqlFetch) fetch = NULL;
  g_autoptr(RaNqlResult) result = NULL;
  g_autoptr(GError) error = NULL;

  add_query (fixture, 1200);
  /* Plain http:// to a host that is not this computer. */
  ra_simulator_set_export_url_base (fixture->sim, "http://files.example.com");
  fetch = new_fetch (fixture);
  result = run_fetch (fixture, fetch, NULL, NULL, &error);

  g_assert_null (result);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT);
  g_assert_nonnull (strstr (error->message, "files.example.com"));
  g_assert_nonnull (strstr (error->message, "https://"));
  g_assert_cmpuint (ra_nql_fetch_get_bytes_received (fetch), ==, 0);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(RaNqlFetch) fetch = NULL;
  g_autoptr(RaNqlResult) result = NULL;
  g_autoptr(GError) error = NULL;

  add_query (fixture, 2000);
  fetch = new_fetch (fixture);
  ra_nql_fetch_set_max_file_size (fetch, 16 * 1024);
  result = run_fetch (fixture, fetch, NULL, NULL, &error);

  g_assert_null (result);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_RESPONSE_TOO_LARGE);
  {
    g_autofree char *limit = g_format_size (16 * 1024);

    g_assert_nonnull (strstr (error->message, limit));
  }
  g_assert_cmpuint (ra_nql_fetch_get_bytes_received (fetch), <=, 16 * 1024);
}

static void
cancel_when_exporting_cb (RaNqlFetch   *fetch,
                          GParamSpec   *pspec,
                          GCancellable *cancellable)
{
  if (ra_nql_fetch_get_stage (fetch) == RA_NQL_FETCH_STAGE_EXPORTING)
    g_cancellable_cancel (cancellable);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(RaNqlFetch) fetch = NULL;
  g_autoptr(RaNqlResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) done = NULL;
  guint n_polls;

  add_query (fixture, 1000);
  ra_simulator_set_export_seconds (fixture->sim, 30);
  fetch = new_fetch (fixture);
  ra_nql_fetch_run_async (fetch, cancellable, ra_test_store_result_cb, &slot);

  /* Two polls in, while the export runs. */
  wait_for_client_wait (clock);
  ra_clock_advance (clock, 1);
  RA_TEST_WAIT_UNTIL (count_prefixed (fixture, STATUS_PREFIX, 200) == 1);
  wait_for_client_wait (clock);
  n_polls = count_prefixed (fixture, STATUS_PREFIX, 0);

  g_cancellable_cancel (cancellable);
  done = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  result = ra_nql_fetch_run_finish (fetch, done, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (ra_nql_fetch_get_stage (fetch), ==, RA_NQL_FETCH_STAGE_DONE);

  /* Nothing more is polled, however long the clock runs. */
  ra_clock_advance (clock, 3600);
  ra_test_settle ();
  g_assert_cmpuint (count_prefixed (fixture, STATUS_PREFIX, 0), ==, n_polls);
  g_assert_cmpuint (count_prefixed (fixture, FILES_PREFIX, 0), ==, 0);
  /* The result holds the fetch. */
  g_clear_object (&done);
  ra_test_assert_finalize (g_steal_pointer (&fetch));
}

static void
test_cancel_at_once (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(RaNqlFetch) fetch = NULL;
  g_autoptr(RaNqlResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  add_query (fixture, 1000);
  fetch = new_fetch (fixture);
  g_signal_connect (fetch, "notify::stage", G_CALLBACK (cancel_when_exporting_cb), cancellable);
  result = run_fetch (fixture, fetch, cancellable, NULL, &error);

  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_prefixed (fixture, STATUS_PREFIX, 0), ==, 0);
}

static void
export_handled_cb (RaSimulator *sim,
                   const char  *method,
                   const char  *path,
                   guint        status,
                   gpointer     user_data)
{
  /* The first status poll hits the rate limit. */
  if (g_str_equal (path, EXPORT_PATH) && status == 200)
    ra_simulator_fail_next (sim, 1, 429, 4);
}

static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RaClock) clock = fixture_use_manual_clock (fixture);
  g_autoptr(RaNqlFetch) fetch = NULL;
  g_autoptr(RaNqlResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) waits = g_array_new (FALSE, FALSE, sizeof (gint64));

  add_query (fixture, 3000);
  g_signal_connect (fixture->sim, "request-handled", G_CALLBACK (export_handled_cb), NULL);
  fetch = new_fetch (fixture);
  result = run_fetch (fixture, fetch, NULL, waits, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, 3000);

  /* The poll after the 429 waited for what Retry-After said. */
  g_assert_cmpuint (count_prefixed (fixture, STATUS_PREFIX, 429), ==, 1);
  g_assert_cmpuint (waits->len, >=, 2);
  g_assert_cmpint (g_array_index (waits, gint64, 0), ==, 1);
  g_assert_cmpint (g_array_index (waits, gint64, 1), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  RA_TEST_ADD ("/nql-fetch/small", test_small);
  RA_TEST_ADD ("/nql-fetch/export", test_export);
  RA_TEST_ADD ("/nql-fetch/polling", test_polling);
  RA_TEST_ADD ("/nql-fetch/truncated", test_truncated);
  RA_TEST_ADD ("/nql-fetch/error", test_error);
  RA_TEST_ADD ("/nql-fetch/http-refused", test_http_refused);
  RA_TEST_ADD ("/nql-fetch/too-large", test_too_large);
  RA_TEST_ADD ("/nql-fetch/cancel", test_cancel);
  RA_TEST_ADD ("/nql-fetch/cancel-at-once", test_cancel_at_once);
  RA_TEST_ADD ("/nql-fetch/rate-limited", test_rate_limited);

  return g_test_run ();
}
