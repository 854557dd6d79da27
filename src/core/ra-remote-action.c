/* ra-remote-action.c — one remote action, as the API describes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-remote-action"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ra-enum-types.h"
#include "ra-error.h"
#include "ra-models-private.h"

struct _RaRemoteAction
{
  GObject parent_instance;

  char *id;
  char *uuid;
  char *name;
  char *description;
  char *origin;
  char *built_in_content_version;
  char *execution_service_delegate;
  char *run_as_text;
  char **purpose_texts;
  GListStore *inputs;
  GListStore *outputs;
  gint64 timeout_seconds;
  RaPurpose purpose;
  RaRunAs run_as;
  RaTristate api_enabled;
  RaTristate manual_enabled;
  RaTristate workflow_enabled;
  RaTristate manual_allow_multiple_devices;
  RaTristate has_script_windows;
  RaTristate has_script_macos;
};

G_DEFINE_FINAL_TYPE (RaRemoteAction, ra_remote_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_ORIGIN,
  PROP_BUILT_IN_CONTENT_VERSION,
  PROP_PURPOSE,
  PROP_API_ENABLED,
  PROP_MANUAL_ENABLED,
  PROP_WORKFLOW_ENABLED,
  PROP_MANUAL_ALLOW_MULTIPLE_DEVICES,
  PROP_EXECUTION_SERVICE_DELEGATE,
  PROP_RUN_AS,
  PROP_TIMEOUT_SECONDS,
  PROP_HAS_SCRIPT_WINDOWS,
  PROP_HAS_SCRIPT_MACOS,
  PROP_INPUTS,
  PROP_OUTPUTS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
ra_remote_action_finalize (GObject *object)
{
  RaRemoteAction *self = (RaRemoteAction *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->built_in_content_version, g_free);
  g_clear_pointer (&self->execution_service_delegate, g_free);
  g_clear_pointer (&self->run_as_text, g_free);
  g_clear_pointer (&self->purpose_texts, g_strfreev);
  g_clear_object (&self->inputs);
  g_clear_object (&self->outputs);

  G_OBJECT_CLASS (ra_remote_action_parent_class)->finalize (object);
}

static void
ra_remote_action_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RaRemoteAction *self = RA_REMOTE_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;
    case PROP_BUILT_IN_CONTENT_VERSION:
      g_value_set_string (value, self->built_in_content_version);
      break;
    case PROP_PURPOSE:
      g_value_set_flags (value, self->purpose);
      break;
    case PROP_API_ENABLED:
      g_value_set_enum (value, self->api_enabled);
      break;
    case PROP_MANUAL_ENABLED:
      g_value_set_enum (value, self->manual_enabled);
      break;
    case PROP_WORKFLOW_ENABLED:
      g_value_set_enum (value, self->workflow_enabled);
      break;
    case PROP_MANUAL_ALLOW_MULTIPLE_DEVICES:
      g_value_set_enum (value, self->manual_allow_multiple_devices);
      break;
    case PROP_EXECUTION_SERVICE_DELEGATE:
      g_value_set_string (value, self->execution_service_delegate);
      break;
    case PROP_RUN_AS:
      g_value_set_enum (value, self->run_as);
      break;
    case PROP_TIMEOUT_SECONDS:
      g_value_set_int64 (value, self->timeout_seconds);
      break;
    case PROP_HAS_SCRIPT_WINDOWS:
      g_value_set_enum (value, self->has_script_windows);
      break;
    case PROP_HAS_SCRIPT_MACOS:
      g_value_set_enum (value, self->has_script_macos);
      break;
    case PROP_INPUTS:
      g_value_set_object (value, self->inputs);
      break;
    case PROP_OUTPUTS:
      g_value_set_object (value, self->outputs);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define STRING_PROP(id, name) \
  properties [id] = g_param_spec_string (name, NULL, NULL, NULL, \
                                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define TRISTATE_PROP(id, name) \
  properties [id] = g_param_spec_enum (name, NULL, NULL, RA_TYPE_TRISTATE, RA_TRISTATE_UNKNOWN, \
                                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
ra_remote_action_class_init (RaRemoteActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_remote_action_finalize;
  object_class->get_property = ra_remote_action_get_property;

  STRING_PROP (PROP_ID, "id");
  STRING_PROP (PROP_UUID, "uuid");
  STRING_PROP (PROP_NAME, "name");
  STRING_PROP (PROP_DESCRIPTION, "description");
  STRING_PROP (PROP_ORIGIN, "origin");
  STRING_PROP (PROP_BUILT_IN_CONTENT_VERSION, "built-in-content-version");
  properties [PROP_PURPOSE] =
    g_param_spec_flags ("purpose", NULL, NULL,
                        RA_TYPE_PURPOSE, RA_PURPOSE_NONE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  TRISTATE_PROP (PROP_API_ENABLED, "api-enabled");
  TRISTATE_PROP (PROP_MANUAL_ENABLED, "manual-enabled");
  TRISTATE_PROP (PROP_WORKFLOW_ENABLED, "workflow-enabled");
  TRISTATE_PROP (PROP_MANUAL_ALLOW_MULTIPLE_DEVICES, "manual-allow-multiple-devices");
  STRING_PROP (PROP_EXECUTION_SERVICE_DELEGATE, "execution-service-delegate");
  properties [PROP_RUN_AS] =
    g_param_spec_enum ("run-as", NULL, NULL,
                       RA_TYPE_RUN_AS, RA_RUN_AS_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_TIMEOUT_SECONDS] =
    g_param_spec_int64 ("timeout-seconds", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  TRISTATE_PROP (PROP_HAS_SCRIPT_WINDOWS, "has-script-windows");
  TRISTATE_PROP (PROP_HAS_SCRIPT_MACOS, "has-script-macos");
  properties [PROP_INPUTS] =
    g_param_spec_object ("inputs", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_OUTPUTS] =
    g_param_spec_object ("outputs", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

#undef STRING_PROP
#undef TRISTATE_PROP

static void
ra_remote_action_init (RaRemoteAction *self)
{
  self->api_enabled = RA_TRISTATE_UNKNOWN;
  self->manual_enabled = RA_TRISTATE_UNKNOWN;
  self->workflow_enabled = RA_TRISTATE_UNKNOWN;
  self->manual_allow_multiple_devices = RA_TRISTATE_UNKNOWN;
  self->has_script_windows = RA_TRISTATE_UNKNOWN;
  self->has_script_macos = RA_TRISTATE_UNKNOWN;
}

/* What each member of a RemoteAction becomes when the server leaves it
 * out or sends null. The official schema marks nearly all of them
 * required, but the only real answer on record (the documentation's own
 * list example) lacks many, so only what the app cannot work without is
 * required. Each default claims nothing the server did not say:
 *
 *   member                               missing or null
 *   ------------------------------------ ---------------------------------
 *   id (the NQL ID)                      required: the action is skipped
 *   name                                 required: the action is skipped
 *   uuid                                 NULL: "not known"
 *   description                          "": no description
 *   origin, builtInContentVersion        NULL: "not known"
 *   purpose                              no purpose, texts NULL: "not known"
 *   targeting                            each of its members "not known"
 *   targeting.apiEnabled                 UNKNOWN: the action is shown and
 *                                        may be tried; the server decides
 *   targeting.manualEnabled,             UNKNOWN
 *     workflowEnabled,
 *     manualAllowMultipleDevices
 *   scriptInfo                           each of its members at its default
 *   scriptInfo.executionServiceDelegate  NULL
 *   scriptInfo.runAs                     RA_RUN_AS_UNKNOWN: "not known"
 *   scriptInfo.timeoutSeconds            0: "not known"
 *   scriptInfo.hasScriptWindows/MacOs    UNKNOWN
 *   scriptInfo.inputs, outputs           none
 *   inputs[].id, outputs[].id            required: the action is skipped
 *   inputs[].name, outputs[].name        the input's or output's id
 *   inputs[].description,                "": no description
 *     outputs[].description
 *   inputs[].options                     none
 *   inputs[].allowCustomValue            UNKNOWN: any value may be typed,
 *                                        the options are suggestions
 *   usedByWindows, usedByMacOs           UNKNOWN
 *   outputs[].type                       NULL: "not known"
 *
 * Values outside the documented enums (a purpose, a runAs, an output
 * type) are kept as the server wrote them, never an error. A member of
 * the wrong type still is one: a server that sends "120" where a number
 * belongs may mean anything, so that one action is left out of a list,
 * and the list says so. */

