/* ra-sim-api.c — the remote action endpoints of the simulator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-simulator"

#include "config.h"

#include "ra-sim-private.h"

#define MAX_DEVICES             10000
#define MIN_EXPIRES_IN_MINUTES  60
#define MAX_EXPIRES_IN_MINUTES  10080
#define MAX_REASON_CHARS        500
/* Older executions stop showing in the execution query, as they would
 * fall out of its time window on a real instance. */
#define MAX_KEPT_EXECUTIONS     200

/* -1: no filter; otherwise the wanted value. */
static gboolean
parse_filter (GHashTable    *query,
              const char    *name,
              int           *value,
              RaSimResponse *response)
{
  const char *text = g_hash_table_lookup (query, name);

  *value = -1;
  if (text == NULL)
    return TRUE;

  if (g_ascii_strcasecmp (text, "true") == 0)
    *value = 1;
  else if (g_ascii_strcasecmp (text, "false") == 0)
    *value = 0;
  else
    {
      g_autofree char *message =
        g_strdup_printf ("The %s parameter must be true or false.", name);

      ra_sim_response_set_error (response, SOUP_STATUS_BAD_REQUEST,
                                 "INVALID_PARAMETER", message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
matches (int         filter,
         JsonObject *script_info,
         const char *member)
{
  if (filter < 0)
    return TRUE;

  return ra_sim_json_boolean (script_info, member, FALSE) == (filter == 1);
}

void
ra_sim_api_list (RaSimulator   *self,
                 GHashTable    *query,
                 RaSimResponse *response)
{
  g_autofree char *key = NULL;
  GBytes *cached;
  int windows, macos;

  if (!parse_filter (query, "hasScriptWindows", &windows, response) ||
      !parse_filter (query, "hasScriptMacOs", &macos, response))
    return;

  /* Serializing a large catalogue is the expensive part; it only
   * changes when the catalogue does. */
  key = g_strdup_printf ("w%d:m%d", windows, macos);
  cached = ra_sim_state_lookup_list_cache (&self->state, key);

  if (cached == NULL)
    {
      GPtrArray *actions = self->state.actions;
      g_autoptr(JsonArray) array = json_array_sized_new (actions->len);
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(GBytes) body = NULL;
      gsize length;
      char *text;

      for (guint i = 0; i < actions->len; i++)
        {
          JsonNode *action = g_ptr_array_index (actions, i);
          JsonObject *script_info = ra_sim_json_object (json_node_get_object (action), "scriptInfo");

          if (matches (windows, script_info, "hasScriptWindows") &&
              matches (macos, script_info, "hasScriptMacOs"))
            json_array_add_element (array, json_node_ref (action));
        }

      json_node_set_array (root, array);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, &length);
      body = g_bytes_new_take (text, length);
      ra_sim_state_store_list_cache (&self->state, key, body);
      cached = body;
    }

  response->status = SOUP_STATUS_OK;
  response->body = g_bytes_ref (cached);
  response->content_type = "application/json";
}

void
ra_sim_api_details (RaSimulator   *self,
                    GHashTable    *query,
                    RaSimResponse *response)
{
  const char *id = g_hash_table_lookup (query, "nql-id");
  JsonNode *action;

  if (id == NULL || *id == '\0')
    {
      ra_sim_response_set_error (response, SOUP_STATUS_BAD_REQUEST, "MISSING_PARAMETER",
                                 "The nql-id parameter is required.");
      return;
    }

  action = ra_sim_state_lookup_action (&self->state, id);
  if (action == NULL)
    {
      g_autofree char *message =
        g_strdup_printf ("No remote action associated with the NQL ID %s.", id);

      ra_sim_response_set_error (response, SOUP_STATUS_NOT_FOUND, "NOT_FOUND", message);
      return;
    }

  ra_sim_response_set_json (response, SOUP_STATUS_OK, action);
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
bad_request (RaSimResponse *response,
             const char    *code,
             const char    *message)
{
  ra_sim_response_set_error (response, SOUP_STATUS_BAD_REQUEST, code, message);
  return FALSE;
}

/* Checks the body against the ExecutionRequest schema, member by member. */
static gboolean
validate_request (JsonNode      *root,
                  RaSimResponse *response)
{
  JsonObject *object;
  JsonNode *node;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return bad_request (response, "INVALID_REQUEST", "The request body must be a JSON object.");
  object = json_node_get_object (root);

  node = json_object_get_member (object, "remoteActionId");
  if (node == NULL)
    return bad_request (response, "MISSING_REMOTE_ACTION_ID", "remoteActionId is required.");
  if (!is_string (node))
    return bad_request (response, "INVALID_REMOTE_ACTION_ID", "remoteActionId must be a string.");
  if (*json_node_get_string (node) == '\0')
    return bad_request (response, "INVALID_REMOTE_ACTION_ID", "remoteActionId must not be empty.");

  node = json_object_get_member (object, "params");
  if (node != NULL)
    {
      JsonObject *params;
      g_autoptr(GList) names = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return bad_request (response, "INVALID_PARAMS", "params must be an object.");

      params = json_node_get_object (node);
      names = json_object_get_members (params);
      for (GList *l = names; l != NULL; l = l->next)
        if (!is_string (json_object_get_member (params, l->data)))
          {
            g_autofree char *message =
              g_strdup_printf ("The value of params.%s must be a string.", (char *) l->data);

            return bad_request (response, "INVALID_PARAMS", message);
          }
    }

  node = json_object_get_member (object, "devices");
  if (node == NULL)
    return bad_request (response, "MISSING_DEVICES", "devices is required.");
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return bad_request (response, "INVALID_DEVICES", "devices must be an array of strings.");
  else
    {
      JsonArray *devices = json_node_get_array (node);
      guint n = json_array_get_length (devices);

      if (n < 1)
        return bad_request (response, "INVALID_DEVICES", "devices must hold at least one device.");
      if (n > MAX_DEVICES)
        return bad_request (response, "TOO_MANY_DEVICES",
                            "devices must hold at most 10000 devices.");
      for (guint i = 0; i < n; i++)
        if (!is_string (json_array_get_element (devices, i)))
          return bad_request (response, "INVALID_DEVICES", "devices must be an array of strings.");
    }

  node = json_object_get_member (object, "expiresInMinutes");
  if (node != NULL)
    {
      gint64 minutes;

      if (!is_integer (node))
        return bad_request (response, "INVALID_EXPIRES_IN_MINUTES",
                            "expiresInMinutes must be an integer.");
      minutes = json_node_get_int (node);
      if (minutes < MIN_EXPIRES_IN_MINUTES || minutes > MAX_EXPIRES_IN_MINUTES)
        return bad_request (response, "INVALID_EXPIRES_IN_MINUTES",
                            "expiresInMinutes must be between 60 and 10080.");
    }

  node = json_object_get_member (object, "triggerInfo");
  if (node != NULL)
    {
      static const char * const members[] = { "externalSource", "reason", "externalReference" };
      JsonObject *trigger;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return bad_request (response, "INVALID_TRIGGER_INFO", "triggerInfo must be an object.");

      trigger = json_node_get_object (node);
      for (guint i = 0; i < G_N_ELEMENTS (members); i++)
        {
          JsonNode *member = json_object_get_member (trigger, members[i]);

          if (member != NULL && !is_string (member))
            {
              g_autofree char *message =
                g_strdup_printf ("triggerInfo.%s must be a string.", members[i]);

              return bad_request (response, "INVALID_TRIGGER_INFO", message);
            }
        }

      node = json_object_get_member (trigger, "reason");
      if (node != NULL && g_utf8_strlen (json_node_get_string (node), -1) > MAX_REASON_CHARS)
        return bad_request (response, "REASON_TOO_LONG",
                            "triggerInfo.reason must be at most 500 characters long.");
    }

  return TRUE;
}

static JsonObject *
find_input (JsonArray  *inputs,
            const char *id)
{
  guint n = inputs != NULL ? json_array_get_length (inputs) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (inputs, i);
      JsonObject *input = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;

      if (g_strcmp0 (ra_sim_json_string (input, "id"), id) == 0)
        return input;
    }

  return NULL;
}

/* An input without options takes free text, whatever allowCustomValue
 * says. */
static gboolean
is_option (JsonObject *input,
           const char *value)
{
  JsonNode *node = json_object_get_member (input, "options");
  JsonArray *options = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint n = options != NULL ? json_array_get_length (options) : 0;

  if (n == 0)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *option = json_array_get_element (options, i);

      if (is_string (option) && g_strcmp0 (json_node_get_string (option), value) == 0)
        return TRUE;
    }

  return FALSE;
}

/* What a real instance checks against the action itself: params name
 * its inputs, and a value outside the options of an input that allows
 * none other is refused. An input that leaves allowCustomValue out is
 * given the benefit of the doubt. */
static gboolean
validate_params (JsonObject    *request,
                 JsonObject    *action,
                 RaSimResponse *response)
{
  JsonObject *script_info = ra_sim_json_object (action, "scriptInfo");
  JsonNode *inputs_node = script_info != NULL ? json_object_get_member (script_info, "inputs") : NULL;
  JsonArray *inputs = inputs_node != NULL && JSON_NODE_HOLDS_ARRAY (inputs_node)
                      ? json_node_get_array (inputs_node) : NULL;
  JsonObject *params = ra_sim_json_object (request, "params");
  g_autoptr(GList) names = NULL;

  if (params == NULL)
    return TRUE;

  names = json_object_get_members (params);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const char *value = json_object_get_string_member (params, name);
      JsonObject *input = find_input (inputs, name);

      if (input == NULL)
        {
          g_autofree char *message =
            g_strdup_printf ("The remote action %s has no input named %s.",
                             ra_sim_json_string (action, "id"), name);

          return bad_request (response, "INVALID_PARAMS", message);
        }

      if (!ra_sim_json_boolean (input, "allowCustomValue", TRUE) && !is_option (input, value))
        {
          g_autofree char *message =
            g_strdup_printf ("The value of params.%s is not one of the input's options.", name);

          return bad_request (response, "INVALID_PARAM_VALUE", message);
        }
    }

  return TRUE;
}

