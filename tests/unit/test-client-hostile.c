/* test-client-hostile.c — hostile answers over loopback: no crash, bounded cost
 *
 * A plain SoupServer plays the instance here, not the simulator: it sends
 * exactly the bytes each test gives it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-client-hostile"

#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <libsoup/soup.h>

#include "ra-client-test.h"
#include "ra-catalogue-reader-private.h"
#include "ra-http-private.h"
#include "ra-json-private.h"

#define GOOD_TOKEN "{\"access_token\": \"t0k3n\", \"token_type\": \"Bearer\", \"expires_in\": 900}"
#define ACTION_ID  "#hostile"
#define QUERY_ID   "#hostile_query"

typedef struct
{
  guint    status;
  GBytes  *body;
  gboolean gzip;    /* body is gzip-compressed, and said to be */
} Route;

static void
route_free (Route *route)
{
  g_bytes_unref (route->body);
  g_free (route);
}

typedef struct
{
  SoupServer *server;
  GHashTable *routes;   /* path → Route */
  guint       n_api_requests;
  RaEndpoint *endpoint;
  RaClient   *client;
} Hostile;

static void
serve_cb (SoupServer        *server,
          SoupServerMessage *message,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Hostile *h = user_data;
  Route *route = g_hash_table_lookup (h->routes, path);
  gsize size;
  const char *data;

  if (!g_str_equal (path, LEGACY_TOKEN_PATH))
    h->n_api_requests++;

  if (route == NULL)
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }

  data = g_bytes_get_data (route->body, &size);
  soup_server_message_set_status (message, route->status, NULL);
  if (route->gzip)
    soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                  "Content-Encoding", "gzip");
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                    data, size);
}

static void
hostile_route (Hostile    *h,
               const char *path,
               guint       status,
               const char *body,
               gssize      length)
{
  Route *route = g_new0 (Route, 1);

  route->status = status;
  route->body = g_bytes_new (body, length < 0 ? strlen (body) : (gsize) length);
  g_hash_table_replace (h->routes, g_strdup (path), route);
}

