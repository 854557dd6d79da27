/* ra-client-call-private.h — one call of the API through RaClient,
 * across its token fetches, retries and parsing, for ra-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "ra-client.h"
#include "ra-clock.h"
#include "ra-token-provider.h"

G_BEGIN_DECLS

struct _RaClient
{
  GObject          parent_instance;

  RaEndpoint      *endpoint;
  SoupSession     *session;
  RaTokenProvider *token_provider;
  RaClock         *clock;

  gsize            max_body_size;
  guint            max_retries;
  guint            max_wait_seconds;
  /* Wall time before which the server's last 429 asked not to call. */
  gint64           retry_after_usec;
};

typedef enum
{
  CALL_LIST_ACTIONS,
  CALL_GET_ACTION,
  CALL_EXECUTE,
  CALL_NQL_EXECUTE,
  CALL_JSON,          /* ra_client_call_json_async (): JSON, as it is */
} CallKind;

/* One API call, across its token fetches, retries and parsing. */
typedef struct
{
  CallKind     kind;
  const char  *method;
  char        *url;
  GBytes      *request_body;   /* JSON, or NULL */
  /* Only requests that change nothing may be sent again on 429/503. */
  gboolean     may_repeat;
  guint        n_retries;
  gboolean     token_refreshed;
  char        *token;          /* the token the last attempt used */
  SoupMessage *message;
  GBytes      *response_body;
  /* Execute only: whether the last attempt's request went out. */
  gboolean     request_written;
  /* An NQL API call: UTC times, and NQL's own words for a 403. */
  gboolean     nql;
} Call;

#define OUTCOME_KEY "ra-execution-outcome"

/* Kept on the task, so that it can be read after _finish(). */
void     ra_client_call_return_execute_error (GTask               *task,
                                              RaExecutionOutcome   outcome,
                                              GError              *error);

/* A task for one call of the client's API at url; body (JSON, taken) may
 * be NULL. may_repeat: whether it changes nothing, so that it may be sent
 * again on 429/503. */
GTask   *ra_client_call_new                  (RaClient            *self,
                                              CallKind             kind,
                                              const char          *method,
                                              char                *url,
                                              GBytes              *body,
                                              gboolean             may_repeat,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Gets a token, then sends the call; takes the task. */
void     ra_client_call_start                (GTask               *task);
GBytes  *ra_client_json_to_bytes             (JsonNode            *node);

G_END_DECLS
