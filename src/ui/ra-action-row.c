/* ra-action-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-action-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-action-row.h"

struct _RaActionRow
{
  GtkWidget       parent_instance;

  RaRemoteAction *action;

  GtkLabel       *name_label;
  GtkLabel       *id_label;
  GtkWidget      *windows_tag;
  GtkWidget      *macos_tag;
  GtkWidget      *data_collection_tag;
  GtkWidget      *remediation_tag;
  GtkWidget      *disabled_box;
};

G_DEFINE_FINAL_TYPE (RaActionRow, ra_action_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ra_action_row_update (RaActionRow *self)
{
  RaRemoteAction *action = self->action;
  RaPurpose purpose;
  gboolean enabled;

  if (action == NULL)
    {
      gtk_label_set_label (self->name_label, "");
      gtk_label_set_label (self->id_label, "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), NULL);
      gtk_widget_hide (self->windows_tag);
      gtk_widget_hide (self->macos_tag);
      gtk_widget_hide (self->data_collection_tag);
      gtk_widget_hide (self->remediation_tag);
      gtk_widget_hide (self->disabled_box);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "not-api-enabled");
      return;
    }

  purpose = ra_remote_action_get_purpose (action);
  enabled = ra_remote_action_get_api_enabled (action);

  gtk_label_set_label (self->name_label, ra_remote_action_get_name (action));
  /* The label ellipsizes; the tooltip carries the whole name. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label),
                               ra_remote_action_get_name (action));
  gtk_label_set_label (self->id_label, ra_remote_action_get_id (action));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->id_label),
                               ra_remote_action_get_id (action));

  gtk_widget_set_visible (self->windows_tag,
                          ra_remote_action_get_has_script_windows (action));
  gtk_widget_set_visible (self->macos_tag,
                          ra_remote_action_get_has_script_macos (action));
  gtk_widget_set_visible (self->data_collection_tag,
                          (purpose & RA_PURPOSE_DATA_COLLECTION) != 0);
  gtk_widget_set_visible (self->remediation_tag,
                          (purpose & RA_PURPOSE_REMEDIATION) != 0);
  gtk_widget_set_visible (self->disabled_box, !enabled);

  if (enabled)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "not-api-enabled");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "not-api-enabled");
}

static void
ra_action_row_dispose (GObject *object)
{
  GtkWidget *child;
  RaActionRow *self = RA_ACTION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RA_TYPE_ACTION_ROW);
  /* The template's unnamed boxes are ours to unparent too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->action);

  G_OBJECT_CLASS (ra_action_row_parent_class)->dispose (object);
}

static void
ra_action_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RaActionRow *self = RA_ACTION_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTION:
      g_value_set_object (value, self->action);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_action_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RaActionRow *self = RA_ACTION_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTION:
      ra_action_row_set_action (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_action_row_class_init (RaActionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ra_action_row_dispose;
  object_class->get_property = ra_action_row_get_property;
  object_class->set_property = ra_action_row_set_property;

  properties[PROP_ACTION] =
    g_param_spec_object ("action", NULL, NULL,
                         RA_TYPE_REMOTE_ACTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-action-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RaActionRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RaActionRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, RaActionRow, windows_tag);
  gtk_widget_class_bind_template_child (widget_class, RaActionRow, macos_tag);
  gtk_widget_class_bind_template_child (widget_class, RaActionRow, data_collection_tag);
  gtk_widget_class_bind_template_child (widget_class, RaActionRow, remediation_tag);
  gtk_widget_class_bind_template_child (widget_class, RaActionRow, disabled_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ra-action-row");
}

static void
ra_action_row_init (RaActionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 3);
}

GtkWidget *
ra_action_row_new (void)
{
  return g_object_new (RA_TYPE_ACTION_ROW, NULL);
}

RaRemoteAction *
ra_action_row_get_action (RaActionRow *self)
{
  g_return_val_if_fail (RA_IS_ACTION_ROW (self), NULL);

  return self->action;
}

void
ra_action_row_set_action (RaActionRow    *self,
                          RaRemoteAction *action)
{
  g_return_if_fail (RA_IS_ACTION_ROW (self));
  g_return_if_fail (action == NULL || RA_IS_REMOTE_ACTION (action));

  if (!g_set_object (&self->action, action))
    return;

  ra_action_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION]);
}
