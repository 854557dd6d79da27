/* ra-execution-request.h — what POST /api/v1/act/execute sends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_EXECUTION_REQUEST (ra_execution_request_get_type ())
G_DECLARE_FINAL_TYPE (RaExecutionRequest, ra_execution_request, RA, EXECUTION_REQUEST, GObject)

#define RA_EXECUTION_MAX_DEVICES          10000
#define RA_EXECUTION_MIN_EXPIRY_MINUTES   60
#define RA_EXECUTION_MAX_EXPIRY_MINUTES   10080
#define RA_EXECUTION_MAX_REASON_LENGTH    500   /* characters */

RaExecutionRequest *ra_execution_request_new                  (const char          *remote_action_id);
const char         *ra_execution_request_get_remote_action_id (RaExecutionRequest  *self);
/* value NULL removes the parameter. */
void                ra_execution_request_set_param            (RaExecutionRequest  *self,
                                                               const char          *name,
                                                               const char          *value);
/* name → value, owned by the request. */
GHashTable         *ra_execution_request_get_params           (RaExecutionRequest  *self);
/* Replaces the device list with a copy of devices (NULL-terminated). */
void                ra_execution_request_set_devices          (RaExecutionRequest  *self,
                                                               const char * const  *devices);
const char * const *ra_execution_request_get_devices          (RaExecutionRequest  *self);
guint               ra_execution_request_get_n_devices        (RaExecutionRequest  *self);
/* 0 means unset: the server chooses. */
void                ra_execution_request_set_expires_in_minutes (RaExecutionRequest *self,
                                                               guint                minutes);
guint               ra_execution_request_get_expires_in_minutes (RaExecutionRequest *self);
void                ra_execution_request_set_external_source  (RaExecutionRequest  *self,
                                                               const char          *source);
const char         *ra_execution_request_get_external_source  (RaExecutionRequest  *self);
void                ra_execution_request_set_reason           (RaExecutionRequest  *self,
                                                               const char          *reason);
const char         *ra_execution_request_get_reason           (RaExecutionRequest  *self);
void                ra_execution_request_set_external_reference (RaExecutionRequest *self,
                                                               const char          *reference);
const char         *ra_execution_request_get_external_reference (RaExecutionRequest *self);

/* The schema's limits, checked locally: RA_ERROR_INVALID_INPUT. */
gboolean            ra_execution_request_validate             (RaExecutionRequest  *self,
                                                               GError             **error);
/* The JSON body, built with JsonBuilder. Empty strings are left out of
 * triggerInfo; params is always present (possibly empty). */
JsonNode           *ra_execution_request_to_json              (RaExecutionRequest  *self);

G_END_DECLS
