/* ra-run-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-run-form"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-action-input.h"
#include "ra-clock.h"
#include "ra-confirm-dialog.h"
#include "ra-device-editor.h"
#include "ra-error.h"
#include "ra-execution-request.h"
#include "ra-execution-result.h"
#include "ra-format.h"
#include "ra-input-row.h"
#include "ra-input-row-factory.h"
#include "ra-plain-text.h"
#include "ra-run-form-private.h"
#include "ra-run-dispatch.h"
#include "ra-run-options.h"
#include "ra-run-outcome.h"
#include "ra-session.h"
#include "ra-session-run.h"
#include "ra-settings.h"
#include "ra-simulator.h"

struct _RaRunForm
{
  AdwBin           parent_instance;

  GtkWidget       *inputs_group;
  GtkWidget       *device_editor;
  GtkWidget       *run_options;
  GtkWidget       *outcome;

  RaClient        *client;
  RaRemoteAction  *action;
  GListStore      *history;
  RaSession       *session;   /* for the run history and the account */
  GSettings       *settings;
  /* When runs start, to tell how long ago one was. */
  RaClock         *clock;

  /* RaInputRow widgets, in the action's order. */
  GPtrArray       *input_rows;
  /* NQL ID → (input ID → value): what was typed, for this session. */
  GHashTable      *remembered;

  char            *blocker;
  char            *run_label;

  RaConfirmDialog *confirm_dialog;
  /* Set from the moment the user confirms until the server answers, so
   * nothing can send a second request for the same click. */
  gboolean         running;
  /* The window went away; a run in flight still ends and is recorded. */
  gboolean         disposed;
};

G_DEFINE_FINAL_TYPE (RaRunForm, ra_run_form, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BLOCKER,
  PROP_RUN_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
get_external_source (RaRunForm *self)
{
  g_autofree char *source = g_settings_get_string (self->settings, RA_SETTINGS_EXTERNAL_SOURCE);

  /* A source cleared by hand is the schema's default. */
  g_strstrip (source);
  if (source[0] == '\0')
    {
      g_autoptr(GVariant) fallback = g_settings_get_default_value (self->settings,
                                                                   RA_SETTINGS_EXTERNAL_SOURCE);

      return g_variant_dup_string (fallback, NULL);
    }

  return g_steal_pointer (&source);
}

static void
add_toast (RaRunForm  *self,
           const char *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), ra_plain_toast_new (title));
}

static char *
compute_blocker (RaRunForm *self)
{
  const char *device_problem;

  if (self->action == NULL)
    return g_strdup (_("Choose an action"));

  /* When the server does not say, it may be tried: the server decides. */
  if (ra_remote_action_get_api_enabled (self->action) == RA_TRISTATE_NO)
    return g_strdup (_("This action is not enabled for the API"));

  if (self->client == NULL)
    return g_strdup (_("Connect to a Nexthink instance to run actions"));

  if (self->running)
    return g_strdup (_("Starting the action…"));

  for (guint i = 0; i < self->input_rows->len; i++)
    {
      RaInputRow *row = g_ptr_array_index (self->input_rows, i);
      const char *name = ra_action_input_get_name (ra_input_row_get_input (row));

      if (ra_input_row_validate (row, NULL))
        continue;

      /* Translators: %s is the name of an input of the action */
      if (ra_input_row_is_blank (row))
        return g_strdup_printf (_("Choose a value for “%s”"), name);
      else
        return g_strdup_printf (_("Fix the input “%s”"), name);
    }

  if (ra_device_editor_get_busy (RA_DEVICE_EDITOR (self->device_editor)))
    return g_strdup (_("Importing devices…"));

  device_problem = ra_device_editor_get_problem (RA_DEVICE_EDITOR (self->device_editor));
  if (device_problem != NULL)
    return g_strdup (device_problem);

  return ra_run_options_dup_problem (RA_RUN_OPTIONS (self->run_options));
}

static void
update_run_state (RaRunForm *self)
{
  g_autofree char *blocker = NULL;
  g_autofree char *label = NULL;
  guint n_devices;

  blocker = compute_blocker (self);
  n_devices = ra_device_editor_get_n_devices (RA_DEVICE_EDITOR (self->device_editor));

  if (self->running)
    label = g_strdup (_("Starting…"));
  else if (n_devices > 0 && n_devices <= RA_EXECUTION_MAX_DEVICES)
    label = g_strdup_printf (ngettext ("_Run on %'u Device", "_Run on %'u Devices", n_devices),
                             n_devices);
  else
    label = g_strdup (_("_Run"));

  if (g_strcmp0 (blocker, self->blocker) != 0)
    {
      g_free (self->blocker);
      self->blocker = g_steal_pointer (&blocker);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCKER]);
    }

  if (g_strcmp0 (label, self->run_label) != 0)
    {
      g_free (self->run_label);
      self->run_label = g_steal_pointer (&label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN_LABEL]);
    }
}

