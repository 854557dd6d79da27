/* ra-device-results-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-results"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ra-csv.h"
#include "ra-device-results-csv.h"
#include "ra-execution-status.h"

#define OUTPUTS_MARK "outputs."

const char *
ra_nql_result_find_uid_column (RaNqlResult *result)
{
  const char * const *columns = ra_nql_result_get_columns (result);
  const char *any_uid = NULL;

  for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
    {
      if (g_str_equal (columns[i], "device.collector.uid"))
        return columns[i];
      if (any_uid == NULL && g_str_has_suffix (columns[i], "uid"))
        any_uid = columns[i];
    }

  return any_uid;
}

/* A column whose name ends in suffix (after a dot, or whole). */
static const char *
find_column (RaNqlResult *result,
             const char  *suffix)
{
  const char * const *columns = ra_nql_result_get_columns (result);
  g_autofree char *dotted = g_strconcat (".", suffix, NULL);

  for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
    {
      if (g_str_equal (columns[i], suffix) || g_str_has_suffix (columns[i], dotted))
        return columns[i];
    }

  return NULL;
}

/* The name of an output, for a column that holds one. */
static const char *
output_name (const char *column)
{
  const char *mark = strstr (column, OUTPUTS_MARK);

  return mark != NULL && mark[strlen (OUTPUTS_MARK)] != '\0' ? mark + strlen (OUTPUTS_MARK) : NULL;
}

GBytes *
ra_device_results_to_csv (RaNqlResult *result)
{
  g_autoptr(RaCsvWriter) writer = ra_csv_writer_new ();
  const char * const *columns;
  const char *fixed[5];
  const char *fixed_names[] = { "device", "uid", "status", "details", "time" };
  g_autoptr(GPtrArray) outputs = g_ptr_array_new ();
  guint n_rows;

  g_return_val_if_fail (RA_IS_NQL_RESULT (result), NULL);

  columns = ra_nql_result_get_columns (result);
  fixed[0] = ra_nql_result_find_device_column (result);
  fixed[1] = ra_nql_result_find_uid_column (result);
  fixed[2] = ra_nql_result_find_status_column (result);
  fixed[3] = find_column (result, "status_details");
  fixed[4] = find_column (result, "time");
  /* Not the same column twice. */
  if (g_strcmp0 (fixed[0], fixed[1]) == 0)
    fixed[0] = NULL;

  for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
    {
      if (output_name (columns[i]) != NULL)
        g_ptr_array_add (outputs, (gpointer) columns[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (fixed_names); i++)
    ra_csv_writer_add_field (writer, fixed_names[i]);
  for (guint i = 0; i < outputs->len; i++)
    ra_csv_writer_add_field (writer, output_name (g_ptr_array_index (outputs, i)));
  ra_csv_writer_end_row (writer);

  n_rows = ra_nql_result_get_n_rows (result);
  for (guint row = 0; row < n_rows; row++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
        ra_csv_writer_add_field (writer, fixed[i] != NULL ? ra_nql_result_get_value (result, row, fixed[i])
                                                          : NULL);
      for (guint i = 0; i < outputs->len; i++)
        ra_csv_writer_add_field (writer, ra_nql_result_get_value (result, row,
                                                                  g_ptr_array_index (outputs, i)));
      ra_csv_writer_end_row (writer);
    }

  return ra_csv_writer_free_to_bytes (g_steal_pointer (&writer));
}

gboolean
ra_device_results_find_failed (RaNqlResult         *result,
                               const char * const  *devices,
                               gboolean             expired,
                               GStrv               *failed,
                               guint               *n_pending,
                               GError             **error)
{
  const char *uid_column, *status_column;
  g_autoptr(GHashTable) statuses = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  guint pending = 0;

  g_return_val_if_fail (RA_IS_NQL_RESULT (result), FALSE);
  g_return_val_if_fail (failed != NULL, FALSE);

  uid_column = ra_nql_result_find_uid_column (result);
  status_column = ra_nql_result_find_status_column (result);
  if (uid_column == NULL || status_column == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The execution results query does not return each device’s collector ID "
                     "and status, so the devices that failed cannot be told apart"));
      return FALSE;
    }
  /* A device past the row limit would pass for one that never reported. */
  if (ra_nql_result_get_may_be_incomplete (result))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                   _("The results of this run may be incomplete, so the devices that never "
                     "reported cannot be told apart"));
      return FALSE;
    }

  /* Collector IDs compared without regard to case, as Nexthink does. */
  statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint row = 0; row < ra_nql_result_get_n_rows (result); row++)
    {
      const char *uid = ra_nql_result_get_value (result, row, uid_column);
      RaExecutionStatus status;

      if (uid == NULL)
        continue;
      status = ra_execution_status_from_string (ra_nql_result_get_value (result, row, status_column));
      g_hash_table_replace (statuses, g_ascii_strdown (uid, -1), GINT_TO_POINTER (status + 1));
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; devices != NULL && devices[i] != NULL; i++)
    {
      g_autofree char *key = g_ascii_strdown (devices[i], -1);
      gpointer found = g_hash_table_lookup (statuses, key);
      int status = found != NULL ? GPOINTER_TO_INT (found) - 1 : -1;

      if (found == NULL || status == RA_EXECUTION_STATUS_FAILED ||
          (expired && status == RA_EXECUTION_STATUS_PENDING))
        g_strv_builder_add (builder, devices[i]);
      else if (status == RA_EXECUTION_STATUS_PENDING)
        pending++;
    }

  *failed = g_strv_builder_end (builder);
  if (n_pending != NULL)
    *n_pending = pending;

  return TRUE;
}

void
ra_nql_result_index_devices (RaNqlResult *result,
                             GHashTable  *statuses,
                             GHashTable  *names)
{
  const char *uid_column;
  const char *status_column;
  const char *name_column;

  g_return_if_fail (RA_IS_NQL_RESULT (result));
  g_return_if_fail (statuses != NULL);

  g_hash_table_remove_all (statuses);
  if (names != NULL)
    g_hash_table_remove_all (names);

  uid_column = ra_nql_result_find_uid_column (result);
  if (uid_column == NULL)
    return;
  status_column = ra_nql_result_find_status_column (result);
  /* The column that names the devices, if it is not their IDs'. */
  name_column = ra_nql_result_find_device_column (result);
  if (g_strcmp0 (name_column, uid_column) == 0)
    name_column = NULL;

  for (guint row = 0; row < ra_nql_result_get_n_rows (result); row++)
    {
      const char *uid = ra_nql_result_get_value (result, row, uid_column);
      const char *status = status_column != NULL ? ra_nql_result_get_value (result, row, status_column)
                                                 : NULL;
      const char *name = name_column != NULL ? ra_nql_result_get_value (result, row, name_column)
                                             : NULL;

      if (uid == NULL || uid[0] == '\0')
        continue;
      if (status != NULL)
        g_hash_table_replace (statuses, g_ascii_strdown (uid, -1), g_strdup (status));
      if (names != NULL && name != NULL && name[0] != '\0' && g_ascii_strcasecmp (name, uid) != 0)
        g_hash_table_replace (names, g_ascii_strdown (uid, -1), g_strdup (name));
    }
}
