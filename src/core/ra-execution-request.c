/* ra-execution-request.c — what POST /api/v1/act/execute sends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-execution-request"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ra-error.h"
#include "ra-execution-request.h"

struct _RaExecutionRequest
{
  GObject parent_instance;

  char *remote_action_id;
  GHashTable *params;
  char **devices;
  guint n_devices;
  guint expires_in_minutes;
  char *external_source;
  char *reason;
  char *external_reference;
};

G_DEFINE_FINAL_TYPE (RaExecutionRequest, ra_execution_request, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REMOTE_ACTION_ID,
  PROP_DEVICES,
  PROP_N_DEVICES,
  PROP_EXPIRES_IN_MINUTES,
  PROP_EXTERNAL_SOURCE,
  PROP_REASON,
  PROP_EXTERNAL_REFERENCE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
ra_execution_request_finalize (GObject *object)
{
  RaExecutionRequest *self = (RaExecutionRequest *)object;

  g_clear_pointer (&self->remote_action_id, g_free);
  g_clear_pointer (&self->params, g_hash_table_unref);
  g_clear_pointer (&self->devices, g_strfreev);
  g_clear_pointer (&self->external_source, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->external_reference, g_free);

  G_OBJECT_CLASS (ra_execution_request_parent_class)->finalize (object);
}

static void
ra_execution_request_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RaExecutionRequest *self = RA_EXECUTION_REQUEST (object);

  switch (prop_id)
    {
    case PROP_REMOTE_ACTION_ID:
      g_value_set_string (value, self->remote_action_id);
      break;
    case PROP_DEVICES:
      g_value_set_boxed (value, self->devices);
      break;
    case PROP_N_DEVICES:
      g_value_set_uint (value, self->n_devices);
      break;
    case PROP_EXPIRES_IN_MINUTES:
      g_value_set_uint (value, self->expires_in_minutes);
      break;
    case PROP_EXTERNAL_SOURCE:
      g_value_set_string (value, self->external_source);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_EXTERNAL_REFERENCE:
      g_value_set_string (value, self->external_reference);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_execution_request_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RaExecutionRequest *self = RA_EXECUTION_REQUEST (object);

  switch (prop_id)
    {
    case PROP_REMOTE_ACTION_ID:
      self->remote_action_id = g_value_dup_string (value);
      break;
    case PROP_DEVICES:
      ra_execution_request_set_devices (self, g_value_get_boxed (value));
      break;
    case PROP_EXPIRES_IN_MINUTES:
      ra_execution_request_set_expires_in_minutes (self, g_value_get_uint (value));
      break;
    case PROP_EXTERNAL_SOURCE:
      ra_execution_request_set_external_source (self, g_value_get_string (value));
      break;
    case PROP_REASON:
      ra_execution_request_set_reason (self, g_value_get_string (value));
      break;
    case PROP_EXTERNAL_REFERENCE:
      ra_execution_request_set_external_reference (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_execution_request_class_init (RaExecutionRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_execution_request_finalize;
  object_class->get_property = ra_execution_request_get_property;
  object_class->set_property = ra_execution_request_set_property;

  properties [PROP_REMOTE_ACTION_ID] =
    g_param_spec_string ("remote-action-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_DEVICES] =
    g_param_spec_boxed ("devices", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_N_DEVICES] =
    g_param_spec_uint ("n-devices", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Any value is stored; ra_execution_request_validate() says what is wrong. */
  properties [PROP_EXPIRES_IN_MINUTES] =
    g_param_spec_uint ("expires-in-minutes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_EXTERNAL_SOURCE] =
    g_param_spec_string ("external-source", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_EXTERNAL_REFERENCE] =
    g_param_spec_string ("external-reference", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ra_execution_request_init (RaExecutionRequest *self)
{
  self->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->devices = g_new0 (char *, 1);
}

RaExecutionRequest *
ra_execution_request_new (const char *remote_action_id)
{
  return g_object_new (RA_TYPE_EXECUTION_REQUEST,
                       "remote-action-id", remote_action_id,
                       NULL);
}

const char *
ra_execution_request_get_remote_action_id (RaExecutionRequest *self)
{
  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (self), NULL);

  return self->remote_action_id;
}

/* value NULL removes the parameter. */
void
ra_execution_request_set_param (RaExecutionRequest *self,
                                const char         *name,
                                const char         *value)
{
  g_return_if_fail (RA_IS_EXECUTION_REQUEST (self));
  g_return_if_fail (name != NULL);

  if (value == NULL)
    g_hash_table_remove (self->params, name);
  else
    g_hash_table_replace (self->params, g_strdup (name), g_strdup (value));
}

GHashTable *
ra_execution_request_get_params (RaExecutionRequest *self)
{
  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (self), NULL);

  return self->params;
}

