/* test-action-query.c — search, filters and order of the action list,
 * without a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-action-query"

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>

#include "ra-action-item.h"
#include "ra-action-query.h"
#include "ra-remote-action.h"
#include "ra-test-common.h"

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

  return action;
}

static gboolean
matches (RaActionQuery  *query,
         RaRemoteAction *action)
{
  g_autoptr(RaActionItem) item = ra_action_item_new (action);

  return ra_action_item_matches (item, query);
}

static void
test_search (void)
{
  g_autoptr(RaActionQuery) query = ra_action_query_new ();
  g_autoptr(RaRemoteAction) restart = make_action ("#restart_print_spooler", "Restart print spooler",
                                                   "Stops and starts the Windows spooler service.",
                                                   TRUE, TRUE, FALSE, RA_PURPOSE_REMEDIATION);
  g_autoptr(RaRemoteAction) french = make_action ("#echanger_profil", "Échanger le profil",
                                                  "Remplace le profil de l’utilisateur.",
                                                  TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION);

  /* Blank matches everything */
  g_assert_true (ra_action_query_get_search_is_empty (query));
  g_assert_true (matches (query, restart));
  ra_action_query_set_search (query, "   ");
  g_assert_true (ra_action_query_get_search_is_empty (query));
  g_assert_true (matches (query, french));

  /* Name, NQL ID, description; any case */
  ra_action_query_set_search (query, "PRINT");
  g_assert_true (matches (query, restart));
  g_assert_false (matches (query, french));
  ra_action_query_set_search (query, "#restart_print");
  g_assert_true (matches (query, restart));
  ra_action_query_set_search (query, "Spooler SERVICE");
  g_assert_true (matches (query, restart));

  /* Every word, in any order */
  ra_action_query_set_search (query, "spooler restart");
  g_assert_true (matches (query, restart));
  ra_action_query_set_search (query, "spooler teams");
  g_assert_false (matches (query, restart));

  /* Beyond ASCII */
  ra_action_query_set_search (query, "ÉCHANGER");
  g_assert_true (matches (query, french));
  ra_action_query_set_search (query, "l’utilisateur");
  g_assert_true (matches (query, french));

  /* A word never spans two fields */
  ra_action_query_set_search (query, "spooler#restart");
  g_assert_false (matches (query, restart));
}

static void
test_strictness (void)
{
  g_autoptr(RaActionQuery) query = ra_action_query_new ();

  g_assert_cmpint (ra_action_query_set_search (query, "r"), ==, RA_ACTION_QUERY_NARROWER);
  g_assert_cmpint (ra_action_query_set_search (query, "re"), ==, RA_ACTION_QUERY_NARROWER);
  g_assert_cmpint (ra_action_query_set_search (query, "re st"), ==, RA_ACTION_QUERY_NARROWER);
  g_assert_cmpint (ra_action_query_set_search (query, "re"), ==, RA_ACTION_QUERY_WIDER);
  g_assert_cmpint (ra_action_query_set_search (query, "xy"), ==, RA_ACTION_QUERY_DIFFERENT);
  /* the same search */
  g_assert_cmpint (ra_action_query_set_search (query, "xy "), ==, RA_ACTION_QUERY_SAME);
  g_assert_cmpint (ra_action_query_set_search (query, NULL), ==, RA_ACTION_QUERY_WIDER);

  g_assert_cmpint (ra_action_query_set_flag (query, RA_ACTION_QUERY_API_ENABLED_ONLY, FALSE),
                   ==, RA_ACTION_QUERY_WIDER);
  g_assert_cmpint (ra_action_query_set_flag (query, RA_ACTION_QUERY_API_ENABLED_ONLY, TRUE),
                   ==, RA_ACTION_QUERY_NARROWER);
  g_assert_cmpint (ra_action_query_set_flag (query, RA_ACTION_QUERY_WINDOWS, FALSE),
                   ==, RA_ACTION_QUERY_NARROWER);
  g_assert_cmpint (ra_action_query_set_flag (query, RA_ACTION_QUERY_WINDOWS, TRUE),
                   ==, RA_ACTION_QUERY_WIDER);
  /* already on */
  g_assert_cmpint (ra_action_query_set_flag (query, RA_ACTION_QUERY_REMEDIATION, TRUE),
                   ==, RA_ACTION_QUERY_SAME);
}

