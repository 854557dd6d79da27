/* ra-welcome-page.h — what the window shows before any account is in use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RA_TYPE_WELCOME_PAGE (ra_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (RaWelcomePage, ra_welcome_page, RA, WELCOME_PAGE, AdwBin)

/* Its buttons activate "accounts.add" and "accounts.demo". */
GtkWidget *ra_welcome_page_new              (void);
/* With accounts set up, the page also points at the account menu. */
void       ra_welcome_page_set_has_accounts (RaWelcomePage *self,
                                             gboolean       has_accounts);

G_END_DECLS
