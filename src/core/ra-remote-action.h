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

/* Liberal in what it accepts: only id and name are required (and an
 * input's or output's id); every other member has a default when it is
 * missing or null (the table in ra-remote-action.c), and values outside
 * the documented enums are kept as text. A member of the wrong type is an
 * RA_ERROR_MALFORMED_RESPONSE that names it ("scriptInfo.inputs[2].name").
 * A list of actions is read into an RaCatalogue (ra-catalogue.h), which
 * leaves out, and lists, the actions that cannot be read. */
RaRemoteAction *ra_remote_action_new_from_json              (JsonNode        *node,
                                                             GError         **error);

const char     *ra_remote_action_get_id                     (RaRemoteAction  *self); /* the NQL ID, "#get_startup_impact" */
const char     *ra_remote_action_get_uuid                   (RaRemoteAction  *self); /* NULL: not known */
const char     *ra_remote_action_get_name                   (RaRemoteAction  *self);
const char     *ra_remote_action_get_description            (RaRemoteAction  *self); /* "" if none */
const char     *ra_remote_action_get_origin                 (RaRemoteAction  *self); /* NULL: not known */
const char     *ra_remote_action_get_built_in_content_version (RaRemoteAction *self);
/* The documented purposes only; see the texts for the rest. */
RaPurpose       ra_remote_action_get_purpose                (RaRemoteAction  *self);
/* Every purpose as the server wrote it; NULL when it did not say. */
const char * const *ra_remote_action_get_purpose_texts      (RaRemoteAction  *self);
RaTristate      ra_remote_action_get_api_enabled            (RaRemoteAction  *self);
RaTristate      ra_remote_action_get_manual_enabled         (RaRemoteAction  *self);
RaTristate      ra_remote_action_get_workflow_enabled       (RaRemoteAction  *self);
RaTristate      ra_remote_action_get_manual_allow_multiple_devices (RaRemoteAction *self);
const char     *ra_remote_action_get_execution_service_delegate (RaRemoteAction *self);
RaRunAs         ra_remote_action_get_run_as                 (RaRemoteAction  *self);
/* runAs as the server wrote it, for RA_RUN_AS_OTHER; NULL when missing. */
const char     *ra_remote_action_get_run_as_text            (RaRemoteAction  *self);
gint64          ra_remote_action_get_timeout_seconds        (RaRemoteAction  *self); /* 0: not known */
RaTristate      ra_remote_action_get_has_script_windows     (RaRemoteAction  *self);
RaTristate      ra_remote_action_get_has_script_macos       (RaRemoteAction  *self);
/* GListModel of RaActionInput / RaActionOutput, in API order. */
GListModel     *ra_remote_action_get_inputs                 (RaRemoteAction  *self);
GListModel     *ra_remote_action_get_outputs                (RaRemoteAction  *self);

/* The API's spelling, "LOCAL_SYSTEM"; NULL for RA_RUN_AS_UNKNOWN and
 * RA_RUN_AS_OTHER. */
const char     *ra_run_as_to_string                         (RaRunAs          run_as);
/* A translated label for people, "Local system". */
const char     *ra_run_as_to_label                          (RaRunAs          run_as);

G_END_DECLS
