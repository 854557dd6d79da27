/* test-run-confirmation.c — what the confirmation says and where the
 * page's feedback goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-run-confirmation"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ra-account.h"
#include "ra-clock.h"
#include "ra-endpoint.h"
#include "ra-history.h"
#include "ra-session-private.h"

#include "page-fixture.h"
#include "ra-test-utils.h"

static gboolean
row_has_title (GtkWidget     *widget,
               gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* What the confirmation's summary says of the devices. */
static const char *
devices_text (RaConfirmDialog *dialog)
{
  GtkWidget *row = ra_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                                        row_has_title, "Devices");

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static const char *
heading (RaConfirmDialog *dialog)
{
  return adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog));
}

/* A client of the fixture's simulator for another instance. */
static RaClient *
new_client (Fixture    *fixture,
            const char *instance,
            const char *region)
{
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;

  endpoint = ra_endpoint_new_full (instance, region, ra_simulator_get_base_url (fixture->sim),
                                   ra_simulator_get_login_base_url (fixture->sim), &error);
  g_assert_no_error (error);

  return ra_client_new (endpoint, RA_SIM_DEFAULT_CLIENT_ID,
                        RA_SIM_DEFAULT_CLIENT_SECRET, RA_TOKEN_ENDPOINT_AUTO);
}

/* Connects the page to client, for account, and waits for the details
 * it loads again. */
static void
connect_to (Fixture   *fixture,
            RaAccount *account,
            RaClient  *client,
            gboolean   demo)
{
  ra_session_set_connection (fixture->session, account, client, demo);
  RA_TEST_WAIT_UNTIL_FOR (ra_action_page_get_state (fixture->page) == RA_ACTION_PAGE_STATE_ACTION,
                          WAIT_SECONDS);
}

/* The question names where the run goes: the account and its instance,
 * or the demo instance. */
static void
test_names_instance (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RaAccount) named = ra_account_new ();
  g_autoptr(RaAccount) unnamed = ra_account_new ();
  g_autoptr(RaClient) acme = new_client (fixture, "acme", "eu");
  RaConfirmDialog *dialog;

  ra_account_set_display_name (named, "Acme Production");
  ra_account_set_instance (named, "acme");
  ra_account_set_region (named, "eu");
  ra_account_set_instance (unnamed, "acme");
  ra_account_set_region (unnamed, "eu");

  select_action (fixture, fixture->collect_action);
  ra_device_editor_set_text (get_devices (fixture), "1e5e8c0f-4d3b-4a5c-9a3f-1c2b3d4e5f60");

  connect_to (fixture, unnamed, acme, FALSE);
  dialog = open_confirmation (fixture);
  g_assert_cmpstr (heading (dialog), ==, "Run “Collect something” on acme (eu)?");
  respond (dialog, RA_CONFIRM_RESPONSE_CANCEL);

  connect_to (fixture, named, acme, FALSE);
  dialog = open_confirmation (fixture);
  g_assert_cmpstr (heading (dialog), ==, "Run “Collect something” on Acme Production — acme (eu)?");
  respond (dialog, RA_CONFIRM_RESPONSE_CANCEL);

  connect_to (fixture, NULL, fixture->client, TRUE);
  dialog = open_confirmation (fixture);
  g_assert_cmpstr (heading (dialog), ==, "Run “Collect something” on the demo instance?");
  respond (dialog, RA_CONFIRM_RESPONSE_CANCEL);
}

/* Fills the form with n devices and checks that the confirmation names
 * them all, or the first three and then more (NULL: none). */
