/* ra-catalogue-compare.c — one oracle for the catalogue readers
 *
 * The one-pass reader and json-glib's tree path must agree model by model
 * and skipped entry by skipped entry. The differential unit test and the
 * catalogue fuzz target both hold them to this one comparison, so neither
 * can check less than the other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-test-common"

#include "config.h"

#include "ra-action-input.h"
#include "ra-action-output.h"
#include "ra-remote-action.h"
#include "ra-catalogue-compare.h"

static void
assert_same_strv (const char * const *a,
                  const char * const *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (g_strv_length ((char **) a), ==, g_strv_length ((char **) b));
  for (guint i = 0; a[i] != NULL; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

static void
assert_same_input (RaActionInput *a,
                   RaActionInput *b)
{
  g_assert_cmpstr (ra_action_input_get_id (a), ==, ra_action_input_get_id (b));
  g_assert_cmpstr (ra_action_input_get_name (a), ==, ra_action_input_get_name (b));
  g_assert_cmpstr (ra_action_input_get_description (a), ==, ra_action_input_get_description (b));
  g_assert_cmpint (ra_action_input_get_used_by_windows (a), ==, ra_action_input_get_used_by_windows (b));
  g_assert_cmpint (ra_action_input_get_used_by_macos (a), ==, ra_action_input_get_used_by_macos (b));
  g_assert_cmpint (ra_action_input_get_allow_custom_value (a), ==, ra_action_input_get_allow_custom_value (b));
  assert_same_strv (ra_action_input_get_options (a), ra_action_input_get_options (b));
}

static void
assert_same_output (RaActionOutput *a,
                    RaActionOutput *b)
{
  g_assert_cmpstr (ra_action_output_get_id (a), ==, ra_action_output_get_id (b));
  g_assert_cmpstr (ra_action_output_get_name (a), ==, ra_action_output_get_name (b));
  g_assert_cmpstr (ra_action_output_get_output_type (a), ==, ra_action_output_get_output_type (b));
  g_assert_cmpstr (ra_action_output_get_description (a), ==, ra_action_output_get_description (b));
  g_assert_cmpint (ra_action_output_get_used_by_windows (a), ==, ra_action_output_get_used_by_windows (b));
  g_assert_cmpint (ra_action_output_get_used_by_macos (a), ==, ra_action_output_get_used_by_macos (b));
}

static void
assert_same_action (RaRemoteAction *a,
                    RaRemoteAction *b)
{
  GListModel *ia = ra_remote_action_get_inputs (a);
  GListModel *ib = ra_remote_action_get_inputs (b);
  GListModel *oa = ra_remote_action_get_outputs (a);
  GListModel *ob = ra_remote_action_get_outputs (b);

  g_assert_cmpstr (ra_remote_action_get_id (a), ==, ra_remote_action_get_id (b));
  g_assert_cmpstr (ra_remote_action_get_uuid (a), ==, ra_remote_action_get_uuid (b));
  g_assert_cmpstr (ra_remote_action_get_name (a), ==, ra_remote_action_get_name (b));
  g_assert_cmpstr (ra_remote_action_get_description (a), ==, ra_remote_action_get_description (b));
  g_assert_cmpstr (ra_remote_action_get_origin (a), ==, ra_remote_action_get_origin (b));
  g_assert_cmpstr (ra_remote_action_get_built_in_content_version (a), ==,
                   ra_remote_action_get_built_in_content_version (b));
  g_assert_cmpstr (ra_remote_action_get_execution_service_delegate (a), ==,
                   ra_remote_action_get_execution_service_delegate (b));
  g_assert_cmpint (ra_remote_action_get_purpose (a), ==, ra_remote_action_get_purpose (b));
  g_assert_true ((ra_remote_action_get_purpose_texts (a) == NULL) ==
                 (ra_remote_action_get_purpose_texts (b) == NULL));
  if (ra_remote_action_get_purpose_texts (a) != NULL)
    assert_same_strv (ra_remote_action_get_purpose_texts (a), ra_remote_action_get_purpose_texts (b));
  g_assert_cmpint (ra_remote_action_get_run_as (a), ==, ra_remote_action_get_run_as (b));
  g_assert_cmpstr (ra_remote_action_get_run_as_text (a), ==, ra_remote_action_get_run_as_text (b));
  g_assert_cmpint (ra_remote_action_get_timeout_seconds (a), ==, ra_remote_action_get_timeout_seconds (b));
  g_assert_cmpint (ra_remote_action_get_api_enabled (a), ==, ra_remote_action_get_api_enabled (b));
  g_assert_cmpint (ra_remote_action_get_manual_enabled (a), ==, ra_remote_action_get_manual_enabled (b));
  g_assert_cmpint (ra_remote_action_get_workflow_enabled (a), ==, ra_remote_action_get_workflow_enabled (b));
  g_assert_cmpint (ra_remote_action_get_manual_allow_multiple_devices (a), ==,
                   ra_remote_action_get_manual_allow_multiple_devices (b));
  g_assert_cmpint (ra_remote_action_get_has_script_windows (a), ==, ra_remote_action_get_has_script_windows (b));
  g_assert_cmpint (ra_remote_action_get_has_script_macos (a), ==, ra_remote_action_get_has_script_macos (b));

  g_assert_cmpuint (g_list_model_get_n_items (ia), ==, g_list_model_get_n_items (ib));
  for (guint i = 0; i < g_list_model_get_n_items (ia); i++)
    {
      g_autoptr(RaActionInput) x = g_list_model_get_item (ia, i);
      g_autoptr(RaActionInput) y = g_list_model_get_item (ib, i);

      assert_same_input (x, y);
    }

  g_assert_cmpuint (g_list_model_get_n_items (oa), ==, g_list_model_get_n_items (ob));
  for (guint i = 0; i < g_list_model_get_n_items (oa); i++)
    {
      g_autoptr(RaActionOutput) x = g_list_model_get_item (oa, i);
      g_autoptr(RaActionOutput) y = g_list_model_get_item (ob, i);

      assert_same_output (x, y);
    }
}

void
ra_test_assert_same_catalogue (RaCatalogue *a,
                               RaCatalogue *b)
{
  GListModel *la = G_LIST_MODEL (a);
  GListModel *lb = G_LIST_MODEL (b);

  g_assert_cmpuint (g_list_model_get_n_items (la), ==, g_list_model_get_n_items (lb));
  for (guint i = 0; i < g_list_model_get_n_items (la); i++)
    {
      g_autoptr(RaRemoteAction) x = g_list_model_get_item (la, i);
      g_autoptr(RaRemoteAction) y = g_list_model_get_item (lb, i);

      assert_same_action (x, y);
    }

  g_assert_cmpuint (ra_catalogue_get_n_skipped (a), ==, ra_catalogue_get_n_skipped (b));
  g_assert_cmpuint (ra_catalogue_get_n_skipped_listed (a), ==, ra_catalogue_get_n_skipped_listed (b));
  for (guint i = 0; i < ra_catalogue_get_n_skipped_listed (a); i++)
    {
      g_assert_cmpuint (ra_catalogue_get_skipped_index (a, i), ==, ra_catalogue_get_skipped_index (b, i));
      g_assert_cmpstr (ra_catalogue_get_skipped_id (a, i), ==, ra_catalogue_get_skipped_id (b, i));
      g_assert_cmpstr (ra_catalogue_get_skipped_path (a, i), ==, ra_catalogue_get_skipped_path (b, i));
      g_assert_cmpstr (ra_catalogue_get_skipped_reason (a, i), ==, ra_catalogue_get_skipped_reason (b, i));
    }
}
