/* ra-input-choice-row.c
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
  AdwComboRow    parent_instance;

  RaActionInput *input;
  gboolean       touched;
};

static void ra_input_row_iface_init (RaInputRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RaInputChoiceRow, ra_input_choice_row, ADW_TYPE_COMBO_ROW,
                               G_IMPLEMENT_INTERFACE (RA_TYPE_INPUT_ROW, ra_input_row_iface_init))

enum {
  PROP_0,
  PROP_INPUT,
  N_PROPS
};

static char *
ra_input_choice_row_dup_value (RaInputRow *row)
{
  RaInputChoiceRow *self = RA_INPUT_CHOICE_ROW (row);
  GtkStringObject *item;

  item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (self));
  if (item == NULL)
    return g_strdup ("");

  return g_strdup (gtk_string_object_get_string (item));
}

static void
ra_input_choice_row_set_value (RaInputRow *row,
                               const char *value)
{
  RaInputChoiceRow *self = RA_INPUT_CHOICE_ROW (row);
  const char * const *options = ra_action_input_get_options (self->input);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; options[i] != NULL; i++)
    {
      if (g_strcmp0 (options[i], value) == 0)
        {
          position = i;
          break;
        }
    }

  adw_combo_row_set_selected (ADW_COMBO_ROW (self), position);
}

static void
ra_input_row_iface_init (RaInputRowInterface *iface)
{
  iface->dup_value = ra_input_choice_row_dup_value;
  iface->set_value = ra_input_choice_row_set_value;
}

static void
update_validity (RaInputChoiceRow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean valid = ra_input_row_validate (RA_INPUT_ROW (self), &error);

  if (!valid && self->touched)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
}

static void
selected_changed_cb (RaInputChoiceRow *self)
{
  /* The row announces its empty start too; only a choice counts as the
   * user having been here. */
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self)) != GTK_INVALID_LIST_POSITION)
    self->touched = TRUE;
  update_validity (self);
  ra_input_row_emit_changed (RA_INPUT_ROW (self));
}

/* Not in constructed: a combo row turns markup off as it is built, but its
 * labels hear of it only once g_object_new() returns, and before that they
 * would read the server's names as markup. */
static void
show_texts (RaInputChoiceRow *self)
{
  g_autofree char *platforms = NULL;
  g_autofree char *subtitle = NULL;
  const char *description;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 ra_action_input_get_name (self->input));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self), FALSE);

  platforms = ra_input_row_describe_platforms (self->input);
  description = ra_action_input_get_description (self->input);
  if (description != NULL && description[0] != '\0')
    subtitle = g_strdup_printf ("%s\n%s", description, platforms);
  else
    subtitle = g_steal_pointer (&platforms);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);
}

static void
ra_input_choice_row_constructed (GObject *object)
{
  RaInputChoiceRow *self = RA_INPUT_CHOICE_ROW (object);
  g_autoptr(GtkStringList) model = NULL;

  G_OBJECT_CLASS (ra_input_choice_row_parent_class)->constructed (object);

  model = gtk_string_list_new (ra_action_input_get_options (self->input));
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (model));
  /* Nothing is chosen for the user: a fixed option is a decision. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), GTK_INVALID_LIST_POSITION);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ra_action_input_get_name (self->input),
                                  -1);

  g_signal_connect_swapped (self, "notify::selected",
                            G_CALLBACK (selected_changed_cb), self);
}

static void
ra_input_choice_row_dispose (GObject *object)
{
  RaInputChoiceRow *self = RA_INPUT_CHOICE_ROW (object);

  g_clear_object (&self->input);

  G_OBJECT_CLASS (ra_input_choice_row_parent_class)->dispose (object);
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
    case PROP_INPUT:
      g_value_set_object (value, self->input);
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
    case PROP_INPUT:
      self->input = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_input_choice_row_class_init (RaInputChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ra_input_choice_row_constructed;
  object_class->dispose = ra_input_choice_row_dispose;
  object_class->get_property = ra_input_choice_row_get_property;
  object_class->set_property = ra_input_choice_row_set_property;

  g_object_class_override_property (object_class, PROP_INPUT, "input");
}

static void
ra_input_choice_row_init (RaInputChoiceRow *self)
{
}

GtkWidget *
ra_input_choice_row_new (RaActionInput *input)
{
  RaInputChoiceRow *self;

  g_return_val_if_fail (RA_IS_ACTION_INPUT (input), NULL);

  self = g_object_new (RA_TYPE_INPUT_CHOICE_ROW,
                       "input", input,
                       NULL);
  show_texts (self);

  return GTK_WIDGET (self);
}