static void
remember_execution (RaSimulator *self,
                    const char  *request_id,
                    JsonObject  *request,
                    JsonObject  *action,
                    guint        expires_in_minutes)
{
  GPtrArray *executions = self->state.executions;
  JsonArray *devices = json_object_get_array_member (request, "devices");
  JsonObject *script_info = ra_sim_json_object (action, "scriptInfo");
  RaSimExecution *execution = g_new0 (RaSimExecution, 1);
  guint n = json_array_get_length (devices);

  execution->request_id = g_strdup (request_id);
  execution->action_id = g_strdup (ra_sim_json_string (action, "id"));
  execution->action_name = g_strdup (ra_sim_json_string (action, "name"));
  if (execution->action_name == NULL)
    execution->action_name = g_strdup ("");
  if (script_info != NULL && json_object_has_member (script_info, "outputs"))
    execution->outputs = json_node_copy (json_object_get_member (script_info, "outputs"));
  execution->devices = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    execution->devices[i] = g_strdup (json_array_get_string_element (devices, i));
  execution->created_usec = ra_sim_state_now_usec (&self->state);
  execution->expires_in_minutes = expires_in_minutes;

  if (executions->len >= MAX_KEPT_EXECUTIONS)
    g_ptr_array_remove_index (executions, 0);
  ra_sim_state_add_execution (&self->state, execution);
}

