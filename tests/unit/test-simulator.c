/* test-simulator.c — the simulator, driven over loopback with a plain SoupSession
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-simulator"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <libsoup/soup.h>

#include "ra-simulator.h"
#include "ra-test-common.h"

#define BASIC_GOOD "Basic ZGVtby1jbGllbnQ6ZGVtby1zZWNyZXQ=" /* demo-client:demo-secret */
#define DEVICE_A   "6513270e-269e-4d37-b2a7-4de452e6b438"
#define DEVICE_B   "d23f0824-128b-4f33-8c5c-7fd0a6a3a450"

typedef struct
{
  RaSimulator *sim;
  SoupSession *session;
  char        *token;
} Fixture;

typedef struct
{
  guint               status;
  GBytes             *body;
  SoupMessageHeaders *headers;
  GError             *error;
  gboolean            finished;
} Reply;

static void
reply_clear (Reply *reply)
{
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_error (&reply->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reply, reply_clear)

#define OAUTH_PATH "/oauth2/default/v1/token"
#define OAUTH_FORM "grant_type=client_credentials&scope=service%3Aintegration"
#define FORM_TYPE  "application/x-www-form-urlencoded"

/* The token endpoint lives on the login service's host, the rest on the
 * API host, as on a real instance. */
static char *
url (Fixture    *f,
     const char *path)
{
  if (g_str_equal (path, OAUTH_PATH))
    return g_strconcat (ra_simulator_get_login_base_url (f->sim), path, NULL);

  return g_strconcat (ra_simulator_get_base_url (f->sim), path, NULL);
}

/* Sync requests: the simulator serves from its own thread in these tests. */
static void
send_full (Fixture    *f,
           const char *method,
           const char *path,
           const char *authorization,
           const char *content_type,
           const char *body,
           const char *accept,
           Reply      *reply)
{
  g_autofree char *uri = url (f, path);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);

  g_assert_nonnull (msg);
  if (authorization != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg),
                                  "Authorization", authorization);
  if (accept != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept", accept);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, content_type, bytes);
    }

  reply->body = soup_session_send_and_read (f->session, msg, NULL, &reply->error);
  reply->status = soup_message_get_status (msg);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
}

static void
send (Fixture    *f,
      const char *method,
      const char *path,
      const char *authorization,
      const char *body,
      Reply      *reply)
{
  send_full (f, method, path, authorization,
             body != NULL ? "application/json" : NULL, body, NULL, reply);
}

static char *
bearer (Fixture *f)
{
  return g_strdup_printf ("Bearer %s", f->token);
}

static void
api (Fixture    *f,
     const char *method,
     const char *path,
     const char *body,
     Reply      *reply)
{
  g_autofree char *auth = bearer (f);

  send (f, method, path, auth, body, reply);
}

static JsonNode *
parse (Reply *reply)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  g_assert_no_error (reply->error);
  g_assert_nonnull (reply->body);
  node = json_from_string (g_bytes_get_data (reply->body, NULL), &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

static gboolean
body_is_empty (Reply *reply)
{
  return reply->body == NULL || g_bytes_get_size (reply->body) == 0;
}

static gboolean
is_json (Reply *reply)
{
  return g_strcmp0 (soup_message_headers_get_content_type (reply->headers, NULL),
                    "application/json") == 0;
}

static void
assert_error_body (Reply      *reply,
                   guint       status,
                   const char *code)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  g_assert_cmpuint (reply->status, ==, status);
  g_assert_true (is_json (reply));
  node = parse (reply);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "code"), !=, "");
  g_assert_cmpstr (json_object_get_string_member (object, "message"), !=, "");
  if (code != NULL)
    g_assert_cmpstr (json_object_get_string_member (object, "code"), ==, code);
}

static char *
fetch_token (Fixture *f)
{
  g_auto(Reply) reply = { 0, };
  g_autoptr(JsonNode) node = NULL;

  send_full (f, "POST", OAUTH_PATH, BASIC_GOOD, FORM_TYPE, OAUTH_FORM, NULL, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  node = parse (&reply);

  return g_strdup (json_object_get_string_member (json_node_get_object (node), "access_token"));
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->sim = ra_simulator_new ();
  if (data != NULL)
    ra_simulator_set_profile (f->sim, *(const RaSimProfile *) data);
  g_assert_true (ra_simulator_start_in_thread (f->sim, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ra_simulator_get_port (f->sim), >, 0);
  f->session = soup_session_new ();
  f->token = fetch_token (f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->session);
  ra_simulator_stop (f->sim);
  g_assert_finalize_object (f->sim);
  g_free (f->token);
}

/* Tokens */

static void
test_token_legacy (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(Reply) good = { 0, };
  g_auto(Reply) bad = { 0, };
  g_auto(Reply) none = { 0, };
  g_auto(Reply) get = { 0, };
  g_auto(Reply) disabled = { 0, };
  g_autoptr(JsonNode) node = NULL;
  g_auto(Reply) unauthorized = { 0, };
  g_auto(Reply) retired = { 0, };
  JsonObject *object;

  /* Retired on a realistic instance unless switched on. */
  g_assert_cmpint (ra_simulator_get_legacy_token (f->sim), ==, RA_SIM_LEGACY_TOKEN_OFF);
  send (f, "POST", "/api/v1/token", BASIC_GOOD, NULL, &retired);
  g_assert_cmpuint (retired.status, ==, 404);

  ra_simulator_set_legacy_token (f->sim, RA_SIM_LEGACY_TOKEN_ON);
  send (f, "POST", "/api/v1/token", BASIC_GOOD, NULL, &good);
  g_assert_cmpuint (good.status, ==, 200);
  g_assert_true (is_json (&good));
  node = parse (&good);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "token_type"), ==, "Bearer");
  g_assert_cmpint (json_object_get_int_member (object, "expires_in"), ==, 900);
  g_assert_cmpstr (json_object_get_string_member (object, "scope"), ==, "service:integration");
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "access_token")), >=, 32);
  g_assert_cmpstr (json_object_get_string_member (object, "access_token"), !=, f->token);

  /* demo-client:wrong */
  send (f, "POST", "/api/v1/token", "Basic ZGVtby1jbGllbnQ6d3Jvbmc=", NULL, &bad);
  g_assert_cmpuint (bad.status, ==, 401);
  g_assert_true (body_is_empty (&bad));

  send (f, "POST", "/api/v1/token", NULL, NULL, &none);
  g_assert_cmpuint (none.status, ==, 401);
  g_assert_true (body_is_empty (&none));

  send (f, "GET", "/api/v1/token", BASIC_GOOD, NULL, &get);
  g_assert_cmpuint (get.status, ==, 405);
  g_assert_cmpstr (soup_message_headers_get_one (get.headers, "Allow"), ==, "POST");

  ra_simulator_set_legacy_token_enabled (f->sim, FALSE);
  send (f, "POST", "/api/v1/token", BASIC_GOOD, NULL, &disabled);
  g_assert_cmpuint (disabled.status, ==, 404);

  /* Switched to refusing everyone: even good credentials get 401. */
  ra_simulator_set_legacy_token (f->sim, RA_SIM_LEGACY_TOKEN_UNAUTHORIZED);
  send (f, "POST", "/api/v1/token", BASIC_GOOD, NULL, &unauthorized);
  g_assert_cmpuint (unauthorized.status, ==, 401);
  g_assert_true (body_is_empty (&unauthorized));
}

