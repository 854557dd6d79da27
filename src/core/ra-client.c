/* ra-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-client"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ra-client-call-private.h"
#include "ra-client-private.h"
#include "ra-catalogue-reader-private.h"
#include "ra-endpoint.h"
#include "ra-error.h"
#include "ra-execution-request.h"
#include "ra-execution-result.h"
#include "ra-execution-status.h"
#include "ra-http-private.h"
#include "ra-nql-result.h"
#include "ra-remote-action.h"
#include "ra-token-provider-private.h"

#define DEFAULT_MAX_RETRIES      3
#define DEFAULT_MAX_WAIT_SECONDS 30

G_DEFINE_FINAL_TYPE (RaClient, ra_client, G_TYPE_OBJECT)

static void
ra_client_dispose (GObject *object)
{
  RaClient *self = RA_CLIENT (object);

  /* Calls in flight hold a reference to us; nothing to abort here. */
  g_clear_object (&self->token_provider);
  g_clear_object (&self->clock);
  g_clear_object (&self->session);
  g_clear_object (&self->endpoint);

  G_OBJECT_CLASS (ra_client_parent_class)->dispose (object);
}

static void
ra_client_class_init (RaClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ra_client_dispose;
}

static void
ra_client_init (RaClient *self)
{
  self->clock = ra_clock_new_system ();
  self->max_body_size = RA_CLIENT_DEFAULT_MAX_BODY_SIZE;
  self->max_retries = DEFAULT_MAX_RETRIES;
  self->max_wait_seconds = DEFAULT_MAX_WAIT_SECONDS;
}

/**
 * ra_client_new:
 * @endpoint: the instance to talk to
 * @client_id: the API credentials' client ID
 * @client_secret: the API credentials' client secret
 * @token_kind: which token endpoint to use
 *
 * Returns: (transfer full): a client with a session of its own, shared
 *   with its token provider
 */
RaClient *
ra_client_new (RaEndpoint          *endpoint,
               const char          *client_id,
               const char          *client_secret,
               RaTokenEndpointKind  token_kind)
{
  RaClient *self;

  g_return_val_if_fail (RA_IS_ENDPOINT (endpoint), NULL);
  g_return_val_if_fail (client_id != NULL, NULL);
  g_return_val_if_fail (client_secret != NULL, NULL);

  self = g_object_new (RA_TYPE_CLIENT, NULL);
  self->endpoint = g_object_ref (endpoint);
  self->session = ra_http_session_new ();
  self->token_provider = ra_token_provider_new (self->session, endpoint,
                                                client_id, client_secret, token_kind);

  return self;
}

RaEndpoint *
ra_client_get_endpoint (RaClient *self)
{
  g_return_val_if_fail (RA_IS_CLIENT (self), NULL);

  return self->endpoint;
}

RaTokenProvider *
ra_client_get_token_provider (RaClient *self)
{
  g_return_val_if_fail (RA_IS_CLIENT (self), NULL);

  return self->token_provider;
}

void
ra_client_set_max_body_size (RaClient *self,
                             gsize     max_body_size)
{
  g_return_if_fail (RA_IS_CLIENT (self));
  g_return_if_fail (max_body_size > 0);

  self->max_body_size = max_body_size;
}

void
ra_client_set_deadline (RaClient *self,
                        guint     deadline_ms)
{
  g_return_if_fail (RA_IS_CLIENT (self));
  g_return_if_fail (deadline_ms > 0);

  /* The token provider shares the session, and so the deadline. */
  ra_http_session_set_deadline (self->session, deadline_ms);
}

void
ra_client_set_clock (RaClient *self,
                     RaClock  *clock)
{
  g_return_if_fail (RA_IS_CLIENT (self));
  g_return_if_fail (RA_IS_CLOCK (clock));

  g_set_object (&self->clock, clock);
  ra_token_provider_set_clock (self->token_provider, clock);
  /* The token provider shares the session, and so the deadline's clock. */
  ra_http_session_set_clock (self->session, clock);
}

void
ra_client_set_retry_policy (RaClient *self,
                            guint     max_retries,
                            guint     max_wait_seconds)
{
  g_return_if_fail (RA_IS_CLIENT (self));

  self->max_retries = max_retries;
  self->max_wait_seconds = max_wait_seconds;
}

void
ra_client_sign_out (RaClient *self)
{
  g_return_if_fail (RA_IS_CLIENT (self));

  ra_token_provider_invalidate (self->token_provider);
}


static const char *
filter_value (RaFilter filter)
{
  return filter == RA_FILTER_YES ? "true" : "false";
}

