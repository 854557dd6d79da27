/* test-models.c — parsing the API's models, following the official schemas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-models"

#include "config.h"

#include <string.h>

#include "ra-action-input.h"
#include "ra-action-output.h"
#include "ra-catalogue.h"
#include "ra-enum-types.h"
#include "ra-error.h"
#include "ra-execution-result.h"
#include "ra-http-private.h"
#include "ra-json-private.h"
#include "ra-nql-result.h"
#include "ra-remote-action.h"
#include "ra-test-catalogue.h"
#include "ra-test-common.h"

/* The same action with every member the RemoteAction schema requires. */
static const char complete_action[] =
  "{"
  "  \"id\": \"#restart_service\","
  "  \"uuid\": \"5f5158f0-cd00-46be-9bfb-a9283ba800b0\","
  "  \"name\": \"Restart service\","
  "  \"description\": \"Restarts a Windows service and reports its new status.\","
  "  \"origin\": \"CUSTOM\","
  "  \"builtInContentVersion\": \"1.2.0\","
  "  \"purpose\": [\"DATA_COLLECTION\", \"REMEDIATION\"],"
  "  \"targeting\": {"
  "    \"apiEnabled\": true,"
  "    \"manualEnabled\": true,"
  "    \"workflowEnabled\": false,"
  "    \"manualAllowMultipleDevices\": true"
  "  },"
  "  \"scriptInfo\": {"
  "    \"executionServiceDelegate\": \"\","
  "    \"runAs\": \"INTERACTIVE_USER\","
  "    \"timeoutSeconds\": 120,"
  "    \"hasScriptWindows\": true,"
  "    \"hasScriptMacOs\": false,"
  "    \"inputs\": ["
  "      {"
  "        \"id\": \"ServiceName\","
  "        \"name\": \"Service name\","
  "        \"description\": \"The service to restart\","
  "        \"usedByWindows\": true,"
  "        \"usedByMacOs\": false,"
  "        \"options\": [],"
  "        \"allowCustomValue\": true"
  "      },"
  "      {"
  "        \"id\": \"StartType\","
  "        \"name\": \"Start type\","
  "        \"description\": \"How the service starts afterwards\","
  "        \"usedByWindows\": true,"
  "        \"usedByMacOs\": true,"
  "        \"options\": [\"Automatic\", \"Manual\", \"Disabled\"],"
  "        \"allowCustomValue\": false"
  "      }"
  "    ],"
  "    \"outputs\": ["
  "      {"
  "        \"id\": \"UpdatedServiceStatus\","
  "        \"name\": \"Updated service status\","
  "        \"type\": \"list_of_strings\","
  "        \"description\": \"The status after the restart\","
  "        \"usedByWindows\": true,"
  "        \"usedByMacOs\": false"
  "      },"
  "      {"
  "        \"id\": \"Attempts\","
  "        \"name\": \"Attempts\","
  "        \"type\": \"int\","
  "        \"description\": \"\","
  "        \"usedByWindows\": false,"
  "        \"usedByMacOs\": true"
  "      }"
  "    ]"
  "  }"
  "}";

/* The only members the app requires, as the error names them. */
static const char * const required_paths[] = {
  "id", "name", "scriptInfo.inputs[1].id", "scriptInfo.outputs[1].id",
};

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* Follows "a.b[2].c" to the object holding the last member. */
static JsonObject *
resolve_parent (JsonNode    *root,
                const char  *path,
                char       **last)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    {
      char *bracket = strchr (parts[i], '[');
      guint index = 0;

      if (bracket != NULL)
        {
          index = (guint) g_ascii_strtoull (bracket + 1, NULL, 10);
          *bracket = '\0';
        }

      node = json_object_get_member (json_node_get_object (node), parts[i]);
      g_assert_nonnull (node);

      if (bracket != NULL)
        node = json_array_get_element (json_node_get_array (node), index);
    }

  *last = g_strdup (parts[n - 1]);
  return json_node_get_object (node);
}

/* Parses complete_action with the member at path replaced by replacement
 * (a JSON text), or removed when replacement is NULL. */
static RaRemoteAction *
parse_mutated (const char  *path,
               const char  *replacement,
               GError     **error)
{
  g_autoptr(JsonNode) root = parse (complete_action);
  g_autofree char *member = NULL;
  JsonObject *parent = resolve_parent (root, path, &member);

  g_assert_true (json_object_has_member (parent, member));

  if (replacement == NULL)
    json_object_remove_member (parent, member);
  else
    json_object_set_member (parent, member, parse (replacement));

  return ra_remote_action_new_from_json (root, error);
}

static void
assert_malformed (const GError *error,
                  const char   *path,
                  const char   *what)
{
  g_autofree char *expected = g_strdup_printf ("%s%s%s", path, what[0] == '[' ? "" : " ", what);

  g_assert_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
}

/* The seed page's list example, repaired into valid JSON with nothing
 * added: what the only real answer on record looks like. */
static char *
load_seed_example (gsize *length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "unit", "data", "seed-list-example.json", NULL);
  char *text = NULL;

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);
  return text;
}

