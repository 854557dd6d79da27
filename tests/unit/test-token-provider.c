/* test-token-provider.c — RaTokenProvider against the simulator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-token-provider"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "ra-endpoint.h"
#include "ra-error.h"
#include "ra-simulator.h"
#include "ra-test-common.h"
#include "ra-token-provider-private.h"

#define LEGACY_PATH "/api/v1/token"
#define OAUTH_PATH  "/oauth2/default/v1/token"

typedef struct
{
  RaSimulator     *sim;
  RaEndpoint      *endpoint;
  SoupSession     *session;
  RaTokenProvider *provider;
} Fixture;

static RaTokenProvider *
new_provider (Fixture             *fixture,
              const char          *client_secret,
              RaTokenEndpointKind  kind)
{
  return ra_token_provider_new (fixture->session, fixture->endpoint,
                                RA_SIM_DEFAULT_CLIENT_ID, client_secret, kind);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->sim = ra_simulator_new ();
  g_assert_true (ra_simulator_start (fixture->sim, 0, &error));
  g_assert_no_error (error);

  fixture->endpoint = ra_endpoint_new_full ("demo", "eu", ra_simulator_get_base_url (fixture->sim),
                                            ra_simulator_get_login_base_url (fixture->sim),
                                            &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->endpoint);

  fixture->session = soup_session_new ();
  fixture->provider = new_provider (fixture, RA_SIM_DEFAULT_CLIENT_SECRET,
                                    RA_TOKEN_ENDPOINT_AUTO);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->provider);
  ra_test_assert_finalize_soon (fixture->session, 1000);
  g_assert_finalize_object (fixture->endpoint);
  ra_simulator_stop (fixture->sim);
  g_object_unref (fixture->sim);
}

static gint64
clock_wall_cb (gpointer user_data)
{
  return ra_clock_get_wall_usec (user_data);
}

/* The provider and the simulator read the same manual clock. */
static RaClock *
use_manual_clock (Fixture *fixture)
{
  RaClock *clock = ra_clock_new_manual (0);

  ra_token_provider_set_clock (fixture->provider, clock);
  ra_simulator_set_clock_func (fixture->sim, clock_wall_cb, g_object_ref (clock), g_object_unref);

  return clock;
}

static char *
get_token (RaTokenProvider  *provider,
           GCancellable     *cancellable,
           GError          **error)
{
  g_autoptr(GAsyncResult) slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  ra_token_provider_get_token_async (provider, cancellable, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, RA_TEST_TIMEOUT_MS);

  return ra_token_provider_get_token_finish (provider, result, error);
}

static void
assert_token_issued (RaSimulator *sim,
                     const char  *token)
{
  g_auto(GStrv) issued = ra_simulator_dup_issued_tokens (sim);

  g_assert_nonnull (token);
  g_assert_cmpstr (token, !=, "");
  g_assert_true (g_strv_contains ((const char * const *) issued, token));
}

static void
assert_no_secret (RaSimulator *sim,
                  const char  *text)
{
  g_auto(GStrv) issued = ra_simulator_dup_issued_tokens (sim);
  g_autofree char *pair = g_strconcat (RA_SIM_DEFAULT_CLIENT_ID, ":",
                                       RA_SIM_DEFAULT_CLIENT_SECRET, NULL);
  g_autofree char *basic = g_base64_encode ((const guchar *) pair, strlen (pair));

  g_assert_null (strstr (text, RA_SIM_DEFAULT_CLIENT_SECRET));
  g_assert_null (strstr (text, "wrong-secret"));
  g_assert_null (strstr (text, basic));
  for (guint i = 0; issued[i] != NULL; i++)
    g_assert_null (strstr (text, issued[i]));
}

