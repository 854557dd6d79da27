/* test-sim-catalogue.c — the simulator: the action list and details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-simulator"

#include "config.h"

#include <string.h>

#include "ra-sim-test.h"

static gboolean
has_script (JsonArray  *actions,
            guint       i,
            const char *member)
{
  JsonObject *action = json_array_get_object_element (actions, i);

  return json_object_get_boolean_member (json_object_get_object_member (action, "scriptInfo"),
                                         member);
}

static void
test_list_filters (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) all_root = NULL;
  g_autoptr(JsonNode) slash_root = NULL;
  g_autoptr(JsonNode) windows_root = NULL;
  g_autoptr(JsonNode) mac_only_root = NULL;
  g_autoptr(JsonNode) no_windows_root = NULL;
  g_auto(Reply) invalid = { 0, };
  g_auto(Reply) post = { 0, };
  JsonArray *all, *slash, *windows, *mac_only, *no_windows;
  guint n_windows = 0, n_mac_only = 0;

  all = list (f, "/api/v1/act/remote-action", &all_root);
  slash = list (f, "/api/v1/act/remote-action/", &slash_root);
  g_assert_cmpuint (json_array_get_length (all), >=, 25);
  g_assert_true (json_node_equal (all_root, slash_root));
  (void) slash;

  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      gboolean w = has_script (all, i, "hasScriptWindows");
      gboolean m = has_script (all, i, "hasScriptMacOs");

      n_windows += w;
      n_mac_only += m && !w;
    }

  windows = list (f, "/api/v1/act/remote-action?hasScriptWindows=true", &windows_root);
  g_assert_cmpuint (json_array_get_length (windows), ==, n_windows);
  for (guint i = 0; i < json_array_get_length (windows); i++)
    g_assert_true (has_script (windows, i, "hasScriptWindows"));

  mac_only = list (f, "/api/v1/act/remote-action/?hasScriptWindows=false&hasScriptMacOs=true",
                   &mac_only_root);
  g_assert_cmpuint (json_array_get_length (mac_only), ==, n_mac_only);
  g_assert_cmpuint (n_mac_only, >, 0);
  for (guint i = 0; i < json_array_get_length (mac_only); i++)
    g_assert_true (!has_script (mac_only, i, "hasScriptWindows") &&
                   has_script (mac_only, i, "hasScriptMacOs"));

  no_windows = list (f, "/api/v1/act/remote-action?hasScriptWindows=FALSE", &no_windows_root);
  g_assert_cmpuint (json_array_get_length (no_windows), ==,
                    json_array_get_length (all) - n_windows);

  api (f, "GET", "/api/v1/act/remote-action?hasScriptMacOs=maybe", NULL, &invalid);
  assert_error_body (&invalid, 400, NULL);

  api (f, "POST", "/api/v1/act/remote-action", "{}", &post);
  g_assert_cmpuint (post.status, ==, 405);
  g_assert_cmpstr (soup_message_headers_get_one (post.headers, "Allow"), ==, "GET");
}

static void
assert_member (JsonObject *object,
               const char *member,
               GType       type)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    g_error ("member %s is missing", member);

  if (type == JSON_TYPE_ARRAY)
    g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  else if (type == JSON_TYPE_OBJECT)
    g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  else
    g_assert_true (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type);
}

/* Tidy: every member the official schema requires, with its type, and
 * the variety a UI needs to be tried against. */
