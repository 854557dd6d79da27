/* bench-results.c — device results for 10,000 devices, through the export
 *
 * Prints figures; never passes or fails by the clock. The simulator, in a
 * thread of its own, has a results query that matches 10,000 devices,
 * more than one NQL execute answer holds, so they come through the
 * export API: status polls and a CSV file of megabytes from its files
 * listener. Measured: the longest main-loop stall while RaNqlFetch gets
 * them (the file parsed in a worker thread), next to the stall of
 * parsing the same file on the main thread, as a ratio; then the device
 * results window, from opening to its 10,000 devices listed and drawn:
 * the stall while the results arrive, and while the list store is filled
 * and shown. Each stall comes with the time the main thread ran in it: on
 * a busy machine the rest is time the thread waited for a processor.
 *
 * The results window always opens from a window already shown (the main
 * window or the History), so a plain window is shown first
 * (bench-first-window.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-results"

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <time.h>

#include "bench-first-window.h"
#include "bench-probe.h"
#include "ra-account.h"
#include "ra-client.h"
#include "ra-device-results-window.h"
#include "ra-endpoint.h"
#include "ra-nql-fetch.h"
#include "ra-nql-result-private.h"
#include "ra-simulator.h"
#include "ra-test-utils.h"

#define N_DEVICES 10000
#define QUERY_ID  "#bench_results"
#define N_RUNS    3
#define PROBE_MS  2

/* What the execution results query returns for a run, with three
 * outputs of an action. */
static JsonNode *
make_rows (void)
{
  static const char * const statuses[] = { "success", "success", "success", "failure", "in_progress", "waiting" };
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < N_DEVICES; i++)
    {
      g_autofree char *name = g_strdup_printf ("DESKTOP-%06u", i);
      g_autofree char *uid = g_strdup_printf ("%08x-0000-4000-8000-%012x", i, i);
      g_autofree char *time = g_strdup_printf ("2026-12-02T%02u:%02u:%02u", 8 + i % 10, i % 60, i % 59);
      const char *status = statuses[i % G_N_ELEMENTS (statuses)];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "remote_action.nql_id");
      json_builder_add_string_value (builder, "#get_disk_usage");
      json_builder_set_member_name (builder, "remote_action.execution.request_id");
      json_builder_add_string_value (builder, "bench-request");
      json_builder_set_member_name (builder, "device.name");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "device.collector.uid");
      json_builder_add_string_value (builder, uid);
      json_builder_set_member_name (builder, "remote_action.execution.status");
      json_builder_add_string_value (builder, status);
      json_builder_set_member_name (builder, "remote_action.execution.status_details");
      json_builder_add_string_value (builder, g_str_equal (status, "failure")
                                                ? "The script exited with code 1: Access is denied."
                                                : "");
      json_builder_set_member_name (builder, "remote_action.execution.time");
      json_builder_add_string_value (builder, time);
      json_builder_set_member_name (builder, "remote_action.execution.outputs.FreeSpace");
      json_builder_add_int_value (builder, (gint64) (i % 512) * 1048576);
      json_builder_set_member_name (builder, "remote_action.execution.outputs.Health");
      json_builder_add_string_value (builder, i % 7 == 0 ? "Needs attention, soon" : "Healthy");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static void
