/* bench-first-window.h — a first, plain window shown before what a
 * benchmark measures
 *
 * The app's other windows open from its main window, so by then the
 * fonts, the style sheets and modules are loaded and the accessibility
 * bus is connected. A benchmark that opened such a window as the first
 * of its process would time that start instead; it shows this window
 * first, and prints its stall apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bench-probe.h"
#include "ra-test-utils.h"

/* Shows the window, with a header bar and a status page as the app's
 * windows have, and returns it, with the longest stall while it was
 * shown and how long the main thread ran in it. */
static inline GtkWindow *
bench_show_first_window (int     probe_ms,
                         double *stall,
                         double *stall_cpu)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_status_page_new ();
  guint probe;

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "view-list-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), "Remote Actions");
  adw_status_page_set_description (ADW_STATUS_PAGE (page), "Benchmarks");
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (window, 800, 600);

  probe = g_timeout_add (probe_ms, probe_cb, NULL);
  probe_reset ();
  gtk_window_present (window);
  RA_TEST_WAIT_UNTIL_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)), 30);
  /* A few frames drawn. */
  ra_test_spin (300);
  g_source_remove (probe);
  *stall = probe_max_gap / 1000.0;
  *stall_cpu = probe_max_gap_cpu / 1000.0;

  return window;
}
