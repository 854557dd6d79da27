/* fuzz-json-guard.c — the nesting guard against json-glib itself
 *
 * Whatever the guard lets through must not take json-glib's recursive
 * parser deeper than RA_JSON_MAX_DEPTH: the oracle counts the levels
 * json-glib really enters, through its array-start/object-start signals,
 * whether the parse then succeeds or not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "fuzz-json-guard"

#include "config.h"

#include <stdint.h>

#include "ra-json-private.h"

static guint depth;
static guint max_depth;

static void
start_cb (void)
{
  if (++depth > max_depth)
    max_depth = depth;
}

static void
end_cb (void)
{
  g_assert_cmpuint (depth, >, 0);
  depth--;
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  RaJsonCost cost = RA_JSON_COST_TOO_DEEP;

  if (!_ra_json_is_safe_to_parse ((const char *) data, size, RA_JSON_MAX_VALUES, &cost))
    {
      g_assert_null (ra_json_parse ((const char *) data, size, &error));
      return 0;
    }
  g_assert_cmpint (cost, ==, RA_JSON_COST_OK);

  parser = json_parser_new ();
  g_signal_connect (parser, "array-start", G_CALLBACK (start_cb), NULL);
  g_signal_connect (parser, "object-start", G_CALLBACK (start_cb), NULL);
  g_signal_connect (parser, "array-end", G_CALLBACK (end_cb), NULL);
  g_signal_connect (parser, "object-end", G_CALLBACK (end_cb), NULL);

  depth = max_depth = 0;
  if (size > 0)
    json_parser_load_from_data (parser, (const char *) data, size, NULL);
  g_assert_cmpuint (max_depth, <=, RA_JSON_MAX_DEPTH);

  /* And the real entry point, which must say why when it refuses. */
  node = ra_json_parse ((const char *) data, size, &error);
  g_assert_true ((node == NULL) != (error == NULL));

  return 0;
}