static void
hostile_set_up (Hostile       *h,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GSList *uris;

  h->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) route_free);
  h->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (h->server, NULL, serve_cb, h, NULL);
  g_assert_true (soup_server_listen_local (h->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (h->server);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  h->endpoint = ra_endpoint_new ("demo", "eu", url, &error);
  g_assert_no_error (error);
  h->client = ra_client_new (h->endpoint, "id", "secret", RA_TOKEN_ENDPOINT_LEGACY);
  ra_client_set_retry_policy (h->client, 0, 0);

  hostile_route (h, LEGACY_TOKEN_PATH, 200, GOOD_TOKEN, -1);
}

static void
hostile_tear_down (Hostile       *h,
                   gconstpointer  user_data)
{
  ra_test_assert_finalize_soon (g_steal_pointer (&h->client), 1000);
  g_clear_object (&h->endpoint);
  soup_server_disconnect (h->server);
  g_clear_object (&h->server);
  g_clear_pointer (&h->routes, g_hash_table_unref);
}

static void
assert_sentence (const GError *error,
                 int           code)
{
  g_assert_error (error, RA_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_assert_null (strstr (error->message, "t0k3n"));
}

/* Each API call once; returns the error (NULL on success). */
static GError *
call_list (RaClient *client)
{
  g_autoptr(GListModel) actions = NULL;
  GError *error = NULL;

  actions = list_actions (client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  return error;
}

static GError *
call_details (RaClient *client)
{
  g_autoptr(RaRemoteAction) action = NULL;
  GError *error = NULL;

  action = get_action (client, ACTION_ID, &error);
  return error;
}

/* What the last call_execute () said of its run. */
static RaExecutionOutcome last_execute_outcome;

static GError *
call_execute (RaClient *client)
{
  g_autoptr(RaExecutionRequest) request = new_request (ACTION_ID, 1);
  g_autoptr(RaExecutionResult) execution = NULL;
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;

  ra_client_execute_async (client, request, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  execution = ra_client_execute_finish (client, result, &error);
  last_execute_outcome = ra_client_execute_get_outcome (client, result);
  return error;
}

static GError *
call_nql (RaClient *client)
{
  g_autoptr(RaNqlResult) result = NULL;
  GError *error = NULL;

  result = nql_execute (client, QUERY_ID, NULL, &error);
  return error;
}

typedef GError *(*CallFunc) (RaClient *client);

static const struct {
  const char *path;
  CallFunc    call;
} calls[] = {
  { LIST_PATH, call_list },
  { DETAILS_PATH, call_details },
  { EXECUTE_PATH, call_execute },
  { NQL_PATH, call_nql },
};

/* The nesting guard */

/* Lexical extensions of json-glib 1.6 that hid brackets (or a quote) from
 * the guard when it counted brackets by JSON's rules. Each prefix is
 * followed by 100,000 "[": json-glib's recursive parser used to overflow
 * the stack on them. */
static const char * const bypass_prefixes[] = {
  "/*\"*/",          /* a C comment holding a quote */
  "/\"*/",           /* a lone slash opens a comment too */
  "//\"\n",          /* so does a double slash */
  "['\"',",          /* a single-quoted string holding a quote */
  "[\"\\'\",'\\',",  /* an unknown escape, then a single-quoted backslash */
  "[\"\\q\"",        /* an escape JSON does not have */
  "[0x1",            /* a hex number */
};

static char *
bypass_body (const char *prefix,
             gsize      *length)
{
  GString *body = g_string_new (prefix);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (body, '[');
  *length = body->len;
  return g_string_free (body, FALSE);
}

static void
test_guard_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bypass_prefixes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *body = NULL;
      gsize length;

      body = bypass_body (bypass_prefixes[i], &length);
      node = ra_json_parse (body, length, &error);
      g_assert_null (node);
      assert_sentence (error, RA_ERROR_MALFORMED_RESPONSE);

      bytes = g_bytes_new (body, length);
      g_assert_null (ra_http_dup_server_message (bytes));
    }
}

static void
test_guard_strict (void)
{
  /* Strict JSON of every kind of token still goes through... */
  static const char * const accepted[] = {
    "{\"a\": [1, -0.5, 2e10, 3E-2, 4.0e+1, true, false, null, \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"]}",
    " \t\r\n[\"[[[[\", \"/*\", \"'\"]",
    "\"\xc3\xa9t\xc3\xa9\"",
    "0",
    "\xef\xbb\xbf[1]",   /* a byte-order mark, which json-glib skips */
    " [ [ ] , { \"a\" : [ ] } ] \n",
    "[\"\\ud83d\\ude00\", \"\\uffff\"]",   /* a surrogate pair, the last unit */
  };
  /* ...and nothing outside it does, whatever json-glib would make of it. */
  static const char * const refused[] = {
    "/* */ {}", "// x\n{}", "# x\n{}", "['a']", "[\"\\q\"]", "[\"\\u12\"]", "[\"a\nb\"]",
    "[\"a\x01\"]", "[0x10]", "[01]", "[1.]", "[.5]", "[+1]", "[1e]", "[NaN]", "[tru]",
    "[truex]", "[nul]", "{a: 1}", "[\"a", "[1]\x00", "[\xc2\xa0]", "\xef\xbb[]",
    /* One top-level value only, and no closer without its opener:
     * json-glib leaks what it has built on the values after the first. */
    "9[]:", "[] []", "{}{}", "1 2", "\"a\" \"b\"", "[1],", ":[1]", ",", "]", "[]]", "{}}",
    "[[1]]]",
    /* Surrogates out of order or alone, on which json-glib leaks. */
    "[\"\\udc00\\ud800\"]", "[\"\\ud800\"]", "[\"\\ud800x\"]", "[\"\\ud800\\u0041\"]",
    "[\"\\udfff\"]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = ra_json_parse (accepted[i], -1, &error);

      g_assert_no_error (error);
      g_assert_nonnull (node);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      gsize length = strlen (refused[i]) + (g_str_equal (refused[i], "[1]") ? 1 : 0);
      RaJsonCost cost = RA_JSON_COST_TOO_DEEP;

      g_test_message ("%s", refused[i]);
      g_assert_false (_ra_json_is_safe_to_parse (refused[i], length, G_MAXSIZE, &cost));
      g_assert_cmpint (cost, ==, RA_JSON_COST_OK);
    }
}

