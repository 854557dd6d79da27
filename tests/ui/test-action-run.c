/* test-action-run.c — running an action from the page: confirmation, request, errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-action-run"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ra-endpoint.h"
#include "ra-session-run.h"

#include "page-fixture.h"
#include "ra-test-utils.h"

static void
test_execute (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *body, *params, *trigger;
  JsonArray *devices;
  RaConfirmDialog *dialog;
  RaSessionRun *run;
  GListModel *runs;

  select_action (fixture, fixture->form_action);
  fill_form (fixture, 3, &ids);
  g_assert_null (ra_run_form_get_blocker (get_form (fixture)));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ra_action_page_get_run_button (fixture->page))),
                   ==, "_Run on 3 Devices");

  /* Cancelling sends nothing. */
  dialog = open_confirmation (fixture);
  g_assert_null (ra_confirm_dialog_get_count_entry (dialog));
  /* Pressing again while it is open does not open a second one. */
  ra_action_page_activate_run (fixture->page);
  g_assert_true (ra_action_page_get_confirm_dialog (fixture->page) == dialog);
  respond (dialog, RA_CONFIRM_RESPONSE_CANCEL);
  g_assert_null (ra_action_page_get_confirm_dialog (fixture->page));
  g_assert_cmpuint (count_executes (fixture), ==, 0);

  confirm_and_wait (fixture);

  g_assert_null (ra_run_outcome_get_error_message (ra_run_form_get_outcome (get_form (fixture))));
  g_assert_nonnull (ra_run_outcome_get_request_id (ra_run_form_get_outcome (get_form (fixture))));
  g_assert_true (g_uuid_string_is_valid (ra_run_outcome_get_request_id (ra_run_form_get_outcome (get_form (fixture)))));
  g_assert_cmpuint (count_executes (fixture), ==, 1);

  body = get_execute_body (fixture, &node);
  g_assert_cmpuint (json_object_get_size (body), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (body, "remoteActionId"), ==,
                   "#ra_test_restart_service");
  g_assert_cmpint (json_object_get_int_member (body, "expiresInMinutes"), ==, 120);

  params = json_object_get_object_member (body, "params");
  g_assert_cmpuint (json_object_get_size (params), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (params, "StartType"), ==, "Manual");
  g_assert_cmpstr (json_object_get_string_member (params, "ServiceName"), ==, "Print Spooler");
  g_assert_cmpstr (json_object_get_string_member (params, "Note"), ==, "per ticket");

  devices = json_object_get_array_member (body, "devices");
  g_assert_cmpuint (json_array_get_length (devices), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (json_array_get_string_element (devices, i), ==, ids[i]);

  trigger = json_object_get_object_member (body, "triggerInfo");
  g_assert_cmpuint (json_object_get_size (trigger), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (trigger, "externalSource"), ==,
                   "Remote Actions for GNOME");
  g_assert_cmpstr (json_object_get_string_member (trigger, "reason"), ==, "User cannot print");
  g_assert_cmpstr (json_object_get_string_member (trigger, "externalReference"), ==, "INC0012345");

  runs = ra_action_page_get_runs (fixture->page);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 1);
  run = g_list_model_get_item (runs, 0);
  g_assert_cmpstr (ra_session_run_get_request_id (run), ==,
                   ra_run_outcome_get_request_id (ra_run_form_get_outcome (get_form (fixture))));
  g_assert_cmpuint (ra_session_run_get_n_devices (run), ==, 3);
  g_assert_cmpstr (ra_session_run_get_action_id (run), ==, "#ra_test_restart_service");
  g_object_unref (run);
}

static void
test_execute_server_default_expiry (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *body;

  select_action (fixture, fixture->collect_action);
  ra_device_editor_set_text (get_devices (fixture), "1E5E8C0F-4D3B-4A5C-9A3F-1C2B3D4E5F60");
  ra_run_form_set_options (get_form (fixture), 0, "", "");

  confirm_and_wait (fixture);
  g_assert_nonnull (ra_run_outcome_get_request_id (ra_run_form_get_outcome (get_form (fixture))));

  body = get_execute_body (fixture, &node);
  g_assert_false (json_object_has_member (body, "expiresInMinutes"));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (body, "params")), ==, 0);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (body, "devices"), 0),
                   ==, "1e5e8c0f-4d3b-4a5c-9a3f-1c2b3d4e5f60");
  /* What the server chose is shown. */
  g_assert_true (strstr (ra_run_outcome_get_expiry_text (ra_run_form_get_outcome (get_form (fixture))), "default") != NULL);
}