static void
test_oauth_first (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autofree char *login_host = NULL;
  RaSimRequest *request;

  g_assert_cmpint (ra_token_provider_get_resolved_kind (fixture->provider), ==,
                   RA_TOKEN_ENDPOINT_AUTO);

  /* Even with the legacy endpoint there, the login service goes first. */
  ra_simulator_set_legacy_token (fixture->sim, RA_SIM_LEGACY_TOKEN_ON);
  token = get_token (fixture->provider, NULL, &error);
  g_assert_no_error (error);
  assert_token_issued (fixture->sim, token);
  g_assert_cmpint (ra_token_provider_get_resolved_kind (fixture->provider), ==,
                   RA_TOKEN_ENDPOINT_OAUTH);

  requests = ra_simulator_get_requests (fixture->sim);
  g_assert_cmpuint (requests->len, ==, 1);
  request = g_ptr_array_index (requests, 0);
  g_assert_cmpstr (request->method, ==, "POST");
  g_assert_cmpstr (request->path, ==, OAUTH_PATH);
  g_assert_cmpuint (request->status, ==, 200);
  /* …on the login service's own host. */
  login_host = g_strdup (ra_simulator_get_login_base_url (fixture->sim) + strlen ("http://"));
  g_assert_cmpstr (g_hash_table_lookup (request->headers, "host"), ==, login_host);
  g_assert_cmpstr (request->body, ==, "grant_type=client_credentials&scope=service%3Aintegration");
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (request->headers, "content-type"),
                                   "application/x-www-form-urlencoded"));
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (request->headers, "authorization"),
                                   "Basic "));
}

