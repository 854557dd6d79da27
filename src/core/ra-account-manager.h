/* ra-account-manager.h — the list of accounts, kept in a key file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_ACCOUNT_MANAGER (ra_account_manager_get_type ())
G_DECLARE_FINAL_TYPE (RaAccountManager, ra_account_manager, RA, ACCOUNT_MANAGER, GObject)

/* A GListModel of RaAccount in the order they were added. Only the
 * non-secret fields are written; client secrets live in the keyring
 * (RaSecretStore) and tokens only in memory.
 *
 * path: the key file, or NULL for
 * $XDG_CONFIG_HOME/remote-actions/accounts.ini. Nothing is read until
 * ra_account_manager_load (). */
RaAccountManager *ra_account_manager_new          (const char        *path);
const char       *ra_account_manager_get_path     (RaAccountManager  *self);

/* A missing file is an empty list, not an error. A file that cannot be
 * understood is copied next to itself ("accounts.ini.bak", or .bak.1 …
 * when that holds something else; the same damaged file is copied only
 * once) before anything else happens, the accounts that can be read are
 * kept, and the error says where the copy is. What is not a regular file
 * of a sensible size (a symbolic link, a folder, a device, a huge file)
 * is never read: it is moved aside unread. A file that exists but cannot
 * be read (permissions) loads as an empty list with an error, and every
 * save is refused until a later load succeeds, so the accounts in it are
 * never overwritten. Error messages are valid UTF-8 and of bounded
 * length. */
gboolean          ra_account_manager_load         (RaAccountManager  *self,
                                                   GError           **error);
/* FALSE while saving is refused because the file could not be read (see
 * ra_account_manager_load ()). */
gboolean          ra_account_manager_is_writable  (RaAccountManager  *self);
/* Atomic: the file is either the old or the new list, never half of one. */
gboolean          ra_account_manager_save         (RaAccountManager  *self,
                                                   GError           **error);

/* transfer none; NULL when no account has this id. */
RaAccount        *ra_account_manager_lookup       (RaAccountManager  *self,
                                                   const char        *id);

/* Each of these changes the list and saves it; when saving fails the list
 * is left as it was and the error is returned. */
gboolean          ra_account_manager_add          (RaAccountManager  *self,
                                                   RaAccount         *account,
                                                   GError           **error);
/* Copies the fields of edited into the stored account with the same id. */
gboolean          ra_account_manager_update       (RaAccountManager  *self,
                                                   RaAccount         *edited,
                                                   GError           **error);
gboolean          ra_account_manager_remove       (RaAccountManager  *self,
                                                   const char        *id,
                                                   GError           **error);

/* Moves the execution results query of older versions, one setting
 * (RA_SETTINGS_EXECUTION_RESULTS_QUERY) for every account, into the
 * accounts that have none, saves them and resets the setting. Does
 * nothing without a setting or without accounts. On a save error the
 * accounts and the setting stay as they were. */
gboolean          ra_account_manager_migrate_results_query (RaAccountManager  *self,
                                                            GSettings         *settings,
                                                            GError           **error);

G_END_DECLS
