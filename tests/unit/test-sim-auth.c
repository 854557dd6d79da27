/* test-sim-auth.c — the simulator: the token endpoints and the bearer check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-simulator"

#include "config.h"

#include <string.h>

#include "ra-sim-test.h"

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
  send_json (f, "POST", "/api/v1/token", BASIC_GOOD, NULL, &retired);
  g_assert_cmpuint (retired.status, ==, 404);

  ra_simulator_set_legacy_token (f->sim, RA_SIM_LEGACY_TOKEN_ON);
  send_json (f, "POST", "/api/v1/token", BASIC_GOOD, NULL, &good);
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
  send_json (f, "POST", "/api/v1/token", "Basic ZGVtby1jbGllbnQ6d3Jvbmc=", NULL, &bad);
  g_assert_cmpuint (bad.status, ==, 401);
  g_assert_true (body_is_empty (&bad));

  send_json (f, "POST", "/api/v1/token", NULL, NULL, &none);
  g_assert_cmpuint (none.status, ==, 401);
  g_assert_true (body_is_empty (&none));

  send_json (f, "GET", "/api/v1/token", BASIC_GOOD, NULL, &get);
  g_assert_cmpuint (get.status, ==, 405);
  g_assert_cmpstr (soup_message_headers_get_one (get.headers, "Allow"), ==, "POST");

  ra_simulator_set_legacy_token_enabled (f->sim, FALSE);
  send_json (f, "POST", "/api/v1/token", BASIC_GOOD, NULL, &disabled);
  g_assert_cmpuint (disabled.status, ==, 404);

  /* Switched to refusing everyone: even good credentials get 401. */
  ra_simulator_set_legacy_token (f->sim, RA_SIM_LEGACY_TOKEN_UNAUTHORIZED);
  send_json (f, "POST", "/api/v1/token", BASIC_GOOD, NULL, &unauthorized);
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
  send_json (f, "GET", "/api/v1/act/remote-action", auth, NULL, &api_reply);
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

  send_json (f, "GET", "/oauth2/default/v1/token", BASIC_GOOD, NULL, &get);
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

        send_json (f, endpoints[e].method, endpoints[e].path, auths[a], endpoints[e].body, &reply);
        g_assert_cmpuint (reply.status, ==, 401);
        g_assert_true (body_is_empty (&reply));
      }

  g_assert_cmpuint (ra_simulator_count_requests (f->sim, "POST", "/api/v1/act/execute"),
                    ==, G_N_ELEMENTS (auths));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  RA_TEST_ADD ("/simulator/token/legacy", test_token_legacy);
  RA_TEST_ADD ("/simulator/token/login-host", test_token_login_host);
  RA_TEST_ADD ("/simulator/token/oauth", test_token_oauth);
  RA_TEST_ADD ("/simulator/token/expiry", test_token_expiry);
  RA_TEST_ADD ("/simulator/auth/bearer-required", test_bearer_required);

  return g_test_run ();
}
