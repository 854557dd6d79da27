/* ra-client.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-client"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

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
/* Every answer but the catalogue's is small: one action's details, a
 * request ID, at most 1,000 NQL rows. A limit this size keeps what a
 * hostile or broken server can make us hold (and parse) small. */
#define MAX_ANSWER_SIZE          (1024 * 1024)

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

G_DEFINE_FINAL_TYPE (RaClient, ra_client, G_TYPE_OBJECT)

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

/* Kept on the task, so that it can be read after _finish(). Harmless on
 * calls other than execute, which never read it. */
static void
set_outcome (GTask              *task,
             RaExecutionOutcome  outcome)
{
  g_object_set_data (G_OBJECT (task), OUTCOME_KEY, GINT_TO_POINTER (outcome + 1));
}

static void
return_execute_error (GTask              *task,
                      RaExecutionOutcome  outcome,
                      GError             *error)
{
  set_outcome (task, outcome);
  g_task_return_error (task, error);
}

static void
clear_message (Call *call)
{
  if (call->message != NULL)
    g_signal_handlers_disconnect_by_data (call->message, call);
  g_clear_object (&call->message);
}

static void
call_free (Call *call)
{
  g_free (call->url);
  g_clear_pointer (&call->request_body, g_bytes_unref);
  g_clear_pointer (&call->token, ra_secret_free);
  clear_message (call);
  g_clear_pointer (&call->response_body, g_bytes_unref);
  g_free (call);
}

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

/* Parsing: in a worker thread for bodies that may be large. */

static gpointer
parse_response (Call     *call,
                GError  **error)
{
  g_autoptr(JsonNode) root = NULL;

  /* The catalogue can be large enough to deserve a reader of its own. */
  if (call->kind == CALL_LIST_ACTIONS)
    {
      gsize size;
      const char *data = g_bytes_get_data (call->response_body, &size);

      return _ra_catalogue_read (data, size, error);
    }

  root = ra_http_parse_json (call->response_body, error);
  if (root == NULL)
    return NULL;

  switch (call->kind)
    {
    case CALL_GET_ACTION:
      return ra_remote_action_new_from_json (root, error);

    case CALL_EXECUTE:
      return ra_execution_result_new_from_json (root, error);

    case CALL_NQL_EXECUTE:
      return ra_nql_result_new_from_json (root, error);

    case CALL_JSON:
    case CALL_LIST_ACTIONS:
    default:
      g_assert_not_reached ();
    }
}

static void
parse_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Call *call = task_data;
  GError *error = NULL;
  gpointer object;

  if (g_task_return_error_if_cancelled (task))
    return;

  object = parse_response (call, &error);
  if (object == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, object, g_object_unref);
}

static void call_start (GTask *task);

static gboolean
retry_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;

  call_start (g_object_ref (task));
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (GTask *task,
                guint  seconds)
{
  RaClient *self = g_task_get_source_object (task);
  g_autoptr(GSource) source = NULL;

  /* Not _seconds (): its coarse timer may fire early, before Retry-After.
   * Fires early when the caller cancels, so nobody waits for nothing. */
  source = ra_clock_wait_source_new (self->clock, seconds * 1000, g_task_get_cancellable (task));
  g_source_set_callback (source, retry_timeout_cb, g_object_ref (task), g_object_unref);
  g_source_set_static_name (source, "[ra] client retry");
  g_source_attach (source, g_task_get_context (task));
}

