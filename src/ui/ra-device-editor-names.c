/* ra-device-editor-names.c — device names in the devices editor: looked
 * up through the account's device-lookup query, each shown with what
 * was found, the several devices of one name offered to choose from;
 * and what the list comes to with them (its summary, its problem)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-device-editor-private.h"
#include "ra-device-name-row.h"
#include "ra-device-resolver.h"
#include "ra-device-words.h"

gboolean
ra_device_editor_names_enabled (RaDeviceEditor *self)
{
  return self->lookup_client != NULL && self->lookup_query_id != NULL;
}

static char *
name_key (const char *name)
{
  return g_utf8_casefold (name, -1);
}

/* The collector IDs the names stand for that the list does not hold
 * already, in the order of the names. */
static GPtrArray *
name_devices (RaDeviceEditor *self,
              GHashTable     *names_by_uid)
{
  GPtrArray *uids = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *ids = ra_device_ids_get_ids (self->device_ids);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->names));

  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (seen, (gpointer) ids[i]);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaDeviceName) item = g_list_model_get_item (G_LIST_MODEL (self->names), i);
      const char *uid = ra_device_name_get_uid (item);

      if (uid == NULL)
        continue;
      if (names_by_uid != NULL && !g_hash_table_contains (names_by_uid, uid))
        g_hash_table_insert (names_by_uid, g_strdup (uid),
                             g_strdup (ra_device_name_get_name (item)));
      if (!g_hash_table_add (seen, (gpointer) uid))
        continue;
      g_ptr_array_add (uids, (gpointer) uid);
    }

  return uids;
}

guint
ra_device_editor_count_devices (RaDeviceEditor *self)
{
  g_autoptr(GPtrArray) extra = name_devices (self, NULL);

  return ra_device_ids_get_n_ids (self->device_ids) + extra->len;
}

GStrv
ra_device_editor_dup_devices_with_names (RaDeviceEditor  *self,
                                         GHashTable     **names_by_uid)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) extra = name_devices (self, names);

  g_strv_builder_addv (builder, (const char **) ra_device_ids_get_ids (self->device_ids));
  for (guint i = 0; i < extra->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (extra, i));

  if (names_by_uid != NULL)
    *names_by_uid = g_steal_pointer (&names);

  return g_strv_builder_end (builder);
}

/* The first name in the given state, and how many are in it. */
static RaDeviceName *
first_in (RaDeviceEditor     *self,
          RaDeviceNameStatus  status,
          guint              *count)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->names));
  RaDeviceName *first = NULL;

  *count = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaDeviceName) item = g_list_model_get_item (G_LIST_MODEL (self->names), i);

      if (ra_device_name_get_status (item) != status)
        continue;
      if (first == NULL)
        first = item;
      (*count)++;
    }

  return first;
}

/* Why the names keep the list from being used, or NULL. */
static char *
dup_names_problem (RaDeviceEditor *self)
{
  RaDeviceName *item;
  guint count;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->names)) == 0)
    return NULL;

  if (self->resolver != NULL)
    return g_strdup (_("Looking up device names…"));

  if (first_in (self, RA_DEVICE_NAME_PENDING, &count) != NULL)
    return g_strdup_printf (ngettext ("Look up the device name", "Look up the %'u device names",
                                      count),
                            count);

  if ((item = first_in (self, RA_DEVICE_NAME_NO_MATCH, &count)) != NULL)
    /* Translators: %s is a device name as the user typed it */
    return count == 1 ? g_strdup_printf (_("No device is named “%s”: correct or remove it"),
                                         ra_device_name_get_name (item))
                      : g_strdup_printf (ngettext ("%'u device name matches no device",
                                                   "%'u device names match no device", count),
                                         count);

  if ((item = first_in (self, RA_DEVICE_NAME_SEVERAL, &count)) != NULL)
    /* Translators: %s is a device name that several devices have */
    return g_strdup_printf (_("Choose which device “%s” is"), ra_device_name_get_name (item));

  if ((item = first_in (self, RA_DEVICE_NAME_ERROR, &count)) != NULL)
    /* Translators: %s is a device name as the user typed it */
    return g_strdup_printf (_("“%s” could not be looked up: look it up again or remove it"),
                            ra_device_name_get_name (item));

  return NULL;
}

static char *
dup_summary (RaDeviceEditor *self,
             guint           n_devices)
{
  g_autofree char *ids = ra_device_words_summary (self->device_ids, n_devices);
  guint n_names = g_list_model_get_n_items (G_LIST_MODEL (self->names));
  guint n_unresolved = 0;

  if (n_names == 0)
    return g_steal_pointer (&ids);

  for (guint i = 0; i < n_names; i++)
    {
      g_autoptr(RaDeviceName) item = g_list_model_get_item (G_LIST_MODEL (self->names), i);

      if (ra_device_name_get_status (item) != RA_DEVICE_NAME_RESOLVED)
        n_unresolved++;
    }

  if (n_unresolved == 0)
    return g_steal_pointer (&ids);

  return g_strdup_printf (ngettext ("%s · %'u device name to resolve",
                                    "%s · %'u device names to resolve", n_unresolved),
                          ids, n_unresolved);
}

