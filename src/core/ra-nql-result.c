/* ra-nql-result.c — what POST /api/v2/nql/execute answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-nql-result"

#include "config.h"

#include <math.h>

#include "ra-json-private.h"
#include "ra-nql-result-private.h"

struct _RaNqlResult
{
  GObject parent_instance;

  char *query_id;
  char *executed_query;
  char *execution_date_time;
  /* The answer's "rows", or -1 when it had none. */
  gint64 reported_rows;
  /* Read from an export's results file, which has no row limit; cut
   * only when the server said so (truncated). */
  gboolean exported;
  gboolean truncated;

  /* Column names, owned here, in first-seen order; NULL-terminated. */
  GPtrArray *columns;
  /* One GHashTable per row: column name (owned by columns) → cell text. */
  GPtrArray *rows;
};

G_DEFINE_FINAL_TYPE (RaNqlResult, ra_nql_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_QUERY_ID,
  PROP_EXECUTED_QUERY,
  PROP_EXECUTION_DATE_TIME,
  PROP_COLUMNS,
  PROP_N_ROWS,
  PROP_MAY_BE_INCOMPLETE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
ra_nql_result_finalize (GObject *object)
{
  RaNqlResult *self = (RaNqlResult *)object;

  g_clear_pointer (&self->query_id, g_free);
  g_clear_pointer (&self->executed_query, g_free);
  g_clear_pointer (&self->execution_date_time, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);

  G_OBJECT_CLASS (ra_nql_result_parent_class)->finalize (object);
}

static void
ra_nql_result_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RaNqlResult *self = RA_NQL_RESULT (object);

  switch (prop_id)
    {
    case PROP_QUERY_ID:
      g_value_set_string (value, self->query_id);
      break;
    case PROP_EXECUTED_QUERY:
      g_value_set_string (value, self->executed_query);
      break;
    case PROP_EXECUTION_DATE_TIME:
      g_value_set_string (value, self->execution_date_time);
      break;
    case PROP_COLUMNS:
      g_value_set_boxed (value, self->columns->pdata);
      break;
    case PROP_N_ROWS:
      g_value_set_uint (value, self->rows->len);
      break;
    case PROP_MAY_BE_INCOMPLETE:
      g_value_set_boolean (value, ra_nql_result_get_may_be_incomplete (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_nql_result_class_init (RaNqlResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_nql_result_finalize;
  object_class->get_property = ra_nql_result_get_property;

  properties [PROP_QUERY_ID] =
    g_param_spec_string ("query-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_EXECUTED_QUERY] =
    g_param_spec_string ("executed-query", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_EXECUTION_DATE_TIME] =
    g_param_spec_string ("execution-date-time", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_COLUMNS] =
    g_param_spec_boxed ("columns", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_N_ROWS] =
    g_param_spec_uint ("n-rows", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_MAY_BE_INCOMPLETE] =
    g_param_spec_boolean ("may-be-incomplete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ra_nql_result_init (RaNqlResult *self)
{
  self->columns = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->columns, NULL);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  self->reported_rows = -1;
}

static char *
format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* The shortest of the usual precisions that reads back the same, so
   * 0.1 shows as "0.1" and not "0.10000000000000001". */
  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_formatd (buf, sizeof buf, "%.17g", value);

  return g_strdup (buf);
}

/* NULL renders as the empty string: an IT admin reads an empty cell as
 * "no value" without knowing JSON. */
static char *
render_cell (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      return g_strdup ("");

    case JSON_NODE_OBJECT:
    case JSON_NODE_ARRAY:
      return json_to_string (node, FALSE);

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          {
            const char *str = json_node_get_string (node);

            if (str == NULL || !g_utf8_validate (str, -1, NULL))
              return NULL;
            return g_strdup (str);
          }
        case G_TYPE_INT64:
          return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
        case G_TYPE_DOUBLE:
          return format_double (json_node_get_double (node));
        case G_TYPE_BOOLEAN:
          return g_strdup (json_node_get_boolean (node) ? "true" : "false");
        default:
          return NULL;
        }

    default:
      return NULL;
    }
}

/* Returns the column's name as owned by self, adding it if new. */
static const char *
intern_column (RaNqlResult *self,
               GHashTable  *known,
               const char  *name)
{
  char *owned = g_hash_table_lookup (known, name);

  if (owned == NULL)
    {
      owned = g_strdup (name);
      /* Keep the array NULL-terminated for get_columns(). */
      self->columns->pdata[self->columns->len - 1] = owned;
      g_ptr_array_add (self->columns, NULL);
      g_hash_table_add (known, owned);
    }

  return owned;
}

RaNqlResult *
ra_nql_result_new_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(RaNqlResult) self = NULL;
  g_autoptr(GHashTable) known = NULL;
  RaJsonPath root = RA_JSON_PATH_INIT (NULL);
  RaJsonPath data_path = ra_json_path_member (&root, "data");
  JsonObject *object = NULL;
  JsonArray *data = NULL;
  gint64 rows = -1;   /* left as is when the answer has none */
  guint n;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RA_TYPE_NQL_RESULT, NULL);

  /* The v2 schema marks nothing as required; "data" is treated as required
   * all the same, since an answer without it would otherwise read as a
   * query that matched nothing. */
  if (!ra_json_node_object (node, &root, RA_JSON_REQUIRED, &object, error) ||
      !ra_json_member_dup_string (object, &root, "queryId", RA_JSON_OPTIONAL, &self->query_id, error) ||
      !ra_json_member_dup_string (object, &root, "executedQuery", RA_JSON_OPTIONAL, &self->executed_query, error) ||
      !ra_json_member_int (object, &root, "rows", RA_JSON_OPTIONAL, 0, G_MAXINT64, &rows, error) ||
      !ra_json_member_dup_string (object, &root, "executionDateTime", RA_JSON_OPTIONAL, &self->execution_date_time, error) ||
      !ra_json_member_array (object, &root, "data", RA_JSON_REQUIRED, &data, error))
    return NULL;
  self->reported_rows = rows;

  known = g_hash_table_new (g_str_hash, g_str_equal);
  n = json_array_get_length (data);

  for (guint i = 0; i < n; i++)
    {
      RaJsonPath row_path = ra_json_path_element (&data_path, i);
      g_autoptr(GHashTable) cells = NULL;
      g_autoptr(GList) members = NULL;
      JsonObject *row = NULL;

      if (!ra_json_node_object (json_array_get_element (data, i), &row_path,
                                RA_JSON_REQUIRED, &row, error))
        return NULL;

      cells = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      members = json_object_get_members (row);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          const char *name = l->data;
          char *text;

          if (!g_utf8_validate (name, -1, NULL))
            {
              ra_json_set_invalid_text (error, &row_path);
              return NULL;
            }

          text = render_cell (json_object_get_member (row, name));
          if (text == NULL)
            {
              RaJsonPath cell_path = ra_json_path_member (&row_path, name);

              ra_json_set_invalid_text (error, &cell_path);
              return NULL;
            }

          g_hash_table_replace (cells, (gpointer) intern_column (self, known, name), text);
        }

      g_ptr_array_add (self->rows, g_steal_pointer (&cells));
    }

  return g_steal_pointer (&self);
}

