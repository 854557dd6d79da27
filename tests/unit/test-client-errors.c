/* test-client-errors.c — every failure RaClient maps, over loopback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-client-errors"

#include "config.h"

#include "ra-catalogue.h"

#include <string.h>
#include <libsoup/soup.h>

#include "ra-client-test.h"

/* Error mapping */

static void
test_status_errors (Fixture       *fixture,
                    gconstpointer  user_data)
{
  struct {
    guint status;
    int   code;
  } cases[] = {
    { 400, RA_ERROR_INVALID_REQUEST },
    { 403, RA_ERROR_FORBIDDEN },
    { 404, RA_ERROR_NOT_FOUND },
    { 500, RA_ERROR_SERVER },
    { 502, RA_ERROR_SERVER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GListModel) actions = NULL;
      g_autoptr(GError) error = NULL;

      ra_simulator_clear_requests (fixture->sim);
      ra_simulator_fail_next (fixture->sim, 1, cases[i].status, 0);
      actions = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
      assert_error (fixture, error, RA_ERROR, cases[i].code);
      g_assert_null (actions);
      g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", LIST_PATH), ==, 1);
      g_test_message ("%u → %s", cases[i].status, error->message);
    }
}

static void
test_body_faults (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const RaSimBodyFault faults[] = {
    RA_SIM_BODY_MALFORMED, RA_SIM_BODY_TRUNCATED, RA_SIM_BODY_WRONG_TYPE,
  };
  g_autofree char *id = find_action_id (fixture, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(GListModel) actions = NULL;
      g_autoptr(RaRemoteAction) action = NULL;
      g_autoptr(GError) error = NULL;

      ra_simulator_set_body_fault (fixture->sim, faults[i], 1);
      actions = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
      if (faults[i] == RA_SIM_BODY_WRONG_TYPE)
        {
          RaCatalogue *catalogue;

          /* One action of the wrong shape is left out, and said to be;
           * the others are listed. */
          g_assert_no_error (error);
          g_assert_true (RA_IS_CATALOGUE (actions));
          catalogue = RA_CATALOGUE (actions);
          g_assert_cmpuint (g_list_model_get_n_items (actions), >, 0);
          g_assert_cmpuint (ra_catalogue_get_n_skipped (catalogue), ==, 1);
          g_assert_cmpuint (ra_catalogue_get_skipped_index (catalogue, 0), ==, 0);
          g_assert_nonnull (ra_catalogue_get_skipped_id (catalogue, 0));
          g_assert_cmpstr (ra_catalogue_get_skipped_path (catalogue, 0), ==, "[0].name");
          g_test_message ("list, fault %u → %s skipped: %s", faults[i],
                          ra_catalogue_get_skipped_id (catalogue, 0),
                          ra_catalogue_get_skipped_reason (catalogue, 0));
        }
      else
        {
          assert_error (fixture, error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE);
          g_assert_null (actions);
          g_test_message ("list, fault %u → %s", faults[i], error->message);
        }
      g_clear_error (&error);

      ra_simulator_set_body_fault (fixture->sim, faults[i], 1);
      action = get_action (fixture->client, id, &error);
      assert_error (fixture, error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE);
      g_assert_null (action);
      g_test_message ("details, fault %u → %s", faults[i], error->message);
    }
}

static void
test_oversized (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;

  ra_client_set_max_body_size (fixture->client, 1024 * 1024);
  ra_simulator_set_oversized_bytes (fixture->sim, 3 * 1024 * 1024);
  ra_simulator_set_body_fault (fixture->sim, RA_SIM_BODY_OVERSIZED, 1);

  actions = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_RESPONSE_TOO_LARGE);
  g_assert_null (actions);
  g_clear_error (&error);

  /* The client is still usable afterwards. */
  actions = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  g_assert_no_error (error);
}

static void
chunked_handler_cb (SoupServer        *server,
                    SoupServerMessage *message,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  static const char token[] = "{\"access_token\": \"t\", \"expires_in\": 900}";
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  SoupMessageBody *body = soup_server_message_get_response_body (message);
  g_autofree char *chunk = NULL;

  soup_server_message_set_status (message, 200, NULL);
  if (g_str_equal (path, LEGACY_TOKEN_PATH))
    {
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                        token, strlen (token));
      return;
    }

  /* No Content-Length to go by: only counting the bytes catches this. */
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "application/json", NULL);
  chunk = g_strnfill (64 * 1024, ' ');
  soup_message_body_append (body, SOUP_MEMORY_STATIC, "[", 1);
  for (guint i = 0; i < 16; i++)
    soup_message_body_append (body, SOUP_MEMORY_COPY, chunk, strlen (chunk));
  soup_message_body_append (body, SOUP_MEMORY_STATIC, "]", 1);
  soup_message_body_complete (body);
}

static void
test_oversized_chunked (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(RaClient) client = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GSList *uris;

  soup_server_add_handler (server, NULL, chunked_handler_cb, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  endpoint = ra_endpoint_new ("demo", "eu", url, &error);
  g_assert_no_error (error);
  client = ra_client_new (endpoint, "id", "secret", RA_TOKEN_ENDPOINT_LEGACY);

  ra_client_set_max_body_size (client, 256 * 1024);
  actions = list_actions (client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_RESPONSE_TOO_LARGE);
  g_assert_null (actions);
  g_clear_error (&error);

  /* Under the cap, the same body goes through to the parser. */
  ra_client_set_max_body_size (client, 2 * 1024 * 1024);
  actions = list_actions (client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 0);

  ra_test_assert_finalize_soon (g_steal_pointer (&client), 1000);
  soup_server_disconnect (server);
}

static void
test_dropped_get (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;

  ra_simulator_drop_next (fixture->sim, 3);
  actions = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_NETWORK);
  g_assert_null (actions);
}

