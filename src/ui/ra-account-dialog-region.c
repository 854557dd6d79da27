/* ra-account-dialog-region.c — the account dialog's choice of region
 *
 * No region is taken for granted: credentials sent to the wrong one
 * fail, or reach another instance of the same name. It is chosen from a
 * menu of radio items behind a button, as the fixed-option inputs are
 * (libadwaita 1.2's combo row does not choose the focused item on Enter
 * while nothing is chosen), or comes with a pasted address.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-account-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-account-dialog-private.h"

typedef struct
{
  const char *code;
  const char *label;
} Region;

/* The documented regions, in the order the endpoint lists them. */
static const Region regions[] = {
  { "us", N_("United States (us)") },
  { "eu", N_("European Union (eu)") },
  { "pac", N_("Asia-Pacific (pac)") },
  { "meta", N_("Middle East, Turkey and Africa (meta)") },
};

/* The region chosen, as the button shows and names it. */
static void
show_region (RaAccountDialog *self)
{
  const char *label = _("Choose…");

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_str_equal (regions[i].code, self->region))
      label = _(regions[i].label);

  gtk_label_set_text (GTK_LABEL (self->region_label), label);
  if (self->region[0] != '\0')
    gtk_widget_remove_css_class (self->region_label, "dim-label");
  else
    gtk_widget_add_css_class (self->region_label, "dim-label");
  /* The button is named after the field; what it shows follows. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->region_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label,
                                  -1);
}

void
ra_account_dialog_init_region (RaAccountDialog *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(regions[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, "account.region",
                                               g_variant_new_string (regions[i].code));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->region_button), G_MENU_MODEL (menu));
  /* The row, whose widget it activates, labels it too: the name would be
   * said twice, "Region Region". Its own label names it, and the button
   * inside it. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->region_button),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  show_region (self);
}

gboolean
ra_account_dialog_set_region (RaAccountDialog *self,
                              const char      *code)
{
  gboolean known = FALSE;

  /* Only the documented regions are offered, and only they are kept. */
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (regions); i++)
    known = known || g_str_equal (regions[i].code, code);
  if (!known)
    code = "";

  if (g_str_equal (code, self->region))
    return FALSE;

  g_free (self->region);
  self->region = g_strdup (code);
  show_region (self);
  g_object_notify (G_OBJECT (self), "region");

  return TRUE;
}