static const struct {
  const char *name;
  RaPurpose   value;
} purposes[] = {
  { "DATA_COLLECTION", RA_PURPOSE_DATA_COLLECTION },
  { "REMEDIATION", RA_PURPOSE_REMEDIATION },
};

static const struct {
  const char *name;
  RaRunAs     value;
} run_as_options[] = {
  { "LOCAL_SYSTEM", RA_RUN_AS_LOCAL_SYSTEM },
  { "INTERACTIVE_USER", RA_RUN_AS_INTERACTIVE_USER },
  { "DELEGATE_TO_SERVICE", RA_RUN_AS_DELEGATE_TO_SERVICE },
};

RaPurpose
_ra_purpose_from_text (const char *text,
                       gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (purposes); i++)
    {
      if (strlen (purposes[i].name) == length &&
          memcmp (purposes[i].name, text, length) == 0)
        return purposes[i].value;
    }

  return RA_PURPOSE_NONE;
}

RaRunAs
_ra_run_as_from_text (const char *text,
                      gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (run_as_options); i++)
    {
      if (strlen (run_as_options[i].name) == length &&
          memcmp (run_as_options[i].name, text, length) == 0)
        return run_as_options[i].value;
    }

  return RA_RUN_AS_OTHER;
}

/* A purpose the documentation does not list is kept as text: it is the
 * admin's to read, not the app's to refuse. */
