/* bench-history.c — the run history at the size an admin reaches: 1,000
 * runs, ten of them on 10,000 devices. Prints how long opening, listing
 * and searching take, and the longest the main loop went without a turn
 * meanwhile (the work is in a worker thread; that gap is what the user
 * would feel). Then the same for the History window: opening it until
 * its 1,000 runs are drawn, typing a search, and clearing it; each stall
 * with the time the main thread ran in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-history"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bench-first-window.h"
#include "bench-probe.h"
#include "ra-history.h"
#include "ra-history-window.h"
#include "ra-session-private.h"
#include "ra-test-common.h"
#include "ra-test-utils.h"

#define N_RUNS       1000
#define N_LARGE      10
#define LARGE_FLEET  10000
#define PROBE_MS     2
/* Runs named "Action 12": one in 37. */
#define SEARCH       "Action 12"
#define N_FOUND      27
/* Between two keystrokes of a fast typist. */
#define KEYSTROKE_MS 80

static RaHistoryRun *
make_run (guint i)
{
  g_autoptr(RaHistoryRun) run = ra_history_run_new ();
  guint n = i % (N_RUNS / N_LARGE) == 0 ? LARGE_FLEET : 1 + i % 20;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) devices = NULL;
  g_autofree char *name = g_strdup_printf ("Action %u", i % 37);
  g_autofree char *id = g_strdup_printf ("#action_%u", i % 37);
  g_autofree char *request = g_strdup_printf ("req-%08u", i);

  for (guint d = 0; d < n; d++)
    {
      g_autofree char *device = g_strdup_printf ("%08x-0000-4000-8000-%012x", i, d);

      g_strv_builder_add (builder, device);
    }
  devices = g_strv_builder_end (builder);

  ra_history_run_set_time (run, 1764000000 + i);
  ra_history_run_set_account (run, i % 3 == 0 ? NULL : "acme-id", "Acme", "acme", "eu");
  ra_history_run_set_action (run, id, name);
  ra_history_run_set_parameter (run, "Mode", "quick");
  ra_history_run_set_devices (run, (const char * const *) devices);
  ra_history_run_set_expires_in_minutes (run, 60);
  ra_history_run_set_outcome (run, RA_EXECUTION_OUTCOME_STARTED, request);

  return g_steal_pointer (&run);
}

static double
timed_list (RaHistory  *history,
            const char *search,
            guint      *n_out)
{
  GAsyncResult *slot = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  probe_reset ();
  ra_history_list_async (history, search, NULL, -1, 0, NULL, ra_test_store_result_cb, &slot);
  result = ra_test_wait_for_result (&slot, 60000);
  runs = ra_history_list_finish (history, result, &error);
  g_assert_no_error (error);
  *n_out = runs->len;

  return (g_get_monotonic_time () - start) / 1000.0;
}

static guint
n_shown (RaHistoryWindow *window)
{
  return g_list_model_get_n_items (ra_history_window_get_runs (window));
}

static gboolean
shows (RaHistoryWindow *window,
       guint            n)
{
  return ra_history_window_get_state (window) == RA_HISTORY_WINDOW_STATE_LIST &&
         n_shown (window) == n;
}

static void
print_stall (const char *what)
{
  g_print ("  %-52s %9.1f ms   target: < 50 ms\n", what, probe_max_gap / 1000.0);
  g_print ("  %-52s %9.1f ms\n", "  of which the main thread ran", probe_max_gap_cpu / 1000.0);
}

/* The History window over the file at path, opened from a window of the
 * app's, as the main window's History button does. */