static void
assert_seed_action (RaRemoteAction *action)
{
  GListModel *inputs = ra_remote_action_get_inputs (action);
  GListModel *outputs = ra_remote_action_get_outputs (action);
  g_autoptr(RaActionInput) input = NULL;
  g_autoptr(RaActionOutput) output = NULL;
  const char * const *texts;

  g_assert_cmpstr (ra_remote_action_get_id (action), ==, "#ExampleRA");
  g_assert_cmpstr (ra_remote_action_get_uuid (action), ==, "5g5158g0-cd00-46be-9bfb-a9283ba800b");
  g_assert_cmpstr (ra_remote_action_get_name (action), ==, "Example Remote Action");
  /* What the example leaves out is not made up: */
  g_assert_cmpstr (ra_remote_action_get_description (action), ==, "");
  g_assert_null (ra_remote_action_get_origin (action));
  g_assert_null (ra_remote_action_get_built_in_content_version (action));
  g_assert_null (ra_remote_action_get_execution_service_delegate (action));
  g_assert_cmpint (ra_remote_action_get_workflow_enabled (action), ==, RA_TRISTATE_UNKNOWN);
  /* and what it says is kept. */
  g_assert_cmpint (ra_remote_action_get_purpose (action), ==, RA_PURPOSE_DATA_COLLECTION);
  texts = ra_remote_action_get_purpose_texts (action);
  g_assert_cmpuint (g_strv_length ((char **) texts), ==, 1);
  g_assert_cmpstr (texts[0], ==, "DATA_COLLECTION");
  g_assert_cmpint (ra_remote_action_get_api_enabled (action), ==, RA_TRISTATE_NO);
  g_assert_cmpint (ra_remote_action_get_manual_enabled (action), ==, RA_TRISTATE_YES);
  g_assert_cmpint (ra_remote_action_get_manual_allow_multiple_devices (action), ==, RA_TRISTATE_YES);
  g_assert_cmpint (ra_remote_action_get_run_as (action), ==, RA_RUN_AS_LOCAL_SYSTEM);
  g_assert_cmpstr (ra_remote_action_get_run_as_text (action), ==, "LOCAL_SYSTEM");
  g_assert_cmpint (ra_remote_action_get_timeout_seconds (action), ==, 120);
  g_assert_cmpint (ra_remote_action_get_has_script_windows (action), ==, RA_TRISTATE_YES);
  g_assert_cmpint (ra_remote_action_get_has_script_macos (action), ==, RA_TRISTATE_NO);

  g_assert_cmpuint (g_list_model_get_n_items (inputs), ==, 3);
  input = g_list_model_get_item (inputs, 1);
  g_assert_cmpstr (ra_action_input_get_id (input), ==, "StatusChange");
  g_assert_cmpstr (ra_action_input_get_name (input), ==, "Status Change");
  g_assert_cmpstr (ra_action_input_get_description (input), ==, "");
  g_assert_cmpstr (ra_action_input_get_options (input)[0], ==, "On");
  g_assert_null (ra_action_input_get_options (input)[1]);
  g_assert_cmpint (ra_action_input_get_allow_custom_value (input), ==, RA_TRISTATE_YES);
  g_assert_false (ra_action_input_has_fixed_options (input));
  g_assert_cmpint (ra_action_input_get_used_by_windows (input), ==, RA_TRISTATE_YES);
  g_assert_cmpint (ra_action_input_get_used_by_macos (input), ==, RA_TRISTATE_NO);

  g_assert_cmpuint (g_list_model_get_n_items (outputs), ==, 1);
  output = g_list_model_get_item (outputs, 0);
  g_assert_cmpstr (ra_action_output_get_id (output), ==, "UpdatedServiceStatus");
  g_assert_cmpstr (ra_action_output_get_name (output), ==, "Updated Service Status");
  g_assert_cmpstr (ra_action_output_get_output_type (output), ==, "list_of_strings");
  g_assert_cmpstr (ra_action_output_get_description (output), ==, "");
}

/* The only real answer on record must be read, and read right, by the
 * tree path, the one-pass reader and the client's list path alike. */
static void
test_seed_example (void)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *text = load_seed_example (&length);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(RaCatalogue) catalogue = NULL;
  g_autoptr(RaRemoteAction) action = NULL;
  g_autoptr(RaRemoteAction) alone = NULL;

  node = ra_json_parse (text, length, &error);
  g_assert_no_error (error);

  catalogue = ra_catalogue_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalogue)), ==, 1);
  g_assert_cmpuint (ra_catalogue_get_n_skipped (catalogue), ==, 0);
  action = g_list_model_get_item (G_LIST_MODEL (catalogue), 0);
  assert_seed_action (action);

  /* As the details call answers it: one action alone. */
  alone = ra_remote_action_new_from_json (json_array_get_element (json_node_get_array (node), 0),
                                          &error);
  g_assert_no_error (error);
  assert_seed_action (alone);
}

/* The example exactly as the page's source has it: indented with
 * no-break spaces, which JSON does not count as white space, and ending
 * in the comma of a list element. Repaired, it is the test file above,
 * byte for byte: nothing was added to it. */
static void
test_seed_example_verbatim (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "unit", "data", "seed-list-element.txt", NULL);
  g_autofree char *verbatim = NULL;
  g_autofree char *example = NULL;
  g_autoptr(GString) repaired = NULL;
  g_autoptr(JsonNode) node = NULL;
  gsize length, example_length;

  g_file_get_contents (path, &verbatim, &length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (verbatim, "\xc2\xa0"));

  node = ra_json_parse (verbatim, length, &error);
  g_assert_null (node);
  g_assert_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE);
  g_assert_nonnull (strstr (error->message, "not valid JSON"));
  g_clear_error (&error);

  /* What a reader means by it: spaces, inside a list. */
  repaired = g_string_new (verbatim);
  g_string_replace (repaired, "\xc2\xa0", " ", 0);
  g_strchomp (repaired->str);
  repaired->len = strlen (repaired->str);
  g_assert_true (repaired->str[repaired->len - 1] == ',');
  g_string_truncate (repaired, repaired->len - 1);
  g_string_prepend (repaired, "[\n");
  g_string_append (repaired, "\n]\n");

  example = load_seed_example (&example_length);
  g_assert_cmpstr (repaired->str, ==, example);
}