/* Every answer of every call, and every error body, through the client. */
static void
test_guard_calls (Hostile       *h,
                  gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bypass_prefixes); i++)
    {
      g_autofree char *body = NULL;
      gsize length;

      body = bypass_body (bypass_prefixes[i], &length);

      for (guint j = 0; j < G_N_ELEMENTS (calls); j++)
        {
          static const guint statuses[] = { 200, 400, 403, 404, 500 };

          for (guint k = 0; k < G_N_ELEMENTS (statuses); k++)
            {
              g_autoptr(GError) error = NULL;

              hostile_route (h, calls[j].path, statuses[k], body, length);
              error = calls[j].call (h->client);
              g_assert_nonnull (error);
              assert_sentence (error, error->code);
              if (statuses[k] == 200)
                g_assert_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE);
              g_hash_table_remove (h->routes, calls[j].path);
            }
        }

      /* The token's answer and its error bodies too. */
      {
        static const guint statuses[] = { 200, 400, 401, 500 };

        for (guint k = 0; k < G_N_ELEMENTS (statuses); k++)
          {
            g_autoptr(GError) error = NULL;

            ra_client_sign_out (h->client);
            hostile_route (h, LEGACY_TOKEN_PATH, statuses[k], body, length);
            error = call_details (h->client);
            g_assert_nonnull (error);
            assert_sentence (error, error->code);
          }
        hostile_route (h, LEGACY_TOKEN_PATH, 200, GOOD_TOKEN, -1);
        ra_client_sign_out (h->client);
      }
    }
}

/* Bounded cost */

static GBytes *
gzip_bytes (const char *data,
            gsize       length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) stream = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (stream, data, length, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
hostile_route_gzip (Hostile *h,
                    const char *path,
                    guint       status,
                    GBytes     *compressed)
{
  Route *route = g_new0 (Route, 1);

  route->status = status;
  route->body = g_bytes_ref (compressed);
  route->gzip = TRUE;
  g_hash_table_replace (h->routes, g_strdup (path), route);
}

/* "[0,0,…]": the costliest body json-glib can be given, a tree node for
 * every two bytes. */
static char *
zeros_body (gsize  size,
            gsize *length)
{
  char *body;

  /* "[" and "]" around pairs of "0," and a last "0": an odd length. */
  size |= 1;
  body = g_malloc (size + 1);
  body[0] = '[';

  for (gsize i = 1; i + 2 < size; i += 2)
    {
      body[i] = '0';
      body[i + 1] = ',';
    }
  body[size - 2] = '0';
  body[size - 1] = ']';
  body[size] = '\0';
  *length = size;
  return body;
}

static gsize
read_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, field);
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen (field), NULL, 10);
}

/* The peak resident memory since the last reset, above what was resident
 * at the reset: Linux resets VmHWM on "5" in clear_refs. */
static gboolean
reset_peak (gsize *base_kib)
{
  FILE *file;
  gboolean done;

  /* Hand free heap back first, or a body may fit in what an earlier one
   * left behind and never show. */
  malloc_trim (0);
  file = fopen ("/proc/self/clear_refs", "w");
  if (file == NULL)
    return FALSE;
  done = fputs ("5", file) >= 0;
  done = fclose (file) == 0 && done;
  *base_kib = read_status_kib ("VmRSS:");
  return done && read_status_kib ("VmHWM:") <= *base_kib + 1024;
}

static gsize
peak_since (gsize base_kib)
{
  gsize hwm = read_status_kib ("VmHWM:");

  return hwm > base_kib ? (hwm - base_kib) * 1024 : 0;
}

