/* ra-output-value.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-output-value"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "ra-output-value.h"

gboolean
ra_output_value_parse_bool (const char *text,
                            gboolean   *value)
{
  static const char * const yes[] = { "true", "1", "yes", NULL };
  static const char * const no[] = { "false", "0", "no", NULL };
  g_autofree char *word = NULL;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  word = g_ascii_strdown (text, -1);
  g_strstrip (word);
  if (g_strv_contains (yes, word))
    *value = TRUE;
  else if (g_strv_contains (no, word))
    *value = FALSE;
  else
    return FALSE;

  return TRUE;
}

gboolean
ra_output_value_parse_count (const char *text,
                             guint64    *value)
{
  char *end = NULL;
  double number;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;

  if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, value, NULL))
    return TRUE;

  number = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (number) || number < 0 ||
      number >= 18446744073709551616.0 || floor (number) != number)
    return FALSE;

  *value = (guint64) number;
  return TRUE;
}

char **
ra_output_value_parse_list (const char *text)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GStrvBuilder) items = NULL;
  JsonNode *root;
  JsonArray *array;

  if (text == NULL || text[0] != '[')
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;

  array = json_node_get_array (root);
  items = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_NULL (element))
        continue;
      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (items, json_node_get_string (element));
      else
        {
          g_autofree char *compact = json_to_string (element, FALSE);

          g_strv_builder_add (items, compact);
        }
    }

  return g_strv_builder_end (items);
}
