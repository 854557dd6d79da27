/* ra-http.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-http"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ra-error.h"
#include "ra-http-private.h"
#include "ra-json-private.h"

#define READ_CHUNK_SIZE (64 * 1024)
/* Server-provided text goes into messages shown to people; keep it short. */
#define MAX_SERVER_TEXT 500

static GQuark
deadline_quark (void)
{
  return g_quark_from_static_string ("ra-http-deadline");
}

static GQuark
clock_quark (void)
{
  return g_quark_from_static_string ("ra-http-clock");
}

SoupSession *
ra_http_session_new (void)
{
  SoupSession *session;

  /* libsoup's defaults check certificates against the system trust store.
   * Its two connections to a host would cap the few NQL lookups a
   * resolution of device names keeps in flight (RaDeviceResolver). */
  session = soup_session_new_with_options ("user-agent", RA_HTTP_USER_AGENT,
                                           "timeout", 60,
                                           "idle-timeout", 60,
                                           "max-conns-per-host", RA_HTTP_MAX_CONNS_PER_HOST,
                                           NULL);
  ra_http_session_set_deadline (session, RA_HTTP_DEFAULT_DEADLINE_MS);
  return session;
}

void
ra_http_session_set_deadline (SoupSession *session,
                              guint        deadline_ms)
{
  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (deadline_ms > 0);

  g_object_set_qdata (G_OBJECT (session), deadline_quark (), GUINT_TO_POINTER (deadline_ms));
}

void
ra_http_session_set_clock (SoupSession *session,
                           RaClock     *clock)
{
  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (RA_IS_CLOCK (clock));

  g_object_set_qdata_full (G_OBJECT (session), clock_quark (), g_object_ref (clock),
                           g_object_unref);
}

static guint
session_get_deadline (SoupSession *session)
{
  guint deadline_ms = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (session),
                                                            deadline_quark ()));

  return deadline_ms > 0 ? deadline_ms : RA_HTTP_DEFAULT_DEADLINE_MS;
}

SoupMessage *
ra_http_message_new (const char *method,
                     const char *url)
{
  SoupMessage *message;

  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);

  message = soup_message_new (method, url);
  if (message == NULL)
    return NULL;

  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Accept", "application/json");
  return message;
}

static const char *
message_host (SoupMessage *message)
{
  GUri *uri = soup_message_get_uri (message);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  return host != NULL ? host : "";
}

typedef struct
{
  SoupMessage  *message;
  GInputStream *stream;
  GByteArray   *buffer;
  gsize         max_body_size;
  /* An error status's body is read only for the server's words: past
   * its own limit it is dropped, and the status still reported. */
  gboolean      error_body;
  /* libsoup's timeout is per read: a server that sends a byte now and
   * then would hold a call for ever. This one ends the whole exchange. */
  GCancellable *cancellable;
  GCancellable *caller_cancellable;
  gulong        cancelled_id;
  GSource      *deadline;
  guint         deadline_ms;
  gboolean      timed_out;
  RaHttpProgressFunc progress;
  gpointer      progress_data;
  guint64       total;          /* 0: unknown */
} SendData;

static void
send_data_free (SendData *data)
{
  if (data->cancelled_id != 0)
    g_cancellable_disconnect (data->caller_cancellable, data->cancelled_id);
  g_clear_object (&data->caller_cancellable);
  if (data->deadline != NULL)
    {
      g_source_destroy (data->deadline);
      g_source_unref (data->deadline);
    }
  g_clear_object (&data->cancellable);
  g_clear_object (&data->message);
  g_clear_object (&data->stream);
  g_clear_pointer (&data->buffer, g_byte_array_unref);
  g_free (data);
}

static GError *
too_large_error (gsize max_body_size)
{
  g_autofree char *size = g_format_size (max_body_size);

  return g_error_new (RA_ERROR, RA_ERROR_RESPONSE_TOO_LARGE,
                      _("The server’s answer is larger than %s, the most this app accepts."),
                      size);
}

static void
close_quietly (GInputStream *stream)
{
  /* Closing may need to drain the connection; do it without blocking and
   * without caring about the outcome. */
  g_input_stream_close_async (stream, G_PRIORITY_LOW, NULL, NULL, NULL);
}

