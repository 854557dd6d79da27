/* test-action-list.c — the action catalogue's view model on its own, and
 * the list's empty and error states in the window, against the simulator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-action-list"

#include "config.h"

#include <adwaita.h>

#include "ra-account.h"
#include "ra-account-controller.h"
#include "ra-action-item.h"
#include "ra-action-list.h"
#include "ra-action-list-model.h"
#include "ra-endpoint.h"
#include "ra-simulator.h"
#include "ra-test-utils.h"
#include "ra-window.h"

#define LIST_PATH "/api/v1/act/remote-action"
#define LOCKED_ID "#ra_test_locked"

/* An action the API may not trigger: the default filters hide it. */
static const char locked_action_json[] =
  "{"
  "  \"id\": \"" LOCKED_ID "\","
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
  RaSimulator         *sim;
  RaClient            *client;
  GSettings           *settings;

  RaActionListModel   *model;
  GString             *events;   /* what the model told, in order */

  RaSession           *session;
  RaWindow            *window;
  RaActionList        *list;
  RaAccountController *controller;
} Fixture;

static RaClient *
new_client (RaSimulator *sim)
{
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;

  endpoint = ra_endpoint_new_full ("acme", "eu", ra_simulator_get_base_url (sim),
                                   ra_simulator_get_login_base_url (sim), &error);
  g_assert_no_error (error);

  return ra_client_new (endpoint, RA_SIM_DEFAULT_CLIENT_ID,
                        RA_SIM_DEFAULT_CLIENT_SECRET, RA_TOKEN_ENDPOINT_AUTO);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) locked = NULL;
  g_autoptr(GError) error = NULL;

  /* Every test starts from the defaults. */
  f->settings = g_settings_new (APP_ID);
  ra_test_reset_settings (f->settings);

  f->sim = ra_simulator_new ();
  locked = json_from_string (locked_action_json, &error);
  g_assert_no_error (error);
  ra_simulator_add_action (f->sim, locked);
  g_assert_true (ra_simulator_start_in_thread (f->sim, 0, &error));
  g_assert_no_error (error);

  f->client = new_client (f->sim);
  f->events = g_string_new (NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *dialog;

  if (f->controller != NULL && (dialog = ra_account_controller_get_dialog (f->controller)) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&f->controller);

  if (f->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (f->window));
      ra_test_assert_finalize (g_steal_pointer (&f->window));
    }
  if (f->session != NULL)
    ra_test_assert_finalize (g_steal_pointer (&f->session));
  if (f->model != NULL)
    ra_test_assert_finalize (g_steal_pointer (&f->model));

  ra_test_assert_finalize (g_steal_pointer (&f->client));
  ra_simulator_stop (f->sim);
  g_clear_object (&f->sim);
  g_clear_object (&f->settings);
  g_string_free (f->events, TRUE);
}

/* The model */

static void
actions_changing_cb (RaActionListModel *model,
                     guint              n_new,
                     Fixture           *f)
{
  /* The old list is still there when the signal comes. */
  g_string_append_printf (f->events, "changing %u→%u;",
                          ra_action_list_model_get_n_total (model), n_new);
}

static void
notify_cb (RaActionListModel *model,
           GParamSpec        *pspec,
           Fixture           *f)
{
  if (g_str_equal (pspec->name, "state"))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (RA_TYPE_ACTION_LIST_STATE);

      g_string_append_printf (f->events, "state %s;",
                              g_enum_get_value (klass, ra_action_list_model_get_state (model))->value_nick);
    }
  else
    {
      g_string_append_printf (f->events, "%s;", pspec->name);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Notifications of one change come together, in no set order: compares
 * what came, sorted, and takes it out of the log. A signal logged before
 * them stays first. */
static void
assert_events (Fixture    *f,
               const char *first,
               const char *expected)
{
  g_auto(GStrv) got = NULL;
  g_auto(GStrv) want = g_strsplit (expected, ";", -1);
  g_autofree char *got_sorted = NULL;
  g_autofree char *want_sorted = NULL;
  const char *rest = f->events->str;

  if (first != NULL)
    {
      g_assert_true (g_str_has_prefix (rest, first));
      rest += strlen (first);
    }

  got = g_strsplit (rest, ";", -1);
  qsort (got, g_strv_length (got), sizeof (char *), compare_strings);
  qsort (want, g_strv_length (want), sizeof (char *), compare_strings);
  got_sorted = g_strjoinv (";", got);
  want_sorted = g_strjoinv (";", want);
  g_assert_cmpstr (got_sorted, ==, want_sorted);

  g_string_truncate (f->events, 0);
}

static void
model_new (Fixture *f)
{
  f->model = ra_action_list_model_new ();
  g_signal_connect (f->model, "actions-changing", G_CALLBACK (actions_changing_cb), f);
  g_signal_connect (f->model, "notify", G_CALLBACK (notify_cb), f);
}

static gboolean
model_settled (Fixture *f)
{
  return !ra_action_list_model_get_loading (f->model);
}

static guint
count_api_enabled (GListModel *items)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RaActionItem) item = g_list_model_get_item (items, i);

      if (ra_remote_action_get_api_enabled (ra_action_item_get_action (item)))
        n++;
    }

  return n;
}

