/* test-markup.c — text from outside shows as text, never as markup
 *
 * A server (or a file, or the settings) names things as it likes: an
 * ordinary "Disk cleanup & defrag" must not blank a row, and a name with
 * "<a href=…>" must not become a link inside the app. This walks every
 * label of each screen fed with such text and checks what it shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-markup"

#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "ra-account.h"
#include "ra-account-switcher.h"
#include "ra-action-list.h"
#include "ra-action-page-private.h"
#include "ra-client.h"
#include "ra-confirm-dialog.h"
#include "ra-device-editor.h"
#include "ra-device-results-window.h"
#include "ra-endpoint.h"
#include "ra-input-row.h"
#include "ra-plain-text.h"
#include "ra-preferences-window.h"
#include "ra-run-form-private.h"
#include "ra-run-outcome.h"
#include "ra-simulator.h"
#include "ra-test-utils.h"
#include "ra-welcome-page.h"
#include "ra-window.h"

/* Each value is marked by its tag; every label that shows a tag must show
 * the whole value, character for character. */
#define HOSTILE(tag) tag " & <b>bold</b> <a href=\"https://attacker.invalid/\">re-enter your " \
                     "client secret</a> &amp; 1 < 2"

#define ACTION_ID   HOSTILE ("#id")
#define ACTION_NAME "Disk cleanup & defrag " HOSTILE ("@name")
#define RESULTS_QUERY "#hostile_results"

static const char * const hostile_values[] = {
  ACTION_ID,
  ACTION_NAME,
  HOSTILE ("@description"),
  HOSTILE ("@uuid"),
  HOSTILE ("@origin"),
  HOSTILE ("@version"),
  HOSTILE ("@choice_name"),
  HOSTILE ("@choice_description"),
  HOSTILE ("@option"),
  HOSTILE ("@entry_name"),
  HOSTILE ("@entry_description"),
  HOSTILE ("@typed"),
  HOSTILE ("@output_name"),
  HOSTILE ("@output_description"),
  HOSTILE ("@output_type"),
  HOSTILE ("@reason"),
  HOSTILE ("@reference"),
  HOSTILE ("@request"),
  HOSTILE ("@server_message"),
  HOSTILE ("@server_code"),
  HOSTILE ("@details_error"),
  HOSTILE ("@list_error"),
  HOSTILE ("@search"),
  HOSTILE ("@account"),
  HOSTILE ("@device"),
  HOSTILE ("@note"),
  HOSTILE ("@source"),
};

/* Every warning or critical logged while a test runs: a label fed markup
 * it cannot parse says so with a Gtk-WARNING and shows nothing. */
static GPtrArray *logged;

static GLogWriterOutput
writer_cb (GLogLevelFlags   log_level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      for (gsize i = 0; i < n_fields; i++)
        if (g_str_equal (fields[i].key, "MESSAGE"))
          g_ptr_array_add (logged, g_strdup (fields[i].value));
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
assert_nothing_logged (void)
{
  for (guint i = 0; i < logged->len; i++)
    g_printerr ("logged: %s\n", (char *) g_ptr_array_index (logged, i));
  g_assert_cmpuint (logged->len, ==, 0);
}

typedef struct
{
  GPtrArray *texts;   /* what the labels show */
} Walk;

static void
walk_labels (GtkWidget *widget,
             Walk      *walk)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      for (guint i = 0; i < G_N_ELEMENTS (hostile_values); i++)
        {
          g_autofree char *tag = g_strndup (hostile_values[i],
                                            strchr (hostile_values[i], ' ') - hostile_values[i]);

          /* Shown as markup, the value loses its tags or the whole label;
           * escaped once too often, it shows "&amp;". */
          if (strstr (gtk_label_get_label (GTK_LABEL (widget)), tag) != NULL ||
              strstr (text, tag) != NULL)
            {
              if (strstr (text, hostile_values[i]) == NULL)
                g_error ("A label shows “%s” (from “%s”, markup %s) instead of “%s”",
                         text, gtk_label_get_label (GTK_LABEL (widget)),
                         gtk_label_get_use_markup (GTK_LABEL (widget)) ? "on" : "off",
                         hostile_values[i]);
            }
        }

      g_ptr_array_add (walk->texts, g_strdup (text));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk_labels (child, walk);
}

