/* ra-device-results-csv.h — one run's device results as a CSV table,
 * and which of its devices failed or never reported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ra-nql-result.h"

G_BEGIN_DECLS

/* The column of the answer that holds each device's collector ID
 * ("device.collector.uid", else any "…collector…uid" or "…uid"), or NULL. */
const char *ra_nql_result_find_uid_column (RaNqlResult *result);

/* Each device of the answer by its collector ID, in lower case: into
 * statuses its status, into names (may be NULL) its name when the answer
 * has one apart from the ID. Both tables are emptied first; they own
 * their keys and values (g_free). */
void        ra_nql_result_index_devices   (RaNqlResult *result,
                                           GHashTable  *statuses,
                                           GHashTable  *names);

/* What the execution results query answered for one run, a row per
 * device: device, uid, status, details, time, then each output by its
 * name ("remote_action.execution.outputs.Status" → "Status"), as the
 * answer has them. The header row is the same in every language. */
GBytes     *ra_device_results_to_csv      (RaNqlResult *result);

/* Of devices (collector IDs, as sent), those whose status is a failure
 * (expiry included) and those that have no row in result: the ones to
 * run again on, in their order. Once the run's request expired
 * (expired), a device still pending never reported, and is one of them;
 * before, *n_pending (may be NULL) counts those left out because they
 * have not finished. FALSE, with error, when the answer cannot tell: no
 * status or collector ID column, or a result that may have been cut at
 * the row limit. */
gboolean    ra_device_results_find_failed (RaNqlResult         *result,
                                           const char * const  *devices,
                                           gboolean             expired,
                                           GStrv               *failed,
                                           guint               *n_pending,
                                           GError             **error);

G_END_DECLS
