/* fuzz-replay-main.c — runs a fuzz target over the files of a directory
 *
 * Outside a libFuzzer build, each fuzz target is linked to this driver
 * and replays its checked-in corpus with its oracle, so that every
 * reproducer keeps being checked by the ordinary test suite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-replay"

#include "config.h"

#include <stdint.h>
#include <string.h>
#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  guint n_files = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
      g_ptr_array_sort (names, compare_names);

      for (guint j = 0; j < names->len; j++)
        {
          const char *file = g_ptr_array_index (names, j);
          g_autofree char *contents = NULL;
          gsize length;

          if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
            continue;
          g_file_get_contents (file, &contents, &length, &error);
          g_assert_no_error (error);

          g_print ("%s\n", file);
          LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
          /* And every prefix of the small ones: cut-short bodies. */
          for (gsize cut = 0; length <= 4096 && cut < length; cut++)
            LLVMFuzzerTestOneInput ((const uint8_t *) contents, cut);
          n_files++;
        }
    }

  g_print ("%u files replayed\n", n_files);
  return n_files > 0 ? 0 : 1;
}