static void
bench_window (const char *path)
{
  g_autoptr(RaHistory) history = ra_history_new (path);
  g_autoptr(RaSession) session = ra_test_session_new (NULL, NULL, FALSE);
  GtkEditable *search;
  RaHistoryWindow *window;
  GtkWindow *first;
  double first_stall, first_cpu;
  gint64 start, listed;
  guint probe;

  ra_session_set_history (session, history);
  first = bench_show_first_window (PROBE_MS, &first_stall, &first_cpu);

  g_print ("History window, %u runs\n", N_RUNS);
  probe = g_timeout_add (PROBE_MS, probe_cb, NULL);
  probe_reset ();
  start = g_get_monotonic_time ();
  window = ra_history_window_present_for (first, session);
  RA_TEST_WAIT_UNTIL_FOR (shows (window, N_RUNS), 60);
  listed = g_get_monotonic_time ();
  /* Drawn: a few frames after. */
  ra_test_spin (500);
  print_stall ("longest main-loop stall, open to runs drawn");
  g_print ("  %-52s %9.1f ms\n", "open to runs listed", (listed - start) / 1000.0);

  /* A search typed a key at a time, until its runs are drawn. */
  search = GTK_EDITABLE (ra_history_window_get_search_entry (window));
  probe_reset ();
  for (guint i = 1; i <= strlen (SEARCH); i++)
    {
      g_autofree char *typed = g_strndup (SEARCH, i);

      gtk_editable_set_text (search, typed);
      ra_test_spin (KEYSTROKE_MS);
    }
  start = g_get_monotonic_time ();
  RA_TEST_WAIT_UNTIL_FOR (shows (window, N_FOUND), 60);
  listed = g_get_monotonic_time ();
  ra_test_spin (300);
  print_stall ("longest main-loop stall, typing \"" SEARCH "\"");
  g_print ("  %-52s %9.1f ms   (%u runs)\n", "last keystroke to runs listed",
           (listed - start) / 1000.0 + KEYSTROKE_MS, N_FOUND);

  /* Cleared: every run again. */
  probe_reset ();
  start = g_get_monotonic_time ();
  gtk_editable_set_text (search, "");
  RA_TEST_WAIT_UNTIL_FOR (shows (window, N_RUNS), 60);
  listed = g_get_monotonic_time ();
  ra_test_spin (300);
  g_source_remove (probe);
  print_stall ("longest main-loop stall, search cleared to runs drawn");
  g_print ("  %-52s %9.1f ms\n", "search cleared to runs listed", (listed - start) / 1000.0);
  g_print ("  %-52s %9.1f ms\n", "for reference: showing the first window of a process",
           first_stall);
  g_print ("  %-52s %9.1f ms\n", "  of which the main thread ran", first_cpu);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (first);
  ra_test_spin (100);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ra-bench-history-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "history.sqlite3", NULL);
  g_autoptr(RaHistory) history = NULL;
  GAsyncResult *slot = NULL;
  gint64 start;
  guint probe, n;
  double ms;

  g_assert_no_error (error);
  probe = g_timeout_add (PROBE_MS, probe_cb, NULL);

  history = ra_history_new (path);
  start = g_get_monotonic_time ();
  probe_reset ();
  for (guint i = 0; i < N_RUNS; i++)
    {
      g_autoptr(RaHistoryRun) run = make_run (i);
      g_autoptr(GAsyncResult) result = NULL;

      ra_history_add_async (history, run, NULL, ra_test_store_result_cb, &slot);
      result = ra_test_wait_for_result (&slot, 60000);
      g_assert_true (ra_history_add_finish (history, result, &error));
    }
  /* The stall here includes making each run's device list on the main
   * thread, as the app does when it runs something. */
  g_print ("write %u runs (%u of %u devices): %.0f ms, longest main-loop stall %.1f ms\n",
           N_RUNS, N_LARGE, LARGE_FLEET, (g_get_monotonic_time () - start) / 1000.0,
           probe_max_gap / 1000.0);
  g_clear_object (&history);

  /* A new start of the app: open (with its check), then the list. */
  history = ra_history_new (path);
  {
    g_autoptr(GAsyncResult) result = NULL;

    start = g_get_monotonic_time ();
    probe_reset ();
    ra_history_open_async (history, NULL, ra_test_store_result_cb, &slot);
    result = ra_test_wait_for_result (&slot, 60000);
    g_assert_true (ra_history_open_finish (history, result, &error));
    g_print ("open: %.1f ms, longest main-loop stall %.1f ms\n",
             (g_get_monotonic_time () - start) / 1000.0, probe_max_gap / 1000.0);
  }

  ms = timed_list (history, NULL, &n);
  g_print ("list all (%u runs): %.1f ms, longest main-loop stall %.1f ms\n",
           n, ms, probe_max_gap / 1000.0);
  ms = timed_list (history, "Action 12", &n);
  g_print ("search an action name (%u runs): %.1f ms, longest main-loop stall %.1f ms\n",
           n, ms, probe_max_gap / 1000.0);
  ms = timed_list (history, "req-00000777", &n);
  g_print ("search a request ID (%u run): %.1f ms, longest main-loop stall %.1f ms\n",
           n, ms, probe_max_gap / 1000.0);
  ms = timed_list (history, "00000384-0000-4000-8000", &n);
  g_print ("search a device ID (%u run): %.1f ms, longest main-loop stall %.1f ms\n",
           n, ms, probe_max_gap / 1000.0);

  g_source_remove (probe);
  g_clear_object (&history);

  if (gtk_init_check ())
    {
      adw_init ();
      bench_window (path);
    }
  else
    g_print ("No display: the History window is not measured.\n");

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_remove (file);
      }
  }
  g_rmdir (dir);
  ra_test_end_pool_workers ();

  return 0;
}
