/* test-client-retry.c — Retry-After in both forms, and values no client
 * should obey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-client-retry"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "ra-http-private.h"

#include "ra-client-test.h"

/* 2026-12-02 15:00:00 UTC */
#define NOW_USEC (G_GINT64_CONSTANT (1796223600) * G_USEC_PER_SEC)

static char *
http_date (gint64 offset_seconds)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (NOW_USEC / G_USEC_PER_SEC +
                                                             offset_seconds);

  return soup_date_time_to_string (when, SOUP_DATE_HTTP);
}

static void
test_parse_seconds (void)
{
  guint seconds = 12345;

  g_assert_cmpint (ra_http_parse_retry_after (NULL, NOW_USEC, &seconds), ==,
                   RA_HTTP_RETRY_AFTER_NONE);
  g_assert_cmpuint (seconds, ==, 12345);

  g_assert_cmpint (ra_http_parse_retry_after ("7", NOW_USEC, &seconds), ==,
                   RA_HTTP_RETRY_AFTER_WAIT);
  g_assert_cmpuint (seconds, ==, 7);
  g_assert_cmpint (ra_http_parse_retry_after (" 0 ", NOW_USEC, &seconds), ==,
                   RA_HTTP_RETRY_AFTER_WAIT);
  g_assert_cmpuint (seconds, ==, 0);
  g_assert_cmpint (ra_http_parse_retry_after ("86399", NOW_USEC, &seconds), ==,
                   RA_HTTP_RETRY_AFTER_WAIT);
  g_assert_cmpuint (seconds, ==, 86399);
}

static void
test_parse_date (void)
{
  g_autofree char *later = http_date (90);
  g_autofree char *earlier = http_date (-90);
  g_autofree char *almost_a_day = http_date (86399);
  guint seconds = 12345;

  g_assert_cmpint (ra_http_parse_retry_after (later, NOW_USEC, &seconds), ==,
                   RA_HTTP_RETRY_AFTER_WAIT);
  g_assert_cmpuint (seconds, ==, 90);

  /* The obsolete forms RFC 9110 still asks recipients to read. */
  g_assert_cmpint (ra_http_parse_retry_after ("Wednesday, 02-Dec-26 15:02:00 GMT", NOW_USEC,
                                              &seconds), ==, RA_HTTP_RETRY_AFTER_WAIT);
  g_assert_cmpuint (seconds, ==, 120);
  g_assert_cmpint (ra_http_parse_retry_after ("Wed Dec  2 15:00:30 2026", NOW_USEC,
                                              &seconds), ==, RA_HTTP_RETRY_AFTER_WAIT);
  g_assert_cmpuint (seconds, ==, 30);

  /* Slightly in the past: the server's clock is a little ahead; now. */
  g_assert_cmpint (ra_http_parse_retry_after (earlier, NOW_USEC, &seconds), ==,
                   RA_HTTP_RETRY_AFTER_WAIT);
  g_assert_cmpuint (seconds, ==, 0);

  g_assert_cmpint (ra_http_parse_retry_after (almost_a_day, NOW_USEC, &seconds), ==,
                   RA_HTTP_RETRY_AFTER_WAIT);
  g_assert_cmpuint (seconds, ==, 86399);
}

static void
test_parse_absurd (void)
{
  g_autofree char *in_a_day = http_date (86400);
  g_autofree char *in_a_year = http_date (365 * 86400);
  g_autofree char *days_ago = http_date (-3 * 86400);
  const char * const absurd[] = {
    "86400", "604800", "99999999999999999999999", "-5", "-0", "+7", "7.5", "7 s", "0x10",
    "soon", "", "   ", "\x01\x02", "Wed, 32 Dec 2026 15:00:00 GMT", "Thu, 01 Jan 1970",
    in_a_day, in_a_year, days_ago,
  };

  for (guint i = 0; i < G_N_ELEMENTS (absurd); i++)
    {
      guint seconds = 12345;

      if (ra_http_parse_retry_after (absurd[i], NOW_USEC, &seconds) != RA_HTTP_RETRY_AFTER_ABSURD)
        g_error ("Retry-After “%s” was taken as a wait of %u s", absurd[i], seconds);
      g_assert_cmpuint (seconds, ==, 12345);
    }
}