static gboolean
parse_purpose (JsonObject         *object,
               const RaJsonPath   *parent,
               RaPurpose          *out,
               char             ***texts,
               GError            **error)
{
  RaJsonPath path = ra_json_path_member (parent, "purpose");
  g_auto(GStrv) strv = NULL;
  JsonArray *array = NULL;
  RaPurpose purpose = RA_PURPOSE_NONE;
  guint n;

  if (!ra_json_node_array (json_object_get_member (object, "purpose"),
                           &path, RA_JSON_OPTIONAL, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  n = json_array_get_length (array);
  strv = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      RaJsonPath element = ra_json_path_element (&path, i);
      const char *value = NULL;

      if (!ra_json_node_string (json_array_get_element (array, i), &element,
                                RA_JSON_REQUIRED, &value, error))
        return FALSE;

      purpose |= _ra_purpose_from_text (value, strlen (value));
      strv[i] = g_strdup (value);
    }

  *out = purpose;
  *texts = g_steal_pointer (&strv);
  return TRUE;
}

static gboolean
parse_run_as (JsonObject        *object,
              const RaJsonPath  *parent,
              RaRunAs           *out,
              char             **text,
              GError           **error)
{
  RaJsonPath path = ra_json_path_member (parent, "runAs");
  const char *value = NULL;

  if (!ra_json_node_string (json_object_get_member (object, "runAs"),
                            &path, RA_JSON_OPTIONAL, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;

  *out = _ra_run_as_from_text (value, strlen (value));
  *text = g_strdup (value);
  return TRUE;
}

typedef gpointer (*ParseFunc) (JsonNode *, const RaJsonPath *, GError **);

static gpointer
parse_input (JsonNode          *node,
             const RaJsonPath  *path,
             GError           **error)
{
  return _ra_action_input_parse (node, path, error);
}

static gpointer
parse_output (JsonNode          *node,
              const RaJsonPath  *path,
              GError           **error)
{
  return _ra_action_output_parse (node, path, error);
}

static GListStore *
parse_list (JsonObject        *object,
            const RaJsonPath  *parent,
            const char        *member,
            GType              item_type,
            ParseFunc          parse,
            GError           **error)
{
  RaJsonPath path = ra_json_path_member (parent, member);
  g_autoptr(GPtrArray) items = NULL;
  GListStore *store;
  JsonArray *array = NULL;
  guint n;

  if (object != NULL &&
      !ra_json_node_array (json_object_get_member (object, member),
                           &path, RA_JSON_OPTIONAL, &array, error))
    return NULL;

  store = g_list_store_new (item_type);
  if (array == NULL)
    return store;

  n = json_array_get_length (array);
  items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      RaJsonPath element = ra_json_path_element (&path, i);
      gpointer item = parse (json_array_get_element (array, i), &element, error);

      if (item == NULL)
        {
          g_object_unref (store);
          return NULL;
        }

      g_ptr_array_add (items, item);
    }

  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  return store;
}

RaRemoteAction *
_ra_remote_action_parse (JsonNode          *node,
                         const RaJsonPath  *path,
                         GError           **error)
{
  g_autoptr(RaRemoteAction) self = g_object_new (RA_TYPE_REMOTE_ACTION, NULL);
  JsonObject *object = NULL;
  JsonObject *targeting = NULL;
  JsonObject *script_info = NULL;
  RaJsonPath targeting_path = ra_json_path_member (path, "targeting");
  RaJsonPath script_info_path = ra_json_path_member (path, "scriptInfo");

  /* Members in the schema's order, so that the first bad one is the one
   * named in the error. */
  if (!ra_json_node_object (node, path, RA_JSON_REQUIRED, &object, error) ||
      !ra_json_member_dup_string (object, path, "id", RA_JSON_REQUIRED | RA_JSON_NON_EMPTY, &self->id, error) ||
      !ra_json_member_dup_string (object, path, "uuid", RA_JSON_OPTIONAL, &self->uuid, error) ||
      !ra_json_member_dup_string (object, path, "name", RA_JSON_REQUIRED, &self->name, error) ||
      !ra_json_member_dup_string (object, path, "description", RA_JSON_OPTIONAL, &self->description, error) ||
      !ra_json_member_dup_string (object, path, "origin", RA_JSON_OPTIONAL, &self->origin, error) ||
      !ra_json_member_dup_string (object, path, "builtInContentVersion", RA_JSON_OPTIONAL, &self->built_in_content_version, error) ||
      !parse_purpose (object, path, &self->purpose, &self->purpose_texts, error))
    return NULL;

  if (!ra_json_member_object (object, path, "targeting", RA_JSON_OPTIONAL, &targeting, error) ||
      !ra_json_member_tristate (targeting, &targeting_path, "apiEnabled", &self->api_enabled, error) ||
      !ra_json_member_tristate (targeting, &targeting_path, "manualEnabled", &self->manual_enabled, error) ||
      !ra_json_member_tristate (targeting, &targeting_path, "workflowEnabled", &self->workflow_enabled, error) ||
      !ra_json_member_tristate (targeting, &targeting_path, "manualAllowMultipleDevices", &self->manual_allow_multiple_devices, error))
    return NULL;

  if (!ra_json_member_object (object, path, "scriptInfo", RA_JSON_OPTIONAL, &script_info, error))
    return NULL;

  if (script_info != NULL &&
      (!ra_json_member_dup_string (script_info, &script_info_path, "executionServiceDelegate", RA_JSON_OPTIONAL, &self->execution_service_delegate, error) ||
       !parse_run_as (script_info, &script_info_path, &self->run_as, &self->run_as_text, error) ||
       !ra_json_member_int (script_info, &script_info_path, "timeoutSeconds", RA_JSON_OPTIONAL, 0, G_MAXINT32, &self->timeout_seconds, error)))
    return NULL;

  if (!ra_json_member_tristate (script_info, &script_info_path, "hasScriptWindows", &self->has_script_windows, error) ||
      !ra_json_member_tristate (script_info, &script_info_path, "hasScriptMacOs", &self->has_script_macos, error))
    return NULL;

  self->inputs = parse_list (script_info, &script_info_path, "inputs",
                             RA_TYPE_ACTION_INPUT,
                             parse_input, error);
  if (self->inputs == NULL)
    return NULL;

  self->outputs = parse_list (script_info, &script_info_path, "outputs",
                              RA_TYPE_ACTION_OUTPUT,
                              parse_output, error);
  if (self->outputs == NULL)
    return NULL;

  if (self->description == NULL)
    self->description = g_strdup ("");

  return g_steal_pointer (&self);
}

void
_ra_remote_action_fields_init (RaRemoteActionFields *fields)
{
  memset (fields, 0, sizeof *fields);
  fields->api_enabled = RA_TRISTATE_UNKNOWN;
  fields->manual_enabled = RA_TRISTATE_UNKNOWN;
  fields->workflow_enabled = RA_TRISTATE_UNKNOWN;
  fields->manual_allow_multiple_devices = RA_TRISTATE_UNKNOWN;
  fields->has_script_windows = RA_TRISTATE_UNKNOWN;
  fields->has_script_macos = RA_TRISTATE_UNKNOWN;
}

void
_ra_remote_action_fields_clear (RaRemoteActionFields *fields)
{
  g_clear_pointer (&fields->id, g_free);
  g_clear_pointer (&fields->uuid, g_free);
  g_clear_pointer (&fields->name, g_free);
  g_clear_pointer (&fields->description, g_free);
  g_clear_pointer (&fields->origin, g_free);
  g_clear_pointer (&fields->built_in_content_version, g_free);
  g_clear_pointer (&fields->execution_service_delegate, g_free);
  g_clear_pointer (&fields->run_as_text, g_free);
  g_clear_pointer (&fields->purpose_texts, g_strfreev);
  g_clear_object (&fields->inputs);
  g_clear_object (&fields->outputs);
}

RaRemoteAction *
_ra_remote_action_new_take (RaRemoteActionFields *fields)
{
  RaRemoteAction *self = g_object_new (RA_TYPE_REMOTE_ACTION, NULL);

  self->id = g_steal_pointer (&fields->id);
  self->uuid = g_steal_pointer (&fields->uuid);
  self->name = g_steal_pointer (&fields->name);
  self->description = g_steal_pointer (&fields->description);
  if (self->description == NULL)
    self->description = g_strdup ("");
  self->origin = g_steal_pointer (&fields->origin);
  self->built_in_content_version = g_steal_pointer (&fields->built_in_content_version);
  self->execution_service_delegate = g_steal_pointer (&fields->execution_service_delegate);
  self->run_as_text = g_steal_pointer (&fields->run_as_text);
  self->purpose_texts = g_steal_pointer (&fields->purpose_texts);
  self->inputs = g_steal_pointer (&fields->inputs);
  self->outputs = g_steal_pointer (&fields->outputs);
  if (self->inputs == NULL)
    self->inputs = g_list_store_new (RA_TYPE_ACTION_INPUT);
  if (self->outputs == NULL)
    self->outputs = g_list_store_new (RA_TYPE_ACTION_OUTPUT);
  self->timeout_seconds = fields->timeout_seconds;
  self->purpose = fields->purpose;
  self->run_as = fields->run_as;
  self->api_enabled = fields->api_enabled;
  self->manual_enabled = fields->manual_enabled;
  self->workflow_enabled = fields->workflow_enabled;
  self->manual_allow_multiple_devices = fields->manual_allow_multiple_devices;
  self->has_script_windows = fields->has_script_windows;
  self->has_script_macos = fields->has_script_macos;

  return self;
}

RaRemoteAction *
ra_remote_action_new_from_json (JsonNode  *node,
                                GError   **error)
{
  RaJsonPath root = RA_JSON_PATH_INIT (NULL);

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _ra_remote_action_parse (node, &root, error);
}

const char *
ra_remote_action_get_id (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), NULL);

  return self->id;
}

