/* ra-http-private.h — HTTP plumbing shared by the token provider and the client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "ra-clock.h"
#include "ra-secret.h"

G_BEGIN_DECLS

#define RA_HTTP_USER_AGENT "RemoteActions/" PACKAGE_VERSION
/* libsoup 3.2 has no name for it. */
#define RA_HTTP_STATUS_TOO_MANY_REQUESTS 429

/* No single HTTP exchange (sending, waiting, reading the whole body)
 * may take longer; libsoup's own timeout is only per read. */
#define RA_HTTP_DEFAULT_DEADLINE_MS (90 * 1000)
/* Connections to one host at a time: room for the lookups of a name
 * resolution (RA_DEVICE_RESOLVER_DEFAULT_CONCURRENCY) beside a call of
 * the catalogue or the results. */
#define RA_HTTP_MAX_CONNS_PER_HOST 6
/* The body of an error status is read only for the server's words. */
#define RA_HTTP_MAX_ERROR_BODY_SIZE (1024 * 1024)

SoupSession *ra_http_session_new         (void);
/* The deadline of every exchange through session: past it, the exchange
 * fails with G_IO_ERROR_TIMED_OUT (RA_ERROR_TIMED_OUT once mapped). */
void         ra_http_session_set_deadline (SoupSession  *session,
                                          guint          deadline_ms);
/* The clock the deadline is timed on; default: the system's. */
void         ra_http_session_set_clock    (SoupSession  *session,
                                          RaClock       *clock);

/* Builds a message with the headers every request carries. Redirects are
 * not followed: a bearer token must never be replayed to another URL. */
SoupMessage *ra_http_message_new         (const char    *method,
                                          const char    *url);

/* Sends message and reads the whole body, at most max_body_size bytes
 * after decoding, incrementally (Content-Length is not trusted), within
 * the session's deadline. The body of a non-2xx status is read up to
 * RA_HTTP_MAX_ERROR_BODY_SIZE, and is empty when larger, so that the
 * status is still reported. Errors are the transport's own (GIOError,
 * GTlsError, GResolverError, SoupSessionError; G_IO_ERROR_TIMED_OUT at the
 * deadline) except RA_ERROR_RESPONSE_TOO_LARGE; map them with
 * ra_http_map_transport_error(). */
void      ra_http_send_async             (SoupSession          *session,
                                          SoupMessage          *message,
                                          gsize                 max_body_size,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
GBytes   *ra_http_send_finish            (GAsyncResult         *result,
                                          GError              **error);

/* Bytes of a 2xx body read so far, and the declared length (0: unknown). */
typedef void (*RaHttpProgressFunc) (guint64  received,
                                    guint64  total,
                                    gpointer user_data);

/* The same, telling progress after each chunk read, on the caller's
 * main context; finish with ra_http_send_finish (). progress_data must
 * outlive the call. */
void      ra_http_send_with_progress_async (SoupSession        *session,
                                            SoupMessage        *message,
                                            gsize               max_body_size,
                                            RaHttpProgressFunc  progress,
                                            gpointer            progress_data,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);

/* An RA_ERROR for a transport failure; cancellation is copied unchanged.
 * unsafe_to_resend: the request (an execute) was written, so the message
 * says it was lost after it was sent, whatever broke. */
GError   *ra_http_map_transport_error    (const GError         *error,
                                          SoupMessage          *message,
                                          gboolean              unsafe_to_resend);
/* An RA_ERROR for a non-2xx status, with the server's {code, message}
 * when the body has one. */
GError   *ra_http_status_error           (SoupMessage          *message,
                                          GBytes               *body);
/* A wait of this many seconds or more is not a wait but a broken server. */
#define RA_HTTP_RETRY_AFTER_MAX_SECONDS (24 * 60 * 60)

typedef enum
{
  RA_HTTP_RETRY_AFTER_NONE,     /* no header */
  RA_HTTP_RETRY_AFTER_WAIT,     /* a usable wait, in seconds */
  RA_HTTP_RETRY_AFTER_ABSURD,   /* a day or more, negative or unreadable */
} RaHttpRetryAfter;

/* A Retry-After value, delta-seconds or an HTTP date, judged against
 * now_usec (µs since the Unix epoch). Pure, for fuzzing. */
RaHttpRetryAfter ra_http_parse_retry_after (const char         *value,
                                            gint64              now_usec,
                                            guint              *seconds);
/* The same for a response's header, against the wall clock; seconds is
 * set only for RA_HTTP_RETRY_AFTER_WAIT. */
RaHttpRetryAfter ra_http_get_retry_after   (SoupMessage        *message,
                                            guint              *seconds);
/* The same against now_usec, the wall time of the caller's clock. */
RaHttpRetryAfter ra_http_get_retry_after_at (SoupMessage       *message,
                                             gint64             now_usec,
                                             guint             *seconds);
/* The body as JSON, or RA_ERROR_MALFORMED_RESPONSE. */
JsonNode *ra_http_parse_json             (GBytes               *body,
                                          GError              **error);
/* Text from a server made fit for a sentence of ours: valid UTF-8, no
 * control characters, no full stop at the end, 500 characters at most;
 * NULL when nothing is left. */
char     *ra_http_clean_server_text      (const char           *text);
/* "code: message" from an error body, or NULL. */
char     *ra_http_dup_server_message     (GBytes               *body);

G_END_DECLS
