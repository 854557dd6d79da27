/* ra-account-file-private.h — reading the account list file with care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  RA_ACCOUNT_FILE_OK,
  RA_ACCOUNT_FILE_MISSING,
  /* Could not be opened or read: to be left alone, nothing saved over it. */
  RA_ACCOUNT_FILE_FAILED,
  /* A symbolic link, a folder, a device or far too large: never read. */
  RA_ACCOUNT_FILE_NOT_FILE,
} RaAccountFileRead;

/* contents (NUL-terminated) and length on RA_ACCOUNT_FILE_OK; reason, a
 * short phrase, on FAILED and NOT_FILE. */
RaAccountFileRead ra_account_file_read         (const char  *path,
                                                char       **contents,
                                                gsize       *length,
                                                char       **reason);
/* Copies contents to path.bak (or .bak.1 …), or returns the name of an
 * existing copy with the same contents. */
char             *ra_account_file_back_up      (const char  *path,
                                                const char  *contents,
                                                gsize        length,
                                                GError     **error);
/* Renames path, unread, to the first free backup name. */
char             *ra_account_file_move_aside   (const char  *path,
                                                GError     **error);
/* Appends problem to a "; "-separated list, cut short, made valid UTF-8,
 * and only while few enough have been named; n_problems counts all. */
void              ra_account_file_add_problem  (GString     *problems,
                                                guint       *n_problems,
                                                const char  *problem);
/* Adds "and N more problems" when some were not named. */
void              ra_account_file_end_problems (GString     *problems,
                                                guint        n_problems);

G_END_DECLS
