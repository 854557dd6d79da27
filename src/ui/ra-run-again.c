/* ra-run-again.c
 *
 * Each step waits for what the one before started: the session's client
 * for the run's account, then its action list, then the action's details
 * on the page. Every wait ends in ::done or ::failed, or in nothing when
 * cancelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-run-again"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-account.h"
#include "ra-account-manager.h"
#include "ra-action-item.h"
#include "ra-action-page-private.h"
#include "ra-input-row.h"
#include "ra-run-again.h"
#include "ra-run-results.h"

struct _RaRunAgain
{
  GObject        parent_instance;

  RaSession     *session;
  RaActionList  *list;
  RaActionPage  *page;
  RaHistoryRun  *run;
  char         **devices;
  gboolean       failed_only;
  /* The search and filters were cleared to show the action. */
  gboolean       list_cleared;
  gboolean       finished;
};

G_DEFINE_FINAL_TYPE (RaRunAgain, ra_run_again, G_TYPE_OBJECT)

enum {
  SELECTED,
  DONE,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
stop_waiting (RaRunAgain *self)
{
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->list, self);
      g_signal_handlers_disconnect_by_data (ra_action_list_get_model (self->list), self);
    }
  if (self->page != NULL)
    g_signal_handlers_disconnect_by_data (self->page, self);
}

static void
fail (RaRunAgain *self,
      const char *message)
{
  g_autoptr(RaRunAgain) hold = g_object_ref (self);

  stop_waiting (self);
  self->finished = TRUE;
  g_signal_emit (self, signals[FAILED], 0, message);
}

static const char *
action_title (RaRunAgain *self)
{
  const char *name = ra_history_run_get_action_name (self->run);

  return name != NULL ? name : ra_history_run_get_action_id (self->run);
}

/* Filling in */

static void
fill_now (RaRunAgain *self)
{
  g_autoptr(RaRunAgain) hold = g_object_ref (self);
  RaRunForm *form = ra_action_page_get_form (self->page);
  RaRemoteAction *action = ra_run_form_get_action (form);
  GHashTable *parameters = ra_history_run_get_parameters (self->run);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GList) names = NULL;
  g_autofree char *devices = NULL;
  GListModel *inputs;

  stop_waiting (self);

  if (action == NULL || ra_action_page_get_api_notice_visible (self->page))
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the name of a remote action */
      text = g_strdup_printf (_("“%s” is no longer enabled for the API in Nexthink, so it "
                                "cannot be run from here"),
                              action_title (self));
      fail (self, text);
      return;
    }

  /* Running twice on a fleet is worse than not at all: a run that may
   * have started is checked first. */
  if (ra_history_run_get_outcome (self->run) == RA_EXECUTION_OUTCOME_UNKNOWN)
    g_ptr_array_add (notes, g_strdup (_("Whether the first run started is not known: check in "
                                        "Nexthink that it did not before you run it again.")));

  inputs = ra_remote_action_get_inputs (action);
  for (guint i = 0; i < g_list_model_get_n_items (inputs); i++)
    {
      g_autoptr(RaActionInput) input = g_list_model_get_item (inputs, i);
      const char *id = ra_action_input_get_id (input);
      RaInputRow *row = RA_INPUT_ROW (ra_run_form_get_input_row (form, id));
      const char *value = g_hash_table_lookup (parameters, id);
      g_autofree char *shown = NULL;

      if (row == NULL)
        continue;

      /* What was not sent was blank: values typed since go. */
      ra_input_row_set_value (row, value != NULL ? value : "");
      if (value == NULL)
        continue;

      g_hash_table_add (used, (gpointer) id);
      shown = ra_input_row_dup_value (row);
      /* Translators: an input of the action, then the value it had */
      if (g_strcmp0 (shown, value) != 0)
        g_ptr_array_add (notes, g_strdup_printf (_("“%s” no longer accepts “%s”: choose a value."),
                                                 ra_action_input_get_name (input), value));
    }

  names = g_list_sort (g_hash_table_get_keys (parameters), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *value = g_hash_table_lookup (parameters, l->data);

      /* Translators: an input the action had, then the value it had */
      if (!g_hash_table_contains (used, l->data))
        g_ptr_array_add (notes, g_strdup_printf (_("The action no longer has the input “%s”; "
                                                   "its value “%s” was left out."),
                                                 (char *) l->data, value));
    }

  devices = g_strjoinv ("\n", self->devices);
  ra_device_editor_set_text (ra_run_form_get_device_editor (form), devices);
  ra_run_form_set_options (form, ra_history_run_get_expires_in_minutes (self->run),
                           ra_history_run_get_reason (self->run),
                           ra_history_run_get_external_reference (self->run));

  self->finished = TRUE;
  g_ptr_array_add (notes, NULL);
  g_signal_emit (self, signals[DONE], 0, notes->pdata);
}

