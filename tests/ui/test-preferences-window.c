/* test-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-preferences-window"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ra-preferences-window.h"

#include "ra-test-utils.h"

/* g_settings_get_string () returns a copy to free. */
#define assert_setting_string(settings, key, expected)                      \
  G_STMT_START {                                                            \
    g_autofree char *assert_value_ = g_settings_get_string (settings, key); \
    g_assert_cmpstr (assert_value_, ==, expected);                          \
  } G_STMT_END

typedef struct
{
  GSettings           *settings;
  RaPreferencesWindow *window;
  GtkSwitch           *server_expiry_switch;
  GtkSpinButton       *expiry_spin;
  GtkSpinButton       *threshold_spin;
  GtkEditable         *external_source;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->settings = g_settings_new (APP_ID);
  fixture->window = ra_preferences_window_new (NULL, fixture->settings);
  g_object_ref_sink (fixture->window);

  fixture->server_expiry_switch = GTK_SWITCH (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                             RA_TYPE_PREFERENCES_WINDOW,
                                                                             "server_expiry_switch"));
  fixture->expiry_spin = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                         RA_TYPE_PREFERENCES_WINDOW,
                                                                         "expiry_spin"));
  fixture->threshold_spin = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                            RA_TYPE_PREFERENCES_WINDOW,
                                                                            "threshold_spin"));
  fixture->external_source = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                          RA_TYPE_PREFERENCES_WINDOW,
                                                                          "external_source_row"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);

  g_settings_reset (fixture->settings, "default-expiry-minutes");
  g_settings_reset (fixture->settings, "confirmation-threshold");
  g_settings_reset (fixture->settings, "external-source");
  g_settings_reset (fixture->settings, "execution-results-query");
  g_clear_object (&fixture->settings);
}

static void
test_defaults (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_assert_true (gtk_switch_get_active (fixture->server_expiry_switch));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (fixture->expiry_spin)));
  /* The insensitive spin button never shows a value the API refuses. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (fixture->expiry_spin), ==, 60);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (fixture->threshold_spin), ==, 10);
  g_assert_cmpstr (gtk_editable_get_text (fixture->external_source), ==, "Remote Actions for GNOME");
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "default-expiry-minutes"), ==, 0);
}

static void
test_expiry (Fixture       *fixture,
             gconstpointer  user_data)
{
  gtk_switch_set_active (fixture->server_expiry_switch, FALSE);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (fixture->expiry_spin)));
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "default-expiry-minutes"), ==, 60);

  gtk_spin_button_set_value (fixture->expiry_spin, 240);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "default-expiry-minutes"), ==, 240);

  /* Below the API's minimum and above its maximum are clamped, never stored. */
  gtk_spin_button_set_value (fixture->expiry_spin, 5);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "default-expiry-minutes"), ==, 60);
  gtk_spin_button_set_value (fixture->expiry_spin, 20000);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "default-expiry-minutes"), ==, 10080);

  gtk_switch_set_active (fixture->server_expiry_switch, TRUE);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "default-expiry-minutes"), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (fixture->expiry_spin)));

  /* Changes from elsewhere (another window, dconf) show up here. */
  g_settings_set_uint (fixture->settings, "default-expiry-minutes", 1440);
  g_assert_false (gtk_switch_get_active (fixture->server_expiry_switch));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (fixture->expiry_spin), ==, 1440);

  g_settings_set_uint (fixture->settings, "default-expiry-minutes", 0);
  g_assert_true (gtk_switch_get_active (fixture->server_expiry_switch));
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "default-expiry-minutes"), ==, 0);
}

static void
test_threshold_and_source (Fixture       *fixture,
                           gconstpointer  user_data)
{
  gtk_spin_button_set_value (fixture->threshold_spin, 25);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "confirmation-threshold"), ==, 25);

  g_settings_set_uint (fixture->settings, "confirmation-threshold", 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (fixture->threshold_spin), ==, 3);

  gtk_editable_set_text (fixture->external_source, "Helpdesk");
  assert_setting_string (fixture->settings, "external-source", "Helpdesk");
}

static gboolean
group_says (GtkWidget     *widget,
            gconstpointer  text)
{
  const char *description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget));

  return description != NULL && strstr (description, text) != NULL;
}

/* The query IDs belong to each account now: no field for them here,
 * only where they went; and nothing here touches the old setting. */
static void
test_results_query_moved (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_assert_null (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                RA_TYPE_PREFERENCES_WINDOW,
                                                "results_query_row"));
  g_assert_nonnull (ra_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_PREFERENCES_GROUP,
                                         group_says, "Edit Account"));

  g_settings_set_string (fixture->settings, "execution-results-query", "#from_elsewhere");
  ra_test_settle ();
  assert_setting_string (fixture->settings, "execution-results-query", "#from_elsewhere");
}

/* Each control is named after its row. Labelled by the row, they had no
 * name: GTK 4.8 takes a relation's name from its label property only,
 * which a row leaves to its title, and fell back to "GtkSwitch". */
static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  user_data)
{
  gtk_test_accessible_assert_property (fixture->server_expiry_switch,
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Use the Server’s Default");
  gtk_test_accessible_assert_property (fixture->expiry_spin,
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Default Expiry");
  gtk_test_accessible_assert_property (fixture->threshold_spin,
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Type the Device Count Above");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/preferences-window/defaults", Fixture, NULL,
              fixture_set_up, test_defaults, fixture_tear_down);
  g_test_add ("/preferences-window/expiry", Fixture, NULL,
              fixture_set_up, test_expiry, fixture_tear_down);
  g_test_add ("/preferences-window/threshold-and-source", Fixture, NULL,
              fixture_set_up, test_threshold_and_source, fixture_tear_down);
  g_test_add ("/preferences-window/results-query-moved", Fixture, NULL,
              fixture_set_up, test_results_query_moved, fixture_tear_down);
  g_test_add ("/preferences-window/accessible-names", Fixture, NULL,
              fixture_set_up, test_accessible_names, fixture_tear_down);

  return g_test_run ();
}
