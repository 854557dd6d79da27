/* ra-run-options.h — expiry, reason and ticket of a run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RA_TYPE_RUN_OPTIONS (ra_run_options_get_type ())
G_DECLARE_FINAL_TYPE (RaRunOptions, ra_run_options, RA, RUN_OPTIONS, AdwBin)

GtkWidget   *ra_run_options_new                    (void);
/* 0 when the server is to choose. */
guint        ra_run_options_get_expires_in_minutes (RaRunOptions *self);
const char  *ra_run_options_get_reason             (RaRunOptions *self);
const char  *ra_run_options_get_reference          (RaRunOptions *self);
/* expires_in_minutes 0 leaves the expiry to the server. */
void         ra_run_options_set                    (RaRunOptions *self,
                                                    guint         expires_in_minutes,
                                                    const char   *reason,
                                                    const char   *reference);
/* Why the options cannot be sent as they are, or NULL. */
char        *ra_run_options_dup_problem            (RaRunOptions *self);
GtkEditable *ra_run_options_get_reason_editable    (RaRunOptions *self);

G_END_DECLS
