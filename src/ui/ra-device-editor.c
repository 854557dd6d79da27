/* ra-device-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ra-device-editor.h"
#include "ra-error.h"
#include "ra-device-words.h"
#include "ra-text-feed.h"

/* Long enough to skip parsing between keystrokes, short enough that the
 * count follows the typing. Parsing runs in a worker thread; the pause
 * only saves work. */
#define PARSE_DELAY_MS 200
/* How many invalid entries are listed before "and N more". */
#define MAX_LISTED_INVALID 5
/* The most text the list holds: 10,000 IDs take 370,000 characters, and
 * a CSV export of them with a dozen columns a few megabytes. Beyond
 * this, the text view itself stops being quick. */
#define MAX_TEXT_CHARS (8 * 1024 * 1024)
/* An imported file larger than this is refused before it is read (UTF-16
 * takes two bytes a character). */
#define MAX_IMPORT_BYTES (2 * MAX_TEXT_CHARS)
#define IMPORT_CHUNK_BYTES (64 * 1024)
/* A paste up to this size goes in at once, as GtkTextView would put it:
 * it takes well under a millisecond. */
#define PASTE_AT_ONCE_BYTES 4096

struct _RaDeviceEditor
{
  AdwBin         parent_instance;

  GtkWidget     *text_view;
  GtkWidget     *drop_area;
  GtkWidget     *placeholder;
  GtkWidget     *import_button;
  GtkWidget     *clear_button;
  GtkWidget     *summary_label;
  GtkWidget     *invalid_box;
  GtkWidget     *import_error_label;

  RaDeviceIds   *device_ids;
  char          *problem;
  guint          parse_source;
  /* Counts changes of the text; a parse result is applied only when it
   * was made from the current one. */
  guint64        generation;
  GCancellable  *parse_cancellable;
  GCancellable  *import_cancellable;
  /* Set while an imported text waits for its parse: still busy. */
  gboolean       import_parsing;
  /* The same for a paste that went in piece by piece. */
  gboolean       paste_parsing;
  /* A long paste or import going into the text; the text is not
   * editable meanwhile. Parsing waits until it is all in. */
  RaTextFeed    *feed;
  gboolean       feed_is_import;
  /* What "busy" last said. */
  gboolean       busy;
  /* Clipboard reads under way; cancelled (and cleared) by dispose. */
  GCancellable  *paste_cancellable;
  GtkNativeDialog *file_chooser;
};


typedef struct
{
  /* A NUL-terminated string (see string_bytes_new()). */
  GBytes  *text;
  guint64  generation;
} ParseJob;

static void
parse_job_free (gpointer data)
{
  ParseJob *job = data;

  g_clear_pointer (&job->text, g_bytes_unref);
  g_free (job);
}

G_DEFINE_FINAL_TYPE (RaDeviceEditor, ra_device_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DEVICE_IDS,
  PROP_PROBLEM,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkTextBuffer *
get_buffer (RaDeviceEditor *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
}

/* Texts pass around as GBytes, so that a paste can go from the clipboard
 * to the buffer and the parser without a copy; each holds a string,
 * followed by its NUL. Takes text. */
static GBytes *
string_bytes_new (char *text)
{
  return g_bytes_new_take (text, strlen (text));
}

static void
update_invalid_list (RaDeviceEditor *self)
{
  g_auto(GStrv) lines = ra_device_words_invalid_lines (self->device_ids, MAX_LISTED_INVALID);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->invalid_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->invalid_box), child);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (lines[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (GTK_BOX (self->invalid_box), label);
    }

  gtk_widget_set_visible (self->invalid_box, lines[0] != NULL);
}

static void
update_summary (RaDeviceEditor *self)
{
  g_autofree char *text = ra_device_words_summary (self->device_ids);

  gtk_label_set_text (GTK_LABEL (self->summary_label), text);
}

