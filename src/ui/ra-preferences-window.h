/* ra-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RA_TYPE_PREFERENCES_WINDOW (ra_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RaPreferencesWindow, ra_preferences_window, RA, PREFERENCES_WINDOW, AdwPreferencesWindow)

RaPreferencesWindow *ra_preferences_window_new          (GtkWindow           *parent,
                                                         GSettings           *settings);
GSettings           *ra_preferences_window_get_settings (RaPreferencesWindow *self);

G_END_DECLS
