/* ra-device-editor.h — the list of devices an action runs on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ra-client.h"
#include "ra-device-ids.h"

G_BEGIN_DECLS

#define RA_TYPE_DEVICE_EDITOR (ra_device_editor_get_type ())
G_DECLARE_FINAL_TYPE (RaDeviceEditor, ra_device_editor, RA, DEVICE_EDITOR, AdwBin)

GtkWidget   *ra_device_editor_new            (void);
GtkTextView *ra_device_editor_get_text_view  (RaDeviceEditor *self);
char        *ra_device_editor_dup_text       (RaDeviceEditor *self);
/* Replaces the text and parses it at once, on the main thread. */
void         ra_device_editor_set_text       (RaDeviceEditor *self,
                                              const char     *text);
/* Typing and pasting are parsed in a worker thread after a short pause,
 * each change superseding the parse under way. This parses now what the
 * user typed or pasted, when the result is needed at once. */
void         ra_device_editor_flush          (RaDeviceEditor *self);
/* The last parse; never NULL. */
RaDeviceIds *ra_device_editor_get_device_ids (RaDeviceEditor *self);
/* The devices the list comes to: its collector IDs, and those its
 * device names were resolved to. */
guint        ra_device_editor_get_n_devices  (RaDeviceEditor *self);
/* Those devices, each once: the IDs, then the devices of the names; with
 * the name of each of the latter in *names_by_uid (ID → name), if not
 * NULL. */
GStrv        ra_device_editor_dup_devices    (RaDeviceEditor  *self,
                                              GHashTable     **names_by_uid);
/* With a device-lookup query (query_id not NULL or empty) and the client
 * to run it, the list takes device names too, and looks them up on
 * request (devices.look-up); without, only collector IDs. Changing them
 * forgets what names were found to be. */
void         ra_device_editor_set_lookup     (RaDeviceEditor *self,
                                              RaClient       *client,
                                              const char     *query_id);
/* Names to offer, on the demo instance (NULL: none). */
void         ra_device_editor_set_demo_names (RaDeviceEditor     *self,
                                              const char * const *names);
/* The device names of the list (RaDeviceName), with what was found. */
GListModel  *ra_device_editor_get_names      (RaDeviceEditor *self);
/* Whether names are being looked up. */
gboolean     ra_device_editor_get_looking_up (RaDeviceEditor *self);
/* Why the devices cannot be used as they are ("Add at least one
 * device"), or NULL when they can. */
const char  *ra_device_editor_get_problem    (RaDeviceEditor *self);
/* Puts the IDs in file into the list: of a table, such as a device
 * export, the ID column alone. When the list is not empty, a dialog asks
 * first whether they replace what is there or are added after it. The
 * file is read in a worker thread, and only when it is a regular file of
 * a sensible size; busy until its devices are counted. */
void         ra_device_editor_import_file    (RaDeviceEditor *self,
                                              GFile          *file);
/* While a file is imported, or a long paste goes into the text bit by
 * bit, until their devices are counted: the text is read-only then, and
 * the count says what is going on. ra_device_editor_flush() completes a
 * paste at once. */
gboolean     ra_device_editor_get_busy       (RaDeviceEditor *self);
/* The lines shown under the list: "Line 4: “abc” is not a collector ID",
 * then "and 3 more invalid entries" when there are too many to list. */
GStrv        ra_device_editor_dup_invalid_lines (RaDeviceEditor *self);
/* Why the last import failed, or NULL. */
const char  *ra_device_editor_get_import_error (RaDeviceEditor *self);
/* What the list is for now: the action shown (id NULL: none). The
 * devices stay when it changes; if the list holds devices typed for
 * another, a note says so and offers to clear them, until the list is
 * changed or its own action comes back. */
void         ra_device_editor_set_context    (RaDeviceEditor *self,
                                              const char     *id,
                                              const char     *name);
/* The name of what the devices were kept from, or NULL when they were
 * typed for the current context (or there are none). */
const char  *ra_device_editor_get_kept_from  (RaDeviceEditor *self);
/* The one-line summary: "3 valid devices · 1 duplicate will be sent once". */
const char  *ra_device_editor_get_summary    (RaDeviceEditor *self);

G_END_DECLS
