/* ra-remote-action.h — one remote action, as the API describes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_REMOTE_ACTION (ra_remote_action_get_type ())
G_DECLARE_FINAL_TYPE (RaRemoteAction, ra_remote_action, RA, REMOTE_ACTION, GObject)

/* Follows the official RemoteAction schema: unknown members are ignored; a
 * missing required member or one of the wrong type is an
 * RA_ERROR_MALFORMED_RESPONSE that names it ("scriptInfo.inputs[2].name").
 * A purpose or runAs value outside the documented enums is such an error
 * too, so RA_RUN_AS_UNKNOWN never comes out of a parsed action. */
RaRemoteAction *ra_remote_action_new_from_json              (JsonNode        *node,
                                                             GError         **error);
/* A JSON array of RemoteAction → GListStore of RaRemoteAction. All or
 * nothing: the error path starts with the action's index, "[17].name".
 * Thread-safe; meant to run in a worker thread for large catalogues. */
GListStore     *ra_remote_action_list_from_json             (JsonNode        *node,
                                                             GError         **error);

const char     *ra_remote_action_get_id                     (RaRemoteAction  *self); /* the NQL ID, "#get_startup_impact" */
const char     *ra_remote_action_get_uuid                   (RaRemoteAction  *self);
const char     *ra_remote_action_get_name                   (RaRemoteAction  *self);
const char     *ra_remote_action_get_description            (RaRemoteAction  *self);
const char     *ra_remote_action_get_origin                 (RaRemoteAction  *self);
const char     *ra_remote_action_get_built_in_content_version (RaRemoteAction *self);
RaPurpose       ra_remote_action_get_purpose                (RaRemoteAction  *self);
gboolean        ra_remote_action_get_api_enabled            (RaRemoteAction  *self);
gboolean        ra_remote_action_get_manual_enabled         (RaRemoteAction  *self);
gboolean        ra_remote_action_get_workflow_enabled       (RaRemoteAction  *self);
gboolean        ra_remote_action_get_manual_allow_multiple_devices (RaRemoteAction *self);
const char     *ra_remote_action_get_execution_service_delegate (RaRemoteAction *self);
RaRunAs         ra_remote_action_get_run_as                 (RaRemoteAction  *self);
gint64          ra_remote_action_get_timeout_seconds        (RaRemoteAction  *self);
gboolean        ra_remote_action_get_has_script_windows     (RaRemoteAction  *self);
gboolean        ra_remote_action_get_has_script_macos       (RaRemoteAction  *self);
/* GListModel of RaActionInput / RaActionOutput, in API order. */
GListModel     *ra_remote_action_get_inputs                 (RaRemoteAction  *self);
GListModel     *ra_remote_action_get_outputs                (RaRemoteAction  *self);

/* The API's spelling, "LOCAL_SYSTEM"; NULL for RA_RUN_AS_UNKNOWN. */
const char     *ra_run_as_to_string                         (RaRunAs          run_as);
/* A translated label for people, "Local system". */
const char     *ra_run_as_to_label                          (RaRunAs          run_as);

G_END_DECLS
