/* test-device-results-follow.c — device results that follow a run: the
 * filter by status, the outputs by their names and types, devices that
 * never report, and refreshes that come by themselves until the run
 * settles or expires, timed on a clock the test moves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-device-results-follow"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "ra-account.h"
#include "ra-action-output.h"
#include "ra-device-results-filter-bar.h"
#include "ra-device-results-model.h"
#include "ra-remote-action.h"
#include "ra-device-results-window-private.h"
#include "ra-nql-result-private.h"
#include "ra-endpoint.h"
#include "ra-error.h"
#include "ra-history.h"
#include "ra-session-private.h"
#include "ra-simulator.h"
#include "ra-test-common.h"
#include "ra-test-utils.h"

#define WAIT_SECONDS 15
#define QUERY        "#followed_results"
#define REQUEST_ID   "1b5e8f4e-0c8f-4a53-9d2c-51c1f3a7e001"
#define UNKNOWN_UID  "00000000-0000-4000-8000-00000000dead"
#define ACTION_ID    "#ra_test_clean_up"

typedef struct
{
  RaClock     *clock;
  RaSimulator *sim;
  RaClient    *client;
  RaSession   *session;
  RaRemoteAction *action;
  GDateTime   *started;
} Fixture;

static gint64
clock_wall_cb (gpointer user_data)
{
  return ra_clock_get_wall_usec (user_data);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

/* An action whose outputs have each type that reads differently. */
static const char action_json[] =
  "{"
  "  \"id\": \"" ACTION_ID "\", \"name\": \"Clean up\","
  "  \"targeting\": {\"apiEnabled\": true},"
  "  \"scriptInfo\": {\"inputs\": [], \"outputs\": ["
  "    {\"id\": \"Took\", \"name\": \"Time taken\", \"type\": \"millis\"},"
  "    {\"id\": \"Rebooted\", \"name\": \"Restarted\", \"type\": \"bool\"},"
  "    {\"id\": \"Freed\", \"name\": \"Space freed\", \"type\": \"bytes\"},"
  "    {\"id\": \"Apps\", \"name\": \"Applications\", \"type\": \"list_of_strings\"},"
  "    {\"id\": \"Since\", \"name\": \"Last boot\", \"type\": \"datetime\"}"
  "  ]}"
  "}";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RaAccount) account = ra_account_new ();

  /* A fixed moment: 2 Dec 2026, 15:30:05 UTC. */
  fixture->clock = ra_clock_new_manual (G_GINT64_CONSTANT (1796225405) * G_USEC_PER_SEC);
  fixture->started = g_date_time_new_from_unix_utc (ra_clock_get_wall_usec (fixture->clock) /
                                                    G_USEC_PER_SEC);
  ra_device_results_window_use_clock (fixture->clock);

  fixture->sim = ra_simulator_new ();
  ra_simulator_set_clock_func (fixture->sim, clock_wall_cb, g_object_ref (fixture->clock),
                               g_object_unref);
  ra_simulator_start_in_thread (fixture->sim, 0, &error);
  g_assert_no_error (error);

  endpoint = ra_endpoint_new_full ("demo", "eu", ra_simulator_get_base_url (fixture->sim),
                                   ra_simulator_get_login_base_url (fixture->sim), &error);
  g_assert_no_error (error);
  fixture->client = ra_client_new (endpoint, RA_SIM_DEFAULT_CLIENT_ID,
                                   RA_SIM_DEFAULT_CLIENT_SECRET, RA_TOKEN_ENDPOINT_AUTO);
  /* The query is the account's. */
  ra_account_set_results_query_id (account, QUERY);
  fixture->session = ra_test_session_new (account, fixture->client, FALSE);

  {
    g_autoptr(JsonNode) node = parse_json (action_json);

    ra_simulator_add_action (fixture->sim, node);
    fixture->action = ra_remote_action_new_from_json (node, &error);
    g_assert_no_error (error);
  }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ra_device_results_window_use_clock (NULL);
  g_clear_object (&fixture->action);
  g_clear_object (&fixture->session);
  ra_test_assert_finalize (g_steal_pointer (&fixture->client));
  ra_simulator_stop (fixture->sim);
  g_clear_object (&fixture->sim);
  g_clear_pointer (&fixture->started, g_date_time_unref);
  g_assert_finalize_object (g_steal_pointer (&fixture->clock));
}

