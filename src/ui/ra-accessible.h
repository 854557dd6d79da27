/* ra-accessible.h — what assistive technologies are told of widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 names a button whose label has a mnemonic twice, once with
 * the underscore: "_Save Save" (its label property, then the label that
 * labels it). From the first call on, every button of the process is
 * named by its label alone, "Save", from when it or a window holding it
 * is first shown, and stays so when its label changes. Classes whose widgets hold such
 * buttons call it in their class_init. */
void ra_accessible_fix_mnemonic_names (void);

/* Icon buttons inside root that only have a tooltip, such as libadwaita
 * 1.2's password row's "Show Text", are named after their icon's class
 * ("GtkImage"): each is named by its tooltip instead, and follows it. */
void ra_accessible_name_icon_buttons  (GtkWidget *root);

G_END_DECLS
