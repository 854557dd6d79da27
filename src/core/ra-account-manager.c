/* ra-account-manager.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-account-manager"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ra-account.h"
#include "ra-account-file-private.h"
#include "ra-account-manager.h"
#include "ra-nql-queries.h"
#include "ra-settings.h"

#define GROUP_PREFIX "Account "
#define FILE_VERSION 1

struct _RaAccountManager
{
  GObject    parent_instance;

  char      *path;
  GPtrArray *accounts;
  /* Why the file on disk must not be replaced, or NULL. */
  char      *blocked;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RaAccountManager, ra_account_manager, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
list_model_get_item_type (GListModel *model)
{
  return RA_TYPE_ACCOUNT;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return RA_ACCOUNT_MANAGER (model)->accounts->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  RaAccountManager *self = RA_ACCOUNT_MANAGER (model);

  if (position >= self->accounts->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->accounts, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
ra_account_manager_finalize (GObject *object)
{
  RaAccountManager *self = (RaAccountManager *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->blocked, g_free);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);

  G_OBJECT_CLASS (ra_account_manager_parent_class)->finalize (object);
}

static void
ra_account_manager_class_init (RaAccountManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_account_manager_finalize;
}

static void
ra_account_manager_init (RaAccountManager *self)
{
  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
}

RaAccountManager *
ra_account_manager_new (const char *path)
{
  RaAccountManager *self = g_object_new (RA_TYPE_ACCOUNT_MANAGER, NULL);

  if (path != NULL)
    self->path = g_strdup (path);
  else
    self->path = g_build_filename (g_get_user_config_dir (), "remote-actions", "accounts.ini", NULL);

  return self;
}

const char *
ra_account_manager_get_path (RaAccountManager *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT_MANAGER (self), NULL);

  return self->path;
}

static const char *
token_kind_to_string (RaTokenEndpointKind kind)
{
  switch (kind)
    {
    case RA_TOKEN_ENDPOINT_LEGACY:
      return "legacy";
    case RA_TOKEN_ENDPOINT_OAUTH:
      return "oauth";
    case RA_TOKEN_ENDPOINT_AUTO:
    default:
      return "auto";
    }
}

static gboolean
token_kind_from_string (const char          *str,
                        RaTokenEndpointKind *kind)
{
  if (str == NULL || g_str_equal (str, "auto"))
    *kind = RA_TOKEN_ENDPOINT_AUTO;
  else if (g_str_equal (str, "legacy"))
    *kind = RA_TOKEN_ENDPOINT_LEGACY;
  else if (g_str_equal (str, "oauth"))
    *kind = RA_TOKEN_ENDPOINT_OAUTH;
  else
    return FALSE;

  return TRUE;
}

static char *
dup_optional_string (GKeyFile   *key_file,
                     const char *group,
                     const char *key)
{
  char *value = g_key_file_get_string (key_file, group, key, NULL);

  return value != NULL ? value : g_strdup ("");
}

/* Returns the account described by group, or NULL with a reason. */
static RaAccount *
account_from_group (GKeyFile    *key_file,
                    const char  *group,
                    char       **reason)
{
  const char *id = group + strlen (GROUP_PREFIX);
  g_autoptr(RaAccount) account = NULL;
  g_autofree char *instance = NULL;
  g_autofree char *region = NULL;
  g_autofree char *token_kind = NULL;
  g_autofree char *name = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *login_url = NULL;
  g_autofree char *token_used = NULL;
  g_autofree char *results_query = NULL;
  g_autofree char *lookup_query = NULL;
  RaTokenEndpointKind kind;
  RaTokenEndpointKind used;

  if (!g_uuid_string_is_valid (id))
    {
      *reason = g_strdup_printf (_("“%s” is not a valid account identifier"), id);
      return NULL;
    }

  instance = g_key_file_get_string (key_file, group, "Instance", NULL);
  region = g_key_file_get_string (key_file, group, "Region", NULL);
  if (instance == NULL || region == NULL)
    {
      *reason = g_strdup_printf (_("account %s has no instance or region"), id);
      return NULL;
    }

  token_kind = g_key_file_get_string (key_file, group, "TokenEndpoint", NULL);
  if (!token_kind_from_string (token_kind, &kind))
    {
      *reason = g_strdup_printf (_("account %s has an unknown token endpoint “%s”"), id, token_kind);
      return NULL;
    }

  /* Only a hint: one that cannot be read is forgotten, not a damage. */
  token_used = g_key_file_get_string (key_file, group, "TokenEndpointUsed", NULL);
  if (!token_kind_from_string (token_used, &used))
    used = RA_TOKEN_ENDPOINT_AUTO;

  name = dup_optional_string (key_file, group, "Name");
  client_id = dup_optional_string (key_file, group, "ClientId");
  base_url = dup_optional_string (key_file, group, "BaseUrl");
  login_url = dup_optional_string (key_file, group, "LoginUrl");
  /* Kept as written even when not a valid ID: the account editor shows
   * what is wrong with it, and nothing is sent with it meanwhile. */
  results_query = dup_optional_string (key_file, group, "ResultsQuery");
  lookup_query = dup_optional_string (key_file, group, "LookupQuery");

  account = ra_account_new_with_id (id);
  ra_account_set_display_name (account, name);
  ra_account_set_instance (account, instance);
  ra_account_set_region (account, region);
  ra_account_set_client_id (account, client_id);
  ra_account_set_token_endpoint_kind (account, kind);
  ra_account_set_base_url_override (account, base_url);
  ra_account_set_login_url_override (account, login_url);
  ra_account_set_results_query_id (account, results_query);
  ra_account_set_lookup_query_id (account, lookup_query);
  ra_account_set_token_endpoint_used (account, used);

  return g_steal_pointer (&account);
}

