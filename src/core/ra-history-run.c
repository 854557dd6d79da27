/* ra-history-run.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-history"

#include "config.h"

#include "ra-history-run.h"

struct _RaHistoryRun
{
  GObject             parent_instance;

  gint64              id;
  gint64              time;
  char               *account_id;
  char               *account_name;
  char               *instance;
  char               *region;
  char               *action_id;
  char               *action_name;
  GHashTable         *parameters;
  char              **devices;
  GHashTable         *device_names;
  guint               n_devices;
  guint               expires_in_minutes;
  char               *reason;
  char               *external_reference;
  RaExecutionOutcome  outcome;
  char               *request_id;
  GHashTable         *status_counts;
};

G_DEFINE_FINAL_TYPE (RaHistoryRun, ra_history_run, G_TYPE_OBJECT)

static void
ra_history_run_finalize (GObject *object)
{
  RaHistoryRun *self = RA_HISTORY_RUN (object);

  g_free (self->account_id);
  g_free (self->account_name);
  g_free (self->instance);
  g_free (self->region);
  g_free (self->action_id);
  g_free (self->action_name);
  g_hash_table_unref (self->parameters);
  g_strfreev (self->devices);
  g_clear_pointer (&self->device_names, g_hash_table_unref);
  g_free (self->reason);
  g_free (self->external_reference);
  g_free (self->request_id);
  g_clear_pointer (&self->status_counts, g_hash_table_unref);

  G_OBJECT_CLASS (ra_history_run_parent_class)->finalize (object);
}

static void
ra_history_run_class_init (RaHistoryRunClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ra_history_run_finalize;
}

static void
ra_history_run_init (RaHistoryRun *self)
{
  self->parameters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->outcome = RA_EXECUTION_OUTCOME_UNKNOWN;
}

RaHistoryRun *
ra_history_run_new (void)
{
  return g_object_new (RA_TYPE_HISTORY_RUN, NULL);
}

RaHistoryRun *
ra_history_run_new_for_request (RaExecutionRequest *request,
                                gint64              time)
{
  RaHistoryRun *self;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (request), NULL);

  self = ra_history_run_new ();
  self->time = time;
  self->action_id = g_strdup (ra_execution_request_get_remote_action_id (request));

  g_hash_table_iter_init (&iter, ra_execution_request_get_params (request));
  while (g_hash_table_iter_next (&iter, &key, &value))
    ra_history_run_set_parameter (self, key, value);

  ra_history_run_set_devices (self, ra_execution_request_get_devices (request));
  self->expires_in_minutes = ra_execution_request_get_expires_in_minutes (request);
  self->reason = g_strdup (ra_execution_request_get_reason (request));
  self->external_reference = g_strdup (ra_execution_request_get_external_reference (request));

  return self;
}

gint64
ra_history_run_get_id (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), 0);

  return self->id;
}

void
ra_history_run_set_id (RaHistoryRun *self,
                       gint64        id)
{
  g_return_if_fail (RA_IS_HISTORY_RUN (self));

  self->id = id;
}

gint64
ra_history_run_get_time (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), 0);

  return self->time;
}

void
ra_history_run_set_time (RaHistoryRun *self,
                         gint64        time)
{
  g_return_if_fail (RA_IS_HISTORY_RUN (self));

  self->time = time;
}

const char *
ra_history_run_get_account_id (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), NULL);

  return self->account_id;
}

const char *
ra_history_run_get_account_name (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), NULL);

  return self->account_name;
}

const char *
ra_history_run_get_instance (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), NULL);

  return self->instance;
}

const char *
ra_history_run_get_region (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), NULL);

  return self->region;
}

void
ra_history_run_set_account (RaHistoryRun *self,
                            const char   *account_id,
                            const char   *account_name,
                            const char   *instance,
                            const char   *region)
{
  g_return_if_fail (RA_IS_HISTORY_RUN (self));

  g_free (self->account_id);
  self->account_id = g_strdup (account_id);
  g_free (self->account_name);
  self->account_name = g_strdup (account_name);
  g_free (self->instance);
  self->instance = g_strdup (instance);
  g_free (self->region);
  self->region = g_strdup (region);
}

const char *
ra_history_run_get_action_id (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), NULL);

  return self->action_id;
}

const char *
ra_history_run_get_action_name (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), NULL);

  return self->action_name;
}

void
ra_history_run_set_action (RaHistoryRun *self,
                           const char   *action_id,
                           const char   *action_name)
{
  g_return_if_fail (RA_IS_HISTORY_RUN (self));

  g_free (self->action_id);
  self->action_id = g_strdup (action_id);
  g_free (self->action_name);
  self->action_name = g_strdup (action_name);
}

GHashTable *
ra_history_run_get_parameters (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), NULL);

  return self->parameters;
}

void
ra_history_run_set_parameter (RaHistoryRun *self,
                              const char   *id,
                              const char   *value)
{
  g_return_if_fail (RA_IS_HISTORY_RUN (self));
  g_return_if_fail (id != NULL);

  g_hash_table_replace (self->parameters, g_strdup (id), g_strdup (value ? value : ""));
}

const char * const *
ra_history_run_get_devices (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), NULL);

  return (const char * const *) self->devices;
}

void
ra_history_run_set_devices (RaHistoryRun       *self,
                            const char * const *devices)
{
  g_return_if_fail (RA_IS_HISTORY_RUN (self));

  g_strfreev (self->devices);
  self->devices = g_strdupv ((char **) devices);
  if (devices != NULL)
    self->n_devices = g_strv_length (self->devices);
}

GHashTable *
ra_history_run_get_device_names (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), NULL);

  return self->device_names;
}

void
ra_history_run_set_device_names (RaHistoryRun *self,
                                 GHashTable   *names)
{
  GHashTableIter iter;
  gpointer uid, name;

  g_return_if_fail (RA_IS_HISTORY_RUN (self));

  g_clear_pointer (&self->device_names, g_hash_table_unref);
  if (names == NULL || g_hash_table_size (names) == 0)
    return;

  /* A copy: the history's worker thread reads it while the caller goes on. */
  self->device_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &uid, &name))
    g_hash_table_insert (self->device_names, g_strdup (uid), g_strdup (name));
}

