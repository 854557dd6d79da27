/* ra-json.c — typed JSON getters whose errors name the member path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-json"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ra-error.h"
#include "ra-json-private.h"

JsonNode *
ra_json_parse (const char  *data,
               gssize       length,
               GError     **error)
{
  return ra_json_parse_bounded (data, length, RA_JSON_MAX_VALUES, error);
}

JsonNode *
ra_json_parse_bounded (const char  *data,
                       gssize       length,
                       gsize        max_values,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  RaJsonCost cost;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length <= 0, NULL);

  if (length < 0)
    length = data != NULL ? strlen (data) : 0;

  if (length == 0)
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                           _("The server’s response is empty where data was expected."));
      return NULL;
    }

  if (!_ra_json_is_safe_to_parse (data, length, max_values, &cost))
    {
      if (cost == RA_JSON_COST_TOO_DEEP)
        g_set_error_literal (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                             _("The server’s response is not as documented: it is nested too deeply."));
      else if (cost == RA_JSON_COST_TOO_MANY)
        g_set_error_literal (error, RA_ERROR, RA_ERROR_RESPONSE_TOO_LARGE,
                             _("The server’s answer holds more items than this app accepts."));
      else
        g_set_error_literal (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                             _("The server’s response is not valid JSON; it may have been cut short."));
      return NULL;
    }

  /* Immutable nodes are a little faster to build, and nothing may change
   * a parsed body anyway. */
  parser = json_parser_new_immutable ();
  /* json-glib's own message is not passed on: it can quote the body. */
  if (!json_parser_load_from_data (parser, data != NULL ? data : "", length, NULL))
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                           _("The server’s response is not valid JSON; it may have been cut short."));
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                           _("The server’s response is empty where data was expected."));
      return NULL;
    }

  return root;
}

static void
append_path (GString          *str,
             const RaJsonPath *path)
{
  if (path == NULL)
    return;

  append_path (str, path->parent);

  if (path->member == NULL)
    g_string_append_printf (str, "[%u]", path->index);
  else if (path->member[0] != '\0')
    {
      if (str->len > 0)
        g_string_append_c (str, '.');
      g_string_append (str, path->member);
    }
}

/* Leaves the path of a problem where the root asked for it. */
static void
note_problem (const RaJsonPath *path,
              const char       *where)
{
  const RaJsonPath *root = path;

  while (root != NULL && root->parent != NULL)
    root = root->parent;

  if (root != NULL && root->problem_path != NULL)
    {
      g_free (*root->problem_path);
      *root->problem_path = g_strdup (where);
    }
}

char *
ra_json_path_to_string (const RaJsonPath *path)
{
  GString *str = g_string_new (NULL);

  append_path (str, path);

  /* Only the document itself has an empty path. */
  if (str->len == 0)
    {
      g_string_free (str, TRUE);
      return g_strdup (_("the response body"));
    }

  return g_string_free (str, FALSE);
}

void
ra_json_set_missing (GError           **error,
                     const RaJsonPath  *path)
{
  g_autofree char *where = ra_json_path_to_string (path);

  note_problem (path, where);

  g_set_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
               _("The server’s response is not as documented: %s is missing."),
               where);
}

void
ra_json_set_invalid_text (GError           **error,
                          const RaJsonPath  *path)
{
  g_autofree char *where = ra_json_path_to_string (path);

  note_problem (path, where);

  g_set_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
               _("The server’s response is not as documented: %s holds text that is not valid UTF-8."),
               where);
}

void
ra_json_set_not_one_of (GError           **error,
                        const RaJsonPath  *path,
                        const char        *allowed)
{
  g_autofree char *where = ra_json_path_to_string (path);

  note_problem (path, where);

  g_set_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
               _("The server’s response is not as documented: %s should be one of %s."),
               where, allowed);
}

typedef enum
{
  EXPECT_OBJECT,
  EXPECT_ARRAY,
  EXPECT_STRING,
  EXPECT_NON_EMPTY_STRING,
  EXPECT_BOOLEAN,
  EXPECT_INTEGER,
} Expect;

static void
set_wrong_type (GError           **error,
                const RaJsonPath  *path,
                Expect             expect)
{
  g_autofree char *where = ra_json_path_to_string (path);

  note_problem (path, where);

  /* Whole sentences, so that translators see each one. */
  switch (expect)
    {
    case EXPECT_OBJECT:
      g_set_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                   _("The server’s response is not as documented: %s should be an object."),
                   where);
      break;
    case EXPECT_ARRAY:
      g_set_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                   _("The server’s response is not as documented: %s should be an array."),
                   where);
      break;
    case EXPECT_STRING:
      g_set_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                   _("The server’s response is not as documented: %s should be a string."),
                   where);
      break;
    case EXPECT_NON_EMPTY_STRING:
      g_set_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                   _("The server’s response is not as documented: %s should not be empty."),
                   where);
      break;
    case EXPECT_BOOLEAN:
      g_set_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                   _("The server’s response is not as documented: %s should be true or false."),
                   where);
      break;
    case EXPECT_INTEGER:
      g_set_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                   _("The server’s response is not as documented: %s should be a whole number."),
                   where);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
