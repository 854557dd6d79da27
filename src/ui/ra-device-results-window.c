/* ra-device-results-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-results-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-accessible.h"
#include "ra-device-result-item.h"
#include "ra-device-result-row.h"
#include "ra-device-results-filter-bar.h"
#include "ra-device-results-model.h"
#include "ra-device-results-window-private.h"
#include "ra-error.h"
#include "ra-format.h"
#include "ra-history.h"
#include "ra-nql-fetch.h"
#include "ra-plain-text.h"
#include "ra-remote-action.h"
#include "ra-session.h"

struct _RaDeviceResultsWindow
{
  AdwWindow     parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget    *refresh_spinner;
  GtkWidget    *stack;
  GtkWidget    *unconfigured_page;
  GtkWidget    *loading_page;
  GtkWidget    *loading_spinner;
  GtkWidget    *error_page;
  GtkWidget    *error_preferences_button;
  GtkWidget    *empty_page;
  GtkWidget    *demo_devices_button;
  GtkWidget    *summary_label;
  GtkWidget    *updated_label;
  GtkWidget    *incomplete_label;
  GtkWidget    *filter_bar;
  GtkWidget    *filtered_empty_label;
  GtkWidget    *device_list;
  RaDeviceResultsModel *model;
  /* An answer is in, and its items are being made. */
  gboolean      showing;
  RaRefreshSchedule *schedule;
  GSource      *tick;
  GDateTime    *updated;

  RaClient     *client;
  RaSession    *session;
  gboolean      is_demo;
  char         *request_id;
  guint         n_devices;
  char         *query_id;
  GCancellable *cancellable;
  RaNqlFetch   *fetch;
  GCancellable *outputs_cancellable;
  RaNqlResult  *result;
  char         *error_message;
  RaDeviceResultsWindowState state;
};

G_DEFINE_FINAL_TYPE (RaDeviceResultsWindow, ra_device_results_window, ADW_TYPE_WINDOW)

/* What windows made from now on time their refreshes by; NULL: the
 * system's clock. */
static RaClock *default_clock;

/* clang-format off */
G_DEFINE_ENUM_TYPE (RaDeviceResultsWindowState, ra_device_results_window_state,
  G_DEFINE_ENUM_VALUE (RA_DEVICE_RESULTS_WINDOW_STATE_UNCONFIGURED, "unconfigured"),
  G_DEFINE_ENUM_VALUE (RA_DEVICE_RESULTS_WINDOW_STATE_LOADING, "loading"),
  G_DEFINE_ENUM_VALUE (RA_DEVICE_RESULTS_WINDOW_STATE_ERROR, "error"),
  G_DEFINE_ENUM_VALUE (RA_DEVICE_RESULTS_WINDOW_STATE_EMPTY, "empty"),
  G_DEFINE_ENUM_VALUE (RA_DEVICE_RESULTS_WINDOW_STATE_RESULTS, "results"))
/* clang-format on */

static void
set_state (RaDeviceResultsWindow      *self,
           RaDeviceResultsWindowState  state)
{
  g_autoptr(GEnumClass) states = g_type_class_ref (RA_TYPE_DEVICE_RESULTS_WINDOW_STATE);

  /* The stack only follows the state: its pages are named after the
   * values' nicks. */
  self->state = state;
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    g_enum_get_value (states, state)->value_nick);
  gtk_spinner_set_spinning (GTK_SPINNER (self->loading_spinner),
                            state == RA_DEVICE_RESULTS_WINDOW_STATE_LOADING);
}

static void
set_loading (RaDeviceResultsWindow *self,
             gboolean               loading)
{
  gboolean in_header = loading && self->state != RA_DEVICE_RESULTS_WINDOW_STATE_LOADING;

  gtk_widget_set_visible (self->refresh_spinner, in_header);
  gtk_spinner_set_spinning (GTK_SPINNER (self->refresh_spinner), in_header);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.refresh",
                                 !loading && self->query_id != NULL);
}

