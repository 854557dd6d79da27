/* ra-sim-server.c — routing and serving, on a main context or a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-simulator"

#include "config.h"

#include <string.h>

#include "ra-sim-private.h"

#define LEGACY_TOKEN_PATH "/api/v1/token"
#define OAUTH_TOKEN_PATH  "/oauth2/default/v1/token"
#define NQL_STATUS_PREFIX "/api/v1/nql/status/"

static gboolean
is_token_path (const char *path)
{
  g_autofree char *normal = ra_sim_normalize_path (path);

  return g_str_equal (normal, LEGACY_TOKEN_PATH) ||
         g_str_equal (normal, OAUTH_TOKEN_PATH);
}

/* A request to the API (not a token request) came in: it is in flight
 * until answered. */
static void
count_arrival (RaSimulator *self,
               const char  *path)
{
  if (is_token_path (path))
    return;

  g_mutex_lock (&self->mutex);
  self->in_flight++;
  self->max_in_flight = MAX (self->max_in_flight, self->in_flight);
  g_mutex_unlock (&self->mutex);
}

static gboolean
faults_apply_locked (RaSimulator *self,
                     const char  *path)
{
  if (is_token_path (path))
    return self->faults_include_token;

  return g_str_has_prefix (path, "/api/");
}

/* Routing */

static gboolean
is_files_listener (RaSimulator       *self,
                   SoupServerMessage *msg)
{
  GSocketAddress *local = soup_server_message_get_local_address (msg);

  return self->files_port != 0 && local != NULL && G_IS_INET_SOCKET_ADDRESS (local) &&
         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local)) == self->files_port;
}

static gboolean
method_is (const char    *method,
           const char    *wanted,
           RaSimResponse *response)
{
  if (g_str_equal (method, wanted))
    return TRUE;

  ra_sim_response_set_status (response, SOUP_STATUS_METHOD_NOT_ALLOWED);
  response->allow = wanted;
  return FALSE;
}

static void
unauthorized (RaSimResponse *response)
{
  ra_sim_response_set_status (response, SOUP_STATUS_UNAUTHORIZED);
  response->challenge = "Bearer";
}

/* login: the request came in on the login service's own listener. */
static void
route_locked (RaSimulator       *self,
              gboolean           login,
              SoupServerMessage *msg,
              GBytes            *body,
              RaSimResponse     *response)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  g_autofree char *path = ra_sim_normalize_path (g_uri_get_path (uri));
  g_autoptr(GHashTable) query = NULL;

  if (g_uri_get_query (uri) != NULL)
    query = soup_form_decode (g_uri_get_query (uri));
  else
    query = g_hash_table_new (g_str_hash, g_str_equal);

  /* The results files' host serves those and nothing else. */
  if (is_files_listener (self, msg))
    {
      ra_sim_export_serve_file (self, method, headers, path, query, response);
      return;
    }

  /* The login host serves the token endpoint and nothing else; the API
   * host next to it does not serve that one. */
  if (login != g_str_equal (path, OAUTH_TOKEN_PATH) && self->login_server != NULL)
    {
      ra_sim_response_set_status (response, SOUP_STATUS_NOT_FOUND);
      return;
    }

  if (g_str_equal (path, LEGACY_TOKEN_PATH))
    {
      RaSimLegacyToken mode = ra_sim_auth_get_legacy_token_locked (self);

      /* A server without the legacy endpoint answers like for any
       * unknown path, which is what makes clients fall back. */
      if (mode == RA_SIM_LEGACY_TOKEN_OFF)
        ra_sim_response_set_status (response, SOUP_STATUS_NOT_FOUND);
      else if (!method_is (method, "POST", response))
        return;
      else if (mode == RA_SIM_LEGACY_TOKEN_UNAUTHORIZED || !ra_sim_check_basic (self, headers))
        {
          ra_sim_response_set_status (response, SOUP_STATUS_UNAUTHORIZED);
          response->challenge = "Basic";
        }
      else
        ra_sim_answer_token (self, response);
      return;
    }

  if (g_str_equal (path, OAUTH_TOKEN_PATH))
    {
      if (method_is (method, "POST", response))
        ra_sim_handle_oauth_token (self, headers, body, response);
      return;
    }

  if (g_str_equal (path, "/api/v1/act/remote-action"))
    {
      if (!method_is (method, "GET", response))
        return;
      if (!ra_sim_check_bearer (self, headers))
        unauthorized (response);
      else
        ra_sim_api_list (self, query, response);
      return;
    }

  if (g_str_equal (path, "/api/v1/act/remote-action/details"))
    {
      if (!method_is (method, "GET", response))
        return;
      if (!ra_sim_check_bearer (self, headers))
        unauthorized (response);
      else
        ra_sim_api_details (self, query, response);
      return;
    }

  if (g_str_equal (path, "/api/v1/act/execute"))
    {
      if (!method_is (method, "POST", response))
        return;
      if (!ra_sim_check_bearer (self, headers))
        unauthorized (response);
      else
        ra_sim_api_execute (self, body, response);
      return;
    }

  if (g_str_equal (path, "/api/v2/nql/execute"))
    {
      if (!method_is (method, "POST", response))
        return;
      if (!ra_sim_check_bearer (self, headers))
        unauthorized (response);
      else
        ra_sim_nql_execute (self, headers, body, response);
      return;
    }

  if (g_str_equal (path, "/api/v1/nql/export"))
    {
      if (!method_is (method, "POST", response))
        return;
      if (!ra_sim_check_bearer (self, headers))
        unauthorized (response);
      else
        ra_sim_export_start (self, headers, body, response);
      return;
    }

  if (g_str_has_prefix (path, NQL_STATUS_PREFIX) && path[strlen (NQL_STATUS_PREFIX)] != '\0')
    {
      if (!method_is (method, "GET", response))
        return;
      if (!ra_sim_check_bearer (self, headers))
        unauthorized (response);
      else
        ra_sim_export_status (self, path + strlen (NQL_STATUS_PREFIX), response);
      return;
    }

  if (g_str_equal (path, "/_sim/clock"))
    {
      if (method_is (method, "POST", response))
        ra_sim_control_clock (self, body, response);
      return;
    }

  ra_sim_response_set_status (response, SOUP_STATUS_NOT_FOUND);
}