static void
test_cached (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  first = get_token (fixture->provider, NULL, &error);
  g_assert_no_error (error);
  second = get_token (fixture->provider, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", OAUTH_PATH), ==, 1);
}

#define N_CONCURRENT 8

static void
test_concurrent (Fixture       *fixture,
                 gconstpointer  user_data)
{
  GAsyncResult *slots[N_CONCURRENT] = { NULL, };
  char *tokens[N_CONCURRENT];

  /* Slow tokens, so that every caller asks while the request is out. */
  ra_simulator_set_faults_include_token (fixture->sim, TRUE);
  ra_simulator_set_latency (fixture->sim, 300);

  for (guint i = 0; i < N_CONCURRENT; i++)
    ra_token_provider_get_token_async (fixture->provider, NULL,
                                       ra_test_store_result_cb, &slots[i]);

  for (guint i = 0; i < N_CONCURRENT; i++)
    {
      g_autoptr(GAsyncResult) result = ra_test_wait_for_result (&slots[i], RA_TEST_TIMEOUT_MS);
      g_autoptr(GError) error = NULL;

      tokens[i] = ra_token_provider_get_token_finish (fixture->provider, result, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (tokens[i], ==, tokens[0]);
    }

  assert_token_issued (fixture->sim, tokens[0]);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", OAUTH_PATH), ==, 1);

  for (guint i = 0; i < N_CONCURRENT; i++)
    g_free (tokens[i]);
}

static void
test_refresh_before_expiry (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  ra_simulator_set_token_lifetime (fixture->sim, 900);

  first = get_token (fixture->provider, NULL, &error);
  g_assert_no_error (error);

  /* A minute before the 900 s run out, the token is still handed out… */
  ra_token_provider_advance_clock (fixture->provider, 839);
  g_assert_true (ra_token_provider_has_fresh_token (fixture->provider));
  second = get_token (fixture->provider, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", OAUTH_PATH), ==, 1);

  /* …and within the last minute, a new one is fetched. */
  ra_token_provider_advance_clock (fixture->provider, 2);
  g_assert_false (ra_token_provider_has_fresh_token (fixture->provider));
  third = get_token (fixture->provider, NULL, &error);
  g_assert_no_error (error);
  assert_token_issued (fixture->sim, third);
  g_assert_cmpstr (third, !=, first);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", OAUTH_PATH), ==, 2);
}

static void
test_short_lifetime (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(RaClock) clock = use_manual_clock (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* A 2 s token counts as fresh for half of it. */
  ra_simulator_set_token_lifetime (fixture->sim, 2);

  first = get_token (fixture->provider, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ra_token_provider_has_fresh_token (fixture->provider));

  ra_clock_advance (clock, 1);
  g_assert_false (ra_token_provider_has_fresh_token (fixture->provider));
  second = get_token (fixture->provider, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", OAUTH_PATH), ==, 2);
}

static void
test_expired_while_suspended (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(RaClock) clock = use_manual_clock (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  first = get_token (fixture->provider, NULL, &error);
  g_assert_no_error (error);

  /* Ten minutes awake, then an hour asleep: the monotonic clock has seen
   * only the ten minutes, but the 15-minute token is long gone. */
  ra_clock_advance (clock, 600);
  g_assert_true (ra_token_provider_has_fresh_token (fixture->provider));
  ra_clock_suspend (clock, 3600);
  g_assert_false (ra_token_provider_has_fresh_token (fixture->provider));

  second = get_token (fixture->provider, NULL, &error);
  g_assert_no_error (error);
  assert_token_issued (fixture->sim, second);
  g_assert_cmpstr (first, !=, second);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", OAUTH_PATH), ==, 2);
  g_assert_true (ra_token_provider_has_fresh_token (fixture->provider));
}

static void
test_invalidate (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  first = get_token (fixture->provider, NULL, &error);
  g_assert_no_error (error);

  /* A stale token passed in must not throw away the current one. */
  ra_token_provider_invalidate_token (fixture->provider, "not-the-current-token");
  g_assert_true (ra_token_provider_has_fresh_token (fixture->provider));

  ra_token_provider_invalidate_token (fixture->provider, first);
  g_assert_false (ra_token_provider_has_fresh_token (fixture->provider));
  second = get_token (fixture->provider, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);

  ra_token_provider_invalidate (fixture->provider);
  third = get_token (fixture->provider, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, !=, third);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", OAUTH_PATH), ==, 3);
}

static void
test_legacy_fallback_404 (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(RaTokenProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  RaSimRequest *request;

  /* A login "service" that is the API host: it answers 404 there. */
  ra_simulator_set_legacy_token (fixture->sim, RA_SIM_LEGACY_TOKEN_ON);
  endpoint = ra_endpoint_new_full ("demo", "eu", ra_simulator_get_base_url (fixture->sim),
                                   ra_simulator_get_base_url (fixture->sim), &error);
  g_assert_no_error (error);
  provider = ra_token_provider_new (fixture->session, endpoint, RA_SIM_DEFAULT_CLIENT_ID,
                                    RA_SIM_DEFAULT_CLIENT_SECRET, RA_TOKEN_ENDPOINT_AUTO);

  first = get_token (provider, NULL, &error);
  g_assert_no_error (error);
  assert_token_issued (fixture->sim, first);
  g_assert_cmpint (ra_token_provider_get_resolved_kind (provider), ==,
                   RA_TOKEN_ENDPOINT_LEGACY);

  requests = ra_simulator_get_requests (fixture->sim);
  g_assert_cmpuint (requests->len, ==, 2);
  request = g_ptr_array_index (requests, 0);
  g_assert_cmpstr (request->path, ==, OAUTH_PATH);
  g_assert_cmpuint (request->status, ==, 404);
  request = g_ptr_array_index (requests, 1);
  g_assert_cmpstr (request->method, ==, "POST");
  g_assert_cmpstr (request->path, ==, LEGACY_PATH);
  g_assert_cmpuint (request->status, ==, 200);
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (request->headers, "authorization"),
                                   "Basic "));

  /* Remembered: the next token goes straight to the legacy endpoint. */
  ra_token_provider_invalidate (provider);
  second = get_token (provider, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", OAUTH_PATH), ==, 1);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", LEGACY_PATH), ==, 2);

  g_assert_finalize_object (g_steal_pointer (&provider));
}

static void
status_handler_cb (SoupServer        *server,
                   SoupServerMessage *message,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  guint *status = user_data;

  if (*status == SOUP_STATUS_METHOD_NOT_ALLOWED)
    soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                  "Allow", "GET");
  soup_server_message_set_status (message, *status, NULL);
}

/* A login host that answers every request with status. */
static SoupServer *
status_server_new (guint *status,
                   char **url)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  soup_server_add_handler (server, NULL, status_handler_cb, status, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return g_steal_pointer (&server);
}

static void
test_legacy_fallback_405 (Fixture       *fixture,
                          gconstpointer  user_data)
{
  guint status = SOUP_STATUS_METHOD_NOT_ALLOWED;
  g_autofree char *login_url = NULL;
  g_autoptr(SoupServer) login = status_server_new (&status, &login_url);
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(RaTokenProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  ra_simulator_set_legacy_token (fixture->sim, RA_SIM_LEGACY_TOKEN_ON);
  endpoint = ra_endpoint_new_full ("demo", "eu", ra_simulator_get_base_url (fixture->sim),
                                   login_url, &error);
  g_assert_no_error (error);
  provider = ra_token_provider_new (fixture->session, endpoint, RA_SIM_DEFAULT_CLIENT_ID,
                                    RA_SIM_DEFAULT_CLIENT_SECRET, RA_TOKEN_ENDPOINT_AUTO);

  token = get_token (provider, NULL, &error);
  g_assert_no_error (error);
  assert_token_issued (fixture->sim, token);
  g_assert_cmpint (ra_token_provider_get_resolved_kind (provider), ==,
                   RA_TOKEN_ENDPOINT_LEGACY);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", LEGACY_PATH), ==, 1);

  /* Neither there: one clear error that names both hosts. */
  g_clear_pointer (&token, g_free);
  ra_simulator_set_legacy_token (fixture->sim, RA_SIM_LEGACY_TOKEN_OFF);
  ra_token_provider_invalidate (provider);
  token = get_token (provider, NULL, &error);
  g_assert_error (error, RA_ERROR, RA_ERROR_NOT_FOUND);
  g_assert_null (token);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_cmpint (ra_token_provider_get_resolved_kind (provider), ==, RA_TOKEN_ENDPOINT_AUTO);

  g_assert_finalize_object (g_steal_pointer (&provider));
  soup_server_disconnect (login);
}

/* A resolver that knows no name at all, so the test needs no DNS and
 * cannot send anything anywhere but to loopback literals. */
typedef struct
{
  GResolver  parent_instance;
  GPtrArray *asked;
} FakeResolver;

typedef GResolverClass FakeResolverClass;

static GType fake_resolver_get_type (void);
G_DEFINE_TYPE (FakeResolver, fake_resolver, G_TYPE_RESOLVER)

static GList *
fake_lookup_by_name (GResolver     *resolver,
                     const char    *hostname,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_ptr_array_add (((FakeResolver *) resolver)->asked, g_strdup (hostname));
  g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
               "Error resolving “%s”: Name or service not known", hostname);
  return NULL;
}

static void
fake_lookup_by_name_with_flags_async (GResolver                 *resolver,
                                      const char                *hostname,
                                      GResolverNameLookupFlags   flags,
                                      GCancellable              *cancellable,
                                      GAsyncReadyCallback        callback,
                                      gpointer                   user_data)
{
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, user_data);
  GError *error = NULL;

  fake_lookup_by_name (resolver, hostname, cancellable, &error);
  g_task_return_error (task, error);
}

static void
fake_lookup_by_name_async (GResolver           *resolver,
                           const char          *hostname,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  fake_lookup_by_name_with_flags_async (resolver, hostname, G_RESOLVER_NAME_LOOKUP_FLAGS_DEFAULT,
                                        cancellable, callback, user_data);
}

static GList *
fake_lookup_by_name_finish (GResolver     *resolver,
                            GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static GList *
fake_lookup_by_name_with_flags (GResolver                 *resolver,
                                const char                *hostname,
                                GResolverNameLookupFlags   flags,
                                GCancellable              *cancellable,
                                GError                   **error)
{
  return fake_lookup_by_name (resolver, hostname, cancellable, error);
}

static void
fake_resolver_finalize (GObject *object)
{
  g_ptr_array_unref (((FakeResolver *) object)->asked);

  G_OBJECT_CLASS (fake_resolver_parent_class)->finalize (object);
}

static void
fake_resolver_class_init (FakeResolverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fake_resolver_finalize;
  klass->lookup_by_name = fake_lookup_by_name;
  klass->lookup_by_name_async = fake_lookup_by_name_async;
  klass->lookup_by_name_finish = fake_lookup_by_name_finish;
  klass->lookup_by_name_with_flags = fake_lookup_by_name_with_flags;
  klass->lookup_by_name_with_flags_async = fake_lookup_by_name_with_flags_async;
  klass->lookup_by_name_with_flags_finish = fake_lookup_by_name_finish;
}

static void
fake_resolver_init (FakeResolver *self)
{
  self->asked = g_ptr_array_new_with_free_func (g_free);
}

static void
test_legacy_fallback_unresolvable (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GResolver) previous = g_resolver_get_default ();
  g_autoptr(GResolver) fake = g_object_new (fake_resolver_get_type (), NULL);
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(RaTokenProvider) provider = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  GPtrArray *asked = ((FakeResolver *) fake)->asked;

  g_resolver_set_default (fake);
  /* A session of its own: connections are made with the resolver in use. */
  session = soup_session_new ();

  ra_simulator_set_legacy_token (fixture->sim, RA_SIM_LEGACY_TOKEN_ON);
  endpoint = ra_endpoint_new_full ("demo", "eu", ra_simulator_get_base_url (fixture->sim),
                                   "https://demo-login.eu.invalid", &error);
  g_assert_no_error (error);
  provider = ra_token_provider_new (session, endpoint, RA_SIM_DEFAULT_CLIENT_ID,
                                    RA_SIM_DEFAULT_CLIENT_SECRET, RA_TOKEN_ENDPOINT_AUTO);

  token = get_token (provider, NULL, &error);
  g_assert_no_error (error);
  assert_token_issued (fixture->sim, token);
  g_assert_cmpint (ra_token_provider_get_resolved_kind (provider), ==,
                   RA_TOKEN_ENDPOINT_LEGACY);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", LEGACY_PATH), ==, 1);
  g_assert_cmpuint (asked->len, >=, 1);
  for (guint i = 0; i < asked->len; i++)
    g_assert_cmpstr (g_ptr_array_index (asked, i), ==, "demo-login.eu.invalid");

  g_assert_finalize_object (g_steal_pointer (&provider));
  ra_test_assert_finalize_soon (g_steal_pointer (&session), 1000);
  g_resolver_set_default (previous);
}

static void
test_no_fallback_on_401 (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(RaTokenProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  const char *login_host = ra_simulator_get_login_base_url (fixture->sim) + strlen ("http://");
  const char *api_host = ra_simulator_get_base_url (fixture->sim) + strlen ("http://");

  /* The login service rejects the secret: the legacy endpoint, there and
   * willing, is not asked. */
  ra_simulator_set_legacy_token (fixture->sim, RA_SIM_LEGACY_TOKEN_ON);
  provider = new_provider (fixture, "wrong-secret", RA_TOKEN_ENDPOINT_AUTO);
  token = get_token (provider, NULL, &error);
  g_assert_error (error, RA_ERROR, RA_ERROR_UNAUTHORIZED);
  g_assert_null (token);
  g_assert_nonnull (strstr (error->message, login_host));
  assert_no_secret (fixture->sim, error->message);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", OAUTH_PATH), ==, 1);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", LEGACY_PATH), ==, 0);
  g_clear_error (&error);
  g_assert_finalize_object (g_steal_pointer (&provider));

  /* Remembered legacy endpoint answering 401: no try of the login
   * service, and the message names the API host. */
  ra_simulator_set_legacy_token (fixture->sim, RA_SIM_LEGACY_TOKEN_UNAUTHORIZED);
  ra_token_provider_set_resolved_kind (fixture->provider, RA_TOKEN_ENDPOINT_LEGACY);
  token = get_token (fixture->provider, NULL, &error);
  g_assert_error (error, RA_ERROR, RA_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, api_host));
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", OAUTH_PATH), ==, 1);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", LEGACY_PATH), ==, 1);
}

