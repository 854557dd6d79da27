/* ra-run-again.h — a run from the history back in the form, to run
 * again: the same action, values and devices (or only those that failed
 * or never reported)
 *
 * It never runs anything: it fills the form in, and the user's Run and
 * the confirmation that follows decide. Not a widget: the main window
 * makes one, keeps it until it is done, and shows what it reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-action-list.h"
#include "ra-action-page.h"
#include "ra-history-run.h"
#include "ra-session.h"

G_BEGIN_DECLS

#define RA_TYPE_RUN_AGAIN (ra_run_again_get_type ())
G_DECLARE_FINAL_TYPE (RaRunAgain, ra_run_again, RA, RUN_AGAIN, GObject)

/* devices: what goes into the form, in order. failed_only: they are the
 * devices of run that failed or never reported. Signals:
 *   ::selected — the action is selected in list: the window shows its
 *                page, and hands it to ra_run_again_fill ()
 *   ::done (GStrv notes) — the form is filled in; notes (may be empty)
 *                say what could not be filled in as it was
 *   ::failed (const char *message) — it could not go on, and why */
RaRunAgain *ra_run_again_new        (RaSession          *session,
                                     RaActionList       *list,
                                     RaHistoryRun       *run,
                                     const char * const *devices,
                                     gboolean            failed_only);
/* Switches to the run's account when it is not the one in use, then
 * selects the action. FALSE, with a message for the user, when it cannot
 * start: the account is gone. */
gboolean    ra_run_again_start      (RaRunAgain         *self,
                                     GError            **error);
/* Fills the form of page in once it shows the action's details. */
void        ra_run_again_fill       (RaRunAgain         *self,
                                     RaActionPage       *page);
/* Stops waiting; nothing more is reported. */
void        ra_run_again_cancel     (RaRunAgain         *self);
RaHistoryRun *ra_run_again_get_run  (RaRunAgain         *self);
gboolean    ra_run_again_get_failed_only (RaRunAgain    *self);
guint       ra_run_again_get_n_devices   (RaRunAgain    *self);

G_END_DECLS