/* The account's query; the demo instance has one of its own. */
static char *
resolve_query_id (RaDeviceResultsWindow *self)
{
  return g_strdup (ra_session_get_results_query_id (self->session));
}

static void
update_status_line (RaDeviceResultsWindow *self)
{
  g_autofree char *line = NULL;

  if (self->updated == NULL)
    return;

  line = ra_format_refresh_status (self->updated, self->query_id,
                                   ra_refresh_schedule_get_state (self->schedule),
                                   ra_refresh_schedule_get_seconds_left (self->schedule));
  gtk_label_set_label (GTK_LABEL (self->updated_label), line);
}

static gboolean
tick_cb (gpointer user_data)
{
  update_status_line (user_data);

  return G_SOURCE_CONTINUE;
}

/* The countdown moves each second while a refresh is timed. */
static void
schedule_changed_cb (RaDeviceResultsWindow *self)
{
  gboolean waiting = ra_refresh_schedule_get_state (self->schedule) == RA_REFRESH_STATE_WAITING;

  if (waiting && self->tick == NULL)
    {
      self->tick = ra_clock_timeout_source_new (ra_refresh_schedule_get_clock (self->schedule), 1000);
      g_source_set_callback (self->tick, tick_cb, self, NULL);
      g_source_set_name (self->tick, "[ra] device results countdown");
      g_source_attach (self->tick, NULL);
    }
  else if (!waiting && self->tick != NULL)
    {
      g_source_destroy (self->tick);
      g_clear_pointer (&self->tick, g_source_unref);
    }

  update_status_line (self);
}

/* A filter that lets nothing through says so. */
static void
shown_changed_cb (RaDeviceResultsWindow *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0;

  gtk_widget_set_visible (self->filtered_empty_label, !any);
  gtk_widget_set_visible (gtk_widget_get_parent (self->device_list), any);
}

/* Shows the answer once the model made its items. */
static void
show_applied (RaDeviceResultsWindow *self)
{
  guint n_rows = ra_nql_result_get_n_rows (self->result);

  ra_refresh_schedule_answered (self->schedule, ra_device_results_model_get_settled (self->model));

  if (n_rows == 0)
    {
      /* The demo instance, like a real one, accepts any collector ID but
       * only its own devices ever report: say so, and offer them. */
      if (self->is_demo)
        adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page),
                                         _("In the demo, only the demo instance’s own devices "
                                           "report back. Copy their IDs, paste them as the "
                                           "target devices, and run the action again."));
      gtk_widget_set_visible (self->demo_devices_button, self->is_demo);
      set_state (self, RA_DEVICE_RESULTS_WINDOW_STATE_EMPTY);
      return;
    }

  gtk_label_set_label (GTK_LABEL (self->summary_label),
                       ra_device_results_model_get_summary (self->model));
  update_status_line (self);

  /* A cut answer must not pass for every device's outcome. */
  gtk_widget_set_visible (self->incomplete_label,
                          ra_nql_result_get_may_be_incomplete (self->result));
  if (ra_nql_result_get_may_be_incomplete (self->result))
    {
      g_autofree char *incomplete =
        g_strdup_printf (ngettext ("Showing the first %'u row: Nexthink answers a query with "
                                   "a limited number of rows, so this result may be incomplete.",
                                   "Showing the first %'u rows: Nexthink answers a query with "
                                   "a limited number of rows, so this result may be incomplete.",
                                   n_rows),
                         n_rows);

      gtk_label_set_label (GTK_LABEL (self->incomplete_label), incomplete);
    }

  set_state (self, RA_DEVICE_RESULTS_WINDOW_STATE_RESULTS);
}

static void
results_kept_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* A run made before the history, or gone from it, has nothing to keep. */
  if (!ra_history_keep_results_finish (RA_HISTORY (object), result, &error))
    g_debug ("The device results were not kept in the history: %s", error->message);
}

/* What was read becomes the run's last known state in the history, as
 * when its detail there reads it. */