/* The error of a failed step: the deadline shows as a timeout, not as
 * the cancellation it was done with. */
static void
return_transport_error (GTask  *task,
                        GError *error)
{
  SendData *data = g_task_get_task_data (task);

  if (data->timed_out && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_error_free (error);
      error = g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                           "No complete answer within %u ms", data->deadline_ms);
    }

  g_task_return_error (task, error);
}

static void read_next (GTask *task);

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;
  gsize size;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      return_transport_error (task, g_steal_pointer (&error));
      return;
    }

  size = g_bytes_get_size (chunk);
  if (size == 0)
    {
      GBytes *body = g_byte_array_free_to_bytes (g_steal_pointer (&data->buffer));

      /* At the end of the body this does no I/O; it hands the connection
       * back to the session for reuse. */
      g_input_stream_close (data->stream, NULL, NULL);
      g_task_return_pointer (task, body, (GDestroyNotify) g_bytes_unref);
      return;
    }

  if (size > data->max_body_size - data->buffer->len)
    {
      close_quietly (data->stream);
      if (data->error_body)
        g_task_return_pointer (task, g_bytes_new (NULL, 0), (GDestroyNotify) g_bytes_unref);
      else
        g_task_return_error (task, too_large_error (data->max_body_size));
      return;
    }

  g_byte_array_append (data->buffer, g_bytes_get_data (chunk, NULL), size);
  if (data->progress != NULL && !data->error_body)
    data->progress (data->buffer->len, data->total, data->progress_data);
  read_next (g_steal_pointer (&task));
}

static void
read_next (GTask *task)
{
  SendData *data = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (data->stream,
                                   READ_CHUNK_SIZE,
                                   G_PRIORITY_DEFAULT,
                                   data->cancellable,
                                   read_cb,
                                   task);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

  data->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (data->stream == NULL)
    {
      return_transport_error (task, g_steal_pointer (&error));
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (data->message)))
    {
      data->error_body = TRUE;
      data->max_body_size = MIN (data->max_body_size, RA_HTTP_MAX_ERROR_BODY_SIZE);
    }

  /* A declared length over the cap is refused without reading; a body
   * without one (or lying about it) is still counted as it arrives, and
   * counted as it comes out of libsoup's decoder: a small gzip body can
   * inflate a thousandfold. */
  headers = soup_message_get_response_headers (data->message);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > data->max_body_size)
    {
      close_quietly (data->stream);
      if (data->error_body)
        g_task_return_pointer (task, g_bytes_new (NULL, 0), (GDestroyNotify) g_bytes_unref);
      else
        g_task_return_error (task, too_large_error (data->max_body_size));
      return;
    }

  /* The declared length counts the bytes on the wire, which are the
   * ones read only when nothing was compressed. */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_one (headers, "Content-Encoding") == NULL)
    data->total = soup_message_headers_get_content_length (headers);

  data->buffer = g_byte_array_new ();
  read_next (g_steal_pointer (&task));
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

static gboolean
deadline_cb (gpointer user_data)
{
  SendData *data = user_data;

  g_debug ("No complete answer within %u ms, giving up", data->deadline_ms);
  data->timed_out = TRUE;
  g_cancellable_cancel (data->cancellable);
  return G_SOURCE_REMOVE;
}

void
ra_http_send_async (SoupSession         *session,
                    SoupMessage         *message,
                    gsize                max_body_size,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  ra_http_send_with_progress_async (session, message, max_body_size, NULL, NULL,
                                    cancellable, callback, user_data);
}

