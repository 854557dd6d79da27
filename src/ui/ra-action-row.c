/* ra-action-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-action-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-action-row.h"

/* Rows are made and bound by the hundred while the user types, so they
 * are built in code rather than from a template, and their tooltips are
 * answered on demand: setting a tooltip text asks the display server
 * where the pointer is, every time. */

struct _RaActionRow
{
  GtkWidget       parent_instance;

  RaRemoteAction *action;

  GtkWidget      *name_label;
  GtkWidget      *id_label;
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
  RaPurpose purpose = RA_PURPOSE_NONE;
  gboolean enabled = TRUE;

  gtk_label_set_label (GTK_LABEL (self->name_label),
                       action != NULL ? ra_remote_action_get_name (action) : "");
  gtk_label_set_label (GTK_LABEL (self->id_label),
                       action != NULL ? ra_remote_action_get_id (action) : "");

  if (action != NULL)
    {
      purpose = ra_remote_action_get_purpose (action);
      /* Only a server that says no makes the row say so. */
      enabled = ra_remote_action_get_api_enabled (action) != RA_TRISTATE_NO;
    }

  gtk_widget_set_visible (self->windows_tag,
                          action != NULL &&
                          ra_remote_action_get_has_script_windows (action) == RA_TRISTATE_YES);
  gtk_widget_set_visible (self->macos_tag,
                          action != NULL &&
                          ra_remote_action_get_has_script_macos (action) == RA_TRISTATE_YES);
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

static gboolean
ra_action_row_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_tooltip,
                             GtkTooltip *tooltip)
{
  RaActionRow *self = RA_ACTION_ROW (widget);
  GtkWidget *target;
  const char *text = NULL;

  if (self->action == NULL)
    return FALSE;

  target = keyboard_tooltip ? self->name_label
                            : gtk_widget_pick (widget, x, y, GTK_PICK_DEFAULT);

  while (target != NULL && target != widget && text == NULL)
    {
      if (target == self->name_label)
        text = ra_remote_action_get_name (self->action);
      else if (target == self->id_label)
        text = ra_remote_action_get_id (self->action);
      else if (target == self->windows_tag)
        text = _("Has a script for Windows devices");
      else if (target == self->macos_tag)
        text = _("Has a script for macOS devices");
      else if (target == self->data_collection_tag)
        text = _("Purpose: collects data from devices");
      else if (target == self->remediation_tag)
        text = _("Purpose: changes devices to fix a problem");
      else if (target == self->disabled_box)
        text = _("This action is not enabled for the API in Nexthink, so it cannot be run from here");

      target = gtk_widget_get_parent (target);
    }

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkWidget *
add_label (GtkWidget  *parent,
           const char *text,
           const char *css_class,
           ...)
{
  GtkWidget *label = gtk_label_new (text);
  va_list args;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  for (va_start (args, css_class); css_class != NULL; css_class = va_arg (args, const char *))
    gtk_widget_add_css_class (label, css_class);
  va_end (args);

  if (GTK_IS_BOX (parent))
    gtk_box_append (GTK_BOX (parent), label);
  else
    gtk_widget_set_parent (label, parent);

  return label;
}

static void
ra_action_row_dispose (GObject *object)
{
  RaActionRow *self = RA_ACTION_ROW (object);
  GtkWidget *child;

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

  widget_class->query_tooltip = ra_action_row_query_tooltip;

  properties[PROP_ACTION] =
    g_param_spec_object ("action", NULL, NULL,
                         RA_TYPE_REMOTE_ACTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ra-action-row");
}

static void
ra_action_row_init (RaActionRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *tags;
  GtkWidget *icon;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  self->name_label = add_label (GTK_WIDGET (self), NULL, "action-name", NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->name_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (self->name_label), TRUE);

  self->id_label = add_label (GTK_WIDGET (self), NULL, "dim-label", "caption", "monospace", NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->id_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_single_line_mode (GTK_LABEL (self->id_label), TRUE);

  tags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_margin_top (tags, 2);
  gtk_widget_set_parent (tags, GTK_WIDGET (self));

  /* Translators: platform tag on an action in the list */
  self->windows_tag = add_label (tags, _("Windows"), "tag", "platform", NULL);
  /* Translators: platform tag on an action in the list */
  self->macos_tag = add_label (tags, _("macOS"), "tag", "platform", NULL);
  /* Translators: purpose tag on an action in the list */
  self->data_collection_tag = add_label (tags, _("Data collection"), "tag", "data-collection", NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->data_collection_tag), PANGO_ELLIPSIZE_END);
  /* Translators: purpose tag on an action in the list */
  self->remediation_tag = add_label (tags, _("Remediation"), "tag", "remediation", NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->remediation_tag), PANGO_ELLIPSIZE_END);

  self->disabled_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (self->disabled_box, "not-enabled");
  gtk_widget_set_visible (self->disabled_box, FALSE);
  gtk_widget_set_parent (self->disabled_box, GTK_WIDGET (self));
  icon = gtk_image_new_from_icon_name ("action-unavailable-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (self->disabled_box), icon);
  gtk_label_set_ellipsize (GTK_LABEL (add_label (self->disabled_box, _("Not enabled for API"), "caption", NULL)),
                           PANGO_ELLIPSIZE_END);
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
