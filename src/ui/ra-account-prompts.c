/* ra-account-prompts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-account-prompts"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-account-prompts.h"

GtkWidget *
ra_notice_dialog_new (GtkWindow  *parent,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  return dialog;
}

GtkWidget *
ra_missing_secret_dialog_new (GtkWindow  *parent,
                              const char *title,
                              const char *body)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the account name */
  heading = g_strdup_printf (_("Cannot Connect to “%s”"), title);
  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "edit", _("_Enter Client Secret…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "edit",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "edit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  return dialog;
}

GtkWidget *
ra_session_secret_dialog_new (GtkWindow    *parent,
                              const char   *title,
                              GtkEditable **entry_out)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *row;

  /* Translators: %s is the account name */
  heading = g_strdup_printf (_("Client Secret for “%s”"), title);
  dialog = adw_message_dialog_new (parent, heading,
                                   _("The client secret is kept in memory for this session "
                                     "only and forgotten when Remote Actions quits."));
  /* The row the account editor uses for the secret, not a
   * GtkPasswordEntry: GTK 4.8's warns about a dangling caps-lock handler
   * once its dialog is gone. */
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  row = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Client Secret"));
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "connect", _("C_onnect"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "connect",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "connect");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  *entry_out = GTK_EDITABLE (row);
  return dialog;
}

GtkWidget *
ra_remove_account_dialog_new (GtkWindow  *parent,
                              const char *title)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the account name */
  heading = g_strdup_printf (_("Remove “%s”?"), title);
  dialog = adw_message_dialog_new (parent, heading,
                                   _("The account and its client secret are removed from this "
                                     "computer. The API credentials in Nexthink are not "
                                     "affected."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  return dialog;
}
