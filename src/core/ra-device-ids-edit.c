/* ra-device-ids-edit.c — lists of devices made right: invalid entries
 * removed, the ID column of a table taken out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-ids"

#include "config.h"

#include <string.h>

#include "ra-device-ids-private.h"

/* The separators of a plain list, as the parser knows them. */
#define LIST_SEPARATORS ",; \t"

typedef struct
{
  gsize start;
  gsize end;
} Cut;

void
_ra_device_ids_edit_cut (RaDeviceIdsEdit *edit,
                         gsize            start,
                         gsize            end)
{
  Cut cut = { start, end };

  if (edit->cuts == NULL || start >= end)
    return;

  /* Neighbouring entries go as one cut: a line of "a,a,a…" costs one. */
  if (edit->cuts->len > 0)
    {
      Cut *last = &g_array_index (edit->cuts, Cut, edit->cuts->len - 1);

      if (start <= last->end)
        {
          last->end = MAX (last->end, end);
          return;
        }
    }

  g_array_append_val (edit->cuts, cut);
}

void
_ra_device_ids_edit_cut_entry (RaDeviceIdsEdit *edit,
                               const char      *text,
                               const char      *line,
                               const char      *line_end,
                               const char      *next_line,
                               const char      *start,
                               const char      *end)
{
  Cut *last;

  if (edit->cuts == NULL)
    return;

  /* With the separators after it, up to the next entry. */
  while (end < line_end && strchr (LIST_SEPARATORS, *end) != NULL)
    end++;

  _ra_device_ids_edit_cut (edit, start - text, end - text);

  /* What ends the line goes with the separators before it instead, and a
   * line left with nothing on it with its line end. */
  last = &g_array_index (edit->cuts, Cut, edit->cuts->len - 1);
  if (last->end == (gsize) (line_end - text))
    {
      if (last->start > (gsize) (line - text))
        {
          const char *p = text + last->start;

          while (p > line && strchr (LIST_SEPARATORS, p[-1]) != NULL)
            p--;
          last->start = p - text;
        }
      if (last->start <= (gsize) (line - text))
        last->end = next_line - text;
    }
}

void
_ra_device_ids_edit_add_cell (RaDeviceIdsEdit *edit,
                              const char      *cell,
                              gsize            length)
{
  if (edit->column == NULL || length == 0)
    return;

  g_string_append_len (edit->column, cell, length);
  g_string_append_c (edit->column, '\n');
}

void
_ra_device_ids_edit_set_table (RaDeviceIdsEdit *edit,
                               gssize           body)
{
  edit->is_table = TRUE;
  edit->body = body;
}

char *
ra_device_ids_remove_invalid (const char *text)
{
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (Cut));
  RaDeviceIdsEdit edit = { cuts, NULL, FALSE, -1 };
  g_autoptr(RaDeviceIds) ids = NULL;
  GString *kept;
  gsize from = 0;

  if (text == NULL)
    return g_strdup ("");

  ids = _ra_device_ids_parse_edit (text, NULL, &edit);

  kept = g_string_sized_new (strlen (text) + 1);
  for (guint i = 0; i < cuts->len; i++)
    {
      const Cut *cut = &g_array_index (cuts, Cut, i);

      g_string_append_len (kept, text + from, cut->start - from);
      from = cut->end;
    }
  g_string_append (kept, text + from);

  return g_string_free (kept, FALSE);
}

char *
ra_device_ids_extract_column (const char *text)
{
  g_autoptr(GString) column = g_string_new (NULL);
  RaDeviceIdsEdit edit = { NULL, column, FALSE, -1 };
  g_autoptr(RaDeviceIds) ids = NULL;

  if (text == NULL)
    return NULL;

  ids = _ra_device_ids_parse_edit (text, NULL, &edit);

  if (!edit.is_table)
    return NULL;

  if (edit.body >= 0)
    return g_strdup (text + edit.body);

  return g_string_free (g_steal_pointer (&column), FALSE);
}