static void
test_catalogue_schema (Fixture       *f,
                       gconstpointer  data)
{
  static const char * const wanted_types[] = {
    "string", "int", "bool", "list_of_strings", "datetime", "bytes",
  };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) output_types = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *actions;
  guint windows_only = 0, mac_only = 0, both = 0, not_api = 0, data_collection = 0, remediation = 0;
  guint fixed_inputs = 0, open_option_inputs = 0, free_inputs = 0, long_names = 0, long_descriptions = 0;

  actions = list (f, "/api/v1/act/remote-action", &root);
  g_assert_cmpuint (json_array_get_length (actions), >=, 25);

  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      JsonObject *action = json_array_get_object_element (actions, i);
      JsonObject *targeting, *script;
      JsonArray *array;
      const char *id;
      gboolean w, m;

      assert_member (action, "id", G_TYPE_STRING);
      assert_member (action, "uuid", G_TYPE_STRING);
      assert_member (action, "name", G_TYPE_STRING);
      assert_member (action, "description", G_TYPE_STRING);
      assert_member (action, "origin", G_TYPE_STRING);
      assert_member (action, "builtInContentVersion", G_TYPE_STRING);
      assert_member (action, "purpose", JSON_TYPE_ARRAY);
      assert_member (action, "targeting", JSON_TYPE_OBJECT);
      assert_member (action, "scriptInfo", JSON_TYPE_OBJECT);

      id = json_object_get_string_member (action, "id");
      g_assert_true (g_regex_match_simple ("^#[a-z0-9_]{2,255}$", id, 0, 0));
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, (gpointer) id);
      g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (action, "uuid")));
      long_names += g_utf8_strlen (json_object_get_string_member (action, "name"), -1) > 60;
      long_descriptions += g_utf8_strlen (json_object_get_string_member (action, "description"), -1) > 300;

      array = json_object_get_array_member (action, "purpose");
      g_assert_cmpuint (json_array_get_length (array), >=, 1);
      for (guint p = 0; p < json_array_get_length (array); p++)
        {
          const char *purpose = json_array_get_string_element (array, p);

          g_assert_true (g_str_equal (purpose, "DATA_COLLECTION") || g_str_equal (purpose, "REMEDIATION"));
          data_collection += g_str_equal (purpose, "DATA_COLLECTION");
          remediation += g_str_equal (purpose, "REMEDIATION");
        }

      targeting = json_object_get_object_member (action, "targeting");
      assert_member (targeting, "apiEnabled", G_TYPE_BOOLEAN);
      assert_member (targeting, "manualEnabled", G_TYPE_BOOLEAN);
      assert_member (targeting, "workflowEnabled", G_TYPE_BOOLEAN);
      assert_member (targeting, "manualAllowMultipleDevices", G_TYPE_BOOLEAN);
      not_api += !json_object_get_boolean_member (targeting, "apiEnabled");

      script = json_object_get_object_member (action, "scriptInfo");
      assert_member (script, "executionServiceDelegate", G_TYPE_STRING);
      assert_member (script, "runAs", G_TYPE_STRING);
      assert_member (script, "timeoutSeconds", G_TYPE_INT64);
      assert_member (script, "hasScriptWindows", G_TYPE_BOOLEAN);
      assert_member (script, "hasScriptMacOs", G_TYPE_BOOLEAN);
      assert_member (script, "inputs", JSON_TYPE_ARRAY);
      assert_member (script, "outputs", JSON_TYPE_ARRAY);
      g_assert_true (g_regex_match_simple ("^(LOCAL_SYSTEM|INTERACTIVE_USER|DELEGATE_TO_SERVICE)$",
                                           json_object_get_string_member (script, "runAs"), 0, 0));
      w = json_object_get_boolean_member (script, "hasScriptWindows");
      m = json_object_get_boolean_member (script, "hasScriptMacOs");
      g_assert_true (w || m);
      windows_only += w && !m;
      mac_only += m && !w;
      both += w && m;

      array = json_object_get_array_member (script, "inputs");
      for (guint k = 0; k < json_array_get_length (array); k++)
        {
          JsonObject *input = json_array_get_object_element (array, k);
          guint n_options;

          assert_member (input, "id", G_TYPE_STRING);
          assert_member (input, "name", G_TYPE_STRING);
          assert_member (input, "description", G_TYPE_STRING);
          assert_member (input, "usedByWindows", G_TYPE_BOOLEAN);
          assert_member (input, "usedByMacOs", G_TYPE_BOOLEAN);
          assert_member (input, "options", JSON_TYPE_ARRAY);
          assert_member (input, "allowCustomValue", G_TYPE_BOOLEAN);
          n_options = json_array_get_length (json_object_get_array_member (input, "options"));
          if (!json_object_get_boolean_member (input, "allowCustomValue"))
            {
              g_assert_cmpuint (n_options, >, 0);
              fixed_inputs++;
            }
          else if (n_options > 0)
            open_option_inputs++;
          else
            free_inputs++;
        }

      array = json_object_get_array_member (script, "outputs");
      for (guint k = 0; k < json_array_get_length (array); k++)
        {
          JsonObject *output = json_array_get_object_element (array, k);

          assert_member (output, "id", G_TYPE_STRING);
          assert_member (output, "name", G_TYPE_STRING);
          assert_member (output, "type", G_TYPE_STRING);
          assert_member (output, "description", G_TYPE_STRING);
          assert_member (output, "usedByWindows", G_TYPE_BOOLEAN);
          assert_member (output, "usedByMacOs", G_TYPE_BOOLEAN);
          g_hash_table_add (output_types, (gpointer) json_object_get_string_member (output, "type"));
        }
    }

  g_assert_cmpuint (windows_only, >, 0);
  g_assert_cmpuint (mac_only, >, 0);
  g_assert_cmpuint (both, >, 0);
  g_assert_cmpuint (data_collection, >, 0);
  g_assert_cmpuint (remediation, >, 0);
  g_assert_cmpuint (not_api, >=, 2);
  g_assert_cmpuint (fixed_inputs, >, 0);
  g_assert_cmpuint (open_option_inputs, >, 0);
  g_assert_cmpuint (free_inputs, >, 0);
  g_assert_cmpuint (long_names, >, 0);
  g_assert_cmpuint (long_descriptions, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (wanted_types); i++)
    g_assert_true (g_hash_table_contains (output_types, wanted_types[i]));
}