/* One device's row of the query, with its status and outputs. */
static void
append_row (GString    *rows,
            guint       i,
            const char *status,
            gboolean    with_outputs)
{
  g_string_append_printf (rows,
                          "%s{\"device.name\": \"PC-%u\", "
                          "\"device.collector.uid\": \"00000000-0000-4000-8000-%012u\", "
                          "\"remote_action.execution.request_id\": \"" REQUEST_ID "\", "
                          "\"remote_action.execution.status\": \"%s\"",
                          rows->len > 1 ? "," : "", i, i, status);
  if (with_outputs)
    g_string_append (rows,
                     ", \"remote_action.execution.outputs.Took\": 65000"
                     ", \"remote_action.execution.outputs.Rebooted\": false"
                     ", \"remote_action.execution.outputs.Freed\": 1500000"
                     ", \"remote_action.execution.outputs.Apps\": [\"Zoom\", \"Teams\"]"
                     ", \"remote_action.execution.outputs.Since\": \"2026-12-01T08:00:00\"");
  g_string_append_c (rows, '}');
}

/* What the query answers from now on: the first n_done devices succeeded
 * or (every third) failed, n_waiting are waiting for their device, one
 * expired in Nexthink's own words. */
static void
serve_rows (Fixture *fixture,
            guint    n_done,
            guint    n_waiting)
{
  g_autoptr(GString) rows = g_string_new ("[");
  g_autoptr(JsonNode) node = NULL;
  guint i = 0;

  for (; i < n_done; i++)
    append_row (rows, i, i % 3 == 2 ? "failure" : "success", i % 3 != 2);
  for (; i < n_done + n_waiting; i++)
    append_row (rows, i, i % 2 ? "waiting" : "in_progress", FALSE);
  append_row (rows, i, "expired", FALSE);
  g_string_append_c (rows, ']');

  node = parse_json (rows->str);
  ra_simulator_add_nql_query (fixture->sim, QUERY, node);
}

/* The collector IDs of the run: those serve_rows () answers for, and one
 * the instance does not know. */
static GStrv
run_devices (guint n)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uid = g_strdup_printf ("00000000-0000-4000-8000-%012u", i);

      g_strv_builder_add (builder, uid);
    }
  g_strv_builder_add (builder, UNKNOWN_UID);

  return g_strv_builder_end (builder);
}

/* The queries the window asked; not those the client sent again with a
 * new token, as it does once a day of the test's clock has passed. */
static guint
count_queries (Fixture *fixture)
{
  g_autoptr(GPtrArray) requests = ra_simulator_get_requests (fixture->sim);
  guint n = 0;

  for (guint i = 0; i < requests->len; i++)
    {
      const RaSimRequest *request = g_ptr_array_index (requests, i);

      if (g_str_equal (request->path, "/api/v2/nql/execute") && request->status != 401)
        n++;
    }

  return n;
}

static RaDeviceResultsWindow *
open_results (Fixture            *fixture,
              const char * const *devices,
              guint               expires_in_minutes)
{
  RaDeviceResultsWindow *window;

  window = ra_device_results_window_new (fixture->session, REQUEST_ID, "Clean up", 0);
  ra_device_results_window_set_run (window, fixture->started, expires_in_minutes, devices,
                                    ra_remote_action_get_outputs (fixture->action));
  gtk_window_present (GTK_WINDOW (window));
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);

  return window;
}

/* Moves the clock on; a refresh that comes due is answered before this
 * returns. */
static void
advance (Fixture               *fixture,
         RaDeviceResultsWindow *window,
         gint64                 seconds)
{
  ra_clock_advance (fixture->clock, seconds);
  ra_test_settle ();
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);
}

/* Moves the clock on by seconds, which brings a refresh: waits until it
 * has been answered and the window asked n_queries in all. */
static void
advance_until_read (Fixture               *fixture,
                    RaDeviceResultsWindow *window,
                    gint64                 seconds,
                    guint                  n_queries)
{
  advance (fixture, window, seconds);
  RA_TEST_WAIT_UNTIL_FOR (count_queries (fixture) == n_queries, WAIT_SECONDS);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);
}

static RaDeviceResultItem *
find_item (GListModel *items,
           const char *device)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RaDeviceResultItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (ra_device_result_item_get_device (item), device))
        return item;
    }

  return NULL;
}