static void
test_connection_refused (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;

  ra_simulator_stop (fixture->sim);
  actions = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_NETWORK);
  g_assert_null (actions);
}

static gboolean
plain_incoming_cb (GSocketService    *service,
                   GSocketConnection *connection,
                   GObject           *source_object,
                   gpointer           user_data)
{
  static const char answer[] = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
  GOutputStream *output = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  guint *n_connections = user_data;

  (*n_connections)++;
  g_output_stream_write_all (output, answer, strlen (answer), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
test_tls_plain_server (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(RaClient) client = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;
  guint n_connections = 0;

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("No TLS backend (glib-networking) installed");
      return;
    }

  /* https:// to a port that answers in plain HTTP. */
  g_socket_listener_add_address (G_SOCKET_LISTENER (service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (plain_incoming_cb), &n_connections);
  g_socket_service_start (service);

  url = g_strdup_printf ("https://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  endpoint = ra_endpoint_new ("demo", "eu", url, &error);
  g_assert_no_error (error);
  client = ra_client_new (endpoint, RA_SIM_DEFAULT_CLIENT_ID, RA_SIM_DEFAULT_CLIENT_SECRET,
                          RA_TOKEN_ENDPOINT_AUTO);

  actions = list_actions (client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_TLS);
  g_assert_cmpuint (n_connections, >=, 1);
  g_test_message ("%s", error->message);
  ra_test_assert_finalize_soon (g_steal_pointer (&client), 1000);
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
}

/* A throwaway self-signed certificate for 127.0.0.1, valid until 2126. */
static const char self_signed_pem[] =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIBjzCCATagAwIBAgIUUAnZfUYQCYxiVfZ37QBRCC5abwowCgYIKoZIzj0EAwIw\n"
  "FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyOTA5MzkwOFoYDzIxMjYxMTA1\n"
  "MDkzOTA4WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO\n"
  "PQMBBwNCAARKUvF0LG8Vf0Fdy2VPlHZ1vuXGbKL6yJZmJ/RrxBeTwO3KOut/2Zdp\n"
  "gsa6LiL0dI3s2HYakyVysxGKGw6bx/b2o2QwYjAdBgNVHQ4EFgQUQDXMNEiWIoNC\n"
  "RrQm10c7Ve5CI7UwHwYDVR0jBBgwFoAUQDXMNEiWIoNCRrQm10c7Ve5CI7UwDwYD\n"
  "VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0cAMEQC\n"
  "IEaA3mQWefph6GMlG62Yc0smMI5n8xomEwLPwug29OvrAiBDYT22L4ShtMvRMwkt\n"
  "yLS/Bl5HJX/o38KH/HNmWO6gfg==\n"
  "-----END CERTIFICATE-----\n"
  "-----BEGIN PRIVATE KEY-----\n"
  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgLHoGIapp8XMeRyMM\n"
  "uTRplrkq3upzz7xM4SR6j6CGIIahRANCAARKUvF0LG8Vf0Fdy2VPlHZ1vuXGbKL6\n"
  "yJZmJ/RrxBeTwO3KOut/2Zdpgsa6LiL0dI3s2HYakyVysxGKGw6bx/b2\n"
  "-----END PRIVATE KEY-----\n";

static void
count_request_cb (SoupServer        *server,
                  SoupServerMessage *message,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  guint *n_requests = user_data;

  (*n_requests)++;
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                    "{}", 2);
}

static void
test_tls_self_signed (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(RaClient) client = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GSList *uris;
  guint n_requests = 0;

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("No TLS backend (glib-networking) installed");
      return;
    }

  certificate = g_tls_certificate_new_from_pem (self_signed_pem, -1, &error);
  g_assert_no_error (error);
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, count_request_cb, &n_requests, NULL);
  g_assert_true (soup_server_listen_local (server, 0,
                                           SOUP_SERVER_LISTEN_HTTPS |
                                           SOUP_SERVER_LISTEN_IPV4_ONLY,
                                           &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("https://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  endpoint = ra_endpoint_new ("demo", "eu", url, &error);
  g_assert_no_error (error);
  client = ra_client_new (endpoint, RA_SIM_DEFAULT_CLIENT_ID, RA_SIM_DEFAULT_CLIENT_SECRET,
                          RA_TOKEN_ENDPOINT_AUTO);

  actions = list_actions (client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_TLS);
  g_test_message ("%s", error->message);
  /* The credentials never went out over the untrusted connection. */
  g_assert_cmpuint (n_requests, ==, 0);

  ra_test_assert_finalize_soon (g_steal_pointer (&client), 1000);
  soup_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  RA_TEST_ADD ("/client/status-errors", test_status_errors);
  RA_TEST_ADD ("/client/body-faults", test_body_faults);
  RA_TEST_ADD ("/client/oversized", test_oversized);
  RA_TEST_ADD ("/client/oversized-chunked", test_oversized_chunked);
  RA_TEST_ADD ("/client/dropped-get", test_dropped_get);
  RA_TEST_ADD ("/client/connection-refused", test_connection_refused);
  RA_TEST_ADD ("/client/tls-plain-server", test_tls_plain_server);
  RA_TEST_ADD ("/client/tls-self-signed", test_tls_self_signed);

  status = g_test_run ();

  ra_test_end_pool_workers ();

  return status;
}
