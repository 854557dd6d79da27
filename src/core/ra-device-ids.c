/* ra-device-ids.c — collector IDs from pasted text, CSV or a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-ids"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ra-device-ids-private.h"
#include "ra-error.h"

/* Invalid entries are shown to people; a pasted binary file must not turn
 * into one enormous label. */
#define MAX_ENTRY_BYTES 200
/* Only the first invalid entries are kept, the rest only counted: a
 * paste of "a,a,a…" would otherwise cost far more memory than its text. */
#define MAX_KEPT_INVALID RA_DEVICE_IDS_MAX_KEPT_INVALID
/* A header line with more cells than this is data, not a header. */
#define MAX_HEADER_COLUMNS 1024
/* How many cells are read between two looks at the cancellable. */
#define CANCEL_CHECK_CELLS 4096

/* Separators between IDs in a plain list. */
#define LIST_SEPARATORS ",; \t"

typedef struct
{
  char  *entry;
  guint  line;
  /* Where the entry is in its line, in bytes. */
  guint  start;
  guint  end;
} Invalid;

/* Where a cell is written, quotes included, blanks around it not. */
typedef struct
{
  const char *start;
  const char *end;
} Span;

struct _RaDeviceIds
{
  GObject parent_instance;

  GPtrArray *ids;       /* NULL-terminated */
  GHashTable *seen;     /* lower-case ID → nothing, borrowed from ids */
  GArray *invalid;      /* of Invalid, the first MAX_KEPT_INVALID */
  guint n_invalid;
  guint n_duplicates;
  /* Device names, when they are accepted: as first written, each once
   * whatever its case (NULL-terminated), and their folded forms. */
  gboolean accept_names;
  GPtrArray *names;
  GHashTable *seen_names;

  /* While parsing only. */
  GCancellable *cancellable;
  const char *text;     /* as given, byte-order mark included */
  const char *after_bom;
  RaDeviceIdsEdit *edit;
  guint n_cells;
  gboolean cancelled;
};

G_DEFINE_FINAL_TYPE (RaDeviceIds, ra_device_ids, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IDS,
  PROP_N_IDS,
  PROP_N_DUPLICATES,
  PROP_N_INVALID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Header names that say "this column holds collector IDs", best first:
 * the Nexthink field names, then what people call the column by hand. */
static const char * const id_headers[] = {
  "device.collector.id",
  "device.collector.uid",
  "collector.id",
  "collector.uid",
  "collector id",
  "collector uid",
  "collector_id",
  "collector_uid",
  "collectorid",
  "collectoruid",
  "collector",
  "id",
  "uuid",
  NULL
};

static void
clear_invalid (gpointer data)
{
  Invalid *invalid = data;

  g_free (invalid->entry);
}

static void
ra_device_ids_finalize (GObject *object)
{
  RaDeviceIds *self = (RaDeviceIds *)object;

  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->invalid, g_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->seen_names, g_hash_table_unref);

  G_OBJECT_CLASS (ra_device_ids_parent_class)->finalize (object);
}

