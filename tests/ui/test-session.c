/* test-session.c — the session: what it says it is connected to,
 * signing out, the last account, a secret that is not there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-session"

#include "config.h"

#include <gio/gio.h>

#include "ra-account.h"
#include "ra-client.h"
#include "ra-endpoint.h"
#include "ra-nql-queries.h"
#include "ra-session-private.h"

#include "ra-test-utils.h"

typedef struct
{
  GSettings *settings;
  RaSession *session;
  /* Property name → how many times it was notified. */
  GHashTable *notified;
} Fixture;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           Fixture    *f)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (f->notified, pspec->name));

  g_hash_table_insert (f->notified, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static guint
n_notified (Fixture    *f,
            const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (f->notified, name));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "last-account");
  f->session = ra_test_session_new (NULL, NULL, FALSE);
  f->notified = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (f->session, "notify", G_CALLBACK (notify_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ra_test_assert_finalize (g_steal_pointer (&f->session));
  g_clear_pointer (&f->notified, g_hash_table_unref);
  g_settings_reset (f->settings, "last-account");
  g_clear_object (&f->settings);
}

static RaClient *
client_new (void)
{
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;

  endpoint = ra_endpoint_new_full ("acme", "eu", "http://127.0.0.1:9", NULL, &error);
  g_assert_no_error (error);
  return ra_client_new (endpoint, "id", "secret", RA_TOKEN_ENDPOINT_AUTO);
}

/* Observers see each change once, and every property agrees. */
static void
test_connection (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RaClient) client = client_new ();
  g_autoptr(RaAccount) account = ra_account_new ();

  g_assert_cmpint (ra_session_get_state (f->session), ==, RA_SESSION_STATE_DISCONNECTED);
  g_assert_null (ra_session_get_client (f->session));
  g_assert_null (ra_session_get_title (f->session));

  ra_account_set_display_name (account, "Production");
  ra_session_set_connection (f->session, account, client, FALSE);
  g_assert_cmpint (ra_session_get_state (f->session), ==, RA_SESSION_STATE_CONNECTED);
  g_assert_true (ra_session_get_client (f->session) == client);
  g_assert_true (ra_session_get_account (f->session) == account);
  g_assert_false (ra_session_get_demo (f->session));
  g_assert_cmpstr (ra_session_get_title (f->session), ==, "Production");
  g_assert_cmpuint (n_notified (f, "client"), ==, 1);
  g_assert_cmpuint (n_notified (f, "account"), ==, 1);
  g_assert_cmpuint (n_notified (f, "state"), ==, 1);
  g_assert_cmpuint (n_notified (f, "title"), ==, 1);
  g_assert_cmpuint (n_notified (f, "demo"), ==, 0);

  /* The same client as the demo instance's: only what changed. */
  ra_session_set_connection (f->session, NULL, client, TRUE);
  g_assert_true (ra_session_get_demo (f->session));
  g_assert_null (ra_session_get_account (f->session));
  g_assert_cmpstr (ra_session_get_title (f->session), ==, "Demo Instance");
  g_assert_cmpuint (n_notified (f, "client"), ==, 1);
  g_assert_cmpuint (n_notified (f, "state"), ==, 1);
  g_assert_cmpuint (n_notified (f, "demo"), ==, 1);

  ra_session_disconnect (f->session);
  g_assert_cmpint (ra_session_get_state (f->session), ==, RA_SESSION_STATE_DISCONNECTED);
  g_assert_null (ra_session_get_client (f->session));
  g_assert_false (ra_session_get_demo (f->session));
  g_assert_null (ra_session_get_title (f->session));
  g_assert_cmpuint (n_notified (f, "client"), ==, 2);
  g_assert_cmpuint (n_notified (f, "state"), ==, 2);
}

/* The query IDs follow the connection: the account's, which its editor
 * changes in place, or the demo instance's. */
