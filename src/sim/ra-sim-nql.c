/* ra-sim-nql.c — NQL v2 execute in the simulator
 *
 * Besides the queries a test configures, the simulator knows two that a
 * demo needs: #remote_action_executions (what happened on each device for
 * the requests it accepted, parameter request_id optional) and
 * #demo_devices (devices with their collector IDs, to paste as targets),
 * and #device_lookup (the devices of one name, parameter device_name,
 * matched as NQL's == matches text: case-insensitive, with * and ?
 * as wildcards).
 *
 * In the realistic profile it answers as a real instance does: times in
 * the instance's regional time zone, written without an offset, unless
 * the client sends x-utc-times: true; at most MAX_ROWS rows whatever the
 * query; and only the devices the instance knows report back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-simulator"

#include "config.h"

#include <string.h>

#include "ra-sim-private.h"

#define EXECUTIONS_QUERY "#remote_action_executions"
#define DEVICES_QUERY    "#demo_devices"
#define LOOKUP_QUERY     "#device_lookup"

/* The execute endpoint is meant for small answers; a real instance caps
 * them too. */
#define MAX_ROWS 1000

/* Where the simulated instance is, for its regional times. */
#define REGION_TIME_ZONE "Europe/Zurich"
#define REGION_FALLBACK_OFFSET (60 * 60)

/* How one answer writes its times. */
typedef enum
{
  TIMES_TIDY,       /* UTC with a Z, as the tidy profile always did */
  TIMES_UTC,        /* UTC, no offset: what x-utc-times: true gives */
  TIMES_REGIONAL,   /* the region's local time, no offset */
} TimeStyle;

static void
add_builtin (RaSimState   *state,
             const char   *id,
             RaSimNqlKind  kind,
             const char   *text)
{
  RaSimNqlQuery *query = g_new0 (RaSimNqlQuery, 1);

  query->kind = kind;
  query->text = g_strdup (text);
  g_hash_table_replace (state->nql_queries, g_strdup (id), query);
}

void
ra_sim_nql_install_builtin (RaSimState *state)
{
  add_builtin (state, EXECUTIONS_QUERY, RA_SIM_NQL_EXECUTIONS,
               "remote_action.executions during past 7d "
               "| where request_id == $request_id "
               "| list remote_action.nql_id, remote_action.name, request_id, "
               "device.name, device.collector.uid, status, status_details, time, outputs");
  add_builtin (state, DEVICES_QUERY, RA_SIM_NQL_DEVICES,
               "devices during past 7d "
               "| list device.name, device.collector.uid, "
               "device.operating_system.platform, device.last_seen");
  add_builtin (state, LOOKUP_QUERY, RA_SIM_NQL_DEVICE_LOOKUP,
               "devices during past 7d "
               "| where device.name == $device_name "
               "| list device.name, device.collector.uid");
}

static void
nql_error (RaSimResponse *response,
           guint          status,
           const char    *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  /* The NQL API's error body has an integer code, unlike the remote
   * action API's. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, status);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, "nql");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  ra_sim_response_set_json (response, status, root);
}

static gboolean
query_id_is_valid (const char *id)
{
  gsize len = strlen (id);

  if (len < 3 || len > 256 || id[0] != '#')
    return FALSE;

  for (gsize i = 1; i < len; i++)
    if (!g_ascii_islower (id[i]) && !g_ascii_isdigit (id[i]) && id[i] != '_')
      return FALSE;

  return TRUE;
}

static GTimeZone *
region_time_zone (void)
{
  GTimeZone *zone = g_time_zone_new_identifier (REGION_TIME_ZONE);

  /* Without tzdata, a fixed offset still shows the problem. */
  return zone != NULL ? zone : g_time_zone_new_offset (REGION_FALLBACK_OFFSET);
}

static char *
iso_time (gint64    usec,
          TimeStyle style)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local = NULL;

  switch (style)
    {
    case TIMES_UTC:
      return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

    case TIMES_REGIONAL:
      zone = region_time_zone ();
      local = g_date_time_to_timezone (utc, zone);
      return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S");

    case TIMES_TIDY:
    default:
      return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    }
}