static void
update_busy (RaDeviceEditor *self)
{
  gboolean busy = ra_device_editor_get_busy (self);

  if (busy == self->busy)
    return;

  self->busy = busy;
  gtk_widget_set_sensitive (self->import_button, !busy);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->text_view), !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* While an import is read, added or counted, the text is not editable. */
static gboolean
importing (RaDeviceEditor *self)
{
  return self->import_cancellable != NULL ||
         self->import_parsing ||
         (self->feed != NULL && self->feed_is_import);
}

static void
apply_device_ids (RaDeviceEditor *self,
                  RaDeviceIds    *device_ids)
{
  g_autofree char *problem = NULL;

  g_clear_object (&self->device_ids);
  self->device_ids = device_ids;

  update_summary (self);
  update_invalid_list (self);

  problem = ra_device_words_problem (self->device_ids);
  if (g_strcmp0 (problem, self->problem) != 0)
    {
      g_free (self->problem);
      self->problem = g_steal_pointer (&problem);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVICE_IDS]);

  self->import_parsing = FALSE;
  self->paste_parsing = FALSE;
  update_busy (self);
}

static void
cancel_parse (RaDeviceEditor *self)
{
  g_clear_handle_id (&self->parse_source, g_source_remove);

  if (self->parse_cancellable != NULL)
    g_cancellable_cancel (self->parse_cancellable);
  g_clear_object (&self->parse_cancellable);
}

/* On the main thread, for when the result is needed at once. */
static void
parse_now (RaDeviceEditor *self)
{
  g_autofree char *text = NULL;

  cancel_parse (self);
  text = ra_device_editor_dup_text (self);
  apply_device_ids (self, ra_device_ids_parse (text));
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseJob *job = task_data;
  RaDeviceIds *device_ids = ra_device_ids_parse_full (g_bytes_get_data (job->text, NULL),
                                                      cancellable);

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
  RaDeviceEditor *self = RA_DEVICE_EDITOR (object);
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

  cancel_parse (self);
  self->parse_cancellable = g_cancellable_new ();

  job = g_new0 (ParseJob, 1);
  job->text = text;
  job->generation = self->generation;

  task = g_task_new (self, self->parse_cancellable, parse_done_cb, NULL);
  g_task_set_source_tag (task, start_parse_text);
  g_task_set_task_data (task, job, parse_job_free);
  g_task_run_in_thread (task, parse_thread);
}

/* The buffer belongs to the main thread: the worker parses a copy. */
static void
start_parse (RaDeviceEditor *self)
{
  start_parse_text (self, string_bytes_new (ra_device_editor_dup_text (self)));
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
  cancel_parse (self);

  /* A paste or import going in is parsed once, when it is all in. */
  if (self->feed == NULL)
    self->parse_source = g_timeout_add (PARSE_DELAY_MS, parse_timeout_cb, self);
}

static void
show_import_error (RaDeviceEditor *self,
                   const char     *message)
{
  gtk_label_set_text (GTK_LABEL (self->import_error_label), message);
  gtk_widget_set_visible (self->import_error_label, TRUE);
}

static gboolean
fits (RaDeviceEditor *self,
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

  message = g_strdup_printf (_("The text was not added: the list of devices holds at most %u characters."),
                             (guint) MAX_TEXT_CHARS);
  show_import_error (self, message);
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
  if (fits (self, text, length))
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
  update_busy (self);
}

/* Runs feed (taken), parsing when it is done. */
static void
run_feed (RaDeviceEditor *self,
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
  update_busy (self);
}

/* Whatever is still going in goes in now, so that what follows comes
 * after it. */
static void
complete_feed (RaDeviceEditor *self)
{
  if (self->feed != NULL)
    ra_text_feed_complete (self->feed);
  g_assert (self->feed == NULL);
}

/* The rest of what was going in is dropped: for when the whole text is
 * replaced. */
