/* ra-run-dispatch.h — one confirmed run, from the history's record to the
 * server's answer
 *
 * It writes the run to the session's history as "outcome unknown", sends
 * the request, records the answer, and keeps the run in the list of this
 * session's runs. It lives until the answer came, whatever happens to the
 * form that started it: an execute that may have reached the server is
 * never dropped. While it runs, the application is held.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-client.h"
#include "ra-clock.h"
#include "ra-execution-request.h"
#include "ra-execution-result.h"
#include "ra-session.h"

G_BEGIN_DECLS

#define RA_TYPE_RUN_DISPATCH (ra_run_dispatch_get_type ())
G_DECLARE_FINAL_TYPE (RaRunDispatch, ra_run_dispatch, RA, RUN_DISPATCH, GObject)

/* session (for the history and the account) and runs (a GListStore of
 * RaSessionRun the run goes into) may be NULL. */
RaRunDispatch *ra_run_dispatch_new       (RaClient           *client,
                                          RaSession          *session,
                                          RaExecutionRequest *request,
                                          const char         *action_name,
                                          GListStore         *runs,
                                          RaClock            *clock);
/* Records, then sends. Signals:
 * ::notice (text) — something the user should hear of that does not stop
 *   the run (the history could not be written, or was started anew);
 * ::finished (outcome, result or NULL, error or NULL) — the answer; a
 *   handler returns TRUE when it showed it. When none did (the window is
 *   gone), the outcome goes to the desktop as a notification. */
void           ra_run_dispatch_set_device_names (RaRunDispatch *self,
                                                 GHashTable    *names);
void           ra_run_dispatch_start     (RaRunDispatch      *self);

const char    *ra_run_dispatch_get_action_id  (RaRunDispatch *self);
const char    *ra_run_dispatch_get_action_name (RaRunDispatch *self);
guint          ra_run_dispatch_get_n_devices  (RaRunDispatch *self);
guint          ra_run_dispatch_get_asked_minutes (RaRunDispatch *self);

G_END_DECLS
