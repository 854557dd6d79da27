/* ra-run-form.h — the inputs, devices and options of one run, and the run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-client.h"
#include "ra-remote-action.h"
#include "ra-session.h"

G_BEGIN_DECLS

#define RA_TYPE_RUN_FORM (ra_run_form_get_type ())
G_DECLARE_FINAL_TYPE (RaRunForm, ra_run_form, RA, RUN_FORM, AdwBin)

GtkWidget      *ra_run_form_new              (void);
void            ra_run_form_set_client       (RaRunForm      *self,
                                              RaClient       *client);
/* The action with its details; NULL to clear. Values typed for an
 * action come back when it is shown again. */
void            ra_run_form_set_action       (RaRunForm      *self,
                                              RaRemoteAction *action);
RaRemoteAction *ra_run_form_get_action       (RaRunForm      *self);
/* The session whose run history records every run, with its account,
 * and whose instance the confirmation names. */
void            ra_run_form_set_session      (RaRunForm      *self,
                                              RaSession      *session);
/* Where started runs are added (newest first); a GListStore of
 * RaSessionRun. */
void            ra_run_form_set_history      (RaRunForm      *self,
                                              GListStore     *history);
/* Asks for confirmation, or says why the action cannot run yet. */
void            ra_run_form_activate_run     (RaRunForm      *self);
/* Why Run is not possible now, or NULL (property "blocker"). */
const char     *ra_run_form_get_blocker      (RaRunForm      *self);
/* What the run button says (property "run-label"). */
const char     *ra_run_form_get_run_label    (RaRunForm      *self);

G_END_DECLS
