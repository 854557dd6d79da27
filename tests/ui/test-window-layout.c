/* test-window-layout.c — what the window shows where, at its sizes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-layout"

#include "config.h"

#include <adwaita.h>

#include "ra-account.h"
#include "ra-account-controller.h"
#include "ra-action-list.h"
#include "ra-endpoint.h"
#include "ra-simulator.h"
#include "ra-test-utils.h"
#include "ra-window.h"

typedef struct
{
  RaSimulator         *simulator;
  RaClient            *client;
  RaSession           *session;
  RaWindow            *window;
  RaAccountController *controller;
  GSettings           *settings;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  /* Every test starts from the defaults. */
  f->settings = g_settings_new (APP_ID);
  ra_test_reset_settings (f->settings);
}

/* The window as the app makes it, with its account switcher, connected
 * to a simulated instance for account (NULL: the demo instance). */
static void
fixture_open_app_window (Fixture   *f,
                         RaAccount *account,
                         int        width)
{
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;

  f->simulator = ra_simulator_new ();
  g_assert_true (ra_simulator_start_in_thread (f->simulator, 0, &error));
  g_assert_no_error (error);
  endpoint = ra_endpoint_new_full ("acme", "eu", ra_simulator_get_base_url (f->simulator),
                                   ra_simulator_get_login_base_url (f->simulator), &error);
  g_assert_no_error (error);
  f->client = ra_client_new (endpoint, RA_SIM_DEFAULT_CLIENT_ID,
                             RA_SIM_DEFAULT_CLIENT_SECRET, RA_TOKEN_ENDPOINT_AUTO);

  g_settings_set_int (f->settings, "window-width", width);
  g_settings_set_int (f->settings, "window-height", 640);
  f->session = ra_test_session_new (account, f->client, account == NULL);
  f->window = g_object_ref (ra_window_new (NULL, f->session));
  f->controller = ra_account_controller_new (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  RA_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->window)) &&
                      gtk_widget_get_width (GTK_WIDGET (f->window)) > 0);
  /* Its width is the default size less the room for its shadow. */
  RA_TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (f->window)) <= width &&
                      gtk_widget_get_width (GTK_WIDGET (f->window)) > width - 40);
  RA_TEST_WAIT_UNTIL (ra_action_list_get_state (ra_window_get_action_list (f->window)) ==
                      RA_ACTION_LIST_STATE_LOADED);
  ra_test_settle ();
}

static void
fixture_open_window (Fixture *f)
{
  f->session = ra_test_session_new (NULL, NULL, FALSE);
  f->window = g_object_ref (ra_window_new (NULL, f->session));
  gtk_window_present (GTK_WINDOW (f->window));
  RA_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->window)) &&
                      gtk_widget_get_width (GTK_WIDGET (f->window)) > 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->controller);
  if (f->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (f->window));
      ra_test_assert_finalize (g_steal_pointer (&f->window));
    }
  if (f->session != NULL)
    ra_test_assert_finalize (g_steal_pointer (&f->session));
  if (f->client != NULL)
    ra_test_assert_finalize (g_steal_pointer (&f->client));
  if (f->simulator != NULL)
    {
      ra_simulator_stop (f->simulator);
      g_clear_object (&f->simulator);
    }
  g_clear_object (&f->settings);
}

/* The label of the account switcher, laid out. */
static GtkLabel *
get_account_label (Fixture *f)
{
  GtkWidget *switcher = ra_account_controller_get_switcher (f->controller);
  GtkWidget *label = ra_test_find_widget (switcher, GTK_TYPE_LABEL, NULL, NULL);

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_cmpint (gtk_widget_get_width (label), >, 0);

  return GTK_LABEL (label);
}

static gboolean
window_is_folded (Fixture *f)
{
  GtkWidget *leaflet = ra_test_find_widget (GTK_WIDGET (f->window), ADW_TYPE_LEAFLET, NULL, NULL);

  return adw_leaflet_get_folded (ADW_LEAFLET (leaflet));
}

/* The account names where actions run: at any width, the header shows
 * it whole. */
static void
test_account_readable (Fixture       *f,
                       gconstpointer  data)
{
  const char *expected = data;
  g_autoptr(RaAccount) account = NULL;
  GtkLabel *label;

  if (!g_str_equal (expected, "Demo Instance"))
    {
      account = ra_account_new ();
      ra_account_set_display_name (account, expected);
      ra_account_set_instance (account, "acme");
      ra_account_set_region (account, "eu");
    }

  fixture_open_app_window (f, account, 360);
  RA_TEST_WAIT_UNTIL (window_is_folded (f));
  ra_test_settle ();

  label = get_account_label (f);
  g_assert_cmpstr (gtk_label_get_text (label), ==, expected);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
}

/* On the details page of a narrow window, the account is under the
 * action's name. */