static void
remember_values (RaRunForm *self)
{
  GHashTable *values;

  if (self->action == NULL)
    return;

  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < self->input_rows->len; i++)
    {
      RaInputRow *row = g_ptr_array_index (self->input_rows, i);

      g_hash_table_insert (values,
                           g_strdup (ra_action_input_get_id (ra_input_row_get_input (row))),
                           ra_input_row_dup_value (row));
    }

  g_hash_table_replace (self->remembered,
                        g_strdup (ra_remote_action_get_id (self->action)),
                        values);
}

static void
input_changed_cb (RaRunForm *self)
{
  remember_values (self);
  update_run_state (self);
}

static void
rebuild_inputs (RaRunForm *self)
{
  GHashTable *values = NULL;
  GListModel *inputs;
  guint n;

  for (guint i = 0; i < self->input_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->input_rows, i);

      g_signal_handlers_disconnect_by_data (row, self);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->inputs_group), row);
    }
  g_ptr_array_set_size (self->input_rows, 0);

  if (self->action == NULL)
    {
      gtk_widget_set_visible (self->inputs_group, FALSE);
      return;
    }

  inputs = ra_remote_action_get_inputs (self->action);
  n = g_list_model_get_n_items (inputs);
  values = g_hash_table_lookup (self->remembered, ra_remote_action_get_id (self->action));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaActionInput) input = g_list_model_get_item (inputs, i);
      GtkWidget *row = ra_input_row_factory_create (input, self->action);

      if (values != NULL)
        {
          const char *value = g_hash_table_lookup (values, ra_action_input_get_id (input));

          if (value != NULL && value[0] != '\0')
            ra_input_row_set_value (RA_INPUT_ROW (row), value);
        }

      g_signal_connect_swapped (row, "changed", G_CALLBACK (input_changed_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->inputs_group), row);
      g_ptr_array_add (self->input_rows, row);
    }

  gtk_widget_set_visible (self->inputs_group, n > 0);
}

static RaExecutionRequest *
build_request (RaRunForm *self)
{
  g_autoptr(RaExecutionRequest) request = NULL;
  RaRunOptions *options = RA_RUN_OPTIONS (self->run_options);
  g_autofree char *source = NULL;
  g_auto(GStrv) devices = NULL;

  request = ra_execution_request_new (ra_remote_action_get_id (self->action));

  for (guint i = 0; i < self->input_rows->len; i++)
    {
      RaInputRow *row = g_ptr_array_index (self->input_rows, i);
      g_autofree char *value = NULL;

      if (ra_input_row_is_blank (row))
        continue;

      value = ra_input_row_dup_value (row);
      ra_execution_request_set_param (request,
                                      ra_action_input_get_id (ra_input_row_get_input (row)),
                                      value);
    }

  devices = ra_device_editor_dup_devices (RA_DEVICE_EDITOR (self->device_editor), NULL);
  ra_execution_request_set_devices (request, (const char * const *) devices);
  ra_execution_request_set_expires_in_minutes (request,
                                               ra_run_options_get_expires_in_minutes (options));

  source = get_external_source (self);
  ra_execution_request_set_external_source (request, source);
  ra_execution_request_set_reason (request, ra_run_options_get_reason (options));
  ra_execution_request_set_external_reference (request, ra_run_options_get_reference (options));

  return g_steal_pointer (&request);
}

static void
run_notice_cb (RaRunForm     *self,
               const char    *text,
               RaRunDispatch *dispatch)
{
  if (!self->disposed)
    add_toast (self, text);
}

