/* ra-history-detail.c
 *
 * The run comes from the history; how its devices did comes from the
 * execution results query (RaRunResults), read when the run is shown
 * and again when the session's client changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-history"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-csv-export.h"
#include "ra-device-results-csv.h"
#include "ra-device-results-window.h"
#include "ra-execution-status.h"
#include "ra-format.h"
#include "ra-history-detail.h"

/* A run's detail lists this many device IDs; the rest are counted. */
#define MAX_DEVICES_LISTED 200

struct _RaHistoryDetail
{
  AdwBin          parent_instance;

  RaSession      *session;
  RaHistory      *history;
  RaHistoryRun   *run;
  /* The last known statuses the history keeps: collector ID in lower
   * case → status. */
  GHashTable     *stored;
  char          **devices;
  GCancellable   *cancellable;
  RaRunResults   *results;
  GtkWidget      *devices_group;
  GtkWidget      *failed_row;
  GtkWidget      *results_row;
  /* The status labels of the devices listed, in their order. */
  GPtrArray      *status_labels;
  /* The devices that failed or never reported, once known. */
  char          **failed;
  char           *failed_note;
};

G_DEFINE_FINAL_TYPE (RaHistoryDetail, ra_history_detail, ADW_TYPE_BIN)

enum {
  RUN_AGAIN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A row whose value is plain text that can be selected and copied:
 * values from the history are never markup. */
static GtkWidget *
new_value_row (const char *title,
               const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value != NULL && value[0] != '\0' ? value : _("None"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_hexpand (label, TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);

  return row;
}

/* A row that does something when activated, through a widget action:
 * insensitive while the action is disabled. */
static GtkWidget *
new_action_row (const char *title,
                const char *subtitle,
                const char *action_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);

  return row;
}

static char *
describe_account (RaHistoryRun *run)
{
  const char *name = ra_history_run_get_account_name (run);
  const char *instance = ra_history_run_get_instance (run);
  const char *region = ra_history_run_get_region (run);

  if (instance != NULL && region != NULL)
    /* Translators: an account's name, then its instance and region, e.g. "Acme (acme, eu)" */
    return g_strdup_printf (_("%s (%s, %s)"), name != NULL ? name : instance, instance, region);

  return g_strdup (name);
}

static void
show_devices (RaHistoryDetail *self)
{
  guint n = self->devices != NULL ? g_strv_length (self->devices) : 0;
  guint listed = MIN (n, MAX_DEVICES_LISTED);

  for (guint i = 0; i < listed; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (self->devices[i]);
      GtkWidget *status;

      /* Selectable, to copy an ID into a ticket or a query. */
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "monospace");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), label);

      /* How the device did, once the results are read. */
      status = gtk_label_new (NULL);
      gtk_widget_add_css_class (status, "caption-heading");
      gtk_widget_set_visible (status, FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      g_ptr_array_add (self->status_labels, status);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->devices_group), row);
    }

  if (n > listed)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %'u more device",
                                                            "And %'u more devices",
                                                            n - listed),
                                               n - listed);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->devices_group), row);
    }
}

/* Results */

static void
set_failed_note (RaHistoryDetail *self,
                 char            *note)
{
  g_free (self->failed_note);
  self->failed_note = note;
  if (self->failed_row != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->failed_row), note != NULL ? note : "");
}

/* Whether the run's request is over: a device that has not reported by
 * then never will. An expiry the history does not know (the server's
 * default) is not taken for over. */
static gboolean
run_expired (RaHistoryRun *run)
{
  guint minutes = ra_history_run_get_expires_in_minutes (run);

  return minutes > 0 &&
         g_get_real_time () / G_USEC_PER_SEC >= ra_history_run_get_time (run) + (gint64) minutes * 60;
}

