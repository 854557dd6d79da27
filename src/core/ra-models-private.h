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

/* Constructors for the fast catalogue reader: they take ownership of
 * every string and list, and skip the property machinery, since a
 * catalogue builds tens of thousands of these. */
typedef struct
{
  char       *id;
  char       *uuid;
  char       *name;
  char       *description;
  char       *origin;
  char       *built_in_content_version;
  char       *execution_service_delegate;
  GListStore *inputs;
  GListStore *outputs;
  gint64      timeout_seconds;
  RaPurpose   purpose;
  RaRunAs     run_as;
  gboolean    api_enabled;
  gboolean    manual_enabled;
  gboolean    workflow_enabled;
  gboolean    manual_allow_multiple_devices;
  gboolean    has_script_windows;
  gboolean    has_script_macos;
} RaRemoteActionFields;

void            _ra_remote_action_fields_clear (RaRemoteActionFields *fields);
RaRemoteAction *_ra_remote_action_new_take    (RaRemoteActionFields *fields);

RaActionInput  *_ra_action_input_new_take     (char      *id,
                                               char      *name,
                                               char      *description,
                                               char     **options,
                                               gboolean   used_by_windows,
                                               gboolean   used_by_macos,
                                               gboolean   allow_custom_value);
RaActionOutput *_ra_action_output_new_take    (char      *id,
                                               char      *name,
                                               char      *output_type,
                                               char      *description,
                                               gboolean   used_by_windows,
                                               gboolean   used_by_macos);

G_END_DECLS
