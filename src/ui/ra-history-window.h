/* ra-history-window.h — every run made from the app, newest first
 *
 * Searchable by action, request ID, ticket reference, device ID or name, and
 * filtered by account and outcome; a run opens its detail. Run Again in
 * the detail is ::run-again (RaHistoryRun *run, GStrv devices, gboolean
 * failed_only), for the main window, which fills its form in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-history.h"
#include "ra-session.h"

G_BEGIN_DECLS

typedef enum
{
  RA_HISTORY_WINDOW_STATE_LOADING,
  RA_HISTORY_WINDOW_STATE_EMPTY,      /* no run yet */
  RA_HISTORY_WINDOW_STATE_NO_MATCH,   /* none the search and filters let through */
  RA_HISTORY_WINDOW_STATE_LIST,
  RA_HISTORY_WINDOW_STATE_ERROR,
} RaHistoryWindowState;

#define RA_TYPE_HISTORY_WINDOW_STATE (ra_history_window_state_get_type ())
GType ra_history_window_state_get_type (void) G_GNUC_CONST;

#define RA_TYPE_HISTORY_WINDOW (ra_history_window_get_type ())
G_DECLARE_FINAL_TYPE (RaHistoryWindow, ra_history_window, RA, HISTORY_WINDOW, AdwWindow)

/* Shows the window of this session's history, over parent; one per
 * session: a second call presents the first. */
RaHistoryWindow      *ra_history_window_present_for  (GtkWindow       *parent,
                                                      RaSession       *session);

RaHistoryWindowState  ra_history_window_get_state    (RaHistoryWindow *self);
/* The runs shown, as RaHistoryRun. */
GListModel           *ra_history_window_get_runs     (RaHistoryWindow *self);
GtkSearchEntry       *ra_history_window_get_search_entry (RaHistoryWindow *self);
/* -1 for any, else an RaExecutionOutcome. */
void                  ra_history_window_set_outcome_filter (RaHistoryWindow *self,
                                                            int              outcome);
/* NULL for any, "" for the demo instance, else an account ID. */
void                  ra_history_window_set_account_filter (RaHistoryWindow *self,
                                                            const char      *account_id);
/* Opens the detail of the run at position, as activating its row does. */
void                  ra_history_window_show_run     (RaHistoryWindow *self,
                                                      guint            position);
/* The run whose detail is shown, or NULL. */
RaHistoryRun         *ra_history_window_get_shown_run (RaHistoryWindow *self);

/* Writes the runs listed (with the search and filters applied) to file
 * as CSV, and tells the user how it went; what the history.export
 * action (Ctrl+E) does with the file the user chose. */
void                  ra_history_window_export_runs_async  (RaHistoryWindow     *self,
                                                            GFile               *file,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean              ra_history_window_export_runs_finish (RaHistoryWindow     *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

G_END_DECLS
