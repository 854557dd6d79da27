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

/* Installs the "accounts" action group and the account switcher on window,
 * and shows what window's session (ra_window_get_session ()) is
 * connected to, or the welcome or connecting page. */
RaAccountController *ra_account_controller_new                 (RaWindow            *window);
/* Starts the session (ra_session_start ()) and shows where it got to:
 * the welcome page when there was nothing to connect to. */
void                 ra_account_controller_start               (RaAccountController *self,
                                                                gboolean             demo);

GtkWidget           *ra_account_controller_get_switcher        (RaAccountController *self);
GtkWidget           *ra_account_controller_get_welcome_page    (RaAccountController *self);
/* The account editor currently open, if any. */
GtkWidget           *ra_account_controller_get_dialog          (RaAccountController *self);

G_END_DECLS
