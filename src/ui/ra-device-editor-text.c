/* ra-device-editor-text.c — the devices editor's text: parsed in a
 * worker thread as it changes, long pastes and imports put in piece by
 * piece, and kept within its limit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ra-device-editor-private.h"
#include "ra-device-words.h"

/* Long enough to skip parsing between keystrokes, short enough that the
 * count follows the typing. Parsing runs in a worker thread; the pause
 * only saves work. */
#define PARSE_DELAY_MS 200
/* A paste up to this size goes in at once, as GtkTextView would put it:
 * it takes well under a millisecond. */
#define PASTE_AT_ONCE_BYTES 4096
#define MAX_TEXT_CHARS RA_DEVICE_EDITOR_MAX_TEXT_CHARS

typedef struct
{
  /* A NUL-terminated string (see string_bytes_new()). */
  GBytes  *text;
  guint64  generation;
  gboolean names;       /* device names are entries too */
} ParseJob;

static void
parse_job_free (gpointer data)
{
  ParseJob *job = data;

  g_clear_pointer (&job->text, g_bytes_unref);
  g_free (job);
}

GtkTextBuffer *
ra_device_editor_get_buffer (RaDeviceEditor *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
}

static GtkTextBuffer *
get_buffer (RaDeviceEditor *self)
{
  return ra_device_editor_get_buffer (self);
}

/* Texts pass around as GBytes, so that a paste can go from the clipboard
 * to the buffer and the parser without a copy; each holds a string,
 * followed by its NUL. Takes text. */
static GBytes *
string_bytes_new (char *text)
{
  return g_bytes_new_take (text, strlen (text));
}

void
ra_device_editor_update_busy (RaDeviceEditor *self)
{
  gboolean busy = ra_device_editor_text_busy (self);

  if (busy == self->busy)
    return;

  self->busy = busy;
  gtk_widget_set_sensitive (self->import_button, !busy);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->text_view), !busy);
  g_object_notify (G_OBJECT (self), "busy");
}

gboolean
ra_device_editor_importing (RaDeviceEditor *self)
{
  return self->import_cancellable != NULL ||
         self->import_parsing ||
         (self->feed != NULL && self->feed_is_import);
}

static void
apply_device_ids (RaDeviceEditor *self,
                  RaDeviceIds    *device_ids)
{
  g_clear_object (&self->device_ids);
  self->device_ids = device_ids;

  ra_device_editor_show_problems (self);
  ra_device_editor_show_names (self);
  ra_device_editor_update_devices (self);

  self->import_parsing = FALSE;
  self->paste_parsing = FALSE;
  ra_device_editor_update_busy (self);
}

void
ra_device_editor_cancel_parse (RaDeviceEditor *self)
{
  g_clear_handle_id (&self->parse_source, g_source_remove);

  if (self->parse_cancellable != NULL)
    g_cancellable_cancel (self->parse_cancellable);
  g_clear_object (&self->parse_cancellable);
}

void
ra_device_editor_parse_now (RaDeviceEditor *self)
{
  g_autofree char *text = NULL;

  ra_device_editor_cancel_parse (self);
  text = ra_device_editor_dup_buffer_text (self);
  if (ra_device_editor_names_enabled (self))
    apply_device_ids (self, ra_device_ids_parse_with_names (text, NULL));
  else
    apply_device_ids (self, ra_device_ids_parse (text));
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseJob *job = task_data;
  const char *text = g_bytes_get_data (job->text, NULL);
  RaDeviceIds *device_ids = job->names ? ra_device_ids_parse_with_names (text, cancellable)
                                       : ra_device_ids_parse_full (text, cancellable);

  /* The copy is not needed any more: freed here, not on the main thread. */
  g_clear_pointer (&job->text, g_bytes_unref);

  if (device_ids == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Superseded");
  else
    g_task_return_pointer (task, device_ids, g_object_unref);
}

static void
parse_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  RaDeviceEditor *self = (RaDeviceEditor *) object;
  ParseJob *job = g_task_get_task_data (G_TASK (result));
  RaDeviceIds *device_ids;

  /* Cancelled, by a newer change or by dispose, is not an error: the
   * newer parse brings the result. */
  device_ids = g_task_propagate_pointer (G_TASK (result), NULL);
  if (device_ids == NULL)
    return;

  if (g_task_get_cancellable (G_TASK (result)) != self->parse_cancellable ||
      job->generation != self->generation)
    {
      g_object_unref (device_ids);
      return;
    }

  g_clear_object (&self->parse_cancellable);
  apply_device_ids (self, device_ids);
}

