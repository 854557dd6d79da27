/* ra-format.h — words for the values the API gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

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
/* "Started", "Not sent", "Outcome unknown" */
const char *ra_format_outcome (RaExecutionOutcome outcome);

G_END_DECLS
