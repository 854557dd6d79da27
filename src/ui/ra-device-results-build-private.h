/* ra-device-results-build-private.h — the items of an answer of the
 * execution results query, made off the model so that a worker thread
 * can make them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-device-result-item.h"
#include "ra-device-results-model.h"
#include "ra-nql-result.h"

G_BEGIN_DECLS

/* What making the items takes, copied from the model so a worker thread
 * can read it, and what comes of it. */
typedef struct _RaDeviceResultsBuild
{
  RaNqlResult *result;
  GPtrArray   *outputs;
  GStrv        devices;
  guint        n_devices;
  gboolean     expired;
  guint        generation;

  GPtrArray   *items;
  guint        counts[RA_DEVICE_RESULTS_FILTER_N_VALUES];
  guint        n_unlisted;
} RaDeviceResultsBuild;

void                  ra_device_results_build_free   (RaDeviceResultsBuild *build);
/* Fills build's items, counts and n_unlisted; reads nothing else. */
void                  ra_device_results_build_run    (RaDeviceResultsBuild *build);
/* The filter that shows a device of this kind besides "All". */
RaDeviceResultsFilter ra_device_results_filter_of_kind (RaDeviceResultKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RaDeviceResultsBuild, ra_device_results_build_free)

G_END_DECLS
