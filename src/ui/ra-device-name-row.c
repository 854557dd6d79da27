/* ra-device-name-row.c — a device name in the devices editor, with what
 * looking it up found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-name-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-device-name-row.h"

struct _RaDeviceNameRow
{
  AdwActionRow  parent_instance;

  RaDeviceName *item;
  GtkWidget    *icon;
  GtkWidget    *chooser;
  GtkWidget    *candidates;   /* the box in the chooser's popover */
};

G_DEFINE_FINAL_TYPE (RaDeviceNameRow, ra_device_name_row, ADW_TYPE_ACTION_ROW)

static void
candidate_clicked_cb (RaDeviceNameRow *self,
                      GtkButton       *button)
{
  const char *uid = g_object_get_data (G_OBJECT (button), "ra-uid");

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->chooser));
  ra_device_name_pick (self->item, uid);
  gtk_widget_grab_focus (self->chooser);
}

static void
fill_candidates (RaDeviceNameRow *self)
{
  GtkWidget *child;
  guint n = ra_device_name_get_n_candidates (self->item);

  while ((child = gtk_widget_get_first_child (self->candidates)) != NULL)
    gtk_box_remove (GTK_BOX (self->candidates), child);

  for (guint i = 0; i < n; i++)
    {
      const char *name = NULL;
      const char *uid = ra_device_name_get_candidate (self->item, i, &name);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *name_label = gtk_label_new (name);
      GtkWidget *uid_label = gtk_label_new (uid);
      g_autofree char *text = NULL;

      /* The name above the ID: a line of both would be wider than a
       * narrow window. */
      gtk_label_set_xalign (GTK_LABEL (name_label), 0);
      gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (name_label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (uid_label), 0);
      gtk_widget_add_css_class (uid_label, "caption");
      gtk_widget_add_css_class (uid_label, "dim-label");
      gtk_box_append (GTK_BOX (box), name_label);
      gtk_box_append (GTK_BOX (box), uid_label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      /* Translators: a device among several of one name: its name, then
       * its collector ID */
      text = g_strdup_printf (_("%s · %s"), name, uid);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
      gtk_widget_add_css_class (button, "flat");
      if (g_strcmp0 (uid, ra_device_name_get_uid (self->item)) == 0)
        gtk_widget_add_css_class (button, "suggested-action");
      g_object_set_data_full (G_OBJECT (button), "ra-uid", g_strdup (uid), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (candidate_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (self->candidates), button);
    }
}

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

static void
update (RaDeviceNameRow *self)
{
  RaDeviceNameStatus status = ra_device_name_get_status (self->item);
  guint n = ra_device_name_get_n_candidates (self->item);
  g_autofree char *subtitle = NULL;
  g_autofree char *chooser_label = NULL;
  const char *icon_name = NULL;
  gboolean problem = TRUE;

  switch (status)
    {
    case RA_DEVICE_NAME_RESOLVED:
      if (ra_device_name_get_picked (self->item))
        /* Translators: %s is a collector ID, chosen among the devices of
         * one name */
        subtitle = g_strdup_printf (_("%s, chosen"), ra_device_name_get_uid (self->item));
      else
        subtitle = g_strdup (ra_device_name_get_uid (self->item));
      icon_name = "object-select-symbolic";
      problem = FALSE;
      break;

    case RA_DEVICE_NAME_NO_MATCH:
      subtitle = g_strdup (_("No device has this name"));
      icon_name = "dialog-error-symbolic";
      break;

    case RA_DEVICE_NAME_SEVERAL:
      subtitle = g_strdup_printf (ngettext ("%'u device has this name: choose one",
                                            "%'u devices have this name: choose one", n),
                                  n);
      icon_name = "dialog-warning-symbolic";
      break;

    case RA_DEVICE_NAME_ERROR:
      subtitle = g_strdup (ra_device_name_get_error (self->item));
      icon_name = "dialog-error-symbolic";
      break;

    case RA_DEVICE_NAME_PENDING:
    default:
      subtitle = g_strdup (_("Not looked up yet"));
      icon_name = "content-loading-symbolic";
      problem = FALSE;
      break;
    }

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), icon_name);
  set_class (self->icon, "success", status == RA_DEVICE_NAME_RESOLVED);
  set_class (self->icon, "warning", status == RA_DEVICE_NAME_SEVERAL);
  set_class (self->icon, "error", problem && status != RA_DEVICE_NAME_SEVERAL);

  gtk_widget_set_visible (self->chooser, n > 1);
  if (n > 1)
    {
      gtk_menu_button_set_label (GTK_MENU_BUTTON (self->chooser),
                                 ra_device_name_get_picked (self->item) ? _("_Change…")
                                                                        : _("_Choose…"));
      /* Translators: %s is a device name that several devices have */
      chooser_label = g_strdup_printf (_("Choose the device named “%s”"),
                                       ra_device_name_get_name (self->item));
      gtk_widget_set_tooltip_text (self->chooser, chooser_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->chooser),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, chooser_label,
                                      -1);
      fill_candidates (self);
    }
}

static void
ra_device_name_row_dispose (GObject *object)
{
  RaDeviceNameRow *self = RA_DEVICE_NAME_ROW (object);

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (ra_device_name_row_parent_class)->dispose (object);
}

static void
ra_device_name_row_class_init (RaDeviceNameRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ra_device_name_row_dispose;
}

static void
ra_device_name_row_init (RaDeviceNameRow *self)
{
  GtkWidget *popover = gtk_popover_new ();

  /* Names come from the user, and from the instance. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);

  /* The subtitle says it in words. */
  self->icon = g_object_new (GTK_TYPE_IMAGE,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                             NULL);
  gtk_widget_set_valign (self->icon, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), self->icon);

  self->candidates = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_popover_set_child (GTK_POPOVER (popover), self->candidates);
  self->chooser = gtk_menu_button_new ();
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (self->chooser), TRUE);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->chooser), popover);
  gtk_widget_set_valign (self->chooser, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->chooser, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->chooser);
}

GtkWidget *
ra_device_name_row_new (RaDeviceName *item)
{
  RaDeviceNameRow *self;

  g_return_val_if_fail (RA_IS_DEVICE_NAME (item), NULL);

  self = g_object_new (RA_TYPE_DEVICE_NAME_ROW, NULL);
  self->item = g_object_ref (item);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), ra_device_name_get_name (item));
  g_signal_connect_swapped (item, "notify::status", G_CALLBACK (update), self);
  g_signal_connect_swapped (item, "notify::uid", G_CALLBACK (update), self);
  update (self);

  return GTK_WIDGET (self);
}

RaDeviceName *
ra_device_name_row_get_item (RaDeviceNameRow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_NAME_ROW (self), NULL);

  return self->item;
}

GtkWidget *
ra_device_name_row_get_chooser (RaDeviceNameRow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_NAME_ROW (self), NULL);

  return self->chooser;
}
