/* ra-csv-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-csv-export"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-csv-export.h"
#include "ra-plain-text.h"

typedef struct
{
  RaCsvExportChosen chosen;
  gpointer          user_data;
  GDestroyNotify    destroy;
} Choice;

static void
choice_free (Choice *choice)
{
  if (choice->destroy != NULL)
    choice->destroy (choice->user_data);
  g_free (choice);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  Choice *choice = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        choice->chosen (file, choice->user_data);
    }

  choice_free (choice);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
ra_csv_export_choose (GtkWindow         *parent,
                      const char        *title,
                      const char        *file_name,
                      RaCsvExportChosen  chosen,
                      gpointer           user_data,
                      GDestroyNotify     destroy)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv_filter = gtk_file_filter_new ();
  Choice *choice;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (chosen != NULL);

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);

  gtk_file_filter_set_name (csv_filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv_filter, "text/csv");
  gtk_file_filter_add_suffix (csv_filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv_filter);

  choice = g_new0 (Choice, 1);
  choice->chosen = chosen;
  choice->user_data = user_data;
  choice->destroy = destroy;

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Writing */

typedef struct
{
  GFile           *file;
  GBytes          *contents;
  GtkWindow       *parent;
  AdwToastOverlay *toasts;
} Write;

static void
write_free (Write *write)
{
  g_clear_object (&write->file);
  g_clear_pointer (&write->contents, g_bytes_unref);
  g_clear_object (&write->parent);
  g_clear_object (&write->toasts);
  g_free (write);
}

static void
report (Write        *write,
        const GError *error)
{
  g_autofree char *name = g_file_get_basename (write->file);

  if (error == NULL)
    {
      g_autofree char *text = NULL;

      if (write->toasts == NULL)
        return;

      /* Translators: %s is the name of the file written */
      text = g_strdup_printf (_("Exported to “%s”"), name);
      adw_toast_overlay_add_toast (write->toasts, ra_plain_toast_new (text));
      return;
    }

  if (write->parent != NULL && gtk_widget_get_visible (GTK_WIDGET (write->parent)))
    {
      GtkWidget *dialog = adw_message_dialog_new (write->parent, _("Could Not Export"), NULL);

      /* Translators: %s is the name of the file; then why it could not be written */
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("“%s” could not be written: %s"), name, error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Write *write = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report (write, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  report (write, NULL);
  g_task_return_boolean (task, TRUE);
}

void
ra_csv_export_write_async (gpointer             source_object,
                           GFile               *file,
                           GBytes              *contents,
                           GtkWindow           *parent,
                           AdwToastOverlay     *toasts,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Write *write;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (contents != NULL);

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_csv_export_write_async);

  write = g_new0 (Write, 1);
  write->file = g_object_ref (file);
  write->contents = g_bytes_ref (contents);
  write->parent = parent != NULL ? g_object_ref (parent) : NULL;
  write->toasts = toasts != NULL ? g_object_ref (toasts) : NULL;
  g_task_set_task_data (task, write, (GDestroyNotify) write_free);

  g_file_replace_contents_bytes_async (file, contents, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                                       replaced_cb, g_steal_pointer (&task));
}

gboolean
ra_csv_export_write_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ra_csv_export_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
ra_csv_export_file_name (const char *name)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf ("%s-%s.csv", name, day);
}