static void
test_query_ids (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RaClient) client = client_new ();
  g_autoptr(RaAccount) account = ra_account_new ();
  g_autoptr(RaAccount) other = ra_account_new ();

  g_assert_null (ra_session_get_results_query_id (f->session));
  g_assert_null (ra_session_get_lookup_query_id (f->session));

  /* The demo instance has both set up. */
  ra_session_set_connection (f->session, NULL, client, TRUE);
  g_assert_cmpstr (ra_session_get_results_query_id (f->session), ==, RA_DEMO_EXECUTIONS_QUERY);
  g_assert_cmpstr (ra_session_get_lookup_query_id (f->session), ==, RA_DEMO_LOOKUP_QUERY);
  g_assert_cmpuint (n_notified (f, "results-query-id"), ==, 1);
  g_assert_cmpuint (n_notified (f, "lookup-query-id"), ==, 1);

  /* An account without them has none, not the demo's. */
  ra_session_set_connection (f->session, account, client, FALSE);
  g_assert_null (ra_session_get_results_query_id (f->session));
  g_assert_null (ra_session_get_lookup_query_id (f->session));
  g_assert_cmpuint (n_notified (f, "results-query-id"), ==, 2);
  g_assert_cmpuint (n_notified (f, "lookup-query-id"), ==, 2);

  ra_account_set_results_query_id (account, "#ra_results");
  g_assert_cmpstr (ra_session_get_results_query_id (f->session), ==, "#ra_results");
  g_assert_cmpuint (n_notified (f, "results-query-id"), ==, 3);
  g_assert_cmpuint (n_notified (f, "lookup-query-id"), ==, 2);
  ra_account_set_lookup_query_id (account, "#ra_lookup");
  g_assert_cmpstr (ra_session_get_lookup_query_id (f->session), ==, "#ra_lookup");
  g_assert_cmpuint (n_notified (f, "lookup-query-id"), ==, 3);

  /* Another account: the first one's edits no longer count. */
  ra_account_set_results_query_id (other, "#ra_results");
  ra_session_set_connection (f->session, other, client, FALSE);
  g_assert_cmpuint (n_notified (f, "results-query-id"), ==, 3);
  g_assert_null (ra_session_get_lookup_query_id (f->session));
  g_assert_cmpuint (n_notified (f, "lookup-query-id"), ==, 4);
  ra_account_set_lookup_query_id (account, "#changed");
  g_assert_cmpuint (n_notified (f, "lookup-query-id"), ==, 4);

  ra_session_disconnect (f->session);
  g_assert_null (ra_session_get_results_query_id (f->session));
  g_assert_cmpuint (n_notified (f, "results-query-id"), ==, 4);
}

/* Signing out, or removing the account in use, leaves nothing to come
 * back to at the next start. */
static void
test_forget (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(RaClient) client = client_new ();
  g_autoptr(RaAccount) account = ra_account_new ();
  g_autoptr(RaAccount) other = ra_account_new ();
  g_autofree char *last = NULL;

  g_settings_set_string (f->settings, "last-account", ra_account_get_id (account));
  ra_session_set_connection (f->session, account, client, FALSE);

  /* Another account: nothing changes. */
  ra_session_forget_account (f->session, other);
  g_assert_true (ra_session_get_client (f->session) == client);
  last = g_settings_get_string (f->settings, "last-account");
  g_assert_cmpstr (last, ==, ra_account_get_id (account));
  g_clear_pointer (&last, g_free);

  ra_session_forget_account (f->session, account);
  g_assert_null (ra_session_get_client (f->session));
  g_assert_null (ra_session_get_account (f->session));
  last = g_settings_get_string (f->settings, "last-account");
  g_assert_cmpstr (last, ==, "");
  g_clear_pointer (&last, g_free);

  /* Signing out clears it too. */
  g_settings_set_string (f->settings, "last-account", ra_account_get_id (account));
  ra_session_set_connection (f->session, account, client, FALSE);
  ra_session_sign_out (f->session);
  g_assert_null (ra_session_get_client (f->session));
  last = g_settings_get_string (f->settings, "last-account");
  g_assert_cmpstr (last, ==, "");
}

static void
failed_cb (RaSession  *session,
           RaAccount  *account,
           GError     *error,
           GError    **out_error)
{
  g_assert_nonnull (account);
  g_assert_null (*out_error);
  *out_error = g_error_copy (error);
}

/* An account whose secret is not there does not connect: ::failed says
 * so, and nothing is left connecting. */
static void
test_no_secret (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RaAccount) account = ra_account_new ();
  g_autoptr(GError) failure = NULL;

  if (!ra_test_in_private_keyring ())
    return;

  ra_account_set_instance (account, "nosecret");
  ra_account_set_region (account, "eu");
  ra_account_set_client_id (account, "id");
  g_signal_connect (f->session, "failed", G_CALLBACK (failed_cb), &failure);

  ra_session_connect_account (f->session, account);
  g_assert_cmpint (ra_session_get_state (f->session), ==, RA_SESSION_STATE_CONNECTING);
  g_assert_true (ra_session_get_connecting_account (f->session) == account);
  g_assert_cmpstr (ra_session_get_title (f->session), ==, "nosecret (eu)");

  RA_TEST_WAIT_UNTIL (failure != NULL);
  g_assert_error (failure, RA_SESSION_ERROR, RA_SESSION_ERROR_SECRET);
  g_assert_cmpint (ra_session_get_state (f->session), ==, RA_SESSION_STATE_DISCONNECTED);
  g_assert_null (ra_session_get_connecting_account (f->session));
  g_assert_null (ra_session_get_title (f->session));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  RA_TEST_ADD ("/session/connection", test_connection);
  RA_TEST_ADD ("/session/forget", test_forget);
  RA_TEST_ADD ("/session/query-ids", test_query_ids);
  RA_TEST_ADD ("/session/no-secret", test_no_secret);

  return g_test_run ();
}
