/* ra-execution-status.h — making sense of the rows an execution results
 * query returns, whatever the query's author named its columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ra-nql-result.h"

G_BEGIN_DECLS

typedef enum
{
  RA_EXECUTION_STATUS_OTHER,
  RA_EXECUTION_STATUS_SUCCEEDED,
  RA_EXECUTION_STATUS_FAILED,
  RA_EXECUTION_STATUS_PENDING,
  RA_EXECUTION_STATUS_N_VALUES,
} RaExecutionStatus;

#define RA_NQL_QUERY_ID_MAX_LENGTH 255

/* The NQL API's pattern for query IDs, ^#[a-z0-9_]{2,255}$, within its
 * maxLength of 255 characters in all. */
gboolean          ra_nql_query_id_is_valid          (const char  *query_id);

/* "success", "Failed", "in_progress"… → what it means; OTHER when the
 * value is not recognised (or NULL). */
RaExecutionStatus ra_execution_status_from_string   (const char  *value);

/* The column that holds each device's status ("…status", not
 * "…status_details"), or NULL when there is none. */
const char       *ra_nql_result_find_status_column  (RaNqlResult *result);
/* The column that best names each device ("device.name", then any
 * "…device…" column, then any "…name"); the first column otherwise;
 * NULL only when there are no columns. */
const char       *ra_nql_result_find_device_column  (RaNqlResult *result);

/* Counts the rows by what their status means. counts has
 * RA_EXECUTION_STATUS_N_VALUES elements. */
void              ra_nql_result_count_statuses      (RaNqlResult *result,
                                                     const char  *status_column,
                                                     guint       *counts);

/* "remote_action.execution.status_details" → "Status details",
 * "device.collector.uid" → "Collector UID": a column name as a label,
 * translated for the columns the app's results query lists. */
char             *ra_nql_column_label               (const char  *column);
/* "in_progress" → "In progress": a raw status value, fit for a label,
 * translated for the statuses the app knows. */
char             *ra_execution_status_label         (const char  *value);

G_END_DECLS
