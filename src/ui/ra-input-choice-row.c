/* ra-input-choice-row.c
 *
 * The options are a menu of radio items behind a button that shows the
 * choice. A combo row was used before; libadwaita 1.2's takes the
 * choice from its list's selection, not from the item activated, so
 * with nothing chosen yet Enter on the focused option chose nothing.
 * A popover menu activates the item that has the focus, whether by
 * Enter, Space or a click, and reads each option out by its name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-input-choice-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-input-choice-row.h"
#include "ra-input-row.h"

struct _RaInputChoiceRow
{
  RaInputRowBase  parent_instance;

  /* One of the input's options, or "" while nothing is chosen. */
  char           *value;

  GtkWidget      *button;
  GtkWidget      *label;
};

static void ra_input_row_iface_init (RaInputRowInterface *iface);

/* clang-format off */
G_DEFINE_FINAL_TYPE_WITH_CODE (RaInputChoiceRow, ra_input_choice_row, RA_TYPE_INPUT_ROW_BASE,
                               G_IMPLEMENT_INTERFACE (RA_TYPE_INPUT_ROW, ra_input_row_iface_init))
/* clang-format on */

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_option (RaInputChoiceRow *self,
           const char       *value)
{
  RaActionInput *input = ra_input_row_base_get_input (RA_INPUT_ROW_BASE (self));

  return value != NULL && g_strv_contains (ra_action_input_get_options (input), value);
}

