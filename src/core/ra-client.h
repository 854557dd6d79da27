/* ra-client.h — the Nexthink Remote Actions and NQL API client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_CLIENT (ra_client_get_type ())
G_DECLARE_FINAL_TYPE (RaClient, ra_client, RA, CLIENT, GObject)

/* Catalogues larger than this are refused with RA_ERROR_RESPONSE_TOO_LARGE;
 * every other answer, and every error body, is limited to 1 MiB (or the
 * max body size, if smaller). */
#define RA_CLIENT_DEFAULT_MAX_BODY_SIZE (64 * 1024 * 1024)

RaClient          *ra_client_new                     (RaEndpoint           *endpoint,
                                                      const char           *client_id,
                                                      const char           *client_secret,
                                                      RaTokenEndpointKind   token_kind);
RaEndpoint        *ra_client_get_endpoint            (RaClient             *self);
RaTokenProvider   *ra_client_get_token_provider      (RaClient             *self);
void               ra_client_set_max_body_size       (RaClient             *self,
                                                      gsize                 max_body_size);
/* The longest any one HTTP exchange (token fetches included) may take,
 * from sending to the end of the body; default 90 s. Past it the call
 * fails with RA_ERROR_TIMED_OUT: for an execute, the outcome is unknown. */
void               ra_client_set_deadline            (RaClient             *self,
                                                      guint                 deadline_ms);
/* How many times a GET is retried on 429/503 (default 3) and the longest
 * Retry-After it waits for by itself (default 30 s; longer → error). */
void               ra_client_set_retry_policy        (RaClient             *self,
                                                      guint                 max_retries,
                                                      guint                 max_wait_seconds);
/* How long the server's last 429 answer asked to wait (its Retry-After),
 * from now, in seconds; 0 when that time has passed or none was given.
 * For callers that call again by themselves, once the client's own
 * retries gave up. */
guint              ra_client_get_retry_after_seconds (RaClient             *self);
/* Drops the cached token: sign-out, account removed. */
void               ra_client_sign_out                (RaClient             *self);

/* All calls: cancellation gives G_IO_ERROR_CANCELLED, every other failure
 * an RA_ERROR. A 401 from the API drops the token, fetches a new one and
 * sends the call once more. Redirects are not followed. */

/* Result: an RaCatalogue, a GListModel of RaRemoteAction that also lists
 * the actions it had to leave out (ra-catalogue.h). Parsing runs in a
 * worker thread. RA_FILTER_ANY leaves that filter out of the query. */
void               ra_client_list_actions_async      (RaClient             *self,
                                                      RaFilter              has_script_windows,
                                                      RaFilter              has_script_macos,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
GListModel        *ra_client_list_actions_finish     (RaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void               ra_client_get_action_async        (RaClient             *self,
                                                      const char           *nql_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
RaRemoteAction    *ra_client_get_action_finish       (RaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* Validates the request first (RA_ERROR_INVALID_INPUT, nothing sent). Never
 * re-sent once it may have reached the server; the one retry is a 401 →
 * fresh token → send again. */
void               ra_client_execute_async           (RaClient             *self,
                                                      RaExecutionRequest   *request,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
RaExecutionResult *ra_client_execute_finish          (RaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
/* Whether the execution started, certainly did not, or may have: see
 * RaExecutionOutcome. Valid before and after _finish(). */
RaExecutionOutcome       ra_client_execute_get_outcome     (RaClient             *self,
                                                      GAsyncResult         *result);

/* POST /api/v2/nql/execute. parameters: string → string, may be NULL.
 * A query ID that does not match the schema (#[a-z0-9_]{2,255}) is refused
 * locally with RA_ERROR_INVALID_INPUT. Though a POST, it only reads, so it
 * is retried on 429/503 like a GET. */
void               ra_client_nql_execute_async       (RaClient             *self,
                                                      const char           *query_id,
                                                      GHashTable           *parameters,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
RaNqlResult       *ra_client_nql_execute_finish      (RaClient             *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