static void
assert_devices_listed (Fixture    *fixture,
                       guint       n,
                       const char *more)
{
  g_auto(GStrv) ids = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  RaConfirmDialog *dialog;

  fill_form (fixture, n, &ids);
  for (guint i = 0; i < (more != NULL ? 3 : n); i++)
    g_string_append_printf (expected, "%s%s", i > 0 ? "\n" : "", ids[i]);
  if (more != NULL)
    g_string_append_printf (expected, "\n%s", more);

  dialog = open_confirmation (fixture);
  g_assert_cmpstr (devices_text (dialog), ==, expected->str);
  respond (dialog, RA_CONFIRM_RESPONSE_CANCEL);
}

/* The summary names the first devices, and counts the rest. */
static void
test_lists_devices (Fixture       *fixture,
                    gconstpointer  data)
{
  select_action (fixture, fixture->form_action);
  assert_devices_listed (fixture, 2, NULL);
  /* Four take as many lines as three and "and 1 more". */
  assert_devices_listed (fixture, 4, NULL);
  assert_devices_listed (fixture, 5, "and 2 more");
  assert_devices_listed (fixture, 1234, "and 1231 more");

  /* Numbers as the locale writes them. */
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_message ("The locale de_DE.UTF-8 is not installed: grouping not checked");
      return;
    }
  assert_devices_listed (fixture, 1234, "and 1.231 more");
  setlocale (LC_NUMERIC, "C");
}

/* Devices typed by name are listed by name, first, with their IDs. */
static void
test_lists_names (Fixture       *fixture,
                  gconstpointer  data)
{
  RaDeviceEditor *editor = get_devices (fixture);
  g_auto(GStrv) ids = NULL;
  g_autofree char *devices = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ra-confirm-names-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "history.sqlite3", NULL);
  g_autoptr(RaHistory) history = ra_history_new (path);
  RaConfirmDialog *dialog;

  g_assert_no_error (error);
  ra_session_set_history (fixture->session, history);
  select_action (fixture, fixture->form_action);
  fill_form (fixture, 3, &ids);
  ra_device_editor_set_lookup (editor, fixture->client, "#device_lookup");
  devices = ra_device_editor_dup_text (editor);
  text = g_strconcat (devices, "\nPC-042\nMBP-CEO", NULL);
  ra_device_editor_set_text (editor, text);
  g_assert_nonnull (ra_device_editor_get_problem (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "devices.look-up", NULL));
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_editor_get_looking_up (editor), WAIT_SECONDS);
  g_assert_null (ra_device_editor_get_problem (editor));
  g_assert_cmpuint (ra_device_editor_get_n_devices (editor), ==, 5);

  dialog = open_confirmation (fixture);
  expected = g_strdup_printf ("PC-042 (1b2c6d0e…)\nMBP-CEO (92276658…)\n%s\nand 2 more", ids[0]);
  g_assert_cmpstr (devices_text (dialog), ==, expected);
  respond (dialog, RA_CONFIRM_RESPONSE_RUN);
  RA_TEST_WAIT_UNTIL_FOR (!ra_run_form_get_running (get_form (fixture)), WAIT_SECONDS);

  /* The run goes to the devices of the names too. */
  {
    g_autoptr(JsonNode) node = NULL;
    JsonObject *body = get_execute_body (fixture, &node);
    JsonArray *sent = json_object_get_array_member (body, "devices");

    g_assert_cmpuint (json_array_get_length (sent), ==, 5);
    g_assert_cmpstr (json_array_get_string_element (sent, 3), ==,
                     "1b2c6d0e-8f3a-4c5b-9d7e-2a4f6b8c0d12");
    g_assert_cmpstr (json_array_get_string_element (sent, 4), ==,
                     "92276658-1e27-41c0-8a6a-63ec24ede6a4");
  }

  /* The history finds the run by a name it was given. */
  {
    GAsyncResult *slot = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) runs = NULL;

    ra_history_list_async (history, "mbp-ceo", NULL, -1, 0, NULL, ra_test_store_result_cb, &slot);
    result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
    runs = ra_history_list_finish (history, result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (runs->len, ==, 1);
  }

  ra_test_remove_tree (dir);
}