static void
page_state_cb (RaRunAgain *self)
{
  RaRemoteAction *shown = ra_action_page_get_action (self->page);

  /* Only the details of the run's action: another's may still be shown. */
  if (shown == NULL ||
      g_strcmp0 (ra_remote_action_get_id (shown), ra_history_run_get_action_id (self->run)) != 0)
    return;

  switch (ra_action_page_get_state (self->page))
    {
    case RA_ACTION_PAGE_STATE_ACTION:
      fill_now (self);
      break;
    case RA_ACTION_PAGE_STATE_ERROR:
      fail (self, ra_action_page_get_load_error (self->page));
      break;
    case RA_ACTION_PAGE_STATE_EMPTY:
    case RA_ACTION_PAGE_STATE_LOADING:
    default:
      break;
    }
}

void
ra_run_again_fill (RaRunAgain   *self,
                   RaActionPage *page)
{
  g_return_if_fail (RA_IS_RUN_AGAIN (self));
  g_return_if_fail (RA_IS_ACTION_PAGE (page));

  if (self->finished)
    return;

  g_set_object (&self->page, page);
  g_signal_connect_object (page, "notify::state", G_CALLBACK (page_state_cb), self,
                           G_CONNECT_SWAPPED);
  page_state_cb (self);
}

/* Selecting the action */

