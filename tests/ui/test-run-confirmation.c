/* test-run-confirmation.c — what the confirmation says and where the
 * page's feedback goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-run-confirmation"

#include "config.h"

#include "page-fixture.h"
#include "ra-test-utils.h"

static void
resize_window (Fixture *fixture,
               int      width,
               int      height)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  RA_TEST_WAIT_UNTIL_FOR (gtk_widget_get_width (fixture->window) == width &&
                            gtk_widget_get_height (fixture->window) == height,
                          WAIT_SECONDS);
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

static void
add_tests (void)
{
  RA_TEST_ADD ("/run-confirmation/toast-leaves-run-button", test_toast_leaves_run_button);
  RA_TEST_ADD ("/run-confirmation/typed-count-focused", test_typed_count_focused);
}

int
main (int   argc,
      char *argv[])
{
  return page_fixture_main (argc, argv, add_tests);
}