/* Whether the item of device lists text among its details. */
static gboolean
details_show (RaDeviceResultsWindow *window,
              const char            *device,
              const char            *text)
{
  RaDeviceResultItem *item = find_item (ra_device_results_window_get_devices (window), device);

  return item != NULL && strstr (ra_device_result_item_get_details (item), text) != NULL;
}

/* A filter bar over model in a window width pixels wide: every button
 * whole and inside the bar, none over another. Returns on how many
 * lines they are. */
static guint
filters_at_width (RaDeviceResultsModel *model,
                  int                   width)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *bar = ra_device_results_filter_bar_new ();
  graphene_rect_t previous = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  guint lines = 1;
  int bar_width;

  ra_device_results_filter_bar_set_model (RA_DEVICE_RESULTS_FILTER_BAR (bar), model);
  gtk_window_set_child (window, bar);
  gtk_window_set_default_size (window, width, -1);
  gtk_window_present (window);
  RA_TEST_WAIT_UNTIL_FOR (gtk_widget_get_width (bar) > 0, WAIT_SECONDS);
  ra_test_spin (100);

  bar_width = gtk_widget_get_width (bar);
  g_assert_cmpint (bar_width, <=, width);
  for (guint i = 0; i < RA_DEVICE_RESULTS_FILTER_N_VALUES; i++)
    {
      GtkWidget *button = GTK_WIDGET (ra_device_results_filter_bar_get_button (RA_DEVICE_RESULTS_FILTER_BAR (bar), i));
      graphene_rect_t bounds;
      int natural;

      g_assert_true (gtk_widget_compute_bounds (button, bar, &bounds));
      gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, bar_width);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (bar));
      g_assert_cmpfloat (bounds.size.width, >=, MIN (natural, bar_width));
      g_assert_true (gtk_widget_get_child_visible (button));
      if (i > 0)
        {
          g_assert_false (graphene_rect_intersection (&previous, &bounds, NULL));
          if (bounds.origin.y > previous.origin.y)
            lines++;
        }
      previous = bounds;
    }

  ra_test_destroy_window (window);
  return lines;
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  /* 6 done (4 succeeded, 2 failed), 2 pending, 1 expired, 1 unknown. */
  g_auto(GStrv) devices = run_devices (9);
  RaDeviceResultsWindow *window;
  RaDeviceResultsModel *model;
  GListModel *shown;
  static const struct { RaDeviceResultsFilter filter; guint count; RaDeviceResultKind kind; } filters[] = {
    { RA_DEVICE_RESULTS_FILTER_SUCCEEDED, 4, RA_DEVICE_RESULT_KIND_SUCCEEDED },
    { RA_DEVICE_RESULTS_FILTER_FAILED, 2, RA_DEVICE_RESULT_KIND_FAILED },
    { RA_DEVICE_RESULTS_FILTER_PENDING, 2, RA_DEVICE_RESULT_KIND_PENDING },
    { RA_DEVICE_RESULTS_FILTER_NO_REPORT, 2, RA_DEVICE_RESULT_KIND_NO_REPORT },
  };

  serve_rows (fixture, 6, 2);
  window = open_results (fixture, (const char * const *) devices, 60);
  g_assert_cmpint (ra_device_results_window_get_state (window), ==, RA_DEVICE_RESULTS_WINDOW_STATE_RESULTS);
  model = ra_device_results_window_get_model (window);
  shown = G_LIST_MODEL (model);

  g_assert_cmpstr (ra_device_results_window_get_summary (window), ==,
                   "4 of 10 devices succeeded, 2 failed, 2 pending, 2 without a report");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 10);
  g_assert_cmpuint (ra_device_results_model_get_count (model, RA_DEVICE_RESULTS_FILTER_ALL), ==, 10);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ra_device_results_window_get_filter_button (window, RA_DEVICE_RESULTS_FILTER_ALL))),
                   ==, "All (10)");
  g_assert_false (ra_device_results_model_get_settled (model));

  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    {
      GtkToggleButton *button = ra_device_results_window_get_filter_button (window, filters[f].filter);
      g_autofree char *label = NULL;

      g_assert_cmpuint (ra_device_results_model_get_count (model, filters[f].filter), ==, filters[f].count);

      /* The button is the filter: what it lets through, and its count. */
      ra_test_click (GTK_BUTTON (button));
      g_assert_true (gtk_toggle_button_get_active (button));
      g_assert_cmpint (ra_device_results_model_get_filter (model), ==, filters[f].filter);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, filters[f].count);
      for (guint i = 0; i < filters[f].count; i++)
        {
          g_autoptr(RaDeviceResultItem) item = g_list_model_get_item (shown, i);

          g_assert_cmpint (ra_device_result_item_get_kind (item), ==, filters[f].kind);
        }
      label = g_strdup_printf ("(%u)", filters[f].count);
      g_assert_true (g_str_has_suffix (gtk_button_get_label (GTK_BUTTON (button)), label));
      g_assert_false (gtk_toggle_button_get_active (ra_device_results_window_get_filter_button (window, RA_DEVICE_RESULTS_FILTER_ALL)));
    }

  /* Nexthink's "expired" and a device it does not know: no report. */
  {
    RaDeviceResultItem *expired = find_item (shown, "PC-8");
    RaDeviceResultItem *unknown = find_item (shown, UNKNOWN_UID);

    g_assert_nonnull (expired);
    g_assert_cmpstr (ra_device_result_item_get_status_text (expired), ==, "No report");
    g_assert_nonnull (unknown);
    g_assert_cmpstr (ra_device_result_item_get_status_text (unknown), ==, "Unknown device");
  }

  /* A refresh keeps the filter. */
  gtk_widget_activate_action (GTK_WIDGET (window), "results.refresh", NULL);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);
  g_assert_cmpint (ra_device_results_model_get_filter (model), ==, RA_DEVICE_RESULTS_FILTER_NO_REPORT);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);

  ra_test_click (GTK_BUTTON (ra_device_results_window_get_filter_button (window, RA_DEVICE_RESULTS_FILTER_ALL)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 10);

  /* Wide, the filters are on one line; narrow, they wrap, and none is
   * cut off or hidden. */
  g_assert_cmpuint (filters_at_width (model, 1000), ==, 1);
  g_assert_cmpuint (filters_at_width (model, 300), >, 1);

  ra_test_destroy_window (GTK_WINDOW (window));
}

