/* ra-account-dialog.h — add or edit an account, test its connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_ACCOUNT_DIALOG (ra_account_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RaAccountDialog, ra_account_dialog, RA, ACCOUNT_DIALOG, AdwWindow)

/* account: the account to edit, or NULL to add one. On Save the client
 * secret goes to store and the rest to manager, then ::saved is emitted
 * with the account as the manager holds it, and the dialog closes. */
RaAccountDialog *ra_account_dialog_new          (GtkWindow        *parent,
                                                 RaAccountManager *manager,
                                                 RaSecretStore    *store,
                                                 RaAccount        *account);
/* The account being edited, NULL when adding one. */
RaAccount       *ra_account_dialog_get_account  (RaAccountDialog  *self);

G_END_DECLS