static guint
status_at (SoupSession *session,
           const char  *base_url,
           const char  *method,
           const char  *path)
{
  g_autofree char *uri = g_strconcat (base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg),
                                "Authorization", BASIC_GOOD);
  if (g_str_equal (method, "POST"))
    {
      g_autoptr(GBytes) form = g_bytes_new_static (OAUTH_FORM, strlen (OAUTH_FORM));

      soup_message_set_request_body_from_bytes (msg, FORM_TYPE, form);
    }
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);

  return soup_message_get_status (msg);
}

static void
test_token_login_host (Fixture       *f,
                       gconstpointer  data)
{
  const char *api_url = ra_simulator_get_base_url (f->sim);
  const char *login_url = ra_simulator_get_login_base_url (f->sim);
  g_autoptr(RaSimulator) tidy = ra_simulator_new ();
  g_autoptr(GError) error = NULL;

  /* Realistic: the login service is a host of its own, serving only the
   * token endpoint; the API host does not serve that one. */
  g_assert_true (ra_simulator_has_login_listener (f->sim));
  g_assert_true (g_str_has_prefix (login_url, "http://127.0.0.1:"));
  g_assert_cmpstr (login_url, !=, api_url);
  g_assert_cmpuint (status_at (f->session, login_url, "POST", OAUTH_PATH), ==, 200);
  g_assert_cmpuint (status_at (f->session, api_url, "POST", OAUTH_PATH), ==, 404);
  g_assert_cmpuint (status_at (f->session, login_url, "GET", "/api/v1/act/remote-action"), ==, 404);
  g_assert_cmpuint (status_at (f->session, login_url, "POST", "/api/v1/token"), ==, 404);

  /* The login service's port can be chosen, as the API's can. */
  {
    g_autoptr(RaSimulator) fixed = ra_simulator_new ();
    g_autoptr(GSocketListener) probe = g_socket_listener_new ();
    g_autofree char *expected = NULL;
    guint16 free_port;

    free_port = g_socket_listener_add_any_inet_port (probe, NULL, &error);
    g_assert_no_error (error);
    g_socket_listener_close (probe);
    ra_simulator_set_login_port (fixed, free_port);
    g_assert_true (ra_simulator_start_in_thread (fixed, 0, &error));
    g_assert_no_error (error);
    expected = g_strdup_printf ("http://127.0.0.1:%u", free_port);
    g_assert_cmpstr (ra_simulator_get_login_base_url (fixed), ==, expected);
    g_assert_cmpuint (status_at (f->session, expected, "POST", OAUTH_PATH), ==, 200);
    ra_simulator_stop (fixed);
  }

  /* Tidy: both token endpoints on the one host, as before. */
  ra_simulator_set_profile (tidy, RA_SIM_PROFILE_TIDY);
  g_assert_true (ra_simulator_start_in_thread (tidy, 0, &error));
  g_assert_no_error (error);
  g_assert_false (ra_simulator_has_login_listener (tidy));
  g_assert_cmpstr (ra_simulator_get_login_base_url (tidy), ==, ra_simulator_get_base_url (tidy));
  g_assert_cmpint (ra_simulator_get_legacy_token (tidy), ==, RA_SIM_LEGACY_TOKEN_ON);
  g_assert_cmpuint (status_at (f->session, ra_simulator_get_base_url (tidy), "POST", OAUTH_PATH),
                    ==, 200);
  g_assert_cmpuint (status_at (f->session, ra_simulator_get_base_url (tidy), "POST",
                               "/api/v1/token"), ==, 200);
  ra_simulator_stop (tidy);
}

static void
oauth (Fixture    *f,
       const char *authorization,
       const char *content_type,
       const char *form,
       Reply      *reply)
{
  send_full (f, "POST", "/oauth2/default/v1/token", authorization, content_type, form, NULL, reply);
}

static void
assert_oauth_error (Reply      *reply,
                    guint       status,
                    const char *error)
{
  g_autoptr(JsonNode) node = NULL;

  g_assert_cmpuint (reply->status, ==, status);
  node = parse (reply);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "error"), ==, error);
}