/* Which devices to run again on, or why that is not known. */
static void
update_failed (RaHistoryDetail *self)
{
  RaRunResultsState state = ra_run_results_get_state (self->results);
  g_autoptr(GError) error = NULL;
  guint n_pending = 0;
  guint n;

  g_clear_pointer (&self->failed, g_strfreev);

  if (state == RA_RUN_RESULTS_STATE_LOADING || (state == RA_RUN_RESULTS_STATE_LOADED && self->devices == NULL))
    {
      set_failed_note (self, g_strdup (_("Reading the results of the run…")));
      return;
    }
  if (state != RA_RUN_RESULTS_STATE_LOADED)
    {
      set_failed_note (self, g_strdup (ra_run_results_get_message (self->results)));
      return;
    }

  if (!ra_device_results_find_failed (ra_run_results_get_result (self->results),
                                      (const char * const *) self->devices, run_expired (self->run),
                                      &self->failed, &n_pending, &error))
    {
      set_failed_note (self, g_strdup (error->message));
      return;
    }

  n = g_strv_length (self->failed);
  if (n == 0 && n_pending == 0)
    set_failed_note (self, g_strdup (_("Every device reported success")));
  else if (n == 0)
    set_failed_note (self, g_strdup_printf (ngettext ("No device failed yet; %'u has not finished",
                                                      "No device failed yet; %'u have not finished",
                                                      n_pending),
                                            n_pending));
  else if (n_pending == 0)
    set_failed_note (self, g_strdup_printf (ngettext ("%'u device failed or never reported",
                                                      "%'u devices failed or never reported", n),
                                            n));
  else
    {
      g_autofree char *failed = g_strdup_printf (ngettext ("%'u device failed or never reported",
                                                           "%'u devices failed or never reported", n),
                                                 n);
      g_autofree char *running = g_strdup_printf (ngettext ("%'u still running is left out",
                                                            "%'u still running are left out",
                                                            n_pending),
                                                  n_pending);

      /* Translators: the devices to run again on, then those left out
       * because they are still running */
      set_failed_note (self, g_strdup_printf (_("%s; %s"), failed, running));
    }

  if (n == 0)
    g_clear_pointer (&self->failed, g_strfreev);
}

static void
show_status (RaHistoryDetail *self,
             GtkWidget       *label,
             const char      *device,
             gboolean         loaded)
{
  static const char * const classes[] = { "success", "error", "warning", "dim-label" };
  g_autofree char *key = g_ascii_strdown (device, -1);
  const char *raw = NULL;
  g_autofree char *text = NULL;
  const char *class = "dim-label";

  if (loaded)
    raw = ra_run_results_get_status (self->results, device);
  else if (self->stored != NULL)
    raw = g_hash_table_lookup (self->stored, key);

  if (raw != NULL)
    {
      RaExecutionStatus status = ra_execution_status_from_string (raw);

      text = ra_execution_status_label (raw);
      class = status == RA_EXECUTION_STATUS_SUCCEEDED ? "success"
              : status == RA_EXECUTION_STATUS_FAILED  ? "error"
              : status == RA_EXECUTION_STATUS_PENDING ? "warning"
                                                      : "dim-label";
    }
  else if (loaded)
    /* No row for a device is no report yet, not a status. */
    text = g_strdup (_("No report"));

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (label, classes[i]);
  gtk_widget_add_css_class (label, class);
  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL);
}

static void
update_results (RaHistoryDetail *self)
{
  RaRunResultsState state;
  gboolean loaded;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.run-again", self->devices != NULL);
  if (self->results == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.run-again-failed", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.export-results", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.device-results", FALSE);
      return;
    }

  state = ra_run_results_get_state (self->results);
  loaded = state == RA_RUN_RESULTS_STATE_LOADED;

  for (guint i = 0; i < self->status_labels->len; i++)
    show_status (self, g_ptr_array_index (self->status_labels, i), self->devices[i], loaded);

  /* Until the results are read (or when they cannot be), what the
   * history kept, said to be that. */
  if (self->devices_group != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->devices_group),
                                           !loaded && self->stored != NULL &&
                                               g_hash_table_size (self->stored) > 0
                                             ? _("The last known status of each device, from when "
                                                 "the results were last read")
                                             : NULL);

  update_failed (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.run-again-failed", self->failed != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.export-results", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.device-results",
                                 state != RA_RUN_RESULTS_STATE_UNAVAILABLE);
  if (self->results_row != NULL)
    {
      gboolean missing = state == RA_RUN_RESULTS_STATE_UNAVAILABLE || state == RA_RUN_RESULTS_STATE_ERROR;

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->results_row),
                                   missing ? ra_run_results_get_message (self->results) : "");
    }
}