set_out_of_range (GError           **error,
                  const RaJsonPath  *path,
                  gint64             min,
                  gint64             max)
{
  g_autofree char *where = ra_json_path_to_string (path);

  note_problem (path, where);

  /* xgettext cannot expand G_GINT64_FORMAT, so a msgid using it would
   * never match its translation. */
  g_set_error (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
               _("The server’s response is not as documented: %s should be a whole number from %lld to %lld."),
               where, (long long) min, (long long) max);
}

/* Returns TRUE when the node is there and not null; otherwise sets the
 * "missing" error for required members and leaves *present FALSE. */
static gboolean
check_present (JsonNode          *node,
               const RaJsonPath  *path,
               RaJsonFlags        flags,
               Expect             expect,
               gboolean          *present,
               GError           **error)
{
  *present = FALSE;

  if (node == NULL)
    {
      if (flags & RA_JSON_REQUIRED)
        {
          ra_json_set_missing (error, path);
          return FALSE;
        }
      return TRUE;
    }

  if (JSON_NODE_HOLDS_NULL (node))
    {
      /* A required member that is null is as bad as a wrong type: the
       * schema says what it should hold. */
      if (flags & RA_JSON_REQUIRED)
        {
          set_wrong_type (error, path, expect);
          return FALSE;
        }
      return TRUE;
    }

  *present = TRUE;
  return TRUE;
}

gboolean
ra_json_node_object (JsonNode          *node,
                     const RaJsonPath  *path,
                     RaJsonFlags        flags,
                     JsonObject       **out,
                     GError           **error)
{
  gboolean present;

  if (!check_present (node, path, flags, EXPECT_OBJECT, &present, error))
    return FALSE;
  if (!present)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_wrong_type (error, path, EXPECT_OBJECT);
      return FALSE;
    }

  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
ra_json_node_array (JsonNode          *node,
                    const RaJsonPath  *path,
                    RaJsonFlags        flags,
                    JsonArray        **out,
                    GError           **error)
{
  gboolean present;

  if (!check_present (node, path, flags, EXPECT_ARRAY, &present, error))
    return FALSE;
  if (!present)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_wrong_type (error, path, EXPECT_ARRAY);
      return FALSE;
    }

  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