static void
test_token_oauth (Fixture       *f,
                  gconstpointer  data)
{
  const char *form_type = "application/x-www-form-urlencoded";
  const char *good_form = "grant_type=client_credentials&scope=service%3Aintegration";
  g_auto(Reply) good = { 0, };
  g_auto(Reply) bad_client = { 0, };
  g_auto(Reply) no_grant = { 0, };
  g_auto(Reply) bad_grant = { 0, };
  g_auto(Reply) bad_scope = { 0, };
  g_auto(Reply) not_form = { 0, };
  g_auto(Reply) get = { 0, };
  g_auto(Reply) api_reply = { 0, };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  g_autofree char *auth = NULL;

  oauth (f, BASIC_GOOD, form_type, good_form, &good);
  g_assert_cmpuint (good.status, ==, 200);
  g_assert_true (is_json (&good));
  g_assert_cmpstr (soup_message_headers_get_one (good.headers, "Cache-Control"), ==, "no-store");
  node = parse (&good);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "token_type"), ==, "Bearer");
  g_assert_cmpint (json_object_get_int_member (object, "expires_in"), ==, 900);
  g_assert_cmpstr (json_object_get_string_member (object, "scope"), ==, "service:integration");

  /* The OAuth token works on the API like the legacy one. */
  auth = g_strdup_printf ("Bearer %s", json_object_get_string_member (object, "access_token"));
  send (f, "GET", "/api/v1/act/remote-action", auth, NULL, &api_reply);
  g_assert_cmpuint (api_reply.status, ==, 200);

  oauth (f, "Basic ZGVtby1jbGllbnQ6d3Jvbmc=", form_type, good_form, &bad_client);
  assert_oauth_error (&bad_client, 401, "invalid_client");

  oauth (f, BASIC_GOOD, form_type, "scope=service%3Aintegration", &no_grant);
  assert_oauth_error (&no_grant, 400, "invalid_request");

  oauth (f, BASIC_GOOD, form_type, "grant_type=password&scope=service%3Aintegration", &bad_grant);
  assert_oauth_error (&bad_grant, 400, "unsupported_grant_type");

  oauth (f, BASIC_GOOD, form_type, "grant_type=client_credentials&scope=openid", &bad_scope);
  assert_oauth_error (&bad_scope, 400, "invalid_scope");

  oauth (f, BASIC_GOOD, "application/json", "{\"grant_type\":\"client_credentials\"}", &not_form);
  assert_oauth_error (&not_form, 400, "invalid_request");

  send (f, "GET", "/oauth2/default/v1/token", BASIC_GOOD, NULL, &get);
  g_assert_cmpuint (get.status, ==, 405);
}

static gboolean
list_is_unauthorized (Fixture *f)
{
  g_auto(Reply) reply = { 0, };

  api (f, "GET", "/api/v1/act/remote-action", NULL, &reply);
  g_assert_true (reply.status == 200 || reply.status == 401);

  return reply.status == 401;
}

static gint64
fake_now_cb (gpointer user_data)
{
  return *(gint64 *) user_data;
}

static void
test_token_expiry (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(Reply) first = { 0, };
  g_autoptr(JsonNode) node = NULL;
  gint64 now = G_GINT64_CONSTANT (1700000000) * G_USEC_PER_SEC;

  /* The simulator's time, moved by hand instead of waited for. */
  ra_simulator_set_clock_func (f->sim, fake_now_cb, &now, NULL);
  ra_simulator_set_token_lifetime (f->sim, 1);
  g_free (f->token);
  send_full (f, "POST", OAUTH_PATH, BASIC_GOOD, FORM_TYPE, OAUTH_FORM, NULL, &first);
  node = parse (&first);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "expires_in"), ==, 1);
  f->token = g_strdup (json_object_get_string_member (json_node_get_object (node), "access_token"));

  g_assert_false (list_is_unauthorized (f));
  now += G_USEC_PER_SEC - 1;
  g_assert_false (list_is_unauthorized (f));
  now += 1;
  g_assert_true (list_is_unauthorized (f));
  ra_simulator_set_clock_func (f->sim, NULL, NULL, NULL);

/* expire_tokens revokes tokens of any lifetime. */
  ra_simulator_set_token_lifetime (f->sim, 900);
  g_free (f->token);
  f->token = fetch_token (f);
  g_assert_false (list_is_unauthorized (f));
  ra_simulator_expire_tokens (f->sim);
  g_assert_true (list_is_unauthorized (f));
}

static void
test_bearer_required (Fixture       *f,
                      gconstpointer  data)
{
  static const struct { const char *method, *path, *body; } endpoints[] = {
    { "GET", "/api/v1/act/remote-action", NULL },
    { "GET", "/api/v1/act/remote-action/details?nql-id=%23clear_dns_cache", NULL },
    { "POST", "/api/v1/act/execute", "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"]}" },
    { "POST", "/api/v2/nql/execute", "{\"queryId\":\"#demo_devices\"}" },
  };
  const char *auths[] = { NULL, "Bearer not-a-token", BASIC_GOOD, "Bearer", "" };

  for (guint e = 0; e < G_N_ELEMENTS (endpoints); e++)
    for (guint a = 0; a < G_N_ELEMENTS (auths); a++)
      {
        g_auto(Reply) reply = { 0, };

        send (f, endpoints[e].method, endpoints[e].path, auths[a], endpoints[e].body, &reply);
        g_assert_cmpuint (reply.status, ==, 401);
        g_assert_true (body_is_empty (&reply));
      }

  g_assert_cmpuint (ra_simulator_count_requests (f->sim, "POST", "/api/v1/act/execute"),
                    ==, G_N_ELEMENTS (auths));
}

/* Catalogue */

static JsonArray *
list (Fixture    *f,
      const char *path,
      JsonNode  **root)
{
  g_auto(Reply) reply = { 0, };

  api (f, "GET", path, NULL, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  g_assert_true (is_json (&reply));
  *root = parse (&reply);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (*root));

  return json_node_get_array (*root);
}

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

/* Execute */

static void
test_execute_ok (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Reply) plain = { 0, };
  g_auto(Reply) full = { 0, };
  g_autoptr(JsonNode) plain_node = NULL;
  g_autoptr(JsonNode) full_node = NULL;
  g_autofree char *reason = g_strnfill (500, 'r');
  g_autofree char *body = NULL;
  JsonObject *object;

  api (f, "POST", "/api/v1/act/execute",
       "{\"remoteActionId\":\"#clear_dns_cache\",\"params\":{},\"devices\":[\"" DEVICE_A "\"]}",
       &plain);
  g_assert_cmpuint (plain.status, ==, 200);
  g_assert_true (is_json (&plain));
  plain_node = parse (&plain);
  object = json_node_get_object (plain_node);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (object, "requestId")));
  g_assert_cmpint (json_object_get_int_member (object, "expiresInMinutes"), ==, 10080);

  body = g_strdup_printf ("{\"remoteActionId\":\"#restart_windows_service\","
                          "\"params\":{\"ServiceName\":\"Spooler\",\"StartType\":\"Automatic\"},"
                          "\"devices\":[\"" DEVICE_A "\",\"" DEVICE_B "\"],"
                          "\"expiresInMinutes\":60,"
                          "\"triggerInfo\":{\"externalSource\":\"Remote Actions\","
                          "\"reason\":\"%s\",\"externalReference\":\"INC0012345\"}}", reason);
  api (f, "POST", "/api/v1/act/execute", body, &full);
  g_assert_cmpuint (full.status, ==, 200);
  full_node = parse (&full);
  object = json_node_get_object (full_node);
  g_assert_cmpint (json_object_get_int_member (object, "expiresInMinutes"), ==, 60);
  g_assert_cmpstr (json_object_get_string_member (object, "requestId"), !=,
                   json_object_get_string_member (json_node_get_object (plain_node), "requestId"));
}

