/* test-device-results.c — what happened on each device of a run, read
 * through the execution results query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-device-results"

#include "config.h"

#include <locale.h>

#include "ra-account.h"
#include "ra-device-result-row.h"
#include "ra-device-results-window-private.h"
#include "ra-run-outcome.h"
#include "ra-session-run.h"

#include "page-fixture.h"
#include "ra-test-utils.h"

#define QUERY "#remote_action_executions"

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/* The query is the account's: the fixture's session, connected without
 * one, gets an account on first use, with the same client. */
static void
set_query (Fixture    *fixture,
           const char *query_id)
{
  g_autoptr(RaAccount) created = NULL;
  RaAccount *account = ra_session_get_account (fixture->session);

  if (account == NULL && *query_id == '\0')
    return;

  if (account == NULL)
    {
      created = ra_account_new ();
      ra_session_set_connection (fixture->session, created,
                                 ra_session_get_client (fixture->session), FALSE);
      account = created;
    }

  ra_account_set_results_query_id (account, query_id);
}

/* Runs the action on n devices and opens its results from the outcome,
 * the way activating the row does. */
static RaDeviceResultsWindow *
run_and_open (Fixture  *fixture,
              guint     n_devices,
              GStrv    *out_ids)
{
  RaRunOutcome *outcome;
  GtkWidget *row;

  select_action (fixture, fixture->form_action);
  fill_form (fixture, n_devices, out_ids);
  confirm_and_wait (fixture);
  outcome = ra_run_form_get_outcome (get_form (fixture));
  g_assert_nonnull (ra_run_outcome_get_request_id (outcome));
  g_assert_null (find_toplevel (RA_TYPE_DEVICE_RESULTS_WINDOW));

  row = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (outcome), RA_TYPE_RUN_OUTCOME,
                                                    "device_results_row");
  g_assert_true (gtk_widget_get_visible (row));
  g_signal_emit_by_name (row, "activate");

  g_assert_nonnull (find_toplevel (RA_TYPE_DEVICE_RESULTS_WINDOW));
  return RA_DEVICE_RESULTS_WINDOW (find_toplevel (RA_TYPE_DEVICE_RESULTS_WINDOW));
}

static guint
count_queries (Fixture *fixture)
{
  return ra_simulator_count_requests (fixture->sim, "POST", "/api/v2/nql/execute");
}

/* Every NQL request asked the query for this request ID, and nothing else. */
static void
assert_queries (Fixture    *fixture,
                const char *query_id,
                const char *request_id)
{
  g_autoptr(GPtrArray) requests = ra_simulator_get_requests (fixture->sim);

  for (guint i = 0; i < requests->len; i++)
    {
      const RaSimRequest *request = g_ptr_array_index (requests, i);
      g_autoptr(JsonNode) node = NULL;
      JsonObject *body, *parameters;

      if (!g_str_equal (request->path, "/api/v2/nql/execute"))
        continue;

      node = parse_json (request->body);
      body = json_node_get_object (node);
      g_assert_cmpstr (json_object_get_string_member (body, "queryId"), ==, query_id);
      parameters = json_object_get_object_member (body, "parameters");
      g_assert_nonnull (parameters);
      g_assert_cmpuint (json_object_get_size (parameters), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (parameters, "request_id"), ==, request_id);
    }
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action_name)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

/* The rows the list view shows for the devices of the answer: it makes
 * them only for the devices in sight, so a few of them are all there. */
static gboolean
row_shows (GtkWidget     *widget,
           gconstpointer  item)
{
  return ra_device_result_row_get_item (RA_DEVICE_RESULT_ROW (widget)) == item;
}

static guint
count_list_rows (RaDeviceResultsWindow *window)
{
  GtkWidget *list = GTK_WIDGET (ra_device_results_window_get_device_list (window));
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = ra_test_find_widget (child, RA_TYPE_DEVICE_RESULT_ROW, NULL, NULL);

      if (row != NULL && ra_device_result_row_get_item (RA_DEVICE_RESULT_ROW (row)) != NULL)
        n++;
    }

  return n;
}