/* Walks root and checks that each of the expected values (NULL-terminated)
 * is shown by some label, whole. */
static void
assert_shows (GtkWidget  *root,
              const char *first,
              ...)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  Walk walk = { texts };
  va_list args;

  walk_labels (root, &walk);

  va_start (args, first);
  for (const char *expected = first; expected != NULL; expected = va_arg (args, const char *))
    {
      gboolean found = FALSE;

      for (guint i = 0; i < texts->len && !found; i++)
        found = strstr (g_ptr_array_index (texts, i), expected) != NULL;

      if (!found)
        g_error ("No label of %s shows “%s”", G_OBJECT_TYPE_NAME (root), expected);
    }
  va_end (args);

  assert_nothing_logged ();
}

static gboolean
editable_has_text (GtkWidget     *widget,
                   gconstpointer  text)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) == 0;
}

static JsonNode *
build_action (void)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, ACTION_ID);
  json_builder_set_member_name (b, "uuid");
  json_builder_add_string_value (b, HOSTILE ("@uuid"));
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, ACTION_NAME);
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, HOSTILE ("@description"));
  json_builder_set_member_name (b, "origin");
  json_builder_add_string_value (b, HOSTILE ("@origin"));
  json_builder_set_member_name (b, "builtInContentVersion");
  json_builder_add_string_value (b, HOSTILE ("@version"));
  json_builder_set_member_name (b, "purpose");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "DATA_COLLECTION");
  json_builder_end_array (b);

  json_builder_set_member_name (b, "targeting");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "apiEnabled");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "manualEnabled");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_set_member_name (b, "workflowEnabled");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_set_member_name (b, "manualAllowMultipleDevices");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "scriptInfo");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "executionServiceDelegate");
  json_builder_add_string_value (b, "");
  json_builder_set_member_name (b, "runAs");
  json_builder_add_string_value (b, "LOCAL_SYSTEM");
  json_builder_set_member_name (b, "timeoutSeconds");
  json_builder_add_int_value (b, 60);
  json_builder_set_member_name (b, "hasScriptWindows");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "hasScriptMacOs");
  json_builder_add_boolean_value (b, FALSE);

  json_builder_set_member_name (b, "inputs");
  json_builder_begin_array (b);
  /* A fixed choice, then a free value with suggestions. */
  for (guint i = 0; i < 2; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, i == 0 ? "Choice" : "Entry");
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, i == 0 ? HOSTILE ("@choice_name") : HOSTILE ("@entry_name"));
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, i == 0 ? HOSTILE ("@choice_description")
                                               : HOSTILE ("@entry_description"));
      json_builder_set_member_name (b, "usedByWindows");
      json_builder_add_boolean_value (b, TRUE);
      json_builder_set_member_name (b, "usedByMacOs");
      json_builder_add_boolean_value (b, FALSE);
      json_builder_set_member_name (b, "options");
      json_builder_begin_array (b);
      json_builder_add_string_value (b, HOSTILE ("@option"));
      json_builder_add_string_value (b, "plain");
      json_builder_end_array (b);
      json_builder_set_member_name (b, "allowCustomValue");
      json_builder_add_boolean_value (b, i == 1);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "outputs");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, "Out");
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, HOSTILE ("@output_name"));
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, HOSTILE ("@output_type"));
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, HOSTILE ("@output_description"));
  json_builder_set_member_name (b, "usedByWindows");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "usedByMacOs");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_end_object (b);
  json_builder_end_array (b);

  json_builder_end_object (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

/* A {code, message} error body. */
static char *
error_body (const char *code,
            const char *message)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, code);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_end_object (b);
  root = json_builder_get_root (b);

  return json_to_string (root, FALSE);
}

