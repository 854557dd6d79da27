/* test-device-editor.c — the devices editor on its own: big pastes, files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-device-editor"

#include "config.h"

#include <adwaita.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "device-editor-fixture.h"
#include "ra-text-feed.h"

static void
import_and_wait (Fixture *fixture,
                 GFile   *file)
{
  ra_device_editor_import_file (fixture->editor, file);
  g_assert_true (ra_device_editor_get_busy (fixture->editor));
  RA_TEST_WAIT_UNTIL (!ra_device_editor_get_busy (fixture->editor));
}

/* Excel's "Unicode text": UTF-16 with a byte-order mark, tab-separated. */
static void
test_import_utf16 (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char utf8[] = "device.name\tdevice.collector.id\r\nPC-1\t" A "\r\nPC-2\t" B "\r\n";
  g_autoptr(GString) utf16 = g_string_new_len ("\xFF\xFE", 2);
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;

  for (const char *p = utf8; *p != '\0'; p++)
    {
      g_string_append_c (utf16, *p);
      g_string_append_c (utf16, '\0');
    }
  file = write_file (fixture, "devices.txt", utf16->str, utf16->len);

  import_and_wait (fixture, file);
  g_assert_null (ra_device_editor_get_import_error (fixture->editor));
  g_assert_cmpuint (ra_device_editor_get_n_devices (fixture->editor), ==, 2);
  /* Of a table, the ID column goes in. */
  text = ra_device_editor_dup_text (fixture->editor);
  g_assert_cmpstr (text, ==, A "\n" B "\n");
}

static glong
peak_rss_kib (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* A 200 MB file is refused by its size, before a byte of it is read. */
static void
test_import_too_large (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  glong before;
  int fd;

  /* Sparse: takes no room on disk, yet reads as 200 MB of zeros. */
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 200 * 1024 * 1024), ==, 0);
  close (fd);

  before = peak_rss_kib ();
  import_and_wait (fixture, file);
  g_assert_cmpstr (ra_device_editor_get_import_error (fixture->editor), ==,
                   "“huge.csv” is too large for a list of devices.");
  g_assert_cmpint (peak_rss_kib () - before, <, 32 * 1024);
  g_assert_cmpuint (gtk_text_buffer_get_char_count (get_buffer (fixture)), ==, 0);
}

/* A pipe or a device never ends (or never starts): not read at all. */
static void
test_import_not_regular (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *fifo_path = g_build_filename (fixture->dir, "devices.fifo", NULL);
  g_autoptr(GFile) fifo = g_file_new_for_path (fifo_path);
  g_autoptr(GFile) null = g_file_new_for_path ("/dev/null");

  g_assert_cmpint (mkfifo (fifo_path, 0600), ==, 0);

  ra_device_editor_set_text (fixture->editor, A);

  /* With no writer, reading would wait for ever. */
  ra_device_editor_import_file (fixture->editor, fifo);
  ra_test_answer_message_dialog ("_Add");
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_editor_get_busy (fixture->editor), 10);
  g_assert_cmpstr (ra_device_editor_get_import_error (fixture->editor), ==,
                   "“devices.fifo” is not a file that can be imported.");

  ra_device_editor_import_file (fixture->editor, null);
  ra_test_answer_message_dialog ("_Replace");
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_editor_get_busy (fixture->editor), 10);
  g_assert_cmpstr (ra_device_editor_get_import_error (fixture->editor), ==,
                   "“null” is not a file that can be imported.");

  /* What was there stays. */
  g_assert_cmpuint (ra_device_editor_get_n_devices (fixture->editor), ==, 1);
}

static gint64 probe_last;
static gint64 probe_max_gap;

static gboolean
probe_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  probe_max_gap = MAX (probe_max_gap, now - probe_last);
  probe_last = now;
  return G_SOURCE_CONTINUE;
}

/* Typing into a long list parses it in a worker thread: the window keeps
 * answering. The bound is generous (the benchmark has the figures): a
 * parse of this text on the main thread takes a second or more. */