static void
test_json_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  GString *deep = g_string_new (NULL);

  node = ra_json_parse ("{\"requestId\": \"[[[[\"}", -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_clear_pointer (&node, json_node_unref);

  /* json-glib recurses: a million brackets would overflow the stack. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '[');
  node = ra_json_parse (deep->str, deep->len, &error);
  g_assert_null (node);
  g_assert_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE);
  g_clear_error (&error);
  g_string_free (deep, TRUE);

  for (guint depth = RA_JSON_MAX_DEPTH; depth <= RA_JSON_MAX_DEPTH + 1; depth++)
    {
      g_autofree char *open = g_strnfill (depth, '[');
      g_autofree char *close = g_strnfill (depth, ']');
      g_autofree char *text = g_strconcat (open, close, NULL);

      node = ra_json_parse (text, -1, &error);
      if (depth <= RA_JSON_MAX_DEPTH)
        g_assert_no_error (error);
      else
        g_assert_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE);
      g_clear_error (&error);
      g_clear_pointer (&node, json_node_unref);
    }

  /* The client's body parser goes the same way. */
  {
    g_autofree char *brackets = g_strnfill (1000000, '[');
    g_autoptr(GBytes) body = g_bytes_new_take (g_steal_pointer (&brackets), 1000000);

    node = ra_http_parse_json (body, &error);
    g_assert_null (node);
    g_assert_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE);
    g_clear_error (&error);
    g_assert_null (ra_http_dup_server_message (body));
  }

  node = ra_json_parse ("", 0, &error);
  g_assert_null (node);
  g_assert_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE);
  g_clear_error (&error);

  /* The parser's own message could quote the body, a token for instance. */
  node = ra_json_parse ("{\"access_token\": \"s3cr3t", -1, &error);
  g_assert_null (node);
  g_assert_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE);
  g_assert_null (strstr (error->message, "s3cr3t"));
}

