/* ra-json-reader-private.h — the tokens of a one-pass JSON reader
 *
 * Every function returns FALSE, without an error, on anything it does
 * not take: its callers then hand the body to json-glib, whose verdict
 * and messages are the reference. It only takes plain, strict JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The schema is six levels deep; unknown members may add a few. Deeper
 * bodies go to the tree path, which knows the real limit. */
#define RA_JSON_READER_MAX_DEPTH 32

typedef struct
{
  const char *p;
  const char *end;
  guint       depth;
} RaJsonReader;

static inline void
ra_json_reader_skip_ws (RaJsonReader *r)
{
  while (r->p < r->end &&
         (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static inline gboolean
ra_json_reader_accept (RaJsonReader *r,
                       char          c)
{
  ra_json_reader_skip_ws (r);
  if (r->p < r->end && *r->p == c)
    {
      r->p++;
      return TRUE;
    }
  return FALSE;
}

/* A string; with raw, it must have no escapes and *raw points into the
 * body; with out, *out is a copy; with neither, it is only checked. */
gboolean _ra_json_reader_string (RaJsonReader  *r,
                                 char         **out,
                                 const char   **raw,
                                 gsize         *raw_len);
gboolean _ra_json_reader_bool   (RaJsonReader  *r,
                                 gboolean      *out);
/* Plain integers only: no sign, no leading zero, fraction or exponent. */
gboolean _ra_json_reader_uint   (RaJsonReader  *r,
                                 gint64        *out);
/* Any value, checked and passed over. */
gboolean _ra_json_reader_skip   (RaJsonReader  *r);

G_END_DECLS
