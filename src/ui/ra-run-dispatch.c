/* ra-run-dispatch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-run-form"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-account.h"
#include "ra-enum-types.h"
#include "ra-history.h"
#include "ra-run-dispatch.h"
#include "ra-run-outcome.h"
#include "ra-session-run.h"

struct _RaRunDispatch
{
  GObject             parent_instance;

  RaClient           *client;
  RaSession          *session;
  RaExecutionRequest *request;
  GListStore         *runs;
  RaClock            *clock;
  GApplication       *application;   /* held until the answer */
  char               *target;
  char               *action_name;
  GHashTable         *device_names;

  /* The run history's record, written before the request is sent. */
  RaHistory          *history;
  RaHistoryRun       *record;
};

G_DEFINE_FINAL_TYPE (RaRunDispatch, ra_run_dispatch, G_TYPE_OBJECT)

enum {
  NOTICE,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* With no window left to show it, the outcome goes to the desktop. */
static void
notify_outcome (RaRunDispatch      *self,
                RaExecutionOutcome  outcome,
                const char         *request_id,
                const GError       *error)
{
  g_autoptr(GNotification) notification = NULL;

  if (self->application == NULL || !g_application_get_is_registered (self->application))
    return;

  notification = ra_run_outcome_new_notification (outcome, self->action_name,
                                                  ra_run_dispatch_get_n_devices (self),
                                                  request_id, error);
  g_application_send_notification (self->application, NULL, notification);
}

static void
record_updated_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The record stays at "outcome unknown", which is still true enough to
   * check before running again. */
  if (!ra_history_update_finish (RA_HISTORY (object), result, &error))
    g_message ("The run's outcome could not be recorded: %s", error->message);
}

static void
execute_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RaRunDispatch) self = user_data;
  g_autoptr(RaExecutionResult) execution = NULL;
  g_autoptr(RaSessionRun) run = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  RaExecutionOutcome outcome;
  const char *request_id = NULL;
  gboolean shown = FALSE;

  execution = ra_client_execute_finish (RA_CLIENT (object), result, &error);
  outcome = ra_client_execute_get_outcome (RA_CLIENT (object), result);
  now = ra_clock_dup_now_local (self->clock);

  if (execution != NULL)
    {
      request_id = ra_execution_result_get_request_id (execution);
      run = ra_session_run_new (self->request, self->action_name, self->target, request_id,
                                ra_execution_result_get_expires_in_minutes (execution), now);
    }
  else
    {
      g_debug ("Running %s failed: %s", ra_run_dispatch_get_action_id (self), error->message);
      /* A run that may have started is one to remember and check. */
      if (outcome == RA_EXECUTION_OUTCOME_UNKNOWN)
        run = ra_session_run_new_unknown (self->request, self->action_name, self->target, now);
    }

  if (run != NULL && self->runs != NULL)
    g_list_store_insert (self->runs, 0, run);

  /* The record said "outcome unknown" while the request was out. */
  if (self->record != NULL && ra_history_run_get_id (self->record) > 0)
    {
      ra_history_run_set_outcome (self->record, outcome, request_id);
      ra_history_update_async (self->history, self->record, NULL, record_updated_cb, NULL);
    }

  g_signal_emit (self, signals[FINISHED], 0, outcome, execution, error, &shown);
  if (!shown)
    notify_outcome (self, outcome, request_id, error);

  if (self->application != NULL)
    g_application_release (self->application);
  g_clear_object (&self->application);
}

static void
send (RaRunDispatch *self)
{
  /* Nothing cancels it: once sent, an answer is the only way to know.
   * The request holds a reference until its answer. */
  ra_client_execute_async (self->client, self->request, NULL, execute_cb, self);
}

static void
recorded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RaRunDispatch *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = NULL;

  /* The user confirmed the run: a history that cannot be written does
   * not stop it, but the user hears of it. */
  if (!ra_history_add_finish (RA_HISTORY (object), result, &error))
    {
      g_autofree char *text = NULL;

      g_message ("The run could not be recorded: %s", error->message);
      g_clear_object (&self->record);
      /* Translators: %s says why, e.g. the disk is full */
      text = g_strdup_printf (_("This run is not in the history: %s"), error->message);
      g_signal_emit (self, signals[NOTICE], 0, text);
    }

  moved = ra_history_take_moved_aside_notice (RA_HISTORY (object));
  if (moved != NULL)
    g_signal_emit (self, signals[NOTICE], 0,
                   _("The run history was damaged and has started anew; the old file was kept"));

  send (self);
}

