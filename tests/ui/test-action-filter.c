/* test-action-filter.c — the action list's GtkFilter over the query
 * (the matching and the order are tested in tests/unit/test-action-query.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-action-filter"

#include "config.h"

#include <gtk/gtk.h>

#include "ra-action-filter.h"

static GtkFilterChange last_change;
static guint n_changes;

static void
changed_cb (GtkFilter       *filter,
            GtkFilterChange  change)
{
  last_change = change;
  n_changes++;
}

#define ASSERT_CHANGE(expected)                      \
  G_STMT_START {                                     \
    g_assert_cmpuint (n_changes, ==, 1);             \
    g_assert_cmpint (last_change, ==, (expected));   \
    n_changes = 0;                                   \
  } G_STMT_END

static void
test_strictness (void)
{
  g_autoptr(RaActionFilter) filter = ra_action_filter_new ();

  g_signal_connect (filter, "changed", G_CALLBACK (changed_cb), NULL);

  ra_action_filter_set_search (filter, "r");
  ASSERT_CHANGE (GTK_FILTER_CHANGE_MORE_STRICT);
  ra_action_filter_set_search (filter, "re");
  ASSERT_CHANGE (GTK_FILTER_CHANGE_MORE_STRICT);
  ra_action_filter_set_search (filter, "re st");
  ASSERT_CHANGE (GTK_FILTER_CHANGE_MORE_STRICT);
  ra_action_filter_set_search (filter, "re");
  ASSERT_CHANGE (GTK_FILTER_CHANGE_LESS_STRICT);
  ra_action_filter_set_search (filter, "xy");
  ASSERT_CHANGE (GTK_FILTER_CHANGE_DIFFERENT);
  ra_action_filter_set_search (filter, "xy ");
  g_assert_cmpuint (n_changes, ==, 0); /* the same search */
  ra_action_filter_set_search (filter, NULL);
  ASSERT_CHANGE (GTK_FILTER_CHANGE_LESS_STRICT);

  ra_action_filter_set_api_enabled_only (filter, FALSE);
  ASSERT_CHANGE (GTK_FILTER_CHANGE_LESS_STRICT);
  ra_action_filter_set_api_enabled_only (filter, TRUE);
  ASSERT_CHANGE (GTK_FILTER_CHANGE_MORE_STRICT);
  ra_action_filter_set_windows (filter, FALSE);
  ASSERT_CHANGE (GTK_FILTER_CHANGE_MORE_STRICT);
  ra_action_filter_set_windows (filter, TRUE);
  ASSERT_CHANGE (GTK_FILTER_CHANGE_LESS_STRICT);
  ra_action_filter_set_remediation (filter, TRUE);
  g_assert_cmpuint (n_changes, ==, 0); /* already on */
}

static void
test_defaults (void)
{
  g_autoptr(RaActionFilter) filter = ra_action_filter_new ();

  g_assert_true (ra_action_filter_get_search_is_empty (filter));
  g_assert_true (ra_action_filter_get_is_default (filter));
  ra_action_filter_set_search (filter, "   ");
  g_assert_true (ra_action_filter_get_search_is_empty (filter));
  ra_action_filter_set_search (filter, "print");
  g_assert_false (ra_action_filter_get_search_is_empty (filter));
  ra_action_filter_set_macos (filter, FALSE);
  g_assert_false (ra_action_filter_get_is_default (filter));
  g_assert_false (ra_action_filter_get_macos (filter));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/action-filter/strictness", test_strictness);
  g_test_add_func ("/action-filter/defaults", test_defaults);

  return g_test_run ();
}
