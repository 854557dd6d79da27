/* ra-device-results-filter-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-results-filter-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-device-results-filter-bar.h"

struct _RaDeviceResultsFilterBar
{
  GtkWidget             parent_instance;

  GtkWidget            *scroller;
  GtkWidget            *box;
  GtkWidget            *buttons[RA_DEVICE_RESULTS_FILTER_N_VALUES];
  RaDeviceResultsModel *model;
};

G_DEFINE_FINAL_TYPE (RaDeviceResultsFilterBar, ra_device_results_filter_bar, GTK_TYPE_WIDGET)

static const char *
filter_name (RaDeviceResultsFilter filter)
{
  switch (filter)
    {
    case RA_DEVICE_RESULTS_FILTER_SUCCEEDED:
      return _("Succeeded");
    case RA_DEVICE_RESULTS_FILTER_FAILED:
      return _("Failed");
    case RA_DEVICE_RESULTS_FILTER_PENDING:
      return _("Pending");
    case RA_DEVICE_RESULTS_FILTER_NO_REPORT:
      return _("No Report");
    case RA_DEVICE_RESULTS_FILTER_ALL:
    case RA_DEVICE_RESULTS_FILTER_N_VALUES:
    default:
      return _("All");
    }
}

static void
update (RaDeviceResultsFilterBar *self)
{
  RaDeviceResultsFilter current = RA_DEVICE_RESULTS_FILTER_ALL;

  if (self->model != NULL)
    current = ra_device_results_model_get_filter (self->model);

  for (guint i = 0; i < RA_DEVICE_RESULTS_FILTER_N_VALUES; i++)
    {
      guint count = self->model != NULL ? ra_device_results_model_get_count (self->model, i) : 0;
      /* Translators: a filter of the device results and how many devices
       * it shows */
      g_autofree char *label = g_strdup_printf (_("%s (%'u)"), filter_name (i), count);

      gtk_button_set_label (GTK_BUTTON (self->buttons[i]), label);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[i]), i == current);
    }
}

static void
toggled_cb (GtkToggleButton          *button,
            RaDeviceResultsFilterBar *self)
{
  if (!gtk_toggle_button_get_active (button) || self->model == NULL)
    return;

  for (guint i = 0; i < RA_DEVICE_RESULTS_FILTER_N_VALUES; i++)
    {
      if (self->buttons[i] == GTK_WIDGET (button))
        ra_device_results_model_set_filter (self->model, i);
    }
}

static void
ra_device_results_filter_bar_dispose (GObject *object)
{
  RaDeviceResultsFilterBar *self = RA_DEVICE_RESULTS_FILTER_BAR (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (ra_device_results_filter_bar_parent_class)->dispose (object);
}

static void
ra_device_results_filter_bar_class_init (RaDeviceResultsFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ra_device_results_filter_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ra-device-results-filter-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ra_device_results_filter_bar_init (RaDeviceResultsFilterBar *self)
{
  /* One line: in a narrow window it scrolls sideways rather than
   * pushing the devices down. */
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->box);

  /* Five buttons, made once: the devices' rows are the list view's. */
  for (guint i = 0; i < RA_DEVICE_RESULTS_FILTER_N_VALUES; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();

      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (self->buttons[0]));
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect (button, "toggled", G_CALLBACK (toggled_cb), self);
      gtk_box_append (GTK_BOX (self->box), button);
      self->buttons[i] = button;
    }

  update (self);
}

GtkWidget *
ra_device_results_filter_bar_new (void)
{
  return g_object_new (RA_TYPE_DEVICE_RESULTS_FILTER_BAR, NULL);
}

void
ra_device_results_filter_bar_set_model (RaDeviceResultsFilterBar *self,
                                        RaDeviceResultsModel     *model)
{
  g_return_if_fail (RA_IS_DEVICE_RESULTS_FILTER_BAR (self));
  g_return_if_fail (model == NULL || RA_IS_DEVICE_RESULTS_MODEL (model));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    {
      g_signal_connect_swapped (model, "changed", G_CALLBACK (update), self);
      g_signal_connect_swapped (model, "notify::filter", G_CALLBACK (update), self);
    }

  update (self);
}

GtkToggleButton *
ra_device_results_filter_bar_get_button (RaDeviceResultsFilterBar *self,
                                         RaDeviceResultsFilter     filter)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULTS_FILTER_BAR (self), NULL);
  g_return_val_if_fail (filter < RA_DEVICE_RESULTS_FILTER_N_VALUES, NULL);

  return GTK_TOGGLE_BUTTON (self->buttons[filter]);
}
