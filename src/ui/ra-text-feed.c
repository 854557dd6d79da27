/* ra-text-feed.c
 *
 * GtkTextBuffer inserts a text in one go on the main thread: 100,000
 * lines stall the window for a second. Put in piece by piece, a turn of
 * the main loop at a time, the window keeps drawing and answering.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-text-feed"

#include "config.h"

#include "ra-text-feed.h"

/* How long one turn may insert: far below what a user notices, and long
 * enough that the pieces are not mostly overhead. */
#define SLICE_USEC (8 * 1000)
/* The pause between turns, in which the text view lays out and draws. */
#define PAUSE_MS 1

struct _RaTextFeed
{
  GObject        parent_instance;

  GtkTextBuffer *buffer;
  /* Where the text began to go in (it stays before it), and where the
   * next piece goes: it moves past each piece inserted there, and with
   * the text around it should anything else change the buffer. */
  GtkTextMark   *start;
  GtkTextMark   *mark;
  GBytes        *bytes;
  const char    *text;
  gsize          length;
  gsize          done;
  /* Characters inserted so far. */
  int            n_chars;
  /* Whether invalid UTF-8 was replaced: the buffer does not hold the
   * text as given. */
  gboolean       repaired;
  guint          source;
  gboolean       in_user_action;
  /* Set for a paste: the view to scroll to the cursor afterwards. */
  GtkTextView   *view;
};

G_DEFINE_FINAL_TYPE (RaTextFeed, ra_text_feed, G_TYPE_OBJECT)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The end of the piece that starts at done. */
static gsize
piece_end (const char *text,
           gsize       done,
           gsize       length)
{
  const char *start = text + done;
  const char *p;

  if (length - done <= RA_TEXT_FEED_PIECE_BYTES)
    return length;

  for (p = start + RA_TEXT_FEED_PIECE_BYTES; p > start; p--)
    if (p[-1] == '\n')
      return p - text;

  /* A line longer than a piece: cut it where a character starts, and not
   * between CR and LF, which the buffer keeps as one line end either way
   * but which should stay in one insertion. */
  p = start + RA_TEXT_FEED_PIECE_BYTES;
  while (p > start && ((guchar) *p & 0xC0) == 0x80)
    p--;
  if (p > start + 1 && *p == '\n' && p[-1] == '\r')
    p--;
  if (p == start)
    p = g_utf8_next_char (start);

  return p - text;
}

static void
end_user_action (RaTextFeed *self)
{
  g_clear_handle_id (&self->source, g_source_remove);

  if (self->in_user_action)
    {
      self->in_user_action = FALSE;
      gtk_text_buffer_end_user_action (self->buffer);
    }
}

static void
stop (RaTextFeed *self)
{
  end_user_action (self);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->text = NULL;

  if (self->mark != NULL)
    {
      gtk_text_buffer_delete_mark (self->buffer, self->start);
      gtk_text_buffer_delete_mark (self->buffer, self->mark);
      g_clear_object (&self->start);
      g_clear_object (&self->mark);
    }
}

/* Returns TRUE when all is in. */
static gboolean
insert_for (RaTextFeed *self,
            gint64      usec)
{
  gint64 start = g_get_monotonic_time ();

  while (self->done < self->length)
    {
      gsize end = piece_end (self->text, self->done, self->length);
      g_autofree char *piece = NULL;
      GtkTextIter iter;
      int n_before;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, self->mark);
      /* A string of its own: handlers of "insert-text" may read the text
       * up to a NUL, past the length given (GTK 4.8's accessibility
       * sends it to the bus so: the rest of the paste would go with
       * every piece). Checked here, not all at once beforehand. */
      if (g_utf8_validate_len (self->text + self->done, end - self->done, NULL))
        piece = g_strndup (self->text + self->done, end - self->done);
      else
        {
          piece = g_utf8_make_valid (self->text + self->done, end - self->done);
          self->repaired = TRUE;
        }

      n_before = gtk_text_buffer_get_char_count (self->buffer);
      gtk_text_buffer_insert (self->buffer, &iter, piece, -1);
      self->n_chars += gtk_text_buffer_get_char_count (self->buffer) - n_before;
      self->done = end;

      if (g_get_monotonic_time () - start >= usec)
        break;
    }

  return self->done == self->length;
}

/* What GtkTextView does after its own paste. */
static void
paste_done (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_view_scroll_mark_onscreen (view, gtk_text_buffer_get_insert (buffer));
  g_signal_emit_by_name (buffer, "paste-done", gtk_widget_get_clipboard (GTK_WIDGET (view)));
}

static void
finish (RaTextFeed *self)
{
  g_autoptr(RaTextFeed) hold = g_object_ref (self);

  end_user_action (self);
  if (self->view != NULL)
    paste_done (self->view);
  g_signal_emit (self, signals[FINISHED], 0);
  stop (self);
}

