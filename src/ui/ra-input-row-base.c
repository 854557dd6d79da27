/* ra-input-row-base.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-input-row-base"

#include "config.h"

#include "ra-input-row-base.h"
#include "ra-input-row.h"

typedef struct
{
  RaActionInput  *input;
  RaRemoteAction *action;
  char           *note;
  gboolean        touched;

  GtkWidget      *control;

  GtkWidget      *title_label;
  GtkWidget      *note_label;
  GtkWidget      *control_box;
  GtkWidget      *description_label;
  GtkWidget      *error_label;
} RaInputRowBasePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (RaInputRowBase, ra_input_row_base, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_INPUT,
  PROP_ACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_validity (RaInputRowBase *self)
{
  RaInputRowBasePrivate *priv = ra_input_row_base_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  gboolean show_error;

  /* Every kind of row implements the interface. */
  show_error = !ra_input_row_validate (RA_INPUT_ROW (self), &error) && priv->touched;

  gtk_widget_set_visible (priv->error_label, show_error);
  if (show_error)
    gtk_label_set_text (GTK_LABEL (priv->error_label), error->message);

  if (priv->control == NULL)
    return;

  if (show_error)
    {
      gtk_widget_add_css_class (priv->control, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (priv->control),
                                   GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (priv->control, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (priv->control),
                                  GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* The row itself never takes the focus: whoever sends it there (the
 * page, to the first input that needs a value) means its control. */
static gboolean
ra_input_row_base_grab_focus (GtkWidget *widget)
{
  RaInputRowBase *self = RA_INPUT_ROW_BASE (widget);
  RaInputRowBasePrivate *priv = ra_input_row_base_get_instance_private (self);

  if (priv->control != NULL)
    return gtk_widget_grab_focus (priv->control);

  return GTK_WIDGET_CLASS (ra_input_row_base_parent_class)->grab_focus (widget);
}

static void
ra_input_row_base_constructed (GObject *object)
{
  RaInputRowBase *self = RA_INPUT_ROW_BASE (object);
  RaInputRowBasePrivate *priv = ra_input_row_base_get_instance_private (self);
  const char *name, *description;

  G_OBJECT_CLASS (ra_input_row_base_parent_class)->constructed (object);

  g_assert (RA_IS_ACTION_INPUT (priv->input));

  name = ra_action_input_get_name (priv->input);
  description = ra_action_input_get_description (priv->input);
  priv->note = ra_input_row_describe_platforms (priv->input, priv->action);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  gtk_label_set_text (GTK_LABEL (priv->title_label), name);

  gtk_widget_set_visible (priv->note_label, priv->note != NULL);
  if (priv->note != NULL)
    gtk_label_set_text (GTK_LABEL (priv->note_label), priv->note);

  gtk_widget_set_visible (priv->description_label,
                          description != NULL && description[0] != '\0');
  if (description != NULL)
    gtk_label_set_text (GTK_LABEL (priv->description_label), description);
}

static void
ra_input_row_base_dispose (GObject *object)
{
  RaInputRowBase *self = RA_INPUT_ROW_BASE (object);
  RaInputRowBasePrivate *priv = ra_input_row_base_get_instance_private (self);

  /* No gtk_widget_dispose_template (): GTK 4.8 looks for the template of
   * the instance's own class, which a subclass does not have; the layout
   * is the row's child, and the row lets go of it. */
  priv->control = NULL;
  g_clear_object (&priv->input);
  g_clear_object (&priv->action);

  G_OBJECT_CLASS (ra_input_row_base_parent_class)->dispose (object);
}

static void
ra_input_row_base_finalize (GObject *object)
{
  RaInputRowBase *self = RA_INPUT_ROW_BASE (object);
  RaInputRowBasePrivate *priv = ra_input_row_base_get_instance_private (self);

  g_free (priv->note);

  G_OBJECT_CLASS (ra_input_row_base_parent_class)->finalize (object);
}

static void
ra_input_row_base_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RaInputRowBase *self = RA_INPUT_ROW_BASE (object);
  RaInputRowBasePrivate *priv = ra_input_row_base_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_INPUT:
      g_value_set_object (value, priv->input);
      break;
    case PROP_ACTION:
      g_value_set_object (value, priv->action);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_input_row_base_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RaInputRowBase *self = RA_INPUT_ROW_BASE (object);
  RaInputRowBasePrivate *priv = ra_input_row_base_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_INPUT:
      priv->input = g_value_dup_object (value);
      break;
    case PROP_ACTION:
      priv->action = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_input_row_base_class_init (RaInputRowBaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ra_input_row_base_constructed;
  object_class->dispose = ra_input_row_base_dispose;
  object_class->finalize = ra_input_row_base_finalize;
  object_class->get_property = ra_input_row_base_get_property;
  object_class->set_property = ra_input_row_base_set_property;

  widget_class->grab_focus = ra_input_row_base_grab_focus;

  /* RaInputRow's property, for the subclasses that implement it. */
  properties[PROP_INPUT] =
    g_param_spec_object ("input", NULL, NULL,
                         RA_TYPE_ACTION_INPUT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The action the input belongs to, whose platforms the note compares
   * the input's with; NULL when not known. */
  properties[PROP_ACTION] =
    g_param_spec_object ("action", NULL, NULL,
                         RA_TYPE_REMOTE_ACTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-input-row-base.ui");
  gtk_widget_class_bind_template_child_private (widget_class, RaInputRowBase, title_label);
  gtk_widget_class_bind_template_child_private (widget_class, RaInputRowBase, note_label);
  gtk_widget_class_bind_template_child_private (widget_class, RaInputRowBase, control_box);
  gtk_widget_class_bind_template_child_private (widget_class, RaInputRowBase, description_label);
  gtk_widget_class_bind_template_child_private (widget_class, RaInputRowBase, error_label);
}

static void
ra_input_row_base_init (RaInputRowBase *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RaActionInput *
ra_input_row_base_get_input (RaInputRowBase *self)
{
  RaInputRowBasePrivate *priv = ra_input_row_base_get_instance_private (self);

  g_return_val_if_fail (RA_IS_INPUT_ROW_BASE (self), NULL);

  return priv->input;
}

const char *
ra_input_row_base_get_note (RaInputRowBase *self)
{
  RaInputRowBasePrivate *priv = ra_input_row_base_get_instance_private (self);

  g_return_val_if_fail (RA_IS_INPUT_ROW_BASE (self), NULL);

  return priv->note;
}

void
ra_input_row_base_set_control (RaInputRowBase *self,
                               GtkWidget      *control)
{
  RaInputRowBasePrivate *priv = ra_input_row_base_get_instance_private (self);
  const char *description;

  g_return_if_fail (RA_IS_INPUT_ROW_BASE (self));
  g_return_if_fail (GTK_IS_WIDGET (control));
  g_return_if_fail (priv->control == NULL);

  priv->control = control;
  gtk_widget_set_hexpand (control, TRUE);
  gtk_box_append (GTK_BOX (priv->control_box), control);

  description = ra_action_input_get_description (priv->input);
  if (description != NULL && description[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (control),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
}

void
ra_input_row_base_add_button (RaInputRowBase *self,
                              GtkWidget      *button)
{
  RaInputRowBasePrivate *priv = ra_input_row_base_get_instance_private (self);

  g_return_if_fail (RA_IS_INPUT_ROW_BASE (self));
  g_return_if_fail (GTK_IS_WIDGET (button));

  gtk_box_append (GTK_BOX (priv->control_box), button);
}

void
ra_input_row_base_value_changed (RaInputRowBase *self,
                                 gboolean        by_user)
{
  RaInputRowBasePrivate *priv = ra_input_row_base_get_instance_private (self);

  g_return_if_fail (RA_IS_INPUT_ROW_BASE (self));

  if (by_user)
    priv->touched = TRUE;

  update_validity (self);
  ra_input_row_emit_changed (RA_INPUT_ROW (self));
}

GMenuModel *
ra_input_row_base_build_options_menu (RaInputRowBase *self,
                                      const char     *action_name)
{
  RaInputRowBasePrivate *priv = ra_input_row_base_get_instance_private (self);
  const char * const *options;
  g_autoptr(GMenu) menu = g_menu_new ();

  g_return_val_if_fail (RA_IS_INPUT_ROW_BASE (self), NULL);

  options = ra_action_input_get_options (priv->input);
  for (guint i = 0; options[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *label = NULL;

      /* Menu labels treat "_" as a mnemonic marker. */
      parts = g_strsplit (options[i], "_", -1);
      label = g_strjoinv ("__", parts);

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, action_name,
                                               g_variant_new_string (options[i]));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (g_steal_pointer (&menu));
}