RaNqlResult *
_ra_nql_result_new_exported (const char *query_id,
                             gboolean    truncated)
{
  RaNqlResult *self = g_object_new (RA_TYPE_NQL_RESULT, NULL);

  self->query_id = g_strdup (query_id);
  self->exported = TRUE;
  self->truncated = truncated;

  return self;
}

const char *
_ra_nql_result_add_column (RaNqlResult *self,
                           GHashTable  *known,
                           const char  *name)
{
  return intern_column (self, known, name);
}

void
_ra_nql_result_add_row (RaNqlResult *self,
                        GHashTable  *cells)
{
  g_ptr_array_add (self->rows, cells);
}

gboolean
ra_nql_result_get_exported (RaNqlResult *self)
{
  g_return_val_if_fail (RA_IS_NQL_RESULT (self), FALSE);

  return self->exported;
}

const char *
ra_nql_result_get_query_id (RaNqlResult *self)
{
  g_return_val_if_fail (RA_IS_NQL_RESULT (self), NULL);

  return self->query_id;
}

const char *
ra_nql_result_get_executed_query (RaNqlResult *self)
{
  g_return_val_if_fail (RA_IS_NQL_RESULT (self), NULL);

  return self->executed_query;
}

const char *
ra_nql_result_get_execution_date_time (RaNqlResult *self)
{
  g_return_val_if_fail (RA_IS_NQL_RESULT (self), NULL);

  return self->execution_date_time;
}

const char * const *
ra_nql_result_get_columns (RaNqlResult *self)
{
  g_return_val_if_fail (RA_IS_NQL_RESULT (self), NULL);

  return (const char * const *) self->columns->pdata;
}

guint
ra_nql_result_get_n_rows (RaNqlResult *self)
{
  g_return_val_if_fail (RA_IS_NQL_RESULT (self), 0);

  return self->rows->len;
}

gboolean
ra_nql_result_get_may_be_incomplete (RaNqlResult *self)
{
  g_return_val_if_fail (RA_IS_NQL_RESULT (self), FALSE);

  if (self->exported)
    return self->truncated;

  /* At the limit, nothing in the answer tells a cut result from one
   * that happens to have exactly that many rows. */
  return self->rows->len >= RA_NQL_EXECUTE_MAX_ROWS ||
         self->reported_rows > (gint64) self->rows->len;
}

const char *
ra_nql_result_get_value (RaNqlResult *self,
                         guint        row,
                         const char  *column)
{
  g_return_val_if_fail (RA_IS_NQL_RESULT (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column != NULL, NULL);

  return g_hash_table_lookup (g_ptr_array_index (self->rows, row), column);
}

/* "YYYY-MM-DD" then 'T' or ' ' then "hh:mm": the shape of an NQL time.
 * g_date_time_new_from_iso8601() alone would also take week dates and
 * ordinal dates, which no NQL column holds and which would turn the odd
 * text cell into a time. */
static gboolean
looks_like_date_time (const char *text)
{
  static const char shape[] = "dddd-dd-ddTdd:dd";

  for (gsize i = 0; i < sizeof shape - 1; i++)
    {
      char c = text[i];

      if (shape[i] == 'd' ? !g_ascii_isdigit (c)
                          : shape[i] == 'T' ? (c != 'T' && c != 't' && c != ' ')
                                            : c != shape[i])
        return FALSE;
    }

  return TRUE;
}

GDateTime *
ra_nql_parse_time (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *copy = NULL;

  if (text == NULL || !looks_like_date_time (text))
    return NULL;

  /* GLib wants the 'T'; some answers separate with a space. */
  copy = g_strdup (text);
  copy[10] = 'T';

  utc = g_time_zone_new_utc ();
  time = g_date_time_new_from_iso8601 (copy, utc);
  if (time == NULL)
    return NULL;

  return g_date_time_to_utc (time);
}

GDateTime *
ra_nql_result_dup_time (RaNqlResult *self,
                        guint        row,
                        const char  *column)
{
  g_return_val_if_fail (RA_IS_NQL_RESULT (self), NULL);

  return ra_nql_parse_time (ra_nql_result_get_value (self, row, column));
}