static char *
many_devices (guint n)
{
  GString *s = g_string_new ("{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s\"%08x-0000-4000-8000-000000000000\"", i ? "," : "", i);
  g_string_append (s, "]}");

  return g_string_free (s, FALSE);
}

static void
test_execute_invalid (Fixture       *f,
                      gconstpointer  data)
{
  static const struct { const char *body, *code; } cases[] = {
    { "not json", "INVALID_JSON" },
    { "", "INVALID_JSON" },
    { "[]", "INVALID_REQUEST" },
    { "{\"devices\":[\"" DEVICE_A "\"]}", "MISSING_REMOTE_ACTION_ID" },
    { "{\"remoteActionId\":\"\",\"devices\":[\"" DEVICE_A "\"]}", "INVALID_REMOTE_ACTION_ID" },
    { "{\"remoteActionId\":7,\"devices\":[\"" DEVICE_A "\"]}", "INVALID_REMOTE_ACTION_ID" },
    { "{\"remoteActionId\":null,\"devices\":[\"" DEVICE_A "\"]}", "INVALID_REMOTE_ACTION_ID" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"params\":[],\"devices\":[\"" DEVICE_A "\"]}", "INVALID_PARAMS" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"params\":{\"a\":1},\"devices\":[\"" DEVICE_A "\"]}", "INVALID_PARAMS" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"params\":{\"a\":null},\"devices\":[\"" DEVICE_A "\"]}", "INVALID_PARAMS" },
    { "{\"remoteActionId\":\"#clear_dns_cache\"}", "MISSING_DEVICES" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[]}", "INVALID_DEVICES" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":\"" DEVICE_A "\"}", "INVALID_DEVICES" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[42]}", "INVALID_DEVICES" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"],\"expiresInMinutes\":59}", "INVALID_EXPIRES_IN_MINUTES" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"],\"expiresInMinutes\":10081}", "INVALID_EXPIRES_IN_MINUTES" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"],\"expiresInMinutes\":90.5}", "INVALID_EXPIRES_IN_MINUTES" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"],\"expiresInMinutes\":\"90\"}", "INVALID_EXPIRES_IN_MINUTES" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"],\"triggerInfo\":\"x\"}", "INVALID_TRIGGER_INFO" },
    { "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"],\"triggerInfo\":{\"reason\":5}}", "INVALID_TRIGGER_INFO" },
    { "{\"remoteActionId\":\"#no_such_action\",\"devices\":[\"" DEVICE_A "\"]}", "REMOTE_ACTION_NOT_FOUND" },
  };
  g_autofree char *too_many = many_devices (10001);
  g_autofree char *just_enough = many_devices (10000);
  g_autofree char *long_reason = NULL;
  g_autofree char *reason = g_strnfill (501, 'r');
  g_auto(Reply) many = { 0, };
  g_auto(Reply) enough = { 0, };
  g_auto(Reply) reason_reply = { 0, };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Reply) reply = { 0, };

      g_test_message ("body: %s", cases[i].body);
      api (f, "POST", "/api/v1/act/execute", cases[i].body, &reply);
      assert_error_body (&reply, 400, cases[i].code);
    }

  api (f, "POST", "/api/v1/act/execute", too_many, &many);
  assert_error_body (&many, 400, "TOO_MANY_DEVICES");

  api (f, "POST", "/api/v1/act/execute", just_enough, &enough);
  g_assert_cmpuint (enough.status, ==, 200);

  /* Characters, not bytes: 500 two-byte characters are fine, 501 are not. */
  long_reason = g_strdup_printf ("{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"],"
                                 "\"triggerInfo\":{\"reason\":\"%s\"}}", reason);
  api (f, "POST", "/api/v1/act/execute", long_reason, &reason_reply);
  assert_error_body (&reason_reply, 400, "REASON_TOO_LONG");

  {
    g_auto(Reply) accented = { 0, };
    GString *s = g_string_new ("{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"],"
                               "\"triggerInfo\":{\"reason\":\"");
    g_autofree char *body = NULL;

    for (guint i = 0; i < 500; i++)
      g_string_append (s, "é");
    g_string_append (s, "\"}}");
    body = g_string_free (s, FALSE);
    api (f, "POST", "/api/v1/act/execute", body, &accented);
    g_assert_cmpuint (accented.status, ==, 200);
  }
}

static void
test_execute_forbidden (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(Reply) reply = { 0, };
  g_auto(Reply) get = { 0, };

  api (f, "POST", "/api/v1/act/execute",
       "{\"remoteActionId\":\"#set_power_plan\",\"params\":{\"PowerPlan\":\"Balanced\"},"
       "\"devices\":[\"" DEVICE_A "\"]}", &reply);
  assert_error_body (&reply, 403, "REMOTE_ACTION_NOT_API_ENABLED");

  api (f, "GET", "/api/v1/act/execute", NULL, &get);
  g_assert_cmpuint (get.status, ==, 405);
}

/* NQL */

static JsonNode *
nql (Fixture    *f,
     const char *body,
     guint       expected_status)
{
  g_auto(Reply) reply = { 0, };

  api (f, "POST", "/api/v2/nql/execute", body, &reply);
  g_assert_cmpuint (reply.status, ==, expected_status);
  if (expected_status != 200)
    return NULL;

  g_assert_true (is_json (&reply));
  return parse (&reply);
}