void
ra_device_editor_update_devices (RaDeviceEditor *self)
{
  guint n_devices = ra_device_editor_count_devices (self);
  g_autofree char *summary = dup_summary (self, n_devices);
  g_autofree char *problem = NULL;
  guint n_to_look_up = 0;
  guint n_names = g_list_model_get_n_items (G_LIST_MODEL (self->names));

  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);

  /* Mistakes first: they may be names typed wrong. */
  if (ra_device_ids_get_n_invalid (self->device_ids) == 0)
    problem = dup_names_problem (self);
  if (problem == NULL)
    problem = ra_device_words_problem (self->device_ids, n_devices);

  if (g_strcmp0 (problem, self->problem) != 0)
    {
      g_free (self->problem);
      self->problem = g_steal_pointer (&problem);
      g_object_notify (G_OBJECT (self), "problem");
    }

  for (guint i = 0; i < n_names; i++)
    {
      g_autoptr(RaDeviceName) item = g_list_model_get_item (G_LIST_MODEL (self->names), i);
      RaDeviceNameStatus status = ra_device_name_get_status (item);

      if (status == RA_DEVICE_NAME_PENDING || status == RA_DEVICE_NAME_ERROR)
        n_to_look_up++;
    }

  if (n_to_look_up > 0)
    {
      g_autofree char *label =
        g_strdup_printf (ngettext ("_Look Up %'u Name", "_Look Up %'u Names", n_to_look_up),
                         n_to_look_up);

      gtk_button_set_label (GTK_BUTTON (self->lookup_button), label);
    }
  gtk_widget_set_visible (self->lookup_button, n_to_look_up > 0 && self->resolver == NULL);
  gtk_widget_set_visible (self->names_box, n_names > 0);

  g_object_notify (G_OBJECT (self), "device-ids");
}

static void
item_changed_cb (RaDeviceEditor *self)
{
  ra_device_editor_update_devices (self);
}

/* Keeps item for its name, for as long as the list has that name. */
static void
remember (RaDeviceEditor *self,
          RaDeviceName   *item)
{
  g_hash_table_replace (self->name_results, name_key (ra_device_name_get_name (item)),
                        g_object_ref (item));
  g_signal_connect_object (item, "notify::status", G_CALLBACK (item_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
ra_device_editor_show_names (RaDeviceEditor *self)
{
  const char * const *names = ra_device_ids_get_names (self->device_ids);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      g_object_unref);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *key = name_key (names[i]);
      RaDeviceName *item = g_hash_table_lookup (self->name_results, key);

      if (item == NULL)
        {
          g_autoptr(RaDeviceName) fresh = ra_device_name_new (names[i]);

          remember (self, fresh);
          item = fresh;
        }

      g_ptr_array_add (items, g_object_ref (item));
      g_hash_table_insert (kept, g_steal_pointer (&key), g_object_ref (item));
    }

  /* What was looked up for names no longer in the list is forgotten. */
  g_hash_table_unref (self->name_results);
  self->name_results = g_steal_pointer (&kept);

  g_list_store_splice (self->names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->names)),
                       items->pdata, items->len);
}

static void
lookup_progress_cb (RaDeviceEditor   *self,
                    GParamSpec       *pspec,
                    RaDeviceResolver *resolver)
{
  guint n = g_list_model_get_n_items (ra_device_resolver_get_names (resolver));
  guint done = ra_device_resolver_get_n_done (resolver);
  g_autofree char *text = NULL;

  if (n == 0)
    return;

  /* Translators: how many of the device names being looked up are done */
  text = g_strdup_printf (_("%'u of %'u names looked up"), done, n);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->lookup_progress), (double) done / n);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->lookup_progress), text);
}

static void
set_looking_up (RaDeviceEditor *self,
                gboolean        looking_up)
{
  gtk_widget_set_visible (self->lookup_progress, looking_up);
  gtk_widget_set_visible (self->cancel_lookup_button, looking_up);
  if (looking_up)
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->lookup_progress), 0.0);
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RaDeviceEditor) self = user_data;
  RaDeviceResolver *resolver = RA_DEVICE_RESOLVER (object);
  g_autoptr(GError) error = NULL;
  gboolean cancelled;

  ra_device_resolver_resolve_finish (resolver, result, &error);
  cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* A newer lookup, or none any more (the account changed). */
  if (self->resolver != resolver)
    return;

  g_signal_handlers_disconnect_by_data (resolver, self);
  g_clear_object (&self->resolver);
  g_clear_object (&self->lookup_cancellable);
  set_looking_up (self, FALSE);

  if (error != NULL && !cancelled)
    gtk_label_set_text (GTK_LABEL (self->names_error_label), error->message);
  gtk_widget_set_visible (self->names_error_label, error != NULL && !cancelled);

  ra_device_editor_update_devices (self);
  if (!cancelled && gtk_widget_get_visible (self->lookup_button))
    gtk_widget_grab_focus (self->lookup_button);
}