static gboolean
has_text (GtkWidget  *widget,
          const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text (child, text))
      return TRUE;

  return FALSE;
}

/* The toast on show that says text, or NULL. Toasts take turns: one added
 * while another shows waits for it. */
static GtkWidget *
find_toast (RaActionPage *page,
            const char   *text)
{
  GtkWidget *overlay = ra_test_find_widget (GTK_WIDGET (page), ADW_TYPE_TOAST_OVERLAY, NULL, NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (overlay);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget") && has_text (child, text))
      return child;

  return NULL;
}

static RaDeviceResultsWindow *
find_results_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (RA_IS_DEVICE_RESULTS_WINDOW (window))
        return RA_DEVICE_RESULTS_WINDOW (window);
    }

  return NULL;
}

static void
test_hostile_text (void)
{
  g_autoptr(RaSimulator) sim = ra_simulator_new ();
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(RaClient) client = NULL;
  g_autoptr(JsonNode) action = build_action ();
  g_autoptr(JsonNode) rows = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *list_error = error_body ("FORBIDDEN", HOSTILE ("@list_error"));
  g_autofree char *details_error = error_body ("NOT_FOUND", HOSTILE ("@details_error"));
  g_autofree char *run_error = error_body (HOSTILE ("@server_code"), HOSTILE ("@server_message"));
  g_autofree char *started = NULL;
  g_autoptr(RaAccount) account = ra_account_new ();
  g_autoptr(RaSession) session = ra_test_session_new (NULL, NULL, FALSE);
  RaWindow *window;
  RaActionList *list;
  RaActionPage *page;
  RaRunForm *form;
  RaConfirmDialog *dialog;
  RaDeviceResultsWindow *results;
  GtkWidget *switcher;
  GtkWidget *welcome;
  RaPreferencesWindow *preferences;
  GtkWidget *row;

  ra_simulator_clear_actions (sim);
  ra_simulator_add_action (sim, action);
  rows = json_from_string ("[{\"device.name\": \"" "@device & <b>bold</b> <a href=\\\"https://attacker.invalid/\\\">"
                           "re-enter your client secret</a> &amp; 1 < 2\","
                           " \"remote_action.execution.status\": \"success\","
                           " \"remote_action.execution.note\": \"@note & <b>bold</b> "
                           "<a href=\\\"https://attacker.invalid/\\\">re-enter your client secret</a> "
                           "&amp; 1 < 2\"},"
                           " {\"device.name\": \"second\", \"remote_action.execution.status\": \"failure\","
                           "  \"remote_action.execution.note\": \"\"}]", &error);
  g_assert_no_error (error);
  ra_simulator_add_nql_query (sim, RESULTS_QUERY, rows);
  ra_account_set_results_query_id (account, RESULTS_QUERY);
  g_assert_true (ra_simulator_start_in_thread (sim, 0, &error));
  g_assert_no_error (error);

  endpoint = ra_endpoint_new_full ("demo", "eu", ra_simulator_get_base_url (sim),
                                   ra_simulator_get_login_base_url (sim), &error);
  g_assert_no_error (error);
  client = ra_client_new (endpoint, RA_SIM_DEFAULT_CLIENT_ID, RA_SIM_DEFAULT_CLIENT_SECRET,
                          RA_TOKEN_ENDPOINT_AUTO);

  window = g_object_ref_sink (ra_window_new (NULL, session));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 1000);
  list = ra_window_get_action_list (window);
  gtk_window_present (GTK_WINDOW (window));

  /* The list fails with the server's words first, then loads. */
  ra_simulator_set_next_answer (sim, 403, list_error);
  ra_account_set_display_name (account, HOSTILE ("@account"));
  ra_session_set_connection (session, account, client, FALSE);
  RA_TEST_WAIT_UNTIL (ra_action_list_get_state (list) == RA_ACTION_LIST_STATE_ERROR);
  assert_shows (GTK_WIDGET (window), HOSTILE ("@list_error"), HOSTILE ("@account"), NULL);
  ra_action_list_reload (list);
  RA_TEST_WAIT_UNTIL (ra_action_list_get_state (list) != RA_ACTION_LIST_STATE_ERROR &&
                      ra_action_list_get_state (list) != RA_ACTION_LIST_STATE_LOADING);
  g_assert_cmpstr (ra_action_list_get_error_message (list), ==, NULL);
  g_assert_cmpint (ra_action_list_get_state (list), ==, RA_ACTION_LIST_STATE_LOADED);
  assert_shows (GTK_WIDGET (window), ACTION_NAME, ACTION_ID, NULL);

  /* What the user searches for is outside text too. */
  ra_action_list_set_search_text (list, HOSTILE ("@search"));
  RA_TEST_WAIT_UNTIL (ra_action_list_get_state (list) == RA_ACTION_LIST_STATE_NO_MATCH);
  assert_shows (GTK_WIDGET (window), HOSTILE ("@search"), NULL);
  ra_action_list_set_search_text (list, "");
  RA_TEST_WAIT_UNTIL (ra_action_list_get_state (list) == RA_ACTION_LIST_STATE_LOADED);

  /* The details fail once, with the server's words on the status page. */
  ra_simulator_set_next_answer (sim, 404, details_error);
  g_assert_true (ra_action_list_select_action_id (list, ACTION_ID));
  page = ra_window_get_action_page (window);
  g_assert_nonnull (page);
  RA_TEST_WAIT_UNTIL (ra_action_page_get_state (page) == RA_ACTION_PAGE_STATE_ERROR);
  g_assert_nonnull (strstr (ra_action_page_get_load_error (page), HOSTILE ("@details_error")));
  assert_shows (GTK_WIDGET (window), HOSTILE ("@details_error"), NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "page.retry", NULL);
  RA_TEST_WAIT_UNTIL (ra_action_page_get_state (page) == RA_ACTION_PAGE_STATE_ACTION);

  assert_shows (GTK_WIDGET (window),
                ACTION_NAME, ACTION_ID,
                HOSTILE ("@description"), HOSTILE ("@uuid"),
                HOSTILE ("@origin"), HOSTILE ("@version"),
                HOSTILE ("@choice_name"), HOSTILE ("@choice_description"),
                HOSTILE ("@entry_name"), HOSTILE ("@entry_description"),
                HOSTILE ("@output_name"), HOSTILE ("@output_description"),
                HOSTILE ("@output_type"),
                NULL);

  /* The form, filled with the server's option and the user's own text. */
  form = ra_action_page_get_form (page);
  ra_input_row_set_value (RA_INPUT_ROW (ra_run_form_get_input_row (form, "Choice")),
                          HOSTILE ("@option"));
  ra_input_row_set_value (RA_INPUT_ROW (ra_run_form_get_input_row (form, "Entry")),
                          HOSTILE ("@typed"));
  ra_device_editor_set_text (ra_run_form_get_device_editor (form),
                             "0b8c5f0e-8f8e-4d0c-9d55-2f6f3e7d8a11\n"
                             "7a3e1c52-3a0f-4e7f-8f1e-4b1a3c2d9e10");
  ra_run_form_set_options (form, 120, HOSTILE ("@reason"), HOSTILE ("@reference"));
  assert_shows (GTK_WIDGET (window), HOSTILE ("@option"), NULL);

  /* The confirmation. */
  ra_action_page_activate_run (page);
  dialog = ra_action_page_get_confirm_dialog (page);
  g_assert_nonnull (dialog);
  assert_shows (GTK_WIDGET (dialog), ACTION_NAME,
                HOSTILE ("@choice_name"), HOSTILE ("@option"),
                HOSTILE ("@entry_name"), HOSTILE ("@typed"),
                HOSTILE ("@reason"), HOSTILE ("@reference"), NULL);

  /* Started, with the server's request ID: outcome, toast, session runs. */
  started = g_strdup_printf ("{\"requestId\": \"%s\", \"expiresInMinutes\": 120}",
                             "@request & <b>bold</b> <a href=\\\"https://attacker.invalid/\\\">"
                             "re-enter your client secret</a> &amp; 1 < 2");
  ra_simulator_set_next_answer (sim, 200, started);
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), RA_CONFIRM_RESPONSE_RUN);
  g_object_unref (dialog);
  RA_TEST_WAIT_UNTIL (!ra_run_form_get_running (form));
  g_assert_cmpstr (ra_run_form_get_request_id (form), ==, HOSTILE ("@request"));
  assert_shows (GTK_WIDGET (window), HOSTILE ("@request"), NULL);
  RA_TEST_WAIT_UNTIL (find_toast (page, "started") != NULL);
  assert_shows (find_toast (page, "started"), ACTION_NAME, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (ra_action_page_get_runs (page)), ==, 1);

  /* Device results of that run. */
  row = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (ra_run_form_get_outcome (form)),
                                                    RA_TYPE_RUN_OUTCOME, "device_results_row");
  g_signal_emit_by_name (row, "activate");
  results = find_results_window ();
  g_assert_nonnull (results);
  RA_TEST_WAIT_UNTIL (ra_device_results_window_get_state (results) == RA_DEVICE_RESULTS_WINDOW_STATE_RESULTS);
  assert_shows (GTK_WIDGET (results), ACTION_NAME, HOSTILE ("@device"), HOSTILE ("@note"), NULL);
  gtk_window_destroy (GTK_WINDOW (results));

  /* Refused, with the server's words in the outcome. */
  ra_simulator_set_next_answer (sim, 400, run_error);
  ra_action_page_activate_run (page);
  dialog = ra_action_page_get_confirm_dialog (page);
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), RA_CONFIRM_RESPONSE_RUN);
  g_object_unref (dialog);
  RA_TEST_WAIT_UNTIL (!ra_run_form_get_running (form));
  g_assert_null (ra_run_form_get_request_id (form));
  assert_shows (GTK_WIDGET (window), HOSTILE ("@server_message"), HOSTILE ("@server_code"), NULL);
  RA_TEST_WAIT_UNTIL (find_toast (page, "did not start") != NULL);
  assert_shows (find_toast (page, "did not start"), ACTION_NAME, NULL);

  /* The account switcher names the account from the accounts file. */
  switcher = g_object_ref_sink (ra_account_switcher_new (G_MENU_MODEL (g_menu_new ())));
  ra_account_switcher_set_title (RA_ACCOUNT_SWITCHER (switcher), HOSTILE ("@account"));
  assert_shows (switcher, HOSTILE ("@account"), NULL);
  g_object_unref (switcher);

  /* Preferences show the settings as they are. */
  g_settings_set_string (settings, "external-source", HOSTILE ("@source"));
  preferences = ra_preferences_window_new (GTK_WINDOW (window), settings);
  gtk_window_present (GTK_WINDOW (preferences));
  assert_shows (GTK_WIDGET (preferences), "Expiry", NULL);
  g_assert_nonnull (ra_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_EDITABLE,
                                         editable_has_text, HOSTILE ("@source")));
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "external-source");

  /* The welcome page, with and without accounts. */
  welcome = g_object_ref_sink (ra_welcome_page_new ());
  ra_welcome_page_set_has_accounts (RA_WELCOME_PAGE (welcome), TRUE);
  assert_shows (welcome, "demo instance", NULL);
  ra_welcome_page_set_has_accounts (RA_WELCOME_PAGE (welcome), FALSE);
  assert_shows (welcome, "demo instance", NULL);
  g_object_unref (welcome);

  /* A menu item takes one underscore as a mnemonic: account names keep
   * theirs. */
  {
    g_autofree char *label = ra_plain_menu_label ("ACME_prod_eu");

    g_assert_cmpstr (label, ==, "ACME__prod__eu");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ra_test_assert_finalize (window);
  ra_simulator_stop (sim);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  logged = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (writer_cb, NULL, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_message ("No display");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/markup/hostile-text", test_hostile_text);

  return g_test_run ();
}
