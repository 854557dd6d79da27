/* ra-action-page.h — the detail pane: one remote action, its form and
 * its runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-client.h"
#include "ra-remote-action.h"
#include "ra-session.h"

G_BEGIN_DECLS

/* What the page shows; each value's nick names its page of the stack. */
typedef enum
{
  RA_ACTION_PAGE_STATE_EMPTY,
  RA_ACTION_PAGE_STATE_LOADING,
  RA_ACTION_PAGE_STATE_ERROR,
  RA_ACTION_PAGE_STATE_ACTION,
} RaActionPageState;

#define RA_TYPE_ACTION_PAGE_STATE (ra_action_page_state_get_type ())
GType ra_action_page_state_get_type (void) G_GNUC_CONST;

#define RA_TYPE_ACTION_PAGE (ra_action_page_get_type ())
G_DECLARE_FINAL_TYPE (RaActionPage, ra_action_page, RA, ACTION_PAGE, AdwBin)

/* Widget actions installed on the page:
 *   page.run          — ask to run the shown action (the Run button);
 *                       disabled while it cannot run, and the bar under
 *                       the page says why
 *   page.request-run  — the same, bound to Ctrl+Return anywhere in the
 *                       page's window; when the action cannot run, it
 *                       says why in a toast
 *   page.retry        — load the details again after an error
 * ra_action_page_activate_run() does what page.request-run does. */

/* The page runs actions through session's client, and forgets the
 * details it cached when that changes (the values typed stay). */
GtkWidget      *ra_action_page_new          (RaSession      *session);
RaClient       *ra_action_page_get_client   (RaActionPage   *self);
RaRemoteAction *ra_action_page_get_action   (RaActionPage   *self);
/* An action from the list; the page loads its details itself, cached per
 * NQL ID until the list hands over a new object for it (a refresh). NULL
 * shows the empty state. */
void            ra_action_page_set_action   (RaActionPage   *self,
                                             RaRemoteAction *action);
RaActionPageState ra_action_page_get_state (RaActionPage   *self);
/* Asks for confirmation, or says in a toast why the action cannot run. */
void            ra_action_page_activate_run (RaActionPage   *self);
/* Once the details of the action are shown (now, if they are), puts the
 * focus on the first input that needs a value, else on the devices, and
 * scrolls the page to show it with the action's title when both fit. */
void            ra_action_page_focus_form   (RaActionPage   *self);
/* A GListModel of RaSessionRun, newest first. */
GListModel     *ra_action_page_get_runs     (RaActionPage   *self);

G_END_DECLS