static void
keep_result (RaDeviceResultsWindow *self)
{
  RaHistory *history = ra_session_get_history (self->session);

  if (history == NULL || ra_nql_result_get_n_rows (self->result) == 0)
    return;

  ra_history_keep_results_async (history, self->request_id, self->result, NULL, results_kept_cb,
                                 NULL);
}

static void
show_result (RaDeviceResultsWindow *self)
{
  g_clear_pointer (&self->updated, g_date_time_unref);
  self->updated = ra_clock_dup_now_local (ra_refresh_schedule_get_clock (self->schedule));

  /* The one place an answer becomes what is shown. A large answer's
   * items are made in a worker thread: what is on screen (the loading
   * page, or the last results) stays until model_changed_cb. */
  ra_device_results_model_apply (self->model, self->result,
                                 ra_refresh_schedule_is_expired (self->schedule));
  keep_result (self);
  self->showing = ra_device_results_model_get_building (self->model);
  if (!self->showing)
    show_applied (self);
}

static void
model_changed_cb (RaDeviceResultsWindow *self)
{
  /* The answer went meanwhile (another query): the next one is shown. */
  if (!self->showing || self->result == NULL || ra_device_results_model_get_building (self->model))
    return;

  self->showing = FALSE;
  show_applied (self);
}

static void
show_error (RaDeviceResultsWindow *self,
            const GError          *error)
{
  gboolean setup_problem = g_error_matches (error, RA_ERROR, RA_ERROR_NOT_FOUND) ||
                           g_error_matches (error, RA_ERROR, RA_ERROR_INVALID_INPUT);

  g_free (self->error_message);
  if (g_error_matches (error, RA_ERROR, RA_ERROR_NOT_FOUND))
    self->error_message = g_strdup_printf (_("The query “%s” does not exist in Nexthink: "
                                             "create it in the NQL admin or change it in the account’s settings."),
                                           self->query_id);
  else
    self->error_message = g_strdup (error->message);

  self->showing = FALSE;
  ra_plain_status_page_set_description (ADW_STATUS_PAGE (self->error_page), self->error_message);
  gtk_widget_set_visible (self->error_preferences_button, setup_problem);
  ra_device_results_model_apply (self->model, NULL, FALSE);
  set_state (self, RA_DEVICE_RESULTS_WINDOW_STATE_ERROR);

  /* Waiting mends a busy or unreachable server, not a query that is
   * missing or credentials without permission: those wait for the user
   * (Try Again, or a changed setting). */
  if (g_error_matches (error, RA_ERROR, RA_ERROR_RATE_LIMITED))
    ra_refresh_schedule_failed (self->schedule, ra_client_get_retry_after_seconds (self->client));
  else if (g_error_matches (error, RA_ERROR, RA_ERROR_NETWORK) ||
           g_error_matches (error, RA_ERROR, RA_ERROR_TIMED_OUT) ||
           g_error_matches (error, RA_ERROR, RA_ERROR_SERVER))
    ra_refresh_schedule_failed (self->schedule, 0);
}

static void
nql_executed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RaDeviceResultsWindow) self = user_data;
  g_autoptr(RaNqlResult) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = ra_nql_fetch_run_finish (RA_NQL_FETCH (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);

  if (answer == NULL)
    {
      /* A refresh that failed should not leave old statuses looking current. */
      g_clear_object (&self->result);
      show_error (self, error);
      return;
    }

  g_clear_pointer (&self->error_message, g_free);
  g_set_object (&self->result, answer);
  show_result (self);
}

/* A run on more devices than one answer holds is exported: say how far
 * that is where the spinner turns, on the loading page or, while older
 * results stay in view, on the spinner in the header. */
static void
fetch_progress_cb (RaNqlFetch            *fetch,
                   GParamSpec            *pspec,
                   RaDeviceResultsWindow *self)
{
  g_autofree char *text = NULL;

  if (fetch != self->fetch)
    return;

  text = ra_format_fetch_progress (fetch);
  if (text == NULL)
    return;

  /* On a refresh the status line under the summary is the schedule's. */
  if (self->state == RA_DEVICE_RESULTS_WINDOW_STATE_LOADING)
    adw_status_page_set_description (ADW_STATUS_PAGE (self->loading_page), text);
  else
    gtk_widget_set_tooltip_text (self->refresh_spinner, text);
}

