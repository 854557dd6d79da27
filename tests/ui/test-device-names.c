/* test-device-names.c — device names in the devices editor, looked up
 * against the simulator's device-lookup query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-device-names"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ra-client.h"
#include "ra-device-editor.h"
#include "ra-device-name-row.h"
#include "ra-endpoint.h"
#include "ra-simulator.h"
#include "ra-test-utils.h"

#define LOOKUP_QUERY "#device_lookup"
#define A            "2b2f7a41-bbb3-4e50-ba45-7ba09c3a7f16"
#define PC_042       "1b2c6d0e-8f3a-4c5b-9d7e-2a4f6b8c0d12"
#define TRAINING_2   "aafb85db-f64b-4e37-a2b9-866d7e44521a"

typedef struct
{
  RaSimulator    *sim;
  RaClient       *client;
  GtkWidget      *window;
  RaDeviceEditor *editor;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *scroller;

  fixture->sim = ra_simulator_new ();
  g_assert_true (ra_simulator_start_in_thread (fixture->sim, 0, &error));
  g_assert_no_error (error);
  endpoint = ra_endpoint_new_full ("demo", "eu", ra_simulator_get_base_url (fixture->sim),
                                   ra_simulator_get_login_base_url (fixture->sim), &error);
  g_assert_no_error (error);
  fixture->client = ra_client_new (endpoint, RA_SIM_DEFAULT_CLIENT_ID,
                                   RA_SIM_DEFAULT_CLIENT_SECRET, RA_TOKEN_ENDPOINT_AUTO);

  fixture->window = gtk_window_new ();
  fixture->editor = RA_DEVICE_EDITOR (ra_device_editor_new ());
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (fixture->editor));
  gtk_window_set_child (GTK_WINDOW (fixture->window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 700, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  RA_TEST_WAIT_UNTIL (gtk_widget_get_mapped (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ra_test_spin (20);
  ra_test_assert_finalize_soon (g_steal_pointer (&fixture->client), 2000);
  ra_simulator_stop (fixture->sim);
  g_clear_object (&fixture->sim);
}

static RaDeviceName *
name_at (Fixture *fixture,
         guint    i)
{
  GListModel *names = ra_device_editor_get_names (fixture->editor);
  RaDeviceName *item = g_list_model_get_item (names, i);

  g_object_unref (item);
  return item;
}

/* Clicks the look-up button, as labelled, and waits for the end. */
static void
look_up (Fixture    *fixture,
         const char *label)
{
  GtkButton *button = ra_test_find_button (GTK_WIDGET (fixture->editor), label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  ra_test_click (button);
  RA_TEST_WAIT_UNTIL (!ra_device_editor_get_looking_up (fixture->editor));
}

static gboolean
row_has_name (GtkWidget     *widget,
              gconstpointer  name)
{
  RaDeviceName *item = ra_device_name_row_get_item (RA_DEVICE_NAME_ROW (widget));

  return g_str_equal (ra_device_name_get_name (item), name);
}

static gboolean
button_has_uid (GtkWidget     *widget,
                gconstpointer  uid)
{
  return g_strcmp0 (g_object_get_data (G_OBJECT (widget), "ra-uid"), uid) == 0;
}

/* Opens the chooser of the row of name and picks uid in it. */
static void
choose (Fixture    *fixture,
        const char *name,
        const char *uid)
{
  GtkWidget *row = ra_test_find_widget (GTK_WIDGET (fixture->editor), RA_TYPE_DEVICE_NAME_ROW,
                                        row_has_name, name);
  GtkWidget *chooser;
  GtkPopover *popover;
  GtkWidget *button;

  g_assert_nonnull (row);
  chooser = ra_device_name_row_get_chooser (RA_DEVICE_NAME_ROW (row));
  g_assert_true (gtk_widget_get_visible (chooser));
  gtk_menu_button_popup (GTK_MENU_BUTTON (chooser));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (chooser));
  RA_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));

  button = ra_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_BUTTON, button_has_uid, uid);
  g_assert_nonnull (button);
  ra_test_click (GTK_BUTTON (button));
  RA_TEST_WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (popover)));
}

static gboolean
strv_has (GStrv       strv,
          const char *value)
{
  return g_strv_contains ((const char * const *) strv, value);
}