static void
counts_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ra_history_update_finish (RA_HISTORY (object), result, &error))
    g_debug ("The status counts of the run could not be kept: %s", error->message);
}

static void
statuses_written_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ra_history_set_device_statuses_finish (RA_HISTORY (object), result, &error))
    g_debug ("The device statuses of the run could not be kept: %s", error->message);
}

/* What was read becomes the last known state of the run in the history:
 * each device's status and name, and the counts the list and the export
 * show. */
static void
keep_results (RaHistoryDetail *self)
{
  GHashTable *statuses = ra_run_results_get_statuses (self->results);
  GHashTableIter iter;
  gpointer status;

  if (self->history == NULL || ra_history_run_get_id (self->run) <= 0)
    return;

  ra_history_set_device_statuses_async (self->history, ra_history_run_get_id (self->run), statuses,
                                        ra_run_results_get_names (self->results), NULL,
                                        statuses_written_cb, NULL);

  ra_history_run_clear_status_counts (self->run);
  g_hash_table_iter_init (&iter, statuses);
  while (g_hash_table_iter_next (&iter, NULL, &status))
    {
      GHashTable *counts = ra_history_run_get_status_counts (self->run);
      guint count = counts != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (counts, status)) : 0;

      ra_history_run_set_status_count (self->run, status, count + 1);
    }
  ra_history_update_async (self->history, self->run, NULL, counts_written_cb, NULL);
}

static void
results_state_cb (RaHistoryDetail *self)
{
  if (ra_run_results_get_state (self->results) == RA_RUN_RESULTS_STATE_LOADED)
    keep_results (self);
  update_results (self);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RaHistoryDetail) self = user_data;
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer device, status;

  stored = ra_history_get_device_statuses_finish (RA_HISTORY (object), result, &error);
  if (stored == NULL)
    {
      /* Only what was kept is missing: the run itself is shown. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The device statuses of the run could not be read: %s", error->message);
      return;
    }

  g_clear_pointer (&self->stored, g_hash_table_unref);
  self->stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, stored);
  while (g_hash_table_iter_next (&iter, &device, &status))
    g_hash_table_replace (self->stored, g_ascii_strdown (device, -1), g_strdup (status));
  update_results (self);
}

static void
session_client_cb (RaHistoryDetail *self)
{
  if (self->results != NULL)
    ra_run_results_load (self->results);
}

static void
devices_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RaHistoryDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  GStrv devices;

  devices = ra_history_get_devices_finish (RA_HISTORY (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (devices == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->devices_group),
                                             error->message);
      return;
    }

  g_strfreev (self->devices);
  self->devices = devices;
  show_devices (self);
  update_results (self);
}

static GtkWidget *
new_group (GtkWidget  *page,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  return group;
}

static void
build (RaHistoryDetail *self,
       RaHistory       *history)
{
  RaHistoryRun *run = self->run;
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group;
  GHashTable *parameters;
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (ra_history_run_get_time (run));
  g_autofree char *when = time != NULL ? ra_format_date_time (time) : NULL;
  g_autofree char *account = describe_account (run);
  g_autofree char *expiry = ra_format_minutes (ra_history_run_get_expires_in_minutes (run));
  g_autofree char *n_devices = NULL;
  guint n = ra_history_run_get_n_devices (run);

  group = new_group (page, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_action_row (_("_Run Again"),
                                             _("The same action, values and devices, to check before running"),
                                             "detail.run-again"));
  self->failed_row = new_action_row (_("Run Again on _Failed Devices"), NULL,
                                     "detail.run-again-failed");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->failed_row);

  group = new_group (page, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_value_row (_("Action"), ra_history_run_get_action_name (run)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_value_row (_("NQL ID"), ra_history_run_get_action_id (run)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_value_row (_("Time"), when));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_value_row (_("Account"), account));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_value_row (_("Outcome"),
                                            ra_format_outcome (ra_history_run_get_outcome (run))));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_value_row (_("Request ID"), ra_history_run_get_request_id (run)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), new_value_row (_("Expires After"), expiry));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_value_row (_("Reason"), ra_history_run_get_reason (run)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_value_row (_("Ticket Reference"),
                                            ra_history_run_get_external_reference (run)));

  parameters = ra_history_run_get_parameters (run);
  if (g_hash_table_size (parameters) > 0)
    {
      g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (parameters),
                                           (GCompareFunc) g_strcmp0);

      group = new_group (page, _("Values"));
      for (GList *l = keys; l != NULL; l = l->next)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   new_value_row (l->data, g_hash_table_lookup (parameters, l->data)));
    }

  group = new_group (page, _("Device Results"));
  self->results_row = new_action_row (_("_Show Device Results"), NULL, "detail.device-results");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->results_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_action_row (_("_Export Device Results as CSV…"), NULL,
                                             "detail.export-results"));

  n_devices = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u Device", "%'u Devices", n), n);
  self->devices_group = new_group (page, n_devices);

  adw_bin_set_child (ADW_BIN (self), page);

  self->cancellable = g_cancellable_new ();
  ra_history_get_devices_async (history, ra_history_run_get_id (run), self->cancellable,
                                devices_cb, g_object_ref (self));
  ra_history_get_device_statuses_async (history, ra_history_run_get_id (run), self->cancellable,
                                        stored_cb, g_object_ref (self));

  if (self->session != NULL)
    {
      self->results = ra_run_results_new (self->session, run);
      g_signal_connect_object (self->results, "notify::state", G_CALLBACK (results_state_cb), self,
                               G_CONNECT_SWAPPED);
      ra_run_results_load (self->results);
    }
  update_results (self);
}

/* Actions */

static void
run_again_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RaHistoryDetail *self = RA_HISTORY_DETAIL (widget);
  gboolean failed_only = g_str_equal (action_name, "detail.run-again-failed");
  char **devices = failed_only ? self->failed : self->devices;

  /* Not before the devices are read: a form without them is no repeat. */
  if (self->run == NULL || devices == NULL)
    return;

  g_signal_emit (self, signals[RUN_AGAIN], 0, devices, failed_only);
}

