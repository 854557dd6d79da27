/* ra-catalogue-reader.c — turns a list-of-actions body into models
 *
 * A catalogue of 10,000 actions is some 14 MB. Building a json-glib tree
 * for it and then walking the tree takes most of the time between the
 * request and the list, so the common case, a valid catalogue, is read in
 * one pass straight into the models. The reader is deliberately narrow:
 * whatever it is not sure about, it leaves to the tree path, so that
 * every verdict and every error message stays the tree path's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-catalogue-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ra-catalogue-reader-private.h"
#include "ra-error.h"
#include "ra-models-private.h"

/* The schema is six levels deep; unknown members may add a few. Deeper
 * bodies go to the tree path, which knows the real limit. */
#define FAST_MAX_DEPTH 32

typedef struct
{
  const char *p;
  const char *end;
  guint       depth;
} Reader;

static inline void
skip_ws (Reader *r)
{
  while (r->p < r->end &&
         (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static inline gboolean
accept (Reader *r,
        char    c)
{
  skip_ws (r);
  if (r->p < r->end && *r->p == c)
    {
      r->p++;
      return TRUE;
    }
  return FALSE;
}

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
static gboolean
read_string (Reader       *r,
             char        **out,
             const char  **raw,
             gsize        *raw_len)
{
  const char *start;
  const char *p;
  gboolean escaped = FALSE;
  gboolean high = FALSE;
  gsize len;

  skip_ws (r);
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

static gboolean
read_bool (Reader   *r,
           gboolean *out)
{
  skip_ws (r);
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
static gboolean
read_uint (Reader *r,
           gint64 *out)
{
  gint64 value = 0;
  guint n = 0;

  skip_ws (r);
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

static gboolean skip_value (Reader *r);

static gboolean
skip_object (Reader *r)
{
  if (!accept (r, '{') || ++r->depth > FAST_MAX_DEPTH)
    return FALSE;

  if (!accept (r, '}'))
    {
      do
        {
          if (!read_string (r, NULL, NULL, NULL) || !accept (r, ':') || !skip_value (r))
            return FALSE;
        }
      while (accept (r, ','));

      if (!accept (r, '}'))
        return FALSE;
    }

  r->depth--;
  return TRUE;
}

static gboolean
skip_array (Reader *r)
{
  if (!accept (r, '[') || ++r->depth > FAST_MAX_DEPTH)
    return FALSE;

  if (!accept (r, ']'))
    {
      do
        {
          if (!skip_value (r))
            return FALSE;
        }
      while (accept (r, ','));

      if (!accept (r, ']'))
        return FALSE;
    }

  r->depth--;
  return TRUE;
}

static gboolean
skip_value (Reader *r)
{
  gboolean b;
  gint64 i;

  skip_ws (r);
  if (r->p >= r->end)
    return FALSE;

  switch (*r->p)
    {
    case '"':
      return read_string (r, NULL, NULL, NULL);
    case '{':
      return skip_object (r);
    case '[':
      return skip_array (r);
    case 't':
    case 'f':
      return read_bool (r, &b);
    case 'n':
      if (r->end - r->p >= 4 && memcmp (r->p, "null", 4) == 0)
        {
          r->p += 4;
          return TRUE;
        }
      return FALSE;
    case '-':
      r->p++;
      return r->p < r->end && g_ascii_isdigit (*r->p) && read_uint (r, &i);
    default:
      return read_uint (r, &i);
    }
}

/* Reads a member name and its colon; returns the index of the name in
 * names, or -1 for a member the schema does not know (to be skipped),
 * or -2 on any problem. */
static int
read_member (Reader             *r,
             const char * const *names,
             guint               n_names)
{
  const char *name;
  gsize len;

  if (!read_string (r, NULL, &name, &len) || !accept (r, ':'))
    return -2;

  for (guint i = 0; i < n_names; i++)
    {
      if (strlen (names[i]) == len && memcmp (names[i], name, len) == 0)
        return (int) i;
    }

  return -1;
}

/* Walks an object's members. For each known one, calls read with its
 * index; unknown members are skipped; a member seen twice, or one of
 * the names missing at the end, is left to the tree path. */
typedef gboolean (*MemberFunc) (Reader *r, guint index, gpointer data);

static gboolean
read_object (Reader             *r,
             const char * const *names,
             guint               n_names,
             MemberFunc          read,
             gpointer            data)
{
  guint32 seen = 0;

  if (!accept (r, '{') || ++r->depth > FAST_MAX_DEPTH)
    return FALSE;

  if (!accept (r, '}'))
    {
      do
        {
          int index = read_member (r, names, n_names);

          if (index == -2)
            return FALSE;
          if (index == -1)
            {
              if (!skip_value (r))
                return FALSE;
              continue;
            }
          if (seen & (1u << index))
            return FALSE;
          seen |= 1u << index;
          if (!read (r, index, data))
            return FALSE;
        }
      while (accept (r, ','));

      if (!accept (r, '}'))
        return FALSE;
    }

  r->depth--;
  return seen == (1u << n_names) - 1;
}

typedef gpointer (*ItemFunc) (Reader *r);

static GListStore *
read_list (Reader   *r,
           GType     item_type,
           ItemFunc  read)
{
  g_autoptr(GPtrArray) items = NULL;
  GListStore *store;

  if (!accept (r, '[') || ++r->depth > FAST_MAX_DEPTH)
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);

  if (!accept (r, ']'))
    {
      do
        {
          gpointer item = read (r);

          if (item == NULL)
            return NULL;
          g_ptr_array_add (items, item);
        }
      while (accept (r, ','));

      if (!accept (r, ']'))
        return NULL;
    }

  r->depth--;
  store = g_list_store_new (item_type);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return store;
}

static gboolean
read_strv (Reader   *r,
           char   ***out)
{
  g_autoptr(GPtrArray) strings = NULL;

  if (!accept (r, '[') || ++r->depth > FAST_MAX_DEPTH)
    return FALSE;

  strings = g_ptr_array_new_with_free_func (g_free);

  if (!accept (r, ']'))
    {
      do
        {
          char *value = NULL;

          if (!read_string (r, &value, NULL, NULL))
            return FALSE;
          g_ptr_array_add (strings, value);
        }
      while (accept (r, ','));

      if (!accept (r, ']'))
        return FALSE;
    }

  r->depth--;
  g_ptr_array_add (strings, NULL);
  *out = (char **) g_ptr_array_free (g_steal_pointer (&strings), FALSE);
  return TRUE;
}

/* Reads a string member into a field that must still be empty. */
static gboolean
read_field (Reader  *r,
            char   **field)
{
  return read_string (r, field, NULL, NULL);
}

/* Inputs */

typedef struct
{
  char *id;
  char *name;
  char *description;
  char **options;
  gboolean used_by_windows;
  gboolean used_by_macos;
  gboolean allow_custom_value;
} InputFields;

static const char * const input_names[] = {
  "id", "name", "description", "usedByWindows", "usedByMacOs", "options", "allowCustomValue",
};

static gboolean
read_input_member (Reader   *r,
                   guint     index,
                   gpointer  data)
{
  InputFields *f = data;

  switch (index)
    {
    case 0: return read_field (r, &f->id);
    case 1: return read_field (r, &f->name);
    case 2: return read_field (r, &f->description);
    case 3: return read_bool (r, &f->used_by_windows);
    case 4: return read_bool (r, &f->used_by_macos);
    case 5: return read_strv (r, &f->options);
    case 6: return read_bool (r, &f->allow_custom_value);
    default: g_assert_not_reached ();
    }
}

static gpointer
read_input (Reader *r)
{
  InputFields f = { 0 };

  if (!read_object (r, input_names, G_N_ELEMENTS (input_names), read_input_member, &f))
    {
      g_free (f.id);
      g_free (f.name);
      g_free (f.description);
      g_strfreev (f.options);
      return NULL;
    }

  return _ra_action_input_new_take (f.id, f.name, f.description, f.options,
                                    f.used_by_windows, f.used_by_macos,
                                    f.allow_custom_value);
}

/* Outputs */

typedef struct
{
  char *id;
  char *name;
  char *output_type;
  char *description;
  gboolean used_by_windows;
  gboolean used_by_macos;
} OutputFields;

static const char * const output_names[] = {
  "id", "name", "type", "description", "usedByWindows", "usedByMacOs",
};

static gboolean
read_output_member (Reader   *r,
                    guint     index,
                    gpointer  data)
{
  OutputFields *f = data;

  switch (index)
    {
    case 0: return read_field (r, &f->id);
    case 1: return read_field (r, &f->name);
    case 2: return read_field (r, &f->output_type);
    case 3: return read_field (r, &f->description);
    case 4: return read_bool (r, &f->used_by_windows);
    case 5: return read_bool (r, &f->used_by_macos);
    default: g_assert_not_reached ();
    }
}

static gpointer
read_output (Reader *r)
{
  OutputFields f = { 0 };

  if (!read_object (r, output_names, G_N_ELEMENTS (output_names), read_output_member, &f))
    {
      g_free (f.id);
      g_free (f.name);
      g_free (f.output_type);
      g_free (f.description);
      return NULL;
    }

  return _ra_action_output_new_take (f.id, f.name, f.output_type, f.description,
                                     f.used_by_windows, f.used_by_macos);
}

/* Actions */

static gboolean
read_purpose (Reader    *r,
              RaPurpose *out)
{
  RaPurpose purpose = RA_PURPOSE_NONE;

  if (!accept (r, '['))
    return FALSE;

  if (!accept (r, ']'))
    {
      do
        {
          const char *value;
          gsize len;

          if (!read_string (r, NULL, &value, &len))
            return FALSE;
          if (len == 15 && memcmp (value, "DATA_COLLECTION", 15) == 0)
            purpose |= RA_PURPOSE_DATA_COLLECTION;
          else if (len == 11 && memcmp (value, "REMEDIATION", 11) == 0)
            purpose |= RA_PURPOSE_REMEDIATION;
          else
            return FALSE;
        }
      while (accept (r, ','));

      if (!accept (r, ']'))
        return FALSE;
    }

  *out = purpose;
  return TRUE;
}

static gboolean
read_run_as (Reader  *r,
             RaRunAs *out)
{
  const char *value;
  gsize len;

  if (!read_string (r, NULL, &value, &len))
    return FALSE;

  if (len == 12 && memcmp (value, "LOCAL_SYSTEM", 12) == 0)
    *out = RA_RUN_AS_LOCAL_SYSTEM;
  else if (len == 16 && memcmp (value, "INTERACTIVE_USER", 16) == 0)
    *out = RA_RUN_AS_INTERACTIVE_USER;
  else if (len == 19 && memcmp (value, "DELEGATE_TO_SERVICE", 19) == 0)
    *out = RA_RUN_AS_DELEGATE_TO_SERVICE;
  else
    return FALSE;

  return TRUE;
}

static const char * const targeting_names[] = {
  "apiEnabled", "manualEnabled", "workflowEnabled", "manualAllowMultipleDevices",
};

static gboolean
read_targeting_member (Reader   *r,
                       guint     index,
                       gpointer  data)
{
  RaRemoteActionFields *f = data;

  switch (index)
    {
    case 0: return read_bool (r, &f->api_enabled);
    case 1: return read_bool (r, &f->manual_enabled);
    case 2: return read_bool (r, &f->workflow_enabled);
    case 3: return read_bool (r, &f->manual_allow_multiple_devices);
    default: g_assert_not_reached ();
    }
}

static const char * const script_info_names[] = {
  "executionServiceDelegate", "runAs", "timeoutSeconds", "hasScriptWindows",
  "hasScriptMacOs", "inputs", "outputs",
};

static gboolean
read_script_info_member (Reader   *r,
                         guint     index,
                         gpointer  data)
{
  RaRemoteActionFields *f = data;

  switch (index)
    {
    case 0:
      return read_field (r, &f->execution_service_delegate);
    case 1:
      return read_run_as (r, &f->run_as);
    case 2:
      return read_uint (r, &f->timeout_seconds) && f->timeout_seconds <= G_MAXINT32;
    case 3:
      return read_bool (r, &f->has_script_windows);
    case 4:
      return read_bool (r, &f->has_script_macos);
    case 5:
      f->inputs = read_list (r, RA_TYPE_ACTION_INPUT, read_input);
      return f->inputs != NULL;
    case 6:
      f->outputs = read_list (r, RA_TYPE_ACTION_OUTPUT, read_output);
      return f->outputs != NULL;
    default:
      g_assert_not_reached ();
    }
}

static const char * const action_names[] = {
  "id", "uuid", "name", "description", "origin", "builtInContentVersion",
  "purpose", "targeting", "scriptInfo",
};

static gboolean
read_action_member (Reader   *r,
                    guint     index,
                    gpointer  data)
{
  RaRemoteActionFields *f = data;

  switch (index)
    {
    case 0: return read_field (r, &f->id);
    case 1: return read_field (r, &f->uuid);
    case 2: return read_field (r, &f->name);
    case 3: return read_field (r, &f->description);
    case 4: return read_field (r, &f->origin);
    case 5: return read_field (r, &f->built_in_content_version);
    case 6: return read_purpose (r, &f->purpose);
    case 7:
      return read_object (r, targeting_names, G_N_ELEMENTS (targeting_names),
                          read_targeting_member, f);
    case 8:
      return read_object (r, script_info_names, G_N_ELEMENTS (script_info_names),
                          read_script_info_member, f);
    default:
      g_assert_not_reached ();
    }
}

static gpointer
read_action (Reader *r)
{
  RaRemoteActionFields f = { 0 };

  if (!read_object (r, action_names, G_N_ELEMENTS (action_names), read_action_member, &f))
    {
      _ra_remote_action_fields_clear (&f);
      return NULL;
    }

  return _ra_remote_action_new_take (&f);
}

GListStore *
_ra_catalogue_read_fast (const char *data,
                         gsize       length)
{
  Reader r = { data, data + length, 0 };
  g_autoptr(GListStore) store = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  store = read_list (&r, RA_TYPE_REMOTE_ACTION, read_action);
  if (store == NULL)
    return NULL;

  skip_ws (&r);
  if (r.p != r.end)
    return NULL;

  return g_steal_pointer (&store);
}

GListStore *
_ra_catalogue_read_tree (const char  *data,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(JsonNode) root = ra_json_parse (data, length, error);

  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                           _("The list of remote actions from the server is not a JSON "
                             "array."));
      return NULL;
    }

  return ra_remote_action_list_from_json (root, error);
}

GListStore *
_ra_catalogue_read (const char  *data,
                    gsize        length,
                    GError     **error)
{
  GListStore *store;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = _ra_catalogue_read_fast (data, length);
  if (store != NULL)
    return store;

  return _ra_catalogue_read_tree (data, length, error);
}
