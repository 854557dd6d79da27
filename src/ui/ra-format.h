/* ra-format.h — words for the values the API gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ra-nql-fetch.h"
#include "ra-refresh-schedule.h"
#include "ra-types.h"

G_BEGIN_DECLS

char *ra_format_purpose   (RaPurpose purpose);
/* The purposes as the server gave them: the documented ones in words,
 * any other as written, "Not known" when it gave none. */
char *ra_format_action_purpose (RaRemoteAction *action);
/* "2 days 3 hours", "45 minutes" */
char *ra_format_minutes   (guint     minutes);
char *ra_format_seconds   (gint64    seconds);
/* Either may be RA_TRISTATE_UNKNOWN, which is said as such. */
char *ra_format_platforms (RaTristate windows,
                           RaTristate macos);
/* "Yes", "No" or "Not known" */
const char *ra_format_tristate (RaTristate value);
/* Where an action comes from, in words ("Custom", "Nexthink Library"),
 * with its content version when given; an origin the documentation
 * does not name as written, "Not known" when there is none. */
char *ra_format_origin    (const char *origin,
                           const char *version);
/* The type of an output's value in words ("Text", "Duration in
 * milliseconds"); a type this app does not know as written. */
char *ra_format_output_type (const char *type);
/* A moment in the user's time zone, with its date: "2 Dec 2026, 16:30:05" */
char *ra_format_date_time (GDateTime *time);
/* A duration given in milliseconds, to the second past a minute:
 * "350 ms", "4.2 s", "1 min 5 s", "2 h 3 min" */
char *ra_format_duration_ms (guint64 millis);
/* The value of an output of type (as ra_action_output_get_output_type ()
 * says it) as the NQL answer's text gives it, as people read it:
 * durations in words, Yes or No, sizes ("1.2 GB"), lists with commas,
 * times local with their date; text that does not read as its type, or
 * a type this app does not know, as it is. */
char *ra_format_output_value (const char *type,
                              const char *text);
/* When results were read (updated, local) from query_id, and what
 * comes next: "Updated at 12:04:05 from #query · next update in 20
 * seconds" while a refresh is timed (seconds_left), or that the run
 * settled or expired. */
char *ra_format_refresh_status (GDateTime      *updated,
                                const char     *query_id,
                                RaRefreshState  state,
                                gint64          seconds_left);
/* "Started", "Not sent", "Outcome unknown" */
const char *ra_format_outcome (RaExecutionOutcome outcome);

/* How far a fetch of many rows through the export is, for a label:
 * "Downloading the results: 1.2 MB of 3.4 MB…"; NULL while it only
 * queries, and before and after. */
char *ra_format_fetch_progress (RaNqlFetch *fetch);

G_END_DECLS
