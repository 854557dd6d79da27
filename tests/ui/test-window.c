/* test-window.c — the main window and its action list against the simulator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>

#include "ra-action-list.h"
#include "ra-action-page-private.h"
#include "ra-action-row.h"
#include "ra-client.h"
#include "ra-application.h"
#include "ra-endpoint.h"
#include "ra-remote-action.h"
#include "ra-simulator.h"
#include "ra-test-utils.h"
#include "ra-window.h"

#define LIST_PATH "/api/v1/act/remote-action"

/* g_settings_get_string () returns a copy to free. */
#define assert_setting_string(settings, key, expected)                      \
  G_STMT_START {                                                            \
    g_autofree char *assert_value_ = g_settings_get_string (settings, key); \
    g_assert_cmpstr (assert_value_, ==, expected);                          \
  } G_STMT_END

typedef struct
{
  RaSimulator  *simulator;
  RaClient     *client;
  RaSession    *session;
  RaWindow     *window;
  RaActionList *list;
  GSettings    *settings;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaEndpoint) endpoint = NULL;

  /* Every test starts from the defaults. */
  f->settings = g_settings_new (APP_ID);
  ra_test_reset_settings (f->settings);

  f->simulator = ra_simulator_new ();
  g_assert_true (ra_simulator_start_in_thread (f->simulator, 0, &error));
  g_assert_no_error (error);

  endpoint = ra_endpoint_new_full ("demo", "eu", ra_simulator_get_base_url (f->simulator),
                                   ra_simulator_get_login_base_url (f->simulator), &error);
  g_assert_no_error (error);
  f->client = ra_client_new (endpoint, RA_SIM_DEFAULT_CLIENT_ID,
                             RA_SIM_DEFAULT_CLIENT_SECRET, RA_TOKEN_ENDPOINT_AUTO);
}

static void
fixture_open_window (Fixture *f)
{
  if (f->session == NULL)
    f->session = ra_test_session_new (NULL, NULL, FALSE);
  f->window = g_object_ref (ra_window_new (NULL, f->session));
  f->list = ra_window_get_action_list (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_load (Fixture *f)
{
  if (f->window == NULL)
    fixture_open_window (f);

  ra_session_set_connection (f->session, NULL, f->client, TRUE);
  RA_TEST_WAIT_UNTIL (ra_action_list_get_state (f->list) != RA_ACTION_LIST_STATE_LOADING);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (f->window));
      ra_test_assert_finalize (g_steal_pointer (&f->window));
    }
  if (f->session != NULL)
    ra_test_assert_finalize (g_steal_pointer (&f->session));

  ra_test_assert_finalize (g_steal_pointer (&f->client));
  ra_simulator_stop (f->simulator);
  g_clear_object (&f->simulator);
  g_clear_object (&f->settings);
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (ra_action_list_get_model (f->list));
}

static const char *
visible_page (Fixture *f)
{
  GtkStack *stack = GTK_STACK (ra_test_find_widget (GTK_WIDGET (f->list), GTK_TYPE_STACK, NULL, NULL));

  return gtk_stack_get_visible_child_name (stack);
}

typedef gboolean (*ActionPredicate) (RaRemoteAction *action, gconstpointer data);

static guint
count_loaded (Fixture         *f,
              ActionPredicate  predicate,
              gconstpointer    data)
{
  GListModel *actions = ra_action_list_get_actions (f->list);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(RaRemoteAction) action = ra_test_action_at (actions, i);

      if (predicate (action, data))
        n++;
    }

  return n;
}

static void
assert_all_shown (Fixture         *f,
                  ActionPredicate  predicate,
                  gconstpointer    data)
{
  GListModel *model = ra_action_list_get_model (f->list);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RaRemoteAction) action = ra_test_action_at (model, i);

      if (!predicate (action, data))
        g_error ("%s is shown but should not be", ra_remote_action_get_id (action));
    }
}

static gboolean
is_api_enabled (RaRemoteAction *action,
                gconstpointer   data)
{
  return ra_remote_action_get_api_enabled (action);
}

static gboolean
is_anything (RaRemoteAction *action,
             gconstpointer   data)
{
  return TRUE;
}

