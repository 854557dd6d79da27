/* ra-action-list-rows.h — the rows of the action list and how they grow in
 *
 * The list view's item factory, with a pool of spare rows, and the
 * growing of a fresh list a few rows per main-loop turn. Only the action
 * list uses it; a click on a row comes back as ::row-picked, so the two
 * files never call each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RA_TYPE_ACTION_LIST_ROWS (ra_action_list_rows_get_type ())
G_DECLARE_FINAL_TYPE (RaActionListRows, ra_action_list_rows, RA, ACTION_LIST_ROWS, GObject)

/* Grows the list view's model by setting the size of slice. */
RaActionListRows   *ra_action_list_rows_new            (GtkSliceListModel *slice);
/* Makes and recycles the rows; give it to the list view. */
GtkListItemFactory *ra_action_list_rows_get_factory    (RaActionListRows  *self);
/* Hands the slice's model over a few rows per main-loop turn, the first
 * step only as many as fit in height (pixels; 0 when not known). */
void                ra_action_list_rows_start_growing  (RaActionListRows  *self,
                                                        int                height);
/* Lets every row of the model in at once. */
void                ra_action_list_rows_finish_growing (RaActionListRows  *self);

G_END_DECLS
