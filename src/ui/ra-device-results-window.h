/* ra-device-results-window.h — what happened on each device of a run, as
 * the execution results query of Nexthink reports it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-client.h"
#include "ra-device-results-model.h"
#include "ra-nql-queries.h"
#include "ra-nql-result.h"
#include "ra-session.h"

G_BEGIN_DECLS

/* What the window shows; each value's nick names its page of the stack. */
typedef enum
{
  RA_DEVICE_RESULTS_WINDOW_STATE_UNCONFIGURED,
  RA_DEVICE_RESULTS_WINDOW_STATE_LOADING,
  RA_DEVICE_RESULTS_WINDOW_STATE_ERROR,
  RA_DEVICE_RESULTS_WINDOW_STATE_EMPTY,
  RA_DEVICE_RESULTS_WINDOW_STATE_RESULTS,
} RaDeviceResultsWindowState;

#define RA_TYPE_DEVICE_RESULTS_WINDOW_STATE (ra_device_results_window_state_get_type ())
GType ra_device_results_window_state_get_type (void) G_GNUC_CONST;


#define RA_TYPE_DEVICE_RESULTS_WINDOW (ra_device_results_window_get_type ())
G_DECLARE_FINAL_TYPE (RaDeviceResultsWindow, ra_device_results_window, RA, DEVICE_RESULTS_WINDOW, AdwWindow)

/* Reads through the client of session, which must be connected; closes
 * when the session moves to another client (signed out, or switched to
 * another account: the results must not keep asking with the old
 * credentials). The query ID is the session's
 * (ra_session_get_results_query_id ()), followed as it changes.
 * n_devices: how many devices the run was sent to (0: unknown). Loads at
 * once. */
RaDeviceResultsWindow *ra_device_results_window_new               (RaSession             *session,
                                                                   const char            *request_id,
                                                                   const char            *action_name,
                                                                   guint                  n_devices);
/* Shows the results of request_id above the window of from: the window
 * already open for it and the session's client if there is one
 * (refreshed), a new one otherwise. */
RaDeviceResultsWindow *ra_device_results_window_present_for       (GtkWidget             *from,
                                                                   RaSession             *session,
                                                                   const char            *request_id,
                                                                   const char            *action_name,
                                                                   guint                  n_devices);
/* What is known of the run: when it started and for how many minutes
 * its request lasts (NULL or 0: not known; while the request lasts, the
 * results refresh by themselves until every device finished), the
 * collector IDs it was sent to (NULL: not known), and the action's
 * outputs (a GListModel of RaActionOutput; NULL: not known). */
void                   ra_device_results_window_set_run           (RaDeviceResultsWindow *self,
                                                                   GDateTime             *started,
                                                                   guint                  expires_in_minutes,
                                                                   const char * const    *devices,
                                                                   GListModel            *outputs);
/* Reads the details of the action (its NQL ID) for the names and types
 * of its outputs, when they are not at hand: a run from the history. */
void                   ra_device_results_window_read_outputs      (RaDeviceResultsWindow *self,
                                                                   const char            *action_id);
/* Asks again; what is shown stays until the answer comes. */
void                   ra_device_results_window_refresh           (RaDeviceResultsWindow *self);
const char            *ra_device_results_window_get_request_id    (RaDeviceResultsWindow *self);
/* NULL when no query is set up. */
const char            *ra_device_results_window_get_query_id      (RaDeviceResultsWindow *self);
/* What the window shows. */
RaDeviceResultsWindowState ra_device_results_window_get_state   (RaDeviceResultsWindow *self);
gboolean               ra_device_results_window_get_loading       (RaDeviceResultsWindow *self);
/* The last answer, or NULL. */
RaNqlResult           *ra_device_results_window_get_result        (RaDeviceResultsWindow *self);
const char            *ra_device_results_window_get_summary       (RaDeviceResultsWindow *self);
/* The note that the result may be cut at the row limit; NULL when not shown. */
const char            *ra_device_results_window_get_incomplete_note (RaDeviceResultsWindow *self);
/* The error shown, or NULL. */
const char            *ra_device_results_window_get_error_message (RaDeviceResultsWindow *self);
/* The explanation shown when no query is set up. */
const char            *ra_device_results_window_get_setup_text    (RaDeviceResultsWindow *self);
/* The devices of the last answer, as RaDeviceResultItem, in its order,
 * then those of the run it has no row for; whatever the filter. */
GListModel            *ra_device_results_window_get_devices       (RaDeviceResultsWindow *self);
/* The counts, the filter, and the devices the filter lets through. */
RaDeviceResultsModel  *ra_device_results_window_get_model         (RaDeviceResultsWindow *self);
GtkListView           *ra_device_results_window_get_device_list   (RaDeviceResultsWindow *self);

G_END_DECLS