static void
test_typing_does_not_stall (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkTextBuffer *buffer = get_buffer (fixture);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkTextIter end;
  guint n_valid = 0;
  guint probe;

#if defined(__SANITIZE_ADDRESS__)
  /* Under AddressSanitizer time means nothing; the other tests still
   * check the behaviour. */
  g_test_skip ("timing under AddressSanitizer");
  return;
#endif

  /* 120,000 lines, a sixth of them long rows of mistakes. */
  for (guint i = 0; i < 120000; i++)
    {
      if (i % 6 == 5)
        g_string_append (text, "a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a\n");
      else
        {
          g_string_append_printf (text, "%08x-0000-4000-8000-%012x\n", i, i);
          n_valid++;
        }
    }

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text->str, text->len);
  RA_TEST_WAIT_UNTIL (ra_device_editor_get_n_devices (fixture->editor) == n_valid);
  ra_test_spin (200);

  probe_last = g_get_monotonic_time ();
  probe_max_gap = 0;
  probe = g_timeout_add (5, probe_cb, NULL);

  for (guint i = 0; i < 5; i++)
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, i < 4 ? "x" : "\n" A "\n", -1);
      ra_test_spin (250);
    }
  RA_TEST_WAIT_UNTIL (ra_device_editor_get_n_devices (fixture->editor) == n_valid + 1);

  g_source_remove (probe);
  g_test_message ("longest main-loop stall while typing: %.1f ms", probe_max_gap / 1000.0);
  g_assert_cmpint (probe_max_gap, <, 300 * 1000);

  /* The invalid entries are counted, and only a few listed. */
  {
    g_auto(GStrv) lines = ra_device_editor_dup_invalid_lines (fixture->editor);

    g_assert_cmpuint (g_strv_length (lines), ==, 6);
    g_assert_cmpstr (lines[5], ==, "and 599996 more invalid entries");
  }
}

/* A newer change supersedes the parse under way: the result shown is
 * always that of the current text. */
static void
test_newer_text_wins (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkTextBuffer *buffer = get_buffer (fixture);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "%08x-0000-4000-8000-%012x\n", i, i);

  gtk_text_buffer_set_text (buffer, text->str, text->len);
  /* Let its parse start, then replace the text. */
  ra_test_spin (300);
  gtk_text_buffer_set_text (buffer, A "\n" B "\n", -1);
  RA_TEST_WAIT_UNTIL (ra_device_editor_get_n_devices (fixture->editor) == 2);
  ra_test_spin (1000);
  g_assert_cmpuint (ra_device_editor_get_n_devices (fixture->editor), ==, 2);
}

/* More text than any list of devices needs is refused whole, and said so. */
static void
test_text_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkTextBuffer *buffer = get_buffer (fixture);
  gsize size = 9 * 1024 * 1024;
  g_autofree char *huge = g_strnfill (size, 'a');
  GtkTextIter end;

  ra_device_editor_set_text (fixture->editor, A);

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, huge, size, TRUE);
  g_assert_cmpuint (gtk_text_buffer_get_char_count (buffer), ==, strlen (A));
  g_assert_nonnull (ra_device_editor_get_import_error (fixture->editor));
  g_assert_true (g_str_has_prefix (ra_device_editor_get_import_error (fixture->editor),
                                   "The text was not added"));
  g_assert_cmpuint (ra_device_editor_get_n_devices (fixture->editor), ==, 1);
}

/* The counts the editor shows are those of the core parser for the text. */
static void
assert_counts (Fixture    *fixture,
               const char *text)
{
  g_autoptr(RaDeviceIds) expected = ra_device_ids_parse (text);
  RaDeviceIds *shown = ra_device_editor_get_device_ids (fixture->editor);

  g_assert_cmpuint (ra_device_ids_get_n_ids (shown), ==, ra_device_ids_get_n_ids (expected));
  g_assert_cmpuint (ra_device_ids_get_n_invalid (shown), ==, ra_device_ids_get_n_invalid (expected));
  g_assert_cmpuint (ra_device_ids_get_n_duplicates (shown), ==, ra_device_ids_get_n_duplicates (expected));
}

