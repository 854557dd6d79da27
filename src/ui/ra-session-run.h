/* ra-session-run.h — one execution started during this session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-client.h"
#include "ra-execution-request.h"
#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_SESSION_RUN (ra_session_run_get_type ())
G_DECLARE_FINAL_TYPE (RaSessionRun, ra_session_run, RA, SESSION_RUN, GObject)

/* A run that started: what was sent (kept, so that a repeat of it can
 * be told), the instance it went to (target: any text that tells
 * instances apart), and when the server answered. */
RaSessionRun *ra_session_run_new                    (RaExecutionRequest *request,
                                                     const char   *action_name,
                                                     const char   *target,
                                                     const char   *request_id,
                                                     guint         expires_in_minutes,
                                                     GDateTime    *started);
/* A run that may have started: it has no request ID. */
RaSessionRun *ra_session_run_new_unknown            (RaExecutionRequest *request,
                                                     const char   *action_name,
                                                     const char   *target,
                                                     GDateTime    *started);
/* STARTED, or UNKNOWN for a run that may have started. */
RaExecutionOutcome ra_session_run_get_outcome       (RaSessionRun *self);
const char   *ra_session_run_get_action_id          (RaSessionRun *self);
const char   *ra_session_run_get_action_name        (RaSessionRun *self);
/* NULL when the outcome is unknown. */
const char   *ra_session_run_get_request_id         (RaSessionRun *self);
guint         ra_session_run_get_n_devices          (RaSessionRun *self);
/* The collector IDs the run was sent to. */
const char * const *ra_session_run_get_devices      (RaSessionRun *self);
/* What the server answered; 0 when it did not say. */
guint         ra_session_run_get_expires_in_minutes (RaSessionRun *self);
GDateTime    *ra_session_run_get_started            (RaSessionRun *self);
/* What tells the instance of client apart from others, as target: the
 * same devices on another instance are other devices. */
char         *ra_session_run_dup_target             (RaClient     *client);
/* Whether request would do again what this run did: the same action
 * with the same parameter values on the same devices (in any order),
 * on the same instance. Expiry, reason and ticket do not count. */
gboolean      ra_session_run_repeats                (RaSessionRun *self,
                                                     RaExecutionRequest *request,
                                                     const char   *target);
/* The newest run of runs (a GListModel of RaSessionRun, newest first)
 * that request would repeat (owned by runs), or NULL. */
RaSessionRun *ra_session_run_find_repeated          (GListModel   *runs,
                                                     RaExecutionRequest *request,
                                                     const char   *target);

G_END_DECLS
