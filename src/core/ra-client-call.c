/* ra-client-call.c — one call of the API, across its token fetches,
 * retries and parsing
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

/* Every answer but the catalogue's is small: one action's details, a
 * request ID, at most 1,000 NQL rows. A limit this size keeps what a
 * hostile or broken server can make us hold (and parse) small. */
#define MAX_ANSWER_SIZE          (1024 * 1024)

/* Kept on the task, so that it can be read after _finish(). Harmless on
 * calls other than execute, which never read it. */
static void
set_outcome (GTask              *task,
             RaExecutionOutcome  outcome)
{
  g_object_set_data (G_OBJECT (task), OUTCOME_KEY, GINT_TO_POINTER (outcome + 1));
}

void
ra_client_call_return_execute_error (GTask *task,
                                     RaExecutionOutcome outcome,
                                     GError *error)
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

static gboolean
retry_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;

  ra_client_call_start (g_object_ref (task));
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

      ra_client_call_return_execute_error (task,
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
            ra_client_call_return_execute_error (task, RA_EXECUTION_OUTCOME_UNKNOWN, g_steal_pointer (&error));
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
      ra_client_call_start (g_steal_pointer (&task));
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
  ra_client_call_return_execute_error (task,
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
      ra_client_call_return_execute_error (task, RA_EXECUTION_OUTCOME_NOT_SENT, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  clear_message (call);
  call->message = ra_http_message_new (call->method, call->url);
  if (call->message == NULL)
    {
      ra_client_call_return_execute_error (task, RA_EXECUTION_OUTCOME_NOT_SENT,
                                           g_error_new_literal (RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                                                                _ ("The API address of this account is not a "
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

void
ra_client_call_start (GTask *task)
{
  RaClient *self = g_task_get_source_object (task);

  ra_token_provider_get_token_async (self->token_provider,
                                     g_task_get_cancellable (task),
                                     call_token_cb, task);
}

GTask *
ra_client_call_new (RaClient *self,
                    CallKind kind,
                    const char *method,
                    char *url,
                    GBytes *request_body,
                    gboolean may_repeat,
                    GCancellable *cancellable,
                    GAsyncReadyCallback callback,
                    gpointer user_data)
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

GBytes *
ra_client_json_to_bytes (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length;
  char *data;

  json_generator_set_root (generator, node);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}