static void
test_flags (void)
{
  g_autoptr(RaActionQuery) query = ra_action_query_new ();
  g_autoptr(RaRemoteAction) windows = make_action ("#w", "W", "", TRUE, TRUE, FALSE, RA_PURPOSE_REMEDIATION);
  g_autoptr(RaRemoteAction) macos = make_action ("#m", "M", "", TRUE, FALSE, TRUE, RA_PURPOSE_DATA_COLLECTION);
  g_autoptr(RaRemoteAction) both = make_action ("#b", "B", "", TRUE, TRUE, TRUE,
                                                RA_PURPOSE_DATA_COLLECTION | RA_PURPOSE_REMEDIATION);
  g_autoptr(RaRemoteAction) neither = make_action ("#n", "N", "", TRUE, FALSE, FALSE, RA_PURPOSE_NONE);
  g_autoptr(RaRemoteAction) disabled = make_action ("#d", "D", "", FALSE, TRUE, TRUE, RA_PURPOSE_REMEDIATION);

  /* Defaults: everything that can run through the API */
  g_assert_true (ra_action_query_get_flags_are_default (query));
  g_assert_true (matches (query, windows) && matches (query, macos) && matches (query, both));
  g_assert_true (matches (query, neither));
  g_assert_false (matches (query, disabled));

  ra_action_query_set_flag (query, RA_ACTION_QUERY_API_ENABLED_ONLY, FALSE);
  g_assert_false (ra_action_query_get_flags_are_default (query));
  g_assert_true (matches (query, disabled));

  ra_action_query_set_flag (query, RA_ACTION_QUERY_MACOS, FALSE);
  g_assert_true (matches (query, windows));
  g_assert_false (matches (query, macos));
  g_assert_true (matches (query, both));
  g_assert_true (matches (query, neither));

  ra_action_query_set_flag (query, RA_ACTION_QUERY_WINDOWS, FALSE);
  g_assert_false (matches (query, windows) || matches (query, both) || matches (query, neither));
  ra_action_query_set_flag (query, RA_ACTION_QUERY_WINDOWS, TRUE);
  ra_action_query_set_flag (query, RA_ACTION_QUERY_MACOS, TRUE);

  ra_action_query_set_flag (query, RA_ACTION_QUERY_DATA_COLLECTION, FALSE);
  g_assert_true (matches (query, windows));
  g_assert_false (matches (query, macos));
  g_assert_true (matches (query, both));

  ra_action_query_set_flag (query, RA_ACTION_QUERY_REMEDIATION, FALSE);
  g_assert_false (matches (query, windows) || matches (query, both) || matches (query, neither));
}

/* The actions of ids, as sorted items */
static GPtrArray *
make_items (RaRemoteAction **actions,
            guint            n)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, ra_action_item_new (actions[i]));

  return items;
}

static const char *
item_id (GPtrArray *items,
         guint      i)
{
  return ra_remote_action_get_id (ra_action_item_get_action (g_ptr_array_index (items, i)));
}