void
ra_http_send_with_progress_async (SoupSession         *session,
                                  SoupMessage         *message,
                                  gsize                max_body_size,
                                  RaHttpProgressFunc   progress,
                                  gpointer             progress_data,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SendData *data;
  RaClock *clock;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (SOUP_IS_MESSAGE (message));
  g_return_if_fail (max_body_size > 0);

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_http_send_async);

  data = g_new0 (SendData, 1);
  data->progress = progress;
  data->progress_data = progress_data;
  data->message = g_object_ref (message);
  data->max_body_size = max_body_size;
  data->cancellable = g_cancellable_new ();
  data->deadline_ms = session_get_deadline (session);
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);

  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      /* Runs at once if already cancelled. */
      data->cancelled_id = g_cancellable_connect (cancellable,
                                                  G_CALLBACK (caller_cancelled_cb),
                                                  data->cancellable, NULL);
    }

  /* The task holds data, and data the source: no reference to the task. */
  clock = g_object_get_qdata (G_OBJECT (session), clock_quark ());
  if (clock != NULL)
    data->deadline = ra_clock_timeout_source_new (clock, data->deadline_ms);
  else
    data->deadline = g_timeout_source_new (data->deadline_ms);
  g_source_set_callback (data->deadline, deadline_cb, data, NULL);
  g_source_set_static_name (data->deadline, "[ra] http deadline");
  g_source_attach (data->deadline, g_task_get_context (task));

  soup_session_send_async (session, message, G_PRIORITY_DEFAULT, data->cancellable,
                           send_cb, g_steal_pointer (&task));
}

GBytes *
ra_http_send_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GError *
ra_http_map_transport_error (const GError *error,
                             SoupMessage  *message,
                             gboolean      unsafe_to_resend)
{
  const char *host;

  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail (SOUP_IS_MESSAGE (message), NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      error->domain == RA_ERROR)
    return g_error_copy (error);

  /* The original message may quote URLs or server text; it is kept for
   * debugging only. */
  g_debug ("Transport error: %s (%s, %d)", error->message,
           g_quark_to_string (error->domain), error->code);

  host = message_host (message);

  /* The overall deadline or libsoup's own per-read timeout: the request
   * may well have reached the server and be running. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      if (unsafe_to_resend)
        return g_error_new (RA_ERROR, RA_ERROR_TIMED_OUT,
                            _("The server %s did not answer in time. The remote action may "
                              "have been triggered: check its executions before trying "
                              "again."),
                            host);
      return g_error_new (RA_ERROR, RA_ERROR_TIMED_OUT,
                          _("The server %s did not answer in time. Try again later."),
                          host);
    }

  /* A TLS error too can come after the request was written. */
  if (unsafe_to_resend)
    return g_error_new (RA_ERROR, RA_ERROR_NETWORK,
                        _("The connection to %s was lost after the request was sent."),
                        host);

  if (error->domain == G_TLS_ERROR)
    {
      if (error->code == G_TLS_ERROR_BAD_CERTIFICATE)
        return g_error_new (RA_ERROR, RA_ERROR_TLS,
                            _("The certificate of %s is not trusted, so no data was sent. "
                              "Check the instance name and region, or ask your network "
                              "administrator whether a proxy intercepts secure connections."),
                            host);

      return g_error_new (RA_ERROR, RA_ERROR_TLS,
                          _("A secure connection to %s could not be established, so no data "
                            "was sent."),
                          host);
    }

  if (error->domain == G_RESOLVER_ERROR ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    return g_error_new (RA_ERROR, RA_ERROR_NETWORK,
                        _("The server %s could not be found. Check the instance name, the "
                          "region and your network connection."),
                        host);

  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        case G_IO_ERROR_CONNECTION_REFUSED:
          return g_error_new (RA_ERROR, RA_ERROR_NETWORK,
                              _("The server %s refused the connection. Check the address "
                                "and try again later."),
                              host);

        case G_IO_ERROR_HOST_UNREACHABLE:
        case G_IO_ERROR_NETWORK_UNREACHABLE:
          return g_error_new (RA_ERROR, RA_ERROR_NETWORK,
                              _("The server %s could not be reached. Check your network "
                                "connection."),
                              host);

        default:
          break;
        }
    }

  if (error->domain == SOUP_SESSION_ERROR)
    return g_error_new (RA_ERROR, RA_ERROR_NETWORK,
                        _("The answer from %s could not be understood as HTTP."),
                        host);

  return g_error_new (RA_ERROR, RA_ERROR_NETWORK,
                      _("The connection to %s was lost before the answer arrived. Try "
                        "again later."),
                      host);
}

char *
ra_http_clean_server_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint n_chars = 0;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  g_strstrip (valid);
  /* It goes inside a sentence of ours, which brings its own full stop. */
  while (g_str_has_suffix (valid, "."))
    valid[strlen (valid) - 1] = '\0';
  if (*valid == '\0')
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars++ >= MAX_SERVER_TEXT)
        {
          g_string_append (out, "…");
          break;
        }
      g_string_append_unichar (out, g_unichar_iscntrl (c) ? ' ' : c);
    }

  return g_string_free (out, FALSE);
}

