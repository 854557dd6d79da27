/* ra-device-results-build.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-results-model"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ra-action-output.h"
#include "ra-device-results-build-private.h"
#include "ra-execution-status.h"
#include "ra-format.h"

void
ra_device_results_build_free (RaDeviceResultsBuild *build)
{
  g_clear_object (&build->result);
  g_clear_pointer (&build->outputs, g_ptr_array_unref);
  g_strfreev (build->devices);
  g_clear_pointer (&build->items, g_ptr_array_unref);
  g_free (build);
}

RaDeviceResultsFilter
ra_device_results_filter_of_kind (RaDeviceResultKind kind)
{
  switch (kind)
    {
    case RA_DEVICE_RESULT_KIND_SUCCEEDED:
      return RA_DEVICE_RESULTS_FILTER_SUCCEEDED;
    case RA_DEVICE_RESULT_KIND_FAILED:
      return RA_DEVICE_RESULTS_FILTER_FAILED;
    case RA_DEVICE_RESULT_KIND_PENDING:
      return RA_DEVICE_RESULTS_FILTER_PENDING;
    case RA_DEVICE_RESULT_KIND_NO_REPORT:
      return RA_DEVICE_RESULTS_FILTER_NO_REPORT;
    case RA_DEVICE_RESULT_KIND_OTHER:
    case RA_DEVICE_RESULT_KIND_N_VALUES:
    default:
      /* Only "All" shows a status that is none of the others. */
      return RA_DEVICE_RESULTS_FILTER_ALL;
    }
}

/* A column that says the same on every row (the action, the request ID)
 * tells nothing about a device. */
static gboolean
column_is_constant (RaNqlResult *result,
                    const char  *column)
{
  guint n_rows = ra_nql_result_get_n_rows (result);
  const char *first;

  if (n_rows < 2)
    return FALSE;

  first = ra_nql_result_get_value (result, 0, column);
  for (guint row = 1; row < n_rows; row++)
    {
      if (g_strcmp0 (first, ra_nql_result_get_value (result, row, column)) != 0)
        return FALSE;
    }

  return TRUE;
}

/* The output a column holds: "remote_action.execution.outputs.Version",
 * "outputs.Version" or "Version" for the output Version. */
static RaActionOutput *
find_output (RaDeviceResultsBuild      *build,
             const char *column)
{
  const char *dot = strrchr (column, '.');
  const char *last = dot != NULL ? dot + 1 : column;

  for (guint i = 0; i < build->outputs->len; i++)
    {
      RaActionOutput *output = g_ptr_array_index (build->outputs, i);
      const char *id = ra_action_output_get_id (output);

      if (id != NULL && g_str_equal (id, last) &&
          (dot == NULL || strstr (column, "output") != NULL))
        return output;
    }

  return NULL;
}

/* The column that holds each device's collector ID, to tell which
 * devices of the run the answer has. */
static const char *
find_uid_column (RaNqlResult *result)
{
  const char * const *columns = ra_nql_result_get_columns (result);

  for (guint i = 0; columns[i] != NULL; i++)
    {
      if (g_str_has_suffix (columns[i], "collector.uid") || g_str_equal (columns[i], "collector_uid"))
        return columns[i];
    }

  return NULL;
}

static void
append_detail (GString    *details,
               const char *label,
               const char *value)
{
  if (details->len > 0)
    g_string_append_c (details, '\n');
  /* Translators: a column of the query's answer and its value */
  g_string_append_printf (details, _("%s: %s"), label, value);
}

static RaDeviceResultKind
kind_of_status (const char *value,
                gboolean    expired)
{
  g_autofree char *word = value != NULL ? g_ascii_strdown (value, -1) : NULL;

  /* Nexthink's word for a device that did not run the action before the
   * request expired: it never reported. */
  if (word != NULL && g_str_equal (g_strstrip (word), "expired"))
    return RA_DEVICE_RESULT_KIND_NO_REPORT;

  switch (ra_execution_status_from_string (value))
    {
    case RA_EXECUTION_STATUS_SUCCEEDED:
      return RA_DEVICE_RESULT_KIND_SUCCEEDED;
    case RA_EXECUTION_STATUS_FAILED:
      return RA_DEVICE_RESULT_KIND_FAILED;
    case RA_EXECUTION_STATUS_PENDING:
      return expired ? RA_DEVICE_RESULT_KIND_NO_REPORT : RA_DEVICE_RESULT_KIND_PENDING;
    case RA_EXECUTION_STATUS_OTHER:
    case RA_EXECUTION_STATUS_N_VALUES:
    default:
      return RA_DEVICE_RESULT_KIND_OTHER;
    }
}

