/* ra-json-private.h — typed JSON getters whose errors name the member path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ra-types.h"

G_BEGIN_DECLS

/* A path into a JSON document, kept on the stack while parsing so that a
 * readable "scriptInfo.inputs[2].name" is only built when something is
 * wrong: parsing a large catalogue must not allocate a string per member. */
typedef struct _RaJsonPath RaJsonPath;

struct _RaJsonPath
{
  const RaJsonPath *parent;
  const char       *member;  /* NULL for an array element */
  guint             index;
  /* Only read on the root: when set, every error raised below it also
   * leaves the path it names here (replacing what was there), so that a
   * list can report a skipped item by member path as well as in words. */
  char            **problem_path;
};

/* The root is never an array element, even without a prefix. */
#define RA_JSON_PATH_INIT(prefix) { NULL, (prefix) != NULL ? (prefix) : "", 0, NULL }

static inline RaJsonPath
ra_json_path_member (const RaJsonPath *parent,
                     const char       *member)
{
  RaJsonPath path = { parent, member, 0, NULL };
  return path;
}

static inline RaJsonPath
ra_json_path_element (const RaJsonPath *parent,
                      guint             index)
{
  RaJsonPath path = { parent, NULL, index, NULL };
  return path;
}

typedef enum
{
  RA_JSON_OPTIONAL = 0,
  RA_JSON_REQUIRED = 1 << 0,
  RA_JSON_NON_EMPTY = 1 << 1,  /* strings only */
} RaJsonFlags;

/* Deeper JSON is refused before json-glib sees it: its parser recurses
 * and a body of a million "[" overflows the stack. The API's own
 * documents are a handful of levels deep. */
#define RA_JSON_MAX_DEPTH 128

/* json-glib builds a tree node of about a hundred bytes for every value,
 * even a "0," of two: a 1 MiB body of them would cost fifty times its
 * size. Bodies are refused past this many values (strings, member names,
 * numbers, literals, arrays and objects) before json-glib sees them, so
 * that a parsed answer costs a few times its size limit at most. It is
 * far more than any answer but the catalogue has, whose reader passes a
 * limit of its own. */
#define RA_JSON_MAX_VALUES (32 * 1024)

typedef enum
{
  RA_JSON_COST_OK,
  RA_JSON_COST_TOO_DEEP,
  RA_JSON_COST_TOO_MANY,
} RaJsonCost;

/* The guard ra_json_parse() applies before json-glib sees a body: TRUE
 * when data holds nothing but strict JSON tokens (json-glib takes much
 * more, and its extensions can hide brackets) that make one top-level
 * value, nested at most RA_JSON_MAX_DEPTH deep, with at most max_values
 * values (see ra-json-guard.c). cost (may be
 * NULL) tells which bound failed, if one did. Exposed for the tests and
 * the fuzz targets. */
gboolean  _ra_json_is_safe_to_parse (const char      *data,
                                     gsize            length,
                                     gsize            max_values,
                                     RaJsonCost      *cost);

/* Parses a response body (length -1: NUL-terminated). Any failure, from a
 * syntax error to an empty or too deeply nested body, is an
 * RA_ERROR_MALFORMED_RESPONSE whose message quotes nothing of the body,
 * since a token response must never end up in an error; a body of more
 * than RA_JSON_MAX_VALUES values is RA_ERROR_RESPONSE_TOO_LARGE. */
JsonNode *ra_json_parse           (const char        *data,
                                   gssize             length,
                                   GError           **error);
/* The same with a bound of max_values values. */
JsonNode *ra_json_parse_bounded   (const char        *data,
                                   gssize             length,
                                   gsize              max_values,
                                   GError           **error);

char     *ra_json_path_to_string  (const RaJsonPath  *path);

void      ra_json_set_missing     (GError           **error,
                                   const RaJsonPath  *path);
void      ra_json_set_invalid_text (GError          **error,
                                   const RaJsonPath  *path);
void      ra_json_set_not_one_of  (GError           **error,
                                   const RaJsonPath  *path,
                                   const char        *allowed);

/* The node-level getters: node NULL means absent. An absent or null
 * optional member leaves *out untouched and succeeds. */
gboolean  ra_json_node_object     (JsonNode          *node,
                                   const RaJsonPath  *path,
                                   RaJsonFlags        flags,
                                   JsonObject       **out,
                                   GError           **error);
gboolean  ra_json_node_array      (JsonNode          *node,
                                   const RaJsonPath  *path,
                                   RaJsonFlags        flags,
                                   JsonArray        **out,
                                   GError           **error);
gboolean  ra_json_node_string     (JsonNode          *node,
                                   const RaJsonPath  *path,
                                   RaJsonFlags        flags,
                                   const char       **out,
                                   GError           **error);
gboolean  ra_json_node_boolean    (JsonNode          *node,
                                   const RaJsonPath  *path,
                                   RaJsonFlags        flags,
                                   gboolean          *out,
                                   GError           **error);
/* An optional true/false member: missing or null is UNKNOWN, anything
 * but a boolean an error. object may be NULL (its parent is missing). */
gboolean  ra_json_member_tristate (JsonObject        *object,
                                   const RaJsonPath  *parent,
                                   const char        *member,
                                   RaTristate        *out,
                                   GError           **error);
/* Whole numbers only (1.0 counts, 1.5 does not), within [min, max]. */
gboolean  ra_json_node_int        (JsonNode          *node,
                                   const RaJsonPath  *path,
                                   RaJsonFlags        flags,
                                   gint64             min,
                                   gint64             max,
                                   gint64            *out,
                                   GError           **error);

/* The same for a member of an object; the error names parent.member. */
gboolean  ra_json_member_object   (JsonObject        *object,
                                   const RaJsonPath  *parent,
                                   const char        *member,
                                   RaJsonFlags        flags,
                                   JsonObject       **out,
                                   GError           **error);
gboolean  ra_json_member_array    (JsonObject        *object,
                                   const RaJsonPath  *parent,
                                   const char        *member,
                                   RaJsonFlags        flags,
                                   JsonArray        **out,
                                   GError           **error);
gboolean  ra_json_member_string   (JsonObject        *object,
                                   const RaJsonPath  *parent,
                                   const char        *member,
                                   RaJsonFlags        flags,
                                   const char       **out,
                                   GError           **error);
/* Like ra_json_member_string, but *out is replaced by a copy. */
gboolean  ra_json_member_dup_string (JsonObject      *object,
                                   const RaJsonPath  *parent,
                                   const char        *member,
                                   RaJsonFlags        flags,
                                   char             **out,
                                   GError           **error);
gboolean  ra_json_member_boolean  (JsonObject        *object,
                                   const RaJsonPath  *parent,
                                   const char        *member,
                                   RaJsonFlags        flags,
                                   gboolean          *out,
                                   GError           **error);
gboolean  ra_json_member_int      (JsonObject        *object,
                                   const RaJsonPath  *parent,
                                   const char        *member,
                                   RaJsonFlags        flags,
                                   gint64             min,
                                   gint64             max,
                                   gint64            *out,
                                   GError           **error);

/* An array of strings → a NULL-terminated vector of copies. */
gboolean  ra_json_member_strv     (JsonObject        *object,
                                   const RaJsonPath  *parent,
                                   const char        *member,
                                   RaJsonFlags        flags,
                                   char            ***out,
                                   GError           **error);

G_END_DECLS