static void
run_once (Fixture *fixture)
{
  confirm_and_wait (fixture);
  g_assert_nonnull (ra_run_form_get_request_id (get_form (fixture)));
}

/* Asks again, and checks the warning about a repeat (NULL: none). */
static void
assert_repeat_warning (Fixture    *fixture,
                       const char *expected)
{
  RaConfirmDialog *dialog = open_confirmation (fixture);

  g_assert_cmpstr (ra_confirm_dialog_get_repeat_warning (dialog), ==, expected);
  /* Enter does not run a repeat. */
  if (expected != NULL)
    g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)),
                     ==, RA_CONFIRM_RESPONSE_CANCEL);
  respond (dialog, RA_CONFIRM_RESPONSE_CANCEL);
}

/* The same action with the same values on the same devices, on the same
 * instance, is flagged; any difference is not. */
static void
test_repeat_warning (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RaClock) clock = ra_clock_new_manual (0);
  g_autoptr(RaClient) other = new_client (fixture, "other", "us");
  g_autofree char *reversed = NULL;
  g_autofree char *started = NULL;
  g_auto(GStrv) ids = NULL;
  GDateTime *time;
  RaSessionRun *run;

  ra_run_form_set_clock (get_form (fixture), clock);
  select_action (fixture, fixture->form_action);
  fill_form (fixture, 3, &ids);

  /* Nothing ran yet. */
  assert_repeat_warning (fixture, NULL);

  run_once (fixture);
  ra_clock_advance (clock, 30);
  assert_repeat_warning (fixture, "You ran this on the same devices less than a minute ago.");
  ra_clock_advance (clock, 90);
  assert_repeat_warning (fixture, "You ran this on the same devices 2 minutes ago.");

  /* The order of the devices does not matter, nor do the options. */
  reversed = g_strjoin ("\n", ids[2], ids[1], ids[0], NULL);
  ra_device_editor_set_text (get_devices (fixture), reversed);
  ra_run_form_set_options (get_form (fixture), 0, "Another reason", NULL);
  assert_repeat_warning (fixture, "You ran this on the same devices 2 minutes ago.");

  /* Another value, another device: another run. */
  ra_input_row_set_value (get_input (fixture, "Note"), "per other ticket");
  assert_repeat_warning (fixture, NULL);
  ra_input_row_set_value (get_input (fixture, "Note"), "per ticket");
  assert_repeat_warning (fixture, "You ran this on the same devices 2 minutes ago.");
  ra_device_editor_set_text (get_devices (fixture), ids[0]);
  assert_repeat_warning (fixture, NULL);
  ra_device_editor_set_text (get_devices (fixture), reversed);

  /* Past an hour, the time it ran. */
  ra_clock_advance (clock, 3600);
  run = g_list_model_get_item (ra_action_page_get_runs (fixture->page), 0);
  time = ra_session_run_get_started (run);
  started = g_date_time_format (time, "You ran this on the same devices at %X.");
  assert_repeat_warning (fixture, started);
  g_object_unref (run);

  /* The same devices on another instance are other devices. */
  connect_to (fixture, NULL, other, FALSE);
  assert_repeat_warning (fixture, NULL);
}

/* A data collection runs with Enter, but not a second time. */
static void
test_repeat_not_default (Fixture       *fixture,
                         gconstpointer  data)
{
  RaConfirmDialog *dialog;

  select_action (fixture, fixture->collect_action);
  ra_device_editor_set_text (get_devices (fixture), "1e5e8c0f-4d3b-4a5c-9a3f-1c2b3d4e5f60");

  dialog = open_confirmation (fixture);
  g_assert_null (ra_confirm_dialog_get_repeat_warning (dialog));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)),
                   ==, RA_CONFIRM_RESPONSE_RUN);
  respond (dialog, RA_CONFIRM_RESPONSE_CANCEL);

  run_once (fixture);
  assert_repeat_warning (fixture, "You ran this on the same devices less than a minute ago.");
}