static void
test_mixed (Fixture       *fixture,
            gconstpointer  data)
{
  RaDeviceEditor *editor = fixture->editor;
  g_auto(GStrv) devices = NULL;
  g_autoptr(GHashTable) names = NULL;

  /* Without a lookup query, a name is a mistake like any other. */
  ra_device_editor_set_text (editor, "PC-042\n" A "\nPC-999, laptop-training");
  g_assert_cmpuint (ra_device_ids_get_n_invalid (ra_device_editor_get_device_ids (editor)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (ra_device_editor_get_names (editor)), ==, 0);

  /* With one, names and IDs go together. */
  ra_device_editor_set_lookup (editor, fixture->client, LOOKUP_QUERY);
  g_assert_cmpuint (ra_device_ids_get_n_invalid (ra_device_editor_get_device_ids (editor)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ra_device_editor_get_names (editor)), ==, 3);
  g_assert_cmpuint (ra_device_editor_get_n_devices (editor), ==, 1);
  g_assert_cmpstr (ra_device_editor_get_problem (editor), ==, "Look up the 3 device names");
  /* Nothing is looked up before it is asked for. */
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, NULL, "/api/v2/nql/execute"), ==, 0);

  look_up (fixture, "_Look Up 3 Names");
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, NULL, "/api/v2/nql/execute"), ==, 3);
  g_assert_cmpint (ra_device_name_get_status (name_at (fixture, 0)), ==, RA_DEVICE_NAME_RESOLVED);
  g_assert_cmpint (ra_device_name_get_status (name_at (fixture, 1)), ==, RA_DEVICE_NAME_NO_MATCH);
  g_assert_cmpint (ra_device_name_get_status (name_at (fixture, 2)), ==, RA_DEVICE_NAME_SEVERAL);
  g_assert_cmpuint (ra_device_editor_get_n_devices (editor), ==, 2);
  g_assert_cmpstr (ra_device_editor_get_problem (editor), ==,
                   "No device is named “PC-999”: correct or remove it");

  /* What was found stays while the list changes around it. */
  ra_device_editor_set_text (editor, "PC-042\n" A "\nlaptop-training");
  g_assert_cmpint (ra_device_name_get_status (name_at (fixture, 0)), ==, RA_DEVICE_NAME_RESOLVED);
  g_assert_cmpstr (ra_device_editor_get_problem (editor), ==,
                   "Choose which device “laptop-training” is");
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, NULL, "/api/v2/nql/execute"), ==, 3);

  /* Never a guess: the user picks among the devices of the name. */
  choose (fixture, "laptop-training", TRAINING_2);
  g_assert_cmpint (ra_device_name_get_status (name_at (fixture, 1)), ==, RA_DEVICE_NAME_RESOLVED);
  g_assert_null (ra_device_editor_get_problem (editor));
  g_assert_cmpuint (ra_device_editor_get_n_devices (editor), ==, 3);

  devices = ra_device_editor_dup_devices (editor, &names);
  g_assert_cmpuint (g_strv_length (devices), ==, 3);
  g_assert_cmpstr (devices[0], ==, A);
  g_assert_true (strv_has (devices, PC_042));
  g_assert_true (strv_has (devices, TRAINING_2));
  g_assert_cmpstr (g_hash_table_lookup (names, PC_042), ==, "PC-042");
  g_assert_cmpstr (g_hash_table_lookup (names, TRAINING_2), ==, "laptop-training");
  g_assert_false (g_hash_table_contains (names, A));

  /* Another instance: what the names were found to be is forgotten. */
  ra_device_editor_set_lookup (editor, fixture->client, "#other_lookup");
  g_assert_cmpint (ra_device_name_get_status (name_at (fixture, 0)), ==, RA_DEVICE_NAME_PENDING);
  g_assert_cmpuint (ra_device_editor_get_n_devices (editor), ==, 1);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  RaDeviceEditor *editor = fixture->editor;
  GtkButton *cancel;

  ra_device_editor_set_lookup (editor, fixture->client, LOOKUP_QUERY);
  ra_device_editor_set_text (editor, "PC-1 PC-2 PC-3 PC-4 PC-5 PC-6 PC-7 PC-8 PC-9 PC-10");
  ra_simulator_set_latency (fixture->sim, 300);

  ra_test_click (ra_test_find_button (GTK_WIDGET (editor), "_Look Up 10 Names"));
  g_assert_true (ra_device_editor_get_looking_up (editor));
  g_assert_cmpstr (ra_device_editor_get_problem (editor), ==, "Looking up device names…");
  cancel = ra_test_find_button (GTK_WIDGET (editor), "_Cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (cancel)));
  /* It has the focus, so that Enter or Space stops it. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (cancel)));

  ra_test_click (cancel);
  RA_TEST_WAIT_UNTIL (!ra_device_editor_get_looking_up (editor));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (cancel)));
  g_assert_cmpint (ra_device_name_get_status (name_at (fixture, 9)), ==, RA_DEVICE_NAME_PENDING);
  g_assert_nonnull (ra_test_find_button (GTK_WIDGET (editor), "_Look Up 10 Names"));
  g_assert_cmpstr (ra_device_editor_get_problem (editor), ==, "Look up the 10 device names");
}

static void
test_demo_devices (Fixture       *fixture,
                   gconstpointer  data)
{
  RaDeviceEditor *editor = fixture->editor;
  g_auto(GStrv) demo = ra_simulator_dup_example_device_names ();
  g_autofree char *text = NULL;
  GtkButton *use;

  ra_device_editor_set_demo_names (editor, (const char * const *) demo);
  use = ra_test_find_button (GTK_WIDGET (editor), "_Use Them");
  g_assert_nonnull (use);
  /* Offered only where names can be looked up. */
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (use)));

  ra_device_editor_set_lookup (editor, fixture->client, LOOKUP_QUERY);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (use)));
  ra_device_editor_set_text (editor, A);
  ra_test_click (use);
  ra_device_editor_flush (editor);
  text = ra_device_editor_dup_text (editor);
  g_assert_true (g_str_has_prefix (text, A "\n"));
  g_assert_nonnull (strstr (text, "LAPTOP-TRAINING"));
  g_assert_cmpuint (g_list_model_get_n_items (ra_device_editor_get_names (editor)), ==,
                    g_strv_length (demo));

  look_up (fixture, "_Look Up 4 Names");
  /* Each demo name shows one of the outcomes. */
  g_assert_cmpint (ra_device_name_get_status (name_at (fixture, 1)), ==, RA_DEVICE_NAME_SEVERAL);
  g_assert_cmpuint (ra_device_editor_get_n_devices (editor), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  RA_TEST_ADD ("/device-names/mixed", test_mixed);
  RA_TEST_ADD ("/device-names/cancel", test_cancel);
  RA_TEST_ADD ("/device-names/demo-devices", test_demo_devices);

  return g_test_run ();
}
