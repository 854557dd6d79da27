/* ra-device-result-row.c
 *
 * A row of the device results list: the device and what else the query
 * said of it on the left, its status on the right. Built for GtkListView,
 * which makes only the rows in view and gives them item after item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-result-row"

#include "config.h"

#include "ra-device-result-row.h"

struct _RaDeviceResultRow
{
  GtkWidget           parent_instance;

  RaDeviceResultItem *item;
  GtkWidget          *text_box;
  GtkWidget          *device_label;
  GtkWidget          *details_label;
  GtkWidget          *status_label;
};

G_DEFINE_FINAL_TYPE (RaDeviceResultRow, ra_device_result_row, GTK_TYPE_WIDGET)

/* The style class of each status, as in style.css. */
static const char * const status_classes[RA_DEVICE_RESULT_KIND_N_VALUES] = {
  [RA_DEVICE_RESULT_KIND_SUCCEEDED] = "success",
  [RA_DEVICE_RESULT_KIND_FAILED] = "error",
  [RA_DEVICE_RESULT_KIND_PENDING] = "pending",
  [RA_DEVICE_RESULT_KIND_NO_REPORT] = "no-report",
  [RA_DEVICE_RESULT_KIND_OTHER] = "other",
};

/* Outside text, so never markup. */
static GtkWidget *
new_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_use_underline (GTK_LABEL (label), FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* GTK finds a wrapping label's minimum width by laying its text out
   * this many characters wide (else one character wide: a line per
   * character); a list's first rows were measured four times slower. */
  gtk_label_set_width_chars (GTK_LABEL (label), 16);

  return label;
}

static void
ra_device_result_row_dispose (GObject *object)
{
  RaDeviceResultRow *self = RA_DEVICE_RESULT_ROW (object);

  g_clear_pointer (&self->text_box, gtk_widget_unparent);
  g_clear_pointer (&self->status_label, gtk_widget_unparent);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (ra_device_result_row_parent_class)->dispose (object);
}

static void
ra_device_result_row_class_init (RaDeviceResultRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ra_device_result_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ra-device-result-row");
}

static void
ra_device_result_row_init (RaDeviceResultRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  self->text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (self->text_box, TRUE);
  gtk_widget_set_valign (self->text_box, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->text_box, GTK_WIDGET (self));

  self->device_label = new_label ();
  gtk_box_append (GTK_BOX (self->text_box), self->device_label);

  self->details_label = new_label ();
  gtk_widget_add_css_class (self->details_label, "dim-label");
  gtk_widget_add_css_class (self->details_label, "caption");
  gtk_box_append (GTK_BOX (self->text_box), self->details_label);

  self->status_label = gtk_label_new (NULL);
  gtk_widget_set_valign (self->status_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->status_label, "device-status");
  gtk_widget_set_parent (self->status_label, GTK_WIDGET (self));
}

GtkWidget *
ra_device_result_row_new (void)
{
  return g_object_new (RA_TYPE_DEVICE_RESULT_ROW, NULL);
}

void
ra_device_result_row_set_item (RaDeviceResultRow  *self,
                               RaDeviceResultItem *item)
{
  const char *details, *status_text;

  g_return_if_fail (RA_IS_DEVICE_RESULT_ROW (self));
  g_return_if_fail (item == NULL || RA_IS_DEVICE_RESULT_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (self->status_label, status_classes[i]);

  details = item != NULL ? ra_device_result_item_get_details (item) : NULL;
  status_text = item != NULL ? ra_device_result_item_get_status_text (item) : NULL;

  gtk_label_set_text (GTK_LABEL (self->device_label),
                      item != NULL ? ra_device_result_item_get_device (item) : "");
  gtk_label_set_text (GTK_LABEL (self->details_label), details != NULL ? details : "");
  gtk_widget_set_visible (self->details_label, details != NULL && details[0] != '\0');
  gtk_label_set_text (GTK_LABEL (self->status_label), status_text != NULL ? status_text : "");
  gtk_widget_set_visible (self->status_label, status_text != NULL);
  if (item != NULL)
    gtk_widget_add_css_class (self->status_label,
                              status_classes[ra_device_result_item_get_kind (item)]);
}

RaDeviceResultItem *
ra_device_result_row_get_item (RaDeviceResultRow *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULT_ROW (self), NULL);

  return self->item;
}