static void
resize_window (Fixture *fixture,
               int      width,
               int      height)
{
  /* A window mapped anew takes its default size; a shown one may not
   * follow it at once without a window manager. On a loaded machine the
   * display server may also answer the map with the size before: then the
   * window is mapped anew once more. */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

      gtk_widget_set_visible (fixture->window, FALSE);
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
      gtk_window_present (GTK_WINDOW (fixture->window));
      while (g_get_monotonic_time () < end &&
             !(gtk_widget_get_width (fixture->window) == width &&
               gtk_widget_get_height (fixture->window) == height))
        ra_test_spin (20);
      if (gtk_widget_get_width (fixture->window) == width &&
          gtk_widget_get_height (fixture->window) == height)
        return;
      g_test_message ("Mapped at %d×%d instead of %d×%d; mapping it again",
                      gtk_widget_get_width (fixture->window),
                      gtk_widget_get_height (fixture->window), width, height);
    }

  g_assert_cmpint (gtk_widget_get_width (fixture->window), ==, width);
  g_assert_cmpint (gtk_widget_get_height (fixture->window), ==, height);
}

static gboolean
is_shown_toast (GtkWidget     *widget,
                gconstpointer  data)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static GtkWidget *
find_toast (Fixture *fixture)
{
  GType type = g_type_from_name ("AdwToastWidget");

  if (type == G_TYPE_INVALID)
    return NULL;

  return ra_test_find_widget (fixture->window, type, is_shown_toast, NULL);
}

/* The toast that says a run started comes up at the bottom of the page,
 * where the Run button is: it must not hide it. */
static void
test_toast_leaves_run_button (Fixture       *fixture,
                              gconstpointer  data)
{
  static const int widths[] = { 360, 800 };

  /* Where the toast ends up, not where it slides in from. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  select_action (fixture, fixture->form_action);
  fill_form (fixture, 2, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      GtkWidget *button = ra_action_page_get_run_button (fixture->page);
      GtkWidget *toast;
      graphene_rect_t toast_bounds, button_bounds;

      resize_window (fixture, widths[i], 640);
      confirm_and_wait (fixture);
      RA_TEST_WAIT_UNTIL_FOR ((toast = find_toast (fixture)) != NULL, WAIT_SECONDS);
      ra_test_settle ();

      g_assert_true (gtk_widget_get_mapped (button));
      g_assert_true (gtk_widget_compute_bounds (toast, fixture->window, &toast_bounds));
      g_assert_true (gtk_widget_compute_bounds (button, fixture->window, &button_bounds));
      g_test_message ("%d px: toast %g,%g %gx%g, button %g,%g %gx%g", widths[i],
                      toast_bounds.origin.x, toast_bounds.origin.y,
                      toast_bounds.size.width, toast_bounds.size.height,
                      button_bounds.origin.x, button_bounds.origin.y,
                      button_bounds.size.width, button_bounds.size.height);
      g_assert_false (graphene_rect_intersection (&toast_bounds, &button_bounds, NULL));
    }

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* Above the threshold the number of devices must be typed: the entry
 * for it has the keyboard focus as the dialog opens. */
static void
test_typed_count_focused (Fixture       *fixture,
                          gconstpointer  data)
{
  RaConfirmDialog *dialog;
  GtkEditable *entry;
  GtkWidget *focus;

  select_action (fixture, fixture->form_action);
  fill_form (fixture, 11, NULL);

  dialog = open_confirmation (fixture);
  entry = ra_confirm_dialog_get_count_entry (dialog);
  g_assert_nonnull (entry);
  RA_TEST_WAIT_UNTIL_FOR (gtk_widget_get_mapped (GTK_WIDGET (dialog)), WAIT_SECONDS);
  ra_test_settle ();

  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));

  respond (dialog, RA_CONFIRM_RESPONSE_CANCEL);
}

