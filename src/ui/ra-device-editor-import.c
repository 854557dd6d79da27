/* ra-device-editor-import.c — the devices editor's imports: a file
 * chosen or dropped, read in a worker thread, its devices put in place
 * of the list or added to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ra-device-editor-private.h"
#include "ra-error.h"

/* An imported file larger than this is refused before it is read: twice
 * what the list holds, as UTF-16 takes two bytes a character. */
#define MAX_IMPORT_BYTES (2 * RA_DEVICE_EDITOR_MAX_TEXT_CHARS)

#define RESPONSE_CANCEL  "cancel"
#define RESPONSE_ADD     "add"
#define RESPONSE_REPLACE "replace"

static char *
dup_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return path ? g_filename_display_basename (path) : g_file_get_parse_name (file);
}

/* Whether text, going in place of the list or after it, fits. */
static gboolean
import_fits (RaDeviceEditor *self,
             const char     *text)
{
  gsize n_bytes;

  if (!self->import_replaces)
    return ra_device_editor_fits (self, text, -1);

  n_bytes = strlen (text);
  return n_bytes <= RA_DEVICE_EDITOR_MAX_TEXT_CHARS ||
         g_utf8_strlen (text, n_bytes) <= RA_DEVICE_EDITOR_MAX_TEXT_CHARS;
}

static void
read_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RaDeviceEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GtkTextBuffer *buffer = ra_device_editor_get_buffer (self);
  GtkTextIter end;

  text = ra_device_ids_read_file_finish (result, &error);

  /* A newer import, or dispose, took over. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->import_cancellable)
    return;

  g_clear_object (&self->import_cancellable);

  if (text != NULL && !import_fits (self, text))
    {
      g_autofree char *name = dup_display_name (g_task_get_task_data (G_TASK (result)));

      g_clear_pointer (&text, g_free);
      g_set_error (&error, RA_ERROR, RA_ERROR_INVALID_INPUT,
                   _("“%s” is too large for a list of devices."), name);
    }

  if (text == NULL)
    {
      ra_device_editor_update_busy (self);
      ra_device_editor_show_import_error (self, error->message);
      return;
    }

  /* After a paste still going in; piece by piece, busy until the
   * imported devices are counted; one step to undo. */
  ra_device_editor_complete_feed (self);
  bytes = g_bytes_new_take (text, strlen (text));
  text = NULL;

  if (self->import_replaces)
    {
      ra_device_editor_replace_text (self, bytes, TRUE);
      return;
    }

  /* Added after what is there, on a line of its own. */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_end_iter (buffer, &end);
  if (!gtk_text_iter_is_start (&end) && !gtk_text_iter_starts_line (&end))
    gtk_text_buffer_insert (buffer, &end, "\n", 1);
  ra_device_editor_run_feed (self, ra_text_feed_new (buffer, &end, bytes), TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static void
start_import (RaDeviceEditor *self,
              GFile          *file,
              gboolean        replaces)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();
  self->import_replaces = replaces;

  gtk_widget_set_visible (self->import_error_label, FALSE);
  ra_device_editor_update_busy (self);

  ra_device_ids_read_file_async (file, MAX_IMPORT_BYTES, self->import_cancellable,
                                 read_file_cb, g_object_ref (self));
}

static void
import_dialog_response_cb (RaDeviceEditor   *self,
                           const char       *response,
                           AdwMessageDialog *dialog)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  if (self->import_dialog == GTK_WINDOW (dialog))
    self->import_dialog = NULL;

  if (g_str_equal (response, RESPONSE_REPLACE))
    start_import (self, file, TRUE);
  else if (g_str_equal (response, RESPONSE_ADD))
    start_import (self, file, FALSE);
}

static void
close_import_dialog (RaDeviceEditor *self)
{
  GtkWindow *dialog = g_steal_pointer (&self->import_dialog);

  if (dialog != NULL)
    gtk_window_destroy (dialog);
}

/* A list with devices in it is not replaced unasked, nor added to. */
static void
ask_how_to_import (RaDeviceEditor *self,
                   GFile          *file)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = dup_display_name (file);
  GtkWidget *dialog;

  close_import_dialog (self);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Replace the Devices?"), NULL);
  /* Translators: %s is a file name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The list already holds devices. Replace them with the devices of “%s”, or add these to the list?"),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    RESPONSE_CANCEL, _("_Cancel"),
                                    RESPONSE_ADD, _("_Add"),
                                    RESPONSE_REPLACE, _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), RESPONSE_REPLACE,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), RESPONSE_ADD);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), RESPONSE_CANCEL);

  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (import_dialog_response_cb), self,
                           G_CONNECT_SWAPPED);

  self->import_dialog = GTK_WINDOW (dialog);
  gtk_window_present (self->import_dialog);
}

void
ra_device_editor_start_import (RaDeviceEditor *self,
                               GFile          *file)
{
  if (gtk_text_buffer_get_char_count (ra_device_editor_get_buffer (self)) > 0)
    ask_how_to_import (self, file);
  else
    start_import (self, file, FALSE);
}

static void
file_chooser_response_cb (RaDeviceEditor       *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        ra_device_editor_start_import (self, file);
    }

  g_clear_object (&self->file_chooser);
}

void
ra_device_editor_import_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  RaDeviceEditor *self = (RaDeviceEditor *) widget;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) text_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->file_chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Devices"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (text_filter, _("CSV and Text Files"));
  gtk_file_filter_add_mime_type (text_filter, "text/csv");
  gtk_file_filter_add_mime_type (text_filter, "text/plain");
  gtk_file_filter_add_suffix (text_filter, "csv");
  gtk_file_filter_add_suffix (text_filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), text_filter);

  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);

  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (file_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->file_chooser);
}

static gboolean
drop_cb (RaDeviceEditor *self,
         const GValue   *value,
         double          x,
         double          y)
{
  GSList *files = g_value_get_boxed (value);

  /* One list at a time, like Import…; the text view takes dropped text. */
  if (files == NULL || !G_IS_FILE (files->data))
    return FALSE;

  ra_device_editor_start_import (self, files->data);

  return TRUE;
}

void
ra_device_editor_init_import (RaDeviceEditor *self)
{
  GtkDropTarget *drop;

  /* In the capture phase, before the text view takes the file's URI as text. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (self->drop_area, GTK_EVENT_CONTROLLER (drop));
}

void
ra_device_editor_dispose_import (RaDeviceEditor *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  close_import_dialog (self);
}
