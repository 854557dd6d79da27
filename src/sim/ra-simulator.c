/* ra-simulator.c — the simulator object: configuration, catalogue, request log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-simulator"

#include "config.h"

#include <string.h>

#include "ra-sim-private.h"

/* Big enough to trip any sane client-side cap, small enough for CI. */
#define DEFAULT_OVERSIZED_BYTES (16 * 1024 * 1024)

G_DEFINE_FINAL_TYPE (RaSimulator, ra_simulator, G_TYPE_OBJECT)

enum {
  REQUEST_HANDLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
ra_sim_emit_request_handled (RaSimulator *self,
                             const char  *method,
                             const char  *path,
                             guint        status)
{
  g_signal_emit (self, signals[REQUEST_HANDLED], 0, method, path, status);
}

/* Requests */

RaSimRequest *
ra_sim_request_copy (const RaSimRequest *request)
{
  RaSimRequest *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (request != NULL, NULL);

  copy = g_new0 (RaSimRequest, 1);
  copy->method = g_strdup (request->method);
  copy->path = g_strdup (request->path);
  copy->query = g_strdup (request->query);
  copy->body = g_strdup (request->body);
  copy->status = request->status;
  copy->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, request->headers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->headers, g_strdup (key), g_strdup (value));

  return copy;
}

void
ra_sim_request_free (RaSimRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_free (request->body);
  g_clear_pointer (&request->headers, g_hash_table_unref);
  g_free (request);
}

/* Responses */

void
ra_sim_response_clear (RaSimResponse *response)
{
  g_clear_pointer (&response->body, g_bytes_unref);
  memset (response, 0, sizeof *response);
}

void
ra_sim_response_set_json (RaSimResponse *response,
                          guint          status,
                          JsonNode      *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length;
  char *text;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);

  g_clear_pointer (&response->body, g_bytes_unref);
  response->status = status;
  response->body = g_bytes_new_take (text, length);
  response->content_type = "application/json";
}

void
ra_sim_response_set_error (RaSimResponse *response,
                           guint          status,
                           const char    *code,
                           const char    *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  ra_sim_response_set_json (response, status, root);
}

void
ra_sim_response_set_status (RaSimResponse *response,
                     guint          status)
{
  g_clear_pointer (&response->body, g_bytes_unref);
  response->status = status;
  response->content_type = NULL;
}

/* Lenient JSON readers */

JsonObject *
ra_sim_json_object (JsonObject *object,
                    const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

const char *
ra_sim_json_string (JsonObject *object,
                    const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gboolean
ra_sim_json_boolean (JsonObject *object,
                     const char *member,
                     gboolean    fallback)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;

  return json_node_get_boolean (node);
}

/* Catalogue */

static void
set_actions_locked (RaSimulator *self,
                    GPtrArray   *actions)
{
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  self->actions = actions;

  g_hash_table_remove_all (self->actions_by_id);
  for (guint i = 0; i < actions->len; i++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (actions, i));
      const char *id = ra_sim_json_string (object, "id");

      if (id != NULL)
        g_hash_table_replace (self->actions_by_id, (gpointer) id, g_ptr_array_index (actions, i));
    }

  g_hash_table_remove_all (self->list_cache);
}

void
ra_simulator_set_generated_actions (RaSimulator *self,
                                    guint        n)
{
  GPtrArray *actions;

  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  actions = n > 0 ? ra_sim_catalogue_new_generated (n, self->profile)
                  : ra_sim_catalogue_new_demo (self->profile);
  set_actions_locked (self, actions);
  self->n_generated = n;
  self->custom_actions = FALSE;
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_clear_actions (RaSimulator *self)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  set_actions_locked (self, g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref));
  self->custom_actions = TRUE;
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_add_action (RaSimulator *self,
                         JsonNode    *action)
{
  JsonNode *copy;
  JsonNode *previous;
  const char *id;

  g_return_if_fail (RA_IS_SIMULATOR (self));
  g_return_if_fail (action != NULL && JSON_NODE_HOLDS_OBJECT (action));

  copy = json_node_copy (action);
  id = ra_sim_json_string (json_node_get_object (copy), "id");
  if (id == NULL)
    {
      g_critical ("A remote action needs a string id to be served");
      json_node_unref (copy);
      return;
    }

  g_mutex_lock (&self->mutex);

  previous = g_hash_table_lookup (self->actions_by_id, id);
  if (previous != NULL)
    {
      guint index;

      g_ptr_array_find (self->actions, previous, &index);
      g_hash_table_replace (self->actions_by_id, (gpointer) id, copy);
      self->actions->pdata[index] = copy;
      json_node_unref (previous);
    }
  else
    {
      g_ptr_array_add (self->actions, copy);
      g_hash_table_replace (self->actions_by_id, (gpointer) id, copy);
    }

  g_hash_table_remove_all (self->list_cache);
  self->custom_actions = TRUE;

  g_mutex_unlock (&self->mutex);
}