static void
test_complete_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = parse (complete_action);
  RaRemoteAction *action;
  GListModel *inputs, *outputs;
  RaActionInput *input;
  RaActionOutput *output;
  const char * const *options;
  g_autoptr(GListModel) inputs_prop = NULL;
  RaPurpose purpose;
  RaRunAs run_as;

  action = ra_remote_action_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (action);

  g_assert_cmpstr (ra_remote_action_get_id (action), ==, "#restart_service");
  g_assert_cmpstr (ra_remote_action_get_uuid (action), ==, "5f5158f0-cd00-46be-9bfb-a9283ba800b0");
  g_assert_cmpstr (ra_remote_action_get_name (action), ==, "Restart service");
  g_assert_cmpstr (ra_remote_action_get_description (action), ==, "Restarts a Windows service and reports its new status.");
  g_assert_cmpstr (ra_remote_action_get_origin (action), ==, "CUSTOM");
  g_assert_cmpstr (ra_remote_action_get_built_in_content_version (action), ==, "1.2.0");
  g_assert_cmpint (ra_remote_action_get_purpose (action), ==, RA_PURPOSE_DATA_COLLECTION | RA_PURPOSE_REMEDIATION);
  g_assert_cmpint (ra_remote_action_get_api_enabled (action), ==, RA_TRISTATE_YES);
  g_assert_cmpint (ra_remote_action_get_manual_enabled (action), ==, RA_TRISTATE_YES);
  g_assert_cmpint (ra_remote_action_get_workflow_enabled (action), ==, RA_TRISTATE_NO);
  g_assert_cmpint (ra_remote_action_get_manual_allow_multiple_devices (action), ==, RA_TRISTATE_YES);
  g_assert_cmpstr (ra_remote_action_get_execution_service_delegate (action), ==, "");
  g_assert_cmpint (ra_remote_action_get_run_as (action), ==, RA_RUN_AS_INTERACTIVE_USER);
  g_assert_cmpstr (ra_run_as_to_string (ra_remote_action_get_run_as (action)), ==, "INTERACTIVE_USER");
  g_assert_cmpint (ra_remote_action_get_timeout_seconds (action), ==, 120);
  g_assert_cmpint (ra_remote_action_get_has_script_windows (action), ==, RA_TRISTATE_YES);
  g_assert_cmpint (ra_remote_action_get_has_script_macos (action), ==, RA_TRISTATE_NO);

  inputs = ra_remote_action_get_inputs (action);
  g_assert_cmpuint (g_list_model_get_n_items (inputs), ==, 2);
  g_assert_true (g_list_model_get_item_type (inputs) == RA_TYPE_ACTION_INPUT);

  input = g_list_model_get_item (inputs, 0);
  g_assert_cmpstr (ra_action_input_get_id (input), ==, "ServiceName");
  g_assert_cmpstr (ra_action_input_get_name (input), ==, "Service name");
  g_assert_cmpstr (ra_action_input_get_description (input), ==, "The service to restart");
  g_assert_cmpint (ra_action_input_get_used_by_windows (input), ==, RA_TRISTATE_YES);
  g_assert_cmpint (ra_action_input_get_used_by_macos (input), ==, RA_TRISTATE_NO);
  g_assert_cmpuint (g_strv_length ((char **) ra_action_input_get_options (input)), ==, 0);
  g_assert_cmpint (ra_action_input_get_allow_custom_value (input), ==, RA_TRISTATE_YES);
  g_assert_true (ra_action_input_validate_value (input, "Spooler", NULL));
  g_object_unref (input);

  input = g_list_model_get_item (inputs, 1);
  g_assert_cmpstr (ra_action_input_get_id (input), ==, "StartType");
  g_assert_cmpint (ra_action_input_get_used_by_macos (input), ==, RA_TRISTATE_YES);
  options = ra_action_input_get_options (input);
  g_assert_cmpuint (g_strv_length ((char **) options), ==, 3);
  g_assert_cmpstr (options[0], ==, "Automatic");
  g_assert_cmpstr (options[2], ==, "Disabled");
  g_assert_cmpint (ra_action_input_get_allow_custom_value (input), ==, RA_TRISTATE_NO);
  g_assert_true (ra_action_input_has_fixed_options (input));
  g_assert_true (ra_action_input_validate_value (input, "Manual", NULL));
  g_assert_false (ra_action_input_validate_value (input, "manual", &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (ra_action_input_validate_value (input, NULL, &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_object_unref (input);

  outputs = ra_remote_action_get_outputs (action);
  g_assert_cmpuint (g_list_model_get_n_items (outputs), ==, 2);
  output = g_list_model_get_item (outputs, 0);
  g_assert_cmpstr (ra_action_output_get_id (output), ==, "UpdatedServiceStatus");
  g_assert_cmpstr (ra_action_output_get_name (output), ==, "Updated service status");
  g_assert_cmpstr (ra_action_output_get_output_type (output), ==, "list_of_strings");
  g_assert_cmpstr (ra_action_output_get_description (output), ==, "The status after the restart");
  g_assert_cmpint (ra_action_output_get_used_by_windows (output), ==, RA_TRISTATE_YES);
  g_assert_cmpint (ra_action_output_get_used_by_macos (output), ==, RA_TRISTATE_NO);
  g_object_unref (output);
  output = g_list_model_get_item (outputs, 1);
  g_assert_cmpstr (ra_action_output_get_output_type (output), ==, "int");
  g_assert_cmpint (ra_action_output_get_used_by_macos (output), ==, RA_TRISTATE_YES);
  g_object_unref (output);

  /* The properties say the same as the getters. */
  g_object_get (action, "purpose", &purpose, "run-as", &run_as, "inputs", &inputs_prop, NULL);
  g_assert_cmpint (purpose, ==, RA_PURPOSE_DATA_COLLECTION | RA_PURPOSE_REMEDIATION);
  g_assert_cmpint (run_as, ==, RA_RUN_AS_INTERACTIVE_USER);
  g_assert_true (inputs_prop == inputs);
  g_clear_object (&inputs_prop);

  g_assert_finalize_object (action);
}

static void
test_required_members (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (required_paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RaRemoteAction) action = parse_mutated (required_paths[i], NULL, &error);

      g_assert_null (action);
      assert_malformed (error, required_paths[i], "is missing");

      g_clear_error (&error);
      action = parse_mutated (required_paths[i], "null", &error);
      g_assert_null (action);
      assert_malformed (error, required_paths[i], "should be a string");
    }
}

typedef enum
{
  IS_NULL,           /* a string or vector property that is NULL */
  IS_EMPTY_STRING,
  IS_ID,             /* the object's own id */
  IS_UNKNOWN,        /* RA_TRISTATE_UNKNOWN */
  IS_ZERO,           /* 0 of an integer, flags or enum: none, not known */
  IS_EMPTY_LIST,
  IS_EMPTY_STRV,
} Default;

typedef struct {
  const char *path;
  const char *object;    /* "action", "input" (the second) or "output" (the second) */
  const char *property;
  Default     expected;
} OptionalMember;

/* Every member but the required ones may be missing or null, and then
 * has its documented default (the table in ra-remote-action.c). */
static const OptionalMember optional_members[] = {
  { "uuid", "action", "uuid", IS_NULL },
  { "description", "action", "description", IS_EMPTY_STRING },
  { "origin", "action", "origin", IS_NULL },
  { "builtInContentVersion", "action", "built-in-content-version", IS_NULL },
  { "purpose", "action", "purpose", IS_ZERO },
  { "targeting", "action", "api-enabled", IS_UNKNOWN },
  { "targeting", "action", "manual-allow-multiple-devices", IS_UNKNOWN },
  { "targeting.apiEnabled", "action", "api-enabled", IS_UNKNOWN },
  { "targeting.manualEnabled", "action", "manual-enabled", IS_UNKNOWN },
  { "targeting.workflowEnabled", "action", "workflow-enabled", IS_UNKNOWN },
  { "targeting.manualAllowMultipleDevices", "action", "manual-allow-multiple-devices", IS_UNKNOWN },
  { "scriptInfo", "action", "run-as", IS_ZERO },
  { "scriptInfo", "action", "inputs", IS_EMPTY_LIST },
  { "scriptInfo", "action", "has-script-windows", IS_UNKNOWN },
  { "scriptInfo.executionServiceDelegate", "action", "execution-service-delegate", IS_NULL },
  { "scriptInfo.runAs", "action", "run-as", IS_ZERO },
  { "scriptInfo.timeoutSeconds", "action", "timeout-seconds", IS_ZERO },
  { "scriptInfo.hasScriptWindows", "action", "has-script-windows", IS_UNKNOWN },
  { "scriptInfo.hasScriptMacOs", "action", "has-script-macos", IS_UNKNOWN },
  { "scriptInfo.inputs", "action", "inputs", IS_EMPTY_LIST },
  { "scriptInfo.outputs", "action", "outputs", IS_EMPTY_LIST },
  { "scriptInfo.inputs[1].name", "input", "name", IS_ID },
  { "scriptInfo.inputs[1].description", "input", "description", IS_EMPTY_STRING },
  { "scriptInfo.inputs[1].usedByWindows", "input", "used-by-windows", IS_UNKNOWN },
  { "scriptInfo.inputs[1].usedByMacOs", "input", "used-by-macos", IS_UNKNOWN },
  { "scriptInfo.inputs[1].options", "input", "options", IS_EMPTY_STRV },
  { "scriptInfo.inputs[1].allowCustomValue", "input", "allow-custom-value", IS_UNKNOWN },
  { "scriptInfo.outputs[1].name", "output", "name", IS_ID },
  { "scriptInfo.outputs[1].type", "output", "output-type", IS_NULL },
  { "scriptInfo.outputs[1].description", "output", "description", IS_EMPTY_STRING },
  { "scriptInfo.outputs[1].usedByWindows", "output", "used-by-windows", IS_UNKNOWN },
  { "scriptInfo.outputs[1].usedByMacOs", "output", "used-by-macos", IS_UNKNOWN },
};

static void
assert_default (RaRemoteAction       *action,
                const OptionalMember *member)
{
  g_autoptr(GObject) object = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *id = NULL;
  GParamSpec *pspec;

  if (g_str_equal (member->object, "input"))
    object = g_list_model_get_item (ra_remote_action_get_inputs (action), 1);
  else if (g_str_equal (member->object, "output"))
    object = g_list_model_get_item (ra_remote_action_get_outputs (action), 1);
  else
    object = g_object_ref (G_OBJECT (action));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), member->property);
  g_assert_nonnull (pspec);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, member->property, &value);
  g_object_get (object, "id", &id, NULL);

  switch (member->expected)
    {
    case IS_NULL:
      g_assert_null (g_value_get_string (&value));
      break;
    case IS_EMPTY_STRING:
      g_assert_cmpstr (g_value_get_string (&value), ==, "");
      break;
    case IS_ID:
      g_assert_cmpstr (g_value_get_string (&value), ==, id);
      break;
    case IS_UNKNOWN:
      g_assert_cmpint (g_value_get_enum (&value), ==, RA_TRISTATE_UNKNOWN);
      break;
    case IS_ZERO:
      if (G_VALUE_HOLDS_INT64 (&value))
        g_assert_cmpint (g_value_get_int64 (&value), ==, 0);
      else if (G_VALUE_HOLDS_FLAGS (&value))
        {
          g_assert_cmpuint (g_value_get_flags (&value), ==, RA_PURPOSE_NONE);
          g_assert_null (ra_remote_action_get_purpose_texts (action));
        }
      else
        {
          g_assert_cmpint (g_value_get_enum (&value), ==, RA_RUN_AS_UNKNOWN);
          g_assert_null (ra_remote_action_get_run_as_text (action));
        }
      break;
    case IS_EMPTY_LIST:
      g_assert_cmpuint (g_list_model_get_n_items (g_value_get_object (&value)), ==, 0);
      break;
    case IS_EMPTY_STRV:
      g_assert_nonnull (g_value_get_boxed (&value));
      g_assert_cmpuint (g_strv_length (g_value_get_boxed (&value)), ==, 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_optional_members (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (optional_members); i++)
    {
      static const char * const replacements[] = { NULL, "null" };

      for (guint k = 0; k < G_N_ELEMENTS (replacements); k++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(RaRemoteAction) action = NULL;

          g_test_message ("%s → %s", optional_members[i].path,
                          replacements[k] ? replacements[k] : "(missing)");
          action = parse_mutated (optional_members[i].path, replacements[k], &error);
          g_assert_no_error (error);
          g_assert_nonnull (action);
          assert_default (action, &optional_members[i]);
        }
    }
}

typedef struct {
  const char *path;
  const char *value;
  const char *says;
} WrongType;

static void
test_wrong_types (void)
{
  static const WrongType cases[] = {
    { "id", "42", "should be a string" },
    { "id", "\"\"", "should not be empty" },
    { "name", "[\"Restart\"]", "should be a string" },
    { "description", "{}", "should be a string" },
    { "origin", "true", "should be a string" },
    { "builtInContentVersion", "1.2", "should be a string" },
    { "purpose", "\"REMEDIATION\"", "should be an array" },
    { "purpose", "[\"REMEDIATION\", 3]", "[1] should be a string" },
    { "targeting", "[]", "should be an object" },
    { "targeting.apiEnabled", "\"true\"", "should be true or false" },
    { "targeting.manualEnabled", "1", "should be true or false" },
    { "targeting.manualAllowMultipleDevices", "{}", "should be true or false" },
    { "scriptInfo", "\"script\"", "should be an object" },
    { "scriptInfo.executionServiceDelegate", "false", "should be a string" },
    { "scriptInfo.runAs", "0", "should be a string" },
    { "scriptInfo.timeoutSeconds", "\"120\"", "should be a whole number" },
    { "scriptInfo.timeoutSeconds", "120.5", "should be a whole number" },
    { "scriptInfo.timeoutSeconds", "-1", "should be a whole number from 0 to 2147483647" },
    { "scriptInfo.timeoutSeconds", "2147483648", "should be a whole number from 0 to 2147483647" },
    { "scriptInfo.timeoutSeconds", "1e300", "should be a whole number" },
    { "scriptInfo.hasScriptWindows", "\"yes\"", "should be true or false" },
    { "scriptInfo.hasScriptMacOs", "0", "should be true or false" },
    { "scriptInfo.inputs", "{}", "should be an array" },
    { "scriptInfo.inputs", "[1]", "[0] should be an object" },
    { "scriptInfo.outputs", "\"none\"", "should be an array" },
    { "scriptInfo.inputs[1].id", "1", "should be a string" },
    { "scriptInfo.inputs[1].options", "\"Automatic\"", "should be an array" },
    { "scriptInfo.inputs[1].options", "[\"Automatic\", null]", "[1] should be a string" },
    { "scriptInfo.inputs[1].allowCustomValue", "\"false\"", "should be true or false" },
    { "scriptInfo.outputs[1].type", "[]", "should be a string" },
    { "scriptInfo.outputs[1].usedByMacOs", "\"no\"", "should be true or false" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RaRemoteAction) action = parse_mutated (cases[i].path, cases[i].value, &error);

      g_assert_null (action);
      assert_malformed (error, cases[i].path, cases[i].says);
    }
}

/* A purpose, an account to run as or an output type that the
 * documentation does not list is the server's word: kept as written. */
static void
test_unknown_enum_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaRemoteAction) action = NULL;
  g_autoptr(RaActionOutput) output = NULL;
  const char * const *texts;

  action = parse_mutated ("purpose", "[\"REMEDIATION\", \"SELF_HEALING\"]", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ra_remote_action_get_purpose (action), ==, RA_PURPOSE_REMEDIATION);
  texts = ra_remote_action_get_purpose_texts (action);
  g_assert_cmpuint (g_strv_length ((char **) texts), ==, 2);
  g_assert_cmpstr (texts[0], ==, "REMEDIATION");
  g_assert_cmpstr (texts[1], ==, "SELF_HEALING");
  g_clear_object (&action);

  action = parse_mutated ("purpose", "[\"REPAIR\"]", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ra_remote_action_get_purpose (action), ==, RA_PURPOSE_NONE);
  g_assert_cmpstr (ra_remote_action_get_purpose_texts (action)[0], ==, "REPAIR");
  g_clear_object (&action);

  action = parse_mutated ("scriptInfo.runAs", "\"ROOT\"", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ra_remote_action_get_run_as (action), ==, RA_RUN_AS_OTHER);
  g_assert_cmpstr (ra_remote_action_get_run_as_text (action), ==, "ROOT");
  g_assert_null (ra_run_as_to_string (RA_RUN_AS_OTHER));
  g_clear_object (&action);

  /* The documented spelling only: anything else is another value. */
  action = parse_mutated ("scriptInfo.runAs", "\"local_system\"", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ra_remote_action_get_run_as (action), ==, RA_RUN_AS_OTHER);
  g_assert_cmpstr (ra_remote_action_get_run_as_text (action), ==, "local_system");
  g_clear_object (&action);

  action = parse_mutated ("scriptInfo.outputs[1].type", "\"table_of_things\"", &error);
  g_assert_no_error (error);
  output = g_list_model_get_item (ra_remote_action_get_outputs (action), 1);
  g_assert_cmpstr (ra_action_output_get_output_type (output), ==, "table_of_things");
}