/* The list */

static void
test_list_loads (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *model;
  guint n_enabled;

  fixture_load (f);

  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_LOADED);
  g_assert_cmpstr (visible_page (f), ==, "list");
  g_assert_cmpuint (ra_action_list_get_n_total (f->list), >=, 25);

  /* API-enabled only, by default */
  n_enabled = count_loaded (f, is_api_enabled, NULL);
  g_assert_cmpuint (n_enabled, <, ra_action_list_get_n_total (f->list));
  g_assert_cmpuint (n_shown (f), ==, n_enabled);
  assert_all_shown (f, is_api_enabled, NULL);

  /* Sorted by name as the locale collates, whatever the case */
  model = ra_action_list_get_model (f->list);
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RaRemoteAction) a = ra_test_action_at (model, i - 1);
      g_autoptr(RaRemoteAction) b = ra_test_action_at (model, i);

      g_autofree char *name_a = g_utf8_casefold (ra_remote_action_get_name (a), -1);
      g_autofree char *name_b = g_utf8_casefold (ra_remote_action_get_name (b), -1);

      g_assert_cmpint (g_utf8_collate (name_a, name_b), <=, 0);
    }

  g_assert_cmpuint (ra_simulator_count_requests (f->simulator, "GET", LIST_PATH), ==, 1);
}

static gboolean
text_matches (RaRemoteAction *action,
              gconstpointer   data)
{
  g_autofree char *needle = g_utf8_casefold (data, -1);
  const char *fields[] = {
    ra_remote_action_get_name (action),
    ra_remote_action_get_id (action),
    ra_remote_action_get_description (action),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *folded = g_utf8_casefold (fields[i], -1);

      if (strstr (folded, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
enabled_and_matches (RaRemoteAction *action,
                     gconstpointer   data)
{
  return is_api_enabled (action, NULL) && text_matches (action, data);
}

static void
assert_search (Fixture    *f,
               const char *text)
{
  guint expected;

  ra_action_list_set_search_text (f->list, text);
  expected = count_loaded (f, enabled_and_matches, text);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (n_shown (f), ==, expected);
  assert_all_shown (f, enabled_and_matches, text);
}

static void
test_list_search (Fixture       *f,
                  gconstpointer  data)
{
  GtkSearchEntry *entry;
  guint all;

  fixture_load (f);
  all = n_shown (f);

  /* A name, in another case */
  assert_search (f, "DISK USAGE");
  g_assert_cmpuint (n_shown (f), <, all);
  /* An NQL ID */
  assert_search (f, "#get_battery_health");
  g_assert_cmpuint (n_shown (f), ==, 1);
  /* A word found only in descriptions */
  {
    g_autoptr(RaRemoteAction) action = ra_test_action_at (ra_action_list_get_model (f->list), 0);
    g_auto(GStrv) words = g_strsplit (ra_remote_action_get_description (action), " ", -1);
    const char *longest = words[0];

    for (guint i = 0; words[i] != NULL; i++)
      if (strlen (words[i]) > strlen (longest))
        longest = words[i];

    ra_action_list_set_search_text (f->list, "");
    assert_search (f, longest);
  }

  /* Words match anywhere, in any order */
  ra_action_list_set_search_text (f->list, "cache clear");
  g_assert_cmpuint (n_shown (f), >=, 1);
  {
    g_autoptr(RaRemoteAction) action = ra_test_action_at (ra_action_list_get_model (f->list), 0);
    g_assert_true (text_matches (action, "cache") && text_matches (action, "clear"));
  }

  /* Shortening the text widens the result again */
  ra_action_list_set_search_text (f->list, "restart print");
  g_assert_cmpuint (n_shown (f), ==, 1);
  ra_action_list_set_search_text (f->list, "restart");
  g_assert_cmpuint (n_shown (f), >, 1);
  ra_action_list_set_search_text (f->list, "");
  g_assert_cmpuint (n_shown (f), ==, all);

  /* Down goes from the entry to the results */
  {
    GtkWidget *entry_widget = GTK_WIDGET (ra_action_list_get_search_entry (f->list));
    GtkWidget *view = ra_test_find_widget (GTK_WIDGET (f->list), GTK_TYPE_LIST_VIEW, NULL, NULL);
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry_widget);
    gboolean handled = FALSE;

    gtk_widget_grab_focus (entry_widget);
    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
      }
    g_assert_true (handled);
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), view));
  }

  /* Typing into the entry itself, with its delay */
  entry = ra_action_list_get_search_entry (f->list);
  gtk_editable_set_text (GTK_EDITABLE (entry), "spotlight");
  RA_TEST_WAIT_UNTIL (n_shown (f) == 1);
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  RA_TEST_WAIT_UNTIL (n_shown (f) == all);
}