static void
ra_device_ids_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RaDeviceIds *self = RA_DEVICE_IDS (object);

  switch (prop_id)
    {
    case PROP_IDS:
      g_value_set_boxed (value, self->ids->pdata);
      break;
    case PROP_N_IDS:
      g_value_set_uint (value, ra_device_ids_get_n_ids (self));
      break;
    case PROP_N_DUPLICATES:
      g_value_set_uint (value, self->n_duplicates);
      break;
    case PROP_N_INVALID:
      g_value_set_uint (value, self->n_invalid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_device_ids_class_init (RaDeviceIdsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_device_ids_finalize;
  object_class->get_property = ra_device_ids_get_property;

  properties [PROP_IDS] =
    g_param_spec_boxed ("ids", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_N_IDS] =
    g_param_spec_uint ("n-ids", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_N_DUPLICATES] =
    g_param_spec_uint ("n-duplicates", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_N_INVALID] =
    g_param_spec_uint ("n-invalid", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ra_device_ids_init (RaDeviceIds *self)
{
  self->ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->ids, NULL);
  self->seen = g_hash_table_new (g_str_hash, g_str_equal);
  self->invalid = g_array_new (FALSE, FALSE, sizeof (Invalid));
  g_array_set_clear_func (self->invalid, clear_invalid);
  self->names = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->names, NULL);
  self->seen_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Reads the cell at *p into cell, and moves *p past it and its
 * separator; FALSE once the line is used up. Cells may be quoted with
 * double quotes ("" inside stands for one quote); quotes do not span
 * lines, so a stray quote cannot swallow the rest of a paste. Whitespace
 * around cells is dropped. Empty cells are returned too (check
 * cell->len and quoted), so that column positions hold. One cell at a
 * time: a line of a million cells never becomes a million strings. */
static gboolean
next_cell (const char **pp,
           const char  *end,
           const char  *separators,
           GString     *cell,
           gboolean    *quoted,
           Span        *span)
{
  const char *p = *pp;

  if (p > end)
    return FALSE;

  g_string_truncate (cell, 0);
  *quoted = FALSE;

  /* Leading blanks that are not themselves separators. */
  while (p < end && (*p == ' ' || *p == '\t') && strchr (separators, *p) == NULL)
    p++;
  span->start = p;

  if (p < end && *p == '"')
    {
      *quoted = TRUE;
      p++;
      while (p < end)
        {
          if (*p == '"')
            {
              if (p + 1 < end && p[1] == '"')
                {
                  g_string_append_c (cell, '"');
                  p += 2;
                  continue;
                }
              p++;
              break;
            }
          g_string_append_c (cell, *p++);
        }
    }

  /* The unquoted cell, or whatever follows a closing quote. */
  while (p < end && strchr (separators, *p) == NULL)
    g_string_append_c (cell, *p++);

  while (cell->len > 0 &&
         (cell->str[cell->len - 1] == ' ' || cell->str[cell->len - 1] == '\t'))
    g_string_truncate (cell, cell->len - 1);

  span->end = p;
  while (span->end > span->start && (span->end[-1] == ' ' || span->end[-1] == '\t'))
    span->end--;

  /* Past the separator, or past the end of the line. */
  *pp = p + 1;

  return TRUE;
}

/* Splits a header line into at most max_cells cells; FALSE when it has
 * more. */
static gboolean
split_header (const char *line,
              const char *end,
              const char *separators,
              guint       max_cells,
              GPtrArray  *cells)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = line;
  gboolean quoted;
  Span span;

  while (next_cell (&p, end, separators, cell, &quoted, &span))
    {
      if (cells->len == max_cells)
        return FALSE;
      g_ptr_array_add (cells, g_strndup (cell->str, cell->len));
    }

  return TRUE;
}

/* Whether parsing should stop; looks at the cancellable now and then. */
static gboolean
should_stop (RaDeviceIds *self)
{
  if (self->cancelled)
    return TRUE;

  if (self->cancellable != NULL && ++self->n_cells % CANCEL_CHECK_CELLS == 0)
    self->cancelled = g_cancellable_is_cancelled (self->cancellable);

  return self->cancelled;
}

static const char *
next_line (const char  *p,
           const char **line_end)
{
  const char *end = p + strcspn (p, "\r\n");

  *line_end = end;

  if (end[0] == '\r' && end[1] == '\n')
    return end + 2;
  if (end[0] != '\0')
    return end + 1;
  return end;
}

static gboolean
is_blank_line (const char *line,
               const char *end)
{
  for (const char *p = line; p < end; p++)
    {
      if (*p != ' ' && *p != '\t')
        return FALSE;
    }

  return TRUE;
}

static gboolean
looks_like_id (const char *cell)
{
  return g_uuid_string_is_valid (cell);
}

/* A device name as Nexthink keeps them: up to 255 bytes of text with a
 * letter or a digit in it, no control characters. */
static gboolean
looks_like_name (const char *cell)
{
  gboolean has_alnum = FALSE;
  gsize length = strlen (cell);

  if (length > RA_DEVICE_IDS_MAX_NAME_BYTES || !g_utf8_validate (cell, length, NULL))
    return FALSE;

  for (const char *p = cell; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        return FALSE;
      has_alnum = has_alnum || g_unichar_isalnum (c);
    }

  return has_alnum;
}

static void
add_name (RaDeviceIds *self,
          const char  *cell)
{
  char *key = g_utf8_casefold (cell, -1);

  if (!g_hash_table_add (self->seen_names, key))
    {
      self->n_duplicates++;
      return;
    }

  self->names->pdata[self->names->len - 1] = g_strdup (cell);
  g_ptr_array_add (self->names, NULL);
}

/* Whether cell was fine (an ID, a name if they are accepted, or blank);
 * an invalid entry is kept
 * with where it is (span, in the line starting at line_start). */
static gboolean
add_cell (RaDeviceIds *self,
          const char  *cell,
          guint        line,
          const char  *line_start,
          const Span  *span)
{
  if (cell[0] == '\0')
    return TRUE;

  if (looks_like_id (cell))
    {
      char *id = g_ascii_strdown (cell, -1);

      if (g_hash_table_contains (self->seen, id))
        {
          self->n_duplicates++;
          g_free (id);
          return TRUE;
        }

      self->ids->pdata[self->ids->len - 1] = id;
      g_ptr_array_add (self->ids, NULL);
      g_hash_table_add (self->seen, id);
      return TRUE;
    }
  else if (self->accept_names && looks_like_name (cell))
    {
      add_name (self, cell);
      return TRUE;
    }
  else
    {
      Invalid invalid;
      g_autofree char *valid = NULL;
      gsize length = strlen (cell);

      /* The byte-order mark is not data, but it is in the line. */
      guint shift = line_start == self->after_bom ? self->after_bom - self->text : 0;

      self->n_invalid++;
      if (self->invalid->len >= MAX_KEPT_INVALID)
        return FALSE;

      /* Only the start is shown: no need to clean up all of a huge cell. */
      valid = g_utf8_make_valid (cell, MIN (length, MAX_ENTRY_BYTES + 4));
      if (strlen (valid) > MAX_ENTRY_BYTES)
        {
          const char *cut = g_utf8_find_prev_char (valid, valid + MAX_ENTRY_BYTES + 1);

          invalid.entry = g_strdup_printf ("%.*s…", (int) (cut - valid), valid);
        }
      else
        invalid.entry = g_steal_pointer (&valid);

      invalid.line = line;
      invalid.start = span->start - line_start + shift;
      invalid.end = span->end - line_start + shift;
      g_array_append_val (self->invalid, invalid);
      return FALSE;
    }
}

/* Which separator a header line uses: the most frequent of comma,
 * semicolon and tab outside quotes, or none. */
static char
guess_separator (const char *line,
                 const char *end)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (const char *p = line; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
      else if (*p == '\t')
        tabs++;
    }

  if (tabs > 0 && tabs >= semicolons && tabs >= commas)
    return '\t';
  if (semicolons > 0 && semicolons >= commas)
    return ';';
  if (commas > 0)
    return ',';
  return '\0';
}

static int
find_header_column (GPtrArray *cells)
{
  for (guint h = 0; id_headers[h] != NULL; h++)
    {
      for (guint i = 0; i < cells->len; i++)
        {
          if (g_ascii_strcasecmp (g_ptr_array_index (cells, i), id_headers[h]) == 0)
            return (int) i;
        }
    }

  return -1;
}

/* With a header that names no ID column, the one column holding UUIDs is
 * taken. When several do, there is no telling which are collector IDs:
 * -1, and the text is read as a list, so everything is shown to the admin
 * rather than a column being dropped on a guess. */
static int
find_column_by_content (RaDeviceIds *self,
                        const char  *text,
                        const char  *separators,
                        guint        n_columns)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  g_autofree guint *counts = g_new0 (guint, n_columns);
  const char *p = text;
  int best = -1;

  while (*p != '\0' && !self->cancelled)
    {
      const char *end;
      const char *c = p;
      gboolean quoted;
      Span span;

      p = next_line (p, &end);

      for (guint i = 0; i < n_columns && next_cell (&c, end, separators, cell, &quoted, &span); i++)
        {
          if (should_stop (self))
            break;
          if (looks_like_id (cell->str))
            counts[i]++;
        }
    }

  for (guint i = 0; i < n_columns; i++)
    {
      if (counts[i] == 0)
        continue;
      if (best >= 0)
        return -1;
      best = (int) i;
    }

  return best;
}