/* Under AddressSanitizer everything is many times slower: a shorter paste
 * still goes in piece by piece, and the wait is longer. */
#if defined(__SANITIZE_ADDRESS__)
#define LONG_PASTE_LINES 3000
#define LONG_LINE_PIECES 2
#define WAIT_PASTED(cond) RA_TEST_WAIT_UNTIL_FOR (cond, 240)
#else
#define LONG_PASTE_LINES 28000
#define LONG_LINE_PIECES 5
#define WAIT_PASTED(cond) RA_TEST_WAIT_UNTIL (cond)
#endif

/* A paste long enough to go in piece by piece (a megabyte), with what
 * could go wrong where pieces meet: a line longer than a piece whose CR
 * LF falls just across the first piece's end, a line of characters of
 * two, three and four bytes cut at several places, lines ending in LF
 * and in CRLF, and a last line without a line end. Pasted into a buffer
 * that is not empty, it starts a piece with its first byte. */
static char *
make_long_paste (guint *n_ids)
{
  GString *text = g_string_new (NULL);
  g_autofree char *long_line = g_strnfill (RA_TEXT_FEED_PIECE_BYTES - 1, 'a');
  guint lines = LONG_PASTE_LINES;

  g_string_append (text, long_line);
  g_string_append (text, "\r\n");
  g_assert_cmpint (text->str[RA_TEXT_FEED_PIECE_BYTES - 1], ==, '\r');
  g_assert_cmpint (text->str[RA_TEXT_FEED_PIECE_BYTES], ==, '\n');

  /* 9 bytes: each piece ends 4 bytes further into the pattern. */
  for (guint i = 0; i < LONG_LINE_PIECES * RA_TEXT_FEED_PIECE_BYTES / 9; i++)
    g_string_append (text, "€😀é");
  g_string_append (text, "\n");

  for (guint i = 0; i < lines; i++)
    {
      g_string_append_printf (text, "%08x-0000-4000-8000-%012x", i, i);
      if (i + 1 < lines)
        g_string_append (text, i % 3 == 0 ? "\r\n" : "\n");
    }
  *n_ids = lines;

  return g_string_free (text, FALSE);
}

static void
paste (Fixture    *fixture,
       const char *text)
{
  GtkWidget *view = GTK_WIDGET (ra_device_editor_get_text_view (fixture->editor));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (view), text);
  g_signal_emit_by_name (view, "paste-clipboard");
}

/* Through the real clipboard, as Ctrl+V pastes: the text goes in bit by
 * bit, saying so, and ends as it was pasted, counted, and one step to
 * undo. */
static void
test_paste_long (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkTextBuffer *buffer = get_buffer (fixture);
  GtkTextView *view = ra_device_editor_get_text_view (fixture->editor);
  g_autofree char *pasted = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *summary = NULL;
  GtkTextIter cursor;
  guint n_ids = 0;

  ra_device_editor_set_text (fixture->editor, A "\n");
  pasted = make_long_paste (&n_ids);
  expected = g_strconcat (A "\n", pasted, NULL);

  paste (fixture, pasted);
  WAIT_PASTED (ra_device_editor_get_busy (fixture->editor));
  g_assert_cmpstr (ra_device_editor_get_summary (fixture->editor), ==, "Pasting…");
  g_assert_false (gtk_text_view_get_editable (view));
  g_assert_cmpuint (gtk_text_buffer_get_char_count (buffer), <, g_utf8_strlen (expected, -1));

  WAIT_PASTED (!ra_device_editor_get_busy (fixture->editor));
  assert_text (fixture, expected);
  assert_counts (fixture, expected);
  g_assert_cmpuint (ra_device_editor_get_n_devices (fixture->editor), ==, n_ids + 1);
  g_assert_cmpuint (ra_device_ids_get_n_invalid (ra_device_editor_get_device_ids (fixture->editor)), ==, 2);
  summary = g_strdup_printf ("%u valid devices", n_ids + 1);
  g_assert_cmpstr (ra_device_editor_get_summary (fixture->editor), ==, summary);
  g_assert_true (gtk_text_view_get_editable (view));

  /* The cursor ends after the paste, as GtkTextView leaves it. */
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_true (gtk_text_iter_is_end (&cursor));

  gtk_text_buffer_undo (buffer);
  assert_text (fixture, A "\n");
  gtk_text_buffer_redo (buffer);
  assert_text (fixture, expected);
}

