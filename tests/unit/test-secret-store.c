/* test-secret-store.c — client secrets in a real gnome-keyring-daemon
 *
 * Runs against the private D-Bus session and unlocked keyring that the
 * test runner starts; outside of it the keyring tests skip, so they never
 * touch a developer's own keyring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-secret-store"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ra-account.h"
#include "ra-account-manager.h"
#include "ra-error.h"
#include "ra-secret-store-private.h"
#include "ra-test-common.h"

/* How long the keyring may take to answer. */
#define TIMEOUT_MS 20000

static gboolean
store_secret (RaSecretStore  *store,
              RaAccount      *account,
              const char     *secret,
              GError        **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  ra_secret_store_store_async (store, account, secret, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, TIMEOUT_MS);

  return ra_secret_store_store_finish (store, result, error);
}

static char *
lookup_secret (RaSecretStore  *store,
               RaAccount      *account,
               GError        **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  ra_secret_store_lookup_async (store, account, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, TIMEOUT_MS);

  return ra_secret_store_lookup_finish (store, result, error);
}

static gboolean
clear_secret (RaSecretStore  *store,
              RaAccount      *account,
              GError        **error)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  ra_secret_store_clear_async (store, account, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, TIMEOUT_MS);

  return ra_secret_store_clear_finish (store, result, error);
}

static RaAccount *
make_account (const char *instance,
              const char *region,
              const char *client_id)
{
  RaAccount *account = ra_account_new ();

  ra_account_set_instance (account, instance);
  ra_account_set_region (account, region);
  ra_account_set_client_id (account, client_id);

  return account;
}

#define NO_SERVICE_SENTENCE "No keyring service (Secret Service) is running"
#define NO_PORTAL_SENTENCE "The Secret portal is not available"

/* Inside a Flatpak sandbox, this test's own build included, libsecret goes
 * through the Secret portal and the store says so. */
static const char *
no_service_sentence (void)
{
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return NO_PORTAL_SENTENCE;

  return NO_SERVICE_SENTENCE;
}

static void
test_store_lookup_update_delete (void)
{
  g_autoptr(RaSecretStore) store = ra_secret_store_new ();
  g_autoptr(RaAccount) account = make_account ("acme", "eu", "client-one");
  g_autoptr(RaAccount) before_edit = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RaSecret) secret = NULL;

  if (!ra_test_in_private_keyring ())
    return;

  /* Nothing stored yet: no secret, no error. */
  secret = lookup_secret (store, account, &error);
  g_assert_no_error (error);
  g_assert_null (secret);

  g_assert_true (store_secret (store, account, "s3cr3t-ü-one", &error));
  g_assert_no_error (error);
  secret = lookup_secret (store, account, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "s3cr3t-ü-one");
  g_clear_pointer (&secret, ra_secret_free);

  /* Update in place. */
  g_assert_true (store_secret (store, account, "second", &error));
  g_assert_no_error (error);
  secret = lookup_secret (store, account, &error);
  g_assert_cmpstr (secret, ==, "second");
  g_clear_pointer (&secret, ra_secret_free);

  /* The account moves to another instance: the secret follows and no
   * item is left behind under the old attributes. */
  before_edit = ra_account_copy (account);
  ra_account_set_instance (account, "acme-new");
  secret = lookup_secret (store, account, &error);
  g_assert_no_error (error);
  g_assert_null (secret);
  g_assert_true (store_secret (store, account, "third", &error));
  g_assert_no_error (error);
  secret = lookup_secret (store, account, &error);
  g_assert_cmpstr (secret, ==, "third");
  g_clear_pointer (&secret, ra_secret_free);
  secret = lookup_secret (store, before_edit, &error);
  g_assert_no_error (error);
  g_assert_null (secret);

  g_assert_true (clear_secret (store, account, &error));
  g_assert_no_error (error);
  secret = lookup_secret (store, account, &error);
  g_assert_no_error (error);
  g_assert_null (secret);

  /* Deleting what is gone is not an error. */
  g_assert_true (clear_secret (store, account, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_label_and_attributes (void)
{
  g_autoptr(RaSecretStore) store = ra_secret_store_new ();
  g_autoptr(RaAccount) account = make_account ("acme", "eu", "client-label");
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GHashTable) query = NULL;
  GList *items;
  GHashTable *attributes;
  g_autofree char *label = NULL;

  if (!ra_test_in_private_keyring ())
    return;

  g_assert_true (store_secret (store, account, "labelled", &error));
  g_assert_no_error (error);

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  query = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (query, (char *)"account-id", (char *)ra_account_get_id (account));
  items = secret_service_search_sync (service, ra_secret_store_get_schema (), query,
                                      SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);

  label = secret_item_get_label (items->data);
  g_assert_cmpstr (label, ==, "Remote Actions: acme (eu)");
  attributes = secret_item_get_attributes (items->data);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "xdg:schema"), ==,
                   "io.github.nxra.RemoteActions.ClientSecret");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "instance"), ==, "acme");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "region"), ==, "eu");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "client-id"), ==, "client-label");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "api-url"), ==,
                   "https://acme.api.eu.nexthink.cloud");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "login-url"), ==,
                   "https://acme-login.eu.nexthink.cloud");
  g_hash_table_unref (attributes);
  g_list_free_full (items, g_object_unref);

  g_assert_true (clear_secret (store, account, &error));
  g_assert_no_error (error);
}