static void
test_nql (Fixture       *f,
          gconstpointer  data)
{
  g_auto(Reply) executed = { 0, };
  g_auto(Reply) csv = { 0, };
  g_auto(Reply) html = { 0, };
  g_autoptr(JsonNode) request_node = NULL;
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) one = NULL;
  g_autoptr(JsonNode) devices = NULL;
  g_autoptr(JsonNode) custom = NULL;
  g_autoptr(JsonNode) rows = NULL;
  g_autofree char *filter = NULL;
  g_autofree char *csv_text = NULL;
  JsonObject *object;
  JsonArray *data_rows;
  const char *request_id;

  api (f, "POST", "/api/v1/act/execute",
       "{\"remoteActionId\":\"#get_disk_usage\",\"devices\":[\"" DEVICE_A "\",\"" DEVICE_B "\"]}",
       &executed);
  g_assert_cmpuint (executed.status, ==, 200);
  request_node = parse (&executed);
  request_id = json_object_get_string_member (json_node_get_object (request_node), "requestId");

  all = nql (f, "{\"queryId\":\"#remote_action_executions\"}", 200);
  object = json_node_get_object (all);
  g_assert_cmpstr (json_object_get_string_member (object, "queryId"), ==, "#remote_action_executions");
  g_assert_cmpstr (json_object_get_string_member (object, "executedQuery"), !=, "");
  g_assert_cmpint (json_object_get_int_member (object, "rows"), ==, 2);
  {
    /* Realistic answers write times without an offset, as real ones do. */
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr(GDateTime) when =
      g_date_time_new_from_iso8601 (json_object_get_string_member (object, "executionDateTime"), utc);

    g_assert_nonnull (when);
  }
  data_rows = json_object_get_array_member (object, "data");
  g_assert_cmpuint (json_array_get_length (data_rows), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *row = json_array_get_object_element (data_rows, i);

      g_assert_cmpstr (json_object_get_string_member (row, "remote_action.execution.request_id"), ==, request_id);
      g_assert_cmpstr (json_object_get_string_member (row, "remote_action.nql_id"), ==, "#get_disk_usage");
      g_assert_nonnull (json_object_get_string_member (row, "remote_action.execution.status"));
      g_assert_nonnull (json_object_get_string_member (row, "device.name"));
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (data_rows, 0), "device.name"),
                   ==, "LAPTOP-JDOE-01");

  /* Without run time, every device has its final status, and those that
   * succeeded report the action's outputs. */
  ra_simulator_set_execution_seconds (f->sim, 0);
  {
    g_auto(Reply) everywhere = { 0, };
    g_autoptr(JsonNode) answer = NULL;
    g_autoptr(JsonNode) settled = NULL;
    g_autofree char *body = NULL;
    GString *devices_json = g_string_new (NULL);
    g_autoptr(JsonNode) device_list = nql (f, "{\"queryId\":\"#demo_devices\"}", 200);
    JsonArray *device_rows = json_object_get_array_member (json_node_get_object (device_list), "data");
    JsonArray *settled_rows;
    guint successes = 0;

    for (guint i = 0; i < json_array_get_length (device_rows); i++)
      g_string_append_printf (devices_json, "%s\"%s\"", i ? "," : "",
                              json_object_get_string_member (json_array_get_object_element (device_rows, i),
                                                             "device.collector.uid"));
    body = g_strdup_printf ("{\"remoteActionId\":\"#get_disk_usage\",\"devices\":[%s]}", devices_json->str);
    g_string_free (devices_json, TRUE);
    api (f, "POST", "/api/v1/act/execute", body, &everywhere);
    g_assert_cmpuint (everywhere.status, ==, 200);
    answer = parse (&everywhere);

    g_free (g_steal_pointer (&body));
    body = g_strdup_printf ("{\"queryId\":\"#remote_action_executions\",\"parameters\":{\"request_id\":\"%s\"}}",
                            json_object_get_string_member (json_node_get_object (answer), "requestId"));
    settled = nql (f, body, 200);
    settled_rows = json_object_get_array_member (json_node_get_object (settled), "data");
    g_assert_cmpuint (json_array_get_length (settled_rows), ==, json_array_get_length (device_rows));
    for (guint i = 0; i < json_array_get_length (settled_rows); i++)
      {
        JsonObject *row = json_array_get_object_element (settled_rows, i);
        const char *status = json_object_get_string_member (row, "remote_action.execution.status");

        g_assert_true (g_str_equal (status, "success") || g_str_equal (status, "failure") ||
                       g_str_equal (status, "waiting"));
        if (g_str_equal (status, "success"))
          {
            successes++;
            g_assert_true (json_object_has_member (row, "remote_action.execution.outputs.FreeSpace"));
            g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (row, "remote_action.execution.outputs.LargestFolders")));
          }
      }
    g_assert_cmpuint (successes, >, 0);
  }

  filter = g_strdup_printf ("{\"queryId\":\"#remote_action_executions\",\"parameters\":{\"request_id\":\"%s\"}}",
                            "00000000-0000-4000-8000-000000000000");
  one = nql (f, filter, 200);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (one), "rows"), ==, 0);
  g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (one), "executedQuery"),
                            "00000000-0000-4000-8000-000000000000"));

  devices = nql (f, "{\"queryId\":\"#demo_devices\"}", 200);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (devices), "rows"), >=, 10);

  rows = json_from_string ("[{\"device.name\":\"PC-1\",\"score\":7.5},{\"device.name\":\"PC-2\",\"score\":null}]", NULL);
  ra_simulator_add_nql_query (f->sim, "#custom_query", rows);
  custom = nql (f, "{\"queryId\":\"#custom_query\",\"parameters\":{\"x\":\"y\"}}", 200);
  g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (custom), "data"), rows));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (custom), "rows"), ==, 2);

  send_full (f, "POST", "/api/v2/nql/execute", NULL, NULL, NULL, NULL, &html);
  g_assert_cmpuint (html.status, ==, 401);
  reply_clear (&html);
  {
    g_autofree char *auth = bearer (f);

    send_full (f, "POST", "/api/v2/nql/execute", auth, "application/json",
               "{\"queryId\":\"#custom_query\"}", "text/csv", &csv);
    g_assert_cmpuint (csv.status, ==, 200);
    csv_text = g_strndup (g_bytes_get_data (csv.body, NULL), g_bytes_get_size (csv.body));
    g_assert_cmpstr (csv_text, ==, "device.name,score\r\nPC-1,7.5\r\nPC-2,\r\n");

    send_full (f, "POST", "/api/v2/nql/execute", auth, "application/json",
               "{\"queryId\":\"#custom_query\"}", "text/html", &html);
    g_assert_cmpuint (html.status, ==, 406);
  }

  g_assert_null (nql (f, "{\"queryId\":\"#no_such_query\"}", 404));
  g_assert_null (nql (f, "{\"queryId\":\"no_hash\"}", 400));
  g_assert_null (nql (f, "{\"queryId\":\"#UPPER\"}", 400));
  g_assert_null (nql (f, "{}", 400));
  g_assert_null (nql (f, "{\"queryId\":\"#custom_query\",\"parameters\":{\"x\":1}}", 400));
}

