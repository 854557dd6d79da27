/* ra-action-input.c — one input (script parameter) of a remote action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-action-input"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-enum-types.h"
#include "ra-error.h"
#include "ra-models-private.h"

struct _RaActionInput
{
  GObject parent_instance;

  char *id;
  char *name;
  char *description;
  char **options;
  RaTristate used_by_windows;
  RaTristate used_by_macos;
  RaTristate allow_custom_value;
};

G_DEFINE_FINAL_TYPE (RaActionInput, ra_action_input, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_USED_BY_WINDOWS,
  PROP_USED_BY_MACOS,
  PROP_OPTIONS,
  PROP_ALLOW_CUSTOM_VALUE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
ra_action_input_finalize (GObject *object)
{
  RaActionInput *self = (RaActionInput *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->options, g_strfreev);

  G_OBJECT_CLASS (ra_action_input_parent_class)->finalize (object);
}

static void
ra_action_input_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RaActionInput *self = RA_ACTION_INPUT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_USED_BY_WINDOWS:
      g_value_set_enum (value, self->used_by_windows);
      break;
    case PROP_USED_BY_MACOS:
      g_value_set_enum (value, self->used_by_macos);
      break;
    case PROP_OPTIONS:
      g_value_set_boxed (value, self->options);
      break;
    case PROP_ALLOW_CUSTOM_VALUE:
      g_value_set_enum (value, self->allow_custom_value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_action_input_class_init (RaActionInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_action_input_finalize;
  object_class->get_property = ra_action_input_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_USED_BY_WINDOWS] =
    g_param_spec_enum ("used-by-windows", NULL, NULL, RA_TYPE_TRISTATE, RA_TRISTATE_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_USED_BY_MACOS] =
    g_param_spec_enum ("used-by-macos", NULL, NULL, RA_TYPE_TRISTATE, RA_TRISTATE_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_OPTIONS] =
    g_param_spec_boxed ("options", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_ALLOW_CUSTOM_VALUE] =
    g_param_spec_enum ("allow-custom-value", NULL, NULL, RA_TYPE_TRISTATE, RA_TRISTATE_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ra_action_input_init (RaActionInput *self)
{
  self->used_by_windows = RA_TRISTATE_UNKNOWN;
  self->used_by_macos = RA_TRISTATE_UNKNOWN;
  self->allow_custom_value = RA_TRISTATE_UNKNOWN;
}

/* Only the id is required; the defaults are in ra-remote-action.c. */
RaActionInput *
_ra_action_input_parse (JsonNode          *node,
                        const RaJsonPath  *path,
                        GError           **error)
{
  g_autoptr(RaActionInput) self = g_object_new (RA_TYPE_ACTION_INPUT, NULL);
  JsonObject *object = NULL;

  /* Members in the schema's order, so the first bad one is named. */
  if (!ra_json_node_object (node, path, RA_JSON_REQUIRED, &object, error) ||
      !ra_json_member_dup_string (object, path, "id", RA_JSON_REQUIRED, &self->id, error) ||
      !ra_json_member_dup_string (object, path, "name", RA_JSON_OPTIONAL, &self->name, error) ||
      !ra_json_member_dup_string (object, path, "description", RA_JSON_OPTIONAL, &self->description, error) ||
      !ra_json_member_tristate (object, path, "usedByWindows", &self->used_by_windows, error) ||
      !ra_json_member_tristate (object, path, "usedByMacOs", &self->used_by_macos, error) ||
      !ra_json_member_strv (object, path, "options", RA_JSON_OPTIONAL, &self->options, error) ||
      !ra_json_member_tristate (object, path, "allowCustomValue", &self->allow_custom_value, error))
    return NULL;

  if (self->name == NULL)
    self->name = g_strdup (self->id);
  if (self->description == NULL)
    self->description = g_strdup ("");
  if (self->options == NULL)
    self->options = g_new0 (char *, 1);

  return g_steal_pointer (&self);
}

RaActionInput *
_ra_action_input_new_take (char       *id,
                           char       *name,
                           char       *description,
                           char      **options,
                           RaTristate  used_by_windows,
                           RaTristate  used_by_macos,
                           RaTristate  allow_custom_value)
{
  RaActionInput *self = g_object_new (RA_TYPE_ACTION_INPUT, NULL);

  self->id = id;
  self->name = name != NULL ? name : g_strdup (id);
  self->description = description != NULL ? description : g_strdup ("");
  self->options = options != NULL ? options : g_new0 (char *, 1);
  self->used_by_windows = used_by_windows;
  self->used_by_macos = used_by_macos;
  self->allow_custom_value = allow_custom_value;

  return self;
}

RaActionInput *
ra_action_input_new_from_json (JsonNode    *node,
                               const char  *path,
                               GError     **error)
{
  RaJsonPath root = RA_JSON_PATH_INIT (path);

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _ra_action_input_parse (node, &root, error);
}

const char *
ra_action_input_get_id (RaActionInput *self)
{
  g_return_val_if_fail (RA_IS_ACTION_INPUT (self), NULL);

  return self->id;
}

const char *
ra_action_input_get_name (RaActionInput *self)
{
  g_return_val_if_fail (RA_IS_ACTION_INPUT (self), NULL);

  return self->name;
}

const char *
ra_action_input_get_description (RaActionInput *self)
{
  g_return_val_if_fail (RA_IS_ACTION_INPUT (self), NULL);

  return self->description;
}

RaTristate
ra_action_input_get_used_by_windows (RaActionInput *self)
{
  g_return_val_if_fail (RA_IS_ACTION_INPUT (self), RA_TRISTATE_UNKNOWN);

  return self->used_by_windows;
}

RaTristate
ra_action_input_get_used_by_macos (RaActionInput *self)
{
  g_return_val_if_fail (RA_IS_ACTION_INPUT (self), RA_TRISTATE_UNKNOWN);

  return self->used_by_macos;
}

const char * const *
ra_action_input_get_options (RaActionInput *self)
{
  g_return_val_if_fail (RA_IS_ACTION_INPUT (self), NULL);

  return (const char * const *)self->options;
}

RaTristate
ra_action_input_get_allow_custom_value (RaActionInput *self)
{
  g_return_val_if_fail (RA_IS_ACTION_INPUT (self), RA_TRISTATE_UNKNOWN);

  return self->allow_custom_value;
}

gboolean
ra_action_input_has_fixed_options (RaActionInput *self)
{
  g_return_val_if_fail (RA_IS_ACTION_INPUT (self), FALSE);

  return self->options[0] != NULL && self->allow_custom_value == RA_TRISTATE_NO;
}

gboolean
ra_action_input_validate_value (RaActionInput  *self,
                                const char     *value,
                                GError        **error)
{
  g_return_val_if_fail (RA_IS_ACTION_INPUT (self), FALSE);

  if (value == NULL)
    value = "";

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT,
                   _("The value for “%s” is not valid text."),
                   self->name);
      return FALSE;
    }

  /* When the server did not say whether other values are allowed, the
   * options are suggestions and the server has the last word. */
  if (!ra_action_input_has_fixed_options (self))
    return TRUE;

  if (g_strv_contains ((const char * const *)self->options, value))
    return TRUE;

  g_set_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT,
               _("“%s” is not one of the values allowed for “%s”."),
               value, self->name);
  return FALSE;
}
