/* ra-confirm-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-confirm-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-account.h"
#include "ra-action-input.h"
#include "ra-client.h"
#include "ra-confirm-dialog.h"
#include "ra-endpoint.h"
#include "ra-format.h"

/* The devices named in the summary; the rest are counted. */
#define N_DEVICES_NAMED 3

struct _RaConfirmDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *count_entry;
  GtkWidget        *repeat_box;
  GtkWidget        *repeat_row;
  GtkWidget        *devices_row;
  RaExecutionRequest *request;
  guint             n_devices;
};

G_DEFINE_FINAL_TYPE (RaConfirmDialog, ra_confirm_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
count_matches (const char *text,
               guint       n_devices)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *expected = g_strdup_printf ("%u", n_devices);

  /* People write thousands with separators; nothing else is forgiven. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        g_string_append_c (digits, (char) c);
      else if (c == ',' || c == '.' || c == '\'' || g_unichar_isspace (c) ||
               c == 0x00A0 || c == 0x202F)
        continue;
      else
        return FALSE;
    }

  return g_str_equal (digits->str, expected);
}

static void
count_changed_cb (RaConfirmDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->count_entry));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self),
                                           RA_CONFIRM_RESPONSE_RUN,
                                           count_matches (text, self->n_devices));
}

static void
count_activate_cb (RaConfirmDialog *self)
{
  if (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self),
                                               RA_CONFIRM_RESPONSE_RUN))
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), RA_CONFIRM_RESPONSE_RUN);
}

static void
ra_confirm_dialog_finalize (GObject *object)
{
  RaConfirmDialog *self = RA_CONFIRM_DIALOG (object);

  g_clear_object (&self->request);

  G_OBJECT_CLASS (ra_confirm_dialog_parent_class)->finalize (object);
}

static void
ra_confirm_dialog_class_init (RaConfirmDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_confirm_dialog_finalize;
}

static void
ra_confirm_dialog_init (RaConfirmDialog *self)
{
}

static GtkWidget *
add_summary_row (GtkWidget  *list,
                 const char *title,
                 const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "ra-summary-row");
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  return row;
}

static const char *
input_name_for_id (RaRemoteAction *action,
                   const char     *id)
{
  GListModel *inputs = ra_remote_action_get_inputs (action);
  guint n = g_list_model_get_n_items (inputs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaActionInput) input = g_list_model_get_item (inputs, i);

      if (g_strcmp0 (ra_action_input_get_id (input), id) == 0)
        return ra_action_input_get_name (input);
    }

  return id;
}

/* The first devices, one a line, then how many more: what the run goes
 * to, whichever action the list was made for. Those typed by name come
 * first, each named with the start of its ID, "PC-042 (1b2c6d0e…)". */
static char *
describe_devices (RaExecutionRequest *request,
                  GHashTable         *names_by_uid)
{
  const char * const *devices = ra_execution_request_get_devices (request);
  guint n = ra_execution_request_get_n_devices (request);
  /* "and 1 more" takes the line the device would. */
  guint n_named = n <= N_DEVICES_NAMED + 1 ? n : N_DEVICES_NAMED;
  g_autoptr(GPtrArray) order = g_ptr_array_sized_new (n_named);
  GString *text = g_string_new (NULL);

  for (guint pass = 0; pass < 2 && order->len < n_named; pass++)
    for (guint i = 0; i < n && order->len < n_named; i++)
      {
        gboolean has_name = names_by_uid != NULL &&
                            g_hash_table_contains (names_by_uid, devices[i]);

        if (has_name == (pass == 0))
          g_ptr_array_add (order, (gpointer) devices[i]);
      }

  for (guint i = 0; i < order->len; i++)
    {
      const char *device = g_ptr_array_index (order, i);
      const char *name = names_by_uid != NULL ? g_hash_table_lookup (names_by_uid, device) : NULL;

      if (i > 0)
        g_string_append_c (text, '\n');
      if (name != NULL)
        /* Translators: a device name, then the start of its collector ID */
        g_string_append_printf (text, _("%s (%.8s…)"), name, device);
      else
        g_string_append (text, device);
    }

  if (n > n_named)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              /* Translators: after the first few devices of a run */
                              ngettext ("and %'u more", "and %'u more", n - n_named),
                              n - n_named);
    }

  return g_string_free (text, FALSE);
}

/* The instance the client talks to, as "acme (eu)", after the account's
 * name when it has one of its own. */
static char *
describe_instance (RaSession *session)
{
  RaEndpoint *endpoint = ra_client_get_endpoint (ra_session_get_client (session));
  RaAccount *account = ra_session_get_account (session);
  const char *name = account != NULL ? ra_account_get_display_name (account) : NULL;
  g_autofree char *instance = NULL;

  instance = g_strdup_printf ("%s (%s)", ra_endpoint_get_instance (endpoint),
                              ra_endpoint_get_region (endpoint));
  if (name == NULL || name[0] == '\0' || g_str_equal (name, instance))
    return g_steal_pointer (&instance);

  /* Translators: an account's name, then its instance and region, "acme (eu)" */
  return g_strdup_printf (_("%s — %s"), name, instance);
}

