/* ra-accessible.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-accessible"

#include "config.h"

#include "ra-accessible.h"

#define FIXED_KEY "ra-accessible-mnemonic-fixed"

/* The label that the mnemonic makes label the button says it without
 * the underscore; the property GTK copies the raw text into goes. */
static void
name_by_label (GtkWidget *button)
{
  if (gtk_button_get_use_underline (GTK_BUTTON (button)) &&
      gtk_button_get_label (GTK_BUTTON (button)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
label_changed_cb (GtkWidget  *button,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  name_by_label (button);
}

/* Each widget once: those already seen, and their children then, are
 * skipped, so a window's whole tree costs one walk, and a widget added
 * later one walk of its own when it is shown. Hidden children (another
 * page of a stack) are named right too, as assistive technologies list
 * them. */
static void
fix_tree (GtkWidget *widget)
{
  if (g_object_get_data (G_OBJECT (widget), FIXED_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (widget), FIXED_KEY, GINT_TO_POINTER (TRUE));

  if (GTK_IS_BUTTON (widget))
    {
      g_signal_connect (widget, "notify::label", G_CALLBACK (label_changed_cb), NULL);
      g_signal_connect (widget, "notify::use-underline", G_CALLBACK (label_changed_cb), NULL);
      name_by_label (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fix_tree (child);
}

static gboolean
widget_mapped_cb (GSignalInvocationHint *hint,
                  guint                  n_values,
                  const GValue          *values,
                  gpointer               user_data)
{
  fix_tree (GTK_WIDGET (g_value_get_object (&values[0])));

  /* Stays for the life of the process. */
  return TRUE;
}

void
ra_accessible_fix_mnemonic_names (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      guint map = g_signal_lookup ("map", GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (map, 0, widget_mapped_cb, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}

static void
name_from_tooltip (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                    -1);
}

static void
tooltip_changed_cb (GtkWidget  *widget,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  name_from_tooltip (widget);
}

void
ra_accessible_name_icon_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) == NULL &&
      gtk_widget_get_tooltip_text (root) != NULL)
    {
      g_signal_connect (root, "notify::tooltip-text", G_CALLBACK (tooltip_changed_cb), NULL);
      name_from_tooltip (root);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ra_accessible_name_icon_buttons (child);
}
