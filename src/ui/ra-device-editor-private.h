/* ra-device-editor-private.h — what the devices editor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-client.h"
#include "ra-device-editor.h"
#include "ra-device-resolver.h"
#include "ra-text-feed.h"

G_BEGIN_DECLS

/* The most text the list holds: 10,000 IDs take 370,000 characters, and
 * a CSV export of them with a dozen columns a few megabytes. Beyond
 * this, the text view itself stops being quick. */
#define RA_DEVICE_EDITOR_MAX_TEXT_CHARS (8 * 1024 * 1024)

struct _RaDeviceEditor
{
  AdwBin           parent_instance;

  /* template */
  GtkWidget       *text_view;
  GtkWidget       *drop_area;
  GtkWidget       *placeholder;
  GtkWidget       *import_button;
  GtkWidget       *clear_button;
  GtkWidget       *summary_label;
  GtkWidget       *import_error_label;
  GtkWidget       *problems_box;
  GtkListBox      *invalid_list;
  GtkWidget       *more_invalid_label;
  GtkWidget       *kept_row;
  GtkWidget       *group;
  GtkWidget       *demo_row;
  GtkWidget       *names_box;
  GtkListBox      *names_list;
  GtkWidget       *names_error_label;
  GtkWidget       *lookup_button;
  GtkWidget       *lookup_progress;
  GtkWidget       *cancel_lookup_button;

  RaDeviceIds     *device_ids;
  char            *problem;
  guint            parse_source;
  /* Counts changes of the text; a parse result is applied only when it
   * was made from the current one. */
  guint64          generation;
  GCancellable    *parse_cancellable;
  GCancellable    *import_cancellable;
  /* Set while an imported text waits for its parse: still busy. */
  gboolean         import_parsing;
  /* The same for a paste that went in piece by piece. */
  gboolean         paste_parsing;
  /* A long paste or import going into the text; the text is not
   * editable meanwhile. Parsing waits until it is all in. */
  RaTextFeed      *feed;
  gboolean         feed_is_import;
  /* What "busy" last said. */
  gboolean         busy;
  /* Clipboard reads under way; cancelled (and cleared) by dispose. */
  GCancellable    *paste_cancellable;
  GtkNativeDialog *file_chooser;
  /* Asks whether an import replaces the devices or adds to them. */
  GtkWindow       *import_dialog;
  /* Whether the file being read replaces the text. */
  gboolean         import_replaces;

  /* Marks the invalid entries in the text. */
  GtkTextTag      *invalid_tag;
  /* Where the listed invalid entries are, as the text changes. */
  GPtrArray       *invalid_marks;
  /* Scrolls to an invalid entry once more. */
  guint            scroll_source;
  /* The toast that offers to undo "Clear" (it holds the text); weak. */
  AdwToast        *clear_toast;

  /* What the list is for now (the action shown), and what it was for
   * when it was last changed: they differ when the devices were kept. */
  char            *context_id;
  char            *context_name;
  char            *list_context_id;
  char            *list_context_name;

  /* Device names, when a lookup query is set: the client and query that
   * look them up, the names of the list (RaDeviceName), what was found
   * for them by folded name, the lookup under way, and the demo
   * instance's names to offer. */
  RaClient        *lookup_client;
  char            *lookup_query_id;
  GListStore      *names;
  GHashTable      *name_results;
  RaDeviceResolver *resolver;
  GCancellable    *lookup_cancellable;
  GStrv            demo_names;
};

/* The files of the editor (see ra-device-editor.c), each calling only
 * those below it, never the type's functions (its casts and checks
 * included): those are in ra-device-editor.c. */

/* ra-device-editor-import.c */
void           ra_device_editor_init_import       (RaDeviceEditor *self);
void           ra_device_editor_dispose_import    (RaDeviceEditor *self);
/* ra_device_editor_import_file (), asking first when the list is not
 * empty. */
void           ra_device_editor_start_import      (RaDeviceEditor *self,
                                                   GFile          *file);
void           ra_device_editor_import_cb         (GtkWidget      *widget,
                                                   const char     *action_name,
                                                   GVariant       *parameter);

