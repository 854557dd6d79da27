/* ra-execution-result.h — what POST /api/v1/act/execute answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_EXECUTION_RESULT (ra_execution_result_get_type ())
G_DECLARE_FINAL_TYPE (RaExecutionResult, ra_execution_result, RA, EXECUTION_RESULT, GObject)

RaExecutionResult *ra_execution_result_new_from_json          (JsonNode           *node,
                                                               GError            **error);
const char        *ra_execution_result_get_request_id         (RaExecutionResult  *self);
/* 0 when the server did not say. */
guint              ra_execution_result_get_expires_in_minutes (RaExecutionResult  *self);

G_END_DECLS