void
ra_device_editor_look_up_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  RaDeviceEditor *self = (RaDeviceEditor *) widget;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  GListModel *resolved;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->names));

  if (!ra_device_editor_names_enabled (self) || self->resolver != NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RaDeviceName) item = g_list_model_get_item (G_LIST_MODEL (self->names), i);
      RaDeviceNameStatus status = ra_device_name_get_status (item);

      if (status == RA_DEVICE_NAME_PENDING || status == RA_DEVICE_NAME_ERROR)
        g_strv_builder_add (builder, ra_device_name_get_name (item));
    }
  names = g_strv_builder_end (builder);
  if (names[0] == NULL)
    return;

  self->resolver = ra_device_resolver_new (self->lookup_client, self->lookup_query_id);
  self->lookup_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->resolver, "notify::n-done", G_CALLBACK (lookup_progress_cb),
                           self, G_CONNECT_SWAPPED);
  ra_device_resolver_resolve_async (self->resolver, (const char * const *) names,
                                    self->lookup_cancellable, resolved_cb, g_object_ref (self));

  /* The resolver's items stand for the names from now on, and fill in
   * as their lookups end. */
  resolved = ra_device_resolver_get_names (self->resolver);
  for (guint i = 0; i < g_list_model_get_n_items (resolved); i++)
    {
      g_autoptr(RaDeviceName) item = g_list_model_get_item (resolved, i);

      remember (self, item);
    }
  ra_device_editor_show_names (self);

  gtk_widget_set_visible (self->names_error_label, FALSE);
  if (self->resolver != NULL)
    {
      set_looking_up (self, TRUE);
      lookup_progress_cb (self, NULL, self->resolver);
      gtk_widget_grab_focus (self->cancel_lookup_button);
    }
  ra_device_editor_update_devices (self);
}

void
ra_device_editor_cancel_look_up_cb (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  RaDeviceEditor *self = (RaDeviceEditor *) widget;

  if (self->lookup_cancellable != NULL)
    g_cancellable_cancel (self->lookup_cancellable);
}

void
ra_device_editor_use_demo_devices_cb (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  RaDeviceEditor *self = (RaDeviceEditor *) widget;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  g_autofree char *names = NULL;
  GtkTextIter end;

  if (self->demo_names == NULL || !gtk_text_view_get_editable (GTK_TEXT_VIEW (self->text_view)))
    return;

  names = g_strjoinv ("\n", self->demo_names);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_begin_user_action (buffer);
  if (!gtk_text_iter_starts_line (&end))
    gtk_text_buffer_insert (buffer, &end, "\n", -1);
  gtk_text_buffer_insert (buffer, &end, names, -1);
  gtk_text_buffer_end_user_action (buffer);
  gtk_widget_grab_focus (self->text_view);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return ra_device_name_row_new (item);
}

void
ra_device_editor_update_names_mode (RaDeviceEditor *self)
{
  gboolean enabled = ra_device_editor_names_enabled (self);
  g_autofree char *hint = NULL;
  const char *description;

  gtk_label_set_text (GTK_LABEL (self->placeholder),
                      enabled ? _("Paste or type device names or collector IDs")
                              : _("Paste or type collector IDs"));
  if (enabled)
    description = _("Device names or collector IDs (device.collector.id), one per line or "
                    "separated by commas, semicolons or spaces. CSV exports work too: import one "
                    "or drop it here.");
  else
    description = _("Collector IDs (device.collector.id), one per line or separated by commas, "
                    "semicolons or spaces. CSV exports work too: import one or drop it here.");
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group), description);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  enabled ? _("Device names or collector IDs")
                                          : _("Device collector IDs"),
                                  -1);

  if (enabled && self->demo_names != NULL)
    hint = g_strjoinv (", ", self->demo_names);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->demo_row), hint != NULL ? hint : "");
  gtk_widget_set_visible (self->demo_row, hint != NULL);
}

void
ra_device_editor_stop_names (RaDeviceEditor *self)
{
  if (self->lookup_cancellable != NULL)
    g_cancellable_cancel (self->lookup_cancellable);
  if (self->resolver != NULL)
    g_signal_handlers_disconnect_by_data (self->resolver, self);
  g_clear_object (&self->resolver);
  g_clear_object (&self->lookup_cancellable);
  set_looking_up (self, FALSE);
  gtk_widget_set_visible (self->names_error_label, FALSE);
  /* Names of one instance mean nothing on another. */
  g_hash_table_remove_all (self->name_results);
}

void
ra_device_editor_init_names (RaDeviceEditor *self)
{
  self->names = g_list_store_new (RA_TYPE_DEVICE_NAME);
  self->name_results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  gtk_list_box_bind_model (self->names_list, G_LIST_MODEL (self->names), create_row_cb, NULL,
                           NULL);
  ra_device_editor_update_names_mode (self);
}

void
ra_device_editor_dispose_names (RaDeviceEditor *self)
{
  if (self->name_results != NULL)
    ra_device_editor_stop_names (self);
  g_clear_pointer (&self->name_results, g_hash_table_unref);
  g_clear_object (&self->names);
  g_clear_object (&self->lookup_client);
  g_clear_pointer (&self->lookup_query_id, g_free);
  g_clear_pointer (&self->demo_names, g_strfreev);
}