JsonNode *
ra_sim_lookup_action (RaSimulator *self,
                      const char  *id)
{
  return g_hash_table_lookup (self->actions_by_id, id);
}

GPtrArray *
ra_sim_get_actions (RaSimulator *self)
{
  return self->actions;
}

GBytes *
ra_sim_lookup_list_cache (RaSimulator *self,
                          const char  *key)
{
  return g_hash_table_lookup (self->list_cache, key);
}

void
ra_sim_store_list_cache (RaSimulator *self,
                         const char  *key,
                         GBytes      *body)
{
  g_hash_table_replace (self->list_cache, g_strdup (key), g_bytes_ref (body));
}

void
ra_sim_add_execution (RaSimulator    *self,
                      RaSimExecution *execution)
{
  g_ptr_array_add (self->executions, execution);
}

GPtrArray *
ra_sim_get_executions (RaSimulator *self)
{
  return self->executions;
}

GHashTable *
ra_sim_get_nql_queries (RaSimulator *self)
{
  return self->nql_queries;
}

guint
ra_sim_get_execution_seconds (RaSimulator *self)
{
  return self->execution_seconds;
}

gint64
ra_sim_now_usec (RaSimulator *self)
{
  if (self->clock_func != NULL)
    return self->clock_func (self->clock_data);

  return g_get_real_time ();
}

void
ra_simulator_set_clock_func (RaSimulator    *self,
                             RaSimClockFunc  func,
                             gpointer        user_data,
                             GDestroyNotify  destroy)
{
  GDestroyNotify old_destroy;
  gpointer old_data;

  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  old_destroy = self->clock_destroy;
  old_data = self->clock_data;
  self->clock_func = func;
  self->clock_data = func != NULL ? user_data : NULL;
  self->clock_destroy = func != NULL ? destroy : NULL;
  g_mutex_unlock (&self->mutex);

  if (old_destroy != NULL)
    old_destroy (old_data);
}

void
ra_simulator_set_profile (RaSimulator  *self,
                          RaSimProfile  profile)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));
  g_return_if_fail (profile == RA_SIM_PROFILE_REALISTIC || profile == RA_SIM_PROFILE_TIDY);

  g_mutex_lock (&self->mutex);
  /* The built-in catalogues answer as the profile says; actions the
   * caller set up stay as they are. */
  if (self->profile != profile && !self->custom_actions)
    set_actions_locked (self, self->n_generated > 0
                              ? ra_sim_catalogue_new_generated (self->n_generated, profile)
                              : ra_sim_catalogue_new_demo (profile));
  self->profile = profile;
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_set_login_port (RaSimulator *self,
                             guint        port)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));
  g_return_if_fail (port <= 65535);

  g_mutex_lock (&self->mutex);
  self->login_port = port;
  g_mutex_unlock (&self->mutex);
}

RaSimProfile
ra_simulator_get_profile (RaSimulator *self)
{
  RaSimProfile profile;

  g_return_val_if_fail (RA_IS_SIMULATOR (self), RA_SIM_PROFILE_REALISTIC);

  g_mutex_lock (&self->mutex);
  profile = self->profile;
  g_mutex_unlock (&self->mutex);

  return profile;
}