static void
call_sent_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RaClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint status;

  call->response_body = ra_http_send_finish (result, &error);
  if (call->response_body == NULL)
    {
      /* Once the request is written it may have been acted on, whatever
       * broke afterwards: the TLS session, the connection, the clock. */
      gboolean written = call->kind == CALL_EXECUTE && call->request_written;

      return_execute_error (task,
                            written ? RA_EXECUTION_OUTCOME_UNKNOWN : RA_EXECUTION_OUTCOME_NOT_SENT,
                            ra_http_map_transport_error (error, call->message, written));
      return;
    }

  status = soup_message_get_status (call->message);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      if (call->kind == CALL_EXECUTE)
        {
          gpointer execution;

          /* The execution was accepted: report it even if the caller
           * cancelled meanwhile, or they would believe nothing happened. */
          g_task_set_check_cancellable (task, FALSE);
          execution = parse_response (call, &error);
          /* Accepted, but without a request ID to show for it. */
          if (execution == NULL)
            return_execute_error (task, RA_EXECUTION_OUTCOME_UNKNOWN, g_steal_pointer (&error));
          else
            {
              set_outcome (task, RA_EXECUTION_OUTCOME_STARTED);
              g_task_return_pointer (task, execution, g_object_unref);
            }
          return;
        }

      /* Small answers that their caller reads. */
      if (call->kind == CALL_JSON)
        {
          JsonNode *root = ra_http_parse_json (call->response_body, &error);

          if (root == NULL)
            g_task_return_error (task, g_steal_pointer (&error));
          else
            g_task_return_pointer (task, root, (GDestroyNotify) json_node_unref);
          return;
        }

      g_task_run_in_thread (task, parse_in_thread);
      return;
    }

  if (status == SOUP_STATUS_UNAUTHORIZED && !call->token_refreshed)
    {
      /* The token was refused before anything ran; one fresh token, one
       * more try. */
      g_debug ("API answered 401, refreshing the token once");
      call->token_refreshed = TRUE;
      ra_token_provider_invalidate_token (self->token_provider, call->token);
      clear_message (call);
      g_clear_pointer (&call->response_body, g_bytes_unref);
      call_start (g_steal_pointer (&task));
      return;
    }

  if (status == RA_HTTP_STATUS_TOO_MANY_REQUESTS)
    {
      gint64 now = ra_clock_get_wall_usec (self->clock);
      guint wait = 0;

      /* Kept for whoever calls again later by itself. */
      if (ra_http_get_retry_after_at (call->message, now, &wait) == RA_HTTP_RETRY_AFTER_WAIT)
        self->retry_after_usec = now + (gint64) wait * G_USEC_PER_SEC;
    }

  if ((status == RA_HTTP_STATUS_TOO_MANY_REQUESTS || status == SOUP_STATUS_SERVICE_UNAVAILABLE) &&
      call->may_repeat && call->n_retries < self->max_retries)
    {
      guint wait = 0;
      RaHttpRetryAfter retry_after = ra_http_get_retry_after_at (call->message,
                                                                 ra_clock_get_wall_usec (self->clock),
                                                                 &wait);

      if (retry_after == RA_HTTP_RETRY_AFTER_NONE)
        wait = 1u << MIN (call->n_retries, 30);   /* 1, 2, 4… seconds */

      /* An unusable Retry-After ends the retries: guessing a wait would
       * go against what the server asked, and the error says why. */
      if (retry_after != RA_HTTP_RETRY_AFTER_ABSURD && wait <= self->max_wait_seconds)
        {
          g_debug ("API answered %u, trying again in %u s", status, wait);
          call->n_retries++;
          clear_message (call);
          g_clear_pointer (&call->response_body, g_bytes_unref);
          schedule_retry (task, wait);
          return;
        }
    }

  if (call->nql && status == SOUP_STATUS_FORBIDDEN)
    {
      g_autofree char *server = ra_http_dup_server_message (call->response_body);

      /* The server's words ("not authorized to execute queries") do not
       * say where the fix is; ours do. */
      g_debug ("NQL answered 403: %s", server != NULL ? server : "(no message)");
      g_task_return_new_error (task, RA_ERROR, RA_ERROR_FORBIDDEN,
                               _("These API credentials may not run NQL queries. In Nexthink, "
                                 "open Administration → API credentials, edit the credentials "
                                 "of this account and select the “NQL API” permission (or "
                                 "create credentials that have it), then try again."));
      return;
    }

  error = ra_http_status_error (call->message, call->response_body);

  /* The caller says what to do next, for what is known: the generic
   * "try again later" would be the wrong advice for an execute. */
  if (call->kind == CALL_EXECUTE && status >= 500 && status < 600)
    {
      g_autofree char *server = ra_http_dup_server_message (call->response_body);
      GUri *uri = soup_message_get_uri (call->message);

      g_clear_error (&error);
      if (server != NULL)
        error = g_error_new (RA_ERROR, RA_ERROR_SERVER,
                             _("The server %s had a problem (HTTP %u): %s."),
                             g_uri_get_host (uri), status, server);
      else
        error = g_error_new (RA_ERROR, RA_ERROR_SERVER,
                             _("The server %s had a problem (HTTP %u)."),
                             g_uri_get_host (uri), status);
    }

  /* A 4xx is a refusal before anything ran; anything else (a 5xx, or a
   * status no server should send here) may come after the script started. */
  return_execute_error (task,
                        status >= 400 && status < 500 ? RA_EXECUTION_OUTCOME_NOT_SENT
                                                      : RA_EXECUTION_OUTCOME_UNKNOWN,
                        g_steal_pointer (&error));
}

static void
request_written_cb (Call *call)
{
  call->request_written = TRUE;
}