/* The runs of history that a search finds. */
static GPtrArray *
history_find (RaHistory  *history,
              const char *search)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GPtrArray *runs;

  ra_history_list_async (history, search, NULL, -1, 0, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  runs = ra_history_list_finish (history, result, NULL);
  g_assert_nonnull (runs);

  return runs;
}

static guint
n_found (RaHistory  *history,
         const char *search)
{
  g_autoptr(GPtrArray) runs = history_find (history, search);

  return runs->len;
}

/* What the window reads of a run in the history becomes that run's last
 * known state there: its devices' statuses and names, and its counts. */
static void
test_kept_in_history (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(GStrv) devices = run_devices (9);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ra-results-history-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "history.sqlite3", NULL);
  g_autoptr(RaHistory) history = ra_history_new (path);
  g_autoptr(RaHistoryRun) run = ra_history_run_new ();
  g_autoptr(GPtrArray) runs = NULL;
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDir) files = NULL;
  RaDeviceResultsWindow *window;
  GHashTable *counts;

  g_assert_no_error (error);
  ra_history_run_set_time (run, ra_clock_get_wall_usec (fixture->clock) / G_USEC_PER_SEC);
  ra_history_run_set_action (run, ACTION_ID, "Clean up");
  ra_history_run_set_devices (run, (const char * const *) devices);
  ra_history_run_set_expires_in_minutes (run, 60);
  ra_history_run_set_outcome (run, RA_EXECUTION_OUTCOME_STARTED, REQUEST_ID);
  ra_history_add_async (history, run, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  g_assert_true (ra_history_add_finish (history, result, &error));
  ra_session_set_history (fixture->session, history);
  g_assert_cmpuint (n_found (history, "PC-4"), ==, 0);

  /* 4 succeeded, 2 failed, 2 pending, 1 expired. */
  serve_rows (fixture, 6, 2);
  window = open_results (fixture, (const char * const *) devices, 60);
  RA_TEST_WAIT_UNTIL_FOR (n_found (history, "PC-4") == 1, WAIT_SECONDS);

  runs = history_find (history, NULL);
  g_assert_cmpuint (runs->len, ==, 1);
  counts = ra_history_run_get_status_counts (g_ptr_array_index (runs, 0));
  g_assert_nonnull (counts);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "success")), ==, 4);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "failure")), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "expired")), ==, 1);
  g_assert_cmpuint (n_found (history, "PC-8"), ==, 1);

  ra_test_destroy_window (GTK_WINDOW (window));
  /* The session keeps the history open until the fixture ends. */
  files = g_dir_open (dir, 0, NULL);
  for (const char *file = files != NULL ? g_dir_read_name (files) : NULL; file != NULL;
       file = g_dir_read_name (files))
    {
      g_autofree char *full = g_build_filename (dir, file, NULL);

      g_remove (full);
    }
  g_rmdir (dir);
}

