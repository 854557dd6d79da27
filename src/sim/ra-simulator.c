/* ra-simulator.c — serving, tokens, request log and fault injection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-simulator"

#include "config.h"

#include <string.h>

#include "ra-sim-private.h"

#define LEGACY_TOKEN_PATH "/api/v1/token"
#define OAUTH_TOKEN_PATH  "/oauth2/default/v1/token"
#define SCOPE             "service:integration"
#define REDACTED          "<redacted>"

/* Big enough to trip any sane client-side cap, small enough for CI. */
#define DEFAULT_OVERSIZED_BYTES (16 * 1024 * 1024)

struct _RaSimulator
{
  GObject         parent_instance;

  /* Guards everything below except the serving fields, because tests
   * and benchmarks configure the simulator from another thread. */
  GMutex          mutex;

  char           *client_id;
  char           *client_secret;
  guint           token_lifetime;
  gboolean        legacy_token_enabled;
  GHashTable     *tokens;          /* access token → gint64* expiry (monotonic) */
  GPtrArray      *issued_tokens;   /* char* */

  GPtrArray      *actions;         /* JsonNode* */
  GHashTable     *actions_by_id;   /* id → JsonNode* borrowed from actions */
  GHashTable     *list_cache;      /* filter key → GBytes */
  GPtrArray      *executions;      /* RaSimExecution* */
  guint           execution_seconds;
  GHashTable     *nql_queries;     /* query id → RaSimNqlQuery* */

  guint           latency_ms;
  guint           fail_remaining;
  guint           fail_status;
  guint           fail_retry_after;
  RaSimBodyFault  body_fault;
  guint           body_fault_remaining;
  gsize           oversized_bytes;
  guint           drop_remaining;
  gboolean        faults_include_token;

  GPtrArray      *requests;        /* RaSimRequest* */

  guint           port;
  char           *base_url;

  /* Serving state: only touched from the serving context, or while no
   * serving thread runs. */
  SoupServer     *server;
  GMainContext   *context;
  GList          *delayed;         /* GSource* of requests held back by latency */
  GHashTable     *sockets;         /* GSocket* of connections seen, owned */
  GThread        *thread;
  GMainLoop      *loop;
  GCond           thread_cond;
  gboolean        thread_ready;
  GError         *thread_error;
  guint           thread_port;
};

G_DEFINE_FINAL_TYPE (RaSimulator, ra_simulator, G_TYPE_OBJECT)

enum {
  REQUEST_HANDLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static void
response_set_status (RaSimResponse *response,
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

/* Paths */

static char *
normalize_path (const char *path)
{
  gsize len = strlen (path);

  if (len > 1 && path[len - 1] == '/')
    return g_strndup (path, len - 1);

  return g_strdup (path);
}

static gboolean
is_token_path (const char *path)
{
  g_autofree char *normal = normalize_path (path);

  return g_str_equal (normal, LEGACY_TOKEN_PATH) ||
         g_str_equal (normal, OAUTH_TOKEN_PATH);
}

static gboolean
faults_apply_locked (RaSimulator *self,
                     const char  *path)
{
  if (is_token_path (path))
    return self->faults_include_token;

  return g_str_has_prefix (path, "/api/");
}

/* Credentials and tokens */

static gboolean
check_basic_locked (RaSimulator        *self,
                    SoupMessageHeaders *headers)
{
  const char *auth = soup_message_headers_get_one (headers, "Authorization");
  g_autofree guchar *decoded = NULL;
  g_autofree char *pair = NULL;
  gsize len = 0;
  char *colon;

  if (auth == NULL || g_ascii_strncasecmp (auth, "Basic ", 6) != 0)
    return FALSE;

  auth += 6;
  while (*auth == ' ')
    auth++;

  decoded = g_base64_decode (auth, &len);
  if (decoded == NULL || len == 0)
    return FALSE;

  pair = g_strndup ((const char *) decoded, len);
  if (strlen (pair) != len)
    return FALSE;

  colon = strchr (pair, ':');
  if (colon == NULL)
    return FALSE;
  *colon = '\0';

  return g_str_equal (pair, self->client_id) &&
         g_str_equal (colon + 1, self->client_secret);
}

static gboolean
check_bearer_locked (RaSimulator        *self,
                     SoupMessageHeaders *headers)
{
  const char *auth = soup_message_headers_get_one (headers, "Authorization");
  gint64 *expiry;

  if (auth == NULL || g_ascii_strncasecmp (auth, "Bearer ", 7) != 0)
    return FALSE;

  auth += 7;
  while (*auth == ' ')
    auth++;

  expiry = g_hash_table_lookup (self->tokens, auth);

  return expiry != NULL && g_get_monotonic_time () < *expiry;
}

static char *
new_token (void)
{
  guint8 raw[32];

  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    raw[i] = (guint8) g_random_int_range (0, 256);

  /* URL-safe and without padding, like the opaque tokens of real
   * identity providers. */
  return g_strdelimit (g_strdelimit (g_strdelimit (g_base64_encode (raw, sizeof raw),
                                                   "+", '-'),
                                     "/", '_'),
                       "=", '\0');
}

static void
answer_token_locked (RaSimulator   *self,
                     RaSimResponse *response)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  char *token = new_token ();
  gint64 *expiry = g_new (gint64, 1);

  *expiry = g_get_monotonic_time () + (gint64) self->token_lifetime * G_USEC_PER_SEC;
  g_hash_table_insert (self->tokens, g_strdup (token), expiry);
  g_ptr_array_add (self->issued_tokens, token);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, "Bearer");
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, self->token_lifetime);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "scope");
  json_builder_add_string_value (builder, SCOPE);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  ra_sim_response_set_json (response, SOUP_STATUS_OK, root);
  response->no_store = TRUE;
}

