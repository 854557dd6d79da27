/* ra-history.h — every run made from the app, in an SQLite database
 *
 * One database file (normally in the user data directory), with a
 * versioned schema that is migrated when it is opened. Every call does
 * its work in a worker thread and answers on the caller's main context:
 * the main thread never waits for the disk. Two histories on the same
 * file (two windows, or two processes) may write at once.
 *
 * A run is added before its request is sent, with the outcome UNKNOWN,
 * and updated with the answer: a crash or a lost answer leaves "outcome
 * unknown" in the history, never nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-history-run.h"
#include "ra-nql-result.h"

G_BEGIN_DECLS

/* The schema this code writes. */
#define RA_HISTORY_SCHEMA_VERSION 4

#define RA_TYPE_HISTORY (ra_history_get_type ())
G_DECLARE_FINAL_TYPE (RaHistory, ra_history, RA, HISTORY, GObject)

/* Touches nothing on disk; the first call opens the file. */
RaHistory    *ra_history_new                  (const char          *path);
/* The file in the user data directory. */
char         *ra_history_get_default_path     (void);
/* A history on that file. */
RaHistory    *ra_history_new_default          (void);
const char   *ra_history_get_path             (RaHistory           *self);

/* Opens (creating the file and its folder if needed) and migrates. A
 * file that is not a database or is damaged is moved aside and a new one
 * started: ra_history_get_moved_aside () then says where the old one
 * went, so that the user can be told, once. A file from a newer version
 * of the app is left alone, and the history fails with
 * G_IO_ERROR_NOT_SUPPORTED. */
void          ra_history_open_async           (RaHistory           *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      ra_history_open_finish          (RaHistory           *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* Where a damaged file was moved, or NULL. */
const char   *ra_history_get_moved_aside      (RaHistory           *self);
/* The same, but only the first time it is asked after the move: what the
 * user is told, once. */
char         *ra_history_take_moved_aside_notice (RaHistory        *self);

/* ::changed comes when an add or an update through this history is
 * finished. */

/* Writes run with its devices, and gives it its ID. run must not change
 * until the call is finished. */
void          ra_history_add_async            (RaHistory           *self,
                                               RaHistoryRun        *run,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      ra_history_add_finish           (RaHistory           *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* Writes what can change of a run written before: the outcome, the
 * request ID and the status counts. */
void          ra_history_update_async         (RaHistory           *self,
                                               RaHistoryRun        *run,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      ra_history_update_finish        (RaHistory           *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* Newest first, at most limit (0: all). search (NULL or blank: any) must
 * occur, ignoring ASCII case, in the action's name or NQL ID, the request
 * ID, the ticket reference or one of the device IDs; account_id (NULL:
 * any; "" for the demo instance) and outcome (-1: any) narrow it. The runs
 * come without their devices, with their number. */
void          ra_history_list_async           (RaHistory           *self,
                                               const char          *search,
                                               const char          *account_id,
                                               int                  outcome,
                                               guint                limit,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* A GPtrArray of RaHistoryRun. */
GPtrArray    *ra_history_list_finish          (RaHistory           *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* The devices of the run with this ID, in the order sent. */
void          ra_history_get_devices_async    (RaHistory           *self,
                                               gint64               run_id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GStrv         ra_history_get_devices_finish   (RaHistory           *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* The last known status of each device of the run, as the execution
 * results query names it: a GHashTable of collector ID → status, without
 * the devices that have none. */
void          ra_history_get_device_statuses_async  (RaHistory           *self,
                                                     gint64               run_id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GHashTable   *ra_history_get_device_statuses_finish (RaHistory           *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
/* Keeps statuses (collector ID, in any case → status) as the last known
 * of those devices of the run; the others keep theirs. names (nullable;
 * collector ID → device name, as the results query reported it) gives a
 * name to the devices that were run on by ID, so that the history finds
 * the run by it too; a name a device was run on by stays. */
void          ra_history_set_device_statuses_async  (RaHistory           *self,
                                                     gint64               run_id,
                                                     GHashTable          *statuses,
                                                     GHashTable          *names,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean      ra_history_set_device_statuses_finish (RaHistory           *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
/* What the execution results query answered for the run with
 * request_id (result) becomes that run's last known state: each device's
 * status and name, as above, and the run's status counts. Read in a
 * worker thread; result must not change meanwhile (answers never do).
 * G_IO_ERROR_NOT_FOUND when no run has that request ID (one made before
 * the history, or deleted). */
void          ra_history_keep_results_async         (RaHistory           *self,
                                                     const char          *request_id,
                                                     RaNqlResult         *result,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean      ra_history_keep_results_finish        (RaHistory           *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