static void
load (RaDeviceResultsWindow *self)
{
  g_autoptr(GHashTable) parameters = NULL;
  g_autofree char *query_id = resolve_query_id (self);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* Asked now: the timed refresh does not come as well. */
  ra_refresh_schedule_hold (self->schedule);

  /* Another query answers with other rows: what was shown goes. */
  if (g_strcmp0 (query_id, self->query_id) != 0)
    {
      g_clear_object (&self->result);
      g_free (self->query_id);
      self->query_id = g_steal_pointer (&query_id);
    }

  if (self->query_id == NULL)
    {
      self->showing = FALSE;
      set_state (self, RA_DEVICE_RESULTS_WINDOW_STATE_UNCONFIGURED);
      set_loading (self, FALSE);
      return;
    }

  if (self->result == NULL)
    set_state (self, RA_DEVICE_RESULTS_WINDOW_STATE_LOADING);
  adw_status_page_set_description (ADW_STATUS_PAGE (self->loading_page), NULL);
  gtk_widget_set_tooltip_text (self->refresh_spinner, NULL);

  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);

  /* Only ever the query: nothing here sends an execution again. */
  parameters = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (parameters, (gpointer) "request_id", self->request_id);
  g_clear_object (&self->fetch);
  self->fetch = ra_nql_fetch_new (self->client, self->query_id, parameters);
  g_signal_connect_object (self->fetch, "notify", G_CALLBACK (fetch_progress_cb), self, 0);
  ra_nql_fetch_run_async (self->fetch, self->cancellable, nql_executed_cb, g_object_ref (self));
}

static void
demo_devices_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RaDeviceResultsWindow) self = user_data;
  g_autoptr(RaNqlResult) devices = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  devices = ra_client_nql_execute_finish (RA_CLIENT (object), result, &error);
  /* Closed meanwhile: its template children are gone. */
  if (self->demo_devices_button == NULL)
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.copy-demo-devices", TRUE);
  if (devices == NULL)
    {
      g_debug ("The demo devices could not be read: %s", error->message);
      gtk_button_set_label (GTK_BUTTON (self->demo_devices_button),
                            _("Could Not Read the Demo Devices"));
      return;
    }

  for (guint i = 0; i < ra_nql_result_get_n_rows (devices); i++)
    {
      const char *uid = ra_nql_result_get_value (devices, i, "device.collector.uid");

      if (uid != NULL && uid[0] != '\0')
        g_string_append_printf (text, "%s\n", uid);
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text->str);
  gtk_button_set_label (GTK_BUTTON (self->demo_devices_button), _("Copied"));
}

static void
copy_demo_devices_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RaDeviceResultsWindow *self = RA_DEVICE_RESULTS_WINDOW (widget);

  gtk_widget_action_set_enabled (widget, "results.copy-demo-devices", FALSE);
  ra_client_nql_execute_async (self->client, RA_DEMO_DEVICES_QUERY, NULL, NULL,
                               demo_devices_cb, g_object_ref (self));
}

static void
refresh_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ra_device_results_window_refresh (RA_DEVICE_RESULTS_WINDOW (widget));
}

/* The query IDs are the account's: its editor, which the main window
 * opens, says which queries to create and takes their IDs. */
static void
edit_account_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "accounts.edit", NULL);
}

static void
query_changed_cb (RaDeviceResultsWindow *self)
{
  g_autofree char *query_id = resolve_query_id (self);

  if (g_strcmp0 (query_id, self->query_id) != 0)
    load (self);
}

