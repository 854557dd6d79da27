/* ra-session-run.h — one execution started during this session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_SESSION_RUN (ra_session_run_get_type ())
G_DECLARE_FINAL_TYPE (RaSessionRun, ra_session_run, RA, SESSION_RUN, GObject)

RaSessionRun *ra_session_run_new                    (const char   *action_id,
                                                     const char   *action_name,
                                                     const char   *request_id,
                                                     guint         n_devices,
                                                     guint         expires_in_minutes);
RaSessionRun *ra_session_run_new_unknown            (const char   *action_id,
                                                     const char   *action_name,
                                                     guint         n_devices);
/* STARTED, or UNKNOWN for a run that may have started. */
RaExecutionOutcome ra_session_run_get_outcome       (RaSessionRun *self);
const char   *ra_session_run_get_action_id          (RaSessionRun *self);
const char   *ra_session_run_get_action_name        (RaSessionRun *self);
/* NULL when the outcome is unknown. */
const char   *ra_session_run_get_request_id         (RaSessionRun *self);
guint         ra_session_run_get_n_devices          (RaSessionRun *self);
/* What the server answered; 0 when it did not say. */
guint         ra_session_run_get_expires_in_minutes (RaSessionRun *self);
GDateTime    *ra_session_run_get_started            (RaSessionRun *self);

G_END_DECLS
