/* ra-account-controller-private.h — internals shared with the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-account-controller.h"

G_BEGIN_DECLS

/* Shown while an account's client secret is read; NULL before the first. */
GtkWidget *ra_account_controller_get_connecting_page (RaAccountController *self);
/* How long the keyring may take before the connecting page offers to try
 * again or to enter the secret for the session; for connections started
 * after the call. */
void       ra_account_controller_set_stall_timeout   (RaAccountController *self,
                                                      guint                milliseconds);

G_END_DECLS
