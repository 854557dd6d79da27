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

  GtkWidget            *buttons[RA_DEVICE_RESULTS_FILTER_N_VALUES];
  RaDeviceResultsModel *model;
};

G_DEFINE_FINAL_TYPE (RaDeviceResultsFilterBar, ra_device_results_filter_bar, GTK_TYPE_WIDGET)

/* Between the buttons of a line, and between lines. */
#define COLUMN_SPACING 2
#define ROW_SPACING 2

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

/* The buttons wrap: a narrow window, or a language with long words,
 * puts the last ones on a line of their own rather than hiding them. */

/* Lays the buttons out in lines of width (or one line, when width is
 * negative) at their natural widths; each line as high as its highest
 * button. With allocate, gives them those places. Returns the height. */
static int
lay_out (RaDeviceResultsFilterBar *self,
         int                       width,
         gboolean                  allocate)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int widths[RA_DEVICE_RESULTS_FILTER_N_VALUES];
  int y = 0;
  guint first = 0;

  for (guint i = 0; i < RA_DEVICE_RESULTS_FILTER_N_VALUES; i++)
    {
      gtk_widget_measure (self->buttons[i], GTK_ORIENTATION_HORIZONTAL, -1, NULL, &widths[i],
                          NULL, NULL);
      if (width >= 0)
        widths[i] = MIN (widths[i], width);
    }

  while (first < RA_DEVICE_RESULTS_FILTER_N_VALUES)
    {
      int line_width = widths[first], line_height = 0, x = 0;
      guint end = first + 1;

      /* As many buttons as fit, and always one. */
      while (end < RA_DEVICE_RESULTS_FILTER_N_VALUES &&
             (width < 0 || line_width + COLUMN_SPACING + widths[end] <= width))
        line_width += COLUMN_SPACING + widths[end++];

      for (guint i = first; i < end; i++)
        {
          int height;

          gtk_widget_measure (self->buttons[i], GTK_ORIENTATION_VERTICAL, widths[i], NULL,
                              &height, NULL, NULL);
          line_height = MAX (line_height, height);
        }

      for (guint i = first; allocate && i < end; i++)
        {
          GtkAllocation place = { rtl ? width - x - widths[i] : x, y, widths[i], line_height };

          gtk_widget_size_allocate (self->buttons[i], &place, -1);
          x += widths[i] + COLUMN_SPACING;
        }

      y += line_height;
      first = end;
      if (first < RA_DEVICE_RESULTS_FILTER_N_VALUES)
        y += ROW_SPACING;
    }

  return y;
}

static GtkSizeRequestMode
ra_device_results_filter_bar_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ra_device_results_filter_bar_measure (GtkWidget      *widget,
                                      GtkOrientation  orientation,
                                      int             for_size,
                                      int            *minimum,
                                      int            *natural,
                                      int            *minimum_baseline,
                                      int            *natural_baseline)
{
  RaDeviceResultsFilterBar *self = RA_DEVICE_RESULTS_FILTER_BAR (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* At least the widest button; at best all of them on one line. */
      *minimum = *natural = 0;
      for (guint i = 0; i < RA_DEVICE_RESULTS_FILTER_N_VALUES; i++)
        {
          int child_minimum, child_natural;

          gtk_widget_measure (self->buttons[i], GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum,
                              &child_natural, NULL, NULL);
          *minimum = MAX (*minimum, child_minimum);
          *natural += child_natural + (i > 0 ? COLUMN_SPACING : 0);
        }
    }
  else
    *minimum = *natural = lay_out (self, for_size, FALSE);
}

static void
ra_device_results_filter_bar_size_allocate (GtkWidget *widget,
                                            int        width,
                                            int        height,
                                            int        baseline)
{
  lay_out (RA_DEVICE_RESULTS_FILTER_BAR (widget), width, TRUE);
}

static void
ra_device_results_filter_bar_dispose (GObject *object)
{
  RaDeviceResultsFilterBar *self = RA_DEVICE_RESULTS_FILTER_BAR (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  for (guint i = 0; i < RA_DEVICE_RESULTS_FILTER_N_VALUES; i++)
    g_clear_pointer (&self->buttons[i], gtk_widget_unparent);

  G_OBJECT_CLASS (ra_device_results_filter_bar_parent_class)->dispose (object);
}

static void
ra_device_results_filter_bar_class_init (RaDeviceResultsFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ra_device_results_filter_bar_dispose;

  widget_class->get_request_mode = ra_device_results_filter_bar_get_request_mode;
  widget_class->measure = ra_device_results_filter_bar_measure;
  widget_class->size_allocate = ra_device_results_filter_bar_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "ra-device-results-filter-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ra_device_results_filter_bar_init (RaDeviceResultsFilterBar *self)
{
  /* Five buttons, made once: the devices' rows are the list view's. */
  for (guint i = 0; i < RA_DEVICE_RESULTS_FILTER_N_VALUES; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();

      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (self->buttons[0]));
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect (button, "toggled", G_CALLBACK (toggled_cb), self);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
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
