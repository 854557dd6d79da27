/* ra-history-run.h — one run as the history keeps it
 *
 * What was asked, of which action, on which devices, where, and what
 * became of it. Never a secret or a token: the account is named by its
 * ID, display name, instance and region only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-execution-request.h"
#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_HISTORY_RUN (ra_history_run_get_type ())
G_DECLARE_FINAL_TYPE (RaHistoryRun, ra_history_run, RA, HISTORY_RUN, GObject)

/* A run about to be sent: the request's action, parameters, devices,
 * expiry, reason and ticket reference, at time (Unix seconds), with the
 * outcome UNKNOWN until the answer says otherwise. */
RaHistoryRun       *ra_history_run_new_for_request        (RaExecutionRequest *request,
                                                           gint64              time);
RaHistoryRun       *ra_history_run_new                    (void);

/* 0 until the history has written it. */
gint64              ra_history_run_get_id                 (RaHistoryRun       *self);
void                ra_history_run_set_id                 (RaHistoryRun       *self,
                                                           gint64              id);
/* Unix seconds. */
gint64              ra_history_run_get_time               (RaHistoryRun       *self);
void                ra_history_run_set_time               (RaHistoryRun       *self,
                                                           gint64              time);

const char         *ra_history_run_get_account_id         (RaHistoryRun       *self);
const char         *ra_history_run_get_account_name       (RaHistoryRun       *self);
const char         *ra_history_run_get_instance           (RaHistoryRun       *self);
const char         *ra_history_run_get_region             (RaHistoryRun       *self);
/* account_id is NULL for the demo instance. */
void                ra_history_run_set_account            (RaHistoryRun       *self,
                                                           const char         *account_id,
                                                           const char         *account_name,
                                                           const char         *instance,
                                                           const char         *region);

const char         *ra_history_run_get_action_id          (RaHistoryRun       *self);
const char         *ra_history_run_get_action_name        (RaHistoryRun       *self);
void                ra_history_run_set_action             (RaHistoryRun       *self,
                                                           const char         *action_id,
                                                           const char         *action_name);

/* Parameter ID → value, as sent. */
GHashTable         *ra_history_run_get_parameters         (RaHistoryRun       *self);
void                ra_history_run_set_parameter          (RaHistoryRun       *self,
                                                           const char         *id,
                                                           const char         *value);

/* The collector IDs, in the order sent; NULL when the history listed the
 * run without them (ra_history_get_devices_async () reads them). */
const char * const *ra_history_run_get_devices            (RaHistoryRun       *self);
void                ra_history_run_set_devices            (RaHistoryRun       *self,
                                                           const char * const *devices);
/* Collector ID → the name the device was given (typed by name and looked
 * up), for the devices that have one; NULL when none has. */
GHashTable         *ra_history_run_get_device_names       (RaHistoryRun       *self);
void                ra_history_run_set_device_names       (RaHistoryRun       *self,
                                                           GHashTable         *names);
guint               ra_history_run_get_n_devices          (RaHistoryRun       *self);
void                ra_history_run_set_n_devices          (RaHistoryRun       *self,
                                                           guint               n_devices);

guint               ra_history_run_get_expires_in_minutes (RaHistoryRun       *self);
void                ra_history_run_set_expires_in_minutes (RaHistoryRun       *self,
                                                           guint               minutes);
const char         *ra_history_run_get_reason             (RaHistoryRun       *self);
void                ra_history_run_set_reason             (RaHistoryRun       *self,
                                                           const char         *reason);
const char         *ra_history_run_get_external_reference (RaHistoryRun       *self);
void                ra_history_run_set_external_reference (RaHistoryRun       *self,
                                                           const char         *reference);

RaExecutionOutcome  ra_history_run_get_outcome            (RaHistoryRun       *self);
const char         *ra_history_run_get_request_id         (RaHistoryRun       *self);
void                ra_history_run_set_outcome            (RaHistoryRun       *self,
                                                           RaExecutionOutcome  outcome,
                                                           const char         *request_id);

/* The latest known number of devices per execution status ("success",
 * "failure", …, as the results query names them); NULL before any. */
GHashTable         *ra_history_run_get_status_counts      (RaHistoryRun       *self);
void                ra_history_run_set_status_count       (RaHistoryRun       *self,
                                                           const char         *status,
                                                           guint               count);
void                ra_history_run_clear_status_counts    (RaHistoryRun       *self);

G_END_DECLS