void
ra_run_dispatch_start (RaRunDispatch *self)
{
  RaAccount *account;
  const char *action_id;

  g_return_if_fail (RA_IS_RUN_DISPATCH (self));
  g_return_if_fail (self->history == NULL);

  /* Closing the window or quitting must not drop it: the application
   * stays until the answer arrives (or the client's deadline passes). */
  self->application = g_application_get_default ();
  if (self->application != NULL)
    {
      g_object_ref (self->application);
      g_application_hold (self->application);
    }

  /* Alive until the answer. */
  g_object_ref (self);

  if (self->session == NULL)
    {
      send (self);
      return;
    }

  /* Written before it is sent, as "outcome unknown": whatever happens
   * next, the history has it. */
  action_id = ra_run_dispatch_get_action_id (self);
  self->history = g_object_ref (ra_session_get_history (self->session));
  self->record = ra_history_run_new_for_request (self->request,
                                                 ra_clock_get_wall_usec (self->clock) / G_USEC_PER_SEC);
  ra_history_run_set_action (self->record, action_id, self->action_name);
  ra_history_run_set_device_names (self->record, self->device_names);
  account = ra_session_get_account (self->session);
  if (account != NULL)
    ra_history_run_set_account (self->record,
                                ra_account_get_id (account),
                                ra_account_get_display_name (account),
                                ra_account_get_instance (account),
                                ra_account_get_region (account));
  else
    ra_history_run_set_account (self->record, NULL, ra_session_get_title (self->session),
                                NULL, NULL);

  ra_history_add_async (self->history, self->record, NULL, recorded_cb, self);
}

static void
ra_run_dispatch_finalize (GObject *object)
{
  RaRunDispatch *self = RA_RUN_DISPATCH (object);

  g_clear_object (&self->client);
  g_clear_object (&self->session);
  g_clear_object (&self->request);
  g_clear_object (&self->runs);
  g_clear_object (&self->clock);
  if (self->application != NULL)
    g_application_release (self->application);
  g_clear_object (&self->application);
  g_free (self->target);
  g_clear_pointer (&self->device_names, g_hash_table_unref);
  g_free (self->action_name);
  g_clear_object (&self->history);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (ra_run_dispatch_parent_class)->finalize (object);
}

static void
ra_run_dispatch_class_init (RaRunDispatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ra_run_dispatch_finalize;

  signals[NOTICE] =
    g_signal_new ("notice",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 3,
                  RA_TYPE_EXECUTION_OUTCOME, RA_TYPE_EXECUTION_RESULT, G_TYPE_ERROR);
}

static void
ra_run_dispatch_init (RaRunDispatch *self)
{
}

RaRunDispatch *
ra_run_dispatch_new (RaClient           *client,
                     RaSession          *session,
                     RaExecutionRequest *request,
                     const char         *action_name,
                     GListStore         *runs,
                     RaClock            *clock)
{
  RaRunDispatch *self;

  g_return_val_if_fail (RA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (session == NULL || RA_IS_SESSION (session), NULL);
  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (request), NULL);
  g_return_val_if_fail (runs == NULL || G_IS_LIST_STORE (runs), NULL);
  g_return_val_if_fail (RA_IS_CLOCK (clock), NULL);

  self = g_object_new (RA_TYPE_RUN_DISPATCH, NULL);
  self->client = g_object_ref (client);
  self->session = session != NULL ? g_object_ref (session) : NULL;
  self->request = g_object_ref (request);
  self->runs = runs != NULL ? g_object_ref (runs) : NULL;
  self->clock = g_object_ref (clock);
  self->target = ra_session_run_dup_target (client);
  self->action_name = g_strdup (action_name);

  return self;
}

const char *
ra_run_dispatch_get_action_id (RaRunDispatch *self)
{
  g_return_val_if_fail (RA_IS_RUN_DISPATCH (self), NULL);

  return ra_execution_request_get_remote_action_id (self->request);
}

const char *
ra_run_dispatch_get_action_name (RaRunDispatch *self)
{
  g_return_val_if_fail (RA_IS_RUN_DISPATCH (self), NULL);

  return self->action_name;
}

guint
ra_run_dispatch_get_n_devices (RaRunDispatch *self)
{
  g_return_val_if_fail (RA_IS_RUN_DISPATCH (self), 0);

  return ra_execution_request_get_n_devices (self->request);
}

guint
ra_run_dispatch_get_asked_minutes (RaRunDispatch *self)
{
  g_return_val_if_fail (RA_IS_RUN_DISPATCH (self), 0);

  return ra_execution_request_get_expires_in_minutes (self->request);
}

/* Collector ID → name, for the devices the user gave by name: the
 * history keeps the names, to find the run by them. Before start. */
void
ra_run_dispatch_set_device_names (RaRunDispatch *self,
                                  GHashTable    *names)
{
  g_return_if_fail (RA_IS_RUN_DISPATCH (self));

  g_clear_pointer (&self->device_names, g_hash_table_unref);
  if (names != NULL)
    self->device_names = g_hash_table_ref (names);
}
