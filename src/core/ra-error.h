/* ra-error.h — the one error domain of the core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RA_ERROR (ra_error_quark ())

/* Codes a UI can act on. Every GError in RA_ERROR carries a message that
 * is a complete sentence fit to show to an IT admin, and never contains
 * a secret or a token. */
typedef enum
{
  RA_ERROR_NETWORK,            /* DNS, refused, unreachable, timeout, dropped connection */
  RA_ERROR_TLS,                /* certificate or handshake problem */
  RA_ERROR_UNAUTHORIZED,       /* 401: credentials rejected or token refused */
  RA_ERROR_FORBIDDEN,          /* 403: missing permission; message has the server's words */
  RA_ERROR_NOT_FOUND,          /* 404 */
  RA_ERROR_INVALID_REQUEST,    /* 400: message has the server's code and message */
  RA_ERROR_RATE_LIMITED,       /* 429: message says how long to wait */
  RA_ERROR_SERVER,             /* 5xx and any other unexpected status */
  RA_ERROR_MALFORMED_RESPONSE, /* body is not what the schema says; names the field */
  RA_ERROR_RESPONSE_TOO_LARGE, /* body larger than the client accepts */
  RA_ERROR_INVALID_INPUT,      /* refused locally before anything was sent */
  RA_ERROR_INVALID_ENDPOINT,   /* bad instance name, region or base URL */
  RA_ERROR_KEYRING,            /* Secret Service missing, locked or refused */
  /* No complete answer within the request's deadline (or libsoup's
   * per-read timeout): the request may have reached the server. For an
   * execute, the outcome is unknown — neither "not sent" nor "started". */
  RA_ERROR_TIMED_OUT,
} RaErrorCode;

GQuark ra_error_quark (void);

G_END_DECLS