void
ra_sim_api_execute (RaSimulator   *self,
                    GBytes        *body,
                    RaSimResponse *response)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *request_id = NULL;
  JsonObject *request;
  JsonObject *action_object;
  JsonObject *targeting;
  JsonNode *action;
  const char *action_id;
  guint expires_in_minutes;

  /* An empty document parses, to no root at all. */
  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   g_bytes_get_size (body), NULL) ||
      json_parser_get_root (parser) == NULL)
    {
      bad_request (response, "INVALID_JSON", "The request body is not valid JSON.");
      return;
    }

  if (!validate_request (json_parser_get_root (parser), response))
    return;

  request = json_node_get_object (json_parser_get_root (parser));
  action_id = json_object_get_string_member (request, "remoteActionId");
  action = ra_sim_state_lookup_action (&self->state, action_id);

  /* The spec documents only 400, 401 and 403 for execute, so an unknown
   * action is a bad request rather than a 404. */
  if (action == NULL)
    {
      g_autofree char *message =
        g_strdup_printf ("No remote action associated with the NQL ID %s.", action_id);

      bad_request (response, "REMOTE_ACTION_NOT_FOUND", message);
      return;
    }

  action_object = json_node_get_object (action);
  targeting = ra_sim_json_object (action_object, "targeting");
  if (!ra_sim_json_boolean (targeting, "apiEnabled", FALSE))
    {
      g_autofree char *message =
        g_strdup_printf ("The remote action %s is not enabled for API calls.", action_id);

      ra_sim_response_set_error (response, SOUP_STATUS_FORBIDDEN,
                                 "REMOTE_ACTION_NOT_API_ENABLED", message);
      return;
    }

  if (self->profile == RA_SIM_PROFILE_REALISTIC &&
      !validate_params (request, action_object, response))
    return;

  expires_in_minutes = json_object_has_member (request, "expiresInMinutes")
                       ? (guint) json_object_get_int_member (request, "expiresInMinutes")
                       : MAX_EXPIRES_IN_MINUTES;
  request_id = g_uuid_string_random ();
  remember_execution (self, request_id, request, action_object, expires_in_minutes);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "requestId");
  json_builder_add_string_value (builder, request_id);
  json_builder_set_member_name (builder, "expiresInMinutes");
  json_builder_add_int_value (builder, expires_in_minutes);
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);

  ra_sim_response_set_json (response, SOUP_STATUS_OK, answer);
}