/* Faults */

static void
test_fault_fail_next (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *fresh = NULL;

  ra_simulator_fail_next (f->sim, 2, 503, 7);

  /* Token requests are not affected by default. */
  fresh = fetch_token (f);

  for (guint i = 0; i < 2; i++)
    {
      g_auto(Reply) reply = { 0, };

      api (f, "GET", "/api/v1/act/remote-action", NULL, &reply);
      assert_error_body (&reply, 503, NULL);
      g_assert_cmpstr (soup_message_headers_get_one (reply.headers, "Retry-After"), ==, "7");
    }

  {
    g_auto(Reply) reply = { 0, };

    api (f, "GET", "/api/v1/act/remote-action", NULL, &reply);
    g_assert_cmpuint (reply.status, ==, 200);
    g_assert_null (soup_message_headers_get_one (reply.headers, "Retry-After"));
  }

  ra_simulator_fail_next (f->sim, 1, 429, 3);
  {
    g_auto(Reply) reply = { 0, };

    api (f, "GET", "/api/v1/act/remote-action/details?nql-id=%23clear_dns_cache", NULL, &reply);
    g_assert_cmpuint (reply.status, ==, 429);
    g_assert_cmpstr (soup_message_headers_get_one (reply.headers, "Retry-After"), ==, "3");
  }

  /* Failing a POST never acts on it. */
  ra_simulator_fail_next (f->sim, 1, 500, 0);
  {
    g_auto(Reply) reply = { 0, };
    g_autoptr(JsonNode) rows = NULL;

    api (f, "POST", "/api/v1/act/execute",
         "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"]}", &reply);
    assert_error_body (&reply, 500, NULL);
    rows = nql (f, "{\"queryId\":\"#remote_action_executions\"}", 200);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (rows), "rows"), ==, 0);
  }

  ra_simulator_set_faults_include_token (f->sim, TRUE);
  ra_simulator_fail_next (f->sim, 1, 401, 0);
  {
    g_auto(Reply) reply = { 0, };

    send_full (f, "POST", OAUTH_PATH, BASIC_GOOD, FORM_TYPE, OAUTH_FORM, NULL, &reply);
    g_assert_cmpuint (reply.status, ==, 401);
    g_assert_true (body_is_empty (&reply));
  }
}

static void
test_fault_latency (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(Reply) reply = { 0, };
  gint64 start;

  ra_simulator_set_latency (f->sim, 300);
  start = g_get_monotonic_time ();
  api (f, "GET", "/api/v1/act/remote-action", NULL, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 300 * 1000);
  g_test_message ("delayed list answered after %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
}

static void
test_fault_body (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) normal_root = NULL;
  g_autoptr(GError) error = NULL;
  gsize normal_size;

  {
    g_auto(Reply) reply = { 0, };

    api (f, "GET", "/api/v1/act/remote-action", NULL, &reply);
    normal_size = g_bytes_get_size (reply.body);
  }

  ra_simulator_set_body_fault (f->sim, RA_SIM_BODY_MALFORMED, 1);
  {
    g_auto(Reply) reply = { 0, };
    g_autoptr(JsonNode) node = NULL;

    api (f, "GET", "/api/v1/act/remote-action", NULL, &reply);
    g_assert_cmpuint (reply.status, ==, 200);
    node = json_from_string (g_bytes_get_data (reply.body, NULL), &error);
    g_assert_null (node);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  ra_simulator_set_body_fault (f->sim, RA_SIM_BODY_TRUNCATED, 1);
  {
    g_auto(Reply) reply = { 0, };
    g_autofree char *text = NULL;
    g_autoptr(JsonNode) node = NULL;

    api (f, "GET", "/api/v1/act/remote-action", NULL, &reply);
    g_assert_cmpuint (reply.status, ==, 200);
    g_assert_cmpuint (g_bytes_get_size (reply.body), <, normal_size);
    text = g_strndup (g_bytes_get_data (reply.body, NULL), g_bytes_get_size (reply.body));
    node = json_from_string (text, &error);
    g_assert_null (node);
    g_clear_error (&error);
  }

  ra_simulator_set_body_fault (f->sim, RA_SIM_BODY_WRONG_TYPE, 2);
  {
    g_auto(Reply) reply = { 0, };
    g_auto(Reply) execute = { 0, };
    g_autoptr(JsonNode) node = NULL;
    g_autoptr(JsonNode) answer = NULL;
    JsonNode *name;

    api (f, "GET", "/api/v1/act/remote-action", NULL, &reply);
    node = parse (&reply);
    name = json_object_get_member (json_array_get_object_element (json_node_get_array (node), 0), "name");
    g_assert_cmpint (json_node_get_value_type (name), ==, G_TYPE_INT64);

    api (f, "POST", "/api/v1/act/execute",
         "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"]}", &execute);
    answer = parse (&execute);
    g_assert_cmpint (json_node_get_value_type (json_object_get_member (json_node_get_object (answer), "requestId")),
                     ==, G_TYPE_INT64);
  }

  ra_simulator_set_oversized_bytes (f->sim, 1024 * 1024);
  ra_simulator_set_body_fault (f->sim, RA_SIM_BODY_OVERSIZED, 1);
  {
    g_auto(Reply) reply = { 0, };

    api (f, "GET", "/api/v1/act/remote-action/details?nql-id=%23clear_dns_cache", NULL, &reply);
    g_assert_cmpuint (reply.status, ==, 200);
    g_assert_cmpuint (g_bytes_get_size (reply.body), >=, 1024 * 1024 - 64);
  }

  /* Errors keep their bodies, and faults are used up. */
  ra_simulator_set_body_fault (f->sim, RA_SIM_BODY_MALFORMED, 1);
  {
    g_auto(Reply) missing = { 0, };
    g_auto(Reply) after = { 0, };
    JsonArray *actions;

    api (f, "GET", "/api/v1/act/remote-action/details?nql-id=%23nope", NULL, &missing);
    assert_error_body (&missing, 404, NULL);
    api (f, "GET", "/api/v1/act/remote-action", NULL, &after);
    g_assert_null (json_from_string (g_bytes_get_data (after.body, NULL), NULL));
    actions = list (f, "/api/v1/act/remote-action", &normal_root);
    g_assert_cmpuint (json_array_get_length (actions), >=, 25);
  }
}