static void
cancel_feed (RaDeviceEditor *self)
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
  complete_feed (self);

  /* A long text is refused whole, before the selection it would replace
   * is gone (a short one by insert_text_cb()). */
  if (g_bytes_get_size (text) > PASTE_AT_ONCE_BYTES &&
      !fits (self, g_bytes_get_data (text, NULL), g_bytes_get_size (text)))
    {
      refuse_text (self);
      return;
    }

  feed = ra_text_feed_paste (GTK_TEXT_VIEW (self->text_view), text, PASTE_AT_ONCE_BYTES);
  if (feed != NULL)
    run_feed (self, feed, FALSE);
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
  if (importing (self))
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
  if (importing (self))
    return;

  g_signal_stop_emission_by_name (view, "paste-clipboard");
  gdk_clipboard_read_value_async (gtk_widget_get_clipboard (GTK_WIDGET (view)),
                                  G_TYPE_STRING, G_PRIORITY_DEFAULT,
                                  self->paste_cancellable,
                                  read_clipboard_cb, g_object_ref (self));
}

static void
read_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RaDeviceEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = ra_device_ids_read_file_finish (result, &error);

  /* A newer import, or dispose, took over. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->import_cancellable)
    return;

  g_clear_object (&self->import_cancellable);

  if (text != NULL && !fits (self, text, -1))
    {
      g_autoptr(GFile) file = g_object_ref (g_task_get_task_data (G_TASK (result)));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = path ? g_filename_display_basename (path) : g_file_get_parse_name (file);

      g_clear_pointer (&text, g_free);
      g_set_error (&error, RA_ERROR, RA_ERROR_INVALID_INPUT,
                   _("“%s” is too large for a list of devices."), name);
    }

  if (text == NULL)
    {
      update_busy (self);
      show_import_error (self, error->message);
      return;
    }

  /* After a paste still going in; then after what is there, on a line of
   * its own, piece by piece, busy until the imported devices are counted;
   * one step to undo. */
  complete_feed (self);
  {
    GtkTextBuffer *buffer = get_buffer (self);
    g_autoptr(GBytes) bytes = string_bytes_new (g_steal_pointer (&text));
    GtkTextIter end;

    gtk_text_buffer_begin_user_action (buffer);
    gtk_text_buffer_get_end_iter (buffer, &end);
    if (!gtk_text_iter_is_start (&end) && !gtk_text_iter_starts_line (&end))
      gtk_text_buffer_insert (buffer, &end, "\n", 1);
    run_feed (self, ra_text_feed_new (buffer, &end, bytes), TRUE);
    gtk_text_buffer_end_user_action (buffer);
  }
}

void
ra_device_editor_import_file (RaDeviceEditor *self,
                              GFile          *file)
{
  g_return_if_fail (RA_IS_DEVICE_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();

  gtk_widget_set_visible (self->import_error_label, FALSE);
  update_busy (self);

  ra_device_ids_read_file_async (file, MAX_IMPORT_BYTES, self->import_cancellable,
                                 read_file_cb, g_object_ref (self));
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
        ra_device_editor_import_file (self, file);
    }

  g_clear_object (&self->file_chooser);
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  RaDeviceEditor *self = RA_DEVICE_EDITOR (widget);
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

  ra_device_editor_import_file (self, files->data);

  return TRUE;
}

static void
clear_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  RaDeviceEditor *self = RA_DEVICE_EDITOR (widget);

  ra_device_editor_set_text (self, "");
  gtk_widget_grab_focus (self->text_view);
}

static void
ra_device_editor_dispose (GObject *object)
{
  RaDeviceEditor *self = RA_DEVICE_EDITOR (object);

  cancel_parse (self);
  cancel_feed (self);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  if (self->paste_cancellable != NULL)
    g_cancellable_cancel (self->paste_cancellable);
  g_clear_object (&self->paste_cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  G_OBJECT_CLASS (ra_device_editor_parent_class)->dispose (object);
}

static void
ra_device_editor_unmap (GtkWidget *widget)
{
  RaDeviceEditor *self = RA_DEVICE_EDITOR (widget);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));

  /* After a paste the text view scrolls to the cursor, animated, for as
   * long as it lays out a long text. GTK 4.8's scrolled window, unmapped
   * meanwhile, ends the animation twice and logs a critical (seen when
   * the window closed right after a long paste): end it here first, where
   * the scroll is. */
  if (vadjustment != NULL)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment));

  GTK_WIDGET_CLASS (ra_device_editor_parent_class)->unmap (widget);
}

