/* page-fixture.c — the action page in a window, against the simulator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "page-fixture"

#include "config.h"

#include <locale.h>

#include "ra-endpoint.h"
#include "ra-test-utils.h"

#include "page-fixture.h"

/* An action with each kind of input. */
const char form_action_json[] =
  "{"
  "  \"id\": \"#ra_test_restart_service\","
  "  \"uuid\": \"0b8c5f0e-8f8e-4d0c-9d55-2f6f3e7d8a11\","
  "  \"name\": \"Restart a service and set how it starts\","
  "  \"description\": \"Restarts one Windows service.\","
  "  \"origin\": \"CUSTOM\","
  "  \"builtInContentVersion\": \"\","
  "  \"purpose\": [\"REMEDIATION\"],"
  "  \"targeting\": {\"apiEnabled\": true, \"manualEnabled\": true,"
  "                  \"workflowEnabled\": false, \"manualAllowMultipleDevices\": true},"
  "  \"scriptInfo\": {"
  "    \"executionServiceDelegate\": \"\","
  "    \"runAs\": \"LOCAL_SYSTEM\","
  "    \"timeoutSeconds\": 120,"
  "    \"hasScriptWindows\": true,"
  "    \"hasScriptMacOs\": false,"
  "    \"inputs\": ["
  "      {\"id\": \"StartType\", \"name\": \"Start type\", \"description\": \"How the service starts afterwards.\","
  "       \"usedByWindows\": true, \"usedByMacOs\": false,"
  "       \"options\": [\"Automatic\", \"Manual\", \"Disabled\"], \"allowCustomValue\": false},"
  "      {\"id\": \"ServiceName\", \"name\": \"Service name\", \"description\": \"The service to restart.\","
  "       \"usedByWindows\": true, \"usedByMacOs\": false,"
  "       \"options\": [\"Spooler\", \"BITS\"], \"allowCustomValue\": true},"
  "      {\"id\": \"Note\", \"name\": \"Note\", \"description\": \"\","
  "       \"usedByWindows\": true, \"usedByMacOs\": true,"
  "       \"options\": [], \"allowCustomValue\": false}"
  "    ],"
  "    \"outputs\": ["
  "      {\"id\": \"Status\", \"name\": \"Service status\", \"type\": \"string\","
  "       \"description\": \"The status after the restart.\", \"usedByWindows\": true, \"usedByMacOs\": false}"
  "    ]"
  "  }"
  "}";

const char collect_action_json[] =
  "{"
  "  \"id\": \"#ra_test_collect\","
  "  \"uuid\": \"7a3e1c52-3a0f-4e7f-8f1e-4b1a3c2d9e10\","
  "  \"name\": \"Collect something\","
  "  \"description\": \"Collects data.\","
  "  \"origin\": \"NEXTHINK\","
  "  \"builtInContentVersion\": \"1.0.0\","
  "  \"purpose\": [\"DATA_COLLECTION\"],"
  "  \"targeting\": {\"apiEnabled\": true, \"manualEnabled\": false,"
  "                  \"workflowEnabled\": true, \"manualAllowMultipleDevices\": false},"
  "  \"scriptInfo\": {"
  "    \"executionServiceDelegate\": \"\", \"runAs\": \"INTERACTIVE_USER\", \"timeoutSeconds\": 60,"
  "    \"hasScriptWindows\": true, \"hasScriptMacOs\": true, \"inputs\": [], \"outputs\": []"
  "  }"
  "}";

const char locked_action_json[] =
  "{"
  "  \"id\": \"#ra_test_locked\","
  "  \"uuid\": \"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f\","
  "  \"name\": \"Not for the API\","
  "  \"description\": \"Only manual.\","
  "  \"origin\": \"CUSTOM\","
  "  \"builtInContentVersion\": \"\","
  "  \"purpose\": [\"REMEDIATION\"],"
  "  \"targeting\": {\"apiEnabled\": false, \"manualEnabled\": true,"
  "                  \"workflowEnabled\": false, \"manualAllowMultipleDevices\": false},"
  "  \"scriptInfo\": {"
  "    \"executionServiceDelegate\": \"\", \"runAs\": \"LOCAL_SYSTEM\", \"timeoutSeconds\": 60,"
  "    \"hasScriptWindows\": true, \"hasScriptMacOs\": false, \"inputs\": [], \"outputs\": []"
  "  }"
  "}";


JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

RaRemoteAction *
add_action (RaSimulator *sim,
            const char  *json)
{
  g_autoptr(JsonNode) node = parse_json (json);
  g_autoptr(GError) error = NULL;
  RaRemoteAction *action;

  ra_simulator_add_action (sim, node);
  action = ra_remote_action_new_from_json (node, &error);
  g_assert_no_error (error);

  return action;
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;

  fixture->sim = ra_simulator_new ();
  fixture->form_action = add_action (fixture->sim, form_action_json);
  fixture->collect_action = add_action (fixture->sim, collect_action_json);
  fixture->locked_action = add_action (fixture->sim, locked_action_json);
  ra_simulator_start_in_thread (fixture->sim, 0, &error);
  g_assert_no_error (error);

  endpoint = ra_endpoint_new_full ("demo", "eu", ra_simulator_get_base_url (fixture->sim),
                                   ra_simulator_get_login_base_url (fixture->sim), &error);
  g_assert_no_error (error);
  fixture->client = ra_client_new (endpoint, RA_SIM_DEFAULT_CLIENT_ID,
                                   RA_SIM_DEFAULT_CLIENT_SECRET, RA_TOKEN_ENDPOINT_AUTO);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 900);
  fixture->session = ra_test_session_new (NULL, fixture->client, FALSE);
  fixture->page = RA_ACTION_PAGE (ra_action_page_new (fixture->session));
  g_object_ref_sink (fixture->page);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  RaConfirmDialog *dialog = ra_action_page_get_confirm_dialog (fixture->page);

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (fixture->window));

  /* Whatever the page started must let go of it. */
  RA_TEST_WAIT_UNTIL_FOR (G_OBJECT (fixture->page)->ref_count == 1, WAIT_SECONDS);
  g_assert_finalize_object (fixture->page);

  g_clear_object (&fixture->form_action);
  g_clear_object (&fixture->collect_action);
  g_clear_object (&fixture->locked_action);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->client);

  ra_simulator_stop (fixture->sim);
  g_clear_object (&fixture->sim);
}

void
select_action (Fixture        *fixture,
               RaRemoteAction *action)
{
  ra_action_page_set_action (fixture->page, action);
  RA_TEST_WAIT_UNTIL_FOR (ra_action_page_get_state (fixture->page) == RA_ACTION_PAGE_STATE_ACTION ||
                            ra_action_page_get_state (fixture->page) == RA_ACTION_PAGE_STATE_ERROR,
                          WAIT_SECONDS);
  g_assert_cmpint (ra_action_page_get_state (fixture->page), ==, RA_ACTION_PAGE_STATE_ACTION);
}

RaRunForm *
get_form (Fixture *fixture)
{
  return ra_action_page_get_form (fixture->page);
}

RaDeviceEditor *
get_devices (Fixture *fixture)
{
  return ra_run_form_get_device_editor (get_form (fixture));
}

RaInputRow *
get_input (Fixture    *fixture,
           const char *id)
{
  GtkWidget *row = ra_run_form_get_input_row (get_form (fixture), id);

  g_assert_nonnull (row);
  return RA_INPUT_ROW (row);
}

char *
make_devices (guint   n,
              GStrv  *out_ids)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  /* Devices the simulated instance knows first: only they report back. */
  g_auto(GStrv) known = ra_simulator_dup_known_devices ();
  guint n_known = g_strv_length (known);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = i < n_known ? g_strdup (known[i]) : g_uuid_string_random ();

      /* Mixed separators, as pasted from a spreadsheet or a chat. */
      g_string_append (text, id);
      g_string_append (text, i % 3 == 0 ? "\n" : i % 3 == 1 ? ", " : " ; ");
      g_strv_builder_add (builder, id);
    }

  if (out_ids != NULL)
    *out_ids = g_strv_builder_end (builder);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