static void
test_typed_count (Fixture       *fixture,
                  gconstpointer  data)
{
  RaConfirmDialog *dialog;
  GtkEditable *entry;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *body;

  select_action (fixture, fixture->form_action);
  fill_form (fixture, 11, NULL);

  dialog = open_confirmation (fixture);
  entry = ra_confirm_dialog_get_count_entry (dialog);
  g_assert_nonnull (entry);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           RA_CONFIRM_RESPONSE_RUN));
  gtk_editable_set_text (entry, "10");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           RA_CONFIRM_RESPONSE_RUN));
  gtk_editable_set_text (entry, "11x");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           RA_CONFIRM_RESPONSE_RUN));
  gtk_editable_set_text (entry, " 11 ");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          RA_CONFIRM_RESPONSE_RUN));
  /* Remediation: Enter is not the run response. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)),
                   ==, RA_CONFIRM_RESPONSE_CANCEL);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                                               RA_CONFIRM_RESPONSE_RUN),
                   ==, ADW_RESPONSE_DESTRUCTIVE);

  respond (dialog, RA_CONFIRM_RESPONSE_RUN);
  RA_TEST_WAIT_UNTIL_FOR (!ra_run_form_get_running (get_form (fixture)), WAIT_SECONDS);
  g_assert_cmpuint (count_executes (fixture), ==, 1);
  body = get_execute_body (fixture, &node);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (body, "devices")), ==, 11);
}

static void
test_data_collection_confirmation (Fixture       *fixture,
                                   gconstpointer  data)
{
  RaConfirmDialog *dialog;

  select_action (fixture, fixture->collect_action);
  ra_device_editor_set_text (get_devices (fixture), "1e5e8c0f-4d3b-4a5c-9a3f-1c2b3d4e5f60");

  dialog = open_confirmation (fixture);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                                               RA_CONFIRM_RESPONSE_RUN),
                   ==, ADW_RESPONSE_SUGGESTED);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                   ==, "Run “Collect something” on demo (eu)?");
  respond (dialog, RA_CONFIRM_RESPONSE_CANCEL);
}

/* n_runs: 1 when the outcome is unknown, as the run may have started and
 * is listed to be checked; 0 when it certainly did not start. */
static void
run_failing (Fixture *fixture,
             guint    n_runs)
{
  g_autofree char *devices = NULL;

  select_action (fixture, fixture->form_action);
  fill_form (fixture, 2, NULL);
  devices = ra_device_editor_dup_text (get_devices (fixture));

  confirm_and_wait (fixture);

  g_assert_null (ra_run_outcome_get_request_id (ra_run_form_get_outcome (get_form (fixture))));
  g_assert_nonnull (ra_run_outcome_get_error_message (ra_run_form_get_outcome (get_form (fixture))));
  assert_form_intact (fixture, devices);
  g_assert_cmpuint (g_list_model_get_n_items (ra_action_page_get_runs (fixture->page)), ==, n_runs);
}

static void
test_forbidden (Fixture       *fixture,
                gconstpointer  data)
{
  /* Get a token first, so that the failure lands on execute. */
  select_action (fixture, fixture->form_action);
  ra_simulator_fail_next (fixture->sim, 1, 403, 0);
  run_failing (fixture, 0);
  g_assert_cmpuint (count_executes (fixture), ==, 1);
}

static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *message;

  select_action (fixture, fixture->form_action);
  ra_simulator_fail_next (fixture->sim, 1, 429, 30);
  run_failing (fixture, 0);

  message = ra_run_outcome_get_error_message (ra_run_form_get_outcome (get_form (fixture)));
  g_assert_true (strstr (message, "30") != NULL);
  g_assert_cmpuint (count_executes (fixture), ==, 1);
}

static void
test_dropped (Fixture       *fixture,
              gconstpointer  data)
{
  select_action (fixture, fixture->form_action);
  ra_simulator_drop_next (fixture->sim, 1);
  run_failing (fixture, 1);

  /* It may have run: it is never sent again by itself. */
  g_assert_cmpuint (count_executes (fixture), ==, 1);
  g_assert_true (strstr (ra_run_outcome_get_error_message (ra_run_form_get_outcome (get_form (fixture))),
                         "before running it again") != NULL);
}

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(JsonNode) node = NULL;
  RaConfirmDialog *dialog;
  JsonObject *body;

  g_settings_set_string (settings, "external-source", "Service Desk");
  g_settings_set_uint (settings, "confirmation-threshold", 2);
  g_settings_set_uint (settings, "default-expiry-minutes", 240);

  select_action (fixture, fixture->form_action);
  fill_form (fixture, 3, NULL);
  ra_input_row_set_value (get_input (fixture, "Note"), "  ");
  ra_run_form_set_options (get_form (fixture), 0, "", "");
  /* A new default expiry from Preferences applies at once. */
  g_settings_set_uint (settings, "default-expiry-minutes", 300);

  dialog = open_confirmation (fixture);
  g_assert_nonnull (ra_confirm_dialog_get_count_entry (dialog));
  gtk_editable_set_text (ra_confirm_dialog_get_count_entry (dialog), "3");
  respond (dialog, RA_CONFIRM_RESPONSE_RUN);
  RA_TEST_WAIT_UNTIL_FOR (!ra_run_form_get_running (get_form (fixture)), WAIT_SECONDS);

  body = get_execute_body (fixture, &node);
  g_assert_cmpint (json_object_get_int_member (body, "expiresInMinutes"), ==, 300);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (body, "triggerInfo"),
                                                  "externalSource"),
                   ==, "Service Desk");
  /* A blank input is left out, and so are empty options. */
  g_assert_false (json_object_has_member (json_object_get_object_member (body, "params"), "Note"));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (body, "params")), ==, 2);
  g_assert_false (json_object_has_member (json_object_get_object_member (body, "triggerInfo"),
                                          "reason"));

  g_settings_reset (settings, "external-source");
  g_settings_reset (settings, "confirmation-threshold");
  g_settings_reset (settings, "default-expiry-minutes");
}

