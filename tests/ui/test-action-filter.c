/* test-action-filter.c — search, filters and order of the action list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-action-filter"

#include "config.h"

#include <gtk/gtk.h>

#include "ra-action-filter.h"
#include "ra-remote-action.h"

static RaRemoteAction *
make_action (const char *id,
             const char *name,
             const char *description,
             gboolean    api_enabled,
             gboolean    windows,
             gboolean    macos,
             RaPurpose   purpose)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  RaRemoteAction *action;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "uuid");
  json_builder_add_string_value (b, "1e1a6a4e-0000-4000-8000-000000000001");
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, name);
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, description);
  json_builder_set_member_name (b, "origin");
  json_builder_add_string_value (b, "CUSTOM");
  json_builder_set_member_name (b, "builtInContentVersion");
  json_builder_add_string_value (b, "");
  json_builder_set_member_name (b, "purpose");
  json_builder_begin_array (b);
  if (purpose & RA_PURPOSE_DATA_COLLECTION)
    json_builder_add_string_value (b, "DATA_COLLECTION");
  if (purpose & RA_PURPOSE_REMEDIATION)
    json_builder_add_string_value (b, "REMEDIATION");
  json_builder_end_array (b);
  json_builder_set_member_name (b, "targeting");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "apiEnabled");
  json_builder_add_boolean_value (b, api_enabled);
  json_builder_set_member_name (b, "manualEnabled");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "workflowEnabled");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "manualAllowMultipleDevices");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "scriptInfo");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "executionServiceDelegate");
  json_builder_add_string_value (b, "");
  json_builder_set_member_name (b, "runAs");
  json_builder_add_string_value (b, "LOCAL_SYSTEM");
  json_builder_set_member_name (b, "timeoutSeconds");
  json_builder_add_int_value (b, 60);
  json_builder_set_member_name (b, "hasScriptWindows");
  json_builder_add_boolean_value (b, windows);
  json_builder_set_member_name (b, "hasScriptMacOs");
  json_builder_add_boolean_value (b, macos);
  json_builder_set_member_name (b, "inputs");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "outputs");
  json_builder_begin_array (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);

  node = json_builder_get_root (b);
  action = ra_remote_action_new_from_json (node, &error);
  g_assert_no_error (error);
  ra_action_filter_prepare_action (action);

  return action;
}

static gboolean
matches (RaActionFilter *filter,
         RaRemoteAction *action)
{
  return gtk_filter_match (GTK_FILTER (filter), action);
}

static void
test_search (void)
{
  g_autoptr(RaActionFilter) filter = ra_action_filter_new ();
  g_autoptr(RaRemoteAction) restart = make_action ("#restart_print_spooler", "Restart print spooler",
                                                   "Stops and starts the Windows spooler service.",
                                                   TRUE, TRUE, FALSE, RA_PURPOSE_REMEDIATION);
  g_autoptr(RaRemoteAction) french = make_action ("#echanger_profil", "Échanger le profil",
                                                  "Remplace le profil de l’utilisateur.",
                                                  TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION);

  /* Blank matches everything */
  g_assert_true (ra_action_filter_get_search_is_empty (filter));
  g_assert_true (matches (filter, restart));
  ra_action_filter_set_search (filter, "   ");
  g_assert_true (ra_action_filter_get_search_is_empty (filter));
  g_assert_true (matches (filter, french));

  /* Name, NQL ID, description; any case */
  ra_action_filter_set_search (filter, "PRINT");
  g_assert_true (matches (filter, restart));
  g_assert_false (matches (filter, french));
  ra_action_filter_set_search (filter, "#restart_print");
  g_assert_true (matches (filter, restart));
  ra_action_filter_set_search (filter, "Spooler SERVICE");
  g_assert_true (matches (filter, restart));

  /* Every word, in any order */
  ra_action_filter_set_search (filter, "spooler restart");
  g_assert_true (matches (filter, restart));
  ra_action_filter_set_search (filter, "spooler teams");
  g_assert_false (matches (filter, restart));

  /* Beyond ASCII */
  ra_action_filter_set_search (filter, "ÉCHANGER");
  g_assert_true (matches (filter, french));
  ra_action_filter_set_search (filter, "l’utilisateur");
  g_assert_true (matches (filter, french));

  /* A word never spans two fields */
  ra_action_filter_set_search (filter, "spooler#restart");
  g_assert_false (matches (filter, restart));
}

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
test_flags (void)
{
  g_autoptr(RaActionFilter) filter = ra_action_filter_new ();
  g_autoptr(RaRemoteAction) windows = make_action ("#w", "W", "", TRUE, TRUE, FALSE, RA_PURPOSE_REMEDIATION);
  g_autoptr(RaRemoteAction) macos = make_action ("#m", "M", "", TRUE, FALSE, TRUE, RA_PURPOSE_DATA_COLLECTION);
  g_autoptr(RaRemoteAction) both = make_action ("#b", "B", "", TRUE, TRUE, TRUE,
                                                RA_PURPOSE_DATA_COLLECTION | RA_PURPOSE_REMEDIATION);
  g_autoptr(RaRemoteAction) neither = make_action ("#n", "N", "", TRUE, FALSE, FALSE, RA_PURPOSE_NONE);
  g_autoptr(RaRemoteAction) disabled = make_action ("#d", "D", "", FALSE, TRUE, TRUE, RA_PURPOSE_REMEDIATION);

  /* Defaults: everything that can run through the API */
  g_assert_true (ra_action_filter_get_is_default (filter));
  g_assert_true (matches (filter, windows) && matches (filter, macos) && matches (filter, both));
  g_assert_true (matches (filter, neither));
  g_assert_false (matches (filter, disabled));

  ra_action_filter_set_api_enabled_only (filter, FALSE);
  g_assert_false (ra_action_filter_get_is_default (filter));
  g_assert_true (matches (filter, disabled));

  ra_action_filter_set_macos (filter, FALSE);
  g_assert_true (matches (filter, windows));
  g_assert_false (matches (filter, macos));
  g_assert_true (matches (filter, both));
  g_assert_true (matches (filter, neither));

  ra_action_filter_set_windows (filter, FALSE);
  g_assert_false (matches (filter, windows) || matches (filter, both) || matches (filter, neither));
  ra_action_filter_set_windows (filter, TRUE);
  ra_action_filter_set_macos (filter, TRUE);

  ra_action_filter_set_data_collection (filter, FALSE);
  g_assert_true (matches (filter, windows));
  g_assert_false (matches (filter, macos));
  g_assert_true (matches (filter, both));

  ra_action_filter_set_remediation (filter, FALSE);
  g_assert_false (matches (filter, windows) || matches (filter, both) || matches (filter, neither));
}