static gboolean
same_id (gconstpointer a,
         gconstpointer b)
{
  return g_str_equal (ra_account_get_id ((RaAccount *)a), ra_account_get_id ((RaAccount *)b));
}

static void
replace_accounts (RaAccountManager *self,
                  GPtrArray        *accounts)
{
  guint removed = self->accounts->len;

  g_ptr_array_unref (self->accounts);
  self->accounts = g_ptr_array_ref (accounts);

  if (removed > 0 || accounts->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, accounts->len);
}

gboolean
ra_account_manager_load (RaAccountManager  *self,
                         GError           **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_auto(GStrv) groups = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *display_path = NULL;
  guint n_problems = 0;
  gsize length = 0;

  g_return_val_if_fail (RA_IS_ACCOUNT_MANAGER (self), FALSE);

  display_path = g_filename_display_name (self->path);

  switch (ra_account_file_read (self->path, &contents, &length, &reason))
    {
    case RA_ACCOUNT_FILE_MISSING:
      g_clear_pointer (&self->blocked, g_free);
      replace_accounts (self, accounts);
      return TRUE;

    case RA_ACCOUNT_FILE_FAILED:
      /* The accounts are there but out of reach (permissions, a failing
       * disk): showing an empty list is fine, writing one over them is
       * not. Saving stays refused until a load succeeds. */
      g_free (self->blocked);
      self->blocked = g_strdup (reason);
      replace_accounts (self, accounts);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The account list in %s could not be read: %s. "
                     "Nothing will be saved to it until it can be read."),
                   display_path, reason);
      return FALSE;

    case RA_ACCOUNT_FILE_NOT_FILE:
      replace_accounts (self, accounts);
      backup = ra_account_file_move_aside (self->path, &local_error);
      if (backup == NULL)
        {
          g_free (self->blocked);
          self->blocked = g_strdup (reason);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The account list in %s is damaged (%s), and it could not be moved aside: %s. "
                         "Nothing will be saved to it until this is fixed."),
                       display_path, reason, local_error->message);
          return FALSE;
        }

      g_clear_pointer (&self->blocked, g_free);
      {
        g_autofree char *display_backup = g_filename_display_name (backup);

        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("The account list in %s is damaged (%s). It was moved to %s."),
                     display_path, reason, display_backup);
      }
      return FALSE;

    case RA_ACCOUNT_FILE_OK:
    default:
      break;
    }

  if (!g_key_file_load_from_data (key_file, contents, length, G_KEY_FILE_KEEP_COMMENTS, &local_error))
    {
      ra_account_file_add_problem (problems, &n_problems, local_error->message);
      g_clear_error (&local_error);
    }
  else
    {
      groups = g_key_file_get_groups (key_file, NULL);

      for (guint i = 0; groups[i] != NULL; i++)
        {
          g_autofree char *group_reason = NULL;
          RaAccount *account;

          if (!g_str_has_prefix (groups[i], GROUP_PREFIX))
            continue;

          account = account_from_group (key_file, groups[i], &group_reason);
          if (account == NULL)
            {
              ra_account_file_add_problem (problems, &n_problems, group_reason);
              continue;
            }

          if (g_ptr_array_find_with_equal_func (accounts, account, same_id, NULL))
            {
              g_autofree char *twice = g_strdup_printf (_("account %s appears twice"),
                                                        ra_account_get_id (account));

              ra_account_file_add_problem (problems, &n_problems, twice);
              g_object_unref (account);
              continue;
            }

          g_ptr_array_add (accounts, account);
        }
    }

  replace_accounts (self, accounts);

  if (n_problems == 0)
    {
      g_clear_pointer (&self->blocked, g_free);
      return TRUE;
    }

  ra_account_file_end_problems (problems, n_problems);

  backup = ra_account_file_back_up (self->path, contents, length, &local_error);
  if (backup == NULL)
    {
      /* Saving now would lose the only copy of what could not be read. */
      g_free (self->blocked);
      self->blocked = g_strdup (local_error->message);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The account list in %s is damaged (%s), and a copy could not be kept: %s. "
                     "Nothing will be saved to it until this is fixed."),
                   display_path, problems->str, local_error->message);
      return FALSE;
    }

  g_clear_pointer (&self->blocked, g_free);
  {
    g_autofree char *display_backup = g_filename_display_name (backup);

    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("The account list in %s is damaged (%s). A copy of it was kept in %s."),
                 display_path, problems->str, display_backup);
  }
  return FALSE;
}

