/* ra-nql-csv.c — an NQL export's results file, read as an RaNqlResult
 *
 * The file comes from another host than the API and can be large (the
 * export exists for answers larger than execute's): one pass, no
 * recursion, memory bounded by the file's size, and nothing in it can
 * make the reader fail other than a cut file or absurdly many columns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-nql-csv"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ra-error.h"
#include "ra-nql-result-private.h"

typedef struct
{
  const char *p;
  const char *end;
  guint       line;     /* where p is, from 1, for messages */
  GString    *field;
} Reader;

static char *
field_text (GString *field)
{
  if (g_utf8_validate_len (field->str, field->len, NULL))
    return g_strndup (field->str, field->len);

  return g_utf8_make_valid (field->str, field->len);
}

static gboolean
is_field_end (char c)
{
  return c == ',' || c == '\r' || c == '\n';
}

/* Reads one record. fields gets at most max_fields of them; the rest of a
 * longer record is read and dropped, so a line of a million commas costs
 * no more than its bytes. FALSE with error unset at the end of the data. */
static gboolean
read_record (Reader     *reader,
             GPtrArray  *fields,
             guint       max_fields,
             GError    **error)
{
  g_ptr_array_set_size (fields, 0);

  if (reader->p >= reader->end)
    return FALSE;

  for (;;)
    {
      const char *p = reader->p;
      const char *end = reader->end;

      g_string_truncate (reader->field, 0);

      if (p < end && *p == '"')
        {
          guint start_line = reader->line;

          p++;
          for (;;)
            {
              const char *quote = memchr (p, '"', end - p);

              if (quote == NULL)
                {
                  g_set_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                               _("The export’s results file is cut off: a quoted value on "
                                 "line %u never ends."),
                               start_line);
                  return FALSE;
                }

              for (const char *c = p; c < quote; c++)
                if (*c == '\n')
                  reader->line++;
              g_string_append_len (reader->field, p, quote - p);
              p = quote + 1;

              /* A doubled quote is one quote inside the value. */
              if (p < end && *p == '"')
                {
                  g_string_append_c (reader->field, '"');
                  p++;
                  continue;
                }
              break;
            }
        }

      /* An unquoted value, or what follows a closing quote before the
       * comma (not RFC 4180, but kept rather than lost). */
      {
        const char *start = p;

        while (p < end && !is_field_end (*p))
          p++;
        g_string_append_len (reader->field, start, p - start);
      }

      if (fields->len < max_fields)
        g_ptr_array_add (fields, field_text (reader->field));

      if (p >= end)
        {
          reader->p = p;
          return TRUE;
        }

      if (*p == ',')
        {
          reader->p = p + 1;
          continue;
        }

      /* CRLF, LF or a lone CR ends the record. */
      if (*p == '\r' && p + 1 < end && p[1] == '\n')
        p++;
      reader->p = p + 1;
      reader->line++;
      return TRUE;
    }
}

static gboolean
is_blank (GPtrArray *fields)
{
  return fields->len == 1 && ((char *) g_ptr_array_index (fields, 0))[0] == '\0';
}

RaNqlResult *
_ra_nql_result_new_from_csv (const char  *query_id,
                             const char  *data,
                             gsize        size,
                             gboolean     truncated,
                             GError     **error)
{
  g_autoptr(RaNqlResult) self = NULL;
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  Reader reader = { data, data + size, 1, field };
  GError *local_error = NULL;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = _ra_nql_result_new_exported (query_id, truncated);
  known = g_hash_table_new (g_str_hash, g_str_equal);

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    reader.p += 3;

  /* The header, after any blank lines; a file without one is an export
   * that matched nothing. */
  do
    {
      if (!read_record (&reader, fields, RA_NQL_CSV_MAX_COLUMNS + 1, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return NULL;
            }
          return g_steal_pointer (&self);
        }
    }
  while (is_blank (fields));

  if (fields->len > RA_NQL_CSV_MAX_COLUMNS)
    {
      g_set_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                   _("The export’s results file has more than %u columns, more than any "
                     "query for device results returns."),
                   RA_NQL_CSV_MAX_COLUMNS);
      return NULL;
    }

  for (guint i = 0; i < fields->len; i++)
    g_ptr_array_add (columns,
                     (gpointer) _ra_nql_result_add_column (self, known,
                                                           g_ptr_array_index (fields, i)));

  while (read_record (&reader, fields, columns->len, &local_error))
    {
      GHashTable *cells;

      /* A blank line between rows; with a single column it is a row
       * whose value is empty. */
      if (columns->len > 1 && is_blank (fields))
        continue;

      cells = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      for (guint i = 0; i < fields->len; i++)
        g_hash_table_replace (cells, g_ptr_array_index (columns, i),
                              g_steal_pointer (&fields->pdata[i]));
      _ra_nql_result_add_row (self, cells);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&self);
}
