/* ra-plain-text.h — outside text into widgets that read Pango markup
 *
 * libadwaita 1.2 takes a toast's title and a status page's description as
 * markup, with no way to turn that off. Text from a server, a file or the
 * settings goes through these, so that "Disk cleanup & defrag" shows as
 * written and "<a href=…>" shows as text, never as a link.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *ra_plain_toast_new                   (const char    *text);
void      ra_plain_status_page_set_description (AdwStatusPage *page,
                                                const char    *text);
/* text with underscores doubled, for a menu item label, which takes a
 * single underscore as a mnemonic. */
char     *ra_plain_menu_label                  (const char    *text);

G_END_DECLS