static void
oauth_error (RaSimResponse *response,
             guint          status,
             const char    *error,
             const char    *description)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, error);
  json_builder_set_member_name (builder, "error_description");
  json_builder_add_string_value (builder, description);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  ra_sim_response_set_json (response, status, root);
  response->no_store = TRUE;
}

static gboolean
scope_contains (const char *scope,
                const char *wanted)
{
  g_auto(GStrv) scopes = g_strsplit (scope, " ", -1);

  return g_strv_contains ((const char * const *) scopes, wanted);
}

static void
handle_oauth_token_locked (RaSimulator        *self,
                           SoupMessageHeaders *headers,
                           GBytes             *body,
                           RaSimResponse      *response)
{
  g_autoptr(GHashTable) form = NULL;
  g_autofree char *text = NULL;
  const char *content_type;
  const char *grant_type;
  const char *scope;

  if (!check_basic_locked (self, headers))
    {
      oauth_error (response, SOUP_STATUS_UNAUTHORIZED, "invalid_client",
                   "Client authentication failed.");
      response->challenge = "Basic";
      return;
    }

  content_type = soup_message_headers_get_content_type (headers, NULL);
  if (g_strcmp0 (content_type, "application/x-www-form-urlencoded") != 0)
    {
      oauth_error (response, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                   "The body must be application/x-www-form-urlencoded.");
      return;
    }

  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  form = soup_form_decode (text);
  grant_type = g_hash_table_lookup (form, "grant_type");
  scope = g_hash_table_lookup (form, "scope");

  if (grant_type == NULL)
    oauth_error (response, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                 "The grant_type parameter is missing.");
  else if (!g_str_equal (grant_type, "client_credentials"))
    oauth_error (response, SOUP_STATUS_BAD_REQUEST, "unsupported_grant_type",
                 "Only the client_credentials grant type is supported.");
  else if (scope == NULL || !scope_contains (scope, SCOPE))
    oauth_error (response, SOUP_STATUS_BAD_REQUEST, "invalid_scope",
                 "The scope must be service:integration.");
  else
    answer_token_locked (self, response);
}

/* Redaction: the log must be safe to print in a failing test. */

static char *
replace_all (const char *text,
             const char *needle)
{
  g_auto(GStrv) parts = NULL;

  if (needle == NULL || *needle == '\0' || strstr (text, needle) == NULL)
    return g_strdup (text);

  parts = g_strsplit (text, needle, -1);
  return g_strjoinv (REDACTED, parts);
}

static char *
redact_locked (RaSimulator *self,
               const char  *text)
{
  g_autofree char *pair = NULL;
  g_autofree char *basic = NULL;
  char *next_secret;
  char *result;

  if (text == NULL)
    return NULL;

  pair = g_strdup_printf ("%s:%s", self->client_id, self->client_secret);
  basic = g_base64_encode ((const guchar *) pair, strlen (pair));

  result = replace_all (text, basic);
  next_secret = replace_all (result, self->client_secret);
  g_free (result);
  result = next_secret;

  for (guint i = 0; i < self->issued_tokens->len; i++)
    {
      char *next = replace_all (result, g_ptr_array_index (self->issued_tokens, i));

      g_free (result);
      result = next;
    }

  return result;
}