static void
device_results_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RaHistoryDetail *self = RA_HISTORY_DETAIL (widget);
  g_autoptr(GDateTime) started = NULL;
  RaDeviceResultsWindow *window;

  if (self->run == NULL || ra_history_run_get_request_id (self->run) == NULL)
    return;

  window = ra_device_results_window_present_for (widget, self->session,
                                                 ra_history_run_get_request_id (self->run),
                                                 ra_history_run_get_action_name (self->run),
                                                 ra_history_run_get_n_devices (self->run));
  /* What the history knows of the run: the window tells the devices
   * that never reported, and refreshes while the request lasts. */
  started = g_date_time_new_from_unix_utc (ra_history_run_get_time (self->run));
  ra_device_results_window_set_run (window, started, ra_history_run_get_expires_in_minutes (self->run),
                                    (const char * const *) self->devices, NULL);
  if (ra_history_run_get_action_id (self->run) != NULL)
    ra_device_results_window_read_outputs (window, ra_history_run_get_action_id (self->run));
}

static void
export_chosen_cb (GFile    *file,
                  gpointer  user_data)
{
  ra_history_detail_export_results_async (RA_HISTORY_DETAIL (user_data), file, NULL, NULL, NULL);
}

static void
export_results_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RaHistoryDetail *self = RA_HISTORY_DETAIL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;

  if (self->results == NULL || ra_run_results_get_result (self->results) == NULL)
    return;

  name = ra_csv_export_file_name ("remote-actions-device-results");
  ra_csv_export_choose (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                        _("Export Device Results"), name,
                        export_chosen_cb, g_object_ref (self), g_object_unref);
}

