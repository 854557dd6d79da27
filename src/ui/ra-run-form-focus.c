/* ra-run-form-focus.c — where in the form someone who came to run the
 * action starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-run-form"

#include "config.h"

#include "ra-input-row.h"
#include "ra-run-form-private.h"

GtkWidget *
ra_run_form_get_first_needed (RaRunForm *self)
{
  RaRemoteAction *action;
  RaDeviceEditor *editor;
  GListModel *inputs;
  GtkWidget *first = NULL;

  g_return_val_if_fail (RA_IS_RUN_FORM (self), NULL);

  action = ra_run_form_get_action (self);
  if (action == NULL)
    return NULL;

  inputs = ra_remote_action_get_inputs (action);
  for (guint i = 0; i < g_list_model_get_n_items (inputs); i++)
    {
      g_autoptr(RaActionInput) input = g_list_model_get_item (inputs, i);
      GtkWidget *row = ra_run_form_get_input_row (self, ra_action_input_get_id (input));

      if (row == NULL)
        continue;
      if (!ra_input_row_validate (RA_INPUT_ROW (row), NULL))
        return row;
      if (first == NULL)
        first = row;
    }

  /* The devices need a value until they are given; devices kept from
   * the action before do not. */
  editor = ra_run_form_get_device_editor (self);
  if (ra_device_editor_get_problem (editor) != NULL || first == NULL)
    return GTK_WIDGET (ra_device_editor_get_text_view (editor));

  return first;
}
