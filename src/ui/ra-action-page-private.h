/* ra-action-page-private.h — what tests reach into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-action-page.h"
#include "ra-run-form-private.h"

G_BEGIN_DECLS

RaRunForm      *ra_action_page_get_form           (RaActionPage *self);
/* The message of the error state. */
const char     *ra_action_page_get_load_error     (RaActionPage *self);
/* The details shown, or NULL. */
RaRemoteAction *ra_action_page_get_details        (RaActionPage *self);
RaConfirmDialog *ra_action_page_get_confirm_dialog (RaActionPage *self);
gboolean        ra_action_page_get_api_notice_visible (RaActionPage *self);
/* The button in the bar under the page, and what the bar says. */
GtkWidget      *ra_action_page_get_run_button     (RaActionPage *self);
const char     *ra_action_page_get_run_hint       (RaActionPage *self);

G_END_DECLS