static char *
member_as_text (JsonObject *object,
                const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return ra_http_clean_server_text (json_node_get_string (node));

    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

    default:
      return NULL;
    }
}

char *
ra_http_dup_server_message (GBytes *body)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *code = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  gsize size;
  const char *data;

  if (body == NULL)
    return NULL;

  data = g_bytes_get_data (body, &size);
  if (size == 0)
    return NULL;

  /* Error bodies too can be nested deeply enough to crash json-glib. */
  root = ra_json_parse (data, size, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  object = json_node_get_object (root);
  /* The documented {code, message}, or an OAuth {error, error_description}. */
  code = member_as_text (object, "code");
  text = member_as_text (object, "message");
  if (code == NULL && text == NULL)
    {
      code = member_as_text (object, "error");
      text = member_as_text (object, "error_description");
    }

  if (code != NULL && text != NULL)
    return g_strdup_printf ("%s (%s)", text, code);
  if (text != NULL)
    return g_steal_pointer (&text);
  return g_steal_pointer (&code);
}

/**
 * ra_http_parse_retry_after:
 * @value: a Retry-After header's value
 * @now_usec: the wall clock, µs since the Unix epoch, for the date form
 * @seconds: (out): the wait, when the answer is RA_HTTP_RETRY_AFTER_WAIT
 *
 * Reads both forms RFC 9110 allows: delta-seconds ("120") and an HTTP
 * date. A wait of a day or more, a negative number, a date a day or more
 * in the past and anything unreadable are all ABSURD: no client should
 * sit on a request that long, and guessing a wait from them would retry
 * against the server's wish. A date in the recent past means "now".
 */
RaHttpRetryAfter
ra_http_parse_retry_after (const char *value,
                           gint64      now_usec,
                           guint      *seconds)
{
  g_autofree char *copy = NULL;
  g_autoptr(GDateTime) when = NULL;
  guint64 delta;
  gint64 span;

  g_return_val_if_fail (seconds != NULL, RA_HTTP_RETRY_AFTER_ABSURD);

  if (value == NULL)
    return RA_HTTP_RETRY_AFTER_NONE;

  copy = g_strstrip (g_strdup (value));

  if (g_ascii_isdigit (*copy))
    {
      if (!g_ascii_string_to_unsigned (copy, 10, 0, G_MAXUINT64, &delta, NULL) ||
          delta >= RA_HTTP_RETRY_AFTER_MAX_SECONDS)
        return RA_HTTP_RETRY_AFTER_ABSURD;
      *seconds = (guint) delta;
      return RA_HTTP_RETRY_AFTER_WAIT;
    }

  when = soup_date_time_new_from_http_string (copy);
  if (when == NULL)
    return RA_HTTP_RETRY_AFTER_ABSURD;

  span = g_date_time_to_unix (when) - now_usec / G_USEC_PER_SEC;
  if (span >= RA_HTTP_RETRY_AFTER_MAX_SECONDS || span <= -RA_HTTP_RETRY_AFTER_MAX_SECONDS)
    return RA_HTTP_RETRY_AFTER_ABSURD;

  *seconds = (guint) MAX (span, 0);
  return RA_HTTP_RETRY_AFTER_WAIT;
}

RaHttpRetryAfter
ra_http_get_retry_after_at (SoupMessage *message,
                            gint64       now_usec,
                            guint       *seconds)
{
  const char *value;
  guint parsed = 0;
  RaHttpRetryAfter kind;

  g_return_val_if_fail (SOUP_IS_MESSAGE (message), RA_HTTP_RETRY_AFTER_NONE);

  value = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                        "Retry-After");
  kind = ra_http_parse_retry_after (value, now_usec, &parsed);
  if (kind == RA_HTTP_RETRY_AFTER_WAIT && seconds != NULL)
    *seconds = parsed;

  return kind;
}

RaHttpRetryAfter
ra_http_get_retry_after (SoupMessage *message,
                         guint       *seconds)
{
  return ra_http_get_retry_after_at (message, g_get_real_time (), seconds);
}