static void
ra_history_detail_dispose (GObject *object)
{
  RaHistoryDetail *self = RA_HISTORY_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->results != NULL)
    ra_run_results_cancel (self->results);
  g_clear_object (&self->results);
  g_clear_object (&self->session);
  g_clear_object (&self->history);
  g_clear_object (&self->run);
  g_clear_pointer (&self->stored, g_hash_table_unref);
  g_clear_pointer (&self->devices, g_strfreev);
  g_clear_pointer (&self->failed, g_strfreev);
  g_clear_pointer (&self->failed_note, g_free);
  g_clear_pointer (&self->status_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (ra_history_detail_parent_class)->dispose (object);
}

static void
ra_history_detail_class_init (RaHistoryDetailClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ra_history_detail_dispose;

  signals[RUN_AGAIN] =
    g_signal_new ("run-again", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRV, G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "detail.run-again", NULL, run_again_cb);
  gtk_widget_class_install_action (widget_class, "detail.run-again-failed", NULL, run_again_cb);
  gtk_widget_class_install_action (widget_class, "detail.device-results", NULL, device_results_cb);
  gtk_widget_class_install_action (widget_class, "detail.export-results", NULL, export_results_cb);
}

static void
ra_history_detail_init (RaHistoryDetail *self)
{
  self->status_labels = g_ptr_array_new ();
}

void
ra_history_detail_set_run (RaHistoryDetail *self,
                           RaHistory       *history,
                           RaHistoryRun    *run)
{
  g_return_if_fail (RA_IS_HISTORY_DETAIL (self));
  g_return_if_fail (RA_IS_HISTORY (history));
  g_return_if_fail (run == NULL || RA_IS_HISTORY_RUN (run));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->results != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->results, self);
      ra_run_results_cancel (self->results);
    }
  g_clear_object (&self->results);
  g_clear_pointer (&self->devices, g_strfreev);
  g_clear_pointer (&self->stored, g_hash_table_unref);
  g_clear_pointer (&self->failed, g_strfreev);
  g_clear_pointer (&self->failed_note, g_free);
  g_ptr_array_set_size (self->status_labels, 0);
  g_set_object (&self->history, history);
  self->devices_group = NULL;
  self->failed_row = NULL;
  self->results_row = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);

  g_set_object (&self->run, run);
  if (run != NULL)
    build (self, history);
}

RaHistoryRun *
ra_history_detail_get_run (RaHistoryDetail *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_DETAIL (self), NULL);

  return self->run;
}

const char * const *
ra_history_detail_get_devices (RaHistoryDetail *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_DETAIL (self), NULL);

  return (const char * const *) self->devices;
}

RaRunResults *
ra_history_detail_get_results (RaHistoryDetail *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_DETAIL (self), NULL);

  return self->results;
}

const char *
ra_history_detail_get_failed_note (RaHistoryDetail *self)
{
  g_return_val_if_fail (RA_IS_HISTORY_DETAIL (self), NULL);

  return self->failed_note;
}

void
ra_history_detail_set_session (RaHistoryDetail *self,
                               RaSession       *session)
{
  g_return_if_fail (RA_IS_HISTORY_DETAIL (self));
  g_return_if_fail (session == NULL || RA_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::client", G_CALLBACK (session_client_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::results-query-id", G_CALLBACK (session_client_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

void
ra_history_detail_export_results_async (RaHistoryDetail     *self,
                                        GFile               *file,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GBytes) contents = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *toasts = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  RaNqlResult *answer;

  g_return_if_fail (RA_IS_HISTORY_DETAIL (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->results != NULL && ra_run_results_get_result (self->results) != NULL);

  answer = ra_run_results_get_result (self->results);
  contents = ra_device_results_to_csv (answer);
  ra_csv_export_write_async (self, file, contents, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                             toasts != NULL ? ADW_TOAST_OVERLAY (toasts) : NULL, cancellable,
                             callback, user_data);
}

gboolean
ra_history_detail_export_results_finish (RaHistoryDetail  *self,
                                         GAsyncResult     *result,
                                         GError          **error)
{
  g_return_val_if_fail (RA_IS_HISTORY_DETAIL (self), FALSE);

  return ra_csv_export_write_finish (result, error);
}
