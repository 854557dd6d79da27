/* test-device-editor-edits.c — the devices editor's invalid entries,
 * imports into a list that has devices, and clearing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-device-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "device-editor-fixture.h"
#include "ra-text-feed.h"

#define C "31bc219c-fb90-47ba-8fc1-18cdf66b5e5a"

static guint
n_invalid (Fixture *fixture)
{
  return ra_device_ids_get_n_invalid (ra_device_editor_get_device_ids (fixture->editor));
}

/* The text the invalid-entry tag covers, each run on a line of its own. */
static char *
dup_marked (Fixture *fixture)
{
  GtkTextBuffer *buffer = get_buffer (fixture);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "invalid");
  GString *marked = g_string_new (NULL);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_starts_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      GtkTextIter end = iter;
      g_autofree char *run = NULL;

      if (!gtk_text_iter_starts_tag (&iter, tag))
        continue;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      run = gtk_text_iter_get_text (&iter, &end);
      g_string_append_printf (marked, "%s\n", run);
      iter = end;
    }

  return g_string_free (marked, FALSE);
}

static void
assert_marked (Fixture    *fixture,
               const char *expected)
{
  g_autofree char *marked = dup_marked (fixture);

  g_assert_cmpstr (marked, ==, expected);
}

/* The invalid entries are marked in the text, and the marks follow the
 * text as it is typed into. */
static void
test_marks (Fixture       *fixture,
            gconstpointer  data)
{
  GtkTextBuffer *buffer = get_buffer (fixture);
  GtkTextIter iter;

  ra_device_editor_set_text (fixture->editor, A "\nabc\n" B ",  x y ,\"q r\"\n");
  assert_marked (fixture, "abc\nx\ny\n\"q r\"\n");

  /* Typed: marked once it is counted. */
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, "typo" C, -1);
  RA_TEST_WAIT_UNTIL (n_invalid (fixture) == 5);
  assert_marked (fixture, "abc\nx\ny\n\"q r\"\ntypo" C "\n");

  /* Fixed: the mark goes. */
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 1);
  {
    GtkTextIter end = iter;

    gtk_text_iter_forward_line (&end);
    gtk_text_buffer_delete (buffer, &iter, &end);
  }
  RA_TEST_WAIT_UNTIL (n_invalid (fixture) == 4);
  assert_marked (fixture, "x\ny\n\"q r\"\ntypo" C "\n");

  ra_device_editor_set_text (fixture->editor, A);
  assert_marked (fixture, "");
}

/* A paste long enough to go in piece by piece is marked where it ends
 * up, once it is all in. */
static void
test_marks_long_paste (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (ra_device_editor_get_text_view (fixture->editor));
  g_autoptr(GString) text = g_string_new ("bad-first\n");

  for (guint i = 0; text->len < 64 * RA_TEXT_FEED_PIECE_BYTES; i++)
    g_string_append_printf (text, "%08x-0000-4000-8000-%012x\n", i, i);
  g_string_append (text, "bad-last");

  ra_device_editor_set_text (fixture->editor, "typo\n");
  gdk_clipboard_set_text (gtk_widget_get_clipboard (view), text->str);
  g_signal_emit_by_name (view, "paste-clipboard");
  RA_TEST_WAIT_UNTIL (ra_device_editor_get_busy (fixture->editor));
  RA_TEST_WAIT_UNTIL (!ra_device_editor_get_busy (fixture->editor));

  g_assert_cmpuint (n_invalid (fixture), ==, 3);
  assert_marked (fixture, "typo\nbad-first\nbad-last\n");
}

static gboolean
has_rows (GtkWidget     *widget,
          gconstpointer  data)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (widget), 0);

  return row != NULL && gtk_widget_get_visible (GTK_WIDGET (row));
}

/* The preferences group has a list of its own, for the note about kept
 * devices (hidden here): the problems' list is the one with rows shown. */
static GtkListBoxRow *
get_problem_row (Fixture *fixture,
                 int      index)
{
  GtkListBox *list = GTK_LIST_BOX (ra_test_find_widget (GTK_WIDGET (fixture->editor),
                                                        GTK_TYPE_LIST_BOX, has_rows, NULL));

  g_assert_nonnull (list);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (list)));
  return gtk_list_box_get_row_at_index (list, index);
}

static gboolean
iter_is_visible (GtkTextView       *view,
                 const GtkTextIter *iter)
{
  GdkRectangle visible, location;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, iter, &location);

  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

static gboolean
cursor_is_visible (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return iter_is_visible (view, &iter);
}

/* A problem listed under the text, activated, puts the cursor on its
 * entry, in sight, with the focus in the text: even after the text above
 * it changed. */
static void
test_problem_goes_to_entry (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkTextView *view = ra_device_editor_get_text_view (fixture->editor);
  GtkTextBuffer *buffer = get_buffer (fixture);
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  GtkListBoxRow *row;
  GtkTextIter iter;

  for (guint i = 0; i < 80; i++)
    g_string_append_printf (text, "%08x-0000-4000-8000-%012x\n", i, i);
  g_string_append (text, A ", wrong-one\n");
  ra_device_editor_set_text (fixture->editor, text->str);

  lines = ra_device_editor_dup_invalid_lines (fixture->editor);
  g_assert_cmpstr (lines[0], ==, "Line 81: “wrong-one” is not a collector ID");
  ra_test_spin (50);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, 80);
  g_assert_false (iter_is_visible (view, &iter));
  gtk_text_buffer_get_start_iter (buffer, &iter);

  /* Two lines more above it, not counted yet. */
  gtk_text_buffer_insert (buffer, &iter, A "\n" B "\n", -1);

  row = get_problem_row (fixture, 0);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&iter), ==, 82);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&iter), ==, strlen (A ", "));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == GTK_WIDGET (view));
  RA_TEST_WAIT_UNTIL (cursor_is_visible (view));
}