static void
test_order (void)
{
  g_autoptr(RaRemoteAction) step10 = make_action ("#step10", "Step 10", "", TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION);
  g_autoptr(RaRemoteAction) z = make_action ("#z", "zebra", "", TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION);
  g_autoptr(RaRemoteAction) b = make_action ("#b", "Tidy", "", TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION);
  g_autoptr(RaRemoteAction) y = make_action ("#y", "Zebra", "", TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION);
  g_autoptr(RaRemoteAction) step2 = make_action ("#step2", "Step 2", "", TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION);
  g_autoptr(RaRemoteAction) a = make_action ("#a", "apple", "", TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION);
  RaRemoteAction *actions[] = { step10, z, b, y, step2, a };
  g_autoptr(GPtrArray) items = make_items (actions, G_N_ELEMENTS (actions));
  const char *expected[] = { "#a", "#step2", "#step10", "#b", "#y", "#z" };

  ra_action_item_sort (items);

  /* Case does not split the list; numbers count; equal names go by ID */
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (item_id (items, i), ==, expected[i]);

  /* The comparison agrees with the sort */
  for (guint i = 1; i < items->len; i++)
    {
      int order = ra_action_item_compare (g_ptr_array_index (items, i - 1),
                                          g_ptr_array_index (items, i));

      g_assert_cmpint (order, <, 0);
    }
}

static void
test_order_few (void)
{
  g_autoptr(RaRemoteAction) a = make_action ("#a", "apple", "", TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION);
  g_autoptr(GPtrArray) items = make_items (NULL, 0);

  /* An empty catalogue: under UBSan, qsort (NULL, 0, …) used to fail here. */
  ra_action_item_sort (items);
  g_assert_cmpuint (items->len, ==, 0);

  g_ptr_array_add (items, ra_action_item_new (a));
  ra_action_item_sort (items);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (item_id (items, 0), ==, "#a");
}

static void
list_new_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GListModel **model = user_data;
  g_autoptr(GError) error = NULL;

  *model = ra_action_item_list_new_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_list_new (void)
{
  g_autoptr(GListStore) actions = g_list_store_new (RA_TYPE_REMOTE_ACTION);
  g_autoptr(RaRemoteAction) z = make_action ("#z", "zebra", "", TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION);
  g_autoptr(RaRemoteAction) a = make_action ("#a", "Apple", "", TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION);
  g_autoptr(GListModel) model = NULL;
  g_autoptr(RaActionItem) first = NULL;
  g_autoptr(RaActionItem) second = NULL;

  g_list_store_append (actions, z);
  g_list_store_append (actions, a);

  /* Made and sorted in a worker thread, the same actions in order */
  ra_action_item_list_new_async (G_LIST_MODEL (actions), NULL, list_new_cb, &model);
  RA_TEST_WAIT_UNTIL (model != NULL);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (g_list_model_get_item_type (model) == RA_TYPE_ACTION_ITEM);
  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);
  g_assert_true (ra_action_item_get_action (first) == a);
  g_assert_true (ra_action_item_get_action (second) == z);
}

static void
cancelled_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = ra_action_item_list_new_finish (result, &error);

  g_assert_null (model);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *done = TRUE;
}

static void
test_list_new_cancelled (void)
{
  g_autoptr(GListStore) actions = g_list_store_new (RA_TYPE_REMOTE_ACTION);
  g_autoptr(RaRemoteAction) a = make_action ("#a", "Apple", "", TRUE, TRUE, TRUE, RA_PURPOSE_REMEDIATION);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gboolean done = FALSE;

  g_list_store_append (actions, a);
  g_cancellable_cancel (cancellable);
  ra_action_item_list_new_async (G_LIST_MODEL (actions), cancellable, cancelled_cb, &done);
  RA_TEST_WAIT_UNTIL (done);
}

int
main (int   argc,
      char *argv[])
{
  /* The order follows the locale's collation. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/action-query/search", test_search);
  g_test_add_func ("/action-query/strictness", test_strictness);
  g_test_add_func ("/action-query/flags", test_flags);
  g_test_add_func ("/action-query/order", test_order);
  g_test_add_func ("/action-query/order-few", test_order_few);
  g_test_add_func ("/action-query/list-new", test_list_new);
  g_test_add_func ("/action-query/list-new-cancelled", test_list_new_cancelled);

  return g_test_run ();
}