static void
test_results (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(GStrv) ids = NULL;
  RaDeviceResultsWindow *window;
  RaNqlResult *result;
  const char *request_id;
  g_autofree char *expected = NULL;
  GtkWidget *list, *button;
  g_autofree char *copied = NULL;
  guint settled[3] = { 0, };

  set_query (fixture, QUERY);
  /* Nobody has finished yet… */
  ra_simulator_set_execution_seconds (fixture->sim, 3600);

  window = run_and_open (fixture, 5, &ids);
  request_id = ra_run_form_get_request_id (get_form (fixture));
  g_assert_cmpstr (ra_device_results_window_get_request_id (window), ==, request_id);
  g_assert_cmpstr (ra_device_results_window_get_query_id (window), ==, QUERY);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);
  g_assert_cmpint (ra_device_results_window_get_state (window), ==, RA_DEVICE_RESULTS_WINDOW_STATE_RESULTS);

  /* One row per device the action ran on. */
  result = ra_device_results_window_get_result (window);
  g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (ra_device_results_window_get_devices (window)), ==, 5);
  RA_TEST_WAIT_UNTIL_FOR (count_list_rows (window) == 5, WAIT_SECONDS);
  for (guint i = 0; i < 5; i++)
    {
      const char *uid = ra_nql_result_get_value (result, i, "device.collector.uid");
      gboolean found = FALSE;

      for (guint j = 0; ids[j] != NULL; j++)
        found = found || g_ascii_strcasecmp (ids[j], uid) == 0;
      g_assert_true (found);
      g_assert_cmpstr (ra_nql_result_get_value (result, i, "remote_action.execution.request_id"),
                       ==, request_id);
    }
  g_assert_cmpstr (ra_device_results_window_get_summary (window), ==,
                   "0 of 5 devices succeeded, 0 failed, 5 pending");

  /* …then everyone who is online has, and Refresh shows it. */
  ra_simulator_set_execution_seconds (fixture->sim, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "results.refresh", NULL);
  g_assert_true (ra_device_results_window_get_loading (window));
  /* What was shown stays while the answer comes. */
  g_assert_cmpint (ra_device_results_window_get_state (window), ==, RA_DEVICE_RESULTS_WINDOW_STATE_RESULTS);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);

  result = ra_device_results_window_get_result (window);
  g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      const char *status = ra_nql_result_get_value (result, i, "remote_action.execution.status");

      if (g_str_equal (status, "success"))
        settled[0]++;
      else if (g_str_equal (status, "failure"))
        settled[1]++;
      else if (g_str_equal (status, "waiting"))
        settled[2]++;
      else
        g_error ("Not settled: %s", status);
    }
  expected = g_strdup_printf ("%u of 5 devices succeeded, %u failed, %u pending",
                              settled[0], settled[1], settled[2]);
  g_assert_cmpstr (ra_device_results_window_get_summary (window), ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (ra_device_results_window_get_devices (window)), ==, 5);
  RA_TEST_WAIT_UNTIL_FOR (count_list_rows (window) == 5, WAIT_SECONDS);

  /* The run's row in the list opens the same window again. */
  list = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (fixture->page), RA_TYPE_ACTION_PAGE,
                                                    "history_list");
  button = ra_test_find_widget (list, GTK_TYPE_BUTTON, has_action, "page.device-results");
  g_assert_nonnull (button);
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  ra_test_click (GTK_BUTTON (button));
  g_assert_true (find_toplevel (RA_TYPE_DEVICE_RESULTS_WINDOW) == GTK_WINDOW (window));
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);

  /* Its other button copies the request ID. */
  button = ra_test_find_widget (list, GTK_TYPE_BUTTON, has_action, "page.copy-request-id");
  g_assert_nonnull (button);
  ra_test_click (GTK_BUTTON (button));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (button), NULL, clipboard_read_cb, &copied);
  RA_TEST_WAIT_UNTIL_FOR (copied != NULL, WAIT_SECONDS);
  g_assert_cmpstr (copied, ==, request_id);

  /* Three reads of the query, and the action ran exactly once. */
  g_assert_cmpuint (count_queries (fixture), ==, 3);
  assert_queries (fixture, QUERY, request_id);
  g_assert_cmpuint (count_executes (fixture), ==, 1);

  ra_test_destroy_window (GTK_WINDOW (window));
  set_query (fixture, "");
}

