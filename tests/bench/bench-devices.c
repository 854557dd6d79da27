/* bench-devices.c — how the devices editor copes with large pastes
 *
 * Prints figures; never passes or fails by the clock. For 10,000 and
 * 100,000 pasted lines: the longest main-loop stall during the paste and
 * while typing after it, next to what parsing the whole text on the main
 * thread (as every keystroke used to) costs, and the memory it takes;
 * then the same for importing them from a file. Each stall comes with the
 * time the main thread ran in it: on a busy machine the rest is time the
 * thread waited for a processor, which is not the editor's doing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-devices"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <time.h>
#include <unistd.h>

#include "bench-probe.h"
#include "ra-device-editor.h"
#include "ra-test-utils.h"

#define N_KEYSTROKES 20
/* A quick typist: one key every 60 ms. */
#define KEY_INTERVAL_MS 60
#define PROBE_MS 2

static double
current_rss_mib (void)
{
  g_autofree char *statm = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    return -1;

  fields = g_strsplit (statm, " ", -1);
  if (g_strv_length (fields) < 2)
    return -1;

  return g_ascii_strtod (fields[1], NULL) * sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

/* lines of IDs, one in 50 of them not an ID, as a real paste might be. */
static char *
make_paste (guint lines,
            guint *n_valid)
{
  GString *text = g_string_new (NULL);

  *n_valid = 0;
  for (guint i = 0; i < lines; i++)
    {
      if (i % 50 == 49)
        g_string_append_printf (text, "PC-%06u\n", i);
      else
        {
          g_string_append_printf (text, "%08x-0000-4000-8000-%012x\n", i, i);
          (*n_valid)++;
        }
    }

  return g_string_free (text, FALSE);
}

static gboolean
ready (RaDeviceEditor *editor,
       guint           n_valid)
{
  return ra_device_editor_get_n_devices (editor) == n_valid;
}

static void
bench_paste (GtkWidget *window,
             guint      lines)
{
  RaDeviceEditor *editor = RA_DEVICE_EDITOR (ra_device_editor_new ());
  GtkTextView *view = ra_device_editor_get_text_view (editor);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  g_autofree char *text = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(RaDeviceIds) main_thread = NULL;
  GtkTextIter end;
  guint n_valid = 0;
  double rss_before, rss_after;
  double paste_stall, paste_ms, typing_stall, typing_ms, main_parse_ms, copy_ms;
  double paste_stall_cpu, typing_stall_cpu;
  gint64 t0;
  guint probe;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  ra_test_spin (200);

  text = make_paste (lines, &n_valid);
  gdk_clipboard_set_text (clipboard, text);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  rss_before = current_rss_mib ();

  /* The paste, as Ctrl+V makes it, until the count is shown. */
  probe = g_timeout_add (PROBE_MS, probe_cb, NULL);
  probe_reset ();
  t0 = g_get_monotonic_time ();
  g_signal_emit_by_name (view, "paste-clipboard");
  RA_TEST_WAIT_UNTIL_FOR (ready (editor, n_valid), 120);
  paste_ms = (g_get_monotonic_time () - t0) / 1000.0;
  paste_stall = probe_max_gap / 1000.0;
  paste_stall_cpu = probe_max_gap_cpu / 1000.0;
  ra_test_spin (300);
  rss_after = current_rss_mib ();

  /* Typing at the end of the pasted text; the last key completes one
   * more ID, so the final count is known. */
  probe_reset ();
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < N_KEYSTROKES; i++)
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_place_cursor (buffer, &end);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, i + 1 < N_KEYSTROKES ? "x" : "\n", 1, TRUE);
      ra_test_spin (KEY_INTERVAL_MS);
    }
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "ffffffff-0000-4000-8000-000000000000\n", -1);
  RA_TEST_WAIT_UNTIL_FOR (ready (editor, n_valid + 1), 120);
  typing_ms = (g_get_monotonic_time () - t0) / 1000.0 - N_KEYSTROKES * KEY_INTERVAL_MS;
  typing_stall = probe_max_gap / 1000.0;
  typing_stall_cpu = probe_max_gap_cpu / 1000.0;
  g_source_remove (probe);

  /* What every keystroke cost before: the whole text, copied and parsed
   * on the main thread. */
  t0 = g_get_monotonic_time ();
  copy = ra_device_editor_dup_text (editor);
  copy_ms = (g_get_monotonic_time () - t0) / 1000.0;
  main_thread = ra_device_ids_parse (copy);
  main_parse_ms = (g_get_monotonic_time () - t0) / 1000.0;

  g_print ("%u-line paste (%zu bytes, %u valid IDs)\n", lines, strlen (text), n_valid);
  g_print ("  %-46s %9.1f ms   target: < 50 ms\n", "longest main-loop stall, paste to count", paste_stall);
  g_print ("  %-46s %9.1f ms\n", "  of which the main thread ran", paste_stall_cpu);
  g_print ("  %-46s %9.1f ms\n", "paste to count shown", paste_ms);
  g_print ("  %-46s %9.1f ms   target: < 50 ms\n", "longest main-loop stall while typing", typing_stall);
  g_print ("  %-46s %9.1f ms\n", "  of which the main thread ran", typing_stall_cpu);
  g_print ("  %-46s %9.1f ms   (after the %u ms pause)\n", "last keystroke to count shown",
           typing_ms, 200);
  g_print ("  %-46s %9.1f ms   %.1f× the longest stall now\n",
           "main-thread parse per keystroke (before)", main_parse_ms,
           main_parse_ms / MAX (typing_stall, 0.1));
  g_print ("  %-46s %9.1f ms\n", "copy of the text (main thread)", copy_ms);
  g_print ("  %-46s %9.1f MiB  (%.1f× the text)\n\n", "resident memory added by the paste",
           rss_after - rss_before,
           (rss_after - rss_before) * 1024 * 1024 / MAX (strlen (text), 1));

  gtk_window_set_child (GTK_WINDOW (window), NULL);
  ra_test_spin (100);
}

