/* test-client-hostile.c — hostile answers over loopback: no crash, bounded cost
 *
 * A plain SoupServer plays the instance here, not the simulator: it sends
 * exactly the bytes each test gives it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-client-hostile"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "ra-client-test.h"
#include "ra-http-private.h"
#include "ra-json-private.h"

#define GOOD_TOKEN "{\"access_token\": \"t0k3n\", \"token_type\": \"Bearer\", \"expires_in\": 900}"
#define ACTION_ID  "#hostile"
#define QUERY_ID   "#hostile_query"

typedef struct
{
  guint   status;
  GBytes *body;
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

  if (route == NULL)
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }

  data = g_bytes_get_data (route->body, &size);
  soup_server_message_set_status (message, route->status, NULL);
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

static GError *
call_execute (RaClient *client)
{
  g_autoptr(RaExecutionRequest) request = new_request (ACTION_ID, 1);
  g_autoptr(RaExecutionResult) result = NULL;
  GError *error = NULL;

  result = execute (client, request, &error);
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
  };
  /* ...and nothing outside it does, whatever json-glib would make of it. */
  static const char * const refused[] = {
    "/* */ {}", "// x\n{}", "# x\n{}", "['a']", "[\"\\q\"]", "[\"\\u12\"]", "[\"a\nb\"]",
    "[\"a\x01\"]", "[0x10]", "[01]", "[1.]", "[.5]", "[+1]", "[1e]", "[NaN]", "[tru]",
    "[truex]", "[nul]", "{a: 1}", "[\"a", "[1]\x00", "[\xc2\xa0]", "\xef\xbb[]",
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
      gboolean too_deep = TRUE;

      g_test_message ("%s", refused[i]);
      g_assert_false (_ra_json_is_safe_to_parse (refused[i], length, &too_deep));
      g_assert_false (too_deep);
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

#undef ADD

  return g_test_run ();
}
