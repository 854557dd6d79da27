/* ra-client-private.h — hooks for tests, and calls for other core files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ra-client.h"
#include "ra-clock.h"

G_BEGIN_DECLS

/* Replaces the system clock that times the waits between retries and
 * each exchange's deadline, and reads Retry-After dates; the token
 * provider judges freshness by it too. */
void ra_client_set_clock (RaClient *self,
                          RaClock  *clock);

RaClock  *ra_client_get_clock        (RaClient            *self);
/* {queryId, parameters (sorted)}: what NQL execute and export take. */
JsonNode *ra_client_build_nql_body   (const char          *query_id,
                                      GHashTable          *parameters);

/* A call of the API that answers JSON, for the calls kept in files of
 * their own (the NQL export): the client's token and its 401, 429 and 503
 * handling, its errors. It only reads, so it is retried like a GET. nql:
 * an NQL API call (UTC times, NQL's words for a 403). The result is the
 * answer's JSON, and status its HTTP status (a 2xx). */
void      ra_client_call_json_async  (RaClient            *self,
                                      const char          *method,
                                      const char          *path,
                                      JsonNode            *body,
                                      gboolean             nql,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
JsonNode *ra_client_call_json_finish (RaClient            *self,
                                      GAsyncResult        *result,
                                      guint               *status,
                                      GError             **error);

G_END_DECLS