/* A paste replaces the selection; a long one too, still one step to undo. */
static void
test_paste_replaces_selection (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkTextBuffer *buffer = get_buffer (fixture);
  g_autofree char *pasted = NULL;
  g_autofree char *expected = NULL;
  GtkTextIter start, end;
  guint n_ids;

  pasted = make_long_paste (&n_ids);
  expected = g_strconcat (A "\n", pasted, "\n" B, NULL);

  ra_device_editor_set_text (fixture->editor, A "\nxyz\n" B);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, strlen (A "\n"));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, strlen (A "\nxyz"));
  gtk_text_buffer_select_range (buffer, &start, &end);

  paste (fixture, pasted);
  WAIT_PASTED (ra_device_editor_get_busy (fixture->editor));
  WAIT_PASTED (!ra_device_editor_get_busy (fixture->editor));
  assert_text (fixture, expected);
  assert_counts (fixture, expected);
  g_assert_false (gtk_text_buffer_get_has_selection (buffer));

  gtk_text_buffer_undo (buffer);
  assert_text (fixture, A "\nxyz\n" B);
}

static void
count_cb (gpointer  object,
          gpointer  pspec,
          guint    *count)
{
  (*count)++;
}

/* A short paste goes in at once, as GtkTextView's own paste: never busy,
 * counted after the pause typing has. */
static void
test_paste_short (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkTextBuffer *buffer = get_buffer (fixture);
  GtkTextIter start, end, cursor;
  guint n_busy = 0;

  g_signal_connect (fixture->editor, "notify::busy", G_CALLBACK (count_cb), &n_busy);
  ra_device_editor_set_text (fixture->editor, A "\nxyz\n");
  gtk_text_buffer_get_iter_at_offset (buffer, &start, strlen (A "\n"));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, strlen (A "\nxyz"));
  gtk_text_buffer_select_range (buffer, &start, &end);

  paste (fixture, B "\r\né");
  RA_TEST_WAIT_UNTIL (ra_device_editor_get_n_devices (fixture->editor) == 2);
  assert_text (fixture, A "\n" B "\r\né\n");
  g_assert_cmpuint (n_busy, ==, 0);

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, g_utf8_strlen (A "\n" B "\r\né", -1));

  gtk_text_buffer_undo (buffer);
  assert_text (fixture, A "\nxyz\n");
}

/* A second paste while the first goes in: both, in order (the second by
 * the context menu's action). */
static void
test_paste_twice (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (ra_device_editor_get_text_view (fixture->editor));
  g_autofree char *pasted = NULL;
  g_autofree char *expected = NULL;
  guint n_ids;

  pasted = make_long_paste (&n_ids);
  expected = g_strconcat (A "\n", pasted, pasted, NULL);
  ra_device_editor_set_text (fixture->editor, A "\n");

  paste (fixture, pasted);
  WAIT_PASTED (ra_device_editor_get_busy (fixture->editor));
  gtk_widget_activate_action (view, "clipboard.paste", NULL);
  WAIT_PASTED (!ra_device_editor_get_busy (fixture->editor));
  assert_text (fixture, expected);
  assert_counts (fixture, expected);
}

/* Clearing while a paste goes in clears it all: nothing more comes in. */
static void
test_paste_then_clear (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *pasted = NULL;
  guint n_ids;

  pasted = make_long_paste (&n_ids);
  paste (fixture, pasted);
  WAIT_PASTED (ra_device_editor_get_busy (fixture->editor));

  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "devices.clear", NULL);
  g_assert_false (ra_device_editor_get_busy (fixture->editor));
  g_assert_cmpstr (ra_device_editor_get_summary (fixture->editor), ==, "No devices yet");
  g_assert_true (gtk_text_view_get_editable (ra_device_editor_get_text_view (fixture->editor)));

  ra_test_spin (300);
  assert_text (fixture, "");
  g_assert_cmpuint (ra_device_editor_get_n_devices (fixture->editor), ==, 0);
}

