/* test-account-manager.c — accounts on disk: round trip, damage, atomicity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-account-manager"

#include "config.h"

#include <glib/gstdio.h>
#include <grp.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ra-account.h"
#include "ra-account-manager.h"
#include "ra-endpoint.h"
#include "ra-error.h"

#include "ra-test-common.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ra-accounts-XXXXXX", &error);
  g_assert_no_error (error);
  /* A config dir that does not exist yet: save must create it. */
  fixture->path = g_build_filename (fixture->dir, "remote-actions", "accounts.ini", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ra_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static RaAccount *
make_account (const char *name,
              const char *instance,
              const char *region,
              const char *client_id)
{
  RaAccount *account = ra_account_new ();

  ra_account_set_display_name (account, name);
  ra_account_set_instance (account, instance);
  ra_account_set_region (account, region);
  ra_account_set_client_id (account, client_id);

  return account;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_account_defaults (void)
{
  g_autoptr(RaAccount) a = ra_account_new ();
  g_autoptr(RaAccount) b = ra_account_new ();
  g_autoptr(RaAccount) copy = NULL;
  g_autofree char *title = NULL;

  g_assert_true (g_uuid_string_is_valid (ra_account_get_id (a)));
  g_assert_cmpstr (ra_account_get_id (a), !=, ra_account_get_id (b));
  g_assert_cmpint (ra_account_get_token_endpoint_kind (a), ==, RA_TOKEN_ENDPOINT_AUTO);
  g_assert_cmpstr (ra_account_get_base_url_override (a), ==, "");

  ra_account_set_instance (a, "  acme ");
  ra_account_set_region (a, "eu");
  g_assert_cmpstr (ra_account_get_instance (a), ==, "acme");
  title = ra_account_dup_title (a);
  g_assert_cmpstr (title, ==, "acme (eu)");

  g_object_set (a, "token-endpoint-kind", RA_TOKEN_ENDPOINT_OAUTH, NULL);
  g_assert_cmpint (ra_account_get_token_endpoint_kind (a), ==, RA_TOKEN_ENDPOINT_OAUTH);

  ra_account_set_display_name (a, "Production");
  copy = ra_account_copy (a);
  g_assert_cmpint (ra_account_get_token_endpoint_kind (copy), ==, RA_TOKEN_ENDPOINT_OAUTH);
  g_assert_cmpstr (ra_account_get_id (copy), ==, ra_account_get_id (a));
  g_assert_cmpstr (ra_account_get_display_name (copy), ==, "Production");
  g_assert_cmpstr (ra_account_get_instance (copy), ==, "acme");

  /* What worked on one host says nothing about another. */
  ra_account_set_token_endpoint_used (a, RA_TOKEN_ENDPOINT_LEGACY);
  g_assert_true (ra_account_same_hosts (a, copy));
  ra_account_set_login_url_override (a, "https://login.example.com");
  g_assert_cmpint (ra_account_get_token_endpoint_used (a), ==, RA_TOKEN_ENDPOINT_AUTO);
  g_assert_false (ra_account_same_hosts (a, copy));
  ra_account_set_login_url_override (a, "");
  ra_account_set_token_endpoint_used (a, RA_TOKEN_ENDPOINT_OAUTH);
  ra_account_set_region (a, "us");
  g_assert_cmpint (ra_account_get_token_endpoint_used (a), ==, RA_TOKEN_ENDPOINT_AUTO);
  g_assert_false (ra_account_same_hosts (a, copy));

  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_finalize_object (g_steal_pointer (&a));
  g_assert_finalize_object (g_steal_pointer (&b));
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_account_notify_only_on_change (void)
{
  g_autoptr(RaAccount) account = ra_account_new ();
  guint count = 0;

  g_signal_connect (account, "notify::instance", G_CALLBACK (notify_count_cb), &count);
  ra_account_set_instance (account, "acme");
  ra_account_set_instance (account, "acme");
  ra_account_set_instance (account, " acme ");
  g_assert_cmpuint (count, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&account));
}

static void
test_account_validate (void)
{
  g_autoptr(RaAccount) account = make_account ("", "acme", "eu", "client");
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ra_account_validate (account, &error));
  g_assert_no_error (error);
  endpoint = ra_account_create_endpoint (account, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ra_endpoint_get_api_base_url (endpoint), ==, "https://acme.api.eu.nexthink.cloud");
  g_clear_object (&endpoint);

  /* An instance name becomes part of a host name. */
  ra_account_set_instance (account, "evil.example.com/");
  g_assert_false (ra_account_validate (account, &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT);
  g_clear_error (&error);
  g_assert_null (ra_account_create_endpoint (account, &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT);
  g_clear_error (&error);
  ra_account_set_instance (account, "acme");

  ra_account_set_region (account, "mars");
  g_assert_false (ra_account_validate (account, &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT);
  g_clear_error (&error);
  ra_account_set_region (account, "us");

  ra_account_set_base_url_override (account, "http://proxy.example.com");
  g_assert_false (ra_account_validate (account, &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT);
  g_clear_error (&error);

  ra_account_set_base_url_override (account, "http://127.0.0.1:4321");
  g_assert_true (ra_account_validate (account, &error));
  endpoint = ra_account_create_endpoint (account, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ra_endpoint_get_api_base_url (endpoint), ==, "http://127.0.0.1:4321");

  ra_account_set_client_id (account, " ");
  g_assert_false (ra_account_validate (account, &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT);
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RaAccountManager) manager = ra_account_manager_new (fixture->path);
  g_autoptr(GError) error = NULL;

  g_assert_true (ra_account_manager_load (manager, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  g_assert_finalize_object (g_steal_pointer (&manager));
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(RaAccountManager) manager = ra_account_manager_new (fixture->path);
  g_autoptr(RaAccountManager) reloaded = NULL;
  g_autoptr(RaAccount) prod = make_account ("Production — Zürich [main]", "acme", "eu", "client=1;x");
  g_autoptr(RaAccount) test = make_account ("", "acme-test", "us", "client-2");
  g_autoptr(GError) error = NULL;
  g_autoptr(RaAccount) first = NULL;
  g_autoptr(RaAccount) second = NULL;
  RaAccount *found;
  GStatBuf st;

  ra_account_set_token_endpoint_kind (test, RA_TOKEN_ENDPOINT_OAUTH);
  ra_account_set_base_url_override (test, "http://127.0.0.1:8080");
  ra_account_set_login_url_override (test, "http://127.0.0.1:8081");
  ra_account_set_token_endpoint_used (prod, RA_TOKEN_ENDPOINT_LEGACY);

  g_assert_true (ra_account_manager_add (manager, prod, &error));
  g_assert_no_error (error);
  g_assert_true (ra_account_manager_add (manager, test, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  reloaded = ra_account_manager_new (fixture->path);
  g_assert_true (ra_account_manager_load (reloaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 2);

  /* Order is kept. */
  first = g_list_model_get_item (G_LIST_MODEL (reloaded), 0);
  second = g_list_model_get_item (G_LIST_MODEL (reloaded), 1);
  g_assert_cmpstr (ra_account_get_id (first), ==, ra_account_get_id (prod));
  g_assert_cmpstr (ra_account_get_id (second), ==, ra_account_get_id (test));

  g_assert_cmpstr (ra_account_get_display_name (first), ==, "Production — Zürich [main]");
  g_assert_cmpstr (ra_account_get_instance (first), ==, "acme");
  g_assert_cmpstr (ra_account_get_region (first), ==, "eu");
  g_assert_cmpstr (ra_account_get_client_id (first), ==, "client=1;x");
  g_assert_cmpint (ra_account_get_token_endpoint_kind (first), ==, RA_TOKEN_ENDPOINT_AUTO);
  /* What worked last time is kept, so the next start goes straight there. */
  g_assert_cmpint (ra_account_get_token_endpoint_used (first), ==, RA_TOKEN_ENDPOINT_LEGACY);

  found = ra_account_manager_lookup (reloaded, ra_account_get_id (test));
  g_assert_nonnull (found);
  g_assert_cmpint (ra_account_get_token_endpoint_kind (found), ==, RA_TOKEN_ENDPOINT_OAUTH);
  g_assert_cmpstr (ra_account_get_base_url_override (found), ==, "http://127.0.0.1:8080");
  g_assert_cmpstr (ra_account_get_login_url_override (found), ==, "http://127.0.0.1:8081");
  g_assert_cmpint (ra_account_get_token_endpoint_used (found), ==, RA_TOKEN_ENDPOINT_AUTO);
  g_assert_null (ra_account_manager_lookup (reloaded, "nope"));

  g_clear_object (&first);
  g_clear_object (&second);
  g_assert_finalize_object (g_steal_pointer (&reloaded));
  g_assert_finalize_object (g_steal_pointer (&manager));
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changed)
{
  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->count++;
}

static void
test_update_remove (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RaAccountManager) manager = ra_account_manager_new (fixture->path);
  g_autoptr(RaAccountManager) reloaded = NULL;
  g_autoptr(RaAccount) a = make_account ("A", "alpha", "eu", "id-a");
  g_autoptr(RaAccount) b = make_account ("B", "beta", "pac", "id-b");
  g_autoptr(RaAccount) edited = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0 };

  g_signal_connect (manager, "items-changed", G_CALLBACK (items_changed_cb), &changed);

  g_assert_true (ra_account_manager_add (manager, a, &error));
  g_assert_true (ra_account_manager_add (manager, b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);

  /* Editing a copy changes nothing until update. */
  edited = ra_account_copy (b);
  ra_account_set_instance (edited, "gamma");
  ra_account_set_region (edited, "meta");
  g_assert_cmpstr (ra_account_get_instance (b), ==, "beta");
  g_assert_true (ra_account_manager_update (manager, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ra_account_get_instance (b), ==, "gamma");
  g_assert_cmpuint (changed.count, ==, 3);
  g_assert_cmpuint (changed.position, ==, 1);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);

  g_assert_true (ra_account_manager_remove (manager, ra_account_get_id (a), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed.count, ==, 4);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 1);

  /* Removing what is not there is fine and changes nothing. */
  g_assert_true (ra_account_manager_remove (manager, ra_account_get_id (a), &error));
  g_assert_cmpuint (changed.count, ==, 4);

  reloaded = ra_account_manager_new (fixture->path);
  g_assert_true (ra_account_manager_load (reloaded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
  g_assert_null (ra_account_manager_lookup (reloaded, ra_account_get_id (a)));
  g_assert_cmpstr (ra_account_get_instance (ra_account_manager_lookup (reloaded, ra_account_get_id (b))),
                   ==, "gamma");
  g_assert_cmpstr (ra_account_get_region (ra_account_manager_lookup (reloaded, ra_account_get_id (b))),
                   ==, "meta");

  g_assert_finalize_object (g_steal_pointer (&reloaded));
  g_assert_finalize_object (g_steal_pointer (&manager));
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
test_corrupt_file (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char garbage[] = "this is [not a key file\n\x01\x02 = \n[Account";
  g_autoptr(RaAccountManager) manager = ra_account_manager_new (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(RaAccount) fresh = make_account ("New", "fresh", "us", "id");
  g_autofree char *backup = g_strdup_printf ("%s.bak", fixture->path);
  g_autofree char *backup1 = g_strdup_printf ("%s.bak.1", fixture->path);
  g_autofree char *saved = NULL;
  g_autofree char *kept = NULL;

  write_file (fixture->path, garbage);

  g_assert_false (ra_account_manager_load (manager, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, backup));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);
  g_clear_error (&error);

  kept = read_file (backup);
  g_assert_cmpstr (kept, ==, garbage);

  /* The app goes on: a new account can be added, the copy stays. */
  g_assert_true (ra_account_manager_add (manager, fresh, &error));
  g_assert_no_error (error);
  g_clear_pointer (&kept, g_free);
  kept = read_file (backup);
  g_assert_cmpstr (kept, ==, garbage);

  /* A second damaged file never overwrites the first copy. */
  write_file (fixture->path, "[Account not-a-uuid]\nInstance=x\nRegion=eu\n");
  g_assert_false (ra_account_manager_load (manager, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, backup1));
  g_clear_error (&error);
  g_clear_pointer (&kept, g_free);
  kept = read_file (backup);
  g_assert_cmpstr (kept, ==, garbage);
  saved = read_file (backup1);
  g_assert_nonnull (strstr (saved, "not-a-uuid"));

  g_assert_finalize_object (g_steal_pointer (&manager));
}

static void
test_partly_damaged (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(RaAccountManager) manager = ra_account_manager_new (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_strdup_printf ("%s.bak", fixture->path);
  const char *contents =
    "[General]\nVersion=1\n\n"
    "[Account 0b7d5a2e-5d0a-4d4b-9a4e-6c1f0f1e2a3b]\nName=Good\nInstance=good\nRegion=eu\nClientId=c\n\n"
    "[Account 7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f]\nName=No region\nInstance=bad\n\n"
    "[Account 1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d]\nInstance=odd\nRegion=us\nTokenEndpoint=carrier-pigeon\n";

  write_file (fixture->path, contents);

  g_assert_false (ra_account_manager_load (manager, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f"));
  g_assert_nonnull (strstr (error->message, "carrier-pigeon"));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 1);
  g_assert_nonnull (ra_account_manager_lookup (manager, "0b7d5a2e-5d0a-4d4b-9a4e-6c1f0f1e2a3b"));

  g_assert_finalize_object (g_steal_pointer (&manager));
}

static void
test_save_failure_keeps_list (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->dir, "blocker", NULL);
  g_autofree char *path = g_build_filename (blocker, "accounts.ini", NULL);
  g_autoptr(RaAccountManager) manager = ra_account_manager_new (path);
  g_autoptr(RaAccount) account = make_account ("A", "alpha", "eu", "id");
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0 };

  /* The config "folder" is a plain file, so nothing can be written. */
  write_file (blocker, "in the way");
  g_signal_connect (manager, "items-changed", G_CALLBACK (items_changed_cb), &changed);

  g_assert_false (ra_account_manager_add (manager, account, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);
  g_assert_cmpuint (changed.count, ==, 0);

  g_assert_finalize_object (g_steal_pointer (&manager));
}

/* The same damaged file, met at every start, is copied once. */
static void
test_damaged_backed_up_once (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *backup = g_strdup_printf ("%s.bak", fixture->path);
  g_autofree char *backup1 = g_strdup_printf ("%s.bak.1", fixture->path);

  write_file (fixture->path, "[Account not-a-uuid]\nInstance=x\nRegion=eu\n");

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RaAccountManager) manager = ra_account_manager_new (fixture->path);
      g_autoptr(GError) error = NULL;

      g_assert_false (ra_account_manager_load (manager, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, backup));
      g_assert_finalize_object (g_steal_pointer (&manager));
    }

  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (backup1, G_FILE_TEST_EXISTS));
}

static void
assert_message_bounded (const char *message)
{
  g_test_message ("%s", message);
  g_assert_true (g_utf8_validate (message, -1, NULL));
  g_assert_cmpuint (strlen (message), <, 1500);
}

/* A symlink in place of the file could point at anything: its target is
 * neither read, nor quoted, nor copied, nor written. */
static void
test_symlink_is_damage (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char secret[] = "[not a key file\nprivate-key-material-1234\n";
  g_autoptr(RaAccountManager) manager = ra_account_manager_new (fixture->path);
  g_autoptr(RaAccount) account = make_account ("A", "alpha", "eu", "id");
  g_autoptr(GError) error = NULL;
  g_autofree char *target = g_build_filename (fixture->dir, "elsewhere", NULL);
  g_autofree char *backup = g_strdup_printf ("%s.bak", fixture->path);
  g_autofree char *kept = NULL;
  g_autofree char *saved = NULL;

  write_file (target, secret);
  write_file (fixture->path, "");
  g_assert_cmpint (g_remove (fixture->path), ==, 0);
  g_assert_cmpint (symlink (target, fixture->path), ==, 0);

  g_assert_false (ra_account_manager_load (manager, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  assert_message_bounded (error->message);
  g_assert_null (strstr (error->message, "private-key-material"));
  g_assert_null (strstr (error->message, "not a key file"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);

  /* The link itself was moved aside, not a copy of what it points to. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_SYMLINK));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Saving writes a file of its own; the target stays as it was. */
  g_assert_true (ra_account_manager_add (manager, account, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_IS_SYMLINK));
  saved = read_file (fixture->path);
  g_assert_null (strstr (saved, "private-key-material"));
  kept = read_file (target);
  g_assert_cmpstr (kept, ==, secret);

  g_assert_finalize_object (g_steal_pointer (&manager));
}

/* A huge file is not read, nor copied whole. */
static void
test_huge_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RaAccountManager) manager = ra_account_manager_new (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_strdup_printf ("%s.bak", fixture->path);
  g_autofree char *huge = g_strnfill (8 * 1024 * 1024, 'x');
  struct stat before, after;

  write_file (fixture->path, huge);
  g_assert_cmpint (g_stat (fixture->path, &before), ==, 0);

  g_assert_false (ra_account_manager_load (manager, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  assert_message_bounded (error->message);
  g_assert_null (strstr (error->message, "xxxxxxxx"));

  /* Moved, not copied: the same file under the backup name. */
  g_assert_cmpint (g_stat (backup, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));

  g_assert_finalize_object (g_steal_pointer (&manager));
}

/* Whatever the file holds, the error names a few problems, briefly, in
 * valid UTF-8. */
static void
test_error_bounded (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(RaAccountManager) manager = ra_account_manager_new (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) contents = g_string_new ("[General]\nVersion=1\n");

  for (guint i = 0; i < 200; i++)
    {
      g_string_append (contents, "[Account ");
      for (guint j = 0; j < 100; j++)
        g_string_append (contents, "long-name-");
      g_string_append_printf (contents, "%u]\nInstance=x\nRegion=eu\n", i);
    }
  write_file (fixture->path, contents->str);

  g_assert_false (ra_account_manager_load (manager, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  assert_message_bounded (error->message);
  g_assert_nonnull (strstr (error->message, "197 more"));
  g_clear_error (&error);

  /* A line that is not even text. */
  write_file (fixture->path, "[General]\n\xff\xfe\x80 is this a key?\n");
  g_assert_false (ra_account_manager_load (manager, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  assert_message_bounded (error->message);

  g_assert_finalize_object (g_steal_pointer (&manager));
}

static void
drop_privileges (const char *path)
{
  /* As root every file is readable: the test runs as "nobody", owning
   * the file and its folders, as a user owns their config folder. */
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *config = g_path_get_dirname (dir);

  g_assert_cmpint (chown (config, 65534, 65534), ==, 0);
  g_assert_cmpint (chown (dir, 65534, 65534), ==, 0);
  g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
  g_assert_cmpint (setgroups (0, NULL), ==, 0);
  g_assert_cmpint (setgid (65534), ==, 0);
  g_assert_cmpint (setuid (65534), ==, 0);
}

/* A file that cannot be read is not an empty list to be saved over it. */
static void
test_unreadable_file (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char contents[] =
    "[Account 0b7d5a2e-5d0a-4d4b-9a4e-6c1f0f1e2a3b]\nName=Good\nInstance=good\nRegion=eu\n";
  g_autoptr(RaAccountManager) manager = NULL;
  g_autoptr(RaAccount) account = make_account ("A", "alpha", "eu", "id");
  g_autoptr(GError) error = NULL;
  struct stat before, after;

  if (geteuid () == 0 && !g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  write_file (fixture->path, contents);
  g_assert_cmpint (g_chmod (fixture->path, 0), ==, 0);
  if (geteuid () == 0)
    drop_privileges (fixture->path);
  g_assert_cmpint (g_stat (fixture->path, &before), ==, 0);

  manager = ra_account_manager_new (fixture->path);
  g_assert_false (ra_account_manager_load (manager, &error));
  g_assert_nonnull (error);
  assert_message_bounded (error->message);
  g_assert_false (ra_account_manager_is_writable (manager));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);
  g_clear_error (&error);

  /* Saving is refused, and says why. */
  g_assert_false (ra_account_manager_add (manager, account, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_test_message ("%s", error->message);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);
  g_clear_error (&error);

  g_assert_cmpint (g_stat (fixture->path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);
  g_assert_cmpuint (before.st_size, ==, after.st_size);

  /* Once the file can be read again, the accounts come back and saving
   * works. */
  g_assert_cmpint (g_chmod (fixture->path, 0600), ==, 0);
  g_assert_true (ra_account_manager_load (manager, &error));
  g_assert_no_error (error);
  g_assert_true (ra_account_manager_is_writable (manager));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 1);
  g_assert_true (ra_account_manager_add (manager, account, &error));
  g_assert_no_error (error);

  g_assert_finalize_object (g_steal_pointer (&manager));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/account/defaults", test_account_defaults);
  g_test_add_func ("/account/notify-only-on-change", test_account_notify_only_on_change);
  g_test_add_func ("/account/validate", test_account_validate);
  g_test_add ("/account-manager/missing-file", Fixture, NULL,
              fixture_set_up, test_missing_file, fixture_tear_down);
  g_test_add ("/account-manager/round-trip", Fixture, NULL,
              fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/account-manager/update-remove", Fixture, NULL,
              fixture_set_up, test_update_remove, fixture_tear_down);
  g_test_add ("/account-manager/corrupt-file", Fixture, NULL,
              fixture_set_up, test_corrupt_file, fixture_tear_down);
  g_test_add ("/account-manager/partly-damaged", Fixture, NULL,
              fixture_set_up, test_partly_damaged, fixture_tear_down);
  g_test_add ("/account-manager/save-failure-keeps-list", Fixture, NULL,
              fixture_set_up, test_save_failure_keeps_list, fixture_tear_down);

  g_test_add ("/account-manager/damaged-backed-up-once", Fixture, NULL,
              fixture_set_up, test_damaged_backed_up_once, fixture_tear_down);
  g_test_add ("/account-manager/symlink-is-damage", Fixture, NULL,
              fixture_set_up, test_symlink_is_damage, fixture_tear_down);
  g_test_add ("/account-manager/huge-file", Fixture, NULL,
              fixture_set_up, test_huge_file, fixture_tear_down);
  g_test_add ("/account-manager/error-bounded", Fixture, NULL,
              fixture_set_up, test_error_bounded, fixture_tear_down);
  g_test_add ("/account-manager/unreadable-file", Fixture, NULL,
              fixture_set_up, test_unreadable_file, fixture_tear_down);

  return g_test_run ();
}
