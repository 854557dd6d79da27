/* ra-execution-status.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-execution-status"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ra-execution-status.h"

gboolean
ra_nql_query_id_is_valid (const char *query_id)
{
  gsize length;

  if (query_id == NULL)
    return FALSE;

  /* The pattern allows 255 characters after the '#', but the schema's
   * maxLength counts the whole ID. */
  length = strlen (query_id);
  if (query_id[0] != '#' || length < 3 || length > RA_NQL_QUERY_ID_MAX_LENGTH)
    return FALSE;

  for (const char *p = query_id + 1; *p != '\0'; p++)
    {
      if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
        return FALSE;
    }

  return TRUE;
}

/* Lower case, with spaces and hyphens as underscores: "In Progress",
 * "in-progress" and "in_progress" are the same status. */
static char *
normalize (const char *value)
{
  char *text = g_strstrip (g_ascii_strdown (value, -1));

  for (char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '-')
        *p = '_';
    }

  return text;
}

RaExecutionStatus
ra_execution_status_from_string (const char *value)
{
  static const char * const succeeded[] = {
    "success", "succeeded", "successful", "completed", "complete", "done", "ok", NULL
  };
  static const char * const failed[] = {
    "failure", "failed", "fail", "error", "expired", "cancelled", "canceled",
    "timeout", "timed_out", "rejected", NULL
  };
  static const char * const pending[] = {
    "in_progress", "pending", "waiting", "queued", "running", "sent", "started",
    "submitted", "executing", "scheduled", NULL
  };
  g_autofree char *text = NULL;

  if (value == NULL)
    return RA_EXECUTION_STATUS_OTHER;

  text = normalize (value);
  if (g_strv_contains (succeeded, text))
    return RA_EXECUTION_STATUS_SUCCEEDED;
  if (g_strv_contains (failed, text))
    return RA_EXECUTION_STATUS_FAILED;
  if (g_strv_contains (pending, text))
    return RA_EXECUTION_STATUS_PENDING;

  return RA_EXECUTION_STATUS_OTHER;
}

static const char *
last_part (const char *column)
{
  const char *dot = strrchr (column, '.');

  return dot != NULL ? dot + 1 : column;
}

const char *
ra_nql_result_find_status_column (RaNqlResult *result)
{
  const char * const *columns;
  const char *found = NULL;

  g_return_val_if_fail (RA_IS_NQL_RESULT (result), NULL);

  columns = ra_nql_result_get_columns (result);
  for (guint i = 0; columns[i] != NULL; i++)
    {
      g_autofree char *part = g_ascii_strdown (last_part (columns[i]), -1);

      if (g_str_equal (part, "status"))
        return columns[i];

      /* "execution_status" will do, "status_details" will not. */
      if (found == NULL && g_str_has_suffix (part, "status"))
        found = columns[i];
    }

  return found;
}

const char *
ra_nql_result_find_device_column (RaNqlResult *result)
{
  const char * const *columns;
  const char *device = NULL;
  const char *name = NULL;

  g_return_val_if_fail (RA_IS_NQL_RESULT (result), NULL);

  columns = ra_nql_result_get_columns (result);
  for (guint i = 0; columns[i] != NULL; i++)
    {
      g_autofree char *column = g_ascii_strdown (columns[i], -1);
      gboolean is_name = g_str_equal (last_part (column), "name");

      if (strstr (column, "device") != NULL && is_name)
        return columns[i];
      if (device == NULL && strstr (column, "device") != NULL)
        device = columns[i];
      if (name == NULL && is_name)
        name = columns[i];
    }

  if (device != NULL)
    return device;
  if (name != NULL)
    return name;

  return columns[0];
}

void
ra_nql_result_count_statuses (RaNqlResult *result,
                              const char  *status_column,
                              guint       *counts)
{
  guint n_rows;

  g_return_if_fail (RA_IS_NQL_RESULT (result));
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof (guint) * RA_EXECUTION_STATUS_N_VALUES);
  n_rows = ra_nql_result_get_n_rows (result);

  for (guint row = 0; row < n_rows; row++)
    {
      const char *value = NULL;

      if (status_column != NULL)
        value = ra_nql_result_get_value (result, row, status_column);
      counts[ra_execution_status_from_string (value)]++;
    }
}

