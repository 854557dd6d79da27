/* ra-action-list-model.h — the action catalogue as the list shows it
 *
 * The view model behind the sidebar, and no widget: it loads the
 * client's catalogue, makes view items of it off the main thread, and
 * is itself the GListModel of RaActionItem that the search and filters
 * let through, in order. It holds what the list shows around the rows:
 * the state (loading, loaded, empty, nothing matching, error), the
 * counts, the error and the catalogue whose left-out entries are shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ra-action-filter.h"
#include "ra-catalogue.h"
#include "ra-client.h"

G_BEGIN_DECLS

typedef enum
{
  RA_ACTION_LIST_STATE_NO_CLIENT,
  RA_ACTION_LIST_STATE_LOADING,
  RA_ACTION_LIST_STATE_LOADED,
  RA_ACTION_LIST_STATE_EMPTY,
  RA_ACTION_LIST_STATE_NO_MATCH,
  RA_ACTION_LIST_STATE_ERROR,
} RaActionListState;

#define RA_TYPE_ACTION_LIST_STATE (ra_action_list_state_get_type ())
GType ra_action_list_state_get_type (void) G_GNUC_CONST;

#define RA_TYPE_ACTION_LIST_MODEL (ra_action_list_model_get_type ())
G_DECLARE_FINAL_TYPE (RaActionListModel, ra_action_list_model, RA, ACTION_LIST_MODEL, GObject)

RaActionListModel *ra_action_list_model_new                  (void);

/* Setting another client drops the current list and loads the new
 * one's; NULL leaves the model empty, in the no-client state. */
RaClient          *ra_action_list_model_get_client           (RaActionListModel *self);
void               ra_action_list_model_set_client           (RaActionListModel *self,
                                                              RaClient          *client);
/* Loads the catalogue again. The current list stays until the new one
 * is ready; an error replaces it. */
void               ra_action_list_model_reload               (RaActionListModel *self);

RaActionListState  ra_action_list_model_get_state            (RaActionListModel *self);
/* TRUE while a load is under way, also when a refresh keeps the old list
 * in the loaded state. */
gboolean           ra_action_list_model_get_loading          (RaActionListModel *self);
/* The search and the filter menu's boxes; the model filters by it. */
RaActionFilter    *ra_action_list_model_get_filter           (RaActionListModel *self);

/* Every action loaded, as RaActionItem in order (NULL before a load),
 * and how many. ::actions-changing comes just before the list is
 * replaced, notify::actions just after. */
GListModel        *ra_action_list_model_get_actions          (RaActionListModel *self);
guint              ra_action_list_model_get_n_total          (RaActionListModel *self);
/* How many actions the search matches that only the filters hide. */
guint              ra_action_list_model_get_n_hidden_by_filters (RaActionListModel *self);

/* The catalogue of the list shown, which knows what it left out; NULL
 * before a load, after an error, or when the client's list is no
 * catalogue. */
RaCatalogue       *ra_action_list_model_get_catalogue        (RaActionListModel *self);
/* How many actions of the answer could not be read, and are left out. */
guint              ra_action_list_model_get_n_skipped        (RaActionListModel *self);
/* Why the last load failed, or NULL. */
const char        *ra_action_list_model_get_error_message    (RaActionListModel *self);

G_END_DECLS