/* Parses text (taken), a copy of what the buffer holds now, in a worker
 * thread, so that no paste, however large, stalls the window. */
static void
start_parse_text (RaDeviceEditor *self,
                  GBytes         *text)
{
  g_autoptr(GTask) task = NULL;
  ParseJob *job;

  ra_device_editor_cancel_parse (self);
  self->parse_cancellable = g_cancellable_new ();

  job = g_new0 (ParseJob, 1);
  job->text = text;
  job->generation = self->generation;
  job->names = ra_device_editor_names_enabled (self);

  task = g_task_new (self, self->parse_cancellable, parse_done_cb, NULL);
  g_task_set_source_tag (task, start_parse_text);
  g_task_set_task_data (task, job, parse_job_free);
  g_task_run_in_thread (task, parse_thread);
}

/* The buffer belongs to the main thread: the worker parses a copy. */
static void
start_parse (RaDeviceEditor *self)
{
  start_parse_text (self, string_bytes_new (ra_device_editor_dup_buffer_text (self)));
}

static gboolean
parse_timeout_cb (gpointer user_data)
{
  RaDeviceEditor *self = user_data;

  self->parse_source = 0;
  start_parse (self);

  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (RaDeviceEditor *self)
{
  gboolean empty = gtk_text_buffer_get_char_count (get_buffer (self)) == 0;

  gtk_widget_set_visible (self->placeholder, empty);
  gtk_widget_set_sensitive (self->clear_button, !empty);
  gtk_widget_set_visible (self->import_error_label, FALSE);

  /* A parse under way is of a text that is gone. */
  self->generation++;
  ra_device_editor_cancel_parse (self);

  /* A paste or import going in is parsed once, when it is all in. */
  if (self->feed == NULL)
    self->parse_source = g_timeout_add (PARSE_DELAY_MS, parse_timeout_cb, self);
}

void
ra_device_editor_show_import_error (RaDeviceEditor *self,
                                    const char     *message)
{
  gtk_label_set_text (GTK_LABEL (self->import_error_label), message);
  gtk_widget_set_visible (self->import_error_label, TRUE);
}

gboolean
ra_device_editor_fits (RaDeviceEditor *self,
                       const char     *text,
                       gssize          length)
{
  gsize n_chars = gtk_text_buffer_get_char_count (get_buffer (self));
  gsize n_bytes = length < 0 ? strlen (text) : (gsize) length;

  /* Characters take a byte or more: counting them (milliseconds for a
   * long paste) is needed only near the limit. */
  if (n_chars + n_bytes <= MAX_TEXT_CHARS)
    return TRUE;

  return n_chars + g_utf8_strlen (text, n_bytes) <= MAX_TEXT_CHARS;
}

static void
refuse_text (RaDeviceEditor *self)
{
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("The text was not added: the list of devices holds at most %'u characters."),
                             (guint) MAX_TEXT_CHARS);
  ra_device_editor_show_import_error (self, message);
  gtk_widget_error_bell (self->text_view);
}

/* Text beyond the limit is refused whole, with a message: cutting a
 * paste short could silently drop the very devices it was for. */
static void
insert_text_cb (RaDeviceEditor *self,
                GtkTextIter    *location,
                const char     *text,
                int             length,
                GtkTextBuffer  *buffer)
{
  if (ra_device_editor_fits (self, text, length))
    return;

  g_signal_stop_emission_by_name (buffer, "insert-text");
  refuse_text (self);
}

static void
feed_finished_cb (RaDeviceEditor *self,
                  RaTextFeed     *feed)
{
  g_assert (feed == self->feed);

  /* Busy until the text that went in bit by bit is counted; a paste that
   * went in at once was never busy, and is counted as typing is. */
  if (self->feed_is_import)
    self->import_parsing = TRUE;
  else if (self->busy)
    self->paste_parsing = TRUE;

  start_parse_text (self, ra_text_feed_dup_buffer_text (feed));
  g_clear_object (&self->feed);
  ra_device_editor_update_busy (self);
}

void
ra_device_editor_run_feed (RaDeviceEditor *self,
                           RaTextFeed     *feed,
                           gboolean        is_import)
{
  g_assert (self->feed == NULL);

  self->feed = feed;
  self->feed_is_import = is_import;
  g_signal_connect_object (feed, "finished",
                           G_CALLBACK (feed_finished_cb), self,
                           G_CONNECT_SWAPPED);

  if (ra_text_feed_run (feed))
    return;

  /* The count would be of a text that is changing: say what is going on
   * until the new count is known. */
  gtk_label_set_text (GTK_LABEL (self->summary_label),
                      is_import ? _("Importing…") : _("Pasting…"));
  ra_device_editor_update_busy (self);
}

