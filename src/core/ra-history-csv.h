/* ra-history-csv.h — runs of the history as a CSV table
 *
 * The file is for other programs as much as for people: its header row
 * and the outcome words are the same in every language, and times are
 * ISO 8601 with their offset from UTC.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* runs: RaHistoryRun, in the order written. One row each: time (local,
 * with offset), account, instance, region, action name and NQL ID,
 * request ID, outcome ("started", "not-sent", "unknown"), number of
 * devices, one column per status any of the runs has a count for
 * ("status: success"), reason, ticket reference. */
GBytes *ra_history_runs_to_csv (GListModel *runs);

G_END_DECLS
