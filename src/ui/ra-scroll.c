/* ra-scroll.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-scroll"

#include "config.h"

#include "ra-scroll.h"

void
ra_scroll_to_reveal (GtkWidget *widget,
                     double     margin)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  GtkWidget *content;
  double x, y, bottom, page_size;

  if (scrolled == NULL || !gtk_widget_get_visible (widget))
    return;

  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));

  if (content == NULL || !gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  page_size = gtk_adjustment_get_page_size (adjustment);
  bottom = y + gtk_widget_get_height (widget) + margin;
  if (bottom > gtk_adjustment_get_value (adjustment) + page_size)
    gtk_adjustment_set_value (adjustment, bottom - page_size);
}
