/* test-sim-export.c — the simulator: the NQL export API and its results files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-simulator"

#include "config.h"

#include <string.h>

#include "ra-sim-test.h"

#define EXPORT_PATH  "/api/v1/nql/export"
#define STATUS_PATH  "/api/v1/nql/status/"
#define MANY_QUERY   "#many_devices"
#define N_MANY       2500

/* The simulator's wall clock, which these tests move. */
static gint64 now_usec;

static gint64
clock_cb (gpointer user_data)
{
  return now_usec;
}

static void
advance (gint64 seconds)
{
  now_usec += seconds * G_USEC_PER_SEC;
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) rows = NULL;

  fixture_set_up (f, data);

  now_usec = G_GINT64_CONSTANT (1767225600) * G_USEC_PER_SEC;
  ra_simulator_set_clock_func (f->sim, clock_cb, NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < N_MANY; i++)
    {
      g_autofree char *name = g_strdup_printf ("DESKTOP-%05u", i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "device.name");
      /* A comma, a quote and a line break, which CSV must quote. */
      json_builder_add_string_value (builder, i == 7 ? "Desk, \"seven\"\nfloor 2" : name);
      json_builder_set_member_name (builder, "remote_action.execution.status");
      json_builder_add_string_value (builder, "success");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  rows = json_builder_get_root (builder);
  ra_simulator_add_nql_query (f->sim, MANY_QUERY, rows);
}

static char *
start_export (Fixture    *f,
              const char *body)
{
  g_auto(Reply) reply = { 0, };
  g_autoptr(JsonNode) root = NULL;
  const char *id;

  api (f, "POST", EXPORT_PATH, body, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  root = parse (&reply);
  id = json_object_get_string_member (json_node_get_object (root), "exportId");
  g_assert_nonnull (id);
  g_assert_cmpstr (id, !=, "");

  return g_strdup (id);
}

static JsonNode *
status (Fixture    *f,
        const char *export_id)
{
  g_auto(Reply) reply = { 0, };
  g_autofree char *path = g_strconcat (STATUS_PATH, export_id, NULL);

  api (f, "GET", path, NULL, &reply);
  g_assert_cmpuint (reply.status, ==, 200);
  return parse (&reply);
}

static const char *
status_text (JsonNode *node)
{
  return json_object_get_string_member (json_node_get_object (node), "status");
}

static void
download (Fixture    *f,
          const char *url,
          const char *authorization,
          Reply      *reply)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  g_assert_nonnull (msg);
  if (authorization != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg),
                                  "Authorization", authorization);
  reply->body = soup_session_send_and_read (f->session, msg, NULL, &reply->error);
  reply->status = soup_message_get_status (msg);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = start_export (f, "{\"queryId\":\"" MANY_QUERY "\"}");
  g_autoptr(JsonNode) submitted = status (f, id);
  g_autoptr(JsonNode) in_progress = NULL;
  g_autoptr(JsonNode) completed = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *stripped = NULL;
  g_auto(Reply) file = { 0, };
  g_auto(Reply) with_token = { 0, };
  g_auto(Reply) forged = { 0, };
  g_auto(Reply) on_api_host = { 0, };
  g_auto(Reply) expired = { 0, };
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  const char *url;

  /* The status moves on with the clock: the default export takes 3 s. */
  g_assert_cmpstr (status_text (submitted), ==, "SUBMITTED");
  /* Sparse, as a real instance answers. */
  g_assert_false (json_object_has_member (json_node_get_object (submitted), "resultsFileUrl"));
  advance (1);
  in_progress = status (f, id);
  g_assert_cmpstr (status_text (in_progress), ==, "IN_PROGRESS");
  advance (2);
  completed = status (f, id);
  g_assert_cmpstr (status_text (completed), ==, "COMPLETED");
  object = json_node_get_object (completed);
  g_assert_false (json_object_has_member (object, "errorDescription"));
  url = json_object_get_string_member (object, "resultsFileUrl");

  /* On a listener of its own: another host than the API's. */
  g_assert_nonnull (ra_simulator_get_files_base_url (f->sim));
  g_assert_cmpstr (ra_simulator_get_files_base_url (f->sim), !=, ra_simulator_get_base_url (f->sim));
  g_assert_true (g_str_has_prefix (url, ra_simulator_get_files_base_url (f->sim)));

  download (f, url, NULL, &file);
  g_assert_cmpuint (file.status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (file.headers, NULL), ==, "text/csv");
  text = g_strndup (g_bytes_get_data (file.body, NULL), g_bytes_get_size (file.body));
  /* Every row, where execute answers 1,000 at most; the quoted value
   * spans two lines. */
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + N_MANY + 1);
  g_assert_cmpstr (lines[0], ==, "device.name,remote_action.execution.status");
  g_assert_cmpstr (lines[1], ==, "DESKTOP-00000,success");
  g_assert_cmpstr (lines[8], ==, "\"Desk, \"\"seven\"\"\nfloor 2\",success");
  g_assert_cmpstr (lines[N_MANY + 1], ==, "");

  /* S3 refuses a request that brings credentials of its own besides the
   * URL's signature. */
  download (f, url, "Bearer whatever", &with_token);
  g_assert_cmpuint (with_token.status, ==, 400);

  /* The signature is checked. */
  wrong = g_strdup (url);
  wrong[strlen (wrong) - 1] = wrong[strlen (wrong) - 1] == '0' ? '1' : '0';
  download (f, wrong, NULL, &forged);
  g_assert_cmpuint (forged.status, ==, 403);

  /* The API host does not serve the files. */
  stripped = g_strconcat (ra_simulator_get_base_url (f->sim),
                          url + strlen (ra_simulator_get_files_base_url (f->sim)), NULL);
  download (f, stripped, NULL, &on_api_host);
  g_assert_cmpuint (on_api_host.status, ==, 404);

  /* The link is valid for 15 minutes. */
  advance (15 * 60 + 1);
  download (f, url, NULL, &expired);
  g_assert_cmpuint (expired.status, ==, 403);
}

