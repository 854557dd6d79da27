/* ra-test-catalogue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-test-common"

#include "config.h"

#include "ra-sim-private.h"
#include "ra-test-catalogue.h"

char *
ra_test_catalogue_to_json (GPtrArray *actions,
                           gboolean   pretty)
{
  g_autoptr(JsonArray) array = json_array_sized_new (actions->len);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  for (guint i = 0; i < actions->len; i++)
    json_array_add_element (array, json_node_copy (actions->pdata[i]));
  json_node_set_array (root, array);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);

  return json_generator_to_data (generator, NULL);
}

char *
ra_test_catalogue_generate (guint        n,
                            RaSimProfile profile)
{
  g_autoptr(GPtrArray) actions = ra_sim_catalogue_new_generated (n, profile);

  return ra_test_catalogue_to_json (actions, FALSE);
}
