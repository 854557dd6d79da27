/* ra-history-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-history"

#include "config.h"

#include "ra-csv.h"
#include "ra-history-csv.h"
#include "ra-history-private.h"
#include "ra-history-run.h"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every status any run has a count for, sorted: the same columns for
 * every row. */
static GPtrArray *
collect_statuses (GListModel *runs)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *statuses = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (runs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaHistoryRun) run = g_list_model_get_item (runs, i);
      GHashTable *counts = ra_history_run_get_status_counts (run);
      GHashTableIter iter;
      gpointer status;

      if (counts == NULL)
        continue;

      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, &status, NULL))
        {
          if (g_hash_table_add (seen, status))
            g_ptr_array_add (statuses, status);
        }
    }

  g_ptr_array_sort (statuses, compare_strings);
  return statuses;
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  /* Hours and minutes of the offset, "+01:00", "+00:00", as most
   * programs that read ISO 8601 expect. */
  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z") : NULL;
}

GBytes *
ra_history_runs_to_csv (GListModel *runs)
{
  g_autoptr(RaCsvWriter) writer = ra_csv_writer_new ();
  g_autoptr(GPtrArray) statuses = NULL;
  const char *header_start[] = {
    "time", "account", "instance", "region", "action", "action_nql_id", "request_id",
    "outcome", "devices",
  };
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (runs), NULL);

  statuses = collect_statuses (runs);

  for (guint i = 0; i < G_N_ELEMENTS (header_start); i++)
    ra_csv_writer_add_field (writer, header_start[i]);
  for (guint i = 0; i < statuses->len; i++)
    {
      g_autofree char *column = g_strconcat ("status:", (char *) g_ptr_array_index (statuses, i), NULL);

      ra_csv_writer_add_field (writer, column);
    }
  ra_csv_writer_add_field (writer, "reason");
  ra_csv_writer_add_field (writer, "ticket_reference");
  ra_csv_writer_end_row (writer);

  n = g_list_model_get_n_items (runs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaHistoryRun) run = g_list_model_get_item (runs, i);
      g_autofree char *time = format_time (ra_history_run_get_time (run));
      GHashTable *counts = ra_history_run_get_status_counts (run);

      ra_csv_writer_add_field (writer, time);
      ra_csv_writer_add_field (writer, ra_history_run_get_account_name (run));
      ra_csv_writer_add_field (writer, ra_history_run_get_instance (run));
      ra_csv_writer_add_field (writer, ra_history_run_get_region (run));
      ra_csv_writer_add_field (writer, ra_history_run_get_action_name (run));
      ra_csv_writer_add_field (writer, ra_history_run_get_action_id (run));
      ra_csv_writer_add_field (writer, ra_history_run_get_request_id (run));
      ra_csv_writer_add_field (writer, ra_history_outcome_to_string (ra_history_run_get_outcome (run)));
      ra_csv_writer_add_uint (writer, ra_history_run_get_n_devices (run));

      for (guint s = 0; s < statuses->len; s++)
        {
          gpointer count = NULL;

          /* No count is not a count of none: the field stays empty. */
          if (counts != NULL &&
              g_hash_table_lookup_extended (counts, g_ptr_array_index (statuses, s), NULL, &count))
            ra_csv_writer_add_uint (writer, GPOINTER_TO_UINT (count));
          else
            ra_csv_writer_add_field (writer, NULL);
        }

      ra_csv_writer_add_field (writer, ra_history_run_get_reason (run));
      ra_csv_writer_add_field (writer, ra_history_run_get_external_reference (run));
      ra_csv_writer_end_row (writer);
    }

  return ra_csv_writer_free_to_bytes (g_steal_pointer (&writer));
}
