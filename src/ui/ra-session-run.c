/* ra-session-run.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-session-run"

#include "config.h"

#include "ra-endpoint.h"
#include "ra-session-run.h"

struct _RaSessionRun
{
  GObject    parent_instance;

  RaExecutionRequest *request;
  char      *action_id;
  char      *action_name;
  char      *target;
  char      *request_id;
  guint      n_devices;
  guint      expires_in_minutes;
  GDateTime *started;
  RaExecutionOutcome outcome;
};

G_DEFINE_FINAL_TYPE (RaSessionRun, ra_session_run, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTION_ID,
  PROP_ACTION_NAME,
  PROP_REQUEST_ID,
  PROP_N_DEVICES,
  PROP_EXPIRES_IN_MINUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ra_session_run_finalize (GObject *object)
{
  RaSessionRun *self = RA_SESSION_RUN (object);

  g_clear_object (&self->request);
  g_free (self->action_id);
  g_free (self->action_name);
  g_free (self->target);
  g_free (self->request_id);
  g_clear_pointer (&self->started, g_date_time_unref);

  G_OBJECT_CLASS (ra_session_run_parent_class)->finalize (object);
}

static void
ra_session_run_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RaSessionRun *self = RA_SESSION_RUN (object);

  switch (prop_id)
    {
    case PROP_ACTION_ID:
      g_value_set_string (value, self->action_id);
      break;
    case PROP_ACTION_NAME:
      g_value_set_string (value, self->action_name);
      break;
    case PROP_REQUEST_ID:
      g_value_set_string (value, self->request_id);
      break;
    case PROP_N_DEVICES:
      g_value_set_uint (value, self->n_devices);
      break;
    case PROP_EXPIRES_IN_MINUTES:
      g_value_set_uint (value, self->expires_in_minutes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_session_run_class_init (RaSessionRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_session_run_finalize;
  object_class->get_property = ra_session_run_get_property;

  properties[PROP_ACTION_ID] =
    g_param_spec_string ("action-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_NAME] =
    g_param_spec_string ("action-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUEST_ID] =
    g_param_spec_string ("request-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DEVICES] =
    g_param_spec_uint ("n-devices", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPIRES_IN_MINUTES] =
    g_param_spec_uint ("expires-in-minutes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ra_session_run_init (RaSessionRun *self)
{
}

static RaSessionRun *
session_run_new (RaExecutionRequest *request,
                 const char         *action_name,
                 const char         *target,
                 GDateTime          *started,
                 RaExecutionOutcome  outcome)
{
  RaSessionRun *self = g_object_new (RA_TYPE_SESSION_RUN, NULL);
  const char *action_id = ra_execution_request_get_remote_action_id (request);

  self->request = g_object_ref (request);
  self->action_id = g_strdup (action_id);
  self->action_name = g_strdup (action_name ? action_name : action_id);
  self->target = g_strdup (target);
  self->n_devices = ra_execution_request_get_n_devices (request);
  self->started = g_date_time_ref (started);
  self->outcome = outcome;

  return self;
}

RaSessionRun *
ra_session_run_new (RaExecutionRequest *request,
                    const char         *action_name,
                    const char         *target,
                    const char         *request_id,
                    guint               expires_in_minutes,
                    GDateTime          *started)
{
  RaSessionRun *self;

  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (request), NULL);
  g_return_val_if_fail (request_id != NULL, NULL);
  g_return_val_if_fail (started != NULL, NULL);

  self = session_run_new (request, action_name, target, started, RA_EXECUTION_OUTCOME_STARTED);
  self->request_id = g_strdup (request_id);
  self->expires_in_minutes = expires_in_minutes;

  return self;
}

RaSessionRun *
ra_session_run_new_unknown (RaExecutionRequest *request,
                            const char         *action_name,
                            const char         *target,
                            GDateTime          *started)
{
  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (request), NULL);
  g_return_val_if_fail (started != NULL, NULL);

  return session_run_new (request, action_name, target, started, RA_EXECUTION_OUTCOME_UNKNOWN);
}

RaExecutionOutcome
ra_session_run_get_outcome (RaSessionRun *self)
{
  g_return_val_if_fail (RA_IS_SESSION_RUN (self), RA_EXECUTION_OUTCOME_UNKNOWN);
  return self->outcome;
}

const char *
ra_session_run_get_action_id (RaSessionRun *self)
{
  g_return_val_if_fail (RA_IS_SESSION_RUN (self), NULL);
  return self->action_id;
}

const char *
ra_session_run_get_action_name (RaSessionRun *self)
{
  g_return_val_if_fail (RA_IS_SESSION_RUN (self), NULL);
  return self->action_name;
}

const char *
ra_session_run_get_request_id (RaSessionRun *self)
{
  g_return_val_if_fail (RA_IS_SESSION_RUN (self), NULL);
  return self->request_id;
}

guint
ra_session_run_get_n_devices (RaSessionRun *self)
{
  g_return_val_if_fail (RA_IS_SESSION_RUN (self), 0);
  return self->n_devices;
}

guint
ra_session_run_get_expires_in_minutes (RaSessionRun *self)
{
  g_return_val_if_fail (RA_IS_SESSION_RUN (self), 0);
  return self->expires_in_minutes;
}

GDateTime *
ra_session_run_get_started (RaSessionRun *self)
{
  g_return_val_if_fail (RA_IS_SESSION_RUN (self), NULL);
  return self->started;
}

char *
ra_session_run_dup_target (RaClient *client)
{
  RaEndpoint *endpoint;

  g_return_val_if_fail (RA_IS_CLIENT (client), NULL);

  endpoint = ra_client_get_endpoint (client);
  return g_strdup_printf ("%s.%s %s", ra_endpoint_get_instance (endpoint),
                          ra_endpoint_get_region (endpoint),
                          ra_endpoint_get_api_base_url (endpoint));
}

static gboolean
same_params (GHashTable *a,
             GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;

  return TRUE;
}

/* The requests' device lists hold no duplicates. */
static gboolean
same_devices (RaExecutionRequest *a,
              RaExecutionRequest *b)
{
  g_autoptr(GHashTable) set = NULL;
  const char * const *devices;

  if (ra_execution_request_get_n_devices (a) != ra_execution_request_get_n_devices (b))
    return FALSE;
  if (ra_execution_request_get_n_devices (a) == 0)
    return TRUE;

  set = g_hash_table_new (g_str_hash, g_str_equal);
  for (devices = ra_execution_request_get_devices (a); *devices != NULL; devices++)
    g_hash_table_add (set, (gpointer) *devices);

  for (devices = ra_execution_request_get_devices (b); *devices != NULL; devices++)
    if (!g_hash_table_contains (set, *devices))
      return FALSE;

  return TRUE;
}

gboolean
ra_session_run_repeats (RaSessionRun       *self,
                        RaExecutionRequest *request,
                        const char         *target)
{
  g_return_val_if_fail (RA_IS_SESSION_RUN (self), FALSE);
  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (request), FALSE);

  return g_strcmp0 (self->target, target) == 0 &&
         g_strcmp0 (self->action_id, ra_execution_request_get_remote_action_id (request)) == 0 &&
         same_params (ra_execution_request_get_params (self->request),
                      ra_execution_request_get_params (request)) &&
         same_devices (self->request, request);
}

RaSessionRun *
ra_session_run_find_repeated (GListModel         *runs,
                              RaExecutionRequest *request,
                              const char         *target)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (runs), NULL);
  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (request), NULL);

  n = g_list_model_get_n_items (runs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaSessionRun) run = g_list_model_get_item (runs, i);

      if (ra_session_run_repeats (run, request, target))
        return run;
    }

  return NULL;
}

const char * const *
ra_session_run_get_devices (RaSessionRun *self)
{
  g_return_val_if_fail (RA_IS_SESSION_RUN (self), NULL);

  return ra_execution_request_get_devices (self->request);
}