/* Serving */

static void
write_response (SoupServerMessage *msg,
                RaSimResponse     *response)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (response->allow != NULL)
    soup_message_headers_replace (headers, "Allow", response->allow);

  if (response->retry_after > 0)
    {
      char value[16];

      g_snprintf (value, sizeof value, "%u", response->retry_after);
      soup_message_headers_replace (headers, "Retry-After", value);
    }

  if (response->no_store)
    {
      soup_message_headers_replace (headers, "Cache-Control", "no-store");
      soup_message_headers_replace (headers, "Pragma", "no-cache");
    }

  if (response->challenge != NULL)
    soup_message_headers_replace (headers, "WWW-Authenticate", response->challenge);

  if (response->body != NULL)
    {
      if (response->content_type != NULL)
        soup_message_headers_set_content_type (headers, response->content_type, NULL);
      soup_message_body_append_bytes (soup_server_message_get_response_body (msg),
                                      response->body);
    }

  soup_server_message_set_status (msg, response->status, NULL);
}

/* Closes the socket under libsoup's feet: the client sees the connection
 * end without any answer, as when a proxy or the network drops it. */
static void
drop_connection (SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);

  if (socket != NULL)
    g_socket_shutdown (socket, TRUE, TRUE, NULL);

  soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
}

static void
process (RaSimulator       *self,
         gboolean           login,
         SoupServerMessage *msg)
{
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autofree char *path = g_strdup (g_uri_get_path (soup_server_message_get_uri (msg)));
  RaSimResponse response = { 0, };
  RaSimRequest *request;
  gboolean faults;
  gboolean drop = FALSE;
  guint status;

  g_mutex_lock (&self->mutex);

  request = ra_sim_record_request (self, msg, body);
  faults = faults_apply_locked (self, path);

  if (faults && self->drop_remaining > 0)
    {
      self->drop_remaining--;
      drop = TRUE;
    }

  if (!drop && faults && self->fail_remaining > 0)
    {
      self->fail_remaining--;
      ra_sim_answer_failure (self, &response);
    }
  else
    {
      /* A dropped request is still acted on: the answer is what gets lost. */
      route_locked (self, login, msg, body, &response);

      if (!drop && faults && response.status == SOUP_STATUS_OK &&
          self->body_fault_remaining > 0 && self->body_fault != RA_SIM_BODY_NORMAL)
        {
          self->body_fault_remaining--;
          ra_sim_apply_body_fault (self, &response);
        }

      /* Handled as usual (an execution is remembered), answered as told. */
      if (!drop && faults && self->next_status != 0)
        {
          ra_sim_response_clear (&response);
          response.status = self->next_status;
          response.body = g_steal_pointer (&self->next_body);
          response.content_type = response.body != NULL ? "application/json" : NULL;
          self->next_status = 0;
        }
    }

  status = drop ? 0 : response.status;
  request->status = status;
  g_ptr_array_add (self->requests, request);
  if (!is_token_path (path) && self->in_flight > 0)
    self->in_flight--;

  g_mutex_unlock (&self->mutex);

  /* A signal of the simulator's, emitted by name: the server never calls
   * into ra-simulator.c, which starts and stops it. */
  g_signal_emit_by_name (self, "request-handled",
                         soup_server_message_get_method (msg), path, status);

  if (drop)
    drop_connection (msg);
  else
    write_response (msg, &response);

  ra_sim_response_clear (&response);
}