static gboolean
has_platform (RaRemoteAction *action,
              gconstpointer   data)
{
  gboolean windows = ra_remote_action_get_has_script_windows (action);
  gboolean macos = ra_remote_action_get_has_script_macos (action);

  if (!is_api_enabled (action, NULL))
    return FALSE;

  return g_str_equal (data, "windows") ? windows : macos;
}

static gboolean
has_purpose (RaRemoteAction *action,
             gconstpointer   data)
{
  RaPurpose purpose = ra_remote_action_get_purpose (action);

  if (!is_api_enabled (action, NULL))
    return FALSE;

  return (purpose & GPOINTER_TO_UINT (data)) != 0;
}

static void
test_list_filters (Fixture       *f,
                   gconstpointer  data)
{
  guint total;

  fixture_load (f);
  total = ra_action_list_get_n_total (f->list);

  /* Everything, API-enabled or not */
  g_settings_set_boolean (f->settings, "filter-api-enabled-only", FALSE);
  g_assert_cmpuint (n_shown (f), ==, total);
  assert_all_shown (f, is_anything, NULL);
  g_settings_set_boolean (f->settings, "filter-api-enabled-only", TRUE);
  assert_all_shown (f, is_api_enabled, NULL);

  /* Windows only */
  g_settings_set_boolean (f->settings, "filter-macos", FALSE);
  g_assert_cmpuint (n_shown (f), ==, count_loaded (f, has_platform, "windows"));
  assert_all_shown (f, has_platform, "windows");
  g_settings_set_boolean (f->settings, "filter-macos", TRUE);

  /* macOS only */
  g_settings_set_boolean (f->settings, "filter-windows", FALSE);
  g_assert_cmpuint (n_shown (f), ==, count_loaded (f, has_platform, "macos"));
  assert_all_shown (f, has_platform, "macos");
  g_settings_set_boolean (f->settings, "filter-windows", TRUE);

  /* Remediation only */
  g_settings_set_boolean (f->settings, "filter-data-collection", FALSE);
  g_assert_cmpuint (n_shown (f), ==,
                    count_loaded (f, has_purpose, GUINT_TO_POINTER (RA_PURPOSE_REMEDIATION)));
  assert_all_shown (f, has_purpose, GUINT_TO_POINTER (RA_PURPOSE_REMEDIATION));
  g_settings_set_boolean (f->settings, "filter-data-collection", TRUE);

  /* Data collection only */
  g_settings_set_boolean (f->settings, "filter-remediation", FALSE);
  g_assert_cmpuint (n_shown (f), ==,
                    count_loaded (f, has_purpose, GUINT_TO_POINTER (RA_PURPOSE_DATA_COLLECTION)));
  assert_all_shown (f, has_purpose, GUINT_TO_POINTER (RA_PURPOSE_DATA_COLLECTION));

  /* No purpose at all: nothing, and a way back */
  g_settings_set_boolean (f->settings, "filter-data-collection", FALSE);
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_NO_MATCH);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (ra_test_find_button (GTK_WIDGET (f->list), "_Reset Filters"))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (ra_test_find_button (GTK_WIDGET (f->list), "_Clear Search"))));
  ra_test_click (ra_test_find_button (GTK_WIDGET (f->list), "_Reset Filters"));
  g_assert_cmpuint (n_shown (f), ==, count_loaded (f, is_api_enabled, NULL));
  g_assert_true (g_settings_get_boolean (f->settings, "filter-remediation"));
  g_assert_true (g_settings_get_boolean (f->settings, "filter-data-collection"));
  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_LOADED);
}

