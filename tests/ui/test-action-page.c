/* test-action-page.c — the action page against the simulator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-action-page"

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>

#include <adwaita.h>

#include "ra-action-page-private.h"
#include "ra-client.h"
#include "ra-confirm-dialog.h"
#include "ra-device-editor.h"
#include "ra-endpoint.h"
#include "ra-error.h"
#include "ra-input-choice-row.h"
#include "ra-input-entry-row.h"
#include "ra-input-row.h"
#include "ra-remote-action.h"
#include "ra-session-run.h"
#include "ra-simulator.h"

#define WAIT_SECONDS 15

/* An action with each kind of input. */
static const char form_action_json[] =
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

static const char collect_action_json[] =
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

static const char locked_action_json[] =
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

typedef struct
{
  RaSimulator    *sim;
  RaClient       *client;
  GtkWidget      *window;
  RaActionPage   *page;
  RaRemoteAction *form_action;
  RaRemoteAction *collect_action;
  RaRemoteAction *locked_action;
} Fixture;

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context until cond holds, or fails the test after
 * WAIT_SECONDS. A short timer keeps the loop from blocking for good. */
#define WAIT_FOR(cond)                                                        \
  G_STMT_START {                                                              \
    gint64 deadline_ = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC; \
    guint wake_ = g_timeout_add (20, wake_cb, NULL);                          \
    while (!(cond))                                                           \
      {                                                                       \
        if (g_get_monotonic_time () > deadline_)                              \
          g_error ("Timed out waiting for %s", #cond);                        \
        g_main_context_iteration (NULL, TRUE);                                \
      }                                                                       \
    g_source_remove (wake_);                                                  \
  } G_STMT_END

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

static RaRemoteAction *
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

static void
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

  endpoint = ra_endpoint_new ("demo", "eu", ra_simulator_get_base_url (fixture->sim), &error);
  g_assert_no_error (error);
  fixture->client = ra_client_new (endpoint, RA_SIM_DEFAULT_CLIENT_ID,
                                   RA_SIM_DEFAULT_CLIENT_SECRET, RA_TOKEN_ENDPOINT_AUTO);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 900);
  fixture->page = RA_ACTION_PAGE (ra_action_page_new ());
  g_object_ref_sink (fixture->page);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));

  ra_action_page_set_client (fixture->page, fixture->client);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  RaConfirmDialog *dialog = ra_action_page_get_confirm_dialog (fixture->page);

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (fixture->window));

  /* Whatever the page started must let go of it. */
  WAIT_FOR (G_OBJECT (fixture->page)->ref_count == 1);
  g_assert_finalize_object (fixture->page);

  g_clear_object (&fixture->form_action);
  g_clear_object (&fixture->collect_action);
  g_clear_object (&fixture->locked_action);
  g_clear_object (&fixture->client);

  ra_simulator_stop (fixture->sim);
  g_clear_object (&fixture->sim);
}

static void
select_action (Fixture        *fixture,
               RaRemoteAction *action)
{
  ra_action_page_set_action (fixture->page, action);
  WAIT_FOR (g_str_equal (ra_action_page_get_state (fixture->page), "action") ||
            g_str_equal (ra_action_page_get_state (fixture->page), "error"));
  g_assert_cmpstr (ra_action_page_get_state (fixture->page), ==, "action");
}

static RaRunForm *
get_form (Fixture *fixture)
{
  return ra_action_page_get_form (fixture->page);
}

static RaDeviceEditor *
get_devices (Fixture *fixture)
{
  return ra_run_form_get_device_editor (get_form (fixture));
}

static RaInputRow *
get_input (Fixture    *fixture,
           const char *id)
{
  GtkWidget *row = ra_run_form_get_input_row (get_form (fixture), id);

  g_assert_nonnull (row);
  return RA_INPUT_ROW (row);
}

static char *
make_devices (guint   n,
              GStrv  *out_ids)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_uuid_string_random ();

      /* Mixed separators, as pasted from a spreadsheet or a chat. */
      g_string_append (text, id);
      g_string_append (text, i % 3 == 0 ? "\n" : i % 3 == 1 ? ", " : " ; ");
      g_strv_builder_add (builder, id);
    }

  if (out_ids != NULL)
    *out_ids = g_strv_builder_end (builder);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
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

