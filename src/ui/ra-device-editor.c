/* ra-device-editor.c — the list of devices an action runs on
 *
 * The editor's files, each calling only those below it: this one (the
 * widget, its actions, clearing with a way back), -import.c (files
 * chosen or dropped), -text.c (the text, parsed as it changes, long
 * pastes and imports put in piece by piece) and -problems.c (the invalid
 * entries marked and listed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ra-device-editor-private.h"

G_DEFINE_FINAL_TYPE (RaDeviceEditor, ra_device_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DEVICE_IDS,
  PROP_PROBLEM,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dismiss_clear_toast (RaDeviceEditor *self)
{
  AdwToast *toast = g_steal_pointer (&self->clear_toast);

  if (toast != NULL)
    adw_toast_dismiss (toast);
}

static void
update_kept_note (RaDeviceEditor *self)
{
  gboolean kept = ra_device_editor_get_kept_from (self) != NULL;
  g_autofree char *title = NULL;

  if (kept)
    /* Translators: %s is the name of the action the devices were chosen for */
    title = g_strdup_printf (_("Devices kept from “%s”"), self->list_context_name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kept_row), kept ? title : "");
  gtk_widget_set_visible (self->kept_row, kept);
}

static void
buffer_changed_cb (RaDeviceEditor *self)
{
  /* "Undo" would take a change made after "Clear" away. */
  dismiss_clear_toast (self);

  /* What is typed now is for the action shown now. */
  g_clear_pointer (&self->list_context_id, g_free);
  g_clear_pointer (&self->list_context_name, g_free);
  if (gtk_text_buffer_get_char_count (ra_device_editor_get_buffer (self)) > 0)
    {
      self->list_context_id = g_strdup (self->context_id);
      self->list_context_name = g_strdup (self->context_name);
    }
  update_kept_note (self);
}

static void
clear_toast_dismissed_cb (RaDeviceEditor *self,
                          AdwToast       *toast)
{
  if (self->clear_toast == toast)
    self->clear_toast = NULL;
}

static void
undo_clear_clicked_cb (RaDeviceEditor *self,
                       AdwToast       *toast)
{
  GBytes *text = g_object_get_data (G_OBJECT (toast), "text");

  /* Any change after "Clear" takes the toast away: the list is still
   * empty. */
  self->clear_toast = NULL;
  ra_device_editor_replace_text (self, text, FALSE);
}

/* Whatever the list held is one click away for as long as the toast
 * shows, and one Ctrl+Z away afterwards. */
static void
clear_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  RaDeviceEditor *self = RA_DEVICE_EDITOR (widget);
  GtkTextBuffer *buffer = ra_device_editor_get_buffer (self);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *text = NULL;
  GBytes *bytes;
  GtkTextIter start, end;
  AdwToast *toast;

  ra_device_editor_complete_feed (self);
  if (gtk_text_buffer_get_char_count (buffer) == 0)
    return;

  text = ra_device_editor_dup_text (self);
  bytes = g_bytes_new_take (text, strlen (text));
  text = NULL;
  dismiss_clear_toast (self);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_end_user_action (buffer);
  ra_device_editor_parse_now (self);
  gtk_widget_grab_focus (self->text_view);

  if (overlay == NULL)
    {
      g_bytes_unref (bytes);
      return;
    }

  toast = adw_toast_new (_("Devices cleared"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "text", bytes, (GDestroyNotify) g_bytes_unref);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (undo_clear_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed",
                           G_CALLBACK (clear_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  self->clear_toast = toast;
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
remove_invalid_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RaDeviceEditor *self = RA_DEVICE_EDITOR (widget);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) kept = NULL;
  char *remaining;

  /* The text is not editable while a file goes in. */
  if (ra_device_editor_importing (self))
    {
      gtk_widget_error_bell (self->text_view);
      return;
    }

  /* Of the text as it is, with the last of a paste in. */
  ra_device_editor_flush (self);
  if (ra_device_ids_get_n_invalid (self->device_ids) == 0)
    return;

  /* Parses the whole text on the main thread once more: tens of
   * milliseconds for the longest list, on a click. */
  text = ra_device_editor_dup_text (self);
  remaining = ra_device_ids_remove_invalid_full (text, ra_device_editor_names_enabled (self));
  kept = g_bytes_new_take (remaining, strlen (remaining));
  ra_device_editor_replace_text (self, kept, FALSE);
  gtk_widget_grab_focus (self->text_view);
}

static void
ra_device_editor_dispose (GObject *object)
{
  RaDeviceEditor *self = RA_DEVICE_EDITOR (object);

  ra_device_editor_dispose_text (self);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  ra_device_editor_dispose_import (self);
  ra_device_editor_dispose_names (self);
  dismiss_clear_toast (self);

  G_OBJECT_CLASS (ra_device_editor_parent_class)->dispose (object);
}

static void
ra_device_editor_unmap (GtkWidget *widget)
{
  RaDeviceEditor *self = RA_DEVICE_EDITOR (widget);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));

  /* After a paste the text view scrolls to the cursor, animated, for as
   * long as it lays out a long text. GTK 4.8's scrolled window, unmapped
   * meanwhile, ends the animation twice and logs a critical (seen when
   * the window closed right after a long paste): end it here first, where
   * the scroll is. */
  if (vadjustment != NULL)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment));

  GTK_WIDGET_CLASS (ra_device_editor_parent_class)->unmap (widget);
}