static gboolean
is_loaded (RaActionList *list,
           const char   *nql_id)
{
  GListModel *actions = ra_action_list_get_actions (list);
  guint n = actions != NULL ? g_list_model_get_n_items (actions) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaActionItem) item = g_list_model_get_item (actions, i);

      if (g_strcmp0 (ra_remote_action_get_id (ra_action_item_get_action (item)), nql_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
try_select (RaRunAgain *self)
{
  g_autoptr(RaRunAgain) hold = g_object_ref (self);
  const char *nql_id = ra_history_run_get_action_id (self->run);
  g_autofree char *text = NULL;

  if (self->finished)
    return;

  switch (ra_action_list_get_state (self->list))
    {
    case RA_ACTION_LIST_STATE_NO_CLIENT:
    case RA_ACTION_LIST_STATE_LOADING:
      return;
    case RA_ACTION_LIST_STATE_ERROR:
      /* Translators: %s says why the list of actions could not be loaded */
      text = g_strdup_printf (_("The remote actions could not be loaded: %s"),
                              ra_action_list_get_error_message (self->list));
      fail (self, text);
      return;
    case RA_ACTION_LIST_STATE_LOADED:
    case RA_ACTION_LIST_STATE_EMPTY:
    case RA_ACTION_LIST_STATE_NO_MATCH:
    default:
      break;
    }

  if (ra_action_list_select_action_id (self->list, nql_id))
    {
      stop_waiting (self);
      g_signal_emit (self, signals[SELECTED], 0);
      return;
    }

  if (!is_loaded (self->list, nql_id))
    {
      /* Translators: the name of a remote action, then its NQL ID */
      text = g_strdup_printf (_("“%s” (%s) is no longer among the remote actions of this "
                                "instance: it was removed in Nexthink, or its NQL ID changed."),
                              action_title (self), nql_id);
      fail (self, text);
      return;
    }

  /* Loaded, but hidden by the search or the filters: they give way, and
   * the list is asked again when it has changed. */
  if (!self->list_cleared)
    {
      self->list_cleared = TRUE;
      g_signal_connect_object (ra_action_list_get_model (self->list), "items-changed",
                               G_CALLBACK (try_select), self, G_CONNECT_SWAPPED);
      ra_action_list_set_search_text (self->list, "");
      ra_action_list_reset_filters (self->list);
    }
}

static void
wait_for_list (RaRunAgain *self)
{
  g_signal_connect_object (self->list, "notify::state", G_CALLBACK (try_select), self,
                           G_CONNECT_SWAPPED);
  try_select (self);
}

/* The account */

static void
session_client_cb (RaRunAgain *self)
{
  if (ra_session_get_client (self->session) == NULL ||
      !ra_run_results_session_has_run_account (self->session, self->run))
    return;

  g_signal_handlers_disconnect_by_data (self->session, self);
  wait_for_list (self);
}

static void
session_failed_cb (RaRunAgain   *self,
                   RaAccount    *account,
                   const GError *error)
{
  fail (self, error->message);
}

gboolean
ra_run_again_start (RaRunAgain  *self,
                    GError     **error)
{
  const char *account_id;
  RaAccount *account = NULL;

  g_return_val_if_fail (RA_IS_RUN_AGAIN (self), FALSE);

  if (ra_session_get_client (self->session) != NULL &&
      ra_run_results_session_has_run_account (self->session, self->run))
    {
      wait_for_list (self);
      return TRUE;
    }

  account_id = ra_history_run_get_account_id (self->run);
  if (account_id != NULL)
    {
      account = ra_account_manager_lookup (ra_session_get_account_manager (self->session), account_id);
      if (account == NULL)
        {
          const char *name = ra_history_run_get_account_name (self->run);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       /* Translators: %s is the name of an account that was removed */
                       _("This run was made with the account “%s”, which no longer exists. "
                         "Add the account again to run it there."),
                       name != NULL ? name : ra_history_run_get_instance (self->run));
          return FALSE;
        }
    }

  g_signal_connect_object (self->session, "notify::client", G_CALLBACK (session_client_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "failed", G_CALLBACK (session_failed_cb), self,
                           G_CONNECT_SWAPPED);

  if (account != NULL)
    ra_session_connect_account (self->session, account);
  else
    ra_session_connect_demo (self->session);

  return TRUE;
}

void
ra_run_again_cancel (RaRunAgain *self)
{
  g_return_if_fail (RA_IS_RUN_AGAIN (self));

  stop_waiting (self);
  self->finished = TRUE;
}

RaHistoryRun *
ra_run_again_get_run (RaRunAgain *self)
{
  g_return_val_if_fail (RA_IS_RUN_AGAIN (self), NULL);

  return self->run;
}

gboolean
ra_run_again_get_failed_only (RaRunAgain *self)
{
  g_return_val_if_fail (RA_IS_RUN_AGAIN (self), FALSE);

  return self->failed_only;
}

guint
ra_run_again_get_n_devices (RaRunAgain *self)
{
  g_return_val_if_fail (RA_IS_RUN_AGAIN (self), 0);

  return g_strv_length (self->devices);
}

static void
ra_run_again_dispose (GObject *object)
{
  RaRunAgain *self = RA_RUN_AGAIN (object);

  stop_waiting (self);
  g_clear_object (&self->session);
  g_clear_object (&self->list);
  g_clear_object (&self->page);
  g_clear_object (&self->run);
  g_clear_pointer (&self->devices, g_strfreev);

  G_OBJECT_CLASS (ra_run_again_parent_class)->dispose (object);
}

static void
ra_run_again_class_init (RaRunAgainClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ra_run_again_dispose;

  signals[SELECTED] =
    g_signal_new ("selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ra_run_again_init (RaRunAgain *self)
{
}

RaRunAgain *
ra_run_again_new (RaSession          *session,
                  RaActionList       *list,
                  RaHistoryRun       *run,
                  const char * const *devices,
                  gboolean            failed_only)
{
  RaRunAgain *self;

  g_return_val_if_fail (RA_IS_SESSION (session), NULL);
  g_return_val_if_fail (RA_IS_ACTION_LIST (list), NULL);
  g_return_val_if_fail (RA_IS_HISTORY_RUN (run), NULL);

  self = g_object_new (RA_TYPE_RUN_AGAIN, NULL);
  self->session = g_object_ref (session);
  self->list = g_object_ref (list);
  self->run = g_object_ref (run);
  self->devices = g_strdupv ((char **) devices);
  if (self->devices == NULL)
    self->devices = g_new0 (char *, 1);
  self->failed_only = failed_only;

  return self;
}