/* A source cleared by hand in the settings sends the schema's default. */
static void
test_blank_source (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *body;

  g_settings_set_string (settings, "external-source", "  ");

  select_action (fixture, fixture->collect_action);
  ra_device_editor_set_text (get_devices (fixture), "1E5E8C0F-4D3B-4A5C-9A3F-1C2B3D4E5F60");
  confirm_and_wait (fixture);
  g_assert_nonnull (ra_run_outcome_get_request_id (ra_run_form_get_outcome (get_form (fixture))));

  body = get_execute_body (fixture, &node);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (body, "triggerInfo"),
                                                  "externalSource"),
                   ==, "Remote Actions for GNOME");

  g_settings_reset (settings, "external-source");
}

static void
test_reason_limit (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *reason = NULL;
  g_autoptr(GString) text = NULL;

  select_action (fixture, fixture->form_action);
  fill_form (fixture, 1, NULL);

  /* Characters, not bytes: 500 "é" are fine, 501 are not. */
  reason = g_strnfill (500, 'x');
  ra_run_form_set_options (get_form (fixture), 0, reason, "");
  g_assert_null (ra_run_form_get_blocker (get_form (fixture)));

  text = g_string_new (NULL);
  for (guint i = 0; i < 500; i++)
    g_string_append (text, "é");
  ra_run_form_set_options (get_form (fixture), 0, text->str, "");
  g_assert_null (ra_run_form_get_blocker (get_form (fixture)));
  g_string_append (text, "é");
  ra_run_form_set_options (get_form (fixture), 0, text->str, "");
  g_assert_cmpstr (ra_run_form_get_blocker (get_form (fixture)), ==,
                   "Shorten the reason to 500 characters");
  ra_action_page_activate_run (fixture->page);
  g_assert_null (ra_action_page_get_confirm_dialog (fixture->page));
}

static void
test_run_action (Fixture       *fixture,
                 gconstpointer  data)
{
  select_action (fixture, fixture->form_action);

  /* Nothing filled in: the button is off and the bar says why; the
   * shortcut asks nothing either. */
  g_assert_false (gtk_widget_is_sensitive (ra_action_page_get_run_button (fixture->page)));
  g_assert_cmpstr (ra_action_page_get_run_hint (fixture->page), ==,
                   "Choose a value for “Start type”");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.request-run", NULL);
  g_assert_null (ra_action_page_get_confirm_dialog (fixture->page));

  fill_form (fixture, 1, NULL);
  g_assert_true (gtk_widget_is_sensitive (ra_action_page_get_run_button (fixture->page)));
  g_assert_cmpstr (ra_action_page_get_run_hint (fixture->page), ==, "");

  /* What Ctrl+Return activates, and the Run button's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.request-run", NULL));
  g_assert_nonnull (ra_action_page_get_confirm_dialog (fixture->page));
  respond (ra_action_page_get_confirm_dialog (fixture->page), RA_CONFIRM_RESPONSE_CANCEL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.run", NULL));
  g_assert_nonnull (ra_action_page_get_confirm_dialog (fixture->page));
}

static void
test_switch_while_confirming (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(JsonNode) node = NULL;
  RaConfirmDialog *dialog;
  RaSessionRun *run;
  JsonObject *body;

  select_action (fixture, fixture->collect_action);
  select_action (fixture, fixture->form_action);
  fill_form (fixture, 2, NULL);
  dialog = open_confirmation (fixture);

  /* The page moves on (a refresh, a pick from elsewhere): what was
   * confirmed is still what is sent, under its own name. */
  select_action (fixture, fixture->collect_action);
  respond (dialog, RA_CONFIRM_RESPONSE_RUN);
  RA_TEST_WAIT_UNTIL_FOR (!ra_run_form_get_running (get_form (fixture)), WAIT_SECONDS);

  body = get_execute_body (fixture, &node);
  g_assert_cmpstr (json_object_get_string_member (body, "remoteActionId"), ==,
                   "#ra_test_restart_service");
  run = g_list_model_get_item (ra_action_page_get_runs (fixture->page), 0);
  g_assert_cmpstr (ra_session_run_get_action_name (run), ==,
                   "Restart a service and set how it starts");
  g_object_unref (run);
  /* Its result belongs to the other action's page. */
  g_assert_null (ra_run_form_get_request_id (get_form (fixture)));
}

