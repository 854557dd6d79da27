/* ra-input-entry-row.c
 *
 * A plain AdwEntryRow has no room for the input's description or for
 * the reason a value is refused, so this row has the layout every input
 * row shares (ra-input-row-base.h), with an entry as its control.
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
  RaInputRowBase  parent_instance;

  GtkWidget      *entry;
  GtkWidget      *options_button;
};

static void ra_input_row_iface_init (RaInputRowInterface *iface);

/* clang-format off */
G_DEFINE_FINAL_TYPE_WITH_CODE (RaInputEntryRow, ra_input_entry_row, RA_TYPE_INPUT_ROW_BASE,
                               G_IMPLEMENT_INTERFACE (RA_TYPE_INPUT_ROW, ra_input_row_iface_init))
/* clang-format on */

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
entry_changed_cb (RaInputEntryRow *self)
{
  ra_input_row_base_value_changed (RA_INPUT_ROW_BASE (self), TRUE);
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

static void
ra_input_entry_row_constructed (GObject *object)
{
  RaInputEntryRow *self = RA_INPUT_ENTRY_ROW (object);
  RaInputRowBase *base = RA_INPUT_ROW_BASE (object);
  RaActionInput *input;
  const char * const *options;
  const char *name;

  G_OBJECT_CLASS (ra_input_entry_row_parent_class)->constructed (object);

  input = ra_input_row_base_get_input (base);
  name = ra_action_input_get_name (input);
  options = ra_action_input_get_options (input);

  self->entry = gtk_entry_new ();
  /* A blank input is left out of the request (ra_input_row_validate). */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry),
                                  _("Empty: the script’s default applies"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  ra_input_row_base_set_control (base, self->entry);

  if (options != NULL && options[0] != NULL)
    {
      g_autoptr(GMenuModel) menu = ra_input_row_base_build_options_menu (base, "input-row.choose");
      g_autofree char *a11y = g_strdup_printf (_("Suggested values for “%s”"), name);

      self->options_button = gtk_menu_button_new ();
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->options_button),
                                     "view-list-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->options_button), menu);
      gtk_widget_set_tooltip_text (self->options_button, _("Suggested Values"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->options_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                      -1);
      ra_input_row_base_add_button (base, self->options_button);
    }

  g_signal_connect_swapped (self->entry, "changed",
                            G_CALLBACK (entry_changed_cb), self);
}

static void
ra_input_entry_row_class_init (RaInputEntryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ra_input_entry_row_constructed;

  gtk_widget_class_install_action (widget_class, "input-row.choose", "s",
                                   choose_option_cb);
}

static void
ra_input_entry_row_init (RaInputEntryRow *self)
{
}

GtkWidget *
ra_input_entry_row_new (RaActionInput  *input,
                        RaRemoteAction *action)
{
  g_return_val_if_fail (RA_IS_ACTION_INPUT (input), NULL);
  g_return_val_if_fail (action == NULL || RA_IS_REMOTE_ACTION (action), NULL);

  return g_object_new (RA_TYPE_INPUT_ENTRY_ROW,
                       "input", input,
                       "action", action,
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