static gboolean
run_finished_cb (RaRunForm          *self,
                 RaExecutionOutcome  outcome,
                 RaExecutionResult  *execution,
                 const GError       *error,
                 RaRunDispatch      *dispatch)
{
  g_autofree char *toast = NULL;
  gboolean current;

  /* The window is gone: the run tells the desktop instead. */
  if (self->disposed)
    return FALSE;

  self->running = FALSE;

  current = self->action != NULL &&
            g_strcmp0 (ra_remote_action_get_id (self->action),
                       ra_run_dispatch_get_action_id (dispatch)) == 0;

  if (current && execution != NULL)
    ra_run_outcome_show_result (RA_RUN_OUTCOME (self->outcome),
                                ra_execution_result_get_request_id (execution),
                                ra_run_dispatch_get_n_devices (dispatch),
                                ra_execution_result_get_expires_in_minutes (execution),
                                ra_run_dispatch_get_asked_minutes (dispatch));
  else if (current)
    ra_run_outcome_show_failure (RA_RUN_OUTCOME (self->outcome), outcome, error);

  toast = ra_run_outcome_describe (outcome, ra_run_dispatch_get_action_name (dispatch),
                                   ra_run_dispatch_get_n_devices (dispatch));
  add_toast (self, toast);

  update_run_state (self);

  return TRUE;
}