static gsize
call_max_body_size (RaClient *self,
                    Call     *call)
{
  if (call->kind == CALL_LIST_ACTIONS)
    return self->max_body_size;

  return MIN (self->max_body_size, MAX_ANSWER_SIZE);
}

static void
call_token_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RaClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  GCancellable *cancellable;
  char *authorization;

  g_clear_pointer (&call->token, ra_secret_free);
  call->token = ra_token_provider_get_token_finish (RA_TOKEN_PROVIDER (object), result, &error);
  if (call->token == NULL)
    {
      return_execute_error (task, RA_EXECUTION_OUTCOME_NOT_SENT, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  clear_message (call);
  call->message = ra_http_message_new (call->method, call->url);
  if (call->message == NULL)
    {
      return_execute_error (task, RA_EXECUTION_OUTCOME_NOT_SENT,
                            g_error_new_literal (RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                                                 _("The API address of this account is not a "
                                                   "valid URL.")));
      return;
    }

  call->request_written = FALSE;
  if (call->kind == CALL_EXECUTE)
    g_signal_connect_swapped (call->message, "wrote-headers",
                              G_CALLBACK (request_written_cb), call);

  headers = soup_message_get_request_headers (call->message);
  authorization = g_strconcat ("Bearer ", call->token, NULL);
  soup_message_headers_replace (headers, "Authorization", authorization);
  ra_secret_free (authorization);

  /* Otherwise times come in the instance's regional time zone, written
   * without an offset, which no client can place in time. */
  if (call->nql)
    soup_message_headers_replace (headers, "x-utc-times", "true");

  if (call->request_body != NULL)
    soup_message_set_request_body_from_bytes (call->message, "application/json",
                                              call->request_body);

  cancellable = g_task_get_cancellable (task);
  ra_http_send_async (self->session, call->message, call_max_body_size (self, call),
                      cancellable, call_sent_cb, g_steal_pointer (&task));
}

static void
call_start (GTask *task)
{
  RaClient *self = g_task_get_source_object (task);

  ra_token_provider_get_token_async (self->token_provider,
                                     g_task_get_cancellable (task),
                                     call_token_cb, task);
}

static GTask *
call_new (RaClient            *self,
          CallKind             kind,
          const char          *method,
          char                *url,
          GBytes              *request_body,
          gboolean             may_repeat,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task;
  Call *call;

  task = g_task_new (self, cancellable, callback, user_data);

  call = g_new0 (Call, 1);
  call->kind = kind;
  call->method = method;
  call->url = url;
  call->request_body = request_body;
  call->may_repeat = may_repeat;
  call->nql = kind == CALL_NQL_EXECUTE;
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  return task;
}

static GBytes *
json_to_bytes (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length;
  char *data;

  json_generator_set_root (generator, node);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
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

  task = call_new (self, CALL_LIST_ACTIONS, SOUP_METHOD_GET,
                   g_string_free (g_steal_pointer (&url), FALSE), NULL, TRUE,
                   cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_client_list_actions_async);

  call_start (g_steal_pointer (&task));
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

  task = call_new (self, CALL_GET_ACTION, SOUP_METHOD_GET,
                   g_strconcat (base, "?nql-id=", escaped, NULL), NULL, TRUE,
                   cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_client_get_action_async);

  call_start (g_steal_pointer (&task));
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
      return_execute_error (task, RA_EXECUTION_OUTCOME_NOT_SENT, error);
      return;
    }

  body = ra_execution_request_to_json (request);
  /* Executing twice on a fleet is worse than an error: never repeat it
   * once it may have reached the server. */
  task = call_new (self, CALL_EXECUTE, SOUP_METHOD_POST,
                   ra_endpoint_build_api_url (self->endpoint, "/api/v1/act/execute"),
                   json_to_bytes (body), FALSE,
                   cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_client_execute_async);

  call_start (g_steal_pointer (&task));
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

  task = call_new (self, CALL_NQL_EXECUTE, SOUP_METHOD_POST,
                   ra_endpoint_build_api_url (self->endpoint, "/api/v2/nql/execute"),
                   json_to_bytes (body), TRUE,
                   cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_client_nql_execute_async);

  call_start (g_steal_pointer (&task));
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

  task = call_new (self, CALL_JSON, g_intern_string (method),
                   ra_endpoint_build_api_url (self->endpoint, path),
                   body != NULL ? json_to_bytes (body) : NULL, TRUE,
                   cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_client_call_json_async);
  call = g_task_get_task_data (task);
  call->nql = nql;

  call_start (g_steal_pointer (&task));
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