static void
parse_list (RaDeviceIds *self,
            const char  *text,
            guint        first_line)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text;
  guint line_number = first_line;

  while (*p != '\0' && !self->cancelled)
    {
      const char *end;
      const char *line = p;
      const char *c = p;
      gboolean quoted;
      Span span;

      p = next_line (p, &end);

      while (next_cell (&c, end, LIST_SEPARATORS, cell, &quoted, &span))
        {
          if (should_stop (self))
            break;
          if (!add_cell (self, cell->str, line_number, line, &span) && self->edit != NULL)
            _ra_device_ids_edit_cut_entry (self->edit, self->text, line, end, p,
                                           span.start, span.end);
        }

      line_number++;
    }
}

static void
parse_table (RaDeviceIds *self,
             const char  *text,
             guint        first_line,
             const char  *separators,
             guint        column)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text;
  guint line_number = first_line;

  while (*p != '\0' && !should_stop (self))
    {
      const char *end;
      const char *line = p;

      p = next_line (p, &end);

      if (!is_blank_line (line, end))
        {
          const char *c = line;
          gboolean quoted;
          gboolean found = FALSE;
          gboolean valid;
          Span span;

          for (guint i = 0; next_cell (&c, end, separators, cell, &quoted, &span); i++)
            {
              if (i == column)
                {
                  found = TRUE;
                  break;
                }
            }

          if (found)
            {
              valid = add_cell (self, cell->str, line_number, line, &span);
              if (self->edit != NULL)
                _ra_device_ids_edit_add_cell (self->edit, cell->str, cell->len);
            }
          else
            {
              /* A row without the column, such as a total under the
               * table: shown as written, so the admin can judge it. */
              g_autofree char *row = g_strndup (line, end - line);

              span.start = line;
              span.end = end;
              while (span.start < span.end && (*span.start == ' ' || *span.start == '\t'))
                span.start++;
              while (span.end > span.start && (span.end[-1] == ' ' || span.end[-1] == '\t'))
                span.end--;
              g_strstrip (row);
              valid = add_cell (self, row, line_number, line, &span);
              if (self->edit != NULL)
                _ra_device_ids_edit_add_cell (self->edit, row, strlen (row));
            }

          /* In a table, a row with a mistake goes as a whole. */
          if (!valid && self->edit != NULL)
            _ra_device_ids_edit_cut (self->edit, line - self->text, p - self->text);
        }

      line_number++;
    }
}