static void
test_outputs (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *saved_tz = g_strdup (g_getenv ("TZ"));
  g_auto(GStrv) devices = run_devices (3);
  RaDeviceResultsWindow *window;
  RaDeviceResultItem *item;
  const char *details;

  /* 08:00 UTC is 03:00 in New York in December. */
  g_setenv ("TZ", "America/New_York", TRUE);
  serve_rows (fixture, 3, 0);
  window = open_results (fixture, (const char * const *) devices, 60);

  item = find_item (ra_device_results_window_get_devices (window), "PC-0");
  g_assert_nonnull (item);
  details = ra_device_result_item_get_details (item);
  g_test_message ("details: %s", details);
  /* By the outputs' names, in their types' words; not their IDs. */
  g_assert_nonnull (strstr (details, "Time taken: 1 min 5 s"));
  g_assert_nonnull (strstr (details, "Restarted: No"));
  g_assert_nonnull (strstr (details, "Space freed: 1.5\u00a0MB"));
  g_assert_nonnull (strstr (details, "Applications: Zoom, Teams"));
  g_assert_nonnull (strstr (details, "Last boot: 1 Dec 2026, 03:00:00"));
  g_assert_null (strstr (details, "Took"));
  g_assert_null (strstr (details, "outputs"));

  /* Without the outputs' definitions, the columns' own words. */
  ra_device_results_window_set_run (window, fixture->started, 60, (const char * const *) devices, NULL);
  item = find_item (ra_device_results_window_get_devices (window), "PC-0");
  g_assert_nonnull (strstr (ra_device_result_item_get_details (item), "65000"));

  /* A run from the history: the outputs come from the action's details. */
  ra_device_results_window_read_outputs (window, ACTION_ID);
  RA_TEST_WAIT_UNTIL_FOR (details_show (window, "PC-0", "Time taken: 1 min 5 s"), WAIT_SECONDS);

  ra_test_destroy_window (GTK_WINDOW (window));
  if (saved_tz != NULL)
    g_setenv ("TZ", saved_tz, TRUE);
  else
    g_unsetenv ("TZ");
}

