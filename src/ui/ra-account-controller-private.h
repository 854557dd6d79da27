/* ra-account-controller-private.h — internals shared with the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-account-controller.h"

G_BEGIN_DECLS

/* Shown while an account's client secret is read; NULL before the first. */
GtkWidget *ra_account_controller_get_connecting_page (RaAccountController *self);

G_END_DECLS