static void
test_account_on_details (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *list_view;
  AdwWindowTitle *title;

  fixture_open_app_window (f, NULL, 360);
  RA_TEST_WAIT_UNTIL (window_is_folded (f));
  list_view = ra_test_find_widget (GTK_WIDGET (ra_window_get_action_list (f->window)),
                                   GTK_TYPE_LIST_VIEW, NULL, NULL);
  gtk_widget_activate_action (list_view, "list.activate-item", "u", 0);
  g_assert_nonnull (ra_window_get_shown_action (f->window));

  title = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (f->window), RA_TYPE_WINDOW,
                                                           "content_title"));
  g_assert_cmpstr (adw_window_title_get_title (title), ==,
                   ra_remote_action_get_name (ra_window_get_shown_action (f->window)));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Demo Instance");
}

/* An action restored from the last session, then the window folded:
 * the details stay in view, as they were the page in use. */
static void
test_fold_keeps_restored_action (Fixture       *f,
                                 gconstpointer  data)
{
  RaActionList *list;
  GtkWidget *leaflet, *content;

  g_settings_set_string (f->settings, "last-action", "#get_disk_usage");
  fixture_open_app_window (f, NULL, 1000);
  list = ra_window_get_action_list (f->window);
  RA_TEST_WAIT_UNTIL (ra_window_get_shown_action (f->window) != NULL);
  g_assert_cmpstr (ra_remote_action_get_id (ra_window_get_shown_action (f->window)), ==,
                   "#get_disk_usage");
  g_assert_nonnull (ra_action_list_get_selected_action (list));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 640);
  RA_TEST_WAIT_UNTIL (window_is_folded (f));
  leaflet = ra_test_find_widget (GTK_WIDGET (f->window), ADW_TYPE_LEAFLET, NULL, NULL);
  content = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), RA_TYPE_WINDOW,
                                                       "content"));
  g_assert_true (adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet)) == content);
}

/* Wide, the sidebar's header has room for it, and the details page's
 * header needs not repeat it. */
static void
test_account_wide (Fixture       *f,
                   gconstpointer  data)
{
  GtkLabel *label;
  AdwWindowTitle *title;
  GtkWidget *header;

  fixture_open_app_window (f, NULL, 1000);
  g_assert_false (window_is_folded (f));

  label = get_account_label (f);
  header = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), RA_TYPE_WINDOW,
                                                      "sidebar_header"));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (label), header));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));

  title = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (f->window), RA_TYPE_WINDOW,
                                                           "content_title"));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "");
}

/* The pages of the shortcuts window's section: a page switcher ("1 2")
 * shows under it when there are more than one. */
static guint
count_shortcut_pages (GtkWidget *section)
{
  GtkWidget *stack = ra_test_find_widget (section, GTK_TYPE_STACK, NULL, NULL);
  guint n = 0;

  g_assert_nonnull (stack);
  for (GtkWidget *page = gtk_widget_get_first_child (stack);
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (gtk_widget_get_first_child (page) != NULL)
      n++;

  return n;
}

static void
test_shortcuts_one_page (Fixture       *f,
                         gconstpointer  data)
{
  GtkShortcutsWindow *overlay;
  GtkWidget *section;
  GtkWidget *switcher;
  GLogLevelFlags fatal;

  fixture_open_window (f);

  /* GTK 4.8's shortcuts window warns about a label of its own when it
   * is laid out; only criticals stay fatal while it is shown. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window));
  g_assert_nonnull (overlay);
  RA_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (overlay)) &&
                      gtk_widget_get_width (GTK_WIDGET (overlay)) > 0);
  ra_test_settle ();

  section = ra_test_find_widget (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_SECTION, NULL, NULL);
  g_assert_nonnull (section);
  g_assert_cmpuint (count_shortcut_pages (section), ==, 1);
  switcher = ra_test_find_widget (section, GTK_TYPE_STACK_SWITCHER, NULL, NULL);
  g_assert_true (switcher == NULL || !gtk_widget_get_visible (switcher));

  gtk_window_close (GTK_WINDOW (overlay));
  g_log_set_always_fatal (fatal);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window-layout/account-readable/demo", Fixture, "Demo Instance",
              fixture_set_up, test_account_readable, fixture_tear_down);
  g_test_add ("/window-layout/account-readable/named", Fixture, "Acme Production EU",
              fixture_set_up, test_account_readable, fixture_tear_down);
  RA_TEST_ADD ("/window-layout/account-on-details", test_account_on_details);
  RA_TEST_ADD ("/window-layout/account-wide", test_account_wide);
  RA_TEST_ADD ("/window-layout/fold-keeps-restored-action", test_fold_keeps_restored_action);
  RA_TEST_ADD ("/window-layout/shortcuts-one-page", test_shortcuts_one_page);

  return g_test_run ();
}