append_csv_field (GString    *csv,
                  const char *value)
{
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (csv, value);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

/* The result written back as the results file it was read from. */
static GString *
to_csv (RaNqlResult *result)
{
  const char * const *columns = ra_nql_result_get_columns (result);
  GString *csv = g_string_new (NULL);

  for (guint c = 0; columns[c] != NULL; c++)
    {
      if (c > 0)
        g_string_append_c (csv, ',');
      append_csv_field (csv, columns[c]);
    }
  g_string_append (csv, "\r\n");

  for (guint r = 0; r < ra_nql_result_get_n_rows (result); r++)
    {
      for (guint c = 0; columns[c] != NULL; c++)
        {
          const char *value = ra_nql_result_get_value (result, r, columns[c]);

          if (c > 0)
            g_string_append_c (csv, ',');
          append_csv_field (csv, value != NULL ? value : "");
        }
      g_string_append (csv, "\r\n");
    }

  return csv;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values)
{
  qsort (values, N_RUNS, sizeof (double), compare_doubles);
  return values[N_RUNS / 2];
}

static RaNqlResult *
bench_fetch (RaClient *client,
             double   *stall,
             double   *stall_cpu,
             double   *total_ms,
             guint64  *file_size)
{
  g_autoptr(RaNqlFetch) fetch = ra_nql_fetch_new (client, QUERY_ID, NULL);
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(GError) error = NULL;
  RaNqlResult *result;
  gint64 t0;
  guint probe;

  probe = g_timeout_add (PROBE_MS, probe_cb, NULL);
  probe_reset ();
  t0 = g_get_monotonic_time ();
  ra_nql_fetch_run_async (fetch, NULL, ra_test_store_result_cb, &slot);
  done = ra_test_wait_for_result (&slot, 120 * 1000);
  *total_ms = (g_get_monotonic_time () - t0) / 1000.0;
  *stall = probe_max_gap / 1000.0;
  *stall_cpu = probe_max_gap_cpu / 1000.0;
  g_source_remove (probe);

  result = ra_nql_fetch_run_finish (fetch, done, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, N_DEVICES);
  g_assert_true (ra_nql_result_get_exported (result));
  *file_size = ra_nql_fetch_get_bytes_received (fetch);

  return result;
}

static void
bench_core (RaClient *client)
{
  double stalls[N_RUNS], cpus[N_RUNS], totals[N_RUNS], main_stalls[N_RUNS], main_cpus[N_RUNS];
  g_autoptr(RaNqlResult) last = NULL;
  g_autoptr(GString) csv = NULL;
  guint64 file_size = 0;
  double stall, main_stall;

  for (guint i = 0; i < N_RUNS; i++)
    {
      g_clear_object (&last);
      last = bench_fetch (client, &stalls[i], &cpus[i], &totals[i], &file_size);
    }

  /* The same file, parsed where the main loop runs: the stall it costs. */
  csv = to_csv (last);
  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RaNqlResult) parsed = NULL;
      guint probe = g_timeout_add (PROBE_MS, probe_cb, NULL);

      probe_reset ();
      parsed = _ra_nql_result_new_from_csv (QUERY_ID, csv->str, csv->len, FALSE, &error);
      /* Let the probe see the gap. */
      g_main_context_iteration (NULL, FALSE);
      ra_test_spin (2 * PROBE_MS);
      main_stalls[i] = probe_max_gap / 1000.0;
      main_cpus[i] = probe_max_gap_cpu / 1000.0;
      g_source_remove (probe);
      g_assert_no_error (error);
      g_assert_cmpuint (ra_nql_result_get_n_rows (parsed), ==, N_DEVICES);
    }

  stall = median (stalls);
  main_stall = median (main_stalls);
  g_print ("%u devices, export path (results file %" G_GUINT64_FORMAT " bytes), median of %u runs\n",
           N_DEVICES, file_size, N_RUNS);
  g_print ("  %-52s %9.1f ms   target: < 50 ms\n", "longest main-loop stall, fetch parsed in a thread", stall);
  g_print ("  %-52s %9.1f ms\n", "  of which the main thread ran", median (cpus));
  g_print ("  %-52s %9.1f ms\n", "execute, export, download and parse", median (totals));
  g_print ("  %-52s %9.1f ms\n", "stall parsing the same file on the main thread", main_stall);
  g_print ("  %-52s %9.1f ms\n", "  of which the main thread ran", median (main_cpus));
  g_print ("  %-52s %9.1f ×\n\n", "main-thread parse stall / worker-thread path stall",
           stall > 0 ? main_stall / stall : 0);
}

typedef struct
{
  gboolean filled;
  double   before_fill_stall;
  double   before_fill_cpu;
  gint64   filled_at;
} Window;

