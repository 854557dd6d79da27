/* ra-run-outcome.h — what became of the last run: started (its request
 * ID), certainly not started, or perhaps started
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_RUN_OUTCOME (ra_run_outcome_get_type ())
G_DECLARE_FINAL_TYPE (RaRunOutcome, ra_run_outcome, RA, RUN_OUTCOME, AdwBin)

GtkWidget  *ra_run_outcome_new               (void);
void        ra_run_outcome_clear             (RaRunOutcome *self);
/* Each scrolls the outcome into view and moves the focus to it.
 * outcome: NOT_SENT or UNKNOWN; error says why. */
void        ra_run_outcome_show_failure      (RaRunOutcome       *self,
                                              RaExecutionOutcome  outcome,
                                              const GError       *error);
/* expires_in_minutes is what the server answered (0: it did not say);
 * asked_minutes what was asked for (0: the server's default). */
void        ra_run_outcome_show_result       (RaRunOutcome *self,
                                              const char   *request_id,
                                              guint         n_devices,
                                              guint         expires_in_minutes,
                                              guint         asked_minutes);
/* The failure shown (its reason and what to do next), or NULL. */
const char *ra_run_outcome_get_error_message (RaRunOutcome *self);
/* The title of what is shown: "Started", "Outcome Unknown"…, or NULL. */
const char *ra_run_outcome_get_title         (RaRunOutcome *self);
/* The request ID shown, or NULL. */
const char *ra_run_outcome_get_request_id    (RaRunOutcome *self);
const char *ra_run_outcome_get_expiry_text   (RaRunOutcome *self);

/* A run's outcome in a line, for a toast: "“Clear DNS cache” started on
 * 3 devices". */
char          *ra_run_outcome_describe         (RaExecutionOutcome  outcome,
                                                const char         *action_name,
                                                guint               n_devices);
/* The same for the desktop, with the request ID or what went wrong
 * (error, for any outcome but STARTED). */
GNotification *ra_run_outcome_new_notification (RaExecutionOutcome  outcome,
                                                const char         *action_name,
                                                guint               n_devices,
                                                const char         *request_id,
                                                const GError       *error);

G_END_DECLS
