/* ra-history-private.h — what the history's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "ra-history.h"

G_BEGIN_DECLS

/* Opens path (making its folder), checks it and migrates it to
 * RA_HISTORY_SCHEMA_VERSION. A damaged file is moved aside, to
 * *moved_aside, and a new one made. Call it in a worker thread. */
sqlite3  *ra_history_open_file (const char  *path,
                                char       **moved_aside,
                                GError     **error);

/* Runs sql; on failure sets error to say the history could not be
 * written. */
gboolean  ra_history_exec      (sqlite3     *db,
                                const char  *sql,
                                GError     **error);
/* Status → count (GUINT_TO_POINTER), as the runs table keeps them; NULL
 * for NULL. */
char     *ra_history_counts_to_json (GHashTable *counts);

typedef enum
{
  RA_HISTORY_OPENING,
  RA_HISTORY_READING,
  RA_HISTORY_WRITING,
} RaHistoryDoing;

/* Sets error to say that the history could not be opened, read or
 * written, with SQLite's message; returns FALSE. */
gboolean  ra_history_set_error (GError         **error,
                                sqlite3         *db,
                                RaHistoryDoing   doing);

/* A call's work, in a worker thread with the connection open and to
 * itself; returns the call's result, or NULL with error set. */
typedef gpointer (*RaHistoryJob) (RaHistory  *self,
                                  gpointer    data,
                                  GError    **error);

/* Runs job with data in a worker thread (data_free frees data after);
 * the task's source tag is tag, its result freed by result_free. */
void      ra_history_start_call  (RaHistory           *self,
                                  gpointer             tag,
                                  RaHistoryJob         job,
                                  gpointer             data,
                                  GDestroyNotify       data_free,
                                  GDestroyNotify       result_free,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gpointer  ra_history_finish_call (RaHistory           *self,
                                  GAsyncResult        *result,
                                  gpointer             tag,
                                  GError             **error);
/* The connection, for a job. */
sqlite3  *ra_history_get_db      (RaHistory           *self);

/* How the database names an outcome, and the CSV export too:
 * "not-sent", "started" or "unknown". */
const char *ra_history_outcome_to_string (RaExecutionOutcome outcome);

G_END_DECLS