gboolean
ra_account_manager_is_writable (RaAccountManager *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT_MANAGER (self), FALSE);

  return self->blocked == NULL;
}

gboolean
ra_account_manager_save (RaAccountManager  *self,
                         GError           **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (RA_IS_ACCOUNT_MANAGER (self), FALSE);

  if (self->blocked != NULL)
    {
      g_autofree char *display_path = g_filename_display_name (self->path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The account list in %s could not be read (%s), so it is left as it is: "
                     "saving now would replace the accounts in it. Fix the problem, then restart Remote Actions."),
                   display_path, self->blocked);
      return FALSE;
    }

  g_key_file_set_comment (key_file, NULL, NULL,
                          " Remote Actions accounts. Client secrets are kept in the keyring, not here.",
                          NULL);
  g_key_file_set_integer (key_file, "General", "Version", FILE_VERSION);

  for (guint i = 0; i < self->accounts->len; i++)
    {
      RaAccount *account = g_ptr_array_index (self->accounts, i);
      g_autofree char *group = g_strconcat (GROUP_PREFIX, ra_account_get_id (account), NULL);

      g_key_file_set_string (key_file, group, "Name", ra_account_get_display_name (account));
      g_key_file_set_string (key_file, group, "Instance", ra_account_get_instance (account));
      g_key_file_set_string (key_file, group, "Region", ra_account_get_region (account));
      g_key_file_set_string (key_file, group, "ClientId", ra_account_get_client_id (account));
      g_key_file_set_string (key_file, group, "TokenEndpoint",
                             token_kind_to_string (ra_account_get_token_endpoint_kind (account)));
      g_key_file_set_string (key_file, group, "BaseUrl", ra_account_get_base_url_override (account));
      g_key_file_set_string (key_file, group, "LoginUrl", ra_account_get_login_url_override (account));
      g_key_file_set_string (key_file, group, "ResultsQuery", ra_account_get_results_query_id (account));
      g_key_file_set_string (key_file, group, "LookupQuery", ra_account_get_lookup_query_id (account));
      if (ra_account_get_token_endpoint_used (account) != RA_TOKEN_ENDPOINT_AUTO)
        g_key_file_set_string (key_file, group, "TokenEndpointUsed",
                               token_kind_to_string (ra_account_get_token_endpoint_used (account)));
    }

  data = g_key_file_to_data (key_file, &length, NULL);

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder %s could not be created: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (!g_file_set_contents_full (self->path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The account list could not be saved: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

RaAccount *
ra_account_manager_lookup (RaAccountManager *self,
                           const char       *id)
{
  g_return_val_if_fail (RA_IS_ACCOUNT_MANAGER (self), NULL);

  if (id == NULL)
    return NULL;

  for (guint i = 0; i < self->accounts->len; i++)
    {
      RaAccount *account = g_ptr_array_index (self->accounts, i);

      if (g_str_equal (ra_account_get_id (account), id))
        return account;
    }

  return NULL;
}

static gboolean
find_position (RaAccountManager *self,
               const char       *id,
               guint            *position)
{
  for (guint i = 0; i < self->accounts->len; i++)
    {
      if (g_str_equal (ra_account_get_id (g_ptr_array_index (self->accounts, i)), id))
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
ra_account_manager_add (RaAccountManager  *self,
                        RaAccount         *account,
                        GError           **error)
{
  guint position;

  g_return_val_if_fail (RA_IS_ACCOUNT_MANAGER (self), FALSE);
  g_return_val_if_fail (RA_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (ra_account_manager_lookup (self, ra_account_get_id (account)) == NULL, FALSE);

  position = self->accounts->len;
  g_ptr_array_add (self->accounts, g_object_ref (account));

  if (!ra_account_manager_save (self, error))
    {
      g_ptr_array_remove_index (self->accounts, position);
      return FALSE;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);

  return TRUE;
}

gboolean
ra_account_manager_update (RaAccountManager  *self,
                           RaAccount         *edited,
                           GError           **error)
{
  g_autoptr(RaAccount) previous = NULL;
  RaAccount *stored;
  guint position;

  g_return_val_if_fail (RA_IS_ACCOUNT_MANAGER (self), FALSE);
  g_return_val_if_fail (RA_IS_ACCOUNT (edited), FALSE);

  if (!find_position (self, ra_account_get_id (edited), &position))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This account no longer exists."));
      return FALSE;
    }

  stored = g_ptr_array_index (self->accounts, position);
  if (stored == edited)
    return ra_account_manager_save (self, error);

  previous = ra_account_copy (stored);
  ra_account_assign (stored, edited);

  if (!ra_account_manager_save (self, error))
    {
      ra_account_assign (stored, previous);
      return FALSE;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);

  return TRUE;
}

gboolean
ra_account_manager_remove (RaAccountManager  *self,
                           const char        *id,
                           GError           **error)
{
  g_autoptr(RaAccount) removed = NULL;
  guint position;

  g_return_val_if_fail (RA_IS_ACCOUNT_MANAGER (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!find_position (self, id, &position))
    return TRUE;

  removed = g_ptr_array_steal_index (self->accounts, position);

  if (!ra_account_manager_save (self, error))
    {
      g_ptr_array_insert (self->accounts, position, g_steal_pointer (&removed));
      return FALSE;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);

  return TRUE;
}

/* Before query IDs belonged to accounts (issue 11), one execution results
 * query served all of them, in a setting. Its value moves into every
 * account that has none, once: the setting is reset after the accounts
 * are saved, so that an account whose query is cleared later does not
 * get it back at the next start. An older version run afterwards finds
 * the setting empty and asks for the query again, which is the lesser
 * harm: keeping the setting would need a second one to say it was moved.
 * With no account yet the setting waits for the first. A value that is
 * not a query ID was never sent anywhere and is dropped. */
gboolean
ra_account_manager_migrate_results_query (RaAccountManager  *self,
                                          GSettings         *settings,
                                          GError           **error)
{
  g_autofree char *query_id = NULL;
  g_autoptr(GPtrArray) changed = NULL;

  g_return_val_if_fail (RA_IS_ACCOUNT_MANAGER (self), FALSE);
  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  query_id = g_settings_get_string (settings, RA_SETTINGS_EXECUTION_RESULTS_QUERY);
  g_strstrip (query_id);
  if (*query_id == '\0')
    return TRUE;

  if (!ra_nql_query_id_is_valid (query_id))
    {
      g_settings_reset (settings, RA_SETTINGS_EXECUTION_RESULTS_QUERY);
      return TRUE;
    }

  /* The accounts could not be read: they keep the setting for later. */
  if (self->accounts->len == 0 || self->blocked != NULL)
    return TRUE;

  changed = g_ptr_array_new ();
  for (guint i = 0; i < self->accounts->len; i++)
    {
      RaAccount *account = g_ptr_array_index (self->accounts, i);

      if (*ra_account_get_results_query_id (account) != '\0')
        continue;

      ra_account_set_results_query_id (account, query_id);
      g_ptr_array_add (changed, account);
    }

  if (changed->len > 0 && !ra_account_manager_save (self, error))
    {
      for (guint i = 0; i < changed->len; i++)
        ra_account_set_results_query_id (g_ptr_array_index (changed, i), "");
      return FALSE;
    }

  g_settings_reset (settings, RA_SETTINGS_EXECUTION_RESULTS_QUERY);
  for (guint i = 0; i < self->accounts->len; i++)
    {
      if (g_ptr_array_find (changed, g_ptr_array_index (self->accounts, i), NULL))
        g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
    }

  return TRUE;
}