static void
test_unknown_query (Fixture       *fixture,
                    gconstpointer  data)
{
  RaDeviceResultsWindow *window;
  const char *message;

  set_query (fixture, "#no_such_query");
  window = run_and_open (fixture, 2, NULL);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);

  g_assert_cmpint (ra_device_results_window_get_state (window), ==, RA_DEVICE_RESULTS_WINDOW_STATE_ERROR);
  message = ra_device_results_window_get_error_message (window);
  g_assert_nonnull (message);
  g_assert_cmpstr (message, ==,
                   "The query “#no_such_query” does not exist in Nexthink: create it in the "
                   "NQL admin or change it in the account’s settings.");
  g_assert_null (ra_device_results_window_get_result (window));
  g_assert_cmpuint (count_queries (fixture), ==, 1);
  assert_queries (fixture, "#no_such_query", ra_run_form_get_request_id (get_form (fixture)));

  /* Fixing the account's query reads the right one at once. */
  set_query (fixture, QUERY);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);
  g_assert_cmpint (ra_device_results_window_get_state (window), ==, RA_DEVICE_RESULTS_WINDOW_STATE_RESULTS);
  g_assert_null (ra_device_results_window_get_error_message (window));
  g_assert_cmpuint (count_executes (fixture), ==, 1);

  ra_test_destroy_window (GTK_WINDOW (window));
  set_query (fixture, "");
}

static void
edit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  guint *edited = user_data;

  (*edited)++;
}

static void
test_unconfigured (Fixture       *fixture,
                   gconstpointer  data)
{
  RaDeviceResultsWindow *window;
  g_autoptr(GSimpleActionGroup) accounts = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) edit = g_simple_action_new ("edit", NULL);
  guint edited = 0;

  /* An account without the query. */
  set_query (fixture, "#placeholder");
  set_query (fixture, "");
  window = run_and_open (fixture, 1, NULL);

  /* Nothing to ask: the window says how to set it up. */
  g_assert_false (ra_device_results_window_get_loading (window));
  g_assert_cmpint (ra_device_results_window_get_state (window), ==, RA_DEVICE_RESULTS_WINDOW_STATE_UNCONFIGURED);
  g_assert_null (ra_device_results_window_get_query_id (window));
  g_assert_nonnull (strstr (ra_device_results_window_get_setup_text (window), "account’s settings"));
  g_assert_cmpuint (count_queries (fixture), ==, 0);

  /* The button opens the account editor, which the main window has. */
  g_signal_connect (edit, "activate", G_CALLBACK (edit_activated_cb), &edited);
  g_action_map_add_action (G_ACTION_MAP (accounts), G_ACTION (edit));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "accounts", G_ACTION_GROUP (accounts));
  gtk_widget_activate_action (GTK_WIDGET (window), "results.edit-account", NULL);
  g_assert_cmpuint (edited, ==, 1);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "accounts", NULL);

  /* Setting the query up in the account reads it at once. */
  set_query (fixture, QUERY);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);
  g_assert_cmpstr (ra_device_results_window_get_query_id (window), ==, QUERY);
  g_assert_cmpint (ra_device_results_window_get_state (window), ==, RA_DEVICE_RESULTS_WINDOW_STATE_RESULTS);
  assert_queries (fixture, QUERY, ra_run_form_get_request_id (get_form (fixture)));
  set_query (fixture, "");

  ra_test_destroy_window (GTK_WINDOW (window));
  g_assert_cmpuint (count_executes (fixture), ==, 1);
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

/* What the first device's row shows under its name, once it is shown. */
static const char *
first_row_subtitle (RaDeviceResultsWindow *window)
{
  GtkWidget *list = GTK_WIDGET (ra_device_results_window_get_device_list (window));
  g_autoptr(RaDeviceResultItem) first = g_list_model_get_item (ra_device_results_window_get_devices (window), 0);
  GtkWidget *row = NULL;

  if (first == NULL)
    return NULL;

  RA_TEST_WAIT_UNTIL_FOR ((row = ra_test_find_widget (list, RA_TYPE_DEVICE_RESULT_ROW, row_shows,
                                                      first)) != NULL,
                          WAIT_SECONDS);

  return gtk_label_get_text (GTK_LABEL (ra_test_find_widget (row, GTK_TYPE_LABEL, has_class,
                                                             "caption")));
}

