/* ra-run-results.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-run-results"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-account.h"
#include "ra-client.h"
#include "ra-device-results-csv.h"
#include "ra-error.h"
#include "ra-execution-status.h"
#include "ra-run-results.h"

struct _RaRunResults
{
  GObject            parent_instance;

  RaSession         *session;
  RaHistoryRun      *run;
  GCancellable      *cancellable;
  RaNqlResult       *result;
  /* Collector ID, in lower case → the raw status of the answer. */
  GHashTable        *statuses;
  /* Collector ID (lower case) → the device's name, as reported. */
  GHashTable        *names;
  char              *message;
  RaRunResultsState  state;
};

G_DEFINE_FINAL_TYPE (RaRunResults, ra_run_results, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (RaRunResults      *self,
           RaRunResultsState  state,
           const char        *message)
{
  g_free (self->message);
  self->message = g_strdup (message);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

gboolean
ra_run_results_session_has_run_account (RaSession    *session,
                                        RaHistoryRun *run)
{
  const char *account_id = ra_history_run_get_account_id (run);
  RaAccount *account = ra_session_get_account (session);

  if (account_id == NULL)
    return ra_session_get_demo (session);

  return account != NULL && g_strcmp0 (ra_account_get_id (account), account_id) == 0;
}

static void
index_statuses (RaRunResults *self)
{
  ra_nql_result_index_devices (self->result, self->statuses, self->names);
}

static void
executed_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RaRunResults) self = user_data;
  g_autoptr(RaNqlResult) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = ra_client_nql_execute_finish (RA_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (answer == NULL)
    {
      set_state (self, RA_RUN_RESULTS_STATE_ERROR, error->message);
      return;
    }

  g_set_object (&self->result, answer);
  index_statuses (self);
  set_state (self, RA_RUN_RESULTS_STATE_LOADED, NULL);
}

void
ra_run_results_load (RaRunResults *self)
{
  g_autoptr(GHashTable) parameters = NULL;
  const char *query_id;
  const char *request_id;
  RaClient *client;

  g_return_if_fail (RA_IS_RUN_RESULTS (self));

  ra_run_results_cancel (self);
  g_clear_object (&self->result);
  g_hash_table_remove_all (self->statuses);
  g_hash_table_remove_all (self->names);

  request_id = ra_history_run_get_request_id (self->run);
  client = ra_session_get_client (self->session);

  if (request_id == NULL || request_id[0] == '\0')
    {
      set_state (self, RA_RUN_RESULTS_STATE_UNAVAILABLE,
                 _("Nexthink has no results for this run: it has no request ID"));
      return;
    }
  if (client == NULL)
    {
      set_state (self, RA_RUN_RESULTS_STATE_UNAVAILABLE,
                 _("Connect to the account of this run to read its results"));
      return;
    }
  if (!ra_run_results_session_has_run_account (self->session, self->run))
    {
      g_autofree char *text = NULL;
      const char *name = ra_history_run_get_account_name (self->run);

      /* Translators: %s is the name of an account */
      text = g_strdup_printf (_("The results of this run are read from its account, “%s”: "
                                "switch to it to see them"),
                              name != NULL ? name : ra_history_run_get_instance (self->run));
      set_state (self, RA_RUN_RESULTS_STATE_UNAVAILABLE, text);
      return;
    }

  /* The query of the account in use, which is the run's. */
  query_id = ra_session_get_results_query_id (self->session);
  if (query_id == NULL || query_id[0] == '\0')
    {
      set_state (self, RA_RUN_RESULTS_STATE_UNAVAILABLE,
                 _("Set up the execution results query of this account (Edit Account) to read "
                   "the results of runs"));
      return;
    }

  set_state (self, RA_RUN_RESULTS_STATE_LOADING, NULL);
  self->cancellable = g_cancellable_new ();
  /* Only ever the query: nothing here sends an execution. */
  parameters = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (parameters, (gpointer) "request_id", (gpointer) request_id);
  ra_client_nql_execute_async (client, query_id, parameters, self->cancellable,
                               executed_cb, g_object_ref (self));
}

void
ra_run_results_cancel (RaRunResults *self)
{
  g_return_if_fail (RA_IS_RUN_RESULTS (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

RaRunResultsState
ra_run_results_get_state (RaRunResults *self)
{
  g_return_val_if_fail (RA_IS_RUN_RESULTS (self), RA_RUN_RESULTS_STATE_UNAVAILABLE);

  return self->state;
}

const char *
ra_run_results_get_message (RaRunResults *self)
{
  g_return_val_if_fail (RA_IS_RUN_RESULTS (self), NULL);

  return self->message;
}

RaNqlResult *
ra_run_results_get_result (RaRunResults *self)
{
  g_return_val_if_fail (RA_IS_RUN_RESULTS (self), NULL);

  return self->result;
}

RaHistoryRun *
ra_run_results_get_run (RaRunResults *self)
{
  g_return_val_if_fail (RA_IS_RUN_RESULTS (self), NULL);

  return self->run;
}

const char *
ra_run_results_get_status (RaRunResults *self,
                           const char   *device)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (RA_IS_RUN_RESULTS (self), NULL);

  key = g_ascii_strdown (device, -1);
  return g_hash_table_lookup (self->statuses, key);
}

GHashTable *
ra_run_results_get_statuses (RaRunResults *self)
{
  g_return_val_if_fail (RA_IS_RUN_RESULTS (self), NULL);

  return self->statuses;
}

GHashTable *
ra_run_results_get_names (RaRunResults *self)
{
  g_return_val_if_fail (RA_IS_RUN_RESULTS (self), NULL);

  return self->names;
}

static void
ra_run_results_dispose (GObject *object)
{
  RaRunResults *self = RA_RUN_RESULTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->run);
  g_clear_object (&self->result);

  G_OBJECT_CLASS (ra_run_results_parent_class)->dispose (object);
}

static void
ra_run_results_finalize (GObject *object)
{
  RaRunResults *self = RA_RUN_RESULTS (object);

  g_hash_table_unref (self->statuses);
  g_hash_table_unref (self->names);
  g_free (self->message);

  G_OBJECT_CLASS (ra_run_results_parent_class)->finalize (object);
}

static void
ra_run_results_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RaRunResults *self = RA_RUN_RESULTS (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_run_results_class_init (RaRunResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ra_run_results_dispose;
  object_class->finalize = ra_run_results_finalize;
  object_class->get_property = ra_run_results_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      RA_RUN_RESULTS_STATE_UNAVAILABLE, RA_RUN_RESULTS_STATE_ERROR,
                      RA_RUN_RESULTS_STATE_UNAVAILABLE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ra_run_results_init (RaRunResults *self)
{
  self->statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

RaRunResults *
ra_run_results_new (RaSession    *session,
                    RaHistoryRun *run)
{
  RaRunResults *self;

  g_return_val_if_fail (RA_IS_SESSION (session), NULL);
  g_return_val_if_fail (RA_IS_HISTORY_RUN (run), NULL);

  self = g_object_new (RA_TYPE_RUN_RESULTS, NULL);
  self->session = g_object_ref (session);
  self->run = g_object_ref (run);

  return self;
}
