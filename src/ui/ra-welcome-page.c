/* ra-welcome-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-plain-text.h"
#include "ra-welcome-page.h"

struct _RaWelcomePage
{
  AdwBin         parent_instance;

  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (RaWelcomePage, ra_welcome_page, ADW_TYPE_BIN)

static void
ra_welcome_page_class_init (RaWelcomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* No gtk_widget_dispose_template (): the status page is AdwBin's child,
   * and AdwBin lets go of it. */
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RaWelcomePage, status_page);
}

static void
ra_welcome_page_init (RaWelcomePage *self)
{
  GtkIconTheme *theme;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The app icon says whose page this is. A build run from its tree has
   * no installed icon; a generic one beats a "missing image". */
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  adw_status_page_set_icon_name (self->status_page,
                                 gtk_icon_theme_has_icon (theme, APP_ID)
                                 ? APP_ID : "network-server-symbolic");
}

GtkWidget *
ra_welcome_page_new (void)
{
  return g_object_new (RA_TYPE_WELCOME_PAGE, NULL);
}

void
ra_welcome_page_set_has_accounts (RaWelcomePage *self,
                                  gboolean       has_accounts)
{
  g_return_if_fail (RA_IS_WELCOME_PAGE (self));

  if (has_accounts)
    ra_plain_status_page_set_description (self->status_page,
                                          _("Choose one of your accounts in the menu at the top, add "
                                            "another account, or look around on a built-in demo "
                                            "instance."));
  else
    ra_plain_status_page_set_description (self->status_page,
                                          _("Browse the remote actions of your Nexthink instance, fill "
                                            "in their parameters, choose the devices and run them. "
                                            "Connect with API credentials, or look around on a "
                                            "built-in demo instance first."));
}