static void
test_model_loads (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *actions;
  guint n_total;

  model_new (f);
  g_assert_cmpint (ra_action_list_model_get_state (f->model), ==, RA_ACTION_LIST_STATE_NO_CLIENT);
  g_assert_null (ra_action_list_model_get_actions (f->model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->model)) == RA_TYPE_ACTION_ITEM);

  ra_action_list_model_set_client (f->model, f->client);
  g_assert_cmpint (ra_action_list_model_get_state (f->model), ==, RA_ACTION_LIST_STATE_LOADING);
  g_assert_true (ra_action_list_model_get_loading (f->model));
  assert_events (f, NULL, "loading;state loading;client;");

  RA_TEST_WAIT_UNTIL (model_settled (f));
  g_assert_cmpint (ra_action_list_model_get_state (f->model), ==, RA_ACTION_LIST_STATE_LOADED);
  actions = ra_action_list_model_get_actions (f->model);
  n_total = ra_action_list_model_get_n_total (f->model);
  g_assert_nonnull (actions);
  g_assert_cmpuint (n_total, >, 1);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, n_total);
  /* The default filters show what the API can trigger. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, count_api_enabled (actions));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), <, n_total);
  g_assert_nonnull (ra_action_list_model_get_catalogue (f->model));
  g_assert_cmpuint (ra_action_list_model_get_n_skipped (f->model), ==, 0);
  g_assert_null (ra_action_list_model_get_error_message (f->model));

  /* One swap, announced before it, with the list it brings. */
  {
    g_autofree char *changing = g_strdup_printf ("changing 0→%u;", n_total);

    assert_events (f, changing, "loading;actions;n-total;catalogue;state loaded;");
  }
}

static void
test_model_refresh (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *before;
  guint n_total;

  model_new (f);
  ra_action_list_model_set_client (f->model, f->client);
  RA_TEST_WAIT_UNTIL (model_settled (f));
  before = ra_action_list_model_get_actions (f->model);
  n_total = ra_action_list_model_get_n_total (f->model);
  g_string_truncate (f->events, 0);

  /* A refresh keeps the list until the new one is in. */
  ra_action_list_model_reload (f->model);
  assert_events (f, NULL, "loading;state loading;");
  g_assert_cmpint (ra_action_list_model_get_state (f->model), ==, RA_ACTION_LIST_STATE_LOADING);
  g_assert_true (ra_action_list_model_get_actions (f->model) == before);
  g_assert_cmpuint (ra_action_list_model_get_n_total (f->model), ==, n_total);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, count_api_enabled (before));

  RA_TEST_WAIT_UNTIL (model_settled (f));
  g_assert_cmpint (ra_action_list_model_get_state (f->model), ==, RA_ACTION_LIST_STATE_LOADED);
  g_assert_true (ra_action_list_model_get_actions (f->model) != before);
  g_assert_cmpuint (ra_action_list_model_get_n_total (f->model), ==, n_total);
  {
    g_autofree char *changing = g_strdup_printf ("changing %u→%u;", n_total, n_total);

    /* The same number of actions: no n-total. */
    assert_events (f, changing, "loading;actions;catalogue;state loaded;");
  }
  g_assert_cmpuint (ra_simulator_count_requests (f->sim, "GET", LIST_PATH), ==, 2);
}