static void
ra_device_editor_finalize (GObject *object)
{
  RaDeviceEditor *self = RA_DEVICE_EDITOR (object);

  g_clear_object (&self->device_ids);
  g_free (self->problem);
  g_clear_pointer (&self->invalid_marks, g_ptr_array_unref);
  g_free (self->context_id);
  g_free (self->context_name);
  g_free (self->list_context_id);
  g_free (self->list_context_name);

  G_OBJECT_CLASS (ra_device_editor_parent_class)->finalize (object);
}

static void
ra_device_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RaDeviceEditor *self = RA_DEVICE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DEVICE_IDS:
      g_value_set_object (value, self->device_ids);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, ra_device_editor_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_device_editor_class_init (RaDeviceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ra_device_editor_dispose;
  object_class->finalize = ra_device_editor_finalize;
  object_class->get_property = ra_device_editor_get_property;
  widget_class->unmap = ra_device_editor_unmap;

  properties[PROP_DEVICE_IDS] =
    g_param_spec_object ("device-ids", NULL, NULL,
                         RA_TYPE_DEVICE_IDS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-device-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, drop_area);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, placeholder);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, import_button);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, clear_button);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, import_error_label);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, problems_box);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, invalid_list);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, more_invalid_label);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, kept_row);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, group);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, demo_row);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, names_box);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, names_list);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, names_error_label);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, lookup_button);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, lookup_progress);
  gtk_widget_class_bind_template_child (widget_class, RaDeviceEditor, cancel_lookup_button);

  gtk_widget_class_install_action (widget_class, "devices.import", NULL, ra_device_editor_import_cb);
  gtk_widget_class_install_action (widget_class, "devices.clear", NULL, clear_cb);
  gtk_widget_class_install_action (widget_class, "devices.remove-invalid", NULL,
                                   remove_invalid_cb);
  gtk_widget_class_install_action (widget_class, "devices.look-up", NULL,
                                   ra_device_editor_look_up_cb);
  gtk_widget_class_install_action (widget_class, "devices.cancel-look-up", NULL,
                                   ra_device_editor_cancel_look_up_cb);
  gtk_widget_class_install_action (widget_class, "devices.use-demo-devices", NULL,
                                   ra_device_editor_use_demo_devices_cb);
}

static void
ra_device_editor_init (RaDeviceEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  ra_device_editor_init_text (self);
  g_signal_connect_object (ra_device_editor_get_buffer (self), "changed",
                           G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Device collector IDs"),
                                  -1);

  ra_device_editor_init_import (self);
  ra_device_editor_init_problems (self);
  ra_device_editor_init_names (self);

  gtk_widget_set_sensitive (self->clear_button, FALSE);
  ra_device_editor_parse_now (self);
}

GtkWidget *
ra_device_editor_new (void)
{
  return g_object_new (RA_TYPE_DEVICE_EDITOR, NULL);
}

RaDeviceIds *
ra_device_editor_get_device_ids (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), NULL);

  return self->device_ids;
}