static void
show_value (RaInputChoiceRow *self)
{
  const char *description;
  g_autofree char *a11y = NULL;
  gboolean chosen = self->value[0] != '\0';

  /* Nothing is chosen for the user: a fixed option is a decision. */
  gtk_label_set_text (GTK_LABEL (self->label), chosen ? self->value : _("Choose…"));
  if (chosen)
    gtk_widget_remove_css_class (self->label, "dim-label");
  else
    gtk_widget_add_css_class (self->label, "dim-label");

  /* The name is the input's; what is chosen is said after it. */
  description = ra_action_input_get_description (ra_input_row_base_get_input (RA_INPUT_ROW_BASE (self)));
  if (description != NULL && description[0] != '\0')
    a11y = g_strdup_printf ("%s\n%s", gtk_label_get_text (GTK_LABEL (self->label)), description);
  else
    a11y = g_strdup (gtk_label_get_text (GTK_LABEL (self->label)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, a11y,
                                  -1);
}

static void
set_value (RaInputChoiceRow *self,
           const char       *value)
{
  if (!is_option (self, value))
    value = "";

  if (g_strcmp0 (self->value, value) == 0)
    return;

  g_free (self->value);
  self->value = g_strdup (value);
  show_value (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
  /* Only a choice counts as the user having been here. */
  ra_input_row_base_value_changed (RA_INPUT_ROW_BASE (self), value[0] != '\0');
}

static char *
ra_input_choice_row_dup_value (RaInputRow *row)
{
  return g_strdup (RA_INPUT_CHOICE_ROW (row)->value);
}

static void
ra_input_choice_row_set_value (RaInputRow *row,
                               const char *value)
{
  set_value (RA_INPUT_CHOICE_ROW (row), value);
}

static void
ra_input_row_iface_init (RaInputRowInterface *iface)
{
  iface->dup_value = ra_input_choice_row_dup_value;
  iface->set_value = ra_input_choice_row_set_value;
}

/* The menu item of the option chosen: its label, with the underscores
 * the menu doubles, is the option. */
static GtkWidget *
find_item (GtkWidget  *widget,
           const char *label)
{
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "text") != NULL &&
      gtk_widget_get_focusable (widget))
    {
      g_autofree char *text = NULL;

      g_object_get (widget, "text", &text, NULL);
      if (g_strcmp0 (text, label) == 0)
        return widget;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_item (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Opened again, the options start from the one chosen, as in a
 * drop-down: Enter keeps it, the arrows move from it. */
static void
popover_mapped_cb (RaInputChoiceRow *self,
                   GtkWidget        *popover)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *label = NULL;
  GtkWidget *item;

  if (self->value[0] == '\0')
    return;

  parts = g_strsplit (self->value, "_", -1);
  label = g_strjoinv ("__", parts);
  item = find_item (popover, label);
  if (item != NULL)
    gtk_widget_grab_focus (item);
}

static void
ra_input_choice_row_constructed (GObject *object)
{
  RaInputChoiceRow *self = RA_INPUT_CHOICE_ROW (object);
  RaInputRowBase *base = RA_INPUT_ROW_BASE (object);
  g_autoptr(GMenuModel) menu = NULL;
  GtkWidget *box, *arrow;

  G_OBJECT_CLASS (ra_input_choice_row_parent_class)->constructed (object);

  /* Wrapped, never shortened: at 360 px the option is read whole. */
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (self->label, TRUE);

  arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), self->label);
  gtk_box_append (GTK_BOX (box), arrow);

  menu = ra_input_row_base_build_options_menu (base, "input-row.value");
  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), box);
  /* The button centres what it holds; a value reads from the start, with
   * the arrow at the end, as in a drop-down. */
  for (GtkWidget *w = box; w != NULL && w != self->button; w = gtk_widget_get_parent (w))
    gtk_widget_set_halign (w, GTK_ALIGN_FILL);
  gtk_widget_add_css_class (self->button, "input-choice");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->button), menu);
  g_signal_connect_object (gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->button)), "map",
                           G_CALLBACK (popover_mapped_cb), self,
                           G_CONNECT_SWAPPED);
  /* The button's only name; the button inside it is labelled by it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ra_action_input_get_name (ra_input_row_base_get_input (base)),
                                  -1);
  ra_input_row_base_set_control (base, self->button);

  show_value (self);
}

static void
ra_input_choice_row_finalize (GObject *object)
{
  RaInputChoiceRow *self = RA_INPUT_CHOICE_ROW (object);

  g_free (self->value);

  G_OBJECT_CLASS (ra_input_choice_row_parent_class)->finalize (object);
}

static void
ra_input_choice_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RaInputChoiceRow *self = RA_INPUT_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_input_choice_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RaInputChoiceRow *self = RA_INPUT_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      set_value (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_input_choice_row_class_init (RaInputChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ra_input_choice_row_constructed;
  object_class->finalize = ra_input_choice_row_finalize;
  object_class->get_property = ra_input_choice_row_get_property;
  object_class->set_property = ra_input_choice_row_set_property;

  /* The option chosen, "" for none. Not a construct property: the row
   * sets it once its widgets exist. */
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Its state marks the chosen option in the menu. */
  gtk_widget_class_install_property_action (widget_class, "input-row.value", "value");
}

static void
ra_input_choice_row_init (RaInputChoiceRow *self)
{
  self->value = g_strdup ("");
}

GtkWidget *
ra_input_choice_row_new (RaActionInput  *input,
                         RaRemoteAction *action)
{
  g_return_val_if_fail (RA_IS_ACTION_INPUT (input), NULL);
  g_return_val_if_fail (action == NULL || RA_IS_REMOTE_ACTION (action), NULL);

  return g_object_new (RA_TYPE_INPUT_CHOICE_ROW,
                       "input", input,
                       "action", action,
                       NULL);
}

GtkWidget *
ra_input_choice_row_get_button (RaInputChoiceRow *self)
{
  g_return_val_if_fail (RA_IS_INPUT_CHOICE_ROW (self), NULL);

  return self->button;
}

GtkLabel *
ra_input_choice_row_get_label (RaInputChoiceRow *self)
{
  g_return_val_if_fail (RA_IS_INPUT_CHOICE_ROW (self), NULL);

  return GTK_LABEL (self->label);
}
