/* ra-device-name-row.h — a device name in the devices editor, with what
 * looking it up found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-device-name.h"

G_BEGIN_DECLS

#define RA_TYPE_DEVICE_NAME_ROW (ra_device_name_row_get_type ())
G_DECLARE_FINAL_TYPE (RaDeviceNameRow, ra_device_name_row, RA, DEVICE_NAME_ROW, AdwActionRow)

/* Follows item as it is looked up. With several matches, a menu button
 * lists them, and choosing one picks it (ra_device_name_pick ()). */
GtkWidget    *ra_device_name_row_new         (RaDeviceName    *item);
RaDeviceName *ra_device_name_row_get_item    (RaDeviceNameRow *self);
/* The button that lists the candidates; hidden unless there are some. */
GtkWidget    *ra_device_name_row_get_chooser (RaDeviceNameRow *self);

G_END_DECLS
