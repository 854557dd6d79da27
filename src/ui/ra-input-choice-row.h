/* ra-input-choice-row.h — an input with a fixed list of options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-input-row-base.h"

G_BEGIN_DECLS

#define RA_TYPE_INPUT_CHOICE_ROW (ra_input_choice_row_get_type ())
G_DECLARE_FINAL_TYPE (RaInputChoiceRow, ra_input_choice_row, RA, INPUT_CHOICE_ROW, RaInputRowBase)

GtkWidget *ra_input_choice_row_new        (RaActionInput    *input,
                                           RaRemoteAction   *action);
/* The button that shows the choice and opens the options. */
GtkWidget *ra_input_choice_row_get_button (RaInputChoiceRow *self);
/* What the button shows: the option chosen, or a placeholder. */
GtkLabel  *ra_input_choice_row_get_label  (RaInputChoiceRow *self);

G_END_DECLS
