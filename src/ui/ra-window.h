/* ra-window.h — the main window: action list beside the selected action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-action-list.h"
#include "ra-action-page.h"
#include "ra-client.h"
#include "ra-session.h"

G_BEGIN_DECLS

#define RA_TYPE_WINDOW (ra_window_get_type ())
G_DECLARE_FINAL_TYPE (RaWindow, ra_window, RA, WINDOW, AdwApplicationWindow)

/* The window shows what session is connected to. */
RaWindow     *ra_window_new                (GtkApplication *application,
                                            RaSession      *session);
RaSession    *ra_window_get_session        (RaWindow       *self);
/* The client whose actions are shown, and whether it is the demo
 * instance's (a "Demo" badge): the session's. */
RaClient     *ra_window_get_client         (RaWindow       *self);
gboolean      ra_window_get_is_demo        (RaWindow       *self);

/* Puts widget (an account switcher) where the header names the account;
 * NULL brings back the plain title. */
void          ra_window_set_account_widget (RaWindow       *self,
                                            GtkWidget      *widget);

RaActionList *ra_window_get_action_list    (RaWindow       *self);
/* The detail pane: NULL until the first action is shown. */
RaActionPage *ra_window_get_action_page    (RaWindow       *self);
/* The action the content pane shows, or NULL. */
RaRemoteAction *ra_window_get_shown_action (RaWindow       *self);
void          ra_window_add_toast          (RaWindow       *self,
                                            AdwToast       *toast);

/* Accounts: page (a welcome page) takes the whole window while no account
 * is in use, with the account widget in its header; NULL brings back the
 * list and the action. */
void          ra_window_set_welcome_page   (RaWindow       *self,
                                            GtkWidget      *page);
gboolean      ra_window_get_welcome_page_shown (RaWindow   *self);

G_END_DECLS