static guint
count_executes (Fixture *fixture)
{
  return ra_simulator_count_requests (fixture->sim, "POST", "/api/v1/act/execute");
}

/* What clicking a response button does: the dialog closes, then answers.
 * adw_message_dialog_response() alone would leave it open. */
static void
respond (RaConfirmDialog *dialog,
         const char      *response)
{
  g_autoptr(RaConfirmDialog) ref = g_object_ref (dialog);

  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), response));
  gtk_window_destroy (GTK_WINDOW (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
}

static RaConfirmDialog *
open_confirmation (Fixture *fixture)
{
  ra_action_page_activate_run (fixture->page);
  g_assert_nonnull (ra_action_page_get_confirm_dialog (fixture->page));

  return ra_action_page_get_confirm_dialog (fixture->page);
}

static void
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

  WAIT_FOR (!ra_run_form_get_running (get_form (fixture)));
}

static JsonObject *
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

static void
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

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_cmpstr (ra_action_page_get_state (fixture->page), ==, "empty");
  g_assert_null (ra_action_page_get_details (fixture->page));
  ra_action_page_activate_run (fixture->page);
  g_assert_null (ra_action_page_get_confirm_dialog (fixture->page));
}

static void
test_details (Fixture       *fixture,
              gconstpointer  data)
{
  RaRemoteAction *details;
  const char *path = "/api/v1/act/remote-action/details";

  ra_action_page_set_action (fixture->page, fixture->form_action);
  g_assert_cmpstr (ra_action_page_get_state (fixture->page), ==, "loading");
  select_action (fixture, fixture->form_action);

  details = ra_action_page_get_details (fixture->page);
  g_assert_nonnull (details);
  /* The page shows what the details endpoint said, not the list's copy. */
  g_assert_true (details != fixture->form_action);
  g_assert_cmpstr (ra_remote_action_get_id (details), ==, "#ra_test_restart_service");
  g_assert_false (ra_action_page_get_api_notice_visible (fixture->page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (get_form (fixture))));
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", path), ==, 1);

  /* Cached for the session: coming back asks nothing. */
  select_action (fixture, fixture->collect_action);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", path), ==, 2);
  ra_action_page_set_action (fixture->page, fixture->form_action);
  g_assert_cmpstr (ra_action_page_get_state (fixture->page), ==, "action");
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", path), ==, 2);

  /* A refreshed list brings new objects: the details are fetched again. */
  {
    g_autoptr(JsonNode) node = parse_json (form_action_json);
    g_autoptr(RaRemoteAction) refreshed = ra_remote_action_new_from_json (node, NULL);

    g_assert_nonnull (refreshed);
    ra_action_page_set_action (fixture->page, refreshed);
    g_assert_cmpstr (ra_action_page_get_state (fixture->page), ==, "loading");
    select_action (fixture, refreshed);
    g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", path), ==, 3);
  }

  ra_action_page_set_action (fixture->page, NULL);
  g_assert_cmpstr (ra_action_page_get_state (fixture->page), ==, "empty");
}

static void
test_switch_while_loading (Fixture       *fixture,
                           gconstpointer  data)
{
  ra_simulator_set_latency (fixture->sim, 300);
  ra_action_page_set_action (fixture->page, fixture->form_action);
  ra_action_page_set_action (fixture->page, fixture->collect_action);
  select_action (fixture, fixture->collect_action);
  g_assert_cmpstr (ra_remote_action_get_id (ra_action_page_get_details (fixture->page)),
                   ==, "#ra_test_collect");
}

static void
test_load_error (Fixture       *fixture,
                 gconstpointer  data)
{
  ra_simulator_fail_next (fixture->sim, 1, 404, 0);
  ra_action_page_set_action (fixture->page, fixture->form_action);
  WAIT_FOR (g_str_equal (ra_action_page_get_state (fixture->page), "error"));
  g_assert_nonnull (ra_action_page_get_load_error (fixture->page));
  g_assert_cmpstr (ra_action_page_get_load_error (fixture->page), !=, "");

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.retry", NULL);
  WAIT_FOR (g_str_equal (ra_action_page_get_state (fixture->page), "action"));
}

