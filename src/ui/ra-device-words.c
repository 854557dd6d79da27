/* ra-device-words.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-words"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-device-words.h"
#include "ra-execution-request.h"

/* Entries are shown as written, but a whole garbage line is cut. */
#define MAX_ENTRY_CHARS 48

static char *
shorten_entry (const char *entry)
{
  if (g_utf8_strlen (entry, -1) <= MAX_ENTRY_CHARS)
    return g_strdup (entry);
  else
    {
      g_autofree char *head = g_utf8_substring (entry, 0, MAX_ENTRY_CHARS - 1);
      return g_strconcat (head, "…", NULL);
    }
}

char *
ra_device_words_summary (RaDeviceIds *ids,
                         guint        n_devices)
{
  guint n = n_devices;
  guint n_dups = ra_device_ids_get_n_duplicates (ids);
  GString *text = g_string_new (NULL);

  if (n == 0 && n_dups == 0 && ra_device_ids_get_n_invalid (ids) == 0 &&
      ra_device_ids_get_n_names (ids) == 0)
    g_string_append (text, _("No devices yet"));
  else
    g_string_append_printf (text, ngettext ("%'u valid device", "%'u valid devices", n), n);

  if (n_dups > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text,
                              /* Translators: the list names these devices
                               * more than once; the run goes to each once */
                              ngettext ("%'u duplicate will be sent once",
                                        "%'u duplicates will be sent once", n_dups),
                              n_dups);
    }

  return g_string_free (text, FALSE);
}

char *
ra_device_words_problem (RaDeviceIds *ids,
                         guint        n_devices)
{
  guint n = n_devices;
  guint n_invalid = ra_device_ids_get_n_invalid (ids);

  /* Running on the valid part of a list with mistakes in it could miss
   * the very device the user meant, so mistakes block the run. */
  if (n_invalid > 0)
    return g_strdup_printf (ngettext ("Fix or remove the invalid device entry",
                                      "Fix or remove the %'u invalid device entries",
                                      n_invalid),
                            n_invalid);

  if (n == 0)
    return g_strdup (_("Add at least one device"));

  if (n > RA_EXECUTION_MAX_DEVICES)
    return g_strdup_printf (_("Choose at most %'u devices, not %'u"),
                            (guint) RA_EXECUTION_MAX_DEVICES, n);

  return NULL;
}

GStrv
ra_device_words_invalid_lines (RaDeviceIds *ids,
                               guint        max_listed)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_invalid = ra_device_ids_get_n_invalid (ids);
  guint n_listed = MIN (n_invalid, max_listed);

  for (guint i = 0; i < n_listed; i++)
    {
      guint line = 0;
      const char *entry = ra_device_ids_get_invalid_entry (ids, i, &line);
      g_autofree char *shown = shorten_entry (entry);
      g_autofree char *text = NULL;

      /* Translators: an entry of the device list that is not a device ID */
      text = g_strdup_printf (_("Line %'u: “%s” is not a collector ID"), line, shown);
      g_strv_builder_add (builder, text);
    }

  if (n_invalid > n_listed)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (ngettext ("and %'u more invalid entry",
                                        "and %'u more invalid entries",
                                        n_invalid - n_listed),
                              n_invalid - n_listed);
      g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}