static const RaSimDevice *
find_device (const char *uid)
{
  guint n;
  const RaSimDevice *devices = ra_sim_catalogue_get_devices (&n);

  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (devices[i].uid, uid) == 0)
      return &devices[i];

  return NULL;
}

static gboolean
device_is_known (const char *uid)
{
  return find_device (uid) != NULL;
}

static gboolean
device_is_offline (const char *uid)
{
  const RaSimDevice *device = find_device (uid);

  return device != NULL && device->offline;
}

GStrv
ra_simulator_dup_known_devices (void)
{
  guint n;
  const RaSimDevice *devices = ra_sim_catalogue_get_devices (&n);
  GStrv uids = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    uids[i] = g_strdup (devices[i].uid);

  return uids;
}

static const char *
device_name (const char *uid,
             char        buffer[32])
{
  guint n;
  const RaSimDevice *devices = ra_sim_catalogue_get_devices (&n);

  for (guint i = 0; i < n; i++)
    if (g_ascii_strcasecmp (devices[i].uid, uid) == 0)
      return devices[i].name;

  g_snprintf (buffer, 32, "DESKTOP-%06X", g_str_hash (uid) & 0xffffff);
  return buffer;
}

static void
add_output_value (JsonBuilder *builder,
                  const char  *type,
                  guint        hash,
                  gint64       created_usec,
                  TimeStyle    style)
{
  static const char * const words[] = { "OK", "Healthy", "Needs attention", "Not applicable" };

  if (g_strcmp0 (type, "int") == 0)
    json_builder_add_int_value (builder, hash % 500);
  else if (g_strcmp0 (type, "float") == 0)
    json_builder_add_double_value (builder, (hash % 10000) / 100.0);
  else if (g_strcmp0 (type, "bool") == 0)
    json_builder_add_boolean_value (builder, hash & 1);
  else if (g_strcmp0 (type, "bytes") == 0)
    json_builder_add_int_value (builder, (gint64) (hash % 512000) * 1048576);
  else if (g_strcmp0 (type, "millis") == 0)
    json_builder_add_int_value (builder, hash % 60000);
  else if (g_strcmp0 (type, "datetime") == 0)
    {
      g_autofree char *text = iso_time (created_usec - (gint64) (hash % 86400) * G_USEC_PER_SEC,
                                        style);

      json_builder_add_string_value (builder, text);
    }
  else if (g_strcmp0 (type, "version") == 0)
    {
      g_autofree char *text = g_strdup_printf ("%u.%u.%u", 1 + hash % 20, hash % 10, hash % 9000);

      json_builder_add_string_value (builder, text);
    }
  else if (g_strcmp0 (type, "list_of_strings") == 0)
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < 1 + hash % 3; i++)
        json_builder_add_string_value (builder, words[(hash + i) % G_N_ELEMENTS (words)]);
      json_builder_end_array (builder);
    }
  else
    json_builder_add_string_value (builder, words[hash % G_N_ELEMENTS (words)]);
}

