/* test-sim-server.c — the simulator: the server itself: its request log, its connections, serving on the caller's main context, and the program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-simulator"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "ra-sim-test.h"

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
  g_test_init (&argc, &argv, NULL);

  RA_TEST_ADD ("/simulator/log/redaction", test_log_redaction);
  RA_TEST_ADD ("/simulator/connections/closed", test_closed_connections);
  g_test_add_func ("/simulator/same-thread", test_same_thread);
  g_test_add_func ("/simulator/executable", test_executable);

  return g_test_run ();
}
