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
  gint64 expires = 0;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RA_TYPE_EXECUTION_RESULT, NULL);

  /* The schema caps expiresInMinutes at 10080, but by the time this is
   * parsed the execution has been triggered: refusing a larger value would
   * tell the admin it failed when it did not. Only the type and the
   * schema's minimum are checked. */
  if (!ra_json_node_object (node, &root, RA_JSON_REQUIRED, &object, error) ||
      !ra_json_member_dup_string (object, &root, "requestId",
                                  RA_JSON_REQUIRED | RA_JSON_NON_EMPTY,
                                  &self->request_id, error) ||
      !ra_json_member_int (object, &root, "expiresInMinutes", RA_JSON_OPTIONAL,
                           1, G_MAXINT32, &expires, error))
    return NULL;

  self->expires_in_minutes = (guint) expires;

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