RaDeviceIds *
ra_device_ids_parse (const char *text)
{
  return ra_device_ids_parse_full (text, NULL);
}

RaDeviceIds *
ra_device_ids_parse_full (const char   *text,
                          GCancellable *cancellable)
{
  return _ra_device_ids_parse_edit (text, cancellable, FALSE, NULL);
}

RaDeviceIds *
ra_device_ids_parse_with_names (const char   *text,
                                GCancellable *cancellable)
{
  return _ra_device_ids_parse_edit (text, cancellable, TRUE, NULL);
}

RaDeviceIds *
_ra_device_ids_parse_edit (const char      *text,
                           GCancellable    *cancellable,
                           gboolean         accept_names,
                           RaDeviceIdsEdit *edit)
{
  g_autoptr(RaDeviceIds) self = g_object_new (RA_TYPE_DEVICE_IDS, NULL);
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  const char *p;
  const char *first, *first_end;
  const char *body;
  guint first_line = 1;
  char separator;
  char separators[2] = { 0, 0 };
  int column;

  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (text == NULL)
    return g_steal_pointer (&self);

  self->cancellable = cancellable;
  self->accept_names = accept_names;
  self->edit = edit;
  self->text = text;

  /* A byte-order mark, as spreadsheet programs write them. */
  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;
  self->after_bom = text;

  /* The first line with something on it may be a header. */
  p = text;
  for (;;)
    {
      first = p;
      p = next_line (p, &first_end);
      if (!is_blank_line (first, first_end) || *p == '\0')
        break;
      first_line++;
    }
  body = p;

  separator = guess_separator (first, first_end);
  separators[0] = separator;

  if (!split_header (first, first_end, separators, MAX_HEADER_COLUMNS, header))
    {
      /* Far too many cells for a header: data from the first line on. */
      parse_list (self, text, 1);
      goto out;
    }

  for (guint i = 0; i < header->len; i++)
    {
      if (looks_like_id (g_ptr_array_index (header, i)))
        {
          /* Data from the first line on: a plain list. */
          parse_list (self, text, 1);
          goto out;
        }
    }

  column = find_header_column (header);

  if (column >= 0 && header->len == 1)
    {
      /* A one-column table is a list under a title. */
      if (edit != NULL)
        _ra_device_ids_edit_set_table (edit, body - self->text);
      parse_list (self, body, first_line + 1);
    }
  else if (column >= 0 ||
           (header->len > 1 &&
            (column = find_column_by_content (self, body, separators, header->len)) >= 0))
    {
      if (edit != NULL)
        _ra_device_ids_edit_set_table (edit, -1);
      parse_table (self, body, first_line + 1, separators, column);
    }
  else
    {
      /* No header after all: everything, first line included, is data. */
      parse_list (self, text, 1);
    }

out:
  self->cancellable = NULL;
  self->edit = NULL;
  self->text = self->after_bom = NULL;
  if (self->cancelled || g_cancellable_is_cancelled (cancellable))
    return NULL;

  return g_steal_pointer (&self);
}

