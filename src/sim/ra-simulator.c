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

/* Catalogue */

static void
set_actions_locked (RaSimulator *self,
                    GPtrArray   *actions)
{
  g_clear_pointer (&self->state.actions, g_ptr_array_unref);
  self->state.actions = actions;

  g_hash_table_remove_all (self->state.actions_by_id);
  for (guint i = 0; i < actions->len; i++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (actions, i));
      const char *id = ra_sim_json_string (object, "id");

      if (id != NULL)
        g_hash_table_replace (self->state.actions_by_id, (gpointer) id, g_ptr_array_index (actions, i));
    }

  g_hash_table_remove_all (self->state.list_cache);
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

  previous = g_hash_table_lookup (self->state.actions_by_id, id);
  if (previous != NULL)
    {
      guint index;

      g_ptr_array_find (self->state.actions, previous, &index);
      g_hash_table_replace (self->state.actions_by_id, (gpointer) id, copy);
      self->state.actions->pdata[index] = copy;
      json_node_unref (previous);
    }
  else
    {
      g_ptr_array_add (self->state.actions, copy);
      g_hash_table_replace (self->state.actions_by_id, (gpointer) id, copy);
    }

  g_hash_table_remove_all (self->state.list_cache);
  self->custom_actions = TRUE;

  g_mutex_unlock (&self->mutex);
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
  old_destroy = self->state.clock_destroy;
  old_data = self->state.clock_data;
  self->state.clock_func = func;
  self->state.clock_data = func != NULL ? user_data : NULL;
  self->state.clock_destroy = func != NULL ? destroy : NULL;
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
ra_simulator_advance_clock (RaSimulator *self,
                            guint        seconds)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  ra_sim_state_advance (&self->state, seconds);
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_set_execution_seconds (RaSimulator *self,
                                    guint        seconds)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  self->state.execution_seconds = seconds;
  g_mutex_unlock (&self->mutex);
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
  g_hash_table_replace (self->state.nql_queries, g_strdup (query_id), query);
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_set_export_seconds (RaSimulator *self,
                                 guint        seconds)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  self->state.export_seconds = seconds;
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_set_export_error (RaSimulator *self,
                               const char  *description)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  g_free (self->state.export_error);
  self->state.export_error = g_strdup (description);
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_set_export_row_limit (RaSimulator *self,
                                   guint        rows)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  self->state.export_row_limit = rows;
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_set_export_url_base (RaSimulator *self,
                                  const char  *base_url)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  g_free (self->state.export_url_base);
  self->state.export_url_base = g_strdup (base_url);
  g_mutex_unlock (&self->mutex);
}

void
ra_simulator_set_nql_permission (RaSimulator *self,
                                 gboolean     granted)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  self->nql_denied = !granted;
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
ra_simulator_get_legacy_token (RaSimulator *self)
{
  RaSimLegacyToken mode;

  g_return_val_if_fail (RA_IS_SIMULATOR (self), RA_SIM_LEGACY_TOKEN_OFF);

  g_mutex_lock (&self->mutex);
  mode = ra_sim_auth_get_legacy_token_locked (self);
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

/* Serving */

gboolean
ra_simulator_start (RaSimulator  *self,
                    guint         port,
                    GError      **error)
{
  g_return_val_if_fail (RA_IS_SIMULATOR (self), FALSE);
  g_return_val_if_fail (self->server == NULL && self->thread == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ra_sim_server_start (self, port, error);
}

gboolean
ra_simulator_start_in_thread (RaSimulator  *self,
                              guint         port,
                              GError      **error)
{
  g_return_val_if_fail (RA_IS_SIMULATOR (self), FALSE);
  g_return_val_if_fail (self->server == NULL && self->thread == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ra_sim_server_start_in_thread (self, port, error);
}

void
ra_simulator_stop (RaSimulator *self)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  ra_sim_server_stop (self);
}

guint
ra_simulator_get_port (RaSimulator *self)
{
  guint port;

  g_return_val_if_fail (RA_IS_SIMULATOR (self), 0);

  g_mutex_lock (&self->mutex);
  port = self->port;
  g_mutex_unlock (&self->mutex);

  return port;
}

const char *
ra_simulator_get_base_url (RaSimulator *self)
{
  g_return_val_if_fail (RA_IS_SIMULATOR (self), NULL);

  /* Only changes on start/stop, which the owner calls itself. */
  return self->base_url;
}

const char *
ra_simulator_get_login_base_url (RaSimulator *self)
{
  g_return_val_if_fail (RA_IS_SIMULATOR (self), NULL);

  /* Only changes on start/stop, which the owner calls itself. */
  return self->login_base_url != NULL ? self->login_base_url : self->base_url;
}

const char *
ra_simulator_get_files_base_url (RaSimulator *self)
{
  g_return_val_if_fail (RA_IS_SIMULATOR (self), NULL);

  /* Only changes on start/stop, which the owner calls itself. */
  return self->files_base_url;
}

gboolean
ra_simulator_has_login_listener (RaSimulator *self)
{
  g_return_val_if_fail (RA_IS_SIMULATOR (self), FALSE);

  return self->login_base_url != NULL;
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
  self->max_in_flight = self->in_flight;
  g_mutex_unlock (&self->mutex);
}

guint
ra_simulator_get_max_in_flight (RaSimulator *self)
{
  guint max;

  g_return_val_if_fail (RA_IS_SIMULATOR (self), 0);

  g_mutex_lock (&self->mutex);
  max = self->max_in_flight;
  g_mutex_unlock (&self->mutex);

  return max;
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
    ra_sim_server_stop (self);

  G_OBJECT_CLASS (ra_simulator_parent_class)->dispose (object);
}

static void
ra_simulator_finalize (GObject *object)
{
  RaSimulator *self = RA_SIMULATOR (object);

  g_free (self->client_id);
  g_free (self->client_secret);
  g_free (self->base_url);
  g_free (self->login_base_url);
  g_free (self->files_base_url);
  g_clear_pointer (&self->next_body, g_bytes_unref);
  g_hash_table_unref (self->tokens);
  g_ptr_array_unref (self->issued_tokens);
  ra_sim_state_clear (&self->state);
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
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->issued_tokens = g_ptr_array_new_with_free_func (g_free);

  ra_sim_state_init (&self->state);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) ra_sim_request_free);
  self->sockets = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->oversized_bytes = DEFAULT_OVERSIZED_BYTES;
  self->body_fault = RA_SIM_BODY_NORMAL;

  set_actions_locked (self, ra_sim_catalogue_new_demo (self->profile));
  ra_sim_nql_install_builtin (&self->state);
}

RaSimulator *
ra_simulator_new (void)
{
  return g_object_new (RA_TYPE_SIMULATOR, NULL);
}