static void
test_client_changed_while_confirming (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(RaClient) other = NULL;
  RaConfirmDialog *dialog;

  select_action (fixture, fixture->form_action);
  fill_form (fixture, 2, NULL);
  dialog = open_confirmation (fixture);

  endpoint = ra_endpoint_new_full ("other", "us", ra_simulator_get_base_url (fixture->sim),
                                   ra_simulator_get_login_base_url (fixture->sim), NULL);
  other = ra_client_new (endpoint, RA_SIM_DEFAULT_CLIENT_ID,
                         RA_SIM_DEFAULT_CLIENT_SECRET, RA_TOKEN_ENDPOINT_AUTO);
  ra_session_set_connection (fixture->session, NULL, other, FALSE);

  respond (dialog, RA_CONFIRM_RESPONSE_RUN);
  g_assert_false (ra_run_form_get_running (get_form (fixture)));
  g_assert_cmpuint (count_executes (fixture), ==, 0);

  /* Let the new client's details request finish before tearing down. */
  RA_TEST_WAIT_UNTIL_FOR (ra_action_page_get_state (fixture->page) == RA_ACTION_PAGE_STATE_ACTION, WAIT_SECONDS);
}

static gboolean
label_has_text (GtkWidget     *widget,
                gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* Device counts are written as the user's locale writes numbers: in
 * German, "1.234". */
static void
test_numbers_grouped (Fixture       *fixture,
                      gconstpointer  data)
{
  RaDeviceEditor *editor;
  RaConfirmDialog *dialog;
  g_autofree char *many = NULL;

  if (!ra_test_use_grouping_locale ())
    return;

  select_action (fixture, fixture->form_action);
  fill_form (fixture, 1234, NULL);
  editor = get_devices (fixture);
  g_assert_cmpstr (ra_device_editor_get_summary (editor), ==, "1.234 valid devices");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ra_action_page_get_run_button (fixture->page))),
                   ==, "_Run on 1.234 Devices");

  dialog = open_confirmation (fixture);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), " 1.234 devices."));
  g_assert_nonnull (ra_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, label_has_text,
                                         "To confirm, type the number of devices (1.234)."));
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), RA_CONFIRM_RESPONSE_RUN),
                   ==, "_Run on 1.234 Devices");
  gtk_editable_set_text (ra_confirm_dialog_get_count_entry (dialog), "1.234");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          RA_CONFIRM_RESPONSE_RUN));
  respond (dialog, RA_CONFIRM_RESPONSE_CANCEL);

  many = make_devices (10001, NULL);
  ra_device_editor_set_text (editor, many);
  g_assert_cmpstr (ra_device_editor_get_problem (editor), ==, "Choose at most 10.000 devices, not 10.001");
  g_assert_cmpstr (ra_device_editor_get_summary (editor), ==, "10.001 valid devices");

  setlocale (LC_NUMERIC, "C");
}

static void
add_tests (void)
{
  RA_TEST_ADD ("/action-run/execute", test_execute);
  RA_TEST_ADD ("/action-run/execute-server-default-expiry", test_execute_server_default_expiry);
  RA_TEST_ADD ("/action-run/typed-count", test_typed_count);
  RA_TEST_ADD ("/action-run/data-collection-confirmation", test_data_collection_confirmation);
  RA_TEST_ADD ("/action-run/forbidden", test_forbidden);
  RA_TEST_ADD ("/action-run/rate-limited", test_rate_limited);
  RA_TEST_ADD ("/action-run/dropped", test_dropped);
  RA_TEST_ADD ("/action-run/settings", test_settings);
  RA_TEST_ADD ("/action-run/numbers-grouped", test_numbers_grouped);
  RA_TEST_ADD ("/action-run/blank-source", test_blank_source);
  RA_TEST_ADD ("/action-run/reason-limit", test_reason_limit);
  RA_TEST_ADD ("/action-run/run-action", test_run_action);
  RA_TEST_ADD ("/action-run/switch-while-confirming", test_switch_while_confirming);
  RA_TEST_ADD ("/action-run/client-changed-while-confirming", test_client_changed_while_confirming);
}

int
main (int   argc,
      char *argv[])
{
  return page_fixture_main (argc, argv, add_tests);
}