static void
add_execution_row (JsonBuilder    *builder,
                   RaSimExecution *execution,
                   const char     *device,
                   gint64          now_usec,
                   guint           settle_seconds,
                   TimeStyle       style)
{
  guint hash = g_str_hash (device) ^ g_str_hash (execution->request_id);
  gint64 elapsed_usec = now_usec - execution->created_usec;
  gint64 elapsed = elapsed_usec / G_USEC_PER_SEC;
  /* Spread over the settle time, so devices report back one by one. */
  gint64 run_usec = (gint64) settle_seconds * G_USEC_PER_SEC * (2 + hash % 6) / 7;
  const char *status;
  const char *details = "";
  char name_buffer[32];
  g_autofree char *time = NULL;

  /* A few devices are offline until the request expires; the others
   * report back within seconds, most of them successfully. */
  if (hash % 100 < 8 || device_is_offline (device))
    {
      if (elapsed >= (gint64) execution->expires_in_minutes * 60)
        {
          status = "expired";
          details = "The device did not come online before the request expired.";
        }
      else
        {
          status = "waiting";
          details = "Waiting for the device to come online.";
        }
    }
  else if (elapsed_usec < run_usec)
    status = "in_progress";
  else if (hash % 100 < 20)
    {
      status = "failure";
      details = "The script exited with code 1: Access is denied.";
    }
  else
    status = "success";

  time = iso_time (execution->created_usec + MIN (run_usec, MAX (elapsed_usec, 0)), style);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "remote_action.nql_id");
  json_builder_add_string_value (builder, execution->action_id);
  json_builder_set_member_name (builder, "remote_action.name");
  json_builder_add_string_value (builder, execution->action_name);
  json_builder_set_member_name (builder, "remote_action.execution.request_id");
  json_builder_add_string_value (builder, execution->request_id);
  json_builder_set_member_name (builder, "device.name");
  json_builder_add_string_value (builder, device_name (device, name_buffer));
  json_builder_set_member_name (builder, "device.collector.uid");
  json_builder_add_string_value (builder, device);
  json_builder_set_member_name (builder, "remote_action.execution.status");
  json_builder_add_string_value (builder, status);
  json_builder_set_member_name (builder, "remote_action.execution.status_details");
  json_builder_add_string_value (builder, details);
  json_builder_set_member_name (builder, "remote_action.execution.time");
  json_builder_add_string_value (builder, time);

  if (g_str_equal (status, "success") && execution->outputs != NULL &&
      JSON_NODE_HOLDS_ARRAY (execution->outputs))
    {
      JsonArray *outputs = json_node_get_array (execution->outputs);

      for (guint i = 0; i < json_array_get_length (outputs); i++)
        {
          JsonNode *element = json_array_get_element (outputs, i);
          JsonObject *output = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
          const char *id = ra_sim_json_string (output, "id");
          const char *type = ra_sim_json_string (output, "type");
          g_autofree char *member = NULL;

          if (id == NULL)
            continue;

          member = g_strdup_printf ("remote_action.execution.outputs.%s", id);
          json_builder_set_member_name (builder, member);
          add_output_value (builder, type != NULL ? type : "string", hash + i * 7919,
                            execution->created_usec, style);
        }
    }

  json_builder_end_object (builder);
}

static guint
build_execution_rows_upto (RaSimulator *self,
                           JsonBuilder *builder,
                           const char  *request_id,
                           TimeStyle    style,
                           guint        max_rows)
{
  GPtrArray *executions = self->state.executions;
  gint64 now = ra_sim_state_now_usec (&self->state);
  guint settle_seconds = self->state.execution_seconds;
  guint rows = 0;

  /* Newest first, as the query's default sort would give. */
  for (guint i = executions->len; i > 0 && rows < max_rows; i--)
    {
      RaSimExecution *execution = g_ptr_array_index (executions, i - 1);

      if (request_id != NULL && g_ascii_strcasecmp (request_id, execution->request_id) != 0)
        continue;

      for (guint d = 0; execution->devices[d] != NULL && rows < max_rows; d++)
        {
          /* A collector ID the instance does not know was accepted, but
           * no device will ever run the action for it. */
          if (self->profile == RA_SIM_PROFILE_REALISTIC && !device_is_known (execution->devices[d]))
            continue;

          add_execution_row (builder, execution, execution->devices[d], now, settle_seconds,
                             style);
          rows++;
        }
    }

  return rows;
}

static guint
build_execution_rows (RaSimulator *self,
                      JsonBuilder *builder,
                      const char  *request_id,
                      TimeStyle    style)
{
  return build_execution_rows_upto (self, builder, request_id, style, MAX_ROWS);
}

