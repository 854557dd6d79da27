/* ra-device-ids-tidy.c — lists of devices made right: invalid entries
 * removed, the ID column of a table taken out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-ids"

#include "config.h"

#include <string.h>

#include "ra-device-ids-private.h"

char *
ra_device_ids_remove_invalid (const char *text)
{
  return ra_device_ids_remove_invalid_full (text, FALSE);
}

char *
ra_device_ids_remove_invalid_full (const char *text,
                                   gboolean    keep_names)
{
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (RaDeviceIdsCut));
  RaDeviceIdsEdit edit = { cuts, NULL, FALSE, -1 };
  g_autoptr(RaDeviceIds) ids = NULL;
  GString *kept;
  gsize from = 0;

  if (text == NULL)
    return g_strdup ("");

  ids = _ra_device_ids_parse_edit (text, NULL, keep_names, &edit);

  kept = g_string_sized_new (strlen (text) + 1);
  for (guint i = 0; i < cuts->len; i++)
    {
      const RaDeviceIdsCut *cut = &g_array_index (cuts, RaDeviceIdsCut, i);

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

  ids = _ra_device_ids_parse_edit (text, NULL, FALSE, &edit);

  if (!edit.is_table)
    return NULL;

  if (edit.body >= 0)
    return g_strdup (text + edit.body);

  return g_string_free (g_steal_pointer (&column), FALSE);
}
