/* test-sparse-actions.c — actions as real servers send them: sparse, with
 * values the documentation does not list, and now and then one that
 * cannot be read at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-sparse-actions"

#include "config.h"

#include <string.h>

#include "ra-action-list.h"
#include "ra-catalogue.h"
#include "ra-input-entry-row.h"
#include "ra-run-form.h"

#include "page-fixture.h"
#include "ra-test-utils.h"

/* The seed page's list example, as a real instance answered it. */
static const char seed_action_json[] =
  "{\"id\": \"#ra_test_seed\", \"uuid\": \"5g5158g0-cd00-46be-9bfb-a9283ba800b\","
  " \"name\": \"Example Remote Action\", \"purpose\": [\"DATA_COLLECTION\"],"
  " \"targeting\": {\"apiEnabled\": false, \"manualEnabled\": true, \"manualAllowMultipleDevices\": true},"
  " \"scriptInfo\": {\"runAs\": \"LOCAL_SYSTEM\", \"timeoutSeconds\": 120, \"hasScriptWindows\": true,"
  "  \"hasScriptMacOs\": false, \"inputs\": [{\"id\": \"name\", \"name\": \"Name\", \"usedByWindows\": true,"
  "  \"usedByMacOs\": false, \"options\": [\"X\"], \"allowCustomValue\": true}],"
  "  \"outputs\": [{\"id\": \"UpdatedServiceStatus\", \"name\": \"Updated Service Status\","
  "  \"type\": \"list_of_strings\", \"usedByWindows\": true, \"usedByMacOs\": false}]}}";

/* Even sparser: whether it may run through the API is not said. */
static const char sparse_action_json[] =
  "{\"id\": \"#ra_test_sparse\", \"name\": \"Sparse action\", \"uuid\": null,"
  " \"purpose\": [\"SELF_HEALING\"],"
  " \"scriptInfo\": {\"runAs\": \"SOMEONE_ELSE\", \"inputs\": [{\"id\": \"Mode\", \"options\": [\"A\", \"B\"]}],"
  "  \"outputs\": [{\"id\": \"Result\", \"type\": \"table\"}]}}";

static gboolean
row_says (GtkWidget     *widget,
          gconstpointer  data)
{
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));

  return subtitle != NULL && strstr (subtitle, data) != NULL;
}

static gboolean
label_says (GtkWidget     *widget,
            gconstpointer  data)
{
  return strstr (gtk_label_get_label (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

static void
assert_row_says (Fixture    *fixture,
                 const char *text)
{
  if (ra_test_find_widget (GTK_WIDGET (fixture->page), ADW_TYPE_ACTION_ROW, row_says, text) == NULL)
    g_error ("No row of the page says “%s”", text);
}

static void
test_seed_details (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RaRemoteAction) action = add_action (fixture->sim, seed_action_json);
  RaRemoteAction *details;

  select_action (fixture, action);
  details = ra_action_page_get_details (fixture->page);
  g_assert_cmpstr (ra_remote_action_get_id (details), ==, "#ra_test_seed");

  /* What the server did not say is shown as not known, never as "no". */
  assert_row_says (fixture, "From workflows: not known");
  assert_row_says (fixture, "Manually, on several devices at once");
  assert_row_says (fixture, "Local system");
  assert_row_says (fixture, "2 minutes");
  /* origin */
  assert_row_says (fixture, "Not known");

  /* It said no to the API: that it may not run is the server's word. */
  g_assert_true (ra_action_page_get_api_notice_visible (fixture->page));
}

static void
test_unknown_values (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RaRemoteAction) action = add_action (fixture->sim, sparse_action_json);
  RaInputRow *input;

  select_action (fixture, action);

  /* Values outside the documented ones, as the server wrote them. */
  assert_row_says (fixture, "SELF_HEALING");
  assert_row_says (fixture, "SOMEONE_ELSE");
  g_assert_nonnull (ra_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_LABEL,
                                         label_says, "table"));
  assert_row_says (fixture, "Through the API: not known");

  /* Not known is not "no": the action may be tried, the server decides. */
  g_assert_false (ra_action_page_get_api_notice_visible (fixture->page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (get_form (fixture))));
  g_assert_true (gtk_widget_get_visible (ra_action_page_get_run_button (fixture->page)));
  g_assert_null (strstr (ra_action_page_get_run_hint (fixture->page), "not enabled"));

  /* Options whose exclusivity is not said are suggestions: any value. */
  input = get_input (fixture, "Mode");
  g_assert_nonnull (input);
  g_assert_true (RA_IS_INPUT_ENTRY_ROW (input));
}

/* A list with one action that cannot be read shows the others, and says
 * which one it left out, and why. */