static JsonNode *
timed_rows (guint n)
{
  g_autoptr(GString) text = g_string_new ("[");

  /* Times without an offset, as the client asked for UTC; one minute
   * apart, so the column tells the devices apart and is shown. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text,
                            "%s{\"device.name\": \"PC-%u\", "
                            "\"remote_action.execution.status\": \"success\", "
                            "\"remote_action.execution.time\": \"2026-12-02T15:%02u:05\"}",
                            i > 0 ? "," : "", i, 30 + i % 30);
  g_string_append_c (text, ']');

  return parse_json (text->str);
}

static void
record_description_cb (GObject    *page,
                       GParamSpec *pspec,
                       GString    *seen)
{
  const char *description = adw_status_page_get_description (ADW_STATUS_PAGE (page));

  if (description != NULL)
    g_string_append_printf (seen, "%s\n", description);
}

/* The results of the last run, as if it had gone to more devices than
 * the answer's row limit; in_note NULL: all of them are there. */
static void
assert_large_run (Fixture    *fixture,
                  const char *summary,
                  const char *in_note)
{
  g_autoptr(GString) progress = g_string_new (NULL);
  RaDeviceResultsWindow *large;
  GObject *loading_page;

  large = ra_device_results_window_new (fixture->session,
                                        ra_run_form_get_request_id (get_form (fixture)),
                                        NULL, RA_NQL_EXECUTE_MAX_ROWS + 500);
  loading_page = gtk_widget_get_template_child (GTK_WIDGET (large), RA_TYPE_DEVICE_RESULTS_WINDOW,
                                                "loading_page");
  g_signal_connect (loading_page, "notify::description", G_CALLBACK (record_description_cb),
                    progress);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (large), WAIT_SECONDS);
  g_signal_handlers_disconnect_by_data (loading_page, progress);
  g_assert_cmpstr (ra_device_results_window_get_summary (large), ==, summary);
  if (in_note != NULL)
    g_assert_nonnull (strstr (ra_device_results_window_get_incomplete_note (large), in_note));
  else
    g_assert_null (ra_device_results_window_get_incomplete_note (large));

  /* The export's progress showed where the spinner turns. */
  g_test_message ("progress: %s", progress->str);
  g_assert_nonnull (strstr (progress->str, "exporting"));
  g_assert_nonnull (strstr (progress->str, "Downloading the results: "));
  ra_test_destroy_window (GTK_WINDOW (large));
}

