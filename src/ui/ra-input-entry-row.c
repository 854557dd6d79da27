/* ra-input-entry-row.c
 *
 * A plain AdwEntryRow has no room for the input's description or for
 * the reason a value is refused, so this row stacks the name, the entry
 * and those two lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-input-entry-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-input-entry-row.h"
#include "ra-input-row.h"

struct _RaInputEntryRow
{
  AdwPreferencesRow  parent_instance;

  RaActionInput     *input;
  gboolean           touched;

  GtkWidget         *title_label;
  GtkWidget         *platforms_label;
  GtkWidget         *entry;
  GtkWidget         *options_button;
  GtkWidget         *description_label;
  GtkWidget         *error_label;
};

static void ra_input_row_iface_init (RaInputRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RaInputEntryRow, ra_input_entry_row, ADW_TYPE_PREFERENCES_ROW,
                               G_IMPLEMENT_INTERFACE (RA_TYPE_INPUT_ROW, ra_input_row_iface_init))

enum {
  PROP_0,
  PROP_INPUT,
  N_PROPS
};

static char *
ra_input_entry_row_dup_value (RaInputRow *row)
{
  RaInputEntryRow *self = RA_INPUT_ENTRY_ROW (row);

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
ra_input_entry_row_set_value (RaInputRow *row,
                              const char *value)
{
  RaInputEntryRow *self = RA_INPUT_ENTRY_ROW (row);

  gtk_editable_set_text (GTK_EDITABLE (self->entry), value);
}

static void
ra_input_row_iface_init (RaInputRowInterface *iface)
{
  iface->dup_value = ra_input_entry_row_dup_value;
  iface->set_value = ra_input_entry_row_set_value;
}

static void
update_validity (RaInputEntryRow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean show_error;

  show_error = !ra_input_row_validate (RA_INPUT_ROW (self), &error) && self->touched;

  gtk_widget_set_visible (self->error_label, show_error);
  if (show_error)
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
      gtk_widget_add_css_class (self->entry, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                                   GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->entry, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
entry_changed_cb (RaInputEntryRow *self)
{
  self->touched = TRUE;
  update_validity (self);
  ra_input_row_emit_changed (RA_INPUT_ROW (self));
}

static void
choose_option_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RaInputEntryRow *self = RA_INPUT_ENTRY_ROW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->entry),
                         g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (self->entry);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
}

static GMenuModel *
build_options_menu (RaActionInput *input)
{
  const char * const *options = ra_action_input_get_options (input);
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; options[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *label = NULL;

      /* Menu labels treat "_" as a mnemonic marker. */
      parts = g_strsplit (options[i], "_", -1);
      label = g_strjoinv ("__", parts);

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "input-row.choose",
                                               g_variant_new_string (options[i]));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
ra_input_entry_row_constructed (GObject *object)
{
  RaInputEntryRow *self = RA_INPUT_ENTRY_ROW (object);
  const char * const *options;
  const char *name, *description;
  g_autofree char *platforms = NULL;

  G_OBJECT_CLASS (ra_input_entry_row_parent_class)->constructed (object);

  name = ra_action_input_get_name (self->input);
  description = ra_action_input_get_description (self->input);
  options = ra_action_input_get_options (self->input);
  platforms = ra_input_row_describe_platforms (self->input);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  gtk_label_set_text (GTK_LABEL (self->title_label), name);
  gtk_label_set_text (GTK_LABEL (self->platforms_label), platforms);

  if (description != NULL && description[0] != '\0')
    gtk_label_set_text (GTK_LABEL (self->description_label), description);
  else
    gtk_widget_set_visible (self->description_label, FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : "",
                                  -1);

  if (options != NULL && options[0] != NULL)
    {
      g_autoptr(GMenuModel) menu = build_options_menu (self->input);
      g_autofree char *a11y = g_strdup_printf (_("Suggested values for “%s”"), name);

      self->options_button = gtk_menu_button_new ();
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->options_button),
                                     "view-list-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->options_button), menu);
      gtk_widget_set_tooltip_text (self->options_button, _("Suggested Values"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->options_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                      -1);
      gtk_widget_insert_after (self->options_button,
                               gtk_widget_get_parent (self->entry),
                               self->entry);
    }

  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Not sent when left empty"));

  g_signal_connect_swapped (self->entry, "changed",
                            G_CALLBACK (entry_changed_cb), self);
}

static void
ra_input_entry_row_dispose (GObject *object)
{
  RaInputEntryRow *self = RA_INPUT_ENTRY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RA_TYPE_INPUT_ENTRY_ROW);
  g_clear_object (&self->input);

  G_OBJECT_CLASS (ra_input_entry_row_parent_class)->dispose (object);
}

static void
ra_input_entry_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RaInputEntryRow *self = RA_INPUT_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_INPUT:
      g_value_set_object (value, self->input);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_input_entry_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RaInputEntryRow *self = RA_INPUT_ENTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_INPUT:
      self->input = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_input_entry_row_class_init (RaInputEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ra_input_entry_row_constructed;
  object_class->dispose = ra_input_entry_row_dispose;
  object_class->get_property = ra_input_entry_row_get_property;
  object_class->set_property = ra_input_entry_row_set_property;

  g_object_class_override_property (object_class, PROP_INPUT, "input");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-input-entry-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RaInputEntryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, RaInputEntryRow, platforms_label);
  gtk_widget_class_bind_template_child (widget_class, RaInputEntryRow, entry);
  gtk_widget_class_bind_template_child (widget_class, RaInputEntryRow, description_label);
  gtk_widget_class_bind_template_child (widget_class, RaInputEntryRow, error_label);

  gtk_widget_class_install_action (widget_class, "input-row.choose", "s",
                                   choose_option_cb);
}

static void
ra_input_entry_row_init (RaInputEntryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ra_input_entry_row_new (RaActionInput *input)
{
  g_return_val_if_fail (RA_IS_ACTION_INPUT (input), NULL);

  return g_object_new (RA_TYPE_INPUT_ENTRY_ROW,
                       "input", input,
                       NULL);
}

GtkEditable *
ra_input_entry_row_get_entry (RaInputEntryRow *self)
{
  g_return_val_if_fail (RA_IS_INPUT_ENTRY_ROW (self), NULL);

  return GTK_EDITABLE (self->entry);
}

GtkWidget *
ra_input_entry_row_get_options_button (RaInputEntryRow *self)
{
  g_return_val_if_fail (RA_IS_INPUT_ENTRY_ROW (self), NULL);

  return self->options_button;
}
