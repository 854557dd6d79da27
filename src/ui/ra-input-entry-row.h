/* ra-input-entry-row.h — an input typed by the user, optionally with
 * suggested options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-action-input.h"

G_BEGIN_DECLS

#define RA_TYPE_INPUT_ENTRY_ROW (ra_input_entry_row_get_type ())
G_DECLARE_FINAL_TYPE (RaInputEntryRow, ra_input_entry_row, RA, INPUT_ENTRY_ROW, AdwPreferencesRow)

GtkWidget   *ra_input_entry_row_new       (RaActionInput   *input);
GtkEditable *ra_input_entry_row_get_entry (RaInputEntryRow *self);
/* The button offering the input's options; NULL when it has none. */
GtkWidget   *ra_input_entry_row_get_options_button (RaInputEntryRow *self);

G_END_DECLS
