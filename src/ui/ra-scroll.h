/* ra-scroll.h — bringing a widget into view in its scrolled window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Scrolls the scrolled window around widget down as little as shows all
 * of widget and margin pixels below it; nothing when it is in view
 * already or not laid out. From the top of a page, that keeps what is
 * above it (a title) in sight whenever both fit. */
void ra_scroll_to_reveal (GtkWidget *widget,
                          double     margin);

G_END_DECLS