static void
bench_import (GtkWidget *window,
              guint      lines)
{
  RaDeviceEditor *editor = RA_DEVICE_EDITOR (ra_device_editor_new ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  guint n_valid = 0;
  double stall, stall_cpu, import_ms;
  gint64 t0;
  guint probe;
  int fd;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  ra_test_spin (200);

  text = make_paste (lines, &n_valid);
  fd = g_file_open_tmp ("bench-devices-XXXXXX.txt", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  /* From Import… to the count shown: read in a worker thread, put into
   * the text, counted. */
  probe = g_timeout_add (PROBE_MS, probe_cb, NULL);
  probe_reset ();
  t0 = g_get_monotonic_time ();
  ra_device_editor_import_file (editor, file);
  RA_TEST_WAIT_UNTIL_FOR (!ra_device_editor_get_busy (editor), 120);
  import_ms = (g_get_monotonic_time () - t0) / 1000.0;
  stall = probe_max_gap / 1000.0;
  stall_cpu = probe_max_gap_cpu / 1000.0;
  g_source_remove (probe);
  g_assert_cmpuint (ra_device_editor_get_n_devices (editor), ==, n_valid);

  g_print ("%u-line import (%zu bytes)\n", lines, strlen (text));
  g_print ("  %-46s %9.1f ms   target: < 50 ms\n", "longest main-loop stall, import to count", stall);
  g_print ("  %-46s %9.1f ms\n", "  of which the main thread ran", stall_cpu);
  g_print ("  %-46s %9.1f ms\n\n", "import to count shown", import_ms);

  g_unlink (path);
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  ra_test_spin (100);
}

int
main (int   argc,
      char *argv[])
{
  GtkWidget *window;

  gtk_init ();
  adw_init ();

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  RA_TEST_WAIT_UNTIL (gtk_widget_get_mapped (window));

  g_print ("\nRemote Actions — devices editor benchmarks\n\n");
  bench_paste (window, 10000);
  bench_paste (window, 100000);
  bench_import (window, 10000);
  bench_import (window, 100000);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
