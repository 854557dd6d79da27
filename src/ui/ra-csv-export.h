/* ra-csv-export.h — saving a CSV file the user chose: the file chooser,
 * the write off the main thread, and what the user is told after
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef void (*RaCsvExportChosen) (GFile    *file,
                                   gpointer  user_data);

/* Asks where to save, over parent (GtkFileChooserNative: GTK 4.8 has no
 * GtkFileDialog), suggesting file_name; chosen is called with the file
 * only when the user accepts. */
void      ra_csv_export_choose       (GtkWindow           *parent,
                                      const char          *title,
                                      const char          *file_name,
                                      RaCsvExportChosen    chosen,
                                      gpointer             user_data,
                                      GDestroyNotify       destroy);

/* Writes contents to file, replacing what is there (atomically, through
 * a temporary file), without blocking the main thread. When done, says
 * so in a toast in toasts, or in a dialog over parent why it failed
 * (NULL parent and toasts: tell nothing); then calls callback with
 * source_object. */
void      ra_csv_export_write_async  (gpointer             source_object,
                                      GFile               *file,
                                      GBytes              *contents,
                                      GtkWindow           *parent,
                                      AdwToastOverlay     *toasts,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean  ra_csv_export_write_finish (GAsyncResult        *result,
                                      GError             **error);

/* "name-2026-12-03.csv": a file name for today's export. */
char     *ra_csv_export_file_name    (const char          *name);

G_END_DECLS
