/* bench-window.c — how the window copes with 10,000 remote actions
 *
 * Prints figures; never passes or fails by the clock. The simulator runs
 * in a process of its own so that neither its work nor its memory counts
 * against the app.
 *
 *   bench-window SIMULATOR LAUNCH-WINDOW BARE-WINDOW
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-window"

#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "ra-action-list.h"
#include "ra-client.h"
#include "ra-endpoint.h"
#include "ra-simulator.h"
#include "ra-test-utils.h"
#include "ra-token-provider.h"
#include "ra-window.h"

#define N_ACTIONS     10000
#define LOAD_RUNS     3
#define LAUNCH_RUNS   5
#define BASELINE_RUNS 3

typedef struct
{
  GArray *values; /* double, milliseconds */
} Series;

static Series *
series_new (void)
{
  Series *s = g_new0 (Series, 1);

  s->values = g_array_new (FALSE, FALSE, sizeof (double));
  return s;
}

static void
series_add (Series *s,
            double  ms)
{
  g_array_append_val (s->values, ms);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
series_median (Series *s)
{
  g_autoptr(GArray) sorted = NULL;
  guint n = s->values->len;

  if (n == 0)
    return -1;

  sorted = g_array_copy (s->values);
  g_array_sort (sorted, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

static double
series_max (Series *s)
{
  double max = -1;

  for (guint i = 0; i < s->values->len; i++)
    max = MAX (max, g_array_index (s->values, double, i));
  return max;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The simulator, in its own process */

static GPid simulator_pid;

static char *
start_simulator (const char  *path,
                 char       **login_url)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { path, "--actions", G_STRINGIFY (N_ACTIONS), NULL };
  char line[256];
  char *base;
  int out_fd;
  FILE *out;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT,
                                 NULL, NULL, &simulator_pid, NULL, &out_fd, NULL, &error))
    g_error ("Cannot start the simulator: %s", error->message);

  out = fdopen (out_fd, "r");
  if (fgets (line, sizeof line, out) == NULL || !g_str_has_prefix (line, "Listening on "))
    g_error ("The simulator did not say where it listens");

  base = g_strstrip (g_strdup (line + strlen ("Listening on ")));

  /* The realistic simulator names its login service second. */
  if (fgets (line, sizeof line, out) == NULL || !g_str_has_prefix (line, "Login service on "))
    g_error ("The simulator did not say where its login service listens");
  *login_url = g_strstrip (g_strdup (line + strlen ("Login service on ")));

  /* Keep the pipe open: the simulator may print more. */
  return base;
}

static void
stop_simulator (void)
{
  if (simulator_pid > 0)
    {
      kill (simulator_pid, SIGTERM);
      g_spawn_close_pid (simulator_pid);
      simulator_pid = 0;
    }
}

/* The baseline: the same request with curl, parsed by Python's json */

static void
token_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  char **token = user_data;
  g_autoptr(GError) error = NULL;

  *token = ra_token_provider_get_token_finish (RA_TOKEN_PROVIDER (object), result, &error);
  if (*token == NULL)
    g_error ("No token: %s", error->message);
}

static double
run_baseline (const char *base_url,
              const char *token)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *argv[] = {
    "/bin/sh", "-c",
    "curl -sf -H \"Authorization: Bearer $RA_BENCH_TOKEN\" \"$RA_BENCH_URL/api/v1/act/remote-action\""
    " | python3 -c 'import json,sys; json.load(sys.stdin)'",
    NULL
  };
  int status = 0;
  gint64 start;

  /* In the environment, not on a command line anyone can read. */
  envp = g_environ_setenv (envp, "RA_BENCH_TOKEN", token, TRUE);
  envp = g_environ_setenv (envp, "RA_BENCH_URL", base_url, TRUE);

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                     NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("baseline failed: %s\n", error->message);
      return -1;
    }

  return ms_since (start);
}

/* Stall probe: the longest gap between two runs of a 1 ms timeout */

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