static void
test_bound_to_hosts (void)
{
  g_autoptr(RaSecretStore) store = ra_secret_store_new ();
  g_autoptr(RaAccount) account = make_account ("acme", "eu", "client-hosts");
  g_autoptr(GError) error = NULL;
  g_autoptr(RaSecret) secret = NULL;

  if (!ra_test_in_private_keyring ())
    return;

  ra_account_set_base_url_override (account, "https://proxy.example.com");
  g_assert_true (store_secret (store, account, "bound", &error));
  g_assert_no_error (error);

  /* Another API host, another login host, or none: nothing found. */
  ra_account_set_base_url_override (account, "https://elsewhere.example.com");
  secret = lookup_secret (store, account, &error);
  g_assert_no_error (error);
  g_assert_null (secret);

  ra_account_set_base_url_override (account, "");
  secret = lookup_secret (store, account, &error);
  g_assert_no_error (error);
  g_assert_null (secret);

  ra_account_set_base_url_override (account, "https://proxy.example.com");
  ra_account_set_login_url_override (account, "https://login.example.com");
  secret = lookup_secret (store, account, &error);
  g_assert_no_error (error);
  g_assert_null (secret);

  /* Back where it was stored: found. */
  ra_account_set_login_url_override (account, "");
  secret = lookup_secret (store, account, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "bound");

  g_assert_true (clear_secret (store, account, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_hand_edited_hosts (void)
{
  g_autoptr(RaSecretStore) store = ra_secret_store_new ();
  g_autofree char *dir = g_dir_make_tmp ("ra-secret-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "accounts.ini", NULL);
  g_autoptr(RaAccountManager) manager = ra_account_manager_new (path);
  g_autoptr(RaAccountManager) reread = NULL;
  g_autoptr(RaAccount) account = make_account ("acme", "eu", "client-edited");
  g_autoptr(GError) error = NULL;
  g_autoptr(RaSecret) secret = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  RaAccount *found;

  if (!ra_test_in_private_keyring ())
    return;

  g_assert_true (ra_account_manager_add (manager, account, &error));
  g_assert_no_error (error);
  g_assert_true (store_secret (store, account, "not-for-elsewhere", &error));
  g_assert_no_error (error);

  /* Somebody points the account at their own server by editing the file. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, "BaseUrl=\n", "BaseUrl=https://attacker.example.com\n", 1),
                    ==, 1);
  g_assert_true (g_file_set_contents (path, edited->str, -1, &error));

  reread = ra_account_manager_new (path);
  g_assert_true (ra_account_manager_load (reread, &error));
  g_assert_no_error (error);
  found = ra_account_manager_lookup (reread, ra_account_get_id (account));
  g_assert_nonnull (found);
  g_assert_cmpstr (ra_account_get_base_url_override (found), ==, "https://attacker.example.com");

  secret = lookup_secret (store, found, &error);
  g_assert_no_error (error);
  g_assert_null (secret);

  g_assert_true (clear_secret (store, account, &error));
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
}

/* Items of earlier versions carry no hosts: they are asked for again,
 * and the new item replaces them. */
static void
test_item_without_hosts (void)
{
  g_autoptr(RaSecretStore) store = ra_secret_store_new ();
  g_autoptr(RaAccount) account = make_account ("acme", "eu", "client-old");
  g_autoptr(GHashTable) old_attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) query = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RaSecret) secret = NULL;
  GList *items;

  if (!ra_test_in_private_keyring ())
    return;

  g_hash_table_insert (old_attributes, (char *)"account-id", (char *)ra_account_get_id (account));
  g_hash_table_insert (old_attributes, (char *)"instance", (char *)"acme");
  g_hash_table_insert (old_attributes, (char *)"region", (char *)"eu");
  g_hash_table_insert (old_attributes, (char *)"client-id", (char *)"client-old");
  g_assert_true (secret_password_storev_sync (ra_secret_store_get_schema (), old_attributes,
                                              SECRET_COLLECTION_DEFAULT, "old", "from-before",
                                              NULL, &error));
  g_assert_no_error (error);

  secret = lookup_secret (store, account, &error);
  g_assert_no_error (error);
  g_assert_null (secret);

  g_assert_true (store_secret (store, account, "again", &error));
  g_assert_no_error (error);
  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_hash_table_insert (query, (char *)"account-id", (char *)ra_account_get_id (account));
  items = secret_service_search_sync (service, ra_secret_store_get_schema (), query,
                                      SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_list_free_full (items, g_object_unref);

  g_assert_true (clear_secret (store, account, &error));
  g_assert_no_error (error);
}

static void
test_same_client_id_no_collision (void)
{
  g_autoptr(RaSecretStore) store = ra_secret_store_new ();
  g_autoptr(RaAccount) prod = make_account ("acme", "eu", "shared-client");
  g_autoptr(RaAccount) test = make_account ("acme-test", "eu", "shared-client");
  g_autoptr(RaAccount) other_region = make_account ("acme", "us", "shared-client");
  g_autoptr(GError) error = NULL;
  g_autoptr(RaSecret) secret = NULL;

  if (!ra_test_in_private_keyring ())
    return;

  g_assert_true (store_secret (store, prod, "prod-secret", &error));
  g_assert_true (store_secret (store, test, "test-secret", &error));
  g_assert_true (store_secret (store, other_region, "us-secret", &error));
  g_assert_no_error (error);

  secret = lookup_secret (store, prod, &error);
  g_assert_cmpstr (secret, ==, "prod-secret");
  g_clear_pointer (&secret, ra_secret_free);
  secret = lookup_secret (store, test, &error);
  g_assert_cmpstr (secret, ==, "test-secret");
  g_clear_pointer (&secret, ra_secret_free);
  secret = lookup_secret (store, other_region, &error);
  g_assert_cmpstr (secret, ==, "us-secret");
  g_clear_pointer (&secret, ra_secret_free);

  /* Removing one account leaves the others alone. */
  g_assert_true (clear_secret (store, prod, &error));
  g_assert_no_error (error);
  secret = lookup_secret (store, prod, &error);
  g_assert_null (secret);
  secret = lookup_secret (store, test, &error);
  g_assert_cmpstr (secret, ==, "test-secret");
  g_clear_pointer (&secret, ra_secret_free);
  secret = lookup_secret (store, other_region, &error);
  g_assert_cmpstr (secret, ==, "us-secret");
  g_clear_pointer (&secret, ra_secret_free);

  g_assert_true (clear_secret (store, test, &error));
  g_assert_true (clear_secret (store, other_region, &error));
  g_assert_no_error (error);
}

static void
test_session_secret (void)
{
  g_autoptr(RaSecretStore) store = ra_secret_store_new ();
  g_autoptr(RaAccount) account = make_account ("acme", "eu", "session-client");
  g_autoptr(GError) error = NULL;
  g_autoptr(RaSecret) secret = NULL;

  g_assert_false (ra_secret_store_has_session_secret (store, ra_account_get_id (account)));
  ra_secret_store_set_session_secret (store, ra_account_get_id (account), "only-in-memory");
  g_assert_true (ra_secret_store_has_session_secret (store, ra_account_get_id (account)));

  /* Served from memory: works even without a keyring. */
  secret = lookup_secret (store, account, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "only-in-memory");
  g_clear_pointer (&secret, ra_secret_free);

  ra_secret_store_set_session_secret (store, ra_account_get_id (account), NULL);
  g_assert_false (ra_secret_store_has_session_secret (store, ra_account_get_id (account)));

  g_assert_finalize_object (g_steal_pointer (&store));
}

/* The bus of check_no_service (), which has to outlive it. Not static:
 * the compiler would drop a static that is only written. */
GTestDBus *kept_bus;

/* The body of the two tests below: nothing on the session bus answers,
 * and every operation says so in sentence. */
static void
check_no_service (const char *sentence)
{
  g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(RaSecretStore) store = NULL;
  g_autoptr(RaAccount) account = make_account ("acme", "eu", "client");
  g_autoptr(GError) error = NULL;
  g_autoptr(RaSecret) secret = NULL;

  g_test_dbus_up (bus);
  store = ra_secret_store_new ();

  g_assert_false (store_secret (store, account, "never-stored", &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_KEYRING);
  g_assert_nonnull (strstr (error->message, sentence));
  g_assert_null (strstr (error->message, "never-stored"));
  g_printerr ("%s\n", error->message);
  g_clear_error (&error);

  secret = lookup_secret (store, account, &error);
  g_assert_null (secret);
  g_assert_error (error, RA_ERROR, RA_ERROR_KEYRING);
  g_assert_nonnull (strstr (error->message, sentence));
  g_clear_error (&error);

  g_assert_false (clear_secret (store, account, &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_KEYRING);
  g_clear_error (&error);

  /* The way forward: a secret for this session only. */
  ra_secret_store_set_session_secret (store, ra_account_get_id (account), "for-now");
  secret = lookup_secret (store, account, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "for-now");

  /* No g_test_dbus_down (): libsecret keeps the bus connection in a
   * singleton, so the wait for it to go would time out. The bus
   * daemon's watcher ends it when this process exits. Kept where
   * LeakSanitizer sees it still referenced, for the same reason. */
  g_clear_object (&store);
  kept_bus = g_steal_pointer (&bus);
}

/* Runs in a subprocess whose session bus is a fresh, empty dbus-daemon
 * with no service files, so nothing can provide org.freedesktop.secrets
 * (nor, inside a Flatpak build, the Secret portal). */
static void
test_no_secret_service (void)
{
  g_autofree char *expected = g_strdup_printf ("*%s*", no_service_sentence ());

  if (g_test_subprocess ())
    {
      check_no_service (no_service_sentence ());
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr (expected);
  g_test_trap_assert_stderr_unmatched ("*never-stored*");
}

/* The sandbox branch, wherever the test runs: libsecret's file backend is
 * what it uses in a Flatpak, and it asks the Secret portal for the
 * keyring's password; on an empty bus nobody answers. */
static void
test_no_secret_portal (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GFile) info = NULL;
      g_autoptr(GFileIOStream) stream = NULL;
      g_autoptr(GError) error = NULL;

      info = g_file_new_tmp ("flatpak-info-XXXXXX", &stream, &error);
      g_assert_no_error (error);
      ra_secret_store_set_flatpak_info_path (g_file_peek_path (info));
      g_setenv ("SECRET_BACKEND", "file", TRUE);
      g_unsetenv ("SECRET_FILE_TEST_PATH");

      check_no_service (NO_PORTAL_SENTENCE);

      ra_secret_store_set_flatpak_info_path (NULL);
      g_file_delete (info, NULL, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*The client secret was not saved. " NO_PORTAL_SENTENCE
                             ". Make sure xdg-desktop-portal*");
  g_test_trap_assert_stderr_unmatched ("*" NO_SERVICE_SENTENCE "*");
  g_test_trap_assert_stderr_unmatched ("*never-stored*");
}

static void
test_cancelled (void)
{
  g_autoptr(RaSecretStore) store = ra_secret_store_new ();
  g_autoptr(RaAccount) account = make_account ("acme", "eu", "cancel-client");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (!ra_test_in_private_keyring ())
    return;

  g_cancellable_cancel (cancellable);
  ra_secret_store_store_async (store, account, "x", cancellable, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, TIMEOUT_MS);
  g_assert_false (ra_secret_store_store_finish (store, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct {
  GQuark      domain;
  int         code;
  const char *message;
  const char *expected;
} ErrorCase;

static void
check_error_messages (const ErrorCase *cases,
                      guint            n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) source = g_error_new_literal (cases[i].domain, cases[i].code, cases[i].message);
      g_autoptr(GError) error = ra_secret_store_keyring_error_new (source, RA_SECRET_OPERATION_STORE);

      g_assert_error (error, RA_ERROR, RA_ERROR_KEYRING);
      g_test_message ("%s", error->message);
      if (!g_pattern_match_simple (cases[i].expected, error->message))
        g_error ("“%s” does not match “%s”", error->message, cases[i].expected);
    }
}

/* The situations the keyring can be in, each with its own advice. The
 * locked collection and a dismissed prompt need a person at a prompt, so
 * they are checked on what libsecret reports for them. */
static void
test_error_messages (void)
{
  const ErrorCase cases[] = {
    { SECRET_ERROR, SECRET_ERROR_IS_LOCKED, "Cannot store in a locked collection",
      "The client secret was not saved. The keyring is locked. Unlock the keyring*" },
    { G_IO_ERROR, G_IO_ERROR_CANCELLED, "Prompt dismissed",
      "The client secret was not saved. The keyring prompt was dismissed." },
    { G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN,
      "The name org.freedesktop.secrets was not provided by any .service files",
      "*" NO_SERVICE_SENTENCE "*" },
    { G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "Could not connect: No such file or directory",
      "*" NO_SERVICE_SENTENCE "*" },
    { SECRET_ERROR, SECRET_ERROR_PROTOCOL, "received an invalid secret",
      "*keyring refused the request*received an invalid secret*" },
  };

  /* Outside a sandbox, even when this test runs inside one. */
  ra_secret_store_set_flatpak_info_path ("/nonexistent/.flatpak-info");
  check_error_messages (cases, G_N_ELEMENTS (cases));
  ra_secret_store_set_flatpak_info_path (NULL);
}

/* In a sandbox libsecret talks to the Secret portal: a bus error means the
 * portal or the keyring behind it is missing, and the advice names both. */
static void
test_portal_error_messages (void)
{
  const ErrorCase cases[] = {
    { SECRET_ERROR, SECRET_ERROR_IS_LOCKED, "Cannot store in a locked collection",
      "The client secret was not saved. The keyring is locked. Unlock the keyring*" },
    { G_IO_ERROR, G_IO_ERROR_CANCELLED, "Prompt dismissed",
      "The client secret was not saved. The keyring prompt was dismissed." },
    { G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN,
      "The name org.freedesktop.portal.Desktop was not provided by any .service files",
      "The client secret was not saved. " NO_PORTAL_SENTENCE ". Make sure xdg-desktop-portal "
      "and a keyring service such as GNOME Keyring are installed and running." },
    { G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD, "No such interface “org.freedesktop.portal.Secret”",
      "*" NO_PORTAL_SENTENCE "*" },
    { G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "Could not connect: No such file or directory",
      "*" NO_PORTAL_SENTENCE "*" },
    { SECRET_ERROR, SECRET_ERROR_PROTOCOL, "received an invalid secret",
      "*keyring refused the request*received an invalid secret*" },
  };
  g_autoptr(GFile) info = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_new_tmp ("flatpak-info-XXXXXX", &stream, &error);
  g_assert_no_error (error);
  ra_secret_store_set_flatpak_info_path (g_file_peek_path (info));

  check_error_messages (cases, G_N_ELEMENTS (cases));

  ra_secret_store_set_flatpak_info_path (NULL);
  g_file_delete (info, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/secret-store/store-lookup-update-delete", test_store_lookup_update_delete);
  g_test_add_func ("/secret-store/label-and-attributes", test_label_and_attributes);
  g_test_add_func ("/secret-store/bound-to-hosts", test_bound_to_hosts);
  g_test_add_func ("/secret-store/hand-edited-hosts", test_hand_edited_hosts);
  g_test_add_func ("/secret-store/item-without-hosts", test_item_without_hosts);
  g_test_add_func ("/secret-store/same-client-id-no-collision", test_same_client_id_no_collision);
  g_test_add_func ("/secret-store/session-secret", test_session_secret);
  g_test_add_func ("/secret-store/no-secret-service", test_no_secret_service);
  g_test_add_func ("/secret-store/cancelled", test_cancelled);
  g_test_add_func ("/secret-store/no-secret-portal", test_no_secret_portal);
  g_test_add_func ("/secret-store/error-messages", test_error_messages);
  g_test_add_func ("/secret-store/portal-error-messages", test_portal_error_messages);

  return g_test_run ();
}
