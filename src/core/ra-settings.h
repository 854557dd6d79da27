/* ra-settings.h — the names of the application's settings
 *
 * The GSettings schema (data/io.github.nxra.RemoteActions.gschema.xml.in,
 * id APP_ID) owns the keys, their types and their defaults. Code names a
 * key only through these constants and never repeats a default: a value
 * to fall back on is the schema's (g_settings_get_default_value ()), and
 * going back to it is g_settings_reset ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The main window's size, restored at startup. */
#define RA_SETTINGS_WINDOW_WIDTH             "window-width"
#define RA_SETTINGS_WINDOW_HEIGHT            "window-height"
#define RA_SETTINGS_WINDOW_MAXIMIZED         "window-maximized"

/* What comes back at startup; empty for none. */
#define RA_SETTINGS_LAST_ACTION              "last-action"
#define RA_SETTINGS_LAST_ACCOUNT             "last-account"

/* The action list's filters. */
#define RA_SETTINGS_FILTER_API_ENABLED_ONLY  "filter-api-enabled-only"
#define RA_SETTINGS_FILTER_WINDOWS           "filter-windows"
#define RA_SETTINGS_FILTER_MACOS             "filter-macos"
#define RA_SETTINGS_FILTER_DATA_COLLECTION   "filter-data-collection"
#define RA_SETTINGS_FILTER_REMEDIATION       "filter-remediation"

/* Preferences. */
#define RA_SETTINGS_DEFAULT_EXPIRY_MINUTES   "default-expiry-minutes"
#define RA_SETTINGS_CONFIRMATION_THRESHOLD   "confirmation-threshold"
#define RA_SETTINGS_EXTERNAL_SOURCE          "external-source"

/* No longer used: query IDs belong to each account now. Read once at
 * startup and moved into the accounts that have none
 * (ra_account_manager_migrate_results_query ()). */
#define RA_SETTINGS_EXECUTION_RESULTS_QUERY  "execution-results-query"