static void
test_lenient_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaRemoteAction) action = NULL;

  /* 120.0 is a whole number, whatever the serializer. */
  action = parse_mutated ("scriptInfo.timeoutSeconds", "120.0", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ra_remote_action_get_timeout_seconds (action), ==, 120);
  g_clear_object (&action);

  action = parse_mutated ("purpose", "[]", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ra_remote_action_get_purpose (action), ==, RA_PURPOSE_NONE);
  g_clear_object (&action);

  action = parse_mutated ("scriptInfo.runAs", "\"DELEGATE_TO_SERVICE\"", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ra_remote_action_get_run_as (action), ==, RA_RUN_AS_DELEGATE_TO_SERVICE);
}

static void
test_unknown_members (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = parse (complete_action);
  JsonObject *object = json_node_get_object (root);
  JsonObject *script_info = json_object_get_object_member (object, "scriptInfo");
  JsonArray *inputs = json_object_get_array_member (script_info, "inputs");
  JsonArray *outputs = json_object_get_array_member (script_info, "outputs");
  RaRemoteAction *action;

  json_object_set_string_member (object, "newTopLevelThing", "x");
  json_object_set_member (object, "nested", parse ("{\"a\": [1, {\"b\": null}]}"));
  json_object_set_int_member (json_object_get_object_member (object, "targeting"), "campaignEnabled", 3);
  json_object_set_null_member (script_info, "scriptWindows");
  json_object_set_boolean_member (json_array_get_object_element (inputs, 0), "secret", TRUE);
  json_object_set_string_member (json_array_get_object_element (outputs, 1), "unit", "count");

  action = ra_remote_action_new_from_json (root, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ra_remote_action_get_name (action), ==, "Restart service");
  g_assert_cmpuint (g_list_model_get_n_items (ra_remote_action_get_inputs (action)), ==, 2);
  g_assert_finalize_object (action);
}