static void
resolved_notify_cb (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  guint *n_notified = user_data;

  (*n_notified)++;
}

static void
test_remembered_kind (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  guint n_notified = 0;

  g_signal_connect (fixture->provider, "notify::resolved-kind",
                    G_CALLBACK (resolved_notify_cb), &n_notified);

  /* What worked last time (kept with the account) is asked first. */
  ra_simulator_set_legacy_token (fixture->sim, RA_SIM_LEGACY_TOKEN_ON);
  ra_token_provider_set_resolved_kind (fixture->provider, RA_TOKEN_ENDPOINT_LEGACY);
  g_assert_cmpuint (n_notified, ==, 1);
  token = get_token (fixture->provider, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", LEGACY_PATH), ==, 1);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", OAUTH_PATH), ==, 0);
  g_assert_cmpuint (n_notified, ==, 1);

  /* Since retired: the login service takes over, and the change is told. */
  g_clear_pointer (&token, g_free);
  ra_simulator_set_legacy_token (fixture->sim, RA_SIM_LEGACY_TOKEN_OFF);
  ra_token_provider_invalidate (fixture->provider);
  token = get_token (fixture->provider, NULL, &error);
  g_assert_no_error (error);
  assert_token_issued (fixture->sim, token);
  g_assert_cmpint (ra_token_provider_get_resolved_kind (fixture->provider), ==,
                   RA_TOKEN_ENDPOINT_OAUTH);
  g_assert_cmpuint (n_notified, ==, 2);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", OAUTH_PATH), ==, 1);

  g_signal_handlers_disconnect_by_func (fixture->provider, resolved_notify_cb, &n_notified);
}