static void
test_gzip_bomb (Hostile       *h,
                gconstpointer  user_data)
{
  g_autofree char *zeros = NULL;
  g_autoptr(GBytes) bomb = NULL;
  gsize length;

  /* 64 MiB of "[0,0,…]" in some 65 KB of gzip: libsoup inflates as it is
   * read, so the limit must count what comes out of the decoder. */
  zeros = zeros_body (64 * 1024 * 1024, &length);
  bomb = gzip_bytes (zeros, length);
  g_clear_pointer (&zeros, g_free);
  g_test_message ("gzip body: %zu bytes", g_bytes_get_size (bomb));
  g_assert_cmpuint (g_bytes_get_size (bomb), <, 100 * 1024);

  for (guint j = 0; j < G_N_ELEMENTS (calls); j++)
    {
      g_autoptr(GError) error = NULL;
      gsize limit = j == 0 ? RA_CLIENT_DEFAULT_MAX_BODY_SIZE : 1024 * 1024;
      gsize base = 0, peak;
      gboolean measured;

      hostile_route_gzip (h, calls[j].path, 200, bomb);
      measured = reset_peak (&base);
      error = calls[j].call (h->client);
      peak = peak_since (base);
      assert_sentence (error, RA_ERROR_RESPONSE_TOO_LARGE);
      g_test_message ("%s: %s; peak %zu KiB above the start, limit %zu KiB",
                      calls[j].path, error->message, peak / 1024, limit / 1024);
      if (measured)
        g_assert_cmpuint (peak, <, 10 * limit);
      g_hash_table_remove (h->routes, calls[j].path);
    }
}

static void
test_many_values (Hostile       *h,
                  gconstpointer  user_data)
{
  /* Under every size limit, but a tree of 60 times its size in json-glib. */
  g_autofree char *zeros = NULL;
  gsize length;

  zeros = zeros_body (1000 * 1000, &length);

  for (guint j = 0; j < G_N_ELEMENTS (calls); j++)
    {
      g_autoptr(GError) error = NULL;
      gsize base = 0, peak;
      gboolean measured;

      hostile_route (h, calls[j].path, 200, zeros, length);
      measured = reset_peak (&base);
      error = calls[j].call (h->client);
      peak = peak_since (base);
      g_test_message ("%s: %s; peak %zu KiB above the start", calls[j].path,
                      error != NULL ? error->message : "", peak / 1024);
      /* The catalogue takes more values (and skips the elements that are
       * not actions); nothing else takes that many. */
      if (j == 0)
        g_assert_no_error (error);
      else
        assert_sentence (error, RA_ERROR_RESPONSE_TOO_LARGE);
      if (measured)
        g_assert_cmpuint (peak, <, 10 * (j == 0 ? RA_CLIENT_DEFAULT_MAX_BODY_SIZE : 1024 * 1024));
    }

  /* The catalogue's own bound, on elements its reader cannot read (each
   * one kept as skipped) and on a body it leaves to the tree. */
  {
    g_autofree char *more = NULL;
    g_autoptr(GError) error = NULL;

    more = zeros_body (2 * RA_CATALOGUE_TREE_MAX_VALUES + 8, &length);
    hostile_route (h, LIST_PATH, 200, more, length);
    error = call_list (h->client);
    assert_sentence (error, RA_ERROR_RESPONSE_TOO_LARGE);
  }

  {
    g_autoptr(GString) objects = g_string_new ("[");
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < RA_CATALOGUE_TREE_MAX_VALUES; i++)
      g_string_append (objects, "{},");
    g_string_append (objects, "{}]");
    hostile_route (h, LIST_PATH, 200, objects->str, objects->len);
    error = call_list (h->client);
    assert_sentence (error, RA_ERROR_RESPONSE_TOO_LARGE);
  }
}

static void
test_large_error_body (Hostile       *h,
                       gconstpointer  user_data)
{
  /* An error body past its limit is dropped; the status still counts,
   * and for an execute a 5xx means the outcome is unknown. */
  g_autofree char *big = g_strnfill (3 * 1024 * 1024, ' ');
  g_autoptr(GError) error = NULL;

  hostile_route (h, EXECUTE_PATH, 500, big, -1);
  error = call_execute (h->client);
  assert_sentence (error, RA_ERROR_SERVER);
  g_clear_error (&error);

  hostile_route (h, DETAILS_PATH, 403, big, -1);
  error = call_details (h->client);
  assert_sentence (error, RA_ERROR_FORBIDDEN);
}

/* Tokens and token errors */