static void
test_not_api_enabled (Fixture       *fixture,
                      gconstpointer  data)
{
  select_action (fixture, fixture->locked_action);

  g_assert_true (ra_action_page_get_api_notice_visible (fixture->page));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (get_form (fixture))));
  ra_action_page_activate_run (fixture->page);
  g_assert_null (ra_action_page_get_confirm_dialog (fixture->page));
  g_assert_cmpuint (count_executes (fixture), ==, 0);
}

static void
test_input_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  RaInputRow *start, *service, *note;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  select_action (fixture, fixture->form_action);

  start = get_input (fixture, "StartType");
  service = get_input (fixture, "ServiceName");
  note = get_input (fixture, "Note");

  /* Fixed options: a combo row with nothing chosen for the user. */
  g_assert_true (RA_IS_INPUT_CHOICE_ROW (start));
  g_assert_false (ra_input_row_validate (start, &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpstr (ra_run_form_get_blocker (get_form (fixture)), ==, "Choose a value for “Start type”");

  /* Options plus custom values: an entry that offers them. */
  g_assert_true (RA_IS_INPUT_ENTRY_ROW (service));
  g_assert_nonnull (ra_input_entry_row_get_options_button (RA_INPUT_ENTRY_ROW (service)));
  /* No options: a plain entry. */
  g_assert_true (RA_IS_INPUT_ENTRY_ROW (note));
  g_assert_null (ra_input_entry_row_get_options_button (RA_INPUT_ENTRY_ROW (note)));

  ra_input_row_set_value (start, "Disabled");
  value = ra_input_row_dup_value (start);
  g_assert_cmpstr (value, ==, "Disabled");
  g_assert_true (ra_input_row_validate (start, NULL));
  /* Free-text inputs may stay blank: they are left out. */
  g_assert_true (ra_input_row_validate (service, NULL));
  g_assert_cmpstr (ra_run_form_get_blocker (get_form (fixture)), ==, "Add at least one device");

  /* Choosing an offered option fills the entry. */
  gtk_widget_activate_action (GTK_WIDGET (service), "input-row.choose", "s", "BITS");
  g_clear_pointer (&value, g_free);
  value = ra_input_row_dup_value (service);
  g_assert_cmpstr (value, ==, "BITS");

  ra_input_row_set_value (note, "   ");
  g_assert_true (ra_input_row_validate (note, NULL));
  g_assert_true (ra_input_row_is_blank (note));
  ra_input_row_set_value (note, "ok");
  g_assert_false (ra_input_row_is_blank (note));
  g_assert_cmpstr (ra_run_form_get_blocker (get_form (fixture)), ==, "Add at least one device");

  /* Values are remembered per action for the session. */
  select_action (fixture, fixture->collect_action);
  g_assert_null (ra_run_form_get_input_row (get_form (fixture), "StartType"));
  select_action (fixture, fixture->form_action);
  g_clear_pointer (&value, g_free);
  value = ra_input_row_dup_value (get_input (fixture, "StartType"));
  g_assert_cmpstr (value, ==, "Disabled");
  g_clear_pointer (&value, g_free);
  value = ra_input_row_dup_value (get_input (fixture, "ServiceName"));
  g_assert_cmpstr (value, ==, "BITS");
  g_clear_pointer (&value, g_free);
  value = ra_input_row_dup_value (get_input (fixture, "Note"));
  g_assert_cmpstr (value, ==, "ok");
}

static void
test_invalid_devices (Fixture       *fixture,
                      gconstpointer  data)
{
  RaDeviceEditor *editor;
  g_auto(GStrv) lines = NULL;
  g_autofree char *good = g_uuid_string_random ();
  g_autofree char *text = NULL;
  g_autoptr(GString) many = g_string_new (NULL);

  select_action (fixture, fixture->form_action);
  editor = get_devices (fixture);

  text = g_strdup_printf ("%s\nabc\n%s\n\nnot-a-device, %s\n", good, good, good);
  ra_device_editor_set_text (editor, text);

  g_assert_cmpuint (ra_device_editor_get_n_devices (editor), ==, 1);
  g_assert_cmpstr (ra_device_editor_get_summary (editor), ==,
                   "1 valid device · 2 duplicates removed");
  lines = ra_device_editor_dup_invalid_lines (editor);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[0], ==, "Line 2: “abc” is not a collector ID");
  g_assert_cmpstr (lines[1], ==, "Line 5: “not-a-device” is not a collector ID");
  g_assert_cmpstr (ra_device_editor_get_problem (editor), ==,
                   "Fix or remove the 2 invalid device entries");

  /* Many mistakes are listed up to a point. */
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (many, "bad%u\n", i);
  ra_device_editor_set_text (editor, many->str);
  g_clear_pointer (&lines, g_strfreev);
  lines = ra_device_editor_dup_invalid_lines (editor);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[0], ==, "Line 1: “bad0” is not a collector ID");
  g_assert_cmpstr (lines[5], ==, "and 7 more invalid entries");

  ra_device_editor_set_text (editor, "");
  g_assert_cmpstr (ra_device_editor_get_problem (editor), ==, "Add at least one device");

  /* Typing is parsed after a short pause. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (ra_device_editor_get_text_view (editor)),
                            good, -1);
  g_assert_cmpuint (ra_device_editor_get_n_devices (editor), ==, 0);
  WAIT_FOR (ra_device_editor_get_n_devices (editor) == 1);
  g_assert_null (ra_device_editor_get_problem (editor));
}

static void
test_too_many_devices (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *text = NULL;

  select_action (fixture, fixture->form_action);
  text = make_devices (10001, NULL);
  ra_device_editor_set_text (get_devices (fixture), text);
  g_assert_cmpuint (ra_device_editor_get_n_devices (get_devices (fixture)), ==, 10001);
  g_assert_cmpstr (ra_device_editor_get_problem (get_devices (fixture)), ==,
                   "Choose at most 10000 devices, not 10001");
}

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
  WAIT_FOR (!ra_run_form_get_running (get_form (fixture)));
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
                   ==, "Run “Collect something”?");
  respond (dialog, RA_CONFIRM_RESPONSE_CANCEL);
}

static void
run_failing (Fixture *fixture)
{
  g_autofree char *devices = NULL;

  select_action (fixture, fixture->form_action);
  fill_form (fixture, 2, NULL);
  devices = ra_device_editor_dup_text (get_devices (fixture));

  confirm_and_wait (fixture);

  g_assert_null (ra_run_outcome_get_request_id (ra_run_form_get_outcome (get_form (fixture))));
  g_assert_nonnull (ra_run_outcome_get_error_message (ra_run_form_get_outcome (get_form (fixture))));
  assert_form_intact (fixture, devices);
  g_assert_cmpuint (g_list_model_get_n_items (ra_action_page_get_runs (fixture->page)), ==, 0);
}

static void
test_forbidden (Fixture       *fixture,
                gconstpointer  data)
{
  /* Get a token first, so that the failure lands on execute. */
  select_action (fixture, fixture->form_action);
  ra_simulator_fail_next (fixture->sim, 1, 403, 0);
  run_failing (fixture);
  g_assert_cmpuint (count_executes (fixture), ==, 1);
}