static void
devices_changed_cb (GListModel *devices,
                    guint       position,
                    guint       removed,
                    guint       added,
                    Window     *bench)
{
  if (g_list_model_get_n_items (devices) < N_DEVICES || bench->filled)
    return;

  /* What came before the list is filled; the gap that is running now
   * (the items being made) counts for the filling. */
  bench->filled = TRUE;
  bench->filled_at = g_get_monotonic_time ();
  bench->before_fill_stall = probe_max_gap / 1000.0;
  bench->before_fill_cpu = probe_max_gap_cpu / 1000.0;
  probe_max_gap = 0;
  probe_max_gap_cpu = 0;
}

static void
bench_window (RaClient *client)
{
  g_autoptr(RaAccount) account = ra_account_new ();
  g_autoptr(RaSession) session = NULL;
  RaDeviceResultsWindow *window;
  Window bench = { 0, };
  GtkWindow *first;
  double first_stall, first_cpu;
  gint64 t0;
  guint probe;

  /* The results query is the account's. */
  ra_account_set_results_query_id (account, QUERY_ID);
  session = ra_test_session_new (account, client, FALSE);
  first = bench_show_first_window (PROBE_MS, &first_stall, &first_cpu);

  probe = g_timeout_add (PROBE_MS, probe_cb, NULL);
  probe_reset ();
  t0 = g_get_monotonic_time ();
  window = ra_device_results_window_new (session, "bench-request", "Get Disk Usage",
                                         N_DEVICES);
  g_signal_connect (ra_device_results_window_get_devices (window), "items-changed",
                    G_CALLBACK (devices_changed_cb), &bench);
  gtk_window_present (GTK_WINDOW (window));
  RA_TEST_WAIT_UNTIL_FOR (bench.filled && !ra_device_results_window_get_loading (window), 120);
  /* The list drawn: a few frames after it was filled. */
  ra_test_spin (500);
  g_source_remove (probe);

  g_assert_cmpint (ra_device_results_window_get_state (window), ==,
                   RA_DEVICE_RESULTS_WINDOW_STATE_RESULTS);
  g_assert_null (ra_device_results_window_get_incomplete_note (window));

  g_print ("Device results window, %u devices (export path)\n", N_DEVICES);
  g_print ("  %-52s %9.1f ms   target: < 50 ms\n", "longest main-loop stall, open to results in",
           bench.before_fill_stall);
  g_print ("  %-52s %9.1f ms\n", "  of which the main thread ran", bench.before_fill_cpu);
  g_print ("  %-52s %9.1f ms   target: < 50 ms\n", "longest stall filling the list and drawing it",
           probe_max_gap / 1000.0);
  g_print ("  %-52s %9.1f ms\n", "  of which the main thread ran", probe_max_gap_cpu / 1000.0);
  g_print ("  %-52s %9.1f ms\n", "open to list filled", (bench.filled_at - t0) / 1000.0);
  g_print ("  %-52s %9.1f ms\n", "for reference: showing the first window of a process",
           first_stall);
  g_print ("  %-52s %9.1f ms\n\n", "  of which the main thread ran", first_cpu);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (first);
  ra_test_spin (100);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RaSimulator) sim = ra_simulator_new ();
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(RaClient) client = NULL;
  g_autoptr(JsonNode) rows = NULL;
  g_autoptr(GError) error = NULL;

  gtk_init ();
  adw_init ();

  /* Served from its own thread, so the main loop measured is the app's. */
  rows = make_rows ();
  ra_simulator_add_nql_query (sim, QUERY_ID, rows);
  ra_simulator_set_export_seconds (sim, 0);
  if (!ra_simulator_start_in_thread (sim, 0, &error))
    g_error ("The simulator did not start: %s", error->message);

  endpoint = ra_endpoint_new_full ("demo", "eu", ra_simulator_get_base_url (sim),
                                   ra_simulator_get_login_base_url (sim), &error);
  g_assert_no_error (error);
  client = ra_client_new (endpoint, RA_SIM_DEFAULT_CLIENT_ID, RA_SIM_DEFAULT_CLIENT_SECRET,
                          RA_TOKEN_ENDPOINT_AUTO);

  g_print ("\nRemote Actions — device results benchmarks\n\n");
  bench_core (client);
  bench_window (client);

  ra_simulator_stop (sim);
  return 0;
}
