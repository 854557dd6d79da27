/* ra-input-entry-row.h — an input typed by the user, optionally with
 * suggested options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-input-row-base.h"

G_BEGIN_DECLS

#define RA_TYPE_INPUT_ENTRY_ROW (ra_input_entry_row_get_type ())
G_DECLARE_FINAL_TYPE (RaInputEntryRow, ra_input_entry_row, RA, INPUT_ENTRY_ROW, RaInputRowBase)

GtkWidget   *ra_input_entry_row_new       (RaActionInput   *input,
                                           RaRemoteAction  *action);
GtkEditable *ra_input_entry_row_get_entry (RaInputEntryRow *self);
GtkWidget   *ra_input_entry_row_get_options_button (RaInputEntryRow *self);

G_END_DECLS