static gboolean
ra_device_results_window_close_request (GtkWindow *window)
{
  RaDeviceResultsWindow *self = RA_DEVICE_RESULTS_WINDOW (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  /* Closed: nothing is asked for any more. */
  ra_refresh_schedule_stop (self->schedule);

  return GTK_WINDOW_CLASS (ra_device_results_window_parent_class)->close_request (window);
}

static void
ra_device_results_window_dispose (GObject *object)
{
  RaDeviceResultsWindow *self = RA_DEVICE_RESULTS_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->outputs_cancellable);
  g_clear_object (&self->outputs_cancellable);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->schedule != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->schedule, self);
      ra_refresh_schedule_stop (self->schedule);
    }
  if (self->tick != NULL)
    {
      g_source_destroy (self->tick);
      g_clear_pointer (&self->tick, g_source_unref);
    }
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RA_TYPE_DEVICE_RESULTS_WINDOW);

  G_OBJECT_CLASS (ra_device_results_window_parent_class)->dispose (object);
}

static void
ra_device_results_window_finalize (GObject *object)
{
  RaDeviceResultsWindow *self = RA_DEVICE_RESULTS_WINDOW (object);

  g_clear_object (&self->client);
  g_clear_object (&self->session);
  g_clear_object (&self->fetch);
  g_clear_object (&self->result);
  g_clear_object (&self->model);
  g_clear_object (&self->schedule);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_free (self->request_id);
  g_free (self->query_id);
  g_free (self->error_message);

  G_OBJECT_CLASS (ra_device_results_window_parent_class)->finalize (object);
}

static void
ra_device_results_window_class_init (RaDeviceResultsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  ra_accessible_fix_mnemonic_names ();
  g_type_ensure (RA_TYPE_DEVICE_RESULTS_FILTER_BAR);

  object_class->dispose = ra_device_results_window_dispose;
  object_class->finalize = ra_device_results_window_finalize;
  window_class->close_request = ra_device_results_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-device-results-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, unconfigured_page);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, error_preferences_button);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, demo_devices_button);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, updated_label);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, incomplete_label);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, filtered_empty_label);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, device_list);

  gtk_widget_class_install_action (widget_class, "results.refresh", NULL, refresh_cb);
  gtk_widget_class_install_action (widget_class, "results.edit-account", NULL, edit_account_cb);
  gtk_widget_class_install_action (widget_class, "results.copy-demo-devices", NULL,
                                   copy_demo_devices_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "results.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "results.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  /* Nothing to do on a device's row but read it. */
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, ra_device_result_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  ra_device_result_row_set_item (RA_DEVICE_RESULT_ROW (gtk_list_item_get_child (list_item)),
                                 gtk_list_item_get_item (list_item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  ra_device_result_row_set_item (RA_DEVICE_RESULT_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
ra_device_results_window_init (RaDeviceResultsWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSelectionModel) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = ra_device_results_model_new ();
  g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (shown_changed_cb), self);
  g_signal_connect_swapped (self->model, "changed", G_CALLBACK (model_changed_cb), self);
  ra_device_results_filter_bar_set_model (RA_DEVICE_RESULTS_FILTER_BAR (self->filter_bar), self->model);
  self->schedule = ra_refresh_schedule_new (default_clock);
  g_signal_connect_swapped (self->schedule, "due", G_CALLBACK (load), self);
  g_signal_connect_swapped (self->schedule, "changed", G_CALLBACK (schedule_changed_cb), self);

  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model))));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (GTK_LIST_VIEW (self->device_list), factory);
  gtk_list_view_set_model (GTK_LIST_VIEW (self->device_list), selection);
}

/* Results read with the old credentials do not outlive them: signed out,
 * or switched to another account, the window closes. */
static void
session_client_changed_cb (RaDeviceResultsWindow *self,
                           GParamSpec            *pspec,
                           RaSession             *session)
{
  if (ra_session_get_client (session) != self->client)
    gtk_window_destroy (GTK_WINDOW (self));
}