static void
test_get_from_message (void)
{
  g_autoptr(SoupMessage) message = soup_message_new ("GET", "http://127.0.0.1/");
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 90);
  g_autofree char *later_text = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  gint64 now_usec = g_date_time_to_unix (now) * G_USEC_PER_SEC;
  guint seconds = 12345;

  g_assert_cmpint (ra_http_get_retry_after (message, &seconds), ==, RA_HTTP_RETRY_AFTER_NONE);

  soup_message_headers_replace (headers, "Retry-After", "7");
  g_assert_cmpint (ra_http_get_retry_after (message, &seconds), ==, RA_HTTP_RETRY_AFTER_WAIT);
  g_assert_cmpuint (seconds, ==, 7);

  /* Against the wall clock. */
  soup_message_headers_replace (headers, "Retry-After", later_text);
  g_assert_cmpint (ra_http_get_retry_after (message, &seconds), ==, RA_HTTP_RETRY_AFTER_WAIT);
  g_assert_cmpuint (seconds, >=, 88);
  g_assert_cmpuint (seconds, <=, 91);

  /* Against the clock it is given. */
  g_assert_cmpint (ra_http_get_retry_after_at (message, now_usec, &seconds), ==,
                   RA_HTTP_RETRY_AFTER_WAIT);
  g_assert_cmpuint (seconds, ==, 90);
  g_assert_cmpint (ra_http_get_retry_after_at (message, now_usec + 30 * G_USEC_PER_SEC, &seconds), ==,
                   RA_HTTP_RETRY_AFTER_WAIT);
  g_assert_cmpuint (seconds, ==, 60);

  soup_message_headers_replace (headers, "Retry-After", "soon");
  g_assert_cmpint (ra_http_get_retry_after (message, NULL), ==, RA_HTTP_RETRY_AFTER_ABSURD);
}

/* A server that answers the API with status and Retry-After: value on
 * the first request, then an empty list. */
typedef struct
{
  SoupServer *server;
  guint       status;
  char       *value;
  guint       n_api_requests;
  char       *url;
} RawServer;

static void
raw_handler_cb (SoupServer        *server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  static const char token[] = "{\"access_token\": \"t\", \"expires_in\": 900}";
  RawServer *raw = user_data;

  if (g_str_equal (path, TOKEN_PATH) || g_str_has_suffix (path, "/token"))
    {
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC,
                                        token, strlen (token));
      return;
    }

  if (raw->n_api_requests++ == 0)
    {
      soup_server_message_set_status (message, raw->status, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                    "Retry-After", raw->value);
      return;
    }

  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, "[]", 2);
}

static void
raw_server_start (RawServer  *raw,
                  guint       status,
                  const char *value)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  raw->server = soup_server_new (NULL, NULL);
  raw->status = status;
  raw->value = g_strdup (value);
  soup_server_add_handler (raw->server, NULL, raw_handler_cb, raw, NULL);
  g_assert_true (soup_server_listen_local (raw->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (raw->server);
  raw->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
raw_server_stop (RawServer *raw)
{
  soup_server_disconnect (raw->server);
  g_clear_object (&raw->server);
  g_clear_pointer (&raw->value, g_free);
  g_clear_pointer (&raw->url, g_free);
}

/* A client of the raw server whose waits and dates follow clock. */
static RaClient *
client_for_raw (RawServer *raw,
                guint      max_wait_seconds,
                RaClock   *clock)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaEndpoint) endpoint = ra_endpoint_new ("demo", "eu", raw->url, &error);
  RaClient *client;

  g_assert_no_error (error);
  client = ra_client_new (endpoint, "id", "secret", RA_TOKEN_ENDPOINT_LEGACY);
  ra_client_set_retry_policy (client, 3, max_wait_seconds);
  ra_client_set_clock (client, clock);

  return client;
}