void
ra_simulator_set_execution_seconds (RaSimulator *self,
                                    guint        seconds)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  self->execution_seconds = seconds;
  g_mutex_unlock (&self->mutex);
}

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
ra_simulator_add_nql_query (RaSimulator *self,
                            const char  *query_id,
                            JsonNode    *data)
{
  RaSimNqlQuery *query;

  g_return_if_fail (RA_IS_SIMULATOR (self));
  g_return_if_fail (query_id != NULL);
  g_return_if_fail (data != NULL && JSON_NODE_HOLDS_ARRAY (data));

  query = g_new0 (RaSimNqlQuery, 1);
  query->kind = RA_SIM_NQL_STATIC;
  query->text = g_strdup_printf ("/* %s */ devices | list device.name", query_id);
  query->data = json_node_copy (data);

  g_mutex_lock (&self->mutex);
  g_hash_table_replace (self->nql_queries, g_strdup (query_id), query);
  g_mutex_unlock (&self->mutex);
}

/* Configuration */

void
ra_simulator_set_credentials (RaSimulator *self,
                              const char  *client_id,
                              const char  *client_secret)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));
  g_return_if_fail (client_id != NULL && client_secret != NULL);

  g_mutex_lock (&self->mutex);
  g_free (self->client_id);
  self->client_id = g_strdup (client_id);
  g_free (self->client_secret);
  self->client_secret = g_strdup (client_secret);
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_set_token_lifetime (RaSimulator *self,
                                 guint        seconds)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  self->token_lifetime = seconds;
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_set_legacy_token (RaSimulator      *self,
                               RaSimLegacyToken  mode)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));
  g_return_if_fail (mode <= RA_SIM_LEGACY_TOKEN_UNAUTHORIZED);

  g_mutex_lock (&self->mutex);
  self->legacy_token = mode;
  self->legacy_token_set = TRUE;
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_set_legacy_token_enabled (RaSimulator *self,
                                       gboolean     enabled)
{
  ra_simulator_set_legacy_token (self, enabled ? RA_SIM_LEGACY_TOKEN_ON : RA_SIM_LEGACY_TOKEN_OFF);
}

RaSimLegacyToken
ra_sim_get_legacy_token_locked (RaSimulator *self)
{
  if (self->legacy_token_set)
    return self->legacy_token;

  /* Current instances have retired it; the tidy profile keeps the
   * seed page's endpoint working. */
  return self->profile == RA_SIM_PROFILE_TIDY ? RA_SIM_LEGACY_TOKEN_ON : RA_SIM_LEGACY_TOKEN_OFF;
}

RaSimLegacyToken
ra_simulator_get_legacy_token (RaSimulator *self)
{
  RaSimLegacyToken mode;

  g_return_val_if_fail (RA_IS_SIMULATOR (self), RA_SIM_LEGACY_TOKEN_OFF);

  g_mutex_lock (&self->mutex);
  mode = ra_sim_get_legacy_token_locked (self);
  g_mutex_unlock (&self->mutex);

  return mode;
}

void
ra_simulator_expire_tokens (RaSimulator *self)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  g_hash_table_remove_all (self->tokens);
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_set_latency (RaSimulator *self,
                          guint        milliseconds)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  self->latency_ms = milliseconds;
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_fail_next (RaSimulator *self,
                        guint        n,
                        guint        status,
                        guint        retry_after)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));
  g_return_if_fail (status >= 100 && status < 600);

  g_mutex_lock (&self->mutex);
  self->fail_remaining = n;
  self->fail_status = status;
  self->fail_retry_after = retry_after;
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_set_body_fault (RaSimulator    *self,
                             RaSimBodyFault  fault,
                             guint           n)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  self->body_fault = fault;
  self->body_fault_remaining = n;
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_set_oversized_bytes (RaSimulator *self,
                                  gsize        bytes)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  self->oversized_bytes = bytes;
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_drop_next (RaSimulator *self,
                        guint        n)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  self->drop_remaining = n;
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_set_next_answer (RaSimulator *self,
                              guint        status,
                              const char  *body)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));
  g_return_if_fail (status >= 100 && status < 600);

  g_mutex_lock (&self->mutex);
  self->next_status = status;
  g_clear_pointer (&self->next_body, g_bytes_unref);
  /* An empty body is no body: libsoup takes no empty chunk. */
  if (body != NULL && body[0] != '\0')
    self->next_body = g_bytes_new (body, strlen (body));
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_set_faults_include_token (RaSimulator *self,
                                       gboolean     include)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  self->faults_include_token = !!include;
  g_mutex_unlock (&self->mutex);
}

/* Request log */

