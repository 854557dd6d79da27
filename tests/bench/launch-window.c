/* launch-window.c — the real application with --demo, timed to the first
 * frame that shows the demo catalogue
 *
 * Prints the monotonic time of that frame and quits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "launch-window"

#include "config.h"

#include "ra-action-list.h"
#include "ra-application.h"
#include "ra-window.h"

static void
after_paint_cb (GdkFrameClock *clock,
                RaWindow      *window)
{
  RaActionList *list = ra_window_get_action_list (window);

  if (ra_action_list_get_state (list) != RA_ACTION_LIST_STATE_LOADED)
    return;

  g_print ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_application_quit (g_application_get_default ());
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), window);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  if (RA_IS_WINDOW (window))
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RaApplication) app = NULL;
  char *args[] = { argv[0], (char *) "--demo", NULL };

  app = ra_application_new ();
  /* Never hand the launch over to an instance that is already running. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), 2, args);
}
