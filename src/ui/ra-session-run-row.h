/* ra-session-run-row.h — a run of this session in the page's list: what
 * ran, when, on how many devices, with its request ID to copy and its
 * device results to open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-session-run.h"

G_BEGIN_DECLS

#define RA_TYPE_SESSION_RUN_ROW (ra_session_run_row_get_type ())
G_DECLARE_FINAL_TYPE (RaSessionRunRow, ra_session_run_row, RA, SESSION_RUN_ROW, AdwActionRow)

/* The buttons activate page.copy-request-id and page.device-results with
 * the run's request ID. */
GtkWidget    *ra_session_run_row_new     (RaSessionRun    *run);
RaSessionRun *ra_session_run_row_get_run (RaSessionRunRow *self);

G_END_DECLS