ra_json_node_string (JsonNode          *node,
                     const RaJsonPath  *path,
                     RaJsonFlags        flags,
                     const char       **out,
                     GError           **error)
{
  gboolean present;
  const char *value;

  if (!check_present (node, path, flags, EXPECT_STRING, &present, error))
    return FALSE;
  if (!present)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_wrong_type (error, path, EXPECT_STRING);
      return FALSE;
    }

  value = json_node_get_string (node);

  /* Escapes such as a lone "\ud800" can decode to bytes that are not
   * UTF-8; such a string must not reach labels or logs. */
  if (value == NULL)
    {
      set_wrong_type (error, path, EXPECT_STRING);
      return FALSE;
    }

  if (!g_utf8_validate (value, -1, NULL))
    {
      ra_json_set_invalid_text (error, path);
      return FALSE;
    }

  if ((flags & RA_JSON_NON_EMPTY) && value[0] == '\0')
    {
      set_wrong_type (error, path, EXPECT_NON_EMPTY_STRING);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

gboolean
ra_json_node_boolean (JsonNode          *node,
                      const RaJsonPath  *path,
                      RaJsonFlags        flags,
                      gboolean          *out,
                      GError           **error)
{
  gboolean present;

  if (!check_present (node, path, flags, EXPECT_BOOLEAN, &present, error))
    return FALSE;
  if (!present)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      set_wrong_type (error, path, EXPECT_BOOLEAN);
      return FALSE;
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
ra_json_node_int (JsonNode          *node,
                  const RaJsonPath  *path,
                  RaJsonFlags        flags,
                  gint64             min,
                  gint64             max,
                  gint64            *out,
                  GError           **error)
{
  gboolean present;
  gint64 value;

  if (!check_present (node, path, flags, EXPECT_INTEGER, &present, error))
    return FALSE;
  if (!present)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node))
    {
      set_wrong_type (error, path, EXPECT_INTEGER);
      return FALSE;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      value = json_node_get_int (node);
      break;

    case G_TYPE_DOUBLE:
      {
        double d = json_node_get_double (node);

        /* Some serializers write 120 as 120.0; anything else with a
         * fraction, or beyond what a gint64 holds, is not an integer. */
        if (!isfinite (d) || d != floor (d) ||
            d < -9.2233720368547748e18 || d >= 9.2233720368547748e18)
          {
            set_wrong_type (error, path, EXPECT_INTEGER);
            return FALSE;
          }
        value = (gint64) d;
      }
      break;

    default:
      set_wrong_type (error, path, EXPECT_INTEGER);
      return FALSE;
    }

  if (value < min || value > max)
    {
      set_out_of_range (error, path, min, max);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

gboolean
ra_json_member_object (JsonObject        *object,
                       const RaJsonPath  *parent,
                       const char        *member,
                       RaJsonFlags        flags,
                       JsonObject       **out,
                       GError           **error)
{
  RaJsonPath path = ra_json_path_member (parent, member);

  return ra_json_node_object (json_object_get_member (object, member),
                              &path, flags, out, error);
}

gboolean
ra_json_member_array (JsonObject        *object,
                      const RaJsonPath  *parent,
                      const char        *member,
                      RaJsonFlags        flags,
                      JsonArray        **out,
                      GError           **error)
{
  RaJsonPath path = ra_json_path_member (parent, member);

  return ra_json_node_array (json_object_get_member (object, member),
                             &path, flags, out, error);
}

gboolean
ra_json_member_string (JsonObject        *object,
                       const RaJsonPath  *parent,
                       const char        *member,
                       RaJsonFlags        flags,
                       const char       **out,
                       GError           **error)
{
  RaJsonPath path = ra_json_path_member (parent, member);

  return ra_json_node_string (json_object_get_member (object, member),
                              &path, flags, out, error);
}

gboolean
ra_json_member_dup_string (JsonObject        *object,
                           const RaJsonPath  *parent,
                           const char        *member,
                           RaJsonFlags        flags,
                           char             **out,
                           GError           **error)
{
  const char *value = NULL;

  if (!ra_json_member_string (object, parent, member, flags, &value, error))
    return FALSE;

  if (value != NULL)
    {
      g_free (*out);
      *out = g_strdup (value);
    }

  return TRUE;
}

gboolean
ra_json_member_boolean (JsonObject        *object,
                        const RaJsonPath  *parent,
                        const char        *member,
                        RaJsonFlags        flags,
                        gboolean          *out,
                        GError           **error)
{
  RaJsonPath path = ra_json_path_member (parent, member);

  return ra_json_node_boolean (json_object_get_member (object, member),
                               &path, flags, out, error);
}

gboolean
ra_json_member_int (JsonObject        *object,
                    const RaJsonPath  *parent,
                    const char        *member,
                    RaJsonFlags        flags,
                    gint64             min,
                    gint64             max,
                    gint64            *out,
                    GError           **error)
{
  RaJsonPath path = ra_json_path_member (parent, member);

  return ra_json_node_int (json_object_get_member (object, member),
                           &path, flags, min, max, out, error);
}

gboolean
ra_json_member_strv (JsonObject        *object,
                     const RaJsonPath  *parent,
                     const char        *member,
                     RaJsonFlags        flags,
                     char            ***out,
                     GError           **error)
{
  RaJsonPath path = ra_json_path_member (parent, member);
  JsonArray *array = NULL;
  g_auto(GStrv) strv = NULL;
  guint n;

  if (!ra_json_node_array (json_object_get_member (object, member),
                           &path, flags, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  n = json_array_get_length (array);
  strv = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      RaJsonPath element = ra_json_path_element (&path, i);
      const char *value = NULL;

      if (!ra_json_node_string (json_array_get_element (array, i),
                                &element, RA_JSON_REQUIRED, &value, error))
        return FALSE;

      strv[i] = g_strdup (value);
    }

  g_strfreev (*out);
  *out = g_steal_pointer (&strv);
  return TRUE;
}

gboolean
ra_json_member_tristate (JsonObject        *object,
                         const RaJsonPath  *parent,
                         const char        *member,
                         RaTristate        *out,
                         GError           **error)
{
  RaJsonPath path = ra_json_path_member (parent, member);
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;
  gboolean value = FALSE;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = RA_TRISTATE_UNKNOWN;
      return TRUE;
    }

  if (!ra_json_node_boolean (node, &path, RA_JSON_REQUIRED, &value, error))
    return FALSE;

  *out = value ? RA_TRISTATE_YES : RA_TRISTATE_NO;
  return TRUE;
}