static void
test_list_filters_restored (Fixture       *f,
                            gconstpointer  data)
{
  /* Filters saved by a previous session apply to the first list. */
  g_settings_set_boolean (f->settings, "filter-api-enabled-only", FALSE);
  g_settings_set_boolean (f->settings, "filter-windows", FALSE);

  fixture_load (f);
  g_assert_cmpuint (n_shown (f), ==, count_loaded (f, (ActionPredicate) ra_remote_action_get_has_script_macos, NULL));
}

static void
test_list_no_match (Fixture       *f,
                    gconstpointer  data)
{
  GtkButton *clear;
  guint all;

  fixture_load (f);
  all = n_shown (f);

  ra_action_list_set_search_text (f->list, "no action is called this");
  g_assert_cmpuint (n_shown (f), ==, 0);
  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_NO_MATCH);
  g_assert_cmpstr (visible_page (f), ==, "no-match");

  clear = ra_test_find_button (GTK_WIDGET (f->list), "_Clear Search");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (clear)));
  ra_test_click (clear);
  RA_TEST_WAIT_UNTIL (n_shown (f) == all);
  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_LOADED);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ra_action_list_get_search_entry (f->list))), ==, "");
}

static void
test_list_empty (Fixture       *f,
                 gconstpointer  data)
{
  ra_simulator_clear_actions (f->simulator);
  fixture_load (f);

  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_EMPTY);
  g_assert_cmpstr (visible_page (f), ==, "empty");
  g_assert_cmpuint (ra_action_list_get_n_total (f->list), ==, 0);
}

static void
test_list_loading (Fixture       *f,
                   gconstpointer  data)
{
  ra_simulator_set_latency (f->simulator, 1000);
  fixture_open_window (f);
  ra_session_set_connection (f->session, NULL, f->client, TRUE);

  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_LOADING);
  g_assert_cmpstr (visible_page (f), ==, "loading");

  RA_TEST_WAIT_UNTIL (ra_action_list_get_state (f->list) == RA_ACTION_LIST_STATE_LOADED);
  g_assert_cmpstr (visible_page (f), ==, "list");
}

static void
test_list_error_retry (Fixture       *f,
                       gconstpointer  data)
{
  AdwStatusPage *page;
  GtkButton *retry;

  ra_simulator_fail_next (f->simulator, 1, 403, 0);
  fixture_load (f);

  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_ERROR);
  g_assert_cmpstr (visible_page (f), ==, "error");
  g_assert_nonnull (ra_action_list_get_error_message (f->list));

  /* The page says what the client said */
  page = ADW_STATUS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (ra_test_find_button (GTK_WIDGET (f->list), "_Retry")),
                                                   ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_description (page), ==,
                   ra_action_list_get_error_message (f->list));

  retry = ra_test_find_button (GTK_WIDGET (f->list), "_Retry");
  ra_test_click (retry);
  RA_TEST_WAIT_UNTIL (ra_action_list_get_state (f->list) == RA_ACTION_LIST_STATE_LOADED);
  g_assert_null (ra_action_list_get_error_message (f->list));
  g_assert_cmpuint (ra_simulator_count_requests (f->simulator, "GET", LIST_PATH), ==, 2);
}

static void
test_list_refresh (Fixture       *f,
                   gconstpointer  data)
{
  RaRemoteAction *before;

  fixture_load (f);
  g_assert_true (ra_action_list_select_action_id (f->list, "#get_disk_usage"));
  before = ra_window_get_shown_action (f->window);

  /* F5 and Ctrl+R both go through win.refresh */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.refresh", NULL));
  RA_TEST_WAIT_UNTIL (ra_simulator_count_requests (f->simulator, "GET", LIST_PATH) == 2 &&
                      ra_action_list_get_state (f->list) == RA_ACTION_LIST_STATE_LOADED);

  /* The same action stays picked, as the freshly loaded object */
  g_assert_cmpstr (ra_remote_action_get_id (ra_window_get_shown_action (f->window)), ==, "#get_disk_usage");
  g_assert_true (ra_window_get_shown_action (f->window) != before);
}