guint
ra_device_editor_get_n_devices (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), 0);

  return ra_device_editor_count_devices (self);
}

GStrv
ra_device_editor_dup_devices (RaDeviceEditor  *self,
                              GHashTable     **names_by_uid)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), NULL);

  return ra_device_editor_dup_devices_with_names (self, names_by_uid);
}

void
ra_device_editor_set_lookup (RaDeviceEditor *self,
                             RaClient       *client,
                             const char     *query_id)
{
  g_return_if_fail (RA_IS_DEVICE_EDITOR (self));
  g_return_if_fail (client == NULL || RA_IS_CLIENT (client));

  if (query_id != NULL && query_id[0] == '\0')
    query_id = NULL;
  if (client == self->lookup_client && g_strcmp0 (query_id, self->lookup_query_id) == 0)
    return;

  ra_device_editor_stop_names (self);
  g_set_object (&self->lookup_client, client);
  g_free (self->lookup_query_id);
  self->lookup_query_id = g_strdup (query_id);
  ra_device_editor_update_names_mode (self);

  /* Names are entries of the list only with a query to look them up. */
  ra_device_editor_complete_feed (self);
  ra_device_editor_parse_now (self);
}

void
ra_device_editor_set_demo_names (RaDeviceEditor     *self,
                                 const char * const *names)
{
  g_return_if_fail (RA_IS_DEVICE_EDITOR (self));

  g_strfreev (self->demo_names);
  self->demo_names = names != NULL && names[0] != NULL ? g_strdupv ((char **) names) : NULL;
  ra_device_editor_update_names_mode (self);
}

GListModel *
ra_device_editor_get_names (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), NULL);

  return G_LIST_MODEL (self->names);
}

gboolean
ra_device_editor_get_looking_up (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), FALSE);

  return self->resolver != NULL;
}

const char *
ra_device_editor_get_problem (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), NULL);

  return self->problem;
}

const char *
ra_device_editor_get_summary (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->summary_label));
}

GtkTextView *
ra_device_editor_get_text_view (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), NULL);

  return GTK_TEXT_VIEW (self->text_view);
}

const char *
ra_device_editor_get_import_error (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (self->import_error_label))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->import_error_label));
}

char *
ra_device_editor_dup_text (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), NULL);

  return ra_device_editor_dup_buffer_text (self);
}

void
ra_device_editor_set_text (RaDeviceEditor *self,
                           const char     *text)
{
  g_return_if_fail (RA_IS_DEVICE_EDITOR (self));

  ra_device_editor_cancel_feed (self);
  gtk_text_buffer_set_text (ra_device_editor_get_buffer (self), text ? text : "", -1);
  ra_device_editor_parse_now (self);
}

void
ra_device_editor_flush (RaDeviceEditor *self)
{
  g_return_if_fail (RA_IS_DEVICE_EDITOR (self));

  ra_device_editor_flush_text (self);
}

gboolean
ra_device_editor_get_busy (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), FALSE);

  return ra_device_editor_text_busy (self);
}

GStrv
ra_device_editor_dup_invalid_lines (RaDeviceEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->invalid_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      g_strv_builder_add (builder, gtk_label_get_text (GTK_LABEL (label)));
    }

  if (gtk_widget_get_visible (self->more_invalid_label))
    g_strv_builder_add (builder, gtk_label_get_text (GTK_LABEL (self->more_invalid_label)));

  return g_strv_builder_end (builder);
}

void
ra_device_editor_import_file (RaDeviceEditor *self,
                              GFile          *file)
{
  g_return_if_fail (RA_IS_DEVICE_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  ra_device_editor_start_import (self, file);
}

void
ra_device_editor_set_context (RaDeviceEditor *self,
                              const char     *id,
                              const char     *name)
{
  g_return_if_fail (RA_IS_DEVICE_EDITOR (self));

  g_free (self->context_id);
  self->context_id = g_strdup (id);
  g_free (self->context_name);
  self->context_name = g_strdup (name != NULL ? name : id);
  update_kept_note (self);
}

const char *
ra_device_editor_get_kept_from (RaDeviceEditor *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_EDITOR (self), NULL);

  if (self->list_context_id == NULL || g_strcmp0 (self->list_context_id, self->context_id) == 0)
    return NULL;

  return self->list_context_name;
}