/* One click takes every invalid entry out, also those past the listed
 * ones, and one undo brings them back. */
static void
test_remove_invalid (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (A "\nabc\n" B ", not-one, " C "\n");
  g_autofree char *before = NULL;
  GtkButton *remove;

  for (guint i = 0; i < 20; i++)
    g_string_append_printf (text, "bad%u\n", i);
  g_string_append (text, A "\n");
  before = g_strdup (text->str);

  ra_device_editor_set_text (fixture->editor, text->str);
  g_assert_cmpuint (n_invalid (fixture), ==, 22);
  remove = ra_test_find_button (GTK_WIDGET (fixture->editor), "_Remove Invalid Entries");
  g_assert_nonnull (remove);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (remove)));

  ra_test_click (remove);
  RA_TEST_WAIT_UNTIL (n_invalid (fixture) == 0 && !ra_device_editor_get_busy (fixture->editor));
  assert_text (fixture, A "\n" B ", " C "\n" A "\n");
  assert_marked (fixture, "");
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (remove)));
  g_assert_cmpstr (ra_device_editor_get_summary (fixture->editor), ==,
                   "3 valid devices · 1 duplicate will be sent once");

  gtk_text_buffer_undo (get_buffer (fixture));
  assert_text (fixture, before);
  RA_TEST_WAIT_UNTIL (n_invalid (fixture) == 22);
}

static void
import_answering (Fixture    *fixture,
                  GFile      *file,
                  const char *answer)
{
  AdwMessageDialog *dialog;

  ra_device_editor_import_file (fixture->editor, file);
  dialog = ADW_MESSAGE_DIALOG (ra_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "replace"), ==, "_Replace");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "add"), ==, "_Add");
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "cancel"), ==, "_Cancel");

  ra_test_answer_message_dialog (answer);
  RA_TEST_WAIT_UNTIL (!ra_device_editor_get_busy (fixture->editor));
}

/* A device export from Nexthink, into a list with devices in it: asked
 * first; Cancel leaves the list, Replace puts the export's IDs in its
 * place, Add after it; never a header or a name as a mistake. An empty
 * list is not asked about. */
static void
test_import_asks (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char csv[] = "device.name,device.uid,operating_system.name\r\n"
                            "PC-0001," B ",Windows 11\r\n"
                            "\"Mac, Jane's\"," C ",macOS 14 Sonoma\r\n";
  g_autoptr(GFile) export = write_file (fixture, "devices.csv", csv, -1);

  ra_device_editor_set_text (fixture->editor, A "\n");

  import_answering (fixture, export, "_Cancel");
  assert_text (fixture, A "\n");

  import_answering (fixture, export, "_Add");
  assert_text (fixture, A "\n" B "\n" C "\n");
  g_assert_null (ra_device_editor_get_problem (fixture->editor));

  import_answering (fixture, export, "_Replace");
  assert_text (fixture, B "\n" C "\n");
  g_assert_null (ra_device_editor_get_problem (fixture->editor));
  g_assert_cmpuint (ra_device_editor_get_n_devices (fixture->editor), ==, 2);

  /* One step to undo. */
  gtk_text_buffer_undo (get_buffer (fixture));
  assert_text (fixture, A "\n" B "\n" C "\n");

  ra_device_editor_set_text (fixture->editor, "");
  ra_device_editor_import_file (fixture->editor, export);
  g_assert_null (ra_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  RA_TEST_WAIT_UNTIL (!ra_device_editor_get_busy (fixture->editor));
  assert_text (fixture, B "\n" C "\n");
}

/* "Clear" says what it does, and what it cleared comes back with the
 * toast's Undo. */
static void
test_clear_undo (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkButton *clear = ra_test_find_button (GTK_WIDGET (fixture->editor), "C_lear");
  GtkButton *undo;

  g_assert_nonnull (clear);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (clear)), ==, "Clear Devices");

  ra_device_editor_set_text (fixture->editor, A "\nabc\n");
  ra_test_click (clear);
  assert_text (fixture, "");
  g_assert_cmpuint (ra_device_editor_get_n_devices (fixture->editor), ==, 0);

  RA_TEST_WAIT_UNTIL ((undo = ra_test_find_button (fixture->overlay, "_Undo")) != NULL);
  ra_test_click (undo);
  RA_TEST_WAIT_UNTIL (ra_device_editor_get_n_devices (fixture->editor) == 1 &&
                      !ra_device_editor_get_busy (fixture->editor));
  assert_text (fixture, A "\nabc\n");
  assert_marked (fixture, "abc\n");

  /* A change after clearing takes the Undo away: it would drop it. */
  ra_test_click (clear);
  RA_TEST_WAIT_UNTIL (ra_test_find_button (fixture->overlay, "_Undo") != NULL);
  gtk_text_buffer_set_text (get_buffer (fixture), B, -1);
  RA_TEST_WAIT_UNTIL (ra_test_find_button (fixture->overlay, "_Undo") == NULL);
  assert_text (fixture, B);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  RA_TEST_ADD ("/device-editor/marks", test_marks);
  RA_TEST_ADD ("/device-editor/marks-long-paste", test_marks_long_paste);
  RA_TEST_ADD ("/device-editor/problem-goes-to-entry", test_problem_goes_to_entry);
  RA_TEST_ADD ("/device-editor/remove-invalid", test_remove_invalid);
  RA_TEST_ADD ("/device-editor/import-asks", test_import_asks);
  RA_TEST_ADD ("/device-editor/clear-undo", test_clear_undo);

  return g_test_run ();
}
