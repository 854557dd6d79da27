/* ra-json-reader.c — the tokens of a one-pass JSON reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-json-reader"

#include "config.h"

#include <string.h>

#include "ra-json-reader-private.h"

static gboolean skip_object (RaJsonReader *r);
static gboolean skip_array (RaJsonReader *r);

static gboolean
read_hex4 (const char *p,
           gunichar   *out)
{
  gunichar value = 0;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      value = (value << 4) | (gunichar) digit;
    }

  *out = value;
  return TRUE;
}

/* Decodes the escapes of a string of len bytes (without its quotes) into
 * a new buffer. Decoding never makes a string longer. */
static char *
decode_escapes (const char *s,
                gsize       len)
{
  g_autofree char *buf = g_malloc (len + 1);
  char *q = buf;
  gsize i = 0;

  while (i < len)
    {
      gunichar ch;

      if (s[i] != '\\')
        {
          *q++ = s[i++];
          continue;
        }

      if (i + 1 >= len)
        return NULL;

      switch (s[i + 1])
        {
        case '"': *q++ = '"'; i += 2; continue;
        case '\\': *q++ = '\\'; i += 2; continue;
        case '/': *q++ = '/'; i += 2; continue;
        case 'b': *q++ = '\b'; i += 2; continue;
        case 'f': *q++ = '\f'; i += 2; continue;
        case 'n': *q++ = '\n'; i += 2; continue;
        case 'r': *q++ = '\r'; i += 2; continue;
        case 't': *q++ = '\t'; i += 2; continue;
        case 'u': break;
        default: return NULL;
        }

      if (i + 6 > len || !read_hex4 (s + i + 2, &ch))
        return NULL;
      i += 6;

      /* An escaped NUL would cut the string short in the tree path. */
      if (ch == 0 || (ch >= 0xDC00 && ch <= 0xDFFF))
        return NULL;

      if (ch >= 0xD800 && ch <= 0xDBFF)
        {
          gunichar low;

          if (i + 6 > len || s[i] != '\\' || s[i + 1] != 'u' ||
              !read_hex4 (s + i + 2, &low) || low < 0xDC00 || low > 0xDFFF)
            return NULL;
          i += 6;
          ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
        }

      q += g_unichar_to_utf8 (ch, q);
    }

  *q = '\0';

  if (!g_utf8_validate (buf, q - buf, NULL))
    return NULL;

  return g_steal_pointer (&buf);
}

/* Reads a string. With raw, the string must have no escapes and *raw
 * points at its bytes in the body (for member names and enum values);
 * with out, *out is a copy; with neither, it is only checked. */
gboolean
_ra_json_reader_string (RaJsonReader  *r,
                        char         **out,
                        const char   **raw,
                        gsize         *raw_len)
{
  const char *start;
  const char *p;
  gboolean escaped = FALSE;
  gboolean high = FALSE;
  gsize len;

  ra_json_reader_skip_ws (r);
  if (r->p >= r->end || *r->p != '"')
    return FALSE;

  start = p = r->p + 1;
  for (;;)
    {
      guchar c;

      if (p >= r->end)
        return FALSE;

      c = (guchar) *p;
      if (c == '"')
        break;
      if (c < 0x20)
        return FALSE;
      if (c == '\\')
        {
          escaped = TRUE;
          p += 2;
          continue;
        }
      if (c >= 0x80)
        high = TRUE;
      p++;
    }

  len = p - start;
  r->p = p + 1;

  if (high && !g_utf8_validate (start, len, NULL))
    return FALSE;

  if (!escaped)
    {
      if (raw != NULL)
        {
          *raw = start;
          *raw_len = len;
        }
      if (out != NULL)
        *out = g_strndup (start, len);
      return TRUE;
    }

  if (raw != NULL)
    return FALSE;

  {
    char *decoded = decode_escapes (start, len);

    if (decoded == NULL)
      return FALSE;
    if (out != NULL)
      *out = decoded;
    else
      g_free (decoded);
  }

  return TRUE;
}

gboolean
_ra_json_reader_bool (RaJsonReader *r,
                      gboolean     *out)
{
  ra_json_reader_skip_ws (r);
  if (r->end - r->p >= 4 && memcmp (r->p, "true", 4) == 0)
    {
      r->p += 4;
      *out = TRUE;
      return TRUE;
    }
  if (r->end - r->p >= 5 && memcmp (r->p, "false", 5) == 0)
    {
      r->p += 5;
      *out = FALSE;
      return TRUE;
    }
  return FALSE;
}

/* Plain integers only: no sign, no leading zero, no fraction or
 * exponent, short enough not to overflow. */
gboolean
_ra_json_reader_uint (RaJsonReader *r,
                      gint64       *out)
{
  gint64 value = 0;
  guint n = 0;

  ra_json_reader_skip_ws (r);
  while (r->p < r->end && g_ascii_isdigit (*r->p))
    {
      if (n == 0 && *r->p == '0' && r->p + 1 < r->end && g_ascii_isdigit (r->p[1]))
        return FALSE;
      if (++n > 18)
        return FALSE;
      value = value * 10 + (*r->p - '0');
      r->p++;
    }

  if (n == 0)
    return FALSE;
  if (r->p < r->end && (*r->p == '.' || *r->p == 'e' || *r->p == 'E'))
    return FALSE;

  *out = value;
  return TRUE;
}

static gboolean
skip_object (RaJsonReader *r)
{
  if (!ra_json_reader_accept (r, '{') || ++r->depth > RA_JSON_READER_MAX_DEPTH)
    return FALSE;

  if (!ra_json_reader_accept (r, '}'))
    {
      do
        {
          if (!_ra_json_reader_string (r, NULL, NULL, NULL) || !ra_json_reader_accept (r, ':') || !_ra_json_reader_skip (r))
            return FALSE;
        }
      while (ra_json_reader_accept (r, ','));

      if (!ra_json_reader_accept (r, '}'))
        return FALSE;
    }

  r->depth--;
  return TRUE;
}

static gboolean
skip_array (RaJsonReader *r)
{
  if (!ra_json_reader_accept (r, '[') || ++r->depth > RA_JSON_READER_MAX_DEPTH)
    return FALSE;

  if (!ra_json_reader_accept (r, ']'))
    {
      do
        {
          if (!_ra_json_reader_skip (r))
            return FALSE;
        }
      while (ra_json_reader_accept (r, ','));

      if (!ra_json_reader_accept (r, ']'))
        return FALSE;
    }

  r->depth--;
  return TRUE;
}

gboolean
_ra_json_reader_skip (RaJsonReader *r)
{
  gboolean b;
  gint64 i;

  ra_json_reader_skip_ws (r);
  if (r->p >= r->end)
    return FALSE;

  switch (*r->p)
    {
    case '"':
      return _ra_json_reader_string (r, NULL, NULL, NULL);
    case '{':
      return skip_object (r);
    case '[':
      return skip_array (r);
    case 't':
    case 'f':
      return _ra_json_reader_bool (r, &b);
    case 'n':
      if (r->end - r->p >= 4 && memcmp (r->p, "null", 4) == 0)
        {
          r->p += 4;
          return TRUE;
        }
      return FALSE;
    case '-':
      r->p++;
      return r->p < r->end && g_ascii_isdigit (*r->p) && _ra_json_reader_uint (r, &i);
    default:
      return _ra_json_reader_uint (r, &i);
    }
}
