/* ra-sim-state.c — the instance's data that the API modules share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-simulator"

#include "config.h"

#include "ra-sim-private.h"

void
ra_sim_execution_free (RaSimExecution *execution)
{
  g_free (execution->request_id);
  g_free (execution->action_id);
  g_free (execution->action_name);
  g_clear_pointer (&execution->outputs, json_node_unref);
  g_strfreev (execution->devices);
  g_free (execution);
}

void
ra_sim_nql_query_free (RaSimNqlQuery *query)
{
  g_free (query->text);
  g_clear_pointer (&query->data, json_node_unref);
  g_free (query);
}

void
ra_sim_export_free (RaSimExport *export)
{
  g_free (export->id);
  g_free (export->error);
  g_free (export->signature);
  g_clear_pointer (&export->csv, g_bytes_unref);
  g_free (export);
}

void
ra_sim_state_init (RaSimState *state)
{
  state->actions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  state->list_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_bytes_unref);
  state->executions = g_ptr_array_new_with_free_func ((GDestroyNotify) ra_sim_execution_free);
  state->execution_seconds = 7;
  state->nql_queries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) ra_sim_nql_query_free);
  state->exports = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) ra_sim_export_free);
  state->export_seconds = 3;
}

void
ra_sim_state_clear (RaSimState *state)
{
  if (state->clock_destroy != NULL)
    state->clock_destroy (state->clock_data);
  g_hash_table_unref (state->actions_by_id);
  g_clear_pointer (&state->actions, g_ptr_array_unref);
  g_hash_table_unref (state->list_cache);
  g_ptr_array_unref (state->executions);
  g_hash_table_unref (state->nql_queries);
  g_hash_table_unref (state->exports);
  g_free (state->export_error);
  g_free (state->export_url_base);
}

JsonNode *
ra_sim_state_lookup_action (RaSimState *state,
                            const char *id)
{
  return g_hash_table_lookup (state->actions_by_id, id);
}

GBytes *
ra_sim_state_lookup_list_cache (RaSimState *state,
                                const char *key)
{
  return g_hash_table_lookup (state->list_cache, key);
}

void
ra_sim_state_store_list_cache (RaSimState *state,
                               const char *key,
                               GBytes     *body)
{
  g_hash_table_replace (state->list_cache, g_strdup (key), g_bytes_ref (body));
}

void
ra_sim_state_add_execution (RaSimState     *state,
                            RaSimExecution *execution)
{
  g_ptr_array_add (state->executions, execution);
}

gint64
ra_sim_state_now_usec (RaSimState *state)
{
  gint64 now = state->clock_func != NULL ? state->clock_func (state->clock_data) : g_get_real_time ();

  return now + state->clock_offset_usec;
}

void
ra_sim_state_advance (RaSimState *state,
                      gint64      seconds)
{
  state->clock_offset_usec += seconds * G_USEC_PER_SEC;
}
