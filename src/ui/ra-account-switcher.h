/* ra-account-switcher.h — the header button that names and switches accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RA_TYPE_ACCOUNT_SWITCHER (ra_account_switcher_get_type ())
G_DECLARE_FINAL_TYPE (RaAccountSwitcher, ra_account_switcher, RA, ACCOUNT_SWITCHER, AdwBin)

/* menu: the accounts to switch to and the account actions. */
GtkWidget  *ra_account_switcher_new        (GMenuModel        *menu);
/* title NULL: no account in use. */
void        ra_account_switcher_set_title  (RaAccountSwitcher *self,
                                            const char        *title);
const char *ra_account_switcher_get_title  (RaAccountSwitcher *self);
GtkMenuButton *ra_account_switcher_get_button (RaAccountSwitcher *self);

G_END_DECLS
