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
#include "ra-device-results-window.h"
#include "ra-error.h"
#include "ra-execution-status.h"
#include "ra-format.h"
#include "ra-plain-text.h"
#include "ra-session.h"

struct _RaDeviceResultsWindow
{
  AdwWindow     parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget    *refresh_spinner;
  GtkWidget    *stack;
  GtkWidget    *unconfigured_page;
  GtkWidget    *loading_spinner;
  GtkWidget    *error_page;
  GtkWidget    *error_preferences_button;
  GtkWidget    *empty_page;
  GtkWidget    *demo_devices_button;
  GtkWidget    *summary_label;
  GtkWidget    *updated_label;
  GtkWidget    *incomplete_label;
  GtkWidget    *device_list;
  GListStore   *devices;

  RaClient     *client;
  RaSession    *session;
  GSettings    *settings;
  gboolean      is_demo;
  char         *request_id;
  guint         n_devices;
  char         *query_id;
  GCancellable *cancellable;
  RaNqlResult  *result;
  char         *error_message;
  RaDeviceResultsWindowState state;
};

G_DEFINE_FINAL_TYPE (RaDeviceResultsWindow, ra_device_results_window, ADW_TYPE_WINDOW)

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

static char *
make_summary (RaDeviceResultsWindow *self,
              const char            *status_column)
{
  guint n_rows = ra_nql_result_get_n_rows (self->result);
  guint counts[RA_EXECUTION_STATUS_N_VALUES];
  guint total, pending;
  g_autofree char *succeeded = NULL;
  g_autofree char *summary = NULL;

  if (status_column == NULL)
    return g_strdup_printf (ngettext ("%'u device has reported", "%'u devices have reported", n_rows),
                            n_rows);

  ra_nql_result_count_statuses (self->result, status_column, counts);
  /* Devices the run was sent to that have not reported yet are pending
   * too, unless the answer may have been cut: then nobody knows what the
   * devices past the limit did, and the note under the summary says so. */
  if (ra_nql_result_get_may_be_incomplete (self->result))
    total = n_rows;
  else
    total = MAX (n_rows, self->n_devices);
  pending = counts[RA_EXECUTION_STATUS_PENDING] + (total - n_rows);

  succeeded = g_strdup_printf (ngettext ("%'u of %'u device succeeded",
                                         "%'u of %'u devices succeeded", total),
                               counts[RA_EXECUTION_STATUS_SUCCEEDED], total);
  /* Translators: the first %s is "N of M devices succeeded"; then the
   * number of devices that failed and of those that have not finished */
  summary = g_strdup_printf (_("%s, %'u failed, %'u pending"),
                             succeeded, counts[RA_EXECUTION_STATUS_FAILED], pending);

  if (counts[RA_EXECUTION_STATUS_OTHER] > 0)
    {
      g_autofree char *base = g_steal_pointer (&summary);

      /* Translators: %s is the summary above; %u devices reported a status
       * that is none of succeeded, failed or pending */
      summary = g_strdup_printf (_("%s, %'u with another status"),
                                 base, counts[RA_EXECUTION_STATUS_OTHER]);
    }

  return g_steal_pointer (&summary);
}

/* A column that says the same on every row (the action, the request ID)
 * tells nothing about a device. */
static gboolean
column_is_constant (RaNqlResult *result,
                    const char  *column)
{
  guint n_rows = ra_nql_result_get_n_rows (result);
  const char *first;

  if (n_rows < 2)
    return FALSE;

  first = ra_nql_result_get_value (result, 0, column);
  for (guint row = 1; row < n_rows; row++)
    {
      if (g_strcmp0 (first, ra_nql_result_get_value (result, row, column)) != 0)
        return FALSE;
    }

  return TRUE;
}

/* One row of the answer, as the list shows it. */
static RaDeviceResultItem *
create_device_item (RaDeviceResultsWindow *self,
                    guint                  row,
                    const char            *device_column,
                    const char            *status_column,
                    GPtrArray             *detail_columns)
{
  const char *device = ra_nql_result_get_value (self->result, row, device_column);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *status_text = NULL;
  RaExecutionStatus status = RA_EXECUTION_STATUS_OTHER;

  if (device == NULL || device[0] == '\0')
    {
      /* Translators: %u is the position of a device in the list */
      title = g_strdup_printf (_("Device %'u"), row + 1);
      device = title;
    }

  for (guint i = 0; i < detail_columns->len; i++)
    {
      const char *column = g_ptr_array_index (detail_columns, i);
      const char *value = ra_nql_result_get_value (self->result, row, column);
      g_autoptr(GDateTime) time = ra_nql_result_dup_time (self->result, row, column);
      g_autofree char *local_time = NULL;
      g_autofree char *label = NULL;

      if (value == NULL || value[0] == '\0')
        continue;

      /* Times come in UTC; people think in their own time zone. */
      if (time != NULL)
        value = local_time = ra_format_date_time (time);

      label = ra_nql_column_label (column);
      if (details->len > 0)
        g_string_append_c (details, '\n');
      /* Translators: a column of the query's answer and its value */
      g_string_append_printf (details, _("%s: %s"), label, value);
    }

  if (status_column != NULL)
    {
      const char *value = ra_nql_result_get_value (self->result, row, status_column);

      status_text = ra_execution_status_label (value != NULL ? value : "");
      status = ra_execution_status_from_string (value);
    }

  return ra_device_result_item_new (device, details->len > 0 ? details->str : NULL,
                                    status_text, status);
}