RaDeviceResultsWindow *
ra_device_results_window_new (RaSession  *session,
                              const char *request_id,
                              const char *action_name,
                              guint       n_devices)
{
  RaDeviceResultsWindow *self;

  g_return_val_if_fail (RA_IS_SESSION (session), NULL);
  g_return_val_if_fail (ra_session_get_client (session) != NULL, NULL);
  g_return_val_if_fail (request_id != NULL, NULL);

  self = g_object_new (RA_TYPE_DEVICE_RESULTS_WINDOW, NULL);
  self->client = g_object_ref (ra_session_get_client (session));
  self->session = g_object_ref (session);
  /* The demo instance has no account to edit, and needs none. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.edit-account",
                                 ra_session_get_account (session) != NULL);
  self->is_demo = ra_session_get_demo (session);
  self->request_id = g_strdup (request_id);
  self->n_devices = n_devices;
  ra_device_results_model_set_run (self->model, NULL, n_devices);

  if (action_name != NULL)
    adw_window_title_set_subtitle (self->window_title, action_name);

  g_signal_connect_object (session, "notify::client",
                           G_CALLBACK (session_client_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::results-query-id",
                           G_CALLBACK (query_changed_cb), self,
                           G_CONNECT_SWAPPED);
  load (self);

  return self;
}

RaDeviceResultsWindow *
ra_device_results_window_present_for (GtkWidget  *from,
                                      RaSession  *session,
                                      const char *request_id,
                                      const char *action_name,
                                      guint       n_devices)
{
  GtkRoot *root;
  g_autoptr(GListModel) toplevels = NULL;
  RaDeviceResultsWindow *window = NULL;
  RaClient *client;

  g_return_val_if_fail (GTK_IS_WIDGET (from), NULL);
  g_return_val_if_fail (RA_IS_SESSION (session), NULL);
  g_return_val_if_fail (ra_session_get_client (session) != NULL, NULL);
  g_return_val_if_fail (request_id != NULL, NULL);

  root = gtk_widget_get_root (from);
  client = ra_session_get_client (session);

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; window == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (RA_IS_DEVICE_RESULTS_WINDOW (item) &&
          RA_DEVICE_RESULTS_WINDOW (item)->client == client &&
          g_str_equal (RA_DEVICE_RESULTS_WINDOW (item)->request_id, request_id))
        window = RA_DEVICE_RESULTS_WINDOW (item);
    }

  if (window != NULL)
    ra_device_results_window_refresh (window);
  else
    {
      window = ra_device_results_window_new (session, request_id,
                                             action_name, n_devices);
      if (GTK_IS_WINDOW (root))
        {
          gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
          gtk_window_set_application (GTK_WINDOW (window),
                                      gtk_window_get_application (GTK_WINDOW (root)));
        }
    }

  gtk_window_present (GTK_WINDOW (window));

  return window;
}

void
ra_device_results_window_refresh (RaDeviceResultsWindow *self)
{
  g_return_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self));

  load (self);
}

const char *
ra_device_results_window_get_request_id (RaDeviceResultsWindow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self), NULL);

  return self->request_id;
}

const char *
ra_device_results_window_get_query_id (RaDeviceResultsWindow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self), NULL);

  return self->query_id;
}

RaDeviceResultsWindowState
ra_device_results_window_get_state (RaDeviceResultsWindow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self), RA_DEVICE_RESULTS_WINDOW_STATE_UNCONFIGURED);

  return self->state;
}

gboolean
ra_device_results_window_get_loading (RaDeviceResultsWindow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self), FALSE);

  /* Also while the items of an answer are being made or put in the list. */
  return self->cancellable != NULL || self->showing ||
         ra_device_results_model_get_filling (self->model);
}

RaNqlResult *
ra_device_results_window_get_result (RaDeviceResultsWindow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self), NULL);

  return self->result;
}

const char *
ra_device_results_window_get_summary (RaDeviceResultsWindow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->summary_label));
}

const char *
ra_device_results_window_get_incomplete_note (RaDeviceResultsWindow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self), NULL);

  if (!gtk_widget_get_visible (self->incomplete_label))
    return NULL;

  return gtk_label_get_label (GTK_LABEL (self->incomplete_label));
}

const char *
ra_device_results_window_get_error_message (RaDeviceResultsWindow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self), NULL);

  return self->error_message;
}