static void
ra_device_editor_finalize (GObject *object)
{
  RaDeviceEditor *self = RA_DEVICE_EDITOR (object);

  g_clear_object (&self->device_ids);
  g_free (self->problem);

  G_OBJECT_CLASS (ra_device_editor_parent_class)->finalize (object);
}

static void
ra_device_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RaDeviceEditor *self = RA_DEVICE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DEVICE_IDS:
      g_value_set_object (value, self->device_ids);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, ra_device_editor_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_device_editor_class_init (RaDeviceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ra_device_editor_dispose;
  object_class->finalize = ra_device_editor_finalize;
  object_class->get_property = ra_device_editor_get_property;
  widget_class->unmap = ra_device_editor_unmap;

  properties[PROP_DEVICE_IDS] =
    g_param_spec_object ("device-ids", NULL, NULL,
                         RA_TYPE_DEVICE_IDS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-device-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, drop_area);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, placeholder);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, import_button);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, clear_button);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, invalid_box);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, import_error_label);

  gtk_widget_class_install_action (widget_class, "devices.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "devices.clear", NULL, clear_cb);
}

static void
ra_device_editor_init (RaDeviceEditor *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

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

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Device collector IDs"),
                                  -1);

  /* In the capture phase, before the text view takes the file's URI as text. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (self->drop_area, GTK_EVENT_CONTROLLER (drop));

  gtk_widget_set_sensitive (self->clear_button, FALSE);
  parse_now (self);
}

GtkWidget *
ra_device_editor_new (void)
{
  return g_object_new (RA_TYPE_DEVICE_EDITOR, NULL);
}

char *
ra_device_editor_dup_text (RaDeviceEditor *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), NULL);

  gtk_text_buffer_get_bounds (get_buffer (self), &start, &end);

  return gtk_text_buffer_get_text (get_buffer (self), &start, &end, FALSE);
}

void
ra_device_editor_set_text (RaDeviceEditor *self,
                           const char     *text)
{
  g_return_if_fail (RA_IS_DEVICE_EDITOR (self));

  cancel_feed (self);
  gtk_text_buffer_set_text (get_buffer (self), text ? text : "", -1);
  parse_now (self);
}

void
ra_device_editor_flush (RaDeviceEditor *self)
{
  g_return_if_fail (RA_IS_DEVICE_EDITOR (self));

  complete_feed (self);
  if (self->parse_source != 0 || self->parse_cancellable != NULL)
    parse_now (self);
}

RaDeviceIds *
ra_device_editor_get_device_ids (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), NULL);

  return self->device_ids;
}

guint
ra_device_editor_get_n_devices (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), 0);

  return ra_device_ids_get_n_ids (self->device_ids);
}

const char *
ra_device_editor_get_problem (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), NULL);

  return self->problem;
}

gboolean
ra_device_editor_get_busy (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), FALSE);

  return importing (self) || self->feed != NULL || self->paste_parsing;
}

GStrv
ra_device_editor_dup_invalid_lines (RaDeviceEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (self->invalid_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_strv_builder_add (builder, gtk_label_get_text (GTK_LABEL (child)));

  return g_strv_builder_end (builder);
}

const char *
ra_device_editor_get_summary (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->summary_label));
}

GtkTextView *
ra_device_editor_get_text_view (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), NULL);

  return GTK_TEXT_VIEW (self->text_view);
}

const char *
ra_device_editor_get_import_error (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (self->import_error_label))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->import_error_label));
}
