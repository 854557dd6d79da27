/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "remote-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RaApplication) app = NULL;
  const char *localedir;

  /* The build tree's catalogues (build-aux/dev run), which are not yet
   * where the installed ones go. */
  localedir = g_getenv ("REMOTE_ACTIONS_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE,
                  localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ra_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
