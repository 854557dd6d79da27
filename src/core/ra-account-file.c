/* ra-account-file.c — reading the account list file with care
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-account-manager"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ra-account-file-private.h"

/* A few dozen accounts take a few kilobytes; anything near this size is
 * not an account list, and is neither read whole nor copied. */
#define MAX_FILE_SIZE (1024 * 1024)
/* The load error names at most this many problems, each cut to a line. */
#define MAX_PROBLEMS 3
#define MAX_PROBLEM_CHARS 120
#define MAX_BACKUPS 100

/* Reads path only when it is a regular file of at most MAX_FILE_SIZE
 * bytes, without following a symbolic link: one in place of the
 * account list could point at any file, whose contents must then
 * neither be loaded nor end up quoted in an error message. */
RaAccountFileRead
ra_account_file_read (const char  *path,
                      char       **contents,
                      gsize       *length,
                      char       **reason)
{
  g_autofree char *buffer = NULL;
  struct stat st;
  gsize filled = 0;
  int saved_errno;
  int fd;

  /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;

      if (saved_errno == ENOENT)
        return RA_ACCOUNT_FILE_MISSING;

      if (saved_errno == ELOOP && g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
        {
          *reason = g_strdup (_("it is a symbolic link, not a file"));
          return RA_ACCOUNT_FILE_NOT_FILE;
        }

      *reason = g_strdup (g_strerror (saved_errno));
      return RA_ACCOUNT_FILE_FAILED;
    }

  if (fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      close (fd);
      *reason = g_strdup (g_strerror (saved_errno));
      return RA_ACCOUNT_FILE_FAILED;
    }

  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      *reason = g_strdup (_("it is not a regular file"));
      return RA_ACCOUNT_FILE_NOT_FILE;
    }

  if (st.st_size > MAX_FILE_SIZE)
    {
      close (fd);
      *reason = g_strdup (_("it is far too large to be an account list"));
      return RA_ACCOUNT_FILE_NOT_FILE;
    }

  /* One byte more than allowed shows a file that grew meanwhile. */
  buffer = g_malloc (MAX_FILE_SIZE + 2);
  while (filled <= MAX_FILE_SIZE)
    {
      gssize n = read (fd, buffer + filled, MAX_FILE_SIZE + 1 - filled);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          close (fd);
          *reason = g_strdup (g_strerror (saved_errno));
          return RA_ACCOUNT_FILE_FAILED;
        }
      if (n == 0)
        break;
      filled += n;
    }
  close (fd);

  if (filled > MAX_FILE_SIZE)
    {
      *reason = g_strdup (_("it is far too large to be an account list"));
      return RA_ACCOUNT_FILE_NOT_FILE;
    }

  buffer[filled] = '\0';
  *contents = g_realloc (g_steal_pointer (&buffer), filled + 1);
  *length = filled;

  return RA_ACCOUNT_FILE_OK;
}

static char *
backup_name (const char *path,
             guint       i)
{
  if (i == 0)
    return g_strdup_printf ("%s.bak", path);

  return g_strdup_printf ("%s.bak.%u", path, i);
}

/* Keeps a copy of a file we could not understand, without ever
 * overwriting an earlier copy — and without adding one more full copy
 * at every start while the same damaged file is still in place. */
char *
ra_account_file_back_up (const char  *path,
                         const char  *contents,
                         gsize        length,
                         GError     **error)
{
  for (guint i = 0; i < MAX_BACKUPS; i++)
    {
      g_autofree char *backup = backup_name (path, i);
      g_autofree char *kept = NULL;
      g_autofree char *ignored = NULL;
      gsize kept_length = 0;

      switch (ra_account_file_read (backup, &kept, &kept_length, &ignored))
        {
        case RA_ACCOUNT_FILE_MISSING:
          if (!g_file_set_contents_full (backup, contents, length,
                                         G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
            return NULL;
          return g_steal_pointer (&backup);

        case RA_ACCOUNT_FILE_OK:
          if (kept_length == length && memcmp (kept, contents, length) == 0)
            return g_steal_pointer (&backup);
          break;

        case RA_ACCOUNT_FILE_FAILED:
        case RA_ACCOUNT_FILE_NOT_FILE:
        default:
          break;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("Too many backup copies of %s exist already."), path);
  return NULL;
}

/* Moves what is in place of the account list (a link, a folder, a huge
 * file) aside, unread: nothing is copied, and the next start finds the
 * place free. */
char *
ra_account_file_move_aside (const char  *path,
                            GError     **error)
{
  for (guint i = 0; i < MAX_BACKUPS; i++)
    {
      g_autofree char *backup = backup_name (path, i);
      struct stat st;

      if (g_lstat (backup, &st) == 0 || errno != ENOENT)
        continue;

      if (g_rename (path, backup) != 0)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return NULL;
        }

      return g_steal_pointer (&backup);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("Too many backup copies of %s exist already."), path);
  return NULL;
}

/* Problems quote the file, which may hold anything: each is cut short
 * and made valid UTF-8, and only the first few are named. */
void
ra_account_file_add_problem (GString    *problems,
                             guint      *n_problems,
                             const char *problem)
{
  g_autofree char *valid = NULL;

  (*n_problems)++;
  if (*n_problems > MAX_PROBLEMS)
    return;

  valid = g_utf8_make_valid (problem, -1);
  if (problems->len > 0)
    g_string_append (problems, "; ");

  if (g_utf8_strlen (valid, -1) > MAX_PROBLEM_CHARS)
    {
      const char *cut = g_utf8_offset_to_pointer (valid, MAX_PROBLEM_CHARS);

      g_string_append_len (problems, valid, cut - valid);
      g_string_append (problems, "…");
    }
  else
    g_string_append (problems, valid);
}

void
ra_account_file_end_problems (GString *problems,
                              guint    n_problems)
{
  if (n_problems > MAX_PROBLEMS)
    {
      guint more = n_problems - MAX_PROBLEMS;

      g_string_append (problems, "; ");
      g_string_append_printf (problems,
                              g_dngettext (GETTEXT_PACKAGE, "and %u more problem",
                                           "and %u more problems", more),
                              more);
    }
}