GError *
ra_http_status_error (SoupMessage *message,
                      GBytes      *body)
{
  g_autofree char *server = ra_http_dup_server_message (body);
  guint status;
  const char *host;

  g_return_val_if_fail (SOUP_IS_MESSAGE (message), NULL);

  status = soup_message_get_status (message);
  host = message_host (message);

  switch (status)
    {
    case SOUP_STATUS_BAD_REQUEST:
      if (server != NULL)
        return g_error_new (RA_ERROR, RA_ERROR_INVALID_REQUEST,
                            _("The server refused the request: %s."), server);
      return g_error_new_literal (RA_ERROR, RA_ERROR_INVALID_REQUEST,
                                  _("The server refused the request as invalid."));

    case SOUP_STATUS_UNAUTHORIZED:
      return g_error_new_literal (RA_ERROR, RA_ERROR_UNAUTHORIZED,
                                  _("The server did not accept the access token. Check that "
                                    "the API credentials of this account are still valid."));

    case SOUP_STATUS_FORBIDDEN:
      if (server != NULL)
        return g_error_new (RA_ERROR, RA_ERROR_FORBIDDEN,
                            _("The API credentials do not have permission for this: %s."),
                            server);
      return g_error_new_literal (RA_ERROR, RA_ERROR_FORBIDDEN,
                                  _("The API credentials do not have permission for this. "
                                    "Ask a Nexthink administrator to grant it."));

    case SOUP_STATUS_NOT_FOUND:
      if (server != NULL)
        return g_error_new (RA_ERROR, RA_ERROR_NOT_FOUND,
                            _("The server could not find what was asked for: %s."), server);
      return g_error_new_literal (RA_ERROR, RA_ERROR_NOT_FOUND,
                                  _("The server could not find what was asked for."));

    case RA_HTTP_STATUS_TOO_MANY_REQUESTS:
      {
        guint wait = 0;
        RaHttpRetryAfter retry_after = ra_http_get_retry_after (message, &wait);

        if (retry_after == RA_HTTP_RETRY_AFTER_ABSURD)
          return g_error_new (RA_ERROR, RA_ERROR_RATE_LIMITED,
                              _("The server %s is receiving too many requests and gave no usable "
                                "time to try again (its Retry-After is a day or more away, or "
                                "unreadable). Try again later."),
                              host);
        if (retry_after == RA_HTTP_RETRY_AFTER_WAIT && wait > 0)
          return g_error_new (RA_ERROR, RA_ERROR_RATE_LIMITED,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "The server is receiving too many requests. Try "
                                           "again in %u second.",
                                           "The server is receiving too many requests. Try "
                                           "again in %u seconds.",
                                           wait),
                              wait);
        return g_error_new_literal (RA_ERROR, RA_ERROR_RATE_LIMITED,
                                    _("The server is receiving too many requests. Try again "
                                      "in a moment."));
      }

    default:
      break;
    }

  if (status == SOUP_STATUS_SERVICE_UNAVAILABLE &&
      ra_http_get_retry_after (message, NULL) == RA_HTTP_RETRY_AFTER_ABSURD)
    return g_error_new (RA_ERROR, RA_ERROR_SERVER,
                        _("The server %s is unavailable (HTTP 503) and gave no usable time "
                          "to try again (its Retry-After is a day or more away, or "
                          "unreadable). Try again later."),
                        host);

  if (status >= 500 && status < 600)
    {
      if (server != NULL)
        return g_error_new (RA_ERROR, RA_ERROR_SERVER,
                            _("The server %s had a problem (HTTP %u): %s. Try again later."),
                            host, status, server);
      return g_error_new (RA_ERROR, RA_ERROR_SERVER,
                          _("The server %s had a problem (HTTP %u). Try again later."),
                          host, status);
    }

  return g_error_new (RA_ERROR, RA_ERROR_SERVER,
                      _("The server %s gave an unexpected answer (HTTP %u)."),
                      host, status);
}

JsonNode *
ra_http_parse_json (GBytes  *body,
                    GError **error)
{
  const char *data;
  gsize size;

  /* ra_json_parse() refuses bodies nested deeply enough to overflow
   * json-glib's recursive parser, and never passes on the parser's
   * message, which could quote a token response. */
  data = g_bytes_get_data (body, &size);
  return ra_json_parse (data, size, error);
}
