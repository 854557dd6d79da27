/* ra-sim-test.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-simulator"

#include "config.h"

#include <string.h>

#include "ra-sim-test.h"

void
reply_clear (Reply *reply)
{
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_clear_error (&reply->error);
}

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

void
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

void
send_json (Fixture    *f,
           const char *method,
           const char *path,
           const char *authorization,
           const char *body,
           Reply      *reply)
{
  send_full (f, method, path, authorization,
             body != NULL ? "application/json" : NULL, body, NULL, reply);
}

char *
bearer (Fixture *f)
{
  return g_strdup_printf ("Bearer %s", f->token);
}

void
api (Fixture    *f,
     const char *method,
     const char *path,
     const char *body,
     Reply      *reply)
{
  g_autofree char *auth = bearer (f);

  send_json (f, method, path, auth, body, reply);
}

JsonNode *
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

gboolean
body_is_empty (Reply *reply)
{
  return reply->body == NULL || g_bytes_get_size (reply->body) == 0;
}

gboolean
is_json (Reply *reply)
{
  return g_strcmp0 (soup_message_headers_get_content_type (reply->headers, NULL),
                    "application/json") == 0;
}

void
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

char *
fetch_token (Fixture *f)
{
  g_auto(Reply) reply = { 0, };
  g_autoptr(JsonNode) node = NULL;

  send_full (f, "POST", OAUTH_PATH, BASIC_GOOD, FORM_TYPE, OAUTH_FORM, NULL, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  node = parse (&reply);

  return g_strdup (json_object_get_string_member (json_node_get_object (node), "access_token"));
}

void
oauth (Fixture    *f,
       const char *authorization,
       const char *content_type,
       const char *form,
       Reply      *reply)
{
  send_full (f, "POST", "/oauth2/default/v1/token", authorization, content_type, form, NULL, reply);
}

JsonArray *
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

JsonNode *
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

void
fixture_set_up (Fixture       *f,
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

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);
  ra_simulator_stop (f->sim);
  g_assert_finalize_object (f->sim);
  g_free (f->token);
}