static void
test_fault_drop (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Reply) reply = { 0, };
  g_autoptr(GPtrArray) requests = NULL;
  RaSimRequest *last;

  ra_simulator_clear_requests (f->sim);
  ra_simulator_drop_next (f->sim, 1);
  api (f, "POST", "/api/v1/act/execute",
       "{\"remoteActionId\":\"#clear_dns_cache\",\"devices\":[\"" DEVICE_A "\"]}", &reply);
  g_assert_nonnull (reply.error);
  g_test_message ("dropped execute: %s", reply.error->message);

  /* Whatever the client library did, the log tells how often the server
   * saw the POST, and the execution was acted on. */
  requests = ra_simulator_get_requests (f->sim);
  g_assert_cmpuint (requests->len, >=, 1);
  last = g_ptr_array_index (requests, 0);
  g_assert_cmpuint (last->status, ==, 0);
  g_test_message ("the server saw the dropped POST %u time(s)",
                  ra_simulator_count_requests (f->sim, "POST", "/api/v1/act/execute"));

  {
    g_autoptr(JsonNode) rows = nql (f, "{\"queryId\":\"#remote_action_executions\"}", 200);

    g_assert_cmpint (json_object_get_int_member (json_node_get_object (rows), "rows"), >=, 1);
  }

  {
    g_auto(Reply) after = { 0, };

    api (f, "GET", "/api/v1/act/remote-action", NULL, &after);
    g_assert_cmpuint (after.status, ==, 200);
  }
}

/* Log */

static void
assert_clean (const char *text,
              GStrv       secrets)
{
  if (text == NULL)
    return;

  for (guint i = 0; secrets[i] != NULL; i++)
    if (strstr (text, secrets[i]) != NULL)
      g_error ("a secret leaked into the request log: %s", text);
}

static void
test_log_redaction (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) requests = NULL;
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) secrets = NULL;
  g_auto(Reply) a = { 0, };
  g_auto(Reply) b = { 0, };
  g_auto(Reply) c = { 0, };
  g_auto(Reply) d = { 0, };
  g_autofree char *in_body = NULL;
  g_autofree char *in_query = NULL;
  guint basic = 0, bearer_seen = 0;

  ra_simulator_clear_requests (f->sim);
  g_assert_cmpuint (ra_simulator_count_requests (f->sim, NULL, NULL), ==, 0);

  oauth (f, BASIC_GOOD, "application/x-www-form-urlencoded",
         "grant_type=client_credentials&scope=service%3Aintegration&client_secret=demo-secret", &a);
  api (f, "GET", "/api/v1/act/remote-action", NULL, &b);
  /* Even a client that wrongly puts its token in a body or a query. */
  in_body = g_strdup_printf ("{\"remoteActionId\":\"%s\",\"devices\":[\"" DEVICE_A "\"]}", f->token);
  api (f, "POST", "/api/v1/act/execute", in_body, &c);
  in_query = g_strdup_printf ("/api/v1/act/remote-action/details?nql-id=%s", f->token);
  api (f, "GET", in_query, NULL, &d);

  tokens = ra_simulator_dup_issued_tokens (f->sim);
  g_assert_cmpuint (g_strv_length (tokens), ==, 2);
  g_assert_cmpstr (tokens[0], ==, f->token);

  g_strv_builder_addv (builder, (const char **) tokens);
  g_strv_builder_add (builder, "demo-secret");
  g_strv_builder_add (builder, "ZGVtby1jbGllbnQ6ZGVtby1zZWNyZXQ");
  secrets = g_strv_builder_end (builder);

  requests = ra_simulator_get_requests (f->sim);
  g_assert_cmpuint (requests->len, ==, 4);
  g_assert_cmpuint (ra_simulator_count_requests (f->sim, "GET", NULL), ==, 2);
  g_assert_cmpuint (ra_simulator_count_requests (f->sim, NULL, "/api/v1/act/remote-action/"), ==, 1);
  g_assert_cmpuint (ra_simulator_count_requests (f->sim, "POST", "/api/v1/act/execute"), ==, 1);

  for (guint i = 0; i < requests->len; i++)
    {
      RaSimRequest *request = g_ptr_array_index (requests, i);
      GHashTableIter iter;
      gpointer key, value;
      const char *auth = g_hash_table_lookup (request->headers, "authorization");

      assert_clean (request->path, secrets);
      assert_clean (request->query, secrets);
      assert_clean (request->body, secrets);
      g_hash_table_iter_init (&iter, request->headers);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          assert_clean (key, secrets);
          assert_clean (value, secrets);
        }

      basic += g_strcmp0 (auth, "Basic <redacted>") == 0;
      bearer_seen += g_strcmp0 (auth, "Bearer <redacted>") == 0;
    }

  g_assert_cmpuint (basic, ==, 1);
  g_assert_cmpuint (bearer_seen, ==, 3);
  g_assert_cmpstr (((RaSimRequest *) g_ptr_array_index (requests, 0))->method, ==, "POST");
  g_assert_cmpuint (((RaSimRequest *) g_ptr_array_index (requests, 1))->status, ==, 200);
  g_assert_cmpuint (((RaSimRequest *) g_ptr_array_index (requests, 2))->status, ==, 400);
  g_assert_nonnull (strstr (((RaSimRequest *) g_ptr_array_index (requests, 2))->body, "devices"));
  g_assert_cmpstr (((RaSimRequest *) g_ptr_array_index (requests, 1))->path, ==, "/api/v1/act/remote-action");

  ra_simulator_clear_requests (f->sim);
  g_assert_cmpuint (ra_simulator_count_requests (f->sim, NULL, NULL), ==, 0);
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

