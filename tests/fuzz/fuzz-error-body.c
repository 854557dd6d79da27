/* fuzz-error-body.c — error bodies and Retry-After
 *
 * The server's words from an error body end up inside a sentence shown
 * to the admin: valid UTF-8, no control characters, bounded length.
 * Retry-After is judged against a fixed time: a usable wait is always
 * under a day. Input: the Retry-After value, a NUL, then the body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-error-body"

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ra-http-private.h"

/* 2026-01-01T00:00:00Z */
#define NOW_USEC (G_GINT64_CONSTANT (1767225600) * G_USEC_PER_SEC)

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  const char *nul = memchr (text, '\0', size);
  g_autofree char *retry_after = g_strndup (text, nul != NULL ? (gsize) (nul - text) : size);
  g_autoptr(GBytes) body = NULL;
  g_autofree char *message = NULL;
  RaHttpRetryAfter kind;
  guint seconds = G_MAXUINT;

  kind = ra_http_parse_retry_after (retry_after, NOW_USEC, &seconds);
  switch (kind)
    {
    case RA_HTTP_RETRY_AFTER_WAIT:
      g_assert_cmpuint (seconds, <, RA_HTTP_RETRY_AFTER_MAX_SECONDS);
      break;
    case RA_HTTP_RETRY_AFTER_NONE:
    case RA_HTTP_RETRY_AFTER_ABSURD:
      break;
    default:
      g_assert_not_reached ();
    }

  body = nul != NULL ? g_bytes_new (nul + 1, size - (nul + 1 - text))
                     : g_bytes_new (data, size);
  message = ra_http_dup_server_message (body);
  if (message != NULL)
    {
      g_assert_true (g_utf8_validate (message, -1, NULL));
      g_assert_cmpuint (strlen (message), >, 0);
      /* Two members of at most 500 characters, "…" and " ()". */
      g_assert_cmpuint (g_utf8_strlen (message, -1), <=, 2 * 501 + 3);
      for (const char *p = message; *p != '\0'; p = g_utf8_next_char (p))
        g_assert_false (g_unichar_iscntrl (g_utf8_get_char (p)));
    }

  return 0;
}
