/* ra-device-results-model.h — what the device results of a run show
 * around their rows: one item per device, the counts per status, the
 * filter by status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-device-result-item.h"
#include "ra-nql-result.h"

G_BEGIN_DECLS

/* Which devices the list lets through. */
typedef enum
{
  RA_DEVICE_RESULTS_FILTER_ALL,
  RA_DEVICE_RESULTS_FILTER_SUCCEEDED,
  RA_DEVICE_RESULTS_FILTER_FAILED,
  RA_DEVICE_RESULTS_FILTER_PENDING,
  RA_DEVICE_RESULTS_FILTER_NO_REPORT,
  RA_DEVICE_RESULTS_FILTER_N_VALUES,
} RaDeviceResultsFilter;

#define RA_TYPE_DEVICE_RESULTS_FILTER (ra_device_results_filter_get_type ())
GType ra_device_results_filter_get_type (void) G_GNUC_CONST;

#define RA_TYPE_DEVICE_RESULTS_MODEL (ra_device_results_model_get_type ())
G_DECLARE_FINAL_TYPE (RaDeviceResultsModel, ra_device_results_model, RA, DEVICE_RESULTS_MODEL, GObject)

/* A GListModel of RaDeviceResultItem: the devices the filter lets
 * through, in the answer's order, then the devices the answer left out.
 * Properties "filter" (RaDeviceResultsFilter) and "settled" notify on
 * change; ::changed comes after each apply (), when the counts and the
 * summary are new. */
RaDeviceResultsModel *ra_device_results_model_new          (void);

/* The run: the collector IDs it was sent to (NULL: not known) and how
 * many (0: not known; the IDs' number when they are given). Devices of
 * the run that the answer has no row for are shown as not known to the
 * instance, since a real instance lists each device it knows from the
 * start. */
void         ra_device_results_model_set_run        (RaDeviceResultsModel *self,
                                                     const char * const   *devices,
                                                     guint                 n_devices);
/* The action's outputs (a GListModel of RaActionOutput, NULL: not
 * known): columns of outputs are labelled with their names and values
 * formatted by their types. Remakes the items of the last answer. */
void         ra_device_results_model_set_outputs    (RaDeviceResultsModel *self,
                                                     GListModel           *outputs);
/* Makes the items of an answer of the execution results query. expired:
 * the run's expiry has passed, so a device still pending never reports.
 * result NULL: nothing to show (a failed refresh). The items of an
 * answer of more than a few thousand rows are made in a worker thread:
 * until "changed", :building is TRUE and the last answer's items, counts
 * and summary stay. */
void         ra_device_results_model_apply          (RaDeviceResultsModel *self,
                                                     RaNqlResult          *result,
                                                     gboolean              expired);
RaNqlResult *ra_device_results_model_get_result     (RaDeviceResultsModel *self);

void                  ra_device_results_model_set_filter (RaDeviceResultsModel *self,
                                                          RaDeviceResultsFilter filter);
RaDeviceResultsFilter ra_device_results_model_get_filter (RaDeviceResultsModel *self);

/* Every device, whatever the filter. */
GListModel  *ra_device_results_model_get_all        (RaDeviceResultsModel *self);
/* How many devices the filter would let through. */
guint        ra_device_results_model_get_count      (RaDeviceResultsModel *self,
                                                     RaDeviceResultsFilter filter);
/* Every device of the run reached a final state: succeeded, failed, or
 * will never report. FALSE when an answer may have been cut, or when
 * the number of devices is not known and nobody reported. */
gboolean     ra_device_results_model_get_settled    (RaDeviceResultsModel *self);
gboolean     ra_device_results_model_get_building   (RaDeviceResultsModel *self);
gboolean     ra_device_results_model_get_filling    (RaDeviceResultsModel *self);
/* "3 of 5 devices succeeded, 1 failed, 1 pending", or NULL before an
 * answer. */
const char  *ra_device_results_model_get_summary    (RaDeviceResultsModel *self);

G_END_DECLS