static guint
build_device_rows (RaSimulator *self,
                   JsonBuilder *builder,
                   TimeStyle    style)
{
  gint64 now = ra_sim_state_now_usec (&self->state);
  guint n;
  const RaSimDevice *devices = ra_sim_catalogue_get_devices (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *last_seen = iso_time (now - (gint64) i * 37 * 60 * G_USEC_PER_SEC, style);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "device.name");
      json_builder_add_string_value (builder, devices[i].name);
      json_builder_set_member_name (builder, "device.collector.uid");
      json_builder_add_string_value (builder, devices[i].uid);
      json_builder_set_member_name (builder, "device.operating_system.platform");
      json_builder_add_string_value (builder, devices[i].platform);
      json_builder_set_member_name (builder, "device.last_seen");
      json_builder_add_string_value (builder, last_seen);
      json_builder_end_object (builder);
    }

  return n;
}

/* NQL compares text case-insensitively, and * and ? in the value are
 * wildcards. */
static gboolean
nql_text_matches (const char *pattern,
                  const char *value)
{
  g_autofree char *folded_pattern = g_utf8_casefold (pattern, -1);
  g_autofree char *folded_value = g_utf8_casefold (value, -1);

  return g_pattern_match_simple (folded_pattern, folded_value);
}

static guint
build_lookup_rows (JsonBuilder *builder,
                   const char  *name)
{
  guint n;
  const RaSimDevice *devices = ra_sim_catalogue_get_devices (&n);
  guint rows = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!nql_text_matches (name, devices[i].name))
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "device.name");
      json_builder_add_string_value (builder, devices[i].name);
      json_builder_set_member_name (builder, "device.collector.uid");
      json_builder_add_string_value (builder, devices[i].uid);
      json_builder_end_object (builder);
      rows++;
    }

  return rows;
}

static char *
substitute (const char *text,
            JsonObject *parameters)
{
  g_autoptr(GList) names = NULL;
  char *result = g_strdup (text);

  if (parameters == NULL)
    return result;

  names = json_object_get_members (parameters);
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *placeholder = g_strdup_printf ("$%s", (char *) l->data);
      g_autofree char *value =
        g_strdup_printf ("\"%s\"", json_object_get_string_member (parameters, l->data));
      g_auto(GStrv) parts = g_strsplit (result, placeholder, -1);

      g_free (result);
      result = g_strjoinv (value, parts);
    }

  return result;
}

static void
append_csv_field (GString    *csv,
                  const char *value)
{
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (csv, value);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static char *
cell_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return g_strdup (json_node_get_string (node));
        case G_TYPE_BOOLEAN:
          return g_strdup (json_node_get_boolean (node) ? "true" : "false");
        case G_TYPE_INT64:
          return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
        case G_TYPE_DOUBLE:
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];

            return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
          }
        default:
          break;
        }
    }

  return json_to_string (node, FALSE);
}

static GBytes *
rows_to_csv (JsonArray *rows)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  GString *csv = g_string_new (NULL);

  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      g_autoptr(GList) names = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (rows, r)))
        continue;

      names = json_object_get_members (json_array_get_object_element (rows, r));

      for (GList *l = names; l != NULL; l = l->next)
        if (!g_ptr_array_find_with_equal_func (columns, l->data, g_str_equal, NULL))
          g_ptr_array_add (columns, l->data);
    }

  for (guint c = 0; c < columns->len; c++)
    {
      if (c > 0)
        g_string_append_c (csv, ',');
      append_csv_field (csv, g_ptr_array_index (columns, c));
    }
  g_string_append (csv, "\r\n");

  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row;

      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (rows, r)))
        continue;

      row = json_array_get_object_element (rows, r);
      for (guint c = 0; c < columns->len; c++)
        {
          g_autofree char *text =
            cell_text (json_object_get_member (row, g_ptr_array_index (columns, c)));

          if (c > 0)
            g_string_append_c (csv, ',');
          append_csv_field (csv, text);
        }
      g_string_append (csv, "\r\n");
    }

  return g_string_free_to_bytes (csv);
}

/* The body execute and export take alike, {queryId, parameters}. parser
 * holds what query_id and parameters point into. On a refusal, the
 * answer is in response and the result NULL. */