const char *
ra_remote_action_get_uuid (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), NULL);

  return self->uuid;
}

const char *
ra_remote_action_get_name (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), NULL);

  return self->name;
}

const char *
ra_remote_action_get_description (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), NULL);

  return self->description;
}

const char *
ra_remote_action_get_origin (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), NULL);

  return self->origin;
}

const char *
ra_remote_action_get_built_in_content_version (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), NULL);

  return self->built_in_content_version;
}

RaPurpose
ra_remote_action_get_purpose (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), RA_PURPOSE_NONE);

  return self->purpose;
}

RaTristate
ra_remote_action_get_api_enabled (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), RA_TRISTATE_UNKNOWN);

  return self->api_enabled;
}

RaTristate
ra_remote_action_get_manual_enabled (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), RA_TRISTATE_UNKNOWN);

  return self->manual_enabled;
}

RaTristate
ra_remote_action_get_workflow_enabled (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), RA_TRISTATE_UNKNOWN);

  return self->workflow_enabled;
}

RaTristate
ra_remote_action_get_manual_allow_multiple_devices (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), RA_TRISTATE_UNKNOWN);

  return self->manual_allow_multiple_devices;
}

const char *
ra_remote_action_get_execution_service_delegate (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), NULL);

  return self->execution_service_delegate;
}