/* The members of an action that the seed page's list example shows. */
static const char * const seed_members[] = {
  "id", "uuid", "name", "purpose", "targeting", "scriptInfo",
};
static const char * const seed_targeting_members[] = {
  "apiEnabled", "manualEnabled", "manualAllowMultipleDevices",
};
static const char * const seed_script_info_members[] = {
  "runAs", "timeoutSeconds", "hasScriptWindows", "hasScriptMacOs", "inputs", "outputs",
};

static gboolean
has_only (JsonObject         *object,
          const char * const *members,
          guint               n_members)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      gboolean listed = FALSE;

      for (guint i = 0; i < n_members && !listed; i++)
        listed = g_str_equal (members[i], l->data);

      if (!listed)
        return FALSE;
    }

  return TRUE;
}

static gboolean
holds_null (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) values = json_object_get_values (json_node_get_object (node));

      for (GList *l = values; l != NULL; l = l->next)
        if (holds_null (l->data))
          return TRUE;
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (holds_null (json_array_get_element (array, i)))
          return TRUE;
    }

  return FALSE;
}

/* Realistic, the default: some actions answer as the seed page's example
 * (its members only), some with null for empty values, one with a
 * purpose the specification does not list; the generated catalogues are
 * sparse too. Every action still has a string id and name. */
static void
test_catalogue_realistic (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) generated_root = NULL;
  JsonArray *actions;
  guint seed_shaped = 0, null_valued = 0, unlisted_purposes = 0, generated_sparse = 0;

  g_assert_cmpint (ra_simulator_get_profile (f->sim), ==, RA_SIM_PROFILE_REALISTIC);

  actions = list (f, "/api/v1/act/remote-action", &root);
  g_assert_cmpuint (json_array_get_length (actions), >=, 25);

  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      JsonNode *node = json_array_get_element (actions, i);
      JsonObject *action = json_node_get_object (node);
      JsonObject *targeting = json_object_get_object_member (action, "targeting");
      JsonObject *script = json_object_get_object_member (action, "scriptInfo");
      JsonArray *purpose;

      assert_member (action, "id", G_TYPE_STRING);
      assert_member (action, "name", G_TYPE_STRING);

      if (has_only (action, seed_members, G_N_ELEMENTS (seed_members)) &&
          has_only (targeting, seed_targeting_members, G_N_ELEMENTS (seed_targeting_members)) &&
          has_only (script, seed_script_info_members, G_N_ELEMENTS (seed_script_info_members)))
        seed_shaped++;

      null_valued += holds_null (node);

      purpose = json_object_get_array_member (action, "purpose");
      for (guint p = 0; purpose != NULL && p < json_array_get_length (purpose); p++)
        {
          const char *value = json_array_get_string_element (purpose, p);

          unlisted_purposes += !g_str_equal (value, "DATA_COLLECTION") && !g_str_equal (value, "REMEDIATION");
        }
    }

  g_assert_cmpuint (seed_shaped, >=, 2);
  g_assert_cmpuint (null_valued, >=, 2);
  g_assert_cmpuint (unlisted_purposes, ==, 1);

  ra_simulator_set_generated_actions (f->sim, 40);
  actions = list (f, "/api/v1/act/remote-action", &generated_root);
  g_assert_cmpuint (json_array_get_length (actions), ==, 40);
  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      JsonNode *node = json_array_get_element (actions, i);
      JsonObject *action = json_node_get_object (node);

      generated_sparse += !json_object_has_member (action, "description") || holds_null (node);
    }
  g_assert_cmpuint (generated_sparse, >=, 10);
}

static void
test_details (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) all_root = NULL;
  g_auto(Reply) found = { 0, };
  g_auto(Reply) slash = { 0, };
  g_auto(Reply) missing = { 0, };
  g_auto(Reply) absent = { 0, };
  g_autoptr(JsonNode) node = NULL;
  JsonArray *all;
  JsonNode *expected = NULL;

  all = list (f, "/api/v1/act/remote-action", &all_root);
  for (guint i = 0; i < json_array_get_length (all); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (all, i), "id"),
                     "#restart_windows_service"))
      expected = json_array_get_element (all, i);
  g_assert_nonnull (expected);

  api (f, "GET", "/api/v1/act/remote-action/details?nql-id=%23restart_windows_service", NULL, &found);
  g_assert_cmpuint (found.status, ==, 200);
  g_assert_true (is_json (&found));
  node = parse (&found);
  g_assert_true (json_node_equal (node, expected));

  api (f, "GET", "/api/v1/act/remote-action/details/?nql-id=%23restart_windows_service", NULL, &slash);
  g_assert_cmpuint (slash.status, ==, 200);

  api (f, "GET", "/api/v1/act/remote-action/details?nql-id=%23no_such_action", NULL, &missing);
  assert_error_body (&missing, 404, NULL);

  api (f, "GET", "/api/v1/act/remote-action/details", NULL, &absent);
  assert_error_body (&absent, 400, NULL);
}