static void
test_list_notice (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) broken = parse_json ("{\"id\": \"#ra_test_broken\", \"name\": 42}");
  GtkWidget *window = gtk_window_new ();
  RaActionList *list = RA_ACTION_LIST (ra_action_list_new ());
  GtkWidget *button, *popover;
  guint n_total;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (list));
  gtk_window_present (GTK_WINDOW (window));

  ra_action_list_set_client (list, fixture->client);
  RA_TEST_WAIT_UNTIL_FOR (ra_action_list_get_state (list) == RA_ACTION_LIST_STATE_LOADED, WAIT_SECONDS);
  n_total = ra_action_list_get_n_total (list);
  g_assert_cmpuint (ra_action_list_get_n_skipped (list), ==, 0);
  button = ra_test_find_widget (GTK_WIDGET (list), GTK_TYPE_MENU_BUTTON, has_class,
                                "ra-skipped-button");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_visible (button));

  ra_simulator_add_action (fixture->sim, broken);
  ra_action_list_reload (list);
  RA_TEST_WAIT_UNTIL_FOR (ra_action_list_get_state (list) == RA_ACTION_LIST_STATE_LOADED &&
            ra_action_list_get_n_skipped (list) == 1, WAIT_SECONDS);

  g_assert_cmpuint (ra_action_list_get_n_total (list), ==, n_total);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_nonnull (ra_test_find_widget (button, GTK_TYPE_LABEL, label_says,
                                         "1 action could not be read"));

  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_nonnull (ra_test_find_widget (popover, GTK_TYPE_LABEL, label_says, "#ra_test_broken"));
  g_assert_nonnull (ra_test_find_widget (popover, GTK_TYPE_LABEL, label_says, "].name"));
  g_assert_nonnull (ra_test_find_widget (popover, GTK_TYPE_LABEL, label_says, "should be a string"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  /* Fixed on the server: the notice goes. */
  {
    g_autoptr(JsonNode) fixed = parse_json ("{\"id\": \"#ra_test_broken\", \"name\": \"Fixed\"}");

    ra_simulator_add_action (fixture->sim, fixed);
  }
  ra_action_list_reload (list);
  RA_TEST_WAIT_UNTIL_FOR (ra_action_list_get_state (list) == RA_ACTION_LIST_STATE_LOADED &&
            ra_action_list_get_n_total (list) == n_total + 1, WAIT_SECONDS);
  g_assert_cmpuint (ra_action_list_get_n_skipped (list), ==, 0);
  g_assert_false (gtk_widget_get_visible (button));

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_labels (GtkWidget  *root,
              const char *text)
{
  guint n = 0;

  if (GTK_IS_LABEL (root) && label_says (root, text))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);

  return n;
}

/* Past the 500 it lists, the notice counts the actions left out. */
static void
test_list_notice_many (Fixture       *fixture,
                       gconstpointer  data)
{
  const guint n_broken = RA_CATALOGUE_MAX_SKIPPED_LISTED + 10;
  GtkWidget *window = gtk_window_new ();
  RaActionList *list = RA_ACTION_LIST (ra_action_list_new ());
  GtkWidget *button, *popover;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (list));
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < n_broken; i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"id\": \"#ra_test_broken_%u\", \"name\": 42}", i);
      g_autoptr(JsonNode) broken = parse_json (text);

      ra_simulator_add_action (fixture->sim, broken);
    }

  ra_action_list_set_client (list, fixture->client);
  RA_TEST_WAIT_UNTIL_FOR (ra_action_list_get_state (list) == RA_ACTION_LIST_STATE_LOADED, WAIT_SECONDS);
  g_assert_cmpuint (ra_action_list_get_n_skipped (list), ==, n_broken);

  button = ra_test_find_widget (GTK_WIDGET (list), GTK_TYPE_MENU_BUTTON, has_class,
                                "ra-skipped-button");
  g_assert_nonnull (ra_test_find_widget (button, GTK_TYPE_LABEL, label_says,
                                         "510 actions could not be read"));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_cmpuint (count_labels (popover, "#ra_test_broken_"), ==, RA_CATALOGUE_MAX_SKIPPED_LISTED);
  g_assert_nonnull (ra_test_find_widget (popover, GTK_TYPE_LABEL, label_says,
                                         "And 10 more actions that could not be read"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
add_tests (void)
{
  RA_TEST_ADD ("/sparse-actions/seed-details", test_seed_details);
  RA_TEST_ADD ("/sparse-actions/unknown-values", test_unknown_values);
  RA_TEST_ADD ("/sparse-actions/list-notice", test_list_notice);
  RA_TEST_ADD ("/sparse-actions/list-notice-many", test_list_notice_many);
}

int
main (int   argc,
      char *argv[])
{
  return page_fixture_main (argc, argv, add_tests);
}