static void
test_model_error (Fixture       *f,
                  gconstpointer  data)
{
  model_new (f);
  ra_action_list_model_set_client (f->model, f->client);
  RA_TEST_WAIT_UNTIL (model_settled (f));
  g_assert_nonnull (ra_action_list_model_get_catalogue (f->model));

  ra_simulator_fail_next (f->sim, 1, 403, 0);
  ra_action_list_model_reload (f->model);
  RA_TEST_WAIT_UNTIL (model_settled (f));
  g_assert_cmpint (ra_action_list_model_get_state (f->model), ==, RA_ACTION_LIST_STATE_ERROR);
  g_assert_nonnull (ra_action_list_model_get_error_message (f->model));
  g_assert_null (ra_action_list_model_get_catalogue (f->model));

  ra_action_list_model_reload (f->model);
  g_assert_null (ra_action_list_model_get_error_message (f->model));
  RA_TEST_WAIT_UNTIL (model_settled (f));
  g_assert_cmpint (ra_action_list_model_get_state (f->model), ==, RA_ACTION_LIST_STATE_LOADED);
  g_assert_nonnull (ra_action_list_model_get_catalogue (f->model));
}

static void
test_model_switch_client (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RaClient) other = NULL;

  /* The first client's load is still under way at the switch: whatever
   * becomes of it must not land in the model. */
  ra_simulator_set_latency (f->sim, 300);
  model_new (f);
  ra_action_list_model_set_client (f->model, f->client);
  ra_action_list_model_set_client (f->model, NULL);
  g_assert_cmpint (ra_action_list_model_get_state (f->model), ==, RA_ACTION_LIST_STATE_NO_CLIENT);
  g_assert_false (ra_action_list_model_get_loading (f->model));
  /* Each load holds the model until its answer came: once the model is
   * ours alone again, the late answer has been and gone. */
  g_assert_cmpuint (G_OBJECT (f->model)->ref_count, >, 1);
  RA_TEST_WAIT_UNTIL (G_OBJECT (f->model)->ref_count == 1);
  g_assert_null (ra_action_list_model_get_actions (f->model));
  g_assert_cmpint (ra_action_list_model_get_state (f->model), ==, RA_ACTION_LIST_STATE_NO_CLIENT);

  ra_simulator_set_latency (f->sim, 0);
  ra_action_list_model_set_client (f->model, f->client);
  RA_TEST_WAIT_UNTIL (model_settled (f));
  g_assert_cmpuint (ra_action_list_model_get_n_total (f->model), >, 0);

  /* Another account: nothing of the first list stays, not even while the
   * second loads. */
  other = new_client (f->sim);
  ra_action_list_model_set_client (f->model, other);
  g_assert_null (ra_action_list_model_get_actions (f->model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 0);
  g_assert_null (ra_action_list_model_get_catalogue (f->model));
  RA_TEST_WAIT_UNTIL (model_settled (f));
  g_assert_cmpint (ra_action_list_model_get_state (f->model), ==, RA_ACTION_LIST_STATE_LOADED);
  /* Drop the model before its client, as the window does. */
  ra_action_list_model_set_client (f->model, NULL);
}

static void
test_model_hidden_by_filters (Fixture       *f,
                              gconstpointer  data)
{
  RaActionFilter *filter;

  model_new (f);
  filter = ra_action_list_model_get_filter (f->model);
  ra_action_list_model_set_client (f->model, f->client);
  RA_TEST_WAIT_UNTIL (model_settled (f));
  g_assert_cmpuint (ra_action_list_model_get_n_hidden_by_filters (f->model), ==, 0);

  ra_action_filter_set_search (filter, "ra_test_locked");
  g_assert_cmpint (ra_action_list_model_get_state (f->model), ==, RA_ACTION_LIST_STATE_NO_MATCH);
  g_assert_cmpuint (ra_action_list_model_get_n_hidden_by_filters (f->model), ==, 1);

  /* Hidden by the platform box too: still one, found by the search alone. */
  ra_action_filter_set_windows (filter, FALSE);
  g_assert_cmpuint (ra_action_list_model_get_n_hidden_by_filters (f->model), ==, 1);
  ra_action_filter_set_windows (filter, TRUE);

  ra_action_filter_set_api_enabled_only (filter, FALSE);
  g_assert_cmpint (ra_action_list_model_get_state (f->model), ==, RA_ACTION_LIST_STATE_LOADED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 1);
  g_assert_cmpuint (ra_action_list_model_get_n_hidden_by_filters (f->model), ==, 0);

  /* Nothing matches at all: nothing is hidden. */
  ra_action_filter_set_search (filter, "no action is called this");
  g_assert_cmpint (ra_action_list_model_get_state (f->model), ==, RA_ACTION_LIST_STATE_NO_MATCH);
  g_assert_cmpuint (ra_action_list_model_get_n_hidden_by_filters (f->model), ==, 0);
}