static void
test_token_control_characters (Hostile       *h,
                               gconstpointer  user_data)
{
  static const char * const tokens[] = {
    "{\"access_token\": \"abc\\r\\nX-Injected: 1\", \"expires_in\": 900}",
    "{\"access_token\": \"abc\\ndef\", \"expires_in\": 900}",
    "{\"access_token\": \"abc def\", \"expires_in\": 900}",
    "{\"access_token\": \"abc\\u007f\", \"expires_in\": 900}",
    "{\"access_token\": \"ab\\u00e9\", \"expires_in\": 900}",
  };

  hostile_route (h, DETAILS_PATH, 200, "{}", -1);

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autoptr(GError) error = NULL;

      ra_client_sign_out (h->client);
      h->n_api_requests = 0;
      hostile_route (h, LEGACY_TOKEN_PATH, 200, tokens[i], -1);
      error = call_details (h->client);
      assert_sentence (error, RA_ERROR_MALFORMED_RESPONSE);
      g_assert_nonnull (strstr (error->message, "access_token"));
      /* Nothing went out without (or with a broken) Authorization. */
      g_assert_cmpuint (h->n_api_requests, ==, 0);
    }
}

static void
test_token_error_member (Hostile       *h,
                         gconstpointer  user_data)
{
  static const char * const bodies[] = {
    "{\"error\": {\"code\": \"invalid_client\"}}",
    "{\"error\": [\"invalid_client\"]}",
    "{\"error\": 42, \"error_description\": {}}",
    "{\"error\": null}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GError) error = NULL;

      ra_client_sign_out (h->client);
      hostile_route (h, LEGACY_TOKEN_PATH, 400, bodies[i], -1);
      /* A critical would abort here: the tests run with fatal criticals. */
      error = call_details (h->client);
      assert_sentence (error, RA_ERROR_INVALID_REQUEST);
    }

  /* The documented rejection still reads as one. */
  {
    g_autoptr(GError) error = NULL;

    ra_client_sign_out (h->client);
    hostile_route (h, LEGACY_TOKEN_PATH, 400, "{\"error\": \"invalid_client\"}", -1);
    error = call_details (h->client);
    assert_sentence (error, RA_ERROR_UNAUTHORIZED);
  }
}

/* The overall deadline */

typedef struct
{
  GSocketService *service;
  guint16         port;
  gboolean        trickle_token;
  GMutex          lock;
  GCond           stopped;
  gboolean        stop;      /* under lock */
  int             trickles;  /* answers begun; atomic */
  GPtrArray      *threads;
  GPtrArray      *connections;  /* GSocketConnection*, under lock */
} Trickler;

/* Waits ms, or less if the trickler is stopped meanwhile; returns
 * whether it goes on. */
static gboolean
trickler_pause (Trickler *t,
                guint     ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;
  gboolean go_on;

  g_mutex_lock (&t->lock);
  while (!t->stop && g_cond_wait_until (&t->stopped, &t->lock, end))
    ;
  go_on = !t->stop;
  g_mutex_unlock (&t->lock);

  return go_on;
}

typedef struct
{
  Trickler          *t;
  GSocketConnection *connection;
} TrickleJob;

/* Reads one request: headers, then Content-Length bytes of body. */
static char *
read_request (GInputStream *in)
{
  GString *request = g_string_new (NULL);
  char c;
  gsize content_length = 0;
  const char *header;

  while (!g_str_has_suffix (request->str, "\r\n\r\n"))
    {
      if (g_input_stream_read (in, &c, 1, NULL, NULL) != 1)
        {
          g_string_free (request, TRUE);
          return NULL;
        }
      g_string_append_c (request, c);
    }

  header = strstr (request->str, "Content-Length:");
  if (header == NULL)
    header = strstr (request->str, "content-length:");
  if (header != NULL)
    content_length = g_ascii_strtoull (header + strlen ("Content-Length:"), NULL, 10);
  for (gsize i = 0; i < content_length; i++)
    if (g_input_stream_read (in, &c, 1, NULL, NULL) != 1)
      break;

  return g_string_free (request, FALSE);
}

/* One byte of a 100-byte body every 300 ms: never idle long enough for
 * libsoup's per-read timeout, never done either. */