static char *
redact_authorization (const char *value)
{
  const char *space = strchr (value, ' ');

  if (space == NULL)
    return g_strdup (REDACTED);

  return g_strdup_printf ("%.*s " REDACTED, (int) (space - value), value);
}

static RaSimRequest *
record_request_locked (RaSimulator       *self,
                       SoupServerMessage *msg,
                       GBytes            *body)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageHeadersIter iter;
  const char *name, *value;
  g_autofree char *text = NULL;
  RaSimRequest *request;

  request = g_new0 (RaSimRequest, 1);
  request->method = g_strdup (soup_server_message_get_method (msg));
  request->path = g_strdup (g_uri_get_path (uri));
  request->query = redact_locked (self, g_uri_get_query (uri));
  request->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      char *key = g_ascii_strdown (name, -1);
      const char *previous = g_hash_table_lookup (request->headers, key);
      g_autofree char *clean = NULL;

      if (g_str_equal (key, "authorization") || g_str_equal (key, "proxy-authorization"))
        clean = redact_authorization (value);
      else
        clean = redact_locked (self, value);

      if (previous != NULL)
        g_hash_table_insert (request->headers, key,
                             g_strdup_printf ("%s, %s", previous, clean));
      else
        g_hash_table_insert (request->headers, key, g_steal_pointer (&clean));
    }

  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  request->body = redact_locked (self, text);

  return request;
}

/* Faults */

static void
answer_failure_locked (RaSimulator   *self,
                       RaSimResponse *response)
{
  guint status = self->fail_status;

  if (status == SOUP_STATUS_BAD_REQUEST)
    ra_sim_response_set_error (response, status, "BAD_REQUEST", "The request was rejected.");
  else if (status == SOUP_STATUS_FORBIDDEN)
    ra_sim_response_set_error (response, status, "FORBIDDEN", "Not authorized to do this.");
  else if (status == SOUP_STATUS_NOT_FOUND)
    ra_sim_response_set_error (response, status, "NOT_FOUND", "Nothing is associated with that ID.");
  else if (status >= 500)
    ra_sim_response_set_error (response, status, "INTERNAL_ERROR", "The service failed to answer.");
  else
    response_set_status (response, status);

  response->retry_after = self->fail_retry_after;
}

static JsonObject *
first_object (JsonNode *root)
{
  if (JSON_NODE_HOLDS_OBJECT (root))
    return json_node_get_object (root);

  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      if (json_array_get_length (array) > 0 &&
          JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, 0)))
        return json_array_get_object_element (array, 0);
    }

  return NULL;
}

/* Gives the first string member a client must read a number instead, so
 * its parser has to name the field it rejects. */
static void
break_types (RaSimResponse *response)
{
  static const char * const preferred[] = { "name", "requestId", "access_token", "queryId" };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (response->body, NULL),
                                   g_bytes_get_size (response->body), NULL) ||
      json_parser_get_root (parser) == NULL)
    return;

  object = first_object (json_parser_get_root (parser));
  if (object != NULL)
    {
      const char *victim = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (preferred) && victim == NULL; i++)
        if (json_object_has_member (object, preferred[i]))
          victim = preferred[i];

      if (victim == NULL)
        {
          g_autoptr(GList) members = json_object_get_members (object);

          for (GList *l = members; l != NULL && victim == NULL; l = l->next)
            if (JSON_NODE_HOLDS_VALUE (json_object_get_member (object, l->data)))
              victim = l->data;
        }

      if (victim != NULL)
        json_object_set_int_member (object, victim, 42);
    }
  else
    {
      json_node_init_int (json_parser_get_root (parser), 42);
    }

  ra_sim_response_set_json (response, response->status, json_parser_get_root (parser));
}

