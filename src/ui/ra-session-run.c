/* ra-session-run.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-session-run"

#include "config.h"

#include "ra-session-run.h"

struct _RaSessionRun
{
  GObject    parent_instance;

  char      *action_id;
  char      *action_name;
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

  g_free (self->action_id);
  g_free (self->action_name);
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

RaSessionRun *
ra_session_run_new (const char *action_id,
                    const char *action_name,
                    const char *request_id,
                    guint       n_devices,
                    guint       expires_in_minutes)
{
  RaSessionRun *self;

  g_return_val_if_fail (action_id != NULL, NULL);
  g_return_val_if_fail (request_id != NULL, NULL);

  self = g_object_new (RA_TYPE_SESSION_RUN, NULL);
  self->action_id = g_strdup (action_id);
  self->action_name = g_strdup (action_name ? action_name : action_id);
  self->request_id = g_strdup (request_id);
  self->n_devices = n_devices;
  self->expires_in_minutes = expires_in_minutes;
  self->started = g_date_time_new_now_local ();
  self->outcome = RA_EXECUTION_OUTCOME_STARTED;

  return self;
}

/* A run that may have started: it has no request ID to show. */
RaSessionRun *
ra_session_run_new_unknown (const char *action_id,
                            const char *action_name,
                            guint       n_devices)
{
  RaSessionRun *self;

  g_return_val_if_fail (action_id != NULL, NULL);

  self = g_object_new (RA_TYPE_SESSION_RUN, NULL);
  self->action_id = g_strdup (action_id);
  self->action_name = g_strdup (action_name ? action_name : action_id);
  self->n_devices = n_devices;
  self->started = g_date_time_new_now_local ();
  self->outcome = RA_EXECUTION_OUTCOME_UNKNOWN;

  return self;
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
