/* ra-action-row.h — one remote action in the sidebar list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ra-remote-action.h"

G_BEGIN_DECLS

#define RA_TYPE_ACTION_ROW (ra_action_row_get_type ())
G_DECLARE_FINAL_TYPE (RaActionRow, ra_action_row, RA, ACTION_ROW, GtkWidget)

GtkWidget      *ra_action_row_new        (void);
RaRemoteAction *ra_action_row_get_action (RaActionRow    *self);
void            ra_action_row_set_action (RaActionRow    *self,
                                          RaRemoteAction *action);

G_END_DECLS