static void
test_not_an_object (void)
{
  static const char * const texts[] = { "[]", "null", "\"action\"", "12" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = parse (texts[i]);
      g_autoptr(RaRemoteAction) action = ra_remote_action_new_from_json (node, &error);

      g_assert_null (action);
      assert_malformed (error, "the response body", "should be an object");
    }
}

static void
test_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(RaCatalogue) list = NULL;
  g_autofree char *two = g_strdup_printf ("[%s, %s]", complete_action, complete_action);
  g_autoptr(RaRemoteAction) first = NULL;

  node = parse ("[]");
  list = ra_catalogue_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (ra_catalogue_get_n_skipped (list), ==, 0);
  g_clear_object (&list);
  g_clear_pointer (&node, json_node_unref);

  node = parse ("{\"items\": []}");
  list = ra_catalogue_new_from_json (node, &error);
  g_assert_null (list);
  assert_malformed (error, "the response body", "should be an array");
  g_clear_error (&error);
  g_clear_pointer (&node, json_node_unref);

  node = parse (two);
  list = ra_catalogue_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == RA_TYPE_REMOTE_ACTION);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (ra_remote_action_get_id (first), ==, "#restart_service");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 2));
  g_assert_finalize_object (g_steal_pointer (&list));
}

/* One action that cannot be read never empties the list: it is left out,
 * and the catalogue says which (by ID when it has a readable one) and
 * why (by member path). */
static void
test_list_skips_broken_actions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("[%s, %s, 42, %s, {\"name\": \"No ID\"}]",
                                           complete_action, complete_action, complete_action);
  g_autoptr(JsonNode) node = parse (text);
  JsonArray *array = json_node_get_array (node);
  JsonObject *second = json_array_get_object_element (array, 1);
  JsonObject *fourth = json_array_get_object_element (array, 3);
  g_autoptr(RaCatalogue) list = NULL;
  g_autoptr(RaRemoteAction) action = NULL;

  json_object_set_string_member (second, "id", "#broken");
  json_object_set_string_member (json_object_get_object_member (second, "targeting"),
                                 "apiEnabled", "yes");
  json_object_set_string_member (fourth, "id", "#also_fine");

  list = ra_catalogue_new_from_json (node, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  action = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (ra_remote_action_get_id (action), ==, "#also_fine");

  g_assert_cmpuint (ra_catalogue_get_n_skipped (list), ==, 3);

  g_assert_cmpuint (ra_catalogue_get_skipped_index (list, 0), ==, 1);
  g_assert_cmpstr (ra_catalogue_get_skipped_id (list, 0), ==, "#broken");
  g_assert_cmpstr (ra_catalogue_get_skipped_path (list, 0), ==, "[1].targeting.apiEnabled");
  g_assert_nonnull (strstr (ra_catalogue_get_skipped_reason (list, 0),
                            "[1].targeting.apiEnabled should be true or false"));

  g_assert_cmpuint (ra_catalogue_get_skipped_index (list, 1), ==, 2);
  g_assert_null (ra_catalogue_get_skipped_id (list, 1));
  g_assert_cmpstr (ra_catalogue_get_skipped_path (list, 1), ==, "[2]");
  g_assert_nonnull (strstr (ra_catalogue_get_skipped_reason (list, 1), "[2] should be an object"));

  g_assert_cmpuint (ra_catalogue_get_skipped_index (list, 2), ==, 4);
  g_assert_null (ra_catalogue_get_skipped_id (list, 2));
  g_assert_cmpstr (ra_catalogue_get_skipped_path (list, 2), ==, "[4].id");
  g_assert_nonnull (strstr (ra_catalogue_get_skipped_reason (list, 2), "[4].id is missing"));
}

static void
test_list_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = ra_test_catalogue_generate (10000, RA_SIM_PROFILE_TIDY);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(RaCatalogue) list = NULL;
  gint64 start, parsed, built;

  start = g_get_monotonic_time ();
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  parsed = g_get_monotonic_time ();
  list = ra_catalogue_new_from_json (json_parser_get_root (parser), &error);
  built = g_get_monotonic_time ();

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10000);

  /* A figure, not a verdict: the clock of a shared CI machine decides nothing. */
  g_test_message ("10000 actions, %zu bytes: JSON %.1f ms, models %.1f ms",
                  strlen (text), (parsed - start) / 1000.0, (built - parsed) / 1000.0);
  if (g_test_verbose ())
    g_printerr ("10000 actions, %zu bytes: JSON %.1f ms, models %.1f ms\n",
                strlen (text), (parsed - start) / 1000.0, (built - parsed) / 1000.0);
}

