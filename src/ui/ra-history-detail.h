/* ra-history-detail.h — one run of the history, in full: what was sent,
 * how each device did, and the ways to run it again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-history.h"
#include "ra-run-results.h"
#include "ra-session.h"

G_BEGIN_DECLS

#define RA_TYPE_HISTORY_DETAIL (ra_history_detail_get_type ())
G_DECLARE_FINAL_TYPE (RaHistoryDetail, ra_history_detail, RA, HISTORY_DETAIL, AdwBin)

/* Widget actions, on the rows of the detail:
 *   detail.run-again         — ::run-again with every device of the run
 *   detail.run-again-failed  — ::run-again with the devices that failed
 *                              or never reported; disabled, and the row
 *                              says why, while they are not known
 *   detail.device-results    — the device results window of the run
 *   detail.export-results    — the device results as CSV
 * ::run-again (GStrv devices, gboolean failed_only) asks for the form to
 * be filled in with the run; it never runs anything. */

/* The results are read through session's client (NULL: none). */
void          ra_history_detail_set_session (RaHistoryDetail *self,
                                             RaSession       *session);
/* Shows run (NULL: nothing), reading its devices from history. */
void          ra_history_detail_set_run     (RaHistoryDetail *self,
                                             RaHistory       *history,
                                             RaHistoryRun    *run);
RaHistoryRun *ra_history_detail_get_run     (RaHistoryDetail *self);
/* The devices read, or NULL while they are read. */
const char * const *ra_history_detail_get_devices (RaHistoryDetail *self);
/* The device results of the run shown, or NULL. */
RaRunResults *ra_history_detail_get_results (RaHistoryDetail *self);
/* What the row of detail.run-again-failed says. */
const char   *ra_history_detail_get_failed_note (RaHistoryDetail *self);

/* Writes the device results read (there must be some) to file as CSV,
 * and tells the user how it went; what detail.export-results does with
 * the file chosen. */
void          ra_history_detail_export_results_async  (RaHistoryDetail     *self,
                                                       GFile               *file,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean      ra_history_detail_export_results_finish (RaHistoryDetail     *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
