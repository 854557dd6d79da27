/* ra-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-format"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-format.h"
#include "ra-nql-result.h"
#include "ra-output-value.h"
#include "ra-remote-action.h"

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
ra_format_action_purpose (RaRemoteAction *action)
{
  const char * const *texts = ra_remote_action_get_purpose_texts (action);
  RaPurpose purpose = ra_remote_action_get_purpose (action);
  g_autoptr(GPtrArray) parts = NULL;
  g_autofree char *known = NULL;

  if (texts == NULL)
    return g_strdup (_("Not known"));

  parts = g_ptr_array_new_with_free_func (g_free);
  if (purpose != RA_PURPOSE_NONE)
    g_ptr_array_add (parts, ra_format_purpose (purpose));

  /* A purpose the documentation does not list is the server's word. */
  for (guint i = 0; texts[i] != NULL; i++)
    {
      if (g_str_equal (texts[i], "DATA_COLLECTION") || g_str_equal (texts[i], "REMEDIATION"))
        continue;
      g_ptr_array_add (parts, g_strdup (texts[i]));
    }

  if (parts->len == 0)
    return ra_format_purpose (RA_PURPOSE_NONE);

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

const char *
ra_format_tristate (RaTristate value)
{
  switch (value)
    {
    case RA_TRISTATE_YES:
      return _("Yes");
    case RA_TRISTATE_NO:
      return _("No");
    case RA_TRISTATE_UNKNOWN:
    default:
      return _("Not known");
    }
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
ra_format_platforms (RaTristate windows,
                     RaTristate macos)
{
  if (windows == RA_TRISTATE_UNKNOWN && macos == RA_TRISTATE_UNKNOWN)
    return g_strdup (_("Not known"));
  if (windows == RA_TRISTATE_UNKNOWN)
    return g_strdup (macos ? _("macOS; Windows not known") : _("Not macOS; Windows not known"));
  if (macos == RA_TRISTATE_UNKNOWN)
    return g_strdup (windows ? _("Windows; macOS not known") : _("Not Windows; macOS not known"));

  if (windows && macos)
    return g_strdup (_("Windows and macOS"));
  else if (windows)
    return g_strdup (_("Windows"));
  else if (macos)
    return g_strdup (_("macOS"));
  else
    return g_strdup (_("None"));
}

/* 0 is what a server that does not say gives. */
char *
ra_format_seconds (gint64 seconds)
{
  if (seconds <= 0)
    return g_strdup (_("Not known"));
  if (seconds % 60 == 0)
    return ra_format_minutes ((guint) MIN (seconds / 60, G_MAXUINT));

  return g_strdup_printf (ngettext ("%u second", "%u seconds", (gulong) seconds),
                          (guint) MIN (seconds, G_MAXUINT));
}

typedef struct
{
  const char *value;
  const char *words;
} Word;

/* What Nexthink writes, in any case, and what a person reads. */
static const Word origins[] = {
  { "custom", N_("Custom") },
  { "library", N_("Nexthink Library") },
  { "nexthink", N_("Nexthink") },
};

static const Word output_types[] = {
  { "string", N_("Text") },
  { "list_of_strings", N_("List of texts") },
  { "int", N_("Whole number") },
  { "integer", N_("Whole number") },
  { "float", N_("Decimal number") },
  { "bool", N_("Yes or no") },
  { "boolean", N_("Yes or no") },
  { "datetime", N_("Date and time") },
  { "millis", N_("Duration in milliseconds") },
  { "bytes", N_("Size in bytes") },
  { "version", N_("Version number") },
};

static const char *
lookup_words (const Word *words,
              gsize       n_words,
              const char *value)
{
  for (gsize i = 0; i < n_words; i++)
    {
      if (g_ascii_strcasecmp (words[i].value, value) == 0)
        return _(words[i].words);
    }

  return NULL;
}

char *
ra_format_origin (const char *origin,
                  const char *version)
{
  const char *words;

  if (origin == NULL || origin[0] == '\0')
    words = _("Not known");
  else
    words = lookup_words (origins, G_N_ELEMENTS (origins), origin);
  if (words == NULL)
    words = origin;

  if (version != NULL && version[0] != '\0')
    /* Translators: where an action comes from, such as "Nexthink
     * Library", and the version of its content */
    return g_strdup_printf (_("%s, version %s"), words, version);

  return g_strdup (words);
}

char *
ra_format_output_type (const char *type)
{
  const char *words;

  if (type == NULL || type[0] == '\0')
    return g_strdup (_("Type not known"));

  words = lookup_words (output_types, G_N_ELEMENTS (output_types), type);

  return g_strdup (words != NULL ? words : type);
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

const char *
ra_format_outcome (RaExecutionOutcome outcome)
{
  switch (outcome)
    {
    case RA_EXECUTION_OUTCOME_STARTED:
      return _("Started");
    case RA_EXECUTION_OUTCOME_NOT_SENT:
      return _("Not sent");
    case RA_EXECUTION_OUTCOME_UNKNOWN:
    default:
      return _("Outcome unknown");
    }
}

char *
ra_format_duration_ms (guint64 millis)
{
  guint64 seconds = millis / 1000;

  if (millis < 1000)
    /* Translators: a duration in milliseconds */
    return g_strdup_printf (_("%u ms"), (guint) millis);
  if (seconds < 10 && millis % 1000 != 0)
    /* Translators: a duration in seconds, with one decimal */
    return g_strdup_printf (_("%.1f s"), millis / 1000.0);
  if (seconds < 60)
    /* Translators: a duration in seconds */
    return g_strdup_printf (_("%u s"), (guint) seconds);
  if (seconds < 3600)
    {
      if (seconds % 60 == 0)
        /* Translators: a duration in minutes */
        return g_strdup_printf (_("%u min"), (guint) (seconds / 60));
      /* Translators: a duration in minutes and seconds */
      return g_strdup_printf (_("%u min %u s"), (guint) (seconds / 60), (guint) (seconds % 60));
    }
  if (seconds / 60 % 60 == 0)
    /* Translators: a duration in hours */
    return g_strdup_printf (_("%u h"), (guint) MIN (seconds / 3600, G_MAXUINT));
  /* Translators: a duration in hours and minutes */
  return g_strdup_printf (_("%u h %u min"), (guint) MIN (seconds / 3600, G_MAXUINT),
                          (guint) (seconds / 60 % 60));
}

char *
ra_format_output_value (const char *type,
                        const char *text)
{
  guint64 number;
  gboolean yes;

  g_return_val_if_fail (text != NULL, NULL);

  if (type == NULL)
    return g_strdup (text);

  if (g_ascii_strcasecmp (type, "millis") == 0 && ra_output_value_parse_count (text, &number))
    return ra_format_duration_ms (number);

  if ((g_ascii_strcasecmp (type, "bool") == 0 || g_ascii_strcasecmp (type, "boolean") == 0) &&
      ra_output_value_parse_bool (text, &yes))
    return g_strdup (yes ? _("Yes") : _("No"));

  if (g_ascii_strcasecmp (type, "bytes") == 0 && ra_output_value_parse_count (text, &number))
    return g_format_size (number);

  if (g_ascii_strcasecmp (type, "list_of_strings") == 0)
    {
      g_auto(GStrv) items = ra_output_value_parse_list (text);

      if (items != NULL)
        /* Translators: what separates the items of a list in a line */
        return g_strjoinv (_(", "), items);
    }

  if (g_ascii_strcasecmp (type, "datetime") == 0)
    {
      g_autoptr(GDateTime) time = ra_nql_parse_time (text);

      if (time != NULL)
        return ra_format_date_time (time);
    }

  return g_strdup (text);
}

char *
ra_format_refresh_status (GDateTime      *updated,
                          const char     *query_id,
                          RaRefreshState  state,
                          gint64          seconds_left)
{
  g_autofree char *time = NULL;
  g_autofree char *line = NULL;
  g_autofree char *wait = NULL;

  g_return_val_if_fail (updated != NULL, NULL);

  time = g_date_time_format (updated, "%X");
  /* Translators: %s is a time of day; then the ID of the NQL query */
  line = g_strdup_printf (_("Updated at %s from %s"), time, query_id);

  switch (state)
    {
    case RA_REFRESH_STATE_WAITING:
      wait = ra_format_seconds (MAX (seconds_left, 1));
      /* Translators: %s is "Updated at … from …"; then how long until
       * the results are read again by themselves ("20 seconds") */
      return g_strdup_printf (_("%s · next update in %s"), line, wait);
    case RA_REFRESH_STATE_SETTLED:
      /* Translators: %s is "Updated at … from …" */
      return g_strdup_printf (_("%s · every device has finished"), line);
    case RA_REFRESH_STATE_EXPIRED:
      /* Translators: %s is "Updated at … from …" */
      return g_strdup_printf (_("%s · the run has expired"), line);
    case RA_REFRESH_STATE_IDLE:
    case RA_REFRESH_STATE_STOPPED:
    default:
      return g_steal_pointer (&line);
    }
}

char *
ra_format_fetch_progress (RaNqlFetch *fetch)
{
  g_return_val_if_fail (RA_IS_NQL_FETCH (fetch), NULL);

  switch (ra_nql_fetch_get_stage (fetch))
    {
    case RA_NQL_FETCH_STAGE_EXPORTING:
      return g_strdup (_("More devices than one answer holds: Nexthink is exporting the "
                         "results of them all…"));

    case RA_NQL_FETCH_STAGE_DOWNLOADING:
      {
        g_autofree char *received = g_format_size (ra_nql_fetch_get_bytes_received (fetch));
        g_autofree char *total = g_format_size (ra_nql_fetch_get_bytes_total (fetch));

        /* Translators: amounts of data, "1.2 MB of 3.4 MB" */
        return ra_nql_fetch_get_bytes_total (fetch) > 0
                 ? g_strdup_printf (_("Downloading the results: %s of %s…"), received, total)
                 : g_strdup_printf (_("Downloading the results: %s…"), received);
      }

    case RA_NQL_FETCH_STAGE_READING:
      return g_strdup (_("Reading the results…"));

    case RA_NQL_FETCH_STAGE_IDLE:
    case RA_NQL_FETCH_STAGE_QUERYING:
    case RA_NQL_FETCH_STAGE_DONE:
    default:
      return NULL;
    }
}
