/* ra-confirm-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-confirm-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-action-input.h"
#include "ra-confirm-dialog.h"
#include "ra-format.h"

struct _RaConfirmDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *count_entry;
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
ra_confirm_dialog_class_init (RaConfirmDialogClass *klass)
{
}

static void
ra_confirm_dialog_init (RaConfirmDialog *self)
{
}

static void
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

static GtkWidget *
build_summary (RaRemoteAction     *action,
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
  g_autofree char *devices = g_strdup_printf ("%'u", ra_execution_request_get_n_devices (request));
  g_autofree char *expiry_text = NULL;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  add_summary_row (list, _("Purpose"), purpose);
  add_summary_row (list, _("Devices"), devices);

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
                       guint               threshold)
{
  RaConfirmDialog *self;
  GtkWidget *box, *scroller;
  RaPurpose purpose;
  guint n_devices;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *run_label = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RA_IS_REMOTE_ACTION (action), NULL);
  g_return_val_if_fail (RA_IS_EXECUTION_REQUEST (request), NULL);

  n_devices = ra_execution_request_get_n_devices (request);
  purpose = ra_remote_action_get_purpose (action);

  /* Translators: %s is the name of a remote action */
  heading = g_strdup_printf (_("Run “%s”?"), ra_remote_action_get_name (action));

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

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller),
                                 build_summary (action, request));
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