static void
test_times_and_row_limit (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *saved_tz = g_strdup (g_getenv ("TZ"));
  g_autoptr(JsonNode) few = timed_rows (3);
  g_autoptr(JsonNode) many = timed_rows (RA_NQL_EXECUTE_MAX_ROWS + 1);
  RaDeviceResultsWindow *window;
  const char *subtitle;
  const char *note;

  /* 15:30:05 UTC is 10:30:05 in New York in December. */
  g_setenv ("TZ", "America/New_York", TRUE);
  ra_simulator_set_export_seconds (fixture->sim, 0);
  ra_simulator_add_nql_query (fixture->sim, "#timed_results", few);
  set_query (fixture, "#timed_results");

  window = run_and_open (fixture, 1, NULL);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);
  g_assert_cmpint (ra_device_results_window_get_state (window), ==, RA_DEVICE_RESULTS_WINDOW_STATE_RESULTS);
  subtitle = first_row_subtitle (window);
  g_assert_nonnull (subtitle);
  g_test_message ("first row: %s", subtitle);
  g_assert_nonnull (strstr (subtitle, "10:30:05"));
  g_assert_nonnull (strstr (subtitle, "2026"));
  g_assert_null (strstr (subtitle, "15:30:05"));
  g_assert_null (ra_device_results_window_get_incomplete_note (window));

  /* Past execute's row limit, the export brings every row, and the
   * devices that have not reported are pending. */
  ra_simulator_add_nql_query (fixture->sim, "#timed_results", many);
  gtk_widget_activate_action (GTK_WIDGET (window), "results.refresh", NULL);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);
  g_assert_cmpuint (ra_nql_result_get_n_rows (ra_device_results_window_get_result (window)), ==,
                    RA_NQL_EXECUTE_MAX_ROWS + 1);
  g_assert_cmpuint (g_list_model_get_n_items (ra_device_results_window_get_devices (window)), ==,
                    RA_NQL_EXECUTE_MAX_ROWS + 1);
  g_assert_null (ra_device_results_window_get_incomplete_note (window));
  assert_large_run (fixture, "1001 of 1500 devices succeeded, 0 failed, 499 pending", NULL);

  /* When even the export is cut (a licence's limit), the window says
   * the list may be cut. */
  ra_simulator_set_export_row_limit (fixture->sim, RA_NQL_EXECUTE_MAX_ROWS);
  gtk_widget_activate_action (GTK_WIDGET (window), "results.refresh", NULL);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);
  g_assert_cmpuint (ra_nql_result_get_n_rows (ra_device_results_window_get_result (window)), ==,
                    RA_NQL_EXECUTE_MAX_ROWS);
  note = ra_device_results_window_get_incomplete_note (window);
  g_assert_nonnull (note);
  g_test_message ("note: %s", note);
  g_assert_nonnull (strstr (note, "1000"));
  g_assert_nonnull (strstr (note, "incomplete"));
  /* Devices of a run past the limit are not known to be pending. */
  assert_large_run (fixture, "1000 of 1000 devices succeeded, 0 failed, 0 pending",
                    "the first 1000 rows");

  /* Counts are written as the user's locale writes numbers, like the
   * rest of the app's: in German, "1.000". */
  if (ra_test_use_grouping_locale ())
    {
      assert_large_run (fixture, "1.000 of 1.000 devices succeeded, 0 failed, 0 pending",
                        "the first 1.000 rows");
      setlocale (LC_NUMERIC, "C");
    }

  /* And stops saying so when it is not. */
  ra_simulator_set_export_row_limit (fixture->sim, 0);
  ra_simulator_add_nql_query (fixture->sim, "#timed_results", few);
  gtk_widget_activate_action (GTK_WIDGET (window), "results.refresh", NULL);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);
  g_assert_null (ra_device_results_window_get_incomplete_note (window));

  ra_test_destroy_window (GTK_WINDOW (window));
  set_query (fixture, "");
  if (saved_tz != NULL)
    g_setenv ("TZ", saved_tz, TRUE);
  else
    g_unsetenv ("TZ");
}

/* In the demo, a run on devices the instance does not know never reports:
 * the window says so and hands out the devices that do. */
static void
test_demo_unknown_devices (Fixture       *fixture,
                           gconstpointer  data)
{
  g_auto(GStrv) known = ra_simulator_dup_known_devices ();
  g_autofree char *copied = NULL;
  g_autofree char *request_id = g_uuid_string_random ();
  g_autoptr(RaSession) demo = ra_test_session_new (NULL, fixture->client, TRUE);
  RaDeviceResultsWindow *window;
  GtkWidget *button;

  set_query (fixture, "");
  window = ra_device_results_window_new (demo, request_id, NULL, 2);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);
  g_assert_cmpint (ra_device_results_window_get_state (window), ==, RA_DEVICE_RESULTS_WINDOW_STATE_EMPTY);

  button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                      RA_TYPE_DEVICE_RESULTS_WINDOW,
                                                      "demo_devices_button"));
  g_assert_true (gtk_widget_get_visible (button));
  gtk_widget_activate_action (GTK_WIDGET (window), "results.copy-demo-devices", NULL);
  RA_TEST_WAIT_UNTIL_FOR (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), "Copied") == 0, WAIT_SECONDS);

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL,
                                 clipboard_read_cb, &copied);
  RA_TEST_WAIT_UNTIL_FOR (copied != NULL, WAIT_SECONDS);
  g_assert_true (g_str_has_prefix (copied, known[0]));
  for (guint i = 0; known[i] != NULL; i++)
    g_assert_nonnull (strstr (copied, known[i]));
  ra_test_destroy_window (GTK_WINDOW (window));

  /* Not on a real instance. */
  window = ra_device_results_window_new (fixture->session, request_id, NULL, 2);
  set_query (fixture, QUERY);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);
  g_assert_cmpint (ra_device_results_window_get_state (window), ==, RA_DEVICE_RESULTS_WINDOW_STATE_EMPTY);
  button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                      RA_TYPE_DEVICE_RESULTS_WINDOW,
                                                      "demo_devices_button"));
  g_assert_false (gtk_widget_get_visible (button));
  ra_test_destroy_window (GTK_WINDOW (window));
  set_query (fixture, "");
}

