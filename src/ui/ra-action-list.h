/* ra-action-list.h — the sidebar: searchable, filterable list of remote actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-action-list-model.h"
#include "ra-client.h"
#include "ra-remote-action.h"

G_BEGIN_DECLS

#define RA_TYPE_ACTION_LIST (ra_action_list_get_type ())
G_DECLARE_FINAL_TYPE (RaActionList, ra_action_list, RA, ACTION_LIST, GtkWidget)

GtkWidget         *ra_action_list_new                 (void);

RaClient          *ra_action_list_get_client          (RaActionList *self);
/* Drops the current list and loads the client's; NULL leaves it empty. */
void               ra_action_list_set_client          (RaActionList *self,
                                                       RaClient     *client);
void               ra_action_list_reload              (RaActionList *self);

RaActionListState  ra_action_list_get_state           (RaActionList *self);
/* The action the user picked last. It stays when a search or filter hides
 * its row, and is NULL only before a pick or after the list was reset. */
RaRemoteAction    *ra_action_list_get_selected_action (RaActionList *self);
/* Selects the action with this NQL ID if it is loaded and shown. */
gboolean           ra_action_list_select_action_id    (RaActionList *self,
                                                       const char   *nql_id);

GtkSearchEntry    *ra_action_list_get_search_entry    (RaActionList *self);
void               ra_action_list_focus_search        (RaActionList *self);
void               ra_action_list_set_search_text     (RaActionList *self,
                                                       const char   *text);
/* Resets the filters' settings to the schema's defaults. */
void               ra_action_list_reset_filters       (RaActionList *self);

/* The rows the search and filters let through (sorted; the list view may
 * still be taking them in: an RaActionListModel), every action loaded
 * (sorted, NULL before a load), both as RaActionItem, and how many were
 * loaded. */
GListModel        *ra_action_list_get_model           (RaActionList *self);
GListModel        *ra_action_list_get_actions         (RaActionList *self);
guint              ra_action_list_get_n_total         (RaActionList *self);
/* How many actions of the answer could not be read, and are left out. */
guint              ra_action_list_get_n_skipped       (RaActionList *self);
/* The message the error state shows, or NULL. */
const char        *ra_action_list_get_error_message   (RaActionList *self);

G_END_DECLS