/* Where the run goes is part of the question: the same devices may be
 * known to two instances. */
static char *
build_heading (RaRemoteAction *action,
               RaSession      *session)
{
  const char *name = ra_remote_action_get_name (action);
  g_autofree char *instance = NULL;

  if (session == NULL || ra_session_get_client (session) == NULL)
    /* Translators: %s is the name of a remote action */
    return g_strdup_printf (_("Run “%s”?"), name);

  if (ra_session_get_demo (session))
    /* Translators: %s is the name of a remote action */
    return g_strdup_printf (_("Run “%s” on the demo instance?"), name);

  instance = describe_instance (session);
  /* Translators: a remote action, then the instance it runs on, "acme (eu)" */
  return g_strdup_printf (_("Run “%s” on %s?"), name, instance);
}

static GtkWidget *
build_summary (RaConfirmDialog    *self,
               RaRemoteAction     *action,
               RaExecutionRequest *request)
{
  GtkWidget *list = gtk_list_box_new ();
  GListModel *inputs = ra_remote_action_get_inputs (action);
  GHashTable *params = ra_execution_request_get_params (request);
  guint n_inputs = g_list_model_get_n_items (inputs);
  guint expiry = ra_execution_request_get_expires_in_minutes (request);
  const char *reason = ra_execution_request_get_reason (request);
  const char *reference = ra_execution_request_get_external_reference (request);
  g_autofree char *purpose = ra_format_action_purpose (action);
  g_autofree char *devices = describe_devices (request, NULL);
  g_autofree char *expiry_text = NULL;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  add_summary_row (list, _("Purpose"), purpose);
  self->devices_row = add_summary_row (list, _("Devices"), devices);

  if (expiry > 0)
    expiry_text = ra_format_minutes (expiry);
  else
    expiry_text = g_strdup (_("The server’s default"));
  add_summary_row (list, _("Expires After"), expiry_text);

  /* In the action's order, which is how its owner thinks of them. */
  for (guint i = 0; i < n_inputs; i++)
    {
      g_autoptr(RaActionInput) input = g_list_model_get_item (inputs, i);
      const char *value = g_hash_table_lookup (params, ra_action_input_get_id (input));

      add_summary_row (list, ra_action_input_get_name (input),
                       value != NULL ? value : _("Not sent: the script’s default"));
    }

  /* Anything not in the action's inputs still goes to the server. */
  if (g_hash_table_size (params) > 0)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, params);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (input_name_for_id (action, key) == key)
          add_summary_row (list, key, value);
    }

  if (reason != NULL && reason[0] != '\0')
    add_summary_row (list, _("Reason"), reason);
  if (reference != NULL && reference[0] != '\0')
    add_summary_row (list, _("Ticket"), reference);

  return list;
}