RaSimNqlQuery *
ra_sim_nql_read_request (RaSimulator    *self,
                         JsonParser     *parser,
                         GBytes         *body,
                         const char    **query_id,
                         JsonObject    **parameters,
                         RaSimResponse  *response)
{
  JsonObject *request;
  JsonNode *node;
  RaSimNqlQuery *query;

  *query_id = NULL;
  *parameters = NULL;

  if (self->nql_denied)
    {
      nql_error (response, SOUP_STATUS_FORBIDDEN, "Not authorized to execute queries.");
      return NULL;
    }

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   g_bytes_get_size (body), NULL) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      nql_error (response, SOUP_STATUS_BAD_REQUEST, "The request body must be a JSON object.");
      return NULL;
    }
  request = json_node_get_object (json_parser_get_root (parser));

  node = json_object_get_member (request, "queryId");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      !query_id_is_valid (json_node_get_string (node)))
    {
      nql_error (response, SOUP_STATUS_BAD_REQUEST,
                 "queryId is required and must match ^#[a-z0-9_]{2,255}$.");
      return NULL;
    }
  *query_id = json_node_get_string (node);

  node = json_object_get_member (request, "parameters");
  if (node != NULL)
    {
      g_autoptr(GList) names = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          nql_error (response, SOUP_STATUS_BAD_REQUEST, "parameters must be an object.");
          return NULL;
        }

      *parameters = json_node_get_object (node);
      names = json_object_get_members (*parameters);
      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonNode *value = json_object_get_member (*parameters, l->data);

          if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
            {
              nql_error (response, SOUP_STATUS_BAD_REQUEST,
                         "The values of parameters must be strings.");
              return NULL;
            }
        }
    }

  query = g_hash_table_lookup (self->state.nql_queries, *query_id);
  /* Documented without a body. */
  if (query == NULL)
    response->status = SOUP_STATUS_NOT_FOUND;

  return query;
}

static TimeStyle
time_style (RaSimulator        *self,
            SoupMessageHeaders *headers)
{
  if (self->profile == RA_SIM_PROFILE_TIDY)
    return TIMES_TIDY;
  /* "any other value" is regional */
  if (g_strcmp0 (soup_message_headers_get_one (headers, "x-utc-times"), "true") == 0)
    return TIMES_UTC;
  return TIMES_REGIONAL;
}

/* What an export writes to its results file: every row the query
 * matches, without execute's cap, as CSV. */
GBytes *
ra_sim_nql_export_csv (RaSimulator        *self,
                       RaSimNqlQuery      *query,
                       JsonObject         *parameters,
                       SoupMessageHeaders *headers,
                       guint               max_rows,
                       guint              *n_rows,
                       gboolean           *cut)
{
  TimeStyle style = time_style (self, headers);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;
  const char *request_id = NULL;

  if (parameters != NULL)
    request_id = json_object_get_string_member_with_default (parameters, "request_id", NULL);

  json_builder_begin_array (builder);
  switch (query->kind)
    {
    case RA_SIM_NQL_EXECUTIONS:
      build_execution_rows_upto (self, builder, request_id, style, G_MAXUINT);
      break;

    case RA_SIM_NQL_DEVICES:
      build_device_rows (self, builder, style);
      break;

    /* A lookup answers a row or two: nobody exports it, and its export
     * is empty. */
    case RA_SIM_NQL_DEVICE_LOOKUP:
    case RA_SIM_NQL_STATIC:
    default:
      break;
    }
  json_builder_end_array (builder);

  if (query->kind == RA_SIM_NQL_STATIC && query->data != NULL)
    data = json_node_copy (query->data);
  else
    data = json_builder_get_root (builder);

  *n_rows = json_array_get_length (json_node_get_array (data));
  *cut = max_rows > 0 && *n_rows > max_rows;
  if (*cut)
    {
      JsonArray *all = json_node_get_array (data);
      g_autoptr(JsonArray) first = json_array_sized_new (max_rows);

      for (guint i = 0; i < max_rows; i++)
        json_array_add_element (first, json_node_copy (json_array_get_element (all, i)));
      *n_rows = max_rows;
      return rows_to_csv (first);
    }

  return rows_to_csv (json_node_get_array (data));
}

