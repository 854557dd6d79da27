/* ra-device-ids-edit.c — what a parse collects for changing a list:
 * where its invalid entries are to be cut, the cells of its ID column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-ids"

#include "config.h"

#include <string.h>

#include "ra-device-ids-private.h"

/* The separators of a plain list, as the parser knows them. */
#define LIST_SEPARATORS ",; \t"

void
_ra_device_ids_edit_cut (RaDeviceIdsEdit *edit,
                         gsize            start,
                         gsize            end)
{
  RaDeviceIdsCut cut = { start, end };

  if (edit->cuts == NULL || start >= end)
    return;

  /* Neighbouring entries go as one cut: a line of "a,a,a…" costs one. */
  if (edit->cuts->len > 0)
    {
      RaDeviceIdsCut *last = &g_array_index (edit->cuts, RaDeviceIdsCut, edit->cuts->len - 1);

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
  RaDeviceIdsCut *last;

  if (edit->cuts == NULL)
    return;

  /* With the separators after it, up to the next entry. */
  while (end < line_end && strchr (LIST_SEPARATORS, *end) != NULL)
    end++;

  _ra_device_ids_edit_cut (edit, start - text, end - text);

  /* What ends the line goes with the separators before it instead, and a
   * line left with nothing on it with its line end. */
  last = &g_array_index (edit->cuts, RaDeviceIdsCut, edit->cuts->len - 1);
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