typedef struct
{
  RaSimulator       *self;
  SoupServerMessage *msg;
  GSource           *source;
  gboolean           login;
} Delayed;

static void
delayed_free (gpointer data)
{
  Delayed *delayed = data;

  g_object_unref (delayed->msg);
  g_free (delayed);
}

static gboolean
delayed_cb (gpointer data)
{
  Delayed *delayed = data;
  RaSimulator *self = delayed->self;

  self->delayed = g_list_remove (self->delayed, delayed->source);
  g_source_unref (delayed->source);

  process (self, delayed->login, delayed->msg);
  soup_server_message_unpause (delayed->msg);

  return G_SOURCE_REMOVE;
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  RaSimulator *self = user_data;
  gboolean login = server == self->login_server;
  guint latency;

  count_arrival (self, path);

  g_mutex_lock (&self->mutex);
  latency = faults_apply_locked (self, path) ? self->latency_ms : 0;
  g_mutex_unlock (&self->mutex);

  if (latency > 0)
    {
      Delayed *delayed = g_new0 (Delayed, 1);

      delayed->self = self;
      delayed->login = login;
      delayed->msg = g_object_ref (msg);
      delayed->source = g_timeout_source_new (latency);
      g_source_set_callback (delayed->source, delayed_cb, delayed, delayed_free);
      g_source_attach (delayed->source, self->context);
      self->delayed = g_list_prepend (self->delayed, delayed->source);

      soup_server_message_pause (msg);
      return;
    }

  process (self, login, msg);
}

static gboolean
peer_has_left (GSocket *socket)
{
  GInputVector vector;
  char byte;
  int flags = G_SOCKET_MSG_PEEK;

  if (g_socket_is_closed (socket))
    return TRUE;

  /* Readable and nothing to read: the peer closed its end. */
  if (g_socket_condition_check (socket, G_IO_IN | G_IO_HUP | G_IO_ERR) == 0)
    return FALSE;

  vector.buffer = &byte;
  vector.size = 1;

  return g_socket_receive_message (socket, NULL, &vector, 1, NULL, NULL, &flags, NULL, NULL) <= 0;
}

/* libsoup 3.2 never closes a kept-alive connection that its client
 * closed, so a long-running simulator would run out of file descriptors.
 * Each new request sweeps the connections whose peer has gone. */
static void
request_started_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  RaSimulator *self = user_data;
  GSocket *socket = soup_server_message_get_socket (msg);
  GHashTableIter iter;
  gpointer seen;

  g_hash_table_iter_init (&iter, self->sockets);
  while (g_hash_table_iter_next (&iter, &seen, NULL))
    if (seen != socket && peer_has_left (seen))
      {
        g_socket_close (seen, NULL);
        g_hash_table_iter_remove (&iter);
      }

  if (socket != NULL && !g_hash_table_contains (self->sockets, socket))
    g_hash_table_add (self->sockets, g_object_ref (socket));
}

static SoupServer *
new_server (RaSimulator  *self,
            guint         port,
            guint        *bound_port,
            GError      **error)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  GSList *listeners;

  server = soup_server_new ("server-header", "remote-actions-simulator ", NULL);
  soup_server_add_handler (server, NULL, server_cb, self, NULL);
  g_signal_connect (server, "request-started", G_CALLBACK (request_started_cb), self);

  address = g_inet_socket_address_new_from_string ("127.0.0.1", port);
  if (!soup_server_listen (server, address, 0, error))
    return NULL;

  /* Read from the socket itself: soup_server_get_uris () leaks an
   * address per call in libsoup 3.2. */
  listeners = soup_server_get_listeners (server);
  local = g_socket_get_local_address (listeners->data, error);
  g_slist_free (listeners);
  if (local == NULL)
    return NULL;
  *bound_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));

  return g_steal_pointer (&server);
}