/* Run needs the devices at once: flushing completes the paste. */
static void
test_paste_then_flush (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *pasted = NULL;
  guint n_ids;

  pasted = make_long_paste (&n_ids);
  paste (fixture, pasted);
  WAIT_PASTED (ra_device_editor_get_busy (fixture->editor));

  ra_device_editor_flush (fixture->editor);
  assert_text (fixture, pasted);
  assert_counts (fixture, pasted);
  g_assert_cmpuint (ra_device_editor_get_n_devices (fixture->editor), ==, n_ids);
  g_assert_false (ra_device_editor_get_busy (fixture->editor));
}

/* The window closes while a paste goes in: nothing is left behind to
 * touch what is gone (the sanitizer build and valgrind check that). */
static void
test_paste_then_close (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  RaDeviceEditor *editor = RA_DEVICE_EDITOR (ra_device_editor_new ());
  GtkWidget *view = GTK_WIDGET (ra_device_editor_get_text_view (editor));
  g_autofree char *pasted = NULL;
  guint n_ids;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (window));
  RA_TEST_WAIT_UNTIL (gtk_widget_get_mapped (window));

  pasted = make_long_paste (&n_ids);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (view), pasted);
  g_signal_emit_by_name (view, "paste-clipboard");
  WAIT_PASTED (ra_device_editor_get_busy (editor));

  /* And one more paste still on its way from the clipboard. */
  g_signal_emit_by_name (view, "paste-clipboard");
  gtk_window_destroy (GTK_WINDOW (window));
  ra_test_spin (300);
}

/* A large file goes in piece by piece too, on a line of its own after
 * what is there. */
static void
test_import_long (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = NULL;
  gboolean saw_importing = FALSE;
  guint n_ids;

  contents = make_long_paste (&n_ids);
  expected = g_strconcat (A "\n", contents, NULL);
  file = write_file (fixture, "devices.txt", contents, strlen (contents));
  ra_device_editor_set_text (fixture->editor, A);

  ra_device_editor_import_file (fixture->editor, file);
  ra_test_answer_message_dialog ("_Add");
  while (ra_device_editor_get_busy (fixture->editor))
    {
      saw_importing |= g_strcmp0 (ra_device_editor_get_summary (fixture->editor), "Importing…") == 0;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (saw_importing);
  g_assert_null (ra_device_editor_get_import_error (fixture->editor));
  assert_text (fixture, expected);
  assert_counts (fixture, expected);

  gtk_text_buffer_undo (get_buffer (fixture));
  assert_text (fixture, A);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  RA_TEST_ADD ("/device-editor/import-utf16", test_import_utf16);
  RA_TEST_ADD ("/device-editor/import-too-large", test_import_too_large);
  RA_TEST_ADD ("/device-editor/import-not-regular", test_import_not_regular);
  RA_TEST_ADD ("/device-editor/typing-does-not-stall", test_typing_does_not_stall);
  RA_TEST_ADD ("/device-editor/newer-text-wins", test_newer_text_wins);
  RA_TEST_ADD ("/device-editor/text-limit", test_text_limit);
  RA_TEST_ADD ("/device-editor/paste-long", test_paste_long);
  RA_TEST_ADD ("/device-editor/paste-replaces-selection", test_paste_replaces_selection);
  RA_TEST_ADD ("/device-editor/paste-short", test_paste_short);
  RA_TEST_ADD ("/device-editor/paste-twice", test_paste_twice);
  RA_TEST_ADD ("/device-editor/paste-then-clear", test_paste_then_clear);
  RA_TEST_ADD ("/device-editor/paste-then-flush", test_paste_then_flush);
  RA_TEST_ADD ("/device-editor/paste-then-close", test_paste_then_close);
  RA_TEST_ADD ("/device-editor/import-long", test_import_long);

  return g_test_run ();
}
