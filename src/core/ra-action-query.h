/* ra-action-query.h — what the action list's search and filters let through
 *
 * The matching itself, without a widget: the list's GtkFilter holds a
 * query and asks it. Text is compared casefolded, through
 * ra_action_query_fold (), on both sides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-remote-action.h"

G_BEGIN_DECLS

typedef struct _RaActionQuery RaActionQuery;

/* How a new search relates to the one before: what it can do to the set
 * of matches. */
typedef enum
{
  RA_ACTION_QUERY_SAME,
  RA_ACTION_QUERY_NARROWER,
  RA_ACTION_QUERY_WIDER,
  RA_ACTION_QUERY_DIFFERENT,
} RaActionQueryChange;

/* Everything shown: a blank search, every box ticked. */
RaActionQuery       *ra_action_query_new                  (void);
void                 ra_action_query_free                 (RaActionQuery  *self);

const char          *ra_action_query_get_search           (RaActionQuery  *self);
/* Every word of the search must occur in the haystack; NULL or blank
 * matches everything. Says how the matches can change. */
RaActionQueryChange  ra_action_query_set_search           (RaActionQuery  *self,
                                                           const char     *search);
gboolean             ra_action_query_get_search_is_empty  (RaActionQuery  *self);

/* The boxes of the filter menu; "API-enabled only" narrows, the platform
 * and purpose boxes widen. */
typedef enum
{
  RA_ACTION_QUERY_API_ENABLED_ONLY,
  RA_ACTION_QUERY_WINDOWS,
  RA_ACTION_QUERY_MACOS,
  RA_ACTION_QUERY_DATA_COLLECTION,
  RA_ACTION_QUERY_REMEDIATION,
  RA_ACTION_QUERY_N_FLAGS,
} RaActionQueryFlag;

gboolean             ra_action_query_get_flag             (RaActionQuery     *self,
                                                           RaActionQueryFlag  flag);
/* Returns how the matches can change. */
RaActionQueryChange  ra_action_query_set_flag             (RaActionQuery     *self,
                                                           RaActionQueryFlag  flag,
                                                           gboolean           value);
/* TRUE when every flag is at its default (all ticked). */
gboolean             ra_action_query_get_flags_are_default (RaActionQuery    *self);

/* Whether the action passes the flags, and whether the haystack (from
 * ra_action_query_make_haystack ()) holds every word of the search. */
gboolean             ra_action_query_matches              (RaActionQuery  *self,
                                                           RaRemoteAction *action,
                                                           const char     *haystack);

/* Casefolded, normalized text; "" for NULL. Safe in any thread. */
char                *ra_action_query_fold                 (const char     *text);
/* The folded name, NQL ID and description a search looks in. Safe in
 * any thread. */
char                *ra_action_query_make_haystack        (RaRemoteAction *action);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RaActionQuery, ra_action_query_free)

G_END_DECLS
