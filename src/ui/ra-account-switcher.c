/* ra-account-switcher.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-account-switcher"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-account-switcher.h"

struct _RaAccountSwitcher
{
  AdwBin         parent_instance;

  GtkMenuButton *button;
  GtkLabel      *label;
  char          *title;
};

G_DEFINE_FINAL_TYPE (RaAccountSwitcher, ra_account_switcher, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (RaAccountSwitcher *self)
{
  g_autofree char *accessible = NULL;
  const char *shown = self->title != NULL ? self->title : _("No Account");

  gtk_label_set_label (self->label, shown);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), shown);

  /* Translators: accessible name of the header button; %s is the account */
  accessible = g_strdup_printf (_("Account: %s"), shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
ra_account_switcher_finalize (GObject *object)
{
  RaAccountSwitcher *self = (RaAccountSwitcher *)object;

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (ra_account_switcher_parent_class)->finalize (object);
}

static void
ra_account_switcher_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RaAccountSwitcher *self = RA_ACCOUNT_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_account_switcher_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RaAccountSwitcher *self = RA_ACCOUNT_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      ra_account_switcher_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_account_switcher_class_init (RaAccountSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_account_switcher_finalize;
  object_class->get_property = ra_account_switcher_get_property;
  object_class->set_property = ra_account_switcher_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ra_account_switcher_init (RaAccountSwitcher *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (self->label, 5);
  gtk_label_set_max_width_chars (self->label, 28);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), arrow);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_child (self->button, box);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));

  update_label (self);
}

GtkWidget *
ra_account_switcher_new (GMenuModel *menu)
{
  RaAccountSwitcher *self;

  g_return_val_if_fail (!menu || G_IS_MENU_MODEL (menu), NULL);

  self = g_object_new (RA_TYPE_ACCOUNT_SWITCHER, NULL);
  gtk_menu_button_set_menu_model (self->button, menu);

  return GTK_WIDGET (self);
}

void
ra_account_switcher_set_title (RaAccountSwitcher *self,
                               const char        *title)
{
  g_return_if_fail (RA_IS_ACCOUNT_SWITCHER (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
ra_account_switcher_get_title (RaAccountSwitcher *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT_SWITCHER (self), NULL);

  return self->title;
}

GtkMenuButton *
ra_account_switcher_get_button (RaAccountSwitcher *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT_SWITCHER (self), NULL);

  return self->button;
}