guint
ra_history_run_get_n_devices (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), 0);

  return self->n_devices;
}

void
ra_history_run_set_n_devices (RaHistoryRun *self,
                              guint         n_devices)
{
  g_return_if_fail (RA_IS_HISTORY_RUN (self));
  g_return_if_fail (self->devices == NULL || g_strv_length (self->devices) == n_devices);

  self->n_devices = n_devices;
}

guint
ra_history_run_get_expires_in_minutes (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), 0);

  return self->expires_in_minutes;
}

void
ra_history_run_set_expires_in_minutes (RaHistoryRun *self,
                                       guint         minutes)
{
  g_return_if_fail (RA_IS_HISTORY_RUN (self));

  self->expires_in_minutes = minutes;
}

const char *
ra_history_run_get_reason (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), NULL);

  return self->reason;
}

void
ra_history_run_set_reason (RaHistoryRun *self,
                           const char   *reason)
{
  g_return_if_fail (RA_IS_HISTORY_RUN (self));

  g_free (self->reason);
  self->reason = g_strdup (reason);
}

const char *
ra_history_run_get_external_reference (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), NULL);

  return self->external_reference;
}

void
ra_history_run_set_external_reference (RaHistoryRun *self,
                                       const char   *reference)
{
  g_return_if_fail (RA_IS_HISTORY_RUN (self));

  g_free (self->external_reference);
  self->external_reference = g_strdup (reference);
}

RaExecutionOutcome
ra_history_run_get_outcome (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), RA_EXECUTION_OUTCOME_UNKNOWN);

  return self->outcome;
}

const char *
ra_history_run_get_request_id (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), NULL);

  return self->request_id;
}

void
ra_history_run_set_outcome (RaHistoryRun       *self,
                            RaExecutionOutcome  outcome,
                            const char         *request_id)
{
  g_return_if_fail (RA_IS_HISTORY_RUN (self));

  self->outcome = outcome;
  g_free (self->request_id);
  self->request_id = g_strdup (request_id);
}

GHashTable *
ra_history_run_get_status_counts (RaHistoryRun *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_RUN (self), NULL);

  return self->status_counts;
}

void
ra_history_run_set_status_count (RaHistoryRun *self,
                                 const char   *status,
                                 guint         count)
{
  g_return_if_fail (RA_IS_HISTORY_RUN (self));
  g_return_if_fail (status != NULL);

  if (self->status_counts == NULL)
    self->status_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_replace (self->status_counts, g_strdup (status), GUINT_TO_POINTER (count));
}

void
ra_history_run_clear_status_counts (RaHistoryRun *self)
{
  g_return_if_fail (RA_IS_HISTORY_RUN (self));

  g_clear_pointer (&self->status_counts, g_hash_table_unref);
}