static gpointer
trickle_thread (gpointer user_data)
{
  TrickleJob *job = user_data;
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (job->connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (job->connection));
  static const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                             "Content-Length: 100\r\n\r\n";
  static const char token[] = "{\"access_token\": \"t0k3n\", \"expires_in\": 900}";
  g_autofree char *token_answer = g_strdup_printf ("HTTP/1.1 200 OK\r\n"
                                                   "Content-Type: application/json\r\n"
                                                   "Content-Length: %zu\r\n\r\n%s",
                                                   strlen (token), token);

  for (;;)
    {
      g_autofree char *request = read_request (in);

      if (request == NULL)
        break;

      if (strstr (request, "/api/v1/token") != NULL && !job->t->trickle_token)
        {
          if (!g_output_stream_write_all (out, token_answer, strlen (token_answer),
                                          NULL, NULL, NULL))
            break;
          continue;
        }

      if (!g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL))
        break;
      g_atomic_int_inc (&job->t->trickles);
      for (guint i = 0; i < 100 && trickler_pause (job->t, 300); i++)
        {
          if (!g_output_stream_write_all (out, " ", 1, NULL, NULL, NULL) ||
              !g_output_stream_flush (out, NULL, NULL))
            break;
        }
      break;
    }

  g_io_stream_close (G_IO_STREAM (job->connection), NULL, NULL);
  g_object_unref (job->connection);
  g_free (job);
  return NULL;
}

static gboolean
trickle_incoming_cb (GSocketService    *service,
                     GSocketConnection *connection,
                     GObject           *source_object,
                     gpointer           user_data)
{
  Trickler *t = user_data;
  TrickleJob *job = g_new0 (TrickleJob, 1);

  job->t = t;
  job->connection = g_object_ref (connection);
  g_mutex_lock (&t->lock);
  g_ptr_array_add (t->connections, g_object_ref (connection));
  g_mutex_unlock (&t->lock);
  g_ptr_array_add (t->threads, g_thread_new ("trickle", trickle_thread, job));
  return TRUE;
}

static void
trickler_start (Trickler *t)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_init (&t->lock);
  g_cond_init (&t->stopped);
  t->threads = g_ptr_array_new ();
  t->connections = g_ptr_array_new_with_free_func (g_object_unref);
  t->service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (t->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  t->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (t->service, "incoming", G_CALLBACK (trickle_incoming_cb), t);
  g_socket_service_start (t->service);
}

static void
trickler_stop (Trickler *t)
{
  g_mutex_lock (&t->lock);
  t->stop = TRUE;
  g_cond_broadcast (&t->stopped);
  /* A client may keep a connection open that it never sends on (libsoup
   * opens one ahead when it may have more than one to a host), and
   * closes it only from the main loop, which the joins below hold up:
   * the server ends it, and the thread waiting on it for a request. */
  for (guint i = 0; i < t->connections->len; i++)
    g_socket_shutdown (g_socket_connection_get_socket (g_ptr_array_index (t->connections, i)),
                       TRUE, TRUE, NULL);
  g_mutex_unlock (&t->lock);
  g_socket_service_stop (t->service);
  g_socket_listener_close (G_SOCKET_LISTENER (t->service));
  for (guint i = 0; i < t->threads->len; i++)
    g_thread_join (g_ptr_array_index (t->threads, i));
  g_ptr_array_unref (t->threads);
  g_ptr_array_unref (t->connections);
  g_clear_object (&t->service);
  g_mutex_clear (&t->lock);
  g_cond_clear (&t->stopped);
}

/* Moves the client's clock once an answer has begun to trickle: a second,
 * then another, past the 1.5 s deadline. Real time only carries the
 * bytes. */
typedef struct
{
  Trickler *t;
  RaClock  *clock;
  int       seen;         /* trickles already acted on */
  guint     step;         /* 0: waiting for one; 1: a second on; 2: two */
  gint64    deadline_in;  /* from the start of the trickle, µs */
} Advancer;

