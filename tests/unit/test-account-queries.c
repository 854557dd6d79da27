/* test-account-queries.c — each account's NQL query IDs: the properties,
 * their check, the account file, and the move from the one global
 * setting of older versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-account-queries"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ra-account.h"
#include "ra-account-manager.h"
#include "ra-error.h"
#include "ra-nql-queries.h"

#include "ra-test-common.h"

typedef struct
{
  char      *dir;
  char      *path;
  GSettings *settings;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ra-account-queries-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "remote-actions", "accounts.ini", NULL);
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "execution-results-query");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_settings_reset (fixture->settings, "execution-results-query");
  g_clear_object (&fixture->settings);
  ra_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static RaAccount *
make_account (const char *instance)
{
  RaAccount *account = ra_account_new ();

  ra_account_set_instance (account, instance);
  ra_account_set_region (account, "eu");
  ra_account_set_client_id (account, "client");

  return account;
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_properties (void)
{
  g_autoptr(RaAccount) account = make_account ("acme");
  g_autoptr(RaAccount) copy = NULL;
  g_autoptr(RaAccount) other = make_account ("acme");
  g_autofree char *value = NULL;
  guint results_count = 0;
  guint lookup_count = 0;

  /* None set up: empty, never NULL. */
  g_assert_cmpstr (ra_account_get_results_query_id (account), ==, "");
  g_assert_cmpstr (ra_account_get_lookup_query_id (account), ==, "");

  g_signal_connect (account, "notify::results-query-id", G_CALLBACK (notify_count_cb), &results_count);
  g_signal_connect (account, "notify::lookup-query-id", G_CALLBACK (notify_count_cb), &lookup_count);

  /* Pasted with blanks and a line break around it, as from a web page. */
  ra_account_set_results_query_id (account, "  #ra_results\n");
  ra_account_set_results_query_id (account, "#ra_results");
  g_assert_cmpstr (ra_account_get_results_query_id (account), ==, "#ra_results");
  g_assert_cmpuint (results_count, ==, 1);
  g_assert_cmpuint (lookup_count, ==, 0);

  g_object_set (account, "lookup-query-id", "\t#ra_lookup ", NULL);
  g_assert_cmpstr (ra_account_get_lookup_query_id (account), ==, "#ra_lookup");
  g_object_get (account, "lookup-query-id", &value, NULL);
  g_assert_cmpstr (value, ==, "#ra_lookup");
  g_assert_cmpuint (lookup_count, ==, 1);

  ra_account_set_lookup_query_id (account, NULL);
  g_assert_cmpstr (ra_account_get_lookup_query_id (account), ==, "");
  g_assert_cmpuint (lookup_count, ==, 2);
  ra_account_set_lookup_query_id (account, "#ra_lookup");

  /* A copy for the editor carries them, and saving it brings them back. */
  copy = ra_account_copy (account);
  g_assert_cmpstr (ra_account_get_results_query_id (copy), ==, "#ra_results");
  g_assert_cmpstr (ra_account_get_lookup_query_id (copy), ==, "#ra_lookup");
  ra_account_set_results_query_id (copy, "#ra_results_2");
  ra_account_assign (account, copy);
  g_assert_cmpstr (ra_account_get_results_query_id (account), ==, "#ra_results_2");

  /* Queries do not say where credentials go: the secret stays bound. */
  g_assert_true (ra_account_same_hosts (account, other));

  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_finalize_object (g_steal_pointer (&account));
  g_assert_finalize_object (g_steal_pointer (&other));
}

static void
assert_refused (RaAccount  *account,
                const char *which,
                const char *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ra_account_validate_queries (account, &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, which));
  g_assert_nonnull (strstr (error->message, reason));
  g_clear_error (&error);

  /* The whole account is not valid either. */
  g_assert_false (ra_account_validate (account, &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT);
}