/* The list in the window */

static void
window_open (Fixture   *f,
             RaAccount *account)
{
  f->session = ra_test_session_new (NULL, NULL, FALSE);
  f->window = g_object_ref (ra_window_new (NULL, f->session));
  f->list = ra_window_get_action_list (f->window);
  f->controller = ra_account_controller_new (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));

  ra_session_set_connection (f->session, account, f->client, account == NULL);
  RA_TEST_WAIT_UNTIL (ra_action_list_get_state (f->list) != RA_ACTION_LIST_STATE_LOADING);
}

static AdwStatusPage *
status_page_of (GtkButton *button)
{
  return ADW_STATUS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_STATUS_PAGE));
}

static gboolean
button_shown (Fixture    *f,
              const char *label)
{
  GtkButton *button = ra_test_find_button (GTK_WIDGET (f->list), label);

  return button != NULL && gtk_widget_is_drawable (GTK_WIDGET (button));
}

static void
test_list_hidden_by_filters (Fixture       *f,
                             gconstpointer  data)
{
  GtkButton *show_all;
  RaRemoteAction *picked;

  window_open (f, NULL);
  ra_action_list_set_search_text (f->list, "ra_test_locked");
  ra_test_settle ();

  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_NO_MATCH);
  show_all = ra_test_find_button (GTK_WIDGET (f->list), "_Show All");
  g_assert_true (button_shown (f, "_Show All"));
  g_assert_cmpstr (adw_status_page_get_description (status_page_of (show_all)), ==,
                   "1 matching action is hidden by filters.");
  /* Not the false "no action contains", nor a way out that finds nothing. */
  g_assert_false (button_shown (f, "_Clear Search"));
  g_assert_false (button_shown (f, "_Reset Filters"));

  ra_test_click (show_all);
  ra_test_settle ();
  g_assert_false (g_settings_get_boolean (f->settings, "filter-api-enabled-only"));
  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_LOADED);
  g_assert_cmpuint (g_list_model_get_n_items (ra_action_list_get_model (f->list)), ==, 1);

  /* The one match is there to pick. */
  g_signal_emit_by_name (ra_action_list_get_search_entry (f->list), "activate");
  picked = ra_action_list_get_selected_action (f->list);
  g_assert_nonnull (picked);
  g_assert_cmpstr (ra_remote_action_get_id (picked), ==, LOCKED_ID);
}

static void
test_list_no_match_follows_search (Fixture       *f,
                                   gconstpointer  data)
{
  GtkButton *clear;

  window_open (f, NULL);
  ra_action_list_set_search_text (f->list, "zzqx");
  ra_test_settle ();
  clear = ra_test_find_button (GTK_WIDGET (f->list), "_Clear Search");
  g_assert_true (button_shown (f, "_Clear Search"));
  g_assert_false (button_shown (f, "_Show All"));
  g_assert_cmpstr (adw_status_page_get_description (status_page_of (clear)), ==,
                   "No action’s name, NQL ID or description contains “zzqx”.");

  /* A longer search changes no row, but the page must say what it is. */
  ra_action_list_set_search_text (f->list, "zzqxy");
  ra_test_settle ();
  g_assert_cmpstr (adw_status_page_get_description (status_page_of (clear)), ==,
                   "No action’s name, NQL ID or description contains “zzqxy”.");
}