static void
test_explicit_kind (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(RaTokenProvider) oauth = NULL;
  g_autoptr(RaTokenProvider) legacy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  oauth = new_provider (fixture, RA_SIM_DEFAULT_CLIENT_SECRET, RA_TOKEN_ENDPOINT_OAUTH);
  token = get_token (oauth, NULL, &error);
  g_assert_no_error (error);
  assert_token_issued (fixture->sim, token);
  g_assert_cmpint (ra_token_provider_get_resolved_kind (oauth), ==, RA_TOKEN_ENDPOINT_OAUTH);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", LEGACY_PATH), ==, 0);
  g_clear_pointer (&token, g_free);

  /* LEGACY never falls back, even when that endpoint is gone. */
  ra_simulator_set_legacy_token_enabled (fixture->sim, FALSE);
  legacy = new_provider (fixture, RA_SIM_DEFAULT_CLIENT_SECRET, RA_TOKEN_ENDPOINT_LEGACY);
  token = get_token (legacy, NULL, &error);
  g_assert_error (error, RA_ERROR, RA_ERROR_NOT_FOUND);
  g_assert_null (token);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", OAUTH_PATH), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&oauth));
  g_assert_finalize_object (g_steal_pointer (&legacy));
}

static void
test_bad_credentials (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const RaTokenEndpointKind kinds[] = {
    RA_TOKEN_ENDPOINT_AUTO, RA_TOKEN_ENDPOINT_LEGACY, RA_TOKEN_ENDPOINT_OAUTH,
  };

  ra_simulator_set_legacy_token (fixture->sim, RA_SIM_LEGACY_TOKEN_ON);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(RaTokenProvider) provider = new_provider (fixture, "wrong-secret", kinds[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *token = NULL;

      token = get_token (provider, NULL, &error);
      g_assert_error (error, RA_ERROR, RA_ERROR_UNAUTHORIZED);
      g_assert_null (token);
      g_assert_true (g_str_has_suffix (error->message, "."));
      assert_no_secret (fixture->sim, error->message);
      g_assert_finalize_object (g_steal_pointer (&provider));
    }
}

static void
test_cancel_one_waiter (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) slot_a = NULL;
  g_autoptr(GAsyncResult) slot_b = NULL;
  g_autoptr(GAsyncResult) result_a = NULL;
  g_autoptr(GAsyncResult) result_b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token_a = NULL;
  g_autofree char *token_b = NULL;

  ra_simulator_set_faults_include_token (fixture->sim, TRUE);
  ra_simulator_set_latency (fixture->sim, 2000);

  ra_token_provider_get_token_async (fixture->provider, cancellable,
                                     ra_test_store_result_cb, &slot_a);
  ra_token_provider_get_token_async (fixture->provider, NULL,
                                     ra_test_store_result_cb, &slot_b);
  g_cancellable_cancel (cancellable);

  /* The cancelled caller hears back at once, long before the latency. */
  result_a = ra_test_wait_for_result (&slot_a, 1000);
  token_a = ra_token_provider_get_token_finish (fixture->provider, result_a, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (token_a);
  g_clear_error (&error);
  g_assert_null (slot_b);

  result_b = ra_test_wait_for_result (&slot_b, RA_TEST_TIMEOUT_MS);
  token_b = ra_token_provider_get_token_finish (fixture->provider, result_b, &error);
  g_assert_no_error (error);
  assert_token_issued (fixture->sim, token_b);

  /* Already cancelled before asking: nothing is sent. */
  ra_simulator_set_latency (fixture->sim, 0);
  ra_token_provider_invalidate (fixture->provider);
  ra_simulator_clear_requests (fixture->sim);
  g_clear_pointer (&token_a, g_free);
  token_a = get_token (fixture->provider, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  ra_test_spin (50);
  g_assert_cmpuint (ra_simulator_count_requests (fixture->sim, "POST", OAUTH_PATH), ==, 0);
}

static void
test_endpoint_faults (Fixture       *fixture,
                      gconstpointer  user_data)
{
  struct {
    guint          status;     /* 0: use the body fault or drop */
    RaSimBodyFault body_fault;
    gboolean       drop;
    int            code;
  } cases[] = {
    { 500, RA_SIM_BODY_NORMAL, FALSE, RA_ERROR_SERVER },
    { 503, RA_SIM_BODY_NORMAL, FALSE, RA_ERROR_SERVER },
    { 429, RA_SIM_BODY_NORMAL, FALSE, RA_ERROR_RATE_LIMITED },
    { 403, RA_SIM_BODY_NORMAL, FALSE, RA_ERROR_FORBIDDEN },
    { 0, RA_SIM_BODY_MALFORMED, FALSE, RA_ERROR_MALFORMED_RESPONSE },
    { 0, RA_SIM_BODY_TRUNCATED, FALSE, RA_ERROR_MALFORMED_RESPONSE },
    { 0, RA_SIM_BODY_WRONG_TYPE, FALSE, RA_ERROR_MALFORMED_RESPONSE },
    { 0, RA_SIM_BODY_OVERSIZED, FALSE, RA_ERROR_RESPONSE_TOO_LARGE },
    { 0, RA_SIM_BODY_NORMAL, TRUE, RA_ERROR_NETWORK },
  };

  ra_simulator_set_faults_include_token (fixture->sim, TRUE);
  ra_simulator_set_oversized_bytes (fixture->sim, 1024 * 1024);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *token = NULL;

      if (cases[i].drop)
        ra_simulator_drop_next (fixture->sim, 1);
      else if (cases[i].status != 0)
        ra_simulator_fail_next (fixture->sim, 1, cases[i].status, 30);
      else
        ra_simulator_set_body_fault (fixture->sim, cases[i].body_fault, 1);

      token = get_token (fixture->provider, NULL, &error);
      g_assert_error (error, RA_ERROR, cases[i].code);
      g_assert_null (token);
      g_assert_false (ra_token_provider_has_fresh_token (fixture->provider));
      assert_no_secret (fixture->sim, error->message);
      g_test_message ("case %u → %s", i, error->message);
    }

  /* Nothing stuck: the next request works. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *token = get_token (fixture->provider, NULL, &error);

    g_assert_no_error (error);
    assert_token_issued (fixture->sim, token);
  }
}

static void
test_connection_refused (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  ra_simulator_stop (fixture->sim);

  token = get_token (fixture->provider, NULL, &error);
  g_assert_error (error, RA_ERROR, RA_ERROR_NETWORK);
  g_assert_null (token);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  assert_no_secret (fixture->sim, error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  RA_TEST_ADD ("/token-provider/oauth-first", test_oauth_first);
  RA_TEST_ADD ("/token-provider/cached", test_cached);
  RA_TEST_ADD ("/token-provider/concurrent", test_concurrent);
  RA_TEST_ADD ("/token-provider/refresh-before-expiry", test_refresh_before_expiry);
  RA_TEST_ADD ("/token-provider/short-lifetime", test_short_lifetime);
  RA_TEST_ADD ("/token-provider/invalidate", test_invalidate);
  RA_TEST_ADD ("/token-provider/expired-while-suspended", test_expired_while_suspended);
  RA_TEST_ADD ("/token-provider/legacy-fallback-404", test_legacy_fallback_404);
  RA_TEST_ADD ("/token-provider/legacy-fallback-405", test_legacy_fallback_405);
  RA_TEST_ADD ("/token-provider/legacy-fallback-unresolvable", test_legacy_fallback_unresolvable);
  RA_TEST_ADD ("/token-provider/no-fallback-on-401", test_no_fallback_on_401);
  RA_TEST_ADD ("/token-provider/remembered-kind", test_remembered_kind);
  RA_TEST_ADD ("/token-provider/explicit-kind", test_explicit_kind);
  RA_TEST_ADD ("/token-provider/bad-credentials", test_bad_credentials);
  RA_TEST_ADD ("/token-provider/cancel-one-waiter", test_cancel_one_waiter);
  RA_TEST_ADD ("/token-provider/endpoint-faults", test_endpoint_faults);
  RA_TEST_ADD ("/token-provider/connection-refused", test_connection_refused);

  return g_test_run ();
}