static void
test_validate (void)
{
  g_autoptr(RaAccount) account = make_account ("acme");
  g_autoptr(GError) error = NULL;
  g_autofree char *longest = g_strnfill (RA_NQL_QUERY_ID_MAX_LENGTH, 'a');
  g_autofree char *too_long = g_strnfill (RA_NQL_QUERY_ID_MAX_LENGTH + 1, 'a');

  longest[0] = '#';
  too_long[0] = '#';

  /* None set up is fine: the features that need them say so. */
  g_assert_true (ra_account_validate (account, &error));
  g_assert_no_error (error);

  ra_account_set_results_query_id (account, RA_DEMO_EXECUTIONS_QUERY);
  ra_account_set_lookup_query_id (account, longest);
  g_assert_true (ra_account_validate (account, &error));
  g_assert_no_error (error);

  ra_account_set_results_query_id (account, "remote_action_executions");
  assert_refused (account, "Execution results query", "starts with #");
  ra_account_set_results_query_id (account, "#Remote Executions");
  assert_refused (account, "Execution results query", "lower-case");
  ra_account_set_results_query_id (account, "#r");
  assert_refused (account, "Execution results query", "at least two");
  ra_account_set_results_query_id (account, "#ra_results");

  ra_account_set_lookup_query_id (account, too_long);
  assert_refused (account, "Device lookup query", "at most 255");
  ra_account_set_lookup_query_id (account, "#device-lookup");
  assert_refused (account, "Device lookup query", "lower-case");

  g_assert_true (ra_nql_query_id_check (RA_DEMO_LOOKUP_QUERY, &error));
  g_assert_no_error (error);
  g_assert_false (ra_nql_query_id_check ("", &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT);
}

/* The texts the account editor and the README hand out ask for what the
 * app sends and reads. */
static void
test_query_texts (void)
{
  g_assert_nonnull (strstr (RA_NQL_RESULTS_QUERY_TEXT, "remote_action.executions"));
  g_assert_nonnull (strstr (RA_NQL_RESULTS_QUERY_TEXT, "where request_id == $request_id"));
  g_assert_nonnull (strstr (RA_NQL_RESULTS_QUERY_TEXT,
                            "list device.name, device.collector.uid, status, status_details, time, outputs"));
  g_assert_nonnull (strstr (RA_NQL_LOOKUP_QUERY_TEXT, "devices\n"));
  g_assert_nonnull (strstr (RA_NQL_LOOKUP_QUERY_TEXT, "where device.name == $device_name"));
  g_assert_nonnull (strstr (RA_NQL_LOOKUP_QUERY_TEXT, "list device.name, device.collector.uid"));
}

/* The README tells admins the same texts, word for word, with their
 * parameters and permissions. */
static void
test_readme (void)
{
  g_autofree char *readme = NULL;
  g_autofree char *results = g_strdup_printf ("```\n%s\n```", RA_NQL_RESULTS_QUERY_TEXT);
  g_autofree char *lookup = g_strdup_printf ("```\n%s\n```", RA_NQL_LOOKUP_QUERY_TEXT);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (README_PATH, &readme, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (readme, results));
  g_assert_nonnull (strstr (readme, lookup));
  g_assert_nonnull (strstr (readme, "`$" RA_NQL_RESULTS_PARAMETER "`"));
  g_assert_nonnull (strstr (readme, "`$" RA_NQL_LOOKUP_PARAMETER "`"));
  g_assert_nonnull (strstr (readme, "**NQL API**"));
  g_assert_nonnull (strstr (readme, "Manage all NQL API"));
  g_assert_nonnull (strstr (readme, RA_DEMO_EXECUTIONS_QUERY));
  g_assert_nonnull (strstr (readme, RA_DEMO_LOOKUP_QUERY));
}

static RaAccountManager *
load (const char *path)
{
  RaAccountManager *manager = ra_account_manager_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (ra_account_manager_load (manager, &error));
  g_assert_no_error (error);

  return manager;
}

static RaAccount *
account_at (RaAccountManager *manager,
            guint             position)
{
  g_autoptr(RaAccount) account = g_list_model_get_item (G_LIST_MODEL (manager), position);

  g_assert_nonnull (account);
  return account;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RaAccountManager) manager = ra_account_manager_new (fixture->path);
  g_autoptr(RaAccountManager) reloaded = NULL;
  g_autoptr(RaAccount) set_up = make_account ("acme");
  g_autoptr(RaAccount) bare = make_account ("beta");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  ra_account_set_results_query_id (set_up, "#ra_results");
  ra_account_set_lookup_query_id (set_up, "#ra_lookup");
  g_assert_true (ra_account_manager_add (manager, set_up, &error));
  g_assert_no_error (error);
  g_assert_true (ra_account_manager_add (manager, bare, &error));
  g_assert_no_error (error);

  g_file_get_contents (fixture->path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "ResultsQuery=#ra_results\n"));
  g_assert_nonnull (strstr (contents, "LookupQuery=#ra_lookup\n"));

  reloaded = load (fixture->path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 2);
  g_assert_cmpstr (ra_account_get_results_query_id (account_at (reloaded, 0)), ==, "#ra_results");
  g_assert_cmpstr (ra_account_get_lookup_query_id (account_at (reloaded, 0)), ==, "#ra_lookup");
  g_assert_cmpstr (ra_account_get_results_query_id (account_at (reloaded, 1)), ==, "");
  g_assert_cmpstr (ra_account_get_lookup_query_id (account_at (reloaded, 1)), ==, "");

  /* Edited and saved again. */
  {
    g_autoptr(RaAccount) edited = ra_account_copy (account_at (reloaded, 0));

    ra_account_set_lookup_query_id (edited, "");
    g_assert_true (ra_account_manager_update (reloaded, edited, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&reloaded);
  reloaded = load (fixture->path);
  g_assert_cmpstr (ra_account_get_results_query_id (account_at (reloaded, 0)), ==, "#ra_results");
  g_assert_cmpstr (ra_account_get_lookup_query_id (account_at (reloaded, 0)), ==, "");
}

/* A file of an older version has no such keys; one edited by hand may
 * have blanks or a wrong ID, which is kept for the editor to show. */
static void
test_older_and_edited_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(RaAccountManager) manager = NULL;
  g_autoptr(GError) error = NULL;

  write_file (fixture->path,
              "[General]\nVersion=1\n\n"
              "[Account 6f1d0a52-3c8e-4a47-9a51-0d7f0c2b9e11]\n"
              "Name=Old\nInstance=acme\nRegion=eu\nClientId=c\nTokenEndpoint=auto\n"
              "BaseUrl=\nLoginUrl=\n\n"
              "[Account 0c7b7b8e-8d0a-4c1e-bb7e-5a8e6f7d2c33]\n"
              "Name=Edited\nInstance=beta\nRegion=us\nClientId=c\nTokenEndpoint=auto\n"
              "ResultsQuery=  #ra_results  \nLookupQuery=#Device Lookup\n");

  manager = load (fixture->path);
  g_assert_cmpstr (ra_account_get_results_query_id (account_at (manager, 0)), ==, "");
  g_assert_cmpstr (ra_account_get_lookup_query_id (account_at (manager, 0)), ==, "");
  g_assert_cmpstr (ra_account_get_results_query_id (account_at (manager, 1)), ==, "#ra_results");
  g_assert_cmpstr (ra_account_get_lookup_query_id (account_at (manager, 1)), ==, "#Device Lookup");
  g_assert_false (ra_account_validate (account_at (manager, 1), &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT);
  g_assert_true (g_str_has_prefix (error->message, "Device lookup query"));
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_migrate (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(RaAccountManager) manager = ra_account_manager_new (fixture->path);
  g_autoptr(RaAccountManager) reloaded = NULL;
  g_autoptr(RaAccount) without = make_account ("acme");
  g_autoptr(RaAccount) with_own = make_account ("beta");
  g_autoptr(RaAccount) also_without = make_account ("gamma");
  g_autoptr(GVariant) user_value = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  ra_account_set_results_query_id (with_own, "#own_results");
  g_assert_true (ra_account_manager_add (manager, without, &error));
  g_assert_true (ra_account_manager_add (manager, with_own, &error));
  g_assert_true (ra_account_manager_add (manager, also_without, &error));
  g_assert_no_error (error);
  g_clear_object (&manager);

  /* What an older version left, read at the next start. */
  g_settings_set_string (fixture->settings, "execution-results-query", " #global_results ");
  manager = load (fixture->path);
  g_signal_connect (manager, "items-changed", G_CALLBACK (items_changed_cb), &changed);
  g_assert_true (ra_account_manager_migrate_results_query (manager, fixture->settings, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (ra_account_get_results_query_id (account_at (manager, 0)), ==, "#global_results");
  g_assert_cmpstr (ra_account_get_results_query_id (account_at (manager, 1)), ==, "#own_results");
  g_assert_cmpstr (ra_account_get_results_query_id (account_at (manager, 2)), ==, "#global_results");
  /* Only the results query: nothing was ever set up for looking up. */
  g_assert_cmpstr (ra_account_get_lookup_query_id (account_at (manager, 0)), ==, "");
  g_assert_cmpuint (changed, ==, 2);

  /* Saved, and the setting is gone: moved, not copied. */
  reloaded = load (fixture->path);
  g_assert_cmpstr (ra_account_get_results_query_id (account_at (reloaded, 0)), ==, "#global_results");
  g_assert_cmpstr (ra_account_get_results_query_id (account_at (reloaded, 1)), ==, "#own_results");
  g_assert_cmpstr (ra_account_get_results_query_id (account_at (reloaded, 2)), ==, "#global_results");
  user_value = g_settings_get_user_value (fixture->settings, "execution-results-query");
  g_assert_null (user_value);

  /* Once: a query cleared afterwards stays cleared at the next start. */
  {
    g_autoptr(RaAccount) edited = ra_account_copy (account_at (reloaded, 0));

    ra_account_set_results_query_id (edited, "");
    g_assert_true (ra_account_manager_update (reloaded, edited, &error));
  }
  g_clear_object (&reloaded);
  reloaded = load (fixture->path);
  g_assert_true (ra_account_manager_migrate_results_query (reloaded, fixture->settings, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ra_account_get_results_query_id (account_at (reloaded, 0)), ==, "");
}

/* Nothing to move it into yet, nothing that could be moved, or a file
 * that could not be saved: the accounts and the setting stay as they
 * are, except for a value that never was a query ID. */
static void
test_migrate_left_alone (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(RaAccountManager) manager = NULL;
  g_autoptr(RaAccount) account = make_account ("acme");
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *blocked_dir = NULL;

  /* No accounts: it waits for the first. */
  g_settings_set_string (fixture->settings, "execution-results-query", "#global_results");
  manager = load (fixture->path);
  g_assert_true (ra_account_manager_migrate_results_query (manager, fixture->settings, &error));
  g_assert_no_error (error);
  value = g_settings_get_string (fixture->settings, "execution-results-query");
  g_assert_cmpstr (value, ==, "#global_results");
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  /* Not a query ID: dropped, the account untouched. */
  g_assert_true (ra_account_manager_add (manager, account, &error));
  g_assert_no_error (error);
  g_settings_set_string (fixture->settings, "execution-results-query", "global results");
  g_assert_true (ra_account_manager_migrate_results_query (manager, fixture->settings, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ra_account_get_results_query_id (account_at (manager, 0)), ==, "");
  g_clear_pointer (&value, g_free);
  value = g_settings_get_string (fixture->settings, "execution-results-query");
  g_assert_cmpstr (value, ==, "");

  /* The file cannot be written: the account goes back to none, and the
   * setting is kept for the next start. */
  g_settings_set_string (fixture->settings, "execution-results-query", "#global_results");
  blocked_dir = g_path_get_dirname (fixture->path);
  ra_test_remove_tree (blocked_dir);
  write_file (blocked_dir, "in the way");
  g_assert_false (ra_account_manager_migrate_results_query (manager, fixture->settings, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (ra_account_get_results_query_id (account_at (manager, 0)), ==, "");
  g_clear_pointer (&value, g_free);
  value = g_settings_get_string (fixture->settings, "execution-results-query");
  g_assert_cmpstr (value, ==, "#global_results");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/account-queries/properties", test_properties);
  g_test_add_func ("/account-queries/validate", test_validate);
  g_test_add_func ("/account-queries/query-texts", test_query_texts);
  g_test_add_func ("/account-queries/readme", test_readme);
  RA_TEST_ADD ("/account-queries/round-trip", test_round_trip);
  RA_TEST_ADD ("/account-queries/older-and-edited-file", test_older_and_edited_file);
  RA_TEST_ADD ("/account-queries/migrate", test_migrate);
  RA_TEST_ADD ("/account-queries/migrate-left-alone", test_migrate_left_alone);

  return g_test_run ();
}