static void
test_client_honours_date (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GDateTime) soon = g_date_time_new_from_unix_utc (NOW_USEC / G_USEC_PER_SEC + 2);
  g_autofree char *value = soup_date_time_to_string (soon, SOUP_DATE_HTTP);
  g_autoptr(RaClock) clock = ra_clock_new_manual (NOW_USEC);
  g_autoptr(RaClient) client = NULL;
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RawServer raw = { 0, };

  raw_server_start (&raw, 429, value);
  client = client_for_raw (&raw, 5, clock);
  ra_client_list_actions_async (client, RA_FILTER_ANY, RA_FILTER_ANY, NULL,
                                ra_test_store_result_cb, &slot);

  /* The date is two seconds ahead of the client's clock: it waits those,
   * and asks again only once they have passed. */
  g_assert_cmpint (wait_for_client_wait (clock), ==, 2 * G_USEC_PER_SEC);
  ra_clock_advance (clock, 1);
  ra_test_settle ();
  g_assert_null (slot);
  g_assert_cmpuint (raw.n_api_requests, ==, 1);

  ra_clock_advance (clock, 1);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);
  actions = ra_client_list_actions_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (actions);
  g_assert_cmpuint (raw.n_api_requests, ==, 2);
  g_clear_object (&result);
  ra_test_assert_finalize_soon (g_steal_pointer (&client), 1000);
  raw_server_stop (&raw);
}

static void
test_client_stops_on_absurd (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) next_week = g_date_time_add_days (now, 7);
  g_autofree char *next_week_text = soup_date_time_to_string (next_week, SOUP_DATE_HTTP);
  struct {
    guint       status;
    const char *value;
    int         code;
  } cases[] = {
    { 429, "soon", RA_ERROR_RATE_LIMITED },
    { 429, "-5", RA_ERROR_RATE_LIMITED },
    { 429, "86400", RA_ERROR_RATE_LIMITED },
    { 429, next_week_text, RA_ERROR_RATE_LIMITED },
    { 503, "soon", RA_ERROR_SERVER },
    { 503, "31536000", RA_ERROR_SERVER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RaClock) clock = ra_clock_new_manual (0);
      g_autoptr(RaClient) client = NULL;
      g_autoptr(GListModel) actions = NULL;
      g_autoptr(GError) error = NULL;
      RawServer raw = { 0, };
      gint64 start;

      raw_server_start (&raw, cases[i].status, cases[i].value);
      /* A generous cap: only the value's absurdity may stop the retries. */
      client = client_for_raw (&raw, G_MAXUINT, clock);
      start = g_get_monotonic_time ();
      actions = list_actions (client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
      assert_error (fixture, error, RA_ERROR, cases[i].code);
      g_assert_null (actions);
      g_test_message ("%u, Retry-After: %s → %s", cases[i].status, cases[i].value, error->message);
      g_assert_nonnull (strstr (error->message, "Retry-After"));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
      /* Not silently retried after a guessed wait: the client waits for
       * nothing, not even once its clock has moved on an hour. */
      g_assert_cmpint (ra_clock_get_next_due_usec (clock), ==, -1);
      ra_clock_advance (clock, 3600);
      ra_test_settle ();
      g_assert_cmpuint (raw.n_api_requests, ==, 1);
      ra_test_assert_finalize_soon (g_steal_pointer (&client), 1000);
      raw_server_stop (&raw);
    }
}

/* Through the simulator, a wait of a day or more ends a GET at once. */
static void
test_simulator_a_day (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GListModel) actions = NULL;
  g_autoptr(GError) error = NULL;

  ra_client_set_retry_policy (fixture->client, 3, G_MAXUINT);
  ra_simulator_fail_next (fixture->sim, 1, 429, 86400);
  actions = list_actions (fixture->client, RA_FILTER_ANY, RA_FILTER_ANY, NULL, &error);
  assert_error (fixture, error, RA_ERROR, RA_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "Retry-After"));
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "GET", LIST_PATH), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/retry-after/parse-seconds", test_parse_seconds);
  g_test_add_func ("/retry-after/parse-date", test_parse_date);
  g_test_add_func ("/retry-after/parse-absurd", test_parse_absurd);
  g_test_add_func ("/retry-after/get-from-message", test_get_from_message);
  RA_TEST_ADD ("/retry-after/client-honours-date", test_client_honours_date);
  RA_TEST_ADD ("/retry-after/client-stops-on-absurd", test_client_stops_on_absurd);
  RA_TEST_ADD ("/retry-after/simulator-a-day", test_simulator_a_day);

  return g_test_run ();
}
