/* fuzz-accounts.c — the accounts file, loaded, saved and loaded again
 *
 * Whatever the file holds, loading keeps what it can and says what it
 * could not; what is then saved must load again without a complaint,
 * give the same accounts, and save to the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-accounts"

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <string.h>

#include "ra-account.h"
#include "ra-account-manager.h"
#include "ra-error.h"

static char *dir;
static char *path;

static void
remove_all (void)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
}

static void
assert_same_account (RaAccount *a,
                     RaAccount *b)
{
  g_assert_cmpstr (ra_account_get_id (a), ==, ra_account_get_id (b));
  g_assert_cmpstr (ra_account_get_display_name (a), ==, ra_account_get_display_name (b));
  g_assert_cmpstr (ra_account_get_instance (a), ==, ra_account_get_instance (b));
  g_assert_cmpstr (ra_account_get_region (a), ==, ra_account_get_region (b));
  g_assert_cmpstr (ra_account_get_client_id (a), ==, ra_account_get_client_id (b));
  g_assert_cmpint (ra_account_get_token_endpoint_kind (a), ==,
                   ra_account_get_token_endpoint_kind (b));
  g_assert_cmpstr (ra_account_get_base_url_override (a), ==, ra_account_get_base_url_override (b));
}

static char *
read_back (gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RaAccountManager) first = NULL;
  g_autoptr(RaAccountManager) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  gsize saved_length, saved_again_length;
  guint n;

  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("ra-fuzz-accounts-XXXXXX", NULL);
      g_assert_nonnull (dir);
      path = g_build_filename (dir, "accounts.ini", NULL);
    }

  remove_all ();
  g_assert_true (g_file_set_contents (path, (const char *) data, size, NULL));

  first = ra_account_manager_new (path);
  if (!ra_account_manager_load (first, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  g_clear_error (&error);

  g_assert_true (ra_account_manager_is_writable (first));
  g_assert_true (ra_account_manager_save (first, &error));
  g_assert_no_error (error);
  saved = read_back (&saved_length);

  second = ra_account_manager_new (path);
  g_assert_true (ra_account_manager_load (second, &error));
  g_assert_no_error (error);

  n = g_list_model_get_n_items (G_LIST_MODEL (first));
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (second)));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaAccount) a = g_list_model_get_item (G_LIST_MODEL (first), i);
      g_autoptr(RaAccount) b = g_list_model_get_item (G_LIST_MODEL (second), i);

      assert_same_account (a, b);
    }

  g_assert_true (ra_account_manager_save (second, &error));
  g_assert_no_error (error);
  saved_again = read_back (&saved_again_length);
  g_assert_cmpmem (saved, saved_length, saved_again, saved_again_length);

  return 0;
}