static gboolean
is_kept_note (GtkWidget     *widget,
              gconstpointer  data)
{
  return g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                           "Devices kept from");
}

/* The note in the form, if it shows. */
static GtkWidget *
find_kept_note (Fixture *fixture)
{
  GtkWidget *row = ra_test_find_widget (GTK_WIDGET (get_devices (fixture)), ADW_TYPE_ACTION_ROW,
                                        is_kept_note, NULL);

  return row != NULL && gtk_widget_is_visible (row) ? row : NULL;
}

/* Devices stay when another action is picked, and the form says where
 * they come from. */
static void
test_devices_kept (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(GStrv) ids = NULL;
  g_autofree char *expected = NULL;
  RaConfirmDialog *dialog;
  GtkWidget *note;

  select_action (fixture, fixture->form_action);
  fill_form (fixture, 3, &ids);
  g_assert_null (ra_device_editor_get_kept_from (get_devices (fixture)));
  g_assert_null (find_kept_note (fixture));

  select_action (fixture, fixture->collect_action);
  g_assert_cmpuint (ra_device_editor_get_n_devices (get_devices (fixture)), ==, 3);
  g_assert_cmpstr (ra_device_editor_get_kept_from (get_devices (fixture)), ==,
                   "Restart a service and set how it starts");
  note = find_kept_note (fixture);
  g_assert_nonnull (note);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (note)), ==,
                   "Devices kept from “Restart a service and set how it starts”");

  /* The question says which devices, wherever they came from. */
  dialog = open_confirmation (fixture);
  expected = g_strjoinv ("\n", ids);
  g_assert_cmpstr (devices_text (dialog), ==, expected);
  respond (dialog, RA_CONFIRM_RESPONSE_CANCEL);

  /* Back where they were typed, they are that action's own. */
  select_action (fixture, fixture->form_action);
  g_assert_null (ra_device_editor_get_kept_from (get_devices (fixture)));
  g_assert_null (find_kept_note (fixture));

  /* The note's button clears them. */
  select_action (fixture, fixture->collect_action);
  note = find_kept_note (fixture);
  g_assert_nonnull (note);
  ra_test_click (ra_test_find_button (note, "Clear Them"));
  g_assert_cmpuint (ra_device_editor_get_n_devices (get_devices (fixture)), ==, 0);
  g_assert_null (ra_device_editor_get_kept_from (get_devices (fixture)));
  g_assert_null (find_kept_note (fixture));

  /* Devices changed for the action shown are its own. */
  ra_device_editor_set_text (get_devices (fixture), ids[0]);
  select_action (fixture, fixture->form_action);
  g_assert_cmpstr (ra_device_editor_get_kept_from (get_devices (fixture)), ==, "Collect something");
  ra_device_editor_set_text (get_devices (fixture), ids[1]);
  g_assert_null (ra_device_editor_get_kept_from (get_devices (fixture)));
  g_assert_null (find_kept_note (fixture));
}

static void
add_tests (void)
{
  RA_TEST_ADD ("/run-confirmation/devices-kept", test_devices_kept);
  RA_TEST_ADD ("/run-confirmation/names-instance", test_names_instance);
  RA_TEST_ADD ("/run-confirmation/lists-devices", test_lists_devices);
  RA_TEST_ADD ("/run-confirmation/lists-names", test_lists_names);
  RA_TEST_ADD ("/run-confirmation/repeat-warning", test_repeat_warning);
  RA_TEST_ADD ("/run-confirmation/repeat-not-default", test_repeat_not_default);
  RA_TEST_ADD ("/run-confirmation/toast-leaves-run-button", test_toast_leaves_run_button);
  RA_TEST_ADD ("/run-confirmation/typed-count-focused", test_typed_count_focused);
}

int
main (int   argc,
      char *argv[])
{
  return page_fixture_main (argc, argv, add_tests);
}