/* Large catalogues */

static void
test_generated (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) demo_root = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(Reply) first = { 0, };
  g_auto(Reply) second = { 0, };
  g_auto(Reply) details = { 0, };
  JsonArray *actions;
  gint64 start, generated, first_done, second_done;

  start = g_get_monotonic_time ();
  ra_simulator_set_generated_actions (f->sim, 10000);
  generated = g_get_monotonic_time ();
  api (f, "GET", "/api/v1/act/remote-action", NULL, &first);
  first_done = g_get_monotonic_time ();
  api (f, "GET", "/api/v1/act/remote-action", NULL, &second);
  second_done = g_get_monotonic_time ();

  g_test_message ("10000 actions: generated in %" G_GINT64_FORMAT " ms, first list %"
                  G_GINT64_FORMAT " ms, cached list %" G_GINT64_FORMAT " ms, %" G_GSIZE_FORMAT " bytes",
                  (generated - start) / 1000, (first_done - generated) / 1000,
                  (second_done - first_done) / 1000, g_bytes_get_size (first.body));
  g_assert_true (g_bytes_equal (first.body, second.body));

  root = parse (&first);
  actions = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (actions), ==, 10000);
  for (guint i = 0; i < json_array_get_length (actions); i++)
    {
      JsonObject *action = json_array_get_object_element (actions, i);

      g_hash_table_add (ids, (gpointer) json_object_get_string_member (action, "id"));
      g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (action, "uuid")));
    }
  g_assert_cmpuint (g_hash_table_size (ids), ==, 10000);

  api (f, "GET", "/api/v1/act/remote-action/details?nql-id=%23generated_action_10000", NULL, &details);
  g_assert_cmpuint (details.status, ==, 200);

  ra_simulator_set_generated_actions (f->sim, 0);
  actions = list (f, "/api/v1/act/remote-action", &demo_root);
  g_assert_cmpuint (json_array_get_length (actions), <, 100);
}

static void
test_add_action (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) broken = json_from_string ("{\"id\":\"#broken\",\"name\":{\"x\":1},\"scriptInfo\":3}", NULL);
  g_autoptr(JsonNode) root = NULL;
  g_auto(Reply) details = { 0, };
  g_auto(Reply) filtered = { 0, };
  g_auto(Reply) execute = { 0, };
  JsonArray *actions;
  guint before;

  actions = list (f, "/api/v1/act/remote-action", &root);
  before = json_array_get_length (actions);
  g_clear_pointer (&root, json_node_unref);

  ra_simulator_add_action (f->sim, broken);
  ra_simulator_add_action (f->sim, broken);
  actions = list (f, "/api/v1/act/remote-action", &root);
  g_assert_cmpuint (json_array_get_length (actions), ==, before + 1);

  api (f, "GET", "/api/v1/act/remote-action/details?nql-id=%23broken", NULL, &details);
  g_assert_cmpuint (details.status, ==, 200);
  api (f, "GET", "/api/v1/act/remote-action?hasScriptWindows=true", NULL, &filtered);
  g_assert_cmpuint (filtered.status, ==, 200);
  api (f, "POST", "/api/v1/act/execute", "{\"remoteActionId\":\"#broken\",\"devices\":[\"a\"]}", &execute);
  assert_error_body (&execute, 403, NULL);
}

int
main (int   argc,
      char *argv[])
{
  static const RaSimProfile tidy = RA_SIM_PROFILE_TIDY;

  g_test_init (&argc, &argv, NULL);

  RA_TEST_ADD ("/simulator/catalogue/list-filters", test_list_filters);
  g_test_add ("/simulator/catalogue/schema", Fixture, &tidy,
              fixture_set_up, test_catalogue_schema, fixture_tear_down);
  RA_TEST_ADD ("/simulator/catalogue/realistic", test_catalogue_realistic);
  RA_TEST_ADD ("/simulator/catalogue/details", test_details);
  RA_TEST_ADD ("/simulator/catalogue/generated", test_generated);
  RA_TEST_ADD ("/simulator/catalogue/add-action", test_add_action);

  return g_test_run ();
}