RaRunAs
ra_remote_action_get_run_as (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), RA_RUN_AS_UNKNOWN);

  return self->run_as;
}

const char *
ra_remote_action_get_run_as_text (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), NULL);

  return self->run_as_text;
}

const char * const *
ra_remote_action_get_purpose_texts (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), NULL);

  return (const char * const *) self->purpose_texts;
}

gint64
ra_remote_action_get_timeout_seconds (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), 0);

  return self->timeout_seconds;
}

RaTristate
ra_remote_action_get_has_script_windows (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), RA_TRISTATE_UNKNOWN);

  return self->has_script_windows;
}

RaTristate
ra_remote_action_get_has_script_macos (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), RA_TRISTATE_UNKNOWN);

  return self->has_script_macos;
}

GListModel *
ra_remote_action_get_inputs (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), NULL);

  return G_LIST_MODEL (self->inputs);
}

GListModel *
ra_remote_action_get_outputs (RaRemoteAction *self)
{
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (self), NULL);

  return G_LIST_MODEL (self->outputs);
}

const char *
ra_run_as_to_string (RaRunAs run_as)
{
  for (guint i = 0; i < G_N_ELEMENTS (run_as_options); i++)
    {
      if (run_as_options[i].value == run_as)
        return run_as_options[i].name;
    }

  return NULL;
}

const char *
ra_run_as_to_label (RaRunAs run_as)
{
  switch (run_as)
    {
    case RA_RUN_AS_LOCAL_SYSTEM:
      return _("Local system");
    case RA_RUN_AS_INTERACTIVE_USER:
      return _("Signed-in user");
    case RA_RUN_AS_DELEGATE_TO_SERVICE:
      return _("Delegated to a service");
    case RA_RUN_AS_OTHER:
      return _("Not documented");
    case RA_RUN_AS_UNKNOWN:
    default:
      return _("Not known");
    }
}
