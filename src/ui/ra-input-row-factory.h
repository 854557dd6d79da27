/* ra-input-row-factory.h — the form row that fits an input
 *
 * The factory knows the row classes; they know only their interface
 * (ra-input-row.h), so the two never call each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ra-action-input.h"
#include "ra-remote-action.h"

G_BEGIN_DECLS

/* A choice of the options for a fixed list of options, an entry
 * (offering the options, if any) otherwise: either is a RaInputRow, laid
 * out as every input row is (ra-input-row-base.h). action, which the
 * input belongs to, may be NULL. */
GtkWidget *ra_input_row_factory_create (RaActionInput  *input,
                                        RaRemoteAction *action);

G_END_DECLS
