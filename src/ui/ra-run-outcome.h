/* ra-run-outcome.h — what became of the last run: its request ID, or why
 * it did not start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RA_TYPE_RUN_OUTCOME (ra_run_outcome_get_type ())
G_DECLARE_FINAL_TYPE (RaRunOutcome, ra_run_outcome, RA, RUN_OUTCOME, AdwBin)

GtkWidget  *ra_run_outcome_new               (void);
void        ra_run_outcome_clear             (RaRunOutcome *self);
/* Both scroll the outcome into view and move the focus to it. */
void        ra_run_outcome_show_error        (RaRunOutcome *self,
                                              const char   *message);
/* expires_in_minutes is what the server answered (0: it did not say);
 * asked_minutes what was asked for (0: the server's default). */
void        ra_run_outcome_show_result       (RaRunOutcome *self,
                                              const char   *request_id,
                                              guint         n_devices,
                                              guint         expires_in_minutes,
                                              guint         asked_minutes);
/* The error shown, or NULL. */
const char *ra_run_outcome_get_error_message (RaRunOutcome *self);
/* The request ID shown, or NULL. */
const char *ra_run_outcome_get_request_id    (RaRunOutcome *self);
const char *ra_run_outcome_get_expiry_text   (RaRunOutcome *self);

G_END_DECLS