/* Frames */

static gint64 last_paint;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  last_paint = g_get_monotonic_time ();
}

/* Lets the window show the result before the next keystroke, as it
 * would between two real ones. */
static void
wait_for_frame (void)
{
  gint64 before = g_get_monotonic_time ();

  last_paint = 0;
  RA_TEST_WAIT_UNTIL (last_paint > before);
}

static RaWindow *
open_window (void)
{
  g_autoptr(RaSession) session = ra_test_session_new (NULL, NULL, FALSE);
  RaWindow *window = g_object_ref (ra_window_new (NULL, session));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  RA_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)) &&
                      gtk_widget_get_frame_clock (GTK_WIDGET (window)) != NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  last_paint = 0;
  RA_TEST_WAIT_UNTIL (last_paint != 0);
  return window;
}

static void
close_window (RaWindow *window)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)),
                                        after_paint_cb, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  ra_test_spin (50);
  g_object_unref (window);
}

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

/* Launch */

static double
run_launch (const char *path,
            double     *out_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { path, NULL };
  int status = 0;
  gint64 start, painted;

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s failed: %s\n", path, error->message);
      return -1;
    }

  painted = g_ascii_strtoll (out, NULL, 10);
  if (painted <= start)
    return -1;

  *out_ms = (painted - start) / 1000.0;
  return *out_ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RaEndpoint) endpoint = NULL;
  g_autoptr(RaClient) client = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *login_url = NULL;
  g_autofree char *token = NULL;
  Series *baseline = series_new ();
  Series *to_model = series_new ();
  Series *to_frame = series_new ();
  Series *stall = series_new ();
  Series *keystroke = series_new ();
  Series *launch = series_new ();
  Series *bare = series_new ();
  RaWindow *window = NULL;
  RaActionList *list;
  GtkSearchEntry *entry;
  struct rusage usage;
  double rss_now;
  const char *typed = "check audio driver 12";
  guint probe;

  if (argc != 4)
    {
      g_printerr ("usage: %s SIMULATOR LAUNCH-WINDOW BARE-WINDOW\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();

  base_url = start_simulator (argv[1], &login_url);
  endpoint = ra_endpoint_new_full ("bench", "eu", base_url, login_url, &error);
  g_assert_no_error (error);
  client = ra_client_new (endpoint, RA_SIM_DEFAULT_CLIENT_ID, RA_SIM_DEFAULT_CLIENT_SECRET,
                          RA_TOKEN_ENDPOINT_AUTO);

  /* Both sides start with a token: the figures are about the catalogue. */
  ra_token_provider_get_token_async (ra_client_get_token_provider (client), NULL, token_cb, &token);
  RA_TEST_WAIT_UNTIL (token != NULL);

  for (guint i = 0; i < BASELINE_RUNS; i++)
    series_add (baseline, run_baseline (base_url, token));

  for (guint run = 0; run < LOAD_RUNS; run++)
    {
      gint64 start, loaded;

      if (window != NULL)
        close_window (window);
      window = open_window ();
      list = ra_window_get_action_list (window);

      probe_last = g_get_monotonic_time ();
      probe_max_gap = 0;
      probe = g_timeout_add (1, probe_cb, NULL);

      start = g_get_monotonic_time ();
      ra_session_set_connection (ra_window_get_session (window), NULL, client, FALSE);
      RA_TEST_WAIT_UNTIL_FOR (ra_action_list_get_state (list) != RA_ACTION_LIST_STATE_LOADING, 120);
      loaded = g_get_monotonic_time ();
      if (ra_action_list_get_n_total (list) != N_ACTIONS)
        g_error ("Loaded %u actions, expected %u", ra_action_list_get_n_total (list), N_ACTIONS);
      series_add (to_model, (loaded - start) / 1000.0);

      last_paint = 0;
      RA_TEST_WAIT_UNTIL (last_paint > loaded);
      series_add (to_frame, (last_paint - start) / 1000.0);

      g_source_remove (probe);
      series_add (stall, probe_max_gap / 1000.0);

      /* Next run: a client that has never loaded the list, same token. */
      ra_session_set_connection (ra_window_get_session (window), NULL, NULL, FALSE);
    }

  ra_session_set_connection (ra_window_get_session (window), NULL, client, FALSE);
  RA_TEST_WAIT_UNTIL_FOR (ra_action_list_get_state (list) == RA_ACTION_LIST_STATE_LOADED, 120);
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    /* Every row counts */
    g_settings_set_boolean (settings, "filter-api-enabled-only", FALSE);
  }

  /* Typing, then deleting, one character at a time, into the entry
   * itself; the entry's typing delay is skipped by emitting what it
   * emits when the delay runs out. */
  entry = ra_action_list_get_search_entry (list);
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  for (guint round = 0; round < 3; round++)
    {
      for (gsize len = 0; len < strlen (typed); len++)
        {
          int position = (int) len;
          gint64 start = g_get_monotonic_time ();

          gtk_editable_insert_text (GTK_EDITABLE (entry), typed + len, 1, &position);
          g_signal_emit_by_name (entry, "search-changed");
          series_add (keystroke, ms_since (start));
          wait_for_frame ();
        }
      for (gsize len = strlen (typed); len > 0; len--)
        {
          gint64 start = g_get_monotonic_time ();

          gtk_editable_delete_text (GTK_EDITABLE (entry), (int) len - 1, (int) len);
          g_signal_emit_by_name (entry, "search-changed");
          series_add (keystroke, ms_since (start));
          wait_for_frame ();
        }
    }

  getrusage (RUSAGE_SELF, &usage);
  rss_now = current_rss_mib ();

  close_window (window);
  stop_simulator ();

  for (guint i = 0; i < LAUNCH_RUNS; i++)
    {
      double ms;

      if (run_launch (argv[3], &ms) > 0)
        series_add (bare, ms);
      if (run_launch (argv[2], &ms) > 0)
        series_add (launch, ms);
    }

  g_print ("\n");
  g_print ("Remote Actions — window benchmarks (%d actions, simulator in its own process)\n\n", N_ACTIONS);
  g_print ("%-48s %12s %12s  %s\n", "measure", "median", "worst", "compared with");
  g_print ("%-48s %12s %12s  %s\n", "-------", "------", "-----", "-------------");
  g_print ("%-48s %9.1f ms %9.1f ms  curl | python3 json.load: median %.1f ms (%.2f×)\n",
           "request → all rows in the model", series_median (to_model), series_max (to_model),
           series_median (baseline), series_median (to_model) / series_median (baseline));
  g_print ("%-48s %9.1f ms %9.1f ms\n",
           "request → first frame showing them", series_median (to_frame), series_max (to_frame));
  g_print ("%-48s %9.2f ms %9.2f ms  target: median < 16 ms (%u keystrokes)\n",
           "re-filter on a keystroke", series_median (keystroke), series_max (keystroke),
           keystroke->values->len);
  g_print ("%-48s %9.1f ms %9.1f ms  bare AdwApplicationWindow: median %.1f ms (%.2f×)\n",
           "launch → first frame with the demo catalogue", series_median (launch), series_max (launch),
           series_median (bare), series_median (launch) / series_median (bare));
  g_print ("%-48s %9.1f ms %9.1f ms  target: < 50 ms\n",
           "longest main-loop stall while loading", series_median (stall), series_max (stall));
  g_print ("%-48s %9.1f MiB    (resident once loaded: %.1f MiB)\n",
           "peak RSS with 10,000 actions loaded", usage.ru_maxrss / 1024.0, rss_now);
  g_print ("\n(%d load runs, %d baseline runs, %d launches of each program)\n",
           LOAD_RUNS, BASELINE_RUNS, LAUNCH_RUNS);

  return 0;
}