void
ra_execution_request_set_devices (RaExecutionRequest *self,
                                  const char * const *devices)
{
  char **copy;

  g_return_if_fail (RA_IS_EXECUTION_REQUEST (self));

  if (devices == NULL)
    copy = g_new0 (char *, 1);
  else
    copy = g_strdupv ((char **) devices);

  if (g_strv_equal ((const char * const *) copy, (const char * const *) self->devices))
    {
      g_strfreev (copy);
      return;
    }

  g_strfreev (self->devices);
  self->devices = copy;
  self->n_devices = g_strv_length (copy);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DEVICES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_DEVICES]);
}

const char * const *
ra_execution_request_get_devices (RaExecutionRequest *self)
{
  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (self), NULL);

  return (const char * const *) self->devices;
}

guint
ra_execution_request_get_n_devices (RaExecutionRequest *self)
{
  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (self), 0);

  return self->n_devices;
}

void
ra_execution_request_set_expires_in_minutes (RaExecutionRequest *self,
                                             guint               minutes)
{
  g_return_if_fail (RA_IS_EXECUTION_REQUEST (self));

  if (self->expires_in_minutes == minutes)
    return;

  self->expires_in_minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXPIRES_IN_MINUTES]);
}

guint
ra_execution_request_get_expires_in_minutes (RaExecutionRequest *self)
{
  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (self), 0);

  return self->expires_in_minutes;
}

static void
set_string (RaExecutionRequest *self,
            char              **field,
            const char         *value,
            guint               prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

void
ra_execution_request_set_external_source (RaExecutionRequest *self,
                                          const char         *source)
{
  g_return_if_fail (RA_IS_EXECUTION_REQUEST (self));

  set_string (self, &self->external_source, source, PROP_EXTERNAL_SOURCE);
}

const char *
ra_execution_request_get_external_source (RaExecutionRequest *self)
{
  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (self), NULL);

  return self->external_source;
}

void
ra_execution_request_set_reason (RaExecutionRequest *self,
                                 const char         *reason)
{
  g_return_if_fail (RA_IS_EXECUTION_REQUEST (self));

  set_string (self, &self->reason, reason, PROP_REASON);
}

const char *
ra_execution_request_get_reason (RaExecutionRequest *self)
{
  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (self), NULL);

  return self->reason;
}

void
ra_execution_request_set_external_reference (RaExecutionRequest *self,
                                             const char         *reference)
{
  g_return_if_fail (RA_IS_EXECUTION_REQUEST (self));

  set_string (self, &self->external_reference, reference, PROP_EXTERNAL_REFERENCE);
}

const char *
ra_execution_request_get_external_reference (RaExecutionRequest *self)
{
  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (self), NULL);

  return self->external_reference;
}

