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

G_BEGIN_DECLS

/* A combo row for a fixed list of options, an entry (offering the
 * options, if any) otherwise. Either is a RaInputRow. */
GtkWidget *ra_input_row_factory_create (RaActionInput *input);

G_END_DECLS