const char * const *
ra_device_ids_get_ids (RaDeviceIds *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_IDS (self), NULL);

  return (const char * const *) self->ids->pdata;
}

guint
ra_device_ids_get_n_ids (RaDeviceIds *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_IDS (self), 0);

  return self->ids->len - 1;
}

const char * const *
ra_device_ids_get_names (RaDeviceIds *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_IDS (self), NULL);

  return (const char * const *) self->names->pdata;
}

guint
ra_device_ids_get_n_names (RaDeviceIds *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_IDS (self), 0);

  return self->names->len - 1;
}

guint
ra_device_ids_get_n_duplicates (RaDeviceIds *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_IDS (self), 0);

  return self->n_duplicates;
}

guint
ra_device_ids_get_n_invalid (RaDeviceIds *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_IDS (self), 0);

  return self->n_invalid;
}

gboolean
ra_device_ids_get_invalid_span (RaDeviceIds *self,
                                guint        i,
                                guint       *start,
                                guint       *end)
{
  const Invalid *invalid;

  g_return_val_if_fail (RA_IS_DEVICE_IDS (self), FALSE);
  g_return_val_if_fail (i < self->n_invalid, FALSE);

  if (i >= self->invalid->len)
    return FALSE;

  invalid = &g_array_index (self->invalid, Invalid, i);
  if (start != NULL)
    *start = invalid->start;
  if (end != NULL)
    *end = invalid->end;

  return TRUE;
}

const char *
ra_device_ids_get_invalid_entry (RaDeviceIds *self,
                                 guint        i,
                                 guint       *line)
{
  const Invalid *invalid;

  g_return_val_if_fail (RA_IS_DEVICE_IDS (self), NULL);
  g_return_val_if_fail (i < self->n_invalid, NULL);

  if (i >= self->invalid->len)
    {
      if (line != NULL)
        *line = 0;
      return NULL;
    }

  invalid = &g_array_index (self->invalid, Invalid, i);

  if (line != NULL)
    *line = invalid->line;

  return invalid->entry;
}
