/* ra-action-input.h — one input (script parameter) of a remote action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_ACTION_INPUT (ra_action_input_get_type ())
G_DECLARE_FINAL_TYPE (RaActionInput, ra_action_input, RA, ACTION_INPUT, GObject)

/* path names the member in errors, e.g. "scriptInfo.inputs[0]". */
RaActionInput      *ra_action_input_new_from_json        (JsonNode       *node,
                                                          const char     *path,
                                                          GError        **error);
const char         *ra_action_input_get_id               (RaActionInput  *self);
const char         *ra_action_input_get_name             (RaActionInput  *self); /* the id if none */
const char         *ra_action_input_get_description      (RaActionInput  *self);
RaTristate          ra_action_input_get_used_by_windows  (RaActionInput  *self);
RaTristate          ra_action_input_get_used_by_macos    (RaActionInput  *self);
/* NULL-terminated, possibly empty. */
const char * const *ra_action_input_get_options          (RaActionInput  *self);
RaTristate          ra_action_input_get_allow_custom_value (RaActionInput *self);
/* Whether the value must be one of the options: there are options, and
 * the server said that no other value is allowed. Options whose
 * exclusivity is not known are suggestions. */
gboolean            ra_action_input_has_fixed_options    (RaActionInput  *self);
/* Whether value is acceptable: one of the options, or anything when there
 * are no options or custom values are allowed or may be (not known). */
gboolean            ra_action_input_validate_value       (RaActionInput  *self,
                                                          const char     *value,
                                                          GError        **error);

G_END_DECLS