static guint
count_open_files (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* Clients that come and go must not leave connections open behind them. */
static void
test_closed_connections (Fixture       *f,
                         gconstpointer  data)
{
  guint before, after;

  if (!g_file_test ("/proc/self/fd", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("needs /proc/self/fd");
      return;
    }

  before = count_open_files ();
  for (guint i = 0; i < 30; i++)
    {
      g_auto(Reply) reply = { 0, };

      g_clear_object (&f->session);
      f->session = soup_session_new ();
      api (f, "GET", "/api/v1/act/remote-action/details?nql-id=%23clear_dns_cache", NULL, &reply);
      g_assert_cmpuint (reply.status, ==, 200);
    }
  after = count_open_files ();

  g_test_message ("open files: %u before, %u after 30 clients", before, after);
  g_assert_cmpuint (after, <=, before + 4);
}

/* Serving on the caller's main context, with the async API. */

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Reply *reply = user_data;

  reply->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &reply->error);
  reply->finished = TRUE;
}

static void
test_same_thread (void)
{
  g_autoptr(RaSimulator) sim = ra_simulator_new ();
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_auto(Reply) reply = { 0, };

  g_assert_true (ra_simulator_start (sim, 0, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (ra_simulator_get_base_url (sim), "http://127.0.0.1:"));

  ra_simulator_set_latency (sim, 50);
  uri = g_strconcat (ra_simulator_get_base_url (sim), "/api/v1/act/remote-action", NULL);
  msg = soup_message_new ("GET", uri);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, &reply);
  RA_TEST_WAIT_UNTIL_FOR (reply.finished, 5);
  g_assert_no_error (reply.error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 401);
  g_assert_cmpuint (ra_simulator_count_requests (sim, "GET", "/api/v1/act/remote-action"), ==, 1);

  /* A request held back by latency when the server stops is abandoned
   * cleanly. */
  ra_simulator_set_latency (sim, 10000);
  reply_clear (&reply);
  reply.finished = FALSE;
  g_clear_object (&msg);
  msg = soup_message_new ("GET", uri);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, &reply);
  ra_test_spin (100);
  ra_simulator_stop (sim);
  RA_TEST_WAIT_UNTIL_FOR (reply.finished, 5);
  g_assert_nonnull (reply.error);

  g_clear_object (&msg);
  g_clear_object (&session);
  g_assert_finalize_object (g_steal_pointer (&sim));
}

/* The program */

static void
test_executable (void)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *line = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint port = 0;
  char tail = 0;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error, SIMULATOR_PATH,
                              "--client-id", "cli-id", "--client-secret", "cli-secret",
                              "--token-lifetime", "120", "--actions", "40",
                              "--legacy-token", "on", NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "Listening on http://127.0.0.1:%u%c", &port, &tail), ==, 1);
  g_assert_cmpuint (port, >, 0);

  /* The login service's own port comes second, in the realistic default. */
  {
    g_autofree char *login_line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
    guint login_port = 0;

    g_assert_no_error (error);
    g_assert_nonnull (login_line);
    g_assert_cmpint (sscanf (login_line, "Login service on http://127.0.0.1:%u%c",
                             &login_port, &tail), ==, 1);
    g_assert_cmpuint (login_port, >, 0);
    g_assert_cmpuint (login_port, !=, port);
  }

  uri = g_strdup_printf ("http://127.0.0.1:%u/api/v1/token", port);
  msg = soup_message_new ("POST", uri);
  /* cli-id:cli-secret */
  soup_message_headers_replace (soup_message_get_request_headers (msg),
                                "Authorization", "Basic Y2xpLWlkOmNsaS1zZWNyZXQ=");
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  node = json_from_string (g_bytes_get_data (body, NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "expires_in"), ==, 120);

  {
    g_autofree char *list_uri = g_strdup_printf ("http://127.0.0.1:%u/api/v1/act/remote-action", port);
    g_autofree char *auth = g_strdup_printf ("Bearer %s",
                                             json_object_get_string_member (json_node_get_object (node),
                                                                            "access_token"));
    g_autoptr(SoupMessage) list_msg = soup_message_new ("GET", list_uri);
    g_autoptr(GBytes) list_body = NULL;
    g_autoptr(JsonNode) list_node = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (list_msg), "Authorization", auth);
    list_body = soup_session_send_and_read (session, list_msg, NULL, &error);
    g_assert_no_error (error);
    list_node = json_from_string (g_bytes_get_data (list_body, NULL), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (list_node)), ==, 40);
  }

  g_subprocess_send_signal (process, SIGTERM);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  static const RaSimProfile tidy = RA_SIM_PROFILE_TIDY;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, setup, (func), teardown)
#define ADD_TIDY(path, func) \
  g_test_add ((path), Fixture, &tidy, setup, (func), teardown)

  ADD ("/simulator/token/legacy", test_token_legacy);
  ADD ("/simulator/token/login-host", test_token_login_host);
  ADD ("/simulator/token/oauth", test_token_oauth);
  ADD ("/simulator/token/expiry", test_token_expiry);
  ADD ("/simulator/auth/bearer-required", test_bearer_required);
  ADD ("/simulator/catalogue/list-filters", test_list_filters);
  ADD_TIDY ("/simulator/catalogue/schema", test_catalogue_schema);
  ADD ("/simulator/catalogue/realistic", test_catalogue_realistic);
  ADD ("/simulator/catalogue/details", test_details);
  ADD ("/simulator/catalogue/generated", test_generated);
  ADD ("/simulator/catalogue/add-action", test_add_action);
  ADD ("/simulator/execute/ok", test_execute_ok);
  ADD ("/simulator/execute/invalid", test_execute_invalid);
  ADD ("/simulator/execute/forbidden", test_execute_forbidden);
  ADD ("/simulator/nql", test_nql);
  ADD ("/simulator/fault/fail-next", test_fault_fail_next);
  ADD ("/simulator/fault/latency", test_fault_latency);
  ADD ("/simulator/fault/body", test_fault_body);
  ADD ("/simulator/fault/drop", test_fault_drop);
  ADD ("/simulator/log/redaction", test_log_redaction);
  ADD ("/simulator/connections/closed", test_closed_connections);
  g_test_add_func ("/simulator/same-thread", test_same_thread);
  g_test_add_func ("/simulator/executable", test_executable);

  return g_test_run ();
}
