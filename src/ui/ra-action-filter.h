/* ra-action-filter.h — search and filters over remote actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ra-remote-action.h"

G_BEGIN_DECLS

#define RA_TYPE_ACTION_FILTER (ra_action_filter_get_type ())
G_DECLARE_FINAL_TYPE (RaActionFilter, ra_action_filter, RA, ACTION_FILTER, GtkFilter)

/* Computes what matching and sorting need from an action (casefolded text,
 * collation key) once, so that neither a keystroke nor a comparison does.
 * Safe to call from a worker thread; the action must be prepared before it
 * is filtered or sorted. */
void            ra_action_filter_prepare_action      (RaRemoteAction *action);
/* Orders prepared actions by name, as the user's locale orders names
 * (then by NQL ID). Safe to call from a worker thread. */
int             ra_action_filter_compare_actions     (RaRemoteAction *a,
                                                      RaRemoteAction *b);
/* Puts an array of prepared actions in that order, faster than
 * g_ptr_array_sort () with the function above. Safe in a worker thread. */
void            ra_action_filter_sort_actions        (GPtrArray      *actions);
/* Prepares every action of a list and puts them in that order, in a
 * worker thread; the result is a new GListModel of the same actions. */
void            ra_action_filter_prepare_list_async  (GListModel          *actions,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GListModel     *ra_action_filter_prepare_list_finish (GAsyncResult        *result,
                                                      GError             **error);
/* A sorter by that order. */
GtkSorter      *ra_action_filter_new_sorter          (void);

RaActionFilter *ra_action_filter_new                 (void);

/* Every word of the search must occur in the name, the NQL ID or the
 * description, ignoring case. NULL or blank matches everything. */
const char     *ra_action_filter_get_search          (RaActionFilter *self);
void            ra_action_filter_set_search          (RaActionFilter *self,
                                                      const char     *search);
gboolean        ra_action_filter_get_api_enabled_only (RaActionFilter *self);
void            ra_action_filter_set_api_enabled_only (RaActionFilter *self,
                                                      gboolean        api_enabled_only);
gboolean        ra_action_filter_get_windows         (RaActionFilter *self);
void            ra_action_filter_set_windows         (RaActionFilter *self,
                                                      gboolean        windows);
gboolean        ra_action_filter_get_macos           (RaActionFilter *self);
void            ra_action_filter_set_macos           (RaActionFilter *self,
                                                      gboolean        macos);
gboolean        ra_action_filter_get_data_collection (RaActionFilter *self);
void            ra_action_filter_set_data_collection (RaActionFilter *self,
                                                      gboolean        data_collection);
gboolean        ra_action_filter_get_remediation     (RaActionFilter *self);
void            ra_action_filter_set_remediation     (RaActionFilter *self,
                                                      gboolean        remediation);
/* TRUE when the search is blank. */
gboolean        ra_action_filter_get_search_is_empty (RaActionFilter *self);
/* TRUE when the platform, purpose and API filters are at their defaults. */
gboolean        ra_action_filter_get_is_default      (RaActionFilter *self);

G_END_DECLS
