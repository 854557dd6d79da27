/* ra-nql-queries.h — the NQL queries the app asks Nexthink to run: their
 * IDs on the demo instance, the text to create them with, their
 * parameters, and the rules for a query ID
 *
 * Nexthink runs through its NQL API only queries that an administrator
 * defined beforehand, each under a query ID; an account names the IDs of
 * its instance (ra_account_get_results_query_id (),
 * ra_account_get_lookup_query_id ()). The texts below are what to create
 * there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ra-execution-status.h"

G_BEGIN_DECLS

/* The demo instance has both queries set up under these IDs. */
#define RA_DEMO_EXECUTIONS_QUERY "#remote_action_executions"
#define RA_DEMO_LOOKUP_QUERY     "#device_lookup"
/* The demo instance's devices, the only ones that report back there. */
#define RA_DEMO_DEVICES_QUERY    "#demo_devices"

/* What happened on each device of a run: one row per device, for the
 * request ID that POST /act/execute answered. A run's devices may report
 * until it expires, up to 7 days later, and the run is looked up again
 * from the history after that: the window is the longest that executions
 * are kept. */
#define RA_NQL_RESULTS_PARAMETER "request_id"
#define RA_NQL_RESULTS_QUERY_TEXT                                          \
  "remote_action.executions during past 30d\n"                             \
  "| where request_id == $" RA_NQL_RESULTS_PARAMETER "\n"                  \
  "| list device.name, device.collector.uid, status, status_details, time, outputs\n" \
  "| sort time desc"

/* The devices of a given name with their collector IDs, to target them:
 * no row when no device has the name, several when more than one has. */
#define RA_NQL_LOOKUP_PARAMETER "device_name"
#define RA_NQL_LOOKUP_QUERY_TEXT                                           \
  "devices\n"                                                              \
  "| where device.name == $" RA_NQL_LOOKUP_PARAMETER "\n"                  \
  "| list device.name, device.collector.uid"

/* Like ra_nql_query_id_is_valid () (in ra-execution-status.h), with an
 * RA_ERROR_INVALID_INPUT that tells the user what is wrong with it. */
gboolean ra_nql_query_id_check (const char  *query_id,
                                GError     **error);

G_END_DECLS