static gboolean
step_cb (gpointer user_data)
{
  RaTextFeed *self = user_data;

  if (!insert_for (self, SLICE_USEC))
    {
      /* A new timeout, not G_SOURCE_CONTINUE: a repeating one counts its
       * interval from when the turn began, and would be due again at
       * once, before the text view could lay out and draw. */
      self->source = g_timeout_add (PAUSE_MS, step_cb, self);
      return G_SOURCE_REMOVE;
    }

  self->source = 0;
  finish (self);

  return G_SOURCE_REMOVE;
}

static void
ra_text_feed_dispose (GObject *object)
{
  RaTextFeed *self = RA_TEXT_FEED (object);

  stop (self);
  g_clear_object (&self->buffer);
  g_clear_weak_pointer (&self->view);

  G_OBJECT_CLASS (ra_text_feed_parent_class)->dispose (object);
}

static void
ra_text_feed_class_init (RaTextFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ra_text_feed_dispose;

  /* All of the text is in the buffer, and the user action is over.
   * ra_text_feed_get_range() and ra_text_feed_steal_text() work in its
   * handlers. */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ra_text_feed_init (RaTextFeed *self)
{
}

RaTextFeed *
ra_text_feed_new (GtkTextBuffer     *buffer,
                  const GtkTextIter *where,
                  GBytes            *text)
{
  RaTextFeed *self;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);
  g_return_val_if_fail (where != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (RA_TYPE_TEXT_FEED, NULL);
  self->buffer = g_object_ref (buffer);
  self->bytes = g_bytes_ref (text);
  self->text = g_bytes_get_data (text, &self->length);

  gtk_text_buffer_begin_user_action (buffer);
  self->in_user_action = TRUE;
  self->start = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, where, TRUE));
  self->mark = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, where, FALSE));

  return self;
}

gboolean
ra_text_feed_run (RaTextFeed *self)
{
  g_return_val_if_fail (RA_IS_TEXT_FEED (self), FALSE);
  g_return_val_if_fail (self->in_user_action && self->source == 0, FALSE);

  if (insert_for (self, SLICE_USEC))
    {
      finish (self);
      return TRUE;
    }

  self->source = g_timeout_add (PAUSE_MS, step_cb, self);
  return FALSE;
}

void
ra_text_feed_complete (RaTextFeed *self)
{
  g_return_if_fail (RA_IS_TEXT_FEED (self));

  if (!self->in_user_action)
    return;

  insert_for (self, G_MAXINT64);
  finish (self);
}

void
ra_text_feed_cancel (RaTextFeed *self)
{
  g_return_if_fail (RA_IS_TEXT_FEED (self));

  stop (self);
}

RaTextFeed *
ra_text_feed_paste (GtkTextView *view,
                    GBytes      *text,
                    gsize        at_once)
{
  GtkTextBuffer *buffer;
  RaTextFeed *self = NULL;
  GtkTextIter where;
  gsize length;
  const char *data;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  buffer = gtk_text_view_get_buffer (view);
  data = g_bytes_get_data (text, &length);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);

  if (length <= at_once)
    {
      g_autofree char *valid = g_utf8_make_valid (data, length);

      gtk_text_buffer_insert_interactive_at_cursor (buffer, valid, -1, TRUE);
      paste_done (view);
    }
  else
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &where, gtk_text_buffer_get_insert (buffer));
      self = ra_text_feed_new (buffer, &where, text);
      g_set_weak_pointer (&self->view, view);
    }

  gtk_text_buffer_end_user_action (buffer);

  return self;
}

/* A string of text, which the caller owns, as a GBytes of its length
 * followed by the NUL. */
static GBytes *
string_bytes_new (char *text)
{
  return g_bytes_new_take (text, strlen (text));
}

GBytes *
ra_text_feed_dup_buffer_text (RaTextFeed *self)
{
  GtkTextIter start, end, first, last;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (RA_IS_TEXT_FEED (self), NULL);
  g_return_val_if_fail (self->mark != NULL, NULL);

  gtk_text_buffer_get_bounds (self->buffer, &first, &last);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->mark);

  /* Unless the buffer holds other text where the feed put its own: when
   * invalid UTF-8 was replaced, or something else changed it. */
  if (self->repaired ||
      gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) != self->n_chars)
    return string_bytes_new (gtk_text_buffer_get_text (self->buffer, &first, &last, FALSE));

  before = gtk_text_buffer_get_text (self->buffer, &first, &start, FALSE);
  after = gtk_text_buffer_get_text (self->buffer, &end, &last, FALSE);

  if (*before == '\0' && *after == '\0')
    return g_bytes_ref (self->bytes);

  return string_bytes_new (g_strconcat (before, self->text, after, NULL));
}
