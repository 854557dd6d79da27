/* ra-json-guard.c — what json-glib may be given to parse
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-json"

#include "config.h"

#include <string.h>

#include "ra-json-private.h"

/* The guard in front of json-glib, whose parser recurses once per "[" or
 * "{" and so overflows the stack on a body of a million of them.
 *
 * Counting brackets is only sound if the guard and json-glib agree on
 * where strings and comments are, and json-glib 1.6's scanner is far
 * more lenient than JSON: it takes single-quoted strings, C comments,
 * a lone "/" as the start of a comment, unknown escapes, raw control
 * characters in strings and hex numbers. Any of those can hide a bracket
 * or a quote from a counter that follows another grammar: a comment
 * holding one double quote, then 100,000 "[", used to crash the app.
 * Rather than track those quirks, which change between versions, the
 * guard takes strict JSON tokens only (RFC 8259: double-quoted strings
 * with the standard escapes and no raw control characters, numbers,
 * true/false/null, the six structural characters, and the four
 * whitespace characters) and refuses everything else before json-glib
 * sees it. On strict tokens every parser splits the body the same way,
 * and json-glib can only go one level deeper per "[" or "{" counted
 * here. The API never sends anything else, so nothing of value is lost.
 * Of the grammar between tokens, the guard checks only that they make
 * one top-level value; the rest is left to json-glib. */

/* Reads the four hex digits after the "u" that p points at. */
static gboolean
read_unit (const char *p,
           const char *end,
           gunichar   *unit)
{
  gunichar value = 0;

  if (end - p < 5)
    return FALSE;
  for (guint i = 1; i <= 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return FALSE;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }
  *unit = value;
  return TRUE;
}

static gboolean
skip_string (const char **pp,
             const char  *end)
{
  const char *p = *pp + 1;

  while (p < end)
    {
      guchar c = (guchar) *p;

      if (c == '"')
        {
          *pp = p + 1;
          return TRUE;
        }
      if (c < 0x20)
        return FALSE;
      if (c != '\\')
        {
          p++;
          continue;
        }

      if (++p >= end)
        return FALSE;
      switch (*p)
        {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
          p++;
          break;

        case 'u':
          {
            gunichar unit;

            if (!read_unit (p, end, &unit))
              return FALSE;
            p += 5;
            /* A UTF-16 surrogate must come as a high one, then a low
             * one; json-glib 1.6 leaks its string buffer on any other
             * order ("\udc00", "\ud800x"). */
            if (unit >= 0xdc00 && unit <= 0xdfff)
              return FALSE;
            if (unit >= 0xd800 && unit <= 0xdbff)
              {
                if (end - p < 2 || p[0] != '\\' || p[1] != 'u' ||
                    !read_unit (p + 1, end, &unit) ||
                    unit < 0xdc00 || unit > 0xdfff)
                  return FALSE;
                p += 6;
              }
          }
          break;

        default:
          return FALSE;
        }
    }

  return FALSE;
}

static gboolean
skip_digits (const char **pp,
             const char  *end)
{
  const char *p = *pp;

  while (p < end && g_ascii_isdigit (*p))
    p++;
  if (p == *pp)
    return FALSE;
  *pp = p;
  return TRUE;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
skip_number (const char **pp,
             const char  *end)
{
  const char *p = *pp;

  if (*p == '-')
    p++;
  if (p < end && *p == '0')
    p++;
  else if (!skip_digits (&p, end))
    return FALSE;

  if (p < end && *p == '.')
    {
      p++;
      if (!skip_digits (&p, end))
        return FALSE;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (!skip_digits (&p, end))
        return FALSE;
    }

  /* "01" or "1x" would be read otherwise by json-glib's scanner. */
  if (p < end && (g_ascii_isalnum (*p) || *p == '.' || *p == '_'))
    return FALSE;

  *pp = p;
  return TRUE;
}

static gboolean
skip_literal (const char **pp,
              const char  *end)
{
  static const char * const literals[] = { "true", "false", "null" };
  const char *p = *pp;

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i]);

      if ((gsize) (end - p) >= len && memcmp (p, literals[i], len) == 0 &&
          ((gsize) (end - p) == len || !(g_ascii_isalnum (p[len]) || p[len] == '_')))
        {
          *pp = p + len;
          return TRUE;
        }
    }

  return FALSE;
}

/* TRUE when data holds strict JSON tokens only, making one top-level
 * value nested at most RA_JSON_MAX_DEPTH deep, with at most max_values
 * values (strings, member names included, numbers, literals, arrays and
 * objects); stops at the first thing it does not take.
 *
 * Besides the depth, the guard also keeps to one top-level value:
 * json-glib 1.6 reads "[] []" or "9[]:" past the first value and leaks
 * the nodes it has built when it then fails, and a closer with nothing
 * open would let the count of open brackets run below the truth. */
gboolean
_ra_json_is_safe_to_parse (const char *data,
                           gsize       length,
                           gsize       max_values,
                           RaJsonCost *cost)
{
  const char *p = data;
  const char *end = data + length;
  guint depth = 0;
  gsize n_values = 0;
  gboolean have_top_value = FALSE;

  if (cost != NULL)
    *cost = RA_JSON_COST_OK;

  /* json-glib skips a UTF-8 byte-order mark, as RFC 8259 allows. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      /* Whitespace, separators and closers first; anything else starts
       * a value. */
      switch (*p)
        {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
          p++;
          continue;

        case ',':
        case ':':
          if (depth == 0)
            return FALSE;
          p++;
          continue;

        case ']':
        case '}':
          if (depth == 0)
            return FALSE;
          depth--;
          p++;
          continue;

        default:
          break;
        }

      if (depth == 0)
        {
          if (have_top_value)
            return FALSE;
          have_top_value = TRUE;
        }

      switch (*p)
        {
        case '[':
        case '{':
          if (++depth > RA_JSON_MAX_DEPTH)
            {
              if (cost != NULL)
                *cost = RA_JSON_COST_TOO_DEEP;
              return FALSE;
            }
          p++;
          break;

        case '"':
          if (!skip_string (&p, end))
            return FALSE;
          break;

        case '-':
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
        case '8':
        case '9':
          if (!skip_number (&p, end))
            return FALSE;
          break;

        case 't':
        case 'f':
        case 'n':
          if (!skip_literal (&p, end))
            return FALSE;
          break;

        default:
          return FALSE;
        }

      if (++n_values > max_values)
        {
          if (cost != NULL)
            *cost = RA_JSON_COST_TOO_MANY;
          return FALSE;
        }
    }

  return TRUE;
}
