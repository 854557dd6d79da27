/* ra-run-results.h — what the execution results query says of each
 * device of a run from the history
 *
 * Read through the session's client, and only when that is the run's
 * own account: another instance knows nothing of the run, and asking it
 * would send the request ID where it does not belong. When the results
 * cannot be read, the message says why, for the user; nothing here is
 * ever guessed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-history-run.h"
#include "ra-nql-result.h"
#include "ra-session.h"

G_BEGIN_DECLS

typedef enum
{
  RA_RUN_RESULTS_STATE_UNAVAILABLE,   /* the message says why */
  RA_RUN_RESULTS_STATE_LOADING,
  RA_RUN_RESULTS_STATE_LOADED,
  RA_RUN_RESULTS_STATE_ERROR,         /* the message says what went wrong */
} RaRunResultsState;

#define RA_TYPE_RUN_RESULTS (ra_run_results_get_type ())
G_DECLARE_FINAL_TYPE (RaRunResults, ra_run_results, RA, RUN_RESULTS, GObject)

/* Reads with the session's results query. Nothing is asked before
 * ra_run_results_load (). "state" is a property, with notify. */
RaRunResults      *ra_run_results_new         (RaSession    *session,
                                               RaHistoryRun *run);
/* Asks (again), or says why it cannot. */
void               ra_run_results_load        (RaRunResults *self);
/* Stops what is under way. */
void               ra_run_results_cancel      (RaRunResults *self);
RaRunResultsState  ra_run_results_get_state   (RaRunResults *self);
/* Why the results are not there, or NULL. */
const char        *ra_run_results_get_message (RaRunResults *self);
/* The answer, once LOADED. */
RaNqlResult       *ra_run_results_get_result  (RaRunResults *self);
RaHistoryRun      *ra_run_results_get_run     (RaRunResults *self);
/* The status of a device (by collector ID, in any case) as the answer
 * names it ("success"), or NULL when the answer has none for it. */
const char        *ra_run_results_get_status  (RaRunResults *self,
                                               const char   *device);
/* Every status of the answer: collector ID in lower case → status. */
GHashTable        *ra_run_results_get_statuses (RaRunResults *self);
/* The name of each device the answer names: collector ID in lower case
 * → device name. */
GHashTable        *ra_run_results_get_names    (RaRunResults *self);

/* Whether the session is connected to the account run was made with. */
gboolean           ra_run_results_session_has_run_account (RaSession    *session,
                                                           RaHistoryRun *run);

G_END_DECLS
