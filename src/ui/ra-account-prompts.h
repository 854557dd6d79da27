/* ra-account-prompts.h — the questions the account controller asks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Each returns a new AdwMessageDialog, transient for parent and not yet
 * presented; title is the account's name, shown as plain text. */

/* Only a "close" response; heading is not an account name here. */
GtkWidget *ra_notice_dialog_new          (GtkWindow  *parent,
                                          const char *heading,
                                          const char *body);
/* Responses "cancel" and "edit". */
GtkWidget *ra_missing_secret_dialog_new  (GtkWindow  *parent,
                                          const char *title,
                                          const char *body);
/* Responses "cancel" and "connect"; entry_out is set to the entry that
 * holds the secret, owned by the dialog. */
GtkWidget *ra_session_secret_dialog_new  (GtkWindow    *parent,
                                          const char   *title,
                                          GtkEditable **entry_out);
/* Responses "cancel" and "remove". */
GtkWidget *ra_remove_account_dialog_new  (GtkWindow  *parent,
                                          const char *title);

G_END_DECLS