static void
show_result (RaDeviceResultsWindow *self)
{
  const char * const *columns = ra_nql_result_get_columns (self->result);
  const char *device_column = ra_nql_result_find_device_column (self->result);
  const char *status_column = ra_nql_result_find_status_column (self->result);
  g_autoptr(GPtrArray) detail_columns = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (now, "%X");
  g_autofree char *updated = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint n_rows = ra_nql_result_get_n_rows (self->result);

  g_list_store_remove_all (self->devices);

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

  for (guint i = 0; columns[i] != NULL; i++)
    {
      if (g_strcmp0 (columns[i], device_column) != 0 &&
          g_strcmp0 (columns[i], status_column) != 0 &&
          !column_is_constant (self->result, columns[i]))
        g_ptr_array_add (detail_columns, (gpointer) columns[i]);
    }

  /* All in one change of the model; the list view makes rows only for
   * those in sight, so a thousand devices cost what a screenful does. */
  items = g_ptr_array_new_full (n_rows, g_object_unref);
  for (guint row = 0; row < n_rows; row++)
    g_ptr_array_add (items, create_device_item (self, row, device_column, status_column,
                                                detail_columns));
  g_list_store_splice (self->devices, 0, 0, items->pdata, items->len);

  summary = make_summary (self, status_column);
  gtk_label_set_label (GTK_LABEL (self->summary_label), summary);
  /* Translators: %s is a time of day; then the ID of the NQL query */
  updated = g_strdup_printf (_("Updated at %s from %s"), time, self->query_id);
  gtk_label_set_label (GTK_LABEL (self->updated_label), updated);

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

  ra_plain_status_page_set_description (ADW_STATUS_PAGE (self->error_page), self->error_message);
  gtk_widget_set_visible (self->error_preferences_button, setup_problem);
  set_state (self, RA_DEVICE_RESULTS_WINDOW_STATE_ERROR);
}

static void
nql_executed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RaDeviceResultsWindow) self = user_data;
  g_autoptr(RaNqlResult) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = ra_client_nql_execute_finish (RA_CLIENT (object), result, &error);
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

static void
load (RaDeviceResultsWindow *self)
{
  g_autoptr(GHashTable) parameters = NULL;
  g_autofree char *query_id = resolve_query_id (self);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* Another query answers with other rows: what was shown goes. */
  if (g_strcmp0 (query_id, self->query_id) != 0)
    {
      g_clear_object (&self->result);
      g_free (self->query_id);
      self->query_id = g_steal_pointer (&query_id);
    }

  if (self->query_id == NULL)
    {
      set_state (self, RA_DEVICE_RESULTS_WINDOW_STATE_UNCONFIGURED);
      set_loading (self, FALSE);
      return;
    }

  if (self->result == NULL)
    set_state (self, RA_DEVICE_RESULTS_WINDOW_STATE_LOADING);

  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);

  /* Only ever the query: nothing here sends an execution again. */
  parameters = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (parameters, (gpointer) "request_id", self->request_id);
  ra_client_nql_execute_async (self->client, self->query_id, parameters, self->cancellable,
                               nql_executed_cb, g_object_ref (self));
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

  return GTK_WINDOW_CLASS (ra_device_results_window_parent_class)->close_request (window);
}

static void
ra_device_results_window_dispose (GObject *object)
{
  RaDeviceResultsWindow *self = RA_DEVICE_RESULTS_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), RA_TYPE_DEVICE_RESULTS_WINDOW);

  G_OBJECT_CLASS (ra_device_results_window_parent_class)->dispose (object);
}

static void
ra_device_results_window_finalize (GObject *object)
{
  RaDeviceResultsWindow *self = RA_DEVICE_RESULTS_WINDOW (object);

  g_clear_object (&self->client);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->result);
  g_clear_object (&self->devices);
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

  object_class->dispose = ra_device_results_window_dispose;
  object_class->finalize = ra_device_results_window_finalize;
  window_class->close_request = ra_device_results_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-device-results-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, unconfigured_page);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, error_preferences_button);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, demo_devices_button);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, updated_label);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceResultsWindow, incomplete_label);
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

  self->devices = g_list_store_new (RA_TYPE_DEVICE_RESULT_ITEM);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->devices))));
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
                              GSettings  *settings,
                              const char *request_id,
                              const char *action_name,
                              guint       n_devices)
{
  RaDeviceResultsWindow *self;

  g_return_val_if_fail (RA_IS_SESSION (session), NULL);
  g_return_val_if_fail (ra_session_get_client (session) != NULL, NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (request_id != NULL, NULL);

  self = g_object_new (RA_TYPE_DEVICE_RESULTS_WINDOW, NULL);
  self->client = g_object_ref (ra_session_get_client (session));
  self->session = g_object_ref (session);
  /* The demo instance has no account to edit, and needs none. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.edit-account",
                                 ra_session_get_account (session) != NULL);
  self->settings = settings != NULL ? g_object_ref (settings) : g_settings_new (APP_ID);
  self->is_demo = ra_session_get_demo (session);
  self->request_id = g_strdup (request_id);
  self->n_devices = n_devices;

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
      window = ra_device_results_window_new (session, NULL, request_id,
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

  return self->cancellable != NULL;
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

  return G_LIST_MODEL (self->devices);
}

GtkListView *
ra_device_results_window_get_device_list (RaDeviceResultsWindow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_WINDOW (self), NULL);

  return GTK_LIST_VIEW (self->device_list);
}