static gboolean
advance_cb (gpointer user_data)
{
  Advancer *a = user_data;

  if (a->step == 0 && g_atomic_int_get (&a->t->trickles) > a->seen)
    {
      a->seen = g_atomic_int_get (&a->t->trickles);
      a->deadline_in = ra_clock_get_next_due_usec (a->clock) - ra_clock_get_monotonic_usec (a->clock);
      ra_clock_advance (a->clock, 1);
      a->step = 1;
    }
  else if (a->step == 1)
    {
      ra_clock_advance (a->clock, 1);
      a->step = 2;
    }

  return G_SOURCE_CONTINUE;
}

static void
test_deadline (void)
{
  for (guint round = 0; round < 2; round++)
    {
      Trickler t = { 0 };
      g_autofree char *url = NULL;
      g_autoptr(RaEndpoint) endpoint = NULL;
      g_autoptr(RaClient) client = NULL;
      g_autoptr(RaClock) clock = ra_clock_new_manual (0);
      g_autoptr(GError) error = NULL;
      Advancer advancer = { &t, clock, 0, 0, 0 };
      guint advance_id;

      t.trickle_token = round == 1;
      trickler_start (&t);
      url = g_strdup_printf ("http://127.0.0.1:%u", t.port);
      endpoint = ra_endpoint_new ("demo", "eu", url, &error);
      g_assert_no_error (error);
      client = ra_client_new (endpoint, "id", "secret", RA_TOKEN_ENDPOINT_LEGACY);
      ra_client_set_retry_policy (client, 0, 0);
      ra_client_set_deadline (client, 1500);
      ra_client_set_clock (client, clock);
      advance_id = g_timeout_add (10, advance_cb, &advancer);

      for (guint j = 0; j < G_N_ELEMENTS (calls); j++)
        {
          gint64 start = ra_clock_get_monotonic_usec (clock);
          gint64 elapsed_ms;

          g_clear_error (&error);
          ra_client_sign_out (client);
          advancer.step = 0;
          error = calls[j].call (client);
          elapsed_ms = (ra_clock_get_monotonic_usec (clock) - start) / 1000;
          assert_sentence (error, RA_ERROR_TIMED_OUT);
          g_test_message ("%s (token %s): %s after %" G_GINT64_FORMAT " ms of the clock",
                          calls[j].path, t.trickle_token ? "trickled" : "served",
                          error->message, elapsed_ms);
          /* Armed for 1.5 s when the exchange began, and it held until
           * the clock had passed them. */
          g_assert_cmpint (advancer.deadline_in, ==, 1500 * 1000);
          g_assert_cmpuint (advancer.step, ==, 2);
          g_assert_cmpint (elapsed_ms, >=, 1500);
          g_assert_cmpint (elapsed_ms, <, 5000);
          /* An execute that timed out may have run; nothing else may say so. */
          if (calls[j].call == call_execute && !t.trickle_token)
            g_assert_nonnull (strstr (error->message, "may have been triggered"));
          else
            g_assert_null (strstr (error->message, "may have been triggered"));
          /* The run's outcome says the same: unknown once the execute was
           * written, not sent when time ran out while getting a token. */
          if (calls[j].call == call_execute)
            g_assert_cmpint (last_execute_outcome, ==,
                             t.trickle_token ? RA_EXECUTION_OUTCOME_NOT_SENT
                                             : RA_EXECUTION_OUTCOME_UNKNOWN);
        }

      g_source_remove (advance_id);
      ra_test_assert_finalize_soon (g_steal_pointer (&client), 2000);
      trickler_stop (&t);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Hostile, NULL, hostile_set_up, func, hostile_tear_down)

  g_test_add_func ("/hostile/guard/parse", test_guard_parse);
  g_test_add_func ("/hostile/guard/strict", test_guard_strict);
  ADD ("/hostile/guard/calls", test_guard_calls);
  ADD ("/hostile/cost/gzip-bomb", test_gzip_bomb);
  ADD ("/hostile/cost/many-values", test_many_values);
  ADD ("/hostile/cost/large-error-body", test_large_error_body);
  ADD ("/hostile/token/control-characters", test_token_control_characters);
  ADD ("/hostile/token/error-member", test_token_error_member);
  g_test_add_func ("/hostile/deadline", test_deadline);

#undef ADD

  return g_test_run ();
}
