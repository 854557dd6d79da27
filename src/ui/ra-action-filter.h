/* ra-action-filter.h — search and filters over the action list's items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RA_TYPE_ACTION_FILTER (ra_action_filter_get_type ())
G_DECLARE_FINAL_TYPE (RaActionFilter, ra_action_filter, RA, ACTION_FILTER, GtkFilter)

/* Filters RaActionItem by an RaActionQuery: the search and the boxes of
 * the filter menu, as properties to bind. */
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