/**
 * ra_client_list_actions_async:
 * @has_script_windows: RA_FILTER_ANY to leave the filter out of the query
 * @has_script_macos: likewise
 */
void
ra_client_list_actions_async (RaClient            *self,
                              RaFilter             has_script_windows,
                              RaFilter             has_script_macos,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) url = NULL;
  g_autofree char *base = NULL;
  char separator = '?';

  g_return_if_fail (RA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  base = ra_endpoint_build_api_url (self->endpoint, "/api/v1/act/remote-action");
  url = g_string_new (base);
  if (has_script_windows != RA_FILTER_ANY)
    {
      g_string_append_printf (url, "%chasScriptWindows=%s", separator,
                              filter_value (has_script_windows));
      separator = '&';
    }
  if (has_script_macos != RA_FILTER_ANY)
    g_string_append_printf (url, "%chasScriptMacOs=%s", separator,
                            filter_value (has_script_macos));

  task = ra_client_call_new (self, CALL_LIST_ACTIONS, SOUP_METHOD_GET,
                   g_string_free (g_steal_pointer (&url), FALSE), NULL, TRUE,
                   cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_client_list_actions_async);

  ra_client_call_start (g_steal_pointer (&task));
}

/**
 * ra_client_list_actions_finish:
 *
 * Returns: (transfer full): an RaCatalogue of RaRemoteAction
 */
