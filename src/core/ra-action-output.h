/* ra-action-output.h — one output of a remote action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_ACTION_OUTPUT (ra_action_output_get_type ())
G_DECLARE_FINAL_TYPE (RaActionOutput, ra_action_output, RA, ACTION_OUTPUT, GObject)

RaActionOutput *ra_action_output_new_from_json       (JsonNode        *node,
                                                      const char      *path,
                                                      GError         **error);
const char     *ra_action_output_get_id              (RaActionOutput  *self);
const char     *ra_action_output_get_name            (RaActionOutput  *self);
/* As the server says it: "string", "list_of_strings", "int", "bool", …;
 * NULL when it does not say. */
const char     *ra_action_output_get_output_type     (RaActionOutput  *self);
const char     *ra_action_output_get_description     (RaActionOutput  *self);
RaTristate      ra_action_output_get_used_by_windows (RaActionOutput  *self);
RaTristate      ra_action_output_get_used_by_macos   (RaActionOutput  *self);

G_END_DECLS
