/* ra-text-feed.h — a long text put into a text buffer piece by piece
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The most bytes put into the buffer at once. Pieces end after a newline
 * where there is one, otherwise at a character boundary (never between
 * CR and LF). */
#define RA_TEXT_FEED_PIECE_BYTES (16 * 1024)

#define RA_TYPE_TEXT_FEED (ra_text_feed_get_type ())
G_DECLARE_FINAL_TYPE (RaTextFeed, ra_text_feed, RA, TEXT_FEED, GObject)

/* Puts text (UTF-8; invalid sequences are replaced) into buffer at
 * where. From here until "finished" (or until the feed is cancelled or
 * dropped) the buffer is in one user action, so that the whole text is
 * one step to undo; nothing is inserted before ra_text_feed_run(). */
RaTextFeed *ra_text_feed_new      (GtkTextBuffer     *buffer,
                                   const GtkTextIter *where,
                                   GBytes            *text);
/* Inserts what fits in one short slice of time now and the rest on later
 * turns of the main loop, then emits "finished". Returns TRUE when all of
 * it went in at once ("finished" was emitted already). */
gboolean    ra_text_feed_run      (RaTextFeed        *self);
/* Inserts the rest now and emits "finished". */
void        ra_text_feed_complete (RaTextFeed        *self);
/* Stops where it is; the rest is dropped and "finished" is not emitted. */
void        ra_text_feed_cancel   (RaTextFeed        *self);
/* What GtkTextView's own paste does: replaces the selection with text
 * and leaves the cursor after it, as one step to undo. Text up to at_once
 * bytes goes in now (NULL is returned); longer text is left to the feed
 * returned, to be run, which scrolls to the cursor when done. */
RaTextFeed *ra_text_feed_paste    (GtkTextView       *view,
                                   GBytes            *text,
                                   gsize              at_once);
/* In "finished": the buffer's whole text, as a string followed by its
 * NUL. For a long text it saves the time of copying it out of the buffer
 * again, which stalls the window for tens of milliseconds. */
GBytes     *ra_text_feed_dup_buffer_text (RaTextFeed *self);

G_END_DECLS
