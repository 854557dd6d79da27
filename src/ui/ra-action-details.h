/* ra-action-details.h — what an action is, in words: its details and
 * its outputs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-remote-action.h"

G_BEGIN_DECLS

#define RA_TYPE_ACTION_DETAILS (ra_action_details_get_type ())
G_DECLARE_FINAL_TYPE (RaActionDetails, ra_action_details, RA, ACTION_DETAILS, AdwBin)

/* The copy buttons of the NQL ID and the UUID activate page.copy-nql-id
 * and page.copy-uuid, which the page that holds the details provides. */
GtkWidget *ra_action_details_new        (void);
/* Shows what action says; it must not be NULL. */
void       ra_action_details_set_action (RaActionDetails *self,
                                         RaRemoteAction  *action);

G_END_DECLS
