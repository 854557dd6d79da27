/* ra-connecting-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-connecting-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-connecting-page.h"

struct _RaConnectingPage
{
  AdwBin         parent_instance;

  AdwStatusPage *status_page;
  GtkSpinner    *spinner;
  GtkWidget     *retry_button;
  GtkWidget     *enter_secret_button;

  char          *title;
  gboolean       stalled;
};

G_DEFINE_FINAL_TYPE (RaConnectingPage, ra_connecting_page, ADW_TYPE_BIN)

static void
update (RaConnectingPage *self)
{
  g_autofree char *escaped = g_markup_escape_text (self->title != NULL ? self->title : "", -1);
  g_autofree char *description = NULL;

  /* The description is markup, the account title is the user's text. */
  if (self->stalled)
    {
      adw_status_page_set_title (self->status_page, _("The Keyring Does Not Answer"));
      /* Translators: %s is the account name */
      description = g_strdup_printf (_("The client secret of “%s” could not be read from the "
                                       "keyring yet. Try again, or enter the client secret for "
                                       "this session only."), escaped);
      adw_status_page_set_icon_name (self->status_page, "dialog-password-symbolic");
    }
  else
    {
      adw_status_page_set_title (self->status_page, _("Connecting…"));
      /* Translators: %s is the account name */
      description = g_strdup_printf (_("Reading the client secret of “%s” from the keyring."),
                                     escaped);
      adw_status_page_set_icon_name (self->status_page, NULL);
    }

  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), !self->stalled);
  gtk_spinner_set_spinning (self->spinner, !self->stalled);
  gtk_widget_set_visible (self->retry_button, self->stalled);
  gtk_widget_set_visible (self->enter_secret_button, self->stalled);
}

static void
ra_connecting_page_finalize (GObject *object)
{
  RaConnectingPage *self = (RaConnectingPage *)object;

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (ra_connecting_page_parent_class)->finalize (object);
}

static void
ra_connecting_page_class_init (RaConnectingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ra_connecting_page_finalize;

  /* No gtk_widget_dispose_template (): the status page is AdwBin's child,
   * and AdwBin lets go of it. */
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ra-connecting-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RaConnectingPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, RaConnectingPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, RaConnectingPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, RaConnectingPage, enter_secret_button);
}

static void
ra_connecting_page_init (RaConnectingPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
ra_connecting_page_new (void)
{
  return g_object_new (RA_TYPE_CONNECTING_PAGE, NULL);
}

void
ra_connecting_page_set_account (RaConnectingPage *self,
                                const char       *title)
{
  g_return_if_fail (RA_IS_CONNECTING_PAGE (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  update (self);
}

void
ra_connecting_page_set_stalled (RaConnectingPage *self,
                                gboolean          stalled)
{
  g_return_if_fail (RA_IS_CONNECTING_PAGE (self));

  stalled = !!stalled;
  if (self->stalled == stalled)
    return;

  self->stalled = stalled;
  update (self);
}

gboolean
ra_connecting_page_get_stalled (RaConnectingPage *self)
{
  g_return_val_if_fail (RA_IS_CONNECTING_PAGE (self), FALSE);

  return self->stalled;
}
