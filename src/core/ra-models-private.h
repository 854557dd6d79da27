/* ra-models-private.h — model constructors that take a path on the stack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-action-input.h"
#include "ra-action-output.h"
#include "ra-json-private.h"
#include "ra-remote-action.h"

G_BEGIN_DECLS

RaActionInput  *_ra_action_input_parse  (JsonNode          *node,
                                         const RaJsonPath  *path,
                                         GError           **error);
RaActionOutput *_ra_action_output_parse (JsonNode          *node,
                                         const RaJsonPath  *path,
                                         GError           **error);
RaRemoteAction *_ra_remote_action_parse (JsonNode          *node,
                                         const RaJsonPath  *path,
                                         GError           **error);

G_END_DECLS
