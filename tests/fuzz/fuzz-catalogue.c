/* fuzz-catalogue.c — the one-pass catalogue reader against the tree path
 *
 * Where the one-pass reader gives a catalogue, json-glib's tree must give
 * the same one, model by model and skipped entry by skipped entry; the
 * combined reader must give the tree's verdict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-catalogue"

#include "config.h"

#include <stdint.h>

#include "ra-catalogue.h"
#include "ra-catalogue-compare.h"
#include "ra-catalogue-reader-private.h"
#include "ra-error.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(RaCatalogue) tree = _ra_catalogue_read_tree (text, size, &tree_error);
  guint n_slow = 0;
  g_autoptr(RaCatalogue) fast = _ra_catalogue_read_fast (text, size, &n_slow);
  g_autoptr(GError) error = NULL;
  g_autoptr(RaCatalogue) combined = _ra_catalogue_read (text, size, &error);

  g_assert_true ((tree == NULL) != (tree_error == NULL));
  g_assert_true ((combined == NULL) != (error == NULL));

  /* The one-pass reader never accepts what the tree path refuses, and
   * reads what it accepts the same way. */
  if (fast != NULL)
    {
      g_assert_no_error (tree_error);
      ra_test_assert_same_catalogue (fast, tree);
    }

  /* The combined reader gives the tree's verdict, word for word. */
  if (tree != NULL)
    {
      g_assert_no_error (error);
      ra_test_assert_same_catalogue (combined, tree);
    }
  else
    {
      g_assert_error (error, tree_error->domain, tree_error->code);
      g_assert_cmpstr (error->message, ==, tree_error->message);
    }

  return 0;
}