static void
apply_body_fault_locked (RaSimulator   *self,
                         RaSimResponse *response)
{
  static const char html[] =
    "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>";

  switch (self->body_fault)
    {
    case RA_SIM_BODY_MALFORMED:
      g_clear_pointer (&response->body, g_bytes_unref);
      response->body = g_bytes_new_static (html, sizeof html - 1);
      response->content_type = "application/json";
      break;

    case RA_SIM_BODY_TRUNCATED:
      if (response->body != NULL)
        {
          gsize size = g_bytes_get_size (response->body);
          GBytes *cut = g_bytes_new_from_bytes (response->body, 0, MAX (size / 2, 1) - 1);

          g_bytes_unref (response->body);
          response->body = cut;
        }
      break;

    case RA_SIM_BODY_WRONG_TYPE:
      if (response->body != NULL)
        break_types (response);
      break;

    case RA_SIM_BODY_OVERSIZED:
      {
        g_autoptr(JsonBuilder) builder = json_builder_new ();
        g_autoptr(JsonNode) root = NULL;
        gsize size = MAX (self->oversized_bytes, 64);
        g_autofree char *padding = g_malloc (size - 32 + 1);

        memset (padding, 'x', size - 32);
        padding[size - 32] = '\0';

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "padding");
        json_builder_add_string_value (builder, padding);
        json_builder_end_object (builder);
        root = json_builder_get_root (builder);
        ra_sim_response_set_json (response, response->status, root);
      }
      break;

    case RA_SIM_BODY_NORMAL:
    default:
      break;
    }
}

/* Routing */

static gboolean
method_is (const char    *method,
           const char    *wanted,
           RaSimResponse *response)
{
  if (g_str_equal (method, wanted))
    return TRUE;

  response_set_status (response, SOUP_STATUS_METHOD_NOT_ALLOWED);
  response->allow = wanted;
  return FALSE;
}

static void
unauthorized (RaSimResponse *response)
{
  response_set_status (response, SOUP_STATUS_UNAUTHORIZED);
  response->challenge = "Bearer";
}

static void
route_locked (RaSimulator       *self,
              SoupServerMessage *msg,
              GBytes            *body,
              RaSimResponse     *response)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  g_autofree char *path = normalize_path (g_uri_get_path (uri));
  g_autoptr(GHashTable) query = NULL;

  if (g_uri_get_query (uri) != NULL)
    query = soup_form_decode (g_uri_get_query (uri));
  else
    query = g_hash_table_new (g_str_hash, g_str_equal);

  if (g_str_equal (path, LEGACY_TOKEN_PATH))
    {
      /* A server without the legacy endpoint answers like for any
       * unknown path, which is what makes clients fall back. */
      if (!self->legacy_token_enabled)
        response_set_status (response, SOUP_STATUS_NOT_FOUND);
      else if (!method_is (method, "POST", response))
        return;
      else if (!check_basic_locked (self, headers))
        {
          response_set_status (response, SOUP_STATUS_UNAUTHORIZED);
          response->challenge = "Basic";
        }
      else
        answer_token_locked (self, response);
      return;
    }

  if (g_str_equal (path, OAUTH_TOKEN_PATH))
    {
      if (method_is (method, "POST", response))
        handle_oauth_token_locked (self, headers, body, response);
      return;
    }

  if (g_str_equal (path, "/api/v1/act/remote-action"))
    {
      if (!method_is (method, "GET", response))
        return;
      if (!check_bearer_locked (self, headers))
        unauthorized (response);
      else
        ra_sim_api_list (self, query, response);
      return;
    }

  if (g_str_equal (path, "/api/v1/act/remote-action/details"))
    {
      if (!method_is (method, "GET", response))
        return;
      if (!check_bearer_locked (self, headers))
        unauthorized (response);
      else
        ra_sim_api_details (self, query, response);
      return;
    }

  if (g_str_equal (path, "/api/v1/act/execute"))
    {
      if (!method_is (method, "POST", response))
        return;
      if (!check_bearer_locked (self, headers))
        unauthorized (response);
      else
        ra_sim_api_execute (self, body, response);
      return;
    }

  if (g_str_equal (path, "/api/v2/nql/execute"))
    {
      if (!method_is (method, "POST", response))
        return;
      if (!check_bearer_locked (self, headers))
        unauthorized (response);
      else
        ra_sim_nql_execute (self, soup_message_headers_get_one (headers, "Accept"),
                            body, response);
      return;
    }

  response_set_status (response, SOUP_STATUS_NOT_FOUND);
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

  request = record_request_locked (self, msg, body);
  faults = faults_apply_locked (self, path);

  if (faults && self->drop_remaining > 0)
    {
      self->drop_remaining--;
      drop = TRUE;
    }

  if (!drop && faults && self->fail_remaining > 0)
    {
      self->fail_remaining--;
      answer_failure_locked (self, &response);
    }
  else
    {
      /* A dropped request is still acted on: the answer is what gets lost. */
      route_locked (self, msg, body, &response);

      if (!drop && faults && response.status == SOUP_STATUS_OK &&
          self->body_fault_remaining > 0 && self->body_fault != RA_SIM_BODY_NORMAL)
        {
          self->body_fault_remaining--;
          apply_body_fault_locked (self, &response);
        }
    }

  status = drop ? 0 : response.status;
  request->status = status;
  g_ptr_array_add (self->requests, request);

  g_mutex_unlock (&self->mutex);

  g_signal_emit (self, signals[REQUEST_HANDLED], 0,
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

  process (self, delayed->msg);
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
  guint latency;

  g_mutex_lock (&self->mutex);
  latency = faults_apply_locked (self, path) ? self->latency_ms : 0;
  g_mutex_unlock (&self->mutex);

  if (latency > 0)
    {
      Delayed *delayed = g_new0 (Delayed, 1);

      delayed->self = self;
      delayed->msg = g_object_ref (msg);
      delayed->source = g_timeout_source_new (latency);
      g_source_set_callback (delayed->source, delayed_cb, delayed, delayed_free);
      g_source_attach (delayed->source, self->context);
      self->delayed = g_list_prepend (self->delayed, delayed->source);

      soup_server_message_pause (msg);
      return;
    }

  process (self, msg);
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

static gboolean
listen_on (RaSimulator  *self,
           guint         port,
           GError      **error)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  GSList *listeners;
  guint bound_port;

  server = soup_server_new ("server-header", "remote-actions-simulator ", NULL);
  soup_server_add_handler (server, NULL, server_cb, self, NULL);
  g_signal_connect (server, "request-started", G_CALLBACK (request_started_cb), self);

  address = g_inet_socket_address_new_from_string ("127.0.0.1", port);
  if (!soup_server_listen (server, address, 0, error))
    return FALSE;

  /* Read from the socket itself: soup_server_get_uris () leaks an
   * address per call in libsoup 3.2. */
  listeners = soup_server_get_listeners (server);
  local = g_socket_get_local_address (listeners->data, error);
  g_slist_free (listeners);
  if (local == NULL)
    return FALSE;
  bound_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));

  self->server = g_steal_pointer (&server);

  g_mutex_lock (&self->mutex);
  self->port = bound_port;
  g_free (self->base_url);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%u", bound_port);
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

  while (self->delayed != NULL)
    {
      GSource *source = self->delayed->data;

      self->delayed = g_list_delete_link (self->delayed, self->delayed);
      g_source_destroy (source);
      g_source_unref (source);
    }

  g_clear_object (&self->server);
}

