/* ra-execution-result.c — what POST /api/v1/act/execute answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-execution-result"

#include "config.h"

#include "ra-execution-result.h"
#include "ra-json-private.h"

struct _RaExecutionResult
{
  GObject parent_instance;

  char *request_id;
  guint expires_in_minutes;
};

G_DEFINE_FINAL_TYPE (RaExecutionResult, ra_execution_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REQUEST_ID,
  PROP_EXPIRES_IN_MINUTES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
ra_execution_result_finalize (GObject *object)
{
  RaExecutionResult *self = (RaExecutionResult *)object;

  g_clear_pointer (&self->request_id, g_free);

  G_OBJECT_CLASS (ra_execution_result_parent_class)->finalize (object);
}

static void
ra_execution_result_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RaExecutionResult *self = RA_EXECUTION_RESULT (object);

  switch (prop_id)
    {
    case PROP_REQUEST_ID:
      g_value_set_string (value, self->request_id);
      break;
    case PROP_EXPIRES_IN_MINUTES:
      g_value_set_uint (value, self->expires_in_minutes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_execution_result_class_init (RaExecutionResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_execution_result_finalize;
  object_class->get_property = ra_execution_result_get_property;

  properties [PROP_REQUEST_ID] =
    g_param_spec_string ("request-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_EXPIRES_IN_MINUTES] =
    g_param_spec_uint ("expires-in-minutes", NULL, NULL, 0, G_MAXINT32, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ra_execution_result_init (RaExecutionResult *self)
{
}

RaExecutionResult *
ra_execution_result_new_from_json (JsonNode  *node,
                                   GError   **error)
{
  g_autoptr(RaExecutionResult) self = NULL;
  RaJsonPath root = RA_JSON_PATH_INIT (NULL);
  JsonObject *object = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 expires = 0;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RA_TYPE_EXECUTION_RESULT, NULL);

  if (!ra_json_node_object (node, &root, RA_JSON_REQUIRED, &object, error) ||
      !ra_json_member_dup_string (object, &root, "requestId",
                                  RA_JSON_REQUIRED | RA_JSON_NON_EMPTY,
                                  &self->request_id, error))
    return NULL;

  /* By the time this is parsed the execution has been triggered: a bad
   * expiresInMinutes (over the schema's cap, a string, a fraction) must not
   * turn a started run into a failed one and lose its request ID. It reads
   * as "not stated" instead. */
  if (ra_json_member_int (object, &root, "expiresInMinutes", RA_JSON_OPTIONAL,
                          1, G_MAXINT32, &expires, &local_error))
    self->expires_in_minutes = (guint) expires;
  else
    g_debug ("Ignoring the execution's expiry: %s", local_error->message);

  return g_steal_pointer (&self);
}

const char *
ra_execution_result_get_request_id (RaExecutionResult *self)
{
  g_return_val_if_fail (RA_IS_EXECUTION_RESULT (self), NULL);

  return self->request_id;
}

guint
ra_execution_result_get_expires_in_minutes (RaExecutionResult *self)
{
  g_return_val_if_fail (RA_IS_EXECUTION_RESULT (self), 0);

  return self->expires_in_minutes;
}