static void
test_order (void)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkSorter) sorter = ra_action_filter_new_sorter ();
  const char *expected[] = { "#a", "#step2", "#step10", "#b", "#y", "#z" };

  g_ptr_array_add (actions, make_action ("#step10", "Step 10", "", TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION));
  g_ptr_array_add (actions, make_action ("#z", "zebra", "", TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION));
  g_ptr_array_add (actions, make_action ("#b", "Tidy", "", TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION));
  g_ptr_array_add (actions, make_action ("#y", "Zebra", "", TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION));
  g_ptr_array_add (actions, make_action ("#step2", "Step 2", "", TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION));
  g_ptr_array_add (actions, make_action ("#a", "apple", "", TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION));

  ra_action_filter_sort_actions (actions);

  /* Case does not split the list; numbers count; equal names go by ID */
  for (guint i = 0; i < actions->len; i++)
    g_assert_cmpstr (ra_remote_action_get_id (g_ptr_array_index (actions, i)), ==, expected[i]);

  /* The sorter agrees with the sort */
  for (guint i = 1; i < actions->len; i++)
    g_assert_cmpint (gtk_sorter_compare (sorter, g_ptr_array_index (actions, i - 1),
                                         g_ptr_array_index (actions, i)), ==, GTK_ORDERING_SMALLER);
}

static void
test_order_few (void)
{
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);

  /* An empty catalogue: under UBSan, qsort (NULL, 0, …) used to fail here. */
  ra_action_filter_sort_actions (actions);
  g_assert_cmpuint (actions->len, ==, 0);

  g_ptr_array_add (actions, make_action ("#a", "apple", "", TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION));
  ra_action_filter_sort_actions (actions);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (ra_remote_action_get_id (g_ptr_array_index (actions, 0)), ==, "#a");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/action-filter/search", test_search);
  g_test_add_func ("/action-filter/strictness", test_strictness);
  g_test_add_func ("/action-filter/flags", test_flags);
  g_test_add_func ("/action-filter/order", test_order);
  g_test_add_func ("/action-filter/order-few", test_order_few);

  return g_test_run ();
}
