/* ra-nql-fetch.h — an NQL query's whole result, through the export API
 * when one execute answer cannot hold it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_NQL_FETCH (ra_nql_fetch_get_type ())
G_DECLARE_FINAL_TYPE (RaNqlFetch, ra_nql_fetch, RA, NQL_FETCH, GObject)

typedef enum
{
  RA_NQL_FETCH_STAGE_IDLE,
  RA_NQL_FETCH_STAGE_QUERYING,     /* NQL execute */
  RA_NQL_FETCH_STAGE_EXPORTING,    /* the export runs on the server */
  RA_NQL_FETCH_STAGE_DOWNLOADING,  /* its results file: bytes-received of bytes-total */
  RA_NQL_FETCH_STAGE_READING,      /* the file, parsed in a worker thread */
  RA_NQL_FETCH_STAGE_DONE,         /* finished, whichever way */
} RaNqlFetchStage;

GType ra_nql_fetch_stage_get_type (void);
#define RA_TYPE_NQL_FETCH_STAGE (ra_nql_fetch_stage_get_type ())

/* The most a results file may weigh by default; larger ones are refused
 * with RA_ERROR_RESPONSE_TOO_LARGE. */
#define RA_NQL_FETCH_DEFAULT_MAX_FILE_SIZE (100 * 1024 * 1024)

/* parameters: string → string, may be NULL; copied. */
RaNqlFetch      *ra_nql_fetch_new                (RaClient            *client,
                                                  const char          *query_id,
                                                  GHashTable          *parameters);
void             ra_nql_fetch_set_max_file_size  (RaNqlFetch          *self,
                                                  gsize                max_size);

/* Runs the query with NQL execute. When the answer holds as many rows as
 * execute ever answers (RA_NQL_EXECUTE_MAX_ROWS) or says it has more,
 * runs it again through the export API: POST /api/v1/nql/export, its
 * status polled at a growing interval (429 and Retry-After honoured), and
 * the results file downloaded from the URL the status gives. That file is
 * on another host: it is fetched with no Authorization header and no
 * cookies, over https:// only (http:// only on a loopback address), with
 * no redirect followed, and at most max-file-size bytes; it is parsed in a
 * worker thread. The result is an RaNqlResult either way; an exported one
 * says so (ra_nql_result_get_exported ()). A fetch runs once. */
void             ra_nql_fetch_run_async          (RaNqlFetch          *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
RaNqlResult     *ra_nql_fetch_run_finish         (RaNqlFetch          *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* Progress, each a property with notify, on the main context the fetch
 * was run from. */
RaNqlFetchStage  ra_nql_fetch_get_stage          (RaNqlFetch          *self);
guint64          ra_nql_fetch_get_bytes_received (RaNqlFetch          *self);
/* 0 while unknown. */
guint64          ra_nql_fetch_get_bytes_total    (RaNqlFetch          *self);

G_END_DECLS