static void
test_rate_limited (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *message;

  select_action (fixture, fixture->form_action);
  ra_simulator_fail_next (fixture->sim, 1, 429, 30);
  run_failing (fixture);

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
  run_failing (fixture);

  /* It may have run: it is never sent again by itself. */
  g_assert_cmpuint (count_executes (fixture), ==, 1);
  g_assert_true (strstr (ra_run_outcome_get_error_message (ra_run_form_get_outcome (get_form (fixture))),
                         "before running it again") != NULL);
}

static void
test_no_client (Fixture       *fixture,
                gconstpointer  data)
{
  ra_action_page_set_client (fixture->page, NULL);
  ra_action_page_set_action (fixture->page, fixture->form_action);
  g_assert_cmpstr (ra_action_page_get_state (fixture->page), ==, "action");
  g_assert_cmpstr (ra_run_form_get_blocker (get_form (fixture)), ==,
                   "Connect to a Nexthink instance to run actions");
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
  WAIT_FOR (!ra_run_form_get_running (get_form (fixture)));

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

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ra-import-XXXXXX", &error);
  g_autofree char *csv_path = NULL;
  g_autofree char *bin_path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) csv_file = NULL;
  g_autoptr(GFile) bin_file = NULL;
  RaDeviceEditor *editor;
  const char binary[] = { 'P', 'K', 3, 4, 0, (char) 0xff, (char) 0xfe, 0 };

  g_assert_no_error (error);
  select_action (fixture, fixture->form_action);
  editor = get_devices (fixture);
  ra_device_editor_set_text (editor, "1e5e8c0f-4d3b-4a5c-9a3f-1c2b3d4e5f60");

  csv_path = g_build_filename (dir, "devices.csv", NULL);
  csv = g_strdup ("\xef\xbb\xbf" "device.name,device.collector.id\r\n"
                  "PC-1,3f2504e0-4f89-41d3-9a0c-0305e82c3301\r\n"
                  "PC-2,\"6ba7b810-9dad-41d1-80b4-00c04fd430c8\"\r\n"
                  "PC-3,1E5E8C0F-4D3B-4A5C-9A3F-1C2B3D4E5F60\r\n");
  g_file_set_contents (csv_path, csv, -1, &error);
  g_assert_no_error (error);
  csv_file = g_file_new_for_path (csv_path);

  ra_device_editor_import_file (editor, csv_file);
  g_assert_true (ra_device_editor_get_busy (editor));
  WAIT_FOR (!ra_device_editor_get_busy (editor));
  g_assert_null (ra_device_editor_get_import_error (editor));
  /* Added after what was there; the repeated device counts once. */
  g_assert_cmpuint (ra_device_editor_get_n_devices (editor), ==, 3);
  text = ra_device_editor_dup_text (editor);
  g_assert_true (g_str_has_prefix (text, "1e5e8c0f-4d3b-4a5c-9a3f-1c2b3d4e5f60\n"));

  bin_path = g_build_filename (dir, "devices.xlsx", NULL);
  g_file_set_contents (bin_path, binary, sizeof binary, &error);
  g_assert_no_error (error);
  bin_file = g_file_new_for_path (bin_path);
  ra_device_editor_import_file (editor, bin_file);
  WAIT_FOR (!ra_device_editor_get_busy (editor));
  g_assert_cmpstr (ra_device_editor_get_import_error (editor), ==,
                   "“devices.xlsx” is not a text or CSV file.");
  g_assert_cmpuint (ra_device_editor_get_n_devices (editor), ==, 3);

  g_unlink (csv_path);
  g_unlink (bin_path);
  g_rmdir (dir);
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
  fill_form (fixture, 1, NULL);

  /* What Ctrl+Return and the window's Run item activate. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.run", NULL));
  g_assert_nonnull (ra_action_page_get_confirm_dialog (fixture->page));
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

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/action-page/empty", test_empty);
  ADD ("/action-page/details", test_details);
  ADD ("/action-page/switch-while-loading", test_switch_while_loading);
  ADD ("/action-page/load-error", test_load_error);
  ADD ("/action-page/not-api-enabled", test_not_api_enabled);
  ADD ("/action-page/input-rows", test_input_rows);
  ADD ("/action-page/invalid-devices", test_invalid_devices);
  ADD ("/action-page/too-many-devices", test_too_many_devices);
  ADD ("/action-page/execute", test_execute);
  ADD ("/action-page/execute-server-default-expiry", test_execute_server_default_expiry);
  ADD ("/action-page/typed-count", test_typed_count);
  ADD ("/action-page/data-collection-confirmation", test_data_collection_confirmation);
  ADD ("/action-page/forbidden", test_forbidden);
  ADD ("/action-page/rate-limited", test_rate_limited);
  ADD ("/action-page/dropped", test_dropped);
  ADD ("/action-page/no-client", test_no_client);
  ADD ("/action-page/settings", test_settings);
  ADD ("/action-page/import", test_import);
  ADD ("/action-page/reason-limit", test_reason_limit);
  ADD ("/action-page/run-action", test_run_action);

  return g_test_run ();
}