static void
test_nql_forbidden (Fixture       *fixture,
                    gconstpointer  data)
{
  RaDeviceResultsWindow *window;
  const char *message;

  ra_simulator_set_nql_permission (fixture->sim, FALSE);
  set_query (fixture, QUERY);
  window = run_and_open (fixture, 1, NULL);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);
  g_assert_cmpint (ra_device_results_window_get_state (window), ==, RA_DEVICE_RESULTS_WINDOW_STATE_ERROR);
  message = ra_device_results_window_get_error_message (window);
  g_assert_nonnull (strstr (message, "NQL API"));
  g_assert_nonnull (strstr (message, "API credentials"));

  ra_test_destroy_window (GTK_WINDOW (window));
  set_query (fixture, "");
  ra_simulator_set_nql_permission (fixture->sim, TRUE);
}

/* The demo instance has its query set up; an account uses its own. */
static void
test_demo_query (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RaSession) demo = ra_test_session_new (NULL, fixture->client, TRUE);
  RaDeviceResultsWindow *window;
  const char *request_id;

  set_query (fixture, "");
  ra_test_destroy_window (GTK_WINDOW (run_and_open (fixture, 2, NULL)));
  request_id = ra_run_form_get_request_id (get_form (fixture));

  window = ra_device_results_window_new (demo, request_id, NULL, 2);
  g_assert_cmpstr (ra_device_results_window_get_query_id (window), ==, RA_DEMO_EXECUTIONS_QUERY);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);
  g_assert_cmpint (ra_device_results_window_get_state (window), ==, RA_DEVICE_RESULTS_WINDOW_STATE_RESULTS);
  g_assert_cmpuint (ra_nql_result_get_n_rows (ra_device_results_window_get_result (window)), ==, 2);
  assert_queries (fixture, RA_DEMO_EXECUTIONS_QUERY, request_id);
  ra_test_destroy_window (GTK_WINDOW (window));

  /* An account's own query, not the demo's, even on the same server. */
  set_query (fixture, "#no_such_query");
  window = ra_device_results_window_new (fixture->session, request_id, NULL, 2);
  g_assert_cmpstr (ra_device_results_window_get_query_id (window), ==, "#no_such_query");
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);
  g_assert_cmpint (ra_device_results_window_get_state (window), ==, RA_DEVICE_RESULTS_WINDOW_STATE_ERROR);
  ra_test_destroy_window (GTK_WINDOW (window));
  set_query (fixture, "");

  g_assert_cmpuint (count_executes (fixture), ==, 1);
}

static void
test_signed_out (Fixture       *fixture,
                 gconstpointer  data)
{
  RaDeviceResultsWindow *window;
  gpointer weak;

  set_query (fixture, QUERY);
  window = run_and_open (fixture, 1, NULL);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_results_window_get_loading (window), WAIT_SECONDS);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (window)) == GTK_WINDOW (fixture->window));

  /* Results read with the old credentials do not outlive them. */
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  ra_session_set_connection (fixture->session, NULL, NULL, FALSE);
  RA_TEST_WAIT_UNTIL_FOR (weak == NULL, WAIT_SECONDS);
  g_assert_null (find_toplevel (RA_TYPE_DEVICE_RESULTS_WINDOW));
  set_query (fixture, "");
}

static void
add_tests (void)
{
  g_autoptr(RaClock) clock = ra_clock_new_manual (0);

  /* Refreshes come only when a test asks for them: the clock the
   * windows time them by stands still. */
  ra_device_results_window_use_clock (clock);

  RA_TEST_ADD ("/device-results/results", test_results);
  RA_TEST_ADD ("/device-results/unknown-query", test_unknown_query);
  RA_TEST_ADD ("/device-results/unconfigured", test_unconfigured);
  RA_TEST_ADD ("/device-results/demo-query", test_demo_query);
  RA_TEST_ADD ("/device-results/signed-out", test_signed_out);
  RA_TEST_ADD ("/device-results/times-and-row-limit", test_times_and_row_limit);
  RA_TEST_ADD ("/device-results/nql-forbidden", test_nql_forbidden);
  RA_TEST_ADD ("/device-results/demo-unknown-devices", test_demo_unknown_devices);
}

int
main (int   argc,
      char *argv[])
{
  return page_fixture_main (argc, argv, add_tests);
}
