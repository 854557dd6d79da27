/* ra-action-output.c — one output of a remote action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-action-output"

#include "config.h"

#include "ra-enum-types.h"
#include "ra-models-private.h"

struct _RaActionOutput
{
  GObject parent_instance;

  char *id;
  char *name;
  char *output_type;
  char *description;
  RaTristate used_by_windows;
  RaTristate used_by_macos;
};

G_DEFINE_FINAL_TYPE (RaActionOutput, ra_action_output, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_OUTPUT_TYPE,
  PROP_DESCRIPTION,
  PROP_USED_BY_WINDOWS,
  PROP_USED_BY_MACOS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
ra_action_output_finalize (GObject *object)
{
  RaActionOutput *self = (RaActionOutput *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->output_type, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (ra_action_output_parent_class)->finalize (object);
}

static void
ra_action_output_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RaActionOutput *self = RA_ACTION_OUTPUT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_OUTPUT_TYPE:
      g_value_set_string (value, self->output_type);
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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_action_output_class_init (RaActionOutputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_action_output_finalize;
  object_class->get_property = ra_action_output_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The schema leaves "type" open, so it is kept as the server says it. */
  properties [PROP_OUTPUT_TYPE] =
    g_param_spec_string ("output-type", NULL, NULL, NULL,
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ra_action_output_init (RaActionOutput *self)
{
  self->used_by_windows = RA_TRISTATE_UNKNOWN;
  self->used_by_macos = RA_TRISTATE_UNKNOWN;
}

/* Only the id is required; the defaults are in ra-remote-action.c. */
RaActionOutput *
_ra_action_output_parse (JsonNode          *node,
                         const RaJsonPath  *path,
                         GError           **error)
{
  g_autoptr(RaActionOutput) self = g_object_new (RA_TYPE_ACTION_OUTPUT, NULL);
  JsonObject *object = NULL;

  if (!ra_json_node_object (node, path, RA_JSON_REQUIRED, &object, error) ||
      !ra_json_member_dup_string (object, path, "id", RA_JSON_REQUIRED, &self->id, error) ||
      !ra_json_member_dup_string (object, path, "name", RA_JSON_OPTIONAL, &self->name, error) ||
      !ra_json_member_dup_string (object, path, "type", RA_JSON_OPTIONAL, &self->output_type, error) ||
      !ra_json_member_dup_string (object, path, "description", RA_JSON_OPTIONAL, &self->description, error) ||
      !ra_json_member_tristate (object, path, "usedByWindows", &self->used_by_windows, error) ||
      !ra_json_member_tristate (object, path, "usedByMacOs", &self->used_by_macos, error))
    return NULL;

  if (self->name == NULL)
    self->name = g_strdup (self->id);
  if (self->description == NULL)
    self->description = g_strdup ("");

  return g_steal_pointer (&self);
}

RaActionOutput *
_ra_action_output_new_take (char       *id,
                            char       *name,
                            char       *output_type,
                            char       *description,
                            RaTristate  used_by_windows,
                            RaTristate  used_by_macos)
{
  RaActionOutput *self = g_object_new (RA_TYPE_ACTION_OUTPUT, NULL);

  self->id = id;
  self->name = name != NULL ? name : g_strdup (id);
  self->output_type = output_type;
  self->description = description != NULL ? description : g_strdup ("");
  self->used_by_windows = used_by_windows;
  self->used_by_macos = used_by_macos;

  return self;
}

RaActionOutput *
ra_action_output_new_from_json (JsonNode    *node,
                                const char  *path,
                                GError     **error)
{
  RaJsonPath root = RA_JSON_PATH_INIT (path);

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _ra_action_output_parse (node, &root, error);
}

const char *
ra_action_output_get_id (RaActionOutput *self)
{
  g_return_val_if_fail (RA_IS_ACTION_OUTPUT (self), NULL);

  return self->id;
}

const char *
ra_action_output_get_name (RaActionOutput *self)
{
  g_return_val_if_fail (RA_IS_ACTION_OUTPUT (self), NULL);

  return self->name;
}

const char *
ra_action_output_get_output_type (RaActionOutput *self)
{
  g_return_val_if_fail (RA_IS_ACTION_OUTPUT (self), NULL);

  return self->output_type;
}

const char *
ra_action_output_get_description (RaActionOutput *self)
{
  g_return_val_if_fail (RA_IS_ACTION_OUTPUT (self), NULL);

  return self->description;
}

RaTristate
ra_action_output_get_used_by_windows (RaActionOutput *self)
{
  g_return_val_if_fail (RA_IS_ACTION_OUTPUT (self), RA_TRISTATE_UNKNOWN);

  return self->used_by_windows;
}

RaTristate
ra_action_output_get_used_by_macos (RaActionOutput *self)
{
  g_return_val_if_fail (RA_IS_ACTION_OUTPUT (self), RA_TRISTATE_UNKNOWN);

  return self->used_by_macos;
}
