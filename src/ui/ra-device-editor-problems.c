/* ra-device-editor-problems.c — the devices editor's invalid entries:
 * marked in the text, listed under it (each row goes to its entry), and
 * removed on request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ra-device-editor-private.h"
#include "ra-device-words.h"

/* How many invalid entries are listed before "and N more"; all of those
 * the parse keeps (RA_DEVICE_IDS_MAX_KEPT_INVALID) are marked. */
#define MAX_LISTED_INVALID 5

/* A little longer than the view's scroll animation. */
#define SCROLL_AGAIN_MS 400

/* libadwaita's error colours, light and dark: a text tag cannot take
 * them from the style sheet. */
#define ERROR_COLOUR_LIGHT "#c01c28"
#define ERROR_COLOUR_DARK  "#ff7b63"

static void
update_tag_colours (RaDeviceEditor *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA colour;
  GdkRGBA background;

  gdk_rgba_parse (&colour, dark ? ERROR_COLOUR_DARK : ERROR_COLOUR_LIGHT);
  background = colour;
  background.alpha = 0.15;

  g_object_set (self->invalid_tag,
                "underline-rgba", &colour,
                "background-rgba", &background,
                NULL);
}

/* Where an entry the parser found is in the buffer; FALSE when the text
 * breaks its lines where the parser did not (U+2029), so that a mark
 * would be in the wrong place. */
static gboolean
get_entry_bounds (GtkTextBuffer *buffer,
                  guint          line,
                  guint          start_index,
                  guint          end_index,
                  GtkTextIter   *start,
                  GtkTextIter   *end)
{
  if (line == 0 ||
      !gtk_text_buffer_get_iter_at_line_index (buffer, start, (int) line - 1, (int) start_index) ||
      gtk_text_iter_get_line_index (start) != (int) start_index)
    return FALSE;

  *end = *start;
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);
  if (gtk_text_iter_get_line_index (end) < (int) end_index)
    return FALSE;
  gtk_text_iter_set_line_index (end, (int) end_index);

  return TRUE;
}

static void
clear_problems (RaDeviceEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkWidget *row;
  GtkTextIter start, end;

  for (guint i = 0; i < self->invalid_marks->len; i++)
    gtk_text_buffer_delete_mark (buffer, g_ptr_array_index (self->invalid_marks, i));
  g_ptr_array_set_size (self->invalid_marks, 0);

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->invalid_list))) != NULL)
    gtk_list_box_remove (self->invalid_list, row);

  /* Only where the tag is: taking it off the whole text would have all of
   * it laid out anew, and the view lose its place. */
  gtk_text_buffer_get_start_iter (buffer, &start);
  while (gtk_text_iter_starts_tag (&start, self->invalid_tag) ||
         gtk_text_iter_forward_to_tag_toggle (&start, self->invalid_tag))
    {
      end = start;
      gtk_text_iter_forward_to_tag_toggle (&end, self->invalid_tag);
      gtk_text_buffer_remove_tag (buffer, self->invalid_tag, &start, &end);
      start = end;
    }
}

static GtkWidget *
new_row (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_margin_top (label, 9);
  gtk_widget_set_margin_bottom (label, 9);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_tooltip_text (row, _("Go to the entry"));

  return row;
}

void
ra_device_editor_show_problems (RaDeviceEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  RaDeviceIds *ids = self->device_ids;
  g_auto(GStrv) lines = ra_device_words_invalid_lines (ids, MAX_LISTED_INVALID);
  guint n_invalid = ra_device_ids_get_n_invalid (ids);
  guint n_listed = MIN (n_invalid, MAX_LISTED_INVALID);
  guint start_index, end_index;

  clear_problems (self);

  for (guint i = 0; i < n_invalid && ra_device_ids_get_invalid_span (ids, i, &start_index, &end_index); i++)
    {
      guint line = 0;
      GtkTextIter start, end;
      gboolean found;

      ra_device_ids_get_invalid_entry (ids, i, &line);
      found = get_entry_bounds (buffer, line, start_index, end_index, &start, &end);
      if (found)
        gtk_text_buffer_apply_tag (buffer, self->invalid_tag, &start, &end);

      if (i < n_listed)
        {
          /* A row that cannot find its entry goes to its line. */
          if (!found)
            gtk_text_buffer_get_iter_at_line (buffer, &start, (int) line - 1);
          g_ptr_array_add (self->invalid_marks,
                           gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE));
          gtk_list_box_append (self->invalid_list, new_row (lines[i]));
        }
    }

  if (lines[0] != NULL && lines[n_listed] != NULL)
    gtk_label_set_text (GTK_LABEL (self->more_invalid_label), lines[n_listed]);
  gtk_widget_set_visible (self->more_invalid_label, lines[0] != NULL && lines[n_listed] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->invalid_list), n_listed > 0);
  gtk_widget_set_visible (self->problems_box, n_invalid > 0);
}

static void
scroll_to_cursor (RaDeviceEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));

  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->text_view), gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0.0, 0.0);
}

static gboolean
scroll_again_cb (gpointer user_data)
{
  RaDeviceEditor *self = user_data;

  self->scroll_source = 0;
  scroll_to_cursor (self);

  return G_SOURCE_REMOVE;
}

static void
invalid_row_activated_cb (RaDeviceEditor *self,
                          GtkListBoxRow  *row,
                          GtkListBox     *list)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  int i = gtk_list_box_row_get_index (row);
  GtkTextIter where;

  if (i < 0 || (guint) i >= self->invalid_marks->len)
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &where, g_ptr_array_index (self->invalid_marks, i));
  gtk_text_buffer_place_cursor (buffer, &where);
  gtk_widget_grab_focus (self->text_view);

  /* The view aims where the lines it has not laid out yet are thought to
   * be, and ends a line or two off in a long list: once it got there and
   * laid them out, it aims again. */
  scroll_to_cursor (self);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  self->scroll_source = g_timeout_add (SCROLL_AGAIN_MS, scroll_again_cb, self);
}

void
ra_device_editor_init_problems (RaDeviceEditor *self)
{
  self->invalid_marks = g_ptr_array_new ();
  self->invalid_tag = gtk_text_buffer_create_tag (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)), "invalid",
                                                  "underline", PANGO_UNDERLINE_ERROR,
                                                  NULL);
  update_tag_colours (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_tag_colours), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->invalid_list, "row-activated",
                           G_CALLBACK (invalid_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
}