static void
test_refresh_until_settled (Fixture       *fixture,
                            gconstpointer  data)
{
  g_auto(GStrv) devices = run_devices (4);
  RaDeviceResultsWindow *window;
  RaRefreshSchedule *schedule;

  serve_rows (fixture, 1, 3);
  window = open_results (fixture, (const char * const *) devices, 60);
  schedule = ra_device_results_window_get_schedule (window);
  g_assert_cmpuint (count_queries (fixture), ==, 1);

  /* Not settled: again in 10 s, and not a second sooner. */
  g_assert_cmpint (ra_refresh_schedule_get_state (schedule), ==, RA_REFRESH_STATE_WAITING);
  g_assert_cmpuint (ra_refresh_schedule_get_wait_seconds (schedule), ==, 10);
  g_assert_nonnull (strstr (ra_device_results_window_get_status_line (window), "next update in 10 seconds"));
  advance (fixture, window, 9);
  g_assert_cmpuint (count_queries (fixture), ==, 1);
  g_assert_nonnull (strstr (ra_device_results_window_get_status_line (window), "next update in 1 second"));
  advance_until_read (fixture, window, 1, 2);

  /* Then after twice as long. */
  g_assert_cmpuint (ra_refresh_schedule_get_wait_seconds (schedule), ==, 20);
  serve_rows (fixture, 4, 0);
  advance (fixture, window, 19);
  g_assert_cmpuint (count_queries (fixture), ==, 2);
  advance_until_read (fixture, window, 1, 3);

  /* Every device finished (the unknown one never will): no more. */
  g_assert_true (ra_device_results_model_get_settled (ra_device_results_window_get_model (window)));
  g_assert_cmpint (ra_refresh_schedule_get_state (schedule), ==, RA_REFRESH_STATE_SETTLED);
  g_assert_nonnull (strstr (ra_device_results_window_get_status_line (window), "every device has finished"));
  advance (fixture, window, 24 * 3600);
  ra_test_spin (100);
  g_assert_cmpuint (count_queries (fixture), ==, 3);

  /* F5 still reads again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "results.refresh", NULL);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);
  g_assert_cmpuint (count_queries (fixture), ==, 4);

  ra_test_destroy_window (GTK_WINDOW (window));
}

static void
test_refresh_until_expired (Fixture       *fixture,
                            gconstpointer  data)
{
  g_auto(GStrv) devices = run_devices (3);
  RaDeviceResultsWindow *window;
  RaRefreshSchedule *schedule;
  RaDeviceResultItem *item;
  guint n_queries;
  gint64 elapsed = 0;

  /* Two devices never come online. */
  serve_rows (fixture, 1, 2);
  window = open_results (fixture, (const char * const *) devices, 60);
  schedule = ra_device_results_window_get_schedule (window);
  item = find_item (ra_device_results_window_get_devices (window), "PC-1");
  g_assert_cmpint (ra_device_result_item_get_kind (item), ==, RA_DEVICE_RESULT_KIND_PENDING);

  /* Backing off, up to five minutes, until the hour is over. */
  while (ra_refresh_schedule_get_state (schedule) == RA_REFRESH_STATE_WAITING)
    {
      guint wait = ra_refresh_schedule_get_wait_seconds (schedule);

      g_assert_cmpuint (wait, >=, RA_REFRESH_MIN_SECONDS);
      g_assert_cmpuint (wait, <=, RA_REFRESH_MAX_SECONDS);
      n_queries = count_queries (fixture);
      advance_until_read (fixture, window, wait, n_queries + 1);
      elapsed += wait;
      g_assert_cmpint (elapsed, <=, 3600 + RA_REFRESH_MAX_SECONDS);
    }

  /* Read once past the expiry, then never again; and what still waited
   * then never reports. */
  g_assert_cmpint (elapsed, >, 3600);
  g_assert_cmpint (ra_refresh_schedule_get_state (schedule), ==, RA_REFRESH_STATE_EXPIRED);
  g_assert_nonnull (strstr (ra_device_results_window_get_status_line (window), "the run has expired"));
  item = find_item (ra_device_results_window_get_devices (window), "PC-1");
  g_assert_cmpint (ra_device_result_item_get_kind (item), ==, RA_DEVICE_RESULT_KIND_NO_REPORT);
  g_assert_cmpstr (ra_device_result_item_get_status_text (item), ==, "No report");
  g_assert_cmpstr (ra_device_results_window_get_summary (window), ==,
                   "1 of 5 devices succeeded, 0 failed, 0 pending, 4 without a report");
  n_queries = count_queries (fixture);
  advance (fixture, window, 24 * 3600);
  ra_test_spin (100);
  g_assert_cmpuint (count_queries (fixture), ==, n_queries);

  ra_test_destroy_window (GTK_WINDOW (window));
}

static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(GStrv) devices = run_devices (3);
  RaDeviceResultsWindow *window;
  RaRefreshSchedule *schedule;

  serve_rows (fixture, 1, 2);
  window = open_results (fixture, (const char * const *) devices, 600);
  schedule = ra_device_results_window_get_schedule (window);
  g_assert_cmpuint (ra_refresh_schedule_get_wait_seconds (schedule), ==, 10);

  /* Too many requests, again in two minutes: longer than the client
   * waits by itself, so the window does, and not a second less. */
  ra_simulator_fail_next (fixture->sim, 1, 429, 120);
  advance_until_read (fixture, window, 10, 2);
  g_assert_cmpint (ra_device_results_window_get_state (window), ==, RA_DEVICE_RESULTS_WINDOW_STATE_ERROR);
  g_assert_cmpint (ra_refresh_schedule_get_state (schedule), ==, RA_REFRESH_STATE_WAITING);
  g_assert_cmpuint (ra_refresh_schedule_get_wait_seconds (schedule), >=, 119);

  advance (fixture, window, ra_refresh_schedule_get_seconds_left (schedule) - 1);
  ra_test_spin (100);
  g_assert_cmpuint (count_queries (fixture), ==, 2);
  advance_until_read (fixture, window, 1, 3);
  g_assert_cmpint (ra_device_results_window_get_state (window), ==, RA_DEVICE_RESULTS_WINDOW_STATE_RESULTS);

  ra_test_destroy_window (GTK_WINDOW (window));
}