GPtrArray *
ra_simulator_get_requests (RaSimulator *self)
{
  GPtrArray *snapshot;

  g_return_val_if_fail (RA_IS_SIMULATOR (self), NULL);

  g_mutex_lock (&self->mutex);
  snapshot = g_ptr_array_new_full (self->requests->len, (GDestroyNotify) ra_sim_request_free);
  for (guint i = 0; i < self->requests->len; i++)
    g_ptr_array_add (snapshot, ra_sim_request_copy (g_ptr_array_index (self->requests, i)));
  g_mutex_unlock (&self->mutex);

  return snapshot;
}

guint
ra_simulator_count_requests (RaSimulator *self,
                             const char  *method,
                             const char  *path)
{
  g_autofree char *wanted = NULL;
  guint count = 0;

  g_return_val_if_fail (RA_IS_SIMULATOR (self), 0);

  if (path != NULL)
    wanted = ra_sim_normalize_path (path);

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->requests->len; i++)
    {
      RaSimRequest *request = g_ptr_array_index (self->requests, i);
      g_autofree char *seen = ra_sim_normalize_path (request->path);

      if ((method == NULL || g_str_equal (method, request->method)) &&
          (wanted == NULL || g_str_equal (wanted, seen)))
        count++;
    }
  g_mutex_unlock (&self->mutex);

  return count;
}

void
ra_simulator_clear_requests (RaSimulator *self)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  g_ptr_array_set_size (self->requests, 0);
  g_mutex_unlock (&self->mutex);
}

GStrv
ra_simulator_dup_issued_tokens (RaSimulator *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv tokens;

  g_return_val_if_fail (RA_IS_SIMULATOR (self), NULL);

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->issued_tokens->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->issued_tokens, i));
  g_mutex_unlock (&self->mutex);

  tokens = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return tokens;
}

/* GObject */

static void
ra_simulator_dispose (GObject *object)
{
  RaSimulator *self = RA_SIMULATOR (object);

  if (self->server != NULL || self->thread != NULL)
    ra_simulator_stop (self);

  G_OBJECT_CLASS (ra_simulator_parent_class)->dispose (object);
}

static void
ra_simulator_finalize (GObject *object)
{
  RaSimulator *self = RA_SIMULATOR (object);

  if (self->clock_destroy != NULL)
    self->clock_destroy (self->clock_data);
  g_free (self->client_id);
  g_free (self->client_secret);
  g_free (self->base_url);
  g_free (self->login_base_url);
  g_clear_pointer (&self->next_body, g_bytes_unref);
  g_hash_table_unref (self->tokens);
  g_ptr_array_unref (self->issued_tokens);
  g_hash_table_unref (self->actions_by_id);
  g_ptr_array_unref (self->actions);
  g_hash_table_unref (self->list_cache);
  g_ptr_array_unref (self->executions);
  g_hash_table_unref (self->nql_queries);
  g_ptr_array_unref (self->requests);
  g_hash_table_unref (self->sockets);
  g_cond_clear (&self->thread_cond);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (ra_simulator_parent_class)->finalize (object);
}

static void
ra_simulator_class_init (RaSimulatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ra_simulator_dispose;
  object_class->finalize = ra_simulator_finalize;

  signals[REQUEST_HANDLED] =
    g_signal_new ("request-handled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_UINT);
}

static void
ra_simulator_init (RaSimulator *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->thread_cond);

  self->profile = RA_SIM_PROFILE_REALISTIC;
  self->client_id = g_strdup (RA_SIM_DEFAULT_CLIENT_ID);
  self->client_secret = g_strdup (RA_SIM_DEFAULT_CLIENT_SECRET);
  self->token_lifetime = 900;
  self->execution_seconds = 7;
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->issued_tokens = g_ptr_array_new_with_free_func (g_free);

  self->actions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->list_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_bytes_unref);
  self->executions = g_ptr_array_new_with_free_func ((GDestroyNotify) ra_sim_execution_free);
  self->nql_queries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) ra_sim_nql_query_free);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) ra_sim_request_free);
  self->sockets = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->oversized_bytes = DEFAULT_OVERSIZED_BYTES;
  self->body_fault = RA_SIM_BODY_NORMAL;

  set_actions_locked (self, ra_sim_catalogue_new_demo (self->profile));
  ra_sim_nql_install_builtin (self);
}

RaSimulator *
ra_simulator_new (void)
{
  return g_object_new (RA_TYPE_SIMULATOR, NULL);
}
