/* ra-account-controller.h — which account the window talks to, and the
 * actions that add, edit, remove, switch and sign out of accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-types.h"
#include "ra-window.h"

G_BEGIN_DECLS

#define RA_TYPE_ACCOUNT_CONTROLLER (ra_account_controller_get_type ())
G_DECLARE_FINAL_TYPE (RaAccountController, ra_account_controller, RA, ACCOUNT_CONTROLLER, GObject)

/* Installs the "accounts" action group and the account switcher on window
 * and remembers the last used account in settings ("last-account"). */
RaAccountController *ra_account_controller_new                 (RaWindow            *window,
                                                                RaAccountManager    *manager,
                                                                RaSecretStore       *store,
                                                                GSettings           *settings);
/* demo: connect to the built-in demo instance. Otherwise the last used
 * account (its secret read from the keyring), else the welcome page. */
void                 ra_account_controller_start               (RaAccountController *self,
                                                                gboolean             demo);

RaAccountManager    *ra_account_controller_get_manager         (RaAccountController *self);
RaSecretStore       *ra_account_controller_get_secret_store    (RaAccountController *self);
/* The account in use; NULL for none or the demo. */
RaAccount           *ra_account_controller_get_account         (RaAccountController *self);
RaClient            *ra_account_controller_get_client          (RaAccountController *self);
gboolean             ra_account_controller_get_is_demo         (RaAccountController *self);
GtkWidget           *ra_account_controller_get_switcher        (RaAccountController *self);
GtkWidget           *ra_account_controller_get_welcome_page    (RaAccountController *self);
/* The account editor currently open, if any. */
GtkWidget           *ra_account_controller_get_dialog          (RaAccountController *self);

G_END_DECLS