gboolean
ra_simulator_start (RaSimulator  *self,
                    guint         port,
                    GError      **error)
{
  g_return_val_if_fail (RA_IS_SIMULATOR (self), FALSE);
  g_return_val_if_fail (self->server == NULL && self->thread == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

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
ra_simulator_start_in_thread (RaSimulator  *self,
                              guint         port,
                              GError      **error)
{
  GError *thread_error;

  g_return_val_if_fail (RA_IS_SIMULATOR (self), FALSE);
  g_return_val_if_fail (self->server == NULL && self->thread == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

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
ra_simulator_stop (RaSimulator *self)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

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
  g_mutex_unlock (&self->mutex);
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

  actions = n > 0 ? ra_sim_catalogue_new_generated (n) : ra_sim_catalogue_new_demo ();

  g_mutex_lock (&self->mutex);
  set_actions_locked (self, actions);
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
ra_simulator_set_legacy_token_enabled (RaSimulator *self,
                                       gboolean     enabled)
{
  g_return_if_fail (RA_IS_SIMULATOR (self));

  g_mutex_lock (&self->mutex);
  self->legacy_token_enabled = !!enabled;
  g_mutex_unlock (&self->mutex);
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
    wanted = normalize_path (path);

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->requests->len; i++)
    {
      RaSimRequest *request = g_ptr_array_index (self->requests, i);
      g_autofree char *seen = normalize_path (request->path);

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

  g_free (self->client_id);
  g_free (self->client_secret);
  g_free (self->base_url);
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

  self->client_id = g_strdup (RA_SIM_DEFAULT_CLIENT_ID);
  self->client_secret = g_strdup (RA_SIM_DEFAULT_CLIENT_SECRET);
  self->token_lifetime = 900;
  self->execution_seconds = 7;
  self->legacy_token_enabled = TRUE;
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

  set_actions_locked (self, ra_sim_catalogue_new_demo ());
  ra_sim_nql_install_builtin (self);
}

RaSimulator *
ra_simulator_new (void)
{
  return g_object_new (RA_TYPE_SIMULATOR, NULL);
}
