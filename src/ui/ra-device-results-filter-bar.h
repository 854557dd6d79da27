/* ra-device-results-filter-bar.h — the filters of device results, each
 * with how many devices it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ra-device-results-model.h"

G_BEGIN_DECLS

#define RA_TYPE_DEVICE_RESULTS_FILTER_BAR (ra_device_results_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (RaDeviceResultsFilterBar, ra_device_results_filter_bar, RA, DEVICE_RESULTS_FILTER_BAR, GtkWidget)

/* A row of toggle buttons, "All (12)", "Succeeded (8)"…, that scrolls
 * sideways in a narrow window; the one active is the model's filter. */
GtkWidget       *ra_device_results_filter_bar_new        (void);
void             ra_device_results_filter_bar_set_model  (RaDeviceResultsFilterBar *self,
                                                          RaDeviceResultsModel     *model);
GtkToggleButton *ra_device_results_filter_bar_get_button (RaDeviceResultsFilterBar *self,
                                                          RaDeviceResultsFilter     filter);

G_END_DECLS