static GtkWidget *
content_pane (Fixture *f)
{
  GObject *content;

  content = gtk_widget_get_template_child (GTK_WIDGET (f->window), RA_TYPE_WINDOW, "content");

  g_assert_true (GTK_IS_WIDGET (content));
  return GTK_WIDGET (content);
}

static void
test_list_error_layout (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RaAccount) account = ra_account_new ();
  GtkButton *retry, *edit;
  GtkWidget *sidebar;
  graphene_rect_t bounds;

  ra_account_set_display_name (account, "Acme");
  ra_account_set_instance (account, "acme");
  ra_account_set_region (account, "eu");
  ra_account_set_client_id (account, RA_SIM_DEFAULT_CLIENT_ID);

  ra_simulator_fail_next (f->sim, 1, 403, 0);
  window_open (f, account);
  sidebar = GTK_WIDGET (f->list);
  ra_test_settle ();
  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_ERROR);

  /* The error takes the window: no empty detail pane beside it. */
  g_assert_false (gtk_widget_get_visible (content_pane (f)));
  RA_TEST_WAIT_UNTIL (gtk_widget_get_width (sidebar) > 900);
  g_assert_true (gtk_widget_compute_bounds (sidebar, GTK_WIDGET (f->window), &bounds));
  g_assert_cmpfloat (bounds.size.width, >=, gtk_widget_get_width (GTK_WIDGET (f->window)) - 40);
  /* …with the close button the hidden pane had. */
  g_assert_true (adw_header_bar_get_show_end_title_buttons (
    ADW_HEADER_BAR (gtk_widget_get_template_child (GTK_WIDGET (f->window), RA_TYPE_WINDOW, "sidebar_header"))));

  /* Retry, and the account's settings as the other way out. */
  retry = ra_test_find_button (sidebar, "_Retry");
  edit = ra_test_find_button (sidebar, "_Edit Account…");
  g_assert_nonnull (edit);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (retry)));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (edit)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (edit)));
  ra_test_click (edit);
  ra_test_settle ();
  g_assert_nonnull (ra_account_controller_get_dialog (f->controller));
  gtk_window_destroy (GTK_WINDOW (ra_account_controller_get_dialog (f->controller)));
  ra_test_settle ();

  ra_test_click (retry);
  RA_TEST_WAIT_UNTIL (ra_action_list_get_state (f->list) == RA_ACTION_LIST_STATE_LOADED);
  ra_test_settle ();
  g_assert_true (gtk_widget_get_visible (content_pane (f)));
  RA_TEST_WAIT_UNTIL (gtk_widget_get_width (sidebar) < 500);
  g_assert_false (adw_header_bar_get_show_end_title_buttons (
    ADW_HEADER_BAR (gtk_widget_get_template_child (GTK_WIDGET (f->window), RA_TYPE_WINDOW, "sidebar_header"))));
}

static void
test_list_error_demo (Fixture       *f,
                      gconstpointer  data)
{
  /* The demo has no account to edit: only Retry. */
  ra_simulator_fail_next (f->sim, 1, 500, 0);
  window_open (f, NULL);
  ra_test_settle ();
  g_assert_cmpint (ra_action_list_get_state (f->list), ==, RA_ACTION_LIST_STATE_ERROR);
  g_assert_true (button_shown (f, "_Retry"));
  g_assert_false (button_shown (f, "_Edit Account…"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  RA_TEST_ADD ("/action-list-model/loads", test_model_loads);
  RA_TEST_ADD ("/action-list-model/refresh", test_model_refresh);
  RA_TEST_ADD ("/action-list-model/error", test_model_error);
  RA_TEST_ADD ("/action-list-model/switch-client", test_model_switch_client);
  RA_TEST_ADD ("/action-list-model/hidden-by-filters", test_model_hidden_by_filters);
  RA_TEST_ADD ("/action-list/hidden-by-filters", test_list_hidden_by_filters);
  RA_TEST_ADD ("/action-list/no-match-follows-search", test_list_no_match_follows_search);
  RA_TEST_ADD ("/action-list/error-layout", test_list_error_layout);
  RA_TEST_ADD ("/action-list/error-demo", test_list_error_demo);

  return g_test_run ();
}