void
ra_sim_nql_execute (RaSimulator        *self,
                    SoupMessageHeaders *headers,
                    GBytes             *body,
                    RaSimResponse      *response)
{
  const char *accept = soup_message_headers_get_one (headers, "Accept");
  TimeStyle style = time_style (self, headers);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *executed = NULL;
  g_autofree char *now = NULL;
  JsonObject *parameters = NULL;
  RaSimNqlQuery *query;
  const char *query_id;
  gboolean csv = FALSE;
  guint rows;

  /* The API credentials decide before anything about the query does. */
  if (self->nql_denied)
    {
      nql_error (response, SOUP_STATUS_FORBIDDEN, "Not authorized to execute queries.");
      return;
    }

  if (accept != NULL && *accept != '\0')
    {
      if (strstr (accept, "text/csv") != NULL)
        csv = TRUE;
      else if (strstr (accept, "application/json") == NULL && strstr (accept, "*/*") == NULL)
        {
          response->status = SOUP_STATUS_NOT_ACCEPTABLE;
          return;
        }
    }

  query = ra_sim_nql_read_request (self, parser, body, &query_id, &parameters, response);
  if (query == NULL)
    return;

  switch (query->kind)
    {
    case RA_SIM_NQL_EXECUTIONS:
      json_builder_begin_array (builder);
      rows = build_execution_rows (self, builder,
                                   parameters != NULL
                                   ? json_object_get_string_member_with_default (parameters,
                                                                                 "request_id",
                                                                                 NULL)
                                   : NULL,
                                   style);
      json_builder_end_array (builder);
      data = json_builder_get_root (builder);
      break;

    case RA_SIM_NQL_DEVICES:
      json_builder_begin_array (builder);
      rows = build_device_rows (self, builder, style);
      json_builder_end_array (builder);
      data = json_builder_get_root (builder);
      break;

    case RA_SIM_NQL_DEVICE_LOOKUP:
      {
        const char *name = NULL;

        if (parameters != NULL)
          name = json_object_get_string_member_with_default (parameters, "device_name", NULL);

        /* A parameter the query names must be given. */
        if (name == NULL)
          {
            nql_error (response, SOUP_STATUS_BAD_REQUEST,
                       "The query needs the parameter device_name.");
            return;
          }

        json_builder_begin_array (builder);
        rows = build_lookup_rows (builder, name);
        json_builder_end_array (builder);
        data = json_builder_get_root (builder);
      }
      break;

    case RA_SIM_NQL_STATIC:
    default:
      data = json_node_copy (query->data);
      rows = json_array_get_length (json_node_get_array (data));
      /* Whatever the query matched, execute answers the first rows only. */
      if (self->profile == RA_SIM_PROFILE_REALISTIC && rows > MAX_ROWS)
        {
          /* A new array: json_node_copy () shares the query's, which
           * the export still reads whole. */
          JsonArray *all = json_node_get_array (data);
          JsonArray *first = json_array_sized_new (MAX_ROWS);

          for (guint i = 0; i < MAX_ROWS; i++)
            json_array_add_element (first, json_node_copy (json_array_get_element (all, i)));
          json_node_take_array (data, first);
          rows = MAX_ROWS;
        }
      break;
    }

  if (csv)
    {
      response->status = SOUP_STATUS_OK;
      response->body = rows_to_csv (json_node_get_array (data));
      response->content_type = "text/csv";
      return;
    }

  executed = substitute (query->text, parameters);
  now = iso_time (ra_sim_state_now_usec (&self->state), style);

  json_builder_reset (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "queryId");
  json_builder_add_string_value (builder, query_id);
  json_builder_set_member_name (builder, "executedQuery");
  json_builder_add_string_value (builder, executed);
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, rows);
  json_builder_set_member_name (builder, "executionDateTime");
  json_builder_add_string_value (builder, now);
  json_builder_set_member_name (builder, "data");
  json_builder_add_value (builder, g_steal_pointer (&data));
  json_builder_end_object (builder);
  answer = json_builder_get_root (builder);

  ra_sim_response_set_json (response, SOUP_STATUS_OK, answer);
}