RaConfirmDialog *
ra_confirm_dialog_new (GtkWindow          *parent,
                       RaRemoteAction     *action,
                       RaExecutionRequest *request,
                       RaSession          *session,
                       guint               threshold)
{
  RaConfirmDialog *self;
  GtkWidget *box, *scroller, *icon;
  RaPurpose purpose;
  guint n_devices;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *run_label = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (action), NULL);
  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (request), NULL);
  g_return_val_if_fail (session == NULL || RA_IS_SESSION (session), NULL);

  n_devices = ra_execution_request_get_n_devices (request);
  purpose = ra_remote_action_get_purpose (action);

  heading = build_heading (action, session);

  if (purpose & RA_PURPOSE_REMEDIATION)
    body = g_strdup_printf (ngettext ("This remediation action will change %'u device.",
                                      "This remediation action will change %'u devices.",
                                      n_devices),
                            n_devices);
  else
    body = g_strdup_printf (ngettext ("This action will collect data from %'u device.",
                                      "This action will collect data from %'u devices.",
                                      n_devices),
                            n_devices);

  self = g_object_new (RA_TYPE_CONFIRM_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", heading,
                       "body", body,
                       "close-response", RA_CONFIRM_RESPONSE_CANCEL,
                       NULL);
  self->n_devices = n_devices;
  self->request = g_object_ref (request);

  run_label = g_strdup_printf (ngettext ("_Run on %'u Device", "_Run on %'u Devices", n_devices),
                               n_devices);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    RA_CONFIRM_RESPONSE_CANCEL, _("_Cancel"),
                                    RA_CONFIRM_RESPONSE_RUN, run_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self),
                                              RA_CONFIRM_RESPONSE_RUN,
                                              (purpose & RA_PURPOSE_REMEDIATION)
                                                ? ADW_RESPONSE_DESTRUCTIVE
                                                : ADW_RESPONSE_SUGGESTED);
  /* Enter must not change a fleet: only a data collection runs on it. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self),
                                           (purpose & RA_PURPOSE_REMEDIATION)
                                             ? RA_CONFIRM_RESPONSE_CANCEL
                                             : RA_CONFIRM_RESPONSE_RUN);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  /* A row, where the text wraps beside the icon as it should. */
  self->repeat_row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->repeat_row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self->repeat_row), 0);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (self->repeat_row), icon);
  self->repeat_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->repeat_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->repeat_box, "boxed-list");
  gtk_widget_add_css_class (self->repeat_box, "ra-repeat-warning");
  gtk_list_box_append (GTK_LIST_BOX (self->repeat_box), self->repeat_row);
  gtk_widget_set_visible (self->repeat_box, FALSE);
  gtk_box_append (GTK_BOX (box), self->repeat_box);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller),
                                 build_summary (self, action, request));
  gtk_box_append (GTK_BOX (box), scroller);

  if (n_devices > threshold)
    {
      g_autofree char *prompt = NULL;
      GtkWidget *label;

      prompt = g_strdup_printf (ngettext ("To confirm, type the number of devices (%'u).",
                                          "To confirm, type the number of devices (%'u).",
                                          n_devices),
                                n_devices);
      label = gtk_label_new (prompt);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);

      self->count_entry = gtk_entry_new ();
      gtk_entry_set_input_purpose (GTK_ENTRY (self->count_entry), GTK_INPUT_PURPOSE_DIGITS);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Number of devices"),
                                      -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->count_entry),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL,
                                      -1);
      gtk_box_append (GTK_BOX (box), self->count_entry);

      g_signal_connect_swapped (self->count_entry, "changed",
                                G_CALLBACK (count_changed_cb), self);
      g_signal_connect_swapped (self->count_entry, "activate",
                                G_CALLBACK (count_activate_cb), self);

      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self),
                                               RA_CONFIRM_RESPONSE_RUN, FALSE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self),
                                               RA_CONFIRM_RESPONSE_CANCEL);
    }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);

  /* The number is what is asked: typing it is the first thing to do. */
  if (self->count_entry != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), self->count_entry);

  return self;
}

GtkEditable *
ra_confirm_dialog_get_count_entry (RaConfirmDialog *self)
{
  g_return_val_if_fail (RA_IS_CONFIRM_DIALOG (self), NULL);

  return self->count_entry ? GTK_EDITABLE (self->count_entry) : NULL;
}

/* "2 minutes ago", or the time of day for a run more than an hour ago. */
static char *
describe_when (GDateTime *started,
               GDateTime *now)
{
  GTimeSpan ago = g_date_time_difference (now, started);
  g_autofree char *time = NULL;
  guint minutes;

  if (ago < G_TIME_SPAN_MINUTE)
    return g_strdup (_("less than a minute ago"));

  if (ago < G_TIME_SPAN_HOUR)
    {
      minutes = (guint) (ago / G_TIME_SPAN_MINUTE);
      return g_strdup_printf (ngettext ("%'u minute ago", "%'u minutes ago", minutes), minutes);
    }

  time = g_date_time_format (started, "%X");
  /* Translators: %s is a time of day, "14:05:10" */
  return g_strdup_printf (_("at %s"), time);
}

void
ra_confirm_dialog_set_repeated_run (RaConfirmDialog *self,
                                    RaSessionRun    *run,
                                    GDateTime       *now)
{
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (RA_IS_CONFIRM_DIALOG (self));
  g_return_if_fail (run == NULL || RA_IS_SESSION_RUN (run));

  gtk_widget_set_visible (self->repeat_box, run != NULL);
  if (run == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->repeat_row), "");
      return;
    }

  g_return_if_fail (now != NULL);

  when = describe_when (ra_session_run_get_started (run), now);
  if (ra_session_run_get_outcome (run) == RA_EXECUTION_OUTCOME_STARTED)
    /* Translators: %s says when: "2 minutes ago", "at 14:05:10" */
    text = g_strdup_printf (_("You ran this on the same devices %s."), when);
  else
    /* Translators: %s says when: "2 minutes ago", "at 14:05:10" */
    text = g_strdup_printf (_("This may already have run on the same devices %s: its outcome is not known."),
                            when);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->repeat_row), text);

  /* Enter must not run it twice by accident. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), RA_CONFIRM_RESPONSE_CANCEL);
}

const char *
ra_confirm_dialog_get_repeat_warning (RaConfirmDialog *self)
{
  g_return_val_if_fail (RA_IS_CONFIRM_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (self->repeat_box))
    return NULL;

  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->repeat_row));
}

void
ra_confirm_dialog_set_device_names (RaConfirmDialog *self,
                                    GHashTable      *names_by_uid)
{
  g_autofree char *devices = NULL;

  g_return_if_fail (RA_IS_CONFIRM_DIALOG (self));

  devices = describe_devices (self->request, names_by_uid);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->devices_row), devices);
}
