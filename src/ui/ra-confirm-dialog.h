/* ra-confirm-dialog.h — "run this action on these devices?"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-execution-request.h"
#include "ra-remote-action.h"
#include "ra-session.h"
#include "ra-session-run.h"

G_BEGIN_DECLS

#define RA_TYPE_CONFIRM_DIALOG (ra_confirm_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RaConfirmDialog, ra_confirm_dialog, RA, CONFIRM_DIALOG, AdwMessageDialog)

/* Response IDs. */
#define RA_CONFIRM_RESPONSE_CANCEL "cancel"
#define RA_CONFIRM_RESPONSE_RUN    "run"

/* The heading names the instance that session's client talks to (NULL:
 * none is named). Above threshold devices the user types the number of
 * devices before the run response is enabled. */
RaConfirmDialog *ra_confirm_dialog_new             (GtkWindow          *parent,
                                                    RaRemoteAction     *action,
                                                    RaExecutionRequest *request,
                                                    RaSession          *session,
                                                    guint               threshold);
/* The entry for the device count; NULL when it is not asked for. */
GtkEditable     *ra_confirm_dialog_get_count_entry (RaConfirmDialog    *self);
/* run: an earlier run of this session that the request would repeat
 * (NULL: none), said with how long ago it was at now. A repeat is not
 * run by Enter. */
void             ra_confirm_dialog_set_repeated_run (RaConfirmDialog   *self,
                                                     RaSessionRun      *run,
                                                     GDateTime         *now);
/* names_by_uid: collector ID → the device name it was typed as. The
 * devices are then listed with their names first, "PC-042 (1b2c6d0e…)". */
void             ra_confirm_dialog_set_device_names (RaConfirmDialog *self,
                                                     GHashTable      *names_by_uid);
/* The warning about a repeat, or NULL when none is shown. */
const char      *ra_confirm_dialog_get_repeat_warning (RaConfirmDialog *self);

G_END_DECLS