static void
test_list_switch_while_loading (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(RaSimulator) other = ra_simulator_new ();
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(RaClient) other_client = NULL;
  g_autoptr(GError) error = NULL;

  /* The first account answers slowly; the user moves on to another. */
  ra_simulator_set_latency (f->simulator, 700);
  ra_simulator_set_generated_actions (other, 50);
  g_assert_true (ra_simulator_start_in_thread (other, 0, &error));
  endpoint = ra_endpoint_new_full ("other", "eu", ra_simulator_get_base_url (other),
                                   ra_simulator_get_login_base_url (other), &error);
  g_assert_no_error (error);
  other_client = ra_client_new (endpoint, RA_SIM_DEFAULT_CLIENT_ID,
                                RA_SIM_DEFAULT_CLIENT_SECRET, RA_TOKEN_ENDPOINT_AUTO);

  fixture_open_window (f);
  ra_session_set_connection (f->session, NULL, f->client, FALSE);
  ra_session_set_connection (f->session, NULL, other_client, FALSE);

  RA_TEST_WAIT_UNTIL (ra_action_list_get_state (f->list) == RA_ACTION_LIST_STATE_LOADED);
  g_assert_cmpuint (ra_action_list_get_n_total (f->list), ==, 50);

  /* Whenever the slow answer lands, it changes nothing. The call that
   * asked for it is over (answered or cancelled) once it no longer holds
   * the slow client, and nothing else but us does. */
  RA_TEST_WAIT_UNTIL (G_OBJECT (f->client)->ref_count == 1);
  ra_test_settle ();
  g_assert_cmpuint (ra_action_list_get_n_total (f->list), ==, 50);
  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_LOADED);

  ra_session_set_connection (f->session, NULL, NULL, FALSE);
  ra_simulator_stop (other);
}

static void
test_list_large (Fixture       *f,
                 gconstpointer  data)
{
  guint shown;

  ra_simulator_set_generated_actions (f->simulator, 10000);
  fixture_open_window (f);
  ra_session_set_connection (f->session, NULL, f->client, TRUE);
  RA_TEST_WAIT_UNTIL_FOR (ra_action_list_get_state (f->list) != RA_ACTION_LIST_STATE_LOADING, 120);

  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_LOADED);
  g_assert_cmpuint (ra_action_list_get_n_total (f->list), ==, 10000);
  g_settings_set_boolean (f->settings, "filter-api-enabled-only", FALSE);
  g_assert_cmpuint (n_shown (f), ==, 10000);
  /* The list view takes them in a few at a time, then has them all */
  {
    GtkListView *view = GTK_LIST_VIEW (ra_test_find_widget (GTK_WIDGET (f->list), GTK_TYPE_LIST_VIEW, NULL, NULL));

    RA_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))) == 10000);
  }

  shown = n_shown (f);
  ra_action_list_set_search_text (f->list, "9999");
  g_assert_cmpuint (n_shown (f), <, shown);
  g_assert_cmpuint (n_shown (f), >=, 1);
  assert_all_shown (f, text_matches, "9999");
}

static gboolean
has_refresh_action (GtkWidget     *widget,
                    gconstpointer  data)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.refresh") == 0;
}

static GtkWidget *
refresh_button (Fixture *f)
{
  return ra_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_BUTTON, has_refresh_action, NULL);
}

static void
test_list_no_client (Fixture       *f,
                     gconstpointer  data)
{
  fixture_open_window (f);

  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_NO_CLIENT);
  g_assert_cmpstr (visible_page (f), ==, "no-client");
  g_assert_false (gtk_widget_is_sensitive (refresh_button (f)));

  /* A client, then none again */
  fixture_load (f);
  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_LOADED);
  g_assert_true (gtk_widget_is_sensitive (refresh_button (f)));
  ra_session_set_connection (f->session, NULL, NULL, FALSE);
  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_NO_CLIENT);
  g_assert_false (gtk_widget_is_sensitive (refresh_button (f)));
  g_assert_null (ra_window_get_shown_action (f->window));
  g_assert_null (ra_window_get_client (f->window));
}

/* The window */