static void
parse_in_thread_cb (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  g_autoptr(JsonNode) node = json_from_string (task_data, &error);
  RaCatalogue *list = NULL;

  if (node != NULL)
    list = ra_catalogue_new_from_json (node, &error);

  if (list == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, list, g_object_unref);
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  guint *remaining = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RaCatalogue) list = g_task_propagate_pointer (G_TASK (result), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 500);
  (*remaining)--;
}

static void
test_list_threads (void)
{
  g_autofree char *text = ra_test_catalogue_generate (500, RA_SIM_PROFILE_TIDY);
  guint remaining = 4;

  /* Several catalogues parsed at once in worker threads, as the client
   * does: no shared state may get in the way. */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GTask) task = g_task_new (NULL, NULL, parsed_cb, &remaining);

      g_task_set_task_data (task, g_strdup (text), g_free);
      g_task_run_in_thread (task, parse_in_thread_cb);
    }

  RA_TEST_WAIT_UNTIL_FOR (remaining == 0, 60);
  g_assert_cmpuint (remaining, ==, 0);
}

static void
test_input_and_output_alone (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = parse ("{\"id\": \"a\", \"name\": \"A\", \"description\": \"\","
                                    " \"usedByWindows\": true, \"usedByMacOs\": true,"
                                    " \"options\": [\"x\"]}");
  g_autoptr(JsonNode) bare = parse ("{\"id\": \"b\"}");
  g_autoptr(JsonNode) closed = parse ("{\"id\": \"c\", \"allowCustomValue\": false}");
  g_autoptr(JsonNode) nameless = parse ("{\"name\": \"B\"}");
  g_autoptr(RaActionInput) input = NULL;
  g_autoptr(RaActionOutput) output = NULL;

  /* Whether other values than the options are allowed is not known: the
   * options are suggestions, and the server decides. */
  input = ra_action_input_new_from_json (node, "scriptInfo.inputs[4]", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ra_action_input_get_allow_custom_value (input), ==, RA_TRISTATE_UNKNOWN);
  g_assert_false (ra_action_input_has_fixed_options (input));
  g_assert_true (ra_action_input_validate_value (input, "x", NULL));
  g_assert_true (ra_action_input_validate_value (input, "y", NULL));
  g_clear_object (&input);

  output = ra_action_output_new_from_json (node, "scriptInfo.outputs[0]", &error);
  g_assert_no_error (error);
  g_assert_null (ra_action_output_get_output_type (output));
  g_clear_object (&output);

  input = ra_action_input_new_from_json (bare, "scriptInfo.inputs[0]", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ra_action_input_get_name (input), ==, "b");
  g_assert_cmpstr (ra_action_input_get_description (input), ==, "");
  g_assert_cmpuint (g_strv_length ((char **) ra_action_input_get_options (input)), ==, 0);
  g_assert_cmpint (ra_action_input_get_used_by_windows (input), ==, RA_TRISTATE_UNKNOWN);
  g_assert_false (ra_action_input_has_fixed_options (input));
  g_clear_object (&input);

  /* No other value allowed, but no options either: nothing to choose from,
   * so the value is typed. */
  input = ra_action_input_new_from_json (closed, "scriptInfo.inputs[0]", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ra_action_input_get_allow_custom_value (input), ==, RA_TRISTATE_NO);
  g_assert_false (ra_action_input_has_fixed_options (input));
  g_clear_object (&input);

  output = ra_action_output_new_from_json (bare, "scriptInfo.outputs[0]", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ra_action_output_get_name (output), ==, "b");
  g_assert_cmpint (ra_action_output_get_used_by_macos (output), ==, RA_TRISTATE_UNKNOWN);
  g_clear_object (&output);

  input = ra_action_input_new_from_json (nameless, "scriptInfo.inputs[4]", &error);
  g_assert_null (input);
  assert_malformed (error, "scriptInfo.inputs[4].id", "is missing");
  g_clear_error (&error);

  output = ra_action_output_new_from_json (nameless, "scriptInfo.outputs[0]", &error);
  g_assert_null (output);
  assert_malformed (error, "scriptInfo.outputs[0].id", "is missing");
}

