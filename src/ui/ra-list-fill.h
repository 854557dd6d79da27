/* ra-list-fill.h — puts many items in a list store a few at a time
 *
 * A list view makes and measures a row for up to a few hundred items
 * around what is in sight, all in the frame after its model changes: a
 * first list of a thousand runs or ten thousand devices cost a sixth to a
 * quarter of a second of measuring labels in one frame. A fill puts a
 * screenful in at a time instead, one step a frame, until the list view
 * has all the rows it keeps; then the rest at once, which makes no rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _RaListFill RaListFill;

/* Called once the last item is in. */
typedef void (*RaListFillDoneFunc) (gpointer user_data);

/* A fill of store (not referenced: the fill must not outlive it). */
RaListFill *ra_list_fill_new      (GListStore         *store,
                                   RaListFillDoneFunc  done,
                                   gpointer            user_data);
/* Stops a fill under way, leaving what is in the store. */
void        ra_list_fill_free     (RaListFill         *self);

/* Replaces the items of the store with those of items (a GPtrArray of
 * objects; a reference to it is kept until the fill ends): the first
 * step at once, the others a frame apart. A fill under way stops. A few
 * items go in at once, in one change. */
void        ra_list_fill_replace  (RaListFill         *self,
                                   GPtrArray          *items);
/* Puts the items still to come in at once, for what needs them all now. */
void        ra_list_fill_complete (RaListFill         *self);
/* Stops a fill under way, leaving what is in the store; no done call. */
void        ra_list_fill_stop     (RaListFill         *self);
/* Whether items are still to be put in. */
gboolean    ra_list_fill_get_busy (RaListFill         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RaListFill, ra_list_fill_free)

G_END_DECLS
