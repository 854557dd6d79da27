/* ra-action-list-skipped.c — the actions a list answer held that could
 * not be read
 *
 * One malformed action never empties the list: the catalogue leaves it
 * out, and the list says so under the rows, with a popover that names
 * each one (by ID when it had a readable one, by its place in the answer
 * otherwise) and what was wrong with it (the member path and why), so
 * that the admin can fix it on the server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-action-list"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-action-list-private.h"

/* Server text goes into plain labels only: never markup. */
static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
new_skipped_row (RaCatalogue *catalogue,
                 guint        i)
{
  const char *id = ra_catalogue_get_skipped_id (catalogue, i);
  GtkWidget *row, *box;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  /* The path counts from 0, as the server's answer does: "[3]" is the
   * fourth action, which is the place to look for one without an ID. */
  gtk_box_append (GTK_BOX (box), new_label (id != NULL ? id : _("No readable ID"), "heading"));
  gtk_box_append (GTK_BOX (box), new_label (ra_catalogue_get_skipped_path (catalogue, i),
                                            "monospace"));
  gtk_box_append (GTK_BOX (box), new_label (ra_catalogue_get_skipped_reason (catalogue, i),
                                            "dim-label"));

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

/* The row that counts those not listed. */
static GtkWidget *
new_more_row (guint n_more)
{
  g_autofree char *text = NULL;
  GtkWidget *row, *label;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "And %'u more action that could not be read",
                                       "And %'u more actions that could not be read",
                                       n_more),
                          n_more);
  label = new_label (text, "dim-label");
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);

  return row;
}

void
ra_action_list_show_skipped (RaActionList *self,
                             RaCatalogue  *catalogue)
{
  GtkWidget *child;
  guint n = catalogue != NULL ? ra_catalogue_get_n_skipped (catalogue) : 0;
  guint n_listed;
  RaCatalogue *shown = n > 0 ? catalogue : NULL;
  g_autofree char *text = NULL;

  if (self->skipped_from == shown)
    return;

  g_set_object (&self->skipped_from, shown);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->skipped_list))) != NULL)
    gtk_list_box_remove (self->skipped_list, child);

  gtk_widget_set_visible (GTK_WIDGET (self->skipped_button), n > 0);
  if (n == 0)
    {
      gtk_menu_button_popdown (self->skipped_button);
      return;
    }

  /* A catalogue of thousands with every action broken is one the admin
   * will fix at the source; the few hundred it lists tell them enough. */
  n_listed = ra_catalogue_get_n_skipped_listed (catalogue);
  for (guint i = 0; i < n_listed; i++)
    gtk_list_box_append (self->skipped_list, new_skipped_row (catalogue, i));
  if (n > n_listed)
    gtk_list_box_append (self->skipped_list, new_more_row (n - n_listed));

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%'u action could not be read",
                                       "%'u actions could not be read",
                                       n),
                          n);
  gtk_label_set_label (self->skipped_label, text);
  gtk_label_set_label (self->skipped_heading, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->skipped_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}