static void
test_window_selection (Fixture       *f,
                       gconstpointer  data)
{
  GListModel *model;
  RaActionPage *page;
  guint position = GTK_INVALID_LIST_POSITION;

  fixture_load (f);
  g_assert_null (ra_window_get_shown_action (f->window));

  /* Select a row the way a click does */
  model = ra_action_list_get_model (f->list);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RaRemoteAction) action = ra_test_action_at (model, i);

      if (g_str_equal (ra_remote_action_get_id (action), "#get_battery_health"))
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  gtk_widget_activate_action (ra_test_find_widget (GTK_WIDGET (f->list), GTK_TYPE_LIST_VIEW, NULL, NULL),
                              "list.select-item", "(ubb)", position, FALSE, FALSE);
  g_assert_nonnull (ra_window_get_shown_action (f->window));
  g_assert_cmpstr (ra_remote_action_get_id (ra_window_get_shown_action (f->window)), ==, "#get_battery_health");
  assert_setting_string (f->settings, "last-action", "#get_battery_health");

  /* The detail pane shows the same action */
  page = RA_ACTION_PAGE (ra_test_find_widget (GTK_WIDGET (f->window), RA_TYPE_ACTION_PAGE, NULL, NULL));
  g_assert_nonnull (page);
  /* Built on this first pick; the leaflet may still be settling from the
   * window's first allocation, so it gets a few main-loop turns. */
  RA_TEST_WAIT_UNTIL (gtk_widget_is_drawable (GTK_WIDGET (page)) || !gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  g_assert_true (ra_action_page_get_action (page) == ra_window_get_shown_action (f->window));
  g_assert_true (ra_action_page_get_client (page) == f->client);

  /* Searching it away leaves the pick in the content pane; bringing it
   * back selects its row again. */
  ra_action_list_set_search_text (f->list, "spotlight");
  g_assert_cmpstr (ra_remote_action_get_id (ra_window_get_shown_action (f->window)), ==, "#get_battery_health");
  ra_action_list_set_search_text (f->list, "battery");
  {
    GtkListView *view = GTK_LIST_VIEW (ra_test_find_widget (GTK_WIDGET (f->list), GTK_TYPE_LIST_VIEW, NULL, NULL));
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (view));

    RaActionItem *selected = gtk_single_selection_get_selected_item (selection);

    g_assert_cmpstr (ra_remote_action_get_id (ra_action_item_get_action (selected)),
                     ==, "#get_battery_health");
  }

  /* Enter in the search entry opens the first match, typing delay or not */
  {
    GtkSearchEntry *entry = ra_action_list_get_search_entry (f->list);

    gtk_editable_set_text (GTK_EDITABLE (entry), "filevault");
    g_signal_emit_by_name (entry, "activate");
    g_assert_cmpstr (ra_remote_action_get_id (ra_window_get_shown_action (f->window)), ==, "#get_filevault_status");
    g_assert_true (ra_action_page_get_action (page) == ra_window_get_shown_action (f->window));
  }

  /* Another client starts over */
  ra_session_set_connection (f->session, NULL, NULL, FALSE);
  g_assert_null (ra_window_get_shown_action (f->window));
  g_assert_null (ra_action_page_get_action (page));
  g_assert_null (ra_action_page_get_client (page));
}

static gboolean
window_is_folded (Fixture *f)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (ra_test_find_widget (GTK_WIDGET (f->window), ADW_TYPE_LEAFLET, NULL, NULL));

  return adw_leaflet_get_folded (leaflet);
}

static GtkWidget *
leaflet_visible (Fixture *f)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (ra_test_find_widget (GTK_WIDGET (f->window), ADW_TYPE_LEAFLET, NULL, NULL));

  return adw_leaflet_get_visible_child (leaflet);
}

/* What a single click on the row does, without the pointer. */
static void
release_click_on (GtkWidget *row)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        {
          g_signal_emit_by_name (controller, "released", 1, 1.0, 1.0);
          return;
        }
    }

  g_assert_not_reached ();
}