const char *
ra_device_results_window_get_setup_text (RaDeviceResultsWindow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self), NULL);

  return adw_status_page_get_description (ADW_STATUS_PAGE (self->unconfigured_page));
}

GListModel *
ra_device_results_window_get_devices (RaDeviceResultsWindow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self), NULL);

  return ra_device_results_model_get_all (self->model);
}

GtkListView *
ra_device_results_window_get_device_list (RaDeviceResultsWindow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self), NULL);

  return GTK_LIST_VIEW (self->device_list);
}

RaDeviceResultsModel *
ra_device_results_window_get_model (RaDeviceResultsWindow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self), NULL);

  return self->model;
}

void
ra_device_results_window_set_run (RaDeviceResultsWindow *self,
                                  GDateTime             *started,
                                  guint                  expires_in_minutes,
                                  const char * const    *devices,
                                  GListModel            *outputs)
{
  gint64 expiry = 0;

  g_return_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self));
  g_return_if_fail (outputs == NULL || G_IS_LIST_MODEL (outputs));

  if (started != NULL && expires_in_minutes > 0)
    expiry = g_date_time_to_unix (started) * G_USEC_PER_SEC +
             (gint64) expires_in_minutes * 60 * G_USEC_PER_SEC;
  ra_refresh_schedule_set_expiry (self->schedule, expiry);

  if (devices != NULL)
    self->n_devices = g_strv_length ((char **) devices);
  ra_device_results_model_set_run (self->model, devices, self->n_devices);
  ra_device_results_model_set_outputs (self->model, outputs);

  if (self->result != NULL && self->state == RA_DEVICE_RESULTS_WINDOW_STATE_RESULTS)
    {
      gtk_label_set_label (GTK_LABEL (self->summary_label),
                           ra_device_results_model_get_summary (self->model));
    }
}

void
ra_device_results_window_use_clock (RaClock *clock)
{
  g_return_if_fail (clock == NULL || RA_IS_CLOCK (clock));

  g_set_object (&default_clock, clock);
}

RaRefreshSchedule *
ra_device_results_window_get_schedule (RaDeviceResultsWindow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self), NULL);

  return self->schedule;
}

GtkToggleButton *
ra_device_results_window_get_filter_button (RaDeviceResultsWindow *self,
                                            RaDeviceResultsFilter  filter)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self), NULL);
  g_return_val_if_fail (filter < RA_DEVICE_RESULTS_FILTER_N_VALUES, NULL);

  return ra_device_results_filter_bar_get_button (RA_DEVICE_RESULTS_FILTER_BAR (self->filter_bar), filter);
}

const char *
ra_device_results_window_get_status_line (RaDeviceResultsWindow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->updated_label));
}

static void
action_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RaDeviceResultsWindow) self = user_data;
  g_autoptr(RaRemoteAction) action = NULL;
  g_autoptr(GError) error = NULL;

  action = ra_client_get_action_finish (RA_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Without them, the columns' own names say what the outputs are. */
  if (action == NULL)
    {
      g_debug ("The outputs of the action could not be read: %s", error->message);
      return;
    }

  ra_device_results_model_set_outputs (self->model, ra_remote_action_get_outputs (action));
  if (self->result != NULL && self->state == RA_DEVICE_RESULTS_WINDOW_STATE_RESULTS)
    gtk_label_set_label (GTK_LABEL (self->summary_label),
                         ra_device_results_model_get_summary (self->model));
}

void
ra_device_results_window_read_outputs (RaDeviceResultsWindow *self,
                                       const char            *action_id)
{
  g_return_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self));
  g_return_if_fail (action_id != NULL);

  if (self->outputs_cancellable != NULL)
    g_cancellable_cancel (self->outputs_cancellable);
  g_clear_object (&self->outputs_cancellable);
  self->outputs_cancellable = g_cancellable_new ();
  ra_client_get_action_async (self->client, action_id, self->outputs_cancellable,
                              action_read_cb, g_object_ref (self));
}
