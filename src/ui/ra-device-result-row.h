/* ra-device-result-row.h — draws one RaDeviceResultItem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ra-device-result-item.h"

G_BEGIN_DECLS

#define RA_TYPE_DEVICE_RESULT_ROW (ra_device_result_row_get_type ())
G_DECLARE_FINAL_TYPE (RaDeviceResultRow, ra_device_result_row, RA, DEVICE_RESULT_ROW, GtkWidget)

GtkWidget          *ra_device_result_row_new      (void);
/* item may be NULL: the row is then empty, as a recycled one is. */
void                ra_device_result_row_set_item (RaDeviceResultRow  *self,
                                                   RaDeviceResultItem *item);
RaDeviceResultItem *ra_device_result_row_get_item (RaDeviceResultRow  *self);

G_END_DECLS