static void
test_window_narrow (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *sidebar;
  GtkWidget *list_view;
  GtkWidget *row;

  g_settings_set_int (f->settings, "window-width", 360);
  g_settings_set_int (f->settings, "window-height", 640);
  fixture_load (f);
  RA_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->window)) &&
                      gtk_widget_get_width (GTK_WIDGET (f->window)) > 0);
  RA_TEST_WAIT_UNTIL (window_is_folded (f));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);

  sidebar = leaflet_visible (f);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (f->list), sidebar));

  /* Activating a row (a click or Enter) moves on to the details */
  list_view = ra_test_find_widget (GTK_WIDGET (f->list), GTK_TYPE_LIST_VIEW, NULL, NULL);
  gtk_widget_activate_action (list_view, "list.activate-item", "u", 0);
  g_assert_nonnull (ra_window_get_shown_action (f->window));
  g_assert_true (leaflet_visible (f) != sidebar);

  /* The back button's action returns to the list */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));
  g_assert_true (leaflet_visible (f) == sidebar);

  /* A click on a row moves on too, even on the row already selected */
  row = ra_test_find_widget (list_view, RA_TYPE_ACTION_ROW, NULL, NULL);
  g_assert_nonnull (row);
  g_assert_nonnull (ra_action_row_get_action (RA_ACTION_ROW (row)));
  release_click_on (row);
  g_assert_true (ra_window_get_shown_action (f->window) ==
                 ra_action_row_get_action (RA_ACTION_ROW (row)));
  g_assert_true (leaflet_visible (f) != sidebar);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back", NULL));

  /* Ctrl+F from the details goes to the list's search entry */
  gtk_widget_activate_action (list_view, "list.activate-item", "u", 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  g_assert_true (leaflet_visible (f) == sidebar);
}

/* Whether all of widget is in the part of the scrolled window on screen. */
static gboolean
in_sight (GtkWidget *widget,
          GtkWidget *scroller)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, scroller, &bounds))
    return FALSE;

  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

static gboolean
focus_is_in (GtkWidget *window,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Search, Enter: the action opens with the focus on the first input that
 * needs a value (past those that may stay blank), its title and that
 * input in sight; at 360 px too, where the list gives way to the page. */
static void
assert_search_enter_focuses (Fixture *f)
{
  GtkSearchEntry *entry = ra_action_list_get_search_entry (f->list);
  RaActionPage *page;
  GtkWidget *urgency, *scroller, *title;

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "user message");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (ra_remote_action_get_id (ra_window_get_shown_action (f->window)), ==,
                   "#display_user_message");

  page = ra_window_get_action_page (f->window);
  RA_TEST_WAIT_UNTIL (ra_action_page_get_state (page) == RA_ACTION_PAGE_STATE_ACTION);
  urgency = ra_run_form_get_input_row (ra_action_page_get_form (page), "Urgency");
  g_assert_nonnull (urgency);
  RA_TEST_WAIT_UNTIL (focus_is_in (GTK_WIDGET (f->window), urgency));

  scroller = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (page), RA_TYPE_ACTION_PAGE, "scroller");
  title = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (page), RA_TYPE_ACTION_PAGE, "name_label");
  g_assert_true (in_sight (urgency, scroller));
  g_assert_true (in_sight (title, scroller));
}

static void
test_window_search_enter_focus (Fixture       *f,
                                gconstpointer  data)
{
  fixture_load (f);
  assert_search_enter_focuses (f);
}

static void
test_window_narrow_search_enter_focus (Fixture       *f,
                                       gconstpointer  data)
{
  g_settings_set_int (f->settings, "window-width", 360);
  g_settings_set_int (f->settings, "window-height", 640);
  fixture_load (f);
  RA_TEST_WAIT_UNTIL (window_is_folded (f));
  assert_search_enter_focuses (f);
}