GListModel *
ra_client_list_actions_finish (RaClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (RA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ra_client_list_actions_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ra_client_get_action_async (RaClient            *self,
                            const char          *nql_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *base = NULL;
  g_autofree char *escaped = NULL;

  g_return_if_fail (RA_IS_CLIENT (self));
  g_return_if_fail (nql_id != NULL && *nql_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  base = ra_endpoint_build_api_url (self->endpoint, "/api/v1/act/remote-action/details");
  /* NQL IDs start with '#', which would otherwise end the URL's query. */
  escaped = g_uri_escape_string (nql_id, NULL, FALSE);

  task = ra_client_call_new (self, CALL_GET_ACTION, SOUP_METHOD_GET,
                   g_strconcat (base, "?nql-id=", escaped, NULL), NULL, TRUE,
                   cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_client_get_action_async);

  ra_client_call_start (g_steal_pointer (&task));
}

RaRemoteAction *
ra_client_get_action_finish (RaClient      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (RA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ra_client_get_action_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ra_client_execute_async (RaClient            *self,
                         RaExecutionRequest  *request,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  g_return_if_fail (RA_IS_CLIENT (self));
  g_return_if_fail (RA_IS_EXECUTION_REQUEST (request));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (!ra_execution_request_validate (request, &error))
    {
      task = g_task_new (self, cancellable, callback, user_data);
      g_task_set_source_tag (task, ra_client_execute_async);
      ra_client_call_return_execute_error (task, RA_EXECUTION_OUTCOME_NOT_SENT, error);
      return;
    }

  body = ra_execution_request_to_json (request);
  /* Executing twice on a fleet is worse than an error: never repeat it
   * once it may have reached the server. */
  task = ra_client_call_new (self, CALL_EXECUTE, SOUP_METHOD_POST,
                             ra_endpoint_build_api_url (self->endpoint, "/api/v1/act/execute"),
                             ra_client_json_to_bytes (body), FALSE,
                             cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_client_execute_async);

  ra_client_call_start (g_steal_pointer (&task));
}

RaExecutionResult *
ra_client_execute_finish (RaClient      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (RA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ra_client_execute_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ra_client_execute_get_outcome:
 * @result: what ra_client_execute_async() gave its callback
 *
 * What is known of the execution, before or after _finish(): STARTED when
 * _finish() returns a result; otherwise whether the request certainly did
 * not start, or may have. A cancelled call counts as NOT_SENT only if the
 * request had not gone out yet.
 */
RaExecutionOutcome
ra_client_execute_get_outcome (RaClient     *self,
                               GAsyncResult *result)
{
  gpointer outcome;
  Call *call;

  g_return_val_if_fail (RA_IS_CLIENT (self), RA_EXECUTION_OUTCOME_UNKNOWN);
  g_return_val_if_fail (g_task_is_valid (result, self), RA_EXECUTION_OUTCOME_UNKNOWN);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ra_client_execute_async,
                        RA_EXECUTION_OUTCOME_UNKNOWN);

  outcome = g_object_get_data (G_OBJECT (result), OUTCOME_KEY);
  if (outcome != NULL)
    return GPOINTER_TO_INT (outcome) - 1;

  /* Returned by a cancellation check; only the call knows how far it got. */
  call = g_task_get_task_data (G_TASK (result));
  return call != NULL && call->request_written ? RA_EXECUTION_OUTCOME_UNKNOWN : RA_EXECUTION_OUTCOME_NOT_SENT;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* {queryId, parameters}: what NQL execute and export take. */
JsonNode *
ra_client_build_nql_body (const char *query_id,
                          GHashTable *parameters)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "queryId");
  json_builder_add_string_value (builder, query_id);
  if (parameters != NULL)
    {
      g_autofree gpointer *keys = NULL;
      guint n_keys;

      /* Sorted, so the same call always sends the same body. */
      keys = g_hash_table_get_keys_as_array (parameters, &n_keys);
      qsort (keys, n_keys, sizeof (gpointer), compare_strings);

      json_builder_set_member_name (builder, "parameters");
      json_builder_begin_object (builder);
      for (guint i = 0; i < n_keys; i++)
        {
          json_builder_set_member_name (builder, keys[i]);
          json_builder_add_string_value (builder, g_hash_table_lookup (parameters, keys[i]));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * ra_client_nql_execute_async:
 * @query_id: a query ID defined in the Nexthink admin, "#my_query"
 * @parameters: (nullable): string → string
 *
 * NQL execute is a POST, but it only reads: it is retried on 429/503 like
 * a GET.
 */
void
ra_client_nql_execute_async (RaClient            *self,
                             const char          *query_id,
                             GHashTable          *parameters,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (RA_IS_CLIENT (self));
  g_return_if_fail (query_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (!ra_nql_query_id_is_valid (query_id))
    {
      task = g_task_new (self, cancellable, callback, user_data);
      g_task_set_source_tag (task, ra_client_nql_execute_async);
      g_task_return_new_error (task, RA_ERROR, RA_ERROR_INVALID_INPUT,
                               _("“%s” is not a valid NQL query ID. Query IDs start with # "
                                 "followed by lower-case letters, digits and underscores, "
                                 "255 characters at most."),
                               query_id);
      return;
    }

  body = ra_client_build_nql_body (query_id, parameters);

  task = ra_client_call_new (self, CALL_NQL_EXECUTE, SOUP_METHOD_POST,
                             ra_endpoint_build_api_url (self->endpoint, "/api/v2/nql/execute"),
                             ra_client_json_to_bytes (body), TRUE,
                             cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_client_nql_execute_async);

  ra_client_call_start (g_steal_pointer (&task));
}

RaNqlResult *
ra_client_nql_execute_finish (RaClient      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (RA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ra_client_nql_execute_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
ra_client_get_retry_after_seconds (RaClient *self)
{
  gint64 left;

  g_return_val_if_fail (RA_IS_CLIENT (self), 0);

  left = self->retry_after_usec - ra_clock_get_wall_usec (self->clock);
  if (left <= 0)
    return 0;

  return (guint) MIN ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC, G_MAXUINT);
}

RaClock *
ra_client_get_clock (RaClient *self)
{
  g_return_val_if_fail (RA_IS_CLIENT (self), NULL);

  return self->clock;
}

/**
 * ra_client_call_json_async:
 * @path: the API path, "/api/v1/nql/export"
 * @body: (nullable): the request's JSON body
 * @nql: whether it is an NQL API call
 *
 * One call that only reads, whatever its method: retried on 429/503 like
 * a GET, with a fresh token once on 401.
 */
void
ra_client_call_json_async (RaClient            *self,
                           const char          *method,
                           const char          *path,
                           JsonNode            *body,
                           gboolean             nql,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call;

  g_return_if_fail (RA_IS_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = ra_client_call_new (self, CALL_JSON, g_intern_string (method),
                             ra_endpoint_build_api_url (self->endpoint, path),
                             body != NULL ? ra_client_json_to_bytes (body) : NULL, TRUE,
                             cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_client_call_json_async);
  call = g_task_get_task_data (task);
  call->nql = nql;

  ra_client_call_start (g_steal_pointer (&task));
}

JsonNode *
ra_client_call_json_finish (RaClient      *self,
                            GAsyncResult  *result,
                            guint         *status,
                            GError       **error)
{
  Call *call;

  g_return_val_if_fail (RA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ra_client_call_json_async,
                        NULL);

  call = g_task_get_task_data (G_TASK (result));
  if (status != NULL)
    *status = call->message != NULL ? soup_message_get_status (call->message) : 0;

  return g_task_propagate_pointer (G_TASK (result), error);
}
