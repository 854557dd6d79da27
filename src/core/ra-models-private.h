/* ra-models-private.h — model constructors that take a path on the stack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-action-input.h"
#include "ra-action-output.h"
#include "ra-catalogue.h"
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

/* The enum values of the documented texts: RA_PURPOSE_NONE and
 * RA_RUN_AS_OTHER for any other text, which the models keep as written. */
RaPurpose       _ra_purpose_from_text   (const char        *text,
                                         gsize              length);
RaRunAs         _ra_run_as_from_text    (const char        *text,
                                         gsize              length);

/* Constructors for the fast catalogue reader: they take ownership of
 * every string and list, and skip the property machinery, since a
 * catalogue builds tens of thousands of these. NULL strings and lists
 * mean missing, with the defaults of ra-remote-action.c. */
typedef struct
{
  char       *id;
  char       *uuid;
  char       *name;
  char       *description;
  char       *origin;
  char       *built_in_content_version;
  char       *execution_service_delegate;
  char       *run_as_text;
  char      **purpose_texts;
  GListStore *inputs;
  GListStore *outputs;
  gint64      timeout_seconds;
  RaPurpose   purpose;
  RaRunAs     run_as;
  RaTristate  api_enabled;
  RaTristate  manual_enabled;
  RaTristate  workflow_enabled;
  RaTristate  manual_allow_multiple_devices;
  RaTristate  has_script_windows;
  RaTristate  has_script_macos;
} RaRemoteActionFields;

/* Every member missing. */
void            _ra_remote_action_fields_init  (RaRemoteActionFields *fields);
void            _ra_remote_action_fields_clear (RaRemoteActionFields *fields);
RaRemoteAction *_ra_remote_action_new_take    (RaRemoteActionFields *fields);

/* name NULL: the id stands in for it. */
RaActionInput  *_ra_action_input_new_take     (char       *id,
                                               char       *name,
                                               char       *description,
                                               char      **options,
                                               RaTristate  used_by_windows,
                                               RaTristate  used_by_macos,
                                               RaTristate  allow_custom_value);
RaActionOutput *_ra_action_output_new_take    (char       *id,
                                               char       *name,
                                               char       *output_type,
                                               char       *description,
                                               RaTristate  used_by_windows,
                                               RaTristate  used_by_macos);

/* A catalogue of the actions read, and of those that could not be: it
 * takes ownership of what it is given. */
RaCatalogue    *_ra_catalogue_new             (GPtrArray  *actions);
void            _ra_catalogue_take_skipped    (RaCatalogue *self,
                                               guint        index,
                                               char        *id,
                                               char        *path,
                                               char        *message);
/* FALSE once the catalogue lists as many skipped entries as it keeps:
 * a reader then only counts the rest (_ra_catalogue_count_skipped) and
 * need not build their ID, path and reason. */
gboolean        _ra_catalogue_lists_more_skipped (RaCatalogue *self);
void            _ra_catalogue_count_skipped   (RaCatalogue *self);

G_END_DECLS