/* So that what follows comes after it. */
void
ra_device_editor_complete_feed (RaDeviceEditor *self)
{
  if (self->feed != NULL)
    ra_text_feed_complete (self->feed);
  g_assert (self->feed == NULL);
}

/* The rest of what was going in is dropped: for when the whole text is
 * replaced. */
void
ra_device_editor_cancel_feed (RaDeviceEditor *self)
{
  if (self->feed == NULL)
    return;

  ra_text_feed_cancel (self->feed);
  g_clear_object (&self->feed);
}

static void
paste_text (RaDeviceEditor *self,
            GBytes         *text)
{
  RaTextFeed *feed;

  /* A second paste follows the first in full. */
  ra_device_editor_complete_feed (self);

  /* A long text is refused whole, before the selection it would replace
   * is gone (a short one by insert_text_cb()). */
  if (g_bytes_get_size (text) > PASTE_AT_ONCE_BYTES &&
      !ra_device_editor_fits (self, g_bytes_get_data (text, NULL), g_bytes_get_size (text)))
    {
      refuse_text (self);
      return;
    }

  feed = ra_text_feed_paste (GTK_TEXT_VIEW (self->text_view), text, PASTE_AT_ONCE_BYTES);
  if (feed != NULL)
    ra_device_editor_run_feed (self, feed, FALSE);
}

static void
read_clipboard_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RaDeviceEditor) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  const GValue *value;
  const char *text;

  /* Nothing to paste, or no text: nothing happens, as with GtkTextView. */
  value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, NULL);
  if (value == NULL || self->paste_cancellable == NULL ||
      (text = g_value_get_string (value)) == NULL)
    return;

  /* An import that began meanwhile made the text read-only. */
  if (ra_device_editor_importing (self))
    {
      gtk_widget_error_bell (self->text_view);
      return;
    }

  /* The value lives as long as the result: holding on to that spares a
   * copy (gdk_clipboard_read_text_finish() makes one) of what may be
   * megabytes, while the window waits. */
  bytes = g_bytes_new_with_free_func (text, strlen (text),
                                      g_object_unref, g_object_ref (result));
  paste_text (self, bytes);
}

static void
paste_clipboard_cb (RaDeviceEditor *self,
                    GtkTextView    *view)
{
  /* GtkTextView's own handler, which does nothing while the text is not
   * editable, stands for an import. */
  if (ra_device_editor_importing (self))
    return;

  g_signal_stop_emission_by_name (view, "paste-clipboard");
  gdk_clipboard_read_value_async (gtk_widget_get_clipboard (GTK_WIDGET (view)),
                                  G_TYPE_STRING, G_PRIORITY_DEFAULT,
                                  self->paste_cancellable,
                                  read_clipboard_cb, g_object_ref (self));
}

void
ra_device_editor_replace_text (RaDeviceEditor *self,
                               GBytes         *text,
                               gboolean        is_import)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;

  ra_device_editor_cancel_feed (self);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  ra_device_editor_run_feed (self, ra_text_feed_new (buffer, &start, text), is_import);
  gtk_text_buffer_end_user_action (buffer);
}

void
ra_device_editor_init_text (RaDeviceEditor *self)
{
  g_signal_connect_object (get_buffer (self), "changed",
                           G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (get_buffer (self), "insert-text",
                           G_CALLBACK (insert_text_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text_view, "paste-clipboard",
                           G_CALLBACK (paste_clipboard_cb), self,
                           G_CONNECT_SWAPPED);
  self->paste_cancellable = g_cancellable_new ();
}

void
ra_device_editor_dispose_text (RaDeviceEditor *self)
{
  ra_device_editor_cancel_parse (self);
  ra_device_editor_cancel_feed (self);
  if (self->paste_cancellable != NULL)
    g_cancellable_cancel (self->paste_cancellable);
  g_clear_object (&self->paste_cancellable);
}

char *
ra_device_editor_dup_buffer_text (RaDeviceEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (get_buffer (self), &start, &end);

  return gtk_text_buffer_get_text (get_buffer (self), &start, &end, FALSE);
}

/* Parses now what was typed or pasted, with all of a paste in. */
void
ra_device_editor_flush_text (RaDeviceEditor *self)
{
  ra_device_editor_complete_feed (self);
  if (self->parse_source != 0 || self->parse_cancellable != NULL)
    ra_device_editor_parse_now (self);
}

gboolean
ra_device_editor_text_busy (RaDeviceEditor *self)
{
  return ra_device_editor_importing (self) || self->feed != NULL || self->paste_parsing;
}
