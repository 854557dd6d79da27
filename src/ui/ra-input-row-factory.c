/* ra-input-row-factory.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-input-row-factory"

#include "config.h"

#include "ra-input-choice-row.h"
#include "ra-input-entry-row.h"
#include "ra-input-row-factory.h"

GtkWidget *
ra_input_row_factory_create (RaActionInput  *input,
                             RaRemoteAction *action)
{
  g_return_val_if_fail (RA_IS_ACTION_INPUT (input), NULL);
  g_return_val_if_fail (action == NULL || RA_IS_REMOTE_ACTION (action), NULL);

  if (ra_action_input_has_fixed_options (input))
    return ra_input_choice_row_new (input, action);
  else
    return ra_input_entry_row_new (input, action);
}