/* ra-device-editor-text.c */
void           ra_device_editor_init_text         (RaDeviceEditor *self);
void           ra_device_editor_dispose_text      (RaDeviceEditor *self);
GtkTextBuffer *ra_device_editor_get_buffer        (RaDeviceEditor *self);
char          *ra_device_editor_dup_buffer_text   (RaDeviceEditor *self);
/* ra_device_editor_flush () and ra_device_editor_get_busy () */
void           ra_device_editor_flush_text        (RaDeviceEditor *self);
gboolean       ra_device_editor_text_busy         (RaDeviceEditor *self);
void           ra_device_editor_update_busy       (RaDeviceEditor *self);
/* While an import is read, added or counted: the text is not editable. */
gboolean       ra_device_editor_importing         (RaDeviceEditor *self);
/* Whether text (length bytes, or a string) fits in the list. */
gboolean       ra_device_editor_fits              (RaDeviceEditor *self,
                                                   const char     *text,
                                                   gssize          length);
void           ra_device_editor_show_import_error (RaDeviceEditor *self,
                                                   const char     *message);
/* On the main thread, for when the result is needed at once. */
void           ra_device_editor_parse_now         (RaDeviceEditor *self);
void           ra_device_editor_cancel_parse      (RaDeviceEditor *self);
/* Runs feed (taken), parsing when it is done. */
void           ra_device_editor_run_feed          (RaDeviceEditor *self,
                                                   RaTextFeed     *feed,
                                                   gboolean        is_import);
/* Whatever is still going in goes in now. */
void           ra_device_editor_complete_feed     (RaDeviceEditor *self);
/* The rest of what was going in is dropped: for when the whole text is
 * replaced. */
void           ra_device_editor_cancel_feed       (RaDeviceEditor *self);
/* Puts text (a string; GBytes of it without its NUL) in place of the
 * whole text, piece by piece when it is long, as one step to undo. */
void           ra_device_editor_replace_text      (RaDeviceEditor *self,
                                                   GBytes         *text,
                                                   gboolean        is_import);

/* ra-device-editor-names.c */
void           ra_device_editor_init_names        (RaDeviceEditor *self);
void           ra_device_editor_dispose_names     (RaDeviceEditor *self);
gboolean       ra_device_editor_names_enabled     (RaDeviceEditor *self);
/* After a change of the lookup query or the demo names: the texts that
 * say what the list takes. */
void           ra_device_editor_update_names_mode (RaDeviceEditor *self);
/* Cancels a lookup and forgets what was found: the names may stand for
 * other devices now. */
void           ra_device_editor_stop_names        (RaDeviceEditor *self);
/* Shows the names of the last parse, with what was found for them. */
void           ra_device_editor_show_names        (RaDeviceEditor *self);
/* The summary, the problem, and the look-up button, for the IDs and
 * names as they are now; tells "device-ids" has changed. */
void           ra_device_editor_update_devices    (RaDeviceEditor *self);
/* The IDs, then those the names were resolved to that are not among
 * them; with the name of each of the latter in *names_by_uid. */
GStrv          ra_device_editor_dup_devices_with_names (RaDeviceEditor  *self,
                                                       GHashTable     **names_by_uid);
guint          ra_device_editor_count_devices     (RaDeviceEditor *self);
void           ra_device_editor_look_up_cb        (GtkWidget      *widget,
                                                   const char     *action_name,
                                                   GVariant       *parameter);
void           ra_device_editor_cancel_look_up_cb (GtkWidget      *widget,
                                                   const char     *action_name,
                                                   GVariant       *parameter);
void           ra_device_editor_use_demo_devices_cb (GtkWidget    *widget,
                                                   const char     *action_name,
                                                   GVariant       *parameter);

/* ra-device-editor-problems.c */
void           ra_device_editor_init_problems     (RaDeviceEditor *self);
/* Lists and marks the invalid entries of the last parse, which is of the
 * text as it is now. */
void           ra_device_editor_show_problems     (RaDeviceEditor *self);

G_END_DECLS