/* Ctrl+F selects what was searched last, so typing replaces it. */
static void
test_window_search_selects (Fixture       *f,
                            gconstpointer  data)
{
  GtkSearchEntry *entry;
  int start = -1, end = -1;

  fixture_load (f);
  entry = ra_action_list_get_search_entry (f->list);
  gtk_editable_set_text (GTK_EDITABLE (entry), "battery");
  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  gtk_widget_grab_focus (ra_test_find_widget (GTK_WIDGET (f->list), GTK_TYPE_LIST_VIEW, NULL, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.search", NULL));
  g_assert_true (focus_is_in (GTK_WIDGET (f->window), GTK_WIDGET (entry)));
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, strlen ("battery"));
}

static void
test_window_settings_restored (Fixture       *f,
                               gconstpointer  data)
{
  int width, height;

  g_settings_set_int (f->settings, "window-width", 900);
  g_settings_set_int (f->settings, "window-height", 600);
  g_settings_set_string (f->settings, "last-action", "#rebuild_spotlight_index");

  fixture_load (f);

  gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 600);
  g_assert_nonnull (ra_window_get_shown_action (f->window));
  g_assert_cmpstr (ra_remote_action_get_id (ra_window_get_shown_action (f->window)), ==, "#rebuild_spotlight_index");

  /* Closing saves the size */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_cmpint (g_settings_get_int (f->settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (f->settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (f->settings, "window-maximized"));

  ra_test_assert_finalize (g_steal_pointer (&f->window));
}

static void
test_window_last_action_gone (Fixture       *f,
                              gconstpointer  data)
{
  /* An action deleted since the last session is simply not picked. */
  g_settings_set_string (f->settings, "last-action", "#no_longer_there");
  fixture_load (f);

  g_assert_null (ra_window_get_shown_action (f->window));
  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_LOADED);
}

static void
test_window_demo_badge (Fixture       *f,
                        gconstpointer  data)
{
  fixture_load (f);
  g_assert_true (ra_window_get_is_demo (f->window));

  ra_session_set_connection (f->session, NULL, f->client, FALSE);
  g_assert_false (ra_window_get_is_demo (f->window));
}

static void
test_window_shortcuts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(RaApplication) app = ra_application_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  GtkShortcutsWindow *overlay;
  GLogLevelFlags fatal;

  /* Ctrl+? opens it, as GtkApplication would have set up. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));

  /* Built when first asked for, then kept. */
  fixture_open_window (f);
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window)));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (f->window), "show-help-overlay"));
  /* GTK 4.8's shortcuts window warns about a label of its own when it
   * is laid out; only criticals stay fatal while it is shown. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (f->window));

  gtk_window_close (GTK_WINDOW (overlay));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-help-overlay", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_log_set_always_fatal (fatal);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  RA_TEST_ADD ("/ui/list/loads", test_list_loads);
  RA_TEST_ADD ("/ui/list/search", test_list_search);
  RA_TEST_ADD ("/ui/list/filters", test_list_filters);
  RA_TEST_ADD ("/ui/list/filters-restored", test_list_filters_restored);
  RA_TEST_ADD ("/ui/list/no-match", test_list_no_match);
  RA_TEST_ADD ("/ui/list/empty", test_list_empty);
  RA_TEST_ADD ("/ui/list/loading", test_list_loading);
  RA_TEST_ADD ("/ui/list/error-retry", test_list_error_retry);
  RA_TEST_ADD ("/ui/list/refresh", test_list_refresh);
  RA_TEST_ADD ("/ui/list/switch-while-loading", test_list_switch_while_loading);
  RA_TEST_ADD ("/ui/list/large", test_list_large);
  RA_TEST_ADD ("/ui/list/no-client", test_list_no_client);
  RA_TEST_ADD ("/ui/window/selection", test_window_selection);
  RA_TEST_ADD ("/ui/window/narrow", test_window_narrow);
  RA_TEST_ADD ("/ui/window/search-enter-focus", test_window_search_enter_focus);
  RA_TEST_ADD ("/ui/window/narrow-search-enter-focus", test_window_narrow_search_enter_focus);
  RA_TEST_ADD ("/ui/window/search-selects", test_window_search_selects);
  RA_TEST_ADD ("/ui/window/settings-restored", test_window_settings_restored);
  RA_TEST_ADD ("/ui/window/last-action-gone", test_window_last_action_gone);
  RA_TEST_ADD ("/ui/window/demo-badge", test_window_demo_badge);
  RA_TEST_ADD ("/ui/window/shortcuts", test_window_shortcuts);

  return g_test_run ();
}