/* Underscores as spaces, the first letter in upper case. */
static char *
humanize (const char *text)
{
  char *label = g_strdup (text);

  g_strdelimit (label, "_", ' ');
  if (label[0] != '\0')
    label[0] = g_ascii_toupper (label[0]);

  return label;
}

typedef struct
{
  const char *name;
  const char *label;
} KnownName;

/* The columns of the results query the app documents, whatever the
 * query's author put before them, in the reader's language. */
static const KnownName known_columns[] = {
  { "collector.uid", N_("Collector UID") },
  { "status_details", N_("Status details") },
  { "status", N_("Status") },
  { "time", N_("Time") },
  { "request_id", N_("Request ID") },
  { "nql_id", N_("NQL ID") },
};

/* The statuses Nexthink and the app know, in the reader's language. */
static const KnownName known_statuses[] = {
  { "success", N_("Success") },
  { "succeeded", N_("Succeeded") },
  { "successful", N_("Successful") },
  { "completed", N_("Completed") },
  { "failure", N_("Failure") },
  { "failed", N_("Failed") },
  { "error", N_("Error") },
  { "expired", N_("Expired") },
  { "cancelled", N_("Cancelled") },
  { "canceled", N_("Cancelled") },
  { "timeout", N_("Timed out") },
  { "timed_out", N_("Timed out") },
  { "in_progress", N_("In progress") },
  { "pending", N_("Pending") },
  { "waiting", N_("Waiting") },
  { "queued", N_("Queued") },
  { "running", N_("Running") },
  { "submitted", N_("Submitted") },
  { "scheduled", N_("Scheduled") },
};

static const char *
lookup_known (const KnownName *names,
              gsize            n_names,
              const char      *name)
{
  for (gsize i = 0; i < n_names; i++)
    {
      if (g_ascii_strcasecmp (names[i].name, name) == 0)
        return _(names[i].label);
    }

  return NULL;
}

char *
ra_nql_column_label (const char *column)
{
  static const char * const acronyms[] = { "uid", "id", "ip", "os", NULL };
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) label = NULL;
  const char *known;
  guint n;

  g_return_val_if_fail (column != NULL, NULL);

  parts = g_strsplit (column, ".", -1);
  n = g_strv_length (parts);
  if (n == 0)
    return g_strdup ("");

  if (n > 1)
    {
      g_autofree char *last_two = g_strjoin (".", parts[n - 2], parts[n - 1], NULL);

      known = lookup_known (known_columns, G_N_ELEMENTS (known_columns), last_two);
      if (known != NULL)
        return g_strdup (known);
    }
  known = lookup_known (known_columns, G_N_ELEMENTS (known_columns), parts[n - 1]);
  if (known != NULL)
    return g_strdup (known);

  /* "device.collector.uid" says more as "Collector UID" than as "Uid". */
  label = g_string_new (NULL);
  if (n > 1 && g_strv_contains (acronyms, parts[n - 1]))
    {
      g_autofree char *owner = humanize (parts[n - 2]);
      g_autofree char *upper = g_ascii_strup (parts[n - 1], -1);

      g_string_append_printf (label, "%s %s", owner, upper);
    }
  else if (g_strv_contains (acronyms, parts[n - 1]))
    {
      g_string_append (label, parts[n - 1]);
      g_string_ascii_up (label);
    }
  else
    {
      g_autofree char *text = humanize (parts[n - 1]);

      g_string_append (label, text);
    }

  return g_string_free (g_steal_pointer (&label), FALSE);
}

char *
ra_execution_status_label (const char *value)
{
  g_autofree char *key = NULL;
  const char *known;

  g_return_val_if_fail (value != NULL, NULL);

  key = normalize (value);
  known = lookup_known (known_statuses, G_N_ELEMENTS (known_statuses), key);
  if (known != NULL)
    return g_strdup (known);

  return humanize (value);
}
