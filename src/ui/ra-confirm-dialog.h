/* ra-confirm-dialog.h — "run this action on these devices?"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-execution-request.h"
#include "ra-remote-action.h"

G_BEGIN_DECLS

#define RA_TYPE_CONFIRM_DIALOG (ra_confirm_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RaConfirmDialog, ra_confirm_dialog, RA, CONFIRM_DIALOG, AdwMessageDialog)

/* Response IDs. */
#define RA_CONFIRM_RESPONSE_CANCEL "cancel"
#define RA_CONFIRM_RESPONSE_RUN    "run"

/* Above threshold devices the user types the number of devices before
 * the run response is enabled. */
RaConfirmDialog *ra_confirm_dialog_new             (GtkWindow          *parent,
                                                    RaRemoteAction     *action,
                                                    RaExecutionRequest *request,
                                                    guint               threshold);
/* The entry for the device count; NULL when it is not asked for. */
GtkEditable     *ra_confirm_dialog_get_count_entry (RaConfirmDialog    *self);

G_END_DECLS
