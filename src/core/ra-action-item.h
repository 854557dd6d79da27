/* ra-action-item.h — a remote action as the action list shows it
 *
 * A view item: the action with what sorting and searching need from it
 * (a collation key, the casefolded text a search looks in), computed once
 * when the item is made, so that neither a comparison nor a keystroke
 * does. Items are made, and a catalogue's worth sorted, in a worker
 * thread; the list keeps them in that order and never sorts again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-action-query.h"
#include "ra-remote-action.h"

G_BEGIN_DECLS

#define RA_TYPE_ACTION_ITEM (ra_action_item_get_type ())
G_DECLARE_FINAL_TYPE (RaActionItem, ra_action_item, RA, ACTION_ITEM, GObject)

/* Safe to call from a worker thread. */
RaActionItem   *ra_action_item_new              (RaRemoteAction       *action);
RaRemoteAction *ra_action_item_get_action       (RaActionItem         *self);
/* The casefolded name, NQL ID and description (see ra-action-query.h). */
const char     *ra_action_item_get_haystack     (RaActionItem         *self);

/* Whether the query lets the item through; what a filter calls for
 * every row on every keystroke, so it checks nothing. */
gboolean        ra_action_item_matches          (RaActionItem         *self,
                                                 RaActionQuery        *query);

/* Orders items by name, as the user's locale orders names (then by NQL
 * ID); case does not split the list and "Step 9" comes before "Step 10". */
int             ra_action_item_compare          (RaActionItem         *a,
                                                 RaActionItem         *b);
/* Puts an array of items in that order. Safe in a worker thread. */
void            ra_action_item_sort             (GPtrArray            *items);

/* Makes an item of every action of a list and puts them in that order,
 * in a worker thread; the result is a new GListModel of RaActionItem. */
void            ra_action_item_list_new_async   (GListModel           *actions,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GListModel     *ra_action_item_list_new_finish  (GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
