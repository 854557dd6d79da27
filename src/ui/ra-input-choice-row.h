/* ra-input-choice-row.h — an input with a fixed list of options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-action-input.h"

G_BEGIN_DECLS

#define RA_TYPE_INPUT_CHOICE_ROW (ra_input_choice_row_get_type ())
G_DECLARE_FINAL_TYPE (RaInputChoiceRow, ra_input_choice_row, RA, INPUT_CHOICE_ROW, AdwComboRow)

GtkWidget *ra_input_choice_row_new (RaActionInput *input);

G_END_DECLS
