/* ra-run-form-private.h — what the page and the tests reach into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-clock.h"
#include "ra-confirm-dialog.h"
#include "ra-device-editor.h"
#include "ra-run-form.h"
#include "ra-run-outcome.h"

G_BEGIN_DECLS

RaDeviceEditor  *ra_run_form_get_device_editor   (RaRunForm  *self);
/* The RaInputRow for the input with this ID, or NULL. */
GtkWidget       *ra_run_form_get_input_row       (RaRunForm  *self,
                                                  const char *input_id);
/* The first input that needs a value, else the devices when they do or
 * there is no input, else the first input; NULL without an action. */
GtkWidget       *ra_run_form_get_first_needed    (RaRunForm  *self);
/* The open confirmation, or NULL. */
RaConfirmDialog *ra_run_form_get_confirm_dialog  (RaRunForm  *self);
gboolean         ra_run_form_get_running         (RaRunForm  *self);
RaRunOutcome    *ra_run_form_get_outcome         (RaRunForm  *self);
/* The inline error, or NULL when none is shown. */
const char      *ra_run_form_get_error_message   (RaRunForm  *self);
/* The request ID of the run shown as started, or NULL. */
const char      *ra_run_form_get_request_id      (RaRunForm  *self);
/* expires_in_minutes 0 turns the custom expiry off. */
void             ra_run_form_set_options         (RaRunForm  *self,
                                                  guint       expires_in_minutes,
                                                  const char *reason,
                                                  const char *reference);
GtkEditable     *ra_run_form_get_reason_editable (RaRunForm  *self);
/* What tells when runs started (the system's clock by default). */
void             ra_run_form_set_clock           (RaRunForm  *self,
                                                  RaClock    *clock);

G_END_DECLS