static void
test_execution_result (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  RaExecutionResult *result;

  /* The documented page's answer to its execute example. */
  node = parse ("{\n"
                "    \"requestId\": \"7fbd96a7-b717-43a7-8973-9c6adbca3a56\",\n"
                "    \"expiresInMinutes\": 10080\n"
                "}");
  result = ra_execution_result_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ra_execution_result_get_request_id (result), ==, "7fbd96a7-b717-43a7-8973-9c6adbca3a56");
  g_assert_cmpuint (ra_execution_result_get_expires_in_minutes (result), ==, 10080);
  g_assert_finalize_object (result);
  g_clear_pointer (&node, json_node_unref);

  /* expiresInMinutes is optional; extra members are ignored. */
  node = parse ("{\"requestId\": \"r1\", \"status\": \"QUEUED\"}");
  result = ra_execution_result_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ra_execution_result_get_expires_in_minutes (result), ==, 0);
  g_assert_finalize_object (result);
  g_clear_pointer (&node, json_node_unref);

  /* The execution was triggered by the time this is read: a broken
   * optional member must not lose the request ID. It reads as not stated. */
  {
    static const char * const odd_expiries[] = { "\"60\"", "0", "-1", "1.5", "true", "null" };

    for (guint i = 0; i < G_N_ELEMENTS (odd_expiries); i++)
      {
        g_autofree char *text = g_strdup_printf ("{\"requestId\": \"r\", \"expiresInMinutes\": %s}",
                                                 odd_expiries[i]);
        g_autoptr(JsonNode) odd_node = parse (text);

        result = ra_execution_result_new_from_json (odd_node, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (ra_execution_result_get_request_id (result), ==, "r");
        g_assert_cmpuint (ra_execution_result_get_expires_in_minutes (result), ==, 0);
        g_assert_finalize_object (result);
      }
  }

  {
    static const struct { const char *text; const char *path; const char *says; } bad[] = {
      { "{}", "requestId", "is missing" },
      { "{\"expiresInMinutes\": 60}", "requestId", "is missing" },
      { "{\"requestId\": \"\"}", "requestId", "should not be empty" },
      { "{\"requestId\": 7}", "requestId", "should be a string" },
      { "[]", "the response body", "should be an object" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(JsonNode) bad_node = parse (bad[i].text);

        result = ra_execution_result_new_from_json (bad_node, &error);
        g_assert_null (result);
        assert_malformed (error, bad[i].path, bad[i].says);
        g_clear_error (&error);
      }
  }
}

static void
test_nql_result (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  RaNqlResult *result;
  const char * const *columns;

  node = parse ("{"
                "  \"queryId\": \"#ra_executions\","
                "  \"executedQuery\": \"remote_action.executions during past 7d | where request_id == \\\"7fbd\\\"\","
                "  \"rows\": 3,"
                "  \"executionDateTime\": \"2024-05-02T10:11:12\","
                "  \"data\": ["
                "    {\"device.name\": \"PC-001\", \"remote_action.execution.status\": \"success\", \"count\": 2},"
                "    {\"device.name\": \"PC-002\", \"remote_action.execution.status\": null, \"ratio\": 0.1},"
                "    {\"device.name\": \"Mac-003\", \"done\": true, \"outputs\": {\"a\": [1, 2]}}"
                "  ],"
                "  \"extra\": 1"
                "}");
  result = ra_nql_result_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ra_nql_result_get_query_id (result), ==, "#ra_executions");
  g_assert_cmpstr (ra_nql_result_get_execution_date_time (result), ==, "2024-05-02T10:11:12");
  g_assert_nonnull (strstr (ra_nql_result_get_executed_query (result), "request_id"));
  g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, 3);

  columns = ra_nql_result_get_columns (result);
  g_assert_cmpuint (g_strv_length ((char **) columns), ==, 6);
  g_assert_cmpstr (columns[0], ==, "device.name");
  g_assert_cmpstr (columns[1], ==, "remote_action.execution.status");
  g_assert_cmpstr (columns[2], ==, "count");
  g_assert_cmpstr (columns[3], ==, "ratio");
  g_assert_cmpstr (columns[4], ==, "done");
  g_assert_cmpstr (columns[5], ==, "outputs");

  g_assert_cmpstr (ra_nql_result_get_value (result, 0, "device.name"), ==, "PC-001");
  g_assert_cmpstr (ra_nql_result_get_value (result, 0, "count"), ==, "2");
  g_assert_null (ra_nql_result_get_value (result, 0, "ratio"));
  g_assert_cmpstr (ra_nql_result_get_value (result, 1, "remote_action.execution.status"), ==, "");
  g_assert_cmpstr (ra_nql_result_get_value (result, 1, "ratio"), ==, "0.1");
  g_assert_cmpstr (ra_nql_result_get_value (result, 2, "done"), ==, "true");
  g_assert_cmpstr (ra_nql_result_get_value (result, 2, "outputs"), ==, "{\"a\":[1,2]}");
  g_assert_null (ra_nql_result_get_value (result, 2, "nope"));
  g_assert_finalize_object (result);
  g_clear_pointer (&node, json_node_unref);

  node = parse ("{\"data\": []}");
  result = ra_nql_result_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ra_nql_result_get_n_rows (result), ==, 0);
  g_assert_nonnull (ra_nql_result_get_columns (result));
  g_assert_null (ra_nql_result_get_columns (result)[0]);
  g_assert_finalize_object (result);

  {
    static const struct { const char *text; const char *path; const char *says; } bad[] = {
      { "{\"queryId\": \"#q\"}", "data", "is missing" },
      { "{\"data\": {}}", "data", "should be an array" },
      /* The v1 shape: rows as arrays under "headers". */
      { "{\"headers\": [\"a\"], \"data\": [[1]]}", "data[0]", "should be an object" },
      { "{\"data\": [{}, 3]}", "data[1]", "should be an object" },
      { "{\"data\": [], \"rows\": \"3\"}", "rows", "should be a whole number" },
      { "{\"data\": [], \"queryId\": 3}", "queryId", "should be a string" },
      { "\"data\"", "the response body", "should be an object" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(JsonNode) bad_node = parse (bad[i].text);

        result = ra_nql_result_new_from_json (bad_node, &error);
        g_assert_null (result);
        assert_malformed (error, bad[i].path, bad[i].says);
        g_clear_error (&error);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/remote-action/seed-example", test_seed_example);
  g_test_add_func ("/models/remote-action/seed-example-verbatim", test_seed_example_verbatim);
  g_test_add_func ("/models/remote-action/complete-example", test_complete_example);
  g_test_add_func ("/models/json-parse", test_json_parse);
  g_test_add_func ("/models/remote-action/required-members", test_required_members);
  g_test_add_func ("/models/remote-action/optional-members", test_optional_members);
  g_test_add_func ("/models/remote-action/wrong-types", test_wrong_types);
  g_test_add_func ("/models/remote-action/unknown-enum-values", test_unknown_enum_values);
  g_test_add_func ("/models/remote-action/lenient-values", test_lenient_values);
  g_test_add_func ("/models/remote-action/unknown-members", test_unknown_members);
  g_test_add_func ("/models/remote-action/not-an-object", test_not_an_object);
  g_test_add_func ("/models/remote-action/list", test_list);
  g_test_add_func ("/models/remote-action/list-skips-broken-actions", test_list_skips_broken_actions);
  g_test_add_func ("/models/remote-action/list-large", test_list_large);
  g_test_add_func ("/models/remote-action/list-threads", test_list_threads);
  g_test_add_func ("/models/action-input-output/alone", test_input_and_output_alone);
  g_test_add_func ("/models/execution-result", test_execution_result);
  g_test_add_func ("/models/nql-result", test_nql_result);

  return g_test_run ();
}