static void
test_closed_stops (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(GStrv) devices = run_devices (3);
  RaDeviceResultsWindow *window;

  serve_rows (fixture, 1, 2);
  window = open_results (fixture, (const char * const *) devices, 60);
  g_assert_cmpint (ra_refresh_schedule_get_state (ra_device_results_window_get_schedule (window)),
                   ==, RA_REFRESH_STATE_WAITING);

  ra_test_destroy_window (GTK_WINDOW (window));
  ra_clock_advance (fixture->clock, 3600);
  ra_test_spin (200);
  g_assert_cmpuint (count_queries (fixture), ==, 1);
}

/* An answer of n_rows devices, every third one failed. */
static RaNqlResult *
large_answer (guint n_rows)
{
  g_autoptr(GString) csv = g_string_new ("device.name,remote_action.execution.status\r\n");
  g_autoptr(GError) error = NULL;
  RaNqlResult *result;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "PC-%05u,%s\r\n", i, i % 3 == 0 ? "failure" : "success");
  result = _ra_nql_result_new_from_csv ("#large", csv->str, csv->len, FALSE, &error);
  g_assert_no_error (error);

  return result;
}

static void
count_changed_cb (RaDeviceResultsModel *model,
                  guint                *n_changed)
{
  (*n_changed)++;
}

/* A large answer's items are made in a worker thread and put into an
 * empty list a few at a time; the counts and the summary come first,
 * and an answer replaced while it is made is never shown. */
static void
test_large_answer (void)
{
  g_autoptr(RaDeviceResultsModel) model = ra_device_results_model_new ();
  g_autoptr(RaNqlResult) large = large_answer (3000);
  g_autoptr(RaNqlResult) replaced = large_answer (2500);
  guint n_changed = 0;

  g_signal_connect (model, "changed", G_CALLBACK (count_changed_cb), &n_changed);

  ra_device_results_model_apply (model, large, FALSE);
  g_assert_true (ra_device_results_model_get_building (model));
  g_assert_cmpuint (g_list_model_get_n_items (ra_device_results_model_get_all (model)), ==, 0);
  g_assert_cmpuint (n_changed, ==, 0);

  RA_TEST_WAIT_UNTIL (n_changed == 1);
  g_assert_false (ra_device_results_model_get_building (model));
  g_assert_cmpuint (ra_device_results_model_get_count (model, RA_DEVICE_RESULTS_FILTER_ALL), ==, 3000);
  g_assert_cmpuint (ra_device_results_model_get_count (model, RA_DEVICE_RESULTS_FILTER_FAILED), ==, 1000);
  g_assert_cmpstr (ra_device_results_model_get_summary (model), ==,
                   "2000 of 3000 devices succeeded, 1000 failed, 0 pending");
  /* The list fills over the next frames. */
  g_assert_true (ra_device_results_model_get_filling (model));
  g_assert_cmpuint (g_list_model_get_n_items (ra_device_results_model_get_all (model)), <, 3000);
  RA_TEST_WAIT_UNTIL (!ra_device_results_model_get_filling (model));
  g_assert_cmpuint (g_list_model_get_n_items (ra_device_results_model_get_all (model)), ==, 3000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3000);

  /* Replaced before it is made: only the newer answer (none) shows. */
  ra_device_results_model_apply (model, replaced, FALSE);
  g_assert_true (ra_device_results_model_get_building (model));
  ra_device_results_model_apply (model, NULL, FALSE);
  g_assert_false (ra_device_results_model_get_building (model));
  g_assert_cmpuint (n_changed, ==, 2);
  ra_test_spin (500);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ra_device_results_model_get_all (model)), ==, 0);

  ra_test_assert_finalize (g_steal_pointer (&model));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_message ("No display");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/device-results-follow/large-answer", test_large_answer);
  RA_TEST_ADD ("/device-results-follow/filter", test_filter);
  RA_TEST_ADD ("/device-results-follow/outputs", test_outputs);
  RA_TEST_ADD ("/device-results-follow/kept-in-history", test_kept_in_history);
  RA_TEST_ADD ("/device-results-follow/refresh-until-settled", test_refresh_until_settled);
  RA_TEST_ADD ("/device-results-follow/refresh-until-expired", test_refresh_until_expired);
  RA_TEST_ADD ("/device-results-follow/rate-limited", test_rate_limited);
  RA_TEST_ADD ("/device-results-follow/closed-stops", test_closed_stops);

  return g_test_run ();
}
