/* ra-connecting-page.h — what the window shows while an account's client
 * secret is read from the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RA_TYPE_CONNECTING_PAGE (ra_connecting_page_get_type ())
G_DECLARE_FINAL_TYPE (RaConnectingPage, ra_connecting_page, RA, CONNECTING_PAGE, AdwBin)

GtkWidget *ra_connecting_page_new         (void);
/* The account being connected, shown as plain text. */
void       ra_connecting_page_set_account (RaConnectingPage *self,
                                           const char       *title);
/* Stalled: the keyring has not answered for a while. The spinner gives way
 * to buttons that activate "accounts.retry" and "accounts.enter-secret". */
void       ra_connecting_page_set_stalled (RaConnectingPage *self,
                                           gboolean          stalled);
gboolean   ra_connecting_page_get_stalled (RaConnectingPage *self);

G_END_DECLS
