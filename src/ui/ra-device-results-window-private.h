/* ra-device-results-window-private.h — what the tests reach into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-clock.h"
#include "ra-device-results-window.h"
#include "ra-refresh-schedule.h"

G_BEGIN_DECLS

/* The clock that device results windows made from now on time their
 * refreshes and read their expiry by; NULL: the system's. */
void               ra_device_results_window_use_clock    (RaClock               *clock);
RaRefreshSchedule *ra_device_results_window_get_schedule (RaDeviceResultsWindow *self);
/* The filter buttons, in the order of RaDeviceResultsFilter. */
GtkToggleButton   *ra_device_results_window_get_filter_button (RaDeviceResultsWindow *self,
                                                               RaDeviceResultsFilter  filter);
/* The line under the summary: when the list was read, what comes next. */
const char        *ra_device_results_window_get_status_line (RaDeviceResultsWindow *self);

G_END_DECLS