/* One row of the answer, as the list shows it. */
static RaDeviceResultItem *
create_item (RaDeviceResultsBuild      *build,
             guint       row,
             const char *device_column,
             const char *status_column,
             GPtrArray  *detail_columns)
{
  RaNqlResult *result = build->result;
  const char *device = ra_nql_result_get_value (result, row, device_column);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *status_text = NULL;
  RaDeviceResultKind kind = RA_DEVICE_RESULT_KIND_OTHER;

  if (device == NULL || device[0] == '\0')
    {
      /* Translators: %u is the position of a device in the list */
      title = g_strdup_printf (_("Device %'u"), row + 1);
      device = title;
    }

  for (guint i = 0; i < detail_columns->len; i++)
    {
      const char *column = g_ptr_array_index (detail_columns, i);
      const char *value = ra_nql_result_get_value (result, row, column);
      RaActionOutput *output = find_output (build, column);
      g_autofree char *text = NULL;
      g_autofree char *label = NULL;

      if (value == NULL || value[0] == '\0')
        continue;

      if (output != NULL)
        {
          const char *name = ra_action_output_get_name (output);

          text = ra_format_output_value (ra_action_output_get_output_type (output), value);
          append_detail (details, name != NULL && name[0] != '\0' ? name : ra_action_output_get_id (output),
                         text);
          continue;
        }

      /* Times come in UTC; people think in their own time zone. */
      {
        g_autoptr(GDateTime) time = ra_nql_result_dup_time (result, row, column);

        if (time != NULL)
          value = text = ra_format_date_time (time);
      }

      label = ra_nql_column_label (column);
      append_detail (details, label, value);
    }

  if (status_column != NULL)
    {
      const char *value = ra_nql_result_get_value (result, row, status_column);

      kind = kind_of_status (value, build->expired);
      if (kind == RA_DEVICE_RESULT_KIND_NO_REPORT)
        status_text = g_strdup (_("No report"));
      else
        status_text = ra_execution_status_label (value != NULL ? value : "");
    }

  return ra_device_result_item_new (device, details->len > 0 ? details->str : NULL,
                                    status_text, kind);
}

/* The run's devices that the answer has no row for. */
static void
add_missing_devices (RaDeviceResultsBuild *build)
{
  const char *uid_column = find_uid_column (build->result);
  guint n_rows = ra_nql_result_get_n_rows (build->result);
  g_autoptr(GHashTable) reported = NULL;

  if (ra_nql_result_get_may_be_incomplete (build->result))
    return;

  if (build->devices == NULL || uid_column == NULL)
    {
      /* Only their number is known: the summary counts them. */
      build->n_unlisted = build->n_devices > n_rows ? build->n_devices - n_rows : 0;
      return;
    }

  reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint row = 0; row < n_rows; row++)
    {
      const char *uid = ra_nql_result_get_value (build->result, row, uid_column);

      if (uid != NULL)
        g_hash_table_add (reported, g_ascii_strdown (uid, -1));
    }

  for (guint i = 0; build->devices[i] != NULL; i++)
    {
      g_autofree char *uid = g_ascii_strdown (build->devices[i], -1);

      if (g_hash_table_contains (reported, uid))
        continue;

      /* A real instance lists every device it knows as soon as the
       * request reaches it: one it never lists is not one of its
       * devices, and will never report. */
      g_ptr_array_add (build->items,
                       ra_device_result_item_new (build->devices[i],
                                                  _("Nexthink does not know a device with this "
                                                    "collector ID."),
                                                  _("Unknown device"),
                                                  RA_DEVICE_RESULT_KIND_NO_REPORT));
    }
}

/* Makes the items of build's answer; in a worker thread for a large one. */
void
ra_device_results_build_run (RaDeviceResultsBuild *build)
{
  const char * const *columns = ra_nql_result_get_columns (build->result);
  const char *device_column = ra_nql_result_find_device_column (build->result);
  const char *status_column = ra_nql_result_find_status_column (build->result);
  guint n_rows = ra_nql_result_get_n_rows (build->result);
  g_autoptr(GPtrArray) detail_columns = g_ptr_array_new ();

  for (guint i = 0; columns[i] != NULL; i++)
    {
      if (g_strcmp0 (columns[i], device_column) != 0 &&
          g_strcmp0 (columns[i], status_column) != 0 &&
          !column_is_constant (build->result, columns[i]))
        g_ptr_array_add (detail_columns, (gpointer) columns[i]);
    }

  build->items = g_ptr_array_new_full (n_rows, g_object_unref);
  for (guint row = 0; row < n_rows; row++)
    g_ptr_array_add (build->items, create_item (build, row, device_column, status_column, detail_columns));
  if (status_column != NULL)
    add_missing_devices (build);

  for (guint i = 0; i < build->items->len; i++)
    {
      RaDeviceResultKind kind = ra_device_result_item_get_kind (g_ptr_array_index (build->items, i));

      build->counts[ra_device_results_filter_of_kind (kind)]++;
    }
  build->counts[RA_DEVICE_RESULTS_FILTER_ALL] = build->items->len;
}