static void
test_export_error (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) failed = NULL;
  JsonObject *object;

  ra_simulator_set_export_error (f->sim, "The query timed out.");
  id = start_export (f, "{\"queryId\":\"" MANY_QUERY "\"}");
  advance (3);
  failed = status (f, id);
  object = json_node_get_object (failed);
  g_assert_cmpstr (status_text (failed), ==, "ERROR");
  g_assert_cmpstr (json_object_get_string_member (object, "errorDescription"), ==,
                   "The query timed out.");
  g_assert_false (json_object_has_member (object, "resultsFileUrl"));
}

static void
test_export_at_once (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) done = NULL;
  JsonObject *object;

  ra_simulator_set_export_seconds (f->sim, 0);
  ra_simulator_set_export_url_base (f->sim, "https://files.example.com");
  id = start_export (f, "{\"queryId\":\"#demo_devices\",\"parameters\":{}}");
  done = status (f, id);
  object = json_node_get_object (done);
  g_assert_cmpstr (status_text (done), ==, "COMPLETED");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "resultsFileUrl"),
                                   "https://files.example.com/exports/"));
  /* The tidy profile writes every member. */
  g_assert_true (json_object_has_member (object, "errorDescription") ==
                 (ra_simulator_get_profile (f->sim) == RA_SIM_PROFILE_TIDY));
}

static void
test_export_row_limit (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) done = NULL;
  g_auto(Reply) reply = { 0, };
  g_auto(Reply) file = { 0, };
  g_auto(GStrv) lines = NULL;

  /* A licence that allows 100 rows: the file is cut, and the status
   * says so with 206 Partial Content. */
  ra_simulator_set_export_seconds (f->sim, 0);
  ra_simulator_set_export_row_limit (f->sim, 100);
  id = start_export (f, "{\"queryId\":\"" MANY_QUERY "\"}");
  path = g_strconcat (STATUS_PATH, id, NULL);
  api (f, "GET", path, NULL, &reply);
  g_assert_cmpuint (reply.status, ==, 206);
  done = parse (&reply);
  g_assert_cmpstr (status_text (done), ==, "COMPLETED");

  download (f, json_object_get_string_member (json_node_get_object (done), "resultsFileUrl"),
            NULL, &file);
  g_assert_cmpuint (file.status, ==, 200);
  text = g_strndup (g_bytes_get_data (file.body, NULL), g_bytes_get_size (file.body));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 100 + 1);
}

static void
test_export_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Reply) unknown_query = { 0, };
  g_auto(Reply) bad_body = { 0, };
  g_auto(Reply) unknown_export = { 0, };
  g_auto(Reply) no_token = { 0, };
  g_auto(Reply) denied = { 0, };
  g_auto(Reply) get = { 0, };

  api (f, "POST", EXPORT_PATH, "{\"queryId\":\"#no_such_query\"}", &unknown_query);
  g_assert_cmpuint (unknown_query.status, ==, 404);

  api (f, "POST", EXPORT_PATH, "{\"queryId\":\"no hash\"}", &bad_body);
  g_assert_cmpuint (bad_body.status, ==, 400);

  api (f, "GET", STATUS_PATH "00000000-0000-4000-8000-000000000000", NULL, &unknown_export);
  g_assert_cmpuint (unknown_export.status, ==, 404);

  send_json (f, "POST", EXPORT_PATH, NULL, "{\"queryId\":\"" MANY_QUERY "\"}", &no_token);
  g_assert_cmpuint (no_token.status, ==, 401);

  api (f, "GET", EXPORT_PATH, NULL, &get);
  g_assert_cmpuint (get.status, ==, 405);

  ra_simulator_set_nql_permission (f->sim, FALSE);
  api (f, "POST", EXPORT_PATH, "{\"queryId\":\"" MANY_QUERY "\"}", &denied);
  g_assert_cmpuint (denied.status, ==, 403);
}

int
main (int   argc,
      char *argv[])
{
  static const RaSimProfile tidy = RA_SIM_PROFILE_TIDY;

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/simulator/export/flow", Fixture, NULL, set_up, test_export, fixture_tear_down);
  g_test_add ("/simulator/export/error", Fixture, NULL, set_up, test_export_error,
              fixture_tear_down);
  g_test_add ("/simulator/export/at-once", Fixture, NULL, set_up, test_export_at_once,
              fixture_tear_down);
  g_test_add ("/simulator/export/at-once-tidy", Fixture, &tidy, set_up, test_export_at_once,
              fixture_tear_down);
  g_test_add ("/simulator/export/row-limit", Fixture, NULL, set_up, test_export_row_limit,
              fixture_tear_down);
  g_test_add ("/simulator/export/refused", Fixture, NULL, set_up, test_export_refused,
              fixture_tear_down);

  return g_test_run ();
}