static void
start_run (RaRunForm          *self,
           RaRemoteAction     *action,
           RaExecutionRequest *request)
{
  g_autoptr(RaRunDispatch) dispatch = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_auto(GStrv) devices = NULL;

  g_assert (!self->running);
  g_assert (self->client != NULL);

  self->running = TRUE;
  ra_run_outcome_clear (RA_RUN_OUTCOME (self->outcome));
  update_run_state (self);

  dispatch = ra_run_dispatch_new (self->client, self->session, request,
                                  ra_remote_action_get_name (action), self->history, self->clock);
  g_signal_connect_object (dispatch, "notice", G_CALLBACK (run_notice_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dispatch, "finished", G_CALLBACK (run_finished_cb), self,
                           G_CONNECT_SWAPPED);
  /* The devices typed by name keep their names in the history. */
  devices = ra_device_editor_dup_devices (RA_DEVICE_EDITOR (self->device_editor), &names);
  ra_run_dispatch_set_device_names (dispatch, names);
  ra_run_dispatch_start (dispatch);
}

static void
confirm_response_cb (RaRunForm       *self,
                     const char      *response,
                     RaConfirmDialog *dialog)
{
  g_autoptr(RaExecutionRequest) request = NULL;
  g_autoptr(RaRemoteAction) action = NULL;
  g_autoptr(RaClient) client = NULL;

  /* What was confirmed is what goes out, whatever the page shows now. */
  request = g_object_steal_data (G_OBJECT (dialog), "ra-request");
  action = g_object_steal_data (G_OBJECT (dialog), "ra-action");
  client = g_object_steal_data (G_OBJECT (dialog), "ra-client");

  if (self->confirm_dialog == dialog)
    g_clear_weak_pointer (&self->confirm_dialog);

  if (g_strcmp0 (response, RA_CONFIRM_RESPONSE_RUN) != 0 || request == NULL ||
      self->running)
    return;

  /* The devices and the action belong to one instance; never send them to
   * another one the user switched to meanwhile. */
  if (client == NULL || client != self->client)
    {
      add_toast (self, _("The connection changed: nothing was sent"));
      return;
    }

  start_run (self, action, request);
}

void
ra_run_form_activate_run (RaRunForm *self)
{
  g_autoptr(RaExecutionRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_auto(GStrv) devices = NULL;
  RaConfirmDialog *dialog;
  RaSessionRun *repeated = NULL;
  GtkRoot *root;
  guint threshold;

  g_return_if_fail (RA_IS_RUN_FORM (self));

  /* A second Ctrl+Return while the question is open, or while the
   * request is on its way, does nothing. */
  if (self->running || self->confirm_dialog != NULL)
    return;

  ra_device_editor_flush (RA_DEVICE_EDITOR (self->device_editor));
  update_run_state (self);

  if (self->blocker != NULL)
    {
      add_toast (self, self->blocker);
      return;
    }

  request = build_request (self);
  if (!ra_execution_request_validate (request, &error))
    {
      ra_run_outcome_show_failure (RA_RUN_OUTCOME (self->outcome),
                                   RA_EXECUTION_OUTCOME_NOT_SENT, error);
      return;
    }

  threshold = g_settings_get_uint (self->settings, RA_SETTINGS_CONFIRMATION_THRESHOLD);
  root = gtk_widget_get_root (GTK_WIDGET (self));

  dialog = ra_confirm_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->action, request, self->session, threshold);
  /* The devices typed by name are said by name. */
  devices = ra_device_editor_dup_devices (RA_DEVICE_EDITOR (self->device_editor), &names);
  ra_confirm_dialog_set_device_names (dialog, names);

  target = ra_session_run_dup_target (self->client);
  if (self->history != NULL)
    repeated = ra_session_run_find_repeated (G_LIST_MODEL (self->history), request, target);
  now = ra_clock_dup_now_local (self->clock);
  ra_confirm_dialog_set_repeated_run (dialog, repeated, now);

  /* The dialog may go away without answering, with its parent window. */
  g_set_weak_pointer (&self->confirm_dialog, dialog);
  g_object_set_data_full (G_OBJECT (dialog), "ra-request",
                          g_steal_pointer (&request), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "ra-action",
                          g_object_ref (self->action), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "ra-client",
                          g_object_ref (self->client), g_object_unref);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (confirm_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ra_run_form_dispose (GObject *object)
{
  RaRunForm *self = RA_RUN_FORM (object);

  self->disposed = TRUE;

  if (self->confirm_dialog != NULL)
    {
      RaConfirmDialog *dialog = self->confirm_dialog;

      g_clear_weak_pointer (&self->confirm_dialog);
      g_signal_handlers_disconnect_by_data (dialog, self);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  g_clear_pointer (&self->input_rows, g_ptr_array_unref);

  g_clear_object (&self->client);
  g_clear_object (&self->clock);
  g_clear_object (&self->action);
  g_clear_object (&self->history);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ra_run_form_parent_class)->dispose (object);
}

static void
ra_run_form_finalize (GObject *object)
{
  RaRunForm *self = RA_RUN_FORM (object);

  g_clear_pointer (&self->remembered, g_hash_table_unref);
  g_free (self->blocker);
  g_free (self->run_label);

  G_OBJECT_CLASS (ra_run_form_parent_class)->finalize (object);
}

static void
ra_run_form_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RaRunForm *self = RA_RUN_FORM (object);

  switch (prop_id)
    {
    case PROP_BLOCKER:
      g_value_set_string (value, self->blocker);
      break;
    case PROP_RUN_LABEL:
      g_value_set_string (value, self->run_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_run_form_class_init (RaRunFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ra_run_form_dispose;
  object_class->finalize = ra_run_form_finalize;
  object_class->get_property = ra_run_form_get_property;

  /* Why the action cannot run now, or NULL. */
  properties[PROP_BLOCKER] =
    g_param_spec_string ("blocker", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the run button says: "_Run on 3 Devices", with a mnemonic. */
  properties[PROP_RUN_LABEL] =
    g_param_spec_string ("run-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RA_TYPE_DEVICE_EDITOR);
  g_type_ensure (RA_TYPE_RUN_OPTIONS);
  g_type_ensure (RA_TYPE_RUN_OUTCOME);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-run-form.ui");
  gtk_widget_class_bind_template_child (widget_class, RaRunForm, inputs_group);
  gtk_widget_class_bind_template_child (widget_class, RaRunForm, device_editor);
  gtk_widget_class_bind_template_child (widget_class, RaRunForm, run_options);
  gtk_widget_class_bind_template_child (widget_class, RaRunForm, outcome);

}

static void
ra_run_form_init (RaRunForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->input_rows = g_ptr_array_new ();
  self->remembered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_hash_table_unref);
  self->settings = g_settings_new (APP_ID);
  self->clock = ra_clock_new_system ();

  g_signal_connect_swapped (self->run_options, "changed",
                            G_CALLBACK (update_run_state), self);
  g_signal_connect_swapped (self->device_editor, "notify::device-ids",
                            G_CALLBACK (update_run_state), self);
  g_signal_connect_swapped (self->device_editor, "notify::busy",
                            G_CALLBACK (update_run_state), self);

  rebuild_inputs (self);
  update_run_state (self);
}

GtkWidget *
ra_run_form_new (void)
{
  return g_object_new (RA_TYPE_RUN_FORM, NULL);
}

/* Device names are taken when the session's instance has a lookup
 * query; the demo instance offers some of its own. */
static void
update_lookup (RaRunForm *self)
{
  RaDeviceEditor *editor = RA_DEVICE_EDITOR (self->device_editor);
  const char *query_id = NULL;
  g_auto(GStrv) demo_names = NULL;

  if (self->session != NULL && self->client != NULL)
    query_id = ra_session_get_lookup_query_id (self->session);
  if (self->session != NULL && ra_session_get_demo (self->session))
    demo_names = ra_simulator_dup_example_device_names ();

  ra_device_editor_set_demo_names (editor, (const char * const *) demo_names);
  ra_device_editor_set_lookup (editor, query_id != NULL ? self->client : NULL, query_id);
}

void
ra_run_form_set_client (RaRunForm *self,
                        RaClient  *client)
{
  g_return_if_fail (RA_IS_RUN_FORM (self));
  g_return_if_fail (client == NULL || RA_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  update_lookup (self);
  update_run_state (self);
}

void
ra_run_form_set_action (RaRunForm      *self,
                        RaRemoteAction *action)
{
  g_return_if_fail (RA_IS_RUN_FORM (self));
  g_return_if_fail (action == NULL || RA_IS_REMOTE_ACTION (action));

  if (self->action == action)
    return;

  g_set_object (&self->action, action);

  ra_device_editor_set_context (RA_DEVICE_EDITOR (self->device_editor),
                                action != NULL ? ra_remote_action_get_id (action) : NULL,
                                action != NULL ? ra_remote_action_get_name (action) : NULL);
  ra_run_outcome_clear (RA_RUN_OUTCOME (self->outcome));
  rebuild_inputs (self);
  update_run_state (self);
}

RaRemoteAction *
ra_run_form_get_action (RaRunForm *self)
{
  g_return_val_if_fail (RA_IS_RUN_FORM (self), NULL);

  return self->action;
}

void
ra_run_form_set_session (RaRunForm *self,
                         RaSession *session)
{
  g_return_if_fail (RA_IS_RUN_FORM (self));
  g_return_if_fail (session == NULL || RA_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, update_lookup, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "notify::lookup-query-id", G_CALLBACK (update_lookup),
                             self, G_CONNECT_SWAPPED);
  update_lookup (self);
}

void
ra_run_form_set_history (RaRunForm  *self,
                         GListStore *history)
{
  g_return_if_fail (RA_IS_RUN_FORM (self));
  g_return_if_fail (history == NULL || G_IS_LIST_STORE (history));

  g_set_object (&self->history, history);
}

const char *
ra_run_form_get_run_label (RaRunForm *self)
{
  g_return_val_if_fail (RA_IS_RUN_FORM (self), NULL);

  return self->run_label;
}

const char *
ra_run_form_get_blocker (RaRunForm *self)
{
  g_return_val_if_fail (RA_IS_RUN_FORM (self), NULL);

  return self->blocker;
}

/* Private, for the page and tests. */

RaDeviceEditor *
ra_run_form_get_device_editor (RaRunForm *self)
{
  return RA_DEVICE_EDITOR (self->device_editor);
}

GtkWidget *
ra_run_form_get_input_row (RaRunForm  *self,
                           const char *input_id)
{
  for (guint i = 0; i < self->input_rows->len; i++)
    {
      RaInputRow *row = g_ptr_array_index (self->input_rows, i);

      if (g_strcmp0 (ra_action_input_get_id (ra_input_row_get_input (row)), input_id) == 0)
        return GTK_WIDGET (row);
    }

  return NULL;
}

RaConfirmDialog *
ra_run_form_get_confirm_dialog (RaRunForm *self)
{
  return self->confirm_dialog;
}

gboolean
ra_run_form_get_running (RaRunForm *self)
{
  return self->running;
}

RaRunOutcome *
ra_run_form_get_outcome (RaRunForm *self)
{
  return RA_RUN_OUTCOME (self->outcome);
}

const char *
ra_run_form_get_error_message (RaRunForm *self)
{
  return ra_run_outcome_get_error_message (RA_RUN_OUTCOME (self->outcome));
}

const char *
ra_run_form_get_request_id (RaRunForm *self)
{
  return ra_run_outcome_get_request_id (RA_RUN_OUTCOME (self->outcome));
}

void
ra_run_form_set_options (RaRunForm  *self,
                         guint       expires_in_minutes,
                         const char *reason,
                         const char *reference)
{
  ra_run_options_set (RA_RUN_OPTIONS (self->run_options), expires_in_minutes, reason, reference);
}

GtkEditable *
ra_run_form_get_reason_editable (RaRunForm *self)
{
  return ra_run_options_get_reason_editable (RA_RUN_OPTIONS (self->run_options));
}

void
ra_run_form_set_clock (RaRunForm *self,
                       RaClock   *clock)
{
  g_set_object (&self->clock, clock);
}