static gboolean
listen_on (RaSimulator  *self,
           guint         port,
           GError      **error)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(SoupServer) login_server = NULL;
  g_autoptr(SoupServer) files_server = NULL;
  guint bound_port = 0;
  guint login_port = 0;
  guint files_port = 0;
  guint wanted_login_port;
  gboolean split;

  g_mutex_lock (&self->mutex);
  split = self->profile == RA_SIM_PROFILE_REALISTIC;
  wanted_login_port = self->login_port;
  g_mutex_unlock (&self->mutex);

  server = new_server (self, port, &bound_port, error);
  if (server == NULL)
    return FALSE;

  /* A host of its own, as <instance>-login is: a client that sends the
   * OAuth request to the API host gets the API host's 404. */
  if (split)
    {
      login_server = new_server (self, wanted_login_port, &login_port, error);
      if (login_server == NULL)
        {
          soup_server_disconnect (server);
          return FALSE;
        }
    }

  /* Export results files live on another host (S3) than the API. */
  files_server = new_server (self, 0, &files_port, error);
  if (files_server == NULL)
    {
      soup_server_disconnect (server);
      if (login_server != NULL)
        soup_server_disconnect (login_server);
      return FALSE;
    }

  g_mutex_lock (&self->mutex);
  self->server = g_steal_pointer (&server);
  self->login_server = g_steal_pointer (&login_server);
  self->files_server = g_steal_pointer (&files_server);
  self->files_port = files_port;
  g_free (self->files_base_url);
  self->files_base_url = g_strdup_printf ("http://127.0.0.1:%u", files_port);
  self->port = bound_port;
  g_free (self->base_url);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%u", bound_port);
  g_free (self->login_base_url);
  self->login_base_url = split ? g_strdup_printf ("http://127.0.0.1:%u", login_port) : NULL;
  g_mutex_unlock (&self->mutex);

  return TRUE;
}

/* Runs in the serving context. */
static void
teardown (RaSimulator *self)
{
  GHashTableIter iter;
  gpointer socket;

  /* libsoup keeps open connections alive past the server. */
  g_hash_table_iter_init (&iter, self->sockets);
  while (g_hash_table_iter_next (&iter, &socket, NULL))
    g_socket_close (socket, NULL);
  g_hash_table_remove_all (self->sockets);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  if (self->login_server != NULL)
    soup_server_disconnect (self->login_server);
  if (self->files_server != NULL)
    soup_server_disconnect (self->files_server);

  while (self->delayed != NULL)
    {
      GSource *source = self->delayed->data;

      self->delayed = g_list_delete_link (self->delayed, self->delayed);
      g_source_destroy (source);
      g_source_unref (source);
    }

  g_clear_object (&self->server);
  g_clear_object (&self->login_server);
  g_clear_object (&self->files_server);
}

gboolean
ra_sim_server_start (RaSimulator  *self,
                     guint         port,
                     GError      **error)
{
  self->context = g_main_context_ref_thread_default ();
  if (!listen_on (self, port, error))
    {
      g_clear_pointer (&self->context, g_main_context_unref);
      return FALSE;
    }

  return TRUE;
}

static gpointer
serve_thread (gpointer data)
{
  RaSimulator *self = data;
  GMainContext *context = self->context;
  GError *error = NULL;
  gboolean listening;

  g_main_context_push_thread_default (context);

  listening = listen_on (self, self->thread_port, &error);

  g_mutex_lock (&self->mutex);
  if (listening)
    self->loop = g_main_loop_new (context, FALSE);
  self->thread_error = error;
  self->thread_ready = TRUE;
  g_cond_signal (&self->thread_cond);
  g_mutex_unlock (&self->mutex);

  if (listening)
    {
      g_main_loop_run (self->loop);
      teardown (self);
    }

  g_main_context_pop_thread_default (context);

  return NULL;
}

gboolean
ra_sim_server_start_in_thread (RaSimulator  *self,
                               guint         port,
                               GError      **error)
{
  GError *thread_error;

  self->context = g_main_context_new ();
  self->thread_port = port;
  self->thread_ready = FALSE;
  self->thread = g_thread_new ("ra-simulator", serve_thread, self);

  g_mutex_lock (&self->mutex);
  while (!self->thread_ready)
    g_cond_wait (&self->thread_cond, &self->mutex);
  thread_error = g_steal_pointer (&self->thread_error);
  g_mutex_unlock (&self->mutex);

  if (thread_error != NULL)
    {
      g_thread_join (g_steal_pointer (&self->thread));
      g_clear_pointer (&self->context, g_main_context_unref);
      g_propagate_error (error, thread_error);
      return FALSE;
    }

  return TRUE;
}

void
ra_sim_server_stop (RaSimulator *self)
{
  if (self->thread != NULL)
    {
      g_main_loop_quit (self->loop);
      g_thread_join (g_steal_pointer (&self->thread));
      g_clear_pointer (&self->loop, g_main_loop_unref);
    }
  else
    {
      teardown (self);
    }

  g_clear_pointer (&self->context, g_main_context_unref);

  g_mutex_lock (&self->mutex);
  self->port = 0;
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->login_base_url, g_free);
  g_clear_pointer (&self->files_base_url, g_free);
  self->files_port = 0;
  g_mutex_unlock (&self->mutex);
}