static gboolean
is_blank (const char *str)
{
  if (str == NULL)
    return TRUE;

  for (; *str != '\0'; str++)
    {
      if (!g_ascii_isspace (*str))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_text (const char *value)
{
  return value == NULL || g_utf8_validate (value, -1, NULL);
}

gboolean
ra_execution_request_validate (RaExecutionRequest  *self,
                               GError             **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (self), FALSE);

  if (is_blank (self->remote_action_id))
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_INPUT,
                           _("Choose the remote action to run."));
      return FALSE;
    }

  if (!g_utf8_validate (self->remote_action_id, -1, NULL))
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_INPUT,
                           _("The remote action ID is not valid text."));
      return FALSE;
    }

  if (self->n_devices == 0)
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_INPUT,
                           _("Add at least one device to run the remote action on."));
      return FALSE;
    }

  if (self->n_devices > RA_EXECUTION_MAX_DEVICES)
    {
      g_set_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT,
                   ngettext ("A remote action can run on at most %'d devices at once; %'u device was given.",
                             "A remote action can run on at most %'d devices at once; %'u devices were given.",
                             self->n_devices),
                   RA_EXECUTION_MAX_DEVICES, self->n_devices);
      return FALSE;
    }

  for (guint i = 0; i < self->n_devices; i++)
    {
      if (is_blank (self->devices[i]) || !g_utf8_validate (self->devices[i], -1, NULL))
        {
          g_set_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT,
                       _("Device number %'u in the list has no valid collector ID."),
                       i + 1);
          return FALSE;
        }
    }

  if (self->expires_in_minutes != 0 &&
      (self->expires_in_minutes < RA_EXECUTION_MIN_EXPIRY_MINUTES ||
       self->expires_in_minutes > RA_EXECUTION_MAX_EXPIRY_MINUTES))
    {
      g_set_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT,
                   _("The expiry must be from %d to %d minutes (one hour to seven days)."),
                   RA_EXECUTION_MIN_EXPIRY_MINUTES, RA_EXECUTION_MAX_EXPIRY_MINUTES);
      return FALSE;
    }

  if (!is_text (self->external_source) ||
      !is_text (self->reason) ||
      !is_text (self->external_reference))
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_INPUT,
                           _("The reason, source or reference of the request is not valid text."));
      return FALSE;
    }

  /* The schema's maxLength counts characters, not bytes. */
  if (self->reason != NULL &&
      g_utf8_strlen (self->reason, -1) > RA_EXECUTION_MAX_REASON_LENGTH)
    {
      g_set_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT,
                   _("The reason may be at most %d characters long; it has %ld."),
                   RA_EXECUTION_MAX_REASON_LENGTH,
                   (long) g_utf8_strlen (self->reason, -1));
      return FALSE;
    }

  g_hash_table_iter_init (&iter, self->params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_utf8_validate (key, -1, NULL) || !g_utf8_validate (value, -1, NULL))
        {
          g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_INPUT,
                               _("A parameter of the remote action is not valid text."));
          return FALSE;
        }
    }

  return TRUE;
}

static void
add_optional_member (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  if (value == NULL || value[0] == '\0')
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

JsonNode *
ra_execution_request_to_json (RaExecutionRequest *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree gpointer *names = NULL;
  guint n_names = 0;

  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "remoteActionId");
  json_builder_add_string_value (builder, self->remote_action_id ? self->remote_action_id : "");

  /* Sorted, so the same request always gives the same bytes. */
  names = g_hash_table_get_keys_as_array (self->params, &n_names);
  g_qsort_with_data (names, n_names, sizeof (gpointer), compare_names, NULL);

  json_builder_set_member_name (builder, "params");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_names; i++)
    {
      json_builder_set_member_name (builder, names[i]);
      json_builder_add_string_value (builder, g_hash_table_lookup (self->params, names[i]));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "devices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->n_devices; i++)
    json_builder_add_string_value (builder, self->devices[i]);
  json_builder_end_array (builder);

  if (self->expires_in_minutes != 0)
    {
      json_builder_set_member_name (builder, "expiresInMinutes");
      json_builder_add_int_value (builder, self->expires_in_minutes);
    }

  if ((self->external_source != NULL && self->external_source[0] != '\0') ||
      (self->reason != NULL && self->reason[0] != '\0') ||
      (self->external_reference != NULL && self->external_reference[0] != '\0'))
    {
      json_builder_set_member_name (builder, "triggerInfo");
      json_builder_begin_object (builder);
      add_optional_member (builder, "externalSource", self->external_source);
      add_optional_member (builder, "reason", self->reason);
      add_optional_member (builder, "externalReference", self->external_reference);
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
