/* test-window-layout.c — what the window shows where, at its sizes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window-layout"

#include "config.h"

#include <adwaita.h>

#include "ra-test-utils.h"
#include "ra-window.h"

typedef struct
{
  RaSession *session;
  RaWindow  *window;
  GSettings *settings;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  /* Every test starts from the defaults. */
  f->settings = g_settings_new (APP_ID);
  g_object_get (f->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (f->settings, keys[i]);
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
  if (f->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (f->window));
      ra_test_assert_finalize (g_steal_pointer (&f->window));
    }
  if (f->session != NULL)
    ra_test_assert_finalize (g_steal_pointer (&f->session));
  g_clear_object (&f->settings);
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

  RA_TEST_ADD ("/window-layout/shortcuts-one-page", test_shortcuts_one_page);

  return g_test_run ();
}
