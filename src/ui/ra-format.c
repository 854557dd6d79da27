/* ra-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-format"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-format.h"

char *
ra_format_purpose (RaPurpose purpose)
{
  if ((purpose & RA_PURPOSE_REMEDIATION) && (purpose & RA_PURPOSE_DATA_COLLECTION))
    return g_strdup (_("Remediation and data collection"));
  else if (purpose & RA_PURPOSE_REMEDIATION)
    return g_strdup (_("Remediation"));
  else if (purpose & RA_PURPOSE_DATA_COLLECTION)
    return g_strdup (_("Data collection"));
  else
    return g_strdup (_("Not stated"));
}

char *
ra_format_minutes (guint minutes)
{
  guint days = minutes / (24 * 60);
  guint hours = (minutes / 60) % 24;
  guint mins = minutes % 60;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (days > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u day", "%u days", days), days));
  if (hours > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u hour", "%u hours", hours), hours));
  if (mins > 0 || parts->len == 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u minute", "%u minutes", mins), mins));

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" ", (char **) parts->pdata);
}

char *
ra_format_platforms (gboolean windows,
                     gboolean macos)
{
  if (windows && macos)
    return g_strdup (_("Windows and macOS"));
  else if (windows)
    return g_strdup (_("Windows"));
  else if (macos)
    return g_strdup (_("macOS"));
  else
    return g_strdup (_("None"));
}

char *
ra_format_seconds (gint64 seconds)
{
  if (seconds <= 0)
    return g_strdup (_("None"));
  if (seconds % 60 == 0)
    return ra_format_minutes ((guint) MIN (seconds / 60, G_MAXUINT));

  return g_strdup_printf (ngettext ("%u second", "%u seconds", (gulong) seconds),
                          (guint) MIN (seconds, G_MAXUINT));
}

char *
ra_format_date_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  /* Translators: a date and time, in g_date_time_format()'s notation;
   * order and spell it as people of your language expect */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M:%S"));
}
