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

#include "ra-device-editor.h"
#include "ra-test-utils.h"

#define A "2b2f7a41-bbb3-4e50-ba45-7ba09c3a7f16"
#define B "8ebe8051-401b-4617-8148-df7a56c307b3"

typedef struct
{
  GtkWidget      *window;
  RaDeviceEditor *editor;
  char           *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ra-device-editor-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  fixture->editor = RA_DEVICE_EDITOR (ra_device_editor_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->editor));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 700, 500);
  gtk_window_present (GTK_WINDOW (fixture->window));
  RA_TEST_WAIT_UNTIL (gtk_widget_get_mapped (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ra_test_spin (20);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static GtkTextBuffer *
get_buffer (Fixture *fixture)
{
  return gtk_text_view_get_buffer (ra_device_editor_get_text_view (fixture->editor));
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

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
  text = ra_device_editor_dup_text (fixture->editor);
  g_assert_true (g_str_has_prefix (text, "device.name\t"));
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
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_editor_get_busy (fixture->editor), 10);
  g_assert_cmpstr (ra_device_editor_get_import_error (fixture->editor), ==,
                   "“devices.fifo” is not a file that can be imported.");

  import_and_wait (fixture, null);
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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/device-editor/import-utf16", test_import_utf16);
  ADD ("/device-editor/import-too-large", test_import_too_large);
  ADD ("/device-editor/import-not-regular", test_import_not_regular);
  ADD ("/device-editor/typing-does-not-stall", test_typing_does_not_stall);
  ADD ("/device-editor/newer-text-wins", test_newer_text_wins);
  ADD ("/device-editor/text-limit", test_text_limit);

  return g_test_run ();
}
