/* test-action-page.c — the action page against the simulator: details, inputs, devices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-action-page"

#include "config.h"

#include <glib/gstdio.h>

#include "ra-error.h"
#include "ra-input-choice-row.h"
#include "ra-input-entry-row.h"

#include "page-fixture.h"
#include "ra-test-utils.h"

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_cmpint (ra_action_page_get_state (fixture->page), ==, RA_ACTION_PAGE_STATE_EMPTY);
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
  g_assert_cmpint (ra_action_page_get_state (fixture->page), ==, RA_ACTION_PAGE_STATE_LOADING);
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
  g_assert_cmpint (ra_action_page_get_state (fixture->page), ==, RA_ACTION_PAGE_STATE_ACTION);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", path), ==, 2);

  /* A refreshed list brings new objects: the details are fetched again. */
  {
    g_autoptr(JsonNode) node = parse_json (form_action_json);
    g_autoptr(RaRemoteAction) refreshed = ra_remote_action_new_from_json (node, NULL);

    g_assert_nonnull (refreshed);
    ra_action_page_set_action (fixture->page, refreshed);
    g_assert_cmpint (ra_action_page_get_state (fixture->page), ==, RA_ACTION_PAGE_STATE_LOADING);
    select_action (fixture, refreshed);
    g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", path), ==, 3);
  }

  ra_action_page_set_action (fixture->page, NULL);
  g_assert_cmpint (ra_action_page_get_state (fixture->page), ==, RA_ACTION_PAGE_STATE_EMPTY);
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
  RA_TEST_WAIT_UNTIL_FOR (ra_action_page_get_state (fixture->page) == RA_ACTION_PAGE_STATE_ERROR, WAIT_SECONDS);
  g_assert_nonnull (ra_action_page_get_load_error (fixture->page));
  g_assert_cmpstr (ra_action_page_get_load_error (fixture->page), !=, "");

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "page.retry", NULL);
  RA_TEST_WAIT_UNTIL_FOR (ra_action_page_get_state (fixture->page) == RA_ACTION_PAGE_STATE_ACTION, WAIT_SECONDS);
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
                   "1 valid device · 2 duplicates will be sent once");
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
  RA_TEST_WAIT_UNTIL_FOR (ra_device_editor_get_n_devices (editor) == 1, WAIT_SECONDS);
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
test_no_client (Fixture       *fixture,
                gconstpointer  data)
{
  ra_session_set_connection (fixture->session, NULL, NULL, FALSE);
  ra_action_page_set_action (fixture->page, fixture->form_action);
  g_assert_cmpint (ra_action_page_get_state (fixture->page), ==, RA_ACTION_PAGE_STATE_ACTION);
  g_assert_cmpstr (ra_run_form_get_blocker (get_form (fixture)), ==,
                   "Connect to a Nexthink instance to run actions");
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
  ra_test_answer_message_dialog ("_Add");
  g_assert_true (ra_device_editor_get_busy (editor));
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_editor_get_busy (editor), WAIT_SECONDS);
  g_assert_null (ra_device_editor_get_import_error (editor));
  /* Added after what was there, the ID column alone: no header or name
   * shows as a mistake. The repeated device counts once. */
  g_assert_cmpuint (ra_device_editor_get_n_devices (editor), ==, 3);
  g_assert_null (ra_device_editor_get_problem (editor));
  text = ra_device_editor_dup_text (editor);
  g_assert_cmpstr (text, ==, "1e5e8c0f-4d3b-4a5c-9a3f-1c2b3d4e5f60\n"
                             "3f2504e0-4f89-41d3-9a0c-0305e82c3301\n"
                             "6ba7b810-9dad-41d1-80b4-00c04fd430c8\n"
                             "1E5E8C0F-4D3B-4A5C-9A3F-1C2B3D4E5F60\n");

  bin_path = g_build_filename (dir, "devices.xlsx", NULL);
  g_file_set_contents (bin_path, binary, sizeof binary, &error);
  g_assert_no_error (error);
  bin_file = g_file_new_for_path (bin_path);
  ra_device_editor_import_file (editor, bin_file);
  ra_test_answer_message_dialog ("_Add");
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_editor_get_busy (editor), WAIT_SECONDS);
  g_assert_cmpstr (ra_device_editor_get_import_error (editor), ==,
                   "“devices.xlsx” is not a text or CSV file.");
  g_assert_cmpuint (ra_device_editor_get_n_devices (editor), ==, 3);

  g_unlink (csv_path);
  g_unlink (bin_path);
  g_rmdir (dir);
}

static void
add_tests (void)
{
  RA_TEST_ADD ("/action-page/empty", test_empty);
  RA_TEST_ADD ("/action-page/details", test_details);
  RA_TEST_ADD ("/action-page/switch-while-loading", test_switch_while_loading);
  RA_TEST_ADD ("/action-page/load-error", test_load_error);
  RA_TEST_ADD ("/action-page/not-api-enabled", test_not_api_enabled);
  RA_TEST_ADD ("/action-page/input-rows", test_input_rows);
  RA_TEST_ADD ("/action-page/invalid-devices", test_invalid_devices);
  RA_TEST_ADD ("/action-page/too-many-devices", test_too_many_devices);
  RA_TEST_ADD ("/action-page/no-client", test_no_client);
  RA_TEST_ADD ("/action-page/import", test_import);
}

int
main (int   argc,
      char *argv[])
{
  return page_fixture_main (argc, argv, add_tests);
}