fill_form (Fixture    *fixture,
           guint       n_devices,
           GStrv      *out_ids)
{
  g_autofree char *devices = make_devices (n_devices, out_ids);

  ra_input_row_set_value (get_input (fixture, "StartType"), "Manual");
  ra_input_row_set_value (get_input (fixture, "ServiceName"), "Print Spooler");
  ra_input_row_set_value (get_input (fixture, "Note"), "per ticket");
  ra_device_editor_set_text (get_devices (fixture), devices);
  ra_run_form_set_options (get_form (fixture), 120, "User cannot print", "INC0012345");
}

guint
count_executes (Fixture *fixture)
{
  return ra_simulator_count_requests (fixture->sim, "POST", "/api/v1/act/execute");
}

/* What clicking a response button does: the dialog closes, then answers.
 * adw_message_dialog_response() alone would leave it open. */
void
respond (RaConfirmDialog *dialog,
         const char      *response)
{
  g_autoptr(RaConfirmDialog) ref = g_object_ref (dialog);

  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), response));
  gtk_window_destroy (GTK_WINDOW (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
}

RaConfirmDialog *
open_confirmation (Fixture *fixture)
{
  ra_action_page_activate_run (fixture->page);
  g_assert_nonnull (ra_action_page_get_confirm_dialog (fixture->page));

  return ra_action_page_get_confirm_dialog (fixture->page);
}

void
confirm_and_wait (Fixture *fixture)
{
  RaConfirmDialog *dialog = open_confirmation (fixture);

  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          RA_CONFIRM_RESPONSE_RUN));
  respond (dialog, RA_CONFIRM_RESPONSE_RUN);

  g_assert_null (ra_action_page_get_confirm_dialog (fixture->page));
  g_assert_true (ra_run_form_get_running (get_form (fixture)));
  /* Busy: a second press does nothing. */
  ra_action_page_activate_run (fixture->page);
  g_assert_null (ra_action_page_get_confirm_dialog (fixture->page));
  g_assert_false (gtk_widget_is_sensitive (ra_action_page_get_run_button (fixture->page)));

  RA_TEST_WAIT_UNTIL_FOR (!ra_run_form_get_running (get_form (fixture)), WAIT_SECONDS);
}

JsonObject *
get_execute_body (Fixture   *fixture,
                  JsonNode **out_node)
{
  g_autoptr(GPtrArray) requests = ra_simulator_get_requests (fixture->sim);
  const RaSimRequest *found = NULL;

  for (guint i = 0; i < requests->len; i++)
    {
      const RaSimRequest *request = g_ptr_array_index (requests, i);

      if (g_str_equal (request->method, "POST") &&
          g_str_equal (request->path, "/api/v1/act/execute"))
        {
          g_assert_null (found);
          found = request;
        }
    }

  g_assert_nonnull (found);
  *out_node = parse_json (found->body);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*out_node));

  return json_node_get_object (*out_node);
}

void
assert_form_intact (Fixture    *fixture,
                    const char *devices_text)
{
  g_autofree char *start = ra_input_row_dup_value (get_input (fixture, "StartType"));
  g_autofree char *service = ra_input_row_dup_value (get_input (fixture, "ServiceName"));
  g_autofree char *note = ra_input_row_dup_value (get_input (fixture, "Note"));
  g_autofree char *devices = ra_device_editor_dup_text (get_devices (fixture));

  g_assert_cmpstr (start, ==, "Manual");
  g_assert_cmpstr (service, ==, "Print Spooler");
  g_assert_cmpstr (note, ==, "per ticket");
  g_assert_cmpstr (devices, ==, devices_text);
  g_assert_cmpstr (gtk_editable_get_text (ra_run_form_get_reason_editable (get_form (fixture))),
                   ==, "User cannot print");
  g_assert_null (ra_run_form_get_blocker (get_form (fixture)));
}

int
page_fixture_main (int    argc,
                   char  *argv[],
                   void (*add_tests) (void))
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

  add_tests ();

  return g_test_run ();
}
